/* desk-post-ranges.h: the few ranges of posts read ahead, kept live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-post-list.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_POST_RANGES (desk_post_ranges_get_type ())
G_DECLARE_FINAL_TYPE (DeskPostRanges, desk_post_ranges, DESK, POST_RANGES, GObject)

DeskPostRanges *desk_post_ranges_new         (DeskStore      *store,
                                              guint           capacity);
DeskPostList   *desk_post_ranges_get         (DeskPostRanges *self,
                                              gint64          brand_id,
                                              GDateTime      *from,
                                              GDateTime      *to,
                                              GError        **error);
void            desk_post_ranges_clear       (DeskPostRanges *self);
guint           desk_post_ranges_get_n_ranges (DeskPostRanges *self);

G_END_DECLS
