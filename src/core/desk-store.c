/* desk-store.c: the offline workspace, one SQLite file
 *
 * Every write is one transaction. Every failure is a GError whose message a
 * user can act on. A file that is not ours, corrupt or locked is refused
 * before anything is written to it (the header is read by hand first,
 * because even switching to WAL rewrites it).
 *
 * Post objects are shared: the store keeps a weak table of the DeskPost it
 * handed out, so a save updates the one object every view shows and the
 * post-* signals tell list models where it went.
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

struct _DeskStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* const char *sql → sqlite3_stmt* */
  GHashTable *live_posts;   /* gint64 id → DeskPost* (weak) */
  guint       depth;        /* nesting of begin (); > 1 uses savepoints */
  GArray     *pending;      /* (element-type Pending) saves published at the outermost commit */
  gint64      data_version; /* PRAGMA data_version at the last poll */
  GError     *damage;       /* what the integrity check found, if anything */
  guint       read_only : 1;
  guint       verified : 1; /* the integrity check ran on this connection or another */
  guint       brands_changed : 1; /* said at the outermost commit */
};

G_DEFINE_FINAL_TYPE (DeskStore, desk_store, G_TYPE_OBJECT)

enum {
  SIGNAL_POST_ADDED,
  SIGNAL_POST_CHANGED,
  SIGNAL_POST_REMOVED,
  SIGNAL_BRANDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (desk-store-error-quark, desk_store_error)

static const char * const table_names[] = {
  "brands", "channels", "campaigns", "posts", "post_variants", "media",
  "post_media", "notifications", "metric_samples", "saved_replies", "outbox",
  "designs", "snippets",
  NULL
};

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
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == DESK_STORE_SCHEMA_VERSION);

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

/* Error handling */

static gboolean
set_sqlite_error (DeskStore  *self,
                  int         rc,
                  GError    **error)
{
  /* The connection's message is about @rc only while no other call
   * (a statement's reset…) replaced it: otherwise it reads "not an error" */
  const char *detail = self && self->db && (sqlite3_errcode (self->db) & 0xff) == (rc & 0xff)
                       ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  const char *path = self ? self->path : "";

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_LOCKED,
                   _("The workspace “%s” is locked by another program. Close the other CommunityDesk window or tool using it, then try again."),
                   path);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("The workspace “%s” is damaged (%s). Restore a backup from its “backups” folder."),
                   path, detail);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a CommunityDesk workspace."), path);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _("The change was refused because it would make the workspace inconsistent (%s)."),
                   detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("The disk is full: the change to “%s” was not saved. Free some space and try again."),
                   path);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("The workspace “%s” cannot be written or read (%s). Check the folder’s permissions and free space."),
                   path, detail);
      break;

    default:
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FAILED,
                   _("The workspace “%s” reported an error: %s"), path, detail);
      break;
    }

  return FALSE;
}

/* A post saved inside an outer transaction: views hear of it only once the
 * outermost transaction commits, and never if it rolls back. */
typedef struct
{
  DeskPost *post;
  gint64    id;
  gint64    now;
  guint     level;
  gboolean  is_new;
} Pending;

static void publish_saved_post (DeskStore *self, DeskPost *post, gint64 id, gboolean is_new, gint64 now);

static void
drop_pending (DeskStore *self,
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

static void
flush_pending (DeskStore *self)
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

static gboolean
exec_sql (DeskStore   *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

/* The lines of PRAGMA quick_check (or integrity_check) on @db other than
 * "ok", "; "-separated, in @problems; returns the last result code */
static int
run_check (sqlite3    *db,
           const char *pragma,
           GString    *problems)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line ? line : "");
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void
set_damage (DeskStore  *self,
            const char *problems)
{
  g_clear_error (&self->damage);
  self->damage = g_error_new (DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                              _("The workspace “%s” is damaged (%s). Nothing was changed in it. Restore a backup from its “backups” folder."),
                              self->path, problems);
}

/* Runs PRAGMA quick_check once per opening (unless desk_store_verify_async ()
 * did); then refuses what a damaged file would have to take */
static gboolean
verify (DeskStore  *self,
        GError    **error)
{
  if (!self->verified)
    {
      g_autoptr(GString) problems = g_string_new (NULL);
      int rc = run_check (self->db, "PRAGMA quick_check", problems);

      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        g_string_append (problems, sqlite3_errstr (rc));
      else if (rc != SQLITE_OK)
        return set_sqlite_error (self, rc, error);
      if (problems->len > 0)
        set_damage (self, problems->str);
      self->verified = TRUE;
    }
  if (self->damage != NULL)
    {
      g_propagate_error (error, g_error_copy (self->damage));
      return FALSE;
    }
  return TRUE;
}

static gboolean
begin (DeskStore  *self,
       GError    **error)
{
  if (self->read_only)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("The workspace “%s” was opened read-only."), self->path);
      return FALSE;
    }
  /* A damaged file is never written to: what it still holds could be lost */
  if (self->depth == 0 && !verify (self, error))
    return FALSE;
  if (!exec_sql (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static void
rollback (DeskStore *self)
{
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->brands_changed = FALSE;
    }
  else
    sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);
  drop_pending (self, self->depth);
}

/* Commits (or releases the savepoint); on failure rolls back itself, so
 * callers only return. */
/* A read of several statements sees one state of the file: a deferred
 * transaction, unless one is open already. */
static gboolean
begin_read (DeskStore  *self,
            GError    **error)
{
  return self->depth > 0 || exec_sql (self, "BEGIN", error);
}

static void
end_read (DeskStore *self)
{
  /* It wrote nothing: if it cannot be committed, rolling it back loses
   * nothing and leaves no transaction open for the next write */
  if (self->depth == 0 && !sqlite3_get_autocommit (self->db) &&
      !exec_sql (self, "COMMIT", NULL))
    exec_sql (self, "ROLLBACK", NULL);
}

