/* test-sync-outbox.c: the outbox against the Mastodon contract server,
 * with the token in a real keyring (tests/with-keyring.sh)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cairo.h>

#include "core-helpers.h"
#include "desk-mastodon.h"
#include "desk-outbox.h"
#include "desk-pull.h"
#include "desk-store-private.h"
#include "desk-secrets.h"
#include "desk-sync-service-private.h"
#include "mastodon-server.h"

typedef struct
{
  Fixture         files;
  MastodonServer *server;
  DeskStore      *store;
  DeskHttpClient *client;
  DeskOutbox     *outbox;
  gint64          brand;
  gint64          channel;
  char           *secret_key;
} Sync;

static void
sync_set_up (Sync          *s,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Le Fournil", "language", "fr,en", NULL);
  g_autoptr(DeskChannel) channel = NULL;
  DeskAccount account = { 0 };

  fixture_set_up (&s->files, NULL);
  s->server = mastodon_server_new ();
  s->store = desk_store_open (s->files.path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (desk_store_save_brand (s->store, brand, &error));
  s->brand = desk_brand_get_id (brand);
  channel = g_object_new (DESK_TYPE_CHANNEL, "brand-id", s->brand, "network", DESK_NETWORK_MASTODON,
                          "handle", "@fournil@piaille.example", NULL);
  g_assert_true (desk_store_save_channel (s->store, channel, &error));
  s->channel = desk_channel_get_id (channel);

  /* Connected: the token in the keyring, the rest in the workspace */
  s->secret_key = g_uuid_string_random ();
  g_assert_true (desk_secrets_store_sync (s->secret_key, "CommunityDesk test", MASTODON_TOKEN, NULL, &error));
  g_assert_no_error (error);
  account.channel_id = s->channel;
  account.secret_key = s->secret_key;
  account.server = s->server->url;
  g_assert_true (desk_store_save_account (s->store, &account, &error));

  s->client = g_object_new (DESK_TYPE_HTTP_CLIENT, "backoff-base-ms", 5, "timeout", 5, NULL);
  s->outbox = desk_outbox_new (s->store, s->client);
}

static void
sync_tear_down (Sync          *s,
                gconstpointer  data)
{
  desk_secrets_clear_sync (s->secret_key, NULL, NULL);
  g_free (s->secret_key);
  g_clear_object (&s->outbox);
  g_clear_object (&s->client);
  g_clear_object (&s->store);
  mastodon_server_free (s->server);
  fixture_tear_down (&s->files, NULL);
}

static DeskPost *
add_post (Sync       *s,
          const char *body,
          gint64      in_seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = g_date_time_add_seconds (now, in_seconds);
  DeskPost *post = g_object_new (DESK_TYPE_POST, "brand-id", s->brand, "title", "Post", "body", body,
                                 "status", DESK_POST_STATUS_SCHEDULED, "scheduled-at", at, NULL);

  desk_post_set_channel_ids (post, &s->channel, 1);
  g_assert_true (desk_store_save_post (s->store, post, &error));
  g_assert_no_error (error);
  return post;
}

static void
ran_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* One run; returns the sends it touched */
static GPtrArray *
run (Sync *s)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *report;

  desk_outbox_run_async (s->outbox, 0, NULL, ran_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = desk_outbox_run_finish (s->outbox, result, &error);
  g_assert_no_error (error);
  return report;
}

static DeskOutboxItem *
only_send (Sync *s)
{
  g_autoptr(GPtrArray) items = desk_store_list_outbox (s->store, 0, NULL);
  DeskOutboxItem *last = NULL;

  for (guint i = 0; i < items->len; i++)
    if (((DeskOutboxItem *) g_ptr_array_index (items, i))->state != DESK_OUTBOX_STATE_CANCELLED)
      last = g_ptr_array_index (items, i);
  g_assert_nonnull (last);
  return desk_store_get_outbox_item (s->store, last->id, NULL);
}

