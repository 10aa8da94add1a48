/* desk-cli-sync.c: accounts, sync and the outbox from the command line
 *
 *   accounts connect --channel NAME --server URL [--user NAME] --secret-stdin
 *   accounts list
 *   accounts remove --channel NAME
 *   sync [--channel NAME] [--push-only | --pull-only]
 *   outbox [--json]
 *
 * For cron or a systemd timer. A secret is only ever read from standard
 * input (never an argument, which other users can see in ps), checked
 * against the server at once, and kept in the keyring; nothing prints it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "desk-cli.h"
#include "desk-bluesky.h"
#include "desk-json.h"
#include "desk-mastodon.h"
#include "desk-outbox.h"
#include "desk-pull.h"
#include "desk-secrets.h"
#include "desk-wordpress.h"

/* The channel whose handle is @name, in any brand; one line when none or
 * several have it */
static DeskChannel *
find_channel (DeskStore   *store,
              const char  *name,
              GError     **error)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (store, 0, error);
  DeskChannel *found = NULL;
  guint n = 0;

  if (channels == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);

      if (g_ascii_strcasecmp (desk_channel_get_handle (channel), name) == 0)
        {
          n++;
          g_set_object (&found, channel);
        }
    }
  if (n == 1)
    return found;
  g_clear_object (&found);
  if (n == 0)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("no channel is called “%s”"), name);
  else
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                 _("%u channels are called “%s”: rename one in Preferences › Channels"), n, name);
  return NULL;
}

static char *
channel_name (GHashTable *channels,
              gint64      id)
{
  DeskChannel *channel = g_hash_table_lookup (channels, &id);

  return g_strdup (channel != NULL ? desk_channel_get_handle (channel) : "?");
}

