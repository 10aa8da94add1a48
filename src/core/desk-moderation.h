/* desk-moderation.h: a brand's moderation rules, applied on import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-enums.h"

G_BEGIN_DECLS

#define DESK_MODERATION_ERROR (desk_moderation_error_quark ())

typedef enum
{
  DESK_MODERATION_ERROR_EMPTY,
  DESK_MODERATION_ERROR_BAD_REGEX,
  DESK_MODERATION_ERROR_BAD_FLAG,
} DeskModerationError;

/* One rule as stored: keywords (separated by commas) or a regular expression */
typedef struct
{
  gint64              id;
  gint64              brand_id;
  char               *pattern;
  gboolean            is_regex;
  DeskModerationFlag  flag;
} DeskModerationRule;

void desk_moderation_rule_free (DeskModerationRule *rule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskModerationRule, desk_moderation_rule_free)

#define DESK_TYPE_MODERATION (desk_moderation_get_type ())
G_DECLARE_FINAL_TYPE (DeskModeration, desk_moderation, DESK, MODERATION, GObject)

GQuark              desk_moderation_error_quark (void);
DeskModeration     *desk_moderation_new         (void);
gboolean            desk_moderation_add_rule    (DeskModeration      *self,
                                                 const char          *pattern,
                                                 gboolean             is_regex,
                                                 DeskModerationFlag   flag,
                                                 GError             **error);
guint               desk_moderation_get_n_rules (DeskModeration      *self);
DeskModerationFlag  desk_moderation_check       (DeskModeration      *self,
                                                 const char          *text);

G_END_DECLS
