/* test-a11y.c: every control a screen reader reaches has a name
 *
 * Opens the real window on the demo workspace, shows each view (the
 * calendar's month, week and agenda, Compose, Inbox, Reports) and the
 * Preferences window, and walks the widgets shown: each one whose
 * accessible role is interactive must have a name, as GTK exposes it over
 * AT-SPI: its label property, or the names of what it is labelled by.
 *
 * GTK 4.8 keeps the computed name private, so the test reads the
 * accessible attributes through the test AT context (GTK_A11Y=test) and
 * follows a labelled-by relation to the widget it points to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-account-dialog.h"
#include "desk-account-row.h"
#include "desk-application.h"
#include "desk-brand-dialog.h"
#include "desk-calendar-page.h"
#include "desk-demo.h"
#include "desk-editor.h"
#include "desk-chart-card.h"
#include "desk-metrics-import-dialog.h"
#include "desk-objectives-dialog.h"
#include "desk-reports-page.h"
#include "desk-preferences-window.h"
#include "desk-time.h"
#include "desk-window.h"
#include "ui-helpers.h"

static DeskApplication *app;

typedef UiWorkspace Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ui_workspace_create (f, "a11y", TRUE, NULL);
  ui_workspace_present (f, app, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_workspace_close (f);
}

/* What a user can operate, and so must be able to hear named */
static gboolean
is_interactive (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
#if GTK_CHECK_VERSION (4, 10, 0)
    case GTK_ACCESSIBLE_ROLE_TOGGLE_BUTTON:
#endif
      return TRUE;
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_GRID_CELL:
    case GTK_ACCESSIBLE_ROLE_TREE_ITEM:
    case GTK_ACCESSIBLE_ROLE_OPTION:
      return gtk_widget_get_focusable (widget);
    default:
      return FALSE;
    }
}

static gboolean
is_hidden (GtkWidget *widget)
{
  g_autofree char *hidden = NULL;

  if (!gtk_widget_get_mapped (widget))
    return TRUE;
  hidden = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  return hidden == NULL;
}

/* The widget under @root that @widget's labelled-by relation points to,
 * when it points to exactly one; depth first. */
static GtkWidget *
find_label_target (GtkWidget *widget,
                   GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      g_autofree char *differs = NULL;
      GtkWidget *found;

      differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                    c, NULL);
      if (differs == NULL)
        return c;
      found = find_label_target (widget, c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The accessible name of @widget as GTK 4.8 computes it for AT-SPI, or
 * NULL when it has none (AT-SPI then shows the type name, e.g.
 * "GtkToggleButton"): its label property, else the label properties of
 * what it is labelled by, one level only (a GtkMenuButton labelled by its
 * inner button, itself labelled by its label, has no name). */
static char *
accessible_name (GtkWidget *widget,
                 GtkWidget *toplevel,
                 int        depth)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkWidget *target;
  g_autofree char *label = NULL;

  /* check_property returns the value when it differs from the one given */
  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    label = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  if (label != NULL && *g_strstrip (label) != '\0')
    return g_steal_pointer (&label);

  if (depth > 0 || !gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return NULL;

  /* Its own children first (a button's label), then the whole window */
  target = find_label_target (widget, widget);
  if (target == NULL)
    target = find_label_target (widget, toplevel);
  if (target == NULL)
    {
      /* Several labels, or one outside the window: given the benefit of
       * the doubt, but said. */
      g_test_message ("%s: labelled by something outside its window", G_OBJECT_TYPE_NAME (widget));
      return g_strdup ("?");
    }
  return accessible_name (target, toplevel, depth + 1);
}

static void
append_path (GPtrArray *out,
             GtkWidget *widget,
             GtkWidget *root)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : NULL;

      g_ptr_array_insert (parts, 0, id ? g_strdup_printf ("%s#%s", G_OBJECT_TYPE_NAME (w), id)
                                       : g_strdup (G_OBJECT_TYPE_NAME (w)));
      if (w == root)
        break;
    }
  g_ptr_array_add (parts, NULL);
  g_ptr_array_add (out, g_strjoinv (" > ", (char **) parts->pdata));
}

static void
collect_unnamed (GtkWidget *widget,
                 GtkWidget *toplevel,
                 GPtrArray *unnamed,
                 guint     *n_checked)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (is_hidden (c))
        continue;
      if (is_interactive (c))
        {
          g_autofree char *name = accessible_name (c, toplevel, 0);

          (*n_checked)++;
          if (name == NULL)
            append_path (unnamed, c, toplevel);
        }
      collect_unnamed (c, toplevel, unnamed, n_checked);
    }
}

