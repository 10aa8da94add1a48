/* desk-account-row.h: a channel's connected account, in Preferences › Channels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-channel.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_ACCOUNT_ROW (desk_account_row_get_type ())
G_DECLARE_FINAL_TYPE (DeskAccountRow, desk_account_row, DESK, ACCOUNT_ROW, AdwActionRow)

GtkWidget   *desk_account_row_new         (DeskStore      *store,
                                           DeskChannel    *channel);
DeskChannel *desk_account_row_get_channel (DeskAccountRow *self);
void         desk_account_row_refresh     (DeskAccountRow *self);
gboolean     desk_account_row_get_warning (DeskAccountRow *self);
char        *desk_account_describe        (DeskNetwork        network,
                                           const DeskAccount *account);
void         desk_account_clear_secret_async (const char          *secret_key,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

G_END_DECLS
