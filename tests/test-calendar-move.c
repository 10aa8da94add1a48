/* test-calendar-move.c: what a move on the calendar may do, and Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gstdio.h>

#include "desk-post-move.h"
#include "desk-time.h"
#include "desk-undo-stack.h"

typedef struct
{
  char          *dir;
  DeskStore     *store;
  DeskUndoStack *undo;
  gint64         brand_id;
  gint64         channels[2];
  char          *tz;
} Fixture;

/* Europe/Paris left summer time on 2026-10-25 at 03:00 local; the tests'
 * clock (COMMUNITY_DESK_NOW) is 2026-11-23 10:00. */
static void
set_tz (const char *tz)
{
  if (tz != NULL)
    g_setenv ("TZ", tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Brand", NULL);

  f->tz = g_strdup (g_getenv ("TZ"));
  set_tz ("Europe/Paris");
  f->dir = g_dir_make_tmp ("desk-move-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (desk_store_save_brand (f->store, brand, &error));
  f->brand_id = desk_brand_get_id (brand);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DeskChannel) channel = g_object_new (DESK_TYPE_CHANNEL,
                                                     "brand-id", f->brand_id,
                                                     "network", i ? DESK_NETWORK_BLUESKY : DESK_NETWORK_MASTODON,
                                                     "handle", i ? "@a.bsky.social" : "@a@b.c",
                                                     NULL);

      g_assert_true (desk_store_save_channel (f->store, channel, &error));
      g_assert_no_error (error);
      f->channels[i] = desk_channel_get_id (channel);
    }
  f->undo = desk_undo_stack_new (20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->undo);
  desk_time_set_zone (NULL);
  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  set_tz (f->tz);
  g_free (f->tz);
}

static GDateTime *
paris (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  return desk_time_new_local (year, month, day, hour, minute, 0);
}

/* A post in the store at @at, on both channels, Bluesky with its own text */
static DeskPost *
add_post (Fixture        *f,
          GDateTime      *at,
          DeskPostStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  DeskPost *post = desk_post_new ();

  desk_post_set_brand_id (post, f->brand_id);
  desk_post_set_title (post, "Move me");
  desk_post_set_body (post, "The post's own text");
  desk_post_set_scheduled_at (post, at);
  desk_post_set_status (post, status);
  desk_post_set_channel_ids (post, f->channels, 2);
  g_hash_table_insert (overrides, g_memdup2 (&f->channels[1], sizeof (gint64)), g_strdup ("Version Bluesky"));
  g_assert_true (desk_store_save_post_content (f->store, post, overrides, NULL, &error));
  g_assert_no_error (error);
  return post;
}

/* @post is on both channels, Bluesky with its own text (add_post ()) */
static void
assert_variants (Fixture  *f,
                 DeskPost *post)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) texts = desk_store_list_variant_texts (f->store, desk_post_get_id (post), &error);

  g_assert_no_error (error);
  g_assert_true (desk_post_has_channel (post, f->channels[0]) && desk_post_has_channel (post, f->channels[1]));
  g_assert_cmpstr (g_hash_table_lookup (texts, &f->channels[1]), ==, "Version Bluesky");
}

static void
test_refused_published (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autoptr(GDateTime) at = paris (2026, 11, 20, 9, 0);
  g_autoptr(GDateTime) later = paris (2026, 11, 30, 9, 0);
  g_autoptr(DeskPost) post = add_post (f, at, DESK_POST_STATUS_PUBLISHED);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *no_reason = NULL;

  /* Not moved, even off the calendar: the reason is given to the user */
  g_assert_cmpint (desk_post_move_check (post, later, now, FALSE, &reason), ==, DESK_POST_MOVE_REFUSED);
  g_assert_nonnull (reason);
  g_clear_pointer (&reason, g_free);
  g_assert_cmpint (desk_post_move_check (post, NULL, now, FALSE, &reason), ==, DESK_POST_MOVE_REFUSED);
  g_assert_nonnull (reason);

  /* The store says the same, and nothing is remembered for Undo */
  g_assert_false (desk_post_move_apply (f->store, f->undo, post, later, FALSE, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, reason);
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), at));
  g_assert_false (desk_undo_stack_get_can_undo (f->undo));

  /* A copy of it may go anywhere */
  g_assert_cmpint (desk_post_move_check (post, later, now, TRUE, &no_reason), ==, DESK_POST_MOVE_ALLOWED);
  g_assert_null (no_reason);
}

