/* desk-store-posts.c: posts: saved, moved, duplicated, deleted, and the views told
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


static void publish_saved_post (DeskStore *self, DeskPost *post, gint64 id, gboolean is_new, gint64 now);

void
_desk_store_drop_pending (DeskStore *self,
              guint      above)
{
  for (guint i = self->pending->len; i > 0; i--)
    {
      Pending *p = &g_array_index (self->pending, Pending, i - 1);

      if (p->level <= above)
        continue;
      if (p->is_new)
        desk_post_set_id (p->post, 0);
      g_object_unref (p->post);
      g_array_remove_index (self->pending, i - 1);
    }
}

void
_desk_store_flush_pending (DeskStore *self)
{
  g_autoptr(GArray) pending = self->pending;

  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);

      publish_saved_post (self, p->post, p->id, p->is_new, p->now);
      g_object_unref (p->post);
    }
}


/* Posts */

#define POST_ONLY_COLUMNS \
  "p.id, p.brand_id, p.title, p.body, p.status, p.scheduled_at, p.campaign_id," \
  " p.pillar, p.notes, p.created_at, p.updated_at"
#define POST_COLUMNS POST_ONLY_COLUMNS ", v.channel_id"

/* One row per (post, channel), the channels of a post in order: no
 * string building, and the index order is kept. */
#define POST_FROM \
  " FROM posts p LEFT JOIN post_variants v ON v.post_id = p.id"

static DeskPost *
new_post_from_row (sqlite3_stmt *stmt)
{
  GArray *channels = g_array_new (FALSE, FALSE, sizeof (gint64));
  DeskPostStatus status = DESK_POST_STATUS_DRAFT;

  desk_post_status_from_id (_desk_store_column_text (stmt, 4), &status);
  if (sqlite3_column_count (stmt) > 11 && sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    {
      gint64 channel = sqlite3_column_int64 (stmt, 11);
      g_array_append_val (channels, channel);
    }

  return _desk_post_new_full (sqlite3_column_int64 (stmt, 0),
                              sqlite3_column_int64 (stmt, 1),
                              _desk_store_column_text (stmt, 2),
                              _desk_store_column_text (stmt, 3),
                              status,
                              _desk_store_column_time (stmt, 5),
                              sqlite3_column_int64 (stmt, 6),
                              _desk_store_column_text (stmt, 7),
                              _desk_store_column_text (stmt, 8),
                              _desk_store_column_time (stmt, 9),
                              _desk_store_column_time (stmt, 10),
                              channels);
}

static DeskPost *
lookup_live (DeskStore *self,
             gint64     id)
{
  return g_hash_table_lookup (self->live_posts, &id);
}

static void
track_live (DeskStore *self,
            DeskPost  *post)
{
  gint64 *key = g_new (gint64, 1);

  *key = desk_post_get_id (post);
  g_assert (lookup_live (self, *key) == NULL);
  g_hash_table_insert (self->live_posts, key, post);
  g_object_weak_ref (G_OBJECT (post), _desk_store_live_post_finalized_cb, self);
}

static void
untrack_live (DeskStore *self,
              DeskPost  *post)
{
  gint64 id = desk_post_get_id (post);

  if (g_hash_table_lookup (self->live_posts, &id) == post)
    {
      g_hash_table_remove (self->live_posts, &id);
      g_object_weak_unref (G_OBJECT (post), _desk_store_live_post_finalized_cb, self);
    }
}

/* Reads the rows of @stmt (POST_COLUMNS, ordered by post) into posts:
 * the shared object of each post if some view holds it (its fields are
 * what we wrote last), else a new one. With @channels (rows of post id,
 * channel id in the same order), @stmt has one row per post and the
 * channels come from there. */
static GPtrArray *
collect_posts_full (DeskStore     *self,
                    sqlite3_stmt  *stmt,
                    sqlite3_stmt  *channels,
                    GError       **error)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_object_unref);   /* live, fresh, … */
  DeskPost *building = NULL;    /* a new post whose channels are still arriving */
  gint64 last_id = 0;
  int rc, channel_rc = channels ? sqlite3_step (channels) : SQLITE_DONE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      DeskPost *live;

      if (id == last_id)
        {
          if (building != NULL && sqlite3_column_type (stmt, 11) != SQLITE_NULL)
            _desk_post_append_channel (building, sqlite3_column_int64 (stmt, 11));
          continue;
        }

      last_id = id;
      live = lookup_live (self, id);
      if (live != NULL)
        {
          GDateTime *seen = desk_post_get_updated_at (live);

          building = NULL;
          g_ptr_array_add (posts, g_object_ref (live));

          /* Written by another program since we read it: read it again. */
          if (seen == NULL || g_date_time_to_unix (seen) != sqlite3_column_int64 (stmt, 10))
            {
              building = new_post_from_row (stmt);
              g_ptr_array_add (stale, g_object_ref (live));
              g_ptr_array_add (stale, building);
            }
        }
      else
        {
          building = new_post_from_row (stmt);
          track_live (self, building);
          g_ptr_array_add (posts, building);
        }

      /* This post's channels, where the second statement stands */
      while (channels != NULL && channel_rc == SQLITE_ROW && sqlite3_column_int64 (channels, 0) == id)
        {
          if (building != NULL)
            _desk_post_append_channel (building, sqlite3_column_int64 (channels, 1));
          channel_rc = sqlite3_step (channels);
        }
    }
  sqlite3_reset (stmt);
  if (channels != NULL)
    sqlite3_reset (channels);

  if (rc != SQLITE_DONE || (channel_rc != SQLITE_ROW && channel_rc != SQLITE_DONE))
    {
      _desk_store_set_sqlite_error (self, rc != SQLITE_DONE ? rc : channel_rc, error);
      return NULL;
    }

  for (guint i = 0; i + 1 < stale->len; i += 2)
    {
      DeskPost *live = g_ptr_array_index (stale, i);

      desk_post_assign (live, g_ptr_array_index (stale, i + 1));
      g_signal_emit (self, _desk_store_signals[DESK_STORE_SIGNAL_POST_CHANGED], 0, live);
    }
  return g_steal_pointer (&posts);
}

