/* desk-inbox-order.h: the inbox's "needs attention" order
 *
 * The rule (desk_inbox_order_dup_explanation () says it to the user):
 *
 * 1. Direct messages first (priority 2).
 * 2. Then mentions, replies, comments and quotes that ask a question (a
 *    "?", French spacing "« ? »" included, not one inside a link), read as
 *    negative (desk-tone.h), or that a moderation rule flags to escalate
 *    (priority 1).
 * 3. Then the rest (priority 0), newest first; items flagged spam or
 *    offensive are never above this.
 *
 * Within a priority, newest first. Likes, follows and reposts are grouped
 * per (channel, kind, subject): one entry with the count and the newest
 * member, placed by that member's time ("Léa and 39 others liked …").
 *
 * The priority is computed once, when a notification is stored, and kept
 * in its row, so that SQLite orders 100,000 rows by an index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-enums.h"

G_BEGIN_DECLS

#define DESK_INBOX_PRIORITY_REST     0
#define DESK_INBOX_PRIORITY_ATTENTION 1
#define DESK_INBOX_PRIORITY_DM       2

gboolean  desk_inbox_order_asks_question   (const char           *text);
int       desk_inbox_order_priority        (DeskNotificationKind  kind,
                                            const char           *text,
                                            double                tone,
                                            DeskModerationFlag    flag);
char     *desk_inbox_order_dup_explanation (void);
char     *desk_inbox_order_dup_group_title (DeskNotificationKind  kind,
                                            const char           *newest_author,
                                            guint                 count);

G_END_DECLS
