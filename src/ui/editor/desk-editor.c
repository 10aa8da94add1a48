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
 * The class spreads over companion files sharing desk-editor-private.h:
 * desk-editor-images.c (images, alt texts, designs) and
 * desk-editor-findings.c (the checks' list and fixes).
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
#include "desk-editor-private.h"
#include "desk-draft.h"
#include "desk-report-error.h"
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

G_DEFINE_FINAL_TYPE (DeskEditor, desk_editor, GTK_TYPE_WIDGET)

static DeskWebPreviewLoadHtml preview_load_html;   /* from the preview module */

void
_desk_editor_attachment_free (Attachment *attachment)
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

void
_desk_editor_show_error (DeskEditor *self,
                         const char *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

const char *
_desk_editor_attachment_alt (Attachment *attachment)
{
  return attachment->alt_entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (attachment->alt_entry))
                                       : attachment->alt ? attachment->alt : "";
}

/* Channels */

DeskChannel *
_desk_editor_find_channel (DeskEditor *self,
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

GtkTextBuffer *
_desk_editor_buffer_for (DeskEditor *self,
                         gint64      channel_id)
{
  GtkTextBuffer *own = channel_id != 0 ? g_hash_table_lookup (self->own_buffers, &channel_id) : NULL;

  return own != NULL ? own : self->shared_buffer;
}

char *
_desk_editor_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The post's campaign, as the campaign drop-down shows it */
const char *
_desk_editor_campaign_name (DeskEditor *self)
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
  g_autofree char *text = _desk_editor_buffer_text (_desk_editor_buffer_for (self, channel_id));
  DeskChannel *channel = _desk_editor_find_channel (self, channel_id);

  if (channel == NULL || !gtk_check_button_get_active (self->utm_check))
    return g_steal_pointer (&text);
  return desk_utm_tag_links (text, desk_network_to_id (desk_channel_get_network (channel)), _desk_editor_campaign_name (self));
}


void
_desk_editor_iter_at_byte (GtkTextBuffer *buffer,
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
  g_autofree char *text = _desk_editor_buffer_text (buffer);
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
          _desk_editor_iter_at_byte (buffer, &cursor, s, &a);
          _desk_editor_iter_at_byte (buffer, &cursor, e, &b);
          gtk_text_buffer_apply_tag_by_name (buffer, kinds[k].tag, &a, &b);
          g_match_info_next (match, NULL);
        }
    }
}

