/* desk-post-dialog.h: create, edit or delete one post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_POST_DIALOG (desk_post_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DeskPostDialog, desk_post_dialog, DESK, POST_DIALOG, AdwWindow)

DeskPostDialog *desk_post_dialog_new (DeskStore  *store,
                                      gint64      brand_id,
                                      DeskPost   *post,
                                      GDateTime  *day,
                                      GSettings  *settings);
void            desk_post_dialog_start_as_idea     (DeskPostDialog *self);
GtkCheckButton *desk_post_dialog_get_channel_check (DeskPostDialog *self,
                                                    gint64          channel_id);

G_END_DECLS
