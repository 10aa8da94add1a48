/* desk-inbox-page.c: the unified inbox, where a community manager works
 *
 * A list over DeskInboxModel (a windowed model over SQLite: the rows on
 * screen are in memory, never the 100,000 behind them) — a GtkGridView of
 * one column, which keeps thirty rows where GTK 4.8's GtkListView keeps
 * two hundred, each made, bound and laid out again on every filter
 * (tests/bench/bench-ui: a filter 35 ms to its frame, 17 ms so) — in the
 * "needs attention" order by default — direct messages first, then
 * questions and negative mentions, likes and follows grouped; the rule is
 * in the count's tooltip. Search as you type (full text, accent- and
 * case-blind), a view (attention, all, unread, needs reply) and filters.
 *
 * Triage with the keyboard: j/k (or the arrows) move, Enter opens, r
 * replies, e marks done, s stars, a assigns to me, u marks unread, Ctrl+F
 * searches; Shift+click and Shift+arrows choose several, and one key acts
 * on all of them. Every action is undone from its toast. The side pane
 * (DeskInboxDetail) shows the item chosen, its reply and the team's
 * triage. Above the list, a banner says when negative mentions in the
 * last hour pass the brand's usual rate by the factor set in Preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-inbox-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-application.h"
#include "desk-crisis.h"
#include "desk-format.h"
#include "desk-inbox-detail.h"
#include "desk-inbox-model.h"
#include "desk-inbox-order.h"
#include "desk-inbox-page.h"
#include "desk-inbox-row.h"
#include "desk-moderation-dialog.h"
#include "desk-saved-replies-dialog.h"
#include "desk-report-error.h"
#include "desk-time.h"

/* What an action changed, to undo it */
typedef struct
{
  DeskNotification       *notification;
  gboolean                read;
  gboolean                starred;
  DeskNotificationStatus  status;
  char                   *assignee;
} Before;

static void
before_free (Before *before)
{
  g_object_unref (before->notification);
  g_free (before->assignee);
  g_free (before);
}

typedef enum
{
  PERIOD_ANY,
  PERIOD_TODAY,
  PERIOD_WEEK,
  PERIOD_MONTH,
} Period;

struct _DeskInboxPage
{
  DeskPage            parent_instance;

  DeskInboxModel     *model;
  GtkMultiSelection  *selection;
  DeskInboxFilter    *filter;
  GHashTable         *channels;      /* gint64* → DeskChannel */
  GArray             *channel_ids;   /* the channel dropdown's, 0 first (every channel) */
  GArray             *networks;      /* the network dropdown's (DeskNetwork), -1 first (every network) */
  GArray             *campaign_ids;  /* the campaign dropdown's, 0 first */
  GPtrArray          *undo;          /* (element-type Before) the last action's */
  char               *me;            /* the name "assigned to me" means */
  gboolean            loading;
  gboolean            restoring;     /* the selection, after a refresh */
  guint               after_reload_id;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *view_dropdown;
  GtkWidget          *filter_button;
  GtkWidget          *more_button;
  GtkCheckButton     *unread_check;
  GtkCheckButton     *starred_check;
  GtkCheckButton     *mine_check;
  GtkCheckButton     *hidden_check;
  GtkDropDown        *network_dropdown;
  GtkDropDown        *channel_dropdown;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *campaign_dropdown;
  GtkDropDown        *period_dropdown;
  GtkRevealer        *crisis_revealer;
  GtkLabel           *crisis_label;
  GtkLabel           *count_label;
  GtkGridView        *items_view;
  DeskInboxDetail    *detail;
};

G_DEFINE_FINAL_TYPE (DeskInboxPage, desk_inbox_page, DESK_TYPE_PAGE)

/* Kinds offered by the Kind filter, in this order after "Every kind" */
static const DeskNotificationKind filter_kinds[] = {
  DESK_NOTIFICATION_KIND_DIRECT_MESSAGE, DESK_NOTIFICATION_KIND_MENTION, DESK_NOTIFICATION_KIND_REPLY,
  DESK_NOTIFICATION_KIND_COMMENT, DESK_NOTIFICATION_KIND_QUOTE, DESK_NOTIFICATION_KIND_FAVOURITE,
  DESK_NOTIFICATION_KIND_REPOST, DESK_NOTIFICATION_KIND_FOLLOW,
};

