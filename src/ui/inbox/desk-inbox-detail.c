/* desk-inbox-detail.c: the inbox's side pane
 *
 * One notification: who wrote, on which network, when; its text; the
 * conversation it belongs to; the reply, counted with the network's rule
 * (the editor's counters), with saved replies; and the team's triage —
 * status, assignee, an internal note (never sent), a moderation flag and
 * "hidden". Several chosen: how many, and that the keys act on all.
 * Every change is written at once (one transaction each) and set on the
 * notification itself, so its row in the list follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-inbox-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-channel.h"
#include "desk-inbox-detail.h"
#include "desk-inbox-order.h"
#include "desk-reply-window.h"
#include "desk-report.h"
#include "desk-text-count.h"
#include "desk-time.h"

struct _DeskInboxDetail
{
  GtkWidget         parent_instance;

  DeskStore        *store;
  GHashTable       *channels;      /* (nullable) gint64* → DeskChannel */
  DeskBrand        *brand;         /* (nullable) */
  DeskNotification *notification;  /* (nullable) the one shown */
  gboolean          loading;

  /* Template widgets */
  GtkStack         *stack;
  AdwStatusPage    *many_page;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkToggleButton  *star_button;
  GtkWidget        *open_button;
  GtkLabel         *window_label;
  GtkLabel         *text_label;
  GtkListBox       *thread_list;
  GtkWidget        *reply_box;
  GtkTextView      *reply_view;
  GtkWidget        *saved_button;
  GtkListBox       *saved_list;
  GtkLabel         *count_label;
  GtkWidget        *send_button;
  GtkLabel         *reply_state;
  AdwComboRow      *status_row;
  AdwEntryRow      *assignee_row;
  AdwEntryRow      *note_row;
  AdwComboRow      *flag_row;
  GtkSwitch        *hidden_switch;
};

G_DEFINE_FINAL_TYPE (DeskInboxDetail, desk_inbox_detail, GTK_TYPE_WIDGET)

static DeskChannel *
channel_of (DeskInboxDetail  *self,
            DeskNotification *n)
{
  gint64 id = desk_notification_get_channel_id (n);

  return self->channels != NULL ? g_hash_table_lookup (self->channels, &id) : NULL;
}

static void
report (DeskInboxDetail *self,
        GError          *error)
{
  desk_report_error (GTK_WIDGET (self), error);
}

/* The reply's length as its network counts it */
static void
update_count (DeskInboxDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reply_view);
  DeskChannel *channel = self->notification ? channel_of (self, self->notification) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  GtkTextIter start, end;
  DeskTextCount count;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (channel == NULL)
    {
      gtk_label_set_text (self->count_label, "");
      return;
    }
  desk_text_count (desk_channel_get_network (channel), text, &count);
  if (count.limit > 0)
    /* Translators: the reply's length and its network's limit */
    label = g_strdup_printf (_("%u of %u"), count.length, count.limit);
  else
    label = g_strdup_printf ("%u", count.length);
  gtk_label_set_text (self->count_label, label);
  if (count.overflow_offset >= 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
}

static void
show_one (DeskInboxDetail  *self,
          DeskNotification *n)
{
  DeskChannel *channel = channel_of (self, n);
  DeskNotificationKind kind = desk_notification_get_kind (n);
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window = NULL;
  const char *handle = desk_notification_get_handle (n);
  const char *network = channel ? desk_network_to_label (desk_channel_get_network (channel)) : "";

  self->loading = TRUE;
  if (desk_notification_kind_is_grouped (kind))
    title = desk_inbox_order_dup_group_title (kind, desk_notification_get_author (n),
                                              MAX (desk_notification_get_group_count (n), 1));
  else
    title = g_strdup (desk_notification_get_author (n));
  if (desk_notification_get_created_at (n) != NULL)
    {
      local = desk_time_to_local (desk_notification_get_created_at (n));
      /* Translators: a notification's date and time, strftime format */
      when = g_date_time_format (local, _("%A %-d %B %Y at %H:%M"));
    }
  subtitle = g_strdup_printf ("%s%s%s · %s · %s · %s",
                              handle ? handle : "", handle && handle[0] ? " · " : "",
                              desk_notification_kind_to_label (kind), network,
                              channel ? desk_channel_get_handle (channel) : "", when ? when : "");
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->text_label, desk_notification_get_text (n) ? desk_notification_get_text (n) : "");
  gtk_toggle_button_set_active (self->star_button, desk_notification_get_starred (n));
  gtk_widget_set_visible (self->open_button, desk_notification_get_url (n) != NULL);

  window = channel ? desk_reply_window_describe (desk_channel_get_network (channel), kind,
                                                 desk_notification_get_created_at (n), now) : NULL;
  gtk_label_set_text (self->window_label, window ? window : "");
  gtk_widget_set_visible (GTK_WIDGET (self->window_label), window != NULL);

  /* A like, a follow or a repost has nothing to answer */
  gtk_widget_set_visible (self->reply_box, desk_notification_is_conversation (n));

  adw_combo_row_set_selected (self->status_row, desk_notification_get_status (n));
  gtk_editable_set_text (GTK_EDITABLE (self->assignee_row), desk_notification_get_assignee (n) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), desk_notification_get_note (n) ?: "");
  adw_combo_row_set_selected (self->flag_row, desk_notification_get_flag (n));
  gtk_switch_set_active (self->hidden_switch, desk_notification_get_hidden (n));
  update_count (self);
  self->loading = FALSE;
}

