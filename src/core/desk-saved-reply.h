/* desk-saved-reply.h: a brand's saved replies and their variables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A reply the team writes once and sends often; its body may hold the
 * variables {author}, {brand} and {date} (desk_saved_reply_expand ()) */
typedef struct
{
  gint64  id;          /* 0: not saved yet */
  gint64  brand_id;
  char   *title;
  char   *body;
  gint64  created_at;  /* Unix time */
} DeskSavedReply;

DeskSavedReply *desk_saved_reply_new    (gint64                brand_id,
                                         const char           *title,
                                         const char           *body);
void            desk_saved_reply_free   (DeskSavedReply       *reply);
char           *desk_saved_reply_expand (const char           *body,
                                         const char           *author,
                                         const char           *brand,
                                         GDateTime            *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskSavedReply, desk_saved_reply_free)

G_END_DECLS
