/* desk-account-dialog.c: connecting an account to a channel
 *
 * Mastodon: the instance, then either its authorisation page (CommunityDesk
 * registered on the instance, the page opened in the browser with PKCE and
 * the out-of-band redirect: it shows a code, pasted back here and traded
 * for a token), or an access token made in the instance's Development
 * settings. WordPress: the site, the user and an application password.
 * Bluesky: the service (bsky.social or one's own PDS), the handle and an
 * app password, which opens a session: the session, not the app
 * password, is what the keyring keeps.
 *
 * "Connect" asks the server who the account is (nothing is kept if it
 * says no), then keeps the secret in the keyring under a new random key,
 * saves the account in the workspace, and removes the secret of the
 * account it replaces. Every step is asynchronous, under one
 * GCancellable: Cancel (or closing) stops it. Errors are said in the
 * dialog, which stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-account-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "desk-account-dialog-private.h"
#include "desk-account-row.h"
#include "desk-bluesky.h"
#include "desk-http-client.h"
#include "desk-mastodon.h"
#include "desk-secrets.h"
#include "desk-wordpress.h"

struct _DeskAccountDialog
{
  AdwWindow            parent_instance;

  DeskStore           *store;
  DeskChannel         *channel;
  DeskNetwork          network;
  DeskHttpClient      *client;
  GCancellable        *cancellable;    /* the step under way; NULL when idle */

  /* CommunityDesk registered on an instance, and its authorisation page */
  char                *app_instance;
  char                *client_id;
  char                *client_secret;
  char                *code_verifier;
  char                *authorize_uri;

  /* The connection under way */
  char                *server;         /* normalised: "https://piaille.fr" */
  char                *user;           /* WordPress's user, Bluesky's handle */
  char                *secret;         /* wiped when done */
  char                *secret_key;     /* its new keyring key, once stored */
  DeskRemoteAccount   *remote;
  DeskBluesky         *bluesky;        /* Bluesky's session, once logged in */
  char                *status;
  GtkWidget           *focus_before;   /* (weak) where the keyboard was before a step */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *connect_button;
  GtkWidget           *status_box;
  GtkSpinner          *spinner;
  GtkWidget           *error_icon;
  GtkLabel            *status_label;
  GtkWidget           *page;
  GtkWidget           *mastodon_group;
  GtkWidget           *authorize_group;
  GtkWidget           *token_group;
  GtkWidget           *wordpress_group;
  AdwEntryRow         *instance_row;
  AdwActionRow        *authorize_row;
  GtkWidget           *authorize_button;
  GtkWidget           *copy_button;
  AdwEntryRow         *code_row;
  AdwEntryRow         *token_row;
  AdwEntryRow         *site_row;
  AdwEntryRow         *user_row;
  AdwEntryRow         *password_row;
  GtkWidget           *bluesky_group;
  AdwEntryRow         *service_row;
  AdwEntryRow         *handle_row;
  AdwEntryRow         *app_password_row;
};

G_DEFINE_FINAL_TYPE (DeskAccountDialog, desk_account_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_uri (GtkWindow *parent, const char *uri, gpointer data);

static DeskUriOpener uri_opener = show_uri;
static gpointer uri_opener_data;

/* What the dialog says */

static void
say (DeskAccountDialog *self,
     const char        *message,
     gboolean           busy)
{
  g_free (self->status);
  self->status = g_strdup (message);
  gtk_widget_set_visible (self->status_box, message != NULL);
  gtk_label_set_text (self->status_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (self->error_icon, message != NULL && !busy);
  if (message != NULL && !busy)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  /* While waiting, the keyboard is on Cancel: a field made insensitive
   * with the focus keeps blinking its cursor (GTK 4.8 warns) */
  if (busy && !gtk_widget_has_focus (self->cancel_button))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      g_set_weak_pointer (&self->focus_before, focus && gtk_widget_is_ancestor (focus, self->page) ? focus : NULL);
      gtk_widget_grab_focus (self->cancel_button);
    }
  gtk_widget_set_sensitive (self->page, !busy);
  if (!busy && self->focus_before != NULL)
    {
      gtk_widget_grab_focus (self->focus_before);
      g_clear_weak_pointer (&self->focus_before);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.connect", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.authorize", !busy);
}

static void
fail (DeskAccountDialog *self,
      const char        *message)
{
  g_clear_object (&self->cancellable);
  say (self, message, FALSE);
}

static void
wipe_secret (DeskAccountDialog *self)
{
  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_clear_pointer (&self->secret, g_free);
}

/* A step begins: what it waits for is said, with a spinner */
static GCancellable *
begin (DeskAccountDialog *self,
       const char        *message)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  say (self, message, TRUE);
  return self->cancellable;
}

