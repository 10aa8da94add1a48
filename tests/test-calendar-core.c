/* test-calendar-core.c: French holidays and the iCalendar export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-holidays.h"
#include "desk-post.h"
#include "desk-cadence.h"
#include "desk-checks.h"
#include "desk-contrast.h"
#include "desk-slots.h"
#include "desk-text-count.h"
#include "desk-ics.h"
#include "desk-post-filter.h"
#include "desk-channel.h"
#include "desk-time.h"

static void
assert_holiday (guint       year,
                GDateMonth  month,
                GDateDay    day,
                gboolean    expected)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  if (expected)
    g_assert_nonnull (desk_holidays_fr_name (&date));
  else
    g_assert_null (desk_holidays_fr_name (&date));
}

static void
test_easter (void)
{
  /* Published dates of Easter Sunday */
  static const struct { guint year; GDateMonth month; GDateDay day; } known[] = {
    { 2000, G_DATE_APRIL, 23 }, { 2008, G_DATE_MARCH, 23 }, { 2011, G_DATE_APRIL, 24 },
    { 2019, G_DATE_APRIL, 21 }, { 2024, G_DATE_MARCH, 31 }, { 2025, G_DATE_APRIL, 20 },
    { 2026, G_DATE_APRIL, 5 }, { 2027, G_DATE_MARCH, 28 }, { 2038, G_DATE_APRIL, 25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      GDate easter;

      desk_holidays_easter_sunday (known[i].year, &easter);
      g_assert_cmpint (g_date_get_month (&easter), ==, known[i].month);
      g_assert_cmpint (g_date_get_day (&easter), ==, known[i].day);
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
    }
}

static void
test_holidays_2026_2027 (void)
{
  g_autoptr(GArray) y2026 = desk_holidays_fr_list (2026);
  g_autoptr(GArray) y2027 = desk_holidays_fr_list (2027);

  g_assert_cmpuint (y2026->len, ==, 11);
  g_assert_cmpuint (y2027->len, ==, 11);

  /* 2026: Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May */
  assert_holiday (2026, G_DATE_JANUARY, 1, TRUE);
  assert_holiday (2026, G_DATE_APRIL, 6, TRUE);
  assert_holiday (2026, G_DATE_APRIL, 5, FALSE);   /* Easter Sunday is a Sunday, not a holiday of its own */
  assert_holiday (2026, G_DATE_MAY, 1, TRUE);
  assert_holiday (2026, G_DATE_MAY, 8, TRUE);
  assert_holiday (2026, G_DATE_MAY, 14, TRUE);
  assert_holiday (2026, G_DATE_MAY, 25, TRUE);
  assert_holiday (2026, G_DATE_JULY, 14, TRUE);
  assert_holiday (2026, G_DATE_AUGUST, 15, TRUE);
  assert_holiday (2026, G_DATE_NOVEMBER, 1, TRUE);
  assert_holiday (2026, G_DATE_NOVEMBER, 11, TRUE);
  assert_holiday (2026, G_DATE_DECEMBER, 25, TRUE);
  assert_holiday (2026, G_DATE_DECEMBER, 26, FALSE);
  assert_holiday (2026, G_DATE_NOVEMBER, 23, FALSE);

  /* 2027: Easter Monday 29 March, Ascension 6 May, Whit Monday 17 May */
  assert_holiday (2027, G_DATE_MARCH, 29, TRUE);
  assert_holiday (2027, G_DATE_MAY, 6, TRUE);
  assert_holiday (2027, G_DATE_MAY, 17, TRUE);
  assert_holiday (2027, G_DATE_MAY, 14, FALSE);
  assert_holiday (2027, G_DATE_APRIL, 6, FALSE);

  /* Sorted */
  for (guint i = 1; i < y2027->len; i++)
    g_assert_cmpint (g_date_compare (&g_array_index (y2027, GDate, i - 1), &g_array_index (y2027, GDate, i)), <, 0);
  g_assert_cmpint (g_date_get_month (&g_array_index (y2027, GDate, 1)), ==, G_DATE_MARCH);
}

static void
test_ics_escape (void)
{
  g_autofree char *escaped = desk_ics_escape_text ("Soldes ; -20 %, vite !\r\nLigne 2 \\ fin");

  g_assert_cmpstr (escaped, ==, "Soldes \\; -20 %\\, vite !\\nLigne 2 \\\\ fin");
}

