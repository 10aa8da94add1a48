/* desk-calendar-page.c: the month view of the editorial calendar
 *
 * Six weeks of day cells over a DeskPostList: the model follows the store,
 * the page redistributes its items over the cells when it changes. A
 * single click selects a day, a double click creates a post on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-calendar-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "desk-calendar-page.h"
#include "desk-report.h"
#include "desk-week-view.h"
#include "desk-csv.h"
#include "desk-import-dialog.h"
#include "desk-colour-bar.h"
#include "desk-month-deck.h"
#include "desk-month-grid.h"
#include "desk-cadence.h"
#include "desk-filter-popover.h"
#include "desk-holidays.h"
#include "desk-ics.h"
#include "desk-post-card.h"
#include "desk-post-list.h"
#include "desk-post-move.h"
#include "desk-time.h"

#define N_DAYS          42
#define CARDS_PER_DAY   3
#define MAX_UNDO        20
#define N_MONTHS        5     /* the shown one, the next, the previous, today's and
                                 * the one the title's calendar shows */

typedef struct
{
  GtkWidget *box;
  /* Inscriptions, not labels: their size does not follow their text, so
   * a month switch redraws them without measuring the window again */
  GtkInscription *number;
  GtkInscription *holiday;
  GtkWidget *warning;
  GtkBox    *bands;
  GtkBox    *cards;
  GtkWidget *more;
  GtkBox    *more_box;
  GtkInscription *more_label;
} DayCell;

/* A month's grid of days: the one shown, or one laid out ahead */
typedef struct
{
  DeskMonthGrid *grid;
  DayCell        cells[N_DAYS];
  GDateTime     *month;        /* local midnight, 1st of the month; NULL: none yet */
  GDateTime     *start;        /* local midnight of its first day */
  gint64         brand_id;
  guint32        today;        /* the day it marks as today (julian) */
  /* Not shown: the posts it was filled with, and whether they are still
   * the store's (any change to the store, the filter or the lookups
   * makes it fill again) */
  GPtrArray     *posts;
  gboolean       ready;
} MonthPane;

struct _DeskCalendarPage
{
  DeskPage       parent_instance;

  DeskPostList  *posts;
  DeskPostList  *ideas;        /* the tray: posts without a date */
  GHashTable    *channels;     /* gint64* → DeskChannel */
  GHashTable    *campaigns;    /* gint64* → DeskCampaign */

  GDateTime     *month;        /* local midnight, 1st of the shown month */
  GDateTime     *selected;     /* local midnight */
  int            week_start_day;   /* 0 = Sunday … 6 = Saturday */
  DeskUndoStack *undo;
  gint64         focus_post;   /* card to focus again after a rebuild */
  guint          prepare_id;   /* idle: the months around, read and filled */
  gboolean       switching;    /* the model takes a prepared month's posts */

  MonthPane      months[N_MONTHS];
  MonthPane     *shown;

  GtkInscription *month_label;
  GtkInscription *short_title;
  GtkMenuButton *go_to_button;
  GtkPopover    *go_to_popover;
  GtkCalendar   *go_to_calendar;
  gulong         go_to_popdown_id;  /* on the frame clock's after-paint */
  GtkGrid       *weekday_grid;
  DeskMonthDeck *month_deck;
  GtkWidget     *tray_box;
  GtkListBox    *tray_list;
  GtkStack      *view_stack;
  GtkToggleButton *month_button;
  GtkToggleButton *agenda_button;
  GtkToggleButton *week_button;
  GtkBox        *week_header;
  GtkScrolledWindow *week_scroller;
  DeskWeekView  *week_view;
  DeskPostList  *week_posts;
  GDateTime     *week_start;     /* local midnight */
  GtkListBox    *agenda_list;
  GtkFilter     *agenda_filter;  /* the shown month, out of the six weeks */
  GListModel    *agenda_model;   /* bound to the list only while shown */
  gboolean       agenda_bound;
  GSettings     *settings;
  GtkMenuButton *filter_button;
  DeskFilterPopover *filter_popover;
  DeskPostFilter filter;
  DeskColourBy   colour_by;
};

G_DEFINE_FINAL_TYPE (DeskCalendarPage, desk_calendar_page, DESK_TYPE_PAGE)

static void update_title (DeskCalendarPage *self);
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

static GtkWidget *
make_card (DeskCalendarPage *self,
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
static void
update_bands (DeskCalendarPage *self,
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
              gtk_box_append (pane->cells[i].cards, make_card (self, g_ptr_array_index (shown[i], k)));
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
static void
fill_cells (DeskCalendarPage *self)
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

static void
posts_changed_cb (DeskCalendarPage *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  /* Switching to a month filled ahead: the model takes the posts its
   * cards already show */
  if (!self->switching)
    fill_cells (self);

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

static void
prepare_months (DeskCalendarPage *self)
{
  if (self->prepare_id == 0)
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_months_cb, self, NULL);
}

/* The months filled ahead are good until the store, the filter or the
 * lookups change: then they are filled again */
static void
forget_hidden_months (DeskCalendarPage *self)
{
  for (guint k = 0; k < N_MONTHS; k++)
    if (&self->months[k] != self->shown)
      {
        self->months[k].ready = FALSE;
        g_clear_pointer (&self->months[k].posts, g_ptr_array_unref);
      }
  prepare_months (self);
}

static void
load_range (DeskCalendarPage *self)
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

static gboolean
showing_week (DeskCalendarPage *self)
{
  return gtk_toggle_button_get_active (self->week_button);
}

static void
capitalise_into (GtkInscription *title,
                 GtkWidget      *button,
                 const char     *text)
{
  /* Month names are lower case in French: a title starts upper case. */
  gunichar c;
  char buf[8] = { 0 };
  g_autofree char *cap = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  c = g_unichar_totitle (g_utf8_get_char (text));
  g_unichar_to_utf8 (c, buf);
  cap = g_strconcat (buf, g_utf8_next_char (text), NULL);
  gtk_inscription_set_text (title, cap);
  if (button == NULL)
    return;
  /* Screen readers read the button by the title it shows */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cap,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Go to a date"),
                                  -1);
}

static char *
format_title (GDateTime *day,
              gboolean   week,
              gboolean   shortened)
{
  if (week && shortened)
    /* Translators: title of the week view where the long one does not
     * fit, strftime format */
    return g_date_time_format (day, _("Wk of %-d %b"));
  if (week)
    /* Translators: title of the week view, strftime format */
    return g_date_time_format (day, _("Week of %-d %B %Y"));
  return g_date_time_format (day, "%OB %Y");
}

/* The width of the longest title of the view in its own font (the week
 * of the 30th of each month, or each month of the year), so that no title
 * is ever cut */
static int
longest_title_width (GtkInscription *inscription,
                     gboolean        week,
                     gboolean        shortened,
                     int             year)
{
  int widest = 0;

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (year, month, month == 2 ? 28 : 30, 12, 0, 0);
      g_autofree char *title = format_title (day, week, shortened);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (inscription), title);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  /* Capitals are wider than the lower case letters they replace */
  return widest + 8;
}

