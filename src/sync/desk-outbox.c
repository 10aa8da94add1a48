/* desk-outbox.c: sends what the calendar schedules, never twice
 *
 * A run makes the outbox follow the calendar (desk_store_queue_posts ()),
 * then takes the sends that are due, one after the other, in the order
 * they were queued:
 * - Mastodon: a post more than five minutes ahead goes at once with
 *   scheduled_at, and the server holds it (it goes out even when the
 *   laptop is off); a post due goes now; one due within five minutes
 *   waits for its time;
 * - WordPress: a future post goes at once as "future" with its date_gmt;
 * - a channel published by hand gets a reminder at the post's time (the
 *   "reminder" signal), until the user marks it published;
 * - Bluesky goes when it is due (it holds nothing: the app must run), as
 *   a record whose key and creation time derive from the send's key and
 *   time, so that a retry is the very same record.
 * A send taken back (a post moved, edited or deleted while a server held
 * it) is cancelled on the server.
 *
 * Each send is recorded as "sending" before its request and its outcome
 * after it (desk-store-outbox.c); a retry uses the same idempotency key
 * (Mastodon's Idempotency-Key, WordPress's slug), so a lost answer or a
 * crash never makes a second post. A secret that stopped working puts
 * the account in "Reconnect" and its sends wait; a network or server
 * failure is tried again later, with a growing delay; a refusal (an
 * empty post, a file the site does not take) fails with the server's
 * reason, until Retry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-outbox"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-bluesky.h"
#include "desk-facets.h"
#include "desk-mastodon.h"
#include "desk-outbox.h"
#include "desk-secrets.h"
#include "desk-wordpress.h"

/* Mastodon holds a status only five minutes ahead or more; a margin for
 * the time the request takes */
#define MASTODON_MIN_AHEAD (5 * 60 + 30)
/* A server held a post this long past its time: it went out */
#define HELD_GRACE 60

struct _DeskOutbox
{
  GObject         parent_instance;

  DeskStore      *store;
  DeskHttpClient *client;
  GDateTime      *now;          /* (nullable) the tests' clock */
};

G_DEFINE_FINAL_TYPE (DeskOutbox, desk_outbox, G_TYPE_OBJECT)

