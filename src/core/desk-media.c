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
#include <glib/gi18n-lib.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#if HAVE_GEXIV2
#include <gexiv2/gexiv2.h>
#endif

#include "desk-media.h"

/**
 * desk_media_check_image:
 * @path: an image file
 *
 * Reads the header of @path (not its pixels) and checks that it is an image
 * small enough to decode (DESK_MEDIA_MAX_SIDE, DESK_MEDIA_MAX_PIXELS).
 *
 * Returns: %FALSE with @error saying why the image will not be decoded
 */
gboolean
desk_media_check_image (const char  *path,
                        GError     **error)
{
  int width = 0, height = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The image “%s” is missing."), path);
      return FALSE;
    }
  if (gdk_pixbuf_get_file_info (path, &width, &height) == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not an image that can be read."), path);
      return FALSE;
    }
  if (width > DESK_MEDIA_MAX_SIDE || height > DESK_MEDIA_MAX_SIDE ||
      (gint64) width * height > DESK_MEDIA_MAX_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The image “%s” is too large (%d × %d pixels): reduce it to %d megapixels or less."),
                   path, width, height, DESK_MEDIA_MAX_PIXELS / 1000000);
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_media_file_name:
 * @sha256: the image's SHA-256, as recorded in a workspace
 * @original_name: (nullable): the name it had, for its extension
 *
 * The name of an image in a workspace's media folder: its digest and the
 * original extension. A workspace may come from someone else, so nothing
 * read from it may lead elsewhere: the digest must be 64 hexadecimal
 * digits, and an extension other than letters and digits is dropped.
 *
 * Returns: (transfer full) (nullable): the file name, or %NULL if @sha256 is
 *   not a digest
 */
char *
desk_media_file_name (const char *sha256,
                      const char *original_name)
{
  const char *dot = original_name != NULL ? strrchr (original_name, '.') : NULL;
  gsize n;

  if (sha256 == NULL || strlen (sha256) != 64)
    return NULL;
  for (n = 0; n < 64; n++)
    if (!g_ascii_isxdigit (sha256[n]))
      return NULL;
  if (dot != NULL)
    {
      for (n = 1; dot[n] != '\0' && g_ascii_isalnum (dot[n]); n++)
        ;
      if (dot[n] != '\0' || n == 1 || n > 11)
        dot = NULL;
    }
  return g_strconcat (sha256, dot != NULL ? dot : "", NULL);
}

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
