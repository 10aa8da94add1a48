/* desk-calendar-page.h: the month view of the editorial calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-page.h"
#include "desk-post-card.h"
#include "desk-post-filter.h"

G_BEGIN_DECLS

#define DESK_TYPE_CALENDAR_PAGE (desk_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskCalendarPage, desk_calendar_page, DESK, CALENDAR_PAGE, DeskPage)

DeskCalendarPage *desk_calendar_page_new               (DeskStore        *store);
GDateTime        *desk_calendar_page_dup_selected_day  (DeskCalendarPage *self);
void              desk_calendar_page_set_week          (DeskCalendarPage *self,
                                                        GDateTime        *day);
void              desk_calendar_page_set_month         (DeskCalendarPage *self,
                                                        GDateTime        *day);
void              desk_calendar_page_go_to             (DeskCalendarPage *self,
                                                        GDateTime        *day);
GListModel       *desk_calendar_page_get_model         (DeskCalendarPage *self);
GListModel       *desk_calendar_page_get_ideas         (DeskCalendarPage *self);
void              desk_calendar_page_set_filter        (DeskCalendarPage *self,
                                                        const DeskPostFilter *filter,
                                                        DeskColourBy      colour_by);
void              desk_calendar_page_set_view          (DeskCalendarPage *self,
                                                        const char       *view);
gboolean          desk_calendar_page_unschedule_post   (DeskCalendarPage *self,
                                                        DeskPost         *post);
gboolean          desk_calendar_page_is_preparing (DeskCalendarPage *self);
guint             desk_calendar_page_count_cards       (DeskCalendarPage *self);
guint             desk_calendar_page_count_cadence_warnings (DeskCalendarPage *self);
gboolean          desk_calendar_page_drop_post         (DeskCalendarPage *self,
                                                        DeskPost         *post,
                                                        GDateTime        *day,
                                                        gboolean          copy);
gboolean          desk_calendar_page_move_post_to      (DeskCalendarPage *self,
                                                        DeskPost         *post,
                                                        GDateTime        *at,
                                                        gboolean          copy);
gboolean          desk_calendar_page_undo              (DeskCalendarPage *self);
gboolean          desk_calendar_page_export_month      (DeskCalendarPage *self,
                                                        const char       *path,
                                                        GError          **error);
gboolean          desk_calendar_page_export_month_csv  (DeskCalendarPage *self,
                                                        const char       *path,
                                                        GError          **error);
GtkWindow        *desk_calendar_page_preview_import    (DeskCalendarPage *self,
                                                        const char       *path,
                                                        GError          **error);

G_END_DECLS
