/* desk-design.c: a post's visual, rendered with Cairo and Pango
 *
 * A design is a preset size, a background (a colour, a vertical gradient, an
 * image shown "cover" or "contain" around a focal point) and layers drawn in
 * order: text (Pango markup-free text, font, size, weight, colour, alignment,
 * optional shadow or backdrop band) and logos. Saved as JSON (README:
 * "Design files").
 *
 * Contrast is measured on the rendered pixels (WCAG 2.x relative luminance
 * and contrast ratio, SC 1.4.3 and 1.4.6; W3C ACT rule afw4f7):
 * for a text layer, everything under it is rendered without its glyphs, the
 * glyphs are rendered alone as a mask, and every background pixel of the
 * layer's box that no glyph covers gives a WCAG ratio against the text
 * colour. The 5th percentile is the layer's ratio; the 32-pixel block with
 * the lowest mean is where it is worst.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-design"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>

#include "desk-checks.h"
#include "desk-design.h"
#include "desk-json.h"
#include "desk-media.h"

struct _DeskDesign
{
  GObject     parent_instance;

  char       *preset;
  int         width;
  int         height;
  DeskColour  background;
  gboolean    has_gradient;
  DeskColour  gradient_to;
  char       *background_image;
  gboolean    contain;
  double      focus_x;
  double      focus_y;
  GPtrArray  *layers;       /* (element-type DeskLayer) */
  char       *base_dir;
  GHashTable *images;       /* resolved path → cairo_surface_t, NULL if unreadable */
  guint       background_serial;
};

G_DEFINE_FINAL_TYPE (DeskDesign, desk_design, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const DeskDesignPreset presets[] = {
  { "square", N_("Square post (1080 × 1080)"), 1080, 1080 },
  { "portrait", N_("Portrait post (1080 × 1350)"), 1080, 1350 },
  { "story", N_("Story (1080 × 1920)"), 1080, 1920 },
  { "landscape", N_("Landscape post (1200 × 675)"), 1200, 675 },
  { "link", N_("Link card (1200 × 627)"), 1200, 627 },
};

const DeskDesignPreset *
desk_design_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

const DeskDesignPreset *
desk_design_find_preset (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].id, id))
      return &presets[i];
  return NULL;
}

static void
layer_free (DeskLayer *layer)
{
  g_free (layer->text);
  g_free (layer->font);
  g_free (layer->image);
  g_free (layer);
}

static DeskLayer *
layer_copy (const DeskLayer *layer)
{
  DeskLayer *copy = g_memdup2 (layer, sizeof *layer);

  copy->text = g_strdup (layer->text);
  copy->font = g_strdup (layer->font);
  copy->image = g_strdup (layer->image);
  return copy;
}

static void
desk_design_finalize (GObject *object)
{
  DeskDesign *self = DESK_DESIGN (object);

  g_free (self->preset);
  g_free (self->background_image);
  g_free (self->base_dir);
  g_ptr_array_unref (self->layers);
  g_hash_table_unref (self->images);
  G_OBJECT_CLASS (desk_design_parent_class)->finalize (object);
}

