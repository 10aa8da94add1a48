/* desk-week-view.c: seven days of hour slots
 *
 * A custom widget in the manner of GNOME Calendar's week grid: it draws
 * the hour lines itself and places one DeskPostCard per post at its time
 * of day, two lines tall (time and channels, then the title). Cards that
 * overlap are laid side by side as GNOME Calendar lays events: each takes
 * the first sub-column of its day free at its time, and a group of cards
 * that overlap one another shares the day's width between as many
 * sub-columns as it needs (_desk_week_view_lay_out (), a pure function). A drop anywhere
 * gives the day under the pointer and the time rounded to a quarter of an
 * hour (::drop-post); desk_week_view_time_at () is that arithmetic alone.
 * While a post is dragged over the week, the slot it would land in is
 * drawn with its time, in the accent colour (read from a child that draws
 * nothing, `weekview > .day-highlight`).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-week-view"

#include "config.h"

#include "desk-widget-colour.h"

#include <glib/gi18n.h>

#include "desk-holidays.h"
#include "desk-post-card.h"
#include "desk-time.h"
#include "desk-week-view.h"
#include "desk-week-view-private.h"

#define HOUR_HEIGHT 80   /* a two-line card is under half an hour */
#define GUTTER      52
#define SNAP        15   /* minutes */

struct _DeskWeekView
{
  GtkWidget     parent_instance;

  GListModel   *posts;
  GDateTime    *start;       /* local midnight of the first day */
  GHashTable   *channels;
  GHashTable   *campaigns;
  DeskColourBy  colour_by;
  GPtrArray    *cards;       /* DeskPostCard*, children, recycled */
  gint64        focus_post;
  GDateTime    *drop_at;     /* the slot a dragged post hovers, or NULL */
  GtkWidget    *highlight;   /* draws nothing: its colour is the accent */
};

G_DEFINE_FINAL_TYPE (DeskWeekView, desk_week_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_DROP_POST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
day_index (DeskWeekView *self,
           GDateTime    *time)
{
  g_autoptr(GDateTime) local = desk_time_to_local (time);
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, g_date_time_get_day_of_month (self->start), g_date_time_get_month (self->start),
                  g_date_time_get_year (self->start));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return g_date_days_between (&a, &b);
}

/**
 * desk_week_view_time_at:
 * @width: the view's width
 *
 * Returns: (transfer full) (nullable): the local time under (@x, @y) in a
 *   view of @width showing the week from @start, rounded to a quarter of
 *   an hour; %NULL in the hours' gutter
 */
GDateTime *
desk_week_view_time_at (GDateTime *start,
                        int        width,
                        double     x,
                        double     y)
{
  double column = (width - GUTTER) / 7.0;
  g_autoptr(GDateTime) day = NULL;
  int minutes, day_number;

  if (x < GUTTER || column <= 0)
    return NULL;

  day_number = CLAMP ((int) ((x - GUTTER) / column), 0, 6);
  minutes = (int) (y / HOUR_HEIGHT * 60.0 + SNAP / 2.0) / SNAP * SNAP;
  minutes = CLAMP (minutes, 0, 24 * 60 - SNAP);
  day = g_date_time_add_days (start, day_number);
  return desk_time_at_local (day, minutes / 60, minutes % 60);
}

static void
desk_week_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = GUTTER + 7 * 48;
      *natural = GUTTER + 7 * 140;
    }
  else
    *minimum = *natural = 24 * HOUR_HEIGHT;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const DeskWeekItem *items = data;
  const DeskWeekItem *x = &items[*(const guint *) a];
  const DeskWeekItem *y = &items[*(const guint *) b];

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->top != y->top)
    return x->top < y->top ? -1 : 1;
  /* Equal starts keep the model's order */
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

/* Gives each of @indices[from, to) (a group of overlapping items) the
 * group's number of sub-columns */
static void
close_group (DeskWeekItem *items,
             const guint  *indices,
             guint         from,
             guint         to,
             guint         n_columns)
{
  for (guint k = from; k < to; k++)
    items[indices[k]].n_columns = n_columns;
}

