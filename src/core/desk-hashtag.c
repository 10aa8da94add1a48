/* desk-hashtag.c: whether a hashtag runs several words together
 *
 * Screen readers read #painaulevain as one garbled word and #PainAuLevain
 * as three. A hashtag is left alone when it holds a capital (a proper noun
 * such as #Villeurbanne, or CamelCase already), when its letters are fewer
 * than eight in a row, when it is one word of the French or English
 * dictionary — accents or not: #patisserie is "pâtisserie" —, or a proper
 * noun the dictionary knows (#lyon). Only a lower-case run of several real
 * words is a problem, and its fix splits it into the fewest words of one
 * language (the post's when both split it into as few), else of both mixed.
 * A word of one letter must be one ("a", "y", "à", the elided "l’", "d’"…
 * before a vowel in French; "a", "I" in English), one of two or three
 * letters must have a vowel ("st", "kg" are abbreviations), and a split made
 * mostly of such short words is no split ("ma is on ka…"). On a tie: fewer
 * foreign words, fewer accents put back, fewer one-letter words, then the
 * larger sum of squared word lengths ("la petite", not "lape tite").
 *
 * A run of eight letters or more that no dictionary splits is said so,
 * without a fix (it may join words the dictionaries lack), and only when
 * both dictionaries are there: it might be a word of the missing one.
 *
 * Words come from enchant-2 (hunspell's fr_FR and en_US here; Debian's
 * hunspell-fr and hunspell-en-us). enchant has no accent-blind lookup, so a
 * word missing its accents is looked up again with up to two of them put
 * back (é è ê ë, à â, î ï, ô, û ù ü, ç, and œ for "oe"); asking enchant for
 * suggestions would be right too but takes 10–500 ms a word.
 *
 * The dictionaries are opened once, on first use, and every lookup and
 * verdict is cached, all behind one lock: the editor runs the checks on
 * each keystroke, from the main thread, and a hashtag being typed only adds
 * a few new fragments to look up. Without enchant's dictionaries (say a
 * Flatpak whose locale extension lacks French and English) every hashtag is
 * fine: no finding rather than a false one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-hashtag"

#include "config.h"

#include <string.h>
#include <enchant.h>

#include "desk-hashtag-private.h"

#define MIN_LETTERS  8      /* shorter letter runs are left alone */
#define MAX_WORD     25     /* letters of the longest word tried in a split */
#define MAX_CACHED   4096   /* verdicts kept; the fragments looked up, 16 times more */

enum { FRENCH, ENGLISH, N_DICTS };

static const char * const default_tags[N_DICTS] = { "fr_FR", "en_US" };

typedef struct
{
  DeskHashtagVerdict  verdict;
  char               *fix;
} Verdict;

typedef struct
{
  int words;
  int foreign;    /* words not of the post's language */
  int accented;   /* words found only with their accents put back */
  int letters;    /* words of one letter ("a", "l’"…) */
  int squares;    /* sum of the squared word lengths: higher is fewer short fragments */
} Cost;

static GMutex         lock;
static gboolean       opened;
static char          *tags[N_DICTS];    /* (nullable) the tests' own */
static EnchantBroker *broker;
static EnchantDict   *dicts[N_DICTS];
static GHashTable    *verdicts;         /* "language\x1fbody" → Verdict */
static GHashTable    *lookups;          /* "<dict><how>fragment" → 1 word, 2 not */

static void
verdict_free (gpointer data)
{
  Verdict *verdict = data;

  g_free (verdict->fix);
  g_free (verdict);
}

static void
open_dictionaries (void)
{
  if (opened)
    return;
  opened = TRUE;
  broker = enchant_broker_init ();
  for (int d = 0; d < N_DICTS; d++)
    {
      const char *tag = tags[d] != NULL ? tags[d] : default_tags[d];

      dicts[d] = broker != NULL ? enchant_broker_request_dict (broker, tag) : NULL;
      if (dicts[d] == NULL)
        g_debug ("No %s dictionary: hashtags are checked without it", tag);
    }
  verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, verdict_free);
  lookups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