/* Fails, listing each one, if a control shown in @toplevel has no name */
static void
assert_all_named (GtkWidget  *toplevel,
                  const char *what)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  guint n_checked = 0;

  wait_painted (toplevel);
  collect_unnamed (toplevel, toplevel, unnamed, &n_checked);
  g_test_message ("%s: %u controls checked, %u without a name", what, n_checked, unnamed->len);
  g_assert_cmpuint (n_checked, >, 5);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("no accessible name: %s", (char *) g_ptr_array_index (unnamed, i));
  if (unnamed->len > 0)
    g_test_fail ();
}

static void
show_view (Fixture    *f,
           const char *view)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", view));
  g_assert_cmpstr (desk_window_get_view (f->window), ==, view);
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  const char *calendar_view = data;
  AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  DeskCalendarPage *page = DESK_CALENDAR_PAGE (adw_view_stack_get_child_by_name (stack, "calendar"));

  show_view (f, "calendar");
  desk_calendar_page_set_view (page, calendar_view);
  wait_painted (GTK_WIDGET (f->window));
  assert_all_named (GTK_WIDGET (f->window), calendar_view);
}

/* The filters' popover, with its drop-downs */
static void
test_calendar_filters (Fixture       *f,
                       gconstpointer  data)
{
  AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "calendar");
  GtkMenuButton *button = template_child (page, DESK_TYPE_CALENDAR_PAGE, "filter_button");

  show_view (f, "calendar");
  gtk_menu_button_popup (button);
  wait_mapped (GTK_WIDGET (gtk_menu_button_get_popover (button)));
  assert_all_named (GTK_WIDGET (gtk_menu_button_get_popover (button)), "filters");
  gtk_menu_button_popdown (button);
}

static void
test_view (Fixture       *f,
           gconstpointer  data)
{
  show_view (f, data);
  assert_all_named (GTK_WIDGET (f->window), data);
}

/* Compose with a new post open in the editor */
static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "compose");
  GtkWidget *editor;

  show_view (f, "compose");
  g_assert_true (gtk_widget_activate_action (page, "compose.new", NULL));
  editor = find_widget (page, DESK_TYPE_EDITOR);
  g_assert_nonnull (editor);
  wait_mapped (editor);
  assert_all_named (GTK_WIDGET (f->window), "editor");
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *prefs;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = find_toplevel (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  wait_mapped (prefs);
  assert_all_named (prefs, "preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The brand dialog's two steps, with a colour and a channel */
static void
test_brand_dialog (Fixture       *f,
                   gconstpointer  data)
{
  DeskBrandDialog *dialog;
  GtkStack *stack;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-brand", NULL));
  dialog = find_toplevel (DESK_TYPE_BRAND_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (GTK_WIDGET (dialog));
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "name_row"), "Café Lumière");
  g_signal_emit_by_name (find_widget (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "palette_editor"), GTK_TYPE_BUTTON),
                         "clicked");
  assert_all_named (GTK_WIDGET (dialog), "brand dialog");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "brand.next", NULL));
  stack = template_child (dialog, DESK_TYPE_BRAND_DIALOG, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "channels");
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_BRAND_DIALOG, "handle_row"), "@cafe@piaille.fr");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "brand.add-channel", NULL));
  wait_mapped (gtk_stack_get_visible_child (stack));
  assert_all_named (GTK_WIDGET (dialog), "brand dialog, channels");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Preferences › Brands, a brand's row open */
static void
test_brands_page (Fixture       *f,
                  gconstpointer  data)
{
  AdwPreferencesWindow *prefs;
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.manage-brands", NULL));
  prefs = find_toplevel (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  wait_mapped (GTK_WIDGET (prefs));
  row = find_widget (GTK_WIDGET (adw_preferences_window_get_visible_page (prefs)), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  wait_mapped (find_widget (row, ADW_TYPE_ENTRY_ROW));
  assert_all_named (GTK_WIDGET (prefs), "brands");
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

/* Preferences › Channels, the Mastodon channel connected (its row's
 * buttons), then the account dialog of each network */
static void
test_accounts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, desk_window_get_brand_id (f->window), NULL);
  static const DeskNetwork networks[] = { DESK_NETWORK_MASTODON, DESK_NETWORK_BLUESKY, DESK_NETWORK_WORDPRESS };
  GtkWidget *prefs;

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      DeskAccount account = { 0 };

      if (desk_channel_get_network (channel) != DESK_NETWORK_MASTODON)
        continue;
      account.channel_id = desk_channel_get_id (channel);
      account.secret_key = (char *) "a11y-key";
      account.server = (char *) "https://piaille.fr";
      account.remote_handle = (char *) "fournil";
      account.display_name = (char *) "Le Fournil des Halles";
      g_assert_true (desk_store_save_account (f->store, &account, NULL));
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = find_toplevel (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "channels");
  wait_mapped (prefs);
  wait_painted (prefs);
  /* The whole page: the network chooser, each channel's rows and swatches */
  assert_all_named (GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs))),
                    "preferences, channels");

  for (guint i = 0; i < G_N_ELEMENTS (networks); i++)
    {
      GtkWidget *row = find_descendant (prefs, is_account_row_of, GINT_TO_POINTER (networks[i]));
      g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
      guint n_checked = 0;
      GtkWidget *dialog;

      /* The row's buttons (Connect…, or Disconnect) */
      g_assert_nonnull (row);
      collect_unnamed (row, prefs, unnamed, &n_checked);
      g_assert_cmpuint (n_checked, >=, 1);
      for (guint j = 0; j < unnamed->len; j++)
        g_test_message ("no accessible name: %s", (char *) g_ptr_array_index (unnamed, j));
      g_assert_cmpuint (unnamed->len, ==, 0);

      g_assert_true (gtk_widget_activate_action (row, "account.connect", NULL));
      dialog = find_toplevel (DESK_TYPE_ACCOUNT_DIALOG);
      g_assert_nonnull (dialog);
      wait_mapped (dialog);
      assert_all_named (dialog, desk_network_to_label (networks[i]));
      gtk_window_destroy (GTK_WINDOW (dialog));
      spin ();
    }
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Reports: the custom period's day buttons, every chart shown as a
 * table, the objectives dialog with an objective, the import dialog with
 * a preview */
