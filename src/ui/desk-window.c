/* desk-window.c: the main window
 *
 * A header bar with the brand selector, the view switcher and the primary
 * menu over four pages (Calendar, Compose, Inbox, Reports). On an empty
 * workspace it shows a welcome page; on a workspace that cannot be opened
 * it shows why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-brand-dialog.h"
#include "desk-calendar-page.h"
#include "desk-compose-page.h"
#include "desk-demo.h"
#include "desk-inbox-order.h"
#include "desk-inbox-page.h"
#include "desk-post-dialog.h"
#include "desk-preferences-window.h"
#include "desk-reports-page.h"
#include "desk-shortcut-keys.h"
#include "desk-time.h"
#include "desk-sync-service.h"
#include "desk-window.h"
#include "desk-workspace.h"
#include "desk-workspace-chooser.h"
#include "desk-workspace-settings.h"

struct _DeskWindow
{
  AdwApplicationWindow  parent_instance;

  DeskStore            *store;
  char                 *database_path;
  GListModel           *brands;
  GSettings            *settings;
  gint64                brand_id;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkDropDown          *brand_dropdown;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *welcome_page;
  AdwStatusPage        *error_page;
  GtkButton            *start_button;
  GtkButton            *demo_button;
  GtkMenuButton        *menu_button;
  GMenu                *recent_menu;
  GMenu                *primary_menu;
  GMenu                *workspace_section;

  GtkWidget            *pages[4];
  guint                 poll_id;
  DeskSyncService      *sync;          /* sends what is due, pulls the inbox */
  gboolean              broken;        /* the error page is shown */
  GtkRevealer          *offline_revealer;
  GtkLabel             *offline_label;
  GCancellable         *cancellable;   /* the window's work in other threads */
  gint64                alerted_up_to; /* the newest notification said on the desktop; -1: none yet */
};

G_DEFINE_FINAL_TYPE (DeskWindow, desk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PAGE_CALENDAR,
  PAGE_COMPOSE,
  PAGE_INBOX,
  PAGE_REPORTS,
};

static const char * const page_names[] = { "calendar", "compose", "inbox", "reports" };

static void
show_error (DeskWindow *self,
            const char *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->brand_dropdown), FALSE);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-post", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-idea", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-brand", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.manage-brands", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", FALSE);
  /* Nothing more is read or sent from a file that cannot be trusted */
  self->broken = TRUE;
  if (self->sync != NULL)
    desk_sync_service_stop (self->sync);
}

void
desk_window_add_toast (DeskWindow *self,
                       const char *message)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The brand's timezone is the one every page plans and shows times in;
 * a brand whose zone was changed is read again in its new zone. */
static void
set_brand (DeskWindow *self,
           DeskBrand  *brand)
{
  gint64 brand_id = desk_brand_get_id (brand);
  gboolean zone_changed = desk_time_set_zone (desk_brand_get_timezone (brand));

  self->brand_id = brand_id;
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    if (self->pages[i] != NULL)
      {
        if (zone_changed && desk_page_get_brand_id (DESK_PAGE (self->pages[i])) == brand_id)
          desk_page_invalidate (DESK_PAGE (self->pages[i]));
        desk_page_set_brand_id (DESK_PAGE (self->pages[i]), brand_id);
      }
  desk_workspace_settings_set_brand (self->settings, self->database_path, brand_id);
  if (self->pages[PAGE_INBOX] != NULL)
    desk_inbox_page_update_badge (DESK_INBOX_PAGE (self->pages[PAGE_INBOX]));
}

static void
brand_selected_cb (DeskWindow *self)
{
  DeskBrand *brand = gtk_drop_down_get_selected_item (self->brand_dropdown);

  if (brand != NULL && desk_brand_get_id (brand) != self->brand_id)
    set_brand (self, brand);
}

static void
build_pages (DeskWindow *self)
{
  static const char *icons[] = {
    "x-office-calendar-symbolic", "document-edit-symbolic",
    "mail-unread-symbolic", "x-office-presentation-symbolic",
  };
  const char *titles[] = {
    _("Calendar"), _("Compose"), _("Inbox"), _("Reports"),
  };

  self->pages[PAGE_CALENDAR] = GTK_WIDGET (desk_calendar_page_new (self->store));
  self->pages[PAGE_COMPOSE] = GTK_WIDGET (desk_compose_page_new (self->store));
  self->pages[PAGE_INBOX] = GTK_WIDGET (desk_inbox_page_new (self->store));
  self->pages[PAGE_REPORTS] = GTK_WIDGET (desk_reports_page_new (self->store));

  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    {
      AdwViewStackPage *page = adw_view_stack_add_titled (self->view_stack, self->pages[i],
                                                          page_names[i], titles[i]);
      adw_view_stack_page_set_icon_name (page, icons[i]);
    }
}

