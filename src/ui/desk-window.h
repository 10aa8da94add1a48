/* desk-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-application.h"
#include "desk-store.h"
#include "desk-sync-service.h"

G_BEGIN_DECLS

#define DESK_TYPE_WINDOW (desk_window_get_type ())
G_DECLARE_FINAL_TYPE (DeskWindow, desk_window, DESK, WINDOW, AdwApplicationWindow)

DeskWindow  *desk_window_new               (DeskApplication *application,
                                            DeskStore       *store,
                                            const char      *database_path,
                                            const GError    *open_error);
DeskStore   *desk_window_get_store         (DeskWindow      *self);
const char  *desk_window_get_database_path (DeskWindow      *self);
gint64       desk_window_get_brand_id      (DeskWindow      *self);
void         desk_window_refresh           (DeskWindow      *self);
void         desk_window_show_view         (DeskWindow      *self,
                                            const char      *view);
const char  *desk_window_get_view          (DeskWindow      *self);
void         desk_window_open_notification (DeskWindow      *self,
                                            gint64           notification_id);
GtkWindow   *desk_window_edit_post         (DeskWindow      *self,
                                            DeskPost        *post,
                                            GDateTime       *day);
void         desk_window_add_toast         (DeskWindow      *self,
                                            const char      *message);

void         desk_window_open_workspace_async  (DeskWindow          *self,
                                                const char          *path,
                                                gboolean             create,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
DeskWindow  *desk_window_open_workspace_finish (DeskWindow          *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void         desk_window_save_copy_async       (DeskWindow          *self,
                                                const char          *path,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean     desk_window_save_copy_finish      (DeskWindow          *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void         desk_window_report_open_error     (DeskWindow          *self,
                                                const char          *message);

DeskSyncService *desk_window_get_sync_service (DeskWindow *self);

G_END_DECLS
