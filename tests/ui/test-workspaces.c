/* test-workspaces.c: one workspace per client, in the real window
 *
 * Drives what the menu's New Workspace…, Open Workspace…, Open Recent and
 * Save a Copy… do once the file chooser has answered (the chooser itself
 * cannot be driven without a display server's portal): the window's title,
 * the recent list, the brand each workspace remembers, and files that
 * cannot be opened leaving the open workspace as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "desk-workspace.h"
#include "ui-helpers.h"

static DeskApplication *app;

typedef struct
{
  UiWorkspace  a;          /* the demo, shown first */
  UiWorkspace  b;          /* one brand of its own */
  DeskWindow  *window;     /* the window shown now */
  GSettings   *settings;
} Fixture;

typedef struct
{
  gboolean    done;
  DeskWindow *window;
  GError     *error;
} Result;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char *keys[] = { "recent-workspaces", "workspace-path", "last-brands", "last-brand",
                                "last-view", "window-width", "window-height", "filter-channels" };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Beta Client", NULL);

  f->settings = g_object_ref (desk_application_get_settings (app));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (f->settings, keys[i]);

  ui_workspace_create (&f->a, "alpha", TRUE, NULL);
  ui_workspace_create (&f->b, "beta", FALSE, NULL);
  g_assert_true (desk_store_save_brand (f->b.store, brand, &error));
  g_assert_no_error (error);
  g_clear_object (&brand);
  /* A brand besides the demo's, to be chosen */
  brand = g_object_new (DESK_TYPE_BRAND, "name", "Second Brand of A", NULL);
  g_assert_true (desk_store_save_brand (f->a.store, brand, &error));
  g_assert_no_error (error);

  ui_workspace_present (&f->a, app, 860, 540);
  f->window = f->a.window;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The window shown now, and any dialog left */
  f->a.window = NULL;
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  spin ();
  ui_workspace_close (&f->a);
  ui_workspace_close (&f->b);
  g_clear_object (&f->settings);
}

static char *
file_checksum_for_test (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Result *r = data;

  r->window = desk_window_open_workspace_finish (DESK_WINDOW (source), result, &r->error);
  r->done = TRUE;
}

static void
copied_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Result *r = data;

  desk_window_save_copy_finish (DESK_WINDOW (source), result, &r->error);
  r->done = TRUE;
}

static void
wait_done (Result *r)
{
  for (int i = 0; i < 5000 && !r->done; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (r->done);
}

/* What the chooser's answer does: opens (or creates) @path from @f's
 * window; the window shown afterwards, or NULL with @error */
static DeskWindow *
open_workspace (Fixture     *f,
                const char  *path,
                gboolean     create,
                GError     **error)
{
  Result r = { 0 };

  desk_window_open_workspace_async (f->window, path, create, opened_cb, &r);
  wait_done (&r);
  if (r.window != NULL)
    {
      f->window = r.window;
      wait_mapped (GTK_WIDGET (f->window));
    }
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.window;
}

static gboolean
is_toplevel (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);
      if (item == window)
        return TRUE;
    }
  return FALSE;
}

/* The DeskWindow showing @path, once there is one */
static DeskWindow *
wait_window_for (const char *path)
{
  for (int i = 0; i < 5000; i++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint j = 0; j < g_list_model_get_n_items (toplevels); j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (toplevels, j);

          if (DESK_IS_WINDOW (item) && g_strcmp0 (desk_window_get_database_path (DESK_WINDOW (item)), path) == 0 &&
              gtk_widget_get_mapped (GTK_WIDGET (item)))
            return DESK_WINDOW (item);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_not_reached ();
}

/* The message dialog shown, its body checked and then closed */
static void
assert_error_dialog (const char *heading,
                     const char *fragment)
{
  AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  if (fragment != NULL && strstr (adw_message_dialog_get_body (dialog), fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, adw_message_dialog_get_body (dialog));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static const char *
selected_brand (DeskWindow *window)
{
  GtkDropDown *dropdown = template_child (window, DESK_TYPE_WINDOW, "brand_dropdown");
  DeskBrand *brand = gtk_drop_down_get_selected_item (dropdown);

  g_assert_nonnull (brand);
  return desk_brand_get_name (brand);
}

static void
assert_title (DeskWindow *window,
              const char *path)
{
  g_autofree char *name = desk_workspace_display_name (path);
  g_autofree char *title = g_strdup_printf ("CommunityDesk — %s", name);
  AdwViewSwitcherTitle *switcher = template_child (window, DESK_TYPE_WINDOW, "switcher_title");

  GMenuModel *menu = template_child (window, DESK_TYPE_WINDOW, "primary_menu");
  GMenuModel *section = template_child (window, DESK_TYPE_WINDOW, "workspace_section");
  gboolean headed = FALSE;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (switcher), ==, name);
  /* The menu's workspace section is headed by the name */
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) link = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *label = NULL;

      if (link == section)
        {
          g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
          g_assert_cmpstr (label, ==, name);
          headed = TRUE;
        }
    }
  g_assert_true (headed);
  g_assert_true (gtk_menu_button_get_menu_model (template_child (window, DESK_TYPE_WINDOW, "menu_button")) == menu);
}

