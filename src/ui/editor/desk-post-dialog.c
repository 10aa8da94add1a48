/* desk-post-dialog.c: create, edit or delete one post
 *
 * Edits a detached copy; Save writes it in one transaction and the store
 * updates the object every view shows. A refused save keeps the dialog
 * open with the reason, so nothing typed is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-post-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-post-dialog.h"
#include "desk-sends-group.h"
#include "desk-preferences-window.h"
#include "desk-slots.h"
#include "desk-time.h"
#include "desk-time-spin.h"

struct _DeskPostDialog
{
  AdwWindow       parent_instance;

  DeskStore      *store;
  DeskPost       *post;          /* the shared object, or NULL for a new post */
  gint64          brand_id;
  GArray         *campaign_ids;  /* position in campaign_row → id (0: none) */
  GPtrArray      *channel_checks;
  GPtrArray      *channel_rows;   /* (element-type GtkWidget) the channels_group's rows */
  GtkWidget      *sends_group;    /* (nullable) how each channel's send stands, a DeskSendsGroup */
  GSettings      *settings;       /* (nullable) */

  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwEntryRow    *title_row;
  GtkTextView    *body_view;
  AdwPreferencesGroup *channels_group;
  GtkSwitch      *schedule_switch;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  AdwComboRow    *status_row;
  AdwComboRow    *campaign_row;
  AdwEntryRow    *pillar_row;
  AdwEntryRow    *notes_row;
  GtkWidget      *delete_button;
  GtkWidget      *editor_button;
  AdwActionRow   *queue_row;
  AdwActionRow   *time_row;
};

G_DEFINE_FINAL_TYPE (DeskPostDialog, desk_post_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (DeskPostDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static GDateTime *
selected_date (DeskPostDialog *self)
{
  return gtk_calendar_get_date (self->calendar);
}

static void
update_date_label (DeskPostDialog *self)
{
  g_autoptr(GDateTime) date = selected_date (self);
  /* Translators: the post's date on its button, strftime format */
  g_autofree char *label = g_date_time_format (date, _("%A %-d %B %Y"));

  gtk_menu_button_set_label (self->date_button, label);
}

/* The time chosen, when the post is scheduled */
static GDateTime *
chosen_time (DeskPostDialog *self)
{
  g_autoptr(GDateTime) date = NULL;

  if (!gtk_switch_get_active (self->schedule_switch))
    return NULL;
  date = selected_date (self);
  return desk_time_at_local (date, gtk_spin_button_get_value_as_int (self->hour_spin),
                             gtk_spin_button_get_value_as_int (self->minute_spin));
}

/* A time already gone is said, not silently accepted: the post would not
 * go out by itself (a published post's time is history, not a plan) */
static void
update_time_warning (DeskPostDialog *self)
{
  g_autoptr(GDateTime) at = chosen_time (self);
  g_autoptr(GDateTime) now = desk_time_now ();
  gboolean past = at != NULL && g_date_time_compare (at, now) < 0 &&
                  adw_combo_row_get_selected (self->status_row) != DESK_POST_STATUS_PUBLISHED;
  /* The brand's timezone is the truth; said when this computer's clock
   * differs */
  g_autofree char *zone = desk_time_describe_zone (at);

  adw_action_row_set_subtitle (self->time_row,
                               past ? _("This time has already passed: the post will not go out by itself.")
                                    : zone != NULL ? zone : _("Local time"));
  if (past)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "past-time");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "past-time");
}

static void
on_time_changed_cb (DeskPostDialog *self)
{
  update_time_warning (self);
}

static void
on_calendar_day_selected_cb (DeskPostDialog *self)
{
  update_date_label (self);
  update_time_warning (self);
}

static void build_channels (DeskPostDialog *self);

static void
channels_changed_cb (DeskPostDialog *self)
{
  build_channels (self);
}

/* A brand without a channel gets one from here: Preferences › Channels,
 * and the list below fills as channels are added */
