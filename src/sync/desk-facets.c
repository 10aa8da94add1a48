/* desk-facets.c: Bluesky rich-text facets (links, mentions, hashtags)
 *
 * Bluesky does not find links, mentions or hashtags in a post's text: the
 * client sends them as facets, each a range of the text in UTF-8 *bytes*
 * (end excluded) with its feature (docs.bsky.app, "Links, mentions, and
 * rich text"). The rules follow the reference client's (@atproto/api
 * RichText.detectFacets): a link starts with http(s)://, a mention is
 * @ and a domain-like handle, a hashtag is # (or the full-width ＃)
 * and at most 64 characters that are not all digits; trailing
 * punctuation is not part of any of them. GRegex gives byte offsets
 * directly, never character indices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-facets"

#include "config.h"

#include <string.h>

#include "desk-facets.h"

#define MAX_TAG_CHARS 64

void
desk_facet_free (DeskFacet *facet)
{
  if (facet == NULL)
    return;
  g_free (facet->value);
  g_free (facet);
}

static void
add (GPtrArray     *facets,
     DeskFacetKind  kind,
     gsize          start,
     gsize          end,
     char          *value)
{
  DeskFacet *facet = g_new0 (DeskFacet, 1);

  facet->kind = kind;
  facet->byte_start = start;
  facet->byte_end = end;
  facet->value = value;
  g_ptr_array_add (facets, facet);
}

/* The end of @text[start, end) without its trailing punctuation: a link
 * or a tag at the end of a sentence does not take its full stop, nor a
 * ")" it did not open */
static gsize
trim_trailing (const char *text,
               gsize       start,
               gsize       end,
               gboolean    keep_balanced_parens)
{
  while (end > start)
    {
      const char *last = g_utf8_find_prev_char (text + start, text + end);
      gunichar c;

      if (last == NULL)
        break;
      c = g_utf8_get_char (last);
      if (c == ')' && keep_balanced_parens)
        {
          guint open = 0, close = 0;

          for (const char *p = text + start; p < text + end; p++)
            open += *p == '(', close += *p == ')';
          if (open >= close)
            break;
        }
      else if (!(g_unichar_ispunct (c) && c != '/' && c != '#' && c != '_' && c != '-' && c != '=' && c != '&'))
        break;
      end = last - text;
    }
  return end;
}

static void
find_links (GPtrArray  *facets,
            const char *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?:^|[\\s(])(https?://[^\\s]+)", G_REGEX_OPTIMIZE, 0, NULL));

  for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      gsize trimmed;

      g_match_info_fetch_pos (match, 1, &start, &end);
      trimmed = trim_trailing (text, start, end, TRUE);
      /* "https://" alone is no link */
      if (trimmed - start > strlen ("https://"))
        add (facets, DESK_FACET_LINK, start, trimmed, g_strndup (text + start, trimmed - start));
    }
}

static void
find_mentions (GPtrArray  *facets,
               const char *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  /* A handle is a domain name: labels of letters, digits and inner
   * hyphens, at least two, the last not all digits */
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                               g_regex_new ("(?:^|[\\s(])@((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+"
                                            "[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(?![a-zA-Z0-9.-]*[a-zA-Z0-9])",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (match, 1, &start, &end);
      /* The range takes the "@" */
      add (facets, DESK_FACET_MENTION, start - 1, end, g_ascii_strdown (text + start, end - start));
    }
}

