/* desk-calendar-page-months.c: the calendar page's month panes
 *
 * Six weeks of day cells over the page's DeskPostList: the model follows
 * the store, the shown pane redistributes its items over the cells when
 * it changes. The months around the shown one are read and filled ahead,
 * out of sight, so that a switch only draws one. A single click selects a
 * day, a double click creates a post on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-calendar-page-private.h"
#include "desk-cadence.h"
#include "desk-colour-bar.h"
#include "desk-holidays.h"
#include "desk-post-card.h"
#include "desk-report.h"
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

static GDateTime *
cell_day (DeskCalendarPage *self,
          guint             index)
{
  return g_date_time_add_days (self->shown->start, index);
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

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

GtkWidget *
_desk_calendar_page_make_card (DeskCalendarPage *self,
           DeskPost         *post)
{
  GtkWidget *card = desk_post_card_new ();

  desk_post_card_set_colour_by (DESK_POST_CARD (card), self->colour_by);
  desk_post_card_set_post (DESK_POST_CARD (card), post, self->channels, self->campaigns);
  return card;
}

/* The @n-th band of a cell, made when the cell has fewer */
static DeskColourBar *
cell_band (DayCell *cell,
           guint    n)
{
  GtkWidget *bar = gtk_widget_get_first_child (GTK_WIDGET (cell->bands));

  for (; bar != NULL && n > 0; n--)
    bar = gtk_widget_get_next_sibling (bar);
  if (bar == NULL)
    {
      bar = desk_colour_bar_new (&(GdkRGBA) { 0 }, FALSE, NULL);
      gtk_box_append (cell->bands, bar);
    }
  gtk_widget_set_visible (bar, TRUE);
  return DESK_COLOUR_BAR (bar);
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
          desk_colour_bar_set (cell_band (&pane->cells[i], used[i]++), &colour, day == flag_day,
                               label ? label : desk_campaign_get_name (campaign));
        }
    }

  for (guint i = 0; i < N_DAYS; i++)
    {
      GtkWidget *bar = gtk_widget_get_first_child (GTK_WIDGET (pane->cells[i].bands));

      for (guint n = 0; bar != NULL; bar = gtk_widget_get_next_sibling (bar), n++)
        if (n >= used[i])
          gtk_widget_set_visible (bar, FALSE);
    }
}

