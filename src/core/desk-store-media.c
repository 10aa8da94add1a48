/* desk-store-media.c: images, and what the editor keeps: variants, attachments, designs, snippets
 *
 * Part of DeskStore (desk-store.c); its private parts are in
 * desk-store-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "desk-media.h"
#include "desk-post-private.h"
#include "desk-post-move.h"
#include "desk-store-private.h"

/* Media */

char *
desk_store_get_media_dir (DeskStore *self)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  dir = g_path_get_dirname (self->path);
  return g_build_filename (dir, "media", NULL);
}

/**
 * desk_store_add_media:
 * @path: an image file
 * @media_id: (out): its id in the workspace
 *
 * Copies @path into the workspace's media folder (named after its SHA-256,
 * so the same image is kept once) and records it.
 */
gboolean
desk_store_add_media (DeskStore   *self,
                      gint64       brand_id,
                      const char  *path,
                      gint64      *media_id,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *mime = NULL;
  sqlite3_stmt *stmt;
  gsize length = 0;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL && media_id != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  {
    g_autofree char *type = g_content_type_guess (path, (const guchar *) contents, MIN (length, 4096), NULL);
    mime = g_content_type_get_mime_type (type);
  }
  if (mime == NULL || !g_str_has_prefix (mime, "image/"))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _("“%s” is not an image."), path);
      return FALSE;
    }

  if (!desk_media_check_image (path, error))
    return FALSE;

  base = g_path_get_basename (path);
  name = desk_media_file_name (sha, base);
  dir = desk_store_get_media_dir (self);
  target = g_build_filename (dir, name, NULL);
  /* Clients' unpublished images: readable by the user alone */
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (!g_file_test (target, G_FILE_TEST_EXISTS) &&
       !g_file_set_contents_full (target, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                     _("Cannot create the folder “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                  "INSERT INTO media (brand_id, file_name, mime_type, size, sha256, created_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (brand_id, sha256) DO NOTHING", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mime, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, (gint64) length);
  sqlite3_bind_text (stmt, 5, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, _desk_store_now_unix ());
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;

  stmt = _desk_store_prepare (self, "SELECT id FROM media WHERE brand_id = ?1 AND sha256 = ?2", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_text (stmt, 2, sha, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *media_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      goto failed;
    }
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

gboolean
desk_store_attach_media (DeskStore  *self,
                         gint64      post_id,
                         gint64      media_id,
                         guint       position,
                         GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                  "INSERT INTO post_media (post_id, media_id, position) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (post_id, media_id) DO UPDATE SET position = excluded.position", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, post_id);
  sqlite3_bind_int64 (stmt, 2, media_id);
  sqlite3_bind_int (stmt, 3, (int) position);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/**
 * desk_store_dup_first_media_path:
 *
 * Returns: (transfer full) (nullable): the file of the post's first image
 */
char *
desk_store_dup_first_media_path (DeskStore  *self,
                                 gint64      post_id,
                                 GError    **error)
{
  g_autoptr(GPtrArray) attachments = desk_store_list_attachments (self, post_id, error);

  if (attachments == NULL || attachments->len == 0)
    return NULL;
  return g_strdup (((DeskAttachment *) g_ptr_array_index (attachments, 0))->path);
}


/* The editor: variants, attachments, designs, snippets */

void
desk_attachment_free (DeskAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->path);
  g_free (attachment->alt);
  g_free (attachment->design);
  g_free (attachment);
}

void
desk_snippet_free (DeskSnippet *snippet)
{
  if (snippet == NULL)
    return;
  g_free (snippet->name);
  g_free (snippet->body);
  g_free (snippet);
}

/**
 * desk_store_list_variant_texts:
 *
 * Returns: (transfer full) (element-type gint64 utf8): channel id → the
 *   post's own text for that channel, for channels that override the text
 */
GHashTable *
desk_store_list_variant_texts (DeskStore  *self,
                               gint64      post_id,
                               GError    **error)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  stmt = _desk_store_prepare (self, "SELECT channel_id, text_override FROM post_variants"
                        " WHERE post_id = ?1 AND text_override IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, post_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (texts, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup (_desk_store_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&texts);
}

/**
 * desk_store_list_attachments:
 *
 * Returns: (transfer full) (element-type DeskAttachment): the post's images
 *   in their order, with their files, alt texts and designs
 */
GPtrArray *
desk_store_list_attachments (DeskStore  *self,
                             gint64      post_id,
                             GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_attachment_free);
  g_autofree char *dir = desk_store_get_media_dir (self);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  stmt = _desk_store_prepare (self,
                  "SELECT m.id, m.sha256, m.file_name, COALESCE (pm.alt_text, m.alt_text), d.json"
                  " FROM post_media pm JOIN media m ON m.id = pm.media_id"
                  " LEFT JOIN designs d ON d.media_id = m.id"
                  " WHERE pm.post_id = ?1 ORDER BY pm.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, post_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskAttachment *attachment;
      g_autofree char *name = desk_media_file_name (_desk_store_column_text (stmt, 1), _desk_store_column_text (stmt, 2));

      if (name == NULL)
        {
          sqlite3_reset (stmt);
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                       _("An image of this post is recorded with an invalid name: the workspace is damaged."));
          return NULL;
        }
      attachment = g_new0 (DeskAttachment, 1);
      attachment->media_id = sqlite3_column_int64 (stmt, 0);
      attachment->path = g_build_filename (dir, name, NULL);
      attachment->alt = g_strdup (_desk_store_column_text (stmt, 3));
      attachment->design = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NULL : g_strdup (_desk_store_column_text (stmt, 4));
      g_ptr_array_add (list, attachment);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Runs @sql once with ?1 = @a, ?2 = @b, ?3 = @text (NULL binds NULL); a
 * statement binds only the parameters it has */
static gboolean
exec_bound (DeskStore   *self,
            const char  *sql,
            GError     **error,
            gint64       a,
            gint64       b,
            const char  *text)
{
  sqlite3_stmt *stmt = _desk_store_prepare (self, sql, error);
  int n;

  if (stmt == NULL)
    return FALSE;
  n = sqlite3_bind_parameter_count (stmt);
  if (n >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (n >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (n >= 3 && text != NULL)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  else if (n >= 3)
    sqlite3_bind_null (stmt, 3);
  return _desk_store_step_done (self, stmt, error);
}

/**
 * desk_store_save_post_content:
 * @overrides: (element-type gint64 utf8) (nullable): channel id → its own
 *   text; channels absent use the post's text
 * @attachments: (element-type DeskAttachment) (nullable): the images, in
 *   order (their media already added to the workspace)
 *
 * Saves what the editor holds of a post — the post, its variants' texts,
 * its images with their alt texts and designs — in one transaction.
 */
gboolean
desk_store_save_post_content (DeskStore   *self,
                              DeskPost    *post,
                              GHashTable  *overrides,
                              GPtrArray   *attachments,
                              GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 post_id, now = _desk_store_now_unix ();

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  if (!desk_store_save_post (self, post, error))
    goto failed;
  post_id = desk_post_get_id (post);

  if (!exec_bound (self, "UPDATE post_variants SET text_override = NULL WHERE post_id = ?1",
                   error, post_id, 0, NULL))
    goto failed;
  if (overrides != NULL)
    {
      g_hash_table_iter_init (&iter, overrides);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!exec_bound (self, "UPDATE post_variants SET text_override = ?3 WHERE post_id = ?1 AND channel_id = ?2",
                         error, post_id, *(gint64 *) key, value))
          goto failed;
    }

  if (attachments != NULL)
    {
      if (!exec_bound (self, "DELETE FROM post_media WHERE post_id = ?1",
                       error, post_id, 0, NULL))
        goto failed;
      for (guint i = 0; i < attachments->len; i++)
        {
          DeskAttachment *attachment = g_ptr_array_index (attachments, i);

          sqlite3_stmt *stmt = _desk_store_prepare (self, "INSERT INTO post_media (post_id, media_id, position, alt_text)"
                                              " VALUES (?1, ?2, ?3, ?4)", error);

          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, post_id);
          sqlite3_bind_int64 (stmt, 2, attachment->media_id);
          sqlite3_bind_int (stmt, 3, (int) i);
          sqlite3_bind_text (stmt, 4, attachment->alt ? attachment->alt : "", -1, SQLITE_TRANSIENT);
          /* The post's own alt text; the image keeps the first one written
           * as the default for the next post that uses it */
          if (!_desk_store_step_done (self, stmt, error) ||
              !exec_bound (self, "UPDATE media SET alt_text = ?3 WHERE id = ?1 AND alt_text = ''",
                           error, attachment->media_id, 0, attachment->alt ? attachment->alt : ""))
            goto failed;
          if (attachment->design != NULL &&
              !exec_bound (self, "INSERT INTO designs (media_id, json, updated_at) VALUES (?2, ?3, ?1)"
                                 " ON CONFLICT (media_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
                           error, now, attachment->media_id, attachment->design))
            goto failed;
        }
    }
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/**
 * desk_store_list_snippets:
 *
 * Returns: (transfer full) (element-type DeskSnippet): the brand's hashtag
 *   groups and text snippets, by name
 */
GPtrArray *
desk_store_list_snippets (DeskStore  *self,
                          gint64      brand_id,
                          GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_snippet_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  stmt = _desk_store_prepare (self, "SELECT id, kind, name, body FROM snippets WHERE brand_id = ?1"
                        " ORDER BY kind, name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskSnippet *snippet = g_new0 (DeskSnippet, 1);

      snippet->id = sqlite3_column_int64 (stmt, 0);
      snippet->hashtags = g_str_equal (_desk_store_column_text (stmt, 1), "hashtags");
      snippet->name = g_strdup (_desk_store_column_text (stmt, 2));
      snippet->body = g_strdup (_desk_store_column_text (stmt, 3));
      g_ptr_array_add (list, snippet);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * desk_store_save_snippet:
 * @snippet: a new snippet (id 0, set on return) or an existing one
 */
gboolean
desk_store_save_snippet (DeskStore    *self,
                         gint64        brand_id,
                         DeskSnippet  *snippet,
                         GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self, snippet->id == 0
                          ? "INSERT INTO snippets (brand_id, kind, name, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                          : "UPDATE snippets SET kind = ?2, name = ?3, body = ?4 WHERE id = ?6 AND brand_id = ?1",
                  error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_text (stmt, 2, snippet->hashtags ? "hashtags" : "text", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, snippet->name ? snippet->name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, snippet->body ? snippet->body : "", -1, SQLITE_TRANSIENT);
  if (snippet->id == 0)
    sqlite3_bind_int64 (stmt, 5, _desk_store_now_unix ());
  else
    sqlite3_bind_int64 (stmt, 6, snippet->id);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  if (snippet->id == 0)
    snippet->id = sqlite3_last_insert_rowid (self->db);
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

gboolean
desk_store_delete_snippet (DeskStore  *self,
                           gint64      snippet_id,
                           GError    **error)
{
  if (!_desk_store_begin (self, error))
    return FALSE;
  if (!exec_bound (self, "DELETE FROM snippets WHERE id = ?1", error, snippet_id, 0, NULL))
    {
      _desk_store_rollback (self);
      return FALSE;
    }
  return _desk_store_commit (self, error);
}

/**
 * desk_store_dup_media_path:
 *
 * Returns: (transfer full) (nullable): the file of media @media_id in the
 *   workspace's media folder
 */
char *
desk_store_dup_media_path (DeskStore  *self,
                           gint64      media_id,
                           GError    **error)
{
  g_autofree char *dir = desk_store_get_media_dir (self);
  sqlite3_stmt *stmt;
  char *path = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  stmt = _desk_store_prepare (self, "SELECT sha256, file_name FROM media WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, media_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *name = desk_media_file_name (_desk_store_column_text (stmt, 0), _desk_store_column_text (stmt, 1));

      if (name != NULL)
        path = g_build_filename (dir, name, NULL);
      else
        g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                     _("This image is recorded with an invalid name: the workspace is damaged."));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("This image is no longer in the workspace."));
  else if (rc != SQLITE_ROW)
    _desk_store_set_sqlite_error (self, rc, error);
  return path;
}