/* A future post goes at once with scheduled_at; the server holds it */
static void
test_scheduled (Sync          *s,
                gconstpointer  data)
{
  g_autoptr(DeskPost) post = add_post (s, "Galette des rois samedi ! #Épiphanie", 2 * 24 * 3600);
  g_autoptr(GPtrArray) report = run (s);
  g_autoptr(DeskOutboxItem) item = only_send (s);
  JsonObject *sent;

  g_assert_cmpuint (report->len, ==, 1);
  g_assert_cmpint (item->state, ==, DESK_OUTBOX_STATE_SCHEDULED);
  g_assert_nonnull (item->remote_id);
  g_assert_cmpuint (s->server->statuses->len, ==, 1);
  sent = g_ptr_array_index (s->server->statuses, 0);
  g_assert_true (json_object_has_member (sent, "scheduled_at"));
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, "Galette des rois samedi ! #Épiphanie");
  /* The brand's first language */
  g_assert_cmpstr (json_object_get_string_member (sent, "language"), ==, "fr");
  /* The post itself stays "scheduled" until its time */
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);

  /* Nothing more to send: a second run sends nothing */
  {
    g_autoptr(GPtrArray) again = run (s);

    g_assert_cmpuint (again->len, ==, 0);
    g_assert_cmpuint (s->server->statuses->len, ==, 1);
  }
}

/* A post due goes now, its image first with its description; the post is
 * then published, with its link */
static void
test_due_with_image (Sync          *s,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPost) post = add_post (s, "La fournée de midi est sortie", -3600);
  g_autofree char *png = g_build_filename (s->files.dir, "fournee.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 32, 32);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(DeskOutboxItem) item = NULL;
  gint64 media_id = 0;

  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (desk_store_add_media (s->store, s->brand, png, &media_id, &error));
  g_assert_true (desk_store_attach_media (s->store, desk_post_get_id (post), media_id, 0, &error));
  g_assert_no_error (error);
  {
    sqlite3 *db = _desk_store_get_handle (s->store);
    g_autofree char *sql = g_strdup_printf ("UPDATE media SET alt_text = 'Des baguettes dorées' WHERE id = %" G_GINT64_FORMAT,
                                            media_id);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  s->server->media_polls = 1;
  g_setenv ("DESK_MASTODON_POLL_MS", "5", TRUE);

  report = run (s);
  item = only_send (s);
  g_assert_cmpint (item->state, ==, DESK_OUTBOX_STATE_PUBLISHED);
  g_assert_nonnull (item->remote_url);
  g_assert_cmpuint (s->server->media->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (s->server->media, 0), "description"), ==,
                   "Des baguettes dorées");
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (g_ptr_array_index (s->server->statuses, 0), "media_ids"), 0), ==,
                   "m1");
  g_assert_false (json_object_has_member (g_ptr_array_index (s->server->statuses, 0), "scheduled_at"));
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_PUBLISHED);

  /* The pull brings its counts in, as today's samples for the KPIs */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) pulled = NULL;
    sqlite3_stmt *stmt;

    desk_pull_run_async (s->store, s->client, 0, NULL, ran_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    pulled = desk_pull_run_finish (result, &error);
    g_assert_no_error (error);
    g_assert_null (((DeskPullResult *) g_ptr_array_index (pulled, 0))->error);
    g_assert_cmpint (sqlite3_prepare_v2 (_desk_store_get_handle (s->store),
                                         "SELECT metric, value FROM metric_samples WHERE post_id = ?1 ORDER BY metric",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, desk_post_get_id (post));
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "likes");
    g_assert_cmpfloat (sqlite3_column_double (stmt, 1), ==, 10);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "quotes");
    sqlite3_finalize (stmt);
  }

  /* Deleted on the server: said on the send */
  g_hash_table_add (s->server->deleted, g_strdup (item->remote_id));
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) pulled = NULL;
    g_autoptr(DeskOutboxItem) gone = NULL;

    desk_pull_run_async (s->store, s->client, 0, NULL, ran_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    pulled = desk_pull_run_finish (result, &error);
    gone = desk_store_get_outbox_item (s->store, item->id, &error);
    g_assert_cmpint (gone->state, ==, DESK_OUTBOX_STATE_PUBLISHED);
    g_assert_cmpstr (gone->last_error, ==, "Deleted on the server.");
  }
}

