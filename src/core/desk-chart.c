/* desk-chart.c: the app's charts, drawn on any cairo_t
 *
 * One module for the screen (a widget hands its snapshot's cairo_t), a
 * PNG, the client report's PDF and the printout, so that they all show
 * the same picture. Text is Pango's (real text in a PDF), shapes are
 * vectors.
 *
 * Colour is never the only cue: series take the Okabe–Ito colour-blind-safe
 * palette (the channels' own, desk_channel_safe_colours ()) and also a dash
 * (lines) or a hatch (bars), and are named next to what they mark (direct
 * labels, no legend to decode). Each chart gives its data as a table of
 * label/value rows: its text alternative, for screen readers and the
 * report's tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "desk-channel.h"
#include "desk-chart.h"
#include "desk-contrast.h"
#include "desk-format.h"

#define FONT_SIZE   9.0
#define PAD         8.0
#define MAX_TICKS   6

typedef struct
{
  char   *label;
  double  rgb[3];
  GArray *days;    /* (element-type double): Unix time of each point's day */
  GArray *values;  /* (element-type double): per point, or per category */
} Series;

struct _DeskChart
{
  GObject        parent_instance;

  DeskChartKind  kind;
  char          *title;
  gboolean       dark;
  gboolean       percent;
  GPtrArray     *series;      /* (element-type Series) */
  GStrv          categories;
  double         heat[7][24]; /* Monday first */
  double         gauge_value;
  double         gauge_target;
  gboolean       hide_title;  /* shown by what holds the chart (a card's heading) */
  GArray        *spots;       /* (element-type double): x, y of each row, from the last render */
};

G_DEFINE_FINAL_TYPE (DeskChart, desk_chart, G_TYPE_OBJECT)

/* Drawing state of one render */
typedef struct
{
  DeskChart   *chart;
  cairo_t     *cr;
  PangoLayout *layout;
  double       fg[3];
  double       muted[3];
  double       grid[3];
  double       bg[3];
  cairo_pattern_t *hatches[4];  /* made on first use */
} Ctx;

static void
series_free (Series *s)
{
  g_free (s->label);
  g_array_unref (s->days);
  g_array_unref (s->values);
  g_free (s);
}

static void
desk_chart_finalize (GObject *object)
{
  DeskChart *self = (DeskChart *) object;

  g_free (self->title);
  g_ptr_array_unref (self->series);
  g_strfreev (self->categories);
  g_array_unref (self->spots);

  G_OBJECT_CLASS (desk_chart_parent_class)->finalize (object);
}

static void
desk_chart_class_init (DeskChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_chart_finalize;
}

static void
desk_chart_init (DeskChart *self)
{
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  self->spots = g_array_new (FALSE, FALSE, sizeof (double));
}

/**
 * desk_chart_new:
 * @title: (nullable): what the chart shows, drawn above it
 */
DeskChart *
desk_chart_new (DeskChartKind  kind,
                const char    *title)
{
  DeskChart *self = g_object_new (DESK_TYPE_CHART, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  return self;
}

/**
 * desk_chart_get_title:
 *
 * Returns: (nullable): what the chart shows
 */
const char *
desk_chart_get_title (DeskChart *self)
{
  g_return_val_if_fail (DESK_IS_CHART (self), NULL);
  return self->title;
}

/**
 * desk_chart_set_show_title:
 *
 * Whether the title is drawn above the chart (by default); a widget that
 * shows it as its heading draws the chart without it.
 */
void
desk_chart_set_show_title (DeskChart *self,
                           gboolean   show)
{
  g_return_if_fail (DESK_IS_CHART (self));
  self->hide_title = !show;
}

DeskChartKind
desk_chart_get_kind (DeskChart *self)
{
  g_return_val_if_fail (DESK_IS_CHART (self), DESK_CHART_LINE);
  return self->kind;
}

/* Palette */

static void
palette_rgb (guint    index,
             gboolean dark,
             double   rgb[3])
{
  /* On a dark background the light colours first, on a light one the
   * dark ones first; yellow last on white, where it is faint */
  static const guint light_order[] = { 0, 1, 2, 3, 5, 4, 7, 6 };
  static const guint dark_order[] = { 4, 1, 2, 6, 5, 3, 0, 7 };
  guint n;
  const DeskSafeColour *colours = desk_channel_safe_colours (&n);
  DeskColour c = { 0, 0, 0 };
  guint i = (dark ? dark_order : light_order)[index % G_N_ELEMENTS (light_order)];

  desk_colour_parse (colours[MIN (i, n - 1)].colour, &c, NULL);
  rgb[0] = c.red / 255.0;
  rgb[1] = c.green / 255.0;
  rgb[2] = c.blue / 255.0;
}

void
desk_chart_set_dark (DeskChart *self,
                     gboolean   dark)
{
  g_return_if_fail (DESK_IS_CHART (self));

  self->dark = !!dark;
  for (guint i = 0; i < self->series->len; i++)
    palette_rgb (i, self->dark, ((Series *) g_ptr_array_index (self->series, i))->rgb);
}

/* Values are ratios, shown as percentages */
void
desk_chart_set_percent (DeskChart *self,
                        gboolean   percent)
{
  g_return_if_fail (DESK_IS_CHART (self));
  self->percent = !!percent;
}

guint
desk_chart_add_series (DeskChart  *self,
                       const char *label)
{
  Series *s;

  g_return_val_if_fail (DESK_IS_CHART (self), 0);

  s = g_new0 (Series, 1);
  s->label = g_strdup (label ? label : "");
  s->days = g_array_new (FALSE, TRUE, sizeof (double));
  s->values = g_array_new (FALSE, TRUE, sizeof (double));
  palette_rgb (self->series->len, self->dark, s->rgb);
  g_ptr_array_add (self->series, s);
  return self->series->len - 1;
}

static Series *
get_series (DeskChart *self,
            guint      series)
{
  g_return_val_if_fail (series < self->series->len, NULL);
  return g_ptr_array_index (self->series, series);
}

/* @colour: #rrggbb, e.g. the channel's own; a bad one is ignored */
void
desk_chart_set_series_colour (DeskChart  *self,
                              guint       series,
                              const char *colour)
{
  Series *s;
  DeskColour c;

  g_return_if_fail (DESK_IS_CHART (self));
  if ((s = get_series (self, series)) == NULL || !desk_colour_parse (colour, &c, NULL))
    return;
  s->rgb[0] = c.red / 255.0;
  s->rgb[1] = c.green / 255.0;
  s->rgb[2] = c.blue / 255.0;
}

/* @day: YYYY-MM-DD; a bad day or value is left out */
void
desk_chart_add_point (DeskChart  *self,
                      guint       series,
                      const char *day,
                      double      value)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) at = NULL;
  Series *s;
  double x;

  g_return_if_fail (DESK_IS_CHART (self));
  if ((s = get_series (self, series)) == NULL || day == NULL || !isfinite (value))
    return;
  iso = g_strconcat (day, "T00:00:00Z", NULL);
  if ((at = g_date_time_new_from_iso8601 (iso, NULL)) == NULL)
    return;
  x = (double) g_date_time_to_unix (at);
  g_array_append_val (s->days, x);
  g_array_append_val (s->values, value);
}

