/* desk-checks.h: the accessibility and rules findings of a post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-enums.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_SEVERITY_BLOCKING,
  DESK_SEVERITY_WARNING,
  DESK_SEVERITY_TIP,
} DeskSeverity;

typedef struct
{
  const char   *id;        /* stable: alt-missing, text-too-long… */
  DeskSeverity  severity;
  char         *message;
  char         *target;    /* "image 1", "#tag", a network… */
  char         *fix;       /* the corrected text, or NULL */
} DeskFinding;

typedef struct
{
  const char *text;
  GPtrArray  *alts;       /* (element-type utf8) one per image, NULL for none */
  GArray     *networks;   /* (element-type DeskNetwork) */
  GHashTable *words;      /* (nullable) lower-case word list for hashtag splits */
} DeskCheckInput;

void        desk_finding_free         (DeskFinding          *finding);
const char *desk_severity_to_id       (DeskSeverity          severity);
guint       desk_network_alt_limit    (DeskNetwork           network);
GPtrArray  *desk_checks_run           (const DeskCheckInput *input);
gboolean    desk_checks_have_blocking (GPtrArray            *findings);
GHashTable *desk_checks_load_words    (void);

G_END_DECLS