static void
test_ics_fold (void)
{
  /* 3-byte and 4-byte characters around the 75-octet boundary */
  g_autoptr(GString) line = g_string_new ("DESCRIPTION:");
  g_autofree char *folded = NULL;
  g_auto(GStrv) physical = NULL;
  g_autoptr(GString) unfolded = g_string_new (NULL);

  for (int i = 0; i < 60; i++)
    g_string_append (line, i % 3 == 0 ? "é" : i % 3 == 1 ? "🥐" : "’");
  folded = desk_ics_fold_line (line->str);

  g_assert_true (g_str_has_suffix (folded, "\r\n"));
  physical = g_strsplit (folded, "\r\n", -1);
  for (guint i = 0; physical[i] != NULL && physical[i][0] != '\0'; i++)
    {
      g_assert_cmpuint (strlen (physical[i]), <=, 75);
      g_assert_true (g_utf8_validate (physical[i], -1, NULL));
      if (i > 0)
        {
          g_assert_cmpint (physical[i][0], ==, ' ');
          g_string_append (unfolded, physical[i] + 1);
        }
      else
        g_string_append (unfolded, physical[i]);
    }
  g_assert_cmpuint (g_strv_length (physical), >, 3);
  g_assert_cmpstr (unfolded->str, ==, line->str);

  /* A short line is left alone. */
  {
    g_autofree char *short_line = desk_ics_fold_line ("VERSION:2.0");
    g_assert_cmpstr (short_line, ==, "VERSION:2.0\r\n");
  }
}

static void
test_filter (void)
{
  DeskPostFilter filter;
  g_autoptr(DeskPost) post = desk_post_new ();
  gint64 channels[] = { 3, 7 };
  gint64 other = 9;

  desk_post_set_channel_ids (post, channels, 2);
  desk_post_set_campaign_id (post, 4);
  desk_post_set_status (post, DESK_POST_STATUS_IN_REVIEW);
  desk_post_set_pillar (post, "Coulisses");

  desk_post_filter_init (&filter);
  g_assert_true (desk_post_filter_is_empty (&filter));
  g_assert_true (desk_post_filter_matches (&filter, post));

  /* Channels: any of the chosen ones */
  g_array_append_val (filter.channel_ids, other);
  g_assert_false (desk_post_filter_matches (&filter, post));
  g_array_append_val (filter.channel_ids, channels[1]);
  g_assert_true (desk_post_filter_matches (&filter, post));

  /* Status mask */
  filter.status_mask = 1u << DESK_POST_STATUS_SCHEDULED;
  g_assert_false (desk_post_filter_matches (&filter, post));
  filter.status_mask |= 1u << DESK_POST_STATUS_IN_REVIEW;
  g_assert_true (desk_post_filter_matches (&filter, post));

  /* Campaign and pillar */
  filter.campaign_id = 5;
  g_assert_false (desk_post_filter_matches (&filter, post));
  filter.campaign_id = 4;
  filter.pillar = g_strdup ("Produits");
  g_assert_false (desk_post_filter_matches (&filter, post));
  g_free (filter.pillar);
  filter.pillar = g_strdup ("Coulisses");
  g_assert_true (desk_post_filter_matches (&filter, post));
  g_assert_false (desk_post_filter_is_empty (&filter));

  desk_post_filter_clear (&filter);
}

static DeskPost *
post_on (const gint64   *channels,
         guint           n,
         DeskPostStatus  status)
{
  DeskPost *post = desk_post_new ();

  desk_post_set_channel_ids (post, channels, n);
  desk_post_set_status (post, status);
  return post;
}

