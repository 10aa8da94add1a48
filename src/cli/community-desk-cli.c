/* community-desk-cli.c: the command-line tool (links src/core, never GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "community-desk-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "desk-checks.h"
#include "desk-contrast.h"
#include "desk-text-count.h"
#include "desk-csv.h"
#include "desk-demo.h"
#include "desk-design.h"
#include "desk-draft.h"
#include "desk-brand.h"
#include "desk-ics.h"
#include "desk-json.h"
#include "desk-store.h"
#include "desk-time.h"
#include "desk-cli.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;   /* N_() */
} Command;

static int cmd_stats      (int argc, char **argv);
static int cmd_demo       (int argc, char **argv);
static int cmd_export_ics (int argc, char **argv);
static int cmd_import_posts (int argc, char **argv);
static int cmd_export_posts (int argc, char **argv);
static int cmd_contrast (int argc, char **argv);
static int cmd_check (int argc, char **argv);

static int cmd_render_visual (int argc, char **argv);

static const Command commands[] = {
  { "stats",      cmd_stats,      N_("Count the rows of each table of a workspace") },
  { "brands",     desk_cli_brands,   N_("List, add or archive the brands (clients) of a workspace") },
  { "channels",   desk_cli_channels, N_("List, add or remove the channels of a brand") },
  { "accounts",   desk_cli_accounts, N_("Connect a channel to its account on Mastodon, Bluesky or WordPress, list or remove accounts") },
  { "sync",       desk_cli_sync,     N_("Send what is due and bring notifications and followers in") },
  { "outbox",     desk_cli_outbox,   N_("Each send: its channel, post, state, and its link or why it failed") },
  { "import-notifications", desk_cli_import_notifications, N_("Import notifications from a JSON Lines file (all or nothing, each once)") },
  { "inbox",      desk_cli_inbox,    N_("The inbox of a brand, needs attention first, or another view or a search") },
  { "demo",       cmd_demo,       N_("Create the demo workspace in an empty database") },
  { "export-ics", cmd_export_ics, N_("Export the scheduled posts of a period as an iCalendar file") },
  { "import-posts", cmd_import_posts, N_("Import posts from a CSV file (all or nothing)") },
  { "export-posts", cmd_export_posts, N_("Export the posts of a period as a CSV file") },
  { "contrast", cmd_contrast, N_("WCAG contrast ratio of a text colour on a background colour") },
  { "check", cmd_check, N_("Check a post for each network: length, alt texts, hashtags, readability") },
  { "render-visual", cmd_render_visual, N_("Render a design (JSON) to a PNG image at its format's size") },
  { "import-metrics", desk_cli_import_metrics, N_("Import a channel's daily metrics from a CSV file (all or nothing)") },
  { "kpis", desk_cli_kpis, N_("A brand's KPIs over a period, against a comparison period") },
  { "export-report", desk_cli_export_report, N_("Write a brand's client report for a period as a PDF") },
};

/* @text with its control characters written as escapes ("\r", "\x1b"):
 * what a file or an option holds must not move the cursor or recolour the
 * terminal it is shown in. Newlines become spaces when @one_line. */
