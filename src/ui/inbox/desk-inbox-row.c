/* desk-inbox-row.c: one row of the inbox's list
 *
 * Bound to a DeskNotification: what it shows follows the notification's
 * properties (read, starred, status, assignee, flag), so an action on an
 * item shows at once, without reading the list again. Unread is seen (a
 * dot and the author in bold) and heard: the row's accessible name reads
 * "Direct message from Zoé Martin, 2 hours ago, unread: Bonjour…". A
 * group ("Léa and 39 others liked your post") is one row.
 *
 * The row draws its texts and icons itself, at a height that follows
 * its font and never its text: rebinding the rows the list keeps (a
 * filter, a search keystroke) only redraws those shown, where labels and
 * images re-measured every one (tests/bench/bench-ui: with GTK 4.8's
 * list view and its 200 rows, a filter took 150 ms to its frame). Its
 * lines:
 * the unread dot, the kind's icon, the author (bold, in the accent
 * colour when unread), handle, kind and network, a star, the time; then
 * two lines of text, or one and the badges (status, assignee, flag,
 * note, reply window).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-inbox-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-channel.h"
#include "desk-format.h"
#include "desk-inbox-order.h"
#include "desk-inbox-row.h"
#include "desk-inbox-row-private.h"
#include "desk-reply-window.h"
#include "desk-time.h"
#include "desk-widget-colour.h"

struct _DeskInboxRow
{
  GtkWidget         parent_instance;

  DeskNotification *notification;
  GHashTable       *channels;   /* (nullable) gint64* → DeskChannel */
  GtkWidget        *accent;     /* draws nothing: its colour is the unread mark's */

  /* What is drawn, made when bound */
  char             *title;
  char             *meta;
  char             *when;
  char             *text;
  char             *badges;
  const char       *icon_name;
  gboolean          unread;
  gboolean          starred;

  /* Laid out for a width, when drawn */
  PangoLayout      *layouts[DESK_INBOX_ROW_N_PARTS];
  graphene_rect_t   bounds[DESK_INBOX_ROW_N_PARTS];
  int               laid_out_width;
  int               line;         /* the height of a line of the font … */
  guint             font_serial;  /* … of the PangoContext at this serial */
};

#define DOT_COLUMN 14.0f
#define DOT_SIZE    8.0f
#define ICON_SIZE  16.0f
#define GAP        10.0f   /* between the dot, the icon and the texts */
#define PART_GAP    6.0f   /* between the texts of the first line */
#define LINE_GAP    2.0f
#define TEXT_X     (DOT_COLUMN + GAP + ICON_SIZE + GAP)
#define TEXT_MAX  400      /* characters of a text drawn: two lines show fewer */

