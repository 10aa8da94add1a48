/* desk-media.c: what an image file says about itself
 *
 * An image often carries its own description, written by the photographer
 * or an image bank: the IPTC "Alt Text (Accessibility)" field, the XMP
 * dc:description, the IPTC caption or the EXIF ImageDescription. The editor
 * starts an image's alt text from it. Read with gexiv2 (Exiv2) when the build
 * has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-media"

#include "config.h"

#include <string.h>

#if HAVE_GEXIV2
#include <gexiv2/gexiv2.h>
#endif

#include "desk-media.h"

gboolean
desk_media_can_read_descriptions (void)
{
  return HAVE_GEXIV2;
}

#if HAVE_GEXIV2
/* XMP language alternatives read as 'lang="x-default" text' */
static char *
strip_language (char *value)
{
  if (g_str_has_prefix (value, "lang=\""))
    {
      const char *end = strchr (value + 6, '"');

      if (end != NULL)
        {
          char *text = g_strdup (end + 1);

          g_free (value);
          value = text;
        }
    }
  return g_strstrip (value);
}
#endif

/**
 * desk_media_read_description:
 * @path: an image file
 *
 * Returns: (transfer full) (nullable): the image's own description, or
 *   %NULL when it has none, cannot be read, or the build cannot read them
 */
char *
desk_media_read_description (const char *path)
{
#if HAVE_GEXIV2
  static const char * const tags[] = {
    "Xmp.iptc4xmpCore.AltTextAccessibility",
    "Xmp.dc.description",
    "Iptc.Application2.Caption",
    "Exif.Image.ImageDescription",
    NULL
  };
  static gsize initialised;
  g_autoptr(GExiv2Metadata) metadata = NULL;
  g_autoptr(GError) error = NULL;

  if (g_once_init_enter (&initialised))
    g_once_init_leave (&initialised, gexiv2_initialize () ? 1 : 2);
  if (initialised != 1 || path == NULL)
    return NULL;

  metadata = gexiv2_metadata_new ();
  if (!gexiv2_metadata_open_path (metadata, path, &error))
    {
      g_debug ("No metadata in %s: %s", path, error->message);
      return NULL;
    }
  for (guint i = 0; tags[i] != NULL; i++)
    {
      char *value;

      if (!gexiv2_metadata_try_has_tag (metadata, tags[i], NULL))
        continue;
      value = gexiv2_metadata_try_get_tag_string (metadata, tags[i], NULL);
      if (value == NULL)
        continue;
      value = strip_language (value);
      if (value[0] != '\0' && g_utf8_validate (value, -1, NULL))
        return value;
      g_free (value);
    }
#endif
  return NULL;
}
