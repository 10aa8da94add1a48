/* test-accounts-bluesky.c: connecting a Bluesky account, in Preferences
 *
 * Drives the real Preferences window against a real Bluesky network on
 * 127.0.0.1 (with-atproto.sh: PLC, PDS and AppView of @atproto/dev-env)
 * and a real keyring (with-keyring.sh, inside it): alice's handle and app
 * password open a session, the dialog shows who she is, and the keyring
 * keeps the session, never the app password; a wrong app password is said
 * in the dialog and nothing is kept; Cancel; Reconnect and Disconnect.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "desk-account-dialog-private.h"
#include "desk-account-row.h"
#include "desk-application.h"
#include "desk-preferences-window.h"
#include "desk-secrets.h"
#include "desk-window.h"
#include "ui-helpers.h"

static DeskApplication *app;

/* The network, from with-atproto.sh */
static struct
{
  const char *pds;
  const char *handle;
  const char *app_password;
  char       *host;
} lab;

typedef struct
{
  UiWorkspace  w;
  GtkWidget   *prefs;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ui_workspace_create (&f->w, "accounts-bluesky", TRUE, NULL);
  ui_workspace_present (&f->w, app, 1024, 700);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs left open by a failed assertion do not outlive the store */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (f->w.window))
        gtk_window_destroy (window);
    }
  spin ();
  ui_workspace_close (&f->w);
}

/* Alice's profile has a display name, as a real one has: set through the
 * PDS with her app password, then waited for until the AppView has it */

static JsonObject *
xrpc (SoupSession *session,
      const char  *method,
      const char  *nsid,
      const char  *query,
      const char  *jwt,
      const char  *body)
{
  g_autofree char *uri = g_strdup_printf ("%s/xrpc/%s%s%s", lab.pds, nsid, query ? "?" : "", query ? query : "");
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *bearer = jwt ? g_strconcat ("Bearer ", jwt, NULL) : NULL;
  JsonNode *root;

  if (bearer != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  if (soup_message_get_status (message) != SOUP_STATUS_OK)
    return NULL;
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), NULL));
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static void
give_alice_a_name (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonObject) login = NULL;
  g_autoptr(JsonObject) put = NULL;
  g_autofree char *body = NULL;
  g_autofree char *query = NULL;
  g_autofree char *did = NULL;
  g_autofree char *jwt = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean named = FALSE;

  body = g_strdup_printf ("{\"identifier\": \"%s\", \"password\": \"%s\"}", lab.handle, lab.app_password);
  login = xrpc (session, "POST", "com.atproto.server.createSession", NULL, NULL, body);
  g_assert_nonnull (login);
  did = g_strdup (json_object_get_string_member (login, "did"));
  jwt = g_strdup (json_object_get_string_member (login, "accessJwt"));
  g_free (body);
  body = g_strdup_printf ("{\"repo\": \"%s\", \"collection\": \"app.bsky.actor.profile\", \"rkey\": \"self\", "
                          "\"record\": {\"$type\": \"app.bsky.actor.profile\", \"displayName\": \"Alice\"}}", did);
  put = xrpc (session, "POST", "com.atproto.repo.putRecord", NULL, jwt, body);
  g_assert_nonnull (put);

  query = g_strconcat ("actor=", did, NULL);
  while (!named && g_get_monotonic_time () < deadline)
    {
      g_autoptr(JsonObject) profile = xrpc (session, "GET", "app.bsky.actor.getProfile", query, jwt, NULL);

      named = profile != NULL && json_object_has_member (profile, "displayName") &&
              g_strcmp0 (json_object_get_string_member (profile, "displayName"), "Alice") == 0;
      if (!named)
        g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (named);
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
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (find_toplevel (type) != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (find_toplevel (type));
}

static DeskChannel *
bluesky_channel (Fixture *f)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (f->w.store, desk_window_get_brand_id (f->w.window), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);

      if (desk_channel_get_network (channel) == DESK_NETWORK_BLUESKY)
        return g_steal_pointer (&channel);
    }
  g_assert_not_reached ();
}

