/* desk-utm.h: campaign tags on a post's links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *desk_utm_tag_links (const char *text,
                          const char *source,
                          const char *campaign);

G_END_DECLS