static void
desk_design_class_init (DeskDesignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_design_finalize;

  /**
   * DeskDesign::changed:
   *
   * Anything drawn changed: the size, the background or a layer.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
surface_unref0 (gpointer surface)
{
  if (surface != NULL)
    cairo_surface_destroy (surface);
}

static void
desk_design_init (DeskDesign *self)
{
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) layer_free);
  self->images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, surface_unref0);
  self->background = (DeskColour) { 0xff, 0xff, 0xff };
  self->focus_x = self->focus_y = 0.5;
}

static void
emit_changed (DeskDesign *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

DeskDesign *
desk_design_new (const char *preset)
{
  DeskDesign *self = g_object_new (DESK_TYPE_DESIGN, NULL);

  desk_design_set_preset (self, preset != NULL ? preset : "square");
  return self;
}

int
desk_design_get_width (DeskDesign *self)
{
  g_return_val_if_fail (DESK_IS_DESIGN (self), 0);
  return self->width;
}

int
desk_design_get_height (DeskDesign *self)
{
  g_return_val_if_fail (DESK_IS_DESIGN (self), 0);
  return self->height;
}

const char *
desk_design_get_preset (DeskDesign *self)
{
  g_return_val_if_fail (DESK_IS_DESIGN (self), NULL);
  return self->preset;
}

void
desk_design_set_preset (DeskDesign *self,
                        const char *preset)
{
  const DeskDesignPreset *found = desk_design_find_preset (preset);

  g_return_if_fail (DESK_IS_DESIGN (self));
  if (found == NULL)
    found = &presets[0];
  g_free (self->preset);
  self->preset = g_strdup (found->id);
  self->width = found->width;
  self->height = found->height;
  self->background_serial++;
  emit_changed (self);
}

const DeskColour *
desk_design_get_background (DeskDesign *self)
{
  return &self->background;
}

void
desk_design_set_background (DeskDesign       *self,
                            const DeskColour *colour,
                            const DeskColour *gradient_to)
{
  g_return_if_fail (DESK_IS_DESIGN (self));
  self->background = *colour;
  self->has_gradient = gradient_to != NULL;
  if (gradient_to != NULL)
    self->gradient_to = *gradient_to;
  self->background_serial++;
  emit_changed (self);
}

/**
 * desk_design_get_gradient:
 * @to: (out): the gradient's bottom colour
 *
 * Returns: whether the background is a gradient
 */
gboolean
desk_design_get_gradient (DeskDesign *self,
                          DeskColour *to)
{
  g_return_val_if_fail (DESK_IS_DESIGN (self), FALSE);
  if (self->has_gradient && to != NULL)
    *to = self->gradient_to;
  return self->has_gradient;
}

const char *
desk_design_get_background_image (DeskDesign *self)
{
  return self->background_image;
}

void
desk_design_set_background_image (DeskDesign *self,
                                  const char *path,
                                  gboolean    contain,
                                  double      focus_x,
                                  double      focus_y)
{
  g_return_if_fail (DESK_IS_DESIGN (self));
  g_free (self->background_image);
  self->background_image = path != NULL && path[0] != '\0' ? g_strdup (path) : NULL;
  self->contain = contain;
  self->focus_x = CLAMP (focus_x, 0.0, 1.0);
  self->focus_y = CLAMP (focus_y, 0.0, 1.0);
  self->background_serial++;
  emit_changed (self);
}

const char *
desk_design_get_base_dir (DeskDesign *self)
{
  return self->base_dir;
}

void
desk_design_set_base_dir (DeskDesign *self,
                          const char *dir)
{
  g_free (self->base_dir);
  self->base_dir = g_strdup (dir);
  g_hash_table_remove_all (self->images);
}

guint
desk_design_get_n_layers (DeskDesign *self)
{
  g_return_val_if_fail (DESK_IS_DESIGN (self), 0);
  return self->layers->len;
}

DeskLayer *
desk_design_get_layer (DeskDesign *self,
                       guint       index)
{
  g_return_val_if_fail (DESK_IS_DESIGN (self), NULL);
  g_return_val_if_fail (index < self->layers->len, NULL);
  return g_ptr_array_index (self->layers, index);
}

DeskLayer *
desk_design_add_text_layer (DeskDesign *self,
                            const char *text)
{
  DeskLayer *layer = g_new0 (DeskLayer, 1);

  layer->kind = DESK_LAYER_TEXT;
  layer->text = g_strdup (text != NULL ? text : "");
  layer->font = g_strdup ("Cantarell");
  layer->size = MAX (24, self->width / 15);
  layer->weight = 700;
  layer->colour = desk_colour_luminance (&self->background) > 0.18 ? (DeskColour) { 0x24, 0x1f, 0x31 }
                                                                   : (DeskColour) { 0xff, 0xff, 0xff };
  layer->band_colour = (DeskColour) { 0, 0, 0 };
  layer->x = self->width * 0.08;
  layer->y = self->height * 0.1 + self->layers->len * layer->size * 1.6;
  layer->width = self->width * 0.84;
  g_ptr_array_add (self->layers, layer);
  emit_changed (self);
  return layer;
}

DeskLayer *
desk_design_add_logo_layer (DeskDesign *self,
                            const char *path)
{
  DeskLayer *layer = g_new0 (DeskLayer, 1);

  layer->kind = DESK_LAYER_LOGO;
  layer->image = g_strdup (path);
  layer->width = self->width * 0.2;
  layer->x = self->width - layer->width - self->width * 0.05;
  layer->y = self->height - layer->width - self->height * 0.05;
  g_ptr_array_add (self->layers, layer);
  emit_changed (self);
  return layer;
}

void
desk_design_remove_layer (DeskDesign *self,
                          guint       index)
{
  g_return_if_fail (index < self->layers->len);
  g_ptr_array_remove_index (self->layers, index);
  emit_changed (self);
}

void
desk_design_layer_changed (DeskDesign *self,
                           guint       index)
{
  emit_changed (self);
}

DeskDesign *
desk_design_copy (DeskDesign *self)
{
  DeskDesign *copy = desk_design_new (self->preset);

  copy->background = self->background;
  copy->has_gradient = self->has_gradient;
  copy->gradient_to = self->gradient_to;
  copy->background_image = g_strdup (self->background_image);
  copy->contain = self->contain;
  copy->focus_x = self->focus_x;
  copy->focus_y = self->focus_y;
  copy->base_dir = g_strdup (self->base_dir);
  for (guint i = 0; i < self->layers->len; i++)
    g_ptr_array_add (copy->layers, layer_copy (g_ptr_array_index (self->layers, i)));
  return copy;
}

/* Images */

/* Also the client report's logo (desk-report.c) */
cairo_surface_t *
desk_design_surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int stride = cairo_image_surface_get_stride (surface);
  guint8 *dest;

  cairo_surface_flush (surface);
  dest = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *s = src + y * src_stride;
      guint32 *d = (guint32 *) (dest + y * stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = channels == 4 ? s[3] : 255;
          /* Premultiplied, as cairo stores it */
          guint r = (s[0] * a + 127) / 255, g = (s[1] * a + 127) / 255, b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static char *
resolve (DeskDesign *self,
         const char *path)
{
  if (path == NULL || g_path_is_absolute (path) || self->base_dir == NULL)
    return g_strdup (path);
  return g_build_filename (self->base_dir, path, NULL);
}

/* The image at @path, loaded once; NULL (and a warning once) if unreadable */
static cairo_surface_t *
lookup_image (DeskDesign *self,
              const char *path)
{
  g_autofree char *resolved = resolve (self, path);
  gpointer surface;

  if (resolved == NULL)
    return NULL;
  if (!g_hash_table_lookup_extended (self->images, resolved, NULL, &surface))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;

      /* The header first: a small file may declare a huge image */
      if (desk_media_check_image (resolved, &error))
        pixbuf = gdk_pixbuf_new_from_file (resolved, &error);
      if (pixbuf == NULL)
        g_message ("Cannot read image %s: %s", resolved, error->message);
      else
        {
          g_autoptr(GdkPixbuf) oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
          surface = desk_design_surface_from_pixbuf (oriented);
        }
      g_hash_table_insert (self->images, g_strdup (resolved), surface);
    }
  return surface;
}

/* Rendering */

static void
set_source_colour (cairo_t          *cr,
                   const DeskColour *colour,
                   double            alpha)
{
  cairo_set_source_rgba (cr, colour->red / 255.0, colour->green / 255.0, colour->blue / 255.0, alpha);
}

static void
draw_background (DeskDesign *self,
                 cairo_t    *cr)
{
  cairo_surface_t *image = lookup_image (self, self->background_image);

  if (self->has_gradient)
    {
      cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 0, self->height);

      cairo_pattern_add_color_stop_rgb (gradient, 0, self->background.red / 255.0,
                                        self->background.green / 255.0, self->background.blue / 255.0);
      cairo_pattern_add_color_stop_rgb (gradient, 1, self->gradient_to.red / 255.0,
                                        self->gradient_to.green / 255.0, self->gradient_to.blue / 255.0);
      cairo_set_source (cr, gradient);
      cairo_pattern_destroy (gradient);
    }
  else
    set_source_colour (cr, &self->background, 1);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  if (image != NULL)
    {
      double iw = cairo_image_surface_get_width (image);
      double ih = cairo_image_surface_get_height (image);
      double scale = self->contain ? MIN (self->width / iw, self->height / ih)
                                   : MAX (self->width / iw, self->height / ih);
      double dw = iw * scale, dh = ih * scale;
      /* The focal point stays as central as the overflow allows */
      double x = CLAMP (self->width / 2.0 - self->focus_x * dw, self->width - dw, 0);
      double y = CLAMP (self->height / 2.0 - self->focus_y * dh, self->height - dh, 0);

      if (self->contain)
        {
          x = (self->width - dw) / 2;
          y = (self->height - dh) / 2;
        }
      cairo_save (cr);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_clip (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
    }
}

static PangoLayout *
text_layout (cairo_t         *cr,
             const DeskLayer *layer)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();
  static const PangoAlignment aligns[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT };
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Same glyph positions at every scale: the canvas shows what is exported */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 96);
  pango_layout_context_changed (layout);

  pango_font_description_set_family (desc, layer->font != NULL ? layer->font : "Cantarell");
  pango_font_description_set_absolute_size (desc, MAX (1, layer->size) * PANGO_SCALE);
  pango_font_description_set_weight (desc, CLAMP (layer->weight, 100, 1000));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (MAX (1, layer->width) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, aligns[CLAMP (layer->align, DESK_ALIGN_LEFT, DESK_ALIGN_RIGHT)]);
  {
    /* A text typed in the designer is cut where a file's would be refused */
    const char *text = layer->text != NULL ? layer->text : "";
    const char *end = text;

    for (int n = 0; *end != '\0' && n < DESK_DESIGN_MAX_TEXT; n++)
      end = g_utf8_next_char (end);
    pango_layout_set_text (layout, text, (int) (end - text));
  }
  return layout;
}

