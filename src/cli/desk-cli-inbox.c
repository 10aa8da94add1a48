/* desk-cli-inbox.c: the unified inbox from the command line
 *
 *   import-notifications FILE [--brand NAME]
 *   inbox [--brand NAME] [--view attention|all|unread|needs-reply] [--search TEXT] [--json]
 *
 * FILE is JSON Lines: one object per line with "channel" (a channel's
 * handle), "id" (the network's id), "kind" (dm, mention, reply, quote,
 * follow, like, repost), "author", "handle", "text", "created_at" (ISO 8601
 * with its offset), and optionally "in_reply_to", "url", "subject". Each is
 * stored once per (channel, id); one bad line refuses the whole file,
 * naming the line, and nothing is imported.
 *
 * Same --database and error rules as the other commands: a one-line
 * reason and a non-zero exit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "community-desk-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "desk-channel.h"
#include "desk-cli.h"
#include "desk-inbox-filter.h"
#include "desk-inbox-order.h"
#include "desk-notification.h"
#include "desk-store.h"

/* Channels by handle (case-blind); an id of -1: several channels have it */
static GHashTable *
channels_by_handle (DeskStore   *store,
                    gint64       brand_id,
                    GError     **error)
{
  g_autoptr(GHashTable) by_handle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GListModel) brands = desk_store_list_all_brands (store, error);

  if (brands == NULL)
    return NULL;
  for (guint b = 0; b < g_list_model_get_n_items (brands); b++)
    {
      g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, b);
      g_autoptr(GListModel) channels = NULL;

      if (brand_id != 0 && desk_brand_get_id (brand) != brand_id)
        continue;
      if ((channels = desk_store_list_channels (store, desk_brand_get_id (brand), error)) == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
        {
          g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
          char *key = g_utf8_casefold (desk_channel_get_handle (channel), -1);
          gint64 id = g_hash_table_contains (by_handle, key) ? -1 : desk_channel_get_id (channel);

          g_hash_table_insert (by_handle, key, g_memdup2 (&id, sizeof id));
        }
    }
  return g_steal_pointer (&by_handle);
}

static const char *
member_string (JsonObject  *object,
               const char  *name,
               gboolean     required,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("“%s” is missing"), name);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("“%s” must be a string"), name);
      return NULL;
    }
  return json_node_get_string (node);
}

/* One line of the file as a notification, or NULL and why */
static DeskNotification *
parse_line (const char  *line,
            GHashTable  *channels,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *channel_key = NULL;
  const char *fields[] = { "channel", "id", "kind", "author", "handle", "text", "created_at" };
  const char *values[G_N_ELEMENTS (fields)];
  const char *optional[3];
  DeskNotificationKind kind;
  JsonObject *object;
  gint64 *channel_id;

  if (!json_parser_load_from_data (parser, line, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if ((values[i] = member_string (object, fields[i], TRUE, error)) == NULL)
      return NULL;
  optional[0] = member_string (object, "in_reply_to", FALSE, error);
  optional[1] = *error == NULL ? member_string (object, "url", FALSE, error) : NULL;
  optional[2] = *error == NULL ? member_string (object, "subject", FALSE, error) : NULL;
  if (*error != NULL)
    return NULL;

  if (values[1][0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("“id” is empty"));
      return NULL;
    }
  channel_key = g_utf8_casefold (values[0], -1);
  channel_id = g_hash_table_lookup (channels, channel_key);
  if (channel_id == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("no channel has the handle “%s”"), values[0]);
      return NULL;
    }
  if (*channel_id < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("several channels have the handle “%s”: choose the brand with --brand"), values[0]);
      return NULL;
    }
  if (!desk_notification_kind_from_name (values[2], &kind))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown kind “%s”: use dm, mention, reply, quote, follow, like or repost"), values[2]);
      return NULL;
    }
  /* No default timezone: a time without its offset is refused */
  if ((created = g_date_time_new_from_iso8601 (values[6], NULL)) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not an ISO 8601 time with its offset (2026-11-23T09:30:00+01:00)"), values[6]);
      return NULL;
    }
  return g_object_new (DESK_TYPE_NOTIFICATION,
                       "channel-id", *channel_id, "remote-id", values[1], "kind", kind,
                       "author", values[3], "handle", values[4], "text", values[5], "created-at", created,
                       "in-reply-to", optional[0], "url", optional[1], "subject", optional[2],
                       NULL);
}

