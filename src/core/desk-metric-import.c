/* desk-metric-import.c: a channel's daily metrics from the networks' CSV
 * exports, checked whole before anything is stored
 *
 * Three layouts (presets):
 *
 * - generic: a header "date,metric,value", then one row per day and
 *   metric; the metrics are followers (a level), reach, impressions,
 *   engagements, clicks, conversions, spend and revenue (daily amounts).
 * - meta: Meta Business Suite's exports (Insights and Ads Manager), one row
 *   per day: "Date", "Reach" / "Couverture", "Impressions", "Engagements"
 *   / "Post engagements" / "Interactions" / "Interactions avec la
 *   publication", "Link clicks" / "Clics sur un lien" / "Clics sur le
 *   lien", "Followers" / "Abonnés" / "Page likes" / "Mentions J’aime la
 *   Page", "Results" / "Résultats" / "Conversions", "Amount spent" /
 *   "Amount spent (EUR)" / "Montant dépensé" / "Montant dépensé (EUR)",
 *   "Purchase conversion value" / "Valeur de conversion des achats".
 * - linkedin: LinkedIn page analytics' exports (the Updates and Followers
 *   sheets saved as CSV), one row per day: "Date", "Impressions (total)",
 *   "Unique impressions (organic)" (reach), "Clicks (total)", "Reactions
 *   (total)" + "Comments (total)" + "Reposts (total)" (engagements, summed),
 *   "Total followers". LinkedIn writes dates MM/DD/YYYY.
 *
 * Dates are YYYY-MM-DD (a time after them, as Meta writes
 * "2026-01-31T08:00:00", is ignored). Numbers are written with a dot or,
 * as French spreadsheets do, a comma; digit groups (spaces) are allowed.
 * Any bad row (a date that does not exist, an unknown metric, a value
 * that is no number or is negative) refuses the whole file, naming its
 * line. Columns a preset does not know are left aside.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-metric-import"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-csv.h"
#include "desk-kpi.h"
#include "desk-metric-import.h"

typedef struct
{
  DeskMetricPreset  preset;
  const char       *column;  /* lowercase */
  const char       *metric;
} Column;

static const Column columns[] = {
  { DESK_METRIC_PRESET_META, "reach", "reach" },
  { DESK_METRIC_PRESET_META, "couverture", "reach" },
  { DESK_METRIC_PRESET_META, "impressions", "impressions" },
  { DESK_METRIC_PRESET_META, "engagements", "engagements" },
  { DESK_METRIC_PRESET_META, "post engagements", "engagements" },
  { DESK_METRIC_PRESET_META, "interactions", "engagements" },
  { DESK_METRIC_PRESET_META, "interactions avec la publication", "engagements" },
  { DESK_METRIC_PRESET_META, "link clicks", "clicks" },
  { DESK_METRIC_PRESET_META, "clics sur un lien", "clicks" },
  { DESK_METRIC_PRESET_META, "clics sur le lien", "clicks" },
  { DESK_METRIC_PRESET_META, "followers", "followers" },
  { DESK_METRIC_PRESET_META, "abonnés", "followers" },
  { DESK_METRIC_PRESET_META, "page likes", "followers" },
  { DESK_METRIC_PRESET_META, "mentions j’aime la page", "followers" },
  { DESK_METRIC_PRESET_META, "results", "conversions" },
  { DESK_METRIC_PRESET_META, "résultats", "conversions" },
  { DESK_METRIC_PRESET_META, "conversions", "conversions" },
  { DESK_METRIC_PRESET_META, "amount spent", "spend" },
  { DESK_METRIC_PRESET_META, "amount spent (eur)", "spend" },
  { DESK_METRIC_PRESET_META, "montant dépensé", "spend" },
  { DESK_METRIC_PRESET_META, "montant dépensé (eur)", "spend" },
  { DESK_METRIC_PRESET_META, "purchase conversion value", "revenue" },
  { DESK_METRIC_PRESET_META, "valeur de conversion des achats", "revenue" },
  { DESK_METRIC_PRESET_LINKEDIN, "impressions (total)", "impressions" },
  { DESK_METRIC_PRESET_LINKEDIN, "unique impressions (organic)", "reach" },
  { DESK_METRIC_PRESET_LINKEDIN, "clicks (total)", "clicks" },
  { DESK_METRIC_PRESET_LINKEDIN, "reactions (total)", "engagements" },
  { DESK_METRIC_PRESET_LINKEDIN, "comments (total)", "engagements" },
  { DESK_METRIC_PRESET_LINKEDIN, "reposts (total)", "engagements" },
  { DESK_METRIC_PRESET_LINKEDIN, "shares (total)", "engagements" },
  { DESK_METRIC_PRESET_LINKEDIN, "total followers", "followers" },
};