static gboolean
commit (DeskStore  *self,
        GError    **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!exec_sql (self, self->depth == 1 ? "COMMIT" : "RELEASE nested", error))
    {
      rollback (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth == 0 && self->pending->len > 0)
    flush_pending (self);
  if (self->depth == 0 && self->brands_changed)
    {
      self->brands_changed = FALSE;
      g_signal_emit (self, signals[SIGNAL_BRANDS_CHANGED], 0);
    }
  return TRUE;
}

/* A brand was added, changed or deleted: said now, or when the
 * transaction it belongs to is committed */
static void
brands_changed (DeskStore *self)
{
  if (self->depth > 0)
    self->brands_changed = TRUE;
  else
    g_signal_emit (self, signals[SIGNAL_BRANDS_CHANGED], 0);
}

/**
 * desk_store_transaction:
 * @func: writes through the store's own functions
 *
 * Runs @func inside one transaction: every write it makes lands, or none.
 */
gboolean
desk_store_transaction (DeskStore                *self,
                        DeskStoreTransactionFunc  func,
                        gpointer                  user_data,
                        GError                  **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!func (self, user_data, error))
    {
      rollback (self);
      return FALSE;
    }
  return commit (self, error);
}

/* Returns a reset, cached statement for @sql (a string literal). */
static sqlite3_stmt *
prepare (DeskStore   *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
step_done (DeskStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_text_or_empty (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *time)
{
  if (time != NULL)
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (time));
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static GDateTime *
column_time (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Opening */

static void
desk_store_dispose (GObject *object);

static void
desk_store_finalize (GObject *object)
{
  DeskStore *self = (DeskStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_error (&self->damage);

  G_OBJECT_CLASS (desk_store_parent_class)->finalize (object);
}

static void
desk_store_class_init (DeskStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_store_dispose;
  object_class->finalize = desk_store_finalize;

  /**
   * DeskStore::post-added:
   * @post: the new post, as every view will share it
   */
  signals[SIGNAL_POST_ADDED] =
    g_signal_new ("post-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_POST);
  /**
   * DeskStore::post-changed:
   * @post: the post, already holding its new values
   */
  signals[SIGNAL_POST_CHANGED] =
    g_signal_new ("post-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_POST);
  /**
   * DeskStore::post-removed:
   * @post: the post that is no longer in the store
   */
  signals[SIGNAL_POST_REMOVED] =
    g_signal_new ("post-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_POST);
  /**
   * DeskStore::brands-changed:
   *
   * A brand was added, renamed, archived, restored, deleted or otherwise
   * changed through this store, once its transaction is committed: the
   * brand selector lists them again.
   */
  signals[SIGNAL_BRANDS_CHANGED] =
    g_signal_new ("brands-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
desk_store_init (DeskStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->live_posts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
}

static void
live_post_finalized_cb (gpointer  data,
                        GObject  *where_the_object_was)
{
  DeskStore *self = data;
  gint64 id = desk_post_get_id ((DeskPost *) where_the_object_was);
  GHashTableIter iter;
  gpointer value;

  if (g_hash_table_lookup (self->live_posts, &id) == (gpointer) where_the_object_was)
    {
      g_hash_table_remove (self->live_posts, &id);
      return;
    }

  g_hash_table_iter_init (&iter, self->live_posts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static void
desk_store_dispose (GObject *object)
{
  DeskStore *self = (DeskStore *) object;

  if (self->live_posts != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->live_posts);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, live_post_finalized_cb, self);
      g_clear_pointer (&self->live_posts, g_hash_table_unref);
    }

  G_OBJECT_CLASS (desk_store_parent_class)->dispose (object);
}

char *
desk_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "community-desk", "workspace.db", NULL);
}

const char * const *
desk_store_table_names (void)
{
  return table_names;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads the 100-byte SQLite header without opening the file with SQLite.
 * Sets *exists, *app_id and *version; fails on anything that is not an
 * SQLite 3 file. */
static gboolean
inspect_header (const char  *path,
                gboolean    *exists,
                guint32     *app_id,
                guint32     *version,
                GError     **error)
{
  guint8 header[100];
  FILE *file;
  size_t n;

  *exists = FALSE;
  *app_id = 0;
  *version = 0;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("The workspace “%s” cannot be opened: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == 0)
    return TRUE;   /* an empty file: a new workspace */

  *exists = TRUE;
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a CommunityDesk workspace."), path);
      return FALSE;
    }

  *version = read_be32 (header + 60);
  *app_id = read_be32 (header + 68);
  return TRUE;
}

static gboolean
query_int (DeskStore   *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

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

/* Creates @path empty, readable and writable by the user alone (SQLite
 * would make it 0644, and its -wal and -shm files take the database's
 * mode): workspaces hold clients' unpublished plans */
static gboolean
create_private_file (const char *path)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    return FALSE;
  close (fd);
  return TRUE;
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

  rc = create_private_file (target) ? sqlite3_open_v2 (target, &dest, SQLITE_OPEN_READWRITE, NULL) : SQLITE_CANTOPEN;
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

static gboolean
migrate (DeskStore  *self,
         int         target_version,
         GError    **error)
{
  gint64 version = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version >= target_version)
    return TRUE;

  if (version > 0 && !backup_before_migration (self, (int) version, error))
    return FALSE;

  for (int v = (int) version; v < target_version; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", DESK_STORE_APPLICATION_ID);

      if (!begin (self, error))
        return FALSE;
      if (!exec_sql (self, migrations[v], error) ||
          !exec_sql (self, app_id, error) ||
          !exec_sql (self, bump, error))
        rollback (self);
      else if (commit (self, error))
        continue;

      g_prefix_error (error, _("Upgrading the workspace to version %d failed; it was left as it was. "), v + 1);
      return FALSE;
    }

  return TRUE;
}

static DeskStore *
open_store (const char          *path,
            DeskStoreOpenFlags   flags,
            guint                busy_timeout_ms,
            int                  target_version,
            GError             **error)
{
  g_autoptr(DeskStore) self = NULL;
  gboolean exists;
  guint32 app_id, version;
  gint64 n_objects = 0;
  gint64 header_app_id = 0, header_version = 0;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!inspect_header (path, &exists, &app_id, &version, error))
    return NULL;

  if (!exists && (flags & (DESK_STORE_OPEN_NO_CREATE | DESK_STORE_OPEN_READ_ONLY)))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                   _("There is no CommunityDesk workspace at “%s”."), path);
      return NULL;
    }

  if (!exists && !(flags & DESK_STORE_OPEN_READ_ONLY))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0 || (!create_private_file (path) && errno != EEXIST))
        {
          int saved_errno = errno;
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                       _("Cannot create the workspace “%s”: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
    }

  self = g_object_new (DESK_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & DESK_STORE_OPEN_READ_ONLY) != 0;

  open_flags = SQLITE_OPEN_NOMUTEX;
  if (self->read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, (int) busy_timeout_ms);

  /* Reading the schema finds corruption of the first pages and any lock
   * held by another program, before we write anything. */
  if (!query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return NULL;

  /* Read through the WAL, not from the header: a workspace's header may
   * not have been checkpointed yet. */
  if (!query_int (self, "PRAGMA application_id", &header_app_id, error) ||
      !query_int (self, "PRAGMA user_version", &header_version, error))
    return NULL;
  app_id = (guint32) header_app_id;
  version = (guint32) header_version;

  if (exists && app_id != DESK_STORE_APPLICATION_ID && (n_objects > 0 || app_id != 0))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite file of another program, not a CommunityDesk workspace. It was left untouched."),
                   path);
      return NULL;
    }

  if (version > DESK_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_TOO_NEW,
                   _("The workspace “%s” was saved by a newer CommunityDesk (format %u, this version reads up to %d). Update CommunityDesk to open it."),
                   path, version, DESK_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (self->read_only && (int) version < target_version)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NEEDS_UPGRADE,
                   _("The workspace “%s” was saved by an older CommunityDesk. Open it once in CommunityDesk to upgrade it."),
                   path);
      return NULL;
    }

  /* A page cache that holds the months being browsed: SQLite's default
   * 2 MB made a 10,000-post workspace read pages from the file again at
   * every month switch (tests/bench). */
  if (!exec_sql (self, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768", error))
    return NULL;

  if (!self->read_only)
    {
      /* A write lock proves nobody else holds the file before switching
       * the journal mode, which rewrites the header. */
      if (!exec_sql (self, "BEGIN IMMEDIATE; COMMIT", error))
        return NULL;
      if (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
          !exec_sql (self, "PRAGMA synchronous = FULL", error))
        return NULL;
      if (!migrate (self, target_version, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * desk_store_open:
 * @path: the SQLite file; created (with its folder) when missing unless
 *   @flags say otherwise
 *
 * Opens a workspace, upgrading its schema (after a backup) when needed.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
DeskStore *
desk_store_open (const char          *path,
                 DeskStoreOpenFlags   flags,
                 GError             **error)
{
  return desk_store_open_full (path, flags, 2000, error);
}

DeskStore *
desk_store_open_full (const char          *path,
                      DeskStoreOpenFlags   flags,
                      guint                busy_timeout_ms,
                      GError             **error)
{
  return open_store (path, flags, busy_timeout_ms, DESK_STORE_SCHEMA_VERSION, error);
}

DeskStore *
_desk_store_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= DESK_STORE_SCHEMA_VERSION, NULL);

  return open_store (path, DESK_STORE_OPEN_DEFAULT, 2000, version, error);
}

sqlite3 *
_desk_store_get_handle (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return self->db;
}

const char *
desk_store_get_path (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return self->path;
}

gboolean
desk_store_is_read_only (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), TRUE);
  return self->read_only;
}

int
desk_store_get_schema_version (DeskStore *self)
{
  gint64 version = -1;

  g_return_val_if_fail (DESK_IS_STORE (self), -1);

  if (!query_int (self, "PRAGMA user_version", &version, NULL))
    return -1;
  return (int) version;
}

gboolean
desk_store_count_rows (DeskStore   *self,
                       const char  *table,
                       gint64      *count,
                       GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  /* Only our own table names ever reach the SQL text. */
  if (table == NULL || !g_strv_contains (table_names, table))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _("Unknown table “%s”."), table ? table : "");
      return FALSE;
    }

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return query_int (self, sql, count, error);
}

gboolean
desk_store_check_integrity (DeskStore  *self,
                            GError    **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  rc = run_check (self->db, "PRAGMA integrity_check", problems);
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    g_string_append (problems, sqlite3_errstr (rc));
  else if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);

  if (problems->len > 0)
    {
      set_damage (self, problems->str);
      g_propagate_error (error, g_error_copy (self->damage));
      return FALSE;
    }
  self->verified = TRUE;
  return TRUE;
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  const char *path = data;
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = run_check (db, "PRAGMA quick_check", problems);
    }
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      g_string_append (problems, sqlite3_errstr (rc));
      rc = SQLITE_OK;
    }
  sqlite3_close_v2 (db);
  if (rc != SQLITE_OK)
    g_task_return_new_error (task, DESK_STORE_ERROR, DESK_STORE_ERROR_FAILED, "%s", sqlite3_errstr (rc));
  else
    g_task_return_pointer (task, g_string_free (g_steal_pointer (&problems), FALSE), g_free);
}