/* The answer lost, or the app killed after sending: the next try uses
 * the same key, and the server makes one status */
static void
test_never_twice (Sync          *s,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPost) first = add_post (s, "Ouvert le dimanche", -60);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(DeskOutboxItem) item = NULL;

  /* Lost answer: retried with the key at once */
  s->server->fail_next_status = MASTODON_FAIL_DROP_AFTER_CREATE;
  report = run (s);
  item = only_send (s);
  g_assert_cmpint (item->state, ==, DESK_OUTBOX_STATE_PUBLISHED);
  g_assert_cmpuint (s->server->statuses->len, ==, 1);
  g_clear_pointer (&item, desk_outbox_item_free);
  g_clear_pointer (&report, g_ptr_array_unref);

  /* Killed between "sending" and the answer's record: the status exists
   * on the server, the workspace says "sending" */
  {
    g_autoptr(DeskPost) second = add_post (s, "Fermé lundi", -60);
    g_autoptr(DeskOutboxItem) sending = NULL;
    g_autoptr(DeskOutboxItem) sent = NULL;
    DeskMastodonStatus status = { .text = "Fermé lundi", .language = "fr" };
    g_autoptr(DeskMastodon) other = desk_mastodon_new (s->client, s->server->url, MASTODON_TOKEN);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(DeskRemotePost) made = NULL;

    g_assert_true (desk_store_queue_posts (s->store, NULL, &error));
    sending = only_send (s);
    g_assert_true (desk_store_outbox_begin_send (s->store, sending->id, &error));
    status.idempotency_key = sending->idempotency_key;
    desk_mastodon_publish_async (other, &status, NULL, ran_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    made = desk_mastodon_publish_finish (other, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (s->server->statuses->len, ==, 2);

    /* Restarted: the send goes again, the server knows its key */
    report = run (s);
    sent = desk_store_get_outbox_item (s->store, sending->id, NULL);
    g_assert_cmpint (sent->state, ==, DESK_OUTBOX_STATE_PUBLISHED);
    g_assert_cmpstr (sent->remote_id, ==, made->id);
    g_assert_cmpuint (sent->attempts, ==, 2);
    g_assert_cmpuint (s->server->statuses->len, ==, 2);
  }
}

/* Moved while the server holds it: taken back, scheduled anew */
static void
test_moved (Sync          *s,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPost) post = add_post (s, "Atelier pétrissage", 3 * 24 * 3600);
  g_autoptr(GPtrArray) first = run (s);
  g_autoptr(DeskOutboxItem) held = only_send (s);
  g_autoptr(GDateTime) later = g_date_time_add_days (desk_post_get_scheduled_at (post), 1);
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(DeskOutboxItem) again = NULL;
  g_autoptr(DeskOutboxItem) old = NULL;

  g_assert_cmpint (held->state, ==, DESK_OUTBOX_STATE_SCHEDULED);
  desk_post_set_scheduled_at (post, later);
  g_assert_true (desk_store_save_post (s->store, post, &error));
  second = run (s);
  old = desk_store_get_outbox_item (s->store, held->id, NULL);
  again = only_send (s);
  g_assert_cmpint (old->state, ==, DESK_OUTBOX_STATE_CANCELLED);
  g_assert_true (g_hash_table_contains (s->server->unscheduled, held->remote_id));
  g_assert_cmpint (again->state, ==, DESK_OUTBOX_STATE_SCHEDULED);
  g_assert_cmpint (again->id, !=, held->id);
  g_assert_cmpuint (s->server->statuses->len, ==, 2);
}

