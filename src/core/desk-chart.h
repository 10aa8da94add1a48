/* desk-chart.h: the app's charts, drawn on any cairo_t (screen, PNG, PDF,
 * print), each with its text alternative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DESK_CHART_LINE,          /* series over days */
  DESK_CHART_AREA,          /* the same, filled */
  DESK_CHART_BARS,          /* a value per category (and series, side by side) */
  DESK_CHART_STACKED_BARS,  /* series stacked per category */
  DESK_CHART_DONUT,         /* the first series' share per category */
  DESK_CHART_HEATMAP,       /* weekday × hour */
  DESK_CHART_GAUGE,         /* a value against a target */
  DESK_CHART_SPARKLINE,     /* one series, no axis, no text */
} DeskChartKind;

/* A value axis: from min to max by step, all "nice" numbers */
typedef struct
{
  double min;
  double max;
  double step;
} DeskChartRange;

typedef struct
{
  double  value;   /* a value, or a day as Unix time (UTC midnight) */
  char   *label;
} DeskChartTick;

/* One row of a chart's text alternative */
typedef struct
{
  char *label;
  char *value;
} DeskChartRow;

void        desk_chart_tick_free   (DeskChartTick        *tick);
void        desk_chart_row_free    (DeskChartRow         *row);
void        desk_chart_nice_range  (double                lo,
                                    double                hi,
                                    guint                 max_ticks,
                                    DeskChartRange       *range);
guint       desk_chart_range_count (const DeskChartRange *range);
GPtrArray  *desk_chart_date_ticks  (GDateTime            *first,
                                    GDateTime            *last,
                                    guint                 max_ticks);

#define DESK_TYPE_CHART (desk_chart_get_type ())
G_DECLARE_FINAL_TYPE (DeskChart, desk_chart, DESK, CHART, GObject)

DeskChart  *desk_chart_new               (DeskChartKind  kind,
                                          const char    *title);
DeskChartKind desk_chart_get_kind        (DeskChart     *self);
const char *desk_chart_get_title         (DeskChart     *self);
void        desk_chart_set_show_title    (DeskChart     *self,
                                          gboolean       show);
void        desk_chart_set_dark          (DeskChart     *self,
                                          gboolean       dark);
void        desk_chart_set_percent       (DeskChart     *self,
                                          gboolean       percent);
guint       desk_chart_add_series        (DeskChart     *self,
                                          const char    *label);
void        desk_chart_set_series_colour (DeskChart     *self,
                                          guint          series,
                                          const char    *colour);
void        desk_chart_add_point         (DeskChart     *self,
                                          guint          series,
                                          const char    *day,
                                          double         value);
void        desk_chart_set_categories    (DeskChart     *self,
                                          const char * const *labels);
void        desk_chart_set_value         (DeskChart     *self,
                                          guint          series,
                                          guint          category,
                                          double         value);
void        desk_chart_set_heat          (DeskChart     *self,
                                          guint          weekday,
                                          guint          hour,
                                          double         value);
void        desk_chart_set_gauge         (DeskChart     *self,
                                          double         value,
                                          double         target);
void        desk_chart_render            (DeskChart     *self,
                                          cairo_t       *cr,
                                          double         width,
                                          double         height);
GPtrArray  *desk_chart_dup_rows          (DeskChart     *self);
gboolean    desk_chart_get_spot          (DeskChart     *self,
                                          guint          row,
                                          double        *x,
                                          double        *y);
int         desk_chart_find_spot         (DeskChart     *self,
                                          double         x,
                                          double         y,
                                          double         radius);
void        desk_chart_get_series_rgb    (DeskChart     *self,
                                          guint          series,
                                          double         rgb[3]);
void        desk_chart_get_background_rgb (DeskChart    *self,
                                          double         rgb[3]);

G_END_DECLS
