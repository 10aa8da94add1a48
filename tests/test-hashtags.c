/* test-hashtags.c: the hashtag-camelcase finding, with enchant's French and
 * English dictionaries (Debian's hunspell-fr and hunspell-en-us)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-checks.h"
#include "desk-hashtag-private.h"

/* The hashtag-camelcase findings of @text for a post in @language */
static GPtrArray *
hashtag_findings (const char *text,
                  const char *language)
{
  DeskCheckInput input = { 0 };
  g_autoptr(GPtrArray) findings = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_finding_free);

  input.text = text;
  input.language = language;
  findings = desk_checks_run (&input);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((DeskFinding *) g_ptr_array_index (findings, i))->id, "hashtag-camelcase"))
      g_ptr_array_add (found, g_ptr_array_steal_index (findings, i--));
  return found;
}

static void
assert_fine (const char *tag,
             const char *language)
{
  g_autoptr(GPtrArray) found = hashtag_findings (tag, language);

  if (found->len > 0)
    g_error ("%s (%s): unexpected finding, fix %s", tag, language,
             ((DeskFinding *) g_ptr_array_index (found, 0))->fix);
}

static void
assert_fix (const char *tag,
            const char *language,
            const char *fix)
{
  g_autoptr(GPtrArray) found = hashtag_findings (tag, language);
  const DeskFinding *f;

  if (found->len != 1)
    g_error ("%s (%s): %u findings, expected one", tag, language, found->len);
  f = g_ptr_array_index (found, 0);
  g_assert_cmpstr (f->fix, ==, fix);
  g_assert_cmpint (f->severity, ==, DESK_SEVERITY_WARNING);
  g_assert_cmpint (f->place, ==, DESK_PLACE_TEXT);
  g_assert_cmpint (f->start, ==, 0);
  g_assert_cmpint (f->end, ==, (int) strlen (tag));
  g_assert_cmpstr (f->target, ==, tag);
}

static void
test_dictionaries (void)
{
  if (!desk_hashtag_have_dictionaries ())
    g_error ("enchant finds neither fr_FR nor en_US: install build-aux/deps.txt (hunspell-fr, hunspell-en-us)");
}

/* One word of either dictionary, accents or not, or a proper noun */
static void
test_words (void)
{
  static const char * const words[] = {
    "#boulangerie", "#patisserie", "#pâtisserie", "#viennoiserie", "#croissant", "#artisanat",
    "#chocolatier", "#Villeurbanne", "#villeurbanne", "#Lyon", "#lyon", "#bakery", "#sourdough",
    "#coffee", "#creme", "#evenement", "#evenementiel", "#noel", "#boulangeries", "#chocolatine",
    NULL
  };

  for (guint i = 0; words[i] != NULL; i++)
    {
      assert_fine (words[i], "fr");
      assert_fine (words[i], "en");
    }

  /* Capitals: a proper noun, or CamelCase already */
  assert_fine ("#Painaulevain", "fr");
  assert_fine ("#PainAuLevain", "fr");
  assert_fine ("#painAuLevain", "fr");
  assert_fine ("#JO2024", "fr");
  /* Words apart already; too short to hold several words */
  assert_fine ("#pain_au_levain", "fr");
  assert_fine ("#painbio", "fr");
  assert_fine ("#noel2026", "fr");
}

/* Several words in lower case: the fewest real words, each capitalised */
static void
test_splits (void)
{
  assert_fix ("#painaulevain", "fr", "#PainAuLevain");
  assert_fix ("#boulangerieartisanale", "fr", "#BoulangerieArtisanale");
  assert_fix ("#sourdoughbread", "en", "#SourdoughBread");
  assert_fix ("#sourdoughbread", "fr", "#SourdoughBread");
  assert_fix ("#freshbreadtoday", "en", "#FreshBreadToday");
  assert_fix ("#communitymanager", "fr", "#CommunityManager");
  assert_fix ("#lapetiteboulangerie", "fr", "#LaPetiteBoulangerie");
  /* Accents left out: "délices", "marché", "fête", "pères" */
  assert_fix ("#lesdelicesdumarchebio", "fr", "#LesDelicesDuMarcheBio");
  assert_fix ("#fetedesperes", "fr", "#FeteDesPeres");
  /* French elision, and no abbreviation as a word ("st") */
  assert_fix ("#cestlavie", "fr", "#CEstLaVie");
  /* Digits stay; the letters around them are split */
  assert_fix ("#painaulevain2026", "fr", "#PainAuLevain2026");

  /* In a text: each tag placed on its own bytes */
  {
    const char *text = "Vive le #painaulevain et la #boulangerie !";
    g_autoptr(GPtrArray) found = hashtag_findings (text, NULL);
    const DeskFinding *f;

    g_assert_cmpuint (found->len, ==, 1);
    f = g_ptr_array_index (found, 0);
    g_assert_cmpint (f->start, ==, (int) strlen ("Vive le "));
    g_assert_cmpint (f->end, ==, (int) strlen ("Vive le #painaulevain"));
    g_assert_cmpstr (f->fix, ==, "#PainAuLevain");
  }
}