/**
 * _desk_week_view_lay_out:
 * @items: (array length=n_items): the cards, in any order
 *
 * Sets each item's sub-column and the number of sub-columns of its group,
 * the items of a day that overlap one another, directly or through
 * others. Taken in order of their start, each item takes the leftmost
 * sub-column whose last item has ended (items that only touch do not
 * overlap). Pure arithmetic: tested without a display.
 */
void
_desk_week_view_lay_out (DeskWeekItem *items,
                         guint         n_items)
{
  g_autofree guint *indices = g_new (guint, MAX (n_items, 1));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (double));   /* per sub-column */
  double group_bottom = 0;
  guint group_start = 0;

  for (guint i = 0; i < n_items; i++)
    indices[i] = i;
  g_qsort_with_data (indices, n_items, sizeof (guint), compare_items, items);

  for (guint k = 0; k < n_items; k++)
    {
      DeskWeekItem *item = &items[indices[k]];
      guint column;

      if (k > 0 && (item->day != items[indices[k - 1]].day || item->top >= group_bottom))
        {
          close_group (items, indices, group_start, k, ends->len);
          g_array_set_size (ends, 0);
          group_start = k;
        }
      if (k == group_start)
        group_bottom = item->bottom;

      for (column = 0; column < ends->len; column++)
        if (g_array_index (ends, double, column) <= item->top)
          break;
      if (column == ends->len)
        g_array_append_val (ends, item->bottom);
      else
        g_array_index (ends, double, column) = item->bottom;
      item->column = column;
      group_bottom = MAX (group_bottom, item->bottom);
    }
  if (n_items > 0)
    close_group (items, indices, group_start, n_items, ends->len);
}

static void
desk_week_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DeskWeekView *self = DESK_WEEK_VIEW (widget);
  double column = (width - GUTTER) / 7.0;
  g_autofree DeskWeekItem *items = g_new0 (DeskWeekItem, MAX (self->cards->len, 1));
  int card_height = 0;

  gtk_widget_size_allocate (self->highlight, &(GtkAllocation) { 0, 0, 0, 0 }, -1);

  /* Two lines: the time and the channels, then the title. The cards
   * share a font, hence a height. */
  if (self->cards->len > 0)
    {
      DeskPostCard *card = g_ptr_array_index (self->cards, 0);

      gtk_widget_measure (GTK_WIDGET (card), GTK_ORIENTATION_VERTICAL, -1, &card_height, NULL, NULL, NULL);
      card_height = MAX (card_height + desk_post_card_get_line_height (card) + 2, HOUR_HEIGHT / 2 - 2);
    }

  for (guint i = 0; i < self->cards->len; i++)
    {
      DeskPost *post = desk_post_card_get_post (DESK_POST_CARD (g_ptr_array_index (self->cards, i)));
      g_autoptr(GDateTime) local = desk_time_to_local (desk_post_get_scheduled_at (post));

      items[i].day = day_index (self, local);
      items[i].top = (g_date_time_get_hour (local) + g_date_time_get_minute (local) / 60.0) * HOUR_HEIGHT + 1;
      items[i].bottom = items[i].top + card_height;
    }
  _desk_week_view_lay_out (items, self->cards->len);

  for (guint i = 0; i < self->cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (self->cards, i);
      double w = (column - 4) / MAX (items[i].n_columns, 1);
      double x = GUTTER + items[i].day * column + 2 + items[i].column * w;

      /* A pixel between cards side by side */
      gtk_widget_size_allocate (card,
                                &(GtkAllocation) { (int) x, (int) items[i].top, MAX ((int) w - 1, 8), card_height },
                                -1);
    }
}

