/* desk-workspace.h: where workspaces are and what they are called
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A workspace is a folder: this file, its "media" folder and its "backups"
 * folder. The default workspace is the folder of desk_store_default_path (). */
#define DESK_WORKSPACE_FILE_NAME  "workspace.db"
#define DESK_WORKSPACE_MAX_RECENT 8

char   *desk_workspace_path_in       (const char          *folder);
char   *desk_workspace_display_name  (const char          *path);
gboolean desk_workspace_is_default   (const char          *path);
GStrv   desk_workspace_recent_add    (const char * const  *recent,
                                      const char          *path);
GStrv   desk_workspace_recent_shown  (const char * const  *recent,
                                      const char          *current);

G_END_DECLS