static gboolean
was_cancelled (GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Whether the step that ended with @error was stopped (Cancel, closed):
 * then nothing more is said, the dialog is going */
static gboolean
stopped (DeskAccountDialog *self,
         GError            *error)
{
  return was_cancelled (error) || self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable);
}

/* "https://piaille.fr" of " piaille.fr/ " */
static char *
normalise_server (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gsize length = strlen (trimmed);

  while (length > 0 && trimmed[length - 1] == '/')
    trimmed[--length] = '\0';
  if (length == 0)
    return NULL;
  if (strstr (trimmed, "://") == NULL)
    return g_strconcat ("https://", trimmed, NULL);
  return g_steal_pointer (&trimmed);
}

static char *
host_of (const char *server)
{
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : server);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* What a refused connection means here, in the user's words; the
 * connector's own message otherwise (not https, unreachable, …) */
static char *
explain (DeskAccountDialog *self,
         GError            *error,
         gboolean           with_code)
{
  /* Bluesky's connector says it already: the handle or app password
   * refused, or an account asking for a code sent by email */
  if (g_error_matches (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED) && self->network != DESK_NETWORK_BLUESKY)
    {
      if (self->network == DESK_NETWORK_WORDPRESS)
        return g_strdup (_("The site refused this user and application password: check them, or create a new "
                           "application password."));
      return g_strdup (_("The instance refused this access token: check it, or make a new one."));
    }
  if (with_code && g_error_matches (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED))
    return g_strdup (_("The instance refused this code: open the authorisation page again and paste the new code "
                       "it shows."));
  return g_strdup (error->message);
}

/* The end: the account saved, the secret it replaces removed */

static void
finish_connection (DeskAccountDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskAccount) previous = NULL;
  DeskAccount account = { 0 };

  previous = desk_store_get_account (self->store, desk_channel_get_id (self->channel), NULL);
  account.channel_id = desk_channel_get_id (self->channel);
  account.secret_key = self->secret_key;
  account.server = self->server;
  account.user_name = self->user;
  account.remote_id = self->remote->id;
  account.remote_handle = self->remote->handle;
  account.display_name = self->remote->display_name;
  /* The same account again: its notifications go on where they were */
  if (previous != NULL && g_strcmp0 (previous->server, self->server) == 0 &&
      g_strcmp0 (previous->remote_id, self->remote->id) == 0)
    account.pull_cursor = previous->pull_cursor;
  if (!desk_store_save_account (self->store, &account, &error))
    {
      desk_account_clear_secret_async (self->secret_key, NULL, NULL, NULL);
      g_clear_pointer (&self->secret_key, g_free);
      fail (self, error->message);
      return;
    }
  g_clear_pointer (&self->secret_key, g_free);
  if (previous != NULL && g_strcmp0 (previous->secret_key, account.secret_key) != 0)
    desk_account_clear_secret_async (previous->secret_key, NULL, NULL, NULL);

  g_clear_object (&self->cancellable);
  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(DeskAccountDialog) self = data;
  g_autoptr(GError) error = NULL;
  gboolean stored = desk_secrets_store_finish (result, &error);

  wipe_secret (self);
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      /* Stopped while the keyring was writing: nothing is kept */
      desk_account_clear_secret_async (self->secret_key, NULL, NULL, NULL);
      g_clear_pointer (&self->secret_key, g_free);
      return;
    }
  if (!stored)
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The keyring could not keep the secret: %s"), error->message);

      g_clear_pointer (&self->secret_key, g_free);
      fail (self, message);
      return;
    }
  finish_connection (self);
}

