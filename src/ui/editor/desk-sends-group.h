/* desk-sends-group.h: where a post's sends stand, a row a channel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_SENDS_GROUP (desk_sends_group_get_type ())
G_DECLARE_FINAL_TYPE (DeskSendsGroup, desk_sends_group, DESK, SENDS_GROUP, AdwPreferencesGroup)

DeskSendsGroup *desk_sends_group_new      (DeskStore      *store);
void            desk_sends_group_set_store (DeskSendsGroup *self,
                                            DeskStore      *store);
void            desk_sends_group_set_post (DeskSendsGroup *self,
                                           gint64          post_id,
                                           gint64          brand_id);
guint           desk_sends_group_get_n_sends (DeskSendsGroup *self);

G_END_DECLS
