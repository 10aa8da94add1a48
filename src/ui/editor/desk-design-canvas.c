/* desk-design-canvas.c: draws a design and lets its layers be dragged
 *
 * The design is drawn by src/core (desk_design_render) scaled to fit, so
 * the canvas shows exactly what is exported. A click selects the topmost
 * layer under the pointer and dragging moves it; with the keyboard, the
 * arrows move the selected layer (Shift: ten times further), Tab in the
 * dialog's layer list selects another. The areas where a text's contrast
 * is worst are outlined in red.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-design-canvas"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "desk-design-canvas.h"

struct _DeskDesignCanvas
{
  GtkWidget   parent_instance;

  DeskDesign *design;
  int         selected;
  GArray     *marks;        /* cairo_rectangle_int_t, in design pixels */
  double      drag_x;       /* the layer's position when the drag began */
  double      drag_y;
  cairo_surface_t *background;  /* the background at the shown size, kept between frames */
  guint       background_serial;
  double      background_scale;
};

G_DEFINE_FINAL_TYPE (DeskDesignCanvas, desk_design_canvas, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SELECTED,
  SIGNAL_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
geometry (DeskDesignCanvas *self,
          double           *scale,
          double           *x,
          double           *y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int dw = self->design ? desk_design_get_width (self->design) : 1;
  int dh = self->design ? desk_design_get_height (self->design) : 1;

  *scale = MIN ((width - 24.0) / dw, (height - 24.0) / dh);
  *scale = MAX (*scale, 0.01);
  *x = (width - dw * *scale) / 2;
  *y = (height - dh * *scale) / 2;
}

double
desk_design_canvas_get_scale (DeskDesignCanvas *self)
{
  double scale, x, y;

  geometry (self, &scale, &x, &y);
  return scale;
}

static void
desk_design_canvas_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  DeskDesignCanvas *self = DESK_DESIGN_CANVAS (widget);
  double scale, x, y;
  cairo_t *cr;

  if (self->design == NULL)
    return;
  geometry (self, &scale, &x, &y);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  cairo_translate (cr, x, y);
  {
    /* The background (often a big photo, scaled with a good filter) is
     * drawn once per size and change, not on every frame of a drag */
    int bw = (int) ceil (desk_design_get_width (self->design) * scale);
    int bh = (int) ceil (desk_design_get_height (self->design) * scale);

    if (self->background == NULL || self->background_scale != scale ||
        self->background_serial != desk_design_get_background_serial (self->design))
      {
        cairo_t *bcr;

        g_clear_pointer (&self->background, cairo_surface_destroy);
        self->background = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (1, bw), MAX (1, bh));
        bcr = cairo_create (self->background);
        cairo_scale (bcr, scale, scale);
        desk_design_render_background (self->design, bcr);
        cairo_destroy (bcr);
        self->background_scale = scale;
        self->background_serial = desk_design_get_background_serial (self->design);
      }
    cairo_set_source_surface (cr, self->background, 0, 0);
    cairo_paint (cr);
  }
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, desk_design_get_width (self->design), desk_design_get_height (self->design));
  cairo_clip (cr);
  desk_design_render_layers (self->design, cr);

  for (guint i = 0; self->marks != NULL && i < self->marks->len; i++)
    {
      cairo_rectangle_int_t *r = &g_array_index (self->marks, cairo_rectangle_int_t, i);

      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      cairo_set_source_rgba (cr, 0.88, 0.11, 0.14, 0.9);
      cairo_set_line_width (cr, 3 / scale);
      cairo_stroke (cr);
    }
  if (self->selected >= 0 && (guint) self->selected < desk_design_get_n_layers (self->design))
    {
      cairo_rectangle_int_t box;
      double dashes[] = { 6 / scale, 4 / scale };

      desk_design_get_layer_box (self->design, self->selected, &box);
      cairo_rectangle (cr, box.x, box.y, box.width, box.height);
      cairo_set_line_width (cr, 2 / scale);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
select_layer (DeskDesignCanvas *self,
              int               layer)
{
  if (self->selected == layer)
    return;
  self->selected = layer;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SELECTED], 0, layer);
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            start_x,
               double            start_y,
               DeskDesignCanvas *self)
{
  double scale, x, y;
  int layer;

  if (self->design == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  geometry (self, &scale, &x, &y);
  layer = desk_design_layer_at (self->design, (start_x - x) / scale, (start_y - y) / scale);
  select_layer (self, layer);
  if (layer < 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_x = desk_design_get_layer (self->design, layer)->x;
  self->drag_y = desk_design_get_layer (self->design, layer)->y;
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            offset_x,
                double            offset_y,
                DeskDesignCanvas *self)
{
  double scale = desk_design_canvas_get_scale (self);
  DeskLayer *layer;

  if (self->design == NULL || self->selected < 0)
    return;
  layer = desk_design_get_layer (self->design, self->selected);
  layer->x = self->drag_x + offset_x / scale;
  layer->y = self->drag_y + offset_y / scale;
  /* Redraw only: measuring contrast waits for the end of the drag */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            offset_x,
             double            offset_y,
             DeskDesignCanvas *self)
{
  if (self->design != NULL && self->selected >= 0)
    {
      desk_design_layer_changed (self->design, self->selected);
      g_signal_emit (self, signals[SIGNAL_MOVED], 0, self->selected);
    }
}

void
desk_design_canvas_move_selected (DeskDesignCanvas *self,
                                  double            dx,
                                  double            dy)
{
  DeskLayer *layer;

  if (self->design == NULL || self->selected < 0 || (guint) self->selected >= desk_design_get_n_layers (self->design))
    return;
  layer = desk_design_get_layer (self->design, self->selected);
  layer->x += dx;
  layer->y += dy;
  desk_design_layer_changed (self->design, self->selected);
  g_signal_emit (self, signals[SIGNAL_MOVED], 0, self->selected);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DeskDesignCanvas      *self)
{
  double step = state & GDK_SHIFT_MASK ? 40 : 4;

  switch (keyval)
    {
    case GDK_KEY_Left:  desk_design_canvas_move_selected (self, -step, 0); return TRUE;
    case GDK_KEY_Right: desk_design_canvas_move_selected (self, step, 0); return TRUE;
    case GDK_KEY_Up:    desk_design_canvas_move_selected (self, 0, -step); return TRUE;
    case GDK_KEY_Down:  desk_design_canvas_move_selected (self, 0, step); return TRUE;
    default:            return FALSE;
    }
}

static void
on_design_changed (DeskDesignCanvas *self)
{
  if (self->design != NULL && self->selected >= (int) desk_design_get_n_layers (self->design))
    select_layer (self, (int) desk_design_get_n_layers (self->design) - 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
desk_design_canvas_set_design (DeskDesignCanvas *self,
                               DeskDesign       *design)
{
  if (self->design != NULL)
    g_signal_handlers_disconnect_by_data (self->design, self);
  g_set_object (&self->design, design);
  g_clear_pointer (&self->background, cairo_surface_destroy);
  if (design != NULL)
    g_signal_connect_swapped (design, "changed", G_CALLBACK (on_design_changed), self);
  self->selected = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
desk_design_canvas_get_selected (DeskDesignCanvas *self)
{
  return self->selected;
}

void
desk_design_canvas_set_selected (DeskDesignCanvas *self,
                                 int               layer)
{
  select_layer (self, layer);
}

/**
 * desk_design_canvas_set_marks:
 * @areas: (element-type cairo_rectangle_int_t) (nullable): design pixels
 */
void
desk_design_canvas_set_marks (DeskDesignCanvas *self,
                              GArray           *areas)
{
  g_clear_pointer (&self->marks, g_array_unref);
  self->marks = areas ? g_array_ref (areas) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
desk_design_canvas_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = 200;
  *natural = 520;
}

static void
desk_design_canvas_dispose (GObject *object)
{
  DeskDesignCanvas *self = DESK_DESIGN_CANVAS (object);

  desk_design_canvas_set_design (self, NULL);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->background, cairo_surface_destroy);
  G_OBJECT_CLASS (desk_design_canvas_parent_class)->dispose (object);
}

static void
desk_design_canvas_class_init (DeskDesignCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_design_canvas_dispose;
  widget_class->snapshot = desk_design_canvas_snapshot;
  widget_class->measure = desk_design_canvas_measure;

  signals[SIGNAL_SELECTED] = g_signal_new ("layer-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_MOVED] = g_signal_new ("layer-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  gtk_widget_class_set_css_name (widget_class, "design-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_design_canvas_init (DeskDesignCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->selected = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Visual; arrow keys move the selected layer"), -1);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
desk_design_canvas_new (void)
{
  return g_object_new (DESK_TYPE_DESIGN_CANVAS, NULL);
}