static void
update_count (DeskInboxPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *number = desk_format_count (n);
  g_autofree char *count = NULL;
  g_autofree char *rule = desk_inbox_order_dup_explanation ();

  switch (self->filter->view)
    {
    case DESK_INBOX_VIEW_ALL:
      /* Translators: %s is a number, grouped by thousands ("1 234") */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s notification, newest first",
                                            "%s notifications, newest first", n), number);
      break;
    case DESK_INBOX_VIEW_UNREAD:
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unread, newest first", "%s unread, newest first", n),
                               number);
      break;
    case DESK_INBOX_VIEW_NEEDS_REPLY:
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to answer, needs attention first",
                                            "%s to answer, needs attention first", n), number);
      break;
    case DESK_INBOX_VIEW_ATTENTION:
    default:
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s notification, needs attention first",
                                            "%s notifications, needs attention first", n), number);
    }
  gtk_label_set_text (self->count_label, count);
  /* The order is explained, not magic */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), rule);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, rule, -1);
}

/* Negative mentions in the last hour against the brand's usual rate */
static void
update_crisis (DeskInboxPage *self)
{
  DeskStore *store = desk_page_get_store (DESK_PAGE (self));
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GArray) hourly = NULL;
  GApplication *app = g_application_get_default ();
  GSettings *settings = DESK_IS_APPLICATION (app) ? desk_application_get_settings (DESK_APPLICATION (app)) : NULL;
  double factor = settings != NULL ? g_settings_get_double (settings, "crisis-factor") : DESK_CRISIS_DEFAULT_FACTOR;
  DeskCrisisReport report = { 0 };

  hourly = desk_store_count_negative_hourly (store, self->filter->brand_id, now, DESK_CRISIS_BASELINE_HOURS + 1, NULL);
  if (hourly != NULL &&
      desk_crisis_detect ((const guint *) hourly->data, hourly->len, factor, &report) && report.is_crisis)
    {
      g_autofree char *message = desk_crisis_dup_message (&report);

      gtk_label_set_text (self->crisis_label, message);
      gtk_revealer_set_reveal_child (self->crisis_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->crisis_revealer, FALSE);
}

/* The list shows another set of items: GTK 4.8's list and grid views, told that
 * items changed, reads every new item to find the old ones among them
 * (to keep their rows), which reads the whole inbox; detached from the
 * model meanwhile, it only drops its rows, then reads what it shows. */
static gboolean
set_model_filter (DeskInboxPage  *self,
                  GError        **error)
{
  gboolean ok;

  /* A search shows at most a thousand items (desk-inbox-filter.h): GTK
   * reads them all and keeps its rows, cheaper than making them again */
  if (self->filter->search != NULL)
    return desk_inbox_model_set_filter (self->model, self->filter, error);
  gtk_multi_selection_set_model (self->selection, NULL);
  ok = desk_inbox_model_set_filter (self->model, self->filter, error);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  return ok;
}

static void
apply_filter (DeskInboxPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!set_model_filter (self, &error))
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }
  update_count (self);
}

