/* test-reports.c: the Reports page in the real window under Xvfb
 *
 * Issue 15: the period changes the cards; a KPI without a value shows "—"
 * and says why; a chart's values are walked with the keyboard and
 * announced; the PDF and the printout have the report's pages; the
 * presentation opens full screen and Escape closes it; objectives are
 * added and deleted; the import dialog refuses a bad file naming its line
 * and imports a good one; the recommendations are kept with the period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "desk-chart-card.h"
#include "desk-chart-view.h"
#include "desk-kpi-card.h"
#include "desk-metrics-import-dialog.h"
#include "desk-objectives-dialog.h"
#include "desk-presentation-window.h"
#include "desk-reports-page-private.h"
#include "desk-time.h"
#include "ui-helpers.h"

static DeskApplication *app;

typedef UiWorkspace Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ui_workspace_create (f, "reports", TRUE, NULL);
  ui_workspace_present (f, app, 1280, 860);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_workspace_close (f);
}

static DeskReportsPage *
reports_page (Fixture *f)
{
  AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "reports"));
  page = adw_view_stack_get_child_by_name (stack, "reports");
  wait_allocated (page);
  wait_painted (GTK_WIDGET (f->window));
  return DESK_REPORTS_PAGE (page);
}

static gboolean
is_kpi_card_of (GtkWidget *widget,
                gpointer   data)
{
  return DESK_IS_KPI_CARD (widget) && desk_kpi_card_get_id (DESK_KPI_CARD (widget)) == GPOINTER_TO_UINT (data);
}

static DeskKpiCard *
kpi_card (DeskReportsPage *page,
          DeskKpiId        id)
{
  GtkWidget *card = find_descendant (GTK_WIDGET (page), is_kpi_card_of, GUINT_TO_POINTER (id));

  g_assert_nonnull (card);
  return DESK_KPI_CARD (card);
}

static char *
accessible_description (GtkWidget *widget)
{
  /* check_property returns the value when it differs from the one given */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static guint
n_channels (Fixture *f)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, desk_window_get_brand_id (f->window), NULL);

  return g_list_model_get_n_items (channels);
}

/* The period changes the cards and the period said */
static void
test_period (Fixture       *f,
             gconstpointer  data)
{
  DeskReportsPage *page = reports_page (f);
  GtkLabel *period = template_child (page, DESK_TYPE_REPORTS_PAGE, "period_label");
  g_autofree char *before = g_strdup (gtk_label_get_text (period));
  g_autofree char *impressions = g_strdup (desk_kpi_card_get_value_text (kpi_card (page, DESK_KPI_IMPRESSIONS)));
  g_autofree char *from = NULL, *to = NULL;
  g_autoptr(GDateTime) today = desk_time_now ();
  DeskReportPeriod p;

  g_assert_cmpuint (n_children (template_child (page, DESK_TYPE_REPORTS_PAGE, "kpi_box")), >=, 12);
  g_assert_cmpuint (n_children (template_child (page, DESK_TYPE_REPORTS_PAGE, "chart_box")), ==, 6);

  /* The demo's 90 days: the last full month has impressions */
  _desk_reports_page_set_range (page, DESK_REPORT_LAST_MONTH, NULL, NULL);
  wait_painted (GTK_WIDGET (f->window));
  _desk_reports_page_compute_range (DESK_REPORT_LAST_MONTH, today, &from, &to);
  _desk_reports_page_get_period (page, &p);
  g_assert_cmpstr (p.from_day, ==, from);
  g_assert_cmpstr (p.to_day, ==, to);
  g_assert_cmpstr (gtk_label_get_text (period), !=, before);
  g_assert_cmpstr (desk_kpi_card_get_value_text (kpi_card (page, DESK_KPI_IMPRESSIONS)), !=, impressions);
  g_assert_cmpstr (desk_kpi_card_get_value_text (kpi_card (page, DESK_KPI_IMPRESSIONS)), !=, "—");

  /* The same period a year before: nothing recorded then, no change said */
  _desk_reports_page_set_compare (page, DESK_REPORT_COMPARE_LAST_YEAR);
  _desk_reports_page_get_period (page, &p);
  g_assert_nonnull (p.compare_from);
  g_assert_cmpint (atoi (p.compare_from), ==, atoi (from) - 1);
}

