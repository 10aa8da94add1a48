/* test-facets.c: Bluesky facets, in UTF-8 bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-facets.h"

/* The facet's text, as its byte range cuts it */
static char *
cut (const char *text,
     DeskFacet  *facet)
{
  return g_strndup (text + facet->byte_start, facet->byte_end - facet->byte_start);
}

static void
assert_facets (const char *text,
               ...)
{
  g_autoptr(GPtrArray) facets = desk_facets_find (text);
  va_list args;
  guint i = 0;
  const char *expected;

  va_start (args, text);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      DeskFacetKind kind = va_arg (args, DeskFacetKind);
      const char *value = va_arg (args, const char *);
      g_autofree char *range = NULL;

      g_assert_cmpuint (i, <, facets->len);
      range = cut (text, g_ptr_array_index (facets, i));
      g_assert_cmpstr (range, ==, expected);
      g_assert_cmpint (((DeskFacet *) g_ptr_array_index (facets, i))->kind, ==, kind);
      g_assert_cmpstr (((DeskFacet *) g_ptr_array_index (facets, i))->value, ==, value);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (facets->len, ==, i);
}

static void
test_find (void)
{
  /* Accents and emoji before: byte offsets, not characters */
  assert_facets ("Crème brûlée 🥐👩‍🍳 du jour ! https://fournil.fr/recettes #PainAuLevain @fournil.bsky.social",
                 "https://fournil.fr/recettes", DESK_FACET_LINK, "https://fournil.fr/recettes",
                 "#PainAuLevain", DESK_FACET_TAG, "PainAuLevain",
                 "@fournil.bsky.social", DESK_FACET_MENTION, "fournil.bsky.social",
                 NULL);
  /* Trailing punctuation is not taken; a balanced ")" is */
  assert_facets ("Lisez https://fr.wikipedia.org/wiki/Pain_(aliment). Et (https://fournil.fr/a), #miam!",
                 "https://fr.wikipedia.org/wiki/Pain_(aliment)", DESK_FACET_LINK,
                 "https://fr.wikipedia.org/wiki/Pain_(aliment)",
                 "https://fournil.fr/a", DESK_FACET_LINK, "https://fournil.fr/a",
                 "#miam", DESK_FACET_TAG, "miam",
                 NULL);
  /* Not tags: numbers alone, a keycap, one inside a word; the full-width
   * sign is one; a tag stops at a zero-width space */
  assert_facets ("#2026 #️⃣ a#b ＃boulangerie #pain\u200bbis",
                 "＃boulangerie", DESK_FACET_TAG, "boulangerie",
                 "#pain", DESK_FACET_TAG, "pain",
                 NULL);
  /* Not mentions: an e-mail address, a name without a dot; a handle's
   * final full stop is not its */
  assert_facets ("Écrivez à contact@fournil.fr ou @fournil, merci @Alice.Test.",
                 "@Alice.Test", DESK_FACET_MENTION, "alice.test",
                 NULL);
  /* A tag or a mention inside a link is the link's */
  assert_facets ("https://bsky.app/profile/@alice.test#top",
                 "https://bsky.app/profile/@alice.test#top", DESK_FACET_LINK,
                 "https://bsky.app/profile/@alice.test#top",
                 NULL);
  /* 64 characters at most */
  assert_facets ("#aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", NULL);
  assert_facets ("", NULL);
  assert_facets ("https:// alone", NULL);
  /* Invalid UTF-8: nothing, no crash */
  assert_facets ("#caf\xe9 https://x.fr", NULL);
}

static void
test_json (void)
{
  const char *text = "Merci @bob.test 🎉 #Lyon";
  g_autoptr(GPtrArray) facets = desk_facets_find (text);
  g_autoptr(GHashTable) dids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonNode) with = NULL;
  g_autoptr(JsonNode) without = NULL;
  g_autofree char *json = NULL;

  g_hash_table_insert (dids, (gpointer) "bob.test", (gpointer) "did:plc:bob");
  with = desk_facets_to_json (facets, dids);
  json = json_to_string (with, FALSE);
  /* "Merci " is 6 bytes, "@bob.test" 9; the party popper is 4 bytes */
  g_assert_cmpstr (json, ==,
                   "[{\"index\":{\"byteStart\":6,\"byteEnd\":15},\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\","
                   "\"did\":\"did:plc:bob\"}]},"
                   "{\"index\":{\"byteStart\":21,\"byteEnd\":26},\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\","
                   "\"tag\":\"Lyon\"}]}]");
  g_assert_cmpint (strlen ("Merci @bob.test 🎉 "), ==, 21);

  /* A handle that did not resolve stays plain text */
  without = desk_facets_to_json (facets, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (without)), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/facets/find", test_find);
  g_test_add_func ("/facets/json", test_json);

  return g_test_run ();
}