char *
desk_cli_terminal_safe (const char *text,
               gboolean    one_line)
{
  GString *out = g_string_new (NULL);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: the byte, written out */
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\n' && one_line)
        g_string_append_c (out, ' ');
      else if (c == '\n' || c == '\t')
        g_string_append_unichar (out, c);
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

int
desk_cli_fail (const char *message)
{
  g_autofree char *one_line = desk_cli_terminal_safe (message, TRUE);

  g_printerr ("community-desk-cli: %s\n", one_line);
  return 1;
}

/* Parses the options common to every subcommand plus @extra. */
gboolean
desk_cli_parse (int            *argc,
       char         ***argv,
       const char     *name,
       const char     *parameter,
       GOptionEntry   *extra,
       char          **database,
       GError        **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *summary = NULL;
  GOptionEntry common[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, database,
      N_("Workspace file (default: the user’s workspace)"), N_("PATH") },
    { NULL }
  };

  context = g_option_context_new (parameter);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      g_option_context_set_summary (context, _(commands[i].summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (*database == NULL)
    *database = desk_store_default_path ();
  return TRUE;
}

static int
cmd_stats (int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autofree char *database = NULL;
  const char * const *tables = desk_store_table_names ();

  if (!desk_cli_parse (&argc, &argv, "stats", NULL, NULL, &database, &error))
    return desk_cli_fail (error->message);
  if (argc > 1)
    return desk_cli_fail (_("stats takes no argument"));

  store = desk_store_open (database, DESK_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return desk_cli_fail (error->message);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      gint64 count = 0;

      if (!desk_store_count_rows (store, tables[i], &count, &error))
        return desk_cli_fail (error->message);
      g_print ("%-16s %" G_GINT64_FORMAT "\n", tables[i], count);
    }
  return 0;
}

static int
cmd_demo (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GListModel) brands = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autofree char *database = NULL;

  if (!desk_cli_parse (&argc, &argv, "demo", NULL, NULL, &database, &error))
    return desk_cli_fail (error->message);

  store = desk_store_open (database, DESK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return desk_cli_fail (error->message);
  brands = desk_store_list_all_brands (store, &error);
  if (brands == NULL)
    return desk_cli_fail (error->message);
  if (g_list_model_get_n_items (brands) > 0)
    return desk_cli_fail (_("the workspace already holds a brand; the demo is only created in an empty one"));
  if (!desk_demo_populate (store, NULL, DESK_DEMO_SEED, now, &error))
    return desk_cli_fail (error->message);
  g_print (_("Demo workspace created in %s\n"), database);
  return 0;
}

/* YYYY-MM-DD as local midnight */
static GDateTime *
parse_day (const char  *text,
           GError     **error)
{
  GTimeZone *local = desk_time_local_zone ();
  g_autofree char *iso = NULL;
  GDateTime *day = NULL;

  if (text != NULL && g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    {
      iso = g_strconcat (text, "T00:00:00", NULL);
      day = g_date_time_new_from_iso8601 (iso, local);
    }
  if (day == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("“%s” is not a date: use YYYY-MM-DD"), text ? text : "");
  return day;
}

/**
 * desk_cli_lookup_brand:
 *
 * The brand called @name, whatever the case and archived or not: the one
 * rule by which every command finds a brand.
 */
DeskBrand *
desk_cli_lookup_brand (DeskStore   *store,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(GListModel) brands = desk_store_list_all_brands (store, error);
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  if (brands == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (brands); i++)
    {
      g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, i);
      g_autofree char *folded = g_utf8_casefold (desk_brand_get_name (brand), -1);

      if (g_str_equal (folded, wanted))
        return g_steal_pointer (&brand);
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("no brand is called “%s”"), name);
  return NULL;
}

/* The brand called @name, or the only one when @name is NULL; its
 * timezone becomes the one the command's dates and times are read and
 * printed in (the brand's timezone is the truth, as in the app). */
gint64
desk_cli_find_brand (DeskStore   *store,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(GListModel) brands = NULL;
  guint n;

  if (name != NULL)
    {
      g_autoptr(DeskBrand) brand = desk_cli_lookup_brand (store, name, error);

      if (brand == NULL)
        return 0;
      desk_time_set_zone (desk_brand_get_timezone (brand));
      return desk_brand_get_id (brand);
    }
  if ((brands = desk_store_list_all_brands (store, error)) == NULL)
    return 0;
  n = g_list_model_get_n_items (brands);
  if (n == 1)
    {
      g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, 0);

      desk_time_set_zone (desk_brand_get_timezone (brand));
      return desk_brand_get_id (brand);
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               n == 0 ? _("the workspace has no brand") : _("the workspace has several brands: choose one with --brand"));
  return 0;
}

/* What export-ics, export-posts, kpis and export-report share: --from/--to
 * (both days included), --brand, one output FILE (when @parameter is not
 * NULL), a read-only workspace; @extra adds a command's own options. */
void
desk_cli_period_clear (DeskCliPeriod *period)
{
  g_clear_object (&period->store);
  g_clear_pointer (&period->from, g_date_time_unref);
  g_clear_pointer (&period->to, g_date_time_unref);
  g_clear_pointer (&period->output, g_free);
  g_clear_pointer (&period->from_day, g_free);
  g_clear_pointer (&period->to_day, g_free);
}

gboolean
desk_cli_parse_period (int             argc,
                       char          **argv,
                       const char     *name,
                       const char     *parameter,
                       GOptionEntry   *extra,
                       DeskCliPeriod  *period,
                       GError        **error)
{
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GArray) all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autofree char *database = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *brand_name = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day, included (YYYY-MM-DD)"), N_("DATE") },
    { "brand", 0, 0, G_OPTION_ARG_STRING, &brand_name, N_("Brand to export (needed when there are several)"), N_("NAME") },
  };

  g_array_append_vals (all, entries, G_N_ELEMENTS (entries));
  for (guint i = 0; extra != NULL && extra[i].long_name != NULL; i++)
    g_array_append_val (all, extra[i]);
  if (!desk_cli_parse (&argc, &argv, name, parameter, (GOptionEntry *) all->data, &database, error))
    return FALSE;
  if (argc != (parameter != NULL ? 2 : 1))
    {
      if (parameter != NULL)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s needs one output FILE"), name);
      else
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s takes no argument"), name);
      return FALSE;
    }
  if (from_text == NULL || to_text == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s needs --from and --to"), name);
      return FALSE;
    }
  /* The days are the brand's */
  period->store = desk_store_open (database, DESK_STORE_OPEN_READ_ONLY, error);
  if (period->store == NULL)
    return FALSE;
  period->brand_id = desk_cli_find_brand (period->store, brand_name, error);
  if (period->brand_id == 0)
    return FALSE;
  if ((period->from = parse_day (from_text, error)) == NULL || (last = parse_day (to_text, error)) == NULL)
    return FALSE;
  if (g_date_time_compare (last, period->from) < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--to is before --from"));
      return FALSE;
    }
  period->to = g_date_time_add_days (last, 1);
  period->from_day = g_strdup (from_text);
  period->to_day = g_strdup (to_text);
  period->output = parameter != NULL ? g_strdup (argv[1]) : NULL;
  return TRUE;
}

