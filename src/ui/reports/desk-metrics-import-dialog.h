/* desk-metrics-import-dialog.h: a network's analytics export, previewed
 * and imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_METRICS_IMPORT_DIALOG (desk_metrics_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DeskMetricsImportDialog, desk_metrics_import_dialog, DESK, METRICS_IMPORT_DIALOG, AdwWindow)

GtkWidget *desk_metrics_import_dialog_new       (DeskStore               *store,
                                                 gint64                   brand_id);
void       desk_metrics_import_dialog_load_file (DeskMetricsImportDialog *self,
                                                 const char              *path);

G_END_DECLS