/* Room for the longest month ("Septembre 2026") or week title: a switch
 * of view resizes the button, a switch of month does not */
static void
size_title (GtkInscription *inscription,
            gboolean        week,
            gboolean        shortened,
            int             year)
{
  int width = longest_title_width (inscription, week, shortened, year);
  int current;

  gtk_widget_get_size_request (GTK_WIDGET (inscription), &current, NULL);
  if (width != current)
    gtk_widget_set_size_request (GTK_WIDGET (inscription), width, -1);
}

static void
update_title (DeskCalendarPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *short_title = NULL;
  gboolean week = showing_week (self) && self->week_start != NULL;
  GDateTime *day = week ? self->week_start : self->month;
  int year;

  if (self->month == NULL)
    return;
  year = g_date_time_get_year (self->month);
  title = format_title (day, week, FALSE);
  short_title = format_title (day, week, TRUE);
  size_title (self->month_label, week, FALSE, year);
  size_title (self->short_title, week, TRUE, year);
  capitalise_into (self->short_title, NULL, short_title);
  /* Screen readers hear the long title */
  capitalise_into (self->month_label, GTK_WIDGET (self->go_to_button), title);
}

static void
load_week (DeskCalendarPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 brand_id = desk_page_get_brand_id (DESK_PAGE (self));
  GtkWidget *child;

  /* Only the view on screen reads and builds its cards. */
  if (self->week_start == NULL || !showing_week (self))
    return;

  /* Day names over the columns */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->week_header))) != NULL)
    gtk_box_remove (self->week_header, child);
  for (int d = 0; d < 7; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->week_start, d);
      /* Translators: a day over the week view's column, strftime format */
      g_autofree char *name = g_date_time_format (day, _("%a %-d"));
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "weekday");
      gtk_box_append (self->week_header, label);
    }

  end = g_date_time_add_days (self->week_start, 7);
  if (brand_id != 0 &&
      !desk_post_list_set_range (self->week_posts, brand_id, self->week_start, end, &error))
    desk_report_error (GTK_WIDGET (self), error);
  desk_week_view_set_posts (self->week_view, G_LIST_MODEL (self->week_posts), self->week_start,
                            self->channels, self->campaigns, self->colour_by);
}

/**
 * desk_calendar_page_set_week:
 * @day: any time in the week to show
 */
void
desk_calendar_page_set_week (DeskCalendarPage *self,
                             GDateTime        *day)
{
  g_autoptr(GDateTime) midnight = NULL;
  int offset;

  g_return_if_fail (DESK_IS_CALENDAR_PAGE (self));

  midnight = desk_time_local_midnight (day);
  offset = (g_date_time_get_day_of_week (midnight) % 7 - self->week_start_day + 7) % 7;
  g_clear_pointer (&self->week_start, g_date_time_unref);
  self->week_start = g_date_time_add_days (midnight, -offset);
  load_week (self);
  update_title (self);
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
  update_bands (self, pane);
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
        update_bands (self, self->shown);
        load_range (self);
      }
  }
  update_title (self);
  update_selection (self);
  if (self->agenda_filter != NULL)
    gtk_filter_changed (self->agenda_filter, GTK_FILTER_CHANGE_DIFFERENT);

  /* While this month is looked at, fill the months before and after it
   * out of sight: the next switch then only draws one. */
  desk_post_card_age_texts ();
  prepare_months (self);
}

/* The keyboard focus goes where the work is: the selected day of the month
 * shown, the week, or the agenda's first row (GtkWidget::grab_focus) */
static gboolean
desk_calendar_page_grab_focus (GtkWidget *widget)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "month") == 0 && self->shown != NULL && self->shown->grid != NULL)
    {
      gint64 index = self->selected ? (gint64) desk_time_julian (self->selected) - desk_time_julian (self->shown->start) : -1;

      if (index < 0 || index >= N_DAYS)
        {
          g_autoptr(GDateTime) now = desk_time_now ();

          index = (gint64) desk_time_julian (now) - desk_time_julian (self->shown->start);
        }
      if (index >= 0 && index < N_DAYS)
        return gtk_widget_grab_focus (self->shown->cells[index].box);
    }
  else if (g_strcmp0 (view, "week") == 0)
    return gtk_widget_child_focus (GTK_WIDGET (self->week_view), GTK_DIR_TAB_FORWARD) ||
           gtk_widget_grab_focus (GTK_WIDGET (self->week_view));
  else if (g_strcmp0 (view, "agenda") == 0 &&
           gtk_widget_child_focus (GTK_WIDGET (self->agenda_list), GTK_DIR_TAB_FORWARD))
    return TRUE;
  return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
