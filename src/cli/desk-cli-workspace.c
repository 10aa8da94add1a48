/* desk-cli-workspace.c: the brands and channels of a workspace, from the
 * command line
 *
 *   brands list [--all]
 *   brands add NAME [--timezone TZ] [--language LANG]
 *   brands archive NAME
 *   channels list [--brand NAME]
 *   channels add --brand NAME --network NET --name HANDLE
 *   channels remove HANDLE [--brand NAME] [--network NET]
 *
 * Same --database and error rules as the other commands: a one-line
 * reason and a non-zero exit. `brands add` creates the workspace when it
 * does not exist; the others never do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "community-desk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-brand.h"
#include "desk-channel.h"
#include "desk-cli.h"
#include "desk-enums.h"
#include "desk-store.h"

static int
brands_list (DeskStore *store,
             gboolean   all)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) brands = all ? desk_store_list_all_brands (store, &error)
                                     : desk_store_list_brands (store, &error);

  if (brands == NULL)
    return desk_cli_fail (error->message);
  for (guint i = 0; i < g_list_model_get_n_items (brands); i++)
    {
      g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, i);
      g_autofree char *name = desk_cli_terminal_safe (desk_brand_get_name (brand), TRUE);
      const char *timezone = desk_brand_get_timezone (brand);

      /* NAME, timezone (or "system"), language, and "archived" when it is */
      g_print ("%s\t%s\t%s%s\n", name, timezone != NULL && timezone[0] != '\0' ? timezone : "system",
               desk_brand_get_language (brand), desk_brand_get_archived (brand) ? "\tarchived" : "");
    }
  return 0;
}

/* ISO 639 language codes, optionally with a region (fr, en, fr-CA,
 * pt_BR), one or several separated by commas, the posts' first: fr,en */
static gboolean
is_language (const char *code)
{
  return g_regex_match_simple ("^[a-z]{2,3}([-_][A-Z]{2})?(,[a-z]{2,3}([-_][A-Z]{2})?)*$", code, 0, 0);
}

static int
brands_add (DeskStore  *store,
            const char *name,
            const char *timezone,
            const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = NULL;
  g_autoptr(DeskBrand) existing = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (stripped[0] == '\0')
    return desk_cli_fail (_("a brand needs a name"));
  existing = desk_cli_lookup_brand (store, stripped, NULL);
  if (existing != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("a brand called “%s” exists already"),
                                                  desk_brand_get_name (existing));
      return desk_cli_fail (message);
    }
  if (timezone != NULL)
    {
      GTimeZone *zone = g_time_zone_new_identifier (timezone);

      if (zone == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a timezone (for example Europe/Paris)"), timezone);
          return desk_cli_fail (message);
        }
      g_time_zone_unref (zone);
    }
  if (language != NULL && !is_language (language))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a language code (for example fr or en)"), language);
      return desk_cli_fail (message);
    }

  brand = g_object_new (DESK_TYPE_BRAND,
                        "name", stripped,
                        "timezone", timezone != NULL ? timezone : "",
                        "language", language != NULL ? language : "fr",
                        NULL);
  if (!desk_store_save_brand (store, brand, &error))
    return desk_cli_fail (error->message);
  g_print (_("Brand “%s” added.\n"), stripped);
  return 0;
}

static int
brands_archive (DeskStore  *store,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = desk_cli_lookup_brand (store, name, &error);

  if (brand == NULL)
    return desk_cli_fail (error->message);
  desk_brand_set_archived (brand, TRUE);
  if (!desk_store_save_brand (store, brand, &error))
    return desk_cli_fail (error->message);
  g_print (_("Brand “%s” archived: hidden, nothing deleted.\n"), desk_brand_get_name (brand));
  return 0;
}

/**
 * desk_cli_brands:
 *
 * `brands list [--all]`, `brands add NAME [--timezone TZ] [--language
 * LANG]`, `brands archive NAME`
 */