/* The targets of the Open Recent menu's items, in order */
static GStrv
recent_menu_paths (DeskWindow *window)
{
  GMenuModel *menu = template_child (window, DESK_TYPE_WINDOW, "recent_menu");
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

      if (target != NULL)
        g_strv_builder_add (paths, g_variant_get_string (target, NULL));
    }
  return g_strv_builder_end (paths);
}

/* Open another workspace, come back through Open Recent: the title, the
 * recent list, the size and view, and each workspace's own brand */
static void
test_switch (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) brands = desk_store_list_brands (f->a.store, &error);
  g_autoptr(DeskBrand) second = g_list_model_get_item (brands, 1);
  g_autofree char *second_name = g_strdup (desk_brand_get_name (second));
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) menu = NULL;
  g_autofree char *remembered = NULL;
  DeskWindow *first = f->window;
  DeskWindow *window;
  int width, height, first_width, first_height;

  assert_title (f->window, f->a.path);
  /* The second brand of A, the Inbox */
  gtk_drop_down_set_selected (template_child (f->window, DESK_TYPE_WINDOW, "brand_dropdown"), 1);
  g_assert_cmpint (desk_window_get_brand_id (f->window), ==, desk_brand_get_id (second));
  desk_window_show_view (f->window, "inbox");
  menu = recent_menu_paths (f->window);
  g_assert_cmpuint (g_strv_length (menu), ==, 0);
  g_clear_pointer (&menu, g_strfreev);

  gtk_window_get_default_size (GTK_WINDOW (first), &first_width, &first_height);
  window = open_workspace (f, f->b.path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  g_assert_true (window != first);
  g_assert_false (is_toplevel (first));
  assert_title (window, f->b.path);
  g_assert_cmpstr (selected_brand (window), ==, "Beta Client");
  g_assert_cmpstr (desk_window_get_view (window), ==, "inbox");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, first_width);
  g_assert_cmpint (height, ==, first_height);

  /* B first, then A, which the menu offers */
  recent = g_settings_get_strv (f->settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, f->b.path);
  g_assert_cmpstr (recent[1], ==, f->a.path);
  remembered = g_settings_get_string (f->settings, "workspace-path");
  g_assert_cmpstr (remembered, ==, f->b.path);
  menu = recent_menu_paths (window);
  g_assert_cmpuint (g_strv_length (menu), ==, 1);
  g_assert_cmpstr (menu[0], ==, f->a.path);

  /* Back to A through Open Recent: its own brand again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent-workspace", "s", f->a.path));
  f->window = wait_window_for (f->a.path);
  g_assert_false (is_toplevel (window));
  assert_title (f->window, f->a.path);
  g_assert_cmpstr (selected_brand (f->window), ==, second_name);
  g_assert_cmpstr (desk_window_get_view (f->window), ==, "inbox");
  g_clear_pointer (&remembered, g_free);
  remembered = g_settings_get_string (f->settings, "workspace-path");
  g_assert_cmpstr (remembered, ==, f->a.path);
}

/* A file that is no workspace, a damaged one, or a folder that already
 * holds one for New Workspace…: said in a dialog; the open workspace stays,
 * shown and unchanged, and so do the refused files */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("desk-refused-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *damaged_dir = g_build_filename (dir, "damaged", NULL);
  g_autofree char *damaged = g_build_filename (damaged_dir, "workspace.db", NULL);
  g_autofree char *a_sum = NULL;
  g_autofree char *text_sum = NULL;
  g_autofree char *damaged_sum = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) recent = NULL;
  DeskWindow *first = f->window;
  GtkStack *stack = template_child (first, DESK_TYPE_WINDOW, "main_stack");
  gsize length;

  g_assert_true (g_file_set_contents (text, "Minutes of the meeting\nnot a database\n", -1, NULL));
  g_assert_cmpint (g_mkdir (damaged_dir, 0700), ==, 0);
  /* A copy of A cut short after its first pages */
  g_assert_true (desk_store_save_copy (f->a.store, damaged, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  g_assert_true (g_file_set_contents (damaged, contents, 6 * 4096, NULL));

  a_sum = file_checksum_for_test (f->a.path);
  text_sum = file_checksum_for_test (text);
  damaged_sum = file_checksum_for_test (damaged);

  g_assert_null (open_workspace (f, text, FALSE, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  assert_error_dialog ("The Workspace Cannot Be Opened", "not a CommunityDesk workspace");

  g_assert_null (open_workspace (f, damaged, FALSE, &error));
  g_assert_true (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT) ||
                 g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_A_DATABASE));
  g_clear_error (&error);
  assert_error_dialog ("The Workspace Cannot Be Opened", NULL);

  /* New Workspace… never replaces a file */
  g_assert_null (open_workspace (f, text, TRUE, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_error_dialog ("The Workspace Cannot Be Opened", "already holds a workspace");

  /* Missing (a recent workspace moved away) */
  {
    g_autofree char *gone = g_build_filename (dir, "gone", "workspace.db", NULL);

    g_assert_null (open_workspace (f, gone, FALSE, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    assert_error_dialog ("The Workspace Cannot Be Opened", NULL);
    g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  }

  /* The first workspace is still the one shown, as it was */
  g_assert_true (f->window == first);
  g_assert_true (is_toplevel (first));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "workspace");
  assert_title (first, f->a.path);
  recent = g_settings_get_strv (f->settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (recent), ==, 0);
  {
    g_autofree char *a_after = file_checksum_for_test (f->a.path);
    g_autofree char *text_after = file_checksum_for_test (text);
    g_autofree char *damaged_after = file_checksum_for_test (damaged);

    g_assert_cmpstr (a_after, ==, a_sum);
    g_assert_cmpstr (text_after, ==, text_sum);
    g_assert_cmpstr (damaged_after, ==, damaged_sum);
  }

  g_unlink (text);
  g_unlink (damaged);
  g_rmdir (damaged_dir);
  g_rmdir (dir);
}

/* Save a Copy… then open the copy; New Workspace… shows the welcome page */
static void
test_copy_and_new (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_dir = g_dir_make_tmp ("Copy for the Accountant-XXXXXX", NULL);
  g_autofree char *copy = desk_workspace_path_in (copy_dir);
  g_autofree char *new_dir = g_dir_make_tmp ("New Client-XXXXXX", NULL);
  g_autofree char *fresh = desk_workspace_path_in (new_dir);
  g_autoptr(GListModel) brands = desk_store_list_brands (f->a.store, &error);
  g_auto(GStrv) recent = NULL;
  Result r = { 0 };
  DeskWindow *window;
  GtkStack *stack;

  desk_window_save_copy_async (f->window, copy, copied_cb, &r);
  wait_done (&r);
  g_assert_no_error (r.error);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  /* Not over the open workspace itself */
  memset (&r, 0, sizeof r);
  desk_window_save_copy_async (f->window, f->a.path, copied_cb, &r);
  wait_done (&r);
  g_assert_error (r.error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&r.error);
  assert_error_dialog ("The Copy Could Not Be Saved", "open workspace itself");

  window = open_workspace (f, copy, FALSE, &error);
  g_assert_no_error (error);
  assert_title (window, copy);
  {
    GtkDropDown *dropdown = template_child (window, DESK_TYPE_WINDOW, "brand_dropdown");

    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==,
                      g_list_model_get_n_items (brands));
  }

  window = open_workspace (f, fresh, TRUE, &error);
  g_assert_no_error (error);
  assert_title (window, fresh);
  stack = template_child (window, DESK_TYPE_WINDOW, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");
  g_assert_true (g_file_test (fresh, G_FILE_TEST_IS_REGULAR));

  recent = g_settings_get_strv (f->settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (recent), ==, 3);
  g_assert_cmpstr (recent[0], ==, fresh);
  g_assert_cmpstr (recent[1], ==, copy);
  g_assert_cmpstr (recent[2], ==, f->a.path);

  g_clear_object (&brands);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  spin ();
  ui_workspace_close (&(UiWorkspace) { .dir = g_steal_pointer (&copy_dir) });
  ui_workspace_close (&(UiWorkspace) { .dir = g_steal_pointer (&new_dir) });
}

/* Open Recent offers the workspaces still on the disk, not the open one */
static void
test_recent_menu (Fixture       *f,
                  gconstpointer  data)
{
  const char *recent[] = { "/nowhere/gone/workspace.db", f->a.path, f->b.path, NULL };
  g_auto(GStrv) menu = NULL;
  GtkMenuButton *button = template_child (f->window, DESK_TYPE_WINDOW, "menu_button");

  g_settings_set_strv (f->settings, "recent-workspaces", recent);
  /* Filled again each time the menu opens */
  gtk_menu_button_popup (button);
  spin ();
  menu = recent_menu_paths (f->window);
  g_assert_cmpuint (g_strv_length (menu), ==, 1);
  g_assert_cmpstr (menu[0], ==, f->b.path);
  gtk_menu_button_popdown (button);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/ui/workspaces/switch", Fixture, NULL, fixture_set_up, test_switch, fixture_tear_down);
  g_test_add ("/ui/workspaces/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/ui/workspaces/copy-and-new", Fixture, NULL, fixture_set_up, test_copy_and_new, fixture_tear_down);
  g_test_add ("/ui/workspaces/recent-menu", Fixture, NULL, fixture_set_up, test_recent_menu, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
