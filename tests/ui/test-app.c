/* test-app.c: the real community-desk binary, as a user starts it
 *
 * --demo --screenshot on a new workspace, --demo again on the same one,
 * a workspace that cannot be opened, and a second launch that activates
 * the running instance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "desk-store.h"

static const char *app_bin;
static char *tmp_dir;

static GSubprocess *
launch (GError **error,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) app_bin);
  va_start (ap, error);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", tmp_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "COMMUNITY_DESK_TIMING", "1", TRUE);
  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

static char *
wait_ok (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("community-desk failed: %s", err);
  return g_steal_pointer (&err);
}

/* Nothing GTK, GLib or libadwaita warns about on the way: a warning at
 * start ("GtkLabel … reported min width -3") is a defect the user sees in
 * a terminal, and may hide a real one */
static void
assert_no_warnings (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "-WARNING **") != NULL || strstr (lines[i], "-CRITICAL **") != NULL)
      g_error ("community-desk warned: %s", lines[i]);
}

static void
test_demo_screenshot (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (tmp_dir, "demo.db", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "calendar.png", NULL);
  g_autofree char *png2 = g_build_filename (tmp_dir, "inbox.png", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autofree guint32 *pixels = NULL;
  g_autofree char *err = NULL;
  int width, height;

  process = launch (&error, "--database", db, "--demo", "--screenshot", png, NULL);
  g_assert_no_error (error);
  err = wait_ok (process);

  /* The app measured its own first frame. */
  g_assert_nonnull (strstr (err, "first-frame: "));
  assert_no_warnings (err);

  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  /* The whole window, at about the default size from the GSettings
   * schema (1180×780, less what the window manager takes). */
  {
    g_autofree char *expected = g_strdup_printf ("screenshot: %dx%d ", width, height);
    g_assert_nonnull (strstr (err, expected));
  }
  g_assert_cmpint (ABS (width - 1180), <=, 40);
  g_assert_cmpint (ABS (height - 780), <=, 40);
  /* The workspace was closed: its file is whole, no log beside it */
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (gsize i = 0; i < (gsize) width * height; i += 7)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));
  /* Not blank: text, cards, channel colours */
  g_assert_cmpuint (g_hash_table_size (colours), >, 50);

  /* The demo was created once; a second --demo only opens it. */
  g_clear_object (&process);
  process = launch (&error, "--database", db, "--demo", "--view", "inbox", "--screenshot", png2, NULL);
  g_assert_no_error (error);
  g_free (wait_ok (process));
  g_assert_true (g_file_test (png2, G_FILE_TEST_EXISTS));
  {
    g_autoptr(DeskStore) store = desk_store_open (db, DESK_STORE_OPEN_READ_ONLY, &error);
    gint64 brands = 0, posts = 0, notifications = 0, metrics = 0;

    g_assert_no_error (error);
    desk_store_count_rows (store, "brands", &brands, NULL);
    desk_store_count_rows (store, "posts", &posts, NULL);
    desk_store_count_rows (store, "notifications", &notifications, NULL);
    desk_store_count_rows (store, "metric_samples", &metrics, NULL);
    g_assert_cmpint (brands, ==, 1);
    g_assert_cmpint (posts, ==, 120);
    g_assert_cmpint (notifications, ==, 300);
    /* The channels' 90 days of 5 metrics, and the published posts' own */
    g_assert_cmpint (metrics, >, 4 * 5 * 90);
  }
}

/* Each view of the demo workspace, in English and in French, up to its
 * screenshot: not one warning */
static void
test_no_warnings (void)
{
  static const char *views[] = { "calendar", "compose", "inbox", "reports" };
  static const char *locales[] = { "C.UTF-8", "fr_FR.UTF-8" };
  g_autofree char *db = g_build_filename (tmp_dir, "warnings.db", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "warnings.png", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("LC_ALL"));

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GSubprocess) process = NULL;
        g_autofree char *err = NULL;

        /* launch () hands its environment on */
        g_setenv ("LC_ALL", locales[l], TRUE);
        process = launch (&error, "--database", db, "--demo", "--view", views[v], "--screenshot", png, NULL);
        g_assert_no_error (error);
        err = wait_ok (process);
        g_test_message ("%s %s: %s", locales[l], views[v], err);
        assert_no_warnings (err);
        g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
        g_assert_cmpint (g_unlink (png), ==, 0);
      }
  if (saved != NULL)
    g_setenv ("LC_ALL", saved, TRUE);
  else
    g_unsetenv ("LC_ALL");
}

static void
test_bad_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (tmp_dir, "not-a-db.txt", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "error.png", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (db, "ceci n’est pas une base\n", -1, NULL));
  process = launch (&error, "--database", db, "--screenshot", png, NULL);
  g_assert_no_error (error);
  {
    g_autofree char *err = wait_ok (process);
    assert_no_warnings (err);
  }

  /* It starts (showing why), and leaves the file as it was. */
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (db, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "ceci n’est pas une base\n");
}

static void
test_second_launch_activates_first (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  gboolean owned = FALSE;
  gboolean still_owned = FALSE;

  g_assert_no_error (error);
  first = launch (&error, NULL);
  g_assert_no_error (error);

  for (int i = 0; i < 100 && !owned; i++)
    {
      g_autoptr(GVariant) reply =
        g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                     "org.freedesktop.DBus", "NameHasOwner",
                                     g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                     G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (!owned)
        g_usleep (100000);
    }
  g_assert_true (owned);

  /* The second launch hands over to the first and exits at once. */
  second = launch (&error, "--view", "inbox", NULL);
  g_assert_no_error (error);
  g_free (wait_ok (second));
  {
    g_autoptr(GVariant) reply =
      g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                   "org.freedesktop.DBus", "NameHasOwner",
                                   g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                   G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
    g_assert_no_error (error);
    g_variant_get (reply, "(b)", &still_owned);
    g_assert_true (still_owned);
  }

  g_subprocess_force_exit (first);
  g_subprocess_wait (first, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  app_bin = g_getenv ("COMMUNITY_DESK_BIN");
  g_assert_nonnull (app_bin);
  tmp_dir = g_dir_make_tmp ("desk-app-XXXXXX", NULL);

  g_test_add_func ("/app/demo-screenshot", test_demo_screenshot);
  g_test_add_func ("/app/no-warnings", test_no_warnings);
  g_test_add_func ("/app/bad-workspace", test_bad_workspace);
  g_test_add_func ("/app/single-instance", test_second_launch_activates_first);

  ret = g_test_run ();
  g_free (tmp_dir);
  return ret;
}