void
desk_chart_set_categories (DeskChart          *self,
                           const char * const *labels)
{
  g_return_if_fail (DESK_IS_CHART (self));
  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **) labels);
}

static guint
n_categories (DeskChart *self)
{
  return self->categories ? g_strv_length (self->categories) : 0;
}

void
desk_chart_set_value (DeskChart *self,
                      guint      series,
                      guint      category,
                      double     value)
{
  Series *s;

  g_return_if_fail (DESK_IS_CHART (self));
  if ((s = get_series (self, series)) == NULL || !isfinite (value))
    return;
  if (s->values->len <= category)
    g_array_set_size (s->values, category + 1);
  g_array_index (s->values, double, category) = value;
}

/* @weekday: 0 for Monday to 6 for Sunday; @hour: 0 to 23 */
void
desk_chart_set_heat (DeskChart *self,
                     guint      weekday,
                     guint      hour,
                     double     value)
{
  g_return_if_fail (DESK_IS_CHART (self));
  if (weekday < 7 && hour < 24 && isfinite (value))
    self->heat[weekday][hour] = value;
}

void
desk_chart_set_gauge (DeskChart *self,
                      double     value,
                      double     target)
{
  g_return_if_fail (DESK_IS_CHART (self));
  self->gauge_value = isfinite (value) ? value : 0;
  self->gauge_target = isfinite (target) ? target : 0;
}

void
desk_chart_get_series_rgb (DeskChart *self,
                           guint      series,
                           double     rgb[3])
{
  Series *s;

  g_return_if_fail (DESK_IS_CHART (self));
  if ((s = get_series (self, series)) != NULL)
    memcpy (rgb, s->rgb, sizeof s->rgb);
}

void
desk_chart_get_background_rgb (DeskChart *self,
                               double     rgb[3])
{
  g_return_if_fail (DESK_IS_CHART (self));
  rgb[0] = rgb[1] = rgb[2] = self->dark ? 0x24 / 255.0 : 1.0;
}

/* Values as text */

static char *
format_value (DeskChart *self,
              double     value)
{
  if (self->percent)
    /* Translators: a percentage in a chart; %.1f is its number */
    return g_strdup_printf (_("%.1f %%"), 100.0 * value);
  if (fabs (value - round (value)) < 1e-9 || fabs (value) >= 1000)
    return desk_format_count ((gint64) llround (value));
  return g_strdup_printf ("%'.2f", value);
}

static char *
format_day (double unix_day)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc ((gint64) unix_day);

  /* Translators: a day in a chart's data table (g_date_time_format: 3 Jan 2026) */
  return day ? g_date_time_format (day, _("%-d %b %Y")) : g_strdup ("");
}

static char *
weekday_name (guint weekday,
              gboolean abbreviated)
{
  /* 2024-01-01 was a Monday */
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 1, 1 + (int) weekday, 0, 0, 0);

  return g_date_time_format (monday, abbreviated ? "%a" : "%A");
}

/* Drawing helpers */

