/* desk-filter-popover.h: the calendar's filters and colouring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-post-card.h"
#include "desk-post-filter.h"

G_BEGIN_DECLS

#define DESK_TYPE_FILTER_POPOVER (desk_filter_popover_get_type ())
G_DECLARE_FINAL_TYPE (DeskFilterPopover, desk_filter_popover, DESK, FILTER_POPOVER, GtkPopover)

GtkWidget    *desk_filter_popover_new           (void);
void          desk_filter_popover_set_choices   (DeskFilterPopover    *self,
                                                 GListModel           *channels,
                                                 GListModel           *campaigns,
                                                 const char * const   *pillars);
void          desk_filter_popover_set_filter    (DeskFilterPopover    *self,
                                                 const DeskPostFilter *filter,
                                                 DeskColourBy          colour_by);
void          desk_filter_popover_get_filter    (DeskFilterPopover    *self,
                                                 DeskPostFilter       *filter);
DeskColourBy  desk_filter_popover_get_colour_by (DeskFilterPopover    *self);

G_END_DECLS