/* The server said who the account is: its secret goes in the keyring */
static void
keep_secret (DeskAccountDialog *self)
{
  g_autofree char *label = NULL;

  self->secret_key = g_uuid_string_random ();
  label = g_strdup_printf (_("CommunityDesk: %s on %s"), desk_channel_get_handle (self->channel), self->server);
  say (self, _("Keeping the secret in the keyring…"), TRUE);
  desk_secrets_store_async (self->secret_key, label, self->secret, self->cancellable, stored_cb, g_object_ref (self));
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(DeskAccountDialog) self = data;
  g_autoptr(GError) error = NULL;
  DeskRemoteAccount *remote;

  if (DESK_IS_MASTODON (source))
    remote = desk_mastodon_verify_finish (DESK_MASTODON (source), result, &error);
  else if (DESK_IS_BLUESKY (source))
    remote = desk_bluesky_verify_finish (DESK_BLUESKY (source), result, &error);
  else
    remote = desk_wordpress_verify_finish (DESK_WORDPRESS (source), result, &error);
  if (remote == NULL)
    {
      g_autofree char *message = NULL;

      wipe_secret (self);
      g_clear_object (&self->bluesky);
      if (stopped (self, error))
        return;
      message = explain (self, error, FALSE);
      fail (self, message);
      return;
    }
  g_clear_pointer (&self->remote, desk_remote_account_free);
  self->remote = remote;
  if (stopped (self, NULL))
    {
      wipe_secret (self);
      g_clear_object (&self->bluesky);
      return;
    }
  /* Bluesky: the session is the secret kept */
  if (self->bluesky != NULL)
    {
      wipe_secret (self);
      self->secret = desk_bluesky_dup_session (self->bluesky);
      g_clear_object (&self->bluesky);
    }
  keep_secret (self);
}

/* Asks the server who the account of self->secret is */
static void
verify (DeskAccountDialog *self)
{
  g_autofree char *host = host_of (self->server);
  /* Translators: %s is a server's name ("piaille.fr") */
  g_autofree char *message = g_strdup_printf (_("Checking the account with %s…"), host);

  begin (self, message);
  if (self->network == DESK_NETWORK_MASTODON)
    {
      g_autoptr(DeskMastodon) mastodon = desk_mastodon_new (self->client, self->server, self->secret);

      desk_mastodon_verify_async (mastodon, self->cancellable, verified_cb, g_object_ref (self));
    }
  else if (self->network == DESK_NETWORK_BLUESKY)
    desk_bluesky_verify_async (self->bluesky, self->cancellable, verified_cb, g_object_ref (self));
  else
    {
      g_autoptr(DeskWordPress) wordpress = desk_wordpress_new (self->client, self->server, self->user, self->secret);

      desk_wordpress_verify_async (wordpress, self->cancellable, verified_cb, g_object_ref (self));
    }
}

/* Bluesky: the app password opened a session (or not); it is not needed
 * any more */
static void
logged_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(DeskAccountDialog) self = data;
  g_autoptr(GError) error = NULL;
  gboolean logged_in = desk_bluesky_login_finish (DESK_BLUESKY (source), result, &error);

  wipe_secret (self);
  if (!logged_in || stopped (self, NULL))
    {
      g_autofree char *message = NULL;

      g_clear_object (&self->bluesky);
      if (stopped (self, error))
        return;
      message = explain (self, error, FALSE);
      fail (self, message);
      return;
    }
  verify (self);
}

