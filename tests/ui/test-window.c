/* test-window.c: the real main window under Xvfb
 *
 * Builds the window of the real application on a demo workspace and drives
 * it through its actions and widgets, then checks the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "desk-application.h"
#include "desk-agenda-view.h"
#include "desk-brand-dialog.h"
#include "desk-calendar-page.h"
#include "desk-calendar-page-private.h"
#include "desk-colour-bar.h"
#include "desk-import-dialog.h"
#include "desk-week-view.h"
#include "desk-preferences-window.h"
#include "desk-slots.h"
#include "desk-month-grid.h"
#include "desk-move-popover.h"
#include "desk-post-card.h"
#include "desk-demo.h"
#include "desk-inbox-page.h"
#include "desk-post-dialog.h"
#include "desk-post-list.h"
#include "desk-time.h"
#include "desk-window.h"
#include "ui-helpers.h"

static DeskApplication *app;

typedef struct
{
  char       *dir;
  char       *path;
  DeskStore  *store;
  DeskWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean demo = GPOINTER_TO_INT (data);

  f->dir = g_dir_make_tmp ("desk-ui-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  if (demo)
    {
      g_autoptr(GDateTime) now = desk_time_now ();
      g_assert_true (desk_demo_populate (f->store, NULL, DESK_DEMO_SEED, now, &error));
      g_assert_no_error (error);
    }

  f->window = desk_window_new (app, f->store, f->path, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_mapped (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_clear_object (&f->store);
  g_free (f->path);
  g_free (f->dir);
}

static DeskCalendarPage *
calendar_page (Fixture *f)
{
  AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "calendar");

  g_assert_true (DESK_IS_CALENDAR_PAGE (page));
  return DESK_CALENDAR_PAGE (page);
}

static gint64
first_brand (DeskStore *store)
{
  g_autoptr(GListModel) brands = desk_store_list_brands (store, NULL);
  g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, 0);

  return desk_brand_get_id (brand);
}

static void
test_calendar_shows_store (Fixture       *f,
                           gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  GListModel *model = desk_calendar_page_get_model (page);
  DeskPostList *list = DESK_POST_LIST (model);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  GtkStack *main_stack = template_child (f->window, DESK_TYPE_WINDOW, "main_stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "workspace");
  g_assert_cmpstr (desk_window_get_view (f->window), ==, "calendar");

  /* The model is what the store holds for the six weeks shown. */
  expected = desk_store_query_posts (f->store, first_brand (f->store),
                                     desk_post_list_get_from (list), desk_post_list_get_to (list), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
  g_assert_cmpuint (expected->len, >, 30);
  /* At most three cards per day are shown; the rest behind "+N more". */
  g_assert_cmpuint (desk_calendar_page_count_cards (page), >, 20);
  g_assert_cmpuint (desk_calendar_page_count_cards (page), <=, expected->len);

  /* Next month, back to today */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
  {
    g_autoptr(GDateTime) now = desk_time_now ();
    g_assert_cmpint (g_date_time_compare (desk_post_list_get_from (list), now), >, 0);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.today", NULL));
  {
    g_autoptr(GDateTime) now = desk_time_now ();
    g_assert_cmpint (g_date_time_compare (desk_post_list_get_from (list), now), <, 0);
    g_assert_cmpint (g_date_time_compare (desk_post_list_get_to (list), now), >, 0);
  }
}

static void
test_other_views (Fixture       *f,
                  gconstpointer  data)
{
  AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  GtkWidget *inbox = adw_view_stack_get_child_by_name (stack, "inbox");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "inbox"));
  spin ();
  g_assert_cmpstr (desk_window_get_view (f->window), ==, "inbox");
  g_assert_true (gtk_widget_get_mapped (inbox));
  /* Needs attention first: likes and follows grouped; All: the 300 */
  g_assert_cmpuint (g_list_model_get_n_items (desk_inbox_page_get_model (DESK_INBOX_PAGE (inbox))), <, 300);
  gtk_drop_down_set_selected (template_child (inbox, DESK_TYPE_INBOX_PAGE, "view_dropdown"), DESK_INBOX_VIEW_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (desk_inbox_page_get_model (DESK_INBOX_PAGE (inbox))), ==, 300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "reports"));
  spin ();
  g_assert_cmpstr (desk_window_get_view (f->window), ==, "reports");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "compose"));
  spin ();
  g_assert_cmpstr (desk_window_get_view (f->window), ==, "compose");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "calendar"));
}

static void
test_new_post (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, first_brand (f->store), NULL);
  g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, 1);
  DeskCalendarPage *page = calendar_page (f);
  GListModel *model = desk_calendar_page_get_model (page);
  guint before = g_list_model_get_n_items (model);
  DeskPostDialog *dialog;
  GtkTextView *body;
  GtkCheckButton *check;
  g_autoptr(GPtrArray) posts = NULL;
  DeskPost *found = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-post", NULL));
  dialog = find_toplevel (DESK_TYPE_POST_DIALOG);
  g_assert_nonnull (dialog);
  g_object_ref (dialog);

  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, DESK_TYPE_POST_DIALOG, "title_row")),
                         "Galette des rois : précommandes ouvertes");
  body = template_child (dialog, DESK_TYPE_POST_DIALOG, "body_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body), "Réservez la vôtre en boutique dès aujourd’hui ! 👑", -1);
  check = desk_post_dialog_get_channel_check (dialog, desk_channel_get_id (channel));
  g_assert_nonnull (check);
  gtk_check_button_set_active (check, TRUE);
  adw_combo_row_set_selected (template_child (dialog, DESK_TYPE_POST_DIALOG, "status_row"), DESK_POST_STATUS_SCHEDULED);

  /* Today at 10:00, past the default 9:30: the next quarter hour at least
   * five minutes ahead, minutes written with two digits; a time gone by
   * is said in words */
  {
    GtkSpinButton *hour = template_child (dialog, DESK_TYPE_POST_DIALOG, "hour_spin");
    GtkSpinButton *minute = template_child (dialog, DESK_TYPE_POST_DIALOG, "minute_spin");
    AdwActionRow *time_row = template_child (dialog, DESK_TYPE_POST_DIALOG, "time_row");
    g_autofree char *fine = g_strdup (adw_action_row_get_subtitle (time_row));

    g_assert_cmpint (gtk_spin_button_get_value_as_int (hour), ==, 10);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (minute), ==, 15);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (time_row), "past-time"));
    gtk_spin_button_set_value (minute, 5);
    wait_painted (GTK_WIDGET (dialog));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "05");
    gtk_spin_button_set_value (hour, 8);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (time_row), "past-time"));
    g_assert_cmpstr (adw_action_row_get_subtitle (time_row), !=, fine);
    /* A published post's time is history: no warning */
    adw_combo_row_set_selected (template_child (dialog, DESK_TYPE_POST_DIALOG, "status_row"), DESK_POST_STATUS_PUBLISHED);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (time_row), "past-time"));
    adw_combo_row_set_selected (template_child (dialog, DESK_TYPE_POST_DIALOG, "status_row"), DESK_POST_STATUS_SCHEDULED);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (time_row), "past-time"));
    gtk_spin_button_set_value (hour, 16);
    gtk_spin_button_set_value (minute, 45);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (time_row), "past-time"));
    g_assert_cmpstr (adw_action_row_get_subtitle (time_row), ==, fine);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "post.save", NULL));
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  /* In the store, with what was typed */
  posts = desk_store_query_all_posts (f->store, first_brand (f->store), &error);
  for (guint i = 0; i < posts->len; i++)
    if (g_strcmp0 (desk_post_get_title (g_ptr_array_index (posts, i)), "Galette des rois : précommandes ouvertes") == 0)
      found = g_ptr_array_index (posts, i);
  g_assert_nonnull (found);
  g_assert_cmpstr (desk_post_get_body (found), ==, "Réservez la vôtre en boutique dès aujourd’hui ! 👑");
  g_assert_cmpint (desk_post_get_status (found), ==, DESK_POST_STATUS_SCHEDULED);
  g_assert_true (desk_post_has_channel (found, desk_channel_get_id (channel)));
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (desk_post_get_scheduled_at (found));
    g_assert_cmpint (g_date_time_get_hour (local), ==, 16);
    g_assert_cmpint (g_date_time_get_minute (local), ==, 45);
    g_assert_cmpint (g_date_time_get_day_of_month (local), ==, g_date_time_get_day_of_month (now));
  }

  /* And on the calendar, without reloading */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);

  /* A fresh connection sees it too: it is on disk. */
  {
    g_autoptr(DeskStore) other = desk_store_open (f->path, DESK_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(DeskPost) again = NULL;

    g_assert_no_error (error);
    again = desk_store_get_post (other, desk_post_get_id (found), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (desk_post_get_title (again), ==, "Galette des rois : précommandes ouvertes");
  }
}

static void
test_refused_save_keeps_dialog (Fixture       *f,
                                gconstpointer  data)
{
  DeskPostDialog *dialog;
  GtkRevealer *revealer;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-post", NULL));
  dialog = find_toplevel (DESK_TYPE_POST_DIALOG);
  g_assert_nonnull (dialog);

  /* Scheduled status but no date: the store refuses, the dialog stays
   * open with the reason and the typed title. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, DESK_TYPE_POST_DIALOG, "title_row")), "Sans date");
  gtk_switch_set_active (template_child (dialog, DESK_TYPE_POST_DIALOG, "schedule_switch"), FALSE);
  adw_combo_row_set_selected (template_child (dialog, DESK_TYPE_POST_DIALOG, "status_row"), DESK_POST_STATUS_SCHEDULED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "post.save", NULL));
  spin ();

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  revealer = template_child (dialog, DESK_TYPE_POST_DIALOG, "error_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (dialog, DESK_TYPE_POST_DIALOG, "title_row"))), ==, "Sans date");

  /* As an idea it saves, and leaves the calendar for the ideas. */
  adw_combo_row_set_selected (template_child (dialog, DESK_TYPE_POST_DIALOG, "status_row"), DESK_POST_STATUS_IDEA);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "post.save", NULL));
  spin ();
  {
    g_autoptr(GPtrArray) ideas = desk_store_query_unscheduled_posts (f->store, first_brand (f->store), NULL);
    gboolean seen = FALSE;

    for (guint i = 0; i < ideas->len; i++)
      seen |= g_strcmp0 (desk_post_get_title (g_ptr_array_index (ideas, i)), "Sans date") == 0;
    g_assert_true (seen);
  }
}

