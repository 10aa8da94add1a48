/* test-inbox-page.c: the inbox as a place to work, driven in the real
 * window: the attention order, opening marks read, keyboard triage on one
 * and on several, undo, search as you type, filters, the side pane's
 * triage and the crisis banner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "desk-application.h"
#include "desk-format.h"
#include "desk-inbox-detail.h"
#include "desk-inbox-page.h"
#include "desk-inbox-row.h"
#include "desk-inbox-row-private.h"
#include "desk-moderation.h"
#include "desk-moderation-dialog.h"
#include "desk-saved-replies-dialog.h"
#include "desk-saved-reply.h"
#include "desk-store-private.h"
#include "desk-time.h"
#include "desk-window.h"
#include "ui-helpers.h"

static DeskApplication *app;

typedef struct
{
  UiWorkspace        w;
  DeskInboxPage     *page;
  GListModel        *model;
  GtkSelectionModel *selection;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  AdwViewStack *stack;

  ui_workspace_create (&f->w, "inbox-page", TRUE, NULL);
  ui_workspace_present (&f->w, app, 1280, 860);
  stack = template_child (f->w.window, DESK_TYPE_WINDOW, "view_stack");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.show-view", "s", "inbox"));
  f->page = DESK_INBOX_PAGE (adw_view_stack_get_child_by_name (stack, "inbox"));
  wait_allocated (GTK_WIDGET (f->page));
  f->model = desk_inbox_page_get_model (f->page);
  f->selection = gtk_grid_view_get_model (template_child (f->page, DESK_TYPE_INBOX_PAGE, "items_view"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_workspace_close (&f->w);
}

static DeskNotification *
item (Fixture *f,
      guint    position)
{
  DeskNotification *n = g_list_model_get_item (f->model, position);

  g_assert_nonnull (n);
  g_object_unref (n);   /* the model's pages keep it while we look */
  return n;
}

/* What the store says now of the notification @id */
static DeskNotification *
stored (Fixture *f,
        gint64   id)
{
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  g_autoptr(GPtrArray) all = NULL;

  filter->brand_id = 0;
  filter->view = DESK_INBOX_VIEW_ALL;
  filter->show_hidden = TRUE;
  all = desk_store_query_inbox (f->w.store, filter, 0, 100000, NULL);
  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    if (desk_notification_get_id (g_ptr_array_index (all, i)) == id)
      return g_object_ref (g_ptr_array_index (all, i));
  g_assert_not_reached ();
}

/* The key that runs @action on @page: its class's bindings, in the
 * shortcut controller GTK gives the page */
static gboolean
page_has_key (DeskInboxPage *page,
              guint          keyval,
              const char    *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *act = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              GTK_IS_NAMED_ACTION (act) && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (act)), action))
            return TRUE;
        }
    }
  return FALSE;
}


