/* desk-calendar-page-months.c: the calendar page's month panes
 *
 * Six weeks of day cells over a range of posts. Each pane, the shown one
 * and those filled ahead out of sight (the months around, so that a
 * switch only draws one), follows a range of the page's DeskPostRanges:
 * read from the store once, then kept live with exact items-changed. A
 * pane keeps an index of its posts by day and binds again only the days
 * an items-changed concerns (a post moved from one day to another: those
 * two), shown or not. A single click selects a day, a double click
 * creates a post on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-calendar-page-private.h"
#include "desk-cadence.h"
#include "desk-holidays.h"
#include "desk-post-card.h"
#include "desk-report-error.h"
#include "desk-time.h"

#define CARDS_PER_DAY   3

static void build_month  (DeskCalendarPage *self,
                          MonthPane        *pane);

/* Local midnight of the first day of @month's grid */
static GDateTime *
grid_start_of (DeskCalendarPage *self,
               GDateTime        *month)
{
  /* day of week: 1 = Monday … 7 = Sunday; week_start: 0 = Sunday */
  int offset = (g_date_time_get_day_of_week (month) % 7 - self->week_start_day + 7) % 7;

  return g_date_time_add_days (month, -offset);
}

#define CELL(pane, i)   DESK_DAY_CELL ((pane)->cells[i].box)

/* The index of day @box in @pane, or -1 */
static int
cell_index (MonthPane *pane,
            GtkWidget *box)
{
  for (guint i = 0; i < N_DAYS; i++)
    if (pane->cells[i].box == box)
      return i;
  return -1;
}

/* Marks day @selected (julian) of @pane (the grid draws it); a month
 * filled ahead gets it before it is shown */
static void
select_day (MonthPane *pane,
            guint32    selected)
{
  gint64 index = (gint64) selected - desk_time_julian (pane->start);

  desk_month_grid_set_selected (pane->grid, index >= 0 && index < N_DAYS ? pane->cells[index].box : NULL);
}

static void
update_selection (DeskCalendarPage *self)
{
  select_day (self->shown, self->selected ? desk_time_julian (self->selected) : 0);
}

/* Each campaign running on a day is a band across it; its deadline day
 * carries a flag. Bands are recycled like cards: a month switch changes
 * their colours, it does not build them again. */
void
_desk_calendar_page_update_bands (DeskCalendarPage *self,
              MonthPane        *pane)
{
  guint32 first;
  GHashTableIter iter;
  gpointer value;
  guint used[N_DAYS] = { 0 };

  if (pane->start == NULL)
    return;
  first = desk_time_julian (pane->start);

  g_hash_table_iter_init (&iter, self->campaigns);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      DeskCampaign *campaign = value;
      GDateTime *starts = desk_campaign_get_starts_on (campaign);
      GDateTime *ends = desk_campaign_get_ends_on (campaign);
      GDateTime *deadline = desk_campaign_get_deadline (campaign);
      guint32 from, to, flag_day;
      GdkRGBA colour;

      if (starts == NULL || ends == NULL ||
          !gdk_rgba_parse (&colour, desk_campaign_get_colour (campaign) ? desk_campaign_get_colour (campaign) : "#3584e4"))
        continue;
      from = desk_time_julian (starts);
      to = desk_time_julian (ends);
      flag_day = deadline ? desk_time_julian (deadline) : 0;

      for (guint i = 0; i < N_DAYS; i++)
        {
          guint32 day = first + i;
          g_autofree char *label = NULL;

          if (day < from || day > to)
            continue;
          if (day == flag_day)
            /* Translators: tooltip of a campaign's band on its deadline */
            label = g_strdup_printf (_("%s — objective deadline"), desk_campaign_get_name (campaign));
          desk_colour_bar_set (desk_day_cell_get_band (CELL (pane, i), used[i]++), &colour, day == flag_day,
                               label ? label : desk_campaign_get_name (campaign));
        }
    }

  for (guint i = 0; i < N_DAYS; i++)
    desk_day_cell_hide_bands (CELL (pane, i), used[i]);
}

