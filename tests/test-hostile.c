/* test-hostile.c: what a damaged or hostile file may not do to the core
 *
 * The fuzzer's findings (issue "Trust"), each as the smallest case that
 * showed it; tests/test-hostile.py feeds the whole corpus and its mutations
 * to the command-line tool under time and memory bounds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-helpers.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "desk-checks.h"
#include "desk-csv.h"
#include "desk-demo.h"
#include "desk-design.h"
#include "desk-json.h"
#include "desk-media.h"
#include "desk-store-private.h"

static DeskStore *
demo_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);
  DeskStore *store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (desk_demo_populate (store, NULL, 1, now, &error));
  g_assert_no_error (error);
  return store;
}

/* Designs */

static void
assert_design_refused (const char *json,
                       const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDesign) design = desk_design_new_from_json (json, NULL, &error);

  g_assert_null (design);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
test_design_numbers (void)
{
  /* Each overflowed int arithmetic in the sampling (SIGSEGV, optimised) */
  assert_design_refused ("{\"layers\":[{\"text\":\"a\",\"colour\":\"#000000\",\"x\":1e10}]}", "“x”");
  assert_design_refused ("{\"layers\":[{\"text\":\"a\",\"colour\":\"#000000\",\"y\":-2147483648}]}", "“y”");
  assert_design_refused ("{\"layers\":[{\"text\":\"a\",\"colour\":\"#000000\",\"width\":2147483648}]}", "“width”");
  assert_design_refused ("{\"layers\":[{\"text\":\"a\",\"colour\":\"#000000\",\"size\":\"12\"}]}", "“size”");
  assert_design_refused ("{\"layers\":[{\"type\":\"logo\",\"image\":\"a.png\",\"x\":true}]}", "“x”");
  assert_design_refused ("{\"background\":{\"focus_x\":7}}", "“focus_x”");

  /* At the limits: drawn and measured, nothing out of the canvas read */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskDesign) design = desk_design_new_from_json (
      "{\"layers\":[{\"text\":\"au bord\",\"colour\":\"#000000\",\"x\":-20000,\"y\":20000,\"width\":20000},"
      "{\"text\":\"au coin\",\"colour\":\"#777777\",\"x\":1070,\"y\":1070,\"size\":2000,\"width\":1}]}", NULL, &error);
    g_autoptr(GPtrArray) findings = NULL;
    cairo_surface_t *surface;

    g_assert_no_error (error);
    findings = desk_design_check (design, NULL);
    g_assert_nonnull (findings);
    surface = desk_design_render_surface (design);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
  }
}

static void
test_design_shape (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"layers\":");
  g_autoptr(GString) big = g_string_new ("{\"layers\":[],\"x\":\"");
  g_autoptr(GString) many = g_string_new ("{\"layers\":[");
  g_autoptr(GString) text = g_string_new ("{\"layers\":[{\"colour\":\"#000000\",\"text\":\"");

  /* json-glib recurses once per level: 100,000 overflowed the stack */
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_design_refused (deep->str, "levels deep");
  /* Brackets inside a string are text, not nesting */
  assert_design_refused ("{\"layers\":[{\"text\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\",\"colour\":\"#00\"}]}",
                         "colour");

  for (int i = 0; i < DESK_DESIGN_MAX_BYTES; i += 8)
    g_string_append (big, "abcdefgh");
  g_string_append (big, "\"}");
  assert_design_refused (big->str, "larger than");

  for (int i = 0; i <= DESK_DESIGN_MAX_LAYERS; i++)
    g_string_append_printf (many, "%s{\"text\":\"%d\",\"colour\":\"#000000\"}", i ? "," : "", i);
  g_string_append (many, "]}");
  assert_design_refused (many->str, "layers");

  for (int i = 0; i <= DESK_DESIGN_MAX_TEXT; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "\"}]}");
  assert_design_refused (text->str, "characters");
}

/* The check of every layer draws each layer once: its verdicts are those
 * of each layer measured alone over everything drawn before it */
