/* desk-text-tags.c: the highlights of a post's text, legible in light and dark
 *
 * Hashtags (bold), mentions (bold) and links (underlined) are coloured as
 * the editor types them. Each colour has at least 4.5:1 contrast (WCAG
 * AA for normal text) on a text view's background in the light style and
 * in the dark one; the tags change colour when AdwStyleManager:dark does.
 * tests/ui/test-details.c measures it on the painted view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-text-tags"

#include "config.h"

#include <adwaita.h>

#include "desk-text-tags.h"

static const struct
{
  const char *name;
  const char *light;   /* on #ffffff: 6.3:1, 9.0:1 */
  const char *dark;    /* on #1e1e1e: 8.9:1, 6.9:1 */
} highlights[] = {
  { "hashtag", "#1a5fb4", "#99c1f1" },   /* GNOME palette blue 5 / blue 1 */
  { "mention", "#613583", "#dc8add" },   /* purple 5 / purple 1 */
  { "link",    "#1a5fb4", "#99c1f1" },
};

static void
update_colours (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (highlights); i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, highlights[i].name);

      if (tag != NULL)
        g_object_set (tag, "foreground", dark ? highlights[i].dark : highlights[i].light, NULL);
    }
}

static void
on_style_manager_dark_cb (AdwStyleManager *manager,
                          GParamSpec      *pspec,
                          GtkTextBuffer   *buffer)
{
  update_colours (buffer);
}

/**
 * desk_text_buffer_add_highlight_tags:
 * @buffer: a buffer without tags of these names
 *
 * Creates the tags "hashtag", "mention" and "link" in @buffer, coloured
 * for the current style and following it.
 */
void
desk_text_buffer_add_highlight_tags (GtkTextBuffer *buffer)
{
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  gtk_text_buffer_create_tag (buffer, "hashtag", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "mention", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  update_colours (buffer);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_dark_cb), buffer, 0);
}