/* The day's warning mark: channels with more posts than their cadence. */
static void
update_cadence_warning (DeskCalendarPage *self,
                        DeskDayCell      *cell,
                        GPtrArray        *posts)
{
  g_autoptr(GArray) warnings = desk_cadence_check (posts, self->channels);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < warnings->len; i++)
    {
      DeskCadenceWarning *w = &g_array_index (warnings, DeskCadenceWarning, i);
      DeskChannel *channel = g_hash_table_lookup (self->channels, &w->channel_id);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a cadence warning: channel, posts planned that day, the channel's limit */
      g_string_append_printf (text, _("%s: %u posts this day, cadence %u"),
                              channel ? desk_channel_get_handle (channel) : "?", w->count, w->limit);
    }

  desk_day_cell_set_warning (cell, warnings->len > 0 ? text->str : NULL);
}

/* The day of @post in a grid starting on day @first (julian), or -1 */
static int
day_index (DeskPost *post,
           guint32   first)
{
  GDateTime *at = desk_post_get_scheduled_at (post);
  gint64 index;

  if (at == NULL)
    return -1;
  index = (gint64) desk_time_julian (at) - first;
  return index >= 0 && index < N_DAYS ? (int) index : -1;
}

/* Makes @posts (in the model's order; taken) the index of @pane: every
 * post of each day in the day's list, in that order. */
static void
index_month (MonthPane *pane,
             GPtrArray *posts)
{
  guint32 first = desk_time_julian (pane->start);

  g_clear_pointer (&pane->posts, g_ptr_array_unref);
  pane->posts = posts;
  for (guint i = 0; i < N_DAYS; i++)
    {
      g_clear_pointer (&pane->cells[i].posts, g_ptr_array_unref);
      pane->cells[i].posts = g_ptr_array_new_with_free_func (g_object_unref);
    }
  for (guint k = 0; k < posts->len; k++)
    {
      DeskPost *post = g_ptr_array_index (posts, k);
      int i = day_index (post, first);

      if (i >= 0)
        g_ptr_array_add (pane->cells[i].posts, g_object_ref (post));
    }
}

