/* desk-design-dialog.c: design a post's visual
 *
 * A format, a background (colour, gradient, image with cover/contain and a
 * focal point), text and logo layers with their properties, the brand's
 * palette one click away, and the contrast of each text measured on the
 * rendered pixels (desk_design_check) with its fix. "Add to Post" emits
 * ::exported with the design's JSON; the editor renders it to a PNG at the
 * format's exact size and attaches it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-design-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-checks.h"
#include "desk-design-canvas.h"
#include "desk-design-dialog.h"
#include "desk-image-chooser.h"

#define MEASURE_DELAY_MS 150

struct _DeskDesignDialog
{
  AdwWindow         parent_instance;

  DeskStore        *store;
  gint64            brand_id;
  char             *palette;
  DeskDesign       *design;
  int               replace;
  GPtrArray        *findings;
  guint             measure_id;
  gboolean          updating;

  GtkLabel         *error_label;
  GtkDropDown      *format_dropdown;
  GtkColorButton   *background_button;
  GtkCheckButton   *gradient_check;
  GtkColorButton   *gradient_button;
  GtkDropDown      *fit_dropdown;
  GtkWidget        *remove_image_button;
  GtkWidget        *focus_box;
  GtkScale         *focus_x_scale;
  GtkScale         *focus_y_scale;
  GtkFlowBox       *palette_box;
  GtkListBox       *layers_list;
  GtkWidget        *text_props;
  GtkWidget        *logo_props;
  GtkWidget        *remove_layer_button;
  GtkTextView      *layer_text_view;
  GtkEntry         *font_entry;
  GtkSpinButton    *size_spin;
  GtkDropDown      *weight_dropdown;
  GtkDropDown      *align_dropdown;
  GtkColorButton   *colour_button;
  GtkCheckButton   *shadow_check;
  GtkCheckButton   *band_check;
  GtkSpinButton    *logo_width_spin;
  GtkListBox       *contrast_list;
  DeskDesignCanvas *canvas;
};

G_DEFINE_FINAL_TYPE (DeskDesignDialog, desk_design_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const int weights[] = { 400, 700, 900 };

static void sync_background (DeskDesignDialog *self);

static void
show_error (DeskDesignDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
to_rgba (const DeskColour *colour,
         GdkRGBA          *rgba)
{
  rgba->red = colour->red / 255.0;
  rgba->green = colour->green / 255.0;
  rgba->blue = colour->blue / 255.0;
  rgba->alpha = 1;
}

static DeskColour
from_colour_button (GtkColorButton *button)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  return (DeskColour) { (guint8) (rgba.red * 255 + 0.5), (guint8) (rgba.green * 255 + 0.5),
                        (guint8) (rgba.blue * 255 + 0.5) };
}

static DeskLayer *
selected_layer (DeskDesignDialog *self)
{
  int index = desk_design_canvas_get_selected (self->canvas);

  if (index < 0 || (guint) index >= desk_design_get_n_layers (self->design))
    return NULL;
  return desk_design_get_layer (self->design, index);
}

/* Contrast */

static void
on_fix_clicked (GtkButton        *button,
                DeskDesignDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  DeskFinding *finding;

  if (self->findings == NULL || index >= self->findings->len)
    return;
  finding = g_ptr_array_index (self->findings, index);
  desk_design_apply_fix (self->design, finding->index, finding->fix);
}