/**
 * desk_store_verify_async:
 *
 * Checks the workspace file (PRAGMA quick_check) on a connection of its
 * own, in a worker thread, so that a window shows at once and then says
 * when the file is damaged. Until it has finished, the first write runs
 * the same check itself.
 */
void
desk_store_verify_async (DeskStore           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (DESK_IS_STORE (self));
  g_task_set_source_tag (task, desk_store_verify_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, verify_thread);
}

/**
 * desk_store_verify_finish:
 *
 * Returns: %FALSE with @error (DESK_STORE_ERROR_CORRUPT, saying what to do)
 *   when the file is damaged; from then on every write is refused
 */
gboolean
desk_store_verify_finish (DeskStore     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autofree char *problems = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  problems = g_task_propagate_pointer (G_TASK (result), &local);
  if (problems == NULL)
    {
      /* The check could not run (locked…): the first write will run it */
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (problems[0] != '\0')
    set_damage (self, problems);
  self->verified = TRUE;
  if (self->damage != NULL)
    {
      g_propagate_error (error, g_error_copy (self->damage));
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_store_poll_external_changes:
 *
 * Whether another program (the command-line tool, another window…) has
 * committed to the workspace since the last call. Views then read their
 * data again; the posts they share are refreshed in place.
 */
gboolean
desk_store_poll_external_changes (DeskStore *self)
{
  gint64 version = 0;
  gboolean changed;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!query_int (self, "PRAGMA data_version", &version, NULL))
    return FALSE;
  changed = self->data_version != 0 && version != self->data_version;
  self->data_version = version;
  return changed;
}

/* Brands, channels, campaigns */

/**
 * desk_store_index_by_id:
 * @objects: (nullable): objects with an "id" (gint64) property
 *
 * Returns: (transfer full): id (gint64*) → object; empty for %NULL
 */
GHashTable *
desk_store_index_by_id (GListModel *objects)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  for (guint i = 0; objects != NULL && i < g_list_model_get_n_items (objects); i++)
    {
      GObject *object = g_list_model_get_item (objects, i);
      gint64 *key = g_new (gint64, 1);

      g_object_get (object, "id", key, NULL);
      g_hash_table_insert (index, key, object);
    }
  return index;
}

typedef gpointer (*RowFunc)  (sqlite3_stmt *stmt);
typedef void     (*BindFunc) (sqlite3_stmt *stmt,
                              gpointer      object);

/* Runs @stmt (already bound) and makes a list of @type, one object a row. */
static GListModel *
list_objects (DeskStore     *self,
              sqlite3_stmt  *stmt,
              GType          type,
              RowFunc        row,
              GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) object = row (stmt);
      g_list_store_append (list, object);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Inserts (@id 0) or updates one row in its own transaction. @bind fills
 * parameters 1…n; the id of an update is bound as @id_param. */
static gboolean
save_object (DeskStore   *self,
             gint64       id,
             const char  *insert_sql,
             const char  *update_sql,
             int          id_param,
             BindFunc     bind,
             gpointer     object,
             gint64      *out_id,
             GError     **error)
{
  sqlite3_stmt *stmt;

  if (!begin (self, error))
    return FALSE;

  stmt = prepare (self, id == 0 ? insert_sql : update_sql, error);
  if (stmt == NULL)
    goto failed;
  bind (stmt, object);
  if (id != 0)
    sqlite3_bind_int64 (stmt, id_param, id);
  if (!step_done (self, stmt, error))
    goto failed;

  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                           _("It was deleted meanwhile; it cannot be saved."));
      goto failed;
    }

  if (!commit (self, error))
    return FALSE;
  *out_id = id;
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