/* Failures: each where the user can act on it */
static void
test_failures (Sync          *s,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPost) soon = add_post (s, "Dans trois minutes", 3 * 60);
  g_autoptr(DeskPost) empty = add_post (s, "", -60);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GPtrArray) items = NULL;
  DeskOutboxItem *waiting, *refused;

  /* Due within five minutes: it waits for its time (Mastodon holds only
   * five minutes ahead); an empty post is refused with the reason */
  report = run (s);
  items = desk_store_list_outbox (s->store, 0, &error);
  g_assert_cmpuint (items->len, ==, 2);
  waiting = g_ptr_array_index (items, 0);
  refused = g_ptr_array_index (items, 1);
  g_assert_cmpint (waiting->state, ==, DESK_OUTBOX_STATE_QUEUED);
  g_assert_cmpuint (waiting->attempts, ==, 0);
  g_assert_cmpint (refused->state, ==, DESK_OUTBOX_STATE_FAILED);
  g_assert_nonnull (strstr (refused->last_error, "Text can't be blank"));
  g_assert_cmpuint (s->server->statuses->len, ==, 0);
  g_clear_pointer (&report, g_ptr_array_unref);

  /* A server in trouble: queued again, later, saying why */
  {
    g_autoptr(DeskPost) busy = add_post (s, "Nouveaux horaires", -60);
    g_autoptr(DeskOutboxItem) after = NULL;

    s->server->fail_next_status = MASTODON_FAIL_500;
    g_object_set (s->client, "max-attempts", 1, NULL);
    report = run (s);
    after = only_send (s);
    g_assert_cmpint (after->state, ==, DESK_OUTBOX_STATE_QUEUED);
    g_assert_cmpint (after->next_attempt_at, >, g_get_real_time () / G_USEC_PER_SEC);
    g_assert_nonnull (strstr (after->last_error, "500"));
    g_clear_pointer (&report, g_ptr_array_unref);
  }

  /* A token that stopped working: the account says Reconnect, the send
   * waits, nothing is sent */
  {
    g_autoptr(DeskAccount) account = NULL;
    guint before = s->server->statuses->len;

    g_assert_true (desk_secrets_store_sync (s->secret_key, "CommunityDesk test", "revoked", NULL, &error));
    g_assert_true (desk_store_outbox_retry (s->store, refused->id, &error));
    report = run (s);
    account = desk_store_get_account (s->store, s->channel, &error);
    g_assert_true (account->needs_reconnect);
    g_assert_nonnull (strstr (account->last_error, "reconnect"));
    g_assert_cmpuint (s->server->statuses->len, ==, before);
    {
      g_autoptr(DeskOutboxItem) retried = desk_store_get_outbox_item (s->store, refused->id, NULL);
      g_assert_cmpint (retried->state, ==, DESK_OUTBOX_STATE_QUEUED);
    }
  }
}

static void
reminder_cb (DeskOutbox *outbox,
             gint64      item_id,
             gint64      post_id,
             gint64      channel_id,
             GArray     *seen)
{
  gint64 ids[3] = { item_id, post_id, channel_id };

  g_array_append_vals (seen, ids, 3);
}

/* A channel published by hand: a reminder at the post's time, once a day
 * until marked published, which publishes the post */
