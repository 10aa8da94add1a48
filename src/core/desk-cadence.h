/* desk-cadence.h: posting cadence per channel and day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-channel.h"
#include "desk-post.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 channel_id;
  guint  count;    /* posts planned that day on the channel */
  guint  limit;    /* the channel's cadence */
} DeskCadenceWarning;

GArray *desk_cadence_check (GPtrArray  *posts,
                            GHashTable *channels);

G_END_DECLS
