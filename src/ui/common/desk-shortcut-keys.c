/* desk-shortcut-keys.c: key names in the shortcuts window, in words
 *
 * GtkShortcutLabel writes a key that has no symbol of its own under its
 * keysym name, translated in GTK's catalogue ("Page haut" in French) but
 * left as is where GTK has no translation: English reads "Page_Up". The
 * accelerator cannot say otherwise ("<Page_Up>" is not a key at all), so
 * once the window is built, each key label still showing a keysym name
 * with an underscore is given its name in words, from our catalogue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-shortcut-keys"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "desk-shortcut-keys.h"

static char *
key_name_in_words (const char *label)
{
  guint keyval;

  if (strchr (label, '_') == NULL)
    return NULL;
  keyval = gdk_keyval_from_name (label);
  switch (keyval)
    {
    case GDK_KEY_VoidSymbol:
      return NULL;
    case GDK_KEY_Page_Up:
      return g_strdup (C_("keyboard label", "Page Up"));
    case GDK_KEY_Page_Down:
      return g_strdup (C_("keyboard label", "Page Down"));
    default:
      /* Any other keysym name: its words, e.g. "Caps Lock" */
      return g_strdelimit (g_strdup (label), "_", ' ');
    }
}

static void
name_keys (GtkWidget *widget,
           gboolean   in_shortcut_label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (in_shortcut_label && GTK_IS_LABEL (c))
        {
          g_autofree char *words = key_name_in_words (gtk_label_get_label (GTK_LABEL (c)));

          if (words != NULL)
            gtk_label_set_label (GTK_LABEL (c), words);
        }
      name_keys (c, in_shortcut_label || GTK_IS_SHORTCUT_LABEL (c));
    }
}

/**
 * desk_shortcuts_window_name_keys:
 * @shortcuts_window: a built GtkShortcutsWindow (the help overlay)
 *
 * Writes "Page Up" where GTK would show "Page_Up", in every shortcut of
 * @shortcuts_window, its search results included.
 */
void
desk_shortcuts_window_name_keys (GtkWidget *shortcuts_window)
{
  g_return_if_fail (GTK_IS_WIDGET (shortcuts_window));

  name_keys (shortcuts_window, FALSE);
}
