/* desk-text-tags.h: the highlights of a post's text, legible in light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void desk_text_buffer_add_highlight_tags (GtkTextBuffer *buffer);

G_END_DECLS
