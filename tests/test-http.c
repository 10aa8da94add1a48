/* test-http.c: the sync's HTTP client against a server on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-http-client.h"

#define TOKEN "s3cr3t-t0ken-never-logged"

static GString *log_text;

/* Every message of the client, debug ones included, kept to be searched */
static GLogWriterOutput
writer (GLogLevelFlags   level,
        const GLogField *fields,
        gsize            n_fields,
        gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      {
        g_string_append_len (log_text, fields[i].value, fields[i].length < 0 ? (gssize) strlen (fields[i].value)
                                                                               : fields[i].length);
        g_string_append_c (log_text, '\n');
      }
  if (level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

typedef struct
{
  SoupServer     *server;
  char           *base;         /* http://127.0.0.1:PORT */
  GHashTable     *hits;         /* path → count */
  GString        *authorization;
  DeskHttpClient *client;
} Fixture;

static guint
hits (Fixture    *f,
      const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->hits, path));
}

static void
respond_json (SoupServerMessage *message,
              guint              status,
              const char        *json)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  Fixture *f = data;
  guint n = hits (f, path) + 1;
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Authorization");

  g_hash_table_insert (f->hits, g_strdup (path), GUINT_TO_POINTER (n));
  if (auth != NULL)
    g_string_append (f->authorization, auth);

  if (g_str_equal (path, "/flaky"))
    {
      if (n < 3)
        respond_json (message, 503, "{\"error\":\"busy\"}");
      else
        respond_json (message, 200, "{\"id\":\"103\"}");
    }
  else if (g_str_equal (path, "/limited"))
    {
      if (n == 1)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", "0");
          respond_json (message, 429, "{\"error\":\"Too many requests\"}");
        }
      else
        respond_json (message, 200, "[]");
    }
  else if (g_str_equal (path, "/unauthorized"))
    respond_json (message, 401, "{\"error\":\"The access token is invalid\"}");
  else if (g_str_equal (path, "/invalid"))
    respond_json (message, 422, "{\"error\":\"Validation failed: Text can't be blank\"}");
  else if (g_str_equal (path, "/garbage"))
    respond_json (message, 200, "{\"id\": \"1\", truncated");
  else if (g_str_equal (path, "/slow"))
    soup_server_message_pause (message);   /* never answers */
  else if (g_str_equal (path, "/drop"))
    {
      /* The request arrived; the answer is lost */
      GIOStream *stream = soup_server_message_steal_connection (message);

      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
  else
    respond_json (message, 404, "{\"error\":\"Record not found\"}");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  f->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->authorization = g_string_new (NULL);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->client = g_object_new (DESK_TYPE_HTTP_CLIENT, "backoff-base-ms", 5, "timeout", 1, "max-attempts", 4, NULL);
  g_string_truncate (log_text, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_free (f->base);
  g_hash_table_unref (f->hits);
  g_string_free (f->authorization, TRUE);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/* Sends METHOD BASE+PATH with a bearer token and waits for the outcome */
static DeskHttpResponse *
send (Fixture     *f,
      const char  *method,
      const char  *path,
      GError     **error)
{
  g_autofree char *uri = g_strconcat (f->base, path, NULL);
  g_autoptr(DeskHttpRequest) request = desk_http_request_new (method, uri, error);
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_nonnull (request);
  desk_http_request_set_header (request, "Authorization", "Bearer " TOKEN);
  desk_http_client_send_async (f->client, request, NULL, sent_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return desk_http_client_send_finish (f->client, result, error);
}

static void
test_addresses (void)
{
  const char *allowed[] = {
    "https://piaille.fr/api/v1/statuses", "http://127.0.0.1:8081/wp-json/", "http://localhost:3000/",
    "http://[::1]:2583/xrpc/", "http://127.0.0.2/",
  };
  const struct { const char *uri; DeskHttpError code; } refused[] = {
    { "http://piaille.fr/api/v1/statuses", DESK_HTTP_ERROR_INSECURE },
    { "http://127.0.0.1.evil.example/", DESK_HTTP_ERROR_INSECURE },
    { "http://192.168.1.10/", DESK_HTTP_ERROR_INSECURE },
    { "ftp://piaille.fr/", DESK_HTTP_ERROR_INVALID_URI },
    { "piaille.fr", DESK_HTTP_ERROR_INVALID_URI },
    { "https://", DESK_HTTP_ERROR_INVALID_URI },
    { "", DESK_HTTP_ERROR_INVALID_URI },
  };
  g_autofree char *redacted = desk_http_redact_uri ("https://me:pw@piaille.fr/oauth/token?code=abc&secret=x#frag");
  g_autofree char *plain = desk_http_redact_uri ("https://piaille.fr:8443/api/v1/notifications");

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (desk_http_check_uri (allowed[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (desk_http_check_uri (refused[i].uri, &error));
      g_assert_error (error, DESK_HTTP_ERROR, (gint) refused[i].code);
      g_assert_null (desk_http_request_new ("GET", refused[i].uri, NULL));
    }
  g_assert_cmpstr (redacted, ==, "https://piaille.fr/oauth/token?…");
  g_assert_cmpstr (plain, ==, "https://piaille.fr:8443/api/v1/notifications");
}

static void
test_retry_delay (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 2, 10, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 90);
  g_autofree char *http_date = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  g_autofree char *iso = g_date_time_format_iso8601 (later);
  g_autofree char *unix_time = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (later));
  SoupMessageHeaders *headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);

  /* Not retried: successes and 4xx other than 429 */
  g_assert_cmpint (desk_http_retry_delay_ms (200, NULL, 1, 1000, now, 7), ==, -1);
  g_assert_cmpint (desk_http_retry_delay_ms (401, NULL, 1, 1000, now, 7), ==, -1);
  g_assert_cmpint (desk_http_retry_delay_ms (422, NULL, 1, 1000, now, 7), ==, -1);

  /* Exponential backoff, half of it random, capped at five minutes */
  g_assert_cmpint (desk_http_retry_delay_ms (0, NULL, 1, 1000, now, 0), ==, 500);
  g_assert_cmpint (desk_http_retry_delay_ms (503, NULL, 1, 1000, now, 500), ==, 1000);
  g_assert_cmpint (desk_http_retry_delay_ms (503, NULL, 3, 1000, now, 0), ==, 2000);
  g_assert_cmpint (desk_http_retry_delay_ms (503, NULL, 3, 1000, now, 1999), ==, 2000 + 1999 % 2001);
  g_assert_cmpint (desk_http_retry_delay_ms (503, NULL, 30, 1000, now, G_MAXUINT32), <=, 5 * 60 * 1000);

  /* What the server says wins: Retry-After in seconds or as a date */
  soup_message_headers_replace (headers, "Retry-After", "7");
  g_assert_cmpint (desk_http_retry_delay_ms (503, headers, 1, 1000, now, 3), ==, 7000);
  soup_message_headers_replace (headers, "Retry-After", http_date);
  g_assert_cmpint (desk_http_retry_delay_ms (429, headers, 1, 1000, now, 3), ==, 90000);
  soup_message_headers_remove (headers, "Retry-After");
  /* Mastodon's reset (ISO 8601), Bluesky's (Unix time) */
  soup_message_headers_replace (headers, "X-RateLimit-Reset", iso);
  g_assert_cmpint (desk_http_retry_delay_ms (429, headers, 1, 1000, now, 3), ==, 90000);
  soup_message_headers_remove (headers, "X-RateLimit-Reset");
  soup_message_headers_replace (headers, "ratelimit-reset", unix_time);
  g_assert_cmpint (desk_http_retry_delay_ms (429, headers, 1, 1000, now, 3), ==, 90000);
  /* A reset in the past: at once */
  soup_message_headers_replace (headers, "ratelimit-reset", "1000");
  g_assert_cmpint (desk_http_retry_delay_ms (429, headers, 1, 1000, now, 3), ==, 0);
  soup_message_headers_unref (headers);
}

static void
test_retries (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpResponse) response = NULL;

  /* 503, 503, 200: a GET is tried again */
  response = send (f, "GET", "/flaky", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (response->attempts, ==, 3);
  g_assert_cmpuint (hits (f, "/flaky"), ==, 3);
  g_clear_pointer (&response, desk_http_response_free);

  /* 429 with Retry-After: once more, after it */
  response = send (f, "GET", "/limited", &error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (hits (f, "/limited"), ==, 2);
  g_clear_pointer (&response, desk_http_response_free);

  /* 404: never again */
  response = send (f, "GET", "/nothing", &error);
  g_assert_cmpuint (response->status, ==, 404);
  g_assert_cmpuint (hits (f, "/nothing"), ==, 1);
  g_assert_false (desk_http_response_check (response, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "Record not found"));
  g_clear_error (&error);
  g_clear_pointer (&response, desk_http_response_free);

  /* A POST the server does not deduplicate is never repeated */
  g_hash_table_remove_all (f->hits);
  response = send (f, "POST", "/flaky", &error);
  g_assert_cmpuint (response->status, ==, 503);
  g_assert_cmpuint (hits (f, "/flaky"), ==, 1);
  g_assert_false (desk_http_response_check (response, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_SERVER);
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpResponse) response = NULL;
  g_autoptr(JsonNode) node = NULL;

  response = send (f, "GET", "/unauthorized", &error);
  g_assert_false (desk_http_response_check (response, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (hits (f, "/unauthorized"), ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&response, desk_http_response_free);

  response = send (f, "POST", "/invalid", &error);
  g_assert_false (desk_http_response_check (response, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "Validation failed: Text can't be blank"));
  g_clear_error (&error);
  g_clear_pointer (&response, desk_http_response_free);

  /* Truncated JSON: said, not a crash */
  response = send (f, "GET", "/garbage", &error);
  g_assert_true (desk_http_response_check (response, &error));
  node = desk_http_response_get_json (response, &error);
  g_assert_null (node);
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED);
  g_clear_error (&error);
  g_clear_pointer (&response, desk_http_response_free);

  /* A POST that lost its answer is not sent twice (libsoup sends a POST
   * on a new connection, and never again by itself) */
  response = send (f, "POST", "/drop", &error);
  g_assert_null (response);
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_NETWORK);
  g_assert_cmpuint (hits (f, "/drop"), ==, 1);
  g_clear_error (&error);

  /* The connection dropped after the request: a GET is tried again, up
   * to the limit (libsoup itself may try once more on a connection it
   * reused), then the error says the server could not be reached */
  response = send (f, "GET", "/drop", &error);
  g_assert_null (response);
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_NETWORK);
  g_assert_cmpuint (hits (f, "/drop"), >=, 1 + 4);
  g_assert_cmpuint (hits (f, "/drop"), <=, 1 + 2 * 4);
  g_clear_error (&error);

  /* No answer: the timeout */
  g_object_set (f->client, "max-attempts", 1, NULL);
  response = send (f, "GET", "/slow", &error);
  g_assert_null (response);
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_TIMEOUT);
  g_clear_error (&error);

  /* The token reached the server, never the log; the log has the path */
  g_assert_nonnull (strstr (f->authorization->str, TOKEN));
  g_assert_null (strstr (log_text->str, TOKEN));
  g_assert_nonnull (strstr (log_text->str, "/unauthorized"));
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GError **error = data;

  g_assert_null (desk_http_client_send_finish (DESK_HTTP_CLIENT (source), result, error));
}

/* Cancelled while it waits to try again: it stops at once */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *uri = g_strconcat (f->base, "/flaky", NULL);
  g_autoptr(DeskHttpRequest) request = desk_http_request_new ("GET", uri, NULL);
  GError *error = NULL;

  g_object_set (f->client, "backoff-base-ms", 60000, NULL);
  desk_http_client_send_async (f->client, request, cancellable, cancelled_cb, &error);
  while (hits (f, "/flaky") < 1)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (hits (f, "/flaky"), ==, 1);
  g_error_free (error);
}

int
main (int    argc,
      char **argv)
{
  log_text = g_string_new (NULL);
  g_log_set_writer_func (writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/http/addresses", test_addresses);
  g_test_add_func ("/http/retry-delay", test_retry_delay);
  g_test_add ("/http/retries", Fixture, NULL, fixture_set_up, test_retries, fixture_tear_down);
  g_test_add ("/http/failures", Fixture, NULL, fixture_set_up, test_failures, fixture_tear_down);
  g_test_add ("/http/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);

  return g_test_run ();
}
