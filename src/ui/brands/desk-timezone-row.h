/* desk-timezone-row.h: a row to choose a brand's timezone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_TIMEZONE_ROW (desk_timezone_row_get_type ())
G_DECLARE_FINAL_TYPE (DeskTimezoneRow, desk_timezone_row, DESK, TIMEZONE_ROW, AdwActionRow)

GtkWidget  *desk_timezone_row_new          (void);
const char *desk_timezone_row_get_timezone (DeskTimezoneRow *self);
void        desk_timezone_row_set_timezone (DeskTimezoneRow *self,
                                            const char      *timezone);

G_END_DECLS
