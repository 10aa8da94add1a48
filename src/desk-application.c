/* desk-application.c
 *
 * Command line: --database, --demo, --view, --post, --screenshot. A second launch
 * activates the running instance (and switches it to --view, if given).
 * With COMMUNITY_DESK_TIMING=1 the time from exec to the first frame is
 * printed on stderr as "first-frame: N ms".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-application"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-demo.h"
#include "desk-preferences-window.h"
#include "desk-time.h"
#include "desk-window.h"

struct _DeskApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *database;
  char           *view;
  gint64          post_id;        /* --post: opened in the editor */
  char           *screenshot;
  gboolean        demo;
  gint64          start_usec;   /* monotonic, at exec when known */
};

G_DEFINE_FINAL_TYPE (DeskApplication, desk_application, ADW_TYPE_APPLICATION)

static const char * const views[] = { "calendar", "compose", "inbox", "reports", NULL };

/* The process start time, from /proc, on the monotonic clock: the app
 * measures its own time to first frame from exec, not from main (). */
static gint64
process_start_usec (void)
{
  g_autofree char *stat = NULL;
  struct timespec boot, mono;
  const char *p;
  gulong ticks;
  long hz = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) || hz <= 0)
    return g_get_monotonic_time ();

  /* Field 22 (starttime) follows the ")" closing the command name. */
  p = strrchr (stat, ')');
  for (int field = 2; p != NULL && field < 22; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%lu", &ticks) != 1)
    return g_get_monotonic_time ();

  clock_gettime (CLOCK_BOOTTIME, &boot);
  clock_gettime (CLOCK_MONOTONIC, &mono);
  {
    gint64 boot_us = (gint64) boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000;
    gint64 mono_us = (gint64) mono.tv_sec * G_USEC_PER_SEC + mono.tv_nsec / 1000;
    gint64 start_boot_us = (gint64) ticks * G_USEC_PER_SEC / hz;
    return mono_us - (boot_us - start_boot_us);
  }
}

static gint
desk_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  DeskApplication *self = DESK_APPLICATION (app);
  const char *view = NULL;

  g_variant_dict_lookup (options, "database", "^ay", &self->database);
  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot);
  self->demo = g_variant_dict_contains (options, "demo");

  if (g_variant_dict_lookup (options, "view", "&s", &view))
    {
      if (!g_strv_contains (views, view))
        {
          g_printerr (_("Unknown view “%s”: use calendar, compose, inbox or reports.\n"), view);
          return 2;
        }
      self->view = g_strdup (view);
    }

  if (g_variant_dict_lookup (options, "post", "x", &self->post_id))
    {
      g_free (self->view);
      self->view = g_strdup ("compose");
    }

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("community-desk %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* A screenshot run or another workspace is its own instance. */
  if (self->screenshot != NULL || self->database != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  if (!g_application_register (app, NULL, NULL))
    return 1;

  if (g_application_get_is_remote (app) && self->view != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string (self->view));

  return -1;
}

static void
screenshot_and_quit (DeskApplication *self,
                     GtkWidget       *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  graphene_rect_t bounds;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    {
      graphene_rect_init (&bounds, 0, 0, width, height);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
    }

  if (texture == NULL || !gdk_texture_save_to_png (texture, self->screenshot))
    g_printerr (_("Could not save the screenshot to “%s”.\n"), self->screenshot);
  else
    g_printerr ("screenshot: %dx%d %s\n", width, height, self->screenshot);

  /* As Quit does: the windows closed, the workspace with them, so that
   * its file is whole, without a write-ahead log beside it */
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

static gboolean
screenshot_timeout_cb (gpointer data)
{
  GtkWidget *window = data;
  DeskApplication *self = DESK_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  screenshot_and_quit (self, window);
  return G_SOURCE_REMOVE;
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      GtkWidget     *window)
{
  DeskApplication *self = DESK_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, window);

  if (g_strcmp0 (g_getenv ("COMMUNITY_DESK_TIMING"), "1") == 0)
    fprintf (stderr, "first-frame: %" G_GINT64_FORMAT " ms\n",
             (g_get_monotonic_time () - self->start_usec) / 1000);

  /* Let layout settle (icons, fonts) for a few frames before capturing. */
  if (self->screenshot != NULL)
    g_timeout_add (300, screenshot_timeout_cb, window);
}

static void
window_mapped_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_first_paint_cb), window);
}