/* Runs the main context until @result is set */
static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* The whole of standard input, without its final line break */
static char *
read_secret (GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[1024];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0 && text->len < 64 * 1024)
    g_string_append_len (text, buffer, (gssize) n);
  memset (buffer, 0, sizeof buffer);
  while (text->len > 0 && (text->str[text->len - 1] == '\n' || text->str[text->len - 1] == '\r'))
    g_string_truncate (text, text->len - 1);
  if (text->len == 0 || memchr (text->str, '\0', text->len) != NULL || !g_utf8_validate (text->str, text->len, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("no secret on standard input (the access token or application password)"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
wipe_free (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

typedef char SecretText;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecretText, wipe_free)

static int
accounts_connect (DeskStore  *store,
                  const char *channel_handle,
                  const char *server,
                  const char *user,
                  gboolean    secret_stdin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskChannel) channel = NULL;
  g_autoptr(SecretText) secret = NULL;
  g_autoptr(DeskHttpClient) client = desk_http_client_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DeskRemoteAccount) remote = NULL;
  g_autoptr(DeskAccount) previous = NULL;
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;
  DeskAccount account = { 0 };
  DeskNetwork network;

  if (channel_handle == NULL || server == NULL)
    return desk_cli_fail (_("accounts connect needs --channel NAME and --server URL"));
  if (!secret_stdin)
    return desk_cli_fail (_("give the secret on standard input with --secret-stdin, never as an argument"));
  if ((channel = find_channel (store, channel_handle, &error)) == NULL)
    return desk_cli_fail (error->message);
  network = desk_channel_get_network (channel);
  if (network != DESK_NETWORK_MASTODON && network != DESK_NETWORK_WORDPRESS && network != DESK_NETWORK_BLUESKY)
    {
      g_autofree char *message = g_strdup_printf (_("%s channels are published by hand: there is no account to connect"),
                                                  desk_network_to_label (network));
      return desk_cli_fail (message);
    }
  if (network == DESK_NETWORK_WORDPRESS && (user == NULL || user[0] == '\0'))
    return desk_cli_fail (_("a WordPress account needs --user NAME (the user the application password belongs to)"));
  if (!desk_http_check_uri (server, &error) || (secret = read_secret (&error)) == NULL)
    return desk_cli_fail (error->message);

  /* Who it is, asked of the server before anything is kept */
  if (network == DESK_NETWORK_MASTODON)
    {
      g_autoptr(DeskMastodon) mastodon = desk_mastodon_new (client, server, secret);

      desk_mastodon_verify_async (mastodon, NULL, done_cb, &result);
      remote = desk_mastodon_verify_finish (mastodon, wait_for (&result), &error);
    }
  else if (network == DESK_NETWORK_WORDPRESS)
    {
      g_autoptr(DeskWordPress) wordpress = desk_wordpress_new (client, server, user, secret);

      desk_wordpress_verify_async (wordpress, NULL, done_cb, &result);
      remote = desk_wordpress_verify_finish (wordpress, wait_for (&result), &error);
    }
  else
    {
      /* Bluesky: the app password opens a session; the session (its
       * refresh token) is what the keyring keeps */
      g_autoptr(DeskBluesky) bluesky = desk_bluesky_new (client, server);
      g_autoptr(GAsyncResult) verified = NULL;
      const char *identifier = user != NULL ? user : desk_channel_get_handle (channel);

      if (identifier[0] == '@')
        identifier++;
      desk_bluesky_login_async (bluesky, identifier, secret, NULL, done_cb, &result);
      if (desk_bluesky_login_finish (bluesky, wait_for (&result), &error))
        {
          desk_bluesky_verify_async (bluesky, NULL, done_cb, &verified);
          remote = desk_bluesky_verify_finish (bluesky, wait_for (&verified), &error);
        }
      if (remote != NULL)
        {
          memset (secret, 0, strlen (secret));
          g_free (secret);
          secret = desk_bluesky_dup_session (bluesky);
        }
    }
  if (remote == NULL)
    return desk_cli_fail (error->message);

  key = g_uuid_string_random ();
  label = g_strdup_printf (_("CommunityDesk: %s on %s"), desk_channel_get_handle (channel), server);
  if (!desk_secrets_store_sync (key, label, secret, NULL, &error))
    return desk_cli_fail (error->message);
  previous = desk_store_get_account (store, desk_channel_get_id (channel), NULL);
  account.channel_id = desk_channel_get_id (channel);
  account.secret_key = key;
  account.server = (char *) server;
  account.user_name = (char *) user;
  account.remote_id = remote->id;
  account.remote_handle = remote->handle;
  account.display_name = remote->display_name;
  if (!desk_store_save_account (store, &account, &error))
    {
      desk_secrets_clear_sync (key, NULL, NULL);
      return desk_cli_fail (error->message);
    }
  /* Reconnected: the old secret goes */
  if (previous != NULL)
    desk_secrets_clear_sync (previous->secret_key, NULL, NULL);

  shown = desk_cli_terminal_safe (remote->handle ? remote->handle : "", TRUE);
  g_print (_("Connected %s on %s to the channel “%s”.\n"), shown, server, desk_channel_get_handle (channel));
  return 0;
}

static int
accounts_list (DeskStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = desk_store_list_accounts (store, &error);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GHashTable) channels = NULL;

  if (accounts == NULL || (list = desk_store_list_channels (store, 0, &error)) == NULL)
    return desk_cli_fail (error->message);
  channels = desk_store_index_by_id (list);
  for (guint i = 0; i < accounts->len; i++)
    {
      DeskAccount *account = g_ptr_array_index (accounts, i);
      DeskChannel *channel = g_hash_table_lookup (channels, &account->channel_id);
      g_autofree char *handle = desk_cli_terminal_safe (account->remote_handle ? account->remote_handle : "", TRUE);
      g_autofree char *server = desk_cli_terminal_safe (account->server, TRUE);

      /* CHANNEL NETWORK SERVER HANDLE STATE */
      g_print ("%s\t%s\t%s\t%s\t%s\n", channel ? desk_channel_get_handle (channel) : "?",
               channel ? desk_network_to_id (desk_channel_get_network (channel)) : "?", server, handle,
               account->needs_reconnect ? "reconnect" : "connected");
    }
  return 0;
}

