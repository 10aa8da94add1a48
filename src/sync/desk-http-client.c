/* desk-http-client.c: the one HTTP client of the sync
 *
 * One SoupSession for every connector, with the policy the servers ask of
 * a polite client:
 * - https only, TLS always verified (libsoup's default, never overridden);
 *   plain http only to this machine (the tests' servers);
 * - a timeout on every request and a few connections per host at most;
 * - a request that is safe to repeat (GET, PUT, DELETE, or a POST the
 *   server deduplicates) is tried again after a network error, a 5xx or a
 *   429: after Retry-After or the rate-limit reset when the server gives
 *   one, else after an exponential backoff with jitter; other statuses are
 *   returned at once (401 means "reconnect", not "try again");
 * - a host that said "too many requests" is left alone until it said;
 * - the log has the method, the address without its query, the status and
 *   the time: never a header, a body or a query string (tokens travel in
 *   them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-http"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-http-client.h"

#define MAX_DELAY_MS (5 * 60 * 1000)

G_DEFINE_QUARK (desk-http-error-quark, desk_http_error)

struct _DeskHttpRequest
{
  gatomicrefcount  ref;
  char            *method;
  char            *uri;
  GPtrArray       *headers;      /* name, value, name, value… */
  GBytes          *body;
  char            *content_type;
  gboolean         retry_safe;
};

struct _DeskHttpClient
{
  GObject      parent_instance;

  SoupSession *session;
  guint        timeout;         /* seconds */
  guint        max_attempts;
  guint        backoff_base_ms;
  GHashTable  *not_before;      /* host → monotonic µs before which it is left alone */
};

G_DEFINE_FINAL_TYPE (DeskHttpClient, desk_http_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_MAX_ATTEMPTS,
  PROP_BACKOFF_BASE_MS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Addresses */

/* TRUE for "localhost" and loopback IP literals (127.0.0.0/8, ::1) */
static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  /* GUri keeps an IPv6 literal's brackets off already; be sure */
  bare = g_strdup (host[0] == '[' ? host + 1 : host);
  if (g_str_has_suffix (bare, "]"))
    bare[strlen (bare) - 1] = '\0';
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * desk_http_check_uri:
 *
 * Whether the sync may talk to @uri: https, or http to this machine.
 */
gboolean
desk_http_check_uri (const char  *uri,
                     GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  g_return_val_if_fail (uri != NULL, FALSE);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || g_uri_get_host (parsed) == NULL || g_uri_get_host (parsed)[0] == '\0')
    {
      g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_INVALID_URI,
                   _("“%s” is not a web address (https://…)."), uri);
      return FALSE;
    }
  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (g_uri_get_host (parsed)))
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_INSECURE,
                 _("“%s” is not encrypted: use its https:// address."), g_uri_get_host (parsed));
  else
    g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_INVALID_URI,
                 _("“%s” is not a web address (https://…)."), uri);
  return FALSE;
}

/**
 * desk_http_redact_uri:
 *
 * Returns: @uri as the log may show it: without user information, query
 *   or fragment (tokens and codes travel there)
 */
char *
desk_http_redact_uri (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) bare = NULL;

  if (parsed == NULL)
    return g_strdup ("(not an address)");
  bare = g_uri_build (G_URI_FLAGS_NONE, g_uri_get_scheme (parsed), NULL, g_uri_get_host (parsed),
                      g_uri_get_port (parsed), g_uri_get_path (parsed), NULL, NULL);
  if (g_uri_get_query (parsed) != NULL)
    {
      g_autofree char *text = g_uri_to_string (bare);
      return g_strconcat (text, "?…", NULL);
    }
  return g_uri_to_string (bare);
}

/* Retry policy */

/* A point in time a header gives: Retry-After's HTTP date, Mastodon's
 * X-RateLimit-Reset (ISO 8601), Bluesky's ratelimit-reset (Unix seconds) */
static GDateTime *
parse_reset (const char *value)
{
  gint64 seconds;
  char *end = NULL;

  if (value == NULL)
    return NULL;
  seconds = g_ascii_strtoll (value, &end, 10);
  if (end != value && *end == '\0' && seconds > 0)
    return g_date_time_new_from_unix_utc (seconds);
  return g_date_time_new_from_iso8601 (value, NULL);
}