go_action_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  g_autoptr(GDateTime) target = NULL;

  if (g_str_equal (action_name, "calendar.today"))
    target = desk_time_now ();
  else if (showing_week (self) && self->week_start != NULL)
    target = g_date_time_add_days (self->week_start, g_str_equal (action_name, "calendar.next") ? 7 : -7);
  else
    target = g_date_time_add_months (self->month, g_str_equal (action_name, "calendar.next") ? 1 : -1);

  g_clear_pointer (&self->selected, g_date_time_unref);
  if (!g_str_equal (action_name, "calendar.today"))
    self->selected = g_date_time_ref (target);
  desk_calendar_page_set_month (self, target);
  desk_calendar_page_set_week (self, target);
}

/**
 * desk_calendar_page_go_to:
 * @day: any time of the day to show
 *
 * Shows @day's month (or week, in the week view) with @day selected: what
 * picking a day in the title's calendar does.
 */
void
desk_calendar_page_go_to (DeskCalendarPage *self,
                          GDateTime        *day)
{
  g_return_if_fail (DESK_IS_CALENDAR_PAGE (self));
  g_return_if_fail (day != NULL);

  g_clear_pointer (&self->selected, g_date_time_unref);
  self->selected = desk_time_local_midnight (day);
  desk_calendar_page_set_month (self, day);
  desk_calendar_page_set_week (self, day);
}

/* A day picked (clicked, or reached with the arrow keys) is shown at
 * once; a click or Enter closes the calendar */
static void
go_to_day_selected_cb (GtkCalendar      *calendar,
                       DeskCalendarPage *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  desk_calendar_page_go_to (self, day);
}

/* The calendar opens on the selected day */
static void
go_to_popover_show_cb (DeskCalendarPage *self)
{
  g_autoptr(GDateTime) day = desk_calendar_page_dup_selected_day (self);

  g_signal_handlers_block_by_func (self->go_to_calendar, go_to_day_selected_cb, self);
  gtk_calendar_select_day (self->go_to_calendar, day);
  g_signal_handlers_unblock_by_func (self->go_to_calendar, go_to_day_selected_cb, self);
}

/* The calendar's arrows turned its page: that month is laid out while a
 * day is picked in it */
static void
go_to_page_turned_cb (DeskCalendarPage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->go_to_popover)))
    prepare_months (self);
}

/* The calendar closes once the frame that shows the day's month is
 * drawn: closing a popover in that frame costs it tens of milliseconds
 * under X11 */
static void
go_to_popdown_cb (GdkFrameClock    *clock,
                  DeskCalendarPage *self)
{
  g_clear_signal_handler (&self->go_to_popdown_id, clock);
  gtk_popover_popdown (self->go_to_popover);
}

static void
go_to_close (DeskCalendarPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      gtk_popover_popdown (self->go_to_popover);
      return;
    }
  if (self->go_to_popdown_id == 0)
    self->go_to_popdown_id = g_signal_connect (clock, "after-paint", G_CALLBACK (go_to_popdown_cb), self);
  /* A day of the month shown already changes little: a frame all the same */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
go_to_released_cb (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   DeskCalendarPage *self)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (calendar, x, y, GTK_PICK_DEFAULT);

  /* The month and year arrows only turn the calendar's pages. A click on
   * the day already selected there (its page turned) selects nothing:
   * that day is shown all the same. */
  if (picked != NULL && gtk_widget_get_ancestor (picked, GTK_TYPE_BUTTON) == NULL)
    {
      go_to_day_selected_cb (self->go_to_calendar, self);
      go_to_close (self);
    }
}

static gboolean
go_to_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      DeskCalendarPage      *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  go_to_day_selected_cb (self->go_to_calendar, self);
  go_to_close (self);
  return TRUE;
}

/* Ctrl+G */
static void
go_to_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_menu_button_popup (DESK_CALENDAR_PAGE (widget)->go_to_button);
}

static void
toast (DeskCalendarPage *self,
       const char       *message,
       gboolean          with_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *t = adw_toast_new (message);

  if (with_undo)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, "win.undo");
      adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
    }
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

/* Moves (or, with @copy, duplicates) @post to @at and tells the user,
 * with Undo. The one path behind drops, keyboard moves and tests. */
static gboolean
apply_move (DeskCalendarPage *self,
            DeskPost         *post,
            GDateTime        *at,
            gboolean          copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) local = at ? desk_time_to_local (at) : NULL;
  /* Translators: where a post went, strftime format */
  g_autofree char *when = local ? g_date_time_format (local, _("%A %-d %B at %H:%M")) : NULL;
  g_autofree char *message = NULL;

  if (!desk_post_move_apply (desk_page_get_store (DESK_PAGE (self)), self->undo, post, at, copy, &error))
    {
      toast (self, error->message, FALSE);
      return FALSE;
    }

  if (copy)
    message = g_strdup_printf (_("Copied as a draft to %s"), when);
  else
    message = when ? g_strdup_printf (_("Moved to %s"), when) : g_strdup (_("Moved to the ideas"));
  toast (self, message, TRUE);
  return TRUE;
}

typedef struct
{
  DeskCalendarPage *self;
  DeskPost         *post;
  GDateTime        *at;
  gboolean          copy;
} PendingMove;

static void
pending_move_free (PendingMove *pending)
{
  g_object_unref (pending->self);
  g_object_unref (pending->post);
  g_date_time_unref (pending->at);
  g_free (pending);
}

static void
past_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PendingMove      *pending)
{
  if (g_strcmp0 (response, "schedule") == 0)
    apply_move (pending->self, pending->post, pending->at, pending->copy);
}

/**
 * desk_calendar_page_drop_post:
 * @day: any time on the day the post is dropped on
 * @copy: duplicate instead of moving (Ctrl+drag)
 *
 * What a drop on a day does: the post keeps its time of day. A day in the
 * past asks first; a published post is refused with the reason.
 *
 * Returns: %TRUE if the post was moved or copied now
 */