static int
accounts_remove (DeskStore  *store,
                 const char *channel_handle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskChannel) channel = NULL;
  g_autoptr(DeskAccount) account = NULL;

  if (channel_handle == NULL)
    return desk_cli_fail (_("accounts remove needs --channel NAME"));
  if ((channel = find_channel (store, channel_handle, &error)) == NULL ||
      (account = desk_store_get_account (store, desk_channel_get_id (channel), &error)) == NULL ||
      !desk_store_delete_account (store, desk_channel_get_id (channel), &error))
    return desk_cli_fail (error->message);
  /* Its secret goes with it */
  if (!desk_secrets_clear_sync (account->secret_key, NULL, &error))
    return desk_cli_fail (error->message);
  g_print (_("Account of “%s” removed, and its secret.\n"), desk_channel_get_handle (channel));
  return 0;
}

/**
 * desk_cli_accounts:
 *
 * `accounts connect|list|remove`
 */
int
desk_cli_accounts (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  gboolean secret_stdin = FALSE;
  const char *action;
  GOptionEntry entries[] = {
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, N_("connect, remove: the channel's handle or name"), N_("NAME") },
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("connect: the instance or site (https://…)"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("connect: the WordPress user"), N_("NAME") },
    { "secret-stdin", 0, 0, G_OPTION_ARG_NONE, &secret_stdin,
      N_("connect: read the access token or application password from standard input"), NULL },
    { NULL }
  };

  if (!desk_cli_parse (&argc, &argv, "accounts", N_("connect | list | remove"), entries, &database, &error))
    return desk_cli_fail (error->message);
  action = argc > 1 ? argv[1] : "";
  if (argc != 2 || (!g_str_equal (action, "connect") && !g_str_equal (action, "list") && !g_str_equal (action, "remove")))
    return desk_cli_fail (_("accounts takes connect, list or remove"));

  store = desk_store_open (database, g_str_equal (action, "list") ? DESK_STORE_OPEN_READ_ONLY : DESK_STORE_OPEN_NO_CREATE,
                           &error);
  if (store == NULL)
    return desk_cli_fail (error->message);
  if (g_str_equal (action, "connect"))
    return accounts_connect (store, channel, server, user, secret_stdin);
  if (g_str_equal (action, "list"))
    return accounts_list (store);
  return accounts_remove (store, channel);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* One send, as `sync` and `outbox` print it: CHANNEL POST STATE LINK-OR-REASON */
static void
print_send (GHashTable     *channels,
            DeskOutboxItem *item)
{
  g_autofree char *name = channel_name (channels, item->channel_id);
  g_autofree char *detail = desk_cli_terminal_safe (item->remote_url ? item->remote_url
                                                    : item->last_error ? item->last_error : "", TRUE);

  g_print ("%s\t%" G_GINT64_FORMAT "\t%s\t%s\n", name, item->post_id, desk_outbox_state_to_id (item->state), detail);
}

/**
 * desk_cli_sync:
 *
 * `sync [--channel NAME] [--push-only|--pull-only]`: prints what it sent
 * and pulled; fails when something failed.
 */