static void
measure (DeskDesignDialog *self)
{
  GtkWidget *child;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));

  g_clear_handle_id (&self->measure_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contrast_list))) != NULL)
    gtk_list_box_remove (self->contrast_list, child);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = desk_design_check (self->design, self->palette);

  for (guint i = 0; i < desk_design_get_n_layers (self->design); i++)
    {
      DeskLayerContrast contrast;
      GtkWidget *row;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (!desk_design_measure_contrast (self->design, i, &contrast))
        continue;
      row = adw_action_row_new ();
      title = g_strdup_printf (_("Text layer %u: %.2f:1"), i + 1, contrast.ratio);
      subtitle = g_strdup_printf (contrast.large ? _("Large text: AA %s (3:1), AAA %s (4.5:1)")
                                                 : _("Normal text: AA %s (4.5:1), AAA %s (7:1)"),
                                  contrast.passes_aa ? _("passes") : _("fails"),
                                  contrast.passes_aaa ? _("passes") : _("fails"));
      if (!contrast.passes_aa)
        {
          char *more = g_strconcat (subtitle, " — ", _("worst where outlined in red"), NULL);

          g_free (subtitle);
          subtitle = more;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (contrast.passes_aa ? "emblem-ok-symbolic"
                                                                                 : "dialog-warning-symbolic"));
      if (!contrast.passes_aa)
        {
          g_array_append_val (marks, contrast.worst_area);
          for (guint k = 0; k < self->findings->len; k++)
            {
              DeskFinding *f = g_ptr_array_index (self->findings, k);
              GtkWidget *button;
              g_autofree char *tip = NULL;

              if (f->index != (int) i || f->fix == NULL)
                continue;
              tip = desk_finding_describe_fix (f);
              button = gtk_button_new_with_label (_("Fix"));
              gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
              gtk_widget_set_tooltip_text (button, tip);
              gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
              g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (k));
              g_signal_connect (button, "clicked", G_CALLBACK (on_fix_clicked), self);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
            }
        }
      gtk_list_box_append (self->contrast_list, row);
    }
  desk_design_canvas_set_marks (self->canvas, marks);
}

static gboolean
measure_cb (gpointer user_data)
{
  DeskDesignDialog *self = user_data;

  self->measure_id = 0;
  measure (self);
  return G_SOURCE_REMOVE;
}

/* Layers */

static void
sync_layer_props (DeskDesignDialog *self)
{
  DeskLayer *layer = selected_layer (self);
  GdkRGBA rgba;

  self->updating = TRUE;
  gtk_widget_set_visible (self->text_props, layer != NULL && layer->kind == DESK_LAYER_TEXT);
  gtk_widget_set_visible (self->logo_props, layer != NULL && layer->kind == DESK_LAYER_LOGO);
  gtk_widget_set_sensitive (self->remove_layer_button, layer != NULL);
  if (layer != NULL && layer->kind == DESK_LAYER_TEXT)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->layer_text_view), layer->text, -1);
      gtk_editable_set_text (GTK_EDITABLE (self->font_entry), layer->font ? layer->font : "");
      gtk_spin_button_set_value (self->size_spin, layer->size);
      gtk_drop_down_set_selected (self->weight_dropdown, layer->weight >= 900 ? 2 : layer->weight >= 700 ? 1 : 0);
      gtk_drop_down_set_selected (self->align_dropdown, layer->align);
      to_rgba (&layer->colour, &rgba);
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
      gtk_check_button_set_active (self->shadow_check, layer->shadow);
      gtk_check_button_set_active (self->band_check, layer->band);
    }
  else if (layer != NULL)
    gtk_spin_button_set_value (self->logo_width_spin, layer->width);
  self->updating = FALSE;
}

static void
rebuild_layers (DeskDesignDialog *self)
{
  GtkWidget *child;
  int selected = desk_design_canvas_get_selected (self->canvas);

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->layers_list))) != NULL)
    gtk_list_box_remove (self->layers_list, child);
  for (guint i = 0; i < desk_design_get_n_layers (self->design); i++)
    {
      DeskLayer *layer = desk_design_get_layer (self->design, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *first_line = layer->text ? g_strdup (layer->text) : NULL;
      g_autofree char *title = NULL;

      if (first_line != NULL && strchr (first_line, '\n'))
        *strchr (first_line, '\n') = '\0';
      title = layer->kind == DESK_LAYER_TEXT
        ? g_strdup_printf (_("Text: %s"), first_line && first_line[0] ? first_line : _("(empty)"))
        : g_strdup (_("Logo"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (layer->kind == DESK_LAYER_TEXT ? "format-text-bold-symbolic"
                                                                                             : "image-x-generic-symbolic"));
      gtk_list_box_append (self->layers_list, row);
      if ((int) i == selected)
        gtk_list_box_select_row (self->layers_list, GTK_LIST_BOX_ROW (row));
    }
  self->updating = FALSE;
  sync_layer_props (self);
}

static void
on_layer_row_selected (GtkListBox       *box,
                       GtkListBoxRow    *row,
                       DeskDesignDialog *self)
{
  if (self->updating || self->canvas == NULL)
    return;
  desk_design_canvas_set_selected (self->canvas, row ? gtk_list_box_row_get_index (row) : -1);
}

static void
on_canvas_layer_selected (DeskDesignDialog *self,
                          int               layer)
{
  GtkListBoxRow *row = layer >= 0 ? gtk_list_box_get_row_at_index (self->layers_list, layer) : NULL;

  self->updating = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->layers_list, row);
  else
    gtk_list_box_unselect_all (self->layers_list);
  self->updating = FALSE;
  sync_layer_props (self);
}