static void
layer_box (DeskDesign            *self,
           const DeskLayer       *layer,
           cairo_rectangle_int_t *box)
{
  if (layer->kind == DESK_LAYER_TEXT)
    {
      cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      cairo_t *cr = cairo_create (scratch);
      g_autoptr(PangoLayout) layout = text_layout (cr, layer);
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      box->x = (int) floor (layer->x);
      box->y = (int) floor (layer->y);
      box->width = (int) ceil (layer->width);
      box->height = MAX (1, height);
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }
  else
    {
      cairo_surface_t *image = lookup_image (self, layer->image);
      double ratio = image != NULL ? (double) cairo_image_surface_get_height (image) /
                                     cairo_image_surface_get_width (image) : 1.0;

      box->x = (int) floor (layer->x);
      box->y = (int) floor (layer->y);
      box->width = (int) ceil (layer->width);
      box->height = (int) ceil (layer->width * ratio);
    }
}

void
desk_design_get_layer_box (DeskDesign            *self,
                           guint                  index,
                           cairo_rectangle_int_t *box)
{
  g_return_if_fail (index < self->layers->len);
  layer_box (self, g_ptr_array_index (self->layers, index), box);
}

/**
 * desk_design_layer_at:
 *
 * Returns: the topmost layer whose box holds (@x, @y), or -1
 */
int
desk_design_layer_at (DeskDesign *self,
                      double      x,
                      double      y)
{
  for (int i = (int) self->layers->len - 1; i >= 0; i--)
    {
      cairo_rectangle_int_t box;

      layer_box (self, g_ptr_array_index (self->layers, i), &box);
      if (x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height)
        return i;
    }
  return -1;
}

#define BAND_PADDING(layer) ((layer)->size * 0.3)

/* What is drawn behind a text layer's glyphs: its band and its shadow */
static void
draw_text_backdrop (cairo_t         *cr,
                    const DeskLayer *layer,
                    PangoLayout     *layout)
{
  if (layer->band)
    {
      PangoRectangle ink;
      double pad = BAND_PADDING (layer);

      pango_layout_get_pixel_extents (layout, &ink, NULL);
      set_source_colour (cr, &layer->band_colour, 0.78);
      cairo_rectangle (cr, layer->x + ink.x - pad, layer->y + ink.y - pad,
                       ink.width + 2 * pad, ink.height + 2 * pad);
      cairo_fill (cr);
    }
  if (layer->shadow)
    {
      /* A soft shadow: the glyphs, offset, several times with low alpha */
      double offset = MAX (1, layer->size / 24);

      for (int dx = -1; dx <= 1; dx++)
        for (int dy = -1; dy <= 1; dy++)
          {
            cairo_move_to (cr, layer->x + offset + dx * offset, layer->y + offset + dy * offset);
            cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
            pango_cairo_show_layout (cr, layout);
          }
    }
}

