/* desk-colour-bar.h: a thin bar of one colour (campaign bands)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_COLOUR_BAR (desk_colour_bar_get_type ())
G_DECLARE_FINAL_TYPE (DeskColourBar, desk_colour_bar, DESK, COLOUR_BAR, GtkWidget)

GtkWidget *desk_colour_bar_new (const GdkRGBA *colour,
                                gboolean       flag,
                                const char    *label);
void       desk_colour_bar_set (DeskColourBar *self,
                                const GdkRGBA *colour,
                                gboolean       flag,
                                const char    *label);

G_END_DECLS
