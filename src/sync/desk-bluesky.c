/* desk-bluesky.c: a Bluesky account through the AT Protocol (XRPC)
 *
 * The AT Protocol's XRPC methods on the account's PDS (atproto.com,
 * "Create a post"; docs.bsky.app; the lexicons of @atproto/api):
 * - a session from the handle and an app password
 *   (com.atproto.server.createSession), kept by the caller in the keyring
 *   as a JSON string, refreshed (refreshSession) when a call is answered
 *   400 ExpiredToken (how the PDS says it, not 401) or 401, then the call
 *   made again once; "session-changed" says the new refresh token must be
 *   stored;
 * - every call goes to the PDS; app.bsky.* reads (profile,
 *   notifications, counts) are handed by the PDS to its AppView.
 * Posts are in desk-bluesky-post.c, notifications and counts in
 * desk-bluesky-inbox.c. Bluesky has no server-side scheduling: the outbox
 * publishes on time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-bluesky"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-bluesky-private.h"

G_DEFINE_FINAL_TYPE (DeskBluesky, desk_bluesky, G_TYPE_OBJECT)

enum {
  SIGNAL_SESSION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
forget (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static char *
normalise_service (const char *service)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (service ? service : DESK_BLUESKY_DEFAULT_SERVICE));
  gsize length = strlen (trimmed);

  while (length > 0 && trimmed[length - 1] == '/')
    trimmed[--length] = '\0';
  if (length == 0)
    return g_strdup (DESK_BLUESKY_DEFAULT_SERVICE);
  if (strstr (trimmed, "://") == NULL)
    return g_strconcat ("https://", trimmed, NULL);
  return g_steal_pointer (&trimmed);
}

GError *
_desk_bluesky_malformed (void)
{
  return g_error_new (DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED, _("The server’s answer is not what Bluesky sends."));
}

GError *
_desk_bluesky_not_connected (void)
{
  return g_error_new (DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED,
                      _("Bluesky no longer accepts this account’s connection: reconnect it."));
}

/* XRPC calls */

static void
xrpc_free (gpointer data)
{
  DeskBlueskyXrpc *xrpc = data;

  g_free (xrpc->method);
  g_free (xrpc->path);
  g_clear_pointer (&xrpc->body, g_bytes_unref);
  g_free (xrpc->content_type);
  forget (&xrpc->sent_with);
  g_free (xrpc);
}

/* The XRPC error name of a 4xx answer ("ExpiredToken") */
static char *
error_name (DeskHttpResponse *response)
{
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return g_strdup (desk_json_get_string (json_node_get_object (node), "error"));
}

/* An access token expired or refused: the refresh token may get a new
 * one (400 ExpiredToken, per the PDS's auth verifier; 401 otherwise) */
static gboolean
needs_refresh (DeskHttpResponse *response)
{
  g_autofree char *name = NULL;

  if (response->status == 401)
    return TRUE;
  if (response->status != 400)
    return FALSE;
  name = error_name (response);
  return g_strcmp0 (name, "ExpiredToken") == 0 || g_strcmp0 (name, "InvalidToken") == 0;
}

static void send_xrpc (GTask *task);
static void refresh (DeskBluesky *self, GTask *task);

