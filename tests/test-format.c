/* test-format.c: numbers grouped by thousands as the locale writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "desk-format.h"

static void
assert_count (gint64      count,
              const char *expected)
{
  g_autofree char *text = desk_format_count (count);

  g_assert_cmpstr (text, ==, expected);
}

static void
with_numeric_locale (const char *locale,
                     void      (*check) (void))
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  /* locales-all is in build-aux/deps.txt: a missing locale is a failure */
  g_assert_nonnull (setlocale (LC_NUMERIC, locale));
  check ();
  setlocale (LC_NUMERIC, saved);
}

static void
check_english (void)
{
  assert_count (0, "0");
  assert_count (999, "999");
  assert_count (1000, "1,000");
  assert_count (12345, "12,345");
  assert_count (1234567, "1,234,567");
  assert_count (-12345, "-12,345");
  assert_count (G_GINT64_CONSTANT (9007199254740993), "9,007,199,254,740,993");
}

/* glibc's French separator is U+202F NARROW NO-BREAK SPACE */
static void
check_french (void)
{
  assert_count (999, "999");
  assert_count (1000, "1\u202f000");
  assert_count (12345, "12\u202f345");
  assert_count (1234567, "1\u202f234\u202f567");
  assert_count (-300, "-300");
}

static void
check_c (void)
{
  assert_count (12345, "12345");
  assert_count (1234567, "1234567");
}

static void
test_count_english (void)
{
  with_numeric_locale ("en_US.UTF-8", check_english);
}

static void
test_count_french (void)
{
  with_numeric_locale ("fr_FR.UTF-8", check_french);
}

static void
test_count_c (void)
{
  with_numeric_locale ("C.UTF-8", check_c);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/count/english", test_count_english);
  g_test_add_func ("/format/count/french", test_count_french);
  g_test_add_func ("/format/count/c", test_count_c);

  return g_test_run ();
}
