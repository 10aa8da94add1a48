/* desk-month-grid.h: the month's grid of days, shading them itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  DESK_DAY_SHADE_NONE,
  DESK_DAY_SHADE_RESTING,       /* weekend, public holiday */
  DESK_DAY_SHADE_OTHER_MONTH,
} DeskDayShade;

#define DESK_TYPE_MONTH_GRID (desk_month_grid_get_type ())
G_DECLARE_FINAL_TYPE (DeskMonthGrid, desk_month_grid, DESK, MONTH_GRID, GtkGrid)

void         desk_month_grid_set_shade (DeskMonthGrid *self,
                                        GtkWidget     *day,
                                        DeskDayShade   shade);
DeskDayShade desk_month_grid_get_shade (DeskMonthGrid *self,
                                        GtkWidget     *day);
void         desk_month_grid_set_selected (DeskMonthGrid *self,
                                           GtkWidget     *day);
GtkWidget   *desk_month_grid_get_selected (DeskMonthGrid *self);
void         desk_month_grid_set_drop_day (DeskMonthGrid *self,
                                           GtkWidget     *day);
GtkWidget   *desk_month_grid_get_drop_day (DeskMonthGrid *self);

G_END_DECLS