static DeskAccount *
bluesky_account (Fixture *f)
{
  g_autoptr(DeskChannel) channel = bluesky_channel (f);

  return desk_store_get_account (f->w.store, desk_channel_get_id (channel), NULL);
}

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
is_bluesky_account_row (GtkWidget *widget,
                        gpointer   data)
{
  return DESK_IS_ACCOUNT_ROW (widget) &&
         desk_channel_get_network (desk_account_row_get_channel (DESK_ACCOUNT_ROW (widget))) == DESK_NETWORK_BLUESKY;
}

static GtkWidget *
account_row (Fixture *f)
{
  GtkWidget *row = find_descendant (f->prefs, is_bluesky_account_row, NULL);

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
row_button (GtkWidget  *row,
            const char *name)
{
  return template_child (row, DESK_TYPE_ACCOUNT_ROW, name);
}

static const char *
subtitle_of (GtkWidget *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static DeskAccountDialog *
open_dialog (Fixture    *f,
             const char *button)
{
  DeskAccountDialog *dialog;

  click (row_button (account_row (f), button));
  dialog = find_toplevel (DESK_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (GTK_WIDGET (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->prefs));
  return dialog;
}

static gpointer
child (DeskAccountDialog *dialog,
       const char        *name)
{
  return template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, name);
}

static const char *
field (DeskAccountDialog *dialog,
       const char        *name)
{
  return gtk_editable_get_text (child (dialog, name));
}

static void
set_field (DeskAccountDialog *dialog,
           const char        *name,
           const char        *text)
{
  gtk_editable_set_text (child (dialog, name), text);
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
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (secret != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      g_free (secret);
      secret = keyring_lookup (key);
    }
  g_assert_null (secret);
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

/* The keyring holds a session (JSON), not the app password */
static void
assert_session_kept (Fixture           *f,
                     const DeskAccount *account)
{
  g_autofree char *secret = keyring_lookup (account->secret_key);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (secret);
  g_assert_cmpstr (secret, !=, lab.app_password);
  g_assert_null (strstr (secret, lab.app_password));
  g_assert_true (json_parser_load_from_data (parser, secret, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  assert_not_in_workspace (f, secret);
  assert_not_in_workspace (f, lab.app_password);
}

/* Connected through the dialog opened by @button: alice on the lab's PDS */
static void
connect_alice (Fixture    *f,
               const char *button)
{
  DeskAccountDialog *dialog = open_dialog (f, button);

  set_field (dialog, "service_row", lab.pds);
  set_field (dialog, "handle_row", lab.handle);
  set_field (dialog, "app_password_row", lab.app_password);
  click (child (dialog, "connect_button"));
  wait_gone (DESK_TYPE_ACCOUNT_DIALOG);
}

/* The handle and app password: a session opened, checked, kept in the
 * keyring; the row says who the account is */
static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DeskAccount) account = NULL;
  g_autofree char *expected = NULL;
  DeskAccountDialog *dialog;
  GtkWidget *row;

  open_channels (f);
  row = account_row (f);
  g_assert_true (gtk_widget_get_visible (row_button (row, "connect_button")));
  g_assert_false (gtk_widget_get_visible (row_button (row, "disconnect_button")));
  g_assert_null (bluesky_account (f));

  /* Bluesky's fields only, filled with the channel's service and handle */
  dialog = open_dialog (f, "connect_button");
  g_assert_true (gtk_widget_get_visible (child (dialog, "bluesky_group")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "mastodon_group")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "token_group")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "wordpress_group")));
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (child (dialog, "app_password_row")));
  g_assert_cmpstr (field (dialog, "service_row"), ==, "https://bsky.social");
  g_assert_cmpstr (field (dialog, "handle_row"), ==, "fournildeshalles.bsky.social");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_gone (DESK_TYPE_ACCOUNT_DIALOG);

  connect_alice (f, "connect_button");
  account = bluesky_account (f);
  g_assert_nonnull (account);
  g_assert_cmpstr (account->server, ==, lab.pds);
  g_assert_cmpstr (account->user_name, ==, lab.handle);
  g_assert_true (g_str_has_prefix (account->remote_id, "did:"));
  g_assert_cmpstr (account->remote_handle, ==, lab.handle);
  g_assert_cmpstr (account->display_name, ==, "Alice");
  g_assert_false (account->needs_reconnect);
  assert_session_kept (f, account);

  expected = g_strdup_printf ("Connected as @%s (Alice) on %s", lab.handle, lab.host);
  g_assert_cmpstr (subtitle_of (row), ==, expected);
  g_assert_false (gtk_widget_get_visible (row_button (row, "connect_button")));
  g_assert_true (gtk_widget_get_visible (row_button (row, "disconnect_button")));

  /* Read again from the workspace: the same */
  close_channels (f);
  open_channels (f);
  g_assert_cmpstr (subtitle_of (account_row (f)), ==, expected);
  close_channels (f);
}

