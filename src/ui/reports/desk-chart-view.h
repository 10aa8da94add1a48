/* desk-chart-view.h: a DeskChart on screen, its values by hover and by
 * keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-chart.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHART_VIEW (desk_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (DeskChartView, desk_chart_view, DESK, CHART_VIEW, GtkWidget)

GtkWidget  *desk_chart_view_new          (void);
DeskChart  *desk_chart_view_get_chart    (DeskChartView *self);
void        desk_chart_view_set_chart    (DeskChartView *self,
                                          DeskChart     *chart);
int         desk_chart_view_get_selected (DeskChartView *self);
void        desk_chart_view_set_selected (DeskChartView *self,
                                          int            row);
char       *desk_chart_view_dup_announced (DeskChartView *self);

G_END_DECLS