static void
test_by_hand (Sync          *s,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DeskChannel) instagram = g_object_new (DESK_TYPE_CHANNEL, "brand-id", s->brand,
                                                   "network", DESK_NETWORK_INSTAGRAM, "handle", "@fournil", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = g_date_time_add_minutes (now, -20);
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(DeskOutboxItem) item = NULL;
  gint64 channel_id;

  g_assert_true (desk_store_save_channel (s->store, instagram, &error));
  channel_id = desk_channel_get_id (instagram);
  post = g_object_new (DESK_TYPE_POST, "brand-id", s->brand, "title", "Reel", "body", "La fournée en vidéo",
                       "status", DESK_POST_STATUS_SCHEDULED, "scheduled-at", at, NULL);
  desk_post_set_channel_ids (post, &channel_id, 1);
  g_assert_true (desk_store_save_post (s->store, post, &error));
  g_signal_connect (s->outbox, "reminder", G_CALLBACK (reminder_cb), seen);

  /* Its time had passed when it was scheduled: no reminder */
  g_assert_true (desk_outbox_remind (s->outbox, &error));
  g_assert_cmpuint (seen->len, ==, 0);

  /* Scheduled ahead, its time comes (the outbox's clock moved on) */
  {
    g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 2);
    g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 3);

    desk_post_set_scheduled_at (post, soon);
    g_assert_true (desk_store_save_post (s->store, post, &error));
    g_assert_true (desk_outbox_remind (s->outbox, &error));
    g_assert_cmpuint (seen->len, ==, 0);
    desk_outbox_set_now (s->outbox, later);
  }

  /* A run of the outbox does not remind: the reminders need no network */
  first = run (s);
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_true (desk_outbox_remind (s->outbox, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpint (g_array_index (seen, gint64, 1), ==, desk_post_get_id (post));
  g_assert_cmpint (g_array_index (seen, gint64, 2), ==, channel_id);
  item = desk_store_get_outbox_item (s->store, g_array_index (seen, gint64, 0), &error);
  g_assert_true (item->by_hand);
  g_assert_cmpint (item->state, ==, DESK_OUTBOX_STATE_QUEUED);
  g_assert_cmpint (item->next_attempt_at, >=, g_date_time_to_unix (now) + 24 * 3600);
  /* Nothing went to a server */
  g_assert_cmpuint (s->server->statuses->len, ==, 0);

  /* Not again before tomorrow */
  second = run (s);
  g_assert_true (desk_outbox_remind (s->outbox, &error));
  g_assert_cmpuint (seen->len, ==, 3);

  /* Marked published: the post is published */
  g_assert_true (desk_store_outbox_record (s->store, item->id, DESK_OUTBOX_STATE_PUBLISHED, NULL, NULL, NULL, 0, &error));
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_PUBLISHED);
}

static void
count_finished_cb (DeskSyncService *service,
                   guint           *finished)
{
  (*finished)++;
}

/* The app's minute: a post due within five minutes is not sent by a sync
 * (Mastodon cannot hold it) but goes at its time, without waiting for
 * the next sync; before its time, the minute sends nothing */
