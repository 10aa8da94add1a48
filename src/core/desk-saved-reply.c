/* desk-saved-reply.c: a brand's saved replies and their variables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-saved-reply"

#include "config.h"

#include <string.h>

#include "desk-saved-reply.h"

DeskSavedReply *
desk_saved_reply_new (gint64      brand_id,
                      const char *title,
                      const char *body)
{
  DeskSavedReply *reply = g_new0 (DeskSavedReply, 1);

  reply->brand_id = brand_id;
  reply->title = g_strdup (title);
  reply->body = g_strdup (body);
  return reply;
}

void
desk_saved_reply_free (DeskSavedReply *reply)
{
  if (reply == NULL)
    return;
  g_free (reply->title);
  g_free (reply->body);
  g_free (reply);
}

/**
 * desk_saved_reply_expand:
 * @body: a saved reply's text
 * @author: (nullable): the name of whom the reply answers
 * @brand: (nullable): the brand's name
 * @date: (nullable): the day to write for {date} (in its own timezone);
 *   %NULL: today, in the local timezone
 *
 * Returns: (transfer full): @body with {author}, {brand} and {date}
 *   replaced (a variable with no value becomes empty text); any other
 *   text between braces is left as it is. The date is written the way the
 *   locale writes a date (strftime's %x).
 */
char *
desk_saved_reply_expand (const char *body,
                         const char *author,
                         const char *brand,
                         GDateTime  *date)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *day = NULL;
  const char *p;

  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    return g_strdup ("");
  if (date == NULL)
    date = today = g_date_time_new_now_local ();
  day = g_date_time_format (date, "%x");

  out = g_string_sized_new (strlen (body));
  for (p = body; *p != '\0';)
    {
      static const struct { const char *name; int which; } variables[] = {
        { "{author}", 0 }, { "{brand}", 1 }, { "{date}", 2 },
      };
      gboolean replaced = FALSE;

      if (*p == '{')
        for (guint i = 0; i < G_N_ELEMENTS (variables) && !replaced; i++)
          if (g_str_has_prefix (p, variables[i].name))
            {
              const char *value = variables[i].which == 0 ? author : variables[i].which == 1 ? brand : day;

              if (value != NULL && g_utf8_validate (value, -1, NULL))
                g_string_append (out, value);
              p += strlen (variables[i].name);
              replaced = TRUE;
            }
      if (!replaced)
        g_string_append_c (out, *p++);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
