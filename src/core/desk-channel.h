/* desk-channel.h: one account on one network; it never holds a secret
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-enums.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHANNEL (desk_channel_get_type ())
G_DECLARE_FINAL_TYPE (DeskChannel, desk_channel, DESK, CHANNEL, GObject)

gint64 desk_channel_get_id (DeskChannel *self);
void desk_channel_set_id (DeskChannel *self, gint64 value);
gint64 desk_channel_get_brand_id (DeskChannel *self);
void desk_channel_set_brand_id (DeskChannel *self, gint64 value);
DeskNetwork desk_channel_get_network (DeskChannel *self);
void desk_channel_set_network (DeskChannel *self, DeskNetwork value);
const char *desk_channel_get_handle (DeskChannel *self);
void desk_channel_set_handle (DeskChannel *self, const char *value);
const char *desk_channel_get_display_name (DeskChannel *self);
void desk_channel_set_display_name (DeskChannel *self, const char *value);
const char *desk_channel_get_instance_url (DeskChannel *self);
void desk_channel_set_instance_url (DeskChannel *self, const char *value);
const char *desk_channel_get_colour (DeskChannel *self);
void desk_channel_set_colour (DeskChannel *self, const char *value);
const char *desk_channel_get_remote_id (DeskChannel *self);
void desk_channel_set_remote_id (DeskChannel *self, const char *value);
guint desk_channel_get_cadence (DeskChannel *self);
void desk_channel_set_cadence (DeskChannel *self, guint value);
const char *desk_channel_get_slots (DeskChannel *self);
void desk_channel_set_slots (DeskChannel *self, const char *value);

typedef struct
{
  const char *colour;   /* #rrggbb */
  const char *name;     /* N_() marked */
} DeskSafeColour;

const DeskSafeColour *desk_channel_safe_colours (guint *n);
const char *desk_channel_pick_colour (GListModel *channels);

G_END_DECLS