close_dictionaries (void)
{
  for (int d = 0; d < N_DICTS; d++)
    if (dicts[d] != NULL)
      enchant_broker_free_dict (broker, g_steal_pointer (&dicts[d]));
  g_clear_pointer (&broker, enchant_broker_free);
  g_clear_pointer (&verdicts, g_hash_table_unref);
  g_clear_pointer (&lookups, g_hash_table_unref);
  opened = FALSE;
}

/* @word with its first letter in title case */
static char *
capitalise (const char *word)
{
  char buf[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (word)), buf);
  return g_strconcat (buf, g_utf8_next_char (word), NULL);
}

/* Whether dictionary @d knows @word (lower case), or, when @proper, its
 * capitalised form: a proper noun ("lyon" for Lyon) */
static gboolean
knows (int          d,
       const char  *word,
       gboolean     proper)
{
  g_autofree char *key = g_strdup_printf ("%d%c%s", d, proper ? 'p' : 'w', word);
  gpointer cached = g_hash_table_lookup (lookups, key);
  gboolean known;

  if (cached != NULL)
    return GPOINTER_TO_INT (cached) == 1;

  known = enchant_dict_check (dicts[d], word, -1) == 0;
  if (!known && proper)
    {
      g_autofree char *capitalised = capitalise (word);

      known = enchant_dict_check (dicts[d], capitalised, -1) == 0;
    }
  if (g_hash_table_size (lookups) >= MAX_CACHED * 16)
    g_hash_table_remove_all (lookups);
  g_hash_table_insert (lookups, g_steal_pointer (&key), GINT_TO_POINTER (known ? 1 : 2));
  return known;
}

static const char *
accents_of (gunichar c)
{
  switch (c)
    {
    case 'a': return "àâ";
    case 'e': return "éèêë";
    case 'i': return "îï";
    case 'o': return "ô";
    case 'u': return "ûùü";
    case 'c': return "ç";
    default: return NULL;
    }
}

/* Whether a form of @word (the part already built in @built, @rest still
 * to go) with up to @budget more accents put back is a word of @d */
static gboolean
knows_accented (int          d,
                GString     *built,
                const char  *rest,
                int          budget,
                gboolean     changed,
                gboolean     proper)
{
  gsize length = built->len;
  gunichar c;
  const char *accented;

  if (*rest == '\0')
    return changed && knows (d, built->str, proper);

  c = g_utf8_get_char (rest);
  if (budget > 0 && (accented = accents_of (c)) != NULL)
    for (const char *a = accented; *a != '\0'; a = g_utf8_next_char (a))
      {
        g_string_append_unichar (built, g_utf8_get_char (a));
        if (knows_accented (d, built, g_utf8_next_char (rest), budget - 1, TRUE, proper))
          return TRUE;
        g_string_truncate (built, length);
      }
  if (budget > 0 && g_str_has_prefix (rest, "oe"))
    {
      g_string_append (built, "œ");
      if (knows_accented (d, built, rest + 2, budget - 1, TRUE, proper))
        return TRUE;
      g_string_truncate (built, length);
    }

  g_string_append_unichar (built, c);
  if (knows_accented (d, built, g_utf8_next_char (rest), budget, changed, proper))
    return TRUE;
  g_string_truncate (built, length);
  return FALSE;
}

static gboolean
knows_without_accents (int          d,
                       const char  *word,
                       int          budget,
                       gboolean     proper)
{
  g_autofree char *key = g_strdup_printf ("%d%c%d%s", d, proper ? 'P' : 'W', budget, word);
  g_autoptr(GString) built = g_string_new (NULL);
  gpointer cached = g_hash_table_lookup (lookups, key);
  gboolean known;

  if (cached != NULL)
    return GPOINTER_TO_INT (cached) == 1;
  known = knows_accented (d, built, word, budget, FALSE, proper);
  g_hash_table_insert (lookups, g_steal_pointer (&key), GINT_TO_POINTER (known ? 1 : 2));
  return known;
}

