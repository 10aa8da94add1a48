/* desk-wordpress.c: a WordPress site through its REST API
 *
 * After developer.wordpress.org/rest-api (reference/posts, media, tags,
 * categories, users; using-the-rest-api/discovery) and the application
 * passwords integration guide
 * (make.wordpress.org/core/2020/11/05/application-passwords-integration-guide),
 * checked against WordPress 6.1 (tests/test-wordpress.c):
 * - the REST root is discovered from the site: the home page's
 *   `Link: <…>; rel="https://api.w.org/"`, else `/?rest_route=/` (a site
 *   without pretty permalinks), and kept;
 * - Basic authentication with the user and an application password (its
 *   spaces are only for reading);
 * - an article's categories and tags are ids: found by name, made when
 *   missing;
 * - WordPress has no idempotency key, so an article carries a slug unique
 *   to the post, and before it is sent the site is asked for a post with
 *   that slug (drafts and scheduled ones too): a post whose answer was
 *   lost, or sent before a crash, is found there instead of being made
 *   twice. The POST itself is never repeated by the HTTP client;
 * - a future article is `status: future` with its `date_gmt`, the site
 *   holds it; a featured image that does not exist is stored as 0 without
 *   an error, so the image is checked before and the answer after.
 * Ids are numbers in the JSON, strings here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-wordpress"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-wordpress.h"

#define API_REL "https://api.w.org/"
#define TERMS_PAGE 100

struct _DeskWordPress
{
  GObject         parent_instance;

  DeskHttpClient *client;
  char           *site;            /* "https://example.org/blog/", with a final "/" */
  char           *root;            /* (nullable) the REST root once discovered */
  char           *authorization;   /* "Basic …": the password, wiped at finalize */
};

G_DEFINE_FINAL_TYPE (DeskWordPress, desk_wordpress, G_TYPE_OBJECT)

typedef void (*ParseFunc) (GTask *task, DeskHttpResponse *response);
typedef void (*StepFunc)  (GTask *task);

/* Addresses */

static char *
normalise_site (const char *site_url)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (site_url));
  gsize length = strlen (trimmed);

  while (length > 0 && trimmed[length - 1] == '/')
    trimmed[--length] = '\0';
  if (strstr (trimmed, "://") == NULL)
    return g_strconcat ("https://", trimmed, "/", NULL);
  return g_strconcat (trimmed, "/", NULL);
}

/* ROOT + ROUTE (?|&) QUERY: the root is ".../wp-json/" or, without pretty
 * permalinks, ".../?rest_route=/" */
static char *
api_uri (const char *root,
         const char *route,
         const char *query)
{
  if (query == NULL)
    return g_strconcat (root, route, NULL);
  return g_strconcat (root, route, strchr (root, '?') != NULL ? "&" : "?", query, NULL);
}

static gboolean
is_number (const char *id)
{
  if (id == NULL || id[0] == '\0')
    return FALSE;
  for (const char *c = id; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  return TRUE;
}

/* Calls: one GTask each, going through steps; @parse gets the answer */

static void
answered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  ParseFunc parse = g_object_get_data (G_OBJECT (task), "parse");
  gboolean any_status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "any-status"));
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpResponse) response = desk_http_client_send_finish (DESK_HTTP_CLIENT (source), result, &error);

  if (response == NULL || (!any_status && !desk_http_response_check (response, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  parse (g_steal_pointer (&task), response);
}

/* Sends @request for @task (whose reference it takes); @parse gets 2xx
 * answers only, or every answer with @any_status */
static void
call (DeskWordPress   *self,
      DeskHttpRequest *request,
      GTask           *task,
      ParseFunc        parse,
      gboolean         any_status)
{
  g_object_set_data (G_OBJECT (task), "parse", parse);
  g_object_set_data (G_OBJECT (task), "any-status", GINT_TO_POINTER (any_status));
  desk_http_client_send_async (self->client, request, g_task_get_cancellable (task), answered_cb, task);
}

/* A request to ROUTE under the REST root, as the account */
static DeskHttpRequest *
api_request (DeskWordPress  *self,
             const char     *method,
             const char     *route,
             const char     *query,
             GError        **error)
{
  g_autofree char *uri = api_uri (self->root, route, query);
  DeskHttpRequest *request = desk_http_request_new (method, uri, error);

  if (request != NULL)
    desk_http_request_set_header (request, "Authorization", self->authorization);
  return request;
}

/* Starts @task's call of METHOD ROUTE?QUERY with @body (nullable) */
static void
api_call (DeskWordPress *self,
          GTask         *task,
          const char    *method,
          const char    *route,
          const char    *query,
          JsonNode      *body,
          gboolean       retry_safe,
          ParseFunc      parse,
          gboolean       any_status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpRequest) request = api_request (self, method, route, query, &error);

  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (body != NULL)
    desk_http_request_set_json (request, body);
  desk_http_request_set_retry_safe (request, retry_safe);
  call (self, request, task, parse, any_status);
}

static void
return_malformed (GTask *task)
{
  g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED,
                           _("The server’s answer is not what WordPress sends."));
}

