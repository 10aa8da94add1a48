/* desk-brand.h: a brand (client) of the workspace, with its palette and editorial charter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-enums.h"

G_BEGIN_DECLS

#define DESK_TYPE_BRAND (desk_brand_get_type ())
G_DECLARE_FINAL_TYPE (DeskBrand, desk_brand, DESK, BRAND, GObject)

gint64 desk_brand_get_id (DeskBrand *self);
void desk_brand_set_id (DeskBrand *self, gint64 value);
const char *desk_brand_get_name (DeskBrand *self);
void desk_brand_set_name (DeskBrand *self, const char *value);
const char *desk_brand_get_palette (DeskBrand *self);
void desk_brand_set_palette (DeskBrand *self, const char *value);
const char *desk_brand_get_charter (DeskBrand *self);
void desk_brand_set_charter (DeskBrand *self, const char *value);
const char *desk_brand_get_timezone (DeskBrand *self);
void desk_brand_set_timezone (DeskBrand *self, const char *value);
const char *desk_brand_get_language (DeskBrand *self);
void desk_brand_set_language (DeskBrand *self, const char *value);
gboolean desk_brand_get_archived (DeskBrand *self);
void desk_brand_set_archived (DeskBrand *self, gboolean value);
gint64 desk_brand_get_logo_media_id (DeskBrand *self);
void desk_brand_set_logo_media_id (DeskBrand *self, gint64 value);

G_END_DECLS
