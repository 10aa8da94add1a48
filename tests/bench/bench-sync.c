/* bench-sync.c: how long a pull of 1,000 notifications takes, from the
 * Mastodon contract server on 127.0.0.1 into a workspace (target: 1 s).
 * Run by hand: prints a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "desk-mastodon.h"
#include "desk-notification.h"
#include "desk-store.h"
#include "mastodon-server.h"

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

int
main (void)
{
  g_autoptr(MastodonServer) server = mastodon_server_new ();
  g_autoptr(DeskHttpClient) client = desk_http_client_new ();
  g_autoptr(DeskMastodon) account = desk_mastodon_new (client, server->url, MASTODON_TOKEN);
  g_autofree char *dir = g_dir_make_tmp ("desk-bench-sync-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Bench", NULL);
  g_autoptr(DeskChannel) channel = NULL;

  if (store == NULL || !desk_store_save_brand (store, brand, &error))
    g_error ("%s", error->message);
  channel = g_object_new (DESK_TYPE_CHANNEL, "brand-id", desk_brand_get_id (brand), "network", DESK_NETWORK_MASTODON,
                          "handle", "@bench", NULL);
  desk_store_save_channel (store, channel, NULL);

  g_autofree char *since = g_strdup ("0");

  printf ("%-40s %10s %10s %10s\n", "pull (Mastodon contract server)", "items", "fetch ms", "store ms");
  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) items = NULL;
      g_autofree char *cursor = NULL;
      gint64 start, fetched, stored;

      /* About 1,000 new notifications since the cursor: 13 pages of 80 */
      server->n_notifications += 1000;
      start = g_get_monotonic_time ();
      desk_mastodon_notifications_async (account, since, 5000, NULL, done_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      items = desk_mastodon_notifications_finish (account, result, &cursor, &error);
      fetched = g_get_monotonic_time ();
      if (items == NULL)
        g_error ("%s", error->message);
      g_free (since);
      since = g_steal_pointer (&cursor);
      for (guint i = 0; i < items->len; i++)
        desk_notification_set_channel_id (g_ptr_array_index (items, i), desk_channel_get_id (channel));
      if (!desk_store_add_notifications (store, items, &error))
        g_error ("%s", error->message);
      stored = g_get_monotonic_time ();
      printf ("%-40s %10u %10.1f %10.1f\n", run == 0 ? "1,000 since the cursor" : "1,000 more", items->len,
              (fetched - start) / 1000.0, (stored - fetched) / 1000.0);
    }
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
