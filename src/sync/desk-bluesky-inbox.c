/* desk-bluesky-inbox.c: a Bluesky account's notifications and counts
 *
 * app.bsky.notification.listNotifications pages back in time; the pull
 * goes back until the last one's newest, with an overlap (see OVERLAP).
 * Likes, reposts, replies and quotes of posts come from
 * app.bsky.feed.getPosts, 25 at a time. Both are the AppView's, through
 * the PDS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-bluesky"

#include "config.h"

#include <string.h>

#include "desk-bluesky-private.h"
#include "desk-notification.h"

#define NOTIFICATION_PAGE 100   /* listNotifications' limit */
#define GET_POSTS_MAX     25    /* getPosts' uris */

/* Notifications */

static gboolean
kind_of (const char           *reason,
         DeskNotificationKind *kind)
{
  const struct { const char *reason; DeskNotificationKind kind; } kinds[] = {
    { "like", DESK_NOTIFICATION_KIND_FAVOURITE },
    { "repost", DESK_NOTIFICATION_KIND_REPOST },
    { "follow", DESK_NOTIFICATION_KIND_FOLLOW },
    { "mention", DESK_NOTIFICATION_KIND_MENTION },
    { "reply", DESK_NOTIFICATION_KIND_REPLY },
    { "quote", DESK_NOTIFICATION_KIND_QUOTE },
  };

  /* Starter packs, verification, likes of reposts…: not the inbox's */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (reason, kinds[i].reason) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* The bsky.app page of the post at://<did>/app.bsky.feed.post/<rkey> */
static char *
post_page (const char *uri,
           const char *handle)
{
  g_auto(GStrv) parts = NULL;

  if (uri == NULL || !g_str_has_prefix (uri, "at://"))
    return NULL;
  parts = g_strsplit (uri + strlen ("at://"), "/", 3);
  if (g_strv_length (parts) != 3 || !g_str_equal (parts[1], DESK_BLUESKY_POST_COLLECTION))
    return NULL;
  return g_strdup_printf ("https://bsky.app/profile/%s/post/%s", handle ? handle : parts[0], parts[2]);
}

/**
 * desk_bluesky_parse_notifications:
 *
 * Returns: (transfer full) (element-type DeskNotification): the inbox's
 *   items of a listNotifications answer (channel id 0), newest first;
 *   items of other kinds, or without a uri or an author, are left out
 */
GPtrArray *
desk_bluesky_parse_notifications (JsonNode *node)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *root = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonArray *array = desk_json_get_array (root, "notifications");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonObject *author = desk_json_get_object (item, "author");
      JsonObject *record = desk_json_get_object (item, "record");
      const char *uri = desk_json_get_string (item, "uri");
      const char *handle = desk_json_get_string (author, "handle");
      const char *name = desk_json_get_string (author, "displayName");
      JsonObject *reply = desk_json_get_object (record, "reply");
      JsonObject *root = desk_json_get_object (reply, "root");
      const char *cid = desk_json_get_string (item, "cid");
      const char *subject = NULL;
      const char *root_uri = NULL, *root_cid = NULL;
      g_autoptr(GDateTime) created = desk_json_get_time (item, "indexedAt");
      g_autofree char *url = NULL;
      DeskNotificationKind kind;

      if (item == NULL || uri == NULL || handle == NULL ||
          !kind_of (desk_json_get_string (item, "reason"), &kind))
        continue;
      if (name == NULL || name[0] == '\0')
        name = handle;
      /* A like or a repost leads to the post liked; a follow to who
       * follows; the rest to the post that mentions, answers or quotes */
      if (kind == DESK_NOTIFICATION_KIND_FAVOURITE || kind == DESK_NOTIFICATION_KIND_REPOST)
        url = post_page (desk_json_get_string (item, "reasonSubject"), NULL);
      else if (kind == DESK_NOTIFICATION_KIND_FOLLOW)
        url = g_strconcat ("https://bsky.app/profile/", handle, NULL);
      else
        url = post_page (uri, handle);
      /* A like or a repost is about the post reasonSubject names; a
       * reply, a mention or a quote is a post itself, which a reply
       * answers: its uri and cid as parent, its thread's root (the post
       * itself when it answers nothing) as root */
      if (desk_notification_kind_is_grouped (kind))
        {
          subject = desk_json_get_string (item, "reasonSubject");
          cid = NULL;
        }
      else if (cid != NULL)
        {
          root_uri = desk_json_get_string (root, "uri");
          root_cid = desk_json_get_string (root, "cid");
          if (root_uri == NULL || root_cid == NULL)
            {
              root_uri = uri;
              root_cid = cid;
            }
        }
      g_ptr_array_add (items, g_object_new (DESK_TYPE_NOTIFICATION,
                                            "remote-id", uri,
                                            "kind", kind,
                                            "author", name,
                                            "handle", handle,
                                            "status-id", cid != NULL ? uri : NULL,
                                            "status-cid", cid,
                                            "root-id", root_uri,
                                            "root-cid", root_cid,
                                            "subject", subject,
                                            "in-reply-to", desk_json_get_string (desk_json_get_object (reply, "parent"),
                                                                                 "uri"),
                                            "text", kind == DESK_NOTIFICATION_KIND_FAVOURITE ||
                                                    kind == DESK_NOTIFICATION_KIND_REPOST ||
                                                    kind == DESK_NOTIFICATION_KIND_FOLLOW
                                                      ? "" : desk_json_get_string (record, "text"),
                                            "url", url,
                                            "created-at", created,
                                            NULL));
    }
  return items;
}

