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

/* A report's pages, read once, drawn as often as needed (PDF, print,
 * presentation) */
typedef struct _DeskReportPages DeskReportPages;

DeskReportPages *desk_report_pages_new         (DeskStore              *store,
                                                gint64                  brand_id,
                                                const DeskReportPeriod *period,
                                                GError                **error);
void             desk_report_pages_free        (DeskReportPages        *self);
guint            desk_report_pages_get_n_pages (DeskReportPages        *self);
void             desk_report_pages_get_size    (double                 *width,
                                                double                 *height);
void             desk_report_pages_draw        (DeskReportPages        *self,
                                                cairo_t                *cr,
                                                guint                   index);
gboolean         desk_report_pages_write_pdf   (DeskReportPages        *self,
                                                const char             *path,
                                                guint                  *n_pages,
                                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReportPages, desk_report_pages_free)

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
