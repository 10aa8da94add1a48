/* test-accounts.c: connecting an account to a channel, in Preferences
 *
 * Drives the real Preferences window (issue 13) against the Mastodon
 * contract server on 127.0.0.1 and a real keyring (with-keyring.sh): an
 * access token, a wrong one, the authorisation page and its code (the
 * browser replaced by a recorder), Cancel, WordPress's inline errors,
 * disconnecting, and an account the outbox put in Reconnect. Each time
 * the row, the workspace and the keyring are looked at; the secret is
 * never in the workspace's file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <string.h>

#include "desk-account-dialog-private.h"
#include "desk-account-row.h"
#include "desk-application.h"
#include "desk-preferences-window.h"
#include "desk-secrets.h"
#include "desk-window.h"
#include "mastodon-server.h"
#include "ui-helpers.h"

static DeskApplication *app;

typedef struct
{
  UiWorkspace     w;
  MastodonServer *server;
  GtkWidget      *prefs;
  char           *opened_uri;   /* what the dialog asked the browser to open */
} Fixture;

static void
record_uri (GtkWindow  *parent,
            const char *uri,
            gpointer    data)
{
  Fixture *f = data;

  g_free (f->opened_uri);
  f->opened_uri = g_strdup (uri);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ui_workspace_create (&f->w, "accounts", TRUE, NULL);
  ui_workspace_present (&f->w, app, 1024, 700);
  f->server = mastodon_server_new ();
  _desk_account_dialog_set_uri_opener (record_uri, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  _desk_account_dialog_set_uri_opener (NULL, NULL);
  /* Dialogs left open by a failed assertion do not outlive the store */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (f->w.window))
        gtk_window_destroy (window);
    }
  spin ();
  ui_workspace_close (&f->w);
  g_clear_pointer (&f->server, mastodon_server_free);
  g_clear_pointer (&f->opened_uri, g_free);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

/* Until no window of @type is left */
static void
wait_gone (GType type)
{
  for (int i = 0; i < 2000 && find_toplevel (type) != NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (find_toplevel (type));
}

static DeskChannel *
channel_of (Fixture     *f,
            DeskNetwork  network)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (f->w.store, desk_window_get_brand_id (f->w.window), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);

      if (desk_channel_get_network (channel) == network)
        return g_steal_pointer (&channel);
    }
  g_assert_not_reached ();
}

/* Preferences › Channels, from the application's menu */
static void
open_channels (Fixture *f)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  f->prefs = find_toplevel (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (f->prefs);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->prefs), "channels");
  wait_mapped (f->prefs);
}

static void
close_channels (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->prefs));
  f->prefs = NULL;
  spin ();
}

static gboolean
is_account_row_of (GtkWidget *widget,
                   gpointer   network)
{
  return DESK_IS_ACCOUNT_ROW (widget) &&
         desk_channel_get_network (desk_account_row_get_channel (DESK_ACCOUNT_ROW (widget))) == (DeskNetwork) GPOINTER_TO_INT (network);
}

static GtkWidget *
account_row (Fixture     *f,
             DeskNetwork  network)
{
  GtkWidget *row = find_descendant (f->prefs, is_account_row_of, GINT_TO_POINTER (network));

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
row_button (GtkWidget  *row,
            const char *name)
{
  return template_child (row, DESK_TYPE_ACCOUNT_ROW, name);
}

static DeskAccountDialog *
open_dialog (Fixture    *f,
             DeskNetwork network,
             const char *button)
{
  DeskAccountDialog *dialog;

  click (row_button (account_row (f, network), button));
  dialog = find_toplevel (DESK_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (GTK_WIDGET (dialog));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->prefs));
  return dialog;
}

static void
set_field (DeskAccountDialog *dialog,
           const char        *name,
           const char        *text)
{
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, name), text);
}

static void
press (DeskAccountDialog *dialog,
       const char        *name)
{
  click (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, name));
}

