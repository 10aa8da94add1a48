/* desk-mastodon.c: a Mastodon account through its REST API
 *
 * docs.joinmastodon.org (methods/apps, oauth, accounts, media, statuses,
 * scheduled_statuses, notifications):
 * - connecting: an app registered on the instance, the authorisation page
 *   with PKCE and the out-of-band redirect (the code is pasted back), the
 *   code exchanged for a token; or a token made in the instance's
 *   Development settings;
 * - a status with its images (uploaded first, with their descriptions;
 *   a 202 is polled until the image is processed), its language, its
 *   visibility, and for a future post scheduled_at: the server holds it;
 * - every status carries an Idempotency-Key: sent twice (a lost answer, a
 *   crash), it is one status;
 * - notifications newer than a cursor, following the Link header.
 * IDs are opaque strings, never numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-mastodon"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-mastodon.h"
#include "desk-notification.h"

#define SCOPES "read write"
#define PAGE_SIZE 80

struct _DeskMastodon
{
  GObject         parent_instance;

  DeskHttpClient *client;
  char           *instance;   /* "https://piaille.fr", without a final "/" */
  char           *token;
  guint           poll_ms;    /* between two looks at an image being processed */
};

G_DEFINE_FINAL_TYPE (DeskMastodon, desk_mastodon, G_TYPE_OBJECT)

/* Addresses */

static char *
normalise_instance (const char *instance)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (instance));
  gsize length = strlen (trimmed);

  while (length > 0 && trimmed[length - 1] == '/')
    trimmed[--length] = '\0';
  if (strstr (trimmed, "://") == NULL)
    return g_strconcat ("https://", trimmed, NULL);
  return g_steal_pointer (&trimmed);
}

static DeskHttpRequest *
request_new (const char  *instance,
             const char  *token,
             const char  *method,
             const char  *path,
             GError     **error)
{
  g_autofree char *base = normalise_instance (instance);
  g_autofree char *uri = g_strconcat (base, path, NULL);
  DeskHttpRequest *request = desk_http_request_new (method, uri, error);

  if (request != NULL && token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
      desk_http_request_set_header (request, "Authorization", bearer);
      memset (bearer, 0, strlen (bearer));
    }
  return request;
}

/* Calls: one GTask each; @parse turns a 2xx answer into the result */

typedef void (*ParseFunc) (GTask *task, DeskHttpResponse *response);

static void
answered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  ParseFunc parse = g_object_get_data (G_OBJECT (task), "parse");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpResponse) response = desk_http_client_send_finish (DESK_HTTP_CLIENT (source), result, &error);

  if (response == NULL || !desk_http_response_check (response, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  parse (g_steal_pointer (&task), response);
}

/* Sends @request for @task (whose reference it takes) */
static void
call (DeskHttpClient  *client,
      DeskHttpRequest *request,
      GTask           *task,
      ParseFunc        parse)
{
  g_object_set_data (G_OBJECT (task), "parse", parse);
  desk_http_client_send_async (client, request, g_task_get_cancellable (task), answered_cb, task);
}

/* The answer's JSON object, or the task returns MALFORMED */
static JsonObject *
answer_object (GTask            *task,
               DeskHttpResponse *response,
               JsonNode        **node)
{
  return desk_remote_answer_object (task, response, _("The server’s answer is not what Mastodon sends."), node);
}

/* Connecting */

static void
parse_app (GTask            *task,
           DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = answer_object (task, response, &node);
  const char *id = desk_json_get_string (object, "client_id");
  const char *secret = desk_json_get_string (object, "client_secret");

  if (object == NULL)
    return;
  if (id == NULL || secret == NULL)
    {
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED,
                               _("The server’s answer is not what Mastodon sends."));
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "client-secret", g_strdup (secret), g_free);
  g_task_return_pointer (task, g_strdup (id), g_free);
}

/**
 * desk_mastodon_register_app_async:
 *
 * Registers CommunityDesk on @instance (POST /api/v1/apps) with the
 * out-of-band redirect: the authorisation page shows the code.
 */
