/* test-store.c: the SQLite workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-helpers.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "desk-csv.h"
#include "desk-demo.h"
#include "desk-inbox-order.h"
#include "desk-notification-list.h"
#include "desk-post-list.h"
#include "desk-post-ranges.h"
#include "desk-store-private.h"
#include "desk-text-count.h"
#include "desk-time.h"
#include "desk-workspace.h"

static gint64
add_brand (DeskStore  *store,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", name, NULL);

  g_assert_true (desk_store_save_brand (store, brand, &error));
  g_assert_no_error (error);
  return desk_brand_get_id (brand);
}

static gint64
add_channel (DeskStore   *store,
             gint64       brand_id,
             DeskNetwork  network,
             const char  *handle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskChannel) channel = g_object_new (DESK_TYPE_CHANNEL,
                                                 "brand-id", brand_id,
                                                 "network", network,
                                                 "handle", handle,
                                                 NULL);

  g_assert_true (desk_store_save_channel (store, channel, &error));
  g_assert_no_error (error);
  return desk_channel_get_id (channel);
}

static DeskPost *
make_post (gint64      brand_id,
           const char *title,
           GDateTime  *at)
{
  DeskPost *post = desk_post_new ();

  desk_post_set_brand_id (post, brand_id);
  desk_post_set_title (post, title);
  desk_post_set_scheduled_at (post, at);
  desk_post_set_status (post, at ? DESK_POST_STATUS_SCHEDULED : DESK_POST_STATUS_IDEA);
  return post;
}

/* Runs SQL on @store's connection as another program would, bypassing
 * the store's API */
