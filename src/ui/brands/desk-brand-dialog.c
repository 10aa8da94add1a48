/* desk-brand-dialog.c: a new brand, or an existing one's details
 *
 * A new brand in two steps. First what it is: its name (required), its
 * timezone (the system's by default), the language(s) of its posts, its
 * colours and its logo; "Next" saves it (one write, then the logo, each
 * its own transaction). Then, optionally, the channels its posts go to:
 * a network and a handle, "Add", as many as wanted; "Skip" or "Done"
 * ends, and DeskBrandDialog::finished tells the window to show it.
 *
 * Given an existing brand, only the first step, with "Save".
 *
 * Nothing here fails silently: a refused name, logo or channel is said in
 * the dialog, which stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-brand-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-account-row.h"
#include "desk-brand-dialog-private.h"
#include "desk-image-chooser.h"
#include "desk-media.h"
#include "desk-palette-editor.h"
#include "desk-text-count.h"
#include "desk-timezone-row.h"

struct _DeskBrandDialog
{
  AdwWindow          parent_instance;

  DeskStore         *store;
  DeskBrand         *brand;          /* id 0 until saved */
  gboolean           editing;        /* an existing brand: one step */
  gboolean           finished;       /* ::finished was emitted */
  char              *logo_path;      /* chosen, saved with the brand */
  gboolean           logo_changed;   /* logo_path (NULL: none) to save */
  GPtrArray         *language_codes; /* the language row's items' values */
  guint              n_channels;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkButton         *next_button;
  GtkStack          *stack;
  AdwEntryRow       *name_row;
  DeskTimezoneRow   *timezone_row;
  AdwComboRow       *language_row;
  AdwActionRow      *logo_row;
  GtkPicture        *logo_picture;
  GtkWidget         *logo_remove_button;
  GtkLabel          *logo_error;
  DeskPaletteEditor *palette_editor;
  AdwComboRow       *network_row;
  AdwEntryRow       *handle_row;
  AdwPreferencesGroup *channels_group;
};

G_DEFINE_FINAL_TYPE (DeskBrandDialog, desk_brand_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The languages of a brand's posts, the first one the posts' own
 * (DeskBrand:language, comma-separated) */
static const struct
{
  const char *codes;
  const char *label;
} languages[] = {
  { "fr", N_("French") },
  { "en", N_("English") },
  { "fr,en", N_("French, then English") },
  { "en,fr", N_("English, then French") },
};

/**
 * desk_brand_language_label:
 * @codes: a brand's languages, as DeskBrand:language keeps them ("fr,en")
 *
 * Returns: what the brand dialog calls them ("French, then English"), or
 *   @codes when it does not offer them
 */
const char *
desk_brand_language_label (const char *codes)
{
  for (guint i = 0; codes != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (codes, languages[i].codes))
      return _(languages[i].label);
  return codes != NULL ? codes : "";
}

static void
toast (DeskBrandDialog *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
fill_languages (DeskBrandDialog *self,
                const char      *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *wanted = current ? g_strdelimit (g_strdup (current), " ", ',') : NULL;
  guint selected = G_MAXUINT;

  self->language_codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      gtk_string_list_append (labels, _(languages[i].label));
      g_ptr_array_add (self->language_codes, g_strdup (languages[i].codes));
      if (g_strcmp0 (wanted, languages[i].codes) == 0)
        selected = i;
    }
  /* One set by the command line ("de"): kept, shown as written */
  if (selected == G_MAXUINT && wanted != NULL && wanted[0] != '\0')
    {
      gtk_string_list_append (labels, wanted);
      g_ptr_array_add (self->language_codes, g_strdup (wanted));
      selected = self->language_codes->len - 1;
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (labels));
  if (selected == G_MAXUINT)
    {
      /* A new brand: the language of the one who creates it */
      const char *const *locale = g_get_language_names ();

      selected = g_str_has_prefix (locale[0], "en") ? 1 : 0;
    }
  adw_combo_row_set_selected (self->language_row, selected);
}

static void
fill_networks (DeskBrandDialog *self)
{
  g_autoptr(GtkStringList) networks = gtk_string_list_new (NULL);

  for (DeskNetwork n = 0; n <= DESK_NETWORK_LAST; n++)
    {
      g_autofree char *label = desk_network_is_prepare_only (n)
        /* Translators: a network the app prepares posts for, but cannot publish to */
        ? g_strdup_printf (_("%s (publish by hand)"), desk_network_to_label (n))
        : g_strdup (desk_network_to_label (n));

      gtk_string_list_append (networks, label);
    }
  adw_combo_row_set_model (self->network_row, G_LIST_MODEL (networks));
}

static void
show_logo_error (DeskBrandDialog *self,
                 const char      *message)
{
  gtk_label_set_text (self->logo_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->logo_error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->logo_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->logo_row), "error");
}

