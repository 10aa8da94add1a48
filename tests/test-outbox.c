/* test-outbox.c: accounts and the outbox in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-helpers.h"

#include <string.h>

#include "desk-store-private.h"

typedef struct
{
  Fixture    files;
  DeskStore *store;
  gint64     brand;
  gint64     mastodon;
  gint64     instagram;
  gint64     wordpress;
} Outbox;

static gint64
add_channel (DeskStore   *store,
             gint64       brand,
             DeskNetwork  network,
             const char  *handle)
{
  g_autoptr(DeskChannel) channel = g_object_new (DESK_TYPE_CHANNEL, "brand-id", brand, "network", network,
                                                 "handle", handle, NULL);

  g_assert_true (desk_store_save_channel (store, channel, NULL));
  return desk_channel_get_id (channel);
}

static void
connect_account (Outbox     *o,
                 gint64      channel,
                 const char *server)
{
  DeskAccount account = { 0 };
  g_autoptr(GError) error = NULL;

  account.channel_id = channel;
  account.secret_key = g_uuid_string_random ();
  account.server = (char *) server;
  account.remote_handle = (char *) "fournil";
  g_assert_true (desk_store_save_account (o->store, &account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (account.id, >, 0);
  g_free (account.secret_key);
}

static void
outbox_set_up (Outbox        *o,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Le Fournil", NULL);

  fixture_set_up (&o->files, NULL);
  o->store = desk_store_open (o->files.path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (desk_store_save_brand (o->store, brand, &error));
  o->brand = desk_brand_get_id (brand);
  o->mastodon = add_channel (o->store, o->brand, DESK_NETWORK_MASTODON, "@fournil@piaille.fr");
  o->instagram = add_channel (o->store, o->brand, DESK_NETWORK_INSTAGRAM, "@fournil");
  o->wordpress = add_channel (o->store, o->brand, DESK_NETWORK_WORDPRESS, "blog");
}

static void
outbox_tear_down (Outbox        *o,
                  gconstpointer  data)
{
  g_clear_object (&o->store);
  fixture_tear_down (&o->files, NULL);
}

static DeskPost *
scheduled_post (Outbox     *o,
                GDateTime  *at,
                gint64     *channels,
                guint       n)
{
  g_autoptr(GError) error = NULL;
  DeskPost *post = g_object_new (DESK_TYPE_POST, "brand-id", o->brand, "title", "Galette", "body", "La galette est là",
                                 "status", DESK_POST_STATUS_SCHEDULED, "scheduled-at", at, NULL);

  desk_post_set_channel_ids (post, channels, n);
  g_assert_true (desk_store_save_post (o->store, post, &error));
  g_assert_no_error (error);
  return post;
}

static GPtrArray *
sends (Outbox *o)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = desk_store_list_outbox (o->store, 0, &error);

  g_assert_no_error (error);
  return items;
}

static DeskOutboxItem *
send_at (GPtrArray *items,
         guint      i)
{
  g_assert_cmpuint (i, <, items->len);
  return g_ptr_array_index (items, i);
}

static guint
queue (Outbox *o)
{
  g_autoptr(GError) error = NULL;
  guint changed = 99;

  g_assert_true (desk_store_queue_posts (o->store, &changed, &error));
  g_assert_no_error (error);
  return changed;
}

static void
test_accounts (Outbox        *o,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskAccount) account = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_null (desk_store_get_account (o->store, o->mastodon, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  connect_account (o, o->mastodon, "https://piaille.fr");
  account = desk_store_get_account (o->store, o->mastodon, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->server, ==, "https://piaille.fr");
  g_assert_cmpstr (account->remote_handle, ==, "fournil");
  g_assert_false (account->needs_reconnect);
  g_assert_nonnull (account->secret_key);

  /* A token that stopped working: Reconnect, with the reason */
  g_assert_true (desk_store_set_account_state (o->store, o->mastodon, TRUE, "The access token is invalid", &error));
  g_assert_true (desk_store_set_account_cursor (o->store, o->mastodon, "109", &error));
  g_clear_pointer (&account, desk_account_free);
  account = desk_store_get_account (o->store, o->mastodon, &error);
  g_assert_true (account->needs_reconnect);
  g_assert_cmpstr (account->last_error, ==, "The access token is invalid");
  g_assert_cmpstr (account->pull_cursor, ==, "109");

  /* Connected again: replaced, one account a channel */
  connect_account (o, o->mastodon, "https://piaille.fr/");
  connect_account (o, o->wordpress, "https://blog.example");
  all = desk_store_list_accounts (o->store, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_false (((DeskAccount *) g_ptr_array_index (all, 0))->needs_reconnect);

  g_assert_true (desk_store_delete_account (o->store, o->wordpress, &error));
  g_assert_false (desk_store_delete_account (o->store, o->wordpress, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A channel removed takes its account */
  {
    g_autoptr(GPtrArray) left = NULL;

    g_assert_true (desk_store_delete_channel (o->store, o->mastodon, NULL, &error));
    left = desk_store_list_accounts (o->store, &error);
    g_assert_cmpuint (left->len, ==, 0);
  }
}

static void
test_follow_calendar (Outbox        *o,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2030, 1, 6, 9, 30, 0);
  g_autoptr(GDateTime) moved = g_date_time_add_days (at, 1);
  gint64 channels[] = { o->mastodon, o->instagram };
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *first_key = NULL;
  gint64 first_id;

  connect_account (o, o->mastodon, "https://piaille.fr");
  post = scheduled_post (o, at, channels, G_N_ELEMENTS (channels));

  /* A send to Mastodon; Instagram, published by hand, gets a reminder */
  g_assert_cmpuint (queue (o), ==, 2);
  g_assert_cmpuint (queue (o), ==, 0);
  items = sends (o);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (send_at (items, 0)->channel_id, ==, o->mastodon);
  g_assert_false (send_at (items, 0)->by_hand);
  g_assert_cmpint (send_at (items, 1)->channel_id, ==, o->instagram);
  g_assert_true (send_at (items, 1)->by_hand);
  g_ptr_array_remove_index (items, 1);
  g_assert_cmpint (send_at (items, 0)->state, ==, DESK_OUTBOX_STATE_QUEUED);
  g_assert_cmpint (send_at (items, 0)->scheduled_for, ==, g_date_time_to_unix (at));
  g_assert_cmpuint (strlen (send_at (items, 0)->idempotency_key), ==, 36);
  first_key = g_strdup (send_at (items, 0)->idempotency_key);
  first_id = send_at (items, 0)->id;
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Moved before it went: the same send, at the new time, the same key */
  desk_post_set_scheduled_at (post, moved);
  g_assert_true (desk_store_save_post (o->store, post, &error));
  g_assert_cmpuint (queue (o), ==, 2);
  items = sends (o);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (send_at (items, 1)->scheduled_for, ==, g_date_time_to_unix (moved));
  g_assert_cmpint (send_at (items, 0)->scheduled_for, ==, g_date_time_to_unix (moved));
  g_assert_cmpstr (send_at (items, 0)->idempotency_key, ==, first_key);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Sent: recorded before, then held by the server */
  g_assert_true (desk_store_outbox_begin_send (o->store, first_id, &error));
  items = sends (o);
  g_assert_cmpint (send_at (items, 0)->state, ==, DESK_OUTBOX_STATE_SENDING);
  g_assert_cmpuint (send_at (items, 0)->attempts, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_true (desk_store_outbox_record (o->store, first_id, DESK_OUTBOX_STATE_SCHEDULED, "sch1", NULL, NULL, 0,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (queue (o), ==, 0);

  /* Moved again while the server holds it: taken back, sent anew; the
   * reminder moves with it */
  desk_post_set_scheduled_at (post, at);
  g_assert_true (desk_store_save_post (o->store, post, &error));
  g_assert_cmpuint (queue (o), ==, 2);
  items = sends (o);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpint (send_at (items, 0)->state, ==, DESK_OUTBOX_STATE_CANCELLING);
  g_assert_cmpstr (send_at (items, 0)->remote_id, ==, "sch1");
  g_assert_cmpint (send_at (items, 1)->scheduled_for, ==, g_date_time_to_unix (at));
  g_assert_cmpint (send_at (items, 2)->state, ==, DESK_OUTBOX_STATE_QUEUED);
  g_assert_cmpstr (send_at (items, 2)->idempotency_key, !=, first_key);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_true (desk_store_outbox_record (o->store, first_id, DESK_OUTBOX_STATE_CANCELLED, NULL, NULL, NULL, 0,
                                           &error));

  /* Back to a draft: its send is not sent, nor its reminder */
  desk_post_set_status (post, DESK_POST_STATUS_DRAFT);
  g_assert_true (desk_store_save_post (o->store, post, &error));
  g_assert_cmpuint (queue (o), ==, 2);
  items = sends (o);
  g_assert_cmpint (send_at (items, 1)->state, ==, DESK_OUTBOX_STATE_CANCELLED);
  g_assert_cmpint (send_at (items, 2)->state, ==, DESK_OUTBOX_STATE_CANCELLED);
}

static void
test_outcomes (Outbox        *o,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2030, 1, 6, 9, 30, 0);
  gint64 channels[] = { o->mastodon, o->wordpress };
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(DeskPost) held = NULL;
  g_autoptr(GPtrArray) items = NULL;
  DeskOutboxItem *m, *w;

  connect_account (o, o->mastodon, "https://piaille.fr");
  connect_account (o, o->wordpress, "https://blog.example");
  post = scheduled_post (o, at, channels, G_N_ELEMENTS (channels));
  g_assert_cmpuint (queue (o), ==, 2);
  items = sends (o);
  m = send_at (items, 0);
  w = send_at (items, 1);

  /* A failure keeps its reason, on the send and the post's channel; Retry
   * queues it again with the same key */
  g_assert_true (desk_store_outbox_begin_send (o->store, w->id, &error));
  g_assert_true (desk_store_outbox_record (o->store, w->id, DESK_OUTBOX_STATE_FAILED, NULL, NULL,
                                           "The server refused it: Sorry, you are not allowed (HTTP 403).", 0, &error));
  g_assert_cmpuint (queue (o), ==, 0);
  {
    g_autoptr(DeskOutboxItem) failed = desk_store_get_outbox_item (o->store, w->id, &error);

    g_assert_cmpint (failed->state, ==, DESK_OUTBOX_STATE_FAILED);
    g_assert_nonnull (strstr (failed->last_error, "not allowed"));
  }
  /* The post's card says it failed, until Retry */
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_FAILED);
  /* Its other send is not cancelled for that */
  {
    g_autoptr(DeskOutboxItem) other = desk_store_get_outbox_item (o->store, m->id, &error);
    g_assert_cmpint (other->state, ==, DESK_OUTBOX_STATE_QUEUED);
  }
  g_assert_true (desk_store_outbox_retry (o->store, w->id, &error));
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);
  g_assert_false (desk_store_outbox_retry (o->store, w->id, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Published on both: the post is published, with its links */
  g_assert_true (desk_store_outbox_record (o->store, m->id, DESK_OUTBOX_STATE_PUBLISHED, "1101",
                                           "https://piaille.fr/@fournil/1101", NULL, 0, &error));
  held = desk_store_get_post (o->store, desk_post_get_id (post), &error);
  g_assert_cmpint (desk_post_get_status (held), ==, DESK_POST_STATUS_SCHEDULED);
  g_assert_true (desk_store_outbox_record (o->store, w->id, DESK_OUTBOX_STATE_PUBLISHED, "42",
                                           "https://blog.example/galette/", NULL, 0, &error));
  g_assert_no_error (error);
  /* The shared object changed: the calendar's card follows */
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_PUBLISHED);
  {
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_prepare_v2 (_desk_store_get_handle (o->store),
                                         "SELECT remote_url FROM post_variants WHERE post_id = ?1 ORDER BY channel_id",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, desk_post_get_id (post));
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "https://piaille.fr/@fournil/1101");
    sqlite3_finalize (stmt);
  }
  /* Published is final: nothing more to queue */
  g_assert_cmpuint (queue (o), ==, 0);
}

/* A post deleted while a server holds it: the send stays, to take back */
static void
test_deleted_post (Outbox        *o,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2030, 1, 6, 9, 30, 0);
  gint64 channels[] = { o->mastodon };
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) after = NULL;

  connect_account (o, o->mastodon, "https://piaille.fr");
  post = scheduled_post (o, at, channels, 1);
  queue (o);
  items = sends (o);
  g_assert_true (desk_store_outbox_begin_send (o->store, send_at (items, 0)->id, &error));
  g_assert_true (desk_store_outbox_record (o->store, send_at (items, 0)->id, DESK_OUTBOX_STATE_SCHEDULED, "sch7",
                                           NULL, NULL, 0, &error));
  g_assert_true (desk_store_delete_post (o->store, desk_post_get_id (post), &error));
  g_assert_no_error (error);
  after = sends (o);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (send_at (after, 0)->post_id, ==, 0);
  g_assert_cmpint (send_at (after, 0)->state, ==, DESK_OUTBOX_STATE_CANCELLING);
  g_assert_cmpstr (send_at (after, 0)->remote_id, ==, "sch7");
  g_assert_cmpint (send_at (after, 0)->channel_id, ==, o->mastodon);
}