/* Fills the brand selector and shows the workspace, or the welcome page
 * when there is no brand (in use) yet; again whenever the brands change
 * (DeskStore::brands-changed): the one selected stays, unless it was
 * archived or deleted. */
static void
load_brands (DeskWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkExpression) name = NULL;
  gint64 wanted = desk_workspace_settings_get_brand (self->settings, self->database_path);
  guint n, selected = 0;

  /* The error page stays: a damaged file is not shown as if it were fine */
  if (self->broken)
    return;

  g_clear_object (&self->brands);
  self->brands = desk_store_list_brands (self->store, &error);
  if (self->brands == NULL)
    {
      show_error (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (self->brands);
  if (n == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      gtk_widget_set_visible (GTK_WIDGET (self->brand_dropdown), FALSE);
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-post", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-idea", FALSE);
      self->brand_id = 0;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskBrand) brand = g_list_model_get_item (self->brands, i);
      if (desk_brand_get_id (brand) == wanted)
        selected = i;
    }

  name = gtk_property_expression_new (DESK_TYPE_BRAND, NULL, "name");
  g_signal_handlers_block_by_func (self->brand_dropdown, brand_selected_cb, self);
  gtk_drop_down_set_expression (self->brand_dropdown, name);
  gtk_drop_down_set_model (self->brand_dropdown, self->brands);
  gtk_drop_down_set_selected (self->brand_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->brand_dropdown, brand_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->brand_dropdown), TRUE);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);

  if (self->pages[0] == NULL)
    build_pages (self);

  {
    g_autoptr(DeskBrand) brand = g_list_model_get_item (self->brands, selected);
    set_brand (self, brand);
  }

  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-post", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-idea", TRUE);
}

static void
on_demo_button_clicked_cb (DeskWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();

  if (!desk_demo_populate (self->store, NULL, DESK_DEMO_SEED, now, &error))
    {
      desk_window_add_toast (self, error->message);
      return;
    }
  load_brands (self);
}

/* A brand made in the brand dialog: selected, and its calendar shown */
static void
brand_dialog_finished_cb (DeskWindow *self,
                          DeskBrand  *brand)
{
  desk_workspace_settings_set_brand (self->settings, self->database_path, desk_brand_get_id (brand));
  load_brands (self);
  desk_window_show_view (self, "calendar");
}

static void
new_brand_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskBrandDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = desk_brand_dialog_new (self->store, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "finished", G_CALLBACK (brand_dialog_finished_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Preferences, open on its Brands page */
static void
manage_brands_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskPreferencesWindow *prefs;

  if (self->store == NULL)
    return;
  prefs = desk_preferences_window_new (self->settings, self->database_path, self->store, self->brand_id);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (self));
  g_signal_connect_object (prefs, "channels-changed", G_CALLBACK (desk_window_refresh), self, G_CONNECT_SWAPPED);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "brands");
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
post_dialog_saved_cb (DeskWindow     *self,
                      DeskPost       *post,
                      DeskPostDialog *dialog)
{
  desk_window_add_toast (self, _("Post saved"));
}

static void
post_dialog_deleted_cb (DeskWindow     *self,
                        DeskPostDialog *dialog)
{
  desk_window_add_toast (self, _("Post deleted"));
}

/**
 * desk_window_edit_post:
 * @post: (nullable): the post to edit, or %NULL for a new one
 * @day: (nullable): for a new post, the day to schedule it on
 *
 * Returns: (transfer none): the dialog, already shown
 */
