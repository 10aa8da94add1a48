/* desk-day-cell.h: a day of the month's grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-colour-bar.h"
#include "desk-post-card.h"

G_BEGIN_DECLS

#define DESK_TYPE_DAY_CELL (desk_day_cell_get_type ())
G_DECLARE_FINAL_TYPE (DeskDayCell, desk_day_cell, DESK, DAY_CELL, GtkWidget)

GtkWidget     *desk_day_cell_new         (void);
void           desk_day_cell_set_day     (DeskDayCell  *self,
                                          GDateTime    *day,
                                          const char   *holiday,
                                          gboolean      other_month,
                                          gboolean      today);
GDateTime     *desk_day_cell_get_day     (DeskDayCell  *self);
void           desk_day_cell_set_posts   (DeskDayCell  *self,
                                          GPtrArray    *shown,
                                          GPtrArray    *listed,
                                          DeskColourBy  colour_by,
                                          GHashTable   *channels,
                                          GHashTable   *campaigns);
guint          desk_day_cell_get_n_cards (DeskDayCell  *self);
DeskPostCard  *desk_day_cell_find_card   (DeskDayCell  *self,
                                          gint64        post_id);
void           desk_day_cell_set_warning (DeskDayCell  *self,
                                          const char   *text);
gboolean       desk_day_cell_has_warning (DeskDayCell  *self);
DeskColourBar *desk_day_cell_get_band    (DeskDayCell  *self,
                                          guint         n);
void           desk_day_cell_hide_bands  (DeskDayCell  *self,
                                          guint         from);

G_END_DECLS
