/* desk-store-schema.c: the workspace's schema: its migrations, and the backups made before one runs
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

/* Forward migrations: migrations[i] takes user_version i to i + 1. */
static const char * const migrations[] = {
  /* 0 → 1: the editorial calendar */
  "CREATE TABLE brands ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  palette TEXT NOT NULL DEFAULT '',"
  "  charter TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL);"
  "CREATE TABLE channels ("
  "  id INTEGER PRIMARY KEY,"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,"
  "  network TEXT NOT NULL,"
  "  handle TEXT NOT NULL,"
  "  display_name TEXT NOT NULL DEFAULT '',"
  "  instance_url TEXT,"
  "  colour TEXT NOT NULL DEFAULT '#3584e4',"
  "  remote_id TEXT,"
  "  UNIQUE (brand_id, network, handle));"
  "CREATE TABLE campaigns ("
  "  id INTEGER PRIMARY KEY,"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  colour TEXT NOT NULL DEFAULT '#3584e4',"
  "  starts_at INTEGER,"
  "  ends_at INTEGER,"
  "  objective_kpi TEXT,"
  "  objective_target REAL,"
  "  deadline INTEGER,"
  "  CHECK (starts_at IS NULL OR ends_at IS NULL OR starts_at <= ends_at));"
  "CREATE TABLE posts ("
  "  id INTEGER PRIMARY KEY,"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN"
  "    ('idea','draft','review','approved','scheduled','published','failed')),"
  "  scheduled_at INTEGER,"
  "  campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,"
  "  pillar TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE INDEX posts_by_schedule ON posts (brand_id, scheduled_at);"
  "CREATE INDEX posts_by_campaign ON posts (campaign_id);"
  "CREATE TABLE post_variants ("
  "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,"
  "  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,"
  "  text_override TEXT,"
  "  remote_id TEXT,"
  "  remote_url TEXT,"
  "  published_at INTEGER,"
  "  last_error TEXT,"
  "  PRIMARY KEY (post_id, channel_id)) WITHOUT ROWID;"
  "CREATE INDEX post_variants_by_channel ON post_variants (channel_id);"
  "CREATE TABLE media ("
  "  id INTEGER PRIMARY KEY,"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,"
  "  file_name TEXT NOT NULL,"
  "  mime_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  alt_text TEXT NOT NULL DEFAULT '',"
  "  sha256 TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  UNIQUE (brand_id, sha256));"
  "CREATE TABLE post_media ("
  "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,"
  "  media_id INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (post_id, media_id)) WITHOUT ROWID;",

  /* 1 → 2: the inbox and the metrics */
  "CREATE TABLE notifications ("
  "  id INTEGER PRIMARY KEY,"
  "  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,"
  "  remote_id TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  author TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL DEFAULT '',"
  "  url TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  read INTEGER NOT NULL DEFAULT 0,"
  "  starred INTEGER NOT NULL DEFAULT 0,"
  "  status TEXT NOT NULL DEFAULT 'new',"
  "  priority INTEGER NOT NULL DEFAULT 0,"
  "  assignee TEXT,"
  "  UNIQUE (channel_id, remote_id));"
  "CREATE INDEX notifications_by_date ON notifications (created_at DESC, id DESC);"
  "CREATE INDEX notifications_by_status ON notifications (status, created_at DESC);"
  "CREATE INDEX notifications_by_channel ON notifications (channel_id, created_at DESC);"
  "CREATE TABLE metric_samples ("
  "  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,"
  "  post_id INTEGER NOT NULL DEFAULT 0,"
  "  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  metric TEXT NOT NULL,"
  "  value REAL NOT NULL,"
  "  UNIQUE (channel_id, post_id, day, metric));"
  "CREATE INDEX metric_samples_by_day ON metric_samples (day, channel_id);",

  /* 2 → 3: saved replies, the sync outbox and posting cadence */
  "ALTER TABLE channels ADD COLUMN cadence INTEGER NOT NULL DEFAULT 0 CHECK (cadence >= 0);"
  "CREATE TABLE saved_replies ("
  "  id INTEGER PRIMARY KEY,"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL);"
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY,"
  "  post_id INTEGER REFERENCES posts (id) ON DELETE CASCADE,"
  "  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL,"
  "  payload TEXT NOT NULL DEFAULT '{}',"
  "  state TEXT NOT NULL DEFAULT 'pending',"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at INTEGER,"
  "  last_error TEXT,"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);",

  /* 3 → 4: posting slots per channel, for the queue */
  "ALTER TABLE channels ADD COLUMN slots TEXT NOT NULL DEFAULT '';",

  /* 4 → 5: the editor's designs (one per exported image) and snippets */
  "CREATE TABLE designs ("
  "  media_id INTEGER PRIMARY KEY REFERENCES media (id) ON DELETE CASCADE,"
  "  json TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE TABLE snippets ("
  "  id INTEGER PRIMARY KEY,"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('hashtags', 'text')),"
  "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  body TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX snippets_by_brand ON snippets (brand_id, kind, name);",

  /* 5 → 6: an alt text per post for an image used by several posts (NULL:
   * the image's own) */
  "ALTER TABLE post_media ADD COLUMN alt_text TEXT;",

  /* 6 → 7: a brand's timezone and language, and archived brands (hidden,
   * never deleted) */
  "ALTER TABLE brands ADD COLUMN timezone TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE brands ADD COLUMN language TEXT NOT NULL DEFAULT 'fr';"
  "ALTER TABLE brands ADD COLUMN archived_at INTEGER;",

  /* 7 → 8: a brand's logo, one of its images */
  "ALTER TABLE brands ADD COLUMN logo_media_id INTEGER REFERENCES media (id) ON DELETE SET NULL;",

  /* 8 → 9: accounts connected to channels (their secrets are in the
   * keyring, found by secret_key), and the outbox's record of each send */
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  channel_id INTEGER NOT NULL UNIQUE REFERENCES channels (id) ON DELETE CASCADE,"
  "  secret_key TEXT NOT NULL UNIQUE,"
  "  server TEXT NOT NULL,"
  "  user_name TEXT NOT NULL DEFAULT '',"
  "  remote_id TEXT,"
  "  remote_handle TEXT NOT NULL DEFAULT '',"
  "  display_name TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT 'connected' CHECK (state IN ('connected', 'reconnect')),"
  "  last_error TEXT,"
  "  pull_cursor TEXT,"
  "  connected_at INTEGER NOT NULL);"
  "ALTER TABLE outbox ADD COLUMN idempotency_key TEXT;"
  "ALTER TABLE outbox ADD COLUMN remote_id TEXT;"
  "ALTER TABLE outbox ADD COLUMN remote_url TEXT;"
  "ALTER TABLE outbox ADD COLUMN scheduled_for INTEGER;"
  "ALTER TABLE outbox ADD COLUMN updated_at INTEGER;"
  "UPDATE outbox SET state = 'queued' WHERE state = 'pending';"
  "CREATE UNIQUE INDEX outbox_by_key ON outbox (idempotency_key);"
  "CREATE INDEX outbox_by_post ON outbox (post_id, channel_id);"
  /* A post deleted while a server holds it: the send stays, to be taken
   * back (its rows would go with the post) */
  "CREATE TRIGGER outbox_keep_held BEFORE DELETE ON posts BEGIN"
  "  INSERT INTO outbox (post_id, channel_id, action, state, attempts, idempotency_key, remote_id, remote_url,"
  "                      scheduled_for, created_at, updated_at)"
  "  SELECT NULL, channel_id, action, 'cancelling', 0, idempotency_key || '-deleted', remote_id, remote_url,"
  "         scheduled_for, created_at, CAST (strftime ('%s', 'now') AS INTEGER)"
  "  FROM outbox WHERE post_id = OLD.id AND state = 'scheduled';"
  "END;",

  /* 9 → 10: the unified inbox: who wrote (handle), what an item answers or
   * is about, its campaign, moderation (a flag, hidden), its tone, the
   * team's note; statuses open/waiting/done/escalated; full-text search
   * (accent- and case-blind) over text, author and handle; per-brand
   * moderation rules. Tone and priority are scored in C after this
   * (post_steps). */
  "ALTER TABLE notifications ADD COLUMN handle TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE notifications ADD COLUMN in_reply_to TEXT;"
  "ALTER TABLE notifications ADD COLUMN subject TEXT;"
  "ALTER TABLE notifications ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL;"
  "ALTER TABLE notifications ADD COLUMN flag TEXT CHECK (flag IN ('spam', 'offensive', 'escalate'));"
  "ALTER TABLE notifications ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE notifications ADD COLUMN tone REAL NOT NULL DEFAULT 0;"
  "ALTER TABLE notifications ADD COLUMN note TEXT;"
  "UPDATE notifications SET flag = 'spam' WHERE status = 'spam';"
  "UPDATE notifications SET status = CASE status WHEN 'in_progress' THEN 'waiting' WHEN 'answered' THEN 'done'"
  "  WHEN 'archived' THEN 'done' ELSE 'open' END;"
  /* A like or a repost pulled before: its link is the post it is about */
  "UPDATE notifications SET subject = url WHERE kind IN ('favourite', 'repost');"
  "CREATE INDEX notifications_by_priority ON notifications (priority DESC, created_at DESC, id DESC);"
  "CREATE INDEX notifications_by_group ON notifications (channel_id, kind, subject);"
  "CREATE VIRTUAL TABLE notifications_fts USING fts5 (text, author, handle,"
  "  content = 'notifications', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');"
  "INSERT INTO notifications_fts (notifications_fts) VALUES ('rebuild');"
  "CREATE TRIGGER notifications_fts_insert AFTER INSERT ON notifications BEGIN"
  "  INSERT INTO notifications_fts (rowid, text, author, handle) VALUES (new.id, new.text, new.author, new.handle);"
  "END;"
  "CREATE TRIGGER notifications_fts_delete AFTER DELETE ON notifications BEGIN"
  "  INSERT INTO notifications_fts (notifications_fts, rowid, text, author, handle)"
  "  VALUES ('delete', old.id, old.text, old.author, old.handle);"
  "END;"
  "CREATE TRIGGER notifications_fts_update AFTER UPDATE OF text, author, handle ON notifications BEGIN"
  "  INSERT INTO notifications_fts (notifications_fts, rowid, text, author, handle)"
  "  VALUES ('delete', old.id, old.text, old.author, old.handle);"
  "  INSERT INTO notifications_fts (rowid, text, author, handle) VALUES (new.id, new.text, new.author, new.handle);"
  "END;"
  "CREATE TABLE moderation_rules ("
  "  id INTEGER PRIMARY KEY,"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,"
  "  pattern TEXT NOT NULL CHECK (length (trim (pattern)) > 0),"
  "  is_regex INTEGER NOT NULL DEFAULT 0,"
  "  flag TEXT NOT NULL CHECK (flag IN ('spam', 'offensive', 'escalate')),"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX moderation_rules_by_brand ON moderation_rules (brand_id);",

  /* 10 → 11: objectives (SMART: a KPI, a target, a deadline) per brand or
   * campaign, the recommendations written for a report (per brand and
   * period), and an index that answers the KPIs' sums and levels per
   * channel and metric from the index alone */
  "CREATE TABLE objectives ("
  "  id INTEGER PRIMARY KEY,"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,"
  "  campaign_id INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  kpi TEXT NOT NULL CHECK (length (kpi) > 0),"
  "  target REAL NOT NULL,"
  "  deadline TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX objectives_by_brand ON objectives (brand_id, deadline);"
  "CREATE TABLE report_notes ("
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE CASCADE,"
  "  from_day TEXT NOT NULL,"
  "  to_day TEXT NOT NULL,"
  "  recommendations TEXT NOT NULL DEFAULT '',"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (brand_id, from_day, to_day)) WITHOUT ROWID;"
  "CREATE INDEX metric_samples_by_metric ON metric_samples (channel_id, post_id, metric, day, value);",

  /* 11 → 12: the inbox at 100,000 notifications, replies and read markers.
   * - Each notification carries its brand (kept when a channel changes
   *   brand), and the group of likes, follows or reposts it belongs to is
   *   kept up to date when notifications are stored or hidden
   *   (desk-store-inbox.c): group_head is 1 for an entry of the attention
   *   view (any other kind, or the newest visible member of its group),
   *   group_size the group's visible members, on its head. So the first
   *   page of each view is an indexed LIMIT query that stops after a page.
   * - Search: prefix indexes of 2 and 3 characters, so that a prefix of a
   *   few letters does not walk every term of the index.
   * - What a reply needs: the network's post a notification carries
   *   (status_id: a Mastodon status id or a Bluesky at:// URI, status_cid)
   *   and its thread's root (Bluesky); replies in the outbox (action
   *   'reply', the notification and the text); the read marker last sent
   *   to each account. */
  "ALTER TABLE notifications ADD COLUMN brand_id INTEGER REFERENCES brands (id) ON DELETE CASCADE;"
  "ALTER TABLE notifications ADD COLUMN group_head INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE notifications ADD COLUMN group_size INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE notifications ADD COLUMN status_id TEXT;"
  "ALTER TABLE notifications ADD COLUMN status_cid TEXT;"
  "ALTER TABLE notifications ADD COLUMN root_id TEXT;"
  "ALTER TABLE notifications ADD COLUMN root_cid TEXT;"
  "UPDATE notifications SET brand_id = (SELECT c.brand_id FROM channels c WHERE c.id = notifications.channel_id);"
  "UPDATE notifications SET group_head = 0 WHERE kind IN ('favourite', 'follow', 'repost');"
  "WITH g AS (SELECT id, row_number () OVER w AS r,"
  "             count (*) OVER (PARTITION BY channel_id, kind, coalesce (subject, '')) AS c"
  "           FROM notifications WHERE kind IN ('favourite', 'follow', 'repost') AND hidden = 0"
  "           WINDOW w AS (PARTITION BY channel_id, kind, coalesce (subject, '') ORDER BY created_at DESC, id DESC))"
  "UPDATE notifications SET group_head = 1, group_size = g.c FROM g WHERE g.id = notifications.id AND g.r = 1;"
  "CREATE TRIGGER notifications_follow_brand AFTER UPDATE OF brand_id ON channels BEGIN"
  "  UPDATE notifications SET brand_id = new.brand_id WHERE channel_id = new.id;"
  "END;"
  "DROP INDEX notifications_by_group;"
  "DROP INDEX notifications_by_priority;"
  "CREATE INDEX notifications_by_group ON notifications (channel_id, kind, coalesce (subject, ''), group_head);"
  "CREATE INDEX notifications_by_thread ON notifications (channel_id, in_reply_to) WHERE in_reply_to IS NOT NULL;"
  /* The attention view, of a brand and of all */
  "CREATE INDEX notifications_attention ON notifications (brand_id, priority, created_at)"
  "  WHERE hidden = 0 AND group_head = 1;"
  "CREATE INDEX notifications_attention_all ON notifications (priority, created_at)"
  "  WHERE hidden = 0 AND group_head = 1;"
  /* The views by time (all, unread), the counts of the badge */
  "CREATE INDEX notifications_by_brand_date ON notifications (brand_id, created_at, id, read, starred, group_head)"
  "  WHERE hidden = 0;"
  /* Needs reply (the terms are those of desk-store-inbox.c's NEEDS_REPLY) */
  "CREATE INDEX notifications_needing_reply ON notifications (brand_id, priority, created_at, id, read, starred)"
  "  WHERE hidden = 0 AND kind IN ('dm', 'mention', 'reply', 'comment', 'quote')"
  "  AND status IN ('open', 'escalated') AND coalesce (flag, 'escalate') = 'escalate';"
  "DROP TABLE notifications_fts;"
  "CREATE VIRTUAL TABLE notifications_fts USING fts5 (text, author, handle,"
  "  content = 'notifications', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
  "INSERT INTO notifications_fts (notifications_fts) VALUES ('rebuild');"
  "ALTER TABLE outbox ADD COLUMN notification_id INTEGER REFERENCES notifications (id) ON DELETE SET NULL;"
  "ALTER TABLE outbox ADD COLUMN body TEXT;"
  "CREATE INDEX outbox_by_notification ON outbox (notification_id) WHERE notification_id IS NOT NULL;"
  "ALTER TABLE accounts ADD COLUMN read_marker TEXT;"
  "CREATE INDEX saved_replies_by_brand ON saved_replies (brand_id, title);",

  /* 12 → 13: the hidden items in their order, apart: the attention view
   * with "Show hidden items" merges them with its visible entries, a page
   * at a time (desk-store-inbox.c), and counts them */
  "CREATE INDEX notifications_hidden ON notifications (brand_id, priority, created_at) WHERE hidden = 1;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == DESK_STORE_SCHEMA_VERSION);

