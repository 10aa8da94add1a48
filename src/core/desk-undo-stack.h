/* desk-undo-stack.h: what the calendar's Undo puts back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_UNDO_STACK (desk_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (DeskUndoStack, desk_undo_stack, DESK, UNDO_STACK, GObject)

DeskUndoStack *desk_undo_stack_new          (guint          max_entries);
void           desk_undo_stack_push_before  (DeskUndoStack *self,
                                             DeskPost      *before);
void           desk_undo_stack_push_created (DeskUndoStack *self,
                                             gint64         post_id);
gboolean       desk_undo_stack_get_can_undo (DeskUndoStack *self);
guint          desk_undo_stack_get_n_entries (DeskUndoStack *self);
gboolean       desk_undo_stack_undo         (DeskUndoStack *self,
                                             DeskStore     *store,
                                             GError       **error);

G_END_DECLS
