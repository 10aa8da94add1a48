/* desk-post-card-private.h: what the tests read of a card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-post-card.h"

G_BEGIN_DECLS

int   _desk_post_card_get_title_width (DeskPostCard *self);
guint _desk_post_card_get_n_marks     (DeskPostCard *self,
                                       gboolean     *badges);
const char *_desk_post_card_get_channel_names (DeskPostCard *self);
char       *_desk_post_card_describe_sends (DeskPostCard *self,
                                            gint64        channel_id);

G_END_DECLS
