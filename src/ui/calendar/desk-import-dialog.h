/* desk-import-dialog.h: preview and import posts from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_IMPORT_DIALOG (desk_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DeskImportDialog, desk_import_dialog, DESK, IMPORT_DIALOG, AdwWindow)

DeskImportDialog *desk_import_dialog_new        (DeskStore  *store,
                                                 gint64      brand_id,
                                                 GPtrArray  *rows);
guint             desk_import_dialog_get_errors (DeskImportDialog *self);

G_END_DECLS