static void
xrpc_answered_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GTask) task = data;
  DeskBluesky *self = g_task_get_source_object (task);
  DeskBlueskyXrpc *xrpc = g_object_get_data (G_OBJECT (task), "xrpc");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpResponse) response = desk_http_client_send_finish (DESK_HTTP_CLIENT (source), result, &error);

  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (xrpc->authed && needs_refresh (response))
    {
      if (!xrpc->refreshed)
        {
          xrpc->refreshed = TRUE;
          /* Another call refreshed the session meanwhile: its token */
          if (self->access_jwt != NULL && g_strcmp0 (self->access_jwt, xrpc->sent_with) != 0)
            send_xrpc (g_steal_pointer (&task));
          else
            refresh (self, g_steal_pointer (&task));
          return;
        }
      g_task_return_error (task, _desk_bluesky_not_connected ());
      return;
    }
  if (!xrpc->any_status && !desk_http_response_check (response, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  xrpc->parse (g_steal_pointer (&task), response);
}

static void
send_xrpc (GTask *task)
{
  DeskBluesky *self = g_task_get_source_object (task);
  DeskBlueskyXrpc *xrpc = g_object_get_data (G_OBJECT (task), "xrpc");
  g_autofree char *uri = g_strconcat (self->service, xrpc->path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpRequest) request = desk_http_request_new (xrpc->method, uri, &error);

  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (xrpc->authed)
    {
      g_autofree char *bearer = NULL;

      if (self->access_jwt == NULL)
        {
          g_task_return_error (task, _desk_bluesky_not_connected ());
          g_object_unref (task);
          return;
        }
      bearer = g_strconcat ("Bearer ", self->access_jwt, NULL);
      desk_http_request_set_header (request, "Authorization", bearer);
      memset (bearer, 0, strlen (bearer));
      forget (&xrpc->sent_with);
      xrpc->sent_with = g_strdup (self->access_jwt);
    }
  if (xrpc->body != NULL)
    desk_http_request_set_body (request, xrpc->content_type, xrpc->body);
  desk_http_request_set_retry_safe (request, xrpc->retry_safe);
  desk_http_client_send_async (self->client, request, g_task_get_cancellable (task), xrpc_answered_cb, task);
}

/* Starts @task's XRPC call (taking its reference): GET with @query, or
 * POST with @body (JSON when @content_type is NULL) */
DeskBlueskyXrpc *
_desk_bluesky_xrpc_new (const char           *method,
                        const char           *nsid,
                        const char           *query,
                        DeskBlueskyParseFunc  parse)
{
  DeskBlueskyXrpc *xrpc = g_new0 (DeskBlueskyXrpc, 1);

  xrpc->method = g_strdup (method);
  xrpc->path = g_strconcat ("/xrpc/", nsid, query ? "?" : "", query ? query : "", NULL);
  xrpc->authed = TRUE;
  xrpc->retry_safe = g_str_equal (method, "GET");
  xrpc->parse = parse;
  return xrpc;
}

void
_desk_bluesky_xrpc_set_json (DeskBlueskyXrpc *xrpc,
                             JsonNode        *node)
{
  char *text = json_to_string (node, FALSE);

  g_clear_pointer (&xrpc->body, g_bytes_unref);
  xrpc->body = g_bytes_new_take (text, strlen (text));
  g_free (xrpc->content_type);
  xrpc->content_type = g_strdup ("application/json");
}

void
_desk_bluesky_xrpc_start (GTask           *task,
                          DeskBlueskyXrpc *xrpc)
{
  g_object_set_data_full (G_OBJECT (task), "xrpc", xrpc, xrpc_free);
  send_xrpc (task);
}

/* GET nsid?query as the account */
void
_desk_bluesky_xrpc_get (GTask                *task,
                        const char           *nsid,
                        const char           *query,
                        DeskBlueskyParseFunc  parse)
{
  _desk_bluesky_xrpc_start (task, _desk_bluesky_xrpc_new ("GET", nsid, query, parse));
}

/* POST nsid {body} as the account */
void
_desk_bluesky_xrpc_post (GTask                *task,
                         const char           *nsid,
                         JsonNode             *body,
                         gboolean              retry_safe,
                         DeskBlueskyParseFunc  parse)
{
  DeskBlueskyXrpc *xrpc = _desk_bluesky_xrpc_new ("POST", nsid, NULL, parse);

  if (body != NULL)
    _desk_bluesky_xrpc_set_json (xrpc, body);
  xrpc->retry_safe = retry_safe;
  _desk_bluesky_xrpc_start (task, xrpc);
}

/* The answer's JSON object, or the task returns MALFORMED */
JsonObject *
_desk_bluesky_answer_object (GTask             *task,
                             DeskHttpResponse  *response,
                             JsonNode         **node)
{
  g_autoptr(GError) malformed = _desk_bluesky_malformed ();

  return desk_remote_answer_object (task, response, malformed->message, node);
}

void
_desk_bluesky_parse_nothing (GTask            *task,
                             DeskHttpResponse *response)
{
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* Sessions */

/* Takes a createSession or refreshSession answer; FALSE when it lacks
 * what a session needs */
static gboolean
take_session (DeskBluesky *self,
              JsonObject  *object)
{
  const char *access = desk_json_get_string (object, "accessJwt");
  const char *refresh_jwt = desk_json_get_string (object, "refreshJwt");
  const char *did = desk_json_get_string (object, "did");
  const char *handle = desk_json_get_string (object, "handle");

  if (access == NULL || refresh_jwt == NULL || did == NULL || !g_str_has_prefix (did, "did:"))
    return FALSE;
  forget (&self->access_jwt);
  forget (&self->refresh_jwt);
  self->access_jwt = g_strdup (access);
  self->refresh_jwt = g_strdup (refresh_jwt);
  g_free (self->did);
  self->did = g_strdup (did);
  if (handle != NULL)
    {
      g_free (self->handle);
      self->handle = g_strdup (handle);
    }
  g_signal_emit (self, signals[SIGNAL_SESSION_CHANGED], 0);
  return TRUE;
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(DeskBluesky) self = data;
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpResponse) response = desk_http_client_send_finish (DESK_HTTP_CLIENT (source), result, &error);
  g_autoptr(JsonNode) node = NULL;

  if (response != NULL && response->status >= 200 && response->status < 300)
    {
      node = desk_http_response_get_json (response, NULL);
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || !take_session (self, json_node_get_object (node)))
        error = _desk_bluesky_malformed ();
    }
  else if (response != NULL && response->status < 500 && response->status != 429)
    {
      /* The refresh token expired or was revoked (its app password
       * deleted): only the user can help */
      g_debug ("refreshSession → %u: the account must be reconnected", response->status);
      forget (&self->access_jwt);
      forget (&self->refresh_jwt);
      error = _desk_bluesky_not_connected ();
    }
  else if (response != NULL)
    desk_http_response_check (response, &error);

  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (error != NULL)
        {
          g_task_return_error (task, g_error_copy (error));
          g_object_unref (task);
        }
      else
        send_xrpc (task);
    }
  g_ptr_array_set_free_func (waiting, NULL);
}

