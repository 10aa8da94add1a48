/* desk-metrics-import-dialog.c: a network's analytics export, previewed
 * and imported
 *
 * The file, the channel it belongs to and its layout (the generic
 * "date,metric,value", Meta Business Suite's or LinkedIn page analytics'
 * exports: desk-metric-import.c reads them all). Every change parses the
 * file again and shows what would be stored, one row per day and metric;
 * a bad row is named by its line and nothing can be imported. Import
 * stores all the values at once, or none. Emits "imported".
 *
 * The presets map the networks' columns to metrics; "My Own Columns"
 * lets the user say what each column holds (the day, a metric, or
 * nothing, guessed from its name to start with) and how days are
 * written (2026-01-31, 31/01/2026 as in France, 01/31/2026).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-metrics-import-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "desk-csv.h"
#include "desk-a11y.h"
#include "desk-kpi.h"
#include "desk-metric-import.h"
#include "desk-metrics-import-dialog.h"

struct _DeskMetricsImportDialog
{
  AdwWindow             parent_instance;

  DeskStore            *store;
  gint64                brand_id;
  char                 *path;
  char                 *text;
  GArray               *channel_ids;
  GPtrArray            *samples;    /* (element-type DeskMetricSample) (nullable) */
  GtkStringList        *days;
  GtkFileChooserNative *chooser;

  AdwActionRow         *file_row;
  GtkDropDown          *channel_dropdown;
  GtkDropDown          *preset_dropdown;
  AdwPreferencesGroup  *mapping_group;
  GtkDropDown          *order_dropdown;
  GPtrArray            *role_rows;    /* (element-type AdwComboRow) a column each */
  GtkLabel             *layout_label;
  GtkLabel             *status_label;
  GtkWidget            *preview_frame;
  GtkColumnView        *preview;
  GtkWidget            *import_button;
};

G_DEFINE_FINAL_TYPE (DeskMetricsImportDialog, desk_metrics_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The layout list's last entry: the user's own mapping */
#define LAYOUT_OWN 3

/* A column's roles, in the role rows' order: nothing, the day, a metric */
static const char * const roles[] = {
  NULL, "date", "followers", "reach", "impressions", "engagements", "clicks", "conversions", "spend", "revenue",
};

static const char *
layout_help (DeskMetricPreset preset)
{
  switch ((int) preset)
    {
    case LAYOUT_OWN:
      return _("One row per day, a column per metric: say below what each column holds.");
    case DESK_METRIC_PRESET_META:
      return _("One row per day: Date, Reach, Impressions, Engagements, Link clicks, Followers, Results, Amount spent (in English or French).");
    case DESK_METRIC_PRESET_LINKEDIN:
      return _("One row per day: Date (MM/DD/YYYY), Impressions (total), Unique impressions (organic), Clicks (total), Reactions, Comments and Reposts (total), Total followers.");
    case DESK_METRIC_PRESET_GENERIC:
    default:
      return _("A header “date,metric,value”, then one row per day and metric: followers, reach, impressions, engagements, clicks, conversions, spend or revenue.");
    }
}

static void
set_status (DeskMetricsImportDialog *self,
            const char              *text,
            gboolean                 error)
{
  gtk_label_set_text (self->status_label, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static gint64
selected_channel (DeskMetricsImportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->channel_dropdown);

  return i < self->channel_ids->len ? g_array_index (self->channel_ids, gint64, i) : 0;
}

static void update_preview (DeskMetricsImportDialog *self);

/* A role row a column of the file, its role guessed from its name */
static void
build_mapping (DeskMetricsImportDialog *self)
{
  g_auto(GStrv) header = NULL;

  for (guint i = 0; i < self->role_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->role_rows, i));
  g_ptr_array_set_size (self->role_rows, 0);
  if (self->text == NULL || (header = desk_metric_import_header (self->text, NULL)) == NULL)
    return;
  for (guint c = 0; header[c] != NULL; c++)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char *guess = desk_metric_import_guess (header[c]);
      guint selected = 0;

      gtk_string_list_append (names, _("Nothing"));
      gtk_string_list_append (names, _("The day"));
      for (guint k = 2; k < G_N_ELEMENTS (roles); k++)
        {
          DeskKpiId id;

          gtk_string_list_append (names, desk_kpi_id_from_name (roles[k], &id) ? desk_kpi_get_label (id) : roles[k]);
          if (guess != NULL && g_str_equal (guess, roles[k]))
            selected = k;
        }
      if (guess != NULL && g_str_equal (guess, "date"))
        selected = 1;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header[c][0] != '\0' ? header[c] : _("(no name)"));
      adw_combo_row_set_model (row, G_LIST_MODEL (names));
      adw_combo_row_set_selected (row, selected);
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (update_preview), self);
      adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));
      g_ptr_array_add (self->role_rows, row);
    }
}

