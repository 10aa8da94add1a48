/* desk-facets.h: Bluesky rich-text facets (links, mentions, hashtags)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  DESK_FACET_LINK,
  DESK_FACET_MENTION,
  DESK_FACET_TAG,
} DeskFacetKind;

typedef struct
{
  DeskFacetKind kind;
  gsize         byte_start;   /* UTF-8 bytes, end excluded */
  gsize         byte_end;
  char         *value;        /* the URI, the handle (no @) or the tag (no #) */
} DeskFacet;

void       desk_facet_free      (DeskFacet  *facet);
GPtrArray *desk_facets_find     (const char *text);
JsonNode  *desk_facets_to_json  (GPtrArray  *facets,
                                 GHashTable *dids);

G_END_DECLS
