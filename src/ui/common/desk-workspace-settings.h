/* desk-workspace-settings.h: what the settings remember of workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gint64  desk_workspace_settings_get_brand   (GSettings  *settings,
                                             const char *path);
void    desk_workspace_settings_set_brand   (GSettings  *settings,
                                             const char *path,
                                             gint64      brand_id);
void    desk_workspace_settings_add_recent  (GSettings  *settings,
                                             const char *path);
void    desk_workspace_settings_remember    (GSettings  *settings,
                                             const char *path);
GStrv   desk_workspace_settings_dup_recent  (GSettings  *settings,
                                             const char *current);

G_END_DECLS
