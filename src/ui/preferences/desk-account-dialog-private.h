/* desk-account-dialog-private.h: what the tests reach of the account dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-account-dialog.h"

G_BEGIN_DECLS

/* Opens @uri for @parent: in the browser, or in a test, somewhere else */
typedef void (*DeskUriOpener) (GtkWindow  *parent,
                               const char *uri,
                               gpointer    data);

/* @opener instead of the browser (NULL: the browser again) */
void        _desk_account_dialog_set_uri_opener (DeskUriOpener      opener,
                                                 gpointer           data);
/* What the dialog says (an error, or what it is waiting for), or NULL */
const char *_desk_account_dialog_get_status     (DeskAccountDialog *self);
gboolean    _desk_account_dialog_get_busy       (DeskAccountDialog *self);

G_END_DECLS