static void
test_triage (Fixture       *f,
             gconstpointer  data)
{
  DeskInboxDetail *detail = template_child (f->page, DESK_TYPE_INBOX_PAGE, "detail");
  GtkStack *stack = template_child (detail, DESK_TYPE_INBOX_DETAIL, "stack");
  DeskNotification *first;
  gint64 ids[3];

  /* Needs attention first: direct messages on top, likes grouped below */
  first = item (f, 0);
  g_assert_cmpint (desk_notification_get_kind (first), ==, DESK_NOTIFICATION_KIND_DIRECT_MESSAGE);
  {
    gboolean grouped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (f->model); i++)
      grouped = grouped || desk_notification_get_group_count (item (f, i)) > 1;
    g_assert_true (grouped);
  }
  g_assert_nonnull (gtk_widget_get_tooltip_text (template_child (f->page, DESK_TYPE_INBOX_PAGE, "count_label")));

  /* The keys are there */
  g_assert_true (page_has_key (f->page, GDK_KEY_j, "inbox.move"));
  g_assert_true (page_has_key (f->page, GDK_KEY_k, "inbox.move"));
  g_assert_true (page_has_key (f->page, GDK_KEY_e, "inbox.done"));
  g_assert_true (page_has_key (f->page, GDK_KEY_s, "inbox.star"));
  g_assert_true (page_has_key (f->page, GDK_KEY_u, "inbox.unread"));
  g_assert_true (page_has_key (f->page, GDK_KEY_a, "inbox.assign"));
  g_assert_true (page_has_key (f->page, GDK_KEY_r, "inbox.reply"));
  g_assert_true (page_has_key (f->page, GDK_KEY_f, "inbox.search"));

  /* j opens the first; opened, it is read, in the store too */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.move", "i", 1));
  g_assert_true (gtk_selection_model_is_selected (f->selection, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "one");
  g_assert_true (desk_inbox_detail_get_notification (detail) == first);
  g_assert_true (desk_notification_get_read (first));
  {
    g_autoptr(DeskNotification) again = stored (f, desk_notification_get_id (first));
    g_assert_true (desk_notification_get_read (again));
  }
  /* j again: the second, alone; k: back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.move", "i", 1));
  g_assert_true (gtk_selection_model_is_selected (f->selection, 1));
  g_assert_false (gtk_selection_model_is_selected (f->selection, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.move", "i", -1));
  g_assert_true (gtk_selection_model_is_selected (f->selection, 0));

  /* s stars it; Undo (Ctrl+Z, or the toast's button) takes it back */
  g_assert_false (desk_notification_get_starred (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.star", NULL));
  g_assert_true (desk_notification_get_starred (first));
  {
    g_autoptr(DeskNotification) again = stored (f, desk_notification_get_id (first));
    g_assert_true (desk_notification_get_starred (again));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.undo", NULL));
  g_assert_false (desk_notification_get_starred (first));
  {
    g_autoptr(DeskNotification) again = stored (f, desk_notification_get_id (first));
    g_assert_false (desk_notification_get_starred (again));
  }

  /* Three chosen (Shift+click): e marks all three done and read, one
   * Undo puts all three back */
  gtk_selection_model_select_range (f->selection, 0, 3, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "many");
  for (guint i = 0; i < 3; i++)
    ids[i] = desk_notification_get_id (item (f, i));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.done", NULL));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DeskNotification) again = stored (f, ids[i]);
      g_assert_cmpint (desk_notification_get_status (again), ==, DESK_NOTIFICATION_STATUS_DONE);
      g_assert_true (desk_notification_get_read (again));
      g_assert_cmpint (desk_notification_get_status (item (f, i)), ==, DESK_NOTIFICATION_STATUS_DONE);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.undo", NULL));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DeskNotification) again = stored (f, ids[i]);
      g_assert_cmpint (desk_notification_get_status (again), ==, DESK_NOTIFICATION_STATUS_OPEN);
    }
  /* u on the three: unread (some were read), then a for "assigned to me" */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.unread", NULL));
  for (guint i = 0; i < 3; i++)
    g_assert_false (desk_notification_get_read (item (f, i)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.assign", NULL));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DeskNotification) again = stored (f, ids[i]);
      g_assert_nonnull (desk_notification_get_assignee (again));
      g_assert_cmpstr (desk_notification_get_assignee (again), ==, desk_notification_get_assignee (item (f, i)));
    }

  /* The rows follow: the first row says "starred" once starred again */
  gtk_selection_model_select_item (f->selection, 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.star", NULL));
  {
    g_autofree char *said = desk_inbox_row_dup_description (first, NULL, desk_time_now ());
    g_assert_nonnull (strstr (said, "starred"));
    g_assert_nonnull (strstr (said, "Direct message from "));
  }
}

/* The side pane writes what the team says, at once */
static void
test_side_pane (Fixture       *f,
                gconstpointer  data)
{
  DeskInboxDetail *detail = template_child (f->page, DESK_TYPE_INBOX_PAGE, "detail");
  AdwEntryRow *assignee = template_child (detail, DESK_TYPE_INBOX_DETAIL, "assignee_row");
  AdwEntryRow *note = template_child (detail, DESK_TYPE_INBOX_DETAIL, "note_row");
  AdwComboRow *status = template_child (detail, DESK_TYPE_INBOX_DETAIL, "status_row");
  GtkSwitch *hidden = template_child (detail, DESK_TYPE_INBOX_DETAIL, "hidden_switch");
  DeskNotification *n = item (f, 0);
  gint64 id = desk_notification_get_id (n);
  guint before = g_list_model_get_n_items (f->model);

  gtk_selection_model_select_item (f->selection, 0, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (assignee), "Camille");
  g_signal_emit_by_name (assignee, "apply");
  gtk_editable_set_text (GTK_EDITABLE (note), "Client fidèle : proposer un geste");
  g_signal_emit_by_name (note, "apply");
  adw_combo_row_set_selected (status, DESK_NOTIFICATION_STATUS_ESCALATED);
  {
    g_autoptr(DeskNotification) again = stored (f, id);

    g_assert_cmpstr (desk_notification_get_assignee (again), ==, "Camille");
    g_assert_cmpstr (desk_notification_get_note (again), ==, "Client fidèle : proposer un geste");
    g_assert_cmpint (desk_notification_get_status (again), ==, DESK_NOTIFICATION_STATUS_ESCALATED);
  }
  {
    g_autofree char *said = desk_inbox_row_dup_description (n, NULL, desk_time_now ());
    g_assert_nonnull (strstr (said, "Assigned to Camille"));
  }

  /* Hidden: out of the view once read again, still found by the filter */
  gtk_switch_set_active (hidden, TRUE);
  {
    g_autoptr(DeskNotification) again = stored (f, id);
    g_assert_true (desk_notification_get_hidden (again));
  }
  desk_page_invalidate (DESK_PAGE (f->page));
  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, before - 1);
  gtk_check_button_set_active (template_child (f->page, DESK_TYPE_INBOX_PAGE, "hidden_check"), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, before);
}

/* Search as you type, accent-blind; filters narrow */
static void
test_search_and_filters (Fixture       *f,
                         gconstpointer  data)
{
  GtkEditable *search = template_child (f->page, DESK_TYPE_INBOX_PAGE, "search_entry");
  guint all = g_list_model_get_n_items (f->model);
  guint found;

  gtk_editable_set_text (search, "patissier");
  g_signal_emit_by_name (search, "search-changed");
  found = g_list_model_get_n_items (f->model);
  g_assert_cmpuint (found, >, 0);
  g_assert_cmpuint (found, <, all);
  for (guint i = 0; i < found; i++)
    g_assert_nonnull (strstr (desk_notification_get_text (item (f, i)), "pâtissi"));   /* -er, -ère, -ers */
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, all);

  /* Unread only */
  gtk_check_button_set_active (template_child (f->page, DESK_TYPE_INBOX_PAGE, "unread_check"), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (f->model), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (f->model); i++)
    g_assert_false (desk_notification_get_read (item (f, i)));
  gtk_check_button_set_active (template_child (f->page, DESK_TYPE_INBOX_PAGE, "unread_check"), FALSE);

  /* A kind: direct messages (the first after "Every kind") */
  gtk_drop_down_set_selected (template_child (f->page, DESK_TYPE_INBOX_PAGE, "kind_dropdown"), 1);
  g_assert_cmpuint (g_list_model_get_n_items (f->model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (f->model); i++)
    g_assert_cmpint (desk_notification_get_kind (item (f, i)), ==, DESK_NOTIFICATION_KIND_DIRECT_MESSAGE);
  gtk_drop_down_set_selected (template_child (f->page, DESK_TYPE_INBOX_PAGE, "kind_dropdown"), 0);
  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, all);

  /* A network: the brand's first (Mastodon, in the demo) */
  {
    GtkDropDown *networks = template_child (f->page, DESK_TYPE_INBOX_PAGE, "network_dropdown");
    g_autoptr(GListModel) channels = desk_store_list_channels (f->w.store, desk_window_get_brand_id (f->w.window), NULL);
    g_autoptr(GHashTable) by_id = desk_store_index_by_id (channels);
    const char *label = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (networks)), 1);

    gtk_drop_down_set_selected (networks, 1);
    g_assert_cmpuint (g_list_model_get_n_items (f->model), >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (f->model), <, all);
    for (guint i = 0; i < g_list_model_get_n_items (f->model); i++)
      {
        gint64 id = desk_notification_get_channel_id (item (f, i));
        DeskChannel *channel = g_hash_table_lookup (by_id, &id);

        g_assert_cmpstr (desk_network_to_label (desk_channel_get_network (channel)), ==, label);
      }
    gtk_drop_down_set_selected (networks, 0);
  }
}

