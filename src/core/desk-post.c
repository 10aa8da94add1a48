/* desk-post.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-post"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "desk-enum-types.h"
#include "desk-post-private.h"

struct _DeskPost
{
  GObject         parent_instance;

  gint64          id;
  gint64          brand_id;
  char           *title;
  char           *body;
  DeskPostStatus  status;
  GDateTime      *scheduled_at;
  gint64          campaign_id;
  char           *pillar;
  char           *notes;
  GDateTime      *created_at;
  GDateTime      *updated_at;
  GArray         *channel_ids;
  guint           revision;     /* counts changes: views skip unchanged posts */
};

G_DEFINE_FINAL_TYPE (DeskPost, desk_post, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BRAND_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_STATUS,
  PROP_SCHEDULED_AT,
  PROP_CAMPAIGN_ID,
  PROP_PILLAR,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_CHANNELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (DeskPost    *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static gboolean
set_datetime (DeskPost   *self,
              GDateTime **field,
              GDateTime  *value,
              guint       prop)
{
  g_autoptr(GDateTime) utc = NULL;

  /* Kept in UTC; a time already in UTC is shared, not copied. */
  if (value != NULL)
    utc = g_date_time_get_utc_offset (value) == 0 ? g_date_time_ref (value) : g_date_time_to_utc (value);

  if (*field == NULL && utc == NULL)
    return FALSE;
  if (*field != NULL && utc != NULL && g_date_time_equal (*field, utc))
    return FALSE;
  g_clear_pointer (field, g_date_time_unref);
  *field = g_steal_pointer (&utc);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
set_int64 (DeskPost *self,
           gint64   *field,
           gint64    value,
           guint     prop)
{
  if (*field == value)
    return;
  *field = value;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
desk_post_finalize (GObject *object)
{
  DeskPost *self = (DeskPost *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->pillar, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->scheduled_at, g_date_time_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->channel_ids, g_array_unref);

  G_OBJECT_CLASS (desk_post_parent_class)->finalize (object);
}

static void
desk_post_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DeskPost *self = DESK_POST (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_BRAND_ID: g_value_set_int64 (value, self->brand_id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_BODY: g_value_set_string (value, self->body); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_SCHEDULED_AT: g_value_set_boxed (value, self->scheduled_at); break;
    case PROP_CAMPAIGN_ID: g_value_set_int64 (value, self->campaign_id); break;
    case PROP_PILLAR: g_value_set_string (value, self->pillar); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_CREATED_AT: g_value_set_boxed (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_boxed (value, self->updated_at); break;
    case PROP_CHANNELS: g_value_set_uint (value, self->channel_ids->len); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_post_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DeskPost *self = DESK_POST (object);

  switch (prop_id)
    {
    case PROP_ID: desk_post_set_id (self, g_value_get_int64 (value)); break;
    case PROP_BRAND_ID: desk_post_set_brand_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE: desk_post_set_title (self, g_value_get_string (value)); break;
    case PROP_BODY: desk_post_set_body (self, g_value_get_string (value)); break;
    case PROP_STATUS: desk_post_set_status (self, g_value_get_enum (value)); break;
    case PROP_SCHEDULED_AT: desk_post_set_scheduled_at (self, g_value_get_boxed (value)); break;
    case PROP_CAMPAIGN_ID: desk_post_set_campaign_id (self, g_value_get_int64 (value)); break;
    case PROP_PILLAR: desk_post_set_pillar (self, g_value_get_string (value)); break;
    case PROP_NOTES: desk_post_set_notes (self, g_value_get_string (value)); break;
    case PROP_CREATED_AT: desk_post_set_created_at (self, g_value_get_boxed (value)); break;
    case PROP_UPDATED_AT: desk_post_set_updated_at (self, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_post_class_init (DeskPostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = desk_post_finalize;
  object_class->get_property = desk_post_get_property;
  object_class->set_property = desk_post_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BRAND_ID] = g_param_spec_int64 ("brand-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, DESK_TYPE_POST_STATUS,
                                               DESK_POST_STATUS_DRAFT, rw);
  properties[PROP_SCHEDULED_AT] = g_param_spec_boxed ("scheduled-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_CAMPAIGN_ID] = g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PILLAR] = g_param_spec_string ("pillar", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_UPDATED_AT] = g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_CHANNELS] = g_param_spec_uint ("n-channels", NULL, NULL, 0, G_MAXUINT, 0,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_post_init (DeskPost *self)
{
  self->status = DESK_POST_STATUS_DRAFT;
  self->channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

DeskPost *
desk_post_new (void)
{
  return g_object_new (DESK_TYPE_POST, NULL);
}

DeskPost *
_desk_post_new_full (gint64          id,
                     gint64          brand_id,
                     const char     *title,
                     const char     *body,
                     DeskPostStatus  status,
                     GDateTime      *scheduled_at,
                     gint64          campaign_id,
                     const char     *pillar,
                     const char     *notes,
                     GDateTime      *created_at,
                     GDateTime      *updated_at,
                     GArray         *channel_ids)
{
  DeskPost *self = desk_post_new ();

  self->id = id;
  self->brand_id = brand_id;
  self->title = g_strdup (title);
  self->body = g_strdup (body);
  self->status = status <= DESK_POST_STATUS_LAST ? status : DESK_POST_STATUS_DRAFT;
  self->scheduled_at = scheduled_at;
  self->campaign_id = campaign_id;
  self->pillar = g_strdup (pillar);
  self->notes = g_strdup (notes);
  self->created_at = created_at;
  self->updated_at = updated_at;
  g_array_unref (self->channel_ids);
  self->channel_ids = channel_ids;
  return self;
}

void
_desk_post_append_channel (DeskPost *self,
                           gint64    channel_id)
{
  g_array_append_val (self->channel_ids, channel_id);
  self->revision++;
}

/**
 * desk_post_get_revision:
 *
 * Returns: a number that changes whenever a field of the post does (the
 * same number means the same post, field for field)
 */
guint
desk_post_get_revision (DeskPost *self)
{
  g_return_val_if_fail (DESK_IS_POST (self), 0);
  return self->revision;
}

/**
 * desk_post_copy:
 *
 * Returns: (transfer full): a detached copy with the same id, to edit
 * without touching the object the views show until the store saves it.
 */
DeskPost *
desk_post_copy (DeskPost *self)
{
  DeskPost *copy;

  g_return_val_if_fail (DESK_IS_POST (self), NULL);

  copy = desk_post_new ();
  desk_post_assign (copy, self);
  return copy;
}

static gint
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

/**
 * desk_post_assign:
 *
 * Copies every field of @from into @self, notifying only what changed.
 */
void
desk_post_assign (DeskPost *self,
                  DeskPost *from)
{
  g_return_if_fail (DESK_IS_POST (self));
  g_return_if_fail (DESK_IS_POST (from));

  g_object_freeze_notify (G_OBJECT (self));
  desk_post_set_id (self, from->id);
  desk_post_set_brand_id (self, from->brand_id);
  desk_post_set_title (self, from->title);
  desk_post_set_body (self, from->body);
  desk_post_set_status (self, from->status);
  desk_post_set_scheduled_at (self, from->scheduled_at);
  desk_post_set_campaign_id (self, from->campaign_id);
  desk_post_set_pillar (self, from->pillar);
  desk_post_set_notes (self, from->notes);
  desk_post_set_created_at (self, from->created_at);
  desk_post_set_updated_at (self, from->updated_at);
  desk_post_set_channel_ids (self, (const gint64 *) (gpointer) from->channel_ids->data,
                             from->channel_ids->len);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64 desk_post_get_id (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), 0); return self->id; }
gint64 desk_post_get_brand_id (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), 0); return self->brand_id; }
const char *desk_post_get_title (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), NULL); return self->title; }
const char *desk_post_get_body (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), NULL); return self->body; }
DeskPostStatus desk_post_get_status (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), 0); return self->status; }
GDateTime *desk_post_get_scheduled_at (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), NULL); return self->scheduled_at; }
gint64 desk_post_get_campaign_id (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), 0); return self->campaign_id; }
const char *desk_post_get_pillar (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), NULL); return self->pillar; }
const char *desk_post_get_notes (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), NULL); return self->notes; }
GDateTime *desk_post_get_created_at (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), NULL); return self->created_at; }
GDateTime *desk_post_get_updated_at (DeskPost *self) { g_return_val_if_fail (DESK_IS_POST (self), NULL); return self->updated_at; }