/* No data: "—" and the reason, shown, as tooltip and as description */
static void
test_undefined (Fixture       *f,
                gconstpointer  data)
{
  DeskReportsPage *page = reports_page (f);
  DeskKpiCard *card;
  g_autofree char *description = NULL;
  const char *reason = desk_kpi_reason_to_text (DESK_KPI_REASON_NO_DATA);

  _desk_reports_page_set_range (page, DESK_REPORT_CUSTOM, "2001-01-01", "2001-01-31");
  wait_painted (GTK_WIDGET (f->window));
  card = kpi_card (page, DESK_KPI_IMPRESSIONS);
  g_assert_cmpstr (desk_kpi_card_get_value_text (card), ==, "—");
  description = accessible_description (GTK_WIDGET (card));
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, reason));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (template_child (card, DESK_TYPE_KPI_CARD, "value_label")), ==, reason);
  g_assert_cmpstr (gtk_label_get_text (template_child (card, DESK_TYPE_KPI_CARD, "caption_label")), ==, reason);
  /* A ratio over nothing: never a division by zero */
  g_assert_cmpstr (desk_kpi_card_get_value_text (kpi_card (page, DESK_KPI_CTR)), ==, "—");
}

static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  GtkEventController *keys = find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY, GTK_PHASE_BUBBLE);
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
}

/* Left/Right walk a chart's values; each is announced */
static void
test_chart_keyboard (Fixture       *f,
                     gconstpointer  data)
{
  DeskReportsPage *page = reports_page (f);
  DeskChartView *chart = DESK_CHART_VIEW (find_widget (template_child (page, DESK_TYPE_REPORTS_PAGE, "chart_box"),
                                                       DESK_TYPE_CHART_VIEW));
  g_autofree char *first = NULL, *second = NULL, *back = NULL;
  double x, y;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));
  wait_painted (GTK_WIDGET (f->window));
  press_key (GTK_WIDGET (chart), GDK_KEY_Right);
  first = accessible_description (GTK_WIDGET (chart));
  g_assert_cmpint (desk_chart_view_get_selected (chart), ==, 0);
  g_assert_cmpstr (first, ==, desk_chart_view_dup_announced (chart));
  press_key (GTK_WIDGET (chart), GDK_KEY_Right);
  second = accessible_description (GTK_WIDGET (chart));
  g_assert_cmpint (desk_chart_view_get_selected (chart), ==, 1);
  g_assert_cmpstr (first, !=, second);
  press_key (GTK_WIDGET (chart), GDK_KEY_Left);
  back = accessible_description (GTK_WIDGET (chart));
  g_assert_cmpstr (back, ==, first);
  press_key (GTK_WIDGET (chart), GDK_KEY_End);
  g_assert_cmpint (desk_chart_view_get_selected (chart), >, 1);
  /* Ringed where it was drawn */
  wait_painted (GTK_WIDGET (f->window));
  g_assert_true (desk_chart_get_spot (desk_chart_view_get_chart (chart), desk_chart_view_get_selected (chart), &x, &y));
  g_assert_cmpint (desk_chart_find_spot (desk_chart_view_get_chart (chart), x, y, 1), ==,
                   desk_chart_view_get_selected (chart));
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  int status;
  const char *pages;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) atoi (pages + strlen ("Pages:"));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  guint *n_pages = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (_desk_reports_page_export_pdf_finish (DESK_REPORTS_PAGE (object), result, n_pages, &error));
  g_assert_no_error (error);
}

/* The PDF (off the UI thread) and the printout have the report's pages,
 * the recommendations written in the page among them */
