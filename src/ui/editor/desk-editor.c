/* desk-editor.c: the Compose page's post editor
 *
 * One post: its text (shared by every channel, or a channel's own text),
 * hashtags, mentions and links highlighted as typed, a live counter per
 * target network with the overflowing part marked in the text, images with
 * their alt texts (pre-filled from the image's own description), designed
 * visuals, snippets, UTM tags, and the accessibility and rules findings of
 * src/core (desk-checks, desk-design) with one-click fixes. Checks run
 * 25 ms after the last keystroke (bench: tests/bench/bench-ui); a design's contrast (rendering) is
 * measured once when it is exported, not on every keystroke.
 *
 * Saving writes the post, its channels' texts and its images in one
 * transaction (desk_store_save_post_content); the editor saves every few
 * seconds while dirty and when it goes away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gmodule.h>

#include "desk-a11y.h"
#include "desk-editor.h"
#include "desk-draft.h"
#include "desk-report.h"
#include "desk-image-chooser.h"
#include "desk-design.h"
#include "desk-design-dialog.h"
#include "desk-media.h"
#include "desk-preview.h"
#include "desk-text-count.h"
#include "desk-text-tags.h"
#include "desk-time.h"
#include "desk-time-spin.h"
#include "desk-utm.h"
#include "desk-web-preview.h"

#define CHECK_DELAY_MS DESK_EDITOR_CHECK_DELAY_MS
#define AUTOSAVE_SECONDS 3

typedef struct
{
  gint64     media_id;
  char      *path;
  char      *design;        /* JSON, or NULL */
  GPtrArray *design_findings;
  GtkEntry  *alt_entry;     /* owned by its row */
  char      *alt;           /* until the row exists */
} Attachment;

typedef struct
{
  DeskFinding *finding;
  gint64       channel_id;  /* the text it concerns: 0 shared, else a channel's own */
  int          image;       /* for layer findings: the image of the design */
} EditorFinding;

struct _DeskEditor
{
  GtkWidget       parent_instance;

  DeskStore      *store;
  DeskPost       *post;            /* our copy, saved into the store */
  gint64          brand_id;
  GListModel     *channels;        /* the brand's DeskChannel */
  char           *palette;
  char           *charter_data;
  DeskDraft      *draft;           /* what the checks read; parses the charter once */
  GArray         *active;          /* gint64 channel ids */
  GtkTextBuffer  *shared_buffer;
  GHashTable     *own_buffers;     /* gint64 channel id → GtkTextBuffer */
  gint64          current;         /* channel whose text is shown; 0: shared */
  GPtrArray      *attachments;     /* Attachment */
  GPtrArray      *findings;        /* EditorFinding */
  GPtrArray      *snippets;        /* DeskSnippet */
  char           *findings_shown;  /* what the list shows, to skip identical rebuilds */
  char           *counters_shown;
  guint           check_id;
  guint           autosave_id;
  gboolean        dirty;
  gboolean        loading;
  guint           measuring;       /* designs being measured in a thread */
  GtkWidget      *web_view;       /* from the preview module, on first use */

  GtkPaned       *paned;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkEntry       *title_entry;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *campaign_dropdown;
  GArray         *campaign_ids;    /* position in campaign_dropdown → id (0: none) */
  GtkMenuButton  *schedule_button;
  GtkPopover     *schedule_popover;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  GtkFlowBox     *channels_box;
  GtkBox         *variant_buttons;
  GtkCheckButton *own_text_check;
  GtkTextView    *text_view;
  GtkCheckButton *utm_check;
  GtkLabel       *utm_label;
  GtkFlowBox     *counters_box;
  GtkListBox     *snippets_list;
  GtkEntry       *snippet_name_entry;
  GtkLabel       *images_hint;
  GtkListBox     *images_list;
  GtkGrid        *alt_grid;
  GtkStack       *side_stack;
  GtkLabel       *findings_summary;
  GtkListBox     *findings_list;
  GtkBox         *preview_box;
  GtkDropDown    *preview_dropdown;
};

G_DEFINE_FINAL_TYPE (DeskEditor, desk_editor, GTK_TYPE_WIDGET)

static void schedule_checks (DeskEditor *self);
static DeskWebPreviewLoadHtml preview_load_html;   /* from the preview module */
static void rebuild_images (DeskEditor *self);
static void update_preview (DeskEditor *self);

static void
attachment_free (Attachment *attachment)
{
  g_free (attachment->path);
  g_free (attachment->design);
  g_free (attachment->alt);
  g_clear_pointer (&attachment->design_findings, g_ptr_array_unref);
  g_free (attachment);
}

static void
editor_finding_free (EditorFinding *finding)
{
  desk_finding_free (finding->finding);
  g_free (finding);
}

static void
show_error (DeskEditor *self,
            const char *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static const char *
attachment_alt (Attachment *attachment)
{
  return attachment->alt_entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (attachment->alt_entry))
                                       : attachment->alt ? attachment->alt : "";
}

/* Channels */