int
desk_cli_import_notifications (int    argc,
                               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GHashTable) channels = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *database = NULL;
  g_autofree char *brand_name = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 brand_id = 0;
  guint added = 0, existing;
  GOptionEntry entries[] = {
    { "brand", 0, 0, G_OPTION_ARG_STRING, &brand_name, N_("Only the channels of this brand (when a handle is on several brands)"), N_("NAME") },
    { NULL }
  };

  if (!desk_cli_parse (&argc, &argv, "import-notifications", "FILE", entries, &database, &error))
    return desk_cli_fail (error->message);
  if (argc != 2)
    return desk_cli_fail (_("import-notifications needs one JSON Lines FILE"));
  if (!g_file_get_contents (argv[1], &contents, NULL, &error))
    return desk_cli_fail (error->message);
  if (!g_utf8_validate (contents, -1, NULL))
    return desk_cli_fail (_("the file is not UTF-8 text: nothing was imported"));

  store = desk_store_open (database, DESK_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    return desk_cli_fail (error->message);
  if (brand_name != NULL && (brand_id = desk_cli_find_brand (store, brand_name, &error)) == 0)
    return desk_cli_fail (error->message);
  if ((channels = channels_by_handle (store, brand_id, &error)) == NULL)
    return desk_cli_fail (error->message);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) line_error = NULL;
      DeskNotification *item;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      item = parse_line (lines[i], channels, &line_error);
      if (item == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Line %u: %s; nothing was imported"), i + 1, line_error->message);
          return desk_cli_fail (message);
        }
      g_ptr_array_add (items, item);
    }

  if (!desk_store_add_notifications_full (store, items, &added, &error))
    return desk_cli_fail (error->message);
  existing = items->len - added;
  {
    g_autofree char *n_added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u notification added",
                                                             "%u notifications added", added), added);
    g_autofree char *n_existing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u was already there",
                                                                "%u were already there", existing), existing);

    /* TRANSLATORS: "3 notifications added, 2 were already there." */
    g_print (_("%s, %s.\n"), n_added, n_existing);
  }
  return 0;
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_bool_member (JsonBuilder *builder,
                 const char  *name,
                 gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* A group of likes, follows or reposts in the attention view, even of one */
static gboolean
is_group (DeskInboxView     view,
          DeskNotification *item)
{
  return view == DESK_INBOX_VIEW_ATTENTION && desk_notification_kind_is_grouped (desk_notification_get_kind (item));
}

static void
print_json (GPtrArray     *rows,
            DeskInboxView  view,
            GHashTable    *handles)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      DeskNotification *item = g_ptr_array_index (rows, i);
      gint64 channel_id = desk_notification_get_channel_id (item);
      DeskModerationFlag flag = desk_notification_get_flag (item);
      g_autofree char *when = g_date_time_format_iso8601 (desk_notification_get_created_at (item));

      json_builder_begin_object (builder);
      add_string_member (builder, "id", desk_notification_get_remote_id (item));
      add_string_member (builder, "kind", desk_notification_kind_to_name (desk_notification_get_kind (item)));
      add_string_member (builder, "author", desk_notification_get_author (item));
      add_string_member (builder, "handle", desk_notification_get_handle (item));
      add_string_member (builder, "text", desk_notification_get_text (item));
      add_string_member (builder, "created_at", when);
      add_string_member (builder, "channel", g_hash_table_lookup (handles, &channel_id));
      add_string_member (builder, "url", desk_notification_get_url (item));
      add_string_member (builder, "in_reply_to", desk_notification_get_in_reply_to (item));
      add_string_member (builder, "subject", desk_notification_get_subject (item));
      add_string_member (builder, "status", desk_notification_status_to_id (desk_notification_get_status (item)));
      add_string_member (builder, "flag", flag != DESK_MODERATION_FLAG_NONE ? desk_moderation_flag_to_id (flag) : NULL);
      add_string_member (builder, "assignee", desk_notification_get_assignee (item));
      add_bool_member (builder, "read", desk_notification_get_read (item));
      add_bool_member (builder, "starred", desk_notification_get_starred (item));
      add_bool_member (builder, "hidden", desk_notification_get_hidden (item));
      json_builder_set_member_name (builder, "priority");
      json_builder_add_int_value (builder, desk_notification_get_priority (item));
      if (is_group (view, item))
        {
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, desk_notification_get_group_count (item));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
}

