/* desk-store.h: the offline workspace, one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "desk-brand.h"
#include "desk-campaign.h"
#include "desk-channel.h"
#include "desk-inbox-filter.h"
#include "desk-moderation.h"
#include "desk-notification.h"
#include "desk-saved-reply.h"
#include "desk-post.h"

G_BEGIN_DECLS

#define DESK_STORE_ERROR (desk_store_error_quark ())

typedef enum
{
  DESK_STORE_ERROR_NOT_A_DATABASE,
  DESK_STORE_ERROR_CORRUPT,
  DESK_STORE_ERROR_LOCKED,
  DESK_STORE_ERROR_TOO_NEW,
  DESK_STORE_ERROR_NEEDS_UPGRADE,
  DESK_STORE_ERROR_NOT_FOUND,
  DESK_STORE_ERROR_INVALID,
  DESK_STORE_ERROR_IO,
  DESK_STORE_ERROR_FAILED,
} DeskStoreError;

typedef enum
{
  DESK_STORE_OPEN_DEFAULT   = 0,
  DESK_STORE_OPEN_READ_ONLY = 1 << 0,
  DESK_STORE_OPEN_NO_CREATE = 1 << 1,
} DeskStoreOpenFlags;

/* 'CDSK': written to PRAGMA application_id so that we never take a foreign
 * SQLite file for ours. */
#define DESK_STORE_APPLICATION_ID 0x4344534b
#define DESK_STORE_SCHEMA_VERSION 13
#define DESK_STORE_MAX_BACKUPS    5

typedef struct
{
  gint64  channel_id;
  gint64  post_id;       /* 0: the whole channel */
  char   *day;           /* YYYY-MM-DD */
  char   *metric;
  double  value;
} DeskMetricSample;

typedef struct
{
  gint64  channel_id;
  char   *metric;
  double  total;         /* sum over the period */
  double  latest;        /* value on the last day (levels such as followers) */
} DeskMetricTotal;

void desk_metric_sample_free (DeskMetricSample *sample);
void desk_metric_total_free  (DeskMetricTotal  *total);

/* An account connected to a channel. Its secret (token, application
 * password) is in the keyring under secret_key, never here. */
typedef struct
{
  gint64    id;
  gint64    channel_id;
  char     *secret_key;      /* a random UUID: the keyring's key */
  char     *server;          /* the instance, PDS or site address */
  char     *user_name;       /* WordPress's user, Bluesky's handle; may be empty */
  char     *remote_id;       /* the account's id on the server */
  char     *remote_handle;
  char     *display_name;
  gboolean  needs_reconnect; /* its secret stopped working */
  char     *last_error;
  char     *pull_cursor;     /* where the next pull of notifications starts */
  char     *read_marker;     /* the read marker sent last (desk_store_set_account_read_marker ()) */
  gint64    connected_at;
} DeskAccount;

/* One send of the outbox: a post on one channel */
typedef struct
{
  gint64           id;
  gint64           post_id;
  gint64           channel_id;
  DeskOutboxState  state;
  guint            attempts;
  gint64           next_attempt_at;  /* Unix time; 0: now */
  gint64           scheduled_for;    /* the post's time, Unix */
  char            *idempotency_key;  /* the same for every try of this send */
  char            *remote_id;
  char            *remote_url;
  char            *last_error;
  gint64           updated_at;
  gboolean         by_hand;          /* a reminder: the channel is published by hand */
  gint64           created_at;       /* when it was queued */
  /* A reply (desk_store_queue_reply ()); 0 and NULL for a post's send */
  gint64           notification_id;  /* what it answers; 0 once that was deleted */
  char            *body;             /* its text */
  char            *reply_to_id;      /* the network's post it answers (status id, at:// URI) */
  char            *reply_to_cid;     /* Bluesky: that post's CID */
  char            *reply_root_id;    /* Bluesky: its thread's root, if that post is a reply */
  char            *reply_root_cid;
  char            *reply_handle;     /* the author answered */
  gboolean         reply_private;    /* it answers a direct message */
} DeskOutboxItem;

void desk_account_free      (DeskAccount      *account);
void desk_outbox_item_free  (DeskOutboxItem   *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskAccount, desk_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskOutboxItem, desk_outbox_item_free)

/* What a brand holds: said before it is deleted */
typedef struct
{
  guint posts;
  guint channels;
  guint campaigns;
  guint images;
  guint notifications;
} DeskBrandContent;

