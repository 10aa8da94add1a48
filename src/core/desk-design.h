/* desk-design.h: a post's visual — background, text and logo layers —
 * rendered with Cairo and Pango, and its contrast measured on the pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "desk-contrast.h"

G_BEGIN_DECLS

/* What a design may hold: a visual is a few short texts and logos; past
 * these limits a file is refused (or a text cut) rather than let a hostile
 * file exhaust the stack, the memory or the time of the checks */
#define DESK_DESIGN_MAX_BYTES  (1024 * 1024)  /* of JSON */
#define DESK_DESIGN_MAX_DEPTH  16             /* nesting of JSON arrays and objects */
#define DESK_DESIGN_MAX_LAYERS 200
#define DESK_DESIGN_MAX_TEXT   2000           /* characters of one text layer */
#define DESK_DESIGN_MAX_COORD  20000.0        /* |x|, |y| and width, pixels */

#define DESK_TYPE_DESIGN (desk_design_get_type ())
G_DECLARE_FINAL_TYPE (DeskDesign, desk_design, DESK, DESIGN, GObject)

typedef enum
{
  DESK_LAYER_TEXT,
  DESK_LAYER_LOGO,
} DeskLayerKind;

typedef enum
{
  DESK_ALIGN_LEFT,
  DESK_ALIGN_CENTER,
  DESK_ALIGN_RIGHT,
} DeskAlign;

typedef struct
{
  DeskLayerKind kind;
  char         *text;        /* text layers */
  char         *font;        /* family, "Cantarell" */
  double        size;        /* pixels at the design's size */
  int           weight;      /* 100–900 */
  DeskColour    colour;
  DeskAlign     align;
  gboolean      shadow;      /* a soft dark shadow under the glyphs */
  gboolean      band;        /* a backdrop band behind the text */
  DeskColour    band_colour;
  char         *image;       /* logo layers: a path, relative to the design's folder */
  double        x, y;        /* top-left, pixels */
  double        width;       /* wrap width (text) or drawn width (logo), pixels */
} DeskLayer;

typedef struct
{
  const char *id;            /* "square", "portrait", "story", "landscape", "link" */
  const char *label;         /* translatable */
  int         width;
  int         height;
} DeskDesignPreset;

typedef struct
{
  double                ratio;        /* 5th percentile of the per-pixel ratios */
  double                worst;        /* the lowest ratio of any pixel */
  gboolean              large;        /* large text in WCAG terms */
  gboolean              passes_aa;    /* ratio ≥ 4.5, or ≥ 3 for large text */
  gboolean              passes_aaa;   /* ratio ≥ 7, or ≥ 4.5 for large text */
  cairo_rectangle_int_t worst_area;   /* where the background is worst */
  cairo_rectangle_int_t box;          /* the measured area */
  guint                 n_pixels;
} DeskLayerContrast;

const DeskDesignPreset *desk_design_presets          (guint             *n_presets);
const DeskDesignPreset *desk_design_find_preset      (const char        *id);

DeskDesign  *desk_design_new                 (const char        *preset);
DeskDesign  *desk_design_new_from_json       (const char        *json,
                                              const char        *base_dir,
                                              GError           **error);
DeskDesign  *desk_design_load                (const char        *path,
                                              GError           **error);
char        *desk_design_to_json             (DeskDesign        *self);
DeskDesign  *desk_design_copy                (DeskDesign        *self);

int          desk_design_get_width           (DeskDesign        *self);
int          desk_design_get_height          (DeskDesign        *self);
const char  *desk_design_get_preset          (DeskDesign        *self);
void         desk_design_set_preset          (DeskDesign        *self,
                                              const char        *preset);
const DeskColour *desk_design_get_background (DeskDesign        *self);
void         desk_design_set_background      (DeskDesign        *self,
                                              const DeskColour  *colour,
                                              const DeskColour  *gradient_to);
gboolean     desk_design_get_gradient        (DeskDesign        *self,
                                              DeskColour        *to);
const char  *desk_design_get_background_image (DeskDesign       *self);
void         desk_design_set_background_image (DeskDesign       *self,
                                              const char        *path,
                                              gboolean           contain,
                                              double             focus_x,
                                              double             focus_y);
const char  *desk_design_get_base_dir        (DeskDesign        *self);
void         desk_design_set_base_dir        (DeskDesign        *self,
                                              const char        *dir);

guint        desk_design_get_n_layers        (DeskDesign        *self);
DeskLayer   *desk_design_get_layer           (DeskDesign        *self,
                                              guint              index);
DeskLayer   *desk_design_add_text_layer      (DeskDesign        *self,
                                              const char        *text);
DeskLayer   *desk_design_add_logo_layer      (DeskDesign        *self,
                                              const char        *path);
void         desk_design_remove_layer        (DeskDesign        *self,
                                              guint              index);
void         desk_design_layer_changed       (DeskDesign        *self,
                                              guint              index);
int          desk_design_layer_at            (DeskDesign        *self,
                                              double             x,
                                              double             y);
void         desk_design_get_layer_box       (DeskDesign        *self,
                                              guint              index,
                                              cairo_rectangle_int_t *box);

void         desk_design_render              (DeskDesign        *self,
                                              cairo_t           *cr);
void         desk_design_render_background   (DeskDesign        *self,
                                              cairo_t           *cr);
void         desk_design_render_layers       (DeskDesign        *self,
                                              cairo_t           *cr);
guint        desk_design_get_background_serial (DeskDesign      *self);
cairo_surface_t *desk_design_render_surface  (DeskDesign        *self);
gboolean     desk_design_export_png          (DeskDesign        *self,
                                              const char        *path,
                                              GError           **error);
char        *desk_design_dup_alt_text        (DeskDesign        *self);

gboolean     desk_design_measure_contrast    (DeskDesign        *self,
                                              guint              index,
                                              DeskLayerContrast *result);
GPtrArray   *desk_design_check               (DeskDesign        *self,
                                              const char        *palette);
gboolean     desk_design_apply_fix           (DeskDesign        *self,
                                              guint              index,
                                              const char        *fix);

cairo_surface_t *desk_design_surface_from_pixbuf (GdkPixbuf *pixbuf);

G_END_DECLS