/* The answer's JSON object, or the task returns MALFORMED */
static JsonObject *
answer_object (GTask            *task,
               DeskHttpResponse *response,
               JsonNode        **node)
{
  return desk_remote_answer_object (task, response, _("The server’s answer is not what WordPress sends."), node);
}

/* WordPress's ids are positive numbers; 0 or absent: none */
static char *
id_of (JsonObject *object,
       const char *member)
{
  gint64 id = desk_json_get_int (object, member, 0);

  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
}

/* The error code WordPress gives in a refusal ("term_exists") */
static const char *
error_code (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? desk_json_get_string (json_node_get_object (node), "code")
                                                       : NULL;
}

/* Discovery */

static void
root_found (GTask      *task,
            const char *root)
{
  DeskWordPress *self = g_task_get_source_object (task);
  StepFunc next = g_object_get_data (G_OBJECT (task), "after-root");

  g_debug ("REST root found");
  g_free (self->root);
  self->root = g_strdup (root);
  next (task);
}

static void
parse_index (GTask            *task,
             DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  DeskWordPress *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);
  JsonObject *index = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonArray *namespaces = desk_json_get_array (index, "namespaces");
  g_autofree char *root = g_strconcat (self->site, "?rest_route=/", NULL);

  for (guint i = 0; response->status == 200 && namespaces != NULL && i < json_array_get_length (namespaces); i++)
    {
      JsonNode *name = json_array_get_element (namespaces, i);

      if (JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (name), "wp/v2") == 0)
        {
          root_found (g_steal_pointer (&owned), root);
          return;
        }
    }
  g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                           _("“%s” does not look like a WordPress site with its REST API on: check the address."),
                           self->site);
}

static void
parse_home (GTask            *task,
            DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  DeskWordPress *self = g_task_get_source_object (task);
  g_autofree char *link = desk_link_header_find (response->headers, API_REL);
  g_autofree char *root = link ? g_uri_resolve_relative (self->site, link, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *probe = NULL;
  g_autoptr(DeskHttpRequest) request = NULL;

  if (root != NULL)
    {
      root_found (g_steal_pointer (&owned), root);
      return;
    }
  if (response->status >= 500)
    {
      desk_http_response_check (response, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* No link (a cache or a proxy dropped it): the plain route works with
   * or without pretty permalinks */
  probe = g_strconcat (self->site, "?rest_route=/", NULL);
  request = desk_http_request_new ("GET", probe, &error);
  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  call (self, request, g_steal_pointer (&owned), parse_index, TRUE);
}

/* Runs @next once the REST root is known (found the first time) */
static void
with_root (DeskWordPress *self,
           GTask         *task,
           StepFunc       next)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpRequest) request = NULL;

  if (self->root != NULL)
    {
      next (task);
      return;
    }
  g_object_set_data (G_OBJECT (task), "after-root", next);
  /* The home page, without the password: it is not needed there */
  request = desk_http_request_new ("GET", self->site, &error);
  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  call (self, request, task, parse_home, TRUE);
}

static void
return_root (GTask *task)
{
  DeskWordPress *self = g_task_get_source_object (task);

  g_task_return_pointer (task, g_strdup (self->root), g_free);
  g_object_unref (task);
}

/**
 * desk_wordpress_discover_async:
 *
 * Finds the site's REST root (and keeps it for the other calls)
 */
void
desk_wordpress_discover_async (DeskWordPress       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DESK_IS_WORDPRESS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_wordpress_discover_async);
  with_root (self, task, return_root);
}

