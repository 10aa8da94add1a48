/* desk-reports-page.c: a brand's KPI dashboard
 *
 * A period (this month, last month, this quarter, or two days chosen) and
 * what it is compared with (the period just before, or the same period a
 * year before); the KPIs as cards (value, change, sparkline; "—" and why),
 * the dashboard's charts (desk_report_build_dashboard (): the same
 * pictures as the client report), the top posts, the objectives' gauges
 * and the recommendations written for the period, saved with the report.
 * The report's exports, printout and presentation are in
 * desk-reports-page-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-chart-card.h"
#include "desk-kpi-card.h"
#include "desk-report-error.h"
#include "desk-reports-page-private.h"
#include "desk-time.h"

G_DEFINE_FINAL_TYPE (DeskReportsPage, desk_reports_page, DESK_TYPE_PAGE)

/* The cards, in reading order: audience, reach, engagement, traffic,
 * money, publishing, care */
static const DeskKpiId card_kpis[] = {
  DESK_KPI_FOLLOWERS, DESK_KPI_FOLLOWERS_GROWTH, DESK_KPI_REACH, DESK_KPI_IMPRESSIONS,
  DESK_KPI_ENGAGEMENTS, DESK_KPI_ENGAGEMENT_RATE, DESK_KPI_ENGAGEMENT_RATE_FOLLOWERS, DESK_KPI_CLICKS,
  DESK_KPI_CTR, DESK_KPI_CONVERSIONS, DESK_KPI_SPEND, DESK_KPI_ROI,
  DESK_KPI_POSTS_PUBLISHED, DESK_KPI_POSTS_PLANNED, DESK_KPI_FIRST_RESPONSE,
};

/* desk_report_build_dashboard ()'s charts, in its order */
enum {
  SPARK_FOLLOWERS, SPARK_REACH, SPARK_IMPRESSIONS, SPARK_ENGAGEMENTS, SPARK_CLICKS, SPARK_CONVERSIONS,
  CHART_IMPRESSIONS, CHART_FOLLOWERS, CHART_ENGAGEMENTS, CHART_MONTHS, CHART_SHARE, CHART_HEATMAP,
  FIRST_GAUGE,
};

static int
sparkline_for (DeskKpiId id)
{
  switch (id)
    {
    case DESK_KPI_FOLLOWERS: return SPARK_FOLLOWERS;
    case DESK_KPI_REACH: return SPARK_REACH;
    case DESK_KPI_IMPRESSIONS: return SPARK_IMPRESSIONS;
    case DESK_KPI_ENGAGEMENTS: return SPARK_ENGAGEMENTS;
    case DESK_KPI_CLICKS: return SPARK_CLICKS;
    case DESK_KPI_CONVERSIONS: return SPARK_CONVERSIONS;
    default: return -1;
    }
}

/* Period */

/**
 * _desk_reports_page_compute_range:
 *
 * The first and last days of @range as of @today: a month or a quarter
 * so far, or the whole last month. Not for DESK_REPORT_CUSTOM.
 */
void
_desk_reports_page_compute_range (DeskReportRange   range,
                                  GDateTime        *today,
                                  char            **from_day,
                                  char            **to_day)
{
  g_autoptr(GDateTime) month = desk_time_month_start (today);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;

  switch (range)
    {
    case DESK_REPORT_LAST_MONTH:
      first = g_date_time_add_months (month, -1);
      last = g_date_time_add_days (month, -1);
      break;
    case DESK_REPORT_THIS_QUARTER:
      first = g_date_time_add_months (month, -((g_date_time_get_month (month) - 1) % 3));
      last = g_date_time_ref (today);
      break;
    case DESK_REPORT_THIS_MONTH:
    case DESK_REPORT_CUSTOM:
    default:
      first = g_date_time_ref (month);
      last = g_date_time_ref (today);
      break;
    }
  *from_day = desk_time_format_day (first);
  *to_day = desk_time_format_day (last);
}

void
_desk_reports_page_get_period (DeskReportsPage  *self,
                               DeskReportPeriod *period)
{
  period->from_day = self->from_day;
  period->to_day = self->to_day;
  period->compare_from = self->compare_from;
  period->compare_to = self->compare_to;
}

static char *
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return desk_time_format_day (date);
}

