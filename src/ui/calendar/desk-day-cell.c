/* desk-day-cell.c: a day of the month's grid
 *
 * Its widgets and controllers are declared in desk-day-cell.ui, as GNOME
 * Calendar declares its month cells; the calendar page only binds data
 * to it: the day, the cards it shows, the cadence warning, the campaign
 * bands. Everything is recycled: a month switch rebinds the cells of a
 * month, it builds nothing. A card a day does not need is hidden, not
 * destroyed (building and unparenting cards was a third of a month
 * switch, tests/bench/bench-ui), and a band likewise.
 *
 * The day itself draws no state: DeskMonthGrid shades it (other month,
 * weekend, holiday, selected, hovered by a drag), since a style class on
 * a day restyled all its widgets. Only its number carries the
 * "other-month" and "today" classes.
 *
 * Focusing a day or clicking it emits ::selected; Enter on the day or a
 * double click creates a post on it (win.new-post-on).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-day-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-day-cell.h"

struct _DeskDayCell
{
  GtkWidget       parent_instance;

  GDateTime      *day;          /* local midnight */
  char           *warning_text;
  GPtrArray      *listed;       /* DeskPost*, held: the "+N more" list */
  DeskColourBy    colour_by;
  GHashTable     *channels;
  GHashTable     *campaigns;

  /* Template widgets */
  GtkInscription *number;
  GtkInscription *holiday;
  GtkWidget      *warning;
  GtkBox         *cards;
  GtkMenuButton  *more;
  GtkInscription *more_label;
  GtkBox         *bands;
  GtkBox         *more_box;     /* the popover's list, once made */
};

G_DEFINE_FINAL_TYPE (DeskDayCell, desk_day_cell, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
make_card (DeskDayCell *self,
           DeskPost    *post)
{
  GtkWidget *card = desk_post_card_new ();

  desk_post_card_set_colour_by (DESK_POST_CARD (card), self->colour_by);
  desk_post_card_set_post (DESK_POST_CARD (card), post, self->channels, self->campaigns);
  return card;
}

static void
new_post_on_day (DeskDayCell *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.new-post-on", "x", g_date_time_to_unix (self->day));
}

static void
on_focus_enter_cb (GtkEventControllerFocus *controller,
                   DeskDayCell             *self)
{
  g_signal_emit (self, signals[SIGNAL_SELECTED], 0);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   DeskDayCell           *self)
{
  /* Only for the day itself, not for a card inside it */
  if (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) != GTK_WIDGET (self))
    return FALSE;
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_space)
    return FALSE;
  if (self->day != NULL)
    new_post_on_day (self);
  return TRUE;
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     DeskDayCell     *self)
{
  if (self->day == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_SELECTED], 0);
  /* The day clicked has the focus: the calendar's keys (Page Down,
   * Ctrl+T, Ctrl+G, Enter) work from there */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2)
    new_post_on_day (self);
}

/* A holiday's whole name, which a narrow day may cut */
static gboolean
on_holiday_query_tooltip_cb (GtkWidget   *widget,
                             int          x,
                             int          y,
                             gboolean     keyboard,
                             GtkTooltip  *tooltip,
                             DeskDayCell *self)
{
  const char *text = gtk_inscription_get_text (self->holiday);

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_warning_query_tooltip_cb (GtkWidget   *widget,
                             int          x,
                             int          y,
                             gboolean     keyboard,
                             GtkTooltip  *tooltip,
                             DeskDayCell *self)
{
  if (self->warning_text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->warning_text);
  return TRUE;
}

/* The "+N more" list is built each time it opens */
static void
on_more_popover_show_cb (GtkPopover  *popover,
                         DeskDayCell *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->more_box))) != NULL)
    gtk_box_remove (self->more_box, child);
  for (guint i = 0; self->listed != NULL && i < self->listed->len; i++)
    gtk_box_append (self->more_box, make_card (self, g_ptr_array_index (self->listed, i)));
}

static void
create_more_popover_cb (GtkMenuButton *button,
                        gpointer       data)
{
  DeskDayCell *self = data;
  GtkWidget *popover, *scroller;

  if (self->more_box != NULL)
    return;
  self->more_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_widget_set_size_request (GTK_WIDGET (self->more_box), 280, -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 400);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->more_box));
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  g_signal_connect (popover, "show", G_CALLBACK (on_more_popover_show_cb), self);
  gtk_menu_button_set_popover (button, popover);
}

