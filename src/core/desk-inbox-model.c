/* desk-inbox-model.c: the unified inbox as a windowed GListModel over SQLite
 *
 * Setting a filter runs one query: the view's order (needs attention
 * first, likes grouped… see desk-inbox-order.h) goes into a temporary
 * table of positions and ids (_desk_store_inbox_snapshot). Items are then
 * read a window of DESK_INBOX_MODEL_PAGE_SIZE at a time by position, and
 * only the DESK_INBOX_MODEL_MAX_PAGES windows used last stay in memory: a
 * list scrolling through 100,000 rows runs one query per window, never
 * one per row, and memory follows the rows on screen.
 *
 * The order is the one of the last filter or refresh: marking an item read
 * in the Unread view leaves it where it is until the next refresh, so that
 * the list does not move under the pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-inbox-model"

#include "config.h"

#include "desk-inbox-model-private.h"
#include "desk-notification.h"
#include "desk-store-private.h"

struct _DeskInboxModel
{
  GObject          parent_instance;

  DeskStore       *store;
  DeskInboxFilter *filter;
  guint            slot;      /* its temporary table */
  guint            n_items;
  GHashTable      *pages;     /* page number → GPtrArray of DeskNotification */
  GQueue           recent;    /* page numbers, the last used first */
  guint            n_queries;
};

static void desk_inbox_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskInboxModel, desk_inbox_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, desk_inbox_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
desk_inbox_model_get_item_type (GListModel *model)
{
  return DESK_TYPE_NOTIFICATION;
}

static guint
desk_inbox_model_get_n_items (GListModel *model)
{
  return DESK_INBOX_MODEL (model)->n_items;
}

