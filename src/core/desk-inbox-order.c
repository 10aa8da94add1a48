/* desk-inbox-order.c: the inbox's "needs attention" order
 *
 * The rule is in desk-inbox-order.h; the store keeps each notification's
 * priority (desk-store-inbox.c) and orders and groups by it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-inbox-order"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-inbox-order.h"
#include "desk-tone.h"

static gboolean
is_question_mark (gunichar c)
{
  return c == '?' || c == 0xff1f /* fullwidth */ || c == 0x2047 /* ⁇ */ || c == 0x2048 || c == 0x2049;
}

/**
 * desk_inbox_order_asks_question:
 *
 * Returns: whether @text has a question mark that ends a question: one
 *   followed by the end, a space, punctuation or a closing quote, not one
 *   inside a link ("https://x.fr/?id=1"). "Ouvert dimanche ?" and
 *   "Ouvert dimanche\u202f?" both ask.
 */
gboolean
desk_inbox_order_asks_question (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next;
      gunichar after;

      if (!is_question_mark (g_utf8_get_char (p)))
        continue;
      next = g_utf8_next_char (p);
      after = g_utf8_get_char (next);
      if (after == 0 || !g_unichar_isalnum (after))
        {
          /* "?=" or "?&" inside a query string */
          if (after == '=' || after == '&' || after == '/')
            continue;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * desk_inbox_order_priority:
 *
 * Returns: the priority the rule gives (higher first): one of
 *   %DESK_INBOX_PRIORITY_DM, %DESK_INBOX_PRIORITY_ATTENTION,
 *   %DESK_INBOX_PRIORITY_REST
 */
int
desk_inbox_order_priority (DeskNotificationKind  kind,
                           const char           *text,
                           double                tone,
                           DeskModerationFlag    flag)
{
  if (flag == DESK_MODERATION_FLAG_SPAM || flag == DESK_MODERATION_FLAG_OFFENSIVE)
    return DESK_INBOX_PRIORITY_REST;
  switch (kind)
    {
    case DESK_NOTIFICATION_KIND_DIRECT_MESSAGE:
      return DESK_INBOX_PRIORITY_DM;
    case DESK_NOTIFICATION_KIND_MENTION:
    case DESK_NOTIFICATION_KIND_REPLY:
    case DESK_NOTIFICATION_KIND_COMMENT:
    case DESK_NOTIFICATION_KIND_QUOTE:
      if (flag == DESK_MODERATION_FLAG_ESCALATE || desk_tone_is_negative (tone) ||
          desk_inbox_order_asks_question (text))
        return DESK_INBOX_PRIORITY_ATTENTION;
      return DESK_INBOX_PRIORITY_REST;
    case DESK_NOTIFICATION_KIND_REPOST:
    case DESK_NOTIFICATION_KIND_FAVOURITE:
    case DESK_NOTIFICATION_KIND_FOLLOW:
    default:
      return DESK_INBOX_PRIORITY_REST;
    }
}

/**
 * desk_inbox_order_dup_explanation:
 *
 * Returns: (transfer full): the rule, in the user's language, for the
 *   view's tooltip
 */
char *
desk_inbox_order_dup_explanation (void)
{
  return g_strdup (_("Direct messages come first, then mentions, replies and quotes that ask a question, "
                     "sound negative or were flagged to escalate, then everything else, newest first. "
                     "Likes, follows and reposts of the same post are grouped into one line."));
}

/**
 * desk_inbox_order_dup_group_title:
 * @count: the members of the group, the newest included
 *
 * Returns: (transfer full): "Léa and 39 others liked your post"
 */
char *
desk_inbox_order_dup_group_title (DeskNotificationKind  kind,
                                  const char           *newest_author,
                                  guint                 count)
{
  guint others = count > 0 ? count - 1 : 0;

  switch (kind)
    {
    case DESK_NOTIFICATION_KIND_FOLLOW:
      if (others == 0)
        return g_strdup_printf (_("%s followed you"), newest_author);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u other followed you",
                                           "%s and %u others followed you", others), newest_author, others);
    case DESK_NOTIFICATION_KIND_REPOST:
      if (others == 0)
        return g_strdup_printf (_("%s reposted your post"), newest_author);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u other reposted your post",
                                           "%s and %u others reposted your post", others), newest_author, others);
    case DESK_NOTIFICATION_KIND_FAVOURITE:
    default:
      if (others == 0)
        return g_strdup_printf (_("%s liked your post"), newest_author);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u other liked your post",
                                           "%s and %u others liked your post", others), newest_author, others);
    }
}
