/* desk-post-card.c: a post as a card on the calendar
 *
 * Status mark and time, title (or first words), one mark per target
 * channel in the channel's colour, the status as a style class and the
 * campaign's colour as a strip on the left. A channel's mark is a badge
 * with its network's initial where the card has room, a dot where it has
 * not; its tooltip names the channel, so that colour is never the only
 * cue (WCAG 2.1 SC 1.4.1, https://www.w3.org/TR/WCAG21/#use-of-color).
 * A card tall enough for two lines (the week view) puts its title on a
 * line of its own, under the time and the channels. Activating it edits the post (win.edit-post);
 * dragging it carries the DeskPost to a day of the calendar.
 *
 * The card draws its text itself and asks for one line's height whatever
 * it shows (the line of its font that holds the status marks, times and
 * accented capitals, measured with Pango, so that large text makes taller
 * cards): rebinding it to another post (a month switch rebinds a
 * hundred) only redraws it, where labels would re-measure and make GTK
 * measure the whole window again before the frame (tests/bench/bench-ui).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-post-card"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-contrast.h"
#include "desk-move-popover.h"
#include "desk-page.h"
#include "desk-post-card.h"
#include "desk-post-card-private.h"
#include "desk-text-count.h"
#include "desk-time.h"
#include "desk-widget-colour.h"

struct _DeskPostCard
{
  GtkButton  parent_instance;

  DeskPost  *post;
  char      *time;        /* status mark and "HH:MM" */
  char      *title;
  const char *status_class;
  GdkRGBA    strip;
  gboolean   has_strip;
  DeskColourBy colour_by;
  GdkRGBA    tint;
  gboolean   has_tint;
  GArray    *dots;        /* GdkRGBA, one per target channel */
  GPtrArray *dot_channels;  /* DeskChannel*, held by bound_channels */
  /* What the card was last bound to: rebinding the same is free */
  guint      bound_revision;
  int        bound_colour_by;
  GHashTable *bound_channels;   /* held, so that an address is not reused */
  GHashTable *bound_campaigns;
  char      *font_key;      /* of the widget's PangoContext, at … */
  guint      font_serial;   /* … this serial */
  char      *when;        /* date and time in words, for the tooltip */
  char      *channel_names;
  GtkWidget *move_popover;
  double     drag_x;
  double     drag_y;
};

G_DEFINE_FINAL_TYPE (DeskPostCard, desk_post_card, GTK_TYPE_BUTTON)

#define DOT_SIZE       7.0f
#define DOT_GAP        3.0f
#define DOT_END_MARGIN 5.0f
#define TEXT_START     8.0f   /* after the campaign strip */
#define TEXT_END       6.0f
#define TIME_GAP       4.0f
#define BADGE_GAP      2.0f
#define LINE_GAP       2.0f   /* between the two lines of a tall card */
#define TITLE_CHARS    16     /* a title left shorter than this keeps dots */
#define TITLE_MIN_CHARS 8     /* a narrower title takes the dots' and the time's room */

typedef enum
{
  TEXT_TITLE,
  TEXT_TIME,
  TEXT_BADGE,
} TextKind;

static PangoLayout *
create_layout (GtkWidget *widget,
               TextKind   kind)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);

  if (kind == TEXT_BADGE)
    {
      PangoAttrList *attrs = pango_layout_get_attributes (layout);

      attrs = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else if (kind == TEXT_TIME)
    {
      PangoAttrList *attrs = pango_layout_get_attributes (layout);

      attrs = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    {
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

/* Laid-out texts, shared by every card: a layout is made once for a
 * font, a width and a text, and kept while it is shown or prepared
 * (desk_post_card_prepare ()). Shaping the text is most of a card's
 * drawing, and a month switch draws a hundred new cards. */
typedef struct
{
  PangoLayout *layout;
  guint        generation;
} CachedText;

#define TEXT_CACHE_MAX 2000

static GHashTable *text_cache;       /* char* → CachedText* */
static guint text_generation = 1;

static void
cached_text_free (gpointer data)
{
  CachedText *entry = data;

  g_object_unref (entry->layout);
  g_free (entry);
}

static gboolean
cached_text_is_old (gpointer key,
                    gpointer value,
                    gpointer data)
{
  return ((CachedText *) value)->generation + 2 < text_generation;
}

/* What the widget's layouts depend on besides their text and width */
static const char *
card_font_key (DeskPostCard *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (self->font_key == NULL || serial != self->font_serial)
    {
      const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
      g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));

      g_free (self->font_key);
      self->font_key = g_strdup_printf ("%s|%lx|%g|%d", font, options ? cairo_font_options_hash (options) : 0,
                                        pango_cairo_context_get_resolution (context),
                                        gtk_widget_get_direction (GTK_WIDGET (self)));
      self->font_serial = serial;
    }
  return self->font_key;
}

/* The laid-out @text: a new reference, as a later call may drop it from
 * the cache; never changed once made */
static PangoLayout *
cached_layout (DeskPostCard *self,
               TextKind      kind,
               int           width,
               const char   *text)
{
  g_autofree char *key = g_strdup_printf ("%c%d|%s|%s", "xtb"[kind], width, card_font_key (self), text);
  CachedText *entry;

  if (text_cache == NULL)
    text_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_text_free);

  entry = g_hash_table_lookup (text_cache, key);
  if (entry == NULL)
    {
      if (g_hash_table_size (text_cache) >= TEXT_CACHE_MAX)
        {
          g_hash_table_foreach_remove (text_cache, cached_text_is_old, NULL);
          if (g_hash_table_size (text_cache) >= TEXT_CACHE_MAX)
            g_hash_table_remove_all (text_cache);
        }
      entry = g_new0 (CachedText, 1);
      entry->layout = create_layout (GTK_WIDGET (self), kind);
      pango_layout_set_text (entry->layout, text, -1);
      if (kind == TEXT_TITLE)
        pango_layout_set_width (entry->layout, width * PANGO_SCALE);
      pango_layout_get_baseline (entry->layout);   /* laid out now */
      g_hash_table_insert (text_cache, g_steal_pointer (&key), entry);
    }
  entry->generation = text_generation;
  return g_object_ref (entry->layout);
}