static void
token_obtained_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(DeskAccountDialog) self = data;
  g_autoptr(GError) error = NULL;
  char *token = desk_mastodon_obtain_token_finish (result, &error);

  if (token == NULL || stopped (self, NULL))
    {
      g_autofree char *message = NULL;

      if (token != NULL)
        {
          memset (token, 0, strlen (token));
          g_free (token);
        }
      if (stopped (self, error))
        return;
      message = explain (self, error, TRUE);
      fail (self, message);
      return;
    }
  wipe_secret (self);
  self->secret = token;
  verify (self);
}

/* The server's address, checked (https, except on this machine); said
 * when it is not one */
static char *
checked_server (DeskAccountDialog *self,
                AdwEntryRow       *row)
{
  g_autofree char *text = entry_text (row);
  g_autofree char *server = normalise_server (text);
  g_autoptr(GError) error = NULL;

  if (server == NULL)
    {
      if (self->network == DESK_NETWORK_MASTODON)
        fail (self, _("Type the instance’s name or address first."));
      else if (self->network == DESK_NETWORK_BLUESKY)
        fail (self, _("Type the service’s address first (https://bsky.social, or your own PDS)."));
      else
        fail (self, _("Type the site’s address first."));
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return NULL;
    }
  if (!desk_http_check_uri (server, &error))
    {
      fail (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return NULL;
    }
  return g_steal_pointer (&server);
}

static void
connect_mastodon (DeskAccountDialog *self)
{
  g_autofree char *code = entry_text (self->code_row);
  g_autofree char *token = entry_text (self->token_row);
  g_autofree char *host = NULL;
  g_autofree char *message = NULL;

  if ((self->server = checked_server (self, self->instance_row)) == NULL)
    return;
  if (code[0] == '\0' && token[0] == '\0')
    {
      fail (self, _("Paste the code the authorisation page shows, or an access token."));
      return;
    }
  if (code[0] == '\0')
    {
      self->secret = g_steal_pointer (&token);
      verify (self);
      return;
    }
  if (self->client_id == NULL || g_strcmp0 (self->app_instance, self->server) != 0)
    {
      fail (self, _("Open the authorisation page first: the code comes from it."));
      return;
    }
  host = host_of (self->server);
  /* Translators: %s is a server's name ("piaille.fr") */
  message = g_strdup_printf (_("Asking %s for the access token…"), host);
  begin (self, message);
  desk_mastodon_obtain_token_async (self->client, self->server, self->client_id, self->client_secret, code,
                                    self->code_verifier, self->cancellable, token_obtained_cb, g_object_ref (self));
}

static void
connect_wordpress (DeskAccountDialog *self)
{
  g_autofree char *user = entry_text (self->user_row);
  g_autofree char *password = entry_text (self->password_row);

  if ((self->server = checked_server (self, self->site_row)) == NULL)
    return;
  if (user[0] == '\0' || password[0] == '\0')
    {
      fail (self, _("Type the user and their application password."));
      return;
    }
  self->user = g_steal_pointer (&user);
  self->secret = g_steal_pointer (&password);
  verify (self);
}

/* "alice.bsky.social" of " @alice.bsky.social " */
static char *
bare_handle (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  return g_strdup (trimmed[0] == '@' ? trimmed + 1 : trimmed);
}

static void
connect_bluesky (DeskAccountDialog *self)
{
  g_autofree char *text = entry_text (self->handle_row);
  g_autofree char *handle = bare_handle (text);
  g_autofree char *password = entry_text (self->app_password_row);
  g_autofree char *host = NULL;
  g_autofree char *message = NULL;

  if ((self->server = checked_server (self, self->service_row)) == NULL)
    return;
  if (handle[0] == '\0')
    {
      fail (self, _("Type the account’s handle (e.g. alice.bsky.social)."));
      gtk_widget_grab_focus (GTK_WIDGET (self->handle_row));
      return;
    }
  if (password[0] == '\0')
    {
      fail (self, _("Type an app password (made on bsky.app), not the account’s own password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->app_password_row));
      return;
    }
  self->user = g_steal_pointer (&handle);
  self->secret = g_steal_pointer (&password);
  host = host_of (self->server);
  /* Translators: %s is a server's name ("bsky.social") */
  message = g_strdup_printf (_("Signing in to %s…"), host);
  begin (self, message);
  g_clear_object (&self->bluesky);
  self->bluesky = desk_bluesky_new (self->client, self->server);
  desk_bluesky_login_async (self->bluesky, self->user, self->secret, self->cancellable, logged_in_cb,
                            g_object_ref (self));
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskAccountDialog *self = DESK_ACCOUNT_DIALOG (widget);

  if (self->cancellable != NULL)
    return;
  wipe_secret (self);
  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->remote, desk_remote_account_free);
  g_clear_object (&self->bluesky);
  if (self->network == DESK_NETWORK_MASTODON)
    connect_mastodon (self);
  else if (self->network == DESK_NETWORK_BLUESKY)
    connect_bluesky (self);
  else
    connect_wordpress (self);
}

/* The authorisation page */

static void
say_not_opened (DeskAccountDialog *self,
                GError            *error)
{
  /* Translators: %s says why */
  g_autofree char *message = g_strdup_printf (_("The browser could not be opened (%s): copy the page’s address "
                                                "with the button next to it."), error->message);
  fail (self, message);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(DeskAccountDialog) self = data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) && !was_cancelled (error))
    say_not_opened (self, error);
}
#else
static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(DeskAccountDialog) self = data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) && !was_cancelled (error))
    say_not_opened (self, error);
}
#endif