/* How far an account's notifications are read: the newest read one
 * before which all are read (hidden ones aside), past the marker sent
 * last — a network's id, or a time (Bluesky's seenAt) */
static void
test_read_position (Outbox        *o,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2026, 11, 2, 9, 0, 0);
  g_autofree char *remote_id = NULL;
  g_autoptr(GDateTime) read_at = NULL;
  gint64 ids[5];

  connect_account (o, o->mastodon, "https://piaille.fr");
  g_assert_true (desk_store_get_read_position (o->store, o->mastodon, &remote_id, &read_at, &error));
  g_assert_null (remote_id);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (t0, i);
      g_autofree char *id = g_strdup_printf ("n%u", i);

      g_ptr_array_add (items, g_object_new (DESK_TYPE_NOTIFICATION, "channel-id", o->mastodon, "remote-id", id,
                                            "kind", DESK_NOTIFICATION_KIND_MENTION, "author", "Zoé", "text", "?",
                                            "created-at", at, NULL));
    }
  g_assert_true (desk_store_add_notifications (o->store, items, &error));
  for (guint i = 0; i < 5; i++)
    ids[i] = desk_notification_get_id (g_ptr_array_index (items, i));

  /* n0, n1 read; n2 unread: up to n1, whatever is read after */
  desk_store_set_notification_read (o->store, ids[0], TRUE, NULL);
  desk_store_set_notification_read (o->store, ids[1], TRUE, NULL);
  desk_store_set_notification_read (o->store, ids[3], TRUE, NULL);
  g_assert_true (desk_store_get_read_position (o->store, o->mastodon, &remote_id, &read_at, &error));
  g_assert_cmpstr (remote_id, ==, "n1");
  g_assert_cmpint (g_date_time_to_unix (read_at), ==, g_date_time_to_unix (t0) + 60);
  g_clear_pointer (&remote_id, g_free);
  g_clear_pointer (&read_at, g_date_time_unref);

  /* n2 hidden: it no longer holds the position back */
  g_assert_true (desk_store_set_notification_hidden (o->store, ids[2], TRUE, &error));
  g_assert_true (desk_store_get_read_position (o->store, o->mastodon, &remote_id, NULL, &error));
  g_assert_cmpstr (remote_id, ==, "n3");
  g_clear_pointer (&remote_id, g_free);

  /* Sent as a network's id: nothing more until something newer is read */
  g_assert_true (desk_store_set_account_read_marker (o->store, o->mastodon, "n3", &error));
  g_assert_true (desk_store_get_read_position (o->store, o->mastodon, &remote_id, NULL, &error));
  g_assert_null (remote_id);
  desk_store_set_notification_read (o->store, ids[4], TRUE, NULL);
  g_assert_true (desk_store_get_read_position (o->store, o->mastodon, &remote_id, NULL, &error));
  g_assert_cmpstr (remote_id, ==, "n4");
  g_clear_pointer (&remote_id, g_free);

  /* Sent as a time: what is after it */
  g_assert_true (desk_store_set_account_read_marker (o->store, o->mastodon, "2026-11-02T09:03:00Z", &error));
  g_assert_true (desk_store_get_read_position (o->store, o->mastodon, &remote_id, NULL, &error));
  g_assert_cmpstr (remote_id, ==, "n4");
  g_clear_pointer (&remote_id, g_free);
  g_assert_true (desk_store_set_account_read_marker (o->store, o->mastodon, "2026-11-02T09:04:00.000Z", &error));
  g_assert_true (desk_store_get_read_position (o->store, o->mastodon, &remote_id, NULL, &error));
  g_assert_null (remote_id);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/outbox/" name, Outbox, NULL, outbox_set_up, func, outbox_tear_down)
  ADD ("accounts", test_accounts);
  ADD ("follow-calendar", test_follow_calendar);
  ADD ("outcomes", test_outcomes);
  ADD ("deleted-post", test_deleted_post);
  ADD ("read-position", test_read_position);
#undef ADD

  return g_test_run ();
}