static void
desk_week_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  DeskWeekView *self = DESK_WEEK_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double column = (width - GUTTER) / 7.0;
  GdkRGBA line, shade, text;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);

  desk_widget_get_colour (widget, &text);
  line = text;
  line.alpha = 0.12f;
  shade = text;
  shade.alpha = 0.035f;
  text.alpha = 0.6f;

  /* Weekends and public holidays shaded */
  for (int d = 0; d < 7; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->start, d);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day), g_date_time_get_year (day));
      if (g_date_time_get_day_of_week (day) >= 6 || desk_holidays_fr_name (&date) != NULL)
        gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (GUTTER + d * column, 0, column, height));
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (GUTTER + d * column, 0, 1, height));
    }

  for (int h = 0; h < 24; h++)
    {
      g_autofree char *label = g_strdup_printf ("%02d:00", h);

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (GUTTER - 6, h * HOUR_HEIGHT, width - GUTTER + 6, 1));
      pango_layout_set_text (layout, label, -1);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (6, h * HOUR_HEIGHT + 2));
      gtk_snapshot_append_layout (snapshot, layout, &text);
      gtk_snapshot_restore (snapshot);
    }

  GTK_WIDGET_CLASS (desk_week_view_parent_class)->snapshot (widget, snapshot);

  /* Where a dragged post would land: its slot and its time, over the
   * cards */
  if (self->drop_at != NULL)
    {
      int day = day_index (self, self->drop_at);
      float x = GUTTER + day * column + 1;
      float y = (g_date_time_get_hour (self->drop_at) + g_date_time_get_minute (self->drop_at) / 60.0f) * HOUR_HEIGHT;
      float w = column - 2, h = HOUR_HEIGHT / 2.0f;
      g_autofree char *label = g_date_time_format (self->drop_at, "%H:%M");
      GdkRGBA accent, fill;

      desk_widget_get_colour (self->highlight, &accent);
      fill = accent;
      fill.alpha *= 0.22f;
      gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (x, y, w, h));
      desk_snapshot_append_frame (snapshot, &accent, &GRAPHENE_RECT_INIT (x, y, w, h), 2);
      pango_layout_set_text (layout, label, -1);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 6, y + 3));
      text.alpha = 1;
      gtk_snapshot_append_layout (snapshot, layout, &text);
      gtk_snapshot_restore (snapshot);
    }
}

/* The slot under the pointer while a post is dragged */
static void
set_drop_at (DeskWeekView *self,
             GDateTime    *at)
{
  if (self->drop_at == at || (self->drop_at != NULL && at != NULL && g_date_time_equal (self->drop_at, at)))
    return;
  g_clear_pointer (&self->drop_at, g_date_time_unref);
  self->drop_at = at ? g_date_time_ref (at) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                DeskWeekView  *self)
{
  g_autoptr(GDateTime) at = NULL;

  if (self->start != NULL)
    at = desk_week_view_time_at (self->start, gtk_widget_get_width (GTK_WIDGET (self)), x, y);
  set_drop_at (self, at);
  return at != NULL ? GDK_ACTION_MOVE : 0;
}

static void
drop_leave_cb (GtkDropTarget *target,
               DeskWeekView  *self)
{
  set_drop_at (self, NULL);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DeskWeekView  *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (target));
  g_autoptr(GDateTime) at = NULL;

  set_drop_at (self, NULL);
  if (!G_VALUE_HOLDS (value, DESK_TYPE_POST) || self->start == NULL)
    return FALSE;
  at = desk_week_view_time_at (self->start, gtk_widget_get_width (GTK_WIDGET (self)), x, y);
  if (at == NULL)
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_DROP_POST], 0, g_value_get_object (value), at,
                 (state & GDK_CONTROL_MASK) != 0);
  return TRUE;
}

