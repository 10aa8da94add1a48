/* desk-calendar-page-private.h: what the calendar page's files share
 *
 * The page is spread over companion files, as GNOME Text Editor spreads
 * its window: desk-calendar-page.c (the page, its views and filter),
 * desk-calendar-page-months.c (the month panes, filled ahead and shown)
 * and desk-calendar-page-actions.c (its widget actions, moves, imports
 * and exports). Not for other widgets: they use desk-calendar-page.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-agenda-view.h"
#include "desk-calendar-page.h"
#include "desk-day-cell.h"
#include "desk-filter-popover.h"
#include "desk-ideas-tray.h"
#include "desk-month-deck.h"
#include "desk-month-grid.h"
#include "desk-post-list.h"
#include "desk-post-ranges.h"
#include "desk-undo-stack.h"
#include "desk-week-view.h"

G_BEGIN_DECLS

#define N_DAYS          42
#define N_MONTHS        5     /* the shown one, the next, the previous, today's and
                                 * the one the title's calendar shows */

/* A day of a month pane */
typedef struct
{
  GtkWidget *box;              /* a DeskDayCell */
  GPtrArray *posts;            /* every post of the day, held, in the model's order */
} DayCell;

/* A month's grid of days: the one shown, or one laid out ahead */
typedef struct
{
  DeskCalendarPage *page;
  DeskMonthGrid *grid;
  DayCell        cells[N_DAYS];
  GDateTime     *month;        /* local midnight, 1st of the month; NULL: none yet */
  GDateTime     *start;        /* local midnight of its first day */
  gint64         brand_id;
  guint32        today;        /* the day it marks as today (julian) */
  /* Its range in the page's DeskPostRanges, which it follows (shown,
   * the page's model takes the range's posts too, for the agenda) */
  DeskPostList  *list;
  gulong         list_changed_id;
  /* The posts it was filled with, in the range's order, kept in step
   * with its items-changed, and, not shown, whether it is filled (a
   * change of the filter or the lookups makes it fill again) */
  GPtrArray     *posts;
  gboolean       ready;
  guint          n_day_fills;  /* days bound to their posts, for the tests */
} MonthPane;

struct _DeskCalendarPage
{
  DeskPage       parent_instance;

  DeskPostList  *posts;
  DeskPostRanges *ranges;      /* the shown month's range and those read ahead */
  DeskPostList  *ideas;        /* the tray: posts without a date */
  GHashTable    *channels;     /* gint64* → DeskChannel */
  GHashTable    *campaigns;    /* gint64* → DeskCampaign */

  GDateTime     *month;        /* local midnight, 1st of the shown month */
  GDateTime     *selected;     /* local midnight */
  int            week_start_day;   /* 0 = Sunday … 6 = Saturday */
  DeskUndoStack *undo;
  gint64         focus_post;   /* card to focus again after a rebuild */
  guint          prepare_id;   /* idle: the months around, read and filled */

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
  DeskIdeasTray *ideas_tray;
  GtkStack      *view_stack;
  GtkToggleButton *month_button;
  GtkToggleButton *agenda_button;
  GtkToggleButton *week_button;
  GtkBox        *week_header;
  GtkLabel      *week_zone_label;
  GtkScrolledWindow *week_scroller;
  DeskWeekView  *week_view;
  DeskPostList  *week_posts;
  GDateTime     *week_start;     /* local midnight */
  DeskAgendaView *agenda_view;
  GtkFilter     *agenda_filter;  /* what the filter lets through, as the agenda takes it */
  GSettings     *settings;
  GtkMenuButton *filter_button;
  DeskFilterPopover *filter_popover;
  DeskPostFilter filter;
  DeskColourBy   colour_by;
};

/* desk-calendar-page.c */
gboolean   _desk_calendar_page_showing_week        (DeskCalendarPage *self);
void       _desk_calendar_page_update_title        (DeskCalendarPage *self);

/* desk-calendar-page-months.c */
void       _desk_calendar_page_build_grid          (DeskCalendarPage *self);
void       _desk_calendar_page_update_bands        (DeskCalendarPage *self,
                                                    MonthPane        *pane);
void       _desk_calendar_page_fill_cells          (DeskCalendarPage *self);
void       _desk_calendar_page_prepare_months      (DeskCalendarPage *self);
void       _desk_calendar_page_forget_hidden_months (DeskCalendarPage *self);
void       _desk_calendar_page_forget_months       (DeskCalendarPage *self);
void       _desk_calendar_page_load_range          (DeskCalendarPage *self);
guint      _desk_calendar_page_get_n_day_fills     (DeskCalendarPage *self);
guint      _desk_calendar_page_get_n_month_fills   (DeskCalendarPage *self,
                                                    GDateTime        *month);

/* desk-calendar-page-actions.c */
void       _desk_calendar_page_class_actions_init  (GtkWidgetClass   *widget_class);
void       _desk_calendar_page_actions_init        (DeskCalendarPage *self);

G_END_DECLS
