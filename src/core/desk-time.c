/* desk-time.c: the app's clock and local-time helpers
 *
 * Times are stored in UTC and shown in the local zone; every conversion
 * goes through GDateTime and GTimeZone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-time"

#include "config.h"

#include "desk-time.h"

/**
 * desk_time_now:
 *
 * The current local time; COMMUNITY_DESK_NOW (ISO 8601) overrides it so
 * that the demo workspace, screenshots and tests are reproducible.
 *
 * Returns: (transfer full): the current time in the local zone
 */
GDateTime *
desk_time_now (void)
{
  const char *fixed = g_getenv ("COMMUNITY_DESK_NOW");

  if (fixed != NULL && *fixed != '\0')
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (fixed, local);

      if (parsed != NULL)
        return g_date_time_to_local (parsed);
      g_warning ("COMMUNITY_DESK_NOW=%s is not an ISO 8601 date and time; using the real clock", fixed);
    }
  return g_date_time_new_now_local ();
}

/* Midnight of @time's local day. */
GDateTime *
desk_time_local_midnight (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_new_local (g_date_time_get_year (local),
                                g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), 0, 0, 0);
}

GDateTime *
desk_time_month_start (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_new_local (g_date_time_get_year (local),
                                g_date_time_get_month (local), 1, 0, 0, 0);
}

/* @hour:@minute local time on @day's local date: the wall-clock time stays
 * the same on both sides of a DST change. */
GDateTime *
desk_time_at_local (GDateTime *day,
                    int        hour,
                    int        minute)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (day);

  return g_date_time_new_local (g_date_time_get_year (local),
                                g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), hour, minute, 0);
}

/* YYYY-MM-DD of @time's local date. */
char *
desk_time_format_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d");
}

/**
 * desk_time_move_to_day:
 * @time: a post's time
 * @day: any time on the target day
 *
 * What a drop on a day of the month view does: the same local wall-clock
 * time on another day, whatever DST change lies between.
 *
 * Returns: (transfer full): the new time
 */
GDateTime *
desk_time_move_to_day (GDateTime *time,
                       GDateTime *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return desk_time_at_local (day, g_date_time_get_hour (local), g_date_time_get_minute (local));
}
