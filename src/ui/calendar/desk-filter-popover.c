/* desk-filter-popover.c: the calendar's filters and colouring
 *
 * Channels and statuses as check buttons, campaign and pillar as drop-down
 * lists, the colouring of the cards; emits ::changed on every change.
 * It is the cards' legend: each status with its mark, each channel with
 * the mark its cards show (its network's initial on its colour).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-filter-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-channel.h"
#include "desk-campaign.h"
#include "desk-contrast.h"
#include "desk-filter-popover.h"
#include "desk-text-count.h"

struct _DeskFilterPopover
{
  GtkPopover    parent_instance;

  GArray       *campaign_ids;   /* dropdown position → id; 0 first */
  GStrv         pillars;        /* dropdown position - 1 → pillar */
  GPtrArray    *channel_checks;
  GPtrArray    *status_checks;
  gboolean      loading;

  GtkBox       *channels_box;
  GtkBox       *status_box;
  GtkDropDown  *campaign_dropdown;
  GtkDropDown  *pillar_dropdown;
  GtkDropDown  *colour_dropdown;
};

G_DEFINE_FINAL_TYPE (DeskFilterPopover, desk_filter_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed (DeskFilterPopover *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWidget *
add_check (DeskFilterPopover *self,
           GtkBox            *box,
           GPtrArray         *checks,
           const char        *label,
           gint64             value)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);
  gint64 *data = g_new (gint64, 1);

  *data = value;
  g_object_set_data_full (G_OBJECT (check), "value", data, g_free);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (changed), self);
  gtk_box_append (box, check);
  g_ptr_array_add (checks, check);
  return check;
}

/* The channel's mark as its cards show it, before its name: the initial
 * of its network on its colour, in black or white, whichever reads
 * better. Screen readers read the name alone. */
static void
set_channel_mark (GtkCheckButton *check,
                  DeskChannel    *channel,
                  const char     *label)
{
  const char *network = desk_network_to_label (desk_channel_get_network (channel));
  const char *colour = desk_channel_get_colour (channel);
  DeskColour back, black = { 0, 0, 0 }, white = { 255, 255, 255 };
  DeskContrast on_black, on_white;
  g_autofree char *initial = g_utf8_strup (network, g_utf8_next_char (network) - network);
  g_autofree char *markup = NULL;
  g_autofree char *hex = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *mark = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (label);

  if (colour == NULL || !desk_colour_parse (colour, &back, NULL))
    desk_colour_parse (desk_network_default_colour (desk_channel_get_network (channel)), &back, NULL);
  desk_contrast_compute (&black, &back, &on_black);
  desk_contrast_compute (&white, &back, &on_white);
  hex = g_strdup_printf ("#%02x%02x%02x", back.red, back.green, back.blue);
  markup = g_markup_printf_escaped ("<span background=\"%s\" foreground=\"%s\" weight=\"bold\">\u2002%s\u2002</span>",
                                    hex, on_white.ratio >= on_black.ratio ? "#ffffff" : "#000000", initial);
  gtk_label_set_markup (GTK_LABEL (mark), markup);
  gtk_widget_add_css_class (mark, "channel-mark");
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_tooltip_text (mark, network);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), name);
  gtk_check_button_set_child (check, box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static gint64
check_value (GtkWidget *check)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (check), "value");
}

static void
reset_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskFilterPopover *self = DESK_FILTER_POPOVER (widget);
  DeskPostFilter empty;

  desk_post_filter_init (&empty);
  desk_filter_popover_set_filter (self, &empty, desk_filter_popover_get_colour_by (self));
  desk_post_filter_clear (&empty);
  changed (self);
}

static void
desk_filter_popover_dispose (GObject *object)
{
  DeskFilterPopover *self = (DeskFilterPopover *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_FILTER_POPOVER);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->pillars, g_strfreev);
  g_clear_pointer (&self->channel_checks, g_ptr_array_unref);
  g_clear_pointer (&self->status_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_filter_popover_parent_class)->dispose (object);
}

static void
desk_filter_popover_class_init (DeskFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_filter_popover_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskFilterPopover, channels_box);
  gtk_widget_class_bind_template_child (widget_class, DeskFilterPopover, status_box);
  gtk_widget_class_bind_template_child (widget_class, DeskFilterPopover, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskFilterPopover, pillar_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskFilterPopover, colour_dropdown);

  gtk_widget_class_install_action (widget_class, "filter.reset", NULL, reset_action_cb);
}

static void
desk_filter_popover_init (DeskFilterPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_drop_down_set_accessible_label (self->campaign_dropdown, _("Campaign"));
  desk_drop_down_set_accessible_label (self->pillar_dropdown, _("Editorial pillar"));
  desk_drop_down_set_accessible_label (self->colour_dropdown, _("Colour by"));

  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->channel_checks = g_ptr_array_new ();
  self->status_checks = g_ptr_array_new ();

  /* Each status with the mark its cards show: the filter is the legend.
   * Screen readers read the name alone. */
  for (DeskPostStatus s = 0; s <= DESK_POST_STATUS_LAST; s++)
    {
      g_autofree char *label = g_strdup_printf ("%s  %s", desk_post_status_to_mark (s), desk_post_status_to_label (s));
      GtkWidget *check = add_check (self, self->status_box, self->status_checks, label, s);

      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      desk_post_status_to_label (s), -1);
    }

  g_signal_connect_swapped (self->campaign_dropdown, "notify::selected", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->pillar_dropdown, "notify::selected", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->colour_dropdown, "notify::selected", G_CALLBACK (changed), self);
}

