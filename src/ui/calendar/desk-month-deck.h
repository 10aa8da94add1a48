/* desk-month-deck.h: months laid out ahead, one of them shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_MONTH_DECK (desk_month_deck_get_type ())
G_DECLARE_FINAL_TYPE (DeskMonthDeck, desk_month_deck, DESK, MONTH_DECK, GtkWidget)

void       desk_month_deck_add       (DeskMonthDeck *self,
                                      GtkWidget     *month);
void       desk_month_deck_set_shown (DeskMonthDeck *self,
                                      GtkWidget     *month);
GtkWidget *desk_month_deck_get_shown (DeskMonthDeck *self);

G_END_DECLS
