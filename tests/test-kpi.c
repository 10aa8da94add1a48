/* test-kpi.c: the KPI rules on hand-computed examples, metric imports,
 * chart axes and pixels, the dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "core-helpers.h"
#include "desk-chart.h"
#include "desk-kpi.h"
#include "desk-metric-import.h"
#include "desk-post.h"
#include "desk-report.h"
#include "desk-store.h"
#include "desk-store-private.h"

typedef struct
{
  Fixture    base;
  DeskStore *store;
  gint64     brand_id;
  gint64     a;   /* tracked since February */
  gint64     c;   /* added on 6 March */
} KpiFixture;

static gint64
add_channel (DeskStore   *store,
             gint64       brand_id,
             DeskNetwork  network,
             const char  *handle)
{
  g_autoptr(DeskChannel) channel = g_object_new (DESK_TYPE_CHANNEL, "brand-id", brand_id, "network", network,
                                                 "handle", handle, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_store_save_channel (store, channel, &error));
  g_assert_no_error (error);
  return desk_channel_get_id (channel);
}

static void
add (GPtrArray  *samples,
     gint64      channel_id,
     const char *day,
     const char *metric,
     double      value)
{
  DeskMetricSample *s = g_new0 (DeskMetricSample, 1);

  s->channel_id = channel_id;
  s->day = g_strdup (day);
  s->metric = g_strdup (metric);
  s->value = value;
  g_ptr_array_add (samples, s);
}

static void
kpi_set_up (KpiFixture    *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Fournil", NULL);
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_sample_free);

  fixture_set_up (&f->base, data);
  f->store = desk_store_open (f->base.path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (desk_store_save_brand (f->store, brand, &error));
  f->brand_id = desk_brand_get_id (brand);
  f->a = add_channel (f->store, f->brand_id, DESK_NETWORK_MASTODON, "@a");
  f->c = add_channel (f->store, f->brand_id, DESK_NETWORK_BLUESKY, "@c");

  /* Channel A: a level before the period, missing days inside it */
  add (samples, f->a, "2026-02-27", "followers", 100);
  add (samples, f->a, "2026-03-01", "followers", 105);
  add (samples, f->a, "2026-03-05", "followers", 110);
  add (samples, f->a, "2026-03-11", "followers", 200);   /* after */
  add (samples, f->a, "2026-02-28", "impressions", 9999); /* before */
  add (samples, f->a, "2026-03-01", "impressions", 1000);
  add (samples, f->a, "2026-03-02", "impressions", 500);
  add (samples, f->a, "2026-03-10", "impressions", 500);
  add (samples, f->a, "2026-03-01", "engagements", 50);
  add (samples, f->a, "2026-03-10", "engagements", 30);
  add (samples, f->a, "2026-03-01", "reach", 400);
  add (samples, f->a, "2026-03-02", "reach", 0);
  add (samples, f->a, "2026-03-02", "clicks", 20);
  add (samples, f->a, "2026-03-01", "spend", 10.5);
  add (samples, f->a, "2026-03-03", "revenue", 31.5);
  /* Channel C: added mid-period, no level before it */
  add (samples, f->c, "2026-03-06", "followers", 40);
  add (samples, f->c, "2026-03-09", "followers", 46);
  add (samples, f->c, "2026-03-06", "impressions", 0);
  g_assert_true (desk_store_add_metric_samples (f->store, samples, &error));
  g_assert_no_error (error);
}

static void
kpi_tear_down (KpiFixture    *f,
               gconstpointer  data)
{
  g_clear_object (&f->store);
  fixture_tear_down (&f->base, data);
}

#define assert_value(set, id, expected) \
  G_STMT_START { \
    g_assert_true ((set).values[id].defined); \
    g_assert_cmpfloat_with_epsilon ((set).values[id].value, (expected), 1e-9); \
  } G_STMT_END

#define assert_none(set, id, why) \
  G_STMT_START { \
    g_assert_false ((set).values[id].defined); \
    g_assert_cmpint ((set).values[id].reason, ==, (why)); \
    g_assert_cmpfloat ((set).values[id].value, ==, 0); \
  } G_STMT_END