/* In the browser (the OpenURI portal inside Flatpak) */
static void
show_uri (GtkWindow  *parent,
          const char *uri,
          gpointer    data)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, parent, NULL, launched_cb, g_object_ref (parent));
#else
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, shown_cb, g_object_ref (parent));
#endif
}

static void
open_authorize_page (DeskAccountDialog *self)
{
  g_clear_pointer (&self->code_verifier, g_free);
  g_clear_pointer (&self->authorize_uri, g_free);
  self->code_verifier = desk_mastodon_new_code_verifier ();
  self->authorize_uri = desk_mastodon_authorize_uri (self->app_instance, self->client_id, self->code_verifier);
  say (self, NULL, FALSE);
  adw_action_row_set_subtitle (self->authorize_row,
                               _("Opened in your browser: sign in, allow CommunityDesk, then paste the code it shows "
                                 "below."));
  gtk_widget_set_visible (self->copy_button, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
  uri_opener (GTK_WINDOW (self), self->authorize_uri, uri_opener_data);
}

static void
registered_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(DeskAccountDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *client_secret = NULL;

  if (!desk_mastodon_register_app_finish (result, &client_id, &client_secret, &error) || stopped (self, NULL))
    {
      if (stopped (self, error))
        return;
      g_clear_pointer (&self->app_instance, g_free);
      fail (self, error->message);
      return;
    }
  g_clear_object (&self->cancellable);
  g_free (self->client_id);
  self->client_id = g_steal_pointer (&client_id);
  g_free (self->client_secret);
  self->client_secret = g_steal_pointer (&client_secret);
  open_authorize_page (self);
}

/* CommunityDesk is registered on the instance once, then the page opens */
static void
authorize_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DeskAccountDialog *self = DESK_ACCOUNT_DIALOG (widget);
  g_autofree char *server = NULL;
  g_autofree char *host = NULL;
  g_autofree char *message = NULL;

  if (self->cancellable != NULL || (server = checked_server (self, self->instance_row)) == NULL)
    return;
  if (self->client_id != NULL && g_strcmp0 (self->app_instance, server) == 0)
    {
      open_authorize_page (self);
      return;
    }
  g_free (self->app_instance);
  self->app_instance = g_steal_pointer (&server);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->client_secret, g_free);
  host = host_of (self->app_instance);
  /* Translators: %s is a server's name ("piaille.fr") */
  message = g_strdup_printf (_("Registering CommunityDesk on %s…"), host);
  begin (self, message);
  desk_mastodon_register_app_async (self->client, self->app_instance, self->cancellable, registered_cb,
                                    g_object_ref (self));
}

