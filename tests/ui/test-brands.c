/* test-brands.c: starting with one's own brand, and several clients
 *
 * Drives the real window (issue 12): the first start on an empty
 * workspace through the brand dialog's two steps; a second brand from
 * the window's menu; Preferences › Brands renaming, editing, archiving,
 * restoring and deleting, each seen in the window's brand selector and
 * in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cairo.h>

#include "desk-account-dialog.h"
#include "desk-application.h"
#include "desk-brand-dialog-private.h"
#include "desk-brands-page.h"
#include "desk-channels-page.h"
#include "desk-palette-editor.h"
#include "desk-post-filter.h"
#include "desk-preferences-window.h"
#include "desk-time.h"
#include "desk-timezone-row.h"
#include "desk-window.h"
#include "ui-helpers.h"

static DeskApplication *app;

typedef UiWorkspace Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ui_workspace_create (f, "brands", GPOINTER_TO_INT (data), NULL);
  ui_workspace_present (f, app, 1024, 700);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs left open by a failed assertion do not outlive the store */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
  ui_workspace_close (f);
  desk_time_set_zone (NULL);
}

/* The control a screen reader calls @label (GTK_A11Y=test) */
static gboolean
is_named (GtkWidget *widget,
          gpointer   label)
{
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return differs == NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *label)
{
  GtkWidget *found = find_descendant (root, is_named, (gpointer) label);

  if (found == NULL)
    g_error ("No control named “%s”", label);
  return found;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static gpointer
wait_toplevel (GType type)
{
  GtkWidget *window = find_toplevel (type);

  g_assert_nonnull (window);
  wait_mapped (window);
  return window;
}

/* Until no window of @type is left */
static void
wait_gone (GType type)
{
  for (int i = 0; i < 2000 && find_toplevel (type) != NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (find_toplevel (type));
}

static const char *
main_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (template_child (f->window, DESK_TYPE_WINDOW, "main_stack"));
}

/* The names the window's brand selector offers, in order */
static char *
selector_names (Fixture *f)
{
  GtkDropDown *dropdown = template_child (f->window, DESK_TYPE_WINDOW, "brand_dropdown");
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskBrand) brand = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i ? "|" : "", desk_brand_get_name (brand));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
selected_name (Fixture *f)
{
  GtkDropDown *dropdown = template_child (f->window, DESK_TYPE_WINDOW, "brand_dropdown");
  DeskBrand *brand = gtk_drop_down_get_selected_item (dropdown);

  return brand ? desk_brand_get_name (brand) : NULL;
}

static DeskBrand *
brand_named (Fixture    *f,
             const char *name)
{
  g_autoptr(GListModel) brands = desk_store_list_all_brands (f->store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (brands); i++)
    {
      g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, i);

      if (g_str_equal (desk_brand_get_name (brand), name))
        return g_steal_pointer (&brand);
    }
  return NULL;
}

