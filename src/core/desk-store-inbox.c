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

#include "desk-inbox-filter.h"
#include "desk-inbox-order.h"
#include "desk-moderation.h"
#include "desk-store-private.h"
#include "desk-tone.h"

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

#define NOTIFICATION_COLUMNS \
  "n.id, n.channel_id, n.remote_id, n.kind, n.author, n.text, n.url, n.created_at," \
  " n.read, n.starred, n.status, n.priority, n.assignee, n.handle, n.in_reply_to, n.subject," \
  " n.campaign_id, n.flag, n.hidden, n.tone, n.note, n.status_id, n.status_cid, n.root_id, n.root_cid"
#define N_NOTIFICATION_COLUMNS 25

/* The stored kinds shown grouped (desk_notification_kind_is_grouped) and
 * those that are conversations */
#define GROUPED_KINDS "('favourite', 'follow', 'repost')"
#define CONVERSATION_KINDS "('dm', 'mention', 'reply', 'comment', 'quote')"

/* A count's one row, read into @count */
static gboolean
step_count (DeskStore     *self,
            sqlite3_stmt  *stmt,
            guint         *count,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _desk_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static DeskNotification *
notification_from_row (sqlite3_stmt *stmt,
                       guint         group_count)
{
  DeskNotificationKind kind = DESK_NOTIFICATION_KIND_MENTION;
  DeskNotificationStatus status = DESK_NOTIFICATION_STATUS_OPEN;
  DeskModerationFlag flag = DESK_MODERATION_FLAG_NONE;
  g_autoptr(GDateTime) created = _desk_store_column_time (stmt, 7);

  desk_notification_kind_from_id (_desk_store_column_text (stmt, 3), &kind);
  desk_notification_status_from_id (_desk_store_column_text (stmt, 10), &status);
  desk_moderation_flag_from_id (_desk_store_column_text (stmt, 17), &flag);
  return g_object_new (DESK_TYPE_NOTIFICATION,
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
                       "handle", _desk_store_column_text (stmt, 13),
                       "in-reply-to", _desk_store_column_text (stmt, 14),
                       "subject", _desk_store_column_text (stmt, 15),
                       "campaign-id", sqlite3_column_int64 (stmt, 16),
                       "flag", flag,
                       "hidden", sqlite3_column_int (stmt, 18) != 0,
                       "tone", MAX (sqlite3_column_double (stmt, 19), 0.0),
                       "note", _desk_store_column_text (stmt, 20),
                       "status-id", _desk_store_column_text (stmt, 21),
                       "status-cid", _desk_store_column_text (stmt, 22),
                       "root-id", _desk_store_column_text (stmt, 23),
                       "root-cid", _desk_store_column_text (stmt, 24),
                       "group-count", MAX (group_count, 1u),
                       NULL);
}

/* Moderation rules */

/**
 * desk_store_list_moderation_rules:
 *
 * Returns: (transfer full) (element-type DeskModerationRule): the brand's
 *   rules, oldest first
 */
GPtrArray *
desk_store_list_moderation_rules (DeskStore  *self,
                                  gint64      brand_id,
                                  GError    **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_moderation_rule_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                              "SELECT id, brand_id, pattern, is_regex, flag FROM moderation_rules"
                              " WHERE brand_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskModerationRule *rule = g_new0 (DeskModerationRule, 1);

      rule->id = sqlite3_column_int64 (stmt, 0);
      rule->brand_id = sqlite3_column_int64 (stmt, 1);
      rule->pattern = g_strdup (_desk_store_column_text (stmt, 2));
      rule->is_regex = sqlite3_column_int (stmt, 3) != 0;
      desk_moderation_flag_from_id (_desk_store_column_text (stmt, 4), &rule->flag);
      g_ptr_array_add (rules, rule);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rules);
}

/**
 * desk_store_load_moderation:
 *
 * Returns: (transfer full): the brand's rules, ready to check texts
 */
DeskModeration *
desk_store_load_moderation (DeskStore  *self,
                            gint64      brand_id,
                            GError    **error)
{
  g_autoptr(GPtrArray) rules = desk_store_list_moderation_rules (self, brand_id, error);
  g_autoptr(DeskModeration) moderation = NULL;

  if (rules == NULL)
    return NULL;
  moderation = desk_moderation_new ();
  for (guint i = 0; i < rules->len; i++)
    {
      DeskModerationRule *rule = g_ptr_array_index (rules, i);

      if (!desk_moderation_add_rule (moderation, rule->pattern, rule->is_regex, rule->flag, error))
        return NULL;
    }
  return g_steal_pointer (&moderation);
}

/**
 * desk_store_add_moderation_rule:
 *
 * Saves a rule after checking it: an invalid regular expression is
 * refused with a reason the user can read (DESK_MODERATION_ERROR).
 */
gboolean
desk_store_add_moderation_rule (DeskStore           *self,
                                gint64               brand_id,
                                const char          *pattern,
                                gboolean             is_regex,
                                DeskModerationFlag   flag,
                                gint64              *out_id,
                                GError             **error)
{
  g_autoptr(DeskModeration) check = desk_moderation_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!desk_moderation_add_rule (check, pattern, is_regex, flag, error))
    return FALSE;
  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              "INSERT INTO moderation_rules (brand_id, pattern, is_regex, flag, created_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, is_regex);
  sqlite3_bind_text (stmt, 4, desk_moderation_flag_to_id (flag), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, _desk_store_now_unix ());
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

