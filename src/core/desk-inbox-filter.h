/* desk-inbox-filter.h: which notifications the inbox shows, in which order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "desk-enums.h"

G_BEGIN_DECLS

typedef struct
{
  gint64         brand_id;      /* 0: every brand */
  DeskInboxView  view;
  gboolean       unread_only;
  gboolean       starred_only;
  gboolean       show_hidden;   /* hidden (flagged) items too */
  char          *assignee;      /* NULL: anyone's */
  int            network;       /* a DeskNetwork; -1: every network */
  gint64         channel_id;    /* 0: every channel */
  int            kind;          /* a DeskNotificationKind; -1: every kind */
  gint64         campaign_id;   /* 0: every campaign */
  GDateTime     *from;          /* (nullable) inclusive */
  GDateTime     *to;            /* (nullable) exclusive */
  char          *search;        /* (nullable) words as typed: full-text, accent- and case-blind */
} DeskInboxFilter;

#define DESK_TYPE_INBOX_FILTER (desk_inbox_filter_get_type ())

GType            desk_inbox_filter_get_type (void) G_GNUC_CONST;
DeskInboxFilter *desk_inbox_filter_new      (void);
DeskInboxFilter *desk_inbox_filter_copy     (const DeskInboxFilter *filter);
void             desk_inbox_filter_free     (DeskInboxFilter       *filter);
void             desk_inbox_filter_init     (DeskInboxFilter       *filter);
void             desk_inbox_filter_clear    (DeskInboxFilter       *filter);
char            *desk_inbox_filter_dup_match (const char           *search);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskInboxFilter, desk_inbox_filter_free)

G_END_DECLS
