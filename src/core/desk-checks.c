/* desk-checks.c: the accessibility and rules findings of a post
 *
 * Pure functions over a post's text, its images' alt texts and the target
 * networks (../shared/specs/a11y.md): what would exclude a reader or break
 * a network's rules, each finding with a stable id, a severity, a reason, what
 * it concerns and, where one exists, the fixed text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-checks"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-checks.h"
#include "desk-text-count.h"

void
desk_finding_free (DeskFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->message);
  g_free (finding->target);
  g_free (finding->fix);
  g_free (finding);
}

const char *
desk_severity_to_id (DeskSeverity severity)
{
  static const char * const ids[] = { "blocking", "warning", "tip" };

  g_return_val_if_fail (severity <= DESK_SEVERITY_TIP, NULL);
  return ids[severity];
}

static void
add (GPtrArray    *findings,
     const char   *id,
     DeskSeverity  severity,
     char         *message,
     char         *target,
     char         *fix)
{
  DeskFinding *finding = g_new0 (DeskFinding, 1);

  finding->id = id;
  finding->severity = severity;
  finding->message = message;
  finding->target = target;
  finding->fix = fix;
  g_ptr_array_add (findings, finding);
}

static char *
fold (const char *text)
{
  g_autofree char *down = g_utf8_casefold (text ? text : "", -1);
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", g_strstrip (down), 0, 0);

  return g_strjoinv (" ", words);
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("[\\s\\p{P}]+", text, 0, 0);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

static const char * const generic_openings[] = {
  "image of", "picture of", "photo of", "photograph of", "graphic of",
  "image de", "image d'", "image d’", "photo de", "photo d'", "photo d’", "illustration de", "illustration d’",
  NULL
};

static void
check_alt (GPtrArray         *findings,
           const DeskCheckInput *input)
{
  for (guint i = 0; input->alts != NULL && i < input->alts->len; i++)
    {
      const char *alt = g_ptr_array_index (input->alts, i);
      g_autofree char *trimmed = g_strstrip (g_strdup (alt ? alt : ""));
      g_autofree char *folded = fold (trimmed);
      g_autofree char *post = fold (input->text);
      char *target = g_strdup_printf (_("image %u"), i + 1);
      guint alt_length = desk_text_graphemes (trimmed);

      if (trimmed[0] == '\0')
        {
          add (findings, "alt-missing", DESK_SEVERITY_BLOCKING,
               g_strdup (_("This image has no description: people who cannot see it will not know what it shows.")),
               target, NULL);
          continue;
        }

      if (g_regex_match_simple ("\\.(apng|avif|bmp|gif|heic|heif|ico|jfif|jpe|jpeg|jpg|jxl|png|svg|svgz|tif|tiff|webp)$",
                                trimmed, G_REGEX_CASELESS, 0) ||
          g_regex_match_simple ("^[a-z][a-z0-9+.-]*://", trimmed, G_REGEX_CASELESS, 0))
        add (findings, "alt-filename", DESK_SEVERITY_WARNING,
             g_strdup (_("The description is a file name or an address: describe what the image shows.")),
             g_strdup (target), NULL);

      for (guint g = 0; generic_openings[g] != NULL; g++)
        if (g_str_has_prefix (folded, generic_openings[g]))
          {
            g_autofree char *rest = g_strstrip (g_strdup (trimmed + strlen (generic_openings[g])));
            char *fix = NULL;

            if (rest[0] != '\0')
              {
                gunichar c = g_unichar_toupper (g_utf8_get_char (rest));
                char buf[8] = { 0 };

                g_unichar_to_utf8 (c, buf);
                fix = g_strconcat (buf, g_utf8_next_char (rest), NULL);
              }
            add (findings, "alt-generic", DESK_SEVERITY_TIP,
                 g_strdup (_("Screen readers already say it is an image: start with what it shows.")),
                 g_strdup (target), fix);
            break;
          }

      if (count_words (trimmed) < 3)
        add (findings, "alt-too-short", DESK_SEVERITY_TIP,
             g_strdup (_("A description of a few more words would help to picture the image.")),
             g_strdup (target), NULL);

      if (post[0] != '\0' && g_str_equal (folded, post))
        add (findings, "alt-redundant", DESK_SEVERITY_WARNING,
             g_strdup (_("The description repeats the post's text: say what the image adds.")),
             g_strdup (target), NULL);

      for (guint n = 0; input->networks != NULL && n < input->networks->len; n++)
        {
          DeskNetwork network = g_array_index (input->networks, DeskNetwork, n);
          guint max = desk_network_alt_limit (network);

          if (max > 0 && alt_length > max)
            add (findings, "alt-too-long", DESK_SEVERITY_BLOCKING,
                 g_strdup_printf (_("The description is %u characters long; %s accepts %u."),
                                  alt_length, desk_network_to_label (network), max),
                 g_strdup (target), NULL);
        }
      g_free (target);
    }
}

/* Splits a lower-case hashtag body into dictionary words, fewest first;
 * NULL when it cannot. */