/**
 * desk_wordpress_discover_finish:
 *
 * Returns: (transfer full): the REST root ("https://example.org/wp-json/")
 */
char *
desk_wordpress_discover_finish (DeskWordPress  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Account */

static void
parse_account (GTask            *task,
               DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = answer_object (task, response, &node);
  g_autofree char *id = id_of (object, "id");
  const char *handle = desk_json_get_string (object, "username");
  DeskRemoteAccount *account;

  if (object == NULL)
    return;
  if (id == NULL)
    {
      return_malformed (task);
      return;
    }
  if (handle == NULL || handle[0] == '\0')
    handle = desk_json_get_string (object, "slug");
  account = g_new0 (DeskRemoteAccount, 1);
  account->id = g_steal_pointer (&id);
  account->handle = g_strdup (handle);
  account->display_name = g_strdup (desk_json_get_string (object, "name"));
  account->url = g_strdup (desk_json_get_string (object, "link"));
  account->followers = -1;
  g_task_return_pointer (task, account, (GDestroyNotify) desk_remote_account_free);
}

static void
verify_step (GTask *task)
{
  DeskWordPress *self = g_task_get_source_object (task);

  api_call (self, task, "GET", "wp/v2/users/me", "context=edit", NULL, TRUE, parse_account, FALSE);
}

/**
 * desk_wordpress_verify_async:
 *
 * Who the application password belongs to (GET /wp/v2/users/me)
 */
void
desk_wordpress_verify_async (DeskWordPress       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DESK_IS_WORDPRESS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_wordpress_verify_async);
  with_root (self, task, verify_step);
}

DeskRemoteAccount *
desk_wordpress_verify_finish (DeskWordPress  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Images */

typedef struct
{
  GBytes *contents;
  char   *filename;
  char   *mime;
  char   *alt_text;
  char   *id;
} Upload;

static void
upload_free (gpointer data)
{
  Upload *upload = data;

  g_clear_pointer (&upload->contents, g_bytes_unref);
  g_free (upload->filename);
  g_free (upload->mime);
  g_free (upload->alt_text);
  g_free (upload->id);
  g_free (upload);
}

/* A file name PHP reads whatever its letters: "galette-doree.png" */
static char *
plain_filename (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *plain = g_str_to_ascii (base, "C");

  for (char *c = plain; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '.' && *c != '-' && *c != '_')
      *c = '-';
  return plain;
}

static void
parse_alt (GTask            *task,
           DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = answer_object (task, response, &node);

  if (object == NULL)
    return;
  if (g_strcmp0 (desk_json_get_string (object, "alt_text"), upload->alt_text) != 0)
    {
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                               _("WordPress did not keep the image’s alternative text."));
      return;
    }
  g_task_return_pointer (task, g_strdup (upload->id), g_free);
}

static void
set_alt (GTask *task)
{
  DeskWordPress *self = g_task_get_source_object (task);
  Upload *upload = g_task_get_task_data (task);
  g_autofree char *route = g_strconcat ("wp/v2/media/", upload->id, NULL);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  json_object_set_string_member (body, "alt_text", upload->alt_text);
  node = json_node_init_object (json_node_alloc (), body);
  /* The same text twice is the same image: safe to repeat */
  api_call (self, task, "POST", route, NULL, node, TRUE, parse_alt, FALSE);
}

static void
parse_media (GTask            *task,
             DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *code = error_code (node);

  /* A refused file (its type, its size) comes as a 500 with a rest_upload_
   * code: not the server's trouble, sending it again would not help */
  if (response->status >= 500 && code != NULL && g_str_has_prefix (code, "rest_upload"))
    {
      const char *message = desk_json_get_string (object, "message");

      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                               _("WordPress refused the image: %s"), message ? message : code);
      return;
    }
  {
    g_autoptr(GError) error = NULL;

    if (!desk_http_response_check (response, &error))
      {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }
  }
  upload->id = id_of (object, "id");
  if (upload->id == NULL)
    {
      return_malformed (task);
      return;
    }
  if (upload->alt_text != NULL && g_strcmp0 (desk_json_get_string (object, "alt_text"), upload->alt_text) != 0)
    {
      set_alt (g_steal_pointer (&owned));
      return;
    }
  g_task_return_pointer (task, g_strdup (upload->id), g_free);
}

