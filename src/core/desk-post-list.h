/* desk-post-list.h: a live GListModel of the posts scheduled in a range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_POST_LIST (desk_post_list_get_type ())
G_DECLARE_FINAL_TYPE (DeskPostList, desk_post_list, DESK, POST_LIST, GObject)

DeskPostList *desk_post_list_new       (DeskStore     *store);
gboolean      desk_post_list_set_range (DeskPostList  *self,
                                        gint64         brand_id,
                                        GDateTime     *from,
                                        GDateTime     *to,
                                        GError       **error);
void          desk_post_list_set_range_from (DeskPostList *self,
                                             DeskPostList *source);
gboolean      desk_post_list_set_unscheduled (DeskPostList *self,
                                              gint64        brand_id,
                                              GError      **error);
GDateTime    *desk_post_list_get_from  (DeskPostList  *self);
GDateTime    *desk_post_list_get_to    (DeskPostList  *self);
gint64        desk_post_list_get_brand_id (DeskPostList *self);

G_END_DECLS
