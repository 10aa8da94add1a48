/* bench-ui.c: the calendar's month switch, measured by hand
 *
 *   xvfb-run -a _build/tests/bench/bench-ui
 *
 * On a 10,000-post workspace: the time to rebuild the range model for a
 * new month, and from the "next month" action to the end of the first frame
 * that shows it (GdkFrameClock after-paint). Not run by the test command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "desk-application.h"
#include "desk-calendar-page.h"
#include "desk-demo.h"
#include "desk-post-list.h"
#include "desk-time.h"
#include "desk-window.h"

static gint64 painted_at;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted_at = g_get_monotonic_time ();
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("desk-bench-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GDateTime) now = desk_time_now ();
  DeskDemoSize size = { .n_posts = 10000, .span_days = 365, .n_ideas = 100,
                        .n_notifications = 100000, .n_metric_days = 90 };
  DeskApplication *app;
  DeskStore *store;
  DeskWindow *window;
  GtkWidget *page;
  GListModel *model;
  GdkFrameClock *clock;
  double model_ms[24], frame_ms[24];

  gtk_init ();
  adw_init ();
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);

  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !desk_demo_populate (store, &size, DESK_DEMO_SEED, now, &error))
    g_error ("%s", error->message);

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = desk_window_new (app, store, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);

  page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), DESK_TYPE_WINDOW, "view_stack")), "calendar");
  model = desk_calendar_page_get_model (DESK_CALENDAR_PAGE (page));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  for (int i = 0; i < 24; i++)
    {
      DeskPostList *list = DESK_POST_LIST (model);
      g_autoptr(GDateTime) from = g_date_time_ref (desk_post_list_get_from (list));
      g_autoptr(GDateTime) to = g_date_time_ref (desk_post_list_get_to (list));
      gint64 t0;

      /* The model alone, on the range already shown */
      t0 = g_get_monotonic_time ();
      desk_post_list_set_range (list, desk_window_get_brand_id (window), from, to, NULL);
      model_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;

      /* The whole switch, to the frame that shows it */
      painted_at = 0;
      t0 = g_get_monotonic_time ();
      gtk_widget_activate_action (page, i < 12 ? "calendar.next" : "calendar.previous", NULL);
      while (painted_at == 0)
        g_main_context_iteration (NULL, TRUE);
      frame_ms[i] = (painted_at - t0) / 1000.0;
    }

  qsort (model_ms, 24, sizeof (double), compare_double);
  qsort (frame_ms, 24, sizeof (double), compare_double);
  printf ("| %-44s | %10s | %-10s | %-4s |\n", "month switch on 10,000 posts (median of 24)", "value", "target", "");
  printf ("|----------------------------------------------|------------|------------|------|\n");
  printf ("| %-44s | %7.2f ms | %-10s | %-4s |\n", "rebuild the range model (6 weeks)", model_ms[12], "<= 4 ms", model_ms[12] <= 4 ? "ok" : "MISS");
  printf ("| %-44s | %7.2f ms | %-10s | %-4s |\n", "action to first frame of the new month", frame_ms[12], "<= 16 ms", frame_ms[12] <= 16 ? "ok" : "MISS");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
  return 0;
}
