/* test-legibility.c: the calendar read by a new user, under Xvfb
 *
 * Cards as tall as their text at the font's size (and with large text),
 * posts that overlap in the week laid side by side with their titles
 * readable, the channels' legend, the ideas tray's titles at 1024 pixels;
 * and the week's side-by-side layout as arithmetic alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "desk-application.h"
#include "desk-calendar-page.h"
#include "desk-demo.h"
#include "desk-filter-popover.h"
#include "desk-ideas-tray.h"
#include "desk-post-card.h"
#include "desk-post-card-private.h"
#include "desk-time.h"
#include "desk-week-view.h"
#include "desk-week-view-private.h"
#include "desk-window.h"
#include "desk-text-count.h"
#include "ui-helpers.h"

#define MIN_TITLE_WIDTH 32   /* pixels: five characters of the default font at least */

static DeskApplication *app;

typedef UiWorkspace Fixture;

/* @data: the window's width (its height is 700) */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GSettings *settings = desk_application_get_settings (app);

  ui_workspace_create (f, "legible", TRUE, NULL);
  g_settings_set_int (settings, "window-width", GPOINTER_TO_INT (data));
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_string (settings, "calendar-view", "month");
  ui_workspace_present (f, app, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_workspace_close (f);
}

static gint64
first_brand (DeskStore *store)
{
  g_autoptr(GListModel) brands = desk_store_list_brands (store, NULL);
  g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, 0);

  return desk_brand_get_id (brand);
}

/* Saves the screenshot in $LEGIBILITY_SHOTS/@name.png when it is set */
static void
maybe_screenshot_native (GtkWidget  *native,
                         const char *name)
{
  const char *dir = g_getenv ("LEGIBILITY_SHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  wait_painted (native);
  assert_screenshot (native, path);
}

static void
maybe_screenshot (Fixture    *f,
                  const char *name)
{
  maybe_screenshot_native (GTK_WIDGET (f->window), name);
}

static gboolean
is_shown_card (GtkWidget *widget,
               gpointer   data)
{
  return DESK_IS_POST_CARD (widget) && gtk_widget_get_visible (widget) &&
         desk_post_card_get_post (DESK_POST_CARD (widget)) != NULL;
}

/* Every card within reach under @root, depth first */
static void
collect_cards (GtkWidget *root,
               GPtrArray *cards)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_mapped (c) || !gtk_widget_get_can_target (c))
        continue;
      if (is_shown_card (c, NULL))
        g_ptr_array_add (cards, c);
      else
        collect_cards (c, cards);
    }
}

/* The logical height of @text as @card lays it out, bold or not */
static int
text_height (GtkWidget  *card,
             const char *text,
             gboolean    bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (card, text);
  PangoRectangle logical;

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height;
}

/* Each card is at least @lines lines of its own text tall: its title and
 * its status mark and time, as Pango lays them out in its font */
static void
assert_cards_fit_text (GPtrArray *cards,
                       int        lines)
{
  g_assert_cmpuint (cards->len, >, 0);
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);
      DeskPost *post = desk_post_card_get_post (DESK_POST_CARD (card));
      g_autofree char *title = desk_post_dup_display_title (post);
      g_autofree char *time = g_strconcat (desk_post_status_to_mark (desk_post_get_status (post)), "\u200912:45", NULL);
      int needed = MAX (text_height (card, title, FALSE), text_height (card, time, TRUE));

      /* The content box: what the card draws in */
      if (gtk_widget_get_height (card) < lines * needed)
        g_error ("card “%s” is %d px high for %d line(s) of %d px", title, gtk_widget_get_height (card), lines, needed);
      g_assert_cmpint (desk_post_card_get_line_height (DESK_POST_CARD (card)), >=, needed);
    }
}

static GPtrArray *
shown_cards (GtkWidget *root)
{
  GPtrArray *cards = g_ptr_array_new ();

  collect_cards (root, cards);
  return cards;
}

