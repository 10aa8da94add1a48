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
#include "desk-format.h"
#include "desk-inbox-detail.h"
#include "desk-inbox-order.h"
#include "desk-reply-window.h"
#include "desk-report-error.h"
#include "desk-saved-reply.h"
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
  gulong            outbox_id;     /* DeskStore::outbox-changed: the replies' states */
  GPtrArray        *thread_rows;   /* (element-type GtkWidget) */
  GPtrArray        *saved_rows;    /* (element-type GtkWidget) */
  GPtrArray        *saved;         /* (element-type DeskSavedReply) the brand's */

  /* Template widgets */
  GtkStack         *stack;
  AdwStatusPage    *many_page;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkToggleButton  *star_button;
  GtkWidget        *open_button;
  GtkLabel         *window_label;
  GtkLabel         *text_label;
  GtkLabel         *cut_label;
  GtkListBox       *thread_list;
  GtkWidget        *reply_box;
  GtkTextView      *reply_view;
  GtkWidget        *saved_button;
  GtkListBox       *saved_list;
  GtkWidget        *saved_popover;
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

/* A message is shown up to TEXT_SHOWN characters: a label lays out its
 * whole text several times to measure it, and 200,000 characters froze
 * the window for seconds (test-inbox-page's huge-text). As long as the
 * longest a network allows (a Facebook comment, 8,000). */
#define TEXT_SHOWN 8000
#define NAME_SHOWN 300     /* of a name, a handle */

/* The conversation the item belongs to, oldest first, the item marked */
static void
fill_thread (DeskInboxDetail  *self,
             DeskNotification *n)
{
  g_autoptr(GPtrArray) thread = desk_store_get_thread (self->store, desk_notification_get_id (n), NULL);
  g_autoptr(GDateTime) now = desk_time_now ();

  for (guint i = 0; i < self->thread_rows->len; i++)
    gtk_list_box_remove (self->thread_list, g_ptr_array_index (self->thread_rows, i));
  g_ptr_array_set_size (self->thread_rows, 0);
  for (guint i = 0; thread != NULL && i < thread->len; i++)
    {
      DeskNotification *m = g_ptr_array_index (thread, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = desk_notification_get_created_at (m)
                              ? desk_format_relative_time (desk_notification_get_created_at (m), now) : g_strdup ("");
      gsize n_chars;
      g_autofree char *author = desk_format_dup_excerpt (desk_notification_get_author (m) ?: "", NAME_SHOWN, &n_chars);
      g_autofree char *title = g_strdup_printf ("%s · %s", author, when);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      {
        g_autofree char *shown = desk_format_dup_excerpt (desk_notification_get_text (m) ?: "", TEXT_SHOWN, &n_chars);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
      }
#if ADW_CHECK_VERSION (1, 3, 0)
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
#endif
      if (desk_notification_get_id (m) == desk_notification_get_id (n))
        gtk_widget_add_css_class (row, "thread-current");
      gtk_list_box_append (self->thread_list, row);
      g_ptr_array_add (self->thread_rows, row);
    }
  /* Alone, it is its own conversation: nothing more to show */
  gtk_widget_set_visible (GTK_WIDGET (self->thread_list), self->thread_rows->len > 1);
}

/* The replies written to it, and where each stands */
static void
update_replies (DeskInboxDetail *self)
{
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GString) said = g_string_new (NULL);

  if (self->notification == NULL || self->store == NULL)
    return;
  replies = desk_store_list_replies (self->store, desk_notification_get_id (self->notification), NULL);
  for (guint i = 0; replies != NULL && i < replies->len; i++)
    {
      DeskOutboxItem *item = g_ptr_array_index (replies, i);
      g_autofree char *excerpt = g_utf8_substring (item->body ? item->body : "", 0, 60);

      if (said->len > 0)
        g_string_append_c (said, '\n');
      /* Translators: a reply sent from the inbox, then where it stands */
      g_string_append_printf (said, _("Your reply “%s”: %s"), excerpt, desk_outbox_state_to_label (item->state));
      if (item->state == DESK_OUTBOX_STATE_FAILED && item->last_error != NULL)
        g_string_append_printf (said, " — %s", item->last_error);
      if (item->remote_url != NULL)
        g_string_append_printf (said, " — %s", item->remote_url);
    }
  gtk_label_set_text (self->reply_state, said->str);
  gtk_widget_set_visible (GTK_WIDGET (self->reply_state), said->len > 0);
}

