/* test-editor-core.c: what the Compose page relies on in src/core — emoji
 * and charter findings, designs (JSON, rendering, contrast measured on the
 * pixels, fixes), and the store's editor tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "desk-checks.h"
#include "desk-design.h"
#include "desk-draft.h"
#include "desk-store.h"
#include "desk-brand.h"
#include "desk-demo.h"
#include "desk-channel.h"
#include "desk-text-count.h"
#include "desk-media.h"
#include "desk-utm.h"
#include "desk-preview.h"

#if HAVE_GEXIV2
#include <gexiv2/gexiv2.h>
#endif

static GPtrArray *
run_checks (const char        *text,
            const DeskCharter *charter)
{
  DeskCheckInput input = { 0 };
  g_autoptr(GArray) networks = g_array_new (FALSE, FALSE, sizeof (DeskNetwork));
  DeskNetwork mastodon = DESK_NETWORK_MASTODON;

  g_array_append_val (networks, mastodon);
  input.text = text;
  input.networks = networks;
  input.charter = charter;
  return desk_checks_run (&input);
}

static guint
count_id (GPtrArray  *findings,
          const char *id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (((DeskFinding *) g_ptr_array_index (findings, i))->id, id);
  return n;
}

static const DeskFinding *
first_id (GPtrArray  *findings,
          const char *id)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((DeskFinding *) g_ptr_array_index (findings, i))->id, id))
      return g_ptr_array_index (findings, i);
  return NULL;
}

/* Applies a text finding's fix the way the editor does */
static char *
apply_text_fix (const char        *text,
                const DeskFinding *finding)
{
  g_assert_cmpint (finding->place, ==, DESK_PLACE_TEXT);
  g_assert_nonnull (finding->fix);
  return g_strdup_printf ("%.*s%s%s", finding->start, text, finding->fix, text + finding->end);
}

static void
test_emoji (void)
{
  const char *family = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";
  g_autofree char *one_family = g_strdup_printf ("Bonne fête %s", family);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) d = NULL;
  g_autoptr(GPtrArray) e = NULL;
  const DeskFinding *f;

  /* Emoji clusters, from ICU properties: ZWJ sequences, flags, keycaps,
   * text-presentation symbols left alone */
  g_assert_cmpuint (desk_text_count_emoji (family), ==, 1);
  g_assert_cmpuint (desk_text_count_emoji ("\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"), ==, 1);       /* 🇫🇷 */
  g_assert_cmpuint (desk_text_count_emoji ("1\xef\xb8\x8f\xe2\x83\xa3"), ==, 1);               /* 1️⃣ */
  g_assert_cmpuint (desk_text_count_emoji ("\xc2\xa9 2026 \xe2\x84\xa2"), ==, 0);              /* © ™ */
  g_assert_cmpuint (desk_text_count_emoji ("\xe2\x9d\xa4\xef\xb8\x8f"), ==, 1);               /* ❤️ */
  g_assert_cmpuint (desk_text_count_emoji ("caf\xc3\xa9 #1"), ==, 0);

  /* One emoji at the end of a sentence: nothing to say */
  a = run_checks (one_family, NULL);
  g_assert_cmpuint (count_id (a, "emoji-overuse"), ==, 0);

  /* A run, an emoji in place of a word, more than three */
  b = run_checks ("Nouveau pain \xf0\x9f\x8e\x89\xf0\x9f\x8e\x89 ce matin, au \xe2\xad\x90 levain "
                  "\xf0\x9f\x8d\x9e.", NULL);
  g_assert_cmpuint (count_id (b, "emoji-overuse"), ==, 3);
  f = first_id (b, "emoji-overuse");
  g_assert_nonnull (f);
  g_assert_cmpint (f->place, ==, DESK_PLACE_TEXT);
  g_assert_cmpstr (f->target, ==, "\xf0\x9f\x8e\x89\xf0\x9f\x8e\x89");
  g_assert_cmpint (f->start, ==, (int) strlen ("Nouveau pain "));

  /* A line of emoji only */
  c = run_checks ("Bonjour !\n\xf0\x9f\x8d\x9e \xf0\x9f\xa5\x90\n", NULL);
  g_assert_cmpuint (count_id (c, "emoji-overuse"), ==, 1);

  /* Emoji between sentences are fine */
  d = run_checks ("Ouvert dimanche \xf0\x9f\xa5\x90 Venez t\xc3\xb4t.", NULL);
  g_assert_cmpuint (count_id (d, "emoji-overuse"), ==, 0);

  /* Huge text: no crash, bounded work */
  {
    g_autoptr(GString) big = g_string_new (NULL);

    for (guint i = 0; i < 5000; i++)
      g_string_append (big, "mot \xf0\x9f\x8d\x9e ");
    e = run_checks (big->str, NULL);
    g_assert_cmpuint (count_id (e, "emoji-overuse"), >=, 1);
  }
}

