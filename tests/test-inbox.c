/* test-inbox.c: the unified inbox's core: tone, moderation, crisis,
 * the attention order and its groups, full-text search, the windowed model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-helpers.h"

#include "desk-crisis.h"
#include "desk-inbox-model-private.h"
#include "desk-inbox-order.h"
#include "desk-moderation.h"
#include "desk-store-private.h"
#include "desk-tone.h"

/* Tone */

static void
test_tone_lexicon (void)
{
  g_autofree char *folded = desk_tone_fold ("Crème BRÛLÉE à l'ŒUF");

  g_assert_cmpstr (folded, ==, "creme brulee a l'œuf");
  g_assert_cmpfloat (desk_tone_score ("Merci, c'était délicieux !"), ==, 0);
  g_assert_cmpfloat (desk_tone_score (""), ==, 0);
  g_assert_cmpfloat (desk_tone_score (NULL), ==, 0);
  /* Accent- and case-blind */
  g_assert_true (desk_tone_is_negative (desk_tone_score ("Très DÉÇU de ma commande")));
  g_assert_true (desk_tone_is_negative (desk_tone_score ("tres decu de ma commande")));
  g_assert_cmpfloat (desk_tone_score ("C'est une ARNAQUE"), ==, 2);
  g_assert_true (desk_tone_is_negative (desk_tone_score ("Worst service, I want a refund")));
  /* Negation: a positive word negated is negative, a negative one is not */
  g_assert_true (desk_tone_is_negative (desk_tone_score ("Le pain n'était pas bon")));
  g_assert_true (desk_tone_is_negative (desk_tone_score ("pas très bon")));
  g_assert_true (desk_tone_is_negative (desk_tone_score ("The bread was not good")));
  g_assert_true (desk_tone_is_negative (desk_tone_score ("I don't feel happy")));
  g_assert_false (desk_tone_is_negative (desk_tone_score ("Pas mal du tout !")));
  g_assert_false (desk_tone_is_negative (desk_tone_score ("not bad at all")));
  g_assert_false (desk_tone_is_negative (desk_tone_score ("Livré sans problème")));
  g_assert_false (desk_tone_is_negative (desk_tone_score ("Il est bon")));
  /* A sentence's end ends the negation */
  g_assert_false (desk_tone_is_negative (desk_tone_score ("Pas de souci. Très bon accueil")));
  /* Emoji */
  g_assert_true (desk_tone_is_negative (desk_tone_score ("Encore fermé 😡")));
  /* Words inside others are not words */
  g_assert_false (desk_tone_is_negative (desk_tone_score ("Badminton demain ?")));
}

/* Moderation */

