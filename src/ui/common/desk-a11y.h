/* desk-a11y.h: accessible names GTK 4.8 does not give by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void desk_drop_down_set_accessible_label (GtkDropDown *dropdown,
                                          const char  *label);
void desk_color_button_set_accessible_label (GtkWidget   *button,
                                             const char  *label);

GtkWidget *desk_icon_button_new (const char *icon_name,
                                 const char *label,
                                 const char *action_name,
                                 GVariant   *target);

G_END_DECLS
