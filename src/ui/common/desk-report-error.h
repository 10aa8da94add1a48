/* desk-report-error.h: a failure said where the user looks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void desk_report_error (GtkWidget    *widget,
                        const GError *error);

G_END_DECLS
