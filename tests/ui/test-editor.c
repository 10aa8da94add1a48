/* test-editor.c: the Compose page's editor in the real window under Xvfb
 *
 * Types, attaches, designs, sees findings, applies their fixes, saves, and
 * finds the result in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <webkit/webkit.h>
#if HAVE_GEXIV2
#include <gexiv2/gexiv2.h>
#endif

#include "desk-application.h"
#include "desk-calendar-page.h"
#include "desk-compose-page.h"
#include "desk-demo.h"
#include "desk-design-canvas.h"
#include "desk-design-dialog.h"
#include "desk-editor.h"
#include "desk-preferences-window.h"
#include "desk-time.h"
#include "desk-window.h"
#include "ui-helpers.h"

static DeskApplication *app;

typedef struct
{
  char       *dir;
  char       *path;
  DeskStore  *store;
  DeskWindow *window;
  DeskEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = desk_time_now ();
  AdwViewStack *stack;

  f->dir = g_dir_make_tmp ("desk-editor-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (desk_demo_populate (f->store, NULL, DESK_DEMO_SEED, now, &error));
  f->window = desk_window_new (app, f->store, f->path, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_mapped (GTK_WIDGET (f->window));

  /* A new post in the editor, as the Compose page's "+" does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compose-post", "x", (gint64) 0));
  spin ();
  stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  f->editor = desk_compose_page_get_editor (DESK_COMPOSE_PAGE (adw_view_stack_get_child_by_name (stack, "compose")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->editor)));
  g_assert_nonnull (desk_editor_get_post (f->editor));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static void
set_text (Fixture    *f,
          const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (desk_editor_get_text_view (f->editor));

  gtk_text_buffer_set_text (buffer, text, -1);
  desk_editor_run_checks (f->editor);
}

static char *
get_text (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (desk_editor_get_text_view (f->editor));
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  return gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
}

static int
finding_index (Fixture    *f,
               const char *id)
{
  g_autoptr(GPtrArray) findings = desk_editor_get_findings (f->editor);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((DeskFinding *) g_ptr_array_index (findings, i))->id, id))
      return (int) i;
  return -1;
}

static char *
write_png (Fixture    *f,
           const char *name,
           const char *description,
           double      red)
{
  char *path = g_build_filename (f->dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 48);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, red, 0.5, 0.2);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
#if HAVE_GEXIV2
  if (description != NULL)
    {
      g_autoptr(GExiv2Metadata) metadata = gexiv2_metadata_new ();
      g_autoptr(GError) error = NULL;

      g_assert_true (gexiv2_metadata_open_path (metadata, path, &error));
      g_assert_true (gexiv2_metadata_try_set_tag_string (metadata, "Xmp.dc.description", description, &error));
      g_assert_true (gexiv2_metadata_save_file (metadata, path, &error));
    }
#endif
  return path;
}

/* Until the visuals' contrast, measured in a worker thread, is known */
static void
wait_measured (Fixture *f)
{
  for (int i = 0; i < 1000 && desk_editor_is_measuring (f->editor); i++)
    {
      g_usleep (5000);
      spin ();
    }
  g_assert_false (desk_editor_is_measuring (f->editor));
}

static DeskPost *
stored_post (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) other = desk_store_open (f->path, DESK_STORE_OPEN_READ_ONLY, &error);
  gint64 id = desk_post_get_id (desk_editor_get_post (f->editor));
  DeskPost *post;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  post = desk_store_get_post (other, id, &error);
  g_assert_no_error (error);
  return post;
}