/* The filters' controls → the filter */
static void
filters_changed_cb (DeskInboxPage *self)
{
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);
  guint network = gtk_drop_down_get_selected (self->network_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint campaign = gtk_drop_down_get_selected (self->campaign_dropdown);
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) today = desk_time_local_midnight (now);

  if (self->loading)
    return;
  self->filter->view = MIN (gtk_drop_down_get_selected (self->view_dropdown), DESK_INBOX_VIEW_LAST);
  self->filter->unread_only = gtk_check_button_get_active (self->unread_check);
  self->filter->starred_only = gtk_check_button_get_active (self->starred_check);
  self->filter->show_hidden = gtk_check_button_get_active (self->hidden_check);
  g_clear_pointer (&self->filter->assignee, g_free);
  if (gtk_check_button_get_active (self->mine_check))
    self->filter->assignee = g_strdup (self->me);
  self->filter->channel_id = channel < self->channel_ids->len ? g_array_index (self->channel_ids, gint64, channel) : 0;
  self->filter->network = network < self->networks->len ? g_array_index (self->networks, int, network) : -1;
  self->filter->kind = kind > 0 && kind <= G_N_ELEMENTS (filter_kinds) ? (int) filter_kinds[kind - 1] : -1;
  self->filter->campaign_id = campaign < self->campaign_ids->len ? g_array_index (self->campaign_ids, gint64, campaign) : 0;
  g_clear_pointer (&self->filter->from, g_date_time_unref);
  g_clear_pointer (&self->filter->to, g_date_time_unref);
  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case PERIOD_TODAY: self->filter->from = g_date_time_ref (today); break;
    case PERIOD_WEEK: self->filter->from = g_date_time_add_days (today, -6); break;
    case PERIOD_MONTH: self->filter->from = g_date_time_add_days (today, -29); break;
    default: break;
    }
  apply_filter (self);
}

static void
search_changed_cb (DeskInboxPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->filter->search, g_free);
  if (text[0] != '\0')
    self->filter->search = g_strdup (text);
  apply_filter (self);
}

/* The notifications chosen, in the list's order */
static GPtrArray *
selected_items (DeskInboxPage *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok; ok = gtk_bitset_iter_next (&iter, &position))
    {
      DeskNotification *n = g_list_model_get_item (G_LIST_MODEL (self->model), position);

      if (n != NULL)
        g_ptr_array_add (items, n);
    }
  return items;
}

static void
selection_changed_cb (DeskInboxPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (self->restoring)
    return;
  items = selected_items (self);

  desk_inbox_detail_show (self->detail, items);
  /* Opened: read (a group, every member) */
  if (items->len == 1 && !desk_notification_get_read (g_ptr_array_index (items, 0)))
    {
      DeskNotification *n = g_ptr_array_index (items, 0);

      if (desk_store_set_group_read (desk_page_get_store (DESK_PAGE (self)), desk_notification_get_id (n), TRUE, &error))
        {
          desk_notification_set_read (n, TRUE);
          desk_inbox_page_update_badge (self);
        }
      else
        desk_report_error (GTK_WIDGET (self), error);
    }
}

/* Undo */

static void
remember (DeskInboxPage *self,
          GPtrArray     *items)
{
  g_ptr_array_set_size (self->undo, 0);
  for (guint i = 0; i < items->len; i++)
    {
      DeskNotification *n = g_ptr_array_index (items, i);
      Before *before = g_new0 (Before, 1);

      before->notification = g_object_ref (n);
      before->read = desk_notification_get_read (n);
      before->starred = desk_notification_get_starred (n);
      before->status = desk_notification_get_status (n);
      before->assignee = g_strdup (desk_notification_get_assignee (n));
      g_ptr_array_add (self->undo, before);
    }
}

typedef struct
{
  GPtrArray *items;
  int        read;      /* -1: unchanged */
  int        starred;
  int        status;
  gboolean   set_assignee;
  const char *assignee;
} Change;

static gboolean
apply_change (DeskStore  *store,
              gpointer    data,
              GError    **error)
{
  Change *change = data;

  for (guint i = 0; i < change->items->len; i++)
    {
      DeskNotification *n = g_ptr_array_index (change->items, i);
      gint64 id = desk_notification_get_id (n);

      if ((change->read >= 0 && !desk_store_set_group_read (store, id, change->read, error)) ||
          (change->starred >= 0 && !desk_store_set_notification_starred (store, id, change->starred, error)) ||
          (change->status >= 0 && !desk_store_set_notification_status (store, id, change->status, error)) ||
          (change->set_assignee && !desk_store_set_notification_assignee (store, id, change->assignee, error)))
        return FALSE;
    }
  return TRUE;
}

