/* desk-json.c: JSON text as people and scripts read it
 *
 * json-glib's generator (1.6, Debian 12) writes every double with 17
 * significant digits, so 2.3231 comes out as 2.3231000000000002: true to
 * the bits, not to what the number means. desk_json_to_data () lets the
 * generator write the document, then writes each of its fractional
 * numbers again with the fewest digits that read back as the same double
 * (the shortest round trip, as JavaScript's Number.prototype.toString ()
 * and Python's repr () do). Strings are left as the generator wrote them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-json"

#include "config.h"

#include <string.h>

#include "desk-json.h"

/* @token (a JSON number) with the fewest significant digits that parse
 * back to the same double */
static void
append_shortest (GString    *out,
                 const char *token,
                 gsize       length)
{
  g_autofree char *copy = g_strndup (token, length);
  double value = g_ascii_strtod (copy, NULL);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        {
          g_string_append (out, buf);
          return;
        }
    }
  g_string_append (out, copy);
}

/**
 * desk_json_to_data:
 * @root: a document
 *
 * Returns: (transfer full): @root as JSON text, its numbers as short as
 *   they can be and still mean the same double
 */
char *
desk_json_to_data (JsonNode *root,
                   gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  GString *out;
  gboolean in_string = FALSE;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  text = json_generator_to_data (generator, NULL);
  out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            g_string_append_len (out, p++, 1);
          else if (*p == '"')
            in_string = FALSE;
          g_string_append_len (out, p++, 1);
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_len (out, p++, 1);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          gsize n = strspn (p, "-+0123456789.eE");

          if (memchr (p, '.', n) != NULL || memchr (p, 'e', n) != NULL || memchr (p, 'E', n) != NULL)
            append_shortest (out, p, n);
          else
            g_string_append_len (out, p, n);
          p += n;
        }
      else
        g_string_append_len (out, p++, 1);
    }
  return g_string_free (out, FALSE);
}
