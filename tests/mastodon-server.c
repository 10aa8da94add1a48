/* mastodon-server.c: a Mastodon contract server on 127.0.0.1 for the tests
 *
 * Answers as docs.joinmastodon.org documents (methods/apps, oauth,
 * accounts, media, statuses, scheduled_statuses, notifications): the
 * documented JSON, the Link header, 401 without the token, 422 on an empty
 * status, Idempotency-Key honoured, a 202 image processed after a few
 * 206, read markers; and fails on demand: the answer of a status it made is lost, a
 * 500, truncated JSON. It records what it received, for the tests to
 * assert no double post.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mastodon-server.h"

static void
respond (SoupServerMessage *message,
         guint              status,
         const char        *json)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
respond_node (SoupServerMessage *message,
              guint              status,
              JsonNode          *node)
{
  g_autofree char *json = json_to_string (node, FALSE);

  respond (message, status, json);
}

static void
respond_object (SoupServerMessage *message,
                guint              status,
                JsonObject        *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  respond_node (message, status, node);
}

static gboolean
authorised (SoupServerMessage *message)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Authorization");

  if (g_strcmp0 (auth, "Bearer " MASTODON_TOKEN) == 0)
    return TRUE;
  respond (message, 401, "{\"error\":\"The access token is invalid\"}");
  return FALSE;
}

static GHashTable *
form_of (SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return soup_form_decode (text);
}

static JsonObject *
json_of (SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
account_object (const char *id,
                const char *acct,
                const char *name)
{
  JsonObject *account = json_object_new ();
  g_autofree char *url = g_strdup_printf ("https://piaille.example/@%s", acct);

  json_object_set_string_member (account, "id", id);
  json_object_set_string_member (account, "username", acct);
  json_object_set_string_member (account, "acct", acct);
  json_object_set_string_member (account, "display_name", name);
  json_object_set_string_member (account, "url", url);
  json_object_set_int_member (account, "followers_count", 1234);
  json_object_set_int_member (account, "following_count", 56);
  json_object_set_int_member (account, "statuses_count", 789);
  return account;
}

/* Notification @i: its kind cycles through what Mastodon sends */
static JsonObject *
notification_object (guint i)
{
  static const char *types[] = { "poll", "mention", "mention", "mention", "reblog", "favourite", "follow", "quote" };
  JsonObject *item = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%u", i);
  g_autofree char *account_id = g_strdup_printf ("a%u", i);
  g_autofree char *acct = g_strdup_printf ("zoe%u@mastodon.example", i);
  g_autofree char *name = g_strdup_printf ("Zoé Martin %u", i);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 1, 0, 0, 0);
  g_autoptr(GDateTime) at = g_date_time_add_minutes (when, i);
  g_autofree char *created = g_date_time_format_iso8601 (at);
  const char *type = types[i % G_N_ELEMENTS (types)];

  json_object_set_string_member (item, "id", id);
  json_object_set_string_member (item, "type", type);
  json_object_set_string_member (item, "created_at", created);
  json_object_set_object_member (item, "account", account_object (account_id, acct, name));
  if (!g_str_equal (type, "follow"))
    {
      JsonObject *status = json_object_new ();
      g_autofree char *status_id = g_strdup_printf ("s%u", i);
      g_autofree char *url = g_strdup_printf ("https://mastodon.example/@zoe%u/%u", i, i);
      g_autofree char *content = g_strdup_printf ("<p>Bonjour &amp; merci n°%u<br>à demain</p>", i);

      /* A favourite or a reblog is about one of the brand's three
       * statuses; the rest are statuses of their own */
      if (g_str_equal (type, "favourite") || g_str_equal (type, "reblog"))
        {
          g_free (status_id);
          g_free (url);
          status_id = g_strdup_printf ("11000%u", i / 8 % 3);
          url = g_strdup_printf ("https://piaille.example/@fournil/11000%u", i / 8 % 3);
        }
      json_object_set_string_member (status, "id", status_id);
      json_object_set_string_member (status, "url", url);
      json_object_set_string_member (status, "content", content);
      json_object_set_string_member (status, "visibility", i % 8 == 2 ? "direct" : "public");
      if (i % 8 == 3)
        json_object_set_string_member (status, "in_reply_to_id", "110001");
      else
        json_object_set_null_member (status, "in_reply_to_id");
      json_object_set_object_member (item, "status", status);
    }
  return item;
}