/* Milliseconds from @now until @then, at least 0 */
static gint64
ms_until (GDateTime *then,
          GDateTime *now)
{
  return MAX (0, g_date_time_difference (then, now) / 1000);
}

/**
 * desk_http_retry_delay_ms:
 * @status: the answer's status, 0 for a network error
 * @headers: (nullable): the answer's headers
 * @attempt: how many tries were made (1 after the first)
 * @random: a random number, for the jitter
 *
 * Returns: how long to wait before the next try, or -1 when the answer
 *   must not be retried (a success, or a 4xx other than 429)
 */
gint64
desk_http_retry_delay_ms (guint               status,
                          SoupMessageHeaders *headers,
                          guint               attempt,
                          guint               base_ms,
                          GDateTime          *now,
                          guint32             random)
{
  gint64 backoff;
  const char *value;

  if (status != 0 && status != 429 && status < 500)
    return -1;

  if (headers != NULL && (value = soup_message_headers_get_one (headers, "Retry-After")) != NULL)
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (value, &end, 10);

      if (end != value && *end == '\0' && seconds >= 0)
        return MIN (seconds * 1000, MAX_DELAY_MS);
      {
        g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
        if (when != NULL)
          return MIN (ms_until (when, now), MAX_DELAY_MS);
      }
    }
  if (status == 429 && headers != NULL)
    {
      g_autoptr(GDateTime) reset = parse_reset (soup_message_headers_get_one (headers, "X-RateLimit-Reset"));

      if (reset == NULL)
        reset = parse_reset (soup_message_headers_get_one (headers, "ratelimit-reset"));
      if (reset != NULL)
        return MIN (ms_until (reset, now), MAX_DELAY_MS);
    }

  /* base × 2^(attempt − 1), capped; half of it fixed, half random */
  backoff = (gint64) base_ms << MIN (attempt > 0 ? attempt - 1 : 0, 20);
  backoff = MIN (backoff, MAX_DELAY_MS);
  return backoff / 2 + (backoff > 1 ? random % (backoff / 2 + 1) : 0);
}

/* Requests */

DeskHttpRequest *
desk_http_request_new (const char  *method,
                       const char  *uri,
                       GError     **error)
{
  DeskHttpRequest *self;

  g_return_val_if_fail (method != NULL && uri != NULL, NULL);

  if (!desk_http_check_uri (uri, error))
    return NULL;
  self = g_new0 (DeskHttpRequest, 1);
  g_atomic_ref_count_init (&self->ref);
  self->method = g_strdup (method);
  self->uri = g_strdup (uri);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->retry_safe = g_str_equal (method, "GET") || g_str_equal (method, "HEAD") ||
                     g_str_equal (method, "PUT") || g_str_equal (method, "DELETE");
  return self;
}

DeskHttpRequest *
desk_http_request_ref (DeskHttpRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
desk_http_request_unref (DeskHttpRequest *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->method);
  g_free (self->uri);
  /* The headers may hold a token: not left behind in freed memory */
  for (guint i = 0; i < self->headers->len; i++)
    {
      char *text = g_ptr_array_index (self->headers, i);
      memset (text, 0, strlen (text));
    }
  g_ptr_array_unref (self->headers);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_free (self->content_type);
  g_free (self);
}

const char *
desk_http_request_get_uri (DeskHttpRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uri;
}

void
desk_http_request_set_header (DeskHttpRequest *self,
                              const char      *name,
                              const char      *value)
{
  g_return_if_fail (self != NULL && name != NULL && value != NULL);
  g_ptr_array_add (self->headers, g_strdup (name));
  g_ptr_array_add (self->headers, g_strdup (value));
}

void
desk_http_request_set_body (DeskHttpRequest *self,
                            const char      *content_type,
                            GBytes          *body)
{
  g_return_if_fail (self != NULL && content_type != NULL && body != NULL);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_free (self->content_type);
  self->body = g_bytes_ref (body);
  self->content_type = g_strdup (content_type);
}

void
desk_http_request_set_json (DeskHttpRequest *self,
                            JsonNode        *node)
{
  gsize length = 0;
  char *text = json_to_string (node, FALSE);
  g_autoptr(GBytes) body = NULL;

  length = strlen (text);
  body = g_bytes_new_take (text, length);
  desk_http_request_set_body (self, "application/json", body);
}