/* The logo row shows @path's picture, or says there is none */
static void
show_logo (DeskBrandDialog *self,
           const char      *path)
{
  g_autoptr(GdkTexture) texture = path ? gdk_texture_new_from_filename (path, NULL) : NULL;
  g_autofree char *name = path ? g_filename_display_basename (path) : NULL;

  if (texture != NULL)
    gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  else
    {
      /* A placeholder of the same size: the row does not move */
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
      g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, "image-x-generic-symbolic", NULL, 32,
                                                                     gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                                                     GTK_TEXT_DIR_NONE, 0);

      gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (icon));
    }
  gtk_widget_set_opacity (GTK_WIDGET (self->logo_picture), texture != NULL ? 1.0 : 0.5);
  gtk_widget_set_visible (self->logo_remove_button, path != NULL);
  adw_action_row_set_subtitle (self->logo_row, name ? name : _("None"));
}

void
_desk_brand_dialog_choose_logo_path (DeskBrandDialog *self,
                                     const char      *path)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DESK_IS_BRAND_DIALOG (self));
  g_return_if_fail (path != NULL);

  /* Refused at once, saying why, rather than when the brand is saved */
  if (!desk_media_check_image (path, &error))
    {
      show_logo_error (self, error->message);
      return;
    }
  show_logo_error (self, NULL);
  g_free (self->logo_path);
  self->logo_path = g_strdup (path);
  self->logo_changed = TRUE;
  show_logo (self, path);
}

static void
logo_response_cb (GtkNativeDialog *native,
                  int              response,
                  DeskBrandDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        _desk_brand_dialog_choose_logo_path (self, path);
      else
        show_logo_error (self, _("This file cannot be read."));
    }
  g_object_unref (native);
}

static void
choose_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskBrandDialog *self = DESK_BRAND_DIALOG (widget);
  GtkFileChooserNative *native = desk_image_chooser_new (GTK_WINDOW (self), _("Choose a Logo"), _("_Open"), FALSE);

  g_signal_connect (native, "response", G_CALLBACK (logo_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
remove_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskBrandDialog *self = DESK_BRAND_DIALOG (widget);

  g_clear_pointer (&self->logo_path, g_free);
  self->logo_changed = TRUE;
  show_logo_error (self, NULL);
  show_logo (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->logo_row));
}

