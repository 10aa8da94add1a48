/* desk-inbox-page.c: the unified notification inbox
 *
 * A GtkListView over the lazy DeskNotificationList: newest first, with the
 * kind, author, channel, time and text of each notification. Triage comes
 * with the inbox issue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-inbox-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-format.h"
#include "desk-time.h"
#include "desk-inbox-page.h"
#include "desk-notification-list.h"

struct _DeskInboxPage
{
  DeskPage              parent_instance;

  DeskNotificationList *notifications;
  GHashTable           *channels;   /* gint64* → DeskChannel */

  GtkLabel             *count_label;
  GtkListView          *list_view;
};

G_DEFINE_FINAL_TYPE (DeskInboxPage, desk_inbox_page, DESK_TYPE_PAGE)

static const char *
kind_icon (DeskNotificationKind kind)
{
  switch (kind)
    {
    case DESK_NOTIFICATION_KIND_MENTION: return "user-available-symbolic";
    case DESK_NOTIFICATION_KIND_REPLY: return "mail-reply-sender-symbolic";
    case DESK_NOTIFICATION_KIND_DIRECT_MESSAGE: return "mail-unread-symbolic";
    case DESK_NOTIFICATION_KIND_COMMENT: return "user-invisible-symbolic";
    case DESK_NOTIFICATION_KIND_QUOTE: return "format-text-italic-symbolic";
    case DESK_NOTIFICATION_KIND_REPOST: return "media-playlist-repeat-symbolic";
    case DESK_NOTIFICATION_KIND_FAVOURITE: return "starred-symbolic";
    case DESK_NOTIFICATION_KIND_FOLLOW: return "contact-new-symbolic";
    default: return "dialog-information-symbolic";
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Unread is not said by colour alone: a dot in its own column, and the
   * author in bold (bind_row_cb) */
  GtkWidget *dot = g_object_new (GTK_TYPE_LABEL,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 "width-chars", 2,
                                 "valign", GTK_ALIGN_START,
                                 NULL);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *author = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "inbox-row");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (dot, "unread-dot");
  gtk_widget_add_css_class (author, "inbox-author");
  gtk_label_set_xalign (GTK_LABEL (author), 0);
  gtk_label_set_ellipsize (GTK_LABEL (author), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_set_hexpand (meta, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "numeric");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);

  gtk_box_append (GTK_BOX (top), author);
  gtk_box_append (GTK_BOX (top), meta);
  gtk_box_append (GTK_BOX (top), time);
  gtk_box_append (GTK_BOX (text_box), top);
  gtk_box_append (GTK_BOX (text_box), text);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (row), dot);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), text_box);

  g_object_set_data (G_OBJECT (row), "dot", dot);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "author", author);
  g_object_set_data (G_OBJECT (row), "meta", meta);
  g_object_set_data (G_OBJECT (row), "time", time);
  g_object_set_data (G_OBJECT (row), "text", text);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DeskInboxPage            *self)
{
  DeskNotification *n = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  gint64 channel_id;
  DeskChannel *channel;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *accessible = NULL;
  DeskNotificationKind kind;
  GtkWidget *author;
  gboolean unread;

  if (n == NULL)
    return;

  kind = desk_notification_get_kind (n);
  channel_id = desk_notification_get_channel_id (n);
  channel = g_hash_table_lookup (self->channels, &channel_id);
  local = desk_notification_get_created_at (n) ? desk_time_to_local (desk_notification_get_created_at (n)) : NULL;
  /* Translators: date and time of a notification, strftime format */
  time = local ? g_date_time_format (local, _("%-d %b %H:%M")) : g_strdup ("");
  meta = g_strdup_printf ("%s · %s", desk_notification_kind_to_label (kind),
                          channel ? desk_network_to_label (desk_channel_get_network (channel)) : "");

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (row), "icon"), kind_icon (kind));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "author"), desk_notification_get_author (n));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "meta"), meta);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "time"), time);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "text"), desk_notification_get_text (n));

  unread = !desk_notification_get_read (n);
  author = g_object_get_data (G_OBJECT (row), "author");
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "dot"), unread ? "●" : "");
  if (unread)
    {
      gtk_widget_add_css_class (row, "unread");
      gtk_widget_add_css_class (author, "heading");
    }
  else
    {
      gtk_widget_remove_css_class (row, "unread");
      gtk_widget_remove_css_class (author, "heading");
    }

  if (unread)
    /* Translators: what a screen reader says of an unread notification:
     * kind · network, time, author: text */
    accessible = g_strdup_printf (_("Unread, %s, %s, %s: %s"), meta, time, desk_notification_get_author (n),
                                  desk_notification_get_text (n));
  else
    accessible = g_strdup_printf ("%s, %s, %s: %s", meta, time, desk_notification_get_author (n),
                                  desk_notification_get_text (n));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  /* The list item around the row takes the focus: it says the same */
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_item_set_accessible_label (item, accessible);
#else
  if (gtk_widget_get_parent (row) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
#endif
}

static void
desk_inbox_page_reload (DeskPage *page)
{
  DeskInboxPage *self = DESK_INBOX_PAGE (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) channels = NULL;
  guint n;
  g_autofree char *number = NULL;
  g_autofree char *count = NULL;

  channels = desk_store_list_channels (desk_page_get_store (page), desk_page_get_brand_id (page), &error);
  if (channels == NULL)
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }
  g_hash_table_unref (self->channels);
  self->channels = desk_store_index_by_id (channels);

  if (!desk_notification_list_reload (self->notifications, desk_page_get_brand_id (page), &error))
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->notifications));
  number = desk_format_count (n);
  /* Translators: %s is a number, grouped by thousands ("1 234") */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s notification, newest first",
                                        "%s notifications, newest first", n), number);
  gtk_label_set_text (self->count_label, count);
}

static void
desk_inbox_page_dispose (GObject *object)
{
  DeskInboxPage *self = (DeskInboxPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_INBOX_PAGE);
  g_clear_object (&self->notifications);
  g_clear_pointer (&self->channels, g_hash_table_unref);

  G_OBJECT_CLASS (desk_inbox_page_parent_class)->dispose (object);
}

static void
desk_inbox_page_class_init (DeskInboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_inbox_page_dispose;
  DESK_PAGE_CLASS (klass)->reload = desk_inbox_page_reload;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxPage, list_view);
}

static void
desk_inbox_page_init (DeskInboxPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->channels = desk_store_index_by_id (NULL);
}

DeskInboxPage *
desk_inbox_page_new (DeskStore *store)
{
  DeskInboxPage *self;
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_INBOX_PAGE, "store", store, NULL);
  self->notifications = desk_notification_list_new (store);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->notifications)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (selection);
  g_object_unref (factory);
  return self;
}

GListModel *
desk_inbox_page_get_model (DeskInboxPage *self)
{
  g_return_val_if_fail (DESK_IS_INBOX_PAGE (self), NULL);
  return G_LIST_MODEL (self->notifications);
}