static char *
shift_year (const char *day)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) before = NULL;

  if (!desk_kpi_parse_day (day, &date))
    return NULL;
  before = g_date_time_add_years (date, -1);
  return desk_time_format_day (before);
}

/* A day as the menu buttons show it: "5 Jan 2026" */
static char *
short_day (const char *day)
{
  g_autoptr(GDateTime) date = NULL;

  if (!desk_kpi_parse_day (day, &date))
    return g_strdup (day);
  /* Translators: a day on the period's buttons (g_date_time_format) */
  return g_date_time_format (date, _("%-d %b %Y"));
}

static void
set_day_button (GtkMenuButton *button,
                const char    *what,
                const char    *day)
{
  g_autofree char *text = short_day (day);
  /* Translators: the accessible name of a period's day button: "First day: 5 Jan 2026" */
  g_autofree char *name = g_strdup_printf (C_("accessible name", "%s: %s"), what, text);

  gtk_menu_button_set_label (button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
select_calendar_day (GtkCalendar *calendar,
                     const char  *day)
{
  g_autoptr(GDateTime) date = NULL;

  if (desk_kpi_parse_day (day, &date))
    gtk_calendar_select_day (calendar, date);
}

/* Reads the period from the pickers; the custom days follow the others
 * until the user picks their own */
static void
read_period (DeskReportsPage *self)
{
  DeskReportRange range = gtk_drop_down_get_selected (self->period_dropdown);
  g_autoptr(GDateTime) today = desk_time_now ();

  g_clear_pointer (&self->from_day, g_free);
  g_clear_pointer (&self->to_day, g_free);
  g_clear_pointer (&self->compare_from, g_free);
  g_clear_pointer (&self->compare_to, g_free);
  if (range == DESK_REPORT_CUSTOM)
    {
      self->from_day = calendar_day (self->from_calendar);
      self->to_day = calendar_day (self->to_calendar);
      /* Days picked the wrong way round: the period they span */
      if (g_strcmp0 (self->to_day, self->from_day) < 0)
        {
          char *swap = self->from_day;

          self->from_day = self->to_day;
          self->to_day = swap;
        }
    }
  else
    _desk_reports_page_compute_range (range, today, &self->from_day, &self->to_day);
  if (gtk_drop_down_get_selected (self->compare_dropdown) == DESK_REPORT_COMPARE_LAST_YEAR)
    {
      self->compare_from = shift_year (self->from_day);
      self->compare_to = shift_year (self->to_day);
    }
  set_day_button (self->from_button, _("First day"), self->from_day);
  set_day_button (self->to_button, _("Last day"), self->to_day);
  gtk_widget_set_visible (self->custom_box, range == DESK_REPORT_CUSTOM);
}

/* Recommendations */

gboolean
_desk_reports_page_save_notes (DeskReportsPage  *self,
                               GError          **error)
{
  DeskPage *page = DESK_PAGE (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->recommendations_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  /* For the brand and period they were written for, even when the page
   * has just moved to another */
  if (!self->notes_dirty || self->notes_from == NULL || self->notes_brand_id == 0)
    return TRUE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!desk_store_set_report_recommendations (desk_page_get_store (page), self->notes_brand_id,
                                              self->notes_from, self->notes_to, text, error))
    return FALSE;
  self->notes_dirty = FALSE;
  return TRUE;
}

static void
save_notes (DeskReportsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!_desk_reports_page_save_notes (self, &error))
    desk_report_error (GTK_WIDGET (self), error);
}

static void
notes_changed_cb (DeskReportsPage *self)
{
  if (!self->loading_notes)
    self->notes_dirty = TRUE;
}

static void
load_notes (DeskReportsPage *self,
            DeskStore       *store,
            gint64           brand_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = desk_store_dup_report_recommendations (store, brand_id, self->from_day, self->to_day,
                                                                 &error);

  if (text == NULL)
    {
      desk_report_error (GTK_WIDGET (self), error);
      return;
    }
  self->loading_notes = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->recommendations_view), text, -1);
  self->loading_notes = FALSE;
  self->notes_dirty = FALSE;
  self->notes_brand_id = brand_id;
  g_free (self->notes_from);
  g_free (self->notes_to);
  self->notes_from = g_strdup (self->from_day);
  self->notes_to = g_strdup (self->to_day);
}

