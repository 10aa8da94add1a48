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

/* How a file writes its days when not YYYY-MM-DD */
typedef enum
{
  DESK_DATE_ORDER_ISO,   /* YYYY-MM-DD only */
  DESK_DATE_ORDER_DMY,   /* 31/01/2026, as in France */
  DESK_DATE_ORDER_MDY,   /* 01/31/2026, as LinkedIn writes */
} DeskDateOrder;

GStrv       desk_metric_import_header (const char        *text,
                                       GError           **error);
const char *desk_metric_import_guess  (const char        *column);
GPtrArray  *desk_metric_import_parse_columns (const char         *text,
                                              gint64              channel_id,
                                              const char * const *roles,
                                              guint               n_roles,
                                              DeskDateOrder       order,
                                              GError            **error);
gboolean   desk_metric_preset_from_id (const char        *id,
                                       DeskMetricPreset  *preset);
GPtrArray *desk_metric_import_parse   (const char        *text,
                                       gint64             channel_id,
                                       DeskMetricPreset   preset,
                                       GError           **error);

G_END_DECLS
