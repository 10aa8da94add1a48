/* desk-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-preferences-window.h"

struct _DeskPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  char                 *database_path;

  GtkSpinButton        *hour_spin;
  GtkSpinButton        *minute_spin;
  AdwActionRow         *location_row;
};

G_DEFINE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_open_folder_clicked_cb (DeskPreferencesWindow *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;

  if (self->database_path == NULL)
    return;
  dir = g_path_get_dirname (self->database_path);
  uri = g_filename_to_uri (dir, NULL, NULL);
  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
desk_preferences_window_finalize (GObject *object)
{
  DeskPreferencesWindow *self = (DeskPreferencesWindow *) object;

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->finalize (object);
}

static void
desk_preferences_window_class_init (DeskPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = desk_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, location_row);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_clicked_cb);
}

static void
desk_preferences_window_init (DeskPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DeskPreferencesWindow *
desk_preferences_window_new (GSettings  *settings,
                             const char *database_path)
{
  DeskPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DESK_TYPE_PREFERENCES_WINDOW, NULL);
  self->database_path = g_strdup (database_path);
  adw_action_row_set_subtitle (self->location_row, database_path ? database_path : "");

  g_settings_bind (settings, "default-post-hour",
                   gtk_spin_button_get_adjustment (self->hour_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-post-minute",
                   gtk_spin_button_get_adjustment (self->minute_spin), "value", G_SETTINGS_BIND_DEFAULT);
  return self;
}
