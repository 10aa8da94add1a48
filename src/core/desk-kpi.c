/* desk-kpi.c: the KPIs of a brand (or one channel) over a period
 *
 * The rules, once, for the reports page, the client report and the CLI:
 *
 * - Followers is a level, not an amount: each channel's last level in the
 *   period (its last day with a sample, so missing days are skipped),
 *   summed over the brand's channels.
 * - Follower growth: for each channel, its last level in the period minus
 *   its last level before the period (the end of the day before, or the
 *   last day known before that); a channel whose first level is inside the
 *   period (added mid-period) counts from that first level, so that an
 *   audience it had before being tracked is not taken for growth. No
 *   level before the period on any channel: no value.
 * - Reach, impressions, engagements, clicks, conversions, spend and
 *   revenue are daily amounts: summed over the days and the channels.
 * - Rates are ratios of those sums: engagement rate = engagements / reach
 *   (and engagements / followers as a second figure), CTR = clicks /
 *   impressions, ROI = (revenue − spend) / spend.
 * - Nothing recorded, or a ratio over zero, is "no value" with its reason:
 *   never NaN, never a division by zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-kpi"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "desk-format.h"
#include "desk-kpi.h"
#include "desk-time.h"

typedef struct
{
  const char  *name;     /* the CLI's and the JSON's */
  const char  *label;    /* N_() */
  const char  *formula;  /* N_(), or NULL */
  DeskKpiUnit  unit;
} KpiInfo;

static const KpiInfo kpis[DESK_KPI_N] = {
  [DESK_KPI_FOLLOWERS] = { "followers", N_("Followers"), N_("the last count of the period, summed over the channels"), DESK_KPI_UNIT_COUNT },
  [DESK_KPI_FOLLOWERS_GROWTH] = { "followers_growth", N_("Follower growth"), N_("followers − followers before the period"), DESK_KPI_UNIT_COUNT },
  [DESK_KPI_REACH] = { "reach", N_("Reach"), NULL, DESK_KPI_UNIT_COUNT },
  [DESK_KPI_IMPRESSIONS] = { "impressions", N_("Impressions"), NULL, DESK_KPI_UNIT_COUNT },
  [DESK_KPI_ENGAGEMENTS] = { "engagements", N_("Engagements"), NULL, DESK_KPI_UNIT_COUNT },
  [DESK_KPI_ENGAGEMENT_RATE] = { "engagement_rate", N_("Engagement rate"), N_("engagements / reach"), DESK_KPI_UNIT_RATIO },
  [DESK_KPI_ENGAGEMENT_RATE_FOLLOWERS] = { "engagement_rate_followers", N_("Engagement rate by followers"), N_("engagements / followers"), DESK_KPI_UNIT_RATIO },
  [DESK_KPI_CLICKS] = { "clicks", N_("Link clicks"), NULL, DESK_KPI_UNIT_COUNT },
  [DESK_KPI_CTR] = { "ctr", N_("Click-through rate"), N_("clicks / impressions"), DESK_KPI_UNIT_RATIO },
  [DESK_KPI_CONVERSIONS] = { "conversions", N_("Conversions"), NULL, DESK_KPI_UNIT_COUNT },
  [DESK_KPI_SPEND] = { "spend", N_("Spend"), NULL, DESK_KPI_UNIT_MONEY },
  [DESK_KPI_REVENUE] = { "revenue", N_("Revenue"), NULL, DESK_KPI_UNIT_MONEY },
  [DESK_KPI_ROI] = { "roi", N_("Return on investment"), N_("(revenue − spend) / spend"), DESK_KPI_UNIT_RATIO },
  [DESK_KPI_POSTS_PUBLISHED] = { "posts_published", N_("Posts published"), NULL, DESK_KPI_UNIT_COUNT },
  [DESK_KPI_POSTS_PLANNED] = { "posts_planned", N_("Posts planned"), NULL, DESK_KPI_UNIT_COUNT },
  [DESK_KPI_FIRST_RESPONSE] = { "first_response", N_("Median first response"), NULL, DESK_KPI_UNIT_DURATION },
};

/* The metrics a channel records per day; followers is a level */
static const char * const metrics[] = {
  "followers", "reach", "impressions", "engagements", "clicks", "conversions", "spend", "revenue",
};

const char *
desk_kpi_id_to_name (DeskKpiId id)
{
  g_return_val_if_fail (id < DESK_KPI_N, NULL);
  return kpis[id].name;
}

