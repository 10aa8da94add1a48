/* desk-format.h: numbers written the way the user's locale writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *desk_format_count         (gint64     count);
char *desk_format_relative_time (GDateTime *time,
                                 GDateTime *now);
char *desk_format_duration      (GTimeSpan  span);
char *desk_format_dup_excerpt   (const char *text,
                                 gsize       max_chars,
                                 gsize      *n_chars);

G_END_DECLS