G_DEFINE_FINAL_TYPE (DeskInboxRow, desk_inbox_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NOTIFICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
kind_icon (DeskNotificationKind kind)
{
  switch (kind)
    {
    case DESK_NOTIFICATION_KIND_MENTION: return "user-available-symbolic";
    case DESK_NOTIFICATION_KIND_REPLY: return "mail-reply-sender-symbolic";
    case DESK_NOTIFICATION_KIND_DIRECT_MESSAGE: return "mail-unread-symbolic";
    case DESK_NOTIFICATION_KIND_COMMENT: return "user-invisible-symbolic";
    case DESK_NOTIFICATION_KIND_QUOTE: return "format-text-italic-symbolic";
    case DESK_NOTIFICATION_KIND_REPOST: return "media-playlist-repeat-symbolic";
    case DESK_NOTIFICATION_KIND_FAVOURITE: return "starred-symbolic";
    case DESK_NOTIFICATION_KIND_FOLLOW: return "contact-new-symbolic";
    default: return "dialog-information-symbolic";
    }
}

static DeskChannel *
lookup_channel (DeskInboxRow     *self,
                DeskNotification *n)
{
  gint64 id = desk_notification_get_channel_id (n);

  return self->channels != NULL ? g_hash_table_lookup (self->channels, &id) : NULL;
}

/* Who, or for a group "Léa and 39 others liked your post" */
static char *
dup_title (DeskNotification *n)
{
  DeskNotificationKind kind = desk_notification_get_kind (n);

  if (desk_notification_kind_is_grouped (kind))
    return desk_inbox_order_dup_group_title (kind, desk_notification_get_author (n),
                                             MAX (desk_notification_get_group_count (n), 1));
  return g_strdup (desk_notification_get_author (n));
}

/* What is said under the text: status, assignee, flag, reply window */
static char *
dup_badges (DeskNotification *n,
            DeskChannel      *channel,
            GDateTime        *now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *window = NULL;
  const char *assignee = desk_notification_get_assignee (n);

  if (desk_notification_get_status (n) != DESK_NOTIFICATION_STATUS_OPEN)
    g_ptr_array_add (parts, g_strdup (desk_notification_status_to_label (desk_notification_get_status (n))));
  if (assignee != NULL && assignee[0] != '\0')
    /* Translators: %s is a team member's name */
    g_ptr_array_add (parts, g_strdup_printf (_("Assigned to %s"), assignee));
  if (desk_notification_get_flag (n) != DESK_MODERATION_FLAG_NONE)
    g_ptr_array_add (parts, g_strdup (desk_moderation_flag_to_label (desk_notification_get_flag (n))));
  if (desk_notification_get_note (n) != NULL && desk_notification_get_note (n)[0] != '\0')
    g_ptr_array_add (parts, g_strdup (_("Has a note")));
  if (channel != NULL && desk_notification_get_status (n) == DESK_NOTIFICATION_STATUS_OPEN &&
      (window = desk_reply_window_describe (desk_channel_get_network (channel), desk_notification_get_kind (n),
                                            desk_notification_get_created_at (n), now)) != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&window));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/**
 * desk_inbox_row_dup_description:
 *
 * What a screen reader says of a row: "Direct message from Zoé Martin,
 * 2 hours ago, unread: Bonjour, pouvez-vous…", then whether it is
 * starred, its status, assignee and flag.
 *
 * Returns: (transfer full): the sentence
 */
char *
desk_inbox_row_dup_description (DeskNotification *n,
                                DeskChannel      *channel,
                                GDateTime        *now)
{
  DeskNotificationKind kind = desk_notification_get_kind (n);
  g_autofree char *when = desk_notification_get_created_at (n) != NULL
                          ? desk_format_relative_time (desk_notification_get_created_at (n), now) : g_strdup ("");
  g_autofree char *head = NULL;
  g_autofree char *badges = dup_badges (n, channel, now);
  GString *said = g_string_new (NULL);
  const char *network = channel != NULL ? desk_network_to_label (desk_channel_get_network (channel)) : NULL;

  if (desk_notification_kind_is_grouped (kind))
    head = dup_title (n);
  else
    /* Translators: "Direct message from Zoé Martin": a kind, then who */
    head = g_strdup_printf (_("%s from %s"), desk_notification_kind_to_label (kind), desk_notification_get_author (n));
  g_string_append (said, head);
  if (network != NULL)
    g_string_append_printf (said, ", %s", network);
  g_string_append_printf (said, ", %s", when);
  if (!desk_notification_get_read (n))
    /* Translators: said of a notification not read yet, in a list */
    g_string_append_printf (said, ", %s", _("unread"));
  if (desk_notification_get_starred (n))
    g_string_append_printf (said, ", %s", _("starred"));
  if (badges != NULL)
    g_string_append_printf (said, ", %s", badges);
  if (desk_notification_get_text (n) != NULL && desk_notification_get_text (n)[0] != '\0')
    g_string_append_printf (said, ": %s", desk_notification_get_text (n));
  return g_string_free (said, FALSE);
}

/* The time rows are bound against: read once a second at most, not for
 * each row a filter binds */
static GDateTime *
shared_now (void)
{
  static GDateTime *now;
  static gint64 read_at;
  gint64 t = g_get_monotonic_time ();

  if (now == NULL || t - read_at > G_USEC_PER_SEC)
    {
      g_clear_pointer (&now, g_date_time_unref);
      now = desk_time_now ();
      read_at = t;
    }
  return now;
}

static void
clear_layouts (DeskInboxRow *self)
{
  for (guint i = 0; i < DESK_INBOX_ROW_N_PARTS; i++)
    g_clear_object (&self->layouts[i]);
  self->laid_out_width = -1;
}

/* A line of the row's font: the font's own line, or its accented
 * capitals and descenders if taller. Shared by the rows of a font, so
 * that the rows of a list measure it once. */
static int
font_line (DeskInboxRow *self)
{
  static GHashTable *lines;   /* font and resolution → height */
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);
  g_autofree char *font = NULL;
  g_autofree char *key = NULL;
  gpointer height;

  if (self->line > 0 && serial == self->font_serial)
    return self->line;

  font = pango_font_description_to_string (pango_context_get_font_description (context));
  key = g_strdup_printf ("%s|%g", font, pango_cairo_context_get_resolution (context));
  if (lines == NULL)
    lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (lines, key, NULL, &height))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      g_autoptr(PangoLayout) sample = pango_layout_new (context);
      int sample_height;

      pango_layout_set_text (sample, "ÀÉÇÅÖgjpqy’«»", -1);
      pango_layout_get_pixel_size (sample, NULL, &sample_height);
      height = GINT_TO_POINTER (MAX (PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics)), sample_height));
      pango_font_metrics_unref (metrics);
      g_hash_table_insert (lines, g_steal_pointer (&key), height);
    }
  self->line = GPOINTER_TO_INT (height);
  self->font_serial = serial;
  return self->line;
}