static void
set_rgb (cairo_t      *cr,
         const double  rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

/* Where the next row of the text alternative is drawn */
static void
add_spot (DeskChart *self,
          double     x,
          double     y)
{
  g_array_append_val (self->spots, x);
  g_array_append_val (self->spots, y);
}

static void
ctx_init (Ctx       *ctx,
          DeskChart *chart,
          cairo_t   *cr)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  ctx->chart = chart;
  ctx->cr = cr;
  ctx->layout = pango_cairo_create_layout (cr);
  pango_font_description_set_absolute_size (font, FONT_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (ctx->layout, font);
  desk_chart_get_background_rgb (chart, ctx->bg);
  for (int i = 0; i < 3; i++)
    {
      ctx->fg[i] = chart->dark ? 1.0 : 0x1e / 255.0;
      ctx->muted[i] = chart->dark ? 0xc0 / 255.0 : 0x5e / 255.0;
      ctx->grid[i] = chart->dark ? 0x48 / 255.0 : 0xde / 255.0;
    }
}

/* Draws @text with its box's @ax, @ay point (0 left/top … 1 right/bottom)
 * at @x, @y; returns its width */
static double
text_fit (Ctx          *ctx,
          const char   *text,
          double        x,
          double        y,
          double        ax,
          double        ay,
          const double  rgb[3],
          gboolean      bold,
          double        max_width)
{
  PangoRectangle logical;
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (ctx->layout, attrs);
  /* Too long: cut with an ellipsis (the text alternative has it whole) */
  pango_layout_set_width (ctx->layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (ctx->layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (ctx->layout, text, -1);
  pango_layout_get_pixel_extents (ctx->layout, NULL, &logical);
  set_rgb (ctx->cr, rgb);
  cairo_move_to (ctx->cr, x - ax * logical.width, y - ay * logical.height);
  pango_cairo_show_layout (ctx->cr, ctx->layout);
  pango_layout_set_width (ctx->layout, -1);
  pango_layout_set_ellipsize (ctx->layout, PANGO_ELLIPSIZE_NONE);
  return logical.width;
}

static double
text_at (Ctx          *ctx,
         const char   *text,
         double        x,
         double        y,
         double        ax,
         double        ay,
         const double  rgb[3],
         gboolean      bold)
{
  return text_fit (ctx, text, x, y, ax, ay, rgb, bold, 0);
}

static double
text_width (Ctx        *ctx,
            const char *text)
{
  PangoRectangle logical;

  pango_layout_set_attributes (ctx->layout, NULL);
  pango_layout_set_text (ctx->layout, text, -1);
  pango_layout_get_pixel_extents (ctx->layout, NULL, &logical);
  return logical.width;
}

/* Non-colour cues: a dash per line series, a hatch per bar series */
static void
set_dash (cairo_t *cr,
          guint    series)
{
  static const double patterns[][2] = { { 0, 0 }, { 6, 3 }, { 2, 2 }, { 8, 2 }, { 1, 3 } };
  guint p = series % G_N_ELEMENTS (patterns);

  if (p == 0)
    cairo_set_dash (cr, NULL, 0, 0);
  else
    cairo_set_dash (cr, patterns[p], 2, 0);
}

/* Lines of the background's colour every 7 units: /, \\ or both; a
 * vector tile (a recording surface), a tiling pattern in a PDF */
static cairo_pattern_t *
hatch_pattern (Ctx   *ctx,
               guint  hatch)
{
  if (ctx->hatches[hatch] == NULL)
    {
      cairo_rectangle_t extents = { 0, 0, 7, 7 };
      cairo_surface_t *tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cairo_t *t = cairo_create (tile);

      cairo_set_source_rgba (t, ctx->bg[0], ctx->bg[1], ctx->bg[2], 0.7);
      cairo_set_line_width (t, 1.5);
      if (hatch == 1 || hatch == 3)
        {
          cairo_move_to (t, -1, 8);
          cairo_line_to (t, 8, -1);
        }
      if (hatch == 2 || hatch == 3)
        {
          cairo_move_to (t, -1, -1);
          cairo_line_to (t, 8, 8);
        }
      cairo_stroke (t);
      cairo_destroy (t);
      ctx->hatches[hatch] = cairo_pattern_create_for_surface (tile);
      cairo_pattern_set_extend (ctx->hatches[hatch], CAIRO_EXTEND_REPEAT);
      cairo_surface_destroy (tile);
    }
  return ctx->hatches[hatch];
}

static void
fill_hatched (Ctx          *ctx,
              const double  rgb[3],
              guint         series,
              double        x,
              double        y,
              double        w,
              double        h)
{
  cairo_t *cr = ctx->cr;
  guint hatch = series % 4;

  if (w <= 0 || h <= 0)
    return;
  set_rgb (cr, rgb);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  if (hatch == 0)
    return;
  cairo_set_source (cr, hatch_pattern (ctx, hatch));
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

static void
swatch (Ctx          *ctx,
        const double  rgb[3],
        guint         series,
        double        x,
        double        y)
{
  fill_hatched (ctx, rgb, series, x, y, 10, 10);
}

/* The title; returns the height it took */
static double
draw_title (Ctx    *ctx,
            double  width)
{
  if (ctx->chart->title == NULL || *ctx->chart->title == '\0' || ctx->chart->hide_title)
    return 0;
  text_at (ctx, ctx->chart->title, PAD, PAD, 0, 0, ctx->fg, TRUE);
  return FONT_SIZE * 1.6 + PAD;
}

/* A value axis with its grid on [top, bottom] of the plot; returns the
 * left edge of the plot */
static double
draw_value_axis (Ctx                  *ctx,
                 const DeskChartRange *range,
                 double                left,
                 double                right,
                 double                top,
                 double                bottom)
{
  guint n = desk_chart_range_count (range);
  double label_w = 0, plot_left;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = format_value (ctx->chart, range->min + i * range->step);
      label_w = MAX (label_w, text_width (ctx, label));
    }
  plot_left = left + label_w + 6;

  cairo_set_line_width (ctx->cr, 1);
  for (guint i = 0; i < n; i++)
    {
      double v = range->min + i * range->step;
      double y = bottom - (v - range->min) / (range->max - range->min) * (bottom - top);
      g_autofree char *label = format_value (ctx->chart, v);

      set_rgb (ctx->cr, ctx->grid);
      cairo_move_to (ctx->cr, plot_left, round (y) + 0.5);
      cairo_line_to (ctx->cr, right, round (y) + 0.5);
      cairo_stroke (ctx->cr);
      text_at (ctx, label, plot_left - 4, y, 1, 0.5, ctx->muted, FALSE);
    }
  return plot_left;
}

static void
series_extent (DeskChart *self,
               double    *lo,
               double    *hi,
               double    *first_day,
               double    *last_day)
{
  *lo = G_MAXDOUBLE;
  *hi = -G_MAXDOUBLE;
  *first_day = G_MAXDOUBLE;
  *last_day = -G_MAXDOUBLE;
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);

      for (guint k = 0; k < s->values->len; k++)
        {
          double v = g_array_index (s->values, double, k);

          *lo = MIN (*lo, v);
          *hi = MAX (*hi, v);
          if (k < s->days->len)
            {
              *first_day = MIN (*first_day, g_array_index (s->days, double, k));
              *last_day = MAX (*last_day, g_array_index (s->days, double, k));
            }
        }
    }
}

static gboolean
has_values (DeskChart *self)
{
  for (guint i = 0; i < self->series->len; i++)
    if (((Series *) g_ptr_array_index (self->series, i))->values->len > 0)
      return TRUE;
  return FALSE;
}

static void
draw_empty (Ctx    *ctx,
            double  width,
            double  height)
{
  text_at (ctx, _("No data for this period"), width / 2, height / 2, 0.5, 0.5, ctx->muted, FALSE);
}

/* Line, area and sparkline */

typedef struct
{
  double left, right, top, bottom;
  double first, last;      /* days, as Unix time */
  double min, max;         /* values */
} Frame;

/* The series' path; more points than pixels are thinned to each pixel
 * column's first, lowest, highest and last (what the eye sees of them) */
static void
trace_series (cairo_t     *cr,
              Series      *s,
              const Frame *f,
              double      *x_first,
              double      *x_last,
              double      *y_last)
{
  guint n = s->values->len;
  gboolean thin = n > 4 * (f->right - f->left);
  double column = -1, col_first = 0, col_last = 0, lo = 0, hi = 0;
  guint lo_k = 0, hi_k = 0;

  cairo_new_path (cr);
  for (guint k = 0; k < n; k++)
    {
      double x = f->left + (g_array_index (s->days, double, k) - f->first) / (f->last - f->first) * (f->right - f->left);
      double y = f->bottom - (g_array_index (s->values, double, k) - f->min) / (f->max - f->min) * (f->bottom - f->top);

      if (k == 0)
        *x_first = x;
      *x_last = x;
      *y_last = y;
      if (!thin)
        {
          cairo_line_to (cr, x, y);
          continue;
        }
      if (floor (x) != column)
        {
          if (column >= 0)
            {
              cairo_line_to (cr, column, lo_k < hi_k ? lo : hi);
              cairo_line_to (cr, column, lo_k < hi_k ? hi : lo);
              cairo_line_to (cr, column, col_last);
            }
          column = floor (x);
          col_first = lo = hi = y;
          lo_k = hi_k = k;
          cairo_line_to (cr, column, col_first);
        }
      if (y < lo)
        lo = y, lo_k = k;
      if (y > hi)
        hi = y, hi_k = k;
      col_last = y;
    }
  if (thin && column >= 0)
    {
      cairo_line_to (cr, column, lo_k < hi_k ? lo : hi);
      cairo_line_to (cr, column, lo_k < hi_k ? hi : lo);
      cairo_line_to (cr, *x_last, *y_last);
    }
}

static void
draw_time (Ctx    *ctx,
           double  width,
           double  height)
{
  DeskChart *self = ctx->chart;
  cairo_t *cr = ctx->cr;
  gboolean spark = self->kind == DESK_CHART_SPARKLINE;
  double lo, hi, first, last, top, bottom, left, right, label_w = 0;
  DeskChartRange range;

  if (!has_values (self))
    {
      if (!spark)
        draw_empty (ctx, width, height);
      return;
    }
  series_extent (self, &lo, &hi, &first, &last);
  if (last <= first)
    last = first + G_TIME_SPAN_DAY / G_USEC_PER_SEC;

  if (spark)
    {
      range.min = lo;
      range.max = hi > lo ? hi : lo + 1;
      top = 2;
      bottom = height - 2;
      left = 2;
      right = width - 4;
    }
  else
    {
      g_autoptr(GDateTime) first_day = g_date_time_new_from_unix_utc ((gint64) first);
      g_autoptr(GDateTime) last_day = g_date_time_new_from_unix_utc ((gint64) last);
      g_autoptr(GPtrArray) ticks = desk_chart_date_ticks (first_day, last_day, MAX (2, (guint) (width / 70)));

      desk_chart_nice_range (MIN (lo, 0), hi, MAX_TICKS, &range);
      top = draw_title (ctx, width) + PAD;
      bottom = height - PAD - FONT_SIZE * 1.6;
      /* Room for the direct labels at the lines' ends */
      for (guint i = 0; i < self->series->len; i++)
        label_w = MAX (label_w, text_width (ctx, ((Series *) g_ptr_array_index (self->series, i))->label));
      right = width - PAD - MIN (label_w + 6, width / 3);
      left = draw_value_axis (ctx, &range, PAD, right, top, bottom);

      for (guint i = 0; i < ticks->len; i++)
        {
          DeskChartTick *tick = g_ptr_array_index (ticks, i);
          double x = left + (tick->value - first) / (last - first) * (right - left);

          set_rgb (cr, ctx->grid);
          cairo_move_to (cr, round (x) + 0.5, bottom);
          cairo_line_to (cr, round (x) + 0.5, bottom + 4);
          cairo_stroke (cr);
          text_at (ctx, tick->label, x, bottom + 5, 0.5, 0, ctx->muted, FALSE);
        }
    }

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);
      Frame frame = { left, right, top, bottom, first, last, range.min, range.max };
      double x = 0, y = 0, x0;

      if (s->values->len == 0)
        continue;
      for (guint k = 0; k < s->values->len; k++)
        add_spot (self,
                  left + (g_array_index (s->days, double, k) - first) / (last - first) * (right - left),
                  bottom - (g_array_index (s->values, double, k) - range.min) / (range.max - range.min) * (bottom - top));
      trace_series (cr, s, &frame, &x0, &x, &y);
      if (self->kind == DESK_CHART_AREA)
        {
          cairo_save (cr);
          cairo_line_to (cr, x, bottom);
          cairo_line_to (cr, x0, bottom);
          cairo_close_path (cr);
          cairo_set_source_rgba (cr, s->rgb[0], s->rgb[1], s->rgb[2], 0.3);
          /* Its edge is under the line: no need to smooth it */
          cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
          cairo_fill (cr);
          cairo_restore (cr);
          trace_series (cr, s, &frame, &x0, &x, &y);
        }
      set_rgb (cr, s->rgb);
      cairo_set_line_width (cr, spark ? 1.5 : 2);
      /* A sparkline's joins are too small to see */
      cairo_set_line_join (cr, spark ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND);
      set_dash (cr, spark ? 0 : i);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* The last point, marked, and the series named next to it */
      cairo_arc (cr, x, y, spark ? 2 : 3, 0, 2 * G_PI);
      cairo_fill (cr);
      if (!spark)
        text_fit (ctx, s->label, x + 6, y, 0, 0.5, ctx->fg, FALSE, width - x - 6);
    }
}