static void
test_period (KpiFixture    *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskKpiSet k;

  g_assert_true (desk_kpi_query (f->store, f->brand_id, 0, "2026-03-01", "2026-03-10", &k, &error));
  g_assert_no_error (error);
  /* Each channel's last level: 110 (5 March, days missing after) + 46 */
  assert_value (k, DESK_KPI_FOLLOWERS, 156);
  /* A: 110 − 100 (its level before); C, added mid-period: 46 − 40 */
  assert_value (k, DESK_KPI_FOLLOWERS_GROWTH, 16);
  assert_value (k, DESK_KPI_IMPRESSIONS, 2000);
  assert_value (k, DESK_KPI_ENGAGEMENTS, 80);
  assert_value (k, DESK_KPI_REACH, 400);
  assert_value (k, DESK_KPI_CLICKS, 20);
  assert_value (k, DESK_KPI_ENGAGEMENT_RATE, 80.0 / 400);
  assert_value (k, DESK_KPI_ENGAGEMENT_RATE_FOLLOWERS, 80.0 / 156);
  assert_value (k, DESK_KPI_CTR, 20.0 / 2000);
  assert_value (k, DESK_KPI_SPEND, 10.5);
  assert_value (k, DESK_KPI_REVENUE, 31.5);
  assert_value (k, DESK_KPI_ROI, 2.0);
  assert_none (k, DESK_KPI_CONVERSIONS, DESK_KPI_REASON_NO_DATA);
  assert_value (k, DESK_KPI_POSTS_PUBLISHED, 0);
  assert_value (k, DESK_KPI_POSTS_PLANNED, 0);
  /* Nothing answered from the inbox yet */
  assert_none (k, DESK_KPI_FIRST_RESPONSE, DESK_KPI_REASON_NO_DATA);

  /* One channel: the channel added mid-period has no level before it */
  g_assert_true (desk_kpi_query (f->store, f->brand_id, f->c, "2026-03-01", "2026-03-10", &k, &error));
  assert_value (k, DESK_KPI_FOLLOWERS, 46);
  assert_none (k, DESK_KPI_FOLLOWERS_GROWTH, DESK_KPI_REASON_NO_BASELINE);
  assert_value (k, DESK_KPI_IMPRESSIONS, 0);
  assert_none (k, DESK_KPI_CTR, DESK_KPI_REASON_NO_DATA);

  /* A day with reach 0 and no engagement: no rate */
  g_assert_true (desk_kpi_query (f->store, f->brand_id, f->a, "2026-03-02", "2026-03-02", &k, &error));
  assert_value (k, DESK_KPI_REACH, 0);
  assert_none (k, DESK_KPI_ENGAGEMENT_RATE, DESK_KPI_REASON_NO_DATA);
  assert_value (k, DESK_KPI_CTR, 20.0 / 500);
}

/* A conversation that came at @at, answered @after seconds later (and
 * again @again seconds later, unless 0; never when @after is 0) */
static void
add_conversation (KpiFixture *f,
                  const char *id,
                  const char *at,
                  gint64      after,
                  gint64      again)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (at, utc);
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  g_autoptr(GPtrArray) stored = NULL;
  gint64 notification_id = 0;

  g_ptr_array_add (items, g_object_new (DESK_TYPE_NOTIFICATION, "channel-id", f->a, "remote-id", id,
                                        "kind", DESK_NOTIFICATION_KIND_MENTION, "author", "Zoé",
                                        "text", "Vous livrez le dimanche ?", "created-at", when, NULL));
  g_assert_true (desk_store_add_notifications_full (f->store, items, NULL, &error));
  g_assert_no_error (error);
  filter->brand_id = f->brand_id;
  filter->view = DESK_INBOX_VIEW_ALL;
  stored = desk_store_query_inbox (f->store, filter, 0, 100, &error);
  for (guint i = 0; i < stored->len; i++)
    if (g_str_equal (desk_notification_get_remote_id (g_ptr_array_index (stored, i)), id))
      notification_id = desk_notification_get_id (g_ptr_array_index (stored, i));
  g_assert_cmpint (notification_id, !=, 0);
  g_assert_true (_desk_store_exec_sql (f->store, "UPDATE notifications SET status_id = remote_id", &error));
  for (guint k = 0; k < 2 && after > 0; k++)
    {
      gint64 item_id = 0;
      g_autofree char *sql = NULL;

      if (k == 1 && again == 0)
        break;
      g_assert_true (desk_store_queue_reply (f->store, notification_id, "Oui, de 8 h à 12 h !", &item_id, &error));
      g_assert_no_error (error);
      sql = g_strdup_printf ("UPDATE outbox SET created_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                             g_date_time_to_unix (when) + (k == 0 ? after : again), item_id);
      g_assert_true (_desk_store_exec_sql (f->store, sql, &error));
    }
}

/* The median first response: from a conversation's arrival to the first
 * reply sent from the inbox, over the conversations of the period */