/* Gets a new token pair, then sends @task's call again; the calls that
 * meanwhile need it wait for the same refresh */
static void
refresh (DeskBluesky *self,
         GTask       *task)
{
  g_autofree char *uri = NULL;
  g_autofree char *bearer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpRequest) request = NULL;

  if (self->waiting != NULL)
    {
      g_ptr_array_add (self->waiting, task);
      return;
    }
  if (self->refresh_jwt == NULL)
    {
      g_task_return_error (task, _desk_bluesky_not_connected ());
      g_object_unref (task);
      return;
    }
  uri = g_strconcat (self->service, "/xrpc/com.atproto.server.refreshSession", NULL);
  request = desk_http_request_new ("POST", uri, &error);
  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->waiting, task);
  bearer = g_strconcat ("Bearer ", self->refresh_jwt, NULL);
  desk_http_request_set_header (request, "Authorization", bearer);
  memset (bearer, 0, strlen (bearer));
  /* The refresh token is spent by the first answer: not sent twice */
  desk_http_request_set_retry_safe (request, FALSE);
  desk_http_client_send_async (self->client, request, NULL, refreshed_cb, g_object_ref (self));
}

static void
parse_login (GTask            *task,
             DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  DeskBluesky *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *name = desk_json_get_string (object, "error");
  const char *message = desk_json_get_string (object, "message");
  GError *error = NULL;

  if (response->status >= 200 && response->status < 300)
    {
      if (object == NULL || !take_session (self, object))
        g_task_return_error (task, _desk_bluesky_malformed ());
      else
        g_task_return_boolean (task, TRUE);
      return;
    }
  if (g_strcmp0 (name, "AuthFactorTokenRequired") == 0)
    g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED,
                             _("This account asks for a code sent by email: sign in with an app password instead."));
  else if (response->status == 401)
    g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED,
                             _("Bluesky refused this handle or app password (%s)."),
                             message ? message : name ? name : "401");
  else
    {
      desk_http_response_check (response, &error);
      g_task_return_error (task, error);
    }
}

/**
 * desk_bluesky_login_async:
 * @identifier: the handle ("alice.bsky.social"), the DID or the email
 * @app_password: an app password (Settings → Privacy and security → App
 *   passwords); never kept, never logged
 *
 * Opens a session (com.atproto.server.createSession); it is then
 * desk_bluesky_dup_session ()'s, for the keyring. Bluesky allows few
 * logins a day: keep the session rather than log in again.
 */