static void
test_design_check_matches_measure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDesign) design = desk_design_new_from_json (
    "{\"background\":{\"colour\":\"#ffffff\",\"gradient\":\"#202020\"},\"layers\":["
    "{\"text\":\"Fond sombre\",\"colour\":\"#ffffff\",\"band\":\"#000000\",\"x\":40,\"y\":40,\"width\":1000,\"size\":90},"
    "{\"text\":\"Sur le bandeau\",\"colour\":\"#222222\",\"x\":60,\"y\":60,\"width\":900,\"size\":30},"
    "{\"text\":\"Gris sur blanc\",\"colour\":\"#aaaaaa\",\"x\":40,\"y\":400,\"width\":900,\"size\":30},"
    "{\"text\":\"Blanc en bas\",\"colour\":\"#ffffff\",\"x\":40,\"y\":950,\"width\":900,\"size\":30}]}", NULL, &error);
  g_autoptr(GPtrArray) findings = NULL;
  guint expected = 0;

  g_assert_no_error (error);
  findings = desk_design_check (design, NULL);
  for (guint i = 0; i < desk_design_get_n_layers (design); i++)
    {
      DeskLayerContrast contrast;
      gboolean found = FALSE;

      g_assert_true (desk_design_measure_contrast (design, i, &contrast));
      for (guint k = 0; k < findings->len; k++)
        found |= ((DeskFinding *) g_ptr_array_index (findings, k))->index == (int) i;
      g_test_message ("layer %u: %.2f:1", i, contrast.ratio);
      g_assert_cmpint (found, ==, !contrast.passes_aa);
      expected += !contrast.passes_aa;
    }
  /* The three on light or mid greys fail; white low on the dark end passes */
  g_assert_cmpuint (expected, ==, 3);
  g_assert_cmpuint (findings->len, ==, expected);
}

/* Images: the header is read before the pixels */