/* A wrong app password is said in the dialog, which stays; nothing is
 * kept. Nothing typed is said before anything is sent. */
static void
test_wrong_password (Fixture       *f,
                     gconstpointer  data)
{
  DeskAccountDialog *dialog;
  const char *status;

  open_channels (f);
  dialog = open_dialog (f, "connect_button");
  set_field (dialog, "service_row", lab.pds);
  set_field (dialog, "handle_row", lab.handle);
  set_field (dialog, "app_password_row", "aaaa-bbbb-cccc-dddd");
  click (child (dialog, "connect_button"));
  status = wait_idle (dialog);
  g_test_message ("%s", status);
  g_assert_nonnull (status);
  g_assert_nonnull (strstr (status, "refused this handle or app password"));
  g_assert_true (gtk_widget_get_visible (child (dialog, "status_box")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (bluesky_account (f));
  g_assert_true (gtk_widget_get_visible (row_button (account_row (f), "connect_button")));

  set_field (dialog, "app_password_row", "");
  click (child (dialog, "connect_button"));
  g_assert_nonnull (strstr (wait_idle (dialog), "app password"));

  set_field (dialog, "service_row", "");
  set_field (dialog, "app_password_row", lab.app_password);
  click (child (dialog, "connect_button"));
  g_assert_nonnull (strstr (wait_idle (dialog), "service"));

  /* Not https, not this machine */
  set_field (dialog, "service_row", "http://pds.example");
  click (child (dialog, "connect_button"));
  g_assert_nonnull (strstr (wait_idle (dialog), "https://"));
  g_assert_null (bluesky_account (f));

  gtk_window_close (GTK_WINDOW (dialog));
  wait_gone (DESK_TYPE_ACCOUNT_DIALOG);
  close_channels (f);
}

static void
finalized_cb (gpointer  data,
              GObject  *where)
{
  *(gboolean *) data = TRUE;
}

/* Cancel while signing in: the dialog goes, nothing is kept */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  DeskAccountDialog *dialog;
  gboolean finalized = FALSE;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  open_channels (f);
  dialog = open_dialog (f, "connect_button");
  g_object_weak_ref (G_OBJECT (dialog), finalized_cb, &finalized);
  set_field (dialog, "service_row", lab.pds);
  set_field (dialog, "handle_row", lab.handle);
  set_field (dialog, "app_password_row", lab.app_password);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.connect", NULL);
  g_assert_true (_desk_account_dialog_get_busy (dialog));
  click (child (dialog, "cancel_button"));
  while (!finalized && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (finalized);
  g_assert_null (bluesky_account (f));
  g_assert_true (gtk_widget_get_visible (row_button (account_row (f), "connect_button")));
  close_channels (f);
}

/* Put in Reconnect by the outbox: "Reconnect…" opens the dialog where it
 * was, a new session replaces the old one; then Disconnect removes the
 * account and its session */
static void
test_reconnect_disconnect (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(DeskAccount) first = NULL;
  g_autoptr(DeskAccount) second = NULL;
  g_autoptr(GError) error = NULL;
  DeskAccountDialog *dialog;
  AdwMessageDialog *ask;
  GtkWidget *row, *button;

  open_channels (f);
  connect_alice (f, "connect_button");
  first = bluesky_account (f);
  g_assert_nonnull (first);
  g_assert_true (desk_store_set_account_state (f->w.store, first->channel_id, TRUE,
                                               "Bluesky no longer accepts this account’s connection: reconnect it.",
                                               &error));
  g_assert_no_error (error);
  row = account_row (f);
  desk_account_row_refresh (DESK_ACCOUNT_ROW (row));
  g_assert_true (desk_account_row_get_warning (DESK_ACCOUNT_ROW (row)));
  g_assert_true (g_str_has_prefix (subtitle_of (row), "@alice.test on "));

  dialog = open_dialog (f, "reconnect_button");
  g_assert_cmpstr (field (dialog, "service_row"), ==, lab.pds);
  g_assert_cmpstr (field (dialog, "handle_row"), ==, lab.handle);
  g_assert_cmpstr (field (dialog, "app_password_row"), ==, "");
  set_field (dialog, "app_password_row", lab.app_password);
  click (child (dialog, "connect_button"));
  wait_gone (DESK_TYPE_ACCOUNT_DIALOG);

  second = bluesky_account (f);
  g_assert_false (second->needs_reconnect);
  g_assert_cmpstr (second->secret_key, !=, first->secret_key);
  g_assert_cmpstr (second->remote_id, ==, first->remote_id);
  assert_session_kept (f, second);
  wait_secret_gone (first->secret_key);
  g_assert_false (desk_account_row_get_warning (DESK_ACCOUNT_ROW (row)));
  g_assert_nonnull (strstr (subtitle_of (row), "Connected as @alice.test"));

  click (row_button (row, "disconnect_button"));
  ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  wait_mapped (GTK_WIDGET (ask));
  adw_message_dialog_response (ask, "disconnect");
  gtk_window_destroy (GTK_WINDOW (ask));
  spin ();
  g_assert_null (bluesky_account (f));
  wait_secret_gone (second->secret_key);
  button = row_button (row, "connect_button");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_nonnull (strstr (subtitle_of (row), "Not connected"));
  close_channels (f);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GUri) uri = NULL;
  int ret;

  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  lab.pds = g_getenv ("ATPROTO_LAB_PDS_URL");
  lab.handle = g_getenv ("ATPROTO_LAB_ALICE_HANDLE");
  lab.app_password = g_getenv ("ATPROTO_LAB_ALICE_APP_PASSWORD");
  if (lab.pds == NULL || lab.handle == NULL || lab.app_password == NULL)
    {
      g_test_skip ("no Bluesky network: run through tests/with-atproto.sh");
      return g_test_run ();
    }
  uri = g_uri_parse (lab.pds, G_URI_FLAGS_NONE, NULL);
  g_assert_nonnull (uri);
  lab.host = g_strdup (g_uri_get_host (uri));
  give_alice_a_name ();

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/accounts/bluesky/connect", Fixture, NULL, fixture_set_up, test_connect, fixture_tear_down);
  g_test_add ("/accounts/bluesky/wrong-password", Fixture, NULL, fixture_set_up, test_wrong_password,
              fixture_tear_down);
  g_test_add ("/accounts/bluesky/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/accounts/bluesky/reconnect-disconnect", Fixture, NULL, fixture_set_up, test_reconnect_disconnect,
              fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  g_free (lab.host);
  return ret;
}
