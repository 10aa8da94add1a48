/* test-mastodon.c: the Mastodon connector against the contract server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "desk-mastodon.h"
#include "desk-notification.h"
#include "mastodon-server.h"

typedef struct
{
  MastodonServer *server;
  DeskHttpClient *client;
  DeskMastodon   *account;
  char           *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->server = mastodon_server_new ();
  f->client = g_object_new (DESK_TYPE_HTTP_CLIENT, "backoff-base-ms", 5, "timeout", 5, NULL);
  f->account = desk_mastodon_new (f->client, f->server->url, MASTODON_TOKEN);
  f->dir = g_dir_make_tmp ("desk-mastodon-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->account);
  g_clear_object (&f->client);
  mastodon_server_free (f->server);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GAsyncResult) registered = NULL;
  g_autoptr(GAsyncResult) token_result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *client_secret = NULL;
  g_autofree char *verifier = desk_mastodon_new_code_verifier ();
  g_autofree char *page = NULL;
  g_autofree char *token = NULL;
  g_autofree char *slashed = g_strconcat (f->server->url, "/", NULL);

  desk_mastodon_register_app_async (f->client, slashed, NULL, done_cb, &registered);
  g_assert_true (desk_mastodon_register_app_finish (wait_for (&registered), &client_id, &client_secret, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (client_id, ==, "cid-1");
  g_assert_cmpstr (client_secret, ==, "csecret-1");

  /* The page the browser opens: the app, the out-of-band code, PKCE */
  page = desk_mastodon_authorize_uri (f->server->url, client_id, verifier);
  g_assert_true (g_str_has_prefix (page, f->server->url));
  g_assert_nonnull (strstr (page, "/oauth/authorize?"));
  g_assert_nonnull (strstr (page, "client_id=cid-1"));
  g_assert_nonnull (strstr (page, "redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob"));
  g_assert_nonnull (strstr (page, "code_challenge_method=S256"));
  g_assert_null (strstr (page, verifier));
  g_assert_cmpuint (strlen (verifier), >=, 43);

  /* The code pasted back, with a stray space */
  desk_mastodon_obtain_token_async (f->client, f->server->url, client_id, client_secret, " " MASTODON_CODE "\n",
                                    verifier, NULL, done_cb, &token_result);
  token = desk_mastodon_obtain_token_finish (wait_for (&token_result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, MASTODON_TOKEN);

  desk_mastodon_obtain_token_async (f->client, f->server->url, client_id, client_secret, "wrong", verifier,
                                    NULL, done_cb, &refused);
  g_assert_null (desk_mastodon_obtain_token_finish (wait_for (&refused), &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "grant is invalid"));
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRemoteAccount) account = NULL;
  g_autoptr(DeskMastodon) stale = desk_mastodon_new (f->client, f->server->url, "revoked-token");

  desk_mastodon_verify_async (f->account, NULL, done_cb, &result);
  account = desk_mastodon_verify_finish (f->account, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->id, ==, "109");
  g_assert_cmpstr (account->handle, ==, "fournil");
  g_assert_cmpstr (account->display_name, ==, "Le Fournil des Halles");
  g_assert_cmpint (account->followers, ==, 1234);

  /* A token that stopped working: "reconnect", not "try again" */
  desk_mastodon_verify_async (stale, NULL, done_cb, &refused);
  g_assert_null (desk_mastodon_verify_finish (stale, wait_for (&refused), &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED);
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "galette.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 16, 16);
  g_autoptr(GAsyncResult) uploaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *media_id = NULL;
  g_autoptr(DeskRemotePost) post = NULL;
  g_autoptr(DeskRemotePost) again = NULL;
  g_autoptr(DeskRemotePost) later = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2030, 1, 2, 9, 30, 0);
  const char *ids[2] = { NULL, NULL };
  DeskMastodonStatus status = {
    .text = "La galette des rois est là ! #Épiphanie",
    .language = "fr",
    .visibility = "public",
    .idempotency_key = "desk-post-42-channel-1-v1",
  };
  JsonObject *sent;

  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* An image, with its description, processed after two 206 */
  f->server->media_polls = 2;
  g_setenv ("DESK_MASTODON_POLL_MS", "5", TRUE);
  {
    g_autoptr(DeskMastodon) quick = desk_mastodon_new (f->client, f->server->url, MASTODON_TOKEN);

    desk_mastodon_upload_media_async (quick, png, "Une galette dorée sur une planche", NULL, done_cb, &uploaded);
    media_id = desk_mastodon_upload_media_finish (quick, wait_for (&uploaded), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (media_id, ==, "m1");
  g_assert_cmpuint (f->server->media_polls, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (f->server->media, 0), "description"), ==,
                   "Une galette dorée sur une planche");

  ids[0] = media_id;
  status.media_ids = ids;
  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_mastodon_publish_async (f->account, &status, NULL, done_cb, &result);
    post = desk_mastodon_publish_finish (f->account, wait_for (&result), &error);
  }
  g_assert_no_error (error);
  g_assert_false (post->scheduled);
  g_assert_nonnull (post->url);
  g_assert_cmpuint (f->server->statuses->len, ==, 1);
  sent = g_ptr_array_index (f->server->statuses, 0);
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, status.text);
  g_assert_cmpstr (json_object_get_string_member (sent, "language"), ==, "fr");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (sent, "media_ids"), 0), ==, "m1");

  /* Sent again with its key (a crash after sending): the same status */
  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_mastodon_publish_async (f->account, &status, NULL, done_cb, &result);
    again = desk_mastodon_publish_finish (f->account, wait_for (&result), &error);
  }
  g_assert_cmpstr (again->id, ==, post->id);
  g_assert_cmpuint (f->server->statuses->len, ==, 1);

  /* The answer lost after the server made it: tried again with the key,
   * one status, and its id comes back */
  f->server->fail_next_status = MASTODON_FAIL_DROP_AFTER_CREATE;
  status.idempotency_key = "desk-post-43-channel-1-v1";
  status.text = "Nouvelle fournée à 16 h";
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(DeskRemotePost) lost = NULL;

    desk_mastodon_publish_async (f->account, &status, NULL, done_cb, &result);
    lost = desk_mastodon_publish_finish (f->account, wait_for (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lost->id, ==, g_hash_table_lookup (f->server->keys, "desk-post-43-channel-1-v1"));
  }
  g_assert_cmpuint (f->server->statuses->len, ==, 2);

  /* Later: the server holds it, and the result says so */
  status.idempotency_key = "desk-post-44-channel-1-v1";
  status.scheduled_at = at;
  status.media_ids = NULL;
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) cancelled = NULL;

    desk_mastodon_publish_async (f->account, &status, NULL, done_cb, &result);
    later = desk_mastodon_publish_finish (f->account, wait_for (&result), &error);
    g_assert_no_error (error);
    g_assert_true (later->scheduled);
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (f->server->statuses, 2), "scheduled_at"), ==,
                     "2030-01-02T09:30:00.000Z");

    /* Moved in the calendar: cancelled on the server */
    desk_mastodon_unschedule_async (f->account, later->id, NULL, done_cb, &cancelled);
    g_assert_true (desk_mastodon_unschedule_finish (f->account, wait_for (&cancelled), &error));
    g_assert_true (g_hash_table_contains (f->server->unscheduled, later->id));
  }

  /* Refused (empty): said with the server's reason, not retried */
  status.text = "";
  status.scheduled_at = NULL;
  status.idempotency_key = "desk-post-45-channel-1-v1";
  {
    g_autoptr(GAsyncResult) result = NULL;
    guint before = f->server->requests;

    desk_mastodon_publish_async (f->account, &status, NULL, done_cb, &result);
    g_assert_null (desk_mastodon_publish_finish (f->account, wait_for (&result), &error));
    g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_REJECTED);
    g_assert_nonnull (strstr (error->message, "Text can't be blank"));
    g_assert_cmpuint (f->server->requests, ==, before + 1);
    g_clear_error (&error);
  }

  /* A truncated answer: said, no crash */
  status.text = "Fermé lundi";
  status.idempotency_key = "desk-post-46-channel-1-v1";
  f->server->fail_next_status = MASTODON_FAIL_MALFORMED;
  {
    g_autoptr(GAsyncResult) result = NULL;

    desk_mastodon_publish_async (f->account, &status, NULL, done_cb, &result);
    g_assert_null (desk_mastodon_publish_finish (f->account, wait_for (&result), &error));
    g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED);
  }
}