/* Bars and stacked bars */

static void
draw_bars (Ctx    *ctx,
           double  width,
           double  height)
{
  DeskChart *self = ctx->chart;
  cairo_t *cr = ctx->cr;
  gboolean stacked = self->kind == DESK_CHART_STACKED_BARS;
  guint n_cat = n_categories (self), n_series = self->series->len;
  double lo = 0, hi = 0, top, bottom, left, right, band, bar_w, legend_y;
  DeskChartRange range;

  if (n_cat == 0 || !has_values (self))
    {
      draw_empty (ctx, width, height);
      return;
    }
  for (guint c = 0; c < n_cat; c++)
    {
      double pos = 0, neg = 0;

      for (guint i = 0; i < n_series; i++)
        {
          Series *s = g_ptr_array_index (self->series, i);
          double v = c < s->values->len ? g_array_index (s->values, double, c) : 0;

          if (stacked)
            *(v >= 0 ? &pos : &neg) += v;
          else
            {
              hi = MAX (hi, v);
              lo = MIN (lo, v);
            }
        }
      if (stacked)
        {
          hi = MAX (hi, pos);
          lo = MIN (lo, neg);
        }
    }
  desk_chart_nice_range (lo, hi, MAX_TICKS, &range);

  top = draw_title (ctx, width) + PAD + FONT_SIZE * 1.4;
  legend_y = top - FONT_SIZE * 1.4;
  /* A legend, then the values written above the bars: each its own line */
  if (n_series > 1)
    top += FONT_SIZE * 1.4;
  bottom = height - PAD - FONT_SIZE * 1.6;
  right = width - PAD;
  left = draw_value_axis (ctx, &range, PAD, right, top, bottom);
  band = (right - left) / n_cat;
  bar_w = stacked || n_series == 0 ? band * 0.6 : band * 0.7 / n_series;

  /* A legend with each series' colour and hatch, when there are several */
  if (n_series > 1)
    {
      double x = left;

      for (guint i = 0; i < n_series; i++)
        {
          Series *s = g_ptr_array_index (self->series, i);

          swatch (ctx, s->rgb, i, x, legend_y);
          x += 14 + text_at (ctx, s->label, x + 14, legend_y + 5, 0, 0.5, ctx->fg, FALSE) + 12;
        }
    }

  for (guint c = 0; c < n_cat; c++)
    {
      double x0 = left + c * band + (band - (stacked ? bar_w : bar_w * n_series)) / 2;
      double zero = bottom - (0 - range.min) / (range.max - range.min) * (bottom - top);
      double pos = 0, neg = 0, total = 0;

      for (guint i = 0; i < n_series; i++)
        {
          Series *s = g_ptr_array_index (self->series, i);
          double v = c < s->values->len ? g_array_index (s->values, double, c) : 0;
          double base = stacked ? (v >= 0 ? pos : neg) : 0;
          double y0 = bottom - (base - range.min) / (range.max - range.min) * (bottom - top);
          double y1 = bottom - (base + v - range.min) / (range.max - range.min) * (bottom - top);
          double x = stacked ? x0 : x0 + i * bar_w;

          fill_hatched (ctx, s->rgb, i, x + 1, MIN (y0, y1), bar_w - 2, fabs (y1 - y0));
          add_spot (self, x + bar_w / 2, (y0 + y1) / 2);
          if (stacked)
            *(v >= 0 ? &pos : &neg) += v;
          else
            {
              /* Each bar's value on it: colour is not needed to read it */
              g_autofree char *label = format_value (self, v);
              if (text_width (ctx, label) <= band)
                text_at (ctx, label, x + bar_w / 2, MIN (y0, y1) - 2, 0.5, 1, ctx->fg, FALSE);
            }
          total += v;
        }
      if (stacked)
        {
          g_autofree char *label = format_value (self, total);
          double y = bottom - (pos - range.min) / (range.max - range.min) * (bottom - top);

          text_at (ctx, label, x0 + bar_w / 2, y - 2, 0.5, 1, ctx->fg, FALSE);
        }
      set_rgb (cr, ctx->muted);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, left, round (zero) + 0.5);
      cairo_line_to (cr, right, round (zero) + 0.5);
      cairo_stroke (cr);
      text_fit (ctx, self->categories[c], left + c * band + band / 2, bottom + 4, 0.5, 0, ctx->muted, FALSE, band - 4);
    }
}