/* Negative mentions far above the usual rate: the banner says so */
static void
test_crisis_banner (Fixture       *f,
                    gconstpointer  data)
{
  GtkRevealer *banner = template_child (f->page, DESK_TYPE_INBOX_PAGE, "crisis_revealer");
  g_autoptr(GListModel) channels = desk_store_list_channels (f->w.store, desk_window_get_brand_id (f->w.window), NULL);
  g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, 0);
  g_autoptr(GPtrArray) angry = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GError) error = NULL;

  g_assert_false (gtk_revealer_get_reveal_child (banner));
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *remote = g_strdup_printf ("angry-%u", i);
      g_autoptr(GDateTime) at = g_date_time_add_minutes (now, -(int) (i * 4 + 1));
      DeskNotification *n = g_object_new (DESK_TYPE_NOTIFICATION, "channel-id", desk_channel_get_id (channel),
                                          "remote-id", remote, "kind", DESK_NOTIFICATION_KIND_MENTION,
                                          "author", "Client", "text", "Scandaleux, une arnaque, je suis très déçu",
                                          "created-at", at, NULL);
      g_ptr_array_add (angry, n);
    }
  g_assert_true (desk_store_add_notifications_full (f->w.store, angry, NULL, &error));
  g_assert_no_error (error);
  desk_page_invalidate (DESK_PAGE (f->page));
  /* Read after the list's first frame */
  for (int i = 0; i < 2000 && !gtk_revealer_get_reveal_child (banner); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (gtk_label_get_label (template_child (f->page, DESK_TYPE_INBOX_PAGE, "crisis_label")), "12"));
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (DESK_IS_INBOX_ROW (c))
        g_ptr_array_add (rows, c);
      collect_rows (c, rows);
    }
}

