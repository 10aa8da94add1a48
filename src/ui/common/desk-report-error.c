/* desk-report-error.c: a failure said where the user looks
 *
 * A read of the workspace that fails (locked, damaged, a disk error) must
 * not leave a view silently empty: the message, which says what to do,
 * goes to the toast overlay around @widget (the main window's), or to the
 * preferences window's toasts; only without either does it stay a warning
 * on the terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include <adwaita.h>

#include "desk-report-error.h"

void
desk_report_error (GtkWidget    *widget,
                   const GError *error)
{
  GtkWidget *overlay;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  root = gtk_widget_get_root (widget);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  else if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}
