/* desk-sends-group.c: where a post's sends stand, a row a channel
 *
 * Queued, sending, held by the server, published (with its link), failed
 * (the server's reason, and Retry), or to publish by hand (Mark as
 * Published). Shown by the post dialog and by Compose's editor; read
 * again whenever the outbox changes (DeskStore::outbox-changed), so a
 * sync under way shows as it goes. Hidden while the post has no send.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-sends-group"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-channel.h"
#include "desk-report-error.h"
#include "desk-sends-group.h"

struct _DeskSendsGroup
{
  AdwPreferencesGroup  parent_instance;

  DeskStore           *store;
  gulong               changed_id;
  gint64               post_id;
  gint64               brand_id;
  GPtrArray           *rows;      /* (element-type AdwActionRow) */
};

G_DEFINE_FINAL_TYPE (DeskSendsGroup, desk_sends_group, ADW_TYPE_PREFERENCES_GROUP)

/* Mark as Published and Retry say their action in words */
static void
add_text_button (GtkWidget  *row,
                 const char *mnemonic,
                 const char *label,
                 const char *action,
                 GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static GtkWidget *
send_row (DeskOutboxItem *item,
          DeskChannel    *channel)
{
  GtkWidget *row = adw_action_row_new ();
  const char *handle = desk_channel_get_handle (channel);
  g_autofree char *title = g_strdup_printf ("%s · %s", desk_network_to_label (desk_channel_get_network (channel)), handle);
  g_autofree char *subtitle = NULL;
  gboolean to_do_by_hand = item->by_hand && item->state == DESK_OUTBOX_STATE_QUEUED;

  if (to_do_by_hand)
    subtitle = g_strdup (_("To publish by hand; you are reminded at its time"));
  else if (item->last_error != NULL)
    subtitle = g_strdup_printf ("%s — %s", desk_outbox_state_to_label (item->state), item->last_error);
  else
    subtitle = g_strdup (desk_outbox_state_to_label (item->state));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (to_do_by_hand)
    {
      g_autofree char *label = g_strdup_printf (_("Mark the post as published on %s"), handle);

      add_text_button (row, _("_Mark as Published"), label, "sends.mark-published", g_variant_new_int64 (item->id));
    }
  else if (item->state == DESK_OUTBOX_STATE_FAILED)
    {
      g_autofree char *label = g_strdup_printf (_("Retry the send to %s"), handle);

      add_text_button (row, _("_Retry"), label, "sends.retry", g_variant_new_int64 (item->id));
      gtk_widget_add_css_class (row, "error");
    }
  else if (item->remote_url != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Open the post on %s"), handle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), desk_icon_button_new ("web-browser-symbolic", label, "sends.open",
                                                                            g_variant_new_string (item->remote_url)));
    }
  return row;
}

static void
rebuild (DeskSendsGroup *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GHashTable) by_id = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->store != NULL && self->post_id != 0 &&
      (items = desk_store_list_outbox (self->store, 0, NULL)) != NULL &&
      (channels = desk_store_list_channels (self->store, self->brand_id, NULL)) != NULL)
    {
      by_id = desk_store_index_by_id (channels);
      for (guint i = 0; i < items->len; i++)
        {
          DeskOutboxItem *item = g_ptr_array_index (items, i);
          DeskChannel *channel = g_hash_table_lookup (by_id, &item->channel_id);
          GtkWidget *row;

          if (item->post_id != self->post_id || channel == NULL || item->state == DESK_OUTBOX_STATE_CANCELLED)
            continue;
          row = send_row (item, channel);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
          g_ptr_array_add (self->rows, row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

/* The window's sync, from the window or from a dialog over it */
static void
sync_now (DeskSendsGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent;

  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.sync", NULL))
    return;
  if (GTK_IS_WINDOW (root) && (parent = gtk_window_get_transient_for (GTK_WINDOW (root))) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.sync", NULL);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DeskSendsGroup *self = DESK_SENDS_GROUP (widget);
  g_autoptr(GError) error = NULL;

  if (!desk_store_outbox_retry (self->store, g_variant_get_int64 (parameter), &error))
    {
      desk_report_error (widget, error);
      return;
    }
  /* Tried again now */
  sync_now (self);
}

static void
mark_published_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskSendsGroup *self = DESK_SENDS_GROUP (widget);
  g_autoptr(GError) error = NULL;

  if (!desk_store_outbox_record (self->store, g_variant_get_int64 (parameter), DESK_OUTBOX_STATE_PUBLISHED,
                                 NULL, NULL, NULL, 0, &error))
    desk_report_error (widget, error);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, g_variant_get_string (parameter, NULL),
                GDK_CURRENT_TIME);
}

void
desk_sends_group_set_store (DeskSendsGroup *self,
                            DeskStore      *store)
{
  g_return_if_fail (DESK_IS_SENDS_GROUP (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "outbox-changed", G_CALLBACK (rebuild), self);
  rebuild (self);
}

/**
 * desk_sends_group_set_post:
 * @post_id: the post, or 0 (a post not saved yet: nothing to show)
 * @brand_id: its brand, whose channels name the rows
 */
void
desk_sends_group_set_post (DeskSendsGroup *self,
                           gint64          post_id,
                           gint64          brand_id)
{
  g_return_if_fail (DESK_IS_SENDS_GROUP (self));

  /* The same post: the rows follow the outbox by themselves */
  if (post_id == self->post_id && brand_id == self->brand_id)
    return;
  self->post_id = post_id;
  self->brand_id = brand_id;
  rebuild (self);
}

/* The rows shown */
guint
desk_sends_group_get_n_sends (DeskSendsGroup *self)
{
  g_return_val_if_fail (DESK_IS_SENDS_GROUP (self), 0);
  return self->rows->len;
}

static void
desk_sends_group_dispose (GObject *object)
{
  DeskSendsGroup *self = DESK_SENDS_GROUP (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_sends_group_parent_class)->dispose (object);
}

static void
desk_sends_group_finalize (GObject *object)
{
  DeskSendsGroup *self = DESK_SENDS_GROUP (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (desk_sends_group_parent_class)->finalize (object);
}

static void
desk_sends_group_class_init (DeskSendsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_sends_group_dispose;
  object_class->finalize = desk_sends_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-sends-group.ui");
  gtk_widget_class_install_action (widget_class, "sends.retry", "x", retry_action);
  gtk_widget_class_install_action (widget_class, "sends.mark-published", "x", mark_published_action);
  gtk_widget_class_install_action (widget_class, "sends.open", "s", open_action);
}

static void
desk_sends_group_init (DeskSendsGroup *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

DeskSendsGroup *
desk_sends_group_new (DeskStore *store)
{
  DeskSendsGroup *self = g_object_new (DESK_TYPE_SENDS_GROUP, NULL);

  desk_sends_group_set_store (self, store);
  return self;
}