GtkWindow *
desk_window_edit_post (DeskWindow *self,
                       DeskPost   *post,
                       GDateTime  *day)
{
  DeskPostDialog *dialog;

  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  if (self->store == NULL || self->brand_id == 0)
    return NULL;

  dialog = desk_post_dialog_new (self->store, self->brand_id, post, day, self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (post_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (post_dialog_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
new_post_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  g_autoptr(GDateTime) day = NULL;

  if (parameter != NULL && g_variant_get_int64 (parameter) != 0)
    day = desk_time_from_unix_local (g_variant_get_int64 (parameter));
  else if (self->pages[PAGE_CALENDAR] != NULL)
    day = desk_calendar_page_dup_selected_day (DESK_CALENDAR_PAGE (self->pages[PAGE_CALENDAR]));

  desk_window_edit_post (self, NULL, day);
}

static void
new_idea_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkWindow *dialog = desk_window_edit_post (DESK_WINDOW (widget), NULL, NULL);

  if (dialog != NULL)
    desk_post_dialog_start_as_idea (DESK_POST_DIALOG (dialog));
}

static void
edit_post_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPost) post = desk_store_get_post (self->store, g_variant_get_int64 (parameter), &error);

  if (post == NULL)
    {
      desk_window_add_toast (self, error->message);
      return;
    }
  desk_window_edit_post (self, post, NULL);
}

/* Opens a post (0: a new one) in the Compose page's editor */
static void
compose_post_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskComposePage *compose = DESK_COMPOSE_PAGE (self->pages[PAGE_COMPOSE]);

  if (compose == NULL)
    return;
  desk_window_show_view (self, "compose");
  desk_compose_page_open_post (compose, g_variant_get_int64 (parameter));
}

static void
show_view_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  desk_window_show_view (DESK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  if (self->pages[PAGE_CALENDAR] != NULL)
    desk_calendar_page_undo (DESK_CALENDAR_PAGE (self->pages[PAGE_CALENDAR]));
}

static void
visible_view_changed_cb (DeskWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (name != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

/* Page Up/Down and Alt+Left/Right turn the calendar's page from anywhere in
 * the window while the calendar is shown, as GNOME Calendar's do; a widget
 * that uses the key itself (a text view, a list) has it first */
static void
calendar_go_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  GtkWidget *page = self->pages[PAGE_CALENDAR];

  if (page == NULL || g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "calendar") != 0)
    return;
  gtk_widget_activate_action (page, g_variant_get_int32 (parameter) > 0 ? "calendar.next" : "calendar.previous", NULL);
}

static void
save_window_state (DeskWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
}

/* Workspaces: New, Open, Open Recent, Save a Copy */

/* A label for a menu item: its underscores are not mnemonics */
static char *
menu_label (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/* The primary menu's workspace section is headed by the workspace's name;
 * only before the menu is given to the menu button (desk_window_new ()) */
static void
label_workspace_section (DeskWindow *self,
                         const char *name)
{
  GMenuModel *menu = G_MENU_MODEL (self->primary_menu);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section == G_MENU_MODEL (self->workspace_section))
        {
          /* A section's heading is no mnemonic: the name as it is */
          g_menu_remove (self->primary_menu, i);
          g_menu_insert_section (self->primary_menu, i, name, G_MENU_MODEL (self->workspace_section));
          return;
        }
    }
}

/* Which workspace is open: in the window's title (the task switcher), under
 * the title when the view switcher gives way to it, and at the head of the
 * menu's workspace section */
