/* desk-report.c: a brand's dashboard charts and its client report
 *
 * The report is a PDF drawn with cairo_pdf_surface: a cover (the brand's
 * name, logo and colour, the period), an executive summary (the KPIs
 * against the comparison period and the objectives), an overview of the
 * channels, a page per channel, the top posts, the best times and the
 * recommendations written for the period. Its text is Pango's (real,
 * searchable text) and its charts are desk-chart's vectors: the same
 * pictures as the dashboard. It needs no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "desk-contrast.h"
#include "desk-design.h"
#include "desk-media.h"
#include "desk-report.h"
#include "desk-time.h"

/* A4 landscape, in points: legible on a projector as well */
#define PAGE_W   841.89
#define PAGE_H   595.28
#define MARGIN   42.0
#define TOP_POSTS 10

/* The KPIs of the summary and of each channel's page, in that order */
static const DeskKpiId summary_kpis[] = {
  DESK_KPI_FOLLOWERS, DESK_KPI_FOLLOWERS_GROWTH, DESK_KPI_REACH, DESK_KPI_IMPRESSIONS, DESK_KPI_ENGAGEMENTS,
  DESK_KPI_ENGAGEMENT_RATE, DESK_KPI_ENGAGEMENT_RATE_FOLLOWERS, DESK_KPI_CLICKS, DESK_KPI_CTR,
  DESK_KPI_CONVERSIONS, DESK_KPI_SPEND, DESK_KPI_REVENUE, DESK_KPI_ROI, DESK_KPI_POSTS_PUBLISHED,
  DESK_KPI_POSTS_PLANNED, DESK_KPI_FIRST_RESPONSE,
};

/* One channel's page, read up front */
typedef struct
{
  char       *title;
  DeskKpiSet  current;
  DeskKpiSet  previous;
  DeskChart  *followers;
  DeskChart  *impressions;
} ChannelPage;

static void
channel_page_free (ChannelPage *p)
{
  g_free (p->title);
  g_clear_object (&p->followers);
  g_clear_object (&p->impressions);
  g_free (p);
}

/* Everything the report's pages show, read from the store up front, so
 * that drawing a page reads nothing (and may happen on another thread) */
typedef struct
{
  char            *brand_name;
  char            *from_day;
  char            *to_day;
  char            *compare_from;
  char            *compare_to;
  DeskKpiSet       current;
  DeskKpiSet       previous;
  double           brand_rgb[3];
  cairo_surface_t *logo;
  GPtrArray       *objectives;   /* (element-type DeskObjective) */
  GPtrArray       *overview;     /* (element-type DeskChart) */
  DeskChart       *heatmap;
  GPtrArray       *channels;     /* (element-type ChannelPage) */
  GPtrArray       *top_posts;    /* (element-type DeskTopPost) */
  char            *recommendations;

  /* The page being drawn */
  cairo_t         *cr;
  PangoLayout     *layout;
  guint            page;
} Report;

static void
report_clear (Report *r)
{
  g_clear_pointer (&r->brand_name, g_free);
  g_clear_pointer (&r->from_day, g_free);
  g_clear_pointer (&r->to_day, g_free);
  g_clear_pointer (&r->compare_from, g_free);
  g_clear_pointer (&r->compare_to, g_free);
  g_clear_pointer (&r->logo, cairo_surface_destroy);
  g_clear_pointer (&r->objectives, g_ptr_array_unref);
  g_clear_pointer (&r->overview, g_ptr_array_unref);
  g_clear_object (&r->heatmap);
  g_clear_pointer (&r->channels, g_ptr_array_unref);
  g_clear_pointer (&r->top_posts, g_ptr_array_unref);
  g_clear_pointer (&r->recommendations, g_free);
  g_clear_object (&r->layout);
}


static gboolean
resolve_period (const DeskReportPeriod  *period,
                char                   **from,
                char                   **to,
                char                   **compare_from,
                char                   **compare_to,
                GError                 **error)
{
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;

  if (period == NULL || !desk_kpi_parse_day (period->from_day, &a) || !desk_kpi_parse_day (period->to_day, &b) ||
      g_date_time_compare (b, a) < 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                           _("A report needs a period whose last day is not before its first (YYYY-MM-DD)."));
      return FALSE;
    }
  *from = g_strdup (period->from_day);
  *to = g_strdup (period->to_day);
  if (period->compare_from != NULL && period->compare_to != NULL)
    {
      *compare_from = g_strdup (period->compare_from);
      *compare_to = g_strdup (period->compare_to);
      return TRUE;
    }
  return desk_kpi_previous_period (*from, *to, compare_from, compare_to);
}

/* Dashboard */

