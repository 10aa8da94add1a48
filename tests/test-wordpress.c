/* test-wordpress.c: the WordPress connector against a real WordPress
 *
 * Run by with-wordpress.sh, which starts Debian's WordPress on 127.0.0.1
 * (wp-lab.sh) and gives its address, user and application password in
 * WP_LAB_URL, WP_LAB_USER and WP_LAB_APP_PASSWORD. What the connector did
 * is read back from the site itself. A small proxy in this process stands
 * between them when an answer has to be lost or a header dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "desk-wordpress.h"

typedef struct
{
  const char     *url;        /* http://127.0.0.1:PORT */
  const char     *user;
  const char     *password;
  char           *dir;        /* images made by the tests */
  DeskHttpClient *client;
  SoupSession    *reader;     /* reads the site directly, for the asserts */
  guint           log_lines;  /* the sync's log lines seen */
} Lab;

static Lab lab;

/* Proxy: forwards to WordPress; can drop the site's API link from the
 * home page, or lose the answer of the next new post after WordPress made
 * it */

typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *url;
  gboolean     drop_api_link;
  gboolean     lose_next_post;
  guint        posts_forwarded;
} Proxy;

typedef struct
{
  Proxy             *proxy;
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
      /* WordPress made the post; its answer never comes back */
      GIOStream *stream = soup_server_message_steal_connection (forward->message);

      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
  else
    {
      soup_message_headers_iter_init (&iter, from);
      while (soup_message_headers_iter_next (&iter, &name, &value))
        {
          g_autoptr(GString) rewritten = NULL;

          if (hop_by_hop (name))
            continue;
          /* A reverse proxy's own address in the links */
          rewritten = g_string_new (value);
          if (g_ascii_strcasecmp (name, "Link") == 0)
            {
              g_string_replace (rewritten, lab.url, forward->proxy->url, 0);
              if (forward->proxy->drop_api_link && strstr (value, "https://api.w.org/") != NULL)
                continue;
            }
          soup_message_headers_append (to, name, rewritten->str);
        }
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
  g_autofree char *target = g_strconcat (lab.url, g_uri_get_path (uri), g_uri_get_query (uri) ? "?" : "",
                                         g_uri_get_query (uri) ? g_uri_get_query (uri) : "", NULL);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));
  Forward *forward = g_new0 (Forward, 1);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  forward->proxy = proxy;
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
  if (g_str_equal (method, "POST") && g_str_has_suffix (path, "/wp/v2/posts"))
    {
      proxy->posts_forwarded++;
      forward->lose = proxy->lose_next_post;
      proxy->lose_next_post = FALSE;
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

/* Waiting for the connector */

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

static DeskWordPress *
connect_to (const char *url)
{
  return desk_wordpress_new (lab.client, url, lab.user, lab.password);
}

static DeskRemotePost *
publish (DeskWordPress               *site,
         const DeskWordPressArticle  *article,
         GError                     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_wordpress_publish_async (site, article, NULL, done_cb, &result);
  return desk_wordpress_publish_finish (site, wait_for (&result), error);
}

static char *
upload (DeskWordPress  *site,
        const char     *path,
        const char     *alt_text,
        GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_wordpress_upload_media_async (site, path, alt_text, NULL, done_cb, &result);
  return desk_wordpress_upload_media_finish (site, wait_for (&result), error);
}

static GStrv
ensure_terms (DeskWordPress      *site,
              const char         *taxonomy,
              const char * const *names)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GStrv ids;

  desk_wordpress_ensure_terms_async (site, taxonomy, names, NULL, done_cb, &result);
  ids = desk_wordpress_ensure_terms_finish (site, wait_for (&result), &error);
  g_assert_no_error (error);
  return ids;
}

/* Reading the site itself */

