/* desk-inbox-model-private.h: DeskInboxModel's test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-inbox-model.h"

G_BEGIN_DECLS

#define DESK_INBOX_MODEL_PAGE_SIZE 100
#define DESK_INBOX_MODEL_MAX_PAGES 8

/* Queries run so far: one per filter, one per window read */
guint _desk_inbox_model_get_n_queries (DeskInboxModel *self);

G_END_DECLS
