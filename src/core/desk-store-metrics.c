/* desk-store-metrics.c: what the KPIs, the charts and the client report read
 * (sums and levels of the metrics per channel, daily series, top posts,
 * published times), objectives and a report's recommendations
 *
 * Part of DeskStore (desk-store.c); its private parts are in
 * desk-store-private.h. Every sum is SQL's, over the index
 * metric_samples_by_metric (channel, post, metric, day, value): a period
 * of two years on six channels is read from the index alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-store-private.h"

void
desk_metric_summary_free (DeskMetricSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->metric);
  g_free (summary);
}

void
desk_top_post_free (DeskTopPost *post)
{
  if (post == NULL)
    return;
  g_free (post->title);
  g_free (post->image_path);
  g_free (post);
}

void
desk_objective_free (DeskObjective *objective)
{
  if (objective == NULL)
    return;
  g_free (objective->kpi);
  g_free (objective->deadline);
  g_free (objective);
}

static gboolean
finish_rows (DeskStore     *self,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);
  _desk_store_end_read (self);
  if (rc != SQLITE_DONE)
    return _desk_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * desk_store_query_metric_summary:
 * @channel_id: one channel of the brand, or 0 for all of them
 * @from_day: first day (YYYY-MM-DD, inclusive)
 * @to_day: last day (inclusive)
 *
 * Returns: (transfer full) (element-type DeskMetricSummary): per channel
 *   and metric with a sample in the period: the sum, the number of days,
 *   the first and last values (for levels) and the last value before the
 *   period
 */
