/* desk-inbox-row.h: one row of the inbox's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-notification.h"

G_BEGIN_DECLS

#define DESK_TYPE_INBOX_ROW (desk_inbox_row_get_type ())
G_DECLARE_FINAL_TYPE (DeskInboxRow, desk_inbox_row, DESK, INBOX_ROW, GtkWidget)

GtkWidget        *desk_inbox_row_new              (GHashTable       *channels);
void              desk_inbox_row_set_channels     (DeskInboxRow     *self,
                                                   GHashTable       *channels);
DeskNotification *desk_inbox_row_get_notification (DeskInboxRow     *self);
void              desk_inbox_row_set_notification (DeskInboxRow     *self,
                                                   DeskNotification *notification);
char             *desk_inbox_row_dup_description  (DeskNotification *notification,
                                                   DeskChannel      *channel,
                                                   GDateTime        *now);

G_END_DECLS