G_GNUC_PRINTF (2, 3)
static void
exec_sql_printf (DeskStore  *store,
                 const char *format,
                 ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_cmpint (sqlite3_exec (_desk_store_get_handle (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_fresh (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GListModel) brands = NULL;
  sqlite3_stmt *stmt = NULL;
  const char * const *tables = desk_store_table_names ();

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (desk_store_get_schema_version (store), ==, DESK_STORE_SCHEMA_VERSION);

  /* WAL and foreign keys are on. */
  g_assert_cmpint (sqlite3_prepare_v2 (_desk_store_get_handle (store), "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (_desk_store_get_handle (store), "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      gint64 count = -1;
      g_assert_true (desk_store_count_rows (store, tables[i], &count, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count, ==, 0);
    }

  brands = desk_store_list_brands (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (brands), ==, 0);

  /* No backup is taken for a brand-new file. */
  {
    g_autofree char *backups = desk_store_get_backup_dir (store);
    g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  }
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 3, 2, 9, 30, 0);
  gint64 brand_id, channel_id, post_id;

  {
    g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
    g_autoptr(DeskPost) post = NULL;

    g_assert_no_error (error);
    brand_id = add_brand (store, "Brand");
    channel_id = add_channel (store, brand_id, DESK_NETWORK_BLUESKY, "@brand.bsky.social");
    post = make_post (brand_id, "Hello", at);
    desk_post_set_body (post, "Bonjour à tous 🥐");
    desk_post_set_pillar (post, "Produits");
    desk_post_set_channel_ids (post, &channel_id, 1);
    g_assert_true (desk_store_save_post (store, post, &error));
    g_assert_no_error (error);
    post_id = desk_post_get_id (post);
    g_assert_cmpint (post_id, >, 0);
    g_assert_nonnull (desk_post_get_created_at (post));
  }

  {
    g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
    g_autoptr(DeskPost) post = NULL;
    guint n;

    g_assert_no_error (error);
    post = desk_store_get_post (store, post_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (desk_post_get_title (post), ==, "Hello");
    g_assert_cmpstr (desk_post_get_body (post), ==, "Bonjour à tous 🥐");
    g_assert_cmpstr (desk_post_get_pillar (post), ==, "Produits");
    g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), at));
    g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);
    g_assert_cmpint (desk_post_get_channel_ids (post, &n)[0], ==, channel_id);
    g_assert_cmpuint (n, ==, 1);
  }

  /* Read-only opening sees the same data and refuses writes. */
  {
    g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(DeskPost) post = NULL;
    gint64 count = 0;

    g_assert_no_error (error);
    g_assert_true (desk_store_count_rows (store, "posts", &count, &error));
    g_assert_cmpint (count, ==, 1);
    post = make_post (brand_id, "Nope", NULL);
    g_assert_false (desk_store_save_post (store, post, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO);
  }
}

static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskBrand) nameless = g_object_new (DESK_TYPE_BRAND, "name", "   ", NULL);
  g_autoptr(DeskPost) orphan = NULL;
  g_autoptr(DeskPost) bad_channel = NULL;
  g_autoptr(DeskPost) undated = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 brand_id, missing = 999, count = -1;

  g_assert_no_error (error);

  g_assert_false (desk_store_save_brand (store, nameless, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  brand_id = add_brand (store, "Brand");

  /* A post of a brand that does not exist */
  orphan = make_post (4242, "Orphan", NULL);
  g_assert_false (desk_store_save_post (store, orphan, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_cmpint (desk_post_get_id (orphan), ==, 0);
  g_clear_error (&error);

  /* A channel that does not exist */
  bad_channel = make_post (brand_id, "Bad channel", NULL);
  desk_post_set_channel_ids (bad_channel, &missing, 1);
  g_assert_false (desk_store_save_post (store, bad_channel, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Scheduled without a date */
  undated = make_post (brand_id, "Undated", NULL);
  desk_post_set_status (undated, DESK_POST_STATUS_SCHEDULED);
  g_assert_false (desk_store_save_post (store, undated, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A batch with one bad post writes nothing. */
  g_ptr_array_add (batch, make_post (brand_id, "Good 1", NULL));
  g_ptr_array_add (batch, make_post (brand_id, "Good 2", NULL));
  g_ptr_array_add (batch, make_post (4242, "Bad", NULL));
  g_assert_false (desk_store_save_posts (store, batch, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (desk_store_count_rows (store, "posts", &count, &error));
  g_assert_cmpint (count, ==, 0);

  /* Unknown table names never reach SQL. */
  g_assert_false (desk_store_count_rows (store, "posts; DROP TABLE posts", &count, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A notification pulled twice (the same remote id on one channel) is
   * stored once, as the user left it */
  {
    gint64 channel_id = add_channel (store, brand_id, DESK_NETWORK_MASTODON, "@a@b.c");
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
    guint n = 99;

    for (int i = 0; i < 2; i++)
      g_ptr_array_add (notes, g_object_new (DESK_TYPE_NOTIFICATION,
                                            "channel-id", channel_id,
                                            "remote-id", "same",
                                            "author", "x",
                                            NULL));
    g_object_set (g_ptr_array_index (notes, 0), "read", TRUE, NULL);
    g_assert_true (desk_store_add_notifications (store, notes, &error));
    g_assert_no_error (error);
    g_assert_true (desk_store_add_notifications (store, notes, &error));
    g_assert_true (desk_store_count_notifications (store, brand_id, &n, &error));
    g_assert_cmpuint (n, ==, 1);
    {
      g_autoptr(GPtrArray) kept = desk_store_query_notifications (store, brand_id, 0, 10, &error);

      g_assert_no_error (error);
      g_assert_true (desk_notification_get_read (g_ptr_array_index (kept, 0)));
    }
  }

  /* Deleting what is not there */
  g_assert_false (desk_store_delete_post (store, 12345, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

static void
test_migrations (Fixture       *f,
                 gconstpointer  data)
{
  for (int version = 1; version < DESK_STORE_SCHEMA_VERSION; version++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/v%d.db", f->dir, version);
      g_autofree char *backups = NULL;
      g_autoptr(GDir) dir = NULL;
      gint64 brand_id, post_id;
      guint n_backups = 0;

      {
        g_autoptr(DeskStore) old = _desk_store_open_at_version (path, version, &error);
        g_autoptr(DeskPost) post = NULL;

        g_assert_no_error (error);
        g_assert_cmpint (desk_store_get_schema_version (old), ==, version);
        /* The brands' columns of that version only */
        exec_sql_printf (old, "INSERT INTO brands (name, created_at) VALUES ('Old brand', 0)");
        brand_id = sqlite3_last_insert_rowid (_desk_store_get_handle (old));
        /* The inbox of before (version 2 on): a question, a spam */
        if (version >= 2)
          exec_sql_printf (old, "INSERT INTO channels (brand_id, network, handle) VALUES (%" G_GINT64_FORMAT ", 'mastodon', '@old');"
                           "INSERT INTO notifications (channel_id, remote_id, kind, author, text, created_at, status)"
                           " VALUES (last_insert_rowid (), 'q', 'mention', 'Zoé', 'Votre crème brûlée ?', 100, '%s'),"
                           " (last_insert_rowid (), 's', 'mention', 'Bot', 'Promo', 50, '%s');"
                           /* Three likes of one post (its link: schema 10 makes it their subject) */
                           "INSERT INTO notifications (channel_id, remote_id, kind, author, text, url, created_at)"
                           " SELECT channel_id, 'like-' || x, 'favourite', 'Fan ' || x, '', 'https://x.test/p/1', 60 + x"
                           " FROM (SELECT channel_id FROM notifications LIMIT 1), (SELECT 1 AS x UNION SELECT 2 UNION SELECT 3)",
                           brand_id,
                           /* schema 10 named the statuses anew, and made spam a flag */
                           version >= 10 ? "done" : "answered", version >= 10 ? "open" : "spam");
        /* From schema 12 what the store keeps as it stores them: their
         * brand, the likes' subject (from 10) and group, the search index */
        if (version >= 12)
          exec_sql_printf (old, "UPDATE notifications SET brand_id = %" G_GINT64_FORMAT ";"
                           "UPDATE notifications SET subject = url, group_head = remote_id = 'like-3',"
                           " group_size = CASE WHEN remote_id = 'like-3' THEN 3 ELSE 1 END WHERE kind = 'favourite';"
                           "INSERT INTO notifications_fts (notifications_fts) VALUES ('rebuild');",
                           brand_id);

        /* Written with plain SQL: the store's own code targets the
         * current schema. */
        post = make_post (brand_id, "Old post", NULL);
        g_assert_true (desk_store_save_post (old, post, &error));
        g_assert_no_error (error);
        post_id = desk_post_get_id (post);
      }

      /* Read-only opening of an old schema asks for an upgrade. */
      {
        g_autoptr(DeskStore) ro = desk_store_open (path, DESK_STORE_OPEN_READ_ONLY, &error);
        g_assert_null (ro);
        g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NEEDS_UPGRADE);
        g_clear_error (&error);
      }

      {
        g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
        g_autoptr(DeskPost) post = NULL;
        gint64 channel_id;
        gint64 count = -1;

        g_assert_no_error (error);
        g_assert_cmpint (desk_store_get_schema_version (store), ==, DESK_STORE_SCHEMA_VERSION);
        post = desk_store_get_post (store, post_id, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (desk_post_get_title (post), ==, "Old post");

        /* The newest columns and tables work; a brand of before has the
         * defaults (system timezone, French, in use) */
        {
          g_autoptr(DeskBrand) brand = desk_store_get_brand (store, brand_id, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (desk_brand_get_name (brand), ==, "Old brand");
          g_assert_cmpstr (desk_brand_get_timezone (brand), ==, "");
          g_assert_cmpstr (desk_brand_get_language (brand), ==, "fr");
          g_assert_false (desk_brand_get_archived (brand));
          g_assert_cmpint (desk_brand_get_logo_media_id (brand), ==, 0);
        }
        /* The notifications of before: statuses of schema 10, found by
         * the accent-blind search, in the attention order */
        if (version >= 2)
          {
            g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
            g_autoptr(GPtrArray) found = NULL;

            filter->brand_id = brand_id;
            filter->search = g_strdup ("creme brulee");
            found = desk_store_query_inbox (store, filter, 0, 10, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (found->len, ==, 1);
            g_assert_cmpstr (desk_notification_get_remote_id (g_ptr_array_index (found, 0)), ==, "q");
            g_assert_cmpint (desk_notification_get_status (g_ptr_array_index (found, 0)), ==, DESK_NOTIFICATION_STATUS_DONE);
            /* Scored by the migration to 10 (rows written at 10 by plain
             * SQL were never scored: the store scores what it stores) */
            if (version < 10)
              g_assert_cmpint (desk_notification_get_priority (g_ptr_array_index (found, 0)), ==, DESK_INBOX_PRIORITY_ATTENTION);
            g_clear_pointer (&found, g_ptr_array_unref);
            g_clear_pointer (&filter->search, g_free);
            filter->search = g_strdup ("promo");
            found = desk_store_query_inbox (store, filter, 0, 10, &error);
            g_assert_cmpuint (found->len, ==, 1);
            if (version < 10)
              g_assert_cmpint (desk_notification_get_flag (g_ptr_array_index (found, 0)), ==, DESK_MODERATION_FLAG_SPAM);
            g_assert_cmpint (desk_notification_get_status (g_ptr_array_index (found, 0)), ==, DESK_NOTIFICATION_STATUS_OPEN);
          }
        /* Schema 12: the likes of before are one group of the attention
         * view, headed by the newest, read along the brand's index */
        if (version >= 2)
          {
            g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
            g_autoptr(GPtrArray) entries = NULL;
            DeskNotification *group = NULL;

            filter->brand_id = brand_id;
            g_assert_true (_desk_store_inbox_is_direct (filter));
            entries = desk_store_query_inbox (store, filter, 0, 10, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (entries->len, ==, 3);
            for (guint i = 0; i < entries->len; i++)
              if (g_str_has_prefix (desk_notification_get_remote_id (g_ptr_array_index (entries, i)), "like-"))
                group = g_ptr_array_index (entries, i);
            g_assert_nonnull (group);
            g_assert_cmpstr (desk_notification_get_remote_id (group), ==, "like-3");
            g_assert_cmpuint (desk_notification_get_group_count (group), ==, 3);
          }
        channel_id = add_channel (store, brand_id, DESK_NETWORK_WORDPRESS, "blog");
        g_assert_cmpint (channel_id, >, 0);
        g_assert_true (desk_store_count_rows (store, "outbox", &count, &error));
        g_assert_cmpint (count, ==, 0);

        /* Version 11: objectives, a report's recommendations, the KPIs' index */
        {
          g_autoptr(DeskObjective) objective = g_new0 (DeskObjective, 1);
          g_autoptr(GPtrArray) objectives = NULL;
          g_autofree char *notes = NULL;
          gint64 indexed = 0;

          objective->brand_id = brand_id;
          objective->kpi = g_strdup ("engagement_rate");
          objective->target = 0.05;
          g_assert_true (desk_store_save_objective (store, objective, &error));
          g_assert_no_error (error);
          objectives = desk_store_list_objectives (store, brand_id, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (objectives->len, ==, 1);
          g_assert_true (desk_store_set_report_recommendations (store, brand_id, "2026-01-01", "2026-01-31", "Plus de vidéos", &error));
          notes = desk_store_dup_report_recommendations (store, brand_id, "2026-01-01", "2026-01-31", &error);
          g_assert_cmpstr (notes, ==, "Plus de vidéos");
          g_assert_true (_desk_store_query_int (store, "SELECT count (*) FROM sqlite_master WHERE name = 'metric_samples_by_metric'",
                                                &indexed, &error));
          g_assert_cmpint (indexed, ==, 1);
        }
        /* Schema 13: the hidden items read apart, in the attention order,
         * beside the visible entries */
        if (version >= 2)
          {
            g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
            g_autoptr(GPtrArray) entries = NULL;
            gint64 indexed = 0;
            guint count = 0;

            g_assert_true (_desk_store_query_int (store, "SELECT count (*) FROM sqlite_master WHERE name = 'notifications_hidden'",
                                                  &indexed, &error));
            g_assert_cmpint (indexed, ==, 1);
            exec_sql_printf (store, "UPDATE notifications SET hidden = 1 WHERE remote_id = 's'");
            filter->brand_id = brand_id;
            filter->show_hidden = TRUE;
            g_assert_true (_desk_store_inbox_is_direct (filter));
            entries = desk_store_query_inbox (store, filter, 0, 10, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (entries->len, ==, 3);
            g_assert_true (desk_store_count_inbox (store, filter, &count, &error));
            g_assert_cmpuint (count, ==, 3);
            filter->show_hidden = FALSE;
            g_clear_pointer (&entries, g_ptr_array_unref);
            entries = desk_store_query_inbox (store, filter, 0, 10, &error);
            g_assert_cmpuint (entries->len, ==, 2);
          }

        backups = desk_store_get_backup_dir (store);
      }

      /* The backup holds the old version's data. */
      dir = g_dir_open (backups, 0, &error);
      g_assert_no_error (error);
      for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
        {
          g_autofree char *suffix = g_strdup_printf (".v%d.bak", version);
          g_autofree char *full = g_build_filename (backups, name, NULL);
          sqlite3 *db = NULL;
          sqlite3_stmt *stmt = NULL;

          if (!g_str_has_prefix (name, "v") || !g_str_has_suffix (name, suffix))
            continue;
          n_backups++;
          g_assert_cmpint (sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT user_version, (SELECT title FROM posts) FROM pragma_user_version", -1, &stmt, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, version);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "Old post");
          sqlite3_finalize (stmt);
          sqlite3_close (db);
        }
      g_assert_cmpuint (n_backups, ==, 1);
    }
}

static void
test_backups_pruned (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  /* Seven upgrades of the same file keep the newest five backups. */
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskStore) old = NULL;
      g_autoptr(DeskStore) store = NULL;

      g_remove (f->path);
      {
        g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
        g_remove (wal);
        g_remove (shm);
      }
      old = _desk_store_open_at_version (f->path, 1, &error);
      g_assert_no_error (error);
      exec_sql_printf (old, "INSERT INTO brands (name, created_at) VALUES ('Brand', 0)");
      g_clear_object (&old);
      store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }

  dir = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, DESK_STORE_MAX_BACKUPS);
}

static void
assert_refused_untouched (const char     *path,
                          DeskStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, DESK_STORE_ERROR, (int) code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 10);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_foreign_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autofree char *app = g_build_filename (f->dir, "other-app.sqlite", NULL);
  sqlite3 *db = NULL;

  /* A text file */
  g_assert_true (g_file_set_contents (text, "Liste de courses : farine, beurre, sel\n", -1, NULL));
  assert_refused_untouched (text, DESK_STORE_ERROR_NOT_A_DATABASE);

  /* Another program's SQLite file, without an application id */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Léa');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (other, DESK_STORE_ERROR_NOT_A_DATABASE);

  /* Another program's SQLite file, with its own application id */
  g_assert_cmpint (sqlite3_open (app, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1234; PRAGMA user_version = 7; CREATE TABLE t (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (app, DESK_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_newer_version_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  {
    g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    sqlite3_exec (_desk_store_get_handle (store), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  }
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (f->path, DESK_STORE_ERROR_TOO_NEW);
}

static void
test_corrupt_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  {
    g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
    g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);

    g_assert_no_error (error);
    g_assert_true (desk_demo_populate (store, NULL, 1, now, &error));
    g_assert_no_error (error);
    /* Fold the WAL into the main file, as a clean quit does. */
    sqlite3_exec (_desk_store_get_handle (store), "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  }

  /* Scribble over the schema page (page 1 after the 100-byte header). */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  for (gsize i = 100; i < 4096; i++)
    contents[i] = (char) (i * 7 + 13);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  assert_refused_untouched (f->path, DESK_STORE_ERROR_CORRUPT);
}

static gpointer
hold_lock_thread (gpointer data)
{
  const char *path = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
test_locked_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(DeskStore) store = NULL;
  sqlite3 *holder;

  {
    g_autoptr(DeskStore) first = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    add_brand (first, "Brand");
    sqlite3_exec (_desk_store_get_handle (first), "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  }

  before = file_checksum (f->path);
  holder = hold_lock_thread (f->path);

  store = desk_store_open_full (f->path, DESK_STORE_OPEN_DEFAULT, 200, &error);
  g_assert_null (store);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Once released, it opens and the data is there. */
  store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) brands = desk_store_list_brands (store, &error);
    g_assert_cmpuint (g_list_model_get_n_items (brands), ==, 1);
  }
}

static void
test_missing_no_create (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_READ_ONLY, &error);

  g_assert_null (store);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* Europe/Paris left summer time on 2026-10-25 at 03:00 local (01:00 UTC). */
static void
test_dst (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(DeskPost) read_back = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 brand_id;

  g_assert_nonnull (paris);

  before = g_date_time_new (paris, 2026, 10, 24, 10, 0, 0);
  after = g_date_time_new (paris, 2026, 10, 26, 10, 0, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (before) / G_TIME_SPAN_HOUR, ==, 2);
  g_assert_cmpint (g_date_time_get_utc_offset (after) / G_TIME_SPAN_HOUR, ==, 1);
  /* Same wall-clock time, 49 hours apart */
  g_assert_cmpint (g_date_time_difference (after, before) / G_TIME_SPAN_HOUR, ==, 49);

  store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  brand_id = add_brand (store, "Brand");
  post = make_post (brand_id, "Across DST", before);
  g_assert_true (desk_store_save_post (store, post, &error));

  /* Stored in UTC */
  {
    sqlite3_stmt *stmt = NULL;
    g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 10, 24, 8, 0, 0);

    sqlite3_prepare_v2 (_desk_store_get_handle (store), "SELECT scheduled_at FROM posts", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, g_date_time_to_unix (utc));
    sqlite3_finalize (stmt);
  }

  /* Moving the same local time two days later crosses the change and
   * stays at 10:00 Paris time. */
  {
    g_autoptr(GDateTime) moved_day = g_date_time_add_days (g_date_time_to_timezone (before, paris), 2);
    g_autoptr(GDateTime) moved = g_date_time_new (paris, g_date_time_get_year (moved_day),
                                                  g_date_time_get_month (moved_day),
                                                  g_date_time_get_day_of_month (moved_day), 10, 0, 0);
    desk_post_set_scheduled_at (post, moved);
    g_assert_true (desk_store_save_post (store, post, &error));
  }

  g_clear_object (&store);
  store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  read_back = desk_store_get_post (store, desk_post_get_id (post), &error);
  g_assert_no_error (error);
  local = g_date_time_to_timezone (desk_post_get_scheduled_at (read_back), paris);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 26);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (read_back), after));
}

/* desk_time_at_local () keeps the wall-clock time on the local zone. */
static void
test_dst_local_helpers (void)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) at_next = NULL;
  g_autofree char *tz = g_strdup (g_getenv ("TZ"));

  g_setenv ("TZ", "Europe/Paris", TRUE);
  tzset ();

  day = g_date_time_new_local (2026, 10, 24, 0, 0, 0);
  at = desk_time_at_local (day, 10, 0);
  next = g_date_time_add_days (day, 2);
  at_next = desk_time_at_local (next, 10, 0);
  g_assert_cmpint (g_date_time_get_hour (at_next), ==, 10);
  g_assert_cmpint (g_date_time_difference (at_next, at) / G_TIME_SPAN_HOUR, ==, 49);
  {
    g_autofree char *d = desk_time_format_day (at_next);
    g_assert_cmpstr (d, ==, "2026-10-26");
  }

  if (tz)
    g_setenv ("TZ", tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

typedef struct
{
  guint position, removed, added;
  guint n_items;   /* as the model says during the signal */
} Change;

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change c = { position, removed, added, g_list_model_get_n_items (model) };
  g_array_append_val (changes, c);
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *c;

  g_assert_cmpuint (index, <, changes->len);
  c = &g_array_index (changes, Change, index);
  g_assert_cmpuint (c->position, ==, position);
  g_assert_cmpuint (c->removed, ==, removed);
  g_assert_cmpuint (c->added, ==, added);
}

static void
assert_order (GListModel *model)
{
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskPost) a = g_list_model_get_item (model, i - 1);
      g_autoptr(DeskPost) b = g_list_model_get_item (model, i);
      g_assert_cmpint (desk_post_compare_schedule (a, b), <, 0);
    }
}

static void
test_range_model (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskPostList) list = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 11, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  g_autoptr(DeskPost) a = NULL, b = NULL, c = NULL, outside = NULL, other_brand = NULL;
  gint64 brand_id, brand2;

  g_assert_no_error (error);
  brand_id = add_brand (store, "Brand");
  brand2 = add_brand (store, "Other");

  {
    g_autoptr(GDateTime) t1 = g_date_time_new_utc (2026, 11, 5, 9, 0, 0);
    g_autoptr(GDateTime) t2 = g_date_time_new_utc (2026, 11, 10, 9, 0, 0);
    a = make_post (brand_id, "A", t1);
    b = make_post (brand_id, "B", t2);
    g_assert_true (desk_store_save_post (store, a, &error));
    g_assert_true (desk_store_save_post (store, b, &error));
  }

  list = desk_post_list_new (store);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change_cb), changes);
  g_assert_true (desk_post_list_set_range (list, brand_id, from, to, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  assert_change (changes, 0, 0, 0, 2);

  /* Insert between the two */
  {
    g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 11, 7, 9, 0, 0);
    c = make_post (brand_id, "C", t);
    g_assert_true (desk_store_save_post (store, c, &error));
  }
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 1, 1, 0, 1);
  {
    g_autoptr(DeskPost) item = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_assert_true (item == c);
  }

  /* Outside the range or another brand: nothing */
  {
    g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 12, 7, 9, 0, 0);
    g_autoptr(GDateTime) t2 = g_date_time_new_utc (2026, 11, 8, 9, 0, 0);
    outside = make_post (brand_id, "Out", t);
    other_brand = make_post (brand2, "Other", t2);
    g_assert_true (desk_store_save_post (store, outside, &error));
    g_assert_true (desk_store_save_post (store, other_brand, &error));
  }
  g_assert_cmpuint (changes->len, ==, 2);

  /* Move A after B (through a detached copy, as the dialog does): one
   * removal at 0, one insertion at 2, and the shared object is updated. */
  {
    g_autoptr(DeskPost) copy = desk_post_copy (a);
    g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);
    desk_post_set_scheduled_at (copy, t);
    g_assert_true (desk_store_save_post (store, copy, &error));
    g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (a), t));
  }
  g_assert_cmpuint (changes->len, ==, 4);
  assert_change (changes, 2, 0, 1, 0);
  assert_change (changes, 3, 2, 0, 1);
  /* Each signal leaves the model in the state it announces. */
  g_assert_cmpuint (g_array_index (changes, Change, 2).n_items, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 3).n_items, ==, 3);
  assert_order (G_LIST_MODEL (list));

  /* Change in place: one replacement */
  desk_post_set_title (b, "B2");
  g_assert_true (desk_store_save_post (store, b, &error));
  g_assert_cmpuint (changes->len, ==, 5);
  assert_change (changes, 4, 1, 1, 1);

  /* Move out of range: removal; back into range: insertion */
  {
    g_autoptr(GDateTime) t = g_date_time_new_utc (2027, 1, 3, 9, 0, 0);
    desk_post_set_scheduled_at (c, t);
    g_assert_true (desk_store_save_post (store, c, &error));
  }
  g_assert_cmpuint (changes->len, ==, 6);
  assert_change (changes, 5, 0, 1, 0);
  {
    g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 11, 30, 23, 59, 0);
    desk_post_set_scheduled_at (outside, t);
    g_assert_true (desk_store_save_post (store, outside, &error));
  }
  g_assert_cmpuint (changes->len, ==, 7);
  assert_change (changes, 6, 2, 0, 1);

  /* Unscheduling removes it */
  desk_post_set_scheduled_at (outside, NULL);
  desk_post_set_status (outside, DESK_POST_STATUS_IDEA);
  g_assert_true (desk_store_save_post (store, outside, &error));
  assert_change (changes, 7, 2, 1, 0);

  /* Delete */
  g_assert_true (desk_store_delete_post (store, desk_post_get_id (b), &error));
  g_assert_no_error (error);
  assert_change (changes, 8, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* A fresh query agrees with the live model. */
  {
    g_autoptr(GPtrArray) fresh = desk_store_query_posts (store, brand_id, from, to, &error);
    g_assert_cmpuint (fresh->len, ==, 1);
    g_assert_true (g_ptr_array_index (fresh, 0) == a);
  }
}

/* Saves @post scheduled at @day of November or December 2026, 9:00 UTC */
static void
schedule_post (DeskStore *store,
               DeskPost  *post,
               int        month,
               int        day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, month, day, 9, 0, 0);

  desk_post_set_scheduled_at (post, at);
  desk_post_set_status (post, DESK_POST_STATUS_SCHEDULED);
  g_assert_true (desk_store_save_post (store, post, &error));
  g_assert_no_error (error);
}

/* The ranges read ahead: each read once, each following the store with
 * exact items-changed of its own, the others untouched; another brand
 * empties the cache, and past its capacity the oldest goes. */
static void
test_post_ranges (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskPostRanges) ranges = NULL;
  g_autoptr(GArray) nov_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) dec_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GDateTime) nov = g_date_time_new_utc (2026, 11, 1, 0, 0, 0);
  g_autoptr(GDateTime) dec = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  g_autoptr(GDateTime) jan = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) feb = g_date_time_new_utc (2027, 2, 1, 0, 0, 0);
  g_autoptr(GDateTime) mar = g_date_time_new_utc (2027, 3, 1, 0, 0, 0);
  g_autoptr(DeskPost) a = NULL, b = NULL, c = NULL;
  g_autoptr(DeskPostList) nov_list = NULL;
  DeskPostList *dec_list;
  gint64 brand_id, brand2;

  g_assert_no_error (error);
  brand_id = add_brand (store, "Brand");
  brand2 = add_brand (store, "Other");
  a = make_post (brand_id, "A", NULL);
  b = make_post (brand_id, "B", NULL);
  c = make_post (brand_id, "C", NULL);
  schedule_post (store, a, 11, 5);
  schedule_post (store, b, 11, 10);
  schedule_post (store, c, 12, 3);

  ranges = desk_post_ranges_new (store, 3);
  nov_list = g_object_ref (desk_post_ranges_get (ranges, brand_id, nov, dec, &error));
  g_assert_no_error (error);
  dec_list = desk_post_ranges_get (ranges, brand_id, dec, jan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (nov_list)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (dec_list)), ==, 1);
  /* Asked again: the same list, not read again */
  g_assert_true (desk_post_ranges_get (ranges, brand_id, nov, dec, &error) == nov_list);
  g_assert_cmpuint (desk_post_ranges_get_n_ranges (ranges), ==, 2);
  g_signal_connect (nov_list, "items-changed", G_CALLBACK (record_change_cb), nov_changes);
  g_signal_connect (dec_list, "items-changed", G_CALLBACK (record_change_cb), dec_changes);

  /* Moved within November, after B: that range only, removal then insertion */
  schedule_post (store, a, 11, 20);
  g_assert_cmpuint (nov_changes->len, ==, 2);
  assert_change (nov_changes, 0, 0, 1, 0);
  assert_change (nov_changes, 1, 1, 0, 1);
  g_assert_cmpuint (dec_changes->len, ==, 0);

  /* Changed in place in December: a replacement there only */
  desk_post_set_title (c, "C2");
  g_assert_true (desk_store_save_post (store, c, &error));
  g_assert_cmpuint (dec_changes->len, ==, 1);
  assert_change (dec_changes, 0, 0, 1, 1);
  g_assert_cmpuint (nov_changes->len, ==, 2);

  /* Moved from November to December: out of one, into the other */
  schedule_post (store, b, 12, 1);
  g_assert_cmpuint (nov_changes->len, ==, 3);
  assert_change (nov_changes, 2, 0, 1, 0);
  g_assert_cmpuint (dec_changes->len, ==, 2);
  assert_change (dec_changes, 1, 0, 0, 1);

  /* Added in December, and in neither range or of another brand */
  {
    g_autoptr(DeskPost) d = make_post (brand_id, "D", NULL);
    g_autoptr(DeskPost) later = make_post (brand_id, "Later", NULL);
    g_autoptr(DeskPost) other = make_post (brand2, "Other", NULL);

    schedule_post (store, d, 12, 24);
    schedule_post (store, later, 10, 2);
    schedule_post (store, other, 12, 2);
  }
  g_assert_cmpuint (dec_changes->len, ==, 3);
  assert_change (dec_changes, 2, 2, 0, 1);
  g_assert_cmpuint (nov_changes->len, ==, 3);

  /* Removed from December */
  g_assert_true (desk_store_delete_post (store, desk_post_get_id (c), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dec_changes->len, ==, 4);
  assert_change (dec_changes, 3, 1, 1, 0);
  g_assert_cmpuint (nov_changes->len, ==, 3);
  assert_order (G_LIST_MODEL (dec_list));

  /* The live lists agree with fresh queries */
  {
    g_autoptr(GPtrArray) fresh = desk_store_query_posts (store, brand_id, dec, jan, &error);

    g_assert_cmpuint (fresh->len, ==, g_list_model_get_n_items (G_LIST_MODEL (dec_list)));
    for (guint i = 0; i < fresh->len; i++)
      {
        g_autoptr(DeskPost) item = g_list_model_get_item (G_LIST_MODEL (dec_list), i);
        g_assert_true (g_ptr_array_index (fresh, i) == item);
      }
  }

  /* A list set from a range takes its posts, and follows the store alone */
  {
    g_autoptr(DeskPostList) shown = desk_post_list_new (store);

    desk_post_list_set_range_from (shown, dec_list);
    g_assert_true (desk_post_list_get_from (shown) == desk_post_list_get_from (dec_list));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, g_list_model_get_n_items (G_LIST_MODEL (dec_list)));
    schedule_post (store, b, 12, 30);
    assert_order (G_LIST_MODEL (shown));
    assert_order (G_LIST_MODEL (dec_list));
    g_assert_cmpuint (dec_changes->len, ==, 6);
  }

  /* Past its capacity, the range asked for least recently goes */
  g_assert_nonnull (desk_post_ranges_get (ranges, brand_id, jan, feb, &error));
  g_assert_nonnull (desk_post_ranges_get (ranges, brand_id, feb, mar, &error));
  g_assert_cmpuint (desk_post_ranges_get_n_ranges (ranges), ==, 3);

  /* Another brand empties it; the list held stays live */
  g_assert_nonnull (desk_post_ranges_get (ranges, brand2, nov, dec, &error));
  g_assert_cmpuint (desk_post_ranges_get_n_ranges (ranges), ==, 1);
  g_assert_true (desk_post_ranges_get (ranges, brand_id, nov, dec, &error) != nov_list);
  schedule_post (store, a, 11, 2);
  g_assert_cmpuint (nov_changes->len, ==, 4);
  assert_change (nov_changes, 3, 0, 1, 1);
  g_assert_no_error (error);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
  g_autofree char *path2 = g_build_filename (f->dir, "second.db", NULL);
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskStore) store2 = desk_store_open (path2, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GListModel) brands = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GListModel) campaigns = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) posts2 = NULL;
  g_autoptr(GPtrArray) ideas = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  gboolean seen[DESK_POST_STATUS_LAST + 1] = { FALSE };
  gint64 brand_id;
  guint n = 0;

  g_assert_true (desk_demo_populate (store, NULL, DESK_DEMO_SEED, now, &error));
  g_assert_no_error (error);
  g_assert_true (desk_demo_populate (store2, NULL, DESK_DEMO_SEED, now, &error));

  brands = desk_store_list_brands (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (brands), ==, 1);
  {
    g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, 0);
    brand_id = desk_brand_get_id (brand);
  }
  channels = desk_store_list_channels (store, brand_id, &error);
  campaigns = desk_store_list_campaigns (store, brand_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 2);

  posts = desk_store_query_all_posts (store, brand_id, &error);
  posts2 = desk_store_query_all_posts (store2, brand_id, &error);
  g_assert_cmpuint (posts->len, ==, 120);
  g_assert_cmpuint (posts->len, ==, posts2->len);
  for (guint i = 0; i < posts->len; i++)
    {
      DeskPost *p = g_ptr_array_index (posts, i), *q = g_ptr_array_index (posts2, i);
      GDateTime *at = desk_post_get_scheduled_at (p);

      /* Deterministic */
      g_assert_cmpstr (desk_post_get_title (p), ==, desk_post_get_title (q));
      g_assert_cmpint (desk_post_get_status (p), ==, desk_post_get_status (q));
      seen[desk_post_get_status (p)] = TRUE;

      /* Within six weeks of today */
      if (at != NULL)
        g_assert_cmpint (ABS (g_date_time_difference (at, now)) / G_TIME_SPAN_DAY, <=, 43);
    }
  for (guint s = 0; s <= DESK_POST_STATUS_LAST; s++)
    g_assert_true (seen[s]);

  ideas = desk_store_query_unscheduled_posts (store, brand_id, &error);
  g_assert_cmpuint (ideas->len, ==, 10);
  /* Each idea has its own title */
  {
    g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < ideas->len; i++)
      g_hash_table_add (titles, (gpointer) desk_post_get_title (g_ptr_array_index (ideas, i)));
    g_assert_cmpuint (g_hash_table_size (titles), ==, ideas->len);
  }

  g_assert_true (desk_store_count_notifications (store, brand_id, &n, &error));
  g_assert_cmpuint (n, ==, 300);

  {
    g_autofree char *to = desk_time_format_day (now);
    g_autoptr(GDateTime) start = g_date_time_add_days (now, -89);
    g_autofree char *from = desk_time_format_day (start);
    g_autoptr(GPtrArray) top = NULL;
    gint64 count = 0;

    totals = desk_store_query_metric_totals (store, brand_id, from, to, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (totals->len, ==, 20);   /* 4 channels × 5 metrics */
    g_assert_true (_desk_store_query_int (store, "SELECT count (*) FROM metric_samples WHERE post_id = 0", &count, &error));
    g_assert_cmpint (count, ==, 4 * 5 * 90);
    /* And the published posts' own, for the top posts and the best times:
     * impressions and engagements on each of their channels */
    g_assert_true (_desk_store_query_int (store,
                                          "SELECT count (DISTINCT m.post_id) FROM metric_samples m"
                                          " JOIN posts p ON p.id = m.post_id WHERE p.status = 'published'", &count, &error));
    g_assert_cmpint (count, >, 20);
    g_assert_true (_desk_store_query_int (store,
                                          "SELECT count (*) FROM metric_samples m LEFT JOIN posts p ON p.id = m.post_id"
                                          " WHERE m.post_id != 0 AND (p.status IS NOT 'published'"
                                          "  OR m.metric NOT IN ('impressions', 'engagements')"
                                          "  OR NOT EXISTS (SELECT 1 FROM post_variants v WHERE v.post_id = p.id AND v.channel_id = m.channel_id))",
                                          &count, &error));
    g_assert_cmpint (count, ==, 0);
    top = desk_store_query_top_posts (store, brand_id, from, to, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (top->len, ==, 10);
  }
}

static void
test_notification_list (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskNotificationList) list = desk_notification_list_new (store);
  g_autoptr(GListModel) brands = NULL;
  g_autoptr(DeskBrand) brand = NULL;
  GListModel *model = G_LIST_MODEL (list);
  DeskDemoSize size = *desk_demo_default_size ();

  size.n_notifications = 1234;
  g_assert_true (desk_demo_populate (store, &size, 7, now, &error));
  brands = desk_store_list_brands (store, &error);
  brand = g_list_model_get_item (brands, 0);

  g_assert_true (desk_notification_list_reload (list, desk_brand_get_id (brand), &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1234);
  g_assert_null (g_list_model_get_item (model, 1234));

  /* Newest first, across page boundaries */
  for (guint i = 1; i < 1234; i += 37)
    {
      g_autoptr(DeskNotification) a = g_list_model_get_item (model, i - 1);
      g_autoptr(DeskNotification) b = g_list_model_get_item (model, i);
      g_assert_cmpint (g_date_time_compare (desk_notification_get_created_at (a),
                                            desk_notification_get_created_at (b)), >=, 0);
    }
}

static char *
variant_override (DeskStore *store,
                  gint64     post_id,
                  gint64     channel_id)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  sqlite3_prepare_v2 (_desk_store_get_handle (store),
                      "SELECT text_override FROM post_variants WHERE post_id = ?1 AND channel_id = ?2", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, post_id);
  sqlite3_bind_int64 (stmt, 2, channel_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
test_move_undo_duplicate (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GDateTime) at = g_date_time_new (paris, 2026, 10, 23, 10, 0, 0);
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(DeskPost) before = NULL;
  g_autoptr(DeskPost) copy = NULL;
  g_autofree char *override = NULL;
  gint64 brand_id, channels[2];

  brand_id = add_brand (store, "Brand");
  channels[0] = add_channel (store, brand_id, DESK_NETWORK_MASTODON, "@a@b.c");
  channels[1] = add_channel (store, brand_id, DESK_NETWORK_BLUESKY, "@a.bsky.social");
  post = make_post (brand_id, "Move me", at);
  desk_post_set_channel_ids (post, channels, 2);
  g_assert_true (desk_store_save_post (store, post, &error));
  exec_sql_printf (store, "UPDATE post_variants SET text_override = 'Version Bluesky' WHERE post_id = %" G_GINT64_FORMAT
                   " AND channel_id = %" G_GINT64_FORMAT, desk_post_get_id (post), channels[1]);

  /* Move three days later, across the end of summer time: 10:00 stays
   * 10:00 in Paris. */
  {
    g_autoptr(GDateTime) day = g_date_time_new (paris, 2026, 10, 26, 0, 0, 0);
    g_autoptr(GDateTime) paris_at = g_date_time_to_timezone (at, paris);
    g_autoptr(GDateTime) target = NULL;
    g_autoptr(GDateTime) shown = NULL;
    g_autofree char *tz = g_strdup (g_getenv ("TZ"));

    g_setenv ("TZ", "Europe/Paris", TRUE);
    tzset ();
    target = desk_time_move_to_day (paris_at, day);
    g_assert_true (desk_store_move_post (store, desk_post_get_id (post), target, &before, &error));
    g_assert_no_error (error);
    shown = g_date_time_to_timezone (desk_post_get_scheduled_at (post), paris);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 26);
    g_assert_cmpint (g_date_time_get_hour (shown), ==, 10);
    if (tz)
      g_setenv ("TZ", tz, TRUE);
    else
      g_unsetenv ("TZ");
    tzset ();
  }

  /* Undo: exactly the previous state, variants included */
  g_assert_true (desk_store_save_post (store, before, &error));
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), at));
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);
  override = variant_override (store, desk_post_get_id (post), channels[1]);
  g_assert_cmpstr (override, ==, "Version Bluesky");

  /* Unschedule: back to the ideas, as a draft; undo brings it back. */
  g_clear_object (&before);
  g_assert_true (desk_store_move_post (store, desk_post_get_id (post), NULL, &before, &error));
  g_assert_null (desk_post_get_scheduled_at (post));
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_DRAFT);
  g_assert_true (desk_store_save_post (store, before, &error));
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), at));

  /* Duplicate: a new draft with the same content and overrides */
  copy = desk_store_duplicate_post (store, desk_post_get_id (post), at, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_post_get_id (copy), !=, desk_post_get_id (post));
  g_assert_cmpint (desk_post_get_status (copy), ==, DESK_POST_STATUS_DRAFT);
  g_assert_cmpstr (desk_post_get_title (copy), ==, "Move me");
  g_assert_true (desk_post_has_channel (copy, channels[0]) && desk_post_has_channel (copy, channels[1]));
  g_clear_pointer (&override, g_free);
  override = variant_override (store, desk_post_get_id (copy), channels[1]);
  g_assert_cmpstr (override, ==, "Version Bluesky");

  /* A published post does not move. */
  desk_post_set_status (post, DESK_POST_STATUS_PUBLISHED);
  g_assert_true (desk_store_save_post (store, post, &error));
  g_assert_false (desk_store_move_post (store, desk_post_get_id (post), NULL, NULL, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_nonnull (desk_post_get_scheduled_at (post));
}

static void
post_changed_count_cb (DeskStore *store,
                       DeskPost  *post,
                       guint     *count)
{
  (*count)++;
}

/* The command-line tool (another connection) changes a post while the app
 * shows it: the app notices, and the shared object is refreshed. */
static void
test_external_changes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) app = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskStore) cli = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 12, 1, 9, 0, 0);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 12, 2, 0, 0, 0);
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) again = NULL;
  guint changed = 0;
  gint64 brand_id;

  brand_id = add_brand (app, "Brand");
  post = make_post (brand_id, "Avant", at);
  g_assert_true (desk_store_save_post (app, post, &error));
  shown = desk_store_query_posts (app, brand_id, from, to, &error);
  g_assert_true (g_ptr_array_index (shown, 0) == post);
  g_assert_false (desk_store_poll_external_changes (app));   /* baseline */
  g_assert_false (desk_store_poll_external_changes (app));

  /* Another connection edits it, a second later (updated_at differs) */
  cli = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  exec_sql_printf (cli, "UPDATE posts SET title = 'Après', updated_at = updated_at + 1 WHERE id = %" G_GINT64_FORMAT,
                   desk_post_get_id (post));

  g_assert_true (desk_store_poll_external_changes (app));
  g_signal_connect (app, "post-changed", G_CALLBACK (post_changed_count_cb), &changed);
  again = desk_store_query_posts (app, brand_id, from, to, &error);
  g_assert_true (g_ptr_array_index (again, 0) == post);
  g_assert_cmpstr (desk_post_get_title (post), ==, "Après");
  g_assert_cmpuint (changed, ==, 1);
}

