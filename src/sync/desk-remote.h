/* desk-remote.h: what the connectors share: the remote account and post
 * they return, JSON reading that never trusts a reply, HTML to text and
 * the Link header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "desk-http-client.h"

G_BEGIN_DECLS

/* Who the account is, as the server says */
typedef struct
{
  char   *id;            /* the server's id (a DID on Bluesky) */
  char   *handle;        /* "fournil@piaille.fr", "alice.test", "admin" */
  char   *display_name;
  char   *url;
  gint64  followers;     /* -1: unknown */
} DeskRemoteAccount;

/* Where a post went */
typedef struct
{
  char     *id;          /* the status, record key or WordPress post id */
  char     *url;         /* (nullable) its public address */
  gboolean  scheduled;   /* held by the server until its time */
} DeskRemotePost;

/* A post's counts, for the KPIs; -1: the network has none */
typedef struct
{
  char     *id;          /* the post on the server */
  gint64    likes;       /* favourites on Mastodon */
  gint64    reposts;     /* boosts on Mastodon */
  gint64    replies;
  gint64    quotes;
  gboolean  deleted;     /* gone from the server */
} DeskPostCounts;

void               desk_post_counts_free     (DeskPostCounts    *counts);
void               desk_remote_account_free  (DeskRemoteAccount *account);
void               desk_remote_post_free     (DeskRemotePost    *post);

const char        *desk_json_get_string      (JsonObject        *object,
                                              const char        *member);
gint64             desk_json_get_int         (JsonObject        *object,
                                              const char        *member,
                                              gint64             fallback);
JsonObject        *desk_json_get_object      (JsonObject        *object,
                                              const char        *member);
JsonArray         *desk_json_get_array       (JsonObject        *object,
                                              const char        *member);
GDateTime         *desk_json_get_time        (JsonObject        *object,
                                              const char        *member);

JsonObject        *desk_remote_answer_object (GTask             *task,
                                              DeskHttpResponse  *response,
                                              const char        *malformed,
                                              JsonNode         **node);
char              *desk_html_to_text         (const char        *html);
char              *desk_link_header_find     (SoupMessageHeaders *headers,
                                              const char        *rel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRemoteAccount, desk_remote_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRemotePost, desk_remote_post_free)

G_END_DECLS
