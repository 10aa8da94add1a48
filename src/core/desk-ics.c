/* desk-ics.c: the calendar as iCalendar (RFC 5545) for clients
 *
 * One VEVENT per scheduled post, with a UID that stays the same from one
 * export to the next so that a client's calendar updates instead of
 * duplicating. Text is escaped (§3.3.11) and lines are folded at 75
 * octets without cutting a UTF-8 character (§3.1); lines end in CRLF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-ics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-ics.h"

#define MAX_OCTETS 75

char *
desk_ics_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';': g_string_append (out, "\\;"); break;
        case ',': g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default: g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (out, FALSE);
}

/* Folds one content line (without its CRLF) and returns it with CRLF. */
char *
desk_ics_fold_line (const char *line)
{
  GString *out = g_string_new (NULL);
  const char *p = line;
  gsize budget = MAX_OCTETS;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gsize len = next - p;

      if (len > budget)
        {
          g_string_append (out, "\r\n ");
          budget = MAX_OCTETS - 1;   /* the leading space counts */
        }
      g_string_append_len (out, p, len);
      budget -= len;
      p = next;
    }
  g_string_append (out, "\r\n");
  return g_string_free (out, FALSE);
}

static void
add_line (GString    *ics,
          const char *name,
          const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  g_autofree char *folded = desk_ics_fold_line (line);

  g_string_append (ics, folded);
}

static void
add_text (GString    *ics,
          const char *name,
          const char *text)
{
  g_autofree char *escaped = desk_ics_escape_text (text);

  add_line (ics, name, escaped);
}

static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

static const char *
event_status (DeskPostStatus status)
{
  switch (status)
    {
    case DESK_POST_STATUS_APPROVED:
    case DESK_POST_STATUS_SCHEDULED:
    case DESK_POST_STATUS_PUBLISHED:
      return "CONFIRMED";
    default:
      return "TENTATIVE";
    }
}

/**
 * desk_ics_export:
 * @posts: (element-type DeskPost): the posts; unscheduled ones are skipped
 * @channels: (nullable): channel id (gint64*) → DeskChannel, to name them
 * @dtstamp: when the export is made
 *
 * Returns: (transfer full): a complete VCALENDAR
 */
char *
desk_ics_export (GPtrArray  *posts,
                 GHashTable *channels,
                 const char *calendar_name,
                 GDateTime  *dtstamp)
{
  GString *ics = g_string_new (NULL);
  g_autofree char *stamp = format_utc (dtstamp);

  add_line (ics, "BEGIN", "VCALENDAR");
  add_line (ics, "VERSION", "2.0");
  add_line (ics, "PRODID", "-//CommunityDesk//CommunityDesk " PACKAGE_VERSION "//FR");
  add_line (ics, "CALSCALE", "GREGORIAN");
  add_line (ics, "METHOD", "PUBLISH");
  if (calendar_name != NULL)
    add_text (ics, "X-WR-CALNAME", calendar_name);

  for (guint i = 0; i < posts->len; i++)
    {
      DeskPost *post = g_ptr_array_index (posts, i);
      GDateTime *at = desk_post_get_scheduled_at (post);
      g_autofree char *uid = NULL;
      g_autofree char *start = NULL;
      g_autofree char *title = NULL;
      g_autoptr(GString) description = NULL;
      g_autoptr(GString) names = g_string_new (NULL);
      const gint64 *ids;
      guint n_ids;

      if (at == NULL)
        continue;

      uid = g_strdup_printf ("post-%" G_GINT64_FORMAT "@community-desk", desk_post_get_id (post));
      start = format_utc (at);
      title = desk_post_dup_display_title (post);

      ids = desk_post_get_channel_ids (post, &n_ids);
      for (guint c = 0; c < n_ids; c++)
        {
          DeskChannel *channel = channels ? g_hash_table_lookup (channels, &ids[c]) : NULL;

          if (channel == NULL)
            continue;
          g_string_append_printf (names, "%s%s %s", names->len ? ", " : "",
                                  desk_network_to_label (desk_channel_get_network (channel)),
                                  desk_channel_get_handle (channel));
        }

      description = g_string_new (desk_post_get_body (post));
      if (description->len > 0)
        g_string_append (description, "\n\n");
      /* Translators: in the exported calendar, under the post's text */
      g_string_append_printf (description, _("Status: %s"), desk_post_status_to_label (desk_post_get_status (post)));
      if (names->len > 0)
        {
          g_string_append_c (description, '\n');
          g_string_append_printf (description, _("Channels: %s"), names->str);
        }

      add_line (ics, "BEGIN", "VEVENT");
      add_line (ics, "UID", uid);
      add_line (ics, "DTSTAMP", stamp);
      add_line (ics, "DTSTART", start);
      add_line (ics, "DURATION", "PT15M");
      add_text (ics, "SUMMARY", title);
      add_text (ics, "DESCRIPTION", description->str);
      if (desk_post_get_pillar (post) != NULL && desk_post_get_pillar (post)[0] != '\0')
        add_text (ics, "CATEGORIES", desk_post_get_pillar (post));
      add_line (ics, "STATUS", event_status (desk_post_get_status (post)));
      if (desk_post_get_updated_at (post) != NULL)
        {
          g_autofree char *modified = format_utc (desk_post_get_updated_at (post));
          add_line (ics, "LAST-MODIFIED", modified);
        }
      add_line (ics, "END", "VEVENT");
    }

  add_line (ics, "END", "VCALENDAR");
  return g_string_free (ics, FALSE);
}

/**
 * desk_ics_export_range:
 * @from: start (inclusive)
 * @to: end (exclusive)
 * @n_events: (out) (optional): how many events were written
 *
 * Writes the brand's posts scheduled in [@from, @to) to @path, replacing
 * it atomically.
 */
gboolean
desk_ics_export_range (DeskStore   *store,
                       gint64       brand_id,
                       GDateTime   *from,
                       GDateTime   *to,
                       const char  *path,
                       guint       *n_events,
                       GError     **error)
{
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(DeskBrand) brand = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *ics = NULL;
  const char *name = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  posts = desk_store_query_posts (store, brand_id, from, to, error);
  if (posts == NULL)
    return FALSE;
  channels = desk_store_list_channels (store, brand_id, error);
  if (channels == NULL)
    return FALSE;
  if (brand_id != 0 && (brand = desk_store_get_brand (store, brand_id, error)) == NULL)
    return FALSE;

  by_id = desk_store_index_by_id (channels);
  name = brand != NULL ? desk_brand_get_name (brand) : NULL;

  ics = desk_ics_export (posts, by_id, name, now);
  if (!g_file_set_contents (path, ics, -1, error))
    return FALSE;

  if (n_events != NULL)
    {
      *n_events = 0;
      for (guint i = 0; i < posts->len; i++)
        *n_events += desk_post_get_scheduled_at (g_ptr_array_index (posts, i)) != NULL;
    }
  return TRUE;
}
