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
  char *handle;
  char *in_reply_to;
  char *subject;
  gint64 campaign_id;
  DeskModerationFlag flag;
  gboolean hidden;
  double tone;
  char *note;
  guint group_count;
  char *status_id;
  char *status_cid;
  char *root_id;
  char *root_cid;
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
  PROP_HANDLE,
  PROP_IN_REPLY_TO,
  PROP_SUBJECT,
  PROP_CAMPAIGN_ID,
  PROP_FLAG,
  PROP_HIDDEN,
  PROP_TONE,
  PROP_NOTE,
  PROP_GROUP_COUNT,
  PROP_STATUS_ID,
  PROP_STATUS_CID,
  PROP_ROOT_ID,
  PROP_ROOT_CID,
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
  g_clear_pointer (&self->handle, g_free);
  g_clear_pointer (&self->in_reply_to, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->status_id, g_free);
  g_clear_pointer (&self->status_cid, g_free);
  g_clear_pointer (&self->root_id, g_free);
  g_clear_pointer (&self->root_cid, g_free);

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

    case PROP_HANDLE:
      g_value_set_string (value, self->handle);
      break;

    case PROP_IN_REPLY_TO:
      g_value_set_string (value, self->in_reply_to);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_CAMPAIGN_ID:
      g_value_set_int64 (value, self->campaign_id);
      break;

    case PROP_FLAG:
      g_value_set_enum (value, self->flag);
      break;

    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;

    case PROP_TONE:
      g_value_set_double (value, self->tone);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_GROUP_COUNT:
      g_value_set_uint (value, self->group_count);
      break;

    case PROP_STATUS_ID:
      g_value_set_string (value, self->status_id);
      break;

    case PROP_STATUS_CID:
      g_value_set_string (value, self->status_cid);
      break;

    case PROP_ROOT_ID:
      g_value_set_string (value, self->root_id);
      break;

    case PROP_ROOT_CID:
      g_value_set_string (value, self->root_cid);
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

    case PROP_HANDLE:
      desk_notification_set_handle (self, g_value_get_string (value));
      break;

    case PROP_IN_REPLY_TO:
      desk_notification_set_in_reply_to (self, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      desk_notification_set_subject (self, g_value_get_string (value));
      break;

    case PROP_CAMPAIGN_ID:
      desk_notification_set_campaign_id (self, g_value_get_int64 (value));
      break;

    case PROP_FLAG:
      desk_notification_set_flag (self, g_value_get_enum (value));
      break;

    case PROP_HIDDEN:
      desk_notification_set_hidden (self, g_value_get_boolean (value));
      break;

    case PROP_TONE:
      desk_notification_set_tone (self, g_value_get_double (value));
      break;

    case PROP_NOTE:
      desk_notification_set_note (self, g_value_get_string (value));
      break;

    case PROP_GROUP_COUNT:
      desk_notification_set_group_count (self, g_value_get_uint (value));
      break;

    case PROP_STATUS_ID:
      desk_notification_set_status_id (self, g_value_get_string (value));
      break;

    case PROP_STATUS_CID:
      desk_notification_set_status_cid (self, g_value_get_string (value));
      break;

    case PROP_ROOT_ID:
      desk_notification_set_root_id (self, g_value_get_string (value));
      break;

    case PROP_ROOT_CID:
      desk_notification_set_root_cid (self, g_value_get_string (value));
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
    g_param_spec_enum ("status", NULL, NULL, DESK_TYPE_NOTIFICATION_STATUS, DESK_NOTIFICATION_STATUS_OPEN, rw);
  properties[PROP_PRIORITY] =
    g_param_spec_int ("priority", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_ASSIGNEE] =
    g_param_spec_string ("assignee", NULL, NULL, NULL, rw);
  properties[PROP_HANDLE] =
    g_param_spec_string ("handle", NULL, NULL, NULL, rw);
  properties[PROP_IN_REPLY_TO] =
    g_param_spec_string ("in-reply-to", NULL, NULL, NULL, rw);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL, rw);
  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FLAG] =
    g_param_spec_enum ("flag", NULL, NULL, DESK_TYPE_MODERATION_FLAG, DESK_MODERATION_FLAG_NONE, rw);
  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL, FALSE, rw);
  /* The negative-tone score (desk-tone.h) */
  properties[PROP_TONE] =
    g_param_spec_double ("tone", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, rw);
  /* The team's internal note: local, never sent */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, rw);
  /* How many items the inbox shows as this one: likes, follows and
   * reposts of one subject, grouped (desk-inbox-order.h); 1 otherwise */
  properties[PROP_GROUP_COUNT] =
    g_param_spec_uint ("group-count", NULL, NULL, 1, G_MAXUINT, 1, rw);
  /* The post on its network that the notification is (a mention, a reply,
   * a DM, a quote): what a reply answers. Mastodon: the status id;
   * Bluesky: the post's at:// URI and its CID */
  properties[PROP_STATUS_ID] =
    g_param_spec_string ("status-id", NULL, NULL, NULL, rw);
  properties[PROP_STATUS_CID] =
    g_param_spec_string ("status-cid", NULL, NULL, NULL, rw);
  /* Bluesky: the root of that post's thread (the post itself when it
   * answers nothing), which a reply names beside its parent */
  properties[PROP_ROOT_ID] =
    g_param_spec_string ("root-id", NULL, NULL, NULL, rw);
  properties[PROP_ROOT_CID] =
    g_param_spec_string ("root-cid", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_notification_init (DeskNotification *self)
{
  self->group_count = 1;
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

const char *
desk_notification_get_handle (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->handle;
}

void
desk_notification_set_handle (DeskNotification *self,
                              const char *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->handle, value) == 0)
    return;
  g_free (self->handle);
  self->handle = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDLE]);
}