static void
test_past_needs_confirmation (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) now = paris (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) at = paris (2026, 11, 30, 9, 0);
  g_autoptr(GDateTime) yesterday_late = paris (2026, 11, 22, 23, 59);
  g_autoptr(GDateTime) earlier_today = paris (2026, 11, 23, 8, 0);
  g_autoptr(DeskPost) post = add_post (f, at, DESK_POST_STATUS_SCHEDULED);
  g_autofree char *reason = NULL;

  g_assert_cmpint (desk_post_move_check (post, yesterday_late, now, FALSE, &reason), ==,
                   DESK_POST_MOVE_NEEDS_CONFIRMATION);
  g_assert_nonnull (reason);
  g_assert_cmpint (desk_post_move_check (post, yesterday_late, now, TRUE, NULL), ==,
                   DESK_POST_MOVE_NEEDS_CONFIRMATION);
  /* Today is not the past, even an hour gone by; nor is the ideas tray */
  g_assert_cmpint (desk_post_move_check (post, earlier_today, now, FALSE, NULL), ==, DESK_POST_MOVE_ALLOWED);
  g_assert_cmpint (desk_post_move_check (post, NULL, now, FALSE, NULL), ==, DESK_POST_MOVE_ALLOWED);
  /* Without a clock (the store), only the published rule */
  g_assert_cmpint (desk_post_move_check (post, yesterday_late, NULL, FALSE, NULL), ==, DESK_POST_MOVE_ALLOWED);
}

static void
test_dst_wall_clock (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) at = paris (2026, 10, 23, 10, 0);
  g_autoptr(GDateTime) monday = paris (2026, 10, 26, 15, 30);
  g_autoptr(GDateTime) friday = paris (2026, 10, 23, 18, 0);
  g_autoptr(DeskPost) post = add_post (f, at, DESK_POST_STATUS_SCHEDULED);
  g_autoptr(DeskPost) idea = add_post (f, NULL, DESK_POST_STATUS_IDEA);
  g_autoptr(GDateTime) target = NULL;
  g_autoptr(GDateTime) idea_target = NULL;
  g_autoptr(GDateTime) same_day_copy = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) error = NULL;

  /* Three days later, across the end of summer time: 10:00 stays 10:00
   * (09:00 UTC, where it was 08:00 UTC) */
  target = desk_post_move_drop_time (post, monday, 9, 0, FALSE);
  local = desk_time_to_local (target);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 26);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (target) - g_date_time_to_unix (at), ==, 3 * 24 * 3600 + 3600);

  g_assert_true (desk_post_move_apply (f->store, f->undo, post, target, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), target));

  /* Its own day changes nothing; a copy there is a new post all the same */
  {
    g_autoptr(GDateTime) none = desk_post_move_drop_time (post, monday, 9, 0, FALSE);
    g_assert_null (none);
  }
  same_day_copy = desk_post_move_drop_time (post, friday, 9, 0, TRUE);
  g_assert_nonnull (same_day_copy);

  /* Days count as local dates on both sides of the change */
  {
    g_autoptr(GDateTime) sunday_late = paris (2026, 10, 25, 23, 30);
    g_autoptr(GDateTime) saturday_early = paris (2026, 10, 24, 0, 30);

    g_assert_cmpuint (desk_time_julian (target) - desk_time_julian (at), ==, 3);
    g_assert_cmpuint (desk_time_julian (sunday_late) - desk_time_julian (saturday_early), ==, 1);
  }

  /* An idea has no time: the default one */
  idea_target = desk_post_move_drop_time (idea, monday, 9, 15, FALSE);
  g_clear_pointer (&local, g_date_time_unref);
  local = desk_time_to_local (idea_target);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 26);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 15);
}

