/* desk-inbox-row.c: one row of the inbox's list
 *
 * Bound to a DeskNotification: what it shows follows the notification's
 * properties (read, starred, status, assignee, flag), so an action on an
 * item shows at once, without reading the list again. Unread is seen (a
 * dot and the author in bold) and heard: the row's accessible name reads
 * "Direct message from Zoé Martin, 2 hours ago, unread: Bonjour…". A
 * group ("Léa and 39 others liked your post") is one row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-inbox-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-channel.h"
#include "desk-format.h"
#include "desk-inbox-order.h"
#include "desk-inbox-row.h"
#include "desk-reply-window.h"
#include "desk-time.h"

struct _DeskInboxRow
{
  GtkWidget         parent_instance;

  DeskNotification *notification;
  GHashTable       *channels;   /* (nullable) gint64* → DeskChannel */

  /* Template widgets */
  GtkWidget        *box;
  GtkLabel         *dot;
  GtkImage         *icon;
  GtkInscription   *author;
  GtkInscription   *meta;
  GtkWidget        *star;
  GtkInscription   *time;
  GtkInscription   *text;
  GtkInscription   *badges;
};

G_DEFINE_FINAL_TYPE (DeskInboxRow, desk_inbox_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NOTIFICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static DeskChannel *
lookup_channel (DeskInboxRow     *self,
                DeskNotification *n)
{
  gint64 id = desk_notification_get_channel_id (n);

  return self->channels != NULL ? g_hash_table_lookup (self->channels, &id) : NULL;
}

/* Who, or for a group "Léa and 39 others liked your post" */
static char *
dup_title (DeskNotification *n)
{
  DeskNotificationKind kind = desk_notification_get_kind (n);

  if (desk_notification_kind_is_grouped (kind))
    return desk_inbox_order_dup_group_title (kind, desk_notification_get_author (n),
                                             MAX (desk_notification_get_group_count (n), 1));
  return g_strdup (desk_notification_get_author (n));
}

/* What is said under the text: status, assignee, flag, reply window */
static char *
dup_badges (DeskNotification *n,
            DeskChannel      *channel,
            GDateTime        *now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *window = NULL;
  const char *assignee = desk_notification_get_assignee (n);

  if (desk_notification_get_status (n) != DESK_NOTIFICATION_STATUS_OPEN)
    g_ptr_array_add (parts, g_strdup (desk_notification_status_to_label (desk_notification_get_status (n))));
  if (assignee != NULL && assignee[0] != '\0')
    /* Translators: %s is a team member's name */
    g_ptr_array_add (parts, g_strdup_printf (_("Assigned to %s"), assignee));
  if (desk_notification_get_flag (n) != DESK_MODERATION_FLAG_NONE)
    g_ptr_array_add (parts, g_strdup (desk_moderation_flag_to_label (desk_notification_get_flag (n))));
  if (desk_notification_get_note (n) != NULL && desk_notification_get_note (n)[0] != '\0')
    g_ptr_array_add (parts, g_strdup (_("Has a note")));
  if (channel != NULL && desk_notification_get_status (n) == DESK_NOTIFICATION_STATUS_OPEN &&
      (window = desk_reply_window_describe (desk_channel_get_network (channel), desk_notification_get_kind (n),
                                            desk_notification_get_created_at (n), now)) != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&window));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/**
 * desk_inbox_row_dup_description:
 *
 * What a screen reader says of a row: "Direct message from Zoé Martin,
 * 2 hours ago, unread: Bonjour, pouvez-vous…", then whether it is
 * starred, its status, assignee and flag.
 *
 * Returns: (transfer full): the sentence
 */
char *
desk_inbox_row_dup_description (DeskNotification *n,
                                DeskChannel      *channel,
                                GDateTime        *now)
{
  DeskNotificationKind kind = desk_notification_get_kind (n);
  g_autofree char *when = desk_notification_get_created_at (n) != NULL
                          ? desk_format_relative_time (desk_notification_get_created_at (n), now) : g_strdup ("");
  g_autofree char *head = NULL;
  g_autofree char *badges = dup_badges (n, channel, now);
  GString *said = g_string_new (NULL);
  const char *network = channel != NULL ? desk_network_to_label (desk_channel_get_network (channel)) : NULL;

  if (desk_notification_kind_is_grouped (kind))
    head = dup_title (n);
  else
    /* Translators: "Direct message from Zoé Martin": a kind, then who */
    head = g_strdup_printf (_("%s from %s"), desk_notification_kind_to_label (kind), desk_notification_get_author (n));
  g_string_append (said, head);
  if (network != NULL)
    g_string_append_printf (said, ", %s", network);
  g_string_append_printf (said, ", %s", when);
  if (!desk_notification_get_read (n))
    /* Translators: said of a notification not read yet, in a list */
    g_string_append_printf (said, ", %s", _("unread"));
  if (desk_notification_get_starred (n))
    g_string_append_printf (said, ", %s", _("starred"));
  if (badges != NULL)
    g_string_append_printf (said, ", %s", badges);
  if (desk_notification_get_text (n) != NULL && desk_notification_get_text (n)[0] != '\0')
    g_string_append_printf (said, ": %s", desk_notification_get_text (n));
  return g_string_free (said, FALSE);
}

/* The time rows are bound against: read once a second at most, not for
 * each of the two hundred rows GTK 4.8's list keeps */
static GDateTime *
shared_now (void)
{
  static GDateTime *now;
  static gint64 read_at;
  gint64 t = g_get_monotonic_time ();

  if (now == NULL || t - read_at > G_USEC_PER_SEC)
    {
      g_clear_pointer (&now, g_date_time_unref);
      now = desk_time_now ();
      read_at = t;
    }
  return now;
}

/* The exact time, made when the pointer asks for it */
static gboolean
time_tooltip_cb (GtkWidget    *widget,
                 int           x,
                 int           y,
                 gboolean      keyboard,
                 GtkTooltip   *tooltip,
                 DeskInboxRow *self)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *exact = NULL;

  if (self->notification == NULL || desk_notification_get_created_at (self->notification) == NULL)
    return FALSE;
  local = desk_time_to_local (desk_notification_get_created_at (self->notification));
  /* Translators: a notification's exact date and time, strftime format */
  exact = g_date_time_format (local, _("%A %-d %B %Y at %H:%M"));
  gtk_tooltip_set_text (tooltip, exact);
  return TRUE;
}

