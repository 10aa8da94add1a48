/* bench.c: the foundation's speed targets, measured by hand
 *
 *   meson compile -C _build && xvfb-run -a _build/tests/bench/bench
 *
 * Builds a workspace of 10,000 posts and 100,000 notifications and prints a
 * table: opening the store, querying one month of posts, inserting 10,000
 * posts, and the app's own time to first frame on that workspace (when a
 * display is available); then the KPIs, the charts, the dashboard and the
 * client report on two years of 6 channels' metrics. Not run by the test
 * command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "desk-chart.h"
#include "desk-demo.h"
#include "desk-kpi.h"
#include "desk-report.h"
#include "desk-inbox-model-private.h"
#include "desk-store.h"
#include "desk-checks.h"
#include "desk-time.h"
#include "bench-kpi-workspace.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
row (const char *what,
     double      value,
     const char *unit,
     const char *target,
     gboolean    met)
{
  printf ("| %-44s | %10.3f %-3s | %-10s | %-4s |\n", what, value, unit, target, met ? "ok" : "MISS");
}

static gint64
first_brand (DeskStore *store)
{
  g_autoptr(GListModel) brands = desk_store_list_brands (store, NULL);
  g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, 0);

  return desk_brand_get_id (brand);
}

/* Charts, KPIs and the report: the targets of issue 15 */
static void
bench_kpis (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "kpi.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  gint64 brand_id;
  DeskReportPeriod year = { "2026-01-01", "2026-12-31", NULL, NULL };
  double runs[50], t0, kpi_ms, line_ms, build_ms, dash_ms, pdf_ms;
  guint n_pages = 0, n_charts = 0;

  if (store == NULL)
    g_error ("%s", error->message);
  brand_id = bench_build_kpi_workspace (store);

  /* KPI aggregation over the two years, and the comparison's */
  for (guint i = 0; i < 20; i++)
    {
      DeskKpiSet k;

      t0 = now_ms ();
      if (!desk_kpi_query (store, brand_id, 0, "2025-01-01", "2026-12-31", &k, &error))
        g_error ("%s", error->message);
      runs[i] = now_ms () - t0;
    }
  kpi_ms = median (runs, 20);

  /* A 365-point line chart, 800 × 400 */
  {
    g_autoptr(DeskChart) chart = desk_chart_new (DESK_CHART_LINE, "Followers");
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 400);
    g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);

    desk_chart_add_series (chart, "Mastodon");
    for (guint d = 0; d < 365; d++)
      {
        g_autoptr(GDateTime) day = g_date_time_add_days (first, (int) d);
        g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");
        desk_chart_add_point (chart, 0, text, 1000 + 300 * sin (d / 20.0) + d);
      }
    for (guint i = 0; i < 50; i++)
      {
        cairo_t *cr = cairo_create (surface);

        t0 = now_ms ();
        desk_chart_render (chart, cr, 800, 400);
        cairo_surface_flush (surface);
        runs[i] = now_ms () - t0;
        cairo_destroy (cr);
      }
    line_ms = median (runs, 50);
    cairo_surface_destroy (surface);
  }

  /* The whole dashboard of a year: built from the store, then drawn */
  {
    g_autoptr(GPtrArray) charts = NULL;
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 900);

    for (guint i = 0; i < 10; i++)
      {
        g_clear_pointer (&charts, g_ptr_array_unref);
        t0 = now_ms ();
        charts = desk_report_build_dashboard (store, brand_id, &year, FALSE, &error);
        runs[i] = now_ms () - t0;
        if (charts == NULL)
          g_error ("%s", error->message);
      }
    build_ms = median (runs, 10);
    n_charts = charts->len;
    for (guint i = 0; i < 20; i++)
      {
        cairo_t *cr = cairo_create (surface);

        t0 = now_ms ();
        for (guint c = 0; c < charts->len; c++)
          {
            DeskChart *chart = g_ptr_array_index (charts, c);
            gboolean spark = desk_chart_get_kind (chart) == DESK_CHART_SPARKLINE;

            cairo_save (cr);
            cairo_translate (cr, (c % 2) * 600, (c / 2 % 3) * 300);
            desk_chart_render (chart, cr, spark ? 160 : 580, spark ? 40 : 290);
            cairo_restore (cr);
          }
        cairo_surface_flush (surface);
        runs[i] = now_ms () - t0;
        cairo_destroy (cr);
      }
    dash_ms = median (runs, 20);
    cairo_surface_destroy (surface);
  }

  /* A 12-page report: 6 channels */
  for (guint i = 0; i < 5; i++)
    {
      t0 = now_ms ();
      if (!desk_report_export_pdf (store, brand_id, &year, pdf, &n_pages, &error))
        g_error ("%s", error->message);
      runs[i] = now_ms () - t0;
    }
  pdf_ms = median (runs, 5);

  row ("KPIs: 2 years x 6 channels (SQL sums)", kpi_ms, "ms", "<= 20 ms", kpi_ms <= 20);
  row ("chart: 365-point line, 800x400", line_ms, "ms", "<= 2 ms", line_ms <= 2);
  {
    g_autofree char *what = g_strdup_printf ("dashboard: draw its %u charts", n_charts);
    row (what, dash_ms, "ms", "<= 16 ms", dash_ms <= 16);
  }
  row ("dashboard: its queries (a year, 6 channels)", build_ms, "ms", "-", TRUE);
  {
    g_autofree char *what = g_strdup_printf ("client report: %u-page PDF", n_pages);
    row (what, pdf_ms, "ms", "<= 500 ms", pdf_ms <= 500);
  }

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (pdf);
    g_remove (wal);
    g_remove (shm);
    g_remove (path);
  }
}

