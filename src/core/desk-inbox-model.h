/* desk-inbox-model.h: the unified inbox as a windowed GListModel over SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-inbox-filter.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_INBOX_MODEL (desk_inbox_model_get_type ())
G_DECLARE_FINAL_TYPE (DeskInboxModel, desk_inbox_model, DESK, INBOX_MODEL, GObject)

DeskInboxModel        *desk_inbox_model_new        (DeskStore             *store);
DeskStore             *desk_inbox_model_get_store  (DeskInboxModel        *self);
const DeskInboxFilter *desk_inbox_model_get_filter (DeskInboxModel        *self);
gboolean               desk_inbox_model_set_filter (DeskInboxModel        *self,
                                                    const DeskInboxFilter *filter,
                                                    GError               **error);
gboolean               desk_inbox_model_set_search (DeskInboxModel        *self,
                                                    const char            *search,
                                                    GError               **error);
gboolean               desk_inbox_model_refresh    (DeskInboxModel        *self,
                                                    GError               **error);
void                   desk_inbox_model_reload_item (DeskInboxModel       *self,
                                                    guint                  position);

G_END_DECLS