static void
update_workspace_title (DeskWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->database_path == NULL)
    return;
  name = desk_workspace_display_name (self->database_path);
  /* Translators: the window's title; %s is the workspace's name */
  title = g_strdup_printf (_("CommunityDesk — %s"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  label_workspace_section (self, name);
}

static void
fill_recent_menu (DeskWindow *self)
{
  g_auto(GStrv) recent = desk_workspace_settings_dup_recent (self->settings, self->database_path);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    g_ptr_array_add (names, desk_workspace_display_name (recent[i]));

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;
      g_autofree char *text = NULL;
      const char *name = g_ptr_array_index (names, i);
      guint same = 0;

      for (guint j = 0; j < names->len; j++)
        same += g_str_equal (name, g_ptr_array_index (names, j));
      if (same > 1)
        {
          /* Two clients' folders of the same name: say where each is */
          g_autofree char *dir = g_path_get_dirname (recent[i]);
          g_autofree char *parent = g_path_get_dirname (dir);
          g_autofree char *where = g_filename_display_name (parent);

          /* Translators: a recent workspace in the menu: its name and its folder's location */
          text = g_strdup_printf (_("%s (in %s)"), name, where);
        }
      label = menu_label (text != NULL ? text : name);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent-workspace", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }

  if (recent[0] == NULL)
    g_menu_append (self->recent_menu, _("No Recent Workspaces"), "win.no-recent-workspace");
}

static void
menu_shown_cb (DeskWindow *self)
{
  /* Workspaces moved or deleted since leave the menu */
  fill_recent_menu (self);
}

static void
error_dialog (DeskWindow *self,
              const char *heading,
              const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window of @store, in place of this one: same size (from the settings
 * this one leaves) and view, remembered as the workspace of the next start */
static DeskWindow *
switch_to (DeskWindow *self,
           DeskStore  *store,
           const char *path)
{
  DeskApplication *app = DESK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *view = g_strdup (desk_window_get_view (self));
  DeskWindow *window;

  save_window_state (self);
  /* The calendar's filter names channels and a campaign by their ids in
   * the workspace left: in another they would hide unrelated posts */
  g_settings_reset (self->settings, "filter-channels");
  g_settings_reset (self->settings, "filter-campaign");
  /* The workspace left can be found again in Open Recent */
  if (self->database_path != NULL && self->store != NULL)
    desk_workspace_settings_add_recent (self->settings, self->database_path);
  desk_workspace_settings_remember (self->settings, path);

  window = desk_window_new (app, store, path, NULL);
  /* The view shown here, if the workspace has pages to show */
  if (view != NULL)
    desk_window_show_view (window, view);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));
  return window;
}

static void
open_failed (DeskWindow *self,
             GTask      *task,
             GError     *error)
{
  error_dialog (self, _("The Workspace Cannot Be Opened"), error->message);
  g_task_return_error (task, error);
}

static void
open_verified_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GTask) task = data;
  DeskWindow *self = g_task_get_source_object (task);
  DeskStore *store = DESK_STORE (source);
  GError *error = NULL;

  if (!desk_store_verify_finish (store, result, &error))
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        {
          g_task_return_error (task, error);
          return;
        }
      /* A damaged file does not take the place of a working window */
      if (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT))
        {
          open_failed (self, task, error);
          return;
        }
      /* The check could not run (locked for a moment): the new window's
       * own check and the first write repeat it */
      g_clear_error (&error);
    }
  g_task_return_pointer (task, switch_to (self, store, desk_store_get_path (store)), NULL);
}

/**
 * desk_window_open_workspace_async:
 * @path: a workspace file (in the folder the file chooser gave)
 * @create: %TRUE to create a new, empty workspace there (New Workspace…);
 *   an existing file is never replaced
 *
 * What the file chooser's answer does: opens (or creates) the workspace
 * and shows it in a new window in place of this one. A file that cannot be
 * opened (not a workspace, damaged, locked, newer) is said in a dialog and
 * this window stays as it is.
 */
void
desk_window_open_workspace_async (DeskWindow          *self,
                                  const char          *path,
                                  gboolean             create,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(DeskStore) store = NULL;
  GError *error = NULL;

  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  /* No cancellable: the task outlives this window when it succeeds */
  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, desk_window_open_workspace_async);

  if (self->database_path != NULL && g_strcmp0 (self->database_path, path) == 0 && self->store != NULL)
    {
      g_task_return_pointer (task, self, NULL);
      return;
    }

  if (create && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *where = g_filename_display_name (dir);

      error = g_error_new (DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                           _("The folder “%s” already holds a workspace. Open it with Open Workspace…, or choose an empty folder."),
                           where);
      open_failed (self, task, error);
      return;
    }

  store = desk_store_open (path, create ? DESK_STORE_OPEN_DEFAULT : DESK_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    {
      open_failed (self, task, error);
      return;
    }
  if (create)
    {
      g_task_return_pointer (task, switch_to (self, store, path), NULL);
      return;
    }
  desk_store_verify_async (store, self->cancellable, open_verified_cb, g_steal_pointer (&task));
}

/**
 * desk_window_open_workspace_finish:
 *
 * Returns: (transfer none) (nullable): the window now showing the
 *   workspace, or %NULL with @error set (already said to the user)
 */
DeskWindow *
desk_window_open_workspace_finish (DeskWindow    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
save_copy_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  guint n_images = 0;

  if (desk_store_save_copy (DESK_STORE (source), data, &n_images, &error))
    g_task_return_int (task, n_images);
  else
    g_task_return_error (task, error);
}

