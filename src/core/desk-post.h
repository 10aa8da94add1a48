/* desk-post.h: one post of the editorial calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-enums.h"

G_BEGIN_DECLS

#define DESK_TYPE_POST (desk_post_get_type ())
G_DECLARE_FINAL_TYPE (DeskPost, desk_post, DESK, POST, GObject)

DeskPost       *desk_post_new               (void);
DeskPost       *desk_post_copy              (DeskPost     *self);
void            desk_post_assign            (DeskPost     *self,
                                             DeskPost     *from);

gint64          desk_post_get_id            (DeskPost     *self);
void            desk_post_set_id            (DeskPost     *self,
                                             gint64        id);
gint64          desk_post_get_brand_id      (DeskPost     *self);
void            desk_post_set_brand_id      (DeskPost     *self,
                                             gint64        brand_id);
const char     *desk_post_get_title         (DeskPost     *self);
void            desk_post_set_title         (DeskPost     *self,
                                             const char   *title);
const char     *desk_post_get_body          (DeskPost     *self);
void            desk_post_set_body          (DeskPost     *self,
                                             const char   *body);
DeskPostStatus  desk_post_get_status        (DeskPost     *self);
void            desk_post_set_status        (DeskPost     *self,
                                             DeskPostStatus status);
GDateTime      *desk_post_get_scheduled_at  (DeskPost     *self);
void            desk_post_set_scheduled_at  (DeskPost     *self,
                                             GDateTime    *scheduled_at);
gint64          desk_post_get_campaign_id   (DeskPost     *self);
void            desk_post_set_campaign_id   (DeskPost     *self,
                                             gint64        campaign_id);
const char     *desk_post_get_pillar        (DeskPost     *self);
void            desk_post_set_pillar        (DeskPost     *self,
                                             const char   *pillar);
const char     *desk_post_get_notes         (DeskPost     *self);
void            desk_post_set_notes         (DeskPost     *self,
                                             const char   *notes);
GDateTime      *desk_post_get_created_at    (DeskPost     *self);
void            desk_post_set_created_at    (DeskPost     *self,
                                             GDateTime    *created_at);
GDateTime      *desk_post_get_updated_at    (DeskPost     *self);
guint           desk_post_get_revision      (DeskPost     *self);
void            desk_post_set_updated_at    (DeskPost     *self,
                                             GDateTime    *updated_at);

const gint64   *desk_post_get_channel_ids   (DeskPost     *self,
                                             guint        *n_channels);
void            desk_post_set_channel_ids   (DeskPost     *self,
                                             const gint64 *ids,
                                             guint         n_channels);
gboolean        desk_post_has_channel       (DeskPost     *self,
                                             gint64        channel_id);

char           *desk_post_dup_display_title (DeskPost     *self);
gint            desk_post_compare_schedule  (gconstpointer a,
                                             gconstpointer b);

G_END_DECLS