static DeskChannel *
find_channel (DeskEditor *self,
              gint64      id)
{
  for (guint i = 0; self->channels != NULL && i < g_list_model_get_n_items (self->channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (self->channels, i);

      if (desk_channel_get_id (channel) == id)
        return channel;   /* the model keeps it alive */
    }
  return NULL;
}

static gboolean
is_active (DeskEditor *self,
           gint64      id)
{
  for (guint i = 0; i < self->active->len; i++)
    if (g_array_index (self->active, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static char *
channel_label (DeskChannel *channel)
{
  const char *name = desk_channel_get_display_name (channel);

  return g_strdup_printf ("%s · %s", desk_network_to_label (desk_channel_get_network (channel)),
                          name != NULL && name[0] != '\0' ? name : desk_channel_get_handle (channel));
}

static GtkTextBuffer *
buffer_for (DeskEditor *self,
            gint64      channel_id)
{
  GtkTextBuffer *own = channel_id != 0 ? g_hash_table_lookup (self->own_buffers, &channel_id) : NULL;

  return own != NULL ? own : self->shared_buffer;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The post's campaign, as the campaign drop-down shows it */
static const char *
campaign_name (DeskEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->campaign_dropdown);
  GListModel *names = gtk_drop_down_get_model (self->campaign_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || names == NULL ||
      selected >= g_list_model_get_n_items (names))
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (names), selected);
}

/* The text that @channel_id will publish */
static char *
published_text (DeskEditor *self,
                gint64      channel_id)
{
  g_autofree char *text = buffer_text (buffer_for (self, channel_id));
  DeskChannel *channel = find_channel (self, channel_id);

  if (channel == NULL || !gtk_check_button_get_active (self->utm_check))
    return g_steal_pointer (&text);
  return desk_utm_tag_links (text, desk_network_to_id (desk_channel_get_network (channel)), campaign_name (self));
}

/* Findings and matches give byte offsets in the text; the buffer counts
 * characters. Moving forward from the last position keeps a scan of the
 * text linear. */
typedef struct
{
  const char *text;
  int         byte;
  int         chars;
} ByteCursor;

static void
iter_at_byte (GtkTextBuffer *buffer,
              ByteCursor    *cursor,
              int            byte,
              GtkTextIter   *iter)
{
  if (byte < cursor->byte)
    cursor->byte = cursor->chars = 0;
  cursor->chars += (int) g_utf8_pointer_to_offset (cursor->text + cursor->byte, cursor->text + byte);
  cursor->byte = byte;
  gtk_text_buffer_get_iter_at_offset (buffer, iter, cursor->chars);
}

/* Highlighting and overflow */

static void
highlight (DeskEditor    *self,
           GtkTextBuffer *buffer)
{
  static const struct { const char *tag; const char *pattern; } kinds[] = {
    { "hashtag", "#[\\p{L}\\p{N}_]+" },
    { "mention", "@[\\w.]+(@[\\w.-]+\\w)?" },
    { "link", "https?://[^\\s<>\"]+" },
  };
  g_autofree char *text = buffer_text (buffer);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GRegex) regex = g_regex_new (kinds[k].pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      ByteCursor cursor = { text, 0, 0 };

      gtk_text_buffer_remove_tag_by_name (buffer, kinds[k].tag, &start, &end);
      g_regex_match (regex, text, 0, &match);
      while (g_match_info_matches (match))
        {
          int s, e;
          GtkTextIter a, b;

          g_match_info_fetch_pos (match, 0, &s, &e);
          iter_at_byte (buffer, &cursor, s, &a);
          iter_at_byte (buffer, &cursor, e, &b);
          gtk_text_buffer_apply_tag_by_name (buffer, kinds[k].tag, &a, &b);
          g_match_info_next (match, NULL);
        }
    }
}

/* Marks, in the shown text, where the first network using it overflows */
static void
mark_overflow (DeskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = buffer_text (buffer);
  GtkTextIter start, end;
  gssize first = -1;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "overflow", &start, &end);
  for (guint i = 0; i < self->active->len; i++)
    {
      gint64 id = g_array_index (self->active, gint64, i);
      DeskChannel *channel = find_channel (self, id);
      DeskTextCount count;

      if (channel == NULL || buffer_for (self, id) != buffer)
        continue;
      desk_text_count (desk_channel_get_network (channel), text, &count);
      if (count.overflow_offset >= 0 && (first < 0 || count.overflow_offset < first))
        first = count.overflow_offset;
    }
  if (first >= 0)
    {
      ByteCursor cursor = { text, 0, 0 };

      iter_at_byte (buffer, &cursor, (int) first, &start);
      gtk_text_buffer_apply_tag_by_name (buffer, "overflow", &start, &end);
    }
}

typedef struct
{
  DeskNetwork network;
  char       *label;
  char       *a11y;
  gboolean    over;
} Counter;

static void
counter_clear (Counter *counter)
{
  g_free (counter->label);
  g_free (counter->a11y);
}

/* @texts: what each active channel publishes, in the order of self->active */
static void
update_counters (DeskEditor *self,
                 GPtrArray  *texts)
{
  g_autoptr(GArray) counters = g_array_new (FALSE, TRUE, sizeof (Counter));
  g_autoptr(GString) signature = g_string_new (NULL);
  GtkWidget *child;

  g_array_set_clear_func (counters, (GDestroyNotify) counter_clear);
  for (guint i = 0; i < self->active->len; i++)
    {
      gint64 id = g_array_index (self->active, gint64, i);
      DeskChannel *channel = find_channel (self, id);
      const char *text = g_ptr_array_index (texts, i);
      g_autofree char *label = NULL;
      g_autofree char *a11y = NULL;
      DeskTextCount count;
      DeskNetwork network;

      if (channel == NULL || text == NULL)
        continue;
      network = desk_channel_get_network (channel);
      desk_text_count (network, text, &count);
      if (count.limit == 0)
        continue;
      label = g_strdup_printf ("%s %u/%u", desk_network_to_label (network), count.length, count.limit);
      if (count.overflow_offset >= 0)
        /* Translators: a network's counter when the text is too long */
        a11y = g_strdup_printf (_("%s: %u characters, %u too many"), desk_network_to_label (network),
                                count.length, count.length - MIN (count.length, count.limit));
      else
        a11y = g_strdup_printf (_("%s: %u of %u characters"), desk_network_to_label (network),
                                count.length, count.limit);
      g_string_append_printf (signature, "%s\x1e", a11y);
      g_array_append_val (counters, ((Counter) { network, g_steal_pointer (&label), g_steal_pointer (&a11y),
                                                 count.overflow_offset >= 0 }));
    }
  if (g_strcmp0 (signature->str, self->counters_shown) == 0)
    return;
  g_free (self->counters_shown);
  self->counters_shown = g_strdup (signature->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->counters_box))) != NULL)
    gtk_flow_box_remove (self->counters_box, child);
  for (guint i = 0; i < counters->len; i++)
    {
      Counter *counter = &g_array_index (counters, Counter, i);
      GtkWidget *widget = gtk_label_new (counter->label);

      gtk_widget_add_css_class (widget, "counter");
      if (counter->over)
        gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, counter->a11y, -1);
      g_object_set_data_full (G_OBJECT (widget), "network", g_strdup (desk_network_to_id (counter->network)), g_free);
      gtk_flow_box_append (self->counters_box, widget);
      /* The flow box child around it takes the focus: it says the same */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (widget)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, counter->a11y, -1);
    }
}

static void
update_utm_label (DeskEditor *self,
                  GPtrArray  *texts)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  if (gtk_check_button_get_active (self->utm_check))
    for (guint i = 0; i < self->active->len; i++)
      {
        gint64 id = g_array_index (self->active, gint64, i);
        const char *tagged = g_ptr_array_index (texts, i);
        DeskChannel *channel = find_channel (self, id);
        g_autoptr(GRegex) regex = g_regex_new ("https?://\\S+", 0, 0, NULL);
        g_autoptr(GMatchInfo) match = NULL;

        if (channel == NULL || tagged == NULL || strstr (tagged, "utm_source=") == NULL)
          continue;
        g_regex_match (regex, tagged, 0, &match);
        while (g_match_info_matches (match))
          {
            g_autofree char *link = g_match_info_fetch (match, 0);

            g_string_append_printf (shown, "%s%s: %s", shown->len ? "\n" : "",
                                    desk_network_to_label (desk_channel_get_network (channel)), link);
            g_match_info_next (match, NULL);
          }
      }
  gtk_label_set_text (self->utm_label, shown->str);
  gtk_widget_set_visible (GTK_WIDGET (self->utm_label), shown->len > 0);
}

static void
mark_dirty (DeskEditor *self)
{
  if (self->loading || self->post == NULL)
    return;
  self->dirty = TRUE;
  schedule_checks (self);
}

static void
on_buffer_changed (DeskEditor    *self,
                   GtkTextBuffer *buffer)
{
  highlight (self, buffer);
  mark_dirty (self);
}

static GtkTextBuffer *
new_buffer (DeskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_buffer_new (NULL);

  desk_text_buffer_add_highlight_tags (buffer);
  gtk_text_buffer_create_tag (buffer, "overflow", "background", "#f6d3d5", "foreground", "#a51d2d",
                              "underline", PANGO_UNDERLINE_ERROR, NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  return buffer;
}

/* Variants: the shared text, or one channel's own */

static void show_variant (DeskEditor *self, gint64 channel_id);

static void
on_variant_toggled (GtkToggleButton *button,
                    DeskEditor      *self)
{
  if (gtk_toggle_button_get_active (button))
    show_variant (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "channel-id"));
}

static void
rebuild_variant_buttons (DeskEditor *self)
{
  GtkWidget *child;
  GtkToggleButton *group = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->variant_buttons))) != NULL)
    gtk_box_remove (self->variant_buttons, child);

  for (int i = -1; i < (int) self->active->len; i++)
    {
      gint64 id = i < 0 ? 0 : g_array_index (self->active, gint64, i);
      DeskChannel *channel = id != 0 ? find_channel (self, id) : NULL;
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (id != 0 && channel == NULL)
        continue;
      label = channel != NULL ? g_strdup (desk_network_to_label (desk_channel_get_network (channel)))
                              : g_strdup (_("All Channels"));
      if (channel != NULL && g_hash_table_contains (self->own_buffers, &id))
        {
          char *edited = g_strconcat (label, " ✎", NULL);

          g_free (label);
          label = edited;
        }
      button = gtk_toggle_button_new_with_label (label);
      if (channel != NULL)
        {
          g_autofree char *full = channel_label (channel);
          gtk_widget_set_tooltip_text (button, full);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
        }
      g_object_set_data_full (G_OBJECT (button), "channel-id", g_memdup2 (&id, sizeof id), g_free);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), id == self->current);
      g_signal_connect (button, "toggled", G_CALLBACK (on_variant_toggled), self);
      gtk_box_append (self->variant_buttons, button);
    }
}

static void
show_variant (DeskEditor *self,
              gint64      channel_id)
{
  GtkTextBuffer *buffer;

  if (channel_id != 0 && !is_active (self, channel_id))
    channel_id = 0;
  self->current = channel_id;
  buffer = buffer_for (self, channel_id);
  if (gtk_text_view_get_buffer (self->text_view) != buffer)
    gtk_text_view_set_buffer (self->text_view, buffer);
  g_signal_handlers_block_matched (self->own_text_check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_check_button_set_active (self->own_text_check, channel_id != 0 && buffer != self->shared_buffer);
  g_signal_handlers_unblock_matched (self->own_text_check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->own_text_check), channel_id != 0);
  mark_overflow (self);
}

