/* desk-month-grid.c: the month's grid of days, shading them itself
 *
 * A GtkGrid that draws the background of its days under them: other
 * month, weekend and public holiday; the selected day; the day a dragged
 * post hovers. As style classes on the days, every widget of a day whose
 * class changed was restyled, and under X11 any class change makes GDK
 * measure the window with round trips to the X server before the frame
 * (a drag's hover took 14 ms, tests/bench/bench-ui); the grid only
 * redraws its own node.
 *
 * The accent colour is read from a child that draws nothing, styled
 * `.month-grid > .day-highlight { color: … }` (style.css): GTK 4.8 gives a
 * widget's CSS colour, not a named colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-month-grid"

#include "config.h"

#include "desk-widget-colour.h"

#include "desk-month-grid.h"

struct _DeskMonthGrid
{
  GtkGrid    parent_instance;

  GtkWidget *highlight;   /* draws nothing: its colour is the accent */
  GtkWidget *selected;    /* a day, or NULL */
  GtkWidget *drop_day;    /* a day, or NULL */
};

G_DEFINE_FINAL_TYPE (DeskMonthGrid, desk_month_grid, GTK_TYPE_GRID)

static GQuark shade_quark;

static void
desk_month_grid_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  DeskMonthGrid *self = DESK_MONTH_GRID (widget);
  GdkRGBA colour, accent = { 0 };

  desk_widget_get_colour (widget, &colour);
  if (self->highlight != NULL)
    desk_widget_get_colour (self->highlight, &accent);

  for (GtkWidget *day = gtk_widget_get_first_child (widget); day != NULL; day = gtk_widget_get_next_sibling (day))
    {
      DeskDayShade shade = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (day), shade_quark));
      graphene_rect_t bounds;
      GdkRGBA tint;

      if (day == self->highlight || !gtk_widget_get_visible (day) ||
          (shade == DESK_DAY_SHADE_NONE && day != self->selected && day != self->drop_day) ||
          !gtk_widget_compute_bounds (day, widget, &bounds))
        continue;
      if (shade != DESK_DAY_SHADE_NONE)
        {
          /* alpha(currentColor, 0.04) and 0.035, as the days' CSS had it */
          tint = colour;
          tint.alpha *= shade == DESK_DAY_SHADE_OTHER_MONTH ? 0.04f : 0.035f;
          gtk_snapshot_append_color (snapshot, &tint, &bounds);
        }
      if (day == self->selected || day == self->drop_day)
        {
          tint = accent;
          tint.alpha *= day == self->drop_day ? 0.22f : 0.10f;
          gtk_snapshot_append_color (snapshot, &tint, &bounds);
        }
      if (day == self->drop_day)
        desk_snapshot_append_frame (snapshot, &accent, &bounds, 2);
    }

  GTK_WIDGET_CLASS (desk_month_grid_parent_class)->snapshot (widget, snapshot);
}

static void
desk_month_grid_dispose (GObject *object)
{
  DeskMonthGrid *self = DESK_MONTH_GRID (object);

  self->selected = NULL;
  self->drop_day = NULL;
  g_clear_pointer (&self->highlight, gtk_widget_unparent);

  G_OBJECT_CLASS (desk_month_grid_parent_class)->dispose (object);
}

static void
desk_month_grid_class_init (DeskMonthGridClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = desk_month_grid_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = desk_month_grid_snapshot;
  shade_quark = g_quark_from_static_string ("desk-month-grid-shade");
}

static void
desk_month_grid_init (DeskMonthGrid *self)
{
}

/* Made after the days, so that it is the last child (the days keep
 * their order) */
static void
ensure_highlight (DeskMonthGrid *self)
{
  if (self->highlight == NULL)
    self->highlight = desk_colour_probe_new (GTK_WIDGET (self), "day-highlight");
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

/**
 * desk_month_grid_set_selected:
 * @day: (nullable): a child of the grid
 *
 * The selected day, drawn in the accent colour; screen readers read it
 * as selected.
 */
void
desk_month_grid_set_selected (DeskMonthGrid *self,
                              GtkWidget     *day)
{
  g_return_if_fail (DESK_IS_MONTH_GRID (self));
  g_return_if_fail (day == NULL || gtk_widget_get_parent (day) == GTK_WIDGET (self));

  if (self->selected == day)
    return;
  if (self->selected != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self->selected), GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
  self->selected = day;
  if (day != NULL)
    {
      ensure_highlight (self);
      gtk_accessible_update_state (GTK_ACCESSIBLE (day), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkWidget *
desk_month_grid_get_selected (DeskMonthGrid *self)
{
  g_return_val_if_fail (DESK_IS_MONTH_GRID (self), NULL);
  return self->selected;
}

/**
 * desk_month_grid_set_drop_day:
 * @day: (nullable): the day a dragged post hovers, a child of the grid
 */
void
desk_month_grid_set_drop_day (DeskMonthGrid *self,
                              GtkWidget     *day)
{
  g_return_if_fail (DESK_IS_MONTH_GRID (self));
  g_return_if_fail (day == NULL || gtk_widget_get_parent (day) == GTK_WIDGET (self));

  if (self->drop_day == day)
    return;
  self->drop_day = day;
  if (day != NULL)
    ensure_highlight (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkWidget *
desk_month_grid_get_drop_day (DeskMonthGrid *self)
{
  g_return_val_if_fail (DESK_IS_MONTH_GRID (self), NULL);
  return self->drop_day;
}