void
desk_mastodon_register_app_async (DeskHttpClient      *client,
                                  const char          *instance,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpRequest) request = request_new (instance, NULL, "POST", "/api/v1/apps", &error);
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);

  g_task_set_source_tag (task, desk_mastodon_register_app_async);
  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  g_hash_table_insert (form, (gpointer) "client_name", (gpointer) "CommunityDesk");
  g_hash_table_insert (form, (gpointer) "redirect_uris", (gpointer) DESK_MASTODON_REDIRECT_OOB);
  g_hash_table_insert (form, (gpointer) "scopes", (gpointer) SCOPES);
  g_hash_table_insert (form, (gpointer) "website", (gpointer) "https://example.org/community-desk");
  desk_http_request_set_form (request, form);
  call (client, request, task, parse_app);
}

gboolean
desk_mastodon_register_app_finish (GAsyncResult  *result,
                                   char         **client_id,
                                   char         **client_secret,
                                   GError       **error)
{
  g_autofree char *id = g_task_propagate_pointer (G_TASK (result), error);

  if (id == NULL)
    return FALSE;
  *client_id = g_steal_pointer (&id);
  *client_secret = g_strdup (g_object_get_data (G_OBJECT (result), "client-secret"));
  return TRUE;
}

static char *
base64url (const guint8 *data,
           gsize         length)
{
  char *text = g_base64_encode (data, length);
  char *end;

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  end = strchr (text, '=');
  if (end != NULL)
    *end = '\0';
  return text;
}

/* A PKCE code verifier: 32 random bytes, base64url */
char *
desk_mastodon_new_code_verifier (void)
{
  guint8 bytes[32];

  for (guint i = 0; i < G_N_ELEMENTS (bytes); i++)
    bytes[i] = (guint8) g_random_int_range (0, 256);
  return base64url (bytes, sizeof bytes);
}

/**
 * desk_mastodon_authorize_uri:
 *
 * Returns: the page where the user lets CommunityDesk in (opened in their
 *   browser); it shows a code to paste back
 */
char *
desk_mastodon_authorize_uri (const char *instance,
                             const char *client_id,
                             const char *code_verifier)
{
  g_autofree char *base = normalise_instance (instance);
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autofree char *challenge = NULL;
  g_autofree char *query = NULL;
  g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);

  g_checksum_update (sha, (const guchar *) code_verifier, -1);
  g_checksum_get_digest (sha, digest, &length);
  challenge = base64url (digest, length);
  g_hash_table_insert (params, (gpointer) "response_type", (gpointer) "code");
  g_hash_table_insert (params, (gpointer) "client_id", (gpointer) client_id);
  g_hash_table_insert (params, (gpointer) "redirect_uri", (gpointer) DESK_MASTODON_REDIRECT_OOB);
  g_hash_table_insert (params, (gpointer) "scope", (gpointer) SCOPES);
  g_hash_table_insert (params, (gpointer) "code_challenge", challenge);
  g_hash_table_insert (params, (gpointer) "code_challenge_method", (gpointer) "S256");
  query = soup_form_encode_hash (params);
  return g_strconcat (base, "/oauth/authorize?", query, NULL);
}

static void
parse_token (GTask            *task,
             DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = answer_object (task, response, &node);
  const char *token = desk_json_get_string (object, "access_token");

  if (object == NULL)
    return;
  if (token == NULL || token[0] == '\0')
    {
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED,
                               _("The server’s answer is not what Mastodon sends."));
      return;
    }
  g_task_return_pointer (task, g_strdup (token), g_free);
}

void
desk_mastodon_obtain_token_async (DeskHttpClient      *client,
                                  const char          *instance,
                                  const char          *client_id,
                                  const char          *client_secret,
                                  const char          *code,
                                  const char          *code_verifier,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpRequest) request = request_new (instance, NULL, "POST", "/oauth/token", &error);
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *trimmed = g_strstrip (g_strdup (code));

  g_task_set_source_tag (task, desk_mastodon_obtain_token_async);
  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  g_hash_table_insert (form, (gpointer) "grant_type", (gpointer) "authorization_code");
  g_hash_table_insert (form, (gpointer) "code", trimmed);
  g_hash_table_insert (form, (gpointer) "client_id", (gpointer) client_id);
  g_hash_table_insert (form, (gpointer) "client_secret", (gpointer) client_secret);
  g_hash_table_insert (form, (gpointer) "redirect_uri", (gpointer) DESK_MASTODON_REDIRECT_OOB);
  g_hash_table_insert (form, (gpointer) "scope", (gpointer) SCOPES);
  if (code_verifier != NULL)
    g_hash_table_insert (form, (gpointer) "code_verifier", (gpointer) code_verifier);
  desk_http_request_set_form (request, form);
  call (client, request, task, parse_token);
}

