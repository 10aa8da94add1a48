/* desk-image-chooser.h: the file chooser for pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *desk_image_chooser_new (GtkWindow  *parent,
                                              const char *title,
                                              const char *accept_label,
                                              gboolean    multiple);

G_END_DECLS