/* A huge message (200,000 accented characters, its author's name as
 * long) is a row like another: its first characters laid out, never the
 * whole */
static void
test_huge_text (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (f->w.store, desk_window_get_brand_id (f->w.window), NULL);
  g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, 0);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  DeskInboxRow *found = NULL;
  PangoLayout *text = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (huge, i % 7 == 6 ? " " : "é");
  g_ptr_array_add (batch, g_object_new (DESK_TYPE_NOTIFICATION, "channel-id", desk_channel_get_id (channel),
                                        "remote-id", "huge", "kind", DESK_NOTIFICATION_KIND_DIRECT_MESSAGE,
                                        "author", huge->str, "handle", huge->str, "text", huge->str,
                                        "created-at", now, NULL));
  g_assert_true (desk_store_add_notifications_full (f->w.store, batch, NULL, &error));
  g_assert_no_error (error);
  desk_page_invalidate (DESK_PAGE (f->page));
  wait_painted (GTK_WIDGET (f->w.window));

  collect_rows (GTK_WIDGET (f->page), rows);
  for (guint i = 0; i < rows->len && found == NULL; i++)
    {
      DeskNotification *n = desk_inbox_row_get_notification (g_ptr_array_index (rows, i));

      if (n != NULL && g_strcmp0 (desk_notification_get_remote_id (n), "huge") == 0)
        found = g_ptr_array_index (rows, i);
    }
  g_assert_nonnull (found);
  g_assert_true (_desk_inbox_row_get_part (found, DESK_INBOX_ROW_TEXT, &text, NULL));
  g_assert_true (g_utf8_validate (pango_layout_get_text (text), -1, NULL));
  g_assert_cmpint (g_utf8_strlen (pango_layout_get_text (text), -1), ==, 400 + 1);
  g_assert_true (g_str_has_suffix (pango_layout_get_text (text), "…"));
  g_assert_cmpint (pango_layout_get_line_count (text), <=, 2);
  /* Its author's name too, as long */
  g_assert_true (_desk_inbox_row_get_part (found, DESK_INBOX_ROW_TITLE, &text, NULL));
  g_assert_cmpint (g_utf8_strlen (pango_layout_get_text (text), -1), ==, 400 + 1);

  /* Opened: its first 8,000 characters, and a word on the rest */
  {
    DeskInboxDetail *detail = template_child (f->page, DESK_TYPE_INBOX_PAGE, "detail");
    GtkLabel *shown = template_child (detail, DESK_TYPE_INBOX_DETAIL, "text_label");
    GtkLabel *cut = template_child (detail, DESK_TYPE_INBOX_DETAIL, "cut_label");
    gint64 t0 = g_get_monotonic_time ();

    for (guint i = 0; i < g_list_model_get_n_items (f->model); i++)
      if (item (f, i) == desk_inbox_row_get_notification (found))
        gtk_selection_model_select_item (f->selection, i, TRUE);
    g_assert_true (desk_inbox_detail_get_notification (detail) == desk_inbox_row_get_notification (found));
    wait_painted (GTK_WIDGET (f->w.window));
    g_test_message ("opened in %.0f ms", (g_get_monotonic_time () - t0) / 1000.0);
    g_assert_cmpint (g_utf8_strlen (gtk_label_get_text (shown), -1), ==, 8000 + 1);
    g_assert_true (g_str_has_suffix (gtk_label_get_text (shown), "…"));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cut)));
    /* The name: its first 300 characters */
    g_assert_cmpint (g_utf8_strlen (gtk_label_get_text (template_child (detail, DESK_TYPE_INBOX_DETAIL, "title_label")), -1),
                     ==, 300 + 1);
    {
      g_autofree char *first = desk_format_count (8000);
      g_autofree char *total = desk_format_count (200000);

      g_assert_nonnull (strstr (gtk_label_get_text (cut), first));
      g_assert_nonnull (strstr (gtk_label_get_text (cut), total));
    }
  }
}