/* The brand as the first step says, saved, then its logo if it changed */
static gboolean
save_details (DeskBrandDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  guint language = adw_combo_row_get_selected (self->language_row);

  if (name[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      toast (self, _("Type the brand’s name first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }
  desk_brand_set_name (self->brand, name);
  desk_brand_set_timezone (self->brand, desk_timezone_row_get_timezone (self->timezone_row));
  if (language < self->language_codes->len)
    desk_brand_set_language (self->brand, g_ptr_array_index (self->language_codes, language));
  desk_brand_set_palette (self->brand, desk_palette_editor_get_palette (self->palette_editor));
  if (!desk_store_save_brand (self->store, self->brand, &error))
    {
      toast (self, error->message);
      return FALSE;
    }

  if (self->logo_changed)
    {
      if (!desk_store_set_brand_logo (self->store, self->brand, self->logo_path, &error))
        {
          show_logo_error (self, error->message);
          toast (self, _("The brand is saved, but not its logo."));
          return FALSE;
        }
      self->logo_changed = FALSE;
    }
  return TRUE;
}

static void
finish (DeskBrandDialog *self)
{
  if (!self->finished && desk_brand_get_id (self->brand) != 0)
    {
      self->finished = TRUE;
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, self->brand);
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskBrandDialog *self = DESK_BRAND_DIALOG (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "channels") == 0)
    {
      finish (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (!save_details (self))
    return;
  if (self->editing)
    {
      finish (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  /* Saved: what follows adds to it; closing keeps it */
  gtk_stack_set_visible_child_name (self->stack, "channels");
  adw_window_title_set_subtitle (self->window_title, desk_brand_get_name (self->brand));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_button_set_label (self->next_button, _("_Skip"));
  gtk_widget_grab_focus (GTK_WIDGET (self->handle_row));
}

static void
add_channel_row (DeskBrandDialog *self,
                 DeskChannel     *channel)
{
  GtkWidget *row = adw_action_row_new ();
  DeskNetwork network = desk_channel_get_network (channel);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), desk_channel_get_handle (channel));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), desk_network_to_label (network));
  if (desk_network_is_prepare_only (network))
    {
      g_autofree char *subtitle = g_strdup_printf (_("%s (publish by hand)"), desk_network_to_label (network));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_preferences_group_add (self->channels_group, row);
  adw_preferences_group_set_description (self->channels_group, NULL);
  /* A network the app publishes to: its account can be connected here
   * already, as in Preferences › Channels */
  if (!desk_network_is_prepare_only (network))
    adw_preferences_group_add (self->channels_group, desk_account_row_new (self->store, channel));
}

/* "Add": a channel of the chosen network and handle, saved at once, in
 * a colour none of the brand's others has; the same handle twice on one
 * network is refused, saying so */
static void
add_channel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskBrandDialog *self = DESK_BRAND_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskChannel) channel = NULL;
  g_autoptr(GListModel) existing = NULL;
  g_autofree char *handle = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->handle_row))));
  DeskNetwork network = (DeskNetwork) adw_combo_row_get_selected (self->network_row);

  if (handle[0] == '\0' || network > DESK_NETWORK_LAST)
    {
      toast (self, _("Type the channel’s handle or name first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->handle_row));
      return;
    }
  existing = desk_store_list_channels (self->store, desk_brand_get_id (self->brand), &error);
  if (existing == NULL)
    {
      toast (self, error->message);
      return;
    }
  channel = g_object_new (DESK_TYPE_CHANNEL,
                          "brand-id", desk_brand_get_id (self->brand),
                          "network", network,
                          "handle", handle,
                          "colour", desk_channel_pick_colour (existing),
                          NULL);
  if (!desk_store_save_channel (self->store, channel, &error))
    {
      g_autofree char *message = g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID)
        ? g_strdup_printf (_("This brand already has the %s channel “%s”."), desk_network_to_label (network), handle)
        : g_strdup (error->message);

      toast (self, message);
      return;
    }
  add_channel_row (self, channel);
  self->n_channels++;
  gtk_editable_set_text (GTK_EDITABLE (self->handle_row), "");
  /* Said by the row added to the list below */
  gtk_button_set_label (self->next_button, _("_Done"));
  gtk_widget_grab_focus (GTK_WIDGET (self->handle_row));
}

static void
on_name_activated_cb (DeskBrandDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "brand.next", NULL);
}

static void
on_name_changed_cb (DeskBrandDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
on_handle_activated_cb (DeskBrandDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "brand.add-channel", NULL);
}

