/* desk-bluesky-private.h: what the parts of DeskBluesky share
 *
 * DeskBluesky is spread over desk-bluesky.c (the session and the XRPC
 * calls), desk-bluesky-post.c (images and posts) and desk-bluesky-inbox.c
 * (notifications and counts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-bluesky.h"

G_BEGIN_DECLS

#define DESK_BLUESKY_POST_COLLECTION "app.bsky.feed.post"

struct _DeskBluesky
{
  GObject         parent_instance;

  DeskHttpClient *client;
  char           *service;       /* "https://bsky.social", without a final "/" */
  char           *did;
  char           *handle;
  char           *access_jwt;
  char           *refresh_jwt;
  GPtrArray      *waiting;       /* (nullable) tasks waiting for the refresh in flight */
};

/* XRPC calls: one GTask each, which may chain several; @parse turns an
 * answer into the next step or the result, and owns the task */

typedef void (*DeskBlueskyParseFunc) (GTask *task, DeskHttpResponse *response);

typedef struct
{
  char                 *method;
  char                 *path;          /* "/xrpc/<nsid>?<query>" */
  GBytes               *body;          /* (nullable) */
  char                 *content_type;
  gboolean              retry_safe;
  gboolean              authed;
  gboolean              any_status;    /* @parse reads 4xx and 5xx answers too */
  gboolean              refreshed;     /* the session was refreshed for it once */
  char                 *sent_with;     /* the access token of the last try */
  DeskBlueskyParseFunc  parse;
} DeskBlueskyXrpc;

DeskBlueskyXrpc *_desk_bluesky_xrpc_new        (const char           *method,
                                                const char           *nsid,
                                                const char           *query,
                                                DeskBlueskyParseFunc  parse);
void             _desk_bluesky_xrpc_set_json   (DeskBlueskyXrpc      *xrpc,
                                                JsonNode             *node);
void             _desk_bluesky_xrpc_start      (GTask                *task,
                                                DeskBlueskyXrpc      *xrpc);
void             _desk_bluesky_xrpc_get        (GTask                *task,
                                                const char           *nsid,
                                                const char           *query,
                                                DeskBlueskyParseFunc  parse);
void             _desk_bluesky_xrpc_post       (GTask                *task,
                                                const char           *nsid,
                                                JsonNode             *body,
                                                gboolean              retry_safe,
                                                DeskBlueskyParseFunc  parse);
JsonObject      *_desk_bluesky_answer_object   (GTask                *task,
                                                DeskHttpResponse     *response,
                                                JsonNode            **node);
void             _desk_bluesky_parse_nothing   (GTask                *task,
                                                DeskHttpResponse     *response);
GError          *_desk_bluesky_malformed       (void);
GError          *_desk_bluesky_not_connected   (void);
char            *_desk_bluesky_format_time     (GDateTime            *time);

G_END_DECLS