static void
on_own_text_toggled (DeskEditor *self)
{
  gint64 id = self->current;

  if (id == 0)
    return;
  if (gtk_check_button_get_active (self->own_text_check))
    {
      g_autofree char *text = buffer_text (self->shared_buffer);
      GtkTextBuffer *own = new_buffer (self);

      gtk_text_buffer_set_text (own, text, -1);
      g_hash_table_insert (self->own_buffers, g_memdup2 (&id, sizeof id), own);
    }
  else
    g_hash_table_remove (self->own_buffers, &id);
  rebuild_variant_buttons (self);
  show_variant (self, id);
  mark_dirty (self);
}

static void
on_channel_toggled (GtkCheckButton *button,
                    DeskEditor     *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "channel-id");

  desk_editor_set_channel_active (self, id, gtk_check_button_get_active (button));
}

static void
rebuild_channels (DeskEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->channels_box))) != NULL)
    gtk_flow_box_remove (self->channels_box, child);
  for (guint i = 0; self->channels != NULL && i < g_list_model_get_n_items (self->channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (self->channels, i);
      g_autofree char *label = channel_label (channel);
      GtkWidget *button = gtk_check_button_new_with_label (label);
      gint64 id = desk_channel_get_id (channel);

      g_object_set_data_full (G_OBJECT (button), "channel-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), is_active (self, id));
      g_signal_connect (button, "toggled", G_CALLBACK (on_channel_toggled), self);
      gtk_flow_box_append (self->channels_box, button);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (button)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

void
desk_editor_set_channel_active (DeskEditor *self,
                                gint64      channel_id,
                                gboolean    active)
{
  g_return_if_fail (DESK_IS_EDITOR (self));
  if (active == is_active (self, channel_id) || (active && find_channel (self, channel_id) == NULL))
    return;
  if (active)
    g_array_append_val (self->active, channel_id);
  else
    for (guint i = 0; i < self->active->len; i++)
      if (g_array_index (self->active, gint64, i) == channel_id)
        g_array_remove_index (self->active, i--);
  rebuild_variant_buttons (self);
  show_variant (self, self->current);
  mark_dirty (self);
}

/* Alt texts: which networks receive them */

static void
rebuild_alt_grid (DeskEditor *self)
{
  GtkWidget *child;
  guint row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->alt_grid))) != NULL)
    gtk_grid_remove (self->alt_grid, child);
  if (self->attachments->len == 0)
    return;
  for (guint i = 0; i < self->active->len; i++)
    {
      DeskChannel *channel = find_channel (self, g_array_index (self->active, gint64, i));
      DeskNetwork network;
      guint limit;
      g_autofree char *verdict = NULL;
      GtkWidget *name, *value;
      gboolean sent;

      if (channel == NULL)
        continue;
      network = desk_channel_get_network (channel);
      limit = desk_network_alt_limit (network);
      /* Our connectors publish to Mastodon, Bluesky and WordPress with the
       * alt text; elsewhere it has to be typed in the network's own app */
      sent = network == DESK_NETWORK_MASTODON || network == DESK_NETWORK_BLUESKY || network == DESK_NETWORK_WORDPRESS;
      if (sent && limit > 0)
        verdict = g_strdup_printf (_("Receives the alt text (up to %u characters)"), limit);
      else if (sent)
        verdict = g_strdup (_("Receives the alt text"));
      else if (limit > 0)
        verdict = g_strdup_printf (_("Not sent by CommunityDesk: add it in the network’s app (up to %u characters)"), limit);
      else
        verdict = g_strdup (_("Not sent by CommunityDesk: add it in the network’s app"));
      name = gtk_label_new (desk_network_to_label (network));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_add_css_class (name, "caption-heading");
      value = gtk_label_new (verdict);
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_widget_add_css_class (value, sent ? "success" : "warning");
      gtk_widget_add_css_class (value, "caption");
      gtk_grid_attach (self->alt_grid, name, 0, row, 1, 1);
      gtk_grid_attach (self->alt_grid, value, 1, row, 1, 1);
      row++;
    }
}

/* Images */

static void
on_alt_changed (DeskEditor *self)
{
  mark_dirty (self);
}

static void
move_image (DeskEditor *self,
            guint       from,
            int         delta)
{
  int to = (int) from + delta;
  gpointer item;

  if (to < 0 || to >= (int) self->attachments->len)
    return;
  item = g_ptr_array_steal_index (self->attachments, from);
  g_ptr_array_insert (self->attachments, to, item);
  rebuild_images (self);
  mark_dirty (self);
}

static guint
row_index (GtkWidget *button)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
}

static void
on_image_earlier (GtkButton  *button,
                  DeskEditor *self)
{
  move_image (self, row_index (GTK_WIDGET (button)), -1);
}

static void
on_image_later (GtkButton  *button,
                DeskEditor *self)
{
  move_image (self, row_index (GTK_WIDGET (button)), +1);
}

static void
on_image_remove (GtkButton  *button,
                 DeskEditor *self)
{
  guint index = row_index (GTK_WIDGET (button));

  if (index >= self->attachments->len)
    return;
  g_ptr_array_remove_index (self->attachments, index);
  rebuild_images (self);
  mark_dirty (self);
}

static void
keep_alts (DeskEditor *self)
{
  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      if (attachment->alt_entry != NULL)
        {
          g_free (attachment->alt);
          attachment->alt = g_strdup (gtk_editable_get_text (GTK_EDITABLE (attachment->alt_entry)));
          attachment->alt_entry = NULL;
        }
    }
}

static GtkWidget *
image_button (const char *icon,
              const char *tooltip,
              guint       index,
              GCallback   callback,
              DeskEditor *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  /* Translators: an image row's button for screen readers: "Move Earlier, image 2" */
  g_autofree char *label = g_strdup_printf (_("%s, image %u"), tooltip, index + 1);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
rebuild_images (DeskEditor *self)
{
  GtkWidget *child;
  guint max_alt = 0;

  keep_alts (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->images_list))) != NULL)
    gtk_list_box_remove (self->images_list, child);
  for (guint i = 0; i < self->active->len; i++)
    {
      DeskChannel *channel = find_channel (self, g_array_index (self->active, gint64, i));
      guint limit = channel ? desk_network_alt_limit (desk_channel_get_network (channel)) : 0;

      if (limit > 0 && (max_alt == 0 || limit < max_alt))
        max_alt = limit;
    }

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *picture = gtk_picture_new_for_filename (attachment->path);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *hint;
      g_autofree char *name = g_strdup_printf (_("Image %u"), i + 1);
      g_autofree char *entry_label = g_strdup_printf (_("Alt text of image %u"), i + 1);
      g_autofree char *hint_text = max_alt > 0
        ? g_strdup_printf (_("Describe what the image shows; up to %u characters for every target network."), max_alt)
        : g_strdup (_("Describe what the image shows."));

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_size_request (picture, 96, 72);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
#if GTK_CHECK_VERSION (4, 8, 0)
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
#endif
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), attachment_alt (attachment));
      gtk_box_append (GTK_BOX (box), picture);

      gtk_widget_set_hexpand (fields, TRUE);
      gtk_widget_set_valign (fields, GTK_ALIGN_CENTER);
      {
        GtkWidget *title = gtk_label_new (name);
        gtk_label_set_xalign (GTK_LABEL (title), 0);
        gtk_widget_add_css_class (title, "heading");
        if (attachment->design != NULL)
          {
            g_autofree char *designed = g_strdup_printf (_("%s (designed visual)"), name);
            gtk_label_set_text (GTK_LABEL (title), designed);
          }
        gtk_box_append (GTK_BOX (fields), title);
      }
      gtk_editable_set_text (GTK_EDITABLE (entry), attachment->alt ? attachment->alt : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Alt text: what the image shows"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
      if (max_alt > 0)
        gtk_entry_set_max_length (GTK_ENTRY (entry), 0);
      g_signal_connect_object (entry, "changed", G_CALLBACK (on_alt_changed), self, G_CONNECT_SWAPPED);
      attachment->alt_entry = GTK_ENTRY (entry);
      gtk_box_append (GTK_BOX (fields), entry);
      hint = gtk_label_new (hint_text);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_add_css_class (hint, "caption");
      gtk_box_append (GTK_BOX (fields), hint);
      gtk_box_append (GTK_BOX (box), fields);

      gtk_box_append (GTK_BOX (box), image_button ("go-up-symbolic", _("Move Earlier"), i, G_CALLBACK (on_image_earlier), self));
      gtk_box_append (GTK_BOX (box), image_button ("go-down-symbolic", _("Move Later"), i, G_CALLBACK (on_image_later), self));
      gtk_box_append (GTK_BOX (box), image_button ("user-trash-symbolic", _("Remove Image"), i, G_CALLBACK (on_image_remove), self));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->images_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->images_list), self->attachments->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->images_hint), self->attachments->len == 0);
  rebuild_alt_grid (self);
}

