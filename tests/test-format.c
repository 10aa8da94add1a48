/* test-format.c: numbers grouped by thousands as the locale writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "desk-format.h"
#include "desk-reply-window.h"
#include "desk-time.h"

static void
assert_count (gint64      count,
              const char *expected)
{
  g_autofree char *text = desk_format_count (count);

  g_assert_cmpstr (text, ==, expected);
}

static void
with_numeric_locale (const char *locale,
                     void      (*check) (void))
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  /* locales-all is in build-aux/deps.txt: a missing locale is a failure */
  g_assert_nonnull (setlocale (LC_NUMERIC, locale));
  check ();
  setlocale (LC_NUMERIC, saved);
}

static void
check_english (void)
{
  assert_count (0, "0");
  assert_count (999, "999");
  assert_count (1000, "1,000");
  assert_count (12345, "12,345");
  assert_count (1234567, "1,234,567");
  assert_count (-12345, "-12,345");
  assert_count (G_GINT64_CONSTANT (9007199254740993), "9,007,199,254,740,993");
}

/* glibc's French separator is U+202F NARROW NO-BREAK SPACE */
static void
check_french (void)
{
  assert_count (999, "999");
  assert_count (1000, "1\u202f000");
  assert_count (12345, "12\u202f345");
  assert_count (1234567, "1\u202f234\u202f567");
  assert_count (-300, "-300");
}

static void
check_c (void)
{
  assert_count (12345, "12345");
  assert_count (1234567, "1234567");
}

static void
test_count_english (void)
{
  with_numeric_locale ("en_US.UTF-8", check_english);
}

static void
test_count_french (void)
{
  with_numeric_locale ("fr_FR.UTF-8", check_french);
}

static void
test_count_c (void)
{
  with_numeric_locale ("C.UTF-8", check_c);
}

static void
assert_relative (const char *time,
                 const char *now,
                 const char *expected)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (time, utc);
  g_autoptr(GDateTime) n = g_date_time_new_from_iso8601 (now, utc);
  g_autofree char *text = desk_format_relative_time (t, n);

  g_assert_cmpstr (text, ==, expected);
}

/* The tests run in the C locale and UTC (desk_time_set_zone resets) */
static void
test_relative_time (void)
{
  desk_time_set_zone ("UTC");
  assert_relative ("2026-11-23T10:00:00Z", "2026-11-23T10:00:30Z", "just now");
  assert_relative ("2026-11-23T10:05:00Z", "2026-11-23T10:00:00Z", "just now");
  assert_relative ("2026-11-23T09:59:00Z", "2026-11-23T10:00:00Z", "1 minute ago");
  assert_relative ("2026-11-23T09:15:00Z", "2026-11-23T10:00:00Z", "45 minutes ago");
  assert_relative ("2026-11-23T08:00:00Z", "2026-11-23T10:00:00Z", "2 hours ago");
  /* Late yesterday, a few hours ago: hours, not "yesterday" */
  assert_relative ("2026-11-22T23:00:00Z", "2026-11-23T02:00:00Z", "3 hours ago");
  assert_relative ("2026-11-22T09:00:00Z", "2026-11-23T10:00:00Z", "yesterday");
  assert_relative ("2026-11-12T09:00:00Z", "2026-11-23T10:00:00Z", "12 Nov");
  assert_relative ("2025-11-12T09:00:00Z", "2026-11-23T10:00:00Z", "12 Nov 2025");
  desk_time_set_zone (NULL);
}

static void
test_reply_window (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) received = g_date_time_new (utc, 2026, 11, 23, 10, 0, 0);
  g_autoptr(GDateTime) soon = g_date_time_add_hours (received, 19);
  g_autoptr(GDateTime) later = g_date_time_add_days (received, 3);
  g_autoptr(GDateTime) too_late = g_date_time_add_days (received, 8);
  g_autoptr(GDateTime) closes = NULL;
  g_autofree char *said = NULL;

  /* Instagram DMs: 24 hours, then 7 days for a person of the team */
  g_assert_cmpint (desk_reply_window_state (DESK_NETWORK_INSTAGRAM, DESK_NOTIFICATION_KIND_DIRECT_MESSAGE,
                                            received, soon, &closes), ==, DESK_REPLY_WINDOW_OPEN);
  g_assert_cmpint (g_date_time_difference (closes, received), ==, 24 * G_TIME_SPAN_HOUR);
  said = desk_reply_window_describe (DESK_NETWORK_INSTAGRAM, DESK_NOTIFICATION_KIND_DIRECT_MESSAGE, received, soon);
  g_assert_cmpstr (said, ==, "Reply within 5 hours");
  g_clear_pointer (&said, g_free);
  g_clear_pointer (&closes, g_date_time_unref);
  g_assert_cmpint (desk_reply_window_state (DESK_NETWORK_FACEBOOK, DESK_NOTIFICATION_KIND_DIRECT_MESSAGE,
                                            received, later, &closes), ==, DESK_REPLY_WINDOW_HUMAN_AGENT);
  said = desk_reply_window_describe (DESK_NETWORK_FACEBOOK, DESK_NOTIFICATION_KIND_DIRECT_MESSAGE, received, later);
  g_assert_cmpstr (said, ==, "Reply within 4 days (by a person, not an automated reply)");
  g_clear_pointer (&said, g_free);
  g_assert_cmpint (desk_reply_window_state (DESK_NETWORK_FACEBOOK, DESK_NOTIFICATION_KIND_DIRECT_MESSAGE,
                                            received, too_late, NULL), ==, DESK_REPLY_WINDOW_CLOSED);
  /* A comment, or Mastodon: no window */
  g_assert_cmpint (desk_reply_window_state (DESK_NETWORK_INSTAGRAM, DESK_NOTIFICATION_KIND_COMMENT,
                                            received, too_late, NULL), ==, DESK_REPLY_WINDOW_NONE);
  g_assert_null (desk_reply_window_describe (DESK_NETWORK_MASTODON, DESK_NOTIFICATION_KIND_DIRECT_MESSAGE,
                                             received, soon));
}

/* What a widget shows of a long message: characters counted, not bytes */
static void
test_excerpt (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *whole = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *broken = NULL;
  gsize n = 0;

  whole = desk_format_dup_excerpt ("Crème brûlée", 12, &n);
  g_assert_cmpstr (whole, ==, "Crème brûlée");
  g_assert_cmpuint (n, ==, 12);
  cut = desk_format_dup_excerpt ("Crème brûlée", 5, &n);
  g_assert_cmpstr (cut, ==, "Crème…");
  g_assert_cmpuint (n, ==, 12);
  for (guint i = 0; i < 1000; i++)
    g_string_append (long_text, "é");
  g_clear_pointer (&cut, g_free);
  cut = desk_format_dup_excerpt (long_text->str, 400, NULL);
  g_assert_cmpint (g_utf8_strlen (cut, -1), ==, 401);
  /* A last character cut short stops at the end, not after it */
  broken = desk_format_dup_excerpt ("ab\xc3", 10, &n);
  g_assert_cmpstr (broken, ==, "ab\xc3");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/count/english", test_count_english);
  g_test_add_func ("/format/count/french", test_count_french);
  g_test_add_func ("/format/count/c", test_count_c);
  g_test_add_func ("/format/relative-time", test_relative_time);
  g_test_add_func ("/format/reply-window", test_reply_window);
  g_test_add_func ("/format/excerpt", test_excerpt);

  return g_test_run ();
}
