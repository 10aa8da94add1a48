/* desk-contrast.c: WCAG 2.x contrast ratio
 *
 * Relative luminance of sRGB colours and the contrast ratio between two,
 * with the AA and AAA verdicts for normal and large text (SC 1.4.3 and
 * 1.4.6). Verdicts compare the unrounded ratio: 2.999 fails 3.0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-contrast"

#include "config.h"

#include <math.h>
#include <pango/pango.h>
#include <glib/gi18n-lib.h>

#include "desk-contrast.h"

/* "#rrggbb", "#rgb" or a colour name, as Pango reads them */
gboolean
desk_colour_parse (const char  *text,
                   DeskColour  *colour,
                   GError     **error)
{
  PangoColor parsed;

  g_return_val_if_fail (colour != NULL, FALSE);

  if (text == NULL || !pango_color_parse (&parsed, text))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("“%s” is not a colour: use #rrggbb."), text ? text : "");
      return FALSE;
    }
  colour->red = parsed.red >> 8;
  colour->green = parsed.green >> 8;
  colour->blue = parsed.blue >> 8;
  return TRUE;
}

static double
linear (guint8 value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
desk_colour_luminance (const DeskColour *colour)
{
  return 0.2126 * linear (colour->red) + 0.7152 * linear (colour->green) + 0.0722 * linear (colour->blue);
}

void
desk_contrast_compute (const DeskColour *foreground,
                       const DeskColour *background,
                       DeskContrast     *result)
{
  double a = desk_colour_luminance (foreground);
  double b = desk_colour_luminance (background);

  result->ratio = (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
  result->aa_normal = result->ratio >= 4.5;
  result->aa_large = result->ratio >= 3.0;
  result->aaa_normal = result->ratio >= 7.0;
  result->aaa_large = result->ratio >= 4.5;
}