gboolean
desk_editor_add_image (DeskEditor  *self,
                       const char  *path,
                       GError     **error)
{
  Attachment *attachment;
  gint64 media_id;

  g_return_val_if_fail (DESK_IS_EDITOR (self), FALSE);
  if (self->post == NULL)
    return FALSE;
  if (!desk_store_add_media (self->store, self->brand_id, path, &media_id, error))
    return FALSE;
  for (guint i = 0; i < self->attachments->len; i++)
    if (((Attachment *) g_ptr_array_index (self->attachments, i))->media_id == media_id)
      return TRUE;   /* already there */

  attachment = g_new0 (Attachment, 1);
  attachment->media_id = media_id;
  attachment->alt = desk_media_read_description (path);
  attachment->path = desk_store_dup_media_path (self->store, media_id, error);
  if (attachment->path == NULL)
    {
      attachment_free (attachment);
      return FALSE;
    }
  g_ptr_array_add (self->attachments, attachment);
  rebuild_images (self);
  mark_dirty (self);
  return TRUE;
}

void
desk_editor_set_alt (DeskEditor *self,
                     guint       index,
                     const char *alt)
{
  Attachment *attachment;

  g_return_if_fail (index < self->attachments->len);
  attachment = g_ptr_array_index (self->attachments, index);
  if (attachment->alt_entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (attachment->alt_entry), alt);
  else
    {
      g_free (attachment->alt);
      attachment->alt = g_strdup (alt);
      mark_dirty (self);
    }
}

guint
desk_editor_get_n_images (DeskEditor *self)
{
  return self->attachments->len;
}

static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    DeskEditor      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);
          g_autoptr(GError) error = NULL;

          if (path == NULL || !desk_editor_add_image (self, path, &error))
            show_error (self, error ? error->message : _("This file cannot be read."));
        }
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
add_images_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);
  GtkFileChooserNative *native = desk_image_chooser_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                        _("Add Images"), _("_Add"), TRUE);

  g_signal_connect (native, "response", G_CALLBACK (on_native_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DeskEditor    *self)
{
  GSList *files = g_value_get_boxed (value);
  gboolean any = FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);
      g_autoptr(GError) error = NULL;

      if (path != NULL && desk_editor_add_image (self, path, &error))
        any = TRUE;
      else
        show_error (self, error ? error->message : _("This file cannot be read."));
    }
  return any;
}

/* Designs: their contrast is measured on the pixels (a full-size render per
 * text layer) in a worker thread, then the findings are updated */

typedef struct
{
  gint64  media_id;
  char   *json;
  char   *dir;
  char   *palette;
} MeasureJob;

static void
measure_job_free (MeasureJob *job)
{
  g_free (job->json);
  g_free (job->dir);
  g_free (job->palette);
  g_free (job);
}

static void
measure_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  MeasureJob *job = data;
  g_autoptr(DeskDesign) design = desk_design_new_from_json (job->json, job->dir, NULL);
  GPtrArray *findings = design != NULL ? desk_design_check (design, job->palette)
                                       : g_ptr_array_new_with_free_func ((GDestroyNotify) desk_finding_free);

  g_task_return_pointer (task, findings, (GDestroyNotify) g_ptr_array_unref);
}

static void
measure_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DeskEditor *self = DESK_EDITOR (source);
  MeasureJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) findings = g_task_propagate_pointer (G_TASK (result), NULL);

  self->measuring--;
  if (findings == NULL || self->attachments == NULL)
    return;
  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      /* Still the same image and the same design */
      if (attachment->media_id == job->media_id && g_strcmp0 (attachment->design, job->json) == 0)
        {
          g_clear_pointer (&attachment->design_findings, g_ptr_array_unref);
          attachment->design_findings = g_ptr_array_ref (findings);
        }
    }
  desk_editor_run_checks (self);
}

static void
measure_design (DeskEditor *self,
                Attachment *attachment)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, measure_done, NULL);
  MeasureJob *job = g_new0 (MeasureJob, 1);

  job->media_id = attachment->media_id;
  job->json = g_strdup (attachment->design);
  job->dir = desk_store_get_media_dir (self->store);
  job->palette = g_strdup (self->palette);
  g_clear_pointer (&attachment->design_findings, g_ptr_array_unref);
  g_task_set_task_data (task, job, (GDestroyNotify) measure_job_free);
  self->measuring++;
  g_task_run_in_thread (task, measure_thread);
}

gboolean
desk_editor_is_measuring (DeskEditor *self)
{
  return self->measuring > 0;
}

/* Designs */

/* Renders @json to a PNG in the workspace and attaches it: in place of
 * image @replace (a redesign keeps its place and its alt text), or at the
 * end with an alt text drawn from the text layers */
static gboolean
place_design (DeskEditor  *self,
              const char  *json,
              int          replace,
              GError     **error)
{
  g_autofree char *dir = desk_store_get_media_dir (self->store);
  g_autoptr(DeskDesign) design = desk_design_new_from_json (json, dir, error);
  g_autofree char *tmp_dir = NULL;
  g_autofree char *png = NULL;
  g_autofree char *path = NULL;
  Attachment *attachment;
  gint64 media_id;
  gboolean added;

  if (design == NULL || self->post == NULL)
    return FALSE;
  tmp_dir = g_dir_make_tmp ("community-desk-XXXXXX", error);
  if (tmp_dir == NULL)
    return FALSE;
  png = g_build_filename (tmp_dir, "visual.png", NULL);
  added = desk_design_export_png (design, png, error) &&
          desk_store_add_media (self->store, self->brand_id, png, &media_id, error) &&
          (path = desk_store_dup_media_path (self->store, media_id, error)) != NULL;
  g_unlink (png);
  g_rmdir (tmp_dir);
  if (!added)
    return FALSE;

  if (replace >= 0 && (guint) replace < self->attachments->len)
    attachment = g_ptr_array_index (self->attachments, replace);
  else
    {
      attachment = g_new0 (Attachment, 1);
      g_ptr_array_add (self->attachments, attachment);
    }
  if (attachment_alt (attachment)[0] == '\0')
    {
      attachment->alt_entry = NULL;
      g_free (attachment->alt);
      attachment->alt = desk_design_dup_alt_text (design);
    }
  attachment->media_id = media_id;
  g_free (attachment->path);
  attachment->path = g_steal_pointer (&path);
  g_free (attachment->design);
  attachment->design = desk_design_to_json (design);
  measure_design (self, attachment);
  rebuild_images (self);
  mark_dirty (self);
  return TRUE;
}

gboolean
desk_editor_add_design (DeskEditor  *self,
                        const char  *json,
                        GError     **error)
{
  return place_design (self, json, -1, error);
}

static void
on_design_exported (DeskEditor *self,
                    const char *json,
                    int         replace)
{
  g_autoptr(GError) error = NULL;

  if (!place_design (self, json, replace, &error))
    {
      show_error (self, error ? error->message : _("The visual could not be added."));
      return;
    }
  desk_editor_run_checks (self);
}

