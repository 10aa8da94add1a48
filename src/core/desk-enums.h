/* desk-enums.h: the closed vocabularies of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DESK_POST_STATUS_IDEA,
  DESK_POST_STATUS_DRAFT,
  DESK_POST_STATUS_IN_REVIEW,
  DESK_POST_STATUS_APPROVED,
  DESK_POST_STATUS_SCHEDULED,
  DESK_POST_STATUS_PUBLISHED,
  DESK_POST_STATUS_FAILED,
} DeskPostStatus;

#define DESK_POST_STATUS_LAST DESK_POST_STATUS_FAILED

typedef enum
{
  DESK_NETWORK_MASTODON,
  DESK_NETWORK_BLUESKY,
  DESK_NETWORK_WORDPRESS,
  DESK_NETWORK_INSTAGRAM,
  DESK_NETWORK_FACEBOOK,
  DESK_NETWORK_LINKEDIN,
  DESK_NETWORK_THREADS,
  DESK_NETWORK_X,
  DESK_NETWORK_TIKTOK,
  DESK_NETWORK_YOUTUBE,
  DESK_NETWORK_PINTEREST,
  DESK_NETWORK_OTHER,      /* a newsletter, Google Business Profile…: no rules of its own */
} DeskNetwork;

#define DESK_NETWORK_LAST DESK_NETWORK_OTHER

typedef enum
{
  DESK_NOTIFICATION_KIND_MENTION,
  DESK_NOTIFICATION_KIND_REPLY,
  DESK_NOTIFICATION_KIND_DIRECT_MESSAGE,
  DESK_NOTIFICATION_KIND_COMMENT,
  DESK_NOTIFICATION_KIND_QUOTE,
  DESK_NOTIFICATION_KIND_REPOST,
  DESK_NOTIFICATION_KIND_FAVOURITE,
  DESK_NOTIFICATION_KIND_FOLLOW,
} DeskNotificationKind;

#define DESK_NOTIFICATION_KIND_LAST DESK_NOTIFICATION_KIND_FOLLOW

typedef enum
{
  DESK_NOTIFICATION_STATUS_OPEN,
  DESK_NOTIFICATION_STATUS_WAITING,    /* answered, waiting for the other side */
  DESK_NOTIFICATION_STATUS_DONE,
  DESK_NOTIFICATION_STATUS_ESCALATED,  /* handed to someone who can decide */
} DeskNotificationStatus;

#define DESK_NOTIFICATION_STATUS_LAST DESK_NOTIFICATION_STATUS_ESCALATED

/* What a moderation rule (desk-moderation.c) or the user said of an item */
typedef enum
{
  DESK_MODERATION_FLAG_NONE,
  DESK_MODERATION_FLAG_SPAM,
  DESK_MODERATION_FLAG_OFFENSIVE,
  DESK_MODERATION_FLAG_ESCALATE,
} DeskModerationFlag;

#define DESK_MODERATION_FLAG_LAST DESK_MODERATION_FLAG_ESCALATE

/* The inbox's views (desk-inbox-filter.h) */
typedef enum
{
  DESK_INBOX_VIEW_ATTENTION,    /* needs attention first, likes grouped (desk-inbox-order.h) */
  DESK_INBOX_VIEW_ALL,          /* everything, newest first */
  DESK_INBOX_VIEW_UNREAD,       /* unread, newest first */
  DESK_INBOX_VIEW_NEEDS_REPLY,  /* conversations still open or escalated, in attention order */
} DeskInboxView;

#define DESK_INBOX_VIEW_LAST DESK_INBOX_VIEW_NEEDS_REPLY

/* Where one send of the outbox stands (a post on one channel) */
typedef enum
{
  DESK_OUTBOX_STATE_QUEUED,      /* waits for its time, the network or a retry */
  DESK_OUTBOX_STATE_SENDING,     /* recorded before the request: a crash leaves it here */
  DESK_OUTBOX_STATE_SCHEDULED,   /* held by the server until its time */
  DESK_OUTBOX_STATE_PUBLISHED,
  DESK_OUTBOX_STATE_FAILED,      /* the reason says what to do; Retry queues it again */
  DESK_OUTBOX_STATE_CANCELLING,  /* held by the server, to take back (moved, deleted) */
  DESK_OUTBOX_STATE_CANCELLED,
} DeskOutboxState;

#define DESK_OUTBOX_STATE_LAST DESK_OUTBOX_STATE_CANCELLED

/* Stable identifiers, as stored in SQLite and printed by the CLI. */
const char *desk_post_status_to_id         (DeskPostStatus status);
gboolean    desk_post_status_from_id       (const char *id, DeskPostStatus *out);
const char *desk_post_status_to_label      (DeskPostStatus status);
const char *desk_post_status_to_mark       (DeskPostStatus status);

const char *desk_network_to_id             (DeskNetwork network);
gboolean    desk_network_from_id           (const char *id, DeskNetwork *out);
const char *desk_network_to_label          (DeskNetwork network);
const char *desk_network_default_colour    (DeskNetwork network);

const char *desk_notification_kind_to_id    (DeskNotificationKind kind);
gboolean    desk_notification_kind_from_id  (const char *id, DeskNotificationKind *out);
const char *desk_notification_kind_to_label (DeskNotificationKind kind);

const char *desk_notification_status_to_id    (DeskNotificationStatus status);
gboolean    desk_notification_status_from_id  (const char *id, DeskNotificationStatus *out);
const char *desk_notification_status_to_label (DeskNotificationStatus status);

const char *desk_moderation_flag_to_id    (DeskModerationFlag flag);
gboolean    desk_moderation_flag_from_id  (const char *id, DeskModerationFlag *out);
const char *desk_moderation_flag_to_label (DeskModerationFlag flag);

const char *desk_inbox_view_to_id    (DeskInboxView view);
gboolean    desk_inbox_view_from_id  (const char *id, DeskInboxView *out);
const char *desk_inbox_view_to_label (DeskInboxView view);

const char *desk_outbox_state_to_id    (DeskOutboxState state);
gboolean    desk_outbox_state_from_id  (const char *id, DeskOutboxState *out);
const char *desk_outbox_state_to_label (DeskOutboxState state);

G_END_DECLS
