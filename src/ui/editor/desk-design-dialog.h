/* desk-design-dialog.h: design a post's visual
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"
#include "desk-design.h"

G_BEGIN_DECLS

#define DESK_TYPE_DESIGN_DIALOG (desk_design_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DeskDesignDialog, desk_design_dialog, DESK, DESIGN_DIALOG, AdwWindow)

DeskDesignDialog *desk_design_dialog_new          (DeskStore        *store,
                                                   gint64            brand_id,
                                                   const char       *palette,
                                                   const char       *json,
                                                   const char       *media_dir,
                                                   int               replace);
DeskDesign       *desk_design_dialog_get_design   (DeskDesignDialog *self);
void              desk_design_dialog_select_layer (DeskDesignDialog *self,
                                                   int               layer);
gboolean          desk_design_dialog_export       (DeskDesignDialog *self);
GtkWidget        *desk_design_dialog_get_canvas   (DeskDesignDialog *self);

G_END_DECLS