static void
test_moderation_rules (void)
{
  g_autoptr(DeskModeration) moderation = desk_moderation_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (desk_moderation_check (moderation, "anything"), ==, DESK_MODERATION_FLAG_NONE);
  g_assert_true (desk_moderation_add_rule (moderation, "crypto, followers gratuits", FALSE,
                                           DESK_MODERATION_FLAG_SPAM, &error));
  g_assert_no_error (error);
  g_assert_true (desk_moderation_add_rule (moderation, "intoxication, avocat", FALSE,
                                           DESK_MODERATION_FLAG_ESCALATE, &error));
  g_assert_true (desk_moderation_add_rule (moderation, "\\bidiot(e|s)?\\b", TRUE,
                                           DESK_MODERATION_FLAG_OFFENSIVE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_moderation_get_n_rules (moderation), ==, 3);

  g_assert_cmpint (desk_moderation_check (moderation, "Gagnez des CRYPTO !"), ==, DESK_MODERATION_FLAG_SPAM);
  g_assert_cmpint (desk_moderation_check (moderation, "Des followers gratuits ici"), ==, DESK_MODERATION_FLAG_SPAM);
  /* Whole words only */
  g_assert_cmpint (desk_moderation_check (moderation, "cryptographie"), ==, DESK_MODERATION_FLAG_NONE);
  /* Accent-blind keywords */
  g_assert_cmpint (desk_moderation_check (moderation, "Mon AVOCAT vous écrira"), ==, DESK_MODERATION_FLAG_ESCALATE);
  g_assert_cmpint (desk_moderation_check (moderation, "Quelle idiote"), ==, DESK_MODERATION_FLAG_OFFENSIVE);
  /* The strongest wins */
  g_assert_cmpint (desk_moderation_check (moderation, "crypto idiots, intoxication"), ==, DESK_MODERATION_FLAG_ESCALATE);

  /* Refusals the user can read */
  g_assert_false (desk_moderation_add_rule (moderation, "(unclosed", TRUE, DESK_MODERATION_FLAG_SPAM, &error));
  g_assert_error (error, DESK_MODERATION_ERROR, DESK_MODERATION_ERROR_BAD_REGEX);
  g_assert_nonnull (strstr (error->message, "(unclosed"));
  g_clear_error (&error);
  g_assert_false (desk_moderation_add_rule (moderation, " , ,", FALSE, DESK_MODERATION_FLAG_SPAM, &error));
  g_assert_error (error, DESK_MODERATION_ERROR, DESK_MODERATION_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (desk_moderation_add_rule (moderation, "x", FALSE, DESK_MODERATION_FLAG_NONE, &error));
  g_assert_error (error, DESK_MODERATION_ERROR, DESK_MODERATION_ERROR_BAD_FLAG);
  g_assert_cmpuint (desk_moderation_get_n_rules (moderation), ==, 3);
}

/* Crisis */

static void
test_crisis_detection (void)
{
  g_autofree guint *series = g_new0 (guint, DESK_CRISIS_BASELINE_HOURS + 100);
  DeskCrisisReport report;
  guint one[] = { 7 };

  /* Empty series and empty baseline: only the minimum counts */
  g_assert_false (desk_crisis_detect (NULL, 0, 3, &report));
  g_assert_cmpuint (report.last_hour, ==, 0);
  g_assert_true (desk_crisis_detect (one, 1, 3, &report));
  g_assert_cmpuint (report.baseline_hours, ==, 0);
  g_assert_cmpfloat (report.usual_rate, ==, 0);
  one[0] = DESK_CRISIS_MIN_COUNT - 1;
  g_assert_false (desk_crisis_detect (one, 1, 3, &report));

  /* A zero rate: one unhappy customer is no crisis, five are */
  series[DESK_CRISIS_BASELINE_HOURS] = 1;
  g_assert_false (desk_crisis_detect (series, DESK_CRISIS_BASELINE_HOURS + 1, 3, &report));
  series[DESK_CRISIS_BASELINE_HOURS] = DESK_CRISIS_MIN_COUNT;
  g_assert_true (desk_crisis_detect (series, DESK_CRISIS_BASELINE_HOURS + 1, 3, &report));

  /* A usual rate of 4 an hour: 11 is below 3 ×, 12 reaches it */
  for (guint i = 0; i < DESK_CRISIS_BASELINE_HOURS + 100; i++)
    series[i] = 4;
  series[DESK_CRISIS_BASELINE_HOURS] = 11;
  g_assert_false (desk_crisis_detect (series, DESK_CRISIS_BASELINE_HOURS + 1, 3, &report));
  g_assert_cmpfloat_with_epsilon (report.usual_rate, 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (report.threshold, 12, 1e-9);
  series[DESK_CRISIS_BASELINE_HOURS] = 12;
  g_assert_true (desk_crisis_detect (series, DESK_CRISIS_BASELINE_HOURS + 1, 3, &report));
  g_assert_cmpuint (report.baseline_hours, ==, DESK_CRISIS_BASELINE_HOURS);

  /* Only the last 28 days make the baseline: an old storm is forgotten */
  for (guint i = 0; i < 99; i++)
    series[i] = 1000;
  series[DESK_CRISIS_BASELINE_HOURS] = 4;
  series[DESK_CRISIS_BASELINE_HOURS + 99] = 12;
  g_assert_true (desk_crisis_detect (series, DESK_CRISIS_BASELINE_HOURS + 100, 3, &report));
  g_assert_cmpuint (report.baseline_hours, ==, DESK_CRISIS_BASELINE_HOURS);

  /* The factor is the user's */
  g_assert_false (desk_crisis_detect (series, DESK_CRISIS_BASELINE_HOURS + 100, 4, &report));
}

/* The attention rule */

static void
test_attention_rule (void)
{
  g_autofree char *explanation = desk_inbox_order_dup_explanation ();
  g_autofree char *title = desk_inbox_order_dup_group_title (DESK_NOTIFICATION_KIND_FAVOURITE, "Léa", 40);
  g_autofree char *one = desk_inbox_order_dup_group_title (DESK_NOTIFICATION_KIND_FOLLOW, "Léa", 1);

  g_assert_true (desk_inbox_order_asks_question ("Ouvert dimanche ?"));
  g_assert_true (desk_inbox_order_asks_question ("Ouvert dimanche\u202f?"));
  g_assert_true (desk_inbox_order_asks_question ("« Vous livrez ? »"));
  g_assert_true (desk_inbox_order_asks_question ("Really?!"));
  g_assert_false (desk_inbox_order_asks_question ("Voir https://fournil.fr/?id=3&x=1"));
  g_assert_false (desk_inbox_order_asks_question ("Bravo !"));

  g_assert_cmpint (desk_inbox_order_priority (DESK_NOTIFICATION_KIND_DIRECT_MESSAGE, "Salut", 0, 0), ==,
                   DESK_INBOX_PRIORITY_DM);
  g_assert_cmpint (desk_inbox_order_priority (DESK_NOTIFICATION_KIND_MENTION, "Ouvert ?", 0, 0), ==,
                   DESK_INBOX_PRIORITY_ATTENTION);
  g_assert_cmpint (desk_inbox_order_priority (DESK_NOTIFICATION_KIND_REPLY, "Nul", 1, 0), ==,
                   DESK_INBOX_PRIORITY_ATTENTION);
  g_assert_cmpint (desk_inbox_order_priority (DESK_NOTIFICATION_KIND_QUOTE, "Bravo", 0, DESK_MODERATION_FLAG_ESCALATE),
                   ==, DESK_INBOX_PRIORITY_ATTENTION);
  g_assert_cmpint (desk_inbox_order_priority (DESK_NOTIFICATION_KIND_MENTION, "Crypto ?", 0, DESK_MODERATION_FLAG_SPAM),
                   ==, DESK_INBOX_PRIORITY_REST);
  g_assert_cmpint (desk_inbox_order_priority (DESK_NOTIFICATION_KIND_FAVOURITE, "?", 5, 0), ==, DESK_INBOX_PRIORITY_REST);

  g_assert_true (strlen (explanation) > 40);
  g_assert_cmpstr (title, ==, "Léa and 39 others liked your post");
  g_assert_cmpstr (one, ==, "Léa followed you");
}

/* The store's views */

typedef struct
{
  DeskStore *store;
  gint64     brand_id;
  gint64     channel_id;
} Inbox;

static void
inbox_clear (Inbox *inbox)
{
  g_clear_object (&inbox->store);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inbox, inbox_clear)

static DeskNotification *
make (gint64                channel_id,
      const char           *remote_id,
      DeskNotificationKind  kind,
      const char           *author,
      const char           *text,
      int                   minutes_ago,
      const char           *subject)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);
  g_autoptr(GDateTime) at = g_date_time_add_minutes (base, -minutes_ago);

  return g_object_new (DESK_TYPE_NOTIFICATION,
                       "channel-id", channel_id, "remote-id", remote_id, "kind", kind, "author", author,
                       "handle", "@someone", "text", text, "created-at", at, "subject", subject, NULL);
}

static void
inbox_open (Inbox   *inbox,
            Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBrand) brand = g_object_new (DESK_TYPE_BRAND, "name", "Fournil", NULL);
  g_autoptr(DeskChannel) channel = NULL;

  inbox->store = desk_store_open (f->path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (desk_store_save_brand (inbox->store, brand, &error));
  inbox->brand_id = desk_brand_get_id (brand);
  channel = g_object_new (DESK_TYPE_CHANNEL, "brand-id", inbox->brand_id, "network", DESK_NETWORK_MASTODON,
                          "handle", "@fournil@piaille.fr", NULL);
  g_assert_true (desk_store_save_channel (inbox->store, channel, &error));
  g_assert_no_error (error);
  inbox->channel_id = desk_channel_get_id (channel);
}

static void
add_all (Inbox     *inbox,
         GPtrArray *items,
         guint      expect_added)
{
  g_autoptr(GError) error = NULL;
  guint added = G_MAXUINT;

  g_assert_true (desk_store_add_notifications_full (inbox->store, items, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, expect_added);
}

static GPtrArray *
query (Inbox           *inbox,
       DeskInboxFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  guint count = G_MAXUINT;

  filter->brand_id = inbox->brand_id;
  rows = desk_store_query_inbox (inbox->store, filter, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_true (desk_store_count_inbox (inbox->store, filter, &count, &error));
  g_assert_cmpuint (count, ==, rows->len);
  return rows;
}

static const char *
remote_id_at (GPtrArray *rows,
              guint      i)
{
  return desk_notification_get_remote_id (g_ptr_array_index (rows, i));
}

static void
test_attention_order (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  DeskNotification *group;
  gint64 group_id;

  inbox_open (&inbox, f);
  g_ptr_array_add (items, make (inbox.channel_id, "plain-new", DESK_NOTIFICATION_KIND_MENTION, "Zoé", "Bravo pour la fournée", 1, NULL));
  g_ptr_array_add (items, make (inbox.channel_id, "question-old", DESK_NOTIFICATION_KIND_MENTION, "Marc", "Ouvert dimanche ?", 50, NULL));
  g_ptr_array_add (items, make (inbox.channel_id, "dm-oldest", DESK_NOTIFICATION_KIND_DIRECT_MESSAGE, "Inès", "Bonjour", 300, NULL));
  g_ptr_array_add (items, make (inbox.channel_id, "angry", DESK_NOTIFICATION_KIND_REPLY, "Paul", "Pain rassis, très déçu", 100, NULL));
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("like-%u", i);
      g_ptr_array_add (items, make (inbox.channel_id, id, DESK_NOTIFICATION_KIND_FAVOURITE, i == 0 ? "Léa" : "Someone",
                                    "", 2 + i, "post-1"));
    }
  g_ptr_array_add (items, make (inbox.channel_id, "like-other", DESK_NOTIFICATION_KIND_FAVOURITE, "Max", "", 30, "post-2"));
  g_ptr_array_add (items, make (inbox.channel_id, "follow", DESK_NOTIFICATION_KIND_FOLLOW, "Eva", "", 40, NULL));
  add_all (&inbox, items, items->len);
  /* Again: stored once */
  add_all (&inbox, items, 0);

  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 7);
  g_assert_cmpstr (remote_id_at (rows, 0), ==, "dm-oldest");
  /* The question and the negative reply, newest first */
  g_assert_cmpstr (remote_id_at (rows, 1), ==, "question-old");
  g_assert_cmpstr (remote_id_at (rows, 2), ==, "angry");
  /* The rest by time: the plain mention, the 40 likes (newest: Léa,
   * 2 minutes ago), the other post's like, the follow */
  g_assert_cmpstr (remote_id_at (rows, 3), ==, "plain-new");
  group = g_ptr_array_index (rows, 4);
  g_assert_cmpstr (desk_notification_get_remote_id (group), ==, "like-0");
  g_assert_cmpstr (desk_notification_get_author (group), ==, "Léa");
  g_assert_cmpuint (desk_notification_get_group_count (group), ==, 40);
  group_id = desk_notification_get_id (group);
  g_assert_cmpstr (remote_id_at (rows, 5), ==, "like-other");
  g_assert_cmpuint (desk_notification_get_group_count (g_ptr_array_index (rows, 5)), ==, 1);
  g_assert_cmpstr (remote_id_at (rows, 6), ==, "follow");
  g_assert_cmpfloat (desk_notification_get_tone (g_ptr_array_index (rows, 2)), >=, DESK_TONE_NEGATIVE_THRESHOLD);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* All: every item, by time, no group */
  filter->view = DESK_INBOX_VIEW_ALL;
  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 46);
  g_assert_cmpstr (remote_id_at (rows, 0), ==, "plain-new");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Marking a group read marks its members; Unread has the rest */
  g_assert_true (desk_store_set_group_read (inbox.store, group_id, TRUE, NULL));
  filter->view = DESK_INBOX_VIEW_UNREAD;
  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 6);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Needs reply: conversations not done, in attention order */
  filter->view = DESK_INBOX_VIEW_NEEDS_REPLY;
  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (remote_id_at (rows, 0), ==, "dm-oldest");
  g_assert_true (desk_store_set_notification_status (inbox.store, desk_notification_get_id (g_ptr_array_index (rows, 0)),
                                                     DESK_NOTIFICATION_STATUS_DONE, NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Filters: kind, starred, assignee, date range */
  filter->view = DESK_INBOX_VIEW_ALL;
  filter->kind = DESK_NOTIFICATION_KIND_FOLLOW;
  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (desk_store_set_notification_starred (inbox.store, desk_notification_get_id (g_ptr_array_index (rows, 0)), TRUE, NULL));
  g_assert_true (desk_store_set_notification_assignee (inbox.store, desk_notification_get_id (g_ptr_array_index (rows, 0)), "Camille", NULL));
  g_assert_true (desk_store_set_notification_note (inbox.store, desk_notification_get_id (g_ptr_array_index (rows, 0)), "Client fidèle", NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter->kind = -1;
  filter->starred_only = TRUE;
  filter->assignee = g_strdup ("Camille");
  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (desk_notification_get_note (g_ptr_array_index (rows, 0)), ==, "Client fidèle");
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter->starred_only = FALSE;
  g_clear_pointer (&filter->assignee, g_free);
  filter->from = g_date_time_new_utc (2026, 11, 23, 9, 0, 0);
  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 44);   /* not the DM (5 h) nor the angry reply (100 min) */
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Unknown ids are refused */
  g_autoptr(GError) error = NULL;
  g_assert_false (desk_store_set_notification_read (inbox.store, 999999, TRUE, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

static void
test_moderation_on_import (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  g_autoptr(GError) error = NULL;

  inbox_open (&inbox, f);
  g_assert_true (desk_store_add_moderation_rule (inbox.store, inbox.brand_id, "crypto", FALSE,
                                                 DESK_MODERATION_FLAG_SPAM, NULL, &error));
  g_assert_true (desk_store_add_moderation_rule (inbox.store, inbox.brand_id, "avocat", FALSE,
                                                 DESK_MODERATION_FLAG_ESCALATE, NULL, &error));
  g_assert_false (desk_store_add_moderation_rule (inbox.store, inbox.brand_id, "[", TRUE,
                                                  DESK_MODERATION_FLAG_SPAM, NULL, &error));
  g_assert_error (error, DESK_MODERATION_ERROR, DESK_MODERATION_ERROR_BAD_REGEX);
  g_clear_error (&error);
  rules = desk_store_list_moderation_rules (inbox.store, inbox.brand_id, &error);
  g_assert_cmpuint (rules->len, ==, 2);

  g_ptr_array_add (items, make (inbox.channel_id, "spam", DESK_NOTIFICATION_KIND_MENTION, "Bot", "Crypto gratuite ?", 1, NULL));
  g_ptr_array_add (items, make (inbox.channel_id, "lawyer", DESK_NOTIFICATION_KIND_MENTION, "Jo", "Mon avocat vous écrira", 5, NULL));
  g_ptr_array_add (items, make (inbox.channel_id, "hello", DESK_NOTIFICATION_KIND_MENTION, "Al", "Bonjour", 3, NULL));
  add_all (&inbox, items, 3);

  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 3);
  /* Escalated first; the spam's question does not lift it */
  g_assert_cmpstr (remote_id_at (rows, 0), ==, "lawyer");
  g_assert_cmpint (desk_notification_get_flag (g_ptr_array_index (rows, 0)), ==, DESK_MODERATION_FLAG_ESCALATE);
  g_assert_cmpstr (remote_id_at (rows, 1), ==, "spam");
  g_assert_cmpint (desk_notification_get_flag (g_ptr_array_index (rows, 1)), ==, DESK_MODERATION_FLAG_SPAM);

  /* Hidden with one click, still findable */
  g_assert_true (desk_store_set_notification_hidden (inbox.store, desk_notification_get_id (g_ptr_array_index (rows, 1)), TRUE, NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter->show_hidden = TRUE;
  filter->search = g_strdup ("crypto");
  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (desk_notification_get_hidden (g_ptr_array_index (rows, 0)));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  struct { const char *search; const char *first; guint n; } cases[] = {
    { "cafe", "cafe", 1 },
    { "CAFÉ", "cafe", 1 },
    { "creme brulee", "creme", 1 },
    { "crème brû", "creme", 1 },       /* as the user types: the last word a prefix */
    { "brulee creme", "creme", 1 },
    { "zoe", "creme", 1 },             /* the author */
    { "@someone", "cafe", 0 },         /* punctuation is no word: "someone" */
    { "\"", NULL, 3 },                 /* no word: no search */
    { "\"caf*", "cafe", 1 },           /* FTS5's syntax is only text */
    { "NEAR(", NULL, 0 },
    { "   ", NULL, 3 },                /* no word: no search */
  };

  inbox_open (&inbox, f);
  g_ptr_array_add (items, make (inbox.channel_id, "cafe", DESK_NOTIFICATION_KIND_MENTION, "Marc", "Le café était parfait", 1, NULL));
  g_ptr_array_add (items, make (inbox.channel_id, "creme", DESK_NOTIFICATION_KIND_MENTION, "Zoé", "Votre Crème Brûlée !", 2, NULL));
  g_ptr_array_add (items, make (inbox.channel_id, "other", DESK_NOTIFICATION_KIND_MENTION, "Al", "Rien à voir", 3, NULL));
  add_all (&inbox, items, 3);

  filter->view = DESK_INBOX_VIEW_ALL;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;

      g_free (filter->search);
      filter->search = g_strdup (cases[i].search);
      rows = query (&inbox, filter);
      if (cases[i].n == 0 && g_str_equal (cases[i].search, "@someone"))
        {
          /* every item has the handle "@someone" */
          g_assert_cmpuint (rows->len, ==, 3);
          continue;
        }
      g_assert_cmpuint (rows->len, ==, cases[i].n);
      if (cases[i].first != NULL && rows->len == 1)
        g_assert_cmpstr (remote_id_at (rows, 0), ==, cases[i].first);
    }
}

/* The model reads a window at a time */
static void
test_model_windows (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskInboxModel) model = NULL;
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  g_autoptr(GError) error = NULL;
  guint n = 1000, before;
  guint changed = 0;

  inbox_open (&inbox, f);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("m-%04u", i);
      g_autofree char *text = g_strdup_printf ("Message %u%s", i, i % 10 == 0 ? " ?" : "");
      g_ptr_array_add (items, make (inbox.channel_id, id, DESK_NOTIFICATION_KIND_MENTION, "A", text, (int) i, NULL));
    }
  add_all (&inbox, items, n);

  model = desk_inbox_model_new (inbox.store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  filter->brand_id = inbox.brand_id;
  g_assert_true (desk_inbox_model_set_filter (model, filter, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpuint (_desk_inbox_model_get_n_queries (model), ==, 1);

  /* Scrolling through: one query per window, in the attention order */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskNotification) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_nonnull (item);
      if (i == 0)
        g_assert_cmpstr (desk_notification_get_remote_id (item), ==, "m-0000");
      if (i == 99)  /* the 100 questions first */
        g_assert_cmpstr (desk_notification_get_remote_id (item), ==, "m-0990");
      if (i == 100)
        g_assert_cmpstr (desk_notification_get_remote_id (item), ==, "m-0001");
    }
  g_assert_cmpuint (_desk_inbox_model_get_n_queries (model), ==, 1 + n / DESK_INBOX_MODEL_PAGE_SIZE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));

  /* Going back over what is cached costs nothing; what was evicted, one
   * query per window */
  before = _desk_inbox_model_get_n_queries (model);
  for (guint i = n; i-- > n - DESK_INBOX_MODEL_PAGE_SIZE * 2;)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_cmpuint (_desk_inbox_model_get_n_queries (model), ==, before);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 0));
  g_assert_cmpuint (_desk_inbox_model_get_n_queries (model), ==, before + 1);

  /* A search keystroke: one query, exact items-changed */
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (g_atomic_int_inc), &changed);
  before = _desk_inbox_model_get_n_queries (model);
  g_assert_true (desk_inbox_model_set_search (model, "message 99", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  /* "99" as a prefix: 99 and 990–999 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11);
  g_assert_cmpuint (_desk_inbox_model_get_n_queries (model), ==, before + 1);

  /* A change made through the store shows after reloading its item */
  {
    g_autoptr(DeskNotification) item = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(DeskNotification) again = NULL;

    g_assert_false (desk_notification_get_read (item));
    g_assert_true (desk_store_set_notification_read (inbox.store, desk_notification_get_id (item), TRUE, &error));
    desk_inbox_model_reload_item (model, 0);
    again = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_true (desk_notification_get_read (again));
  }

  /* A bad filter leaves the model as it was */
  filter->view = 42;
  g_assert_false (desk_inbox_model_set_filter (model, filter, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11);
}

/* A list view reads the items a change adds while it is said (GTK 4.8
 * reads them all, to find the rows it had among them) */
static void
read_added_cb (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GPtrArray  *read)
{
  g_ptr_array_set_size (read, 0);
  for (guint i = position; i < position + added; i++)
    g_ptr_array_add (read, g_list_model_get_item (model, i));
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* A change gives back the objects a list shows, brought up to date: the
 * list keeps their rows */
static void
test_model_reuse (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskInboxModel) model = NULL;
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  g_autoptr(GError) error = NULL;
  DeskNotification *target = NULL;
  guint n = 300, kept = 0, notified = 0;

  inbox_open (&inbox, f);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("r-%04u", i);
      g_autofree char *text = g_strdup_printf ("%s %u", i % 2 ? "Merci" : "Bravo", i);

      g_ptr_array_add (items, make (inbox.channel_id, id, DESK_NOTIFICATION_KIND_MENTION, "A", text, (int) i, NULL));
    }
  add_all (&inbox, items, n);

  model = desk_inbox_model_new (inbox.store);
  filter->brand_id = inbox.brand_id;
  filter->view = DESK_INBOX_VIEW_ALL;
  g_assert_true (desk_inbox_model_set_filter (model, filter, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  /* What the list shows: the first 200 */
  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (model), i));

  /* Changed in the store meanwhile: the object says so */
  for (guint i = 0; i < shown->len && target == NULL; i++)
    if (g_str_has_prefix (desk_notification_get_text (g_ptr_array_index (shown, i)), "Merci"))
      target = g_ptr_array_index (shown, i);
  g_assert_nonnull (target);
  g_assert_false (desk_notification_get_read (target));
  g_assert_true (desk_store_set_notification_read (inbox.store, desk_notification_get_id (target), TRUE, &error));
  g_signal_connect (target, "notify", G_CALLBACK (count_cb), &notified);

  g_signal_connect (model, "items-changed", G_CALLBACK (read_added_cb), read);
  filter->search = g_strdup ("merci");
  g_assert_true (desk_inbox_model_set_filter (model, filter, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, n / 2);
  for (guint i = 0; i < read->len; i++)
    {
      DeskNotification *now = g_ptr_array_index (read, i);
      gint64 id = desk_notification_get_id (now);

      g_assert_true (g_str_has_prefix (desk_notification_get_text (now), "Merci"));
      for (guint j = 0; j < shown->len; j++)
        if (desk_notification_get_id (g_ptr_array_index (shown, j)) == id)
          {
            /* The same object, not a copy */
            g_assert_true (g_ptr_array_index (shown, j) == now);
            kept++;
          }
    }
  g_assert_cmpuint (kept, ==, 100);
  g_assert_true (desk_notification_get_read (target));
  g_assert_cmpuint (notified, ==, 1);

  /* Read once the change is said: the model's own windows, nothing kept
   * past the change */
  g_signal_handlers_disconnect_by_func (model, read_added_cb, read);
  g_assert_true (desk_inbox_model_set_search (model, "bravo", &error));
  {
    g_autoptr(DeskNotification) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_true (g_str_has_prefix (desk_notification_get_text (first), "Bravo"));
  }
}

/* Assigning another read of a notification says only what changed */
static void
test_notification_assign (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);
  g_autoptr(GDateTime) same = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);
  g_autoptr(DeskNotification) a = g_object_new (DESK_TYPE_NOTIFICATION, "id", (gint64) 7, "author", "Léa",
                                                "text", "Bonjour", "created-at", at, "group-count", 3u, NULL);
  g_autoptr(DeskNotification) b = g_object_new (DESK_TYPE_NOTIFICATION, "id", (gint64) 7, "author", "Léa",
                                                "text", "Bonjour", "created-at", same, "group-count", 4u,
                                                "read", TRUE, "note", "Rappeler", NULL);
  guint notified = 0;

  g_signal_connect (a, "notify", G_CALLBACK (count_cb), &notified);
  desk_notification_assign (a, b);
  g_assert_cmpuint (notified, ==, 3);   /* group-count, read, note */
  g_assert_cmpuint (desk_notification_get_group_count (a), ==, 4);
  g_assert_true (desk_notification_get_read (a));
  g_assert_cmpstr (desk_notification_get_note (a), ==, "Rappeler");
  g_assert_true (desk_notification_get_created_at (a) == at);
  desk_notification_assign (a, b);
  g_assert_cmpuint (notified, ==, 3);
}

/* The attention view's entries, read along the index (the groups kept by
 * the store) and computed as a whole from every row (a date filter that
 * keeps every row makes the view computed): the same, in the same order */
static void
assert_groups_agree (Inbox *inbox)
{
  /* With hidden items too ("Show hidden items"): each stands alone */
  for (int show_hidden = 0; show_hidden <= 1; show_hidden++)
    {
      g_autoptr(DeskInboxFilter) direct = desk_inbox_filter_new ();
      g_autoptr(DeskInboxFilter) computed = desk_inbox_filter_new ();
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) b = NULL;
      guint count = 0;

      direct->show_hidden = computed->show_hidden = show_hidden;
      computed->from = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
      g_assert_true (_desk_store_inbox_is_direct (direct));
      g_assert_false (_desk_store_inbox_is_direct (computed));
      a = query (inbox, direct);
      b = query (inbox, computed);
      g_assert_cmpuint (a->len, ==, b->len);
      g_assert_true (desk_store_count_inbox (inbox->store, direct, &count, NULL));
      g_assert_cmpuint (count, ==, a->len);
      for (guint i = 0; i < a->len; i++)
        {
          g_assert_cmpstr (remote_id_at (a, i), ==, remote_id_at (b, i));
          g_assert_cmpuint (desk_notification_get_group_count (g_ptr_array_index (a, i)), ==,
                            desk_notification_get_group_count (g_ptr_array_index (b, i)));
          if (desk_notification_get_hidden (g_ptr_array_index (a, i)))
            g_assert_cmpuint (desk_notification_get_group_count (g_ptr_array_index (a, i)), ==, 1);
        }
    }
}