gboolean
desk_calendar_page_drop_post (DeskCalendarPage *self,
                              DeskPost         *post,
                              GDateTime        *day,
                              gboolean          copy)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GDateTime) at = NULL;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  settings = g_settings_new (BASE_APP_ID);
  at = desk_post_move_drop_time (post, day, g_settings_get_int (settings, "default-post-hour"),
                                 g_settings_get_int (settings, "default-post-minute"), copy);
  if (at == NULL)
    return FALSE;

  return desk_calendar_page_move_post_to (self, post, at, copy);
}

/**
 * desk_calendar_page_move_post_to:
 * @at: the new date and time
 * @copy: duplicate instead of moving
 *
 * Moves @post to exactly @at ("Move to…", drops). A time in a day that has
 * passed asks first; a published post is refused with the reason.
 *
 * Returns: %TRUE if the post was moved or copied now
 */
gboolean
desk_calendar_page_move_post_to (DeskCalendarPage *self,
                                 DeskPost         *post,
                                 GDateTime        *at,
                                 gboolean          copy)
{
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autofree char *reason = NULL;
  GtkWidget *dialog;
  PendingMove *pending;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  switch (desk_post_move_check (post, at, now, copy, &reason))
    {
    case DESK_POST_MOVE_ALLOWED:
      return apply_move (self, post, at, copy);
    case DESK_POST_MOVE_REFUSED:
      toast (self, reason, FALSE);
      return FALSE;
    case DESK_POST_MOVE_NEEDS_CONFIRMATION:
    default:
      break;
    }

  /* A day that has passed: the network would publish it at once. */
  pending = g_new0 (PendingMove, 1);
  pending->self = g_object_ref (self);
  pending->post = g_object_ref (post);
  pending->at = g_date_time_ref (at);
  pending->copy = copy;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Schedule in the Past?"), reason);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "schedule", _("_Schedule Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "schedule", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (past_response_cb), pending,
                         (GClosureNotify) (void (*) (void)) pending_move_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/**
 * desk_calendar_page_undo:
 *
 * Puts back what the last move, copy or unschedule changed.
 *
 * Returns: %TRUE if something was undone
 */
gboolean
desk_calendar_page_undo (DeskCalendarPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);

  if (!desk_undo_stack_get_can_undo (self->undo))
    return FALSE;
  if (!desk_undo_stack_undo (self->undo, desk_page_get_store (DESK_PAGE (self)), &error))
    {
      toast (self, error->message, FALSE);
      return FALSE;
    }
  return TRUE;
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
move_post_to_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GDateTime) at = NULL;
  gint64 id, unix_time;

  g_variant_get (parameter, "(xx)", &id, &unix_time);
  post = desk_store_get_post (desk_page_get_store (DESK_PAGE (self)), id, &error);
  if (post == NULL)
    {
      toast (self, error->message, FALSE);
      return;
    }
  at = desk_time_from_unix_local (unix_time);
  self->focus_post = id;
  desk_calendar_page_move_post_to (self, post, at, FALSE);
  if (desk_time_julian (at) < desk_time_julian (self->shown->start) || desk_time_julian (at) >= desk_time_julian (self->shown->start) + N_DAYS)
    desk_calendar_page_set_month (self, at);
}

static void
week_drop_post_cb (DeskCalendarPage *self,
                   DeskPost         *post,
                   GDateTime        *at,
                   gboolean          copy)
{
  desk_calendar_page_move_post_to (self, post, at, copy);
}

/* Alt+Shift+Up/Down: the focused card moves by an hour. */
static void
move_focused_minutes_action_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *card = focus ? gtk_widget_get_ancestor (focus, DESK_TYPE_POST_CARD) : NULL;
  g_autoptr(GDateTime) at = NULL;
  DeskPost *post;

  if (card == NULL)
    return;
  post = desk_post_card_get_post (DESK_POST_CARD (card));
  if (desk_post_get_scheduled_at (post) == NULL)
    return;
  at = g_date_time_add_minutes (desk_post_get_scheduled_at (post), g_variant_get_int32 (parameter));
  self->focus_post = desk_post_get_id (post);
  desk_week_view_focus_post (self->week_view, desk_post_get_id (post));
  desk_calendar_page_move_post_to (self, post, at, FALSE);
}

/* Alt+arrows: the focused card moves by a day or a week, keeping its time. */
static void
move_focused_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *card = focus ? gtk_widget_get_ancestor (focus, DESK_TYPE_POST_CARD) : NULL;
  DeskPost *post;
  GDateTime *at;
  g_autoptr(GDateTime) day = NULL;

  /* Without a card, Alt+Left/Right turn the page as in GNOME Calendar */
  if (card == NULL)
    {
      int by = g_variant_get_int32 (parameter);

      if (by == 1 || by == -1)
        gtk_widget_activate_action (widget, by > 0 ? "calendar.next" : "calendar.previous", NULL);
      return;
    }
  post = desk_post_card_get_post (DESK_POST_CARD (card));
  at = desk_post_get_scheduled_at (post);
  if (at == NULL)
    return;

  {
    g_autoptr(GDateTime) local = desk_time_to_local (at);
    day = g_date_time_add_days (local, g_variant_get_int32 (parameter));
  }
  self->focus_post = desk_post_get_id (post);
  desk_week_view_focus_post (self->week_view, desk_post_get_id (post));
  desk_calendar_page_drop_post (self, post, day, FALSE);
  if (showing_week (self))
    desk_calendar_page_set_week (self, day);

  /* Follow the post to its month. */
  if (desk_time_julian (day) < desk_time_julian (self->shown->start) || desk_time_julian (day) >= desk_time_julian (self->shown->start) + N_DAYS)
    desk_calendar_page_set_month (self, day);
}

/**
 * desk_calendar_page_export_month:
 *
 * Writes the shown month's scheduled posts to @path as iCalendar.
 */