static void
test_card_height (Fixture       *f,
                  gconstpointer  data)
{
  DeskCalendarPage *page = ui_calendar_page (f->window);
  DeskWeekView *week = template_child (page, DESK_TYPE_CALENDAR_PAGE, "week_view");
  GtkSettings *settings = gtk_settings_get_default ();
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) large = NULL;
  int dpi, height;

  wait_painted (GTK_WIDGET (f->window));
  cards = shown_cards (GTK_WIDGET (page));
  g_assert_cmpuint (cards->len, >, 20);
  assert_cards_fit_text (cards, 1);
  maybe_screenshot (f, "month");
  height = gtk_widget_get_height (g_ptr_array_index (cards, 0));

  /* Large text (GNOME's text scaling factor is a resolution): taller
   * cards, still as tall as their text */
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", dpi * 3 / 2, NULL);
  wait_painted (GTK_WIDGET (f->window));
  wait_painted (GTK_WIDGET (f->window));
  large = shown_cards (GTK_WIDGET (page));
  assert_cards_fit_text (large, 1);
  g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (large, 0)), >, height);
  maybe_screenshot (f, "month-large-text");
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);

  /* The week's cards: two lines, the title on its own */
  desk_calendar_page_set_view (page, "week");
  wait_allocated (GTK_WIDGET (week));
  g_ptr_array_set_size (cards, 0);
  collect_cards (GTK_WIDGET (week), cards);
  assert_cards_fit_text (cards, 2);
  for (guint i = 0; i < cards->len; i++)
    g_assert_cmpint (_desk_post_card_get_title_width (g_ptr_array_index (cards, i)), >=, MIN_TITLE_WIDTH);
  maybe_screenshot (f, "week");
  desk_calendar_page_set_view (page, "month");
}

static DeskPost *
add_post (Fixture    *f,
          GDateTime  *at,
          const char *title)
{
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, first_brand (f->store), NULL);
  g_autoptr(DeskChannel) first = g_list_model_get_item (channels, 0);
  g_autoptr(DeskChannel) second = g_list_model_get_item (channels, 1);
  gint64 ids[] = { desk_channel_get_id (first), desk_channel_get_id (second) };
  DeskPost *post = desk_post_new ();

  desk_post_set_brand_id (post, first_brand (f->store));
  desk_post_set_title (post, title);
  desk_post_set_status (post, DESK_POST_STATUS_SCHEDULED);
  desk_post_set_channel_ids (post, ids, G_N_ELEMENTS (ids));
  desk_post_set_scheduled_at (post, at);
  g_assert_true (desk_store_save_post (f->store, post, NULL));
  return post;
}

static GtkWidget *
card_of (GPtrArray *cards,
         DeskPost  *post)
{
  for (guint i = 0; i < cards->len; i++)
    {
      DeskPostCard *card = g_ptr_array_index (cards, i);

      if (desk_post_get_id (desk_post_card_get_post (card)) == desk_post_get_id (post))
        return GTK_WIDGET (card);
    }
  g_assert_not_reached ();
}

static void
test_week_overlap (Fixture       *f,
                   gconstpointer  data)
{
  DeskCalendarPage *page = ui_calendar_page (f->window);
  DeskWeekView *week = template_child (page, DESK_TYPE_CALENDAR_PAGE, "week_view");
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) midnight = desk_time_local_midnight (now);
  /* Tomorrow, at night: the demo's posts are in the day */
  g_autoptr(GDateTime) ten = g_date_time_add_hours (midnight, 24 + 3);
  g_autoptr(GDateTime) quarter = g_date_time_add_minutes (ten, 15);
  g_autoptr(GDateTime) later = g_date_time_add_hours (ten, -2);
  g_autoptr(DeskPost) a = NULL;
  g_autoptr(DeskPost) b = NULL;
  g_autoptr(DeskPost) c = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  graphene_rect_t ra, rb, rc;

  a = add_post (f, ten, "Atelier pétrissage en boutique");
  b = add_post (f, quarter, "Concours de la meilleure baguette");
  c = add_post (f, later, "Fournée de l’après-midi");
  desk_calendar_page_set_view (page, "week");
  wait_allocated (GTK_WIDGET (week));
  collect_cards (GTK_WIDGET (week), cards);

  g_assert_true (gtk_widget_compute_bounds (card_of (cards, a), GTK_WIDGET (week), &ra));
  g_assert_true (gtk_widget_compute_bounds (card_of (cards, b), GTK_WIDGET (week), &rb));
  g_assert_true (gtk_widget_compute_bounds (card_of (cards, c), GTK_WIDGET (week), &rc));

  /* 03:00 and 03:15 overlap: side by side, disjoint, each with its title */
  g_assert_cmpfloat (ra.origin.y + ra.size.height, >, rb.origin.y);
  g_assert_true (ra.origin.x + ra.size.width <= rb.origin.x || rb.origin.x + rb.size.width <= ra.origin.x);
  g_assert_cmpint (_desk_post_card_get_title_width (DESK_POST_CARD (card_of (cards, a))), >=, MIN_TITLE_WIDTH);
  g_assert_cmpint (_desk_post_card_get_title_width (DESK_POST_CARD (card_of (cards, b))), >=, MIN_TITLE_WIDTH);

  /* 01:00 overlaps neither: the day's whole width */
  g_assert_cmpfloat (rc.size.width, >, ra.size.width + rb.size.width - 2);
  g_assert_cmpfloat (rc.size.width, >, 1.5 * ra.size.width);

  /* Channel marks: badges with the network's initial where there is
   * room (a card alone in its day), dots or badges elsewhere */
  {
    gboolean badges = FALSE;

    g_assert_cmpuint (_desk_post_card_get_n_marks (DESK_POST_CARD (card_of (cards, c)), &badges), ==, 2);
    g_assert_true (badges);
  }
  maybe_screenshot (f, "week-overlap");
  desk_calendar_page_set_view (page, "month");
}

