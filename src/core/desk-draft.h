/* desk-draft.h: a post as it will go out, ready to be checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-channel.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_DRAFT (desk_draft_get_type ())
G_DECLARE_FINAL_TYPE (DeskDraft, desk_draft, DESK, DRAFT, GObject)

DeskDraft  *desk_draft_new               (void);
DeskDraft  *desk_draft_load              (DeskStore   *store,
                                          gint64       post_id,
                                          GError     **error);
void        desk_draft_set_text          (DeskDraft   *self,
                                          const char  *text);
const char *desk_draft_get_text          (DeskDraft   *self);
void        desk_draft_add_channel       (DeskDraft   *self,
                                          DeskChannel *channel,
                                          const char  *own_text);
void        desk_draft_add_network       (DeskDraft   *self,
                                          DeskNetwork  network);
guint       desk_draft_get_n_targets     (DeskDraft   *self);
DeskNetwork desk_draft_get_target_network (DeskDraft  *self,
                                          guint        index);
char       *desk_draft_dup_target_text   (DeskDraft   *self,
                                          guint        index);
void        desk_draft_clear_targets     (DeskDraft   *self);
void        desk_draft_clear_alts        (DeskDraft   *self);
void        desk_draft_add_alt           (DeskDraft   *self,
                                          const char  *alt);
void        desk_draft_set_charter       (DeskDraft   *self,
                                          const char  *charter_data,
                                          gint64       campaign_id);
void        desk_draft_set_language      (DeskDraft   *self,
                                          const char  *language);
void        desk_draft_set_brand_language (DeskDraft  *self,
                                           const char *languages);
void        desk_draft_set_utm           (DeskDraft   *self,
                                          gboolean     tag_links,
                                          const char  *campaign);
char       *desk_draft_dup_channel_text  (DeskDraft   *self,
                                          gint64       channel_id);
GPtrArray  *desk_draft_get_designs       (DeskDraft   *self);
const char *desk_draft_get_palette       (DeskDraft   *self);
GPtrArray  *desk_draft_check             (DeskDraft   *self);

G_END_DECLS
