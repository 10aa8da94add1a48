/* desk-sync-service-private.h: what the tests may reach of the sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-sync-service.h"

G_BEGIN_DECLS

/* As GNetworkMonitor would say it */
void _desk_sync_service_set_online (DeskSyncService *self,
                                    gboolean         online);

/* The minute's work, and its clock */
void _desk_sync_service_tick    (DeskSyncService *self);
void _desk_sync_service_set_now (DeskSyncService *self,
                                 GDateTime       *now);

G_END_DECLS