static void
on_design_changed (DeskDesignDialog *self)
{
  guint n_rows = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->layers_list)); c; c = gtk_widget_get_next_sibling (c))
    n_rows++;
  if (n_rows != desk_design_get_n_layers (self->design))
    rebuild_layers (self);
  else if (!self->updating)
    sync_layer_props (self);
  if (!self->updating)
    sync_background (self);
  g_clear_handle_id (&self->measure_id, g_source_remove);
  self->measure_id = g_timeout_add (MEASURE_DELAY_MS, measure_cb, self);
}

static void
on_layer_prop_changed (DeskDesignDialog *self)
{
  DeskLayer *layer = selected_layer (self);
  int index = desk_design_canvas_get_selected (self->canvas);

  if (self->updating || layer == NULL)
    return;
  self->updating = TRUE;
  if (layer->kind == DESK_LAYER_TEXT)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->layer_text_view);
      GtkTextIter start, end;
      guint weight = gtk_drop_down_get_selected (self->weight_dropdown);
      const char *font = gtk_editable_get_text (GTK_EDITABLE (self->font_entry));

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      g_free (layer->text);
      layer->text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_free (layer->font);
      layer->font = g_strdup (font[0] != '\0' ? font : "Cantarell");
      layer->size = gtk_spin_button_get_value (self->size_spin);
      layer->weight = weights[MIN (weight, G_N_ELEMENTS (weights) - 1)];
      layer->align = MIN (gtk_drop_down_get_selected (self->align_dropdown), DESK_ALIGN_RIGHT);
      layer->colour = from_colour_button (self->colour_button);
      layer->shadow = gtk_check_button_get_active (self->shadow_check);
      layer->band = gtk_check_button_get_active (self->band_check);
    }
  else
    layer->width = gtk_spin_button_get_value (self->logo_width_spin);
  desk_design_layer_changed (self->design, index);
  self->updating = FALSE;
  /* The layer list shows the first line of each text */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->layers_list, index);

    if (row != NULL && layer->kind == DESK_LAYER_TEXT)
      {
        g_autofree char *first_line = g_strdup (layer->text);
        g_autofree char *title = NULL;

        if (strchr (first_line, '\n'))
          *strchr (first_line, '\n') = '\0';
        title = g_strdup_printf (_("Text: %s"), first_line[0] ? first_line : _("(empty)"));
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      }
  }
}

static void
on_background_changed (DeskDesignDialog *self)
{
  DeskColour colour, gradient;
  const char *image;

  if (self->updating)
    return;
  colour = from_colour_button (self->background_button);
  gradient = from_colour_button (self->gradient_button);
  gtk_widget_set_sensitive (GTK_WIDGET (self->gradient_button), gtk_check_button_get_active (self->gradient_check));
  self->updating = TRUE;
  desk_design_set_background (self->design, &colour,
                              gtk_check_button_get_active (self->gradient_check) ? &gradient : NULL);
  image = desk_design_get_background_image (self->design);
  if (image != NULL)
    {
      g_autofree char *kept = g_strdup (image);

      desk_design_set_background_image (self->design, kept, gtk_drop_down_get_selected (self->fit_dropdown) == 1,
                                        gtk_range_get_value (GTK_RANGE (self->focus_x_scale)),
                                        gtk_range_get_value (GTK_RANGE (self->focus_y_scale)));
    }
  self->updating = FALSE;
}

static void
sync_background (DeskDesignDialog *self)
{
  GdkRGBA rgba;
  gboolean has_image = desk_design_get_background_image (self->design) != NULL;

  DeskColour gradient;
  gboolean has_gradient = desk_design_get_gradient (self->design, &gradient);

  self->updating = TRUE;
  to_rgba (desk_design_get_background (self->design), &rgba);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->background_button), &rgba);
  gtk_check_button_set_active (self->gradient_check, has_gradient);
  if (has_gradient)
    {
      to_rgba (&gradient, &rgba);
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->gradient_button), &rgba);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->gradient_button), has_gradient);
  gtk_widget_set_sensitive (self->remove_image_button, has_image);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fit_dropdown), has_image);
  gtk_widget_set_sensitive (self->focus_box, has_image);
  self->updating = FALSE;
}

