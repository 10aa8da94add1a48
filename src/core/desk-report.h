/* desk-report.h: a brand's dashboard charts and its client report (PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-chart.h"
#include "desk-kpi.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* A report's period and the one it is compared with (days, inclusive) */
typedef struct
{
  const char *from_day;
  const char *to_day;
  const char *compare_from;   /* NULL: the period just before, as long */
  const char *compare_to;
} DeskReportPeriod;

GPtrArray *desk_report_build_dashboard (DeskStore              *store,
                                        gint64                  brand_id,
                                        const DeskReportPeriod *period,
                                        gboolean                dark,
                                        GError                **error);
gboolean   desk_report_export_pdf      (DeskStore              *store,
                                        gint64                  brand_id,
                                        const DeskReportPeriod *period,
                                        const char             *path,
                                        guint                  *n_pages,
                                        GError                **error);

G_END_DECLS
