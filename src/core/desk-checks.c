/* desk-checks.c: the accessibility and rules findings of a post
 *
 * Pure functions over a post's text, its images' alt texts and the target
 * networks (alt text rules after axe-core's image-alt, alt-file-name and
 * image-redundant-alt; WCAG 2.x SC 1.1.1, 1.4.3): what would exclude a reader or break
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
#include "desk-hashtag.h"
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

/**
 * desk_finding_describe_fix:
 *
 * Returns: (transfer full) (nullable): what applying @finding's fix does, in
 *   a few words for a button's tooltip and screen readers; %NULL if none
 */
char *
desk_finding_describe_fix (const DeskFinding *finding)
{
  if (finding->fix == NULL)
    return NULL;
  if (finding->place == DESK_PLACE_LAYER)
    return g_str_equal (finding->fix, "band") ? g_strdup (_("Put a dark band behind the text"))
                                              : g_strdup_printf (_("Use the colour %s"), finding->fix);
  if (finding->place == DESK_PLACE_TEXT && finding->start == finding->end)
    {
      g_autofree char *added = g_strstrip (g_strdup (finding->fix));

      return g_strdup_printf (_("Add “%s”"), added);
    }
  return g_strdup_printf (_("Replace with “%s”"), finding->fix);
}

const char *
desk_severity_to_id (DeskSeverity severity)
{
  static const char * const ids[] = { "blocking", "warning", "tip" };

  g_return_val_if_fail (severity <= DESK_SEVERITY_TIP, NULL);
  return ids[severity];
}

static DeskFinding *
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
  finding->place = DESK_PLACE_NONE;
  finding->index = finding->start = finding->end = -1;
  g_ptr_array_add (findings, finding);
  return finding;
}

static void
place_text (DeskFinding *finding,
            int          start,
            int          end)
{
  finding->place = DESK_PLACE_TEXT;
  finding->start = start;
  finding->end = end;
}

static void
place_index (DeskFinding *finding,
             DeskPlace    place,
             int          index)
{
  finding->place = place;
  finding->index = index;
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
      guint first = findings->len;
      guint alt_length = desk_text_graphemes (trimmed);

      if (trimmed[0] == '\0')
        {
          add (findings, "alt-missing", DESK_SEVERITY_BLOCKING,
               g_strdup (_("This image has no description: people who cannot see it will not know what it shows.")),
               target, NULL);
          place_index (g_ptr_array_index (findings, findings->len - 1), DESK_PLACE_IMAGE, (int) i);
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
      for (guint f = first; f < findings->len; f++)
        place_index (g_ptr_array_index (findings, f), DESK_PLACE_IMAGE, (int) i);
      g_free (target);
    }
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
      g_autofree char *fix = NULL;
      DeskHashtagVerdict verdict = desk_hashtag_check (body, input->language, &fix);
      int start, end;

      n_tags++;
      g_match_info_fetch_pos (match, 0, &start, &end);
      /* Several words run together in lower case: the fix capitalises each */
      if (verdict == DESK_HASHTAG_SPLIT)
        place_text (add (findings, "hashtag-camelcase", DESK_SEVERITY_WARNING,
                         g_strdup (_("Screen readers read a hashtag of several words as one garbled word: capitalise each word.")),
                         g_strdup_printf ("#%s", body), g_steal_pointer (&fix)),
                    start, end);
      /* A long lower-case run no dictionary splits: a tip, no fix */
      else if (verdict == DESK_HASHTAG_UNSPLIT)
        place_text (add (findings, "hashtag-camelcase", DESK_SEVERITY_TIP,
                         g_strdup (_("This hashtag could not be split into dictionary words: if it joins several words, capitalise each one so that screen readers read them apart.")),
                         g_strdup_printf ("#%s", body), NULL),
                    start, end);
      g_match_info_next (match, NULL);
    }

  for (guint n = 0; input->networks != NULL && n < input->networks->len; n++)
    {
      DeskNetwork network = g_array_index (input->networks, DeskNetwork, n);
      guint max = desk_network_rules (network)->max_hashtags;

      if (max > 0 && n_tags > max)
        place_index (add (findings, "hashtag-too-many", DESK_SEVERITY_BLOCKING,
                          g_strdup_printf (_("%u hashtags; %s accepts %u."), n_tags, desk_network_to_label (network), max),
                          g_strdup (desk_network_to_label (network)), NULL),
                     DESK_PLACE_NETWORK, (int) n);
    }
}

static gboolean
is_fancy (gunichar c)
{
  return (c >= 0x1D400 && c <= 0x1D7FF) || (c >= 0xFF01 && c <= 0xFF5E) ||
         (c >= 0x24B6 && c <= 0x24E9) || (c >= 0x1F130 && c <= 0x1F189);
}

