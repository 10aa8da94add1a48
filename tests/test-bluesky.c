/* test-bluesky.c: the Bluesky connector against a real Bluesky network
 *
 * Run by with-atproto.sh, which starts a PLC directory, a PDS and an
 * AppView on 127.0.0.1 (atproto-lab.sh, @atproto/dev-env) and gives the
 * PDS's address and the credentials of alice (an app password) and bob in
 * ATPROTO_LAB_*. Alice is the connector's account; bob likes, reposts,
 * answers, follows, mentions and quotes her through the PDS directly.
 * What the connector did is read back from the PDS itself. A small proxy
 * in this process stands between them when an answer has to be lost. The
 * AppView indexes on its own time: what it shows is polled for, with a
 * deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "desk-bluesky.h"
#include "desk-notification.h"
#include "desk-outbox.h"
#include "desk-pull.h"
#include "desk-secrets.h"
#include "desk-store.h"

#define DEADLINE_S 60

typedef struct
{
  const char     *pds;          /* http://127.0.0.1:PORT */
  const char     *alice;        /* handle */
  const char     *alice_did;
  const char     *password;     /* alice's app password */
  const char     *bob;
  const char     *bob_did;
  const char     *bob_password;
  char           *bob_jwt;
  char           *dir;          /* images made by the tests */
  DeskHttpClient *client;
  SoupSession    *reader;       /* reads the PDS directly, for the asserts */
  guint           log_lines;    /* the sync's log lines seen */
  char           *post_uri;     /* alice's post that bob reacts to */
  char           *post_cid;
} Lab;

static Lab lab;

/* Proxy: forwards to the PDS; can lose the answer of the next putRecord
 * after the PDS made the record */

typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *url;
  gboolean     lose_next_put;
  guint        puts_forwarded;
} Proxy;

typedef struct
{
  SoupServerMessage *message;
  SoupMessage       *forwarded;
  gboolean           lose;
} Forward;