static void
add_channel_activated_cb (DeskPostDialog *self)
{
  DeskPreferencesWindow *prefs = desk_preferences_window_new (self->settings, desk_store_get_path (self->store),
                                                              self->store, self->brand_id);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (prefs), TRUE);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "channels");
  g_signal_connect_object (prefs, "channels-changed", G_CALLBACK (channels_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
build_channels (DeskPostDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) channels = desk_store_list_channels (self->store, self->brand_id, &error);
  g_autoptr(GArray) checked = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (channels == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* Again after a channel was added: the ticks made so far stay */
  for (guint i = 0; i < self->channel_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->channel_checks, i);

      if (gtk_check_button_get_active (check))
        g_array_append_val (checked, *(gint64 *) g_object_get_data (G_OBJECT (check), "channel-id"));
    }
  for (guint i = 0; i < self->channel_rows->len; i++)
    adw_preferences_group_remove (self->channels_group, g_ptr_array_index (self->channel_rows, i));
  g_ptr_array_set_size (self->channel_rows, 0);
  g_ptr_array_set_size (self->channel_checks, 0);

  if (g_list_model_get_n_items (channels) == 0 && self->settings != NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_group_set_description (self->channels_group,
                                             _("This brand has no channel yet: the post is kept as a draft until it has one."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add a Channel…"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect_swapped (row, "activated", G_CALLBACK (add_channel_activated_cb), self);
      adw_preferences_group_add (self->channels_group, row);
      g_ptr_array_add (self->channel_rows, row);
      return;
    }
  if (g_list_model_get_n_items (channels) == 0)
    adw_preferences_group_set_description (self->channels_group,
                                           _("This brand has no channel yet: the post is kept as a draft for now."));
  else
    adw_preferences_group_set_description (self->channels_group, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *name = desk_channel_get_display_name (channel);
      g_autofree char *title = g_strdup_printf ("%s · %s",
                                                desk_network_to_label (desk_channel_get_network (channel)),
                                                name && *name ? name : desk_channel_get_handle (channel));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), desk_channel_get_handle (channel));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      {
        gint64 *id = g_new (gint64, 1);
        *id = desk_channel_get_id (channel);
        g_object_set_data_full (G_OBJECT (check), "channel-id", id, g_free);
      }

      if (self->post != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                     desk_post_has_channel (self->post, desk_channel_get_id (channel)));
      for (guint j = 0; j < checked->len; j++)
        if (g_array_index (checked, gint64, j) == desk_channel_get_id (channel))
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

      adw_preferences_group_add (self->channels_group, row);
      g_ptr_array_add (self->channel_rows, row);
      g_ptr_array_add (self->channel_checks, check);
    }
}

/* Where the post's sends stand, after the channels (desk-sends-group.c) */
static void
build_sends (DeskPostDialog *self)
{
  if (self->sends_group == NULL)
    {
      self->sends_group = GTK_WIDGET (desk_sends_group_new (self->store));
      gtk_widget_insert_after (self->sends_group, gtk_widget_get_parent (GTK_WIDGET (self->channels_group)),
                               GTK_WIDGET (self->channels_group));
    }
  desk_sends_group_set_post (DESK_SENDS_GROUP (self->sends_group), self->post ? desk_post_get_id (self->post) : 0,
                             self->brand_id);
}

static void
build_campaigns (DeskPostDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) campaigns = desk_store_list_campaigns (self->store, self->brand_id, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  if (campaigns == NULL)
    show_error (self, error->message);

  gtk_string_list_append (names, _("No campaign"));
  g_array_append_val (self->campaign_ids, none);

  for (guint i = 0; campaigns && i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(DeskCampaign) campaign = g_list_model_get_item (campaigns, i);
      gint64 id = desk_campaign_get_id (campaign);

      gtk_string_list_append (names, desk_campaign_get_name (campaign));
      g_array_append_val (self->campaign_ids, id);
      if (self->post != NULL && desk_post_get_campaign_id (self->post) == id)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->campaign_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->campaign_row, selected);
}

static void
build_statuses (DeskPostDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (DeskPostStatus s = 0; s <= DESK_POST_STATUS_LAST; s++)
    gtk_string_list_append (names, desk_post_status_to_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (names));
}

static void
load (DeskPostDialog *self,
      GDateTime      *day,
      GSettings      *settings)
{
  g_autoptr(GDateTime) when = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

  build_statuses (self);
  build_channels (self);
  build_sends (self);
  build_campaigns (self);

  if (self->post != NULL)
    {
      GDateTime *at = desk_post_get_scheduled_at (self->post);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Post"));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), desk_post_get_title (self->post) ?: "");
      gtk_text_buffer_set_text (buffer, desk_post_get_body (self->post) ?: "", -1);
      gtk_editable_set_text (GTK_EDITABLE (self->pillar_row), desk_post_get_pillar (self->post) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), desk_post_get_notes (self->post) ?: "");
      adw_combo_row_set_selected (self->status_row, desk_post_get_status (self->post));
      gtk_switch_set_active (self->schedule_switch, at != NULL);
      when = at ? desk_time_to_local (at) : desk_time_now ();
    }
  else
    {
      int hour = settings ? g_settings_get_int (settings, "default-post-hour") : 9;
      int minute = settings ? g_settings_get_int (settings, "default-post-minute") : 30;
      g_autoptr(GDateTime) now = desk_time_now ();

      gtk_window_set_title (GTK_WINDOW (self), _("New Post"));
      gtk_widget_set_visible (self->delete_button, FALSE);
      gtk_widget_set_visible (self->editor_button, FALSE);
      adw_combo_row_set_selected (self->status_row, DESK_POST_STATUS_DRAFT);
      gtk_switch_set_active (self->schedule_switch, TRUE);
      when = desk_time_default_post_time (day, now, hour, minute);
    }

  gtk_calendar_select_day (self->calendar, when);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (when));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (when));
  update_date_label (self);
  update_time_warning (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskPostDialog *self = DESK_POST_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPost) draft = NULL;
  g_autoptr(GArray) channels = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  g_autofree char *body = NULL;
  guint campaign_pos;

  draft = self->post ? desk_post_copy (self->post) : desk_post_new ();
  desk_post_set_brand_id (draft, self->brand_id);
  desk_post_set_title (draft, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  desk_post_set_body (draft, body);
  desk_post_set_pillar (draft, gtk_editable_get_text (GTK_EDITABLE (self->pillar_row)));
  desk_post_set_notes (draft, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  desk_post_set_status (draft, adw_combo_row_get_selected (self->status_row));

  campaign_pos = adw_combo_row_get_selected (self->campaign_row);
  desk_post_set_campaign_id (draft, campaign_pos < self->campaign_ids->len
                             ? g_array_index (self->campaign_ids, gint64, campaign_pos) : 0);

  for (guint i = 0; i < self->channel_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->channel_checks, i);
      if (gtk_check_button_get_active (check))
        g_array_append_val (channels, *(gint64 *) g_object_get_data (G_OBJECT (check), "channel-id"));
    }
  desk_post_set_channel_ids (draft, (const gint64 *) (gpointer) channels->data, channels->len);

  if (gtk_switch_get_active (self->schedule_switch))
    {
      g_autoptr(GDateTime) date = selected_date (self);
      g_autoptr(GDateTime) at = desk_time_at_local (date,
                                                    gtk_spin_button_get_value_as_int (self->hour_spin),
                                                    gtk_spin_button_get_value_as_int (self->minute_spin));
      desk_post_set_scheduled_at (draft, at);
    }
  else
    desk_post_set_scheduled_at (draft, NULL);

  if (!desk_store_save_post (self->store, draft, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, draft);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* "Add to queue": the earliest free posting slot of any chosen channel
 * (free for that channel), from now on. */
static void
queue_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskPostDialog *self = DESK_POST_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) channels = desk_store_list_channels (self->store, self->brand_id, &error);
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) horizon = g_date_time_add_weeks (now, 8);
  g_autoptr(GPtrArray) planned = channels ? desk_store_query_posts (self->store, self->brand_id, now, horizon, &error) : NULL;
  g_autoptr(GDateTime) best = NULL;
  gboolean any_channel = FALSE;

  if (planned == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; channels && i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      gint64 id = desk_channel_get_id (channel);
      GtkCheckButton *check = desk_post_dialog_get_channel_check (self, id);
      g_autoptr(GArray) slots = NULL;
      g_autoptr(GPtrArray) taken = g_ptr_array_new ();
      g_autoptr(GDateTime) next = NULL;

      if (check == NULL || !gtk_check_button_get_active (check))
        continue;
      any_channel = TRUE;
      slots = desk_slots_parse (desk_channel_get_slots (channel), NULL);
      for (guint k = 0; planned && k < planned->len; k++)
        {
          DeskPost *other = g_ptr_array_index (planned, k);
          if (other != self->post && desk_post_has_channel (other, id))
            g_ptr_array_add (taken, desk_post_get_scheduled_at (other));
        }
      next = desk_slots_next_free (slots, now, taken);
      if (next != NULL && (best == NULL || g_date_time_compare (next, best) < 0))
        {
          g_clear_pointer (&best, g_date_time_unref);
          best = g_steal_pointer (&next);
        }
    }

  if (best == NULL)
    {
      adw_action_row_set_subtitle (self->queue_row,
                                   any_channel ? _("These channels have no free posting slot: set their slots in Preferences.")
                                               : _("Choose the channels first."));
      gtk_widget_error_bell (widget);
      return;
    }

  {
    g_autoptr(GDateTime) local = desk_time_to_local (best);
    /* Translators: the queue's slot given to the post, strftime format */
    g_autofree char *when = g_date_time_format (local, _("%A %-d %B at %H:%M"));
    g_autofree char *subtitle = g_strdup_printf (_("Next free slot: %s. Save to keep it."), when);

    gtk_switch_set_active (self->schedule_switch, TRUE);
    gtk_calendar_select_day (self->calendar, local);
    gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
    gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
    if (adw_combo_row_get_selected (self->status_row) <= DESK_POST_STATUS_DRAFT)
      adw_combo_row_set_selected (self->status_row, DESK_POST_STATUS_SCHEDULED);
    update_date_label (self);
    adw_action_row_set_subtitle (self->queue_row, subtitle);
  }
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeskPostDialog   *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->post == NULL)
    return;

  if (!desk_store_delete_post (self->store, desk_post_get_id (self->post), &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_DELETED], 0);

  /* The confirmation is still emitting its response and is transient for
   * us: go away once it is done. */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DeskPostDialog *self = DESK_POST_DIALOG (widget);
  GtkWidget *dialog;

  if (self->post == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Post?"),
                                   _("It is removed from the calendar and from the workspace. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
desk_post_dialog_dispose (GObject *object)
{
  DeskPostDialog *self = (DeskPostDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_POST_DIALOG);
  g_clear_object (&self->post);
  g_clear_object (&self->store);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->channel_checks, g_ptr_array_unref);
  g_clear_pointer (&self->channel_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_post_dialog_parent_class)->dispose (object);
}

static void
open_editor_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskPostDialog *self = DESK_POST_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->post == NULL || parent == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.compose-post", "x", desk_post_get_id (self->post));
  gtk_window_close (GTK_WINDOW (self));
}