/**
 * desk_mastodon_obtain_token_finish:
 *
 * Returns: (transfer full): the access token, for the keyring only
 */
char *
desk_mastodon_obtain_token_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The account */

static void
parse_account (GTask            *task,
               DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = answer_object (task, response, &node);
  DeskRemoteAccount *account;

  if (object == NULL)
    return;
  if (desk_json_get_string (object, "id") == NULL || desk_json_get_string (object, "acct") == NULL)
    {
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED,
                               _("The server’s answer is not what Mastodon sends."));
      return;
    }
  account = g_new0 (DeskRemoteAccount, 1);
  account->id = g_strdup (desk_json_get_string (object, "id"));
  account->handle = g_strdup (desk_json_get_string (object, "acct"));
  account->display_name = g_strdup (desk_json_get_string (object, "display_name"));
  account->url = g_strdup (desk_json_get_string (object, "url"));
  account->followers = desk_json_get_int (object, "followers_count", -1);
  g_task_return_pointer (task, account, (GDestroyNotify) desk_remote_account_free);
}

/* Starts @task's call of METHOD PATH as the account */
static void
account_call (DeskMastodon *self,
              GTask        *task,
              const char   *method,
              const char   *path,
              ParseFunc     parse,
              void        (*prepare) (DeskHttpRequest *, gconstpointer),
              gconstpointer prepare_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpRequest) request = request_new (self->instance, self->token, method, path, &error);

  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (prepare != NULL)
    prepare (request, prepare_data);
  call (self->client, request, task, parse);
}

/**
 * desk_mastodon_verify_async:
 *
 * Who the token belongs to (GET /api/v1/accounts/verify_credentials)
 */
void
desk_mastodon_verify_async (DeskMastodon        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, desk_mastodon_verify_async);
  account_call (self, task, "GET", "/api/v1/accounts/verify_credentials", parse_account, NULL, NULL);
}

DeskRemoteAccount *
desk_mastodon_verify_finish (DeskMastodon  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Images */

static void poll_media (GTask *task);

static void
parse_media (GTask            *task,
             DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = answer_object (task, response, &node);
  const char *id = desk_json_get_string (object, "id");

  if (object == NULL)
    return;
  if (id == NULL)
    {
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED,
                               _("The server’s answer is not what Mastodon sends."));
      return;
    }
  /* 202 (or 206 when polled): still being processed, its url null */
  if (response->status == 202 || response->status == 206 || desk_json_get_string (object, "url") == NULL)
    {
      guint polls = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "polls"));

      if (polls >= 60)
        {
          g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_SERVER,
                                   _("The server is still processing the image; it will be tried again later."));
          return;
        }
      g_object_set_data (G_OBJECT (task), "polls", GUINT_TO_POINTER (polls + 1));
      g_object_set_data_full (G_OBJECT (task), "media-id", g_strdup (id), g_free);
      g_timeout_add_once (((DeskMastodon *) g_task_get_source_object (task))->poll_ms,
                          (GSourceOnceFunc) poll_media, g_steal_pointer (&owned));
      return;
    }
  g_task_return_pointer (task, g_strdup (id), g_free);
}

static void
poll_media (GTask *task)
{
  DeskMastodon *self = g_task_get_source_object (task);
  g_autofree char *path = g_strconcat ("/api/v1/media/", (char *) g_object_get_data (G_OBJECT (task), "media-id"), NULL);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  account_call (self, task, "GET", path, parse_media, NULL, NULL);
}

/**
 * desk_mastodon_upload_media_async:
 * @description: (nullable): the image's alt text
 *
 * Uploads an image (POST /api/v2/media) and waits until the server has
 * processed it; the result is its id, for a status's media_ids.
 */