/* Reload */

static void
clear_flow_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

/* A flow box child that only holds: the cards are read, not chosen */
static void
flow_append (GtkFlowBox *box,
             GtkWidget  *widget)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), widget);
  gtk_widget_set_focusable (child, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_name (widget), -1);
  gtk_flow_box_append (box, child);
}

static void
show_period (DeskReportsPage *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *a = NULL, *b = NULL, *text = NULL, *ca = NULL, *cb = NULL;
  g_autofree char *cfrom = g_strdup (self->compare_from), *cto = g_strdup (self->compare_to);

  if (cfrom == NULL)
    desk_kpi_previous_period (self->from_day, self->to_day, &cfrom, &cto);
  a = short_day (self->from_day);
  b = short_day (self->to_day);
  ca = short_day (cfrom);
  cb = short_day (cto);
  /* Translators: the report's period and its comparison: "1 Dec 2026 – 31 Dec 2026, compared with …" */
  text = g_strdup_printf (_("%s – %s, compared with %s – %s"), a, b, ca, cb);
  gtk_label_set_text (self->period_label, text);
}

static void
add_kpi_cards (DeskReportsPage  *self,
               const DeskKpiSet *current,
               const DeskKpiSet *previous,
               GPtrArray        *charts)
{
  for (guint i = 0; i < G_N_ELEMENTS (card_kpis); i++)
    {
      DeskKpiId id = card_kpis[i];
      GtkWidget *card = desk_kpi_card_new (id);
      int spark = sparkline_for (id);

      desk_kpi_card_set_value (DESK_KPI_CARD (card), &current->values[id], &previous->values[id],
                               spark >= 0 && (guint) spark < charts->len ? g_ptr_array_index (charts, spark) : NULL);
      gtk_widget_set_name (card, desk_kpi_get_label (id));
      flow_append (self->kpi_box, card);
    }
}

static void
add_chart (DeskReportsPage *self,
           GPtrArray       *charts,
           guint            index)
{
  GtkWidget *card;
  DeskChart *chart;

  if (index >= charts->len)
    return;
  chart = g_ptr_array_index (charts, index);
  card = desk_chart_card_new (NULL, chart);
  gtk_widget_set_size_request (card, -1, 300);
  gtk_widget_set_name (card, desk_chart_get_title (chart));
  flow_append (self->chart_box, card);
}

static void
add_top_posts (DeskReportsPage *self,
               GPtrArray       *posts)
{
  for (guint i = 0; i < self->top_post_rows->len; i++)
    adw_preferences_group_remove (self->top_posts_group, g_ptr_array_index (self->top_post_rows, i));
  g_ptr_array_set_size (self->top_post_rows, 0);

  if (posts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No post has engagements recorded in this period."));
      adw_preferences_group_add (self->top_posts_group, row);
      g_ptr_array_add (self->top_post_rows, row);
      return;
    }
  for (guint i = 0; i < posts->len; i++)
    {
      DeskTopPost *p = g_ptr_array_index (posts, i);
      DeskKpiValue e = { TRUE, p->engagements, 0 }, im = { TRUE, p->impressions, 0 };
      g_autofree char *engagements = desk_kpi_format (DESK_KPI_ENGAGEMENTS, &e);
      g_autofree char *impressions = desk_kpi_format (DESK_KPI_IMPRESSIONS, &im);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, p->title ? p->title : "");
      /* Translators: a top post's figures */
      g_autofree char *subtitle = g_strdup_printf (_("%s engagements · %s impressions"), engagements, impressions);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* Its first image, small (decoded at that size); decorative: the
       * title says which post it is */
      if (p->image_path != NULL)
        {
          g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (p->image_path, 96, 96, TRUE, NULL);

          if (pixbuf != NULL)
            {
              g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (pixbuf);
              GtkWidget *picture = g_object_new (GTK_TYPE_PICTURE, "paintable", texture,
                                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

              gtk_widget_set_size_request (picture, 48, 48);
              gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
              gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
              gtk_widget_add_css_class (picture, "top-post-thumbnail");
              adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);
            }
        }
      adw_preferences_group_add (self->top_posts_group, row);
      g_ptr_array_add (self->top_post_rows, row);
    }
}

