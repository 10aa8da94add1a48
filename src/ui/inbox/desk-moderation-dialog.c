/* desk-moderation-dialog.c: a brand's moderation rules
 *
 * Keywords or a regular expression → spam, offensive, or escalate. A rule
 * that cannot work (an empty one, a pattern that is not a regular
 * expression) is refused with the reason, where it was typed. Added, a
 * rule flags what the inbox holds already (desk_store_apply_moderation)
 * and what comes next (desk-store-inbox.c); removed, it flags nothing
 * more and leaves the flags it set, which the item's pane changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-moderation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-moderation.h"
#include "desk-moderation-dialog.h"

struct _DeskModerationDialog
{
  AdwWindow        parent_instance;

  DeskStore       *store;
  gint64           brand_id;
  GPtrArray       *rows;    /* (element-type GtkWidget) the rules' rows */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *pattern_row;
  GtkSwitch       *regex_switch;
  AdwComboRow     *flag_row;
  AdwPreferencesGroup *rules_group;
};

G_DEFINE_FINAL_TYPE (DeskModerationDialog, desk_moderation_dialog, ADW_TYPE_WINDOW)

/* The flags a rule sets, in the flag row's order */
static const DeskModerationFlag flags[] = {
  DESK_MODERATION_FLAG_SPAM, DESK_MODERATION_FLAG_OFFENSIVE, DESK_MODERATION_FLAG_ESCALATE,
};

static void
toast (DeskModerationDialog *self,
       const char           *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
load (DeskModerationDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = desk_store_list_moderation_rules (self->store, self->brand_id, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->rules_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (rules == NULL)
    {
      toast (self, error->message);
      return;
    }
  adw_preferences_group_set_description (self->rules_group,
                                         rules->len == 0 ? _("None yet: nothing is flagged by itself.") : NULL);
  for (guint i = 0; i < rules->len; i++)
    {
      DeskModerationRule *rule = g_ptr_array_index (rules, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *label = g_strdup_printf (_("Remove the rule “%s”"), rule->pattern);

      /* Translators: how a rule matches, then the flag it sets */
      subtitle = g_strdup_printf (_("%s → %s"), rule->is_regex ? _("Regular expression") : _("Keywords"),
                                  desk_moderation_flag_to_label (rule->flag));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rule->pattern);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), desk_icon_button_new ("user-trash-symbolic", label, "rules.remove",
                                                                            g_variant_new_int64 (rule->id)));
      adw_preferences_group_add (self->rules_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DeskModerationDialog *self = DESK_MODERATION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pattern_row))));
  guint chosen = adw_combo_row_get_selected (self->flag_row);
  DeskModerationFlag flag = flags[MIN (chosen, G_N_ELEMENTS (flags) - 1)];
  guint flagged = 0;

  if (!desk_store_add_moderation_rule (self->store, self->brand_id, pattern, gtk_switch_get_active (self->regex_switch),
                                       flag, NULL, &error))
    {
      /* Said where it was typed */
      gtk_widget_add_css_class (GTK_WIDGET (self->pattern_row), "error");
      toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->pattern_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->pattern_row), "");
  load (self);
  if (!desk_store_apply_moderation (self->store, self->brand_id, &flagged, &error))
    {
      toast (self, error->message);
      return;
    }
  {
    g_autofree char *said = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rule added; %u notification of the inbox flagged",
                                                          "Rule added; %u notifications of the inbox flagged", flagged),
                                             flagged);
    toast (self, said);
  }
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskModerationDialog *self = DESK_MODERATION_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!desk_store_delete_moderation_rule (self->store, g_variant_get_int64 (parameter), &error))
    toast (self, error->message);
  load (self);
}

/* Enter in the pattern adds it */
static void
pattern_activated_cb (DeskModerationDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "rules.add", NULL);
}

static void
desk_moderation_dialog_dispose (GObject *object)
{
  DeskModerationDialog *self = DESK_MODERATION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (desk_moderation_dialog_parent_class)->dispose (object);
}

static void
desk_moderation_dialog_class_init (DeskModerationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_moderation_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-moderation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskModerationDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskModerationDialog, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, DeskModerationDialog, regex_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskModerationDialog, flag_row);
  gtk_widget_class_bind_template_child (widget_class, DeskModerationDialog, rules_group);
  gtk_widget_class_install_action (widget_class, "rules.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "rules.remove", "x", remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_moderation_dialog_init (DeskModerationDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    gtk_string_list_append (names, desk_moderation_flag_to_label (flags[i]));
  adw_combo_row_set_model (self->flag_row, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->pattern_row, "entry-activated", G_CALLBACK (pattern_activated_cb), self);
}

GtkWidget *
desk_moderation_dialog_new (DeskStore *store,
                            gint64     brand_id)
{
  DeskModerationDialog *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_MODERATION_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->brand_id = brand_id;
  load (self);
  return GTK_WIDGET (self);
}
