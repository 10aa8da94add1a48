/* desk-inbox-page.h: the unified notification inbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-page.h"

G_BEGIN_DECLS

#define DESK_TYPE_INBOX_PAGE (desk_inbox_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskInboxPage, desk_inbox_page, DESK, INBOX_PAGE, DeskPage)

DeskInboxPage *desk_inbox_page_new       (DeskStore     *store);
GListModel    *desk_inbox_page_get_model (DeskInboxPage *self);
guint          desk_inbox_page_update_badge (DeskInboxPage *self);
gboolean       desk_inbox_page_open_notification (DeskInboxPage *self,
                                                  gint64         notification_id);

G_END_DECLS