static void
test_charter (void)
{
  const char *forbidden[] = { "pas cher", "low cost", NULL };
  const char *required[] = { "#FournilDesHalles", NULL };
  const char *campaign_required[] = { "#NoelAuFournil", NULL };
  const char *spellings[] = { "e-mail = courriel", "  ", NULL };
  g_autofree char *data1 = desk_charter_set (NULL, 0, "Forbidden", forbidden);
  g_autofree char *data2 = desk_charter_set (data1, 0, "Required", required);
  g_autofree char *data3 = desk_charter_set (data2, 0, "Spellings", spellings);
  g_autofree char *data = desk_charter_set (data3, 7, "Required", campaign_required);
  g_auto(GStrv) back = desk_charter_get (data, 0, "Spellings");
  g_autoptr(DeskCharter) charter = NULL;
  g_autoptr(DeskCharter) other_campaign = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) clean = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "Du pain PAS CHER et bon : écrivez-nous par e-mail.";
  const DeskFinding *f;
  g_autofree char *fixed = NULL;

  /* Blank items are dropped, the rest round-trips */
  g_assert_cmpuint (g_strv_length (back), ==, 1);
  g_assert_cmpstr (back[0], ==, "e-mail = courriel");

  charter = desk_charter_parse (data, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (charter->required), ==, 2);
  other_campaign = desk_charter_parse (data, 8, &error);
  g_assert_cmpuint (g_strv_length (other_campaign->required), ==, 1);

  findings = run_checks (text, charter);
  g_assert_cmpuint (count_id (findings, "charter-forbidden"), ==, 2);   /* "PAS CHER" and e-mail */
  g_assert_cmpuint (count_id (findings, "charter-missing"), ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      f = g_ptr_array_index (findings, i);
      if (g_str_equal (f->id, "charter-forbidden") && f->fix != NULL)
        {
          fixed = apply_text_fix (text, f);
          g_assert_cmpstr (fixed, ==, "Du pain PAS CHER et bon : écrivez-nous par courriel.");
        }
      if (g_str_equal (f->id, "charter-forbidden") && f->fix == NULL)
        {
          g_assert_cmpint (f->severity, ==, DESK_SEVERITY_BLOCKING);
          g_assert_cmpint (f->start, ==, (int) strlen ("Du pain "));
        }
    }
  g_assert_nonnull (fixed);

  /* Forbidden words match whole words only; required tags are present */
  clean = run_checks ("Nos cherubins #FournilDesHalles #NoelAuFournil", charter);
  g_assert_cmpuint (count_id (clean, "charter-forbidden"), ==, 0);
  g_assert_cmpuint (count_id (clean, "charter-missing"), ==, 0);

  /* Missing: the fix appends the tag */
  f = first_id (findings, "charter-missing");
  g_free (fixed);
  fixed = apply_text_fix ("Bonjour", &(DeskFinding) { .place = DESK_PLACE_TEXT, .start = 7, .end = 7, .fix = f->fix });
  g_assert_true (g_str_has_prefix (fixed, "Bonjour #"));

  /* A corrupt charter is an error, not a crash */
  g_clear_pointer (&charter, desk_charter_free);
  charter = desk_charter_parse ("[Charter\nForbidden=", 0, &error);
  g_assert_null (charter);
  g_assert_nonnull (error);
}

static void
test_finding_places (void)
{
  DeskCheckInput input = { 0 };
  g_autoptr(GPtrArray) alts = g_ptr_array_new ();
  g_autoptr(GPtrArray) findings = NULL;
  const char *text = "Vive le #painaulevain !";
  g_autofree char *fixed = NULL;
  const DeskFinding *f;

  g_ptr_array_add (alts, (gpointer) "IMG_0042.jpg");
  input.text = text;
  input.alts = alts;
  findings = desk_checks_run (&input);
  f = first_id (findings, "alt-filename");
  g_assert_nonnull (f);
  g_assert_cmpint (f->place, ==, DESK_PLACE_IMAGE);
  g_assert_cmpint (f->index, ==, 0);
  f = first_id (findings, "hashtag-camelcase");
  g_assert_nonnull (f);
  g_assert_cmpint (f->start, ==, 8);
  g_assert_cmpint (f->end, ==, 8 + (int) strlen ("#painaulevain"));
  fixed = apply_text_fix (text, f);
  g_assert_cmpstr (fixed, ==, "Vive le #PainAuLevain !");
}

/* twitter-text conformance (conformance/validate.yml, "lengths"), in the
 * weighted v3 configuration the spec names */
