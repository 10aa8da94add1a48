/* desk-reports-page-actions.c: what the Reports page does with its report
 *
 * Export PDF… (the pages written on a worker thread: a dozen pages take
 * longer than a frame; a toast with "Open" when done), Print… (a
 * GtkPrintOperation drawing the same pages, scaled to the paper), Present
 * (the same pages full screen), and the Objectives and Import Analytics
 * dialogs. The pages are read from the store on the UI thread
 * (desk_report_pages_new ()); drawing them reads nothing from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-metrics-import-dialog.h"
#include "desk-objectives-dialog.h"
#include "desk-presentation-window.h"
#include "desk-report-error.h"
#include "desk-reports-page-private.h"

static DeskReportPages *
read_pages (DeskReportsPage  *self,
            GError          **error)
{
  DeskReportPeriod period;

  if (!_desk_reports_page_save_notes (self, error))
    return NULL;
  _desk_reports_page_get_period (self, &period);
  return desk_report_pages_new (desk_page_get_store (DESK_PAGE (self)), desk_page_get_brand_id (DESK_PAGE (self)),
                                &period, error);
}

/* Export PDF */

typedef struct
{
  DeskReportPages *pages;
  char            *path;
  guint            n_pages;
} ExportData;

static void
export_data_free (ExportData *data)
{
  desk_report_pages_free (data->pages);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (!desk_report_pages_write_pdf (data->pages, data->path, &data->n_pages, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
_desk_reports_page_export_pdf_async (DeskReportsPage     *self,
                                     const char          *path,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, user_data);
  GError *error = NULL;
  ExportData *data;
  DeskReportPages *pages;

  g_task_set_source_tag (task, _desk_reports_page_export_pdf_async);
  if ((pages = read_pages (self, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data = g_new0 (ExportData, 1);
  data->pages = pages;
  data->path = g_strdup (path);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
_desk_reports_page_export_pdf_finish (DeskReportsPage  *self,
                                      GAsyncResult     *result,
                                      guint            *n_pages,
                                      GError          **error)
{
  ExportData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (n_pages != NULL)
    *n_pages = data->n_pages;
  return TRUE;
}

static void
open_file_cb (AdwToast   *toast,
              GtkWidget  *widget)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  DeskReportsPage *self = DESK_REPORTS_PAGE (object);
  g_autofree char *path = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;
  AdwToast *toast;
  g_autofree char *title = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  if (!_desk_reports_page_export_pdf_finish (self, result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        desk_report_error (GTK_WIDGET (self), error);
      return;
    }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  /* Translators: a toast once the report is written; %s is its file name */
  title = g_strdup_printf (_("Report exported as “%s”"), basename);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_filename_to_uri (path, NULL, NULL), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_file_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
pdf_chooser_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         DeskReportsPage *self)
{
  g_autoptr(GFile) file = NULL;
  char *path;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    _desk_reports_page_export_pdf_async (self, path, exported_cb, path);
  g_clear_object (&self->chooser);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskReportsPage *self = DESK_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Report as PDF"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the report's default file name; %s and %s are its first and last days */
  name = g_strdup_printf (_("Report %s to %s.pdf"), self->from_day, self->to_day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (pdf_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Print */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              DeskReportPages   *pages)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double w, h, scale;

  desk_report_pages_get_size (&w, &h);
  scale = MIN (gtk_print_context_get_width (context) / w, gtk_print_context_get_height (context) / h);
  cairo_scale (cr, scale, scale);
  desk_report_pages_draw (pages, cr, page_nr);
}

/**
 * _desk_reports_page_print:
 * @export_path: (nullable): with GTK_PRINT_OPERATION_ACTION_EXPORT, the PDF
 *   to write (tests)
 */
GtkPrintOperationResult
_desk_reports_page_print (DeskReportsPage          *self,
                          GtkPrintOperationAction   action,
                          const char               *export_path,
                          GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  DeskReportPages *pages;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkPrintOperationResult result;

  if ((pages = read_pages (self, error)) == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, desk_report_pages_get_n_pages (pages));
  gtk_print_operation_set_job_name (operation, _("Social media report"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pages);
  g_object_set_data_full (G_OBJECT (operation), "pages", pages, (GDestroyNotify) desk_report_pages_free);
  result = gtk_print_operation_run (operation, action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
  return result;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (_desk_reports_page_print (DESK_REPORTS_PAGE (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                                &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    desk_report_error (widget, error);
}

/* Present */

GtkWindow *
_desk_reports_page_present (DeskReportsPage  *self,
                            GError          **error)
{
  DeskReportPages *pages;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->presentation != NULL)
    {
      gtk_window_present (self->presentation);
      return self->presentation;
    }
  if ((pages = read_pages (self, error)) == NULL)
    return NULL;
  self->presentation = desk_presentation_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, pages);
  g_object_add_weak_pointer (G_OBJECT (self->presentation), (gpointer *) &self->presentation);
  desk_presentation_window_start (DESK_PRESENTATION_WINDOW (self->presentation));
  return self->presentation;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (_desk_reports_page_present (DESK_REPORTS_PAGE (widget), &error) == NULL)
    desk_report_error (widget, error);
}

/* Dialogs */

static void
dialog_changed_cb (DeskReportsPage *self)
{
  desk_page_reload (DESK_PAGE (self));
}

static void
objectives_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskPage *page = DESK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = desk_objectives_dialog_new (desk_page_get_store (page), desk_page_get_brand_id (page),
                                                   DESK_REPORTS_PAGE (widget)->from_day,
                                                   DESK_REPORTS_PAGE (widget)->to_day);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (dialog_changed_cb), widget, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskPage *page = DESK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = desk_metrics_import_dialog_new (desk_page_get_store (page), desk_page_get_brand_id (page));

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (dialog_changed_cb), widget, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_desk_reports_page_dispose_actions (DeskReportsPage *self)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->presentation != NULL)
    gtk_window_destroy (self->presentation);
}

void
_desk_reports_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reports.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "reports.objectives", NULL, objectives_action);
  gtk_widget_class_install_action (widget_class, "reports.import", NULL, import_action);
  /* F5 is the window's Sync Now: Shift+F5 presents, as in presentation software */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, GDK_SHIFT_MASK, "reports.present", NULL);
}