static void
upload_step (GTask *task)
{
  DeskWordPress *self = g_task_get_source_object (task);
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskHttpRequest) request = api_request (self, "POST", "wp/v2/media", NULL, &error);
  SoupMultipart *multipart;
  SoupMessageHeaders *headers;
  g_autoptr(GBytes) body = NULL;

  if (request == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  soup_multipart_append_form_file (multipart, "file", upload->filename, upload->mime, upload->contents);
  if (upload->alt_text != NULL)
    soup_multipart_append_form_string (multipart, "alt_text", upload->alt_text);
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_multipart_to_message (multipart, headers, &body);
  soup_multipart_free (multipart);
  desk_http_request_set_body (request, soup_message_headers_get_one (headers, "Content-Type"), body);
  soup_message_headers_unref (headers);
  /* Not repeated by the client: each try would add an image to the
   * site's library */
  desk_http_request_set_retry_safe (request, FALSE);
  call (self, request, task, parse_media, TRUE);
}

/**
 * desk_wordpress_upload_media_async:
 * @alt_text: (nullable): the image's alternative text
 *
 * Uploads an image to the site's media library (POST /wp/v2/media) with
 * its alternative text; the result is its id, for an article's
 * featured_media.
 */
void
desk_wordpress_upload_media_async (DeskWordPress       *self,
                                   const char          *path,
                                   const char          *alt_text,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autofree char *type = NULL;
  Upload *upload;

  g_return_if_fail (DESK_IS_WORDPRESS (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_wordpress_upload_media_async);
  file = g_mapped_file_new (path, FALSE, &error);
  if (file == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  upload = g_new0 (Upload, 1);
  upload->contents = g_mapped_file_get_bytes (file);
  upload->filename = plain_filename (path);
  type = g_content_type_guess (path, g_bytes_get_data (upload->contents, NULL),
                               MIN (g_bytes_get_size (upload->contents), 4096), NULL);
  upload->mime = g_content_type_get_mime_type (type);
  if (upload->mime == NULL)
    upload->mime = g_strdup ("application/octet-stream");
  upload->alt_text = alt_text != NULL && alt_text[0] != '\0' ? g_strdup (alt_text) : NULL;
  g_task_set_task_data (task, upload, upload_free);
  with_root (self, task, upload_step);
}

/**
 * desk_wordpress_upload_media_finish:
 *
 * Returns: (transfer full): the image's id on the site
 */
char *
desk_wordpress_upload_media_finish (DeskWordPress  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Categories and tags */

typedef struct
{
  char      *taxonomy;   /* "tags" or "categories" */
  GPtrArray *names;      /* the names left to find, stripped, none empty */
  GPtrArray *ids;        /* the ids found so far */
  guint      next;
} Terms;

static void
terms_free (gpointer data)
{
  Terms *terms = data;

  g_free (terms->taxonomy);
  g_ptr_array_unref (terms->names);
  g_ptr_array_unref (terms->ids);
  g_free (terms);
}

/* The same name: WordPress's stored text ("&amp;" is "&"), without case
 * ("boulangerie" is the Boulangerie category). A name the search misses
 * but the site calls taken comes back as term_exists with its id. */
static gboolean
same_name (const char *stored,
           const char *wanted)
{
  g_autofree char *text = desk_html_to_text (stored);
  g_autofree char *a = g_utf8_casefold (text, -1);
  g_autofree char *b = g_utf8_casefold (wanted, -1);

  return g_strcmp0 (a, b) == 0;
}

static void next_term (GTask *task);

static void
term_found (GTask *task,
            char  *id)
{
  Terms *terms = g_task_get_task_data (task);

  g_ptr_array_add (terms->ids, id);
  terms->next++;
  next_term (task);
}

static void
parse_created_term (GTask            *task,
                    DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(GError) error = NULL;
  char *id;

  /* Made meanwhile, or the same name but for case or accents */
  if (response->status == 400 && g_strcmp0 (error_code (node), "term_exists") == 0)
    id = id_of (desk_json_get_object (object, "data"), "term_id");
  else if (!desk_http_response_check (response, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  else
    id = id_of (object, "id");
  if (id == NULL)
    {
      return_malformed (task);
      return;
    }
  term_found (g_steal_pointer (&owned), id);
}

static void
create_term (GTask *task)
{
  DeskWordPress *self = g_task_get_source_object (task);
  Terms *terms = g_task_get_task_data (task);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *route = g_strconcat ("wp/v2/", terms->taxonomy, NULL);

  json_object_set_string_member (body, "name", g_ptr_array_index (terms->names, terms->next));
  node = json_node_init_object (json_node_alloc (), body);
  /* Sent twice, the second gets term_exists and its id: safe to repeat */
  api_call (self, task, "POST", route, NULL, node, TRUE, parse_created_term, TRUE);
}

static void
parse_search (GTask            *task,
              DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  Terms *terms = g_task_get_task_data (task);
  const char *wanted = g_ptr_array_index (terms->names, terms->next);
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);
  JsonArray *found = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (found == NULL)
    {
      return_malformed (task);
      return;
    }
  for (guint i = 0; i < json_array_get_length (found); i++)
    {
      JsonNode *element = json_array_get_element (found, i);
      JsonObject *term = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *name = desk_json_get_string (term, "name");
      char *id = id_of (term, "id");

      if (id != NULL && name != NULL && same_name (name, wanted))
        {
          term_found (g_steal_pointer (&owned), id);
          return;
        }
      g_free (id);
    }
  create_term (g_steal_pointer (&owned));
}

static void
next_term (GTask *task)
{
  DeskWordPress *self = g_task_get_source_object (task);
  Terms *terms = g_task_get_task_data (task);
  g_autofree char *route = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *query = NULL;

  if (terms->next >= terms->names->len)
    {
      GStrv ids = g_new0 (char *, terms->ids->len + 1);

      for (guint i = 0; i < terms->ids->len; i++)
        ids[i] = g_strdup (g_ptr_array_index (terms->ids, i));
      g_task_return_pointer (task, ids, (GDestroyNotify) g_strfreev);
      g_object_unref (task);
      return;
    }
  route = g_strconcat ("wp/v2/", terms->taxonomy, NULL);
  escaped = g_uri_escape_string (g_ptr_array_index (terms->names, terms->next), NULL, FALSE);
  query = g_strdup_printf ("search=%s&per_page=%d&hide_empty=false", escaped, TERMS_PAGE);
  api_call (self, task, "GET", route, query, NULL, TRUE, parse_search, FALSE);
}

/**
 * desk_wordpress_ensure_terms_async:
 * @taxonomy: "categories" or "tags"
 * @names: (nullable): the terms' names
 *
 * Finds each term by its name, and makes the missing ones
 */
void
desk_wordpress_ensure_terms_async (DeskWordPress       *self,
                                   const char          *taxonomy,
                                   const char * const  *names,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  Terms *terms;

  g_return_if_fail (DESK_IS_WORDPRESS (self));
  g_return_if_fail (g_strcmp0 (taxonomy, "tags") == 0 || g_strcmp0 (taxonomy, "categories") == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_wordpress_ensure_terms_async);
  terms = g_new0 (Terms, 1);
  terms->taxonomy = g_strdup (taxonomy);
  terms->names = g_ptr_array_new_with_free_func (g_free);
  terms->ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));

      if (name[0] != '\0')
        g_ptr_array_add (terms->names, g_steal_pointer (&name));
    }
  g_task_set_task_data (task, terms, terms_free);
  with_root (self, task, next_term);
}

/**
 * desk_wordpress_ensure_terms_finish:
 *
 * Returns: (transfer full): the terms' ids, in the names' order (empty
 *   names left out)
 */
GStrv
desk_wordpress_ensure_terms_finish (DeskWordPress  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Posts */

typedef struct
{
  char      *title;
  char      *content;
  char      *excerpt;
  char      *slug;
  char      *featured_media;
  GStrv      categories;
  GStrv      tags;
  GDateTime *date;
  GStrv      category_ids;
  GStrv      tag_ids;
} Publish;

static void
publish_free (gpointer data)
{
  Publish *publish = data;

  g_free (publish->title);
  g_free (publish->content);
  g_free (publish->excerpt);
  g_free (publish->slug);
  g_free (publish->featured_media);
  g_strfreev (publish->categories);
  g_strfreev (publish->tags);
  g_clear_pointer (&publish->date, g_date_time_unref);
  g_strfreev (publish->category_ids);
  g_strfreev (publish->tag_ids);
  g_free (publish);
}

static DeskRemotePost *
remote_post (JsonObject *object)
{
  g_autofree char *id = id_of (object, "id");
  DeskRemotePost *post;

  if (id == NULL)
    return NULL;
  post = g_new0 (DeskRemotePost, 1);
  post->id = g_steal_pointer (&id);
  post->url = g_strdup (desk_json_get_string (object, "link"));
  post->scheduled = g_strcmp0 (desk_json_get_string (object, "status"), "future") == 0;
  return post;
}

/* WordPress's date_gmt: UTC, without an offset */
static char *
format_date_gmt (GDateTime *date)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

static void
parse_post (GTask            *task,
            DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = answer_object (task, response, &node);
  DeskRemotePost *post;

  if (object == NULL)
    return;
  post = remote_post (object);
  if (post == NULL)
    {
      return_malformed (task);
      return;
    }
  g_task_return_pointer (task, post, (GDestroyNotify) desk_remote_post_free);
}

static void
parse_created_post (GTask            *task,
                    DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = answer_object (task, response, &node);
  g_autofree char *featured = NULL;
  DeskRemotePost *post;

  if (object == NULL)
    return;
  post = remote_post (object);
  if (post == NULL)
    {
      return_malformed (task);
      return;
    }
  /* An id the site does not know is stored as 0, with a 201 */
  featured = id_of (object, "featured_media");
  if (publish->featured_media != NULL && g_strcmp0 (featured, publish->featured_media) != 0)
    {
      desk_remote_post_free (post);
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                               _("WordPress published the article without its featured image (media %s): "
                                 "upload the image again."), publish->featured_media);
      return;
    }
  g_task_return_pointer (task, post, (GDestroyNotify) desk_remote_post_free);
}

static void
add_ids (JsonObject  *body,
         const char  *member,
         char       **ids)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    json_array_add_int_element (array, g_ascii_strtoll (ids[i], NULL, 10));
  json_object_set_array_member (body, member, array);
}