static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  DeskReportsPage *page = reports_page (f);
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *notes = NULL;
  g_autoptr(GError) error = NULL;
  guint expected = 6 + n_channels (f), n_pages = 0;
  GtkTextView *view = template_child (page, DESK_TYPE_REPORTS_PAGE, "recommendations_view");
  DeskReportPeriod p;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Publier le mardi matin.", -1);
  _desk_reports_page_export_pdf_async (page, pdf, exported_cb, &n_pages);
  while (n_pages == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_pages, ==, expected);
  g_assert_cmpuint (pdf_pages (pdf), ==, expected);

  _desk_reports_page_get_period (page, &p);
  notes = desk_store_dup_report_recommendations (f->store, desk_window_get_brand_id (f->window), p.from_day, p.to_day,
                                                 &error);
  g_assert_cmpstr (notes, ==, "Publier le mardi matin.");

  g_assert_cmpint (_desk_reports_page_print (page, GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (printed), ==, expected);
}

static char *
view_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

/* Kept with the period they were written for, when the period changes */
static void
test_recommendations (Fixture       *f,
                      gconstpointer  data)
{
  DeskReportsPage *page = reports_page (f);
  GtkTextView *view = template_child (page, DESK_TYPE_REPORTS_PAGE, "recommendations_view");
  gint64 brand_id = desk_window_get_brand_id (f->window);
  g_autofree char *from = NULL, *to = NULL, *stored = NULL, *shown = NULL, *back = NULL;
  DeskReportPeriod p;

  _desk_reports_page_get_period (page, &p);
  from = g_strdup (p.from_day);
  to = g_strdup (p.to_day);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Plus de vidéos le week-end.", -1);
  _desk_reports_page_set_range (page, DESK_REPORT_LAST_MONTH, NULL, NULL);
  stored = desk_store_dup_report_recommendations (f->store, brand_id, from, to, NULL);
  g_assert_cmpstr (stored, ==, "Plus de vidéos le week-end.");
  shown = view_text (view);
  g_assert_cmpstr (shown, ==, "");
  _desk_reports_page_set_range (page, DESK_REPORT_THIS_MONTH, NULL, NULL);
  back = view_text (view);
  g_assert_cmpstr (back, ==, "Plus de vidéos le week-end.");
}