gboolean
desk_store_delete_moderation_rule (DeskStore  *self,
                                   gint64      rule_id,
                                   GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self, "DELETE FROM moderation_rules WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/* Adding notifications */

/* The brand's rules for @channel_id, loaded once per batch */
static DeskModeration *
moderation_for_channel (DeskStore   *self,
                        GHashTable  *by_channel,
                        gint64       channel_id,
                        GError     **error)
{
  DeskModeration *moderation = g_hash_table_lookup (by_channel, &channel_id);
  gint64 brand_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (moderation != NULL)
    return moderation;
  stmt = _desk_store_prepare (self, "SELECT brand_id FROM channels WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    brand_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  /* An unknown channel: the insert's foreign key says so */
  moderation = brand_id != 0 ? desk_store_load_moderation (self, brand_id, error) : desk_moderation_new ();
  if (moderation == NULL)
    return NULL;
  g_hash_table_insert (by_channel, g_memdup2 (&channel_id, sizeof channel_id), moderation);
  return moderation;
}

/* Groups of likes, follows and reposts (schema 12): group_head marks the
 * newest visible member of each (channel, kind, subject), group_size on it
 * counts the visible members; kept here as notifications come in and get
 * hidden, so that the attention view is read along an index. */

/* A new visible member @id: it heads its group if it is the newest */
static gboolean
join_group (DeskStore  *self,
            gint64      id,
            GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 head = 0;
  gboolean newer = FALSE;
  int rc;

  stmt = _desk_store_prepare (self,
                              "SELECT h.id, (g.created_at, g.id) > (h.created_at, h.id)"
                              " FROM notifications g JOIN notifications h"
                              " ON h.channel_id = g.channel_id AND h.kind = g.kind"
                              " AND coalesce (h.subject, '') = coalesce (g.subject, '') AND h.group_head = 1"
                              " WHERE g.id = ?1 AND h.id != g.id AND h.hidden = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      head = sqlite3_column_int64 (stmt, 0);
      newer = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _desk_store_set_sqlite_error (self, rc, error);

  /* ?1 the new member, ?2 the group's head, if any */
  {
    const char *steps[2] = { NULL, NULL };

    if (head == 0)
      steps[0] = "UPDATE notifications SET group_head = 1, group_size = 1 WHERE id = ?1";
    else if (newer)
      {
        steps[0] = "UPDATE notifications SET group_head = 1,"
                   " group_size = 1 + (SELECT group_size FROM notifications WHERE id = ?2) WHERE id = ?1";
        steps[1] = "UPDATE notifications SET group_head = 0, group_size = 1 WHERE id = ?2";
      }
    else
      steps[0] = "UPDATE notifications SET group_size = group_size + 1 WHERE id = ?2";

    for (guint i = 0; i < G_N_ELEMENTS (steps) && steps[i] != NULL; i++)
      {
        if ((stmt = _desk_store_prepare (self, steps[i], error)) == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, id);
        if (head != 0)
          sqlite3_bind_int64 (stmt, 2, head);
        if (!_desk_store_step_done (self, stmt, error))
          return FALSE;
      }
  }
  return TRUE;
}

/* The group of @id counted again (a member hidden or shown); nothing for
 * a kind that is not grouped */
static gboolean
regroup (DeskStore  *self,
         gint64      id,
         GError    **error)
{
  static const char * const steps[] = {
    "UPDATE notifications SET group_head = 0, group_size = 1 WHERE id IN (SELECT n.id FROM notifications g"
    " JOIN notifications n ON n.channel_id = g.channel_id AND n.kind = g.kind"
    " AND coalesce (n.subject, '') = coalesce (g.subject, '') AND n.group_head = 1"
    " WHERE g.id = ?1 AND g.kind IN " GROUPED_KINDS ")",
    "UPDATE notifications SET group_head = 1, group_size = (SELECT count (*) FROM notifications n, notifications g"
    "  WHERE g.id = ?1 AND n.channel_id = g.channel_id AND n.kind = g.kind"
    "  AND coalesce (n.subject, '') = coalesce (g.subject, '') AND n.hidden = 0)"
    " WHERE id = (SELECT n.id FROM notifications n, notifications g"
    "  WHERE g.id = ?1 AND g.kind IN " GROUPED_KINDS " AND n.channel_id = g.channel_id AND n.kind = g.kind"
    "  AND coalesce (n.subject, '') = coalesce (g.subject, '') AND n.hidden = 0"
    "  ORDER BY n.created_at DESC, n.id DESC LIMIT 1)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = _desk_store_prepare (self, steps[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_desk_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_notification (DeskStore         *self,
                     DeskNotification  *n,
                     DeskModeration    *moderation,
                     gboolean          *added,
                     GError           **error)
{
  GDateTime *created = desk_notification_get_created_at (n);
  DeskNotificationKind kind = desk_notification_get_kind (n);
  const char *text = desk_notification_get_text (n);
  const char *subject = desk_notification_get_subject (n);
  DeskModerationFlag flag = desk_notification_get_flag (n);
  double tone = desk_tone_score (text);
  sqlite3_stmt *stmt;

  if (flag == DESK_MODERATION_FLAG_NONE)
    flag = desk_moderation_check (moderation, text);
  /* A like or a repost without a subject: its link is the post it is about */
  if (subject == NULL && (kind == DESK_NOTIFICATION_KIND_FAVOURITE || kind == DESK_NOTIFICATION_KIND_REPOST))
    subject = desk_notification_get_url (n);

  stmt = _desk_store_prepare (self,
                              "INSERT INTO notifications (channel_id, remote_id, kind, author, text, url, created_at,"
                              " read, starred, status, priority, assignee, handle, in_reply_to, subject, campaign_id,"
                              " flag, hidden, tone, note, brand_id, group_head, status_id, status_cid, root_id, root_cid)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                              " ?18, ?19, ?20, (SELECT brand_id FROM channels WHERE id = ?1), ?21, ?22, ?23, ?24, ?25)"
                              /* Pulled or imported again: stored once, as the user left it */
                              " ON CONFLICT (channel_id, remote_id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, desk_notification_get_channel_id (n));
  _desk_store_bind_text_or_null (stmt, 2, desk_notification_get_remote_id (n));
  sqlite3_bind_text (stmt, 3, desk_notification_kind_to_id (kind), -1, SQLITE_STATIC);
  _desk_store_bind_text_or_empty (stmt, 4, desk_notification_get_author (n));
  _desk_store_bind_text_or_empty (stmt, 5, text);
  _desk_store_bind_text_or_null (stmt, 6, desk_notification_get_url (n));
  sqlite3_bind_int64 (stmt, 7, created ? g_date_time_to_unix (created) : _desk_store_now_unix ());
  sqlite3_bind_int (stmt, 8, desk_notification_get_read (n));
  sqlite3_bind_int (stmt, 9, desk_notification_get_starred (n));
  sqlite3_bind_text (stmt, 10, desk_notification_status_to_id (desk_notification_get_status (n)), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 11, desk_inbox_order_priority (kind, text, tone, flag));
  _desk_store_bind_text_or_null (stmt, 12, desk_notification_get_assignee (n));
  _desk_store_bind_text_or_empty (stmt, 13, desk_notification_get_handle (n));
  _desk_store_bind_text_or_null (stmt, 14, desk_notification_get_in_reply_to (n));
  _desk_store_bind_text_or_null (stmt, 15, subject);
  _desk_store_bind_id_or_null (stmt, 16, desk_notification_get_campaign_id (n));
  _desk_store_bind_text_or_null (stmt, 17, flag != DESK_MODERATION_FLAG_NONE ? desk_moderation_flag_to_id (flag) : NULL);
  sqlite3_bind_int (stmt, 18, desk_notification_get_hidden (n));
  sqlite3_bind_double (stmt, 19, tone);
  _desk_store_bind_text_or_null (stmt, 20, desk_notification_get_note (n));
  /* A like, a follow or a repost heads its group only once join_group ()
   * says so */
  sqlite3_bind_int (stmt, 21, !desk_notification_kind_is_grouped (kind));
  _desk_store_bind_text_or_null (stmt, 22, desk_notification_get_status_id (n));
  _desk_store_bind_text_or_null (stmt, 23, desk_notification_get_status_cid (n));
  _desk_store_bind_text_or_null (stmt, 24, desk_notification_get_root_id (n));
  _desk_store_bind_text_or_null (stmt, 25, desk_notification_get_root_cid (n));

  if (!_desk_store_step_done (self, stmt, error))
    return FALSE;
  *added = sqlite3_changes (self->db) > 0;
  if (*added)
    {
      desk_notification_set_id (n, sqlite3_last_insert_rowid (self->db));
      desk_notification_set_tone (n, tone);
      desk_notification_set_flag (n, flag);
      if (desk_notification_kind_is_grouped (kind) && !desk_notification_get_hidden (n))
        return join_group (self, desk_notification_get_id (n), error);
    }
  return TRUE;
}

/**
 * desk_store_add_notifications_full:
 * @n_added: (out) (optional): how many were new; the others were stored
 *   already (same channel and network id) and are left as they were
 *
 * Stores @notifications in one transaction: all or none. Each new one gets
 * its id, its tone (desk-tone.h), the flag of its brand's moderation rules
 * and its priority in the inbox (desk-inbox-order.h).
 */
gboolean
desk_store_add_notifications_full (DeskStore  *self,
                                   GPtrArray  *notifications,
                                   guint      *n_added,
                                   GError    **error)
{
  g_autoptr(GHashTable) moderation = NULL;
  guint added = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (notifications != NULL, FALSE);

  moderation = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  if (!_desk_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < notifications->len; i++)
    {
      DeskNotification *n = g_ptr_array_index (notifications, i);
      DeskModeration *rules = moderation_for_channel (self, moderation, desk_notification_get_channel_id (n), error);
      gboolean is_new = FALSE;

      if (rules == NULL || !insert_notification (self, n, rules, &is_new, error))
        {
          _desk_store_rollback (self);
          return FALSE;
        }
      added += is_new;
    }

  if (!_desk_store_commit (self, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

gboolean
desk_store_add_notifications (DeskStore  *self,
                              GPtrArray  *notifications,
                              GError    **error)
{
  return desk_store_add_notifications_full (self, notifications, NULL, error);
}

typedef struct
{
  gint64  id;
  double  tone;
  int     priority;
} Score;

/* Tone and priority of every notification, by the rules of desk-tone.c
 * and desk-inbox-order.c (the migration to schema 10 runs it) */
gboolean
_desk_store_score_notifications (DeskStore  *self,
                                 GError    **error)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (Score));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _desk_store_prepare (self, "SELECT id, kind, text, flag FROM notifications", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskNotificationKind kind = DESK_NOTIFICATION_KIND_MENTION;
      DeskModerationFlag flag = DESK_MODERATION_FLAG_NONE;
      const char *text = _desk_store_column_text (stmt, 2);
      Score score = { sqlite3_column_int64 (stmt, 0), desk_tone_score (text), 0 };

      desk_notification_kind_from_id (_desk_store_column_text (stmt, 1), &kind);
      desk_moderation_flag_from_id (_desk_store_column_text (stmt, 3), &flag);
      score.priority = desk_inbox_order_priority (kind, text, score.tone, flag);
      g_array_append_val (scores, score);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _desk_store_set_sqlite_error (self, rc, error);

  for (guint i = 0; i < scores->len; i++)
    {
      Score *score = &g_array_index (scores, Score, i);

      stmt = _desk_store_prepare (self, "UPDATE notifications SET tone = ?2, priority = ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, score->id);
      sqlite3_bind_double (stmt, 2, score->tone);
      sqlite3_bind_int (stmt, 3, score->priority);
      if (!_desk_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
desk_store_count_notifications (DeskStore  *self,
                                gint64      brand_id,
                                guint      *count,
                                GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  stmt = _desk_store_prepare (self,
                  "SELECT count(*) FROM notifications n JOIN channels c ON c.id = n.channel_id"
                  " WHERE c.brand_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  return step_count (self, stmt, count, error);
}

static GPtrArray *
read_notifications (DeskStore     *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint count = sqlite3_column_count (stmt) > N_NOTIFICATION_COLUMNS
                      ? (guint) sqlite3_column_int64 (stmt, N_NOTIFICATION_COLUMNS) : 1;

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          /* Gone since the view's snapshot: an empty item keeps its place */
          g_ptr_array_add (result, g_object_new (DESK_TYPE_NOTIFICATION, NULL));
          continue;
        }
      g_ptr_array_add (result, notification_from_row (stmt, count));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT " NOTIFICATION_COLUMNS
                  " FROM notifications n JOIN channels c ON c.id = n.channel_id"
                  " WHERE c.brand_id = ?1 ORDER BY n.created_at DESC, n.id DESC LIMIT ?2 OFFSET ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  return read_notifications (self, stmt, error);
}

/* Views: SQL built from a DeskInboxFilter
 *
 * Most views are read straight from the table, a page at a time, along an
 * index that stops after the page (schema 12): every view but "needs
 * attention" lists rows one by one, and "needs attention" lists the rows
 * whose group_head is set (any conversation, and the newest visible member
 * of each group of likes, follows or reposts, with the group's size), which
 * the store keeps up to date as notifications come and get hidden.
 *
 * Two cases still compute their entries as a whole (build_entries ()):
 * a search, whose matches are few (at most SEARCH_LIMIT), and "needs
 * attention" with a filter that changes which members make a group
 * (unread, starred, assignee, campaign, dates, hidden items shown). */

/* A search keeps the newest SEARCH_LIMIT matches (by the order they were
 * stored): a word found in 50,000 notifications is narrowed by typing,
 * not by reading them all */
#define SEARCH_LIMIT 1000

/* The terms of "needs reply", word for word those of the partial index
 * notifications_needing_reply (desk-store-schema.c), so that SQLite uses it */
#define NEEDS_REPLY_TERMS \
  " AND n.kind IN " CONVERSATION_KINDS " AND n.status IN ('open', 'escalated')" \
  " AND coalesce (n.flag, 'escalate') = 'escalate'"

/* The filter's conditions on "n" (notifications) */
static void
append_conditions (GString               *sql,
                   const DeskInboxFilter *filter,
                   gboolean               has_match)
{
  /* The matches drive the query: at most SEARCH_LIMIT rows looked up */
  if (has_match)
    g_string_append (sql, " FROM (SELECT rowid AS mid FROM notifications_fts WHERE notifications_fts MATCH :match"
                          " ORDER BY rowid DESC LIMIT " G_STRINGIFY (SEARCH_LIMIT) ")"
                          " m CROSS JOIN notifications n ON n.id = m.mid WHERE 1");
  else
    g_string_append (sql, " FROM notifications n WHERE 1");
  if (filter->brand_id != 0)
    g_string_append (sql, " AND n.brand_id = :brand");
  if (!filter->show_hidden)
    g_string_append (sql, " AND n.hidden = 0");
  if (filter->unread_only || filter->view == DESK_INBOX_VIEW_UNREAD)
    g_string_append (sql, " AND n.read = 0");
  if (filter->starred_only)
    g_string_append (sql, " AND n.starred = 1");
  if (filter->assignee != NULL)
    g_string_append (sql, " AND n.assignee = :assignee");
  if (filter->network >= 0)
    g_string_append (sql, " AND n.channel_id IN (SELECT id FROM channels WHERE network = :network)");
  if (filter->channel_id != 0)
    g_string_append (sql, " AND n.channel_id = :channel");
  if (filter->kind >= 0)
    g_string_append (sql, " AND n.kind IN (:kind, :kind2)");
  if (filter->campaign_id != 0)
    g_string_append (sql, " AND n.campaign_id = :campaign");
  if (filter->from != NULL)
    g_string_append (sql, " AND n.created_at >= :from");
  if (filter->to != NULL)
    g_string_append (sql, " AND n.created_at < :to");
  if (filter->view == DESK_INBOX_VIEW_NEEDS_REPLY)
    g_string_append (sql, NEEDS_REPLY_TERMS);
}

/* The view's entries in order: (id, cnt, pri, at); a group of likes,
 * follows or reposts is its newest member (SQLite takes the bare column
 * n.id from the row of max ()) */
static char *
build_entries (const DeskInboxFilter *filter,
               gboolean               has_match,
               gboolean               ordered)
{
  GString *sql = g_string_new ("SELECT n.id AS id, 1 AS cnt, n.priority AS pri, n.created_at AS at");

  append_conditions (sql, filter, has_match);
  if (filter->view == DESK_INBOX_VIEW_ATTENTION)
    {
      /* Hidden likes, follows and reposts (shown with "Show hidden items")
       * stand alone, out of their group, as the direct view has them */
      g_string_append (sql, " AND (n.kind NOT IN " GROUPED_KINDS " OR n.hidden = 1)"
                            " UNION ALL SELECT n.id, count (*), 0, max (n.created_at)");
      append_conditions (sql, filter, has_match);
      g_string_append (sql, " AND n.kind IN " GROUPED_KINDS " AND n.hidden = 0"
                            " GROUP BY n.channel_id, n.kind, coalesce (n.subject, '')");
    }
  if (ordered)
    g_string_append (sql, filter->view == DESK_INBOX_VIEW_ATTENTION || filter->view == DESK_INBOX_VIEW_NEEDS_REPLY
                            ? " ORDER BY pri DESC, at DESC, id DESC" : " ORDER BY at DESC, id DESC");
  return g_string_free (sql, FALSE);
}

static gboolean
by_priority (const DeskInboxFilter *filter)
{
  return filter->view == DESK_INBOX_VIEW_ATTENTION || filter->view == DESK_INBOX_VIEW_NEEDS_REPLY;
}

static const char *
order_of (const DeskInboxFilter *filter,
          const char            *alias)
{
  if (g_str_equal (alias, "e"))
    return by_priority (filter) ? "e.pri DESC, e.at DESC, e.id DESC" : "e.at DESC, e.id DESC";
  if (g_str_equal (alias, "n"))
    return by_priority (filter) ? "n.priority DESC, n.created_at DESC, n.id DESC" : "n.created_at DESC, n.id DESC";
  return by_priority (filter) ? "pri DESC, at DESC, id DESC" : "at DESC, id DESC";
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_filter (sqlite3_stmt          *stmt,
             const DeskInboxFilter *filter,
             const char            *match)
{
  bind_named_int (stmt, ":brand", filter->brand_id);
  bind_named_text (stmt, ":assignee", filter->assignee);
  if (filter->network >= 0)
    bind_named_text (stmt, ":network", desk_network_to_id (filter->network));
  bind_named_int (stmt, ":channel", filter->channel_id);
  if (filter->kind >= 0)
    {
      /* "reply" is a comment too: the kinds of the import format */
      gboolean reply = filter->kind == DESK_NOTIFICATION_KIND_REPLY || filter->kind == DESK_NOTIFICATION_KIND_COMMENT;

      bind_named_text (stmt, ":kind", desk_notification_kind_to_id (filter->kind));
      bind_named_text (stmt, ":kind2", desk_notification_kind_to_id (reply ? (filter->kind == DESK_NOTIFICATION_KIND_REPLY
                                                                               ? DESK_NOTIFICATION_KIND_COMMENT
                                                                               : DESK_NOTIFICATION_KIND_REPLY)
                                                                            : filter->kind));
    }
  bind_named_int (stmt, ":campaign", filter->campaign_id);
  if (filter->from != NULL)
    bind_named_int (stmt, ":from", g_date_time_to_unix (filter->from));
  if (filter->to != NULL)
    bind_named_int (stmt, ":to", g_date_time_to_unix (filter->to));
  bind_named_text (stmt, ":match", match);
}

static gboolean
filter_is_valid (const DeskInboxFilter  *filter,
                 GError                **error)
{
  if ((guint) filter->view > DESK_INBOX_VIEW_LAST ||
      filter->network > (int) DESK_NETWORK_LAST || filter->kind > (int) DESK_NOTIFICATION_KIND_LAST)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID, _("This inbox filter is not valid."));
      return FALSE;
    }
  return TRUE;
}

/**
 * _desk_store_inbox_is_direct:
 *
 * Whether the view @filter asks for is read straight from the table, a
 * page at a time (see "Views" above), rather than computed as a whole.
 */
gboolean
_desk_store_inbox_is_direct (const DeskInboxFilter *filter)
{
  g_autofree char *match = desk_inbox_filter_dup_match (filter->search);

  if (match != NULL)
    return FALSE;
  if (filter->view != DESK_INBOX_VIEW_ATTENTION)
    return TRUE;
  /* The groups of "needs attention" are those of every visible member,
   * and a date range cuts through groups: computed. Unread, starred,
   * assignee and campaign keep or leave a group by its newest member,
   * along the view's index (a group is read or unread as a whole,
   * desk_store_set_group_read ()), and hidden items stand alone: the
   * filters of a crisis day stay fast */
  return filter->from == NULL && filter->to == NULL;
}

/* The attention view with "Show hidden items": its visible entries (each
 * group's head, which every other kind's rows are) and the hidden items,
 * each on its own (a hidden like is never its group's head), as
 * build_entries () has them. Two statements merged by SQLite, each in its
 * order (the visible along notifications_attention, the hidden few apart):
 * one condition with OR sorted the whole inbox for every page. */
static gboolean
hidden_apart (const DeskInboxFilter *filter)
{
  return filter->view == DESK_INBOX_VIEW_ATTENTION && filter->show_hidden;
}

/* A direct view's rows (with the group's size in the attention view),
 * after the key :kp, :kat, :kid if @after; the hidden ones alone if
 * @hidden (hidden_apart ()) */
static void
append_direct_select (GString               *sql,
                      const DeskInboxFilter *filter,
                      gboolean               hidden,
                      gboolean               after)
{
  g_string_append (sql, "SELECT " NOTIFICATION_COLUMNS);
  g_string_append (sql, filter->view == DESK_INBOX_VIEW_ATTENTION && !hidden ? ", n.group_size" : ", 1");
  append_conditions (sql, filter, FALSE);
  if (hidden)
    g_string_append (sql, " AND n.hidden = 1");
  else if (filter->view == DESK_INBOX_VIEW_ATTENTION)
    g_string_append (sql, " AND n.hidden = 0 AND n.group_head = 1");
  if (after)
    g_string_append (sql, by_priority (filter) ? " AND (n.priority, n.created_at, n.id) < (:kp, :kat, :kid)"
                                               : " AND (n.created_at, n.id) < (:kat, :kid)");
}

static gboolean
count_direct (DeskStore              *self,
              const DeskInboxFilter  *filter,
              guint                  *count,
              GError                **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT (SELECT count (*)");
  sqlite3_stmt *stmt;

  append_conditions (sql, filter, FALSE);
  if (filter->view == DESK_INBOX_VIEW_ATTENTION)
    g_string_append (sql, " AND n.hidden = 0 AND n.group_head = 1");
  g_string_append_c (sql, ')');
  if (hidden_apart (filter))
    {
      g_string_append (sql, " + (SELECT count (*)");
      append_conditions (sql, filter, FALSE);
      g_string_append (sql, " AND n.hidden = 1)");
    }
  if ((stmt = _desk_store_prepare_built (self, sql->str, error)) == NULL)
    return FALSE;
  bind_filter (stmt, filter, NULL);
  return step_count (self, stmt, count, error);
}

/**
 * _desk_store_inbox_read_direct:
 * @after: (nullable): the key of the entry before the page (keyset
 *   paging: the query starts there along its index); %NULL: the start
 * @skip: entries to pass over after @after (a jump with no key at hand)
 *
 * Returns: (transfer full) (element-type DeskNotification): up to @limit
 *   entries of a direct view, in its order
 */
GPtrArray *
_desk_store_inbox_read_direct (DeskStore              *self,
                               const DeskInboxFilter  *filter,
                               const DeskInboxKey     *after,
                               guint                   skip,
                               guint                   limit,
                               GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  append_direct_select (sql, filter, FALSE, after != NULL);
  if (hidden_apart (filter))
    {
      g_string_append (sql, " UNION ALL ");
      append_direct_select (sql, filter, TRUE, after != NULL);
      /* A compound's order names its columns */
      g_string_append (sql, " ORDER BY priority DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset");
    }
  else
    g_string_append_printf (sql, " ORDER BY %s LIMIT :limit OFFSET :offset", order_of (filter, "n"));
  if ((stmt = _desk_store_prepare_built (self, sql->str, error)) == NULL)
    return NULL;
  bind_filter (stmt, filter, NULL);
  if (after != NULL)
    {
      bind_named_int (stmt, ":kp", after->priority);
      bind_named_int (stmt, ":kat", after->created_at);
      bind_named_int (stmt, ":kid", after->id);
    }
  bind_named_int (stmt, ":limit", limit);
  bind_named_int (stmt, ":offset", skip);
  return read_notifications (self, stmt, error);
}

/**
 * _desk_store_inbox_read_ids:
 * @ids: (array length=n_ids): notifications read before, in a view's order
 * @with_group_size: their group's size as group-count (the attention view)
 *
 * Returns: (transfer full) (element-type DeskNotification): the same
 *   notifications as they are now, in the same order; one deleted since
 *   is an empty item that keeps its place
 */
GPtrArray *
_desk_store_inbox_read_ids (DeskStore     *self,
                            const gint64  *ids,
                            guint          n_ids,
                            gboolean       with_group_size,
                            GError       **error)
{
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *result;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (list, ']');
  stmt = _desk_store_prepare (self,
                              "SELECT " NOTIFICATION_COLUMNS ", CASE WHEN ?2 THEN n.group_size ELSE 1 END"
                              " FROM notifications n WHERE n.id IN (SELECT value FROM json_each (?1))", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, list->str, (int) list->len, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, with_group_size);
  if ((rows = read_notifications (self, stmt, error)) == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      DeskNotification *n = g_ptr_array_index (rows, i);
      gint64 id = desk_notification_get_id (n);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), g_object_ref (n));
    }
  result = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      DeskNotification *n = g_hash_table_lookup (by_id, &ids[i]);

      g_ptr_array_add (result, n != NULL ? g_object_ref (n) : g_object_new (DESK_TYPE_NOTIFICATION, NULL));
    }
  return result;
}

/**
 * desk_store_count_inbox:
 *
 * Counts the entries of the view @filter asks for (a group counts one).
 */
gboolean
desk_store_count_inbox (DeskStore              *self,
                        const DeskInboxFilter  *filter,
                        guint                  *count,
                        GError                **error)
{
  g_autofree char *match = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if (!filter_is_valid (filter, error))
    return FALSE;
  if (_desk_store_inbox_is_direct (filter))
    return count_direct (self, filter, count, error);
  match = desk_inbox_filter_dup_match (filter->search);
  entries = build_entries (filter, match != NULL, FALSE);
  sql = g_strconcat ("SELECT count (*) FROM (", entries, ")", NULL);
  if ((stmt = _desk_store_prepare_built (self, sql, error)) == NULL)
    return FALSE;
  bind_filter (stmt, filter, match);
  return step_count (self, stmt, count, error);
}

/**
 * desk_store_query_inbox:
 *
 * Returns: (transfer full) (element-type DeskNotification): entries
 *   @offset to @offset + @limit of the view @filter asks for, in its order;
 *   a group is its newest member with its group-count
 */
GPtrArray *
desk_store_query_inbox (DeskStore              *self,
                        const DeskInboxFilter  *filter,
                        guint                   offset,
                        guint                   limit,
                        GError                **error)
{
  g_autofree char *match = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!filter_is_valid (filter, error))
    return NULL;
  if (_desk_store_inbox_is_direct (filter))
    return _desk_store_inbox_read_direct (self, filter, NULL, offset, limit, error);
  match = desk_inbox_filter_dup_match (filter->search);
  entries = build_entries (filter, match != NULL, TRUE);
  sql = g_strconcat ("SELECT " NOTIFICATION_COLUMNS ", e.cnt FROM (", entries,
                     " LIMIT :limit OFFSET :offset) e JOIN notifications n ON n.id = e.id ORDER BY ",
                     order_of (filter, "e"), NULL);
  if ((stmt = _desk_store_prepare_built (self, sql, error)) == NULL)
    return NULL;
  bind_filter (stmt, filter, match);
  bind_named_int (stmt, ":limit", limit);
  bind_named_int (stmt, ":offset", offset);
  return read_notifications (self, stmt, error);
}

/* Snapshots for DeskInboxModel: the view's order, computed once per
 * filter into a temporary table (never the main database's file), then
 * read a window at a time by position */

static char *
snapshot_table (guint slot)
{
  return g_strdup_printf ("temp.inbox_view_%u", slot);
}

gboolean
_desk_store_inbox_snapshot (DeskStore              *self,
                            guint                   slot,
                            const DeskInboxFilter  *filter,
                            guint                  *count,
                            GError                **error)
{
  g_autofree char *table = snapshot_table (slot);
  g_autofree char *create = g_strdup_printf ("CREATE TABLE IF NOT EXISTS %s (pos INTEGER PRIMARY KEY,"
                                             " id INTEGER NOT NULL, cnt INTEGER NOT NULL);"
                                             "DELETE FROM %s;", table, table);
  g_autofree char *match = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (!filter_is_valid (filter, error))
    return FALSE;
  match = desk_inbox_filter_dup_match (filter->search);
  entries = build_entries (filter, match != NULL, FALSE);
  sql = g_strdup_printf ("INSERT INTO %s (pos, id, cnt) SELECT row_number () OVER (ORDER BY %s) - 1, id, cnt FROM (%s)",
                         table, order_of (filter, ""), entries);

  /* A savepoint, not BEGIN IMMEDIATE: only the temporary table is written */
  if (!_desk_store_exec_sql (self, "SAVEPOINT inbox_snapshot", error))
    return FALSE;
  if (!_desk_store_exec_sql (self, create, error) ||
      (stmt = _desk_store_prepare_built (self, sql, error)) == NULL)
    goto failed;
  bind_filter (stmt, filter, match);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  *count = (guint) sqlite3_changes (self->db);
  return _desk_store_exec_sql (self, "RELEASE inbox_snapshot", error);

failed:
  _desk_store_exec_sql (self, "ROLLBACK TO inbox_snapshot; RELEASE inbox_snapshot", NULL);
  return FALSE;
}

GPtrArray *
_desk_store_inbox_read_window (DeskStore  *self,
                               guint       slot,
                               guint       offset,
                               guint       limit,
                               GError    **error)
{
  g_autofree char *table = snapshot_table (slot);
  g_autofree char *sql = g_strdup_printf ("SELECT " NOTIFICATION_COLUMNS ", v.cnt FROM %s v"
                                          " LEFT JOIN notifications n ON n.id = v.id"
                                          " WHERE v.pos >= ?1 AND v.pos < ?2 ORDER BY v.pos", table);
  sqlite3_stmt *stmt = _desk_store_prepare_built (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, offset);
  sqlite3_bind_int64 (stmt, 2, (gint64) offset + limit);
  return read_notifications (self, stmt, error);
}

void
_desk_store_inbox_drop_snapshot (DeskStore *self,
                                 guint      slot)
{
  g_autofree char *table = snapshot_table (slot);
  g_autofree char *sql = g_strdup_printf ("DROP TABLE IF EXISTS %s", table);
  GHashTableIter iter;
  const char *key;

  /* Its statements first: a prepared statement keeps a table in use */
  g_hash_table_iter_init (&iter, self->built_statements);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (strstr (key, table) != NULL)
      g_hash_table_iter_remove (&iter);
  _desk_store_exec_sql (self, sql, NULL);
}

/* Triage */

static gboolean
update_notification (DeskStore   *self,
                     const char  *sql,
                     gint64       id,
                     gboolean     is_text,
                     gint64       number,
                     const char  *text,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_desk_store_begin (self, error))
    return FALSE;
  if ((stmt = _desk_store_prepare (self, sql, error)) == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (is_text)
    _desk_store_bind_text_or_null (stmt, 2, text);
  else
    sqlite3_bind_int64 (stmt, 2, number);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("The notification %s does not exist."), number);
      goto failed;
    }
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

gboolean
desk_store_set_notification_read (DeskStore *self, gint64 id, gboolean read, GError **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return update_notification (self, "UPDATE notifications SET read = ?2 WHERE id = ?1", id, FALSE, read != 0, NULL, error);
}

/**
 * desk_store_set_group_read:
 * @id: any member of a group of likes, follows or reposts
 *
 * Marks every member of the group of @id (same channel, kind and subject)
 * read or unread; for another kind, @id alone.
 */
gboolean
desk_store_set_group_read (DeskStore *self, gint64 id, gboolean read, GError **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return update_notification (self,
                              "UPDATE notifications SET read = ?2 WHERE id = ?1 OR (kind IN " GROUPED_KINDS " AND"
                              " (channel_id, kind, coalesce (subject, '')) = (SELECT channel_id, kind, coalesce (subject, '')"
                              " FROM notifications WHERE id = ?1))", id, FALSE, read != 0, NULL, error);
}

/* Read markers: how far an account's notifications are read, sent back
 * to the network (desk-pull.c) */

/* Where the marker last sent to the account of @channel_id stands, as
 * (created_at, id): the notification it names (Mastodon: its id), or its
 * time (Bluesky: a seenAt); (-1, -1) when none was sent */
static gboolean
read_marker_threshold (DeskStore  *self,
                       gint64      channel_id,
                       gint64     *at,
                       gint64     *id,
                       GError    **error)
{
  g_autofree char *marker = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *at = *id = -1;
  stmt = _desk_store_prepare (self, "SELECT read_marker FROM accounts WHERE channel_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    marker = g_strdup (_desk_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _desk_store_set_sqlite_error (self, rc, error);
  if (marker == NULL)
    return TRUE;

  stmt = _desk_store_prepare (self, "SELECT created_at, id FROM notifications WHERE channel_id = ?1 AND remote_id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  sqlite3_bind_text (stmt, 2, marker, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *at = sqlite3_column_int64 (stmt, 0);
      *id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _desk_store_set_sqlite_error (self, rc, error);
  if (rc == SQLITE_DONE)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (marker, NULL);

      if (time != NULL)
        {
          *at = g_date_time_to_unix (time);
          *id = G_MAXINT64;
        }
    }
  return TRUE;
}

/**
 * desk_store_get_read_position:
 * @channel_id: the account's channel
 * @remote_id: (out) (transfer full) (nullable): the network's id of the
 *   notification read up to, or %NULL when there is nothing new to send
 * @read_at: (out) (transfer full) (optional) (nullable): its time
 *
 * How far the account's notifications are read, to be sent to the
 * network: the newest read notification before which every one is read
 * too (hidden ones aside: the user chose not to see them), so that a
 * network's "read up to here" never marks read what the user has not
 * seen. Nothing when that is not past the marker sent last
 * (desk_store_set_account_read_marker ()): a marker only moves forward,
 * and is sent once.
 */
gboolean
desk_store_get_read_position (DeskStore  *self,
                              gint64      channel_id,
                              char      **remote_id,
                              GDateTime **read_at,
                              GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 at, id;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (remote_id != NULL, FALSE);

  *remote_id = NULL;
  if (read_at != NULL)
    *read_at = NULL;
  if (!read_marker_threshold (self, channel_id, &at, &id, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              "WITH u AS (SELECT created_at AS c, id AS i FROM notifications"
                              "           WHERE channel_id = ?1 AND read = 0 AND hidden = 0"
                              "           ORDER BY created_at, id LIMIT 1)"
                              " SELECT n.remote_id, n.created_at FROM notifications n"
                              " WHERE n.channel_id = ?1 AND n.read = 1 AND n.remote_id IS NOT NULL"
                              " AND (n.created_at, n.id) > (?2, ?3)"
                              " AND NOT EXISTS (SELECT 1 FROM u WHERE (u.c, u.i) < (n.created_at, n.id))"
                              " ORDER BY n.created_at DESC, n.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  sqlite3_bind_int64 (stmt, 2, at);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *remote_id = g_strdup (_desk_store_column_text (stmt, 0));
      if (read_at != NULL)
        *read_at = _desk_store_column_time (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_clear_pointer (remote_id, g_free);
      if (read_at != NULL)
        g_clear_pointer (read_at, g_date_time_unref);
      return _desk_store_set_sqlite_error (self, rc, error);
    }
  return TRUE;
}

gboolean
desk_store_set_notification_starred (DeskStore *self, gint64 id, gboolean starred, GError **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return update_notification (self, "UPDATE notifications SET starred = ?2 WHERE id = ?1", id, FALSE, starred != 0, NULL, error);
}

/* Hidden or shown: its group (likes, follows, reposts) counted again */
gboolean
desk_store_set_notification_hidden (DeskStore *self, gint64 id, gboolean hidden, GError **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  if (!_desk_store_begin (self, error))
    return FALSE;
  if (!update_notification (self, "UPDATE notifications SET hidden = ?2 WHERE id = ?1", id, FALSE, hidden != 0, NULL, error) ||
      !regroup (self, id, error))
    {
      _desk_store_rollback (self);
      return FALSE;
    }
  return _desk_store_commit (self, error);
}

/* @assignee: a team member's name; NULL or "": nobody */
gboolean
desk_store_set_notification_assignee (DeskStore *self, gint64 id, const char *assignee, GError **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return update_notification (self, "UPDATE notifications SET assignee = nullif (?2, '') WHERE id = ?1", id, TRUE, 0,
                              assignee, error);
}

/* @note: the team's internal note, never sent; NULL or "": none */
gboolean
desk_store_set_notification_note (DeskStore *self, gint64 id, const char *note, GError **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return update_notification (self, "UPDATE notifications SET note = nullif (?2, '') WHERE id = ?1", id, TRUE, 0, note, error);
}

gboolean
desk_store_set_notification_status (DeskStore *self, gint64 id, DeskNotificationStatus status, GError **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status <= DESK_NOTIFICATION_STATUS_LAST, FALSE);
  return update_notification (self, "UPDATE notifications SET status = ?2 WHERE id = ?1", id, TRUE, 0,
                              desk_notification_status_to_id (status), error);
}

static gboolean
rescore_one (DeskStore  *self,
             gint64      id,
             GError    **error)
{
  DeskNotificationKind kind = DESK_NOTIFICATION_KIND_MENTION;
  DeskModerationFlag flag = DESK_MODERATION_FLAG_NONE;
  sqlite3_stmt *stmt;
  int priority = 0;
  int rc;

  stmt = _desk_store_prepare (self, "SELECT kind, text, tone, flag FROM notifications WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      desk_notification_kind_from_id (_desk_store_column_text (stmt, 0), &kind);
      desk_moderation_flag_from_id (_desk_store_column_text (stmt, 3), &flag);
      priority = desk_inbox_order_priority (kind, _desk_store_column_text (stmt, 1), sqlite3_column_double (stmt, 2), flag);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _desk_store_set_sqlite_error (self, rc, error);
  return update_notification (self, "UPDATE notifications SET priority = ?2 WHERE id = ?1", id, FALSE, priority, NULL, error);
}

/* A flag set by hand: it moves the item as the rule says (desk-inbox-order.h) */
gboolean
desk_store_set_notification_flag (DeskStore *self, gint64 id, DeskModerationFlag flag, GError **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) flag <= DESK_MODERATION_FLAG_LAST, FALSE);
  if (!_desk_store_begin (self, error))
    return FALSE;
  if (!update_notification (self, "UPDATE notifications SET flag = ?2 WHERE id = ?1", id, TRUE, 0,
                            flag != DESK_MODERATION_FLAG_NONE ? desk_moderation_flag_to_id (flag) : NULL, error) ||
      !rescore_one (self, id, error))
    {
      _desk_store_rollback (self);
      return FALSE;
    }
  return _desk_store_commit (self, error);
}

/* Crisis */

/**
 * desk_store_count_negative_hourly:
 * @end: the end of the last hour
 *
 * Returns: (transfer full) (element-type guint): the brand's negative
 *   conversations (desk-tone.h) per hour for the @n_hours hours before
 *   @end, oldest first: the series desk_crisis_detect () reads
 */
GArray *
desk_store_count_negative_hourly (DeskStore  *self,
                                  gint64      brand_id,
                                  GDateTime  *end,
                                  guint       n_hours,
                                  GError    **error)
{
  g_autoptr(GArray) counts = NULL;
  gint64 end_unix;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (end != NULL, NULL);

  counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (counts, n_hours);
  end_unix = g_date_time_to_unix (end);
  stmt = _desk_store_prepare (self,
                              "SELECT (?2 - n.created_at - 1) / 3600, count (*)"
                              " FROM notifications n JOIN channels c ON c.id = n.channel_id"
                              " WHERE c.brand_id = ?1 AND n.created_at < ?2 AND n.created_at >= ?2 - ?3 * 3600"
                              " AND n.tone >= ?4 AND n.kind IN " CONVERSATION_KINDS
                              " GROUP BY 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_int64 (stmt, 2, end_unix);
  sqlite3_bind_int64 (stmt, 3, n_hours);
  sqlite3_bind_double (stmt, 4, DESK_TONE_NEGATIVE_THRESHOLD);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ago = sqlite3_column_int64 (stmt, 0);

      if (ago >= 0 && ago < n_hours)
        g_array_index (counts, guint, n_hours - 1 - ago) = (guint) sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
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

/* What the inbox page needs besides its list */

/**
 * desk_store_count_unread:
 * @brand_id: a brand, or 0 for every brand
 *
 * Counts the unread notifications that are not hidden (each like counts):
 * the Inbox's badge.
 */
gboolean
desk_store_count_unread (DeskStore  *self,
                         gint64      brand_id,
                         guint      *count,
                         GError    **error)
{
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  filter->brand_id = brand_id;
  filter->view = DESK_INBOX_VIEW_UNREAD;
  return count_direct (self, filter, count, error);
}

/**
 * desk_store_get_thread:
 *
 * Returns: (transfer full) (element-type DeskNotification): the
 *   conversation of notification @id, oldest first: on its channel, the
 *   notifications answering the same post (in_reply_to) or about the same
 *   post (subject), the one it answers and those answering it; @id
 *   included. DESK_STORE_ERROR_NOT_FOUND when @id does not exist.
 */
GPtrArray *
desk_store_get_thread (DeskStore  *self,
                       gint64      id,
                       GError    **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                              "SELECT " NOTIFICATION_COLUMNS " FROM notifications x, notifications n"
                              " WHERE x.id = ?1 AND n.channel_id = x.channel_id AND (n.id = x.id"
                              "  OR n.in_reply_to = x.in_reply_to OR n.remote_id = x.in_reply_to OR n.in_reply_to = x.remote_id"
                              "  OR (n.kind IN " CONVERSATION_KINDS " AND (n.subject = x.subject OR n.subject = x.in_reply_to)))"
                              " ORDER BY n.created_at, n.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rows = read_notifications (self, stmt, error)) == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("The notification %s does not exist."), number);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Saved replies */

/**
 * desk_store_list_saved_replies:
 *
 * Returns: (transfer full) (element-type DeskSavedReply): the brand's
 *   saved replies, by title
 */
GPtrArray *
desk_store_list_saved_replies (DeskStore  *self,
                               gint64      brand_id,
                               GError    **error)
{
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_saved_reply_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                              "SELECT id, brand_id, title, body, created_at FROM saved_replies WHERE brand_id = ?1"
                              " ORDER BY title COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskSavedReply *reply = desk_saved_reply_new (sqlite3_column_int64 (stmt, 1), _desk_store_column_text (stmt, 2),
                                                    _desk_store_column_text (stmt, 3));

      reply->id = sqlite3_column_int64 (stmt, 0);
      reply->created_at = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (replies, reply);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&replies);
}

/**
 * desk_store_save_saved_reply:
 *
 * Adds @reply (its id 0; it gets its id and creation time) or updates its
 * title and body. A title without a letter is refused
 * (DESK_STORE_ERROR_INVALID).
 */
gboolean
desk_store_save_saved_reply (DeskStore       *self,
                             DeskSavedReply  *reply,
                             GError         **error)
{
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;
  gint64 now = _desk_store_now_unix ();

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (reply != NULL, FALSE);

  title = g_strstrip (g_strdup (reply->title != NULL ? reply->title : ""));
  if (title[0] == '\0' || !g_utf8_validate (title, -1, NULL) ||
      (reply->body != NULL && !g_utf8_validate (reply->body, -1, NULL)))
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID, _("A saved reply needs a title."));
      return FALSE;
    }
  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              reply->id == 0
                                ? "INSERT INTO saved_replies (brand_id, title, body, created_at) VALUES (?2, ?3, ?4, ?5)"
                                : "UPDATE saved_replies SET title = ?3, body = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, reply->id);
  sqlite3_bind_int64 (stmt, 2, reply->brand_id);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  _desk_store_bind_text_or_empty (stmt, 4, reply->body);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("This saved reply no longer exists."));
      goto failed;
    }
  if (!_desk_store_commit (self, error))
    return FALSE;
  if (reply->id == 0)
    {
      reply->id = sqlite3_last_insert_rowid (self->db);
      reply->created_at = now;
    }
  g_free (reply->title);
  reply->title = g_steal_pointer (&title);
  return TRUE;

failed:
  _desk_store_rollback (self);
  return FALSE;
}

gboolean
desk_store_delete_saved_reply (DeskStore  *self,
                               gint64      reply_id,
                               GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self, "DELETE FROM saved_replies WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, reply_id);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}