static void
test_links_and_mentions (void)
{
  DeskCheckInput input = { 0 };
  g_autoptr(GArray) networks = g_array_new (FALSE, FALSE, sizeof (DeskNetwork));
  DeskNetwork threads = DESK_NETWORK_THREADS, instagram = DESK_NETWORK_INSTAGRAM, mastodon = DESK_NETWORK_MASTODON;
  g_autoptr(GPtrArray) findings = NULL;

  g_array_append_val (networks, threads);
  g_array_append_val (networks, instagram);
  g_array_append_val (networks, mastodon);
  input.text = "@a @b @c @d https://1.fr https://2.fr https://3.fr https://4.fr https://5.fr https://6.fr contact@fournil.fr";
  input.networks = networks;
  findings = desk_checks_run (&input);
  /* Threads: 6 links > 5; Instagram: 4 mentions > 3 (an e-mail address is not one) */
  g_assert_cmpuint (count_id (findings, "text-too-long"), ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      DeskFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->id, "text-too-long"))
        g_assert_true (g_str_equal (f->message, "6 links; Threads accepts 5.") ||
                       g_str_equal (f->message, "4 mentions; Instagram accepts 3."));
    }
}

static void
test_x_conformance (void)
{
  static const struct { const char *text; guint weighted; } cases[] = {
    { "This is a test.", 15 },
    { "http://test.com", 23 },
    { "https://test.com", 23 },
    { "test.com", 23 },                                        /* "a URL without protocol" */
    { "Test https://test.com test https://test.com test.com test", 86 },
    { "contact@fournil.fr and v1.2 or file.notatld", 43 },     /* no URL in an address, a version, an unknown TLD */
    { "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf", 4 },               /* two code points outside the BMP: 2 × 2 */
    { "H\xf0\x9f\x90\xb1\xe2\x98\xba", 5 },                   /* H 1, cat emoji 2, ☺ 2 */
    { "\xec\xa0\x80\xec\xb0\x80\xec\xaf\xbf\xec\xbf\xbf", 8 },  /* Hangul: 2 each */
    { "A lie gets halfway around the world before the truth has a chance to get its pants on. "
      "Winston Churchill (1874-1965) http://bit.ly/dJpywL", 140 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DeskTextCount c;

      desk_text_count (DESK_NETWORK_X, cases[i].text, &c);
      g_assert_cmpuint (c.length, ==, cases[i].weighted);
    }
}

static DeskDesign *
gradient_design (void)
{
  g_autoptr(GError) error = NULL;
  DeskDesign *design = desk_design_new_from_json (
    "{\"format\":\"square\",\"background\":{\"colour\":\"#ffffff\",\"gradient\":\"#000000\"},"
    "\"layers\":[{\"type\":\"text\",\"text\":\"Pain de saison, au levain naturel\",\"size\":20,"
    "\"weight\":400,\"colour\":\"#767676\",\"x\":80,\"y\":300,\"width\":900}]}", NULL, &error);

  g_assert_no_error (error);
  return design;
}

static void
test_design_contrast (void)
{
  g_autoptr(DeskDesign) gradient = gradient_design ();
  g_autoptr(DeskDesign) flat = desk_design_copy (gradient);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) after = NULL;
  DeskColour white = { 0xff, 0xff, 0xff };
  DeskColour grey = { 0x76, 0x76, 0x76 };
  DeskContrast declared;
  DeskLayerContrast measured;
  const DeskFinding *f;

  /* The declared colours pass AA (4.54:1)… */
  desk_contrast_compute (&grey, &white, &declared);
  g_assert_true (declared.aa_normal);

  /* …and so do the pixels on a flat white background */
  desk_design_set_background (flat, &white, NULL);
  g_assert_true (desk_design_measure_contrast (flat, 0, &measured));
  g_assert_cmpfloat_with_epsilon (measured.ratio, 4.5422, 0.01);
  g_assert_true (measured.passes_aa);
  g_assert_false (measured.passes_aaa);
  g_assert_false (measured.large);

  /* On the gradient the pixels under the text fail */
  g_assert_true (desk_design_measure_contrast (gradient, 0, &measured));
  g_assert_cmpfloat (measured.ratio, <, 4.5);
  g_assert_false (measured.passes_aa);
  g_assert_cmpuint (measured.n_pixels, >, 1000);
  /* The worst place is at the bottom of the text box (darker) */
  g_assert_cmpint (measured.worst_area.y + measured.worst_area.height, >=, measured.box.y + measured.box.height - 32);

  findings = desk_design_check (gradient, "#8f3f1f;#f6d5a8;#2b1d14");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->id, ==, "contrast-low");
  g_assert_cmpint (f->place, ==, DESK_PLACE_LAYER);
  g_assert_cmpint (f->index, ==, 0);
  /* The nearest palette colour that passes: the dark brown */
  g_assert_cmpstr (f->fix, ==, "#2b1d14");
  g_assert_true (desk_design_apply_fix (gradient, 0, f->fix));
  after = desk_design_check (gradient, NULL);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_false (desk_design_apply_fix (gradient, 0, "nonsense"));
}