static void
test_sent_at_its_time (Sync          *s,
                       gconstpointer  data)
{
  g_autoptr(DeskSyncService) service = desk_sync_service_new (s->store, NULL);
  g_autoptr(DeskPost) post = add_post (s, "Les chouquettes sortent du four !", 120);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 121);
  g_autoptr(DeskOutboxItem) item = NULL;
  guint finished = 0;

  g_signal_connect (service, "finished", G_CALLBACK (count_finished_cb), &finished);

  /* A sync now: the post is queued, not sent */
  desk_sync_service_sync_now (service);
  while (finished < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (s->server->statuses->len, ==, 0);
  g_assert_cmpuint (desk_sync_service_get_waiting (service), ==, 1);

  /* The minute before its time: nothing */
  _desk_sync_service_tick (service);
  g_assert_false (desk_sync_service_get_running (service));
  g_assert_cmpuint (finished, ==, 1);

  /* Its minute: it goes, and only it (no pull) */
  _desk_sync_service_set_now (service, later);
  _desk_sync_service_tick (service);
  g_assert_true (desk_sync_service_get_running (service));
  while (finished < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (s->server->statuses->len, ==, 1);
  g_assert_false (json_object_has_member (g_ptr_array_index (s->server->statuses, 0), "scheduled_at"));
  item = only_send (s);
  g_assert_cmpint (item->state, ==, DESK_OUTBOX_STATE_PUBLISHED);
  g_assert_cmpuint (desk_sync_service_get_waiting (service), ==, 0);

  /* The next minute: nothing more */
  _desk_sync_service_tick (service);
  g_assert_false (desk_sync_service_get_running (service));
  g_assert_cmpuint (s->server->statuses->len, ==, 1);
  desk_sync_service_stop (service);
}

/* A reply goes through the outbox: in_reply_to_id, the author named, and
 * never twice when its answer is lost */
static void
test_reply_never_twice (Sync          *s,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_now_utc ();
  DeskOutboxItem *reply;
  JsonObject *sent;
  gint64 id, item_id = 0, dm_id;

  g_ptr_array_add (items, g_object_new (DESK_TYPE_NOTIFICATION, "channel-id", s->channel, "remote-id", "n1",
                                        "kind", DESK_NOTIFICATION_KIND_MENTION, "author", "Zoé",
                                        "handle", "@zoe@ailleurs.example", "text", "Ouvert dimanche ?",
                                        "created-at", at, NULL));
  g_ptr_array_add (items, g_object_new (DESK_TYPE_NOTIFICATION, "channel-id", s->channel, "remote-id", "n2",
                                        "kind", DESK_NOTIFICATION_KIND_DIRECT_MESSAGE, "author", "Marc",
                                        "handle", "marc@ailleurs.example", "text", "Ma commande ?",
                                        "created-at", at, NULL));
  g_assert_true (desk_store_add_notifications (s->store, items, &error));
  id = desk_notification_get_id (g_ptr_array_index (items, 0));
  dm_id = desk_notification_get_id (g_ptr_array_index (items, 1));
  /* The statuses they carry, as a pull stores them */
  g_assert_cmpint (sqlite3_exec (_desk_store_get_handle (s->store),
                                 "UPDATE notifications SET status_id = '110042' WHERE remote_id = 'n1';"
                                 "UPDATE notifications SET status_id = '110043' WHERE remote_id = 'n2'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* Refused: no text, no such notification */
  g_assert_false (desk_store_queue_reply (s->store, id, "  ", NULL, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (desk_store_queue_reply (s->store, 999999, "Oui", NULL, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (desk_store_queue_reply (s->store, id, "Oui, de 8 h à 13 h !", &item_id, &error));
  g_assert_no_error (error);
  replies = desk_store_list_replies (s->store, id, &error);
  g_assert_cmpuint (replies->len, ==, 1);
  g_assert_cmpint (((DeskOutboxItem *) g_ptr_array_index (replies, 0))->state, ==, DESK_OUTBOX_STATE_QUEUED);
  g_clear_pointer (&replies, g_ptr_array_unref);

  /* The answer lost: tried again with its key, one status on the server */
  s->server->fail_next_status = MASTODON_FAIL_DROP_AFTER_CREATE;
  report = run (s);
  replies = desk_store_list_replies (s->store, id, &error);
  g_assert_cmpuint (replies->len, ==, 1);
  reply = g_ptr_array_index (replies, 0);
  g_assert_cmpint (reply->id, ==, item_id);
  g_assert_cmpint (reply->state, ==, DESK_OUTBOX_STATE_PUBLISHED);
  g_assert_nonnull (reply->remote_id);
  g_assert_cmpuint (s->server->statuses->len, ==, 1);
  sent = g_ptr_array_index (s->server->statuses, 0);
  g_assert_cmpstr (json_object_get_string_member (sent, "in_reply_to_id"), ==, "110042");
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, "@zoe@ailleurs.example Oui, de 8 h à 13 h !");
  g_assert_cmpstr (json_object_get_string_member (sent, "visibility"), ==, "public");
  g_clear_pointer (&report, g_ptr_array_unref);

  /* Another run: nothing more */
  report = run (s);
  g_assert_cmpuint (s->server->statuses->len, ==, 1);
  g_clear_pointer (&report, g_ptr_array_unref);

  /* A direct message's reply stays direct */
  g_assert_true (desk_store_queue_reply (s->store, dm_id, "@marc@ailleurs.example Elle part demain.", NULL, &error));
  report = run (s);
  g_assert_cmpuint (s->server->statuses->len, ==, 2);
  sent = g_ptr_array_index (s->server->statuses, 1);
  g_assert_cmpstr (json_object_get_string_member (sent, "in_reply_to_id"), ==, "110043");
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, "@marc@ailleurs.example Elle part demain.");
  g_assert_cmpstr (json_object_get_string_member (sent, "visibility"), ==, "direct");
}

/* One pull of every account; the per-channel results */
static GPtrArray *
pull (Sync *s)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *pulled;

  desk_pull_run_async (s->store, s->client, 0, NULL, ran_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  pulled = desk_pull_run_finish (result, &error);
  g_assert_no_error (error);
  return pulled;
}

/* The brand's stored notification of the network's id @remote_id */
static DeskNotification *
pulled_notification (Sync       *s,
                     const char *remote_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = desk_store_query_notifications (s->store, s->brand, 0, 1000, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (desk_notification_get_remote_id (g_ptr_array_index (all, i)), remote_id) == 0)
      return g_object_ref (g_ptr_array_index (all, i));
  g_error ("notification %s not pulled", remote_id);
}

/* End to end: what the pull stores is what a reply needs — a reply to a
 * pulled reply goes out with in_reply_to_id, to its author, once; a
 * reply to a pulled DM stays direct */
static void
test_pulled_reply (Sync          *s,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pulled = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(DeskNotification) reply = NULL;
  g_autoptr(DeskNotification) dm = NULL;
  g_autoptr(DeskNotification) like = NULL;
  g_autoptr(DeskNotification) other_like = NULL;
  JsonObject *sent;

  s->server->n_notifications = 24;
  pulled = pull (s);
  g_assert_null (((DeskPullResult *) g_ptr_array_index (pulled, 0))->error);

  /* Stored with what the pull found */
  reply = pulled_notification (s, "11");
  g_assert_cmpint (desk_notification_get_kind (reply), ==, DESK_NOTIFICATION_KIND_REPLY);
  g_assert_cmpstr (desk_notification_get_status_id (reply), ==, "s11");
  g_assert_cmpstr (desk_notification_get_in_reply_to (reply), ==, "110001");
  g_assert_cmpstr (desk_notification_get_handle (reply), ==, "zoe11@mastodon.example");
  dm = pulled_notification (s, "10");
  g_assert_cmpint (desk_notification_get_kind (dm), ==, DESK_NOTIFICATION_KIND_DIRECT_MESSAGE);
  g_assert_cmpstr (desk_notification_get_status_id (dm), ==, "s10");
  /* Likes of one status share its subject (one group), others not */
  like = pulled_notification (s, "5");
  other_like = pulled_notification (s, "13");
  g_assert_cmpint (desk_notification_get_kind (like), ==, DESK_NOTIFICATION_KIND_FAVOURITE);
  g_assert_cmpstr (desk_notification_get_subject (like), ==, "https://piaille.example/@fournil/110000");
  g_assert_cmpstr (desk_notification_get_subject (other_like), ==, "https://piaille.example/@fournil/110001");
  g_assert_null (desk_notification_get_status_id (like));

  /* Queued on the pulled notification, its answer lost once: one status,
   * answering the one pulled */
  g_assert_true (desk_store_queue_reply (s->store, desk_notification_get_id (reply), "Merci Zoé !", NULL, &error));
  g_assert_no_error (error);
  s->server->fail_next_status = MASTODON_FAIL_DROP_AFTER_CREATE;
  report = run (s);
  g_clear_pointer (&report, g_ptr_array_unref);
  report = run (s);
  g_assert_cmpuint (s->server->statuses->len, ==, 1);
  sent = g_ptr_array_index (s->server->statuses, 0);
  g_assert_cmpstr (json_object_get_string_member (sent, "in_reply_to_id"), ==, "s11");
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, "@zoe11@mastodon.example Merci Zoé !");
  g_assert_cmpstr (json_object_get_string_member (sent, "visibility"), ==, "public");
  g_clear_pointer (&report, g_ptr_array_unref);

  g_assert_true (desk_store_queue_reply (s->store, desk_notification_get_id (dm), "Elle est prête.", NULL, &error));
  report = run (s);
  g_assert_cmpuint (s->server->statuses->len, ==, 2);
  sent = g_ptr_array_index (s->server->statuses, 1);
  g_assert_cmpstr (json_object_get_string_member (sent, "in_reply_to_id"), ==, "s10");
  g_assert_cmpstr (json_object_get_string_member (sent, "visibility"), ==, "direct");
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, "@zoe10@mastodon.example Elle est prête.");
}

static void
mark_read (Sync       *s,
           const char *remote_id,
           gboolean    read)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskNotification) n = pulled_notification (s, remote_id);

  g_assert_true (desk_store_set_notification_read (s->store, desk_notification_get_id (n), read, &error));
  g_assert_no_error (error);
}

static char *
read_marker (Sync *s)
{
  g_autoptr(DeskAccount) account = desk_store_get_account (s->store, s->channel, NULL);

  return g_strdup (account->read_marker);
}

/* Read here, read on Mastodon: a run sends the newest notification
 * before which all are read (POST /api/v1/markers), once; never back;
 * a marker the server refused goes on the next run */
static void
test_read_markers (Sync          *s,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) pulled = NULL;
  g_autofree char *marker = NULL;

  s->server->n_notifications = 24;
  pulled = pull (s);
  g_assert_null (((DeskPullResult *) g_ptr_array_index (pulled, 0))->error);
  g_clear_pointer (&pulled, g_ptr_array_unref);
  g_assert_cmpuint (s->server->marker_posts, ==, 0);

  /* The five oldest read (polls are not pulled: 8, 16 and 24 are not
   * there), and 20 out of order: read up to 5 */
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      mark_read (s, id, TRUE);
    }
  mark_read (s, "20", TRUE);
  g_clear_pointer (&pulled, g_ptr_array_unref);
  pulled = pull (s);
  g_assert_null (((DeskPullResult *) g_ptr_array_index (pulled, 0))->error);
  g_assert_cmpuint (s->server->markers->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (s->server->markers, 0), ==, "5");
  marker = read_marker (s);
  g_assert_cmpstr (marker, ==, "5");

  /* Nothing new read: nothing sent */
  g_clear_pointer (&pulled, g_ptr_array_unref);
  pulled = pull (s);
  g_assert_cmpuint (s->server->marker_posts, ==, 1);

  /* 6 and 7 read: up to 7 (8 is a poll, 9 unread) */
  mark_read (s, "6", TRUE);
  mark_read (s, "7", TRUE);
  g_clear_pointer (&pulled, g_ptr_array_unref);
  pulled = pull (s);
  g_assert_cmpuint (s->server->markers->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (s->server->markers, 1), ==, "7");

  /* The server fails every try of a run: the channel says so, the marker
   * is not kept, and the next run sends it */
  mark_read (s, "9", TRUE);
  s->server->markers_failing = 100;
  g_clear_pointer (&pulled, g_ptr_array_unref);
  pulled = pull (s);
  g_assert_nonnull (((DeskPullResult *) g_ptr_array_index (pulled, 0))->error);
  g_assert_cmpuint (s->server->markers->len, ==, 2);
  g_assert_cmpuint (s->server->marker_posts, >, 3);
  g_clear_pointer (&marker, g_free);
  marker = read_marker (s);
  g_assert_cmpstr (marker, ==, "7");
  s->server->markers_failing = 0;
  g_clear_pointer (&pulled, g_ptr_array_unref);
  pulled = pull (s);
  g_assert_null (((DeskPullResult *) g_ptr_array_index (pulled, 0))->error);
  g_assert_cmpuint (s->server->markers->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (s->server->markers, 2), ==, "9");

  /* 6 unread again: the marker does not go back; read again: the same
   * place, not sent again */
  mark_read (s, "6", FALSE);
  g_clear_pointer (&pulled, g_ptr_array_unref);
  pulled = pull (s);
  mark_read (s, "6", TRUE);
  g_clear_pointer (&pulled, g_ptr_array_unref);
  pulled = pull (s);
  g_assert_cmpuint (s->server->markers->len, ==, 3);
  g_clear_pointer (&marker, g_free);
  marker = read_marker (s);
  g_assert_cmpstr (marker, ==, "9");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/sync-outbox/" name, Sync, NULL, sync_set_up, func, sync_tear_down)
  ADD ("scheduled", test_scheduled);
  ADD ("due-with-image", test_due_with_image);
  ADD ("never-twice", test_never_twice);
  ADD ("moved", test_moved);
  ADD ("failures", test_failures);
  ADD ("by-hand", test_by_hand);
  ADD ("sent-at-its-time", test_sent_at_its_time);
  ADD ("reply-never-twice", test_reply_never_twice);
  ADD ("pulled-reply", test_pulled_reply);
  ADD ("read-markers", test_read_markers);
#undef ADD

  return g_test_run ();
}
