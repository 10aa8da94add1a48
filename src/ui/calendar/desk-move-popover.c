/* desk-move-popover.c: "Move to…" a date and time, without a mouse
 *
 * Emits ::move with the chosen local date and time; whoever opened it
 * decides what moving means.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-move-popover"

#include "config.h"

#include "desk-move-popover.h"
#include "desk-time.h"
#include "desk-time-spin.h"

struct _DeskMovePopover
{
  GtkPopover     parent_instance;

  GtkCalendar   *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
};

G_DEFINE_FINAL_TYPE (DeskMovePopover, desk_move_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_MOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskMovePopover *self = DESK_MOVE_POPOVER (widget);
  g_autoptr(GDateTime) time = desk_move_popover_dup_time (self);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, time);
}

static void
desk_move_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_MOVE_POPOVER);

  G_OBJECT_CLASS (desk_move_popover_parent_class)->dispose (object);
}

static void
desk_move_popover_class_init (DeskMovePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_move_popover_dispose;

  /**
   * DeskMovePopover::move:
   * @time: the chosen date and time (local)
   */
  signals[SIGNAL_MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-move-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskMovePopover, calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskMovePopover, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskMovePopover, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, desk_time_spin_two_digits_output_cb);

  gtk_widget_class_install_action (widget_class, "move.apply", NULL, apply_action_cb);
}

/* The buttons of GtkCalendar's header: Page Up/Down (months) and
 * Ctrl+Page Up/Down (years) do their work from the keyboard, so Tab goes
 * from the day to the time instead of through four arrows first */
static void
unfocus_header_buttons (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c))
        gtk_widget_set_focusable (c, FALSE);
      else
        unfocus_header_buttons (c);
    }
}

/* The popover opens on the card's day, with the keyboard focus on it */
static void
mapped_cb (DeskMovePopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
desk_move_popover_init (DeskMovePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  unfocus_header_buttons (GTK_WIDGET (self->calendar));
  g_signal_connect_after (self, "map", G_CALLBACK (mapped_cb), NULL);
}

GtkWidget *
desk_move_popover_new (void)
{
  return g_object_new (DESK_TYPE_MOVE_POPOVER, NULL);
}

void
desk_move_popover_set_time (DeskMovePopover *self,
                            GDateTime       *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (DESK_IS_MOVE_POPOVER (self));
  g_return_if_fail (time != NULL);

  local = desk_time_to_local (time);
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
}

/**
 * desk_move_popover_dup_time:
 *
 * Returns: (transfer full): the chosen date at the chosen local time
 */
GDateTime *
desk_move_popover_dup_time (DeskMovePopover *self)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (DESK_IS_MOVE_POPOVER (self), NULL);

  day = gtk_calendar_get_date (self->calendar);
  return desk_time_at_local (day, gtk_spin_button_get_value_as_int (self->hour_spin),
                             gtk_spin_button_get_value_as_int (self->minute_spin));
}
