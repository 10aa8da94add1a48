/* desk-time.c: the app's clock and local-time helpers
 *
 * Times are stored in UTC and shown in the local zone; every conversion
 * goes through GDateTime and GTimeZone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-time"

#include "config.h"

#if HAVE__NL_TIME_FIRST_WEEKDAY
#include <langinfo.h>
#endif

#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-time.h"

/* GLib 2.74 rebuilds the local GTimeZone (stat and readlink of
 * /etc/localtime) on every g_time_zone_new_local (), hence on every
 * desk_time_to_local (): a month of the calendar makes thousands of
 * them. The zone is kept here, and made again when TZ changes.
 *
 * "Local" is the brand's timezone when it has one (desk_time_set_zone ()):
 * a post planned at 9:00 for a bakery in Montréal goes at 9:00 in
 * Montréal, whatever the clock of the laptop planning it, and stays at
 * 9:00 there across daylight saving. */
G_LOCK_DEFINE_STATIC (local_zone);
static GTimeZone *local_zone;
static char *local_zone_tz;
static GTimeZone *brand_zone;

/**
 * desk_time_local_zone:
 *
 * Returns: (transfer none): the zone times are shown and planned in: the
 *   brand's (desk_time_set_zone ()), else the system's
 */
GTimeZone *
desk_time_local_zone (void)
{
  GTimeZone *zone;

  G_LOCK (local_zone);
  zone = brand_zone;
  G_UNLOCK (local_zone);
  return zone != NULL ? zone : desk_time_system_zone ();
}

/**
 * desk_time_system_zone:
 *
 * Returns: (transfer none): this computer's zone, whatever the brand's
 */
GTimeZone *
desk_time_system_zone (void)
{
  const char *tz = g_getenv ("TZ");
  GTimeZone *zone;

  G_LOCK (local_zone);
  if (local_zone == NULL || g_strcmp0 (tz, local_zone_tz) != 0)
    {
      g_clear_pointer (&local_zone, g_time_zone_unref);
      g_free (local_zone_tz);
      local_zone_tz = g_strdup (tz);
      local_zone = g_time_zone_new_local ();
    }
  zone = local_zone;
  G_UNLOCK (local_zone);
  return zone;
}

/**
 * desk_time_set_zone:
 * @identifier: (nullable): an IANA timezone ("America/Montreal"), or %NULL
 *   or "" for the system's
 *
 * Makes @identifier the zone every desk_time_ function plans and shows
 * times in: the selected brand's. The zone returned before stays valid
 * (zones are kept, never freed while the program runs: a few per brand).
 * An identifier the system does not know is the system's zone.
 *
 * Returns: %TRUE when the zone changed
 */
gboolean
desk_time_set_zone (const char *identifier)
{
  static GHashTable *zones;  /* identifier → GTimeZone, kept */
  GTimeZone *zone = NULL;
  gboolean changed;

  G_LOCK (local_zone);
  if (identifier != NULL && identifier[0] != '\0')
    {
      if (zones == NULL)
        zones = g_hash_table_new (g_str_hash, g_str_equal);
      zone = g_hash_table_lookup (zones, identifier);
      if (zone == NULL)
        {
#if GLIB_CHECK_VERSION (2, 68, 0)
          zone = g_time_zone_new_identifier (identifier);
#else
          zone = g_time_zone_new (identifier);
#endif
          if (zone != NULL)
            g_hash_table_insert (zones, g_strdup (identifier), zone);
          else
            g_warning ("The timezone %s is not known here; times are shown in the system's", identifier);
        }
    }
  changed = zone != brand_zone;
  brand_zone = zone;
  G_UNLOCK (local_zone);
  return changed;
}

/**
 * desk_time_get_zone_identifier:
 *
 * Returns: (nullable): the brand's zone set by desk_time_set_zone (), or
 *   %NULL when times are the system's
 */
const char *
desk_time_get_zone_identifier (void)
{
  const char *identifier;

  G_LOCK (local_zone);
  identifier = brand_zone != NULL ? g_time_zone_get_identifier (brand_zone) : NULL;
  G_UNLOCK (local_zone);
  return identifier;
}

/**
 * desk_time_zone_differs:
 *
 * Whether the brand's zone keeps a clock other than the system's, at
 * @time: what decides if the calendar and the editor say which zone their
 * times are in (Paris and Brussels keep the same clock; Paris and
 * Montréal do not).
 */
gboolean
desk_time_zone_differs (GDateTime *time)
{
  g_autoptr(GDateTime) brand = NULL;
  g_autoptr(GDateTime) here = NULL;

  if (desk_time_get_zone_identifier () == NULL)
    return FALSE;
  brand = desk_time_to_local (time);
  here = g_date_time_to_timezone (time, desk_time_system_zone ());
  return g_date_time_get_utc_offset (brand) != g_date_time_get_utc_offset (here);
}

