/* desk-format.h: numbers written the way the user's locale writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *desk_format_count (gint64 count);

G_END_DECLS