/* One transaction for all; then the rows follow their notifications */
static gboolean
change_items (DeskInboxPage *self,
              Change        *change)
{
  g_autoptr(GError) error = NULL;

  if (!desk_store_transaction (desk_page_get_store (DESK_PAGE (self)), apply_change, change, &error))
    {
      desk_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  for (guint i = 0; i < change->items->len; i++)
    {
      DeskNotification *n = g_ptr_array_index (change->items, i);

      if (change->read >= 0)
        desk_notification_set_read (n, change->read);
      if (change->starred >= 0)
        desk_notification_set_starred (n, change->starred);
      if (change->status >= 0)
        desk_notification_set_status (n, change->status);
      if (change->set_assignee)
        desk_notification_set_assignee (n, change->assignee);
    }
  return TRUE;
}

static gboolean
undo_all (DeskStore  *store,
          gpointer    data,
          GError    **error)
{
  GPtrArray *undo = data;

  for (guint i = 0; i < undo->len; i++)
    {
      Before *before = g_ptr_array_index (undo, i);
      gint64 id = desk_notification_get_id (before->notification);

      if (!desk_store_set_group_read (store, id, before->read, error) ||
          !desk_store_set_notification_starred (store, id, before->starred, error) ||
          !desk_store_set_notification_status (store, id, before->status, error) ||
          !desk_store_set_notification_assignee (store, id, before->assignee, error))
        return FALSE;
    }
  return TRUE;
}

static void
undo_clicked_cb (DeskInboxPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->undo->len == 0)
    return;
  if (!desk_store_transaction (desk_page_get_store (DESK_PAGE (self)), undo_all, self->undo, &error))
    {
      desk_report_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < self->undo->len; i++)
    {
      Before *before = g_ptr_array_index (self->undo, i);

      desk_notification_set_read (before->notification, before->read);
      desk_notification_set_starred (before->notification, before->starred);
      desk_notification_set_status (before->notification, before->status);
      desk_notification_set_assignee (before->notification, before->assignee);
    }
  g_ptr_array_set_size (self->undo, 0);
  desk_inbox_page_update_badge (self);
}

static void
toast (DeskInboxPage *self,
       const char    *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, G_CONNECT_SWAPPED);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* An action on what is chosen: remembered and written; returns how many
 * it changed (0: nothing chosen, or it failed and said why) */
static guint
act (DeskInboxPage *self,
     Change        *change)
{
  g_autoptr(GPtrArray) items = selected_items (self);

  if (items->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return 0;
    }
  change->items = items;
  remember (self, items);
  if (!change_items (self, change))
    return 0;
  desk_inbox_page_update_badge (self);
  return items->len;
}

/* Said with Undo */
static void say (DeskInboxPage *self,
                 const char    *format,
                 ...) G_GNUC_PRINTF (2, 3);

static void
say (DeskInboxPage *self,
     const char    *format,
     ...)
{
  g_autofree char *title = NULL;
  va_list args;

  va_start (args, format);
  title = g_strdup_vprintf (format, args);
  va_end (args);
  toast (self, title);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskInboxPage *self = DESK_INBOX_PAGE (widget);
  Change change = { .read = TRUE, .starred = -1, .status = DESK_NOTIFICATION_STATUS_DONE };
  guint n = act (self, &change);

  if (n > 0)
    say (self, g_dngettext (GETTEXT_PACKAGE, "%u notification marked done", "%u notifications marked done", n), n);
}

static gboolean
any (GPtrArray  *items,
     gboolean  (*test) (DeskNotification *),
     gboolean    value)
{
  for (guint i = 0; i < items->len; i++)
    if (test (g_ptr_array_index (items, i)) == value)
      return TRUE;
  return FALSE;
}

static void
star_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskInboxPage *self = DESK_INBOX_PAGE (widget);
  g_autoptr(GPtrArray) items = selected_items (self);
  /* Some not starred: all starred; all starred: none */
  gboolean star = any (items, desk_notification_get_starred, FALSE);
  Change change = { .read = -1, .starred = star, .status = -1 };
  guint n = act (self, &change);

  if (n > 0 && star)
    say (self, g_dngettext (GETTEXT_PACKAGE, "%u notification starred", "%u notifications starred", n), n);
  else if (n > 0)
    say (self, g_dngettext (GETTEXT_PACKAGE, "Star removed from %u notification", "Star removed from %u notifications", n), n);
}