static GPtrArray *
pull (Fixture     *f,
      const char  *cursor,
      char       **next,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_mastodon_notifications_async (f->account, cursor, 1000, NULL, done_cb, &result);
  return desk_mastodon_notifications_finish (f->account, wait_for (&result), next, error);
}

static void
test_notifications (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) since = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *cursor2 = NULL;
  g_autofree char *cursor3 = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* The first time: the newest page (80), polls left out */
  f->server->n_notifications = 200;
  first = pull (f, NULL, &cursor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 80 - 80 / 8);
  g_assert_cmpstr (cursor, ==, "200");
  g_assert_cmpstr (desk_notification_get_remote_id (g_ptr_array_index (first, 0)), ==, "199");

  /* 150 more: every one newer than the cursor, over two pages, once */
  f->server->n_notifications = 350;
  since = pull (f, cursor, &cursor2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cursor2, ==, "350");
  for (guint i = 0; i < since->len; i++)
    {
      DeskNotification *n = g_ptr_array_index (since, i);
      guint id = (guint) atoi (desk_notification_get_remote_id (n));

      g_assert_cmpuint (id, >, 200);
      g_assert_cmpuint (id, <=, 350);
      g_assert_false (g_hash_table_contains (seen, desk_notification_get_remote_id (n)));
      g_hash_table_add (seen, (gpointer) desk_notification_get_remote_id (n));

      /* What the inbox shows */
      switch (id % 8)
        {
        case 1:
          g_assert_cmpint (desk_notification_get_kind (n), ==, DESK_NOTIFICATION_KIND_MENTION);
          break;
        case 2:
          g_assert_cmpint (desk_notification_get_kind (n), ==, DESK_NOTIFICATION_KIND_DIRECT_MESSAGE);
          break;
        case 3:
          g_assert_cmpint (desk_notification_get_kind (n), ==, DESK_NOTIFICATION_KIND_REPLY);
          break;
        case 4:
          g_assert_cmpint (desk_notification_get_kind (n), ==, DESK_NOTIFICATION_KIND_REPOST);
          break;
        case 5:
          g_assert_cmpint (desk_notification_get_kind (n), ==, DESK_NOTIFICATION_KIND_FAVOURITE);
          break;
        case 6:
          g_assert_cmpint (desk_notification_get_kind (n), ==, DESK_NOTIFICATION_KIND_FOLLOW);
          g_assert_cmpstr (desk_notification_get_text (n), ==, "");
          break;
        case 7:
          g_assert_cmpint (desk_notification_get_kind (n), ==, DESK_NOTIFICATION_KIND_QUOTE);
          break;
        default:
          g_assert_not_reached ();
        }
      if (id % 8 != 6)
        {
          g_autofree char *text = g_strdup_printf ("Bonjour & merci n°%u\nà demain", id);
          g_assert_cmpstr (desk_notification_get_text (n), ==, text);
        }

      /* What a reply and the inbox's groups need: who (acct), the status
       * a mention, a DM, a reply or a quote is (a reply answers it), the
       * status it answers; the brand's status a favourite or a reblog is
       * about, the same for all of that status */
      {
        g_autofree char *acct = g_strdup_printf ("zoe%u@mastodon.example", id);
        g_autofree char *status_id = g_strdup_printf ("s%u", id);
        g_autofree char *subject = g_strdup_printf ("https://piaille.example/@fournil/11000%u", id / 8 % 3);

        g_assert_cmpstr (desk_notification_get_handle (n), ==, acct);
        g_assert_null (desk_notification_get_status_cid (n));
        g_assert_null (desk_notification_get_root_id (n));
        switch (id % 8)
          {
          case 4:
          case 5:
            g_assert_null (desk_notification_get_status_id (n));
            g_assert_cmpstr (desk_notification_get_subject (n), ==, subject);
            g_assert_null (desk_notification_get_in_reply_to (n));
            break;
          case 6:
            g_assert_null (desk_notification_get_status_id (n));
            g_assert_null (desk_notification_get_subject (n));
            break;
          default:
            g_assert_cmpstr (desk_notification_get_status_id (n), ==, status_id);
            g_assert_null (desk_notification_get_subject (n));
            g_assert_cmpstr (desk_notification_get_in_reply_to (n), ==, id % 8 == 3 ? "110001" : NULL);
            break;
          }
      }
      g_assert_nonnull (desk_notification_get_created_at (n));
      g_assert_true (g_str_has_prefix (desk_notification_get_author (n), "Zoé Martin"));
    }
  {
    guint expected = 0;

    for (guint id = 201; id <= 350; id++)
      expected += id % 8 != 0;
    g_assert_cmpuint (since->len, ==, expected);
  }

  /* Nothing new: nothing, the cursor stays */
  none = pull (f, cursor2, &cursor3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpstr (cursor3, ==, "350");

  /* Truncated JSON: an error, no crash */
  f->server->garbage_notifications = TRUE;
  g_assert_null (pull (f, cursor3, NULL, &error));
  g_assert_error (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_MALFORMED);
}