static void
touch_page (DeskInboxModel *self,
            guint           page)
{
  GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_unlink (&self->recent, link), g_list_free_1 (link);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  while (self->recent.length > DESK_INBOX_MODEL_MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
}

static GPtrArray *
fetch_page (DeskInboxModel *self,
            guint           page)
{
  GPtrArray *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  g_autoptr(GError) error = NULL;

  if (rows == NULL)
    {
      self->n_queries++;
      rows = _desk_store_inbox_read_window (self->store, self->slot, page * DESK_INBOX_MODEL_PAGE_SIZE,
                                            DESK_INBOX_MODEL_PAGE_SIZE, &error);
      if (rows == NULL)
        {
          g_warning ("Cannot read the inbox: %s", error->message);
          return NULL;
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }
  touch_page (self, page);
  return rows;
}

static gpointer
desk_inbox_model_get_item (GListModel *model,
                           guint       position)
{
  DeskInboxModel *self = DESK_INBOX_MODEL (model);
  guint page = position / DESK_INBOX_MODEL_PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;
  rows = fetch_page (self, page);
  if (rows == NULL || position % DESK_INBOX_MODEL_PAGE_SIZE >= rows->len)
    /* A read that failed: an empty item rather than a hole in the list */
    return g_object_new (DESK_TYPE_NOTIFICATION, NULL);
  return g_object_ref (g_ptr_array_index (rows, position % DESK_INBOX_MODEL_PAGE_SIZE));
}

static void
desk_inbox_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_inbox_model_get_item_type;
  iface->get_n_items = desk_inbox_model_get_n_items;
  iface->get_item = desk_inbox_model_get_item;
}

static void
drop_pages (DeskInboxModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
}

static void
desk_inbox_model_dispose (GObject *object)
{
  DeskInboxModel *self = (DeskInboxModel *) object;

  if (self->store != NULL)
    _desk_store_inbox_drop_snapshot (self->store, self->slot);
  drop_pages (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (desk_inbox_model_parent_class)->dispose (object);
}

static void
desk_inbox_model_finalize (GObject *object)
{
  DeskInboxModel *self = (DeskInboxModel *) object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->filter, desk_inbox_filter_free);

  G_OBJECT_CLASS (desk_inbox_model_parent_class)->finalize (object);
}

static void
desk_inbox_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskInboxModel *self = DESK_INBOX_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_inbox_model_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DeskInboxModel *self = DESK_INBOX_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_inbox_model_class_init (DeskInboxModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_inbox_model_dispose;
  object_class->finalize = desk_inbox_model_finalize;
  object_class->get_property = desk_inbox_model_get_property;
  object_class->set_property = desk_inbox_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DESK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Set with desk_inbox_model_set_filter (), which can fail */
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, DESK_TYPE_INBOX_FILTER,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_inbox_model_init (DeskInboxModel *self)
{
  static guint next_slot;

  self->slot = g_atomic_int_add (&next_slot, 1);
  self->filter = desk_inbox_filter_new ();
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

/**
 * desk_inbox_model_new:
 *
 * Returns: (transfer full): an empty model; set a filter to fill it
 */
DeskInboxModel *
desk_inbox_model_new (DeskStore *store)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  return g_object_new (DESK_TYPE_INBOX_MODEL, "store", store, NULL);
}

DeskStore *
desk_inbox_model_get_store (DeskInboxModel *self)
{
  g_return_val_if_fail (DESK_IS_INBOX_MODEL (self), NULL);

  return self->store;
}

const DeskInboxFilter *
desk_inbox_model_get_filter (DeskInboxModel *self)
{
  g_return_val_if_fail (DESK_IS_INBOX_MODEL (self), NULL);

  return self->filter;
}

/**
 * desk_inbox_model_set_filter:
 *
 * Shows the view @filter asks for: one query. On error the model keeps
 * what it showed.
 */
gboolean
desk_inbox_model_set_filter (DeskInboxModel         *self,
                             const DeskInboxFilter  *filter,
                             GError                **error)
{
  DeskInboxFilter *copy;
  guint old, count = 0;

  g_return_val_if_fail (DESK_IS_INBOX_MODEL (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  self->n_queries++;
  if (!_desk_store_inbox_snapshot (self->store, self->slot, filter, &count, error))
    return FALSE;

  copy = desk_inbox_filter_copy (filter);
  g_clear_pointer (&self->filter, desk_inbox_filter_free);
  self->filter = copy;
  old = self->n_items;
  self->n_items = count;
  drop_pages (self);

  if (old > 0 || count > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, count);
  if (old != count)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  return TRUE;
}

/* The same filter with other search words: as the user types */
gboolean
desk_inbox_model_set_search (DeskInboxModel  *self,
                             const char      *search,
                             GError         **error)
{
  g_autoptr(DeskInboxFilter) filter = NULL;

  g_return_val_if_fail (DESK_IS_INBOX_MODEL (self), FALSE);

  filter = desk_inbox_filter_copy (self->filter);
  g_free (filter->search);
  filter->search = g_strdup (search);
  return desk_inbox_model_set_filter (self, filter, error);
}

/* The view again, with what changed since (new items, another order) */
gboolean
desk_inbox_model_refresh (DeskInboxModel  *self,
                          GError         **error)
{
  g_autoptr(DeskInboxFilter) filter = NULL;

  g_return_val_if_fail (DESK_IS_INBOX_MODEL (self), FALSE);

  filter = desk_inbox_filter_copy (self->filter);
  return desk_inbox_model_set_filter (self, filter, error);
}

/**
 * desk_inbox_model_reload_item:
 *
 * Reads the window of @position again (after a change to its item made
 * through the store) and says the item changed, in place.
 */
void
desk_inbox_model_reload_item (DeskInboxModel *self,
                              guint           position)
{
  guint page;

  g_return_if_fail (DESK_IS_INBOX_MODEL (self));

  if (position >= self->n_items)
    return;
  page = position / DESK_INBOX_MODEL_PAGE_SIZE;
  if (g_hash_table_remove (self->pages, GUINT_TO_POINTER (page)))
    {
      GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

      if (link != NULL)
        g_queue_delete_link (&self->recent, link);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

guint
_desk_inbox_model_get_n_queries (DeskInboxModel *self)
{
  g_return_val_if_fail (DESK_IS_INBOX_MODEL (self), 0);

  return self->n_queries;
}