enum {
  SIGNAL_REMINDER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A day: a reminder not answered comes back */
#define REMIND_AGAIN (24 * 3600)

typedef struct
{
  GPtrArray      *items;        /* (element-type DeskOutboxItem) the sends due */
  guint           next;
  GPtrArray      *report;       /* (element-type DeskOutboxItem) as they ended */
  GHashTable     *channels;     /* id → DeskChannel */

  /* The send going out */
  DeskOutboxItem *item;
  DeskChannel    *channel;
  DeskAccount    *account;
  DeskPost       *post;
  char           *text;
  char           *language;
  GPtrArray      *attachments;  /* (element-type DeskAttachment) */
  GPtrArray      *media_ids;    /* (element-type utf8) uploaded so far */
  GObject        *connector;    /* DeskMastodon or DeskWordPress */
} Run;

static void
clear_current (Run *run)
{
  g_clear_pointer (&run->item, desk_outbox_item_free);
  g_clear_object (&run->channel);
  g_clear_pointer (&run->account, desk_account_free);
  g_clear_object (&run->post);
  g_clear_pointer (&run->text, g_free);
  g_clear_pointer (&run->language, g_free);
  g_clear_pointer (&run->attachments, g_ptr_array_unref);
  g_clear_pointer (&run->media_ids, g_ptr_array_unref);
  g_clear_object (&run->connector);
}

static void
run_free (gpointer data)
{
  Run *run = data;

  clear_current (run);
  g_ptr_array_unref (run->items);
  g_ptr_array_unref (run->report);
  g_hash_table_unref (run->channels);
  g_free (run);
}

static gint64
now_unix (DeskOutbox *self)
{
  return self->now ? g_date_time_to_unix (self->now) : g_get_real_time () / G_USEC_PER_SEC;
}

static void next_send (GTask *task);

/* Outcomes
 *
 * The run's one reference to its task goes from call to callback; it is
 * dropped where the task returns. */

static void
report_current (GTask *task)
{
  DeskOutbox *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  DeskOutboxItem *after = desk_store_get_outbox_item (self->store, run->item->id, NULL);

  if (after != NULL)
    g_ptr_array_add (run->report, after);
}

/* Records the outcome of the send going out, then goes on with the next */
static void
finish_send (GTask          *task,
             DeskRemotePost *remote,
             const GError   *failure)
{
  DeskOutbox *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean cancelling = run->item->state == DESK_OUTBOX_STATE_CANCELLING;
  gboolean ok;

  if (failure == NULL)
    {
      DeskOutboxState state = cancelling ? DESK_OUTBOX_STATE_CANCELLED
                            : remote != NULL && remote->scheduled ? DESK_OUTBOX_STATE_SCHEDULED
                            : DESK_OUTBOX_STATE_PUBLISHED;

      ok = desk_store_outbox_record (self->store, run->item->id, state, remote ? remote->id : NULL,
                                     remote ? remote->url : NULL, NULL, 0, &error);
    }
  else if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopped mid-send: left "sending", tried again with its key */
      g_task_return_error (task, g_error_copy (failure));
      g_object_unref (task);
      return;
    }
  else if (g_error_matches (failure, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED))
    {
      /* Not the post's fault: the account must be reconnected; the send
       * waits for it */
      ok = desk_store_set_account_state (self->store, run->item->channel_id, TRUE, failure->message, &error) &&
           desk_store_outbox_record (self->store, run->item->id,
                                     cancelling ? DESK_OUTBOX_STATE_CANCELLING : DESK_OUTBOX_STATE_QUEUED,
                                     NULL, NULL, failure->message, 0, &error);
    }
  else if (failure->domain == DESK_HTTP_ERROR &&
           (failure->code == DESK_HTTP_ERROR_NETWORK || failure->code == DESK_HTTP_ERROR_TIMEOUT ||
            failure->code == DESK_HTTP_ERROR_SERVER || failure->code == DESK_HTTP_ERROR_RATE_LIMITED))
    {
      /* Later, the longer the more it failed: 1 min, 2, 4… up to 5 */
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (now_unix (self));
      gint64 delay_ms = desk_http_retry_delay_ms (0, NULL, run->item->attempts + 1, 60 * 1000, now, g_random_int ());

      ok = desk_store_outbox_record (self->store, run->item->id,
                                     cancelling ? DESK_OUTBOX_STATE_CANCELLING : DESK_OUTBOX_STATE_QUEUED,
                                     NULL, NULL, failure->message, now_unix (self) + delay_ms / 1000 + 1, &error);
    }
  else
    ok = desk_store_outbox_record (self->store, run->item->id, DESK_OUTBOX_STATE_FAILED, NULL, NULL,
                                   failure->message, 0, &error);

  if (!ok)
    {
      /* The workspace cannot be written: stop rather than send blind */
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  report_current (task);
  next_send (task);
}

/* Mastodon */

static void
mastodon_published_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRemotePost) remote = desk_mastodon_publish_finish (DESK_MASTODON (source), result, &error);

  finish_send (task, remote, error);
}

static void
mastodon_publish (GTask *task)
{
  DeskOutbox *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  DeskMastodonStatus status = { 0 };

  if (run->item->scheduled_for > now_unix (self) + MASTODON_MIN_AHEAD)
    at = g_date_time_new_from_unix_utc (run->item->scheduled_for);
  for (guint i = 0; i < run->media_ids->len; i++)
    g_ptr_array_add (ids, g_ptr_array_index (run->media_ids, i));
  g_ptr_array_add (ids, NULL);
  status.text = run->text;
  status.language = run->language;
  /* A reply to a direct message stays direct */
  status.visibility = run->item->reply_private ? "direct" : "public";
  status.in_reply_to_id = run->item->body != NULL ? run->item->reply_to_id : NULL;
  status.scheduled_at = at;
  status.media_ids = (const char * const *) ids->pdata;
  status.idempotency_key = run->item->idempotency_key;
  desk_mastodon_publish_async (DESK_MASTODON (run->connector), &status, g_task_get_cancellable (task),
                               mastodon_published_cb, task);
}

