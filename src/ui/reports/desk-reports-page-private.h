/* desk-reports-page-private.h: the Reports page's parts, shared by its
 * files, and its test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-reports-page.h"
#include "desk-report.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_REPORT_THIS_MONTH,
  DESK_REPORT_LAST_MONTH,
  DESK_REPORT_THIS_QUARTER,
  DESK_REPORT_CUSTOM,
} DeskReportRange;

typedef enum
{
  DESK_REPORT_COMPARE_PREVIOUS,
  DESK_REPORT_COMPARE_LAST_YEAR,
} DeskReportCompare;

struct _DeskReportsPage
{
  DeskPage              parent_instance;

  char                 *from_day;
  char                 *to_day;
  char                 *compare_from;   /* NULL: the previous period */
  char                 *compare_to;
  gboolean              notes_dirty;
  gint64                notes_brand_id; /* what the notes shown belong to */
  char                 *notes_from;
  char                 *notes_to;
  gboolean              loading_notes;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  GtkWindow            *presentation;

  GtkDropDown          *period_dropdown;
  GtkWidget            *custom_box;
  GtkMenuButton        *from_button;
  GtkMenuButton        *to_button;
  GtkCalendar          *from_calendar;
  GtkCalendar          *to_calendar;
  GtkDropDown          *compare_dropdown;
  GtkScrolledWindow    *scroller;
  GtkLabel             *period_label;
  GtkLabel             *error_label;
  GtkFlowBox           *kpi_box;
  GtkFlowBox           *chart_box;
  AdwPreferencesGroup  *top_posts_group;
  GtkFlowBox           *gauge_box;
  GtkWidget            *no_objective_label;
  GtkTextView          *recommendations_view;
  GPtrArray            *top_post_rows;
};

/* desk-reports-page.c */
void     _desk_reports_page_get_period    (DeskReportsPage   *self,
                                           DeskReportPeriod  *period);
void     _desk_reports_page_set_range     (DeskReportsPage   *self,
                                           DeskReportRange    range,
                                           const char        *from_day,
                                           const char        *to_day);
void     _desk_reports_page_set_compare   (DeskReportsPage   *self,
                                           DeskReportCompare  compare);
gboolean _desk_reports_page_save_notes    (DeskReportsPage   *self,
                                           GError           **error);
void     _desk_reports_page_compute_range (DeskReportRange    range,
                                           GDateTime         *today,
                                           char             **from_day,
                                           char             **to_day);

/* desk-reports-page-actions.c */
void     _desk_reports_page_install_actions (GtkWidgetClass  *widget_class);
void     _desk_reports_page_export_pdf_async  (DeskReportsPage     *self,
                                               const char          *path,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean _desk_reports_page_export_pdf_finish (DeskReportsPage     *self,
                                               GAsyncResult        *result,
                                               guint               *n_pages,
                                               GError             **error);
GtkWindow *_desk_reports_page_present         (DeskReportsPage     *self,
                                               GError             **error);
GtkPrintOperationResult _desk_reports_page_print (DeskReportsPage          *self,
                                                  GtkPrintOperationAction   action,
                                                  const char               *export_path,
                                                  GError                  **error);
void     _desk_reports_page_dispose_actions   (DeskReportsPage     *self);

G_END_DECLS
