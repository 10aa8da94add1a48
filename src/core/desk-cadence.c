/* desk-cadence.c: posting cadence per channel and day
 *
 * A channel's cadence is the most posts a day it should carry (0: no
 * limit). Checking one day's posts gives one warning per channel over its
 * cadence. Published and failed posts count: they were on the network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-cadence"

#include "config.h"

#include "desk-cadence.h"

static gint
compare_channel (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = ((const DeskCadenceWarning *) a)->channel_id;
  gint64 y = ((const DeskCadenceWarning *) b)->channel_id;

  return x < y ? -1 : x > y;
}

/**
 * desk_cadence_check:
 * @posts: (element-type DeskPost): the posts of one day
 * @channels: channel id (gint64*) → DeskChannel
 *
 * Returns: (transfer full) (element-type DeskCadenceWarning): the channels
 *   over their cadence, in channel id order
 */
GArray *
desk_cadence_check (GPtrArray  *posts,
                    GHashTable *channels)
{
  GArray *warnings = g_array_new (FALSE, FALSE, sizeof (DeskCadenceWarning));
  g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (posts != NULL, warnings);
  g_return_val_if_fail (channels != NULL, warnings);

  for (guint i = 0; i < posts->len; i++)
    {
      DeskPost *post = g_ptr_array_index (posts, i);
      const gint64 *ids;
      guint n;

      if (desk_post_get_status (post) == DESK_POST_STATUS_IDEA)
        continue;
      ids = desk_post_get_channel_ids (post, &n);
      for (guint k = 0; k < n; k++)
        {
          gpointer key = (gpointer) &ids[k];
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
          g_hash_table_insert (counts, key, GUINT_TO_POINTER (count + 1));
        }
    }

  keys = g_hash_table_get_keys (counts);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      DeskChannel *channel = g_hash_table_lookup (channels, l->data);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->data));
      DeskCadenceWarning warning;

      if (channel == NULL || desk_channel_get_cadence (channel) == 0 ||
          count <= desk_channel_get_cadence (channel))
        continue;
      warning.channel_id = *(gint64 *) l->data;
      warning.count = count;
      warning.limit = desk_channel_get_cadence (channel);
      g_array_append_val (warnings, warning);
    }

  /* Stable order, whatever the hash table's */
  g_array_sort (warnings, compare_channel);

  return warnings;
}
