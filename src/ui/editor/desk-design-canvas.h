/* desk-design-canvas.h: draws a design and lets its layers be dragged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-design.h"

G_BEGIN_DECLS

#define DESK_TYPE_DESIGN_CANVAS (desk_design_canvas_get_type ())
G_DECLARE_FINAL_TYPE (DeskDesignCanvas, desk_design_canvas, DESK, DESIGN_CANVAS, GtkWidget)

GtkWidget  *desk_design_canvas_new            (void);
void        desk_design_canvas_set_design     (DeskDesignCanvas *self,
                                               DeskDesign       *design);
int         desk_design_canvas_get_selected   (DeskDesignCanvas *self);
void        desk_design_canvas_set_selected   (DeskDesignCanvas *self,
                                               int               layer);
void        desk_design_canvas_set_marks      (DeskDesignCanvas *self,
                                               GArray           *areas);
void        desk_design_canvas_move_selected  (DeskDesignCanvas *self,
                                               double            dx,
                                               double            dy);
double      desk_design_canvas_get_scale      (DeskDesignCanvas *self);

G_END_DECLS