gboolean
desk_metric_preset_from_id (const char       *id,
                            DeskMetricPreset *preset)
{
  static const char * const ids[] = { "generic", "meta", "linkedin" };

  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (ids); i++)
    if (g_str_equal (ids[i], id))
      {
        *preset = i;
        return TRUE;
      }
  return FALSE;
}

static const char *
field (DeskCsvRecord *record,
       int            column)
{
  if (column < 0 || (guint) column >= record->fields->len)
    return "";
  return g_strstrip ((char *) g_ptr_array_index (record->fields, column));
}

/* YYYY-MM-DD (with a time after it), or the day, month and year with
 * slashes in @order's order; the day written back as YYYY-MM-DD if it
 * exists */
static char *
parse_date (const char    *text,
            DeskDateOrder  order)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) iso = g_regex_new ("^([0-9]{4})-([0-9]{2})-([0-9]{2})([T ].*)?$", 0, 0, NULL);
  g_autoptr(GRegex) slashed = g_regex_new ("^([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})$", 0, 0, NULL);
  g_autoptr(GDateTime) day = NULL;
  int y, m, d;

  if (g_regex_match (iso, text, 0, &match))
    {
      g_autofree char *ys = g_match_info_fetch (match, 1), *ms = g_match_info_fetch (match, 2),
                      *ds = g_match_info_fetch (match, 3);
      y = atoi (ys), m = atoi (ms), d = atoi (ds);
    }
  else
    {
      g_clear_pointer (&match, g_match_info_free);
      if (order == DESK_DATE_ORDER_ISO || !g_regex_match (slashed, text, 0, &match))
        return NULL;
      {
        g_autofree char *a = g_match_info_fetch (match, 1), *b = g_match_info_fetch (match, 2),
                        *ys = g_match_info_fetch (match, 3);
        y = atoi (ys);
        m = atoi (order == DESK_DATE_ORDER_MDY ? a : b);
        d = atoi (order == DESK_DATE_ORDER_MDY ? b : a);
      }
    }

  /* GDateTime refuses 2026-02-30 */
  if ((day = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    return NULL;
  return g_date_time_format (day, "%Y-%m-%d");
}

/* A number written with a dot or a decimal comma, digit groups allowed */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == 0xa0 || c == 0x202f)
        continue;
      g_string_append_c (clean, c == ',' ? '.' : (char) (c < 0x80 ? c : '?'));
    }
  if (clean->len == 0)
    return FALSE;
  *value = g_ascii_strtod (clean->str, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

static DeskMetricSample *
sample_new (gint64      channel_id,
            const char *day,
            const char *metric,
            double      value)
{
  DeskMetricSample *s = g_new0 (DeskMetricSample, 1);

  s->channel_id = channel_id;
  s->day = g_strdup (day);
  s->metric = g_strdup (metric);
  s->value = value;
  return s;
}

static gboolean
parse_value (const char  *text,
             guint        line,
             double      *value,
             GError     **error)
{
  if (!parse_number (text, value))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("Line %u: “%s” is not a number. Nothing was imported."), line, text);
      return FALSE;
    }
  if (*value < 0)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("Line %u: a metric cannot be negative (%s). Nothing was imported."), line, text);
      return FALSE;
    }
  return TRUE;
}

static int
find_column (DeskCsvRecord *header,
             const char    *name)
{
  for (guint i = 0; i < header->fields->len; i++)
    {
      g_autofree char *folded = g_utf8_strdown (field (header, (int) i), -1);

      if (g_str_equal (folded, name))
        return (int) i;
    }
  return -1;
}