static gboolean
warning_tooltip_cb (GtkWidget  *widget,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "text");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A holiday's whole name, which a narrow day may cut */
static gboolean
holiday_tooltip_cb (GtkWidget  *widget,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The day's warning mark: channels with more posts than their cadence. */
static void
update_cadence_warning (DeskCalendarPage *self,
                        DayCell          *cell,
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

  gtk_widget_set_visible (cell->warning, warnings->len > 0);
  if (warnings->len > 0 &&
      g_strcmp0 (g_object_get_data (G_OBJECT (cell->warning), "text"), text->str) != 0)
    {
      /* Read by query-tooltip when shown */
      g_object_set_data_full (G_OBJECT (cell->warning), "text", g_strdup (text->str), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->warning), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
    }
}

/* Sorts @posts into the days of a grid starting on day @first (julian):
 * every post of each day in @all, the cards it shows (filtered, at most
 * CARDS_PER_DAY) in @shown, and how many it would show in @counts. */
static void
sort_into_days (DeskCalendarPage *self,
                GPtrArray        *posts,
                guint32           first,
                GPtrArray       **shown,
                GPtrArray       **all,
                guint            *counts)
{
  for (guint i = 0; i < N_DAYS; i++)
    {
      shown[i] = g_ptr_array_new ();
      all[i] = g_ptr_array_new ();
      counts[i] = 0;
    }

  for (guint i = 0; i < posts->len; i++)
    {
      DeskPost *post = g_ptr_array_index (posts, i);
      GDateTime *at = desk_post_get_scheduled_at (post);
      gint64 index;

      if (at == NULL)
        continue;
      index = (gint64) desk_time_julian (at) - first;
      if (index < 0 || index >= N_DAYS)
        continue;
      g_ptr_array_add (all[index], post);
      if (!desk_post_filter_matches (&self->filter, post))
        continue;

      if (counts[index] < CARDS_PER_DAY)
        g_ptr_array_add (shown[index], post);
      else if (desk_post_get_id (post) == self->focus_post)
        /* The card being moved with the keyboard stays in sight: it
         * takes the last place of a full day. */
        g_ptr_array_index (shown[index], CARDS_PER_DAY - 1) = post;
      counts[index]++;
    }
}

/* The posts of the model, in its order */
static GPtrArray *
model_posts (DeskCalendarPage *self)
{
  GListModel *model = G_LIST_MODEL (self->posts);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *posts = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (posts, g_list_model_get_item (model, i));
  return posts;
}

/* Puts each of @posts in its day cell of @pane. */
static void
fill_month (DeskCalendarPage *self,
            MonthPane        *pane,
            GPtrArray        *posts)
{
  guint counts[N_DAYS];
  GPtrArray *shown[N_DAYS];
  GPtrArray *all[N_DAYS];      /* every post of the day, for the cadence */

  sort_into_days (self, posts, desk_time_julian (pane->start), shown, all, counts);

  /* Cards are recycled: each cell keeps its widgets and only rebinds
   * them; a card not needed this month is hidden, not destroyed (building
   * and unparenting cards was a third of a month switch). */
  for (guint i = 0; i < N_DAYS; i++)
    {
      GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (pane->cells[i].cards));

      for (guint k = 0; k < shown[i]->len; k++)
        {
          if (card == NULL)
            {
              /* Bound before it joins the window: its action needs a target. */
              gtk_box_append (pane->cells[i].cards, _desk_calendar_page_make_card (self, g_ptr_array_index (shown[i], k)));
              continue;
            }
          desk_post_card_set_colour_by (DESK_POST_CARD (card), self->colour_by);
          desk_post_card_set_post (DESK_POST_CARD (card), g_ptr_array_index (shown[i], k),
                                   self->channels, self->campaigns);
          gtk_widget_set_visible (card, TRUE);
          card = gtk_widget_get_next_sibling (card);
        }
      for (; card != NULL; card = gtk_widget_get_next_sibling (card))
        gtk_widget_set_visible (card, FALSE);
      g_ptr_array_unref (shown[i]);
      update_cadence_warning (self, &pane->cells[i], all[i]);
      g_ptr_array_unref (all[i]);
    }

  for (guint i = 0; i < N_DAYS; i++)
    {
      DayCell *cell = &pane->cells[i];
      gboolean overflow = counts[i] > CARDS_PER_DAY;

      gtk_widget_set_visible (cell->more, overflow);
      if (overflow)
        {
          g_autofree char *label = NULL;

          /* Translators: shown in a calendar day that has more posts than fit */
          label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more",
                                                counts[i] - CARDS_PER_DAY),
                                   counts[i] - CARDS_PER_DAY);
          gtk_inscription_set_text (cell->more_label, label);
          /* Screen readers read the button by this name */
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell->more), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        }
    }
}

/* The shown month follows the model */
void
_desk_calendar_page_fill_cells (DeskCalendarPage *self)
{
  g_autoptr(GPtrArray) posts = model_posts (self);

  fill_month (self, self->shown, posts);
}

static DeskPostCard *
find_card (DeskCalendarPage *self,
           gint64            post_id)
{
  for (guint i = 0; i < N_DAYS; i++)
    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->shown->cells[i].cards)); c; c = gtk_widget_get_next_sibling (c))
      if (gtk_widget_get_visible (c) && desk_post_get_id (desk_post_card_get_post (DESK_POST_CARD (c))) == post_id)
        return DESK_POST_CARD (c);
  return NULL;
}