static DeskChart *
series_chart (DeskStore   *store,
              gint64       brand_id,
              gint64       channel_id,
              DeskChartKind kind,
              const char  *title,
              const char  *series_label,
              const char  *metric,
              const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(DeskChart) chart = desk_chart_new (kind, title);
  g_autoptr(GArray) points = desk_store_query_metric_series (store, brand_id, channel_id, metric, from, to, error);
  guint s;

  if (points == NULL)
    return NULL;
  s = desk_chart_add_series (chart, series_label);
  for (guint i = 0; i < points->len; i++)
    desk_chart_add_point (chart, s, g_array_index (points, DeskMetricPoint, i).day,
                          g_array_index (points, DeskMetricPoint, i).value);
  return g_steal_pointer (&chart);
}

static char *
channel_title (DeskChannel *channel)
{
  return g_strdup_printf ("%s · %s", desk_network_to_label (desk_channel_get_network (channel)),
                          desk_channel_get_handle (channel));
}

/* Per channel: the total of @metric (the last level for followers) */
static double
channel_total (GPtrArray  *summaries,
               gint64      channel_id,
               const char *metric)
{
  for (guint i = 0; i < summaries->len; i++)
    {
      DeskMetricSummary *s = g_ptr_array_index (summaries, i);

      if (s->channel_id == channel_id && g_str_equal (s->metric, metric))
        return desk_kpi_metric_is_level (metric) ? s->last : s->total;
    }
  return 0;
}

static gboolean
add_channel_charts (DeskStore  *store,
                    gint64      brand_id,
                    GListModel *channels,
                    const char *from,
                    const char *to,
                    gboolean    dark,
                    GPtrArray  *charts,
                    GError    **error)
{
  g_autoptr(GPtrArray) summaries = desk_store_query_metric_summary (store, brand_id, 0, from, to, error);
  guint n = g_list_model_get_n_items (channels);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) networks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) network_names = g_ptr_array_new ();
  DeskChart *followers, *bars, *stacked, *donut;
  guint months = 0;
  g_autoptr(GPtrArray) month_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;

  if (summaries == NULL)
    return FALSE;
  for (guint c = 0; c < n; c++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, c);
      g_ptr_array_add (names, channel_title (channel));
    }
  g_ptr_array_add (names, NULL);

  /* Followers per channel over time */
  followers = desk_chart_new (DESK_CHART_LINE, _("Followers per channel"));
  g_ptr_array_add (charts, followers);
  bars = desk_chart_new (DESK_CHART_BARS, _("Engagements per channel"));
  g_ptr_array_add (charts, bars);
  desk_chart_set_categories (bars, (const char * const *) names->pdata);
  desk_chart_add_series (bars, _("Engagements"));

  /* Engagements per month, stacked by channel */
  desk_kpi_parse_day (from, &first);
  desk_kpi_parse_day (to, &last);
  stacked = desk_chart_new (DESK_CHART_STACKED_BARS, _("Engagements per month and channel"));
  g_ptr_array_add (charts, stacked);
  {
    g_autoptr(GDateTime) month = desk_time_month_start (first);

    while (g_date_time_compare (month, last) <= 0 && months < 36)
      {
        GDateTime *next = g_date_time_add_months (month, 1);

        g_ptr_array_add (month_labels, g_date_time_format (month, "%b"));
        g_date_time_unref (month);
        month = next;
        months++;
      }
    g_ptr_array_add (month_labels, NULL);
    desk_chart_set_categories (stacked, (const char * const *) month_labels->pdata);
  }

  donut = desk_chart_new (DESK_CHART_DONUT, _("Share of impressions per network"));
  g_ptr_array_add (charts, donut);
  desk_chart_add_series (donut, _("Impressions"));

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, c);
      gint64 id = desk_channel_get_id (channel);
      g_autoptr(GArray) points = desk_store_query_metric_series (store, brand_id, id, "followers", from, to, error);
      g_autoptr(GArray) engagements = NULL;
      const char *network = desk_network_to_label (desk_channel_get_network (channel));
      guint s;

      if (points == NULL ||
          (engagements = desk_store_query_metric_series (store, brand_id, id, "engagements", from, to, error)) == NULL)
        return FALSE;
      s = desk_chart_add_series (followers, g_ptr_array_index (names, c));
      desk_chart_set_series_colour (followers, s, desk_channel_get_colour (channel));
      for (guint i = 0; i < points->len; i++)
        desk_chart_add_point (followers, s, g_array_index (points, DeskMetricPoint, i).day,
                              g_array_index (points, DeskMetricPoint, i).value);
      desk_chart_set_value (bars, 0, c, channel_total (summaries, id, "engagements"));

      s = desk_chart_add_series (stacked, g_ptr_array_index (names, c));
      desk_chart_set_series_colour (stacked, s, desk_channel_get_colour (channel));
      {
        g_autofree double *sums = g_new0 (double, MAX (months, 1));

        for (guint i = 0; i < engagements->len; i++)
          {
            DeskMetricPoint *p = &g_array_index (engagements, DeskMetricPoint, i);
            g_autoptr(GDateTime) day = NULL;
            int m;

            if (!desk_kpi_parse_day (p->day, &day))
              continue;
            m = (g_date_time_get_year (day) - g_date_time_get_year (first)) * 12
                + g_date_time_get_month (day) - g_date_time_get_month (first);
            if (m >= 0 && (guint) m < months)
              sums[m] += p->value;
          }
        for (guint m = 0; m < months; m++)
          desk_chart_set_value (stacked, s, m, sums[m]);
      }

      if (!g_hash_table_contains (networks, network))
        {
          g_hash_table_insert (networks, (gpointer) network, GUINT_TO_POINTER (network_names->len));
          g_ptr_array_add (network_names, (gpointer) network);
        }
    }
  g_ptr_array_add (network_names, NULL);
  desk_chart_set_categories (donut, (const char * const *) network_names->pdata);
  {
    g_autofree double *shares = g_new0 (double, network_names->len);

    for (guint c = 0; c < n; c++)
      {
        g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, c);
        gpointer index = g_hash_table_lookup (networks, desk_network_to_label (desk_channel_get_network (channel)));

        shares[GPOINTER_TO_UINT (index)] += channel_total (summaries, desk_channel_get_id (channel), "impressions");
      }
    for (guint i = 0; i + 1 < network_names->len; i++)
      desk_chart_set_value (donut, 0, i, shares[i]);
  }

  for (guint i = 0; i < charts->len; i++)
    desk_chart_set_dark (g_ptr_array_index (charts, i), dark);
  return TRUE;
}

