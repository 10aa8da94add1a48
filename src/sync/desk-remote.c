/* desk-remote.c: what the connectors share
 *
 * Replies are read defensively: a member of the wrong type is as absent,
 * never a crash (json_object_get_string_member () aborts on a number).
 * HTML (Mastodon's statuses) becomes text through libxml2's HTML parser,
 * not a hand-made tag stripper. The Link header (RFC 8288) is split with
 * libsoup's header list parser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-remote"

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>

#include "desk-remote.h"

void
desk_remote_account_free (DeskRemoteAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->id);
  g_free (account->handle);
  g_free (account->display_name);
  g_free (account->url);
  g_free (account);
}

void
desk_post_counts_free (DeskPostCounts *counts)
{
  if (counts == NULL)
    return;
  g_free (counts->id);
  g_free (counts);
}

void
desk_remote_post_free (DeskRemotePost *post)
{
  if (post == NULL)
    return;
  g_free (post->id);
  g_free (post->url);
  g_free (post);
}

/* Members */

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

/* The member's string, or NULL when it is absent, null or not a string */
const char *
desk_json_get_string (JsonObject *object,
                      const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
desk_json_get_int (JsonObject *object,
                   const char *name,
                   gint64      fallback)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

JsonObject *
desk_json_get_object (JsonObject *object,
                      const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
desk_json_get_array (JsonObject *object,
                     const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* An ISO 8601 time with its offset ("2026-12-02T09:30:00.000Z") */
GDateTime *
desk_json_get_time (JsonObject *object,
                    const char *name)
{
  const char *text = desk_json_get_string (object, name);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/**
 * desk_remote_answer_object:
 * @malformed: what the error says when the answer is not a JSON object
 *   ("The server’s answer is not what Mastodon sends.")
 * @node: (out): the answer's JSON, to keep while the object is read
 *
 * Returns: (transfer none) (nullable): the answer's JSON object, or %NULL
 *   after @task returned DESK_HTTP_ERROR_MALFORMED
 */
JsonObject *
desk_remote_answer_object (GTask             *task,
                           DeskHttpResponse  *response,
                           const char        *malformed,
                           JsonNode         **node)
{
  *node = desk_http_response_get_json (response, NULL);
  if (*node == NULL || !JSON_NODE_HOLDS_OBJECT (*node))
    {
      g_task_return_new_error (task, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED, "%s", malformed);
      return NULL;
    }
  return json_node_get_object (*node);
}

/* HTML */

static void
append_text (xmlNode *node,
             GString *out)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      const char *name = (const char *) n->name;

      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) n->content);
      else if (n->type == XML_ELEMENT_NODE)
        {
          gboolean block = g_ascii_strcasecmp (name, "p") == 0 || g_ascii_strcasecmp (name, "div") == 0 ||
                           g_ascii_strcasecmp (name, "li") == 0 || g_ascii_strcasecmp (name, "blockquote") == 0;

          if (g_ascii_strcasecmp (name, "script") == 0 || g_ascii_strcasecmp (name, "style") == 0)
            continue;
          if (g_ascii_strcasecmp (name, "br") == 0)
            {
              g_string_append_c (out, '\n');
              continue;
            }
          if (block && out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append (out, "\n\n");
          append_text (n->children, out);
          if (block && out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append (out, "\n\n");
        }
    }
}

/**
 * desk_html_to_text:
 *
 * Returns: the text of an HTML fragment (a status's content): paragraphs
 *   apart, line breaks kept, entities decoded, scripts and styles dropped
 */
char *
desk_html_to_text (const char *html)
{
  g_autoptr(GString) out = g_string_new (NULL);
  htmlDocPtr doc;

  if (html == NULL || html[0] == '\0')
    return g_strdup ("");
  doc = htmlReadMemory (html, (int) MIN (strlen (html), G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
  if (doc == NULL)
    return g_strdup ("");
  append_text (doc->children, out);
  xmlFreeDoc (doc);
  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (!g_utf8_validate (out->str, -1, NULL))
    return g_utf8_make_valid (out->str, -1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Link */

/**
 * desk_link_header_find:
 *
 * Returns: (nullable): the address of the Link header's @rel ("next",
 *   "prev"), as the server wrote it
 */
char *
desk_link_header_find (SoupMessageHeaders *headers,
                       const char         *rel)
{
  const char *value = headers ? soup_message_headers_get_list (headers, "Link") : NULL;
  GSList *links;
  char *found = NULL;

  if (value == NULL)
    return NULL;
  links = soup_header_parse_list (value);
  for (GSList *l = links; l != NULL && found == NULL; l = l->next)
    {
      const char *link = l->data;
      const char *open = strchr (link, '<');
      const char *close = open ? strchr (open, '>') : NULL;
      GHashTable *params;
      const char *rels;

      if (open == NULL || close == NULL)
        continue;
      params = soup_header_parse_semi_param_list (close + 1);
      rels = g_hash_table_lookup (params, "rel");
      if (rels != NULL)
        {
          g_auto(GStrv) names = g_strsplit (rels, " ", -1);

          if (g_strv_contains ((const char * const *) names, rel))
            found = g_strndup (open + 1, close - open - 1);
        }
      soup_header_free_param_list (params);
    }
  soup_header_free_list (links);
  return found;
}