static gboolean
hop_by_hop (const char *name)
{
  const char *names[] = { "Host", "Connection", "Content-Length", "Transfer-Encoding", "Accept-Encoding",
                          "Content-Encoding", "Keep-Alive" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
forwarded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Forward *forward = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  SoupMessageHeaders *from = soup_message_get_response_headers (forward->forwarded);
  SoupMessageHeaders *to = soup_server_message_get_response_headers (forward->message);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  if (forward->lose || body == NULL)
    {
      /* The PDS made the record; its answer never comes back */
      GIOStream *stream = soup_server_message_steal_connection (forward->message);

      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
  else
    {
      soup_message_headers_iter_init (&iter, from);
      while (soup_message_headers_iter_next (&iter, &name, &value))
        if (!hop_by_hop (name))
          soup_message_headers_append (to, name, value);
      soup_server_message_set_status (forward->message, soup_message_get_status (forward->forwarded), NULL);
      soup_server_message_set_response (forward->message, soup_message_headers_get_content_type (from, NULL),
                                        SOUP_MEMORY_COPY, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      soup_server_message_unpause (forward->message);
    }
  g_object_unref (forward->message);
  g_object_unref (forward->forwarded);
  g_free (forward);
}

static void
proxy_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           data)
{
  Proxy *proxy = data;
  GUri *uri = soup_server_message_get_uri (message);
  const char *method = soup_server_message_get_method (message);
  g_autofree char *target = g_strconcat (lab.pds, g_uri_get_path (uri), g_uri_get_query (uri) ? "?" : "",
                                         g_uri_get_query (uri) ? g_uri_get_query (uri) : "", NULL);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));
  Forward *forward = g_new0 (Forward, 1);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  forward->message = g_object_ref (message);
  forward->forwarded = soup_message_new (method, target);
  g_assert_nonnull (forward->forwarded);
  soup_message_add_flags (forward->forwarded, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (!hop_by_hop (name))
      soup_message_headers_append (soup_message_get_request_headers (forward->forwarded), name, value);
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (forward->forwarded, soup_message_headers_get_content_type (headers, NULL),
                                              body);
  if (g_str_equal (path, "/xrpc/com.atproto.repo.putRecord"))
    {
      proxy->puts_forwarded++;
      forward->lose = proxy->lose_next_put;
      proxy->lose_next_put = FALSE;
    }
  soup_server_message_pause (message);
  soup_session_send_and_read_async (proxy->session, forward->forwarded, G_PRIORITY_DEFAULT, NULL, forwarded_cb,
                                    forward);
}

static Proxy *
proxy_new (void)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  proxy->session = soup_session_new ();
  proxy->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (proxy->server, NULL, proxy_cb, proxy, NULL);
  if (!soup_server_listen_local (proxy->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("Cannot listen on 127.0.0.1: %s", error->message);
  uris = soup_server_get_uris (proxy->server);
  proxy->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return proxy;
}

static void
proxy_free (Proxy *proxy)
{
  soup_server_disconnect (proxy->server);
  g_object_unref (proxy->server);
  g_object_unref (proxy->session);
  g_free (proxy->url);
  g_free (proxy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Proxy, proxy_free)

/* Waiting for the connector, and for the AppView */

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run a while between two looks at the AppView */
static void
pause_ms (guint ms)
{
  gboolean over = FALSE;

  g_timeout_add (ms, flag_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
deadline_passed (gint64 started)
{
  return g_get_monotonic_time () - started > DEADLINE_S * G_USEC_PER_SEC;
}

/* The connector's calls, waited for */

static gboolean
login (DeskBluesky  *account,
       const char   *identifier,
       const char   *password,
       GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_bluesky_login_async (account, identifier, password, NULL, done_cb, &result);
  return desk_bluesky_login_finish (account, wait_for (&result), error);
}

static DeskBluesky *
alice_via (const char *service)
{
  DeskBluesky *account = desk_bluesky_new (lab.client, service);
  g_autoptr(GError) error = NULL;

  g_assert_true (login (account, lab.alice, lab.password, &error));
  g_assert_no_error (error);
  return account;
}

static DeskRemoteAccount *
verify (DeskBluesky  *account,
        GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_bluesky_verify_async (account, NULL, done_cb, &result);
  return desk_bluesky_verify_finish (account, wait_for (&result), error);
}

static DeskRemotePost *
publish (DeskBluesky            *account,
         const DeskBlueskyPost  *post,
         GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_bluesky_publish_async (account, post, NULL, done_cb, &result);
  return desk_bluesky_publish_finish (account, wait_for (&result), error);
}

static GPtrArray *
notifications (DeskBluesky *account,
               const char  *cursor,
               char       **next)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  desk_bluesky_notifications_async (account, cursor, 200, NULL, done_cb, &result);
  items = desk_bluesky_notifications_finish (account, wait_for (&result), next, &error);
  g_assert_no_error (error);
  return items;
}

static GPtrArray *
post_counts (DeskBluesky        *account,
             const char * const *uris)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *counts;

  desk_bluesky_post_counts_async (account, uris, NULL, done_cb, &result);
  counts = desk_bluesky_post_counts_finish (account, wait_for (&result), &error);
  g_assert_no_error (error);
  return counts;
}

/* Reading and writing the PDS directly */

/* METHOD /xrpc/@path with @body (JSON) as @jwt's account; the status in
 * @status, the answer's JSON object as the result */
static JsonObject *
xrpc (const char *method,
      const char *path,
      const char *body,
      const char *jwt,
      guint      *status)
{
  g_autofree char *uri = g_strconcat (lab.pds, "/xrpc/", path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (jwt != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", jwt, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = soup_session_send_and_read (lab.reader, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);
  if (g_bytes_get_size (answer) == 0)
    return json_object_new ();
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer),
                                             &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
xrpc_ok (const char *method,
         const char *path,
         const char *body,
         const char *jwt)
{
  guint status = 0;
  JsonObject *object = xrpc (method, path, body, jwt, &status);

  if (status != 200)
    g_error ("%s %s → %u", method, path, status);
  return object;
}

/* Alice's post under @rkey, or NULL when there is none */
static JsonObject *
get_post_record (const char *rkey)
{
  g_autofree char *path = g_strdup_printf ("com.atproto.repo.getRecord?repo=%s&collection=app.bsky.feed.post&rkey=%s",
                                           lab.alice_did, rkey);
  guint status = 0;
  g_autoptr(JsonObject) object = xrpc ("GET", path, NULL, NULL, &status);

  if (status == 400)
    return NULL;
  g_assert_cmpuint (status, ==, 200);
  return json_object_ref (object);
}

/* How many of alice's posts are under @rkey */
static guint
records_with_rkey (const char *rkey)
{
  g_autofree char *path = g_strdup_printf ("com.atproto.repo.listRecords?repo=%s&collection=app.bsky.feed.post&limit=100",
                                           lab.alice_did);
  g_autoptr(JsonObject) list = xrpc_ok ("GET", path, NULL, NULL);
  JsonArray *records = json_object_get_array_member (list, "records");
  g_autofree char *suffix = g_strconcat ("/", rkey, NULL);
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (records); i++)
    n += g_str_has_suffix (json_object_get_string_member (json_array_get_object_element (records, i), "uri"), suffix);
  return n;
}

/* Bob makes a record in @collection */
static JsonObject *
bob_creates (const char *collection,
             const char *record_json)
{
  g_autofree char *body = g_strdup_printf ("{\"repo\":\"%s\",\"collection\":\"%s\",\"record\":%s}",
                                           lab.bob_did, collection, record_json);

  return xrpc_ok ("POST", "com.atproto.repo.createRecord", body, lab.bob_jwt);
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.000Z");
}

static char *
make_png (const char *name,
          int         width,
          int         height)
{
  char *path = g_build_filename (lab.dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0.6, 0.2);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static gsize
byte_offset (const char *text,
             const char *part)
{
  const char *found = strstr (text, part);

  g_assert_nonnull (found);
  return found - text;
}

/* The facet of @record that starts at @start */
static JsonObject *
facet_at (JsonObject *record,
          gsize       start)
{
  JsonArray *facets = json_object_get_array_member (record, "facets");

  for (guint i = 0; i < json_array_get_length (facets); i++)
    {
      JsonObject *facet = json_array_get_object_element (facets, i);
      JsonObject *index = json_object_get_object_member (facet, "index");

      if (json_object_get_int_member (index, "byteStart") == (gint64) start)
        return facet;
    }
  return NULL;
}

static void
assert_facet (JsonObject *record,
              const char *text,
              const char *part,
              const char *type,
              const char *member,
              const char *value)
{
  gsize start = byte_offset (text, part);
  JsonObject *facet = facet_at (record, start);
  JsonObject *feature;

  g_assert_nonnull (facet);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (facet, "index"), "byteEnd"), ==,
                   start + strlen (part));
  feature = json_array_get_object_element (json_object_get_array_member (facet, "features"), 0);
  g_assert_cmpstr (json_object_get_string_member (feature, "$type"), ==, type);
  g_assert_cmpstr (json_object_get_string_member (feature, member), ==, value);
}

/* Tests */

static guint changes;

static void
changed_cb (DeskBluesky *account,
            gpointer     data)
{
  changes++;
}

static void
test_login (void)
{
  g_autoptr(DeskBluesky) account = desk_bluesky_new (lab.client, lab.pds);
  g_autoptr(DeskBluesky) wrong = desk_bluesky_new (lab.client, lab.pds);
  g_autoptr(DeskBluesky) again = NULL;
  g_autoptr(DeskRemoteAccount) who = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;
  g_autofree char *at_handle = g_strconcat ("@", lab.alice, NULL);

  g_assert_null (desk_bluesky_dup_session (account));
  changes = 0;
  g_signal_connect (account, "session-changed", G_CALLBACK (changed_cb), NULL);
  /* As the app shows handles, with an "@" */
  g_assert_true (login (account, at_handle, lab.password, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (desk_bluesky_get_did (account), ==, lab.alice_did);
  g_assert_cmpstr (desk_bluesky_get_handle (account), ==, lab.alice);

  /* The session, for the keyring: the tokens, not the password */
  session = desk_bluesky_dup_session (account);
  g_assert_nonnull (session);
  g_assert_null (strstr (session, lab.password));
  g_assert_nonnull (strstr (session, "refreshJwt"));
  again = desk_bluesky_new_from_session (lab.client, session, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_bluesky_get_service (again), ==, lab.pds);
  who = verify (again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (who->id, ==, lab.alice_did);

  /* A mistyped or revoked app password: "reconnect", not "try again" */
  g_assert_false (login (wrong, lab.alice, "abcd-efgh-ijkl-mnop", &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED);
  g_assert_null (desk_bluesky_dup_session (wrong));
  g_clear_error (&error);

  /* A keyring entry that is not a session */
  g_assert_null (desk_bluesky_new_from_session (lab.client, "{\"did\":42}", &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED);
}

static void
test_verify (void)
{
  g_autoptr(DeskBluesky) account = alice_via (lab.pds);
  g_autoptr(DeskRemoteAccount) who = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = g_strconcat ("https://bsky.app/profile/", lab.alice, NULL);

  who = verify (account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (who->id, ==, lab.alice_did);
  g_assert_cmpstr (who->handle, ==, lab.alice);
  g_assert_cmpstr (who->display_name, ==, lab.alice);
  g_assert_cmpstr (who->url, ==, profile);
  /* The PDS has an AppView: the followers are known */
  g_assert_cmpint (who->followers, >=, 0);
}

static void
test_publish (void)
{
  g_autoptr(DeskBluesky) account = alice_via (lab.pds);
  g_autofree char *png = make_png ("galette-dorée.png", 24, 16);
  g_autofree char *rkey = desk_bluesky_new_tid ();
  g_autofree char *text = g_strdup_printf ("Galette dorée 👩‍🍳🥐 avec @%s et @personne.test : "
                                           "https://example.org/galette?part=1 #Épiphanie", lab.bob);
  g_autofree char *mention = g_strconcat ("@", lab.bob, NULL);
  g_autofree char *expected_uri = g_strdup_printf ("at://%s/app.bsky.feed.post/%s", lab.alice_did, rkey);
  g_autofree char *expected_url = g_strdup_printf ("https://bsky.app/profile/%s/post/%s", lab.alice, rkey);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 12, 2, 9, 30, 15.25);
  const char *langs[] = { "fr", "en", NULL };
  DeskBlueskyImage image = { png, "Une galette dorée sur une planche" };
  DeskBlueskyPost post = {
    .text = text,
    .langs = langs,
    .images = &image,
    .n_images = 1,
    .created_at = created,
    .rkey = rkey,
  };
  g_autoptr(DeskRemotePost) made = NULL;
  g_autoptr(DeskRemotePost) again = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(JsonObject) stored_again = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *record, *embed, *first;

  g_assert_cmpuint (strlen (rkey), ==, 13);
  made = publish (account, &post, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (made->id, ==, expected_uri);
  g_assert_cmpstr (made->url, ==, expected_url);
  g_assert_false (made->scheduled);

  stored = get_post_record (rkey);
  g_assert_nonnull (stored);
  g_assert_cmpstr (json_object_get_string_member (stored, "uri"), ==, expected_uri);
  record = json_object_get_object_member (stored, "value");
  g_assert_cmpstr (json_object_get_string_member (record, "text"), ==, text);
  g_assert_cmpstr (json_object_get_string_member (record, "createdAt"), ==, "2026-12-02T09:30:15.250Z");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "langs")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (record, "langs"), 0), ==, "fr");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (record, "langs"), 1), ==, "en");

  /* Facets in UTF-8 bytes, after an accent and a ZWJ emoji; the handle
   * nobody has stays text */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "facets")), ==, 3);
  assert_facet (record, text, mention, "app.bsky.richtext.facet#mention", "did", lab.bob_did);
  assert_facet (record, text, "https://example.org/galette?part=1", "app.bsky.richtext.facet#link", "uri",
                "https://example.org/galette?part=1");
  assert_facet (record, text, "#Épiphanie", "app.bsky.richtext.facet#tag", "tag", "Épiphanie");
  g_assert_null (facet_at (record, byte_offset (text, "@personne.test")));

  embed = json_object_get_object_member (record, "embed");
  g_assert_cmpstr (json_object_get_string_member (embed, "$type"), ==, "app.bsky.embed.images");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (embed, "images")), ==, 1);
  first = json_array_get_object_element (json_object_get_array_member (embed, "images"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "alt"), ==, "Une galette dorée sur une planche");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (first, "aspectRatio"), "width"), ==, 24);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (first, "aspectRatio"), "height"), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "image"), "mimeType"), ==,
                   "image/png");

  /* Published again (a crash before the outbox wrote it down): the same
   * record, unchanged, not a second post */
  again = publish (account, &post, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, made->id);
  stored_again = get_post_record (rkey);
  g_assert_cmpstr (json_object_get_string_member (stored_again, "cid"), ==,
                   json_object_get_string_member (stored, "cid"));
  g_assert_cmpuint (records_with_rkey (rkey), ==, 1);

  /* For the notifications and counts that follow */
  lab.post_uri = g_strdup (made->id);
  lab.post_cid = g_strdup (json_object_get_string_member (stored, "cid"));
}

