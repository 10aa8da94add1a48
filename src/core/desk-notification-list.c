/* desk-notification-list.c: the inbox as a lazy GListModel
 *
 * Only the count is read up front; rows are read from SQLite a page at a
 * time when a view asks for them, so a 100,000-item inbox opens at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-notification-list"

#include "config.h"

#include "desk-notification-list.h"

#define PAGE_SIZE 100
#define MAX_PAGES 64

struct _DeskNotificationList
{
  GObject     parent_instance;

  DeskStore  *store;
  gint64      brand_id;
  guint       n_items;
  GHashTable *pages;     /* page number → GPtrArray of DeskNotification */
};

static void desk_notification_list_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskNotificationList, desk_notification_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, desk_notification_list_iface_init))

static GType
desk_notification_list_get_item_type (GListModel *model)
{
  return DESK_TYPE_NOTIFICATION;
}

static guint
desk_notification_list_get_n_items (GListModel *model)
{
  return DESK_NOTIFICATION_LIST (model)->n_items;
}

static gpointer
desk_notification_list_get_item (GListModel *model,
                                 guint       position)
{
  DeskNotificationList *self = DESK_NOTIFICATION_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);

      rows = desk_store_query_notifications (self->store, self->brand_id,
                                             page * PAGE_SIZE, PAGE_SIZE, &error);
      if (rows == NULL)
        {
          g_warning ("Cannot read the inbox: %s", error->message);
          return NULL;
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }

  if (position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
desk_notification_list_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_notification_list_get_item_type;
  iface->get_n_items = desk_notification_list_get_n_items;
  iface->get_item = desk_notification_list_get_item;
}

static void
desk_notification_list_finalize (GObject *object)
{
  DeskNotificationList *self = (DeskNotificationList *) object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (desk_notification_list_parent_class)->finalize (object);
}

static void
desk_notification_list_class_init (DeskNotificationListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_notification_list_finalize;
}

static void
desk_notification_list_init (DeskNotificationList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

DeskNotificationList *
desk_notification_list_new (DeskStore *store)
{
  DeskNotificationList *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_NOTIFICATION_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * desk_notification_list_reload:
 *
 * Shows the brand's notifications, newest first. On error the model keeps
 * what it had.
 */
gboolean
desk_notification_list_reload (DeskNotificationList  *self,
                               gint64                 brand_id,
                               GError               **error)
{
  guint old = 0, count = 0;

  g_return_val_if_fail (DESK_IS_NOTIFICATION_LIST (self), FALSE);

  if (!desk_store_count_notifications (self->store, brand_id, &count, error))
    return FALSE;

  old = self->n_items;
  self->brand_id = brand_id;
  self->n_items = count;
  g_hash_table_remove_all (self->pages);

  if (old > 0 || count > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, count);
  return TRUE;
}