static char *
write_png (Fixture *f)
{
  char *path = g_build_filename (f->dir, "logo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
  cairo_arc (cr, 32, 32, 28, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* Opens the timezone list as a user would, types @text and Enter */
static void
pick_timezone (DeskTimezoneRow *row,
               const char      *text)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  GtkWidget *search;

  gtk_menu_button_popup (button);
  wait_mapped (popover);
  search = find_widget (popover, GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (gtk_widget_has_focus (search) || gtk_widget_is_focus (gtk_widget_get_first_child (search)) ||
                 gtk_widget_get_focus_child (search) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), text);
  g_signal_emit_by_name (search, "activate");
  spin ();
  g_assert_false (gtk_widget_get_visible (popover));
}

static gboolean
is_colour_button_named (GtkWidget *widget,
                        gpointer   label)
{
  return GTK_IS_COLOR_BUTTON (widget) && is_named (widget, label);
}

static void
set_colour (GtkWidget  *editor,
            guint       n,
            const char *hex)
{
  g_autofree char *name = g_strdup_printf ("Colour %u", n);
  GtkWidget *button = find_descendant (editor, is_colour_button_named, name);
  GdkRGBA rgba;

  g_assert_nonnull (button);
  g_assert_true (gdk_rgba_parse (&rgba, hex));
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_signal_emit_by_name (button, "color-set");
}

static void
add_channel (DeskBrandDialog *dialog,
             DeskNetwork      network,
             const char      *handle)
{
  AdwComboRow *network_row = template_child (dialog, DESK_TYPE_BRAND_DIALOG, "network_row");
  AdwEntryRow *handle_row = template_child (dialog, DESK_TYPE_BRAND_DIALOG, "handle_row");

  adw_combo_row_set_selected (network_row, network);
  gtk_editable_set_text (GTK_EDITABLE (handle_row), handle);
  click (find_named (GTK_WIDGET (dialog), "Add the Channel"));
}

/* An empty workspace: Start With My Brand, its two steps, and its
 * calendar */
static void
test_first_start (Fixture       *f,
                  gconstpointer  data)
{
  DeskBrandDialog *dialog;
  GtkWidget *name_row, *editor, *logo_error, *next;
  GtkStack *stack;
  g_autoptr(DeskBrand) brand = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autofree char *png = write_png (f);
  g_autofree char *not_png = g_build_filename (f->dir, "notes.png", NULL);
  g_autofree char *logo = NULL;

  g_assert_cmpstr (main_page (f), ==, "welcome");
  click (template_child (f->window, DESK_TYPE_WINDOW, "start_button"));
  dialog = wait_toplevel (DESK_TYPE_BRAND_DIALOG);
  stack = template_child (dialog, DESK_TYPE_BRAND_DIALOG, "stack");
  next = template_child (dialog, DESK_TYPE_BRAND_DIALOG, "next_button");
  name_row = template_child (dialog, DESK_TYPE_BRAND_DIALOG, "name_row");

  /* No name: said, nothing saved */
  click (next);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "details");
  g_assert_null (brand_named (f, ""));
  g_assert_cmpstr (main_page (f), ==, "welcome");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "  Café Lumière ");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  pick_timezone (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "timezone_row"), "new york");
  g_assert_cmpstr (desk_timezone_row_get_timezone (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "timezone_row")),
                   ==, "America/New_York");
  /* French, then English */
  adw_combo_row_set_selected (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "language_row"), 2);

  /* Two colours: one added then changed, one added; a third removed */
  editor = template_child (dialog, DESK_TYPE_BRAND_DIALOG, "palette_editor");
  click (find_named (editor, "Add a Colour"));
  set_colour (editor, 1, "#c01c28");
  click (find_named (editor, "Add a Colour"));
  click (find_named (editor, "Add a Colour"));
  g_assert_cmpstr (desk_palette_editor_get_palette (DESK_PALETTE_EDITOR (editor)), ==, "#c01c28;#1c71d8;#e66100");
  click (find_named (editor, "Remove Colour 3"));
  g_assert_cmpstr (desk_palette_editor_get_palette (DESK_PALETTE_EDITOR (editor)), ==, "#c01c28;#1c71d8");

  /* A file that is not an image is refused, saying why; then a PNG */
  logo_error = template_child (dialog, DESK_TYPE_BRAND_DIALOG, "logo_error");
  g_assert_true (g_file_set_contents (not_png, "Pas une image", -1, NULL));
  _desk_brand_dialog_choose_logo_path (dialog, not_png);
  g_assert_true (gtk_widget_get_visible (logo_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (logo_error)), "not an image"));
  _desk_brand_dialog_choose_logo_path (dialog, png);
  g_assert_false (gtk_widget_get_visible (logo_error));
  g_assert_nonnull (gtk_picture_get_paintable (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "logo_picture")));

  click (next);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "channels");
  brand = brand_named (f, "Café Lumière");
  g_assert_nonnull (brand);
  g_assert_cmpstr (desk_brand_get_timezone (brand), ==, "America/New_York");
  g_assert_cmpstr (desk_brand_get_language (brand), ==, "fr,en");
  g_assert_cmpstr (desk_brand_get_palette (brand), ==, "#c01c28;#1c71d8");
  g_assert_cmpint (desk_brand_get_logo_media_id (brand), >, 0);
  logo = desk_store_dup_media_path (f->store, desk_brand_get_logo_media_id (brand), NULL);
  g_assert_true (g_file_test (logo, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, "_Skip");

  /* Step 2: a Mastodon channel and an Instagram one (published by hand);
   * the same twice is refused */
  add_channel (dialog, DESK_NETWORK_MASTODON, "@cafe@piaille.fr");
  add_channel (dialog, DESK_NETWORK_INSTAGRAM, "@cafelumiere");
  add_channel (dialog, DESK_NETWORK_INSTAGRAM, "@cafelumiere");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, "_Done");
  channels = desk_store_list_channels (f->store, desk_brand_get_id (brand), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, 2);
  {
    g_autoptr(DeskChannel) a = g_list_model_get_item (channels, 0);
    g_autoptr(DeskChannel) b = g_list_model_get_item (channels, 1);

    g_assert_cmpstr (desk_channel_get_colour (a), !=, desk_channel_get_colour (b));
    g_assert_true (desk_channel_get_network (a) == DESK_NETWORK_MASTODON || desk_channel_get_network (b) == DESK_NETWORK_MASTODON);
    g_assert_true (desk_channel_get_network (a) == DESK_NETWORK_INSTAGRAM || desk_channel_get_network (b) == DESK_NETWORK_INSTAGRAM);
  }

  /* The Mastodon channel's account can be connected from here already;
   * Instagram's is published by hand: nothing to connect */
  {
    GtkWidget *connect = find_named (GTK_WIDGET (dialog), "Connect an account to “@cafe@piaille.fr”");
    GtkWindow *account;

    g_assert_nonnull (connect);
    g_assert_null (find_descendant (GTK_WIDGET (dialog), is_named, (gpointer) "Connect an account to “@cafelumiere”"));
    click (connect);
    account = wait_toplevel (DESK_TYPE_ACCOUNT_DIALOG);
    g_assert_true (gtk_window_get_transient_for (account) == GTK_WINDOW (dialog));
    gtk_window_destroy (account);
    wait_gone (DESK_TYPE_ACCOUNT_DIALOG);
  }

  click (next);
  wait_gone (DESK_TYPE_BRAND_DIALOG);
  g_assert_cmpstr (main_page (f), ==, "workspace");
  g_assert_cmpstr (desk_window_get_view (f->window), ==, "calendar");
  g_assert_cmpint (desk_window_get_brand_id (f->window), ==, desk_brand_get_id (brand));
  g_assert_cmpstr (selected_name (f), ==, "Café Lumière");
  wait_allocated (GTK_WIDGET (ui_calendar_page (f->window)));
}