/**
 * desk_time_zone_city:
 *
 * The place a zone is named after, as people read it: "Montreal" for
 * America/Montreal, "Buenos Aires" for America/Argentina/Buenos_Aires.
 *
 * Returns: (transfer full): the place, or %NULL when times are the
 *   system's
 */
char *
desk_time_zone_city (void)
{
  const char *identifier = desk_time_get_zone_identifier ();
  const char *slash;
  char *city;

  if (identifier == NULL)
    return NULL;
  slash = strrchr (identifier, '/');
  city = g_strdup (slash != NULL ? slash + 1 : identifier);
  g_strdelimit (city, "_", ' ');
  return city;
}

/**
 * desk_time_describe_zone:
 * @time: a post's time
 *
 * What to say next to a time shown in the brand's zone when the system
 * keeps another clock: "Montreal time (the brand's timezone); 14:00
 * here".
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when both
 *   clocks agree
 */
char *
desk_time_describe_zone (GDateTime *time)
{
  g_autofree char *city = NULL;
  g_autofree char *here = NULL;

  if (time == NULL || !desk_time_zone_differs (time) || (city = desk_time_zone_city ()) == NULL)
    return NULL;
  here = desk_time_format_system (time);
  /* Translators: next to a post's time when the brand's timezone is not
   * the computer's: the brand's city, then the same time on this computer */
  return g_strdup_printf (_("%s time (the brand’s timezone); %s here"), city, here);
}

/**
 * desk_time_format_system:
 *
 * @time as the system's clock says it ("15:00"), for "16:00 here".
 *
 * Returns: (transfer full): the time of day, in the locale's way
 */
char *
desk_time_format_system (GDateTime *time)
{
  g_autoptr(GDateTime) here = g_date_time_to_timezone (time, desk_time_system_zone ());

  return g_date_time_format (here, "%H:%M");
}

GDateTime *
desk_time_to_local (GDateTime *time)
{
  return g_date_time_to_timezone (time, desk_time_local_zone ());
}

GDateTime *
desk_time_new_local (int    year,
                     int    month,
                     int    day,
                     int    hour,
                     int    minute,
                     double seconds)
{
  return g_date_time_new (desk_time_local_zone (), year, month, day, hour, minute, seconds);
}

GDateTime *
desk_time_from_unix_local (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return utc ? desk_time_to_local (utc) : NULL;
}

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
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (fixed, desk_time_local_zone ());

      if (parsed != NULL)
        return desk_time_to_local (parsed);
      g_warning ("COMMUNITY_DESK_NOW=%s is not an ISO 8601 date and time; using the real clock", fixed);
    }
  return g_date_time_new_now (desk_time_local_zone ());
}

/* Midnight of @time's local day. */
GDateTime *
desk_time_local_midnight (GDateTime *time)
{
  g_autoptr(GDateTime) local = desk_time_to_local (time);

  return desk_time_new_local (g_date_time_get_year (local),
                                g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), 0, 0, 0);
}

GDateTime *
desk_time_month_start (GDateTime *time)
{
  g_autoptr(GDateTime) local = desk_time_to_local (time);

  return desk_time_new_local (g_date_time_get_year (local),
                                g_date_time_get_month (local), 1, 0, 0, 0);
}

/**
 * desk_time_julian:
 *
 * Returns: the Julian day number of @time's local date: days compare and
 *   subtract as plain numbers
 */
guint32
desk_time_julian (GDateTime *time)
{
  g_autoptr(GDateTime) local = desk_time_to_local (time);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return g_date_get_julian (&date);
}

/* @hour:@minute local time on @day's local date: the wall-clock time stays
 * the same on both sides of a DST change. */
GDateTime *
desk_time_at_local (GDateTime *day,
                    int        hour,
                    int        minute)
{
  g_autoptr(GDateTime) local = desk_time_to_local (day);

  return desk_time_new_local (g_date_time_get_year (local),
                                g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), hour, minute, 0);
}

/**
 * desk_time_default_post_time:
 * @day: (nullable): the day chosen (a day of the calendar), or %NULL for today
 * @now: the current time
 *
 * When a new post is planned: @day at the user's default posting time
 * (@hour:@minute) while that is still ahead; on today once it has passed,
 * the next round quarter hour at least five minutes ahead (a post is never
 * planned, silently, at a time already gone). A day before today keeps the
 * default time: the user chose it, and the editor says it has passed.
 *
 * Returns: (transfer full): the time, local
 */
