/* desk-undo-stack.c: what the calendar's Undo puts back
 *
 * Each entry is the post as it was before a move (saved again to undo
 * it), or the id of a copy a duplicate created (deleted to undo it). The
 * newest comes back first; the oldest are forgotten past a limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-undo-stack"

#include "config.h"

#include "desk-undo-stack.h"

typedef struct
{
  DeskPost *before;
  gint64    created_id;
} UndoEntry;

struct _DeskUndoStack
{
  GObject  parent_instance;

  GQueue   entries;      /* UndoEntry*, newest first */
  guint    max_entries;
};

G_DEFINE_FINAL_TYPE (DeskUndoStack, desk_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
undo_entry_free (UndoEntry *entry)
{
  g_clear_object (&entry->before);
  g_free (entry);
}

static void
push (DeskUndoStack *self,
      UndoEntry     *entry)
{
  gboolean was_empty = g_queue_is_empty (&self->entries);

  g_queue_push_head (&self->entries, entry);
  while (g_queue_get_length (&self->entries) > self->max_entries)
    undo_entry_free (g_queue_pop_tail (&self->entries));
  if (was_empty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static gboolean
undo_cb (DeskStore  *store,
         gpointer    user_data,
         GError    **error)
{
  UndoEntry *entry = user_data;

  if (entry->before != NULL)
    return desk_store_save_post (store, entry->before, error);
  return desk_store_delete_post (store, entry->created_id, error);
}

static void
desk_undo_stack_finalize (GObject *object)
{
  DeskUndoStack *self = (DeskUndoStack *) object;

  g_queue_clear_full (&self->entries, (GDestroyNotify) undo_entry_free);

  G_OBJECT_CLASS (desk_undo_stack_parent_class)->finalize (object);
}

static void
desk_undo_stack_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskUndoStack *self = DESK_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, desk_undo_stack_get_can_undo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_undo_stack_class_init (DeskUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_undo_stack_finalize;
  object_class->get_property = desk_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_undo_stack_init (DeskUndoStack *self)
{
  g_queue_init (&self->entries);
}

/**
 * desk_undo_stack_new:
 * @max_entries: how many moves Undo remembers
 */
DeskUndoStack *
desk_undo_stack_new (guint max_entries)
{
  DeskUndoStack *self;

  g_return_val_if_fail (max_entries > 0, NULL);

  self = g_object_new (DESK_TYPE_UNDO_STACK, NULL);
  self->max_entries = max_entries;
  return self;
}

/**
 * desk_undo_stack_push_before:
 * @before: the post as it was before a move (what
 *   desk_store_move_post () gives back)
 */
void
desk_undo_stack_push_before (DeskUndoStack *self,
                             DeskPost      *before)
{
  UndoEntry *entry;

  g_return_if_fail (DESK_IS_UNDO_STACK (self));
  g_return_if_fail (DESK_IS_POST (before));

  entry = g_new0 (UndoEntry, 1);
  entry->before = g_object_ref (before);
  push (self, entry);
}

/**
 * desk_undo_stack_push_created:
 * @post_id: a post a copy created: undoing deletes it
 */
void
desk_undo_stack_push_created (DeskUndoStack *self,
                              gint64         post_id)
{
  UndoEntry *entry;

  g_return_if_fail (DESK_IS_UNDO_STACK (self));
  g_return_if_fail (post_id > 0);

  entry = g_new0 (UndoEntry, 1);
  entry->created_id = post_id;
  push (self, entry);
}

gboolean
desk_undo_stack_get_can_undo (DeskUndoStack *self)
{
  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), FALSE);
  return !g_queue_is_empty (&self->entries);
}

guint
desk_undo_stack_get_n_entries (DeskUndoStack *self)
{
  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), 0);
  return g_queue_get_length (&self->entries);
}

/**
 * desk_undo_stack_undo:
 * @store: where the posts are
 *
 * Puts back what the newest entry changed, in one transaction of @store.
 * The entry is used up either way: an undo that failed (the post was
 * deleted meanwhile) is not tried again. There must be an entry
 * (#DeskUndoStack:can-undo).
 *
 * Returns: %TRUE if it was put back
 */
gboolean
desk_undo_stack_undo (DeskUndoStack  *self,
                      DeskStore      *store,
                      GError        **error)
{
  UndoEntry *entry;
  gboolean ok;

  g_return_val_if_fail (DESK_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (desk_undo_stack_get_can_undo (self), FALSE);

  entry = g_queue_pop_head (&self->entries);
  ok = desk_store_transaction (store, undo_cb, entry, error);
  undo_entry_free (entry);
  if (g_queue_is_empty (&self->entries))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  return ok;
}