gboolean
desk_calendar_page_export_month (DeskCalendarPage  *self,
                                 const char        *path,
                                 GError           **error)
{
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  guint n = 0;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);

  end = g_date_time_add_months (self->month, 1);
  if (!desk_ics_export_range (desk_page_get_store (DESK_PAGE (self)), desk_page_get_brand_id (DESK_PAGE (self)),
                              self->month, end, path, &n, error))
    return FALSE;

  name = g_path_get_basename (path);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post exported to “%s”", "%u posts exported to “%s”", n),
                             n, name);
  toast (self, message, FALSE);
  return TRUE;
}

/**
 * desk_calendar_page_export_month_csv:
 *
 * Writes the shown month's posts to @path as CSV (the import's columns).
 */
gboolean
desk_calendar_page_export_month_csv (DeskCalendarPage  *self,
                                     const char        *path,
                                     GError           **error)
{
  DeskStore *store = desk_page_get_store (DESK_PAGE (self));
  gint64 brand_id = desk_page_get_brand_id (DESK_PAGE (self));
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);

  end = g_date_time_add_months (self->month, 1);
  posts = desk_store_query_posts (store, brand_id, self->month, end, error);
  if (posts == NULL || (csv = desk_csv_export (store, brand_id, posts, error)) == NULL)
    return FALSE;
  if (!g_file_set_contents (path, csv, -1, error))
    return FALSE;

  name = g_path_get_basename (path);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post exported to “%s”", "%u posts exported to “%s”", posts->len),
                             posts->len, name);
  toast (self, message, FALSE);
  return TRUE;
}

static void
import_dialog_imported_cb (DeskCalendarPage *self,
                           guint             n_posts)
{
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post imported", "%u posts imported", n_posts),
                                              n_posts);
  toast (self, message, FALSE);
}

/**
 * desk_calendar_page_preview_import:
 * @path: a CSV file
 *
 * Reads @path and shows what importing it would create, with every error
 * and its line, in a dialog that imports all of it or nothing.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL with @error
 *   set when the file cannot be read at all
 */
GtkWindow *
desk_calendar_page_preview_import (DeskCalendarPage  *self,
                                   const char        *path,
                                   GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DeskImportDialog *dialog;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), NULL);

  if ((text = desk_csv_load (path, error)) == NULL)
    return NULL;
  dir = g_path_get_dirname (path);
  rows = desk_csv_parse (desk_page_get_store (DESK_PAGE (self)), desk_page_get_brand_id (DESK_PAGE (self)),
                         text, dir, error);
  if (rows == NULL)
    return NULL;

  dialog = desk_import_dialog_new (desk_page_get_store (DESK_PAGE (self)), desk_page_get_brand_id (DESK_PAGE (self)), rows);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_dialog_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

typedef enum
{
  TRANSFER_EXPORT_ICS,
  TRANSFER_EXPORT_CSV,
  TRANSFER_IMPORT_CSV,
} Transfer;

static void
transfer_response_cb (GtkNativeDialog  *dialog,
                      int               response,
                      DeskCalendarPage *self)
{
  Transfer kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "transfer"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok = TRUE;

      if (path != NULL)
        {
          if (kind == TRANSFER_EXPORT_ICS)
            ok = desk_calendar_page_export_month (self, path, &error);
          else if (kind == TRANSFER_EXPORT_CSV)
            ok = desk_calendar_page_export_month_csv (self, path, &error);
          else
            ok = desk_calendar_page_preview_import (self, path, &error) != NULL;
        }
      if (!ok)
        toast (self, error->message, FALSE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
transfer_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  Transfer kind = g_str_equal (action_name, "calendar.export-ics") ? TRANSFER_EXPORT_ICS
                : g_str_equal (action_name, "calendar.export-csv") ? TRANSFER_EXPORT_CSV
                : TRANSFER_IMPORT_CSV;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (kind == TRANSFER_IMPORT_CSV ? _("Import Posts") : _("Export the Month"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        kind == TRANSFER_IMPORT_CSV ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        kind == TRANSFER_IMPORT_CSV ? _("_Open") : _("_Export"), _("_Cancel"));
  if (kind == TRANSFER_EXPORT_ICS)
    {
      /* Translators: file name of an exported month, strftime format */
      g_autofree char *name = g_date_time_format (self->month, _("calendar-%Y-%m.ics"));

      gtk_file_filter_set_name (filter, _("iCalendar files"));
      gtk_file_filter_add_mime_type (filter, "text/calendar");
      gtk_file_filter_add_pattern (filter, "*.ics");
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
      if (kind == TRANSFER_EXPORT_CSV)
        {
          /* Translators: file name of a month exported as CSV, strftime format */
          g_autofree char *name = g_date_time_format (self->month, _("posts-%Y-%m.csv"));
          gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
        }
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_set_data (G_OBJECT (dialog), "transfer", GINT_TO_POINTER (kind));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (transfer_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}


static gboolean
in_month_cb (gpointer item,
             gpointer user_data)
{
  DeskCalendarPage *self = user_data;
  GDateTime *at = desk_post_get_scheduled_at (item);
  g_autoptr(GDateTime) local = at ? desk_time_to_local (at) : NULL;

  return local != NULL && self->month != NULL && desk_post_filter_matches (&self->filter, item) &&
         g_date_time_get_month (local) == g_date_time_get_month (self->month) &&
         g_date_time_get_year (local) == g_date_time_get_year (self->month);
}

static GtkWidget *
create_agenda_row (gpointer item,
                   gpointer user_data)
{
  DeskCalendarPage *self = user_data;
  GtkWidget *card = make_card (self, item);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_add_css_class (card, "agenda-card");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card);
  /* The row takes the focus first: it reads as the card */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, card, NULL, -1);
  return row;
}

static DeskPost *
row_post (GtkListBoxRow *row)
{
  GtkWidget *card = row ? gtk_list_box_row_get_child (row) : NULL;

  return DESK_IS_POST_CARD (card) ? desk_post_card_get_post (DESK_POST_CARD (card)) : NULL;
}

/* A day heading above the first post of each day. */
static void
agenda_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  DeskPost *post = row_post (row);
  DeskPost *previous = row_post (before);
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autofree char *text = NULL;
  const char *holiday;
  GtkWidget *label;
  GDate date;

  if (post == NULL || desk_post_get_scheduled_at (post) == NULL)
    return;
  if (previous != NULL && desk_post_get_scheduled_at (previous) != NULL &&
      desk_time_julian (desk_post_get_scheduled_at (previous)) == desk_time_julian (desk_post_get_scheduled_at (post)))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  day = desk_time_to_local (desk_post_get_scheduled_at (post));
  /* Translators: a day heading in the agenda, strftime format */
  text = g_date_time_format (day, _("%A %-d %B"));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day), g_date_time_get_year (day));
  holiday = desk_holidays_fr_name (&date);
  if (desk_time_julian (day) == desk_time_julian (now))
    {
      g_autofree char *with_today = g_strdup_printf ("%s · %s", text, _("Today"));
      g_free (text);
      text = g_steal_pointer (&with_today);
    }
  if (holiday != NULL)
    {
      g_autofree char *with_holiday = g_strdup_printf ("%s · %s", text, holiday);
      g_free (text);
      text = g_steal_pointer (&with_holiday);
    }

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "agenda-day");
  gtk_widget_add_css_class (label, "heading");
  gtk_list_box_row_set_header (row, label);
}