static JsonNode *
site_get (const char  *route,
          guint       *total)
{
  g_autofree char *uri = g_strconcat (lab.url, "/wp-json/", route, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autofree char *credentials = g_strconcat (lab.user, ":", lab.password, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  g_autofree char *basic = g_strconcat ("Basic ", encoded, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", basic);
  body = soup_session_send_and_read (lab.reader, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  if (total != NULL)
    *total = (guint) g_ascii_strtoull (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                                     "X-WP-Total"), NULL, 10);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error));
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static JsonObject *
site_object (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static JsonObject *
site_object (const char *format,
             ...)
{
  va_list args;
  g_autofree char *route = NULL;
  g_autoptr(JsonNode) node = NULL;

  va_start (args, format);
  route = g_strdup_vprintf (format, args);
  va_end (args);
  node = site_get (route, NULL);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* How many posts (drafts and scheduled ones too) have @slug */
static guint
posts_with_slug (const char *slug)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/posts?slug=%s&status=any&context=edit", slug);
  g_autoptr(JsonNode) node = NULL;
  guint total = 0;

  node = site_get (route, &total);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, total);
  return total;
}

static gint64
id_number (const char *id)
{
  g_assert_nonnull (id);
  return g_ascii_strtoll (id, NULL, 10);
}

/* The same ids, in any order (WordPress sorts them) */
static void
assert_ids (JsonArray  *array,
            char      **ids)
{
  g_assert_cmpuint (json_array_get_length (array), ==, g_strv_length (ids));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (array); j++)
        found |= json_array_get_int_element (array, j) == id_number (ids[i]);
      g_assert_true (found);
    }
}

static char *
make_png (const char *name)
{
  char *path = g_build_filename (lab.dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 24, 16);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0.6, 0.2);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* A slug no earlier run left on the site */
static char *
new_slug (const char *what)
{
  static guint n = 0;

  return g_strdup_printf ("desk-%s-%u-%u", what, (guint) getpid (), ++n);
}

/* Tests */