static DeskChart *
heatmap_chart (DeskStore   *store,
               gint64       brand_id,
               const char  *from,
               const char  *to,
               GError     **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GArray) posts = NULL;
  g_autoptr(DeskChart) chart = desk_chart_new (DESK_CHART_HEATMAP, _("Best times: engagements per weekday and hour"));
  double heat[7][24] = { { 0 } };

  desk_kpi_parse_day (from, &start);
  desk_kpi_parse_day (to, &last);
  end = g_date_time_add_days (last, 1);
  if ((posts = desk_store_query_published_posts (store, brand_id, start, end, error)) == NULL)
    return NULL;
  for (guint i = 0; i < posts->len; i++)
    {
      DeskPublishedPost *p = &g_array_index (posts, DeskPublishedPost, i);
      g_autoptr(GDateTime) at = desk_time_from_unix_local (p->published_at);

      if (at != NULL)
        heat[g_date_time_get_day_of_week (at) - 1][g_date_time_get_hour (at)] += p->engagements;
    }
  for (guint d = 0; d < 7; d++)
    for (guint h = 0; h < 24; h++)
      desk_chart_set_heat (chart, d, h, heat[d][h]);
  return g_steal_pointer (&chart);
}

static void
add_objective_gauges (GPtrArray        *charts,
                      GPtrArray        *objectives,
                      const DeskKpiSet *current)
{
  for (guint i = 0; i < objectives->len; i++)
    {
      DeskObjective *o = g_ptr_array_index (objectives, i);
      DeskKpiId id;
      DeskChart *gauge;

      if (!desk_kpi_id_from_name (o->kpi, &id))
        continue;
      gauge = desk_chart_new (DESK_CHART_GAUGE, desk_kpi_get_label (id));
      desk_chart_set_percent (gauge, desk_kpi_get_unit (id) == DESK_KPI_UNIT_RATIO);
      desk_chart_set_gauge (gauge, current->values[id].value, o->target);
      g_ptr_array_add (charts, gauge);
    }
}

/**
 * desk_report_build_dashboard:
 *
 * Returns: (transfer full) (element-type DeskChart): every chart of the
 *   brand's dashboard for the period: a sparkline per KPI over time,
 *   impressions over time, followers per channel, engagements per
 *   channel and per month, the share of each network, the best times and
 *   a gauge per objective
 */
GPtrArray *
desk_report_build_dashboard (DeskStore              *store,
                             gint64                  brand_id,
                             const DeskReportPeriod *period,
                             gboolean                dark,
                             GError                **error)
{
  static const char * const spark_metrics[] = { "followers", "reach", "impressions", "engagements", "clicks", "conversions" };
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GPtrArray) objectives = NULL;
  g_autofree char *from = NULL, *to = NULL, *cfrom = NULL, *cto = NULL;
  DeskKpiSet current;
  DeskChart *chart;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  if (!resolve_period (period, &from, &to, &cfrom, &cto, error) ||
      (channels = desk_store_list_channels (store, brand_id, error)) == NULL ||
      (objectives = desk_store_list_objectives (store, brand_id, error)) == NULL ||
      !desk_kpi_query (store, brand_id, 0, from, to, &current, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (spark_metrics); i++)
    {
      if ((chart = series_chart (store, brand_id, 0, DESK_CHART_SPARKLINE, NULL, NULL, spark_metrics[i],
                                 from, to, error)) == NULL)
        return NULL;
      g_ptr_array_add (charts, chart);
    }
  if ((chart = series_chart (store, brand_id, 0, DESK_CHART_AREA, _("Impressions per day"), _("Impressions"),
                             "impressions", from, to, error)) == NULL)
    return NULL;
  g_ptr_array_add (charts, chart);
  if (!add_channel_charts (store, brand_id, channels, from, to, dark, charts, error))
    return NULL;
  if ((chart = heatmap_chart (store, brand_id, from, to, error)) == NULL)
    return NULL;
  g_ptr_array_add (charts, chart);
  add_objective_gauges (charts, objectives, &current);

  for (guint i = 0; i < charts->len; i++)
    desk_chart_set_dark (g_ptr_array_index (charts, i), dark);
  return g_steal_pointer (&charts);
}