static void
rebuild (DeskWeekView *self)
{
  guint n = self->posts ? g_list_model_get_n_items (self->posts) : 0;
  guint used = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskPost) post = g_list_model_get_item (self->posts, i);
      GtkWidget *card;

      if (desk_post_get_scheduled_at (post) == NULL)
        continue;
      if (used < self->cards->len)
        card = g_ptr_array_index (self->cards, used);
      else
        {
          card = desk_post_card_new ();
          desk_post_card_set_colour_by (DESK_POST_CARD (card), self->colour_by);
          desk_post_card_set_post (DESK_POST_CARD (card), post, self->channels, self->campaigns);
          gtk_widget_set_parent (card, GTK_WIDGET (self));
          g_ptr_array_add (self->cards, card);
        }
      desk_post_card_set_colour_by (DESK_POST_CARD (card), self->colour_by);
      desk_post_card_set_post (DESK_POST_CARD (card), post, self->channels, self->campaigns);
      if (desk_post_get_id (post) == self->focus_post)
        {
          gtk_widget_grab_focus (card);
          self->focus_post = 0;
        }
      used++;
    }

  while (self->cards->len > used)
    {
      GtkWidget *card = g_ptr_array_steal_index (self->cards, self->cards->len - 1);
      gtk_widget_unparent (card);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
items_changed_cb (DeskWeekView *self)
{
  rebuild (self);
}

static void
desk_week_view_dispose (GObject *object)
{
  DeskWeekView *self = (DeskWeekView *) object;

  if (self->cards != NULL)
    {
      for (guint i = 0; i < self->cards->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->cards, i));
      g_clear_pointer (&self->cards, g_ptr_array_unref);
    }
  if (self->posts != NULL)
    g_signal_handlers_disconnect_by_data (self->posts, self);
  g_clear_object (&self->posts);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->campaigns, g_hash_table_unref);
  g_clear_pointer (&self->drop_at, g_date_time_unref);
  g_clear_pointer (&self->highlight, gtk_widget_unparent);

  G_OBJECT_CLASS (desk_week_view_parent_class)->dispose (object);
}

static void
desk_week_view_class_init (DeskWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_week_view_dispose;
  widget_class->measure = desk_week_view_measure;
  widget_class->size_allocate = desk_week_view_size_allocate;
  widget_class->snapshot = desk_week_view_snapshot;

  /**
   * DeskWeekView::drop-post:
   * @post: the dropped post
   * @at: the slot's date and time
   * @copy: Ctrl was held
   */
  signals[SIGNAL_DROP_POST] =
    g_signal_new ("drop-post", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, DESK_TYPE_POST, G_TYPE_DATE_TIME, G_TYPE_BOOLEAN);

  gtk_widget_class_set_css_name (widget_class, "weekview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
desk_week_view_init (DeskWeekView *self)
{
  GtkDropTarget *target = gtk_drop_target_new (DESK_TYPE_POST, GDK_ACTION_MOVE | GDK_ACTION_COPY);

  self->cards = g_ptr_array_new ();
  self->highlight = desk_colour_probe_new (GTK_WIDGET (self), "day-highlight");
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
desk_week_view_new (void)
{
  return g_object_new (DESK_TYPE_WEEK_VIEW, NULL);
}

/**
 * desk_week_view_set_posts:
 * @posts: the week's posts (a DeskPostList over the week)
 * @start: local midnight of the first day
 */
void
desk_week_view_set_posts (DeskWeekView *self,
                          GListModel   *posts,
                          GDateTime    *start,
                          GHashTable   *channels,
                          GHashTable   *campaigns,
                          DeskColourBy  colour_by)
{
  g_return_if_fail (DESK_IS_WEEK_VIEW (self));

  if (self->posts != posts)
    {
      if (self->posts != NULL)
        g_signal_handlers_disconnect_by_data (self->posts, self);
      g_set_object (&self->posts, posts);
      if (posts != NULL)
        g_signal_connect_swapped (posts, "items-changed", G_CALLBACK (items_changed_cb), self);
    }
  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = g_date_time_ref (start);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->campaigns, g_hash_table_unref);
  self->channels = channels ? g_hash_table_ref (channels) : NULL;
  self->campaigns = campaigns ? g_hash_table_ref (campaigns) : NULL;
  self->colour_by = colour_by;
  rebuild (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* After the next rebuild, the card of @post_id takes the focus. */
void
desk_week_view_focus_post (DeskWeekView *self,
                           gint64        post_id)
{
  g_return_if_fail (DESK_IS_WEEK_VIEW (self));
  self->focus_post = post_id;
}

guint
desk_week_view_get_n_cards (DeskWeekView *self)
{
  g_return_val_if_fail (DESK_IS_WEEK_VIEW (self), 0);
  return self->cards->len;
}

/* The slot a dragged post hovers (drawn), or %NULL */
GDateTime *
desk_week_view_get_drop_time (DeskWeekView *self)
{
  g_return_val_if_fail (DESK_IS_WEEK_VIEW (self), NULL);
  return self->drop_at;
}

int
desk_week_view_get_hour_height (void)
{
  return HOUR_HEIGHT;
}