/* A font's line, as cards show it: the tallest of the font's own line
 * and the texts a card draws (the bold time and the status marks, which
 * may come from a fallback font, accented capitals and descenders), and
 * an average character's width. Shared by the cards of a font. */
typedef struct
{
  int height;
  int char_width;
} FontLine;

static GHashTable *font_lines;     /* font key → FontLine* */

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static const FontLine *
font_line (DeskPostCard *self)
{
  const char *key = card_font_key (self);
  FontLine *line;

  if (font_lines == NULL)
    font_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  line = g_hash_table_lookup (font_lines, key);
  if (line == NULL)
    {
      GtkWidget *widget = GTK_WIDGET (self);
      PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);
      g_autoptr(GString) marks = g_string_new ("08:00\u2009");
      g_autoptr(PangoLayout) time = create_layout (widget, TEXT_TIME);
      g_autoptr(PangoLayout) title = create_layout (widget, TEXT_TITLE);

      for (DeskPostStatus s = 0; s <= DESK_POST_STATUS_LAST; s++)
        g_string_append (marks, desk_post_status_to_mark (s));
      pango_layout_set_text (time, marks->str, -1);
      pango_layout_set_text (title, "ÀÉÇÅÖgjpqy’«»", -1);

      line = g_new0 (FontLine, 1);
      line->height = MAX (PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics)),
                          MAX (layout_height (time), layout_height (title)));
      line->char_width = MAX (1, PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics)));
      pango_font_metrics_unref (metrics);
      g_hash_table_insert (font_lines, g_strdup (key), line);
    }
  return line;
}

/* Where a card's texts and channel marks go, for its size */
typedef struct
{
  PangoLayout *time;       /* new references, or NULL */
  PangoLayout *title;
  float        title_x;
  gboolean     two_lines;  /* the title on a line of its own */
  guint        n_marks;    /* the first ones, if the card is narrow */
  gboolean     badges;     /* the network's initial, or a dot */
  float        mark_size;
  int          line;
} CardGeometry;

static void
card_geometry_clear (CardGeometry *geometry)
{
  g_clear_object (&geometry->time);
  g_clear_object (&geometry->title);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CardGeometry, card_geometry_clear)

/* The end of the text on the line of the marks: they come after it */
static float
text_end (int    width,
          guint  n_marks,
          float  mark_size,
          float  gap)
{
  return width - (n_marks ? n_marks * (mark_size + gap) + DOT_END_MARGIN : TEXT_END);
}

/* The card's layouts for a size: badges where the title keeps
 * TITLE_CHARS characters (or has a line of its own), dots otherwise, and
 * no more dots than leave the time uncovered. A narrow card of one line
 * (a month beside the ideas tray) gives its title TITLE_MIN_CHARS
 * characters: it drops its dots (all of them: some would say fewer
 * channels than the post has), then the time (its status mark stays);
 * both are in its tooltip and what screen readers read. */