void
desk_http_request_set_form (DeskHttpRequest *self,
                            GHashTable      *fields)
{
  char *text = soup_form_encode_hash (fields);
  g_autoptr(GBytes) body = g_bytes_new_take (text, strlen (text));

  desk_http_request_set_body (self, "application/x-www-form-urlencoded", body);
}

/* A POST the server deduplicates (an Idempotency-Key) may be repeated */
void
desk_http_request_set_retry_safe (DeskHttpRequest *self,
                                  gboolean         retry_safe)
{
  g_return_if_fail (self != NULL);
  self->retry_safe = retry_safe;
}

static SoupMessage *
request_to_message (DeskHttpRequest *self)
{
  SoupMessage *message = soup_message_new (self->method, self->uri);
  SoupMessageHeaders *headers;

  if (message == NULL)
    return NULL;
  headers = soup_message_get_request_headers (message);
  for (guint i = 0; i + 1 < self->headers->len; i += 2)
    soup_message_headers_replace (headers, g_ptr_array_index (self->headers, i),
                                  g_ptr_array_index (self->headers, i + 1));
  if (self->body != NULL)
    soup_message_set_request_body_from_bytes (message, self->content_type, self->body);
  return message;
}

/* Responses */

void
desk_http_response_free (DeskHttpResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

/**
 * desk_http_response_get_json:
 *
 * Returns: (transfer full): the answer's JSON, or %NULL with
 *   DESK_HTTP_ERROR_MALFORMED
 */
JsonNode *
desk_http_response_get_json (DeskHttpResponse  *response,
                             GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (response != NULL, NULL);

  data = response->body ? g_bytes_get_data (response->body, &length) : NULL;
  if (data == NULL || length == 0 || !json_parser_load_from_data (parser, data, length, &parse_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED,
                   _("The server’s answer could not be read (%s)."),
                   parse_error ? parse_error->message : _("empty"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* The reason a server gives in its JSON error: Mastodon's "error",
 * WordPress's "message", Bluesky's "message" or "error" */
static char *
server_reason (DeskHttpResponse *response)
{
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);
  JsonObject *object;
  const char *keys[] = { "error_description", "message", "error" };

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      JsonNode *member = json_object_get_member (object, keys[i]);

      if (member != NULL && JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (member);
          /* A reason, not a page: cut and kept to one line */
          g_autofree char *line = g_strndup (text, MIN (strlen (text), 300));

          g_strdelimit (line, "\r\n\t", ' ');
          if (g_utf8_validate (line, -1, NULL))
            return g_steal_pointer (&line);
          return g_utf8_make_valid (line, -1);
        }
    }
  return NULL;
}

/**
 * desk_http_response_check:
 *
 * Returns: %TRUE for a 2xx; else %FALSE with an error saying what the user
 *   can do (reconnect the account, wait, fix the post…)
 */
gboolean
desk_http_response_check (DeskHttpResponse  *response,
                          GError           **error)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (response != NULL, FALSE);

  if (response->status >= 200 && response->status < 300)
    return TRUE;
  reason = server_reason (response);
  if (response->status == 401 || response->status == 403)
    g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED,
                 _("The server no longer accepts this account’s connection: reconnect it (%s)."),
                 reason ? reason : soup_status_get_phrase (response->status));
  else if (response->status == 429)
    g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_RATE_LIMITED,
                 _("The server asks to slow down; it will be tried again later."));
  else if (response->status >= 500)
    g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_SERVER,
                 _("The server has a problem (HTTP %u); it will be tried again later."), response->status);
  else
    g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                 _("The server refused it: %s (HTTP %u)."),
                 reason ? reason : soup_status_get_phrase (response->status), response->status);
  return FALSE;
}

/* Sending */

typedef struct
{
  DeskHttpRequest *request;
  SoupMessage     *message;
  guint            attempt;
  gint64           started;
  char            *host;
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *send = data;

  desk_http_request_unref (send->request);
  g_clear_object (&send->message);
  g_free (send->host);
  g_free (send);
}

static void send_attempt (GTask *task);