static void
create_post (GTask *task)
{
  DeskWordPress *self = g_task_get_source_object (task);
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean future = publish->date != NULL && g_date_time_compare (publish->date, now) > 0;

  json_object_set_string_member (body, "slug", publish->slug);
  json_object_set_string_member (body, "title", publish->title ? publish->title : "");
  json_object_set_string_member (body, "content", publish->content ? publish->content : "");
  if (publish->excerpt != NULL)
    json_object_set_string_member (body, "excerpt", publish->excerpt);
  /* The site holds a future article; a past date publishes it backdated */
  json_object_set_string_member (body, "status", future ? "future" : "publish");
  if (publish->date != NULL)
    {
      g_autofree char *date_gmt = format_date_gmt (publish->date);

      json_object_set_string_member (body, "date_gmt", date_gmt);
    }
  if (publish->category_ids != NULL && publish->category_ids[0] != NULL)
    add_ids (body, "categories", publish->category_ids);
  if (publish->tag_ids != NULL && publish->tag_ids[0] != NULL)
    add_ids (body, "tags", publish->tag_ids);
  if (publish->featured_media != NULL)
    json_object_set_int_member (body, "featured_media", g_ascii_strtoll (publish->featured_media, NULL, 10));
  node = json_node_init_object (json_node_alloc (), body);
  /* Never repeated by the client: a lost answer is found by its slug at
   * the next try */
  api_call (self, task, "POST", "wp/v2/posts", NULL, node, FALSE, parse_created_post, FALSE);
}