static void
layout_changed_cb (DeskMetricsImportDialog *self)
{
  gboolean own = gtk_drop_down_get_selected (self->preset_dropdown) == LAYOUT_OWN;

  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), own);
  if (own && self->role_rows->len == 0)
    build_mapping (self);
  update_preview (self);
}

/* Parses the file again with the channel and layout chosen */
static void
update_preview (DeskMetricsImportDialog *self)
{
  DeskMetricPreset preset = gtk_drop_down_get_selected (self->preset_dropdown);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = g_ptr_array_new ();
  const char *first = NULL, *last = NULL;
  g_autofree char *summary = NULL;

  gtk_label_set_text (self->layout_label, layout_help (preset));
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  gtk_string_list_splice (self->days, 0, g_list_model_get_n_items (G_LIST_MODEL (self->days)), NULL);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_widget_set_visible (self->preview_frame, FALSE);

  if (self->text == NULL)
    {
      set_status (self, "", FALSE);
      return;
    }
  if (selected_channel (self) == 0)
    {
      set_status (self, _("This brand has no channel to import into."), TRUE);
      return;
    }
  if ((int) preset == LAYOUT_OWN)
    {
      g_autofree const char **chosen = g_new0 (const char *, self->role_rows->len + 1);

      for (guint i = 0; i < self->role_rows->len; i++)
        chosen[i] = roles[MIN (adw_combo_row_get_selected (g_ptr_array_index (self->role_rows, i)),
                               G_N_ELEMENTS (roles) - 1)];
      self->samples = desk_metric_import_parse_columns (self->text, selected_channel (self), chosen,
                                                        self->role_rows->len,
                                                        gtk_drop_down_get_selected (self->order_dropdown), &error);
    }
  else
    self->samples = desk_metric_import_parse (self->text, selected_channel (self), preset, &error);
  if (self->samples == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  if (self->samples->len == 0)
    {
      set_status (self, _("The file holds no value this layout knows. Nothing would be imported."), TRUE);
      return;
    }
  for (guint i = 0; i < self->samples->len; i++)
    {
      DeskMetricSample *s = g_ptr_array_index (self->samples, i);

      g_ptr_array_add (days, s->day);
      if (first == NULL || strcmp (s->day, first) < 0)
        first = s->day;
      if (last == NULL || strcmp (s->day, last) > 0)
        last = s->day;
    }
  g_ptr_array_add (days, NULL);
  gtk_string_list_splice (self->days, 0, 0, (const char * const *) days->pdata);
  summary = g_strdup_printf (
    /* Translators: the import's preview: how many values, their first and last days */
    g_dngettext (GETTEXT_PACKAGE, "%u value will be imported, from %s to %s.",
                 "%u values will be imported, from %s to %s.", self->samples->len),
    self->samples->len, first, last);
  set_status (self, summary, FALSE);
  gtk_widget_set_visible (self->preview_frame, TRUE);
  gtk_widget_set_sensitive (self->import_button, TRUE);
}

/**
 * desk_metrics_import_dialog_load_file:
 *
 * Reads @path and previews it; a file that cannot be read says why.
 */
void
desk_metrics_import_dialog_load_file (DeskMetricsImportDialog *self,
                                      const char              *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  g_return_if_fail (DESK_IS_METRICS_IMPORT_DIALOG (self));

  g_clear_pointer (&self->text, g_free);
  g_free (self->path);
  self->path = g_strdup (path);
  adw_action_row_set_subtitle (self->file_row, name);
  if ((self->text = desk_csv_load (path, &error)) == NULL)
    {
      build_mapping (self);
      update_preview (self);
      set_status (self, error->message, TRUE);
      return;
    }
  build_mapping (self);
  update_preview (self);
}

static void
chooser_response_cb (GtkNativeDialog         *dialog,
                     int                      response,
                     DeskMetricsImportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    desk_metrics_import_dialog_load_file (self, path);
  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (DeskMetricsImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_clicked_cb (DeskMetricsImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->samples == NULL || self->samples->len == 0)
    return;
  if (!desk_store_add_metric_samples (self->store, self->samples, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The preview's columns */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DeskMetricsImportDialog  *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  guint position = gtk_list_item_get_position (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  DeskMetricSample *s;
  DeskKpiId id;

  if (self->samples == NULL || position >= self->samples->len)
    return;
  s = g_ptr_array_index (self->samples, position);
  if (column == 0)
    gtk_label_set_text (label, s->day);
  else if (column == 1)
    gtk_label_set_text (label, desk_kpi_id_from_name (s->metric, &id) ? desk_kpi_get_label (id) : s->metric);
  else
    {
      DeskKpiValue value = { TRUE, s->value, DESK_KPI_REASON_NONE };
      g_autofree char *text = desk_kpi_id_from_name (s->metric, &id) ? desk_kpi_format (id, &value)
                                                                      : g_strdup_printf ("%g", s->value);

      gtk_widget_add_css_class (GTK_WIDGET (label), "numeric");
      gtk_label_set_text (label, text);
    }
}

static void
add_column (DeskMetricsImportDialog *self,
            const char              *title,
            guint                    column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, column == 1);
  gtk_column_view_append_column (self->preview, col);
  g_object_unref (col);
}

static void
fill_channels (DeskMetricsImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) channels = desk_store_list_channels (self->store, self->brand_id, NULL);

  for (guint i = 0; channels != NULL && i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      g_autofree char *name = g_strdup_printf ("%s · %s", desk_network_to_label (desk_channel_get_network (channel)),
                                               desk_channel_get_handle (channel));
      gint64 id = desk_channel_get_id (channel);

      gtk_string_list_append (names, name);
      g_array_append_val (self->channel_ids, id);
    }
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (names));
}

static void
desk_metrics_import_dialog_dispose (GObject *object)
{
  DeskMetricsImportDialog *self = DESK_METRICS_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_METRICS_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->days);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_clear_pointer (&self->channel_ids, g_array_unref);
  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (desk_metrics_import_dialog_parent_class)->dispose (object);
}