static gpointer
brand_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (DESK_TYPE_BRAND,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "name", column_text (stmt, 1),
                       "palette", column_text (stmt, 2),
                       "charter", column_text (stmt, 3),
                       "timezone", column_text (stmt, 4),
                       "language", column_text (stmt, 5),
                       "archived", sqlite3_column_type (stmt, 6) != SQLITE_NULL,
                       "logo-media-id", sqlite3_column_int64 (stmt, 7),
                       NULL);
}

#define BRAND_COLUMNS "id, name, palette, charter, timezone, language, archived_at, logo_media_id"

static void
bind_brand (sqlite3_stmt *stmt,
            gpointer      object)
{
  DeskBrand *brand = object;

  bind_text_or_empty (stmt, 1, desk_brand_get_name (brand));
  bind_text_or_empty (stmt, 2, desk_brand_get_palette (brand));
  bind_text_or_empty (stmt, 3, desk_brand_get_charter (brand));
  sqlite3_bind_int64 (stmt, 4, now_unix ());
  bind_text_or_empty (stmt, 5, desk_brand_get_timezone (brand));
  /* Without a language, the posts' are French (the schema's default) */
  if (desk_brand_get_language (brand) != NULL && desk_brand_get_language (brand)[0] != '\0')
    sqlite3_bind_text (stmt, 6, desk_brand_get_language (brand), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_text (stmt, 6, "fr", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, desk_brand_get_archived (brand));
  if (desk_brand_get_logo_media_id (brand) > 0)
    sqlite3_bind_int64 (stmt, 9, desk_brand_get_logo_media_id (brand));
  else
    sqlite3_bind_null (stmt, 9);
}

/* Brands of @sql's WHERE and ORDER BY, ?1 bound to @id */
static GListModel *
query_brands (DeskStore   *self,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return list_objects (self, stmt, DESK_TYPE_BRAND, brand_from_row, error);
}

/* The brands in use (not archived), by name */
GListModel *
desk_store_list_brands (DeskStore  *self,
                        GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return query_brands (self, "SELECT " BRAND_COLUMNS " FROM brands WHERE archived_at IS NULL"
                             " ORDER BY name COLLATE NOCASE, id", 0, error);
}

/**
 * desk_store_list_all_brands:
 *
 * Returns: (transfer full): every brand, archived ones too (after the
 *   others); desk_store_list_brands () lists those in use
 */
GListModel *
desk_store_list_all_brands (DeskStore  *self,
                            GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return query_brands (self, "SELECT " BRAND_COLUMNS " FROM brands"
                             " ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, id", 0, error);
}

/**
 * desk_store_get_brand:
 *
 * Returns: (transfer full): brand @brand_id, or %NULL with @error
 *   (DESK_STORE_ERROR_NOT_FOUND when there is none)
 */
DeskBrand *
desk_store_get_brand (DeskStore  *self,
                      gint64      brand_id,
                      GError    **error)
{
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  found = query_brands (self, "SELECT " BRAND_COLUMNS " FROM brands WHERE id = ?1", brand_id, error);
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("The brand no longer exists."));
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

gboolean
desk_store_save_brand (DeskStore  *self,
                       DeskBrand  *brand,
                       GError    **error)
{
  gint64 id = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_BRAND (brand), FALSE);

  if (!save_object (self, desk_brand_get_id (brand),
                    "INSERT INTO brands (name, palette, charter, created_at, timezone, language, archived_at, logo_media_id)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?7 THEN ?4 END, ?9)",
                    "UPDATE brands SET name = ?1, palette = ?2, charter = ?3, timezone = ?5, language = ?6,"
                    " archived_at = CASE WHEN ?7 THEN COALESCE (archived_at, ?4) END, logo_media_id = ?9"
                    " WHERE id = ?8",
                    8, bind_brand, brand, &id, error))
    return FALSE;
  desk_brand_set_id (brand, id);
  brands_changed (self);
  return TRUE;
}