static void
test_cadence (void)
{
  g_autoptr(GHashTable) channels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) day = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) warnings = NULL;
  gint64 a = 1, b = 2, c = 3;
  gint64 ab[] = { 1, 2 };

  for (gint64 id = 1; id <= 3; id++)
    {
      gint64 *key = g_new (gint64, 1);
      *key = id;
      /* a: 1 a day, b: 2 a day, c: no limit */
      g_hash_table_insert (channels, key, g_object_new (DESK_TYPE_CHANNEL, "id", id,
                                                        "cadence", id == 1 ? 1u : id == 2 ? 2u : 0u, NULL));
    }

  g_ptr_array_add (day, post_on (ab, 2, DESK_POST_STATUS_SCHEDULED));
  g_ptr_array_add (day, post_on (&b, 1, DESK_POST_STATUS_DRAFT));
  g_ptr_array_add (day, post_on (&c, 1, DESK_POST_STATUS_SCHEDULED));
  g_ptr_array_add (day, post_on (&c, 1, DESK_POST_STATUS_SCHEDULED));
  warnings = desk_cadence_check (day, channels);
  g_assert_cmpuint (warnings->len, ==, 0);   /* a: 1/1, b: 2/2, c: unlimited */
  g_clear_pointer (&warnings, g_array_unref);

  g_ptr_array_add (day, post_on (&a, 1, DESK_POST_STATUS_PUBLISHED));
  g_ptr_array_add (day, post_on (&b, 1, DESK_POST_STATUS_IN_REVIEW));
  g_ptr_array_add (day, post_on (&a, 1, DESK_POST_STATUS_IDEA));   /* ideas do not count */
  warnings = desk_cadence_check (day, channels);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpint (g_array_index (warnings, DeskCadenceWarning, 0).channel_id, ==, 1);
  g_assert_cmpuint (g_array_index (warnings, DeskCadenceWarning, 0).count, ==, 2);
  g_assert_cmpuint (g_array_index (warnings, DeskCadenceWarning, 0).limit, ==, 1);
  g_assert_cmpint (g_array_index (warnings, DeskCadenceWarning, 1).channel_id, ==, 2);
  g_assert_cmpuint (g_array_index (warnings, DeskCadenceWarning, 1).count, ==, 3);
}

static void
test_slots (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) slots = desk_slots_parse ("lun mer ven 09:30; Tue 18h00", &error);
  g_autoptr(GArray) bad = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *tz = g_strdup (g_getenv ("TZ"));

  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 4);
  g_assert_cmpuint (g_array_index (slots, DeskSlot, 0).weekday, ==, 1);
  g_assert_cmpuint (g_array_index (slots, DeskSlot, 1).weekday, ==, 2);
  g_assert_cmpuint (g_array_index (slots, DeskSlot, 1).hour, ==, 18);
  stored = desk_slots_to_string (slots);
  g_assert_cmpstr (stored, ==, "mon 09:30, tue 18:00, wed 09:30, fri 09:30");

  bad = desk_slots_parse ("mon 09:30, someday 10:00", &error);
  g_assert_null (bad);
  g_assert_nonnull (strstr (error->message, "someday"));
  g_clear_error (&error);
  g_assert_null (desk_slots_parse ("wed", &error));
  g_clear_error (&error);
  g_assert_null (desk_slots_parse ("wed 25:00", &error));
  g_clear_error (&error);

  g_setenv ("TZ", "Europe/Paris", TRUE);
  tzset ();
  {
    g_autoptr(GArray) queue = desk_slots_parse ("mon wed 09:30", NULL);
    g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
    g_autoptr(GDateTime) next = desk_slots_next_free (queue, monday, NULL);
    g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
    g_autoptr(GDateTime) after_taken = NULL;
    g_autoptr(GDateTime) before_dst = g_date_time_new_local (2026, 10, 21, 10, 0, 0);
    g_autoptr(GDateTime) across = NULL;

    /* Monday 09:30 has passed: Wednesday */
    g_assert_cmpint (g_date_time_get_day_of_month (next), ==, 25);
    g_assert_cmpint (g_date_time_get_hour (next), ==, 9);
    g_assert_cmpint (g_date_time_get_minute (next), ==, 30);

    /* Taken: the Monday after */
    g_ptr_array_add (taken, g_date_time_ref (next));
    after_taken = desk_slots_next_free (queue, monday, taken);
    g_assert_cmpint (g_date_time_get_day_of_month (after_taken), ==, 30);

    /* From Wednesday 21 October after 09:30, across the end of summer
     * time (25 October): Monday 26, still 09:30 local */
    across = desk_slots_next_free (queue, before_dst, NULL);
    g_assert_cmpint (g_date_time_get_day_of_month (across), ==, 26);
    g_assert_cmpint (g_date_time_get_hour (across), ==, 9);
    g_assert_cmpint (g_date_time_get_utc_offset (across) / G_TIME_SPAN_HOUR, ==, 1);

    g_assert_null (desk_slots_next_free (NULL, monday, NULL));
  }
  if (tz)
    g_setenv ("TZ", tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

static void
test_contrast (void)
{
  /* Published vectors (WCAG, a11y spec) */
  static const struct { const char *fg, *bg; double ratio; gboolean aa_normal, aa_large; } vectors[] = {
    { "#000000", "#ffffff", 21.0, TRUE, TRUE },
    { "#777777", "#ffffff", 4.4781, FALSE, TRUE },
    { "#767676", "#FFFFFF", 4.5422, TRUE, TRUE },
    { "#333", "#fff", 12.6347, TRUE, TRUE },
    { "#ffffff", "#ffffff", 1.0, FALSE, FALSE },
  };
  g_autoptr(GError) error = NULL;
  DeskColour colour;

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      DeskColour fg, bg;
      DeskContrast c, swapped;

      g_assert_true (desk_colour_parse (vectors[i].fg, &fg, NULL));
      g_assert_true (desk_colour_parse (vectors[i].bg, &bg, NULL));
      desk_contrast_compute (&fg, &bg, &c);
      desk_contrast_compute (&bg, &fg, &swapped);
      g_assert_cmpfloat_with_epsilon (c.ratio, vectors[i].ratio, 0.00005);
      g_assert_cmpfloat (c.ratio, ==, swapped.ratio);
      g_assert_cmpint (c.aa_normal, ==, vectors[i].aa_normal);
      g_assert_cmpint (c.aa_large, ==, vectors[i].aa_large);
    }

  /* Verdicts on the unrounded ratio: #959595 on white is 2.99…, not 3 */
  {
    DeskColour fg, bg;
    DeskContrast c;

    desk_colour_parse ("#959595", &fg, NULL);
    desk_colour_parse ("#ffffff", &bg, NULL);
    desk_contrast_compute (&fg, &bg, &c);
    g_assert_cmpfloat (c.ratio, <, 3.0);
    g_assert_cmpfloat (c.ratio, >, 2.99);
    g_assert_false (c.aa_large);
  }

  g_assert_false (desk_colour_parse ("#12345", &colour, &error));
  g_assert_nonnull (error);
  g_assert_false (desk_colour_parse ("pas une couleur", &colour, NULL));
}

