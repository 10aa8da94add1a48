/* desk-csv.c: posts to and from CSV (a month prepared in a spreadsheet)
 *
 * Columns, named in a header row (English or French names, any order):
 * date, time, channels, title, text, image, campaign, status. The
 * delimiter is a comma or a semicolon (French spreadsheets), found from the
 * header; quoting follows RFC 4180. Dates are YYYY-MM-DD or DD/MM/YYYY,
 * times HH:MM in local time. Channels are network names or handles
 * separated by "|" or spaces. Every row is checked first and reported with
 * its line number; the import then saves all rows in one transaction, or
 * none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-csv"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "desk-time.h"
#include "desk-csv.h"

enum {
  COL_DATE,
  COL_TIME,
  COL_CHANNELS,
  COL_TITLE,
  COL_TEXT,
  COL_IMAGE,
  COL_CAMPAIGN,
  COL_STATUS,
  N_COLS
};

/* What a spreadsheet reads as the start of a formula (OWASP, CSV Injection) */
#define FORMULA_STARTS "=+-@\t\r"

/* Whether @value starts with a formula's first character after its first
 * apostrophes (at least one if @escaped): export adds one apostrophe to
 * such a value, import takes one away, so "'=x" round-trips as "''=x" */
static gboolean
looks_like_formula (const char *value,
                    gboolean    escaped)
{
  gsize k = strspn (value, "'");

  return (!escaped || k > 0) && value[k] != '\0' && strchr (FORMULA_STARTS, value[k]) != NULL;
}

static const char * const column_names[N_COLS][3] = {
  { "date", "jour", NULL },
  { "time", "heure", NULL },
  { "channels", "canaux", "channel" },
  { "title", "titre", NULL },
  { "text", "texte", "body" },
  { "image", "visuel", NULL },
  { "campaign", "campagne", NULL },
  { "status", "statut", NULL },
};

void
desk_csv_row_free (DeskCsvRow *row)
{
  if (row == NULL)
    return;
  g_clear_object (&row->post);
  g_free (row->image);
  g_free (row->error);
  g_free (row);
}

/* A record: the fields of one CSV row, and the line it starts on. */
typedef DeskCsvRecord Record;

static void
record_free (Record *record)
{
  g_ptr_array_unref (record->fields);
  g_free (record);
}

/* A month of posts is a few hundred kilobytes; past this it is not ours */
#define MAX_CSV_BYTES (64 * 1024 * 1024)

/**
 * desk_csv_load:
 * @path: a CSV file
 *
 * Reads @path for desk_csv_parse (). A NUL byte (a binary file, or one
 * damaged) is refused with its line: read as C text, everything after it
 * would silently be lost.
 *
 * Returns: (transfer full): the text, or %NULL with @error
 */
char *
desk_csv_load (const char  *path,
               GError     **error)
{
  g_autofree char *text = NULL;
  const char *nul;
  gsize length = 0;

  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && st.st_size > MAX_CSV_BYTES)
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("“%s” is too large to import (more than %d MB)."), path, MAX_CSV_BYTES / (1024 * 1024));
        return NULL;
      }
  }
  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;
  nul = memchr (text, '\0', length);
  if (nul != NULL)
    {
      guint line = 1;

      for (const char *p = text; p < nul; p++)
        line += *p == '\n';
      g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                   _("Line %u holds a NUL byte: this is not a CSV text file. Nothing was imported."), line);
      return NULL;
    }
  return g_steal_pointer (&text);
}

/**
 * desk_csv_split:
 * @delimiter: ',' or ';'
 *
 * Returns: (transfer full) (element-type Record): the records of @text
 */