static gboolean
parse_generic (GPtrArray  *records,
               gint64      channel_id,
               GPtrArray  *samples,
               GError    **error)
{
  DeskCsvRecord *header = g_ptr_array_index (records, 0);
  int date = find_column (header, "date"), metric = find_column (header, "metric"), value = find_column (header, "value");

  if (date < 0 || metric < 0 || value < 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                           _("The file needs a header “date,metric,value”. Nothing was imported."));
      return FALSE;
    }
  for (guint i = 1; i < records->len; i++)
    {
      DeskCsvRecord *r = g_ptr_array_index (records, i);
      g_autofree char *day = parse_date (field (r, date), DESK_DATE_ORDER_ISO);
      g_autofree char *name = g_utf8_strdown (field (r, metric), -1);
      double v;

      if (r->fields->len == 1 && *field (r, 0) == '\0')
        continue;   /* an empty line */
      if (day == NULL)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("Line %u: “%s” is not a date (YYYY-MM-DD). Nothing was imported."), r->line, field (r, date));
          return FALSE;
        }
      if (!desk_kpi_is_metric (name))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("Line %u: unknown metric “%s”: use followers, reach, impressions, engagements, clicks, "
                         "conversions, spend or revenue. Nothing was imported."), r->line, field (r, metric));
          return FALSE;
        }
      if (!parse_value (field (r, value), r->line, &v, error))
        return FALSE;
      g_ptr_array_add (samples, sample_new (channel_id, day, name, v));
    }
  return TRUE;
}

/* One row per day, a column per metric (several columns may add up to
 * one): @metric_of names each column's metric (%NULL: left aside) */
static gboolean
parse_columns (GPtrArray          *records,
               gint64              channel_id,
               int                 date,
               const char * const *metric_of,
               guint               n_columns,
               DeskDateOrder       order,
               GPtrArray          *samples,
               GError            **error)
{
  static const char * const orders[] = { "YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY" };

  for (guint i = 1; i < records->len; i++)
    {
      DeskCsvRecord *r = g_ptr_array_index (records, i);
      g_autofree char *day = parse_date (field (r, date), order);
      g_autoptr(GHashTable) sums = NULL;
      GHashTableIter iter;
      gpointer key, value;

      if (r->fields->len == 1 && *field (r, 0) == '\0')
        continue;
      if (day == NULL)
        {
          /* Translators: the second %s is how dates are written, "DD/MM/YYYY" */
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("Line %u: “%s” is not a date (%s). Nothing was imported."), r->line, field (r, date),
                       orders[MIN ((guint) order, G_N_ELEMENTS (orders) - 1)]);
          return FALSE;
        }
      sums = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      for (guint c = 0; c < n_columns && c < r->fields->len; c++)
        {
          const char *text = field (r, (int) c);
          double v, *sum;

          /* An empty cell: nothing recorded that day */
          if (metric_of[c] == NULL || *text == '\0')
            continue;
          if (!parse_value (text, r->line, &v, error))
            return FALSE;
          if ((sum = g_hash_table_lookup (sums, metric_of[c])) == NULL)
            g_hash_table_insert (sums, (gpointer) metric_of[c], (sum = g_new0 (double, 1)));
          *sum += v;
        }
      g_hash_table_iter_init (&iter, sums);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_ptr_array_add (samples, sample_new (channel_id, day, key, *(double *) value));
    }
  return TRUE;
}

static gboolean
parse_wide (GPtrArray         *records,
            gint64             channel_id,
            DeskMetricPreset   preset,
            GPtrArray         *samples,
            GError           **error)
{
  DeskCsvRecord *header = g_ptr_array_index (records, 0);
  int date = find_column (header, "date");
  g_autofree const char **metric_of = g_new0 (const char *, header->fields->len);
  guint n_metrics = 0;

  for (guint i = 0; i < header->fields->len; i++)
    {
      g_autofree char *folded = g_utf8_strdown (field (header, (int) i), -1);

      for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
        if (columns[k].preset == preset && g_str_equal (columns[k].column, folded))
          {
            metric_of[i] = columns[k].metric;
            n_metrics++;
          }
    }
  if (date < 0 || n_metrics == 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                           _("The file has no “Date” column or no column this preset knows. Nothing was imported."));
      return FALSE;
    }
  return parse_columns (records, channel_id, date, metric_of, header->fields->len,
                        preset == DESK_METRIC_PRESET_LINKEDIN ? DESK_DATE_ORDER_MDY : DESK_DATE_ORDER_ISO, samples, error);
}

static GPtrArray *
split (const char  *text,
       GError     **error)
{
  const char *newline = strchr (text, '\n');
  g_autofree char *first = newline ? g_strndup (text, newline - text) : g_strdup (text);
  char delimiter = strchr (first, ';') != NULL && strchr (first, ',') == NULL ? ';' : ',';
  GPtrArray *records = desk_csv_split (text, delimiter, error);

  if (records != NULL && records->len == 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY, _("The file is empty."));
      g_clear_pointer (&records, g_ptr_array_unref);
    }
  return records;
}