/* One finding per match of @pattern, placed on the matched text */
static void
add_regex_findings (GPtrArray          *findings,
                    const char         *text,
                    const char         *pattern,
                    GRegexCompileFlags  flags,
                    const char         *id,
                    DeskSeverity        severity,
                    const char         *message)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, flags, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      place_text (add (findings, id, severity, g_strdup (message), g_match_info_fetch (match, 0), NULL),
                  start, end);
      g_match_info_next (match, NULL);
    }
}

/* The first character that is not a space or a tab from @p towards the
 * start (@step < 0) or the end of @text, on the same line; 0 if none */
static gunichar
neighbour (const char *text,
           const char *p,
           int         step)
{
  while (step < 0 ? p > text : *p != '\0')
    {
      gunichar c;

      if (step < 0)
        p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (c == '\n')
        return 0;
      if (c != ' ' && c != '\t')
        return c;
      if (step > 0)
        p = g_utf8_next_char (p);
    }
  return 0;
}

static void
add_emoji_finding (GPtrArray  *findings,
                   const char *text,
                   int         start,
                   int         end,
                   const char *message)
{
  place_text (add (findings, "emoji-overuse", DESK_SEVERITY_WARNING, g_strdup (message),
                   g_strndup (text + start, end - start), NULL),
              start, end);
}

/* Emoji (a11y.md §4): screen readers read each one's full name. Warn above
 * three, on runs of two or more, on emoji standing for a word inside a
 * sentence and on lines of emoji only. */
static void
check_emoji (GPtrArray            *findings,
             const DeskCheckInput *input)
{
  const char *text = input->text ? input->text : "";
  gsize length = strlen (text);
  g_autoptr(GArray) starts = NULL;
  guint n_emoji = 0;
  int first = -1, last = -1;

  if (length == 0)
    return;
  starts = desk_text_grapheme_starts (text, length);
  for (guint i = 0; i + 1 < starts->len;)
    {
      int start = (int) g_array_index (starts, gsize, i);
      int end = start;
      guint run = 0;
      gunichar before, after;

      /* A run of emoji, spaces between them allowed */
      for (guint k = i; k + 1 < starts->len; k++)
        {
          gsize s0 = g_array_index (starts, gsize, k), s1 = g_array_index (starts, gsize, k + 1);

          if (desk_text_is_emoji_cluster (text + s0, text + s1))
            {
              run++;
              end = (int) s1;
              i = k + 1;
            }
          else if (run == 0 || (text[s0] != ' ' && text[s0] != '\t'))
            break;
        }
      if (run == 0)
        {
          i++;
          continue;
        }
      n_emoji += run;
      if (first < 0)
        first = start;
      last = end;
      before = neighbour (text, text + start, -1);
      after = neighbour (text, text + end, +1);
      if (before == 0 && after == 0)
        add_emoji_finding (findings, text, start, end,
                           _("A line of emoji only is read as a list of names: say it in words."));
      else if (run >= 2)
        add_emoji_finding (findings, text, start, end,
                           _("Several emoji in a row: screen readers read each one's full name."));
      else if (g_unichar_isalnum (before) && g_unichar_isalnum (after) && g_unichar_islower (after))
        add_emoji_finding (findings, text, start, end,
                           _("An emoji in place of a word is read by its name and breaks the sentence: write the word."));
    }
  if (n_emoji > 3)
    place_text (add (findings, "emoji-overuse", DESK_SEVERITY_TIP,
                     g_strdup_printf (_("%u emoji: screen readers read each one's name; keep three or fewer."), n_emoji),
                     g_strdup (_("text")), NULL),
                first, last);
}

/* The brand's editorial charter: forbidden words, preferred spellings and
 * the hashtags or mentions a post must carry */