static gboolean
is_vowel_or_h (gunichar c)
{
  return c != 0 && g_utf8_strchr ("aeiouyhàâéèêëîïôûùüœ", -1, c) != NULL;
}

static gboolean
has_vowel (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (is_vowel_or_h (g_utf8_get_char (p)) && *p != 'h')
      return TRUE;
  return FALSE;
}

/* A word of one letter: French "a", "à", "y" and the elided "l’", "d’",
 * "j’"… before a vowel (#jaimelepain); English "a" and "I". Not any letter
 * the dictionaries list, which would split anything. */
static gboolean
is_short_word (int          d,
               const char  *word,
               gunichar     next)
{
  if (d == ENGLISH)
    return g_str_equal (word, "a") || g_str_equal (word, "i");
  if (g_str_equal (word, "a") || g_str_equal (word, "à") || g_str_equal (word, "y"))
    return TRUE;
  return word[0] != '\0' && word[1] == '\0' && strchr ("cdjlmnst", word[0]) != NULL && is_vowel_or_h (next);
}

/* How dictionary @d takes @word as a part of a split: 0 not at all, 1 as a
 * word, 2 as a word once its accents are put back */
static int
word_kind (int          d,
           const char  *word,
           glong        n_chars,
           gunichar     next,
           gboolean     accents)
{
  if (n_chars == 1)
    return is_short_word (d, word, next) ? 1 : 0;
  /* Abbreviations the dictionaries list ("st", "kg", "cm") are no words
   * of a hashtag: "c est la vie", not "ce st la vie" */
  if (n_chars <= 3 && !has_vowel (word))
    return 0;
  /* Proper nouns from four letters: the dictionaries list many short ones */
  if (knows (d, word, n_chars >= 4))
    return 1;
  /* Two accents put back in a short word ("brûlée"), one in a long one:
   * each is a lookup per accentable letter or pair of them */
  if (accents && knows_without_accents (d, word, n_chars <= 8 ? 2 : 1, FALSE))
    return 2;
  return 0;
}

static int
cost_compare (const Cost *a,
              const Cost *b)
{
  if (a->words != b->words)
    return a->words - b->words;
  if (a->foreign != b->foreign)
    return a->foreign - b->foreign;
  if (a->accented != b->accented)
    return a->accented - b->accented;
  if (a->letters != b->letters)
    return a->letters - b->letters;
  return b->squares - a->squares;
}

/* Splits @run (lower-case letters) into the words of the dictionaries in
 * @mask, @first counting as the post's language; fewest words first.
 *
 * Returns: (transfer full) (nullable) (element-type gsize): the byte
 *   offset where each word starts; %NULL unless two words or more */
static GArray *
split (const char *run,
       int         first,
       guint       mask,
       gboolean    accents)
{
  glong n = g_utf8_strlen (run, -1);
  g_autofree const char **at = g_new (const char *, n + 1);
  g_autofree Cost *best = g_new0 (Cost, n + 1);
  g_autofree glong *from = g_new0 (glong, n + 1);
  g_autofree gboolean *reached = g_new0 (gboolean, n + 1);
  const char *p = run;
  GArray *starts;
  int n_short = 0;

  for (glong i = 0; i <= n; i++)
    {
      at[i] = p;
      if (i < n)
        p = g_utf8_next_char (p);
    }
  reached[0] = TRUE;

  for (glong end = 1; end <= n; end++)
    for (glong start = MAX (0, end - MAX_WORD); start < end; start++)
      {
        g_autofree char *word = NULL;
        gunichar next = end < n ? g_utf8_get_char (at[end]) : 0;

        if (!reached[start])
          continue;
        word = g_strndup (at[start], at[end] - at[start]);
        for (int k = 0; k < N_DICTS; k++)
          {
            int d = k == 0 ? first : 1 - first;
            int kind;
            Cost cost = best[start];

            if (!(mask & (1u << d)) || (kind = word_kind (d, word, end - start, next, accents)) == 0)
              continue;
            cost.words++;
            cost.foreign += d != first;
            cost.accented += kind == 2;
            cost.letters += end - start == 1;
            cost.squares += (int) ((end - start) * (end - start));
            if (!reached[end] || cost_compare (&cost, &best[end]) < 0)
              {
                best[end] = cost;
                from[end] = start;
                reached[end] = TRUE;
              }
          }
      }

  if (!reached[n] || best[n].words < 2)
    return NULL;

  starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (glong end = n; end > 0; end = from[end])
    {
      gsize offset = (gsize) (at[from[end]] - run);

      g_array_prepend_val (starts, offset);
      n_short += end - from[end] <= 2;
    }
  /* Fragments more than words ("ma is on ka yser" for "maisonkayser"):
   * three short words or more, and more short words than long ones */
  if (n_short >= 3 && 2 * n_short > (int) starts->len)
    g_clear_pointer (&starts, g_array_unref);
  return starts;
}