static gboolean
retry_cb (gpointer data)
{
  GTask *task = data;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;
  send_attempt (g_object_ref (task));
  return G_SOURCE_REMOVE;
}

/* Tries again after @delay_ms, or sooner if cancelled */
static void
schedule_retry (GTask  *task,
                gint64  delay_ms)
{
  GSource *timeout = g_timeout_source_new ((guint) CLAMP (delay_ms, 0, G_MAXUINT));
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL)
    {
      GSource *cancelled = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (timeout, cancelled);
      g_source_unref (cancelled);
    }
  g_source_set_callback (timeout, retry_cb, g_object_ref (task), g_object_unref);
  g_source_set_name (timeout, "[desk-http] retry");
  g_source_attach (timeout, g_main_context_get_thread_default ());
  g_source_unref (timeout);
}

/* A host that answered 429, or said it has no request left, is left
 * alone until its reset */
static void
remember_limit (DeskHttpClient *self,
                SendData       *send,
                guint           status,
                gint64          delay_ms)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (send->message);
  const char *remaining = soup_message_headers_get_one (headers, "X-RateLimit-Remaining");
  gint64 wait_ms = -1;

  if (remaining == NULL)
    remaining = soup_message_headers_get_one (headers, "ratelimit-remaining");
  if (status == 429)
    wait_ms = delay_ms;
  else if (remaining != NULL && g_ascii_strtoll (remaining, NULL, 10) == 0 && g_ascii_isdigit (remaining[0]))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      wait_ms = desk_http_retry_delay_ms (429, headers, 1, self->backoff_base_ms, now, 0);
    }
  if (wait_ms > 0)
    g_hash_table_insert (self->not_before, g_strdup (send->host),
                         g_memdup2 (&(gint64) { g_get_monotonic_time () + wait_ms * 1000 }, sizeof (gint64)));
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskHttpClient *self = g_task_get_source_object (task);
  SendData *send = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autofree char *shown = desk_http_redact_uri (send->request->uri);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint status = body != NULL ? soup_message_get_status (send->message) : 0;
  gint64 delay = -1;

  g_debug ("%s %s → %u (%" G_GINT64_FORMAT " ms, try %u)%s%s", send->request->method, shown, status,
           (g_get_monotonic_time () - send->started) / 1000, send->attempt,
           error ? ": " : "", error ? error->message : "");

  if (body == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (send->request->retry_safe && send->attempt < self->max_attempts)
    delay = desk_http_retry_delay_ms (status, body ? soup_message_get_response_headers (send->message) : NULL,
                                      send->attempt, self->backoff_base_ms, now, g_random_int ());
  if (body != NULL)
    remember_limit (self, send, status,
                    status == 429 ? desk_http_retry_delay_ms (429, soup_message_get_response_headers (send->message),
                                                              send->attempt, self->backoff_base_ms, now, 0) : -1);
  if (delay >= 0)
    {
      schedule_retry (task, delay);
      return;
    }

  if (body == NULL)
    {
      gboolean timed_out = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);

      g_task_return_new_error (task, DESK_HTTP_ERROR, timed_out ? DESK_HTTP_ERROR_TIMEOUT : DESK_HTTP_ERROR_NETWORK,
                               timed_out ? _("The server did not answer in time (%s).")
                                         : _("The server could not be reached (%s)."),
                               send->host);
      return;
    }

  {
    DeskHttpResponse *response = g_new0 (DeskHttpResponse, 1);

    response->status = status;
    response->headers = soup_message_headers_ref (soup_message_get_response_headers (send->message));
    response->body = g_steal_pointer (&body);
    response->attempts = send->attempt;
    g_task_return_pointer (task, response, (GDestroyNotify) desk_http_response_free);
  }
}

static void
send_attempt (GTask *task)
{
  DeskHttpClient *self = g_task_get_source_object (task);
  SendData *send = g_task_get_task_data (task);
  gint64 *not_before = g_hash_table_lookup (self->not_before, send->host);
  gint64 now = g_get_monotonic_time ();

  /* The host asked to be left alone for a while */
  if (not_before != NULL && *not_before > now)
    {
      schedule_retry (task, (*not_before - now) / 1000 + 1);
      g_object_unref (task);
      return;
    }
  g_hash_table_remove (self->not_before, send->host);

  g_clear_object (&send->message);
  send->message = request_to_message (send->request);
  if (send->message == NULL)
    {
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_INVALID_URI,
                               _("“%s” is not a web address (https://…)."), send->request->uri);
      g_object_unref (task);
      return;
    }
  send->attempt++;
  send->started = now;
  soup_session_send_and_read_async (self->session, send->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), sent_cb, task);
}