void
_desk_calendar_page_posts_changed_cb (DeskCalendarPage *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  /* Switching to a month filled ahead: the model takes the posts its
   * cards already show */
  if (!self->switching)
    _desk_calendar_page_fill_cells (self);

  /* A keyboard move rebuilt the card that had the focus: give it back. */
  if (self->focus_post != 0)
    {
      DeskPostCard *card = find_card (self, self->focus_post);

      if (card != NULL)
        {
          gtk_widget_grab_focus (GTK_WIDGET (card));
          self->focus_post = 0;
        }
    }
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
      g_autofree char *number = g_strdup_printf ("%d", g_date_time_get_day_of_month (day));
      g_autofree char *name = g_date_time_format (day, "%A %-d %B %Y");
      int weekday = g_date_time_get_day_of_week (day);
      DayCell *cell = &pane->cells[i];
      const char *holiday;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                      g_date_time_get_year (day));
      holiday = desk_holidays_fr_name (&date);

      gtk_inscription_set_text (cell->number, number);
      /* Its tooltip reads the text when shown (holiday_tooltip_cb):
       * setting one makes GTK look for the widget under the pointer */
      if (g_strcmp0 (gtk_inscription_get_text (cell->holiday), holiday) != 0)
        gtk_inscription_set_text (cell->holiday, holiday);
      if (holiday != NULL)
        {
          g_autofree char *full = g_strdup_printf ("%s, %s", name, holiday);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell->box), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
        }
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell->box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

      /* The grid shades the days; the number alone shows today and the
       * other month: a class on the day would restyle all its widgets */
      desk_month_grid_set_shade (pane->grid, cell->box,
                                 g_date_time_get_month (day) != month ? DESK_DAY_SHADE_OTHER_MONTH :
                                 weekday >= 6 || holiday != NULL ? DESK_DAY_SHADE_RESTING : DESK_DAY_SHADE_NONE);
      if (g_date_time_get_month (day) != month)
        gtk_widget_add_css_class (GTK_WIDGET (cell->number), "other-month");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cell->number), "other-month");

      if (first + i == pane->today)
        gtk_widget_add_css_class (GTK_WIDGET (cell->number), "today");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cell->number), "today");
    }
}

static gboolean prepare_months_cb (gpointer data);

void
_desk_calendar_page_prepare_months (DeskCalendarPage *self)
{
  if (self->prepare_id == 0)
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_months_cb, self, NULL);
}

/* The months filled ahead are good until the store, the filter or the
 * lookups change: then they are filled again */
void
_desk_calendar_page_forget_hidden_months (DeskCalendarPage *self)
{
  for (guint k = 0; k < N_MONTHS; k++)
    if (&self->months[k] != self->shown)
      {
        self->months[k].ready = FALSE;
        g_clear_pointer (&self->months[k].posts, g_ptr_array_unref);
      }
  _desk_calendar_page_prepare_months (self);
}

void
_desk_calendar_page_load_range (DeskCalendarPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 brand_id = desk_page_get_brand_id (DESK_PAGE (self));

  if (brand_id == 0 || self->shown->start == NULL)
    return;

  end = g_date_time_add_days (self->shown->start, N_DAYS);
  self->shown->brand_id = brand_id;
  if (!desk_post_list_set_range (self->posts, brand_id, self->shown->start, end, &error))
    desk_report_error (GTK_WIDGET (self), error);
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

/* Reads @month's posts and fills @pane with them, out of sight, day
 * @selected (julian) selected as it will be when shown */
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
  GPtrArray *posts;

  pane->ready = FALSE;
  g_clear_pointer (&pane->posts, g_ptr_array_unref);
  if (pane->grid == NULL)
    build_month (self, pane);
  posts = desk_store_query_posts (desk_page_get_store (DESK_PAGE (self)), brand_id, start, end, &error);
  if (posts == NULL)
    {
      /* The shown month reports it, if it comes to be shown */
      g_debug ("Cannot read a month ahead: %s", error->message);
      return FALSE;
    }
  set_month_days (self, pane, month);
  select_day (pane, selected);
  _desk_calendar_page_update_bands (self, pane);
  fill_month (self, pane, posts);
  pane->posts = posts;
  pane->brand_id = brand_id;
  pane->ready = TRUE;
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
      return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "cell-index"));
  return -1;
}

/* Shows a month filled ahead: its cards are bound, laid out and drawn
 * already; the model takes the posts they show. */
