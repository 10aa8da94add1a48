/* test-narrow.c: the window fits a 1024×600 screen, in French too
 *
 * Opens the real window on the demo workspace in French (the longest of
 * our languages) and, in each view, measures the window: its minimum
 * size must fit 1024×600, and at 1024 px wide the titles shown in the
 * header and in the calendar's bar must not be cut.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "desk-account-dialog.h"
#include "desk-account-row.h"
#include "desk-application.h"
#include "desk-brand-dialog.h"
#include "desk-preferences-window.h"
#include "desk-calendar-page.h"
#include "desk-demo.h"
#include "desk-time.h"
#include "desk-window.h"
#include "desk-presentation-window.h"
#include "desk-reports-page.h"
#include "desk-metrics-import-dialog.h"
#include "desk-objectives-dialog.h"
#include "desk-moderation-dialog.h"
#include "ui-helpers.h"

#define SCREEN_WIDTH  1024
#define SCREEN_HEIGHT 600

static DeskApplication *app;

typedef UiWorkspace Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ui_workspace_create (f, "narrow", TRUE, NULL);
  ui_workspace_present (f, app, SCREEN_WIDTH, SCREEN_HEIGHT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_workspace_close (f);
}

/* Until the window has been laid out and painted again */
static void
wait_laid_out (Fixture *f)
{
  gtk_widget_queue_resize (GTK_WIDGET (f->window));
  wait_painted (GTK_WIDGET (f->window));
}

/* Lists the widgets under @widget whose minimum width is above @limit,
 * to tell which one makes the window too wide */
static void
print_widest (GtkWidget *widget,
              int        limit,
              int        depth)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int min;

      if (!gtk_widget_get_visible (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > limit)
        {
          const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (c));
          g_test_message ("%*s%s%s%s: %d px", depth * 2, "", G_OBJECT_TYPE_NAME (c), id ? "#" : "", id ? id : "", min);
          print_widest (c, limit, depth + 1);
        }
    }
}

static void
assert_fits (Fixture    *f,
             const char *what)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  int min_width, min_height;

  wait_laid_out (f);
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, SCREEN_WIDTH, &min_height, NULL, NULL, NULL);
  g_test_message ("%s: minimum %d×%d px", what, min_width, min_height);
  if (min_width > SCREEN_WIDTH)
    print_widest (window, 60, 0);
  g_assert_cmpint (min_width, <=, SCREEN_WIDTH);
  g_assert_cmpint (min_height, <=, SCREEN_HEIGHT);
  /* The surface fills the screen's width (the window less its frame) */
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, SCREEN_WIDTH);
}

/* A label or inscription shown whole: its text fits what it was given */
static void
assert_not_cut (GtkWidget  *widget,
                const char *what)
{
  PangoLayout *layout;
  int natural, width;

  g_assert_true (gtk_widget_get_mapped (widget));
  width = gtk_widget_get_width (widget);
  if (GTK_IS_LABEL (widget))
    {
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      layout = gtk_label_get_layout (GTK_LABEL (widget));
      g_test_message ("%s: “%s” %d px wide in %d px", what, gtk_label_get_text (GTK_LABEL (widget)), natural, width);
      g_assert_false (pango_layout_is_ellipsized (layout));
    }
  else
    {
      g_autoptr(PangoLayout) whole = gtk_widget_create_pango_layout (widget, gtk_inscription_get_text (GTK_INSCRIPTION (widget)));

      pango_layout_get_pixel_size (whole, &natural, NULL);
      g_test_message ("%s: “%s” %d px wide in %d px", what, gtk_inscription_get_text (GTK_INSCRIPTION (widget)),
                      natural, width);
    }
  g_assert_cmpint (natural, <=, width);
}

static void
show_view (Fixture    *f,
           const char *view)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", view));
  g_assert_cmpstr (desk_window_get_view (f->window), ==, view);
}

/* The title shown: the long one, or the short one where it does not fit */
static GtkWidget *
shown_title (DeskCalendarPage *page)
{
  GtkWidget *title = template_child (page, DESK_TYPE_CALENDAR_PAGE, "month_label");

  g_assert_true (ADW_IS_SQUEEZER (gtk_widget_get_parent (title)));
  return adw_squeezer_get_visible_child (ADW_SQUEEZER (gtk_widget_get_parent (title)));
}