/* Closed after the brand was saved (Escape on the second step): it is
 * there, so the window shows it */
static gboolean
desk_brand_dialog_close_request (GtkWindow *window)
{
  DeskBrandDialog *self = DESK_BRAND_DIALOG (window);

  if (!self->editing)
    finish (self);
  return GTK_WINDOW_CLASS (desk_brand_dialog_parent_class)->close_request (window);
}

static void
desk_brand_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_BRAND_DIALOG);

  G_OBJECT_CLASS (desk_brand_dialog_parent_class)->dispose (object);
}

static void
desk_brand_dialog_finalize (GObject *object)
{
  DeskBrandDialog *self = DESK_BRAND_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->brand);
  g_clear_pointer (&self->logo_path, g_free);
  g_clear_pointer (&self->language_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_brand_dialog_parent_class)->finalize (object);
}

static void
desk_brand_dialog_class_init (DeskBrandDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_brand_dialog_dispose;
  object_class->finalize = desk_brand_dialog_finalize;
  window_class->close_request = desk_brand_dialog_close_request;

  /**
   * DeskBrandDialog::finished:
   * @brand: the brand, saved
   *
   * A new brand was made (with or without channels), or an existing one
   * saved.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_BRAND);

  g_type_ensure (DESK_TYPE_TIMEZONE_ROW);
  g_type_ensure (DESK_TYPE_PALETTE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-brand-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, logo_row);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, logo_error);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, palette_editor);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, network_row);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, handle_row);
  gtk_widget_class_bind_template_child (widget_class, DeskBrandDialog, channels_group);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_handle_activated_cb);

  gtk_widget_class_install_action (widget_class, "brand.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "brand.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "brand.remove-logo", NULL, remove_logo_action);
  gtk_widget_class_install_action (widget_class, "brand.add-channel", NULL, add_channel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_brand_dialog_init (DeskBrandDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_networks (self);
  show_logo (self, NULL);
}

/**
 * desk_brand_dialog_new:
 * @brand: (nullable): the brand to edit, or %NULL for a new one
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
DeskBrandDialog *
desk_brand_dialog_new (DeskStore *store,
                       DeskBrand *brand)
{
  DeskBrandDialog *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (brand == NULL || DESK_IS_BRAND (brand), NULL);

  self = g_object_new (DESK_TYPE_BRAND_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->editing = brand != NULL;
  if (brand == NULL)
    {
      self->brand = g_object_new (DESK_TYPE_BRAND, NULL);
      fill_languages (self, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return self;
    }

  /* A copy: what is not saved does not reach the caller's brand */
  self->brand = desk_store_get_brand (store, desk_brand_get_id (brand), NULL);
  if (self->brand == NULL)
    self->brand = g_object_ref (brand);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Brand"));
  adw_window_title_set_title (self->window_title, _("Edit Brand"));
  adw_window_title_set_subtitle (self->window_title, desk_brand_get_name (self->brand));
  gtk_button_set_label (self->next_button, _("_Save"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), desk_brand_get_name (self->brand));
  desk_timezone_row_set_timezone (self->timezone_row, desk_brand_get_timezone (self->brand));
  fill_languages (self, desk_brand_get_language (self->brand));
  desk_palette_editor_set_palette (self->palette_editor, desk_brand_get_palette (self->brand));
  if (desk_brand_get_logo_media_id (self->brand) > 0)
    {
      g_autofree char *path = desk_store_dup_media_path (store, desk_brand_get_logo_media_id (self->brand), NULL);

      show_logo (self, path);
    }
  return self;
}

/**
 * desk_brand_dialog_get_brand:
 *
 * Returns: (transfer none): the brand, with an id once it is saved
 */
DeskBrand *
desk_brand_dialog_get_brand (DeskBrandDialog *self)
{
  g_return_val_if_fail (DESK_IS_BRAND_DIALOG (self), NULL);
  return self->brand;
}