/* Until the dialog waits for nothing; what it says then */
static const char *
wait_idle (DeskAccountDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (_desk_account_dialog_get_busy (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (_desk_account_dialog_get_busy (dialog));
  spin ();
  return _desk_account_dialog_get_status (dialog);
}

static DeskAccount *
account_of (Fixture     *f,
            DeskNetwork  network)
{
  g_autoptr(DeskChannel) channel = channel_of (f, network);

  return desk_store_get_account (f->w.store, desk_channel_get_id (channel), NULL);
}

/* Neither the workspace nor its journal holds @secret */
static void
assert_not_in_workspace (Fixture    *f,
                         const char *secret)
{
  const char *suffixes[] = { "", "-wal", "-journal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->w.path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      g_assert_null (memmem (contents, length, secret, strlen (secret)));
    }
}

static char *
keyring_lookup (const char *key)
{
  g_autoptr(GError) error = NULL;
  char *secret = desk_secrets_lookup_sync (key, NULL, &error);

  g_assert_no_error (error);
  return secret;
}

/* Until the keyring has no secret under @key (removed in a thread) */
static void
wait_secret_gone (const char *key)
{
  g_autofree char *secret = keyring_lookup (key);

  for (int i = 0; i < 200 && secret != NULL; i++)
    {
      g_main_context_iteration (NULL, TRUE);
      g_free (secret);
      secret = keyring_lookup (key);
    }
  g_assert_null (secret);
}

static const char *
subtitle_of (GtkWidget *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The Mastodon channel connected with an access token */
static void
connect_with_token (Fixture    *f,
                    const char *button)
{
  DeskAccountDialog *dialog = open_dialog (f, DESK_NETWORK_MASTODON, button);

  set_field (dialog, "instance_row", f->server->url);
  set_field (dialog, "token_row", MASTODON_TOKEN);
  press (dialog, "connect_button");
  wait_gone (DESK_TYPE_ACCOUNT_DIALOG);
}

/* An access token: checked, kept in the keyring, never in the workspace;
 * the row says who the account is */
static void
test_token (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DeskAccount) account = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *row;

  open_channels (f);
  row = account_row (f, DESK_NETWORK_MASTODON);
  g_assert_true (gtk_widget_get_visible (row_button (row, "connect_button")));
  g_assert_false (gtk_widget_get_visible (row_button (row, "disconnect_button")));
  g_assert_null (account_of (f, DESK_NETWORK_MASTODON));

  connect_with_token (f, "connect_button");
  account = account_of (f, DESK_NETWORK_MASTODON);
  g_assert_nonnull (account);
  g_assert_cmpstr (account->server, ==, f->server->url);
  g_assert_cmpstr (account->remote_id, ==, "109");
  g_assert_cmpstr (account->remote_handle, ==, "fournil");
  g_assert_cmpstr (account->display_name, ==, "Le Fournil des Halles");
  g_assert_false (account->needs_reconnect);
  secret = keyring_lookup (account->secret_key);
  g_assert_cmpstr (secret, ==, MASTODON_TOKEN);
  assert_not_in_workspace (f, MASTODON_TOKEN);

  expected = g_strdup_printf ("Connected as @fournil (Le Fournil des Halles) on %s", "127.0.0.1");
  g_assert_cmpstr (subtitle_of (row), ==, expected);
  g_assert_false (gtk_widget_get_visible (row_button (row, "connect_button")));
  g_assert_true (gtk_widget_get_visible (row_button (row, "disconnect_button")));
  g_assert_false (desk_account_row_get_warning (DESK_ACCOUNT_ROW (row)));

  /* Read again from the workspace: the same */
  close_channels (f);
  open_channels (f);
  g_assert_cmpstr (subtitle_of (account_row (f, DESK_NETWORK_MASTODON)), ==, expected);
  close_channels (f);
}

/* A refused token is said in the dialog, which stays; nothing is kept */
static void
test_wrong_token (Fixture       *f,
                  gconstpointer  data)
{
  DeskAccountDialog *dialog;
  const char *status;

  open_channels (f);
  dialog = open_dialog (f, DESK_NETWORK_MASTODON, "connect_button");
  set_field (dialog, "instance_row", f->server->url);
  set_field (dialog, "token_row", "tok-someone-else");
  press (dialog, "connect_button");
  status = wait_idle (dialog);
  g_assert_nonnull (status);
  g_assert_nonnull (strstr (status, "refused this access token"));
  g_assert_true (gtk_widget_get_visible (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "status_box")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (account_of (f, DESK_NETWORK_MASTODON));
  g_assert_true (gtk_widget_get_visible (row_button (account_row (f, DESK_NETWORK_MASTODON), "connect_button")));

  /* Not https, not this machine: said before anything is sent */
  set_field (dialog, "instance_row", "http://piaille.example");
  set_field (dialog, "token_row", MASTODON_TOKEN);
  press (dialog, "connect_button");
  status = wait_idle (dialog);
  g_assert_nonnull (strstr (status, "https://"));
  g_assert_null (account_of (f, DESK_NETWORK_MASTODON));

  /* Nothing to connect with */
  set_field (dialog, "instance_row", f->server->url);
  set_field (dialog, "token_row", "");
  press (dialog, "connect_button");
  g_assert_nonnull (strstr (wait_idle (dialog), "access token"));

  /* Then the right one: connected */
  set_field (dialog, "token_row", MASTODON_TOKEN);
  press (dialog, "connect_button");
  wait_gone (DESK_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (strstr (subtitle_of (account_row (f, DESK_NETWORK_MASTODON)), "@fournil"));
  close_channels (f);
}

/* The authorisation page: CommunityDesk registered, the page opened with
 * PKCE and the out-of-band redirect; the code pasted back */
static void
test_authorisation_code (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(DeskAccount) account = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *prefix = NULL;
  DeskAccountDialog *dialog;
  const char *status;

  open_channels (f);
  dialog = open_dialog (f, DESK_NETWORK_MASTODON, "connect_button");

  /* A code before the page: said */
  set_field (dialog, "instance_row", f->server->url);
  set_field (dialog, "code_row", MASTODON_CODE);
  press (dialog, "connect_button");
  g_assert_nonnull (strstr (wait_idle (dialog), "authorisation page first"));

  press (dialog, "authorize_button");
  for (int i = 0; i < 2000 && f->opened_uri == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (f->opened_uri);
  prefix = g_strconcat (f->server->url, "/oauth/authorize?", NULL);
  g_assert_true (g_str_has_prefix (f->opened_uri, prefix));
  g_assert_nonnull (strstr (f->opened_uri, "client_id=cid-1"));
  g_assert_nonnull (strstr (f->opened_uri, "response_type=code"));
  g_assert_nonnull (strstr (f->opened_uri, "redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob"));
  g_assert_nonnull (strstr (f->opened_uri, "code_challenge_method=S256"));
  g_assert_nonnull (strstr (f->opened_uri, "code_challenge="));
  g_assert_null (_desk_account_dialog_get_status (dialog));
  g_assert_true (gtk_widget_get_visible (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "copy_button")));
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "code_row")), ==, "");

  /* A wrong code: said, nothing kept */
  set_field (dialog, "code_row", "bad-code");
  press (dialog, "connect_button");
  status = wait_idle (dialog);
  g_assert_nonnull (strstr (status, "refused this code"));
  g_assert_null (account_of (f, DESK_NETWORK_MASTODON));

  /* The page again (the same registration), then the right code */
  g_clear_pointer (&f->opened_uri, g_free);
  press (dialog, "authorize_button");
  for (int i = 0; i < 2000 && f->opened_uri == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (f->opened_uri, prefix));
  set_field (dialog, "code_row", MASTODON_CODE);
  press (dialog, "connect_button");
  wait_gone (DESK_TYPE_ACCOUNT_DIALOG);

  account = account_of (f, DESK_NETWORK_MASTODON);
  g_assert_nonnull (account);
  g_assert_cmpstr (account->remote_handle, ==, "fournil");
  secret = keyring_lookup (account->secret_key);
  g_assert_cmpstr (secret, ==, MASTODON_TOKEN);
  assert_not_in_workspace (f, MASTODON_TOKEN);
  assert_not_in_workspace (f, "csecret-1");
  g_assert_nonnull (strstr (subtitle_of (account_row (f, DESK_NETWORK_MASTODON)), "Connected as @fournil"));
  close_channels (f);
}

static void
finalized_cb (gpointer  data,
              GObject  *where)
{
  *(gboolean *) data = TRUE;
}

/* Cancel while the server is asked: the dialog goes, nothing is kept */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  DeskAccountDialog *dialog;
  gboolean finalized = FALSE;

  open_channels (f);
  dialog = open_dialog (f, DESK_NETWORK_MASTODON, "connect_button");
  g_object_weak_ref (G_OBJECT (dialog), finalized_cb, &finalized);
  set_field (dialog, "instance_row", f->server->url);
  set_field (dialog, "token_row", MASTODON_TOKEN);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.connect", NULL);
  g_assert_true (_desk_account_dialog_get_busy (dialog));
  /* Responsive: Cancel is there to be pressed */
  press (dialog, "cancel_button");
  for (int i = 0; i < 2000 && !finalized; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (finalized);
  g_assert_null (find_toplevel (DESK_TYPE_ACCOUNT_DIALOG));
  g_assert_null (account_of (f, DESK_NETWORK_MASTODON));
  g_assert_true (gtk_widget_get_visible (row_button (account_row (f, DESK_NETWORK_MASTODON), "connect_button")));
  close_channels (f);
}

/* WordPress: the site, the user and an application password; what is
 * wrong is said in the dialog */
static void
test_wordpress_errors (Fixture       *f,
                       gconstpointer  data)
{
  DeskAccountDialog *dialog;
  const char *status;

  open_channels (f);
  dialog = open_dialog (f, DESK_NETWORK_WORDPRESS, "connect_button");
  g_assert_false (gtk_widget_get_visible (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "mastodon_group")));
  g_assert_true (gtk_widget_get_visible (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "wordpress_group")));
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "password_row")));
  /* The channel's own address, to start with */
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "site_row")), ==,
                   "https://blog.fournil-des-halles.fr");

  set_field (dialog, "site_row", "http://blog.example.org");
  set_field (dialog, "user_row", "admin");
  set_field (dialog, "password_row", "abcd efgh ijkl mnop qrst uvwx");
  press (dialog, "connect_button");
  status = wait_idle (dialog);
  g_assert_nonnull (strstr (status, "is not encrypted"));

  set_field (dialog, "site_row", "https://blog.example.org");
  set_field (dialog, "password_row", "");
  press (dialog, "connect_button");
  g_assert_nonnull (strstr (wait_idle (dialog), "application password"));

  /* Nobody listens there: the connector's words */
  set_field (dialog, "site_row", "https://127.0.0.1:9");
  set_field (dialog, "password_row", "abcd efgh ijkl mnop qrst uvwx");
  press (dialog, "connect_button");
  status = wait_idle (dialog);
  g_assert_nonnull (status);
  g_test_message ("%s", status);
  g_assert_null (account_of (f, DESK_NETWORK_WORDPRESS));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_gone (DESK_TYPE_ACCOUNT_DIALOG);
  close_channels (f);
}