/* A sync or another program changes the workspace while an item is open
 * and a reply is being written: the item stays chosen and open, the
 * draft stays, and the new notification is in the list */
static void
test_refresh_keeps_place (Fixture       *f,
                          gconstpointer  data)
{
  DeskInboxDetail *detail = template_child (f->page, DESK_TYPE_INBOX_PAGE, "detail");
  GtkTextBuffer *draft = gtk_text_view_get_buffer (template_child (detail, DESK_TYPE_INBOX_DETAIL, "reply_view"));
  g_autoptr(GListModel) channels = desk_store_list_channels (f->w.store, desk_window_get_brand_id (f->w.window), NULL);
  g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, 0);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  g_autofree char *kept = NULL;
  guint n = g_list_model_get_n_items (f->model);
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.move", "i", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.move", "i", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.move", "i", 1));
  g_assert_true (gtk_selection_model_is_selected (f->selection, 2));
  id = desk_notification_get_id (desk_inbox_detail_get_notification (detail));
  gtk_text_buffer_set_text (draft, "Merci beaucoup, nous regardons cela", -1);

  g_ptr_array_add (batch, g_object_new (DESK_TYPE_NOTIFICATION, "channel-id", desk_channel_get_id (channel),
                                        "remote-id", "arrived", "kind", DESK_NOTIFICATION_KIND_DIRECT_MESSAGE,
                                        "author", "Nouvelle", "text", "Bonjour ?", "created-at", now, NULL));
  g_assert_true (desk_store_add_notifications_full (f->w.store, batch, NULL, &error));
  g_assert_no_error (error);
  desk_window_refresh (f->w.window);
  wait_painted (GTK_WIDGET (f->w.window));

  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, n + 1);
  g_assert_nonnull (desk_inbox_detail_get_notification (detail));
  g_assert_cmpint (desk_notification_get_id (desk_inbox_detail_get_notification (detail)), ==, id);
  gtk_text_buffer_get_bounds (draft, &start, &end);
  kept = gtk_text_buffer_get_text (draft, &start, &end, FALSE);
  g_assert_cmpstr (kept, ==, "Merci beaucoup, nous regardons cela");
  {
    g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (f->selection);

    g_assert_cmpuint (gtk_bitset_get_size (set), ==, 1);
    g_assert_cmpint (desk_notification_get_id (item (f, gtk_bitset_get_minimum (set))), ==, id);
  }

  /* Another item chosen: its own, empty reply */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.move", "i", 1));
  gtk_text_buffer_get_bounds (draft, &start, &end);
  g_clear_pointer (&kept, g_free);
  kept = gtk_text_buffer_get_text (draft, &start, &end, FALSE);
  g_assert_cmpstr (kept, ==, "");
}

