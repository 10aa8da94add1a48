/* desk-a11y.c: accessible names GTK 4.8 does not give by itself
 *
 * A GtkDropDown takes the keyboard focus in an inner toggle button that
 * its .ui cannot reach, and that GTK 4.8 leaves without a name: a screen
 * reader announces it as "GtkToggleButton". Here the button is named
 * after the drop-down's label and the value shown, kept up to date. A
 * GtkColorButton's inner button is likewise left without a name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"

static GtkWidget *
drop_down_button (GtkDropDown *dropdown)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_TOGGLE_BUTTON (c))
      return c;
  return NULL;
}

/* The text the drop-down shows for its selected item */
static char *
selected_text (GtkDropDown *dropdown)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) && G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  return NULL;
}

static void
update_button_label_cb (GtkDropDown *dropdown)
{
  GtkWidget *button = drop_down_button (dropdown);
  const char *label = g_object_get_data (G_OBJECT (dropdown), "desk-accessible-label");
  g_autofree char *value = selected_text (dropdown);
  g_autofree char *name = NULL;

  if (button == NULL || label == NULL)
    return;
  if (value != NULL && *value != '\0')
    /* Translators: the accessible name of a drop-down button: what it
     * chooses, then the value chosen ("Brand: Le Fournil des Halles") */
    name = g_strdup_printf (C_("accessible name", "%s: %s"), label, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name ? name : label, -1);
}

/**
 * desk_drop_down_set_accessible_label:
 * @label: what the drop-down chooses, translated
 *
 * Names @dropdown and the button inside it that takes the focus ("@label:
 * value shown"), now and whenever the selection changes.
 */
void
desk_drop_down_set_accessible_label (GtkDropDown *dropdown,
                                     const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (g_object_get_data (G_OBJECT (dropdown), "desk-accessible-label") == NULL)
    {
      g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (update_button_label_cb), NULL);
      g_signal_connect (dropdown, "notify::expression", G_CALLBACK (update_button_label_cb), NULL);
    }
  g_object_set_data_full (G_OBJECT (dropdown), "desk-accessible-label", g_strdup (label), g_free);
  update_button_label_cb (dropdown);
}

/**
 * desk_color_button_set_accessible_label:
 * @button: a GtkColorButton
 * @label: what its colour is for, translated
 *
 * Names @button and the button inside it that takes the focus, which
 * GTK 4.8 leaves without a name.
 */
void
desk_color_button_set_accessible_label (GtkWidget  *button,
                                        const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (button));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *c = gtk_widget_get_first_child (button); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BUTTON (c))
      gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * desk_icon_button_new:
 * @label: what it does, translated: its tooltip and its accessible name
 * @target: (nullable): the action's target (floating references are taken)
 *
 * A flat icon button at the end of a row, as the lists' Remove, Edit and
 * Open buttons: an icon alone is never its only name.
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
desk_icon_button_new (const char *icon_name,
                      const char *label,
                      const char *action_name,
                      GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}