static void
draw_layer (DeskDesign      *self,
            cairo_t         *cr,
            const DeskLayer *layer,
            gboolean         backdrop,
            gboolean         glyphs)
{
  if (layer->kind == DESK_LAYER_TEXT)
    {
      g_autoptr(PangoLayout) layout = text_layout (cr, layer);

      if (backdrop)
        draw_text_backdrop (cr, layer, layout);
      if (glyphs)
        {
          cairo_move_to (cr, layer->x, layer->y);
          set_source_colour (cr, &layer->colour, 1);
          pango_cairo_show_layout (cr, layout);
        }
    }
  else if (backdrop)
    {
      cairo_surface_t *image = lookup_image (self, layer->image);
      double scale;

      if (image == NULL || cairo_image_surface_get_width (image) == 0)
        return;
      scale = layer->width / cairo_image_surface_get_width (image);
      cairo_save (cr);
      cairo_translate (cr, layer->x, layer->y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
    }
}

/**
 * desk_design_render:
 * @cr: a context whose user space is the design's pixels
 *
 * Draws the whole design.
 */
void
desk_design_render (DeskDesign *self,
                    cairo_t    *cr)
{
  g_return_if_fail (DESK_IS_DESIGN (self));
  desk_design_render_background (self, cr);
  desk_design_render_layers (self, cr);
}

/**
 * desk_design_render_background:
 *
 * Draws the background alone: what a canvas can keep between frames while
 * a layer moves (see desk_design_get_background_serial()).
 */
void
desk_design_render_background (DeskDesign *self,
                               cairo_t    *cr)
{
  g_return_if_fail (DESK_IS_DESIGN (self));
  cairo_save (cr);
  draw_background (self, cr);
  cairo_restore (cr);
}

void
desk_design_render_layers (DeskDesign *self,
                           cairo_t    *cr)
{
  g_return_if_fail (DESK_IS_DESIGN (self));
  cairo_save (cr);
  for (guint i = 0; i < self->layers->len; i++)
    draw_layer (self, cr, g_ptr_array_index (self->layers, i), TRUE, TRUE);
  cairo_restore (cr);
}

/* Changes whenever the background (or the size) does */
guint
desk_design_get_background_serial (DeskDesign *self)
{
  return self->background_serial;
}

cairo_surface_t *
desk_design_render_surface (DeskDesign *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, self->width, self->height);
  cairo_t *cr = cairo_create (surface);

  desk_design_render (self, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

gboolean
desk_design_export_png (DeskDesign  *self,
                        const char  *path,
                        GError     **error)
{
  cairo_surface_t *surface = desk_design_render_surface (self);
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  cairo_status_t status = cairo_surface_write_to_png (surface, tmp);

  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the image %s: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write the image %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_design_dup_alt_text:
 *
 * Returns: (transfer full): a starting alt text: the text layers, in order
 */
char *
desk_design_dup_alt_text (DeskDesign *self)
{
  GString *alt = g_string_new (NULL);

  for (guint i = 0; i < self->layers->len; i++)
    {
      const DeskLayer *layer = g_ptr_array_index (self->layers, i);
      g_autofree char *text = NULL;

      if (layer->kind != DESK_LAYER_TEXT || layer->text == NULL)
        continue;
      text = g_strstrip (g_strdelimit (g_strdup (layer->text), "\n", ' '));
      if (text[0] == '\0')
        continue;
      if (alt->len > 0)
        g_string_append (alt, alt->str[alt->len - 1] == '.' ? " " : ". ");
      g_string_append (alt, text);
    }
  if (alt->len > 0 && !g_strrstr (".!?…", alt->str + alt->len - 1))
    g_string_append_c (alt, '.');
  return g_string_free (alt, FALSE);
}

/* Contrast on the pixels */

static double srgb_lut[256];

static void
init_lut (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (int v = 0; v < 256; v++)
        {
          double c = v / 255.0;

          srgb_lut[v] = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
        }
      g_once_init_leave (&done, 1);
    }
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The background luminances of layer @index's box (glyphs excluded), in
 * @lums, with their positions */
typedef struct
{
  GArray               *lums;      /* double */
  GArray               *where;     /* int x, y pairs */
  cairo_rectangle_int_t box;
} Samples;

/* @behind: (nullable): the background and the layers before @index, drawn;
 * without it they are drawn here (a check of every layer passes it, so
 * each layer is drawn once, not once per layer above it) */
static void
collect_samples (DeskDesign      *self,
                 guint            index,
                 cairo_surface_t *behind,
                 Samples         *samples)
{
  const DeskLayer *layer = g_ptr_array_index (self->layers, index);
  cairo_surface_t *background = cairo_image_surface_create (CAIRO_FORMAT_RGB24, self->width, self->height);
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, self->width, self->height);
  cairo_rectangle_int_t box, canvas = { 0, 0, self->width, self->height };
  cairo_t *cr;
  guint8 *bg_data, *mask_data;
  int bg_stride, mask_stride, margin;

  init_lut ();
  cr = cairo_create (background);
  if (behind != NULL)
    {
      cairo_set_source_surface (cr, behind, 0, 0);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    }
  else
    {
      draw_background (self, cr);
      for (guint i = 0; i < index; i++)
        draw_layer (self, cr, g_ptr_array_index (self->layers, i), TRUE, TRUE);
    }
  draw_layer (self, cr, layer, TRUE, FALSE);
  cairo_destroy (cr);
  cr = cairo_create (mask);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_GRAY);
  draw_layer (self, cr, layer, FALSE, TRUE);
  cairo_destroy (cr);
  cairo_surface_flush (background);
  cairo_surface_flush (mask);

  /* The ink box, with a margin of a third of the text's size */
  {
    g_autoptr(PangoLayout) layout = NULL;
    PangoRectangle ink;
    cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);

    cr = cairo_create (scratch);
    layout = text_layout (cr, layer);
    pango_layout_get_pixel_extents (layout, &ink, NULL);
    cairo_destroy (cr);
    cairo_surface_destroy (scratch);
    margin = (int) ceil (layer->size / 3);
    box.x = (int) floor (layer->x) + ink.x - margin;
    box.y = (int) floor (layer->y) + ink.y - margin;
    box.width = ink.width + 2 * margin;
    box.height = ink.height + 2 * margin;
    {
      int x1 = MAX (box.x, canvas.x), y1 = MAX (box.y, canvas.y);
      int x2 = MIN (box.x + box.width, canvas.width), y2 = MIN (box.y + box.height, canvas.height);

      box.x = x1;
      box.y = y1;
      box.width = MAX (0, x2 - x1);
      box.height = MAX (0, y2 - y1);
    }
  }

  bg_data = cairo_image_surface_get_data (background);
  bg_stride = cairo_image_surface_get_stride (background);
  mask_data = cairo_image_surface_get_data (mask);
  mask_stride = cairo_image_surface_get_stride (mask);
  samples->lums = g_array_sized_new (FALSE, FALSE, sizeof (double), box.width * box.height);
  samples->where = g_array_new (FALSE, FALSE, sizeof (int));
  samples->box = box;
  for (int y = box.y; y < box.y + box.height; y++)
    {
      const guint32 *row = (const guint32 *) (bg_data + y * bg_stride);
      const guint8 *mrow = mask_data + y * mask_stride;

      for (int x = box.x; x < box.x + box.width; x++)
        {
          guint32 p = row[x];
          double lum;

          if (mrow[x] != 0)
            continue;
          lum = 0.2126 * srgb_lut[(p >> 16) & 0xff] + 0.7152 * srgb_lut[(p >> 8) & 0xff] +
                0.0722 * srgb_lut[p & 0xff];
          g_array_append_val (samples->lums, lum);
          g_array_append_val (samples->where, x);
          g_array_append_val (samples->where, y);
        }
    }
  cairo_surface_destroy (background);
  cairo_surface_destroy (mask);
}