static void
unread_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskInboxPage *self = DESK_INBOX_PAGE (widget);
  g_autoptr(GPtrArray) items = selected_items (self);
  /* Some read: all unread; all unread: read */
  gboolean unread = any (items, desk_notification_get_read, TRUE);
  Change change = { .read = !unread, .starred = -1, .status = -1 };
  guint n = act (self, &change);

  if (n > 0 && unread)
    say (self, g_dngettext (GETTEXT_PACKAGE, "%u notification marked unread", "%u notifications marked unread", n), n);
  else if (n > 0)
    say (self, g_dngettext (GETTEXT_PACKAGE, "%u notification marked read", "%u notifications marked read", n), n);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskInboxPage *self = DESK_INBOX_PAGE (widget);
  g_autoptr(GPtrArray) items = selected_items (self);
  gboolean mine = items->len > 0;
  Change change = { .read = -1, .starred = -1, .status = -1, .set_assignee = TRUE };
  guint n;

  for (guint i = 0; i < items->len; i++)
    mine = mine && g_strcmp0 (desk_notification_get_assignee (g_ptr_array_index (items, i)), self->me) == 0;
  /* Assigned to me already: to nobody; else to me */
  change.assignee = mine ? NULL : self->me;
  n = act (self, &change);
  if (n > 0 && mine)
    say (self, g_dngettext (GETTEXT_PACKAGE, "%u notification no longer assigned", "%u notifications no longer assigned", n), n);
  else if (n > 0)
    say (self, g_dngettext (GETTEXT_PACKAGE, "%u notification assigned to you", "%u notifications assigned to you", n), n);
}

static void
reply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  desk_inbox_detail_focus_reply (DESK_INBOX_PAGE (widget)->detail);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (DESK_INBOX_PAGE (widget)->search_entry));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_clicked_cb (DESK_INBOX_PAGE (widget));
}

static void
dialog_closed_cb (DeskInboxPage *self)
{
  desk_page_invalidate (DESK_PAGE (self));
}

/* A dialog of the brand's over the window; closed, the inbox is read
 * again (flags moved items, the reply's menu lists saved replies anew) */
static void
present_dialog (DeskInboxPage *self,
                GtkWidget     *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
moderation_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskPage *page = DESK_PAGE (widget);

  present_dialog (DESK_INBOX_PAGE (widget),
                  desk_moderation_dialog_new (desk_page_get_store (page), desk_page_get_brand_id (page)));
}

static void
saved_replies_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskPage *page = DESK_PAGE (widget);

  present_dialog (DESK_INBOX_PAGE (widget),
                  desk_saved_replies_dialog_new (desk_page_get_store (page), desk_page_get_brand_id (page)));
}

/* j and k: the next or previous item, chosen alone and shown */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskInboxPage *self = DESK_INBOX_PAGE (widget);
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  int step = g_variant_get_int32 (parameter);
  guint position;

  if (n == 0)
    return;
  if (gtk_bitset_is_empty (set))
    position = 0;
  else if (step > 0)
    position = MIN (gtk_bitset_get_maximum (set) + 1, n - 1);
  else
    position = gtk_bitset_get_minimum (set) > 0 ? gtk_bitset_get_minimum (set) - 1 : 0;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", position);
}