static PangoLayout *
new_layout (DeskInboxRow *self,
            const char   *text,
            PangoWeight   weight,
            double        scale,
            const char   *features)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (features != NULL)
    pango_attr_list_insert (attrs, pango_attr_font_features_new (features));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static float
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* A part at @x from the start of the row, @width wide: mirrored in a
 * right-to-left locale */
static void
place (DeskInboxRow    *self,
       DeskInboxRowPart part,
       float            x,
       float            y,
       float            width,
       float            height)
{
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = self->laid_out_width - x - width;
  self->bounds[part] = GRAPHENE_RECT_INIT (x, y, width, height);
}

/* The row's texts for its width: the first line gives the time its
 * room, then the star, then the author, then handle, kind and network
 * (dropped when narrower than two characters) */
static void
ensure_layouts (DeskInboxRow *self,
                int           width)
{
  int line = font_line (self);
  float y2 = line + LINE_GAP, end, title_width, meta_x;
  g_autoptr(PangoLayout) meta = NULL;
  PangoLayout *layout;

  if (self->laid_out_width == width && self->layouts[DESK_INBOX_ROW_TIME] != NULL)
    return;
  clear_layouts (self);
  self->laid_out_width = width;
  for (guint i = 0; i < DESK_INBOX_ROW_N_PARTS; i++)
    self->bounds[i] = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  if (self->notification == NULL)
    return;

  place (self, DESK_INBOX_ROW_DOT, (DOT_COLUMN - DOT_SIZE) / 2.0f, (line - DOT_SIZE) / 2.0f, DOT_SIZE, DOT_SIZE);
  place (self, DESK_INBOX_ROW_ICON, DOT_COLUMN + GAP, (line - ICON_SIZE) / 2.0f, ICON_SIZE, ICON_SIZE);

  layout = self->layouts[DESK_INBOX_ROW_TIME] = new_layout (self, self->when, PANGO_WEIGHT_NORMAL, 1.0, "tnum=1");
  end = width - layout_width (layout);
  place (self, DESK_INBOX_ROW_TIME, MAX (TEXT_X, end), 0, layout_width (layout), line);
  end -= PART_GAP;
  if (self->starred)
    {
      end -= ICON_SIZE;
      place (self, DESK_INBOX_ROW_STAR, end, (line - ICON_SIZE) / 2.0f, ICON_SIZE, ICON_SIZE);
      end -= PART_GAP;
    }

  /* A long name leaves handle, kind and network two fifths of the line */
  meta = new_layout (self, self->meta, PANGO_WEIGHT_NORMAL, 1.0, NULL);
  layout = self->layouts[DESK_INBOX_ROW_TITLE] = new_layout (self, self->title,
                                                             self->unread ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                                             1.0, NULL);
  title_width = MIN (layout_width (layout),
                     MAX (end - TEXT_X - PART_GAP - layout_width (meta), (end - TEXT_X) * 0.6f));
  title_width = MAX (title_width, 1);
  pango_layout_set_width (layout, (int) title_width * PANGO_SCALE);
  place (self, DESK_INBOX_ROW_TITLE, TEXT_X, 0, title_width, line);

  /* … unless they would be cut to a few letters */
  meta_x = TEXT_X + MIN (layout_width (layout), title_width) + PART_GAP;
  if (end - meta_x >= MIN (layout_width (meta), 4 * line))
    {
      pango_layout_set_width (meta, (int) (end - meta_x) * PANGO_SCALE);
      place (self, DESK_INBOX_ROW_META, meta_x, 0, MIN (layout_width (meta), end - meta_x), line);
      self->layouts[DESK_INBOX_ROW_META] = g_steal_pointer (&meta);
    }

  /* Two lines of text, or one and the badges */
  layout = self->layouts[DESK_INBOX_ROW_TEXT] = new_layout (self, self->text, PANGO_WEIGHT_NORMAL, 1.0, NULL);
  pango_layout_set_width (layout, MAX (width - (int) TEXT_X, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, self->badges != NULL ? -1 : -2);
  place (self, DESK_INBOX_ROW_TEXT, TEXT_X, y2, MAX (width - TEXT_X, 1), self->badges != NULL ? line : 2 * line);
  if (self->badges != NULL)
    {
      layout = self->layouts[DESK_INBOX_ROW_BADGES] = new_layout (self, self->badges, PANGO_WEIGHT_NORMAL, 0.85, NULL);
      pango_layout_set_width (layout, MAX (width - (int) TEXT_X, 1) * PANGO_SCALE);
      place (self, DESK_INBOX_ROW_BADGES, TEXT_X, y2 + line + LINE_GAP, MAX (width - TEXT_X, 1), line);
    }
}

static void
snapshot_layout (DeskInboxRow     *self,
                 GtkSnapshot      *snapshot,
                 DeskInboxRowPart  part,
                 const GdkRGBA    *colour)
{
  PangoLayout *layout = self->layouts[part];
  const graphene_rect_t *box = &self->bounds[part];
  float y = box->origin.y;

  if (layout == NULL)
    return;
  /* A line's text sits in the middle of the font's line */
  if (part != DESK_INBOX_ROW_TEXT)
    {
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      y += (box->size.height - MIN (height, box->size.height)) / 2.0f;
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box->origin.x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_icon (DeskInboxRow     *self,
               GtkSnapshot      *snapshot,
               DeskInboxRowPart  part,
               const char       *icon_name,
               const GdkRGBA    *colour)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, (int) ICON_SIZE,
                                                                 gtk_widget_get_scale_factor (widget),
                                                                 gtk_widget_get_direction (widget), 0);
  const GdkRGBA colours[4] = { *colour, { 0.75f, 0.11f, 0.16f, 1 }, { 0.80f, 0.47f, 0, 1 }, { 0.15f, 0.64f, 0.41f, 1 } };

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &self->bounds[part].origin);
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, ICON_SIZE, ICON_SIZE, colours, 4);
  gtk_snapshot_restore (snapshot);
}