/* An objective whose KPI has no value: "—" and why, not a gauge at 0 */
static GtkWidget *
undefined_objective (const char         *title,
                     const DeskKpiValue *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  g_autofree char *text = g_strdup_printf ("— %s", desk_kpi_reason_to_text (value->reason));
  GtkWidget *reason = gtk_label_new (text);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (reason, "dim-label");
  for (GtkWidget *label = heading; label != NULL; label = label == heading ? reason : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (reason, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return box;
}

static void
add_gauges (DeskReportsPage  *self,
            GPtrArray        *charts,
            GPtrArray        *objectives,
            const DeskKpiSet *current)
{
  guint g = FIRST_GAUGE;

  for (guint i = 0; i < objectives->len; i++)
    {
      DeskObjective *o = g_ptr_array_index (objectives, i);
      DeskKpiId id;
      GtkWidget *card;
      g_autofree char *title = NULL;

      /* desk_report_build_dashboard () has a gauge for each known KPI */
      if (!desk_kpi_id_from_name (o->kpi, &id) || g >= charts->len)
        continue;
      title = o->deadline != NULL
              /* Translators: an objective's gauge: its KPI and deadline */
              ? g_strdup_printf (_("%s by %s"), desk_kpi_get_label (id), o->deadline)
              : g_strdup (desk_kpi_get_label (id));
      if (current->values[id].defined)
        {
          card = desk_chart_card_new (title, g_ptr_array_index (charts, g));
          gtk_widget_set_size_request (card, -1, 200);
        }
      else
        card = undefined_objective (title, &current->values[id]);
      g++;
      gtk_widget_set_name (card, title);
      flow_append (self->gauge_box, card);
    }
  gtk_widget_set_visible (self->no_objective_label, objectives->len == 0);
}

static void
show_error (DeskReportsPage *self,
            const GError    *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
desk_reports_page_reload (DeskPage *page)
{
  DeskReportsPage *self = DESK_REPORTS_PAGE (page);
  DeskStore *store = desk_page_get_store (page);
  gint64 brand_id = desk_page_get_brand_id (page);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) objectives = NULL;
  DeskReportPeriod period;
  DeskKpiSet current, previous;
  g_autofree char *cfrom = NULL, *cto = NULL;

  /* What was written for the brand or period shown until now */
  save_notes (self);
  clear_flow_box (self->kpi_box);
  clear_flow_box (self->chart_box);
  clear_flow_box (self->gauge_box);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  read_period (self);
  show_period (self);
  _desk_reports_page_get_period (self, &period);
  if (self->compare_from == NULL)
    desk_kpi_previous_period (self->from_day, self->to_day, &cfrom, &cto);

  if ((charts = desk_report_build_dashboard (store, brand_id, &period, dark, &error)) == NULL ||
      !desk_kpi_query (store, brand_id, 0, self->from_day, self->to_day, &current, &error) ||
      !desk_kpi_query (store, brand_id, 0, self->compare_from ? self->compare_from : cfrom,
                       self->compare_to ? self->compare_to : cto, &previous, &error) ||
      (posts = desk_store_query_top_posts (store, brand_id, self->from_day, self->to_day, 10, &error)) == NULL ||
      (objectives = desk_store_list_objectives (store, brand_id, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }

  add_kpi_cards (self, &current, &previous, charts);
  /* Each with the core's title: the same as in the client report */
  add_chart (self, charts, CHART_FOLLOWERS);
  add_chart (self, charts, CHART_MONTHS);
  add_chart (self, charts, CHART_ENGAGEMENTS);
  add_chart (self, charts, CHART_SHARE);
  add_chart (self, charts, CHART_IMPRESSIONS);
  add_chart (self, charts, CHART_HEATMAP);
  add_top_posts (self, posts);
  add_gauges (self, charts, objectives, &current);
  load_notes (self, store, brand_id);
}

/* The pickers: a new period, its notes saved first */

static void
period_changed_cb (DeskReportsPage *self)
{
  save_notes (self);
  if (desk_page_get_brand_id (DESK_PAGE (self)) != 0)
    desk_page_reload (DESK_PAGE (self));
}

static void
period_dropdown_changed_cb (DeskReportsPage *self)
{
  /* Custom starts from the period shown */
  if (gtk_drop_down_get_selected (self->period_dropdown) == DESK_REPORT_CUSTOM && self->from_day != NULL)
    {
      g_autofree char *from = g_strdup (self->from_day), *to = g_strdup (self->to_day);

      select_calendar_day (self->from_calendar, from);
      select_calendar_day (self->to_calendar, to);
    }
  period_changed_cb (self);
}

static void
day_selected_cb (GtkCalendar     *calendar,
                 DeskReportsPage *self)
{
  gtk_menu_button_popdown (calendar == self->from_calendar ? self->from_button : self->to_button);
  period_changed_cb (self);
}

void
_desk_reports_page_set_range (DeskReportsPage *self,
                              DeskReportRange  range,
                              const char      *from_day,
                              const char      *to_day)
{
  g_return_if_fail (DESK_IS_REPORTS_PAGE (self));

  if (range == DESK_REPORT_CUSTOM)
    {
      g_signal_handlers_block_by_func (self->from_calendar, day_selected_cb, self);
      g_signal_handlers_block_by_func (self->to_calendar, day_selected_cb, self);
      select_calendar_day (self->from_calendar, from_day);
      select_calendar_day (self->to_calendar, to_day);
      g_signal_handlers_unblock_by_func (self->from_calendar, day_selected_cb, self);
      g_signal_handlers_unblock_by_func (self->to_calendar, day_selected_cb, self);
      g_signal_handlers_block_by_func (self->period_dropdown, period_dropdown_changed_cb, self);
      gtk_drop_down_set_selected (self->period_dropdown, range);
      g_signal_handlers_unblock_by_func (self->period_dropdown, period_dropdown_changed_cb, self);
      period_changed_cb (self);
    }
  else
    gtk_drop_down_set_selected (self->period_dropdown, range);
}

void
_desk_reports_page_set_compare (DeskReportsPage   *self,
                                DeskReportCompare  compare)
{
  g_return_if_fail (DESK_IS_REPORTS_PAGE (self));
  gtk_drop_down_set_selected (self->compare_dropdown, compare);
}

static void
focus_leave_cb (DeskReportsPage *self)
{
  save_notes (self);
}

static void
desk_reports_page_unmap (GtkWidget *widget)
{
  save_notes (DESK_REPORTS_PAGE (widget));
  GTK_WIDGET_CLASS (desk_reports_page_parent_class)->unmap (widget);
}

static void
desk_reports_page_dispose (GObject *object)
{
  DeskReportsPage *self = DESK_REPORTS_PAGE (object);

  _desk_reports_page_dispose_actions (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_REPORTS_PAGE);
  g_clear_pointer (&self->top_post_rows, g_ptr_array_unref);
  g_clear_pointer (&self->from_day, g_free);
  g_clear_pointer (&self->to_day, g_free);
  g_clear_pointer (&self->compare_from, g_free);
  g_clear_pointer (&self->compare_to, g_free);
  g_clear_pointer (&self->notes_from, g_free);
  g_clear_pointer (&self->notes_to, g_free);

  G_OBJECT_CLASS (desk_reports_page_parent_class)->dispose (object);
}

static void
desk_reports_page_class_init (DeskReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_reports_page_dispose;
  widget_class->unmap = desk_reports_page_unmap;
  DESK_PAGE_CLASS (klass)->reload = desk_reports_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, kpi_box);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, top_posts_group);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, gauge_box);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, no_objective_label);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsPage, recommendations_view);
  _desk_reports_page_install_actions (widget_class);
}

static void
desk_reports_page_init (DeskReportsPage *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->top_post_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  desk_drop_down_set_accessible_label (self->period_dropdown, _("Period"));
  desk_drop_down_set_accessible_label (self->compare_dropdown, _("Compared with"));
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (period_dropdown_changed_cb), self);
  g_signal_connect_swapped (self->compare_dropdown, "notify::selected", G_CALLBACK (period_changed_cb), self);
  g_signal_connect (self->from_calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect (self->to_calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->recommendations_view), "changed",
                            G_CALLBACK (notes_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->recommendations_view), focus);
  read_period (self);
}

DeskReportsPage *
desk_reports_page_new (DeskStore *store)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  return g_object_new (DESK_TYPE_REPORTS_PAGE, "store", store, NULL);
}