/* One count(*) of @sql, ?1 bound to @id */
static gboolean
count_for_id (DeskStore   *self,
              const char  *sql,
              gint64       id,
              guint       *out,
              GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = (guint) MIN (sqlite3_column_int64 (stmt, 0), G_MAXUINT);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * desk_store_count_brand_content:
 *
 * What goes with brand @brand_id if it is deleted: said to the user
 * before they confirm.
 */
gboolean
desk_store_count_brand_content (DeskStore        *self,
                                gint64            brand_id,
                                DeskBrandContent *content,
                                GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  memset (content, 0, sizeof *content);
  if (!begin_read (self, error))
    return FALSE;
  ok = count_for_id (self, "SELECT count(*) FROM posts WHERE brand_id = ?1", brand_id, &content->posts, error) &&
       count_for_id (self, "SELECT count(*) FROM channels WHERE brand_id = ?1", brand_id, &content->channels, error) &&
       count_for_id (self, "SELECT count(*) FROM campaigns WHERE brand_id = ?1", brand_id, &content->campaigns, error) &&
       count_for_id (self, "SELECT count(*) FROM media WHERE brand_id = ?1", brand_id, &content->images, error) &&
       count_for_id (self, "SELECT count(*) FROM notifications WHERE channel_id IN"
                           " (SELECT id FROM channels WHERE brand_id = ?1)", brand_id, &content->notifications, error);
  end_read (self);
  return ok;
}

/**
 * desk_store_delete_brand:
 *
 * Deletes a brand and everything that is its own (channels, posts,
 * campaigns, images, notifications, metrics, snippets) in one
 * transaction; then the image files no other brand uses. Archiving
 * (desk_brand_set_archived ()) is how a brand is put away without loss.
 */
gboolean
desk_store_delete_brand (DeskStore  *self,
                         gint64      brand_id,
                         GError    **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  /* The files only this brand uses, removed once the rows are gone */
  stmt = prepare (self, "SELECT sha256, file_name FROM media m WHERE brand_id = ?1 AND NOT EXISTS"
                        " (SELECT 1 FROM media o WHERE o.brand_id != ?1 AND o.sha256 = m.sha256"
                        "  AND o.file_name = m.file_name)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *name = desk_media_file_name (column_text (stmt, 0), column_text (stmt, 1));

      if (name != NULL)
        g_ptr_array_add (files, name);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      goto failed;
    }
  stmt = prepare (self, "DELETE FROM brands WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  if (!step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("The brand no longer exists."));
      goto failed;
    }
  brands_changed (self);
  if (!commit (self, error))
    return FALSE;

  dir = desk_store_get_media_dir (self);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (files, i), NULL);

      if (g_remove (path) != 0 && errno != ENOENT)
        g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
    }
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * desk_store_set_brand_logo:
 * @path: (nullable): an image file, or %NULL for no logo
 *
 * Copies @path into the brand's images and makes it its logo.
 */
gboolean
desk_store_set_brand_logo (DeskStore   *self,
                           DeskBrand   *brand,
                           const char  *path,
                           GError     **error)
{
  gint64 media_id = 0;
  gint64 previous;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_BRAND (brand) && desk_brand_get_id (brand) != 0, FALSE);

  if (path != NULL && !desk_store_add_media (self, desk_brand_get_id (brand), path, &media_id, error))
    return FALSE;
  previous = desk_brand_get_logo_media_id (brand);
  desk_brand_set_logo_media_id (brand, media_id);
  if (!desk_store_save_brand (self, brand, error))
    {
      desk_brand_set_logo_media_id (brand, previous);
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_store_count_channel_posts:
 *
 * How many posts go to channel @channel_id: said before it is removed.
 */
gboolean
desk_store_count_channel_posts (DeskStore  *self,
                                gint64      channel_id,
                                guint      *n_posts,
                                GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_posts != NULL, FALSE);

  *n_posts = 0;
  return count_for_id (self, "SELECT count(*) FROM post_variants WHERE channel_id = ?1", channel_id, n_posts, error);
}

static gpointer
channel_from_row (sqlite3_stmt *stmt)
{
  DeskNetwork network = DESK_NETWORK_MASTODON;

  desk_network_from_id (column_text (stmt, 2), &network);
  return g_object_new (DESK_TYPE_CHANNEL,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "brand-id", sqlite3_column_int64 (stmt, 1),
                       "network", network,
                       "handle", column_text (stmt, 3),
                       "display-name", column_text (stmt, 4),
                       "instance-url", column_text (stmt, 5),
                       "colour", column_text (stmt, 6),
                       "remote-id", column_text (stmt, 7),
                       "cadence", (guint) sqlite3_column_int (stmt, 8),
                       "slots", column_text (stmt, 9),
                       NULL);
}

static void
bind_channel (sqlite3_stmt *stmt,
              gpointer      object)
{
  DeskChannel *channel = object;
  DeskNetwork network = desk_channel_get_network (channel);
  const char *colour = desk_channel_get_colour (channel);

  sqlite3_bind_int64 (stmt, 1, desk_channel_get_brand_id (channel));
  sqlite3_bind_text (stmt, 2, desk_network_to_id (network), -1, SQLITE_STATIC);
  bind_text_or_empty (stmt, 3, desk_channel_get_handle (channel));
  bind_text_or_empty (stmt, 4, desk_channel_get_display_name (channel));
  bind_text_or_null (stmt, 5, desk_channel_get_instance_url (channel));
  bind_text_or_empty (stmt, 6, colour ? colour : desk_network_default_colour (network));
  bind_text_or_null (stmt, 7, desk_channel_get_remote_id (channel));
  sqlite3_bind_int (stmt, 8, (int) desk_channel_get_cadence (channel));
  bind_text_or_empty (stmt, 9, desk_channel_get_slots (channel));
}

