/* desk-mastodon.h: a Mastodon account through its REST API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-http-client.h"
#include "desk-remote.h"

G_BEGIN_DECLS

/* What a status carries */
typedef struct
{
  const char  *text;
  const char  *language;         /* (nullable) ISO 639-1 */
  const char  *visibility;       /* (nullable) public (default), unlisted, private, direct */
  GDateTime   *scheduled_at;     /* (nullable) held by the server until then (≥ 5 min ahead) */
  const char  *in_reply_to_id;   /* (nullable) */
  const char * const *media_ids; /* (nullable) from desk_mastodon_upload_media_async () */
  const char  *idempotency_key;  /* the same key twice makes one status (kept an hour) */
} DeskMastodonStatus;

#define DESK_MASTODON_REDIRECT_OOB "urn:ietf:wg:oauth:2.0:oob"

#define DESK_TYPE_MASTODON (desk_mastodon_get_type ())
G_DECLARE_FINAL_TYPE (DeskMastodon, desk_mastodon, DESK, MASTODON, GObject)

DeskMastodon      *desk_mastodon_new                   (DeskHttpClient     *client,
                                                        const char         *instance,
                                                        const char         *token);

/* Connecting: app registration, the authorisation page, the code */
void               desk_mastodon_register_app_async    (DeskHttpClient     *client,
                                                        const char         *instance,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
gboolean           desk_mastodon_register_app_finish   (GAsyncResult       *result,
                                                        char              **client_id,
                                                        char              **client_secret,
                                                        GError            **error);
char              *desk_mastodon_authorize_uri         (const char         *instance,
                                                        const char         *client_id,
                                                        const char         *code_verifier);
char              *desk_mastodon_new_code_verifier     (void);
void               desk_mastodon_obtain_token_async    (DeskHttpClient     *client,
                                                        const char         *instance,
                                                        const char         *client_id,
                                                        const char         *client_secret,
                                                        const char         *code,
                                                        const char         *code_verifier,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
char              *desk_mastodon_obtain_token_finish   (GAsyncResult       *result,
                                                        GError            **error);

void               desk_mastodon_verify_async          (DeskMastodon       *self,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
DeskRemoteAccount *desk_mastodon_verify_finish         (DeskMastodon       *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_mastodon_upload_media_async    (DeskMastodon       *self,
                                                        const char         *path,
                                                        const char         *description,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
char              *desk_mastodon_upload_media_finish   (DeskMastodon       *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_mastodon_publish_async         (DeskMastodon       *self,
                                                        const DeskMastodonStatus *status,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
DeskRemotePost    *desk_mastodon_publish_finish        (DeskMastodon       *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_mastodon_unschedule_async      (DeskMastodon       *self,
                                                        const char         *scheduled_id,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
gboolean           desk_mastodon_unschedule_finish     (DeskMastodon       *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_mastodon_notifications_async   (DeskMastodon       *self,
                                                        const char         *cursor,
                                                        guint               max,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
GPtrArray         *desk_mastodon_notifications_finish  (DeskMastodon       *self,
                                                        GAsyncResult       *result,
                                                        char              **cursor,
                                                        GError            **error);

void               desk_mastodon_counts_async          (DeskMastodon       *self,
                                                        const char * const *status_ids,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
GPtrArray         *desk_mastodon_counts_finish         (DeskMastodon       *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_mastodon_set_read_marker_async (DeskMastodon       *self,
                                                        const char         *last_read_id,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
gboolean           desk_mastodon_set_read_marker_finish (DeskMastodon      *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

GPtrArray         *desk_mastodon_parse_notifications   (JsonNode           *node);

G_END_DECLS
