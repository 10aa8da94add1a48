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
 * This file opens the workspace and holds the transactions and statement
 * helpers; the rest of DeskStore is in desk-store-schema.c (migrations and
 * backups), -brands.c (brands, channels, campaigns), -posts.c, -media.c
 * (images and the editor's data) and -inbox.c (notifications, metrics),
 * sharing desk-store-private.h. The public header is unchanged.
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


G_DEFINE_FINAL_TYPE (DeskStore, desk_store, G_TYPE_OBJECT)

guint _desk_store_signals[DESK_STORE_N_SIGNALS];

G_DEFINE_QUARK (desk-store-error-quark, desk_store_error)

static const char * const table_names[] = {
  "brands", "channels", "campaigns", "posts", "post_variants", "media",
  "post_media", "notifications", "metric_samples", "saved_replies", "outbox",
  "designs", "snippets", "accounts", "moderation_rules", "objectives", "report_notes",
  NULL
};


/* Error handling */

gboolean
_desk_store_set_sqlite_error (DeskStore  *self,
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


gboolean
_desk_store_exec_sql (DeskStore   *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _desk_store_set_sqlite_error (self, rc, error);
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
        return _desk_store_set_sqlite_error (self, rc, error);
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

gboolean
_desk_store_begin (DeskStore  *self,
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
  if (!_desk_store_exec_sql (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

void
_desk_store_rollback (DeskStore *self)
{
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->brands_changed = FALSE;
      self->outbox_changed = FALSE;
    }
  else
    sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);
  _desk_store_drop_pending (self, self->depth);
}

/* Commits (or releases the savepoint); on failure rolls back itself, so
 * callers only return. */
/* A read of several statements sees one state of the file: a deferred
 * transaction, unless one is open already. */
gboolean
_desk_store_begin_read (DeskStore  *self,
            GError    **error)
{
  return self->depth > 0 || _desk_store_exec_sql (self, "BEGIN", error);
}

void
_desk_store_end_read (DeskStore *self)
{
  /* It wrote nothing: if it cannot be committed, rolling it back loses
   * nothing and leaves no transaction open for the next write */
  if (self->depth == 0 && !sqlite3_get_autocommit (self->db) &&
      !_desk_store_exec_sql (self, "COMMIT", NULL))
    _desk_store_exec_sql (self, "ROLLBACK", NULL);
}

gboolean
_desk_store_commit (DeskStore  *self,
        GError    **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!_desk_store_exec_sql (self, self->depth == 1 ? "COMMIT" : "RELEASE nested", error))
    {
      _desk_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth == 0 && self->pending->len > 0)
    _desk_store_flush_pending (self);
  if (self->depth == 0 && self->brands_changed)
    {
      self->brands_changed = FALSE;
      g_signal_emit (self, _desk_store_signals[DESK_STORE_SIGNAL_BRANDS_CHANGED], 0);
    }
  if (self->depth == 0 && self->outbox_changed)
    {
      self->outbox_changed = FALSE;
      g_signal_emit (self, _desk_store_signals[DESK_STORE_SIGNAL_OUTBOX_CHANGED], 0);
    }
  return TRUE;
}

/* A brand was added, changed or deleted: said now, or when the
 * transaction it belongs to is committed */
void
_desk_store_brands_changed (DeskStore *self)
{
  if (self->depth > 0)
    self->brands_changed = TRUE;
  else
    g_signal_emit (self, _desk_store_signals[DESK_STORE_SIGNAL_BRANDS_CHANGED], 0);
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

  if (!_desk_store_begin (self, error))
    return FALSE;
  if (!func (self, user_data, error))
    {
      _desk_store_rollback (self);
      return FALSE;
    }
  return _desk_store_commit (self, error);
}

/* Returns a reset, cached statement for @sql (a string literal). */
sqlite3_stmt *
_desk_store_prepare (DeskStore   *self,
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
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Like _desk_store_prepare () for SQL built at run time (the inbox's
 * filters): the statement is kept under a copy of its text. */
sqlite3_stmt *
_desk_store_prepare_built (DeskStore   *self,
                           const char  *sql,
                           GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->built_statements, sql);
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
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->built_statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_desk_store_step_done (DeskStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _desk_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

void
_desk_store_bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
_desk_store_bind_text_or_empty (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
_desk_store_bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *time)
{
  if (time != NULL)
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (time));
  else
    sqlite3_bind_null (stmt, index);
}

void
_desk_store_bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

GDateTime *
_desk_store_column_time (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

const char *
_desk_store_column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gint64
_desk_store_now_unix (void)
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
  g_clear_pointer (&self->built_statements, g_hash_table_unref);
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
  _desk_store_signals[DESK_STORE_SIGNAL_POST_ADDED] =
    g_signal_new ("post-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_POST);
  /**
   * DeskStore::post-changed:
   * @post: the post, already holding its new values
   */
  _desk_store_signals[DESK_STORE_SIGNAL_POST_CHANGED] =
    g_signal_new ("post-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_POST);
  /**
   * DeskStore::post-removed:
   * @post: the post that is no longer in the store
   */
  _desk_store_signals[DESK_STORE_SIGNAL_POST_REMOVED] =
    g_signal_new ("post-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_POST);
  /**
   * DeskStore::brands-changed:
   *
   * A brand was added, renamed, archived, restored, deleted or otherwise
   * changed through this store, once its transaction is committed: the
   * brand selector lists them again.
   */
  _desk_store_signals[DESK_STORE_SIGNAL_BRANDS_CHANGED] =
    g_signal_new ("brands-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * DeskStore::outbox-changed:
   *
   * A send was queued, began, ended, was tried again or noted, once its
   * transaction is committed: what shows the sends reads them again.
   */
  _desk_store_signals[DESK_STORE_SIGNAL_OUTBOX_CHANGED] =
    g_signal_new ("outbox-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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
  self->built_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->live_posts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
}

void
_desk_store_live_post_finalized_cb (gpointer  data,
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
        g_object_weak_unref (value, _desk_store_live_post_finalized_cb, self);
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

gboolean
_desk_store_query_int (DeskStore   *self,
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
    return _desk_store_set_sqlite_error (self, rc, error);
  return TRUE;
}


/* Creates @path empty, readable and writable by the user alone (SQLite
 * would make it 0644, and its -wal and -shm files take the database's
 * mode): workspaces hold clients' unpublished plans */
gboolean
_desk_store_create_private_file (const char *path)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    return FALSE;
  close (fd);
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

      if (g_mkdir_with_parents (dir, 0700) != 0 || (!_desk_store_create_private_file (path) && errno != EEXIST))
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
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, (int) busy_timeout_ms);

  /* Reading the schema finds corruption of the first pages and any lock
   * held by another program, before we write anything. */
  if (!_desk_store_query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return NULL;

  /* Read through the WAL, not from the header: a workspace's header may
   * not have been checkpointed yet. */
  if (!_desk_store_query_int (self, "PRAGMA application_id", &header_app_id, error) ||
      !_desk_store_query_int (self, "PRAGMA user_version", &header_version, error))
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
  if (!_desk_store_exec_sql (self, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768", error))
    return NULL;

  if (!self->read_only)
    {
      /* A write lock proves nobody else holds the file before switching
       * the journal mode, which rewrites the header. */
      if (!_desk_store_exec_sql (self, "BEGIN IMMEDIATE; COMMIT", error))
        return NULL;
      if (!_desk_store_exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
          !_desk_store_exec_sql (self, "PRAGMA synchronous = FULL", error))
        return NULL;
      if (!_desk_store_migrate (self, target_version, error))
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

  if (!_desk_store_query_int (self, "PRAGMA user_version", &version, NULL))
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
  return _desk_store_query_int (self, sql, count, error);
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
    return _desk_store_set_sqlite_error (self, rc, error);

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

  if (!_desk_store_query_int (self, "PRAGMA data_version", &version, NULL))
    return FALSE;
  changed = self->data_version != 0 && version != self->data_version;
  self->data_version = version;
  return changed;
}



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


/* Runs @stmt (already bound) and makes a list of @type, one object a row. */
GListModel *
_desk_store_list_objects (DeskStore     *self,
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
      _desk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Inserts (@id 0) or updates one row in its own transaction. @bind fills
 * parameters 1…n; the id of an update is bound as @id_param. */
gboolean
_desk_store_save_object (DeskStore   *self,
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

  if (!_desk_store_begin (self, error))
    return FALSE;

  stmt = _desk_store_prepare (self, id == 0 ? insert_sql : update_sql, error);
  if (stmt == NULL)
    goto failed;
  bind (stmt, object);
  if (id != 0)
    sqlite3_bind_int64 (stmt, id_param, id);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;

  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                           _("It was deleted meanwhile; it cannot be saved."));
      goto failed;
    }

  if (!_desk_store_commit (self, error))
    return FALSE;
  *out_id = id;
  return TRUE;

failed:
  _desk_store_rollback (self);
  return FALSE;
}


/* Save a Copy */

/* Whether @a and @b name the same existing file */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void
unlink_database (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/* Copies the images the workspace in @db records from @from_dir into
 * @to_dir (both "media" folders); counts them in *n_images */
static gboolean
copy_media (sqlite3     *db,
            const char  *from_dir,
            const char  *to_dir,
            guint       *n_images,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean same_dir = g_file_test (to_dir, G_FILE_TEST_IS_DIR) && same_file (from_dir, to_dir);
  int rc = sqlite3_prepare_v2 (db, "SELECT DISTINCT sha256, file_name FROM media", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = desk_media_file_name ((const char *) sqlite3_column_text (stmt, 0),
                                                    (const char *) sqlite3_column_text (stmt, 1));
      g_autofree char *source = NULL;
      g_autofree char *target = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      rc = SQLITE_OK;
      if (name == NULL)
        continue;
      source = g_build_filename (from_dir, name, NULL);
      target = g_build_filename (to_dir, name, NULL);
      if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
        continue;   /* already missing from the workspace: nothing to carry */
      (*n_images)++;
      /* Named after their digest: a file of that name is that image */
      if (same_dir || g_file_test (target, G_FILE_TEST_EXISTS))
        continue;
      if (g_mkdir_with_parents (to_dir, 0700) != 0)
        {
          int saved_errno = errno;
          sqlite3_finalize (stmt);
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                       _("Cannot create the folder “%s”: %s"), to_dir, g_strerror (saved_errno));
          return FALSE;
        }
      if (!g_file_get_contents (source, &contents, &length, error) ||
          !g_file_set_contents_full (target, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
        {
          sqlite3_finalize (stmt);
          g_prefix_error (error, _("The images could not be copied: "));
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FAILED,
                   _("The list of images could not be read (%s)."), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* Refuses a target that is the workspace itself, a folder, or a database
 * in use (its -wal or -journal would be applied to the copy) */
static gboolean
check_copy_target (DeskStore   *self,
                   const char  *path,
                   GError     **error)
{
  static const char * const suffixes[] = { "-journal", "-wal" };
  g_autofree char *own = g_canonicalize_filename (self->path, NULL);
  g_autofree char *target = g_canonicalize_filename (path, NULL);

  if (g_str_equal (own, target) || same_file (self->path, path))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _("“%s” is the open workspace itself: choose another place for its copy."), path);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _("“%s” is a folder: the copy needs a file name."), path);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (name, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_LOCKED,
                       _("“%s” is in use by another program or was not closed properly: it cannot be replaced. Choose another place for the copy."),
                       path);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * desk_store_save_copy:
 * @path: the file to write; replaced if it exists
 * @n_images: (out) (optional): how many images the copy holds
 *
 * Writes a consistent copy of the workspace (SQLite's online backup, from
 * a connection of its own, so that it may run in another thread) to a
 * temporary file beside @path, copies the images the workspace records
 * into the "media" folder beside @path, then renames the file over @path:
 * @path is either left as it was or replaced whole. The copy opens as a
 * workspace of its own, with its images.
 *
 * Refuses the workspace's own file, a folder, and a workspace in use.
 */
gboolean
desk_store_save_copy (DeskStore   *self,
                      const char  *path,
                      guint       *n_images,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *from_media = NULL;
  g_autofree char *to_media = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  guint images = 0;
  int fd, rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_copy_target (self, path, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s%c.%s-XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("Cannot write in the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (self->path, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (source, 5000);
      rc = sqlite3_open_v2 (temp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");

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
      sqlite3_close_v2 (source);
      unlink_database (temp);
      g_set_error (error, DESK_STORE_ERROR, (rc & 0xff) == SQLITE_BUSY ? DESK_STORE_ERROR_LOCKED : DESK_STORE_ERROR_IO,
                   _("Could not save a copy of the workspace to “%s” (%s). Nothing was changed there."),
                   path, sqlite3_errstr (rc));
      return FALSE;
    }

  from_media = desk_store_get_media_dir (self);
  to_media = g_build_filename (dir, "media", NULL);
  if (!copy_media (source, from_media, to_media, &images, error))
    {
      sqlite3_close_v2 (source);
      unlink_database (temp);
      return FALSE;
    }
  sqlite3_close_v2 (source);

  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;
      unlink_database (temp);
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("Could not save a copy of the workspace to “%s” (%s). Nothing was changed there."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (n_images != NULL)
    *n_images = images;
  return TRUE;
}