static void
update (DeskInboxRow *self)
{
  DeskNotification *n = self->notification;
  DeskChannel *channel;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *when = NULL;
  g_autofree char *badges = NULL;
  g_autofree char *description = NULL;
  const char *handle;
  gboolean unread;
  GtkWidget *item;

  if (n == NULL)
    return;

  now = g_date_time_ref (shared_now ());
  channel = lookup_channel (self, n);
  title = dup_title (n);
  handle = desk_notification_get_handle (n);
  if (handle != NULL && handle[0] != '\0' && !desk_notification_kind_is_grouped (desk_notification_get_kind (n)))
    meta = g_strdup_printf ("%s · %s · %s", handle, desk_notification_kind_to_label (desk_notification_get_kind (n)),
                            channel ? desk_network_to_label (desk_channel_get_network (channel)) : "");
  else
    meta = g_strdup_printf ("%s · %s", desk_notification_kind_to_label (desk_notification_get_kind (n)),
                            channel ? desk_network_to_label (desk_channel_get_network (channel)) : "");
  when = desk_notification_get_created_at (n) != NULL
         ? desk_format_relative_time (desk_notification_get_created_at (n), now) : g_strdup ("");
  badges = dup_badges (n, channel, now);

  gtk_image_set_from_icon_name (self->icon, kind_icon (desk_notification_get_kind (n)));
  gtk_inscription_set_text (self->author, title);
  gtk_inscription_set_text (self->meta, meta);
  gtk_inscription_set_text (self->time, when);
  gtk_inscription_set_text (self->text, desk_notification_get_text (n) ? desk_notification_get_text (n) : "");
  gtk_inscription_set_text (self->badges, badges);
  gtk_widget_set_visible (GTK_WIDGET (self->badges), badges != NULL);
  gtk_widget_set_visible (self->star, desk_notification_get_starred (n));

  unread = !desk_notification_get_read (n);
  gtk_label_set_text (self->dot, unread ? "●" : "");
  if (unread)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "unread");
      gtk_widget_add_css_class (GTK_WIDGET (self->author), "heading");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "unread");
      gtk_widget_remove_css_class (GTK_WIDGET (self->author), "heading");
    }
  if (desk_notification_get_hidden (n))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");

  description = desk_inbox_row_dup_description (n, channel, now);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  /* The list item around the row takes the focus: it says the same */
  item = gtk_widget_get_parent (GTK_WIDGET (self));
  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
