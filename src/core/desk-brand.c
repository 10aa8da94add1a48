/* desk-brand.c: a brand (client) of the workspace, with its palette and editorial charter
 *
 * Plain data object: every field is a property that notifies when it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-brand"

#include "config.h"

#include "desk-enum-types.h"
#include "desk-brand.h"

struct _DeskBrand
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *palette;
  char *charter;
  char *timezone;   /* an IANA identifier; empty: the system's */
  char *language;   /* of its posts: "fr", "en"… */
  gboolean archived;
  gint64 logo_media_id;   /* 0: no logo */
};

G_DEFINE_FINAL_TYPE (DeskBrand, desk_brand, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PALETTE,
  PROP_CHARTER,
  PROP_TIMEZONE,
  PROP_LANGUAGE,
  PROP_ARCHIVED,
  PROP_LOGO_MEDIA_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_brand_finalize (GObject *object)
{
  DeskBrand *self = (DeskBrand *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->palette, g_free);
  g_clear_pointer (&self->charter, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (desk_brand_parent_class)->finalize (object);
}

static void
desk_brand_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DeskBrand *self = DESK_BRAND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PALETTE:
      g_value_set_string (value, self->palette);
      break;

    case PROP_CHARTER:
      g_value_set_string (value, self->charter);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_LOGO_MEDIA_ID:
      g_value_set_int64 (value, self->logo_media_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_brand_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DeskBrand *self = DESK_BRAND (object);

  switch (prop_id)
    {
    case PROP_ID:
      desk_brand_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      desk_brand_set_name (self, g_value_get_string (value));
      break;

    case PROP_PALETTE:
      desk_brand_set_palette (self, g_value_get_string (value));
      break;

    case PROP_CHARTER:
      desk_brand_set_charter (self, g_value_get_string (value));
      break;

    case PROP_TIMEZONE:
      desk_brand_set_timezone (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      desk_brand_set_language (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVED:
      desk_brand_set_archived (self, g_value_get_boolean (value));
      break;

    case PROP_LOGO_MEDIA_ID:
      desk_brand_set_logo_media_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_brand_class_init (DeskBrandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = desk_brand_finalize;
  object_class->get_property = desk_brand_get_property;
  object_class->set_property = desk_brand_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_PALETTE] =
    g_param_spec_string ("palette", NULL, NULL, NULL, rw);
  properties[PROP_CHARTER] =
    g_param_spec_string ("charter", NULL, NULL, NULL, rw);
  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL, rw);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, rw);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, rw);
  properties[PROP_LOGO_MEDIA_ID] =
    g_param_spec_int64 ("logo-media-id", NULL, NULL, 0, G_MAXINT64, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_brand_init (DeskBrand *self)
{
}

gint64
desk_brand_get_id (DeskBrand *self)
{
  g_return_val_if_fail (DESK_IS_BRAND (self), 0);

  return self->id;
}

void
desk_brand_set_id (DeskBrand *self,
                  gint64 value)
{
  g_return_if_fail (DESK_IS_BRAND (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
desk_brand_get_name (DeskBrand *self)
{
  g_return_val_if_fail (DESK_IS_BRAND (self), 0);

  return self->name;
}

void
desk_brand_set_name (DeskBrand *self,
                    const char *value)
{
  g_return_if_fail (DESK_IS_BRAND (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
desk_brand_get_palette (DeskBrand *self)
{
  g_return_val_if_fail (DESK_IS_BRAND (self), 0);

  return self->palette;
}

void
desk_brand_set_palette (DeskBrand *self,
                       const char *value)
{
  g_return_if_fail (DESK_IS_BRAND (self));

  if (g_strcmp0 (self->palette, value) == 0)
    return;
  g_free (self->palette);
  self->palette = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PALETTE]);
}

const char *
desk_brand_get_charter (DeskBrand *self)
{
  g_return_val_if_fail (DESK_IS_BRAND (self), 0);

  return self->charter;
}

void
desk_brand_set_charter (DeskBrand *self,
                       const char *value)
{
  g_return_if_fail (DESK_IS_BRAND (self));

  if (g_strcmp0 (self->charter, value) == 0)
    return;
  g_free (self->charter);
  self->charter = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHARTER]);
}

/* The brand's timezone (an IANA identifier such as "Europe/Paris"); empty
 * or NULL: the system's */
const char *
desk_brand_get_timezone (DeskBrand *self)
{
  g_return_val_if_fail (DESK_IS_BRAND (self), NULL);

  return self->timezone;
}

void
desk_brand_set_timezone (DeskBrand  *self,
                         const char *value)
{
  g_return_if_fail (DESK_IS_BRAND (self));

  if (g_strcmp0 (self->timezone, value) == 0)
    return;
  g_free (self->timezone);
  self->timezone = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}

/* The language of the brand's posts ("fr", "en"…): whose dictionary the
 * checks try first */
const char *
desk_brand_get_language (DeskBrand *self)
{
  g_return_val_if_fail (DESK_IS_BRAND (self), NULL);

  return self->language;
}

void
desk_brand_set_language (DeskBrand  *self,
                         const char *value)
{
  g_return_if_fail (DESK_IS_BRAND (self));

  if (g_strcmp0 (self->language, value) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* An archived brand is hidden from the brand switcher, never deleted */
gboolean
desk_brand_get_archived (DeskBrand *self)
{
  g_return_val_if_fail (DESK_IS_BRAND (self), FALSE);

  return self->archived;
}

void
desk_brand_set_archived (DeskBrand *self,
                         gboolean   value)
{
  g_return_if_fail (DESK_IS_BRAND (self));

  value = !!value;
  if (self->archived == value)
    return;
  self->archived = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

/* The brand's logo: an image of the workspace's media (0: none) */
gint64
desk_brand_get_logo_media_id (DeskBrand *self)
{
  g_return_val_if_fail (DESK_IS_BRAND (self), 0);

  return self->logo_media_id;
}

void
desk_brand_set_logo_media_id (DeskBrand *self,
                              gint64     value)
{
  g_return_if_fail (DESK_IS_BRAND (self));

  if (self->logo_media_id == value)
    return;
  self->logo_media_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO_MEDIA_ID]);
}
