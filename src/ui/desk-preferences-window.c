/* desk-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-preferences-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "desk-channels-page.h"
#include "desk-brands-page.h"
#include "desk-preferences-window.h"
#include "desk-report-error.h"
#include "desk-checks.h"
#include "desk-contrast.h"

struct _DeskPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  char                 *database_path;
  DeskStore            *store;
  gint64                brand_id;       /* of the two pages below */
  GtkWidget            *channels_page;
  GtkWidget            *brand_page;

  GtkSpinButton        *hour_spin;
  GtkSpinButton        *minute_spin;
  GtkSpinButton        *crisis_spin;
  AdwActionRow         *location_row;

};

G_DEFINE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  SIGNAL_CHANNELS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The brand: its palette, editorial charter and snippets */

typedef struct
{
  gint64      campaign_id;   /* 0: every post of the brand */
  const char *key;           /* Forbidden, Required, Spellings */
} CharterField;


static void
save_brand (DeskPreferencesWindow *self,
            DeskBrand             *brand,
            GtkWidget             *row)
{
  g_autoptr(GError) error = NULL;

  if (!desk_store_save_brand (self->store, brand, &error))
    {
      gtk_widget_add_css_class (row, "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  gtk_widget_remove_css_class (row, "error");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Saved")));
}

static void
palette_apply_cb (AdwEntryRow           *row,
                  DeskPreferencesWindow *self)
{
  DeskBrand *brand = g_object_get_data (G_OBJECT (row), "brand");
  g_auto(GStrv) items = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (row)), ";, ", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) colours = NULL;
  g_autofree char *palette = NULL;

  for (guint i = 0; items[i] != NULL; i++)
    {
      DeskColour colour;
      g_autoptr(GError) error = NULL;
      char hex[8];

      if (items[i][0] == '\0')
        continue;
      if (!desk_colour_parse (items[i], &colour, &error))
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
          return;
        }
      g_snprintf (hex, sizeof hex, "#%02x%02x%02x", colour.red, colour.green, colour.blue);
      g_strv_builder_add (kept, hex);
    }
  colours = g_strv_builder_end (kept);
  palette = g_strjoinv (";", colours);
  gtk_editable_set_text (GTK_EDITABLE (row), palette);
  desk_brand_set_palette (brand, palette);
  save_brand (self, brand, GTK_WIDGET (row));
}

static void
charter_apply_cb (AdwEntryRow           *row,
                  DeskPreferencesWindow *self)
{
  DeskBrand *brand = g_object_get_data (G_OBJECT (row), "brand");
  CharterField *field = g_object_get_data (G_OBJECT (row), "field");
  g_auto(GStrv) values = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), ";", -1);
  g_autofree char *data = NULL;

  for (guint i = 0; g_str_equal (field->key, "Spellings") && values[i] != NULL; i++)
    if (g_strstrip (values[i])[0] != '\0' && strchr (values[i], '=') == NULL)
      {
        gtk_widget_add_css_class (GTK_WIDGET (row), "error");
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new (_("Write each spelling as “wrong = right”.")));
        return;
      }
  data = desk_charter_set (desk_brand_get_charter (brand), field->campaign_id, field->key,
                           (const char * const *) values);
  desk_brand_set_charter (brand, data);
  save_brand (self, brand, GTK_WIDGET (row));
}

static GtkWidget *
charter_row (DeskBrand  *brand,
             const char *title,
             gint64      campaign_id,
             const char *key,
             gpointer    self)
{
  GtkWidget *row = adw_entry_row_new ();
  CharterField *field = g_new0 (CharterField, 1);
  g_auto(GStrv) values = desk_charter_get (desk_brand_get_charter (brand), campaign_id, key);
  g_autofree char *text = g_strjoinv ("; ", values);

  field->campaign_id = campaign_id;
  field->key = key;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data_full (G_OBJECT (row), "brand", g_object_ref (brand), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "field", field, g_free);
  g_signal_connect (row, "apply", G_CALLBACK (charter_apply_cb), self);
  return row;
}

static void add_snippet_rows (DeskPreferencesWindow *self, AdwPreferencesGroup *group, gint64 brand_id);

