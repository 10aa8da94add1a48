/* desk-compose-page.h: ideas and drafts waiting for a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-page.h"
#include "desk-editor.h"

G_BEGIN_DECLS

#define DESK_TYPE_COMPOSE_PAGE (desk_compose_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskComposePage, desk_compose_page, DESK, COMPOSE_PAGE, DeskPage)

DeskComposePage *desk_compose_page_new       (DeskStore       *store);
GListModel      *desk_compose_page_get_upcoming (DeskComposePage *self);
GListModel      *desk_compose_page_get_model (DeskComposePage *self);

void             desk_compose_page_open_post       (DeskComposePage *self,
                                                    gint64           post_id);
void             desk_compose_page_open_post_later (DeskComposePage *self,
                                                    gint64           post_id);
DeskEditor      *desk_compose_page_get_editor      (DeskComposePage *self);

G_END_DECLS