static void
update_filter_button (DeskCalendarPage *self)
{
  if (desk_post_filter_is_empty (&self->filter))
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
save_filter (DeskCalendarPage *self)
{
  static const char * const colour_ids[] = { "status", "channel", "campaign" };
  GVariant *channels;

  if (self->settings == NULL)
    return;
  channels = g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, self->filter.channel_ids->data,
                                        self->filter.channel_ids->len, sizeof (gint64));
  g_settings_set_value (self->settings, "filter-channels", channels);
  g_settings_set_uint (self->settings, "filter-statuses", self->filter.status_mask);
  g_settings_set_int64 (self->settings, "filter-campaign", self->filter.campaign_id);
  g_settings_set_string (self->settings, "filter-pillar", self->filter.pillar ? self->filter.pillar : "");
  g_settings_set_string (self->settings, "colour-by", colour_ids[self->colour_by]);
}

static void
load_filter (DeskCalendarPage *self)
{
  g_autoptr(GVariant) channels = NULL;
  g_autofree char *colour = NULL;
  const gint64 *ids;
  gsize n = 0;

  if (self->settings == NULL)
    return;
  channels = g_settings_get_value (self->settings, "filter-channels");
  ids = g_variant_get_fixed_array (channels, &n, sizeof (gint64));
  g_array_set_size (self->filter.channel_ids, 0);
  g_array_append_vals (self->filter.channel_ids, ids, n);
  self->filter.status_mask = g_settings_get_uint (self->settings, "filter-statuses");
  self->filter.campaign_id = g_settings_get_int64 (self->settings, "filter-campaign");
  g_free (self->filter.pillar);
  self->filter.pillar = g_settings_get_string (self->settings, "filter-pillar");
  colour = g_settings_get_string (self->settings, "colour-by");
  self->colour_by = g_str_equal (colour, "channel") ? DESK_COLOUR_BY_CHANNEL
                  : g_str_equal (colour, "campaign") ? DESK_COLOUR_BY_CAMPAIGN
                  : DESK_COLOUR_BY_STATUS;
}

/* Shows what the filter lets through, in both views and the tray. */
static void
apply_filter (DeskCalendarPage *self)
{
  update_filter_button (self);
  fill_cells (self);
  forget_hidden_months (self);
  if (self->week_start != NULL)
    desk_week_view_set_posts (self->week_view, G_LIST_MODEL (self->week_posts), self->week_start,
                              self->channels, self->campaigns, self->colour_by);
  gtk_filter_changed (self->agenda_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
filter_changed_cb (DeskCalendarPage *self)
{
  desk_filter_popover_get_filter (self->filter_popover, &self->filter);
  self->colour_by = desk_filter_popover_get_colour_by (self->filter_popover);
  save_filter (self);
  apply_filter (self);
}

/**
 * desk_calendar_page_set_filter:
 * @filter: what to show
 *
 * As if chosen in the Filters popover.
 */
void
desk_calendar_page_set_filter (DeskCalendarPage     *self,
                               const DeskPostFilter *filter,
                               DeskColourBy          colour_by)
{
  g_return_if_fail (DESK_IS_CALENDAR_PAGE (self));

  desk_filter_popover_set_filter (self->filter_popover, filter, colour_by);
  filter_changed_cb (self);
}

/* The week and the agenda build their cards only while they are shown:
 * the month must not pay for them. */
static void
sync_shown_view (DeskCalendarPage *self)
{
  gboolean agenda = gtk_toggle_button_get_active (self->agenda_button);

  if (agenda && !self->agenda_bound && self->agenda_model != NULL)
    {
      gtk_list_box_bind_model (self->agenda_list, self->agenda_model, create_agenda_row, self, NULL);
      self->agenda_bound = TRUE;
    }
  else if (!agenda && self->agenda_bound)
    {
      gtk_list_box_bind_model (self->agenda_list, NULL, NULL, NULL, NULL);
      self->agenda_bound = FALSE;
    }

  if (showing_week (self))
    load_week (self);
}

static void
on_view_toggled_cb (DeskCalendarPage *self)
{
  const char *view = gtk_toggle_button_get_active (self->agenda_button) ? "agenda"
                   : gtk_toggle_button_get_active (self->week_button) ? "week" : "month";

  gtk_stack_set_visible_child_name (self->view_stack, view);
  update_title (self);
  sync_shown_view (self);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "calendar-view", view);
}

/**
 * desk_calendar_page_set_view:
 * @view: "month" or "agenda"
 */
void
desk_calendar_page_set_view (DeskCalendarPage *self,
                             const char       *view)
{
  g_return_if_fail (DESK_IS_CALENDAR_PAGE (self));

  gtk_toggle_button_set_active (g_strcmp0 (view, "agenda") == 0 ? self->agenda_button
                                : g_strcmp0 (view, "week") == 0 ? self->week_button
                                : self->month_button, TRUE);
}

/**
 * desk_calendar_page_unschedule_post:
 *
 * What a drop on the ideas tray does: the post leaves the calendar (its
 * time is forgotten, Undo brings it back).
 */
gboolean
desk_calendar_page_unschedule_post (DeskCalendarPage *self,
                                    DeskPost         *post)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  if (desk_post_get_scheduled_at (post) == NULL)
    return FALSE;
  return apply_move (self, post, NULL, FALSE);
}