static void
test_design_band (void)
{
  g_autoptr(GError) error = NULL;
  /* Text in the middle of a white → black gradient: no single colour passes
   * everywhere, a backdrop band does */
  g_autoptr(DeskDesign) design = desk_design_new_from_json (
    "{\"format\":\"landscape\",\"background\":{\"colour\":\"#ffffff\",\"gradient\":\"#000000\"},"
    "\"layers\":[{\"type\":\"text\",\"text\":\"Un\\ntexte\\nsur\\nquatre\\nlignes\\net\\nplus\",\"size\":80,"
    "\"weight\":400,\"colour\":\"#808080\",\"x\":40,\"y\":0,\"width\":1100}]}", NULL, &error);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const DeskFinding *f;

  g_assert_no_error (error);
  findings = desk_design_check (design, "");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->fix, ==, "band");
  {
    g_autofree char *what = desk_finding_describe_fix (f);
    g_assert_cmpstr (what, ==, "Put a dark band behind the text");
  }
  g_assert_true (desk_design_apply_fix (design, 0, f->fix));
  g_assert_true (desk_design_get_layer (design, 0)->band);
  after = desk_design_check (design, "");
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_design_json (void)
{
  g_autoptr(DeskDesign) design = desk_design_new ("story");
  g_autoptr(DeskDesign) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;
  g_autofree char *alt = NULL;
  DeskLayer *layer;
  static const char * const bad[] = {
    "", "[]", "{\"format\":\"poster\"}", "{\"layers\":[1]}", "{\"layers\":[{\"type\":\"text\"}]}",
    "{\"layers\":[{\"type\":\"text\",\"colour\":\"#zz0000\"}]}", "{\"layers\":[{\"type\":\"video\"}]}",
    "{\"background\":{\"colour\":\"#12\"}}", "{\"layers\":[{\"type\":\"logo\"}]}", "{\"format\":", NULL
  };

  layer = desk_design_add_text_layer (design, "Nouveau :\nle pain d'épices");
  layer->align = DESK_ALIGN_CENTER;
  layer->shadow = TRUE;
  layer = desk_design_add_text_layer (design, "Dès lundi");
  layer->band = TRUE;
  desk_design_add_logo_layer (design, "logo.png");
  json = desk_design_to_json (design);
  back = desk_design_new_from_json (json, NULL, &error);
  g_assert_no_error (error);
  json2 = desk_design_to_json (back);
  g_assert_cmpstr (json, ==, json2);
  g_assert_cmpint (desk_design_get_width (back), ==, 1080);
  g_assert_cmpint (desk_design_get_height (back), ==, 1920);
  g_assert_cmpuint (desk_design_get_n_layers (back), ==, 3);
  g_assert_cmpint (desk_design_get_layer (back, 2)->kind, ==, DESK_LAYER_LOGO);

  alt = desk_design_dup_alt_text (back);
  g_assert_cmpstr (alt, ==, "Nouveau : le pain d'épices. Dès lundi.");

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(DeskDesign) none = desk_design_new_from_json (bad[i], NULL, &local);

      g_assert_null (none);
      g_assert_nonnull (local);
      g_assert_cmpstr (local->message, !=, "");
    }
}

static void
test_design_render (void)
{
  guint n;
  const DeskDesignPreset *presets = desk_design_presets (&n);
  g_autofree char *dir = g_dir_make_tmp ("desk-design-XXXXXX", NULL);

  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskDesign) design = desk_design_new (presets[i].id);
      g_autofree char *path = g_build_filename (dir, "out.png", NULL);
      g_autoptr(GError) error = NULL;
      cairo_surface_t *png;
      DeskColour red = { 0xe0, 0x1b, 0x24 };

      desk_design_set_background (design, &red, NULL);
      desk_design_add_text_layer (design, "Texte");
      /* A missing logo image is drawn as nothing, not a crash */
      desk_design_add_logo_layer (design, "/nonexistent/logo.png");
      g_assert_true (desk_design_export_png (design, path, &error));
      g_assert_no_error (error);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, presets[i].width);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, presets[i].height);
      /* The background colour is there (a corner pixel) */
      g_assert_cmphex (((guint32 *) cairo_image_surface_get_data (png))[0] & 0xffffff, ==, 0xe01b24);
      cairo_surface_destroy (png);
      g_unlink (path);
    }

  /* Layer hit testing follows the drawn boxes */
  {
    g_autoptr(DeskDesign) design = desk_design_new ("square");
    DeskLayer *layer = desk_design_add_text_layer (design, "Au fournil");
    cairo_rectangle_int_t box;

    layer->x = 100;
    layer->y = 200;
    desk_design_get_layer_box (design, 0, &box);
    g_assert_cmpint (box.height, >, 20);
    g_assert_cmpint (desk_design_layer_at (design, 110, 210), ==, 0);
    g_assert_cmpint (desk_design_layer_at (design, 10, 10), ==, -1);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskDesign) design = desk_design_new ("square");

    g_assert_false (desk_design_export_png (design, "/nonexistent/dir/out.png", &error));
    g_assert_nonnull (error);
  }
  g_rmdir (dir);
}

