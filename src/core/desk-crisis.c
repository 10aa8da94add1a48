/* desk-crisis.c: is this hour a crisis? Negative mentions against the usual rate
 *
 * A pure function over an hourly series (oldest first, the last element
 * being the last hour) of a brand's negative mentions (desk-tone.h), which
 * the store counts (desk_store_count_negative_hourly):
 *
 * - the usual rate is the mean per hour over the hours before the last
 *   one, at most 28 days of them (DESK_CRISIS_BASELINE_HOURS);
 * - the last hour is a crisis when it reaches the usual rate times the
 *   factor the user set, and at least DESK_CRISIS_MIN_COUNT (5), so that a
 *   quiet brand (a rate of zero, or no baseline yet) is not alarmed by one
 *   unhappy customer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-crisis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-crisis.h"

/**
 * desk_crisis_detect:
 * @hourly: (array length=n_hours) (nullable): negative mentions per hour,
 *   oldest first, the last hour last
 * @factor: how many times the usual rate is a crisis (> 0)
 *
 * Returns: whether the last hour is a crisis; @report says why
 */
gboolean
desk_crisis_detect (const guint      *hourly,
                    guint             n_hours,
                    double            factor,
                    DeskCrisisReport *report)
{
  DeskCrisisReport r = { 0 };
  guint64 sum = 0;
  guint first;

  g_return_val_if_fail (hourly != NULL || n_hours == 0, FALSE);
  g_return_val_if_fail (factor > 0, FALSE);

  if (n_hours > 0)
    {
      r.last_hour = hourly[n_hours - 1];
      first = n_hours - 1 > DESK_CRISIS_BASELINE_HOURS ? n_hours - 1 - DESK_CRISIS_BASELINE_HOURS : 0;
      r.baseline_hours = n_hours - 1 - first;
      for (guint i = first; i < n_hours - 1; i++)
        sum += hourly[i];
      r.usual_rate = r.baseline_hours > 0 ? (double) sum / r.baseline_hours : 0;
    }
  r.threshold = MAX (r.usual_rate * factor, (double) DESK_CRISIS_MIN_COUNT);
  r.is_crisis = r.last_hour >= r.threshold;
  if (report != NULL)
    *report = r;
  return r.is_crisis;
}

/**
 * desk_crisis_dup_message:
 *
 * Returns: (transfer full): the banner's sentence for a crisis
 */
char *
desk_crisis_dup_message (const DeskCrisisReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u negative mention in the last hour; usually %.1f an hour.",
                                       "%u negative mentions in the last hour; usually %.1f an hour.",
                                       report->last_hour),
                          report->last_hour, report->usual_rate);
}
