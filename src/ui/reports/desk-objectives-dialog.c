/* desk-objectives-dialog.c: a brand's objectives, added, edited, deleted
 *
 * SMART objectives: a KPI, a target, a deadline, for the whole brand or
 * one campaign. Each is listed with its progress over the period the
 * Reports page shows (a level bar and "8,000 of 12,000 (67 %)": the same
 * numbers as the page's gauges); ratios are written in percent. Emits
 * "changed" after each save or deletion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-objectives-dialog"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-kpi.h"
#include "desk-objectives-dialog.h"

struct _DeskObjectivesDialog
{
  AdwWindow            parent_instance;

  DeskStore           *store;
  gint64               brand_id;
  char                *from_day;
  char                *to_day;
  gint64               editing;    /* the objective being edited, or 0 */
  GPtrArray           *objectives; /* (element-type DeskObjective) */
  GPtrArray           *rows;
  GArray              *campaign_ids;

  AdwPreferencesGroup *list_group;
  AdwPreferencesGroup *form_group;
  GtkDropDown         *kpi_dropdown;
  AdwEntryRow         *target_row;
  AdwEntryRow         *deadline_row;
  GtkDropDown         *campaign_dropdown;
  GtkLabel            *error_label;
  GtkWidget           *cancel_edit_button;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (DeskObjectivesDialog, desk_objectives_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (DeskObjectivesDialog *self);

static void
show_error (DeskObjectivesDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
format_target (DeskKpiId id,
               double    target)
{
  DeskKpiValue value = { TRUE, target, DESK_KPI_REASON_NONE };

  return desk_kpi_format (id, &value);
}

/* A number as typed: "12 000", "12000", "4,5" or "4.5" */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x202F || c == 0x00A0 || c == '%')
        continue;
      g_string_append_c (clean, c == ',' ? '.' : (char) c);
      if (c > 0x7f)
        return FALSE;
    }
  if (clean->len == 0)
    return FALSE;
  *value = g_ascii_strtod (clean->str, &end);
  return *end == '\0' && *value >= 0;
}

static void
reset_form (DeskObjectivesDialog *self)
{
  self->editing = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), "");
  gtk_drop_down_set_selected (self->campaign_dropdown, 0);
  adw_preferences_group_set_title (self->form_group, _("New Objective"));
  gtk_button_set_label (self->save_button, _("_Add Objective"));
  gtk_widget_set_visible (self->cancel_edit_button, FALSE);
  show_error (self, NULL);
}

static void
save_clicked_cb (DeskObjectivesDialog *self)
{
  g_autoptr(DeskObjective) objective = g_new0 (DeskObjective, 1);
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GError) error = NULL;
  const char *deadline = gtk_editable_get_text (GTK_EDITABLE (self->deadline_row));
  DeskKpiId id = gtk_drop_down_get_selected (self->kpi_dropdown);
  guint campaign = gtk_drop_down_get_selected (self->campaign_dropdown);
  double target;

  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (self->target_row)), &target))
    {
      show_error (self, _("The target must be a number, such as 12000 or 4.5."));
      return;
    }
  if (*deadline != '\0' && !desk_kpi_parse_day (deadline, &day))
    {
      show_error (self, _("The deadline must be a day written YYYY-MM-DD, such as 2026-12-31."));
      return;
    }
  objective->id = self->editing;
  objective->brand_id = self->brand_id;
  objective->campaign_id = campaign > 0 && campaign <= self->campaign_ids->len
                           ? g_array_index (self->campaign_ids, gint64, campaign - 1) : 0;
  objective->kpi = g_strdup (desk_kpi_id_to_name (id));
  objective->target = desk_kpi_get_unit (id) == DESK_KPI_UNIT_RATIO ? target / 100 : target;
  objective->deadline = *deadline != '\0' ? g_strdup (deadline) : NULL;
  if (!desk_store_save_objective (self->store, objective, &error))
    {
      show_error (self, error->message);
      return;
    }
  reset_form (self);
  reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
cancel_edit_clicked_cb (DeskObjectivesDialog *self)
{
  reset_form (self);
}

static void
edit_clicked_cb (GtkButton            *button,
                 DeskObjectivesDialog *self)
{
  DeskObjective *o = g_object_get_data (G_OBJECT (button), "objective");
  DeskKpiId id;
  g_autofree char *target = NULL;

  if (!desk_kpi_id_from_name (o->kpi, &id))
    return;
  self->editing = o->id;
  gtk_drop_down_set_selected (self->kpi_dropdown, id);
  target = g_strdup_printf ("%g", desk_kpi_get_unit (id) == DESK_KPI_UNIT_RATIO ? o->target * 100 : o->target);
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), target);
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), o->deadline ? o->deadline : "");
  gtk_drop_down_set_selected (self->campaign_dropdown, 0);
  for (guint i = 0; i < self->campaign_ids->len; i++)
    if (g_array_index (self->campaign_ids, gint64, i) == o->campaign_id)
      gtk_drop_down_set_selected (self->campaign_dropdown, i + 1);
  adw_preferences_group_set_title (self->form_group, _("Edit Objective"));
  gtk_button_set_label (self->save_button, _("_Save Objective"));
  gtk_widget_set_visible (self->cancel_edit_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->target_row));
}

