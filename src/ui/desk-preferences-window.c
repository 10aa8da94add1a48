/* desk-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-preferences-window.h"
#include "desk-slots.h"

struct _DeskPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  char                 *database_path;
  DeskStore            *store;

  GtkSpinButton        *hour_spin;
  GtkSpinButton        *minute_spin;
  AdwActionRow         *location_row;
};

G_DEFINE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  SIGNAL_CHANNELS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
save_channel (DeskPreferencesWindow *self,
              DeskChannel           *channel)
{
  g_autoptr(GError) error = NULL;

  if (!desk_store_save_channel (self->store, channel, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CHANNELS_CHANGED], 0);
}

static void
cadence_changed_cb (GtkSpinButton         *spin,
                    DeskPreferencesWindow *self)
{
  DeskChannel *channel = g_object_get_data (G_OBJECT (spin), "channel");

  desk_channel_set_cadence (channel, gtk_spin_button_get_value_as_int (spin));
  save_channel (self, channel);
}

static void
slots_apply_cb (AdwEntryRow           *row,
                DeskPreferencesWindow *self)
{
  DeskChannel *channel = g_object_get_data (G_OBJECT (row), "channel");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) slots = desk_slots_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  g_autofree char *stored = NULL;
  g_autofree char *label = NULL;

  if (slots == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  stored = desk_slots_to_string (slots);
  label = desk_slots_to_label (slots);
  gtk_editable_set_text (GTK_EDITABLE (row), label);
  desk_channel_set_slots (channel, stored);
  save_channel (self, channel);
}

/* One group per channel of the brand: its cadence and posting slots. */
static void
add_channels_page (DeskPreferencesWindow *self,
                   gint64                 brand_id)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (self->store, brand_id, NULL);
  GtkWidget *page = adw_preferences_page_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Channels"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "channels");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "network-workgroup-symbolic");

  for (guint i = 0; channels && i < g_list_model_get_n_items (channels); i++)
    {
      DeskChannel *channel = g_list_model_get_item (channels, i);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *cadence_row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 20, 1);
      GtkWidget *slots_row = adw_entry_row_new ();
      g_autofree char *title = g_strdup_printf ("%s · %s", desk_network_to_label (desk_channel_get_network (channel)),
                                                desk_channel_get_handle (channel));
      g_autoptr(GArray) slots = desk_slots_parse (desk_channel_get_slots (channel), NULL);
      g_autofree char *label = slots ? desk_slots_to_label (slots) : g_strdup (desk_channel_get_slots (channel));

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (cadence_row), _("Most posts a day"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (cadence_row), _("0: no limit; more is shown as a warning on the calendar"));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), desk_channel_get_cadence (channel));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Most posts a day"), -1);
      g_object_set_data_full (G_OBJECT (spin), "channel", g_object_ref (channel), g_object_unref);
      g_signal_connect (spin, "value-changed", G_CALLBACK (cadence_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (cadence_row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), cadence_row);

      /* Translators: the posting slots field; keep the example's form */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (slots_row), _("Posting slots (e.g. mon wed fri 09:30, tue 18:00)"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (slots_row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (slots_row), label);
      g_object_set_data_full (G_OBJECT (slots_row), "channel", g_object_ref (channel), g_object_unref);
      g_signal_connect (slots_row, "apply", G_CALLBACK (slots_apply_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), slots_row);

      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
      g_object_unref (channel);
    }

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

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
  g_clear_object (&self->store);

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->finalize (object);
}

static void
desk_preferences_window_class_init (DeskPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = desk_preferences_window_finalize;

  signals[SIGNAL_CHANNELS_CHANGED] =
    g_signal_new ("channels-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

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

/**
 * desk_preferences_window_new:
 * @store: (nullable): the workspace, for the brand's channels
 */
DeskPreferencesWindow *
desk_preferences_window_new (GSettings  *settings,
                             const char *database_path,
                             DeskStore  *store,
                             gint64      brand_id)
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

  if (store != NULL && brand_id != 0)
    {
      self->store = g_object_ref (store);
      add_channels_page (self, brand_id);
    }
  return self;
}