/* GET /api/v1/notifications: newest first; max_id pages back, min_id
 * gives the page just newer; Link next/prev as Mastodon writes them */
static void
notifications (MastodonServer    *self,
               SoupServerMessage *message,
               GHashTable        *query)
{
  const char *limit_text = query ? g_hash_table_lookup (query, "limit") : NULL;
  const char *max_text = query ? g_hash_table_lookup (query, "max_id") : NULL;
  const char *min_text = query ? g_hash_table_lookup (query, "min_id") : NULL;
  guint limit = MIN (limit_text ? (guint) atoi (limit_text) : 40, 80);
  guint newest, oldest;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = NULL;

  if (self->garbage_notifications)
    {
      respond (message, 200, "[{\"id\":\"1\",\"type\":");
      return;
    }
  if (min_text != NULL)
    {
      oldest = (guint) atoi (min_text) + 1;
      newest = MIN (self->n_notifications, oldest + limit - 1);
    }
  else
    {
      newest = max_text ? (guint) atoi (max_text) - 1 : self->n_notifications;
      newest = MIN (newest, self->n_notifications);
      oldest = newest >= limit ? newest - limit + 1 : 1;
    }
  for (guint i = newest; i >= oldest && i >= 1; i--)
    json_array_add_object_element (array, notification_object (i));
  if (newest >= oldest && newest >= 1)
    {
      g_autofree char *link = g_strdup_printf ("<%s/api/v1/notifications?max_id=%u>; rel=\"next\", "
                                               "<%s/api/v1/notifications?min_id=%u>; rel=\"prev\"",
                                               self->url, oldest, self->url, newest);

      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Link", link);
    }
  node = json_node_init_array (json_node_alloc (), array);
  respond_node (message, 200, node);
}

static void
post_status (MastodonServer    *self,
             SoupServerMessage *message)
{
  const char *key = soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Idempotency-Key");
  g_autoptr(JsonObject) body = json_of (message);
  const char *text = body && json_object_has_member (body, "status") ? json_object_get_string_member (body, "status") : NULL;
  gboolean scheduled = body != NULL && json_object_has_member (body, "scheduled_at");
  MastodonFailure failure = self->fail_next_status;
  g_autoptr(JsonObject) answer = json_object_new ();
  const char *existing = key ? g_hash_table_lookup (self->keys, key) : NULL;
  g_autofree char *id = NULL;

  self->fail_next_status = MASTODON_FAIL_NONE;
  if (failure == MASTODON_FAIL_500)
    {
      respond (message, 500, "{\"error\":\"Internal server error\"}");
      return;
    }
  if (text == NULL || text[0] == '\0')
    {
      respond (message, 422, "{\"error\":\"Validation failed: Text can't be blank\"}");
      return;
    }
  /* The same key: the status made the first time */
  if (existing != NULL)
    id = g_strdup (existing);
  else
    {
      id = g_strdup_printf ("%s%u", scheduled ? "sch" : "1100", self->statuses->len + 1);
      json_object_set_string_member (body, "id", id);
      g_ptr_array_add (self->statuses, json_object_ref (body));
      if (key != NULL)
        g_hash_table_insert (self->keys, g_strdup (key), g_strdup (id));
    }

  json_object_set_string_member (answer, "id", id);
  if (scheduled)
    {
      json_object_set_string_member (answer, "scheduled_at", json_object_get_string_member (body, "scheduled_at"));
      json_object_set_object_member (answer, "params", json_object_ref (body));
      json_object_set_array_member (answer, "media_attachments", json_array_new ());
    }
  else
    {
      g_autofree char *url = g_strdup_printf ("https://piaille.example/@fournil/%s", id);

      json_object_set_string_member (answer, "url", url);
      json_object_set_string_member (answer, "content", text);
      json_object_set_string_member (answer, "visibility", "public");
    }

  if (failure == MASTODON_FAIL_DROP_AFTER_CREATE)
    {
      GIOStream *stream = soup_server_message_steal_connection (message);

      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
      return;
    }
  if (failure == MASTODON_FAIL_HANG_AFTER_CREATE)
    {
      g_ptr_array_add (self->hung, soup_server_message_steal_connection (message));
      if (self->created != NULL)
        self->created (id);
      return;
    }
  if (failure == MASTODON_FAIL_MALFORMED)
    {
      respond (message, 200, "{\"id\":\"11");
      return;
    }
  respond_object (message, 200, answer);
}