static void
on_format_changed (DeskDesignDialog *self)
{
  guint n;
  const DeskDesignPreset *presets = desk_design_presets (&n);
  guint selected = gtk_drop_down_get_selected (self->format_dropdown);

  if (self->updating || selected >= n)
    return;
  desk_design_set_preset (self->design, presets[selected].id);
}

static void
on_palette_clicked (GtkButton        *button,
                    DeskDesignDialog *self)
{
  DeskColour colour;
  DeskLayer *layer = selected_layer (self);

  if (!desk_colour_parse (g_object_get_data (G_OBJECT (button), "colour"), &colour, NULL))
    return;
  if (layer != NULL && layer->kind == DESK_LAYER_TEXT)
    {
      layer->colour = colour;
      desk_design_layer_changed (self->design, desk_design_canvas_get_selected (self->canvas));
    }
  else
    {
      desk_design_set_background (self->design, &colour, NULL);
      self->updating = TRUE;
      gtk_check_button_set_active (self->gradient_check, FALSE);
      self->updating = FALSE;
      sync_background (self);
    }
}

static void
build_palette (DeskDesignDialog *self)
{
  g_auto(GStrv) colours = g_strsplit (self->palette ? self->palette : "", ";", -1);
  GtkCssProvider *provider = gtk_css_provider_new ();
  GString *css = g_string_new (NULL);

  for (guint i = 0; colours[i] != NULL; i++)
    {
      DeskColour colour;
      GtkWidget *button;
      g_autofree char *class_name = NULL;
      g_autofree char *label = NULL;
      char hex[8];

      if (!desk_colour_parse (g_strstrip (colours[i]), &colour, NULL))
        continue;
      g_snprintf (hex, sizeof hex, "#%02x%02x%02x", colour.red, colour.green, colour.blue);
      class_name = g_strdup_printf ("swatch-%s", hex + 1);
      g_string_append_printf (css, "button.%s { background: %s; min-width: 24px; min-height: 24px; }\n", class_name, hex);
      button = gtk_button_new ();
      gtk_widget_add_css_class (button, "swatch");
      gtk_widget_add_css_class (button, class_name);
      /* Translators: a palette colour's button, %s is "#rrggbb" */
      label = g_strdup_printf (_("Use the brand colour %s"), hex);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "colour", g_strdup (hex), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_palette_clicked), self);
      gtk_flow_box_append (self->palette_box, button);
    }
  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
  g_string_free (css, TRUE);
}

/* Images of the design: copied into the workspace, referred to by name */

typedef void (*ImageChosen) (DeskDesignDialog *self, const char *name);

static void
on_image_response (GtkNativeDialog  *native,
                   int               response,
                   DeskDesignDialog *self)
{
  ImageChosen callback = g_object_get_data (G_OBJECT (native), "callback");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;
      gint64 media_id;

      if (path == NULL || !desk_store_add_media (self->store, self->brand_id, path, &media_id, &error) ||
          (stored = desk_store_dup_media_path (self->store, media_id, &error)) == NULL)
        show_error (self, error ? error->message : _("This file cannot be read."));
      else
        {
          g_autofree char *name = g_path_get_basename (stored);

          show_error (self, NULL);
          callback (self, name);
        }
    }
  g_object_unref (native);
}

