/* desk-kpi.h: the KPIs of a brand (or one channel) over a period, and
 * their rules, in one place for the reports page, the PDF and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_KPI_FOLLOWERS,
  DESK_KPI_FOLLOWERS_GROWTH,
  DESK_KPI_REACH,
  DESK_KPI_IMPRESSIONS,
  DESK_KPI_ENGAGEMENTS,
  DESK_KPI_ENGAGEMENT_RATE,            /* engagements / reach */
  DESK_KPI_ENGAGEMENT_RATE_FOLLOWERS,  /* engagements / followers */
  DESK_KPI_CLICKS,
  DESK_KPI_CTR,                        /* clicks / impressions */
  DESK_KPI_CONVERSIONS,
  DESK_KPI_SPEND,
  DESK_KPI_REVENUE,
  DESK_KPI_ROI,                        /* (revenue − spend) / spend */
  DESK_KPI_POSTS_PUBLISHED,
  DESK_KPI_POSTS_PLANNED,
  DESK_KPI_FIRST_RESPONSE,             /* the inbox's median, in seconds */
  DESK_KPI_N
} DeskKpiId;

/* Why a KPI has no value */
typedef enum
{
  DESK_KPI_REASON_NONE,
  DESK_KPI_REASON_NO_DATA,          /* nothing recorded in the period */
  DESK_KPI_REASON_NO_BASELINE,      /* no level before the period */
  DESK_KPI_REASON_ZERO_DENOMINATOR, /* a ratio over zero */
  DESK_KPI_REASON_NOT_RECORDED,     /* the workspace does not record it */
} DeskKpiReason;

typedef enum
{
  DESK_KPI_UNIT_COUNT,
  DESK_KPI_UNIT_RATIO,     /* shown as a percentage */
  DESK_KPI_UNIT_MONEY,
  DESK_KPI_UNIT_DURATION,  /* seconds */
} DeskKpiUnit;

typedef struct
{
  gboolean       defined;  /* FALSE: no value, never NaN */
  double         value;    /* 0 when not defined */
  DeskKpiReason  reason;
} DeskKpiValue;

typedef struct
{
  DeskKpiValue values[DESK_KPI_N];
} DeskKpiSet;

/* What the rules read: the store's sums and levels of one period */
typedef struct
{
  GPtrArray *summaries;  /* (element-type DeskMetricSummary) */
  guint      published;
  guint      planned;
  GArray    *response_seconds; /* (element-type double) (nullable): NULL when not recorded */
} DeskKpiInput;

const char    *desk_kpi_id_to_name      (DeskKpiId           id);
gboolean       desk_kpi_id_from_name    (const char         *name,
                                         DeskKpiId          *id);
const char    *desk_kpi_get_label       (DeskKpiId           id);
const char    *desk_kpi_get_formula     (DeskKpiId           id);
DeskKpiUnit    desk_kpi_get_unit        (DeskKpiId           id);
const char    *desk_kpi_reason_to_text  (DeskKpiReason       reason);
gboolean       desk_kpi_is_metric       (const char         *metric);
gboolean       desk_kpi_metric_is_level (const char         *metric);

void           desk_kpi_compute         (const DeskKpiInput *input,
                                         DeskKpiSet         *out);
gboolean       desk_kpi_query           (DeskStore          *store,
                                         gint64              brand_id,
                                         gint64              channel_id,
                                         const char         *from_day,
                                         const char         *to_day,
                                         DeskKpiSet         *out,
                                         GError            **error);
gboolean       desk_kpi_change          (const DeskKpiValue *value,
                                         const DeskKpiValue *previous,
                                         double             *change);
char          *desk_kpi_format          (DeskKpiId           id,
                                         const DeskKpiValue *value);
char          *desk_kpi_format_change   (const DeskKpiValue *value,
                                         const DeskKpiValue *previous);
gboolean       desk_kpi_previous_period (const char         *from_day,
                                         const char         *to_day,
                                         char              **prev_from,
                                         char              **prev_to);
gboolean       desk_kpi_parse_day       (const char         *text,
                                         GDateTime         **day);

G_END_DECLS