static void mastodon_upload_next (GTask *task);

static void
mastodon_uploaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *id = desk_mastodon_upload_media_finish (DESK_MASTODON (source), result, &error);

  if (id == NULL)
    {
      finish_send (task, NULL, error);
      return;
    }
  g_ptr_array_add (run->media_ids, id);
  mastodon_upload_next (task);
}

/* Images first, one after the other, with their descriptions */
static void
mastodon_upload_next (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->media_ids->len < run->attachments->len)
    {
      DeskAttachment *attachment = g_ptr_array_index (run->attachments, run->media_ids->len);

      desk_mastodon_upload_media_async (DESK_MASTODON (run->connector), attachment->path, attachment->alt,
                                        g_task_get_cancellable (task), mastodon_uploaded_cb, task);
      return;
    }
  mastodon_publish (task);
}

static void
mastodon_unscheduled_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;

  /* Already gone (404): as good as cancelled */
  if (!desk_mastodon_unschedule_finish (DESK_MASTODON (source), result, &error) &&
      !(g_error_matches (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED) && strstr (error->message, "404") != NULL))
    {
      finish_send (task, NULL, error);
      return;
    }
  finish_send (task, NULL, NULL);
}

/* WordPress */

static void
wordpress_published_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRemotePost) remote = desk_wordpress_publish_finish (DESK_WORDPRESS (source), result, &error);

  finish_send (task, remote, error);
}

/* The text as an article: paragraphs, line breaks, nothing interpreted */
static char *
text_to_html (const char *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", text ? text : "", 0, 0);
  GString *html = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (paragraphs[i]));
      g_autofree char *escaped = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *joined = NULL;

      if (trimmed[0] == '\0')
        continue;
      escaped = g_markup_escape_text (trimmed, -1);
      lines = g_strsplit (escaped, "\n", -1);
      joined = g_strjoinv ("<br>\n", lines);
      g_string_append_printf (html, "<p>%s</p>\n", joined);
    }
  return g_string_free (html, FALSE);
}

static void
wordpress_publish (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (run->item->scheduled_for);
  g_autofree char *title = desk_post_dup_display_title (run->post);
  g_autofree char *html = text_to_html (run->text);
  g_autofree char *slug = g_strconcat ("cd-", run->item->idempotency_key, NULL);
  g_autoptr(GPtrArray) facets = desk_facets_find (run->text ? run->text : "");
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  const char *pillar = desk_post_get_pillar (run->post);
  const char *categories[] = { pillar, NULL };
  DeskWordPressArticle article = { 0 };

  /* The post's hashtags are the article's tags; its pillar its category */
  for (guint i = 0; i < facets->len; i++)
    {
      DeskFacet *facet = g_ptr_array_index (facets, i);

      if (facet->kind == DESK_FACET_TAG)
        g_ptr_array_add (tags, g_strdup (facet->value));
    }
  g_ptr_array_add (tags, NULL);
  article.title = title;
  article.content_html = html;
  article.tags = tags->len > 1 ? (const char * const *) tags->pdata : NULL;
  article.categories = pillar != NULL && pillar[0] != '\0' ? categories : NULL;
  article.featured_media = run->media_ids->len > 0 ? g_ptr_array_index (run->media_ids, 0) : NULL;
  article.date = at;
  article.slug = slug;
  desk_wordpress_publish_async (DESK_WORDPRESS (run->connector), &article, g_task_get_cancellable (task),
                                wordpress_published_cb, task);
}

static void
wordpress_uploaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *id = desk_wordpress_upload_media_finish (DESK_WORDPRESS (source), result, &error);

  if (id == NULL)
    {
      finish_send (task, NULL, error);
      return;
    }
  g_ptr_array_add (run->media_ids, id);
  wordpress_publish (task);
}

static void
wordpress_unpublished_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;

  if (!desk_wordpress_unpublish_finish (DESK_WORDPRESS (source), result, &error))
    {
      finish_send (task, NULL, error);
      return;
    }
  finish_send (task, NULL, NULL);
}

/* Bluesky */

