/* desk-hashtag.h: whether a hashtag runs several words together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DESK_HASHTAG_FINE,        /* one word, a proper noun, capitalised already, short */
  DESK_HASHTAG_SPLIT,       /* several words in lower case: the fix capitalises each */
  DESK_HASHTAG_UNSPLIT,     /* a long lower-case run no dictionary splits into words */
} DeskHashtagVerdict;

DeskHashtagVerdict desk_hashtag_check                (const char  *body,
                                                      const char  *language,
                                                      char       **fix);
gboolean           desk_hashtag_have_dictionaries    (void);

G_END_DECLS