static void
desk_day_cell_dispose (GObject *object)
{
  DeskDayCell *self = DESK_DAY_CELL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_DAY_CELL);
  /* The day's head, not a template child */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->more_box = NULL;
  g_clear_pointer (&self->day, g_date_time_unref);
  g_clear_pointer (&self->warning_text, g_free);
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->campaigns, g_hash_table_unref);

  G_OBJECT_CLASS (desk_day_cell_parent_class)->dispose (object);
}

static void
desk_day_cell_class_init (DeskDayCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_day_cell_dispose;

  /**
   * DeskDayCell::selected:
   *
   * The day was focused or clicked: it becomes the selected day.
   */
  signals[SIGNAL_SELECTED] =
    g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-day-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskDayCell, number);
  gtk_widget_class_bind_template_child (widget_class, DeskDayCell, holiday);
  gtk_widget_class_bind_template_child (widget_class, DeskDayCell, warning);
  gtk_widget_class_bind_template_child (widget_class, DeskDayCell, cards);
  gtk_widget_class_bind_template_child (widget_class, DeskDayCell, more);
  gtk_widget_class_bind_template_child (widget_class, DeskDayCell, more_label);
  gtk_widget_class_bind_template_child (widget_class, DeskDayCell, bands);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_click_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_holiday_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_warning_query_tooltip_cb);
  gtk_widget_class_set_css_name (widget_class, "daycell");
}

static void
desk_day_cell_init (DeskDayCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a property: GtkMenuButton's popover, made when first opened */
  gtk_menu_button_set_create_popup_func (self->more, create_more_popover_cb, self, NULL);
}

GtkWidget *
desk_day_cell_new (void)
{
  return g_object_new (DESK_TYPE_DAY_CELL, NULL);
}

static void
set_css_class (GtkWidget  *widget,
               const char *name,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/**
 * desk_day_cell_set_day:
 * @day: local midnight of the day
 * @holiday: (nullable): the name of a public holiday that day
 * @other_month: whether the day is in the month before or after
 * @today: whether it is today
 *
 * Screen readers read the day by its date in words and its holiday.
 */
void
desk_day_cell_set_day (DeskDayCell *self,
                       GDateTime   *day,
                       const char  *holiday,
                       gboolean     other_month,
                       gboolean     today)
{
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (DESK_IS_DAY_CELL (self));
  g_return_if_fail (day != NULL);

  if (self->day != day)
    {
      g_clear_pointer (&self->day, g_date_time_unref);
      self->day = g_date_time_ref (day);
    }
  number = g_strdup_printf ("%d", g_date_time_get_day_of_month (day));
  name = g_date_time_format (day, "%A %-d %B %Y");
  gtk_inscription_set_text (self->number, number);
  /* Its tooltip reads the text when shown (on_holiday_query_tooltip_cb):
   * setting one makes GTK look for the widget under the pointer */
  if (g_strcmp0 (gtk_inscription_get_text (self->holiday), holiday) != 0)
    gtk_inscription_set_text (self->holiday, holiday);
  if (holiday != NULL)
    {
      g_autofree char *full = g_strdup_printf ("%s, %s", name, holiday);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  /* The number alone shows today and the other month: a class on the
   * day would restyle all its widgets */
  set_css_class (GTK_WIDGET (self->number), "other-month", other_month);
  set_css_class (GTK_WIDGET (self->number), "today", today);
}

GDateTime *
desk_day_cell_get_day (DeskDayCell *self)
{
  g_return_val_if_fail (DESK_IS_DAY_CELL (self), NULL);
  return self->day;
}

static void
replace_table (GHashTable **table,
               GHashTable  *value)
{
  if (*table == value)
    return;
  g_clear_pointer (table, g_hash_table_unref);
  *table = value ? g_hash_table_ref (value) : NULL;
}

/**
 * desk_day_cell_set_posts:
 * @shown: (element-type DeskPost): the posts the day shows as cards
 * @listed: (element-type DeskPost): every post the day lists, @shown
 *   among them, in the "+N more" popover
 * @channels: gint64* → DeskChannel
 * @campaigns: gint64* → DeskCampaign
 *
 * Cards are recycled: the day keeps its cards and only rebinds them; a
 * card it does not need is hidden, not destroyed. A card bound again to
 * the same unchanged post does nothing.
 */
void
desk_day_cell_set_posts (DeskDayCell  *self,
                         GPtrArray    *shown,
                         GPtrArray    *listed,
                         DeskColourBy  colour_by,
                         GHashTable   *channels,
                         GHashTable   *campaigns)
{
  GtkWidget *card;
  guint n_more;

  g_return_if_fail (DESK_IS_DAY_CELL (self));
  g_return_if_fail (shown != NULL && listed != NULL && shown->len <= listed->len);

  self->colour_by = colour_by;
  replace_table (&self->channels, channels);
  replace_table (&self->campaigns, campaigns);
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  self->listed = g_ptr_array_copy (listed, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->listed, g_object_unref);

  card = gtk_widget_get_first_child (GTK_WIDGET (self->cards));
  for (guint k = 0; k < shown->len; k++)
    {
      if (card == NULL)
        {
          /* Bound before it joins the window: its action needs a target. */
          gtk_box_append (self->cards, make_card (self, g_ptr_array_index (shown, k)));
          continue;
        }
      desk_post_card_set_colour_by (DESK_POST_CARD (card), colour_by);
      desk_post_card_set_post (DESK_POST_CARD (card), g_ptr_array_index (shown, k), channels, campaigns);
      gtk_widget_set_visible (card, TRUE);
      card = gtk_widget_get_next_sibling (card);
    }
  for (; card != NULL; card = gtk_widget_get_next_sibling (card))
    gtk_widget_set_visible (card, FALSE);

  n_more = listed->len - shown->len;
  gtk_widget_set_visible (GTK_WIDGET (self->more), n_more > 0);
  if (n_more > 0)
    {
      g_autofree char *label = NULL;

      /* Translators: shown in a calendar day that has more posts than fit */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", n_more), n_more);
      gtk_inscription_set_text (self->more_label, label);
      /* Screen readers read the button by this name */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->more), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

/* Cards shown (not counting the "+N more" list) */
guint
desk_day_cell_get_n_cards (DeskDayCell *self)
{
  guint n = 0;

  g_return_val_if_fail (DESK_IS_DAY_CELL (self), 0);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->cards)); c; c = gtk_widget_get_next_sibling (c))
    n += gtk_widget_get_visible (c);
  return n;
}