static void
choose_image (DeskDesignDialog *self,
              const char       *title,
              ImageChosen       callback)
{
  GtkFileChooserNative *native = desk_image_chooser_new (GTK_WINDOW (self), title, _("_Open"), FALSE);

  g_object_set_data (G_OBJECT (native), "callback", callback);
  g_signal_connect (native, "response", G_CALLBACK (on_image_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
set_background_image (DeskDesignDialog *self,
                      const char       *name)
{
  desk_design_set_background_image (self->design, name, gtk_drop_down_get_selected (self->fit_dropdown) == 1,
                                    gtk_range_get_value (GTK_RANGE (self->focus_x_scale)),
                                    gtk_range_get_value (GTK_RANGE (self->focus_y_scale)));
  sync_background (self);
}

static void
add_logo (DeskDesignDialog *self,
          const char       *name)
{
  desk_design_add_logo_layer (self->design, name);
  desk_design_canvas_set_selected (self->canvas, (int) desk_design_get_n_layers (self->design) - 1);
}

static void
background_image_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  choose_image (DESK_DESIGN_DIALOG (widget), _("Background Image"), set_background_image);
}

static void
remove_background_image_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  DeskDesignDialog *self = DESK_DESIGN_DIALOG (widget);

  desk_design_set_background_image (self->design, NULL, FALSE, 0.5, 0.5);
  sync_background (self);
}

static void
add_logo_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  choose_image (DESK_DESIGN_DIALOG (widget), _("Logo"), add_logo);
}

static void
add_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskDesignDialog *self = DESK_DESIGN_DIALOG (widget);

  desk_design_add_text_layer (self->design, _("Your text"));
  desk_design_canvas_set_selected (self->canvas, (int) desk_design_get_n_layers (self->design) - 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->layer_text_view));
}

static void
remove_layer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskDesignDialog *self = DESK_DESIGN_DIALOG (widget);
  int index = desk_design_canvas_get_selected (self->canvas);

  if (index < 0)
    return;
  desk_design_canvas_set_selected (self->canvas, -1);
  desk_design_remove_layer (self->design, index);
}

gboolean
desk_design_dialog_export (DeskDesignDialog *self)
{
  g_autofree char *json = desk_design_to_json (self->design);

  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, json, self->replace);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  desk_design_dialog_export (DESK_DESIGN_DIALOG (widget));
}

DeskDesign *
desk_design_dialog_get_design (DeskDesignDialog *self)
{
  return self->design;
}

GtkWidget *
desk_design_dialog_get_canvas (DeskDesignDialog *self)
{
  return GTK_WIDGET (self->canvas);
}

void
desk_design_dialog_select_layer (DeskDesignDialog *self,
                                 int               layer)
{
  desk_design_canvas_set_selected (self->canvas, layer);
}

static void
desk_design_dialog_dispose (GObject *object)
{
  DeskDesignDialog *self = DESK_DESIGN_DIALOG (object);

  g_clear_handle_id (&self->measure_id, g_source_remove);
  if (self->design != NULL)
    g_signal_handlers_disconnect_by_data (self->design, self);
  if (self->layers_list != NULL)
    g_signal_handlers_disconnect_by_data (self->layers_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_DESIGN_DIALOG);
  g_clear_object (&self->design);
  g_clear_object (&self->store);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->palette, g_free);
  G_OBJECT_CLASS (desk_design_dialog_parent_class)->dispose (object);
}