static void
copy_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  DeskWindow *self = g_task_get_source_object (task);
  const char *path = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gssize n_images = g_task_propagate_int (G_TASK (result), &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      /* The window closed meanwhile: nothing left to tell it */
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", TRUE);
  if (error != NULL)
    {
      error_dialog (self, _("The Copy Could Not Be Saved"), error->message);
      g_task_return_error (task, error);
      return;
    }

  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *where = g_filename_display_basename (dir);
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Copy saved in “%s” with its image",
                                                             "Copy saved in “%s” with its %u images",
                                                             (gulong) n_images),
                                                where, (guint) n_images);

    if (n_images == 0)
      {
        g_free (message);
        message = g_strdup_printf (_("Copy saved in “%s”"), where);
      }
    desk_window_add_toast (self, message);
  }
  g_task_return_boolean (task, TRUE);
}

/**
 * desk_window_save_copy_async:
 * @path: the file to write (replaced if it exists)
 *
 * What Save a Copy… does once the folder is chosen: writes a copy of the
 * workspace, with its images, in another thread; says when it is done, or
 * why it could not be done, in the window.
 */
void
desk_window_save_copy_async (DeskWindow          *self,
                             const char          *path,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) copy = NULL;

  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, desk_window_save_copy_async);
  if (self->store == NULL)
    {
      g_task_return_new_error (task, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                               _("No workspace is open."));
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
  copy = g_task_new (self->store, NULL, copy_saved_cb, g_steal_pointer (&task));
  g_task_set_task_data (copy, g_strdup (path), g_free);
  g_task_run_in_thread (copy, save_copy_thread);
}

gboolean
desk_window_save_copy_finish (DeskWindow    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
replace_copy_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          DeskWindow       *self)
{
  if (g_str_equal (response, "replace"))
    desk_window_save_copy_async (self, g_object_get_data (G_OBJECT (dialog), "path"), NULL, NULL);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     DeskWindow      *self)
{
  DeskWorkspaceChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "choice"));
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  path = desk_workspace_chooser_dup_path (chooser);
  if (path == NULL)
    {
      desk_window_add_toast (self, _("Choose a folder on this computer."));
      goto out;
    }

  if (choice != DESK_WORKSPACE_CHOOSE_COPY)
    desk_window_open_workspace_async (self, path, choice == DESK_WORKSPACE_CHOOSE_NEW, NULL, NULL);
  else if (!g_file_test (path, G_FILE_TEST_EXISTS) || g_strcmp0 (path, self->database_path) == 0)
    desk_window_save_copy_async (self, path, NULL, NULL);
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *where = g_filename_display_basename (dir);
      /* Translators: %s is a folder's name */
      g_autofree char *heading = g_strdup_printf (_("Replace the Workspace in “%s”?"), where);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                  _("The workspace in this folder will be replaced by a copy of the open one. Its images are kept."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "path", g_steal_pointer (&path), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (replace_copy_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
workspace_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskWorkspaceChoice choice = g_str_equal (action_name, "win.new-workspace") ? DESK_WORKSPACE_CHOOSE_NEW
                             : g_str_equal (action_name, "win.open-workspace") ? DESK_WORKSPACE_CHOOSE_OPEN
                             : DESK_WORKSPACE_CHOOSE_COPY;
  GtkNativeDialog *chooser = desk_workspace_chooser_new (GTK_WINDOW (self), choice);

  g_object_set_data (G_OBJECT (chooser), "choice", GINT_TO_POINTER (choice));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (chooser);
}

static void
open_recent_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  desk_window_open_workspace_async (DESK_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE, NULL, NULL);
}

static void
no_recent_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
}

static gboolean
desk_window_close_request (GtkWindow *window)
{
  save_window_state (DESK_WINDOW (window));

  return GTK_WINDOW_CLASS (desk_window_parent_class)->close_request (window);
}

/* Offline: a banner says how many changes wait; they go when the network
 * is back, or on Try Again */
static void
sync_state_cb (DeskWindow *self)
{
  guint waiting = desk_sync_service_get_waiting (self->sync);
  gboolean offline = !desk_sync_service_get_online (self->sync);
  g_autofree char *text = NULL;

  if (offline)
    {
      /* Translators: the banner when the network is gone */
      text = waiting > 0 ? g_strdup_printf (ngettext ("Offline — %u change waiting", "Offline — %u changes waiting",
                                                      waiting), waiting)
                         : g_strdup (_("Offline — changes will be sent when the network is back"));
      gtk_label_set_text (self->offline_label, text);
    }
  gtk_revealer_set_reveal_child (self->offline_revealer, offline);
}

