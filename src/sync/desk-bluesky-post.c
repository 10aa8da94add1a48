/* desk-bluesky-post.c: a Bluesky account's images and posts
 *
 * A post is a record put under a key the caller chose once
 * (com.atproto.repo.putRecord): sent again after a lost answer or a
 * crash, it is the same record, not a second post (createRecord has no
 * idempotency key). Its text is checked against 300 graphemes and 3000
 * bytes first; links, mentions (resolved to DIDs) and hashtags are facets
 * in UTF-8 bytes (desk-facets.c); images are blobs uploaded first
 * (2,000,000 bytes at most), with their alternative text and aspect
 * ratio (docs.bsky.app, "Creating a post"; the app.bsky.feed.post and
 * app.bsky.embed.images lexicons; atproto.com/specs/tid and record-key).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-bluesky"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "desk-bluesky-private.h"
#include "desk-facets.h"
#include "desk-text-count.h"

#define MAX_RKEY_LENGTH 512

/* Blobs */

/* The image types Bluesky shows */
static const char *
image_mime_type (const char *path,
                 GBytes     *contents)
{
  const char *types[] = { "image/jpeg", "image/png", "image/webp", "image/gif" };
  g_autofree char *type = g_content_type_guess (path, g_bytes_get_data (contents, NULL),
                                                MIN (g_bytes_get_size (contents), 4096), NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (mime, types[i]) == 0)
      return types[i];
  return NULL;
}

/* The file's bytes when Bluesky takes it as an image, else NULL with
 * REJECTED (or the file's error) */
static GBytes *
read_image (const char  *path,
            const char **mime,
            GError     **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  if (file == NULL)
    return NULL;
  contents = g_mapped_file_get_bytes (file);
  if (g_bytes_get_size (contents) > DESK_BLUESKY_MAX_BLOB_SIZE)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (contents));
      g_autofree char *limit = g_format_size (DESK_BLUESKY_MAX_BLOB_SIZE);

      g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                   _("The image “%s” weighs %s: Bluesky takes images up to %s."), name, size, limit);
      return NULL;
    }
  *mime = image_mime_type (path, contents);
  if (*mime == NULL)
    {
      g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                   _("“%s” is not an image Bluesky takes (JPEG, PNG, WebP or GIF)."), name);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static void
parse_blob (GTask            *task,
            DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = _desk_bluesky_answer_object (task, response, &node);
  JsonObject *blob = desk_json_get_object (object, "blob");

  if (object == NULL)
    return;
  if (blob == NULL || desk_json_get_object (blob, "ref") == NULL || desk_json_get_string (blob, "mimeType") == NULL)
    {
      g_task_return_error (task, _desk_bluesky_malformed ());
      return;
    }
  g_task_return_pointer (task, json_node_copy (json_object_get_member (object, "blob")),
                         (GDestroyNotify) json_node_unref);
}