int
desk_cli_sync (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskHttpClient) client = desk_http_client_new ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GHashTable) channels = NULL;
  g_autoptr(DeskChannel) only = NULL;
  g_autofree char *database = NULL;
  g_autofree char *channel = NULL;
  gboolean push_only = FALSE, pull_only = FALSE;
  gint64 channel_id = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, N_("only this channel"), N_("NAME") },
    { "push-only", 0, 0, G_OPTION_ARG_NONE, &push_only, N_("only send what is due"), NULL },
    { "pull-only", 0, 0, G_OPTION_ARG_NONE, &pull_only, N_("only bring notifications and followers in"), NULL },
    { NULL }
  };

  if (!desk_cli_parse (&argc, &argv, "sync", NULL, entries, &database, &error))
    return desk_cli_fail (error->message);
  if (argc != 1)
    return desk_cli_fail (_("sync takes no argument"));
  if (push_only && pull_only)
    return desk_cli_fail (_("--push-only and --pull-only together do nothing"));
  store = desk_store_open (database, DESK_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL || (list = desk_store_list_channels (store, 0, &error)) == NULL)
    return desk_cli_fail (error->message);
  channels = desk_store_index_by_id (list);
  if (channel != NULL)
    {
      if ((only = find_channel (store, channel, &error)) == NULL)
        return desk_cli_fail (error->message);
      channel_id = desk_channel_get_id (only);
    }

  if (!pull_only)
    {
      g_autoptr(DeskOutbox) outbox = desk_outbox_new (store, client);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) report = NULL;

      desk_outbox_run_async (outbox, channel_id, NULL, done_cb, &result);
      report = desk_outbox_run_finish (outbox, wait_for (&result), &error);
      if (report == NULL)
        return desk_cli_fail (error->message);
      for (guint i = 0; i < report->len; i++)
        {
          DeskOutboxItem *item = g_ptr_array_index (report, i);

          /* "sent" and "pulled" are tokens for scripts, never translated */
          g_print ("sent\t");
          print_send (channels, item);
          if (item->state == DESK_OUTBOX_STATE_FAILED || item->last_error != NULL)
            status = 1;
        }
    }
  if (!push_only)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) pulled = NULL;

      desk_pull_run_async (store, client, channel_id, NULL, done_cb, &result);
      pulled = desk_pull_run_finish (wait_for (&result), &error);
      if (pulled == NULL)
        return desk_cli_fail (error->message);
      for (guint i = 0; i < pulled->len; i++)
        {
          DeskPullResult *r = g_ptr_array_index (pulled, i);
          g_autofree char *name = channel_name (channels, r->channel_id);
          g_autofree char *reason = desk_cli_terminal_safe (r->error ? r->error : "", TRUE);

          /* pulled CHANNEL NEW-NOTIFICATIONS FOLLOWERS-OR-REASON */
          if (r->error != NULL)
            {
              g_print ("%s\t%s\t%u\t%s\n", "pulled", name, r->notifications, reason);
              status = 1;
            }
          else if (r->followers >= 0)
            g_print ("%s\t%s\t%u\t%" G_GINT64_FORMAT "\n", "pulled", name, r->notifications, r->followers);
          else
            g_print ("%s\t%s\t%u\t\n", "pulled", name, r->notifications);
        }
    }
  return status;
}

/**
 * desk_cli_outbox:
 *
 * `outbox [--json]`: each send: channel, post, state, link or reason
 */
int
desk_cli_outbox (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GHashTable) channels = NULL;
  g_autofree char *database = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!desk_cli_parse (&argc, &argv, "outbox", NULL, entries, &database, &error))
    return desk_cli_fail (error->message);
  if (argc != 1)
    return desk_cli_fail (_("outbox takes no argument"));
  store = desk_store_open (database, DESK_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || (items = desk_store_list_outbox (store, 0, &error)) == NULL ||
      (list = desk_store_list_channels (store, 0, &error)) == NULL)
    return desk_cli_fail (error->message);
  channels = desk_store_index_by_id (list);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        {
          DeskOutboxItem *item = g_ptr_array_index (items, i);
          DeskChannel *channel = g_hash_table_lookup (channels, &item->channel_id);
          g_autoptr(GDateTime) at = item->scheduled_for ? g_date_time_new_from_unix_utc (item->scheduled_for) : NULL;
          g_autofree char *when = at ? g_date_time_format_iso8601 (at) : NULL;

          json_builder_begin_object (builder);
          add_string_or_null (builder, "channel", channel ? desk_channel_get_handle (channel) : NULL);
          add_string_or_null (builder, "network", channel ? desk_network_to_id (desk_channel_get_network (channel)) : NULL);
          json_builder_set_member_name (builder, "post");
          if (item->post_id != 0)
            json_builder_add_int_value (builder, item->post_id);
          else
            json_builder_add_null_value (builder);
          add_string_or_null (builder, "state", desk_outbox_state_to_id (item->state));
          add_string_or_null (builder, "scheduled_for", when);
          json_builder_set_member_name (builder, "attempts");
          json_builder_add_int_value (builder, item->attempts);
          add_string_or_null (builder, "remote_id", item->remote_id);
          add_string_or_null (builder, "url", item->remote_url);
          add_string_or_null (builder, "error", item->last_error);
          json_builder_set_member_name (builder, "by_hand");
          json_builder_add_boolean_value (builder, item->by_hand);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      text = desk_json_to_data (root, TRUE);
      g_print ("%s\n", text);
      return 0;
    }
  for (guint i = 0; i < items->len; i++)
    print_send (channels, g_ptr_array_index (items, i));
  return 0;
}
