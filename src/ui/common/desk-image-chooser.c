/* desk-image-chooser.c: the file chooser for pictures
 *
 * A native (portal) file chooser that offers image files: the editor's
 * "Add Images…", the designer's background and logo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "desk-image-chooser.h"

/**
 * desk_image_chooser_new:
 *
 * Returns: (transfer full): the chooser, not shown yet
 */
GtkFileChooserNative *
desk_image_chooser_new (GtkWindow  *parent,
                        const char *title,
                        const char *accept_label,
                        gboolean    multiple)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                                              accept_label, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), multiple);
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  return native;
}
