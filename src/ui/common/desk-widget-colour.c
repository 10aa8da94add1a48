/* desk-widget-colour.c: a widget's CSS text colour, on GTK 4.8 and later
 *
 * Widgets that draw themselves (cards, the week grid, the month grid)
 * draw in their CSS colour: gtk_widget_get_color () from GTK 4.10, the
 * style context (deprecated there) on Debian 12's GTK 4.8. A colour the
 * widget's own CSS node does not carry (the accent of a highlight) is read
 * from a probe: a child that draws nothing, styled by its class.
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

/**
 * desk_colour_probe_new:
 * @parent: a widget that draws itself and allocates its children
 * @css_class: the probe's style class: `parent > .css_class { color: … }`
 *
 * Returns: (transfer none): a child of @parent that draws nothing, cannot
 *   be targeted and is not shown to screen readers, whose CSS colour
 *   desk_widget_get_colour () reads. @parent unparents it in dispose.
 */
GtkWidget *
desk_colour_probe_new (GtkWidget  *parent,
                       const char *css_class)
{
  GtkWidget *probe;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  probe = g_object_new (GTK_TYPE_BOX,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        "can-target", FALSE,
                        "css-classes", (const char *[]) { css_class, NULL },
                        NULL);
  gtk_widget_set_parent (probe, parent);
  return probe;
}

/* A frame @width wide inside @bounds, in four rectangles (pixel-aligned
 * fills, unlike a border node, for GSK's Cairo renderer) */
void
desk_snapshot_append_frame (GtkSnapshot           *snapshot,
                            const GdkRGBA         *colour,
                            const graphene_rect_t *bounds,
                            float                  width)
{
  float x = bounds->origin.x, y = bounds->origin.y;
  float w = bounds->size.width, h = bounds->size.height;

  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y, w, width));
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y + h - width, w, width));
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y + width, width, h - 2 * width));
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x + w - width, y + width, width, h - 2 * width));
}
