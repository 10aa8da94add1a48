/* desk-secrets.h: accounts' tokens and passwords, in the Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean desk_secrets_store_sync   (const char           *account_id,
                                    const char           *label,
                                    const char           *secret,
                                    GCancellable         *cancellable,
                                    GError              **error);
char    *desk_secrets_lookup_sync  (const char           *account_id,
                                    GCancellable         *cancellable,
                                    GError              **error);
gboolean desk_secrets_clear_sync   (const char           *account_id,
                                    GCancellable         *cancellable,
                                    GError              **error);
void     desk_secrets_store_async  (const char           *account_id,
                                    const char           *label,
                                    const char           *secret,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean desk_secrets_store_finish (GAsyncResult         *result,
                                    GError              **error);
void     desk_secrets_lookup_async (const char           *account_id,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
char    *desk_secrets_lookup_finish (GAsyncResult        *result,
                                    GError              **error);
void     desk_secrets_free         (char                 *secret);

G_END_DECLS