/* Donut: the first series' share per category */

static void
draw_donut (Ctx    *ctx,
            double  width,
            double  height)
{
  DeskChart *self = ctx->chart;
  cairo_t *cr = ctx->cr;
  Series *s = self->series->len > 0 ? g_ptr_array_index (self->series, 0) : NULL;
  guint n_cat = n_categories (self);
  double total = 0, angle = -G_PI / 2, top, cx, cy, r;

  for (guint c = 0; s != NULL && c < MIN (n_cat, s->values->len); c++)
    total += MAX (g_array_index (s->values, double, c), 0);
  if (total <= 0)
    {
      draw_empty (ctx, width, height);
      return;
    }
  top = draw_title (ctx, width);
  cx = width / 2;
  cy = top + (height - top) / 2;
  r = MAX (MIN (width / 2 - 110, (height - top) / 2 - PAD - FONT_SIZE), 10);

  for (guint c = 0; c < MIN (n_cat, s->values->len); c++)
    {
      double v = MAX (g_array_index (s->values, double, c), 0);
      double sweep = v / total * 2 * G_PI, mid = angle + sweep / 2;
      double rgb[3];
      g_autofree char *label = NULL;

      add_spot (self, cx + cos (mid) * r * 0.8, cy + sin (mid) * r * 0.8);
      if (v <= 0)
        continue;
      palette_rgb (c, self->dark, rgb);
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r, angle, angle + sweep);
      cairo_arc_negative (cr, cx, cy, r * 0.6, angle + sweep, angle);
      cairo_close_path (cr);
      set_rgb (cr, rgb);
      cairo_fill_preserve (cr);
      /* Slices parted by the background: neighbours never merge */
      set_rgb (cr, ctx->bg);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);

      /* Its name and share beside it */
      /* Translators: a slice of a donut chart: its name and its share */
      label = g_strdup_printf (_("%s %.0f %%"), self->categories[c], 100.0 * v / total);
      set_rgb (cr, ctx->muted);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, cx + cos (mid) * r, cy + sin (mid) * r);
      cairo_line_to (cr, cx + cos (mid) * (r + 8), cy + sin (mid) * (r + 8));
      cairo_stroke (cr);
      text_at (ctx, label, cx + cos (mid) * (r + 10), cy + sin (mid) * (r + 10),
               cos (mid) >= 0 ? 0 : 1, 0.5, ctx->fg, FALSE);
      angle += sweep;
    }
}

