/* desk-agenda-view.h: a month's posts as a list, by day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-post-card.h"

G_BEGIN_DECLS

#define DESK_TYPE_AGENDA_VIEW (desk_agenda_view_get_type ())
G_DECLARE_FINAL_TYPE (DeskAgendaView, desk_agenda_view, DESK, AGENDA_VIEW, GtkWidget)

GtkWidget  *desk_agenda_view_new         (void);
GListModel *desk_agenda_view_get_model   (DeskAgendaView *self);
void        desk_agenda_view_set_model   (DeskAgendaView *self,
                                          GListModel     *model);
GDateTime  *desk_agenda_view_get_month   (DeskAgendaView *self);
void        desk_agenda_view_set_month   (DeskAgendaView *self,
                                          GDateTime      *month);
GtkFilter  *desk_agenda_view_get_filter  (DeskAgendaView *self);
void        desk_agenda_view_set_filter  (DeskAgendaView *self,
                                          GtkFilter      *filter);
void        desk_agenda_view_set_lookups (DeskAgendaView *self,
                                          GHashTable     *channels,
                                          GHashTable     *campaigns,
                                          DeskColourBy    colour_by);

G_END_DECLS