static guint
count (DeskNetwork network,
       const char *text)
{
  DeskTextCount c;

  desk_text_count (network, text, &c);
  return c.length;
}

static void
test_text_count (void)
{
  static const char *long_url = "https://www.fournil-des-halles.fr/blog/2026/11/pain-au-levain-bio-des-halles-de-lyon";
  g_autofree char *visit = g_strconcat ("Visitez ", long_url, NULL);
  g_autofree char *a280 = g_strnfill (280, 'a');
  g_autofree char *a281 = g_strnfill (281, 'a');
  const char *family = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6";
  const char *flag = "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7";          /* 🇫🇷 */
  const char *decomposed = "e\xcc\x81t\xc3\xa9";                         /* é (e + U+0301), té */
  DeskTextCount c;

  /* Mastodon: a URL is 23, @user@domain is @user (spec example: 31) */
  g_assert_cmpuint (count (DESK_NETWORK_MASTODON, visit), ==, 31);
  g_assert_cmpuint (count (DESK_NETWORK_MASTODON, "@alice@piaille.fr bonjour"), ==, 14);
  g_assert_cmpuint (count (DESK_NETWORK_MASTODON, "Écrivez à contact@fournil.fr"), ==, 28);

  /* Bluesky: graphemes, and bytes */
  g_assert_cmpuint (count (DESK_NETWORK_BLUESKY, family), ==, 1);
  desk_text_count (DESK_NETWORK_BLUESKY, family, &c);
  g_assert_cmpuint (c.bytes, ==, 25);
  g_assert_cmpuint (count (DESK_NETWORK_BLUESKY, flag), ==, 1);
  g_assert_cmpuint (count (DESK_NETWORK_BLUESKY, decomposed), ==, 3);
  g_assert_cmpuint (desk_text_graphemes (""), ==, 0);

  /* X: weighted */
  g_assert_cmpuint (count (DESK_NETWORK_X, "\xe3\x81\x93\xe3\x82\x93\xe3\x81\xab\xe3\x81\xa1\xe3\x81\xaf"), ==, 10);  /* こんにちは */
  g_assert_cmpuint (count (DESK_NETWORK_X, long_url), ==, 23);
  g_assert_cmpuint (count (DESK_NETWORK_X, family), ==, 2);
  g_assert_cmpuint (count (DESK_NETWORK_X, flag), ==, 2);
  g_assert_cmpuint (count (DESK_NETWORK_X, decomposed), ==, 3);   /* NFC: ét… é t é */

  /* Where the limit is passed */
  desk_text_count (DESK_NETWORK_X, a280, &c);
  g_assert_cmpuint (c.length, ==, 280);
  g_assert_cmpint (c.overflow_offset, ==, -1);
  desk_text_count (DESK_NETWORK_X, a281, &c);
  g_assert_cmpint (c.overflow_offset, ==, 280);
  g_assert_cmpuint (desk_network_rules (DESK_NETWORK_INSTAGRAM)->max_hashtags, ==, 5);
  g_assert_cmpuint (desk_network_rules (DESK_NETWORK_MASTODON)->limit, ==, 500);
}