/* The AppView sorts notifications by the earlier of their record's
 * createdAt and the time it indexed them: one indexed late (a busy
 * firehose, a clock behind) comes in *before* newer ones already pulled.
 * So each pull looks OVERLAP back from the newest it had, and the cursor
 * carries the notifications of that window, not to give them twice:
 * "<newest time> <uri> <uri>…" */
#define OVERLAP        (10 * G_TIME_SPAN_MINUTE)
#define MAX_REMEMBERED 300

typedef struct
{
  GPtrArray  *items;
  GDateTime  *since;     /* (nullable) the newest time of the last pull */
  GHashTable *known;     /* the uris of the last pull's window */
  GDateTime  *newest;    /* (nullable) of this pull */
  GPtrArray  *seen;      /* DeskNotification met this pull, given or known */
  guint       max;
} Pull;

static void
pull_free (gpointer data)
{
  Pull *pull = data;

  g_ptr_array_unref (pull->items);
  g_clear_pointer (&pull->since, g_date_time_unref);
  g_hash_table_unref (pull->known);
  g_clear_pointer (&pull->newest, g_date_time_unref);
  g_ptr_array_unref (pull->seen);
  g_free (pull);
}

static void
read_cursor (Pull       *pull,
             const char *cursor)
{
  g_auto(GStrv) parts = NULL;

  if (cursor == NULL)
    return;
  parts = g_strsplit (cursor, " ", -1);
  pull->since = parts[0] ? g_date_time_new_from_iso8601 (parts[0], NULL) : NULL;
  for (guint i = 1; pull->since != NULL && parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_hash_table_add (pull->known, g_strdup (parts[i]));
}

static char *
write_cursor (Pull *pull)
{
  GDateTime *newest = pull->newest ? pull->newest : pull->since;
  g_autoptr(GString) cursor = NULL;
  g_autoptr(GDateTime) window = NULL;
  g_autofree char *time = NULL;
  guint remembered = 0;

  if (newest == NULL)
    return NULL;
  time = g_date_time_format_iso8601 (newest);
  cursor = g_string_new (time);
  window = g_date_time_add (newest, -OVERLAP);
  /* Newest first: the older ones past the limit may come again */
  for (guint i = 0; i < pull->seen->len && remembered < MAX_REMEMBERED; i++)
    {
      DeskNotification *item = g_ptr_array_index (pull->seen, i);

      if (g_date_time_compare (desk_notification_get_created_at (item), window) >= 0)
        {
          g_string_append_printf (cursor, " %s", desk_notification_get_remote_id (item));
          remembered++;
        }
    }
  return g_string_free (g_steal_pointer (&cursor), FALSE);
}

static void pull_page (GTask *task, const char *page_cursor);

static void
parse_page (GTask            *task,
            DeskHttpResponse *response)
{
  g_autoptr(GTask) owned = task;
  Pull *pull = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = _desk_bluesky_answer_object (task, response, &node);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GDateTime) window = NULL;
  const char *next = desk_json_get_string (object, "cursor");
  gboolean reached = FALSE;

  if (object == NULL)
    return;
  if (desk_json_get_array (object, "notifications") == NULL)
    {
      g_task_return_error (task, _desk_bluesky_malformed ());
      return;
    }
  window = pull->since ? g_date_time_add (pull->since, -OVERLAP) : NULL;
  page = desk_bluesky_parse_notifications (node);
  for (guint i = 0; i < page->len && pull->items->len < pull->max; i++)
    {
      DeskNotification *item = g_ptr_array_index (page, i);
      GDateTime *created = desk_notification_get_created_at (item);

      if (created == NULL)
        continue;
      /* Older than the last pull's window: this one is done */
      if (window != NULL && g_date_time_compare (created, window) < 0)
        {
          reached = TRUE;
          break;
        }
      if (pull->newest == NULL || g_date_time_compare (created, pull->newest) > 0)
        {
          g_clear_pointer (&pull->newest, g_date_time_unref);
          pull->newest = g_date_time_ref (created);
        }
      g_ptr_array_add (pull->seen, g_object_ref (item));
      if (!g_hash_table_contains (pull->known, desk_notification_get_remote_id (item)))
        g_ptr_array_add (pull->items, g_object_ref (item));
    }
  /* A first pull takes the newest page only; later ones go back until
   * the last pull's window, or @max */
  if (!reached && pull->since != NULL && next != NULL && next[0] != '\0' && page->len > 0 &&
      pull->items->len < pull->max)
    {
      pull_page (g_steal_pointer (&owned), next);
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (pull->items), (GDestroyNotify) g_ptr_array_unref);
}

