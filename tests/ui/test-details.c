/* test-details.c: the small defects of issue 11, each checked where the
 * user meets it, in the real window under Xvfb
 *
 * Key names in the shortcuts window, unread notifications told apart
 * without colour, minutes with two digits in every time spin button,
 * highlights of the editor legible in light and dark, numbers grouped as
 * the locale writes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "desk-application.h"
#include "desk-compose-page.h"
#include "desk-contrast.h"
#include "desk-demo.h"
#include "desk-editor.h"
#include "desk-inbox-page.h"
#include "desk-inbox-row-private.h"
#include "desk-move-popover.h"
#include "desk-post-card.h"
#include "desk-post-card-private.h"
#include "desk-post-dialog.h"
#include "desk-preferences-window.h"
#include "desk-store-private.h"
#include "desk-sync-service-private.h"
#include "desk-time.h"
#include "desk-window.h"
#include "desk-sends-group.h"
#include "ui-helpers.h"

static DeskApplication *app;

typedef UiWorkspace Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* @data: a DeskDemoSize, or NULL for the demo's own */
  ui_workspace_create (f, "details", TRUE, data);
  ui_workspace_present (f, app, 1280, 860);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_workspace_close (f);
}

static GtkWidget *
view (Fixture    *f,
      const char *name)
{
  AdwViewStack *stack = template_child (f->window, DESK_TYPE_WINDOW, "view_stack");
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", name));
  page = adw_view_stack_get_child_by_name (stack, name);
  wait_allocated (page);
  return page;
}

/* Widgets under @root of @type, or with the CSS class @css_class */
static void
collect (GtkWidget  *root,
         GType       type,
         const char *css_class,
         GPtrArray  *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if ((type != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (c, type)) ||
          (css_class != NULL && gtk_widget_has_css_class (c, css_class)))
        g_ptr_array_add (out, c);
      collect (c, type, css_class, out);
    }
}

/* 1. The shortcuts window: keys in words, and what Page Up/Down and
 * Alt+Left/Right do said */

static void
shortcut_label_texts (GtkWidget *widget,
                      gboolean   inside,
                      GString   *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (inside && GTK_IS_LABEL (c))
        g_string_append_printf (out, "[%s]", gtk_label_get_label (GTK_LABEL (c)));
      shortcut_label_texts (c, inside || GTK_IS_SHORTCUT_LABEL (c), out);
    }
}

static void
test_shortcut_keys (Fixture       *f,
                    gconstpointer  data)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window));
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  g_autoptr(GString) keys = g_string_new (NULL);
  gboolean page_keys_documented = FALSE, alt_documented = FALSE;

  g_assert_nonnull (overlay);
  gtk_window_present (GTK_WINDOW (overlay));
  wait_painted (GTK_WIDGET (overlay));

  /* Every accelerator is made of keys GTK knows ("<Page_Up>" is none) */
  collect (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT, NULL, shortcuts);
  g_assert_cmpuint (shortcuts->len, >, 20);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (g_ptr_array_index (shortcuts, i), "accelerator", &accelerator,
                    "title", &title, "subtitle", &subtitle, NULL);
      if (accelerator == NULL)
        continue;
      parts = g_strsplit (accelerator, " ", -1);
      for (guint p = 0; parts[p] != NULL; p++)
        {
          guint key = 0;

          g_assert_true (gtk_accelerator_parse (parts[p], &key, NULL));
          g_assert_cmpuint (key, !=, 0);
        }
      /* win.calendar-go: Page Up/Down and Alt+Left/Right, from anywhere */
      if (strstr (accelerator, "Page_Up") != NULL && strstr (accelerator, "<Alt>Left") != NULL &&
          subtitle != NULL && strstr (subtitle, "anywhere") != NULL)
        page_keys_documented = TRUE;
      /* and Alt+Left/Right on a focused card moves it by a day */
      if (g_str_equal (accelerator, "<Alt>Left <Alt>Right") && strstr (title, "a day") != NULL &&
          subtitle != NULL && strstr (subtitle, "focus") != NULL)
        alt_documented = TRUE;
    }
  g_assert_true (page_keys_documented);
  g_assert_true (alt_documented);

  /* As shown: key names in words, never a keysym name */
  shortcut_label_texts (GTK_WIDGET (overlay), FALSE, keys);
  g_test_message ("keys: %s", keys->str);
  g_assert_null (strstr (keys->str, "Page_Up"));
  g_assert_null (strstr (keys->str, "Page_Down"));
  g_assert_null (strchr (keys->str, '_'));
  g_assert_nonnull (strstr (keys->str, "[Page Up]"));
  g_assert_nonnull (strstr (keys->str, "[Page Down]"));

  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* 2. Unread notifications: a dot, bold, and "Unread" for screen readers */

static char *
accessible_label (GtkWidget *widget)
{
  /* check_property returns the value when it differs from the one given */
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return g_strdup ("");
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
}

/* The weight a row's text is drawn in */
static gboolean
is_weight (PangoAttribute *attribute,
           gpointer        data)
{
  if (attribute->klass->type == PANGO_ATTR_WEIGHT)
    *(int *) data = ((PangoAttrInt *) attribute)->value;
  return FALSE;
}