/* A long run no dictionary splits: said, without a fix; a short unknown
 * token (a brand, an acronym) is left alone */
static void
test_unsplittable (void)
{
  g_autoptr(GPtrArray) found = hashtag_findings ("Nouveau : #xkqzvbnwrtplmn", "fr");
  const DeskFinding *f;

  g_assert_cmpuint (found->len, ==, 1);
  f = g_ptr_array_index (found, 0);
  g_assert_null (f->fix);
  g_assert_cmpint (f->severity, ==, DESK_SEVERITY_TIP);
  g_assert_cmpstr (f->target, ==, "#xkqzvbnwrtplmn");
  g_assert_nonnull (strstr (f->message, "could not be split into dictionary words"));
  g_assert_nonnull (strstr (f->message, "capitalise each one"));
  g_assert_null (desk_finding_describe_fix (f));

  assert_fine ("#xkqzvbn", "fr");
  /* Two-letter fragments are no words: not "#AeIOu…" */
  g_clear_pointer (&found, g_ptr_array_unref);
  found = hashtag_findings ("#aeiouaeiouaeiou", "fr");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_null (((DeskFinding *) g_ptr_array_index (found, 0))->fix);
}

/* The post's language is tried first when both split it as short */
static void
test_language_order (void)
{
  assert_fix ("#paintout", "fr", "#PainTout");
  assert_fix ("#paintout", "en", "#PaintOut");
  /* The default is French */
  {
    g_autoptr(GPtrArray) found = hashtag_findings ("#paintout", NULL);

    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (((DeskFinding *) g_ptr_array_index (found, 0))->fix, ==, "#PainTout");
  }
}

/* Without dictionaries no finding at all; with one, splits but no
 * "could not split" (it may be a word of the missing language) */
static void
test_missing_dictionaries (void)
{
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) french = NULL;

  _desk_hashtag_use_dictionaries ("xx_XX", "yy_YY");
  g_assert_false (desk_hashtag_have_dictionaries ());
  none = hashtag_findings ("#painaulevain #xkqzvbnwrtplmn #boulangerie", "fr");
  g_assert_cmpuint (none->len, ==, 0);

  _desk_hashtag_use_dictionaries ("fr_FR", "yy_YY");
  french = hashtag_findings ("#painaulevain #xkqzvbnwrtplmn #boulangerie", "en");
  g_assert_cmpuint (french->len, ==, 1);
  g_assert_cmpstr (((DeskFinding *) g_ptr_array_index (french, 0))->fix, ==, "#PainAuLevain");

  _desk_hashtag_use_dictionaries (NULL, NULL);
  g_assert_true (desk_hashtag_have_dictionaries ());
}

static gpointer
check_in_thread (gpointer data)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *fix = NULL;

      if (desk_hashtag_check (i % 2 ? "painaulevain" : "fetedesmeres", "fr", &fix) != DESK_HASHTAG_SPLIT ||
          !g_str_equal (fix, i % 2 ? "#PainAuLevain" : "#FeteDesMeres"))
        return GINT_TO_POINTER (FALSE);
      if (desk_hashtag_check ("patisserie", "fr", NULL) != DESK_HASHTAG_FINE)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

/* The editor and the CLI may check from several threads */
static void
test_threads (void)
{
  GThread *threads[4];

  _desk_hashtag_use_dictionaries (NULL, NULL);   /* opened by the first thread in */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("check", check_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hashtags/dictionaries", test_dictionaries);
  g_test_add_func ("/hashtags/words", test_words);
  g_test_add_func ("/hashtags/splits", test_splits);
  g_test_add_func ("/hashtags/unsplittable", test_unsplittable);
  g_test_add_func ("/hashtags/language-order", test_language_order);
  g_test_add_func ("/hashtags/missing-dictionaries", test_missing_dictionaries);
  g_test_add_func ("/hashtags/threads", test_threads);
  return g_test_run ();
}