static void
card_geometry (DeskPostCard *self,
               const char   *time_text,
               const char   *title_text,
               guint         n_channels,
               int           width,
               int           height,
               CardGeometry *geometry)
{
  const FontLine *line = font_line (self);
  float x = TEXT_START, badge = MAX (8, line->height - 2), end;

  geometry->line = line->height;
  geometry->two_lines = height >= 2 * line->height + LINE_GAP;
  geometry->time = time_text ? cached_layout (self, TEXT_TIME, 0, time_text) : NULL;
  if (geometry->time != NULL)
    {
      int time_width;

      pango_layout_get_pixel_size (geometry->time, &time_width, NULL);
      x += time_width + TIME_GAP;
    }

  geometry->n_marks = n_channels;
  end = text_end (width, n_channels, badge, BADGE_GAP);
  geometry->badges = n_channels > 0 &&
                     (geometry->two_lines ? end >= x - TIME_GAP : end - x >= TITLE_CHARS * line->char_width);
  geometry->mark_size = geometry->badges ? badge : DOT_SIZE;
  if (!geometry->badges)
    while (geometry->n_marks > 0 && text_end (width, geometry->n_marks, DOT_SIZE, DOT_GAP) < x - TIME_GAP)
      geometry->n_marks--;

  if (!geometry->two_lines && !geometry->badges)
    {
      float min_title = TITLE_MIN_CHARS * line->char_width;
      const char *thin_space = time_text ? strstr (time_text, "\u2009") : NULL;

      if (text_end (width, geometry->n_marks, DOT_SIZE, DOT_GAP) - x < min_title)
        geometry->n_marks = 0;
      if (thin_space != NULL && text_end (width, 0, DOT_SIZE, DOT_GAP) - x < min_title)
        {
          g_autofree char *mark = g_strndup (time_text, thin_space - time_text);
          int mark_width;

          g_object_unref (geometry->time);
          geometry->time = cached_layout (self, TEXT_TIME, 0, mark);
          pango_layout_get_pixel_size (geometry->time, &mark_width, NULL);
          x = TEXT_START + mark_width + TIME_GAP;
        }
    }

  if (geometry->two_lines)
    {
      x = TEXT_START;
      end = width - TEXT_END;
    }
  else
    end = text_end (width, geometry->n_marks, geometry->mark_size, geometry->badges ? BADGE_GAP : DOT_GAP);
  geometry->title_x = x;
  geometry->title = end - x > 4 ? cached_layout (self, TEXT_TITLE, (int) (end - x), title_text ? title_text : "") : NULL;
}

/* The box of channel mark @i: the marks end the first line */
static graphene_rect_t
mark_bounds (const CardGeometry *geometry,
             int                 width,
             int                 height,
             guint               i)
{
  float gap = geometry->badges ? BADGE_GAP : DOT_GAP;
  float size = geometry->mark_size;
  float row = geometry->two_lines ? geometry->line + LINE_GAP : height;
  float x = width - DOT_END_MARGIN - (geometry->n_marks - i) * (size + gap) + gap;

  return GRAPHENE_RECT_INIT (x, (row - size) / 2.0f, size, size);
}

/* A network's initial, for its badge */
static char *
network_initial (DeskChannel *channel)
{
  const char *label = desk_network_to_label (desk_channel_get_network (channel));
  gunichar c = g_unichar_toupper (g_utf8_get_char (label));
  char text[8] = { 0 };

  g_unichar_to_utf8 (c, text);
  return g_strdup (text);
}

/* Black or white, whichever reads better on @background (WCAG 2.x) */
static GdkRGBA
badge_ink (const GdkRGBA *background)
{
  DeskColour back = { background->red * 255 + 0.5, background->green * 255 + 0.5, background->blue * 255 + 0.5 };
  DeskColour black = { 0, 0, 0 }, white = { 255, 255, 255 };
  DeskContrast on_black, on_white;

  desk_contrast_compute (&black, &back, &on_black);
  desk_contrast_compute (&white, &back, &on_white);
  return on_white.ratio >= on_black.ratio ? (GdkRGBA) { 1, 1, 1, 1 } : (GdkRGBA) { 0, 0, 0, 1 };
}

/* A channel's mark: its network's initial on its colour where there is
 * room, else a dot. A prepare-only channel's (published by hand) is
 * hollow: a ring of its colour around a light tint, the initial in the
 * card's ink, so the difference is a shape, not a colour. */