#define DESK_TYPE_STORE (desk_store_get_type ())
G_DECLARE_FINAL_TYPE (DeskStore, desk_store, DESK, STORE, GObject)

typedef gboolean (*DeskStoreTransactionFunc) (DeskStore  *store,
                                              gpointer    user_data,
                                              GError    **error);

GQuark       desk_store_error_quark            (void);
char        *desk_store_default_path           (void);
const char * const *desk_store_table_names     (void);

DeskStore   *desk_store_open                   (const char          *path,
                                                DeskStoreOpenFlags   flags,
                                                GError             **error);
DeskStore   *desk_store_open_full              (const char          *path,
                                                DeskStoreOpenFlags   flags,
                                                guint                busy_timeout_ms,
                                                GError             **error);
const char  *desk_store_get_path               (DeskStore           *self);
gboolean     desk_store_is_read_only           (DeskStore           *self);
int          desk_store_get_schema_version     (DeskStore           *self);
char        *desk_store_get_backup_dir         (DeskStore           *self);

gboolean     desk_store_transaction            (DeskStore           *self,
                                                DeskStoreTransactionFunc func,
                                                gpointer             user_data,
                                                GError             **error);
gboolean     desk_store_count_rows             (DeskStore           *self,
                                                const char          *table,
                                                gint64              *count,
                                                GError             **error);
