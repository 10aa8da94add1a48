/* desk-inbox-row-private.h: what the tests read of an inbox row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-inbox-row.h"

G_BEGIN_DECLS

/* What a row draws, in its order */
typedef enum
{
  DESK_INBOX_ROW_DOT,      /* unread */
  DESK_INBOX_ROW_ICON,     /* the kind's */
  DESK_INBOX_ROW_TITLE,    /* author, or a group's sentence */
  DESK_INBOX_ROW_META,     /* handle · kind · network */
  DESK_INBOX_ROW_STAR,
  DESK_INBOX_ROW_TIME,
  DESK_INBOX_ROW_TEXT,
  DESK_INBOX_ROW_BADGES,
  DESK_INBOX_ROW_N_PARTS
} DeskInboxRowPart;

gboolean _desk_inbox_row_get_part (DeskInboxRow     *self,
                                   DeskInboxRowPart  part,
                                   PangoLayout     **layout,
                                   graphene_rect_t  *bounds);

G_END_DECLS
