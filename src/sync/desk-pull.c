/* desk-pull.c: the community back in: notifications and followers
 *
 * For each connected account (one channel's, or all), one after the
 * other: the notifications newer than the account's cursor, stored once
 * each (the cursor saved with them); how far the user has read them, sent
 * back when it moved (Mastodon's notifications marker, Bluesky's seenAt;
 * see desk_store_get_read_position ()); and the followers count as
 * today's sample for the KPIs. An account whose secret stopped working is put in
 * "Reconnect"; a channel that fails does not stop the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-pull"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-bluesky.h"
#include "desk-mastodon.h"
#include "desk-notification.h"
#include "desk-pull.h"
#include "desk-secrets.h"

#define MAX_NOTIFICATIONS 2000

void
desk_pull_result_free (DeskPullResult *result)
{
  if (result == NULL)
    return;
  g_free (result->error);
  g_free (result);
}

typedef struct
{
  DeskStore      *store;
  DeskHttpClient *client;
  GPtrArray      *accounts;   /* (element-type DeskAccount) */
  guint           next;
  GPtrArray      *results;    /* (element-type DeskPullResult) */
  DeskPullResult *current;
  DeskMastodon   *mastodon;
  DeskBluesky    *bluesky;
} Pull;

static void
pull_free (gpointer data)
{
  Pull *pull = data;

  g_object_unref (pull->store);
  g_object_unref (pull->client);
  g_ptr_array_unref (pull->accounts);
  g_ptr_array_unref (pull->results);
  g_clear_object (&pull->mastodon);
  g_clear_object (&pull->bluesky);
  g_free (pull);
}

static void next_account (GTask *task);

/* The account's pull ended, with @failure or not */
static void
account_done (GTask        *task,
              const GError *failure)
{
  Pull *pull = g_task_get_task_data (task);
  DeskAccount *account = g_ptr_array_index (pull->accounts, pull->next - 1);

  if (failure != NULL)
    {
      g_free (pull->current->error);
      pull->current->error = g_strdup (failure->message);
      if (g_error_matches (failure, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED))
        desk_store_set_account_state (pull->store, account->channel_id, TRUE, failure->message, NULL);
    }
  g_ptr_array_add (pull->results, g_steal_pointer (&pull->current));
  g_clear_object (&pull->mastodon);
  g_clear_object (&pull->bluesky);
  next_account (task);
}

/* Today's counts of the posts the channel published, for the KPIs; a post
 * gone from the server is noted on its send */
static void
record_counts (GTask     *task,
               GPtrArray *counts)
{
  Pull *pull = g_task_get_task_data (task);
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_sample_free);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (today, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  GHashTable *items = g_object_get_data (G_OBJECT (task), "published");

  for (guint i = 0; i < counts->len; i++)
    {
      DeskPostCounts *count = g_ptr_array_index (counts, i);
      DeskOutboxItem *item = g_hash_table_lookup (items, count->id);
      const struct { const char *metric; gint64 value; } values[] = {
        { "likes", count->likes }, { "reposts", count->reposts }, { "replies", count->replies },
        { "quotes", count->quotes },
      };

      if (item == NULL)
        continue;
      if (count->deleted)
        {
          desk_store_outbox_note (pull->store, item->id, _("Deleted on the server."), NULL);
          continue;
        }
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        if (values[v].value >= 0)
          {
            DeskMetricSample *sample = g_new0 (DeskMetricSample, 1);

            sample->channel_id = item->channel_id;
            sample->post_id = item->post_id;
            sample->day = g_strdup (day);
            sample->metric = g_strdup (values[v].metric);
            sample->value = (double) values[v].value;
            g_ptr_array_add (samples, sample);
          }
    }
  if (samples->len > 0 && !desk_store_add_metric_samples (pull->store, samples, &error))
    {
      account_done (task, error);
      return;
    }
  account_done (task, NULL);
}

static void
mastodon_counted_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = desk_mastodon_counts_finish (DESK_MASTODON (source), result, &error);

  if (counts == NULL)
    {
      account_done (task, error);
      return;
    }
  record_counts (task, counts);
}