static void
test_write_fix_save (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *described = write_png (f, "baguettes.png", "Deux baguettes sur un comptoir en bois", 0.9);
  g_autofree char *plain = write_png (f, "plain.png", NULL, 0.2);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autofree char *text = NULL;
  g_autofree char *counter = NULL;
  int index;

  set_text (f, "Le #painaulevain revient ce matin au fournil !");
  counter = desk_editor_dup_counter_text (f->editor, DESK_NETWORK_MASTODON);
  g_assert_cmpstr (counter, ==, "Mastodon 46/500");

  /* A finding, and its one-click fix */
  index = finding_index (f, "hashtag-camelcase");
  g_assert_cmpint (index, >=, 0);
  g_assert_true (desk_editor_apply_fix (f->editor, index));
  text = get_text (f);
  g_assert_cmpstr (text, ==, "Le #PainAuLevain revient ce matin au fournil !");
  g_assert_cmpint (finding_index (f, "hashtag-camelcase"), <, 0);

  /* Images: copied into the workspace; the alt text starts from the
   * image's own description; one without description is blocking */
  g_assert_true (desk_editor_add_image (f->editor, described, &error));
  g_assert_true (desk_editor_add_image (f->editor, plain, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_editor_get_n_images (f->editor), ==, 2);
  desk_editor_run_checks (f->editor);
  index = finding_index (f, "alt-missing");
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (((DeskFinding *) g_ptr_array_index (desk_editor_get_findings (f->editor), index))->index, ==,
                   HAVE_GEXIV2 ? 1 : 0);
  desk_editor_set_alt (f->editor, 1, "Une fournée de pains dorés");
  if (!HAVE_GEXIV2)
    desk_editor_set_alt (f->editor, 0, "Deux baguettes sur un comptoir en bois");
  desk_editor_run_checks (f->editor);
  g_assert_cmpint (finding_index (f, "alt-missing"), <, 0);

  /* Ctrl+S's action saves: post, texts and images in the store */
  g_assert_true (desk_editor_is_dirty (f->editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL));
  g_assert_false (desk_editor_is_dirty (f->editor));
  post = stored_post (f);
  g_assert_cmpstr (desk_post_get_body (post), ==, "Le #PainAuLevain revient ce matin au fournil !");
  attachments = desk_store_list_attachments (f->store, desk_post_get_id (post), &error);
  g_assert_cmpuint (attachments->len, ==, 2);
  g_assert_cmpstr (((DeskAttachment *) g_ptr_array_index (attachments, 0))->alt, ==, "Deux baguettes sur un comptoir en bois");
  g_assert_cmpstr (((DeskAttachment *) g_ptr_array_index (attachments, 1))->alt, ==, "Une fournée de pains dorés");
  g_assert_true (g_file_test (((DeskAttachment *) g_ptr_array_index (attachments, 0))->path, G_FILE_TEST_IS_REGULAR));

  /* Files dropped on the editor are attached too */
  {
    g_autofree char *third = write_png (f, "troisieme.png", NULL, 0.5);
    GtkDropTarget *drop = GTK_DROP_TARGET (find_controller (GTK_WIDGET (f->editor), GTK_TYPE_DROP_TARGET, GTK_PHASE_NONE));
    GSList *files = g_slist_append (NULL, g_file_new_for_path (third));
    GValue value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    g_assert_nonnull (drop);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, files);
    g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
    g_value_unset (&value);
    g_assert_true (accepted);
    g_assert_cmpuint (desk_editor_get_n_images (f->editor), ==, 3);
  }

  /* Reorder and remove, with the buttons of the image rows */
  {
    GtkListBox *list = template_child (f->editor, DESK_TYPE_EDITOR, "images_list");
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
    GtkWidget *buttons[3] = { NULL };
    guint n = 0;
    g_autoptr(GPtrArray) after = NULL;

    for (GtkWidget *c = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
         c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_BUTTON (c) && n < 3)
        buttons[n++] = c;
    g_assert_cmpuint (n, ==, 3);
    g_signal_emit_by_name (buttons[1], "clicked");          /* move later */
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2));
    for (GtkWidget *c = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
         c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_BUTTON (c))
        buttons[2] = c;                                       /* remove the third */
    g_signal_emit_by_name (buttons[2], "clicked");
    g_assert_cmpuint (desk_editor_get_n_images (f->editor), ==, 2);
    g_assert_true (desk_editor_save (f->editor, &error));
    after = desk_store_list_attachments (f->store, desk_post_get_id (desk_editor_get_post (f->editor)), &error);
    g_assert_cmpuint (after->len, ==, 2);
    g_assert_cmpstr (((DeskAttachment *) g_ptr_array_index (after, 0))->alt, ==, "Une fournée de pains dorés");
    g_assert_cmpstr (((DeskAttachment *) g_ptr_array_index (after, 1))->alt, ==, "Deux baguettes sur un comptoir en bois");
  }

  /* A missing file is an error the user can read, not a crash */
  g_assert_false (desk_editor_add_image (f->editor, "/nonexistent/photo.jpg", &error));
  g_assert_nonnull (error);
}