static void
desk_inbox_row_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  DeskInboxRow *self = DESK_INBOX_ROW (widget);
  GdkRGBA colour, dim, accent;

  if (self->notification == NULL)
    return;
  ensure_layouts (self, gtk_widget_get_width (widget));
  desk_widget_get_colour (widget, &colour);
  desk_widget_get_colour (self->accent, &accent);
  dim = colour;
  dim.alpha *= 0.55f;

  /* Unread is not said by colour alone: a dot in its own column (read
   * rows keep it empty, so the authors line up), and the author in bold */
  if (self->unread)
    {
      GskRoundedRect dot;

      gsk_rounded_rect_init_from_rect (&dot, &self->bounds[DESK_INBOX_ROW_DOT], DOT_SIZE / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &accent, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }
  snapshot_icon (self, snapshot, DESK_INBOX_ROW_ICON, self->icon_name, &colour);
  snapshot_layout (self, snapshot, DESK_INBOX_ROW_TITLE, self->unread ? &accent : &colour);
  snapshot_layout (self, snapshot, DESK_INBOX_ROW_META, &dim);
  if (self->starred)
    snapshot_icon (self, snapshot, DESK_INBOX_ROW_STAR, "starred-symbolic", &colour);
  snapshot_layout (self, snapshot, DESK_INBOX_ROW_TIME, &dim);
  snapshot_layout (self, snapshot, DESK_INBOX_ROW_TEXT, &colour);
  snapshot_layout (self, snapshot, DESK_INBOX_ROW_BADGES, &colour);
}

