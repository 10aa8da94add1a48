/* desk-palette-editor.c: a brand's colours, one row each
 *
 * A group of rows, one per colour of the palette ("#rrggbb;#rrggbb", as
 * DeskBrand keeps it): its colour button opens the colour chooser, its
 * trash button removes it; "Add a Colour" in the group's header adds one,
 * up to MAX_COLOURS. The palette property follows every change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-palette-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-palette-editor.h"

#define MAX_COLOURS 8

struct _DeskPaletteEditor
{
  AdwPreferencesGroup  parent_instance;

  char                *palette;
  GPtrArray           *rows;        /* AdwActionRow*, one per colour */
  GtkWidget           *add_button;
};

G_DEFINE_FINAL_TYPE (DeskPaletteEditor, desk_palette_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PALETTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A new colour differs from the last ones: the first of these not used */
static const char * const suggestions[] = {
  "#1c71d8", "#e66100", "#2ec27e", "#9141ac", "#f5c211", "#c01c28", "#865e3c", "#241f31",
};

static void rebuild (DeskPaletteEditor *self);

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) (CLAMP (rgba->red, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba->green, 0, 1) * 255 + 0.5), (int) (CLAMP (rgba->blue, 0, 1) * 255 + 0.5));
}

static GtkColorChooser *
row_button (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "colour-button");
}

/* The palette again from the rows, said if it changed */
static void
update_palette (DeskPaletteEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) colours = NULL;
  g_autofree char *palette = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GdkRGBA rgba;
      g_autofree char *hex = NULL;

      gtk_color_chooser_get_rgba (row_button (g_ptr_array_index (self->rows, i)), &rgba);
      hex = rgba_to_hex (&rgba);
      adw_action_row_set_subtitle (g_ptr_array_index (self->rows, i), hex);
      g_strv_builder_add (builder, hex);
    }
  colours = g_strv_builder_end (builder);
  palette = g_strjoinv (";", colours);
  if (g_strcmp0 (palette, self->palette) == 0)
    return;
  g_free (self->palette);
  self->palette = g_steal_pointer (&palette);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PALETTE]);
}

static void
colour_set_cb (DeskPaletteEditor *self)
{
  update_palette (self);
}

static void
remove_clicked_cb (GtkWidget         *button,
                   DeskPaletteEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);
  guint index;

  if (row == NULL || !g_ptr_array_find (self->rows, row, &index))
    return;
  g_ptr_array_remove_index (self->rows, index);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
  update_palette (self);
  rebuild (self);
}

static GtkWidget *
colour_row (DeskPaletteEditor *self,
            guint              n,
            const GdkRGBA     *rgba)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: a brand's colour, numbered */
  g_autofree char *title = g_strdup_printf (_("Colour %u"), n);
  /* Translators: the button that removes a brand's colour, numbered */
  g_autofree char *remove_label = g_strdup_printf (_("Remove Colour %u"), n);

  /* GtkColorButton is deprecated from GTK 4.10 for GtkColorDialogButton;
   * GTK 4.8 has only it. GDK_VERSION_MIN_REQUIRED keeps it quiet. */
  button = gtk_color_button_new_with_rgba (rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (button), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, title);
  desk_color_button_set_accessible_label (button, title);
  g_signal_connect_swapped (button, "color-set", G_CALLBACK (colour_set_cb), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "colour-button", button);
  return row;
}

/* The rows again from the palette: numbered in order */
static void
rebuild (DeskPaletteEditor *self)
{
  g_auto(GStrv) colours = g_strsplit (self->palette, ";", -1);
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; colours[i] != NULL && n < MAX_COLOURS; i++)
    {
      GdkRGBA rgba;
      GtkWidget *row;

      if (!gdk_rgba_parse (&rgba, g_strstrip (colours[i])))
        continue;
      row = colour_row (self, ++n, &rgba);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  gtk_widget_set_sensitive (self->add_button, n < MAX_COLOURS);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         n == 0 ? _("None yet: the brand’s colours are one click away in the visual designer.")
                                                : _("One click away in the visual designer."));
}

static void
add_clicked_cb (DeskPaletteEditor *self)
{
  const char *colour = suggestions[0];
  g_autofree char *palette = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suggestions); i++)
    if (strstr (self->palette, suggestions[i]) == NULL)
      {
        colour = suggestions[i];
        break;
      }
  palette = self->palette[0] != '\0' ? g_strconcat (self->palette, ";", colour, NULL) : g_strdup (colour);
  desk_palette_editor_set_palette (self, palette);
  if (self->rows->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (row_button (g_ptr_array_index (self->rows, self->rows->len - 1))));
}

static void
desk_palette_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskPaletteEditor *self = DESK_PALETTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PALETTE:
      g_value_set_string (value, self->palette);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_palette_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DeskPaletteEditor *self = DESK_PALETTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PALETTE:
      desk_palette_editor_set_palette (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_palette_editor_finalize (GObject *object)
{
  DeskPaletteEditor *self = DESK_PALETTE_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->palette, g_free);

  G_OBJECT_CLASS (desk_palette_editor_parent_class)->finalize (object);
}

static void
desk_palette_editor_class_init (DeskPaletteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = desk_palette_editor_get_property;
  object_class->set_property = desk_palette_editor_set_property;
  object_class->finalize = desk_palette_editor_finalize;

  properties[PROP_PALETTE] =
    g_param_spec_string ("palette", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_palette_editor_init (DeskPaletteEditor *self)
{
  self->palette = g_strdup ("");
  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Colours"));
  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_tooltip_text (self->add_button, _("Add a Colour"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a Colour"), -1);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);
  rebuild (self);
}

GtkWidget *
desk_palette_editor_new (void)
{
  return g_object_new (DESK_TYPE_PALETTE_EDITOR, NULL);
}

/**
 * desk_palette_editor_get_palette:
 *
 * Returns: the colours, "#rrggbb;#rrggbb", "" for none
 */
const char *
desk_palette_editor_get_palette (DeskPaletteEditor *self)
{
  g_return_val_if_fail (DESK_IS_PALETTE_EDITOR (self), NULL);
  return self->palette;
}

void
desk_palette_editor_set_palette (DeskPaletteEditor *self,
                                 const char        *palette)
{
  g_return_if_fail (DESK_IS_PALETTE_EDITOR (self));

  if (palette == NULL)
    palette = "";
  if (g_strcmp0 (palette, self->palette) == 0)
    return;
  g_free (self->palette);
  self->palette = g_strdup (palette);
  rebuild (self);
  /* Written as the rows read it: "#RRGGBB" in lower case, no spaces */
  update_palette (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PALETTE]);
}
