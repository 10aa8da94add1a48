/* desk-sync-service.c: the app's sync, on start, on a timer and on demand
 *
 * One run at a time: the outbox sends what is due, then the pull brings
 * notifications and followers in; a request during a run makes one more
 * run after it. Offline (GNetworkMonitor), nothing is tried: the sends
 * wait, "waiting" says how many, and the run happens when the network is
 * back. Everything is asynchronous: the window never waits for a server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-sync"

#include "config.h"

#include "desk-outbox.h"
#include "desk-pull.h"
#include "desk-sync-service-private.h"

struct _DeskSyncService
{
  GObject          parent_instance;

  DeskStore       *store;
  GNetworkMonitor *monitor;     /* (nullable): always online */
  DeskHttpClient  *client;
  DeskOutbox      *outbox;
  GCancellable    *cancellable;
  guint            timer_id;
  guint            remind_id;   /* every minute, offline too */
  gboolean         push_only;   /* this run sends what came due, no pull */
  gboolean         online;
  gboolean         running;
  gboolean         again;       /* asked for during a run */
  guint            waiting;
  char            *last_error;
};

G_DEFINE_FINAL_TYPE (DeskSyncService, desk_sync_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ONLINE,
  PROP_RUNNING,
  PROP_WAITING,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_FINISHED,
  SIGNAL_REMINDER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The sends not yet out: queued, sending, or to take back */
static void
count_waiting (DeskSyncService *self)
{
  g_autoptr(GPtrArray) items = desk_store_list_outbox (self->store, 0, NULL);
  guint waiting = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      DeskOutboxItem *item = g_ptr_array_index (items, i);

      waiting += !item->by_hand &&
                 (item->state == DESK_OUTBOX_STATE_QUEUED || item->state == DESK_OUTBOX_STATE_SENDING ||
                  item->state == DESK_OUTBOX_STATE_CANCELLING);
    }
  if (waiting != self->waiting)
    {
      self->waiting = waiting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
    }
}

