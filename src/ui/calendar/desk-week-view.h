/* desk-week-view.h: seven days of hour slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-post-card.h"

G_BEGIN_DECLS

#define DESK_TYPE_WEEK_VIEW (desk_week_view_get_type ())
G_DECLARE_FINAL_TYPE (DeskWeekView, desk_week_view, DESK, WEEK_VIEW, GtkWidget)

GtkWidget *desk_week_view_new            (void);
void       desk_week_view_set_posts      (DeskWeekView *self,
                                          GListModel   *posts,
                                          GDateTime    *start,
                                          GHashTable   *channels,
                                          GHashTable   *campaigns,
                                          DeskColourBy  colour_by);
void       desk_week_view_focus_post     (DeskWeekView *self,
                                          gint64        post_id);
guint      desk_week_view_get_n_cards    (DeskWeekView *self);
int        desk_week_view_get_hour_height (void);
GDateTime *desk_week_view_get_drop_time  (DeskWeekView *self);
GDateTime *desk_week_view_time_at        (GDateTime    *start,
                                          int           width,
                                          double        x,
                                          double        y);

G_END_DECLS
