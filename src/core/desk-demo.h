/* desk-demo.h: the deterministic demo workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_posts;          /* spread over the previous and next span_days */
  guint span_days;
  guint n_ideas;          /* unscheduled */
  guint n_notifications;
  guint n_metric_days;
} DeskDemoSize;

#define DESK_DEMO_SEED 20261123

const DeskDemoSize *desk_demo_default_size (void);
gboolean            desk_demo_populate     (DeskStore          *store,
                                            const DeskDemoSize *size,
                                            guint32             seed,
                                            GDateTime          *now,
                                            GError            **error);

G_END_DECLS