static void
pull_page (GTask      *task,
           const char *page_cursor)
{
  Pull *pull = g_task_get_task_data (task);
  g_autofree char *query = g_strdup_printf ("limit=%u", CLAMP (pull->max, 1, NOTIFICATION_PAGE));

  if (page_cursor != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (page_cursor, NULL, FALSE);
      g_autofree char *first = g_steal_pointer (&query);

      query = g_strconcat (first, "&cursor=", escaped, NULL);
    }
  _desk_bluesky_xrpc_get (task, "app.bsky.notification.listNotifications", query, parse_page);
}

/**
 * desk_bluesky_notifications_async:
 * @cursor: (nullable): from the last pull; %NULL the first time (the
 *   newest page only)
 * @max: how many at most
 *
 * The notifications not pulled since @cursor
 * (app.bsky.notification.listNotifications, which pages back in time).
 */
void
desk_bluesky_notifications_async (DeskBluesky         *self,
                                  const char          *cursor,
                                  guint                max,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  Pull *pull;

  g_return_if_fail (DESK_IS_BLUESKY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_bluesky_notifications_async);
  pull = g_new0 (Pull, 1);
  pull->items = g_ptr_array_new_with_free_func (g_object_unref);
  pull->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pull->seen = g_ptr_array_new_with_free_func (g_object_unref);
  pull->max = MAX (max, 1);
  read_cursor (pull, cursor);
  g_task_set_task_data (task, pull, pull_free);
  pull_page (task, NULL);
}

/**
 * desk_bluesky_notifications_finish:
 * @cursor: (out): where the next pull starts (kept with the channel; an
 *   opaque string)
 *
 * Returns: (transfer full) (element-type DeskNotification): newest first
 */
GPtrArray *
desk_bluesky_notifications_finish (DeskBluesky   *self,
                                   GAsyncResult  *result,
                                   char         **cursor,
                                   GError       **error)
{
  GPtrArray *items;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  items = g_task_propagate_pointer (G_TASK (result), error);
  if (items != NULL && cursor != NULL)
    *cursor = write_cursor (g_task_get_task_data (G_TASK (result)));
  return items;
}

/**
 * desk_bluesky_update_seen_async:
 * @seen_at: (nullable): now when %NULL
 *
 * Marks the notifications until @seen_at as seen on Bluesky too
 * (app.bsky.notification.updateSeen).
 */
