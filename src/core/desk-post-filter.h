/* desk-post-filter.h: which posts the calendar shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-post.h"

G_BEGIN_DECLS

typedef struct
{
  GArray *channel_ids;   /* gint64; empty: every channel */
  gint64  campaign_id;   /* 0: every campaign */
  guint   status_mask;   /* 1 << DeskPostStatus; 0: every status */
  char   *pillar;        /* NULL or "": every pillar */
} DeskPostFilter;

void     desk_post_filter_init     (DeskPostFilter       *filter);
void     desk_post_filter_clear    (DeskPostFilter       *filter);
gboolean desk_post_filter_is_empty (const DeskPostFilter *filter);
gboolean desk_post_filter_matches  (const DeskPostFilter *filter,
                                    DeskPost             *post);

G_END_DECLS