/* Escape on the second step keeps the brand, and the window shows it */
static void
test_closed_after_saving (Fixture       *f,
                          gconstpointer  data)
{
  DeskBrandDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-brand", NULL));
  dialog = wait_toplevel (DESK_TYPE_BRAND_DIALOG);
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "name_row"), "Atelier Nord");
  click (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "next_button"));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_gone (DESK_TYPE_BRAND_DIALOG);
  g_assert_cmpstr (main_page (f), ==, "workspace");
  g_assert_cmpstr (selected_name (f), ==, "Atelier Nord");
}

static AdwPreferencesWindow *
open_brands_page (Fixture *f)
{
  AdwPreferencesWindow *prefs;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.manage-brands", NULL));
  prefs = wait_toplevel (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (prefs), ==, "brands");
  g_assert_true (DESK_IS_BRANDS_PAGE (adw_preferences_window_get_visible_page (prefs)));
  return prefs;
}

static gboolean
is_entry_row (GtkWidget *widget,
              gpointer   data)
{
  return ADW_IS_ENTRY_ROW (widget);
}

/* As a click on the response's button: the response, then closed */
static void
respond (AdwMessageDialog *ask,
         const char       *response)
{
  adw_message_dialog_response (ask, response);
  gtk_window_close (GTK_WINDOW (ask));
  wait_gone (ADW_TYPE_MESSAGE_DIALOG);
}