static char *
reply_text (DeskInboxDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reply_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Queued in the outbox (never sent twice), then sent by the window's sync */
static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskInboxDetail *self = DESK_INBOX_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = reply_text (self);
  DeskChannel *channel = self->notification ? channel_of (self, self->notification) : NULL;
  DeskTextCount count;

  if (self->notification == NULL || channel == NULL)
    return;
  if (text[0] == '\0')
    {
      gtk_widget_error_bell (widget);
      gtk_widget_grab_focus (GTK_WIDGET (self->reply_view));
      return;
    }
  desk_text_count (desk_channel_get_network (channel), text, &count);
  if (count.overflow_offset >= 0)
    {
      g_autofree char *message = g_strdup_printf (_("This reply is longer than %s allows (%u of %u): shorten it first."),
                                                  desk_network_to_label (desk_channel_get_network (channel)),
                                                  count.length, count.limit);
      gtk_label_set_text (self->reply_state, message);
      gtk_widget_set_visible (GTK_WIDGET (self->reply_state), TRUE);
      return;
    }
  if (desk_network_is_prepare_only (desk_channel_get_network (channel)))
    {
      /* Nothing to send it through: it goes on the clipboard, and the
       * item's link opens where to paste it */
      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
      gtk_label_set_text (self->reply_state, _("Copied: paste it on the network (Open on the Network); this network has no publishing API for the app."));
      gtk_widget_set_visible (GTK_WIDGET (self->reply_state), TRUE);
      return;
    }
  if (!desk_store_queue_reply (self->store, desk_notification_get_id (self->notification), text, NULL, &error))
    {
      gtk_label_set_text (self->reply_state, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->reply_state), TRUE);
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reply_view), "", -1);
  /* Answered: waiting for the other side */
  if (desk_notification_get_status (self->notification) == DESK_NOTIFICATION_STATUS_OPEN &&
      desk_store_set_notification_status (self->store, desk_notification_get_id (self->notification),
                                          DESK_NOTIFICATION_STATUS_WAITING, NULL))
    desk_notification_set_status (self->notification, DESK_NOTIFICATION_STATUS_WAITING);
  update_replies (self);
  /* Offline, it waits; where the network limits replies in time, said */
  if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    {
      g_autoptr(GDateTime) now = desk_time_now ();
      g_autofree char *window = desk_reply_window_describe (desk_channel_get_network (channel),
                                                            desk_notification_get_kind (self->notification),
                                                            desk_notification_get_created_at (self->notification), now);
      g_autofree char *said = window != NULL
        /* Translators: %s says how long the network still takes replies */
        ? g_strdup_printf (_("Offline: the reply goes when the network is back. %s, or the network refuses it."), window)
        : g_strdup (_("Offline: the reply goes when the network is back."));

      gtk_label_set_text (self->reply_state, said);
      gtk_widget_set_visible (GTK_WIDGET (self->reply_state), TRUE);
    }
  gtk_widget_activate_action (widget, "win.sync", NULL);
}

/* Saved replies */

static void
insert_saved (DeskInboxDetail *self,
              guint            index)
{
  DeskSavedReply *reply;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reply_view);

  if (self->saved == NULL || index >= self->saved->len || self->notification == NULL)
    return;
  reply = g_ptr_array_index (self->saved, index);
  text = desk_saved_reply_expand (reply->body, desk_notification_get_author (self->notification),
                                  self->brand ? desk_brand_get_name (self->brand) : "", NULL);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_popover_popdown (GTK_POPOVER (self->saved_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self->reply_view));
}

static void
saved_activated_cb (DeskInboxDetail *self,
                    GtkListBoxRow   *row)
{
  insert_saved (self, gtk_list_box_row_get_index (row));
}