void
desk_mastodon_upload_media_async (DeskMastodon        *self,
                                  const char          *path,
                                  const char          *description,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
  g_autoptr(DeskHttpRequest) request = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *name = g_path_get_basename (path);
  SoupMultipart *multipart;
  SoupMessageHeaders *headers;

  g_task_set_source_tag (task, desk_mastodon_upload_media_async);
  if (file == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  contents = g_mapped_file_get_bytes (file);
  type = g_content_type_guess (path, g_bytes_get_data (contents, NULL), MIN (g_bytes_get_size (contents), 4096), NULL);
  mime = g_content_type_get_mime_type (type);
  multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  soup_multipart_append_form_file (multipart, "file", name, mime ? mime : "application/octet-stream", contents);
  if (description != NULL && description[0] != '\0')
    soup_multipart_append_form_string (multipart, "description", description);
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_multipart_to_message (multipart, headers, &body);
  soup_multipart_free (multipart);

  request = request_new (self->instance, self->token, "POST", "/api/v2/media", &error);
  if (request == NULL)
    {
      soup_message_headers_unref (headers);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  desk_http_request_set_body (request, soup_message_headers_get_content_type (headers, NULL) ?
                              soup_message_headers_get_one (headers, "Content-Type") : "multipart/form-data", body);
  soup_message_headers_unref (headers);
  /* Sent twice, an image is only stored twice: harmless */
  desk_http_request_set_retry_safe (request, TRUE);
  call (self->client, request, task, parse_media);
}

char *
desk_mastodon_upload_media_finish (DeskMastodon  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Statuses */

static void
parse_status (GTask            *task,
              DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = answer_object (task, response, &node);
  DeskRemotePost *post;

  if (object == NULL)
    return;
  if (desk_json_get_string (object, "id") == NULL)
    {
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED,
                               _("The server’s answer is not what Mastodon sends."));
      return;
    }
  post = g_new0 (DeskRemotePost, 1);
  post->id = g_strdup (desk_json_get_string (object, "id"));
  /* A ScheduledStatus has scheduled_at and params, no url */
  post->scheduled = desk_json_get_string (object, "scheduled_at") != NULL &&
                    desk_json_get_object (object, "params") != NULL;
  post->url = g_strdup (desk_json_get_string (object, "url"));
  g_task_return_pointer (task, post, (GDestroyNotify) desk_remote_post_free);
}

static void
prepare_status (DeskHttpRequest *request,
                gconstpointer    data)
{
  const DeskMastodonStatus *status = data;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status->text ? status->text : "");
  json_builder_set_member_name (builder, "visibility");
  json_builder_add_string_value (builder, status->visibility ? status->visibility : "public");
  if (status->language != NULL)
    {
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, status->language);
    }
  if (status->in_reply_to_id != NULL)
    {
      json_builder_set_member_name (builder, "in_reply_to_id");
      json_builder_add_string_value (builder, status->in_reply_to_id);
    }
  if (status->scheduled_at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (status->scheduled_at);
      g_autofree char *when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");

      json_builder_set_member_name (builder, "scheduled_at");
      json_builder_add_string_value (builder, when);
    }
  if (status->media_ids != NULL && status->media_ids[0] != NULL)
    {
      json_builder_set_member_name (builder, "media_ids");
      json_builder_begin_array (builder);
      for (guint i = 0; status->media_ids[i] != NULL; i++)
        json_builder_add_string_value (builder, status->media_ids[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  desk_http_request_set_json (request, root);
  if (status->idempotency_key != NULL)
    {
      desk_http_request_set_header (request, "Idempotency-Key", status->idempotency_key);
      /* The server makes one status of the same key: a retry is safe */
      desk_http_request_set_retry_safe (request, TRUE);
    }
}

/**
 * desk_mastodon_publish_async:
 *
 * Posts a status (POST /api/v1/statuses); with scheduled_at the server
 * holds it and the result says so.
 */
void
desk_mastodon_publish_async (DeskMastodon             *self,
                             const DeskMastodonStatus *status,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, desk_mastodon_publish_async);
  account_call (self, task, "POST", "/api/v1/statuses", parse_status, prepare_status, status);
}

DeskRemotePost *
desk_mastodon_publish_finish (DeskMastodon  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
parse_nothing (GTask            *task,
               DeskHttpResponse *response)
{
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* Cancels a status the server holds (a post moved or deleted in the app) */
void
desk_mastodon_unschedule_async (DeskMastodon        *self,
                                const char          *scheduled_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *escaped = g_uri_escape_string (scheduled_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/api/v1/scheduled_statuses/", escaped, NULL);

  g_task_set_source_tag (task, desk_mastodon_unschedule_async);
  account_call (self, task, "DELETE", path, parse_nothing, NULL, NULL);
}

gboolean
desk_mastodon_unschedule_finish (DeskMastodon  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Notifications */

static gboolean
kind_of (JsonObject           *item,
         DeskNotificationKind *kind)
{
  const char *type = desk_json_get_string (item, "type");
  JsonObject *status = desk_json_get_object (item, "status");

  if (g_strcmp0 (type, "mention") == 0)
    {
      /* A DM is a mention only its people see; a mention answering a
       * status is a reply */
      if (g_strcmp0 (desk_json_get_string (status, "visibility"), "direct") == 0)
        *kind = DESK_NOTIFICATION_KIND_DIRECT_MESSAGE;
      else if (desk_json_get_string (status, "in_reply_to_id") != NULL)
        *kind = DESK_NOTIFICATION_KIND_REPLY;
      else
        *kind = DESK_NOTIFICATION_KIND_MENTION;
    }
  else if (g_strcmp0 (type, "reblog") == 0)
    *kind = DESK_NOTIFICATION_KIND_REPOST;
  else if (g_strcmp0 (type, "favourite") == 0)
    *kind = DESK_NOTIFICATION_KIND_FAVOURITE;
  else if (g_strcmp0 (type, "follow") == 0)
    *kind = DESK_NOTIFICATION_KIND_FOLLOW;
  else if (g_strcmp0 (type, "quote") == 0)
    *kind = DESK_NOTIFICATION_KIND_QUOTE;
  else
    return FALSE;   /* polls, edits, sign-ups, reports: not the inbox's */
  return TRUE;
}

/**
 * desk_mastodon_parse_notifications:
 *
 * Returns: (transfer full) (element-type DeskNotification): the inbox's
 *   items of a GET /api/v1/notifications answer (channel id 0); items
 *   of other kinds, or without an id or an account, are left out
 */
GPtrArray *
desk_mastodon_parse_notifications (JsonNode *node)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonObject *account = desk_json_get_object (item, "account");
      JsonObject *status = desk_json_get_object (item, "status");
      const char *id = desk_json_get_string (item, "id");
      const char *name = desk_json_get_string (account, "display_name");
      const char *acct = desk_json_get_string (account, "acct");
      const char *status_id = desk_json_get_string (status, "id");
      const char *subject = NULL;
      g_autoptr(GDateTime) created = desk_json_get_time (item, "created_at");
      g_autofree char *text = NULL;
      DeskNotificationKind kind;

      if (item == NULL || id == NULL || account == NULL || !kind_of (item, &kind))
        continue;
      if (name == NULL || name[0] == '\0')
        name = acct;
      text = desk_html_to_text (desk_json_get_string (status, "content"));
      /* A favourite or a reblog is about the brand's status: named by its
       * URL (its id when it has none), so that the likes of one status
       * group together, as imported ones do; the rest is a status of
       * its own, which a reply answers */
      if (desk_notification_kind_is_grouped (kind))
        {
          subject = desk_json_get_string (status, "url");
          if (subject == NULL)
            subject = status_id;
          status_id = NULL;
        }
      g_ptr_array_add (items, g_object_new (DESK_TYPE_NOTIFICATION,
                                            "remote-id", id,
                                            "kind", kind,
                                            "author", name ? name : "",
                                            "handle", acct,
                                            "text", text,
                                            "url", status ? desk_json_get_string (status, "url")
                                                          : desk_json_get_string (account, "url"),
                                            "created-at", created,
                                            "status-id", status_id,
                                            "in-reply-to", desk_json_get_string (status, "in_reply_to_id"),
                                            "subject", subject,
                                            NULL));
    }
  return items;
}

typedef struct
{
  GPtrArray *items;
  char      *cursor;
  guint      max;
} Pull;

static void
pull_free (gpointer data)
{
  Pull *pull = data;

  g_ptr_array_unref (pull->items);
  g_free (pull->cursor);
  g_free (pull);
}

static void pull_page (GTask *task, const char *cursor);

/* The value of @name in @uri's query */
static char *
query_param (const char *uri,
             const char *name)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GHashTable) params = NULL;

  if (parsed == NULL || g_uri_get_query (parsed) == NULL)
    return NULL;
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
  return params ? g_strdup (g_hash_table_lookup (params, name)) : NULL;
}

static void
parse_page (GTask            *task,
            DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  Pull *pull = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, &error);
  g_autoptr(GPtrArray) page = NULL;
  g_autofree char *prev = NULL;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED,
                               _("The server’s answer is not what Mastodon sends."));
      return;
    }
  n = json_array_get_length (json_node_get_array (node));
  page = desk_mastodon_parse_notifications (node);
  g_ptr_array_extend_and_steal (pull->items, g_steal_pointer (&page));

  /* The newer page, after this one: its min_id is the next cursor */
  prev = desk_link_header_find (response->headers, "prev");
  if (n > 0)
    {
      g_autofree char *next_cursor = prev ? query_param (prev, "min_id") : NULL;

      if (next_cursor == NULL)
        {
          /* No Link: the newest id of the page */
          JsonNode *first = json_array_get_element (json_node_get_array (node), 0);
          const char *id = JSON_NODE_HOLDS_OBJECT (first) ? desk_json_get_string (json_node_get_object (first), "id") : NULL;
          next_cursor = g_strdup (id);
        }
      if (next_cursor != NULL)
        {
          g_free (pull->cursor);
          pull->cursor = g_steal_pointer (&next_cursor);
        }
    }
  /* A first pull takes the newest page only; later ones go on until
   * they have everything since the cursor, or @max */
  if (n > 0 && prev != NULL && g_object_get_data (G_OBJECT (task), "since") != NULL && pull->items->len < pull->max)
    {
      pull_page (g_steal_pointer (&owned), pull->cursor);
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (pull->items), (GDestroyNotify) g_ptr_array_unref);
}

