/* desk-text-count.c: how long a text is for each network
 *
 * Each network counts differently (Mastodon's status_length_validator.rb,
 * Bluesky's app.bsky.feed.post lexicon, twitter-text's config v3 and
 * conformance/validate.yml):
 * Mastodon counts grapheme clusters after taking every URL as 23 and
 * "@user@domain" as "@user"; Bluesky counts graphemes and UTF-8 bytes; X
 * weighs code points (1 or 2, a URL 23 — also a bare domain with a known
 * top-level domain, as twitter-text does —, an emoji sequence 2) after NFC;
 * the others count graphemes. Grapheme clusters come from Pango's
 * break iterator (pango_get_log_attrs), emoji properties from ICU, not
 * from tables of ours.
 *
 * The text is cut into units (a grapheme, a URL, a mention's domain), each
 * with a weight; the first unit that passes the limit gives the byte
 * offset where the overflow starts, so the editor can mark it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-text-count"

#include "config.h"

#include <string.h>
#include <pango/pango.h>
#include <unicode/uchar.h>
#include <libpsl.h>

#include "desk-text-count.h"

/* Mastodon, Bluesky and WordPress have publishing APIs open to any app;
 * the others are prepare-only: their posts are written, checked and
 * scheduled here, and published by hand */
static const DeskNetworkRules rules[] = {
  [DESK_NETWORK_MASTODON]  = { DESK_NETWORK_MASTODON, 500, 0, 0, 0, 0, FALSE },
  [DESK_NETWORK_BLUESKY]   = { DESK_NETWORK_BLUESKY, 300, 3000, 0, 0, 0, FALSE },
  [DESK_NETWORK_WORDPRESS] = { DESK_NETWORK_WORDPRESS, 0, 0, 0, 0, 0, FALSE },
  [DESK_NETWORK_INSTAGRAM] = { DESK_NETWORK_INSTAGRAM, 2200, 0, 5, 0, 3, TRUE },
  [DESK_NETWORK_FACEBOOK]  = { DESK_NETWORK_FACEBOOK, 63206, 0, 0, 0, 0, TRUE },
  [DESK_NETWORK_LINKEDIN]  = { DESK_NETWORK_LINKEDIN, 3000, 0, 0, 0, 0, TRUE },
  [DESK_NETWORK_THREADS]   = { DESK_NETWORK_THREADS, 500, 0, 0, 5, 0, TRUE },
  [DESK_NETWORK_X]         = { DESK_NETWORK_X, 280, 0, 0, 0, 0, TRUE },
  /* TikTok's caption (Content Posting API: 2,200), YouTube's description
   * (YouTube Data API: 5,000), a Pin's description (Pinterest API: 500);
   * "other" has no rule of its own */
  [DESK_NETWORK_TIKTOK]    = { DESK_NETWORK_TIKTOK, 2200, 0, 0, 0, 0, TRUE },
  [DESK_NETWORK_YOUTUBE]   = { DESK_NETWORK_YOUTUBE, 5000, 0, 0, 0, 0, TRUE },
  [DESK_NETWORK_PINTEREST] = { DESK_NETWORK_PINTEREST, 500, 0, 0, 0, 0, TRUE },
  [DESK_NETWORK_OTHER]     = { DESK_NETWORK_OTHER, 0, 0, 0, 0, 0, TRUE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (rules) == DESK_NETWORK_LAST + 1);

#define URL_WEIGHT 23

const DeskNetworkRules *
desk_network_rules (DeskNetwork network)
{
  g_return_val_if_fail (network <= DESK_NETWORK_LAST, NULL);
  return &rules[network];
}

/* TRUE for a network whose posts are published by hand */
gboolean
desk_network_is_prepare_only (DeskNetwork network)
{
  g_return_val_if_fail (network <= DESK_NETWORK_LAST, TRUE);
  return rules[network].by_hand;
}

typedef struct
{
  gsize offset;   /* bytes, in the counted text */
  guint weight;
} Unit;

/* Byte offsets where grapheme clusters start, and the end. */
GArray *
desk_text_grapheme_starts (const char *text,
                 gsize       length)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  glong n_chars = g_utf8_strlen (text, length);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
  const char *p = text;

  pango_get_log_attrs (text, (int) length, -1, pango_language_from_string ("fr"), attrs, n_chars + 1);
  for (glong i = 0; i <= n_chars; i++)
    {
      if (attrs[i].is_cursor_position || i == n_chars)
        {
          gsize offset = p - text;
          g_array_append_val (starts, offset);
        }
      if (i < n_chars)
        p = g_utf8_next_char (p);
    }
  return starts;
}

guint
desk_text_graphemes (const char *text)
{
  g_autoptr(GArray) starts = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  starts = desk_text_grapheme_starts (text, strlen (text));
  return starts->len - 1;
}

/* X's weights (twitter-text v3): these ranges weigh 1, the rest 2. */
static guint
x_weight (gunichar c)
{
  if (c <= 4351 || (c >= 8192 && c <= 8205) || (c >= 8208 && c <= 8223) || (c >= 8242 && c <= 8247))
    return 1;
  return 2;
}

/* Whether the grapheme cluster [start, end) is shown as an emoji: a
 * pictograph with emoji presentation by default or asked for by U+FE0F, a
 * flag (regional indicators) or a keycap. The properties come from ICU. */
