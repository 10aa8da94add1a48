/* desk-inbox-model.c: the unified inbox as a windowed GListModel over SQLite
 *
 * Setting a filter runs one query: most views count their entries and are
 * then read a window of DESK_INBOX_MODEL_PAGE_SIZE at a time straight from
 * the table, along an index that stops after the window (keyset paging:
 * each window starts after the last entry of the one before; a jump far
 * ahead starts from the nearest window read, with an offset). A search,
 * and "needs attention" with a filter that changes its groups, put the
 * view's order into a temporary table of positions and ids instead
 * (_desk_store_inbox_snapshot), read by position. Only the
 * DESK_INBOX_MODEL_MAX_PAGES windows used last stay in memory: a list
 * scrolling through 100,000 rows runs one query per window, never one per
 * row, and memory follows the rows on screen (plus the ids of the windows
 * read, 8 bytes a row).
 *
 * A change (a filter, a search keystroke, an item read again) gives back
 * the objects the windows it dropped held, brought up to date
 * (desk_notification_assign ()), for the items it shows again: the list
 * finds its rows among them and keeps them, instead of making and binding
 * new ones (tests/bench/bench-ui: a search keystroke).
 *
 * The order is the one of the last filter or refresh: a window read once
 * is read again by its ids, so that marking an item read in the Unread
 * view leaves it where it is until the next refresh, and the list does not
 * move under the pointer.
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
  gboolean         direct;    /* read from the table, not a snapshot */
  guint            n_items;
  GHashTable      *pages;     /* page number → GPtrArray of DeskNotification */
  GHashTable      *page_ids;  /* direct: page number → GArray of the ids it showed */
  GHashTable      *anchors;   /* direct: page number → DeskInboxKey of its last entry */
  GQueue           recent;    /* page numbers, the last used first */
  GHashTable      *reuse;     /* while a change is said: id → DeskNotification */
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

/* A window of a direct view: the ids it showed, if it was read before;
 * else from the last entry of the nearest window read before it */
static GPtrArray *
read_direct_page (DeskInboxModel  *self,
                  guint            page,
                  GError         **error)
{
  gboolean grouped = self->filter->view == DESK_INBOX_VIEW_ATTENTION;
  GArray *ids = g_hash_table_lookup (self->page_ids, GUINT_TO_POINTER (page));
  const DeskInboxKey *after = NULL;
  guint skip = page * DESK_INBOX_MODEL_PAGE_SIZE;
  GPtrArray *rows;

  if (ids != NULL)
    return _desk_store_inbox_read_ids (self->store, (const gint64 *) ids->data, ids->len, grouped, error);

  for (guint before = page; before-- > 0;)
    if ((after = g_hash_table_lookup (self->anchors, GUINT_TO_POINTER (before))) != NULL)
      {
        skip = (page - 1 - before) * DESK_INBOX_MODEL_PAGE_SIZE;
        break;
      }
  rows = _desk_store_inbox_read_direct (self->store, self->filter, after, skip, DESK_INBOX_MODEL_PAGE_SIZE, error);
  if (rows == NULL || rows->len == 0)
    return rows;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = desk_notification_get_id (g_ptr_array_index (rows, i));
      g_array_append_val (ids, id);
    }
  g_hash_table_insert (self->page_ids, GUINT_TO_POINTER (page), ids);
  {
    DeskNotification *last = g_ptr_array_index (rows, rows->len - 1);
    DeskInboxKey *key = g_new (DeskInboxKey, 1);

    key->priority = desk_notification_get_priority (last);
    key->created_at = g_date_time_to_unix (desk_notification_get_created_at (last));
    key->id = desk_notification_get_id (last);
    g_hash_table_insert (self->anchors, GUINT_TO_POINTER (page), key);
  }
  return rows;
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
      rows = self->direct ? read_direct_page (self, page, &error)
                          : _desk_store_inbox_read_window (self->store, self->slot, page * DESK_INBOX_MODEL_PAGE_SIZE,
                                                           DESK_INBOX_MODEL_PAGE_SIZE, &error);
      if (rows == NULL)
        {
          g_warning ("Cannot read the inbox: %s", error->message);
          return NULL;
        }
      if (self->reuse != NULL)
        for (guint i = 0; i < rows->len; i++)
          {
            DeskNotification *fresh = g_ptr_array_index (rows, i);
            gint64 id = desk_notification_get_id (fresh);
            DeskNotification *kept = g_hash_table_lookup (self->reuse, &id);

            if (kept != NULL && kept != fresh)
              {
                desk_notification_assign (kept, fresh);
                g_ptr_array_index (rows, i) = g_object_ref (kept);
                g_object_unref (fresh);
              }
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

/* The objects of @rows, for the change about to be said */
static void
keep_for_reuse (DeskInboxModel *self,
                GPtrArray      *rows)
{
  if (self->reuse == NULL)
    self->reuse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      DeskNotification *n = g_ptr_array_index (rows, i);
      gint64 id = desk_notification_get_id (n);

      if (id != 0)
        g_hash_table_replace (self->reuse, g_memdup2 (&id, sizeof id), g_object_ref (n));
    }
}