static const DeskFinding *
find_finding (GPtrArray  *findings,
              const char *id)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((DeskFinding *) g_ptr_array_index (findings, i))->id, id))
      return g_ptr_array_index (findings, i);
  return NULL;
}

static GPtrArray *
run_checks (const char  *text,
            const char **alts,
            DeskNetwork  network,
            const char  *language)
{
  g_autoptr(GPtrArray) alt_list = g_ptr_array_new ();
  g_autoptr(GArray) networks = g_array_new (FALSE, FALSE, sizeof (DeskNetwork));
  DeskCheckInput input = { text, alt_list, networks, language };

  for (guint i = 0; alts != NULL && alts[i] != NULL; i++)
    g_ptr_array_add (alt_list, (gpointer) alts[i]);
  g_array_append_val (networks, network);
  return desk_checks_run (&input);
}

static void
test_checks (void)
{
  const char *alt_cases[] = { "", "IMG_2024.JPG", "Photo de croissants dorés sur une grille", "Croissants",
                              "Nos croissants sortent du four", NULL };
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) clean = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autofree char *long_alt = g_strnfill (1600, 'x');
  const char *too_long_alt[] = { long_alt, NULL };
  const DeskFinding *f;

  findings = run_checks ("Nos croissants sortent du four", alt_cases, DESK_NETWORK_MASTODON, "fr");
  g_assert_true (desk_checks_have_blocking (findings));
  f = find_finding (findings, "alt-missing");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->target, ==, "image 1");
  g_assert_cmpint (f->severity, ==, DESK_SEVERITY_BLOCKING);
  g_assert_cmpstr (find_finding (findings, "alt-filename")->target, ==, "image 2");
  f = find_finding (findings, "alt-generic");
  g_assert_cmpstr (f->target, ==, "image 3");
  g_assert_cmpstr (f->fix, ==, "Croissants dorés sur une grille");
  g_assert_nonnull (find_finding (findings, "alt-too-short"));
  g_assert_cmpstr (find_finding (findings, "alt-redundant")->target, ==, "image 5");
  /* Blocking findings come first */
  g_assert_cmpint (((DeskFinding *) g_ptr_array_index (findings, 0))->severity, ==, DESK_SEVERITY_BLOCKING);

  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = run_checks ("Bonjour", too_long_alt, DESK_NETWORK_MASTODON, NULL);
  g_assert_nonnull (find_finding (findings, "alt-too-long"));

  /* "Annual report.pdf" and "NASA/JPL" are not file names (spec) */
  {
    const char *fine[] = { "Annual report.pdf du fournil, page de garde", "Logo NASA/JPL sur fond noir", NULL };
    clean = run_checks ("Rapport", fine, DESK_NETWORK_MASTODON, NULL);
    g_assert_null (find_finding (clean, "alt-filename"));
  }

  /* Hashtags: CamelCase from the dictionaries (the French post's tag
   * is English); too many for Instagram */
  tags = run_checks ("#communitymanager #BoulangerieArtisanale #boulangerieartisanale #a #b #c",
                     NULL, DESK_NETWORK_INSTAGRAM, "fr");
  f = find_finding (tags, "hashtag-camelcase");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->target, ==, "#communitymanager");
  g_assert_cmpstr (f->fix, ==, "#CommunityManager");
  g_assert_nonnull (find_finding (tags, "hashtag-too-many"));

  /* Fancy Unicode, with its plain fix; text too long; all caps; link text */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = run_checks ("\xf0\x9d\x90\x81\xf0\x9d\x90\xa8\xf0\x9d\x90\xa7\xf0\x9d\x90\xa3\xf0\x9d\x90\xa8\xf0\x9d\x90\xae\xf0\x9d\x90\xab !",
                         NULL, DESK_NETWORK_BLUESKY, NULL);   /* 𝐁𝐨𝐧𝐣𝐨𝐮𝐫 */
  f = find_finding (findings, "fancy-unicode");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->fix, ==, "Bonjour !");
  g_clear_pointer (&findings, g_ptr_array_unref);
  {
    g_autofree char *a501 = g_strnfill (501, 'a');
    findings = run_checks (a501, NULL, DESK_NETWORK_MASTODON, NULL);
    g_assert_nonnull (find_finding (findings, "text-too-long"));
  }
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = run_checks ("GRANDE OUVERTURE CE SAMEDI ! Cliquez ici : https://example.org", NULL, DESK_NETWORK_MASTODON, NULL);
  g_assert_nonnull (find_finding (findings, "all-caps"));
  g_assert_nonnull (find_finding (findings, "link-text"));
  g_assert_false (desk_checks_have_blocking (findings));
}