notification_notify_cb (DeskInboxRow *self)
{
  update (self);
}

DeskNotification *
desk_inbox_row_get_notification (DeskInboxRow *self)
{
  g_return_val_if_fail (DESK_IS_INBOX_ROW (self), NULL);
  return self->notification;
}

void
desk_inbox_row_set_notification (DeskInboxRow     *self,
                                 DeskNotification *notification)
{
  g_return_if_fail (DESK_IS_INBOX_ROW (self));

  if (self->notification == notification)
    {
      update (self);
      return;
    }
  if (self->notification != NULL)
    g_signal_handlers_disconnect_by_func (self->notification, notification_notify_cb, self);
  g_set_object (&self->notification, notification);
  if (notification != NULL)
    g_signal_connect_swapped (notification, "notify", G_CALLBACK (notification_notify_cb), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTIFICATION]);
}

void
desk_inbox_row_set_channels (DeskInboxRow *self,
                             GHashTable   *channels)
{
  g_return_if_fail (DESK_IS_INBOX_ROW (self));

  if (self->channels == channels)
    return;
  g_clear_pointer (&self->channels, g_hash_table_unref);
  self->channels = channels ? g_hash_table_ref (channels) : NULL;
  update (self);
}

static void
desk_inbox_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeskInboxRow *self = DESK_INBOX_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTIFICATION:
      g_value_set_object (value, self->notification);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_inbox_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DeskInboxRow *self = DESK_INBOX_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTIFICATION:
      desk_inbox_row_set_notification (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_inbox_row_dispose (GObject *object)
{
  DeskInboxRow *self = DESK_INBOX_ROW (object);

  if (self->notification != NULL)
    g_signal_handlers_disconnect_by_func (self->notification, notification_notify_cb, self);
  g_clear_object (&self->notification);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_INBOX_ROW);
  G_OBJECT_CLASS (desk_inbox_row_parent_class)->dispose (object);
}

static void
desk_inbox_row_class_init (DeskInboxRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = desk_inbox_row_get_property;
  object_class->set_property = desk_inbox_row_set_property;
  object_class->dispose = desk_inbox_row_dispose;

  properties[PROP_NOTIFICATION] =
    g_param_spec_object ("notification", NULL, NULL, DESK_TYPE_NOTIFICATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-inbox-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskInboxRow, box);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxRow, dot);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxRow, icon);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxRow, author);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxRow, meta);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxRow, star);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxRow, time);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxRow, text);
  gtk_widget_class_bind_template_child (widget_class, DeskInboxRow, badges);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
desk_inbox_row_init (DeskInboxRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->time), TRUE);
  g_signal_connect (self->time, "query-tooltip", G_CALLBACK (time_tooltip_cb), self);
}

GtkWidget *
desk_inbox_row_new (GHashTable *channels)
{
  DeskInboxRow *self = g_object_new (DESK_TYPE_INBOX_ROW, NULL);

  desk_inbox_row_set_channels (self, channels);
  return GTK_WIDGET (self);
}