static void
test_groups_kept (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  static const char * const subjects[] = { "post-1", "post-2", NULL };
  static const DeskNotificationKind kinds[] = { DESK_NOTIFICATION_KIND_FAVOURITE, DESK_NOTIFICATION_KIND_REPOST,
                                                DESK_NOTIFICATION_KIND_FOLLOW, DESK_NOTIFICATION_KIND_MENTION };
  DeskNotification *head;
  gint64 head_id;

  inbox_open (&inbox, f);
  /* Batches in no order of time: each member joins its group as it comes */
  for (guint batch = 0; batch < 5; batch++)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < 30; i++)
        {
          g_autofree char *id = g_strdup_printf ("n-%u-%u", batch, i);
          DeskNotificationKind kind = kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];

          g_ptr_array_add (items, make (inbox.channel_id, id, kind, "A", "Merci", g_rand_int_range (rand, 1, 500),
                                        subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects))]));
        }
      add_all (&inbox, items, items->len);
      assert_groups_agree (&inbox);
    }

  /* Hiding a group's newest member: the next one heads it, one fewer */
  filter->kind = DESK_NOTIFICATION_KIND_FAVOURITE;
  rows = query (&inbox, filter);
  g_assert_cmpuint (rows->len, >, 0);
  head = g_ptr_array_index (rows, 0);
  head_id = desk_notification_get_id (head);
  g_assert_cmpuint (desk_notification_get_group_count (head), >, 1);
    {
      guint count = desk_notification_get_group_count (head);
      g_autoptr(GPtrArray) again = NULL;

      g_assert_true (desk_store_set_notification_hidden (inbox.store, head_id, TRUE, NULL));
      assert_groups_agree (&inbox);
      again = query (&inbox, filter);
      for (guint i = 0; i < again->len; i++)
        {
          DeskNotification *entry = g_ptr_array_index (again, i);

          g_assert_cmpint (desk_notification_get_id (entry), !=, head_id);
          if (g_strcmp0 (desk_notification_get_subject (entry), desk_notification_get_subject (head)) == 0)
            g_assert_cmpuint (desk_notification_get_group_count (entry), ==, count - 1);
        }
      /* Shown with the hidden items: on its own, beside its group */
      {
        g_autoptr(GPtrArray) shown = NULL;
        gboolean alone = FALSE;

        filter->show_hidden = TRUE;
        shown = query (&inbox, filter);
        g_assert_cmpuint (shown->len, ==, again->len + 1);
        for (guint i = 0; i < shown->len; i++)
          if (desk_notification_get_id (g_ptr_array_index (shown, i)) == head_id)
            alone = desk_notification_get_group_count (g_ptr_array_index (shown, i)) == 1;
        g_assert_true (alone);
        filter->show_hidden = FALSE;
      }
      g_assert_true (desk_store_set_notification_hidden (inbox.store, head_id, FALSE, NULL));
      assert_groups_agree (&inbox);
    }
  /* A mention hidden and shown stays an entry of its own */
  filter->kind = DESK_NOTIFICATION_KIND_MENTION;
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = query (&inbox, filter);
  g_assert_true (desk_store_set_notification_hidden (inbox.store, desk_notification_get_id (g_ptr_array_index (rows, 0)),
                                                     TRUE, NULL));
  g_assert_true (desk_store_set_notification_hidden (inbox.store, desk_notification_get_id (g_ptr_array_index (rows, 0)),
                                                     FALSE, NULL));
  assert_groups_agree (&inbox);

  /* A channel moved to another brand takes its notifications along */
  {
    g_autoptr(DeskBrand) other = g_object_new (DESK_TYPE_BRAND, "name", "Other", NULL);
    g_autoptr(DeskChannel) channel = NULL;
    guint count = G_MAXUINT;

    g_assert_true (desk_store_save_brand (inbox.store, other, NULL));
    channel = g_object_new (DESK_TYPE_CHANNEL, "id", inbox.channel_id, "brand-id", desk_brand_get_id (other),
                            "network", DESK_NETWORK_MASTODON, "handle", "@fournil@piaille.fr", NULL);
    g_assert_true (desk_store_save_channel (inbox.store, channel, NULL));
    filter->kind = -1;
    filter->brand_id = inbox.brand_id;
    g_assert_true (desk_store_count_inbox (inbox.store, filter, &count, NULL));
    g_assert_cmpuint (count, ==, 0);
    filter->brand_id = desk_brand_get_id (other);
    g_assert_true (desk_store_count_inbox (inbox.store, filter, &count, NULL));
    g_assert_cmpuint (count, >, 0);
  }
}

