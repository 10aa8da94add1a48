/* desk-account-dialog.h: connecting an account to a channel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-channel.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_ACCOUNT_DIALOG (desk_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DeskAccountDialog, desk_account_dialog, DESK, ACCOUNT_DIALOG, AdwWindow)

GtkWidget *desk_account_dialog_new (DeskStore   *store,
                                    DeskChannel *channel);

G_END_DECLS
