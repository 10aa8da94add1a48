/* desk-channels-page.c: Preferences › Channels
 *
 * A group to add a channel of any network, then one group per channel of
 * the brand: its handle, name and colour, the account it publishes with
 * (Mastodon and WordPress: DeskAccountRow), its cadence and posting slots,
 * and a button that removes it (asking first, and keeping its posts; its
 * account's secret leaves the keyring).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-channels-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-account-row.h"
#include "desk-channels-page.h"
#include "desk-slots.h"
#include "desk-text-count.h"

struct _DeskChannelsPage
{
  AdwPreferencesPage  parent_instance;

  DeskStore          *store;
  gint64              brand_id;

  AdwPreferencesGroup *add_group;
  AdwComboRow        *network_row;    /* the new channel's network */
  AdwEntryRow        *handle_row;     /* and its handle */
  GPtrArray          *groups;         /* (element-type AdwPreferencesGroup) one per channel */
};

G_DEFINE_FINAL_TYPE (DeskChannelsPage, desk_channels_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void add_channel_group (DeskChannelsPage *self, DeskChannel *channel);

static void
toast (DeskChannelsPage *self,
       const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static char *
channel_title (DeskChannel *channel)
{
  return g_strdup_printf ("%s · %s", desk_network_to_label (desk_channel_get_network (channel)),
                          desk_channel_get_handle (channel));
}

/* Saves @channel; says why not (the same handle twice on a network) */
static gboolean
save_channel (DeskChannelsPage *self,
              DeskChannel      *channel)
{
  g_autoptr(GError) error = NULL;

  if (!desk_store_save_channel (self->store, channel, &error))
    {
      g_autofree char *message = g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID)
        ? g_strdup_printf (_("This brand already has the %s channel “%s”."),
                           desk_network_to_label (desk_channel_get_network (channel)),
                           desk_channel_get_handle (channel))
        : g_strdup (error->message);

      toast (self, message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static void
set_remove_label (GtkWidget   *button,
                  DeskChannel *channel)
{
  /* Translators: the button removing a channel; %s is its handle */
  g_autofree char *label = g_strdup_printf (_("Remove the channel “%s”"), desk_channel_get_handle (channel));

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
handle_apply_cb (AdwEntryRow      *row,
                 DeskChannelsPage *self)
{
  DeskChannel *channel = g_object_get_data (G_OBJECT (row), "channel");
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");
  g_autofree char *handle = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *previous = g_strdup (desk_channel_get_handle (channel));
  g_autofree char *title = NULL;

  if (handle[0] == '\0')
    {
      toast (self, _("Type the channel’s handle or name first."));
      gtk_editable_set_text (GTK_EDITABLE (row), previous);
      return;
    }
  desk_channel_set_handle (channel, handle);
  if (!save_channel (self, channel))
    {
      desk_channel_set_handle (channel, previous);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_editable_set_text (GTK_EDITABLE (row), handle);
  title = channel_title (channel);
  adw_preferences_group_set_title (group, title);
  set_remove_label (g_object_get_data (G_OBJECT (group), "remove"), channel);
  toast (self, _("Saved"));
}

static void
display_name_apply_cb (AdwEntryRow      *row,
                       DeskChannelsPage *self)
{
  DeskChannel *channel = g_object_get_data (G_OBJECT (row), "channel");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *previous = g_strdup (desk_channel_get_display_name (channel));

  desk_channel_set_display_name (channel, name);
  if (!save_channel (self, channel))
    {
      desk_channel_set_display_name (channel, previous);
      return;
    }
  toast (self, _("Saved"));
}

static void
swatch_toggled_cb (GtkToggleButton  *button,
                   DeskChannelsPage *self)
{
  DeskChannel *channel = g_object_get_data (G_OBJECT (button), "channel");
  const char *colour = g_object_get_data (G_OBJECT (button), "colour");
  g_autofree char *previous = NULL;

  if (!gtk_toggle_button_get_active (button) ||
      g_ascii_strcasecmp (colour, desk_channel_get_colour (channel) ? desk_channel_get_colour (channel) : "") == 0)
    return;
  previous = g_strdup (desk_channel_get_colour (channel));
  desk_channel_set_colour (channel, colour);
  if (!save_channel (self, channel))
    desk_channel_set_colour (channel, previous);
}

/* The colours offered: the colour-blind-safe palette of the core, one
 * toggle each, named for screen readers and in their tooltips */
static GtkWidget *
colour_row_new (DeskChannelsPage *self,
                DeskChannel      *channel)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkToggleButton *first = NULL;
  const DeskSafeColour *colours;
  gboolean found = FALSE;
  guint n;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Colour"));
  gtk_widget_set_tooltip_text (row, _("Colours told apart by colour-blind people"));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  colours = desk_channel_safe_colours (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *css_class = g_strdup_printf ("swatch-%s", colours[i].colour + 1);
      gboolean active = desk_channel_get_colour (channel) != NULL &&
                        g_ascii_strcasecmp (desk_channel_get_colour (channel), colours[i].colour) == 0;

      gtk_widget_add_css_class (button, "channel-swatch");
      gtk_widget_add_css_class (button, css_class);
      gtk_widget_set_tooltip_text (button, _(colours[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _(colours[i].name), -1);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
      found |= active;
      g_object_set_data_full (G_OBJECT (button), "channel", g_object_ref (channel), g_object_unref);
      g_object_set_data (G_OBJECT (button), "colour", (gpointer) colours[i].colour);
      g_signal_connect (button, "toggled", G_CALLBACK (swatch_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  if (!found)
    {
      /* Translators: %s is a colour, "#rrggbb", not one of the palette's */
      g_autofree char *subtitle = g_strdup_printf (_("Custom colour %s"),
                                                   desk_channel_get_colour (channel));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static void
cadence_changed_cb (GtkSpinButton    *spin,
                    DeskChannelsPage *self)
{
  DeskChannel *channel = g_object_get_data (G_OBJECT (spin), "channel");

  desk_channel_set_cadence (channel, gtk_spin_button_get_value_as_int (spin));
  save_channel (self, channel);
}

static void
slots_apply_cb (AdwEntryRow      *row,
                DeskChannelsPage *self)
{
  DeskChannel *channel = g_object_get_data (G_OBJECT (row), "channel");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) slots = desk_slots_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  g_autofree char *stored = NULL;
  g_autofree char *label = NULL;

  if (slots == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  stored = desk_slots_to_string (slots);
  label = desk_slots_to_label (slots);
  gtk_editable_set_text (GTK_EDITABLE (row), label);
  desk_channel_set_slots (channel, stored);
  save_channel (self, channel);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeskChannelsPage *self)
{
  DeskChannel *channel = g_object_get_data (G_OBJECT (dialog), "channel");
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (dialog), "group");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskAccount) account = NULL;
  guint n_posts = 0;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  /* Its account goes with it (ON DELETE CASCADE), and so its secret */
  account = desk_store_get_account (self->store, desk_channel_get_id (channel), NULL);
  if (!desk_store_delete_channel (self->store, desk_channel_get_id (channel), &n_posts, &error))
    {
      toast (self, error->message);
      return;
    }
  if (account != NULL)
    desk_account_clear_secret_async (account->secret_key, NULL, NULL, NULL);
  g_ptr_array_remove (self->groups, group);
  adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), group);
  toast (self, n_posts > 0 ? _("Channel removed; its posts were kept") : _("Channel removed"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Removing asks first, saying what happens to the channel's posts */
static void
remove_clicked_cb (GtkButton        *button,
                   DeskChannelsPage *self)
{
  DeskChannel *channel = g_object_get_data (G_OBJECT (button), "channel");
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n_posts = 0;
  GtkWidget *dialog;

  if (!desk_store_count_channel_posts (self->store, desk_channel_get_id (channel), &n_posts, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is a channel's handle */
  heading = g_strdup_printf (_("Remove “%s”?"), desk_channel_get_handle (channel));
  if (n_posts > 0)
    body = g_strdup_printf (ngettext ("%u post goes to this channel. It stays in the calendar, without this channel; "
                                         "the text written for this channel alone is deleted.",
                                      "%u posts go to this channel. They stay in the calendar, without this channel; "
                                      "the text written for this channel alone is deleted.", n_posts),
                            n_posts);
  else
    body = g_strdup (_("No post goes to this channel."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "channel", g_object_ref (channel), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "group", g_object_get_data (G_OBJECT (button), "group"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
entry_row_new (DeskChannelsPage *self,
               DeskChannel      *channel,
               GtkWidget        *group,
               const char       *title,
               const char       *text,
               GCallback         apply)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_object_set_data_full (G_OBJECT (row), "channel", g_object_ref (channel), g_object_unref);
  g_object_set_data (G_OBJECT (row), "group", group);
  g_signal_connect (row, "apply", apply, self);
  return row;
}

/* A channel's group: handle, name, colour, cadence, posting slots; the
 * header's button removes it */
static void
add_channel_group (DeskChannelsPage *self,
                   DeskChannel      *channel)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *cadence_row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 20, 1);
  GtkWidget *slots_row;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = channel_title (channel);
  g_autoptr(GArray) slots = desk_slots_parse (desk_channel_get_slots (channel), NULL);
  g_autofree char *label = slots ? desk_slots_to_label (slots) : g_strdup (desk_channel_get_slots (channel));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (desk_network_is_prepare_only (desk_channel_get_network (channel)))
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Prepare-only: posts are written, checked and scheduled here, then published by hand."));

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  set_remove_label (remove, channel);
  g_object_set_data (G_OBJECT (group), "remove", remove);
  g_object_set_data_full (G_OBJECT (remove), "channel", g_object_ref (channel), g_object_unref);
  g_object_set_data (G_OBJECT (remove), "group", group);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), remove);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             entry_row_new (self, channel, group, _("Handle or name"),
                                            desk_channel_get_handle (channel), G_CALLBACK (handle_apply_cb)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             entry_row_new (self, channel, group, _("Display name (optional)"),
                                            desk_channel_get_display_name (channel), G_CALLBACK (display_name_apply_cb)));
  /* What the app publishes to has an account (Mastodon, Bluesky, WordPress) */
  if (!desk_network_is_prepare_only (desk_channel_get_network (channel)))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), desk_account_row_new (self->store, channel));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), colour_row_new (self, channel));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (cadence_row), _("Most posts a day"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (cadence_row), _("0: no limit; more is shown as a warning on the calendar"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), desk_channel_get_cadence (channel));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Most posts a day"), -1);
  g_object_set_data_full (G_OBJECT (spin), "channel", g_object_ref (channel), g_object_unref);
  g_signal_connect (spin, "value-changed", G_CALLBACK (cadence_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (cadence_row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), cadence_row);

  /* Translators: the posting slots field; keep the example's form */
  slots_row = entry_row_new (self, channel, group, _("Posting slots (e.g. mon wed fri 09:30, tue 18:00)"),
                             label, G_CALLBACK (slots_apply_cb));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), slots_row);

  g_ptr_array_add (self->groups, group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

/* "Add": a channel of the chosen network and handle, saved at once with a
 * colour no other channel of the brand has yet; the same handle twice on
 * one network is refused, saying so */
static void
add_channel_cb (DeskChannelsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskChannel) channel = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autofree char *handle = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->handle_row))));
  DeskNetwork network = (DeskNetwork) adw_combo_row_get_selected (self->network_row);

  if (handle[0] == '\0' || network > DESK_NETWORK_LAST)
    {
      toast (self, _("Type the channel’s handle or name first."));
      return;
    }
  channels = desk_store_list_channels (self->store, self->brand_id, &error);
  if (channels == NULL)
    {
      toast (self, error->message);
      return;
    }
  channel = g_object_new (DESK_TYPE_CHANNEL,
                          "brand-id", self->brand_id,
                          "network", network,
                          "handle", handle,
                          "colour", desk_channel_pick_colour (channels),
                          NULL);
  if (!save_channel (self, channel))
    return;
  add_channel_group (self, channel);
  gtk_editable_set_text (GTK_EDITABLE (self->handle_row), "");
  toast (self, _("Channel added"));
}

static void
network_selected_cb (DeskChannelsPage *self)
{
  DeskNetwork network = (DeskNetwork) adw_combo_row_get_selected (self->network_row);

  /* The network chosen is the row's subtitle (read by screen readers);
   * whether the app publishes to it, the group's description */
  g_autofree char *text = NULL;

  if (network > DESK_NETWORK_LAST)
    return;
  if (desk_network_is_prepare_only (network))
    /* Translators: %s is a network (Instagram) */
    text = g_strdup_printf (_("%s is published by hand: its posts are written, checked and planned here, then you post them."),
                            desk_network_to_label (network));
  else
    /* Translators: %s is a network (Mastodon) */
    text = g_strdup_printf (_("CommunityDesk publishes to %s once the channel’s account is connected."),
                            desk_network_to_label (network));
  adw_preferences_group_set_description (self->add_group, text);
}

/* One CSS class per colour of the palette, for the swatches */
static void
ensure_swatch_css (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GString) css = NULL;
  const DeskSafeColour *colours;
  guint n;

  if (done || gdk_display_get_default () == NULL)
    return;
  done = TRUE;
  css = g_string_new (NULL);
  colours = desk_channel_safe_colours (&n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (css, "button.channel-swatch.swatch-%s { background: %s; }\n",
                            colours[i].colour + 1, colours[i].colour);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
desk_channels_page_finalize (GObject *object)
{
  DeskChannelsPage *self = (DeskChannelsPage *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_channels_page_parent_class)->finalize (object);
}

static void
desk_channels_page_class_init (DeskChannelsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_channels_page_finalize;

  /**
   * DeskChannelsPage::changed:
   *
   * A channel was added, edited or removed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
desk_channels_page_init (DeskChannelsPage *self)
{
  self->groups = g_ptr_array_new ();
  ensure_swatch_css ();
}

DeskChannelsPage *
desk_channels_page_new (DeskStore *store,
                        gint64     brand_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GtkStringList) networks = gtk_string_list_new (NULL);
  DeskChannelsPage *self;
  GtkWidget *group, *button;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_CHANNELS_PAGE,
                       "title", _("Channels"),
                       "name", "channels",
                       "icon-name", "network-workgroup-symbolic",
                       NULL);
  self->store = g_object_ref (store);
  self->brand_id = brand_id;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Add a Channel"));
  self->add_group = ADW_PREFERENCES_GROUP (group);
  for (DeskNetwork n = 0; n <= DESK_NETWORK_LAST; n++)
    gtk_string_list_append (networks, desk_network_to_label (n));
  self->network_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->network_row), _("Network"));
  adw_combo_row_set_model (self->network_row, G_LIST_MODEL (networks));
  adw_combo_row_set_use_subtitle (self->network_row, TRUE);
  g_signal_connect_swapped (self->network_row, "notify::selected", G_CALLBACK (network_selected_cb), self);
  network_selected_cb (self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->network_row));
  self->handle_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->handle_row), _("Handle or name (e.g. @fournil@piaille.fr)"));
  g_signal_connect_swapped (self->handle_row, "entry-activated", G_CALLBACK (add_channel_cb), self);
  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add the Channel"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_channel_cb), self);
  adw_entry_row_add_suffix (self->handle_row, button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->handle_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  /* Not shown yet: a failed read is said in the page itself */
  channels = desk_store_list_channels (store, brand_id, &error);
  if (channels == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
  for (guint i = 0; channels != NULL && i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);

      add_channel_group (self, channel);
    }
  return self;
}
