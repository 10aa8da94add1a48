/* desk-tone.h: a negative-tone score from a small French and English lexicon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A text scoring this or more reads as negative */
#define DESK_TONE_NEGATIVE_THRESHOLD 1.0

char     *desk_tone_fold        (const char *text);
double    desk_tone_score       (const char *text);
gboolean  desk_tone_is_negative (double      score);

G_END_DECLS
