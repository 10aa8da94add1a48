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
  char     *label;
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

static gboolean
query_tooltip_cb (DeskColourBar *self,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip)
{
  if (self->label == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->label);
  return TRUE;
}

static void
desk_colour_bar_finalize (GObject *object)
{
  g_clear_pointer (&DESK_COLOUR_BAR (object)->label, g_free);

  G_OBJECT_CLASS (desk_colour_bar_parent_class)->finalize (object);
}

static void
desk_colour_bar_class_init (DeskColourBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = desk_colour_bar_finalize;
  widget_class->measure = desk_colour_bar_measure;
  widget_class->snapshot = desk_colour_bar_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_colour_bar_init (DeskColourBar *self)
{
  /* Tooltips are laid out only when asked for: a month shows dozens. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

/**
 * desk_colour_bar_new:
 * @label: its tooltip and accessible name
 */
GtkWidget *
desk_colour_bar_new (const GdkRGBA *colour,
                     gboolean       flag,
                     const char    *label)
{
  DeskColourBar *self = g_object_new (DESK_TYPE_COLOUR_BAR, NULL);

  desk_colour_bar_set (self, colour, flag, label);
  return GTK_WIDGET (self);
}

/**
 * desk_colour_bar_set:
 *
 * Shows another colour, flag or label: bars are recycled when the
 * calendar shows another month.
 */
void
desk_colour_bar_set (DeskColourBar *self,
                     const GdkRGBA *colour,
                     gboolean       flag,
                     const char    *label)
{
  g_return_if_fail (DESK_IS_COLOUR_BAR (self));

  if (flag != self->flag)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else if (!gdk_rgba_equal (colour, &self->colour))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  self->colour = *colour;
  self->flag = flag;
  if (g_strcmp0 (label, self->label) != 0)
    {
      g_free (self->label);
      self->label = g_strdup (label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}