static gboolean
is_button_labelled (GtkWidget *widget,
                    gpointer   label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Presses the question's button labelled @label, as the user does */
static void
answer (AdwMessageDialog *ask,
        const char       *label)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (ask), is_button_labelled, (gpointer) label);

  g_assert_nonnull (button);
  click (button);
  wait_gone (ADW_TYPE_MESSAGE_DIALOG);
}

/* Disconnect asks first; then the account and its secret go */
static void
test_disconnect (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DeskAccount) account = NULL;
  g_autoptr(DeskAccount) still = NULL;
  AdwMessageDialog *ask;
  GtkWidget *row;

  open_channels (f);
  connect_with_token (f, "connect_button");
  account = account_of (f, DESK_NETWORK_MASTODON);
  g_assert_nonnull (account);
  row = account_row (f, DESK_NETWORK_MASTODON);

  /* Asked, and Cancel keeps it */
  click (row_button (row, "disconnect_button"));
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  wait_mapped (GTK_WIDGET (ask));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ask), "@fournil@piaille.fr"));
  answer (ask, "_Cancel");
  still = account_of (f, DESK_NETWORK_MASTODON);
  g_assert_nonnull (still);

  click (row_button (row, "disconnect_button"));
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  wait_mapped (GTK_WIDGET (ask));
  answer (ask, "_Disconnect");
  g_assert_null (account_of (f, DESK_NETWORK_MASTODON));
  wait_secret_gone (account->secret_key);
  g_assert_true (gtk_widget_get_visible (row_button (row, "connect_button")));
  g_assert_false (gtk_widget_get_visible (row_button (row, "disconnect_button")));
  g_assert_nonnull (strstr (subtitle_of (row), "Not connected"));
  close_channels (f);
}

