/* desk-week-view-private.h: the week view's layout, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A card of the week: where it is (in), which sub-column of its day it
 * takes and how many its group of overlapping cards shares (out) */
typedef struct
{
  int    day;         /* 0–6 */
  double top;         /* from midnight, in any unit */
  double bottom;      /* > top */
  guint  column;      /* 0 … n_columns - 1 */
  guint  n_columns;
} DeskWeekItem;

void _desk_week_view_lay_out (DeskWeekItem *items,
                              guint         n_items);

G_END_DECLS
