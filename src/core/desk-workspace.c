/* desk-workspace.c: where workspaces are and what they are called
 *
 * One workspace per client: each is a folder holding its SQLite file, the
 * images of its posts ("media") and the backups made before an upgrade
 * ("backups"). A folder is what the file chooser portal can hand a
 * sandboxed app whole, so SQLite's own files (-wal, -shm) and the images
 * live beside the workspace inside Flatpak too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-workspace"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-store.h"
#include "desk-workspace.h"

/**
 * desk_workspace_path_in:
 * @folder: a workspace's folder
 *
 * Returns: (transfer full): the workspace file in @folder
 */
char *
desk_workspace_path_in (const char *folder)
{
  g_return_val_if_fail (folder != NULL, NULL);
  return g_build_filename (folder, DESK_WORKSPACE_FILE_NAME, NULL);
}

static gboolean
same_path (const char *a,
           const char *b)
{
  g_autofree char *ca = g_canonicalize_filename (a, NULL);
  g_autofree char *cb = g_canonicalize_filename (b, NULL);

  return g_str_equal (ca, cb);
}

gboolean
desk_workspace_is_default (const char *path)
{
  g_autofree char *default_path = desk_store_default_path ();

  return path != NULL && same_path (path, default_path);
}

/**
 * desk_workspace_display_name:
 * @path: a workspace file
 *
 * What the window and the Open Recent menu call the workspace: its
 * folder's name for a "workspace.db", else the file's name without ".db";
 * the default workspace is called so.
 *
 * Returns: (transfer full): the name
 */
char *
desk_workspace_display_name (const char *path)
{
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (desk_workspace_is_default (path))
    return g_strdup (_("Default Workspace"));

  base = g_path_get_basename (path);
  if (g_str_equal (base, DESK_WORKSPACE_FILE_NAME))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      name = g_path_get_basename (dir);
    }
  else if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    name = g_strndup (base, strlen (base) - 3);
  else
    name = g_steal_pointer (&base);

  /* A name from the disk may not be UTF-8 */
  return g_utf8_make_valid (name, -1);
}

/**
 * desk_workspace_recent_add:
 * @recent: (nullable): the recent workspaces, most recent first
 * @path: the workspace just opened
 *
 * Returns: (transfer full): @recent with @path first, once, and at most
 *   DESK_WORKSPACE_MAX_RECENT entries
 */
GStrv
desk_workspace_recent_add (const char * const *recent,
                           const char         *path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 1;

  g_return_val_if_fail (path != NULL, NULL);

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent != NULL && recent[i] != NULL && n < DESK_WORKSPACE_MAX_RECENT; i++)
    if (!same_path (recent[i], path))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  return g_strv_builder_end (builder);
}

/**
 * desk_workspace_recent_shown:
 * @recent: (nullable): the recent workspaces, most recent first
 * @current: (nullable): the workspace open in the window
 *
 * Returns: (transfer full): the entries of @recent that the Open Recent
 *   menu offers: those still on the disk, other than @current
 */
GStrv
desk_workspace_recent_shown (const char * const *recent,
                             const char         *current)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    if (g_file_test (recent[i], G_FILE_TEST_IS_REGULAR) &&
        (current == NULL || !same_path (recent[i], current)))
      g_strv_builder_add (builder, recent[i]);
  return g_strv_builder_end (builder);
}