static void
copy_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskAccountDialog *self = DESK_ACCOUNT_DIALOG (widget);

  if (self->authorize_uri != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->authorize_uri);
}

/* Another instance: the registration and the page were another's */
static void
on_instance_changed_cb (DeskAccountDialog *self)
{
  g_autofree char *text = entry_text (self->instance_row);
  g_autofree char *server = normalise_server (text);

  if (self->app_instance == NULL || g_strcmp0 (server, self->app_instance) == 0)
    return;
  g_clear_pointer (&self->authorize_uri, g_free);
  gtk_widget_set_visible (self->copy_button, FALSE);
  adw_action_row_set_subtitle (self->authorize_row, _("Opens in your browser"));
}

/* Closing (Cancel, Escape) stops what is under way */
static gboolean
desk_account_dialog_close_request (GtkWindow *window)
{
  DeskAccountDialog *self = DESK_ACCOUNT_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (desk_account_dialog_parent_class)->close_request (window);
}

static void
desk_account_dialog_dispose (GObject *object)
{
  DeskAccountDialog *self = DESK_ACCOUNT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->focus_before);

  G_OBJECT_CLASS (desk_account_dialog_parent_class)->dispose (object);
}

static void
desk_account_dialog_finalize (GObject *object)
{
  DeskAccountDialog *self = DESK_ACCOUNT_DIALOG (object);

  wipe_secret (self);
  if (self->client_secret != NULL)
    memset (self->client_secret, 0, strlen (self->client_secret));
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->channel);
  g_clear_object (&self->client);
  g_clear_object (&self->bluesky);
  g_free (self->app_instance);
  g_free (self->client_id);
  g_free (self->client_secret);
  g_free (self->code_verifier);
  g_free (self->authorize_uri);
  g_free (self->server);
  g_free (self->user);
  g_free (self->secret_key);
  g_free (self->status);
  g_clear_pointer (&self->remote, desk_remote_account_free);

  G_OBJECT_CLASS (desk_account_dialog_parent_class)->finalize (object);
}

static void
desk_account_dialog_class_init (DeskAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_account_dialog_dispose;
  object_class->finalize = desk_account_dialog_finalize;
  window_class->close_request = desk_account_dialog_close_request;

  /**
   * DeskAccountDialog::connected:
   *
   * The account was checked with the server, its secret kept in the
   * keyring and the account saved; the dialog closes.
   */
  signals[SIGNAL_CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, status_box);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, error_icon);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, page);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, mastodon_group);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, authorize_group);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, token_group);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, wordpress_group);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, instance_row);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, authorize_row);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, authorize_button);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, bluesky_group);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, service_row);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, handle_row);
  gtk_widget_class_bind_template_child (widget_class, DeskAccountDialog, app_password_row);
  gtk_widget_class_bind_template_callback (widget_class, on_instance_changed_cb);

  gtk_widget_class_install_action (widget_class, "account.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "account.authorize", NULL, authorize_action);
  gtk_widget_class_install_action (widget_class, "account.copy-uri", NULL, copy_uri_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* libadwaita 1.2's password rows show their text with an icon button
 * that has no accessible name: the last button under @widget is given
 * one */
static gboolean
name_peek_button (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_last_child (widget); c != NULL; c = gtk_widget_get_prev_sibling (c))
    {
      if (GTK_IS_BUTTON (c))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Show or hide the text"), -1);
          return TRUE;
        }
      if (name_peek_button (c))
        return TRUE;
    }
  return FALSE;
}