/**
 * desk_day_cell_find_card:
 *
 * Returns: (nullable) (transfer none): the card shown for post @post_id
 */
DeskPostCard *
desk_day_cell_find_card (DeskDayCell *self,
                         gint64       post_id)
{
  g_return_val_if_fail (DESK_IS_DAY_CELL (self), NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->cards)); c; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_get_visible (c) && desk_post_get_id (desk_post_card_get_post (DESK_POST_CARD (c))) == post_id)
      return DESK_POST_CARD (c);
  return NULL;
}

/**
 * desk_day_cell_set_warning:
 * @text: (nullable): the day's cadence warnings, one a line; NULL: none
 */
void
desk_day_cell_set_warning (DeskDayCell *self,
                           const char  *text)
{
  g_return_if_fail (DESK_IS_DAY_CELL (self));

  gtk_widget_set_visible (self->warning, text != NULL);
  if (text == NULL || g_strcmp0 (self->warning_text, text) == 0)
    return;
  /* Read by the tooltip when shown */
  g_free (self->warning_text);
  self->warning_text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

gboolean
desk_day_cell_has_warning (DeskDayCell *self)
{
  g_return_val_if_fail (DESK_IS_DAY_CELL (self), FALSE);
  return gtk_widget_get_visible (self->warning);
}

/**
 * desk_day_cell_get_band:
 *
 * Returns: (transfer none): the @n-th campaign band, shown; made when
 *   the day has fewer
 */
DeskColourBar *
desk_day_cell_get_band (DeskDayCell *self,
                        guint        n)
{
  GtkWidget *bar;

  g_return_val_if_fail (DESK_IS_DAY_CELL (self), NULL);

  bar = gtk_widget_get_first_child (GTK_WIDGET (self->bands));
  for (; bar != NULL && n > 0; n--)
    bar = gtk_widget_get_next_sibling (bar);
  if (bar == NULL)
    {
      bar = desk_colour_bar_new (&(GdkRGBA) { 0 }, FALSE, NULL);
      gtk_box_append (self->bands, bar);
    }
  gtk_widget_set_visible (bar, TRUE);
  return DESK_COLOUR_BAR (bar);
}

/* Hides the bands from the @from-th on */
void
desk_day_cell_hide_bands (DeskDayCell *self,
                          guint        from)
{
  GtkWidget *bar;

  g_return_if_fail (DESK_IS_DAY_CELL (self));

  bar = gtk_widget_get_first_child (GTK_WIDGET (self->bands));
  for (guint n = 0; bar != NULL; bar = gtk_widget_get_next_sibling (bar), n++)
    if (n >= from)
      gtk_widget_set_visible (bar, FALSE);
}
