/* desk-month-deck.c: months laid out ahead, one of them shown
 *
 * Holds the month on screen and the months around it, all with the same
 * size and all mapped, and draws only the shown one. The others are laid
 * out while the shown month is looked at, and drawn into render nodes
 * that are thrown away: GTK keeps each widget's last render node, so
 * when one of them is shown, the switch neither measures nor snapshots
 * its days again, it only draws them (tests/bench/bench-ui). A month not
 * shown is out of reach: no pointer, no keyboard focus, hidden from
 * screen readers. (Not with gtk_widget_set_can_focus (): it queues a
 * resize, and a resize makes GDK's X11 backend measure the window with
 * round trips to the server before the frame.)
 *
 * GtkStack is no help here: it unmaps the pages it does not show, and
 * unmapping a widget drops the render nodes of all its descendants.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-month-deck"

#include "config.h"

#include "desk-month-deck.h"

struct _DeskMonthDeck
{
  GtkWidget  parent_instance;

  GtkWidget *shown;
};

G_DEFINE_FINAL_TYPE (DeskMonthDeck, desk_month_deck, GTK_TYPE_WIDGET)

static void
desk_month_deck_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
desk_month_deck_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  /* Every month, shown or not: a month laid out is ready to be shown.
   * GTK skips the children whose size and content did not change. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
desk_month_deck_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  DeskMonthDeck *self = DESK_MONTH_DECK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkSnapshot *elsewhere;
      GskRenderNode *node;

      if (child == self->shown)
        {
          gtk_widget_snapshot_child (widget, child, snapshot);
          continue;
        }
      /* Drawn for nothing but the render nodes its widgets keep; a month
       * unchanged since costs a reference */
      elsewhere = gtk_snapshot_new ();
      gtk_widget_snapshot_child (widget, child, elsewhere);
      node = gtk_snapshot_free_to_node (elsewhere);
      if (node != NULL)
        gsk_render_node_unref (node);
    }
}

/* Tab and arrows go into the shown month alone */
static gboolean
desk_month_deck_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  DeskMonthDeck *self = DESK_MONTH_DECK (widget);

  return self->shown != NULL && gtk_widget_child_focus (self->shown, direction);
}

static gboolean
desk_month_deck_grab_focus (GtkWidget *widget)
{
  DeskMonthDeck *self = DESK_MONTH_DECK (widget);

  return self->shown != NULL && gtk_widget_grab_focus (self->shown);
}

static void
desk_month_deck_compute_expand (GtkWidget *widget,
                                gboolean  *hexpand,
                                gboolean  *vexpand)
{
  *hexpand = *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      *hexpand |= gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      *vexpand |= gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
    }
}

static void
desk_month_deck_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  DESK_MONTH_DECK (object)->shown = NULL;

  G_OBJECT_CLASS (desk_month_deck_parent_class)->dispose (object);
}

static void
desk_month_deck_class_init (DeskMonthDeckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_month_deck_dispose;
  widget_class->measure = desk_month_deck_measure;
  widget_class->size_allocate = desk_month_deck_size_allocate;
  widget_class->snapshot = desk_month_deck_snapshot;
  widget_class->compute_expand = desk_month_deck_compute_expand;
  widget_class->focus = desk_month_deck_focus;
  widget_class->grab_focus = desk_month_deck_grab_focus;
}

static void
desk_month_deck_init (DeskMonthDeck *self)
{
}

/* Out of reach or back in it: pointer and screen readers (the keyboard
 * goes to the shown month alone, desk_month_deck_focus ()) */
static void
set_reachable (GtkWidget *month,
               gboolean   reachable)
{
  gtk_widget_set_can_target (month, reachable);
  gtk_accessible_update_state (GTK_ACCESSIBLE (month), GTK_ACCESSIBLE_STATE_HIDDEN, !reachable, -1);
}

/**
 * desk_month_deck_add:
 * @month: a month, not shown until desk_month_deck_set_shown ()
 */
void
desk_month_deck_add (DeskMonthDeck *self,
                     GtkWidget     *month)
{
  g_return_if_fail (DESK_IS_MONTH_DECK (self));
  g_return_if_fail (GTK_IS_WIDGET (month));

  set_reachable (month, FALSE);
  gtk_widget_set_parent (month, GTK_WIDGET (self));
}

void
desk_month_deck_set_shown (DeskMonthDeck *self,
                           GtkWidget     *month)
{
  g_return_if_fail (DESK_IS_MONTH_DECK (self));
  g_return_if_fail (gtk_widget_get_parent (month) == GTK_WIDGET (self));

  if (self->shown == month)
    return;
  if (self->shown != NULL)
    set_reachable (self->shown, FALSE);
  self->shown = month;
  set_reachable (month, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkWidget *
desk_month_deck_get_shown (DeskMonthDeck *self)
{
  g_return_val_if_fail (DESK_IS_MONTH_DECK (self), NULL);
  return self->shown;
}