static void
write_png_header (const char *path,
                  guint32     width,
                  guint32     height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2, 2);
  g_autofree char *contents = NULL;
  gsize length;

  /* A real 2 × 2 PNG whose IHDR is then made to declare another size (its
   * CRC is computed again with the CRC-32 of RFC 1952) */
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  {
    guchar *ihdr = (guchar *) contents + 12;   /* "IHDR" + 13 bytes, then its CRC */
    guint32 crc = 0xffffffff;

    ihdr[4] = width >> 24; ihdr[5] = width >> 16; ihdr[6] = width >> 8; ihdr[7] = width;
    ihdr[8] = height >> 24; ihdr[9] = height >> 16; ihdr[10] = height >> 8; ihdr[11] = height;
    for (int i = 0; i < 17; i++)
      {
        crc ^= ihdr[i];
        for (int b = 0; b < 8; b++)
          crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
      }
    crc ^= 0xffffffff;
    ihdr[17] = crc >> 24; ihdr[18] = crc >> 16; ihdr[19] = crc >> 8; ihdr[20] = crc;
  }
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_image_limits (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *huge = g_build_filename (f->dir, "huge.png", NULL);
  g_autofree char *small = g_build_filename (f->dir, "small.png", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = demo_store (f);
  gint64 media_id = 0, before = 0, after = 0;

  write_png_header (huge, 20000, 20000);
  write_png_header (small, 2, 2);
  g_assert_true (g_file_set_contents (text, "pas une image", -1, NULL));

  g_assert_true (desk_media_check_image (small, &error));
  g_assert_no_error (error);
  g_assert_false (desk_media_check_image (huge, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "20000 × 20000"));
  g_clear_error (&error);
  g_assert_false (desk_media_check_image (text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Not copied into the workspace, not recorded */
  desk_store_count_rows (store, "media", &before, NULL);
  g_assert_false (desk_store_add_media (store, 1, huge, &media_id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  desk_store_count_rows (store, "media", &after, NULL);
  g_assert_cmpint (after, ==, before);

  /* A design drawing it draws the rest */
  {
    g_autofree char *json = g_strdup_printf ("{\"background\":{\"colour\":\"#102030\",\"image\":\"%s\"},"
                                             "\"layers\":[{\"type\":\"logo\",\"image\":\"huge.png\",\"width\":50}]}", huge);
    g_autoptr(DeskDesign) design = desk_design_new_from_json (json, f->dir, &error);
    cairo_surface_t *surface;
    guint32 pixel;

    g_assert_no_error (error);
    surface = desk_design_render_surface (design);
    pixel = *(guint32 *) cairo_image_surface_get_data (surface);
    g_assert_cmphex (pixel & 0xffffff, ==, 0x102030);
    cairo_surface_destroy (surface);
  }
}

/* Media names read from a workspace lead nowhere else */
static void
test_media_names (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = demo_store (f);
  g_autofree char *small = g_build_filename (f->dir, "small.png", NULL);
  const char *sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF";
  g_autofree char *path = NULL;
  gint64 media_id = 0;
  struct stat st;

  g_assert_cmpstr (desk_media_file_name (sha, "photo.JPG"), ==, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF.JPG");
  g_assert_cmpstr (desk_media_file_name (sha, "x./../../etc/passwd"), ==, sha);
  g_assert_cmpstr (desk_media_file_name (sha, NULL), ==, sha);
  g_assert_null (desk_media_file_name ("../../../../etc/passwd", "a.png"));
  g_assert_null (desk_media_file_name ("0123", "a.png"));

  write_png_header (small, 2, 2);
  g_assert_true (desk_store_add_media (store, 1, small, &media_id, &error));
  g_assert_no_error (error);
  path = desk_store_dup_media_path (store, media_id, &error);
  g_assert_no_error (error);
  /* Clients' images: the user's alone */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *dir = g_path_get_dirname (path);

    g_assert_cmpint (g_stat (dir, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }
  g_clear_pointer (&path, g_free);

  /* A workspace from someone else points the image elsewhere */
  g_assert_cmpint (sqlite3_exec (_desk_store_get_handle (store),
                                 "UPDATE media SET sha256 = '../../../../../etc/passwd'", NULL, NULL, NULL), ==, SQLITE_OK);
  path = desk_store_dup_media_path (store, media_id, &error);
  g_assert_null (path);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (desk_store_attach_media (store, 1, media_id, 0, &error));
  g_assert_no_error (error);
  g_assert_null (desk_store_list_attachments (store, 1, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
}

/* Damaged workspaces */

static void
damage (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 20 * 4096);
  /* B-tree page headers of pages past the schema scribbled over */
  for (gsize page = 2; page < 20; page += 3)
    memcpy (contents + page * 4096, "\x0d\xff\xff\xff\xff\xff\xff\xff", 8);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GError **error = data;

  g_assert_false (desk_store_verify_finish (DESK_STORE (source), result, error));
}

static void
test_damaged_not_written (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(DeskStore) store = demo_store (f);

    sqlite3_exec (_desk_store_get_handle (store), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  }
  damage (f->path);
  before = file_checksum (f->path);

  /* Opening reads the schema, which is whole: it opens… */
  {
    g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
    g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Autre", NULL);

    g_assert_no_error (error);
    /* …but the first write finds the damage and writes nothing */
    g_assert_false (desk_store_save_brand (store, brand, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "backups"));
    g_assert_null (strstr (error->message, "not an error"));
    g_clear_error (&error);
    /* and every later one */
    g_assert_false (desk_store_save_brand (store, brand, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
    g_clear_error (&error);
  }
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* The window's check, in a thread on a connection of its own */
  {
    g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
    g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Autre", NULL);
    g_autoptr(GError) found = NULL;

    g_assert_no_error (error);
    desk_store_verify_async (store, NULL, verified_cb, &found);
    while (found == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (found, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
    g_assert_false (desk_store_save_brand (store, brand, &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  }
}

static void
test_sound_verified (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = demo_store (f);
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Autre", NULL);
  struct stat st;

  g_assert_true (desk_store_check_integrity (store, &error));
  g_assert_no_error (error);
  g_assert_true (desk_store_save_brand (store, brand, &error));
  g_assert_no_error (error);

  /* The workspace and its journal are the user's alone, whatever the umask */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

static void
test_backup_private (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);

  {
    g_autoptr(DeskStore) store = _desk_store_open_at_version (f->path, 1, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(DeskStore) store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
    g_autoptr(GDir) backups = NULL;
    const char *name;
    guint n = 0;

    g_assert_no_error (error);
    backups = g_dir_open (dir, 0, &error);
    g_assert_no_error (error);
    while ((name = g_dir_read_name (backups)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        struct stat st;

        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }
}

/* CSV */

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = demo_store (f);
  g_autofree char *nul = g_build_filename (f->dir, "nul.csv", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *csv = NULL;
  static const char *texts[] = {
    "  Nos bûches arrivent !  ", "=HYPERLINK(\"http://example.com\")", "+33 4 78 00 00 00",
    "-20 % sur les galettes", "@fournil nous répond", "'=déjà échappé", "\tTabulé", "Simple",
  };

  /* A NUL byte would have cut the text there: refused, with its line */
  static const char with_nul[] = "date,time,text\n2026-12-01,09:30,a\n2026-12-02,10:00,b\0c\n";

  g_assert_true (g_file_set_contents (nul, with_nul, sizeof with_nul - 1, NULL));
  g_assert_null (desk_csv_load (nul, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);

  /* CR-only line endings are line endings */
  rows = desk_csv_parse (store, 1, "date,time,text\r2026-12-01,09:30,Bonjour\r2026-12-02,10:00,Salut\r", f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (desk_csv_count_errors (rows), ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Spaces: a quoted text keeps them, an unquoted value loses them */
  rows = desk_csv_parse (store, 1, "date , time,text\n 2026-12-01 , 09:30 ,\"  deux espaces  \"  \n", f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_csv_count_errors (rows), ==, 0);
  g_assert_cmpstr (desk_post_get_body (((DeskCsvRow *) g_ptr_array_index (rows, 0))->post), ==, "  deux espaces  ");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Formulas are neutralised for spreadsheets, and every text round-trips */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      DeskPost *post = desk_post_new ();
      g_autoptr(GDateTime) at = g_date_time_new_local (2026, 12, 1 + i, 9, 30, 0);

      desk_post_set_brand_id (post, 1);
      desk_post_set_title (post, texts[i]);
      desk_post_set_body (post, texts[i]);
      desk_post_set_scheduled_at (post, at);
      g_ptr_array_add (posts, post);
    }
  csv = desk_csv_export (store, 1, posts, &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

    for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], ",", 5);

        /* title: a cell a spreadsheet would evaluate starts with ' */
        g_assert_false (strchr ("=+-@\t\r", fields[3][0]) != NULL && fields[3][0] != '\0');
        if (fields[3][0] == '"')
          g_assert_false (strchr ("=+-@\t\r", fields[3][1]) != NULL && fields[3][1] != '\0');
      }
    g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"http://example.com\"\")\""));
    g_assert_nonnull (strstr (csv, "\"''=déjà échappé\""));
  }
  again = desk_csv_parse (store, 1, csv, f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      DeskCsvRow *row = g_ptr_array_index (again, i);

      g_assert_null (row->error);
      g_assert_cmpstr (desk_post_get_body (row->post), ==, texts[i]);
      g_assert_cmpstr (desk_post_get_title (row->post), ==, texts[i]);
    }
}

/* UBSan: memcmp () given NULL for no channels */
static void
test_post_no_channels (void)
{
  g_autoptr(DeskPost) post = desk_post_new ();
  const gint64 one = 3;
  guint n = 99;

  desk_post_set_channel_ids (post, NULL, 0);
  desk_post_set_channel_ids (post, &one, 1);
  desk_post_set_channel_ids (post, NULL, 0);
  desk_post_get_channel_ids (post, &n);
  g_assert_cmpuint (n, ==, 0);
}

/* JSON numbers at the precision they mean; strings left as they are, even
 * when they look like numbers or hold escaped quotes */
static void
test_json_numbers (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ratio");
  json_builder_add_double_value (builder, 2.3231);
  json_builder_set_member_name (builder, "list");
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, 0.1 + 0.2);
  json_builder_add_double_value (builder, -1e-7);
  json_builder_add_double_value (builder, 1e300);
  json_builder_add_int_value (builder, -42);
  json_builder_add_string_value (builder, "\"2.3231000000000002\" 0.30000000000000004");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = desk_json_to_data (root, FALSE);
  g_assert_cmpstr (text, ==, "{\"ratio\":2.3231,\"list\":[0.30000000000000004,-1e-07,1e+300,-42,"
                             "\"\\\"2.3231000000000002\\\" 0.30000000000000004\"]}");
}

int
main (int    argc,
      char **argv)
{
  umask (022);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/hostile/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/hostile/design/numbers", test_design_numbers);
  g_test_add_func ("/hostile/design/shape", test_design_shape);
  g_test_add_func ("/hostile/design/check-matches-measure", test_design_check_matches_measure);
  g_test_add_func ("/hostile/post/no-channels", test_post_no_channels);
  g_test_add_func ("/hostile/json/numbers", test_json_numbers);
  ADD ("image/limits", test_image_limits);
  ADD ("media/names", test_media_names);
  ADD ("store/damaged-not-written", test_damaged_not_written);
  ADD ("store/sound-verified", test_sound_verified);
  ADD ("store/backup-private", test_backup_private);
  ADD ("csv", test_csv);
#undef ADD

  return g_test_run ();
}
