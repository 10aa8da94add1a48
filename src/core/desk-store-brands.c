/* desk-store-brands.c: brands, channels and campaigns
 *
 * Part of DeskStore (desk-store.c); its private parts are in
 * desk-store-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "desk-media.h"
#include "desk-post-private.h"
#include "desk-post-move.h"
#include "desk-store-private.h"

/* Brands, channels, campaigns */

static gpointer
brand_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (DESK_TYPE_BRAND,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "name", _desk_store_column_text (stmt, 1),
                       "palette", _desk_store_column_text (stmt, 2),
                       "charter", _desk_store_column_text (stmt, 3),
                       "timezone", _desk_store_column_text (stmt, 4),
                       "language", _desk_store_column_text (stmt, 5),
                       "archived", sqlite3_column_type (stmt, 6) != SQLITE_NULL,
                       "logo-media-id", sqlite3_column_int64 (stmt, 7),
                       NULL);
}

#define BRAND_COLUMNS "id, name, palette, charter, timezone, language, archived_at, logo_media_id"

static void
bind_brand (sqlite3_stmt *stmt,
            gpointer      object)
{
  DeskBrand *brand = object;

  _desk_store_bind_text_or_empty (stmt, 1, desk_brand_get_name (brand));
  _desk_store_bind_text_or_empty (stmt, 2, desk_brand_get_palette (brand));
  _desk_store_bind_text_or_empty (stmt, 3, desk_brand_get_charter (brand));
  sqlite3_bind_int64 (stmt, 4, _desk_store_now_unix ());
  _desk_store_bind_text_or_empty (stmt, 5, desk_brand_get_timezone (brand));
  /* Without a language, the posts' are French (the schema's default) */
  if (desk_brand_get_language (brand) != NULL && desk_brand_get_language (brand)[0] != '\0')
    sqlite3_bind_text (stmt, 6, desk_brand_get_language (brand), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_text (stmt, 6, "fr", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, desk_brand_get_archived (brand));
  if (desk_brand_get_logo_media_id (brand) > 0)
    sqlite3_bind_int64 (stmt, 9, desk_brand_get_logo_media_id (brand));
  else
    sqlite3_bind_null (stmt, 9);
}

/* Brands of @sql's WHERE and ORDER BY, ?1 bound to @id */
static GListModel *
query_brands (DeskStore   *self,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return _desk_store_list_objects (self, stmt, DESK_TYPE_BRAND, brand_from_row, error);
}

/* The brands in use (not archived), by name */
GListModel *
desk_store_list_brands (DeskStore  *self,
                        GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return query_brands (self, "SELECT " BRAND_COLUMNS " FROM brands WHERE archived_at IS NULL"
                             " ORDER BY name COLLATE NOCASE, id", 0, error);
}

/**
 * desk_store_list_all_brands:
 *
 * Returns: (transfer full): every brand, archived ones too (after the
 *   others); desk_store_list_brands () lists those in use
 */
GListModel *
desk_store_list_all_brands (DeskStore  *self,
                            GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return query_brands (self, "SELECT " BRAND_COLUMNS " FROM brands"
                             " ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, id", 0, error);
}

/**
 * desk_store_get_brand:
 *
 * Returns: (transfer full): brand @brand_id, or %NULL with @error
 *   (DESK_STORE_ERROR_NOT_FOUND when there is none)
 */
DeskBrand *
desk_store_get_brand (DeskStore  *self,
                      gint64      brand_id,
                      GError    **error)
{
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  found = query_brands (self, "SELECT " BRAND_COLUMNS " FROM brands WHERE id = ?1", brand_id, error);
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("The brand no longer exists."));
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

gboolean
desk_store_save_brand (DeskStore  *self,
                       DeskBrand  *brand,
                       GError    **error)
{
  gint64 id = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_BRAND (brand), FALSE);

  if (!_desk_store_save_object (self, desk_brand_get_id (brand),
                    "INSERT INTO brands (name, palette, charter, created_at, timezone, language, archived_at, logo_media_id)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?7 THEN ?4 END, ?9)",
                    "UPDATE brands SET name = ?1, palette = ?2, charter = ?3, timezone = ?5, language = ?6,"
                    " archived_at = CASE WHEN ?7 THEN COALESCE (archived_at, ?4) END, logo_media_id = ?9"
                    " WHERE id = ?8",
                    8, bind_brand, brand, &id, error))
    return FALSE;
  desk_brand_set_id (brand, id);
  _desk_store_brands_changed (self);
  return TRUE;
}