gboolean     desk_store_poll_external_changes  (DeskStore           *self);
void         desk_store_verify_async           (DeskStore           *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean     desk_store_verify_finish          (DeskStore           *self,
                                                GAsyncResult        *result,
                                                GError             **error);
gboolean     desk_store_check_integrity        (DeskStore           *self,
                                                GError             **error);
gboolean     desk_store_save_copy              (DeskStore           *self,
                                                const char          *path,
                                                guint               *n_images,
                                                GError             **error);

/* Brands, channels, campaigns */
GHashTable  *desk_store_index_by_id            (GListModel          *objects);
DeskBrand   *desk_store_get_brand              (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);
GListModel  *desk_store_list_all_brands        (DeskStore           *self,
                                                GError             **error);
GListModel  *desk_store_list_brands            (DeskStore           *self,
                                                GError             **error);
gboolean     desk_store_save_brand             (DeskStore           *self,
                                                DeskBrand           *brand,
                                                GError             **error);
gboolean     desk_store_count_brand_content    (DeskStore           *self,
                                                gint64               brand_id,
                                                DeskBrandContent    *content,
                                                GError             **error);
gboolean     desk_store_delete_brand           (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);
gboolean     desk_store_set_brand_logo         (DeskStore           *self,
                                                DeskBrand           *brand,
                                                const char          *path,
                                                GError             **error);
gboolean     desk_store_count_channel_posts    (DeskStore           *self,
                                                gint64               channel_id,
                                                guint               *n_posts,
                                                GError             **error);
GListModel  *desk_store_list_channels          (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);
gboolean     desk_store_delete_channel         (DeskStore           *self,
                                                gint64               channel_id,
                                                guint               *n_posts,
                                                GError             **error);
gboolean     desk_store_save_channel           (DeskStore           *self,
                                                DeskChannel         *channel,
                                                GError             **error);
GListModel  *desk_store_list_campaigns         (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);
gboolean     desk_store_save_campaign          (DeskStore           *self,
                                                DeskCampaign        *campaign,
                                                GError             **error);

/* Posts */
gboolean     desk_store_save_post              (DeskStore           *self,
                                                DeskPost            *post,
                                                GError             **error);
gboolean     desk_store_save_posts             (DeskStore           *self,
                                                GPtrArray           *posts,
                                                GError             **error);
gboolean     desk_store_move_post              (DeskStore           *self,
                                                gint64               post_id,
                                                GDateTime           *at,
                                                DeskPost           **before,
                                                GError             **error);
DeskPost    *desk_store_duplicate_post         (DeskStore           *self,
                                                gint64               post_id,
                                                GDateTime           *at,
                                                GError             **error);
gboolean     desk_store_delete_post            (DeskStore           *self,
                                                gint64               post_id,
                                                GError             **error);
DeskPost    *desk_store_get_post               (DeskStore           *self,
                                                gint64               post_id,
                                                GError             **error);
GPtrArray   *desk_store_query_posts            (DeskStore           *self,
                                                gint64               brand_id,
                                                GDateTime           *from,
                                                GDateTime           *to,
                                                GError             **error);
GPtrArray   *desk_store_query_unscheduled_posts (DeskStore          *self,
                                                gint64               brand_id,
                                                GError             **error);
GPtrArray   *desk_store_query_all_posts        (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);

GStrv        desk_store_list_pillars           (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);

/* Media */
char        *desk_store_get_media_dir          (DeskStore           *self);
gboolean     desk_store_add_media              (DeskStore           *self,
                                                gint64               brand_id,
                                                const char          *path,
                                                gint64              *media_id,
                                                GError             **error);
gboolean     desk_store_attach_media           (DeskStore           *self,
                                                gint64               post_id,
                                                gint64               media_id,
                                                guint                position,
                                                GError             **error);
char        *desk_store_dup_first_media_path   (DeskStore           *self,
                                                gint64               post_id,
                                                GError             **error);

/* Editor */
typedef struct
{
  gint64  media_id;
  char   *path;       /* the file in the workspace's media folder */
  char   *alt;
  char   *design;     /* (nullable) the design JSON the image was exported from */
} DeskAttachment;

typedef struct
{
  gint64    id;
  gboolean  hashtags;  /* a hashtag group, else a text snippet */
  char     *name;
  char     *body;
} DeskSnippet;

void         desk_attachment_free              (DeskAttachment      *attachment);
char        *desk_store_dup_media_path         (DeskStore           *self,
                                                gint64               media_id,
                                                GError             **error);
void         desk_snippet_free                 (DeskSnippet         *snippet);
GHashTable  *desk_store_list_variant_texts     (DeskStore           *self,
                                                gint64               post_id,
                                                GError             **error);
GPtrArray   *desk_store_list_attachments       (DeskStore           *self,
                                                gint64               post_id,
                                                GError             **error);
gboolean     desk_store_save_post_content      (DeskStore           *self,
                                                DeskPost            *post,
                                                GHashTable          *overrides,
                                                GPtrArray           *attachments,
                                                GError             **error);
GPtrArray   *desk_store_list_snippets          (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);
gboolean     desk_store_save_snippet           (DeskStore           *self,
                                                gint64               brand_id,
                                                DeskSnippet         *snippet,
                                                GError             **error);
gboolean     desk_store_delete_snippet         (DeskStore           *self,
                                                gint64               snippet_id,
                                                GError             **error);

/* Inbox */
gboolean     desk_store_add_notifications      (DeskStore           *self,
                                                GPtrArray           *notifications,
                                                GError             **error);
gboolean     desk_store_count_notifications    (DeskStore           *self,
                                                gint64               brand_id,
                                                guint               *count,
                                                GError             **error);
GPtrArray   *desk_store_query_notifications    (DeskStore           *self,
                                                gint64               brand_id,
                                                guint                offset,
                                                guint                limit,
                                                GError             **error);
gboolean     desk_store_add_notifications_full (DeskStore           *self,
                                                GPtrArray           *notifications,
                                                guint               *n_added,
                                                GError             **error);
gboolean     desk_store_count_inbox            (DeskStore           *self,
                                                const DeskInboxFilter *filter,
                                                guint               *count,
                                                GError             **error);
GPtrArray   *desk_store_query_inbox            (DeskStore           *self,
                                                const DeskInboxFilter *filter,
                                                guint                offset,
                                                guint                limit,
                                                GError             **error);
gboolean     desk_store_set_notification_read (DeskStore           *self,
                                                gint64               id,
                                                gboolean             read,
                                                GError             **error);
gboolean     desk_store_set_group_read         (DeskStore           *self,
                                                gint64               id,
                                                gboolean             read,
                                                GError             **error);
gboolean     desk_store_get_read_position      (DeskStore           *self,
                                                gint64               channel_id,
                                                char               **remote_id,
                                                GDateTime          **read_at,
                                                GError             **error);
gboolean     desk_store_set_notification_starred (DeskStore         *self,
                                                gint64               id,
                                                gboolean             starred,
                                                GError             **error);
gboolean     desk_store_set_notification_hidden (DeskStore          *self,
                                                gint64               id,
                                                gboolean             hidden,
                                                GError             **error);
gboolean     desk_store_set_notification_assignee (DeskStore        *self,
                                                gint64               id,
                                                const char          *assignee,
                                                GError             **error);
gboolean     desk_store_set_notification_note  (DeskStore           *self,
                                                gint64               id,
                                                const char          *note,
                                                GError             **error);
gboolean     desk_store_set_notification_status (DeskStore          *self,
                                                gint64               id,
                                                DeskNotificationStatus status,
                                                GError             **error);
gboolean     desk_store_set_notification_flag  (DeskStore           *self,
                                                gint64               id,
                                                DeskModerationFlag   flag,
                                                GError             **error);
gboolean     desk_store_count_unread           (DeskStore           *self,
                                                gint64               brand_id,
                                                guint               *count,
                                                GError             **error);
GPtrArray   *desk_store_get_thread             (DeskStore           *self,
                                                gint64               id,
                                                GError             **error);
GPtrArray   *desk_store_list_saved_replies     (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);
gboolean     desk_store_save_saved_reply       (DeskStore           *self,
                                                DeskSavedReply      *reply,
                                                GError             **error);
gboolean     desk_store_delete_saved_reply     (DeskStore           *self,
                                                gint64               reply_id,
                                                GError             **error);
GArray      *desk_store_count_negative_hourly  (DeskStore           *self,
                                                gint64               brand_id,
                                                GDateTime           *end,
                                                guint                n_hours,
                                                GError             **error);
GPtrArray   *desk_store_list_moderation_rules  (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);
DeskModeration *desk_store_load_moderation     (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);
gboolean     desk_store_add_moderation_rule    (DeskStore           *self,
                                                gint64               brand_id,
                                                const char          *pattern,
                                                gboolean             is_regex,
                                                DeskModerationFlag   flag,
                                                gint64              *out_id,
                                                GError             **error);
gboolean     desk_store_delete_moderation_rule (DeskStore           *self,
                                                gint64               rule_id,
                                                GError             **error);
gboolean     desk_store_apply_moderation       (DeskStore           *self,
                                                gint64               brand_id,
                                                guint               *n_flagged,
                                                GError             **error);

/* Metrics */
gboolean     desk_store_add_metric_samples     (DeskStore           *self,
                                                GPtrArray           *samples,
                                                GError             **error);
GPtrArray   *desk_store_query_metric_totals    (DeskStore           *self,
                                                gint64               brand_id,
                                                const char          *from_day,
                                                const char          *to_day,
                                                GError             **error);

/* KPIs, objectives and reports (desk-store-metrics.c) */
typedef struct
{
  gint64    channel_id;
  char     *metric;
  double    total;       /* sum over the period's days */
  guint     n_days;      /* days with a sample in the period */
  double    first;       /* the value of the first day with a sample */
  double    last;        /* the value of the last day with a sample */
  gboolean  has_before;  /* a sample exists before the period */
  double    before;      /* the last value before the period */
} DeskMetricSummary;

typedef struct
{
  char    day[11];       /* YYYY-MM-DD */
  double  value;
} DeskMetricPoint;

typedef struct
{
  gint64  post_id;
  char   *title;
  double  engagements;
  double  impressions;
  char   *image_path;  /* (nullable) its first image, for a thumbnail */
} DeskTopPost;

typedef struct
{
  gint64  published_at;  /* Unix time */
  double  engagements;
} DeskPublishedPost;

typedef struct
{
  gint64  id;
  gint64  brand_id;
  gint64  campaign_id;   /* 0: the whole brand */
  char   *kpi;           /* a KPI name of desk-kpi.h ("followers", "ctr"…) */
  double  target;
  char   *deadline;      /* YYYY-MM-DD, or NULL */
} DeskObjective;

void         desk_metric_summary_free          (DeskMetricSummary   *summary);
void         desk_top_post_free                (DeskTopPost         *post);
void         desk_objective_free               (DeskObjective       *objective);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskObjective, desk_objective_free)