static void
open_design (DeskEditor *self,
             int         image,
             int         layer)
{
  g_autofree char *dir = desk_store_get_media_dir (self->store);
  const char *json = image >= 0 && (guint) image < self->attachments->len
    ? ((Attachment *) g_ptr_array_index (self->attachments, image))->design : NULL;
  DeskDesignDialog *dialog = desk_design_dialog_new (self->store, self->brand_id, self->palette, json, dir,
                                                     json != NULL ? image : -1);

  if (layer >= 0)
    desk_design_dialog_select_layer (dialog, layer);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_design_exported), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
design_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_design (DESK_EDITOR (widget), -1, -1);
}

/* Findings */

static void select_finding (DeskEditor *self, EditorFinding *finding);

static void
on_fix_clicked (GtkButton  *button,
                DeskEditor *self)
{
  desk_editor_apply_fix (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
on_finding_activated (GtkListBox    *box,
                      GtkListBoxRow *row,
                      DeskEditor    *self)
{
  guint index = (guint) gtk_list_box_row_get_index (row);

  if (index < self->findings->len)
    select_finding (self, g_ptr_array_index (self->findings, index));
}

static void
rebuild_findings_list (DeskEditor *self)
{
  GtkWidget *child;
  guint counts[3] = { 0 };
  g_autofree char *summary = NULL;
  g_autoptr(GString) signature = g_string_new (NULL);

  /* Typing rarely changes which findings there are, only their wording
   * (a length): then the rows stay and their texts are updated */
  for (guint i = 0; i < self->findings->len; i++)
    {
      DeskFinding *f = ((EditorFinding *) g_ptr_array_index (self->findings, i))->finding;

      g_string_append_printf (signature, "%s\x1f%s\x1f%s\x1e", f->id, f->target ? f->target : "",
                              f->fix ? f->fix : "");
    }
  if (g_strcmp0 (signature->str, self->findings_shown) == 0)
    {
      guint i = 0;

      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list));
           child != NULL && i < self->findings->len; child = gtk_widget_get_next_sibling (child), i++)
        {
          DeskFinding *f = ((EditorFinding *) g_ptr_array_index (self->findings, i))->finding;

          if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)), f->message) != 0)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (child), f->message);
        }
      return;
    }
  g_free (self->findings_shown);
  self->findings_shown = g_strdup (signature->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);
  for (guint i = 0; i < self->findings->len; i++)
    {
      EditorFinding *finding = g_ptr_array_index (self->findings, i);
      DeskFinding *f = finding->finding;
      GtkWidget *row = adw_action_row_new ();
      static const char * const severity_labels[] = { N_("Blocking"), N_("Warning"), N_("Tip") };
      static const char * const icons[] = { "dialog-error-symbolic", "dialog-warning-symbolic", "dialog-information-symbolic" };
      GtkWidget *icon = gtk_image_new_from_icon_name (icons[f->severity]);
      g_autofree char *title = g_strdup_printf ("%s · %s", _(severity_labels[f->severity]), f->target ? f->target : "");

      counts[f->severity]++;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), f->message);
      gtk_widget_add_css_class (icon, f->severity == DESK_SEVERITY_BLOCKING ? "error"
                                    : f->severity == DESK_SEVERITY_WARNING ? "warning" : "accent");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _(severity_labels[f->severity]), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show where it is"));
      if (f->fix != NULL)
        {
          GtkWidget *button = gtk_button_new_with_label (_("Fix"));
          g_autofree char *tip = desk_finding_describe_fix (f);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, tip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
          g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
          g_signal_connect (button, "clicked", G_CALLBACK (on_fix_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->findings_list, row);
    }
  if (self->findings->len == 0)
    summary = g_strdup (_("No problem found"));
  else
    {
      /* Translators: one part of the findings' summary "2 blocking, 1 warning, 0 tips" */
      g_autofree char *blocking = g_strdup_printf (ngettext ("%u blocking", "%u blocking", counts[0]), counts[0]);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", counts[1]), counts[1]);
      g_autofree char *tips = g_strdup_printf (ngettext ("%u tip", "%u tips", counts[2]), counts[2]);

      /* Translators: the findings' summary: blocking, warnings, tips */
      summary = g_strdup_printf (_("%s, %s, %s"), blocking, warnings, tips);
    }
  gtk_label_set_text (self->findings_summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_list), self->findings->len > 0);
}

static gint
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const EditorFinding *x = *(EditorFinding * const *) a;
  const EditorFinding *y = *(EditorFinding * const *) b;

  return (int) x->finding->severity - (int) y->finding->severity;
}

/**
 * desk_editor_run_checks:
 *
 * Runs the checks now: the shared text for the channels that use it, each
 * channel's own text for its network, the alt texts and the charter; adds
 * each visual's measured contrast.
 */
void
desk_editor_run_checks (DeskEditor *self)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);   /* per active channel */
  g_autofree char *shared_text = NULL;

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->post == NULL)
    return;
  g_ptr_array_set_size (self->findings, 0);

  /* The post as it will go out, checked as community-desk-cli checks it */
  shared_text = buffer_text (self->shared_buffer);
  desk_draft_set_text (self->draft, shared_text);
  desk_draft_set_charter (self->draft, self->charter_data, desk_post_get_campaign_id (self->post));
  desk_draft_set_utm (self->draft, gtk_check_button_get_active (self->utm_check), campaign_name (self));
  desk_draft_clear_alts (self->draft);
  for (guint i = 0; i < self->attachments->len; i++)
    desk_draft_add_alt (self->draft, attachment_alt (g_ptr_array_index (self->attachments, i)));
  desk_draft_clear_targets (self->draft);
  for (guint i = 0; i < self->active->len; i++)
    {
      gint64 id = g_array_index (self->active, gint64, i);
      DeskChannel *channel = find_channel (self, id);
      GtkTextBuffer *buffer = buffer_for (self, id);
      g_autofree char *own = NULL;

      if (channel == NULL)
        continue;
      own = buffer != self->shared_buffer ? buffer_text (buffer) : NULL;
      desk_draft_add_channel (self->draft, channel, own);
    }
  for (guint i = 0; i < self->active->len; i++)
    g_ptr_array_add (texts, desk_draft_dup_channel_text (self->draft, g_array_index (self->active, gint64, i)));

  {
    g_autoptr(GPtrArray) found = desk_draft_check (self->draft);

    for (guint i = 0; i < found->len; i++)
      {
        EditorFinding *finding = g_new0 (EditorFinding, 1);

        finding->finding = g_ptr_array_steal_index (found, i--);
        finding->channel_id = finding->finding->channel_id;
        finding->image = -1;
        g_ptr_array_add (self->findings, finding);
      }
  }

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      for (guint k = 0; attachment->design_findings != NULL && k < attachment->design_findings->len; k++)
        {
          DeskFinding *f = g_memdup2 (g_ptr_array_index (attachment->design_findings, k), sizeof (DeskFinding));
          EditorFinding *finding = g_new0 (EditorFinding, 1);

          f->message = g_strdup (f->message);
          f->fix = g_strdup (f->fix);
          f->target = g_strdup_printf (_("image %u, text layer %d"), i + 1, f->index + 1);
          finding->finding = f;
          finding->image = (int) i;
          g_ptr_array_add (self->findings, finding);
        }
    }
  g_ptr_array_sort (self->findings, compare_findings);

  mark_overflow (self);
  update_counters (self, texts);
  update_utm_label (self, texts);
  rebuild_findings_list (self);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->side_stack), "preview"))
    update_preview (self);
}

static gboolean
run_checks_cb (gpointer user_data)
{
  DeskEditor *self = user_data;

  self->check_id = 0;
  desk_editor_run_checks (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_checks (DeskEditor *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, run_checks_cb, self);
}

GPtrArray *
desk_editor_get_findings (DeskEditor *self)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < self->findings->len; i++)
    g_ptr_array_add (out, ((EditorFinding *) g_ptr_array_index (self->findings, i))->finding);
  return out;
}