static void
test_overflow_and_variants (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) long_text = g_string_new ("Début ");
  g_autofree char *counter = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(DeskChannel) mastodon = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GError) error = NULL;
  GtkCheckButton *own;

  for (guint i = 0; i < 60; i++)
    g_string_append (long_text, "du pain ");
  set_text (f, long_text->str);
  /* Bluesky (300) passes, Mastodon (500) does not; the text shows where */
  counter = desk_editor_dup_counter_text (f->editor, DESK_NETWORK_BLUESKY);
  g_assert_cmpstr (counter, ==, "Bluesky 486/300");
  g_assert_true (desk_editor_text_has_overflow_mark (f->editor));
  g_assert_cmpint (finding_index (f, "text-too-long"), >=, 0);

  /* Bluesky gets its own, shorter text */
  channels = desk_store_list_channels (f->store, desk_post_get_brand_id (desk_editor_get_post (f->editor)), &error);
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);

      if (desk_channel_get_network (channel) == DESK_NETWORK_BLUESKY)
        g_set_object (&mastodon, channel);
    }
  g_assert_nonnull (mastodon);
  {
    GtkBox *buttons = template_child (f->editor, DESK_TYPE_EDITOR, "variant_buttons");

    for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (buttons)); b; b = gtk_widget_get_next_sibling (b))
      if (g_str_equal (gtk_button_get_label (GTK_BUTTON (b)), "Bluesky"))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), TRUE);
  }
  own = template_child (f->editor, DESK_TYPE_EDITOR, "own_text_check");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (own)));
  gtk_check_button_set_active (own, TRUE);
  set_text (f, "Du pain, court.");
  g_clear_pointer (&counter, g_free);
  counter = desk_editor_dup_counter_text (f->editor, DESK_NETWORK_BLUESKY);
  g_assert_cmpstr (counter, ==, "Bluesky 15/300");
  g_assert_false (desk_editor_text_has_overflow_mark (f->editor));

  g_assert_true (desk_editor_save (f->editor, &error));
  texts = desk_store_list_variant_texts (f->store, desk_post_get_id (desk_editor_get_post (f->editor)), &error);
  g_assert_cmpuint (g_hash_table_size (texts), ==, 1);
  {
    gint64 id = desk_channel_get_id (mastodon);
    g_assert_cmpstr (g_hash_table_lookup (texts, &id), ==, "Du pain, court.");
  }
}

static void
test_design_contrast_fix (Fixture       *f,
                          gconstpointer  data)
{
  DeskDesignDialog *dialog;
  DeskDesign *design;
  DeskLayer *layer;
  DeskColour white = { 0xff, 0xff, 0xff }, black = { 0, 0, 0 };
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dialog_shot = g_build_filename (g_get_tmp_dir (), "community-desk-design.png", NULL);
  int index;

  set_text (f, "Nouveau : le pain d'épices.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.design", NULL));
  dialog = find_toplevel (DESK_TYPE_DESIGN_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (GTK_WIDGET (dialog));
  design = desk_design_dialog_get_design (dialog);

  /* Grey text on a white-to-black gradient: fine on paper (#767676 on
   * white is 4.54:1), failing on the pixels */
  desk_design_set_background (design, &white, &black);
  /* The controls follow the design */
  g_assert_true (gtk_check_button_get_active (template_child (dialog, DESK_TYPE_DESIGN_DIALOG, "gradient_check")));
  layer = desk_design_get_layer (design, 0);
  g_free (layer->text);
  layer->text = g_strdup ("Pain d'épices, au miel de l'Ain");
  layer->size = 20;
  layer->weight = 400;
  layer->colour = (DeskColour) { 0x76, 0x76, 0x76 };
  layer->y = 400;
  desk_design_layer_changed (design, 0);

  /* Dragging moves the layer (the canvas's keyboard path) */
  desk_design_canvas_move_selected (DESK_DESIGN_CANVAS (desk_design_dialog_get_canvas (dialog)), 0, 40);
  g_assert_cmpfloat (layer->y, ==, 440);
  for (int i = 0; i < 30; i++)
    {
      g_usleep (10000);
      spin ();
    }
  wait_painted (GTK_WIDGET (dialog));
  assert_screenshot (GTK_WIDGET (dialog), dialog_shot);
  g_test_message ("design dialog: %s", dialog_shot);

  g_assert_true (desk_design_dialog_export (dialog));
  spin ();
  g_assert_cmpuint (desk_editor_get_n_images (f->editor), ==, 1);
  /* Measured in a worker thread */
  wait_measured (f);
  g_assert_false (desk_editor_is_measuring (f->editor));

  /* The contrast finding, on the visual's text layer; its fix repaints */
  index = finding_index (f, "contrast-low");
  g_assert_cmpint (index, >=, 0);
  g_assert_true (desk_editor_apply_fix (f->editor, index));
  wait_measured (f);
  g_assert_cmpint (finding_index (f, "contrast-low"), <, 0);
  g_assert_cmpuint (desk_editor_get_n_images (f->editor), ==, 1);

  g_assert_true (desk_editor_save (f->editor, &error));
  attachments = desk_store_list_attachments (f->store, desk_post_get_id (desk_editor_get_post (f->editor)), &error);
  g_assert_cmpuint (attachments->len, ==, 1);
  {
    DeskAttachment *attachment = g_ptr_array_index (attachments, 0);
    cairo_surface_t *png = cairo_image_surface_create_from_png (attachment->path);
    g_autoptr(DeskDesign) saved = desk_design_new_from_json (attachment->design, NULL, &error);

    /* Exported at the preset's exact size, design kept, alt pre-filled */
    g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1080);
    g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1080);
    cairo_surface_destroy (png);
    g_assert_nonnull (saved);
    g_assert_cmpstr (attachment->alt, ==, "Pain d'épices, au miel de l'Ain.");
  }
}

