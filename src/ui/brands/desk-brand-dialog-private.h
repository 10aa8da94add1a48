/* desk-brand-dialog-private.h: what the tests reach of the brand dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-brand-dialog.h"

G_BEGIN_DECLS

/* As if @path had been chosen in the logo's file chooser */
void _desk_brand_dialog_choose_logo_path (DeskBrandDialog *self,
                                          const char      *path);

G_END_DECLS