GDateTime *
desk_time_default_post_time (GDateTime *day,
                             GDateTime *now,
                             int        hour,
                             int        minute)
{
  g_autoptr(GDateTime) local_now = desk_time_to_local (now);
  g_autoptr(GDateTime) today = desk_time_local_midnight (local_now);
  g_autoptr(GDateTime) date = desk_time_local_midnight (day != NULL ? day : local_now);
  g_autoptr(GDateTime) wanted = desk_time_at_local (date, hour, minute);
  g_autoptr(GDateTime) soon = NULL;
  int quarters;

  if (g_date_time_compare (wanted, local_now) > 0 || g_date_time_compare (date, today) < 0)
    return g_steal_pointer (&wanted);

  /* Minutes since midnight, five ahead, up to the next quarter */
  soon = g_date_time_add_minutes (local_now, 5);
  quarters = (g_date_time_get_hour (soon) * 60 + g_date_time_get_minute (soon) +
              (g_date_time_get_second (soon) > 0 ? 1 : 0) + 14) / 15;
  {
    g_autoptr(GDateTime) midnight = desk_time_local_midnight (soon);
    g_autoptr(GDateTime) next_day = g_date_time_add_days (midnight, quarters / (24 * 4));

    return desk_time_at_local (next_day, (quarters % (24 * 4)) / 4, (quarters % 4) * 15);
  }
}

/* The first day of the week from glibc's LC_TIME fields: @first_weekday
 * (1 = the day of @week_origin) counted from @week_origin, 19971130 (a
 * Sunday) or 19971201 (a Monday); returns 0 = Sunday … 6 = Saturday */
int
_desk_time_week_start_from_langinfo (int   first_weekday,
                                     guint week_origin)
{
  int origin;

  if (week_origin == 19971130)
    origin = 0;
  else if (week_origin == 19971201)
    origin = 1;
  else
    return 1;
  if (first_weekday < 1 || first_weekday > 7)
    return 1;
  return (origin + first_weekday - 1) % 7;
}

/**
 * desk_time_first_weekday:
 *
 * The first day of the week of the user's locale (LC_TIME), read as GTK's
 * GtkCalendar and GNOME Calendar read it, so that the month grid, the week
 * and every date picker start on the same day: Monday in France, Sunday in
 * the United States. Monday where the C library does not say.
 *
 * Returns: 0 = Sunday … 6 = Saturday
 */
int
desk_time_first_weekday (void)
{
#if HAVE__NL_TIME_FIRST_WEEKDAY
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  return _desk_time_week_start_from_langinfo (first_weekday, langinfo.word);
#else
  return 1;
#endif
}

/* YYYY-MM-DD of @time's local date. */
char *
desk_time_format_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = desk_time_to_local (time);

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
  g_autoptr(GDateTime) local = desk_time_to_local (time);

  return desk_time_at_local (day, g_date_time_get_hour (local), g_date_time_get_minute (local));
}

static int
compare_zones (gconstpointer a,
               gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * desk_time_list_zones:
 * @zone_tab: (nullable): a file in the form of tzdata's zone.tab or
 *   zone1970.tab, or %NULL for the system's ($TZDIR, else
 *   /usr/share/zoneinfo: zone.tab, else zone1970.tab)
 *
 * The IANA timezones people choose from: the third column of @zone_tab
 * (one zone per country and region, "Europe/Paris"), with "UTC", sorted
 * and without duplicates. GLib has no list of zones; this file is read
 * once a chooser opens, about 20 kB.
 *
 * Returns: (transfer full): the zones, or %NULL with @error
 */
GStrv
desk_time_list_zones (const char  *zone_tab,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *found = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (zone_tab == NULL)
    {
      const char *dir = g_getenv ("TZDIR") != NULL ? g_getenv ("TZDIR") : "/usr/share/zoneinfo";

      found = g_build_filename (dir, "zone.tab", NULL);
      if (!g_file_test (found, G_FILE_TEST_EXISTS))
        {
          g_free (found);
          found = g_build_filename (dir, "zone1970.tab", NULL);
        }
      zone_tab = found;
    }
  if (!g_file_get_contents (zone_tab, &contents, NULL, error))
    return NULL;

  g_ptr_array_add (zones, g_strdup ("UTC"));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      columns = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (columns) >= 3 && columns[2][0] != '\0' && g_utf8_validate (columns[2], -1, NULL))
        g_ptr_array_add (zones, g_strdup (g_strstrip (columns[2])));
    }
  g_ptr_array_sort (zones, compare_zones);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    for (guint i = 0; i < zones->len; i++)
      if (g_hash_table_add (seen, g_ptr_array_index (zones, i)))
        g_strv_builder_add (builder, g_ptr_array_index (zones, i));
    return g_strv_builder_end (builder);
  }
}

/**
 * desk_time_dup_local_zone_name:
 *
 * The system's timezone as people know it ("Europe/Paris"), to say what
 * "the system's timezone" is; "UTC" when the system has no named zone.
 *
 * Returns: (transfer full): the name
 */
char *
desk_time_dup_local_zone_name (void)
{
  const char *id = g_time_zone_get_identifier (desk_time_local_zone ());

  /* GLib says "Local" when /etc/localtime is not a link into zoneinfo */
  if (id == NULL || id[0] == '\0' || g_str_equal (id, "Local"))
    return g_strdup ("UTC");
  return g_strdup (id);
}