static int
layout_weight (PangoLayout *layout)
{
  int weight = PANGO_WEIGHT_NORMAL;
  PangoAttrList *attrs = pango_layout_get_attributes (layout);

  if (attrs != NULL)
    pango_attr_list_filter (attrs, is_weight, &weight);
  return weight;
}

/* How many pixels a row paints left of its kind's icon, in its first
 * line: the unread dot's column */
static guint
dot_column_ink (DeskInboxRow *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (row));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = NULL;
  int width = gdk_paintable_get_intrinsic_width (paintable), height = gdk_paintable_get_intrinsic_height (paintable);
  graphene_rect_t icon, bounds;
  guint ink = 0;

  g_assert_true (_desk_inbox_row_get_part (row, DESK_INBOX_ROW_ICON, NULL, &icon));
  /* The parts are placed in the row's content box; the picture is of its
   * border box (the padding around) */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (row), &bounds));
  graphene_rect_offset (&icon, -bounds.origin.x, -bounds.origin.y);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (row))), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int y = 0; y < MIN (height, (int) (icon.origin.y + icon.size.height) + 8); y++)
    for (int x = 0; x < MIN (width, (int) icon.origin.x); x++)
      if (pixels[(gsize) y * width + x] >> 24 > 0x80)
        ink++;
  return ink;
}

static void
test_inbox_unread (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *inbox = view (f, "inbox");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint unread = 0, read = 0;
  float title_x = -1;

  collect (inbox, DESK_TYPE_INBOX_ROW, NULL, rows);
  g_assert_cmpuint (rows->len, >, 5);
  for (guint i = 0; i < rows->len; i++)
    {
      DeskInboxRow *row = g_ptr_array_index (rows, i);
      PangoLayout *title = NULL;
      graphene_rect_t title_box;
      g_autofree char *name = NULL;

      if (!gtk_widget_get_mapped (GTK_WIDGET (row)) || gtk_widget_get_width (GTK_WIDGET (row)) == 0)
        continue;
      name = accessible_label (GTK_WIDGET (row));
      g_assert_nonnull (name);
      g_assert_true (_desk_inbox_row_get_part (row, DESK_INBOX_ROW_TITLE, &title, &title_box));
      g_assert_cmpstr (pango_layout_get_text (title), !=, "");
      if (gtk_widget_has_css_class (GTK_WIDGET (row), "unread"))
        {
          unread++;
          /* Seen without colour: a dot, and the author in bold */
          g_assert_true (_desk_inbox_row_get_part (row, DESK_INBOX_ROW_DOT, NULL, NULL));
          g_assert_cmpuint (dot_column_ink (row), >, 10);
          g_assert_cmpint (layout_weight (title), >=, PANGO_WEIGHT_BOLD);
          /* Heard: "Direct message from Zoé Martin, Bluesky, 2 hours ago,
           * unread: …" */
          g_assert_nonnull (strstr (name, " from "));
          g_assert_nonnull (strstr (name, ", unread"));
        }
      else
        {
          read++;
          g_assert_false (_desk_inbox_row_get_part (row, DESK_INBOX_ROW_DOT, NULL, NULL));
          g_assert_cmpuint (dot_column_ink (row), ==, 0);
          g_assert_cmpint (layout_weight (title), <, PANGO_WEIGHT_BOLD);
          g_assert_null (strstr (name, ", unread"));
        }
      /* The dot keeps its column, read or not: the authors line up */
      if (title_x < 0)
        title_x = title_box.origin.x;
      g_assert_cmpfloat (title_box.origin.x, ==, title_x);
    }
  g_test_message ("%u unread, %u read rows shown", unread, read);
  g_assert_cmpuint (unread, >, 0);
  g_assert_cmpuint (read, >, 0);
}

/* 3. Minutes with two digits in the post dialog, the editor and the
 * calendar's "Move to…" popover */

static void
assert_two_digit_minutes (GtkSpinButton *minute)
{
  gtk_spin_button_set_value (minute, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "05");
  gtk_spin_button_set_value (minute, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "00");
  gtk_spin_button_set_value (minute, 45);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "45");
  /* What is typed is read back */
  gtk_editable_set_text (GTK_EDITABLE (minute), "7");
  gtk_spin_button_update (minute);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (minute), ==, 7);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "07");
}

