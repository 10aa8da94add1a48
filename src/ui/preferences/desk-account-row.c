/* desk-account-row.c: a channel's connected account, in Preferences › Channels
 *
 * The "Account" row of a Mastodon, Bluesky or WordPress channel: not
 * connected, a "Connect…" button opening DeskAccountDialog; connected, who
 * the server said the account is, and "Disconnect" (asked first; the
 * account goes from the workspace and its secret from the keyring); when
 * its secret stopped working (the outbox put it in Reconnect), a warning
 * with the server's reason, and "Reconnect…".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-account-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-account-dialog.h"
#include "desk-account-row.h"
#include "desk-secrets.h"

struct _DeskAccountRow
{
  AdwActionRow  parent_instance;

  DeskStore    *store;
  DeskChannel  *channel;

  GtkWidget    *warning_icon;   /* a prefix only when shown: a hidden one still takes room */

  /* Template widgets */
  GtkWidget    *connect_button;
  GtkWidget    *reconnect_button;
  GtkWidget    *disconnect_button;
};

G_DEFINE_FINAL_TYPE (DeskAccountRow, desk_account_row, ADW_TYPE_ACTION_ROW)

static void
toast (DeskAccountRow *self,
       const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

/* "piaille.fr" of "https://piaille.fr/", or the address as it is */
static char *
server_host (const char *server)
{
  g_autoptr(GUri) uri = server ? g_uri_parse (server, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    return g_strdup (g_uri_get_host (uri));
  return g_strdup (server ? server : "");
}

/* "@fournil" on Mastodon, "@fournil.bsky.social" on Bluesky, "admin" on
 * WordPress */
static char *
account_handle (DeskNetwork        network,
                const DeskAccount *account)
{
  const char *handle = account->remote_handle && account->remote_handle[0] ? account->remote_handle
                                                                          : account->user_name ? account->user_name : "";

  if ((network == DESK_NETWORK_MASTODON || network == DESK_NETWORK_BLUESKY) && handle[0] != '@')
    return g_strconcat ("@", handle, NULL);
  return g_strdup (handle);
}

/**
 * desk_account_describe:
 * @network: the channel's network
 * @account: its account
 *
 * Returns: who the server said the account is, where: "Connected as
 *   @fournil (Le Fournil des Halles) on piaille.fr"
 */
char *
desk_account_describe (DeskNetwork        network,
                       const DeskAccount *account)
{
  g_autofree char *handle = account_handle (network, account);
  g_autofree char *host = server_host (account->server);
  const char *name = account->display_name;

  if (name != NULL && name[0] != '\0' && g_strcmp0 (name, account->remote_handle) != 0)
    /* Translators: "Connected as @fournil (Le Fournil des Halles) on piaille.fr" */
    return g_strdup_printf (_("Connected as %s (%s) on %s"), handle, name, host);
  /* Translators: "Connected as @fournil on piaille.fr" */
  return g_strdup_printf (_("Connected as %s on %s"), handle, host);
}

/* Takes @name */
static void
set_button_name (GtkWidget *button,
                 char      *name)
{
  g_autofree char *owned = name;

  gtk_widget_set_tooltip_text (button, owned);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, owned, -1);
}

/**
 * desk_account_row_refresh:
 *
 * Shows the channel's account as the workspace has it now.
 */
void
desk_account_row_refresh (DeskAccountRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskAccount) account = NULL;
  DeskNetwork network;
  gboolean reconnect;
  const char *handle;

  g_return_if_fail (DESK_IS_ACCOUNT_ROW (self));

  network = desk_channel_get_network (self->channel);
  account = desk_store_get_account (self->store, desk_channel_get_id (self->channel), &error);
  if (account == NULL && !g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), error->message);
      gtk_widget_set_visible (self->connect_button, FALSE);
      gtk_widget_set_visible (self->reconnect_button, FALSE);
      gtk_widget_set_visible (self->disconnect_button, FALSE);
      return;
    }
  reconnect = account != NULL && account->needs_reconnect;
  if (reconnect && gtk_widget_get_parent (self->warning_icon) == NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->warning_icon);
  else if (!reconnect && gtk_widget_get_parent (self->warning_icon) != NULL)
    adw_action_row_remove (ADW_ACTION_ROW (self), self->warning_icon);
  gtk_widget_set_visible (self->connect_button, account == NULL);
  gtk_widget_set_visible (self->reconnect_button, reconnect);
  gtk_widget_set_visible (self->disconnect_button, account != NULL);
  /* The row's text in the warning colour (style.css), not its buttons */
  if (reconnect)
    gtk_widget_add_css_class (GTK_WIDGET (self), "account-reconnect");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "account-reconnect");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), reconnect ? _("Account to Reconnect") : _("Account"));

  if (account == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _("Not connected: its posts are published by hand"));
  else if (reconnect)
    {
      g_autofree char *handle = account_handle (network, account);
      g_autofree char *host = server_host (account->server);
      g_autofree char *subtitle = account->last_error && account->last_error[0]
        /* Translators: "@fournil on piaille.fr: <why it must be reconnected>" */
        ? g_strdup_printf (_("%s on %s: %s"), handle, host, account->last_error)
        /* Translators: "@fournil on piaille.fr" */
        : g_strdup_printf (_("%s on %s"), handle, host);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
    }
  else
    {
      g_autofree char *subtitle = desk_account_describe (network, account);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
    }

  handle = desk_channel_get_handle (self->channel);
  /* Translators: %s is a channel's handle */
  set_button_name (self->connect_button, g_strdup_printf (_("Connect an account to “%s”"), handle));
  /* Translators: %s is a channel's handle */
  set_button_name (self->reconnect_button, g_strdup_printf (_("Reconnect the account of “%s”"), handle));
  /* Translators: %s is a channel's handle */
  set_button_name (self->disconnect_button, g_strdup_printf (_("Disconnect the account of “%s”"), handle));
}