static void
test_first_response (KpiFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskKpiSet k;

  add_conversation (f, "before", "2026-02-20T10:00:00Z", 60, 0);           /* not in the period */
  add_conversation (f, "quick", "2026-03-02T10:00:00Z", 1800, 0);          /* 30 min */
  add_conversation (f, "twice", "2026-03-03T10:00:00Z", 7200, 18000);      /* 2 h, the first counts */
  add_conversation (f, "unanswered", "2026-03-04T10:00:00Z", 0, 0);
  g_assert_true (desk_kpi_query (f->store, f->brand_id, 0, "2026-03-01", "2026-03-10", &k, &error));
  g_assert_no_error (error);
  assert_value (k, DESK_KPI_FIRST_RESPONSE, (1800.0 + 7200.0) / 2);
  /* Another channel: nothing answered there */
  g_assert_true (desk_kpi_query (f->store, f->brand_id, f->c, "2026-03-01", "2026-03-10", &k, &error));
  assert_none (k, DESK_KPI_FIRST_RESPONSE, DESK_KPI_REASON_NO_DATA);
}

static void
test_empty_and_comparison (KpiFixture    *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL, *to = NULL;
  g_autofree char *change = NULL;
  DeskKpiSet k, previous;

  /* An empty period: nothing but the post counts has a value */
  g_assert_true (desk_kpi_query (f->store, f->brand_id, 0, "2025-01-01", "2025-01-31", &k, &error));
  for (guint id = 0; id < DESK_KPI_N; id++)
    if (id != DESK_KPI_POSTS_PUBLISHED && id != DESK_KPI_POSTS_PLANNED)
      g_assert_false (k.values[id].defined);
  assert_none (k, DESK_KPI_FOLLOWERS, DESK_KPI_REASON_NO_DATA);
  assert_none (k, DESK_KPI_ENGAGEMENT_RATE, DESK_KPI_REASON_NO_DATA);
  assert_none (k, DESK_KPI_ROI, DESK_KPI_REASON_NO_DATA);
  {
    g_autofree char *dash = desk_kpi_format (DESK_KPI_FOLLOWERS, &k.values[DESK_KPI_FOLLOWERS]);
    g_assert_cmpstr (dash, ==, "—");
  }

  /* The comparison period: the ten days before 1 March */
  g_assert_true (desk_kpi_previous_period ("2026-03-01", "2026-03-10", &from, &to));
  g_assert_cmpstr (from, ==, "2026-02-19");
  g_assert_cmpstr (to, ==, "2026-02-28");
  g_assert_true (desk_kpi_query (f->store, f->brand_id, 0, from, to, &previous, &error));
  assert_value (previous, DESK_KPI_FOLLOWERS, 100);
  assert_none (previous, DESK_KPI_FOLLOWERS_GROWTH, DESK_KPI_REASON_NO_BASELINE);
  assert_value (previous, DESK_KPI_IMPRESSIONS, 9999);
  g_assert_true (desk_kpi_query (f->store, f->brand_id, 0, "2026-03-01", "2026-03-10", &k, &error));
  change = desk_kpi_format_change (&k.values[DESK_KPI_FOLLOWERS], &previous.values[DESK_KPI_FOLLOWERS]);
  g_assert_cmpstr (change, ==, "+56.0 %");
  {
    double d;
    g_assert_false (desk_kpi_change (&k.values[DESK_KPI_REACH], &previous.values[DESK_KPI_REACH], &d));
  }

  /* A leap year's February, and bad days */
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);
  g_assert_true (desk_kpi_previous_period ("2024-03-01", "2024-03-31", &from, &to));
  g_assert_cmpstr (from, ==, "2024-01-30");
  g_assert_cmpstr (to, ==, "2024-02-29");
  g_assert_false (desk_kpi_previous_period ("2024-03-31", "2024-03-01", &from, &to));
  g_assert_false (desk_kpi_query (f->store, f->brand_id, 0, "2026-02-30", "2026-03-10", &k, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
}

static void
test_zero_denominators (void)
{
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_summary_free);
  g_autoptr(GArray) seconds = g_array_new (FALSE, FALSE, sizeof (double));
  DeskKpiInput input = { summaries, 3, 4, seconds };
  const struct { const char *metric; double total; } rows[] = {
    { "reach", 0 }, { "engagements", 5 }, { "impressions", 0 }, { "clicks", 0 }, { "spend", 0 }, { "revenue", 10 },
  };
  double s[] = { 600, 60, 120 };
  DeskKpiSet k;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      DeskMetricSummary *m = g_new0 (DeskMetricSummary, 1);

      m->metric = g_strdup (rows[i].metric);
      m->total = rows[i].total;
      m->n_days = 1;
      g_ptr_array_add (summaries, m);
    }
  desk_kpi_compute (&input, &k);
  assert_none (k, DESK_KPI_ENGAGEMENT_RATE, DESK_KPI_REASON_ZERO_DENOMINATOR);
  assert_none (k, DESK_KPI_CTR, DESK_KPI_REASON_ZERO_DENOMINATOR);
  assert_none (k, DESK_KPI_ROI, DESK_KPI_REASON_ZERO_DENOMINATOR);
  assert_none (k, DESK_KPI_ENGAGEMENT_RATE_FOLLOWERS, DESK_KPI_REASON_NO_DATA);
  assert_none (k, DESK_KPI_FIRST_RESPONSE, DESK_KPI_REASON_NO_DATA);
  assert_value (k, DESK_KPI_POSTS_PUBLISHED, 3);
  assert_value (k, DESK_KPI_POSTS_PLANNED, 4);
  for (guint id = 0; id < DESK_KPI_N; id++)
    g_assert_true (isfinite (k.values[id].value));

  /* The median of 600, 60 and 120 seconds */
  g_array_append_vals (seconds, s, G_N_ELEMENTS (s));
  desk_kpi_compute (&input, &k);
  assert_value (k, DESK_KPI_FIRST_RESPONSE, 120);
}

