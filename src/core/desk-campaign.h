/* desk-campaign.h: a campaign with its dates and objective
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-enums.h"

G_BEGIN_DECLS

#define DESK_TYPE_CAMPAIGN (desk_campaign_get_type ())
G_DECLARE_FINAL_TYPE (DeskCampaign, desk_campaign, DESK, CAMPAIGN, GObject)

gint64 desk_campaign_get_id (DeskCampaign *self);
void desk_campaign_set_id (DeskCampaign *self, gint64 value);
gint64 desk_campaign_get_brand_id (DeskCampaign *self);
void desk_campaign_set_brand_id (DeskCampaign *self, gint64 value);
const char *desk_campaign_get_name (DeskCampaign *self);
void desk_campaign_set_name (DeskCampaign *self, const char *value);
const char *desk_campaign_get_colour (DeskCampaign *self);
void desk_campaign_set_colour (DeskCampaign *self, const char *value);
GDateTime *desk_campaign_get_starts_on (DeskCampaign *self);
void desk_campaign_set_starts_on (DeskCampaign *self, GDateTime *value);
GDateTime *desk_campaign_get_ends_on (DeskCampaign *self);
void desk_campaign_set_ends_on (DeskCampaign *self, GDateTime *value);
const char *desk_campaign_get_objective_kpi (DeskCampaign *self);
void desk_campaign_set_objective_kpi (DeskCampaign *self, const char *value);
double desk_campaign_get_objective_target (DeskCampaign *self);
void desk_campaign_set_objective_target (DeskCampaign *self, double value);
GDateTime *desk_campaign_get_deadline (DeskCampaign *self);
void desk_campaign_set_deadline (DeskCampaign *self, GDateTime *value);

G_END_DECLS