/* The unread count on the view switcher; a desktop notification's Reply
 * and Mark Read (the application's actions) */
static void
test_badge_and_actions (Fixture       *f,
                        gconstpointer  data)
{
  AdwViewStack *stack = template_child (f->w.window, DESK_TYPE_WINDOW, "view_stack");
  AdwViewStackPage *page = adw_view_stack_get_page (stack, GTK_WIDGET (f->page));
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  DeskInboxDetail *detail = template_child (f->page, DESK_TYPE_INBOX_PAGE, "detail");
  DeskNotification *target;
  guint unread = 0;
  gint64 id;

  filter->brand_id = desk_window_get_brand_id (f->w.window);
  filter->view = DESK_INBOX_VIEW_ALL;
  filter->unread_only = TRUE;
  g_assert_true (desk_store_count_inbox (f->w.store, filter, &unread, NULL));
  g_assert_cmpuint (unread, >, 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, unread);

  /* Opening an unread item: one less */
  for (guint i = 0; i < g_list_model_get_n_items (f->model); i++)
    if (!desk_notification_get_read (item (f, i)) && desk_notification_get_group_count (item (f, i)) <= 1)
      {
        gtk_selection_model_select_item (f->selection, i, TRUE);
        break;
      }
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, unread - 1);

  /* "Mark Read" from the desktop: read in the store */
  target = item (f, 5);
  id = desk_notification_get_id (target);
  g_action_group_activate_action (G_ACTION_GROUP (app), "inbox-mark-read", g_variant_new_int64 (id));
  {
    g_autoptr(DeskNotification) again = stored (f, id);
    g_assert_true (desk_notification_get_read (again));
  }

  /* "Reply" from the desktop, while the calendar is shown: the inbox,
   * that item chosen */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.show-view", "s", "calendar"));
  id = desk_notification_get_id (item (f, 2));
  g_action_group_activate_action (G_ACTION_GROUP (app), "inbox-open", g_variant_new_int64 (id));
  g_assert_cmpstr (desk_window_get_view (f->w.window), ==, "inbox");
  g_assert_nonnull (desk_inbox_detail_get_notification (detail));
  g_assert_cmpint (desk_notification_get_id (desk_inbox_detail_get_notification (detail)), ==, id);
}

