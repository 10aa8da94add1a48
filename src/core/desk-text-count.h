/* desk-text-count.h: how long a text is for each network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-enums.h"

G_BEGIN_DECLS

typedef struct
{
  DeskNetwork network;
  guint       limit;          /* text length; 0: none */
  guint       byte_limit;     /* UTF-8 bytes; 0: none */
  guint       max_hashtags;   /* 0: none */
  guint       max_links;      /* 0: none */
  guint       max_mentions;   /* 0: none */
  gboolean    by_hand;        /* prepare-only: no publishing API for us; posted by hand */
} DeskNetworkRules;

typedef struct
{
  guint  length;            /* as the network counts */
  guint  limit;
  gsize  bytes;
  gssize overflow_offset;   /* byte where the text passes a limit, or -1 */
} DeskTextCount;

const DeskNetworkRules *desk_network_rules  (DeskNetwork    network);
gboolean                desk_network_is_prepare_only (DeskNetwork network);
guint                   desk_text_graphemes (const char    *text);
GArray                 *desk_text_grapheme_starts (const char *text,
                                                   gsize       length);
gboolean                desk_text_is_emoji_cluster (const char *start,
                                                    const char *end);
void                    desk_text_count     (DeskNetwork    network,
                                             const char    *text,
                                             DeskTextCount *count);

G_END_DECLS