GPtrArray *
desk_csv_split (const char  *text,
                char         delimiter,
                GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  g_autoptr(GString) field = g_string_new (NULL);
  Record *record = NULL;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;   /* the field was quoted: its spaces are its own */
  guint line = 1;
  const char *p = text;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                           _("The file is not UTF-8 text: save it from the spreadsheet as “CSV UTF-8”."));
      return NULL;
    }
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))   /* byte-order mark */
    p += 3;

  for (;; p++)
    {
      char c = *p;

      if (record == NULL)
        {
          record = g_new0 (Record, 1);
          record->line = line;
          record->fields = g_ptr_array_new_with_free_func (g_free);
        }

      if (quoted)
        {
          if (c == '\0')
            {
              g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE,
                           _("Line %u: a quoted field is never closed."), record->line);
              record_free (record);
              return NULL;
            }
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            {
              quoted = FALSE;
              was_quoted = TRUE;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      /* A lone CR ends a line too (old Mac files) */
      if (c == '\r' && p[1] != '\n')
        c = '\n';

      if (c == '"' && !was_quoted && field->len == strspn (field->str, " \t"))
        {
          g_string_truncate (field, 0);
          quoted = TRUE;
        }
      else if (c == delimiter || c == '\n' || c == '\0')
        {
          /* Spaces around an unquoted value are the spreadsheet's; inside
           * quotes they are the text's and round-trip */
          g_ptr_array_add (record->fields, was_quoted ? g_strdup (field->str)
                                                      : g_strstrip (g_strdup (field->str)));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          if (c == delimiter)
            continue;

          /* Blank lines are not records. */
          if (record->fields->len == 1 && ((char *) record->fields->pdata[0])[0] == '\0')
            record_free (record);
          else
            g_ptr_array_add (records, record);
          record = NULL;
          line++;
          if (c == '\0')
            break;
        }
      else if (c == '\r' || (was_quoted && (c == ' ' || c == '\t')))
        ;   /* a CR before LF, spaces after a closing quote */
      else
        g_string_append_c (field, c);
    }

  return g_steal_pointer (&records);
}

static char *
field_at (Record *record,
          int     column)
{
  const char *value;

  if (column < 0 || (guint) column >= record->fields->len)
    return g_strdup ("");
  value = g_ptr_array_index (record->fields, column);
  /* The apostrophe desk_csv_export () puts before what a spreadsheet would
   * take for a formula */
  if (looks_like_formula (value, TRUE))
    value++;
  return g_strdup (value);
}

/* YYYY-MM-DD or DD/MM/YYYY, and HH:MM, as local time */
static GDateTime *
parse_when (const char *date,
            const char *time)
{
  GTimeZone *local = desk_time_local_zone ();
  g_autoptr(GRegex) french = g_regex_new ("^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *iso_date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *padded_time = NULL;

  if (g_regex_match (french, date, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);
      iso_date = g_strdup_printf ("%s-%02d-%02d", y, atoi (m), atoi (d));
    }
  else if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", date, 0, 0))
    iso_date = g_strdup (date);
  else
    return NULL;

  if (!g_regex_match_simple ("^[0-9]{1,2}[:h][0-9]{2}$", time, 0, 0))
    return NULL;
  padded_time = g_strdup_printf ("%02d:%s", atoi (time), strpbrk (time, ":h") + 1);

  iso = g_strconcat (iso_date, "T", padded_time, ":00", NULL);
  return g_date_time_new_from_iso8601 (iso, local);
}

static gint64
find_channel (GListModel *channels,
              const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      DeskNetwork network = desk_channel_get_network (channel);
      const char *handle = desk_channel_get_handle (channel);

      if (g_ascii_strcasecmp (name, desk_network_to_id (network)) == 0 ||
          g_utf8_collate (name, desk_network_to_label (network)) == 0 ||
          g_ascii_strcasecmp (name, handle) == 0 ||
          (handle[0] == '@' && g_ascii_strcasecmp (name, handle + 1) == 0))
        return desk_channel_get_id (channel);
    }
  return 0;
}

static gint64
find_campaign (GListModel *campaigns,
               const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(DeskCampaign) campaign = g_list_model_get_item (campaigns, i);

      if (g_utf8_collate (name, desk_campaign_get_name (campaign)) == 0)
        return desk_campaign_get_id (campaign);
    }
  return 0;
}