static void
test_minutes_post_dialog (Fixture       *f,
                          gconstpointer  data)
{
  DeskPostDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-post", NULL));
  dialog = find_toplevel (DESK_TYPE_POST_DIALOG);
  g_assert_nonnull (dialog);
  wait_mapped (GTK_WIDGET (dialog));
  assert_two_digit_minutes (template_child (dialog, DESK_TYPE_POST_DIALOG, "minute_spin"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static DeskEditor *
open_editor (Fixture *f)
{
  DeskEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compose-post", "x", (gint64) 0));
  editor = desk_compose_page_get_editor (DESK_COMPOSE_PAGE (view (f, "compose")));
  wait_allocated (GTK_WIDGET (editor));
  g_assert_nonnull (desk_editor_get_post (editor));
  return editor;
}

static void
test_minutes_editor (Fixture       *f,
                     gconstpointer  data)
{
  DeskEditor *editor = open_editor (f);
  GtkSpinButton *minute = template_child (editor, DESK_TYPE_EDITOR, "minute_spin");
  GtkPopover *popover = template_child (editor, DESK_TYPE_EDITOR, "schedule_popover");

  gtk_popover_popup (popover);
  wait_mapped (GTK_WIDGET (minute));
  assert_two_digit_minutes (minute);
  gtk_popover_popdown (popover);
}

static void
test_minutes_move_popover (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *calendar = view (f, "calendar");
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  GtkWidget *popover = NULL;

  collect (calendar, DESK_TYPE_POST_CARD, NULL, cards);
  /* The first card shown that can move (a published post cannot) */
  for (guint i = 0; i < cards->len && popover == NULL; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);

      if (!in_reach (card))
        continue;
      g_assert_true (gtk_widget_activate_action (card, "card.move-to", NULL));
      popover = find_widget (card, DESK_TYPE_MOVE_POPOVER);
      if (popover != NULL && !gtk_widget_get_visible (popover))
        popover = NULL;
    }
  g_assert_nonnull (popover);
  wait_mapped (popover);
  {
    GtkSpinButton *minute = template_child (popover, DESK_TYPE_MOVE_POPOVER, "minute_spin");
    g_autoptr(GDateTime) at_9_05 = desk_time_new_local (2026, 11, 25, 9, 5, 0);
    g_autoptr(GDateTime) chosen = NULL;

    /* A post at 9:05 shows its minutes as 05, and moves to 9:05 */
    desk_move_popover_set_time (DESK_MOVE_POPOVER (popover), at_9_05);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "05");
    chosen = desk_move_popover_dup_time (DESK_MOVE_POPOVER (popover));
    g_assert_cmpint (g_date_time_get_minute (chosen), ==, 5);
    assert_two_digit_minutes (minute);
  }
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* 4. Hashtags, mentions and links in the editor: at least 4.5:1 on the
 * text view's background as painted, in the light and the dark style */

static void
pixel_colour (GdkTexture *texture,
              int         x,
              int         y,
              DeskColour *colour)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  guint32 pixel;

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  /* GDK_MEMORY_DEFAULT: premultiplied ARGB in native-endian 32-bit words;
   * the background is opaque */
  pixel = pixels[(gsize) y * width + x];
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  colour->red = (pixel >> 16) & 0xff;
  colour->green = (pixel >> 8) & 0xff;
  colour->blue = pixel & 0xff;
}

/* The text view's own background, as it is painted: a corner of it far
 * from the text */
static void
view_background (GtkWidget  *text_view,
                 DeskColour *colour)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (text_view);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (text_view), height = gtk_widget_get_height (text_view);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (text_view));

  g_assert_cmpint (width, >, 40);
  g_assert_cmpint (height, >, 40);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixel_colour (texture, width - 8, height - 8, colour);
}

static void
assert_highlights_legible (GtkTextView *text_view,
                           gboolean     dark)
{
  static const char *tags[] = { "hashtag", "mention", "link" };
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (text_view));
  DeskColour background;

  wait_painted (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (text_view))));
  view_background (GTK_WIDGET (text_view), &background);
  /* The style asked for is the one painted */
  if (dark)
    g_assert_cmpfloat (desk_colour_luminance (&background), <, 0.1);
  else
    g_assert_cmpfloat (desk_colour_luminance (&background), >, 0.8);

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, tags[i]);
      g_autoptr(GdkRGBA) rgba = NULL;
      gboolean set = FALSE;
      DeskColour foreground;
      DeskContrast contrast;

      g_assert_nonnull (tag);
      g_object_get (tag, "foreground-rgba", &rgba, "foreground-set", &set, NULL);
      g_assert_true (set);
      g_assert_nonnull (rgba);
      g_assert_cmpfloat (rgba->alpha, ==, 1.0);
      foreground.red = (guint8) (rgba->red * 255 + 0.5);
      foreground.green = (guint8) (rgba->green * 255 + 0.5);
      foreground.blue = (guint8) (rgba->blue * 255 + 0.5);
      desk_contrast_compute (&foreground, &background, &contrast);
      g_test_message ("%s %s: #%02x%02x%02x on #%02x%02x%02x, %.2f:1", dark ? "dark" : "light", tags[i],
                      foreground.red, foreground.green, foreground.blue,
                      background.red, background.green, background.blue, contrast.ratio);
      g_assert_true (contrast.aa_normal);
      g_assert_cmpfloat (contrast.ratio, >=, 4.5);
    }
}

static void
test_highlight_contrast (Fixture       *f,
                         gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  DeskEditor *editor = open_editor (f);
  GtkTextView *text_view = desk_editor_get_text_view (editor);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start;

  gtk_text_buffer_set_text (buffer, "#galette @fournil@mastodon.social https://fournil.fr", -1);
  /* The highlights are there to be seen */
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                           "hashtag")));
  wait_allocated (GTK_WIDGET (text_view));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  assert_highlights_legible (text_view, FALSE);

  /* The same buffer follows the style when it changes */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  assert_highlights_legible (text_view, TRUE);

  /* And a buffer made while dark starts dark: another post */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compose-post", "x", (gint64) 0));
  spin ();
  text_view = desk_editor_get_text_view (editor);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "#galette", -1);
  assert_highlights_legible (text_view, TRUE);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* 5. Numbers as the locale writes them: 12,345 in English, 12 345 in
 * French (U+202F), on the Reports page and the Inbox's count */