static GPtrArray *
collect_posts (DeskStore     *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  return collect_posts_full (self, stmt, NULL, error);
}

static gboolean
check_post (DeskStore  *self,
            DeskPost   *post,
            GError    **error)
{
  if (desk_post_get_brand_id (post) <= 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                           _("The post belongs to no brand."));
      return FALSE;
    }
  if (desk_post_get_status (post) == DESK_POST_STATUS_SCHEDULED &&
      desk_post_get_scheduled_at (post) == NULL)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                           _("A scheduled post needs a date and time."));
      return FALSE;
    }
  return TRUE;
}

/* Writes @post (insert when its id is 0) and its channel set, inside the
 * caller's transaction. */
static gboolean
write_post (DeskStore  *self,
            DeskPost   *post,
            gint64      now,
            gint64     *out_id,
            GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 id = desk_post_get_id (post);
  const gint64 *channels;
  guint n_channels;

  if (!check_post (self, post, error))
    return FALSE;

  if (id == 0)
    stmt = _desk_store_prepare (self,
                    "INSERT INTO posts (brand_id, title, body, status, scheduled_at, campaign_id, pillar, notes,"
                    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", error);
  else
    stmt = _desk_store_prepare (self,
                    "UPDATE posts SET brand_id = ?1, title = ?2, body = ?3, status = ?4, scheduled_at = ?5,"
                    " campaign_id = ?6, pillar = ?7, notes = ?8, updated_at = ?9 WHERE id = ?10", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, desk_post_get_brand_id (post));
  _desk_store_bind_text_or_empty (stmt, 2, desk_post_get_title (post));
  _desk_store_bind_text_or_empty (stmt, 3, desk_post_get_body (post));
  sqlite3_bind_text (stmt, 4, desk_post_status_to_id (desk_post_get_status (post)), -1, SQLITE_STATIC);
  _desk_store_bind_time (stmt, 5, desk_post_get_scheduled_at (post));
  _desk_store_bind_id_or_null (stmt, 6, desk_post_get_campaign_id (post));
  _desk_store_bind_text_or_empty (stmt, 7, desk_post_get_pillar (post));
  _desk_store_bind_text_or_empty (stmt, 8, desk_post_get_notes (post));
  sqlite3_bind_int64 (stmt, 9, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 10, id);

  if (!_desk_store_step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                   _("The post was deleted meanwhile; it cannot be saved."));
      return FALSE;
    }

  /* Keep existing variants (they hold remote ids and overrides) for the
   * channels that stay; drop the others; add the new ones. */
  channels = desk_post_get_channel_ids (post, &n_channels);
  stmt = _desk_store_prepare (self,
                  "DELETE FROM post_variants WHERE post_id = ?1 AND channel_id NOT IN"
                  " (SELECT value FROM json_each (?2))", error);
  if (stmt == NULL)
    return FALSE;
  {
    g_autoptr(GString) json = g_string_new ("[");
    for (guint i = 0; i < n_channels; i++)
      g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", channels[i]);
    g_string_append_c (json, ']');
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_text (stmt, 2, json->str, -1, SQLITE_TRANSIENT);
    if (!_desk_store_step_done (self, stmt, error))
      return FALSE;
  }

  for (guint i = 0; i < n_channels; i++)
    {
      stmt = _desk_store_prepare (self, "INSERT OR IGNORE INTO post_variants (post_id, channel_id) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, channels[i]);
      if (!_desk_store_step_done (self, stmt, error))
        return FALSE;
    }

  *out_id = id;
  return TRUE;
}

/* After a commit: publish the new state to the shared object and views. */
static void
publish_saved_post (DeskStore *self,
                    DeskPost  *post,
                    gint64     id,
                    gboolean   is_new,
                    gint64     now)
{
  g_autoptr(GDateTime) stamp = g_date_time_new_from_unix_utc (now);
  DeskPost *live;

  desk_post_set_id (post, id);
  desk_post_set_updated_at (post, stamp);
  if (is_new)
    desk_post_set_created_at (post, stamp);

  live = lookup_live (self, id);
  if (live == NULL)
    {
      track_live (self, post);
      live = post;
    }
  else if (live != post)
    desk_post_assign (live, post);

  g_signal_emit (self, _desk_store_signals[is_new ? DESK_STORE_SIGNAL_POST_ADDED : DESK_STORE_SIGNAL_POST_CHANGED], 0, live);
}

/**
 * desk_store_save_post:
 * @post: a post; inserted when its id is 0, updated otherwise
 *
 * Saves @post and its channels in one transaction. On success @post gets
 * its id, the shared object for that id holds the new values, and
 * #DeskStore::post-added or #DeskStore::post-changed is emitted.
 */
gboolean
desk_store_save_post (DeskStore  *self,
                      DeskPost   *post,
                      GError    **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  g_ptr_array_add (one, post);
  return desk_store_save_posts (self, one, error);
}

/**
 * desk_store_save_posts:
 * @posts: (element-type DeskPost): posts to insert or update
 *
 * Saves all of @posts in a single transaction: all or nothing.
 */
gboolean
desk_store_save_posts (DeskStore  *self,
                       GPtrArray  *posts,
                       GError    **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), posts->len);
  gint64 now = _desk_store_now_unix ();

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (posts != NULL, FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < posts->len; i++)
    {
      gint64 id = 0;

      if (!write_post (self, g_ptr_array_index (posts, i), now, &id, error))
        {
          _desk_store_rollback (self);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }

  if (!_desk_store_commit (self, error))
    return FALSE;

  for (guint i = 0; i < posts->len; i++)
    {
      DeskPost *post = g_ptr_array_index (posts, i);
      gint64 id = g_array_index (ids, gint64, i);
      gboolean is_new = desk_post_get_id (post) == 0;

      if (self->depth == 0)
        publish_saved_post (self, post, id, is_new, now);
      else
        {
          Pending p = { g_object_ref (post), id, now, self->depth, is_new };

          /* Later writes of the same transaction need the new id */
          desk_post_set_id (post, id);
          g_array_append_val (self->pending, p);
        }
    }

  return TRUE;
}