static void
desk_metrics_import_dialog_class_init (DeskMetricsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_metrics_import_dialog_dispose;

  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                           NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-metrics-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskMetricsImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, DeskMetricsImportDialog, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskMetricsImportDialog, preset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskMetricsImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, DeskMetricsImportDialog, order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskMetricsImportDialog, layout_label);
  gtk_widget_class_bind_template_child (widget_class, DeskMetricsImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, DeskMetricsImportDialog, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, DeskMetricsImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, DeskMetricsImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_metrics_import_dialog_init (DeskMetricsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->days = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->preview,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->days)))));
  desk_drop_down_set_accessible_label (self->channel_dropdown, _("Channel"));
  desk_drop_down_set_accessible_label (self->preset_dropdown, _("Layout"));
  desk_drop_down_set_accessible_label (self->order_dropdown, _("Days written as"));
  self->role_rows = g_ptr_array_new ();
  add_column (self, _("Day"), 0);
  add_column (self, _("Metric"), 1);
  add_column (self, _("Value"), 2);
  g_signal_connect_swapped (self->channel_dropdown, "notify::selected", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->preset_dropdown, "notify::selected", G_CALLBACK (layout_changed_cb), self);
  g_signal_connect_swapped (self->order_dropdown, "notify::selected", G_CALLBACK (update_preview), self);
}

GtkWidget *
desk_metrics_import_dialog_new (DeskStore *store,
                                gint64     brand_id)
{
  DeskMetricsImportDialog *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_METRICS_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->brand_id = brand_id;
  fill_channels (self);
  update_preview (self);
  return GTK_WIDGET (self);
}
