/* desk-workspace-settings.c: what the settings remember of workspaces
 *
 * The workspace to open on the next start ("workspace-path"), the recent
 * ones ("recent-workspaces") and the brand last selected in each. A brand
 * is an id that only means something in its own workspace: the default
 * workspace keeps "last-brand" as before, the others are keyed by their
 * file in "last-brands". They stay in the settings, not in the workspace:
 * choosing a brand is no change to a client's file (a copy sent to a
 * colleague carries no one's view), and browsing writes nothing to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-workspace.h"
#include "desk-workspace-settings.h"

/* Entries of "last-brands" kept for workspaces no longer on the disk */
#define MAX_BRANDS 64

gint64
desk_workspace_settings_get_brand (GSettings  *settings,
                                   const char *path)
{
  g_autoptr(GVariant) brands = NULL;
  gint64 brand_id = 0;

  g_return_val_if_fail (G_IS_SETTINGS (settings), 0);

  if (path == NULL || desk_workspace_is_default (path))
    return g_settings_get_int64 (settings, "last-brand");
  brands = g_settings_get_value (settings, "last-brands");
  g_variant_lookup (brands, path, "x", &brand_id);
  return brand_id;
}

void
desk_workspace_settings_set_brand (GSettings  *settings,
                                   const char *path,
                                   gint64      brand_id)
{
  g_autoptr(GVariant) brands = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sx}"));
  GVariantIter iter;
  const char *key;
  gint64 value;
  guint n = 1;

  g_return_if_fail (G_IS_SETTINGS (settings));

  if (path == NULL || desk_workspace_is_default (path))
    {
      g_settings_set_int64 (settings, "last-brand", brand_id);
      return;
    }
  if (desk_workspace_settings_get_brand (settings, path) == brand_id)
    return;

  /* This workspace first, then the others still on the disk */
  g_variant_builder_add (&builder, "{sx}", path, brand_id);
  brands = g_settings_get_value (settings, "last-brands");
  g_variant_iter_init (&iter, brands);
  while (g_variant_iter_next (&iter, "{&sx}", &key, &value) && n < MAX_BRANDS)
    if (!g_str_equal (key, path) && g_file_test (key, G_FILE_TEST_EXISTS))
      {
        g_variant_builder_add (&builder, "{sx}", key, value);
        n++;
      }
  g_settings_set_value (settings, "last-brands", g_variant_builder_end (&builder));
}

/* @path first of the recent workspaces */
void
desk_workspace_settings_add_recent (GSettings  *settings,
                                    const char *path)
{
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  recent = g_settings_get_strv (settings, "recent-workspaces");
  updated = desk_workspace_recent_add ((const char * const *) recent, path);
  g_settings_set_strv (settings, "recent-workspaces", (const char * const *) updated);
}

/* @path was opened from the menu: first of the recent ones, and the one
 * the next start opens */
void
desk_workspace_settings_remember (GSettings  *settings,
                                  const char *path)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  desk_workspace_settings_add_recent (settings, path);
  g_settings_set_string (settings, "workspace-path", desk_workspace_is_default (path) ? "" : path);
}

/**
 * desk_workspace_settings_dup_recent:
 * @current: (nullable): the workspace open in the window
 *
 * Returns: (transfer full): the recent workspaces still on the disk, other
 *   than @current, most recent first
 */
GStrv
desk_workspace_settings_dup_recent (GSettings  *settings,
                                    const char *current)
{
  g_auto(GStrv) recent = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  recent = g_settings_get_strv (settings, "recent-workspaces");
  return desk_workspace_recent_shown ((const char * const *) recent, current);
}
