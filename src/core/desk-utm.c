/* desk-utm.c: campaign tags on a post's links
 *
 * Every http(s) link of a text gets utm_source (the network), utm_medium
 * (social) and utm_campaign (the campaign's name), so the client's web
 * analytics can tell where visits come from. Links that already carry a
 * utm_source are left alone. URIs are parsed and rebuilt with GUri.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-utm"

#include "config.h"

#include "desk-utm.h"

static char *
campaign_slug (const char *campaign)
{
  g_autofree char *ascii = g_str_to_ascii (campaign, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  GString *slug = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, *p);
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}

static char *
tag_one (const char *link,
         const char *source,
         const char *campaign)
{
  g_autoptr(GUri) uri = g_uri_parse (link, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GUri) tagged = NULL;
  g_autoptr(GString) query = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *escaped_source = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (link);
  query = g_string_new (g_uri_get_query (uri));
  if (g_regex_match_simple ("(^|&)utm_source=", query->str, 0, 0))
    return g_strdup (link);
  escaped_source = g_uri_escape_string (source, NULL, FALSE);
  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_printf (query, "utm_source=%s&utm_medium=social", escaped_source);
  slug = campaign != NULL ? campaign_slug (campaign) : NULL;
  if (slug != NULL && slug[0] != '\0')
    g_string_append_printf (query, "&utm_campaign=%s", slug);
  tagged = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), g_uri_get_userinfo (uri),
                        g_uri_get_host (uri), g_uri_get_port (uri), g_uri_get_path (uri),
                        query->str, g_uri_get_fragment (uri));
  return g_uri_to_string (tagged);
}

static gboolean
replace_link (const GMatchInfo *match,
              GString          *result,
              gpointer          user_data)
{
  const char * const *args = user_data;
  g_autofree char *link = g_match_info_fetch (match, 0);
  g_autofree char *tagged = tag_one (link, args[0], args[1]);

  g_string_append (result, tagged);
  return FALSE;
}

/**
 * desk_utm_tag_links:
 * @source: the network, "mastodon"
 * @campaign: (nullable): the campaign's name
 *
 * Returns: (transfer full): @text with its links tagged
 */
char *
desk_utm_tag_links (const char *text,
                    const char *source,
                    const char *campaign)
{
  g_autoptr(GRegex) regex = NULL;
  const char *args[] = { source, campaign };

  g_return_val_if_fail (source != NULL, NULL);
  if (text == NULL)
    return g_strdup ("");
  /* A link ends before spaces and before trailing punctuation */
  regex = g_regex_new ("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)»]", G_REGEX_CASELESS, 0, NULL);
  return g_regex_replace_eval (regex, text, -1, 0, 0, replace_link, args, NULL);
}