/* One line of author, handle and time; two of text (or one, and the
 * badges): the same height for every row of a font */
static void
desk_inbox_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  DeskInboxRow *self = DESK_INBOX_ROW (widget);
  int line = font_line (self);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = 3 * line + 2 * (int) LINE_GAP;
  else
    {
      *minimum = (int) TEXT_X + 8 * line;
      *natural = (int) TEXT_X + 24 * line;
    }
}

static void
desk_inbox_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DeskInboxRow *self = DESK_INBOX_ROW (widget);

  gtk_widget_size_allocate (self->accent, &(GtkAllocation) { 0, 0, 0, 0 }, -1);
}

/* The exact time, over the relative one */
static gboolean
desk_inbox_row_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  DeskInboxRow *self = DESK_INBOX_ROW (widget);
  graphene_rect_t *time = &self->bounds[DESK_INBOX_ROW_TIME];
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *exact = NULL;

  if (self->notification == NULL || desk_notification_get_created_at (self->notification) == NULL)
    return FALSE;
  /* Near the time: the padding is around it */
  if (!keyboard && (x < time->origin.x - 24 || x > time->origin.x + time->size.width + 24 || y > time->size.height + 24))
    return FALSE;
  local = desk_time_to_local (desk_notification_get_created_at (self->notification));
  /* Translators: a notification's exact date and time, strftime format */
  exact = g_date_time_format (local, _("%A %-d %B %Y at %H:%M"));
  gtk_tooltip_set_text (tooltip, exact);
  return TRUE;
}

static void
desk_inbox_row_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  clear_layouts (DESK_INBOX_ROW (widget));
  GTK_WIDGET_CLASS (desk_inbox_row_parent_class)->css_changed (widget, change);
}

static void
desk_inbox_row_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  clear_layouts (DESK_INBOX_ROW (widget));
  GTK_WIDGET_CLASS (desk_inbox_row_parent_class)->direction_changed (widget, previous);
}

static void
update (DeskInboxRow *self)
{
  DeskNotification *n = self->notification;
  DeskChannel *channel;
  DeskNotificationKind kind;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *description = NULL;
  const char *handle, *network, *text;
  GtkWidget *item;

  clear_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (n == NULL)
    return;

  now = g_date_time_ref (shared_now ());
  channel = lookup_channel (self, n);
  kind = desk_notification_get_kind (n);
  network = channel ? desk_network_to_label (desk_channel_get_network (channel)) : "";
  handle = desk_notification_get_handle (n);
  text = desk_notification_get_text (n) ? desk_notification_get_text (n) : "";

  g_free (self->title);
  {
    g_autofree char *title = dup_title (n);

    /* A name is a line: no more of it than a text's two */
    self->title = desk_format_dup_excerpt (title, TEXT_MAX, NULL);
  }
  g_free (self->meta);
  if (handle != NULL && handle[0] != '\0' && !desk_notification_kind_is_grouped (kind))
    {
      g_autofree char *start = desk_format_dup_excerpt (handle, TEXT_MAX, NULL);

      self->meta = g_strdup_printf ("%s · %s · %s", start, desk_notification_kind_to_label (kind), network);
    }
  else
    self->meta = g_strdup_printf ("%s · %s", desk_notification_kind_to_label (kind), network);
  g_free (self->when);
  self->when = desk_notification_get_created_at (n) != NULL
               ? desk_format_relative_time (desk_notification_get_created_at (n), now) : g_strdup ("");
  g_free (self->text);
  self->text = desk_format_dup_excerpt (text, TEXT_MAX, NULL);
  g_free (self->badges);
  self->badges = dup_badges (n, channel, now);
  self->icon_name = kind_icon (kind);
  self->starred = desk_notification_get_starred (n);
  self->unread = !desk_notification_get_read (n);

  if (self->unread)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unread");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unread");
  if (desk_notification_get_hidden (n))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");

  description = desk_inbox_row_dup_description (n, channel, now);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  /* The list item around the row takes the focus: it says the same */
  item = gtk_widget_get_parent (GTK_WIDGET (self));
  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
notification_notify_cb (DeskInboxRow *self)
{
  update (self);
}