static void
upload_blob (GTask                *task,
             const char           *path,
             DeskBlueskyParseFunc  parse)
{
  g_autoptr(GError) error = NULL;
  const char *mime = NULL;
  g_autoptr(GBytes) contents = read_image (path, &mime, &error);
  DeskBlueskyXrpc *xrpc;

  if (contents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  xrpc = _desk_bluesky_xrpc_new ("POST", "com.atproto.repo.uploadBlob", NULL, parse);
  xrpc->body = g_bytes_ref (contents);
  xrpc->content_type = g_strdup (mime);
  /* Content-addressed: the same bytes twice are the same blob */
  xrpc->retry_safe = TRUE;
  _desk_bluesky_xrpc_start (task, xrpc);
}

/**
 * desk_bluesky_upload_blob_async:
 *
 * Uploads an image (com.atproto.repo.uploadBlob) after checking it is a
 * JPEG, PNG, WebP or GIF of at most 2,000,000 bytes; the result is its
 * blob, for an embed. desk_bluesky_publish_async () does it itself.
 */
void
desk_bluesky_upload_blob_async (DeskBluesky         *self,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DESK_IS_BLUESKY (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_bluesky_upload_blob_async);
  upload_blob (task, path, parse_blob);
}

/**
 * desk_bluesky_upload_blob_finish:
 *
 * Returns: (transfer full): the blob ({$type, ref, mimeType, size})
 */
JsonNode *
desk_bluesky_upload_blob_finish (DeskBluesky   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Posts */

/**
 * desk_bluesky_tid_for:
 * @microseconds: since 1970
 * @clock_id: 0…1023
 *
 * Returns: the timestamp identifier (atproto.com/specs/tid) of that time
 *   and clock: 13 characters of base32-sortable. The outbox derives a
 *   send's record key from it, the same at every try.
 */
char *
desk_bluesky_tid_for (gint64 microseconds,
                      guint  clock_id)
{
  static const char alphabet[] = "234567abcdefghijklmnopqrstuvwxyz";
  char tid[14];
  guint64 value;

  /* 1 zero bit, 53 bits of time, 10 of clock id */
  value = (((guint64) microseconds & ((G_GUINT64_CONSTANT (1) << 53) - 1)) << 10) | (clock_id & 1023);
  for (int i = 12; i >= 0; i--, value >>= 5)
    tid[i] = alphabet[value & 31];
  tid[13] = '\0';
  return g_strdup (tid);
}

/**
 * desk_bluesky_new_tid:
 *
 * Returns: a new timestamp identifier: now, never twice the same in a
 *   process. A post's record key.
 */
char *
desk_bluesky_new_tid (void)
{
  static GMutex lock;
  static gint64 last;
  static guint clock_id = G_MAXUINT;
  gint64 now = g_get_real_time ();
  guint clock;

  g_mutex_lock (&lock);
  if (clock_id == G_MAXUINT)
    clock_id = (guint) g_random_int_range (0, 1024);
  if (now <= last)
    now = last + 1;
  last = now;
  clock = clock_id;
  g_mutex_unlock (&lock);
  return desk_bluesky_tid_for (now, clock);
}

/* atproto.com/specs/record-key */
static gboolean
rkey_is_valid (const char *rkey)
{
  gsize length = rkey ? strlen (rkey) : 0;

  if (length == 0 || length > MAX_RKEY_LENGTH || g_str_equal (rkey, ".") || g_str_equal (rkey, ".."))
    return FALSE;
  for (const char *c = rkey; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && strchr ("._:~-", *c) == NULL)
      return FALSE;
  return TRUE;
}

typedef struct
{
  char       *text;
  GStrv       langs;
  char      **paths;
  char      **alts;
  guint       n_images;
  GDateTime  *created_at;
  char       *rkey;
  char       *reply[4];  /* parent uri, cid, root uri, cid; or NULL */

  GPtrArray  *blobs;     /* JsonNode, one per image uploaded */
  GPtrArray  *facets;    /* DeskFacet */
  GHashTable *dids;      /* handle → DID */
  GPtrArray  *handles;   /* the mentions' handles, to resolve */
  guint       resolving;
} Publish;

static void
publish_free (gpointer data)
{
  Publish *publish = data;

  g_free (publish->text);
  g_strfreev (publish->langs);
  g_strfreev (publish->paths);
  g_strfreev (publish->alts);
  g_clear_pointer (&publish->created_at, g_date_time_unref);
  g_free (publish->rkey);
  for (guint i = 0; i < G_N_ELEMENTS (publish->reply); i++)
    g_free (publish->reply[i]);
  g_clear_pointer (&publish->blobs, g_ptr_array_unref);
  g_clear_pointer (&publish->facets, g_ptr_array_unref);
  g_clear_pointer (&publish->dids, g_hash_table_unref);
  g_clear_pointer (&publish->handles, g_ptr_array_unref);
  g_free (publish);
}

/* What Bluesky would refuse, said before anything is sent */
static gboolean
check_post (const DeskBlueskyPost  *post,
            GError                **error)
{
  const DeskNetworkRules *rules = desk_network_rules (DESK_NETWORK_BLUESKY);
  DeskTextCount count;

  if (!rkey_is_valid (post->rkey))
    {
      g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                   _("“%s” cannot be a Bluesky record key."), post->rkey ? post->rkey : "");
      return FALSE;
    }
  if (post->text == NULL || !g_utf8_validate (post->text, -1, NULL))
    {
      g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED, _("The post’s text is not valid UTF-8."));
      return FALSE;
    }
  desk_text_count (DESK_NETWORK_BLUESKY, post->text, &count);
  if (count.length > rules->limit)
    {
      g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                   _("The post has %u characters: Bluesky takes %u at most. Shorten it."), count.length,
                   rules->limit);
      return FALSE;
    }
  if (count.bytes > rules->byte_limit)
    {
      g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                   _("The post takes %u bytes (emoji and accents take several): Bluesky takes %u at most. "
                     "Shorten it."), (guint) MIN (count.bytes, G_MAXUINT), rules->byte_limit);
      return FALSE;
    }
  if (post->langs != NULL && g_strv_length ((GStrv) post->langs) > DESK_BLUESKY_MAX_LANGS)
    {
      g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                   _("A Bluesky post has %u languages at most."), DESK_BLUESKY_MAX_LANGS);
      return FALSE;
    }
  if (post->n_images > DESK_BLUESKY_MAX_IMAGES)
    {
      g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                   _("A Bluesky post has %u images at most."), DESK_BLUESKY_MAX_IMAGES);
      return FALSE;
    }
  for (guint i = 0; i < post->n_images; i++)
    {
      const char *mime = NULL;
      g_autoptr(GBytes) contents = read_image (post->images[i].path, &mime, error);

      if (contents == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
add_images (JsonBuilder *builder,
            Publish     *publish)
{
  json_builder_set_member_name (builder, "embed");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "app.bsky.embed.images");
  json_builder_set_member_name (builder, "images");
  json_builder_begin_array (builder);
  for (guint i = 0; i < publish->n_images; i++)
    {
      int width = 0, height = 0;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "alt");
      json_builder_add_string_value (builder, publish->alts[i]);
      json_builder_set_member_name (builder, "image");
      json_builder_add_value (builder, json_node_copy (g_ptr_array_index (publish->blobs, i)));
      /* The header only: the image is not decoded */
      if (gdk_pixbuf_get_file_info (publish->paths[i], &width, &height) != NULL && width > 0 && height > 0)
        {
          json_builder_set_member_name (builder, "aspectRatio");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "width");
          json_builder_add_int_value (builder, width);
          json_builder_set_member_name (builder, "height");
          json_builder_add_int_value (builder, height);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static JsonNode *
build_record (DeskBluesky *self,
              Publish     *publish)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *created = _desk_bluesky_format_time (publish->created_at);
  g_autoptr(JsonNode) facets = desk_facets_to_json (publish->facets, publish->dids);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "repo");
  json_builder_add_string_value (builder, self->did);
  json_builder_set_member_name (builder, "collection");
  json_builder_add_string_value (builder, DESK_BLUESKY_POST_COLLECTION);
  json_builder_set_member_name (builder, "rkey");
  json_builder_add_string_value (builder, publish->rkey);
  json_builder_set_member_name (builder, "record");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, DESK_BLUESKY_POST_COLLECTION);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, publish->text);
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, created);
  if (publish->langs != NULL && publish->langs[0] != NULL)
    {
      json_builder_set_member_name (builder, "langs");
      json_builder_begin_array (builder);
      for (guint i = 0; publish->langs[i] != NULL; i++)
        json_builder_add_string_value (builder, publish->langs[i]);
      json_builder_end_array (builder);
    }
  if (json_array_get_length (json_node_get_array (facets)) > 0)
    {
      json_builder_set_member_name (builder, "facets");
      json_builder_add_value (builder, g_steal_pointer (&facets));
    }
  if (publish->n_images > 0)
    add_images (builder, publish);
  if (publish->reply[0] != NULL)
    {
      /* app.bsky.feed.post#replyRef: {root, parent}, each a strong ref */
      json_builder_set_member_name (builder, "reply");
      json_builder_begin_object (builder);
      for (guint i = 0; i < 2; i++)
        {
          guint at = i == 0 ? 2 : 0;

          json_builder_set_member_name (builder, i == 0 ? "root" : "parent");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uri");
          json_builder_add_string_value (builder, publish->reply[at]);
          json_builder_set_member_name (builder, "cid");
          json_builder_add_string_value (builder, publish->reply[at + 1]);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
parse_put (GTask            *task,
           DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  DeskBluesky *self = g_task_get_source_object (task);
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = _desk_bluesky_answer_object (task, response, &node);
  const char *uri = desk_json_get_string (object, "uri");
  DeskRemotePost *post;

  if (object == NULL)
    return;
  if (uri == NULL || !g_str_has_prefix (uri, "at://") || !g_str_has_suffix (uri, publish->rkey))
    {
      g_task_return_error (task, _desk_bluesky_malformed ());
      return;
    }
  post = g_new0 (DeskRemotePost, 1);
  post->id = g_strdup (uri);
  post->url = g_strdup_printf ("https://bsky.app/profile/%s/post/%s", self->handle ? self->handle : self->did,
                               publish->rkey);
  post->scheduled = FALSE;
  g_task_return_pointer (task, post, (GDestroyNotify) desk_remote_post_free);
}

static void
put_record (GTask *task)
{
  DeskBluesky *self = g_task_get_source_object (task);
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(JsonNode) body = NULL;

  if (self->did == NULL)
    {
      g_task_return_error (task, _desk_bluesky_not_connected ());
      g_object_unref (task);
      return;
    }
  body = build_record (self, publish);
  /* Under the caller's key: sent twice, one record (the same uri and
   * cid when nothing changed) */
  _desk_bluesky_xrpc_post (task, "com.atproto.repo.putRecord", body, TRUE, parse_put);
}

static void resolve_next (GTask *task);

static void
parse_resolved (GTask            *task,
                DeskHttpResponse *response)
{
  Publish *publish = g_task_get_task_data (task);
  const char *handle = g_ptr_array_index (publish->handles, publish->resolving);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *did;

  /* An unknown handle (400) stays plain text; anything else is worth
   * trying again later */
  if (response->status == 400)
    {
      g_debug ("a mention's handle is not on Bluesky: left as text");
      publish->resolving++;
      resolve_next (task);
      return;
    }
  if (!desk_http_response_check (response, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  node = desk_http_response_get_json (response, NULL);
  did = node && JSON_NODE_HOLDS_OBJECT (node) ? desk_json_get_string (json_node_get_object (node), "did") : NULL;
  if (did != NULL && g_str_has_prefix (did, "did:"))
    g_hash_table_insert (publish->dids, g_strdup (handle), g_strdup (did));
  publish->resolving++;
  resolve_next (task);
}

/* Each mention's handle to its DID
 * (com.atproto.identity.resolveHandle), then the record */
static void
resolve_next (GTask *task)
{
  Publish *publish = g_task_get_task_data (task);
  g_autofree char *escaped = NULL;
  g_autofree char *query = NULL;
  DeskBlueskyXrpc *xrpc;

  if (publish->resolving >= publish->handles->len)
    {
      put_record (task);
      return;
    }
  escaped = g_uri_escape_string (g_ptr_array_index (publish->handles, publish->resolving), NULL, FALSE);
  query = g_strconcat ("handle=", escaped, NULL);
  xrpc = _desk_bluesky_xrpc_new ("GET", "com.atproto.identity.resolveHandle", query, parse_resolved);
  xrpc->any_status = TRUE;
  _desk_bluesky_xrpc_start (task, xrpc);
}

static void upload_next (GTask *task);

static void
parse_uploaded (GTask            *task,
                DeskHttpResponse *response)
{
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = desk_http_response_get_json (response, NULL);
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *blob = desk_json_get_object (object, "blob");

  if (blob == NULL || desk_json_get_object (blob, "ref") == NULL)
    {
      g_task_return_error (task, _desk_bluesky_malformed ());
      g_object_unref (task);
      return;
    }
  g_ptr_array_add (publish->blobs, json_node_copy (json_object_get_member (object, "blob")));
  upload_next (task);
}

/* The images one after the other, then the mentions */
static void
upload_next (GTask *task)
{
  Publish *publish = g_task_get_task_data (task);

  if (publish->blobs->len < publish->n_images)
    upload_blob (task, publish->paths[publish->blobs->len], parse_uploaded);
  else
    resolve_next (task);
}

/**
 * desk_bluesky_publish_async:
 *
 * Publishes @post now: its images uploaded, its mentions resolved, then
 * its record put under @post's rkey (com.atproto.repo.putRecord). A post
 * Bluesky would refuse (too long, too many images or languages, an
 * image too heavy or of another type) fails at once with
 * DESK_HTTP_ERROR_REJECTED and a message for the user.
 */
void
desk_bluesky_publish_async (DeskBluesky           *self,
                            const DeskBlueskyPost *post,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  GTask *task;
  g_autoptr(GError) error = NULL;
  Publish *publish;

  g_return_if_fail (DESK_IS_BLUESKY (self));
  g_return_if_fail (post != NULL);
  g_return_if_fail (post->n_images == 0 || post->images != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_bluesky_publish_async);
  if (!check_post (post, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  publish = g_new0 (Publish, 1);
  publish->text = g_strdup (post->text);
  publish->langs = g_strdupv ((GStrv) post->langs);
  publish->n_images = post->n_images;
  publish->paths = g_new0 (char *, post->n_images + 1);
  publish->alts = g_new0 (char *, post->n_images + 1);
  for (guint i = 0; i < post->n_images; i++)
    {
      publish->paths[i] = g_strdup (post->images[i].path);
      publish->alts[i] = g_strdup (post->images[i].alt ? post->images[i].alt : "");
    }
  publish->created_at = post->created_at ? g_date_time_ref (post->created_at) : g_date_time_new_now_utc ();
  publish->rkey = g_strdup (post->rkey);
  if (post->parent_uri != NULL && post->parent_cid != NULL)
    {
      publish->reply[0] = g_strdup (post->parent_uri);
      publish->reply[1] = g_strdup (post->parent_cid);
      publish->reply[2] = g_strdup (post->root_uri != NULL && post->root_cid != NULL ? post->root_uri : post->parent_uri);
      publish->reply[3] = g_strdup (post->root_uri != NULL && post->root_cid != NULL ? post->root_cid : post->parent_cid);
    }
  publish->blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  publish->facets = desk_facets_find (post->text);
  publish->dids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  publish->handles = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < publish->facets->len; i++)
    {
      DeskFacet *facet = g_ptr_array_index (publish->facets, i);

      if (facet->kind == DESK_FACET_MENTION &&
          !g_ptr_array_find_with_equal_func (publish->handles, facet->value, g_str_equal, NULL))
        g_ptr_array_add (publish->handles, g_strdup (facet->value));
    }
  g_task_set_task_data (task, publish, publish_free);
  upload_next (task);
}

/**
 * desk_bluesky_publish_finish:
 *
 * Returns: (transfer full): the post: its id is its at:// URI, its url
 *   the bsky.app page; never scheduled
 */
DeskRemotePost *
desk_bluesky_publish_finish (DeskBluesky   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * desk_bluesky_delete_post_async:
 *
 * Deletes the post under @rkey (com.atproto.repo.deleteRecord); a post
 * already gone is no error.
 */
void
desk_bluesky_delete_post_async (DeskBluesky         *self,
                                const char          *rkey,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (DESK_IS_BLUESKY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_bluesky_delete_post_async);
  if (!rkey_is_valid (rkey) || self->did == NULL)
    {
      if (self->did == NULL)
        g_task_return_error (task, _desk_bluesky_not_connected ());
      else
        g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                                 _("“%s” cannot be a Bluesky record key."), rkey ? rkey : "");
      g_object_unref (task);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "repo");
  json_builder_add_string_value (builder, self->did);
  json_builder_set_member_name (builder, "collection");
  json_builder_add_string_value (builder, DESK_BLUESKY_POST_COLLECTION);
  json_builder_set_member_name (builder, "rkey");
  json_builder_add_string_value (builder, rkey);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  _desk_bluesky_xrpc_post (task, "com.atproto.repo.deleteRecord", body, TRUE, _desk_bluesky_parse_nothing);
}

gboolean
desk_bluesky_delete_post_finish (DeskBluesky   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