static void
test_edit_and_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskCalendarPage *page = calendar_page (f);
  GListModel *model = desk_calendar_page_get_model (page);
  g_autoptr(DeskPost) post = g_list_model_get_item (model, 3);
  gint64 id = desk_post_get_id (post);
  guint before = g_list_model_get_n_items (model);
  DeskPostDialog *dialog;
  AdwMessageDialog *confirm;

  /* Edit: the shared object (the card's) changes in place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-post", "x", id));
  dialog = find_toplevel (DESK_TYPE_POST_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (dialog, DESK_TYPE_POST_DIALOG, "title_row"))),
                   ==, desk_post_get_title (post));
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, DESK_TYPE_POST_DIALOG, "title_row")), "Titre modifié");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "post.save", NULL));
  spin ();
  g_assert_cmpstr (desk_post_get_title (post), ==, "Titre modifié");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before);

  /* Delete, confirmed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-post", "x", id));
  dialog = find_toplevel (DESK_TYPE_POST_DIALOG);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "post.delete", NULL));
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  /* What the dialog's Delete button does: respond, then close. */
  g_object_ref (confirm);
  adw_message_dialog_response (confirm, "delete");
  gtk_window_close (GTK_WINDOW (confirm));
  g_object_unref (confirm);
  spin ();

  {
    g_autoptr(DeskPost) gone = desk_store_get_post (f->store, id, &error);
    g_assert_null (gone);
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before - 1);
}

static DeskPost *
first_post_with_status (GListModel     *model,
                        DeskPostStatus  status,
                        gboolean        in_future)
{
  g_autoptr(GDateTime) now = desk_time_now ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskPost) post = g_list_model_get_item (model, i);
      gboolean future = g_date_time_compare (desk_post_get_scheduled_at (post), now) > 0;

      if (desk_post_get_status (post) == status && future == in_future)
        return g_steal_pointer (&post);
    }
  return NULL;
}

static gboolean
is_day_cell (GtkWidget *widget,
             gpointer   data)
{
  return gtk_widget_has_css_class (widget, "day-cell");
}

/* The centre of @day in its grid */
static graphene_point_t
centre_of (GtkWidget *day)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (day, gtk_widget_get_parent (day), &bounds));
  return GRAPHENE_POINT_INIT (bounds.origin.x + bounds.size.width / 2, bounds.origin.y + bounds.size.height / 2);
}

/* The month has one drop target (GTK restyles the widget a drag hovers):
 * the grid draws the day under the pointer, without a style class, and
 * forgets it when the drag leaves */
static void
test_drop_highlight (Fixture       *f,
                     gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  GtkWidget *first, *second;
  DeskMonthGrid *grid;
  GtkEventController *target;
  GdkDragAction action = 0;
  graphene_point_t point;
  char **classes;

  wait_painted (GTK_WIDGET (f->window));
  first = find_descendant (GTK_WIDGET (page), is_day_cell, NULL);
  second = gtk_widget_get_next_sibling (first);
  grid = DESK_MONTH_GRID (gtk_widget_get_parent (first));
  target = find_controller (GTK_WIDGET (grid), GTK_TYPE_DROP_TARGET, GTK_PHASE_NONE);
  g_assert_nonnull (target);
  g_assert_null (find_controller (first, GTK_TYPE_DROP_TARGET, GTK_PHASE_NONE));
  g_assert_null (desk_month_grid_get_drop_day (grid));

  classes = gtk_widget_get_css_classes (first);
  point = centre_of (first);
  g_signal_emit_by_name (target, "enter", (double) point.x, (double) point.y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_assert_true (desk_month_grid_get_drop_day (grid) == first);
  {
    g_auto(GStrv) now = gtk_widget_get_css_classes (first);

    g_assert_true (g_strv_equal ((const char * const *) classes, (const char * const *) now));
  }
  g_strfreev (classes);

  /* On to the next day */
  point = centre_of (second);
  g_signal_emit_by_name (target, "motion", (double) point.x, (double) point.y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_assert_true (desk_month_grid_get_drop_day (grid) == second);
  wait_painted (GTK_WIDGET (f->window));

  /* Out of the month */
  g_signal_emit_by_name (target, "leave");
  g_assert_null (desk_month_grid_get_drop_day (grid));
}

static void
test_drop_undo_copy (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskCalendarPage *page = calendar_page (f);
  GListModel *model = desk_calendar_page_get_model (page);
  g_autoptr(DeskPost) post = first_post_with_status (model, DESK_POST_STATUS_SCHEDULED, TRUE);
  g_autoptr(GDateTime) old_at = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) old_local = NULL;
  g_autoptr(GDateTime) new_local = NULL;
  gint64 count_before = 0, count_after = 0;

  g_assert_nonnull (post);
  old_at = g_date_time_ref (desk_post_get_scheduled_at (post));
  old_local = g_date_time_to_local (old_at);
  day = g_date_time_add_days (old_local, 2);

  /* The drop path: two days later, same time of day, saved at once */
  g_assert_true (desk_calendar_page_drop_post (page, post, day, FALSE));
  spin ();
  {
    g_autoptr(DeskStore) other = desk_store_open (f->path, DESK_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(DeskPost) stored = desk_store_get_post (other, desk_post_get_id (post), &error);
    g_assert_no_error (error);
    new_local = g_date_time_to_local (desk_post_get_scheduled_at (stored));
  }
  g_assert_cmpint (g_date_time_get_day_of_month (new_local), ==, g_date_time_get_day_of_month (day));
  g_assert_cmpint (g_date_time_get_hour (new_local), ==, g_date_time_get_hour (old_local));
  g_assert_cmpint (g_date_time_get_minute (new_local), ==, g_date_time_get_minute (old_local));
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);

  /* Undo, as the toast's button and Ctrl+Z do */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), old_at));

  /* Ctrl+drag: a new draft the same day, the original untouched */
  desk_store_count_rows (f->store, "posts", &count_before, NULL);
  g_assert_true (desk_calendar_page_drop_post (page, post, day, TRUE));
  desk_store_count_rows (f->store, "posts", &count_after, NULL);
  g_assert_cmpint (count_after, ==, count_before + 1);
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), old_at));
  /* and undo removes the copy */
  g_assert_true (desk_calendar_page_undo (page));
  desk_store_count_rows (f->store, "posts", &count_after, NULL);
  g_assert_cmpint (count_after, ==, count_before);
}

static void
test_drop_refused_and_past (Fixture       *f,
                            gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  GListModel *model = desk_calendar_page_get_model (page);
  g_autoptr(DeskPost) published = first_post_with_status (model, DESK_POST_STATUS_PUBLISHED, FALSE);
  g_autoptr(DeskPost) future = first_post_with_status (model, DESK_POST_STATUS_SCHEDULED, TRUE);
  g_autoptr(GDateTime) published_at = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  AdwMessageDialog *confirm;

  /* A published post stays where it is. */
  g_assert_nonnull (published);
  published_at = g_date_time_ref (desk_post_get_scheduled_at (published));
  g_assert_false (desk_calendar_page_drop_post (page, published, now, FALSE));
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (published), published_at));

  /* A past day asks first. */
  g_assert_false (desk_calendar_page_drop_post (page, future, yesterday, FALSE));
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  g_object_ref (confirm);
  adw_message_dialog_response (confirm, "schedule");
  gtk_window_close (GTK_WINDOW (confirm));
  g_object_unref (confirm);
  spin ();
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (desk_post_get_scheduled_at (future));
    g_assert_cmpint (g_date_time_get_day_of_month (local), ==, g_date_time_get_day_of_month (yesterday));
  }
}


static gboolean
is_card_of (GtkWidget *widget,
            gpointer   post)
{
  return DESK_IS_POST_CARD (widget) && gtk_widget_get_visible (widget) &&
         desk_post_card_get_post (DESK_POST_CARD (widget)) == post;
}

