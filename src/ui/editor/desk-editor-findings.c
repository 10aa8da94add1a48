/* desk-editor-findings.c: the editor's checks, their list and their fixes
 *
 * The draft (src/core/desk-draft.c) is checked 25 ms after the last
 * keystroke; each finding selects what it is about and may be fixed with
 * one click.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-a11y.h"
#include "desk-design.h"
#include "desk-design-dialog.h"
#include "desk-editor-private.h"
#include "desk-image-chooser.h"
#include "desk-media.h"
#include "desk-text-count.h"

/* Findings */

static void select_finding (DeskEditor *self, EditorFinding *finding);

static void
on_fix_clicked (GtkButton  *button,
                DeskEditor *self)
{
  desk_editor_apply_fix (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

void
_desk_editor_on_finding_activated (GtkListBox    *box,
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
  shared_text = _desk_editor_buffer_text (self->shared_buffer);
  desk_draft_set_text (self->draft, shared_text);
  desk_draft_set_charter (self->draft, self->charter_data, desk_post_get_campaign_id (self->post));
  desk_draft_set_utm (self->draft, gtk_check_button_get_active (self->utm_check), _desk_editor_campaign_name (self));
  desk_draft_clear_alts (self->draft);
  for (guint i = 0; i < self->attachments->len; i++)
    desk_draft_add_alt (self->draft, _desk_editor_attachment_alt (g_ptr_array_index (self->attachments, i)));
  desk_draft_clear_targets (self->draft);
  for (guint i = 0; i < self->active->len; i++)
    {
      gint64 id = g_array_index (self->active, gint64, i);
      DeskChannel *channel = _desk_editor_find_channel (self, id);
      GtkTextBuffer *buffer = _desk_editor_buffer_for (self, id);
      g_autofree char *own = NULL;

      if (channel == NULL)
        continue;
      own = buffer != self->shared_buffer ? _desk_editor_buffer_text (buffer) : NULL;
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

  _desk_editor_mark_overflow (self);
  _desk_editor_update_counters (self, texts);
  _desk_editor_update_utm_label (self, texts);
  rebuild_findings_list (self);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->side_stack), "preview"))
    _desk_editor_update_preview (self);
}

static gboolean
run_checks_cb (gpointer user_data)
{
  DeskEditor *self = user_data;

  self->check_id = 0;
  desk_editor_run_checks (self);
  return G_SOURCE_REMOVE;
}

void
_desk_editor_schedule_checks (DeskEditor *self)
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

  _desk_editor_show_variant (self, channel_id);
  _desk_editor_rebuild_variant_buttons (self);
  buffer = gtk_text_view_get_buffer (self->text_view);
  text = _desk_editor_buffer_text (buffer);
  if (start < 0 || (gsize) end > strlen (text))
    return;
  {
    ByteCursor cursor = { text, 0, 0 };

    _desk_editor_iter_at_byte (buffer, &cursor, start, &a);
    _desk_editor_iter_at_byte (buffer, &cursor, MAX (start, end), &b);
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
      _desk_editor_open_design (self, finding->image, f->index);
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
        GtkTextBuffer *buffer = _desk_editor_buffer_for (self, finding->channel_id);
        g_autofree char *text = _desk_editor_buffer_text (buffer);
        GtkTextIter a, b;

        if (f->start < 0 || f->end < f->start || (gsize) f->end > strlen (text))
          return FALSE;
        gtk_text_buffer_begin_user_action (buffer);
        ByteCursor cursor = { text, 0, 0 };

        _desk_editor_iter_at_byte (buffer, &cursor, f->start, &a);
        _desk_editor_iter_at_byte (buffer, &cursor, f->end, &b);
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
        if (!_desk_editor_place_design (self, json, image, NULL))
          return FALSE;
        break;
      }
    case DESK_PLACE_NETWORK:
    case DESK_PLACE_NONE:
    default:
      return FALSE;
    }
  _desk_editor_mark_dirty (self);
  desk_editor_run_checks (self);
  return TRUE;
}