/* One count(*) of @sql, ?1 bound to @id */
static gboolean
count_for_id (DeskStore   *self,
              const char  *sql,
              gint64       id,
              guint       *out,
              GError     **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = (guint) MIN (sqlite3_column_int64 (stmt, 0), G_MAXUINT);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _desk_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * desk_store_count_brand_content:
 *
 * What goes with brand @brand_id if it is deleted: said to the user
 * before they confirm.
 */
gboolean
desk_store_count_brand_content (DeskStore        *self,
                                gint64            brand_id,
                                DeskBrandContent *content,
                                GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  memset (content, 0, sizeof *content);
  if (!_desk_store_begin_read (self, error))
    return FALSE;
  ok = count_for_id (self, "SELECT count(*) FROM posts WHERE brand_id = ?1", brand_id, &content->posts, error) &&
       count_for_id (self, "SELECT count(*) FROM channels WHERE brand_id = ?1", brand_id, &content->channels, error) &&
       count_for_id (self, "SELECT count(*) FROM campaigns WHERE brand_id = ?1", brand_id, &content->campaigns, error) &&
       count_for_id (self, "SELECT count(*) FROM media WHERE brand_id = ?1", brand_id, &content->images, error) &&
       count_for_id (self, "SELECT count(*) FROM notifications WHERE channel_id IN"
                           " (SELECT id FROM channels WHERE brand_id = ?1)", brand_id, &content->notifications, error);
  _desk_store_end_read (self);
  return ok;
}

/**
 * desk_store_delete_brand:
 *
 * Deletes a brand and everything that is its own (channels, posts,
 * campaigns, images, notifications, metrics, snippets) in one
 * transaction; then the image files no other brand uses. Archiving
 * (desk_brand_set_archived ()) is how a brand is put away without loss.
 */
gboolean
desk_store_delete_brand (DeskStore  *self,
                         gint64      brand_id,
                         GError    **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  /* The files only this brand uses, removed once the rows are gone */
  stmt = _desk_store_prepare (self, "SELECT sha256, file_name FROM media m WHERE brand_id = ?1 AND NOT EXISTS"
                        " (SELECT 1 FROM media o WHERE o.brand_id != ?1 AND o.sha256 = m.sha256"
                        "  AND o.file_name = m.file_name)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *name = desk_media_file_name (_desk_store_column_text (stmt, 0), _desk_store_column_text (stmt, 1));

      if (name != NULL)
        g_ptr_array_add (files, name);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      goto failed;
    }
  stmt = _desk_store_prepare (self, "DELETE FROM brands WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("The brand no longer exists."));
      goto failed;
    }
  _desk_store_brands_changed (self);
  if (!_desk_store_commit (self, error))
    return FALSE;

  dir = desk_store_get_media_dir (self);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (files, i), NULL);

      if (g_remove (path) != 0 && errno != ENOENT)
        g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
    }
  return TRUE;

failed:
  _desk_store_rollback (self);
  return FALSE;
}

/**
 * desk_store_set_brand_logo:
 * @path: (nullable): an image file, or %NULL for no logo
 *
 * Copies @path into the brand's images and makes it its logo.
 */