/* The range query reads posts and their channels apart and merges them:
 * several channels (in order), none, two posts at the same minute, a post
 * just outside the range, and channels changed by another program. */
static void
test_range_channels (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskStore) cli = NULL;
  g_autoptr(GDateTime) nine = g_date_time_new_utc (2026, 12, 1, 9, 0, 0);
  g_autoptr(GDateTime) ten = g_date_time_new_utc (2026, 12, 1, 10, 0, 0);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 12, 2, 0, 0, 0);
  g_autoptr(DeskPost) a = NULL, b = NULL, c = NULL, outside = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) again = NULL;
  gint64 brand_id, ch[3], two_first[2];
  const gint64 *ids;
  guint n;

  g_assert_no_error (error);
  brand_id = add_brand (store, "Brand");
  ch[0] = add_channel (store, brand_id, DESK_NETWORK_MASTODON, "@a@example.org");
  ch[1] = add_channel (store, brand_id, DESK_NETWORK_BLUESKY, "b.example.org");
  ch[2] = add_channel (store, brand_id, DESK_NETWORK_LINKEDIN, "C");
  two_first[0] = ch[2];
  two_first[1] = ch[0];

  a = make_post (brand_id, "A", nine);
  desk_post_set_channel_ids (a, two_first, 2);
  b = make_post (brand_id, "B", nine);                 /* no channel */
  c = make_post (brand_id, "C", ten);
  desk_post_set_channel_ids (c, &ch[1], 1);
  outside = make_post (brand_id, "Outside", to);        /* the end is excluded */
  desk_post_set_channel_ids (outside, ch, 3);
  for (DeskPost **p = (DeskPost *[]) { a, b, c, outside, NULL }; *p != NULL; p++)
    g_assert_true (desk_store_save_post (store, *p, &error));
  g_clear_object (&store);

  /* A fresh connection: every post is read anew */
  store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  shown = desk_store_query_posts (store, brand_id, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown->len, ==, 3);
  g_assert_cmpstr (desk_post_get_title (g_ptr_array_index (shown, 0)), ==, "A");
  ids = desk_post_get_channel_ids (g_ptr_array_index (shown, 0), &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[0], ==, MIN (ch[0], ch[2]));
  g_assert_cmpint (ids[1], ==, MAX (ch[0], ch[2]));
  g_assert_cmpstr (desk_post_get_title (g_ptr_array_index (shown, 1)), ==, "B");
  desk_post_get_channel_ids (g_ptr_array_index (shown, 1), &n);
  g_assert_cmpuint (n, ==, 0);
  ids = desk_post_get_channel_ids (g_ptr_array_index (shown, 2), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, ch[1]);

  /* Another program adds a channel to B: the shared object is read again
   * with it, the others keep theirs */
  cli = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  exec_sql_printf (cli, "BEGIN; INSERT INTO post_variants (post_id, channel_id) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");"
                   " UPDATE posts SET updated_at = updated_at + 1 WHERE id = %" G_GINT64_FORMAT "; COMMIT",
                   desk_post_get_id (g_ptr_array_index (shown, 1)), ch[1], desk_post_get_id (g_ptr_array_index (shown, 1)));
  again = desk_store_query_posts (store, brand_id, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_ptr_array_index (again, i) == g_ptr_array_index (shown, i));
  ids = desk_post_get_channel_ids (g_ptr_array_index (again, 1), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, ch[1]);
  desk_post_get_channel_ids (g_ptr_array_index (again, 0), &n);
  g_assert_cmpuint (n, ==, 2);
  desk_post_get_channel_ids (g_ptr_array_index (again, 2), &n);
  g_assert_cmpuint (n, ==, 1);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *image = g_build_filename (f->dir, "croissant.png", NULL);
  g_autofree char *csv = NULL;
  gint64 brand_id, before = 0, after = 0;
  /* A 1×1 PNG */
  static const guchar png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  };
  const char *good =
    "\xEF\xBB\xBF" "date;heure;canaux;titre;texte;image;campagne;statut\r\n"
    "2026-12-01;09:30;instagram|@fournil@piaille.fr;Atelier;\"Texte ; avec \"\"guillemets\"\"\nsur deux lignes\";croissant.png;;\r\n"
    "\r\n"
    "02/12/2026;18h05;Bluesky;Soir;Bonsoir !;;Calendrier de l’Avent gourmand;Validée\r\n";

  g_assert_true (desk_demo_populate (store, NULL, DESK_DEMO_SEED, now, &error));
  brand_id = 1;
  g_assert_true (g_file_set_contents (image, (const char *) png, sizeof png, NULL));

  /* RFC 4180 splitting: quotes, doubled quotes, newlines in fields */
  records = desk_csv_split ("a,\"b,c\",\"d\"\"e\"\n\"x\ny\",z\n", ',', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);

  /* A good file: two rows, French headers, semicolons, a BOM, CRLF */
  rows = desk_csv_parse (store, brand_id, good, f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (desk_csv_count_errors (rows), ==, 0);
  {
    DeskCsvRow *first = g_ptr_array_index (rows, 0);
    DeskCsvRow *second = g_ptr_array_index (rows, 1);
    g_autoptr(GDateTime) local = g_date_time_to_local (desk_post_get_scheduled_at (second->post));
    guint n;

    g_assert_cmpuint (first->line, ==, 2);
    g_assert_cmpstr (desk_post_get_body (first->post), ==, "Texte ; avec \"guillemets\"\nsur deux lignes");
    desk_post_get_channel_ids (first->post, &n);
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpuint (second->line, ==, 5);
    g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 2);
    g_assert_cmpint (g_date_time_get_hour (local), ==, 18);
    g_assert_cmpint (g_date_time_get_minute (local), ==, 5);
    g_assert_cmpint (desk_post_get_status (second->post), ==, DESK_POST_STATUS_APPROVED);
    g_assert_cmpint (desk_post_get_campaign_id (second->post), !=, 0);
  }

  desk_store_count_rows (store, "posts", &before, NULL);
  g_assert_true (desk_csv_import (store, brand_id, rows, &error));
  g_assert_no_error (error);
  desk_store_count_rows (store, "posts", &after, NULL);
  g_assert_cmpint (after, ==, before + 2);
  {
    DeskCsvRow *first = g_ptr_array_index (rows, 0);
    g_autofree char *copied = desk_store_dup_first_media_path (store, desk_post_get_id (first->post), NULL);
    g_autofree char *media_dir = desk_store_get_media_dir (store);

    g_assert_nonnull (copied);
    g_assert_true (g_str_has_prefix (copied, media_dir));
    g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));
  }

  /* Bad rows are all reported with their line; nothing is imported. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = desk_csv_parse (store, brand_id,
                         "date,time,channels,text,image\n"
                         "2026-12-05,10:00,mastodon,Fine,\n"
                         "2026-13-05,10:00,mastodon,Bad date,\n"
                         "2026-12-06,10:00,tiktok,Unknown channel,\n"
                         "2026-12-07,10:00,mastodon,,\n"
                         "2026-12-08,10:00,mastodon,Missing image,nowhere.png\n",
                         f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpuint (desk_csv_count_errors (rows), ==, 4);
  g_assert_null (((DeskCsvRow *) g_ptr_array_index (rows, 0))->error);
  g_assert_true (g_str_has_prefix (((DeskCsvRow *) g_ptr_array_index (rows, 1))->error, "Line 3"));
  g_assert_nonnull (strstr (((DeskCsvRow *) g_ptr_array_index (rows, 2))->error, "tiktok"));
  g_assert_true (g_str_has_prefix (((DeskCsvRow *) g_ptr_array_index (rows, 4))->error, "Line 6"));
  desk_store_count_rows (store, "posts", &before, NULL);
  g_assert_false (desk_csv_import (store, brand_id, rows, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  desk_store_count_rows (store, "posts", &after, NULL);
  g_assert_cmpint (after, ==, before);

  /* No header, not UTF-8 */
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_null (desk_csv_parse (store, brand_id, "1,2,3\n", f->dir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (desk_csv_parse (store, brand_id, "date,time,text\n2026-12-01,10:00,caf\xe9" "\n", f->dir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Export, then import the export: the same posts again */
  {
    g_autoptr(GDateTime) from = g_date_time_new_local (2026, 12, 1, 0, 0, 0);
    g_autoptr(GDateTime) to = g_date_time_new_local (2026, 12, 3, 0, 0, 0);
    g_autoptr(GPtrArray) posts = desk_store_query_posts (store, brand_id, from, to, &error);
    g_autoptr(GPtrArray) again = NULL;

    csv = desk_csv_export (store, brand_id, posts, &error);
    g_assert_no_error (error);
    again = desk_csv_parse (store, brand_id, csv, f->dir, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, posts->len);
    g_assert_cmpuint (desk_csv_count_errors (again), ==, 0);
    for (guint i = 0; i < posts->len; i++)
      {
        DeskPost *a = g_ptr_array_index (posts, i);
        DeskPost *b = ((DeskCsvRow *) g_ptr_array_index (again, i))->post;
        guint na, nb;

        g_assert_cmpstr (desk_post_get_title (a), ==, desk_post_get_title (b));
        g_assert_cmpstr (desk_post_get_body (a), ==, desk_post_get_body (b));
        g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (a), desk_post_get_scheduled_at (b)));
        g_assert_cmpint (desk_post_get_status (a), ==, desk_post_get_status (b));
        g_assert_cmpint (desk_post_get_campaign_id (a), ==, desk_post_get_campaign_id (b));
        desk_post_get_channel_ids (a, &na);
        desk_post_get_channel_ids (b, &nb);
        g_assert_cmpuint (na, ==, nb);
      }
  }
}

/* Archived brands are hidden, never deleted; a removed channel's posts
 * stay (issue 12) */
static void
test_brands_and_channels (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Café Lumière", "timezone", "America/Montreal",
                                             "language", "en", NULL);
  g_autoptr(DeskBrand) again = NULL;
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(DeskPost) kept = NULL;
  gint64 other, channel;
  guint n_posts = 99;

  g_assert_no_error (error);
  other = add_brand (store, "Boulangerie Martin");
  g_assert_true (desk_store_save_brand (store, brand, &error));
  g_assert_no_error (error);
  again = desk_store_get_brand (store, desk_brand_get_id (brand), &error);
  g_assert_cmpstr (desk_brand_get_timezone (again), ==, "America/Montreal");
  g_assert_cmpstr (desk_brand_get_language (again), ==, "en");
  g_assert_false (desk_brand_get_archived (again));

  desk_brand_set_archived (brand, TRUE);
  g_assert_true (desk_store_save_brand (store, brand, &error));
  active = desk_store_list_brands (store, &error);
  all = desk_store_list_all_brands (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  g_clear_object (&again);
  again = g_list_model_get_item (all, 1);
  g_assert_true (desk_brand_get_archived (again));
  /* Restored */
  desk_brand_set_archived (brand, FALSE);
  g_assert_true (desk_store_save_brand (store, brand, &error));
  g_clear_object (&active);
  active = desk_store_list_brands (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 2);

  /* The same handle twice on one network of a brand is refused */
  channel = add_channel (store, other, DESK_NETWORK_TIKTOK, "@martin");
  {
    g_autoptr(DeskChannel) twice = g_object_new (DESK_TYPE_CHANNEL, "brand-id", other, "network", DESK_NETWORK_TIKTOK,
                                                 "handle", "@martin", NULL);

    g_assert_false (desk_store_save_channel (store, twice, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  post = make_post (other, "Pain du jour", NULL);
  desk_post_set_channel_ids (post, &channel, 1);
  g_assert_true (desk_store_save_post (store, post, &error));
  g_assert_true (desk_store_delete_channel (store, channel, &n_posts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_posts, ==, 1);
  kept = desk_store_get_post (store, desk_post_get_id (post), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_post_get_title (kept), ==, "Pain du jour");
  g_assert_false (desk_store_delete_channel (store, channel, NULL, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

/* Deleting a brand says first what goes with it, then takes all of it
 * and only it (issue 12) */
static void
test_delete_brand (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskBrand) brand = NULL;
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(DeskPost) other_post = NULL;
  g_autoptr(GListModel) left = NULL;
  g_autofree char *png = g_build_filename (f->dir, "logo.png", NULL);
  g_autofree char *logo_path = NULL;
  g_autofree char *other_logo_path = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  DeskBrandContent content = { 99, 99, 99, 99, 99 };
  gint64 gone, kept, channel, other_channel;
  guint n_posts = 99;

  g_assert_no_error (error);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  gone = add_brand (store, "Brasserie du Port");
  kept = add_brand (store, "Boulangerie Martin");
  channel = add_channel (store, gone, DESK_NETWORK_INSTAGRAM, "@brasserie");
  add_channel (store, gone, DESK_NETWORK_X, "@brasserie");
  other_channel = add_channel (store, kept, DESK_NETWORK_MASTODON, "@martin@piaille.fr");
  post = make_post (gone, "Moules-frites", NULL);
  desk_post_set_channel_ids (post, &channel, 1);
  g_assert_true (desk_store_save_post (store, post, &error));
  other_post = make_post (kept, "Pain du jour", NULL);
  desk_post_set_channel_ids (other_post, &other_channel, 1);
  g_assert_true (desk_store_save_post (store, other_post, &error));
  g_assert_no_error (error);

  /* A logo: an image of the brand's; the same file for the other brand */
  brand = desk_store_get_brand (store, gone, &error);
  g_assert_true (desk_store_set_brand_logo (store, brand, png, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_brand_get_logo_media_id (brand), >, 0);
  g_clear_object (&brand);
  brand = desk_store_get_brand (store, gone, &error);
  logo_path = desk_store_dup_media_path (store, desk_brand_get_logo_media_id (brand), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (logo_path, G_FILE_TEST_IS_REGULAR));
  /* Not an image: refused, the logo unchanged */
  {
    g_autofree char *text = g_build_filename (f->dir, "logo.txt", NULL);
    gint64 before = desk_brand_get_logo_media_id (brand);

    g_assert_true (g_file_set_contents (text, "not a logo", -1, NULL));
    g_assert_false (desk_store_set_brand_logo (store, brand, text, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (desk_brand_get_logo_media_id (brand), ==, before);
  }

  g_assert_true (desk_store_count_channel_posts (store, channel, &n_posts, &error));
  g_assert_cmpuint (n_posts, ==, 1);
  g_assert_true (desk_store_count_brand_content (store, gone, &content, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (content.posts, ==, 1);
  g_assert_cmpuint (content.channels, ==, 2);
  g_assert_cmpuint (content.campaigns, ==, 0);
  g_assert_cmpuint (content.images, ==, 1);
  g_assert_cmpuint (content.notifications, ==, 0);

  /* The other brand's logo is the same picture: its file stays */
  {
    g_autoptr(DeskBrand) other = desk_store_get_brand (store, kept, &error);

    g_assert_true (desk_store_set_brand_logo (store, other, png, &error));
    other_logo_path = desk_store_dup_media_path (store, desk_brand_get_logo_media_id (other), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (other_logo_path, ==, logo_path);
  }

  g_assert_true (desk_store_delete_brand (store, gone, &error));
  g_assert_no_error (error);
  g_assert_null (desk_store_get_post (store, desk_post_get_id (post), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  left = desk_store_list_channels (store, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 1);
  g_assert_true (g_file_test (other_logo_path, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(DeskPost) still = desk_store_get_post (store, desk_post_get_id (other_post), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (desk_post_get_title (still), ==, "Pain du jour");
  }
  g_assert_true (desk_store_count_brand_content (store, gone, &content, &error));
  g_assert_cmpuint (content.posts + content.channels + content.images, ==, 0);

  /* Twice: said, nothing else happens */
  g_assert_false (desk_store_delete_brand (store, gone, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Last brand using the file: the file goes with it */
  g_assert_true (desk_store_delete_brand (store, kept, &error));
  g_assert_false (g_file_test (other_logo_path, G_FILE_TEST_EXISTS));
}

/* A new channel's colour: a colour-blind-safe one the brand's other
 * channels do not have yet */
static void
test_channel_colours (void)
{
  g_autoptr(GListStore) channels = g_list_store_new (DESK_TYPE_CHANNEL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < 8; i++)
    {
      const char *colour = desk_channel_pick_colour (G_LIST_MODEL (channels));
      g_autoptr(DeskChannel) channel = g_object_new (DESK_TYPE_CHANNEL, "colour", colour, NULL);

      g_assert_true (colour[0] == '#' && strlen (colour) == 7);
      g_assert_false (g_hash_table_contains (seen, colour));
      g_hash_table_add (seen, (gpointer) colour);
      g_list_store_append (channels, channel);
    }
  /* All taken once: one of the least used */
  g_assert_true (g_hash_table_contains (seen, desk_channel_pick_colour (G_LIST_MODEL (channels))));
  g_assert_cmpstr (desk_channel_pick_colour (NULL), ==, "#0072b2");

  g_assert_false (desk_network_is_prepare_only (DESK_NETWORK_MASTODON));
  g_assert_false (desk_network_is_prepare_only (DESK_NETWORK_BLUESKY));
  g_assert_false (desk_network_is_prepare_only (DESK_NETWORK_WORDPRESS));
  for (DeskNetwork n = DESK_NETWORK_INSTAGRAM; n <= DESK_NETWORK_LAST; n++)
    if (n != DESK_NETWORK_MASTODON && n != DESK_NETWORK_BLUESKY && n != DESK_NETWORK_WORDPRESS)
      g_assert_true (desk_network_is_prepare_only (n));
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names of files in @dir, sorted, joined by spaces */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_same_rows (DeskStore *a,
                  DeskStore *b)
{
  for (const char * const *table = desk_store_table_names (); *table != NULL; table++)
    {
      gint64 na = -1, nb = -2;

      g_assert_true (desk_store_count_rows (a, *table, &na, NULL));
      g_assert_true (desk_store_count_rows (b, *table, &nb, NULL));
      g_assert_cmpint (na, ==, nb);
    }
}

/* Save a Copy: a consistent copy, with its images, that opens as a
 * workspace; never over the workspace itself, a folder or a file in use;
 * nothing left behind when it fails */
static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4, 4);
  g_autofree char *png = g_build_filename (f->dir, "photo.png", NULL);
  g_autofree char *copy_dir = g_build_filename (f->dir, "copy", NULL);
  g_autofree char *copy_path = g_build_filename (copy_dir, "workspace.db", NULL);
  g_autofree char *copy_media = g_build_filename (copy_dir, "media", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *own_checksum = NULL;
  gint64 media_id = 0;
  guint n_images = 99;

  g_assert_no_error (error);
  g_assert_true (desk_demo_populate (store, NULL, DESK_DEMO_SEED, now, &error));
  g_assert_no_error (error);
  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save (pixbuf, png, "png", &error, NULL));
  g_assert_true (desk_store_add_media (store, 1, png, &media_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);

  g_assert_true (desk_store_save_copy (store, copy_path, &n_images, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_images, ==, 1);
  /* The copy, its images, and no temporary file */
  listing = list_dir (copy_dir);
  g_assert_cmpstr (listing, ==, "media workspace.db");
  g_clear_pointer (&listing, g_free);
  listing = list_dir (copy_media);
  g_assert_true (g_str_has_suffix (listing, ".png"));
  g_assert_null (strchr (listing, ' '));
  {
    g_autoptr(DeskStore) copy = desk_store_open (copy_path, DESK_STORE_OPEN_NO_CREATE, &error);
    g_autofree char *image = NULL;

    g_assert_no_error (error);
    assert_same_rows (store, copy);
    image = desk_store_dup_media_path (copy, media_id, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (image, copy_media));
    g_assert_true (g_file_test (image, G_FILE_TEST_IS_REGULAR));
  }

  /* Saved again over the closed copy: replaced whole, with the change */
  add_brand (store, "Added After The First Copy");
  g_assert_true (desk_store_save_copy (store, copy_path, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DeskStore) copy = desk_store_open (copy_path, DESK_STORE_OPEN_NO_CREATE, &error);

    g_assert_no_error (error);
    assert_same_rows (store, copy);
  }

  /* Never over the workspace itself, however it is spelt */
  own_checksum = file_checksum (f->path);
  {
    g_autofree char *dotted = g_build_filename (f->dir, ".", "workspace.db", NULL);
    g_autofree char *link = g_build_filename (f->dir, "link.db", NULL);

    g_assert_false (desk_store_save_copy (store, f->path, NULL, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (desk_store_save_copy (store, dotted, NULL, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (symlink (f->path, link), ==, 0);
    g_assert_false (desk_store_save_copy (store, link, NULL, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_unlink (link);
  }
  g_assert_cmpstr (file_checksum (f->path), ==, own_checksum);

  /* Not into a folder's name, nor where nothing can be written */
  g_assert_false (desk_store_save_copy (store, copy_dir, NULL, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);
  {
    g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "copy.db", NULL);
    g_autofree char *under_file = g_build_filename (png, "copy.db", NULL);

    g_assert_false (desk_store_save_copy (store, missing, NULL, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "no-such-folder"));
    g_clear_error (&error);
    g_assert_false (desk_store_save_copy (store, under_file, NULL, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO);
    g_clear_error (&error);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* A failure once the copy is written (its images cannot be put beside
   * it: "media" is a file there) leaves nothing behind */
  {
    g_autofree char *blocked_dir = g_build_filename (f->dir, "blocked", NULL);
    g_autofree char *blocked = g_build_filename (blocked_dir, "workspace.db", NULL);
    g_autofree char *media_file = g_build_filename (blocked_dir, "media", NULL);

    g_assert_cmpint (g_mkdir (blocked_dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (media_file, "not a folder", -1, NULL));
    g_assert_false (desk_store_save_copy (store, blocked, NULL, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "media"));
    g_clear_error (&error);
    g_clear_pointer (&listing, g_free);
    listing = list_dir (blocked_dir);
    g_assert_cmpstr (listing, ==, "media");
  }

  /* Not over a workspace in use: its -wal would be applied to the copy */
  {
    g_autofree char *busy_dir = g_build_filename (f->dir, "busy", NULL);
    g_autofree char *busy = g_build_filename (busy_dir, "workspace.db", NULL);
    g_autofree char *wal = g_build_filename (busy_dir, "workspace.db-wal", NULL);
    g_autofree char *before = NULL;

    g_assert_cmpint (g_mkdir (busy_dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (busy, "someone's data", -1, NULL));
    g_assert_true (g_file_set_contents (wal, "", -1, NULL));
    before = list_dir (busy_dir);
    g_assert_false (desk_store_save_copy (store, busy, NULL, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_LOCKED);
    g_clear_error (&error);
    g_clear_pointer (&listing, g_free);
    listing = list_dir (busy_dir);
    g_assert_cmpstr (listing, ==, before);
    {
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (busy, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "someone's data");
    }
  }

  /* The copy is no longer the workspace: its changes stay its own */
  {
    g_autoptr(DeskStore) copy = desk_store_open (copy_path, DESK_STORE_OPEN_NO_CREATE, &error);
    gint64 n_before = 0, n_after = 0;

    g_assert_no_error (error);
    g_assert_true (desk_store_count_rows (store, "brands", &n_before, NULL));
    add_brand (copy, "Only In The Copy");
    g_assert_true (desk_store_count_rows (store, "brands", &n_after, NULL));
    g_assert_cmpint (n_before, ==, n_after);
  }
}

/* What the window and the Open Recent menu call a workspace, and the
 * recent list */
static void
test_workspace_names (void)
{
  g_autofree char *default_path = desk_store_default_path ();
  g_autofree char *name = NULL;
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) more = NULL;
  g_auto(GStrv) shown = NULL;
  g_autofree char *dir = g_dir_make_tmp ("desk-recent-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "b.db", NULL);

  name = desk_workspace_display_name ("/home/me/Clients/Bakery/workspace.db");
  g_assert_cmpstr (name, ==, "Bakery");
  g_clear_pointer (&name, g_free);
  name = desk_workspace_display_name ("/home/me/Clients/florist.db");
  g_assert_cmpstr (name, ==, "florist");
  g_clear_pointer (&name, g_free);
  name = desk_workspace_display_name ("/home/me/notes.sqlite");
  g_assert_cmpstr (name, ==, "notes.sqlite");
  g_clear_pointer (&name, g_free);
  name = desk_workspace_display_name (default_path);
  g_assert_cmpstr (name, ==, "Default Workspace");
  g_clear_pointer (&name, g_free);
  name = desk_workspace_display_name ("/tmp/caf\xe9/workspace.db");
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_clear_pointer (&name, g_free);
  name = desk_workspace_path_in ("/home/me/Clients/Bakery");
  g_assert_cmpstr (name, ==, "/home/me/Clients/Bakery/workspace.db");

  /* Most recent first, once, at most DESK_WORKSPACE_MAX_RECENT */
  recent = desk_workspace_recent_add (NULL, a);
  more = desk_workspace_recent_add ((const char * const *) recent, b);
  g_strfreev (recent);
  recent = desk_workspace_recent_add ((const char * const *) more, a);
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, a);
  g_assert_cmpstr (recent[1], ==, b);
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *other = g_strdup_printf ("%s/%d.db", dir, i);
      GStrv next = desk_workspace_recent_add ((const char * const *) recent, other);

      g_strfreev (recent);
      recent = next;
    }
  g_assert_cmpuint (g_strv_length (recent), ==, DESK_WORKSPACE_MAX_RECENT);

  /* The menu: files still there, not the open one */
  g_assert_true (g_file_set_contents (a, "", 0, NULL));
  g_assert_true (g_file_set_contents (b, "", 0, NULL));
  g_strfreev (more);
  more = g_strdupv ((char *[]) { a, (char *) "/nowhere/gone.db", b, NULL });
  shown = desk_workspace_recent_shown ((const char * const *) more, b);
  g_assert_cmpuint (g_strv_length (shown), ==, 1);
  g_assert_cmpstr (shown[0], ==, a);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

static void
count_cb (DeskStore *store,
          guint     *count)
{
  (*count)++;
}

static gboolean
save_two_brands (DeskStore  *store,
                 gpointer    data,
                 GError    **error)
{
  guint *count = data;
  g_autoptr(DeskBrand) a = g_object_new (DESK_TYPE_BRAND, "name", "Un", NULL);
  g_autoptr(DeskBrand) b = g_object_new (DESK_TYPE_BRAND, "name", "Deux", NULL);

  if (!desk_store_save_brand (store, a, error) || !desk_store_save_brand (store, b, error))
    return FALSE;
  /* Not yet: the transaction may still be rolled back */
  g_assert_cmpuint (*count, ==, 0);
  return TRUE;
}

static gboolean
save_then_fail (DeskStore  *store,
                gpointer    data,
                GError    **error)
{
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Jamais", NULL);

  g_assert_true (desk_store_save_brand (store, brand, error));
  g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FAILED, "no");
  return FALSE;
}

/* The brand selector hears of every change to the brands, once per
 * committed transaction, and of none that was rolled back; what a
 * brand's deletion takes with it is counted first (issue 12) */
static void
test_brands_changed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Café Lumière", NULL);
  g_autoptr(GListModel) all = NULL;
  DeskBrandContent content = { 0, };
  guint count = 0;
  gint64 channel;

  g_assert_no_error (error);
  g_signal_connect (store, "brands-changed", G_CALLBACK (count_cb), &count);

  g_assert_true (desk_store_save_brand (store, brand, &error));
  g_assert_cmpuint (count, ==, 1);
  desk_brand_set_archived (brand, TRUE);
  g_assert_true (desk_store_save_brand (store, brand, &error));
  g_assert_cmpuint (count, ==, 2);

  count = 0;
  g_assert_true (desk_store_transaction (store, save_two_brands, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);

  count = 0;
  g_assert_false (desk_store_transaction (store, save_then_fail, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (count, ==, 0);
  all = desk_store_list_all_brands (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);

  channel = add_channel (store, desk_brand_get_id (brand), DESK_NETWORK_MASTODON, "@cafe@piaille.fr");
  {
    g_autoptr(DeskPost) post = make_post (desk_brand_get_id (brand), "Ouverture", NULL);

    desk_post_set_channel_ids (post, &channel, 1);
    g_assert_true (desk_store_save_post (store, post, &error));
  }
  g_assert_true (desk_store_count_brand_content (store, desk_brand_get_id (brand), &content, &error));
  g_assert_cmpuint (content.posts, ==, 1);
  g_assert_cmpuint (content.channels, ==, 1);
  g_assert_cmpuint (content.campaigns, ==, 0);

  g_assert_true (desk_store_delete_brand (store, desk_brand_get_id (brand), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
  g_clear_object (&all);
  all = desk_store_list_all_brands (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  /* A brand deleted twice: refused, and nothing is said */
  g_assert_false (desk_store_delete_brand (store, desk_brand_get_id (brand), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count, ==, 1);
}

/* The timezones offered: the zone.tab's third column, UTC, sorted once */
static void
test_zone_list (void)
{
  g_autofree char *dir = g_dir_make_tmp ("desk-zones-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "zone.tab", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) zones = NULL;
  g_auto(GStrv) system = NULL;
  g_autofree char *local = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "# tzdb timezone descriptions\n"
                                      "FR\t+4852+00220\tEurope/Paris\n"
                                      "CA\t+4531-07334\tAmerica/Toronto\tEastern - ON & QC (most areas)\n"
                                      "\n"
                                      "BE\t+5050+00420\tEurope/Brussels\n"
                                      "LU\t+4936+00609\tEurope/Brussels\n", -1, &error));
  zones = desk_time_list_zones (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (zones), ==, 4);
  g_assert_cmpstr (zones[0], ==, "America/Toronto");
  g_assert_cmpstr (zones[1], ==, "Europe/Brussels");
  g_assert_cmpstr (zones[2], ==, "Europe/Paris");
  g_assert_cmpstr (zones[3], ==, "UTC");
  g_remove (path);
  g_rmdir (dir);

  g_assert_null (desk_time_list_zones (path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  /* The system's list, where tzdata is installed (build-aux/deps.txt) */
  system = desk_time_list_zones (NULL, NULL);
  if (system != NULL)
    g_assert_true (g_strv_contains ((const char * const *) system, "Europe/Paris"));
  local = desk_time_dup_local_zone_name ();
  g_assert_true (local[0] != '\0');
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fresh", test_fresh);
  ADD ("reopen", test_reopen);
  ADD ("constraints", test_constraints);
  ADD ("migrations", test_migrations);
  ADD ("backups-pruned", test_backups_pruned);
  ADD ("foreign-files", test_foreign_files);
  ADD ("newer-version", test_newer_version_refused);
  ADD ("corrupt", test_corrupt_refused);
  ADD ("locked", test_locked_refused);
  ADD ("missing", test_missing_no_create);
  ADD ("dst", test_dst);
  ADD ("range-model", test_range_model);
  ADD ("post-ranges", test_post_ranges);
  ADD ("demo", test_demo);
  ADD ("notification-list", test_notification_list);
  ADD ("move-undo-duplicate", test_move_undo_duplicate);
  ADD ("csv", test_csv);
  ADD ("brands-and-channels", test_brands_and_channels);
  ADD ("external-changes", test_external_changes);
  ADD ("range-channels", test_range_channels);
  ADD ("delete-brand", test_delete_brand);
  ADD ("save-copy", test_save_copy);
  ADD ("brands-changed", test_brands_changed);
#undef ADD
  g_test_add_func ("/time/dst-local", test_dst_local_helpers);
  g_test_add_func ("/time/zone-list", test_zone_list);
  g_test_add_func ("/store/channel-colours", test_channel_colours);
  g_test_add_func ("/workspace/names", test_workspace_names);

  return g_test_run ();
}