/**
 * _desk_inbox_row_get_part:
 * @bounds: (out) (optional): where the part is drawn, in the row's
 *   coordinates
 *
 * What the tests read of a row: a part's laid-out text (or %NULL for
 * the dot and the icons, and for a part not drawn) at the row's width.
 *
 * Returns: whether the part is drawn
 */
gboolean
_desk_inbox_row_get_part (DeskInboxRow      *self,
                          DeskInboxRowPart   part,
                          PangoLayout      **layout,
                          graphene_rect_t   *bounds)
{
  gboolean drawn;

  g_return_val_if_fail (DESK_IS_INBOX_ROW (self), FALSE);
  g_return_val_if_fail (part < DESK_INBOX_ROW_N_PARTS, FALSE);

  ensure_layouts (self, gtk_widget_get_width (GTK_WIDGET (self)));
  if (part == DESK_INBOX_ROW_DOT)
    drawn = self->unread;
  else if (part == DESK_INBOX_ROW_ICON)
    drawn = self->notification != NULL;
  else if (part == DESK_INBOX_ROW_STAR)
    drawn = self->starred;
  else
    drawn = self->layouts[part] != NULL;
  if (layout != NULL)
    *layout = self->layouts[part];
  if (bounds != NULL)
    *bounds = self->bounds[part];
  return drawn;
}

DeskNotification *
desk_inbox_row_get_notification (DeskInboxRow *self)
{
  g_return_val_if_fail (DESK_IS_INBOX_ROW (self), NULL);
  return self->notification;
}

void
desk_inbox_row_set_notification (DeskInboxRow     *self,
                                 DeskNotification *notification)
{
  g_return_if_fail (DESK_IS_INBOX_ROW (self));

  if (self->notification == notification)
    {
      update (self);
      return;
    }
  if (self->notification != NULL)
    g_signal_handlers_disconnect_by_func (self->notification, notification_notify_cb, self);
  g_set_object (&self->notification, notification);
  if (notification != NULL)
    g_signal_connect_swapped (notification, "notify", G_CALLBACK (notification_notify_cb), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTIFICATION]);
}

void
desk_inbox_row_set_channels (DeskInboxRow *self,
                             GHashTable   *channels)
{
  g_return_if_fail (DESK_IS_INBOX_ROW (self));

  if (self->channels == channels)
    return;
  g_clear_pointer (&self->channels, g_hash_table_unref);
  self->channels = channels ? g_hash_table_ref (channels) : NULL;
  update (self);
}

static void
desk_inbox_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeskInboxRow *self = DESK_INBOX_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTIFICATION:
      g_value_set_object (value, self->notification);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_inbox_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DeskInboxRow *self = DESK_INBOX_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTIFICATION:
      desk_inbox_row_set_notification (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_inbox_row_dispose (GObject *object)
{
  DeskInboxRow *self = DESK_INBOX_ROW (object);

  if (self->notification != NULL)
    g_signal_handlers_disconnect_by_func (self->notification, notification_notify_cb, self);
  g_clear_object (&self->notification);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  clear_layouts (self);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->meta, g_free);
  g_clear_pointer (&self->when, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->badges, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_INBOX_ROW);
  G_OBJECT_CLASS (desk_inbox_row_parent_class)->dispose (object);
}

static void
desk_inbox_row_class_init (DeskInboxRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = desk_inbox_row_get_property;
  object_class->set_property = desk_inbox_row_set_property;
  object_class->dispose = desk_inbox_row_dispose;

  properties[PROP_NOTIFICATION] =
    g_param_spec_object ("notification", NULL, NULL, DESK_TYPE_NOTIFICATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = desk_inbox_row_measure;
  widget_class->size_allocate = desk_inbox_row_size_allocate;
  widget_class->snapshot = desk_inbox_row_snapshot;
  widget_class->query_tooltip = desk_inbox_row_query_tooltip;
  widget_class->css_changed = desk_inbox_row_css_changed;
  widget_class->direction_changed = desk_inbox_row_direction_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-inbox-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskInboxRow, accent);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
desk_inbox_row_init (DeskInboxRow *self)
{
  self->laid_out_width = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
desk_inbox_row_new (GHashTable *channels)
{
  DeskInboxRow *self = g_object_new (DESK_TYPE_INBOX_ROW, NULL);

  desk_inbox_row_set_channels (self, channels);
  return GTK_WIDGET (self);
}