gboolean
desk_store_set_brand_logo (DeskStore   *self,
                           DeskBrand   *brand,
                           const char  *path,
                           GError     **error)
{
  gint64 media_id = 0;
  gint64 previous;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_BRAND (brand) && desk_brand_get_id (brand) != 0, FALSE);

  if (path != NULL && !desk_store_add_media (self, desk_brand_get_id (brand), path, &media_id, error))
    return FALSE;
  previous = desk_brand_get_logo_media_id (brand);
  desk_brand_set_logo_media_id (brand, media_id);
  if (!desk_store_save_brand (self, brand, error))
    {
      desk_brand_set_logo_media_id (brand, previous);
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_store_count_channel_posts:
 *
 * How many posts go to channel @channel_id: said before it is removed.
 */
gboolean
desk_store_count_channel_posts (DeskStore  *self,
                                gint64      channel_id,
                                guint      *n_posts,
                                GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_posts != NULL, FALSE);

  *n_posts = 0;
  return count_for_id (self, "SELECT count(*) FROM post_variants WHERE channel_id = ?1", channel_id, n_posts, error);
}

static gpointer
channel_from_row (sqlite3_stmt *stmt)
{
  DeskNetwork network = DESK_NETWORK_MASTODON;

  desk_network_from_id (_desk_store_column_text (stmt, 2), &network);
  return g_object_new (DESK_TYPE_CHANNEL,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "brand-id", sqlite3_column_int64 (stmt, 1),
                       "network", network,
                       "handle", _desk_store_column_text (stmt, 3),
                       "display-name", _desk_store_column_text (stmt, 4),
                       "instance-url", _desk_store_column_text (stmt, 5),
                       "colour", _desk_store_column_text (stmt, 6),
                       "remote-id", _desk_store_column_text (stmt, 7),
                       "cadence", (guint) sqlite3_column_int (stmt, 8),
                       "slots", _desk_store_column_text (stmt, 9),
                       NULL);
}

static void
bind_channel (sqlite3_stmt *stmt,
              gpointer      object)
{
  DeskChannel *channel = object;
  DeskNetwork network = desk_channel_get_network (channel);
  const char *colour = desk_channel_get_colour (channel);

  sqlite3_bind_int64 (stmt, 1, desk_channel_get_brand_id (channel));
  sqlite3_bind_text (stmt, 2, desk_network_to_id (network), -1, SQLITE_STATIC);
  _desk_store_bind_text_or_empty (stmt, 3, desk_channel_get_handle (channel));
  _desk_store_bind_text_or_empty (stmt, 4, desk_channel_get_display_name (channel));
  _desk_store_bind_text_or_null (stmt, 5, desk_channel_get_instance_url (channel));
  _desk_store_bind_text_or_empty (stmt, 6, colour ? colour : desk_network_default_colour (network));
  _desk_store_bind_text_or_null (stmt, 7, desk_channel_get_remote_id (channel));
  sqlite3_bind_int (stmt, 8, (int) desk_channel_get_cadence (channel));
  _desk_store_bind_text_or_empty (stmt, 9, desk_channel_get_slots (channel));
}

GListModel *
desk_store_list_channels (DeskStore  *self,
                          gint64      brand_id,
                          GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT id, brand_id, network, handle, display_name, instance_url, colour, remote_id, cadence, slots"
                  " FROM channels WHERE ?1 = 0 OR brand_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  return _desk_store_list_objects (self, stmt, DESK_TYPE_CHANNEL, channel_from_row, error);
}

gboolean
desk_store_save_channel (DeskStore    *self,
                         DeskChannel  *channel,
                         GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_CHANNEL (channel), FALSE);

  if (!_desk_store_save_object (self, desk_channel_get_id (channel),
                    "INSERT INTO channels (brand_id, network, handle, display_name, instance_url, colour, remote_id, cadence, slots)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    "UPDATE channels SET brand_id = ?1, network = ?2, handle = ?3, display_name = ?4,"
                    " instance_url = ?5, colour = ?6, remote_id = ?7, cadence = ?8, slots = ?9 WHERE id = ?10",
                    10, bind_channel, channel, &id, error))
    return FALSE;
  desk_channel_set_id (channel, id);
  return TRUE;
}