/* Where @post goes in @posts, sorted as a range sorts */
static guint
insertion_point (GPtrArray *posts,
                 DeskPost  *post)
{
  guint lo = 0, hi = posts->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (desk_post_compare_schedule (g_ptr_array_index (posts, mid), post) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Binds day @i of @pane to @posts, every post of that day in the range's
 * order: the cards of those the filter lets through (at most
 * CARDS_PER_DAY, the rest behind "+N more") and the cadence warning of
 * them all. */
static void
fill_day (DeskCalendarPage *self,
          MonthPane        *pane,
          guint             i,
          GPtrArray        *posts)
{
  g_autoptr(GPtrArray) listed = g_ptr_array_sized_new (posts->len);
  g_autoptr(GPtrArray) shown = g_ptr_array_sized_new (CARDS_PER_DAY);

  for (guint k = 0; k < posts->len; k++)
    {
      DeskPost *post = g_ptr_array_index (posts, k);

      if (!desk_post_filter_matches (&self->filter, post))
        continue;
      g_ptr_array_add (listed, post);
      if (shown->len < CARDS_PER_DAY)
        g_ptr_array_add (shown, post);
      else if (desk_post_get_id (post) == self->focus_post)
        /* The card being moved with the keyboard stays in sight: it
         * takes the last place of a full day. */
        g_ptr_array_index (shown, CARDS_PER_DAY - 1) = post;
    }
  desk_day_cell_set_posts (CELL (pane, i), shown, listed, self->colour_by, self->channels, self->campaigns);
  update_cadence_warning (self, CELL (pane, i), posts);
  pane->n_day_fills++;
}

/* The posts of @model, in its order */
static GPtrArray *
model_posts (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *posts = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (posts, g_list_model_get_item (model, i));
  return posts;
}

/* Binds every day of @pane to its posts in the index */
static void
fill_month (DeskCalendarPage *self,
            MonthPane        *pane)
{
  for (guint i = 0; i < N_DAYS; i++)
    fill_day (self, pane, i, pane->cells[i].posts);
}

/* The shown month again, after a change of the filter: from its index */
void
_desk_calendar_page_fill_cells (DeskCalendarPage *self)
{
  if (self->shown->posts != NULL)
    fill_month (self, self->shown);
}

/* @model's items-changed on @pane's index: the posts removed leave
 * the days they were on (the index knows them: a post that moved has its
 * new date already), the posts added join theirs, and only those days
 * are bound again. */
static void
update_index (DeskCalendarPage *self,
              MonthPane        *pane,
              GListModel       *model,
              guint             position,
              guint             removed,
              guint             added)
{
  guint32 first = desk_time_julian (pane->start);
  gboolean dirty[N_DAYS] = { FALSE };

  if (pane->posts == NULL)
    {
      index_month (pane, model_posts (model));
      fill_month (self, pane);
      return;
    }

  for (guint k = position; k < position + removed; k++)
    {
      DeskPost *post = g_ptr_array_index (pane->posts, k);

      for (guint i = 0; i < N_DAYS; i++)
        if (g_ptr_array_remove (pane->cells[i].posts, post))
          {
            dirty[i] = TRUE;
            break;
          }
    }
  g_ptr_array_remove_range (pane->posts, position, removed);

  for (guint k = position; k < position + added; k++)
    {
      DeskPost *post = g_list_model_get_item (model, k);
      int i = day_index (post, first);

      g_ptr_array_insert (pane->posts, k, post);
      if (i < 0)
        continue;
      g_ptr_array_insert (pane->cells[i].posts, insertion_point (pane->cells[i].posts, post), g_object_ref (post));
      dirty[i] = TRUE;
    }

  for (guint i = 0; i < N_DAYS; i++)
    if (dirty[i])
      fill_day (self, pane, i, pane->cells[i].posts);
}

static DeskPostCard *
find_card (DeskCalendarPage *self,
           gint64            post_id)
{
  for (guint i = 0; i < N_DAYS; i++)
    {
      DeskPostCard *card = desk_day_cell_find_card (CELL (self->shown, i), post_id);

      if (card != NULL)
        return card;
    }
  return NULL;
}

/* A keyboard move rebuilt the card that had the focus: give it back. */
static void
restore_focus (DeskCalendarPage *self)
{
  DeskPostCard *card = self->focus_post != 0 ? find_card (self, self->focus_post) : NULL;

  if (card != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (card));
      self->focus_post = 0;
    }
}

/* Each pane, shown or laid out ahead, follows its range */
static void
pane_posts_changed_cb (GListModel *list,
                       guint       position,
                       guint       removed,
                       guint       added,
                       MonthPane  *pane)
{
  update_index (pane->page, pane, list, position, removed, added);
  if (pane == pane->page->shown)
    restore_focus (pane->page);
}

/* @pane takes @list (NULL: none) as its range and follows it */
static void
follow_list (MonthPane    *pane,
             DeskPostList *list)
{
  if (pane->list != NULL)
    g_clear_signal_handler (&pane->list_changed_id, pane->list);
  g_set_object (&pane->list, list);
  if (list != NULL)
    pane->list_changed_id = g_signal_connect (list, "items-changed", G_CALLBACK (pane_posts_changed_cb), pane);
}

static guint32
today_julian (void)
{
  g_autoptr(GDateTime) today = desk_time_now ();

  return desk_time_julian (today);
}

/* Sets @pane to show @month (its numbers, shades, holidays, today) */
static void
set_month_days (DeskCalendarPage *self,
                MonthPane        *pane,
                GDateTime        *month_start)
{
  guint32 first;
  int month = g_date_time_get_month (month_start);

  if (pane->month != month_start)
    {
      g_clear_pointer (&pane->month, g_date_time_unref);
      g_clear_pointer (&pane->start, g_date_time_unref);
      pane->month = g_date_time_ref (month_start);
      pane->start = grid_start_of (self, month_start);
    }
  pane->today = today_julian ();
  first = desk_time_julian (pane->start);

  for (guint i = 0; i < N_DAYS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (pane->start, i);
      gboolean other_month = g_date_time_get_month (day) != month;
      int weekday = g_date_time_get_day_of_week (day);
      const char *holiday;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                      g_date_time_get_year (day));
      holiday = desk_holidays_fr_name (&date);

      desk_day_cell_set_day (CELL (pane, i), day, holiday, other_month, first + i == pane->today);
      /* The grid shades the days: a class on a day would restyle all its
       * widgets */
      desk_month_grid_set_shade (pane->grid, pane->cells[i].box,
                                 other_month ? DESK_DAY_SHADE_OTHER_MONTH :
                                 weekday >= 6 || holiday != NULL ? DESK_DAY_SHADE_RESTING : DESK_DAY_SHADE_NONE);
    }
}