static GtkWindow *
wait_window (GType type)
{
  for (int i = 0; i < 2000 && find_toplevel (type) == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (find_toplevel (type));
  wait_mapped (find_toplevel (type));
  return find_toplevel (type);
}

/* A rule flags what the inbox holds; a bad pattern is refused, said */
static void
test_moderation_rules (Fixture       *f,
                       gconstpointer  data)
{
  gint64 brand = desk_window_get_brand_id (f->w.window);
  GtkWindow *dialog;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  AdwEntryRow *pattern;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.moderation", NULL));
  dialog = wait_window (DESK_TYPE_MODERATION_DIALOG);
  pattern = template_child (dialog, DESK_TYPE_MODERATION_DIALOG, "pattern_row");

  /* Not a regular expression: refused, nothing saved */
  gtk_editable_set_text (GTK_EDITABLE (pattern), "([");
  gtk_switch_set_active (template_child (dialog, DESK_TYPE_MODERATION_DIALOG, "regex_switch"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.add", NULL));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (pattern), "error"));
  rules = desk_store_list_moderation_rules (f->w.store, brand, NULL);
  g_assert_cmpuint (rules->len, ==, 0);
  g_clear_pointer (&rules, g_ptr_array_unref);

  /* Keywords, accent-blind: "patissier" → escalate, on what is there */
  gtk_switch_set_active (template_child (dialog, DESK_TYPE_MODERATION_DIALOG, "regex_switch"), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (pattern), "patissier");
  adw_combo_row_set_selected (template_child (dialog, DESK_TYPE_MODERATION_DIALOG, "flag_row"), 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.add", NULL));
  rules = desk_store_list_moderation_rules (f->w.store, brand, NULL);
  g_assert_cmpuint (rules->len, ==, 1);
  g_assert_cmpint (((DeskModerationRule *) g_ptr_array_index (rules, 0))->flag, ==, DESK_MODERATION_FLAG_ESCALATE);
  filter->brand_id = brand;
  filter->view = DESK_INBOX_VIEW_ALL;
  filter->search = g_strdup ("patissier");
  found = desk_store_query_inbox (f->w.store, filter, 0, 1000, NULL);
  g_assert_cmpuint (found->len, >, 0);
  {
    guint escalated = 0;

    /* Every one is flagged now (a flag set before stays as it was) */
    for (guint i = 0; i < found->len; i++)
      if (g_strstr_len (desk_notification_get_text (g_ptr_array_index (found, i)), -1, "pâtissier ") != NULL)
        {
          g_assert_cmpint (desk_notification_get_flag (g_ptr_array_index (found, i)), !=, DESK_MODERATION_FLAG_NONE);
          escalated += desk_notification_get_flag (g_ptr_array_index (found, i)) == DESK_MODERATION_FLAG_ESCALATE;
        }
    g_assert_cmpuint (escalated, >, 0);
  }

  /* Removed: gone from the list */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.remove", "x",
                                             ((DeskModerationRule *) g_ptr_array_index (rules, 0))->id));
  g_clear_pointer (&rules, g_ptr_array_unref);
  rules = desk_store_list_moderation_rules (f->w.store, brand, NULL);
  g_assert_cmpuint (rules->len, ==, 0);
  gtk_window_destroy (dialog);
}

static void
buffer_set (GtkTextView *view,
            const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
buffer_get (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

/* A reply from the side pane goes through the outbox and shows where it
 * stands; too long for its network, it is refused; saved replies are
 * kept and come back with the author's name */
static void
test_reply (Fixture       *f,
            gconstpointer  data)
{
  DeskInboxDetail *detail = template_child (f->page, DESK_TYPE_INBOX_PAGE, "detail");
  GtkTextView *reply = template_child (detail, DESK_TYPE_INBOX_DETAIL, "reply_view");
  GtkLabel *state = template_child (detail, DESK_TYPE_INBOX_DETAIL, "reply_state");
  DeskNotification *n = item (f, 0);
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = NULL;
  g_autofree char *expected = NULL;
  DeskOutboxItem *sent;

  /* What the pull stores for a post that can be answered */
  g_assert_true (_desk_store_exec_sql (f->w.store, "UPDATE notifications SET status_id = remote_id", &error));
  g_assert_no_error (error);
  gtk_selection_model_select_item (f->selection, 0, TRUE);

  /* Too long: refused, said, nothing queued */
  too_long = g_strnfill (700, 'a');
  buffer_set (reply, too_long);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.send", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (state)));
  g_assert_nonnull (strstr (gtk_label_get_label (state), "longer than"));
  replies = desk_store_list_replies (f->w.store, desk_notification_get_id (n), NULL);
  g_assert_cmpuint (replies->len, ==, 0);
  g_clear_pointer (&replies, g_ptr_array_unref);

  /* Saved for later, with {author} */
  buffer_set (reply, "Merci {author}, à très vite !");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.save-reply", NULL));
  {
    AdwMessageDialog *ask = ADW_MESSAGE_DIALOG (wait_window (ADW_TYPE_MESSAGE_DIALOG));

    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ask)), "Merci");
    adw_message_dialog_response (ask, "save");
    gtk_window_destroy (GTK_WINDOW (ask));
  }
  {
    g_autoptr(GPtrArray) saved = desk_store_list_saved_replies (f->w.store, desk_window_get_brand_id (f->w.window), NULL);
    GtkListBox *list = template_child (detail, DESK_TYPE_INBOX_DETAIL, "saved_list");
    g_autofree char *text = NULL;

    g_assert_cmpuint (saved->len, ==, 1);
    buffer_set (reply, "");
    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
    text = buffer_get (reply);
    expected = g_strdup_printf ("Merci %s, à très vite !", desk_notification_get_author (n));
    g_assert_cmpstr (text, ==, expected);
  }

  /* Sent: queued in the outbox, the composer empty, the item answered */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.send", NULL));
  replies = desk_store_list_replies (f->w.store, desk_notification_get_id (n), NULL);
  g_assert_cmpuint (replies->len, ==, 1);
  sent = g_ptr_array_index (replies, 0);
  g_assert_cmpstr (sent->body, ==, expected);
  {
    g_autofree char *left = buffer_get (reply);
    g_assert_cmpstr (left, ==, "");
  }
  g_assert_cmpint (desk_notification_get_status (n), ==, DESK_NOTIFICATION_STATUS_WAITING);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (state)));

  /* The sync publishes it: the pane says so, with its link */
  g_assert_true (desk_store_outbox_record (f->w.store, sent->id, DESK_OUTBOX_STATE_PUBLISHED, "r1",
                                           "https://piaille.example/@fournil/r1", NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gtk_label_get_label (state), "https://piaille.example/@fournil/r1"));
}