static void
test_discover (void)
{
  g_autoptr(DeskWordPress) site = NULL;
  g_autoptr(Proxy) proxy = proxy_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *expected = g_strconcat (lab.url, "/wp-json/", NULL);
  g_autofree char *slashed = g_strconcat (lab.url, "/", NULL);

  /* The home page's Link */
  site = connect_to (slashed);
  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_wordpress_discover_async (site, NULL, done_cb, &result);
    root = desk_wordpress_discover_finish (site, wait_for (&result), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (root, ==, expected);

  /* No Link (dropped on the way): the plain route, which works with or
   * without pretty permalinks, then a call through it */
  proxy->drop_api_link = TRUE;
  g_clear_object (&site);
  g_clear_pointer (&root, g_free);
  site = connect_to (proxy->url);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *plain = g_strconcat (proxy->url, "/?rest_route=/", NULL);

    desk_wordpress_discover_async (site, NULL, done_cb, &result);
    root = desk_wordpress_discover_finish (site, wait_for (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (root, ==, plain);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_auto(GStrv) ids = NULL;
    const char *names[] = { "Discovery", NULL };

    /* A route with its own query: rest_route=…&search=… */
    ids = ensure_terms (site, "tags", names);
    g_assert_cmpuint (g_strv_length (ids), ==, 1);
    desk_wordpress_verify_async (site, NULL, done_cb, &result);
    g_assert_nonnull (desk_wordpress_verify_finish (site, wait_for (&result), &error));
    g_assert_no_error (error);
  }
}

static void
test_verify (void)
{
  g_autoptr(DeskWordPress) site = connect_to (lab.url);
  g_autoptr(DeskWordPress) wrong = desk_wordpress_new (lab.client, lab.url, lab.user, "abcd efgh ijkl mnop qrst uvwx");
  g_autoptr(DeskWordPress) spaced = NULL;
  g_autoptr(DeskRemoteAccount) account = NULL;
  g_autoptr(DeskRemoteAccount) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *author = g_strconcat (lab.url, "/author/", lab.user, "/", NULL);

  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_wordpress_verify_async (site, NULL, done_cb, &result);
    account = desk_wordpress_verify_finish (site, wait_for (&result), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (account->id, ==, "1");
  g_assert_cmpstr (account->handle, ==, lab.user);
  g_assert_cmpstr (account->display_name, ==, "admin");
  g_assert_cmpstr (account->url, ==, author);
  g_assert_cmpint (account->followers, ==, -1);

  /* The password as WordPress shows it, in groups of four */
  for (const char *c = lab.password; *c != '\0'; c++)
    {
      if (c != lab.password && (c - lab.password) % 4 == 0)
        g_string_append_c (shown, ' ');
      g_string_append_c (shown, *c);
    }
  spaced = desk_wordpress_new (lab.client, lab.url, lab.user, shown->str);
  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_wordpress_verify_async (spaced, NULL, done_cb, &result);
    again = desk_wordpress_verify_finish (spaced, wait_for (&result), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, "1");

  /* A revoked or mistyped password: "reconnect", not "try again" */
  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_wordpress_verify_async (wrong, NULL, done_cb, &result);
    g_assert_null (desk_wordpress_verify_finish (wrong, wait_for (&result), &error));
  }
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED);
}

static void
test_media (void)
{
  g_autoptr(DeskWordPress) site = connect_to (lab.url);
  g_autofree char *png = make_png ("galette-dorée.png");
  g_autofree char *script = g_build_filename (lab.dir, "notes.sh", NULL);
  g_autofree char *id = NULL;
  g_autofree char *bare = NULL;
  g_autoptr(JsonObject) media = NULL;
  g_autoptr(JsonObject) bare_media = NULL;
  g_autoptr(GError) error = NULL;

  id = upload (site, png, "Une galette dorée sur une planche", &error);
  g_assert_no_error (error);
  media = site_object ("wp/v2/media/%s?context=edit", id);
  g_assert_cmpint (json_object_get_int_member (media, "id"), ==, id_number (id));
  g_assert_cmpstr (json_object_get_string_member (media, "alt_text"), ==, "Une galette dorée sur une planche");
  g_assert_cmpstr (json_object_get_string_member (media, "mime_type"), ==, "image/png");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (media, "source_url"), "galette-doree.png"));

  bare = upload (site, png, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bare, !=, id);
  bare_media = site_object ("wp/v2/media/%s?context=edit", bare);
  g_assert_cmpstr (json_object_get_string_member (bare_media, "alt_text"), ==, "");

  /* A file the site does not take: refused at once, with its reason */
  g_assert_true (g_file_set_contents (script, "#!/bin/sh\necho hello\n", -1, NULL));
  g_assert_null (upload (site, script, "A script", &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);

  g_clear_error (&error);
  g_assert_null (upload (site, "/nonexistent/image.png", NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_terms (void)
{
  g_autoptr(DeskWordPress) site = connect_to (lab.url);
  const char *categories[] = { "Boulangerie", "Pâtisserie & Café", NULL };
  const char *categories_again[] = { " boulangerie ", "Pâtisserie & Café", "", NULL };
  const char *tags[] = { "galette", "Épiphanie", "galette des rois", NULL };
  g_auto(GStrv) first = ensure_terms (site, "categories", categories);
  g_auto(GStrv) second = ensure_terms (site, "categories", categories_again);
  g_auto(GStrv) tag_ids = ensure_terms (site, "tags", tags);
  g_auto(GStrv) tag_again = ensure_terms (site, "tags", tags);
  g_auto(GStrv) none = ensure_terms (site, "tags", NULL);
  g_autoptr(JsonObject) term = NULL;
  guint total = 0;
  g_autoptr(JsonNode) all = NULL;

  /* Made once: found the second time, whatever the case or the spaces */
  g_assert_cmpuint (g_strv_length (first), ==, 2);
  g_assert_cmpstrv (second, first);
  g_assert_cmpuint (g_strv_length (tag_ids), ==, 3);
  g_assert_cmpstrv (tag_again, tag_ids);
  g_assert_cmpstr (tag_ids[0], !=, tag_ids[2]);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  term = site_object ("wp/v2/categories/%s", first[1]);
  g_assert_cmpstr (json_object_get_string_member (term, "name"), ==, "Pâtisserie &amp; Café");
  all = site_get ("wp/v2/categories?search=Boulangerie", &total);
  g_assert_cmpuint (total, ==, 1);
}

static void
test_publish_future (void)
{
  g_autoptr(DeskWordPress) site = connect_to (lab.url);
  g_autofree char *png = make_png ("couronne.png");
  g_autofree char *media = NULL;
  g_autofree char *slug = new_slug ("future");
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2030-01-02T10:30:00+01:00", NULL);
  const char *categories[] = { "Boulangerie", NULL };
  const char *tags[] = { "galette", "Épiphanie", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRemotePost) post = NULL;
  g_autoptr(DeskRemotePost) again = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_auto(GStrv) category_ids = NULL;
  g_auto(GStrv) tag_ids = NULL;
  DeskWordPressArticle article = {
    .title = "La galette des rois arrive",
    .content_html = "<p>Frangipane ou pommes : <strong>réservez</strong> la vôtre.</p>",
    .excerpt = "Frangipane ou pommes",
    .categories = categories,
    .tags = tags,
    .date = date,
    .slug = slug,
  };

  media = upload (site, png, "Une couronne dorée", &error);
  g_assert_no_error (error);
  article.featured_media = media;

  post = publish (site, &article, &error);
  g_assert_no_error (error);
  g_assert_true (post->scheduled);
  g_assert_nonnull (post->url);

  stored = site_object ("wp/v2/posts/%s?context=edit", post->id);
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (stored, "date_gmt"), ==, "2030-01-02T09:30:00");
  g_assert_cmpstr (json_object_get_string_member (stored, "slug"), ==, slug);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored, "title"), "raw"), ==,
                   article.title);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored, "content"), "raw"), ==,
                   article.content_html);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored, "excerpt"), "raw"), ==,
                   article.excerpt);
  g_assert_cmpint (json_object_get_int_member (stored, "featured_media"), ==, id_number (media));
  category_ids = ensure_terms (site, "categories", categories);
  tag_ids = ensure_terms (site, "tags", tags);
  assert_ids (json_object_get_array_member (stored, "categories"), category_ids);
  assert_ids (json_object_get_array_member (stored, "tags"), tag_ids);
  g_assert_cmpstr (post->url, ==, json_object_get_string_member (stored, "link"));

  /* Published again (a crash before the outbox wrote it down): the same
   * post, not a second one */
  again = publish (site, &article, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, post->id);
  g_assert_true (again->scheduled);
  g_assert_cmpuint (posts_with_slug (slug), ==, 1);
}