const char *
desk_notification_get_in_reply_to (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->in_reply_to;
}

void
desk_notification_set_in_reply_to (DeskNotification *self,
                                   const char *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->in_reply_to, value) == 0)
    return;
  g_free (self->in_reply_to);
  self->in_reply_to = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_REPLY_TO]);
}

const char *
desk_notification_get_subject (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->subject;
}

void
desk_notification_set_subject (DeskNotification *self,
                               const char *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->subject, value) == 0)
    return;
  g_free (self->subject);
  self->subject = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

gint64
desk_notification_get_campaign_id (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->campaign_id;
}

void
desk_notification_set_campaign_id (DeskNotification *self,
                                   gint64 value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->campaign_id == value)
    return;
  self->campaign_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN_ID]);
}

DeskModerationFlag
desk_notification_get_flag (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->flag;
}

void
desk_notification_set_flag (DeskNotification *self,
                            DeskModerationFlag value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->flag == value)
    return;
  self->flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAG]);
}

gboolean
desk_notification_get_hidden (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->hidden;
}

void
desk_notification_set_hidden (DeskNotification *self,
                              gboolean value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->hidden == value)
    return;
  self->hidden = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
}

double
desk_notification_get_tone (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->tone;
}

void
desk_notification_set_tone (DeskNotification *self,
                            double value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->tone == value)
    return;
  self->tone = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TONE]);
}

const char *
desk_notification_get_note (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->note;
}

void
desk_notification_set_note (DeskNotification *self,
                            const char *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->note, value) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

guint
desk_notification_get_group_count (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), 0);

  return self->group_count;
}

void
desk_notification_set_group_count (DeskNotification *self,
                                   guint value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (self->group_count == value)
    return;
  self->group_count = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_COUNT]);
}

const char *
desk_notification_get_status_id (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), NULL);

  return self->status_id;
}

void
desk_notification_set_status_id (DeskNotification *self,
                                 const char       *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->status_id, value) == 0)
    return;
  g_free (self->status_id);
  self->status_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_ID]);
}

const char *
desk_notification_get_status_cid (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), NULL);

  return self->status_cid;
}

void
desk_notification_set_status_cid (DeskNotification *self,
                                  const char       *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->status_cid, value) == 0)
    return;
  g_free (self->status_cid);
  self->status_cid = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_CID]);
}

const char *
desk_notification_get_root_id (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), NULL);

  return self->root_id;
}

void
desk_notification_set_root_id (DeskNotification *self,
                               const char       *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->root_id, value) == 0)
    return;
  g_free (self->root_id);
  self->root_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT_ID]);
}