/* Views skip a post whose revision has not moved: every change moves it,
 * setting a field to what it holds does not */
/* Cards show the status by a mark as well as a colour: one character,
 * a different one per status */
static void
test_status_marks (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (DeskPostStatus s = 0; s <= DESK_POST_STATUS_LAST; s++)
    {
      const char *mark = desk_post_status_to_mark (s);

      g_assert_true (g_utf8_validate (mark, -1, NULL));
      g_assert_cmpint (g_utf8_strlen (mark, -1), ==, 1);
      /* Not an emoji: drawn in the text's colour with the card's font */
      g_assert_false (g_unichar_iswide (g_utf8_get_char (mark)));
      g_assert_false (g_hash_table_contains (seen, mark));
      g_hash_table_add (seen, (gpointer) mark);
    }
}

static void
test_post_revision (void)
{
  g_autoptr(DeskPost) post = desk_post_new ();
  g_autoptr(DeskPost) other = desk_post_new ();
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 12, 1, 9, 0, 0);
  gint64 channels[] = { 3, 1 };
  guint r = desk_post_get_revision (post);

#define MOVES(call) G_STMT_START { call; g_assert_cmpuint (desk_post_get_revision (post), !=, r); \
                                   r = desk_post_get_revision (post); call; \
                                   g_assert_cmpuint (desk_post_get_revision (post), ==, r); } G_STMT_END
  MOVES (desk_post_set_title (post, "Titre"));
  MOVES (desk_post_set_body (post, "Texte"));
  MOVES (desk_post_set_status (post, DESK_POST_STATUS_IN_REVIEW));
  MOVES (desk_post_set_scheduled_at (post, at));
  MOVES (desk_post_set_campaign_id (post, 7));
  MOVES (desk_post_set_pillar (post, "Coulisses"));
  MOVES (desk_post_set_notes (post, "Note"));
  MOVES (desk_post_set_channel_ids (post, channels, 2));
#undef MOVES

  /* Assigning an equal post changes nothing; a different one does */
  desk_post_assign (other, post);
  desk_post_assign (post, other);
  g_assert_cmpuint (desk_post_get_revision (post), ==, r);
  desk_post_set_title (other, "Autre titre");
  desk_post_assign (post, other);
  g_assert_cmpuint (desk_post_get_revision (post), !=, r);
}

static void
assert_default_time (GDateTime  *day,
                     const char *now_iso,
                     const char *expected)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (now_iso, desk_time_local_zone ());
  g_autoptr(GDateTime) at = desk_time_default_post_time (day, now, 9, 30);
  g_autofree char *text = g_date_time_format (at, "%Y-%m-%d %H:%M");

  g_assert_cmpstr (text, ==, expected);
}

