/* desk-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-enums.h"

typedef struct
{
  const char *id;
  const char *label;     /* N_() marked, translated on use */
  const char *colour;
} Entry;

static const Entry post_statuses[] = {
  { "idea",      N_("Idea"),      NULL },
  { "draft",     N_("Draft"),     NULL },
  { "review",    N_("In review"), NULL },
  { "approved",  N_("Approved"),  NULL },
  { "scheduled", N_("Scheduled"), NULL },
  { "published", N_("Published"), NULL },
  { "failed",    N_("Failed"),    NULL },
};

static const Entry networks[] = {
  { "mastodon",  N_("Mastodon"),  "#6364ff" },
  { "bluesky",   N_("Bluesky"),   "#1185fe" },
  { "wordpress", N_("WordPress"), "#21759b" },
  { "instagram", N_("Instagram"), "#e1306c" },
  { "facebook",  N_("Facebook"),  "#1877f2" },
  { "linkedin",  N_("LinkedIn"),  "#0a66c2" },
  { "threads",   N_("Threads"),   "#000000" },
  { "x",         N_("X"),         "#000000" },
  { "tiktok",    N_("TikTok"),    "#fe2c55" },
  { "youtube",   N_("YouTube"),   "#ff0000" },
  { "pinterest", N_("Pinterest"), "#e60023" },
  { "other",     N_("Other"),     "#77767b" },
};

static const Entry notification_kinds[] = {
  { "mention",   N_("Mention"),        NULL },
  { "reply",     N_("Reply"),          NULL },
  { "dm",        N_("Direct message"), NULL },
  { "comment",   N_("Comment"),        NULL },
  { "quote",     N_("Quote"),          NULL },
  { "repost",    N_("Repost"),         NULL },
  { "favourite", N_("Favourite"),      NULL },
  { "follow",    N_("New follower"),   NULL },
};

static const Entry notification_statuses[] = {
  { "open",      N_("Open"),      NULL },
  { "waiting",   N_("Waiting"),   NULL },
  { "done",      N_("Done"),      NULL },
  { "escalated", N_("Escalated"), NULL },
};

/* "none" is stored as NULL */
static const Entry moderation_flags[] = {
  { "none",      N_("Not flagged"), NULL },
  { "spam",      N_("Spam"),        NULL },
  { "offensive", N_("Offensive"),   NULL },
  { "escalate",  N_("To escalate"), NULL },
};

static const Entry inbox_views[] = {
  { "attention",   N_("Needs attention"), NULL },
  { "all",         N_("All"),             NULL },
  { "unread",      N_("Unread"),          NULL },
  { "needs-reply", N_("Needs reply"),     NULL },
};

static const Entry outbox_states[] = {
  { "queued",     N_("Queued"),                  NULL },
  { "sending",    N_("Sending"),                 NULL },
  { "scheduled",  N_("Scheduled on the server"), NULL },
  { "published",  N_("Published"),               NULL },
  { "failed",     N_("Failed"),                  NULL },
  { "cancelling", N_("Being cancelled"),         NULL },
  { "cancelled",  N_("Cancelled"),               NULL },
};

static gboolean
lookup (const Entry *table,
        guint        n,
        const char  *id,
        guint       *out)
{
  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (table[i].id, id))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_ENUM_IDS(prefix, Type, table)                              \
  const char *prefix##_to_id (Type v)                                     \
  {                                                                       \
    g_return_val_if_fail ((guint) v < G_N_ELEMENTS (table), NULL);        \
    return table[v].id;                                                   \
  }                                                                       \
  const char *prefix##_to_label (Type v)                                  \
  {                                                                       \
    g_return_val_if_fail ((guint) v < G_N_ELEMENTS (table), NULL);        \
    return g_dgettext (GETTEXT_PACKAGE, table[v].label);                  \
  }                                                                       \
  gboolean prefix##_from_id (const char *id, Type *out)                   \
  {                                                                       \
    guint i;                                                              \
    if (!lookup (table, G_N_ELEMENTS (table), id, &i))                    \
      return FALSE;                                                       \
    if (out)                                                              \
      *out = (Type) i;                                                    \
    return TRUE;                                                          \
  }

DEFINE_ENUM_IDS (desk_post_status, DeskPostStatus, post_statuses)

/**
 * desk_post_status_to_mark:
 *
 * Returns: a symbol for the status, shown on calendar cards next to the
 * status colour, so that the status does not rest on colour alone
 * (WCAG 1.4.1) and shows when cards are coloured by channel or campaign.
 * Each is a text symbol (no emoji presentation) that DejaVu Sans has.
 */
const char *
desk_post_status_to_mark (DeskPostStatus status)
{
  static const char * const marks[] = {
    [DESK_POST_STATUS_IDEA] = "○",
    [DESK_POST_STATUS_DRAFT] = "✎",
    [DESK_POST_STATUS_IN_REVIEW] = "◐",
    [DESK_POST_STATUS_APPROVED] = "✓",
    [DESK_POST_STATUS_SCHEDULED] = "◷",
    [DESK_POST_STATUS_PUBLISHED] = "➤",
    [DESK_POST_STATUS_FAILED] = "✗",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (marks) == DESK_POST_STATUS_LAST + 1);
  g_return_val_if_fail ((guint) status <= DESK_POST_STATUS_LAST, "");
  return marks[status];
}
DEFINE_ENUM_IDS (desk_network, DeskNetwork, networks)
DEFINE_ENUM_IDS (desk_notification_kind, DeskNotificationKind, notification_kinds)
DEFINE_ENUM_IDS (desk_notification_status, DeskNotificationStatus, notification_statuses)
DEFINE_ENUM_IDS (desk_moderation_flag, DeskModerationFlag, moderation_flags)
DEFINE_ENUM_IDS (desk_inbox_view, DeskInboxView, inbox_views)
DEFINE_ENUM_IDS (desk_outbox_state, DeskOutboxState, outbox_states)

const char *
desk_network_default_colour (DeskNetwork network)
{
  g_return_val_if_fail ((guint) network < G_N_ELEMENTS (networks), NULL);
  return networks[network].colour;
}