static void
check_charter (GPtrArray            *findings,
               const DeskCheckInput *input)
{
  const DeskCharter *charter = input->charter;
  const char *text = input->text ? input->text : "";
  GHashTableIter iter;
  gpointer key, value;

  if (charter == NULL)
    return;
  for (guint i = 0; charter->forbidden != NULL && charter->forbidden[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (charter->forbidden[i], -1);
      g_autofree char *pattern = g_strdup_printf ("(?<![\\w#@])%s(?!\\w)", escaped);
      g_autofree char *message = g_strdup_printf (_("The brand's charter forbids “%s”."), charter->forbidden[i]);

      add_regex_findings (findings, text, pattern, G_REGEX_CASELESS, "charter-forbidden",
                          DESK_SEVERITY_BLOCKING, message);
    }
  g_hash_table_iter_init (&iter, charter->spellings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *escaped = g_regex_escape_string (key, -1);
      g_autofree char *pattern = g_strdup_printf ("(?<![\\w#@])%s(?!\\w)", escaped);
      g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (regex == NULL)
        continue;
      g_regex_match (regex, text, 0, &match);
      while (g_match_info_matches (match))
        {
          int start, end;

          g_match_info_fetch_pos (match, 0, &start, &end);
          place_text (add (findings, "charter-forbidden", DESK_SEVERITY_WARNING,
                           g_strdup_printf (_("The brand's charter writes “%s”, not “%s”."),
                                            (const char *) value, (const char *) key),
                           g_match_info_fetch (match, 0), g_strdup (value)),
                      start, end);
          g_match_info_next (match, NULL);
        }
    }
  for (guint i = 0; charter->required != NULL && charter->required[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (charter->required[i], -1);
      g_autofree char *pattern = g_strdup_printf ("%s(?![\\w@.])", escaped);

      if (!g_regex_match_simple (pattern, text, G_REGEX_CASELESS, 0))
        place_text (add (findings, "charter-missing", DESK_SEVERITY_WARNING,
                         g_strdup_printf (_("The brand's charter asks for %s in this post."), charter->required[i]),
                         g_strdup (charter->required[i]),
                         g_strdup_printf ("%s%s", text[0] != '\0' ? " " : "", charter->required[i])),
                    (int) strlen (text), (int) strlen (text));
    }
}

#define CHARTER_GROUP "Charter"

static char *
charter_group (gint64 campaign_id)
{
  return campaign_id > 0 ? g_strdup_printf ("Campaign %" G_GINT64_FORMAT, campaign_id) : g_strdup (CHARTER_GROUP);
}

/**
 * desk_charter_get:
 * @data: a brand's charter, as stored
 * @campaign_id: the campaign whose own rules to read, or 0 for the brand's
 * @key: "Forbidden", "Required" or "Spellings" ("wrong=right" items)
 *
 * Returns: (transfer full): the items, empty when none or unreadable
 */
GStrv
desk_charter_get (const char *data,
                  gint64      campaign_id,
                  const char *key)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *group = charter_group (campaign_id);
  GStrv values;

  if (data == NULL || !g_key_file_load_from_data (file, data, -1, G_KEY_FILE_NONE, NULL) ||
      (values = g_key_file_get_string_list (file, group, key, NULL, NULL)) == NULL)
    return g_new0 (char *, 1);
  return values;
}

/**
 * desk_charter_set:
 *
 * Returns: (transfer full): @data with @key of @campaign_id's rules (0: the
 *   brand's) replaced by @values, blank items dropped
 */
char *
desk_charter_set (const char         *data,
                  gint64              campaign_id,
                  const char         *key,
                  const char * const *values)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *group = charter_group (campaign_id);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;

  if (data != NULL && data[0] != '\0')
    g_key_file_load_from_data (file, data, -1, G_KEY_FILE_KEEP_COMMENTS, NULL);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (values[i]));

      if (item[0] != '\0')
        g_strv_builder_add (kept, item);
    }
  items = g_strv_builder_end (kept);
  if (items[0] == NULL)
    g_key_file_remove_key (file, group, key, NULL);
  else
    g_key_file_set_string_list (file, group, key, (const char * const *) items, g_strv_length (items));
  return g_key_file_to_data (file, NULL, NULL);
}

/**
 * desk_charter_parse:
 * @data: a brand's charter, as stored
 * @campaign_id: the post's campaign, or 0
 *
 * Returns: (transfer full): the rules that apply to a post of @campaign_id
 */
