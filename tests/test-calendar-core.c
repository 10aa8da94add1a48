/* test-calendar-core.c: French holidays and the iCalendar export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-holidays.h"

static void
assert_holiday (guint       year,
                GDateMonth  month,
                GDateDay    day,
                gboolean    expected)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  if (expected)
    g_assert_nonnull (desk_holidays_fr_name (&date));
  else
    g_assert_null (desk_holidays_fr_name (&date));
}

static void
test_easter (void)
{
  /* Published dates of Easter Sunday */
  static const struct { guint year; GDateMonth month; GDateDay day; } known[] = {
    { 2000, G_DATE_APRIL, 23 }, { 2008, G_DATE_MARCH, 23 }, { 2011, G_DATE_APRIL, 24 },
    { 2019, G_DATE_APRIL, 21 }, { 2024, G_DATE_MARCH, 31 }, { 2025, G_DATE_APRIL, 20 },
    { 2026, G_DATE_APRIL, 5 }, { 2027, G_DATE_MARCH, 28 }, { 2038, G_DATE_APRIL, 25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      GDate easter;

      desk_holidays_easter_sunday (known[i].year, &easter);
      g_assert_cmpint (g_date_get_month (&easter), ==, known[i].month);
      g_assert_cmpint (g_date_get_day (&easter), ==, known[i].day);
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
    }
}

static void
test_holidays_2026_2027 (void)
{
  g_autoptr(GArray) y2026 = desk_holidays_fr_list (2026);
  g_autoptr(GArray) y2027 = desk_holidays_fr_list (2027);

  g_assert_cmpuint (y2026->len, ==, 11);
  g_assert_cmpuint (y2027->len, ==, 11);

  /* 2026: Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May */
  assert_holiday (2026, G_DATE_JANUARY, 1, TRUE);
  assert_holiday (2026, G_DATE_APRIL, 6, TRUE);
  assert_holiday (2026, G_DATE_APRIL, 5, FALSE);   /* Easter Sunday is a Sunday, not a holiday of its own */
  assert_holiday (2026, G_DATE_MAY, 1, TRUE);
  assert_holiday (2026, G_DATE_MAY, 8, TRUE);
  assert_holiday (2026, G_DATE_MAY, 14, TRUE);
  assert_holiday (2026, G_DATE_MAY, 25, TRUE);
  assert_holiday (2026, G_DATE_JULY, 14, TRUE);
  assert_holiday (2026, G_DATE_AUGUST, 15, TRUE);
  assert_holiday (2026, G_DATE_NOVEMBER, 1, TRUE);
  assert_holiday (2026, G_DATE_NOVEMBER, 11, TRUE);
  assert_holiday (2026, G_DATE_DECEMBER, 25, TRUE);
  assert_holiday (2026, G_DATE_DECEMBER, 26, FALSE);
  assert_holiday (2026, G_DATE_NOVEMBER, 23, FALSE);

  /* 2027: Easter Monday 29 March, Ascension 6 May, Whit Monday 17 May */
  assert_holiday (2027, G_DATE_MARCH, 29, TRUE);
  assert_holiday (2027, G_DATE_MAY, 6, TRUE);
  assert_holiday (2027, G_DATE_MAY, 17, TRUE);
  assert_holiday (2027, G_DATE_MAY, 14, FALSE);
  assert_holiday (2027, G_DATE_APRIL, 6, FALSE);

  /* Sorted */
  for (guint i = 1; i < y2027->len; i++)
    g_assert_cmpint (g_date_compare (&g_array_index (y2027, GDate, i - 1), &g_array_index (y2027, GDate, i)), <, 0);
  g_assert_cmpint (g_date_get_month (&g_array_index (y2027, GDate, 1)), ==, G_DATE_MARCH);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/easter", test_easter);
  g_test_add_func ("/calendar/holidays-fr", test_holidays_2026_2027);
  return g_test_run ();
}
