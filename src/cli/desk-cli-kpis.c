/* desk-cli-kpis.c: import-metrics, kpis and export-report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "community-desk-cli"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "desk-cli.h"
#include "desk-csv.h"
#include "desk-json.h"
#include "desk-kpi.h"
#include "desk-metric-import.h"
#include "desk-report.h"

/* The KPIs kpis prints, in its table's order and its JSON's */
static const DeskKpiId printed[] = {
  DESK_KPI_FOLLOWERS, DESK_KPI_FOLLOWERS_GROWTH, DESK_KPI_REACH, DESK_KPI_IMPRESSIONS, DESK_KPI_ENGAGEMENTS,
  DESK_KPI_ENGAGEMENT_RATE, DESK_KPI_ENGAGEMENT_RATE_FOLLOWERS, DESK_KPI_CLICKS, DESK_KPI_CTR,
  DESK_KPI_CONVERSIONS, DESK_KPI_SPEND, DESK_KPI_REVENUE, DESK_KPI_ROI, DESK_KPI_POSTS_PUBLISHED,
  DESK_KPI_POSTS_PLANNED, DESK_KPI_FIRST_RESPONSE,
};

int
desk_cli_import_metrics (int    argc,
                         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskChannel) channel = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  g_autofree char *database = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *preset_id = NULL;
  g_autofree char *text = NULL;
  DeskMetricPreset preset = DESK_METRIC_PRESET_GENERIC;
  GOptionEntry entries[] = {
    { "channel", 'c', 0, G_OPTION_ARG_STRING, &handle, N_("The channel the metrics are of (its handle)"), N_("HANDLE") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset_id,
      N_("The file's layout: generic (date,metric,value; the default), meta (Meta Business Suite) or linkedin (LinkedIn page analytics)"),
      N_("PRESET") },
    { NULL }
  };

  if (!desk_cli_parse (&argc, &argv, "import-metrics", "FILE", entries, &database, &error))
    return desk_cli_fail (error->message);
  if (argc != 2)
    return desk_cli_fail (_("import-metrics needs one CSV FILE"));
  if (handle == NULL)
    return desk_cli_fail (_("import-metrics needs --channel"));
  if (preset_id != NULL && !desk_metric_preset_from_id (preset_id, &preset))
    {
      g_autofree char *message = g_strdup_printf (_("unknown preset “%s”: use generic, meta or linkedin"), preset_id);
      return desk_cli_fail (message);
    }
  if ((text = desk_csv_load (argv[1], &error)) == NULL)
    return desk_cli_fail (error->message);

  store = desk_store_open (database, DESK_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL || (channel = desk_store_find_channel (store, handle, &error)) == NULL)
    return desk_cli_fail (error->message);
  /* Checked whole first, then stored in one transaction: a day and metric
   * imported again replaces its value */
  samples = desk_metric_import_parse (text, desk_channel_get_id (channel), preset, &error);
  if (samples == NULL || !desk_store_add_metric_samples (store, samples, &error))
    return desk_cli_fail (error->message);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u value imported for %s.\n", "%u values imported for %s.\n", samples->len),
           samples->len, desk_channel_get_handle (channel));
  return 0;
}

/* --compare-from and --compare-to: both or neither; neither is the period
 * just before, as long */
static gboolean
comparison (const DeskCliPeriod  *period,
            const char           *compare_from,
            const char           *compare_to,
            char                **from,
            char                **to,
            GError              **error)
{
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;

  if (compare_from == NULL && compare_to == NULL)
    return desk_kpi_previous_period (period->from_day, period->to_day, from, to);
  if (compare_from == NULL || compare_to == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--compare-from and --compare-to go together"));
      return FALSE;
    }
  if (!desk_kpi_parse_day (compare_from, &a) || !desk_kpi_parse_day (compare_to, &b))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("“%s” is not a date: use YYYY-MM-DD"),
                   a == NULL ? compare_from : compare_to);
      return FALSE;
    }
  if (g_date_time_compare (b, a) < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--compare-to is before --compare-from"));
      return FALSE;
    }
  *from = g_strdup (compare_from);
  *to = g_strdup (compare_to);
  return TRUE;
}

static void
add_number_or_null (JsonBuilder        *builder,
                    const DeskKpiValue *value)
{
  double v;

  if (!value->defined)
    {
      json_builder_add_null_value (builder);
      return;
    }
  /* Sums of decimal amounts: no 0.30000000000000004 */
  v = round (value->value * 1e9) / 1e9;
  if (v == trunc (v) && fabs (v) < 1e15)
    json_builder_add_int_value (builder, (gint64) v);
  else
    json_builder_add_double_value (builder, v);
}