static void
test_keyboard_move (Fixture       *f,
                    gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  GListModel *model = desk_calendar_page_get_model (page);
  g_autoptr(DeskPost) post = first_post_with_status (model, DESK_POST_STATUS_SCHEDULED, TRUE);
  g_autoptr(GDateTime) before = NULL;
  GtkWidget *focus;
  GtkWidget *card = NULL;

  g_assert_nonnull (post);
  before = g_date_time_ref (desk_post_get_scheduled_at (post));

  /* Focus the post's card, as Tab would */
  card = find_descendant (GTK_WIDGET (page), is_card_of, post);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_grab_focus (card));

  /* Alt+Right */
  g_assert_true (gtk_widget_activate_action (card, "calendar.move-focused", "i", 1));
  spin ();
  g_assert_cmpint (g_date_time_difference (desk_post_get_scheduled_at (post), before) / G_TIME_SPAN_HOUR, >=, 23);
  g_assert_cmpint (g_date_time_difference (desk_post_get_scheduled_at (post), before) / G_TIME_SPAN_HOUR, <=, 25);

  /* The moved card has the focus again, and reads its new date. */
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (DESK_IS_POST_CARD (focus));
  g_assert_true (desk_post_card_get_post (DESK_POST_CARD (focus)) == post);

  /* "Move to…" (Shift+F10): a date and a time picked in the popover */
  g_assert_true (gtk_widget_activate_action (focus, "card.move-to", NULL));
  spin ();
  {
    GtkWidget *popover = NULL;
    g_autoptr(GDateTime) now = desk_time_now ();
    g_autoptr(GDateTime) target = g_date_time_add_days (now, 3);
    g_autoptr(GDateTime) when = NULL;

    for (GtkWidget *c = gtk_widget_get_first_child (focus); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (DESK_IS_MOVE_POPOVER (c))
        popover = c;
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));

    /* It opens on the card's day, the keyboard focus on that day; Tab
     * goes on to the time, not through the calendar's four arrows */
    wait_mapped (popover);
    {
      GtkWidget *calendar = template_child (popover, DESK_TYPE_MOVE_POPOVER, "calendar");
      GtkWidget *hour = template_child (popover, DESK_TYPE_MOVE_POPOVER, "hour_spin");
      GtkWidget *has_focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_autoptr(GDateTime) day = gtk_calendar_get_date (GTK_CALENDAR (calendar));
      g_autoptr(GDateTime) local = g_date_time_to_local (desk_post_get_scheduled_at (post));

      g_assert_true (has_focus == calendar);
      g_assert_cmpint (g_date_time_get_day_of_year (day), ==, g_date_time_get_day_of_year (local));
      g_assert_true (gtk_widget_child_focus (popover, GTK_DIR_TAB_FORWARD));
      has_focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_assert_true (has_focus == hour || gtk_widget_is_ancestor (has_focus, hour));
    }
    when = desk_time_at_local (target, 14, 5);
    desk_move_popover_set_time (DESK_MOVE_POPOVER (popover), when);
    g_assert_true (gtk_widget_activate_action (popover, "move.apply", NULL));
    spin ();
    g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), when));
  }
}

static void
test_ideas_tray (Fixture       *f,
                 gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  GListModel *model = desk_calendar_page_get_model (page);
  GListModel *ideas = desk_calendar_page_get_ideas (page);
  g_autoptr(DeskPost) post = first_post_with_status (model, DESK_POST_STATUS_SCHEDULED, TRUE);
  g_autoptr(DeskPost) idea = NULL;
  g_autoptr(GDateTime) was = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  guint n_ideas = g_list_model_get_n_items (ideas);
  guint n_month = g_list_model_get_n_items (model);
  DeskPostDialog *dialog;

  g_assert_cmpuint (n_ideas, ==, 10);
  was = g_date_time_ref (desk_post_get_scheduled_at (post));

  /* Card dropped on the tray: off the calendar, into the ideas */
  g_assert_true (desk_calendar_page_unschedule_post (page, post));
  g_assert_null (desk_post_get_scheduled_at (post));
  g_assert_cmpuint (g_list_model_get_n_items (ideas), ==, n_ideas + 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_month - 1);
  g_assert_true (desk_calendar_page_undo (page));
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), was));
  g_assert_cmpuint (g_list_model_get_n_items (ideas), ==, n_ideas);

  /* An idea dropped on tomorrow: scheduled at the default time (09:30) */
  idea = g_list_model_get_item (ideas, 0);
  g_assert_true (desk_calendar_page_drop_post (page, idea, tomorrow, FALSE));
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (desk_post_get_scheduled_at (idea));
    g_assert_cmpint (g_date_time_get_day_of_month (local), ==, g_date_time_get_day_of_month (tomorrow));
    g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
    g_assert_cmpint (g_date_time_get_minute (local), ==, 30);
  }
  g_assert_cmpuint (g_list_model_get_n_items (ideas), ==, n_ideas - 1);

  /* New idea from the tray: no date, status idea, lands in the tray */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-idea", NULL));
  dialog = find_toplevel (DESK_TYPE_POST_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (gtk_switch_get_active (template_child (dialog, DESK_TYPE_POST_DIALOG, "schedule_switch")));
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, DESK_TYPE_POST_DIALOG, "title_row")), "Idée : visite du moulin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "post.save", NULL));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (ideas), ==, n_ideas);
  {
    g_autoptr(DeskPost) last = g_list_model_get_item (ideas, n_ideas - 1);
    g_assert_cmpstr (desk_post_get_title (last), ==, "Idée : visite du moulin");
    g_assert_cmpint (desk_post_get_status (last), ==, DESK_POST_STATUS_IDEA);
  }
}

static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  GtkStack *stack = template_child (page, DESK_TYPE_CALENDAR_PAGE, "view_stack");
  DeskAgendaView *agenda = template_child (page, DESK_TYPE_CALENDAR_PAGE, "agenda_view");
  GtkListBox *list = template_child (agenda, DESK_TYPE_AGENDA_VIEW, "list");
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) from = desk_time_month_start (now);
  g_autoptr(GDateTime) to = g_date_time_add_months (from, 1);
  g_autoptr(GPtrArray) posts = desk_store_query_posts (f->store, first_brand (f->store), from, to, NULL);
  guint rows = 0, headers = 0;
  GtkListBoxRow *row;

  desk_calendar_page_set_view (page, "agenda");
  spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "agenda");

  /* One row per post of the month, a heading per day that has posts */
  while ((row = gtk_list_box_get_row_at_index (list, rows)) != NULL)
    {
      headers += gtk_list_box_row_get_header (row) != NULL;
      rows++;
    }
  g_assert_cmpuint (rows, ==, posts->len);
  g_assert_cmpuint (headers, >, 10);
  g_assert_cmpuint (headers, <=, 30);

  /* It follows the store like the month does. */
  {
    g_autoptr(DeskPost) post = desk_post_new ();
    g_autoptr(GDateTime) at = g_date_time_add_hours (now, 2);

    desk_post_set_brand_id (post, first_brand (f->store));
    desk_post_set_title (post, "Ajoutée ailleurs");
    desk_post_set_scheduled_at (post, at);
    g_assert_true (desk_store_save_post (f->store, post, NULL));
    g_assert_nonnull (gtk_list_box_get_row_at_index (list, posts->len));
  }

  /* The page's focus goes to the first row (its card) */
  {
    GtkWidget *first = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
    GtkWidget *focus;

    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (page)));
    focus = gtk_root_get_focus (GTK_ROOT (f->window));
    g_assert_true (focus == first || gtk_widget_is_ancestor (focus, first));
  }

  /* Behind the month, it holds no card */
  desk_calendar_page_set_view (page, "month");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "month");
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
}

static guint
count_cards_matching (GtkWidget *widget,
                      gint64     channel_id,
                      guint     *total)
{
  guint n = 0;

  if (!in_reach (widget))
    return 0;
  if (DESK_IS_POST_CARD (widget))
    {
      (*total)++;
      return desk_post_has_channel (desk_post_card_get_post (DESK_POST_CARD (widget)), channel_id) ? 1 : 0;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_cards_matching (c, channel_id, total);
  return n;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, first_brand (f->store), NULL);
  g_autoptr(DeskChannel) instagram = g_list_model_get_item (channels, 2);
  gint64 id = desk_channel_get_id (instagram);
  guint all = desk_calendar_page_count_cards (page);
  guint total = 0, matching;
  DeskPostFilter filter;
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GVariant) saved = NULL;

  desk_post_filter_init (&filter);
  g_array_append_val (filter.channel_ids, id);
  desk_calendar_page_set_filter (page, &filter, DESK_COLOUR_BY_CAMPAIGN);
  spin ();

  /* Only Instagram posts are on the calendar now. */
  matching = count_cards_matching (GTK_WIDGET (page), id, &total);
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (matching, ==, total);
  g_assert_cmpuint (desk_calendar_page_count_cards (page), <, all);

  /* Remembered */
  saved = g_settings_get_value (settings, "filter-channels");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 1);
  g_assert_cmpstr (g_settings_get_string (settings, "colour-by"), ==, "campaign");

  /* Statuses: published only */
  g_array_set_size (filter.channel_ids, 0);
  filter.status_mask = 1u << DESK_POST_STATUS_PUBLISHED;
  desk_calendar_page_set_filter (page, &filter, DESK_COLOUR_BY_STATUS);
  {
    GListModel *model = desk_calendar_page_get_model (page);
    guint published_days = 0;
    g_assert_cmpuint (desk_calendar_page_count_cards (page), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(DeskPost) p = g_list_model_get_item (model, i);
        published_days += desk_post_get_status (p) == DESK_POST_STATUS_PUBLISHED;
      }
    g_assert_cmpuint (desk_calendar_page_count_cards (page), <=, published_days);
  }

  /* Everything again */
  filter.status_mask = 0;
  desk_calendar_page_set_filter (page, &filter, DESK_COLOUR_BY_STATUS);
  g_assert_cmpuint (desk_calendar_page_count_cards (page), ==, all);
  desk_post_filter_clear (&filter);
}