static double
ratio_of (double a,
          double b)
{
  return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}

static gboolean
is_large (const DeskLayer *layer)
{
  /* 18 pt = 24 px; 14 pt bold = 18.66 px */
  return layer->size >= 24 || (layer->size >= 18.66 && layer->weight >= 700);
}

/* The 5th percentile of the ratios of @samples against a text luminance */
static double
percentile_ratio (const Samples *samples,
                  double         text_lum,
                  double        *worst)
{
  g_autoptr(GArray) ratios = g_array_sized_new (FALSE, FALSE, sizeof (double), samples->lums->len);

  for (guint i = 0; i < samples->lums->len; i++)
    {
      double r = ratio_of (text_lum, g_array_index (samples->lums, double, i));

      g_array_append_val (ratios, r);
    }
  if (ratios->len == 0)
    {
      *worst = 21;
      return 21;
    }
  g_array_sort (ratios, compare_double);
  *worst = g_array_index (ratios, double, 0);
  return g_array_index (ratios, double, (guint) floor ((ratios->len - 1) * 0.05));
}

static void
worst_block (const Samples         *samples,
             double                 text_lum,
             cairo_rectangle_int_t *area)
{
  const int block = 32;
  int cols = MAX (1, (samples->box.width + block - 1) / block);
  int rows = MAX (1, (samples->box.height + block - 1) / block);
  g_autofree double *sum = g_new0 (double, cols * rows);
  g_autofree guint *count = g_new0 (guint, cols * rows);
  double best = G_MAXDOUBLE;
  int best_index = 0;

  for (guint i = 0; i < samples->lums->len; i++)
    {
      int x = g_array_index (samples->where, int, 2 * i) - samples->box.x;
      int y = g_array_index (samples->where, int, 2 * i + 1) - samples->box.y;
      int k = (y / block) * cols + x / block;

      sum[k] += ratio_of (text_lum, g_array_index (samples->lums, double, i));
      count[k]++;
    }
  for (int k = 0; k < cols * rows; k++)
    if (count[k] > 0 && sum[k] / count[k] < best)
      {
        best = sum[k] / count[k];
        best_index = k;
      }
  area->x = samples->box.x + (best_index % cols) * block;
  area->y = samples->box.y + (best_index / cols) * block;
  area->width = MIN (block, samples->box.x + samples->box.width - area->x);
  area->height = MIN (block, samples->box.y + samples->box.height - area->y);
}

static void
samples_clear (Samples *samples)
{
  g_clear_pointer (&samples->lums, g_array_unref);
  g_clear_pointer (&samples->where, g_array_unref);
}

/* Measures text layer @index over @behind (see collect_samples ()); its
 * samples stay in @samples for a fix to be proposed from them */
