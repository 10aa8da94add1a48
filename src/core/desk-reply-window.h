/* desk-reply-window.h: how long a brand may still answer a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-enums.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_REPLY_WINDOW_NONE,        /* the network sets no limit */
  DESK_REPLY_WINDOW_OPEN,        /* within the standard window */
  DESK_REPLY_WINDOW_HUMAN_AGENT, /* past it, within the human-agent window */
  DESK_REPLY_WINDOW_CLOSED,      /* past both: the network refuses a reply */
} DeskReplyWindowState;

DeskReplyWindowState desk_reply_window_state (DeskNetwork           network,
                                              DeskNotificationKind  kind,
                                              GDateTime            *received,
                                              GDateTime            *at,
                                              GDateTime           **closes);
char                *desk_reply_window_describe (DeskNetwork           network,
                                                 DeskNotificationKind  kind,
                                                 GDateTime            *received,
                                                 GDateTime            *now);

G_END_DECLS
