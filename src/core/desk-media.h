/* desk-media.h: what an image file says about itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  desk_media_can_read_descriptions (void);
char     *desk_media_read_description      (const char *path);

G_END_DECLS
