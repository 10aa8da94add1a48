/* desk-chart-card.c: a chart with its title, its table and its exports
 *
 * The chart (DeskChartView) and its text alternative: "Show as Table"
 * swaps it for an accessible GtkColumnView of the chart's rows, the same
 * rows the keyboard walks. Its menu exports the chart as a PNG (drawn by
 * the same core function, twice the size on screen) and the table as CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-chart-card"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-chart-card.h"
#include "desk-report-error.h"

#define PNG_SCALE 2

struct _DeskChartCard
{
  GtkWidget        parent_instance;

  DeskChart       *chart;
  GPtrArray       *rows;   /* (element-type DeskChartRow) (nullable): read when the table is first shown */
  GtkStringList   *labels;
  GtkFileChooserNative *chooser;

  GtkLabel        *title_label;
  GtkToggleButton *table_toggle;
  GtkStack        *stack;
  DeskChartView   *view;
  GtkColumnView   *table;
};

G_DEFINE_FINAL_TYPE (DeskChartCard, desk_chart_card, GTK_TYPE_WIDGET)

DeskChartView *
desk_chart_card_get_view (DeskChartCard *self)
{
  g_return_val_if_fail (DESK_IS_CHART_CARD (self), NULL);
  return self->view;
}

/* The table's rows, formatted when first needed (shown, exported) */
static GPtrArray *
ensure_rows (DeskChartCard *self)
{
  g_autoptr(GPtrArray) labels = NULL;

  if (self->rows != NULL)
    return self->rows;
  self->rows = self->chart != NULL ? desk_chart_dup_rows (self->chart) : g_ptr_array_new ();
  labels = g_ptr_array_sized_new (self->rows->len + 1);
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (labels, ((DeskChartRow *) g_ptr_array_index (self->rows, i))->label);
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)),
                          (const char * const *) labels->pdata);
  return self->rows;
}

void
desk_chart_card_set_chart (DeskChartCard *self,
                           DeskChart     *chart)
{
  g_return_if_fail (DESK_IS_CHART_CARD (self));

  /* Its title is the card's heading: not twice on screen */
  if (chart != NULL)
    desk_chart_set_show_title (chart, FALSE);
  g_set_object (&self->chart, chart);
  desk_chart_view_set_chart (self->view, chart);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_string_list_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)), NULL);
  if (gtk_toggle_button_get_active (self->table_toggle))
    ensure_rows (self);
}

/* PNG and CSV */

gboolean
desk_chart_card_write_png (DeskChartCard  *self,
                           const char     *path,
                           GError        **error)
{
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self->view)), 640);
  int height = MAX (gtk_widget_get_height (GTK_WIDGET (self->view)), 400);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  g_autoptr(DeskChart) chart = NULL;

  g_return_val_if_fail (DESK_IS_CHART_CARD (self), FALSE);

  if ((chart = desk_chart_view_get_chart (self->view)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no chart to export."));
      return FALSE;
    }
  g_object_ref (chart);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * PNG_SCALE, height * PNG_SCALE);
  cr = cairo_create (surface);
  cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  /* A picture on its own says what it shows */
  desk_chart_set_show_title (chart, TRUE);
  desk_chart_render (chart, cr, width, height);
  desk_chart_set_show_title (chart, FALSE);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  /* The spots of the screen's last render, again */
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
append_csv_field (GString    *out,
                  const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
desk_chart_card_write_csv (DeskChartCard  *self,
                           const char     *path,
                           GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (DESK_IS_CHART_CARD (self), FALSE);

  /* Translators: the two columns of a chart's table (CSV export and on screen) */
  append_csv_field (out, C_("chart table", "Label"));
  g_string_append_c (out, ',');
  append_csv_field (out, C_("chart table", "Value"));
  g_string_append (out, "\r\n");
  ensure_rows (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      DeskChartRow *row = g_ptr_array_index (self->rows, i);

      append_csv_field (out, row->label);
      g_string_append_c (out, ',');
      append_csv_field (out, row->value);
      g_string_append (out, "\r\n");
    }
  return g_file_set_contents (path, out->str, out->len, error);
}

typedef gboolean (*WriteFunc) (DeskChartCard *self, const char *path, GError **error);

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     DeskChartCard   *self)
{
  WriteFunc write = g_object_get_data (G_OBJECT (dialog), "write");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL && !write (self, path, &error))
    desk_report_error (GTK_WIDGET (self), error);
  g_clear_object (&self->chooser);
}

static void
choose_file (DeskChartCard *self,
             const char    *title,
             const char    *name,
             WriteFunc      write)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *file_name = NULL;
  const char *chart_title = gtk_label_get_text (self->title_label);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  file_name = g_strdup_printf ("%s.%s", *chart_title ? chart_title : _("Chart"), name);
  g_strdelimit (file_name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  g_object_set_data (G_OBJECT (self->chooser), "write", write);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_png_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_file (DESK_CHART_CARD (widget), _("Export Chart as PNG"), "png", desk_chart_card_write_png);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_file (DESK_CHART_CARD (widget), _("Export Table as CSV"), "csv", desk_chart_card_write_csv);
}

/* The table */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static void
bind_value_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DeskChartCard            *self)
{
  guint position = gtk_list_item_get_position (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_text (GTK_LABEL (label), self->rows != NULL && position < self->rows->len
                                         ? ((DeskChartRow *) g_ptr_array_index (self->rows, position))->value : "");
}

static void
add_column (DeskChartCard *self,
            const char    *title,
            GCallback      bind,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", bind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (self->table, column);
  g_object_unref (column);
}

static void
table_toggled_cb (DeskChartCard *self)
{
  if (gtk_toggle_button_get_active (self->table_toggle))
    ensure_rows (self);
  gtk_stack_set_visible_child_name (self->stack, gtk_toggle_button_get_active (self->table_toggle) ? "table" : "chart");
}

static void
desk_chart_card_dispose (GObject *object)
{
  DeskChartCard *self = DESK_CHART_CARD (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CHART_CARD);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->chart);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (desk_chart_card_parent_class)->dispose (object);
}

static void
desk_chart_card_class_init (DeskChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_chart_card_dispose;

  g_type_ensure (DESK_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskChartCard, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, DeskChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskChartCard, view);
  gtk_widget_class_bind_template_child (widget_class, DeskChartCard, table);
  gtk_widget_class_install_action (widget_class, "chart.export-png", NULL, export_png_action);
  gtk_widget_class_install_action (widget_class, "chart.export-csv", NULL, export_csv_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
desk_chart_card_init (DeskChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->labels = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                            G_LIST_MODEL (g_object_ref (self->labels)))));
  add_column (self, C_("chart table", "Label"), G_CALLBACK (bind_label_cb), TRUE);
  add_column (self, C_("chart table", "Value"), G_CALLBACK (bind_value_cb), FALSE);
  g_signal_connect_swapped (self->table_toggle, "toggled", G_CALLBACK (table_toggled_cb), self);
}

/**
 * desk_chart_card_new:
 * @title: (nullable): the card's heading; %NULL: the chart's title
 */
GtkWidget *
desk_chart_card_new (const char *title,
                     DeskChart  *chart)
{
  DeskChartCard *self = g_object_new (DESK_TYPE_CHART_CARD, NULL);

  if (title == NULL)
    title = chart != NULL && desk_chart_get_title (chart) != NULL ? desk_chart_get_title (chart) : "";
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  desk_chart_card_set_chart (self, chart);
  return GTK_WIDGET (self);
}