static gboolean
tray_drop_cb (GtkDropTarget    *target,
              const GValue     *value,
              double            x,
              double            y,
              DeskCalendarPage *self)
{
  gtk_widget_remove_css_class (self->tray_box, "drop-target");
  if (!G_VALUE_HOLDS (value, DESK_TYPE_POST))
    return FALSE;
  desk_calendar_page_unschedule_post (self, g_value_get_object (value));
  return TRUE;
}

static GdkDragAction
tray_enter_cb (DeskCalendarPage *self)
{
  gtk_widget_add_css_class (self->tray_box, "drop-target");
  return GDK_ACTION_MOVE;
}

static void
tray_leave_cb (DeskCalendarPage *self)
{
  gtk_widget_remove_css_class (self->tray_box, "drop-target");
}

static GtkWidget *
create_tray_row (gpointer item,
                 gpointer user_data)
{
  DeskCalendarPage *self = user_data;
  GtkWidget *card = make_card (self, item);

  gtk_widget_set_margin_top (card, 3);
  return card;
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
        gtk_box_append (cell->more_box, make_card (self, post));
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

static void
build_grid (DeskCalendarPage *self)
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

static void
desk_calendar_page_reload (DeskPage *page)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (page);
  DeskStore *store = desk_page_get_store (page);
  gint64 brand_id = desk_page_get_brand_id (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) channels = desk_store_list_channels (store, brand_id, &error);
  g_autoptr(GListModel) campaigns = channels ? desk_store_list_campaigns (store, brand_id, &error) : NULL;
  g_auto(GStrv) pillars = campaigns ? desk_store_list_pillars (store, brand_id, &error) : NULL;

  if (pillars == NULL)
    {
      desk_report_error (GTK_WIDGET (self), error);
      g_clear_error (&error);
    }
  g_hash_table_unref (self->channels);
  g_hash_table_unref (self->campaigns);
  self->channels = desk_store_index_by_id (channels);
  self->campaigns = desk_store_index_by_id (campaigns);

  update_bands (self, self->shown);
  forget_hidden_months (self);
  desk_filter_popover_set_choices (self->filter_popover, channels, campaigns, (const char * const *) pillars);
  desk_filter_popover_set_filter (self->filter_popover, &self->filter, self->colour_by);
  update_filter_button (self);
  load_range (self);
  load_week (self);
  if (!desk_post_list_set_unscheduled (self->ideas, desk_page_get_brand_id (page), &error))
    desk_report_error (GTK_WIDGET (self), error);
}

static void
desk_calendar_page_dispose (GObject *object)
{
  DeskCalendarPage *self = (DeskCalendarPage *) object;

  if (self->posts != NULL)
    g_signal_handlers_disconnect_by_func (self->posts, posts_changed_cb, self);
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  if (self->go_to_popdown_id != 0)
    g_clear_signal_handler (&self->go_to_popdown_id, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  if (desk_page_get_store (DESK_PAGE (self)) != NULL)
    g_signal_handlers_disconnect_by_func (desk_page_get_store (DESK_PAGE (self)), forget_hidden_months, self);
  for (guint k = 0; k < N_MONTHS; k++)
    {
      g_clear_pointer (&self->months[k].posts, g_ptr_array_unref);
      g_clear_pointer (&self->months[k].month, g_date_time_unref);
      g_clear_pointer (&self->months[k].start, g_date_time_unref);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CALENDAR_PAGE);
  g_clear_object (&self->posts);
  g_clear_object (&self->ideas);
  g_clear_object (&self->week_posts);
  g_clear_pointer (&self->week_start, g_date_time_unref);
  g_clear_object (&self->agenda_filter);
  g_clear_object (&self->agenda_model);
  g_clear_object (&self->settings);
  desk_post_filter_clear (&self->filter);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->campaigns, g_hash_table_unref);
  g_clear_pointer (&self->month, g_date_time_unref);
  g_clear_pointer (&self->selected, g_date_time_unref);

  G_OBJECT_CLASS (desk_calendar_page_parent_class)->dispose (object);
}

static void
desk_calendar_page_class_init (DeskCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_calendar_page_dispose;
  DESK_PAGE_CLASS (klass)->reload = desk_calendar_page_reload;
  widget_class->grab_focus = desk_calendar_page_grab_focus;
  g_type_ensure (DESK_TYPE_WEEK_VIEW);
  g_type_ensure (DESK_TYPE_MONTH_DECK);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, short_title);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, go_to_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, go_to_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, go_to_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, weekday_grid);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, month_deck);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, tray_box);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, tray_list);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, agenda_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, week_header);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, week_scroller);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, week_view);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, agenda_list);
  /* Reachable by gtk_widget_get_template_child () (the tests), no field */
  gtk_widget_class_bind_template_child_full (widget_class, "ideas_toggle", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, filter_button);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, go_to_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, go_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, go_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, go_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);
  gtk_widget_class_install_action (widget_class, "calendar.go-to", NULL, go_to_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "calendar.go-to", NULL);
  gtk_widget_class_install_action (widget_class, "calendar.move-focused", "i", move_focused_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.export-ics", NULL, transfer_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.export-csv", NULL, transfer_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.import-csv", NULL, transfer_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.move-post-to", "(xx)", move_post_to_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.move-focused-minutes", "i", move_focused_minutes_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-focused-minutes", "i", -60);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-focused-minutes", "i", 60);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "calendar.move-focused", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "calendar.move-focused", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "calendar.move-focused", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "calendar.move-focused", "i", 7);
}