static void
test_cadence_warning (Fixture       *f,
                      gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, first_brand (f->store), NULL);
  g_autoptr(DeskChannel) instagram = g_list_model_get_item (channels, 2);
  gint64 id = desk_channel_get_id (instagram);
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 2);
  guint before = desk_calendar_page_count_cadence_warnings (page);
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_cmpuint (desk_channel_get_cadence (instagram), ==, 1);

  /* Three Instagram posts on one day, cadence 1: the day warns. */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(DeskPost) post = desk_post_new ();
      g_autoptr(GDateTime) at = desk_time_at_local (day, 8 + i, 0);

      desk_post_set_brand_id (post, first_brand (f->store));
      desk_post_set_title (post, "Carrousel");
      desk_post_set_channel_ids (post, &id, 1);
      desk_post_set_scheduled_at (post, at);
      g_assert_true (desk_store_save_post (f->store, post, NULL));
      {
        gint64 post_id = desk_post_get_id (post);
        g_array_append_val (added, post_id);
      }
    }
  g_assert_cmpuint (desk_calendar_page_count_cadence_warnings (page), >=, 1);
  g_assert_cmpuint (desk_calendar_page_count_cadence_warnings (page), >=, before);

  /* Taken away again, the calendar is as it was. */
  for (guint i = 0; i < added->len; i++)
    g_assert_true (desk_store_delete_post (f->store, g_array_index (added, gint64, i), NULL));
  g_assert_cmpuint (desk_calendar_page_count_cadence_warnings (page), ==, before);
}

/* Saves @post, of the first brand, at 0:01 on @day */
static void
save_post_on (Fixture   *f,
              DeskPost  *post,
              GDateTime *day)
{
  g_autoptr(GDateTime) at = desk_time_at_local (day, 0, 1);

  desk_post_set_brand_id (post, first_brand (f->store));
  desk_post_set_scheduled_at (post, at);
  g_assert_true (desk_store_save_post (f->store, post, NULL));
}

/* @post has its card on @day of the month shown */
static void
assert_card_on_day (DeskCalendarPage *page,
                    DeskPost         *post,
                    GDateTime        *day)
{
  GtkWidget *card = find_descendant (GTK_WIDGET (page), is_card_of, post);
  GtkWidget *cell = card ? gtk_widget_get_ancestor (card, DESK_TYPE_DAY_CELL) : NULL;

  g_assert_nonnull (cell);
  g_assert_true (g_date_time_equal (desk_day_cell_get_day (DESK_DAY_CELL (cell)), day));
}

/* A change to one post binds again only the days it concerns: the day
 * it joins, the day it leaves; not the month's 42 */
static void
test_one_post_fills_its_days (Fixture       *f,
                              gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  DeskPostList *list = DESK_POST_LIST (desk_calendar_page_get_model (page));
  g_autoptr(GDateTime) day_a = g_date_time_add_days (desk_post_list_get_from (list), 10);
  g_autoptr(GDateTime) day_b = g_date_time_add_days (desk_post_list_get_from (list), 12);
  g_autoptr(DeskPost) post = desk_post_new ();
  guint fills;

  wait_painted (GTK_WIDGET (f->window));

  /* Added on day A, the first of its posts: one day, and its card */
  fills = _desk_calendar_page_get_n_day_fills (page);
  desk_post_set_title (post, "Un seul jour");
  save_post_on (f, post, day_a);
  g_assert_cmpuint (_desk_calendar_page_get_n_day_fills (page) - fills, ==, 1);
  g_assert_nonnull (find_descendant (GTK_WIDGET (page), is_card_of, post));

  /* Renamed in place: its day alone */
  fills = _desk_calendar_page_get_n_day_fills (page);
  desk_post_set_title (post, "Renommée");
  g_assert_true (desk_store_save_post (f->store, post, NULL));
  g_assert_cmpuint (_desk_calendar_page_get_n_day_fills (page) - fills, ==, 1);

  /* Moved from day A to day B: those two */
  fills = _desk_calendar_page_get_n_day_fills (page);
  save_post_on (f, post, day_b);
  g_assert_cmpuint (_desk_calendar_page_get_n_day_fills (page) - fills, ==, 2);
  wait_painted (GTK_WIDGET (f->window));
  assert_card_on_day (page, post, day_b);

  /* Deleted: day B alone, and no card left */
  fills = _desk_calendar_page_get_n_day_fills (page);
  g_assert_true (desk_store_delete_post (f->store, desk_post_get_id (post), NULL));
  g_assert_cmpuint (_desk_calendar_page_get_n_day_fills (page) - fills, ==, 1);
  g_assert_null (find_descendant (GTK_WIDGET (page), is_card_of, post));
}

static guint
count_type (GtkWidget *widget,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && in_reach (widget);

  if (!in_reach (widget))
    return 0;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_type (c, type);
  return n;
}

/* One band per campaign and shown day it runs on */
static guint
expected_bands (Fixture      *f,
                DeskPostList *list)
{
  g_autoptr(GListModel) campaigns = desk_store_list_campaigns (f->store, first_brand (f->store), NULL);
  guint expected = 0;

  for (guint c = 0; c < g_list_model_get_n_items (campaigns); c++)
    {
      g_autoptr(DeskCampaign) campaign = g_list_model_get_item (campaigns, c);

      for (int d = 0; d < 42; d++)
        {
          g_autoptr(GDateTime) day = g_date_time_add_days (desk_post_list_get_from (list), d);
          g_autoptr(GDateTime) starts = desk_time_local_midnight (desk_campaign_get_starts_on (campaign));
          g_autoptr(GDateTime) ends = desk_time_local_midnight (desk_campaign_get_ends_on (campaign));

          if (g_date_time_compare (day, starts) >= 0 && g_date_time_compare (day, ends) <= 0)
            expected++;
        }
    }
  return expected;
}

static void
test_campaign_bands (Fixture       *f,
                     gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  DeskPostList *list = DESK_POST_LIST (desk_calendar_page_get_model (page));
  guint first = expected_bands (f, list);

  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (count_type (GTK_WIDGET (page), DESK_TYPE_COLOUR_BAR), ==, first);

  /* Bands are recycled from month to month: as many as the days need */
  for (const char * const *action = (const char *[]) { "calendar.next", "calendar.next", "calendar.previous", "calendar.previous", NULL };
       *action != NULL; action++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), *action, NULL));
      spin ();
      g_assert_cmpuint (count_type (GTK_WIDGET (page), DESK_TYPE_COLOUR_BAR), ==, expected_bands (f, list));
    }
  g_assert_cmpuint (count_type (GTK_WIDGET (page), DESK_TYPE_COLOUR_BAR), ==, first);
}