static void
test_publish_past (void)
{
  g_autoptr(DeskWordPress) site = connect_to (lab.url);
  g_autofree char *slug = new_slug ("past");
  g_autofree char *now_slug = new_slug ("now");
  g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 3, 1, 8, 0, 0);
  g_autoptr(GDateTime) moved = g_date_time_new_utc (2031, 5, 6, 7, 8, 9);
  g_autoptr(GDateTime) moved_back = g_date_time_new_utc (2025, 2, 3, 4, 5, 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRemotePost) post = NULL;
  g_autoptr(DeskRemotePost) now_post = NULL;
  g_autoptr(JsonObject) stored = NULL;
  DeskWordPressArticle article = {
    .title = "Horaires d’été",
    .content_html = "<p>Ouvert de 7 h à 13 h.</p>",
    .date = date,
    .slug = slug,
  };
  DeskWordPressArticle now_article = {
    .title = "Pain du jour",
    .content_html = "<p>Seigle.</p>",
    .slug = now_slug,
  };

  /* A past date: published, backdated */
  post = publish (site, &article, &error);
  g_assert_no_error (error);
  g_assert_false (post->scheduled);
  stored = site_object ("wp/v2/posts/%s?context=edit", post->id);
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "publish");
  g_assert_cmpstr (json_object_get_string_member (stored, "date_gmt"), ==, "2024-03-01T08:00:00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (stored, "tags")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (stored, "featured_media"), ==, 0);
  g_clear_pointer (&stored, json_object_unref);

  /* No date: now */
  now_post = publish (site, &now_article, &error);
  g_assert_no_error (error);
  g_assert_false (now_post->scheduled);
  stored = site_object ("wp/v2/posts/%s?context=edit", now_post->id);
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "publish");
  g_clear_pointer (&stored, json_object_unref);

  /* Moved in the calendar into the future: held by the site until then */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(DeskRemotePost) updated = NULL;

    desk_wordpress_update_date_async (site, post->id, moved, NULL, done_cb, &result);
    updated = desk_wordpress_update_date_finish (site, wait_for (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (updated->id, ==, post->id);
    g_assert_true (updated->scheduled);
  }
  stored = site_object ("wp/v2/posts/%s?context=edit", post->id);
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (stored, "date_gmt"), ==, "2031-05-06T07:08:09");
  g_clear_pointer (&stored, json_object_unref);

  /* And back into the past: published */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(DeskRemotePost) updated = NULL;

    desk_wordpress_update_date_async (site, post->id, moved_back, NULL, done_cb, &result);
    updated = desk_wordpress_update_date_finish (site, wait_for (&result), &error);
    g_assert_no_error (error);
    g_assert_false (updated->scheduled);
  }
  stored = site_object ("wp/v2/posts/%s?context=edit", post->id);
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "publish");
  g_assert_cmpstr (json_object_get_string_member (stored, "date_gmt"), ==, "2025-02-03T04:05:06");
  g_clear_pointer (&stored, json_object_unref);

  /* Removed in the app: back to draft, off the site */
  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_wordpress_unpublish_async (site, post->id, NULL, done_cb, &result);
    g_assert_true (desk_wordpress_unpublish_finish (site, wait_for (&result), &error));
    g_assert_no_error (error);
  }
  stored = site_object ("wp/v2/posts/%s?context=edit", post->id);
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "draft");
  g_assert_cmpuint (posts_with_slug (slug), ==, 1);

  /* A post that is not there */
  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_wordpress_unpublish_async (site, "987654", NULL, done_cb, &result);
    g_assert_false (desk_wordpress_unpublish_finish (site, wait_for (&result), &error));
    g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  }
}