static gboolean
is_one_word (const char *run)
{
  for (int d = 0; d < N_DICTS; d++)
    if (dicts[d] != NULL && knows (d, run, TRUE))
      return TRUE;
  /* Accents left out: two at most ("evenement" for "évènement"), one
   * past twelve letters, where each pair of letters costs a lookup */
  for (int d = 0; d < N_DICTS; d++)
    if (dicts[d] != NULL && knows_without_accents (d, run, g_utf8_strlen (run, -1) <= 12 ? 2 : 1, FALSE))
      return TRUE;
  return FALSE;
}

/* The split of @run with the fewest words of @mask's dictionaries */
static GArray *
split_fewest (const char *run,
              int         first,
              guint       mask)
{
  GArray *exact = split (run, first, mask, FALSE);
  GArray *accented;

  /* Words missing their accents may split it into fewer words
   * ("lesdelicesdumarche": les délices, not les de lices); never fewer
   * than two, and looking them up costs more */
  if (exact != NULL && exact->len == 2)
    return exact;
  accented = split (run, first, mask, TRUE);
  if (accented == NULL || (exact != NULL && exact->len <= accented->len))
    {
      g_clear_pointer (&accented, g_array_unref);
      return exact;
    }
  g_clear_pointer (&exact, g_array_unref);
  return accented;
}

/* Splits @run into the fewest words of one language, the post's when
 * both split it as short; else of both */
static GArray *
split_run (const char *run,
           int         first)
{
  GArray *starts[N_DICTS] = { NULL, NULL };
  guint mask = 0;

  for (int d = 0; d < N_DICTS; d++)
    if (dicts[d] != NULL)
      {
        mask |= 1u << d;
        starts[d] = split_fewest (run, d, 1u << d);
      }
  if (starts[1 - first] != NULL &&
      (starts[first] == NULL || starts[1 - first]->len < starts[first]->len))
    {
      g_clear_pointer (&starts[first], g_array_unref);
      return starts[1 - first];
    }
  if (starts[first] != NULL)
    {
      g_clear_pointer (&starts[1 - first], g_array_unref);
      return starts[first];
    }
  if (mask != (1u << N_DICTS) - 1)
    return NULL;
  return split_fewest (run, first, mask);
}

/* Appends @run to @camel with a capital to each of its words (@starts, or
 * @run as one word) */
static void
append_camel (GString    *camel,
              const char *run,
              GArray     *starts)
{
  for (guint i = 0; i < (starts != NULL ? starts->len : 1); i++)
    {
      const char *word = run + (starts != NULL ? g_array_index (starts, gsize, i) : 0);
      const char *end = starts != NULL && i + 1 < starts->len ? run + g_array_index (starts, gsize, i + 1)
                                                               : run + strlen (run);

      g_string_append_unichar (camel, g_unichar_totitle (g_utf8_get_char (word)));
      g_string_append_len (camel, g_utf8_next_char (word), end - g_utf8_next_char (word));
    }
}

