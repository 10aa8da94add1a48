/* desk-saved-replies-dialog.h: a brand's saved replies, managed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_SAVED_REPLIES_DIALOG (desk_saved_replies_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DeskSavedRepliesDialog, desk_saved_replies_dialog, DESK, SAVED_REPLIES_DIALOG, AdwWindow)

GtkWidget *desk_saved_replies_dialog_new (DeskStore *store,
                                          gint64     brand_id);

G_END_DECLS