/* Enter on an item: its pane, ready to answer */
static void
activate_cb (DeskInboxPage *self,
             guint          position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  desk_inbox_detail_focus_reply (self->detail);
}

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DeskInboxPage            *self)
{
  gtk_list_item_set_child (item, desk_inbox_row_new (self->channels));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DeskInboxPage            *self)
{
  DeskInboxRow *row = DESK_INBOX_ROW (gtk_list_item_get_child (item));

  desk_inbox_row_set_channels (row, self->channels);
  desk_inbox_row_set_notification (row, gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DeskInboxPage            *self)
{
  desk_inbox_row_set_notification (DESK_INBOX_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The channel and campaign filters list the brand's */
static void
fill_dropdowns (DeskInboxPage *self,
                GListModel    *channels,
                GListModel    *campaigns)
{
  g_autoptr(GtkStringList) channel_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) campaign_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) network_names = gtk_string_list_new (NULL);
  gint64 none = 0;
  int every = -1;

  /* The networks the brand's channels are on, once each */
  g_array_set_size (self->networks, 0);
  g_array_append_val (self->networks, every);
  gtk_string_list_append (network_names, _("Every network"));
  for (guint i = 0; channels != NULL && i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      int network = desk_channel_get_network (channel);
      gboolean seen = FALSE;

      for (guint k = 0; k < self->networks->len; k++)
        seen = seen || g_array_index (self->networks, int, k) == network;
      if (seen)
        continue;
      g_array_append_val (self->networks, network);
      gtk_string_list_append (network_names, desk_network_to_label (network));
    }
  gtk_drop_down_set_model (self->network_dropdown, G_LIST_MODEL (network_names));

  g_array_set_size (self->channel_ids, 0);
  g_array_append_val (self->channel_ids, none);
  gtk_string_list_append (channel_names, _("Every channel"));
  for (guint i = 0; channels != NULL && i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      g_autofree char *name = g_strdup_printf ("%s · %s", desk_network_to_label (desk_channel_get_network (channel)),
                                               desk_channel_get_handle (channel));
      gint64 id = desk_channel_get_id (channel);

      g_array_append_val (self->channel_ids, id);
      gtk_string_list_append (channel_names, name);
    }
  g_array_set_size (self->campaign_ids, 0);
  g_array_append_val (self->campaign_ids, none);
  gtk_string_list_append (campaign_names, _("Every campaign"));
  for (guint i = 0; campaigns != NULL && i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(DeskCampaign) campaign = g_list_model_get_item (campaigns, i);
      gint64 id = desk_campaign_get_id (campaign);

      g_array_append_val (self->campaign_ids, id);
      gtk_string_list_append (campaign_names, desk_campaign_get_name (campaign));
    }
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channel_names));
  gtk_drop_down_set_model (self->campaign_dropdown, G_LIST_MODEL (campaign_names));
}

/* The workspace read again (a sync, another program, a dialog closed),
 * same brand, same filters: the items chosen stay chosen and open (their
 * reply being written with them), looked for a little past where they
 * were, as new items come first */
static gboolean
refresh_keeping_place (DeskInboxPage  *self,
                       gboolean        same_brand,
                       GError        **error)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GPtrArray) items = same_brand ? selected_items (self) : NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint end, first = G_MAXUINT;
  gboolean ok;

  if (items == NULL || items->len == 0)
    return set_model_filter (self, error);

  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = desk_notification_get_id (g_ptr_array_index (items, i));

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  self->restoring = TRUE;
  ok = set_model_filter (self, error);
  end = MIN (g_list_model_get_n_items (G_LIST_MODEL (self->model)), MAX (gtk_bitset_get_maximum (set) + 500, 1000));
  for (guint i = 0; ok && i < end && g_hash_table_size (ids) > 0; i++)
    {
      g_autoptr(DeskNotification) n = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      gint64 id = desk_notification_get_id (n);

      if (g_hash_table_remove (ids, &id))
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, first == G_MAXUINT);
          first = MIN (first, i);
        }
    }
  self->restoring = FALSE;
  selection_changed_cb (self);
  if (first != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", first);
  return ok;
}

static gboolean
after_reload_cb (gpointer data)
{
  DeskInboxPage *self = data;

  self->after_reload_id = 0;
  update_crisis (self);
  desk_inbox_page_update_badge (self);
  return G_SOURCE_REMOVE;
}