static void
desk_application_activate (GApplication *app)
{
  DeskApplication *self = DESK_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) remembered_error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* --database wins (and is not remembered); else the workspace opened
   * last from the menu, if it can still be opened; else the default one */
  if (self->database != NULL)
    path = g_strdup (self->database);
  else
    {
      g_autofree char *remembered = g_settings_get_string (self->settings, "workspace-path");

      if (remembered[0] != '\0')
        {
          store = desk_store_open (remembered, DESK_STORE_OPEN_NO_CREATE, &remembered_error);
          if (store != NULL)
            path = g_steal_pointer (&remembered);
        }
      if (path == NULL)
        path = desk_store_default_path ();
    }
  if (store == NULL)
    store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);

  if (store != NULL && self->demo)
    {
      g_autoptr(GListModel) brands = desk_store_list_brands (store, &error);

      if (brands != NULL && g_list_model_get_n_items (brands) == 0)
        {
          g_autoptr(GDateTime) now = desk_time_now ();
          desk_demo_populate (store, NULL, DESK_DEMO_SEED, now, &error);
        }
    }

  window = GTK_WINDOW (desk_window_new (self, store, path, error));
  if (self->view != NULL)
    desk_window_show_view (DESK_WINDOW (window), self->view);
  if (self->post_id != 0 && store != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.compose-post", "x", self->post_id);

  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
  gtk_window_present (window);

  if (remembered_error != NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s\n\n%s", remembered_error->message,
                                                  _("The default workspace was opened in its place."));
      desk_window_report_open_error (DESK_WINDOW (window), message);
    }
}

static void
show_view_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (app);
    }
  if (DESK_IS_WINDOW (window))
    desk_window_show_view (DESK_WINDOW (window), g_variant_get_string (parameter, NULL));
  gtk_window_present (window);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing lets each window save its state. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;
      gtk_window_close (l->data);
      l = next;
    }
  g_application_quit (G_APPLICATION (app));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "CommunityDesk developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("CommunityDesk"),
                        "application-icon", APP_ID,
                        "developer-name", _("CommunityDesk developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan, write, answer and report for every network, even offline."),
                        "website", "https://example.org/community-desk",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DeskApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  DeskWindow *window = DESK_IS_WINDOW (parent) ? DESK_WINDOW (parent) : NULL;
  GtkWindow *prefs = GTK_WINDOW (desk_preferences_window_new (self->settings,
                                                              window ? desk_window_get_database_path (window) : NULL,
                                                              window ? desk_window_get_store (window) : NULL,
                                                              window ? desk_window_get_brand_id (window) : 0));

  gtk_window_set_transient_for (prefs, parent);
  if (window != NULL)
    g_signal_connect_object (prefs, "channels-changed", G_CALLBACK (desk_window_refresh), window, G_CONNECT_SWAPPED);
  gtk_window_present (prefs);
}

/* The workspace of the window in front, for a notification's buttons */
static DeskStore *
active_store (GtkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL)
    {
      GList *windows = gtk_application_get_windows (app);
      window = windows != NULL ? windows->data : NULL;
    }
  return DESK_IS_WINDOW (window) ? desk_window_get_store (DESK_WINDOW (window)) : NULL;
}

/* "Copy Text": the post's text for that channel, on the clipboard */
static void
copy_post_text_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplication *app = user_data;
  DeskStore *store = active_store (app);
  g_autoptr(DeskOutboxItem) item = store ? desk_store_get_outbox_item (store, g_variant_get_int64 (parameter), NULL) : NULL;
  g_autoptr(DeskPost) post = item ? desk_store_get_post (store, item->post_id, NULL) : NULL;
  g_autoptr(GHashTable) texts = post ? desk_store_list_variant_texts (store, item->post_id, NULL) : NULL;
  GtkWindow *window = gtk_application_get_active_window (app);
  const char *text;

  if (post == NULL || window == NULL)
    return;
  text = texts ? g_hash_table_lookup (texts, &item->channel_id) : NULL;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), text ? text : desk_post_get_body (post));
}