static void
delete_clicked_cb (GtkButton            *button,
                   DeskObjectivesDialog *self)
{
  DeskObjective *o = g_object_get_data (G_OBJECT (button), "objective");
  g_autoptr(GError) error = NULL;

  if (!desk_store_delete_objective (self->store, o->id, &error))
    {
      show_error (self, error->message);
      return;
    }
  if (self->editing == o->id)
    reset_form (self);
  reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
objective_row (DeskObjectivesDialog *self,
               DeskObjective        *o,
               const DeskKpiSet     *current)
{
  DeskKpiId id;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar, *edit, *delete;
  g_autofree char *target = NULL, *value = NULL, *title = NULL, *subtitle = NULL;
  g_autofree char *edit_label = NULL, *delete_label = NULL;
  const DeskKpiValue *v;
  double share;

  if (!desk_kpi_id_from_name (o->kpi, &id))
    return NULL;
  v = &current->values[id];
  target = format_target (id, o->target);
  value = desk_kpi_format (id, v);
  share = v->defined && o->target > 0 ? CLAMP (v->value / o->target, 0, 1) : 0;
  title = o->deadline != NULL
          /* Translators: an objective: its KPI, target and deadline */
          ? g_strdup_printf (_("%s: %s by %s"), desk_kpi_get_label (id), target, o->deadline)
          /* Translators: an objective without a deadline: its KPI and target */
          : g_strdup_printf (_("%s: %s"), desk_kpi_get_label (id), target);
  subtitle = v->defined && o->target > 0
             /* Translators: an objective's progress: the value reached, the target, the share */
             ? g_strdup_printf (_("%s of %s (%.0f %%)"), value, target, 100.0 * v->value / o->target)
             : g_strdup (v->defined ? value : desk_kpi_reason_to_text (v->reason));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  bar = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), share);
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  /* Translators: a button's accessible name; %s is the objective */
  edit_label = g_strdup_printf (_("Edit “%s”"), title);
  /* Translators: a button's accessible name; %s is the objective */
  delete_label = g_strdup_printf (_("Delete “%s”"), title);
  edit = icon_button ("document-edit-symbolic", edit_label, "edit-objective");
  delete = icon_button ("user-trash-symbolic", delete_label, "delete-objective");
  g_object_set_data (G_OBJECT (edit), "objective", o);
  g_object_set_data (G_OBJECT (delete), "objective", o);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

static void
reload (DeskObjectivesDialog *self)
{
  g_autoptr(GError) error = NULL;
  DeskKpiSet current = { 0 };

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->objectives, g_ptr_array_unref);

  if ((self->objectives = desk_store_list_objectives (self->store, self->brand_id, &error)) == NULL ||
      !desk_kpi_query (self->store, self->brand_id, 0, self->from_day, self->to_day, &current, &error))
    {
      show_error (self, error->message);
      return;
    }
  if (self->objectives->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No objective is set for this brand."));
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < self->objectives->len; i++)
    {
      GtkWidget *row = objective_row (self, g_ptr_array_index (self->objectives, i), &current);

      if (row == NULL)
        continue;
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
fill_choices (DeskObjectivesDialog *self)
{
  g_autoptr(GtkStringList) kpis = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) campaigns = gtk_string_list_new (NULL);
  g_autoptr(GListModel) list = desk_store_list_campaigns (self->store, self->brand_id, NULL);

  for (DeskKpiId id = 0; id < DESK_KPI_N; id++)
    {
      g_autofree char *label = desk_kpi_get_unit (id) == DESK_KPI_UNIT_RATIO
                               /* Translators: a KPI written in percent in the objectives' form */
                               ? g_strdup_printf (_("%s (%%)"), desk_kpi_get_label (id))
                               : g_strdup (desk_kpi_get_label (id));
      gtk_string_list_append (kpis, label);
    }
  gtk_drop_down_set_model (self->kpi_dropdown, G_LIST_MODEL (kpis));

  gtk_string_list_append (campaigns, _("Whole brand"));
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DeskCampaign) campaign = g_list_model_get_item (list, i);
      gint64 id = desk_campaign_get_id (campaign);

      gtk_string_list_append (campaigns, desk_campaign_get_name (campaign));
      g_array_append_val (self->campaign_ids, id);
    }
  gtk_drop_down_set_model (self->campaign_dropdown, G_LIST_MODEL (campaigns));
}

static void
desk_objectives_dialog_dispose (GObject *object)
{
  DeskObjectivesDialog *self = DESK_OBJECTIVES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_OBJECTIVES_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->objectives, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->from_day, g_free);
  g_clear_pointer (&self->to_day, g_free);

  G_OBJECT_CLASS (desk_objectives_dialog_parent_class)->dispose (object);
}

static void
desk_objectives_dialog_class_init (DeskObjectivesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_objectives_dialog_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-objectives-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskObjectivesDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, DeskObjectivesDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, DeskObjectivesDialog, kpi_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskObjectivesDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, DeskObjectivesDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, DeskObjectivesDialog, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskObjectivesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskObjectivesDialog, cancel_edit_button);
  gtk_widget_class_bind_template_child (widget_class, DeskObjectivesDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_edit_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_objectives_dialog_init (DeskObjectivesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  desk_drop_down_set_accessible_label (self->kpi_dropdown, _("Indicator"));
  desk_drop_down_set_accessible_label (self->campaign_dropdown, _("Campaign"));
}

/**
 * desk_objectives_dialog_new:
 * @from_day: @to_day: the period whose progress is shown
 */
GtkWidget *
desk_objectives_dialog_new (DeskStore  *store,
                            gint64      brand_id,
                            const char *from_day,
                            const char *to_day)
{
  DeskObjectivesDialog *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_OBJECTIVES_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->brand_id = brand_id;
  self->from_day = g_strdup (from_day);
  self->to_day = g_strdup (to_day);
  fill_choices (self);
  reload (self);
  return GTK_WIDGET (self);
}
