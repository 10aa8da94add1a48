/* desk-brands-page.c: Preferences › All Brands: every brand of the workspace
 *
 * One expander row per brand, the archived ones in a group of their own:
 * rename it, edit its timezone, languages, colours and logo (the brand
 * dialog), archive it (hidden from the brand selector, nothing lost) or
 * restore it, and delete it after a confirmation that says what goes
 * with it and offers to archive it instead. Every change goes through the
 * store, whose DeskStore::brands-changed updates the window's selector;
 * the page lists the brands again after each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-brands-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-brand-dialog.h"
#include "desk-brands-page.h"

struct _DeskBrandsPage
{
  AdwPreferencesPage   parent_instance;

  DeskStore           *store;
  AdwPreferencesGroup *active_group;
  AdwPreferencesGroup *archived_group;
  GPtrArray           *rows;          /* the expander rows shown */
};

G_DEFINE_FINAL_TYPE (DeskBrandsPage, desk_brands_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (DeskBrandsPage *self);

static void
toast (DeskBrandsPage *self,
       const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static DeskBrand *
brand_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "brand");
}

static gboolean
save (DeskBrandsPage *self,
      DeskBrand      *brand)
{
  g_autoptr(GError) error = NULL;

  if (!desk_store_save_brand (self->store, brand, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
rename_apply_cb (AdwEntryRow    *row,
                 DeskBrandsPage *self)
{
  DeskBrand *brand = brand_of (GTK_WIDGET (row));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *old = g_strdup (desk_brand_get_name (brand));

  if (name[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      toast (self, _("Type the brand’s name first."));
      return;
    }
  desk_brand_set_name (brand, name);
  if (!save (self, brand))
    {
      desk_brand_set_name (brand, old);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  toast (self, _("Renamed"));
  reload (self);
}

static void
set_archived (DeskBrandsPage *self,
              DeskBrand      *brand,
              gboolean        archived)
{
  g_autofree char *message = NULL;

  desk_brand_set_archived (brand, archived);
  if (!save (self, brand))
    {
      desk_brand_set_archived (brand, !archived);
      return;
    }
  /* Translators: %s is a brand's name */
  message = g_strdup_printf (archived ? _("“%s” archived: hidden from the brand selector, nothing deleted")
                                      : _("“%s” restored"), desk_brand_get_name (brand));
  toast (self, message);
  reload (self);
}

static void
archive_clicked_cb (GtkWidget      *button,
                    DeskBrandsPage *self)
{
  DeskBrand *brand = brand_of (button);

  set_archived (self, brand, !desk_brand_get_archived (brand));
}

static void
dialog_finished_cb (DeskBrandsPage *self)
{
  toast (self, _("Saved"));
  reload (self);
}

static void
edit_clicked_cb (GtkWidget      *button,
                 DeskBrandsPage *self)
{
  DeskBrandDialog *dialog = desk_brand_dialog_new (self->store, brand_of (button));

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "finished", G_CALLBACK (dialog_finished_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_clicked_cb (DeskBrandsPage *self)
{
  DeskBrandDialog *dialog = desk_brand_dialog_new (self->store, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "finished", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "12 posts, 3 channels and 2 images": what is not zero, or NULL */
static char *
describe_content (const DeskBrandContent *content)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;

  if (content->posts > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u post", "%u posts", content->posts), content->posts));
  if (content->channels > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u channel", "%u channels", content->channels), content->channels));
  if (content->campaigns > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u campaign", "%u campaigns", content->campaigns), content->campaigns));
  if (content->images > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u image", "%u images", content->images), content->images));
  if (content->notifications > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u notification", "%u notifications", content->notifications),
                                             content->notifications));
  if (parts->len == 0)
    return NULL;
  if (parts->len == 1)
    return g_strdup (g_ptr_array_index (parts, 0));

  /* All but the last, joined with ", ", then " and " the last */
  {
    char *last = g_ptr_array_steal_index (parts, parts->len - 1);
    g_autofree char *last_owned = last;

    g_ptr_array_add (parts, NULL);
    /* Translators: the separator of a list ("12 posts, 3 channels and 2 images") */
    head = g_strjoinv (C_("list", ", "), (char **) parts->pdata);
    /* Translators: the end of a list: all but the last item, then the last */
    return g_strdup_printf (C_("list", "%s and %s"), head, last_owned);
  }
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeskBrandsPage   *self)
{
  DeskBrand *brand = brand_of (GTK_WIDGET (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "archive") == 0)
    set_archived (self, brand, TRUE);
  else if (g_strcmp0 (response, "delete") == 0)
    {
      g_autofree char *message = NULL;

      if (!desk_store_delete_brand (self->store, desk_brand_get_id (brand), &error))
        {
          toast (self, error->message);
          reload (self);
          return;
        }
      /* Translators: %s is a brand's name */
      message = g_strdup_printf (_("“%s” deleted"), desk_brand_get_name (brand));
      toast (self, message);
      reload (self);
    }
}

/* Asks first, saying what goes with the brand, and offers to archive it
 * instead (when it is not already) */
static void
delete_clicked_cb (GtkWidget      *button,
                   DeskBrandsPage *self)
{
  DeskBrand *brand = brand_of (button);
  DeskBrandContent content = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!desk_store_count_brand_content (self->store, desk_brand_get_id (brand), &content, &error))
    {
      toast (self, error->message);
      return;
    }
  what = describe_content (&content);
  /* Translators: %s is a brand's name */
  heading = g_strdup_printf (_("Delete “%s”?"), desk_brand_get_name (brand));
  if (what == NULL)
    body = g_strdup (_("It holds nothing yet. This cannot be undone."));
  else if (desk_brand_get_archived (brand))
    /* Translators: %s is a list such as "12 posts, 3 channels and 2 images" */
    body = g_strdup_printf (_("%s will be deleted with it. This cannot be undone."), what);
  else
    /* Translators: %s is a list such as "12 posts, 3 channels and 2 images" */
    body = g_strdup_printf (_("%s will be deleted with it. This cannot be undone. Archive it instead to keep them."), what);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (!desk_brand_get_archived (brand))
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "archive", _("_Archive Instead"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "delete", _("_Delete"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "brand", g_object_ref (brand), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A button of @brand's row; @name (owned) says which brand it acts on */
static GtkWidget *
brand_button (DeskBrandsPage *self,
              DeskBrand      *brand,
              const char     *mnemonic,
              char           *name,
              GCallback       callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);
  g_autofree char *owned = name;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "brand", g_object_ref (brand), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* What the brand's subtitle says: its timezone and languages */
static char *
brand_summary (DeskBrand *brand)
{
  const char *timezone = desk_brand_get_timezone (brand);
  const char *language = desk_brand_get_language (brand);

  /* Translators: a brand's timezone, then the languages of its posts ("Europe/Paris · French") */
  return g_strdup_printf (C_("brand summary", "%s · %s"),
                          timezone != NULL && timezone[0] != '\0' ? timezone : _("System’s timezone"),
                          desk_brand_language_label (language));
}

static GtkWidget *
brand_row (DeskBrandsPage *self,
           DeskBrand      *brand)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *details_row = adw_action_row_new ();
  GtkWidget *keep_row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *summary = brand_summary (brand);
  const char *name = desk_brand_get_name (brand);
  gboolean archived = desk_brand_get_archived (brand);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), desk_brand_get_name (brand));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
  /* Libadwaita 1.2 names the header inside, not the row that has the focus */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (row), "brand", g_object_ref (brand), g_object_unref);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name_row), desk_brand_get_name (brand));
  g_object_set_data_full (G_OBJECT (name_row), "brand", g_object_ref (brand), g_object_unref);
  g_signal_connect (name_row, "apply", G_CALLBACK (rename_apply_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (details_row), _("Timezone, languages, colours and logo"));
  /* Translators: the accessible name of a button; %s is a brand's name */
  button = brand_button (self, brand, _("_Edit…"), g_strdup_printf (_("Edit “%s”"), name), G_CALLBACK (edit_clicked_cb));
  adw_action_row_add_suffix (ADW_ACTION_ROW (details_row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (details_row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), details_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (keep_row),
                                 archived ? C_("brand", "Archived") : C_("brand", "In use"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (keep_row),
                               archived ? _("Hidden from the brand selector; its posts and channels are kept.")
                                        : _("Archive a brand you no longer work for: it is hidden, nothing is deleted."));
  /* Translators: the accessible names of buttons; %s is a brand's name */
  button = archived ? brand_button (self, brand, _("_Restore"), g_strdup_printf (_("Restore “%s”"), name),
                                    G_CALLBACK (archive_clicked_cb))
                    : brand_button (self, brand, _("_Archive"), g_strdup_printf (_("Archive “%s”"), name),
                                    G_CALLBACK (archive_clicked_cb));
  adw_action_row_add_suffix (ADW_ACTION_ROW (keep_row), button);
  /* Translators: the accessible name of a button; %s is a brand's name */
  button = brand_button (self, brand, _("_Delete…"), g_strdup_printf (_("Delete “%s”…"), name),
                         G_CALLBACK (delete_clicked_cb));
  gtk_widget_add_css_class (button, "destructive-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (keep_row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), keep_row);
  return row;
}

/* The brands again from the store */
static void
reload (DeskBrandsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) brands = desk_store_list_all_brands (self->store, &error);
  guint n_archived = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  if (brands == NULL)
    {
      adw_preferences_group_set_description (self->active_group, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (brands); i++)
    {
      g_autoptr(DeskBrand) brand = g_list_model_get_item (brands, i);
      GtkWidget *row = brand_row (self, brand);

      n_archived += desk_brand_get_archived (brand);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (desk_brand_get_archived (brand) ? self->archived_group : self->active_group, row);
    }
  adw_preferences_group_set_description (self->active_group,
                                         self->rows->len == n_archived ? _("None in use: add one to plan its posts.") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->archived_group), n_archived > 0);
}

static void
desk_brands_page_finalize (GObject *object)
{
  DeskBrandsPage *self = DESK_BRANDS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (desk_brands_page_parent_class)->finalize (object);
}

static void
desk_brands_page_class_init (DeskBrandsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_brands_page_finalize;
}

static void
desk_brands_page_init (DeskBrandsPage *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_New Brand…"));

  self->rows = g_ptr_array_new ();
  /* Beside the Brand page (the selected brand's palette and charter) */
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("All Brands"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "brands");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "view-list-symbolic");

  self->active_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->active_group, C_("brands", "In Use"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (new_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->active_group, button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->active_group);

  self->archived_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->archived_group, C_("brands", "Archived"));
  adw_preferences_group_set_description (self->archived_group,
                                         _("Hidden from the brand selector. Restore one to plan its posts again."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->archived_group);
}

/**
 * desk_brands_page_new:
 *
 * Returns: (transfer floating): the page, listing the brands of @store
 */
AdwPreferencesPage *
desk_brands_page_new (DeskStore *store)
{
  DeskBrandsPage *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_BRANDS_PAGE, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return ADW_PREFERENCES_PAGE (self);
}