static void
parse_media_check (GTask            *task,
                   DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (response->status == 404)
    {
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                               _("The featured image (media %s) is not on the site any more: upload the image again."),
                               publish->featured_media);
      return;
    }
  if (!desk_http_response_check (response, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  create_post (g_steal_pointer (&owned));
}

/* WordPress would store an unknown featured image as 0 without a word:
 * asked first */
static void
check_media (GTask *task)
{
  DeskWordPress *self = g_task_get_source_object (task);
  Publish *publish = g_task_get_task_data (task);
  g_autofree char *route = NULL;

  if (publish->featured_media == NULL)
    {
      create_post (task);
      return;
    }
  route = g_strconcat ("wp/v2/media/", publish->featured_media, NULL);
  api_call (self, task, "GET", route, NULL, NULL, TRUE, parse_media_check, TRUE);
}

static void
tags_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  Publish *publish = g_task_get_task_data (task);
  GError *error = NULL;

  publish->tag_ids = desk_wordpress_ensure_terms_finish (DESK_WORDPRESS (source), result, &error);
  if (publish->tag_ids == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  check_media (g_steal_pointer (&task));
}

static void
categories_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  Publish *publish = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;

  publish->category_ids = desk_wordpress_ensure_terms_finish (DESK_WORDPRESS (source), result, &error);
  if (publish->category_ids == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  desk_wordpress_ensure_terms_async (DESK_WORDPRESS (source), "tags", (const char * const *) publish->tags,
                                     cancellable, tags_cb, g_steal_pointer (&task));
}

static void
parse_lookup (GTask            *task,
              DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  DeskWordPress *self = g_task_get_source_object (task);
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);
  JsonArray *found = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (found == NULL)
    {
      return_malformed (task);
      return;
    }
  for (guint i = 0; i < json_array_get_length (found); i++)
    {
      JsonNode *element = json_array_get_element (found, i);
      JsonObject *existing = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      DeskRemotePost *post;

      const char *slug = desk_json_get_string (existing, "slug");

      if (slug == NULL || g_ascii_strcasecmp (slug, publish->slug) != 0 || (post = remote_post (existing)) == NULL)
        continue;
      /* Sent before (its answer lost, or a crash): that post, not a second */
      g_debug ("post %s is already on the site", post->id);
      g_task_return_pointer (task, post, (GDestroyNotify) desk_remote_post_free);
      return;
    }
  desk_wordpress_ensure_terms_async (self, "categories", (const char * const *) publish->categories,
                                     g_task_get_cancellable (task), categories_cb, g_steal_pointer (&owned));
}