static AdwMessageDialog *
ask_delete (AdwPreferencesWindow *prefs,
            const char           *name)
{
  g_autofree char *label = g_strdup_printf ("Delete “%s”…", name);

  click (find_named (GTK_WIDGET (prefs), label));
  return wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* A second brand, switched to; archived, restored, renamed, edited and
 * deleted in Preferences › Brands */
static void
test_several_brands (Fixture       *f,
                     gconstpointer  data)
{
  const char *demo = "Le Fournil des Halles";
  DeskBrandDialog *dialog;
  AdwPreferencesWindow *prefs;
  AdwMessageDialog *ask;
  DeskBrandContent content;
  g_autoptr(DeskBrand) second = NULL;
  g_autoptr(DeskBrand) fournil = brand_named (f, demo);
  g_autofree char *names = NULL;
  g_autofree char *posts = NULL;
  g_autofree char *channels = NULL;
  GtkWidget *row;

  g_assert_cmpstr (selected_name (f), ==, demo);

  /* New Brand… from the window's menu: the selector switches to it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-brand", NULL));
  dialog = wait_toplevel (DESK_TYPE_BRAND_DIALOG);
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "name_row"), "Boulangerie Martin");
  click (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "next_button"));
  click (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "next_button"));   /* Skip */
  wait_gone (DESK_TYPE_BRAND_DIALOG);
  second = brand_named (f, "Boulangerie Martin");
  g_assert_nonnull (second);
  names = selector_names (f);
  g_assert_cmpstr (names, ==, "Boulangerie Martin|Le Fournil des Halles");
  g_assert_cmpstr (selected_name (f), ==, "Boulangerie Martin");
  g_assert_cmpint (desk_window_get_brand_id (f->window), ==, desk_brand_get_id (second));

  /* Archived: hidden from the selector, which goes to the other brand */
  prefs = open_brands_page (f);
  click (find_named (GTK_WIDGET (prefs), "Archive “Boulangerie Martin”"));
  g_clear_pointer (&names, g_free);
  names = selector_names (f);
  g_assert_cmpstr (names, ==, demo);
  g_assert_cmpstr (selected_name (f), ==, demo);
  g_clear_object (&second);
  second = brand_named (f, "Boulangerie Martin");
  g_assert_true (desk_brand_get_archived (second));

  /* Restored: back in the selector */
  click (find_named (GTK_WIDGET (prefs), "Restore “Boulangerie Martin”"));
  g_clear_pointer (&names, g_free);
  names = selector_names (f);
  g_assert_cmpstr (names, ==, "Boulangerie Martin|Le Fournil des Halles");

  /* Renamed: the selector says the new name */
  row = find_descendant (GTK_WIDGET (adw_preferences_window_get_visible_page (prefs)), is_entry_row, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Boulangerie Martin");
  gtk_editable_set_text (GTK_EDITABLE (row), "Boulangerie Martin & Fils");
  g_signal_emit_by_name (row, "apply");
  spin ();
  g_clear_pointer (&names, g_free);
  names = selector_names (f);
  g_assert_cmpstr (names, ==, "Boulangerie Martin & Fils|Le Fournil des Halles");

  /* Edited in the brand dialog: its language */
  click (find_named (GTK_WIDGET (prefs), "Edit “Boulangerie Martin & Fils”"));
  dialog = wait_toplevel (DESK_TYPE_BRAND_DIALOG);
  g_assert_cmpstr (gtk_button_get_label (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "next_button")), ==, "_Save");
  adw_combo_row_set_selected (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "language_row"), 1);
  click (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "next_button"));
  wait_gone (DESK_TYPE_BRAND_DIALOG);
  g_clear_object (&second);
  second = brand_named (f, "Boulangerie Martin & Fils");
  g_assert_cmpstr (desk_brand_get_language (second), ==, "en");

  /* Delete asks, naming what goes with it; Cancel keeps everything */
  g_assert_true (desk_store_count_brand_content (f->store, desk_brand_get_id (fournil), &content, NULL));
  g_assert_cmpuint (content.posts, >, 1);
  g_assert_cmpuint (content.channels, >, 1);
  posts = g_strdup_printf ("%u posts", content.posts);
  channels = g_strdup_printf ("%u channels", content.channels);
  ask = ask_delete (prefs, demo);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), posts));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), channels));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "Archive it instead"));
  respond (ask, "cancel");
  g_clear_object (&fournil);
  fournil = brand_named (f, demo);
  g_assert_nonnull (fournil);
  {
    DeskBrandContent again;

    g_assert_true (desk_store_count_brand_content (f->store, desk_brand_get_id (fournil), &again, NULL));
    g_assert_cmpuint (again.posts, ==, content.posts);
  }

  /* Confirmed: gone from the store and the selector */
  gtk_drop_down_set_selected (template_child (f->window, DESK_TYPE_WINDOW, "brand_dropdown"), 1);
  g_assert_cmpstr (selected_name (f), ==, demo);
  ask = ask_delete (prefs, demo);
  respond (ask, "delete");
  g_clear_object (&fournil);
  fournil = brand_named (f, demo);
  g_assert_null (fournil);
  g_clear_pointer (&names, g_free);
  names = selector_names (f);
  g_assert_cmpstr (names, ==, "Boulangerie Martin & Fils");
  g_assert_cmpstr (selected_name (f), ==, "Boulangerie Martin & Fils");
  g_assert_cmpint (desk_window_get_brand_id (f->window), ==, desk_brand_get_id (second));

  /* The last one archived instead: the welcome page */
  ask = ask_delete (prefs, "Boulangerie Martin & Fils");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "It holds nothing yet"));
  respond (ask, "archive");
  g_assert_cmpstr (main_page (f), ==, "welcome");
  g_assert_cmpint (desk_window_get_brand_id (f->window), ==, 0);
  g_assert_false (gtk_widget_get_visible (template_child (f->window, DESK_TYPE_WINDOW, "brand_dropdown")));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The brand's timezone is the truth: chosen for a brand, the calendar
 * plans and shows its times there, and says so when this computer keeps
 * another clock; back to the system's, nothing is said */