static GPtrArray *
split_words (const char *body,
             GHashTable *words)
{
  glong n = g_utf8_strlen (body, -1);
  g_autofree int *best = g_new (int, n + 1);     /* fewest words for body[0, i) */
  g_autofree int *from = g_new (int, n + 1);
  g_autofree const char **at = g_new (const char *, n + 1);
  GPtrArray *parts;
  const char *p = body;

  for (glong i = 0; i <= n; i++)
    {
      at[i] = p;
      best[i] = G_MAXINT;
      if (i < n)
        p = g_utf8_next_char (p);
    }
  best[0] = 0;

  for (glong end = 1; end <= n; end++)
    for (glong start = MAX (0, end - 24); start < end; start++)
      {
        g_autofree char *word = NULL;

        if (best[start] == G_MAXINT || end - start < 2)
          continue;
        word = g_strndup (at[start], at[end] - at[start]);
        if (g_hash_table_contains (words, word) && best[start] + 1 < best[end])
          {
            best[end] = best[start] + 1;
            from[end] = (int) start;
          }
      }

  if (best[n] == G_MAXINT || best[n] < 2)
    return NULL;

  parts = g_ptr_array_new_with_free_func (g_free);
  for (glong end = n; end > 0; end = from[end])
    g_ptr_array_insert (parts, 0, g_strndup (at[from[end]], at[end] - at[from[end]]));
  return parts;
}

static void
check_hashtags (GPtrArray            *findings,
                const DeskCheckInput *input)
{
  g_autoptr(GRegex) regex = g_regex_new ("#([\\p{L}\\p{N}_]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n_tags = 0;

  g_regex_match (regex, input->text ? input->text : "", 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *body = g_match_info_fetch (match, 1);
      g_autofree char *lower = g_utf8_strdown (body, -1);
      glong letters = g_utf8_strlen (body, -1);

      n_tags++;
      /* Several words, no capital after the first letter */
      if (letters >= 8 && g_str_equal (g_utf8_next_char (lower), g_utf8_next_char (body)))
        {
          g_autoptr(GPtrArray) parts = input->words ? split_words (lower, input->words) : NULL;
          char *fix = NULL;

          if (parts != NULL)
            {
              GString *camel = g_string_new ("#");

              for (guint i = 0; i < parts->len; i++)
                {
                  const char *part = g_ptr_array_index (parts, i);
                  char buf[8] = { 0 };

                  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (part)), buf);
                  g_string_append (camel, buf);
                  g_string_append (camel, g_utf8_next_char (part));
                }
              fix = g_string_free (camel, FALSE);
            }
          add (findings, "hashtag-camelcase", DESK_SEVERITY_WARNING,
               g_strdup (_("Screen readers read a hashtag of several words as one garbled word: capitalise each word.")),
               g_strdup_printf ("#%s", body), fix);
        }
      g_match_info_next (match, NULL);
    }

  for (guint n = 0; input->networks != NULL && n < input->networks->len; n++)
    {
      DeskNetwork network = g_array_index (input->networks, DeskNetwork, n);
      guint max = desk_network_rules (network)->max_hashtags;

      if (max > 0 && n_tags > max)
        add (findings, "hashtag-too-many", DESK_SEVERITY_BLOCKING,
             g_strdup_printf (_("%u hashtags; %s accepts %u."), n_tags, desk_network_to_label (network), max),
             g_strdup (desk_network_to_label (network)), NULL);
    }
}