/* New direct messages and questions, said on the desktop while the window
 * is not in front, with Reply and Mark Read; the first look only notes
 * where the inbox stands */
static void
alert_new_notifications (DeskWindow *self)
{
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GNotification) notification = NULL;
  gint64 newest = self->alerted_up_to;
  DeskNotification *first;

  filter->brand_id = 0;
  filter->view = DESK_INBOX_VIEW_ATTENTION;
  filter->unread_only = TRUE;
  if ((items = desk_store_query_inbox (self->store, filter, 0, 50, NULL)) == NULL)
    return;
  for (guint i = 0; i < items->len; i++)
    {
      DeskNotification *n = g_ptr_array_index (items, i);

      newest = MAX (newest, desk_notification_get_id (n));
      if (self->alerted_up_to >= 0 && desk_notification_get_id (n) > self->alerted_up_to &&
          desk_notification_get_priority (n) >= DESK_INBOX_PRIORITY_ATTENTION)
        g_ptr_array_add (fresh, n);
    }
  self->alerted_up_to = MAX (newest, 0);
  if (fresh->len == 0 || gtk_window_is_active (GTK_WINDOW (self)))
    return;

  first = g_ptr_array_index (fresh, 0);
  if (fresh->len == 1)
    {
      /* Translators: a desktop notification: "Direct message from Zoé" */
      g_autofree char *title = g_strdup_printf (_("%s from %s"), desk_notification_kind_to_label (desk_notification_get_kind (first)),
                                                desk_notification_get_author (first));
      g_autofree char *body = g_utf8_substring (desk_notification_get_text (first) ?: "", 0, 200);

      notification = g_notification_new (title);
      g_notification_set_body (notification, body);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u new message needs attention", "%u new messages need attention",
                                                          fresh->len), fresh->len);
      g_autoptr(GString) who = g_string_new (NULL);

      for (guint i = 0; i < fresh->len && i < 5; i++)
        g_string_append_printf (who, "%s%s", i > 0 ? ", " : "", desk_notification_get_author (g_ptr_array_index (fresh, i)));
      notification = g_notification_new (title);
      g_notification_set_body (notification, who->str);
    }
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.inbox-open", "x", desk_notification_get_id (first));
  g_notification_add_button_with_target (notification, _("Reply"), "app.inbox-open", "x", desk_notification_get_id (first));
  g_notification_add_button_with_target (notification, _("Mark Read"), "app.inbox-mark-read", "x",
                                         desk_notification_get_id (first));
  g_application_send_notification (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), "inbox", notification);
}

static void
sync_finished_cb (DeskWindow *self)
{
  const char *error = desk_sync_service_get_last_error (self->sync);

  if (self->broken)
    return;
  if (error != NULL)
    desk_window_add_toast (self, error);
  desk_window_refresh (self);
  alert_new_notifications (self);
  if (self->pages[PAGE_INBOX] != NULL)
    desk_inbox_page_update_badge (DESK_INBOX_PAGE (self->pages[PAGE_INBOX]));
}

/**
 * desk_window_open_notification:
 *
 * The inbox, with the notification @notification_id chosen and its reply
 * ready (a desktop notification's "Reply").
 */
void
desk_window_open_notification (DeskWindow *self,
                               gint64      notification_id)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  if (self->pages[PAGE_INBOX] == NULL)
    return;
  desk_window_show_view (self, "inbox");
  desk_inbox_page_open_notification (DESK_INBOX_PAGE (self->pages[PAGE_INBOX]), notification_id);
}