static void
desk_design_dialog_class_init (DeskDesignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_design_dialog_dispose;

  /**
   * DeskDesignDialog::exported:
   * @json: the design
   * @replace: the image of the post it redesigns, or -1
   */
  signals[SIGNAL_EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  g_type_ensure (DESK_TYPE_DESIGN_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-design-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, background_button);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, gradient_check);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, gradient_button);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, fit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, remove_image_button);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, focus_box);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, focus_x_scale);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, focus_y_scale);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, palette_box);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, layers_list);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, text_props);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, logo_props);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, remove_layer_button);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, layer_text_view);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, font_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, size_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, weight_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, align_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, colour_button);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, shadow_check);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, band_check);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, logo_width_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, contrast_list);
  gtk_widget_class_bind_template_child (widget_class, DeskDesignDialog, canvas);

  gtk_widget_class_install_action (widget_class, "design.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "design.add-text", NULL, add_text_action);
  gtk_widget_class_install_action (widget_class, "design.add-logo", NULL, add_logo_action);
  gtk_widget_class_install_action (widget_class, "design.remove-layer", NULL, remove_layer_action);
  gtk_widget_class_install_action (widget_class, "design.background-image", NULL, background_image_action);
  gtk_widget_class_install_action (widget_class, "design.remove-background-image", NULL, remove_background_image_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_design_dialog_init (DeskDesignDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  guint n;
  const DeskDesignPreset *presets = desk_design_presets (&n);

  gtk_widget_init_template (GTK_WIDGET (self));
  desk_drop_down_set_accessible_label (self->format_dropdown, _("Format"));
  desk_drop_down_set_accessible_label (self->fit_dropdown, _("How the image fills the format"));
  desk_drop_down_set_accessible_label (self->weight_dropdown, _("Weight"));
  desk_drop_down_set_accessible_label (self->align_dropdown, _("Alignment"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (formats, _(presets[i].label));
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (formats));
}

/**
 * desk_design_dialog_new:
 * @json: (nullable): the design to change, or %NULL for a new one
 * @media_dir: where the design's images are
 * @replace: the post's image this design made, or -1
 */
DeskDesignDialog *
desk_design_dialog_new (DeskStore  *store,
                        gint64      brand_id,
                        const char *palette,
                        const char *json,
                        const char *media_dir,
                        int         replace)
{
  DeskDesignDialog *self = g_object_new (DESK_TYPE_DESIGN_DIALOG, NULL);
  g_autoptr(GError) error = NULL;
  guint n;
  const DeskDesignPreset *presets = desk_design_presets (&n);

  self->store = g_object_ref (store);
  self->brand_id = brand_id;
  self->palette = g_strdup (palette);
  self->replace = replace;
  if (json != NULL)
    self->design = desk_design_new_from_json (json, media_dir, &error);
  if (self->design == NULL)
    {
      if (error != NULL)
        show_error (self, error->message);
      self->design = desk_design_new ("square");
      desk_design_set_base_dir (self->design, media_dir);
      desk_design_add_text_layer (self->design, _("Your text"));
    }
  for (guint i = 0; i < n; i++)
    if (g_str_equal (presets[i].id, desk_design_get_preset (self->design)))
      gtk_drop_down_set_selected (self->format_dropdown, i);

  desk_design_canvas_set_design (self->canvas, self->design);
  build_palette (self);
  sync_background (self);
  rebuild_layers (self);

  g_signal_connect_swapped (self->design, "changed", G_CALLBACK (on_design_changed), self);
  g_signal_connect_swapped (self->format_dropdown, "notify::selected", G_CALLBACK (on_format_changed), self);
  g_signal_connect_swapped (self->background_button, "color-set", G_CALLBACK (on_background_changed), self);
  g_signal_connect_swapped (self->gradient_button, "color-set", G_CALLBACK (on_background_changed), self);
  g_signal_connect_swapped (self->gradient_check, "toggled", G_CALLBACK (on_background_changed), self);
  g_signal_connect_swapped (self->fit_dropdown, "notify::selected", G_CALLBACK (on_background_changed), self);
  g_signal_connect_swapped (self->focus_x_scale, "value-changed", G_CALLBACK (on_background_changed), self);
  g_signal_connect_swapped (self->focus_y_scale, "value-changed", G_CALLBACK (on_background_changed), self);
  g_signal_connect (self->layers_list, "row-selected", G_CALLBACK (on_layer_row_selected), self);
  g_signal_connect_swapped (self->canvas, "layer-selected", G_CALLBACK (on_canvas_layer_selected), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->layer_text_view), "changed", G_CALLBACK (on_layer_prop_changed), self);
  g_signal_connect_swapped (self->font_entry, "changed", G_CALLBACK (on_layer_prop_changed), self);
  g_signal_connect_swapped (self->size_spin, "value-changed", G_CALLBACK (on_layer_prop_changed), self);
  g_signal_connect_swapped (self->weight_dropdown, "notify::selected", G_CALLBACK (on_layer_prop_changed), self);
  g_signal_connect_swapped (self->align_dropdown, "notify::selected", G_CALLBACK (on_layer_prop_changed), self);
  g_signal_connect_swapped (self->colour_button, "color-set", G_CALLBACK (on_layer_prop_changed), self);
  g_signal_connect_swapped (self->shadow_check, "toggled", G_CALLBACK (on_layer_prop_changed), self);
  g_signal_connect_swapped (self->band_check, "toggled", G_CALLBACK (on_layer_prop_changed), self);
  g_signal_connect_swapped (self->logo_width_spin, "value-changed", G_CALLBACK (on_layer_prop_changed), self);

  if (desk_design_get_n_layers (self->design) > 0)
    desk_design_canvas_set_selected (self->canvas, 0);
  measure (self);
  return self;
}
