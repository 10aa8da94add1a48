/* desk-saved-replies-dialog.c: a brand's saved replies, managed
 *
 * Added, edited and removed here; used from the inbox's reply (its Saved
 * Replies menu), where {author}, {brand} and {date} are filled in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-saved-replies-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-saved-reply.h"
#include "desk-saved-replies-dialog.h"

struct _DeskSavedRepliesDialog
{
  AdwWindow            parent_instance;

  DeskStore           *store;
  gint64               brand_id;
  gint64               editing;   /* the reply in the form; 0: a new one */
  GPtrArray           *replies;   /* (element-type DeskSavedReply) */
  GPtrArray           *rows;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *form_group;
  AdwEntryRow         *title_row;
  GtkTextView         *body_view;
  GtkWidget           *cancel_button;
  GtkButton           *save_button;
  AdwPreferencesGroup *list_group;
};

G_DEFINE_FINAL_TYPE (DeskSavedRepliesDialog, desk_saved_replies_dialog, ADW_TYPE_WINDOW)

static void
toast (DeskSavedRepliesDialog *self,
       const char             *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
load (DeskSavedRepliesDialog *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->replies, g_ptr_array_unref);
  self->replies = desk_store_list_saved_replies (self->store, self->brand_id, &error);
  if (self->replies == NULL)
    {
      toast (self, error->message);
      return;
    }
  adw_preferences_group_set_description (self->list_group, self->replies->len == 0 ? _("None yet.") : NULL);
  for (guint i = 0; i < self->replies->len; i++)
    {
      DeskSavedReply *reply = g_ptr_array_index (self->replies, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *edit = g_strdup_printf (_("Edit “%s”"), reply->title);
      g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), reply->title);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reply->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reply->body);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), desk_icon_button_new ("document-edit-symbolic", edit, "saved.edit",
                                                                            g_variant_new_int64 (reply->id)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), desk_icon_button_new ("user-trash-symbolic", remove, "saved.remove",
                                                                            g_variant_new_int64 (reply->id)));
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
set_form (DeskSavedRepliesDialog *self,
          DeskSavedReply         *reply)
{
  self->editing = reply != NULL ? reply->id : 0;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), reply != NULL ? reply->title : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), reply != NULL ? reply->body : "", -1);
  adw_preferences_group_set_title (self->form_group, reply != NULL ? _("Edit Saved Reply") : _("New Saved Reply"));
  gtk_button_set_label (self->save_button, reply != NULL ? _("_Save") : _("_Add"));
  gtk_widget_set_visible (self->cancel_button, reply != NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskSavedRepliesDialog *self = DESK_SAVED_REPLIES_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *body = NULL;
  g_autoptr(DeskSavedReply) reply = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->body_view), &start, &end);
  body = g_strstrip (gtk_text_buffer_get_text (gtk_text_view_get_buffer (self->body_view), &start, &end, FALSE));
  if (title[0] == '\0' || body[0] == '\0')
    {
      toast (self, _("A saved reply needs a title and a text."));
      gtk_widget_grab_focus (GTK_WIDGET (title[0] == '\0' ? GTK_WIDGET (self->title_row) : GTK_WIDGET (self->body_view)));
      return;
    }
  reply = desk_saved_reply_new (self->brand_id, title, body);
  reply->id = self->editing;
  if (!desk_store_save_saved_reply (self->store, reply, &error))
    {
      toast (self, error->message);
      return;
    }
  set_form (self, NULL);
  load (self);
}

static DeskSavedReply *
find (DeskSavedRepliesDialog *self,
      gint64                  id)
{
  for (guint i = 0; self->replies != NULL && i < self->replies->len; i++)
    if (((DeskSavedReply *) g_ptr_array_index (self->replies, i))->id == id)
      return g_ptr_array_index (self->replies, i);
  return NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskSavedRepliesDialog *self = DESK_SAVED_REPLIES_DIALOG (widget);
  DeskSavedReply *reply = find (self, g_variant_get_int64 (parameter));

  if (reply != NULL)
    {
      set_form (self, reply);
      gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
    }
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  set_form (DESK_SAVED_REPLIES_DIALOG (widget), NULL);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskSavedRepliesDialog *self = DESK_SAVED_REPLIES_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!desk_store_delete_saved_reply (self->store, g_variant_get_int64 (parameter), &error))
    toast (self, error->message);
  if (self->editing == g_variant_get_int64 (parameter))
    set_form (self, NULL);
  load (self);
}

static void
desk_saved_replies_dialog_dispose (GObject *object)
{
  DeskSavedRepliesDialog *self = DESK_SAVED_REPLIES_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->replies, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (desk_saved_replies_dialog_parent_class)->dispose (object);
}

static void
desk_saved_replies_dialog_class_init (DeskSavedRepliesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_saved_replies_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-saved-replies-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskSavedRepliesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskSavedRepliesDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, DeskSavedRepliesDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DeskSavedRepliesDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, DeskSavedRepliesDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DeskSavedRepliesDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, DeskSavedRepliesDialog, list_group);
  gtk_widget_class_install_action (widget_class, "saved.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "saved.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "saved.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "saved.remove", "x", remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_saved_replies_dialog_init (DeskSavedRepliesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
desk_saved_replies_dialog_new (DeskStore *store,
                               gint64     brand_id)
{
  DeskSavedRepliesDialog *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_SAVED_REPLIES_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->brand_id = brand_id;
  load (self);
  return GTK_WIDGET (self);
}