static gboolean
is_label_with_text (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static void
test_channel_legend (Fixture       *f,
                     gconstpointer  data)
{
  DeskCalendarPage *page = ui_calendar_page (f->window);
  GtkMenuButton *button = template_child (page, DESK_TYPE_CALENDAR_PAGE, "filter_button");
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, first_brand (f->store), NULL);

  g_assert_true (DESK_IS_FILTER_POPOVER (popover));
  gtk_menu_button_popup (button);
  wait_mapped (popover);
  g_assert_cmpuint (g_list_model_get_n_items (channels), >=, 2);

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      const char *network = desk_network_to_label (desk_channel_get_network (channel));
      g_autofree char *name = g_strdup_printf (desk_network_is_prepare_only (desk_channel_get_network (channel))
                                               ? "%s · %s (hollow mark: publish by hand)" : "%s · %s",
                                               network, desk_channel_get_handle (channel));
      GtkWidget *label = find_descendant (popover, is_label_with_text, name);
      GtkWidget *mark;
      g_autofree char *initial = g_utf8_strup (network, g_utf8_next_char (network) - network);

      /* The channel's name, after the mark its cards show */
      g_assert_nonnull (label);
      g_assert_true (gtk_widget_get_mapped (label));
      mark = gtk_widget_get_prev_sibling (label);
      g_assert_nonnull (mark);
      g_assert_true (gtk_widget_has_css_class (mark, "channel-mark"));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (mark)), initial));
      g_assert_nonnull (gtk_widget_get_ancestor (label, GTK_TYPE_CHECK_BUTTON));
    }
  maybe_screenshot_native (popover, "legend");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* A post for a prepare-only network says on its card that it is
 * published by hand; one for a network the app publishes to does not */
static void
test_by_hand (Fixture       *f,
              gconstpointer  data)
{
  DeskCalendarPage *page = ui_calendar_page (f->window);
  DeskWeekView *week = template_child (page, DESK_TYPE_CALENDAR_PAGE, "week_view");
  g_autoptr(GListModel) channels = desk_store_list_channels (f->store, first_brand (f->store), NULL);
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) midnight = desk_time_local_midnight (now);
  g_autoptr(GDateTime) night = g_date_time_add_hours (midnight, 24 + 2);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(DeskPost) post = desk_post_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *names;

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      DeskNetwork network = desk_channel_get_network (channel);

      if (network == DESK_NETWORK_MASTODON || network == DESK_NETWORK_BLUESKY || network == DESK_NETWORK_INSTAGRAM)
        {
          gint64 id = desk_channel_get_id (channel);
          g_array_append_val (ids, id);
        }
    }
  g_assert_cmpuint (ids->len, ==, 3);
  desk_post_set_brand_id (post, first_brand (f->store));
  desk_post_set_title (post, "Galette des rois");
  desk_post_set_status (post, DESK_POST_STATUS_SCHEDULED);
  desk_post_set_channel_ids (post, (gint64 *) ids->data, ids->len);
  desk_post_set_scheduled_at (post, night);
  g_assert_true (desk_store_save_post (f->store, post, NULL));

  desk_calendar_page_set_view (page, "week");
  wait_allocated (GTK_WIDGET (week));
  collect_cards (GTK_WIDGET (week), cards);
  names = _desk_post_card_get_channel_names (DESK_POST_CARD (card_of (cards, post)));
  g_assert_cmpstr (names, ==, "Mastodon, Bluesky (sent at its time: the app must be running), Instagram (publish by hand)");
  maybe_screenshot (f, "by-hand");
  desk_calendar_page_set_view (page, "month");
}