static void
post_media (MastodonServer    *self,
            SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));
  SoupMultipart *multipart = soup_multipart_new_from_message (headers, body);
  JsonObject *media = json_object_new ();
  g_autofree char *id = g_strdup_printf ("m%u", self->media->len + 1);
  gboolean has_file = FALSE;

  for (int i = 0; multipart != NULL && i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *part_headers;
      GBytes *part_body;
      GHashTable *params = NULL;

      soup_multipart_get_part (multipart, i, &part_headers, &part_body);
      if (!soup_message_headers_get_content_disposition (part_headers, NULL, &params))
        continue;
      if (g_strcmp0 (g_hash_table_lookup (params, "name"), "description") == 0)
        {
          g_autofree char *text = g_strndup (g_bytes_get_data (part_body, NULL), g_bytes_get_size (part_body));
          json_object_set_string_member (media, "description", text);
        }
      else if (g_strcmp0 (g_hash_table_lookup (params, "name"), "file") == 0)
        has_file = g_bytes_get_size (part_body) > 0;
      g_hash_table_destroy (params);
    }
  g_clear_pointer (&multipart, soup_multipart_free);
  if (!has_file)
    {
      json_object_unref (media);
      respond (message, 422, "{\"error\":\"Validation failed: File can't be blank\"}");
      return;
    }
  json_object_set_string_member (media, "id", id);
  json_object_set_string_member (media, "type", "image");
  json_object_set_null_member (media, "url");
  g_ptr_array_add (self->media, media);
  respond_object (message, 202, media);
}

static void
get_media (MastodonServer    *self,
           SoupServerMessage *message,
           const char        *id)
{
  for (guint i = 0; i < self->media->len; i++)
    {
      JsonObject *media = g_ptr_array_index (self->media, i);

      if (!g_str_equal (json_object_get_string_member (media, "id"), id))
        continue;
      if (self->media_polls > 0)
        {
          self->media_polls--;
          respond_object (message, 206, media);
          return;
        }
      json_object_set_string_member (media, "url", "https://files.piaille.example/media/original.png");
      respond_object (message, 200, media);
      return;
    }
  respond (message, 404, "{\"error\":\"Record not found\"}");
}

/* POST /api/v1/markers: notifications[last_read_id], form-encoded; 500
 * while markers_failing lasts */