static int
cmd_export_ics (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(DeskCliPeriod) period = { 0 };
  guint n = 0;

  if (!desk_cli_parse_period (argc, argv, "export-ics", "FILE", NULL, &period, &error) ||
      !desk_ics_export_range (period.store, period.brand_id, period.from, period.to, period.output, &n, &error))
    return desk_cli_fail (error->message);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u post exported to %s\n", "%u posts exported to %s\n", n), n, period.output);
  return 0;
}

static int
cmd_import_posts (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *database = NULL;
  g_autofree char *brand_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  gboolean dry_run = FALSE;
  guint errors;
  gint64 brand_id;
  GOptionEntry entries[] = {
    { "brand", 0, 0, G_OPTION_ARG_STRING, &brand_name, N_("Brand to import into (needed when there are several)"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only check the file and show what would be created"), NULL },
    { NULL }
  };

  if (!desk_cli_parse (&argc, &argv, "import-posts", "FILE", entries, &database, &error))
    return desk_cli_fail (error->message);
  if (argc != 2)
    return desk_cli_fail (_("import-posts needs one CSV FILE"));
  if ((text = desk_csv_load (argv[1], &error)) == NULL)
    return desk_cli_fail (error->message);

  store = desk_store_open (database, DESK_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    return desk_cli_fail (error->message);
  if ((brand_id = desk_cli_find_brand (store, brand_name, &error)) == 0)
    return desk_cli_fail (error->message);

  dir = g_path_get_dirname (argv[1]);
  rows = desk_csv_parse (store, brand_id, text, dir, &error);
  if (rows == NULL)
    return desk_cli_fail (error->message);

  /* The preview: every row, good or not, with its line number */
  for (guint i = 0; i < rows->len; i++)
    {
      DeskCsvRow *row = g_ptr_array_index (rows, i);

      if (row->error != NULL)
        {
          g_autofree char *message = desk_cli_terminal_safe (row->error, TRUE);

          g_print ("%s\n", message);
        }
      else
        {
          g_autoptr(GDateTime) local = desk_time_to_local (desk_post_get_scheduled_at (row->post));
          g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
          g_autofree char *title = desk_post_dup_display_title (row->post);
          g_autofree char *safe = desk_cli_terminal_safe (title, TRUE);

          g_print (_("Line %u: %s %s\n"), row->line, when, safe);
        }
    }

  errors = desk_csv_count_errors (rows);
  if (errors > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line has an error: nothing was imported.",
                                                               "%u lines have errors: nothing was imported.", errors), errors);
      return desk_cli_fail (message);
    }
  if (dry_run)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u post would be imported.\n", "%u posts would be imported.\n", rows->len), rows->len);
      return 0;
    }
  if (!desk_csv_import (store, brand_id, rows, &error))
    return desk_cli_fail (error->message);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u post imported.\n", "%u posts imported.\n", rows->len), rows->len);
  return 0;
}

