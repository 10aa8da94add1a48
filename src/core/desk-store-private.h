/* desk-store-private.h: what tests and the demo generator may reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "desk-store.h"

G_BEGIN_DECLS

sqlite3   *_desk_store_get_handle      (DeskStore   *self);
/* Creates or migrates a database only up to @version: lets tests build
 * every older schema and then open it with the current code. */
DeskStore *_desk_store_open_at_version (const char  *path,
                                        int          version,
                                        GError     **error);

G_END_DECLS
