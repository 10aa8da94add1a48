/* desk-notification-list.h: the inbox as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_NOTIFICATION_LIST (desk_notification_list_get_type ())
G_DECLARE_FINAL_TYPE (DeskNotificationList, desk_notification_list, DESK, NOTIFICATION_LIST, GObject)

DeskNotificationList *desk_notification_list_new    (DeskStore            *store);
gboolean              desk_notification_list_reload (DeskNotificationList *self,
                                                     gint64                brand_id,
                                                     GError              **error);

G_END_DECLS