static void
test_copy_as_draft (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) at = paris (2026, 11, 25, 10, 0);
  g_autoptr(GDateTime) to = paris (2026, 11, 27, 10, 0);
  g_autoptr(DeskPost) post = add_post (f, at, DESK_POST_STATUS_SCHEDULED);
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;
  DeskPost *copy = NULL;

  g_assert_true (desk_post_move_apply (f->store, f->undo, post, to, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_undo_stack_get_n_entries (f->undo), ==, 1);

  /* The original stays; the copy is a draft at the new time, with the
   * same channels and texts */
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), at));
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);
  posts = desk_store_query_posts (f->store, f->brand_id, to, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < posts->len; i++)
    if (desk_post_get_id (g_ptr_array_index (posts, i)) != desk_post_get_id (post))
      copy = g_ptr_array_index (posts, i);
  g_assert_nonnull (copy);
  g_assert_cmpint (desk_post_get_status (copy), ==, DESK_POST_STATUS_DRAFT);
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (copy), to));
  g_assert_cmpstr (desk_post_get_title (copy), ==, "Move me");
  assert_variants (f, copy);
}

static void
test_undo_restores (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) at = paris (2026, 11, 25, 10, 0);
  g_autoptr(GDateTime) to = paris (2026, 12, 2, 10, 0);
  g_autoptr(DeskPost) post = add_post (f, at, DESK_POST_STATUS_SCHEDULED);
  g_autoptr(GError) error = NULL;

  /* Moved, then taken off the calendar (a draft again) */
  g_assert_true (desk_post_move_apply (f->store, f->undo, post, to, FALSE, &error));
  g_assert_true (desk_post_move_apply (f->store, f->undo, post, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (desk_post_get_scheduled_at (post));
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_DRAFT);
  g_assert_cmpuint (desk_undo_stack_get_n_entries (f->undo), ==, 2);

  /* Undo puts back the status and the time, newest first, variants kept */
  g_assert_true (desk_undo_stack_undo (f->undo, f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), to));
  g_assert_true (desk_undo_stack_undo (f->undo, f->store, &error));
  g_assert_true (g_date_time_equal (desk_post_get_scheduled_at (post), at));
  g_assert_cmpint (desk_post_get_status (post), ==, DESK_POST_STATUS_SCHEDULED);
  assert_variants (f, post);
  g_assert_false (desk_undo_stack_get_can_undo (f->undo));
}

static void
test_undo_copy_deletes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) at = paris (2026, 11, 25, 10, 0);
  g_autoptr(DeskPost) post = add_post (f, at, DESK_POST_STATUS_SCHEDULED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  gint64 count = 0;

  g_assert_true (desk_post_move_apply (f->store, f->undo, post, at, TRUE, &error));
  g_assert_true (desk_store_count_rows (f->store, "posts", &count, &error));
  g_assert_cmpint (count, ==, 2);

  g_assert_true (desk_undo_stack_undo (f->undo, f->store, &error));
  g_assert_no_error (error);
  g_assert_true (desk_store_count_rows (f->store, "posts", &count, &error));
  g_assert_cmpint (count, ==, 1);
  posts = desk_store_query_posts (f->store, f->brand_id, NULL, NULL, &error);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpint (desk_post_get_id (g_ptr_array_index (posts, 0)), ==, desk_post_get_id (post));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The oldest moves are forgotten; can-undo tells when it changes */
static void
test_undo_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DeskUndoStack) undo = desk_undo_stack_new (3);
  g_autoptr(GDateTime) at = paris (2026, 11, 25, 10, 0);
  g_autoptr(DeskPost) post = add_post (f, at, DESK_POST_STATUS_SCHEDULED);
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect (undo, "notify::can-undo", G_CALLBACK (notify_count_cb), &notified);
  for (int day = 26; day <= 30; day++)
    {
      g_autoptr(GDateTime) to = paris (2026, 11, day, 10, 0);
      g_assert_true (desk_post_move_apply (f->store, undo, post, to, FALSE, &error));
    }
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (desk_undo_stack_get_n_entries (undo), ==, 3);
  while (desk_undo_stack_get_can_undo (undo))
    g_assert_true (desk_undo_stack_undo (undo, f->store, &error));
  g_assert_cmpuint (notified, ==, 2);

  /* Back to where the third move started: the 27th */
  {
    g_autoptr(GDateTime) local = desk_time_to_local (desk_post_get_scheduled_at (post));
    g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 27);
  }
}