/* DATE<TAB>KIND<TAB>AUTHOR<TAB>TEXT, a group's text saying who else */
static void
print_lines (GPtrArray     *rows,
             DeskInboxView  view)
{
  for (guint i = 0; i < rows->len; i++)
    {
      DeskNotification *item = g_ptr_array_index (rows, i);
      DeskNotificationKind kind = desk_notification_get_kind (item);
      g_autoptr(GDateTime) local = g_date_time_to_local (desk_notification_get_created_at (item));
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      g_autofree char *title = is_group (view, item)
        ? desk_inbox_order_dup_group_title (kind, desk_notification_get_author (item),
                                            desk_notification_get_group_count (item))
        : NULL;
      g_autofree char *author = desk_cli_terminal_safe (desk_notification_get_author (item), TRUE);
      g_autofree char *text = desk_cli_terminal_safe (title != NULL ? title : desk_notification_get_text (item), TRUE);

      g_print ("%s\t%s\t%s\t%s\n", when, desk_notification_kind_to_name (kind), author, text);
    }
}

int
desk_cli_inbox (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GHashTable) handles = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *database = NULL;
  g_autofree char *brand_name = NULL;
  g_autofree char *view = NULL;
  g_autofree char *search = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "brand", 0, 0, G_OPTION_ARG_STRING, &brand_name, N_("Brand whose inbox to show (needed when there are several)"), N_("NAME") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, N_("attention (default), all, unread or needs-reply"), N_("VIEW") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("Only items with these words in their text or author (accents and case ignored)"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!desk_cli_parse (&argc, &argv, "inbox", NULL, entries, &database, &error))
    return desk_cli_fail (error->message);
  if (argc > 1)
    return desk_cli_fail (_("inbox takes no argument"));
  if (view != NULL && !desk_inbox_view_from_id (view, &filter->view))
    {
      g_autofree char *message = g_strdup_printf (_("unknown view “%s”: use attention, all, unread or needs-reply"), view);
      return desk_cli_fail (message);
    }
  filter->search = g_steal_pointer (&search);

  store = desk_store_open (database, DESK_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return desk_cli_fail (error->message);
  if ((filter->brand_id = desk_cli_find_brand (store, brand_name, &error)) == 0)
    return desk_cli_fail (error->message);
  if ((rows = desk_store_query_inbox (store, filter, 0, G_MAXUINT, &error)) == NULL ||
      (channels = desk_store_list_channels (store, filter->brand_id, &error)) == NULL)
    return desk_cli_fail (error->message);

  handles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      gint64 id = desk_channel_get_id (channel);

      g_hash_table_insert (handles, g_memdup2 (&id, sizeof id), g_strdup (desk_channel_get_handle (channel)));
    }

  if (json)
    print_json (rows, filter->view, handles);
  else
    print_lines (rows, filter->view);
  return 0;
}
