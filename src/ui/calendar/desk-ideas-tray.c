/* desk-ideas-tray.c: the posts without a date, beside the calendar
 *
 * A card per idea, dragged from here onto a day. A post dropped here
 * leaves the calendar: the tray only says so (::drop-post), the page
 * moves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-ideas-tray"

#include "config.h"

#include "desk-ideas-tray.h"

struct _DeskIdeasTray
{
  GtkBox        parent_instance;

  GListModel   *model;
  GHashTable   *channels;     /* gint64* → DeskChannel */
  GHashTable   *campaigns;    /* gint64* → DeskCampaign */
  DeskColourBy  colour_by;

  GtkListBox   *tray_list;
};

G_DEFINE_FINAL_TYPE (DeskIdeasTray, desk_ideas_tray, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

enum {
  SIGNAL_DROP_POST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWidget *
create_tray_row (gpointer item,
                 gpointer user_data)
{
  DeskIdeasTray *self = user_data;
  GtkWidget *card = desk_post_card_new_for_post (item, self->channels, self->campaigns, self->colour_by);

  gtk_widget_set_margin_top (card, 3);
  return card;
}

static gboolean
on_drop_target_drop_cb (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        DeskIdeasTray *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
  if (!G_VALUE_HOLDS (value, DESK_TYPE_POST))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_DROP_POST], 0, g_value_get_object (value));
  return TRUE;
}

static GdkDragAction
on_drop_target_enter_cb (DeskIdeasTray *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");
  return GDK_ACTION_MOVE;
}

static void
on_drop_target_leave_cb (DeskIdeasTray *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
}

static void
desk_ideas_tray_dispose (GObject *object)
{
  DeskIdeasTray *self = (DeskIdeasTray *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_IDEAS_TRAY);
  g_clear_object (&self->model);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->campaigns, g_hash_table_unref);

  G_OBJECT_CLASS (desk_ideas_tray_parent_class)->dispose (object);
}

static void
desk_ideas_tray_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskIdeasTray *self = DESK_IDEAS_TRAY (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_ideas_tray_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DeskIdeasTray *self = DESK_IDEAS_TRAY (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      desk_ideas_tray_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_ideas_tray_class_init (DeskIdeasTrayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_ideas_tray_dispose;
  object_class->get_property = desk_ideas_tray_get_property;
  object_class->set_property = desk_ideas_tray_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskIdeasTray::drop-post:
   * @post: the post dropped on the tray, to take off the calendar
   */
  signals[SIGNAL_DROP_POST] =
    g_signal_new ("drop-post", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_POST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-ideas-tray.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskIdeasTray, tray_list);
}

static void
desk_ideas_tray_init (DeskIdeasTray *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->channels = desk_store_index_by_id (NULL);
  self->campaigns = desk_store_index_by_id (NULL);

  target = gtk_drop_target_new (DESK_TYPE_POST, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_target_drop_cb), self);
  g_signal_connect_swapped (target, "enter", G_CALLBACK (on_drop_target_enter_cb), self);
  g_signal_connect_swapped (target, "leave", G_CALLBACK (on_drop_target_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * desk_ideas_tray_get_model:
 *
 * Returns: (transfer none) (nullable): the ideas shown
 */
GListModel *
desk_ideas_tray_get_model (DeskIdeasTray *self)
{
  g_return_val_if_fail (DESK_IS_IDEAS_TRAY (self), NULL);
  return self->model;
}

/**
 * desk_ideas_tray_set_model:
 * @model: (nullable) (element-type DeskPost): the posts without a date
 */
void
desk_ideas_tray_set_model (DeskIdeasTray *self,
                           GListModel    *model)
{
  g_return_if_fail (DESK_IS_IDEAS_TRAY (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;
  if (model != NULL)
    gtk_list_box_bind_model (self->tray_list, model, create_tray_row, self, NULL);
  else
    gtk_list_box_bind_model (self->tray_list, NULL, NULL, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * desk_ideas_tray_set_lookups:
 * @channels: (element-type gint64 DeskChannel): the brand's channels
 * @campaigns: (element-type gint64 DeskCampaign): its campaigns
 * @colour_by: what the cards' colour tells
 *
 * What the cards made from now on show; the model's next change remakes
 * the others.
 */
void
desk_ideas_tray_set_lookups (DeskIdeasTray *self,
                             GHashTable    *channels,
                             GHashTable    *campaigns,
                             DeskColourBy   colour_by)
{
  g_return_if_fail (DESK_IS_IDEAS_TRAY (self));
  g_return_if_fail (channels != NULL && campaigns != NULL);

  g_hash_table_ref (channels);
  g_hash_table_ref (campaigns);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->campaigns, g_hash_table_unref);
  self->channels = channels;
  self->campaigns = campaigns;
  self->colour_by = colour_by;
}