static void
test_autosave_and_close (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(DeskPost) post = NULL;
  gint64 id;

  set_text (f, "Premier jet");
  g_assert_true (desk_editor_save (f->editor, NULL));
  id = desk_post_get_id (desk_editor_get_post (f->editor));

  /* Autosave: a few seconds after typing, without Ctrl+S */
  set_text (f, "Deuxième jet");
  g_assert_true (desk_editor_is_dirty (f->editor));
  for (int i = 0; i < 500 && desk_editor_is_dirty (f->editor); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_false (desk_editor_is_dirty (f->editor));
  post = stored_post (f);
  g_assert_cmpstr (desk_post_get_body (post), ==, "Deuxième jet");

  /* Leaving the page saves what was typed */
  set_text (f, "Troisième jet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "calendar"));
  spin ();
  g_clear_object (&post);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskStore) other = desk_store_open (f->path, DESK_STORE_OPEN_READ_ONLY, &error);

    post = desk_store_get_post (other, id, &error);
    g_assert_cmpstr (desk_post_get_body (post), ==, "Troisième jet");
  }

  /* Deleted elsewhere while open here: saved again, nothing typed is lost */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskStore) other = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
    g_assert_true (desk_store_delete_post (other, id, &error));
    set_text (f, "Cinquième jet");
    g_assert_true (desk_editor_save (f->editor, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (gtk_label_get_text (template_child (f->editor, DESK_TYPE_EDITOR, "error_label")),
                              "deleted elsewhere"));
    g_clear_object (&post);
    post = stored_post (f);
    g_assert_cmpstr (desk_post_get_body (post), ==, "Cinquième jet");
    id = desk_post_get_id (post);
  }

  /* Closing the window saves too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compose-post", "x", id));
  spin ();
  set_text (f, "Quatrième jet");
  g_assert_true (desk_editor_is_dirty (f->editor));
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  spin ();
  g_clear_object (&post);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskStore) other = desk_store_open (f->path, DESK_STORE_OPEN_READ_ONLY, &error);

    post = desk_store_get_post (other, id, &error);
    g_assert_cmpstr (desk_post_get_body (post), ==, "Quatrième jet");
  }
}

static void
test_schedule_from_editor (Fixture       *f,
                           gconstpointer  data)
{
  GtkCalendar *calendar = template_child (f->editor, DESK_TYPE_EDITOR, "calendar");
  GtkSpinButton *hour = template_child (f->editor, DESK_TYPE_EDITOR, "hour_spin");
  GtkSpinButton *minute = template_child (f->editor, DESK_TYPE_EDITOR, "minute_spin");
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 4, 0, 0, 0);
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GDateTime) local = NULL;
  GtkDropDown *status = template_child (f->editor, DESK_TYPE_EDITOR, "status_dropdown");

  set_text (f, "Vendredi : pain d'épices");
  gtk_drop_down_set_selected (status, DESK_POST_STATUS_APPROVED);
  gtk_calendar_select_day (calendar, day);
  gtk_spin_button_set_value (hour, 9);
  gtk_spin_button_set_value (minute, 45);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.schedule", NULL));
  post = stored_post (f);
  g_assert_nonnull (desk_post_get_scheduled_at (post));
  local = g_date_time_to_local (desk_post_get_scheduled_at (post));
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 4);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 45);
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_APPROVED);

  /* It leaves the ideas of the sidebar for what is coming up, where it can
   * still be opened: it does not vanish from Compose */
  {
    AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
    DeskComposePage *compose = DESK_COMPOSE_PAGE (adw_view_stack_get_child_by_name (stack, "compose"));
    GListModel *ideas = desk_compose_page_get_model (compose);
    GListModel *upcoming = desk_compose_page_get_upcoming (compose);
    gboolean in_ideas = FALSE, in_upcoming = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (ideas); i++)
      {
        g_autoptr(DeskPost) item = g_list_model_get_item (ideas, i);
        in_ideas |= desk_post_get_id (item) == desk_post_get_id (post);
      }
    for (guint i = 0; i < g_list_model_get_n_items (upcoming); i++)
      {
        g_autoptr(DeskPost) item = g_list_model_get_item (upcoming, i);
        in_upcoming |= desk_post_get_id (item) == desk_post_get_id (post);
      }
    g_assert_false (in_ideas);
    g_assert_true (in_upcoming);
    g_assert_true (gtk_widget_get_visible (template_child (compose, DESK_TYPE_COMPOSE_PAGE, "upcoming_label")));
  }

  /* …and it is on the calendar */
  {
    AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
    GListModel *model = desk_calendar_page_get_model (DESK_CALENDAR_PAGE (adw_view_stack_get_child_by_name (stack, "calendar")));
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(DeskPost) shown = g_list_model_get_item (model, i);

        found |= desk_post_get_id (shown) == desk_post_get_id (post);
      }
    g_assert_true (found);
  }
}