static gboolean prepare_months_cb (gpointer data);

void
_desk_calendar_page_prepare_months (DeskCalendarPage *self)
{
  if (self->prepare_id == 0)
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_months_cb, self, NULL);
}

/* The months filled ahead follow the store; a change of the filter or
 * the lookups fills them again (from their ranges, read already) */
void
_desk_calendar_page_forget_hidden_months (DeskCalendarPage *self)
{
  for (guint k = 0; k < N_MONTHS; k++)
    if (&self->months[k] != self->shown)
      {
        self->months[k].ready = FALSE;
        follow_list (&self->months[k], NULL);
        g_clear_pointer (&self->months[k].posts, g_ptr_array_unref);
      }
  _desk_calendar_page_prepare_months (self);
}

/* Forgets the ranges read too (a reload reads the store again) */
void
_desk_calendar_page_forget_months (DeskCalendarPage *self)
{
  desk_post_ranges_clear (self->ranges);
  _desk_calendar_page_forget_hidden_months (self);
}

void
_desk_calendar_page_load_range (DeskCalendarPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 brand_id = desk_page_get_brand_id (DESK_PAGE (self));
  DeskPostList *list;

  if (brand_id == 0 || self->shown->start == NULL)
    return;

  end = g_date_time_add_days (self->shown->start, N_DAYS);
  self->shown->brand_id = brand_id;
  list = desk_post_ranges_get (self->ranges, brand_id, self->shown->start, end, &error);
  if (list == NULL)
    {
      desk_report_error (GTK_WIDGET (self), error);
      return;
    }
  follow_list (self->shown, list);
  index_month (self->shown, model_posts (G_LIST_MODEL (list)));
  fill_month (self, self->shown);
  desk_post_list_set_range_from (self->posts, list);
  restore_focus (self);
}

/* A month not shown, filled for @month of @brand_id and still good */
static MonthPane *
ready_month (DeskCalendarPage *self,
             GDateTime        *month,
             gint64            brand_id)
{
  for (guint k = 0; k < N_MONTHS; k++)
    {
      MonthPane *pane = &self->months[k];

      if (pane != self->shown && pane->ready && pane->brand_id == brand_id &&
          pane->month != NULL && g_date_time_equal (pane->month, month))
        return pane;
    }
  return NULL;
}

/* Fills @pane with @month's posts (its range, read once), out of sight,
 * day @selected (julian) selected as it will be when shown; it follows
 * the range from then on */
static gboolean
fill_hidden_month (DeskCalendarPage *self,
                   MonthPane        *pane,
                   GDateTime        *month,
                   guint32           selected,
                   gint64            brand_id)
{
  g_autoptr(GDateTime) start = grid_start_of (self, month);
  g_autoptr(GDateTime) end = g_date_time_add_days (start, N_DAYS);
  g_autoptr(GError) error = NULL;
  DeskPostList *list;

  pane->ready = FALSE;
  follow_list (pane, NULL);
  g_clear_pointer (&pane->posts, g_ptr_array_unref);
  if (pane->grid == NULL)
    build_month (self, pane);
  list = desk_post_ranges_get (self->ranges, brand_id, start, end, &error);
  if (list == NULL)
    {
      /* The shown month reports it, if it comes to be shown */
      g_debug ("Cannot read a month ahead: %s", error->message);
      return FALSE;
    }
  set_month_days (self, pane, month);
  select_day (pane, selected);
  _desk_calendar_page_update_bands (self, pane);
  index_month (pane, model_posts (G_LIST_MODEL (list)));
  fill_month (self, pane);
  pane->brand_id = brand_id;
  pane->ready = TRUE;
  follow_list (pane, list);
  return TRUE;
}

/* Idle, one month per call: the next month, the previous one, today's
 * (for Today) and, while the title's calendar is open, the month it
 * shows (a day picked there), each filled in a grid of its own. GTK lays it out
 * and draws it (for nothing, see DeskMonthDeck) in the next frame, which
 * shows nothing new: switching to it only draws it. */
