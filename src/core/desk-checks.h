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

/* What a finding concerns, so that the editor can select it and apply
 * its fix */
typedef enum
{
  DESK_PLACE_NONE,
  DESK_PLACE_TEXT,      /* bytes [start, end) of the text; fix replaces them */
  DESK_PLACE_IMAGE,     /* image @index; fix is its new alt text */
  DESK_PLACE_LAYER,     /* text layer @index of the visual; fix is "#rrggbb" or "band" */
  DESK_PLACE_NETWORK,   /* network @index of the input's networks */
} DeskPlace;

typedef struct
{
  const char   *id;        /* stable: alt-missing, text-too-long… */
  DeskSeverity  severity;
  char         *message;
  char         *target;    /* "image 1", "#tag", a network… */
  char         *fix;       /* the replacement (see DeskPlace), or NULL */
  DeskPlace     place;
  int           index;
  int           start;
  int           end;
  gint64        channel_id; /* the channel whose own text it is about; 0: the shared text */
} DeskFinding;

/* The brand's editorial charter as it applies to one post */
typedef struct
{
  GStrv       forbidden;   /* words or phrases never to use */
  GStrv       required;    /* hashtags or mentions every post (of the campaign) carries */
  GHashTable *spellings;   /* wrong → preferred */
} DeskCharter;

typedef struct
{
  const char *text;
  GPtrArray  *alts;       /* (element-type utf8) one per image, NULL for none */
  GArray     *networks;   /* (element-type DeskNetwork) */
  const char *language;   /* (nullable) the post's language, "fr" (default) or "en": whose
                           * dictionary splits hashtags first */
  const DeskCharter *charter; /* (nullable) */
} DeskCheckInput;

void        desk_finding_free         (DeskFinding          *finding);
char       *desk_finding_describe_fix (const DeskFinding    *finding);
const char *desk_severity_to_id       (DeskSeverity          severity);
guint       desk_network_alt_limit    (DeskNetwork           network);
GPtrArray  *desk_checks_run           (const DeskCheckInput *input);
gboolean    desk_checks_have_blocking (GPtrArray            *findings);
guint       desk_text_count_emoji     (const char           *text);

DeskCharter *desk_charter_parse       (const char           *data,
                                       gint64                campaign_id,
                                       GError              **error);
void         desk_charter_free        (DeskCharter          *charter);
GStrv        desk_charter_get         (const char           *data,
                                       gint64                campaign_id,
                                       const char           *key);
char        *desk_charter_set         (const char           *data,
                                       gint64                campaign_id,
                                       const char           *key,
                                       const char * const   *values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCharter, desk_charter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskFinding, desk_finding_free)

G_END_DECLS
