/* desk-holidays.h: public holidays of France (metropolitan)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        desk_holidays_easter_sunday (guint        year,
                                         GDate       *easter);
const char *desk_holidays_fr_name       (const GDate *date);
GArray     *desk_holidays_fr_list       (guint        year);

G_END_DECLS