/**
 * desk_store_move_post:
 * @at: (nullable): the new time; %NULL takes the post off the calendar
 *   (back to the ideas)
 * @before: (out) (optional) (transfer full): the post as it was, to give
 *   to desk_store_save_post () to undo
 *
 * Reschedules a post in one transaction. A published post cannot move
 * (desk_post_move_check ()).
 */
gboolean
desk_store_move_post (DeskStore   *self,
                      gint64       post_id,
                      GDateTime   *at,
                      DeskPost   **before,
                      GError     **error)
{
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(DeskPost) snapshot = NULL;
  g_autoptr(DeskPost) moved = NULL;
  g_autofree char *refusal = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  post = desk_store_get_post (self, post_id, error);
  if (post == NULL)
    return FALSE;

  if (desk_post_move_check (post, at, NULL, FALSE, &refusal) == DESK_POST_MOVE_REFUSED)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID, refusal);
      return FALSE;
    }

  snapshot = desk_post_copy (post);
  moved = desk_post_copy (post);
  desk_post_set_scheduled_at (moved, at);
  if (at == NULL && desk_post_get_status (moved) == DESK_POST_STATUS_SCHEDULED)
    desk_post_set_status (moved, DESK_POST_STATUS_DRAFT);

  if (!desk_store_save_post (self, moved, error))
    return FALSE;

  if (before != NULL)
    *before = g_steal_pointer (&snapshot);
  return TRUE;
}

