/* desk-preview.h: a post as a network would show it, as a self-contained
 * HTML page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-enums.h"

G_BEGIN_DECLS

typedef struct
{
  DeskNetwork  network;
  const char  *display_name;
  const char  *handle;
  const char  *colour;      /* "#rrggbb", the avatar */
  const char  *text;
  GPtrArray   *images;      /* (element-type utf8) files */
  GPtrArray   *alts;        /* (element-type utf8) one per image */
  gboolean     dark;
} DeskPreviewInput;

guint  desk_preview_truncation (DeskNetwork              network);
char  *desk_preview_html       (const DeskPreviewInput  *input);

G_END_DECLS