static void
lookup_post (GTask *task)
{
  DeskWordPress *self = g_task_get_source_object (task);
  Publish *publish = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (publish->slug, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("slug=%s&status=any&context=edit", escaped);

  api_call (self, task, "GET", "wp/v2/posts", query, NULL, TRUE, parse_lookup, FALSE);
}

/**
 * desk_wordpress_publish_async:
 *
 * Publishes an article, or schedules it when its date is in the future.
 * The site is first asked for a post with the article's slug: if there is
 * one (an earlier try whose answer was lost), it is the result, and
 * nothing is sent; as it is now, even taken back to draft: a post sent
 * again after desk_wordpress_unpublish_async () needs a new slug.
 */
void
desk_wordpress_publish_async (DeskWordPress              *self,
                              const DeskWordPressArticle *article,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  GTask *task;
  Publish *publish;

  g_return_if_fail (DESK_IS_WORDPRESS (self));
  g_return_if_fail (article != NULL);
  g_return_if_fail (article->slug != NULL && article->slug[0] != '\0');
  g_return_if_fail (article->featured_media == NULL || is_number (article->featured_media));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_wordpress_publish_async);
  publish = g_new0 (Publish, 1);
  publish->title = g_strdup (article->title);
  publish->content = g_strdup (article->content_html);
  publish->excerpt = g_strdup (article->excerpt);
  publish->slug = g_strdup (article->slug);
  /* "0" is WordPress's "no image" */
  if (article->featured_media != NULL && g_ascii_strtoll (article->featured_media, NULL, 10) > 0)
    publish->featured_media = g_strdup (article->featured_media);
  publish->categories = g_strdupv ((char **) article->categories);
  publish->tags = g_strdupv ((char **) article->tags);
  publish->date = article->date ? g_date_time_ref (article->date) : NULL;
  g_task_set_task_data (task, publish, publish_free);
  with_root (self, task, lookup_post);
}

/**
 * desk_wordpress_publish_finish:
 *
 * Returns: (transfer full): the post: its id, its address, whether the
 *   site holds it until its date
 */
