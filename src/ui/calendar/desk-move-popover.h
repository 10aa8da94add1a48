/* desk-move-popover.h: "Move to…" a date and time, without a mouse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_MOVE_POPOVER (desk_move_popover_get_type ())
G_DECLARE_FINAL_TYPE (DeskMovePopover, desk_move_popover, DESK, MOVE_POPOVER, GtkPopover)

GtkWidget *desk_move_popover_new      (void);
void       desk_move_popover_set_time (DeskMovePopover *self,
                                       GDateTime       *time);
GDateTime *desk_move_popover_dup_time (DeskMovePopover *self);

G_END_DECLS