static void
count_signal (guint *counter)
{
  (*counter)++;
}

/* A background image is cropped around its focal point ("cover") or shown
 * whole ("contain") */
static void
test_design_background_image (void)
{
  g_autofree char *dir = g_dir_make_tmp ("desk-bg-XXXXXX", NULL);
  g_autofree char *photo = g_build_filename (dir, "photo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 100);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(DeskDesign) design = desk_design_new ("square");
  cairo_surface_t *out;
  guint32 *px;
  int stride;
  DeskColour white = { 0xff, 0xff, 0xff };

  /* Left half red, right half blue */
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, 200, 100);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, 200, 0, 200, 100);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, photo);
  cairo_surface_destroy (surface);

  desk_design_set_base_dir (design, dir);
  desk_design_set_background (design, &white, NULL);

  /* Cover, focal point on the left: the square shows red only */
  desk_design_set_background_image (design, "photo.png", FALSE, 0.0, 0.5);
  out = desk_design_render_surface (design);
  px = (guint32 *) cairo_image_surface_get_data (out);
  stride = cairo_image_surface_get_stride (out) / 4;
  g_assert_cmphex (px[540 * stride + 10] & 0xffffff, ==, 0xff0000);
  g_assert_cmphex (px[540 * stride + 1070] & 0xffffff, ==, 0xff0000);
  cairo_surface_destroy (out);

  /* Focal point on the right: blue only */
  desk_design_set_background_image (design, "photo.png", FALSE, 1.0, 0.5);
  out = desk_design_render_surface (design);
  px = (guint32 *) cairo_image_surface_get_data (out);
  g_assert_cmphex (px[540 * stride + 10] & 0xffffff, ==, 0x0000ff);
  cairo_surface_destroy (out);

  /* Contain: the whole image across, white above and below */
  desk_design_set_background_image (design, "photo.png", TRUE, 0.5, 0.5);
  out = desk_design_render_surface (design);
  px = (guint32 *) cairo_image_surface_get_data (out);
  g_assert_cmphex (px[10 * stride + 540] & 0xffffff, ==, 0xffffff);
  g_assert_cmphex (px[540 * stride + 100] & 0xffffff, ==, 0xff0000);
  g_assert_cmphex (px[540 * stride + 1000] & 0xffffff, ==, 0x0000ff);
  cairo_surface_destroy (out);

  g_unlink (photo);
  g_rmdir (dir);
}

