/* desk-channel.c: one account on one network; it never holds a secret
 *
 * Plain data object: every field is a property that notifies when it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-channel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-enum-types.h"
#include "desk-channel.h"

struct _DeskChannel
{
  GObject parent_instance;

  gint64 id;
  gint64 brand_id;
  DeskNetwork network;
  char *handle;
  char *display_name;
  char *instance_url;
  char *colour;
  char *remote_id;
  guint cadence;
  char *slots;
};

G_DEFINE_FINAL_TYPE (DeskChannel, desk_channel, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BRAND_ID,
  PROP_NETWORK,
  PROP_HANDLE,
  PROP_DISPLAY_NAME,
  PROP_INSTANCE_URL,
  PROP_COLOUR,
  PROP_REMOTE_ID,
  PROP_CADENCE,
  PROP_SLOTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_channel_finalize (GObject *object)
{
  DeskChannel *self = (DeskChannel *) object;

  g_clear_pointer (&self->handle, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->instance_url, g_free);
  g_clear_pointer (&self->colour, g_free);
  g_clear_pointer (&self->remote_id, g_free);
  g_clear_pointer (&self->slots, g_free);

  G_OBJECT_CLASS (desk_channel_parent_class)->finalize (object);
}

static void
desk_channel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeskChannel *self = DESK_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_BRAND_ID:
      g_value_set_int64 (value, self->brand_id);
      break;

    case PROP_NETWORK:
      g_value_set_enum (value, self->network);
      break;

    case PROP_HANDLE:
      g_value_set_string (value, self->handle);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_INSTANCE_URL:
      g_value_set_string (value, self->instance_url);
      break;

    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    case PROP_CADENCE:
      g_value_set_uint (value, self->cadence);
      break;

    case PROP_SLOTS:
      g_value_set_string (value, self->slots);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_channel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DeskChannel *self = DESK_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      desk_channel_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_BRAND_ID:
      desk_channel_set_brand_id (self, g_value_get_int64 (value));
      break;

    case PROP_NETWORK:
      desk_channel_set_network (self, g_value_get_enum (value));
      break;

    case PROP_HANDLE:
      desk_channel_set_handle (self, g_value_get_string (value));
      break;

    case PROP_DISPLAY_NAME:
      desk_channel_set_display_name (self, g_value_get_string (value));
      break;

    case PROP_INSTANCE_URL:
      desk_channel_set_instance_url (self, g_value_get_string (value));
      break;

    case PROP_COLOUR:
      desk_channel_set_colour (self, g_value_get_string (value));
      break;

    case PROP_REMOTE_ID:
      desk_channel_set_remote_id (self, g_value_get_string (value));
      break;

    case PROP_CADENCE:
      desk_channel_set_cadence (self, g_value_get_uint (value));
      break;

    case PROP_SLOTS:
      desk_channel_set_slots (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_channel_class_init (DeskChannelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = desk_channel_finalize;
  object_class->get_property = desk_channel_get_property;
  object_class->set_property = desk_channel_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BRAND_ID] =
    g_param_spec_int64 ("brand-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NETWORK] =
    g_param_spec_enum ("network", NULL, NULL, DESK_TYPE_NETWORK, DESK_NETWORK_MASTODON, rw);
  properties[PROP_HANDLE] =
    g_param_spec_string ("handle", NULL, NULL, NULL, rw);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, rw);
  properties[PROP_INSTANCE_URL] =
    g_param_spec_string ("instance-url", NULL, NULL, NULL, rw);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL, rw);
  properties[PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL, rw);
  properties[PROP_CADENCE] =
    g_param_spec_uint ("cadence", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_SLOTS] =
    g_param_spec_string ("slots", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_channel_init (DeskChannel *self)
{
}

gint64
desk_channel_get_id (DeskChannel *self)
{
  g_return_val_if_fail (DESK_IS_CHANNEL (self), 0);

  return self->id;
}

void
desk_channel_set_id (DeskChannel *self,
                    gint64 value)
{
  g_return_if_fail (DESK_IS_CHANNEL (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
desk_channel_get_brand_id (DeskChannel *self)
{
  g_return_val_if_fail (DESK_IS_CHANNEL (self), 0);

  return self->brand_id;
}

void
desk_channel_set_brand_id (DeskChannel *self,
                          gint64 value)
{
  g_return_if_fail (DESK_IS_CHANNEL (self));

  if (self->brand_id == value)
    return;
  self->brand_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRAND_ID]);
}

DeskNetwork
desk_channel_get_network (DeskChannel *self)
{
  g_return_val_if_fail (DESK_IS_CHANNEL (self), 0);

  return self->network;
}

void
desk_channel_set_network (DeskChannel *self,
                         DeskNetwork value)
{
  g_return_if_fail (DESK_IS_CHANNEL (self));

  if (self->network == value)
    return;
  self->network = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK]);
}

const char *
desk_channel_get_handle (DeskChannel *self)
{
  g_return_val_if_fail (DESK_IS_CHANNEL (self), 0);

  return self->handle;
}

void
desk_channel_set_handle (DeskChannel *self,
                        const char *value)
{
  g_return_if_fail (DESK_IS_CHANNEL (self));

  if (g_strcmp0 (self->handle, value) == 0)
    return;
  g_free (self->handle);
  self->handle = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDLE]);
}

const char *
desk_channel_get_display_name (DeskChannel *self)
{
  g_return_val_if_fail (DESK_IS_CHANNEL (self), 0);

  return self->display_name;
}

void
desk_channel_set_display_name (DeskChannel *self,
                              const char *value)
{
  g_return_if_fail (DESK_IS_CHANNEL (self));

  if (g_strcmp0 (self->display_name, value) == 0)
    return;
  g_free (self->display_name);
  self->display_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
desk_channel_get_instance_url (DeskChannel *self)
{
  g_return_val_if_fail (DESK_IS_CHANNEL (self), 0);

  return self->instance_url;
}

void
desk_channel_set_instance_url (DeskChannel *self,
                              const char *value)
{
  g_return_if_fail (DESK_IS_CHANNEL (self));

  if (g_strcmp0 (self->instance_url, value) == 0)
    return;
  g_free (self->instance_url);
  self->instance_url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTANCE_URL]);
}

const char *
desk_channel_get_colour (DeskChannel *self)
{
  g_return_val_if_fail (DESK_IS_CHANNEL (self), 0);

  return self->colour;
}

void
desk_channel_set_colour (DeskChannel *self,
                        const char *value)
{
  g_return_if_fail (DESK_IS_CHANNEL (self));

  if (g_strcmp0 (self->colour, value) == 0)
    return;
  g_free (self->colour);
  self->colour = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}

const char *
desk_channel_get_remote_id (DeskChannel *self)
{
  g_return_val_if_fail (DESK_IS_CHANNEL (self), 0);

  return self->remote_id;
}

void
desk_channel_set_remote_id (DeskChannel *self,
                           const char *value)
{
  g_return_if_fail (DESK_IS_CHANNEL (self));

  if (g_strcmp0 (self->remote_id, value) == 0)
    return;
  g_free (self->remote_id);
  self->remote_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
}

guint
desk_channel_get_cadence (DeskChannel *self)
{
  g_return_val_if_fail (DESK_IS_CHANNEL (self), 0);

  return self->cadence;
}

void
desk_channel_set_cadence (DeskChannel *self,
                         guint value)
{
  g_return_if_fail (DESK_IS_CHANNEL (self));

  if (self->cadence == value)
    return;
  self->cadence = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE]);
}

const char *
desk_channel_get_slots (DeskChannel *self)
{
  g_return_val_if_fail (DESK_IS_CHANNEL (self), 0);

  return self->slots;
}

void
desk_channel_set_slots (DeskChannel *self,
                       const char *value)
{
  g_return_if_fail (DESK_IS_CHANNEL (self));

  if (g_strcmp0 (self->slots, value) == 0)
    return;
  g_free (self->slots);
  self->slots = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOTS]);
}

/* Okabe and Ito's palette (without its black, lost on a dark card): told
 * apart with every common colour-vision deficiency */