static void
test_brand_timezone (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DeskBrand) brand = brand_named (f, "Le Fournil des Halles");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();
  DeskCalendarPage *page = ui_calendar_page (f->window);
  GtkLabel *zone_label = template_child (page, DESK_TYPE_CALENDAR_PAGE, "week_zone_label");
  const char *tooltip;

  desk_calendar_page_set_view (page, "week");
  desk_calendar_page_set_week (page, now);
  spin ();
  g_assert_null (desk_time_get_zone_identifier ());
  g_assert_cmpstr (gtk_label_get_label (zone_label), ==, "");

  /* The tests' clock is UTC (or the machine's); Montréal is never UTC in
   * November, and Tokyo stands in where the machine is in Montréal */
  desk_brand_set_timezone (brand, desk_time_zone_differs (now) ? "Asia/Tokyo" : "America/Montreal");
  g_assert_true (desk_store_save_brand (f->store, brand, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpstr (desk_time_get_zone_identifier (), ==, desk_brand_get_timezone (brand));
  g_assert_true (desk_time_zone_differs (now));
  g_assert_cmpstr (gtk_label_get_label (zone_label), !=, "");
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (zone_label));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, strchr (desk_brand_get_timezone (brand), '/') + 1));

  /* Back to the system's clock */
  desk_brand_set_timezone (brand, "");
  g_assert_true (desk_store_save_brand (f->store, brand, &error));
  spin ();
  g_assert_null (desk_time_get_zone_identifier ());
  g_assert_cmpstr (gtk_label_get_label (zone_label), ==, "");
  desk_calendar_page_set_view (page, "month");
}

/* The calendar's filter names channels and a campaign of a brand: on
 * another brand it lets that brand's posts through, it does not hide them
 * behind ids the brand has not */