static void
test_ideas_tray (Fixture       *f,
                 gconstpointer  data)
{
  DeskCalendarPage *page = ui_calendar_page (f->window);
  GtkToggleButton *toggle = template_child (page, DESK_TYPE_CALENDAR_PAGE, "ideas_toggle");
  GtkWidget *tray = template_child (template_child (page, DESK_TYPE_CALENDAR_PAGE, "ideas_tray"),
                                    DESK_TYPE_IDEAS_TRAY, "tray_list");
  GtkWidget *revealer;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autofree char *name = g_strdup_printf ("ideas-%d", GPOINTER_TO_INT (data));

  gtk_toggle_button_set_active (toggle, TRUE);
  wait_allocated (tray);
  /* The revealer slides the tray in: until it is all in */
  revealer = gtk_widget_get_ancestor (tray, GTK_TYPE_REVEALER);
  for (int i = 0; i < 5000 && !gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
  wait_painted (GTK_WIDGET (f->window));
  maybe_screenshot (f, name);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, GPOINTER_TO_INT (data));
  collect_cards (tray, cards);
  g_assert_cmpuint (cards->len, >, 0);
  for (guint i = 0; i < cards->len; i++)
    {
      DeskPostCard *card = g_ptr_array_index (cards, i);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (f->window), &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
      g_assert_cmpint (_desk_post_card_get_title_width (card), >=, 120);
    }
  assert_cards_fit_text (cards, 1);

  /* The month beside it still shows its cards' titles */
  g_ptr_array_set_size (cards, 0);
  collect_cards (template_child (page, DESK_TYPE_CALENDAR_PAGE, "view_stack"), cards);
  g_assert_cmpuint (cards->len, >, 20);
  for (guint i = 0; i < cards->len; i++)
    g_assert_cmpint (_desk_post_card_get_title_width (g_ptr_array_index (cards, i)), >=, MIN_TITLE_WIDTH);
  gtk_toggle_button_set_active (toggle, FALSE);
}

/* The side-by-side layout, without a display */
static void
test_week_layout (void)
{
  /* Two that overlap, one that touches the first, one alone, another day */
  DeskWeekItem items[] = {
    { .day = 2, .top = 10, .bottom = 20 },
    { .day = 2, .top = 0, .bottom = 12 },
    { .day = 2, .top = 12, .bottom = 30 },   /* touches the second, overlaps the first */
    { .day = 2, .top = 40, .bottom = 50 },
    { .day = 3, .top = 10, .bottom = 20 },
    { .day = 2, .top = 30, .bottom = 40 },   /* only touches */
  };
  DeskWeekItem three[] = {
    { .day = 0, .top = 5, .bottom = 15 },
    { .day = 0, .top = 5, .bottom = 15 },
    { .day = 0, .top = 5, .bottom = 15 },
  };

  _desk_week_view_lay_out (items, G_N_ELEMENTS (items));
  g_assert_cmpuint (items[1].column, ==, 0);
  g_assert_cmpuint (items[0].column, ==, 1);
  g_assert_cmpuint (items[2].column, ==, 0);   /* the first sub-column free again */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (items[i].n_columns, ==, 2);
  g_assert_cmpuint (items[3].column, ==, 0);
  g_assert_cmpuint (items[3].n_columns, ==, 1);
  g_assert_cmpuint (items[4].column, ==, 0);
  g_assert_cmpuint (items[4].n_columns, ==, 1);
  g_assert_cmpuint (items[5].column, ==, 0);
  g_assert_cmpuint (items[5].n_columns, ==, 1);

  /* Equal starts keep their order */
  _desk_week_view_lay_out (three, G_N_ELEMENTS (three));
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (three[i].column, ==, i);
      g_assert_cmpuint (three[i].n_columns, ==, 3);
    }

  /* Nothing to lay out */
  _desk_week_view_lay_out (NULL, 0);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/legibility/week-layout", test_week_layout);

  gtk_init ();
  adw_init ();
  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/legibility/card-height", Fixture, GINT_TO_POINTER (1180), fixture_set_up, test_card_height, fixture_tear_down);
  g_test_add ("/legibility/week-overlap", Fixture, GINT_TO_POINTER (1180), fixture_set_up, test_week_overlap, fixture_tear_down);
  g_test_add ("/legibility/by-hand", Fixture, GINT_TO_POINTER (1180), fixture_set_up, test_by_hand, fixture_tear_down);
  g_test_add ("/legibility/channel-legend", Fixture, GINT_TO_POINTER (1180), fixture_set_up, test_channel_legend, fixture_tear_down);
  g_test_add ("/legibility/ideas-tray/1180", Fixture, GINT_TO_POINTER (1180), fixture_set_up, test_ideas_tray, fixture_tear_down);
  g_test_add ("/legibility/ideas-tray/1024", Fixture, GINT_TO_POINTER (1024), fixture_set_up, test_ideas_tray, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