static void
select_text_range (DeskEditor *self,
                   gint64      channel_id,
                   int         start,
                   int         end)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  GtkTextIter a, b;

  show_variant (self, channel_id);
  rebuild_variant_buttons (self);
  buffer = gtk_text_view_get_buffer (self->text_view);
  text = buffer_text (buffer);
  if (start < 0 || (gsize) end > strlen (text))
    return;
  {
    ByteCursor cursor = { text, 0, 0 };

    iter_at_byte (buffer, &cursor, start, &a);
    iter_at_byte (buffer, &cursor, MAX (start, end), &b);
  }
  gtk_text_buffer_select_range (buffer, &a, &b);
  gtk_text_view_scroll_to_iter (self->text_view, &a, 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
select_finding (DeskEditor    *self,
                EditorFinding *finding)
{
  DeskFinding *f = finding->finding;

  switch (f->place)
    {
    case DESK_PLACE_TEXT:
      select_text_range (self, finding->channel_id, f->start, f->end);
      break;
    case DESK_PLACE_IMAGE:
      if ((guint) f->index < self->attachments->len)
        {
          Attachment *attachment = g_ptr_array_index (self->attachments, f->index);
          if (attachment->alt_entry != NULL)
            gtk_widget_grab_focus (GTK_WIDGET (attachment->alt_entry));
        }
      break;
    case DESK_PLACE_LAYER:
      open_design (self, finding->image, f->index);
      break;
    case DESK_PLACE_NETWORK:
      if (f->start >= 0)
        select_text_range (self, finding->channel_id, f->start, f->end);
      break;
    case DESK_PLACE_NONE:
    default:
      break;
    }
}

/**
 * desk_editor_apply_fix:
 * @index: a finding of desk_editor_get_findings()
 *
 * Returns: whether the finding had a fix and it was applied
 */
gboolean
desk_editor_apply_fix (DeskEditor *self,
                       guint       index)
{
  EditorFinding *finding;
  DeskFinding *f;

  g_return_val_if_fail (DESK_IS_EDITOR (self), FALSE);
  if (index >= self->findings->len)
    return FALSE;
  finding = g_ptr_array_index (self->findings, index);
  f = finding->finding;
  if (f->fix == NULL)
    return FALSE;

  switch (f->place)
    {
    case DESK_PLACE_TEXT:
      {
        GtkTextBuffer *buffer = buffer_for (self, finding->channel_id);
        g_autofree char *text = buffer_text (buffer);
        GtkTextIter a, b;

        if (f->start < 0 || f->end < f->start || (gsize) f->end > strlen (text))
          return FALSE;
        gtk_text_buffer_begin_user_action (buffer);
        ByteCursor cursor = { text, 0, 0 };

        iter_at_byte (buffer, &cursor, f->start, &a);
        iter_at_byte (buffer, &cursor, f->end, &b);
        gtk_text_buffer_delete (buffer, &a, &b);
        gtk_text_buffer_insert (buffer, &a, f->fix, -1);
        gtk_text_buffer_end_user_action (buffer);
        break;
      }
    case DESK_PLACE_IMAGE:
      if ((guint) f->index >= self->attachments->len)
        return FALSE;
      desk_editor_set_alt (self, f->index, f->fix);
      break;
    case DESK_PLACE_LAYER:
      {
        Attachment *attachment;
        g_autofree char *dir = desk_store_get_media_dir (self->store);
        g_autoptr(DeskDesign) design = NULL;
        g_autofree char *json = NULL;
        int image = finding->image;

        if (image < 0 || (guint) image >= self->attachments->len)
          return FALSE;
        attachment = g_ptr_array_index (self->attachments, image);
        design = attachment->design ? desk_design_new_from_json (attachment->design, dir, NULL) : NULL;
        if (design == NULL || (guint) f->index >= desk_design_get_n_layers (design) ||
            !desk_design_apply_fix (design, f->index, f->fix))
          return FALSE;
        json = desk_design_to_json (design);
        if (!place_design (self, json, image, NULL))
          return FALSE;
        break;
      }
    case DESK_PLACE_NETWORK:
    case DESK_PLACE_NONE:
    default:
      return FALSE;
    }
  mark_dirty (self);
  desk_editor_run_checks (self);
  return TRUE;
}

/* Preview */

static void
update_preview (DeskEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->preview_dropdown);
  gint64 id;
  DeskChannel *channel;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  g_autoptr(GPtrArray) alts = g_ptr_array_new ();
  DeskPreviewInput input = { 0 };

  if (self->web_view == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->active->len)
    return;
  id = g_array_index (self->active, gint64, selected);
  channel = find_channel (self, id);
  if (channel == NULL)
    return;
  text = published_text (self, id);
  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      g_ptr_array_add (images, attachment->path);
      g_ptr_array_add (alts, (gpointer) attachment_alt (attachment));
    }
  input.network = desk_channel_get_network (channel);
  input.display_name = desk_channel_get_display_name (channel);
  input.handle = desk_channel_get_handle (channel);
  input.colour = desk_channel_get_colour (channel);
  input.text = text;
  input.images = images;
  input.alts = alts;
  input.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  html = desk_preview_html (&input);
  preview_load_html (self->web_view, html);
}

/* Opens the preview module (WebKitGTK) once; NULL and @error when it cannot */
static DeskWebPreviewNew
load_preview_module (GError **error)
{
  static GModule *module;
  static DeskWebPreviewNew preview_new;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("COMMUNITY_DESK_MODULE_DIR");

  if (preview_new != NULL)
    return preview_new;
  path = g_module_build_path (dir != NULL && dir[0] != '\0' ? dir : PKGLIBDIR, "desk-web-preview");
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL ||
      !g_module_symbol (module, "desk_web_preview_new", (gpointer *) &preview_new) ||
      !g_module_symbol (module, "desk_web_preview_load_html", (gpointer *) &preview_load_html))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The preview cannot start: %s"), g_module_error ());
      preview_new = NULL;
      return NULL;
    }
  g_module_make_resident (module);
  return preview_new;
}

static void
ensure_web_view (DeskEditor *self)
{
  g_autoptr(GError) error = NULL;
  DeskWebPreviewNew preview_new;

  if (self->web_view != NULL)
    return;
  preview_new = load_preview_module (&error);
  if (preview_new == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->preview_box, label);
      g_warning ("%s", error->message);
      return;
    }
  self->web_view = preview_new ();
  gtk_widget_set_vexpand (self->web_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the post"), -1);
  gtk_box_append (self->preview_box, self->web_view);
}

static void
rebuild_preview_choices (DeskEditor *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->active->len; i++)
    {
      DeskChannel *channel = find_channel (self, g_array_index (self->active, gint64, i));
      g_autofree char *label = channel ? channel_label (channel) : g_strdup ("?");

      gtk_string_list_append (list, label);
    }
  gtk_drop_down_set_model (self->preview_dropdown, G_LIST_MODEL (list));
}

void
desk_editor_show_preview (DeskEditor *self)
{
  gtk_stack_set_visible_child_name (self->side_stack, "preview");
}

GtkWidget *
desk_editor_get_preview (DeskEditor *self)
{
  return self->web_view;
}

static void
on_side_page_changed (DeskEditor *self)
{
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->side_stack), "preview"))
    return;
  ensure_web_view (self);
  rebuild_preview_choices (self);
  update_preview (self);
}

/* Snippets */

static void
on_snippet_activated (GtkListBox    *box,
                      GtkListBoxRow *row,
                      DeskEditor    *self)
{
  guint index = (guint) gtk_list_box_row_get_index (row);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  DeskSnippet *snippet;
  GtkTextIter iter;

  if (self->snippets == NULL || index >= self->snippets->len)
    return;
  snippet = g_ptr_array_index (self->snippets, index);
  if (snippet->hashtags)
    {
      /* Hashtag groups go at the end, after a blank line */
      g_autofree char *text = buffer_text (buffer);
      g_autofree char *insert = g_strconcat (text[0] != '\0' && !g_str_has_suffix (text, "\n") ? "\n\n" : "",
                                             snippet->body, NULL);

      gtk_text_buffer_get_end_iter (buffer, &iter);
      gtk_text_buffer_insert (buffer, &iter, insert, -1);
    }
  else
    gtk_text_buffer_insert_at_cursor (buffer, snippet->body, -1);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (box), GTK_TYPE_POPOVER)));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