GListModel *
desk_store_list_channels (DeskStore  *self,
                          gint64      brand_id,
                          GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, brand_id, network, handle, display_name, instance_url, colour, remote_id, cadence, slots"
                  " FROM channels WHERE ?1 = 0 OR brand_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  return list_objects (self, stmt, DESK_TYPE_CHANNEL, channel_from_row, error);
}

gboolean
desk_store_save_channel (DeskStore    *self,
                         DeskChannel  *channel,
                         GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_CHANNEL (channel), FALSE);

  if (!save_object (self, desk_channel_get_id (channel),
                    "INSERT INTO channels (brand_id, network, handle, display_name, instance_url, colour, remote_id, cadence, slots)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    "UPDATE channels SET brand_id = ?1, network = ?2, handle = ?3, display_name = ?4,"
                    " instance_url = ?5, colour = ?6, remote_id = ?7, cadence = ?8, slots = ?9 WHERE id = ?10",
                    10, bind_channel, channel, &id, error))
    return FALSE;
  desk_channel_set_id (channel, id);
  return TRUE;
}

/**
 * desk_store_delete_channel:
 * @n_posts: (out) (optional): how many posts went to it
 *
 * Removes a channel. Its posts stay, without it (with their own text for
 * it, which went with it); in one transaction.
 */
gboolean
desk_store_delete_channel (DeskStore  *self,
                           gint64      channel_id,
                           guint      *n_posts,
                           GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self, "SELECT count(*) FROM post_variants WHERE channel_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      goto failed;
    }
  stmt = prepare (self, "DELETE FROM channels WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  if (!step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("The channel no longer exists."));
      goto failed;
    }
  if (!commit (self, error))
    return FALSE;
  if (n_posts != NULL)
    *n_posts = (guint) count;
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

static gpointer
campaign_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) starts = column_time (stmt, 4);
  g_autoptr(GDateTime) ends = column_time (stmt, 5);
  g_autoptr(GDateTime) deadline = column_time (stmt, 8);

  return g_object_new (DESK_TYPE_CAMPAIGN,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "brand-id", sqlite3_column_int64 (stmt, 1),
                       "name", column_text (stmt, 2),
                       "colour", column_text (stmt, 3),
                       "starts-on", starts,
                       "ends-on", ends,
                       "objective-kpi", column_text (stmt, 6),
                       "objective-target", sqlite3_column_double (stmt, 7),
                       "deadline", deadline,
                       NULL);
}

static void
bind_campaign (sqlite3_stmt *stmt,
               gpointer      object)
{
  DeskCampaign *campaign = object;
  const char *colour = desk_campaign_get_colour (campaign);

  sqlite3_bind_int64 (stmt, 1, desk_campaign_get_brand_id (campaign));
  bind_text_or_empty (stmt, 2, desk_campaign_get_name (campaign));
  bind_text_or_empty (stmt, 3, colour ? colour : "#3584e4");
  bind_time (stmt, 4, desk_campaign_get_starts_on (campaign));
  bind_time (stmt, 5, desk_campaign_get_ends_on (campaign));
  bind_text_or_null (stmt, 6, desk_campaign_get_objective_kpi (campaign));
  sqlite3_bind_double (stmt, 7, desk_campaign_get_objective_target (campaign));
  bind_time (stmt, 8, desk_campaign_get_deadline (campaign));
}

GListModel *
desk_store_list_campaigns (DeskStore  *self,
                           gint64      brand_id,
                           GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, brand_id, name, colour, starts_at, ends_at, objective_kpi, objective_target, deadline"
                  " FROM campaigns WHERE ?1 = 0 OR brand_id = ?1 ORDER BY starts_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  return list_objects (self, stmt, DESK_TYPE_CAMPAIGN, campaign_from_row, error);
}

