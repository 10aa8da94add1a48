/* desk-notification.h: one item of the unified inbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-enums.h"

G_BEGIN_DECLS

#define DESK_TYPE_NOTIFICATION (desk_notification_get_type ())
G_DECLARE_FINAL_TYPE (DeskNotification, desk_notification, DESK, NOTIFICATION, GObject)

gint64 desk_notification_get_id (DeskNotification *self);
void desk_notification_set_id (DeskNotification *self, gint64 value);
gint64 desk_notification_get_channel_id (DeskNotification *self);
void desk_notification_set_channel_id (DeskNotification *self, gint64 value);
const char *desk_notification_get_remote_id (DeskNotification *self);
void desk_notification_set_remote_id (DeskNotification *self, const char *value);
DeskNotificationKind desk_notification_get_kind (DeskNotification *self);
void desk_notification_set_kind (DeskNotification *self, DeskNotificationKind value);
const char *desk_notification_get_author (DeskNotification *self);
void desk_notification_set_author (DeskNotification *self, const char *value);
const char *desk_notification_get_text (DeskNotification *self);
void desk_notification_set_text (DeskNotification *self, const char *value);
const char *desk_notification_get_url (DeskNotification *self);
void desk_notification_set_url (DeskNotification *self, const char *value);
GDateTime *desk_notification_get_created_at (DeskNotification *self);
void desk_notification_set_created_at (DeskNotification *self, GDateTime *value);
gboolean desk_notification_get_read (DeskNotification *self);
void desk_notification_set_read (DeskNotification *self, gboolean value);
gboolean desk_notification_get_starred (DeskNotification *self);
void desk_notification_set_starred (DeskNotification *self, gboolean value);
DeskNotificationStatus desk_notification_get_status (DeskNotification *self);
void desk_notification_set_status (DeskNotification *self, DeskNotificationStatus value);
gint desk_notification_get_priority (DeskNotification *self);
void desk_notification_set_priority (DeskNotification *self, gint value);
const char *desk_notification_get_assignee (DeskNotification *self);
void desk_notification_set_assignee (DeskNotification *self, const char *value);
const char *desk_notification_get_handle (DeskNotification *self);
void desk_notification_set_handle (DeskNotification *self, const char *value);
const char *desk_notification_get_in_reply_to (DeskNotification *self);
void desk_notification_set_in_reply_to (DeskNotification *self, const char *value);
const char *desk_notification_get_subject (DeskNotification *self);
void desk_notification_set_subject (DeskNotification *self, const char *value);
gint64 desk_notification_get_campaign_id (DeskNotification *self);
void desk_notification_set_campaign_id (DeskNotification *self, gint64 value);
DeskModerationFlag desk_notification_get_flag (DeskNotification *self);
void desk_notification_set_flag (DeskNotification *self, DeskModerationFlag value);
gboolean desk_notification_get_hidden (DeskNotification *self);
void desk_notification_set_hidden (DeskNotification *self, gboolean value);
double desk_notification_get_tone (DeskNotification *self);
void desk_notification_set_tone (DeskNotification *self, double value);
const char *desk_notification_get_note (DeskNotification *self);
void desk_notification_set_note (DeskNotification *self, const char *value);
guint desk_notification_get_group_count (DeskNotification *self);
void desk_notification_set_group_count (DeskNotification *self, guint value);
const char *desk_notification_get_status_id (DeskNotification *self);
void desk_notification_set_status_id (DeskNotification *self, const char *value);
const char *desk_notification_get_status_cid (DeskNotification *self);
void desk_notification_set_status_cid (DeskNotification *self, const char *value);
const char *desk_notification_get_root_id (DeskNotification *self);
void desk_notification_set_root_id (DeskNotification *self, const char *value);
const char *desk_notification_get_root_cid (DeskNotification *self);
void desk_notification_set_root_cid (DeskNotification *self, const char *value);

void desk_notification_assign (DeskNotification *self, DeskNotification *other);

/* The kinds' names of the import format and the CLI's JSON (dm, mention,
 * reply, quote, follow, like, repost): the one place where the stored
 * kinds (a Mastodon "favourite", a WordPress "comment") meet them */
const char *desk_notification_kind_to_name   (DeskNotificationKind  kind);
gboolean    desk_notification_kind_from_name (const char           *name,
                                              DeskNotificationKind *out);
gboolean    desk_notification_is_conversation (DeskNotification    *self);
gboolean    desk_notification_kind_is_grouped (DeskNotificationKind kind);

G_END_DECLS
