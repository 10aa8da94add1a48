/* desk-bluesky.h: a Bluesky account through the AT Protocol (XRPC)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-http-client.h"
#include "desk-remote.h"

G_BEGIN_DECLS

#define DESK_BLUESKY_DEFAULT_SERVICE "https://bsky.social"
#define DESK_BLUESKY_MAX_IMAGES      4
#define DESK_BLUESKY_MAX_LANGS       3
#define DESK_BLUESKY_MAX_BLOB_SIZE   2000000   /* bytes, per app.bsky.embed.images */

/* An image of a post */
typedef struct
{
  const char *path;
  const char *alt;               /* (nullable) the alternative text; none is "" */
} DeskBlueskyImage;

/* What a post carries */
typedef struct
{
  const char             *text;
  const char * const     *langs;       /* (nullable) up to 3 BCP 47 tags ("fr", "en-GB") */
  const DeskBlueskyImage *images;      /* (nullable) */
  guint                   n_images;    /* up to 4 */
  GDateTime              *created_at;  /* (nullable) now; kept by the caller, so that a
                                        * retry is the very same record */
  const char             *rkey;        /* its record key, from desk_bluesky_new_tid () and
                                        * kept with the post: the same key twice is one post */
  /* A reply (app.bsky.feed.post#replyRef): the post it answers, and the
   * root of that post's thread (the parent itself when it is no reply);
   * all %NULL for a post that answers nothing */
  const char             *parent_uri;
  const char             *parent_cid;
  const char             *root_uri;
  const char             *root_cid;
} DeskBlueskyPost;

/* A post's counts, for the KPIs */
typedef struct
{
  char   *uri;
  gint64  likes;
  gint64  reposts;
  gint64  replies;
  gint64  quotes;
} DeskBlueskyPostCounts;

void                   desk_bluesky_post_counts_free       (DeskBlueskyPostCounts *counts);
char                  *desk_bluesky_new_tid                (void);
char                  *desk_bluesky_tid_for                (gint64              microseconds,
                                                            guint               clock_id);

#define DESK_TYPE_BLUESKY (desk_bluesky_get_type ())
G_DECLARE_FINAL_TYPE (DeskBluesky, desk_bluesky, DESK, BLUESKY, GObject)

DeskBluesky           *desk_bluesky_new                    (DeskHttpClient     *client,
                                                            const char         *service);
DeskBluesky           *desk_bluesky_new_from_session       (DeskHttpClient     *client,
                                                            const char         *session,
                                                            GError            **error);
char                  *desk_bluesky_dup_session            (DeskBluesky        *self);
const char            *desk_bluesky_get_service            (DeskBluesky        *self);
const char            *desk_bluesky_get_did                (DeskBluesky        *self);
const char            *desk_bluesky_get_handle             (DeskBluesky        *self);

void                   desk_bluesky_login_async            (DeskBluesky        *self,
                                                            const char         *identifier,
                                                            const char         *app_password,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
gboolean               desk_bluesky_login_finish           (DeskBluesky        *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

void                   desk_bluesky_verify_async           (DeskBluesky        *self,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
DeskRemoteAccount     *desk_bluesky_verify_finish          (DeskBluesky        *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

void                   desk_bluesky_upload_blob_async      (DeskBluesky        *self,
                                                            const char         *path,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
JsonNode              *desk_bluesky_upload_blob_finish     (DeskBluesky        *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

void                   desk_bluesky_publish_async          (DeskBluesky        *self,
                                                            const DeskBlueskyPost *post,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
DeskRemotePost        *desk_bluesky_publish_finish         (DeskBluesky        *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

void                   desk_bluesky_delete_post_async      (DeskBluesky        *self,
                                                            const char         *rkey,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
gboolean               desk_bluesky_delete_post_finish     (DeskBluesky        *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

void                   desk_bluesky_notifications_async    (DeskBluesky        *self,
                                                            const char         *cursor,
                                                            guint               max,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
GPtrArray             *desk_bluesky_notifications_finish   (DeskBluesky        *self,
                                                            GAsyncResult       *result,
                                                            char              **cursor,
                                                            GError            **error);

void                   desk_bluesky_update_seen_async      (DeskBluesky        *self,
                                                            GDateTime          *seen_at,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
gboolean               desk_bluesky_update_seen_finish     (DeskBluesky        *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

void                   desk_bluesky_post_counts_async      (DeskBluesky        *self,
                                                            const char * const *uris,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
GPtrArray             *desk_bluesky_post_counts_finish     (DeskBluesky        *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

GPtrArray             *desk_bluesky_parse_notifications    (JsonNode           *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskBlueskyPostCounts, desk_bluesky_post_counts_free)

G_END_DECLS