static void
test_store_editor (void)
{
  g_autofree char *dir = g_dir_make_tmp ("desk-editor-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *png = g_build_filename (dir, "visual.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DeskDesign) design = desk_design_new ("square");
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) back = NULL;
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_attachment_free);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) snippets = NULL;
  g_autoptr(GListModel) brands = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(DeskChannel) channel = NULL;
  DeskAttachment *attachment;
  DeskSnippet snippet = { 0, TRUE, (char *) "Boulangerie", (char *) "#Pain #Levain" };
  gint64 brand_id, channel_id, media_id;

  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
    g_autoptr(DeskBrand) brand = NULL;

    g_assert_true (desk_demo_populate (store, NULL, DESK_DEMO_SEED, now, &error));
    brands = desk_store_list_brands (store, &error);
    brand = g_list_model_get_item (brands, 0);
    brand_id = desk_brand_get_id (brand);
  }
  channels = desk_store_list_channels (store, brand_id, &error);
  channel = g_list_model_get_item (channels, 0);
  channel_id = desk_channel_get_id (channel);

  desk_design_add_text_layer (design, "Pain d'épices");
  g_assert_true (desk_design_export_png (design, png, &error));
  g_assert_true (desk_store_add_media (store, brand_id, png, &media_id, &error));
  g_assert_no_error (error);

  post = desk_post_new ();
  desk_post_set_brand_id (post, brand_id);
  desk_post_set_body (post, "Le texte de base");
  desk_post_set_channel_ids (post, &channel_id, 1);
  g_hash_table_insert (overrides, g_memdup2 (&channel_id, sizeof channel_id), g_strdup ("Le texte pour ce réseau"));
  attachment = g_new0 (DeskAttachment, 1);
  attachment->media_id = media_id;
  attachment->alt = g_strdup ("Affiche : pain d'épices");
  attachment->design = desk_design_to_json (design);
  g_ptr_array_add (attachments, attachment);
  g_assert_true (desk_store_save_post_content (store, post, overrides, attachments, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_post_get_id (post), >, 0);

  back = desk_store_list_variant_texts (store, desk_post_get_id (post), &error);
  g_assert_cmpuint (g_hash_table_size (back), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (back, &channel_id), ==, "Le texte pour ce réseau");
  stored = desk_store_list_attachments (store, desk_post_get_id (post), &error);
  g_assert_cmpuint (stored->len, ==, 1);
  attachment = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (attachment->alt, ==, "Affiche : pain d'épices");
  g_assert_true (g_file_test (attachment->path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (attachment->design);
  {
    g_autoptr(DeskDesign) reloaded = desk_design_new_from_json (attachment->design, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (desk_design_get_n_layers (reloaded), ==, 1);
  }

  /* The same image in another post, described for that post */
  {
    g_autoptr(DeskPost) other = desk_post_new ();
    g_autoptr(GPtrArray) other_images = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_attachment_free);
    g_autoptr(GPtrArray) first_back = NULL;
    g_autoptr(GPtrArray) other_back = NULL;
    DeskAttachment *again = g_new0 (DeskAttachment, 1);

    desk_post_set_brand_id (other, brand_id);
    again->media_id = media_id;
    again->alt = g_strdup ("Le pain d'épices en vitrine, pour Noël");
    g_ptr_array_add (other_images, again);
    g_assert_true (desk_store_save_post_content (store, other, NULL, other_images, &error));
    first_back = desk_store_list_attachments (store, desk_post_get_id (post), &error);
    other_back = desk_store_list_attachments (store, desk_post_get_id (other), &error);
    g_assert_cmpstr (((DeskAttachment *) g_ptr_array_index (first_back, 0))->alt, ==, "Affiche : pain d'épices");
    g_assert_cmpstr (((DeskAttachment *) g_ptr_array_index (other_back, 0))->alt, ==, "Le pain d'épices en vitrine, pour Noël");
  }

  /* Removing the override and the image */
  g_hash_table_remove_all (overrides);
  g_ptr_array_set_size (attachments, 0);
  g_assert_true (desk_store_save_post_content (store, post, overrides, attachments, &error));
  g_clear_pointer (&back, g_hash_table_unref);
  back = desk_store_list_variant_texts (store, desk_post_get_id (post), &error);
  g_assert_cmpuint (g_hash_table_size (back), ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = desk_store_list_attachments (store, desk_post_get_id (post), &error);
  g_assert_cmpuint (stored->len, ==, 0);

  /* A failing write changes nothing: an unknown media id */
  attachment = g_new0 (DeskAttachment, 1);
  attachment->media_id = 999999;
  g_ptr_array_add (attachments, attachment);
  desk_post_set_body (post, "Changed");
  {
    guint changed = 0;
    gulong id = g_signal_connect_swapped (store, "post-changed", G_CALLBACK (count_signal), &changed);

    g_assert_false (desk_store_save_post_content (store, post, overrides, attachments, &error));
    g_assert_nonnull (error);
    /* Views never hear of a save that was rolled back */
    g_assert_cmpuint (changed, ==, 0);
    g_clear_error (&error);
    g_ptr_array_set_size (attachments, 0);
    g_assert_true (desk_store_save_post_content (store, post, overrides, attachments, &error));
    g_assert_cmpuint (changed, ==, 1);
    g_signal_handler_disconnect (store, id);
    desk_post_set_body (post, "Le texte de base");
    g_assert_true (desk_store_save_post_content (store, post, overrides, attachments, &error));
    attachment = g_new0 (DeskAttachment, 1);
    attachment->media_id = 999999;
    g_ptr_array_add (attachments, attachment);
    desk_post_set_body (post, "Changed");
    g_assert_false (desk_store_save_post_content (store, post, overrides, attachments, &error));
  }
  g_clear_error (&error);
  {
    g_autoptr(DeskStore) other = desk_store_open (path, DESK_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(GPtrArray) all = desk_store_query_all_posts (other, brand_id, &error);
    gboolean found = FALSE;

    for (guint i = 0; i < all->len; i++)
      if (desk_post_get_id (g_ptr_array_index (all, i)) == desk_post_get_id (post))
        {
          g_assert_cmpstr (desk_post_get_body (g_ptr_array_index (all, i)), ==, "Le texte de base");
          found = TRUE;
        }
    g_assert_true (found);
  }

  /* Snippets */
  g_assert_true (desk_store_save_snippet (store, brand_id, &snippet, &error));
  g_assert_cmpint (snippet.id, >, 0);
  snippets = desk_store_list_snippets (store, brand_id, &error);
  g_assert_cmpuint (snippets->len, >=, 1);
  g_assert_true (desk_store_delete_snippet (store, snippet.id, &error));
  g_clear_pointer (&snippets, g_ptr_array_unref);
  snippets = desk_store_list_snippets (store, brand_id, &error);
  for (guint i = 0; i < snippets->len; i++)
    g_assert_cmpint (((DeskSnippet *) g_ptr_array_index (snippets, i))->id, !=, snippet.id);
  snippet.id = 0;
  snippet.name = (char *) "  ";
  g_assert_false (desk_store_save_snippet (store, brand_id, &snippet, &error));
  g_clear_error (&error);

  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (cmd), ==, 0);
  }
}

static void
test_media_description (void)
{
#if HAVE_GEXIV2
  g_autofree char *dir = g_dir_make_tmp ("desk-media-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "photo.png", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.png", NULL);
  g_autoptr(GExiv2Metadata) metadata = gexiv2_metadata_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_write_to_png (surface, plain), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (gexiv2_metadata_open_path (metadata, path, &error));
  g_assert_true (gexiv2_metadata_try_set_tag_string (metadata, "Xmp.dc.description",
                                                     "Deux baguettes sur un comptoir en bois", &error));
  g_assert_true (gexiv2_metadata_save_file (metadata, path, &error));
  g_assert_no_error (error);

  g_assert_true (desk_media_can_read_descriptions ());
  description = desk_media_read_description (path);
  g_assert_cmpstr (description, ==, "Deux baguettes sur un comptoir en bois");
  g_assert_null (desk_media_read_description (plain));
  g_assert_null (desk_media_read_description ("/nonexistent.jpg"));
  g_unlink (path);
  g_unlink (plain);
  g_rmdir (dir);
#else
  g_assert_false (desk_media_can_read_descriptions ());
  g_test_skip ("built without gexiv2");
#endif
}

static void
test_utm (void)
{
  g_autofree char *a = desk_utm_tag_links ("Voir https://fournil.fr/noel. Et https://fournil.fr/?p=2#haut !",
                                           "mastodon", "Noël au fournil");
  g_autofree char *b = desk_utm_tag_links ("https://x.fr/?utm_source=news deja", "bluesky", NULL);
  g_autofree char *c = desk_utm_tag_links ("pas de lien, ni http:// seul", "x", "C");

  g_assert_cmpstr (a, ==, "Voir https://fournil.fr/noel?utm_source=mastodon&utm_medium=social&utm_campaign=noel-au-fournil. "
                          "Et https://fournil.fr/?p=2&utm_source=mastodon&utm_medium=social&utm_campaign=noel-au-fournil#haut !");
  g_assert_cmpstr (b, ==, "https://x.fr/?utm_source=news deja");
  g_assert_cmpstr (c, ==, "pas de lien, ni http:// seul");
}

static void
test_preview (void)
{
  g_autofree char *dir = g_dir_make_tmp ("desk-preview-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "i.png", NULL);
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  g_autoptr(GPtrArray) alts = g_ptr_array_new ();
  g_autofree char *html = NULL;
  g_autofree char *long_html = NULL;
  g_autofree char *long_text = g_strnfill (300, 'a');
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);
  DeskPreviewInput input = { 0 };

  cairo_surface_write_to_png (surface, png);
  cairo_surface_destroy (surface);
  g_ptr_array_add (images, png);
  g_ptr_array_add (images, (gpointer) "/nonexistent.png");
  g_ptr_array_add (alts, (gpointer) "Deux <b>baguettes</b>");
  g_ptr_array_add (alts, (gpointer) "");
  input.network = DESK_NETWORK_MASTODON;
  input.display_name = "Le Fournil <script>";
  input.handle = "@fournil@piaille.fr";
  input.colour = "\"><script>alert(1)</script>";
  input.text = "<script>alert('x')</script> Voir https://fournil.fr #PainDuJour @alice";
  input.images = images;
  input.alts = alts;
  html = desk_preview_html (&input);

  /* Everything the user typed is escaped; nothing can run or load */
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert"));
  g_assert_nonnull (strstr (html, "default-src 'none'"));
  g_assert_null (strstr (html, "src=\"http"));
  g_assert_nonnull (strstr (html, "<span class=\"link\">https://fournil.fr</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"tag\">#PainDuJour</span>"));
  g_assert_nonnull (strstr (html, "data:image/png;base64,"));
  g_assert_nonnull (strstr (html, "alt=\"Deux &lt;b&gt;baguettes&lt;/b&gt;\""));
  g_assert_nonnull (strstr (html, "noalt"));

  /* Instagram cuts its captions in the feed */
  input.network = DESK_NETWORK_INSTAGRAM;
  input.text = long_text;
  input.images = NULL;
  long_html = desk_preview_html (&input);
  g_assert_nonnull (strstr (long_html, "… <span class=\"more\">"));
  g_assert_null (strstr (long_html, long_text));
  g_unlink (png);
  g_rmdir (dir);
}

static gboolean
has_finding (GPtrArray  *findings,
             const char *id,
             gint64      channel_id)
{
  for (guint i = 0; i < findings->len; i++)
    {
      DeskFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->id, id) && f->channel_id == channel_id)
        return TRUE;
    }
  return FALSE;
}