/* The brand's timezone is the truth: a laptop in Paris plans a Montréal
 * bakery's posts in Montréal time, and they stay at that time across
 * Montréal's own change of clock (2026-11-01), not Paris's (10-25). */
static void
test_brand_zone (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GTimeZone) montreal = g_time_zone_new_identifier ("America/Montreal");
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) monday = NULL;
  g_autoptr(GDateTime) target = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) paris_now = NULL;
  g_autofree char *here = NULL;
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (montreal);
  g_assert_null (desk_time_get_zone_identifier ());
  g_assert_true (desk_time_set_zone ("America/Montreal"));
  g_assert_false (desk_time_set_zone ("America/Montreal"));
  g_assert_cmpstr (desk_time_get_zone_identifier (), ==, "America/Montreal");

  /* Friday 30 October, 9:00 in Montréal (UTC−4): 13:00 UTC, 14:00 in Paris */
  at = desk_time_new_local (2026, 10, 30, 9, 0, 0);
  g_assert_cmpint (g_date_time_to_unix (at), ==, 1793365200);
  g_assert_true (desk_time_zone_differs (at));
  here = desk_time_format_system (at);
  g_assert_cmpstr (here, ==, "14:00");
  {
    g_autofree char *city = desk_time_zone_city ();
    g_autofree char *said = desk_time_describe_zone (at);

    g_assert_cmpstr (city, ==, "Montreal");
    g_assert_nonnull (strstr (said, "Montreal"));
    g_assert_nonnull (strstr (said, "14:00"));
  }
  post = add_post (f, at, DESK_POST_STATUS_SCHEDULED);

  /* Dropped on Monday 2 November: 9:00 in Montréal still (UTC−5 now) */
  monday = desk_time_new_local (2026, 11, 2, 0, 0, 0);
  target = desk_post_move_drop_time (post, monday, 9, 0, FALSE);
  local = desk_time_to_local (target);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 2);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
  g_assert_cmpint (g_date_time_to_unix (target) - g_date_time_to_unix (at), ==, 3 * 24 * 3600 + 3600);
  g_assert_true (desk_post_move_apply (f->store, f->undo, post, target, FALSE, &error));
  g_assert_no_error (error);

  /* A day is Montréal's day: 23:30 there is already tomorrow in Paris */
  {
    g_autoptr(GDateTime) late = desk_time_new_local (2026, 11, 2, 23, 30, 0);
    g_autofree char *day = desk_time_format_day (late);

    g_assert_cmpstr (day, ==, "2026-11-02");
  }

  /* Brussels keeps Paris's clock: nothing to say */
  g_assert_true (desk_time_set_zone ("Europe/Brussels"));
  paris_now = desk_time_now ();
  g_assert_false (desk_time_zone_differs (paris_now));
  g_assert_null (desk_time_describe_zone (paris_now));

  /* An unknown zone, or none: the system's */
  g_test_expect_message ("desk-time", G_LOG_LEVEL_WARNING, "*Nowhere/Atlantis*");
  g_assert_true (desk_time_set_zone ("Nowhere/Atlantis"));
  g_test_assert_expected_messages ();
  g_assert_null (desk_time_get_zone_identifier ());
  g_assert_false (desk_time_set_zone (NULL));
  g_assert_false (desk_time_set_zone (""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/calendar-move/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("refused-published", test_refused_published);
  ADD ("past-needs-confirmation", test_past_needs_confirmation);
  ADD ("dst-wall-clock", test_dst_wall_clock);
  ADD ("brand-zone", test_brand_zone);
  ADD ("copy-as-draft", test_copy_as_draft);
  ADD ("undo-restores", test_undo_restores);
  ADD ("undo-copy-deletes", test_undo_copy_deletes);
  ADD ("undo-limit", test_undo_limit);
#undef ADD
  return g_test_run ();
}