static void
pull_page (GTask      *task,
           const char *cursor)
{
  DeskMastodon *self = g_task_get_source_object (task);
  g_autofree char *path = NULL;

  if (cursor != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);
      path = g_strdup_printf ("/api/v1/notifications?limit=%d&min_id=%s", PAGE_SIZE, escaped);
    }
  else
    path = g_strdup_printf ("/api/v1/notifications?limit=%d", PAGE_SIZE);
  account_call (self, task, "GET", path, parse_page, NULL, NULL);
}

/**
 * desk_mastodon_notifications_async:
 * @cursor: (nullable): from the last pull; %NULL the first time (the
 *   newest page only)
 * @max: how many at most
 *
 * The notifications newer than @cursor, following the Link header.
 */
void
desk_mastodon_notifications_async (DeskMastodon        *self,
                                   const char          *cursor,
                                   guint                max,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Pull *pull = g_new0 (Pull, 1);

  g_task_set_source_tag (task, desk_mastodon_notifications_async);
  pull->items = g_ptr_array_new_with_free_func (g_object_unref);
  pull->cursor = g_strdup (cursor);
  pull->max = max;
  g_task_set_task_data (task, pull, pull_free);
  if (cursor != NULL)
    g_object_set_data (G_OBJECT (task), "since", GINT_TO_POINTER (TRUE));
  pull_page (task, cursor);
}