/* Saved replies added, edited and removed in their dialog */
static void
test_saved_replies_dialog (Fixture       *f,
                           gconstpointer  data)
{
  gint64 brand = desk_window_get_brand_id (f->w.window);
  GtkWindow *dialog;
  g_autoptr(GPtrArray) saved = NULL;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.saved-replies", NULL));
  dialog = wait_window (DESK_TYPE_SAVED_REPLIES_DIALOG);

  /* Without a text: refused */
  gtk_editable_set_text (template_child (dialog, DESK_TYPE_SAVED_REPLIES_DIALOG, "title_row"), "Horaires");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "saved.save", NULL));
  saved = desk_store_list_saved_replies (f->w.store, brand, NULL);
  g_assert_cmpuint (saved->len, ==, 0);
  g_clear_pointer (&saved, g_ptr_array_unref);

  buffer_set (template_child (dialog, DESK_TYPE_SAVED_REPLIES_DIALOG, "body_view"),
              "Bonjour {author}, {brand} ouvre à 7 h du mardi au dimanche.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "saved.save", NULL));
  saved = desk_store_list_saved_replies (f->w.store, brand, NULL);
  g_assert_cmpuint (saved->len, ==, 1);
  id = ((DeskSavedReply *) g_ptr_array_index (saved, 0))->id;
  g_clear_pointer (&saved, g_ptr_array_unref);

  /* Edited: the same reply, its new text */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "saved.edit", "x", id));
  buffer_set (template_child (dialog, DESK_TYPE_SAVED_REPLIES_DIALOG, "body_view"), "Ouvert dès 7 h, {author} !");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "saved.save", NULL));
  saved = desk_store_list_saved_replies (f->w.store, brand, NULL);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpint (((DeskSavedReply *) g_ptr_array_index (saved, 0))->id, ==, id);
  g_assert_cmpstr (((DeskSavedReply *) g_ptr_array_index (saved, 0))->body, ==, "Ouvert dès 7 h, {author} !");
  g_clear_pointer (&saved, g_ptr_array_unref);

  /* Removed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "saved.remove", "x", id));
  saved = desk_store_list_saved_replies (f->w.store, brand, NULL);
  g_assert_cmpuint (saved->len, ==, 0);
  gtk_window_destroy (dialog);
}

/* Pictures of the inbox with an item open, in English, light and dark
 * (kept in $DESK_SCREENSHOT_DIR; the French ones are test-narrow's) */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  static const char * const names[] = { "light", "dark" };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const char *dir = g_getenv ("DESK_SCREENSHOT_DIR");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "inbox.move", "i", 1));
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *name = g_strdup_printf ("en-inbox-item-%s.png", names[i]);
      g_autofree char *path = g_build_filename (dir != NULL ? dir : f->w.dir, name, NULL);

      adw_style_manager_set_color_scheme (manager, schemes[i]);
      wait_painted (GTK_WIDGET (f->w.window));
      assert_screenshot (GTK_WIDGET (f->w.window), path);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(name, func) g_test_add ("/inbox-page/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("triage", test_triage);
  ADD ("side-pane", test_side_pane);
  ADD ("search-and-filters", test_search_and_filters);
  ADD ("crisis-banner", test_crisis_banner);
  ADD ("badge-and-actions", test_badge_and_actions);
  ADD ("moderation-rules", test_moderation_rules);
  ADD ("reply", test_reply);
  ADD ("saved-replies-dialog", test_saved_replies_dialog);
  ADD ("screenshots", test_screenshots);
  ADD ("huge-text", test_huge_text);
  ADD ("refresh-keeps-place", test_refresh_keeps_place);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