/* Time to post by hand: a desktop notification with what it takes */
static void
reminder_cb (DeskWindow *self,
             gint64      item_id,
             gint64      post_id,
             gint64      channel_id)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(DeskPost) post = desk_store_get_post (self->store, post_id, NULL);
  g_autoptr(GListModel) channels = desk_store_list_channels (self->store, 0, NULL);
  g_autoptr(GHashTable) by_id = channels ? desk_store_index_by_id (channels) : NULL;
  g_autofree char *path = desk_store_dup_first_media_path (self->store, post_id, NULL);
  g_autofree char *title = NULL;
  g_autofree char *id = g_strdup_printf ("remind-%" G_GINT64_FORMAT, item_id);
  g_autofree char *body = NULL;
  DeskChannel *channel = by_id ? g_hash_table_lookup (by_id, &channel_id) : NULL;

  if (post == NULL || channel == NULL)
    return;
  /* Translators: a desktop notification; %s is a network (Instagram) */
  title = g_strdup_printf (_("Time to post on %s"), desk_network_to_label (desk_channel_get_network (channel)));
  body = g_utf8_substring (desk_post_get_body (post) ? desk_post_get_body (post) : "", 0, 200);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_add_button_with_target (notification, _("Copy Text"), "app.copy-post-text", "x", item_id);
  if (path != NULL)
    g_notification_add_button_with_target (notification, _("Open Image"), "app.open-post-image", "x", item_id);
  g_notification_add_button_with_target (notification, _("Mark as Published"), "app.mark-published", "x", item_id);
  g_application_send_notification (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), id, notification);
}

static void
sync_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  if (self->sync != NULL)
    desk_sync_service_sync_now (self->sync);
}

/* Sends what is due and pulls the inbox: once the workspace is known to be
 * sound (desk_store_verify_async ()), every few minutes, on demand, and
 * when the network is back */
static void
start_sync (DeskWindow *self)
{
  self->sync = desk_sync_service_new (self->store, g_network_monitor_get_default ());
  g_signal_connect_object (self->sync, "notify::online", G_CALLBACK (sync_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::waiting", G_CALLBACK (sync_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "finished", G_CALLBACK (sync_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "reminder", G_CALLBACK (reminder_cb), self, G_CONNECT_SWAPPED);
  sync_state_cb (self);
  /* Where the inbox stands: only what comes later is said */
  alert_new_notifications (self);
}

/**
 * desk_window_get_sync_service:
 *
 * Returns: (transfer none) (nullable): the window's sync
 */
DeskSyncService *
desk_window_get_sync_service (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->sync;
}

static void
desk_window_dispose (GObject *object)
{
  DeskWindow *self = (DeskWindow *) object;

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->sync != NULL)
    desk_sync_service_stop (self->sync);
  g_clear_object (&self->sync);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_WINDOW);

  G_OBJECT_CLASS (desk_window_parent_class)->dispose (object);
}

static void
desk_window_finalize (GObject *object)
{
  DeskWindow *self = (DeskWindow *) object;

  g_clear_object (&self->brands);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (desk_window_parent_class)->finalize (object);
}

