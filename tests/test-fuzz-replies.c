/* test-fuzz-replies.c: every reply parser of the sync, fed mutated
 * replies: no crash, no hang, no leak (run it under ASan too:
 * meson setup -Db_sanitize=address,undefined)
 *
 * The mutations are seeded (GTest's random seed, printed with --verbose),
 * bounded in number: the test takes about a second.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-bluesky.h"
#include "desk-facets.h"
#include "desk-http-client.h"
#include "desk-mastodon.h"
#include "desk-notification.h"
#include "desk-remote.h"

#define ROUNDS 5000

/* Replies as the servers send them (Mastodon's documentation's examples,
 * shortened) */
static const char * const replies[] = {
  "[{\"id\":\"34975861\",\"type\":\"mention\",\"created_at\":\"2019-11-23T07:49:02.064Z\","
  "\"account\":{\"id\":\"971724\",\"username\":\"zsc\",\"acct\":\"zsc\",\"display_name\":\"Zoé\"},"
  "\"status\":{\"id\":\"103186126728896492\",\"visibility\":\"direct\",\"in_reply_to_id\":null,"
  "\"url\":\"https://mastodon.social/@zsc/103186126728896492\","
  "\"content\":\"<p><span class=\\\"h-card\\\"><a href=\\\"https://x\\\">@<span>fournil</span></a></span> Bonjour &amp; merci</p>\"}}]",
  "[{\"id\":\"34975535\",\"type\":\"favourite\",\"created_at\":\"2019-11-23T07:29:18.903Z\","
  "\"account\":{\"id\":\"297893\",\"acct\":\"haskal@cybre.space\",\"display_name\":\"\"},"
  "\"status\":{\"id\":\"1\",\"content\":\"<p>a<br>b</p><script>x</script>\"}},"
  "{\"id\":\"2\",\"type\":\"follow\",\"created_at\":\"2019-11-23T07:29:18.903Z\",\"account\":{\"acct\":\"a\"}}]",
  "[{\"id\":\"34975870\",\"type\":\"mention\",\"created_at\":\"2019-11-23T07:50:02.064Z\","
  "\"account\":{\"id\":\"9\",\"acct\":\"zoe@ailleurs.example\",\"display_name\":\"Zoé\"},"
  "\"status\":{\"id\":\"103186126728896500\",\"visibility\":\"public\",\"in_reply_to_id\":\"103186126728896400\","
  "\"url\":\"https://ailleurs.example/@zoe/103186126728896500\",\"content\":\"<p>Ouvert dimanche ?</p>\"}},"
  "{\"id\":\"34975871\",\"type\":\"reblog\",\"created_at\":\"2019-11-23T07:51:02.064Z\","
  "\"account\":{\"id\":\"10\",\"acct\":\"marc\"},\"status\":{\"id\":\"103186126728896400\","
  "\"url\":\"https://piaille.example/@fournil/103186126728896400\",\"content\":\"<p>Galette</p>\"}}]",
  /* Bluesky: app.bsky.notification.listNotifications (a reply in a
   * thread, a mention, a like of the brand's post) */
  "{\"cursor\":\"c1\",\"seenAt\":\"2026-11-01T10:00:00.000Z\",\"notifications\":["
  "{\"uri\":\"at://did:plc:bob/app.bsky.feed.post/3k2a\",\"cid\":\"bafyreply\",\"reason\":\"reply\","
  "\"reasonSubject\":\"at://did:plc:alice/app.bsky.feed.post/3k1a\",\"isRead\":false,"
  "\"indexedAt\":\"2026-11-01T10:00:01.123Z\",\"author\":{\"did\":\"did:plc:bob\",\"handle\":\"bob.test\","
  "\"displayName\":\"Bob\"},\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Miam\","
  "\"createdAt\":\"2026-11-01T10:00:00.000Z\",\"reply\":{\"root\":{\"uri\":\"at://did:plc:alice/app.bsky.feed.post/3k0a\","
  "\"cid\":\"bafyroot\"},\"parent\":{\"uri\":\"at://did:plc:alice/app.bsky.feed.post/3k1a\",\"cid\":\"bafyparent\"}}}},"
  "{\"uri\":\"at://did:plc:bob/app.bsky.feed.post/3k3a\",\"cid\":\"bafymention\",\"reason\":\"mention\","
  "\"indexedAt\":\"2026-11-01T10:00:02Z\",\"author\":{\"handle\":\"bob.test\"},\"record\":{\"text\":\"@alice.test\"}},"
  "{\"uri\":\"at://did:plc:bob/app.bsky.feed.like/3k4a\",\"cid\":\"bafylike\",\"reason\":\"like\","
  "\"reasonSubject\":\"at://did:plc:alice/app.bsky.feed.post/3k1a\",\"indexedAt\":\"2026-11-01T10:00:03Z\","
  "\"author\":{\"handle\":\"bob.test\"},\"record\":{\"subject\":{\"uri\":\"at://x\",\"cid\":\"y\"}}}]}",
  "{\"id\":\"109\",\"acct\":\"fournil\",\"display_name\":\"Le Fournil\",\"followers_count\":1234}",
  "{\"error\":\"Validation failed: Text can't be blank\"}",
  "{\"id\":\"sch1\",\"scheduled_at\":\"2030-01-02T09:30:00.000Z\",\"params\":{\"text\":\"x\"},\"media_attachments\":[]}",
};