/* Windows read along the index: in any order, the view's entries; a
 * window read once keeps its items in place */
static void
test_model_keyset (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskInboxModel) model = NULL;
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  static const guint order[] = { 7, 3, 4, 0, 9, 8, 1, 2, 6, 5 };
  guint n = 1000;

  inbox_open (&inbox, f);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("m-%04u", i);
      /* Many at the same minute: the id breaks the ties */
      g_ptr_array_add (items, make (inbox.channel_id, id, i % 7 == 0 ? DESK_NOTIFICATION_KIND_DIRECT_MESSAGE
                                                                     : DESK_NOTIFICATION_KIND_MENTION,
                                    "A", i % 3 == 0 ? "Une question ?" : "Merci", (int) (i / 4), NULL));
    }
  add_all (&inbox, items, n);
  filter->brand_id = inbox.brand_id;
  all = desk_store_query_inbox (inbox.store, filter, 0, n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, n);

  model = desk_inbox_model_new (inbox.store);
  g_assert_true (desk_inbox_model_set_filter (model, filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  for (guint p = 0; p < G_N_ELEMENTS (order); p++)
    for (guint j = 0; j < DESK_INBOX_MODEL_PAGE_SIZE; j++)
      {
        guint i = order[p] * DESK_INBOX_MODEL_PAGE_SIZE + j;
        g_autoptr(DeskNotification) item = g_list_model_get_item (G_LIST_MODEL (model), i);

        g_assert_cmpint (desk_notification_get_id (item), ==, desk_notification_get_id (g_ptr_array_index (all, i)));
      }

  /* Unread: an item marked read stays in its place, even in a window read
   * again after it left the cache */
  filter->view = DESK_INBOX_VIEW_UNREAD;
  g_assert_true (desk_inbox_model_set_filter (model, filter, &error));
  {
    g_autoptr(DeskNotification) item = g_list_model_get_item (G_LIST_MODEL (model), 5);
    gint64 id = desk_notification_get_id (item);

    g_assert_true (desk_store_set_notification_read (inbox.store, id, TRUE, &error));
    desk_inbox_model_reload_item (model, 5);
    for (guint i = 0; i < n; i++)
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
    g_clear_object (&item);
    item = g_list_model_get_item (G_LIST_MODEL (model), 5);
    g_assert_cmpint (desk_notification_get_id (item), ==, id);
    g_assert_true (desk_notification_get_read (item));
    /* Gone at the next refresh */
    g_assert_true (desk_inbox_model_refresh (model, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n - 1);
  }
}

/* Search: one letter is a whole word, two or more a prefix; a search keeps
 * the newest matches only */
static void
test_search_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskInboxFilter) filter = desk_inbox_filter_new ();
  g_autofree char *one = desk_inbox_filter_dup_match ("p");
  g_autofree char *two = desk_inbox_filter_dup_match ("pa");
  g_autofree char *words = desk_inbox_filter_dup_match ("creme b");
  guint count = 0;

  g_assert_cmpstr (one, ==, "\"p\"");
  g_assert_cmpstr (two, ==, "\"pa\"*");
  g_assert_cmpstr (words, ==, "\"creme\" \"b\"");

  inbox_open (&inbox, f);
  for (guint i = 0; i < 1100; i++)
    {
      g_autofree char *id = g_strdup_printf ("p-%04u", i);
      g_ptr_array_add (items, make (inbox.channel_id, id, DESK_NOTIFICATION_KIND_MENTION, "A",
                                    i == 0 ? "Il y a un p ici" : "Pain au levain", (int) i, NULL));
    }
  add_all (&inbox, items, items->len);
  filter->brand_id = inbox.brand_id;
  filter->view = DESK_INBOX_VIEW_ALL;
  filter->search = g_strdup ("p");
  g_assert_true (desk_store_count_inbox (inbox.store, filter, &count, NULL));
  g_assert_cmpuint (count, ==, 1);
  g_free (filter->search);
  filter->search = g_strdup ("pa");
  g_assert_true (desk_store_count_inbox (inbox.store, filter, &count, NULL));
  g_assert_cmpuint (count, ==, 1000);
}

