/* desk-colour-bar.c: a thin bar of one colour (campaign bands)
 *
 * Drawn in snapshot: no child, so no template. With a flag, a small
 * pennant at its end marks a deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-colour-bar"

#include "config.h"

#include "desk-colour-bar.h"

#define BAR_HEIGHT  4
#define FLAG_HEIGHT 9

struct _DeskColourBar
{
  GtkWidget parent_instance;

  GdkRGBA   colour;
  gboolean  flag;
};

G_DEFINE_FINAL_TYPE (DeskColourBar, desk_colour_bar, GTK_TYPE_WIDGET)

static void
desk_colour_bar_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  DeskColourBar *self = DESK_COLOUR_BAR (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = self->flag ? FLAG_HEIGHT : BAR_HEIGHT;
  else
    *minimum = *natural = 8;
}

static void
desk_colour_bar_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  DeskColourBar *self = DESK_COLOUR_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float y = (height - BAR_HEIGHT) / 2.0f;
  GskRoundedRect bar;

  gsk_rounded_rect_init_from_rect (&bar, &GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT), BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &bar);
  gtk_snapshot_append_color (snapshot, &self->colour, &bar.bounds);
  gtk_snapshot_pop (snapshot);

  if (self->flag)
    {
      GskRoundedRect mark;

      gsk_rounded_rect_init_from_rect (&mark, &GRAPHENE_RECT_INIT (width - FLAG_HEIGHT, 0, FLAG_HEIGHT, height), 2);
      gtk_snapshot_push_rounded_clip (snapshot, &mark);
      gtk_snapshot_append_color (snapshot, &self->colour, &mark.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
desk_colour_bar_class_init (DeskColourBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = desk_colour_bar_measure;
  widget_class->snapshot = desk_colour_bar_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_colour_bar_init (DeskColourBar *self)
{
}

GtkWidget *
desk_colour_bar_new (const GdkRGBA *colour,
                     gboolean       flag)
{
  DeskColourBar *self = g_object_new (DESK_TYPE_COLOUR_BAR, NULL);

  self->colour = *colour;
  self->flag = flag;
  return GTK_WIDGET (self);
}