static void
test_csv_import_export (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskCalendarPage *page = calendar_page (f);
  g_autofree char *good = g_build_filename (f->dir, "good.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "month.csv", NULL);
  g_autofree char *text = NULL;
  gint64 before = 0, after = 0;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (good, "date;heure;canaux;texte\n2026-12-01;09:30;instagram;Bonjour\n"
                                      "2026-12-02;10:00;mastodon|bluesky;Salut\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "date,time,channels,text\n2026-12-01,09:30,tiktok,Non\n", -1, NULL));

  /* A file with an error: shown, and Import is not possible */
  desk_store_count_rows (f->store, "posts", &before, NULL);
  dialog = desk_calendar_page_preview_import (page, bad, &error);
  g_assert_no_error (error);
  g_assert_true (DESK_IS_IMPORT_DIALOG (dialog));
  g_assert_cmpuint (desk_import_dialog_get_errors (DESK_IMPORT_DIALOG (dialog)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  desk_store_count_rows (f->store, "posts", &after, NULL);
  g_assert_cmpint (after, ==, before);
  gtk_window_destroy (dialog);

  /* A good file: previewed, then imported */
  dialog = desk_calendar_page_preview_import (page, good, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_import_dialog_get_errors (DESK_IMPORT_DIALOG (dialog)), ==, 0);
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  desk_store_count_rows (f->store, "posts", &after, NULL);
  g_assert_cmpint (after, ==, before + 2);

  /* Export of the month as CSV */
  g_assert_true (desk_calendar_page_export_month_csv (page, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "date,time,channels,title,text,image,campaign,status\r\n"));
}

static void
test_week_view (Fixture       *f,
                gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  DeskWeekView *week = template_child (page, DESK_TYPE_CALENDAR_PAGE, "week_view");
  GtkStack *stack = template_child (page, DESK_TYPE_CALENDAR_PAGE, "view_stack");
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 11, 23, 0, 0, 0);
  int h = desk_week_view_get_hour_height ();

  /* Drop arithmetic: column → day, height → time, rounded to 15 minutes */
  {
    g_autoptr(GDateTime) a = desk_week_view_time_at (monday, 52 + 700, 52 + 250, 9.5 * h);
    g_autoptr(GDateTime) b = desk_week_view_time_at (monday, 52 + 700, 52 + 699, (9 + 7.0 / 60) * h);
    g_autoptr(GDateTime) c = desk_week_view_time_at (monday, 52 + 700, 52 + 1, (9 + 8.0 / 60) * h);
    g_autoptr(GDateTime) d = desk_week_view_time_at (monday, 52 + 700, 10, 100);

    g_assert_cmpint (g_date_time_get_day_of_month (a), ==, 25);
    g_assert_cmpint (g_date_time_get_hour (a), ==, 9);
    g_assert_cmpint (g_date_time_get_minute (a), ==, 30);
    g_assert_cmpint (g_date_time_get_day_of_month (b), ==, 29);
    g_assert_cmpint (g_date_time_get_minute (b), ==, 0);
    g_assert_cmpint (g_date_time_get_day_of_month (c), ==, 23);
    g_assert_cmpint (g_date_time_get_minute (c), ==, 15);
    g_assert_null (d);
  }

  desk_calendar_page_set_view (page, "week");
  spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "week");

  /* One card per post of the week */
  {
    g_autoptr(GDateTime) start = NULL;
    g_autoptr(GDateTime) end = NULL;
    g_autoptr(GPtrArray) posts = NULL;
    g_autoptr(GDateTime) midnight = desk_time_local_midnight (now);

    /* The shown week is within six days of today, whatever the locale's
     * first day of the week. */
    start = g_date_time_add_days (midnight, -6);
    end = g_date_time_add_days (midnight, 7);
    posts = desk_store_query_posts (f->store, first_brand (f->store), start, end, NULL);
    g_assert_cmpuint (desk_week_view_get_n_cards (week), >, 0);
    g_assert_cmpuint (desk_week_view_get_n_cards (week), <=, posts->len);
  }

  /* While a post is dragged over the week, the slot it would land in is
   * drawn with its time; leaving takes it away */
  {
    GtkEventController *target = find_controller (GTK_WIDGET (week), GTK_TYPE_DROP_TARGET, GTK_PHASE_NONE);
    double x, y = 10.5 * desk_week_view_get_hour_height () + 3;
    GdkDragAction action = 0;
    GDateTime *slot;

    /* The stack shows the week in a later frame: the point is taken from
     * the allocation the user sees, not from one not made yet */
    wait_allocated (GTK_WIDGET (week));
    x = gtk_widget_get_width (GTK_WIDGET (week)) - 10;
    g_assert_nonnull (target);
    g_assert_null (desk_week_view_get_drop_time (week));
    g_signal_emit_by_name (target, "motion", x, y, &action);
    g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
    slot = desk_week_view_get_drop_time (week);
    g_assert_nonnull (slot);
    g_assert_cmpint (g_date_time_get_hour (slot), ==, 10);
    g_assert_cmpint (g_date_time_get_minute (slot), ==, 30);
    /* In the hours' gutter: nowhere to land */
    g_signal_emit_by_name (target, "motion", 5.0, y, &action);
    g_assert_cmpint (action, ==, 0);
    g_assert_null (desk_week_view_get_drop_time (week));
    g_signal_emit_by_name (target, "motion", x, y, &action);
    wait_painted (GTK_WIDGET (f->window));
    g_signal_emit_by_name (target, "leave");
    g_assert_null (desk_week_view_get_drop_time (week));
  }

  /* A drop on a slot: that day, that time */
  {
    GListModel *model = desk_calendar_page_get_model (page);
    g_autoptr(DeskPost) post = first_post_with_status (model, DESK_POST_STATUS_SCHEDULED, TRUE);
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
    g_autoptr(GDateTime) at = desk_time_at_local (tomorrow, 16, 45);
    g_autoptr(GDateTime) before = NULL;

    g_signal_emit_by_name (week, "drop-post", post, at, FALSE);
    g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), at));

    /* Alt+Shift+Down on its card: an hour later */
    desk_calendar_page_set_week (page, at);
    spin ();
    before = g_date_time_ref (desk_post_get_scheduled_at (post));
    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (week)); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (DESK_IS_POST_CARD (c) && desk_post_card_get_post (DESK_POST_CARD (c)) == post)
        gtk_widget_grab_focus (c);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.move-focused-minutes", "i", 60));
    g_assert_cmpint (g_date_time_difference (desk_post_get_scheduled_at (post), before), ==, G_TIME_SPAN_HOUR);
  }

  desk_calendar_page_set_view (page, "month");
}

static void
test_queue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, first_brand (f->store), NULL);
  g_autoptr(DeskChannel) instagram = g_list_model_get_item (channels, 2);
  gint64 id = desk_channel_get_id (instagram);
  g_autoptr(GArray) slots = desk_slots_parse (desk_channel_get_slots (instagram), NULL);
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) horizon = g_date_time_add_weeks (now, 8);
  g_autoptr(GPtrArray) planned = desk_store_query_posts (f->store, first_brand (f->store), now, horizon, NULL);
  g_autoptr(GPtrArray) taken = g_ptr_array_new ();
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(GPtrArray) after = NULL;
  DeskPostDialog *dialog;
  gboolean found = FALSE;

  g_assert_cmpuint (slots->len, >, 0);
  for (guint i = 0; i < planned->len; i++)
    if (desk_post_has_channel (g_ptr_array_index (planned, i), id))
      g_ptr_array_add (taken, desk_post_get_scheduled_at (g_ptr_array_index (planned, i)));
  expected = desk_slots_next_free (slots, now, taken);
  g_assert_nonnull (expected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-post", NULL));
  dialog = find_toplevel (DESK_TYPE_POST_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, DESK_TYPE_POST_DIALOG, "title_row")), "En file d’attente");
  gtk_check_button_set_active (desk_post_dialog_get_channel_check (dialog, id), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "post.queue", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "post.save", NULL));
  spin ();

  after = desk_store_query_posts (f->store, first_brand (f->store), now, horizon, NULL);
  for (guint i = 0; i < after->len; i++)
    {
      DeskPost *post = g_ptr_array_index (after, i);
      if (g_strcmp0 (desk_post_get_title (post), "En file d’attente") == 0)
        {
          found = TRUE;
          g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), expected));
          g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);
        }
    }
  g_assert_true (found);
}

static gboolean
is_slots_row (GtkWidget *widget,
              gpointer   data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Posting slots");
}

static void
test_channel_preferences (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  DeskPreferencesWindow *prefs = desk_preferences_window_new (settings, f->path, f->store, first_brand (f->store));
  GtkWidget *row;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(DeskChannel) first = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  wait_mapped (GTK_WIDGET (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "channels");
  row = find_descendant (GTK_WIDGET (prefs), is_slots_row, NULL);
  g_assert_nonnull (row);

  /* A wrong slot is refused and nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (row), "lundi 9h30, jamais");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  /* French day names are understood and stored in the canonical form. */
  gtk_editable_set_text (GTK_EDITABLE (row), "lun jeu 9h30");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  channels = desk_store_list_channels (f->store, first_brand (f->store), NULL);
  first = g_list_model_get_item (channels, 0);
  g_assert_cmpstr (desk_channel_get_slots (first), ==, "mon 09:30, thu 09:30");

  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The months around the shown one are read and laid out while it is
 * looked at; switching uses them only while the store is unchanged. */
static void
assert_model_is_store (Fixture      *f,
                       DeskPostList *list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = desk_store_query_posts (f->store, first_brand (f->store),
                                                          desk_post_list_get_from (list),
                                                          desk_post_list_get_to (list), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(DeskPost) post = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (desk_post_get_id (post), ==, desk_post_get_id (g_ptr_array_index (expected, i)));
    }
}

static void
wait_prepared (DeskCalendarPage *page)
{
  for (int i = 0; i < 2000 && desk_calendar_page_is_preparing (page); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (desk_calendar_page_is_preparing (page));
}

static gboolean
is_month_grid (GtkWidget *widget,
               gpointer   data)
{
  return DESK_IS_MONTH_GRID (widget);
}

/* Every month grid under @widget, shown or not */
static void
collect_month_grids (GtkWidget *widget,
                     GPtrArray *grids)
{
  if (DESK_IS_MONTH_GRID (widget))
    g_ptr_array_add (grids, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_month_grids (c, grids);
}

/* The shown month's cards are the model's posts, at most three a day */
static void
assert_cards_are_model (DeskCalendarPage *page)
{
  GListModel *model = desk_calendar_page_get_model (page);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskPost) post = g_list_model_get_item (model, i);
      GtkWidget *card = find_descendant (GTK_WIDGET (page), is_card_of, post);

      if (card != NULL)
        g_assert_true (in_reach (card));
    }
  g_assert_cmpuint (desk_calendar_page_count_cards (page), <=, n);
  g_assert_cmpuint (desk_calendar_page_count_cards (page), >=, MIN (n, 20));
}

/* Tab through the months (their deck) goes through @shown and nothing of
 * the other months */
static void
assert_tab_stays_in (GtkWidget *shown)
{
  GtkWidget *deck = gtk_widget_get_parent (shown);
  GtkRoot *root = gtk_widget_get_root (shown);
  guint stops = 0;

  gtk_widget_grab_focus (gtk_widget_get_first_child (shown));
  while (gtk_widget_child_focus (deck, GTK_DIR_TAB_FORWARD))
    {
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), shown));
      stops++;
    }
  g_assert_cmpuint (stops, >=, 20);
}