static void
test_filter_per_brand (Fixture       *f,
                       gconstpointer  data)
{
  DeskCalendarPage *page = ui_calendar_page (f->window);
  g_autoptr(DeskBrand) fournil = brand_named (f, "Le Fournil des Halles");
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, desk_brand_get_id (fournil), NULL);
  g_autoptr(DeskChannel) instagram = g_list_model_get_item (channels, 2);
  g_autoptr(DeskBrand) martin = g_object_new (DESK_TYPE_BRAND, "name", "Boulangerie Martin", NULL);
  g_autoptr(DeskChannel) own = NULL;
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) at = g_date_time_add_hours (now, 2);
  g_autoptr(GError) error = NULL;
  DeskPostFilter filter;
  gint64 id = desk_channel_get_id (instagram), own_id;
  guint all;

  g_assert_true (desk_store_save_brand (f->store, martin, &error));
  own = g_object_new (DESK_TYPE_CHANNEL, "brand-id", desk_brand_get_id (martin), "network", DESK_NETWORK_MASTODON,
                      "handle", "@martin@piaille.fr", NULL);
  g_assert_true (desk_store_save_channel (f->store, own, &error));
  own_id = desk_channel_get_id (own);
  post = g_object_new (DESK_TYPE_POST, "brand-id", desk_brand_get_id (martin), "title", "Pain de campagne",
                       "status", DESK_POST_STATUS_SCHEDULED, "scheduled-at", at, NULL);
  desk_post_set_channel_ids (post, &own_id, 1);
  g_assert_true (desk_store_save_post (f->store, post, &error));
  g_assert_no_error (error);
  spin ();

  /* The Fournil's Instagram alone */
  all = desk_calendar_page_count_cards (page);
  desk_post_filter_init (&filter);
  g_array_append_val (filter.channel_ids, id);
  desk_calendar_page_set_filter (page, &filter, DESK_COLOUR_BY_STATUS);
  spin ();
  g_assert_cmpuint (desk_calendar_page_count_cards (page), <, all);

  /* Another brand: its post is there */
  gtk_drop_down_set_selected (template_child (f->window, DESK_TYPE_WINDOW, "brand_dropdown"), 0);
  g_assert_cmpstr (selected_name (f), ==, "Boulangerie Martin");
  spin ();
  g_assert_cmpuint (desk_calendar_page_count_cards (page), ==, 1);

  /* And back: every post of the Fournil, the filter went with the brand */
  gtk_drop_down_set_selected (template_child (f->window, DESK_TYPE_WINDOW, "brand_dropdown"), 1);
  g_assert_cmpstr (selected_name (f), ==, "Le Fournil des Halles");
  spin ();
  g_assert_cmpuint (desk_calendar_page_count_cards (page), ==, all);
  desk_post_filter_clear (&filter);
}

static gboolean
is_brand_page (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_PREFERENCES_PAGE (widget) &&
         g_strcmp0 (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (widget)), "brand") == 0;
}

/* Preferences open on a brand's channels and charter: that brand deleted,
 * its pages go, the Brands page stays */
static void
test_pages_of_deleted_brand (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(DeskBrand) fournil = brand_named (f, "Le Fournil des Halles");
  g_autoptr(DeskBrand) martin = g_object_new (DESK_TYPE_BRAND, "name", "Boulangerie Martin", NULL);
  g_autoptr(GError) error = NULL;
  AdwPreferencesWindow *prefs;

  g_assert_true (desk_store_save_brand (f->store, martin, &error));
  spin ();
  prefs = open_brands_page (f);
  g_assert_nonnull (find_widget (GTK_WIDGET (prefs), DESK_TYPE_CHANNELS_PAGE));
  g_assert_nonnull (find_descendant (GTK_WIDGET (prefs), is_brand_page, NULL));

  /* Another brand changed: nothing moves */
  desk_brand_set_name (martin, "Boulangerie Martin & Fils");
  g_assert_true (desk_store_save_brand (f->store, martin, &error));
  spin ();
  g_assert_nonnull (find_widget (GTK_WIDGET (prefs), DESK_TYPE_CHANNELS_PAGE));

  g_assert_true (desk_store_delete_brand (f->store, desk_brand_get_id (fournil), &error));
  g_assert_no_error (error);
  spin ();
  g_assert_null (find_widget (GTK_WIDGET (prefs), DESK_TYPE_CHANNELS_PAGE));
  g_assert_null (find_descendant (GTK_WIDGET (prefs), is_brand_page, NULL));
  g_assert_true (DESK_IS_BRANDS_PAGE (adw_preferences_window_get_visible_page (prefs)));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int    argc,
      char **argv)
{
  int ret;

  /* The test AT context: controls are found by their accessible names */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/brands/first-start", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_first_start, fixture_tear_down);
  g_test_add ("/brands/closed-after-saving", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_closed_after_saving,
              fixture_tear_down);
  g_test_add ("/brands/several", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_several_brands, fixture_tear_down);
  g_test_add ("/brands/timezone", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_brand_timezone, fixture_tear_down);
  g_test_add ("/brands/filter-per-brand", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filter_per_brand,
              fixture_tear_down);
  g_test_add ("/brands/pages-of-deleted-brand", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_pages_of_deleted_brand, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
