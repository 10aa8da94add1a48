/* desk-crisis.h: is this hour a crisis? Negative mentions against the usual rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The baseline: 28 days of hours before the last one */
#define DESK_CRISIS_BASELINE_HOURS (28 * 24)
/* Fewer negative mentions than this in the hour are never a crisis */
#define DESK_CRISIS_MIN_COUNT      5
#define DESK_CRISIS_DEFAULT_FACTOR 3.0

typedef struct
{
  guint    last_hour;       /* negative mentions in the last hour */
  double   usual_rate;      /* their mean per hour over the baseline */
  guint    baseline_hours;  /* hours the baseline had (≤ DESK_CRISIS_BASELINE_HOURS) */
  double   threshold;       /* what the last hour had to reach */
  gboolean is_crisis;
} DeskCrisisReport;

gboolean  desk_crisis_detect      (const guint      *hourly,
                                   guint             n_hours,
                                   double            factor,
                                   DeskCrisisReport *report);
char     *desk_crisis_dup_message (const DeskCrisisReport *report);

G_END_DECLS
