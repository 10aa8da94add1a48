/* ui-helpers.c: what the UI tests share: waiting for the main loop,
 * finding widgets, taking screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "desk-time.h"
#include "ui-helpers.h"

void
spin (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

void
wait_mapped (GtkWidget *widget)
{
  for (int i = 0; i < 2000 && !gtk_widget_get_mapped (widget); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
  spin ();
}


gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (int attempt = 0; attempt < 100; attempt++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
          if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
            return window;
        }
      g_main_context_iteration (NULL, FALSE);
    }
  return NULL;
}

gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}


/* Whether @widget is within the user's reach as far as its parent goes:
 * a month laid out ahead (DeskMonthDeck) is mapped but out of reach */
gboolean
in_reach (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_can_target (widget);
}

/* The first descendant of @root within reach, depth first, that passes
 * @test */
GtkWidget *
find_descendant (GtkWidget  *root,
                 WidgetTest  test,
                 gpointer    data)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (gtk_widget_get_mapped (c) && !gtk_widget_get_can_target (c))
        continue;
      found = test (c, data) ? c : find_descendant (c, test, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}


GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}


static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Until a frame of @window has been painted */
void
wait_painted (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  gtk_widget_queue_draw (window);
  for (int i = 0; i < 2000 && !painted; i++)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
}

/* Until @widget is mapped, has a size and a frame of its window has been
 * painted since: its allocation is the one the user sees, so points
 * computed from it land where a pointer would */
void
wait_allocated (GtkWidget *widget)
{
  for (int i = 0; i < 2000 && !(gtk_widget_get_mapped (widget) &&
                                gtk_widget_get_width (widget) > 0 &&
                                gtk_widget_get_height (widget) > 0); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
  wait_painted (GTK_WIDGET (gtk_widget_get_root (widget)));
}

/* Renders the window as --screenshot does and checks the picture. */
void
assert_screenshot (GtkWidget  *window,
                   const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autofree guint32 *pixels = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  graphene_rect_t bounds;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (gsize i = 0; i < (gsize) width * height; i += 5)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));
  g_assert_cmpuint (g_hash_table_size (colours), >, 50);
}

/* @widget's last event controller of @type, in @phase (or any phase if
 * @phase is GTK_PHASE_NONE), as a user's event would reach it */
GtkEventController *
find_controller (GtkWidget           *widget,
                 GType                type,
                 GtkPropagationPhase  phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          (phase == GTK_PHASE_NONE || gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == phase))
        found = GTK_EVENT_CONTROLLER (controller);
    }
  return found;
}


/* A new workspace in a folder named after @name, with the demo (of @size,
 * NULL for the demo's own) when @demo */
void
ui_workspace_create (UiWorkspace        *w,
                     const char         *name,
                     gboolean            demo,
                     const DeskDemoSize *size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("desk-%s-XXXXXX", name);

  w->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  w->path = g_build_filename (w->dir, "workspace.db", NULL);
  w->store = desk_store_open (w->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (demo)
    {
      g_autoptr(GDateTime) now = desk_time_now ();

      g_assert_true (desk_demo_populate (w->store, size, DESK_DEMO_SEED, now, &error));
      g_assert_no_error (error);
    }
}

/* The workspace's window, @width × @height when both are positive (else the
 * size the settings say), presented and mapped */
void
ui_workspace_present (UiWorkspace     *w,
                      DeskApplication *app,
                      int              width,
                      int              height)
{
  w->window = desk_window_new (app, w->store, w->path, NULL);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (w->window), width, height);
  gtk_window_present (GTK_WINDOW (w->window));
  wait_mapped (GTK_WIDGET (w->window));
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

/* Closes the window and removes the workspace's folder */
void
ui_workspace_close (UiWorkspace *w)
{
  if (w->window != NULL)
    gtk_window_destroy (GTK_WINDOW (w->window));
  spin ();
  g_clear_object (&w->store);
  if (w->dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (w->dir);

      remove_tree (dir);
    }
  g_clear_pointer (&w->path, g_free);
  g_clear_pointer (&w->dir, g_free);
}

DeskCalendarPage *
ui_calendar_page (DeskWindow *window)
{
  AdwViewStack *stack = template_child (window, DESK_TYPE_WINDOW, "view_stack");
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "calendar");

  g_assert_true (DESK_IS_CALENDAR_PAGE (page));
  return DESK_CALENDAR_PAGE (page);
}
