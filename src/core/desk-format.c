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

#include "desk-format.h"

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