gboolean
desk_text_is_emoji_cluster (const char *start,
                            const char *end)
{
  gboolean pictographic = FALSE, selector = FALSE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x20E3)
        return TRUE;
      selector |= c == 0xFE0F;
      if (u_hasBinaryProperty ((UChar32) c, UCHAR_EMOJI_PRESENTATION) ||
          u_hasBinaryProperty ((UChar32) c, UCHAR_REGIONAL_INDICATOR))
        return TRUE;
      pictographic |= u_hasBinaryProperty ((UChar32) c, UCHAR_EXTENDED_PICTOGRAPHIC);
    }
  return pictographic && selector;
}

/* Spans of @text matched by @pattern, as [start, end) byte pairs */
static GArray *
find_spans (const char *text,
            const char *pattern,
            int         group_end)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (int));

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end, keep_end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_match_info_fetch_pos (match, group_end, NULL, &keep_end);
      g_array_append_val (spans, start);
      g_array_append_val (spans, end);
      g_array_append_val (spans, keep_end);
      g_match_info_next (match, NULL);
    }
  return spans;
}

/* X links bare domains too ("test.com"), when they end in a known top-level
 * domain; the public suffix list comes from libpsl */
static GArray *
find_x_urls (const char *text)
{
  static const psl_ctx_t *psl;
  g_autoptr(GRegex) regex = g_regex_new ("https?://[^\\s]+|(?<![\\w@.:/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+([a-z]{2,63})\\b(?:/[^\\s]*)?",
                                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (int));

  if (psl == NULL)
    psl = psl_builtin () != NULL ? psl_builtin () : psl_latest (NULL);
  g_regex_match (regex, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end, tld_start = -1, tld_end = -1;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (g_match_info_fetch_pos (match, 1, &tld_start, &tld_end) && tld_start >= 0)
        {
          g_autofree char *tld = g_ascii_strdown (text + tld_start, tld_end - tld_start);

          if (psl == NULL || !psl_is_public_suffix2 (psl, tld, PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE))
            continue;
        }
      g_array_append_val (spans, start);
      g_array_append_val (spans, end);
      g_array_append_val (spans, end);
    }
  return spans;
}

static GArray *
units_for (DeskNetwork  network,
           const char  *text,
           gsize        length)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));
  g_autoptr(GArray) starts = desk_text_grapheme_starts (text, length);
  g_autoptr(GArray) urls = NULL;
  g_autoptr(GArray) mentions = NULL;
  guint u = 0, m = 0;

  if (network == DESK_NETWORK_MASTODON)
    urls = find_spans (text, "https?://[^\\s]+", 0);
  else if (network == DESK_NETWORK_X)
    urls = find_x_urls (text);
  if (network == DESK_NETWORK_MASTODON)
    mentions = find_spans (text, "(@[A-Za-z0-9_]+)@[A-Za-z0-9.-]+[A-Za-z0-9]", 1);

  for (guint g = 0; g + 1 < starts->len; g++)
    {
      gsize start = g_array_index (starts, gsize, g);
      gsize end = g_array_index (starts, gsize, g + 1);
      Unit unit = { start, 1 };

      /* A URL weighs 23, wherever it breaks into graphemes */
      while (urls && u < urls->len && (gsize) g_array_index (urls, int, u + 1) <= start)
        u += 3;
      if (urls && u < urls->len && (gsize) g_array_index (urls, int, u) <= start)
        {
          unit.weight = (gsize) g_array_index (urls, int, u) == start ? URL_WEIGHT : 0;
          g_array_append_val (units, unit);
          continue;
        }

      /* "@user@domain" counts as "@user" on Mastodon */
      while (mentions && m < mentions->len && (gsize) g_array_index (mentions, int, m + 1) <= start)
        m += 3;
      if (mentions && m < mentions->len && (gsize) g_array_index (mentions, int, m + 2) <= start &&
          (gsize) g_array_index (mentions, int, m) <= start)
        unit.weight = 0;

      if (network == DESK_NETWORK_X)
        {
          if (desk_text_is_emoji_cluster (text + start, text + end))
            unit.weight = 2;
          else
            {
              unit.weight = 0;
              for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
                unit.weight += x_weight (g_utf8_get_char (p));
            }
        }
      g_array_append_val (units, unit);
    }
  return units;
}

/**
 * desk_text_count:
 *
 * Counts @text the way @network does and says where it passes the
 * network's limit (byte offset in @text, or -1).
 */
void
desk_text_count (DeskNetwork    network,
                 const char    *text,
                 DeskTextCount *count)
{
  const DeskNetworkRules *r = desk_network_rules (network);
  g_autofree char *normalised = NULL;
  g_autoptr(GArray) units = NULL;
  const char *counted = text ? text : "";
  gsize length;
  guint total = 0;

  g_return_if_fail (count != NULL);

  /* X counts the NFC form; offsets then refer to it, which is the text
   * itself for what editors produce. */
  if (network == DESK_NETWORK_X)
    counted = normalised = g_utf8_normalize (counted, -1, G_NORMALIZE_NFC);

  length = strlen (counted);
  units = units_for (network, counted, length);

  count->limit = r->limit;
  count->bytes = length;
  count->overflow_offset = -1;
  for (guint i = 0; i < units->len; i++)
    {
      Unit *unit = &g_array_index (units, Unit, i);

      total += unit->weight;
      if (r->limit > 0 && total > r->limit && count->overflow_offset < 0)
        count->overflow_offset = (gssize) unit->offset;
    }
  count->length = total;

  /* Bluesky also limits bytes */
  if (r->byte_limit > 0 && length > r->byte_limit && count->overflow_offset < 0)
    {
      const char *cut = g_utf8_find_prev_char (counted, counted + r->byte_limit + 1);
      count->overflow_offset = cut ? cut - counted : (gssize) r->byte_limit;
    }
}