static void
bluesky_published_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRemotePost) remote = desk_bluesky_publish_finish (DESK_BLUESKY (source), result, &error);

  finish_send (task, remote, error);
}

/* A refreshed session replaces the old one in the keyring */
static void
bluesky_session_changed_cb (DeskBluesky *bluesky,
                            const char  *secret_key)
{
  g_autofree char *session = desk_bluesky_dup_session (bluesky);

  if (session != NULL)
    desk_secrets_store_sync (secret_key, "CommunityDesk: Bluesky", session, NULL, NULL);
  if (session != NULL)
    memset (session, 0, strlen (session));
}

static void
free_key (gpointer  data,
          GClosure *closure)
{
  g_free (data);
}

static void
bluesky_publish (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  guint hash = g_str_hash (run->item->idempotency_key);
  gint64 micros = run->item->scheduled_for * G_USEC_PER_SEC + hash % G_USEC_PER_SEC;
  g_autofree char *rkey = desk_bluesky_tid_for (micros, (hash >> 20) % 1024);
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (run->item->scheduled_for);
  g_autoptr(GArray) images = g_array_new (FALSE, TRUE, sizeof (DeskBlueskyImage));
  const char *langs[] = { run->language, NULL };
  DeskBlueskyPost post = { 0 };

  for (guint i = 0; i < run->attachments->len && i < 4; i++)
    {
      DeskAttachment *attachment = g_ptr_array_index (run->attachments, i);
      DeskBlueskyImage image = { attachment->path, attachment->alt ? attachment->alt : "" };

      g_array_append_val (images, image);
    }
  post.text = run->text;
  post.langs = run->language != NULL ? langs : NULL;
  post.images = (const DeskBlueskyImage *) images->data;
  post.n_images = images->len;
  post.created_at = created;
  post.rkey = rkey;
  if (run->item->body != NULL)
    {
      /* The root of the thread, when the post answered is itself a reply;
       * else the post answered is the root */
      post.parent_uri = run->item->reply_to_id;
      post.parent_cid = run->item->reply_to_cid;
      post.root_uri = run->item->reply_root_id;
      post.root_cid = run->item->reply_root_cid;
    }
  desk_bluesky_publish_async (DESK_BLUESKY (run->connector), &post, g_task_get_cancellable (task),
                              bluesky_published_cb, task);
}

/* One send */

static void
secret_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GTask *task = data;
  DeskOutbox *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *secret = desk_secrets_lookup_finish (result, &error);
  DeskNetwork network = desk_channel_get_network (run->channel);
  gboolean cancelling = run->item->state == DESK_OUTBOX_STATE_CANCELLING;

  if (secret == NULL)
    {
      g_autoptr(GError) missing = NULL;

      if (error != NULL)
        missing = g_error_copy (error);
      else
        missing = g_error_new_literal (DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED,
                                       _("The keyring no longer has this account’s password: reconnect it."));
      /* A keyring that cannot be read is the account's problem too */
      if (missing->domain != DESK_HTTP_ERROR)
        {
          g_autofree char *message = g_strdup (missing->message);

          g_clear_error (&missing);
          missing = g_error_new_literal (DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED, message);
        }
      finish_send (task, NULL, missing);
      return;
    }

  if (network == DESK_NETWORK_MASTODON)
    {
      run->connector = G_OBJECT (desk_mastodon_new (self->client, run->account->server, secret));
      desk_secrets_free (secret);
      if (cancelling)
        desk_mastodon_unschedule_async (DESK_MASTODON (run->connector), run->item->remote_id,
                                        g_task_get_cancellable (task), mastodon_unscheduled_cb, task);
      else
        mastodon_upload_next (task);
      return;
    }
  if (network == DESK_NETWORK_WORDPRESS)
    {
      run->connector = G_OBJECT (desk_wordpress_new (self->client, run->account->server, run->account->user_name,
                                                     secret));
      desk_secrets_free (secret);
      if (cancelling)
        desk_wordpress_unpublish_async (DESK_WORDPRESS (run->connector), run->item->remote_id,
                                        g_task_get_cancellable (task), wordpress_unpublished_cb, task);
      else if (run->attachments->len > 0)
        {
          DeskAttachment *first = g_ptr_array_index (run->attachments, 0);

          desk_wordpress_upload_media_async (DESK_WORDPRESS (run->connector), first->path, first->alt,
                                             g_task_get_cancellable (task), wordpress_uploaded_cb, task);
        }
      else
        wordpress_publish (task);
      return;
    }

  if (network == DESK_NETWORK_BLUESKY && !cancelling)
    {
      g_autoptr(GError) session_error = NULL;
      DeskBluesky *bluesky = desk_bluesky_new_from_session (self->client, secret, &session_error);

      desk_secrets_free (secret);
      if (bluesky == NULL)
        {
          g_autoptr(GError) reconnect = g_error_new_literal (DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED,
                                                             session_error->message);
          finish_send (task, NULL, reconnect);
          return;
        }
      g_signal_connect_data (bluesky, "session-changed", G_CALLBACK (bluesky_session_changed_cb),
                             g_strdup (run->account->secret_key), free_key, 0);
      run->connector = G_OBJECT (bluesky);
      bluesky_publish (task);
      return;
    }

  desk_secrets_free (secret);
  {
    g_autoptr(GError) unsupported = g_error_new (DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                                                 _("CommunityDesk cannot publish to %s yet."),
                                                 desk_network_to_label (network));
    finish_send (task, NULL, unsupported);
  }
}

