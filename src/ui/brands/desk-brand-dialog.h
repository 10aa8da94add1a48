/* desk-brand-dialog.h: a new brand (its name, timezone, languages,
 * colours, logo, then its channels), or an existing one's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_BRAND_DIALOG (desk_brand_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DeskBrandDialog, desk_brand_dialog, DESK, BRAND_DIALOG, AdwWindow)

DeskBrandDialog *desk_brand_dialog_new       (DeskStore       *store,
                                              DeskBrand       *brand);
DeskBrand       *desk_brand_dialog_get_brand (DeskBrandDialog *self);
const char      *desk_brand_language_label   (const char      *codes);

G_END_DECLS