/* A new post never starts at a time already gone, silently */
static void
test_default_post_time (void)
{
  g_autoptr(GDateTime) monday = desk_time_new_local (2026, 11, 23, 0, 0, 0);
  g_autoptr(GDateTime) friday = desk_time_new_local (2026, 11, 27, 15, 0, 0);
  g_autoptr(GDateTime) last_week = desk_time_new_local (2026, 11, 16, 0, 0, 0);

  /* Before the default time: the default time */
  assert_default_time (NULL, "2026-11-23T08:00:00", "2026-11-23 09:30");
  assert_default_time (monday, "2026-11-23T09:29:59", "2026-11-23 09:30");
  /* Past it, today: the next quarter hour at least 5 minutes ahead */
  assert_default_time (NULL, "2026-11-23T10:00:00", "2026-11-23 10:15");
  assert_default_time (monday, "2026-11-23T10:07:00", "2026-11-23 10:15");
  assert_default_time (monday, "2026-11-23T10:10:00", "2026-11-23 10:15");
  assert_default_time (monday, "2026-11-23T10:10:30", "2026-11-23 10:30");
  assert_default_time (monday, "2026-11-23T10:11:00", "2026-11-23 10:30");
  /* Late at night: tomorrow's first quarter */
  assert_default_time (NULL, "2026-11-23T23:56:00", "2026-11-24 00:15");
  /* Another day ahead: its default time, whatever the hour now */
  assert_default_time (friday, "2026-11-23T22:00:00", "2026-11-27 09:30");
  /* A day gone by, chosen on purpose: kept (the editor warns) */
  assert_default_time (last_week, "2026-11-23T10:00:00", "2026-11-16 09:30");
}

/* The first day of the week comes from the locale, for the grid, the week
 * and every date picker alike (glibc's LC_TIME "week" and "first_weekday") */
static void
test_first_weekday (void)
{
  const char *before = setlocale (LC_TIME, NULL);
  g_autofree char *saved = g_strdup (before);

  /* en_US and C: week 7;19971130, first_weekday 1 → Sunday */
  g_assert_cmpint (_desk_time_week_start_from_langinfo (1, 19971130), ==, 0);
  /* fr_FR and en_GB: week 7;19971130, first_weekday 2 → Monday */
  g_assert_cmpint (_desk_time_week_start_from_langinfo (2, 19971130), ==, 1);
  /* A Monday origin counted from its first day → Monday */
  g_assert_cmpint (_desk_time_week_start_from_langinfo (1, 19971201), ==, 1);
  /* ar_EG-style Saturday start; nonsense falls back to Monday */
  g_assert_cmpint (_desk_time_week_start_from_langinfo (7, 19971130), ==, 6);
  g_assert_cmpint (_desk_time_week_start_from_langinfo (0, 0), ==, 1);

  /* With the real locales, when the machine has them (locales-all) */
  if (setlocale (LC_TIME, "en_US.UTF-8") != NULL)
    g_assert_cmpint (desk_time_first_weekday (), ==, 0);
  else
    g_test_message ("en_US.UTF-8 missing: not checked against glibc");
  if (setlocale (LC_TIME, "fr_FR.UTF-8") != NULL)
    g_assert_cmpint (desk_time_first_weekday (), ==, 1);
  setlocale (LC_TIME, saved);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/easter", test_easter);
  g_test_add_func ("/calendar/post-revision", test_post_revision);
  g_test_add_func ("/calendar/status-marks", test_status_marks);
  g_test_add_func ("/calendar/holidays-fr", test_holidays_2026_2027);
  g_test_add_func ("/calendar/ics-escape", test_ics_escape);
  g_test_add_func ("/calendar/ics-fold", test_ics_fold);
  g_test_add_func ("/calendar/filter", test_filter);
  g_test_add_func ("/calendar/cadence", test_cadence);
  g_test_add_func ("/calendar/slots", test_slots);
  g_test_add_func ("/calendar/default-post-time", test_default_post_time);
  g_test_add_func ("/calendar/first-weekday", test_first_weekday);
  g_test_add_func ("/checks/contrast", test_contrast);
  g_test_add_func ("/checks/text-count", test_text_count);
  g_test_add_func ("/checks/findings", test_checks);
  return g_test_run ();
}
