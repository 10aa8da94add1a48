/* desk-kpi-card.h: one KPI, its change and its sparkline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-chart.h"
#include "desk-kpi.h"

G_BEGIN_DECLS

#define DESK_TYPE_KPI_CARD (desk_kpi_card_get_type ())
G_DECLARE_FINAL_TYPE (DeskKpiCard, desk_kpi_card, DESK, KPI_CARD, GtkWidget)

GtkWidget  *desk_kpi_card_new       (DeskKpiId           id);
DeskKpiId   desk_kpi_card_get_id    (DeskKpiCard        *self);
void        desk_kpi_card_set_value (DeskKpiCard        *self,
                                     const DeskKpiValue *value,
                                     const DeskKpiValue *previous,
                                     DeskChart          *sparkline);
const char *desk_kpi_card_get_value_text (DeskKpiCard   *self);

G_END_DECLS