/**
 * desk_mastodon_notifications_finish:
 * @cursor: (out): where the next pull starts (kept with the channel)
 *
 * Returns: (transfer full) (element-type DeskNotification): newest first
 */
GPtrArray *
desk_mastodon_notifications_finish (DeskMastodon  *self,
                                    GAsyncResult  *result,
                                    char         **cursor,
                                    GError       **error)
{
  GPtrArray *items = g_task_propagate_pointer (G_TASK (result), error);
  Pull *pull = g_task_get_task_data (G_TASK (result));

  if (items != NULL && cursor != NULL)
    *cursor = g_strdup (pull->cursor);
  return items;
}

/* Read markers */

static void
prepare_marker (DeskHttpRequest *request,
                gconstpointer    data)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (fields, (gpointer) "notifications[last_read_id]", (gpointer) data);
  desk_http_request_set_form (request, fields);
  /* Setting the marker twice sets it once: a retry is safe */
  desk_http_request_set_retry_safe (request, TRUE);
}

/**
 * desk_mastodon_set_read_marker_async:
 * @last_read_id: the notification read up to (Mastodon's id)
 *
 * Tells the server that the notifications up to @last_read_id are read
 * (POST /api/v1/markers with notifications[last_read_id]), so that the
 * account's other apps show them read too.
 */
void
desk_mastodon_set_read_marker_async (DeskMastodon        *self,
                                     const char          *last_read_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DESK_IS_MASTODON (self));
  g_return_if_fail (last_read_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_mastodon_set_read_marker_async);
  g_task_set_task_data (task, g_strdup (last_read_id), g_free);
  account_call (self, task, "POST", "/api/v1/markers", parse_nothing, prepare_marker, g_task_get_task_data (task));
}

