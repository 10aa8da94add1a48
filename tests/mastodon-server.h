/* mastodon-server.h: a Mastodon contract server on 127.0.0.1 for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define MASTODON_TOKEN "tok-fournil"
#define MASTODON_CODE  "good-code"

typedef enum
{
  MASTODON_FAIL_NONE,
  MASTODON_FAIL_DROP_AFTER_CREATE,  /* the status is made, its answer lost */
  MASTODON_FAIL_500,                /* nothing made, 500 */
  MASTODON_FAIL_MALFORMED,          /* made, the answer truncated JSON */
  MASTODON_FAIL_HANG_AFTER_CREATE,  /* made, never answered (the client is killed meanwhile) */
} MastodonFailure;

typedef struct
{
  SoupServer      *server;
  char            *url;               /* http://127.0.0.1:PORT */
  GPtrArray       *statuses;          /* (element-type JsonObject) what was posted, scheduled too */
  GHashTable      *keys;              /* Idempotency-Key → status id */
  GHashTable      *unscheduled;       /* ids of scheduled statuses cancelled */
  GHashTable      *deleted;           /* ids of statuses deleted on the server (404) */
  GPtrArray       *media;             /* (element-type JsonObject) uploaded images */
  guint            n_notifications;   /* ids "1"…"n", newest last */
  MastodonFailure  fail_next_status;
  guint            media_polls;       /* 206 answers left before an image is ready */
  gboolean         garbage_notifications;
  guint            requests;
  GPtrArray       *hung;              /* (element-type GIOStream) connections never answered */
  void           (*created) (const char *id);  /* (nullable) told when a status hangs */
  GPtrArray       *markers;           /* (element-type utf8) notifications[last_read_id] set, in order */
  guint            marker_posts;      /* POST /api/v1/markers received, failed ones too */
  guint            markers_failing;   /* 500 answers left before markers are set */
} MastodonServer;

MastodonServer *mastodon_server_new  (void);
void            mastodon_server_free (MastodonServer *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MastodonServer, mastodon_server_free)

G_END_DECLS