gboolean
desk_kpi_id_from_name (const char *name,
                       DeskKpiId  *id)
{
  for (guint i = 0; name != NULL && i < DESK_KPI_N; i++)
    if (g_str_equal (kpis[i].name, name))
      {
        *id = i;
        return TRUE;
      }
  return FALSE;
}

const char *
desk_kpi_get_label (DeskKpiId id)
{
  g_return_val_if_fail (id < DESK_KPI_N, NULL);
  return _(kpis[id].label);
}

/**
 * desk_kpi_get_formula:
 *
 * Returns: (nullable): how the KPI is computed, as the UI states it
 */
const char *
desk_kpi_get_formula (DeskKpiId id)
{
  g_return_val_if_fail (id < DESK_KPI_N, NULL);
  return kpis[id].formula != NULL ? _(kpis[id].formula) : NULL;
}

DeskKpiUnit
desk_kpi_get_unit (DeskKpiId id)
{
  g_return_val_if_fail (id < DESK_KPI_N, DESK_KPI_UNIT_COUNT);
  return kpis[id].unit;
}

const char *
desk_kpi_reason_to_text (DeskKpiReason reason)
{
  switch (reason)
    {
    case DESK_KPI_REASON_NONE:
      return "";
    case DESK_KPI_REASON_NO_DATA:
      return _("Nothing recorded in this period");
    case DESK_KPI_REASON_NO_BASELINE:
      return _("No follower count before this period");
    case DESK_KPI_REASON_ZERO_DENOMINATOR:
      return _("Its divisor is zero in this period");
    case DESK_KPI_REASON_NOT_RECORDED:
      return _("The inbox does not record when messages are answered");
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
desk_kpi_is_metric (const char *metric)
{
  for (guint i = 0; metric != NULL && i < G_N_ELEMENTS (metrics); i++)
    if (g_str_equal (metrics[i], metric))
      return TRUE;
  return FALSE;
}

gboolean
desk_kpi_metric_is_level (const char *metric)
{
  return g_strcmp0 (metric, "followers") == 0;
}

static void
set_value (DeskKpiValue *out,
           double        value)
{
  out->defined = TRUE;
  out->value = value;
  out->reason = DESK_KPI_REASON_NONE;
}

static void
set_none (DeskKpiValue  *out,
          DeskKpiReason  reason)
{
  out->defined = FALSE;
  out->value = 0;
  out->reason = reason;
}

static void
set_ratio (DeskKpiValue       *out,
           const DeskKpiValue *numerator,
           const DeskKpiValue *denominator)
{
  if (!numerator->defined)
    set_none (out, numerator->reason);
  else if (!denominator->defined)
    set_none (out, denominator->reason);
  else if (denominator->value == 0)
    set_none (out, DESK_KPI_REASON_ZERO_DENOMINATOR);
  else
    set_value (out, numerator->value / denominator->value);
}

static DeskKpiId
amount_kpi (const char *metric)
{
  static const struct { const char *metric; DeskKpiId id; } map[] = {
    { "reach", DESK_KPI_REACH }, { "impressions", DESK_KPI_IMPRESSIONS },
    { "engagements", DESK_KPI_ENGAGEMENTS }, { "clicks", DESK_KPI_CLICKS },
    { "conversions", DESK_KPI_CONVERSIONS }, { "spend", DESK_KPI_SPEND }, { "revenue", DESK_KPI_REVENUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].metric, metric))
      return map[i].id;
  return DESK_KPI_N;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
set_median (DeskKpiValue *out,
            GArray       *seconds)
{
  g_autoptr(GArray) sorted = NULL;
  guint n;

  if (seconds == NULL)
    {
      set_none (out, DESK_KPI_REASON_NOT_RECORDED);
      return;
    }
  if ((n = seconds->len) == 0)
    {
      set_none (out, DESK_KPI_REASON_NO_DATA);
      return;
    }
  sorted = g_array_copy (seconds);
  qsort (sorted->data, n, sizeof (double), compare_doubles);
  set_value (out, n % 2 ? g_array_index (sorted, double, n / 2)
                        : (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2);
}

/**
 * desk_kpi_compute:
 *
 * Applies the rules (see the top of this file) to the sums and levels of
 * one period.
 */
void
desk_kpi_compute (const DeskKpiInput *input,
                  DeskKpiSet         *out)
{
  double sums[DESK_KPI_N] = { 0 };
  gboolean seen[DESK_KPI_N] = { FALSE };
  double followers = 0, growth = 0;
  guint n_followers = 0, n_baselines = 0;

  g_return_if_fail (input != NULL && out != NULL);

  for (guint i = 0; input->summaries != NULL && i < input->summaries->len; i++)
    {
      const DeskMetricSummary *s = g_ptr_array_index (input->summaries, i);
      DeskKpiId id;

      if (desk_kpi_metric_is_level (s->metric))
        {
          followers += s->last;
          n_followers++;
          /* A channel added mid-period grows from its first level */
          growth += s->last - (s->has_before ? s->before : s->first);
          n_baselines += s->has_before;
        }
      else if ((id = amount_kpi (s->metric)) < DESK_KPI_N)
        {
          sums[id] += s->total;
          seen[id] = TRUE;
        }
    }

  for (guint id = 0; id < DESK_KPI_N; id++)
    if (amount_kpi (kpis[id].name) < DESK_KPI_N)
      {
        if (seen[id])
          set_value (&out->values[id], sums[id]);
        else
          set_none (&out->values[id], DESK_KPI_REASON_NO_DATA);
      }

  if (n_followers > 0)
    set_value (&out->values[DESK_KPI_FOLLOWERS], followers);
  else
    set_none (&out->values[DESK_KPI_FOLLOWERS], DESK_KPI_REASON_NO_DATA);
  if (n_followers == 0)
    set_none (&out->values[DESK_KPI_FOLLOWERS_GROWTH], DESK_KPI_REASON_NO_DATA);
  else if (n_baselines == 0)
    set_none (&out->values[DESK_KPI_FOLLOWERS_GROWTH], DESK_KPI_REASON_NO_BASELINE);
  else
    set_value (&out->values[DESK_KPI_FOLLOWERS_GROWTH], growth);

  set_ratio (&out->values[DESK_KPI_ENGAGEMENT_RATE], &out->values[DESK_KPI_ENGAGEMENTS], &out->values[DESK_KPI_REACH]);
  set_ratio (&out->values[DESK_KPI_ENGAGEMENT_RATE_FOLLOWERS], &out->values[DESK_KPI_ENGAGEMENTS],
             &out->values[DESK_KPI_FOLLOWERS]);
  set_ratio (&out->values[DESK_KPI_CTR], &out->values[DESK_KPI_CLICKS], &out->values[DESK_KPI_IMPRESSIONS]);

  if (!out->values[DESK_KPI_REVENUE].defined || !out->values[DESK_KPI_SPEND].defined)
    set_none (&out->values[DESK_KPI_ROI], DESK_KPI_REASON_NO_DATA);
  else if (out->values[DESK_KPI_SPEND].value == 0)
    set_none (&out->values[DESK_KPI_ROI], DESK_KPI_REASON_ZERO_DENOMINATOR);
  else
    set_value (&out->values[DESK_KPI_ROI],
               (out->values[DESK_KPI_REVENUE].value - out->values[DESK_KPI_SPEND].value) / out->values[DESK_KPI_SPEND].value);

  set_value (&out->values[DESK_KPI_POSTS_PUBLISHED], input->published);
  set_value (&out->values[DESK_KPI_POSTS_PLANNED], input->planned);
  set_median (&out->values[DESK_KPI_FIRST_RESPONSE], input->response_seconds);
}

/**
 * desk_kpi_parse_day:
 * @day: (out) (optional): the day's local midnight
 *
 * Returns: whether @text is a day written YYYY-MM-DD that exists
 */
gboolean
desk_kpi_parse_day (const char  *text,
                    GDateTime  **day)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) parsed = NULL;

  if (text == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    return FALSE;
  iso = g_strconcat (text, "T00:00:00", NULL);
  parsed = g_date_time_new_from_iso8601 (iso, desk_time_local_zone ());
  if (parsed == NULL)
    return FALSE;
  if (day != NULL)
    *day = g_steal_pointer (&parsed);
  return TRUE;
}

/* Days as dates, not instants: UTC midnights, so that no DST shift moves one */
static GDateTime *
utc_day (const char *text)
{
  g_autofree char *iso = NULL;

  if (text == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    return NULL;
  iso = g_strconcat (text, "T00:00:00Z", NULL);
  return g_date_time_new_from_iso8601 (iso, NULL);
}

/**
 * desk_kpi_previous_period:
 * @prev_from: (out): the first day of the period as long as [@from_day,
 *   @to_day] that ends the day before it
 * @prev_to: (out)
 *
 * Returns: FALSE when the days are not dates or @to_day is before @from_day
 */
gboolean
desk_kpi_previous_period (const char  *from_day,
                          const char  *to_day,
                          char       **prev_from,
                          char       **prev_to)
{
  g_autoptr(GDateTime) from = utc_day (from_day);
  g_autoptr(GDateTime) to = utc_day (to_day);
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) first = NULL;
  int days;

  if (from == NULL || to == NULL || g_date_time_compare (to, from) < 0)
    return FALSE;
  days = (int) (g_date_time_difference (to, from) / G_TIME_SPAN_DAY) + 1;
  last = g_date_time_add_days (from, -1);
  first = g_date_time_add_days (from, -days);
  *prev_from = g_date_time_format (first, "%Y-%m-%d");
  *prev_to = g_date_time_format (last, "%Y-%m-%d");
  return TRUE;
}

/**
 * desk_kpi_query:
 * @channel_id: one channel of the brand, or 0 for the whole brand
 * @from_day: first day (YYYY-MM-DD, inclusive)
 * @to_day: last day (inclusive)
 *
 * The KPIs of the period from the store.
 */
gboolean
desk_kpi_query (DeskStore   *store,
                gint64       brand_id,
                gint64       channel_id,
                const char  *from_day,
                const char  *to_day,
                DeskKpiSet  *out,
                GError     **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GArray) responses = NULL;
  DeskKpiInput input = { 0 };

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!desk_kpi_parse_day (from_day, &from) || !desk_kpi_parse_day (to_day, &last))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID, _("“%s” is not a date: use YYYY-MM-DD"),
                   from == NULL ? (from_day ? from_day : "") : (to_day ? to_day : ""));
      return FALSE;
    }
  to = g_date_time_add_days (last, 1);

  summaries = desk_store_query_metric_summary (store, brand_id, channel_id, from_day, to_day, error);
  if (summaries == NULL ||
      !desk_store_count_period_posts (store, brand_id, channel_id, from, to, &input.published, &input.planned, error) ||
      (responses = desk_store_query_first_responses (store, brand_id, channel_id, from, to, error)) == NULL)
    return FALSE;
  input.summaries = summaries;
  /* From each conversation's arrival to the first reply sent from the
   * inbox: no reply in the period is "no data" */
  input.response_seconds = responses;
  desk_kpi_compute (&input, out);
  return TRUE;
}

