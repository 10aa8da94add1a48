/* desk-time-spin.h: spin buttons that show a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean desk_time_spin_two_digits_output_cb (GtkSpinButton *spin);

G_END_DECLS