typedef struct
{
  DeskPost  *source;
  GDateTime *at;
  DeskPost  *copy;
} Duplicate;

static gboolean
duplicate_cb (DeskStore  *self,
              gpointer    user_data,
              GError    **error)
{
  Duplicate *d = user_data;
  g_autoptr(DeskPost) copy = desk_post_copy (d->source);
  sqlite3_stmt *stmt;

  desk_post_set_id (copy, 0);
  desk_post_set_status (copy, DESK_POST_STATUS_DRAFT);
  desk_post_set_scheduled_at (copy, d->at);
  if (!desk_store_save_post (self, copy, error))
    return FALSE;

  /* Per-channel text overrides come along; remote ids do not. */
  stmt = _desk_store_prepare (self,
                  "UPDATE post_variants SET text_override ="
                  " (SELECT o.text_override FROM post_variants o WHERE o.post_id = ?2 AND o.channel_id = post_variants.channel_id)"
                  " WHERE post_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, desk_post_get_id (copy));
  sqlite3_bind_int64 (stmt, 2, desk_post_get_id (d->source));
  if (!_desk_store_step_done (self, stmt, error))
    return FALSE;

  d->copy = g_steal_pointer (&copy);
  return TRUE;
}

/**
 * desk_store_duplicate_post:
 * @at: (nullable): when the copy is scheduled
 *
 * Returns: (transfer full) (nullable): a new draft with the same content
 *   and channels as @post_id
 */
DeskPost *
desk_store_duplicate_post (DeskStore   *self,
                           gint64       post_id,
                           GDateTime   *at,
                           GError     **error)
{
  g_autoptr(DeskPost) source = NULL;
  Duplicate d = { NULL, at, NULL };

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  source = desk_store_get_post (self, post_id, error);
  if (source == NULL)
    return NULL;
  d.source = source;
  if (!desk_store_transaction (self, duplicate_cb, &d, error))
    {
      g_clear_object (&d.copy);
      return NULL;
    }
  return d.copy;
}

gboolean
desk_store_delete_post (DeskStore  *self,
                        gint64      post_id,
                        GError    **error)
{
  g_autoptr(DeskPost) post = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  post = desk_store_get_post (self, post_id, error);
  if (post == NULL)
    return FALSE;

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self, "DELETE FROM posts WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, post_id);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  if (!_desk_store_commit (self, error))
    return FALSE;

  untrack_live (self, post);
  g_signal_emit (self, _desk_store_signals[DESK_STORE_SIGNAL_POST_REMOVED], 0, post);
  return TRUE;

failed:
  _desk_store_rollback (self);
  return FALSE;
}

DeskPost *
desk_store_get_post (DeskStore  *self,
                     gint64      post_id,
                     GError    **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self, "SELECT " POST_COLUMNS POST_FROM " WHERE p.id = ?1 ORDER BY v.channel_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, post_id);

  found = collect_posts (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                   _("The post no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * desk_store_query_posts:
 * @brand_id: a brand, or 0 for all
 * @from: (nullable): start of the range (inclusive)
 * @to: (nullable): end of the range (exclusive)
 *
 * Returns: (transfer full) (element-type DeskPost): scheduled posts in
 *   [@from, @to), by time then id
 */
GPtrArray *
desk_store_query_posts (DeskStore  *self,
                        gint64      brand_id,
                        GDateTime  *from,
                        GDateTime  *to,
                        GError    **error)
{
  sqlite3_stmt *stmt, *channels;
  GPtrArray *posts;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  /* One row per post, and the channels apart: joined, each post's row
   * (its body) was copied once per channel. Both read the schedule
   * index in the same order, in one read transaction. */
  stmt = _desk_store_prepare (self,
                  "SELECT " POST_ONLY_COLUMNS " FROM posts p INDEXED BY posts_by_schedule"
                  " WHERE p.brand_id = ?1 AND p.scheduled_at >= ?2 AND p.scheduled_at < ?3"
                  " ORDER BY p.scheduled_at, p.id", error);
  if (stmt == NULL)
    return NULL;
  channels = _desk_store_prepare (self,
                      "SELECT p.id, v.channel_id FROM posts p INDEXED BY posts_by_schedule"
                      " JOIN post_variants v ON v.post_id = p.id"
                      " WHERE p.brand_id = ?1 AND p.scheduled_at >= ?2 AND p.scheduled_at < ?3"
                      " ORDER BY p.scheduled_at, p.id, v.channel_id", error);
  if (channels == NULL)
    return NULL;

  for (sqlite3_stmt **s = (sqlite3_stmt *[]) { stmt, channels, NULL }; *s != NULL; s++)
    {
      sqlite3_bind_int64 (*s, 1, brand_id);
      sqlite3_bind_int64 (*s, 2, from ? g_date_time_to_unix (from) : G_MININT64);
      sqlite3_bind_int64 (*s, 3, to ? g_date_time_to_unix (to) : G_MAXINT64);
    }
  if (!_desk_store_begin_read (self, error))
    return NULL;
  posts = collect_posts_full (self, stmt, channels, error);
  _desk_store_end_read (self);
  return posts;
}

GPtrArray *
desk_store_query_unscheduled_posts (DeskStore  *self,
                                    gint64      brand_id,
                                    GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT " POST_COLUMNS POST_FROM
                  " WHERE p.brand_id = ?1 AND p.scheduled_at IS NULL ORDER BY p.id, v.channel_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  return collect_posts (self, stmt, error);
}

GPtrArray *
desk_store_query_all_posts (DeskStore  *self,
                            gint64      brand_id,
                            GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT " POST_COLUMNS POST_FROM " WHERE p.brand_id = ?1"
                  " ORDER BY p.scheduled_at IS NULL, p.scheduled_at, p.id, v.channel_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  return collect_posts (self, stmt, error);
}

/**
 * desk_store_list_pillars:
 *
 * Returns: (transfer full): the brand's editorial pillars in use, sorted
 */
GStrv
desk_store_list_pillars (DeskStore  *self,
                         gint64      brand_id,
                         GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT DISTINCT pillar FROM posts WHERE brand_id = ?1 AND pillar != ''"
                  " ORDER BY pillar COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _desk_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}
