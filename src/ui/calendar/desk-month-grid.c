/* desk-month-grid.c: the month's grid of days, shading them itself
 *
 * A GtkGrid that draws the background of its days (other month, weekend
 * and public holiday) under them. As style classes on the days, a month
 * switch restyled every widget of each day whose class changed (CSS
 * selectors of Adwaita and ours depend on the ancestors' classes); the
 * grid only redraws its own node (tests/bench/bench-ui).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-month-grid"

#include "config.h"

#include "desk-widget-colour.h"

#include "desk-month-grid.h"

struct _DeskMonthGrid
{
  GtkGrid parent_instance;
};

G_DEFINE_FINAL_TYPE (DeskMonthGrid, desk_month_grid, GTK_TYPE_GRID)

static GQuark shade_quark;

static void
desk_month_grid_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  GdkRGBA colour;

  desk_widget_get_colour (widget, &colour);

  for (GtkWidget *day = gtk_widget_get_first_child (widget); day != NULL; day = gtk_widget_get_next_sibling (day))
    {
      DeskDayShade shade = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (day), shade_quark));
      graphene_rect_t bounds;
      GdkRGBA tint = colour;

      if (shade == DESK_DAY_SHADE_NONE || !gtk_widget_get_visible (day) ||
          !gtk_widget_compute_bounds (day, widget, &bounds))
        continue;
      /* alpha(currentColor, 0.04) and 0.035, as the days' CSS had it */
      tint.alpha *= shade == DESK_DAY_SHADE_OTHER_MONTH ? 0.04f : 0.035f;
      gtk_snapshot_append_color (snapshot, &tint, &bounds);
    }

  GTK_WIDGET_CLASS (desk_month_grid_parent_class)->snapshot (widget, snapshot);
}

static void
desk_month_grid_class_init (DeskMonthGridClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = desk_month_grid_snapshot;
  shade_quark = g_quark_from_static_string ("desk-month-grid-shade");
}

static void
desk_month_grid_init (DeskMonthGrid *self)
{
}

/**
 * desk_month_grid_set_shade:
 * @day: a child of the grid
 */
void
desk_month_grid_set_shade (DeskMonthGrid *self,
                           GtkWidget     *day,
                           DeskDayShade   shade)
{
  g_return_if_fail (DESK_IS_MONTH_GRID (self));
  g_return_if_fail (gtk_widget_get_parent (day) == GTK_WIDGET (self));

  if (desk_month_grid_get_shade (self, day) == shade)
    return;
  g_object_set_qdata (G_OBJECT (day), shade_quark, GINT_TO_POINTER (shade));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

DeskDayShade
desk_month_grid_get_shade (DeskMonthGrid *self,
                           GtkWidget     *day)
{
  g_return_val_if_fail (DESK_IS_MONTH_GRID (self), DESK_DAY_SHADE_NONE);
  return GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (day), shade_quark));
}