static void
test_refused (void)
{
  g_autoptr(DeskBluesky) account = alice_via (lab.pds);
  g_autofree char *rkey = desk_bluesky_new_tid ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) heavy_text = g_string_new (NULL);
  g_autofree char *png = make_png ("petite.png", 8, 8);
  g_autofree char *script = g_build_filename (lab.dir, "notes.sh", NULL);
  g_autofree char *huge = g_build_filename (lab.dir, "énorme.png", NULL);
  g_autofree char *huge_contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *four_langs[] = { "fr", "en", "de", "es", NULL };
  DeskBlueskyImage images[5] = { { png, "1" }, { png, "2" }, { png, "3" }, { png, "4" }, { png, "5" } };
  DeskBlueskyPost post = { .text = "Bonjour", .rkey = rkey };

  /* 301 graphemes; then 121 of 25 bytes each (a family emoji) */
  for (guint i = 0; i < 301; i++)
    g_string_append (long_text, "é");
  post.text = long_text->str;
  g_assert_null (publish (account, &post, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "301"));
  g_clear_error (&error);
  for (guint i = 0; i < 121; i++)
    g_string_append (heavy_text, "👨‍👩‍👧‍👦");
  g_assert_cmpuint (heavy_text->len, >, 3000);
  post.text = heavy_text->str;
  g_assert_null (publish (account, &post, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_clear_error (&error);

  post.text = "Bonjour";
  post.langs = four_langs;
  g_assert_null (publish (account, &post, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_clear_error (&error);
  post.langs = NULL;

  post.images = images;
  post.n_images = 5;
  g_assert_null (publish (account, &post, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_clear_error (&error);

  /* Not an image; an image over 2,000,000 bytes */
  g_assert_true (g_file_set_contents (script, "#!/bin/sh\necho hello\n", -1, NULL));
  images[0].path = script;
  post.n_images = 1;
  g_assert_null (publish (account, &post, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (png, &huge_contents, NULL, NULL));
  {
    g_autofree char *padded = g_malloc0 (DESK_BLUESKY_MAX_BLOB_SIZE + 1);

    memcpy (padded, huge_contents, 64);
    g_assert_true (g_file_set_contents (huge, padded, DESK_BLUESKY_MAX_BLOB_SIZE + 1, NULL));
  }
  images[0].path = huge;
  g_assert_null (publish (account, &post, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_clear_error (&error);

  /* A key that cannot be one */
  post.n_images = 0;
  post.rkey = "../x";
  g_assert_null (publish (account, &post, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_clear_error (&error);

  /* Nothing reached the PDS */
  g_assert_null (get_post_record (rkey));

  /* The blob alone */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(JsonNode) blob = NULL;
    JsonObject *object;

    desk_bluesky_upload_blob_async (account, png, NULL, done_cb, &result);
    blob = desk_bluesky_upload_blob_finish (account, wait_for (&result), &error);
    g_assert_no_error (error);
    object = json_node_get_object (blob);
    g_assert_cmpstr (json_object_get_string_member (object, "$type"), ==, "blob");
    g_assert_cmpstr (json_object_get_string_member (object, "mimeType"), ==, "image/png");
    g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (object, "ref"), "$link"));
  }
}

static void
test_lost_answer (void)
{
  g_autoptr(Proxy) proxy = proxy_new ();
  g_autoptr(DeskBluesky) account = alice_via (proxy->url);
  g_autofree char *rkey = desk_bluesky_new_tid ();
  g_autoptr(DeskRemotePost) made = NULL;
  g_autoptr(GError) error = NULL;
  DeskBlueskyPost post = { .text = "Fournée du dimanche : croissants à 7 h.", .rkey = rkey };

  /* The PDS makes the record, its answer is lost on the way back: the
   * client sends it again under the same key, which makes nothing new */
  proxy->lose_next_put = TRUE;
  made = publish (account, &post, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proxy->puts_forwarded, ==, 2);
  g_assert_true (g_str_has_suffix (made->id, rkey));
  g_assert_cmpuint (records_with_rkey (rkey), ==, 1);
}

/* Replaces the signature of a JWT in @session: the PDS refuses it */
static char *
spoil_token (const char *session,
             const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *object;
  g_autofree char *spoiled = NULL;
  const char *token;

  g_assert_true (json_parser_load_from_data (parser, session, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  token = json_object_get_string_member (object, member);
  spoiled = g_strconcat (token, "x", NULL);
  spoiled[strlen (token) - 4] = spoiled[strlen (token) - 4] == 'A' ? 'B' : 'A';
  json_object_set_string_member (object, member, spoiled);
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static void
test_refresh (void)
{
  g_autoptr(DeskBluesky) first = alice_via (lab.pds);
  g_autofree char *session = desk_bluesky_dup_session (first);
  g_autofree char *spoiled = spoil_token (session, "accessJwt");
  g_autoptr(DeskBluesky) account = desk_bluesky_new_from_session (lab.client, spoiled, NULL);
  g_autoptr(GAsyncResult) verified = NULL;
  g_autoptr(GAsyncResult) pulled = NULL;
  g_autoptr(DeskRemoteAccount) who = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *renewed = NULL;
  g_autofree char *both_spoiled = NULL;

  /* Two calls at once with a token the PDS refuses: one refresh, both
   * calls made again, the caller told to store the new session */
  changes = 0;
  g_signal_connect (account, "session-changed", G_CALLBACK (changed_cb), NULL);
  desk_bluesky_verify_async (account, NULL, done_cb, &verified);
  desk_bluesky_notifications_async (account, NULL, 10, NULL, done_cb, &pulled);
  who = desk_bluesky_verify_finish (account, wait_for (&verified), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (who->id, ==, lab.alice_did);
  items = desk_bluesky_notifications_finish (account, wait_for (&pulled), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  renewed = desk_bluesky_dup_session (account);
  g_assert_cmpstr (renewed, !=, spoiled);
  g_assert_cmpstr (renewed, !=, session);

  /* The refresh token refused too: reconnect */
  both_spoiled = spoil_token (spoiled, "refreshJwt");
  {
    g_autoptr(DeskBluesky) lost = desk_bluesky_new_from_session (lab.client, both_spoiled, NULL);
    g_autoptr(DeskRemoteAccount) nobody = verify (lost, &error);

    g_assert_null (nobody);
    g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED);
  }
}

/* The kinds among @items, as a bit set */
static guint
kinds_of (GPtrArray *items)
{
  guint kinds = 0;

  for (guint i = 0; i < items->len; i++)
    kinds |= 1u << desk_notification_get_kind (g_ptr_array_index (items, i));
  return kinds;
}

static DeskNotification *
find_kind (GPtrArray            *items,
           DeskNotificationKind  kind)
{
  for (guint i = 0; i < items->len; i++)
    if (desk_notification_get_kind (g_ptr_array_index (items, i)) == kind)
      return g_ptr_array_index (items, i);
  return NULL;
}

static void
test_notifications (void)
{
  g_autoptr(DeskBluesky) account = alice_via (lab.pds);
  g_autofree char *now = now_text ();
  g_autofree char *subject = NULL;
  g_autofree char *mention = NULL;
  g_autofree char *mention_text = g_strdup_printf ("Merci @%s pour la galette !", lab.alice);
  g_autofree char *cursor = NULL;
  g_autofree char *next = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) newer = NULL;
  g_autoptr(JsonObject) like = NULL;
  g_autoptr(JsonObject) later_like = NULL;
  g_autofree char *later_rkey = desk_bluesky_new_tid ();
  guint wanted = 1u << DESK_NOTIFICATION_KIND_FAVOURITE | 1u << DESK_NOTIFICATION_KIND_REPOST |
                 1u << DESK_NOTIFICATION_KIND_REPLY | 1u << DESK_NOTIFICATION_KIND_FOLLOW |
                 1u << DESK_NOTIFICATION_KIND_MENTION | 1u << DESK_NOTIFICATION_KIND_QUOTE;
  gint64 started;
  DeskNotification *item;

  g_assert_nonnull (lab.post_uri);
  subject = g_strdup_printf ("{\"uri\":\"%s\",\"cid\":\"%s\"}", lab.post_uri, lab.post_cid);

  /* Bob likes, reposts, answers, follows, mentions and quotes alice */
  {
    g_autofree char *record = g_strdup_printf ("{\"$type\":\"app.bsky.feed.like\",\"subject\":%s,\"createdAt\":\"%s\"}",
                                               subject, now);
    like = bob_creates ("app.bsky.feed.like", record);
  }
  {
    g_autofree char *record = g_strdup_printf ("{\"$type\":\"app.bsky.feed.repost\",\"subject\":%s,\"createdAt\":\"%s\"}",
                                               subject, now);
    g_autoptr(JsonObject) made = bob_creates ("app.bsky.feed.repost", record);
  }
  {
    g_autofree char *record = g_strdup_printf ("{\"$type\":\"app.bsky.feed.post\",\"text\":\"Elle a l’air délicieuse !\","
                                               "\"reply\":{\"root\":%s,\"parent\":%s},\"createdAt\":\"%s\"}",
                                               subject, subject, now);
    g_autoptr(JsonObject) made = bob_creates ("app.bsky.feed.post", record);
  }
  {
    g_autofree char *record = g_strdup_printf ("{\"$type\":\"app.bsky.graph.follow\",\"subject\":\"%s\",\"createdAt\":\"%s\"}",
                                               lab.alice_did, now);
    g_autoptr(JsonObject) made = bob_creates ("app.bsky.graph.follow", record);
  }
  {
    gsize start = byte_offset (mention_text, "@");
    g_autofree char *record = g_strdup_printf ("{\"$type\":\"app.bsky.feed.post\",\"text\":\"%s\",\"facets\":[{\"index\":"
                                               "{\"byteStart\":%zu,\"byteEnd\":%zu},\"features\":[{\"$type\":"
                                               "\"app.bsky.richtext.facet#mention\",\"did\":\"%s\"}]}],\"createdAt\":\"%s\"}",
                                               mention_text, start, start + 1 + strlen (lab.alice), lab.alice_did, now);
    g_autoptr(JsonObject) made = bob_creates ("app.bsky.feed.post", record);

    mention = g_strdup (json_object_get_string_member (made, "uri"));
  }
  {
    g_autofree char *record = g_strdup_printf ("{\"$type\":\"app.bsky.feed.post\",\"text\":\"À goûter absolument\","
                                               "\"embed\":{\"$type\":\"app.bsky.embed.record\",\"record\":%s},"
                                               "\"createdAt\":\"%s\"}", subject, now);
    g_autoptr(JsonObject) made = bob_creates ("app.bsky.feed.post", record);
  }

  /* The AppView has them all soon */
  started = g_get_monotonic_time ();
  for (;;)
    {
      g_clear_pointer (&items, g_ptr_array_unref);
      g_clear_pointer (&cursor, g_free);
      items = notifications (account, NULL, &cursor);
      if ((kinds_of (items) & wanted) == wanted || deadline_passed (started))
        break;
      pause_ms (200);
    }
  g_assert_cmpuint (kinds_of (items) & wanted, ==, wanted);
  g_assert_cmpuint (items->len, ==, 6);
  g_assert_nonnull (cursor);

  item = find_kind (items, DESK_NOTIFICATION_KIND_FAVOURITE);
  g_assert_cmpstr (desk_notification_get_remote_id (item), ==, json_object_get_string_member (like, "uri"));
  g_assert_cmpstr (desk_notification_get_author (item), ==, lab.bob);
  g_assert_nonnull (desk_notification_get_created_at (item));
  {
    g_autofree char *page = g_strdup_printf ("https://bsky.app/profile/%s/post/%s", lab.alice_did,
                                             strrchr (lab.post_uri, '/') + 1);
    g_assert_cmpstr (desk_notification_get_url (item), ==, page);
  }
  item = find_kind (items, DESK_NOTIFICATION_KIND_MENTION);
  g_assert_cmpstr (desk_notification_get_remote_id (item), ==, mention);
  g_assert_cmpstr (desk_notification_get_text (item), ==, mention_text);
  item = find_kind (items, DESK_NOTIFICATION_KIND_REPLY);
  g_assert_cmpstr (desk_notification_get_text (item), ==, "Elle a l’air délicieuse !");
  item = find_kind (items, DESK_NOTIFICATION_KIND_FOLLOW);
  {
    g_autofree char *profile = g_strconcat ("https://bsky.app/profile/", lab.bob, NULL);
    g_assert_cmpstr (desk_notification_get_url (item), ==, profile);
  }

  /* From the cursor: nothing twice */
  none = notifications (account, cursor, &next);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpstr (next, ==, cursor);

  /* Something new, indexed late: the AppView sorts it by its createdAt,
   * before the newest already pulled; it still comes, once */
  {
    g_autoptr(DeskRemotePost) later = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) stored = NULL;
    g_autoptr(GDateTime) newest = NULL;
    g_autoptr(GDateTime) earlier = NULL;
    g_autofree char *when = NULL;
    g_autofree char *record = NULL;
    g_autofree char *later_subject = NULL;
    DeskBlueskyPost post = { .text = "Et la frangipane ?", .rkey = later_rkey };

    for (guint i = 0; i < items->len; i++)
      {
        GDateTime *created = desk_notification_get_created_at (g_ptr_array_index (items, i));

        if (newest == NULL || g_date_time_compare (created, newest) > 0)
          {
            g_clear_pointer (&newest, g_date_time_unref);
            newest = g_date_time_ref (created);
          }
      }
    earlier = g_date_time_add_seconds (newest, -5);
    when = g_date_time_format (earlier, "%Y-%m-%dT%H:%M:%S.000Z");
    later = publish (account, &post, &error);
    g_assert_no_error (error);
    stored = get_post_record (later_rkey);
    later_subject = g_strdup_printf ("{\"uri\":\"%s\",\"cid\":\"%s\"}", later->id,
                                     json_object_get_string_member (stored, "cid"));
    record = g_strdup_printf ("{\"$type\":\"app.bsky.feed.like\",\"subject\":%s,\"createdAt\":\"%s\"}",
                              later_subject, when);
    later_like = bob_creates ("app.bsky.feed.like", record);
  }
  started = g_get_monotonic_time ();
  for (;;)
    {
      g_clear_pointer (&newer, g_ptr_array_unref);
      g_clear_pointer (&last, g_free);
      newer = notifications (account, next, &last);
      if (newer->len > 0 || deadline_passed (started))
        break;
      pause_ms (200);
    }
  g_assert_cmpuint (newer->len, ==, 1);
  g_assert_cmpstr (desk_notification_get_remote_id (g_ptr_array_index (newer, 0)), ==,
                   json_object_get_string_member (later_like, "uri"));
  g_assert_cmpstr (last, !=, next);
  {
    g_autoptr(GPtrArray) nothing = notifications (account, last, NULL);

    g_assert_cmpuint (nothing->len, ==, 0);
  }

  /* Seen on Bluesky too */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *session = desk_bluesky_dup_session (account);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonObject) unread = NULL;
    const char *jwt;

    desk_bluesky_update_seen_async (account, NULL, NULL, done_cb, &result);
    g_assert_true (desk_bluesky_update_seen_finish (account, wait_for (&result), &error));
    g_assert_no_error (error);
    g_assert_true (json_parser_load_from_data (parser, session, -1, NULL));
    jwt = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "accessJwt");
    unread = xrpc_ok ("GET", "app.bsky.notification.getUnreadCount", NULL, jwt);
    g_assert_cmpint (json_object_get_int_member (unread, "count"), ==, 0);
  }
}

static void
test_post_counts (void)
{
  g_autoptr(DeskBluesky) account = alice_via (lab.pds);
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  DeskBlueskyPostCounts *found = NULL;
  gint64 started = g_get_monotonic_time ();

  g_assert_nonnull (lab.post_uri);
  /* More than one call's 25, the post last */
  for (guint i = 0; i < 29; i++)
    {
      g_autofree char *rkey = desk_bluesky_new_tid ();
      g_ptr_array_add (uris, g_strdup_printf ("at://%s/app.bsky.feed.post/%s", lab.alice_did, rkey));
    }
  g_ptr_array_add (uris, g_strdup (lab.post_uri));
  g_ptr_array_add (uris, NULL);

  /* Bob's like, repost, answer and quote (test_notifications) */
  for (;;)
    {
      g_clear_pointer (&counts, g_ptr_array_unref);
      counts = post_counts (account, (const char * const *) uris->pdata);
      found = counts->len == 1 ? g_ptr_array_index (counts, 0) : NULL;
      if ((found != NULL && found->likes == 1 && found->reposts == 1 && found->replies == 1 && found->quotes == 1) ||
          deadline_passed (started))
        break;
      pause_ms (200);
    }
  g_assert_cmpuint (counts->len, ==, 1);
  g_assert_cmpstr (found->uri, ==, lab.post_uri);
  g_assert_cmpint (found->likes, ==, 1);
  g_assert_cmpint (found->reposts, ==, 1);
  g_assert_cmpint (found->replies, ==, 1);
  g_assert_cmpint (found->quotes, ==, 1);
}

static void
test_delete (void)
{
  g_autoptr(DeskBluesky) account = alice_via (lab.pds);
  g_autofree char *rkey = desk_bluesky_new_tid ();
  g_autoptr(DeskRemotePost) made = NULL;
  g_autoptr(GError) error = NULL;
  DeskBlueskyPost post = { .text = "Fermé exceptionnellement", .rkey = rkey };

  made = publish (account, &post, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records_with_rkey (rkey), ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      /* Deleted twice (a lost answer): no error */
      desk_bluesky_delete_post_async (account, rkey, NULL, done_cb, &result);
      g_assert_true (desk_bluesky_delete_post_finish (account, wait_for (&result), &error));
      g_assert_no_error (error);
    }
  g_assert_null (get_post_record (rkey));
}

static void
test_tids (void)
{
  g_autofree char *previous = desk_bluesky_new_tid ();

  /* Sortable, never twice the same */
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *tid = desk_bluesky_new_tid ();

      g_assert_cmpuint (strlen (tid), ==, 13);
      g_assert_true (strchr ("234567abcdefghij", tid[0]) != NULL);
      g_assert_cmpint (strcmp (tid, previous), >, 0);
      g_free (previous);
      previous = g_steal_pointer (&tid);
    }
}

/* No password or token, whole or encoded, in the log */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      {
        g_assert_null (strstr (fields[i].value, lab.password));
        g_assert_null (strstr (fields[i].value, lab.bob_password));
        /* A JWT starts with base64url of {" */
        g_assert_null (strstr (fields[i].value, "eyJ"));
        lab.log_lines++;
      }
  return g_log_writer_default (level, fields, n_fields, data);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

/* The workspace's pull of every account, waited for */
static void
pull_all (DeskStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pulled = NULL;

  desk_pull_run_async (store, lab.client, 0, NULL, done_cb, &result);
  pulled = desk_pull_run_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pulled->len, ==, 1);
  g_assert_cmpstr (((DeskPullResult *) g_ptr_array_index (pulled, 0))->error, ==, NULL);
}

/* The stored notification of the network's id @remote_id, or NULL */
static DeskNotification *
stored_notification (DeskStore  *store,
                     gint64      brand_id,
                     const char *remote_id)
{
  g_autoptr(GPtrArray) all = desk_store_query_notifications (store, brand_id, 0, 1000, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (g_strcmp0 (desk_notification_get_remote_id (g_ptr_array_index (all, i)), remote_id) == 0)
      return g_object_ref (g_ptr_array_index (all, i));
  return NULL;
}

/* End to end on the network: bob answers the brand's post; the brand's
 * workspace pulls it, queues a reply, and the outbox sends it — its
 * answer lost once on the way back — as one record whose reply names
 * the thread's root (the brand's post) and its parent (bob's answer);
 * marked read, the pull tells Bluesky (updateSeen) */
static void
test_pulled_reply (void)
{
  g_autoptr(Proxy) proxy = proxy_new ();
  g_autoptr(DeskBluesky) alice = alice_via (proxy->url);
  g_autofree char *session = desk_bluesky_dup_session (alice);
  g_autofree char *secret_key = g_uuid_string_random ();
  g_autofree char *path = g_build_filename (lab.dir, "workspace.db", NULL);
  g_autofree char *rkey = desk_bluesky_new_tid ();
  g_autofree char *now = now_text ();
  g_autofree char *post_uri = NULL;
  g_autofree char *post_cid = NULL;
  g_autofree char *answer_uri = NULL;
  g_autofree char *answer_cid = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Le Fournil", NULL);
  g_autoptr(DeskChannel) channel = NULL;
  g_autoptr(DeskOutbox) outbox = NULL;
  g_autoptr(DeskNotification) answer = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  DeskAccount account = { 0 };
  DeskOutboxItem *reply;
  gint64 started;
  guint puts_before;

  g_assert_no_error (error);
  /* The brand's post, which bob answers */
  {
    DeskBlueskyPost post = { .text = "Le pain de campagne est de retour.", .rkey = rkey };
    g_autoptr(DeskRemotePost) made = publish (alice, &post, &error);
    g_autoptr(JsonObject) stored = NULL;

    g_assert_no_error (error);
    stored = get_post_record (rkey);
    post_uri = g_strdup (made->id);
    post_cid = g_strdup (json_object_get_string_member (stored, "cid"));
  }
  /* The AppView notifies a reply only when it knows the post answered:
   * bob answers once it does */
  started = g_get_monotonic_time ();
  for (;;)
    {
      const char *uris[] = { post_uri, NULL };
      g_autoptr(GPtrArray) counts = post_counts (alice, uris);

      if (counts->len == 1 || deadline_passed (started))
        break;
      pause_ms (200);
    }
  {
    g_autofree char *ref = g_strdup_printf ("{\"uri\":\"%s\",\"cid\":\"%s\"}", post_uri, post_cid);
    g_autofree char *record = g_strdup_printf ("{\"$type\":\"app.bsky.feed.post\",\"text\":\"Jusqu’à quelle heure ?\","
                                               "\"reply\":{\"root\":%s,\"parent\":%s},\"createdAt\":\"%s\"}",
                                               ref, ref, now);
    g_autoptr(JsonObject) made = bob_creates ("app.bsky.feed.post", record);

    answer_uri = g_strdup (json_object_get_string_member (made, "uri"));
    answer_cid = g_strdup (json_object_get_string_member (made, "cid"));
  }

  /* The brand's workspace, its session in the keyring */
  g_assert_true (desk_store_save_brand (store, brand, &error));
  channel = g_object_new (DESK_TYPE_CHANNEL, "brand-id", desk_brand_get_id (brand), "network", DESK_NETWORK_BLUESKY,
                          "handle", lab.alice, NULL);
  g_assert_true (desk_store_save_channel (store, channel, &error));
  g_assert_true (desk_secrets_store_sync (secret_key, "CommunityDesk test", session, NULL, &error));
  g_assert_no_error (error);
  account.channel_id = desk_channel_get_id (channel);
  account.secret_key = secret_key;
  account.server = proxy->url;
  g_assert_true (desk_store_save_account (store, &account, &error));

  /* Pulled once the AppView has it */
  started = g_get_monotonic_time ();
  for (;;)
    {
      pull_all (store);
      answer = stored_notification (store, desk_brand_get_id (brand), answer_uri);
      if (answer != NULL || deadline_passed (started))
        break;
      pause_ms (200);
    }
  g_assert_nonnull (answer);
  g_assert_cmpint (desk_notification_get_kind (answer), ==, DESK_NOTIFICATION_KIND_REPLY);
  g_assert_cmpstr (desk_notification_get_handle (answer), ==, lab.bob);
  g_assert_cmpstr (desk_notification_get_status_id (answer), ==, answer_uri);
  g_assert_cmpstr (desk_notification_get_status_cid (answer), ==, answer_cid);
  g_assert_cmpstr (desk_notification_get_root_id (answer), ==, post_uri);
  g_assert_cmpstr (desk_notification_get_root_cid (answer), ==, post_cid);
  g_assert_cmpstr (desk_notification_get_in_reply_to (answer), ==, post_uri);

  /* Answered through the outbox; the PDS's first answer lost */
  g_assert_true (desk_store_queue_reply (store, desk_notification_get_id (answer), "Jusqu’à 19 h, tous les jours !",
                                         NULL, &error));
  g_assert_no_error (error);
  outbox = desk_outbox_new (store, lab.client);
  puts_before = proxy->puts_forwarded;
  proxy->lose_next_put = TRUE;
  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) report = NULL;

      desk_outbox_run_async (outbox, 0, NULL, done_cb, &result);
      report = desk_outbox_run_finish (outbox, wait_for (&result), &error);
      g_assert_no_error (error);
      g_clear_pointer (&replies, g_ptr_array_unref);
      replies = desk_store_list_replies (store, desk_notification_get_id (answer), &error);
      if (((DeskOutboxItem *) g_ptr_array_index (replies, 0))->state == DESK_OUTBOX_STATE_PUBLISHED)
        break;
    }
  g_assert_cmpuint (replies->len, ==, 1);
  reply = g_ptr_array_index (replies, 0);
  g_assert_cmpint (reply->state, ==, DESK_OUTBOX_STATE_PUBLISHED);
  g_assert_true (g_str_has_prefix (reply->remote_id, "at://"));
  g_assert_cmpuint (proxy->puts_forwarded - puts_before, ==, 2);
  {
    const char *reply_rkey = strrchr (reply->remote_id, '/') + 1;
    g_autoptr(JsonObject) record = get_post_record (reply_rkey);
    JsonObject *value = json_object_get_object_member (record, "value");
    JsonObject *refs = json_object_get_object_member (value, "reply");
    JsonObject *root = json_object_get_object_member (refs, "root");
    JsonObject *parent = json_object_get_object_member (refs, "parent");

    g_assert_cmpuint (records_with_rkey (reply_rkey), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (value, "text"), ==, "Jusqu’à 19 h, tous les jours !");
    g_assert_cmpstr (json_object_get_string_member (root, "uri"), ==, post_uri);
    g_assert_cmpstr (json_object_get_string_member (root, "cid"), ==, post_cid);
    g_assert_cmpstr (json_object_get_string_member (parent, "uri"), ==, answer_uri);
    g_assert_cmpstr (json_object_get_string_member (parent, "cid"), ==, answer_cid);
  }

  /* All read here (the first pull brought the earlier tests' too):
   * Bluesky's seenAt moves to the newest one's time */
  {
    g_autoptr(GPtrArray) all = desk_store_query_notifications (store, desk_brand_get_id (brand), 0, 1000, &error);

    for (guint i = 0; i < all->len; i++)
      g_assert_true (desk_store_set_group_read (store, desk_notification_get_id (g_ptr_array_index (all, i)), TRUE,
                                                &error));
    g_clear_object (&answer);
    answer = g_object_ref (g_ptr_array_index (all, 0));   /* the newest */
  }
  pull_all (store);
  {
    g_autoptr(DeskAccount) kept = desk_store_get_account (store, desk_channel_get_id (channel), &error);
    g_autoptr(GDateTime) marker = NULL;
    g_autoptr(GDateTime) seen = NULL;
    char *renewed = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonObject) list = NULL;
    const char *jwt;

    g_assert_nonnull (kept->read_marker);
    marker = g_date_time_new_from_iso8601 (kept->read_marker, NULL);
    g_assert_nonnull (marker);
    g_assert_cmpint (g_date_time_to_unix (marker), ==,
                     g_date_time_to_unix (desk_notification_get_created_at (answer)));
    renewed = desk_secrets_lookup_sync (secret_key, NULL, &error);
    g_assert_true (json_parser_load_from_data (parser, renewed, -1, NULL));
    jwt = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "accessJwt");
    list = xrpc_ok ("GET", "app.bsky.notification.listNotifications?limit=1", NULL, jwt);
    seen = g_date_time_new_from_iso8601 (json_object_get_string_member (list, "seenAt"), NULL);
    g_assert_nonnull (seen);
    g_assert_cmpint (g_date_time_to_unix (seen), ==, g_date_time_to_unix (marker));
    desk_secrets_free (renewed);
  }
  desk_secrets_clear_sync (secret_key, NULL, NULL);
}

/* What listNotifications gives, as a reply and the inbox need it: a
 * reply's uri and cid, its thread's root, what it answers; a mention is
 * its own root; a like is about the post reasonSubject names */
static void
test_parse (void)
{
  const char *answer =
    "{\"cursor\":\"c1\",\"notifications\":["
    "{\"uri\":\"at://did:plc:bob/app.bsky.feed.post/3k2a\",\"cid\":\"bafyreply\",\"reason\":\"reply\","
    "\"reasonSubject\":\"at://did:plc:alice/app.bsky.feed.post/3k1a\",\"indexedAt\":\"2026-11-01T10:00:01.123Z\","
    "\"author\":{\"did\":\"did:plc:bob\",\"handle\":\"bob.test\",\"displayName\":\"Bob\"},"
    "\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Miam\",\"createdAt\":\"2026-11-01T10:00:00.000Z\","
    "\"reply\":{\"root\":{\"uri\":\"at://did:plc:alice/app.bsky.feed.post/3k0a\",\"cid\":\"bafyroot\"},"
    "\"parent\":{\"uri\":\"at://did:plc:alice/app.bsky.feed.post/3k1a\",\"cid\":\"bafyparent\"}}}},"
    "{\"uri\":\"at://did:plc:bob/app.bsky.feed.post/3k3a\",\"cid\":\"bafymention\",\"reason\":\"mention\","
    "\"indexedAt\":\"2026-11-01T10:00:02Z\",\"author\":{\"handle\":\"bob.test\"},\"record\":{\"text\":\"@alice.test\"}},"
    "{\"uri\":\"at://did:plc:bob/app.bsky.feed.like/3k4a\",\"cid\":\"bafylike\",\"reason\":\"like\","
    "\"reasonSubject\":\"at://did:plc:alice/app.bsky.feed.post/3k1a\",\"indexedAt\":\"2026-11-01T10:00:03Z\","
    "\"author\":{\"handle\":\"bob.test\"},\"record\":{}}]}";
  g_autoptr(JsonNode) node = json_from_string (answer, NULL);
  g_autoptr(GPtrArray) items = desk_bluesky_parse_notifications (node);
  DeskNotification *n;

  g_assert_cmpuint (items->len, ==, 3);
  n = g_ptr_array_index (items, 0);
  g_assert_cmpint (desk_notification_get_kind (n), ==, DESK_NOTIFICATION_KIND_REPLY);
  g_assert_cmpstr (desk_notification_get_handle (n), ==, "bob.test");
  g_assert_cmpstr (desk_notification_get_status_id (n), ==, "at://did:plc:bob/app.bsky.feed.post/3k2a");
  g_assert_cmpstr (desk_notification_get_status_cid (n), ==, "bafyreply");
  g_assert_cmpstr (desk_notification_get_root_id (n), ==, "at://did:plc:alice/app.bsky.feed.post/3k0a");
  g_assert_cmpstr (desk_notification_get_root_cid (n), ==, "bafyroot");
  g_assert_cmpstr (desk_notification_get_in_reply_to (n), ==, "at://did:plc:alice/app.bsky.feed.post/3k1a");
  g_assert_null (desk_notification_get_subject (n));
  n = g_ptr_array_index (items, 1);
  g_assert_cmpint (desk_notification_get_kind (n), ==, DESK_NOTIFICATION_KIND_MENTION);
  g_assert_cmpstr (desk_notification_get_status_id (n), ==, "at://did:plc:bob/app.bsky.feed.post/3k3a");
  g_assert_cmpstr (desk_notification_get_root_id (n), ==, "at://did:plc:bob/app.bsky.feed.post/3k3a");
  g_assert_cmpstr (desk_notification_get_root_cid (n), ==, "bafymention");
  g_assert_null (desk_notification_get_in_reply_to (n));
  n = g_ptr_array_index (items, 2);
  g_assert_cmpint (desk_notification_get_kind (n), ==, DESK_NOTIFICATION_KIND_FAVOURITE);
  g_assert_cmpstr (desk_notification_get_subject (n), ==, "at://did:plc:alice/app.bsky.feed.post/3k1a");
  g_assert_null (desk_notification_get_status_id (n));
  g_assert_null (desk_notification_get_status_cid (n));
  g_assert_null (desk_notification_get_root_id (n));
}

static void
test_no_lab (void)
{
  g_test_skip ("Bluesky is not running: run this test through tests/with-atproto.sh");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lab.pds = g_getenv ("ATPROTO_LAB_PDS_URL");
  lab.alice = g_getenv ("ATPROTO_LAB_ALICE_HANDLE");
  lab.alice_did = g_getenv ("ATPROTO_LAB_ALICE_DID");
  lab.password = g_getenv ("ATPROTO_LAB_ALICE_APP_PASSWORD");
  lab.bob = g_getenv ("ATPROTO_LAB_BOB_HANDLE");
  lab.bob_did = g_getenv ("ATPROTO_LAB_BOB_DID");
  lab.bob_password = g_getenv ("ATPROTO_LAB_BOB_PASSWORD");
  g_test_add_func ("/bluesky/tids", test_tids);
  g_test_add_func ("/bluesky/parse", test_parse);
  if (lab.pds == NULL || lab.alice == NULL || lab.alice_did == NULL || lab.password == NULL || lab.bob == NULL ||
      lab.bob_did == NULL || lab.bob_password == NULL)
    {
      g_test_add_func ("/bluesky/no-lab", test_no_lab);
      return g_test_run ();
    }

  /* The sync's own log is read too: it must not hold a secret */
  g_log_writer_default_set_use_stderr (TRUE);
  g_log_set_writer_func (log_writer, NULL, NULL);
  lab.dir = g_dir_make_tmp ("desk-bluesky-XXXXXX", NULL);
  lab.client = g_object_new (DESK_TYPE_HTTP_CLIENT, "backoff-base-ms", 20, "timeout", 30, NULL);
  lab.reader = soup_session_new ();
  {
    g_autofree char *body = g_strdup_printf ("{\"identifier\":\"%s\",\"password\":\"%s\"}", lab.bob, lab.bob_password);
    g_autoptr(JsonObject) bob = xrpc_ok ("POST", "com.atproto.server.createSession", body, NULL);

    lab.bob_jwt = g_strdup (json_object_get_string_member (bob, "accessJwt"));
  }

  g_test_add_func ("/bluesky/login", test_login);
  g_test_add_func ("/bluesky/verify", test_verify);
  g_test_add_func ("/bluesky/publish", test_publish);
  g_test_add_func ("/bluesky/refused", test_refused);
  g_test_add_func ("/bluesky/lost-answer", test_lost_answer);
  g_test_add_func ("/bluesky/refresh", test_refresh);
  g_test_add_func ("/bluesky/notifications", test_notifications);
  g_test_add_func ("/bluesky/post-counts", test_post_counts);
  g_test_add_func ("/bluesky/delete", test_delete);
  g_test_add_func ("/bluesky/pulled-reply", test_pulled_reply);
  status = g_test_run ();

  g_assert_cmpuint (lab.log_lines, >, 0);
  g_clear_object (&lab.reader);
  g_clear_object (&lab.client);
  g_free (lab.bob_jwt);
  g_free (lab.post_uri);
  g_free (lab.post_cid);
  remove_dir (lab.dir);
  g_free (lab.dir);
  return status;
}
