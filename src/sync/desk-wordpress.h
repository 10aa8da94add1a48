/* desk-wordpress.h: a WordPress site through its REST API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-http-client.h"
#include "desk-remote.h"

G_BEGIN_DECLS

/* What an article carries */
typedef struct
{
  const char         *title;
  const char         *content_html;
  const char         *excerpt;          /* (nullable) */
  const char * const *categories;       /* (nullable) names, made when missing */
  const char * const *tags;             /* (nullable) names, made when missing */
  const char         *featured_media;   /* (nullable) from desk_wordpress_upload_media_async () */
  GDateTime          *date;             /* (nullable) in the future: scheduled; %NULL: now */
  const char         *slug;             /* unique per post ("desk-42-1"): what makes a retry safe */
} DeskWordPressArticle;

#define DESK_TYPE_WORDPRESS (desk_wordpress_get_type ())
G_DECLARE_FINAL_TYPE (DeskWordPress, desk_wordpress, DESK, WORDPRESS, GObject)

DeskWordPress     *desk_wordpress_new                  (DeskHttpClient     *client,
                                                        const char         *site_url,
                                                        const char         *user,
                                                        const char         *app_password);

void               desk_wordpress_discover_async       (DeskWordPress      *self,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
char              *desk_wordpress_discover_finish      (DeskWordPress      *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_wordpress_verify_async         (DeskWordPress      *self,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
DeskRemoteAccount *desk_wordpress_verify_finish        (DeskWordPress      *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_wordpress_upload_media_async   (DeskWordPress      *self,
                                                        const char         *path,
                                                        const char         *alt_text,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
char              *desk_wordpress_upload_media_finish  (DeskWordPress      *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_wordpress_ensure_terms_async   (DeskWordPress      *self,
                                                        const char         *taxonomy,
                                                        const char * const *names,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
GStrv              desk_wordpress_ensure_terms_finish  (DeskWordPress      *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_wordpress_publish_async        (DeskWordPress      *self,
                                                        const DeskWordPressArticle *article,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
DeskRemotePost    *desk_wordpress_publish_finish       (DeskWordPress      *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_wordpress_update_date_async    (DeskWordPress      *self,
                                                        const char         *post_id,
                                                        GDateTime          *date,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
DeskRemotePost    *desk_wordpress_update_date_finish   (DeskWordPress      *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

void               desk_wordpress_unpublish_async      (DeskWordPress      *self,
                                                        const char         *post_id,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
gboolean           desk_wordpress_unpublish_finish     (DeskWordPress      *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

G_END_DECLS
