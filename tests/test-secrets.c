/* test-secrets.c: tokens in a real Secret Service (GNOME Keyring in the
 * test's own D-Bus session, tests/with-keyring.sh), never a mock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-secrets.h"

typedef struct
{
  gboolean  done;
  gboolean  stored;
  char     *secret;
  GError   *error;
} Outcome;

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Outcome *outcome = data;

  outcome->stored = desk_secrets_store_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Outcome *outcome = data;

  outcome->secret = desk_secrets_lookup_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  /* Nothing yet: no secret, no error */
  secret = desk_secrets_lookup_sync ("3f2a-account-one", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  g_assert_true (desk_secrets_store_sync ("3f2a-account-one", "CommunityDesk: @fournil@piaille.fr",
                                          "token-one", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (desk_secrets_store_sync ("9c1b-account-two", "CommunityDesk: blog", "pass two", NULL, &error));

  secret = desk_secrets_lookup_sync ("3f2a-account-one", NULL, &error);
  g_assert_cmpstr (secret, ==, "token-one");
  desk_secrets_free (secret);

  /* Stored again: replaced, not doubled */
  g_assert_true (desk_secrets_store_sync ("3f2a-account-one", "CommunityDesk: @fournil@piaille.fr",
                                          "token-renewed", NULL, &error));
  secret = desk_secrets_lookup_sync ("3f2a-account-one", NULL, &error);
  g_assert_cmpstr (secret, ==, "token-renewed");
  desk_secrets_free (secret);

  /* Removing one account's secret leaves the other's */
  g_assert_true (desk_secrets_clear_sync ("3f2a-account-one", NULL, &error));
  g_assert_no_error (error);
  secret = desk_secrets_lookup_sync ("3f2a-account-one", NULL, &error);
  g_assert_null (secret);
  secret = desk_secrets_lookup_sync ("9c1b-account-two", NULL, &error);
  g_assert_cmpstr (secret, ==, "pass two");
  desk_secrets_free (secret);
  /* Twice: nothing to remove, no error */
  g_assert_true (desk_secrets_clear_sync ("3f2a-account-one", NULL, &error));
  g_assert_no_error (error);
}

/* The UI's way: nothing blocks */
static void
test_async (void)
{
  Outcome stored = { 0 }, found = { 0 };

  desk_secrets_store_async ("async-account", "CommunityDesk: async", "t0k3n ünicode", NULL, stored_cb, &stored);
  while (!stored.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (stored.error);
  g_assert_true (stored.stored);

  desk_secrets_lookup_async ("async-account", NULL, looked_up_cb, &found);
  while (!found.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (found.error);
  g_assert_cmpstr (found.secret, ==, "t0k3n ünicode");
  desk_secrets_free (found.secret);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secrets/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/secrets/async", test_async);

  return g_test_run ();
}
