/* desk-compose-page.c: ideas and drafts waiting for a date
 *
 * Until the visual editor lands, Compose lists the brand's unscheduled
 * posts: a DeskPostList that follows the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-compose-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-compose-page.h"
#include "desk-post-list.h"

struct _DeskComposePage
{
  DeskPage      parent_instance;

  DeskPostList *posts;     /* the brand's posts without a date */

  GtkStack     *stack;
  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (DeskComposePage, desk_compose_page, DESK_TYPE_PAGE)

static void
update_stack (DeskComposePage *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->posts)) ? "list" : "empty");
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  DeskPost *post = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = desk_post_dup_display_title (post);
  const char *pillar = desk_post_get_pillar (post);
  g_autofree char *subtitle = NULL;

  subtitle = pillar && *pillar
    ? g_strdup_printf ("%s · %s", desk_post_status_to_label (desk_post_get_status (post)), pillar)
    : g_strdup (desk_post_status_to_label (desk_post_get_status (post)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.edit-post");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", desk_post_get_id (post));
  return row;
}

static void
desk_compose_page_reload (DeskPage *page)
{
  DeskComposePage *self = DESK_COMPOSE_PAGE (page);
  g_autoptr(GError) error = NULL;

  if (!desk_post_list_set_unscheduled (self->posts, desk_page_get_brand_id (page), &error))
    g_warning ("Cannot load the ideas: %s", error->message);
  update_stack (self);
}

static void
desk_compose_page_dispose (GObject *object)
{
  DeskComposePage *self = (DeskComposePage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_COMPOSE_PAGE);
  g_clear_object (&self->posts);

  G_OBJECT_CLASS (desk_compose_page_parent_class)->dispose (object);
}

static void
desk_compose_page_class_init (DeskComposePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_compose_page_dispose;
  DESK_PAGE_CLASS (klass)->reload = desk_compose_page_reload;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-compose-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskComposePage, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskComposePage, list_box);
}

static void
desk_compose_page_init (DeskComposePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

}

DeskComposePage *
desk_compose_page_new (DeskStore *store)
{
  DeskComposePage *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_COMPOSE_PAGE, "store", store, NULL);
  self->posts = desk_post_list_new (store);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->posts), create_row, self, NULL);
  g_signal_connect_swapped (self->posts, "items-changed", G_CALLBACK (update_stack), self);
  return self;
}

GListModel *
desk_compose_page_get_model (DeskComposePage *self)
{
  g_return_val_if_fail (DESK_IS_COMPOSE_PAGE (self), NULL);
  return G_LIST_MODEL (self->posts);
}