/* Statuses as spreadsheets write them, whatever the locale: the stable id,
 * the English and the French names, in any case. */
static const char * const status_names[][3] = {
  { "idea", "idea", "idée" },
  { "draft", "draft", "brouillon" },
  { "review", "in review", "en relecture" },
  { "approved", "approved", "validée" },
  { "scheduled", "scheduled", "programmée" },
  { "published", "published", "publiée" },
  { "failed", "failed", "échec" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == DESK_POST_STATUS_LAST + 1);

static gboolean
find_status (const char     *name,
             DeskPostStatus *status)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (DeskPostStatus s = 0; s <= DESK_POST_STATUS_LAST; s++)
    {
      g_autofree char *label = g_utf8_casefold (desk_post_status_to_label (s), -1);
      gboolean match = g_str_equal (folded, label);

      for (guint k = 0; k < G_N_ELEMENTS (status_names[s]) && !match; k++)
        {
          g_autofree char *known = g_utf8_casefold (status_names[s][k], -1);
          match = g_str_equal (folded, known);
        }
      if (match)
        {
          *status = s;
          return TRUE;
        }
    }
  return FALSE;
}

static void
row_error (DeskCsvRow *row,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
row_error (DeskCsvRow *row,
           const char *format,
           ...)
{
  va_list args;

  if (row->error != NULL)
    return;   /* the first problem is enough to act on */
  va_start (args, format);
  row->error = g_strdup_vprintf (format, args);
  va_end (args);
}

/**
 * desk_csv_parse:
 * @base_dir: where relative image paths start
 *
 * Reads every row of @text into a post (not saved) or an error.
 *
 * Returns: (transfer full) (element-type DeskCsvRow): one entry per row,
 *   or %NULL when the file itself cannot be read (no header…)
 */
GPtrArray *
desk_csv_parse (DeskStore   *store,
                gint64       brand_id,
                const char  *text,
                const char  *base_dir,
                GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_csv_row_free);
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GListModel) campaigns = NULL;
  const char *newline;
  int columns[N_COLS];
  Record *header;
  char delimiter;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  newline = strchr (text, '\n');
  {
    g_autofree char *first = newline ? g_strndup (text, newline - text) : g_strdup (text);
    delimiter = strchr (first, ';') != NULL && strchr (first, ',') == NULL ? ';' : ',';
  }

  records = desk_csv_split (text, delimiter, error);
  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  header = g_ptr_array_index (records, 0);
  for (int c = 0; c < N_COLS; c++)
    {
      columns[c] = -1;
      for (guint i = 0; i < header->fields->len; i++)
        {
          g_autofree char *name = g_utf8_strdown (g_strstrip ((char *) g_ptr_array_index (header->fields, i)), -1);

          for (int alias = 0; alias < 3 && column_names[c][alias] != NULL; alias++)
            if (g_str_equal (name, column_names[c][alias]))
              columns[c] = (int) i;
        }
    }
  if (columns[COL_DATE] < 0 || columns[COL_TIME] < 0 || columns[COL_TEXT] < 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           _("The first line must name the columns, at least date, time and text (also: channels, title, image, campaign, status)."));
      return NULL;
    }

  channels = desk_store_list_channels (store, brand_id, error);
  campaigns = channels ? desk_store_list_campaigns (store, brand_id, error) : NULL;
  if (campaigns == NULL)
    return NULL;

  for (guint r = 1; r < records->len; r++)
    {
      Record *record = g_ptr_array_index (records, r);
      DeskCsvRow *row = g_new0 (DeskCsvRow, 1);
      g_autofree char *date = field_at (record, columns[COL_DATE]);
      g_autofree char *time = field_at (record, columns[COL_TIME]);
      g_autofree char *channel_list = field_at (record, columns[COL_CHANNELS]);
      g_autofree char *title = field_at (record, columns[COL_TITLE]);
      g_autofree char *body = field_at (record, columns[COL_TEXT]);
      g_autofree char *image = field_at (record, columns[COL_IMAGE]);
      g_autofree char *campaign = field_at (record, columns[COL_CAMPAIGN]);
      g_autofree char *status_name = field_at (record, columns[COL_STATUS]);
      g_autoptr(GDateTime) when = NULL;
      g_autoptr(GArray) channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_auto(GStrv) names = NULL;
      DeskPostStatus status = DESK_POST_STATUS_SCHEDULED;
      gint64 campaign_id = 0;

      row->line = record->line;
      g_ptr_array_add (rows, row);

      if (body[0] == '\0' && title[0] == '\0')
        row_error (row, _("Line %u: the post has neither text nor title."), row->line);

      when = parse_when (date, time);
      if (when == NULL)
        row_error (row, _("Line %u: “%s %s” is not a date and time (YYYY-MM-DD or DD/MM/YYYY, then HH:MM)."),
                   row->line, date, time);

      names = g_regex_split_simple ("[|, ]+", channel_list, 0, 0);
      for (guint i = 0; names[i] != NULL; i++)
        {
          gint64 id;

          if (names[i][0] == '\0')
            continue;
          id = find_channel (channels, names[i]);
          if (id == 0)
            row_error (row, _("Line %u: no channel of this brand is called “%s”."), row->line, names[i]);
          else
            g_array_append_val (channel_ids, id);
        }

      if (campaign[0] != '\0' && (campaign_id = find_campaign (campaigns, campaign)) == 0)
        row_error (row, _("Line %u: no campaign of this brand is called “%s”."), row->line, campaign);

      if (status_name[0] != '\0' && !find_status (status_name, &status))
        row_error (row, _("Line %u: “%s” is not a status."), row->line, status_name);

      if (image[0] != '\0')
        {
          row->image = g_path_is_absolute (image) ? g_strdup (image) : g_build_filename (base_dir ? base_dir : ".", image, NULL);
          if (!g_file_test (row->image, G_FILE_TEST_IS_REGULAR))
            row_error (row, _("Line %u: the image “%s” cannot be found."), row->line, image);
        }

      if (row->error != NULL)
        continue;

      row->post = desk_post_new ();
      desk_post_set_brand_id (row->post, brand_id);
      desk_post_set_title (row->post, title);
      desk_post_set_body (row->post, body);
      desk_post_set_scheduled_at (row->post, when);
      desk_post_set_status (row->post, status);
      desk_post_set_campaign_id (row->post, campaign_id);
      desk_post_set_channel_ids (row->post, (const gint64 *) (gpointer) channel_ids->data, channel_ids->len);
    }

  return g_steal_pointer (&rows);
}