static void
desk_window_class_init (DeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_window_dispose;
  object_class->finalize = desk_window_finalize;
  window_class->close_request = desk_window_close_request;

  g_type_ensure (DESK_TYPE_BRAND);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, brand_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, offline_label);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, workspace_section);
  gtk_widget_class_bind_template_callback (widget_class, on_demo_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.new-post", NULL, new_post_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-post-on", "x", new_post_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-idea", NULL, new_idea_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-post", "x", edit_post_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.compose-post", "x", compose_post_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.sync", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-brand", NULL, new_brand_action_cb);
  gtk_widget_class_install_action (widget_class, "win.manage-brands", NULL, manage_brands_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-post", NULL);
  /* A new post in the editor, from anywhere in the window */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.compose-post", "x", (gint64) 0);
  gtk_widget_class_install_action (widget_class, "win.calendar-go", "i", calendar_go_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.calendar-go", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.calendar-go", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.calendar-go", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.calendar-go", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "calendar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "compose");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "inbox");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "reports");

  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, workspace_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", NULL, workspace_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, workspace_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent-workspace", "s", open_recent_action_cb);
  gtk_widget_class_install_action (widget_class, "win.no-recent-workspace", NULL, no_recent_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-workspace", NULL);
}

static void
desk_window_init (DeskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->alerted_up_to = -1;
  desk_drop_down_set_accessible_label (self->brand_dropdown, _("Brand"));

  g_signal_connect_swapped (self->brand_dropdown, "notify::selected-item",
                            G_CALLBACK (brand_selected_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (visible_view_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent-workspace", FALSE);
}

static gboolean
poll_store_cb (gpointer data)
{
  DeskWindow *self = data;

  if (self->store != NULL && desk_store_poll_external_changes (self->store))
    desk_window_refresh (self);
  return G_SOURCE_CONTINUE;
}

static void
first_focus_cb (DeskWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, first_focus_cb, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (desk_window_get_view (self), page_names[i]) == 0 && self->pages[i] != NULL)
      gtk_widget_grab_focus (self->pages[i]);
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(DeskWindow) self = data;
  g_autoptr(GError) error = NULL;

  /* A damaged file: say so in place of a calendar that would look empty
   * or half full, and what to do; nothing is written to it any more */
  if (!desk_store_verify_finish (DESK_STORE (source), result, &error) &&
      g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT) &&
      !g_cancellable_is_cancelled (self->cancellable))
    {
      show_error (self, error->message);
      return;
    }
  /* Sound: the first sync, then one every few minutes */
  if (self->sync != NULL && !g_cancellable_is_cancelled (self->cancellable))
    {
      desk_sync_service_set_interval (self->sync, g_settings_get_uint (self->settings, "sync-interval"));
      desk_sync_service_sync_now (self->sync);
    }
}

DeskWindow *
desk_window_new (DeskApplication *application,
                 DeskStore       *store,
                 const char      *database_path,
                 const GError    *open_error)
{
  DeskWindow *self;
  GSettings *settings;

  g_return_val_if_fail (DESK_IS_APPLICATION (application), NULL);

  settings = desk_application_get_settings (application);
  self = g_object_new (DESK_TYPE_WINDOW,
                       "application", application,
                       "default-width", g_settings_get_int (settings, "window-width"),
                       "default-height", g_settings_get_int (settings, "window-height"),
                       "maximized", g_settings_get_boolean (settings, "window-maximized"),
                       NULL);
  self->settings = g_object_ref (settings);
  self->database_path = g_strdup (database_path);
  update_workspace_title (self);
  fill_recent_menu (self);
  /* Given only now that its workspace section has its heading: GTK 4.8
   * leaves a submenu's page behind when a built menu's section is
   * replaced */
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (self->primary_menu));
  /* gtk_menu_button_get_active () is GTK 4.10: the popover's "show" on 4.8 */
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->menu_button), "show",
                            G_CALLBACK (menu_shown_cb), self);
  /* Built from gtk/help-overlay.ui when the window joined the application */
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) != NULL)
    desk_shortcuts_window_name_keys (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self))));

  if (store == NULL)
    {
      show_error (self, open_error ? open_error->message : _("Unknown error."));
      return self;
    }

  self->store = g_object_ref (store);
  load_brands (self);
  g_signal_connect_object (store, "brands-changed", G_CALLBACK (load_brands), self, G_CONNECT_SWAPPED);
  desk_store_verify_async (store, self->cancellable, verified_cb, g_object_ref (self));

  /* Changes made elsewhere (community-desk-cli…) reach the views. */
  desk_store_poll_external_changes (store);
  self->poll_id = g_timeout_add_seconds (2, poll_store_cb, self);
  if (!desk_store_is_read_only (store))
    start_sync (self);

  if (self->pages[0] != NULL)
    {
      g_autofree char *view = g_settings_get_string (settings, "last-view");
      desk_window_show_view (self, view);
      /* The first focus in the work (the calendar's selected day), not on
       * the first control of the header bar, once the pages are shown */
      g_signal_connect (self, "map", G_CALLBACK (first_focus_cb), NULL);
    }
  return self;
}

DeskStore *
desk_window_get_store (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
desk_window_get_database_path (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->database_path;
}

gint64
desk_window_get_brand_id (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), 0);
  return self->brand_id;
}

/* Reads the workspace again (after Preferences, or a change made by the
 * command-line tool or another program). */
void
desk_window_refresh (DeskWindow *self)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  if (self->store != NULL)
    load_brands (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    if (self->pages[i] != NULL)
      desk_page_invalidate (DESK_PAGE (self->pages[i]));
}


void
desk_window_show_view (DeskWindow *self,
                       const char *view)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (view, page_names[i]) == 0 && self->pages[i] != NULL)
      adw_view_stack_set_visible_child_name (self->view_stack, view);
}

const char *
desk_window_get_view (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/* Says why a workspace could not be opened, in a dialog over the window */
void
desk_window_report_open_error (DeskWindow *self,
                               const char *message)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  error_dialog (self, _("The Workspace Cannot Be Opened"), message);
}