static gboolean
measure_layer (DeskDesign        *self,
               guint              index,
               cairo_surface_t   *behind,
               DeskLayerContrast *result,
               Samples           *samples)
{
  const DeskLayer *layer = g_ptr_array_index (self->layers, index);
  double text_lum;

  if (layer->kind != DESK_LAYER_TEXT || layer->text == NULL)
    return FALSE;
  {
    g_autofree char *stripped = g_strstrip (g_strdup (layer->text));

    if (stripped[0] == '\0')
      return FALSE;
  }

  collect_samples (self, index, behind, samples);
  if (samples->lums->len == 0)
    return FALSE;
  text_lum = desk_colour_luminance (&layer->colour);
  result->ratio = percentile_ratio (samples, text_lum, &result->worst);
  result->large = is_large (layer);
  result->passes_aa = result->ratio >= (result->large ? 3.0 : 4.5);
  result->passes_aaa = result->ratio >= (result->large ? 4.5 : 7.0);
  result->box = samples->box;
  result->n_pixels = samples->lums->len;
  worst_block (samples, text_lum, &result->worst_area);
  return TRUE;
}

/**
 * desk_design_measure_contrast:
 * @index: a text layer
 *
 * Measures the contrast of text layer @index on the rendered pixels under it.
 *
 * Returns: %FALSE if @index is not a text layer with text on the canvas
 */
gboolean
desk_design_measure_contrast (DeskDesign        *self,
                              guint              index,
                              DeskLayerContrast *result)
{
  Samples samples = { 0 };
  gboolean measured;

  g_return_val_if_fail (DESK_IS_DESIGN (self), FALSE);
  g_return_val_if_fail (index < self->layers->len, FALSE);
  measured = measure_layer (self, index, NULL, result, &samples);
  samples_clear (&samples);
  return measured;
}

static void
format_colour (const DeskColour *colour,
               char              buf[8])
{
  g_snprintf (buf, 8, "#%02x%02x%02x", colour->red, colour->green, colour->blue);
}

static double
colour_distance (const DeskColour *a,
                 const DeskColour *b)
{
  double dr = a->red - b->red, dg = a->green - b->green, db = a->blue - b->blue;

  return dr * dr + dg * dg + db * db;
}

/* The fix for a text layer that fails: the palette colour nearest to its
 * colour that passes, else black or white, else a backdrop band */
static char *
propose_fix (const DeskLayer *layer,
             const Samples   *samples,
             const char      *palette)
{
  g_auto(GStrv) colours = g_strsplit (palette != NULL ? palette : "", ";", -1);
  double needed = is_large (layer) ? 3.0 : 4.5;
  const DeskColour *best = NULL;
  DeskColour candidate, found = { 0 };
  double best_distance = G_MAXDOUBLE, worst;
  char buf[8];

  for (guint i = 0; colours[i] != NULL; i++)
    if (desk_colour_parse (g_strstrip (colours[i]), &candidate, NULL) &&
        percentile_ratio (samples, desk_colour_luminance (&candidate), &worst) >= needed &&
        colour_distance (&candidate, &layer->colour) < best_distance)
      {
        found = candidate;
        best = &found;
        best_distance = colour_distance (&candidate, &layer->colour);
      }
  if (best == NULL)
    {
      static const DeskColour black = { 0, 0, 0 }, white = { 0xff, 0xff, 0xff };
      double on_black = percentile_ratio (samples, desk_colour_luminance (&black), &worst);
      double on_white = percentile_ratio (samples, desk_colour_luminance (&white), &worst);

      if (MAX (on_black, on_white) < needed)
        return g_strdup ("band");
      found = on_black >= on_white ? black : white;
    }
  format_colour (&found, buf);
  return g_strdup (buf);
}

/**
 * desk_design_check:
 * @palette: (nullable): the brand's colours, "#rrggbb;#rrggbb"
 *
 * Returns: (transfer full) (element-type DeskFinding): a contrast-low
 *   finding per text layer that fails WCAG AA on its pixels
 */
GPtrArray *
desk_design_check (DeskDesign *self,
                   const char *palette)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_finding_free);

  cairo_surface_t *behind;
  cairo_t *cr;

  g_return_val_if_fail (DESK_IS_DESIGN (self), findings);

  /* What lies behind each layer, drawn layer after layer as it goes up */
  behind = cairo_image_surface_create (CAIRO_FORMAT_RGB24, self->width, self->height);
  cr = cairo_create (behind);
  draw_background (self, cr);
  for (guint i = 0; i < self->layers->len; i++)
    {
      const DeskLayer *layer = g_ptr_array_index (self->layers, i);
      DeskLayerContrast contrast;
      DeskFinding *finding;
      Samples samples = { 0 };

      cairo_surface_flush (behind);
      if (!measure_layer (self, i, behind, &contrast, &samples) || contrast.passes_aa)
        {
          samples_clear (&samples);
          draw_layer (self, cr, layer, TRUE, TRUE);
          continue;
        }
      draw_layer (self, cr, layer, TRUE, TRUE);
      finding = g_new0 (DeskFinding, 1);
      finding->id = "contrast-low";
      finding->severity = DESK_SEVERITY_WARNING;
      finding->message = g_strdup_printf (contrast.large
                                            ? _("Text on its background reaches %.2f:1 where it is worst; large text needs 3:1.")
                                            : _("Text on its background reaches %.2f:1 where it is worst; text this size needs 4.5:1."),
                                          contrast.ratio);
      finding->target = g_strdup_printf (_("text layer %u"), i + 1);
      finding->fix = propose_fix (layer, &samples, palette);
      finding->place = DESK_PLACE_LAYER;
      finding->index = (int) i;
      finding->start = finding->end = -1;
      g_ptr_array_add (findings, finding);
      samples_clear (&samples);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (behind);
  return findings;
}

/**
 * desk_design_apply_fix:
 * @fix: a contrast-low fix: "#rrggbb" (the text colour) or "band"
 *
 * Returns: whether @fix was understood and applied
 */