/* Best-time heatmap: weekday × hour */

static void
draw_heatmap (Ctx    *ctx,
              double  width,
              double  height)
{
  DeskChart *self = ctx->chart;
  cairo_t *cr = ctx->cr;
  double top, left, cell_w, cell_h, max = 0, label_w = 0, base[3];
  guint best_d = 0, best_h = 0;

  palette_rgb (0, self->dark, base);
  for (guint d = 0; d < 7; d++)
    for (guint h = 0; h < 24; h++)
      if (self->heat[d][h] > max)
        {
          max = self->heat[d][h];
          best_d = d;
          best_h = h;
        }

  top = draw_title (ctx, width) + PAD;
  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *name = weekday_name (d, TRUE);
      label_w = MAX (label_w, text_width (ctx, name));
    }
  left = PAD + label_w + 6;
  cell_w = (width - PAD - left) / 24;
  cell_h = (height - top - PAD - FONT_SIZE * 1.6) / 7;

  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *name = weekday_name (d, TRUE);

      text_at (ctx, name, left - 4, top + (d + 0.5) * cell_h, 1, 0.5, ctx->muted, FALSE);
      for (guint h = 0; h < 24; h++)
        {
          double t = max > 0 ? self->heat[d][h] / max : 0;

          /* From the background to the palette's first colour: one hue,
           * lightness carries the value */
          cairo_set_source_rgb (cr, ctx->bg[0] + (base[0] - ctx->bg[0]) * t, ctx->bg[1] + (base[1] - ctx->bg[1]) * t,
                                ctx->bg[2] + (base[2] - ctx->bg[2]) * t);
          cairo_rectangle (cr, left + h * cell_w + 0.5, top + d * cell_h + 0.5, cell_w - 1, cell_h - 1);
          cairo_fill (cr);
          if (self->heat[d][h] > 0)
            add_spot (self, left + (h + 0.5) * cell_w, top + (d + 0.5) * cell_h);
        }
    }
  for (guint h = 0; h < 24; h += 3)
    {
      g_autofree char *hour = g_strdup_printf ("%u", h);
      text_at (ctx, hour, left + (h + 0.5) * cell_w, top + 7 * cell_h + 3, 0.5, 0, ctx->muted, FALSE);
    }
  /* The best slot outlined: found without reading colours */
  if (max > 0)
    {
      set_rgb (cr, ctx->fg);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, left + best_h * cell_w + 1, top + best_d * cell_h + 1, cell_w - 2, cell_h - 2);
      cairo_stroke (cr);
    }
}

