/* desk-post-card.h: a post as a card on the calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-store.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_COLOUR_BY_STATUS,
  DESK_COLOUR_BY_CHANNEL,
  DESK_COLOUR_BY_CAMPAIGN,
} DeskColourBy;

#define DESK_TYPE_POST_CARD (desk_post_card_get_type ())
G_DECLARE_FINAL_TYPE (DeskPostCard, desk_post_card, DESK, POST_CARD, GtkButton)

GtkWidget *desk_post_card_new      (void);
GtkWidget *desk_post_card_new_for_post (DeskPost     *post,
                                        GHashTable   *channels,
                                        GHashTable   *campaigns,
                                        DeskColourBy  colour_by);
void       desk_post_card_set_post (DeskPostCard *self,
                                    DeskPost     *post,
                                    GHashTable   *channels,
                                    GHashTable   *campaigns);
DeskPost  *desk_post_card_get_post (DeskPostCard *self);
void       desk_post_card_set_colour_by (DeskPostCard *self,
                                         DeskColourBy  colour_by);
void       desk_post_card_prepare  (DeskPostCard *self,
                                    DeskPost     *post,
                                    GHashTable   *channels);
int        desk_post_card_get_line_height (DeskPostCard *self);
void       desk_post_card_age_texts (void);
void       desk_post_card_drop_texts (void);

G_END_DECLS