/* Saved replies: their variables, and the store's list */
static void
test_saved_reply_expand (void)
{
  g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);
  g_autofree char *expected_day = g_date_time_format (day, "%x");
  g_autofree char *expected = g_strdup_printf ("Bonjour Zoé, merci ! L'équipe Fournil, le %s {other}", expected_day);
  g_autofree char *text = desk_saved_reply_expand ("Bonjour {author}, merci ! L'équipe {brand}, le {date} {other}",
                                                   "Zoé", "Fournil", day);
  g_autofree char *missing = desk_saved_reply_expand ("{author}{brand}{", NULL, NULL, day);
  g_autofree char *invalid = desk_saved_reply_expand ("\xff", "A", "B", day);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (missing, ==, "{");
  g_assert_cmpstr (invalid, ==, "");
}

static void
test_saved_replies (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(DeskSavedReply) thanks = NULL;
  g_autoptr(DeskSavedReply) blank = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  inbox_open (&inbox, f);
  thanks = desk_saved_reply_new (inbox.brand_id, " Thanks ", "Merci {author} !");
  g_assert_true (desk_store_save_saved_reply (inbox.store, thanks, &error));
  g_assert_no_error (error);
  g_assert_cmpint (thanks->id, >, 0);
  g_assert_cmpstr (thanks->title, ==, "Thanks");
  blank = desk_saved_reply_new (inbox.brand_id, "  ", "x");
  g_assert_false (desk_store_save_saved_reply (inbox.store, blank, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(DeskSavedReply) hours = desk_saved_reply_new (inbox.brand_id, "Hours", "Ouvert de 7 h à 19 h.");
    g_assert_true (desk_store_save_saved_reply (inbox.store, hours, &error));
  }
  g_free (thanks->body);
  thanks->body = g_strdup ("Merci beaucoup {author} !");
  g_assert_true (desk_store_save_saved_reply (inbox.store, thanks, &error));

  list = desk_store_list_saved_replies (inbox.store, inbox.brand_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((DeskSavedReply *) g_ptr_array_index (list, 0))->title, ==, "Hours");
  g_assert_cmpstr (((DeskSavedReply *) g_ptr_array_index (list, 1))->body, ==, "Merci beaucoup {author} !");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (desk_store_delete_saved_reply (inbox.store, thanks->id, &error));
  list = desk_store_list_saved_replies (inbox.store, inbox.brand_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = desk_store_list_saved_replies (inbox.store, inbox.brand_id + 100, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* A notification's conversation, and the badge's count */
static void
test_thread_and_unread (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) thread = NULL;
  g_autoptr(GError) error = NULL;
  DeskNotification *n;
  guint unread = 0;

  inbox_open (&inbox, f);
  n = make (inbox.channel_id, "r1", DESK_NOTIFICATION_KIND_REPLY, "Zoé", "Ouvert dimanche ?", 30, NULL);
  desk_notification_set_in_reply_to (n, "post-9");
  g_ptr_array_add (items, n);
  n = make (inbox.channel_id, "r2", DESK_NOTIFICATION_KIND_REPLY, "Marc", "Et lundi ?", 10, NULL);
  desk_notification_set_in_reply_to (n, "post-9");
  g_ptr_array_add (items, n);
  n = make (inbox.channel_id, "r3", DESK_NOTIFICATION_KIND_REPLY, "Zoé", "Merci !", 5, NULL);
  desk_notification_set_in_reply_to (n, "r1");
  g_ptr_array_add (items, n);
  g_ptr_array_add (items, make (inbox.channel_id, "other", DESK_NOTIFICATION_KIND_MENTION, "Al", "Bonjour", 20, NULL));
  g_ptr_array_add (items, make (inbox.channel_id, "like", DESK_NOTIFICATION_KIND_FAVOURITE, "Al", "", 20, "post-9"));
  add_all (&inbox, items, items->len);

  thread = desk_store_get_thread (inbox.store, desk_notification_get_id (g_ptr_array_index (items, 0)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (thread->len, ==, 3);
  g_assert_cmpstr (remote_id_at (thread, 0), ==, "r1");
  g_assert_cmpstr (remote_id_at (thread, 1), ==, "r2");
  g_assert_cmpstr (remote_id_at (thread, 2), ==, "r3");
  g_assert_null (desk_store_get_thread (inbox.store, 999999, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (desk_store_count_unread (inbox.store, inbox.brand_id, &unread, &error));
  g_assert_cmpuint (unread, ==, 5);
  g_assert_true (desk_store_set_notification_read (inbox.store, desk_notification_get_id (g_ptr_array_index (items, 3)),
                                                   TRUE, NULL));
  g_assert_true (desk_store_set_notification_hidden (inbox.store, desk_notification_get_id (g_ptr_array_index (items, 4)),
                                                     TRUE, NULL));
  g_assert_true (desk_store_count_unread (inbox.store, inbox.brand_id, &unread, &error));
  g_assert_cmpuint (unread, ==, 3);
  g_assert_true (desk_store_count_unread (inbox.store, 0, &unread, &error));
  g_assert_cmpuint (unread, ==, 3);
  g_assert_true (desk_store_count_unread (inbox.store, inbox.brand_id + 100, &unread, &error));
  g_assert_cmpuint (unread, ==, 0);
}

/* Negative conversations per hour, for the crisis banner */
static void
test_negative_hourly (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Inbox) inbox = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);
  g_autoptr(GArray) hourly = NULL;
  g_autoptr(GError) error = NULL;
  DeskCrisisReport report;

  inbox_open (&inbox, f);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("angry-%u", i);
      g_ptr_array_add (items, make (inbox.channel_id, id, DESK_NOTIFICATION_KIND_MENTION, "A", "Scandaleux", 5 + (int) i, NULL));
    }
  g_ptr_array_add (items, make (inbox.channel_id, "old", DESK_NOTIFICATION_KIND_MENTION, "A", "Honteux", 60 * 30, NULL));
  g_ptr_array_add (items, make (inbox.channel_id, "kind", DESK_NOTIFICATION_KIND_MENTION, "A", "Merci", 10, NULL));
  add_all (&inbox, items, items->len);

  hourly = desk_store_count_negative_hourly (inbox.store, inbox.brand_id, end, DESK_CRISIS_BASELINE_HOURS + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hourly->len, ==, DESK_CRISIS_BASELINE_HOURS + 1);
  g_assert_cmpuint (g_array_index (hourly, guint, DESK_CRISIS_BASELINE_HOURS), ==, 8);
  g_assert_cmpuint (g_array_index (hourly, guint, DESK_CRISIS_BASELINE_HOURS - 29), ==, 1);  /* [30 h, 29 h) ago */
  g_assert_true (desk_crisis_detect ((const guint *) hourly->data, hourly->len, 3, &report));
  g_assert_cmpuint (report.last_hour, ==, 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/inbox/tone-lexicon", test_tone_lexicon);
  g_test_add_func ("/inbox/moderation-rules", test_moderation_rules);
  g_test_add_func ("/inbox/crisis-detection", test_crisis_detection);
  g_test_add_func ("/inbox/attention-rule", test_attention_rule);
  g_test_add_func ("/inbox/saved-reply-expand", test_saved_reply_expand);
  g_test_add_func ("/inbox/notification-assign", test_notification_assign);
#define ADD(name, func) g_test_add ("/inbox/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("attention-order", test_attention_order);
  ADD ("moderation-on-import", test_moderation_on_import);
  ADD ("search", test_search);
  ADD ("model-windows", test_model_windows);
  ADD ("model-reuse", test_model_reuse);
  ADD ("groups-kept", test_groups_kept);
  ADD ("model-keyset", test_model_keyset);
  ADD ("search-rules", test_search_rules);
  ADD ("saved-replies", test_saved_replies);
  ADD ("thread-and-unread", test_thread_and_unread);
  ADD ("negative-hourly", test_negative_hourly);
#undef ADD

  return g_test_run ();
}
