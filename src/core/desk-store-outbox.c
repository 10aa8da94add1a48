/* desk-store-outbox.c: accounts and the outbox
 *
 * An account ties a channel to a server; its secret is in the keyring,
 * found by a random key, never in this file.
 *
 * The outbox is the record of every send, so that a post is never sent
 * twice and never lost: a send is queued with an idempotency key chosen
 * once (a UUID), marked "sending" in its own transaction *before* the
 * request, and its outcome recorded in another *after* it. A crash in
 * between leaves it "sending": the next run tries again with the same
 * key, which the network deduplicates (Mastodon's Idempotency-Key,
 * Bluesky's record key, WordPress's slug).
 *
 * desk_store_queue_posts () makes the outbox follow the calendar: a post
 * scheduled on a channel with an account gets a send; one moved updates
 * its send, or, when a server already holds it, takes it back
 * ("cancelling") and queues another; one unscheduled, deleted or taken
 * off the channel has its send cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-post-private.h"
#include "desk-store-private.h"
#include "desk-text-count.h"

void
desk_account_free (DeskAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->secret_key);
  g_free (account->server);
  g_free (account->user_name);
  g_free (account->remote_id);
  g_free (account->remote_handle);
  g_free (account->display_name);
  g_free (account->last_error);
  g_free (account->pull_cursor);
  g_free (account->read_marker);
  g_free (account);
}

void
desk_outbox_item_free (DeskOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->idempotency_key);
  g_free (item->remote_id);
  g_free (item->remote_url);
  g_free (item->last_error);
  g_free (item->body);
  g_free (item->reply_to_id);
  g_free (item->reply_to_cid);
  g_free (item->reply_root_id);
  g_free (item->reply_root_cid);
  g_free (item->reply_handle);
  g_free (item);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : g_strdup (_desk_store_column_text (stmt, column));
}

/* Accounts */

#define ACCOUNT_COLUMNS \
  "id, channel_id, secret_key, server, user_name, remote_id, remote_handle, display_name, state, last_error," \
  " pull_cursor, connected_at, read_marker"

static DeskAccount *
account_from_row (sqlite3_stmt *stmt)
{
  DeskAccount *account = g_new0 (DeskAccount, 1);

  account->id = sqlite3_column_int64 (stmt, 0);
  account->channel_id = sqlite3_column_int64 (stmt, 1);
  account->secret_key = dup_column (stmt, 2);
  account->server = dup_column (stmt, 3);
  account->user_name = dup_column (stmt, 4);
  account->remote_id = dup_column (stmt, 5);
  account->remote_handle = dup_column (stmt, 6);
  account->display_name = dup_column (stmt, 7);
  account->needs_reconnect = g_strcmp0 (_desk_store_column_text (stmt, 8), "reconnect") == 0;
  account->last_error = dup_column (stmt, 9);
  account->pull_cursor = dup_column (stmt, 10);
  account->connected_at = sqlite3_column_int64 (stmt, 11);
  account->read_marker = dup_column (stmt, 12);
  return account;
}