static void
post_marker (MastodonServer    *self,
             SoupServerMessage *message)
{
  g_autoptr(GHashTable) form = form_of (message);
  const char *id = form ? g_hash_table_lookup (form, "notifications[last_read_id]") : NULL;
  g_autofree char *json = NULL;

  self->marker_posts++;
  if (self->markers_failing > 0)
    {
      self->markers_failing--;
      respond (message, 500, "{\"error\":\"Internal server error\"}");
      return;
    }
  if (id == NULL)
    {
      respond (message, 422, "{\"error\":\"Validation failed\"}");
      return;
    }
  g_ptr_array_add (self->markers, g_strdup (id));
  json = g_strdup_printf ("{\"notifications\":{\"last_read_id\":\"%s\",\"version\":%u,"
                          "\"updated_at\":\"2026-11-02T10:00:00.000Z\"}}", id, self->markers->len);
  respond (message, 200, json);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  MastodonServer *self = data;
  const char *method = soup_server_message_get_method (message);

  self->requests++;
  if (g_str_equal (path, "/api/v1/apps") && g_str_equal (method, "POST"))
    {
      g_autoptr(GHashTable) form = form_of (message);

      if (g_strcmp0 (g_hash_table_lookup (form, "redirect_uris"), "urn:ietf:wg:oauth:2.0:oob") != 0)
        respond (message, 422, "{\"error\":\"Validation failed: Redirect URI must be an absolute URI.\"}");
      else
        respond (message, 200, "{\"id\":\"563419\",\"name\":\"CommunityDesk\",\"client_id\":\"cid-1\","
                               "\"client_secret\":\"csecret-1\",\"redirect_uri\":\"urn:ietf:wg:oauth:2.0:oob\"}");
    }
  else if (g_str_equal (path, "/oauth/token") && g_str_equal (method, "POST"))
    {
      g_autoptr(GHashTable) form = form_of (message);

      if (g_strcmp0 (g_hash_table_lookup (form, "code"), MASTODON_CODE) == 0 &&
          g_strcmp0 (g_hash_table_lookup (form, "client_secret"), "csecret-1") == 0 &&
          g_hash_table_lookup (form, "code_verifier") != NULL)
        respond (message, 200, "{\"access_token\":\"" MASTODON_TOKEN "\",\"token_type\":\"Bearer\","
                               "\"scope\":\"read write\",\"created_at\":1573979017}");
      else
        respond (message, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization "
                               "grant is invalid, expired, revoked, does not match the redirection URI used in the "
                               "authorization request, or was issued to another client.\"}");
    }
  else if (!authorised (message))
    return;
  else if (g_str_equal (path, "/api/v1/accounts/verify_credentials"))
    {
      g_autoptr(JsonObject) account = account_object ("109", "fournil", "Le Fournil des Halles");
      respond_object (message, 200, account);
    }
  else if (g_str_equal (path, "/api/v2/media") && g_str_equal (method, "POST"))
    post_media (self, message);
  else if (g_str_has_prefix (path, "/api/v1/media/"))
    get_media (self, message, path + strlen ("/api/v1/media/"));
  else if (g_str_equal (path, "/api/v1/statuses") && g_str_equal (method, "POST"))
    post_status (self, message);
  else if (g_str_has_prefix (path, "/api/v1/statuses/") && g_str_equal (method, "GET"))
    {
      const char *id = path + strlen ("/api/v1/statuses/");
      gboolean found = FALSE;

      for (guint i = 0; i < self->statuses->len && !found; i++)
        if (g_strcmp0 (json_object_get_string_member (g_ptr_array_index (self->statuses, i), "id"), id) == 0 &&
            !g_hash_table_contains (self->deleted, id))
          {
            g_autofree char *json = g_strdup_printf ("{\"id\":\"%s\",\"favourites_count\":%u,\"reblogs_count\":3,"
                                                     "\"replies_count\":2,\"quotes_count\":1}", id, 10 + i);
            respond (message, 200, json);
            found = TRUE;
          }
      if (!found)
        respond (message, 404, "{\"error\":\"Record not found\"}");
    }
  else if (g_str_has_prefix (path, "/api/v1/scheduled_statuses/") && g_str_equal (method, "DELETE"))
    {
      g_hash_table_add (self->unscheduled, g_strdup (path + strlen ("/api/v1/scheduled_statuses/")));
      respond (message, 200, "{}");
    }
  else if (g_str_equal (path, "/api/v1/notifications"))
    notifications (self, message, query);
  else if (g_str_equal (path, "/api/v1/markers") && g_str_equal (method, "POST"))
    post_marker (self, message);
  else
    respond (message, 404, "{\"error\":\"Record not found\"}");
}

MastodonServer *
mastodon_server_new (void)
{
  MastodonServer *self = g_new0 (MastodonServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->hung = g_ptr_array_new_with_free_func (g_object_unref);
  self->media = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unscheduled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->markers = g_ptr_array_new_with_free_func (g_free);
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("Cannot listen on 127.0.0.1: %s", error->message);
  uris = soup_server_get_uris (self->server);
  self->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return self;
}

void
mastodon_server_free (MastodonServer *self)
{
  if (self == NULL)
    return;
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_free (self->url);
  g_ptr_array_unref (self->statuses);
  g_ptr_array_unref (self->hung);
  g_ptr_array_unref (self->media);
  g_hash_table_unref (self->keys);
  g_hash_table_unref (self->unscheduled);
  g_hash_table_unref (self->deleted);
  g_ptr_array_unref (self->markers);
  g_free (self);
}