/* Marks, in the shown text, where the first network using it overflows */
void
_desk_editor_mark_overflow (DeskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = _desk_editor_buffer_text (buffer);
  GtkTextIter start, end;
  gssize first = -1;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "overflow", &start, &end);
  for (guint i = 0; i < self->active->len; i++)
    {
      gint64 id = g_array_index (self->active, gint64, i);
      DeskChannel *channel = _desk_editor_find_channel (self, id);
      DeskTextCount count;

      if (channel == NULL || _desk_editor_buffer_for (self, id) != buffer)
        continue;
      desk_text_count (desk_channel_get_network (channel), text, &count);
      if (count.overflow_offset >= 0 && (first < 0 || count.overflow_offset < first))
        first = count.overflow_offset;
    }
  if (first >= 0)
    {
      ByteCursor cursor = { text, 0, 0 };

      _desk_editor_iter_at_byte (buffer, &cursor, (int) first, &start);
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
void
_desk_editor_update_counters (DeskEditor *self,
                              GPtrArray  *texts)
{
  g_autoptr(GArray) counters = g_array_new (FALSE, TRUE, sizeof (Counter));
  g_autoptr(GString) signature = g_string_new (NULL);
  GtkWidget *child;

  g_array_set_clear_func (counters, (GDestroyNotify) counter_clear);
  for (guint i = 0; i < self->active->len; i++)
    {
      gint64 id = g_array_index (self->active, gint64, i);
      DeskChannel *channel = _desk_editor_find_channel (self, id);
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

void
_desk_editor_update_utm_label (DeskEditor *self,
                               GPtrArray  *texts)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  if (gtk_check_button_get_active (self->utm_check))
    for (guint i = 0; i < self->active->len; i++)
      {
        gint64 id = g_array_index (self->active, gint64, i);
        const char *tagged = g_ptr_array_index (texts, i);
        DeskChannel *channel = _desk_editor_find_channel (self, id);
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

void
_desk_editor_mark_dirty (DeskEditor *self)
{
  if (self->loading || self->post == NULL)
    return;
  self->dirty = TRUE;
  _desk_editor_schedule_checks (self);
}

static void
on_buffer_changed (DeskEditor    *self,
                   GtkTextBuffer *buffer)
{
  highlight (self, buffer);
  _desk_editor_mark_dirty (self);
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


static void
on_variant_toggled (GtkToggleButton *button,
                    DeskEditor      *self)
{
  if (gtk_toggle_button_get_active (button))
    _desk_editor_show_variant (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "channel-id"));
}

void
_desk_editor_rebuild_variant_buttons (DeskEditor *self)
{
  GtkWidget *child;
  GtkToggleButton *group = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->variant_buttons))) != NULL)
    gtk_box_remove (self->variant_buttons, child);

  for (int i = -1; i < (int) self->active->len; i++)
    {
      gint64 id = i < 0 ? 0 : g_array_index (self->active, gint64, i);
      DeskChannel *channel = id != 0 ? _desk_editor_find_channel (self, id) : NULL;
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

void
_desk_editor_show_variant (DeskEditor *self,
                           gint64      channel_id)
{
  GtkTextBuffer *buffer;

  if (channel_id != 0 && !is_active (self, channel_id))
    channel_id = 0;
  self->current = channel_id;
  buffer = _desk_editor_buffer_for (self, channel_id);
  if (gtk_text_view_get_buffer (self->text_view) != buffer)
    gtk_text_view_set_buffer (self->text_view, buffer);
  g_signal_handlers_block_matched (self->own_text_check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_check_button_set_active (self->own_text_check, channel_id != 0 && buffer != self->shared_buffer);
  g_signal_handlers_unblock_matched (self->own_text_check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->own_text_check), channel_id != 0);
  _desk_editor_mark_overflow (self);
}

static void
on_own_text_toggled (DeskEditor *self)
{
  gint64 id = self->current;

  if (id == 0)
    return;
  if (gtk_check_button_get_active (self->own_text_check))
    {
      g_autofree char *text = _desk_editor_buffer_text (self->shared_buffer);
      GtkTextBuffer *own = new_buffer (self);

      gtk_text_buffer_set_text (own, text, -1);
      g_hash_table_insert (self->own_buffers, g_memdup2 (&id, sizeof id), own);
    }
  else
    g_hash_table_remove (self->own_buffers, &id);
  _desk_editor_rebuild_variant_buttons (self);
  _desk_editor_show_variant (self, id);
  _desk_editor_mark_dirty (self);
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
  if (active == is_active (self, channel_id) || (active && _desk_editor_find_channel (self, channel_id) == NULL))
    return;
  if (active)
    g_array_append_val (self->active, channel_id);
  else
    for (guint i = 0; i < self->active->len; i++)
      if (g_array_index (self->active, gint64, i) == channel_id)
        g_array_remove_index (self->active, i--);
  _desk_editor_rebuild_variant_buttons (self);
  _desk_editor_show_variant (self, self->current);
  _desk_editor_mark_dirty (self);
}

/* Preview */

void
_desk_editor_update_preview (DeskEditor *self)
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
  channel = _desk_editor_find_channel (self, id);
  if (channel == NULL)
    return;
  text = published_text (self, id);
  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      g_ptr_array_add (images, attachment->path);
      g_ptr_array_add (alts, (gpointer) _desk_editor_attachment_alt (attachment));
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
      DeskChannel *channel = _desk_editor_find_channel (self, g_array_index (self->active, gint64, i));
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
  _desk_editor_update_preview (self);
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
      g_autofree char *text = _desk_editor_buffer_text (buffer);
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
      _desk_editor_show_error (self, error->message);
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
      _desk_editor_show_error (self, _("Select the text to keep as a snippet first."));
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
      _desk_editor_show_error (self, error->message);
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
  _desk_editor_mark_dirty (self);
}

/* Loading and saving */

static void
update_schedule_label (DeskEditor *self)
{
  GDateTime *at = self->post ? desk_post_get_scheduled_at (self->post) : NULL;
  g_autofree char *label = NULL;
  g_autofree char *a11y = NULL;
  g_autofree char *zone = desk_time_describe_zone (at);

  if (at == NULL)
    label = g_strdup (_("Not Scheduled"));
  else
    {
      g_autoptr(GDateTime) local = desk_time_to_local (at);
      /* Translators: the post's date and time on the schedule button, strftime format */
      label = g_date_time_format (local, _("%a %-d %b, %H:%M"));
    }
  if (zone != NULL)
    {
      g_autofree char *city = desk_time_zone_city ();
      /* Translators: the schedule button's label, then the brand's city
       * when its timezone is not the computer's ("Fri 30 Oct, 09:00 ·
       * Montreal") */
      g_autofree char *with_city = g_strdup_printf (_("%s · %s"), label, city);

      g_free (label);
      label = g_steal_pointer (&with_city);
    }
  gtk_menu_button_set_label (self->schedule_button, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->schedule_button), zone);
  /* GTK 4.8 names only the button inside, not the menu button */
  if (zone != NULL)
    a11y = g_strdup_printf (C_("accessible name", "%s: %s, %s"), _("Schedule"), label, zone);
  else
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
  desk_draft_set_brand_language (self->draft, desk_brand_get_language (brand));

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
        _desk_editor_measure_design (self, attachment);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), desk_post_get_title (self->post) ? desk_post_get_title (self->post) : "");
  rebuild_campaigns (self);
  gtk_drop_down_set_selected (self->status_dropdown, desk_post_get_status (self->post));
  update_schedule_label (self);
  desk_sends_group_set_post (self->sends_group, desk_post_get_id (self->post), brand_id);
  self->current = 0;
  rebuild_channels (self);
  _desk_editor_rebuild_variant_buttons (self);
  _desk_editor_show_variant (self, 0);
  _desk_editor_rebuild_images (self);
  rebuild_snippets (self);
  rebuild_preview_choices (self);
  _desk_editor_show_error (self, NULL);
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

  body = _desk_editor_buffer_text (self->shared_buffer);
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
      g_hash_table_insert (overrides, g_memdup2 (key, sizeof (gint64)), _desk_editor_buffer_text (value));
  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *from = g_ptr_array_index (self->attachments, i);
      DeskAttachment *attachment = g_new0 (DeskAttachment, 1);

      attachment->media_id = from->media_id;
      attachment->alt = g_strstrip (g_strdup (_desk_editor_attachment_alt (from)));
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
              _desk_editor_show_error (self, _("This post had been deleted elsewhere; the editor saved it again as a new post."));
              self->dirty = FALSE;
              return TRUE;
            }
        }
      _desk_editor_show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  _desk_editor_show_error (self, NULL);
  self->dirty = FALSE;
  /* A new post has its id now: its sends show as they come */
  desk_sends_group_set_post (self->sends_group, desk_post_get_id (self->post), self->brand_id);
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

  g_type_ensure (DESK_TYPE_SENDS_GROUP);
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
  gtk_widget_class_bind_template_child (widget_class, DeskEditor, sends_group);
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
  gtk_widget_class_install_action (widget_class, "editor.add-images", NULL, _desk_editor_add_images_action);
  gtk_widget_class_install_action (widget_class, "editor.design", NULL, _desk_editor_design_action);
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
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) _desk_editor_attachment_free);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) editor_finding_free);
  self->shared_buffer = new_buffer (self);
  gtk_text_view_set_buffer (self->text_view, self->shared_buffer);

  for (guint s = 0; s <= DESK_POST_STATUS_LAST; s++)
    gtk_string_list_append (statuses, desk_post_status_to_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  g_signal_connect_swapped (self->own_text_check, "toggled", G_CALLBACK (on_own_text_toggled), self);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (_desk_editor_mark_dirty), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (_desk_editor_mark_dirty), self);
  g_signal_connect_swapped (self->campaign_dropdown, "notify::selected", G_CALLBACK (on_campaign_selected), self);
  g_signal_connect_swapped (self->utm_check, "toggled", G_CALLBACK (_desk_editor_mark_dirty), self);
  g_signal_connect_swapped (self->schedule_popover, "show", G_CALLBACK (on_schedule_shown), self);
  g_signal_connect (self->findings_list, "row-activated", G_CALLBACK (_desk_editor_on_finding_activated), self);
  g_signal_connect (self->snippets_list, "row-activated", G_CALLBACK (on_snippet_activated), self);
  g_signal_connect_swapped (self->side_stack, "notify::visible-child-name", G_CALLBACK (on_side_page_changed), self);
  g_signal_connect_swapped (self->preview_dropdown, "notify::selected", G_CALLBACK (_desk_editor_update_preview), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (_desk_editor_on_drop), self);
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
  desk_sends_group_set_store (self->sends_group, store);
  return self;
}
