/* desk-shortcut-keys.h: key names in the shortcuts window, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void desk_shortcuts_window_name_keys (GtkWidget *shortcuts_window);

G_END_DECLS
