/* desk-presentation-window.c: the report's pages as full-screen slides
 *
 * The client report's own pages (desk_report_pages_draw ()), each scaled
 * to fit the screen on black, for a meeting room: Right, Down, Space,
 * Page Down and Enter go forward; Left, Up, Backspace and Page Up go
 * back; Home and End go to the first and last; Escape leaves. It opens
 * full screen on a second monitor when there is one (the main window
 * stays with the presenter), on the main window's otherwise. The slide
 * number is said through the accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-presentation-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-presentation-window.h"

struct _DeskPresentationWindow
{
  GtkWindow        parent_instance;

  DeskReportPages *pages;
  guint            page;
  GtkWidget       *canvas;
};

G_DEFINE_FINAL_TYPE (DeskPresentationWindow, desk_presentation_window, GTK_TYPE_WINDOW)

/* The slide: a widget drawing the current page */

#define DESK_TYPE_SLIDE (desk_slide_get_type ())
G_DECLARE_FINAL_TYPE (DeskSlide, desk_slide, DESK, SLIDE, GtkWidget)

struct _DeskSlide
{
  GtkWidget               parent_instance;
  DeskPresentationWindow *window;
};

G_DEFINE_FINAL_TYPE (DeskSlide, desk_slide, GTK_TYPE_WIDGET)

static void
desk_slide_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  DeskPresentationWindow *window = DESK_SLIDE (widget)->window;
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double page_w, page_h, scale;
  cairo_t *cr;

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (window == NULL || window->pages == NULL || width < 1 || height < 1)
    return;
  desk_report_pages_get_size (&page_w, &page_h);
  scale = MIN (width / page_w, height / page_h);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT ((width - page_w * scale) / 2,
                                                                 (height - page_h * scale) / 2,
                                                                 page_w * scale, page_h * scale));
  cairo_translate (cr, (width - page_w * scale) / 2, (height - page_h * scale) / 2);
  cairo_scale (cr, scale, scale);
  desk_report_pages_draw (window->pages, cr, window->page);
  cairo_destroy (cr);
}

static void
desk_slide_class_init (DeskSlideClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = desk_slide_snapshot;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_slide_init (DeskSlide *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/* The window */

guint
desk_presentation_window_get_page (DeskPresentationWindow *self)
{
  g_return_val_if_fail (DESK_IS_PRESENTATION_WINDOW (self), 0);
  return self->page;
}

guint
desk_presentation_window_get_n_pages (DeskPresentationWindow *self)
{
  g_return_val_if_fail (DESK_IS_PRESENTATION_WINDOW (self), 0);
  return desk_report_pages_get_n_pages (self->pages);
}

void
desk_presentation_window_set_page (DeskPresentationWindow *self,
                                   guint                   page)
{
  guint n;
  g_autofree char *text = NULL;

  g_return_if_fail (DESK_IS_PRESENTATION_WINDOW (self));

  n = desk_report_pages_get_n_pages (self->pages);
  self->page = MIN (page, n - 1);
  /* Translators: the presentation's accessible description: the slide shown */
  text = g_strdup_printf (_("Slide %u of %u"), self->page + 1, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_queue_draw (self->canvas);
}

static gboolean
key_pressed_cb (GtkEventControllerKey  *controller,
                guint                   keyval,
                guint                   keycode,
                GdkModifierType         state,
                DeskPresentationWindow *self)
{
  guint n = desk_report_pages_get_n_pages (self->pages);

  switch (keyval)
    {
    case GDK_KEY_Escape:
      gtk_window_destroy (GTK_WINDOW (self));
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      desk_presentation_window_set_page (self, MIN (self->page + 1, n - 1));
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Page_Up:
      desk_presentation_window_set_page (self, self->page > 0 ? self->page - 1 : 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
      desk_presentation_window_set_page (self, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
      desk_presentation_window_set_page (self, n - 1);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
clicked_cb (GtkGestureClick        *gesture,
            int                     n_press,
            double                  x,
            double                  y,
            DeskPresentationWindow *self)
{
  guint n = desk_report_pages_get_n_pages (self->pages);

  /* A click goes forward, a click on the left third back */
  if (x < gtk_widget_get_width (self->canvas) / 3.0)
    desk_presentation_window_set_page (self, self->page > 0 ? self->page - 1 : 0);
  else
    desk_presentation_window_set_page (self, MIN (self->page + 1, n - 1));
}

/* A monitor other than the main window's, when there is one */
static GdkMonitor *
choose_monitor (GtkWindow *parent)
{
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent)) : gdk_display_get_default ();
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = parent != NULL ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;
  GdkMonitor *own = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  guint n = g_list_model_get_n_items (monitors);

  for (guint i = 0; n > 1 && i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != own)
        return monitor;
    }
  return NULL;
}

/**
 * desk_presentation_window_start:
 *
 * Shows the first slide full screen, on a second monitor when there is one.
 */
void
desk_presentation_window_start (DeskPresentationWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GdkMonitor *monitor = choose_monitor (parent);
  GdkMonitor *shown_on = monitor;
  GdkRectangle geometry;

  desk_presentation_window_set_page (self, 0);
  /* The screen's size before being full screen: what it keeps where no
   * window manager makes it full screen */
  if (shown_on == NULL && parent != NULL && gtk_native_get_surface (GTK_NATIVE (parent)) != NULL)
    shown_on = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (parent)),
                                                   gtk_native_get_surface (GTK_NATIVE (parent)));
  if (shown_on != NULL)
    {
      gdk_monitor_get_geometry (shown_on, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
    }
  if (monitor != NULL)
    {
      /* On the other screen: not tied to the presenter's window */
      gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

static void
desk_presentation_window_dispose (GObject *object)
{
  DeskPresentationWindow *self = DESK_PRESENTATION_WINDOW (object);

  g_clear_pointer (&self->pages, desk_report_pages_free);

  G_OBJECT_CLASS (desk_presentation_window_parent_class)->dispose (object);
}

static void
desk_presentation_window_class_init (DeskPresentationWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = desk_presentation_window_dispose;
}

static void
desk_presentation_window_init (DeskPresentationWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->canvas = g_object_new (DESK_TYPE_SLIDE, NULL);
  DESK_SLIDE (self->canvas)->window = self;
  gtk_widget_set_focusable (self->canvas, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Report presentation"), -1);
  gtk_window_set_child (GTK_WINDOW (self), self->canvas);
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Report presentation"));
  gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "released", G_CALLBACK (clicked_cb), self);
  gtk_widget_add_controller (self->canvas, GTK_EVENT_CONTROLLER (click));
}

/**
 * desk_presentation_window_new:
 * @pages: (transfer full): the report's pages
 */
GtkWindow *
desk_presentation_window_new (GtkWindow       *parent,
                              DeskReportPages *pages)
{
  DeskPresentationWindow *self = g_object_new (DESK_TYPE_PRESENTATION_WINDOW, "transient-for", parent, NULL);

  self->pages = pages;
  return GTK_WINDOW (self);
}