static int
cmd_export_posts (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(DeskCliPeriod) period = { 0 };
  g_autoptr(GPtrArray) posts = NULL;
  g_autofree char *csv = NULL;

  if (!desk_cli_parse_period (argc, argv, "export-posts", "FILE", NULL, &period, &error) ||
      (posts = desk_store_query_posts (period.store, period.brand_id, period.from, period.to, &error)) == NULL ||
      (csv = desk_csv_export (period.store, period.brand_id, posts, &error)) == NULL ||
      !g_file_set_contents (period.output, csv, -1, &error))
    return desk_cli_fail (error->message);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u post exported to %s\n", "%u posts exported to %s\n", posts->len),
           posts->len, period.output);
  return 0;
}

static int
cmd_contrast (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (_("FG BG"));
  gboolean json = FALSE;
  DeskColour fg, bg;
  DeskContrast c;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("WCAG contrast ratio of a text colour on a background colour"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return desk_cli_fail (error->message);
  if (argc != 3)
    return desk_cli_fail (_("contrast needs a text colour and a background colour (#rrggbb)"));
  if (!desk_colour_parse (argv[1], &fg, &error) || !desk_colour_parse (argv[2], &bg, &error))
    return desk_cli_fail (error->message);

  desk_contrast_compute (&fg, &bg, &c);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "wcag_ratio");
      json_builder_add_double_value (builder, round (c.ratio * 10000.0) / 10000.0);
      json_builder_set_member_name (builder, "aa_normal");
      json_builder_add_boolean_value (builder, c.aa_normal);
      json_builder_set_member_name (builder, "aa_large");
      json_builder_add_boolean_value (builder, c.aa_large);
      json_builder_set_member_name (builder, "aaa_normal");
      json_builder_add_boolean_value (builder, c.aaa_normal);
      json_builder_set_member_name (builder, "aaa_large");
      json_builder_add_boolean_value (builder, c.aaa_large);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      text = desk_json_to_data (root, FALSE);
      g_print ("%s\n", text);
      return 0;
    }

  /* Translators: the contrast of two colours and its WCAG verdicts */
  g_print (_("%.2f:1 — AA normal text: %s, AA large text: %s, AAA normal text: %s, AAA large text: %s\n"),
           c.ratio,
           c.aa_normal ? _("pass") : _("fail"), c.aa_large ? _("pass") : _("fail"),
           c.aaa_normal ? _("pass") : _("fail"), c.aaa_large ? _("pass") : _("fail"));
  return 0;
}

