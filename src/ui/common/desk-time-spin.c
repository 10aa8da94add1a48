/* desk-time-spin.c: spin buttons that show a time
 *
 * The minutes of a time are written with two digits, 9:05 and not 9:5.
 * A template connects its minute spin button's ::output to
 * desk_time_spin_two_digits_output_cb () and binds it in class_init:
 *
 *   <signal name="output" handler="desk_time_spin_two_digits_output_cb"/>
 *   gtk_widget_class_bind_template_callback (widget_class, desk_time_spin_two_digits_output_cb);
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-time-spin"

#include "config.h"

#include "desk-time-spin.h"

/**
 * desk_time_spin_two_digits_output_cb:
 * @spin: a spin button of whole numbers from 0 to 99
 *
 * A handler of GtkSpinButton::output: writes the value with two digits.
 *
 * Returns: %TRUE, the text is set
 */
gboolean
desk_time_spin_two_digits_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), FALSE);

  text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}
