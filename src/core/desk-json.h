/* desk-json.h: JSON text as people and scripts read it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *desk_json_to_data (JsonNode *root,
                         gboolean  pretty);

G_END_DECLS