static void
desk_inbox_page_reload (DeskPage *page)
{
  DeskInboxPage *self = DESK_INBOX_PAGE (page);
  DeskStore *store = desk_page_get_store (page);
  gint64 brand_id = desk_page_get_brand_id (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GListModel) campaigns = NULL;
  g_autoptr(DeskBrand) brand = NULL;
  gboolean same_brand;

  channels = desk_store_list_channels (store, brand_id, &error);
  campaigns = channels ? desk_store_list_campaigns (store, brand_id, &error) : NULL;
  brand = campaigns ? desk_store_get_brand (store, brand_id, &error) : NULL;
  if (brand == NULL)
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }
  g_hash_table_unref (self->channels);
  self->channels = desk_store_index_by_id (channels);
  desk_inbox_detail_set_channels (self->detail, self->channels);
  desk_inbox_detail_set_brand (self->detail, brand);

  /* Another brand: its own filters; the same brand read again (a sync):
   * the filters stay */
  self->loading = TRUE;
  same_brand = self->filter->brand_id == brand_id;
  if (!same_brand)
    {
      self->filter->brand_id = brand_id;
      fill_dropdowns (self, channels, campaigns);
      gtk_drop_down_set_selected (self->channel_dropdown, 0);
      gtk_drop_down_set_selected (self->campaign_dropdown, 0);
      gtk_drop_down_set_selected (self->network_dropdown, 0);
      self->filter->network = -1;
      self->filter->channel_id = 0;
      self->filter->campaign_id = 0;
    }
  self->loading = FALSE;
  if (!refresh_keeping_place (self, same_brand, &error))
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }
  update_count (self);
  /* The crisis banner and the badge read the brand's last 28 days and its
   * unread items (25 ms on 100,000 notifications): after the first frame */
  if (self->after_reload_id == 0)
    self->after_reload_id = g_idle_add_full (G_PRIORITY_LOW, after_reload_cb, self, NULL);
}

static void
fill_static_dropdowns (DeskInboxPage *self)
{
  g_autoptr(GtkStringList) views = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autofree char *mine = NULL;

  for (guint i = 0; i <= DESK_INBOX_VIEW_LAST; i++)
    gtk_string_list_append (views, desk_inbox_view_to_label (i));
  gtk_string_list_append (kinds, _("Every kind"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_kinds); i++)
    gtk_string_list_append (kinds, desk_notification_kind_to_label (filter_kinds[i]));
  gtk_string_list_append (periods, _("Any time"));
  gtk_string_list_append (periods, _("Today"));
  gtk_string_list_append (periods, _("Last 7 days"));
  gtk_string_list_append (periods, _("Last 30 days"));
  gtk_drop_down_set_model (self->view_dropdown, G_LIST_MODEL (views));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  /* GTK 4.8 names neither a drop-down's button nor a menu button */
  desk_drop_down_set_accessible_label (self->view_dropdown, _("View"));
  desk_drop_down_set_accessible_label (self->network_dropdown, _("Network"));
  desk_drop_down_set_accessible_label (self->channel_dropdown, _("Channel"));
  desk_drop_down_set_accessible_label (self->kind_dropdown, _("Kind"));
  desk_drop_down_set_accessible_label (self->campaign_dropdown, _("Campaign"));
  desk_drop_down_set_accessible_label (self->period_dropdown, _("Received"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filters"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("More"), -1);
  /* Translators: %s is the user's name, as team members assign items */
  mine = g_strdup_printf (_("Assigned to _me (%s)"), self->me);
  gtk_check_button_set_label (self->mine_check, mine);
}

static void
desk_inbox_page_dispose (GObject *object)
{
  DeskInboxPage *self = (DeskInboxPage *) object;

  g_clear_handle_id (&self->after_reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_INBOX_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->filter, desk_inbox_filter_free);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->channel_ids, g_array_unref);
  g_clear_pointer (&self->networks, g_array_unref);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->me, g_free);

  G_OBJECT_CLASS (desk_inbox_page_parent_class)->dispose (object);
}

