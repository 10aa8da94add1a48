/* test-crash.c: kill -9 never loses a committed post nor corrupts the file
 *
 * A child process saves posts in a loop and reports each id once
 * desk_store_save_post () returned. The parent kills it with SIGKILL at
 * random moments, 20 times, and checks after each kill that the workspace
 * passes PRAGMA integrity_check and holds every reported post.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <glib/gstdio.h>

#include "desk-store.h"

static const char *self_path;

static int
run_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GListModel) brands = NULL;
  g_autoptr(DeskBrand) brand = NULL;
  g_autofree char *body = g_strnfill (2000, 'x');

  if (store == NULL)
    {
      fprintf (stderr, "child: %s\n", error->message);
      return 1;
    }

  brands = desk_store_list_brands (store, &error);
  if (g_list_model_get_n_items (brands) == 0)
    {
      brand = g_object_new (DESK_TYPE_BRAND, "name", "Crash brand", NULL);
      if (!desk_store_save_brand (store, brand, &error))
        return 1;
    }
  else
    brand = g_list_model_get_item (brands, 0);

  for (guint i = 0; ; i++)
    {
      g_autoptr(DeskPost) post = desk_post_new ();
      g_autofree char *title = g_strdup_printf ("crash %u", i);
      g_autoptr(GDateTime) at = g_date_time_new_now_utc ();

      desk_post_set_brand_id (post, desk_brand_get_id (brand));
      desk_post_set_title (post, title);
      desk_post_set_body (post, body);
      desk_post_set_scheduled_at (post, at);
      desk_post_set_status (post, DESK_POST_STATUS_SCHEDULED);
      if (!desk_store_save_post (store, post, &error))
        {
          fprintf (stderr, "child: %s\n", error->message);
          return 1;
        }
      printf ("%" G_GINT64_FORMAT "\n", desk_post_get_id (post));
      fflush (stdout);
    }
  return 0;
}

static void
test_kill_loop (void)
{
  g_autofree char *dir = g_dir_make_tmp ("desk-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(GHashTable) committed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (int round = 0; round < 20; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autoptr(DeskStore) store = NULL;
      g_auto(GStrv) lines = NULL;
      GInputStream *stream;
      gint64 count = 0;
      guint reported = 0;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                self_path, "--child", path, NULL);
      g_assert_no_error (error);

      /* The first round waits for the schema to exist; then anywhere. */
      g_usleep (g_rand_int_range (rand, round == 0 ? 150000 : 5000, 250000));
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      stream = g_subprocess_get_stdout_pipe (child);
      {
        g_autoptr(GByteArray) all = g_byte_array_new ();
        guint8 buf[4096];
        gssize n;

        while ((n = g_input_stream_read (stream, buf, sizeof buf, NULL, &error)) > 0)
          g_byte_array_append (all, buf, n);
        g_assert_no_error (error);
        g_byte_array_append (all, (const guint8 *) "", 1);
        lines = g_strsplit ((const char *) all->data, "\n", -1);
      }

      for (guint i = 0; lines[i] != NULL; i++)
        {
          gint64 *id;

          if (lines[i][0] == '\0')
            continue;
          id = g_new (gint64, 1);
          *id = g_ascii_strtoll (lines[i], NULL, 10);
          g_hash_table_add (committed, id);
          reported++;
        }

      store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (desk_store_check_integrity (store, &error));
      g_assert_no_error (error);

      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, committed);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            g_autoptr(DeskPost) post = desk_store_get_post (store, *(gint64 *) key, &error);
            g_assert_no_error (error);
            g_assert_nonnull (post);
            g_assert_true (g_str_has_prefix (desk_post_get_title (post), "crash "));
          }
      }

      g_assert_true (desk_store_count_rows (store, "posts", &count, &error));
      g_assert_cmpint (count, >=, g_hash_table_size (committed));
      g_test_message ("round %d: %u posts reported, %" G_GINT64_FORMAT " in the file", round, reported, count);
    }

  /* The child did write: the test would prove nothing otherwise. */
  g_assert_cmpuint (g_hash_table_size (committed), >, 20);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/crash/kill-9", test_kill_loop);
  return g_test_run ();
}