static void
snapshot_marks (DeskPostCard       *self,
                GtkSnapshot        *snapshot,
                const CardGeometry *geometry,
                int                 width,
                int                 height,
                const GdkRGBA      *card_ink)
{
  for (guint i = 0; i < geometry->n_marks; i++)
    {
      const GdkRGBA *colour = &g_array_index (self->dots, GdkRGBA, i);
      DeskChannel *channel = g_ptr_array_index (self->dot_channels, i);
      gboolean by_hand = desk_network_is_prepare_only (desk_channel_get_network (channel));
      graphene_rect_t bounds = mark_bounds (geometry, width, height, i);
      GskRoundedRect box;
      GdkRGBA ink;

      gsk_rounded_rect_init_from_rect (&box, &bounds,
                                       geometry->badges ? 3.0f : DOT_SIZE / 2.0f);
      if (by_hand)
        {
          const float ring = geometry->badges ? 2.0f : 1.5f;
          GdkRGBA tint = *colour;
          const GdkRGBA rings[4] = { *colour, *colour, *colour, *colour };
          const float widths[4] = { ring, ring, ring, ring };

          tint.alpha = 0.25f;
          gtk_snapshot_push_rounded_clip (snapshot, &box);
          gtk_snapshot_append_color (snapshot, &tint, &box.bounds);
          gtk_snapshot_pop (snapshot);
          gtk_snapshot_append_border (snapshot, &box, widths, rings);
          ink = *card_ink;
        }
      else
        {
          gtk_snapshot_push_rounded_clip (snapshot, &box);
          gtk_snapshot_append_color (snapshot, colour, &box.bounds);
          gtk_snapshot_pop (snapshot);
          ink = badge_ink (colour);
        }

      if (geometry->badges)
        {
          g_autofree char *initial = network_initial (channel);
          g_autoptr(PangoLayout) letter = cached_layout (self, TEXT_BADGE, 0, initial);
          int w, h;

          pango_layout_get_pixel_size (letter, &w, &h);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box.bounds.origin.x + (box.bounds.size.width - w) / 2.0f,
                                                                  box.bounds.origin.y + (box.bounds.size.height - h) / 2.0f));
          gtk_snapshot_append_layout (snapshot, letter, &ink);
          gtk_snapshot_restore (snapshot);
        }
    }
}

static void
desk_post_card_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  DeskPostCard *self = DESK_POST_CARD (widget);
  int line = font_line (self)->height;

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = line;
  else
    {
      /* The title is ellipsized and the text cut: a narrow window keeps
       * the seven days; naturally, room for the time and four dots */
      *minimum = (int) (TEXT_START + TEXT_END + DOT_SIZE + DOT_END_MARGIN);
      *natural = (int) (TEXT_START + TEXT_END + DOT_END_MARGIN + 4 * (DOT_SIZE + DOT_GAP)) +
                 (self->time ? line * 3 : 0);
    }
}

