/* desk-slots.c: a channel's posting slots and its queue
 *
 * Slots are days of the week and times, written "mon wed fri 09:30, tue
 * 18:00" (English or French day names, or the translated ones). Stored in
 * that English form. The queue's next free slot is the first slot after a
 * time that no post of the channel already takes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-slots"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-slots.h"
#include "desk-time.h"

static const char * const english[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char * const french[] = { "lun", "mar", "mer", "jeu", "ven", "sam", "dim" };
/* Translators: abbreviated week days for posting slots ("mon wed 09:30"), Monday first, one word each */
static const char * const translated[] = { N_("mon"), N_("tue"), N_("wed"), N_("thu"), N_("fri"), N_("sat"), N_("sun") };

static int
day_number (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (int d = 0; d < 7; d++)
    {
      g_autofree char *local = g_utf8_casefold (g_dgettext (GETTEXT_PACKAGE, translated[d]), -1);

      if (g_str_has_prefix (folded, english[d]) || g_str_has_prefix (folded, french[d]) ||
          g_str_equal (folded, local))
        return d + 1;
    }
  return 0;
}

static gint
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const DeskSlot *x = a, *y = b;

  if (x->weekday != y->weekday)
    return x->weekday - y->weekday;
  if (x->hour != y->hour)
    return x->hour - y->hour;
  return x->minute - y->minute;
}

/**
 * desk_slots_parse:
 *
 * Returns: (transfer full) (element-type DeskSlot): the slots, sorted, or
 *   %NULL with @error saying which word is wrong
 */
GArray *
desk_slots_parse (const char  *text,
                  GError     **error)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (DeskSlot));
  g_auto(GStrv) groups = g_regex_split_simple ("[,;]", text ? text : "", 0, 0);

  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_auto(GStrv) words = g_regex_split_simple ("\\s+", g_strstrip (groups[g]), 0, 0);
      g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));
      int hour = -1, minute = -1;

      for (guint w = 0; words[w] != NULL; w++)
        {
          int day;

          if (words[w][0] == '\0')
            continue;
          if (g_regex_match_simple ("^[0-9]{1,2}[:h][0-9]{2}$", words[w], 0, 0))
            {
              hour = atoi (words[w]);
              minute = atoi (strpbrk (words[w], ":h") + 1);
            }
          else if ((day = day_number (words[w])) != 0)
            g_array_append_val (days, day);
          else
            {
              g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           _("“%s” is neither a day (mon, tue… or lun, mar…) nor a time (09:30)."), words[w]);
              return NULL;
            }
        }

      if (days->len == 0 && hour < 0)
        continue;
      if (days->len == 0 || hour < 0 || hour > 23 || minute > 59)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("“%s” needs days and a time, like “mon wed 09:30”."), groups[g]);
          return NULL;
        }

      for (guint i = 0; i < days->len; i++)
        {
          DeskSlot slot = { g_array_index (days, int, i), hour, minute };
          g_array_append_val (slots, slot);
        }
    }

  g_array_sort (slots, compare_slots);
  return g_steal_pointer (&slots);
}

static char *
format (GArray             *slots,
        const char * const *names,
        gboolean            translate)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < slots->len; i++)
    {
      DeskSlot *slot = &g_array_index (slots, DeskSlot, i);
      const char *day = names[slot->weekday - 1];

      g_string_append_printf (out, "%s%s %02u:%02u", i ? ", " : "",
                              translate ? g_dgettext (GETTEXT_PACKAGE, day) : day, slot->hour, slot->minute);
    }
  return g_string_free (out, FALSE);
}

/* The stored form: English day names */
char *
desk_slots_to_string (GArray *slots)
{
  return format (slots, english, FALSE);
}

/* The form shown to the user: translated day names */
char *
desk_slots_to_label (GArray *slots)
{
  return format (slots, translated, TRUE);
}

static gboolean
is_taken (GPtrArray *taken,
          GDateTime *time)
{
  for (guint i = 0; taken != NULL && i < taken->len; i++)
    if (g_date_time_equal (g_ptr_array_index (taken, i), time))
      return TRUE;
  return FALSE;
}

/**
 * desk_slots_next_free:
 * @after: the queue starts strictly after this time
 * @taken: (element-type GDateTime) (nullable): times the channel already has
 *
 * Returns: (transfer full) (nullable): the first free slot in the next
 *   eight weeks, or %NULL if there are no slots
 */
GDateTime *
desk_slots_next_free (GArray    *slots,
                      GDateTime *after,
                      GPtrArray *taken)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (after != NULL, NULL);

  if (slots == NULL || slots->len == 0)
    return NULL;

  day = desk_time_local_midnight (after);
  for (int d = 0; d < 8 * 7; d++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (day, d);
      int weekday = g_date_time_get_day_of_week (date);

      for (guint i = 0; i < slots->len; i++)
        {
          DeskSlot *slot = &g_array_index (slots, DeskSlot, i);
          g_autoptr(GDateTime) at = NULL;

          if (slot->weekday != weekday)
            continue;
          at = desk_time_at_local (date, slot->hour, slot->minute);
          if (g_date_time_compare (at, after) > 0 && !is_taken (taken, at))
            return g_steal_pointer (&at);
        }
    }
  return NULL;
}
