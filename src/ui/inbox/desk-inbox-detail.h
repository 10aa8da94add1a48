/* desk-inbox-detail.h: the inbox's side pane — the item, its thread, the
 * reply, and the team's triage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_INBOX_DETAIL (desk_inbox_detail_get_type ())
G_DECLARE_FINAL_TYPE (DeskInboxDetail, desk_inbox_detail, DESK, INBOX_DETAIL, GtkWidget)

void              desk_inbox_detail_set_store    (DeskInboxDetail  *self,
                                                  DeskStore        *store);
void              desk_inbox_detail_set_channels (DeskInboxDetail  *self,
                                                  GHashTable       *channels);
void              desk_inbox_detail_set_brand    (DeskInboxDetail  *self,
                                                  DeskBrand        *brand);
void              desk_inbox_detail_show         (DeskInboxDetail  *self,
                                                  GPtrArray        *selected);
DeskNotification *desk_inbox_detail_get_notification (DeskInboxDetail *self);
void              desk_inbox_detail_focus_reply  (DeskInboxDetail  *self);
void              desk_inbox_detail_focus_assignee (DeskInboxDetail *self);

G_END_DECLS