gboolean
desk_design_apply_fix (DeskDesign *self,
                       guint       index,
                       const char *fix)
{
  DeskLayer *layer;
  DeskColour colour;

  g_return_val_if_fail (index < self->layers->len, FALSE);
  layer = g_ptr_array_index (self->layers, index);
  if (g_strcmp0 (fix, "band") == 0)
    {
      layer->band = TRUE;
      layer->band_colour = (DeskColour) { 0, 0, 0 };
      layer->colour = (DeskColour) { 0xff, 0xff, 0xff };
    }
  else if (fix != NULL && desk_colour_parse (fix, &colour, NULL))
    layer->colour = colour;
  else
    return FALSE;
  emit_changed (self);
  return TRUE;
}

/* JSON */

static const char * const align_ids[] = { "left", "center", "right" };

static gboolean
read_colour (JsonObject  *object,
             const char  *member,
             DeskColour  *colour,
             gboolean     required,
             GError     **error)
{
  const char *text = json_object_get_string_member_with_default (object, member, NULL);
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    {
      if (required)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is missing"), member);
      return !required;
    }
  if (!desk_colour_parse (text, colour, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s”: %s"), member, local->message);
      return FALSE;
    }
  return TRUE;
}

/* Member @member of @object as a number in [@min, @max], @fallback when
 * absent; a number that is not finite or out of range is refused, since
 * every later computation (pixel boxes, sampling) trusts it */
static gboolean
read_number (JsonObject  *object,
             const char  *member,
             double       fallback,
             double       min,
             double       max,
             double      *value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) == G_TYPE_STRING ||
      json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a number"), member);
      return FALSE;
    }
  *value = json_node_get_double (node);
  if (!isfinite (*value) || *value < min || *value > max)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is out of range (%g to %g)"),
                   member, min, max);
      *value = fallback;
      return FALSE;
    }
  return TRUE;
}

static DeskLayer *
read_layer (DeskDesign  *self,
            JsonObject  *object,
            guint        index,
            GError     **error)
{
  const char *type = json_object_get_string_member_with_default (object, "type", "text");
  g_autoptr(GError) local = NULL;
  DeskLayer *layer = g_new0 (DeskLayer, 1);

  if (g_str_equal (type, "text"))
    {
      const char *align = json_object_get_string_member_with_default (object, "align", "left");

      double weight;

      layer->kind = DESK_LAYER_TEXT;
      layer->text = g_strdup (json_object_get_string_member_with_default (object, "text", ""));
      layer->font = g_strdup (json_object_get_string_member_with_default (object, "font", "Cantarell"));
      if (!read_number (object, "size", 64, 1, 2000, &layer->size, &local) ||
          !read_number (object, "weight", 400, 100, 1000, &weight, &local))
        goto fail;
      layer->weight = (int) weight;
      if (!g_utf8_validate (layer->text, -1, NULL))
        layer->text[0] = '\0';
      if (g_utf8_strlen (layer->text, -1) > DESK_DESIGN_MAX_TEXT)
        {
          g_set_error (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the text is longer than %d characters: a visual holds a few words"),
                       DESK_DESIGN_MAX_TEXT);
          goto fail;
        }
      layer->shadow = json_object_get_boolean_member_with_default (object, "shadow", FALSE);
      layer->band_colour = (DeskColour) { 0, 0, 0 };
      layer->band = json_object_has_member (object, "band");
      for (guint a = 0; a < G_N_ELEMENTS (align_ids); a++)
        if (g_str_equal (align, align_ids[a]))
          layer->align = a;
      if (!read_colour (object, "colour", &layer->colour, TRUE, &local) ||
          (layer->band && !read_colour (object, "band", &layer->band_colour, FALSE, &local)))
        goto fail;
    }
  else if (g_str_equal (type, "logo"))
    {
      layer->kind = DESK_LAYER_LOGO;
      layer->image = g_strdup (json_object_get_string_member_with_default (object, "image", NULL));
      if (layer->image == NULL)
        {
          g_set_error (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is missing"), "image");
          goto fail;
        }
    }
  else
    {
      g_set_error (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("unknown layer type “%s”"), type);
      goto fail;
    }
  if (!read_number (object, "x", 0, -DESK_DESIGN_MAX_COORD, DESK_DESIGN_MAX_COORD, &layer->x, &local) ||
      !read_number (object, "y", 0, -DESK_DESIGN_MAX_COORD, DESK_DESIGN_MAX_COORD, &layer->y, &local) ||
      !read_number (object, "width", self->width, 1, DESK_DESIGN_MAX_COORD, &layer->width, &local))
    goto fail;
  return layer;

fail:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Layer %u: %s"), index + 1, local->message);
  layer_free (layer);
  return NULL;
}

/* Refuses what would exhaust the parser before it runs: json-glib's parser
 * recurses once per nesting level, so 100,000 "[" overflow the stack */
static gboolean
check_json_shape (const char  *json,
                  GError     **error)
{
  gboolean in_string = FALSE;
  int depth = 0;
  gsize n;

  for (n = 0; json[n] != '\0'; n++)
    {
      char c = json[n];

      if (n >= DESK_DESIGN_MAX_BYTES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Not a design: the file is larger than %d KB"), DESK_DESIGN_MAX_BYTES / 1024);
          return FALSE;
        }
      if (in_string)
        {
          if (c == '\\' && json[n + 1] != '\0')
            n++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > DESK_DESIGN_MAX_DEPTH)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Not a design: it nests more than %d levels deep"), DESK_DESIGN_MAX_DEPTH);
          return FALSE;
        }
      else if (c == ']' || c == '}')
        depth--;
    }
  return TRUE;
}