static void
set_running (DeskSyncService *self,
             gboolean         running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_error (DeskSyncService *self,
           const char      *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
run_ended (DeskSyncService *self)
{
  self->push_only = FALSE;
  set_running (self, FALSE);
  count_waiting (self);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
  if (self->again)
    {
      self->again = FALSE;
      desk_sync_service_sync_now (self);
    }
}

static void
pulled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(DeskSyncService) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pulled = desk_pull_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pulled == NULL)
    set_error (self, error->message);
  run_ended (self);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(DeskSyncService) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = desk_outbox_run_finish (DESK_OUTBOX (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_error (self, report == NULL ? error->message : NULL);
  if (self->push_only)
    {
      run_ended (self);
      return;
    }
  desk_pull_run_async (self->store, self->client, 0, self->cancellable, pulled_cb, g_object_ref (self));
}

/**
 * desk_sync_service_sync_now:
 *
 * Sends what is due and pulls, now (or after the run going on); offline,
 * only counts what waits.
 */
void
desk_sync_service_sync_now (DeskSyncService *self)
{
  g_return_if_fail (DESK_IS_SYNC_SERVICE (self));

  /* The outbox follows the calendar even offline or during a run: the
   * banner counts it */
  desk_store_queue_posts (self->store, NULL, NULL);
  count_waiting (self);
  desk_outbox_remind (self->outbox, NULL);
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  if (!self->online)
    return;
  set_running (self, TRUE);
  desk_outbox_run_async (self->outbox, 0, self->cancellable, sent_cb, g_object_ref (self));
}

/**
 * _desk_sync_service_tick:
 *
 * What happens every minute: posts due on channels published by hand
 * are said, even offline (no server is involved); sends that came to
 * their time (Bluesky, which holds nothing, and Mastodon posts planned
 * within five minutes) go now, without waiting for the next sync.
 */
void
_desk_sync_service_tick (DeskSyncService *self)
{
  desk_outbox_remind (self->outbox, NULL);
  if (!self->online || self->running || desk_outbox_count_due (self->outbox) == 0)
    return;
  self->push_only = TRUE;
  set_running (self, TRUE);
  desk_outbox_run_async (self->outbox, 0, self->cancellable, sent_cb, g_object_ref (self));
}

static gboolean
remind_cb (gpointer data)
{
  _desk_sync_service_tick (data);
  return G_SOURCE_CONTINUE;
}

/* The first tick at the turn of the minute, so that a post planned at
 * 9:00 goes at 9:00, not up to a minute late */
static gboolean
first_remind_cb (gpointer data)
{
  DeskSyncService *self = data;

  self->remind_id = g_timeout_add_seconds (60, remind_cb, self);
  _desk_sync_service_tick (self);
  return G_SOURCE_REMOVE;
}

/* The clock, for the tests (%NULL: the real one) */
void
_desk_sync_service_set_now (DeskSyncService *self,
                            GDateTime       *now)
{
  desk_outbox_set_now (self->outbox, now);
}

static gboolean
timer_cb (gpointer data)
{
  desk_sync_service_sync_now (data);
  return G_SOURCE_CONTINUE;
}

/* Every @minutes (0: only on start and on demand) */
void
desk_sync_service_set_interval (DeskSyncService *self,
                                guint            minutes)
{
  g_return_if_fail (DESK_IS_SYNC_SERVICE (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (minutes > 0)
    self->timer_id = g_timeout_add_seconds (minutes * 60, timer_cb, self);
  if (self->remind_id == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      self->remind_id = g_timeout_add_seconds (60 - g_date_time_get_second (now), first_remind_cb, self);
    }
}

void
_desk_sync_service_set_online (DeskSyncService *self,
                               gboolean         online)
{
  if (online == self->online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
  /* Back online: the queue drains, in order; offline: what waits is
   * counted, for the banner */
  if (online)
    desk_sync_service_sync_now (self);
  else
    {
      desk_store_queue_posts (self->store, NULL, NULL);
      count_waiting (self);
    }
}

static void
network_changed_cb (DeskSyncService *self)
{
  _desk_sync_service_set_online (self, g_network_monitor_get_network_available (self->monitor));
}

gboolean
desk_sync_service_get_online (DeskSyncService *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_SERVICE (self), FALSE);
  return self->online;
}

gboolean
desk_sync_service_get_running (DeskSyncService *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_SERVICE (self), FALSE);
  return self->running;
}

guint
desk_sync_service_get_waiting (DeskSyncService *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_SERVICE (self), 0);
  return self->waiting;
}

/* (nullable): why the last run failed */
const char *
desk_sync_service_get_last_error (DeskSyncService *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_SERVICE (self), NULL);
  return self->last_error;
}

/* Stops the timer and what is under way (the window closes) */
void
desk_sync_service_stop (DeskSyncService *self)
{
  g_return_if_fail (DESK_IS_SYNC_SERVICE (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->remind_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, network_changed_cb, self);
}

static void
desk_sync_service_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeskSyncService *self = DESK_SYNC_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_WAITING:
      g_value_set_uint (value, self->waiting);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_sync_service_dispose (GObject *object)
{
  DeskSyncService *self = DESK_SYNC_SERVICE (object);

  desk_sync_service_stop (self);
  G_OBJECT_CLASS (desk_sync_service_parent_class)->dispose (object);
}

static void
desk_sync_service_finalize (GObject *object)
{
  DeskSyncService *self = DESK_SYNC_SERVICE (object);

  g_clear_object (&self->outbox);
  g_clear_object (&self->client);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_free (self->last_error);

  G_OBJECT_CLASS (desk_sync_service_parent_class)->finalize (object);
}

static void
desk_sync_service_class_init (DeskSyncServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = desk_sync_service_get_property;
  object_class->dispose = desk_sync_service_dispose;
  object_class->finalize = desk_sync_service_finalize;

  properties[PROP_ONLINE] = g_param_spec_boolean ("online", NULL, NULL, TRUE, ro);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, ro);
  properties[PROP_WAITING] = g_param_spec_uint ("waiting", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskSyncService::finished:
   *
   * A run ended: sends and the inbox may have changed.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * DeskSyncService::reminder:
   *
   * As DeskOutbox::reminder: time to post by hand.
   */
  signals[SIGNAL_REMINDER] =
    g_signal_new ("reminder", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);
}

static void
desk_sync_service_init (DeskSyncService *self)
{
  self->online = TRUE;
  self->cancellable = g_cancellable_new ();
}

static void
reminder_cb (DeskSyncService *self,
             gint64           item_id,
             gint64           post_id,
             gint64           channel_id)
{
  g_signal_emit (self, signals[SIGNAL_REMINDER], 0, item_id, post_id, channel_id);
}

/**
 * desk_sync_service_new:
 * @monitor: (nullable): the network's state; %NULL: always online
 */
DeskSyncService *
desk_sync_service_new (DeskStore       *store,
                       GNetworkMonitor *monitor)
{
  DeskSyncService *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_SYNC_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->client = desk_http_client_new ();
  self->outbox = desk_outbox_new (store, self->client);
  g_signal_connect_swapped (self->outbox, "reminder", G_CALLBACK (reminder_cb), self);
  if (monitor != NULL)
    {
      self->monitor = g_object_ref (monitor);
      self->online = g_network_monitor_get_network_available (monitor);
      g_signal_connect_swapped (monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
    }
  return self;
}