/* An account whose token stopped working: a warning and the reason;
 * "Reconnect…" connects it again and its old secret goes */
static void
test_reconnect (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DeskChannel) channel = channel_of (f, DESK_NETWORK_MASTODON);
  g_autoptr(DeskAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason = "The server no longer accepts this account’s connection: reconnect it (The access token was revoked).";
  DeskAccount old = { 0 };
  DeskAccountDialog *dialog;
  GtkWidget *row;

  old.channel_id = desk_channel_get_id (channel);
  old.secret_key = (char *) "old-key-of-the-test";
  old.server = f->server->url;
  old.remote_id = (char *) "109";
  old.remote_handle = (char *) "fournil";
  old.display_name = (char *) "Le Fournil des Halles";
  g_assert_true (desk_secrets_store_sync (old.secret_key, "test", "tok-revoked", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (desk_store_save_account (f->w.store, &old, &error));
  g_assert_true (desk_store_set_account_state (f->w.store, old.channel_id, TRUE, reason, &error));
  g_assert_no_error (error);

  open_channels (f);
  row = account_row (f, DESK_NETWORK_MASTODON);
  g_assert_true (desk_account_row_get_warning (DESK_ACCOUNT_ROW (row)));
  g_assert_true (gtk_widget_get_visible (row_button (row, "reconnect_button")));
  g_assert_true (gtk_widget_get_visible (row_button (row, "disconnect_button")));
  g_assert_false (gtk_widget_get_visible (row_button (row, "connect_button")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Account to Reconnect");
  g_assert_true (g_str_has_prefix (subtitle_of (row), "@fournil on 127.0.0.1: "));
  g_assert_nonnull (strstr (subtitle_of (row), "The access token was revoked"));

  /* Reconnect…: where it was */
  dialog = open_dialog (f, DESK_NETWORK_MASTODON, "reconnect_button");
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "instance_row")), ==,
                   f->server->url);
  set_field (dialog, "token_row", MASTODON_TOKEN);
  press (dialog, "connect_button");
  wait_gone (DESK_TYPE_ACCOUNT_DIALOG);

  account = account_of (f, DESK_NETWORK_MASTODON);
  g_assert_false (account->needs_reconnect);
  g_assert_null (account->last_error);
  g_assert_cmpstr (account->secret_key, !=, old.secret_key);
  wait_secret_gone (old.secret_key);
  g_assert_false (desk_account_row_get_warning (DESK_ACCOUNT_ROW (row)));
  g_assert_false (gtk_widget_get_visible (row_button (row, "reconnect_button")));
  g_assert_nonnull (strstr (subtitle_of (row), "Connected as @fournil"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Account");
  close_channels (f);
}

/* Prepare-only channels have no account to connect */
static void
test_prepare_only (Fixture       *f,
                   gconstpointer  data)
{
  open_channels (f);
  g_assert_null (find_descendant (f->prefs, is_account_row_of, GINT_TO_POINTER (DESK_NETWORK_INSTAGRAM)));
  close_channels (f);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/accounts/token", Fixture, NULL, fixture_set_up, test_token, fixture_tear_down);
  g_test_add ("/accounts/wrong-token", Fixture, NULL, fixture_set_up, test_wrong_token, fixture_tear_down);
  g_test_add ("/accounts/authorisation-code", Fixture, NULL, fixture_set_up, test_authorisation_code,
              fixture_tear_down);
  g_test_add ("/accounts/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/accounts/wordpress-errors", Fixture, NULL, fixture_set_up, test_wordpress_errors, fixture_tear_down);
  g_test_add ("/accounts/disconnect", Fixture, NULL, fixture_set_up, test_disconnect, fixture_tear_down);
  g_test_add ("/accounts/reconnect", Fixture, NULL, fixture_set_up, test_reconnect, fixture_tear_down);
  g_test_add ("/accounts/prepare-only", Fixture, NULL, fixture_set_up, test_prepare_only, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