/**
 * desk_store_delete_channel:
 * @n_posts: (out) (optional): how many posts went to it
 *
 * Removes a channel. Its posts stay, without it (with their own text for
 * it, which went with it); in one transaction.
 */
gboolean
desk_store_delete_channel (DeskStore  *self,
                           gint64      channel_id,
                           guint      *n_posts,
                           GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self, "SELECT count(*) FROM post_variants WHERE channel_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _desk_store_set_sqlite_error (self, rc, error);
      goto failed;
    }
  stmt = _desk_store_prepare (self, "DELETE FROM channels WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  if (!_desk_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _("The channel no longer exists."));
      goto failed;
    }
  if (!_desk_store_commit (self, error))
    return FALSE;
  if (n_posts != NULL)
    *n_posts = (guint) count;
  return TRUE;

failed:
  _desk_store_rollback (self);
  return FALSE;
}

static gpointer
campaign_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) starts = _desk_store_column_time (stmt, 4);
  g_autoptr(GDateTime) ends = _desk_store_column_time (stmt, 5);
  g_autoptr(GDateTime) deadline = _desk_store_column_time (stmt, 8);

  return g_object_new (DESK_TYPE_CAMPAIGN,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "brand-id", sqlite3_column_int64 (stmt, 1),
                       "name", _desk_store_column_text (stmt, 2),
                       "colour", _desk_store_column_text (stmt, 3),
                       "starts-on", starts,
                       "ends-on", ends,
                       "objective-kpi", _desk_store_column_text (stmt, 6),
                       "objective-target", sqlite3_column_double (stmt, 7),
                       "deadline", deadline,
                       NULL);
}

static void
bind_campaign (sqlite3_stmt *stmt,
               gpointer      object)
{
  DeskCampaign *campaign = object;
  const char *colour = desk_campaign_get_colour (campaign);

  sqlite3_bind_int64 (stmt, 1, desk_campaign_get_brand_id (campaign));
  _desk_store_bind_text_or_empty (stmt, 2, desk_campaign_get_name (campaign));
  _desk_store_bind_text_or_empty (stmt, 3, colour ? colour : "#3584e4");
  _desk_store_bind_time (stmt, 4, desk_campaign_get_starts_on (campaign));
  _desk_store_bind_time (stmt, 5, desk_campaign_get_ends_on (campaign));
  _desk_store_bind_text_or_null (stmt, 6, desk_campaign_get_objective_kpi (campaign));
  sqlite3_bind_double (stmt, 7, desk_campaign_get_objective_target (campaign));
  _desk_store_bind_time (stmt, 8, desk_campaign_get_deadline (campaign));
}

GListModel *
desk_store_list_campaigns (DeskStore  *self,
                           gint64      brand_id,
                           GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = _desk_store_prepare (self,
                  "SELECT id, brand_id, name, colour, starts_at, ends_at, objective_kpi, objective_target, deadline"
                  " FROM campaigns WHERE ?1 = 0 OR brand_id = ?1 ORDER BY starts_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  return _desk_store_list_objects (self, stmt, DESK_TYPE_CAMPAIGN, campaign_from_row, error);
}

gboolean
desk_store_save_campaign (DeskStore     *self,
                          DeskCampaign  *campaign,
                          GError       **error)
{
  gint64 id = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_CAMPAIGN (campaign), FALSE);

  if (!_desk_store_save_object (self, desk_campaign_get_id (campaign),
                    "INSERT INTO campaigns (brand_id, name, colour, starts_at, ends_at, objective_kpi, objective_target, deadline)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    "UPDATE campaigns SET brand_id = ?1, name = ?2, colour = ?3, starts_at = ?4, ends_at = ?5,"
                    " objective_kpi = ?6, objective_target = ?7, deadline = ?8 WHERE id = ?9",
                    9, bind_campaign, campaign, &id, error))
    return FALSE;
  desk_campaign_set_id (campaign, id);
  return TRUE;
}