/* Runs the app on @db until its screenshot is taken and returns the
 * "first-frame: N ms" it printed, or -1. */
static double
first_frame (const char *app,
             const char *db,
             const char *png)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *err = NULL;
  const char *line;

  g_subprocess_launcher_setenv (launcher, "COMMUNITY_DESK_TIMING", "1", TRUE);
  process = g_subprocess_launcher_spawn (launcher, NULL, app, "--database", db, "--screenshot", png, NULL);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, NULL))
    return -1;
  line = err ? strstr (err, "first-frame: ") : NULL;
  return line ? g_ascii_strtod (line + strlen ("first-frame: "), NULL) : -1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("desk-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *png = g_build_filename (dir, "frame.png", NULL);
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();
  const char *app = argc > 1 ? argv[1] : APP_BINARY;
  DeskDemoSize size = { .n_posts = 10000, .span_days = 365, .n_ideas = 100,
                        .n_notifications = 100000, .n_metric_days = 90 };
  double samples[48];
  double t0, build_s, open_ms, month_ms, insert_ms, one_ms, findings_ms;
  double inbox_open_ms, inbox_filter_ms, search_ms, search_max_ms = 0, scroll_ms;
  guint inbox_items = 0, scroll_items = 0, scroll_queries = 0;
  DeskInboxModel *inbox = NULL;
  gint64 brand_id;
  guint n_month = 0;

  printf ("Building a workspace of %u posts and %u notifications in %s…\n",
          size.n_posts + size.n_ideas, size.n_notifications, path);
  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  t0 = now_ms ();
  if (store == NULL || !desk_demo_populate (store, &size, DESK_DEMO_SEED, now, &error))
    {
      fprintf (stderr, "bench: %s\n", error->message);
      return 1;
    }
  build_s = (now_ms () - t0) / 1000.0;
  brand_id = first_brand (store);
  g_clear_object (&store);

  /* Open (includes the schema checks) */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(DeskStore) s = NULL;
      t0 = now_ms ();
      s = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
      samples[i] = now_ms () - t0;
      g_assert_no_error (error);
    }
  open_ms = median (samples, 10);

  /* One month of posts, 24 different months, fresh objects each time */
  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  for (int m = 0; m < 24; m++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (now, m - 12);
      g_autoptr(GDateTime) from = desk_time_month_start (month);
      g_autoptr(GDateTime) to = g_date_time_add_months (from, 1);
      g_autoptr(GPtrArray) posts = NULL;

      t0 = now_ms ();
      posts = desk_store_query_posts (store, brand_id, from, to, &error);
      samples[m] = now_ms () - t0;
      g_assert_no_error (error);
      n_month += posts->len;
    }
  month_ms = median (samples, 24);

  /* Insert 10,000 posts in one transaction */
  {
    g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < 10000; i++)
      {
        DeskPost *post = desk_post_new ();
        g_autoptr(GDateTime) at = g_date_time_add_minutes (now, i * 37);

        desk_post_set_brand_id (post, brand_id);
        desk_post_set_title (post, "Bench");
        desk_post_set_body (post, "Un texte de publication de longueur ordinaire, avec un lien https://example.org et #UnHashtag.");
        desk_post_set_scheduled_at (post, at);
        desk_post_set_status (post, DESK_POST_STATUS_SCHEDULED);
        g_ptr_array_add (posts, post);
      }
    t0 = now_ms ();
    if (!desk_store_save_posts (store, posts, &error))
      g_error ("%s", error->message);
    insert_ms = now_ms () - t0;
  }

  /* Saving one post, as the dialog does: its own durable transaction */
  for (guint i = 0; i < 48; i++)
    {
      g_autoptr(DeskPost) post = desk_post_new ();

      desk_post_set_brand_id (post, brand_id);
      desk_post_set_title (post, "One");
      t0 = now_ms ();
      if (!desk_store_save_post (store, post, &error))
        g_error ("%s", error->message);
      samples[i] = now_ms () - t0;
    }
  one_ms = median (samples, 48);
  g_clear_object (&store);

  /* The editor's findings for a long post: 3,000 characters, 4 images,
   * four networks and the brand's charter */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(GPtrArray) alts = g_ptr_array_new ();
    g_autoptr(GArray) networks = g_array_new (FALSE, FALSE, sizeof (DeskNetwork));
    g_autoptr(DeskCharter) charter = desk_charter_parse ("[Charter]\nForbidden=pas cher;low cost\nRequired=#Fournil\n"
                                                         "Spellings=e-mail=courriel\n", 0, NULL);
    DeskNetwork all[] = { DESK_NETWORK_MASTODON, DESK_NETWORK_BLUESKY, DESK_NETWORK_INSTAGRAM, DESK_NETWORK_X };
    DeskCheckInput input = { 0 };
    double runs[30];

    while (text->len < 3000)
      g_string_append (text, "Notre #painaulevain sort du four à 7 h 🥖 ! Écrivez par e-mail ou https://fournil.fr/noel. ");
    g_ptr_array_add (alts, (gpointer) "Deux baguettes sur un comptoir en bois");
    g_ptr_array_add (alts, (gpointer) "IMG_0042.jpg");
    g_ptr_array_add (alts, (gpointer) "Photo de la boutique");
    g_ptr_array_add (alts, (gpointer) "");
    g_array_append_vals (networks, all, G_N_ELEMENTS (all));
    input.text = text->str;
    input.alts = alts;
    input.networks = networks;
    input.language = "fr";
    input.charter = charter;
    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        g_autoptr(GPtrArray) findings = NULL;

        t0 = now_ms ();
        findings = desk_checks_run (&input);
        runs[i] = now_ms () - t0;
      }
    findings_ms = median (runs, G_N_ELEMENTS (runs));
  }

  /* The inbox of 100,000 notifications: the model the page shows */
  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  {
    const char *word = "patissier";
    double keys[16];
    guint n_keys = 0;

    for (guint i = 0; i < 10; i++)
      {
        g_autoptr(DeskInboxModel) model = desk_inbox_model_new (store);
        g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();

        filter->brand_id = brand_id;
        t0 = now_ms ();
        if (!desk_inbox_model_set_filter (model, filter, &error))
          g_error ("%s", error->message);
        for (guint j = 0; j < 30 && j < g_list_model_get_n_items (G_LIST_MODEL (model)); j++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), j));
        samples[i] = now_ms () - t0;
        inbox_items = g_list_model_get_n_items (G_LIST_MODEL (model));
      }
    inbox_open_ms = median (samples, 10);

    inbox = desk_inbox_model_new (store);
    for (guint i = 0; i < 10; i++)
      {
        g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();

        filter->brand_id = brand_id;
        filter->view = i % 2 ? DESK_INBOX_VIEW_UNREAD : DESK_INBOX_VIEW_NEEDS_REPLY;
        filter->starred_only = i % 4 == 3;
        t0 = now_ms ();
        if (!desk_inbox_model_set_filter (inbox, filter, &error))
          g_error ("%s", error->message);
        for (guint j = 0; j < 30 && j < g_list_model_get_n_items (G_LIST_MODEL (inbox)); j++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (inbox), j));
        samples[i] = now_ms () - t0;
      }
    inbox_filter_ms = median (samples, 10);

    /* Typing a word, one keystroke at a time, each with its first page */
    {
      g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();

      filter->brand_id = brand_id;
      if (!desk_inbox_model_set_filter (inbox, filter, &error))
        g_error ("%s", error->message);
    }
    for (guint len = 1; len <= strlen (word); len++)
      {
        g_autofree char *typed = g_strndup (word, len);

        t0 = now_ms ();
        if (!desk_inbox_model_set_search (inbox, typed, &error))
          g_error ("%s", error->message);
        for (guint j = 0; j < 30 && j < g_list_model_get_n_items (G_LIST_MODEL (inbox)); j++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (inbox), j));
        keys[n_keys++] = now_ms () - t0;
      }
    for (guint k = 0; k < n_keys; k++)
      search_max_ms = MAX (search_max_ms, keys[k]);
    search_ms = median (keys, n_keys);

    /* Scrolling the whole "all" view */
    {
      g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
      guint before;

      filter->brand_id = brand_id;
      filter->view = DESK_INBOX_VIEW_ALL;
      if (!desk_inbox_model_set_filter (inbox, filter, &error))
        g_error ("%s", error->message);
      before = _desk_inbox_model_get_n_queries (inbox);
      t0 = now_ms ();
      scroll_items = g_list_model_get_n_items (G_LIST_MODEL (inbox));
      for (guint j = 0; j < scroll_items; j++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (inbox), j));
      scroll_ms = now_ms () - t0;
      scroll_queries = _desk_inbox_model_get_n_queries (inbox) - before;
    }
    g_clear_object (&inbox);
  }
  g_clear_object (&store);

  printf ("\nWorkspace built in %.1f s; a month holds %u posts on average.\n\n", build_s, n_month / 24);
  printf ("| %-44s | %14s | %-10s | %-4s |\n", "measure (median)", "value", "target", "");
  printf ("|----------------------------------------------|----------------|------------|------|\n");
  row ("open the store", open_ms, "ms", "-", TRUE);
  row ("query one month of posts", month_ms, "ms", "<= 1 ms", month_ms <= 1.0);
  row ("insert 10,000 posts (one transaction)", insert_ms, "ms", "-", TRUE);
  row ("save one post (one transaction, fsync)", one_ms, "ms", "-", TRUE);
  row ("findings: 3,000 chars, 4 images, 4 networks", findings_ms, "ms", "<= 50 ms", findings_ms <= 50);
  row ("inbox: open, attention view, first page", inbox_open_ms, "ms", "<= 100 ms", inbox_open_ms <= 100);
  row ("inbox: change a filter, first page", inbox_filter_ms, "ms", "<= 50 ms", inbox_filter_ms <= 50);
  row ("inbox: search keystroke (median)", search_ms, "ms", "<= 30 ms", search_ms <= 30);
  row ("inbox: search keystroke (slowest, 1 letter)", search_max_ms, "ms", "<= 30 ms", search_max_ms <= 30);
  row ("inbox: scroll the whole \"all\" view", scroll_ms, "ms", "-", TRUE);
  printf ("| %-44s | %10u %-3s | %-10s | %-4s |\n", "inbox: scroll, queries (rows / 100)", scroll_queries, "", "O(n/page)",
          scroll_queries <= scroll_items / DESK_INBOX_MODEL_PAGE_SIZE + 1 ? "ok" : "MISS");
  printf ("(attention view: %u entries of 100,000 notifications, likes grouped)\n", inbox_items);

  bench_kpis (dir);

  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    {
      double frames[5];
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
        {
          double ms = first_frame (app, path, png);
          if (ms >= 0)
            frames[n++] = ms;
        }
      if (n > 0)
        {
          double ms = median (frames, n);
          row ("app: exec to first frame (10k/100k)", ms, "ms", "<= 400 ms", ms <= 400);
        }
      else
        printf ("| %-44s | %14s | %-10s | %-4s |\n", "app: exec to first frame", "failed", "<= 400 ms", "MISS");
    }
  else
    printf ("| %-44s | %14s | %-10s | %-4s |\n", "app: exec to first frame", "no display", "<= 400 ms", "");

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (png);
    g_remove (wal);
    g_remove (shm);
    g_remove (path);
    g_rmdir (dir);
  }
  return 0;
}
