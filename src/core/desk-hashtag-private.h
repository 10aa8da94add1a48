/* desk-hashtag-private.h: for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-hashtag.h"

G_BEGIN_DECLS

void _desk_hashtag_use_dictionaries (const char *french,
                                     const char *english);

G_END_DECLS