/* Replies of the wrong shape are skipped, never a crash */
static void
test_parse_hostile (void)
{
  const char *replies[] = {
    "{}", "null", "[1, \"a\", null, []]",
    "[{\"id\": 5, \"type\": \"mention\", \"account\": {}}]",
    "[{\"id\": \"5\", \"type\": \"mention\"}]",
    "[{\"id\": \"5\", \"type\": \"mention\", \"account\": \"x\", \"status\": 3}]",
    "[{\"id\": \"5\", \"type\": \"favourite\", \"account\": {\"acct\": 7}, \"status\": {\"content\": \"<p><script>x</script>ok</p>\"},"
    " \"created_at\": \"not a date\"}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (replies[i], NULL);
      g_autoptr(GPtrArray) items = desk_mastodon_parse_notifications (node);

      if (i < 6)
        g_assert_cmpuint (items->len, ==, 0);
      else
        {
          g_assert_cmpuint (items->len, ==, 1);
          g_assert_cmpstr (desk_notification_get_text (g_ptr_array_index (items, 0)), ==, "ok");
          g_assert_cmpstr (desk_notification_get_author (g_ptr_array_index (items, 0)), ==, "");
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/mastodon/connect", Fixture, NULL, fixture_set_up, test_connect, fixture_tear_down);
  g_test_add ("/mastodon/verify", Fixture, NULL, fixture_set_up, test_verify, fixture_tear_down);
  g_test_add ("/mastodon/publish", Fixture, NULL, fixture_set_up, test_publish, fixture_tear_down);
  g_test_add ("/mastodon/notifications", Fixture, NULL, fixture_set_up, test_notifications, fixture_tear_down);
  g_test_add_func ("/mastodon/parse-hostile", test_parse_hostile);

  return g_test_run ();
}