/* Pictures of the view in French at 1024 × 600, light and dark (kept in
 * $DESK_SCREENSHOT_DIR when set, else removed with the workspace) */
static void
take_screenshots (Fixture    *f,
                  const char *view)
{
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  static const char * const names[] = { "light", "dark" };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const char *dir = g_getenv ("DESK_SCREENSHOT_DIR");

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *name = g_strdup_printf ("fr-1024x600-%s-%s.png", view, names[i]);
      g_autofree char *path = g_build_filename (dir != NULL ? dir : f->dir, name, NULL);

      adw_style_manager_set_color_scheme (manager, schemes[i]);
      g_assert_cmpint (adw_style_manager_get_dark (manager), ==, i == 1);
      wait_painted (GTK_WIDGET (f->window));
      assert_fits (f, view);
      assert_screenshot (GTK_WIDGET (f->window), path);
      g_test_message ("%s", path);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  DeskCalendarPage *page = ui_calendar_page (f->window);

  show_view (f, "calendar");
  desk_calendar_page_set_view (page, data);
  assert_fits (f, data);
  assert_not_cut (shown_title (page), data);

  /* The longest months' names in French */
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (2026, month, 30 - (month == 2) * 3, 12, 0, 0);

      if (g_strcmp0 (data, "week") == 0)
        desk_calendar_page_set_week (page, day);
      else
        desk_calendar_page_set_month (page, day);
      assert_fits (f, data);
      assert_not_cut (shown_title (page), data);
    }
  take_screenshots (f, data);
}

static void
test_view (Fixture       *f,
           gconstpointer  data)
{
  show_view (f, data);
  assert_fits (f, data);
  take_screenshots (f, data);
}

/* A dialog fits the screen too; pictures of it, light and dark */
static void
dialog_screenshots (Fixture    *f,
                    GtkWidget  *dialog,
                    const char *what)
{
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  static const char * const names[] = { "light", "dark" };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const char *dir = g_getenv ("DESK_SCREENSHOT_DIR");
  int min_width, min_height;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *name = g_strdup_printf ("fr-1024x600-%s-%s.png", what, names[i]);
      g_autofree char *path = g_build_filename (dir != NULL ? dir : f->dir, name, NULL);

      adw_style_manager_set_color_scheme (manager, schemes[i]);
      gtk_widget_queue_resize (dialog);
      wait_painted (dialog);
      gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (dialog, GTK_ORIENTATION_VERTICAL, SCREEN_WIDTH, &min_height, NULL, NULL, NULL);
      g_test_message ("%s: minimum %d×%d px, shown %d×%d", what, min_width, min_height,
                      gtk_widget_get_width (dialog), gtk_widget_get_height (dialog));
      if (min_width > SCREEN_WIDTH)
        print_widest (dialog, 60, 0);
      g_assert_cmpint (min_width, <=, SCREEN_WIDTH);
      g_assert_cmpint (min_height, <=, SCREEN_HEIGHT);
      g_assert_cmpint (gtk_widget_get_height (dialog), <=, SCREEN_HEIGHT);
      assert_screenshot (dialog, path);
      g_test_message ("%s", path);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* The brand dialog's two steps */
static void
test_brand_dialog (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-brand", NULL));
  dialog = find_toplevel (DESK_TYPE_BRAND_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (dialog);
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "name_row"), "Boulangerie Martin & Fils");
  g_signal_emit_by_name (find_widget (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "palette_editor"), GTK_TYPE_BUTTON),
                         "clicked");
  dialog_screenshots (f, dialog, "brand-dialog");

  g_assert_true (gtk_widget_activate_action (dialog, "brand.next", NULL));
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "handle_row"), "@martin@piaille.fr");
  g_assert_true (gtk_widget_activate_action (dialog, "brand.add-channel", NULL));
  adw_combo_row_set_selected (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "network_row"), 3);
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "handle_row"), "@boulangeriemartin");
  g_assert_true (gtk_widget_activate_action (dialog, "brand.add-channel", NULL));
  {
    GtkStack *stack = template_child (dialog, DESK_TYPE_BRAND_DIALOG, "stack");

    for (int i = 0; i < 2000 && gtk_stack_get_transition_running (stack); i++)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (gtk_stack_get_transition_running (stack));
  }
  dialog_screenshots (f, dialog, "brand-dialog-channels");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Preferences › Brands, the first brand open, one archived */
