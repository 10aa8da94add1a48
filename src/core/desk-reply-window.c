/* desk-reply-window.c: how long a brand may still answer a message
 *
 * Meta's Messenger and Instagram messaging let a business answer a
 * person's message within 24 hours of it (the "standard messaging
 * window"); a person of the team (not a bot) may answer up to 7 days
 * after it with the HUMAN_AGENT tag; after that the platform refuses the
 * answer. Only direct messages have such windows; public comments do
 * not. Other networks set none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-reply-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-format.h"
#include "desk-reply-window.h"

#define STANDARD_WINDOW    (24 * G_TIME_SPAN_HOUR)
#define HUMAN_AGENT_WINDOW (7 * G_TIME_SPAN_DAY)

/**
 * desk_reply_window_state:
 * @received: when the message came
 * @at: when the reply would go (now, or when a queued reply will be sent)
 * @closes: (out) (optional) (transfer full): when the window that is open
 *   at @at closes, %NULL when none is
 *
 * Returns: where @at stands in the network's reply windows
 */
DeskReplyWindowState
desk_reply_window_state (DeskNetwork           network,
                         DeskNotificationKind  kind,
                         GDateTime            *received,
                         GDateTime            *at,
                         GDateTime           **closes)
{
  GTimeSpan since;

  if (closes != NULL)
    *closes = NULL;
  if ((network != DESK_NETWORK_FACEBOOK && network != DESK_NETWORK_INSTAGRAM) ||
      kind != DESK_NOTIFICATION_KIND_DIRECT_MESSAGE || received == NULL || at == NULL)
    return DESK_REPLY_WINDOW_NONE;
  since = g_date_time_difference (at, received);
  if (since < STANDARD_WINDOW)
    {
      if (closes != NULL)
        *closes = g_date_time_add (received, STANDARD_WINDOW);
      return DESK_REPLY_WINDOW_OPEN;
    }
  if (since < HUMAN_AGENT_WINDOW)
    {
      if (closes != NULL)
        *closes = g_date_time_add (received, HUMAN_AGENT_WINDOW);
      return DESK_REPLY_WINDOW_HUMAN_AGENT;
    }
  return DESK_REPLY_WINDOW_CLOSED;
}

/**
 * desk_reply_window_describe:
 *
 * What the inbox says of a message's reply window: "Reply within 5
 * hours", "Reply within 3 days (human agent only)", "Too late to reply
 * here: the network closed this conversation".
 *
 * Returns: (transfer full) (nullable): the sentence, %NULL when the
 *   network sets no window
 */
char *
desk_reply_window_describe (DeskNetwork           network,
                            DeskNotificationKind  kind,
                            GDateTime            *received,
                            GDateTime            *now)
{
  g_autoptr(GDateTime) closes = NULL;
  g_autofree char *left = NULL;

  switch (desk_reply_window_state (network, kind, received, now, &closes))
    {
    case DESK_REPLY_WINDOW_OPEN:
      left = desk_format_duration (g_date_time_difference (closes, now));
      /* Translators: %s is a time left, "5 hours" */
      return g_strdup_printf (_("Reply within %s"), left);
    case DESK_REPLY_WINDOW_HUMAN_AGENT:
      left = desk_format_duration (g_date_time_difference (closes, now));
      /* Translators: %s is a time left, "3 days"; past 24 hours Meta lets
       * only a person of the team answer (the human-agent tag) */
      return g_strdup_printf (_("Reply within %s (by a person, not an automated reply)"), left);
    case DESK_REPLY_WINDOW_CLOSED:
      return g_strdup (_("Too late to reply here: the network closed this conversation"));
    case DESK_REPLY_WINDOW_NONE:
    default:
      return NULL;
    }
}