int
desk_cli_brands (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *timezone = NULL;
  g_autofree char *language = NULL;
  gboolean all = FALSE;
  const char *action;
  GOptionEntry entries[] = {
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &timezone, N_("add: the brand's timezone (default: the system's)"), N_("TZ") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("add: the language of its posts, or several: fr,en (default: fr)"), N_("LANG") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("list: archived brands too"), NULL },
    { NULL }
  };

  if (!desk_cli_parse (&argc, &argv, "brands", N_("list | add NAME | archive NAME"), entries, &database, &error))
    return desk_cli_fail (error->message);
  action = argc > 1 ? argv[1] : "";

  if (g_str_equal (action, "list") && argc == 2)
    {
      store = desk_store_open (database, DESK_STORE_OPEN_READ_ONLY, &error);
      return store != NULL ? brands_list (store, all) : desk_cli_fail (error->message);
    }
  if (g_str_equal (action, "add") && argc == 3)
    {
      /* The workspace is made for its first brand */
      store = desk_store_open (database, DESK_STORE_OPEN_DEFAULT, &error);
      return store != NULL ? brands_add (store, argv[2], timezone, language) : desk_cli_fail (error->message);
    }
  if (g_str_equal (action, "archive") && argc == 3)
    {
      store = desk_store_open (database, DESK_STORE_OPEN_NO_CREATE, &error);
      return store != NULL ? brands_archive (store, argv[2]) : desk_cli_fail (error->message);
    }
  return desk_cli_fail (_("brands takes list, add NAME or archive NAME"));
}

/* The brand called @brand_name, or every brand (archived too) when NULL */
static GListModel *
brands_named (DeskStore   *store,
              const char  *brand_name,
              GError     **error)
{
  g_autoptr(DeskBrand) brand = NULL;
  GListStore *one;

  if (brand_name == NULL)
    return desk_store_list_all_brands (store, error);
  if ((brand = desk_cli_lookup_brand (store, brand_name, error)) == NULL)
    return NULL;
  one = g_list_store_new (DESK_TYPE_BRAND);
  g_list_store_append (one, brand);
  return G_LIST_MODEL (one);
}

static int
channels_list (DeskStore  *store,
               const char *brand_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) brands = brands_named (store, brand_name, &error);

  if (brands == NULL)
    return desk_cli_fail (error->message);

  for (guint b = 0; b < g_list_model_get_n_items (brands); b++)
    {
      g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, b);
      g_autoptr(GListModel) channels = desk_store_list_channels (store, desk_brand_get_id (brand), &error);
      g_autofree char *safe_brand = desk_cli_terminal_safe (desk_brand_get_name (brand), TRUE);

      if (channels == NULL)
        return desk_cli_fail (error->message);
      for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
        {
          g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
          g_autofree char *handle = desk_cli_terminal_safe (desk_channel_get_handle (channel), TRUE);

          /* network id, handle, brand */
          g_print ("%s\t%s\t%s\n", desk_network_to_id (desk_channel_get_network (channel)), handle, safe_brand);
        }
    }
  return 0;
}

static int
channels_add (DeskStore  *store,
              const char *brand_name,
              const char *network_id,
              const char *handle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(DeskChannel) channel = NULL;
  g_autofree char *stripped = NULL;
  DeskNetwork network;

  if (brand_name == NULL || network_id == NULL || handle == NULL)
    return desk_cli_fail (_("channels add needs --brand NAME, --network NET and --name HANDLE"));
  if (!desk_network_from_id (network_id, &network))
    {
      g_autofree char *message = g_strdup_printf (_("unknown network “%s” (mastodon, bluesky, wordpress, x, instagram, facebook, linkedin, threads, tiktok, youtube, pinterest or other)"),
                                                  network_id);
      return desk_cli_fail (message);
    }
  stripped = g_strstrip (g_strdup (handle));
  if (stripped[0] == '\0')
    return desk_cli_fail (_("a channel needs a name"));
  if ((brand = desk_cli_lookup_brand (store, brand_name, &error)) == NULL ||
      (channels = desk_store_list_channels (store, desk_brand_get_id (brand), &error)) == NULL)
    return desk_cli_fail (error->message);
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) other = g_list_model_get_item (channels, i);

      if (desk_channel_get_network (other) == network &&
          g_ascii_strcasecmp (desk_channel_get_handle (other), stripped) == 0)
        {
          g_autofree char *message = g_strdup_printf (_("%s already has the %s channel “%s”"),
                                                      desk_brand_get_name (brand), network_id, stripped);
          return desk_cli_fail (message);
        }
    }

  channel = g_object_new (DESK_TYPE_CHANNEL,
                          "brand-id", desk_brand_get_id (brand),
                          "network", network,
                          "handle", stripped,
                          "colour", desk_channel_pick_colour (channels),
                          NULL);
  if (!desk_store_save_channel (store, channel, &error))
    return desk_cli_fail (error->message);
  g_print (_("Channel %s “%s” added to %s.\n"), network_id, stripped, desk_brand_get_name (brand));
  return 0;
}