/* @focus is the day cell of the selected day */
static void
assert_focus_on_selected (DeskCalendarPage *page,
                          DeskPostList     *list,
                          GtkWidget        *focus)
{
  g_autoptr(GDateTime) selected = desk_calendar_page_dup_selected_day (page);
  g_autoptr(GDateTime) day = NULL;
  int index = 0;

  g_assert_true (is_day_cell (focus, NULL));
  for (GtkWidget *c = gtk_widget_get_prev_sibling (focus); c != NULL; c = gtk_widget_get_prev_sibling (c))
    index++;
  day = g_date_time_add_days (desk_post_list_get_from (list), index);
  g_assert_cmpint (g_date_time_get_day_of_year (day), ==, g_date_time_get_day_of_year (selected));
}

/* Next and previous show months filled out of sight, which cannot be
 * reached (pointer, keyboard, screen readers) while not shown */
static void
test_months_ahead (Fixture       *f,
                   gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  DeskPostList *list = DESK_POST_LIST (desk_calendar_page_get_model (page));
  g_autoptr(GPtrArray) grids = g_ptr_array_new ();
  GtkWidget *first, *next, *cell;
  GtkWidget *focus;

  wait_painted (GTK_WIDGET (f->window));
  wait_prepared (page);
  collect_month_grids (GTK_WIDGET (page), grids);
  /* The shown month (today's), the next and the previous */
  g_assert_cmpuint (grids->len, ==, 3);
  first = find_descendant (GTK_WIDGET (page), is_month_grid, NULL);
  g_assert_nonnull (first);
  for (guint i = 0; i < grids->len; i++)
    {
      GtkWidget *grid = g_ptr_array_index (grids, i);

      g_assert_cmpint (gtk_widget_get_can_target (grid), ==, grid == first);
    }
  assert_tab_stays_in (first);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
  next = find_descendant (GTK_WIDGET (page), is_month_grid, NULL);
  g_assert_true (next != first);
  g_assert_false (gtk_widget_get_can_target (first));
  assert_model_is_store (f, list);
  assert_cards_are_model (page);
  /* Its first day is selected, as "Next" selects it */
  {
    g_autoptr(GDateTime) selected = desk_calendar_page_dup_selected_day (page);

    g_assert_cmpint (g_date_time_get_day_of_month (selected), ==, 1);
  }
  assert_tab_stays_in (next);

  /* Back: the month left was kept as it was; the focus on a day goes to
   * the selected day */
  wait_painted (GTK_WIDGET (f->window));
  wait_prepared (page);
  cell = find_descendant (next, is_day_cell, NULL);
  cell = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (cell));
  gtk_widget_grab_focus (cell);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.previous", NULL));
  g_assert_true (find_descendant (GTK_WIDGET (page), is_month_grid, NULL) == first);
  assert_model_is_store (f, list);
  assert_cards_are_model (page);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (gtk_widget_get_parent (focus) == first);
  assert_focus_on_selected (page, list, focus);

  /* Two months away, Today shows today's month, kept ready, today
   * selected and focused */
  for (int i = 0; i < 2; i++)
    {
      wait_painted (GTK_WIDGET (f->window));
      wait_prepared (page);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
    }
  wait_painted (GTK_WIDGET (f->window));
  wait_prepared (page);
  g_assert_true (find_descendant (GTK_WIDGET (page), is_month_grid, NULL) != first);
  g_ptr_array_set_size (grids, 0);
  collect_month_grids (GTK_WIDGET (page), grids);
  g_assert_cmpuint (grids->len, ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.today", NULL));
  g_assert_true (find_descendant (GTK_WIDGET (page), is_month_grid, NULL) == first);
  assert_model_is_store (f, list);
  assert_cards_are_model (page);
  {
    g_autoptr(GDateTime) selected = desk_calendar_page_dup_selected_day (page);
    g_autoptr(GDateTime) now = desk_time_now ();

    g_assert_cmpint (g_date_time_get_day_of_year (selected), ==, g_date_time_get_day_of_year (now));
  }
  assert_focus_on_selected (page, list, gtk_root_get_focus (GTK_ROOT (f->window)));

  /* A filter changed while months are filled ahead fills them again */
  wait_painted (GTK_WIDGET (f->window));
  wait_prepared (page);
  {
    DeskPostFilter filter;

    desk_post_filter_init (&filter);
    filter.status_mask = 1u << DESK_POST_STATUS_SCHEDULED;
    desk_calendar_page_set_filter (page, &filter, DESK_COLOUR_BY_STATUS);
    wait_prepared (page);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(DeskPost) post = g_list_model_get_item (G_LIST_MODEL (list), i);
        GtkWidget *card = find_descendant (GTK_WIDGET (page), is_card_of, post);

        if (card != NULL)
          g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);
      }
    /* The filter is kept in GSettings: the next tests start without */
    filter.status_mask = 0;
    desk_calendar_page_set_filter (page, &filter, DESK_COLOUR_BY_STATUS);
    desk_post_filter_clear (&filter);
  }
}

/* The title opens a calendar (Ctrl+G): a day picked there is shown at
 * once, Enter closes it; a month turned to in it is laid out meanwhile */
static void
test_go_to_date (Fixture       *f,
                 gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  DeskPostList *list = DESK_POST_LIST (desk_calendar_page_get_model (page));
  GtkPopover *popover = template_child (page, DESK_TYPE_CALENDAR_PAGE, "go_to_popover");
  GtkCalendar *calendar = template_child (page, DESK_TYPE_CALENDAR_PAGE, "go_to_calendar");
  GtkWidget *button = template_child (page, DESK_TYPE_CALENDAR_PAGE, "go_to_button");
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) picked = desk_time_new_local (2027, 3, 17, 0, 0, 0);
  g_autoptr(GDateTime) later = desk_time_new_local (2027, 5, 8, 0, 0, 0);
  g_autoptr(GDateTime) shown = NULL;
  GtkEventController *keys = NULL;
  GtkWidget *grid_before;
  gboolean handled = FALSE;

  wait_painted (GTK_WIDGET (f->window));
  /* A day clicked takes the focus: the calendar's keys work from there */
  {
    GtkWidget *cell = find_descendant (GTK_WIDGET (page), is_day_cell, NULL);

    cell = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (cell));
    g_signal_emit_by_name (find_controller (cell, GTK_TYPE_GESTURE_CLICK, GTK_PHASE_NONE), "pressed", 1, 5.0, 5.0);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == cell);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.go-to", NULL));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  shown = gtk_calendar_get_date (calendar);
  {
    g_autoptr(GDateTime) selected = desk_calendar_page_dup_selected_day (page);

    g_assert_cmpint (g_date_time_get_day_of_year (shown), ==, g_date_time_get_day_of_year (selected));
    g_assert_cmpint (g_date_time_get_day_of_year (selected), !=, g_date_time_get_day_of_year (now));
  }

  /* Picked: the month is shown, the day selected, the calendar stays open */
  gtk_calendar_select_day (calendar, picked);
  {
    g_autoptr(GDateTime) selected = desk_calendar_page_dup_selected_day (page);
    g_autoptr(GDateTime) from = desk_time_to_local (desk_post_list_get_from (list));

    g_assert_true (g_date_time_equal (selected, picked));
    g_assert_cmpint (g_date_time_get_month (from) == 3 || g_date_time_get_month (from) == 2, ==, TRUE);
    g_assert_cmpint (g_date_time_get_year (from), ==, 2027);
  }
  assert_model_is_store (f, list);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* Read by screen readers: the button is named by the title it shows */
  g_assert_true (gtk_widget_get_first_child (button) != NULL);

  /* Turned two pages on without picking a day: May is laid out out of
   * sight (not a neighbour of March), so a day picked there only shows
   * its grid, where a month not laid out would fill the shown one */
  wait_painted (GTK_WIDGET (f->window));
  wait_prepared (page);
  grid_before = find_descendant (GTK_WIDGET (page), is_month_grid, NULL);
  /* As its arrows do: the month changes, no day is picked */
  g_object_set (calendar, "month", 4, NULL);
  {
    g_autoptr(GDateTime) selected = desk_calendar_page_dup_selected_day (page);

    g_assert_true (g_date_time_equal (selected, picked));
  }
  spin ();
  wait_prepared (page);
  wait_painted (GTK_WIDGET (f->window));
  gtk_calendar_select_day (calendar, later);
  g_assert_true (find_descendant (GTK_WIDGET (page), is_month_grid, NULL) != grid_before);
  assert_model_is_store (f, list);

  /* Enter closes it (the page's keys, before the calendar's own) */
  keys = find_controller (GTK_WIDGET (calendar), GTK_TYPE_EVENT_CONTROLLER_KEY, GTK_PHASE_CAPTURE);
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);
  /* It closes after the frame that shows the month */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  wait_painted (GTK_WIDGET (f->window));
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  {
    g_autoptr(GDateTime) selected = desk_calendar_page_dup_selected_day (page);

    g_assert_true (g_date_time_equal (selected, later));
  }
  assert_model_is_store (f, list);
  assert_cards_are_model (page);

  /* In the week view, the week of the day picked */
  desk_calendar_page_set_view (page, "week");
  desk_calendar_page_go_to (page, picked);
  {
    g_autoptr(GDateTime) selected = desk_calendar_page_dup_selected_day (page);

    g_assert_true (g_date_time_equal (selected, picked));
  }
  desk_calendar_page_set_view (page, "month");
}

