/* test-agenda-view.c: the agenda alone, under Xvfb
 *
 * A model of posts over two days of a month and one of the next: a
 * heading per day, a row per post in the model's order, a month and a
 * filter that drop the others, and no row while the view is hidden.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "desk-agenda-view.h"
#include "ui-helpers.h"

static void
append_post (GListStore *posts,
             const char *title,
             int         month,
             int         day,
             int         hour)
{
  g_autoptr(DeskPost) post = desk_post_new ();
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, month, day, hour, 0, 0);

  desk_post_set_title (post, title);
  desk_post_set_scheduled_at (post, at);
  g_list_store_append (posts, post);
}

/* The titles of the rows, with "|" before each heading's row */
static char *
read_rows (GtkListBox *list)
{
  GString *out = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      DeskPostCard *card = DESK_POST_CARD (gtk_list_box_row_get_child (row));

      if (gtk_list_box_row_get_header (row) != NULL)
        g_string_append_c (out, '|');
      g_string_append (out, desk_post_get_title (desk_post_card_get_post (card)));
    }
  return g_string_free (out, FALSE);
}

static gboolean
not_b_cb (gpointer item,
          gpointer user_data)
{
  return desk_post_get_title (item)[0] != 'B';
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_days_and_month (void)
{
  g_autoptr(GListStore) posts = g_list_store_new (DESK_TYPE_POST);
  g_autoptr(GDateTime) may = g_date_time_new_local (2026, 5, 20, 15, 0, 0);
  g_autoptr(GDateTime) june = g_date_time_new_local (2026, 6, 30, 0, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 5, 12, 0, 0, 0);
  g_autoptr(GtkFilter) filter = GTK_FILTER (gtk_custom_filter_new (not_b_cb, NULL, NULL));
  g_autofree char *expected = g_date_time_format (day, "%A %-d %B");
  GtkWidget *window = gtk_window_new ();
  DeskAgendaView *view = DESK_AGENDA_VIEW (desk_agenda_view_new ());
  GtkListBox *list = template_child (view, DESK_TYPE_AGENDA_VIEW, "list");
  guint month_notified = 0;

  /* In time order, as the page's model is */
  append_post (posts, "A1", 5, 12, 9);
  append_post (posts, "A2", 5, 12, 14);
  append_post (posts, "B1", 5, 13, 10);
  append_post (posts, "C1", 6, 2, 8);

  g_signal_connect (view, "notify::month", G_CALLBACK (count_notify_cb), &month_notified);
  desk_agenda_view_set_model (view, G_LIST_MODEL (posts));
  desk_agenda_view_set_month (view, may);
  desk_agenda_view_set_month (view, may);
  g_assert_cmpuint (month_notified, ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (desk_agenda_view_get_month (view)), ==, 1);

  /* No card before it is shown */
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (view));

  /* A heading per day, a row per post of the month */
  {
    g_autofree char *rows = read_rows (list);
    GtkWidget *header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, 0));

    g_assert_cmpstr (rows, ==, "|A1A2|B1");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, expected);
  }

  /* A row reads as its card */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

    g_assert_null (gtk_test_accessible_check_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                       gtk_list_box_row_get_child (row), NULL));
  }

  /* The filter drops B1, then lets it through again */
  desk_agenda_view_set_filter (view, filter);
  {
    g_autofree char *rows = read_rows (list);
    g_assert_cmpstr (rows, ==, "|A1A2");
  }
  desk_agenda_view_set_filter (view, NULL);
  {
    g_autofree char *rows = read_rows (list);
    g_assert_cmpstr (rows, ==, "|A1A2|B1");
  }

  /* Another month, and the posts that come in it */
  desk_agenda_view_set_month (view, june);
  g_assert_cmpuint (month_notified, ==, 2);
  append_post (posts, "C2", 6, 2, 18);
  {
    g_autofree char *rows = read_rows (list);
    g_assert_cmpstr (rows, ==, "|C1C2");
  }

  /* Hidden, it holds no card; shown again, it makes them again */
  gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  {
    g_autofree char *rows = read_rows (list);
    g_assert_cmpstr (rows, ==, "|C1C2");
  }

  /* The focus goes to the first row (last: GTK 4.8 keeps a reference to
   * a widget hidden with the focus inside, and the view would not be
   * finalized) */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *first = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));

    g_assert_true (focus == first || gtk_widget_is_ancestor (focus, first));
  }

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (view);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/agenda-view/days-and-month", test_days_and_month);

  return g_test_run ();
}