/* The list (a key, an undo) changed the notification shown */
static void
notification_changed_cb (DeskInboxDetail *self)
{
  if (self->notification != NULL && !self->loading)
    show_one (self, self->notification);
}

static void
set_notification (DeskInboxDetail  *self,
                  DeskNotification *n)
{
  if (self->notification != NULL)
    g_signal_handlers_disconnect_by_func (self->notification, notification_changed_cb, self);
  g_set_object (&self->notification, n);
  if (n != NULL)
    g_signal_connect_swapped (n, "notify", G_CALLBACK (notification_changed_cb), self);
}

/**
 * desk_inbox_detail_show:
 * @selected: (element-type DeskNotification): what the list has chosen
 */
void
desk_inbox_detail_show (DeskInboxDetail *self,
                        GPtrArray       *selected)
{
  g_return_if_fail (DESK_IS_INBOX_DETAIL (self));

  if (selected == NULL || selected->len == 0)
    {
      set_notification (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (selected->len > 1)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Notification Chosen",
                                                             "%u Notifications Chosen", selected->len),
                                                selected->len);

      set_notification (self, NULL);
      adw_status_page_set_title (self->many_page, title);
      gtk_stack_set_visible_child_name (self->stack, "many");
      return;
    }
  if (self->notification != g_ptr_array_index (selected, 0))
    {
      set_notification (self, g_ptr_array_index (selected, 0));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reply_view), "", -1);
    }
  show_one (self, self->notification);
  gtk_stack_set_visible_child_name (self->stack, "one");
}

DeskNotification *
desk_inbox_detail_get_notification (DeskInboxDetail *self)
{
  g_return_val_if_fail (DESK_IS_INBOX_DETAIL (self), NULL);
  return self->notification;
}

void
desk_inbox_detail_focus_reply (DeskInboxDetail *self)
{
  g_return_if_fail (DESK_IS_INBOX_DETAIL (self));
  if (self->notification != NULL && gtk_widget_get_visible (self->reply_box))
    gtk_widget_grab_focus (GTK_WIDGET (self->reply_view));
}

void
desk_inbox_detail_focus_assignee (DeskInboxDetail *self)
{
  g_return_if_fail (DESK_IS_INBOX_DETAIL (self));
  if (self->notification != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->assignee_row));
}

/* Triage, written at once */

static void
star_toggled_cb (DeskInboxDetail *self)
{
  g_autoptr(GError) error = NULL;
  gboolean starred = gtk_toggle_button_get_active (self->star_button);

  if (self->loading || self->notification == NULL || starred == desk_notification_get_starred (self->notification))
    return;
  if (!desk_store_set_notification_starred (self->store, desk_notification_get_id (self->notification), starred, &error))
    return report (self, error);
  desk_notification_set_starred (self->notification, starred);
}

static void
status_selected_cb (DeskInboxDetail *self)
{
  g_autoptr(GError) error = NULL;
  DeskNotificationStatus status = adw_combo_row_get_selected (self->status_row);

  if (self->loading || self->notification == NULL || status > DESK_NOTIFICATION_STATUS_LAST ||
      status == desk_notification_get_status (self->notification))
    return;
  if (!desk_store_set_notification_status (self->store, desk_notification_get_id (self->notification), status, &error))
    return report (self, error);
  desk_notification_set_status (self->notification, status);
}

