/* desk-presentation-window.h: the report's pages as full-screen slides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-report.h"

G_BEGIN_DECLS

#define DESK_TYPE_PRESENTATION_WINDOW (desk_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (DeskPresentationWindow, desk_presentation_window, DESK, PRESENTATION_WINDOW, GtkWindow)

GtkWindow *desk_presentation_window_new      (GtkWindow              *parent,
                                              DeskReportPages        *pages);
void       desk_presentation_window_start    (DeskPresentationWindow *self);
guint      desk_presentation_window_get_page (DeskPresentationWindow *self);
guint      desk_presentation_window_get_n_pages (DeskPresentationWindow *self);
void       desk_presentation_window_set_page (DeskPresentationWindow *self,
                                              guint                   page);

G_END_DECLS