void
desk_bluesky_login_async (DeskBluesky         *self,
                          const char          *identifier,
                          const char          *app_password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *trimmed = NULL;
  DeskBlueskyXrpc *xrpc;

  g_return_if_fail (DESK_IS_BLUESKY (self));
  g_return_if_fail (identifier != NULL && app_password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  trimmed = g_strstrip (g_strdup (identifier));
  g_task_set_source_tag (task, desk_bluesky_login_async);
  /* "@alice.bsky.social", as the app shows handles */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_add_string_value (builder, trimmed[0] == '@' ? trimmed + 1 : trimmed);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, app_password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  xrpc = _desk_bluesky_xrpc_new ("POST", "com.atproto.server.createSession", NULL, parse_login);
  _desk_bluesky_xrpc_set_json (xrpc, body);
  xrpc->authed = FALSE;
  xrpc->any_status = TRUE;
  _desk_bluesky_xrpc_start (task, xrpc);
}

gboolean
desk_bluesky_login_finish (DeskBluesky   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * desk_bluesky_dup_session:
 *
 * Returns: (transfer full) (nullable): the session as a JSON string, for
 *   the keyring only (it holds the tokens); %NULL before a login. Store it
 *   again after each "session-changed".
 */
char *
desk_bluesky_dup_session (DeskBluesky *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (DESK_IS_BLUESKY (self), NULL);

  if (self->refresh_jwt == NULL)
    return NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "service");
  json_builder_add_string_value (builder, self->service);
  json_builder_set_member_name (builder, "did");
  json_builder_add_string_value (builder, self->did);
  json_builder_set_member_name (builder, "handle");
  json_builder_add_string_value (builder, self->handle);
  json_builder_set_member_name (builder, "accessJwt");
  json_builder_add_string_value (builder, self->access_jwt);
  json_builder_set_member_name (builder, "refreshJwt");
  json_builder_add_string_value (builder, self->refresh_jwt);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* The account */

typedef struct
{
  DeskRemoteAccount *account;
} Verify;

static void
verify_free (gpointer data)
{
  Verify *verify = data;

  desk_remote_account_free (verify->account);
  g_free (verify);
}

static void
return_account (GTask *task)
{
  Verify *verify = g_task_get_task_data (task);

  g_task_return_pointer (task, g_steal_pointer (&verify->account), (GDestroyNotify) desk_remote_account_free);
  g_object_unref (task);
}

static void
parse_profile (GTask            *task,
               DeskHttpResponse *response)
{
  Verify *verify = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *name = desk_json_get_string (object, "displayName");

  /* A PDS without an AppView answers 502: who the account is stands,
   * its followers stay unknown */
  if (response->status < 200 || response->status >= 300 ||
      g_strcmp0 (desk_json_get_string (object, "did"), verify->account->id) != 0)
    {
      return_account (task);
      return;
    }
  if (name != NULL && name[0] != '\0')
    {
      g_free (verify->account->display_name);
      verify->account->display_name = g_strdup (name);
    }
  verify->account->followers = desk_json_get_int (object, "followersCount", -1);
  return_account (task);
}

static void
parse_get_session (GTask            *task,
                   DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  DeskBluesky *self = g_task_get_source_object (task);
  Verify *verify = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = _desk_bluesky_answer_object (task, response, &node);
  const char *did = desk_json_get_string (object, "did");
  const char *handle = desk_json_get_string (object, "handle");
  g_autofree char *escaped = NULL;
  g_autofree char *query = NULL;
  DeskBlueskyXrpc *xrpc;

  if (object == NULL)
    return;
  if (did == NULL || handle == NULL || g_strcmp0 (did, self->did) != 0)
    {
      g_task_return_error (task, _desk_bluesky_malformed ());
      return;
    }
  /* The handle may have changed since the login */
  if (g_strcmp0 (handle, self->handle) != 0)
    {
      g_free (self->handle);
      self->handle = g_strdup (handle);
      g_signal_emit (self, signals[SIGNAL_SESSION_CHANGED], 0);
    }
  verify->account = g_new0 (DeskRemoteAccount, 1);
  verify->account->id = g_strdup (did);
  verify->account->handle = g_strdup (handle);
  verify->account->display_name = g_strdup (handle);
  verify->account->url = g_strconcat ("https://bsky.app/profile/", handle, NULL);
  verify->account->followers = -1;

  escaped = g_uri_escape_string (did, NULL, FALSE);
  query = g_strconcat ("actor=", escaped, NULL);
  xrpc = _desk_bluesky_xrpc_new ("GET", "app.bsky.actor.getProfile", query, parse_profile);
  xrpc->any_status = TRUE;
  _desk_bluesky_xrpc_start (g_steal_pointer (&owned), xrpc);
}

/**
 * desk_bluesky_verify_async:
 *
 * Who the session belongs to (com.atproto.server.getSession), with the
 * display name and followers from the profile when the PDS has an
 * AppView (app.bsky.actor.getProfile). The account's id is its DID.
 */
void
desk_bluesky_verify_async (DeskBluesky         *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DESK_IS_BLUESKY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_bluesky_verify_async);
  g_task_set_task_data (task, g_new0 (Verify, 1), verify_free);
  _desk_bluesky_xrpc_get (task, "com.atproto.server.getSession", NULL, parse_get_session);
}

DeskRemoteAccount *
desk_bluesky_verify_finish (DeskBluesky   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
_desk_bluesky_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

/* Object */

const char *
desk_bluesky_get_service (DeskBluesky *self)
{
  g_return_val_if_fail (DESK_IS_BLUESKY (self), NULL);
  return self->service;
}

/* (nullable): before a login */
const char *
desk_bluesky_get_did (DeskBluesky *self)
{
  g_return_val_if_fail (DESK_IS_BLUESKY (self), NULL);
  return self->did;
}

const char *
desk_bluesky_get_handle (DeskBluesky *self)
{
  g_return_val_if_fail (DESK_IS_BLUESKY (self), NULL);
  return self->handle;
}

static void
desk_bluesky_finalize (GObject *object)
{
  DeskBluesky *self = DESK_BLUESKY (object);

  g_assert (self->waiting == NULL);
  g_clear_object (&self->client);
  g_free (self->service);
  g_free (self->did);
  g_free (self->handle);
  forget (&self->access_jwt);
  forget (&self->refresh_jwt);

  G_OBJECT_CLASS (desk_bluesky_parent_class)->finalize (object);
}

static void
desk_bluesky_class_init (DeskBlueskyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_bluesky_finalize;

  /**
   * DeskBluesky::session-changed:
   *
   * The session got new tokens (a login, a refresh) or a new handle:
   * store desk_bluesky_dup_session () in the keyring again.
   */
  signals[SIGNAL_SESSION_CHANGED] = g_signal_new ("session-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
desk_bluesky_init (DeskBluesky *self)
{
}

/**
 * desk_bluesky_new:
 * @service: (nullable): the PDS ("https://bsky.social" when %NULL; a
 *   self-hosted PDS's address)
 *
 * An account not logged in yet: desk_bluesky_login_async () next.
 */
DeskBluesky *
desk_bluesky_new (DeskHttpClient *client,
                  const char     *service)
{
  DeskBluesky *self;

  g_return_val_if_fail (DESK_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (DESK_TYPE_BLUESKY, NULL);
  self->client = g_object_ref (client);
  self->service = normalise_service (service);
  return self;
}

/**
 * desk_bluesky_new_from_session:
 * @session: from desk_bluesky_dup_session () (the keyring)
 *
 * Returns: (transfer full) (nullable): the account with its session, or
 *   %NULL with DESK_HTTP_ERROR_UNAUTHORIZED when @session cannot be read
 *   (reconnect)
 */
DeskBluesky *
desk_bluesky_new_from_session (DeskHttpClient  *client,
                               const char      *session,
                               GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(DeskBluesky) self = NULL;
  JsonNode *root;
  JsonObject *object;

  g_return_val_if_fail (DESK_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (session != NULL, NULL);

  if (!json_parser_load_from_data (parser, session, -1, NULL) || (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, _desk_bluesky_not_connected ());
      return NULL;
    }
  object = json_node_get_object (root);
  self = desk_bluesky_new (client, desk_json_get_string (object, "service"));
  /* No signal: nothing changed */
  self->access_jwt = g_strdup (desk_json_get_string (object, "accessJwt"));
  self->refresh_jwt = g_strdup (desk_json_get_string (object, "refreshJwt"));
  self->did = g_strdup (desk_json_get_string (object, "did"));
  self->handle = g_strdup (desk_json_get_string (object, "handle"));
  if (self->refresh_jwt == NULL || self->did == NULL || !g_str_has_prefix (self->did, "did:") ||
      !desk_http_check_uri (self->service, NULL))
    {
      g_propagate_error (error, _desk_bluesky_not_connected ());
      return NULL;
    }
  return g_steal_pointer (&self);
}
