/* desk-sync-service.h: the app's sync, on start, on a timer and on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-http-client.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_SYNC_SERVICE (desk_sync_service_get_type ())
G_DECLARE_FINAL_TYPE (DeskSyncService, desk_sync_service, DESK, SYNC_SERVICE, GObject)

DeskSyncService *desk_sync_service_new          (DeskStore       *store,
                                                 GNetworkMonitor *monitor);
void             desk_sync_service_sync_now     (DeskSyncService *self);
void             desk_sync_service_set_interval (DeskSyncService *self,
                                                 guint            minutes);
gboolean         desk_sync_service_get_online   (DeskSyncService *self);
gboolean         desk_sync_service_get_running  (DeskSyncService *self);
guint            desk_sync_service_get_waiting  (DeskSyncService *self);
const char      *desk_sync_service_get_last_error (DeskSyncService *self);
void             desk_sync_service_stop         (DeskSyncService *self);

G_END_DECLS