/* A post added to, then moved within, a month laid out ahead: that pane
 * binds again the days concerned, not the month, and stays ready; shown,
 * it has the card on its new day */
static void
test_months_ahead_follow_the_store (Fixture       *f,
                                    gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  DeskPostList *list = DESK_POST_LIST (desk_calendar_page_get_model (page));
  g_autoptr(GDateTime) middle = g_date_time_add_days (desk_post_list_get_from (list), 20);
  g_autoptr(GDateTime) month = desk_time_month_start (middle);
  g_autoptr(GDateTime) next = g_date_time_add_months (month, 1);
  /* The 18th and the 25th: past the shown month's last row */
  g_autoptr(GDateTime) day_a = g_date_time_add_days (next, 17);
  g_autoptr(GDateTime) day_b = g_date_time_add_days (next, 24);
  g_autoptr(DeskPost) post = desk_post_new ();
  guint fills;

  wait_painted (GTK_WIDGET (f->window));
  wait_prepared (page);
  fills = _desk_calendar_page_get_n_month_fills (page, next);
  g_assert_cmpuint (fills, >=, 42);

  /* Added on day A: that day of the pane ahead */
  desk_post_set_title (post, "En avance");
  save_post_on (f, post, day_a);
  g_assert_false (desk_calendar_page_is_preparing (page));
  g_assert_cmpuint (_desk_calendar_page_get_n_month_fills (page, next) - fills, ==, 1);

  /* Moved from day A to day B: those two, and still ready */
  save_post_on (f, post, day_b);
  g_assert_false (desk_calendar_page_is_preparing (page));
  g_assert_cmpuint (_desk_calendar_page_get_n_month_fills (page, next) - fills, ==, 3);

  /* Shown as it was laid out: no day bound again, the card on day B */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
  g_assert_cmpuint (_desk_calendar_page_get_n_day_fills (page) - fills, ==, 3);
  assert_model_is_store (f, list);
  wait_painted (GTK_WIDGET (f->window));
  assert_card_on_day (page, post, day_b);
}

static void
test_prepared_months (Fixture       *f,
                      gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  DeskPostList *list = DESK_POST_LIST (desk_calendar_page_get_model (page));
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) in_two_months = g_date_time_add_months (now, 2);
  g_autoptr(DeskPost) added = desk_post_new ();
  g_autoptr(DeskPost) moved = NULL;
  gint64 moved_id;

  wait_painted (GTK_WIDGET (f->window));
  wait_prepared (page);

  /* Unchanged store: the next month from what was read ahead */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
  assert_model_is_store (f, list);
  g_assert_cmpuint (desk_calendar_page_count_cards (page), >, 20);
  wait_painted (GTK_WIDGET (f->window));
  wait_prepared (page);

  /* The store changes after the next month was read ahead: a post is
   * added to it and one of its posts moves out of it */
  desk_post_set_brand_id (added, first_brand (f->store));
  desk_post_set_title (added, "Ajoutée après la lecture");
  desk_post_set_scheduled_at (added, in_two_months);
  g_assert_true (desk_store_save_post (f->store, added, NULL));
  {
    g_autoptr(GDateTime) from = g_date_time_add_months (desk_post_list_get_from (list), 1);
    g_autoptr(GDateTime) to = g_date_time_add_months (desk_post_list_get_to (list), 1);
    g_autoptr(GPtrArray) next = desk_store_query_posts (f->store, first_brand (f->store), from, to, NULL);
    g_autoptr(GDateTime) far = g_date_time_add_months (now, 9);

    g_assert_cmpuint (next->len, >, 1);
    moved = g_object_ref (g_ptr_array_index (next, next->len / 2));
    moved_id = desk_post_get_id (moved);
    g_assert_cmpint (moved_id, !=, desk_post_get_id (added));
    desk_post_set_scheduled_at (moved, far);
    g_assert_true (desk_store_save_post (f->store, moved, NULL));
  }

  /* Filled again out of sight, then shown: the added post has its card,
   * the moved one has none */
  wait_prepared (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
  assert_model_is_store (f, list);
  g_assert_nonnull (find_descendant (GTK_WIDGET (page), is_card_of, added));
  g_assert_null (find_descendant (GTK_WIDGET (page), is_card_of, moved));
  {
    gboolean has_added = FALSE, has_moved = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(DeskPost) post = g_list_model_get_item (G_LIST_MODEL (list), i);

        has_added |= desk_post_get_id (post) == desk_post_get_id (added);
        has_moved |= desk_post_get_id (post) == moved_id;
      }
    g_assert_true (has_added);
    g_assert_false (has_moved);
  }
  wait_painted (GTK_WIDGET (f->window));
}

static gboolean
is_mapped_card (GtkWidget *widget,
                gpointer   data)
{
  return DESK_IS_POST_CARD (widget) && gtk_widget_get_mapped (widget);
}

/* Cards share laid-out texts, dropped past 2,000: preparing many posts
 * between frames drops the shown cards' texts, which are laid out again */
static void
test_card_text_cache (Fixture       *f,
                      gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  GtkWidget *card;
  guint before;
  g_autoptr(GDateTime) now = desk_time_now ();

  wait_painted (GTK_WIDGET (f->window));
  card = find_descendant (GTK_WIDGET (page), is_mapped_card, NULL);
  g_assert_nonnull (card);
  before = desk_calendar_page_count_cards (page);

  for (int round = 0; round < 3; round++)
    {
      for (int i = 0; i < 1500; i++)
        {
          g_autoptr(DeskPost) post = desk_post_new ();
          g_autofree char *title = g_strdup_printf ("Titre %d-%d", round, i);
          g_autoptr(GDateTime) at = g_date_time_add_minutes (now, i);

          desk_post_set_title (post, title);
          desk_post_set_scheduled_at (post, at);
          desk_post_card_prepare (DESK_POST_CARD (card), post, NULL);
        }
      desk_post_card_age_texts ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), round % 2 ? "calendar.previous" : "calendar.next", NULL));
      wait_painted (GTK_WIDGET (f->window));
    }
  /* Back to the first month: the same cards */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.previous", NULL));
  wait_painted (GTK_WIDGET (f->window));
  g_assert_cmpuint (desk_calendar_page_count_cards (page), ==, before);
}

static gboolean
is_shown_more_button (GtkWidget *widget,
                      gpointer   data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_has_css_class (widget, "more-button") &&
         gtk_widget_get_mapped (widget);
}

/* "+N more" opens the day's whole list, made when first opened */
static void
test_more_popover (Fixture       *f,
                   gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  GtkWidget *button;
  GtkPopover *popover;
  const char *text;
  guint more;

  wait_painted (GTK_WIDGET (f->window));
  button = find_descendant (GTK_WIDGET (page), is_shown_more_button, NULL);
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  text = gtk_inscription_get_text (GTK_INSCRIPTION (gtk_menu_button_get_child (GTK_MENU_BUTTON (button))));
  g_assert_nonnull (text);
  g_assert_cmpint (sscanf (text, "+%u", &more), ==, 1);

  for (int twice = 0; twice < 2; twice++)
    {
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
      g_assert_nonnull (popover);
      wait_mapped (GTK_WIDGET (popover));
      /* The three cards of the day and the N more */
      g_assert_cmpuint (count_type (GTK_WIDGET (popover), DESK_TYPE_POST_CARD), ==, more + 3);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      spin ();
    }
}

