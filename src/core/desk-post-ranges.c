/* desk-post-ranges.c: the few ranges of posts read ahead, kept live
 *
 * A calendar lays out months ahead of the one shown (the next, the
 * previous, today's, the one its title's calendar points at). Each such
 * range is a DeskPostList: read from the store once, when first asked
 * for, then following the store's post-* signals with exact
 * items-changed, so that whoever shows it updates the days concerned
 * instead of reading and filling the month again. The ranges are of one
 * brand: asking for another brand's empties the cache. Past @capacity,
 * the range asked for least recently goes (whoever holds it keeps a live
 * list).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-post-ranges"

#include "config.h"

#include "desk-post-ranges.h"

struct _DeskPostRanges
{
  GObject     parent_instance;

  DeskStore  *store;
  GPtrArray  *lists;      /* DeskPostList*, the one asked for last at the end */
  gint64      brand_id;
  guint       capacity;
};

G_DEFINE_FINAL_TYPE (DeskPostRanges, desk_post_ranges, G_TYPE_OBJECT)

static void
desk_post_ranges_dispose (GObject *object)
{
  DeskPostRanges *self = (DeskPostRanges *) object;

  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (desk_post_ranges_parent_class)->dispose (object);
}

static void
desk_post_ranges_class_init (DeskPostRangesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = desk_post_ranges_dispose;
}

static void
desk_post_ranges_init (DeskPostRanges *self)
{
  self->lists = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * desk_post_ranges_new:
 * @capacity: how many ranges it keeps, at least one
 */
DeskPostRanges *
desk_post_ranges_new (DeskStore *store,
                      guint      capacity)
{
  DeskPostRanges *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (capacity > 0, NULL);

  self = g_object_new (DESK_TYPE_POST_RANGES, NULL);
  self->store = g_object_ref (store);
  self->capacity = capacity;
  return self;
}

/* The index of the list of [@from, @to), or -1 */
static int
find_range (DeskPostRanges *self,
            GDateTime      *from,
            GDateTime      *to)
{
  for (guint i = 0; i < self->lists->len; i++)
    {
      DeskPostList *list = g_ptr_array_index (self->lists, i);

      if (g_date_time_equal (desk_post_list_get_from (list), from) &&
          g_date_time_equal (desk_post_list_get_to (list), to))
        return i;
    }
  return -1;
}

/**
 * desk_post_ranges_get:
 * @from: start (inclusive)
 * @to: end (exclusive)
 *
 * The brand's posts scheduled in [@from, @to), read from the store the
 * first time only, kept up to date since.
 *
 * Returns: (transfer none) (nullable): the live list, valid while the
 *   cache keeps it (take a reference to hold it); %NULL on error
 */
DeskPostList *
desk_post_ranges_get (DeskPostRanges  *self,
                      gint64           brand_id,
                      GDateTime       *from,
                      GDateTime       *to,
                      GError         **error)
{
  g_autoptr(DeskPostList) list = NULL;
  int index;

  g_return_val_if_fail (DESK_IS_POST_RANGES (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (brand_id != self->brand_id)
    {
      g_ptr_array_set_size (self->lists, 0);
      self->brand_id = brand_id;
    }

  index = find_range (self, from, to);
  if (index >= 0)
    list = g_ptr_array_steal_index (self->lists, index);
  else
    {
      list = desk_post_list_new (self->store);
      if (!desk_post_list_set_range (list, brand_id, from, to, error))
        return NULL;
      if (self->lists->len == self->capacity)
        g_ptr_array_remove_index (self->lists, 0);
    }
  g_ptr_array_add (self->lists, g_steal_pointer (&list));
  return g_ptr_array_index (self->lists, self->lists->len - 1);
}

/**
 * desk_post_ranges_clear:
 *
 * Forgets every range: each is read again when next asked for.
 */
void
desk_post_ranges_clear (DeskPostRanges *self)
{
  g_return_if_fail (DESK_IS_POST_RANGES (self));
  g_ptr_array_set_size (self->lists, 0);
}

/* The ranges it keeps, for the tests */
guint
desk_post_ranges_get_n_ranges (DeskPostRanges *self)
{
  g_return_val_if_fail (DESK_IS_POST_RANGES (self), 0);
  return self->lists->len;
}