/* A reply's text: on Mastodon, it names the author it answers (a direct
 * reply reaches only whom it mentions), unless it does already */
static char *
reply_text (DeskOutboxItem *item,
            DeskNetwork     network)
{
  const char *handle = item->reply_handle;
  g_autofree char *mention = NULL;

  if (network != DESK_NETWORK_MASTODON || handle == NULL)
    return g_strdup (item->body);
  while (*handle == '@')
    handle++;
  if (*handle == '\0')
    return g_strdup (item->body);
  mention = g_strconcat ("@", handle, NULL);
  if (strstr (item->body, mention) != NULL)
    return g_strdup (item->body);
  return g_strconcat (mention, " ", item->body, NULL);
}

/* Reads what the send needs from the workspace; FALSE with @error when
 * the post cannot go as it is (a missing image) */
static gboolean
load_send (DeskOutbox  *self,
           Run         *run,
           GError     **error)
{
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(DeskBrand) brand = NULL;
  const char *own;

  if (run->item->body != NULL)
    {
      /* A reply: its text, to the post it answers */
      run->attachments = g_ptr_array_new ();
      if (run->item->reply_to_id == NULL)
        {
          g_set_error_literal (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                               _("This notification carries no post to answer on its network."));
          return FALSE;
        }
      run->text = reply_text (run->item, desk_channel_get_network (run->channel));
      return TRUE;
    }
  if (run->item->post_id == 0)
    return TRUE;   /* a deleted post's send, to take back */
  run->post = desk_store_get_post (self->store, run->item->post_id, error);
  if (run->post == NULL)
    return FALSE;
  texts = desk_store_list_variant_texts (self->store, run->item->post_id, error);
  run->attachments = desk_store_list_attachments (self->store, run->item->post_id, error);
  if (texts == NULL || run->attachments == NULL)
    return FALSE;
  own = g_hash_table_lookup (texts, &run->item->channel_id);
  run->text = g_strdup (own != NULL ? own : desk_post_get_body (run->post));
  brand = desk_store_get_brand (self->store, desk_post_get_brand_id (run->post), NULL);
  if (brand != NULL && desk_brand_get_language (brand) != NULL)
    run->language = g_strndup (desk_brand_get_language (brand), strcspn (desk_brand_get_language (brand), ",; "));
  for (guint i = 0; i < run->attachments->len; i++)
    {
      DeskAttachment *attachment = g_ptr_array_index (run->attachments, i);

      if (!g_file_test (attachment->path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED,
                       _("The image “%s” is missing from the workspace’s media folder; attach it again."),
                       attachment->path);
          return FALSE;
        }
    }
  return TRUE;
}