static void
flag_selected_cb (DeskInboxDetail *self)
{
  g_autoptr(GError) error = NULL;
  DeskModerationFlag flag = adw_combo_row_get_selected (self->flag_row);

  if (self->loading || self->notification == NULL || flag > DESK_MODERATION_FLAG_LAST ||
      flag == desk_notification_get_flag (self->notification))
    return;
  if (!desk_store_set_notification_flag (self->store, desk_notification_get_id (self->notification), flag, &error))
    return report (self, error);
  desk_notification_set_flag (self->notification, flag);
}

static void
assignee_apply_cb (DeskInboxDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->assignee_row))));

  if (self->notification == NULL)
    return;
  if (!desk_store_set_notification_assignee (self->store, desk_notification_get_id (self->notification), name, &error))
    return report (self, error);
  desk_notification_set_assignee (self->notification, name[0] != '\0' ? name : NULL);
}

static void
note_apply_cb (DeskInboxDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  if (self->notification == NULL)
    return;
  if (!desk_store_set_notification_note (self->store, desk_notification_get_id (self->notification), note, &error))
    return report (self, error);
  desk_notification_set_note (self->notification, note[0] != '\0' ? note : NULL);
}

static void
hidden_cb (DeskInboxDetail *self)
{
  g_autoptr(GError) error = NULL;
  gboolean hidden = gtk_switch_get_active (self->hidden_switch);

  if (self->loading || self->notification == NULL || hidden == desk_notification_get_hidden (self->notification))
    return;
  if (!desk_store_set_notification_hidden (self->store, desk_notification_get_id (self->notification), hidden, &error))
    return report (self, error);
  desk_notification_set_hidden (self->notification, hidden);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskInboxDetail *self = DESK_INBOX_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->notification != NULL && desk_notification_get_url (self->notification) != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, desk_notification_get_url (self->notification),
                  GDK_CURRENT_TIME);
}

void
desk_inbox_detail_set_store (DeskInboxDetail *self,
                             DeskStore       *store)
{
  g_return_if_fail (DESK_IS_INBOX_DETAIL (self));
  g_set_object (&self->store, store);
}

void
desk_inbox_detail_set_channels (DeskInboxDetail *self,
                                GHashTable      *channels)
{
  g_return_if_fail (DESK_IS_INBOX_DETAIL (self));
  g_clear_pointer (&self->channels, g_hash_table_unref);
  self->channels = channels ? g_hash_table_ref (channels) : NULL;
}

void
desk_inbox_detail_set_brand (DeskInboxDetail *self,
                             DeskBrand       *brand)
{
  g_return_if_fail (DESK_IS_INBOX_DETAIL (self));
  g_set_object (&self->brand, brand);
}

static void
fill_combo (AdwComboRow  *row,
            guint         n,
            const char *(*label) (int))
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
desk_inbox_detail_dispose (GObject *object)
{
  DeskInboxDetail *self = DESK_INBOX_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_INBOX_DETAIL);
  set_notification (self, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->brand);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  G_OBJECT_CLASS (desk_inbox_detail_parent_class)->dispose (object);
}

static void
desk_inbox_detail_class_init (DeskInboxDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_inbox_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-inbox-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, many_page);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, star_button);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, open_button);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, window_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, text_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, thread_list);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, reply_box);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, reply_view);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, saved_button);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, saved_list);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, send_button);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, reply_state);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, note_row);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, flag_row);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, hidden_switch);
  gtk_widget_class_install_action (widget_class, "detail.open", NULL, open_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static const char *
status_label (int status)
{
  return desk_notification_status_to_label (status);
}

static const char *
flag_label (int flag)
{
  return flag == DESK_MODERATION_FLAG_NONE ? _("None") : desk_moderation_flag_to_label (flag);
}

static void
desk_inbox_detail_init (DeskInboxDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_combo (self->status_row, DESK_NOTIFICATION_STATUS_LAST + 1, status_label);
  fill_combo (self->flag_row, DESK_MODERATION_FLAG_LAST + 1, flag_label);
  g_signal_connect_swapped (self->star_button, "toggled", G_CALLBACK (star_toggled_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect_swapped (self->flag_row, "notify::selected", G_CALLBACK (flag_selected_cb), self);
  g_signal_connect_swapped (self->assignee_row, "apply", G_CALLBACK (assignee_apply_cb), self);
  g_signal_connect_swapped (self->note_row, "apply", G_CALLBACK (note_apply_cb), self);
  g_signal_connect_swapped (self->hidden_switch, "notify::active", G_CALLBACK (hidden_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->reply_view), "changed", G_CALLBACK (update_count), self);
}