/* One draft for the editor and check --post: the shared text for the
 * channels that publish it, each own text for its channel alone */
static void
test_draft (void)
{
  g_autoptr(DeskDraft) draft = desk_draft_new ();
  g_autoptr(DeskChannel) mastodon = g_object_new (DESK_TYPE_CHANNEL, "id", (gint64) 7, "network", DESK_NETWORK_MASTODON,
                                                  "handle", "@fournil@piaille.fr", NULL);
  g_autoptr(DeskChannel) x = g_object_new (DESK_TYPE_CHANNEL, "id", (gint64) 9, "network", DESK_NETWORK_X,
                                           "handle", "@fournil", NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GPtrArray) findings = NULL;
  const char * const forbidden[] = { "pas cher", NULL };
  g_autofree char *charter = desk_charter_set (NULL, 0, "Forbidden", forbidden);
  g_autofree char *published = NULL;

  for (int i = 0; i < 30; i++)
    g_string_append (long_text, "Notre pain au levain ");
  g_string_append (long_text, "https://fournil.fr/pain");

  desk_draft_set_text (draft, "Du pain pas cher #painaulevain");
  desk_draft_add_channel (draft, mastodon, NULL);
  desk_draft_add_channel (draft, x, long_text->str);
  desk_draft_add_alt (draft, "");
  desk_draft_set_charter (draft, charter, 0);
  desk_draft_set_utm (draft, TRUE, "noel");
  g_assert_cmpuint (desk_draft_get_n_targets (draft), ==, 2);

  findings = desk_draft_check (draft);
  /* The shared text: the charter, the hashtag and the image's alt */
  g_assert_true (has_finding (findings, "charter-forbidden", 0));
  g_assert_true (has_finding (findings, "hashtag-camelcase", 0));
  g_assert_true (has_finding (findings, "alt-missing", 0));
  /* X's own text, for X alone: too long, and about channel 9 */
  g_assert_true (has_finding (findings, "text-too-long", 9));
  g_assert_false (has_finding (findings, "text-too-long", 0));
  g_assert_false (has_finding (findings, "alt-missing", 9));
  for (guint i = 0; i < findings->len; i++)
    {
      DeskFinding *f = g_ptr_array_index (findings, i);

      /* A range in a text with UTM tags added is not the typed text's */
      if (f->channel_id == 9)
        {
          g_assert_nonnull (strstr (f->target, "X"));
          if (f->place == DESK_PLACE_TEXT)
            g_assert_null (f->fix);
        }
    }

  /* What each channel publishes, links tagged */
  published = desk_draft_dup_channel_text (draft, 9);
  g_assert_nonnull (strstr (published, "utm_source=x"));
  g_assert_nonnull (strstr (published, "utm_campaign=noel"));
  g_assert_null (desk_draft_dup_channel_text (draft, 42));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/checks/emoji", test_emoji);
  g_test_add_func ("/checks/draft", test_draft);
  g_test_add_func ("/checks/charter", test_charter);
  g_test_add_func ("/checks/places", test_finding_places);
  g_test_add_func ("/checks/x-conformance", test_x_conformance);
  g_test_add_func ("/checks/links-mentions", test_links_and_mentions);
  g_test_add_func ("/design/contrast-on-pixels", test_design_contrast);
  g_test_add_func ("/design/band", test_design_band);
  g_test_add_func ("/design/json", test_design_json);
  g_test_add_func ("/design/render", test_design_render);
  g_test_add_func ("/design/background-image", test_design_background_image);
  g_test_add_func ("/store/editor", test_store_editor);
  g_test_add_func ("/media/description", test_media_description);
  g_test_add_func ("/checks/utm", test_utm);
  g_test_add_func ("/checks/preview", test_preview);
  return g_test_run ();
}
