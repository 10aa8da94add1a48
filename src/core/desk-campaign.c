/* desk-campaign.c: a campaign with its dates and objective
 *
 * Plain data object: every field is a property that notifies when it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-campaign"

#include "config.h"

#include "desk-enum-types.h"
#include "desk-campaign.h"

struct _DeskCampaign
{
  GObject parent_instance;

  gint64 id;
  gint64 brand_id;
  char *name;
  char *colour;
  GDateTime *starts_on;
  GDateTime *ends_on;
  char *objective_kpi;
  double objective_target;
  GDateTime *deadline;
};

G_DEFINE_FINAL_TYPE (DeskCampaign, desk_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BRAND_ID,
  PROP_NAME,
  PROP_COLOUR,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_OBJECTIVE_KPI,
  PROP_OBJECTIVE_TARGET,
  PROP_DEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_campaign_finalize (GObject *object)
{
  DeskCampaign *self = (DeskCampaign *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->colour, g_free);
  g_clear_pointer (&self->starts_on, g_date_time_unref);
  g_clear_pointer (&self->ends_on, g_date_time_unref);
  g_clear_pointer (&self->objective_kpi, g_free);
  g_clear_pointer (&self->deadline, g_date_time_unref);

  G_OBJECT_CLASS (desk_campaign_parent_class)->finalize (object);
}

static void
desk_campaign_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskCampaign *self = DESK_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_BRAND_ID:
      g_value_set_int64 (value, self->brand_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;

    case PROP_STARTS_ON:
      g_value_set_boxed (value, self->starts_on);
      break;

    case PROP_ENDS_ON:
      g_value_set_boxed (value, self->ends_on);
      break;

    case PROP_OBJECTIVE_KPI:
      g_value_set_string (value, self->objective_kpi);
      break;

    case PROP_OBJECTIVE_TARGET:
      g_value_set_double (value, self->objective_target);
      break;

    case PROP_DEADLINE:
      g_value_set_boxed (value, self->deadline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_campaign_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DeskCampaign *self = DESK_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      desk_campaign_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_BRAND_ID:
      desk_campaign_set_brand_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      desk_campaign_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOUR:
      desk_campaign_set_colour (self, g_value_get_string (value));
      break;

    case PROP_STARTS_ON:
      desk_campaign_set_starts_on (self, g_value_get_boxed (value));
      break;

    case PROP_ENDS_ON:
      desk_campaign_set_ends_on (self, g_value_get_boxed (value));
      break;

    case PROP_OBJECTIVE_KPI:
      desk_campaign_set_objective_kpi (self, g_value_get_string (value));
      break;

    case PROP_OBJECTIVE_TARGET:
      desk_campaign_set_objective_target (self, g_value_get_double (value));
      break;

    case PROP_DEADLINE:
      desk_campaign_set_deadline (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_campaign_class_init (DeskCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = desk_campaign_finalize;
  object_class->get_property = desk_campaign_get_property;
  object_class->set_property = desk_campaign_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BRAND_ID] =
    g_param_spec_int64 ("brand-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL, rw);
  properties[PROP_STARTS_ON] =
    g_param_spec_boxed ("starts-on", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_ENDS_ON] =
    g_param_spec_boxed ("ends-on", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_OBJECTIVE_KPI] =
    g_param_spec_string ("objective-kpi", NULL, NULL, NULL, rw);
  properties[PROP_OBJECTIVE_TARGET] =
    g_param_spec_double ("objective-target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_DEADLINE] =
    g_param_spec_boxed ("deadline", NULL, NULL, G_TYPE_DATE_TIME, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_campaign_init (DeskCampaign *self)
{
}

gint64
desk_campaign_get_id (DeskCampaign *self)
{
  g_return_val_if_fail (DESK_IS_CAMPAIGN (self), 0);

  return self->id;
}

void
desk_campaign_set_id (DeskCampaign *self,
                     gint64 value)
{
  g_return_if_fail (DESK_IS_CAMPAIGN (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
desk_campaign_get_brand_id (DeskCampaign *self)
{
  g_return_val_if_fail (DESK_IS_CAMPAIGN (self), 0);

  return self->brand_id;
}

void
desk_campaign_set_brand_id (DeskCampaign *self,
                           gint64 value)
{
  g_return_if_fail (DESK_IS_CAMPAIGN (self));

  if (self->brand_id == value)
    return;
  self->brand_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRAND_ID]);
}

const char *
desk_campaign_get_name (DeskCampaign *self)
{
  g_return_val_if_fail (DESK_IS_CAMPAIGN (self), 0);

  return self->name;
}

void
desk_campaign_set_name (DeskCampaign *self,
                       const char *value)
{
  g_return_if_fail (DESK_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
desk_campaign_get_colour (DeskCampaign *self)
{
  g_return_val_if_fail (DESK_IS_CAMPAIGN (self), 0);

  return self->colour;
}

void
desk_campaign_set_colour (DeskCampaign *self,
                         const char *value)
{
  g_return_if_fail (DESK_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->colour, value) == 0)
    return;
  g_free (self->colour);
  self->colour = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}

GDateTime *
desk_campaign_get_starts_on (DeskCampaign *self)
{
  g_return_val_if_fail (DESK_IS_CAMPAIGN (self), 0);

  return self->starts_on;
}

void
desk_campaign_set_starts_on (DeskCampaign *self,
                            GDateTime *value)
{
  g_return_if_fail (DESK_IS_CAMPAIGN (self));

  if (!((self->starts_on == NULL && value == NULL) ||
        (self->starts_on != NULL && value != NULL && g_date_time_equal (self->starts_on, value))))
    {
      g_clear_pointer (&self->starts_on, g_date_time_unref);
      self->starts_on = value ? g_date_time_ref (value) : NULL;
    }
  else
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_ON]);
}

GDateTime *
desk_campaign_get_ends_on (DeskCampaign *self)
{
  g_return_val_if_fail (DESK_IS_CAMPAIGN (self), 0);

  return self->ends_on;
}

void
desk_campaign_set_ends_on (DeskCampaign *self,
                          GDateTime *value)
{
  g_return_if_fail (DESK_IS_CAMPAIGN (self));

  if (!((self->ends_on == NULL && value == NULL) ||
        (self->ends_on != NULL && value != NULL && g_date_time_equal (self->ends_on, value))))
    {
      g_clear_pointer (&self->ends_on, g_date_time_unref);
      self->ends_on = value ? g_date_time_ref (value) : NULL;
    }
  else
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS_ON]);
}

const char *
desk_campaign_get_objective_kpi (DeskCampaign *self)
{
  g_return_val_if_fail (DESK_IS_CAMPAIGN (self), 0);

  return self->objective_kpi;
}

void
desk_campaign_set_objective_kpi (DeskCampaign *self,
                                const char *value)
{
  g_return_if_fail (DESK_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->objective_kpi, value) == 0)
    return;
  g_free (self->objective_kpi);
  self->objective_kpi = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECTIVE_KPI]);
}

double
desk_campaign_get_objective_target (DeskCampaign *self)
{
  g_return_val_if_fail (DESK_IS_CAMPAIGN (self), 0);

  return self->objective_target;
}

void
desk_campaign_set_objective_target (DeskCampaign *self,
                                   double value)
{
  g_return_if_fail (DESK_IS_CAMPAIGN (self));

  if (self->objective_target == value)
    return;
  self->objective_target = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECTIVE_TARGET]);
}

GDateTime *
desk_campaign_get_deadline (DeskCampaign *self)
{
  g_return_val_if_fail (DESK_IS_CAMPAIGN (self), 0);

  return self->deadline;
}

void
desk_campaign_set_deadline (DeskCampaign *self,
                           GDateTime *value)
{
  g_return_if_fail (DESK_IS_CAMPAIGN (self));

  if (!((self->deadline == NULL && value == NULL) ||
        (self->deadline != NULL && value != NULL && g_date_time_equal (self->deadline, value))))
    {
      g_clear_pointer (&self->deadline, g_date_time_unref);
      self->deadline = value ? g_date_time_ref (value) : NULL;
    }
  else
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}