GArray      *desk_store_query_first_responses  (DeskStore           *self,
                                                gint64               brand_id,
                                                gint64               channel_id,
                                                GDateTime           *from,
                                                GDateTime           *to,
                                                GError             **error);
GPtrArray   *desk_store_query_metric_summary   (DeskStore           *self,
                                                gint64               brand_id,
                                                gint64               channel_id,
                                                const char          *from_day,
                                                const char          *to_day,
                                                GError             **error);
GArray      *desk_store_query_metric_series    (DeskStore           *self,
                                                gint64               brand_id,
                                                gint64               channel_id,
                                                const char          *metric,
                                                const char          *from_day,
                                                const char          *to_day,
                                                GError             **error);
gboolean     desk_store_count_period_posts     (DeskStore           *self,
                                                gint64               brand_id,
                                                gint64               channel_id,
                                                GDateTime           *from,
                                                GDateTime           *to,
                                                guint               *published,
                                                guint               *planned,
                                                GError             **error);
GPtrArray   *desk_store_query_top_posts        (DeskStore           *self,
                                                gint64               brand_id,
                                                const char          *from_day,
                                                const char          *to_day,
                                                guint                limit,
                                                GError             **error);
GArray      *desk_store_query_published_posts  (DeskStore           *self,
                                                gint64               brand_id,
                                                GDateTime           *from,
                                                GDateTime           *to,
                                                GError             **error);
