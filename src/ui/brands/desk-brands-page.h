/* desk-brands-page.h: Preferences › All Brands: every brand of the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_BRANDS_PAGE (desk_brands_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskBrandsPage, desk_brands_page, DESK, BRANDS_PAGE, AdwPreferencesPage)

AdwPreferencesPage *desk_brands_page_new (DeskStore *store);

G_END_DECLS
