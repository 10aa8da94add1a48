/* bench-kpi-workspace.c: the workspace of issue 15's benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "bench-kpi-workspace.h"
#include "desk-time.h"

/* The KPI workspace: one brand, 6 channels, two years of the 8 daily
 * metrics, 600 published posts with their engagements */
gint64
bench_build_kpi_workspace (DeskStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Bench", NULL);
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_sample_free);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
  static const char * const metrics[] = { "followers", "reach", "impressions", "engagements", "clicks", "conversions",
                                          "spend", "revenue" };
  static const DeskNetwork networks[] = { DESK_NETWORK_MASTODON, DESK_NETWORK_BLUESKY, DESK_NETWORK_INSTAGRAM,
                                          DESK_NETWORK_FACEBOOK, DESK_NETWORK_LINKEDIN, DESK_NETWORK_X };
  gint64 channels[G_N_ELEMENTS (networks)];
  GRand *rand = g_rand_new_with_seed (42);

  if (!desk_store_save_brand (store, brand, &error))
    g_error ("%s", error->message);
  for (guint c = 0; c < G_N_ELEMENTS (networks); c++)
    {
      g_autofree char *handle = g_strdup_printf ("@bench%u", c);
      g_autoptr(DeskChannel) channel = g_object_new (DESK_TYPE_CHANNEL, "brand-id", desk_brand_get_id (brand),
                                                     "network", networks[c], "handle", handle, NULL);

      if (!desk_store_save_channel (store, channel, &error))
        g_error ("%s", error->message);
      channels[c] = desk_channel_get_id (channel);
      for (guint d = 0; d < 730; d++)
        {
          g_autoptr(GDateTime) day = g_date_time_add_days (first, (int) d);
          g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

          for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
            {
              DeskMetricSample *s = g_new0 (DeskMetricSample, 1);

              s->channel_id = channels[c];
              s->day = g_strdup (text);
              s->metric = g_strdup (metrics[m]);
              /* A level that grows; daily amounts around a weekly rhythm, ±25 % */
              s->value = m == 0 ? 1000.0 + 900 * c + d * 2
                                : round ((400.0 + 300 * m) * (1 + 0.3 * (d % 7 < 5)) * g_rand_double_range (rand, 0.75, 1.25));
              g_ptr_array_add (samples, s);
            }
        }
    }
  for (guint i = 0; i < 600; i++)
    {
      DeskPost *post = desk_post_new ();
      g_autoptr(GDateTime) at = g_date_time_add_hours (first, (int) (i * 29));

      desk_post_set_brand_id (post, desk_brand_get_id (brand));
      desk_post_set_title (post, "Bench post");
      desk_post_set_scheduled_at (post, at);
      desk_post_set_status (post, DESK_POST_STATUS_PUBLISHED);
      desk_post_set_channel_ids (post, &channels[i % G_N_ELEMENTS (networks)], 1);
      g_ptr_array_add (posts, post);
    }
  if (!desk_store_save_posts (store, posts, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < posts->len; i++)
    {
      DeskPost *post = g_ptr_array_index (posts, i);
      g_autoptr(GDateTime) local = desk_time_to_local (desk_post_get_scheduled_at (post));
      DeskMetricSample *s = g_new0 (DeskMetricSample, 1);

      s->channel_id = channels[i % G_N_ELEMENTS (networks)];
      s->post_id = desk_post_get_id (post);
      s->day = g_date_time_format (local, "%Y-%m-%d");
      s->metric = g_strdup ("engagements");
      s->value = g_rand_int_range (rand, 0, 500);
      g_ptr_array_add (samples, s);
    }
  if (!desk_store_add_metric_samples (store, samples, &error))
    g_error ("%s", error->message);
  g_rand_free (rand);
  return desk_brand_get_id (brand);
}