gboolean
desk_mastodon_set_read_marker_finish (DeskMastodon  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Counts */

typedef struct
{
  GStrv      ids;
  guint      next;
  GPtrArray *counts;   /* (element-type DeskPostCounts) */
} Counts;

static void
counts_free (gpointer data)
{
  Counts *counts = data;

  g_strfreev (counts->ids);
  g_ptr_array_unref (counts->counts);
  g_free (counts);
}

static void counts_next (GTask *task);

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GTask *task = data;
  Counts *counts = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpResponse) response = desk_http_client_send_finish (DESK_HTTP_CLIENT (source), result, &error);
  DeskPostCounts *count = g_new0 (DeskPostCounts, 1);

  count->id = g_strdup (counts->ids[counts->next - 1]);
  count->likes = count->reposts = count->replies = count->quotes = -1;
  if (response != NULL && response->status == 404)
    count->deleted = TRUE;
  else if (response == NULL || !desk_http_response_check (response, &error))
    {
      desk_post_counts_free (count);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  else
    {
      g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);
      JsonObject *status = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      count->likes = desk_json_get_int (status, "favourites_count", -1);
      count->reposts = desk_json_get_int (status, "reblogs_count", -1);
      count->replies = desk_json_get_int (status, "replies_count", -1);
      count->quotes = desk_json_get_int (status, "quotes_count", -1);
    }
  g_ptr_array_add (counts->counts, count);
  counts_next (task);
}

static void
counts_next (GTask *task)
{
  DeskMastodon *self = g_task_get_source_object (task);
  Counts *counts = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpRequest) request = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  if (counts->ids[counts->next] == NULL)
    {
      g_task_return_pointer (task, g_ptr_array_ref (counts->counts), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  escaped = g_uri_escape_string (counts->ids[counts->next++], NULL, FALSE);
  path = g_strconcat ("/api/v1/statuses/", escaped, NULL);
  request = request_new (self->instance, self->token, "GET", path, &error);
  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  desk_http_client_send_async (self->client, request, g_task_get_cancellable (task), counted_cb, task);
}

/**
 * desk_mastodon_counts_async:
 * @status_ids: published statuses
 *
 * Each status's favourites, boosts, replies and quotes (GET
 * /api/v1/statuses/:id), or that it was deleted.
 */
void
desk_mastodon_counts_async (DeskMastodon        *self,
                            const char * const  *status_ids,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Counts *counts = g_new0 (Counts, 1);

  g_task_set_source_tag (task, desk_mastodon_counts_async);
  counts->ids = g_strdupv ((char **) status_ids);
  counts->counts = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_post_counts_free);
  g_task_set_task_data (task, counts, counts_free);
  counts_next (task);
}

/**
 * desk_mastodon_counts_finish:
 *
 * Returns: (transfer full) (element-type DeskPostCounts): in the order asked
 */
GPtrArray *
desk_mastodon_counts_finish (DeskMastodon  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Object */

static void
desk_mastodon_finalize (GObject *object)
{
  DeskMastodon *self = DESK_MASTODON (object);

  g_clear_object (&self->client);
  g_free (self->instance);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);

  G_OBJECT_CLASS (desk_mastodon_parent_class)->finalize (object);
}

static void
desk_mastodon_class_init (DeskMastodonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_mastodon_finalize;
}

static void
desk_mastodon_init (DeskMastodon *self)
{
  self->poll_ms = 1000;
}

/**
 * desk_mastodon_new:
 * @token: (nullable): the account's access token (from the keyring)
 */
DeskMastodon *
desk_mastodon_new (DeskHttpClient *client,
                   const char     *instance,
                   const char     *token)
{
  DeskMastodon *self;

  g_return_val_if_fail (DESK_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (instance != NULL, NULL);

  self = g_object_new (DESK_TYPE_MASTODON, NULL);
  self->client = g_object_ref (client);
  self->instance = normalise_instance (instance);
  self->token = g_strdup (token);
  /* The tests' server processes images at once: look again soon */
  if (g_getenv ("DESK_MASTODON_POLL_MS") != NULL)
    self->poll_ms = (guint) g_ascii_strtoull (g_getenv ("DESK_MASTODON_POLL_MS"), NULL, 10);
  return self;
}