static int
cmd_check (int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) network_names = NULL;
  g_auto(GStrv) images = NULL;
  g_auto(GStrv) alts = NULL;
  g_auto(GStrv) visuals = NULL;
  g_autofree char *text = NULL;
  g_autofree char *database = NULL;
  g_autoptr(DeskDraft) draft = NULL;
  g_autoptr(GPtrArray) designs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) networks = g_array_new (FALSE, FALSE, sizeof (DeskNetwork));
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *language = NULL;
  gint64 post_id = 0;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "network", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &network_names, N_("A network to check for (repeat it): mastodon, bluesky, wordpress, x, instagram, facebook, linkedin, threads, tiktok, youtube, pinterest, other"), N_("NET") },
    { "text", 't', 0, G_OPTION_ARG_STRING, &text, N_("The post's text"), N_("TEXT") },
    { "post", 'p', 0, G_OPTION_ARG_INT64, &post_id, N_("A post of the workspace, with its channels and images"), N_("ID") },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Workspace file (default: the user’s workspace)"), N_("PATH") },
    { "image", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &images, N_("An image of the post (repeat it, each with its --alt)"), N_("FILE") },
    { "alt", 0, 0, G_OPTION_ARG_STRING_ARRAY, &alts, N_("The alt text of the --image before it"), N_("TEXT") },
    { "visual", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &visuals, N_("A design (JSON) whose contrast to measure on its rendered pixels"), N_("DESIGN.json") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language, N_("The post’s language, whose dictionary splits hashtags first: fr (default) or en"), N_("LANG") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Check a post for each network: length, alt texts, hashtags, readability"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return desk_cli_fail (error->message);
  if (text != NULL && post_id != 0)
    return desk_cli_fail (_("check needs either --text or --post"));
  if (text == NULL && post_id == 0 && visuals == NULL)
    return desk_cli_fail (_("check needs --text, --post or --visual"));
  if (text == NULL && post_id == 0)
    text = g_strdup ("");
  if (language != NULL && !g_str_equal (language, "fr") && !g_str_equal (language, "en"))
    {
      g_autofree char *message = g_strdup_printf (_("unknown language “%s”: use fr or en"), language);
      return desk_cli_fail (message);
    }

  for (guint i = 0; network_names != NULL && network_names[i] != NULL; i++)
    {
      DeskNetwork network;

      if (!desk_network_from_id (network_names[i], &network))
        {
          g_autofree char *message = g_strdup_printf (_("unknown network “%s”"), network_names[i]);
          return desk_cli_fail (message);
        }
      g_array_append_val (networks, network);
    }

  /* The post as it goes out: the same draft the editor checks */
  if (post_id != 0)
    {
      g_autoptr(DeskStore) store = NULL;

      if (database == NULL)
        database = desk_store_default_path ();
      store = desk_store_open (database, DESK_STORE_OPEN_READ_ONLY, &error);
      if (store == NULL || (draft = desk_draft_load (store, post_id, &error)) == NULL)
        return desk_cli_fail (error->message);
      /* --network replaces the post's own channels */
      if (networks->len > 0)
        desk_draft_clear_targets (draft);
    }
  else
    {
      draft = desk_draft_new ();
      desk_draft_set_text (draft, text);
    }
  /* A post of the workspace is in its brand's language, unless told */
  if (language != NULL || post_id == 0)
    desk_draft_set_language (draft, language != NULL ? language : "fr");

  for (guint i = 0; images != NULL && images[i] != NULL; i++)
    {
      if (!g_file_test (images[i], G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *message = g_strdup_printf (_("the image “%s” cannot be found"), images[i]);
          return desk_cli_fail (message);
        }
      desk_draft_add_alt (draft, alts != NULL && i < g_strv_length (alts) ? alts[i] : "");
    }

  if (networks->len == 0 && desk_draft_get_n_targets (draft) == 0)
    {
      DeskNetwork all[] = { DESK_NETWORK_MASTODON, DESK_NETWORK_BLUESKY };
      g_array_append_vals (networks, all, G_N_ELEMENTS (all));
    }
  for (guint i = 0; i < networks->len; i++)
    desk_draft_add_network (draft, g_array_index (networks, DeskNetwork, i));

  for (guint i = 0; i < desk_draft_get_designs (draft)->len; i++)
    g_ptr_array_add (designs, g_object_ref (g_ptr_array_index (desk_draft_get_designs (draft), i)));
  for (guint i = 0; visuals != NULL && visuals[i] != NULL; i++)
    {
      DeskDesign *design = desk_design_load (visuals[i], &error);

      if (design == NULL)
        return desk_cli_fail (error->message);
      g_ptr_array_add (designs, design);
    }

  findings = desk_draft_check (draft);
  for (guint i = 0; i < designs->len; i++)
    {
      g_autoptr(GPtrArray) visual = desk_design_check (g_ptr_array_index (designs, i), desk_draft_get_palette (draft));

      for (guint k = 0; k < visual->len; k++)
        {
          DeskFinding *f = g_ptr_array_steal_index (visual, k--);

          if (designs->len > 1)
            {
              /* Translators: a text layer of one of several visuals */
              char *target = g_strdup_printf (_("visual %u, text layer %d"), i + 1, f->index + 1);

              g_free (f->target);
              f->target = target;
            }
          g_ptr_array_add (findings, f);
        }
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *out = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_array (builder);
      for (guint i = 0; i < desk_draft_get_n_targets (draft); i++)
        {
          DeskNetwork network = desk_draft_get_target_network (draft, i);
          g_autofree char *published = desk_draft_dup_target_text (draft, i);
          DeskTextCount count;

          desk_text_count (network, published, &count);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "network");
          json_builder_add_string_value (builder, desk_network_to_id (network));
          json_builder_set_member_name (builder, "length");
          json_builder_add_int_value (builder, count.length);
          json_builder_set_member_name (builder, "limit");
          json_builder_add_int_value (builder, count.limit);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        {
          DeskFinding *f = g_ptr_array_index (findings, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, f->id);
          json_builder_set_member_name (builder, "severity");
          json_builder_add_string_value (builder, desk_severity_to_id (f->severity));
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, f->message);
          json_builder_set_member_name (builder, "target");
          json_builder_add_string_value (builder, f->target);
          json_builder_set_member_name (builder, "fix");
          if (f->fix != NULL)
            json_builder_add_string_value (builder, f->fix);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      out = desk_json_to_data (root, FALSE);
      g_print ("%s\n", out);
    }
  else
    {
      for (guint i = 0; i < desk_draft_get_n_targets (draft); i++)
        {
          DeskNetwork network = desk_draft_get_target_network (draft, i);
          g_autofree char *published = desk_draft_dup_target_text (draft, i);
          DeskTextCount count;

          desk_text_count (network, published, &count);
          g_print ("%-10s %u/%u\n", desk_network_to_id (network), count.length, count.limit);
        }
      for (guint i = 0; i < findings->len; i++)
        {
          DeskFinding *f = g_ptr_array_index (findings, i);
          g_autofree char *message = desk_cli_terminal_safe (f->message, TRUE);
          g_autofree char *fix = desk_cli_terminal_safe (f->fix, FALSE);

          g_print ("%s %s (%s): %s\n", desk_severity_to_id (f->severity), f->id, f->target, message);
          if (f->fix != NULL)
            /* Translators: the corrected text a finding proposes */
            g_print ("  %s %s\n", _("fix:"), fix);
        }
    }

  return desk_checks_have_blocking (findings) ? 1 : 0;
}

static int
cmd_render_visual (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (_("DESIGN.json OUT.png"));
  g_autoptr(DeskDesign) design = NULL;
  GOptionEntry entries[] = { { NULL } };

  g_option_context_set_summary (context, _("Render a design (JSON) to a PNG image at its format's size"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return desk_cli_fail (error->message);
  if (argc != 3)
    return desk_cli_fail (_("render-visual needs a design file and an output file"));
  design = desk_design_load (argv[1], &error);
  if (design == NULL || !desk_design_export_png (design, argv[2], &error))
    return desk_cli_fail (error->message);
  return 0;
}

static void
usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: community-desk-cli COMMAND [OPTION…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “community-desk-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      usage (stderr);
      return 2;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      usage (stdout);
      return 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("community-desk-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”; see --help"), argv[1]);
    return desk_cli_fail (message);
  }
}