static DeskDemoSize big_inbox;

static void
assert_inbox_count (Fixture    *f,
                    const char *expected)
{
  GtkWidget *inbox;

  desk_window_refresh (f->window);
  inbox = view (f, "inbox");
  gtk_drop_down_set_selected (template_child (inbox, DESK_TYPE_INBOX_PAGE, "view_dropdown"), DESK_INBOX_VIEW_ALL);
  g_assert_cmpstr (gtk_label_get_label (template_child (inbox, DESK_TYPE_INBOX_PAGE, "count_label")), ==, expected);
}

static GPtrArray *
report_values (Fixture *f)
{
  GPtrArray *values = g_ptr_array_new ();
  GtkWidget *reports;

  desk_window_refresh (f->window);
  reports = view (f, "reports");
  wait_painted (GTK_WIDGET (f->window));
  /* The quantities (the page also shows days, whose years are not
   * grouped): the labels styled "numeric" */
  collect (reports, G_TYPE_INVALID, "numeric", values);
  g_assert_cmpuint (values->len, >, 4);
  return values;
}

static void
assert_grouped (GPtrArray  *values,
                const char *separator)
{
  guint grouped = 0;

  for (guint i = 0; i < values->len; i++)
    {
      const char *text = gtk_label_get_label (g_ptr_array_index (values, i));
      guint run = 0;

      /* Never four digits in a row */
      for (const char *p = text; *p != '\0'; p++)
        {
          run = g_ascii_isdigit (*p) ? run + 1 : 0;
          g_assert_cmpuint (run, <, 4);
        }
      if (strstr (text, separator) != NULL)
        grouped++;
    }
  g_assert_cmpuint (grouped, >, 0);
}

static void
test_numbers_grouped (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  g_assert_nonnull (setlocale (LC_NUMERIC, "en_US.UTF-8"));
  {
    g_autoptr(GPtrArray) values = report_values (f);
    assert_grouped (values, ",");
  }
  assert_inbox_count (f, "1,234 notifications, newest first");
  g_assert_nonnull (setlocale (LC_NUMERIC, "fr_FR.UTF-8"));
  {
    g_autoptr(GPtrArray) values = report_values (f);
    assert_grouped (values, "\u202f");
  }
  assert_inbox_count (f, "1\u202f234 notifications, newest first");
  setlocale (LC_NUMERIC, saved);
}

/* A damaged workspace: the window says so, and what to do, instead of
 * showing a calendar that looks empty; nothing is written to the file */
static void
test_damaged_workspace (void)
{
  UiWorkspace w = { 0 };
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  gsize length = 0;

  ui_workspace_create (&w, "damaged", TRUE, NULL);
  sqlite3_exec (_desk_store_get_handle (w.store), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  g_clear_object (&w.store);
  /* B-tree page headers past the schema scribbled over: the schema reads,
   * the posts do not */
  g_assert_true (g_file_get_contents (w.path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 20 * 4096);
  for (gsize page = 2; page < 20; page += 3)
    memcpy (contents + page * 4096, "\x0d\xff\xff\xff\xff\xff\xff\xff", 8);
  g_assert_true (g_file_set_contents (w.path, contents, length, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  w.store = desk_store_open (w.path, DESK_STORE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (w.store);
  ui_workspace_present (&w, app, 1280, 860);
  main_stack = template_child (w.window, DESK_TYPE_WINDOW, "main_stack");
  error_page = template_child (w.window, DESK_TYPE_WINDOW, "error_page");
  /* The check runs in a thread: until its answer is shown */
  for (int i = 0; i < 200 && g_strcmp0 (gtk_stack_get_visible_child_name (main_stack), "error") != 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "backups"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (w.window), "win.new-post", NULL) &&
                  find_toplevel (DESK_TYPE_POST_DIALOG) != NULL);

  gtk_window_destroy (GTK_WINDOW (w.window));
  w.window = NULL;
  g_clear_object (&w.store);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (w.path, &contents, &length, NULL));
  after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (before, ==, after);
  ui_workspace_close (&w);
}

static gboolean
is_handle_row (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Handle");
}

static gboolean
is_combo_row (GtkWidget *widget,
              gpointer   data)
{
  return ADW_IS_COMBO_ROW (widget);
}

/* A brand of one's own gets its first channel from Preferences › Channels
 * (it had none, and New Post offered nothing) */
static void
test_add_channel (void)
{
  UiWorkspace w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Boulangerie Martin", NULL);
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(DeskChannel) channel = NULL;
  DeskPreferencesWindow *prefs;
  GtkWidget *handle, *network;

  ui_workspace_create (&w, "channel", FALSE, NULL);
  g_assert_true (desk_store_save_brand (w.store, brand, &error));
  g_assert_no_error (error);
  prefs = desk_preferences_window_new (desk_application_get_settings (app), w.path, w.store,
                                       desk_brand_get_id (brand));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "channels");
  gtk_window_present (GTK_WINDOW (prefs));
  wait_mapped (GTK_WIDGET (prefs));

  handle = find_descendant (GTK_WIDGET (prefs), is_handle_row, NULL);
  network = find_descendant (GTK_WIDGET (prefs), is_combo_row, NULL);
  g_assert_nonnull (handle);
  g_assert_nonnull (network);
  adw_combo_row_set_selected (ADW_COMBO_ROW (network), DESK_NETWORK_TIKTOK);
  gtk_editable_set_text (GTK_EDITABLE (handle), "  @boulangeriemartin ");
  g_signal_emit_by_name (handle, "entry-activated");
  /* Twice: the same handle on the same network is refused */
  gtk_editable_set_text (GTK_EDITABLE (handle), "@boulangeriemartin");
  g_signal_emit_by_name (handle, "entry-activated");
  spin ();

  channels = desk_store_list_channels (w.store, desk_brand_get_id (brand), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, 1);
  channel = g_list_model_get_item (channels, 0);
  g_assert_cmpint (desk_channel_get_network (channel), ==, DESK_NETWORK_TIKTOK);
  g_assert_cmpstr (desk_channel_get_handle (channel), ==, "@boulangeriemartin");

  gtk_window_destroy (GTK_WINDOW (prefs));
  ui_workspace_close (&w);
}

static gboolean
has_tooltip (GtkWidget *widget,
             gpointer   data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0 && gtk_widget_get_visible (widget);
}

static gboolean
is_channel_handle_row (GtkWidget *widget,
                       gpointer   data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Handle or name") == 0;
}

static DeskChannel *
get_channel (DeskStore *store,
             gint64     brand_id,
             guint      i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) channels = desk_store_list_channels (store, brand_id, &error);

  g_assert_no_error (error);
  return i < g_list_model_get_n_items (channels) ? g_list_model_get_item (channels, i) : NULL;
}

/* Answers the confirmation the page asked, once it is shown */
static void
answer_dialog (const char *expected_text,
               const char *response)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_mapped (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected_text));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* A channel's handle and colour are edited in place; removing it asks,
 * naming its posts, and keeps them (issue 12) */
