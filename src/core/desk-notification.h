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

G_END_DECLS