/* Goal gauge */

static void
draw_gauge (Ctx    *ctx,
            double  width,
            double  height)
{
  DeskChart *self = ctx->chart;
  cairo_t *cr = ctx->cr;
  double top = draw_title (ctx, width);
  double cx = width / 2, cy = height - PAD - FONT_SIZE * 2.5;
  double r = MAX (MIN (width / 2 - PAD, cy - top - PAD), 8);
  double share = self->gauge_target > 0 ? CLAMP (self->gauge_value / self->gauge_target, 0, 1) : 0;
  double rgb[3];
  g_autofree char *value = format_value (self, self->gauge_value);
  g_autofree char *target = format_value (self, self->gauge_target);
  g_autofree char *caption = NULL;

  add_spot (self, cx, cy - r * 0.5);
  palette_rgb (share >= 1 ? 2 : 1, self->dark, rgb);
  /* No line from where the title's text left the current point */
  cairo_new_path (cr);
  cairo_set_line_width (cr, r * 0.25);
  set_rgb (cr, ctx->grid);
  cairo_arc (cr, cx, cy, r * 0.85, G_PI, 2 * G_PI);
  cairo_stroke (cr);
  if (share > 0)
    {
      set_rgb (cr, rgb);
      cairo_arc (cr, cx, cy, r * 0.85, G_PI, G_PI + share * G_PI);
      cairo_stroke (cr);
    }
  text_at (ctx, value, cx, cy, 0.5, 1, ctx->fg, TRUE);
  if (self->gauge_target > 0)
    /* Translators: a gauge's caption: "of 1,000 (45 %)" */
    caption = g_strdup_printf (_("of %s (%.0f %%)"), target, 100.0 * self->gauge_value / self->gauge_target);
  else
    caption = g_strdup (_("No target"));
  text_at (ctx, caption, cx, cy + 4, 0.5, 0, ctx->muted, FALSE);
}

/**
 * desk_chart_render:
 *
 * Draws the chart in the rectangle (0, 0, @width, @height) of @cr in user
 * units, its background included; @cr is left as it was.
 */
void
desk_chart_render (DeskChart *self,
                   cairo_t   *cr,
                   double     width,
                   double     height)
{
  Ctx ctx = { 0 };

  g_return_if_fail (DESK_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width < 4 || height < 4 || !isfinite (width) || !isfinite (height))
    return;

  g_array_set_size (self->spots, 0);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  ctx_init (&ctx, self, cr);
  set_rgb (cr, ctx.bg);
  cairo_paint (cr);

  switch (self->kind)
    {
    case DESK_CHART_LINE:
    case DESK_CHART_AREA:
    case DESK_CHART_SPARKLINE:
      draw_time (&ctx, width, height);
      break;
    case DESK_CHART_BARS:
    case DESK_CHART_STACKED_BARS:
      draw_bars (&ctx, width, height);
      break;
    case DESK_CHART_DONUT:
      draw_donut (&ctx, width, height);
      break;
    case DESK_CHART_HEATMAP:
      draw_heatmap (&ctx, width, height);
      break;
    case DESK_CHART_GAUGE:
      draw_gauge (&ctx, width, height);
      break;
    default:
      g_assert_not_reached ();
    }

  g_object_unref (ctx.layout);
  for (guint i = 0; i < G_N_ELEMENTS (ctx.hatches); i++)
    g_clear_pointer (&ctx.hatches[i], cairo_pattern_destroy);
  cairo_restore (cr);
}