static int
channels_remove (DeskStore  *store,
                 const char *handle,
                 const char *brand_name,
                 const char *network_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) brands = brands_named (store, brand_name, &error);
  g_autoptr(DeskChannel) found = NULL;
  g_autoptr(DeskBrand) found_brand = NULL;
  guint matches = 0, n_posts = 0;

  if (brands == NULL)
    return desk_cli_fail (error->message);
  for (guint b = 0; b < g_list_model_get_n_items (brands); b++)
    {
      g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, b);
      g_autoptr(GListModel) channels = NULL;

      if ((channels = desk_store_list_channels (store, desk_brand_get_id (brand), &error)) == NULL)
        return desk_cli_fail (error->message);
      for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
        {
          g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);

          if (g_ascii_strcasecmp (desk_channel_get_handle (channel), handle) != 0 ||
              (network_id != NULL && !g_str_equal (desk_network_to_id (desk_channel_get_network (channel)), network_id)))
            continue;
          matches++;
          g_set_object (&found, channel);
          g_set_object (&found_brand, brand);
        }
    }
  if (matches == 0)
    {
      g_autofree char *message = g_strdup_printf (_("no channel is called “%s”"), handle);
      return desk_cli_fail (message);
    }
  if (matches > 1)
    {
      g_autofree char *message = g_strdup_printf (_("%u channels are called “%s”: choose one with --brand or --network"),
                                                  matches, handle);
      return desk_cli_fail (message);
    }
  if (!desk_store_delete_channel (store, desk_channel_get_id (found), &n_posts, &error))
    return desk_cli_fail (error->message);
  /* Its posts stay, without it */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Channel “%s” removed from %s; %u post kept without it.\n",
                        "Channel “%s” removed from %s; %u posts kept without it.\n", n_posts),
           desk_channel_get_handle (found), desk_brand_get_name (found_brand), n_posts);
  return 0;
}

/**
 * desk_cli_channels:
 *
 * `channels list [--brand NAME]`, `channels add --brand NAME --network NET
 * --name HANDLE`, `channels remove HANDLE [--brand NAME] [--network NET]`
 */
int
desk_cli_channels (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *brand = NULL;
  g_autofree char *network = NULL;
  g_autofree char *name = NULL;
  const char *action;
  GOptionEntry entries[] = {
    { "brand", 'b', 0, G_OPTION_ARG_STRING, &brand, N_("The brand"), N_("NAME") },
    { "network", 'n', 0, G_OPTION_ARG_STRING, &network, N_("add, remove: the network (mastodon, bluesky, x…)"), N_("NET") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("add: the channel's handle or name"), N_("HANDLE") },
    { NULL }
  };

  if (!desk_cli_parse (&argc, &argv, "channels", N_("list | add | remove HANDLE"), entries, &database, &error))
    return desk_cli_fail (error->message);
  action = argc > 1 ? argv[1] : "";

  if (g_str_equal (action, "list") && argc == 2)
    {
      store = desk_store_open (database, DESK_STORE_OPEN_READ_ONLY, &error);
      return store != NULL ? channels_list (store, brand) : desk_cli_fail (error->message);
    }
  if (g_str_equal (action, "add") && argc == 2)
    {
      store = desk_store_open (database, DESK_STORE_OPEN_NO_CREATE, &error);
      return store != NULL ? channels_add (store, brand, network, name) : desk_cli_fail (error->message);
    }
  if (g_str_equal (action, "remove") && argc == 3)
    {
      store = desk_store_open (database, DESK_STORE_OPEN_NO_CREATE, &error);
      return store != NULL ? channels_remove (store, argv[2], brand, network) : desk_cli_fail (error->message);
    }
  return desk_cli_fail (_("channels takes list, add or remove HANDLE"));
}