/**
 * desk_kpi_change:
 * @change: (out): (value − previous) / |previous|
 *
 * Returns: whether the change is defined (both values, a previous one
 *   other than zero)
 */
gboolean
desk_kpi_change (const DeskKpiValue *value,
                 const DeskKpiValue *previous,
                 double             *change)
{
  if (value == NULL || previous == NULL || !value->defined || !previous->defined || previous->value == 0)
    return FALSE;
  *change = (value->value - previous->value) / fabs (previous->value);
  return TRUE;
}

/**
 * desk_kpi_format:
 *
 * Returns: (transfer full): the value as the locale writes it (digit
 *   groups, decimal sign), or "—" when it has none
 */
char *
desk_kpi_format (DeskKpiId           id,
                 const DeskKpiValue *value)
{
  g_return_val_if_fail (id < DESK_KPI_N, NULL);

  if (value == NULL || !value->defined)
    return g_strdup ("—");

  switch (kpis[id].unit)
    {
    case DESK_KPI_UNIT_RATIO:
      /* Translators: a percentage; %.2f is its number */
      return g_strdup_printf (_("%.2f %%"), 100.0 * value->value);
    case DESK_KPI_UNIT_MONEY:
      return g_strdup_printf ("%'.2f", value->value);
    case DESK_KPI_UNIT_DURATION:
      if (value->value < 3600)
        /* Translators: a duration in minutes */
        return g_strdup_printf (_("%.0f min"), value->value / 60);
      /* Translators: a duration in hours */
      return g_strdup_printf (_("%.1f h"), value->value / 3600);
    case DESK_KPI_UNIT_COUNT:
    default:
      return desk_format_count ((gint64) llround (value->value));
    }
}

/**
 * desk_kpi_format_change:
 *
 * Returns: (transfer full): the change against the comparison, signed
 *   ("+12.50 %"), or "—"
 */
char *
desk_kpi_format_change (const DeskKpiValue *value,
                        const DeskKpiValue *previous)
{
  double change;

  if (!desk_kpi_change (value, previous, &change))
    return g_strdup ("—");
  /* Translators: a change in percent, with its sign */
  return g_strdup_printf (_("%+.1f %%"), 100.0 * change);
}