/* Text alternative */

static void
add_row (GPtrArray *rows,
         char      *label,
         char      *value)
{
  DeskChartRow *row = g_new0 (DeskChartRow, 1);

  row->label = label;
  row->value = value;
  g_ptr_array_add (rows, row);
}

/**
 * desk_chart_dup_rows:
 *
 * Returns: (transfer full) (element-type DeskChartRow): the chart's data
 *   as a table of label/value rows, what a screen reader reads instead of
 *   the picture
 */
GPtrArray *
desk_chart_dup_rows (DeskChart *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_chart_row_free);
  guint n_cat;

  g_return_val_if_fail (DESK_IS_CHART (self), rows);
  n_cat = n_categories (self);

  switch (self->kind)
    {
    case DESK_CHART_LINE:
    case DESK_CHART_AREA:
    case DESK_CHART_SPARKLINE:
      for (guint i = 0; i < self->series->len; i++)
        {
          Series *s = g_ptr_array_index (self->series, i);

          for (guint k = 0; k < s->values->len; k++)
            {
              g_autofree char *day = format_day (g_array_index (s->days, double, k));

              add_row (rows, self->series->len > 1 || *s->label ? g_strdup_printf ("%s — %s", s->label, day)
                                                                 : g_steal_pointer (&day),
                       format_value (self, g_array_index (s->values, double, k)));
            }
        }
      break;

    case DESK_CHART_BARS:
    case DESK_CHART_STACKED_BARS:
      for (guint c = 0; c < n_cat; c++)
        for (guint i = 0; i < self->series->len; i++)
          {
            Series *s = g_ptr_array_index (self->series, i);
            double v = c < s->values->len ? g_array_index (s->values, double, c) : 0;

            add_row (rows, self->series->len > 1 ? g_strdup_printf ("%s — %s", self->categories[c], s->label)
                                                 : g_strdup (self->categories[c]),
                     format_value (self, v));
          }
      break;

    case DESK_CHART_DONUT:
      if (self->series->len > 0)
        {
          Series *s = g_ptr_array_index (self->series, 0);
          double total = 0;

          for (guint c = 0; c < MIN (n_cat, s->values->len); c++)
            total += MAX (g_array_index (s->values, double, c), 0);
          for (guint c = 0; c < MIN (n_cat, s->values->len); c++)
            {
              double v = MAX (g_array_index (s->values, double, c), 0);
              g_autofree char *value = format_value (self, v);

              add_row (rows, g_strdup (self->categories[c]),
                       /* Translators: a value and its share of the whole */
                       g_strdup_printf (_("%s (%.0f %%)"), value, total > 0 ? 100.0 * v / total : 0));
            }
        }
      break;

    case DESK_CHART_HEATMAP:
      for (guint d = 0; d < 7; d++)
        for (guint h = 0; h < 24; h++)
          if (self->heat[d][h] > 0)
            {
              g_autofree char *name = weekday_name (d, FALSE);

              /* Translators: a weekday and an hour of the best-time heatmap */
              add_row (rows, g_strdup_printf (_("%s, %02u:00"), name, h), format_value (self, self->heat[d][h]));
            }
      break;

    case DESK_CHART_GAUGE:
      {
        g_autofree char *value = format_value (self, self->gauge_value);
        g_autofree char *target = format_value (self, self->gauge_target);

        add_row (rows, g_strdup (self->title ? self->title : ""),
                 /* Translators: a gauge's value against its target */
                 g_strdup_printf (_("%s of %s"), value, target));
      }
      break;

    default:
      g_assert_not_reached ();
    }
  return rows;
}

/**
 * desk_chart_get_spot:
 * @row: a row of desk_chart_dup_rows ()
 *
 * Where the last render drew @row's value (a point, the middle of a bar,
 * a slice or a cell), in that render's units: what a widget highlights
 * when the row has the focus.
 *
 * Returns: FALSE when the last render did not draw it (or none happened)
 */
gboolean
desk_chart_get_spot (DeskChart *self,
                     guint      row,
                     double    *x,
                     double    *y)
{
  g_return_val_if_fail (DESK_IS_CHART (self), FALSE);

  if (2 * row + 1 >= self->spots->len)
    return FALSE;
  *x = g_array_index (self->spots, double, 2 * row);
  *y = g_array_index (self->spots, double, 2 * row + 1);
  return TRUE;
}

/**
 * desk_chart_find_spot:
 *
 * Returns: the row whose spot of the last render is nearest to @x, @y
 *   and within @radius, or -1
 */
int
desk_chart_find_spot (DeskChart *self,
                      double     x,
                      double     y,
                      double     radius)
{
  int best = -1;
  double best_d = radius * radius;

  g_return_val_if_fail (DESK_IS_CHART (self), -1);

  for (guint i = 0; 2 * i + 1 < self->spots->len; i++)
    {
      double dx = g_array_index (self->spots, double, 2 * i) - x;
      double dy = g_array_index (self->spots, double, 2 * i + 1) - y;

      if (dx * dx + dy * dy <= best_d)
        {
          best_d = dx * dx + dy * dy;
          best = (int) i;
        }
    }
  return best;
}