static gboolean
is_fancy (gunichar c)
{
  return (c >= 0x1D400 && c <= 0x1D7FF) || (c >= 0xFF01 && c <= 0xFF5E) ||
         (c >= 0x24B6 && c <= 0x24E9) || (c >= 0x1F130 && c <= 0x1F189);
}

static void
check_text (GPtrArray            *findings,
            const DeskCheckInput *input)
{
  const char *text = input->text ? input->text : "";
  gboolean fancy = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    fancy |= is_fancy (g_utf8_get_char (p));
  if (fancy)
    add (findings, "fancy-unicode", DESK_SEVERITY_WARNING,
         g_strdup (_("Decorative letters (bold, italic, circled…) are spelt letter by letter, or skipped, by screen readers.")),
         g_strdup (_("text")), g_utf8_normalize (text, -1, G_NORMALIZE_NFKC));

  if (g_regex_match_simple ("\\b\\p{Lu}{2,}(\\s+\\p{Lu}{2,}){2,}\\b", text, 0, 0))
    add (findings, "all-caps", DESK_SEVERITY_TIP,
         g_strdup (_("Several words in capitals are harder to read and some screen readers spell them out.")),
         g_strdup (_("text")), NULL);

  if (g_regex_match_simple ("\\b(click here|here|read more|cliquez ici|ici|en savoir plus|lire la suite)\\s*:?\\s*https?://",
                            text, G_REGEX_CASELESS, 0))
    add (findings, "link-text", DESK_SEVERITY_TIP,
         g_strdup (_("“Click here” says nothing out of context: say where the link leads.")),
         g_strdup (_("text")), NULL);

  for (guint n = 0; input->networks != NULL && n < input->networks->len; n++)
    {
      DeskNetwork network = g_array_index (input->networks, DeskNetwork, n);
      DeskTextCount count;

      desk_text_count (network, text, &count);
      if (count.overflow_offset >= 0)
        add (findings, "text-too-long", DESK_SEVERITY_BLOCKING,
             g_strdup_printf (_("%u characters for %s, which accepts %u."), count.length,
                              desk_network_to_label (network), count.limit),
             g_strdup (desk_network_to_label (network)), NULL);
    }
}

guint
desk_network_alt_limit (DeskNetwork network)
{
  switch (network)
    {
    case DESK_NETWORK_MASTODON: return 1500;
    case DESK_NETWORK_BLUESKY: return 2000;
    case DESK_NETWORK_X: return 1000;
    case DESK_NETWORK_INSTAGRAM: return 1000;
    default: return 0;
    }
}

static gint
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  const DeskFinding *x = *(DeskFinding * const *) a;
  const DeskFinding *y = *(DeskFinding * const *) b;

  return (int) x->severity - (int) y->severity;
}

/**
 * desk_checks_run:
 *
 * Returns: (transfer full) (element-type DeskFinding): every finding,
 *   blocking ones first
 */
GPtrArray *
desk_checks_run (const DeskCheckInput *input)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_finding_free);

  g_return_val_if_fail (input != NULL, findings);

  check_alt (findings, input);
  check_text (findings, input);
  check_hashtags (findings, input);
  g_ptr_array_sort (findings, compare_severity);
  return findings;
}

gboolean
desk_checks_have_blocking (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    if (((DeskFinding *) g_ptr_array_index (findings, i))->severity == DESK_SEVERITY_BLOCKING)
      return TRUE;
  return FALSE;
}

/**
 * desk_checks_load_words:
 *
 * Returns: (transfer full): the words of the system's French and English
 *   word lists (Debian's wfrench, wamerican), lower case; empty if none
 */
GHashTable *
desk_checks_load_words (void)
{
  static const char * const lists[] = { "/usr/share/dict/french", "/usr/share/dict/american-english", NULL };
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lists[i] != NULL; i++)
    {
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (lists[i], &contents, NULL, NULL) || !g_utf8_validate (contents, -1, NULL))
        continue;
      lines = g_strsplit (contents, "\n", -1);
      for (guint k = 0; lines[k] != NULL; k++)
        if (lines[k][0] != '\0' && strchr (lines[k], '\'') == NULL)
          g_hash_table_add (words, g_utf8_strdown (lines[k], -1));
    }
  return words;
}