DeskRemotePost *
desk_wordpress_publish_finish (DeskWordPress  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Changes of a post: POST /wp/v2/posts/<id> with the members that change */

static void
update_step (GTask *task)
{
  DeskWordPress *self = g_task_get_source_object (task);
  JsonNode *body = g_object_get_data (G_OBJECT (task), "body");
  const char *route = g_object_get_data (G_OBJECT (task), "route");

  /* The same change twice is the same post: safe to repeat */
  api_call (self, task, "POST", route, NULL, body, TRUE, parse_post, FALSE);
}

static void
update_post (DeskWordPress *self,
             GTask         *task,
             const char    *post_id,
             JsonObject    *body)
{
  g_autofree char *escaped = g_uri_escape_string (post_id, NULL, FALSE);

  g_object_set_data_full (G_OBJECT (task), "route", g_strconcat ("wp/v2/posts/", escaped, NULL), g_free);
  g_object_set_data_full (G_OBJECT (task), "body", json_node_init_object (json_node_alloc (), body),
                          (GDestroyNotify) json_node_unref);
  with_root (self, task, update_step);
}

/**
 * desk_wordpress_update_date_async:
 *
 * Moves a post to @date (it was moved in the calendar). The site decides
 * its status from the date, as it does for its own editor: a published
 * post moved into the future is held until then, a scheduled one moved
 * into the past is published; a draft stays a draft.
 */
void
desk_wordpress_update_date_async (DeskWordPress       *self,
                                  const char          *post_id,
                                  GDateTime           *date,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *date_gmt = NULL;

  g_return_if_fail (DESK_IS_WORDPRESS (self));
  g_return_if_fail (is_number (post_id));
  g_return_if_fail (date != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_wordpress_update_date_async);
  date_gmt = format_date_gmt (date);
  json_object_set_string_member (body, "date_gmt", date_gmt);
  update_post (self, task, post_id, body);
}

/**
 * desk_wordpress_update_date_finish:
 *
 * Returns: (transfer full): the post as it is now
 */
DeskRemotePost *
desk_wordpress_update_date_finish (DeskWordPress  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * desk_wordpress_unpublish_async:
 *
 * Takes a post back to draft (it was removed in the app): off the site,
 * still in its editor
 */
void
desk_wordpress_unpublish_async (DeskWordPress       *self,
                                const char          *post_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (DESK_IS_WORDPRESS (self));
  g_return_if_fail (is_number (post_id));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_wordpress_unpublish_async);
  json_object_set_string_member (body, "status", "draft");
  update_post (self, task, post_id, body);
}

gboolean
desk_wordpress_unpublish_finish (DeskWordPress  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_autoptr(DeskRemotePost) post = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  post = g_task_propagate_pointer (G_TASK (result), error);
  return post != NULL;
}

/* Object */

static void
desk_wordpress_finalize (GObject *object)
{
  DeskWordPress *self = DESK_WORDPRESS (object);

  g_clear_object (&self->client);
  g_free (self->site);
  g_free (self->root);
  memset (self->authorization, 0, strlen (self->authorization));
  g_free (self->authorization);

  G_OBJECT_CLASS (desk_wordpress_parent_class)->finalize (object);
}

static void
desk_wordpress_class_init (DeskWordPressClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_wordpress_finalize;
}

static void
desk_wordpress_init (DeskWordPress *self)
{
}

/**
 * desk_wordpress_new:
 * @site_url: the site's address ("https://example.org/blog")
 * @user: the user's login
 * @app_password: an application password of that user (from the keyring);
 *   its spaces are ignored
 */
DeskWordPress *
desk_wordpress_new (DeskHttpClient *client,
                    const char     *site_url,
                    const char     *user,
                    const char     *app_password)
{
  DeskWordPress *self;
  g_autoptr(GString) credentials = NULL;
  g_autofree char *encoded = NULL;

  g_return_val_if_fail (DESK_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (site_url != NULL && user != NULL && app_password != NULL, NULL);

  self = g_object_new (DESK_TYPE_WORDPRESS, NULL);
  self->client = g_object_ref (client);
  self->site = normalise_site (site_url);
  /* user:password, the password's spaces left out (RFC 7617) */
  /* Sized once: no copy of the password left behind by a reallocation */
  credentials = g_string_sized_new (strlen (user) + strlen (app_password) + 2);
  g_string_append (credentials, user);
  g_string_append_c (credentials, ':');
  for (const char *c = app_password; *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      g_string_append_c (credentials, *c);
  encoded = g_base64_encode ((const guchar *) credentials->str, credentials->len);
  self->authorization = g_strconcat ("Basic ", encoded, NULL);
  memset (credentials->str, 0, credentials->len);
  memset (encoded, 0, strlen (encoded));
  return self;
}