/**
 * desk_design_new_from_json:
 * @base_dir: (nullable): where relative image paths start
 *
 * Returns: (transfer full): the design, or %NULL with @error saying what is
 *   wrong in @json
 */
DeskDesign *
desk_design_new_from_json (const char  *json,
                           const char  *base_dir,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(DeskDesign) self = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *root, *background;
  JsonArray *layers;
  JsonNode *node;
  const char *preset;

  if (!check_json_shape (json, error))
    return NULL;
  if (!json_parser_load_from_data (parser, json, -1, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Not a design: %s"), local->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Not a design: the file is not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  preset = json_object_get_string_member_with_default (root, "format", "square");
  if (desk_design_find_preset (preset) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Unknown format “%s” (square, portrait, story, landscape or link)"), preset);
      return NULL;
    }
  self = desk_design_new (preset);
  self->base_dir = g_strdup (base_dir);

  node = json_object_get_member (root, "background");
  background = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (background != NULL)
    {
      const char *fit = json_object_get_string_member_with_default (background, "fit", "cover");

      if (!read_colour (background, "colour", &self->background, FALSE, &local))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Background: %s"), local->message);
          return NULL;
        }
      self->has_gradient = json_object_has_member (background, "gradient");
      if (self->has_gradient && !read_colour (background, "gradient", &self->gradient_to, TRUE, &local))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Background: %s"), local->message);
          return NULL;
        }
      self->background_image = g_strdup (json_object_get_string_member_with_default (background, "image", NULL));
      self->contain = g_str_equal (fit, "contain");
      if (!read_number (background, "focus_x", 0.5, 0, 1, &self->focus_x, &local) ||
          !read_number (background, "focus_y", 0.5, 0, 1, &self->focus_y, &local))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Background: %s"), local->message);
          return NULL;
        }
    }

  node = json_object_get_member (root, "layers");
  layers = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  if (layers != NULL && json_array_get_length (layers) > DESK_DESIGN_MAX_LAYERS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a design: %u layers, more than the %d a visual may have"),
                   json_array_get_length (layers), DESK_DESIGN_MAX_LAYERS);
      return NULL;
    }
  for (guint i = 0; layers != NULL && i < json_array_get_length (layers); i++)
    {
      JsonNode *node = json_array_get_element (layers, i);
      DeskLayer *layer;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Layer %u is not an object"), i + 1);
          return NULL;
        }
      layer = read_layer (self, json_node_get_object (node), i, error);
      if (layer == NULL)
        return NULL;
      g_ptr_array_add (self->layers, layer);
    }
  return g_steal_pointer (&self);
}

DeskDesign *
desk_design_load (const char  *path,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) local = NULL;
  DeskDesign *design;

  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && st.st_size > DESK_DESIGN_MAX_BYTES)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s: not a design: the file is larger than %d KB"), path, DESK_DESIGN_MAX_BYTES / 1024);
        return NULL;
      }
  }
  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  dir = g_path_get_dirname (path);
  design = desk_design_new_from_json (contents, dir, &local);
  if (design == NULL)
    g_set_error (error, local->domain, local->code, "%s: %s", path, local->message);
  return design;
}

static void
add_colour (JsonBuilder      *builder,
            const char       *member,
            const DeskColour *colour)
{
  char buf[8];

  format_colour (colour, buf);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, buf);
}

char *
desk_design_to_json (DeskDesign *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, self->preset);
  json_builder_set_member_name (builder, "background");
  json_builder_begin_object (builder);
  add_colour (builder, "colour", &self->background);
  if (self->has_gradient)
    add_colour (builder, "gradient", &self->gradient_to);
  if (self->background_image != NULL)
    {
      json_builder_set_member_name (builder, "image");
      json_builder_add_string_value (builder, self->background_image);
      json_builder_set_member_name (builder, "fit");
      json_builder_add_string_value (builder, self->contain ? "contain" : "cover");
      json_builder_set_member_name (builder, "focus_x");
      json_builder_add_double_value (builder, self->focus_x);
      json_builder_set_member_name (builder, "focus_y");
      json_builder_add_double_value (builder, self->focus_y);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "layers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->layers->len; i++)
    {
      const DeskLayer *layer = g_ptr_array_index (self->layers, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, layer->kind == DESK_LAYER_TEXT ? "text" : "logo");
      if (layer->kind == DESK_LAYER_TEXT)
        {
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, layer->text);
          json_builder_set_member_name (builder, "font");
          json_builder_add_string_value (builder, layer->font);
          json_builder_set_member_name (builder, "size");
          json_builder_add_double_value (builder, layer->size);
          json_builder_set_member_name (builder, "weight");
          json_builder_add_int_value (builder, layer->weight);
          add_colour (builder, "colour", &layer->colour);
          json_builder_set_member_name (builder, "align");
          json_builder_add_string_value (builder, align_ids[layer->align]);
          if (layer->shadow)
            {
              json_builder_set_member_name (builder, "shadow");
              json_builder_add_boolean_value (builder, TRUE);
            }
          if (layer->band)
            add_colour (builder, "band", &layer->band_colour);
        }
      else
        {
          json_builder_set_member_name (builder, "image");
          json_builder_add_string_value (builder, layer->image);
        }
      json_builder_set_member_name (builder, "x");
      json_builder_add_double_value (builder, round (layer->x * 10) / 10);
      json_builder_set_member_name (builder, "y");
      json_builder_add_double_value (builder, round (layer->y * 10) / 10);
      json_builder_set_member_name (builder, "width");
      json_builder_add_double_value (builder, round (layer->width * 10) / 10);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return desk_json_to_data (root, TRUE);
}
