/* desk-preview.c: a post as a network would show it
 *
 * The page is self-contained and inert: every piece of user text is
 * escaped, links, hashtags and mentions are coloured spans (nothing to
 * follow), images are small data: URIs made here from the workspace's files,
 * and a Content-Security-Policy forbids scripts and any remote load. The
 * web view showing it also has JavaScript turned off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-preview"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "desk-preview.h"
#include "desk-text-count.h"

/* Where the network's feed cuts a long text behind a "more" link
 * (third-party documentation; 0: shown whole) */
guint
desk_preview_truncation (DeskNetwork network)
{
  switch (network)
    {
    case DESK_NETWORK_INSTAGRAM: return 125;
    case DESK_NETWORK_LINKEDIN: return 210;
    case DESK_NETWORK_FACEBOOK: return 477;
    case DESK_NETWORK_THREADS: return 500;
    default: return 0;
    }
}

static void
append_escaped (GString    *html,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (html, escaped);
}

/* The text with links, hashtags and mentions marked, newlines kept */
static void
append_rich_text (GString    *html,
                  const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("https?://[^\\s<>\"]+|#[\\p{L}\\p{N}_]+|@[\\w.]+(@[\\w.-]+\\w)?",
                                         G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int last = 0;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      append_escaped (html, text + last, start - last);
      g_string_append_printf (html, "<span class=\"%s\">",
                              text[start] == '#' ? "tag" : text[start] == '@' ? "mention" : "link");
      append_escaped (html, text + start, end - start);
      g_string_append (html, "</span>");
      last = end;
      g_match_info_next (match, NULL);
    }
  append_escaped (html, text + last, -1);
}

static char *
thumbnail_uri (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (path, 640, 640, TRUE, &error);
  g_autofree char *buffer = NULL;
  g_autofree char *base64 = NULL;
  gsize size;

  if (pixbuf == NULL || !gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL))
    {
      g_message ("No preview for %s: %s", path, error ? error->message : "?");
      return NULL;
    }
  base64 = g_base64_encode ((const guchar *) buffer, size);
  return g_strconcat ("data:image/png;base64,", base64, NULL);
}

static char *
initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name != NULL ? name : "", " ", 3);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL && out->len < 8; i++)
    if (words[i][0] != '\0')
      {
        char buf[8] = { 0 };

        g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (words[i])), buf);
        g_string_append (out, buf);
        if (i == 1)
          break;
      }
  return g_string_free (out, FALSE);
}

/**
 * desk_preview_html:
 *
 * Returns: (transfer full): the HTML page
 */
char *
desk_preview_html (const DeskPreviewInput *input)
{
  GString *html = g_string_new (NULL);
  const char *text = input->text != NULL ? input->text : "";
  guint cut = desk_preview_truncation (input->network);
  g_autofree char *avatar = initials (input->display_name);
  g_autoptr(GArray) starts = NULL;
  gsize length = strlen (text);
  gsize cut_at = length;

  if (cut > 0 && length > 0)
    {
      starts = desk_text_grapheme_starts (text, length);
      if (starts->len - 1 > cut)
        cut_at = g_array_index (starts, gsize, cut);
    }

  g_string_append (html,
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"
    "<style>"
    "body{font:15px/1.4 Cantarell,sans-serif;margin:0;padding:12px;");
  g_string_append (html, input->dark ? "background:#242424;color:#fff}" : "background:#fafafa;color:#1e1e1e}");
  g_string_append (html,
    ".card{border-radius:12px;padding:12px;");
  g_string_append (html, input->dark ? "background:#303030}" : "background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.15)}");
  g_string_append (html,
    ".head{display:flex;align-items:center;gap:10px;margin-bottom:8px}"
    ".avatar{width:40px;height:40px;border-radius:50%;color:#fff;display:flex;align-items:center;"
    "justify-content:center;font-weight:bold}"
    ".name{font-weight:bold}.handle{opacity:.65;font-size:13px}"
    ".network{margin-left:auto;font-size:12px;opacity:.65}"
    ".text{white-space:pre-wrap;overflow-wrap:anywhere}"
    ".link,.tag,.mention{color:#1c71d8}.more{opacity:.65}"
    ".images{display:grid;gap:4px;margin-top:10px;grid-template-columns:repeat(auto-fit,minmax(120px,1fr))}"
    ".image{position:relative}.image img{width:100%;border-radius:8px;display:block}"
    ".alt{position:absolute;left:6px;bottom:6px;background:rgba(0,0,0,.75);color:#fff;font-size:11px;"
    "font-weight:bold;padding:1px 5px;border-radius:4px}"
    ".noalt{background:#c01c28}"
    "</style></head><body><div class=\"card\"><div class=\"head\">");
  g_string_append (html, "<div class=\"avatar\" style=\"background:");
  append_escaped (html, input->colour != NULL && input->colour[0] == '#' && strlen (input->colour) == 7
                          ? input->colour : "#3584e4", -1);
  g_string_append (html, "\">");
  append_escaped (html, avatar, -1);
  g_string_append (html, "</div><div><div class=\"name\">");
  append_escaped (html, input->display_name != NULL ? input->display_name : "", -1);
  g_string_append (html, "</div><div class=\"handle\">");
  append_escaped (html, input->handle != NULL ? input->handle : "", -1);
  g_string_append (html, "</div></div><div class=\"network\">");
  append_escaped (html, desk_network_to_label (input->network), -1);
  g_string_append (html, "</div></div><div class=\"text\">");
  if (cut_at < length)
    {
      g_autofree char *head = g_strndup (text, cut_at);

      append_rich_text (html, head);
      /* Translators: where a network cuts a long post in its feed */
      g_string_append_printf (html, "… <span class=\"more\">%s</span>", _("more"));
    }
  else
    append_rich_text (html, text);
  g_string_append (html, "</div>");

  if (input->images != NULL && input->images->len > 0)
    {
      g_string_append (html, "<div class=\"images\">");
      for (guint i = 0; i < input->images->len; i++)
        {
          g_autofree char *uri = thumbnail_uri (g_ptr_array_index (input->images, i));
          const char *alt = input->alts != NULL && i < input->alts->len ? g_ptr_array_index (input->alts, i) : "";

          g_string_append (html, "<div class=\"image\">");
          if (uri != NULL)
            {
              g_string_append_printf (html, "<img src=\"%s\" alt=\"", uri);
              append_escaped (html, alt != NULL ? alt : "", -1);
              g_string_append (html, "\">");
            }
          if (alt != NULL && alt[0] != '\0')
            g_string_append (html, "<span class=\"alt\">ALT</span>");
          else
            {
              /* Translators: badge on an image without a description */
              g_string_append_printf (html, "<span class=\"alt noalt\">%s</span>", _("No ALT"));
            }
          g_string_append (html, "</div>");
        }
      g_string_append (html, "</div>");
    }
  g_string_append (html, "</div></body></html>");
  return g_string_free (html, FALSE);
}
