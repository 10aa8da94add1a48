/* desk-pull.h: the community back in: notifications and followers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-http-client.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* What a pull brought, per channel */
typedef struct
{
  gint64  channel_id;
  guint   notifications;  /* new ones stored */
  gint64  followers;      /* -1: not known */
  char   *error;          /* (nullable) why this channel's pull failed */
} DeskPullResult;

void desk_pull_result_free (DeskPullResult *result);

void       desk_pull_run_async  (DeskStore          *store,
                                 DeskHttpClient     *client,
                                 gint64              channel_id,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data);
GPtrArray *desk_pull_run_finish (GAsyncResult       *result,
                                 GError            **error);

G_END_DECLS
