/* desk-post-list.c: a live GListModel of the posts scheduled in a range
 *
 * Loaded with one indexed query when the range changes; afterwards it
 * follows the store's post-* signals and emits exact items-changed ranges,
 * so views update one card instead of reloading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-post-list"

#include "config.h"

#include "desk-post-list.h"

struct _DeskPostList
{
  GObject     parent_instance;

  DeskStore  *store;
  GPtrArray  *items;     /* DeskPost*, sorted by desk_post_compare_schedule */
  gint64      brand_id;
  GDateTime  *from;
  GDateTime  *to;
  gboolean    unscheduled;   /* the ideas: posts without a date */
  gulong      handlers[3];
};

static void desk_post_list_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskPostList, desk_post_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, desk_post_list_iface_init))

static GType
desk_post_list_get_item_type (GListModel *model)
{
  return DESK_TYPE_POST;
}

static guint
desk_post_list_get_n_items (GListModel *model)
{
  return DESK_POST_LIST (model)->items->len;
}

static gpointer
desk_post_list_get_item (GListModel *model,
                         guint       position)
{
  DeskPostList *self = DESK_POST_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
desk_post_list_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_post_list_get_item_type;
  iface->get_n_items = desk_post_list_get_n_items;
  iface->get_item = desk_post_list_get_item;
}

static gboolean
in_range (DeskPostList *self,
          DeskPost     *post)
{
  GDateTime *at = desk_post_get_scheduled_at (post);

  if (desk_post_get_brand_id (post) != self->brand_id)
    return FALSE;
  if (self->unscheduled)
    return at == NULL;
  if (self->from == NULL || at == NULL)
    return FALSE;
  return g_date_time_compare (at, self->from) >= 0 && g_date_time_compare (at, self->to) < 0;
}

/* Binary search for the position where @post belongs. */
static guint
insertion_point (DeskPostList *self,
                 DeskPost     *post)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (desk_post_compare_schedule (g_ptr_array_index (self->items, mid), post) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
find (DeskPostList *self,
      DeskPost     *post,
      guint        *position)
{
  return g_ptr_array_find (self->items, post, position);
}

static void
post_added_cb (DeskPostList *self,
               DeskPost     *post)
{
  guint pos;

  if (!in_range (self, post) || find (self, post, NULL))
    return;
  pos = insertion_point (self, post);
  g_ptr_array_insert (self->items, pos, g_object_ref (post));
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
}

static void
post_removed_cb (DeskPostList *self,
                 DeskPost     *post)
{
  guint pos;

  if (!find (self, post, &pos))
    return;
  g_ptr_array_remove_index (self->items, pos);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
}

static void
post_changed_cb (DeskPostList *self,
                 DeskPost     *post)
{
  guint old_pos, new_pos;

  if (!find (self, post, &old_pos))
    {
      post_added_cb (self, post);
      return;
    }

  if (!in_range (self, post))
    {
      post_removed_cb (self, post);
      return;
    }

  /* Take it out, see where it goes now; each signal leaves the model in
   * the state it announces. */
  g_ptr_array_steal_index (self->items, old_pos);
  new_pos = insertion_point (self, post);
  if (new_pos == old_pos)
    {
      g_ptr_array_insert (self->items, new_pos, post);
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 1);
      return;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
  g_ptr_array_insert (self->items, new_pos, post);
  g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
}

static void
desk_post_list_dispose (GObject *object)
{
  DeskPostList *self = (DeskPostList *) object;

  if (self->store != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
        g_clear_signal_handler (&self->handlers[i], self->store);
      g_clear_object (&self->store);
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);

  G_OBJECT_CLASS (desk_post_list_parent_class)->dispose (object);
}

static void
desk_post_list_class_init (DeskPostListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = desk_post_list_dispose;
}

static void
desk_post_list_init (DeskPostList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

DeskPostList *
desk_post_list_new (DeskStore *store)
{
  DeskPostList *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_POST_LIST, NULL);
  self->store = g_object_ref (store);
  self->handlers[0] = g_signal_connect_swapped (store, "post-added", G_CALLBACK (post_added_cb), self);
  self->handlers[1] = g_signal_connect_swapped (store, "post-changed", G_CALLBACK (post_changed_cb), self);
  self->handlers[2] = g_signal_connect_swapped (store, "post-removed", G_CALLBACK (post_removed_cb), self);
  return self;
}

static void replace_items (DeskPostList *self,
                           gint64        brand_id,
                           GPtrArray    *items);

/**
 * desk_post_list_set_range:
 * @from: start (inclusive)
 * @to: end (exclusive)
 *
 * Loads the brand's posts scheduled in [@from, @to). On error the model
 * keeps what it had.
 */
gboolean
desk_post_list_set_range (DeskPostList  *self,
                          gint64         brand_id,
                          GDateTime     *from,
                          GDateTime     *to,
                          GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (DESK_IS_POST_LIST (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  items = desk_store_query_posts (self->store, brand_id, from, to, error);
  if (items == NULL)
    return FALSE;

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  self->from = g_date_time_ref (from);
  self->to = g_date_time_ref (to);
  self->unscheduled = FALSE;
  replace_items (self, brand_id, g_steal_pointer (&items));
  return TRUE;
}

/**
 * desk_post_list_set_range_from:
 * @source: a list of a range, following the same store
 *
 * Makes the list @source's range and posts, without reading the store:
 * a month read ahead becomes the one shown.
 */
void
desk_post_list_set_range_from (DeskPostList *self,
                               DeskPostList *source)
{
  g_return_if_fail (DESK_IS_POST_LIST (self));
  g_return_if_fail (DESK_IS_POST_LIST (source) && source->from != NULL);
  g_return_if_fail (source->store == self->store);

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  self->from = g_date_time_ref (source->from);
  self->to = g_date_time_ref (source->to);
  self->unscheduled = FALSE;
  /* A copy: each list follows the store by changing its own array */
  replace_items (self, source->brand_id,
                 g_ptr_array_copy (source->items, (GCopyFunc) (void (*) (void)) g_object_ref, NULL));
}

/**
 * desk_post_list_set_unscheduled:
 *
 * Makes the list the brand's posts without a date (the ideas), oldest
 * first, following the store like a range does.
 */
gboolean
desk_post_list_set_unscheduled (DeskPostList  *self,
                                gint64         brand_id,
                                GError       **error)
{
  GPtrArray *items;

  g_return_val_if_fail (DESK_IS_POST_LIST (self), FALSE);

  items = desk_store_query_unscheduled_posts (self->store, brand_id, error);
  if (items == NULL)
    return FALSE;

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  self->unscheduled = TRUE;
  replace_items (self, brand_id, items);
  return TRUE;
}

static void
replace_items (DeskPostList *self,
               gint64        brand_id,
               GPtrArray    *items)
{
  guint old_len;

  self->brand_id = brand_id;
  old_len = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = items;

  if (old_len > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
}

GDateTime *desk_post_list_get_from (DeskPostList *self) { g_return_val_if_fail (DESK_IS_POST_LIST (self), NULL); return self->from; }
GDateTime *desk_post_list_get_to (DeskPostList *self) { g_return_val_if_fail (DESK_IS_POST_LIST (self), NULL); return self->to; }
gint64 desk_post_list_get_brand_id (DeskPostList *self) { g_return_val_if_fail (DESK_IS_POST_LIST (self), 0); return self->brand_id; }
