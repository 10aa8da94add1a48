/* desk-inbox-filter.c: which notifications the inbox shows, in which order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-inbox-filter"

#include "config.h"

#include <string.h>

#include "desk-inbox-filter.h"

G_DEFINE_BOXED_TYPE (DeskInboxFilter, desk_inbox_filter, desk_inbox_filter_copy, desk_inbox_filter_free)

void
desk_inbox_filter_init (DeskInboxFilter *filter)
{
  g_return_if_fail (filter != NULL);

  *filter = (DeskInboxFilter) { .view = DESK_INBOX_VIEW_ATTENTION, .network = -1, .kind = -1 };
}

void
desk_inbox_filter_clear (DeskInboxFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->assignee, g_free);
  g_clear_pointer (&filter->from, g_date_time_unref);
  g_clear_pointer (&filter->to, g_date_time_unref);
  g_clear_pointer (&filter->search, g_free);
  desk_inbox_filter_init (filter);
}

DeskInboxFilter *
desk_inbox_filter_new (void)
{
  DeskInboxFilter *filter = g_new (DeskInboxFilter, 1);

  desk_inbox_filter_init (filter);
  return filter;
}

DeskInboxFilter *
desk_inbox_filter_copy (const DeskInboxFilter *filter)
{
  DeskInboxFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->assignee = g_strdup (filter->assignee);
  copy->from = filter->from ? g_date_time_ref (filter->from) : NULL;
  copy->to = filter->to ? g_date_time_ref (filter->to) : NULL;
  copy->search = g_strdup (filter->search);
  return copy;
}

void
desk_inbox_filter_free (DeskInboxFilter *filter)
{
  if (filter == NULL)
    return;
  desk_inbox_filter_clear (filter);
  g_free (filter);
}

static glong
count_word_characters (const char *word)
{
  glong n = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_isalnum (g_utf8_get_char (p)) != 0;
  return n;
}

static gboolean
has_word_character (const char *word)
{
  return count_word_characters (word) > 0;
}

/**
 * desk_inbox_filter_dup_match:
 *
 * Returns: (transfer full) (nullable): the FTS5 query for words as typed:
 *   each word quoted (so that no character of it is FTS5 syntax), all of
 *   them required, the last one a prefix, since results come as the user
 *   types ("creme bru" → "creme" "bru"*); %NULL when @search has no word.
 *   A last word of one letter is matched as a whole word, not a prefix
 *   ("a" finds "à", not every word starting with an a): a one-letter
 *   prefix would read most of the index at each first keystroke, and the
 *   index keeps prefixes of 2 and 3 characters (schema 12)
 */
char *
desk_inbox_filter_dup_match (const char *search)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) match = g_string_new (NULL);
  gboolean ends_with_space;
  glong last_length = 0;

  if (search == NULL || !g_utf8_validate (search, -1, NULL))
    return NULL;
  ends_with_space = search[0] != '\0' && g_ascii_isspace (search[strlen (search) - 1]);
  words = g_strsplit_set (search, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) quotes = NULL;
      g_autofree char *escaped = NULL;

      if (!has_word_character (words[i]))
        continue;
      quotes = g_strsplit (words[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", quotes);
      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_printf (match, "\"%s\"", escaped);
      last_length = count_word_characters (words[i]);
    }
  if (match->len == 0)
    return NULL;
  if (!ends_with_space && last_length > 1)
    g_string_append_c (match, '*');
  return g_string_free (g_steal_pointer (&match), FALSE);
}
