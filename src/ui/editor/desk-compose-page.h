/* desk-compose-page.h: ideas and drafts waiting for a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-page.h"

G_BEGIN_DECLS

#define DESK_TYPE_COMPOSE_PAGE (desk_compose_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskComposePage, desk_compose_page, DESK, COMPOSE_PAGE, DeskPage)

DeskComposePage *desk_compose_page_new       (DeskStore       *store);
GListModel      *desk_compose_page_get_model (DeskComposePage *self);

G_END_DECLS
