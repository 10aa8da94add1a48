/* desk-workspace-chooser.h: the file chooser for workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  DESK_WORKSPACE_CHOOSE_NEW,
  DESK_WORKSPACE_CHOOSE_OPEN,
  DESK_WORKSPACE_CHOOSE_COPY,
} DeskWorkspaceChoice;

GtkNativeDialog *desk_workspace_chooser_new      (GtkWindow           *parent,
                                                  DeskWorkspaceChoice  choice);
char            *desk_workspace_chooser_dup_path (GtkNativeDialog     *chooser);

G_END_DECLS