gboolean
desk_store_save_campaign (DeskStore     *self,
                          DeskCampaign  *campaign,
                          GError       **error)
{
  gint64 id = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_CAMPAIGN (campaign), FALSE);

  if (!save_object (self, desk_campaign_get_id (campaign),
                    "INSERT INTO campaigns (brand_id, name, colour, starts_at, ends_at, objective_kpi, objective_target, deadline)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    "UPDATE campaigns SET brand_id = ?1, name = ?2, colour = ?3, starts_at = ?4, ends_at = ?5,"
                    " objective_kpi = ?6, objective_target = ?7, deadline = ?8 WHERE id = ?9",
                    9, bind_campaign, campaign, &id, error))
    return FALSE;
  desk_campaign_set_id (campaign, id);
  return TRUE;
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

  desk_post_status_from_id (column_text (stmt, 4), &status);
  if (sqlite3_column_count (stmt) > 11 && sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    {
      gint64 channel = sqlite3_column_int64 (stmt, 11);
      g_array_append_val (channels, channel);
    }

  return _desk_post_new_full (sqlite3_column_int64 (stmt, 0),
                              sqlite3_column_int64 (stmt, 1),
                              column_text (stmt, 2),
                              column_text (stmt, 3),
                              status,
                              column_time (stmt, 5),
                              sqlite3_column_int64 (stmt, 6),
                              column_text (stmt, 7),
                              column_text (stmt, 8),
                              column_time (stmt, 9),
                              column_time (stmt, 10),
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
  g_object_weak_ref (G_OBJECT (post), live_post_finalized_cb, self);
}

static void
untrack_live (DeskStore *self,
              DeskPost  *post)
{
  gint64 id = desk_post_get_id (post);

  if (g_hash_table_lookup (self->live_posts, &id) == post)
    {
      g_hash_table_remove (self->live_posts, &id);
      g_object_weak_unref (G_OBJECT (post), live_post_finalized_cb, self);
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
      set_sqlite_error (self, rc != SQLITE_DONE ? rc : channel_rc, error);
      return NULL;
    }

  for (guint i = 0; i + 1 < stale->len; i += 2)
    {
      DeskPost *live = g_ptr_array_index (stale, i);

      desk_post_assign (live, g_ptr_array_index (stale, i + 1));
      g_signal_emit (self, signals[SIGNAL_POST_CHANGED], 0, live);
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
    stmt = prepare (self,
                    "INSERT INTO posts (brand_id, title, body, status, scheduled_at, campaign_id, pillar, notes,"
                    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", error);
  else
    stmt = prepare (self,
                    "UPDATE posts SET brand_id = ?1, title = ?2, body = ?3, status = ?4, scheduled_at = ?5,"
                    " campaign_id = ?6, pillar = ?7, notes = ?8, updated_at = ?9 WHERE id = ?10", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, desk_post_get_brand_id (post));
  bind_text_or_empty (stmt, 2, desk_post_get_title (post));
  bind_text_or_empty (stmt, 3, desk_post_get_body (post));
  sqlite3_bind_text (stmt, 4, desk_post_status_to_id (desk_post_get_status (post)), -1, SQLITE_STATIC);
  bind_time (stmt, 5, desk_post_get_scheduled_at (post));
  bind_id_or_null (stmt, 6, desk_post_get_campaign_id (post));
  bind_text_or_empty (stmt, 7, desk_post_get_pillar (post));
  bind_text_or_empty (stmt, 8, desk_post_get_notes (post));
  sqlite3_bind_int64 (stmt, 9, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 10, id);

  if (!step_done (self, stmt, error))
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
  stmt = prepare (self,
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
    if (!step_done (self, stmt, error))
      return FALSE;
  }

  for (guint i = 0; i < n_channels; i++)
    {
      stmt = prepare (self, "INSERT OR IGNORE INTO post_variants (post_id, channel_id) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, channels[i]);
      if (!step_done (self, stmt, error))
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

  g_signal_emit (self, signals[is_new ? SIGNAL_POST_ADDED : SIGNAL_POST_CHANGED], 0, live);
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
  gint64 now = now_unix ();

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (posts != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < posts->len; i++)
    {
      gint64 id = 0;

      if (!write_post (self, g_ptr_array_index (posts, i), now, &id, error))
        {
          rollback (self);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }

  if (!commit (self, error))
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
  stmt = prepare (self,
                  "UPDATE post_variants SET text_override ="
                  " (SELECT o.text_override FROM post_variants o WHERE o.post_id = ?2 AND o.channel_id = post_variants.channel_id)"
                  " WHERE post_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, desk_post_get_id (copy));
  sqlite3_bind_int64 (stmt, 2, desk_post_get_id (d->source));
  if (!step_done (self, stmt, error))
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

  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM posts WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, post_id);
  if (!step_done (self, stmt, error))
    goto failed;
  if (!commit (self, error))
    return FALSE;

  untrack_live (self, post);
  g_signal_emit (self, signals[SIGNAL_POST_REMOVED], 0, post);
  return TRUE;

failed:
  rollback (self);
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

  stmt = prepare (self, "SELECT " POST_COLUMNS POST_FROM " WHERE p.id = ?1 ORDER BY v.channel_id", error);
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
  stmt = prepare (self,
                  "SELECT " POST_ONLY_COLUMNS " FROM posts p INDEXED BY posts_by_schedule"
                  " WHERE p.brand_id = ?1 AND p.scheduled_at >= ?2 AND p.scheduled_at < ?3"
                  " ORDER BY p.scheduled_at, p.id", error);
  if (stmt == NULL)
    return NULL;
  channels = prepare (self,
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
  if (!begin_read (self, error))
    return NULL;
  posts = collect_posts_full (self, stmt, channels, error);
  end_read (self);
  return posts;
}

GPtrArray *
desk_store_query_unscheduled_posts (DeskStore  *self,
                                    gint64      brand_id,
                                    GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = prepare (self,
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

  stmt = prepare (self,
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

  stmt = prepare (self,
                  "SELECT DISTINCT pillar FROM posts WHERE brand_id = ?1 AND pillar != ''"
                  " ORDER BY pillar COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

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

  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self,
                  "INSERT INTO media (brand_id, file_name, mime_type, size, sha256, created_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (brand_id, sha256) DO NOTHING", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mime, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, (gint64) length);
  sqlite3_bind_text (stmt, 5, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, now_unix ());
  if (!step_done (self, stmt, error))
    goto failed;

  stmt = prepare (self, "SELECT id FROM media WHERE brand_id = ?1 AND sha256 = ?2", error);
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
      set_sqlite_error (self, rc, error);
      goto failed;
    }
  return commit (self, error);

failed:
  rollback (self);
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

  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self,
                  "INSERT INTO post_media (post_id, media_id, position) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (post_id, media_id) DO UPDATE SET position = excluded.position", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, post_id);
  sqlite3_bind_int64 (stmt, 2, media_id);
  sqlite3_bind_int (stmt, 3, (int) position);
  if (!step_done (self, stmt, error))
    goto failed;
  return commit (self, error);

failed:
  rollback (self);
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

/* Inbox */

gboolean
desk_store_add_notifications (DeskStore  *self,
                              GPtrArray  *notifications,
                              GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (notifications != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < notifications->len; i++)
    {
      DeskNotification *n = g_ptr_array_index (notifications, i);
      GDateTime *created = desk_notification_get_created_at (n);
      sqlite3_stmt *stmt;

      stmt = prepare (self,
                      "INSERT INTO notifications (channel_id, remote_id, kind, author, text, url, created_at,"
                      " read, starred, status, priority, assignee)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, desk_notification_get_channel_id (n));
      bind_text_or_null (stmt, 2, desk_notification_get_remote_id (n));
      sqlite3_bind_text (stmt, 3, desk_notification_kind_to_id (desk_notification_get_kind (n)), -1, SQLITE_STATIC);
      bind_text_or_empty (stmt, 4, desk_notification_get_author (n));
      bind_text_or_empty (stmt, 5, desk_notification_get_text (n));
      bind_text_or_null (stmt, 6, desk_notification_get_url (n));
      sqlite3_bind_int64 (stmt, 7, created ? g_date_time_to_unix (created) : now_unix ());
      sqlite3_bind_int (stmt, 8, desk_notification_get_read (n));
      sqlite3_bind_int (stmt, 9, desk_notification_get_starred (n));
      sqlite3_bind_text (stmt, 10, desk_notification_status_to_id (desk_notification_get_status (n)), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 11, desk_notification_get_priority (n));
      bind_text_or_null (stmt, 12, desk_notification_get_assignee (n));

      if (!step_done (self, stmt, error))
        goto failed;
      desk_notification_set_id (n, sqlite3_last_insert_rowid (self->db));
    }

  return commit (self, error);

failed:
  rollback (self);
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

  stmt = prepare (self,
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
    return set_sqlite_error (self, rc, error);
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

  stmt = prepare (self,
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
      g_autoptr(GDateTime) created = column_time (stmt, 7);

      desk_notification_kind_from_id (column_text (stmt, 3), &kind);
      desk_notification_status_from_id (column_text (stmt, 10), &status);
      g_ptr_array_add (result,
                       g_object_new (DESK_TYPE_NOTIFICATION,
                                     "id", sqlite3_column_int64 (stmt, 0),
                                     "channel-id", sqlite3_column_int64 (stmt, 1),
                                     "remote-id", column_text (stmt, 2),
                                     "kind", kind,
                                     "author", column_text (stmt, 4),
                                     "text", column_text (stmt, 5),
                                     "url", column_text (stmt, 6),
                                     "created-at", created,
                                     "read", sqlite3_column_int (stmt, 8) != 0,
                                     "starred", sqlite3_column_int (stmt, 9) != 0,
                                     "status", status,
                                     "priority", sqlite3_column_int (stmt, 11),
                                     "assignee", column_text (stmt, 12),
                                     NULL));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
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

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < samples->len; i++)
    {
      DeskMetricSample *s = g_ptr_array_index (samples, i);
      sqlite3_stmt *stmt;

      stmt = prepare (self,
                      "INSERT INTO metric_samples (channel_id, post_id, day, metric, value)"
                      " VALUES (?1, ?2, ?3, ?4, ?5)"
                      " ON CONFLICT (channel_id, post_id, day, metric) DO UPDATE SET value = excluded.value",
                      error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, s->channel_id);
      sqlite3_bind_int64 (stmt, 2, s->post_id);
      bind_text_or_null (stmt, 3, s->day);
      bind_text_or_null (stmt, 4, s->metric);
      sqlite3_bind_double (stmt, 5, s->value);
      if (!step_done (self, stmt, error))
        goto failed;
    }

  return commit (self, error);

failed:
  rollback (self);
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

  stmt = prepare (self,
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
      t->metric = g_strdup (column_text (stmt, 1));
      t->total = sqlite3_column_double (stmt, 2);
      t->latest = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (result, t);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
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
  stmt = prepare (self, "SELECT channel_id, text_override FROM post_variants"
                        " WHERE post_id = ?1 AND text_override IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, post_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (texts, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup (column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
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
  stmt = prepare (self,
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
      g_autofree char *name = desk_media_file_name (column_text (stmt, 1), column_text (stmt, 2));

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
      attachment->alt = g_strdup (column_text (stmt, 3));
      attachment->design = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NULL : g_strdup (column_text (stmt, 4));
      g_ptr_array_add (list, attachment);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
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
  sqlite3_stmt *stmt = prepare (self, sql, error);
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
  return step_done (self, stmt, error);
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
  gint64 post_id, now = now_unix ();

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  if (!begin (self, error))
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

          sqlite3_stmt *stmt = prepare (self, "INSERT INTO post_media (post_id, media_id, position, alt_text)"
                                              " VALUES (?1, ?2, ?3, ?4)", error);

          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, post_id);
          sqlite3_bind_int64 (stmt, 2, attachment->media_id);
          sqlite3_bind_int (stmt, 3, (int) i);
          sqlite3_bind_text (stmt, 4, attachment->alt ? attachment->alt : "", -1, SQLITE_TRANSIENT);
          /* The post's own alt text; the image keeps the first one written
           * as the default for the next post that uses it */
          if (!step_done (self, stmt, error) ||
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
  return commit (self, error);

failed:
  rollback (self);
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
  stmt = prepare (self, "SELECT id, kind, name, body FROM snippets WHERE brand_id = ?1"
                        " ORDER BY kind, name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskSnippet *snippet = g_new0 (DeskSnippet, 1);

      snippet->id = sqlite3_column_int64 (stmt, 0);
      snippet->hashtags = g_str_equal (column_text (stmt, 1), "hashtags");
      snippet->name = g_strdup (column_text (stmt, 2));
      snippet->body = g_strdup (column_text (stmt, 3));
      g_ptr_array_add (list, snippet);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
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
  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self, snippet->id == 0
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
    sqlite3_bind_int64 (stmt, 5, now_unix ());
  else
    sqlite3_bind_int64 (stmt, 6, snippet->id);
  if (!step_done (self, stmt, error))
    goto failed;
  if (snippet->id == 0)
    snippet->id = sqlite3_last_insert_rowid (self->db);
  return commit (self, error);

failed:
  rollback (self);
  return FALSE;
}

gboolean
desk_store_delete_snippet (DeskStore  *self,
                           gint64      snippet_id,
                           GError    **error)
{
  if (!begin (self, error))
    return FALSE;
  if (!exec_bound (self, "DELETE FROM snippets WHERE id = ?1", error, snippet_id, 0, NULL))
    {
      rollback (self);
      return FALSE;
    }
  return commit (self, error);
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
  stmt = prepare (self, "SELECT sha256, file_name FROM media WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, media_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *name = desk_media_file_name (column_text (stmt, 0), column_text (stmt, 1));

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
    set_sqlite_error (self, rc, error);
  return path;
}