static void
connected_cb (DeskAccountRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *main_window = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

  desk_account_row_refresh (self);
  toast (self, _("Account connected"));
  /* What waited for this account goes now, through the window's sync */
  if (main_window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (main_window), "win.sync", NULL);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskAccountRow *self = DESK_ACCOUNT_ROW (widget);
  GtkWidget *dialog = desk_account_dialog_new (self->store, self->channel);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "connected", G_CALLBACK (connected_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The secret goes in a thread: libsecret's call waits for the keyring */
static void
clear_secret_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  GError *error = NULL;

  if (desk_secrets_clear_sync (data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
secret_cleared_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(DeskAccountRow) self = data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The account’s secret could not be removed from the keyring: %s"),
                                                  error->message);
      toast (self, message);
      return;
    }
  toast (self, _("Account disconnected"));
}

/**
 * desk_account_clear_secret_async: (skip)
 * @secret_key: an account's keyring key
 *
 * Removes a secret from the keyring without waiting for it.
 */
void
desk_account_clear_secret_async (const char          *secret_key,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, desk_account_clear_secret_async);
  g_task_set_task_data (task, g_strdup (secret_key), g_free);
  g_task_run_in_thread (task, clear_secret_thread);
}

static void
disconnect_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        DeskAccountRow   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskAccount) account = NULL;

  if (g_strcmp0 (response, "disconnect") != 0)
    return;
  account = desk_store_get_account (self->store, desk_channel_get_id (self->channel), &error);
  if (account == NULL || !desk_store_delete_account (self->store, desk_channel_get_id (self->channel), &error))
    {
      toast (self, error->message);
      desk_account_row_refresh (self);
      return;
    }
  desk_account_row_refresh (self);
  /* Its secret goes with it */
  desk_account_clear_secret_async (account->secret_key, NULL, secret_cleared_cb, g_object_ref (self));
}

/* Disconnecting asks first */
static void
disconnect_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskAccountRow *self = DESK_ACCOUNT_ROW (widget);
  /* Translators: %s is a channel's handle */
  g_autofree char *heading = g_strdup_printf (_("Disconnect “%s”?"), desk_channel_get_handle (self->channel));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("CommunityDesk will not publish to this channel any more, and forgets its access "
                                     "token or password. Its posts stay in the calendar, to be published by hand."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "disconnect", _("_Disconnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "disconnect", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (disconnect_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
desk_account_row_dispose (GObject *object)
{
  DeskAccountRow *self = (DeskAccountRow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->channel);
  g_clear_object (&self->warning_icon);

  G_OBJECT_CLASS (desk_account_row_parent_class)->dispose (object);
}

static void
desk_account_row_class_init (DeskAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_account_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskAccountRow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountRow, reconnect_button);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountRow, disconnect_button);

  gtk_widget_class_install_action (widget_class, "account.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "account.disconnect", NULL, disconnect_action);
}

static void
desk_account_row_init (DeskAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->warning_icon = g_object_ref_sink (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (self->warning_icon, "warning");
  gtk_widget_set_valign (self->warning_icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Must be reconnected"), -1);
}

/**
 * desk_account_row_new:
 * @store: the workspace
 * @channel: a Mastodon or WordPress channel, saved
 *
 * Returns: (transfer floating): its account's row
 */
GtkWidget *
desk_account_row_new (DeskStore   *store,
                      DeskChannel *channel)
{
  DeskAccountRow *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_CHANNEL (channel), NULL);

  self = g_object_new (DESK_TYPE_ACCOUNT_ROW, NULL);
  self->store = g_object_ref (store);
  self->channel = g_object_ref (channel);
  desk_account_row_refresh (self);
  return GTK_WIDGET (self);
}

/* Whether the row warns that the account must be reconnected */
gboolean
desk_account_row_get_warning (DeskAccountRow *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_ROW (self), FALSE);

  return gtk_widget_get_parent (self->warning_icon) != NULL &&
         gtk_widget_has_css_class (GTK_WIDGET (self), "account-reconnect");
}

DeskChannel *
desk_account_row_get_channel (DeskAccountRow *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_ROW (self), NULL);

  return self->channel;
}