static void
find_tags (GPtrArray  *facets,
           const char *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  /* After a space or at the start; up to a space or an invisible
   * separator (soft hyphen, word joiner, zero-width spaces and joiners,
   * the keycap) */
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                               g_regex_new ("(?:^|\\s)([#\\x{FF03}])(?!\\x{FE0F}|\\x{20E3})"
                                            "([^\\s\\x{00AD}\\x{2060}\\x{200A}\\x{200B}\\x{200C}\\x{200D}\\x{20E2}]+)",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int hash_start, hash_end, start, end;
      gsize trimmed;
      gboolean digits_only = TRUE;
      g_autofree char *tag = NULL;

      g_match_info_fetch_pos (match, 1, &hash_start, &hash_end);
      g_match_info_fetch_pos (match, 2, &start, &end);
      trimmed = trim_trailing (text, start, end, FALSE);
      if (trimmed == (gsize) start)
        continue;
      tag = g_strndup (text + start, trimmed - start);
      for (const char *p = tag; *p != '\0'; p = g_utf8_next_char (p))
        digits_only &= g_unichar_isdigit (g_utf8_get_char (p));
      if (digits_only || g_utf8_strlen (tag, -1) > MAX_TAG_CHARS)
        continue;
      add (facets, DESK_FACET_TAG, hash_start, trimmed, g_steal_pointer (&tag));
    }
}

static gint
by_start (gconstpointer a,
          gconstpointer b)
{
  const DeskFacet *x = *(const DeskFacet * const *) a;
  const DeskFacet *y = *(const DeskFacet * const *) b;

  return x->byte_start < y->byte_start ? -1 : x->byte_start > y->byte_start;
}

/**
 * desk_facets_find:
 * @text: a post's text, UTF-8
 *
 * Returns: (transfer full) (element-type DeskFacet): its links, mentions
 *   and hashtags in the order of the text; none overlaps another (a link
 *   wins over the mention or tag inside it)
 */
GPtrArray *
desk_facets_find (const char *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_facet_free);
  GPtrArray *facets = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_facet_free);
  gsize covered = 0;

  g_return_val_if_fail (text != NULL, facets);
  if (!g_utf8_validate (text, -1, NULL))
    return facets;

  find_links (found, text);
  find_mentions (found, text);
  find_tags (found, text);
  /* Links were found first: a stable sort keeps them ahead of what
   * starts at the same byte */
  g_ptr_array_sort (found, by_start);
  for (guint i = 0; i < found->len; i++)
    {
      DeskFacet *facet = g_ptr_array_index (found, i);

      if (facet->byte_start < covered)
        continue;
      covered = facet->byte_end;
      g_ptr_array_add (facets, g_ptr_array_steal_index (found, i--));
    }
  return facets;
}

/**
 * desk_facets_to_json:
 * @facets: (element-type DeskFacet): from desk_facets_find ()
 * @dids: (nullable): handle → DID, for mentions; a mention whose handle
 *   has none is left as plain text
 *
 * Returns: (transfer full): the record's "facets" array
 */
JsonNode *
desk_facets_to_json (GPtrArray  *facets,
                     GHashTable *dids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < facets->len; i++)
    {
      DeskFacet *facet = g_ptr_array_index (facets, i);
      const char *did = facet->kind == DESK_FACET_MENTION && dids ? g_hash_table_lookup (dids, facet->value) : NULL;

      if (facet->kind == DESK_FACET_MENTION && did == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "byteStart");
      json_builder_add_int_value (builder, facet->byte_start);
      json_builder_set_member_name (builder, "byteEnd");
      json_builder_add_int_value (builder, facet->byte_end);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "features");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "$type");
      switch (facet->kind)
        {
        case DESK_FACET_LINK:
          json_builder_add_string_value (builder, "app.bsky.richtext.facet#link");
          json_builder_set_member_name (builder, "uri");
          json_builder_add_string_value (builder, facet->value);
          break;
        case DESK_FACET_MENTION:
          json_builder_add_string_value (builder, "app.bsky.richtext.facet#mention");
          json_builder_set_member_name (builder, "did");
          json_builder_add_string_value (builder, did);
          break;
        case DESK_FACET_TAG:
        default:
          json_builder_add_string_value (builder, "app.bsky.richtext.facet#tag");
          json_builder_set_member_name (builder, "tag");
          json_builder_add_string_value (builder, facet->value);
          break;
        }
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