static void
desk_post_card_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  DeskPostCard *self = DESK_POST_CARD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_auto(CardGeometry) geometry = { 0 };
  g_autoptr(PangoLayout) empty = NULL;
  PangoLayout *first;
  float row, y;
  int line;
  GdkRGBA colour;

  /* Coloured by channel or campaign: a tint under the content, square
   * as the CSS background in the month and the week, rounded in the
   * agenda (style.css) */
  if (self->has_tint && gtk_widget_has_css_class (widget, "agenda-card"))
    {
      GskRoundedRect box;

      gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (0, 0, width, height), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &box);
      gtk_snapshot_append_color (snapshot, &self->tint, &box.bounds);
      gtk_snapshot_pop (snapshot);
    }
  else if (self->has_tint)
    gtk_snapshot_append_color (snapshot, &self->tint, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->has_strip)
    gtk_snapshot_append_color (snapshot, &self->strip, &GRAPHENE_RECT_INIT (0, 2, 3, height - 4));

  card_geometry (self, self->time, self->title, self->dots->len, width, height, &geometry);
  if (geometry.time == NULL && geometry.title == NULL)
    empty = cached_layout (self, TEXT_TIME, 0, "");
  first = geometry.time ? geometry.time : geometry.title ? geometry.title : empty;
  pango_layout_get_pixel_size (first, NULL, &line);

  /* A card of one line centres it; a tall one (a slot of the week view)
   * starts at the top, its title on the second line. */
  row = geometry.two_lines ? geometry.line + LINE_GAP : height;
  y = (row - line) / 2.0f;
  desk_widget_get_colour (widget, &colour);

  if (geometry.time != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (TEXT_START, y));
      gtk_snapshot_append_layout (snapshot, geometry.time, &colour);
      gtk_snapshot_restore (snapshot);
    }

  if (geometry.title != NULL)
    {
      float title_y = y;

      if (geometry.two_lines)
        title_y = row + (geometry.line - layout_height (geometry.title)) / 2.0f;
      else if (geometry.time != NULL)
        title_y += (pango_layout_get_baseline (geometry.time) - pango_layout_get_baseline (geometry.title)) / (float) PANGO_SCALE;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (geometry.title_x, title_y));
      gtk_snapshot_append_layout (snapshot, geometry.title, &colour);
      gtk_snapshot_restore (snapshot);
    }

  /* Channel marks (the first ones, if the card is narrow): a month shows
   * hundreds of them */
  snapshot_marks (self, snapshot, &geometry, width, height, &colour);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 DeskPostCard  *self)
{
  if (self->post == NULL)
    return NULL;
  self->drag_x = x;
  self->drag_y = y;
  /* The model object travels, not the widget: cards are rebuilt. */
  return gdk_content_provider_new_typed (DESK_TYPE_POST, self->post);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               DeskPostCard  *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, (int) self->drag_x, (int) self->drag_y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             DeskPostCard  *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

/* Where each of the post's sends stands ("Mastodon: Held by the server"),
 * a line a channel; read from the workspace when the tooltip is asked
 * for, never for every card shown. %NULL when the post has no send. */
char *
_desk_post_card_describe_sends (DeskPostCard *self,
                                gint64        channel_id)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), DESK_TYPE_PAGE);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (page == NULL || self->post == NULL || desk_post_get_id (self->post) == 0 ||
      (items = desk_store_list_outbox (desk_page_get_store (DESK_PAGE (page)), channel_id, NULL)) == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      DeskOutboxItem *item = g_ptr_array_index (items, i);
      DeskChannel *channel = NULL;

      if (item->post_id != desk_post_get_id (self->post) || item->state == DESK_OUTBOX_STATE_CANCELLED)
        continue;
      for (guint j = 0; j < self->dot_channels->len && channel == NULL; j++)
        if (desk_channel_get_id (g_ptr_array_index (self->dot_channels, j)) == item->channel_id)
          channel = g_ptr_array_index (self->dot_channels, j);
      if (channel == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (channel_id == 0)
        /* Translators: a line of a post's tooltip: a network, then where
         * its send stands ("Mastodon: Held by the server") */
        g_string_append_printf (text, _("%s: %s"), desk_network_to_label (desk_channel_get_network (channel)),
                                desk_outbox_state_to_label (item->state));
      else
        g_string_append (text, desk_outbox_state_to_label (item->state));
      if (item->state == DESK_OUTBOX_STATE_FAILED && item->last_error != NULL)
        g_string_append_printf (text, " — %s", item->last_error);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static gboolean
query_tooltip_cb (DeskPostCard *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  g_autofree char *markup = NULL;
  g_auto(CardGeometry) geometry = { 0 };
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  /* Made when asked for, not for every card of every month shown */
  if (self->post == NULL)
    return FALSE;

  /* Over a channel's mark: that channel's name (x and y count from the
   * border box, the marks from the content box: a few pixels of slack) */
  card_geometry (self, self->time, self->title, self->dots->len, width, height, &geometry);
  for (guint i = 0; !keyboard && i < geometry.n_marks; i++)
    {
      graphene_rect_t box = mark_bounds (&geometry, width, height, i);
      DeskChannel *channel = g_ptr_array_index (self->dot_channels, i);

      graphene_rect_inset (&box, -3, -3);
      if (graphene_rect_contains_point (&box, &GRAPHENE_POINT_INIT (x, y)))
        {
          g_autofree char *send = _desk_post_card_describe_sends (self, desk_channel_get_id (channel));
          gboolean by_hand = desk_network_is_prepare_only (desk_channel_get_network (channel));

          markup = g_markup_printf_escaped ("<b>%s</b> · %s%s%s%s%s",
                                            desk_network_to_label (desk_channel_get_network (channel)),
                                            desk_channel_get_handle (channel),
                                            by_hand ? "\n" : "", by_hand ? _("Publish by hand") : "",
                                            send != NULL ? "\n" : "", send != NULL ? send : "");
          gtk_tooltip_set_markup (tooltip, markup);
          return TRUE;
        }
    }
  {
    g_autofree char *sends = _desk_post_card_describe_sends (self, 0);

    markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n%s · %s%s%s", self->title, self->when,
                                      desk_post_status_to_label (desk_post_get_status (self->post)),
                                      self->channel_names, sends != NULL ? "\n" : "", sends != NULL ? sends : "");
  }
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
move_cb (DeskMovePopover *popover,
         GDateTime       *time,
         DeskPostCard    *self)
{
  if (self->post != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.move-post-to", "(xx)",
                                desk_post_get_id (self->post), g_date_time_to_unix (time));
}

/* "Move to…": the card's context menu, from the keyboard (Menu,
 * Shift+F10) or a right click. */
static void
move_to_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskPostCard *self = DESK_POST_CARD (widget);
  g_autoptr(GDateTime) now = NULL;

  if (self->post == NULL || desk_post_get_status (self->post) == DESK_POST_STATUS_PUBLISHED)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (self->move_popover == NULL)
    {
      self->move_popover = desk_move_popover_new ();
      gtk_widget_set_parent (self->move_popover, widget);
      g_signal_connect (self->move_popover, "move", G_CALLBACK (move_cb), self);
    }

  if (desk_post_get_scheduled_at (self->post) != NULL)
    desk_move_popover_set_time (DESK_MOVE_POPOVER (self->move_popover), desk_post_get_scheduled_at (self->post));
  else
    {
      now = desk_time_now ();
      desk_move_popover_set_time (DESK_MOVE_POPOVER (self->move_popover), now);
    }
  gtk_popover_popup (GTK_POPOVER (self->move_popover));
}

static void
secondary_click_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    DeskPostCard    *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self), "card.move-to", NULL);
}

static void
desk_post_card_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DeskPostCard *self = DESK_POST_CARD (widget);

  GTK_WIDGET_CLASS (desk_post_card_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->move_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->move_popover));
}

