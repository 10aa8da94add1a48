/* desk-store-moderation.c: the brand's moderation rules applied to what
 * the inbox holds already
 *
 * Part of DeskStore (desk-store.c); its private parts are in
 * desk-store-private.h. New notifications are flagged as they are stored
 * (desk-store-inbox.c); a rule added later flags the ones already there
 * with this, in one transaction. A flag set by hand is never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include "desk-inbox-order.h"
#include "desk-moderation.h"
#include "desk-store-private.h"

typedef struct
{
  gint64             id;
  DeskModerationFlag flag;
  int                priority;
} Flagged;

/**
 * desk_store_apply_moderation:
 * @n_flagged: (out) (optional): how many notifications the rules flagged
 *
 * Flags the brand's unflagged conversations (mentions, replies, comments,
 * quotes, messages) that its rules match, and moves them as the attention
 * order says (desk-inbox-order.h).
 */
gboolean
desk_store_apply_moderation (DeskStore  *self,
                             gint64      brand_id,
                             guint      *n_flagged,
                             GError    **error)
{
  g_autoptr(DeskModeration) moderation = NULL;
  g_autoptr(GArray) flagged = g_array_new (FALSE, FALSE, sizeof (Flagged));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (n_flagged != NULL)
    *n_flagged = 0;
  if ((moderation = desk_store_load_moderation (self, brand_id, error)) == NULL)
    return FALSE;
  if (desk_moderation_get_n_rules (moderation) == 0)
    return TRUE;
  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              "SELECT n.id, n.kind, n.text, n.tone FROM notifications n"
                              " JOIN channels c ON c.id = n.channel_id"
                              " WHERE c.brand_id = ?1 AND n.flag IS NULL"
                              " AND n.kind IN ('dm', 'mention', 'reply', 'comment', 'quote')", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = _desk_store_column_text (stmt, 2);
      Flagged row = { sqlite3_column_int64 (stmt, 0), desk_moderation_check (moderation, text), 0 };
      DeskNotificationKind kind = DESK_NOTIFICATION_KIND_MENTION;

      if (row.flag == DESK_MODERATION_FLAG_NONE)
        continue;
      desk_notification_kind_from_id (_desk_store_column_text (stmt, 1), &kind);
      row.priority = desk_inbox_order_priority (kind, text, sqlite3_column_double (stmt, 3), row.flag);
      g_array_append_val (flagged, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      goto failed;
    }
  stmt = _desk_store_prepare (self, "UPDATE notifications SET flag = ?2, priority = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < flagged->len; i++)
    {
      Flagged *row = &g_array_index (flagged, Flagged, i);

      sqlite3_bind_int64 (stmt, 1, row->id);
      sqlite3_bind_text (stmt, 2, desk_moderation_flag_to_id (row->flag), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, row->priority);
      if (!_desk_store_step_done (self, stmt, error))
        goto failed;
    }
  if (!_desk_store_commit (self, error))
    return FALSE;
  if (n_flagged != NULL)
    *n_flagged = flagged->len;
  return TRUE;

failed:
  _desk_store_rollback (self);
  return FALSE;
}