/* What SQL cannot do after a migration, in the same transaction */
typedef gboolean (*PostStep) (DeskStore *self, GError **error);

static const PostStep post_steps[DESK_STORE_SCHEMA_VERSION] = {
  [9] = _desk_store_score_notifications,
};

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
remove_old_backups (const char *dir,
                    const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".bak"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i + DESK_STORE_MAX_BACKUPS < names->len; i++)
    {
      g_autofree char *victim = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_unlink (victim);
    }
}

char *
desk_store_get_backup_dir (DeskStore *self)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  dir = g_path_get_dirname (self->path);
  return g_build_filename (dir, "backups", NULL);
}


/* Copies the whole database with the online backup API before a
 * migration touches it; keeps the newest DESK_STORE_MAX_BACKUPS. */
static gboolean
backup_before_migration (DeskStore  *self,
                         int         from_version,
                         GError    **error)
{
  g_autofree char *dir = desk_store_get_backup_dir (self);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *prefix = g_strconcat (base, ".", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S.%f");
  g_autofree char *name = g_strdup_printf ("%s%s.v%d.bak", prefix, stamp, from_version);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("Cannot create the backup folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  rc = _desk_store_create_private_file (target) ? sqlite3_open_v2 (target, &dest, SQLITE_OPEN_READWRITE, NULL) : SQLITE_CANTOPEN;
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK)
    {
      g_unlink (target);
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("Could not back up the workspace before upgrading it (%s); nothing was changed."),
                   sqlite3_errstr (rc));
      return FALSE;
    }

  remove_old_backups (dir, prefix);
  return TRUE;
}

gboolean
_desk_store_migrate (DeskStore  *self,
         int         target_version,
         GError    **error)
{
  gint64 version = 0;

  if (!_desk_store_query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version >= target_version)
    return TRUE;

  if (version > 0 && !backup_before_migration (self, (int) version, error))
    return FALSE;

  for (int v = (int) version; v < target_version; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", DESK_STORE_APPLICATION_ID);

      if (!_desk_store_begin (self, error))
        return FALSE;
      if (!_desk_store_exec_sql (self, migrations[v], error) ||
          (post_steps[v] != NULL && !post_steps[v] (self, error)) ||
          !_desk_store_exec_sql (self, app_id, error) ||
          !_desk_store_exec_sql (self, bump, error))
        _desk_store_rollback (self);
      else if (_desk_store_commit (self, error))
        continue;

      g_prefix_error (error, _("Upgrading the workspace to version %d failed; it was left as it was. "), v + 1);
      return FALSE;
    }

  return TRUE;
}
