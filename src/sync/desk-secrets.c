/* desk-secrets.c: accounts' tokens and passwords, in the Secret Service
 *
 * The only place a secret is kept: the user's keyring through libsecret
 * (inside Flatpak, libsecret's file backend keyed by the Secret portal).
 * Never SQLite, never a log. Each secret is found by the account's id (a
 * random UUID the workspace keeps), so two workspaces never mix theirs.
 * Secrets are freed with desk_secrets_free (), which wipes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "desk-secrets.h"

static const SecretSchema *
schema (void)
{
  static const SecretSchema account_schema = {
    "org.example.CommunityDesk.Account", SECRET_SCHEMA_NONE,
    {
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };
  return &account_schema;
}

/* What the user can act on, instead of a D-Bus error */
static void
explain (GError **error)
{
  g_autofree char *detail = NULL;

  if (error == NULL || *error == NULL || g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  detail = g_strdup ((*error)->message);
  g_clear_error (error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("The password keyring cannot be used (%s). CommunityDesk keeps account passwords "
                 "only there: start or unlock your keyring (GNOME Keyring, KWallet…), then try again."),
               detail);
}

gboolean
desk_secrets_store_sync (const char    *account_id,
                         const char    *label,
                         const char    *secret,
                         GCancellable  *cancellable,
                         GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (account_id != NULL && secret != NULL, FALSE);

  ok = secret_password_store_sync (schema (), SECRET_COLLECTION_DEFAULT, label, secret, cancellable, error,
                                   "account", account_id, NULL);
  if (!ok)
    explain (error);
  return ok;
}

/**
 * desk_secrets_lookup_sync:
 *
 * Returns: (transfer full) (nullable): the secret (free it with
 *   desk_secrets_free ()), or %NULL: none (without @error) or the
 *   keyring could not be read
 */
char *
desk_secrets_lookup_sync (const char    *account_id,
                          GCancellable  *cancellable,
                          GError       **error)
{
  GError *local = NULL;
  char *secret;

  g_return_val_if_fail (account_id != NULL, NULL);

  secret = secret_password_lookup_sync (schema (), cancellable, &local, "account", account_id, NULL);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      explain (error);
    }
  return secret;
}

gboolean
desk_secrets_clear_sync (const char    *account_id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  GError *local = NULL;

  g_return_val_if_fail (account_id != NULL, FALSE);

  /* FALSE without an error: there was none to remove */
  secret_password_clear_sync (schema (), cancellable, &local, "account", account_id, NULL);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      explain (error);
      return FALSE;
    }
  return TRUE;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      explain (&error);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
desk_secrets_store_async (const char          *account_id,
                          const char          *label,
                          const char          *secret,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, desk_secrets_store_async);
  secret_password_store (schema (), SECRET_COLLECTION_DEFAULT, label, secret, cancellable, stored_cb, task,
                         "account", account_id, NULL);
}

gboolean
desk_secrets_store_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      explain (&error);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

void
desk_secrets_lookup_async (const char          *account_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, desk_secrets_lookup_async);
  secret_password_lookup (schema (), cancellable, looked_up_cb, task, "account", account_id, NULL);
}

/**
 * desk_secrets_lookup_finish:
 *
 * Returns: (transfer full) (nullable): as desk_secrets_lookup_sync ()
 */
char *
desk_secrets_lookup_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Wipes and frees a secret */
void
desk_secrets_free (char *secret)
{
  secret_password_free (secret);
}