void desk_post_set_id (DeskPost *self, gint64 v) { g_return_if_fail (DESK_IS_POST (self)); set_int64 (self, &self->id, v, PROP_ID); }
void desk_post_set_brand_id (DeskPost *self, gint64 v) { g_return_if_fail (DESK_IS_POST (self)); set_int64 (self, &self->brand_id, v, PROP_BRAND_ID); }
void desk_post_set_campaign_id (DeskPost *self, gint64 v) { g_return_if_fail (DESK_IS_POST (self)); set_int64 (self, &self->campaign_id, v, PROP_CAMPAIGN_ID); }
void desk_post_set_title (DeskPost *self, const char *v) { g_return_if_fail (DESK_IS_POST (self)); set_string (self, &self->title, v, PROP_TITLE); }
void desk_post_set_body (DeskPost *self, const char *v) { g_return_if_fail (DESK_IS_POST (self)); set_string (self, &self->body, v, PROP_BODY); }
void desk_post_set_pillar (DeskPost *self, const char *v) { g_return_if_fail (DESK_IS_POST (self)); set_string (self, &self->pillar, v, PROP_PILLAR); }
void desk_post_set_notes (DeskPost *self, const char *v) { g_return_if_fail (DESK_IS_POST (self)); set_string (self, &self->notes, v, PROP_NOTES); }
void desk_post_set_scheduled_at (DeskPost *self, GDateTime *v) { g_return_if_fail (DESK_IS_POST (self)); set_datetime (self, &self->scheduled_at, v, PROP_SCHEDULED_AT); }
void desk_post_set_created_at (DeskPost *self, GDateTime *v) { g_return_if_fail (DESK_IS_POST (self)); set_datetime (self, &self->created_at, v, PROP_CREATED_AT); }
void desk_post_set_updated_at (DeskPost *self, GDateTime *v) { g_return_if_fail (DESK_IS_POST (self)); set_datetime (self, &self->updated_at, v, PROP_UPDATED_AT); }

