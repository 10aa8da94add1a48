/* desk-contrast.h: WCAG 2.x contrast ratio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint8 red, green, blue;
} DeskColour;

typedef struct
{
  double   ratio;        /* 1 to 21, never rounded */
  gboolean aa_normal;    /* ≥ 4.5 */
  gboolean aa_large;     /* ≥ 3.0 */
  gboolean aaa_normal;   /* ≥ 7.0 */
  gboolean aaa_large;    /* ≥ 4.5 */
} DeskContrast;

gboolean desk_colour_parse            (const char       *text,
                                       DeskColour       *colour,
                                       GError          **error);
double   desk_colour_luminance        (const DeskColour *colour);
void     desk_contrast_compute        (const DeskColour *foreground,
                                       const DeskColour *background,
                                       DeskContrast     *result);

G_END_DECLS