static void
show_ready_month (DeskCalendarPage *self,
                  MonthPane        *pane)
{
  MonthPane *before = self->shown;
  int focused = focused_cell (self);
  g_autoptr(GPtrArray) posts = g_steal_pointer (&pane->posts);
  g_autoptr(GDateTime) end = g_date_time_add_days (pane->start, N_DAYS);

  /* The month left stays as it is, ready to come back */
  g_clear_pointer (&before->posts, g_ptr_array_unref);
  before->posts = model_posts (self);
  before->ready = before->month != NULL;

  self->shown = pane;
  pane->ready = FALSE;
  desk_month_deck_set_shown (self->month_deck, GTK_WIDGET (pane->grid));
  self->switching = TRUE;
  desk_post_list_set_range_items (self->posts, pane->brand_id, pane->start, end, posts);
  self->switching = FALSE;
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
      ; /* Shown already (the model follows the store): only the selection moves */
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
  if (self->agenda_filter != NULL)
    gtk_filter_changed (self->agenda_filter, GTK_FILTER_CHANGE_DIFFERENT);

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
  g_autoptr(GDateTime) day = NULL;
  gboolean copy;

  desk_month_grid_set_drop_day (self->shown->grid, NULL);
  if (box == NULL || !G_VALUE_HOLDS (value, DESK_TYPE_POST))
    return FALSE;

  day = cell_day (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "cell-index")));
  copy = (state & GDK_CONTROL_MASK) != 0 ||
         (drop != NULL && gdk_drop_get_actions (drop) == GDK_ACTION_COPY);
  desk_calendar_page_drop_post (self, g_value_get_object (value), day, copy);
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

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller,
                     DeskCalendarPage        *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "cell-index"));

  g_clear_pointer (&self->selected, g_date_time_unref);
  self->selected = cell_day (self, index);
  update_selection (self);
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     DeskCalendarPage      *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "cell-index"));
  g_autoptr(GDateTime) day = NULL;

  /* Only for the day itself, not for a card inside it */
  if (gtk_root_get_focus (gtk_widget_get_root (box)) != box)
    return FALSE;
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_space)
    return FALSE;

  day = cell_day (self, index);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.new-post-on", "x", g_date_time_to_unix (day));
  return TRUE;
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 DeskCalendarPage *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "cell-index"));
  g_autoptr(GDateTime) day = cell_day (self, index);

  g_clear_pointer (&self->selected, g_date_time_unref);
  self->selected = g_date_time_ref (day);
  update_selection (self);
  /* The day clicked has the focus: the calendar's keys (Page Down,
   * Ctrl+T, Ctrl+G, Enter) work from there */
  gtk_widget_grab_focus (box);

  if (n_press == 2)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-post-on", "x", g_date_time_to_unix (day));
}

/* The "+N more" list is built when it opens. */
static void
more_popover_show_cb (GtkPopover       *popover,
                      DeskCalendarPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (popover), "cell-index"));
  GListModel *model = G_LIST_MODEL (self->posts);
  guint32 wanted = desk_time_julian (self->shown->start) + index;
  DayCell *cell = &self->shown->cells[index];

  clear_box (cell->more_box);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskPost) post = g_list_model_get_item (model, i);
      GDateTime *at = desk_post_get_scheduled_at (post);

      if (at != NULL && desk_time_julian (at) == wanted && desk_post_filter_matches (&self->filter, post))
        gtk_box_append (cell->more_box, _desk_calendar_page_make_card (self, post));
    }
}

static void
create_more_popover_cb (GtkMenuButton *button,
                        gpointer       data)
{
  DeskCalendarPage *self = data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cell-index"));
  DayCell *cell = &self->shown->cells[index];
  GtkWidget *popover, *scroller;

  if (cell->more_box != NULL)
    return;
  cell->more_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_widget_set_size_request (GTK_WIDGET (cell->more_box), 280, -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 400);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (cell->more_box));
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  g_object_set_data (G_OBJECT (popover), "cell-index", GUINT_TO_POINTER (index));
  g_signal_connect (popover, "show", G_CALLBACK (more_popover_show_cb), self);
  gtk_menu_button_set_popover (button, popover);
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

