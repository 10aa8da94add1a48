/* desk-channels-page.h: Preferences › Channels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHANNELS_PAGE (desk_channels_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskChannelsPage, desk_channels_page, DESK, CHANNELS_PAGE, AdwPreferencesPage)

DeskChannelsPage *desk_channels_page_new (DeskStore *store,
                                          gint64     brand_id);

G_END_DECLS