static void
test_edit_remove_channel (void)
{
  UiWorkspace w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Boulangerie Martin", NULL);
  g_autoptr(DeskChannel) channel = NULL;
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(DeskPost) kept = NULL;
  DeskPreferencesWindow *prefs;
  GtkWidget *handle, *network, *widget;
  gint64 channel_id;

  ui_workspace_create (&w, "channel-edit", FALSE, NULL);
  g_assert_true (desk_store_save_brand (w.store, brand, &error));
  prefs = desk_preferences_window_new (desk_application_get_settings (app), w.path, w.store,
                                       desk_brand_get_id (brand));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "channels");
  gtk_window_present (GTK_WINDOW (prefs));
  wait_mapped (GTK_WIDGET (prefs));

  /* Two channels: each its own colour of the colour-blind-safe palette */
  handle = find_descendant (GTK_WIDGET (prefs), is_handle_row, NULL);
  network = find_descendant (GTK_WIDGET (prefs), is_combo_row, NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (network), DESK_NETWORK_INSTAGRAM);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (network)), ==, "Instagram");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                      gtk_widget_get_ancestor (network, ADW_TYPE_PREFERENCES_GROUP))), "published by hand"));
  gtk_editable_set_text (GTK_EDITABLE (handle), "@boulangerie");
  g_signal_emit_by_name (handle, "entry-activated");
  adw_combo_row_set_selected (ADW_COMBO_ROW (network), DESK_NETWORK_MASTODON);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (network)), ==, "Mastodon");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                      gtk_widget_get_ancestor (network, ADW_TYPE_PREFERENCES_GROUP))), "publishes to Mastodon"));
  gtk_editable_set_text (GTK_EDITABLE (handle), "@martin@piaille.fr");
  g_signal_emit_by_name (handle, "entry-activated");
  spin ();
  channel = get_channel (w.store, desk_brand_get_id (brand), 0);
  g_assert_cmpstr (desk_channel_get_colour (channel), ==, "#0072b2");
  g_clear_object (&channel);
  channel = get_channel (w.store, desk_brand_get_id (brand), 1);
  g_assert_cmpstr (desk_channel_get_colour (channel), ==, "#e69f00");
  g_clear_object (&channel);

  /* Renamed in place; an empty handle is refused, the old one kept */
  widget = find_descendant (GTK_WIDGET (prefs), is_channel_handle_row, NULL);
  g_assert_nonnull (widget);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "@boulangerie");
  gtk_editable_set_text (GTK_EDITABLE (widget), " @boulangeriemartin ");
  g_signal_emit_by_name (widget, "apply");
  gtk_editable_set_text (GTK_EDITABLE (widget), "  ");
  g_signal_emit_by_name (widget, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "@boulangeriemartin");
  channel = get_channel (w.store, desk_brand_get_id (brand), 0);
  g_assert_cmpstr (desk_channel_get_handle (channel), ==, "@boulangeriemartin");
  g_clear_object (&channel);

  /* Another colour of the palette, named for screen readers */
  widget = find_descendant (GTK_WIDGET (prefs), has_tooltip, (gpointer) "Green");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (widget));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widget), TRUE);
  channel = get_channel (w.store, desk_brand_get_id (brand), 0);
  g_assert_cmpstr (desk_channel_get_colour (channel), ==, "#009e73");
  channel_id = desk_channel_get_id (channel);
  g_clear_object (&channel);

  post = g_object_new (DESK_TYPE_POST, "brand-id", desk_brand_get_id (brand), "title", "Galette des rois",
                       "status", DESK_POST_STATUS_DRAFT, NULL);
  desk_post_set_channel_ids (post, &channel_id, 1);
  g_assert_true (desk_store_save_post (w.store, post, &error));
  g_assert_no_error (error);

  /* Removing asks, naming the post; Cancel keeps it all */
  widget = find_descendant (GTK_WIDGET (prefs), has_tooltip, (gpointer) "Remove the channel “@boulangeriemartin”");
  g_assert_nonnull (widget);
  g_assert_true (in_reach (widget));
  gtk_widget_activate (widget);
  answer_dialog ("1 post goes to this channel", "cancel");
  channel = get_channel (w.store, desk_brand_get_id (brand), 0);
  g_assert_cmpint (desk_channel_get_id (channel), ==, channel_id);
  g_clear_object (&channel);

  gtk_widget_activate (widget);
  answer_dialog ("It stays in the calendar", "remove");
  channel = get_channel (w.store, desk_brand_get_id (brand), 0);
  g_assert_cmpint (desk_channel_get_network (channel), ==, DESK_NETWORK_MASTODON);
  g_clear_object (&channel);
  g_assert_null (get_channel (w.store, desk_brand_get_id (brand), 1));
  kept = desk_store_get_post (w.store, desk_post_get_id (post), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_post_get_title (kept), ==, "Galette des rois");
  g_assert_null (find_descendant (GTK_WIDGET (prefs), has_tooltip, (gpointer) "Remove the channel “@boulangeriemartin”"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  ui_workspace_close (&w);
}

static gboolean
is_button_labelled (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_row_titled (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* New Post on a brand without a channel offers to add one, and the
 * channel added shows in the dialog at once, ready to tick */
static void
test_post_dialog_add_channel (void)
{
  UiWorkspace w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Boulangerie Martin", NULL);
  DeskPostDialog *dialog;
  DeskPreferencesWindow *prefs;
  GtkWidget *row, *handle, *network;

  ui_workspace_create (&w, "dialog-channel", FALSE, NULL);
  g_assert_true (desk_store_save_brand (w.store, brand, &error));
  dialog = desk_post_dialog_new (w.store, desk_brand_get_id (brand), NULL, NULL, desk_application_get_settings (app));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_mapped (GTK_WIDGET (dialog));

  row = find_descendant (GTK_WIDGET (dialog), is_row_titled, (gpointer) "Add a Channel…");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activated");
  prefs = find_toplevel (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  wait_mapped (GTK_WIDGET (prefs));
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (prefs)), ==, "channels");

  handle = find_descendant (GTK_WIDGET (prefs), is_handle_row, NULL);
  network = find_descendant (GTK_WIDGET (prefs), is_combo_row, NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (network), DESK_NETWORK_LINKEDIN);
  gtk_editable_set_text (GTK_EDITABLE (handle), "Boulangerie Martin");
  g_signal_emit_by_name (handle, "entry-activated");
  gtk_window_destroy (GTK_WINDOW (prefs));
  spin ();

  g_assert_null (find_descendant (GTK_WIDGET (dialog), is_row_titled, (gpointer) "Add a Channel…"));
  row = find_descendant (GTK_WIDGET (dialog), is_row_titled, (gpointer) "LinkedIn · Boulangerie Martin");
  g_assert_nonnull (row);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_workspace_close (&w);
}

/* Offline, a banner says how many changes wait; back online it goes */
static void
test_offline_banner (void)
{
  UiWorkspace w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Le Fournil", NULL);
  g_autoptr(DeskChannel) channel = NULL;
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *key = g_uuid_string_random ();
  DeskAccount account = { 0 };
  DeskSyncService *sync;
  GtkRevealer *banner;
  GtkLabel *label;
  gint64 channel_id;

  ui_workspace_create (&w, "offline", FALSE, NULL);
  g_assert_true (desk_store_save_brand (w.store, brand, &error));
  channel = g_object_new (DESK_TYPE_CHANNEL, "brand-id", desk_brand_get_id (brand), "network", DESK_NETWORK_MASTODON,
                          "handle", "@fournil", NULL);
  g_assert_true (desk_store_save_channel (w.store, channel, &error));
  channel_id = desk_channel_get_id (channel);
  account.channel_id = channel_id;
  account.secret_key = key;
  account.server = (char *) "https://piaille.example";
  g_assert_true (desk_store_save_account (w.store, &account, &error));
  post = g_object_new (DESK_TYPE_POST, "brand-id", desk_brand_get_id (brand), "title", "Galette", "body", "Galette",
                       "status", DESK_POST_STATUS_SCHEDULED, "scheduled-at", tomorrow, NULL);
  desk_post_set_channel_ids (post, &channel_id, 1);
  g_assert_true (desk_store_save_post (w.store, post, &error));
  g_assert_no_error (error);

  ui_workspace_present (&w, app, 1180, 780);
  sync = desk_window_get_sync_service (w.window);
  g_assert_nonnull (sync);
  banner = template_child (w.window, DESK_TYPE_WINDOW, "offline_revealer");
  label = template_child (w.window, DESK_TYPE_WINDOW, "offline_label");

  _desk_sync_service_set_online (sync, FALSE);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Offline — 1 change waiting");
  wait_allocated (GTK_WIDGET (label));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));

  /* A second post waits too */
  {
    g_autoptr(DeskPost) more = g_object_new (DESK_TYPE_POST, "brand-id", desk_brand_get_id (brand), "title", "Pain",
                                             "body", "Pain", "status", DESK_POST_STATUS_SCHEDULED,
                                             "scheduled-at", tomorrow, NULL);

    desk_post_set_channel_ids (more, &channel_id, 1);
    g_assert_true (desk_store_save_post (w.store, more, &error));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w.window), "win.sync", NULL));
    g_assert_cmpstr (gtk_label_get_text (label), ==, "Offline — 2 changes waiting");
  }
  if (g_getenv ("DESK_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("DESK_SCREENSHOT_DIR"), "offline-banner.png", NULL);

      wait_painted (GTK_WIDGET (w.window));
      assert_screenshot (GTK_WIDGET (w.window), path);
    }

  _desk_sync_service_set_online (sync, TRUE);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  ui_workspace_close (&w);
}