rebuild_snippets (DeskEditor *self)
{
  GtkWidget *child;
  g_autoptr(GError) error = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->snippets_list))) != NULL)
    gtk_list_box_remove (self->snippets_list, child);
  g_clear_pointer (&self->snippets, g_ptr_array_unref);
  self->snippets = desk_store_list_snippets (self->store, self->brand_id, &error);
  if (self->snippets == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < self->snippets->len; i++)
    {
      DeskSnippet *snippet = g_ptr_array_index (self->snippets, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), snippet->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), snippet->body);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (snippet->hashtags ? "tag-symbolic" : "edit-paste-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->snippets_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->snippets_list), self->snippets->len > 0);
}

static void
save_snippet_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->snippet_name_entry))));
  GtkTextIter a, b;
  DeskSnippet snippet = { 0 };

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    gtk_text_buffer_get_bounds (buffer, &a, &b);
  body = g_strstrip (gtk_text_buffer_get_text (buffer, &a, &b, FALSE));
  if (body[0] == '\0')
    {
      show_error (self, _("Select the text to keep as a snippet first."));
      return;
    }
  if (name[0] == '\0')
    {
      g_free (name);
      name = g_utf8_substring (body, 0, MIN (30, g_utf8_strlen (body, -1)));
    }
  snippet.name = name;
  snippet.body = body;
  snippet.hashtags = g_regex_match_simple ("^(#[\\p{L}\\p{N}_]+\\s*)+$", body, 0, 0);
  if (!desk_store_save_snippet (self->store, self->brand_id, &snippet, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->snippet_name_entry), "");
  rebuild_snippets (self);
}

/* Campaign: the charter's campaign rules and the links' utm_campaign */

static void
rebuild_campaigns (DeskEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) campaigns = desk_store_list_campaigns (self->store, self->brand_id, &error);
  gint64 none = 0, current = desk_post_get_campaign_id (self->post);
  guint selected = 0;

  if (campaigns == NULL)
    desk_report_error (GTK_WIDGET (self), error);

  g_array_set_size (self->campaign_ids, 0);
  g_array_append_val (self->campaign_ids, none);
  gtk_string_list_append (names, _("No Campaign"));
  for (guint i = 0; campaigns != NULL && i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(DeskCampaign) campaign = g_list_model_get_item (campaigns, i);
      gint64 id = desk_campaign_get_id (campaign);

      if (id == current)
        selected = self->campaign_ids->len;
      g_array_append_val (self->campaign_ids, id);
      gtk_string_list_append (names, desk_campaign_get_name (campaign));
    }
  gtk_drop_down_set_model (self->campaign_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->campaign_dropdown, selected);
}

static void
on_campaign_selected (DeskEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->campaign_dropdown);

  if (self->loading || self->post == NULL || selected >= self->campaign_ids->len)
    return;
  desk_post_set_campaign_id (self->post, g_array_index (self->campaign_ids, gint64, selected));
  mark_dirty (self);
}

/* Loading and saving */

static void
update_schedule_label (DeskEditor *self)
{
  GDateTime *at = self->post ? desk_post_get_scheduled_at (self->post) : NULL;
  g_autofree char *label = NULL;
  g_autofree char *a11y = NULL;

  if (at == NULL)
    label = g_strdup (_("Not Scheduled"));
  else
    {
      g_autoptr(GDateTime) local = desk_time_to_local (at);
      /* Translators: the post's date and time on the schedule button, strftime format */
      label = g_date_time_format (local, _("%a %-d %b, %H:%M"));
    }
  gtk_menu_button_set_label (self->schedule_button, label);
  /* GTK 4.8 names only the button inside, not the menu button */
  a11y = g_strdup_printf (C_("accessible name", "%s: %s"), _("Schedule"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->schedule_button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

DeskPost *
desk_editor_get_post (DeskEditor *self)
{
  return self->post;
}

gboolean
desk_editor_is_dirty (DeskEditor *self)
{
  return self->dirty;
}

GtkTextView *
desk_editor_get_text_view (DeskEditor *self)
{
  return self->text_view;
}

/**
 * desk_editor_load:
 * @post: (nullable): the post to edit, %NULL for a new one
 */
gboolean
desk_editor_load (DeskEditor  *self,
                  gint64       brand_id,
                  DeskPost    *post,
                  GError     **error)
{
  g_autoptr(DeskBrand) brand = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GListModel) channels = NULL;

  g_return_val_if_fail (DESK_IS_EDITOR (self), FALSE);

  /* What was typed in the previous post is kept */
  if (self->dirty && !desk_editor_save (self, error))
    return FALSE;

  channels = desk_store_list_channels (self->store, brand_id, error);
  brand = channels ? desk_store_get_brand (self->store, brand_id, error) : NULL;
  if (brand == NULL)
    return FALSE;
  if (post != NULL && desk_post_get_id (post) != 0)
    {
      texts = desk_store_list_variant_texts (self->store, desk_post_get_id (post), error);
      stored = texts ? desk_store_list_attachments (self->store, desk_post_get_id (post), error) : NULL;
      if (stored == NULL)
        return FALSE;
    }

  self->loading = TRUE;
  g_set_object (&self->channels, channels);
  self->brand_id = brand_id;
  g_clear_pointer (&self->palette, g_free);
  g_clear_pointer (&self->charter_data, g_free);
  self->palette = g_strdup (desk_brand_get_palette (brand));
  self->charter_data = g_strdup (desk_brand_get_charter (brand));

  g_clear_object (&self->post);
  if (post != NULL)
    self->post = desk_post_copy (post);
  else
    {
      self->post = desk_post_new ();
      desk_post_set_brand_id (self->post, brand_id);
      desk_post_set_status (self->post, DESK_POST_STATUS_DRAFT);
    }

  g_array_set_size (self->active, 0);
  {
    guint n;
    const gint64 *ids = desk_post_get_channel_ids (self->post, &n);

    g_array_append_vals (self->active, ids, n);
  }
  if (post == NULL)
    for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
      {
        g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
        gint64 id = desk_channel_get_id (channel);

        g_array_append_val (self->active, id);
      }

  gtk_text_buffer_set_text (self->shared_buffer, desk_post_get_body (self->post) ? desk_post_get_body (self->post) : "", -1);
  g_hash_table_remove_all (self->own_buffers);
  if (texts != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, texts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GtkTextBuffer *own = new_buffer (self);

          gtk_text_buffer_set_text (own, value, -1);
          g_hash_table_insert (self->own_buffers, g_memdup2 (key, sizeof (gint64)), own);
        }
    }

  g_ptr_array_set_size (self->attachments, 0);
  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      DeskAttachment *from = g_ptr_array_index (stored, i);
      Attachment *attachment = g_new0 (Attachment, 1);

      attachment->media_id = from->media_id;
      attachment->path = g_strdup (from->path);
      attachment->alt = g_strdup (from->alt);
      attachment->design = g_strdup (from->design);
      g_ptr_array_add (self->attachments, attachment);
      if (attachment->design != NULL)
        measure_design (self, attachment);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), desk_post_get_title (self->post) ? desk_post_get_title (self->post) : "");
  rebuild_campaigns (self);
  gtk_drop_down_set_selected (self->status_dropdown, desk_post_get_status (self->post));
  update_schedule_label (self);
  self->current = 0;
  rebuild_channels (self);
  rebuild_variant_buttons (self);
  show_variant (self, 0);
  rebuild_images (self);
  rebuild_snippets (self);
  rebuild_preview_choices (self);
  show_error (self, NULL);
  self->loading = FALSE;
  self->dirty = FALSE;
  desk_editor_run_checks (self);
  return TRUE;
}

/**
 * desk_editor_save:
 *
 * Saves the post, its channels' own texts and its images in one
 * transaction. On failure nothing typed is lost: the editor keeps it and
 * shows why.
 */
