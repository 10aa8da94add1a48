/* desk-workspace-chooser.c: the file chooser for workspaces
 *
 * A workspace is a folder (desk-workspace.c): New Workspace…, Open
 * Workspace… and Save a Copy… all choose a folder. Inside Flatpak the
 * FileChooser portal then grants the whole folder, so that SQLite's own
 * files and the images beside the workspace can be written too; a single
 * file granted alone would lose them.
 *
 * GtkFileChooserNative works on GTK 4.8 and uses the portal; the build's
 * GDK_VERSION_MIN_REQUIRED (4.8) keeps its deprecation in 4.10 silent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-workspace.h"
#include "desk-workspace-chooser.h"

/**
 * desk_workspace_chooser_new:
 *
 * Returns: (transfer full): the chooser of a workspace's folder, modal,
 *   not shown yet
 */
GtkNativeDialog *
desk_workspace_chooser_new (GtkWindow           *parent,
                            DeskWorkspaceChoice  choice)
{
  const char *title, *accept;
  GtkFileChooserNative *native;

  switch (choice)
    {
    case DESK_WORKSPACE_CHOOSE_NEW:
      title = _("Choose an Empty Folder for the New Workspace");
      accept = _("_Create");
      break;
    case DESK_WORKSPACE_CHOOSE_OPEN:
      title = _("Choose the Folder of a Workspace");
      accept = _("_Open");
      break;
    case DESK_WORKSPACE_CHOOSE_COPY:
    default:
      title = _("Choose a Folder for the Copy and Its Images");
      accept = _("_Save");
      break;
    }

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  return GTK_NATIVE_DIALOG (native);
}

/**
 * desk_workspace_chooser_dup_path:
 *
 * Returns: (transfer full) (nullable): the workspace file in the chosen
 *   folder, or %NULL if none was chosen (or it has no local path)
 */
char *
desk_workspace_chooser_dup_path (GtkNativeDialog *chooser)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  return path != NULL ? desk_workspace_path_in (path) : NULL;
}