static void
drop_reuse (DeskInboxModel *self)
{
  g_clear_pointer (&self->reuse, g_hash_table_unref);
}

static void
drop_pages (DeskInboxModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->page_ids);
  g_hash_table_remove_all (self->anchors);
  g_queue_clear (&self->recent);
}

static void
desk_inbox_model_dispose (GObject *object)
{
  DeskInboxModel *self = (DeskInboxModel *) object;

  if (self->store != NULL)
    _desk_store_inbox_drop_snapshot (self->store, self->slot);
  drop_pages (self);
  drop_reuse (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (desk_inbox_model_parent_class)->dispose (object);
}

static void
desk_inbox_model_finalize (GObject *object)
{
  DeskInboxModel *self = (DeskInboxModel *) object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->page_ids, g_hash_table_unref);
  g_clear_pointer (&self->anchors, g_hash_table_unref);
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
  self->page_ids = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->anchors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
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
  gboolean direct;

  g_return_val_if_fail (DESK_IS_INBOX_MODEL (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  self->n_queries++;
  direct = _desk_store_inbox_is_direct (filter);
  if (direct ? !desk_store_count_inbox (self->store, filter, &count, error)
             : !_desk_store_inbox_snapshot (self->store, self->slot, filter, &count, error))
    return FALSE;
  if (direct && !self->direct)
    _desk_store_inbox_drop_snapshot (self->store, self->slot);
  self->direct = direct;

  copy = desk_inbox_filter_copy (filter);
  g_clear_pointer (&self->filter, desk_inbox_filter_free);
  self->filter = copy;
  old = self->n_items;
  self->n_items = count;
  {
    GHashTableIter iter;
    gpointer rows;

    g_hash_table_iter_init (&iter, self->pages);
    while (g_hash_table_iter_next (&iter, NULL, &rows))
      keep_for_reuse (self, rows);
  }
  drop_pages (self);

  if (old > 0 || count > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, count);
  drop_reuse (self);
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
 * through the store) and says the item changed, in place: the window keeps
 * the items it showed, in their places, as they are now.
 */
void
desk_inbox_model_reload_item (DeskInboxModel *self,
                              guint           position)
{
  GPtrArray *rows;
  guint page;

  g_return_if_fail (DESK_IS_INBOX_MODEL (self));

  if (position >= self->n_items)
    return;
  page = position / DESK_INBOX_MODEL_PAGE_SIZE;
  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    {
      GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

      keep_for_reuse (self, rows);
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (page));
      if (link != NULL)
        g_queue_delete_link (&self->recent, link);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  drop_reuse (self);
}

guint
_desk_inbox_model_get_n_queries (DeskInboxModel *self)
{
  g_return_val_if_fail (DESK_IS_INBOX_MODEL (self), 0);

  return self->n_queries;
}