static void
next_send (GTask *task)
{
  DeskOutbox *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  clear_current (run);
  if (run->next >= run->items->len)
    {
      g_task_return_pointer (task, g_ptr_array_ref (run->report), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  run->item = g_ptr_array_steal_index (run->items, run->next);
  g_ptr_array_insert (run->items, run->next, NULL);
  run->next++;

  run->media_ids = g_ptr_array_new_with_free_func (g_free);
  run->channel = g_object_ref (g_hash_table_lookup (run->channels, &run->item->channel_id));
  run->account = desk_store_get_account (self->store, run->item->channel_id, NULL);
  /* Disconnected or to reconnect: it waits, as it is */
  if (run->account == NULL || run->account->needs_reconnect)
    {
      next_send (task);
      return;
    }

  if (!desk_store_outbox_begin_send (self->store, run->item->id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (!load_send (self, run, &error))
    {
      if (run->attachments == NULL)
        run->attachments = g_ptr_array_new ();
      finish_send (task, NULL, error);
      return;
    }
  desk_secrets_lookup_async (run->account->secret_key, g_task_get_cancellable (task), secret_cb, task);
}

/* Whether @item goes in this run */
static gboolean
is_due (DeskOutbox     *self,
        DeskOutboxItem *item,
        DeskChannel    *channel)
{
  gint64 now = now_unix (self);
  DeskNetwork network;

  if (channel == NULL)
    return FALSE;
  network = desk_channel_get_network (channel);
  if (item->state == DESK_OUTBOX_STATE_CANCELLING)
    return item->remote_id != NULL && item->next_attempt_at <= now;
  if (item->state != DESK_OUTBOX_STATE_QUEUED && item->state != DESK_OUTBOX_STATE_SENDING)
    return FALSE;
  if (item->next_attempt_at > now)
    return FALSE;
  /* A reminder comes at the post's time, not for a time that had passed
   * when the post was scheduled (an imported month, the demo's posts,
   * whose reminders would otherwise all come at once) nor a day late */
  if (item->by_hand)
    return item->state == DESK_OUTBOX_STATE_QUEUED && item->scheduled_for <= now &&
           item->scheduled_for >= item->created_at && item->scheduled_for > now - REMIND_AGAIN;
  switch (network)
    {
    case DESK_NETWORK_MASTODON:
      return item->scheduled_for <= now || item->scheduled_for > now + MASTODON_MIN_AHEAD;
    case DESK_NETWORK_WORDPRESS:
      return TRUE;
    default:
      return item->scheduled_for <= now;
    }
}

/**
 * desk_outbox_run_async:
 * @channel_id: one channel's sends, or 0 for all
 *
 * Sends what is due (see the top of this file). The result lists the
 * sends this run touched, as they ended.
 */
void
desk_outbox_run_async (DeskOutbox          *self,
                       gint64               channel_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;
  Run *run;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (DESK_IS_OUTBOX (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_outbox_run_async);
  if (!desk_store_queue_posts (self->store, NULL, &error) ||
      (channels = desk_store_list_channels (self->store, 0, &error)) == NULL ||
      (items = desk_store_list_outbox (self->store, channel_id, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  run = g_new0 (Run, 1);
  run->items = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_outbox_item_free);
  run->report = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_outbox_item_free);
  run->channels = desk_store_index_by_id (channels);
  g_task_set_task_data (task, run, run_free);

  for (guint i = 0; i < items->len; i++)
    {
      DeskOutboxItem *item = g_ptr_array_index (items, i);
      DeskChannel *channel = g_hash_table_lookup (run->channels, &item->channel_id);

      /* Held by a server past its time: it went out; to take back but
       * never made: nothing to do on the server */
      if ((item->state == DESK_OUTBOX_STATE_SCHEDULED && item->scheduled_for + HELD_GRACE <= now_unix (self)) ||
          (item->state == DESK_OUTBOX_STATE_CANCELLING && item->remote_id == NULL))
        {
          if (!desk_store_outbox_record (self->store, item->id,
                                         item->state == DESK_OUTBOX_STATE_SCHEDULED ? DESK_OUTBOX_STATE_PUBLISHED
                                                                                    : DESK_OUTBOX_STATE_CANCELLED,
                                         NULL, NULL, NULL, 0, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              g_object_unref (task);
              return;
            }
          g_ptr_array_add (run->report, desk_store_get_outbox_item (self->store, item->id, NULL));
          continue;
        }
      /* Reminders are desk_outbox_remind ()'s, without the network */
      if (!item->by_hand && is_due (self, item, channel))
        g_ptr_array_add (run->items, g_ptr_array_steal_index (items, i--));
    }
  next_send (task);
}

/**
 * desk_outbox_remind:
 *
 * Says (the "reminder" signal) which posts are due on channels published
 * by hand, and sets each reminder to come again a day later; needs no
 * network. Quick: the window calls it every minute.
 *
 * Returns: %FALSE with @error when the workspace could not be read or
 *   written
 */
gboolean
desk_outbox_remind (DeskOutbox  *self,
                    GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GHashTable) by_id = NULL;

  g_return_val_if_fail (DESK_IS_OUTBOX (self), FALSE);

  if (!desk_store_queue_posts (self->store, NULL, error) ||
      (channels = desk_store_list_channels (self->store, 0, error)) == NULL ||
      (items = desk_store_list_outbox (self->store, 0, error)) == NULL)
    return FALSE;
  by_id = desk_store_index_by_id (channels);
  for (guint i = 0; i < items->len; i++)
    {
      DeskOutboxItem *item = g_ptr_array_index (items, i);

      if (!item->by_hand || !is_due (self, item, g_hash_table_lookup (by_id, &item->channel_id)))
        continue;
      if (!desk_store_outbox_record (self->store, item->id, DESK_OUTBOX_STATE_QUEUED, NULL, NULL, NULL,
                                     now_unix (self) + REMIND_AGAIN, error))
        return FALSE;
      g_signal_emit (self, signals[SIGNAL_REMINDER], 0, item->id, item->post_id, item->channel_id);
    }
  return TRUE;
}

/**
 * desk_outbox_count_due:
 *
 * How many sends a run would make now (reminders aside): what tells the
 * app, every minute, that a Bluesky post or a Mastodon post due within
 * five minutes has come to its time. Reads the workspace only.
 *
 * Returns: the number of sends due
 */
guint
desk_outbox_count_due (DeskOutbox *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  guint due = 0;

  g_return_val_if_fail (DESK_IS_OUTBOX (self), 0);

  if ((channels = desk_store_list_channels (self->store, 0, NULL)) == NULL ||
      (items = desk_store_list_outbox (self->store, 0, NULL)) == NULL)
    return 0;
  by_id = desk_store_index_by_id (channels);
  for (guint i = 0; i < items->len; i++)
    {
      DeskOutboxItem *item = g_ptr_array_index (items, i);

      due += !item->by_hand && is_due (self, item, g_hash_table_lookup (by_id, &item->channel_id));
    }
  return due;
}

/**
 * desk_outbox_run_finish:
 *
 * Returns: (transfer full) (element-type DeskOutboxItem): the sends this
 *   run touched, as they ended; %NULL with @error when the workspace
 *   could not be read or written, or the run was cancelled
 */
GPtrArray *
desk_outbox_run_finish (DeskOutbox    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The clock, for the tests (%NULL: the real one) */
void
desk_outbox_set_now (DeskOutbox *self,
                     GDateTime  *now)
{
  g_return_if_fail (DESK_IS_OUTBOX (self));
  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
}

static void
desk_outbox_finalize (GObject *object)
{
  DeskOutbox *self = DESK_OUTBOX (object);

  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (desk_outbox_parent_class)->finalize (object);
}

static void
desk_outbox_class_init (DeskOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_outbox_finalize;

  /**
   * DeskOutbox::reminder:
   * @item_id: the send (to mark published)
   * @post_id: its post
   * @channel_id: its channel, published by hand
   *
   * It is time to post by hand.
   */
  signals[SIGNAL_REMINDER] =
    g_signal_new ("reminder", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);
}

static void
desk_outbox_init (DeskOutbox *self)
{
}

DeskOutbox *
desk_outbox_new (DeskStore      *store,
                 DeskHttpClient *client)
{
  DeskOutbox *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (DESK_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  return self;
}
