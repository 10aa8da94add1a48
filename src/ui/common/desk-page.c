/* desk-page.c: base class of the main window's pages
 *
 * Holds the store and the selected brand, and loads lazily: a page reads
 * its data the first time it is mapped after the brand changed, so that
 * starting the app only reads what the first page shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-page"

#include "config.h"

#include "desk-page.h"

typedef struct
{
  DeskStore *store;
  gint64     brand_id;
  gboolean   stale;
} DeskPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DeskPage, desk_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BRAND_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
desk_page_reload (DeskPage *self)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  g_return_if_fail (DESK_IS_PAGE (self));

  priv->stale = FALSE;
  if (priv->brand_id != 0 && DESK_PAGE_GET_CLASS (self)->reload != NULL)
    DESK_PAGE_GET_CLASS (self)->reload (self);
}

static void
desk_page_map (GtkWidget *widget)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (DESK_PAGE (widget));

  GTK_WIDGET_CLASS (desk_page_parent_class)->map (widget);
  if (priv->stale)
    desk_page_reload (DESK_PAGE (widget));
}

static void
desk_page_dispose (GObject *object)
{
  DeskPage *self = DESK_PAGE (object);
  DeskPagePrivate *priv = desk_page_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (desk_page_parent_class)->dispose (object);
}

static void
desk_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DeskPage *self = DESK_PAGE (object);
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_BRAND_ID:
      g_value_set_int64 (value, priv->brand_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DeskPage *self = DESK_PAGE (object);
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    case PROP_BRAND_ID:
      desk_page_set_brand_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_page_class_init (DeskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_page_dispose;
  object_class->get_property = desk_page_get_property;
  object_class->set_property = desk_page_set_property;
  widget_class->map = desk_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DESK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BRAND_ID] =
    g_param_spec_int64 ("brand-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_page_init (DeskPage *self)
{
}

/**
 * desk_page_invalidate:
 *
 * The workspace changed behind the page's back: read it again now if it is
 * shown, else when it is.
 */
void
desk_page_invalidate (DeskPage *self)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  g_return_if_fail (DESK_IS_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    desk_page_reload (self);
  else
    priv->stale = TRUE;
}

DeskStore *
desk_page_get_store (DeskPage *self)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_PAGE (self), NULL);
  return priv->store;
}

gint64
desk_page_get_brand_id (DeskPage *self)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_PAGE (self), 0);
  return priv->brand_id;
}

void
desk_page_set_brand_id (DeskPage *self,
                        gint64    brand_id)
{
  DeskPagePrivate *priv = desk_page_get_instance_private (self);

  g_return_if_fail (DESK_IS_PAGE (self));

  if (priv->brand_id == brand_id)
    return;
  priv->brand_id = brand_id;
  priv->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    desk_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRAND_ID]);
}