static void
desk_inbox_page_class_init (DeskInboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_inbox_page_dispose;
  DESK_PAGE_CLASS (klass)->reload = desk_inbox_page_reload;

  g_type_ensure (DESK_TYPE_INBOX_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, unread_check);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, starred_check);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, mine_check);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, hidden_check);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, network_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, crisis_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, crisis_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, items_view);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, detail);

  gtk_widget_class_install_action (widget_class, "inbox.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "inbox.star", NULL, star_action);
  gtk_widget_class_install_action (widget_class, "inbox.unread", NULL, unread_action);
  gtk_widget_class_install_action (widget_class, "inbox.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "inbox.reply", NULL, reply_action);
  gtk_widget_class_install_action (widget_class, "inbox.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "inbox.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "inbox.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "inbox.moderation", NULL, moderation_action);
  gtk_widget_class_install_action (widget_class, "inbox.saved-replies", NULL, saved_replies_action);

  /* Letters act only where no text is typed: an entry takes its keys first */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "inbox.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "inbox.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, 0, "inbox.done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, 0, "inbox.star", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, 0, "inbox.unread", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "inbox.assign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "inbox.reply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "inbox.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "inbox.undo", NULL);
}

static void
desk_inbox_page_init (DeskInboxPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->channels = desk_store_index_by_id (NULL);
  self->channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->networks = g_array_new (FALSE, FALSE, sizeof (int));
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) before_free);
  self->filter = desk_inbox_filter_new ();
  self->filter->brand_id = -1;
  self->me = g_strdup (g_get_real_name ());
  if (self->me == NULL || self->me[0] == '\0' || g_str_equal (self->me, "Unknown"))
    {
      g_free (self->me);
      self->me = g_strdup (g_get_user_name ());
    }
  fill_static_dropdowns (self);
}

DeskInboxPage *
desk_inbox_page_new (DeskStore *store)
{
  DeskInboxPage *self;
  GtkListItemFactory *factory;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_INBOX_PAGE, "store", store, NULL);
  self->model = desk_inbox_model_new (store);
  desk_inbox_detail_set_store (self->detail, store);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_grid_view_set_model (self->items_view, GTK_SELECTION_MODEL (self->selection));
  gtk_grid_view_set_factory (self->items_view, factory);
  g_object_unref (factory);

  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->items_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->view_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->channel_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->network_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->campaign_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->unread_check, "toggled", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->starred_check, "toggled", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->mine_check, "toggled", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->hidden_check, "toggled", G_CALLBACK (filters_changed_cb), self);
  return self;
}

GListModel *
desk_inbox_page_get_model (DeskInboxPage *self)
{
  g_return_val_if_fail (DESK_IS_INBOX_PAGE (self), NULL);
  return G_LIST_MODEL (self->model);
}

/**
 * desk_inbox_page_update_badge:
 *
 * The number of unread notifications of the brand, as a badge on the
 * Inbox's button of the view switcher.
 *
 * Returns: that number
 */
guint
desk_inbox_page_update_badge (DeskInboxPage *self)
{
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  guint unread = 0;

  g_return_val_if_fail (DESK_IS_INBOX_PAGE (self), 0);

  filter->brand_id = desk_page_get_brand_id (DESK_PAGE (self));
  filter->view = DESK_INBOX_VIEW_ALL;
  filter->unread_only = TRUE;
  if (filter->brand_id <= 0 || !desk_store_count_inbox (desk_page_get_store (DESK_PAGE (self)), filter, &unread, NULL))
    unread = 0;
  if (stack != NULL)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), GTK_WIDGET (self));

      if (page != NULL)
        adw_view_stack_page_set_badge_number (page, unread);
    }
  return unread;
}

/**
 * desk_inbox_page_open_notification:
 *
 * Shows the notification @notification_id (from a desktop notification):
 * the attention view without filters, the item chosen and its reply
 * ready. Looked for among the first items, where what needs attention is.
 *
 * Returns: %FALSE when it is not there
 */
gboolean
desk_inbox_page_open_notification (DeskInboxPage *self,
                                   gint64         notification_id)
{
  guint n;

  g_return_val_if_fail (DESK_IS_INBOX_PAGE (self), FALSE);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->view_dropdown, DESK_INBOX_VIEW_ATTENTION);
  gtk_check_button_set_active (self->unread_check, FALSE);
  gtk_check_button_set_active (self->starred_check, FALSE);
  gtk_check_button_set_active (self->mine_check, FALSE);
  gtk_drop_down_set_selected (self->channel_dropdown, 0);
  gtk_drop_down_set_selected (self->network_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->campaign_dropdown, 0);
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_ANY);
  self->loading = FALSE;
  g_clear_pointer (&self->filter->search, g_free);
  filters_changed_cb (self);

  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (self->model)), 1000);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskNotification) item = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (item != NULL && desk_notification_get_id (item) == notification_id)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", i);
          desk_inbox_detail_focus_reply (self->detail);
          return TRUE;
        }
    }
  return FALSE;
}