static void
desk_post_dialog_class_init (DeskPostDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_post_dialog_dispose;

  /**
   * DeskPostDialog::saved:
   * @post: what was saved
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_POST);
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-post-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, channels_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, schedule_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, pillar_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, editor_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, queue_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPostDialog, time_row);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_time_spin_two_digits_output_cb);

  gtk_widget_class_install_action (widget_class, "post.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "post.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "post.queue", NULL, queue_action_cb);
  gtk_widget_class_install_action (widget_class, "post.open-editor", NULL, open_editor_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "post.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_post_dialog_init (DeskPostDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->channel_checks = g_ptr_array_new ();
  self->channel_rows = g_ptr_array_new ();
}

/**
 * desk_post_dialog_new:
 * @post: (nullable): the post to edit; %NULL to create one
 * @day: (nullable): for a new post, the day to schedule it on
 * @settings: (nullable): where the default posting time is read
 */
DeskPostDialog *
desk_post_dialog_new (DeskStore  *store,
                      gint64      brand_id,
                      DeskPost   *post,
                      GDateTime  *day,
                      GSettings  *settings)
{
  DeskPostDialog *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (post == NULL || DESK_IS_POST (post), NULL);

  self = g_object_new (DESK_TYPE_POST_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->brand_id = post ? desk_post_get_brand_id (post) : brand_id;
  if (post != NULL)
    self->post = g_object_ref (post);
  if (settings != NULL)
    self->settings = g_object_ref (settings);
  load (self, day, settings);
  return self;
}

/**
 * desk_post_dialog_start_as_idea:
 *
 * For a new post: no date yet, status "idea".
 */
void
desk_post_dialog_start_as_idea (DeskPostDialog *self)
{
  g_return_if_fail (DESK_IS_POST_DIALOG (self));
  g_return_if_fail (self->post == NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("New Idea"));
  gtk_switch_set_active (self->schedule_switch, FALSE);
  adw_combo_row_set_selected (self->status_row, DESK_POST_STATUS_IDEA);
}

GtkCheckButton *
desk_post_dialog_get_channel_check (DeskPostDialog *self,
                                    gint64          channel_id)
{
  g_return_val_if_fail (DESK_IS_POST_DIALOG (self), NULL);

  for (guint i = 0; i < self->channel_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->channel_checks, i);
      if (*(gint64 *) g_object_get_data (G_OBJECT (check), "channel-id") == channel_id)
        return check;
    }
  return NULL;
}