static gboolean
prepare_months_cb (gpointer data)
{
  DeskCalendarPage *self = data;
  gint64 brand_id = desk_page_get_brand_id (DESK_PAGE (self));
  g_autoptr(GDateTime) now = desk_time_now ();
  GDateTime *wanted[N_MONTHS - 1] = { NULL };
  MonthPane *ready[N_MONTHS - 1] = { NULL };
  guint n_wanted = 3;
  gboolean more = FALSE;

  if (desk_page_get_store (DESK_PAGE (self)) == NULL || brand_id == 0 || self->month == NULL)
    {
      self->prepare_id = 0;
      return G_SOURCE_REMOVE;
    }

  wanted[0] = g_date_time_add_months (self->month, 1);
  wanted[1] = g_date_time_add_months (self->month, -1);
  wanted[2] = desk_time_month_start (now);
  if (gtk_widget_get_visible (GTK_WIDGET (self->go_to_popover)))
    {
      g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->go_to_calendar);

      wanted[n_wanted++] = desk_time_month_start (picked);
    }
  for (guint w = 0; w < n_wanted; w++)
    ready[w] = ready_month (self, wanted[w], brand_id);

  for (guint w = 0; w < n_wanted && !more; w++)
    {
      gboolean shown_or_twice = g_date_time_equal (wanted[w], self->month);

      for (guint v = 0; v < w; v++)
        shown_or_twice |= g_date_time_equal (wanted[w], wanted[v]);
      if (ready[w] != NULL || shown_or_twice)
        continue;
      /* A month not shown that no other wanted month is in */
      for (guint k = 0; k < N_MONTHS && !more; k++)
        {
          MonthPane *pane = &self->months[k];
          gboolean taken = pane == self->shown;

          for (guint v = 0; v < n_wanted; v++)
            taken |= ready[v] == pane;
          if (taken)
            continue;
          /* Next and Previous select the first day, Today today */
          if (fill_hidden_month (self, pane, wanted[w], w == 2 ? desk_time_julian (now) : desk_time_julian (wanted[w]), brand_id))
            more = TRUE;
          else
            k = N_MONTHS;
        }
      if (!more)
        break;
    }

  for (guint w = 0; w < n_wanted; w++)
    g_date_time_unref (wanted[w]);
  if (more)
    return G_SOURCE_CONTINUE;
  self->prepare_id = 0;
  return G_SOURCE_REMOVE;
}

/* The day cell (of the shown month) that holds the focus, or -1 */
static int
focused_cell (DeskCalendarPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (gtk_widget_get_parent (focus) == GTK_WIDGET (self->shown->grid))
      return cell_index (self->shown, focus);
  return -1;
}

/* Shows a month filled ahead: its cards are bound, laid out and drawn
 * already; the model (for the agenda) takes the posts they show. */
static void
show_ready_month (DeskCalendarPage *self,
                  MonthPane        *pane)
{
  MonthPane *before = self->shown;
  int focused = focused_cell (self);

  /* The month left stays as it is, following its range, ready to come
   * back */
  before->ready = before->month != NULL && before->posts != NULL && before->list != NULL;
  if (!before->ready)
    follow_list (before, NULL);

  self->shown = pane;
  pane->ready = FALSE;
  desk_month_deck_set_shown (self->month_deck, GTK_WIDGET (pane->grid));
  desk_post_list_set_range_from (self->posts, pane->list);
  restore_focus (self);
  /* A day that had the focus gives it to the selected day (the first for
   * Next and Previous, today for Today), or to the day at its place */
  if (focused >= 0)
    {
      gint64 selected = self->selected ? (gint64) desk_time_julian (self->selected) - desk_time_julian (pane->start) : -1;

      gtk_widget_grab_focus (pane->cells[selected >= 0 && selected < N_DAYS ? selected : focused].box);
    }
}