static void
test_brands_page (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DeskBrand) archived = g_object_new (DESK_TYPE_BRAND, "name", "Atelier Nord", "archived", TRUE, NULL);
  AdwPreferencesWindow *prefs;
  GtkWidget *row;

  g_assert_true (desk_store_save_brand (f->store, archived, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.manage-brands", NULL));
  prefs = find_toplevel (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  wait_mapped (GTK_WIDGET (prefs));
  row = find_widget (GTK_WIDGET (adw_preferences_window_get_visible_page (prefs)), ADW_TYPE_EXPANDER_ROW);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  {
    GtkRevealer *revealer = GTK_REVEALER (find_widget (row, GTK_TYPE_REVEALER));

    for (int i = 0; i < 2000 && !gtk_revealer_get_child_revealed (revealer); i++)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (gtk_revealer_get_child_revealed (revealer));
  }
  dialog_screenshots (f, GTK_WIDGET (prefs), "brands");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Preferences › Channels: the channel groups' rows (colour swatches, the
 * removal button) fit at 1024×600 */
static void
test_preferences_channels (Fixture       *f,
                           gconstpointer  data)
{
  DeskPreferencesWindow *prefs = desk_preferences_window_new (desk_application_get_settings (app), f->path, f->store,
                                                              desk_window_get_brand_id (f->window));

  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (f->window));
  gtk_window_set_default_size (GTK_WINDOW (prefs), 720, SCREEN_HEIGHT);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "channels");
  gtk_window_present (GTK_WINDOW (prefs));
  wait_painted (GTK_WIDGET (prefs));
  dialog_screenshots (f, GTK_WIDGET (prefs), "preferences-channels");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static gboolean
is_account_row_of (GtkWidget *widget,
                   gpointer   network)
{
  return DESK_IS_ACCOUNT_ROW (widget) &&
         desk_channel_get_network (desk_account_row_get_channel (DESK_ACCOUNT_ROW (widget))) ==
           (DeskNetwork) GPOINTER_TO_INT (network);
}

/* Preferences › Channels with the Mastodon channel connected, its
 * account dialog, and the dialog saying what is wrong; then Bluesky's */
static void
test_accounts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, desk_window_get_brand_id (f->window), NULL);
  DeskPreferencesWindow *prefs;
  GtkWidget *row, *dialog;

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      DeskAccount account = { 0 };

      if (desk_channel_get_network (channel) != DESK_NETWORK_MASTODON)
        continue;
      account.channel_id = desk_channel_get_id (channel);
      account.secret_key = (char *) "narrow-key";
      account.server = (char *) "https://piaille.fr";
      account.remote_handle = (char *) "fournil";
      account.display_name = (char *) "Le Fournil des Halles";
      g_assert_true (desk_store_save_account (f->store, &account, NULL));
    }

  prefs = desk_preferences_window_new (desk_application_get_settings (app), f->path, f->store,
                                       desk_window_get_brand_id (f->window));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (f->window));
  gtk_window_set_default_size (GTK_WINDOW (prefs), 720, SCREEN_HEIGHT);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "channels");
  gtk_window_present (GTK_WINDOW (prefs));
  wait_painted (GTK_WIDGET (prefs));
  row = find_descendant (GTK_WIDGET (prefs), is_account_row_of, GINT_TO_POINTER (DESK_NETWORK_MASTODON));
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "@fournil"));
  /* The row in sight, as the keyboard brings it */
  gtk_widget_grab_focus (template_child (row, DESK_TYPE_ACCOUNT_ROW, "disconnect_button"));
  wait_painted (GTK_WIDGET (prefs));
  dialog_screenshots (f, GTK_WIDGET (prefs), "preferences-account");

  /* Its token stopped working */
  g_assert_true (desk_store_set_account_state (f->store,
                                               desk_channel_get_id (desk_account_row_get_channel (DESK_ACCOUNT_ROW (row))),
                                               TRUE, "Le serveur n’accepte plus la connexion de ce compte : reconnectez-le "
                                               "(The access token was revoked).", NULL));
  desk_account_row_refresh (DESK_ACCOUNT_ROW (row));
  g_assert_true (desk_account_row_get_warning (DESK_ACCOUNT_ROW (row)));
  dialog_screenshots (f, GTK_WIDGET (prefs), "preferences-account-reconnect");

  desk_store_delete_account (f->store, desk_channel_get_id (desk_account_row_get_channel (DESK_ACCOUNT_ROW (row))), NULL);
  desk_account_row_refresh (DESK_ACCOUNT_ROW (row));
  g_assert_true (gtk_widget_activate_action (row, "account.connect", NULL));
  dialog = find_toplevel (DESK_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (dialog);
  dialog_screenshots (f, dialog, "account-dialog");

  /* Not https: said in the dialog (the token shown as dots) */
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "instance_row"), "http://piaille.fr");
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "token_row"), "tok-fournil");
  g_assert_true (gtk_widget_activate_action (dialog, "account.connect", NULL));
  g_assert_true (gtk_widget_get_visible (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "status_box")));
  dialog_screenshots (f, dialog, "account-dialog-error");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Bluesky's: the service, the handle and an app password; then what it
   * says when no app password is typed */
  row = find_descendant (GTK_WIDGET (prefs), is_account_row_of, GINT_TO_POINTER (DESK_NETWORK_BLUESKY));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, "account.connect", NULL));
  dialog = find_toplevel (DESK_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (dialog);
  g_assert_true (gtk_widget_get_visible (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "bluesky_group")));
  dialog_screenshots (f, dialog, "account-dialog-bluesky");
  g_assert_true (gtk_widget_activate_action (dialog, "account.connect", NULL));
  g_assert_true (gtk_widget_get_visible (template_child (dialog, DESK_TYPE_ACCOUNT_DIALOG, "status_box")));
  dialog_screenshots (f, dialog, "account-dialog-bluesky-error");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The Reports page's dialogs: objectives (one set), the analytics import
 * with a preview and with a refused file */
