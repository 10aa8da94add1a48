/* desk-chart-axis.c: "nice" value axes and date axes for desk-chart.c
 *
 * Value axes follow Paul Heckbert's "Nice Numbers for Graph Labels"
 * (Graphics Gems, 1990): steps of 1, 2 or 5 times a power of ten, the
 * range widened to whole steps. Date axes tick on days, Mondays or the
 * first of months, named by the locale through g_date_time_format ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-chart"

#include "config.h"

#include <math.h>

#include "desk-chart.h"

void
desk_chart_tick_free (DeskChartTick *tick)
{
  if (tick == NULL)
    return;
  g_free (tick->label);
  g_free (tick);
}

void
desk_chart_row_free (DeskChartRow *row)
{
  if (row == NULL)
    return;
  g_free (row->label);
  g_free (row->value);
  g_free (row);
}

/* 1, 2, 5 or 10 times the power of ten of @x: the nearest when @round,
 * else the one at or above */
static double
nice_number (double   x,
             gboolean round_it)
{
  double exponent = floor (log10 (x));
  double fraction = x / pow (10, exponent);
  double nice;

  if (round_it)
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * pow (10, exponent);
}

/**
 * desk_chart_nice_range:
 * @max_ticks: how many ticks at most (at least 2)
 *
 * The axis that holds [@lo, @hi] with round ticks: 0..97 gives 0 to 100
 * by 20. An empty or undefined range gives 0..1 (or around the one value).
 */
void
desk_chart_nice_range (double          lo,
                       double          hi,
                       guint           max_ticks,
                       DeskChartRange *range)
{
  double span, step;

  g_return_if_fail (range != NULL);

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (lo == hi)
    {
      if (hi == 0)
        hi = 1;
      else if (hi > 0)
        lo = 0;
      else
        hi = 0;
    }

  span = nice_number (hi - lo, FALSE);
  step = nice_number (span / (max_ticks - 1), TRUE);
  range->min = floor (lo / step) * step;
  range->max = ceil (hi / step) * step;
  /* Rounding errors must not cost a tick */
  if (range->max - hi > step * (1 - 1e-9))
    range->max -= step;
  if (range->max < hi)
    range->max += step;
  range->step = step;
  /* -0 reads as "-0" */
  if (range->min == 0)
    range->min = 0;
}

/* How many ticks the range has, both ends included */
guint
desk_chart_range_count (const DeskChartRange *range)
{
  g_return_val_if_fail (range != NULL && range->step > 0, 0);
  return (guint) llround ((range->max - range->min) / range->step) + 1;
}

static DeskChartTick *
date_tick (GDateTime  *day,
           const char *format)
{
  DeskChartTick *tick = g_new0 (DeskChartTick, 1);
  g_autofree char *text = g_date_time_format (day, format);

  tick->value = (double) g_date_time_to_unix (day);
  tick->label = g_strdup (g_strstrip (text ? text : ""));
  return tick;
}

/**
 * desk_chart_date_ticks:
 * @first: the first day (UTC midnight)
 * @last: the last day
 *
 * Returns: (transfer full) (element-type DeskChartTick): ticks on days
 *   (up to two weeks), on Mondays (up to four months), else on the first
 *   of months, every one, two, three or six to stay under @max_ticks; the
 *   labels are the locale's day and month names ("5 Jan", "Feb"), with the
 *   year on January and on the first tick
 */
GPtrArray *
desk_chart_date_ticks (GDateTime *first,
                       GDateTime *last,
                       guint      max_ticks)
{
  GPtrArray *ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_chart_tick_free);
  g_autoptr(GDateTime) day = NULL;
  gint64 days;

  g_return_val_if_fail (first != NULL && last != NULL, ticks);

  max_ticks = MAX (max_ticks, 2);
  days = g_date_time_difference (last, first) / G_TIME_SPAN_DAY + 1;
  if (days <= 0)
    return ticks;

  if (days <= 14)
    {
      guint every = (guint) ((days + max_ticks - 1) / max_ticks);

      for (gint64 d = 0; d < days; d += every)
        {
          g_autoptr(GDateTime) at = g_date_time_add_days (first, (int) d);
          g_ptr_array_add (ticks, date_tick (at, "%-d %b"));
        }
    }
  else if (days <= 122)
    {
      guint weeks = (guint) ((days + 6) / 7);
      guint every = (weeks + max_ticks - 1) / max_ticks;
      int to_monday = (8 - g_date_time_get_day_of_week (first)) % 7;

      for (day = g_date_time_add_days (first, to_monday); g_date_time_compare (day, last) <= 0;)
        {
          GDateTime *next = g_date_time_add_weeks (day, (int) every);

          g_ptr_array_add (ticks, date_tick (day, "%-d %b"));
          g_date_time_unref (day);
          day = next;
        }
    }
  else
    {
      static const guint steps[] = { 1, 2, 3, 6, 12 };
      g_autoptr(GDateTime) month = g_date_time_new_utc (g_date_time_get_year (first), g_date_time_get_month (first),
                                                         1, 0, 0, 0);
      guint months = (guint) ((g_date_time_get_year (last) - g_date_time_get_year (first)) * 12
                              + g_date_time_get_month (last) - g_date_time_get_month (first) + 1);
      guint every = 12;

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if ((months + steps[i] - 1) / steps[i] <= max_ticks)
          {
            every = steps[i];
            break;
          }
      if (g_date_time_compare (month, first) < 0)
        day = g_date_time_add_months (month, 1);
      else
        day = g_date_time_ref (month);
      while (g_date_time_compare (day, last) <= 0)
        {
          GDateTime *next = g_date_time_add_months (day, (int) every);

          g_ptr_array_add (ticks, date_tick (day, ticks->len == 0 || g_date_time_get_month (day) == 1 ? "%b %Y" : "%b"));
          g_date_time_unref (day);
          day = next;
        }
    }
  return ticks;
}