static void
bluesky_counted_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = desk_bluesky_post_counts_finish (DESK_BLUESKY (source), result, &error);
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_post_counts_free);

  if (found == NULL)
    {
      account_done (task, error);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      DeskBlueskyPostCounts *c = g_ptr_array_index (found, i);
      DeskPostCounts *count = g_new0 (DeskPostCounts, 1);

      count->id = g_strdup (c->uri);
      count->likes = c->likes;
      count->reposts = c->reposts;
      count->replies = c->replies;
      count->quotes = c->quotes;
      g_ptr_array_add (counts, count);
    }
  record_counts (task, counts);
}

/* The channel's published sends of the last 90 days (100 at most) */
static void
pull_counts (GTask *task)
{
  Pull *pull = g_task_get_task_data (task);
  g_autoptr(GPtrArray) items = desk_store_list_outbox (pull->store, pull->current->channel_id, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTable *published = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) desk_outbox_item_free);
  gint64 since = g_get_real_time () / G_USEC_PER_SEC - 90 * 24 * 3600;

  for (guint i = items ? items->len : 0; i > 0 && ids->len < 100; i--)
    {
      DeskOutboxItem *item = g_ptr_array_index (items, i - 1);

      if (item->state != DESK_OUTBOX_STATE_PUBLISHED || item->by_hand || item->remote_id == NULL ||
          item->post_id == 0 || item->updated_at < since || g_hash_table_contains (published, item->remote_id))
        continue;
      g_ptr_array_add (ids, item->remote_id);
      g_hash_table_insert (published, item->remote_id, g_ptr_array_steal_index (items, i - 1));
    }
  g_ptr_array_add (ids, NULL);
  g_object_set_data_full (G_OBJECT (task), "published", published, (GDestroyNotify) g_hash_table_unref);
  if (ids->len == 1)
    {
      account_done (task, NULL);
      return;
    }
  if (pull->mastodon != NULL)
    desk_mastodon_counts_async (pull->mastodon, (const char * const *) ids->pdata, g_task_get_cancellable (task),
                                mastodon_counted_cb, task);
  else
    desk_bluesky_post_counts_async (pull->bluesky, (const char * const *) ids->pdata, g_task_get_cancellable (task),
                                    bluesky_counted_cb, task);
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GTask *task = data;
  Pull *pull = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRemoteAccount) account = DESK_IS_MASTODON (source)
    ? desk_mastodon_verify_finish (DESK_MASTODON (source), result, &error)
    : desk_bluesky_verify_finish (DESK_BLUESKY (source), result, &error);

  if (account != NULL && account->followers >= 0)
    {
      g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_sample_free);
      g_autoptr(GDateTime) today = g_date_time_new_now_local ();
      DeskMetricSample *sample = g_new0 (DeskMetricSample, 1);

      sample->channel_id = pull->current->channel_id;
      sample->day = g_date_time_format (today, "%Y-%m-%d");
      sample->metric = g_strdup ("followers");
      sample->value = (double) account->followers;
      g_ptr_array_add (samples, sample);
      pull->current->followers = account->followers;
      if (!desk_store_add_metric_samples (pull->store, samples, &error))
        {
          account_done (task, error);
          return;
        }
    }
  if (account == NULL)
    {
      account_done (task, error);
      return;
    }
  pull_counts (task);
}

static void
verify (GTask *task)
{
  Pull *pull = g_task_get_task_data (task);

  if (pull->mastodon != NULL)
    desk_mastodon_verify_async (pull->mastodon, g_task_get_cancellable (task), verified_cb, task);
  else
    desk_bluesky_verify_async (pull->bluesky, g_task_get_cancellable (task), verified_cb, task);
}