/* "Open Image": the post's first image, in the user's image viewer */
static void
open_post_image_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  GtkApplication *app = user_data;
  DeskStore *store = active_store (app);
  g_autoptr(DeskOutboxItem) item = store ? desk_store_get_outbox_item (store, g_variant_get_int64 (parameter), NULL) : NULL;
  g_autofree char *path = item ? desk_store_dup_first_media_path (store, item->post_id, NULL) : NULL;
  g_autofree char *uri = path ? g_filename_to_uri (path, NULL, NULL) : NULL;

  if (uri != NULL)
    gtk_show_uri (gtk_application_get_active_window (app), uri, GDK_CURRENT_TIME);
}

/* "Mark as Published": the send by hand is done */
static void
mark_published_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplication *app = user_data;
  DeskStore *store = active_store (app);
  g_autoptr(GError) error = NULL;

  if (store != NULL &&
      !desk_store_outbox_record (store, g_variant_get_int64 (parameter), DESK_OUTBOX_STATE_PUBLISHED, NULL, NULL, NULL,
                                 0, &error))
    g_warning ("%s", error->message);
  {
    g_autofree char *id = g_strdup_printf ("remind-%" G_GINT64_FORMAT, g_variant_get_int64 (parameter));
    g_application_withdraw_notification (G_APPLICATION (app), id);
  }
}

static DeskWindow *
present_window (GtkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL)
    {
      GList *windows = gtk_application_get_windows (app);
      window = windows != NULL ? windows->data : NULL;
    }
  if (!DESK_IS_WINDOW (window))
    return NULL;
  gtk_window_present (window);
  return DESK_WINDOW (window);
}

/* A desktop notification's "Reply": the inbox, the item, its reply */
static void
inbox_open_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  DeskWindow *window = present_window (user_data);

  if (window != NULL)
    desk_window_open_notification (window, g_variant_get_int64 (parameter));
  g_application_withdraw_notification (G_APPLICATION (user_data), "inbox");
}

/* A desktop notification's "Mark Read" */
static void
inbox_mark_read_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  GtkApplication *app = user_data;
  DeskStore *store = active_store (app);
  g_autoptr(GError) error = NULL;

  if (store != NULL && !desk_store_set_group_read (store, g_variant_get_int64 (parameter), TRUE, &error))
    g_warning ("%s", error->message);
  g_application_withdraw_notification (G_APPLICATION (app), "inbox");
  for (GList *w = gtk_application_get_windows (app); w != NULL; w = w->next)
    if (DESK_IS_WINDOW (w->data))
      desk_window_refresh (w->data);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "show-view", show_view_action_cb, "s" },
  { "copy-post-text", copy_post_text_action_cb, "x" },
  { "open-post-image", open_post_image_action_cb, "x" },
  { "mark-published", mark_published_action_cb, "x" },
  { "inbox-open", inbox_open_action_cb, "x" },
  { "inbox-mark-read", inbox_mark_read_action_cb, "x" },
};

static void
desk_application_startup (GApplication *app)
{
  DeskApplication *self = DESK_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (desk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);

  gtk_window_set_default_icon_name (APP_ID);
  self->settings = g_settings_new (BASE_APP_ID);
}

static void
desk_application_finalize (GObject *object)
{
  DeskApplication *self = (DeskApplication *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->view, g_free);
  g_clear_pointer (&self->screenshot, g_free);

  G_OBJECT_CLASS (desk_application_parent_class)->finalize (object);
}

static void
desk_application_class_init (DeskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = desk_application_finalize;
  app_class->handle_local_options = desk_application_handle_local_options;
  app_class->startup = desk_application_startup;
  app_class->activate = desk_application_activate;
}

static void
desk_application_init (DeskApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the workspace stored in PATH"), N_("PATH") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Create the demo workspace if the workspace is empty"), NULL },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Show a view: calendar, compose, inbox or reports"), N_("VIEW") },
    { "post", 0, 0, G_OPTION_ARG_INT64, NULL, N_("Open a post in the editor"), N_("ID") },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Save a PNG of the window once its data is shown, then quit"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
    { NULL }
  };

  self->start_usec = process_start_usec ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

DeskApplication *
desk_application_new (void)
{
  return g_object_new (DESK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

GSettings *
desk_application_get_settings (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);
  return self->settings;
}