/**
 * desk_http_client_send_async:
 *
 * Sends @request, again after a failure if it is safe to repeat. The
 * answer comes whatever its status; a network error, a timeout or an
 * address refused comes as an error.
 */
void
desk_http_client_send_async (DeskHttpClient      *self,
                             DeskHttpRequest     *request,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  SendData *send;
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (DESK_IS_HTTP_CLIENT (self));
  g_return_if_fail (request != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_http_client_send_async);
  send = g_new0 (SendData, 1);
  send->request = desk_http_request_ref (request);
  uri = g_uri_parse (request->uri, G_URI_FLAGS_NONE, NULL);
  send->host = g_strdup_printf ("%s:%d", uri ? g_uri_get_host (uri) : "", uri ? g_uri_get_port (uri) : -1);
  g_task_set_task_data (task, send, send_data_free);
  send_attempt (task);
}

/**
 * desk_http_client_send_finish:
 *
 * Returns: (transfer full): the answer, or %NULL with @error
 */
DeskHttpResponse *
desk_http_client_send_finish (DeskHttpClient  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

SoupSession *
desk_http_client_get_session (DeskHttpClient *self)
{
  g_return_val_if_fail (DESK_IS_HTTP_CLIENT (self), NULL);
  return self->session;
}

/* Object */

static void
desk_http_client_constructed (GObject *object)
{
  DeskHttpClient *self = DESK_HTTP_CLIENT (object);
  g_autofree char *agent = g_strdup_printf ("CommunityDesk/%s", PACKAGE_VERSION);

  G_OBJECT_CLASS (desk_http_client_parent_class)->constructed (object);
  self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                 "idle-timeout", 60,
                                                 "max-conns-per-host", 4,
                                                 "user-agent", agent,
                                                 NULL);
}

static void
desk_http_client_finalize (GObject *object)
{
  DeskHttpClient *self = DESK_HTTP_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->not_before, g_hash_table_unref);

  G_OBJECT_CLASS (desk_http_client_parent_class)->finalize (object);
}

static void
desk_http_client_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskHttpClient *self = DESK_HTTP_CLIENT (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_ATTEMPTS:
      g_value_set_uint (value, self->max_attempts);
      break;
    case PROP_BACKOFF_BASE_MS:
      g_value_set_uint (value, self->backoff_base_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_http_client_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DeskHttpClient *self = DESK_HTTP_CLIENT (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      self->timeout = g_value_get_uint (value);
      if (self->session != NULL)
        soup_session_set_timeout (self->session, self->timeout);
      break;
    case PROP_MAX_ATTEMPTS:
      self->max_attempts = g_value_get_uint (value);
      break;
    case PROP_BACKOFF_BASE_MS:
      self->backoff_base_ms = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_http_client_class_init (DeskHttpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = desk_http_client_constructed;
  object_class->finalize = desk_http_client_finalize;
  object_class->get_property = desk_http_client_get_property;
  object_class->set_property = desk_http_client_set_property;

  /* Seconds a request may wait for its answer */
  properties[PROP_TIMEOUT] = g_param_spec_uint ("timeout", NULL, NULL, 1, 600, 30, rw);
  /* Tries of a request that is safe to repeat */
  properties[PROP_MAX_ATTEMPTS] = g_param_spec_uint ("max-attempts", NULL, NULL, 1, 20, 5, rw);
  /* The first backoff; it doubles at each try */
  properties[PROP_BACKOFF_BASE_MS] = g_param_spec_uint ("backoff-base-ms", NULL, NULL, 1, 60000, 1000, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_http_client_init (DeskHttpClient *self)
{
  self->not_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

DeskHttpClient *
desk_http_client_new (void)
{
  return g_object_new (DESK_TYPE_HTTP_CLIENT, NULL);
}