guint
desk_csv_count_errors (GPtrArray *rows)
{
  guint n = 0;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    n += ((DeskCsvRow *) g_ptr_array_index (rows, i))->error != NULL;
  return n;
}

typedef struct
{
  gint64     brand_id;
  GPtrArray *rows;
} Import;

static gboolean
import_cb (DeskStore  *store,
           gpointer    user_data,
           GError    **error)
{
  Import *import = user_data;

  for (guint i = 0; i < import->rows->len; i++)
    {
      DeskCsvRow *row = g_ptr_array_index (import->rows, i);
      gint64 media_id = 0;

      if (!desk_store_save_post (store, row->post, error))
        {
          g_prefix_error (error, _("Line %u: "), row->line);
          return FALSE;
        }
      if (row->image != NULL &&
          (!desk_store_add_media (store, import->brand_id, row->image, &media_id, error) ||
           !desk_store_attach_media (store, desk_post_get_id (row->post), media_id, 0, error)))
        {
          g_prefix_error (error, _("Line %u: "), row->line);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * desk_csv_import:
 * @rows: (element-type DeskCsvRow): from desk_csv_parse ()
 *
 * Saves every row in one transaction. Refuses (and saves nothing) when a
 * row has an error.
 */
gboolean
desk_csv_import (DeskStore   *store,
                 gint64       brand_id,
                 GPtrArray   *rows,
                 GError     **error)
{
  Import import = { brand_id, rows };
  guint errors = desk_csv_count_errors (rows);

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (errors > 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%u line has an error: nothing was imported.",
                                "%u lines have errors: nothing was imported.", errors), errors);
      return FALSE;
    }
  return desk_store_transaction (store, import_cb, &import, error);
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  const char *v = value ? value : "";
  /* CSV injection: a cell starting with = + - @ (or a tab or CR) is a
   * formula to a spreadsheet; OWASP's advice is an apostrophe before it, in
   * a quoted field (desk_csv_parse () takes it away again) */
  gboolean formula = looks_like_formula (v, FALSE);
  /* A quote keeps what an unquoted field would lose: spaces at its ends,
   * and a first apostrophe that desk_csv_parse () would take away */
  gboolean ends = v[0] == ' ' || v[0] == '\t' || (v[0] != '\0' && v[strlen (v) - 1] == ' ');

  if (formula || ends || strpbrk (v, ",\"\n\r;") != NULL)
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) parts = g_strsplit (v, "\"", -1);

      escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (out, formula ? "\"'%s\"" : "\"%s\"", escaped);
    }
  else
    g_string_append (out, v);
  g_string_append (out, last ? "\r\n" : ",");
}