static void
print_json (const DeskCliPeriod *period,
            const char          *compare_from,
            const char          *compare_to,
            const DeskKpiSet    *current,
            const DeskKpiSet    *previous)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, period->from_day);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, period->to_day);
  json_builder_set_member_name (builder, "compare_from");
  json_builder_add_string_value (builder, compare_from);
  json_builder_set_member_name (builder, "compare_to");
  json_builder_add_string_value (builder, compare_to);
  json_builder_set_member_name (builder, "kpis");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (printed); i++)
    {
      json_builder_set_member_name (builder, desk_kpi_id_to_name (printed[i]));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      add_number_or_null (builder, &current->values[printed[i]]);
      json_builder_set_member_name (builder, "previous");
      add_number_or_null (builder, &previous->values[printed[i]]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = desk_json_to_data (root, FALSE);
  g_print ("%s\n", text);
}

/* @text padded with spaces to @width characters (not bytes) */
static void
print_cell (const char *text,
            guint       width,
            gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);
  guint pad = length < (glong) width ? width - (guint) length : 0;

  if (right)
    g_print ("%*s%s", pad, "", text);
  else
    g_print ("%s%*s", text, pad, "");
}

static void
print_table (const DeskCliPeriod *period,
             const char          *compare_from,
             const char          *compare_to,
             const DeskKpiSet    *current,
             const DeskKpiSet    *previous)
{
  guint label_w = 0;

  /* Translators: the heading of kpis' table: the period and the comparison */
  g_print (_("%s to %s, compared with %s to %s\n\n"), period->from_day, period->to_day, compare_from, compare_to);
  for (guint i = 0; i < G_N_ELEMENTS (printed); i++)
    label_w = MAX (label_w, (guint) g_utf8_strlen (desk_kpi_get_label (printed[i]), -1));

  print_cell (_("Indicator"), label_w + 2, FALSE);
  print_cell (_("Value"), 14, TRUE);
  print_cell (_("Previous"), 14, TRUE);
  print_cell (_("Change"), 10, TRUE);
  g_print ("\n");
  for (guint i = 0; i < G_N_ELEMENTS (printed); i++)
    {
      DeskKpiId id = printed[i];
      g_autofree char *value = desk_kpi_format (id, &current->values[id]);
      g_autofree char *before = desk_kpi_format (id, &previous->values[id]);
      g_autofree char *change = desk_kpi_format_change (&current->values[id], &previous->values[id]);

      print_cell (desk_kpi_get_label (id), label_w + 2, FALSE);
      print_cell (value, 14, TRUE);
      print_cell (before, 14, TRUE);
      print_cell (change, 10, TRUE);
      if (!current->values[id].defined)
        g_print ("  (%s)", desk_kpi_reason_to_text (current->values[id].reason));
      else if (desk_kpi_get_formula (id) != NULL && desk_kpi_get_unit (id) == DESK_KPI_UNIT_RATIO)
        g_print ("  %s", desk_kpi_get_formula (id));
      g_print ("\n");
    }
}

int
desk_cli_kpis (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(DeskCliPeriod) period = { 0 };
  g_autofree char *compare_from = NULL, *compare_to = NULL;
  g_autofree char *cfrom = NULL, *cto = NULL;
  gboolean json = FALSE;
  DeskKpiSet current, previous;
  GOptionEntry entries[] = {
    { "compare-from", 0, 0, G_OPTION_ARG_STRING, &compare_from,
      N_("First day of the comparison period (default: the period just before, as long)"), N_("DATE") },
    { "compare-to", 0, 0, G_OPTION_ARG_STRING, &compare_to, N_("Last day of the comparison period, included"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!desk_cli_parse_period (argc, argv, "kpis", NULL, entries, &period, &error) ||
      !comparison (&period, compare_from, compare_to, &cfrom, &cto, &error) ||
      !desk_kpi_query (period.store, period.brand_id, 0, period.from_day, period.to_day, &current, &error) ||
      !desk_kpi_query (period.store, period.brand_id, 0, cfrom, cto, &previous, &error))
    return desk_cli_fail (error->message);

  if (json)
    print_json (&period, cfrom, cto, &current, &previous);
  else
    print_table (&period, cfrom, cto, &current, &previous);
  return 0;
}

int
desk_cli_export_report (int    argc,
                        char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(DeskCliPeriod) period = { 0 };
  g_autofree char *compare_from = NULL, *compare_to = NULL;
  g_autofree char *cfrom = NULL, *cto = NULL;
  DeskReportPeriod report = { 0 };
  guint n_pages = 0;
  GOptionEntry entries[] = {
    { "compare-from", 0, 0, G_OPTION_ARG_STRING, &compare_from,
      N_("First day of the comparison period (default: the period just before, as long)"), N_("DATE") },
    { "compare-to", 0, 0, G_OPTION_ARG_STRING, &compare_to, N_("Last day of the comparison period, included"), N_("DATE") },
    { NULL }
  };

  if (!desk_cli_parse_period (argc, argv, "export-report", "OUT.pdf", entries, &period, &error) ||
      !comparison (&period, compare_from, compare_to, &cfrom, &cto, &error))
    return desk_cli_fail (error->message);

  report.from_day = period.from_day;
  report.to_day = period.to_day;
  report.compare_from = cfrom;
  report.compare_to = cto;
  if (!desk_report_export_pdf (period.store, period.brand_id, &report, period.output, &n_pages, &error))
    return desk_cli_fail (error->message);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Report of %u page written to %s\n", "Report of %u pages written to %s\n",
                        n_pages), n_pages, period.output);
  return 0;
}