static void
test_bad_media (void)
{
  g_autoptr(DeskWordPress) site = connect_to (lab.url);
  g_autofree char *slug = new_slug ("bad-media");
  g_autoptr(GError) error = NULL;
  DeskWordPressArticle article = {
    .title = "Sans image",
    .content_html = "<p>…</p>",
    .featured_media = "999999",
    .slug = slug,
  };

  g_assert_null (publish (site, &article, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "999999"));
  g_assert_cmpuint (posts_with_slug (slug), ==, 0);
}

static void
test_lost_answer (void)
{
  g_autoptr(Proxy) proxy = proxy_new ();
  g_autoptr(DeskWordPress) site = connect_to (proxy->url);
  g_autofree char *slug = new_slug ("lost");
  g_autoptr(GDateTime) date = g_date_time_new_utc (2030, 6, 1, 6, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRemotePost) post = NULL;
  g_autoptr(JsonNode) found = NULL;
  JsonObject *made;
  const char *tags[] = { "fournée", NULL };
  DeskWordPressArticle article = {
    .title = "Fournée du dimanche",
    .content_html = "<p>Croissants à 7 h.</p>",
    .tags = tags,
    .date = date,
    .slug = slug,
  };

  /* WordPress makes the post, its answer is lost on the way back: an
   * error, and the client did not send it again */
  proxy->lose_next_post = TRUE;
  g_assert_null (publish (site, &article, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpuint (proxy->posts_forwarded, ==, 1);
  g_assert_cmpuint (posts_with_slug (slug), ==, 1);

  /* The outbox tries again: the post is found by its slug */
  post = publish (site, &article, &error);
  g_assert_no_error (error);
  g_assert_true (post->scheduled);
  g_assert_cmpuint (proxy->posts_forwarded, ==, 1);
  g_assert_cmpuint (posts_with_slug (slug), ==, 1);
  {
    g_autofree char *route = g_strdup_printf ("wp/v2/posts?slug=%s&status=any&context=edit", slug);

    found = site_get (route, NULL);
  }
  made = json_array_get_object_element (json_node_get_array (found), 0);
  g_assert_cmpint (json_object_get_int_member (made, "id"), ==, id_number (post->id));
}

/* No password, whole or encoded, in the log */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  g_autofree char *credentials = g_strconcat (lab.user, ":", lab.password, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      {
        g_assert_null (strstr (fields[i].value, lab.password));
        g_assert_null (strstr (fields[i].value, encoded));
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

static void
test_no_lab (void)
{
  g_test_skip ("WordPress is not running: run this test through tests/with-wordpress.sh");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lab.url = g_getenv ("WP_LAB_URL");
  lab.user = g_getenv ("WP_LAB_USER");
  lab.password = g_getenv ("WP_LAB_APP_PASSWORD");
  if (lab.url == NULL || lab.user == NULL || lab.password == NULL)
    {
      g_test_add_func ("/wordpress/no-lab", test_no_lab);
      return g_test_run ();
    }

  /* The sync's own log is read too: it must not hold the password */
  g_log_writer_default_set_use_stderr (TRUE);
  g_log_set_writer_func (log_writer, NULL, NULL);
  lab.dir = g_dir_make_tmp ("desk-wordpress-XXXXXX", NULL);
  lab.client = g_object_new (DESK_TYPE_HTTP_CLIENT, "backoff-base-ms", 20, "timeout", 30, NULL);
  lab.reader = soup_session_new ();

  g_test_add_func ("/wordpress/discover", test_discover);
  g_test_add_func ("/wordpress/verify", test_verify);
  g_test_add_func ("/wordpress/media", test_media);
  g_test_add_func ("/wordpress/terms", test_terms);
  g_test_add_func ("/wordpress/publish-future", test_publish_future);
  g_test_add_func ("/wordpress/publish-past", test_publish_past);
  g_test_add_func ("/wordpress/bad-media", test_bad_media);
  g_test_add_func ("/wordpress/lost-answer", test_lost_answer);
  status = g_test_run ();

  g_assert_cmpuint (lab.log_lines, >, 0);
  g_clear_object (&lab.reader);
  g_clear_object (&lab.client);
  remove_dir (lab.dir);
  g_free (lab.dir);
  return status;
}
