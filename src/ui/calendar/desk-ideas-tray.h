/* desk-ideas-tray.h: the posts without a date, beside the calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-post-card.h"

G_BEGIN_DECLS

#define DESK_TYPE_IDEAS_TRAY (desk_ideas_tray_get_type ())
G_DECLARE_FINAL_TYPE (DeskIdeasTray, desk_ideas_tray, DESK, IDEAS_TRAY, GtkBox)

GListModel *desk_ideas_tray_get_model   (DeskIdeasTray *self);
void        desk_ideas_tray_set_model   (DeskIdeasTray *self,
                                         GListModel    *model);
void        desk_ideas_tray_set_lookups (DeskIdeasTray *self,
                                         GHashTable    *channels,
                                         GHashTable    *campaigns,
                                         DeskColourBy   colour_by);

G_END_DECLS