GtkWidget *
desk_filter_popover_new (void)
{
  return g_object_new (DESK_TYPE_FILTER_POPOVER, NULL);
}

/**
 * desk_filter_popover_set_choices:
 *
 * The brand's channels, campaigns and pillars to choose from. Clears the
 * choice; set the filter again afterwards.
 */
void
desk_filter_popover_set_choices (DeskFilterPopover  *self,
                                 GListModel         *channels,
                                 GListModel         *campaigns,
                                 const char * const *pillars)
{
  g_autoptr(GtkStringList) campaign_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) pillar_names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_return_if_fail (DESK_IS_FILTER_POPOVER (self));

  self->loading = TRUE;

  for (guint i = 0; i < self->channel_checks->len; i++)
    gtk_box_remove (self->channels_box, g_ptr_array_index (self->channel_checks, i));
  g_ptr_array_set_size (self->channel_checks, 0);
  for (guint i = 0; channels && i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      /* Translators: a channel in the calendar's filters: network · handle,
       * and for a network published by hand, a reminder that its marks
       * on the cards are hollow */
      g_autofree char *label = g_strdup_printf (desk_network_is_prepare_only (desk_channel_get_network (channel))
                                                ? _("%s · %s (hollow mark: publish by hand)") : "%s · %s",
                                                desk_network_to_label (desk_channel_get_network (channel)),
                                                desk_channel_get_handle (channel));
      GtkWidget *check = add_check (self, self->channels_box, self->channel_checks, label, desk_channel_get_id (channel));

      set_channel_mark (GTK_CHECK_BUTTON (check), channel, label);
    }

  g_array_set_size (self->campaign_ids, 0);
  gtk_string_list_append (campaign_names, _("All campaigns"));
  g_array_append_val (self->campaign_ids, none);
  for (guint i = 0; campaigns && i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(DeskCampaign) campaign = g_list_model_get_item (campaigns, i);
      gint64 id = desk_campaign_get_id (campaign);

      gtk_string_list_append (campaign_names, desk_campaign_get_name (campaign));
      g_array_append_val (self->campaign_ids, id);
    }
  gtk_drop_down_set_model (self->campaign_dropdown, G_LIST_MODEL (campaign_names));

  g_clear_pointer (&self->pillars, g_strfreev);
  self->pillars = g_strdupv ((char **) pillars);
  gtk_string_list_append (pillar_names, _("All pillars"));
  for (guint i = 0; self->pillars && self->pillars[i]; i++)
    gtk_string_list_append (pillar_names, self->pillars[i]);
  gtk_drop_down_set_model (self->pillar_dropdown, G_LIST_MODEL (pillar_names));

  self->loading = FALSE;
}

void
desk_filter_popover_set_filter (DeskFilterPopover    *self,
                                const DeskPostFilter *filter,
                                DeskColourBy          colour_by)
{
  guint selected = 0;

  g_return_if_fail (DESK_IS_FILTER_POPOVER (self));
  g_return_if_fail (filter != NULL);

  self->loading = TRUE;

  for (guint i = 0; i < self->channel_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->channel_checks, i);
      gboolean on = FALSE;

      for (guint k = 0; k < filter->channel_ids->len; k++)
        on |= g_array_index (filter->channel_ids, gint64, k) == check_value (check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
    }
  for (guint i = 0; i < self->status_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->status_checks, i);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (filter->status_mask & (1u << check_value (check))) != 0);
    }

  for (guint i = 0; i < self->campaign_ids->len; i++)
    if (g_array_index (self->campaign_ids, gint64, i) == filter->campaign_id)
      selected = i;
  gtk_drop_down_set_selected (self->campaign_dropdown, selected);

  selected = 0;
  for (guint i = 0; self->pillars && self->pillars[i]; i++)
    if (g_strcmp0 (self->pillars[i], filter->pillar) == 0)
      selected = i + 1;
  gtk_drop_down_set_selected (self->pillar_dropdown, selected);

  gtk_drop_down_set_selected (self->colour_dropdown, colour_by);

  self->loading = FALSE;
}

/* Fills @filter (initialised) with the choice shown. */
void
desk_filter_popover_get_filter (DeskFilterPopover *self,
                                DeskPostFilter    *filter)
{
  guint campaign, pillar;

  g_return_if_fail (DESK_IS_FILTER_POPOVER (self));

  g_array_set_size (filter->channel_ids, 0);
  for (guint i = 0; i < self->channel_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->channel_checks, i);
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        {
          gint64 id = check_value (check);
          g_array_append_val (filter->channel_ids, id);
        }
    }

  filter->status_mask = 0;
  for (guint i = 0; i < self->status_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->status_checks, i);
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        filter->status_mask |= 1u << check_value (check);
    }

  campaign = gtk_drop_down_get_selected (self->campaign_dropdown);
  filter->campaign_id = campaign < self->campaign_ids->len ? g_array_index (self->campaign_ids, gint64, campaign) : 0;

  pillar = gtk_drop_down_get_selected (self->pillar_dropdown);
  g_free (filter->pillar);
  filter->pillar = (pillar > 0 && self->pillars && pillar - 1 < g_strv_length (self->pillars))
    ? g_strdup (self->pillars[pillar - 1]) : NULL;
}

DeskColourBy
desk_filter_popover_get_colour_by (DeskFilterPopover *self)
{
  guint selected;

  g_return_val_if_fail (DESK_IS_FILTER_POPOVER (self), DESK_COLOUR_BY_STATUS);

  selected = gtk_drop_down_get_selected (self->colour_dropdown);
  return selected <= DESK_COLOUR_BY_CAMPAIGN ? (DeskColourBy) selected : DESK_COLOUR_BY_STATUS;
}