DeskCharter *
desk_charter_parse (const char *data,
                    gint64      campaign_id,
                    GError    **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(DeskCharter) charter = g_new0 (DeskCharter, 1);
  g_autoptr(GStrvBuilder) required = g_strv_builder_new ();
  g_auto(GStrv) spellings = NULL;
  g_auto(GStrv) brand_required = NULL;
  g_auto(GStrv) campaign_required = NULL;

  charter->spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (data != NULL && data[0] != '\0' && !g_key_file_load_from_data (file, data, -1, G_KEY_FILE_NONE, error))
    return NULL;
  charter->forbidden = desk_charter_get (data, 0, "Forbidden");
  brand_required = desk_charter_get (data, 0, "Required");
  campaign_required = campaign_id > 0 ? desk_charter_get (data, campaign_id, "Required") : g_new0 (char *, 1);
  g_strv_builder_addv (required, (const char **) brand_required);
  g_strv_builder_addv (required, (const char **) campaign_required);
  charter->required = g_strv_builder_end (required);
  spellings = desk_charter_get (data, 0, "Spellings");
  for (guint i = 0; spellings[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (spellings[i], "=", 2);

      if (pair[0] != NULL && pair[1] != NULL)
        {
          g_strstrip (pair[0]);
          g_strstrip (pair[1]);
          if (pair[0][0] != '\0' && pair[1][0] != '\0')
            g_hash_table_replace (charter->spellings, g_strdup (pair[0]), g_strdup (pair[1]));
        }
    }
  return g_steal_pointer (&charter);
}

void
desk_charter_free (DeskCharter *charter)
{
  if (charter == NULL)
    return;
  g_strfreev (charter->forbidden);
  g_strfreev (charter->required);
  g_clear_pointer (&charter->spellings, g_hash_table_unref);
  g_free (charter);
}

guint
desk_text_count_emoji (const char *text)
{
  g_autoptr(GArray) starts = NULL;
  gsize length = text ? strlen (text) : 0;
  guint n = 0;

  if (length == 0)
    return 0;
  starts = desk_text_grapheme_starts (text, length);
  for (guint i = 0; i + 1 < starts->len; i++)
    n += desk_text_is_emoji_cluster (text + g_array_index (starts, gsize, i),
                                     text + g_array_index (starts, gsize, i + 1));
  return n;
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
    place_text (add (findings, "fancy-unicode", DESK_SEVERITY_WARNING,
                     g_strdup (_("Decorative letters (bold, italic, circled…) are spelt letter by letter, or skipped, by screen readers.")),
                     g_strdup (_("text")), g_utf8_normalize (text, -1, G_NORMALIZE_NFKC)),
                0, (int) strlen (text));

  add_regex_findings (findings, text, "\\b\\p{Lu}{2,}(\\s+\\p{Lu}{2,}){2,}\\b", 0,
                      "all-caps", DESK_SEVERITY_TIP,
                      _("Several words in capitals are harder to read and some screen readers spell them out."));
  add_regex_findings (findings, text,
                      "\\b(click here|here|read more|cliquez ici|ici|en savoir plus|lire la suite)\\s*:?\\s*https?://",
                      G_REGEX_CASELESS, "link-text", DESK_SEVERITY_TIP,
                      _("“Click here” says nothing out of context: say where the link leads."));

  for (guint n = 0; input->networks != NULL && n < input->networks->len; n++)
    {
      DeskNetwork network = g_array_index (input->networks, DeskNetwork, n);
      DeskTextCount count;

      desk_text_count (network, text, &count);
      if (count.overflow_offset >= 0)
        {
          DeskFinding *f = add (findings, "text-too-long", DESK_SEVERITY_BLOCKING,
                                g_strdup_printf (_("%u characters for %s, which accepts %u."), count.length,
                                                 desk_network_to_label (network), count.limit),
                                g_strdup (desk_network_to_label (network)), NULL);

          place_index (f, DESK_PLACE_NETWORK, (int) n);
          f->start = (int) count.overflow_offset;
          f->end = (int) strlen (text);
        }
    }
}

static guint
count_matches (const char *text,
               const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (regex, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    n++;
  return n;
}

/* Networks that cap links (Threads) or mentions (Instagram) per post */
static void
check_links_and_mentions (GPtrArray            *findings,
                          const DeskCheckInput *input)
{
  const char *text = input->text ? input->text : "";
  guint links = count_matches (text, "https?://\\S+");
  guint mentions = count_matches (text, "(?<![\\w@])@[\\w.]+");

  for (guint n = 0; input->networks != NULL && n < input->networks->len; n++)
    {
      DeskNetwork network = g_array_index (input->networks, DeskNetwork, n);
      const DeskNetworkRules *rules = desk_network_rules (network);

      if (rules->max_links > 0 && links > rules->max_links)
        place_index (add (findings, "text-too-long", DESK_SEVERITY_BLOCKING,
                          g_strdup_printf (_("%u links; %s accepts %u."), links, desk_network_to_label (network),
                                           rules->max_links),
                          g_strdup (desk_network_to_label (network)), NULL),
                     DESK_PLACE_NETWORK, (int) n);
      if (rules->max_mentions > 0 && mentions > rules->max_mentions)
        place_index (add (findings, "text-too-long", DESK_SEVERITY_BLOCKING,
                          g_strdup_printf (_("%u mentions; %s accepts %u."), mentions, desk_network_to_label (network),
                                           rules->max_mentions),
                          g_strdup (desk_network_to_label (network)), NULL),
                     DESK_PLACE_NETWORK, (int) n);
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
    case DESK_NETWORK_PINTEREST: return 500;   /* a Pin's alt_text (Pinterest API) */
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
  check_emoji (findings, input);
  check_charter (findings, input);
  check_links_and_mentions (findings, input);
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
