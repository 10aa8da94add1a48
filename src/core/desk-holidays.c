/* desk-holidays.c: public holidays of France (metropolitan)
 *
 * Eight fixed days and three that follow Easter (Monday, Ascension
 * Thursday, Whit Monday). Easter Sunday is computed with the anonymous
 * Gregorian algorithm (Meeus/Jones/Butcher); GLib has no calendar of
 * moveable feasts. Alsace-Moselle's two extra days are not included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-holidays"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-holidays.h"

typedef struct
{
  GDateMonth  month;
  GDateDay    day;
  const char *name;
} Fixed;

static const Fixed fixed[] = {
  { G_DATE_JANUARY, 1, N_("New Year’s Day") },
  { G_DATE_MAY, 1, N_("Labour Day") },
  { G_DATE_MAY, 8, N_("Victory in Europe Day") },
  { G_DATE_JULY, 14, N_("Bastille Day") },
  { G_DATE_AUGUST, 15, N_("Assumption") },
  { G_DATE_NOVEMBER, 1, N_("All Saints’ Day") },
  { G_DATE_NOVEMBER, 11, N_("Armistice Day") },
  { G_DATE_DECEMBER, 25, N_("Christmas Day") },
};

typedef struct
{
  int         offset;   /* days after Easter Sunday */
  const char *name;
} Moveable;

static const Moveable moveable[] = {
  { 1, N_("Easter Monday") },
  { 39, N_("Ascension Day") },
  { 50, N_("Whit Monday") },
};

void
desk_holidays_easter_sunday (guint  year,
                             GDate *easter)
{
  guint a = year % 19;
  guint b = year / 100, c = year % 100;
  guint d = b / 4, e = b % 4;
  guint f = (b + 8) / 25;
  guint g = (b - f + 1) / 3;
  guint h = (19 * a + b - d - g + 15) % 30;
  guint i = c / 4, k = c % 4;
  guint l = (32 + 2 * e + 2 * i - h - k) % 7;
  guint m = (a + 11 * h + 22 * l) / 451;
  guint month = (h + l - 7 * m + 114) / 31;
  guint day = (h + l - 7 * m + 114) % 31 + 1;

  g_return_if_fail (year >= 1583 && year <= 9999);

  g_date_clear (easter, 1);
  g_date_set_dmy (easter, day, month, year);
}

/**
 * desk_holidays_fr_name:
 *
 * Returns: (nullable): the translated name of the public holiday on
 *   @date, or %NULL on a working day
 */
const char *
desk_holidays_fr_name (const GDate *date)
{
  GDate easter;
  guint year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  for (guint n = 0; n < G_N_ELEMENTS (fixed); n++)
    if (g_date_get_month (date) == fixed[n].month && g_date_get_day (date) == fixed[n].day)
      return g_dgettext (GETTEXT_PACKAGE, fixed[n].name);

  year = g_date_get_year (date);
  if (year < 1583)
    return NULL;
  desk_holidays_easter_sunday (year, &easter);
  for (guint n = 0; n < G_N_ELEMENTS (moveable); n++)
    {
      GDate day = easter;

      g_date_add_days (&day, moveable[n].offset);
      if (g_date_compare (&day, date) == 0)
        return g_dgettext (GETTEXT_PACKAGE, moveable[n].name);
    }
  return NULL;
}

static gint
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

/**
 * desk_holidays_fr_list:
 *
 * Returns: (transfer full) (element-type GDate): the eleven public
 *   holidays of @year, in date order
 */
GArray *
desk_holidays_fr_list (guint year)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate easter;

  for (guint n = 0; n < G_N_ELEMENTS (fixed); n++)
    {
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, fixed[n].day, fixed[n].month, year);
      g_array_append_val (days, day);
    }

  desk_holidays_easter_sunday (year, &easter);
  for (guint n = 0; n < G_N_ELEMENTS (moveable); n++)
    {
      GDate day = easter;

      g_date_add_days (&day, moveable[n].offset);
      g_array_append_val (days, day);
    }

  g_array_sort (days, compare_dates);
  return days;
}