/**
 * desk_csv_export:
 * @posts: (element-type DeskPost): the posts, in the order to write them
 *
 * Returns: (transfer full): CSV with a header, readable by desk_csv_parse ()
 */
char *
desk_csv_export (DeskStore   *store,
                 gint64       brand_id,
                 GPtrArray   *posts,
                 GError     **error)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (store, brand_id, error);
  g_autoptr(GListModel) campaigns = channels ? desk_store_list_campaigns (store, brand_id, error) : NULL;
  GString *out;

  if (campaigns == NULL)
    return NULL;

  out = g_string_new ("date,time,channels,title,text,image,campaign,status\r\n");
  for (guint i = 0; i < posts->len; i++)
    {
      DeskPost *post = g_ptr_array_index (posts, i);
      GDateTime *at = desk_post_get_scheduled_at (post);
      g_autoptr(GDateTime) local = at ? desk_time_to_local (at) : NULL;
      g_autofree char *date = local ? g_date_time_format (local, "%Y-%m-%d") : NULL;
      g_autofree char *time = local ? g_date_time_format (local, "%H:%M") : NULL;
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *image = NULL;
      const char *campaign_name = NULL;
      const gint64 *ids;
      guint n;

      ids = desk_post_get_channel_ids (post, &n);
      for (guint k = 0; k < n; k++)
        for (guint c = 0; c < g_list_model_get_n_items (channels); c++)
          {
            g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, c);
            if (desk_channel_get_id (channel) == ids[k])
              g_string_append_printf (names, "%s%s", names->len ? "|" : "", desk_channel_get_handle (channel));
          }
      for (guint c = 0; c < g_list_model_get_n_items (campaigns); c++)
        {
          g_autoptr(DeskCampaign) campaign = g_list_model_get_item (campaigns, c);
          if (desk_campaign_get_id (campaign) == desk_post_get_campaign_id (post))
            campaign_name = g_intern_string (desk_campaign_get_name (campaign));
        }
      image = desk_store_dup_first_media_path (store, desk_post_get_id (post), NULL);

      append_field (out, date, FALSE);
      append_field (out, time, FALSE);
      append_field (out, names->str, FALSE);
      append_field (out, desk_post_get_title (post), FALSE);
      append_field (out, desk_post_get_body (post), FALSE);
      append_field (out, image, FALSE);
      append_field (out, campaign_name, FALSE);
      append_field (out, desk_post_status_to_id (desk_post_get_status (post)), TRUE);
    }

  return g_string_free (out, FALSE);
}
