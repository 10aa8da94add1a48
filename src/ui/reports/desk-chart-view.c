/* desk-chart-view.c: a DeskChart on screen, its values by hover and by
 * keyboard
 *
 * A thin widget: src/core/desk-chart.c draws, here through
 * gtk_snapshot_append_cairo (as sysprof's chart layers do), so the screen
 * shows the picture of the PNG, the PDF and the printout. The cairo node
 * is rasterised by GSK at the surface's scale factor: sharp on HiDPI. It
 * follows AdwStyleManager:dark.
 *
 * Values: hovering shows the nearest one in a tooltip; with the keyboard
 * focus, Left/Right (Home/End) move from value to value, the one chosen
 * is ringed and said through the accessible description, so a screen
 * reader announces it. The rows are the chart's text alternative
 * (desk_chart_dup_rows ()), in the same order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-chart-view.h"

#define HOVER_RADIUS 24.0

struct _DeskChartView
{
  GtkWidget   parent_instance;

  DeskChart  *chart;
  GPtrArray  *rows;      /* (element-type DeskChartRow) (nullable): read when first needed */
  int         selected;  /* a row, or -1 */
  gulong      dark_handler;
};

G_DEFINE_FINAL_TYPE (DeskChartView, desk_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The chart's text alternative, formatted only when a value is asked
 * for: a page shows thousands of points it never announces */
static GPtrArray *
ensure_rows (DeskChartView *self)
{
  if (self->rows == NULL && self->chart != NULL)
    self->rows = desk_chart_dup_rows (self->chart);
  return self->rows;
}

static char *
row_text (DeskChartRow *row)
{
  /* Translators: a chart's value: what it is, and how much */
  return g_strdup_printf (_("%s: %s"), row->label, row->value);
}

/**
 * desk_chart_view_dup_announced:
 *
 * Returns: (transfer full) (nullable): what the accessible description
 *   says of the selected value
 */
char *
desk_chart_view_dup_announced (DeskChartView *self)
{
  g_return_val_if_fail (DESK_IS_CHART_VIEW (self), NULL);

  if (self->selected < 0 || ensure_rows (self) == NULL || (guint) self->selected >= self->rows->len)
    return NULL;
  return row_text (g_ptr_array_index (self->rows, self->selected));
}

static void
update_description (DeskChartView *self)
{
  g_autofree char *text = desk_chart_view_dup_announced (self);

  if (text == NULL && self->chart != NULL)
    text = g_strdup (_("Use the Left and Right arrow keys to read each value."));
  else if (text == NULL)
    text = g_strdup (_("No data for this period"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
follow_dark (DeskChartView *self)
{
  if (self->chart != NULL)
    desk_chart_set_dark (self->chart, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_dark_cb (DeskChartView *self)
{
  follow_dark (self);
}

void
desk_chart_view_set_selected (DeskChartView *self,
                              int            row)
{
  g_return_if_fail (DESK_IS_CHART_VIEW (self));

  if (ensure_rows (self) == NULL || self->rows->len == 0)
    row = -1;
  else
    row = CLAMP (row, -1, (int) self->rows->len - 1);
  if (row == self->selected)
    return;
  self->selected = row;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

int
desk_chart_view_get_selected (DeskChartView *self)
{
  g_return_val_if_fail (DESK_IS_CHART_VIEW (self), -1);
  return self->selected;
}

DeskChart *
desk_chart_view_get_chart (DeskChartView *self)
{
  g_return_val_if_fail (DESK_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
desk_chart_view_set_chart (DeskChartView *self,
                           DeskChart     *chart)
{
  g_return_if_fail (DESK_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || DESK_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->selected = -1;
  follow_dark (self);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DeskChartView         *self)
{
  int n;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || ensure_rows (self) == NULL)
    return GDK_EVENT_PROPAGATE;
  n = (int) self->rows->len;
  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      desk_chart_view_set_selected (self, self->selected < 0 ? 0 : MIN (self->selected + 1, n - 1));
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      desk_chart_view_set_selected (self, self->selected < 0 ? n - 1 : MAX (self->selected - 1, 0));
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
      desk_chart_view_set_selected (self, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
      desk_chart_view_set_selected (self, n - 1);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static gboolean
desk_chart_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  DeskChartView *self = DESK_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  int row;

  if (self->chart == NULL || ensure_rows (self) == NULL)
    return FALSE;
  if (keyboard)
    text = desk_chart_view_dup_announced (self);
  else if ((row = desk_chart_find_spot (self->chart, x, y, HOVER_RADIUS)) >= 0 && (guint) row < self->rows->len)
    text = row_text (g_ptr_array_index (self->rows, row));
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
desk_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  DeskChartView *self = DESK_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double x, y, bg[3];
  cairo_t *cr;

  if (self->chart == NULL || width < 4 || height < 4)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  desk_chart_render (self->chart, cr, width, height);

  if (gtk_widget_has_focus (widget))
    {
      desk_chart_get_background_rgb (self->chart, bg);
      /* The focus: a ring around the chart, and one around the value */
      cairo_set_source_rgb (cr, 1 - bg[0], 1 - bg[1], 1 - bg[2]);
      cairo_set_line_width (cr, 2);
      if (gtk_widget_has_visible_focus (widget))
        {
          cairo_rectangle (cr, 1, 1, width - 2, height - 2);
          cairo_stroke (cr);
        }
      if (self->selected >= 0 && desk_chart_get_spot (self->chart, self->selected, &x, &y))
        {
          cairo_arc (cr, x, y, 7, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);
}

static void
desk_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  DeskChartView *self = DESK_CHART_VIEW (widget);
  gboolean spark = self->chart != NULL && desk_chart_get_kind (self->chart) == DESK_CHART_SPARKLINE;

  /* A sparkline is a line of text high; a chart needs room for its axes */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = spark ? 48 : 160;
      *natural = spark ? 120 : 360;
    }
  else
    {
      *minimum = spark ? 24 : 120;
      *natural = spark ? 32 : 240;
    }
}

static void
focus_changed_cb (DeskChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
desk_chart_view_dispose (GObject *object)
{
  DeskChartView *self = DESK_CHART_VIEW (object);

  g_clear_signal_handler (&self->dark_handler, adw_style_manager_get_default ());
  g_clear_object (&self->chart);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_chart_view_parent_class)->dispose (object);
}

static void
desk_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskChartView *self = DESK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DeskChartView *self = DESK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      desk_chart_view_set_chart (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      desk_chart_view_set_selected (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_chart_view_class_init (DeskChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_chart_view_dispose;
  object_class->get_property = desk_chart_view_get_property;
  object_class->set_property = desk_chart_view_set_property;
  widget_class->snapshot = desk_chart_view_snapshot;
  widget_class->measure = desk_chart_view_measure;
  widget_class->query_tooltip = desk_chart_view_query_tooltip;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, DESK_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "deskchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_chart_view_init (DeskChartView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->selected = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  self->dark_handler = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                                 G_CALLBACK (style_dark_cb), self);
  update_description (self);
}

GtkWidget *
desk_chart_view_new (void)
{
  return g_object_new (DESK_TYPE_CHART_VIEW, NULL);
}
