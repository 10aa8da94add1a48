/* desk-store-private.h: DeskStore's insides, shared by its files
 * (desk-store.c and desk-store-{schema,brands,posts,media,inbox}.c), and
 * what tests and the demo generator may reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "desk-post.h"
#include "desk-store.h"

G_BEGIN_DECLS

struct _DeskStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* const char *sql → sqlite3_stmt* */
  GHashTable *built_statements; /* char *sql (owned) → sqlite3_stmt*: SQL built at run time */
  GHashTable *live_posts;   /* gint64 id → DeskPost* (weak) */
  guint       depth;        /* nesting of begin (); > 1 uses savepoints */
  GArray     *pending;      /* (element-type Pending) saves published at the outermost commit */
  gint64      data_version; /* PRAGMA data_version at the last poll */
  GError     *damage;       /* what the integrity check found, if anything */
  guint       read_only : 1;
  guint       verified : 1; /* the integrity check ran on this connection or another */
  guint       brands_changed : 1; /* said at the outermost commit */
  guint       outbox_changed : 1; /* said at the outermost commit */
};

enum {
  DESK_STORE_SIGNAL_POST_ADDED,
  DESK_STORE_SIGNAL_POST_CHANGED,
  DESK_STORE_SIGNAL_POST_REMOVED,
  DESK_STORE_SIGNAL_BRANDS_CHANGED,
  DESK_STORE_SIGNAL_OUTBOX_CHANGED,
  DESK_STORE_N_SIGNALS
};

extern guint _desk_store_signals[DESK_STORE_N_SIGNALS];

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

typedef gpointer (*RowFunc)  (sqlite3_stmt *stmt);
typedef void     (*BindFunc) (sqlite3_stmt *stmt,
                              gpointer      object);

/* Transactions, statements and columns (desk-store.c), the schema
 * (desk-store-schema.c), the posts saved in a transaction
 * (desk-store-posts.c) */
gboolean      _desk_store_set_sqlite_error (DeskStore *self, int rc, GError **error);
gboolean      _desk_store_exec_sql (DeskStore *self, const char *sql, GError **error);
gboolean      _desk_store_begin (DeskStore *self, GError **error);
void          _desk_store_rollback (DeskStore *self);
gboolean      _desk_store_begin_read (DeskStore *self, GError **error);
void          _desk_store_end_read (DeskStore *self);
gboolean      _desk_store_commit (DeskStore *self, GError **error);
sqlite3_stmt *_desk_store_prepare (DeskStore *self, const char *sql, GError **error);
sqlite3_stmt *_desk_store_prepare_built (DeskStore *self, const char *sql, GError **error);
gboolean      _desk_store_step_done (DeskStore *self, sqlite3_stmt *stmt, GError **error);
void          _desk_store_bind_text_or_null (sqlite3_stmt *stmt, int index, const char *text);
void          _desk_store_bind_text_or_empty (sqlite3_stmt *stmt, int index, const char *text);
void          _desk_store_bind_time (sqlite3_stmt *stmt, int index, GDateTime *time);
void          _desk_store_bind_id_or_null (sqlite3_stmt *stmt, int index, gint64 id);
GDateTime    *_desk_store_column_time (sqlite3_stmt *stmt, int column);
const char   *_desk_store_column_text (sqlite3_stmt *stmt, int column);
gint64        _desk_store_now_unix (void);
gboolean      _desk_store_query_int (DeskStore *self, const char *sql, gint64 *out, GError **error);
GListModel   *_desk_store_list_objects (DeskStore *self, sqlite3_stmt *stmt, GType type, RowFunc row, GError **error);
gboolean      _desk_store_save_object (DeskStore *self, gint64 id, const char *insert_sql, const char *update_sql, int id_param, BindFunc bind, gpointer object, gint64 *out_id, GError **error);
gboolean      _desk_store_create_private_file (const char *path);
gboolean      _desk_store_migrate (DeskStore *self, int target_version, GError **error);
gboolean      _desk_store_score_notifications (DeskStore *self, GError **error);
/* Where a page of a direct inbox view starts: the last entry before it */
typedef struct
{
  gint64 priority;
  gint64 created_at;
  gint64 id;
} DeskInboxKey;

/* The inbox's views read page by page, and its snapshots, for
 * DeskInboxModel (desk-store-inbox.c) */
gboolean      _desk_store_inbox_is_direct (const DeskInboxFilter *filter);
GPtrArray    *_desk_store_inbox_read_direct (DeskStore *self, const DeskInboxFilter *filter, const DeskInboxKey *after, guint skip, guint limit, GError **error);
GPtrArray    *_desk_store_inbox_read_ids (DeskStore *self, const gint64 *ids, guint n_ids, gboolean with_group_size, GError **error);
gboolean      _desk_store_inbox_snapshot (DeskStore *self, guint slot, const DeskInboxFilter *filter, guint *count, GError **error);
GPtrArray    *_desk_store_inbox_read_window (DeskStore *self, guint slot, guint offset, guint limit, GError **error);
void          _desk_store_inbox_drop_snapshot (DeskStore *self, guint slot);
void          _desk_store_drop_pending (DeskStore *self, guint above);
void          _desk_store_flush_pending (DeskStore *self);
void          _desk_store_brands_changed (DeskStore *self);
void          _desk_store_live_post_finalized_cb (gpointer data, GObject *where_the_object_was);

sqlite3   *_desk_store_get_handle      (DeskStore   *self);
/* Creates or migrates a database only up to @version: lets tests build
 * every older schema and then open it with the current code. */
DeskStore *_desk_store_open_at_version (const char  *path,
                                        int          version,
                                        GError     **error);

G_END_DECLS