static void
marker_sent_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GTask *task = data;
  Pull *pull = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  const char *marker = g_object_get_data (G_OBJECT (task), "read-marker");
  gboolean sent = DESK_IS_MASTODON (source)
    ? desk_mastodon_set_read_marker_finish (DESK_MASTODON (source), result, &error)
    : desk_bluesky_update_seen_finish (DESK_BLUESKY (source), result, &error);

  /* Kept once the network has it; a marker not sent goes on the next
   * run. Either way the pull goes on: the failure is the channel's */
  if (sent)
    sent = desk_store_set_account_read_marker (pull->store, pull->current->channel_id, marker, &error);
  if (!sent)
    {
      if (g_error_matches (error, DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED))
        {
          account_done (task, error);
          return;
        }
      g_free (pull->current->error);
      pull->current->error = g_strdup (error->message);
    }
  verify (task);
}

/* Tells the network how far the account's notifications are read, when
 * that moved since it was told last (desk_store_get_read_position ()):
 * Mastodon's notifications marker, Bluesky's seenAt */
static void
push_read_marker (GTask *task)
{
  Pull *pull = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *remote_id = NULL;
  g_autoptr(GDateTime) read_at = NULL;

  if (!desk_store_get_read_position (pull->store, pull->current->channel_id, &remote_id, &read_at, &error))
    {
      account_done (task, error);
      return;
    }
  if (remote_id == NULL || (pull->bluesky != NULL && read_at == NULL))
    {
      verify (task);
      return;
    }
  if (pull->mastodon != NULL)
    {
      g_object_set_data_full (G_OBJECT (task), "read-marker", g_strdup (remote_id), g_free);
      desk_mastodon_set_read_marker_async (pull->mastodon, remote_id, g_task_get_cancellable (task),
                                           marker_sent_cb, task);
    }
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (read_at);

      g_object_set_data_full (G_OBJECT (task), "read-marker", g_date_time_format_iso8601 (utc), g_free);
      desk_bluesky_update_seen_async (pull->bluesky, utc, g_task_get_cancellable (task), marker_sent_cb, task);
    }
}

static void
notifications_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  GTask *task = data;
  Pull *pull = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autoptr(GPtrArray) items = DESK_IS_MASTODON (source)
    ? desk_mastodon_notifications_finish (DESK_MASTODON (source), result, &cursor, &error)
    : desk_bluesky_notifications_finish (DESK_BLUESKY (source), result, &cursor, &error);
  guint before = 0, after = 0;
  gint64 brand_id = 0;

  if (items == NULL)
    {
      account_done (task, error);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    desk_notification_set_channel_id (g_ptr_array_index (items, i), pull->current->channel_id);

  /* Stored once each, then the cursor: a crash in between pulls them
   * again, and they are not doubled */
  {
    g_autoptr(GListModel) channels = desk_store_list_channels (pull->store, 0, NULL);

    for (guint i = 0; channels != NULL && i < g_list_model_get_n_items (channels); i++)
      {
        g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
        if (desk_channel_get_id (channel) == pull->current->channel_id)
          brand_id = desk_channel_get_brand_id (channel);
      }
  }
  desk_store_count_notifications (pull->store, brand_id, &before, NULL);
  if (!desk_store_add_notifications (pull->store, items, &error) ||
      (cursor != NULL && !desk_store_set_account_cursor (pull->store, pull->current->channel_id, cursor, &error)))
    {
      account_done (task, error);
      return;
    }
  desk_store_count_notifications (pull->store, brand_id, &after, NULL);
  pull->current->notifications = after - before;
  push_read_marker (task);
}

static void
session_changed_cb (DeskBluesky *bluesky,
                    const char  *secret_key)
{
  char *session = desk_bluesky_dup_session (bluesky);

  if (session != NULL)
    desk_secrets_store_sync (secret_key, "CommunityDesk: Bluesky", session, NULL, NULL);
  desk_secrets_free (session);
}

static void
free_key (gpointer  data,
          GClosure *closure)
{
  g_free (data);
}

