/* desk-time.h: the app's clock and local-time helpers (all GDateTime)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *desk_time_now           (void);
GTimeZone *desk_time_local_zone    (void);
GTimeZone *desk_time_system_zone   (void);
gboolean   desk_time_set_zone      (const char *identifier);
const char *desk_time_get_zone_identifier (void);
gboolean   desk_time_zone_differs  (GDateTime *time);
char      *desk_time_format_system (GDateTime *time);
char      *desk_time_zone_city     (void);
char      *desk_time_describe_zone (GDateTime *time);
GDateTime *desk_time_to_local      (GDateTime *time);
GDateTime *desk_time_new_local     (int        year,
                                    int        month,
                                    int        day,
                                    int        hour,
                                    int        minute,
                                    double     seconds);
GDateTime *desk_time_from_unix_local (gint64   unix_time);
GDateTime *desk_time_local_midnight (GDateTime *time);
GDateTime *desk_time_month_start   (GDateTime *time);
guint32    desk_time_julian        (GDateTime *time);
GDateTime *desk_time_at_local      (GDateTime *day,
                                    int        hour,
                                    int        minute);
GDateTime *desk_time_default_post_time (GDateTime *day,
                                        GDateTime *now,
                                        int        hour,
                                        int        minute);
int        desk_time_first_weekday (void);
int        _desk_time_week_start_from_langinfo (int   first_weekday,
                                                guint week_origin);
char      *desk_time_format_day    (GDateTime *time);
GDateTime *desk_time_move_to_day   (GDateTime *time,
                                    GDateTime *day);
GStrv      desk_time_list_zones    (const char *zone_tab,
                                    GError    **error);
char      *desk_time_dup_local_zone_name (void);

G_END_DECLS