void
desk_calendar_page_set_month (DeskCalendarPage *self,
                              GDateTime        *day)
{
  g_autoptr(GDateTime) month = NULL;
  g_autoptr(GDateTime) start = NULL;

  g_return_if_fail (DESK_IS_CALENDAR_PAGE (self));
  g_return_if_fail (day != NULL);

  month = desk_time_month_start (day);

  g_clear_pointer (&self->month, g_date_time_unref);
  self->month = g_steal_pointer (&month);

  start = grid_start_of (self, self->month);
  if (self->selected == NULL || desk_time_julian (self->selected) < desk_time_julian (start) ||
      desk_time_julian (self->selected) >= desk_time_julian (start) + N_DAYS)
    {
      g_clear_pointer (&self->selected, g_date_time_unref);
      self->selected = desk_time_local_midnight (day);
    }

  {
    gint64 brand_id = desk_page_get_brand_id (DESK_PAGE (self));
    MonthPane *ready = ready_month (self, self->month, brand_id);

    if (self->shown->month != NULL && g_date_time_equal (self->shown->month, self->month) &&
        self->shown->brand_id == brand_id && brand_id != 0 && self->shown->today == today_julian ())
      ; /* Shown already (its range follows the store): only the selection moves */
    else if (ready != NULL && ready->today == today_julian ())
      show_ready_month (self, ready);
    else
      {
        set_month_days (self, self->shown, self->month);
        _desk_calendar_page_update_bands (self, self->shown);
        _desk_calendar_page_load_range (self);
      }
  }
  _desk_calendar_page_update_title (self);
  update_selection (self);
  desk_agenda_view_set_month (self->agenda_view, self->month);

  /* While this month is looked at, fill the months before and after it
   * out of sight: the next switch then only draws one. */
  desk_post_card_age_texts ();
  _desk_calendar_page_prepare_months (self);
}

/* The day of the shown month at (@x, @y) in its grid, or NULL */
static GtkWidget *
day_at (DeskCalendarPage *self,
        double            x,
        double            y)
{
  for (guint i = 0; i < N_DAYS; i++)
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (self->shown->cells[i].box, GTK_WIDGET (self->shown->grid), &bounds) &&
          graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)))
        return self->shown->cells[i].box;
    }
  return NULL;
}

static gboolean
grid_drop_cb (GtkDropTarget    *target,
              const GValue     *value,
              double            x,
              double            y,
              DeskCalendarPage *self)
{
  GtkWidget *box = day_at (self, x, y);
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (target));
  gboolean copy;

  desk_month_grid_set_drop_day (self->shown->grid, NULL);
  if (box == NULL || !G_VALUE_HOLDS (value, DESK_TYPE_POST))
    return FALSE;

  copy = (state & GDK_CONTROL_MASK) != 0 ||
         (drop != NULL && gdk_drop_get_actions (drop) == GDK_ACTION_COPY);
  desk_calendar_page_drop_post (self, g_value_get_object (value), desk_day_cell_get_day (DESK_DAY_CELL (box)), copy);
  return TRUE;
}

/* Each motion only tells the grid which day to draw hovered */
static GdkDragAction
grid_drop_motion_cb (GtkDropTarget    *target,
                     double            x,
                     double            y,
                     DeskCalendarPage *self)
{
  GtkWidget *box = day_at (self, x, y);

  desk_month_grid_set_drop_day (self->shown->grid, box);
  return box != NULL ? GDK_ACTION_MOVE : 0;
}

static void
grid_drop_leave_cb (GtkDropTarget    *target,
                    DeskCalendarPage *self)
{
  desk_month_grid_set_drop_day (self->shown->grid, NULL);
}

/* A day focused or clicked becomes the selected day */
static void
cell_selected_cb (DeskDayCell      *cell,
                  DeskCalendarPage *self)
{
  g_clear_pointer (&self->selected, g_date_time_unref);
  self->selected = g_date_time_ref (desk_day_cell_get_day (cell));
  update_selection (self);
}

void
_desk_calendar_page_build_grid (DeskCalendarPage *self)
{
  g_autoptr(GDateTime) monday = desk_time_new_local (2024, 1, 1, 0, 0, 0);   /* a Monday */

  for (int col = 0; col < 7; col++)
    {
      /* week_start 0 = Sunday: Monday + (week_start - 1 + col) days */
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, (self->week_start_day + 6 + col) % 7);
      g_autofree char *name = g_date_time_format (day, "%a");
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "weekday");
      gtk_grid_attach (self->weekday_grid, label, col, 0, 1, 1);
    }

  /* The other months' grids are made when first filled, after start-up */
  self->shown = &self->months[0];
  build_month (self, self->shown);
  desk_month_deck_set_shown (self->month_deck, GTK_WIDGET (self->shown->grid));
}