/* Full screen, arrows move, Escape leaves */
static void
test_present (Fixture       *f,
              gconstpointer  data)
{
  DeskReportsPage *page = reports_page (f);
  DeskPresentationWindow *show;
  g_autofree char *description = NULL;
  guint n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.present", NULL));
  show = find_toplevel (DESK_TYPE_PRESENTATION_WINDOW);
  g_assert_nonnull (show);
  wait_mapped (GTK_WIDGET (show));
  g_object_add_weak_pointer (G_OBJECT (show), (gpointer *) &show);
  while (!gtk_window_is_fullscreen (GTK_WINDOW (show)))
    g_main_context_iteration (NULL, TRUE);
  n = desk_presentation_window_get_n_pages (show);
  g_assert_cmpuint (n, ==, 6 + n_channels (f));
  g_assert_cmpuint (desk_presentation_window_get_page (show), ==, 0);

  press_key (GTK_WIDGET (show), GDK_KEY_space);
  press_key (GTK_WIDGET (show), GDK_KEY_Page_Down);
  g_assert_cmpuint (desk_presentation_window_get_page (show), ==, 2);
  press_key (GTK_WIDGET (show), GDK_KEY_Page_Up);
  g_assert_cmpuint (desk_presentation_window_get_page (show), ==, 1);
  press_key (GTK_WIDGET (show), GDK_KEY_End);
  g_assert_cmpuint (desk_presentation_window_get_page (show), ==, n - 1);
  press_key (GTK_WIDGET (show), GDK_KEY_Right);
  g_assert_cmpuint (desk_presentation_window_get_page (show), ==, n - 1);
  press_key (GTK_WIDGET (show), GDK_KEY_Home);
  g_assert_cmpuint (desk_presentation_window_get_page (show), ==, 0);
  description = accessible_description (gtk_window_get_child (GTK_WINDOW (show)));
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, "1"));
  wait_painted (GTK_WIDGET (show));

  press_key (GTK_WIDGET (show), GDK_KEY_Escape);
  while (show != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static guint
n_objectives (Fixture *f)
{
  g_autoptr(GPtrArray) objectives = desk_store_list_objectives (f->store, desk_window_get_brand_id (f->window), NULL);

  return objectives->len;
}

static gboolean
is_named (GtkWidget *widget,
          gpointer   data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* Added, shown as a gauge on the page, deleted */
static void
test_objectives (Fixture       *f,
                 gconstpointer  data)
{
  DeskReportsPage *page = reports_page (f);
  gint64 brand_id = desk_window_get_brand_id (f->window);
  g_autoptr(GPtrArray) before = desk_store_list_objectives (f->store, brand_id, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  GtkWidget *dialog, *gauges = template_child (page, DESK_TYPE_REPORTS_PAGE, "gauge_box");
  guint n_gauges = n_children (gauges);
  GtkLabel *error_label;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.objectives", NULL));
  dialog = find_toplevel (DESK_TYPE_OBJECTIVES_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (dialog);

  /* A target that is no number is refused, said */
  error_label = template_child (dialog, DESK_TYPE_OBJECTIVES_DIALOG, "error_label");
  gtk_drop_down_set_selected (template_child (dialog, DESK_TYPE_OBJECTIVES_DIALOG, "kpi_dropdown"), DESK_KPI_FOLLOWERS);
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_OBJECTIVES_DIALOG, "target_row"), "beaucoup");
  g_signal_emit_by_name (template_child (dialog, DESK_TYPE_OBJECTIVES_DIALOG, "save_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  gtk_editable_set_text (template_child (dialog, DESK_TYPE_OBJECTIVES_DIALOG, "target_row"), "12 000");
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_OBJECTIVES_DIALOG, "deadline_row"), "2026-12-31");
  g_signal_emit_by_name (template_child (dialog, DESK_TYPE_OBJECTIVES_DIALOG, "save_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  after = desk_store_list_objectives (f->store, brand_id, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpuint (n_children (gauges), ==, n_gauges + 1);

  /* Deleted from its row */
  while (n_objectives (f) > 0)
    {
      GtkWidget *delete = find_descendant (dialog, is_named, (gpointer) "delete-objective");

      g_assert_nonnull (delete);
      g_signal_emit_by_name (delete, "clicked");
    }
  deleted = desk_store_list_objectives (f->store, brand_id, NULL);
  g_assert_cmpuint (deleted->len, ==, 0);
  g_assert_cmpuint (n_children (gauges), ==, 0);
  g_assert_true (gtk_widget_get_visible (template_child (page, DESK_TYPE_REPORTS_PAGE, "no_objective_label")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_combo_titled (GtkWidget *widget,
                 gpointer   title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* A bad row refuses the file, naming its line; a good file is imported */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  DeskReportsPage *page = reports_page (f);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *good = g_build_filename (f->dir, "good.csv", NULL);
  GtkWidget *dialog, *import;
  GtkLabel *status;

  g_assert_true (g_file_set_contents (bad, "date,metric,value\n2001-01-01,followers,10\n2001-01-02,followers,beaucoup\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (good, "date,metric,value\n2001-01-01,impressions,1200\n2001-01-02,impressions,800\n",
                                      -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.import", NULL));
  dialog = find_toplevel (DESK_TYPE_METRICS_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  status = template_child (dialog, DESK_TYPE_METRICS_IMPORT_DIALOG, "status_label");
  import = template_child (dialog, DESK_TYPE_METRICS_IMPORT_DIALOG, "import_button");

  desk_metrics_import_dialog_load_file (DESK_METRICS_IMPORT_DIALOG (dialog), bad);
  g_test_message ("%s", gtk_label_get_text (status));
  g_assert_nonnull (strstr (gtk_label_get_text (status), "3"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
  g_assert_false (gtk_widget_get_sensitive (import));

  /* A layout of one's own: the columns' roles guessed from their names,
   * the days as in France; read as MM/DD, refused */
  {
    g_autofree char *own = g_build_filename (f->dir, "own.csv", NULL);
    AdwPreferencesGroup *mapping = template_child (dialog, DESK_TYPE_METRICS_IMPORT_DIALOG, "mapping_group");
    GtkDropDown *order = template_child (dialog, DESK_TYPE_METRICS_IMPORT_DIALOG, "order_dropdown");

    g_assert_true (g_file_set_contents (own, "Jour;Vues;Note\n31/01/2001;1 200;x\n01/02/2001;900;\n", -1, NULL));
    desk_metrics_import_dialog_load_file (DESK_METRICS_IMPORT_DIALOG (dialog), own);
    gtk_drop_down_set_selected (template_child (dialog, DESK_TYPE_METRICS_IMPORT_DIALOG, "preset_dropdown"), 3);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (mapping)));
    /* "Vues" is nothing the app knows by name: the user says it */
    {
      GtkWidget *vues = find_descendant (GTK_WIDGET (mapping), is_combo_titled, (gpointer) "Vues");

      g_assert_nonnull (vues);
      g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (vues)), ==, 0);
      adw_combo_row_set_selected (ADW_COMBO_ROW (vues), 4);   /* impressions */
    }
    gtk_drop_down_set_selected (order, 1);
    g_test_message ("%s", gtk_label_get_text (status));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
    g_assert_nonnull (strstr (gtk_label_get_text (status), "2001-01-31"));
    g_assert_true (gtk_widget_get_sensitive (import));
    gtk_drop_down_set_selected (order, 2);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
    g_assert_nonnull (strstr (gtk_label_get_text (status), "Line 2"));
    g_assert_false (gtk_widget_get_sensitive (import));
    gtk_drop_down_set_selected (template_child (dialog, DESK_TYPE_METRICS_IMPORT_DIALOG, "preset_dropdown"), 0);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (mapping)));
  }

  desk_metrics_import_dialog_load_file (DESK_METRICS_IMPORT_DIALOG (dialog), good);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
  g_assert_true (gtk_widget_get_sensitive (import));
  g_signal_emit_by_name (import, "clicked");
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The page reads it */
  _desk_reports_page_set_range (page, DESK_REPORT_CUSTOM, "2001-01-01", "2001-01-31");
  wait_painted (GTK_WIDGET (f->window));
  g_assert_cmpstr (desk_kpi_card_get_value_text (kpi_card (page, DESK_KPI_IMPRESSIONS)), !=, "—");
}

/* A chart's table and its exports */
static void
test_chart_table (Fixture       *f,
                  gconstpointer  data)
{
  DeskReportsPage *page = reports_page (f);
  DeskChartCard *card = DESK_CHART_CARD (find_widget (template_child (page, DESK_TYPE_REPORTS_PAGE, "chart_box"),
                                                      DESK_TYPE_CHART_CARD));
  g_autofree char *png = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "chart.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkStack *stack = template_child (card, DESK_TYPE_CHART_CARD, "stack");

  gtk_toggle_button_set_active (template_child (card, DESK_TYPE_CHART_CARD, "table_toggle"), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "table");
  wait_painted (GTK_WIDGET (f->window));
  g_assert_true (desk_chart_card_write_png (card, png, &error));
  g_assert_no_error (error);
  g_assert_true (desk_chart_card_write_csv (card, csv, &error));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Label,Value\r\n"));
  g_assert_cmpuint (strlen (text), >, 40);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  /* Accessible descriptions read through the test AT context */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(name, func) g_test_add ("/reports/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("period", test_period);
  ADD ("undefined", test_undefined);
  ADD ("chart-keyboard", test_chart_keyboard);
  ADD ("chart-table", test_chart_table);
  ADD ("export-pdf", test_export_pdf);
  ADD ("recommendations", test_recommendations);
  ADD ("present", test_present);
  ADD ("objectives", test_objectives);
  ADD ("import", test_import);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
