/* desk-notification.c: one item of the unified inbox
 *
 * Plain data object: every field is a property that notifies when it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-notification"

#include "config.h"

#include "desk-enum-types.h"
#include "desk-notification.h"

struct _DeskNotification
{
  GObject parent_instance;

  gint64 id;
  gint64 channel_id;
  char *remote_id;
  DeskNotificationKind kind;
  char *author;
  char *text;
  char *url;
  GDateTime *created_at;
  gboolean read;
  gboolean starred;
  DeskNotificationStatus status;
  gint priority;
  char *assignee;
};

G_DEFINE_FINAL_TYPE (DeskNotification, desk_notification, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHANNEL_ID,
  PROP_REMOTE_ID,
  PROP_KIND,
  PROP_AUTHOR,
  PROP_TEXT,
  PROP_URL,
  PROP_CREATED_AT,
  PROP_READ,
  PROP_STARRED,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_ASSIGNEE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_notification_finalize (GObject *object)
{
  DeskNotification *self = (DeskNotification *) object;

  g_clear_pointer (&self->remote_id, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->assignee, g_free);

  G_OBJECT_CLASS (desk_notification_parent_class)->finalize (object);
}

static void
desk_notification_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskNotification *self = DESK_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CHANNEL_ID:
      g_value_set_int64 (value, self->channel_id);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;

    case PROP_STARRED:
      g_value_set_boolean (value, self->starred);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PRIORITY:
      g_value_set_int (value, self->priority);
      break;

    case PROP_ASSIGNEE:
      g_value_set_string (value, self->assignee);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_notification_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DeskNotification *self = DESK_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      desk_notification_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CHANNEL_ID:
      desk_notification_set_channel_id (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_ID:
      desk_notification_set_remote_id (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      desk_notification_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_AUTHOR:
      desk_notification_set_author (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      desk_notification_set_text (self, g_value_get_string (value));
      break;

    case PROP_URL:
      desk_notification_set_url (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      desk_notification_set_created_at (self, g_value_get_boxed (value));
      break;

    case PROP_READ:
      desk_notification_set_read (self, g_value_get_boolean (value));
      break;

    case PROP_STARRED:
      desk_notification_set_starred (self, g_value_get_boolean (value));
      break;

    case PROP_STATUS:
      desk_notification_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PRIORITY:
      desk_notification_set_priority (self, g_value_get_int (value));
      break;

    case PROP_ASSIGNEE:
      desk_notification_set_assignee (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_notification_class_init (DeskNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = desk_notification_finalize;
  object_class->get_property = desk_notification_get_property;
  object_class->set_property = desk_notification_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CHANNEL_ID] =
    g_param_spec_int64 ("channel-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL, rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, DESK_TYPE_NOTIFICATION_KIND, DESK_NOTIFICATION_KIND_MENTION, rw);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, rw);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE, rw);
  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL, FALSE, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, DESK_TYPE_NOTIFICATION_STATUS, DESK_NOTIFICATION_STATUS_NEW, rw);
  properties[PROP_PRIORITY] =
    g_param_spec_int ("priority", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_ASSIGNEE] =
    g_param_spec_string ("assignee", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_notification_init (DeskNotification *self)
{
}

gint64
desk_notification_get_id (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->id;
}

void
desk_notification_set_id (DeskNotification *self,
                         gint64 value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
desk_notification_get_channel_id (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->channel_id;
}

void
desk_notification_set_channel_id (DeskNotification *self,
                                 gint64 value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->channel_id == value)
    return;
  self->channel_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL_ID]);
}

const char *
desk_notification_get_remote_id (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->remote_id;
}

void
desk_notification_set_remote_id (DeskNotification *self,
                                const char *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->remote_id, value) == 0)
    return;
  g_free (self->remote_id);
  self->remote_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
}

DeskNotificationKind
desk_notification_get_kind (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->kind;
}

void
desk_notification_set_kind (DeskNotification *self,
                           DeskNotificationKind value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->kind == value)
    return;
  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
desk_notification_get_author (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->author;
}

void
desk_notification_set_author (DeskNotification *self,
                             const char *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->author, value) == 0)
    return;
  g_free (self->author);
  self->author = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
desk_notification_get_text (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->text;
}

void
desk_notification_set_text (DeskNotification *self,
                           const char *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->text, value) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
desk_notification_get_url (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->url;
}

void
desk_notification_set_url (DeskNotification *self,
                          const char *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->url, value) == 0)
    return;
  g_free (self->url);
  self->url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

GDateTime *
desk_notification_get_created_at (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->created_at;
}

void
desk_notification_set_created_at (DeskNotification *self,
                                 GDateTime *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (!((self->created_at == NULL && value == NULL) ||
        (self->created_at != NULL && value != NULL && g_date_time_equal (self->created_at, value))))
    {
      g_clear_pointer (&self->created_at, g_date_time_unref);
      self->created_at = value ? g_date_time_ref (value) : NULL;
    }
  else
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gboolean
desk_notification_get_read (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->read;
}

void
desk_notification_set_read (DeskNotification *self,
                           gboolean value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->read == value)
    return;
  self->read = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

gboolean
desk_notification_get_starred (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->starred;
}

void
desk_notification_set_starred (DeskNotification *self,
                              gboolean value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->starred == value)
    return;
  self->starred = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
}

DeskNotificationStatus
desk_notification_get_status (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->status;
}

void
desk_notification_set_status (DeskNotification *self,
                             DeskNotificationStatus value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->status == value)
    return;
  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint
desk_notification_get_priority (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->priority;
}

void
desk_notification_set_priority (DeskNotification *self,
                               gint value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->priority == value)
    return;
  self->priority = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
}

const char *
desk_notification_get_assignee (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->assignee;
}

void
desk_notification_set_assignee (DeskNotification *self,
                               const char *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->assignee, value) == 0)
    return;
  g_free (self->assignee);
  self->assignee = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNEE]);
}