static const char * const links[] = {
  "<https://mastodon.example/api/v1/notifications?max_id=34975535>; rel=\"next\", "
  "<https://mastodon.example/api/v1/notifications?min_id=34975861>; rel=\"prev\"",
  "<https://x/wp-json/>; rel=\"https://api.w.org/\"",
};

static const char * const texts[] = {
  "Crème brûlée 🥐👩‍🍳 https://fournil.fr/recettes #PainAuLevain @fournil.bsky.social (https://a.b/c_(d)).",
  "#2026 #️⃣ ＃boulangerie @Alice.Test. contact@fournil.fr",
};

/* One of a few mutations of @input: a byte changed, a run deleted or
 * doubled, a cut, a structural character inserted */
static char *
mutate (const char *input)
{
  GString *out = g_string_new (input);
  guint n = (guint) g_test_rand_int_range (1, 6);

  for (guint k = 0; k < n && out->len > 0; k++)
    {
      gsize at = (gsize) g_test_rand_int_range (0, (gint32) out->len);
      gsize span = (gsize) g_test_rand_int_range (1, 60);   /* MIN () evaluates twice */
      static const char structural[] = "{}[]\",:<>;=&#@\\\x00\xff\xc3";

      switch (g_test_rand_int_range (0, 5))
        {
        case 0:
          out->str[at] = (char) g_test_rand_int_range (1, 256);
          break;
        case 1:
          g_string_erase (out, at, MIN (span, out->len - at));
          break;
        case 2:
          {
            g_autofree char *copy = g_strndup (out->str + at, MIN (span, out->len - at));
            g_string_insert (out, at, copy);
          }
          break;
        case 3:
          g_string_truncate (out, at);
          break;
        default:
          g_string_insert_c (out, at, structural[g_test_rand_int_range (0, sizeof structural - 1)]);
          break;
        }
    }
  /* The parsers take C strings: a NUL ends the reply there */
  return g_string_free (out, FALSE);
}

static void
test_json_replies (void)
{
  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *text = mutate (replies[round % G_N_ELEMENTS (replies)]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      DeskHttpResponse response = { 0 };
      g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      response.status = (guint) g_test_rand_int_range (199, 504);
      response.headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
      response.body = body;
      node = desk_http_response_get_json (&response, NULL);
      desk_http_response_check (&response, &error);
      if (node != NULL)
        {
          g_autoptr(GPtrArray) items = desk_mastodon_parse_notifications (node);
          g_autoptr(GPtrArray) posts = desk_bluesky_parse_notifications (node);
          JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

          g_assert_nonnull (items);
          g_assert_nonnull (posts);
          /* What a reply needs comes whole or not at all */
          for (guint i = 0; i < posts->len; i++)
            {
              DeskNotification *n = g_ptr_array_index (posts, i);

              g_assert_true ((desk_notification_get_status_id (n) == NULL) == (desk_notification_get_status_cid (n) == NULL));
              g_assert_true ((desk_notification_get_root_id (n) == NULL) == (desk_notification_get_root_cid (n) == NULL));
              g_assert_true (desk_notification_get_status_id (n) == NULL || desk_notification_get_root_id (n) != NULL);
            }
          desk_json_get_string (object, "acct");
          desk_json_get_int (object, "followers_count", -1);
          g_clear_pointer (&items, g_ptr_array_unref);
        }
      soup_message_headers_unref (response.headers);
      response.body = NULL;
    }
}

static void
test_html_links_facets (void)
{
  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *html = mutate ("<p>Bonjour &amp; <b>merci</b><br>à <a href=\"x\">demain</a></p><p>2</p>");
      g_autofree char *link = mutate (links[round % G_N_ELEMENTS (links)]);
      g_autofree char *text = mutate (texts[round % G_N_ELEMENTS (texts)]);
      g_autofree char *plain = desk_html_to_text (html);
      SoupMessageHeaders *headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
      g_autofree char *next = NULL;
      g_autoptr(GPtrArray) facets = NULL;

      g_assert_true (g_utf8_validate (plain, -1, NULL));
      /* A header value never holds a line break (libsoup refuses it) */
      if (g_utf8_validate (link, -1, NULL) && strpbrk (link, "\r\n") == NULL)
        {
          soup_message_headers_replace (headers, "Link", link);
          next = desk_link_header_find (headers, "next");
        }
      soup_message_headers_unref (headers);
      facets = desk_facets_find (text);
      for (guint i = 0; i < facets->len; i++)
        {
          DeskFacet *facet = g_ptr_array_index (facets, i);

          g_assert_cmpuint (facet->byte_start, <, facet->byte_end);
          g_assert_cmpuint (facet->byte_end, <=, strlen (text));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fuzz/json-replies", test_json_replies);
  g_test_add_func ("/fuzz/html-links-facets", test_html_links_facets);

  return g_test_run ();
}
