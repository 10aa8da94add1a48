/* desk-kpi-card.c: one KPI, its change and its sparkline
 *
 * The value in the locale's way (desk_kpi_format ()), its change against
 * the comparison period with an arrow and a sign and a word ("▲ +12.0 %
 * up"), so colour is never the only cue; "—" when it has no value, with
 * the reason written under it, as its tooltip and as its accessible
 * description. Ratios state their formula.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-kpi-card"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-chart-view.h"
#include "desk-kpi-card.h"

struct _DeskKpiCard
{
  GtkWidget      parent_instance;

  DeskKpiId      id;

  GtkLabel      *title_label;
  GtkLabel      *value_label;
  GtkLabel      *change_label;
  DeskChartView *sparkline;
  GtkLabel      *caption_label;
};

G_DEFINE_FINAL_TYPE (DeskKpiCard, desk_kpi_card, GTK_TYPE_WIDGET)

DeskKpiId
desk_kpi_card_get_id (DeskKpiCard *self)
{
  g_return_val_if_fail (DESK_IS_KPI_CARD (self), DESK_KPI_N);
  return self->id;
}

const char *
desk_kpi_card_get_value_text (DeskKpiCard *self)
{
  g_return_val_if_fail (DESK_IS_KPI_CARD (self), NULL);
  return gtk_label_get_text (self->value_label);
}

/* "▲ +12.0 % up", "▼ −3.1 % down", "= 0.0 % unchanged" */
static char *
change_text (const DeskKpiValue *value,
             const DeskKpiValue *previous)
{
  g_autofree char *change = desk_kpi_format_change (value, previous);
  double ratio;

  if (!desk_kpi_change (value, previous, &ratio))
    return g_strdup (_("No comparison"));
  if (ratio > 0.0005)
    /* Translators: a KPI went up against the comparison period; %s is "+12.0 %" */
    return g_strdup_printf (_("▲ %s up"), change);
  if (ratio < -0.0005)
    /* Translators: a KPI went down against the comparison period; %s is "-3.1 %" */
    return g_strdup_printf (_("▼ %s down"), change);
  /* Translators: a KPI did not change against the comparison period */
  return g_strdup_printf (_("= %s unchanged"), change);
}

void
desk_kpi_card_set_value (DeskKpiCard        *self,
                         const DeskKpiValue *value,
                         const DeskKpiValue *previous,
                         DeskChart          *sparkline)
{
  g_autofree char *text = NULL;
  g_autofree char *change = NULL;
  g_autofree char *description = NULL;
  const char *formula = desk_kpi_get_formula (self->id);
  const char *caption;

  g_return_if_fail (DESK_IS_KPI_CARD (self));

  text = desk_kpi_format (self->id, value);
  change = change_text (value, previous);
  gtk_label_set_text (self->value_label, value->defined ? text : "—");
  gtk_label_set_text (self->change_label, value->defined ? change : "");
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), value->defined);
  desk_chart_view_set_chart (self->sparkline, sparkline);
  gtk_widget_set_visible (GTK_WIDGET (self->sparkline), sparkline != NULL);

  if (!value->defined)
    caption = desk_kpi_reason_to_text (value->reason);
  else
    caption = formula;
  gtk_label_set_text (self->caption_label, caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), caption != NULL && *caption != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_label),
                               value->defined ? NULL : desk_kpi_reason_to_text (value->reason));

  /* What a screen reader says of the card, in one go */
  if (value->defined)
    description = g_strdup_printf ("%s, %s", text, change);
  else
    /* Translators: a KPI without a value, and why */
    description = g_strdup_printf (_("No value: %s"), desk_kpi_reason_to_text (value->reason));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  value->defined ? "" : desk_kpi_reason_to_text (value->reason), -1);
}

static void
desk_kpi_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_KPI_CARD);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (desk_kpi_card_parent_class)->dispose (object);
}

static void
desk_kpi_card_class_init (DeskKpiCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_kpi_card_dispose;
  g_type_ensure (DESK_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-kpi-card.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskKpiCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskKpiCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, DeskKpiCard, change_label);
  gtk_widget_class_bind_template_child (widget_class, DeskKpiCard, sparkline);
  gtk_widget_class_bind_template_child (widget_class, DeskKpiCard, caption_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
desk_kpi_card_init (DeskKpiCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
desk_kpi_card_new (DeskKpiId id)
{
  DeskKpiCard *self;

  g_return_val_if_fail (id < DESK_KPI_N, NULL);

  self = g_object_new (DESK_TYPE_KPI_CARD, NULL);
  self->id = id;
  gtk_label_set_text (self->title_label, desk_kpi_get_label (id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, desk_kpi_get_label (id), -1);
  return GTK_WIDGET (self);
}
