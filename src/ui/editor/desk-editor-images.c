/* desk-editor-images.c: the editor's images, their alt texts and designs
 *
 * Images are copied into the workspace; each has an alt text (pre-filled
 * from the image's own description) and a table says which networks
 * receive it. A designed visual's contrast is measured on its pixels in a
 * worker thread when it is exported or the post opened.
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
      DeskChannel *channel = _desk_editor_find_channel (self, g_array_index (self->active, gint64, i));
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
  _desk_editor_mark_dirty (self);
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
  _desk_editor_rebuild_images (self);
  _desk_editor_mark_dirty (self);
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
  _desk_editor_rebuild_images (self);
  _desk_editor_mark_dirty (self);
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

void
_desk_editor_rebuild_images (DeskEditor *self)
{
  GtkWidget *child;
  guint max_alt = 0;

  keep_alts (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->images_list))) != NULL)
    gtk_list_box_remove (self->images_list, child);
  for (guint i = 0; i < self->active->len; i++)
    {
      DeskChannel *channel = _desk_editor_find_channel (self, g_array_index (self->active, gint64, i));
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
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), _desk_editor_attachment_alt (attachment));
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
      _desk_editor_attachment_free (attachment);
      return FALSE;
    }
  g_ptr_array_add (self->attachments, attachment);
  _desk_editor_rebuild_images (self);
  _desk_editor_mark_dirty (self);
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
      _desk_editor_mark_dirty (self);
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
            _desk_editor_show_error (self, error ? error->message : _("This file cannot be read."));
        }
    }
  g_object_unref (native);
  g_object_unref (self);
}

void
_desk_editor_add_images_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  DeskEditor *self = DESK_EDITOR (widget);
  GtkFileChooserNative *native = desk_image_chooser_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                        _("Add Images"), _("_Add"), TRUE);

  g_signal_connect (native, "response", G_CALLBACK (on_native_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

gboolean
_desk_editor_on_drop (GtkDropTarget *target,
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
        _desk_editor_show_error (self, error ? error->message : _("This file cannot be read."));
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

void
_desk_editor_measure_design (DeskEditor *self,
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
gboolean
_desk_editor_place_design (DeskEditor  *self,
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
  if (_desk_editor_attachment_alt (attachment)[0] == '\0')
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
  _desk_editor_measure_design (self, attachment);
  _desk_editor_rebuild_images (self);
  _desk_editor_mark_dirty (self);
  return TRUE;
}

gboolean
desk_editor_add_design (DeskEditor  *self,
                        const char  *json,
                        GError     **error)
{
  return _desk_editor_place_design (self, json, -1, error);
}

static void
on_design_exported (DeskEditor *self,
                    const char *json,
                    int         replace)
{
  g_autoptr(GError) error = NULL;

  if (!_desk_editor_place_design (self, json, replace, &error))
    {
      _desk_editor_show_error (self, error ? error->message : _("The visual could not be added."));
      return;
    }
  desk_editor_run_checks (self);
}

void
_desk_editor_open_design (DeskEditor *self,
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

void
_desk_editor_design_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  _desk_editor_open_design (DESK_EDITOR (widget), -1, -1);
}