/**
 * desk_metric_import_header:
 *
 * Returns: (transfer full): the names of the file's columns (its first
 *   row), or %NULL with @error
 */
GStrv
desk_metric_import_header (const char  *text,
                           GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  DeskCsvRecord *header;

  g_return_val_if_fail (text != NULL, NULL);

  if ((records = split (text, error)) == NULL)
    return NULL;
  header = g_ptr_array_index (records, 0);
  for (guint i = 0; i < header->fields->len; i++)
    g_strv_builder_add (names, field (header, (int) i));
  return g_strv_builder_end (names);
}

/**
 * desk_metric_import_guess:
 * @column: a column's name as the file writes it
 *
 * What a column is likely to hold, to start a mapping from: "date", a
 * metric's name (the presets' columns, or the metric's own name), or
 * %NULL.
 */
const char *
desk_metric_import_guess (const char *column)
{
  g_autofree char *folded = g_utf8_strdown (column, -1);

  g_strstrip (folded);
  if (g_str_equal (folded, "date") || g_str_equal (folded, "day") || g_str_equal (folded, "jour"))
    return "date";
  if (desk_kpi_is_metric (folded))
    return g_intern_string (folded);
  for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
    if (g_str_equal (columns[k].column, folded))
      return columns[k].metric;
  return NULL;
}

/**
 * desk_metric_import_parse_columns:
 * @roles: (array length=n_roles): each column's role: "date" (one), a
 *   metric's name, or %NULL to leave it aside
 * @order: how the dates are written when not YYYY-MM-DD
 *
 * A file of one row per day read with a mapping the user chose. As
 * desk_metric_import_parse (): whole or not at all.
 *
 * Returns: (transfer full) (element-type DeskMetricSample): the samples,
 *   or %NULL and an error naming the first bad line
 */
GPtrArray *
desk_metric_import_parse_columns (const char         *text,
                                  gint64              channel_id,
                                  const char * const *roles,
                                  guint               n_roles,
                                  DeskDateOrder       order,
                                  GError            **error)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_sample_free);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree const char **metric_of = g_new0 (const char *, n_roles + 1);
  int date = -1;
  guint n_metrics = 0;

  g_return_val_if_fail (text != NULL, NULL);

  for (guint i = 0; i < n_roles; i++)
    {
      if (roles[i] == NULL)
        continue;
      if (g_str_equal (roles[i], "date"))
        {
          if (date >= 0)
            {
              g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                                   _("Only one column can be the date."));
              return NULL;
            }
          date = (int) i;
        }
      else if (desk_kpi_is_metric (roles[i]))
        {
          metric_of[i] = g_intern_string (roles[i]);
          n_metrics++;
        }
    }
  if (date < 0 || n_metrics == 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                           _("Choose which column is the date and at least one column’s metric."));
      return NULL;
    }
  if ((records = split (text, error)) == NULL ||
      !parse_columns (records, channel_id, date, metric_of, n_roles, order, samples, error))
    return NULL;
  return g_steal_pointer (&samples);
}

/**
 * desk_metric_import_parse:
 * @text: the file's text (desk_csv_load ())
 *
 * Returns: (transfer full) (element-type DeskMetricSample): the file's
 *   samples for @channel_id, or %NULL and an error naming the first bad
 *   line: a file is taken whole or not at all
 */
GPtrArray *
desk_metric_import_parse (const char        *text,
                          gint64             channel_id,
                          DeskMetricPreset   preset,
                          GError           **error)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_sample_free);
  g_autoptr(GPtrArray) records = NULL;
  const char *newline;
  char delimiter;
  gboolean ok;

  g_return_val_if_fail (text != NULL, NULL);

  newline = strchr (text, '\n');
  {
    g_autofree char *first = newline ? g_strndup (text, newline - text) : g_strdup (text);
    delimiter = strchr (first, ';') != NULL && strchr (first, ',') == NULL ? ';' : ',';
  }
  if ((records = desk_csv_split (text, delimiter, error)) == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  if (preset == DESK_METRIC_PRESET_GENERIC)
    ok = parse_generic (records, channel_id, samples, error);
  else
    ok = parse_wide (records, channel_id, preset, samples, error);
  return ok ? g_steal_pointer (&samples) : NULL;
}