static void
test_three_views_screenshots (Fixture       *f,
                              gconstpointer  data)
{
  static const char * const views[] = { "month", "week", "agenda" };
  DeskCalendarPage *page = calendar_page (f);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("calendar-%s.png", views[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      desk_calendar_page_set_view (page, views[i]);
      wait_painted (GTK_WIDGET (f->window));
      assert_screenshot (GTK_WIDGET (f->window), path);
      g_test_message ("%s: %s", views[i], path);
    }
  desk_calendar_page_set_view (page, "month");
}

static void
test_day_keyboard (Fixture       *f,
                   gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  GtkWidget *cell = NULL;
  g_autoptr(GDateTime) selected = NULL;
  DeskPostDialog *dialog;

  /* The first focusable day cell (a box, not a card) */
  cell = find_descendant (GTK_WIDGET (page), is_day_cell, NULL);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_get_focusable (cell));
  g_assert_true (gtk_widget_grab_focus (cell));
  spin ();

  /* Focusing a day selects it: New Post goes there. */
  selected = desk_calendar_page_dup_selected_day (page);
  g_assert_true (desk_month_grid_get_selected (DESK_MONTH_GRID (gtk_widget_get_parent (cell))) == cell);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-post", NULL));
  dialog = find_toplevel (DESK_TYPE_POST_DIALOG);
  g_assert_nonnull (dialog);
  {
    GtkCalendar *calendar = template_child (dialog, DESK_TYPE_POST_DIALOG, "calendar");
    g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_day_of_month (date), ==, g_date_time_get_day_of_month (selected));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Whether @widget (or its class) has a shortcut @accelerator for @action */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *accelerator,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (named) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The first focus is in the grid, on the selected day; the page turns with
 * Page Up/Down and Alt+Left/Right from anywhere in the window */
static void
test_start_focus (Fixture       *f,
                  gconstpointer  data)
{
  DeskCalendarPage *page = calendar_page (f);
  GtkWidget *dropdown = template_child (f->window, DESK_TYPE_WINDOW, "brand_dropdown");
  GtkWidget *focus;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) second = NULL;
  g_autoptr(GDateTime) third = NULL;

  wait_painted (GTK_WIDGET (f->window));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (is_day_cell (focus, NULL));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page)));
  g_assert_true (desk_month_grid_get_selected (DESK_MONTH_GRID (gtk_widget_get_parent (focus))) == focus);

  /* Bound on the window, not only on the page */
  g_assert_true (has_shortcut (GTK_WIDGET (f->window), "Page_Up", "win.calendar-go"));
  g_assert_true (has_shortcut (GTK_WIDGET (f->window), "Page_Down", "win.calendar-go"));
  g_assert_true (has_shortcut (GTK_WIDGET (f->window), "<Alt>Left", "win.calendar-go"));
  g_assert_true (has_shortcut (GTK_WIDGET (f->window), "<Alt>Right", "win.calendar-go"));

  /* From the brand drop-down, the page turns */
  first = desk_calendar_page_dup_selected_day (page);
  g_assert_true (gtk_widget_grab_focus (dropdown));
  g_assert_true (gtk_widget_activate_action (dropdown, "win.calendar-go", "i", 1));
  second = desk_calendar_page_dup_selected_day (page);
  g_assert_cmpint ((g_date_time_get_month (second) - g_date_time_get_month (first) + 12) % 12, ==, 1);
  /* Alt+Left on a day (no card to move) turns it back */
  g_assert_true (gtk_widget_grab_focus (focus));
  g_assert_true (gtk_widget_activate_action (focus, "calendar.move-focused", "i", -1));
  third = desk_calendar_page_dup_selected_day (page);
  g_assert_cmpint (g_date_time_get_month (third), ==, g_date_time_get_month (first));
}

/* A post changed by another program (as community-desk-cli does) reaches
 * the calendar once the window polls the workspace. */
static void
test_external_change (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskCalendarPage *page = calendar_page (f);
  GListModel *model = desk_calendar_page_get_model (page);
  g_autoptr(DeskPost) post = g_list_model_get_item (model, 0);
  g_autoptr(DeskStore) other = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskPost) copy = NULL;
  guint n = g_list_model_get_n_items (model);

  g_assert_no_error (error);
  copy = desk_store_get_post (other, desk_post_get_id (post), &error);
  desk_post_set_title (copy, "Modifiée en ligne de commande");
  /* updated_at has a one-second resolution */
  g_usleep (1100000);
  g_assert_true (desk_store_save_post (other, copy, &error));
  {
    g_autoptr(DeskPost) created = desk_post_new ();
    desk_post_set_brand_id (created, first_brand (f->store));
    desk_post_set_title (created, "Créée en ligne de commande");
    desk_post_set_scheduled_at (created, desk_post_get_scheduled_at (post));
    g_assert_true (desk_store_save_post (other, created, &error));
  }

  for (int i = 0; i < 400 && g_strcmp0 (desk_post_get_title (post), "Modifiée en ligne de commande") != 0; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpstr (desk_post_get_title (post), ==, "Modifiée en ligne de commande");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n + 1);
}

static void
test_export_month (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "month.ics", NULL);
  g_autofree char *ics = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) from = desk_time_month_start (now);
  g_autoptr(GDateTime) to = g_date_time_add_months (from, 1);
  g_autoptr(GPtrArray) posts = desk_store_query_posts (f->store, first_brand (f->store), from, to, NULL);
  guint events = 0;

  g_assert_true (desk_calendar_page_export_month (calendar_page (f), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &ics, NULL, NULL));
  for (const char *p = ics; (p = strstr (p, "BEGIN:VEVENT\r\n")) != NULL; p++)
    events++;
  g_assert_cmpuint (events, ==, posts->len);
  g_assert_cmpuint (events, >, 0);
}

static void
test_welcome (Fixture       *f,
              gconstpointer  data)
{
  GtkStack *main_stack = template_child (f->window, DESK_TYPE_WINDOW, "main_stack");
  GtkButton *start = template_child (f->window, DESK_TYPE_WINDOW, "start_button");
  DeskBrandDialog *dialog;
  g_autoptr(GListModel) brands = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "welcome");
  /* No brand yet: there is nothing to post for. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-post", NULL);
  g_assert_null (find_toplevel (DESK_TYPE_POST_DIALOG));

  /* Start With My Brand: the brand dialog (tests/ui/test-brands.c) */
  g_signal_emit_by_name (start, "clicked");
  dialog = find_toplevel (DESK_TYPE_BRAND_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "name_row"), "Café Lumière");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "brand.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "brand.next", NULL);
  spin ();

  brands = desk_store_list_brands (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (brands), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "workspace");
  g_assert_cmpint (desk_window_get_brand_id (f->window), ==, first_brand (f->store));
}

static void
test_welcome_demo (Fixture       *f,
                   gconstpointer  data)
{
  GtkStack *main_stack = template_child (f->window, DESK_TYPE_WINDOW, "main_stack");
  GtkButton *demo = template_child (f->window, DESK_TYPE_WINDOW, "demo_button");
  gint64 count = 0;

  g_signal_emit_by_name (demo, "clicked");
  spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "workspace");
  g_assert_true (desk_store_count_rows (f->store, "posts", &count, NULL));
  g_assert_cmpint (count, ==, 120);
  g_assert_cmpuint (g_list_model_get_n_items (desk_calendar_page_get_model (calendar_page (f))), >, 0);
}

static void
test_error_page (void)
{
  g_autoptr(GError) error = g_error_new_literal (DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT, "Le fichier est endommagé.");
  DeskWindow *window = desk_window_new (app, NULL, "/nowhere/workspace.db", error);
  GtkStack *main_stack = template_child (window, DESK_TYPE_WINDOW, "main_stack");
  AdwStatusPage *page = template_child (window, DESK_TYPE_WINDOW, "error_page");

  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "error");
  g_assert_cmpstr (adw_status_page_get_description (page), ==, "Le fichier est endommagé.");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/ui/window/calendar", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_calendar_shows_store, fixture_tear_down);
  g_test_add ("/ui/window/views", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_other_views, fixture_tear_down);
  g_test_add ("/ui/window/new-post", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_new_post, fixture_tear_down);
  g_test_add ("/ui/window/refused-save", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_refused_save_keeps_dialog, fixture_tear_down);
  g_test_add ("/ui/window/edit-delete", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_edit_and_delete, fixture_tear_down);
  g_test_add ("/ui/calendar/drop-undo-copy", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_drop_undo_copy, fixture_tear_down);
  g_test_add ("/ui/calendar/drop-refused-past", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_drop_refused_and_past, fixture_tear_down);
  g_test_add ("/ui/calendar/drop-highlight", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_drop_highlight, fixture_tear_down);
  g_test_add ("/ui/calendar/prepared-months", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_prepared_months, fixture_tear_down);
  g_test_add ("/ui/calendar/months-ahead-follow-the-store", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_months_ahead_follow_the_store, fixture_tear_down);
  g_test_add ("/ui/calendar/months-ahead", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_months_ahead, fixture_tear_down);
  g_test_add ("/ui/calendar/go-to-date", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_go_to_date, fixture_tear_down);
  g_test_add ("/ui/calendar/card-text-cache", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_card_text_cache, fixture_tear_down);
  g_test_add ("/ui/calendar/more-popover", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_more_popover, fixture_tear_down);
  g_test_add ("/ui/calendar/keyboard-move", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_keyboard_move, fixture_tear_down);
  g_test_add ("/ui/calendar/ideas-tray", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_ideas_tray, fixture_tear_down);
  g_test_add ("/ui/calendar/agenda", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_agenda, fixture_tear_down);
  g_test_add ("/ui/calendar/filters", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/ui/calendar/cadence-warning", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_cadence_warning, fixture_tear_down);
  g_test_add ("/ui/calendar/one-post-fills-its-days", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_one_post_fills_its_days, fixture_tear_down);
  g_test_add ("/ui/calendar/campaign-bands", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_campaign_bands, fixture_tear_down);
  g_test_add ("/ui/calendar/csv", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_csv_import_export, fixture_tear_down);
  g_test_add ("/ui/calendar/week", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_week_view, fixture_tear_down);
  g_test_add ("/ui/calendar/queue", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_queue, fixture_tear_down);
  g_test_add ("/ui/preferences/channels", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_channel_preferences, fixture_tear_down);
  g_test_add ("/ui/calendar/screenshots", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_three_views_screenshots, fixture_tear_down);
  g_test_add ("/ui/calendar/start-focus", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_start_focus, fixture_tear_down);
  g_test_add ("/ui/calendar/day-keyboard", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_day_keyboard, fixture_tear_down);
  g_test_add ("/ui/calendar/external-change", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_external_change, fixture_tear_down);
  g_test_add ("/ui/calendar/export-month", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_export_month, fixture_tear_down);
  g_test_add ("/ui/window/welcome", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_welcome, fixture_tear_down);
  g_test_add ("/ui/window/welcome-demo", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_welcome_demo, fixture_tear_down);
  g_test_add_func ("/ui/window/error-page", test_error_page);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