gboolean
desk_editor_save (DeskEditor  *self,
                  GError     **error)
{
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_attachment_free);
  g_autoptr(GError) local = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint status;

  g_return_val_if_fail (DESK_IS_EDITOR (self), FALSE);
  if (self->post == NULL)
    return TRUE;

  body = buffer_text (self->shared_buffer);
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  desk_post_set_body (self->post, body);
  desk_post_set_title (self->post, title);
  desk_post_set_channel_ids (self->post, (const gint64 *) self->active->data, self->active->len);
  status = gtk_drop_down_get_selected (self->status_dropdown);
  if (status <= DESK_POST_STATUS_LAST)
    desk_post_set_status (self->post, status);

  g_hash_table_iter_init (&iter, self->own_buffers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (is_active (self, *(gint64 *) key))
      g_hash_table_insert (overrides, g_memdup2 (key, sizeof (gint64)), buffer_text (value));
  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *from = g_ptr_array_index (self->attachments, i);
      DeskAttachment *attachment = g_new0 (DeskAttachment, 1);

      attachment->media_id = from->media_id;
      attachment->alt = g_strstrip (g_strdup (attachment_alt (from)));
      attachment->design = g_strdup (from->design);
      g_ptr_array_add (attachments, attachment);
    }

  if (!desk_store_save_post_content (self->store, self->post, overrides, attachments, &local))
    {
      /* Deleted elsewhere (another window, the command line) while open
       * here: what is in the editor is kept, as a new post */
      if (g_error_matches (local, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND) && desk_post_get_id (self->post) != 0)
        {
          g_clear_error (&local);
          desk_post_set_id (self->post, 0);
          if (desk_store_save_post_content (self->store, self->post, overrides, attachments, &local))
            {
              show_error (self, _("This post had been deleted elsewhere; the editor saved it again as a new post."));
              self->dirty = FALSE;
              return TRUE;
            }
        }
      show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  show_error (self, NULL);
  self->dirty = FALSE;
  return TRUE;
}

static gboolean
autosave_cb (gpointer user_data)
{
  DeskEditor *self = user_data;

  if (self->dirty && !self->loading)
    desk_editor_save (self, NULL);
  return G_SOURCE_CONTINUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  desk_editor_save (DESK_EDITOR (widget), NULL);
}

static void
insert_emoji_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  g_signal_emit_by_name (self->text_view, "insert-emoji");
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (self->post == NULL)
    return;
  at = desk_time_at_local (day, gtk_spin_button_get_value_as_int (self->hour_spin),
                           gtk_spin_button_get_value_as_int (self->minute_spin));
  utc = g_date_time_to_utc (at);
  desk_post_set_scheduled_at (self->post, utc);
  if (desk_post_get_status (self->post) < DESK_POST_STATUS_SCHEDULED &&
      gtk_drop_down_get_selected (self->status_dropdown) < DESK_POST_STATUS_APPROVED)
    {
      /* A dated post is at least a draft */
      if (gtk_drop_down_get_selected (self->status_dropdown) == DESK_POST_STATUS_IDEA)
        gtk_drop_down_set_selected (self->status_dropdown, DESK_POST_STATUS_DRAFT);
    }
  update_schedule_label (self);
  gtk_popover_popdown (self->schedule_popover);
  self->dirty = TRUE;
  desk_editor_save (self, NULL);
}

static void
unschedule_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);

  if (self->post == NULL)
    return;
  desk_post_set_scheduled_at (self->post, NULL);
  update_schedule_label (self);
  gtk_popover_popdown (self->schedule_popover);
  self->dirty = TRUE;
  desk_editor_save (self, NULL);
}

static void
on_schedule_shown (DeskEditor *self)
{
  GDateTime *at = self->post ? desk_post_get_scheduled_at (self->post) : NULL;
  g_autoptr(GDateTime) local = at ? desk_time_to_local (at) : desk_time_now ();

  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, at ? g_date_time_get_hour (local) : 10);
  gtk_spin_button_set_value (self->minute_spin, at ? g_date_time_get_minute (local) : 0);
}

char *
desk_editor_dup_counter_text (DeskEditor  *self,
                              DeskNetwork  network)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->counters_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *id = g_object_get_data (G_OBJECT (label), "network");

      if (g_strcmp0 (id, desk_network_to_id (network)) == 0)
        return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
    }
  return NULL;
}

gboolean
desk_editor_text_has_overflow_mark (DeskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "overflow");
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  return gtk_text_iter_has_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag);
}

static void
desk_editor_unmap (GtkWidget *widget)
{
  DeskEditor *self = DESK_EDITOR (widget);

  /* Leaving the page (or closing the window) saves */
  if (self->dirty)
    desk_editor_save (self, NULL);
  GTK_WIDGET_CLASS (desk_editor_parent_class)->unmap (widget);
}

static void
desk_editor_dispose (GObject *object)
{
  DeskEditor *self = DESK_EDITOR (object);

  if (self->dirty)
    desk_editor_save (self, NULL);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_EDITOR);
  g_clear_object (&self->post);
  g_clear_object (&self->channels);
  g_clear_object (&self->store);
  g_clear_object (&self->shared_buffer);
  g_clear_pointer (&self->own_buffers, g_hash_table_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->snippets, g_ptr_array_unref);
  G_OBJECT_CLASS (desk_editor_parent_class)->dispose (object);
}

static void
desk_editor_finalize (GObject *object)
{
  DeskEditor *self = DESK_EDITOR (object);

  g_free (self->palette);
  g_free (self->charter_data);
  g_clear_object (&self->draft);
  g_free (self->findings_shown);
  g_free (self->counters_shown);
  g_array_unref (self->active);
  g_array_unref (self->campaign_ids);
  G_OBJECT_CLASS (desk_editor_parent_class)->finalize (object);
}

static void
desk_editor_class_init (DeskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_editor_dispose;
  object_class->finalize = desk_editor_finalize;
  widget_class->unmap = desk_editor_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, paned);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, schedule_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, desk_time_spin_two_digits_output_cb);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, channels_box);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, variant_buttons);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, own_text_check);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, utm_check);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, utm_label);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, counters_box);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, snippets_list);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, snippet_name_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, images_hint);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, images_list);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, alt_grid);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, side_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, findings_summary);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, findings_list);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, preview_box);
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, preview_dropdown);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.insert-emoji", NULL, insert_emoji_action);
  gtk_widget_class_install_action (widget_class, "editor.add-images", NULL, add_images_action);
  gtk_widget_class_install_action (widget_class, "editor.design", NULL, design_action);
  gtk_widget_class_install_action (widget_class, "editor.save-snippet", NULL, save_snippet_action);
  gtk_widget_class_install_action (widget_class, "editor.schedule", NULL, schedule_action);
  gtk_widget_class_install_action (widget_class, "editor.unschedule", NULL, unschedule_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, GDK_CONTROL_MASK, "editor.insert-emoji", NULL);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
desk_editor_init (DeskEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->draft = desk_draft_new ();
  desk_drop_down_set_accessible_label (self->campaign_dropdown, _("Campaign"));
  desk_drop_down_set_accessible_label (self->status_dropdown, _("Status"));
  desk_drop_down_set_accessible_label (self->preview_dropdown, _("Preview for"));
  self->active = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->own_buffers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) editor_finding_free);
  self->shared_buffer = new_buffer (self);
  gtk_text_view_set_buffer (self->text_view, self->shared_buffer);

  for (guint s = 0; s <= DESK_POST_STATUS_LAST; s++)
    gtk_string_list_append (statuses, desk_post_status_to_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  g_signal_connect_swapped (self->own_text_check, "toggled", G_CALLBACK (on_own_text_toggled), self);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->campaign_dropdown, "notify::selected", G_CALLBACK (on_campaign_selected), self);
  g_signal_connect_swapped (self->utm_check, "toggled", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->schedule_popover, "show", G_CALLBACK (on_schedule_shown), self);
  g_signal_connect (self->findings_list, "row-activated", G_CALLBACK (on_finding_activated), self);
  g_signal_connect (self->snippets_list, "row-activated", G_CALLBACK (on_snippet_activated), self);
  g_signal_connect_swapped (self->side_stack, "notify::visible-child-name", G_CALLBACK (on_side_page_changed), self);
  g_signal_connect_swapped (self->preview_dropdown, "notify::selected", G_CALLBACK (update_preview), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->autosave_id = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_cb, self);
  update_schedule_label (self);
}

DeskEditor *
desk_editor_new (DeskStore *store)
{
  DeskEditor *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  self = g_object_new (DESK_TYPE_EDITOR, NULL);
  self->store = g_object_ref (store);
  return self;
}
