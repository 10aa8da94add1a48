/* desk-media.h: what an image file says about itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest image decoded: a photo of a good camera fits, a file that
 * declares 20000 × 20000 (1.6 GB once decoded) does not */
#define DESK_MEDIA_MAX_SIDE   16384
#define DESK_MEDIA_MAX_PIXELS (50 * 1000 * 1000)

gboolean  desk_media_can_read_descriptions (void);
char     *desk_media_read_description      (const char  *path);
gboolean  desk_media_check_image           (const char  *path,
                                            GError     **error);
char     *desk_media_file_name             (const char  *sha256,
                                            const char  *original_name);

G_END_DECLS
