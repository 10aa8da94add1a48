/* desk-post-move.c: what moving a post on the calendar may do
 *
 * The one policy behind drops on a day or on the ideas, the keyboard's
 * moves, "Move to…" and the store itself: a published post stays where
 * it is, a day that has passed asks first, a drop keeps the post's local
 * wall-clock time, a copy is a new draft. Undo remembers each change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-post-move"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-post-move.h"
#include "desk-time.h"

/**
 * desk_post_move_check:
 * @target: (nullable): the new time; %NULL takes the post off the
 *   calendar (back to the ideas)
 * @now: (nullable): the current time; %NULL does not look at the past
 * @copy: a copy (Ctrl+drag) instead of a move
 * @reason: (out) (optional) (transfer full): why it is refused, or what
 *   to confirm, translated
 *
 * Whether @post may go to @target. A published post is on the network
 * already: it does not move (a copy of it may). A day before @now's asks
 * first: once synchronised, the post would be published at once.
 */
DeskPostMoveVerdict
desk_post_move_check (DeskPost    *post,
                      GDateTime   *target,
                      GDateTime   *now,
                      gboolean     copy,
                      char       **reason)
{
  g_return_val_if_fail (DESK_IS_POST (post), DESK_POST_MOVE_REFUSED);

  if (!copy && desk_post_get_status (post) == DESK_POST_STATUS_PUBLISHED)
    {
      if (reason != NULL)
        *reason = g_strdup (_("A published post cannot be moved: it is already on the network."));
      return DESK_POST_MOVE_REFUSED;
    }

  if (target != NULL && now != NULL)
    {
      g_autoptr(GDateTime) today = desk_time_local_midnight (now);
      g_autoptr(GDateTime) target_day = desk_time_local_midnight (target);

      if (g_date_time_compare (target_day, today) < 0)
        {
          if (reason != NULL)
            *reason = g_strdup (_("This day has already passed: once synchronised, the post would be published at once."));
          return DESK_POST_MOVE_NEEDS_CONFIRMATION;
        }
    }

  if (reason != NULL)
    *reason = NULL;
  return DESK_POST_MOVE_ALLOWED;
}

/**
 * desk_post_move_drop_time:
 * @day: any time on the day @post is dropped on
 * @default_hour: the time of a post that has none (an idea)
 * @default_minute: likewise
 * @copy: a copy (Ctrl+drag) instead of a move
 *
 * Where a drop on a day puts @post: at the same local wall-clock time,
 * whatever DST change lies between (desk_time_move_to_day ()); an idea at
 * the default time.
 *
 * Returns: (transfer full) (nullable): the new time, or %NULL when the
 *   move would change nothing (@post dropped on its own day)
 */
GDateTime *
desk_post_move_drop_time (DeskPost  *post,
                          GDateTime *day,
                          int        default_hour,
                          int        default_minute,
                          gboolean   copy)
{
  g_autoptr(GDateTime) target_day = NULL;
  g_autoptr(GDateTime) at = NULL;
  GDateTime *current;

  g_return_val_if_fail (DESK_IS_POST (post), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  target_day = desk_time_local_midnight (day);
  current = desk_post_get_scheduled_at (post);
  if (current != NULL)
    at = desk_time_move_to_day (current, target_day);
  else
    at = desk_time_at_local (target_day, default_hour, default_minute);

  if (!copy && current != NULL && g_date_time_equal (at, current))
    return NULL;
  return g_steal_pointer (&at);
}

/**
 * desk_post_move_apply:
 * @undo: (nullable): remembers the change for Undo
 * @at: (nullable): the new time; %NULL takes the post off the calendar
 * @copy: duplicate @post as a draft at @at instead of moving it
 *
 * Moves (or copies) @post now, in one transaction of @store, and pushes
 * what Undo needs on @undo. It does not ask about the past: that is the
 * caller's, after desk_post_move_check ().
 *
 * Returns: %TRUE if @post was moved or copied
 */
gboolean
desk_post_move_apply (DeskStore      *store,
                      DeskUndoStack  *undo,
                      DeskPost       *post,
                      GDateTime      *at,
                      gboolean        copy,
                      GError        **error)
{
  g_autoptr(DeskPost) before = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (undo == NULL || DESK_IS_UNDO_STACK (undo), FALSE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  if (copy)
    {
      g_autoptr(DeskPost) created = desk_store_duplicate_post (store, desk_post_get_id (post), at, error);

      if (created == NULL)
        return FALSE;
      if (undo != NULL)
        desk_undo_stack_push_created (undo, desk_post_get_id (created));
      return TRUE;
    }

  if (!desk_store_move_post (store, desk_post_get_id (post), at, &before, error))
    return FALSE;
  if (undo != NULL)
    desk_undo_stack_push_before (undo, before);
  return TRUE;
}