const char *
desk_notification_get_root_cid (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), NULL);

  return self->root_cid;
}

void
desk_notification_set_root_cid (DeskNotification *self,
                                const char       *value)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));

  if (g_strcmp0 (self->root_cid, value) == 0)
    return;
  g_free (self->root_cid);
  self->root_cid = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT_CID]);
}

static const struct
{
  const char           *name;
  DeskNotificationKind  kind;
} kind_names[] = {
  /* The first of a kind is the name it is written with */
  { "dm",      DESK_NOTIFICATION_KIND_DIRECT_MESSAGE },
  { "mention", DESK_NOTIFICATION_KIND_MENTION },
  { "reply",   DESK_NOTIFICATION_KIND_REPLY },
  { "reply",   DESK_NOTIFICATION_KIND_COMMENT },    /* a blog's comment answers a post */
  { "quote",   DESK_NOTIFICATION_KIND_QUOTE },
  { "follow",  DESK_NOTIFICATION_KIND_FOLLOW },
  { "like",    DESK_NOTIFICATION_KIND_FAVOURITE },  /* Mastodon's favourite, Bluesky's like */
  { "repost",  DESK_NOTIFICATION_KIND_REPOST },     /* Mastodon's reblog (boost) */
};

const char *
desk_notification_kind_to_name (DeskNotificationKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].kind == kind)
      return kind_names[i].name;
  g_return_val_if_reached ("mention");
}

gboolean
desk_notification_kind_from_name (const char           *name,
                                  DeskNotificationKind *out)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (kind_names[i].name, name))
      {
        *out = kind_names[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* Likes, follows and reposts: shown grouped, never a question to answer */
gboolean
desk_notification_kind_is_grouped (DeskNotificationKind kind)
{
  return kind == DESK_NOTIFICATION_KIND_FAVOURITE || kind == DESK_NOTIFICATION_KIND_FOLLOW ||
         kind == DESK_NOTIFICATION_KIND_REPOST;
}

/* A message someone may expect an answer to: DMs, mentions, replies,
 * comments and quotes */
gboolean
desk_notification_is_conversation (DeskNotification *self)
{
  g_return_val_if_fail (DESK_IS_NOTIFICATION (self), FALSE);

  return !desk_notification_kind_is_grouped (self->kind);
}

/**
 * desk_notification_assign:
 * @other: the same notification, read again
 *
 * Gives @self the values of @other, saying only what changed: a list
 * that shows @self keeps its row and redraws what changed, if anything.
 */
void
desk_notification_assign (DeskNotification *self,
                          DeskNotification *other)
{
  g_return_if_fail (DESK_IS_NOTIFICATION (self));
  g_return_if_fail (DESK_IS_NOTIFICATION (other));

  if (self == other)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  desk_notification_set_id (self, other->id);
  desk_notification_set_channel_id (self, other->channel_id);
  desk_notification_set_remote_id (self, other->remote_id);
  desk_notification_set_kind (self, other->kind);
  desk_notification_set_author (self, other->author);
  desk_notification_set_text (self, other->text);
  desk_notification_set_url (self, other->url);
  desk_notification_set_created_at (self, other->created_at);
  desk_notification_set_read (self, other->read);
  desk_notification_set_starred (self, other->starred);
  desk_notification_set_status (self, other->status);
  desk_notification_set_priority (self, other->priority);
  desk_notification_set_assignee (self, other->assignee);
  desk_notification_set_handle (self, other->handle);
  desk_notification_set_in_reply_to (self, other->in_reply_to);
  desk_notification_set_subject (self, other->subject);
  desk_notification_set_campaign_id (self, other->campaign_id);
  desk_notification_set_flag (self, other->flag);
  desk_notification_set_hidden (self, other->hidden);
  desk_notification_set_tone (self, other->tone);
  desk_notification_set_note (self, other->note);
  desk_notification_set_group_count (self, other->group_count);
  desk_notification_set_status_id (self, other->status_id);
  desk_notification_set_status_cid (self, other->status_cid);
  desk_notification_set_root_id (self, other->root_id);
  desk_notification_set_root_cid (self, other->root_cid);
  g_object_thaw_notify (G_OBJECT (self));
}
