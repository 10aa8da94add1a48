/* desk-reports-page.c: KPI totals per channel
 *
 * The last 30 days of each channel's KPIs, as src/core/desk-kpi.c computes
 * them for the client report and the CLI too: followers (a level: the
 * last count), sums of impressions, engagements and clicks, and the
 * engagement rates with their formulas; "—" says why a value is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-kpi.h"
#include "desk-reports-page.h"
#include "desk-time.h"

#define PERIOD_DAYS 30

/* Audience first, then reach, engagement and clicks; the rules are
 * desk-kpi's, shared with the client report and the CLI */
static const DeskKpiId shown[] = {
  DESK_KPI_FOLLOWERS, DESK_KPI_IMPRESSIONS, DESK_KPI_ENGAGEMENTS, DESK_KPI_CLICKS,
  DESK_KPI_ENGAGEMENT_RATE, DESK_KPI_ENGAGEMENT_RATE_FOLLOWERS,
};

struct _DeskReportsPage
{
  DeskPage    parent_instance;

  GPtrArray  *groups;

  GtkBox     *groups_box;
  GtkLabel   *period_label;
};

G_DEFINE_FINAL_TYPE (DeskReportsPage, desk_reports_page, DESK_TYPE_PAGE)

/* A KPI's row: its value, or "—" and why not; ratios state their formula */
static void
add_row (AdwPreferencesGroup *group,
         DeskKpiId            id,
         const DeskKpiValue  *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = desk_kpi_format (id, value);
  GtkWidget *label = gtk_label_new (text);
  const char *formula = desk_kpi_get_formula (id);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), desk_kpi_get_label (id));
  if (!value->defined)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), desk_kpi_reason_to_text (value->reason));
  else if (formula != NULL && desk_kpi_get_unit (id) == DESK_KPI_UNIT_RATIO)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), formula);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
}

static void
desk_reports_page_reload (DeskPage *page)
{
  DeskReportsPage *self = DESK_REPORTS_PAGE (page);
  DeskStore *store = desk_page_get_store (page);
  gint64 brand_id = desk_page_get_brand_id (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = desk_time_now ();
  g_autoptr(GDateTime) first = g_date_time_add_days (today, -(PERIOD_DAYS - 1));
  g_autofree char *to_day = desk_time_format_day (today);
  g_autofree char *from_day = desk_time_format_day (first);
  g_autoptr(GListModel) channels = NULL;
  g_autofree char *period = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  channels = desk_store_list_channels (store, brand_id, &error);
  if (channels == NULL)
    {
      gtk_label_set_text (self->period_label, error->message);
      return;
    }

  /* Translators: heading of the KPI page; %d is a number of days */
  period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %d day", "Last %d days", PERIOD_DAYS), PERIOD_DAYS);
  gtk_label_set_text (self->period_label, period);

  for (guint c = 0; c < g_list_model_get_n_items (channels); c++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, c);
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *title = g_strdup_printf ("%s · %s",
                                                desk_network_to_label (desk_channel_get_network (channel)),
                                                desk_channel_get_handle (channel));
      DeskKpiSet kpis;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      if (!desk_kpi_query (store, brand_id, desk_channel_get_id (channel), from_day, to_day, &kpis, &error))
        {
          gtk_label_set_text (self->period_label, error->message);
          return;
        }

      if (!kpis.values[DESK_KPI_FOLLOWERS].defined && !kpis.values[DESK_KPI_IMPRESSIONS].defined &&
          !kpis.values[DESK_KPI_ENGAGEMENTS].defined && !kpis.values[DESK_KPI_CLICKS].defined)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("No metrics for this period yet."));
      else
        for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
          add_row (ADW_PREFERENCES_GROUP (group), shown[k], &kpis.values[shown[k]]);

      gtk_box_append (self->groups_box, group);
      g_ptr_array_add (self->groups, group);
    }
}

static void
desk_reports_page_dispose (GObject *object)
{
  DeskReportsPage *self = (DeskReportsPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_REPORTS_PAGE);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_reports_page_parent_class)->dispose (object);
}

static void
desk_reports_page_class_init (DeskReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_reports_page_dispose;
  DESK_PAGE_CLASS (klass)->reload = desk_reports_page_reload;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, period_label);
}

static void
desk_reports_page_init (DeskReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}

DeskReportsPage *
desk_reports_page_new (DeskStore *store)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  return g_object_new (DESK_TYPE_REPORTS_PAGE, "store", store, NULL);
}