static void
test_reports_dialogs (Fixture       *f,
                      gconstpointer  data)
{
  AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  g_autofree char *good = g_build_filename (f->dir, "good.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  DeskObjective objective = { 0 };
  GtkWidget *page, *dialog;

  objective.brand_id = desk_window_get_brand_id (f->window);
  objective.kpi = (char *) "engagement_rate";
  objective.target = 0.05;
  objective.deadline = (char *) "2026-12-31";
  g_assert_true (desk_store_save_objective (f->store, &objective, NULL));
  show_view (f, "reports");
  page = adw_view_stack_get_child_by_name (stack, "reports");
  desk_page_reload (DESK_PAGE (page));

  /* The charts, then the objectives' gauges, scrolled to */
  {
    static const char * const parts[] = { "chart_box", "gauge_box" };
    GtkScrolledWindow *scroller = template_child (page, DESK_TYPE_REPORTS_PAGE, "scroller");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        g_autofree char *what = g_strdup_printf ("reports-%s", parts[i]);
        double x, y;

        wait_painted (GTK_WIDGET (f->window));
        g_assert_true (gtk_widget_translate_coordinates (template_child (page, DESK_TYPE_REPORTS_PAGE, parts[i]),
                                                         GTK_WIDGET (scroller), 0, 0, &x, &y));
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
        take_screenshots (f, what);
      }
  }

  /* The presentation's summary slide, as a projector shows it */
  {
    g_autofree char *path = g_build_filename (g_getenv ("DESK_SCREENSHOT_DIR") ? g_getenv ("DESK_SCREENSHOT_DIR") : f->dir,
                                              "fr-presentation-summary.png", NULL);
    GtkWidget *show;

    g_assert_true (gtk_widget_activate_action (page, "reports.present", NULL));
    show = find_toplevel (DESK_TYPE_PRESENTATION_WINDOW);
    g_assert_nonnull (show);
    wait_mapped (show);
    desk_presentation_window_set_page (DESK_PRESENTATION_WINDOW (show), 1);
    wait_painted (show);
    assert_screenshot (show, path);
    g_test_message ("%s", path);
    gtk_window_destroy (GTK_WINDOW (show));
  }

  g_assert_true (gtk_widget_activate_action (page, "reports.objectives", NULL));
  dialog = find_toplevel (DESK_TYPE_OBJECTIVES_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (dialog);
  dialog_screenshots (f, dialog, "objectives-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (g_file_set_contents (good, "date,metric,value\n2026-11-01,followers,1200\n2026-11-01,impressions,15400\n"
                                      "2026-11-02,impressions,9800\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "date,metric,value\n2026-11-01,followers,1200\n2026-11-31,followers,1250\n",
                                      -1, NULL));
  g_assert_true (gtk_widget_activate_action (page, "reports.import", NULL));
  dialog = find_toplevel (DESK_TYPE_METRICS_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  desk_metrics_import_dialog_load_file (DESK_METRICS_IMPORT_DIALOG (dialog), good);
  wait_mapped (dialog);
  dialog_screenshots (f, dialog, "import-dialog");
  desk_metrics_import_dialog_load_file (DESK_METRICS_IMPORT_DIALOG (dialog), bad);
  dialog_screenshots (f, dialog, "import-dialog-error");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The inbox with an item open, and its moderation rules */
static void
test_inbox_item (Fixture       *f,
                 gconstpointer  data)
{
  AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  GtkWidget *inbox;
  GtkWidget *dialog;

  show_view (f, "inbox");
  inbox = adw_view_stack_get_child_by_name (stack, "inbox");
  g_assert_true (gtk_widget_activate_action (inbox, "inbox.move", "i", 1));
  take_screenshots (f, "inbox-item");
  g_assert_true (gtk_widget_activate_action (inbox, "inbox.moderation", NULL));
  for (int i = 0; i < 2000 && find_toplevel (DESK_TYPE_MODERATION_DIALOG) == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  dialog = find_toplevel (DESK_TYPE_MODERATION_DIALOG);
  g_assert_nonnull (dialog);
  dialog_screenshots (f, dialog, "moderation-rules");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("DESK_TEST_LOCALEDIR");
  int ret;

  /* French, from the translations built with the tests, and French dates
   * (month names, Monday first) where the machine has the locale
   * (locales-all, in build-aux/deps.txt) */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (_("Calendar"), ==, "Calendrier");

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/narrow/fr/calendar/month", Fixture, "month", fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/narrow/fr/calendar/week", Fixture, "week", fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/narrow/fr/calendar/agenda", Fixture, "agenda", fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/narrow/fr/compose", Fixture, "compose", fixture_set_up, test_view, fixture_tear_down);
  g_test_add ("/narrow/fr/inbox", Fixture, "inbox", fixture_set_up, test_view, fixture_tear_down);
  g_test_add ("/narrow/fr/inbox-item", Fixture, NULL, fixture_set_up, test_inbox_item, fixture_tear_down);
  g_test_add ("/narrow/fr/reports", Fixture, "reports", fixture_set_up, test_view, fixture_tear_down);
  g_test_add ("/narrow/fr/reports/dialogs", Fixture, NULL, fixture_set_up, test_reports_dialogs, fixture_tear_down);
  g_test_add ("/narrow/fr/brand-dialog", Fixture, NULL, fixture_set_up, test_brand_dialog, fixture_tear_down);
  g_test_add ("/narrow/fr/brands", Fixture, NULL, fixture_set_up, test_brands_page, fixture_tear_down);
  g_test_add ("/narrow/fr/preferences/channels", Fixture, NULL, fixture_set_up, test_preferences_channels,
              fixture_tear_down);

  g_test_add ("/narrow/fr/preferences/accounts", Fixture, NULL, fixture_set_up, test_accounts, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
