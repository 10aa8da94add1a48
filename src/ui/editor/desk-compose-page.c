/* desk-compose-page.c: ideas and drafts waiting for a date
 *
 * Compose: the brand's unscheduled posts on the side (a DeskPostList that
 * follows the store) and the post editor (DeskEditor) for the one open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-compose-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-compose-page.h"
#include "desk-report-error.h"
#include "desk-post-list.h"
#include "desk-editor.h"
#include "desk-time.h"

struct _DeskComposePage
{
  DeskPage      parent_instance;

  DeskPostList *posts;     /* the brand's posts without a date */
  DeskPostList *upcoming;  /* its posts of the next UPCOMING_DAYS */

  GtkStack     *stack;
  GtkListBox   *list_box;
  GtkWidget    *list_empty;
  GtkListBox   *upcoming_box;
  GtkWidget    *upcoming_label;
  DeskEditor   *editor;
  gint64        pending_post;  /* to open once the page has a brand */
};

G_DEFINE_FINAL_TYPE (DeskComposePage, desk_compose_page, DESK_TYPE_PAGE)

/* A post scheduled from the editor moves from the ideas to what is coming
 * up, where it can still be opened, instead of leaving the sidebar */
#define UPCOMING_DAYS 28

static void
update_stack (DeskComposePage *self)
{
  gtk_widget_set_visible (self->list_empty, g_list_model_get_n_items (G_LIST_MODEL (self->posts)) == 0);
  gtk_widget_set_visible (self->upcoming_label, g_list_model_get_n_items (G_LIST_MODEL (self->upcoming)) > 0);
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

  if (desk_post_get_scheduled_at (post) != NULL)
    {
      g_autoptr(GDateTime) local = desk_time_to_local (desk_post_get_scheduled_at (post));
      /* Translators: when a post goes out, in the Compose sidebar; strftime format */
      g_autofree char *when = g_date_time_format (local, _("%a %-d %b, %H:%M"));

      subtitle = g_strdup_printf ("%s · %s", when, desk_post_status_to_label (desk_post_get_status (post)));
    }
  else
    subtitle = pillar && *pillar
      ? g_strdup_printf ("%s · %s", desk_post_status_to_label (desk_post_get_status (post)), pillar)
      : g_strdup (desk_post_status_to_label (desk_post_get_status (post)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "compose.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", desk_post_get_id (post));
  return row;
}

static void
desk_compose_page_reload (DeskPage *page)
{
  DeskComposePage *self = DESK_COMPOSE_PAGE (page);
  g_autoptr(GError) error = NULL;

  if (!desk_post_list_set_unscheduled (self->posts, desk_page_get_brand_id (page), &error))
    desk_report_error (GTK_WIDGET (self), error);
  else
    {
      g_autoptr(GDateTime) now = desk_time_now ();
      g_autoptr(GDateTime) midnight = desk_time_local_midnight (now);
      g_autoptr(GDateTime) end = g_date_time_add_days (midnight, UPCOMING_DAYS + 1);

      if (!desk_post_list_set_range (self->upcoming, desk_page_get_brand_id (page), midnight, end, &error))
        desk_report_error (GTK_WIDGET (self), error);
    }
  update_stack (self);
  if (self->pending_post != 0)
    {
      gint64 id = self->pending_post;

      self->pending_post = 0;
      desk_compose_page_open_post (self, id);
    }
  else
    {
      DeskPost *open = self->editor ? desk_editor_get_post (self->editor) : NULL;

      /* Another brand: its posts, not the previous brand's */
      if (open != NULL && desk_post_get_brand_id (open) != desk_page_get_brand_id (page))
        {
          desk_editor_save (self->editor, NULL);
          gtk_stack_set_visible_child_name (self->stack, "empty");
        }
    }
}

static void
show_editor_for (DeskComposePage *self,
                 DeskPost        *post)
{
  g_autoptr(GError) error = NULL;
  gint64 brand_id = post ? desk_post_get_brand_id (post) : desk_page_get_brand_id (DESK_PAGE (self));

  if (brand_id == 0)
    return;
  if (!desk_editor_load (desk_compose_page_get_editor (self), brand_id, post, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_warning ("%s", error->message);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "editor");
  gtk_widget_grab_focus (GTK_WIDGET (desk_editor_get_text_view (self->editor)));
}

/**
 * desk_compose_page_open_post:
 * @post_id: a post, or 0 for a new one
 *
 * Opens @post_id in the editor (saving what the editor held).
 */
void
desk_compose_page_open_post (DeskComposePage *self,
                             gint64           post_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPost) post = NULL;

  g_return_if_fail (DESK_IS_COMPOSE_PAGE (self));
  if (post_id == 0)
    {
      show_editor_for (self, NULL);
      return;
    }
  post = desk_store_get_post (desk_page_get_store (DESK_PAGE (self)), post_id, &error);
  if (post == NULL)
    {
      desk_report_error (GTK_WIDGET (self), error);
      return;
    }
  show_editor_for (self, post);
}

/* Before the page is shown, it may not know its brand yet */
void
desk_compose_page_open_post_later (DeskComposePage *self,
                                   gint64           post_id)
{
  self->pending_post = post_id;
}

/* The editor is built the first time a post is opened, not at start-up */
DeskEditor *
desk_compose_page_get_editor (DeskComposePage *self)
{
  if (self->editor == NULL)
    {
      self->editor = desk_editor_new (desk_page_get_store (DESK_PAGE (self)));
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->editor), "editor");
    }
  return self->editor;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  desk_compose_page_open_post (DESK_COMPOSE_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  desk_compose_page_open_post (DESK_COMPOSE_PAGE (widget), 0);
}

static void
desk_compose_page_dispose (GObject *object)
{
  DeskComposePage *self = (DeskComposePage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_COMPOSE_PAGE);
  g_clear_object (&self->posts);
  g_clear_object (&self->upcoming);

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
  gtk_widget_class_bind_template_child (widget_class, DeskComposePage, list_empty);
  gtk_widget_class_bind_template_child (widget_class, DeskComposePage, upcoming_box);
  gtk_widget_class_bind_template_child (widget_class, DeskComposePage, upcoming_label);
  gtk_widget_class_install_action (widget_class, "compose.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "compose.new", NULL, new_action);
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

  self->upcoming = desk_post_list_new (store);

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->posts), create_row, self, NULL);
  gtk_list_box_bind_model (self->upcoming_box, G_LIST_MODEL (self->upcoming), create_row, self, NULL);
  g_signal_connect_swapped (self->posts, "items-changed", G_CALLBACK (update_stack), self);
  g_signal_connect_swapped (self->upcoming, "items-changed", G_CALLBACK (update_stack), self);
  return self;
}

GListModel *
desk_compose_page_get_upcoming (DeskComposePage *self)
{
  g_return_val_if_fail (DESK_IS_COMPOSE_PAGE (self), NULL);
  return G_LIST_MODEL (self->upcoming);
}

GListModel *
desk_compose_page_get_model (DeskComposePage *self)
{
  g_return_val_if_fail (DESK_IS_COMPOSE_PAGE (self), NULL);
  return G_LIST_MODEL (self->posts);
}