static const DeskSafeColour safe_colours[] = {
  { "#0072b2", N_("Blue") },
  { "#e69f00", N_("Orange") },
  { "#009e73", N_("Green") },
  { "#d55e00", N_("Vermilion") },
  { "#56b4e9", N_("Sky blue") },
  { "#cc79a7", N_("Pink") },
  { "#f0e442", N_("Yellow") },
  { "#999999", N_("Grey") },
};

/**
 * desk_channel_safe_colours:
 * @n: (out): how many
 *
 * Returns: the colours offered for channels, with their names (to
 *   translate with gettext)
 */
const DeskSafeColour *
desk_channel_safe_colours (guint *n)
{
  *n = G_N_ELEMENTS (safe_colours);
  return safe_colours;
}

/**
 * desk_channel_pick_colour:
 * @channels: (element-type DeskChannel): the brand's channels
 *
 * Returns: the colour a new channel of the brand gets: the first of a
 *   colour-blind-safe palette that none of @channels has, else the one
 *   the fewest have
 */
const char *
desk_channel_pick_colour (GListModel *channels)
{
  guint uses[G_N_ELEMENTS (safe_colours)] = { 0 };
  guint best = 0;

  for (guint i = 0; channels != NULL && i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      const char *colour = desk_channel_get_colour (channel);

      for (guint c = 0; colour != NULL && c < G_N_ELEMENTS (safe_colours); c++)
        if (g_ascii_strcasecmp (colour, safe_colours[c].colour) == 0)
          uses[c]++;
    }
  for (guint c = 1; c < G_N_ELEMENTS (safe_colours); c++)
    if (uses[c] < uses[best])
      best = c;
  return safe_colours[best].colour;
}
