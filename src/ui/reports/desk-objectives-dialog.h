/* desk-objectives-dialog.h: a brand's objectives, added, edited, deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_OBJECTIVES_DIALOG (desk_objectives_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DeskObjectivesDialog, desk_objectives_dialog, DESK, OBJECTIVES_DIALOG, AdwWindow)

GtkWidget *desk_objectives_dialog_new (DeskStore  *store,
                                       gint64      brand_id,
                                       const char *from_day,
                                       const char *to_day);

G_END_DECLS
