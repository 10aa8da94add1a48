/* desk-widget-colour.c: a widget's CSS text colour, on GTK 4.8 and later
 *
 * Widgets that draw themselves (cards, the week grid, the month grid)
 * draw in their CSS colour: gtk_widget_get_color () from GTK 4.10, the
 * style context (deprecated there) on Debian 12's GTK 4.8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-widget-colour.h"

void
desk_widget_get_colour (GtkWidget *widget,
                        GdkRGBA   *colour)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (colour != NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, colour);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), colour);
#endif
}
