/* desk-ics.h: the calendar as iCalendar (RFC 5545) for clients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

char *desk_ics_escape_text (const char *text);
char *desk_ics_fold_line   (const char *line);
char *desk_ics_export      (GPtrArray  *posts,
                            GHashTable *channels,
                            const char *calendar_name,
                            GDateTime  *dtstamp);
gboolean desk_ics_export_range (DeskStore   *store,
                                gint64       brand_id,
                                GDateTime   *from,
                                GDateTime   *to,
                                const char  *path,
                                guint       *n_events,
                                GError     **error);

G_END_DECLS