/* Rows of @stmt (bound) as a list of @row's */
static GPtrArray *
collect (DeskStore       *self,
         sqlite3_stmt    *stmt,
         gpointer       (*row) (sqlite3_stmt *),
         GDestroyNotify   free_func,
         GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * desk_store_get_account:
 *
 * Returns: (transfer full): the account of channel @channel_id, or %NULL
 *   with DESK_STORE_ERROR_NOT_FOUND when it has none
 */
DeskAccount *
desk_store_get_account (DeskStore  *self,
                        gint64      channel_id,
                        GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self, "SELECT " ACCOUNT_COLUMNS " FROM accounts WHERE channel_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  rows = collect (self, stmt, (gpointer) account_from_row, (GDestroyNotify) desk_account_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                           _("This channel has no account connected."));
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/**
 * desk_store_list_accounts:
 *
 * Returns: (transfer full) (element-type DeskAccount): every account, by channel
 */
GPtrArray *
desk_store_list_accounts (DeskStore  *self,
                          GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self, "SELECT " ACCOUNT_COLUMNS " FROM accounts ORDER BY channel_id", error);
  if (stmt == NULL)
    return NULL;
  return collect (self, stmt, (gpointer) account_from_row, (GDestroyNotify) desk_account_free, error);
}

/**
 * desk_store_save_account:
 *
 * Connects @account's channel (replacing the account it had); in one
 * transaction. The caller keeps the secret in the keyring first.
 */
gboolean
desk_store_save_account (DeskStore    *self,
                         DeskAccount  *account,
                         GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (account != NULL && account->secret_key != NULL && account->server != NULL, FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              "INSERT INTO accounts (channel_id, secret_key, server, user_name, remote_id, remote_handle,"
                              " display_name, state, last_error, pull_cursor, connected_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                              " ON CONFLICT (channel_id) DO UPDATE SET secret_key = ?2, server = ?3, user_name = ?4,"
                              " remote_id = ?5, remote_handle = ?6, display_name = ?7, state = ?8, last_error = ?9,"
                              " pull_cursor = ?10, connected_at = ?11", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account->channel_id);
  sqlite3_bind_text (stmt, 2, account->secret_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, account->server, -1, SQLITE_TRANSIENT);
  _desk_store_bind_text_or_empty (stmt, 4, account->user_name);
  _desk_store_bind_text_or_null (stmt, 5, account->remote_id);
  _desk_store_bind_text_or_empty (stmt, 6, account->remote_handle);
  _desk_store_bind_text_or_empty (stmt, 7, account->display_name);
  sqlite3_bind_text (stmt, 8, account->needs_reconnect ? "reconnect" : "connected", -1, SQLITE_STATIC);
  _desk_store_bind_text_or_null (stmt, 9, account->last_error);
  _desk_store_bind_text_or_null (stmt, 10, account->pull_cursor);
  if (account->connected_at == 0)
    account->connected_at = _desk_store_now_unix ();
  sqlite3_bind_int64 (stmt, 11, account->connected_at);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  stmt = _desk_store_prepare (self, "SELECT id FROM accounts WHERE channel_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account->channel_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    account->id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/* One UPDATE or DELETE of one row, ?1 the channel; NOT_FOUND when none */
static gboolean
change_account (DeskStore   *self,
                const char  *sql,
                gint64       channel_id,
                const char  *text2,
                const char  *text3,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    _desk_store_bind_text_or_null (stmt, 2, text2);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    _desk_store_bind_text_or_null (stmt, 3, text3);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                           _("This channel has no account connected."));
      goto failed;
    }
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/* Disconnects channel @channel_id; the caller removes the secret */
gboolean
desk_store_delete_account (DeskStore  *self,
                           gint64      channel_id,
                           GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return change_account (self, "DELETE FROM accounts WHERE channel_id = ?1", channel_id, NULL, NULL, error);
}

/* A secret that stopped working: "Reconnect", with the server's reason */
gboolean
desk_store_set_account_state (DeskStore   *self,
                              gint64       channel_id,
                              gboolean     needs_reconnect,
                              const char  *error_text,
                              GError     **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return change_account (self, "UPDATE accounts SET state = ?2, last_error = ?3 WHERE channel_id = ?1", channel_id,
                         needs_reconnect ? "reconnect" : "connected", error_text, error);
}

gboolean
desk_store_set_account_cursor (DeskStore   *self,
                               gint64       channel_id,
                               const char  *cursor,
                               GError     **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return change_account (self, "UPDATE accounts SET pull_cursor = ?2 WHERE channel_id = ?1", channel_id, cursor, NULL,
                         error);
}

/**
 * desk_store_set_account_read_marker:
 * @marker: what the network was told: Mastodon's last_read_id, Bluesky's
 *   seenAt (ISO 8601)
 *
 * Keeps the read marker sent last to the account of @channel_id, so that
 * it is not sent again (desk_store_get_read_position ()).
 */
gboolean
desk_store_set_account_read_marker (DeskStore   *self,
                                    gint64       channel_id,
                                    const char  *marker,
                                    GError     **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  return change_account (self, "UPDATE accounts SET read_marker = ?2 WHERE channel_id = ?1", channel_id, marker, NULL,
                         error);
}

/* The outbox */

#define ITEM_COLUMNS \
  "id, post_id, channel_id, state, attempts, next_attempt_at, scheduled_for, idempotency_key, remote_id," \
  " remote_url, last_error, updated_at, action, created_at, notification_id, body," \
  " (SELECT n.status_id FROM notifications n WHERE n.id = outbox.notification_id)," \
  " (SELECT n.status_cid FROM notifications n WHERE n.id = outbox.notification_id)," \
  " (SELECT n.root_id FROM notifications n WHERE n.id = outbox.notification_id)," \
  " (SELECT n.root_cid FROM notifications n WHERE n.id = outbox.notification_id)," \
  " (SELECT n.handle FROM notifications n WHERE n.id = outbox.notification_id)," \
  " (SELECT n.kind = 'dm' FROM notifications n WHERE n.id = outbox.notification_id)"

static DeskOutboxItem *
item_from_row (sqlite3_stmt *stmt)
{
  DeskOutboxItem *item = g_new0 (DeskOutboxItem, 1);
  DeskOutboxState state = DESK_OUTBOX_STATE_QUEUED;

  desk_outbox_state_from_id (_desk_store_column_text (stmt, 3), &state);
  item->id = sqlite3_column_int64 (stmt, 0);
  item->post_id = sqlite3_column_int64 (stmt, 1);
  item->channel_id = sqlite3_column_int64 (stmt, 2);
  item->state = state;
  item->attempts = (guint) sqlite3_column_int (stmt, 4);
  item->next_attempt_at = sqlite3_column_int64 (stmt, 5);
  item->scheduled_for = sqlite3_column_int64 (stmt, 6);
  item->idempotency_key = dup_column (stmt, 7);
  item->remote_id = dup_column (stmt, 8);
  item->remote_url = dup_column (stmt, 9);
  item->last_error = dup_column (stmt, 10);
  item->updated_at = sqlite3_column_int64 (stmt, 11);
  item->by_hand = g_strcmp0 (_desk_store_column_text (stmt, 12), "remind") == 0;
  item->created_at = sqlite3_column_int64 (stmt, 13);
  item->notification_id = sqlite3_column_int64 (stmt, 14);
  item->body = dup_column (stmt, 15);
  item->reply_to_id = dup_column (stmt, 16);
  item->reply_to_cid = dup_column (stmt, 17);
  item->reply_root_id = dup_column (stmt, 18);
  item->reply_root_cid = dup_column (stmt, 19);
  item->reply_handle = dup_column (stmt, 20);
  item->reply_private = sqlite3_column_int (stmt, 21) != 0;
  return item;
}

/**
 * desk_store_list_outbox:
 * @channel_id: one channel's sends, or 0 for all
 *
 * Returns: (transfer full) (element-type DeskOutboxItem): in the order
 *   they were queued
 */
GPtrArray *
desk_store_list_outbox (DeskStore  *self,
                        gint64      channel_id,
                        GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self, "SELECT " ITEM_COLUMNS " FROM outbox WHERE ?1 = 0 OR channel_id = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  return collect (self, stmt, (gpointer) item_from_row, (GDestroyNotify) desk_outbox_item_free, error);
}

DeskOutboxItem *
desk_store_get_outbox_item (DeskStore  *self,
                            gint64      item_id,
                            GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self, "SELECT " ITEM_COLUMNS " FROM outbox WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rows = collect (self, stmt, (gpointer) item_from_row, (GDestroyNotify) desk_outbox_item_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("This send no longer exists."));
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* Runs @sql with ?1 = @a, ?2 = @b, ?3 = @text and ?4 = now (those it uses) */
static gboolean
exec_ids (DeskStore   *self,
          const char  *sql,
          gint64       a,
          gint64       b,
          const char  *text,
          GError     **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  /* An index the statement does not use is bound to nothing */
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  _desk_store_bind_text_or_null (stmt, 3, text);
  sqlite3_bind_int64 (stmt, 4, _desk_store_now_unix ());
  return _desk_store_step_done (self, stmt, error);
}

static gboolean
queue_send (DeskStore  *self,
            gint64      post_id,
            gint64      channel_id,
            gint64      scheduled_for,
            gboolean    by_hand,
            GError    **error)
{
  g_autofree char *key = g_uuid_string_random ();

  return exec_ids (self,
                   by_hand ? "INSERT INTO outbox (post_id, channel_id, action, state, scheduled_for, idempotency_key,"
                             " created_at, updated_at) VALUES (?1, ?2, 'remind', 'queued', NULL, ?3, ?4, ?4)"
                           : "INSERT INTO outbox (post_id, channel_id, action, state, scheduled_for, idempotency_key,"
                             " created_at, updated_at) VALUES (?1, ?2, 'publish', 'queued', NULL, ?3, ?4, ?4)",
                   post_id, channel_id, key, error) &&
         exec_ids (self, "UPDATE outbox SET scheduled_for = ?2 WHERE idempotency_key = ?3",
                   0, scheduled_for, key, error);
}

/**
 * desk_store_queue_posts:
 * @n_changed: (out) (optional): how many sends were queued, moved or
 *   cancelled
 *
 * Makes the outbox follow the calendar (see the top of this file); in
 * one transaction.
 */
gboolean
desk_store_queue_posts (DeskStore  *self,
                        guint      *n_changed,
                        GError    **error)
{
  sqlite3_stmt *stmt;
  guint changed = 0;
  int rc;
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64) * 5);

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;

  /* Every scheduled post on a channel with an account, with its last
   * send there (not a failed one: that waits for Retry) */
  stmt = _desk_store_prepare (self,
                              "SELECT p.id, v.channel_id, p.scheduled_at, p.updated_at, c.network, a.id IS NOT NULL"
                              " FROM posts p JOIN post_variants v ON v.post_id = p.id"
                              " JOIN channels c ON c.id = v.channel_id"
                              " LEFT JOIN accounts a ON a.channel_id = v.channel_id"
                              " WHERE p.status = 'scheduled' AND p.scheduled_at IS NOT NULL", error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskNetwork network = DESK_NETWORK_OTHER;
      gboolean has_account = sqlite3_column_int (stmt, 5);
      gboolean by_hand;
      gint64 row[5];

      desk_network_from_id (_desk_store_column_text (stmt, 4), &network);
      /* A network the app publishes to needs an account; one published by
       * hand gets a reminder at its time */
      by_hand = desk_network_is_prepare_only (network);
      if (!by_hand && !has_account)
        continue;
      row[0] = sqlite3_column_int64 (stmt, 0);
      row[1] = sqlite3_column_int64 (stmt, 1);
      row[2] = sqlite3_column_int64 (stmt, 2);
      row[3] = sqlite3_column_int64 (stmt, 3);
      row[4] = by_hand;
      g_array_append_vals (wanted, row, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      goto failed;
    }

  for (guint i = 0; i < wanted->len; i++)
    {
      gint64 *row = &g_array_index (wanted, gint64, i * 5);
      gint64 post_id = row[0], channel_id = row[1], at = row[2], post_updated = row[3];
      gboolean by_hand = row[4];
      DeskOutboxState state = DESK_OUTBOX_STATE_CANCELLED;
      gint64 item_id = 0, scheduled_for = 0, item_updated = 0;

      stmt = _desk_store_prepare (self,
                                  "SELECT id, state, scheduled_for, updated_at FROM outbox"
                                  " WHERE post_id = ?1 AND channel_id = ?2 AND state NOT IN ('cancelled', 'cancelling')"
                                  " ORDER BY id DESC LIMIT 1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, post_id);
      sqlite3_bind_int64 (stmt, 2, channel_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          item_id = sqlite3_column_int64 (stmt, 0);
          desk_outbox_state_from_id (_desk_store_column_text (stmt, 1), &state);
          scheduled_for = sqlite3_column_int64 (stmt, 2);
          item_updated = sqlite3_column_int64 (stmt, 3);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _desk_store_set_sqlite_error (self, rc, error);
          goto failed;
        }

      switch (state)
        {
        case DESK_OUTBOX_STATE_CANCELLED:   /* none yet */
        case DESK_OUTBOX_STATE_CANCELLING:
          if (!queue_send (self, post_id, channel_id, at, by_hand, error))
            goto failed;
          changed++;
          break;
        case DESK_OUTBOX_STATE_QUEUED:
          /* Moved before it was sent: it goes at the new time */
          if (scheduled_for != at)
            {
              if (!exec_ids (self, "UPDATE outbox SET scheduled_for = ?2, next_attempt_at = NULL, updated_at = ?4"
                                   " WHERE id = ?1", item_id, at, NULL, error))
                goto failed;
              changed++;
            }
          break;
        case DESK_OUTBOX_STATE_SCHEDULED:
          /* Moved or edited while a server holds it: taken back, sent anew */
          if (scheduled_for != at || post_updated > item_updated)
            {
              if (!exec_ids (self, "UPDATE outbox SET state = 'cancelling', updated_at = ?4"
                                   " WHERE id = ?1", item_id, 0, NULL, error) ||
                  !queue_send (self, post_id, channel_id, at, by_hand, error))
                goto failed;
              changed++;
            }
          break;
        case DESK_OUTBOX_STATE_SENDING:
        case DESK_OUTBOX_STATE_PUBLISHED:
        case DESK_OUTBOX_STATE_FAILED:
        default:
          break;
        }
    }

  /* Sends whose post is no longer scheduled there: not sent, or taken
   * back (replies follow no post) */
  stmt = _desk_store_prepare (self,
                              "UPDATE outbox SET state = CASE state WHEN 'scheduled' THEN 'cancelling' ELSE 'cancelled' END,"
                              " updated_at = ?1"
                              " WHERE state IN ('queued', 'scheduled') AND action != 'reply' AND NOT EXISTS"
                              " (SELECT 1 FROM posts p JOIN post_variants v ON v.post_id = p.id"
                              "  WHERE p.id = outbox.post_id AND v.channel_id = outbox.channel_id"
                              "  AND p.status IN ('scheduled', 'failed') AND p.scheduled_at IS NOT NULL)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, _desk_store_now_unix ());
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  changed += (guint) sqlite3_changes (self->db);

  if (changed > 0)
    self->outbox_changed = TRUE;
  if (!_desk_store_commit (self, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/**
 * desk_store_outbox_begin_send:
 *
 * Records that send @item_id is going out, before the request: a crash
 * from here on leaves it "sending", and the next run repeats it with the
 * same idempotency key.
 */
gboolean
desk_store_outbox_begin_send (DeskStore  *self,
                              gint64      item_id,
                              GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  if (!exec_ids (self, "UPDATE outbox SET state = CASE state WHEN 'cancelling' THEN 'cancelling' ELSE 'sending' END,"
                       " attempts = attempts + 1, updated_at = ?4 WHERE id = ?1",
                 item_id, 0, NULL, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("This send no longer exists."));
      goto failed;
    }
  self->outbox_changed = TRUE;
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/* Moves post @post_id from @from to @to, through the store so that the
 * calendar's card follows; nothing when it is in another status */
static gboolean
set_post_status (DeskStore       *self,
                 gint64           post_id,
                 DeskPostStatus   from,
                 DeskPostStatus   to,
                 GError         **error)
{
  g_autoptr(DeskPost) post = desk_store_get_post (self, post_id, NULL);

  if (post == NULL || desk_post_get_status (post) != from)
    return TRUE;
  desk_post_set_status (post, to);
  return desk_store_save_post (self, post, error);
}

/* When every send of @post_id went out, the post is published */
static gboolean
maybe_mark_published (DeskStore  *self,
                      gint64      post_id,
                      GError    **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (self,
                                            "SELECT count(*) FROM outbox WHERE post_id = ?1"
                                            " AND state IN ('queued', 'sending', 'scheduled', 'failed')", error);
  g_autoptr(DeskPost) post = NULL;
  gint64 waiting = 1;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, post_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    waiting = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (waiting > 0)
    return TRUE;
  post = desk_store_get_post (self, post_id, NULL);
  if (post == NULL || desk_post_get_status (post) == DESK_POST_STATUS_PUBLISHED)
    return TRUE;
  /* Through the store, so the calendar's card changes too */
  desk_post_set_status (post, DESK_POST_STATUS_PUBLISHED);
  return desk_store_save_post (self, post, error);
}

/**
 * desk_store_outbox_record:
 * @remote_id: (nullable): the status, record or article the server made
 * @remote_url: (nullable): its public address
 * @error_text: (nullable): for FAILED, or a QUEUED retry, the reason
 * @next_attempt_at: for a QUEUED retry, not before then (Unix time)
 *
 * Records the outcome of a send, after the request: on the send, on the
 * post's text for that channel (its link, or why it failed), and on the
 * post once every channel has it; in one transaction.
 */
gboolean
desk_store_outbox_record (DeskStore        *self,
                          gint64            item_id,
                          DeskOutboxState   state,
                          const char       *remote_id,
                          const char       *remote_url,
                          const char       *error_text,
                          gint64            next_attempt_at,
                          GError          **error)
{
  g_autoptr(DeskOutboxItem) item = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  item = desk_store_get_outbox_item (self, item_id, error);
  if (item == NULL)
    goto failed;

  stmt = _desk_store_prepare (self,
                              "UPDATE outbox SET state = ?2, remote_id = COALESCE (?3, remote_id),"
                              " remote_url = COALESCE (?4, remote_url), last_error = ?5, next_attempt_at = ?6,"
                              " updated_at = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, desk_outbox_state_to_id (state), -1, SQLITE_STATIC);
  _desk_store_bind_text_or_null (stmt, 3, remote_id);
  _desk_store_bind_text_or_null (stmt, 4, remote_url);
  _desk_store_bind_text_or_null (stmt, 5, error_text);
  if (next_attempt_at > 0)
    sqlite3_bind_int64 (stmt, 6, next_attempt_at);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int64 (stmt, 7, _desk_store_now_unix ());
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;

  if (item->post_id != 0 && (state == DESK_OUTBOX_STATE_PUBLISHED || state == DESK_OUTBOX_STATE_SCHEDULED ||
                             state == DESK_OUTBOX_STATE_FAILED))
    {
      stmt = _desk_store_prepare (self,
                                  "UPDATE post_variants SET remote_id = COALESCE (?3, remote_id),"
                                  " remote_url = COALESCE (?4, remote_url),"
                                  " published_at = CASE WHEN ?5 THEN ?6 ELSE published_at END, last_error = ?7"
                                  " WHERE post_id = ?1 AND channel_id = ?2", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, item->post_id);
      sqlite3_bind_int64 (stmt, 2, item->channel_id);
      _desk_store_bind_text_or_null (stmt, 3, remote_id);
      _desk_store_bind_text_or_null (stmt, 4, remote_url);
      sqlite3_bind_int (stmt, 5, state == DESK_OUTBOX_STATE_PUBLISHED);
      sqlite3_bind_int64 (stmt, 6, _desk_store_now_unix ());
      _desk_store_bind_text_or_null (stmt, 7, state == DESK_OUTBOX_STATE_FAILED ? error_text : NULL);
      if (!_desk_store_step_done (self, stmt, error))
        goto failed;
    }
  if (item->post_id != 0 && state == DESK_OUTBOX_STATE_PUBLISHED &&
      !maybe_mark_published (self, item->post_id, error))
    goto failed;
  /* A send that failed shows on the post's card until Retry */
  if (item->post_id != 0 && state == DESK_OUTBOX_STATE_FAILED &&
      !set_post_status (self, item->post_id, DESK_POST_STATUS_SCHEDULED, DESK_POST_STATUS_FAILED, error))
    goto failed;
  self->outbox_changed = TRUE;
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/* Retry: a failed send queued again, with the same key */
gboolean
desk_store_outbox_retry (DeskStore  *self,
                         gint64      item_id,
                         GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  if (!exec_ids (self, "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = NULL, last_error = NULL,"
                       " updated_at = ?4 WHERE id = ?1 AND state = 'failed'",
                 item_id, 0, NULL, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                           _("Only a failed send can be tried again."));
      goto failed;
    }
  {
    g_autoptr(DeskOutboxItem) item = desk_store_get_outbox_item (self, item_id, error);

    if (item == NULL ||
        (item->post_id != 0 &&
         !set_post_status (self, item->post_id, DESK_POST_STATUS_FAILED, DESK_POST_STATUS_SCHEDULED, error)))
      goto failed;
  }
  self->outbox_changed = TRUE;
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/**
 * desk_store_outbox_note:
 * @note: (nullable): what became of a published send (deleted on the
 *   server), or %NULL
 *
 * Notes something on a send without changing its state.
 */
gboolean
desk_store_outbox_note (DeskStore   *self,
                        gint64       item_id,
                        const char  *note,
                        GError     **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  if (!exec_ids (self, "UPDATE outbox SET last_error = ?3, updated_at = ?4 WHERE id = ?1", item_id, 0, note, error))
    {
      _desk_store_rollback (self);
      return FALSE;
    }
  self->outbox_changed = TRUE;
  return _desk_store_commit (self, error);
}

/* Replies */

/**
 * desk_store_queue_reply:
 * @notification_id: the notification answered
 * @text: the reply
 * @out_item_id: (out) (optional): its send in the outbox
 *
 * Queues a reply in the outbox, with its idempotency key chosen once, on
 * the notification's channel: the next run sends it (Mastodon:
 * in_reply_to_id; Bluesky: a reply's root and parent), never twice. In
 * one transaction. An empty text, or a notification that does not exist,
 * is refused.
 */
gboolean
desk_store_queue_reply (DeskStore   *self,
                        gint64       notification_id,
                        const char  *text,
                        gint64      *out_item_id,
                        GError     **error)
{
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (trimmed[0] == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID, _("A reply needs some text."));
      return FALSE;
    }
  if (!_desk_store_begin (self, error))
    return FALSE;
  if (!exec_ids (self,
                 "INSERT INTO outbox (notification_id, channel_id, action, state, scheduled_for, idempotency_key,"
                 " created_at, updated_at, body)"
                 " SELECT id, channel_id, 'reply', 'queued', ?4, ?3, ?4, ?4, ?5 FROM notifications WHERE id = ?1",
                 notification_id, 0, key, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, notification_id);

      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("The notification %s does not exist."), number);
      goto failed;
    }
  if (out_item_id != NULL)
    *out_item_id = sqlite3_last_insert_rowid (self->db);
  {
    sqlite3_stmt *stmt = _desk_store_prepare (self, "UPDATE outbox SET body = ?2 WHERE idempotency_key = ?1", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
    if (!_desk_store_step_done (self, stmt, error))
      goto failed;
  }
  self->outbox_changed = TRUE;
  return _desk_store_commit (self, error);

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/**
 * desk_store_list_replies:
 *
 * Returns: (transfer full) (element-type DeskOutboxItem): the replies
 *   queued for notification @notification_id, oldest first, each with
 *   its state (queued, sending, published with its link, failed with its
 *   reason)
 */
GPtrArray *
desk_store_list_replies (DeskStore  *self,
                         gint64      notification_id,
                         GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self, "SELECT " ITEM_COLUMNS " FROM outbox WHERE notification_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, notification_id);
  return collect (self, stmt, (gpointer) item_from_row, (GDestroyNotify) desk_outbox_item_free, error);
}
