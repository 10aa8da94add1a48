/* desk-post-private.h: for the store only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-post.h"

G_BEGIN_DECLS

/* A post with every field set at once, without any notification: the
 * store builds hundreds per query. Takes the GDateTimes (UTC) and the
 * channel array (sorted, unique). */
DeskPost *_desk_post_new_full (gint64          id,
                               gint64          brand_id,
                               const char     *title,
                               const char     *body,
                               DeskPostStatus  status,
                               GDateTime      *scheduled_at,
                               gint64          campaign_id,
                               const char     *pillar,
                               const char     *notes,
                               GDateTime      *created_at,
                               GDateTime      *updated_at,
                               GArray         *channel_ids);

/* Adds a channel to a post being built by the store (ids arrive sorted). */
void      _desk_post_append_channel (DeskPost *self,
                                     gint64    channel_id);

G_END_DECLS