static void
load_finished_cb (WebKitWebView   *view,
                  WebKitLoadEvent  event,
                  gboolean        *finished)
{
  if (event == WEBKIT_LOAD_FINISHED)
    *finished = TRUE;
}

static void
test_preview_and_screenshot (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *shot = g_build_filename (g_get_tmp_dir (), "community-desk-compose.png", NULL);
  g_autofree char *image = write_png (f, "pain.png", NULL, 0.8);
  g_autoptr(GError) error = NULL;
  GtkWidget *preview;
  gboolean finished = FALSE;

  set_text (f, "Nouveau ce matin : le #painaulevain 🎉🎉 au fournil. Cliquez ici : https://fournil.fr PAS CHER DU TOUT");
  g_assert_true (desk_editor_add_image (f->editor, image, &error));
  desk_editor_run_checks (f->editor);

  desk_editor_show_preview (f->editor);
  spin ();
  preview = desk_editor_get_preview (f->editor);
  g_assert_true (WEBKIT_IS_WEB_VIEW (preview));
  g_assert_false (webkit_settings_get_enable_javascript (webkit_web_view_get_settings (WEBKIT_WEB_VIEW (preview))));
  g_signal_connect (preview, "load-changed", G_CALLBACK (load_finished_cb), &finished);
  desk_editor_run_checks (f->editor);
  for (int i = 0; i < 1000 && !finished; i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_true (finished);
  /* Back to the checks for the screenshot */
  gtk_stack_set_visible_child_name (template_child (f->editor, DESK_TYPE_EDITOR, "side_stack"), "checks");
  wait_painted (GTK_WIDGET (f->window));
  assert_screenshot (GTK_WIDGET (f->window), shot);
  g_test_message ("compose: %s", shot);
}

static gboolean
is_row_titled (GtkWidget *widget,
               gpointer   title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
test_charter_from_preferences (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  gint64 brand_id = desk_post_get_brand_id (desk_editor_get_post (f->editor));
  DeskPreferencesWindow *prefs = desk_preferences_window_new (settings, f->path, f->store, brand_id);
  GtkWidget *row;
  g_autoptr(GError) error = NULL;
  int index;

  gtk_window_present (GTK_WINDOW (prefs));
  wait_mapped (GTK_WIDGET (prefs));
  row = find_descendant (GTK_WIDGET (prefs), is_row_titled, (gpointer) "Forbidden words");
  g_assert_nonnull (row);
  /* The demo brand's charter */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "pain industriel; pas cher");
  gtk_editable_set_text (GTK_EDITABLE (row), "pain industriel; low cost");
  g_signal_emit_by_name (row, "apply");
  row = find_descendant (GTK_WIDGET (prefs), is_row_titled, (gpointer) "Hashtags or mentions every post carries");
  gtk_editable_set_text (GTK_EDITABLE (row), "#FournilDesHalles");
  g_signal_emit_by_name (row, "apply");
  gtk_window_destroy (GTK_WINDOW (prefs));
  spin ();

  /* The editor checks the new charter */
  g_assert_true (desk_editor_load (f->editor, brand_id, NULL, &error));
  set_text (f, "Une offre low cost au fournil");
  index = finding_index (f, "charter-forbidden");
  g_assert_cmpint (index, >=, 0);
  index = finding_index (f, "charter-missing");
  g_assert_cmpint (index, >=, 0);
  g_assert_true (desk_editor_apply_fix (f->editor, index));
  {
    g_autofree char *text = get_text (f);
    g_assert_cmpstr (text, ==, "Une offre low cost au fournil #FournilDesHalles");
  }
  g_assert_cmpint (finding_index (f, "charter-missing"), <, 0);

  /* A campaign's own required tag applies once the post is in it */
  {
    GtkDropDown *campaign = template_child (f->editor, DESK_TYPE_EDITOR, "campaign_dropdown");
    g_autoptr(GListModel) campaigns = desk_store_list_campaigns (f->store, brand_id, &error);
    g_autoptr(DeskCampaign) first = g_list_model_get_item (campaigns, 0);
    g_autoptr(DeskBrand) brand = NULL;
    g_autoptr(GListModel) brands = desk_store_list_brands (f->store, &error);
    const char *tags[] = { "#LevainBio", NULL };
    g_autofree char *charter = NULL;

    brand = g_list_model_get_item (brands, 0);
    charter = desk_charter_set (desk_brand_get_charter (brand), desk_campaign_get_id (first), "Required", tags);
    desk_brand_set_charter (brand, charter);
    g_assert_true (desk_store_save_brand (f->store, brand, &error));
    g_assert_true (desk_editor_load (f->editor, brand_id, desk_editor_get_post (f->editor), &error));
    set_text (f, "Sans la campagne #FournilDesHalles");
    g_assert_cmpint (finding_index (f, "charter-missing"), <, 0);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (campaign)), ==, 1 + g_list_model_get_n_items (campaigns));
    gtk_drop_down_set_selected (campaign, 1);
    desk_editor_run_checks (f->editor);
    g_assert_cmpint (finding_index (f, "charter-missing"), >=, 0);
    g_assert_cmpint (desk_post_get_campaign_id (desk_editor_get_post (f->editor)), ==, desk_campaign_get_id (first));

    /* Links tagged for the campaign, shown before publishing */
    gtk_check_button_set_active (template_child (f->editor, DESK_TYPE_EDITOR, "utm_check"), TRUE);
    set_text (f, "Voir https://fournil.fr/levain");
    {
      GtkLabel *utm = template_child (f->editor, DESK_TYPE_EDITOR, "utm_label");

      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (utm)));
      g_assert_nonnull (strstr (gtk_label_get_text (utm), "Mastodon: https://fournil.fr/levain?utm_source=mastodon&utm_medium=social&utm_campaign="));
    }
    gtk_check_button_set_active (template_child (f->editor, DESK_TYPE_EDITOR, "utm_check"), FALSE);
    set_text (f, "Bonjour");
  }

  /* Snippets of the demo brand insert with one click */
  {
    GtkListBox *list = template_child (f->editor, DESK_TYPE_EDITOR, "snippets_list");
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);
    g_autofree char *text = NULL;

    g_assert_nonnull (first);
    g_signal_emit_by_name (list, "row-activated", first);
    text = get_text (f);
    g_assert_true (g_str_has_suffix (text, "\n\n#FournilDesHalles #PainAuLevain #Lyon"));
  }
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  /* WebKit names its sandbox's folders after the program */
  g_set_prgname ("test-editor");
  gtk_init ();
  adw_init ();

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/ui/editor/write-fix-save", Fixture, NULL, fixture_set_up, test_write_fix_save, fixture_tear_down);
  g_test_add ("/ui/editor/overflow-variants", Fixture, NULL, fixture_set_up, test_overflow_and_variants, fixture_tear_down);
  g_test_add ("/ui/editor/design-contrast", Fixture, NULL, fixture_set_up, test_design_contrast_fix, fixture_tear_down);
  g_test_add ("/ui/editor/autosave", Fixture, NULL, fixture_set_up, test_autosave_and_close, fixture_tear_down);
  g_test_add ("/ui/editor/schedule", Fixture, NULL, fixture_set_up, test_schedule_from_editor, fixture_tear_down);
  g_test_add ("/ui/editor/charter", Fixture, NULL, fixture_set_up, test_charter_from_preferences, fixture_tear_down);
  g_test_add ("/ui/editor/preview-screenshot", Fixture, NULL, fixture_set_up, test_preview_and_screenshot, fixture_tear_down);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