static void
secret_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GTask *task = data;
  Pull *pull = g_task_get_task_data (task);
  DeskAccount *account = g_ptr_array_index (pull->accounts, pull->next - 1);
  g_autoptr(GError) error = NULL;
  char *secret = desk_secrets_lookup_finish (result, &error);

  if (secret == NULL)
    {
      g_autoptr(GError) missing = g_error_new_literal (DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED,
                                                       error ? error->message
                                                             : _("The keyring no longer has this account’s password: reconnect it."));
      account_done (task, missing);
      return;
    }
  if (g_object_get_data (G_OBJECT (task), "bluesky") == NULL)
    {
      pull->mastodon = desk_mastodon_new (pull->client, account->server, secret);
      desk_secrets_free (secret);
      desk_mastodon_notifications_async (pull->mastodon, account->pull_cursor, MAX_NOTIFICATIONS,
                                         g_task_get_cancellable (task), notifications_cb, task);
      return;
    }
  pull->bluesky = desk_bluesky_new_from_session (pull->client, secret, &error);
  desk_secrets_free (secret);
  if (pull->bluesky == NULL)
    {
      g_autoptr(GError) reconnect = g_error_new_literal (DESK_HTTP_ERROR, DESK_HTTP_ERROR_UNAUTHORIZED, error->message);
      account_done (task, reconnect);
      return;
    }
  /* A refreshed session replaces the old one in the keyring */
  g_signal_connect_data (pull->bluesky, "session-changed", G_CALLBACK (session_changed_cb),
                         g_strdup (account->secret_key), free_key, 0);
  desk_bluesky_notifications_async (pull->bluesky, account->pull_cursor, MAX_NOTIFICATIONS,
                                    g_task_get_cancellable (task), notifications_cb, task);
}

static void
next_account (GTask *task)
{
  Pull *pull = g_task_get_task_data (task);
  DeskAccount *account;
  g_autoptr(DeskChannel) channel = NULL;
  g_autoptr(GListModel) channels = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (pull->next >= pull->accounts->len)
    {
      g_task_return_pointer (task, g_ptr_array_ref (pull->results), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  account = g_ptr_array_index (pull->accounts, pull->next++);
  pull->current = g_new0 (DeskPullResult, 1);
  pull->current->channel_id = account->channel_id;
  pull->current->followers = -1;

  /* Mastodon and Bluesky have notifications to pull; WordPress's comments
   * are not the inbox's yet */
  channels = desk_store_list_channels (pull->store, 0, NULL);
  for (guint i = 0; channels != NULL && i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) c = g_list_model_get_item (channels, i);
      if (desk_channel_get_id (c) == account->channel_id)
        channel = g_object_ref (c);
    }
  if (channel == NULL || account->needs_reconnect ||
      (desk_channel_get_network (channel) != DESK_NETWORK_MASTODON &&
       desk_channel_get_network (channel) != DESK_NETWORK_BLUESKY))
    {
      g_clear_pointer (&pull->current, desk_pull_result_free);
      next_account (task);
      return;
    }
  g_object_set_data (G_OBJECT (task), "bluesky",
                     GINT_TO_POINTER (desk_channel_get_network (channel) == DESK_NETWORK_BLUESKY));
  desk_secrets_lookup_async (account->secret_key, g_task_get_cancellable (task), secret_cb, task);
}

/**
 * desk_pull_run_async:
 * @channel_id: one channel's account, or 0 for all
 */
void
desk_pull_run_async (DeskStore           *store,
                     DeskHttpClient      *client,
                     gint64               channel_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = desk_store_list_accounts (store, &error);
  Pull *pull;

  g_task_set_source_tag (task, desk_pull_run_async);
  if (accounts == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  pull = g_new0 (Pull, 1);
  pull->store = g_object_ref (store);
  pull->client = g_object_ref (client);
  pull->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_account_free);
  pull->results = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_pull_result_free);
  for (guint i = 0; i < accounts->len; i++)
    if (channel_id == 0 || ((DeskAccount *) g_ptr_array_index (accounts, i))->channel_id == channel_id)
      g_ptr_array_add (pull->accounts, g_ptr_array_steal_index (accounts, i--));
  g_task_set_task_data (task, pull, pull_free);
  next_account (task);
}

/**
 * desk_pull_run_finish:
 *
 * Returns: (transfer full) (element-type DeskPullResult): per channel
 */
GPtrArray *
desk_pull_run_finish (GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
