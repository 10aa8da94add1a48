/* desk-moderation-dialog.h: a brand's moderation rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_MODERATION_DIALOG (desk_moderation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DeskModerationDialog, desk_moderation_dialog, DESK, MODERATION_DIALOG, AdwWindow)

GtkWidget *desk_moderation_dialog_new (DeskStore *store,
                                       gint64     brand_id);

G_END_DECLS