/* A grid of days, its widgets and their controllers, in the deck */
static void
build_month (DeskCalendarPage *self,
             MonthPane        *pane)
{
  pane->grid = g_object_new (DESK_TYPE_MONTH_GRID,
                             "column-homogeneous", TRUE,
                             "row-homogeneous", TRUE,
                             "vexpand", TRUE,
                             "css-classes", (const char *[]) { "month-grid", NULL },
                             NULL);
  desk_month_deck_add (self->month_deck, GTK_WIDGET (pane->grid));
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
      DayCell *cell = &pane->cells[i];
      GtkGesture *click = gtk_gesture_click_new ();

      cell->box = g_object_new (GTK_TYPE_BOX,
                                "orientation", GTK_ORIENTATION_VERTICAL,
                                "spacing", 2,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                NULL);
      gtk_widget_add_css_class (cell->box, "day-cell");
      gtk_widget_set_overflow (cell->box, GTK_OVERFLOW_HIDDEN);
      g_object_set_data (G_OBJECT (cell->box), "cell-index", GUINT_TO_POINTER (i));

      cell->number = GTK_INSCRIPTION (gtk_inscription_new (NULL));
      gtk_inscription_set_min_chars (cell->number, 2);
      gtk_inscription_set_nat_chars (cell->number, 2);
      gtk_inscription_set_xalign (cell->number, 0.5);
      gtk_widget_set_halign (GTK_WIDGET (cell->number), GTK_ALIGN_START);
      gtk_widget_add_css_class (GTK_WIDGET (cell->number), "day-number");
      /* The whole name is in its tooltip */
      cell->holiday = GTK_INSCRIPTION (gtk_inscription_new (NULL));
      gtk_inscription_set_min_chars (cell->holiday, 0);
      gtk_inscription_set_nat_chars (cell->holiday, 0);
      gtk_inscription_set_xalign (cell->holiday, 0);
      gtk_inscription_set_text_overflow (cell->holiday, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_widget_set_hexpand (GTK_WIDGET (cell->holiday), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (cell->holiday), "holiday-name");
      gtk_widget_set_has_tooltip (GTK_WIDGET (cell->holiday), TRUE);
      g_signal_connect (cell->holiday, "query-tooltip", G_CALLBACK (holiday_tooltip_cb), NULL);
      {
        GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

        cell->warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
        gtk_widget_set_has_tooltip (cell->warning, TRUE);
        g_signal_connect (cell->warning, "query-tooltip", G_CALLBACK (warning_tooltip_cb), NULL);
        gtk_widget_add_css_class (cell->warning, "cadence-warning");
        gtk_widget_set_visible (cell->warning, FALSE);
        gtk_box_append (GTK_BOX (head), GTK_WIDGET (cell->number));
        gtk_box_append (GTK_BOX (head), GTK_WIDGET (cell->holiday));
        gtk_box_append (GTK_BOX (head), cell->warning);
        gtk_box_append (GTK_BOX (cell->box), head);
      }

      cell->cards = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
      gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->cards));

      cell->more = gtk_menu_button_new ();
      /* Our own label: set_label () would rebuild the button's child. */
      cell->more_label = GTK_INSCRIPTION (gtk_inscription_new (NULL));
      gtk_inscription_set_min_chars (cell->more_label, 10);
      gtk_inscription_set_nat_chars (cell->more_label, 10);
      gtk_menu_button_set_child (GTK_MENU_BUTTON (cell->more), GTK_WIDGET (cell->more_label));
      /* The list of the day's posts is made when first opened */
      g_object_set_data (G_OBJECT (cell->more), "cell-index", GUINT_TO_POINTER (i));
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (cell->more), create_more_popover_cb, self, NULL);
      gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (cell->more), FALSE);
      gtk_widget_add_css_class (cell->more, "flat");
      gtk_widget_add_css_class (cell->more, "more-button");
      gtk_widget_set_halign (cell->more, GTK_ALIGN_START);
      gtk_widget_set_visible (cell->more, FALSE);
      gtk_widget_set_tooltip_text (cell->more, _("Show all the posts of this day"));
      gtk_box_append (GTK_BOX (cell->box), cell->more);

      /* Campaign bands at the bottom of the day */
      cell->bands = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 1));
      gtk_widget_set_vexpand (GTK_WIDGET (cell->bands), TRUE);
      gtk_widget_set_valign (GTK_WIDGET (cell->bands), GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->bands));


      /* Reachable from the keyboard: focusing a day selects it, Enter
       * creates a post on it. */
      gtk_widget_set_focusable (cell->box, TRUE);
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();
        GtkEventController *keys = gtk_event_controller_key_new ();

        g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), self);
        g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_pressed_cb), self);
        gtk_widget_add_controller (cell->box, focus);
        gtk_widget_add_controller (cell->box, keys);
      }

      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
      g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), self);
      gtk_widget_add_controller (cell->box, GTK_EVENT_CONTROLLER (click));

      gtk_grid_attach (GTK_GRID (pane->grid), cell->box, i % 7, i / 7, 1, 1);
    }
}

/* Days showing a cadence warning */
guint
desk_calendar_page_count_cadence_warnings (DeskCalendarPage *self)
{
  guint n = 0;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), 0);

  for (guint i = 0; i < N_DAYS; i++)
    n += gtk_widget_get_visible (self->shown->cells[i].warning);
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
    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->shown->cells[i].cards)); c; c = gtk_widget_get_next_sibling (c))
      n += gtk_widget_get_visible (c);
  return n;
}