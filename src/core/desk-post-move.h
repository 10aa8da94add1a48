/* desk-post-move.h: what moving a post on the calendar may do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-store.h"
#include "desk-undo-stack.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_POST_MOVE_ALLOWED,
  DESK_POST_MOVE_REFUSED,
  DESK_POST_MOVE_NEEDS_CONFIRMATION,
} DeskPostMoveVerdict;

DeskPostMoveVerdict desk_post_move_check     (DeskPost       *post,
                                              GDateTime      *target,
                                              GDateTime      *now,
                                              gboolean        copy,
                                              char          **reason);
GDateTime          *desk_post_move_drop_time (DeskPost       *post,
                                              GDateTime      *day,
                                              int             default_hour,
                                              int             default_minute,
                                              gboolean        copy);
gboolean            desk_post_move_apply     (DeskStore      *store,
                                              DeskUndoStack  *undo,
                                              DeskPost       *post,
                                              GDateTime      *at,
                                              gboolean        copy,
                                              GError        **error);

G_END_DECLS