static void
desk_calendar_page_init (DeskCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The title's width is measured in its font, known once it is shown */
  g_signal_connect_swapped (self->month_label, "map", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->short_title, "map", G_CALLBACK (update_title), self);

  self->week_start_day = desk_time_first_weekday ();
  desk_post_filter_init (&self->filter);
  self->filter_popover = DESK_FILTER_POPOVER (desk_filter_popover_new ());
  gtk_menu_button_set_popover (self->filter_button, GTK_WIDGET (self->filter_popover));
  g_signal_connect_swapped (self->filter_popover, "changed", G_CALLBACK (filter_changed_cb), self);
  self->undo = desk_undo_stack_new (MAX_UNDO);
  self->channels = desk_store_index_by_id (NULL);
  self->campaigns = desk_store_index_by_id (NULL);
  build_grid (self);
  g_signal_connect (self->go_to_calendar, "day-selected", G_CALLBACK (go_to_day_selected_cb), self);
  g_signal_connect_swapped (self->go_to_calendar, "notify::month", G_CALLBACK (go_to_page_turned_cb), self);
  g_signal_connect_swapped (self->go_to_calendar, "notify::year", G_CALLBACK (go_to_page_turned_cb), self);
  {
    GtkGesture *click = gtk_gesture_click_new ();
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* After the calendar's own: the day is selected by then */
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
    g_signal_connect (click, "released", G_CALLBACK (go_to_released_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->go_to_calendar), GTK_EVENT_CONTROLLER (click));
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (go_to_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->go_to_calendar), keys);
  }
}

static gboolean
scroll_week_idle_cb (gpointer data)
{
  DeskCalendarPage *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->week_scroller);

  gtk_adjustment_set_value (adjustment, 7 * desk_week_view_get_hour_height ());
  return G_SOURCE_REMOVE;
}

/* Working hours in sight: once the week is on screen with its height, it
 * scrolls to 07:00 (after the layout that gave it that height). */
static void
week_upper_cb (GtkAdjustment    *adjustment,
               GParamSpec       *pspec,
               DeskCalendarPage *self)
{
  if (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->week_scroller)))
    return;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_week_idle_cb, g_object_ref (self), g_object_unref);
  g_signal_handlers_disconnect_by_func (adjustment, week_upper_cb, self);
}

DeskCalendarPage *
desk_calendar_page_new (DeskStore *store)
{
  DeskCalendarPage *self;
  g_autoptr(GDateTime) now = desk_time_now ();

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_CALENDAR_PAGE, "store", store, NULL);
  self->posts = desk_post_list_new (store);
  g_signal_connect_swapped (self->posts, "items-changed", G_CALLBACK (posts_changed_cb), self);
  for (const char * const *name = (const char *[]) { "post-added", "post-changed", "post-removed", NULL }; *name; name++)
    g_signal_connect_swapped (store, *name, G_CALLBACK (forget_hidden_months), self);

  self->week_posts = desk_post_list_new (store);
  g_signal_connect_swapped (self->week_view, "drop-post", G_CALLBACK (week_drop_post_cb), self);

  {
    GtkFilterListModel *agenda;

    self->agenda_filter = GTK_FILTER (gtk_custom_filter_new (in_month_cb, self, NULL));
    agenda = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->posts)), g_object_ref (self->agenda_filter));
    self->agenda_model = G_LIST_MODEL (agenda);
    gtk_list_box_set_header_func (self->agenda_list, agenda_header_cb, NULL, NULL);
  }

  {
    GSettingsSchema *schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), BASE_APP_ID, TRUE);

    if (schema != NULL)
      {
        g_autofree char *view = NULL;

        self->settings = g_settings_new (BASE_APP_ID);
        load_filter (self);
        view = g_settings_get_string (self->settings, "calendar-view");
        desk_calendar_page_set_view (self, view);
        g_settings_schema_unref (schema);
      }
  }

  self->ideas = desk_post_list_new (store);
  gtk_list_box_bind_model (self->tray_list, G_LIST_MODEL (self->ideas), create_tray_row, self, NULL);
  {
    GtkDropTarget *target = gtk_drop_target_new (DESK_TYPE_POST, GDK_ACTION_MOVE);

    g_signal_connect (target, "drop", G_CALLBACK (tray_drop_cb), self);
    g_signal_connect_swapped (target, "enter", G_CALLBACK (tray_enter_cb), self);
    g_signal_connect_swapped (target, "leave", G_CALLBACK (tray_leave_cb), self);
    gtk_widget_add_controller (self->tray_box, GTK_EVENT_CONTROLLER (target));
  }
  desk_calendar_page_set_month (self, now);
  desk_calendar_page_set_week (self, now);
  g_signal_connect (gtk_scrolled_window_get_vadjustment (self->week_scroller), "notify::upper",
                    G_CALLBACK (week_upper_cb), self);
  return self;
}

/**
 * desk_calendar_page_dup_selected_day:
 *
 * Returns: (transfer full): local midnight of the selected day
 */
GDateTime *
desk_calendar_page_dup_selected_day (DeskCalendarPage *self)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), NULL);
  return self->selected ? g_date_time_ref (self->selected) : desk_time_now ();
}

GListModel *
desk_calendar_page_get_ideas (DeskCalendarPage *self)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), NULL);
  return G_LIST_MODEL (self->ideas);
}

GListModel *
desk_calendar_page_get_model (DeskCalendarPage *self)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), NULL);
  return G_LIST_MODEL (self->posts);
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