static void
fill_saved (DeskInboxDetail *self)
{
  for (guint i = 0; i < self->saved_rows->len; i++)
    gtk_list_box_remove (self->saved_list, g_ptr_array_index (self->saved_rows, i));
  g_ptr_array_set_size (self->saved_rows, 0);
  g_clear_pointer (&self->saved, g_ptr_array_unref);
  if (self->store == NULL || self->brand == NULL)
    return;
  self->saved = desk_store_list_saved_replies (self->store, desk_brand_get_id (self->brand), NULL);
  for (guint i = 0; self->saved != NULL && i < self->saved->len; i++)
    {
      DeskSavedReply *reply = g_ptr_array_index (self->saved, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reply->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reply->body);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->saved_list, row);
      g_ptr_array_add (self->saved_rows, row);
    }
  if (self->saved_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No saved reply yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Write one, then “Save This Reply…”"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->saved_list, row);
      g_ptr_array_add (self->saved_rows, row);
    }
}

static void
save_reply_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        DeskInboxDetail  *self)
{
  GtkEditable *title = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (title)));
  g_autofree char *body = reply_text (self);
  g_autoptr(DeskSavedReply) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->brand == NULL)
    return;
  reply = desk_saved_reply_new (desk_brand_get_id (self->brand), name[0] != '\0' ? name : _("Saved reply"), body);
  if (!desk_store_save_saved_reply (self->store, reply, &error))
    {
      report (self, error);
      return;
    }
  fill_saved (self);
}

/* What is in the composer, kept under a title; the author's name can
 * be written {author}, the brand's {brand}, today's date {date} */
static void
save_reply_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskInboxDetail *self = DESK_INBOX_DETAIL (widget);
  g_autofree char *body = reply_text (self);
  GtkWidget *entry;
  AdwMessageDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_popover_popdown (GTK_POPOVER (self->saved_popover));
  if (body[0] == '\0')
    {
      gtk_label_set_text (self->reply_state, _("Write the reply to save first; {author}, {brand} and {date} are filled in when it is used."));
      gtk_widget_set_visible (GTK_WIDGET (self->reply_state), TRUE);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save This Reply"),
                                                       _("Give it a title to find it in Saved Replies.")));
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_reply_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
  {
    gsize n_chars;
    g_autofree char *title_shown = desk_format_dup_excerpt (title, NAME_SHOWN, &n_chars);
    g_autofree char *subtitle_shown = desk_format_dup_excerpt (subtitle, 2 * NAME_SHOWN, &n_chars);

    gtk_label_set_text (self->title_label, title_shown);
    gtk_label_set_text (self->subtitle_label, subtitle_shown);
  }
  {
    gsize n_chars;
    g_autofree char *shown = desk_format_dup_excerpt (desk_notification_get_text (n) ? desk_notification_get_text (n) : "", TEXT_SHOWN,
                                         &n_chars);

    gtk_label_set_text (self->text_label, shown);
    if (n_chars > TEXT_SHOWN)
      {
        g_autofree char *total = desk_format_count ((gint64) n_chars);
        g_autofree char *first = desk_format_count (TEXT_SHOWN);
        /* Translators: the first %s is a number of characters (8,000),
         * the second the message's (200,000) */
        g_autofree char *cut = g_strdup_printf (_("The first %s characters of %s are shown: the message is too long to show whole here."),
                                                first, total);

        gtk_label_set_text (self->cut_label, cut);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->cut_label), n_chars > TEXT_SHOWN);
  }
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
  fill_thread (self, n);
  update_replies (self);
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
      DeskNotification *chosen = g_ptr_array_index (selected, 0);
      /* The same notification read again (the inbox refreshed): its
       * reply being written stays */
      gboolean same = self->notification != NULL &&
                      desk_notification_get_id (self->notification) == desk_notification_get_id (chosen);

      set_notification (self, chosen);
      if (!same)
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
  if (self->store != NULL)
    g_clear_signal_handler (&self->outbox_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->outbox_id = g_signal_connect_swapped (store, "outbox-changed", G_CALLBACK (update_replies), self);
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
  fill_saved (self);
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
  if (self->store != NULL)
    g_clear_signal_handler (&self->outbox_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->thread_rows, g_ptr_array_unref);
  g_clear_pointer (&self->saved_rows, g_ptr_array_unref);
  g_clear_pointer (&self->saved, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, cut_label);
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
  gtk_widget_class_install_action (widget_class, "detail.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "detail.save-reply", NULL, save_reply_action);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxDetail, saved_popover);
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
  self->thread_rows = g_ptr_array_new ();
  self->saved_rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->saved_list, "row-activated", G_CALLBACK (saved_activated_cb), self);
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
