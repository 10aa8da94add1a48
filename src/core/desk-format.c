/* desk-format.c: numbers written the way the user's locale writes them
 *
 * Counts are grouped by thousands as LC_NUMERIC says: "12,345" in
 * English, "12 345" in French (glibc's separator there is U+202F NARROW
 * NO-BREAK SPACE, so a number never breaks across lines), "12345" in the
 * C locale. printf's ' flag does it once setlocale () has been called, as
 * main () of the app and of the command-line tool do. GLib only, for the
 * UI and the CLI alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-format.h"
#include "desk-time.h"

/**
 * desk_format_count:
 * @count: a whole number (posts, notifications, impressions…)
 *
 * Returns: (transfer full): @count with the locale's digit grouping
 */
char *
desk_format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

/**
 * desk_format_relative_time:
 * @time: when something happened
 * @now: the current time
 *
 * How long ago, as people say it in a list: "just now", "5 minutes ago",
 * "2 hours ago", "yesterday", then the date ("12 Nov"; "12 Nov 2025" for
 * another year). A time ahead of @now (a clock set wrong) is "just now".
 *
 * Returns: (transfer full): the words
 */
char *
desk_format_relative_time (GDateTime *time,
                           GDateTime *now)
{
  GTimeSpan ago = g_date_time_difference (now, time);
  g_autoptr(GDateTime) local = desk_time_to_local (time);
  g_autoptr(GDateTime) local_now = desk_time_to_local (now);
  gint64 minutes = ago / G_TIME_SPAN_MINUTE;
  gint64 hours = ago / G_TIME_SPAN_HOUR;
  guint32 days = desk_time_julian (local_now) - desk_time_julian (local);

  if (minutes < 1)
    return g_strdup (_("just now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", minutes), (int) minutes);
  if (days == 0 || hours < 6)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours), (int) hours);
  if (days == 1)
    return g_strdup (_("yesterday"));
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a notification's day in the list, this year, strftime format */
    return g_date_time_format (local, _("%-d %b"));
  /* Translators: a notification's day in the list, another year, strftime format */
  return g_date_time_format (local, _("%-d %b %Y"));
}

/**
 * desk_format_duration:
 * @span: a time left
 *
 * "45 minutes", "5 hours", "3 days": the largest unit, rounded down.
 *
 * Returns: (transfer full): the words
 */
char *
desk_format_duration (GTimeSpan span)
{
  gint64 minutes = MAX (span, 0) / G_TIME_SPAN_MINUTE;
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;

  if (days >= 2)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), (int) days);
  if (hours >= 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours), (int) hours);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), (int) minutes);
}

/**
 * desk_format_dup_excerpt:
 * @text: UTF-8
 * @max_chars: how many characters to keep at most
 * @n_chars: (out) (optional): how many @text has
 *
 * @text, or its first @max_chars characters and "…" when it is longer:
 * what a widget shows of a message without laying out 200,000 characters.
 * Counts characters, never bytes, and stops at the string's end whatever
 * its bytes.
 *
 * Returns: (transfer full): the excerpt
 */
char *
desk_format_dup_excerpt (const char *text,
                         gsize       max_chars,
                         gsize      *n_chars)
{
  g_autofree char *start = NULL;
  const char *end = text;
  gsize n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  for (; n < max_chars && *end != '\0'; n++)
    end = g_utf8_find_next_char (end, NULL);
  if (*end == '\0')
    {
      if (n_chars != NULL)
        *n_chars = n;
      return g_strdup (text);
    }
  if (n_chars != NULL)
    *n_chars = n + g_utf8_strlen (end, -1);
  start = g_strndup (text, end - text);
  return g_strconcat (start, "…", NULL);
}
