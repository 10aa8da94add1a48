/* desk-store-inbox.c: the inbox's notifications and the metrics
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

void
desk_metric_sample_free (DeskMetricSample *sample)
{
  if (sample == NULL)
    return;
  g_free (sample->day);
  g_free (sample->metric);
  g_free (sample);
}

void
desk_metric_total_free (DeskMetricTotal *total)
{
  if (total == NULL)
    return;
  g_free (total->metric);
  g_free (total);
}


/* Inbox */

gboolean
desk_store_add_notifications (DeskStore  *self,
                              GPtrArray  *notifications,
                              GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (notifications != NULL, FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < notifications->len; i++)
    {
      DeskNotification *n = g_ptr_array_index (notifications, i);
      GDateTime *created = desk_notification_get_created_at (n);
      sqlite3_stmt *stmt;

      stmt = _desk_store_prepare (self,
                      "INSERT INTO notifications (channel_id, remote_id, kind, author, text, url, created_at,"
                      " read, starred, status, priority, assignee)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                      /* Pulled again: stored once, as the user left it */
                      " ON CONFLICT (channel_id, remote_id) DO NOTHING", error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, desk_notification_get_channel_id (n));
      _desk_store_bind_text_or_null (stmt, 2, desk_notification_get_remote_id (n));
      sqlite3_bind_text (stmt, 3, desk_notification_kind_to_id (desk_notification_get_kind (n)), -1, SQLITE_STATIC);
      _desk_store_bind_text_or_empty (stmt, 4, desk_notification_get_author (n));
      _desk_store_bind_text_or_empty (stmt, 5, desk_notification_get_text (n));
      _desk_store_bind_text_or_null (stmt, 6, desk_notification_get_url (n));
      sqlite3_bind_int64 (stmt, 7, created ? g_date_time_to_unix (created) : _desk_store_now_unix ());
      sqlite3_bind_int (stmt, 8, desk_notification_get_read (n));
      sqlite3_bind_int (stmt, 9, desk_notification_get_starred (n));
      sqlite3_bind_text (stmt, 10, desk_notification_status_to_id (desk_notification_get_status (n)), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 11, desk_notification_get_priority (n));
      _desk_store_bind_text_or_null (stmt, 12, desk_notification_get_assignee (n));

      if (!_desk_store_step_done (self, stmt, error))
        goto failed;
      desk_notification_set_id (n, sqlite3_last_insert_rowid (self->db));
    }

  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

gboolean
desk_store_count_notifications (DeskStore  *self,
                                gint64      brand_id,
                                guint      *count,
                                GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  stmt = _desk_store_prepare (self,
                  "SELECT count(*) FROM notifications n JOIN channels c ON c.id = n.channel_id"
                  " WHERE c.brand_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return _desk_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * desk_store_query_notifications:
 *
 * Returns: (transfer full) (element-type DeskNotification): one page of the
 *   brand's notifications, newest first
 */
GPtrArray *
desk_store_query_notifications (DeskStore  *self,
                                gint64      brand_id,
                                guint       offset,
                                guint       limit,
                                GError    **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT n.id, n.channel_id, n.remote_id, n.kind, n.author, n.text, n.url, n.created_at,"
                  " n.read, n.starred, n.status, n.priority, n.assignee"
                  " FROM notifications n JOIN channels c ON c.id = n.channel_id"
                  " WHERE c.brand_id = ?1 ORDER BY n.created_at DESC, n.id DESC LIMIT ?2 OFFSET ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskNotificationKind kind = DESK_NOTIFICATION_KIND_MENTION;
      DeskNotificationStatus status = DESK_NOTIFICATION_STATUS_NEW;
      g_autoptr(GDateTime) created = _desk_store_column_time (stmt, 7);

      desk_notification_kind_from_id (_desk_store_column_text (stmt, 3), &kind);
      desk_notification_status_from_id (_desk_store_column_text (stmt, 10), &status);
      g_ptr_array_add (result,
                       g_object_new (DESK_TYPE_NOTIFICATION,
                                     "id", sqlite3_column_int64 (stmt, 0),
                                     "channel-id", sqlite3_column_int64 (stmt, 1),
                                     "remote-id", _desk_store_column_text (stmt, 2),
                                     "kind", kind,
                                     "author", _desk_store_column_text (stmt, 4),
                                     "text", _desk_store_column_text (stmt, 5),
                                     "url", _desk_store_column_text (stmt, 6),
                                     "created-at", created,
                                     "read", sqlite3_column_int (stmt, 8) != 0,
                                     "starred", sqlite3_column_int (stmt, 9) != 0,
                                     "status", status,
                                     "priority", sqlite3_column_int (stmt, 11),
                                     "assignee", _desk_store_column_text (stmt, 12),
                                     NULL));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* Metrics */

gboolean
desk_store_add_metric_samples (DeskStore  *self,
                               GPtrArray  *samples,
                               GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (samples != NULL, FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < samples->len; i++)
    {
      DeskMetricSample *s = g_ptr_array_index (samples, i);
      sqlite3_stmt *stmt;

      stmt = _desk_store_prepare (self,
                      "INSERT INTO metric_samples (channel_id, post_id, day, metric, value)"
                      " VALUES (?1, ?2, ?3, ?4, ?5)"
                      " ON CONFLICT (channel_id, post_id, day, metric) DO UPDATE SET value = excluded.value",
                      error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, s->channel_id);
      sqlite3_bind_int64 (stmt, 2, s->post_id);
      _desk_store_bind_text_or_null (stmt, 3, s->day);
      _desk_store_bind_text_or_null (stmt, 4, s->metric);
      sqlite3_bind_double (stmt, 5, s->value);
      if (!_desk_store_step_done (self, stmt, error))
        goto failed;
    }

  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/**
 * desk_store_query_metric_totals:
 * @from_day: first day (YYYY-MM-DD, inclusive)
 * @to_day: last day (inclusive)
 *
 * Returns: (transfer full) (element-type DeskMetricTotal): per channel and
 *   metric, the sum over the days and the value of the last day
 */
GPtrArray *
desk_store_query_metric_totals (DeskStore   *self,
                                gint64       brand_id,
                                const char  *from_day,
                                const char  *to_day,
                                GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_total_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT m.channel_id, m.metric, sum (m.value),"
                  " (SELECT l.value FROM metric_samples l WHERE l.channel_id = m.channel_id"
                  "   AND l.metric = m.metric AND l.post_id = 0 AND l.day BETWEEN ?2 AND ?3"
                  "   ORDER BY l.day DESC LIMIT 1)"
                  " FROM metric_samples m JOIN channels c ON c.id = m.channel_id"
                  " WHERE c.brand_id = ?1 AND m.post_id = 0 AND m.day BETWEEN ?2 AND ?3"
                  " GROUP BY m.channel_id, m.metric ORDER BY m.channel_id, m.metric", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_text (stmt, 2, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskMetricTotal *t = g_new0 (DeskMetricTotal, 1);

      t->channel_id = sqlite3_column_int64 (stmt, 0);
      t->metric = g_strdup (_desk_store_column_text (stmt, 1));
      t->total = sqlite3_column_double (stmt, 2);
      t->latest = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (result, t);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}