static void
delete_snippet_cb (GtkButton             *button,
                   DeskPreferencesWindow *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "snippet-id");
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  g_autoptr(GError) error = NULL;

  if (!desk_store_delete_snippet (self->store, *id, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  gtk_widget_set_visible (row, FALSE);
}

static void
add_snippet_rows (DeskPreferencesWindow *self,
                  AdwPreferencesGroup   *group,
                  gint64                 brand_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snippets = desk_store_list_snippets (self->store, brand_id, &error);

  if (snippets == NULL)
    desk_report_error (GTK_WIDGET (self), error);

  for (guint i = 0; snippets != NULL && i < snippets->len; i++)
    {
      DeskSnippet *snippet = g_ptr_array_index (snippets, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Delete the snippet “%s”"), snippet->name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), snippet->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), snippet->body);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "snippet-id", g_memdup2 (&snippet->id, sizeof (gint64)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (delete_snippet_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (group, row);
    }
  if (snippets == NULL || snippets->len == 0)
    adw_preferences_group_set_description (group, _("Select text in the editor, then Snippets › Save Selection as Snippet."));
}

static void
add_brand_page (DeskPreferencesWindow *self,
                gint64                 brand_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = desk_store_get_brand (self->store, brand_id, &error);
  g_autoptr(GListModel) campaigns = brand ? desk_store_list_campaigns (self->store, brand_id, &error) : NULL;
  GtkWidget *page, *group, *row;

  if (campaigns == NULL)
    {
      desk_report_error (GTK_WIDGET (self), error);
      return;
    }
  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Brand"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "brand");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "applications-graphics-symbolic");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Palette"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("The brand’s colours, one click away in the visual designer, and the first fixes proposed for low contrast."));
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Colours (#rrggbb; #rrggbb…)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), desk_brand_get_palette (brand));
  g_object_set_data_full (G_OBJECT (row), "brand", g_object_ref (brand), g_object_unref);
  g_signal_connect (row, "apply", G_CALLBACK (palette_apply_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Editorial Charter"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Checked in the editor for every post of the brand. Separate items with “;”."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             charter_row (brand, _("Forbidden words"), 0, "Forbidden", self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             charter_row (brand, _("Hashtags or mentions every post carries"), 0, "Required", self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             charter_row (brand, _("Preferred spellings (wrong = right)"), 0, "Spellings", self));
  for (guint i = 0; campaigns != NULL && i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(DeskCampaign) campaign = g_list_model_get_item (campaigns, i);
      /* Translators: %s is a campaign's name */
      g_autofree char *title = g_strdup_printf (_("Required in the campaign “%s”"), desk_campaign_get_name (campaign));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 charter_row (brand, title, desk_campaign_get_id (campaign), "Required", self));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Hashtag Groups and Snippets"));
  add_snippet_rows (self, ADW_PREFERENCES_GROUP (group), brand_id);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  self->brand_page = page;
}

/* The brand of the Channels and Brand pages deleted (from the Brands page
 * of this window, or elsewhere): their pages go with it, rather than
 * edit what is no longer there */
static void
brands_changed_cb (DeskPreferencesWindow *self)
{
  g_autoptr(DeskBrand) brand = NULL;

  if (self->brand_id == 0 || (brand = desk_store_get_brand (self->store, self->brand_id, NULL)) != NULL)
    return;
  if (self->channels_page != NULL)
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->channels_page));
  if (self->brand_page != NULL)
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->brand_page));
  self->channels_page = self->brand_page = NULL;
  self->brand_id = 0;
}

static void
channels_changed_cb (DeskPreferencesWindow *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANNELS_CHANGED], 0);
}

static void
on_open_folder_clicked_cb (DeskPreferencesWindow *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;

  if (self->database_path == NULL)
    return;
  dir = g_path_get_dirname (self->database_path);
  uri = g_filename_to_uri (dir, NULL, NULL);
  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
desk_preferences_window_finalize (GObject *object)
{
  DeskPreferencesWindow *self = (DeskPreferencesWindow *) object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->finalize (object);
}

static void
desk_preferences_window_class_init (DeskPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = desk_preferences_window_finalize;

  signals[SIGNAL_CHANNELS_CHANGED] =
    g_signal_new ("channels-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, crisis_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, location_row);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_clicked_cb);
}

static void
desk_preferences_window_init (DeskPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * desk_preferences_window_new:
 * @store: (nullable): the workspace, for the brand's channels
 */
DeskPreferencesWindow *
desk_preferences_window_new (GSettings  *settings,
                             const char *database_path,
                             DeskStore  *store,
                             gint64      brand_id)
{
  DeskPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DESK_TYPE_PREFERENCES_WINDOW, NULL);
  self->database_path = g_strdup (database_path);
  adw_action_row_set_subtitle (self->location_row, database_path ? database_path : "");

  g_settings_bind (settings, "default-post-hour",
                   gtk_spin_button_get_adjustment (self->hour_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-post-minute",
                   gtk_spin_button_get_adjustment (self->minute_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "crisis-factor",
                   gtk_spin_button_get_adjustment (self->crisis_spin), "value", G_SETTINGS_BIND_DEFAULT);

  if (store != NULL && brand_id != 0)
    {
      self->store = g_object_ref (store);
      DeskChannelsPage *channels = desk_channels_page_new (store, brand_id);

      g_signal_connect_object (channels, "changed", G_CALLBACK (channels_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (channels));
      self->channels_page = GTK_WIDGET (channels);
      self->brand_id = brand_id;
      add_brand_page (self, brand_id);
      g_signal_connect_object (store, "brands-changed", G_CALLBACK (brands_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (store != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), desk_brands_page_new (store));
  return self;
}