void
desk_post_set_status (DeskPost       *self,
                      DeskPostStatus  status)
{
  g_return_if_fail (DESK_IS_POST (self));
  g_return_if_fail (status <= DESK_POST_STATUS_LAST);

  if (self->status == status)
    return;
  self->status = status;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const gint64 *
desk_post_get_channel_ids (DeskPost *self,
                           guint    *n_channels)
{
  g_return_val_if_fail (DESK_IS_POST (self), NULL);

  if (n_channels)
    *n_channels = self->channel_ids->len;
  return (const gint64 *) (gpointer) self->channel_ids->data;
}

/* Channels are kept sorted and unique, so that two posts with the same
 * targets compare equal whatever order the user ticked them in. */
void
desk_post_set_channel_ids (DeskPost     *self,
                           const gint64 *ids,
                           guint         n_channels)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (DESK_IS_POST (self));

  for (guint i = 0; i < n_channels; i++)
    g_array_append_val (sorted, ids[i]);
  g_array_sort (sorted, compare_int64);
  for (guint i = 1; i < sorted->len;)
    {
      if (g_array_index (sorted, gint64, i) == g_array_index (sorted, gint64, i - 1))
        g_array_remove_index (sorted, i);
      else
        i++;
    }

  /* An empty GArray's data may be NULL, which memcmp () must not be given */
  if (sorted->len == self->channel_ids->len &&
      (sorted->len == 0 || memcmp (sorted->data, self->channel_ids->data, sorted->len * sizeof (gint64)) == 0))
    return;

  g_array_unref (self->channel_ids);
  self->channel_ids = g_steal_pointer (&sorted);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNELS]);
}

gboolean
desk_post_has_channel (DeskPost *self,
                       gint64    channel_id)
{
  g_return_val_if_fail (DESK_IS_POST (self), FALSE);

  for (guint i = 0; i < self->channel_ids->len; i++)
    if (g_array_index (self->channel_ids, gint64, i) == channel_id)
      return TRUE;
  return FALSE;
}

/**
 * desk_post_dup_display_title:
 *
 * Returns: the title, or the first words of the body, or "Untitled post".
 */
char *
desk_post_dup_display_title (DeskPost *self)
{
  g_return_val_if_fail (DESK_IS_POST (self), NULL);

  if (self->title != NULL && self->title[0] != '\0')
    return g_strdup (self->title);

  if (self->body != NULL && self->body[0] != '\0')
    {
      g_autofree char *line = NULL;
      const char *nl = strchr (self->body, '\n');
      glong len;

      line = nl ? g_strndup (self->body, nl - self->body) : g_strdup (self->body);
      len = g_utf8_strlen (line, -1);
      if (len > 40)
        {
          char *cut = g_utf8_offset_to_pointer (line, 40);
          *cut = '\0';
          return g_strconcat (g_strchomp (line), "…", NULL);
        }
      return g_steal_pointer (&line);
    }

  return g_strdup (_("Untitled post"));
}

/* Orders by scheduled time (unscheduled last), then by id. */
gint
desk_post_compare_schedule (gconstpointer a,
                            gconstpointer b)
{
  DeskPost *pa = (DeskPost *) a, *pb = (DeskPost *) b;

  if (pa->scheduled_at != NULL && pb->scheduled_at != NULL)
    {
      gint c = g_date_time_compare (pa->scheduled_at, pb->scheduled_at);
      if (c != 0)
        return c;
    }
  else if (pa->scheduled_at != NULL)
    return -1;
  else if (pb->scheduled_at != NULL)
    return 1;

  return pa->id < pb->id ? -1 : pa->id > pb->id;
}
