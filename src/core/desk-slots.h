/* desk-slots.h: a channel's posting slots and its queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint8 weekday;   /* 1 = Monday … 7 = Sunday (GDateTime) */
  guint8 hour;
  guint8 minute;
} DeskSlot;

GArray    *desk_slots_parse     (const char  *text,
                                 GError     **error);
char      *desk_slots_to_string (GArray      *slots);
char      *desk_slots_to_label  (GArray      *slots);
GDateTime *desk_slots_next_free (GArray      *slots,
                                 GDateTime   *after,
                                 GPtrArray   *taken);

G_END_DECLS