static void
test_reports_dialogs (Fixture       *f,
                      gconstpointer  data)
{
  AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  GtkWidget *page, *dialog;
  g_autofree char *csv = g_build_filename (f->dir, "metrics.csv", NULL);
  DeskObjective objective = { 0 };

  objective.brand_id = desk_window_get_brand_id (f->window);
  objective.kpi = (char *) "followers";
  objective.target = 5000;
  objective.deadline = (char *) "2026-12-31";
  g_assert_true (desk_store_save_objective (f->store, &objective, NULL));

  show_view (f, "reports");
  page = adw_view_stack_get_child_by_name (stack, "reports");
  gtk_drop_down_set_selected (template_child (page, DESK_TYPE_REPORTS_PAGE, "period_dropdown"), 3);
  for (GtkWidget *card = find_widget (page, DESK_TYPE_CHART_CARD); card != NULL;
       card = gtk_widget_get_next_sibling (gtk_widget_get_parent (card)) != NULL
              ? find_widget (gtk_widget_get_next_sibling (gtk_widget_get_parent (card)), DESK_TYPE_CHART_CARD) : NULL)
    gtk_toggle_button_set_active (template_child (card, DESK_TYPE_CHART_CARD, "table_toggle"), TRUE);
  wait_painted (GTK_WIDGET (f->window));
  assert_all_named (GTK_WIDGET (f->window), "reports, custom period, tables");

  g_assert_true (gtk_widget_activate_action (page, "reports.objectives", NULL));
  dialog = find_toplevel (DESK_TYPE_OBJECTIVES_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (dialog);
  assert_all_named (dialog, "objectives dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (g_file_set_contents (csv, "date,metric,value\n2026-11-01,followers,1200\n", -1, NULL));
  g_assert_true (gtk_widget_activate_action (page, "reports.import", NULL));
  dialog = find_toplevel (DESK_TYPE_METRICS_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  desk_metrics_import_dialog_load_file (DESK_METRICS_IMPORT_DIALOG (dialog), csv);
  wait_mapped (dialog);
  assert_all_named (dialog, "import dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  int ret;

  /* The test AT context keeps what widgets tell assistive technologies */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/a11y/calendar/month", Fixture, "month", fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/a11y/calendar/week", Fixture, "week", fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/a11y/calendar/agenda", Fixture, "agenda", fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/a11y/calendar/filters", Fixture, NULL, fixture_set_up, test_calendar_filters, fixture_tear_down);
  g_test_add ("/a11y/compose/editor", Fixture, NULL, fixture_set_up, test_editor, fixture_tear_down);
  g_test_add ("/a11y/compose/empty", Fixture, "compose", fixture_set_up, test_view, fixture_tear_down);
  g_test_add ("/a11y/inbox", Fixture, "inbox", fixture_set_up, test_view, fixture_tear_down);
  g_test_add ("/a11y/reports", Fixture, "reports", fixture_set_up, test_view, fixture_tear_down);
  g_test_add ("/a11y/reports/dialogs", Fixture, NULL, fixture_set_up, test_reports_dialogs, fixture_tear_down);
  g_test_add ("/a11y/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/a11y/brand-dialog", Fixture, NULL, fixture_set_up, test_brand_dialog, fixture_tear_down);
  g_test_add ("/a11y/brands", Fixture, NULL, fixture_set_up, test_brands_page, fixture_tear_down);
  g_test_add ("/a11y/accounts", Fixture, NULL, fixture_set_up, test_accounts, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
