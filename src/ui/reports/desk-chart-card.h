/* desk-chart-card.h: a chart with its title, its table and its exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-chart-view.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHART_CARD (desk_chart_card_get_type ())
G_DECLARE_FINAL_TYPE (DeskChartCard, desk_chart_card, DESK, CHART_CARD, GtkWidget)

GtkWidget     *desk_chart_card_new        (const char    *title,
                                           DeskChart     *chart);
DeskChartView *desk_chart_card_get_view   (DeskChartCard *self);
void           desk_chart_card_set_chart  (DeskChartCard *self,
                                           DeskChart     *chart);
gboolean       desk_chart_card_write_png  (DeskChartCard *self,
                                           const char    *path,
                                           GError       **error);
gboolean       desk_chart_card_write_csv  (DeskChartCard *self,
                                           const char    *path,
                                           GError       **error);

G_END_DECLS