static void
test_names (void)
{
  DeskKpiId id;

  g_assert_true (desk_kpi_id_from_name ("engagement_rate", &id));
  g_assert_cmpint (id, ==, DESK_KPI_ENGAGEMENT_RATE);
  g_assert_false (desk_kpi_id_from_name ("likes", &id));
  g_assert_cmpstr (desk_kpi_get_formula (DESK_KPI_CTR), ==, "clicks / impressions");
  for (id = 0; id < DESK_KPI_N; id++)
    g_assert_nonnull (desk_kpi_get_label (id));
}

static void
test_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  const char *meta = "Date;Couverture;Impressions;Clics sur un lien;Montant dépensé (EUR);Autre\n"
                     "2026-03-01T08:00:00;1 200;3400;12;10,50;x\n2026-03-02;;100;0;0;y\n";
  const char *linkedin = "Date,Impressions (total),Clicks (total),Reactions (total),Comments (total),Reposts (total),Total followers\n"
                         "03/31/2026,500,7,10,2,1,900\n";
  struct { const char *text; const char *line; } bad[] = {
    { "date,metric,value\n2026-03-01,reach,5\n2026-02-30,reach,5\n", "Line 3" },
    { "date,metric,value\n2026-03-01,likes,5\n", "Line 2" },
    { "date,metric,value\n2026-03-01,reach,5\n2026-03-02,reach,beaucoup\n", "Line 3" },
    { "date,metric,value\n2026-03-01,spend,-1\n", "Line 2" },
    { "jour,valeur\n2026-03-01,5\n", "date,metric,value" },
  };

  samples = desk_metric_import_parse ("date,metric,value\n2026-03-01,followers,120\n2026-03-01,spend,\"12,5\"\n\n", 7,
                                      DESK_METRIC_PRESET_GENERIC, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (samples->len, ==, 2);
  g_assert_cmpfloat (((DeskMetricSample *) samples->pdata[1])->value, ==, 12.5);
  g_assert_cmpint (((DeskMetricSample *) samples->pdata[1])->channel_id, ==, 7);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) none = desk_metric_import_parse (bad[i].text, 7, DESK_METRIC_PRESET_GENERIC, &error);

      g_assert_null (none);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, bad[i].line));
      g_clear_error (&error);
    }

  /* Meta: French columns, digit groups, decimal commas, an empty cell */
  g_clear_pointer (&samples, g_ptr_array_unref);
  samples = desk_metric_import_parse (meta, 7, DESK_METRIC_PRESET_META, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (samples->len, ==, 4 + 3);
  {
    double reach = -1, spend = -1;

    for (guint i = 0; i < samples->len; i++)
      {
        DeskMetricSample *s = samples->pdata[i];

        g_assert_true (g_str_equal (s->day, "2026-03-01") || g_str_equal (s->day, "2026-03-02"));
        if (g_str_equal (s->day, "2026-03-01") && g_str_equal (s->metric, "reach"))
          reach = s->value;
        if (g_str_equal (s->day, "2026-03-01") && g_str_equal (s->metric, "spend"))
          spend = s->value;
      }
    g_assert_cmpfloat (reach, ==, 1200);
    g_assert_cmpfloat (spend, ==, 10.5);
  }

  /* LinkedIn: US dates, engagements summed from three columns */
  g_clear_pointer (&samples, g_ptr_array_unref);
  samples = desk_metric_import_parse (linkedin, 7, DESK_METRIC_PRESET_LINKEDIN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (samples->len, ==, 4);
  for (guint i = 0; i < samples->len; i++)
    {
      DeskMetricSample *s = samples->pdata[i];

      g_assert_cmpstr (s->day, ==, "2026-03-31");
      if (g_str_equal (s->metric, "engagements"))
        g_assert_cmpfloat (s->value, ==, 13);
      if (g_str_equal (s->metric, "followers"))
        g_assert_cmpfloat (s->value, ==, 900);
    }
  g_assert_null (desk_metric_import_parse ("Reach\n5\n", 7, DESK_METRIC_PRESET_META, &error));
  g_clear_error (&error);
}

/* Charts */

/* A layout of one's own: each column given a role, dates as in France */
static void
test_import_columns (void)
{
  const char *text = "Jour;Vues;Clics;Commentaire\n31/01/2026;1 200;14;bon\n01/02/2026;900;9;\n";
  const char *roles[] = { "date", "impressions", "clicks", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) header = desk_metric_import_header (text, &error);
  g_autoptr(GPtrArray) samples = NULL;
  guint found = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (header), ==, 4);
  g_assert_cmpstr (header[1], ==, "Vues");
  g_assert_cmpstr (desk_metric_import_guess ("Jour"), ==, "date");
  g_assert_cmpstr (desk_metric_import_guess ("Couverture"), ==, "reach");
  g_assert_cmpstr (desk_metric_import_guess ("Impressions"), ==, "impressions");
  g_assert_null (desk_metric_import_guess ("Commentaire"));

  samples = desk_metric_import_parse_columns (text, 7, roles, 4, DESK_DATE_ORDER_DMY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (samples->len, ==, 4);
  for (guint i = 0; i < samples->len; i++)
    {
      DeskMetricSample *s = g_ptr_array_index (samples, i);

      g_assert_cmpint (s->channel_id, ==, 7);
      if (g_str_equal (s->day, "2026-01-31") && g_str_equal (s->metric, "impressions"))
        {
          g_assert_cmpfloat (s->value, ==, 1200);
          found++;
        }
      if (g_str_equal (s->day, "2026-02-01") && g_str_equal (s->metric, "clicks"))
        {
          g_assert_cmpfloat (s->value, ==, 9);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 2);
  g_clear_pointer (&samples, g_ptr_array_unref);

  /* Read as MM/DD, 31/01 is no date: refused, its line named */
  samples = desk_metric_import_parse_columns (text, 7, roles, 4, DESK_DATE_ORDER_MDY, &error);
  g_assert_null (samples);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  /* No date column, or two */
  {
    const char *no_date[] = { NULL, "impressions", "clicks", NULL };
    const char *two[] = { "date", "date", "clicks", NULL };

    g_assert_null (desk_metric_import_parse_columns (text, 7, no_date, 4, DESK_DATE_ORDER_DMY, &error));
    g_clear_error (&error);
    g_assert_null (desk_metric_import_parse_columns (text, 7, two, 4, DESK_DATE_ORDER_DMY, &error));
    g_clear_error (&error);
  }
}

static void
test_nice_range (void)
{
  DeskChartRange r;

  desk_chart_nice_range (0, 97, 6, &r);
  g_assert_cmpfloat (r.min, ==, 0);
  g_assert_cmpfloat (r.max, ==, 100);
  g_assert_cmpfloat (r.step, ==, 20);
  g_assert_cmpuint (desk_chart_range_count (&r), ==, 6);

  desk_chart_nice_range (0, 0, 6, &r);
  g_assert_cmpfloat (r.min, ==, 0);
  g_assert_cmpfloat (r.max, ==, 1);

  desk_chart_nice_range (1234, 1234, 6, &r);
  g_assert_cmpfloat (r.min, ==, 0);
  g_assert_cmpfloat (r.max, ==, 1500);
  g_assert_cmpfloat (r.step, ==, 500);

  desk_chart_nice_range (-3, 7, 6, &r);
  g_assert_cmpfloat (r.min, ==, -4);
  g_assert_cmpfloat (r.max, ==, 8);
  g_assert_cmpfloat (r.step, ==, 2);

  desk_chart_nice_range (0, 0.0734, 6, &r);
  g_assert_cmpfloat_with_epsilon (r.max, 0.08, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.step, 0.02, 1e-12);

  desk_chart_nice_range (NAN, INFINITY, 6, &r);
  g_assert_true (isfinite (r.min) && isfinite (r.max) && r.step > 0);
}

static char *
tick_labels (const char *first,
             const char *last,
             guint       max)
{
  g_autofree char *a = g_strconcat (first, "T00:00:00Z", NULL);
  g_autofree char *b = g_strconcat (last, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 (a, NULL);
  g_autoptr(GDateTime) to = g_date_time_new_from_iso8601 (b, NULL);
  g_autoptr(GPtrArray) ticks = desk_chart_date_ticks (from, to, max);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < ticks->len; i++)
    g_strv_builder_add (labels, ((DeskChartTick *) ticks->pdata[i])->label);
  strv = g_strv_builder_end (labels);
  return g_strjoinv ("|", strv);
}

static void
test_date_ticks (void)
{
  g_autofree char *year = tick_labels ("2026-01-01", "2026-12-31", 12);
  g_autofree char *quarter = tick_labels ("2026-01-01", "2026-12-31", 5);
  g_autofree char *week = tick_labels ("2026-03-02", "2026-03-08", 7);
  g_autofree char *weeks = tick_labels ("2026-03-01", "2026-03-31", 8);
  g_autofree char *across = tick_labels ("2025-10-15", "2026-03-15", 6);

  /* The locale's names (the tests run in C.UTF-8) */
  g_assert_cmpstr (year, ==, "Jan 2026|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec");
  g_assert_cmpstr (quarter, ==, "Jan 2026|Apr|Jul|Oct");
  g_assert_cmpstr (week, ==, "2 Mar|3 Mar|4 Mar|5 Mar|6 Mar|7 Mar|8 Mar");
  /* Mondays */
  g_assert_cmpstr (weeks, ==, "2 Mar|9 Mar|16 Mar|23 Mar|30 Mar");
  g_assert_cmpstr (across, ==, "Nov 2025|Dec|Jan 2026|Feb|Mar");
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((guint32 *) (data + y * stride))[x] & 0xffffff;
}

static guint32
rgb_pixel (const double rgb[3])
{
  return ((guint32) lround (rgb[0] * 255) << 16) | ((guint32) lround (rgb[1] * 255) << 8) | (guint32) lround (rgb[2] * 255);
}

static cairo_surface_t *
draw (DeskChart *chart,
      int        width,
      int        height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  desk_chart_render (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_bar_pixels (void)
{
  const char * const categories[] = { "A", "B", NULL };

  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(DeskChart) chart = desk_chart_new (DESK_CHART_BARS, NULL);
      g_autoptr(GPtrArray) rows = NULL;
      cairo_surface_t *surface;
      double bar[3], bg[3];

      desk_chart_set_dark (chart, dark);
      desk_chart_set_categories (chart, categories);
      desk_chart_add_series (chart, "Engagements");
      desk_chart_set_value (chart, 0, 0, 10);
      desk_chart_set_value (chart, 0, 1, 5);
      desk_chart_get_series_rgb (chart, 0, bar);
      desk_chart_get_background_rgb (chart, bg);
      g_assert_cmphex (rgb_pixel (bg), ==, dark ? 0x242424 : 0xffffff);
      /* Okabe–Ito: blue on light, sky blue on dark */
      g_assert_cmphex (rgb_pixel (bar), ==, dark ? 0x56b4e9 : 0x0072b2);

      surface = draw (chart, 400, 300);
      /* Inside the first (tallest) bar, and the background's corner */
      g_assert_cmphex (pixel (surface, 125, 200), ==, rgb_pixel (bar));
      g_assert_cmphex (pixel (surface, 2, 2), ==, rgb_pixel (bg));
      /* Above the second bar (half as tall): background or grid, not bar */
      g_assert_cmphex (pixel (surface, 300, 60), !=, rgb_pixel (bar));
      cairo_surface_destroy (surface);

      rows = desk_chart_dup_rows (chart);
      g_assert_cmpuint (rows->len, ==, 2);
      g_assert_cmpstr (((DeskChartRow *) rows->pdata[0])->label, ==, "A");
      g_assert_cmpstr (((DeskChartRow *) rows->pdata[0])->value, ==, "10");
    }
}

static void
test_donut_and_others (void)
{
  const char * const networks[] = { "Mastodon", "Bluesky", NULL };
  g_autoptr(DeskChart) donut = desk_chart_new (DESK_CHART_DONUT, NULL);
  g_autoptr(DeskChart) line = desk_chart_new (DESK_CHART_LINE, "Followers");
  g_autoptr(DeskChart) heat = desk_chart_new (DESK_CHART_HEATMAP, NULL);
  g_autoptr(DeskChart) gauge = desk_chart_new (DESK_CHART_GAUGE, "CTR");
  g_autoptr(DeskChart) empty = desk_chart_new (DESK_CHART_STACKED_BARS, "Nothing");
  g_autoptr(GPtrArray) rows = NULL;
  cairo_surface_t *surface;
  double first[3], bg[3];

  desk_chart_set_categories (donut, networks);
  desk_chart_add_series (donut, "Impressions");
  desk_chart_set_value (donut, 0, 0, 300);
  desk_chart_set_value (donut, 0, 1, 100);
  desk_chart_get_series_rgb (donut, 0, first);
  desk_chart_get_background_rgb (donut, bg);
  surface = draw (donut, 400, 300);
  /* The hole is background; the ring just right of 12 o'clock is the
   * first slice (75 %) */
  g_assert_cmphex (pixel (surface, 200, 150), ==, rgb_pixel (bg));
  g_assert_cmphex (pixel (surface, 205, 150 - 72), ==, rgb_pixel (first));
  cairo_surface_destroy (surface);
  rows = desk_chart_dup_rows (donut);
  g_assert_cmpstr (((DeskChartRow *) rows->pdata[0])->value, ==, "300 (75 %)");
  g_clear_pointer (&rows, g_ptr_array_unref);

  desk_chart_add_series (line, "Mastodon");
  desk_chart_add_point (line, 0, "2026-03-01", 100);
  desk_chart_add_point (line, 0, "2026-03-02", 120);
  desk_chart_add_point (line, 0, "2026-02-30", 1);     /* no such day: left out */
  desk_chart_add_point (line, 0, "2026-03-03", NAN);   /* no value: left out */
  surface = draw (line, 400, 300);
  cairo_surface_destroy (surface);
  rows = desk_chart_dup_rows (line);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((DeskChartRow *) rows->pdata[1])->label, ==, "Mastodon — 2 Mar 2026");
  g_assert_cmpstr (((DeskChartRow *) rows->pdata[1])->value, ==, "120");
  g_clear_pointer (&rows, g_ptr_array_unref);

  desk_chart_set_heat (heat, 1, 9, 40);
  desk_chart_set_heat (heat, 6, 18, 10);
  desk_chart_set_heat (heat, 9, 99, 10);   /* out of the week: ignored */
  surface = draw (heat, 500, 240);
  cairo_surface_destroy (surface);
  rows = desk_chart_dup_rows (heat);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((DeskChartRow *) rows->pdata[0])->label, ==, "Tuesday, 09:00");
  g_clear_pointer (&rows, g_ptr_array_unref);

  desk_chart_set_percent (gauge, TRUE);
  desk_chart_set_gauge (gauge, 0.015, 0.02);
  surface = draw (gauge, 200, 140);
  cairo_surface_destroy (surface);
  rows = desk_chart_dup_rows (gauge);
  g_assert_cmpstr (((DeskChartRow *) rows->pdata[0])->value, ==, "1.5 % of 2.0 %");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* No data, no room: no crash, the background drawn */
  surface = draw (empty, 300, 200);
  g_assert_cmphex (pixel (surface, 2, 2), ==, 0xffffff);
  cairo_surface_destroy (surface);
  surface = draw (empty, 0, 0);
  cairo_surface_destroy (surface);
}

static void
test_dashboard (KpiFixture    *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskReportPeriod period = { "2026-03-01", "2026-03-10", NULL, NULL };
  g_autoptr(GPtrArray) charts = desk_report_build_dashboard (f->store, f->brand_id, &period, TRUE, &error);
  g_autoptr(DeskObjective) objective = g_new0 (DeskObjective, 1);
  g_autoptr(GPtrArray) objectives = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *pdf = g_build_filename (f->base.dir, "report.pdf", NULL);
  guint n_pages = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (charts->len, >=, 10);
  for (guint i = 0; i < charts->len; i++)
    {
      cairo_surface_t *surface = draw (g_ptr_array_index (charts, i), 320, 200);
      g_autoptr(GPtrArray) rows = desk_chart_dup_rows (g_ptr_array_index (charts, i));

      cairo_surface_destroy (surface);
    }

  /* Objectives and a report's recommendations */
  objective->brand_id = f->brand_id;
  objective->kpi = g_strdup ("followers");
  objective->target = 200;
  objective->deadline = g_strdup ("2026-06-30");
  g_assert_true (desk_store_save_objective (f->store, objective, &error));
  g_assert_no_error (error);
  objectives = desk_store_list_objectives (f->store, f->brand_id, &error);
  g_assert_cmpuint (objectives->len, ==, 1);
  g_assert_cmpstr (((DeskObjective *) objectives->pdata[0])->deadline, ==, "2026-06-30");
  notes = desk_store_dup_report_recommendations (f->store, f->brand_id, "2026-03-01", "2026-03-10", &error);
  g_assert_cmpstr (notes, ==, "");
  g_assert_true (desk_store_set_report_recommendations (f->store, f->brand_id, "2026-03-01", "2026-03-10",
                                                        "Publier le mardi matin.", &error));
  g_clear_pointer (&notes, g_free);
  notes = desk_store_dup_report_recommendations (f->store, f->brand_id, "2026-03-01", "2026-03-10", &error);
  g_assert_cmpstr (notes, ==, "Publier le mardi matin.");

  /* A top post with an image: its thumbnail on the top posts' page */
  {
    g_autofree char *png = g_build_filename (f->base.dir, "fraisier.png", NULL);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 80);
    cairo_t *cr = cairo_create (surface);
    g_autoptr(DeskPost) post = g_object_new (DESK_TYPE_POST, "brand-id", f->brand_id, "title", "Le fraisier",
                                             "body", "Le fraisier est de retour", "status", DESK_POST_STATUS_PUBLISHED,
                                             NULL);
    g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_sample_free);
    g_autoptr(GPtrArray) top = NULL;
    gint64 media_id = 0;

    cairo_set_source_rgb (cr, 0.8, 0.1, 0.2);
    cairo_paint (cr);
    cairo_destroy (cr);
    g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
    desk_post_set_channel_ids (post, &f->a, 1);
    g_assert_true (desk_store_save_post (f->store, post, &error));
    g_assert_true (desk_store_add_media (f->store, f->brand_id, png, &media_id, &error));
    g_assert_true (desk_store_attach_media (f->store, desk_post_get_id (post), media_id, 0, &error));
    g_assert_no_error (error);
    add (samples, f->a, "2026-03-04", "engagements", 42);
    ((DeskMetricSample *) g_ptr_array_index (samples, 0))->post_id = desk_post_get_id (post);
    g_assert_true (desk_store_add_metric_samples (f->store, samples, &error));
    top = desk_store_query_top_posts (f->store, f->brand_id, "2026-03-01", "2026-03-10", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (top->len, ==, 1);
    g_assert_nonnull (((DeskTopPost *) g_ptr_array_index (top, 0))->image_path);
  }

  /* Cover, summary, overview, 2 channels, top posts, best times, recommendations */
  g_assert_true (desk_report_export_pdf (f->store, f->brand_id, &period, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 8);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  /* The thumbnail is an image of the PDF (poppler-utils' pdfimages) */
  {
    const char *argv[] = { "pdfimages", "-list", pdf, NULL };
    g_autofree char *out = NULL;
    int status = -1;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (out, "image"));
  }

  /* The same pages, one at a time (print, presentation) */
  {
    g_autoptr(DeskReportPages) pages = desk_report_pages_new (f->store, f->brand_id, &period, &error);
    double w, h;

    g_assert_no_error (error);
    g_assert_cmpuint (desk_report_pages_get_n_pages (pages), ==, 8);
    desk_report_pages_get_size (&w, &h);
    g_assert_cmpfloat (w, >, h);
    for (guint i = 0; i < 8; i++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 150);
        cairo_t *cr = cairo_create (surface);

        cairo_scale (cr, 200 / w, 150 / h);
        desk_report_pages_draw (pages, cr, i);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
  }

  /* A bad period writes nothing */
  g_remove (pdf);
  period.to_day = "2026-02-01";
  g_assert_false (desk_report_export_pdf (f->store, f->brand_id, &period, pdf, &n_pages, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Where each row's value was drawn: what a chart widget highlights */
static void
test_spots (void)
{
  g_autoptr(DeskChart) line = desk_chart_new (DESK_CHART_LINE, "Followers");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);
  double x0, y0, x1, y1;

  desk_chart_add_series (line, "Mastodon");
  desk_chart_add_point (line, 0, "2026-03-01", 100);
  desk_chart_add_point (line, 0, "2026-03-02", 200);
  g_assert_false (desk_chart_get_spot (line, 0, &x0, &y0));
  desk_chart_render (line, cr, 400, 300);
  g_assert_true (desk_chart_get_spot (line, 0, &x0, &y0));
  g_assert_true (desk_chart_get_spot (line, 1, &x1, &y1));
  g_assert_false (desk_chart_get_spot (line, 2, &x1, &y1));
  g_assert_cmpfloat (x0, <, x1);
  g_assert_cmpfloat (y0, >, y1);   /* 200 is higher up */
  g_assert_cmpint (desk_chart_find_spot (line, x1 + 2, y1 - 2, 10), ==, 1);
  g_assert_cmpint (desk_chart_find_spot (line, 0, 0, 10), ==, -1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/kpi/" name, KpiFixture, NULL, kpi_set_up, func, kpi_tear_down)
  ADD ("first-response", test_first_response);
  ADD ("period", test_period);
  ADD ("empty-and-comparison", test_empty_and_comparison);
  ADD ("dashboard-and-report", test_dashboard);
#undef ADD
  g_test_add_func ("/kpi/zero-denominators", test_zero_denominators);
  g_test_add_func ("/kpi/names", test_names);
  g_test_add_func ("/kpi/import", test_import);
  g_test_add_func ("/kpi/import-columns", test_import_columns);
  g_test_add_func ("/chart/nice-range", test_nice_range);
  g_test_add_func ("/chart/date-ticks", test_date_ticks);
  g_test_add_func ("/chart/bar-pixels", test_bar_pixels);
  g_test_add_func ("/chart/donut-line-heatmap-gauge", test_donut_and_others);
  g_test_add_func ("/chart/spots", test_spots);

  return g_test_run ();
}
