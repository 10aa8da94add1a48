/* desk-post-filter.c: which posts the calendar shows
 *
 * A post matches when it targets one of the chosen channels, belongs to
 * the chosen campaign, has one of the chosen statuses and the chosen
 * pillar; an empty criterion lets everything through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-post-filter"

#include "config.h"

#include "desk-post-filter.h"

void
desk_post_filter_init (DeskPostFilter *filter)
{
  g_return_if_fail (filter != NULL);

  filter->channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  filter->campaign_id = 0;
  filter->status_mask = 0;
  filter->pillar = NULL;
}

void
desk_post_filter_clear (DeskPostFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->channel_ids, g_array_unref);
  g_clear_pointer (&filter->pillar, g_free);
}

gboolean
desk_post_filter_is_empty (const DeskPostFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return filter->channel_ids->len == 0 && filter->campaign_id == 0 &&
         filter->status_mask == 0 && (filter->pillar == NULL || filter->pillar[0] == '\0');
}

gboolean
desk_post_filter_matches (const DeskPostFilter *filter,
                          DeskPost             *post)
{
  g_return_val_if_fail (filter != NULL, TRUE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  if (filter->status_mask != 0 && !(filter->status_mask & (1u << desk_post_get_status (post))))
    return FALSE;
  if (filter->campaign_id != 0 && desk_post_get_campaign_id (post) != filter->campaign_id)
    return FALSE;
  if (filter->pillar != NULL && filter->pillar[0] != '\0' &&
      g_strcmp0 (desk_post_get_pillar (post), filter->pillar) != 0)
    return FALSE;

  if (filter->channel_ids->len > 0)
    {
      for (guint i = 0; i < filter->channel_ids->len; i++)
        if (desk_post_has_channel (post, g_array_index (filter->channel_ids, gint64, i)))
          return TRUE;
      return FALSE;
    }
  return TRUE;
}