static Verdict *
judge (const char *body,
       int         first)
{
  Verdict *verdict = g_new0 (Verdict, 1);
  g_autoptr(GString) camel = g_string_new ("#");
  gboolean split_any = FALSE, unsplit_any = FALSE;
  const char *p = body;

  while (*p != '\0')
    {
      const char *start = p;
      g_autofree char *run = NULL;
      g_autoptr(GArray) starts = NULL;

      if (!g_unichar_isalpha (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          g_string_append_len (camel, start, p - start);
          continue;
        }
      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      run = g_strndup (start, p - start);

      if (g_utf8_strlen (run, -1) >= MIN_LETTERS && !is_one_word (run))
        {
          starts = split_run (run, first);
          split_any |= starts != NULL;
          unsplit_any |= starts == NULL;
        }
      append_camel (camel, run, starts);
    }

  if (split_any)
    {
      verdict->verdict = DESK_HASHTAG_SPLIT;
      verdict->fix = g_string_free (g_steal_pointer (&camel), FALSE);
    }
  else if (unsplit_any && dicts[FRENCH] != NULL && dicts[ENGLISH] != NULL)
    verdict->verdict = DESK_HASHTAG_UNSPLIT;
  return verdict;
}

static gboolean
needs_dictionaries (const char *body)
{
  glong letters = 0;

  for (const char *p = body; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A capital: a proper noun (#Villeurbanne) or CamelCase already */
      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        return FALSE;
      letters = g_unichar_isalpha (c) ? letters + 1 : 0;
      if (letters >= MIN_LETTERS)
        return TRUE;
    }
  return FALSE;
}

/**
 * desk_hashtag_check:
 * @body: a hashtag without its "#"
 * @language: (nullable): the post's language, "fr" (the default) or "en":
 *   its dictionary is tried first
 * @fix: (out) (optional) (transfer full): for %DESK_HASHTAG_SPLIT, the
 *   hashtag with "#" and a capital to each word
 *
 * Returns: whether @body runs several words together
 */
DeskHashtagVerdict
desk_hashtag_check (const char  *body,
                    const char  *language,
                    char       **fix)
{
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  int first = language != NULL && g_str_has_prefix (language, "en") ? ENGLISH : FRENCH;
  Verdict *verdict;
  DeskHashtagVerdict result;

  g_return_val_if_fail (body != NULL, DESK_HASHTAG_FINE);

  if (fix != NULL)
    *fix = NULL;
  normal = g_utf8_normalize (body, -1, G_NORMALIZE_NFC);
  if (normal == NULL || !needs_dictionaries (normal))
    return DESK_HASHTAG_FINE;

  key = g_strdup_printf ("%d\x1f%s", first, normal);
  g_mutex_lock (&lock);
  open_dictionaries ();
  if (dicts[FRENCH] == NULL && dicts[ENGLISH] == NULL)
    {
      g_mutex_unlock (&lock);
      return DESK_HASHTAG_FINE;
    }
  verdict = g_hash_table_lookup (verdicts, key);
  if (verdict == NULL)
    {
      verdict = judge (normal, first);
      if (g_hash_table_size (verdicts) >= MAX_CACHED)
        g_hash_table_remove_all (verdicts);
      g_hash_table_insert (verdicts, g_steal_pointer (&key), verdict);
    }
  result = verdict->verdict;
  if (fix != NULL)
    *fix = g_strdup (verdict->fix);
  g_mutex_unlock (&lock);
  return result;
}

/**
 * desk_hashtag_have_dictionaries:
 *
 * Returns: whether enchant found the French or the English dictionary
 */
gboolean
desk_hashtag_have_dictionaries (void)
{
  gboolean found;

  g_mutex_lock (&lock);
  open_dictionaries ();
  found = dicts[FRENCH] != NULL || dicts[ENGLISH] != NULL;
  g_mutex_unlock (&lock);
  return found;
}

/* Opens these dictionaries instead, next time (NULL: the usual ones); a
 * tag enchant does not know stands for a dictionary not installed */
void
_desk_hashtag_use_dictionaries (const char *french,
                                const char *english)
{
  g_mutex_lock (&lock);
  close_dictionaries ();
  g_free (tags[FRENCH]);
  g_free (tags[ENGLISH]);
  tags[FRENCH] = g_strdup (french);
  tags[ENGLISH] = g_strdup (english);
  g_mutex_unlock (&lock);
}