void
desk_bluesky_update_seen_async (DeskBluesky         *self,
                                GDateTime           *seen_at,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = _desk_bluesky_format_time (seen_at ? seen_at : now);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (DESK_IS_BLUESKY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_bluesky_update_seen_async);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seenAt");
  json_builder_add_string_value (builder, when);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  _desk_bluesky_xrpc_post (task, "app.bsky.notification.updateSeen", body, TRUE, _desk_bluesky_parse_nothing);
}

gboolean
desk_bluesky_update_seen_finish (DeskBluesky   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Counts */

void
desk_bluesky_post_counts_free (DeskBlueskyPostCounts *counts)
{
  if (counts == NULL)
    return;
  g_free (counts->uri);
  g_free (counts);
}

typedef struct
{
  GStrv      uris;
  guint      next;     /* the first uri of the next batch */
  GPtrArray *counts;
} Counting;

static void
counting_free (gpointer data)
{
  Counting *counting = data;

  g_strfreev (counting->uris);
  g_ptr_array_unref (counting->counts);
  g_free (counting);
}

static void count_batch (GTask *task);

static void
parse_posts (GTask            *task,
             DeskHttpResponse *response)
{
  Counting *counting = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = _desk_bluesky_answer_object (task, response, &node);
  JsonArray *posts = desk_json_get_array (object, "posts");

  if (object == NULL)
    {
      g_object_unref (task);
      return;
    }
  if (posts == NULL)
    {
      g_task_return_error (task, _desk_bluesky_malformed ());
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      JsonNode *element = json_array_get_element (posts, i);
      JsonObject *post = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      DeskBlueskyPostCounts *counts;

      if (desk_json_get_string (post, "uri") == NULL)
        continue;
      counts = g_new0 (DeskBlueskyPostCounts, 1);
      counts->uri = g_strdup (desk_json_get_string (post, "uri"));
      counts->likes = desk_json_get_int (post, "likeCount", 0);
      counts->reposts = desk_json_get_int (post, "repostCount", 0);
      counts->replies = desk_json_get_int (post, "replyCount", 0);
      counts->quotes = desk_json_get_int (post, "quoteCount", 0);
      g_ptr_array_add (counting->counts, counts);
    }
  count_batch (task);
}

/* 25 posts a call (app.bsky.feed.getPosts) */
static void
count_batch (GTask *task)
{
  Counting *counting = g_task_get_task_data (task);
  g_autoptr(GString) query = g_string_new (NULL);

  if (counting->uris[counting->next] == NULL)
    {
      g_task_return_pointer (task, g_ptr_array_ref (counting->counts), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  for (guint n = 0; n < GET_POSTS_MAX && counting->uris[counting->next] != NULL; n++, counting->next++)
    {
      g_autofree char *escaped = g_uri_escape_string (counting->uris[counting->next], NULL, FALSE);

      g_string_append_printf (query, "%suris=%s", n > 0 ? "&" : "", escaped);
    }
  _desk_bluesky_xrpc_get (task, "app.bsky.feed.getPosts", query->str, parse_posts);
}

/**
 * desk_bluesky_post_counts_async:
 * @uris: the posts' at:// URIs
 *
 * The likes, reposts, replies and quotes of posts, for the KPIs.
 */
void
desk_bluesky_post_counts_async (DeskBluesky         *self,
                                const char * const  *uris,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  Counting *counting = g_new0 (Counting, 1);

  g_return_if_fail (DESK_IS_BLUESKY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_bluesky_post_counts_async);
  counting->uris = g_strdupv ((GStrv) uris);
  if (counting->uris == NULL)
    counting->uris = g_new0 (char *, 1);
  counting->counts = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_bluesky_post_counts_free);
  g_task_set_task_data (task, counting, counting_free);
  count_batch (task);
}

/**
 * desk_bluesky_post_counts_finish:
 *
 * Returns: (transfer full) (element-type DeskBlueskyPostCounts): one per
 *   post Bluesky still has, in no promised order
 */
GPtrArray *
desk_bluesky_post_counts_finish (DeskBluesky   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
