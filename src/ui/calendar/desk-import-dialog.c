/* desk-import-dialog.c: preview and import posts from a CSV file
 *
 * Shows every row of the file: what it will create, or what is wrong with
 * it and on which line. Import is only possible when no row is wrong, and
 * then saves all of them in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-time.h"
#include "desk-csv.h"
#include "desk-import-dialog.h"

struct _DeskImportDialog
{
  AdwWindow   parent_instance;

  DeskStore  *store;
  gint64      brand_id;
  GPtrArray  *rows;
  guint       errors;

  GtkWidget  *import_button;
  GtkLabel   *summary_label;
  GtkListBox *rows_list;
};

G_DEFINE_FINAL_TYPE (DeskImportDialog, desk_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskImportDialog *self = DESK_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!desk_csv_import (self->store, self->brand_id, self->rows, &error))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, self->rows->len);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
desk_import_dialog_dispose (GObject *object)
{
  DeskImportDialog *self = (DeskImportDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_import_dialog_parent_class)->dispose (object);
}

static void
desk_import_dialog_class_init (DeskImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_import_dialog_dispose;

  /**
   * DeskImportDialog::imported:
   * @n_posts: how many posts were created
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, rows_list);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_import_dialog_init (DeskImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
make_row (DeskCsvRow *csv_row)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (csv_row->error != NULL)
    {
      /* Translators: a row of an imported file that has a problem */
      title = g_strdup_printf (_("Line %u cannot be imported"), csv_row->line);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), csv_row->error);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-error-symbolic"));
      gtk_widget_add_css_class (row, "error");
    }
  else
    {
      g_autoptr(GDateTime) local = desk_time_to_local (desk_post_get_scheduled_at (csv_row->post));
      /* Translators: date and time of an imported post, strftime format */
      g_autofree char *when = g_date_time_format (local, _("%a %-d %b %H:%M"));
      g_autofree char *name = desk_post_dup_display_title (csv_row->post);

      title = g_strdup_printf ("%u · %s · %s", csv_row->line, when, name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), desk_post_get_body (csv_row->post));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

/**
 * desk_import_dialog_new:
 * @rows: (transfer none) (element-type DeskCsvRow): from desk_csv_parse ()
 */
DeskImportDialog *
desk_import_dialog_new (DeskStore *store,
                        gint64     brand_id,
                        GPtrArray *rows)
{
  DeskImportDialog *self;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  self = g_object_new (DESK_TYPE_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->brand_id = brand_id;
  self->rows = g_ptr_array_ref (rows);
  self->errors = desk_csv_count_errors (rows);

  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->rows_list, make_row (g_ptr_array_index (rows, i)));

  if (self->errors > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u line has an error. Fix it in the file and import it again: nothing is imported until every line is right.",
                                            "%u lines have errors. Fix them in the file and import it again: nothing is imported until every line is right.",
                                            self->errors), self->errors);
  else if (rows->len == 0)
    summary = g_strdup (_("The file has no post to import."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post is ready to be imported.",
                                            "%u posts are ready to be imported.", rows->len), rows->len);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", self->errors == 0 && rows->len > 0);
  return self;
}

guint
desk_import_dialog_get_errors (DeskImportDialog *self)
{
  g_return_val_if_fail (DESK_IS_IMPORT_DIALOG (self), 0);
  return self->errors;
}