DeskChannel *desk_store_find_channel           (DeskStore           *self,
                                                const char          *handle,
                                                GError             **error);
gboolean     desk_store_save_objective         (DeskStore           *self,
                                                DeskObjective       *objective,
                                                GError             **error);
GPtrArray   *desk_store_list_objectives        (DeskStore           *self,
                                                gint64               brand_id,
                                                GError             **error);
gboolean     desk_store_delete_objective       (DeskStore           *self,
                                                gint64               objective_id,
                                                GError             **error);
gboolean     desk_store_set_report_recommendations (DeskStore       *self,
                                                gint64               brand_id,
                                                const char          *from_day,
                                                const char          *to_day,
                                                const char          *text,
                                                GError             **error);
char        *desk_store_dup_report_recommendations (DeskStore       *self,
                                                gint64               brand_id,
                                                const char          *from_day,
                                                const char          *to_day,
                                                GError             **error);

/* Accounts and the outbox (desk-store-outbox.c) */
DeskAccount *desk_store_get_account            (DeskStore           *self,
                                                gint64               channel_id,
                                                GError             **error);
GPtrArray   *desk_store_list_accounts          (DeskStore           *self,
                                                GError             **error);
gboolean     desk_store_save_account           (DeskStore           *self,
                                                DeskAccount         *account,
                                                GError             **error);
gboolean     desk_store_delete_account         (DeskStore           *self,
                                                gint64               channel_id,
                                                GError             **error);
gboolean     desk_store_set_account_state      (DeskStore           *self,
                                                gint64               channel_id,
                                                gboolean             needs_reconnect,
                                                const char          *error_text,
                                                GError             **error);
gboolean     desk_store_set_account_cursor     (DeskStore           *self,
                                                gint64               channel_id,
                                                const char          *cursor,
                                                GError             **error);
gboolean     desk_store_set_account_read_marker (DeskStore          *self,
                                                gint64               channel_id,
                                                const char          *marker,
                                                GError             **error);
gboolean     desk_store_queue_posts            (DeskStore           *self,
                                                guint               *n_changed,
                                                GError             **error);
GPtrArray   *desk_store_list_outbox            (DeskStore           *self,
                                                gint64               channel_id,
                                                GError             **error);
DeskOutboxItem *desk_store_get_outbox_item     (DeskStore           *self,
                                                gint64               item_id,
                                                GError             **error);
gboolean     desk_store_outbox_begin_send      (DeskStore           *self,
                                                gint64               item_id,
                                                GError             **error);
gboolean     desk_store_outbox_record          (DeskStore           *self,
                                                gint64               item_id,
                                                DeskOutboxState      state,
                                                const char          *remote_id,
                                                const char          *remote_url,
                                                const char          *error_text,
                                                gint64               next_attempt_at,
                                                GError             **error);
gboolean     desk_store_outbox_retry           (DeskStore           *self,
                                                gint64               item_id,
                                                GError             **error);
gboolean     desk_store_queue_reply            (DeskStore           *self,
                                                gint64               notification_id,
                                                const char          *text,
                                                gint64              *out_item_id,
                                                GError             **error);
GPtrArray   *desk_store_list_replies           (DeskStore           *self,
                                                gint64               notification_id,
                                                GError             **error);
gboolean     desk_store_outbox_note            (DeskStore           *self,
                                                gint64               item_id,
                                                const char          *note,
                                                GError             **error);

G_END_DECLS
