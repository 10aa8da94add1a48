/* desk-outbox.h: sends what the calendar schedules, never twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-http-client.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_OUTBOX (desk_outbox_get_type ())
G_DECLARE_FINAL_TYPE (DeskOutbox, desk_outbox, DESK, OUTBOX, GObject)

DeskOutbox *desk_outbox_new        (DeskStore          *store,
                                    DeskHttpClient     *client);
void        desk_outbox_set_now    (DeskOutbox         *self,
                                    GDateTime          *now);
void        desk_outbox_run_async  (DeskOutbox         *self,
                                    gint64              channel_id,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
GPtrArray  *desk_outbox_run_finish (DeskOutbox         *self,
                                    GAsyncResult       *result,
                                    GError            **error);
gboolean    desk_outbox_remind     (DeskOutbox         *self,
                                    GError            **error);
guint       desk_outbox_count_due  (DeskOutbox         *self);

G_END_DECLS
