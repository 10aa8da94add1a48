/* desk-widget-colour.h: a widget's CSS text colour, on GTK 4.8 and later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       desk_widget_get_colour     (GtkWidget             *widget,
                                       GdkRGBA               *colour);
GtkWidget *desk_colour_probe_new      (GtkWidget             *parent,
                                       const char            *css_class);
void       desk_snapshot_append_frame (GtkSnapshot           *snapshot,
                                       const GdkRGBA         *colour,
                                       const graphene_rect_t *bounds,
                                       float                  width);

G_END_DECLS
