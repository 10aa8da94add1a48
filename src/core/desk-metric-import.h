/* desk-metric-import.h: a channel's daily metrics from the networks' CSV
 * exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_METRIC_PRESET_GENERIC,   /* date,metric,value */
  DESK_METRIC_PRESET_META,      /* Meta Business Suite: a row per day */
  DESK_METRIC_PRESET_LINKEDIN,  /* LinkedIn page analytics: a row per day */
} DeskMetricPreset;

gboolean   desk_metric_preset_from_id (const char        *id,
                                       DeskMetricPreset  *preset);
GPtrArray *desk_metric_import_parse   (const char        *text,
                                       gint64             channel_id,
                                       DeskMetricPreset   preset,
                                       GError           **error);

G_END_DECLS