GPtrArray *
desk_store_query_metric_summary (DeskStore   *self,
                                 gint64       brand_id,
                                 gint64       channel_id,
                                 const char  *from_day,
                                 const char  *to_day,
                                 GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (from_day != NULL && to_day != NULL, NULL);

  if (!_desk_store_begin_read (self, error))
    return NULL;
  stmt = _desk_store_prepare (self,
                  "SELECT m.channel_id, m.metric, sum (m.value), count (*),"
                  " (SELECT f.value FROM metric_samples f WHERE f.channel_id = m.channel_id AND f.post_id = 0"
                  "   AND f.metric = m.metric AND f.day BETWEEN ?3 AND ?4 ORDER BY f.day ASC LIMIT 1),"
                  " (SELECT l.value FROM metric_samples l WHERE l.channel_id = m.channel_id AND l.post_id = 0"
                  "   AND l.metric = m.metric AND l.day BETWEEN ?3 AND ?4 ORDER BY l.day DESC LIMIT 1),"
                  " (SELECT b.value FROM metric_samples b WHERE b.channel_id = m.channel_id AND b.post_id = 0"
                  "   AND b.metric = m.metric AND b.day < ?3 ORDER BY b.day DESC LIMIT 1)"
                  /* The covering index, walked in the GROUP BY's order (the
                   * channels' ids sorted by IN): no table lookup, no sort */
                  " FROM metric_samples m INDEXED BY metric_samples_by_metric"
                  " WHERE m.channel_id IN (SELECT id FROM channels WHERE brand_id = ?1 AND (?2 = 0 OR id = ?2))"
                  " AND m.post_id = 0 AND m.day BETWEEN ?3 AND ?4"
                  " GROUP BY m.channel_id, m.metric ORDER BY m.channel_id, m.metric", error);
  if (stmt == NULL)
    {
      _desk_store_end_read (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_int64 (stmt, 2, channel_id);
  sqlite3_bind_text (stmt, 3, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, to_day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskMetricSummary *s = g_new0 (DeskMetricSummary, 1);

      s->channel_id = sqlite3_column_int64 (stmt, 0);
      s->metric = g_strdup (_desk_store_column_text (stmt, 1));
      s->total = sqlite3_column_double (stmt, 2);
      s->n_days = (guint) sqlite3_column_int64 (stmt, 3);
      s->first = sqlite3_column_double (stmt, 4);
      s->last = sqlite3_column_double (stmt, 5);
      s->has_before = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      s->before = sqlite3_column_double (stmt, 6);
      g_ptr_array_add (result, s);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&result);
}

/**
 * desk_store_query_metric_series:
 * @channel_id: one channel of the brand, or 0 for all of them
 *
 * Returns: (transfer full) (element-type DeskMetricPoint): @metric per
 *   day of the period that has a sample, summed over the channels, in
 *   the order of the days
 */
GArray *
desk_store_query_metric_series (DeskStore   *self,
                                gint64       brand_id,
                                gint64       channel_id,
                                const char  *metric,
                                const char  *from_day,
                                const char  *to_day,
                                GError     **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, TRUE, sizeof (DeskMetricPoint));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (metric != NULL && from_day != NULL && to_day != NULL, NULL);

  if (!_desk_store_begin_read (self, error))
    return NULL;
  stmt = _desk_store_prepare (self,
                  "SELECT m.day, sum (m.value)"
                  " FROM metric_samples m INDEXED BY metric_samples_by_metric"
                  " WHERE m.channel_id IN (SELECT id FROM channels WHERE brand_id = ?1 AND (?2 = 0 OR id = ?2))"
                  " AND m.post_id = 0 AND m.metric = ?3 AND m.day BETWEEN ?4 AND ?5"
                  " GROUP BY m.day ORDER BY m.day", error);
  if (stmt == NULL)
    {
      _desk_store_end_read (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_int64 (stmt, 2, channel_id);
  sqlite3_bind_text (stmt, 3, metric, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, to_day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskMetricPoint point = { { 0 }, 0 };
      const char *day = _desk_store_column_text (stmt, 0);

      g_strlcpy (point.day, day != NULL ? day : "", sizeof point.day);
      point.value = sqlite3_column_double (stmt, 1);
      g_array_append_val (result, point);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&result);
}

/**
 * desk_store_count_period_posts:
 * @channel_id: a channel (its posts are those with a variant on it), or 0
 * @to: (exclusive)
 *
 * Counts the brand's posts dated in [@from, @to): @planned those that are
 * more than an idea, @published those among them that went out.
 */
gboolean
desk_store_count_period_posts (DeskStore  *self,
                               gint64      brand_id,
                               gint64      channel_id,
                               GDateTime  *from,
                               GDateTime  *to,
                               guint      *published,
                               guint      *planned,
                               GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  stmt = _desk_store_prepare (self,
                  "SELECT count (*), coalesce (sum (p.status = 'published'), 0) FROM posts p"
                  " WHERE p.brand_id = ?1 AND p.scheduled_at >= ?2 AND p.scheduled_at < ?3 AND p.status != 'idea'"
                  " AND (?4 = 0 OR EXISTS (SELECT 1 FROM post_variants v WHERE v.post_id = p.id AND v.channel_id = ?4))",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (to));
  sqlite3_bind_int64 (stmt, 4, channel_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *planned = (guint) sqlite3_column_int64 (stmt, 0);
      *published = (guint) sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _desk_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * desk_store_query_first_responses:
 * @channel_id: one channel, or 0 for every channel of @brand_id
 *
 * How long the team took to answer each conversation (a message, a
 * mention, a reply, a comment, a quote) that came in [@from, @to) and was
 * answered from the inbox: from its arrival to the first reply queued
 * (desk_store_queue_reply ()), in seconds.
 *
 * Returns: (transfer full) (element-type double): the delays, in no
 *   order; empty when nothing was answered
 */
GArray *
desk_store_query_first_responses (DeskStore  *self,
                                  gint64      brand_id,
                                  gint64      channel_id,
                                  GDateTime  *from,
                                  GDateTime  *to,
                                  GError    **error)
{
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT max (min (o.created_at) - n.created_at, 0) FROM notifications n"
                  " JOIN channels c ON c.id = n.channel_id"
                  " JOIN outbox o ON o.notification_id = n.id AND o.action = 'reply'"
                  " WHERE c.brand_id = ?1 AND (?4 = 0 OR n.channel_id = ?4)"
                  " AND n.created_at >= ?2 AND n.created_at < ?3"
                  " AND n.kind IN ('dm', 'mention', 'reply', 'comment', 'quote')"
                  " GROUP BY n.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (to));
  sqlite3_bind_int64 (stmt, 4, channel_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double seconds = (double) sqlite3_column_int64 (stmt, 0);

      g_array_append_val (delays, seconds);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&delays);
}

/**
 * desk_store_query_top_posts:
 *
 * Returns: (transfer full) (element-type DeskTopPost): the brand's posts
 *   with the most engagements recorded in the period, most first
 */
GPtrArray *
desk_store_query_top_posts (DeskStore   *self,
                            gint64       brand_id,
                            const char  *from_day,
                            const char  *to_day,
                            guint        limit,
                            GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_top_post_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  if (!_desk_store_begin_read (self, error))
    return NULL;
  stmt = _desk_store_prepare (self,
                  "SELECT p.id, CASE WHEN p.title != '' THEN p.title ELSE substr (p.body, 1, 80) END,"
                  " sum (CASE WHEN m.metric = 'engagements' THEN m.value ELSE 0 END) AS e,"
                  " sum (CASE WHEN m.metric = 'impressions' THEN m.value ELSE 0 END)"
                  " FROM posts p JOIN metric_samples m ON m.post_id = p.id"
                  " WHERE p.brand_id = ?1 AND m.day BETWEEN ?2 AND ?3 AND m.metric IN ('engagements', 'impressions')"
                  " GROUP BY p.id ORDER BY e DESC, p.id LIMIT ?4", error);
  if (stmt == NULL)
    {
      _desk_store_end_read (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_text (stmt, 2, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskTopPost *post = g_new0 (DeskTopPost, 1);

      post->post_id = sqlite3_column_int64 (stmt, 0);
      post->title = g_strdup (_desk_store_column_text (stmt, 1));
      post->engagements = sqlite3_column_double (stmt, 2);
      post->impressions = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (result, post);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  /* Each post's first image, for its thumbnail (a few posts) */
  for (guint i = 0; i < result->len; i++)
    {
      DeskTopPost *post = g_ptr_array_index (result, i);

      post->image_path = desk_store_dup_first_media_path (self, post->post_id, NULL);
    }
  return g_steal_pointer (&result);
}

/**
 * desk_store_query_published_posts:
 * @to: (exclusive)
 *
 * Returns: (transfer full) (element-type DeskPublishedPost): each post
 *   published in [@from, @to) on each of its channels, when it went out and
 *   the engagements recorded for it (what the best-time heatmap weighs)
 */
GArray *
desk_store_query_published_posts (DeskStore  *self,
                                  gint64      brand_id,
                                  GDateTime  *from,
                                  GDateTime  *to,
                                  GError    **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, TRUE, sizeof (DeskPublishedPost));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  if (!_desk_store_begin_read (self, error))
    return NULL;
  stmt = _desk_store_prepare (self,
                  "SELECT coalesce (v.published_at, p.scheduled_at) AS at,"
                  " (SELECT coalesce (sum (m.value), 0) FROM metric_samples m"
                  "  WHERE m.channel_id = v.channel_id AND m.post_id = p.id AND m.metric = 'engagements')"
                  " FROM posts p JOIN post_variants v ON v.post_id = p.id"
                  " WHERE p.brand_id = ?1 AND p.status = 'published' AND at >= ?2 AND at < ?3", error);
  if (stmt == NULL)
    {
      _desk_store_end_read (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (to));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskPublishedPost post = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };

      g_array_append_val (result, post);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&result);
}

/**
 * desk_store_find_channel:
 * @handle: a channel's handle, whatever its case
 *
 * Returns: (transfer full): the one channel of any brand with @handle; an
 *   error names the handle when none or several have it
 */
DeskChannel *
desk_store_find_channel (DeskStore   *self,
                         const char  *handle,
                         GError     **error)
{
  g_autoptr(GListModel) channels = NULL;
  sqlite3_stmt *stmt;
  gint64 brand_id = 0, channel_id = 0;
  guint matches = 0;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (handle != NULL, NULL);

  stmt = _desk_store_prepare (self, "SELECT id, brand_id FROM channels WHERE handle = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, handle, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      channel_id = sqlite3_column_int64 (stmt, 0);
      brand_id = sqlite3_column_int64 (stmt, 1);
      matches++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (matches != 1)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                   matches == 0 ? _("No channel is called “%s”.")
                                : _("Several channels are called “%s”."), handle);
      return NULL;
    }

  if ((channels = desk_store_list_channels (self, brand_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);

      if (desk_channel_get_id (channel) == channel_id)
        return g_steal_pointer (&channel);
    }
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("No channel is called “%s”."), handle);
  return NULL;
}

/* Objectives */

gboolean
desk_store_save_objective (DeskStore      *self,
                           DeskObjective  *objective,
                           GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (objective != NULL, FALSE);

  if (objective->kpi == NULL || *objective->kpi == '\0' || !isfinite (objective->target))
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                           _("An objective needs a KPI and a target."));
      return FALSE;
    }
  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                  objective->id == 0
                  ? "INSERT INTO objectives (brand_id, campaign_id, kpi, target, deadline, created_at)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                  : "UPDATE objectives SET brand_id = ?1, campaign_id = ?2, kpi = ?3, target = ?4, deadline = ?5"
                    " WHERE id = ?7", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, objective->brand_id);
  _desk_store_bind_id_or_null (stmt, 2, objective->campaign_id);
  sqlite3_bind_text (stmt, 3, objective->kpi, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 4, objective->target);
  _desk_store_bind_text_or_null (stmt, 5, objective->deadline);
  if (objective->id == 0)
    sqlite3_bind_int64 (stmt, 6, _desk_store_now_unix ());
  else
    sqlite3_bind_int64 (stmt, 7, objective->id);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  if (objective->id == 0)
    objective->id = sqlite3_last_insert_rowid (self->db);
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/**
 * desk_store_list_objectives:
 *
 * Returns: (transfer full) (element-type DeskObjective): the brand's
 *   objectives and its campaigns', the nearest deadline first
 */
GPtrArray *
desk_store_list_objectives (DeskStore  *self,
                            gint64      brand_id,
                            GError    **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_objective_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT id, brand_id, coalesce (campaign_id, 0), kpi, target, deadline FROM objectives"
                  " WHERE brand_id = ?1 ORDER BY deadline IS NULL, deadline, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskObjective *o = g_new0 (DeskObjective, 1);

      o->id = sqlite3_column_int64 (stmt, 0);
      o->brand_id = sqlite3_column_int64 (stmt, 1);
      o->campaign_id = sqlite3_column_int64 (stmt, 2);
      o->kpi = g_strdup (_desk_store_column_text (stmt, 3));
      o->target = sqlite3_column_double (stmt, 4);
      o->deadline = g_strdup (_desk_store_column_text (stmt, 5));
      g_ptr_array_add (result, o);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
desk_store_delete_objective (DeskStore  *self,
                             gint64      objective_id,
                             GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self, "DELETE FROM objectives WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, objective_id);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("This objective no longer exists."));
      goto failed;
    }
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/* A report's recommendations */

gboolean
desk_store_set_report_recommendations (DeskStore   *self,
                                       gint64       brand_id,
                                       const char  *from_day,
                                       const char  *to_day,
                                       const char  *text,
                                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (from_day != NULL && to_day != NULL, FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                  "INSERT INTO report_notes (brand_id, from_day, to_day, recommendations, updated_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5)"
                  " ON CONFLICT (brand_id, from_day, to_day) DO UPDATE"
                  " SET recommendations = excluded.recommendations, updated_at = excluded.updated_at", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_text (stmt, 2, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_day, -1, SQLITE_TRANSIENT);
  _desk_store_bind_text_or_empty (stmt, 4, text);
  sqlite3_bind_int64 (stmt, 5, _desk_store_now_unix ());
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/**
 * desk_store_dup_report_recommendations:
 *
 * Returns: (transfer full): the recommendations written for the brand's
 *   report on exactly this period, "" when there are none; NULL on error
 */
char *
desk_store_dup_report_recommendations (DeskStore   *self,
                                       gint64       brand_id,
                                       const char  *from_day,
                                       const char  *to_day,
                                       GError     **error)
{
  sqlite3_stmt *stmt;
  char *text = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT recommendations FROM report_notes WHERE brand_id = ?1 AND from_day = ?2 AND to_day = ?3",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_text (stmt, 2, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_day, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup (_desk_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return text != NULL ? text : g_strdup ("");
}