static gboolean
is_card_of (GtkWidget *widget,
            gpointer   post)
{
  return DESK_IS_POST_CARD (widget) && desk_post_card_get_post (DESK_POST_CARD (widget)) != NULL &&
         desk_post_get_id (desk_post_card_get_post (DESK_POST_CARD (widget))) == desk_post_get_id (post);
}

/* The post dialog says where each send stands; a failed one has Retry */
static void
test_post_dialog_sends (void)
{
  UiWorkspace w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Le Fournil", NULL);
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GPtrArray) items = NULL;
  gint64 ids[2];
  const char *handles[] = { "@fournil", "blog.fournil.example" };
  DeskNetwork networks[] = { DESK_NETWORK_MASTODON, DESK_NETWORK_WORDPRESS };
  DeskOutboxItem *mastodon, *wordpress;
  DeskPostDialog *dialog;
  GtkWidget *retry, *open;

  ui_workspace_create (&w, "sends", FALSE, NULL);
  g_assert_true (desk_store_save_brand (w.store, brand, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DeskChannel) channel = g_object_new (DESK_TYPE_CHANNEL, "brand-id", desk_brand_get_id (brand),
                                                     "network", networks[i], "handle", handles[i], NULL);
      g_autofree char *key = g_uuid_string_random ();
      DeskAccount account = { .secret_key = key, .server = (char *) "https://example.org" };

      g_assert_true (desk_store_save_channel (w.store, channel, &error));
      ids[i] = desk_channel_get_id (channel);
      account.channel_id = ids[i];
      g_assert_true (desk_store_save_account (w.store, &account, &error));
    }
  post = g_object_new (DESK_TYPE_POST, "brand-id", desk_brand_get_id (brand), "title", "Galette", "body", "Galette",
                       "status", DESK_POST_STATUS_SCHEDULED, "scheduled-at", tomorrow, NULL);
  desk_post_set_channel_ids (post, ids, 2);
  g_assert_true (desk_store_save_post (w.store, post, &error));
  g_assert_true (desk_store_queue_posts (w.store, NULL, &error));
  items = desk_store_list_outbox (w.store, 0, &error);
  mastodon = g_ptr_array_index (items, 0);
  wordpress = g_ptr_array_index (items, 1);
  g_assert_true (desk_store_outbox_record (w.store, mastodon->id, DESK_OUTBOX_STATE_SCHEDULED, "sch1",
                                           "https://piaille.example/@fournil/1", NULL, 0, &error));
  g_assert_true (desk_store_outbox_record (w.store, wordpress->id, DESK_OUTBOX_STATE_FAILED, NULL, NULL,
                                           "The server refused it: Sorry, you are not allowed (HTTP 403).", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_FAILED);

  dialog = desk_post_dialog_new (w.store, desk_brand_get_id (brand), post, NULL, desk_application_get_settings (app));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_mapped (GTK_WIDGET (dialog));
  g_assert_nonnull (find_descendant (GTK_WIDGET (dialog), is_row_titled, (gpointer) "Mastodon · @fournil"));
  open = find_descendant (GTK_WIDGET (dialog), has_tooltip, (gpointer) "Open the post on @fournil");
  g_assert_nonnull (open);
  retry = find_descendant (GTK_WIDGET (dialog), is_button_labelled, (gpointer) "_Retry");
  g_assert_nonnull (retry);
  {
    GtkWidget *row = gtk_widget_get_ancestor (retry, ADW_TYPE_ACTION_ROW);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "not allowed"));
  }

  /* Retry: queued again, the post scheduled again */
  g_signal_emit_by_name (retry, "clicked");
  {
    g_autoptr(DeskOutboxItem) again = desk_store_get_outbox_item (w.store, wordpress->id, &error);

    g_assert_cmpint (again->state, ==, DESK_OUTBOX_STATE_QUEUED);
  }
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);
  g_assert_null (find_descendant (GTK_WIDGET (dialog), is_button_labelled, (gpointer) "_Retry"));

  /* A sync under way shows as it goes: published, with its link */
  g_assert_null (find_descendant (GTK_WIDGET (dialog), has_tooltip, (gpointer) "Open the post on blog.fournil.example"));
  g_assert_true (desk_store_outbox_record (w.store, wordpress->id, DESK_OUTBOX_STATE_PUBLISHED, "42",
                                           "https://blog.fournil.example/galette", NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_descendant (GTK_WIDGET (dialog), has_tooltip, (gpointer) "Open the post on blog.fournil.example"));

  /* Compose's editor shows the same, and follows the outbox too */
  {
    DeskEditor *editor = desk_editor_new (w.store);
    DeskSendsGroup *sends = template_child (editor, DESK_TYPE_EDITOR, "sends_group");

    g_object_ref_sink (editor);
    g_assert_true (desk_editor_load (editor, desk_brand_get_id (brand), post, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (desk_sends_group_get_n_sends (sends), ==, 2);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sends)));
    g_assert_nonnull (find_descendant (GTK_WIDGET (sends), is_row_titled, (gpointer) "WordPress · blog.fournil.example"));
    g_assert_true (desk_store_outbox_record (w.store, mastodon->id, DESK_OUTBOX_STATE_FAILED, NULL, NULL,
                                             "The server refused it (HTTP 422).", 0, &error));
    retry = find_descendant (GTK_WIDGET (sends), is_button_labelled, (gpointer) "_Retry");
    g_assert_nonnull (retry);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (retry, ADW_TYPE_ACTION_ROW))),
                              "HTTP 422"));
    /* A new post has no send: nothing shown */
    g_assert_true (desk_editor_load (editor, desk_brand_get_id (brand), NULL, &error));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sends)));
    g_object_unref (editor);
  }

  /* Its card on the calendar says it too, channel by channel */
  {
    DeskCalendarPage *page;
    GtkWidget *card;
    g_autofree char *said = NULL;

    ui_workspace_present (&w, app, 1024, 700);
    page = ui_calendar_page (w.window);
    desk_calendar_page_set_view (page, "week");
    desk_calendar_page_set_week (page, tomorrow);
    spin ();
    card = find_descendant (GTK_WIDGET (page), is_card_of, post);
    g_assert_nonnull (card);
    said = _desk_post_card_describe_sends (DESK_POST_CARD (card), 0);
    g_assert_nonnull (said);
    g_assert_nonnull (strstr (said, "Mastodon: Failed — The server refused it (HTTP 422)."));
    g_assert_nonnull (strstr (said, "WordPress: Published"));
    g_clear_pointer (&said, g_free);
    said = _desk_post_card_describe_sends (DESK_POST_CARD (card), ids[1]);
    g_assert_cmpstr (said, ==, "Published");
    desk_calendar_page_set_view (page, "month");
  }
  if (g_getenv ("DESK_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("DESK_SCREENSHOT_DIR"), "post-dialog-sends.png", NULL);

      wait_painted (GTK_WIDGET (dialog));
      assert_screenshot (GTK_WIDGET (dialog), path);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_workspace_close (&w);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  /* Accessible labels read through the test AT context */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/details/damaged-workspace", test_damaged_workspace);
  g_test_add_func ("/details/add-channel", test_add_channel);
  g_test_add_func ("/details/edit-remove-channel", test_edit_remove_channel);
  g_test_add_func ("/details/post-dialog-add-channel", test_post_dialog_add_channel);
  g_test_add_func ("/details/offline-banner", test_offline_banner);
  g_test_add_func ("/details/post-dialog-sends", test_post_dialog_sends);
  g_test_add ("/details/shortcut-keys", Fixture, NULL, fixture_set_up, test_shortcut_keys, fixture_tear_down);
  g_test_add ("/details/inbox-unread", Fixture, NULL, fixture_set_up, test_inbox_unread, fixture_tear_down);
  g_test_add ("/details/minutes/post-dialog", Fixture, NULL, fixture_set_up, test_minutes_post_dialog, fixture_tear_down);
  g_test_add ("/details/minutes/editor", Fixture, NULL, fixture_set_up, test_minutes_editor, fixture_tear_down);
  g_test_add ("/details/minutes/move-popover", Fixture, NULL, fixture_set_up, test_minutes_move_popover, fixture_tear_down);
  g_test_add ("/details/highlight-contrast", Fixture, NULL, fixture_set_up, test_highlight_contrast, fixture_tear_down);
  big_inbox = *desk_demo_default_size ();
  big_inbox.n_notifications = 1234;
  g_test_add ("/details/numbers-grouped", Fixture, &big_inbox, fixture_set_up, test_numbers_grouped, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
