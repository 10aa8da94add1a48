/* desk-tone.c: a negative-tone score from a small French and English lexicon
 *
 * The rule, small enough to be read and argued with:
 *
 * - The text is folded: case-blind (g_utf8_casefold) and accent-blind
 *   (canonical decomposition, marks dropped), so "DÉÇU", "deçu" and "decu"
 *   are one word. Words are runs of letters and digits; an apostrophe
 *   splits ("n'est" is "n" "est", "don't" is "don" "t").
 * - Each word of the negative lexicon below adds its weight: 2 for words
 *   that say anger or fraud ("arnaque", "scam", "honteux"), 1 for the rest
 *   ("déçu", "retard", "refund"). A few emoji (😡 🤬 😠 👎) add 1.
 * - Negation: a word within the three after a negator ("pas", "jamais",
 *   "plus", "aucun", "sans", "ni", "not", "no", "never", "n't"…) flips: a
 *   positive word of the small positive list counts 1 ("pas bon", "not
 *   good", "jamais satisfait"), a negative word counts 0 ("pas mal", "not
 *   bad", "sans problème"). A sentence's end (. ! ? ;) ends the negation.
 * - The score is the sum; DESK_TONE_NEGATIVE_THRESHOLD (1) or more reads
 *   as negative.
 *
 * It is a triage aid, not sentiment analysis: irony and context are out of
 * its reach, which is why the inbox shows why an item came first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-tone"

#include "config.h"

#include <string.h>

#include "desk-tone.h"

#define NEGATION_REACH 3

typedef struct
{
  const char *word;   /* folded */
  double      weight;
} Entry;

static const Entry negative_words[] = {
  /* French */
  { "arnaque", 2 }, { "arnaques", 2 }, { "escroquerie", 2 }, { "escrocs", 2 }, { "honte", 2 },
  { "honteux", 2 }, { "honteuse", 2 }, { "inadmissible", 2 }, { "scandale", 2 }, { "scandaleux", 2 },
  { "degoutant", 2 }, { "degoutante", 2 }, { "furieux", 2 }, { "furieuse", 2 }, { "lamentable", 2 },
  { "inacceptable", 2 }, { "intoxication", 2 }, { "catastrophe", 2 }, { "catastrophique", 2 },
  { "nul", 1 }, { "nulle", 1 }, { "nuls", 1 }, { "decu", 1 }, { "decue", 1 }, { "decus", 1 },
  { "decevant", 1 }, { "decevante", 1 }, { "deception", 1 }, { "horrible", 1 }, { "mauvais", 1 },
  { "mauvaise", 1 }, { "pire", 1 }, { "colere", 1 }, { "plainte", 1 }, { "rembourser", 1 },
  { "remboursement", 1 }, { "probleme", 1 }, { "problemes", 1 }, { "retard", 1 }, { "malade", 1 },
  { "sale", 1 }, { "insalubre", 1 }, { "enerve", 1 }, { "enervee", 1 }, { "marre", 1 }, { "froid", 0.5 },
  { "rassis", 1 }, { "impoli", 1 }, { "impolie", 1 }, { "mepris", 1 }, { "boycott", 2 },
  /* English */
  { "scam", 2 }, { "fraud", 2 }, { "disgusting", 2 }, { "shameful", 2 }, { "furious", 2 },
  { "unacceptable", 2 }, { "worst", 2 }, { "hate", 2 }, { "poisoning", 2 }, { "boycott", 2 },
  { "bad", 1 }, { "terrible", 1 }, { "awful", 1 }, { "disappointed", 1 }, { "disappointing", 1 },
  { "angry", 1 }, { "refund", 1 }, { "complaint", 1 }, { "rude", 1 }, { "broken", 1 },
  { "useless", 1 }, { "sick", 1 }, { "late", 1 }, { "problem", 1 }, { "stale", 1 }, { "shame", 1 },
};

static const char * const positive_words[] = {
  "bon", "bonne", "bons", "bonnes", "bien", "super", "excellent", "excellente", "genial", "geniale",
  "parfait", "parfaite", "delicieux", "delicieuse", "satisfait", "satisfaite", "content", "contente",
  "frais", "fraiche", "top", "aimable",
  "good", "great", "excellent", "perfect", "delicious", "nice", "happy", "satisfied", "fresh", "friendly",
};

static const char * const negators[] = {
  "pas", "jamais", "plus", "aucun", "aucune", "sans", "ni", "guere",
  "not", "no", "never", "t", "nothing", "without", "nor",
};

static const char * const negative_emoji[] = { "😡", "🤬", "😠", "👎" };

/**
 * desk_tone_fold:
 *
 * Returns: (transfer full): @text case-folded and without its accents
 *   ("Crème Brûlée" → "creme brulee"), for comparisons a reader would make
 */
char *
desk_tone_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
in_list (const char * const *list,
         guint               n,
         const char         *word)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (list[i], word))
      return TRUE;
  return FALSE;
}

static double
negative_weight (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (negative_words); i++)
    if (g_str_equal (negative_words[i].word, word))
      return negative_words[i].weight;
  return 0;
}

typedef struct
{
  double score;
  guint  index;          /* of the current word */
  guint  negated_until;  /* words up to this index are negated */
} Scan;

static void
score_word (Scan       *scan,
            const char *word)
{
  gboolean negated = scan->index <= scan->negated_until && scan->negated_until > 0;
  double weight = negative_weight (word);

  scan->index++;
  if (in_list (negators, G_N_ELEMENTS (negators), word))
    {
      scan->negated_until = scan->index + NEGATION_REACH - 1;
      return;
    }
  if (weight > 0)
    scan->score += negated ? 0 : weight;
  else if (negated && in_list (positive_words, G_N_ELEMENTS (positive_words), word))
    scan->score += 1;
}

/**
 * desk_tone_score:
 *
 * Returns: the negative-tone score of @text (0 for none; see the rule at
 *   the top of desk-tone.c)
 */
double
desk_tone_score (const char *text)
{
  g_autofree char *folded = desk_tone_fold (text);
  g_autoptr(GString) word = g_string_new (NULL);
  Scan scan = { 0 };

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          score_word (&scan, word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
      if (c == '.' || c == '!' || c == '?' || c == ';')
        scan.negated_until = 0;
      for (guint i = 0; i < G_N_ELEMENTS (negative_emoji); i++)
        if (g_str_has_prefix (p, negative_emoji[i]))
          scan.score += 1;
    }
  return scan.score;
}

gboolean
desk_tone_is_negative (double score)
{
  return score >= DESK_TONE_NEGATIVE_THRESHOLD;
}