static void
desk_post_card_dispose (GObject *object)
{
  DeskPostCard *self = (DeskPostCard *) object;

  g_clear_object (&self->post);
  g_clear_pointer (&self->dots, g_array_unref);
  g_clear_pointer (&self->dot_channels, g_ptr_array_unref);
  g_clear_pointer (&self->when, g_free);
  g_clear_pointer (&self->channel_names, g_free);
  g_clear_pointer (&self->time, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->font_key, g_free);
  g_clear_pointer (&self->bound_channels, g_hash_table_unref);
  g_clear_pointer (&self->bound_campaigns, g_hash_table_unref);
  g_clear_pointer (&self->move_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_POST_CARD);

  G_OBJECT_CLASS (desk_post_card_parent_class)->dispose (object);
}

static void
desk_post_card_class_init (DeskPostCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_post_card_dispose;
  widget_class->measure = desk_post_card_measure;
  widget_class->snapshot = desk_post_card_snapshot;
  widget_class->size_allocate = desk_post_card_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-post-card.ui");

  gtk_widget_class_install_action (widget_class, "card.move-to", NULL, move_to_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.move-to", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.move-to", NULL);
}

static void
desk_post_card_init (DeskPostCard *self)
{
  GtkDragSource *source;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bound_colour_by = -1;
  /* Measured by desk_post_card_measure (), not by a child */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  self->dots = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  self->dot_channels = g_ptr_array_new ();

  /* Drag to another day moves; Ctrl+drag copies. */
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (secondary_click_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

GtkWidget *
desk_post_card_new (void)
{
  return g_object_new (DESK_TYPE_POST_CARD, NULL);
}

/**
 * desk_post_card_new_for_post:
 * @channels: (element-type gint64 DeskChannel): the brand's channels
 * @campaigns: (element-type gint64 DeskCampaign): its campaigns
 * @colour_by: what the card's colour tells
 *
 * A card of @post, as the lists of cards (the ideas tray, the agenda)
 * make them.
 */
GtkWidget *
desk_post_card_new_for_post (DeskPost     *post,
                             GHashTable   *channels,
                             GHashTable   *campaigns,
                             DeskColourBy  colour_by)
{
  GtkWidget *card = desk_post_card_new ();

  desk_post_card_set_colour_by (DESK_POST_CARD (card), colour_by);
  desk_post_card_set_post (DESK_POST_CARD (card), post, channels, campaigns);
  return card;
}

DeskPost *
desk_post_card_get_post (DeskPostCard *self)
{
  g_return_val_if_fail (DESK_IS_POST_CARD (self), NULL);
  return self->post;
}

/* How the card is coloured; takes effect at the next set_post (). */
void
desk_post_card_set_colour_by (DeskPostCard *self,
                              DeskColourBy  colour_by)
{
  g_return_if_fail (DESK_IS_POST_CARD (self));
  self->colour_by = colour_by;
}

/* Swaps the status class only when it changes: cards are rebound to
 * other posts at every month switch. */
static void
set_status_class (DeskPostCard *self,
                  const char   *status_class)
{
  if (g_strcmp0 (self->status_class, status_class) == 0)
    return;
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->status_class);
  self->status_class = g_intern_string (status_class);
  gtk_widget_add_css_class (GTK_WIDGET (self), status_class);
}

/* The bold part of a card: its status mark and its time */
static char *
format_time (DeskPost *post)
{
  const char *mark = desk_post_status_to_mark (desk_post_get_status (post));
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;

  if (desk_post_get_scheduled_at (post) == NULL)
    return g_strdup (mark);
  local = desk_time_to_local (desk_post_get_scheduled_at (post));
  time = g_date_time_format (local, "%H:%M");
  /* A thin space: the mark belongs to the time */
  return g_strconcat (mark, "\u2009", time, NULL);
}

/**
 * desk_post_card_prepare:
 * @self: a card whose width and font the card showing @post will have
 * @channels: channel id (gint64*) → DeskChannel
 *
 * Lays out the texts of @post's card into the shared cache, as drawing
 * its card would, without a card for it (the months around the shown one
 * are now laid out by cards of their own, DeskMonthDeck; the tests fill
 * the cache with this).
 */
void
desk_post_card_prepare (DeskPostCard *self,
                        DeskPost     *post,
                        GHashTable   *channels)
{
  g_autofree char *time = NULL;
  g_autofree char *title = NULL;
  g_auto(CardGeometry) geometry = { 0 };
  const gint64 *ids;
  guint n_ids, n_dots = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (DESK_IS_POST_CARD (self));
  g_return_if_fail (DESK_IS_POST (post));

  if (width <= 0)
    return;
  ids = desk_post_get_channel_ids (post, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    if (channels != NULL && g_hash_table_contains (channels, &ids[i]))
      n_dots++;
  time = format_time (post);
  title = desk_post_dup_display_title (post);
  card_geometry (self, time, title, n_dots, width, height, &geometry);
}

/**
 * desk_post_card_get_line_height:
 *
 * Returns: the height of a line of the card's text, in pixels: what a
 *   card asks for, without its CSS padding and border
 */
int
desk_post_card_get_line_height (DeskPostCard *self)
{
  g_return_val_if_fail (DESK_IS_POST_CARD (self), 0);
  return font_line (self)->height;
}

/**
 * desk_post_card_age_texts:
 *
 * Starts a new generation of laid-out texts: the oldest are dropped when
 * too many are kept.
 */
void
desk_post_card_age_texts (void)
{
  text_generation++;
}

/**
 * desk_post_card_drop_texts:
 *
 * Forgets every laid-out text: what a card costs when its month was not
 * prepared (tests/bench).
 */
void
desk_post_card_drop_texts (void)
{
  if (text_cache != NULL)
    g_hash_table_remove_all (text_cache);
}

/**
 * desk_post_card_set_post:
 * @channels: channel id (gint64*) → DeskChannel
 * @campaigns: campaign id (gint64*) → DeskCampaign
 */
void
desk_post_card_set_post (DeskPostCard *self,
                         DeskPost     *post,
                         GHashTable   *channels,
                         GHashTable   *campaigns)
{
  /* Translated once: a month switch rebinds a hundred cards */
  static const char *when_format, *not_scheduled, *no_channel, *by_hand, *app_running;
  g_autofree char *title = NULL;
  g_autofree char *time = NULL;
  g_autofree char *when = NULL;
  g_autofree char *status_class = NULL;
  g_autoptr(GString) channel_names = g_string_new (NULL);
  g_autofree char *accessible = NULL;
  g_autoptr(GArray) old_dots = NULL;
  g_autoptr(GPtrArray) old_channels = NULL;
  GdkRGBA old_strip, old_tint;
  gboolean changed;
  GDateTime *at;
  const gint64 *ids;
  guint n_ids;
  DeskCampaign *campaign = NULL;
  gint64 campaign_id;

  g_return_if_fail (DESK_IS_POST_CARD (self));
  g_return_if_fail (DESK_IS_POST (post));

  /* The same post, unchanged, in the same colours: a month rebuilt after
   * a change elsewhere rebinds every card */
  if (self->post == post && self->bound_revision == desk_post_get_revision (post) &&
      self->bound_colour_by == (int) self->colour_by &&
      self->bound_channels == channels && self->bound_campaigns == campaigns)
    return;
  self->bound_revision = desk_post_get_revision (post);
  self->bound_colour_by = self->colour_by;
  if (channels != self->bound_channels)
    {
      g_clear_pointer (&self->bound_channels, g_hash_table_unref);
      self->bound_channels = channels ? g_hash_table_ref (channels) : NULL;
    }
  if (campaigns != self->bound_campaigns)
    {
      g_clear_pointer (&self->bound_campaigns, g_hash_table_unref);
      self->bound_campaigns = campaigns ? g_hash_table_ref (campaigns) : NULL;
    }

  if (when_format == NULL)
    {
      /* Translators: date and time of a post for screen readers, strftime format */
      when_format = _("%A %-d %B %Y at %H:%M");
      not_scheduled = _("not scheduled");
      no_channel = _("no channel");
      /* Translators: after a network's name in a card's list of
       * channels, for one whose posts are published by hand */
      by_hand = _(" (publish by hand)");
      /* Translators: after "Bluesky" in a card's list of channels: Bluesky
       * holds no post until its time, the app sends it then */
      app_running = _(" (sent at its time: the app must be running)");
    }

  if (self->post == NULL || desk_post_get_id (self->post) != desk_post_get_id (post))
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", desk_post_get_id (post));
  g_set_object (&self->post, post);

  title = desk_post_dup_display_title (post);
  at = desk_post_get_scheduled_at (post);
  time = format_time (post);
  if (at != NULL)
    {
      g_autoptr(GDateTime) local = desk_time_to_local (at);
      g_autofree char *zone = desk_time_describe_zone (at);

      when = g_date_time_format (local, when_format);
      if (zone != NULL)
        {
          g_autofree char *plain = g_steal_pointer (&when);
          /* Translators: a post's date and time, then which timezone it is in */
          when = g_strdup_printf (_("%s (%s)"), plain, zone);
        }
    }
  else
    when = g_strdup (not_scheduled);

  /* What the card shows, to redraw it only when that changes */
  changed = g_strcmp0 (self->time, time) != 0 || g_strcmp0 (self->title, title) != 0;
  if (g_strcmp0 (self->time, time) != 0)
    {
      g_free (self->time);
      self->time = g_steal_pointer (&time);
    }
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
    }
  old_dots = g_steal_pointer (&self->dots);
  old_strip = self->has_strip ? self->strip : (GdkRGBA) { 0 };
  old_tint = self->has_tint ? self->tint : (GdkRGBA) { 0 };
  self->dots = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  old_channels = g_steal_pointer (&self->dot_channels);
  self->dot_channels = g_ptr_array_new ();

  ids = desk_post_get_channel_ids (post, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      DeskChannel *channel = channels ? g_hash_table_lookup (channels, &ids[i]) : NULL;
      const char *colour;
      GdkRGBA rgba;

      if (channel == NULL)
        continue;
      colour = desk_channel_get_colour (channel);
      if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
        gdk_rgba_parse (&rgba, desk_network_default_colour (desk_channel_get_network (channel)));
      g_array_append_val (self->dots, rgba);
      g_ptr_array_add (self->dot_channels, channel);
      if (channel_names->len > 0)
        g_string_append (channel_names, ", ");
      g_string_append (channel_names, desk_network_to_label (desk_channel_get_network (channel)));
      if (desk_network_is_prepare_only (desk_channel_get_network (channel)))
        g_string_append (channel_names, by_hand);
      else if (desk_channel_get_network (channel) == DESK_NETWORK_BLUESKY)
        g_string_append (channel_names, app_running);
    }

  campaign_id = desk_post_get_campaign_id (post);
  if (campaign_id != 0 && campaigns != NULL)
    campaign = g_hash_table_lookup (campaigns, &campaign_id);
  self->has_strip = campaign != NULL && desk_campaign_get_colour (campaign) != NULL &&
                    gdk_rgba_parse (&self->strip, desk_campaign_get_colour (campaign));

  self->has_tint = FALSE;
  if (self->colour_by == DESK_COLOUR_BY_CHANNEL && self->dots->len > 0)
    {
      self->tint = g_array_index (self->dots, GdkRGBA, 0);
      self->has_tint = TRUE;
    }
  else if (self->colour_by == DESK_COLOUR_BY_CAMPAIGN && self->has_strip)
    {
      self->tint = self->strip;
      self->has_tint = TRUE;
    }
  if (self->has_tint)
    self->tint.alpha = 0.22f;
  changed = changed || old_dots->len != self->dots->len ||
            memcmp (old_dots->data, self->dots->data, old_dots->len * sizeof (GdkRGBA)) != 0 ||
            (old_channels->len > 0 &&
             memcmp (old_channels->pdata, self->dot_channels->pdata, old_channels->len * sizeof (gpointer)) != 0) ||
            !gdk_rgba_equal (&old_strip, self->has_strip ? &self->strip : &(GdkRGBA) { 0 }) ||
            !gdk_rgba_equal (&old_tint, self->has_tint ? &self->tint : &(GdkRGBA) { 0 });

  if (self->colour_by == DESK_COLOUR_BY_STATUS)
    {
      status_class = g_strconcat ("status-", desk_post_status_to_id (desk_post_get_status (post)), NULL);
      set_status_class (self, status_class);
    }
  else
    set_status_class (self, "status-tinted");

  /* Translators: a calendar card read by screen readers: title, date, channels, status */
  accessible = g_strdup_printf (_("%s, %s, on %s, %s"), title, when,
                                channel_names->len ? channel_names->str : no_channel,
                                desk_post_status_to_label (desk_post_get_status (post)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  g_free (self->when);
  self->when = g_steal_pointer (&when);
  g_free (self->channel_names);
  self->channel_names = g_strdup (channel_names->len ? channel_names->str : no_channel);
  if (changed)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The width the card gives its title as it is drawn now, 0 when it has
 * no room for it (tests) */
int
_desk_post_card_get_title_width (DeskPostCard *self)
{
  g_auto(CardGeometry) geometry = { 0 };

  g_return_val_if_fail (DESK_IS_POST_CARD (self), 0);
  card_geometry (self, self->time, self->title, self->dots->len, gtk_widget_get_width (GTK_WIDGET (self)),
                 gtk_widget_get_height (GTK_WIDGET (self)), &geometry);
  return geometry.title ? pango_layout_get_width (geometry.title) / PANGO_SCALE : 0;
}

/* The channel marks drawn now, and whether they are badges (tests) */
guint
_desk_post_card_get_n_marks (DeskPostCard *self,
                             gboolean     *badges)
{
  g_auto(CardGeometry) geometry = { 0 };

  g_return_val_if_fail (DESK_IS_POST_CARD (self), 0);
  card_geometry (self, self->time, self->title, self->dots->len, gtk_widget_get_width (GTK_WIDGET (self)),
                 gtk_widget_get_height (GTK_WIDGET (self)), &geometry);
  *badges = geometry.badges;
  return geometry.n_marks;
}

/* The channels as the tooltip and screen readers say them (tests) */
const char *
_desk_post_card_get_channel_names (DeskPostCard *self)
{
  g_return_val_if_fail (DESK_IS_POST_CARD (self), NULL);
  return self->channel_names;
}