/* The page's dispose (desk-calendar-page.c) frees the panes' months and
 * posts; the days' index goes with their grid */
static void
grid_finalized_cb (gpointer  data,
                   GObject  *where_the_object_was)
{
  MonthPane *pane = data;

  for (guint i = 0; i < N_DAYS; i++)
    {
      g_clear_pointer (&pane->cells[i].posts, g_ptr_array_unref);
      pane->cells[i].box = NULL;
    }
  pane->grid = NULL;
}

/* A grid of days, its widgets and their controllers, in the deck */
static void
build_month (DeskCalendarPage *self,
             MonthPane        *pane)
{
  pane->page = self;
  pane->grid = g_object_new (DESK_TYPE_MONTH_GRID,
                             "column-homogeneous", TRUE,
                             "row-homogeneous", TRUE,
                             "vexpand", TRUE,
                             "css-classes", (const char *[]) { "month-grid", NULL },
                             NULL);
  desk_month_deck_add (self->month_deck, GTK_WIDGET (pane->grid));
  g_object_weak_ref (G_OBJECT (pane->grid), grid_finalized_cb, pane);
  {
    /* One drop target for the month: GTK gives the widget under a drag
     * the :drop(active) state, which on each day restyled it as the
     * pointer went by; the grid draws the day hovered */
    GtkDropTarget *target = gtk_drop_target_new (DESK_TYPE_POST, GDK_ACTION_MOVE | GDK_ACTION_COPY);

    gtk_drop_target_set_preload (target, TRUE);
    g_signal_connect (target, "drop", G_CALLBACK (grid_drop_cb), self);
    g_signal_connect (target, "enter", G_CALLBACK (grid_drop_motion_cb), self);
    g_signal_connect (target, "motion", G_CALLBACK (grid_drop_motion_cb), self);
    g_signal_connect (target, "leave", G_CALLBACK (grid_drop_leave_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (pane->grid), GTK_EVENT_CONTROLLER (target));
  }
  for (guint i = 0; i < N_DAYS; i++)
    {
      pane->cells[i].box = desk_day_cell_new ();
      g_signal_connect (pane->cells[i].box, "selected", G_CALLBACK (cell_selected_cb), self);
      gtk_grid_attach (GTK_GRID (pane->grid), pane->cells[i].box, i % 7, i / 7, 1, 1);
    }
}

/* Days showing a cadence warning */
guint
desk_calendar_page_count_cadence_warnings (DeskCalendarPage *self)
{
  guint n = 0;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), 0);

  for (guint i = 0; i < N_DAYS; i++)
    n += desk_day_cell_has_warning (CELL (self->shown, i));
  return n;
}

/* Whether the months around the shown one are still being filled */
gboolean
desk_calendar_page_is_preparing (DeskCalendarPage *self)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);
  return self->prepare_id != 0;
}

/* Cards shown in the shown month's days (not counting the "+N more"
 * lists) */
guint
desk_calendar_page_count_cards (DeskCalendarPage *self)
{
  guint n = 0;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), 0);

  for (guint i = 0; i < N_DAYS; i++)
    n += desk_day_cell_get_n_cards (CELL (self->shown, i));
  return n;
}

/* Days of the shown month bound to their posts since it was built: a
 * change to one post binds again the days it left and joined */
guint
_desk_calendar_page_get_n_day_fills (DeskCalendarPage *self)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), 0);
  return self->shown->n_day_fills;
}

/* Days of the pane of @month (its 1st, local midnight), shown or laid out
 * ahead, bound to their posts since it was built; 0 without one */
guint
_desk_calendar_page_get_n_month_fills (DeskCalendarPage *self,
                                       GDateTime        *month)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), 0);

  for (guint k = 0; k < N_MONTHS; k++)
    if (self->months[k].month != NULL && g_date_time_equal (self->months[k].month, month))
      return self->months[k].n_day_fills;
  return 0;
}