/* PDF */

static void
set_font (Report *r,
          double  size,
          gboolean bold)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (r->layout, font);
}

/* Draws @text at @x, @y, wrapped to @width (or not, when 0), aligned
 * right when @right; returns its height */
static double
draw_text (Report     *r,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold,
           gboolean    right)
{
  PangoRectangle logical;

  set_font (r, size, bold);
  pango_layout_set_width (r->layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (r->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (r->layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (r->layout, text != NULL ? text : "", -1);
  pango_layout_get_pixel_extents (r->layout, NULL, &logical);
  cairo_move_to (r->cr, x, y);
  pango_cairo_show_layout (r->cr, r->layout);
  return logical.height;
}

static char *
format_period (const char *from_day,
               const char *to_day)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *a = NULL, *b = NULL;

  if (!desk_kpi_parse_day (from_day, &from) || !desk_kpi_parse_day (to_day, &to))
    return g_strdup ("");
  /* Translators: a day in the report (g_date_time_format: 5 January 2026) */
  a = g_date_time_format (from, _("%-d %B %Y"));
  b = g_date_time_format (to, _("%-d %B %Y"));
  /* Translators: a period, from its first to its last day */
  return g_strdup_printf (_("%s – %s"), g_strstrip (a), g_strstrip (b));
}

/* Begins a page with its heading; returns where the content starts */
static double
begin_page (Report     *r,
            const char *heading)
{
  g_autofree char *footer = NULL;

  cairo_set_source_rgb (r->cr, 1, 1, 1);
  cairo_paint (r->cr);
  cairo_set_source_rgb (r->cr, r->brand_rgb[0], r->brand_rgb[1], r->brand_rgb[2]);
  cairo_rectangle (r->cr, 0, 0, PAGE_W, 8);
  cairo_fill (r->cr);

  cairo_set_source_rgb (r->cr, 0.12, 0.12, 0.12);
  draw_text (r, heading, MARGIN, MARGIN - 10, PAGE_W - 2 * MARGIN, 20, TRUE, FALSE);
  cairo_set_source_rgb (r->cr, 0.37, 0.37, 0.37);
  /* Translators: a report page's footer: the brand and the page number */
  footer = g_strdup_printf (_("%s — page %u"), r->brand_name, r->page);
  draw_text (r, footer, MARGIN, PAGE_H - MARGIN + 12, PAGE_W - 2 * MARGIN, 8, FALSE, TRUE);
  return MARGIN + 28;
}

static void
draw_chart (Report    *r,
            DeskChart *chart,
            double     x,
            double     y,
            double     w,
            double     h)
{
  cairo_save (r->cr);
  cairo_translate (r->cr, x, y);
  desk_chart_render (chart, r->cr, w, h);
  cairo_restore (r->cr);
}

static cairo_surface_t *
load_logo (DeskStore *store,
           DeskBrand *brand)
{
  gint64 media_id = desk_brand_get_logo_media_id (brand);
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (media_id == 0 || (path = desk_store_dup_media_path (store, media_id, NULL)) == NULL ||
      !desk_media_check_image (path, NULL) ||
      (pixbuf = gdk_pixbuf_new_from_file_at_scale (path, 320, 320, TRUE, NULL)) == NULL)
    return NULL;
  return desk_design_surface_from_pixbuf (pixbuf);
}

static void
page_cover (Report *r)
{
  g_autofree char *period = format_period (r->from_day, r->to_day);
  g_autofree char *compared = format_period (r->compare_from, r->compare_to);
  g_autofree char *compared_line = NULL;
  cairo_surface_t *logo = r->logo;

  cairo_set_source_rgb (r->cr, 1, 1, 1);
  cairo_paint (r->cr);
  cairo_set_source_rgb (r->cr, r->brand_rgb[0], r->brand_rgb[1], r->brand_rgb[2]);
  cairo_rectangle (r->cr, 0, 0, PAGE_W * 0.36, PAGE_H);
  cairo_fill (r->cr);

  if (logo != NULL)
    {
      double w = cairo_image_surface_get_width (logo), h = cairo_image_surface_get_height (logo);
      double scale = MIN (160 / w, 160 / h);

      cairo_save (r->cr);
      cairo_translate (r->cr, PAGE_W * 0.18 - w * scale / 2, PAGE_H / 2 - h * scale / 2);
      cairo_scale (r->cr, scale, scale);
      cairo_set_source_surface (r->cr, logo, 0, 0);
      cairo_paint (r->cr);
      cairo_restore (r->cr);
    }

  cairo_set_source_rgb (r->cr, 0.12, 0.12, 0.12);
  draw_text (r, r->brand_name, PAGE_W * 0.36 + MARGIN, PAGE_H * 0.3, PAGE_W * 0.64 - 2 * MARGIN,
             34, TRUE, FALSE);
  draw_text (r, _("Social media report"), PAGE_W * 0.36 + MARGIN, PAGE_H * 0.3 + 56, PAGE_W * 0.64 - 2 * MARGIN,
             18, FALSE, FALSE);
  draw_text (r, period, PAGE_W * 0.36 + MARGIN, PAGE_H * 0.3 + 90, PAGE_W * 0.64 - 2 * MARGIN, 16, FALSE, FALSE);
  /* Translators: the report's comparison period */
  compared_line = g_strdup_printf (_("Compared with %s"), compared);
  cairo_set_source_rgb (r->cr, 0.37, 0.37, 0.37);
  draw_text (r, compared_line, PAGE_W * 0.36 + MARGIN, PAGE_H * 0.3 + 118, PAGE_W * 0.64 - 2 * MARGIN, 12,
             FALSE, FALSE);
}

/* A table of KPIs: label, value, previous, change; undefined values say why */
static double
kpi_table (Report           *r,
           const DeskKpiSet *current,
           const DeskKpiSet *previous,
           double            x,
           double            y,
           double            width)
{
  double col[4] = { x, x + width * 0.40, x + width * 0.60, x + width * 0.80 };
  const char *heads[4] = { _("Indicator"), _("This period"), _("Comparison"), _("Change") };
  double head_h = 0;

  /* Headings may take two lines (French: "Cette période") */
  cairo_set_source_rgb (r->cr, 0.37, 0.37, 0.37);
  for (guint i = 0; i < 4; i++)
    head_h = MAX (head_h, draw_text (r, heads[i], col[i], y, i == 0 ? 0 : width * 0.20 - 4, 9, TRUE, i > 0));
  y += MAX (head_h, 12) + 4;

  for (guint k = 0; k < G_N_ELEMENTS (summary_kpis); k++)
    {
      DeskKpiId id = summary_kpis[k];
      const DeskKpiValue *v = &current->values[id];
      g_autofree char *value = desk_kpi_format (id, v);
      g_autofree char *before = desk_kpi_format (id, &previous->values[id]);
      g_autofree char *change = desk_kpi_format_change (v, &previous->values[id]);
      const char *formula = desk_kpi_get_formula (id);
      g_autofree char *label = formula && desk_kpi_get_unit (id) == DESK_KPI_UNIT_RATIO
                               ? g_strdup_printf ("%s (%s)", desk_kpi_get_label (id), formula)
                               : g_strdup (desk_kpi_get_label (id));

      double h;

      cairo_set_source_rgb (r->cr, 0.12, 0.12, 0.12);
      h = draw_text (r, label, col[0], y, width * 0.40 - 6, 9, FALSE, FALSE);
      draw_text (r, value, col[1], y, width * 0.20 - 4, 9, TRUE, TRUE);
      draw_text (r, before, col[2], y, width * 0.20 - 4, 9, FALSE, TRUE);
      draw_text (r, change, col[3], y, width * 0.20 - 4, 9, FALSE, TRUE);
      y += MAX (h, 11) + 2;
      if (!v->defined)
        {
          cairo_set_source_rgb (r->cr, 0.37, 0.37, 0.37);
          y += draw_text (r, desk_kpi_reason_to_text (v->reason), col[0] + 10, y - 2, width - 10, 7, FALSE, FALSE) - 1;
        }
    }
  return y;
}

static void
page_summary (Report *r)
{
  GPtrArray *objectives = r->objectives;
  double y = begin_page (r, _("Executive summary"));
  double half = (PAGE_W - 2 * MARGIN) / 2;

  kpi_table (r, &r->current, &r->previous, MARGIN, y, half - 12);

  cairo_set_source_rgb (r->cr, 0.12, 0.12, 0.12);
  draw_text (r, _("Objectives"), MARGIN + half + 12, y, half - 12, 12, TRUE, FALSE);
  y += 20;
  if (objectives->len == 0)
    {
      cairo_set_source_rgb (r->cr, 0.37, 0.37, 0.37);
      draw_text (r, _("No objective is set for this brand."), MARGIN + half + 12, y, half - 12, 9, FALSE, FALSE);
      return;
    }
  for (guint i = 0; i < objectives->len && i < 6; i++)
    {
      DeskObjective *o = g_ptr_array_index (objectives, i);
      DeskKpiId id;
      g_autoptr(DeskChart) gauge = NULL;
      DeskKpiValue target = { TRUE, o->target, DESK_KPI_REASON_NONE };
      g_autofree char *value = NULL, *goal = NULL, *line = NULL;

      if (!desk_kpi_id_from_name (o->kpi, &id))
        continue;
      value = desk_kpi_format (id, &r->current.values[id]);
      goal = desk_kpi_format (id, &target);
      /* Translators: an objective: its KPI, the value reached, its target and deadline */
      line = g_strdup_printf (_("%s: %s of %s, by %s"), desk_kpi_get_label (id), value, goal,
                              o->deadline ? o->deadline : "—");
      /* No gauge at 0 for a KPI without a value: the line says "—" and why */
      if (r->current.values[id].defined)
        {
          gauge = desk_chart_new (DESK_CHART_GAUGE, NULL);
          desk_chart_set_percent (gauge, desk_kpi_get_unit (id) == DESK_KPI_UNIT_RATIO);
          desk_chart_set_gauge (gauge, r->current.values[id].value, o->target);
          draw_chart (r, gauge, MARGIN + half + 12, y, 90, 64);
        }
      else
        {
          g_autofree char *why = g_strdup_printf ("%s (%s)", line, desk_kpi_reason_to_text (r->current.values[id].reason));

          g_free (line);
          line = g_steal_pointer (&why);
        }
      cairo_set_source_rgb (r->cr, 0.12, 0.12, 0.12);
      draw_text (r, line, MARGIN + half + 110, y + 22, half - 110, 9, FALSE, FALSE);
      y += 70;
    }
}

static void
page_overview (Report *r)
{
  GPtrArray *charts = r->overview;
  double y = begin_page (r, _("Overview of the channels"));
  double w = (PAGE_W - 2 * MARGIN - 16) / 2, h = (PAGE_H - y - MARGIN - 16) / 2;

  /* Impressions, followers, engagements per channel, share per network */
  for (guint i = 0; i < 4 && i < charts->len; i++)
    draw_chart (r, g_ptr_array_index (charts, i), MARGIN + (i % 2) * (w + 16), y + (i / 2) * (h + 16), w, h);
}

static ChannelPage *
read_channel_page (DeskStore    *store,
                   Report       *r,
                   gint64        brand_id,
                   DeskChannel  *channel,
                   GError      **error)
{
  g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func ((GDestroyNotify) channel_page_free);
  ChannelPage *p = g_new0 (ChannelPage, 1);
  gint64 id = desk_channel_get_id (channel);

  g_ptr_array_add (holder, p);
  p->title = channel_title (channel);
  if (!desk_kpi_query (store, brand_id, id, r->from_day, r->to_day, &p->current, error) ||
      !desk_kpi_query (store, brand_id, id, r->compare_from, r->compare_to, &p->previous, error) ||
      (p->followers = series_chart (store, brand_id, id, DESK_CHART_LINE, _("Followers"), _("Followers"),
                                    "followers", r->from_day, r->to_day, error)) == NULL ||
      (p->impressions = series_chart (store, brand_id, id, DESK_CHART_AREA, _("Impressions per day"),
                                      _("Impressions"), "impressions", r->from_day, r->to_day, error)) == NULL)
    return NULL;
  desk_chart_set_series_colour (p->followers, 0, desk_channel_get_colour (channel));
  desk_chart_set_series_colour (p->impressions, 0, desk_channel_get_colour (channel));
  return g_ptr_array_steal_index (holder, 0);
}

static void
page_channel (Report      *r,
              ChannelPage *p)
{
  double y, half = (PAGE_W - 2 * MARGIN) / 2;

  y = begin_page (r, p->title);
  kpi_table (r, &p->current, &p->previous, MARGIN, y, half - 12);
  draw_chart (r, p->followers, MARGIN + half + 12, y, half - 12, (PAGE_H - y - MARGIN) / 2 - 8);
  draw_chart (r, p->impressions, MARGIN + half + 12, y + (PAGE_H - y - MARGIN) / 2 + 8, half - 12,
              (PAGE_H - y - MARGIN) / 2 - 8);
}

static void
page_top_posts (Report *r)
{
  GPtrArray *posts = r->top_posts;
  double y, width = PAGE_W - 2 * MARGIN;

  y = begin_page (r, _("Top posts"));
  cairo_set_source_rgb (r->cr, 0.37, 0.37, 0.37);
  draw_text (r, _("Post"), MARGIN, y, 0, 9, TRUE, FALSE);
  draw_text (r, _("Engagements"), MARGIN + width * 0.6, y, width * 0.18, 9, TRUE, TRUE);
  draw_text (r, _("Impressions"), MARGIN + width * 0.8, y, width * 0.2, 9, TRUE, TRUE);
  y += 18;
  if (posts->len == 0)
    draw_text (r, _("No post has engagements recorded in this period."), MARGIN, y, width, 10, FALSE, FALSE);
  for (guint i = 0; i < posts->len; i++)
    {
      DeskTopPost *p = g_ptr_array_index (posts, i);
      DeskKpiValue e = { TRUE, p->engagements, 0 }, im = { TRUE, p->impressions, 0 };
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, p->title ? p->title : "");
      g_autofree char *engagements = desk_kpi_format (DESK_KPI_ENGAGEMENTS, &e);
      g_autofree char *impressions = desk_kpi_format (DESK_KPI_IMPRESSIONS, &im);

      double text_x = MARGIN;

      /* Its first image, as a thumbnail (an image that cannot be read is
       * left out: the title says which post it is) */
      if (p->image_path != NULL)
        {
          g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (p->image_path, 48, 48, TRUE, NULL);
          cairo_surface_t *image = pixbuf != NULL ? desk_design_surface_from_pixbuf (pixbuf) : NULL;

          if (image != NULL)
            {
              int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
              double scale = 24.0 / MAX (w, h);

              cairo_save (r->cr);
              cairo_translate (r->cr, MARGIN, y - 4);
              cairo_scale (r->cr, scale, scale);
              cairo_set_source_surface (r->cr, image, 0, 0);
              cairo_paint (r->cr);
              cairo_restore (r->cr);
              cairo_surface_destroy (image);
              text_x = MARGIN + 32;
            }
        }
      cairo_set_source_rgb (r->cr, 0.12, 0.12, 0.12);
      draw_text (r, title, text_x, y, width * 0.58 - (text_x - MARGIN), 10, FALSE, FALSE);
      draw_text (r, engagements, MARGIN + width * 0.6, y, width * 0.18, 10, TRUE, TRUE);
      draw_text (r, impressions, MARGIN + width * 0.8, y, width * 0.2, 10, FALSE, TRUE);
      y += 30;
    }
}

static void
page_best_times (Report *r)
{
  DeskChart *heatmap = r->heatmap;
  double y = begin_page (r, _("Best times to publish"));
  g_autoptr(GPtrArray) rows = desk_chart_dup_rows (heatmap);

  draw_chart (r, heatmap, MARGIN, y, PAGE_W - 2 * MARGIN, PAGE_H - y - MARGIN - 40);
  cairo_set_source_rgb (r->cr, 0.37, 0.37, 0.37);
  if (rows->len == 0)
    draw_text (r, _("No published post has engagements recorded in this period."), MARGIN, PAGE_H - MARGIN - 30,
               PAGE_W - 2 * MARGIN, 10, FALSE, FALSE);
  else
    draw_text (r, _("Engagements of the posts published in the period, by the hour they went out; the best slot is outlined."),
               MARGIN, PAGE_H - MARGIN - 30, PAGE_W - 2 * MARGIN, 10, FALSE, FALSE);
}

static void
page_recommendations (Report *r)
{
  g_autofree char *text = g_strstrip (g_strdup (r->recommendations));
  double y;

  y = begin_page (r, _("Recommendations"));
  cairo_set_source_rgb (r->cr, 0.12, 0.12, 0.12);
  if (*text == '\0')
    {
      cairo_set_source_rgb (r->cr, 0.37, 0.37, 0.37);
      draw_text (r, _("No recommendations were written for this period."), MARGIN, y, PAGE_W - 2 * MARGIN, 12,
                 FALSE, FALSE);
    }
  else
    draw_text (r, text, MARGIN, y, PAGE_W - 2 * MARGIN, 12, FALSE, FALSE);
}

static void
brand_colour (DeskBrand *brand,
              double     rgb[3])
{
  g_auto(GStrv) colours = g_strsplit (desk_brand_get_palette (brand) ? desk_brand_get_palette (brand) : "", ";", -1);
  DeskColour c = { 0x00, 0x72, 0xb2 };

  if (colours[0] != NULL)
    desk_colour_parse (g_strstrip (colours[0]), &c, NULL);
  rgb[0] = c.red / 255.0;
  rgb[1] = c.green / 255.0;
  rgb[2] = c.blue / 255.0;
}

/* Reads everything the pages show */
static gboolean
read_report (Report                 *r,
             DeskStore              *store,
             gint64                  brand_id,
             const DeskReportPeriod *period,
             GError                **error)
{
  g_autoptr(DeskBrand) brand = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(DeskChart) impressions = NULL;
  guint n;

  if (!resolve_period (period, &r->from_day, &r->to_day, &r->compare_from, &r->compare_to, error) ||
      (brand = desk_store_get_brand (store, brand_id, error)) == NULL ||
      (channels = desk_store_list_channels (store, brand_id, error)) == NULL ||
      (r->objectives = desk_store_list_objectives (store, brand_id, error)) == NULL ||
      !desk_kpi_query (store, brand_id, 0, r->from_day, r->to_day, &r->current, error) ||
      !desk_kpi_query (store, brand_id, 0, r->compare_from, r->compare_to, &r->previous, error) ||
      (impressions = series_chart (store, brand_id, 0, DESK_CHART_AREA, _("Impressions per day"),
                                   _("Impressions"), "impressions", r->from_day, r->to_day, error)) == NULL ||
      (r->heatmap = heatmap_chart (store, brand_id, r->from_day, r->to_day, error)) == NULL ||
      (r->top_posts = desk_store_query_top_posts (store, brand_id, r->from_day, r->to_day, TOP_POSTS,
                                                  error)) == NULL ||
      (r->recommendations = desk_store_dup_report_recommendations (store, brand_id, r->from_day, r->to_day,
                                                                   error)) == NULL)
    return FALSE;
  r->brand_name = g_strdup (desk_brand_get_name (brand));
  brand_colour (brand, r->brand_rgb);
  r->logo = load_logo (store, brand);

  r->overview = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (r->overview, g_steal_pointer (&impressions));
  if (!add_channel_charts (store, brand_id, channels, r->from_day, r->to_day, FALSE, r->overview, error))
    return FALSE;
  /* The overview shows impressions, followers and engagements per
   * channel, and the share per network: not the months' stack */
  g_ptr_array_remove_index (r->overview, 3);

  n = g_list_model_get_n_items (channels);
  r->channels = g_ptr_array_new_with_free_func ((GDestroyNotify) channel_page_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      ChannelPage *p = read_channel_page (store, r, brand_id, channel, error);

      if (p == NULL)
        return FALSE;
      g_ptr_array_add (r->channels, p);
    }
  return TRUE;
}

struct _DeskReportPages
{
  Report r;
};

/**
 * desk_report_pages_new:
 *
 * Reads the brand's client report for the period: its cover, executive
 * summary, overview, a page per channel, top posts, best times and
 * recommendations. Drawing its pages then reads nothing from @store, so
 * they may be drawn on another thread (one at a time).
 *
 * Returns: (transfer full) (nullable): the report's pages
 */
DeskReportPages *
desk_report_pages_new (DeskStore              *store,
                       gint64                  brand_id,
                       const DeskReportPeriod *period,
                       GError                **error)
{
  g_autoptr(DeskReportPages) self = g_new0 (DeskReportPages, 1);

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  if (!read_report (&self->r, store, brand_id, period, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
desk_report_pages_free (DeskReportPages *self)
{
  if (self == NULL)
    return;
  report_clear (&self->r);
  g_free (self);
}

/* Cover, summary, overview, the channels, top posts, best times,
 * recommendations */
guint
desk_report_pages_get_n_pages (DeskReportPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return 6 + self->r.channels->len;
}

/**
 * desk_report_pages_get_size:
 *
 * The size of every page, in points (A4 landscape)
 */
void
desk_report_pages_get_size (double *width,
                            double *height)
{
  if (width != NULL)
    *width = PAGE_W;
  if (height != NULL)
    *height = PAGE_H;
}

/**
 * desk_report_pages_draw:
 * @index: from 0
 *
 * Draws the page @index in the rectangle (0, 0) of the page's size (in
 * points, desk_report_pages_get_size ()) of @cr, which is left as it was:
 * the PDF, the printout and the presentation draw the same pages.
 */
void
desk_report_pages_draw (DeskReportPages *self,
                        cairo_t         *cr,
                        guint            index)
{
  Report *r;
  guint n_channels;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (index < desk_report_pages_get_n_pages (self));

  r = &self->r;
  n_channels = r->channels->len;
  cairo_save (cr);
  r->cr = cr;
  r->layout = pango_cairo_create_layout (cr);
  r->page = index + 1;

  if (index == 0)
    page_cover (r);
  else if (index == 1)
    page_summary (r);
  else if (index == 2)
    page_overview (r);
  else if (index < 3 + n_channels)
    page_channel (r, g_ptr_array_index (r->channels, index - 3));
  else if (index == 3 + n_channels)
    page_top_posts (r);
  else if (index == 4 + n_channels)
    page_best_times (r);
  else
    page_recommendations (r);

  g_clear_object (&r->layout);
  r->cr = NULL;
  cairo_restore (cr);
}

/**
 * desk_report_pages_write_pdf:
 * @n_pages: (out) (optional): how many pages were written
 *
 * Writes the pages to @path (replaced only once the whole report is
 * written). Reads nothing from the store: may run on another thread.
 */
gboolean
desk_report_pages_write_pdf (DeskReportPages  *self,
                             const char       *path,
                             guint            *n_pages,
                             GError          **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tmp = g_strconcat (path, ".part", NULL);
  surface = cairo_pdf_surface_create (tmp, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->r.brand_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CommunityDesk");
  cr = cairo_create (surface);
  n = desk_report_pages_get_n_pages (self);
  for (guint i = 0; i < n; i++)
    {
      desk_report_pages_draw (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the report “%s”: %s"), path,
                   cairo_status_to_string (status));
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Cannot write the report “%s”: %s"),
                   path, g_strerror (saved_errno));
      g_unlink (tmp);
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = n;
  return TRUE;
}

/**
 * desk_report_export_pdf:
 * @n_pages: (out) (optional): how many pages were written
 *
 * Writes the brand's client report for the period to @path (replaced only
 * once the whole report is written).
 */
gboolean
desk_report_export_pdf (DeskStore              *store,
                        gint64                  brand_id,
                        const DeskReportPeriod *period,
                        const char             *path,
                        guint                  *n_pages,
                        GError                **error)
{
  g_autoptr(DeskReportPages) pages = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((pages = desk_report_pages_new (store, brand_id, period, error)) == NULL)
    return FALSE;
  return desk_report_pages_write_pdf (pages, path, n_pages, error);
}