static void
desk_account_dialog_init (DeskAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_peek_button (GTK_WIDGET (self->token_row));
  name_peek_button (GTK_WIDGET (self->password_row));
  name_peek_button (GTK_WIDGET (self->app_password_row));
  self->client = desk_http_client_new ();
  /* Someone waits for the answer: one more try, not five, then it is said */
  g_object_set (self->client, "max-attempts", 2, "timeout", 20, NULL);
}

/**
 * desk_account_dialog_new:
 * @store: the workspace
 * @channel: a Mastodon, Bluesky or WordPress channel, saved
 *
 * Returns: (transfer floating): the dialog connecting @channel's account,
 *   filled with what it is connected to already, if anything
 */
GtkWidget *
desk_account_dialog_new (DeskStore   *store,
                         DeskChannel *channel)
{
  g_autoptr(DeskAccount) account = NULL;
  DeskAccountDialog *self;
  g_autofree char *subtitle = NULL;
  AdwEntryRow *server_row;
  const char *server;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_CHANNEL (channel), NULL);

  self = g_object_new (DESK_TYPE_ACCOUNT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->channel = g_object_ref (channel);
  self->network = desk_channel_get_network (channel);

  subtitle = g_strdup_printf ("%s · %s", desk_network_to_label (self->network), desk_channel_get_handle (channel));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->mastodon_group, self->network == DESK_NETWORK_MASTODON);
  gtk_widget_set_visible (self->authorize_group, self->network == DESK_NETWORK_MASTODON);
  gtk_widget_set_visible (self->token_group, self->network == DESK_NETWORK_MASTODON);
  gtk_widget_set_visible (self->wordpress_group, self->network == DESK_NETWORK_WORDPRESS);
  gtk_widget_set_visible (self->bluesky_group, self->network == DESK_NETWORK_BLUESKY);
  /* Three fields: no tall empty window under them (it scrolls if the text
   * is larger) */
  if (self->network != DESK_NETWORK_MASTODON)
    gtk_window_set_default_size (GTK_WINDOW (self), 560, 420);

  /* Reconnecting: where it was; else the channel's own address */
  account = desk_store_get_account (store, desk_channel_get_id (channel), NULL);
  server = account ? account->server : desk_channel_get_instance_url (channel);
  if (account != NULL)
    gtk_window_set_title (GTK_WINDOW (self), _("Reconnect the Account"));
  if (account != NULL)
    adw_window_title_set_title (self->window_title, _("Reconnect the Account"));
  if (self->network == DESK_NETWORK_MASTODON)
    server_row = self->instance_row;
  else if (self->network == DESK_NETWORK_BLUESKY)
    server_row = self->service_row;
  else
    server_row = self->site_row;
  if (self->network == DESK_NETWORK_BLUESKY && (server == NULL || server[0] == '\0'))
    server = DESK_BLUESKY_DEFAULT_SERVICE;
  gtk_editable_set_text (GTK_EDITABLE (server_row), server ? server : "");
  if (account != NULL && account->user_name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), account->user_name);
  /* Bluesky: the handle it was connected with, else the channel's */
  if (self->network == DESK_NETWORK_BLUESKY)
    {
      const char *known = account == NULL ? NULL
                          : account->user_name != NULL ? account->user_name : account->remote_handle;
      g_autofree char *handle = bare_handle (known != NULL ? known : desk_channel_get_handle (channel));

      gtk_editable_set_text (GTK_EDITABLE (self->handle_row), handle);
    }
  return GTK_WIDGET (self);
}

/* For the tests */

void
_desk_account_dialog_set_uri_opener (DeskUriOpener opener,
                                     gpointer      data)
{
  uri_opener = opener ? opener : show_uri;
  uri_opener_data = opener ? data : NULL;
}

const char *
_desk_account_dialog_get_status (DeskAccountDialog *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_DIALOG (self), NULL);

  return self->status;
}

gboolean
_desk_account_dialog_get_busy (DeskAccountDialog *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}
