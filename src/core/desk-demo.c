/* desk-demo.c: the deterministic demo workspace
 *
 * A fictitious regional bakery chain, "Le Fournil des Halles" (Lyon), with
 * four channels, two campaigns, posts in every status around today, an
 * inbox and 90 days of metrics (the channels', and the published posts'). Everything comes from one seeded GRand, so
 * the same seed and the same "now" give the same workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include "desk-demo.h"
#include "desk-time.h"

static const DeskDemoSize default_size = {
  .n_posts = 110,
  .span_days = 42,
  .n_ideas = 10,
  .n_notifications = 300,
  .n_metric_days = 90,
};

const DeskDemoSize *
desk_demo_default_size (void)
{
  return &default_size;
}

static const char * const post_titles[] = {
  "Fournée du matin : la baguette tradition",
  "Portrait d’artisan : Camille, cheffe pâtissière",
  "Le pain au levain bio arrive aux Halles",
  "Recette : pain perdu brioché du dimanche",
  "Coulisses : 4 h du matin au fournil",
  "Jeu concours : gagnez un atelier pâtisserie",
  "Nouveau magasin à Villeurbanne",
  "Farines locales : nos meuniers de l’Ain",
  "La galette du mois",
  "Zéro gaspi : nos invendus chez Too Good To Go",
  "Atelier enfants du mercredi",
  "Saveurs d’automne : tarte aux poires",
  "Le saviez-vous ? La croûte et la mie",
  "Vos photos de la semaine",
  "Horaires des jours fériés",
  "Calendrier de l’Avent gourmand : jour J",
};

/* Ideas each have their own title: a tray listing one three times looks
 * broken, not busy */
static const char * const idea_titles[] = {
  "Vidéo : le façonnage des croissants en 30 secondes",
  "Série « Nos producteurs » : la ferme du Bugey",
  "Sondage : votre viennoiserie du dimanche",
  "Une journée avec nos livreurs à vélo",
  "Carrousel : 5 pains et leurs fromages",
  "Interview : notre meunier raconte sa farine",
  "Avant/après : la galette en une minute",
  "Quiz : reconnaissez-vous ces pains du monde ?",
  "Partenariat avec le marché de la Croix-Rousse",
  "Nos apprentis passent leur CAP",
};

static const char * const post_bodies[] = {
  "Sortie du four à 6 h 30 : croustillante, alvéolée, dorée. Passez nous voir aux Halles ! #BoulangerieArtisanale #Lyon",
  "Rencontre avec Camille, qui imagine nos entremets depuis 12 ans. Son secret ? Le beurre de Bresse. #PortraitDArtisan",
  "Notre nouveau pain au levain naturel, farine bio T80, 48 h de fermentation. Disponible dès samedi. https://fournil-des-halles.fr/levain",
  "Un reste de brioche ? Trois œufs, du lait, une pincée de cannelle… et le goûter est prêt. La recette complète sur le blog.",
  "Pendant que Lyon dort, nos boulangers façonnent 800 baguettes. On vous emmène dans les coulisses ?",
  "Pour fêter nos 10 ans, tentez de gagner un atelier pâtisserie pour deux ! Abonnez-vous et commentez avec votre viennoiserie préférée.",
  "Le Fournil ouvre sa 6e boutique, cours Émile-Zola à Villeurbanne. Inauguration samedi 9 h, café offert !",
  "Nos farines viennent de moulins situés à moins de 80 km. Merci au Moulin de la Dombes pour ce partenariat.",
  "Frangipane, pommes caramélisées et une touche de fleur de sel : voici la galette du mois.",
  "Chaque soir, nos invendus partent en paniers anti-gaspi. 1 200 paniers sauvés ce trimestre, merci à vous !",
  "Mercredi, les petits mitrons façonnent leurs propres pains. Inscriptions en boutique. #AtelierEnfants",
};

static const char * const pillars[] = {
  "Savoir-faire", "Produits", "Communauté", "Coulisses", "Événements",
};

static const char * const authors[] = {
  "Léa Martin", "Hugo Bernard", "Chloé Dubois", "Lucas Moreau", "Manon Laurent",
  "Nathan Simon", "Inès Michel", "Louis Lefebvre", "Jade Leroy", "Gabriel Roux",
  "Emma Fournier", "Arthur Girard", "Zoé Bonnet", "Jules Dupont", "Alice Lambert",
};

static const char * const mention_texts[] = {
  "Meilleure baguette de Lyon, je ne change plus ! @fournil",
  "Est-ce que vous faites des pains sans gluten ?",
  "Le flan pâtissier de la boutique des Halles est une tuerie",
  "Vous êtes ouverts le 25 décembre ?",
  "Petite déception ce matin, plus de croissants à 9 h…",
  "Bravo pour l’opération anti-gaspi, c’est top",
  "On peut commander une pièce montée pour un mariage ?",
  "Le nouveau levain est incroyable, bravo à l’équipe",
  "Pourquoi la baguette a augmenté de 10 centimes ?",
  "Merci pour l’atelier de mercredi, mon fils a adoré !",
};

static int
pick (GRand *rand,
      int    n)
{
  return g_rand_int_range (rand, 0, n);
}

static gboolean
add_channels (DeskStore  *store,
              gint64      brand_id,
              GPtrArray  *channels,
              GError    **error)
{
  static const struct {
    DeskNetwork network;
    const char *handle;
    const char *name;
    const char *url;
    guint cadence;
    const char *slots;
  } defs[] = {
    { DESK_NETWORK_MASTODON, "@fournil@piaille.fr", "Le Fournil des Halles", "https://piaille.fr", 3, "mon tue wed thu fri 08:30, sat 10:00" },
    { DESK_NETWORK_BLUESKY, "@fournildeshalles.bsky.social", "Le Fournil des Halles", "https://bsky.social", 3, "mon wed fri 12:15" },
    { DESK_NETWORK_INSTAGRAM, "@fournil.des.halles", "Fournil des Halles", NULL, 1, "tue thu 18:00, sun 11:00" },
    { DESK_NETWORK_WORDPRESS, "blog.fournil-des-halles.fr", "Le blog du Fournil", "https://blog.fournil-des-halles.fr", 2, "wed 07:00" },
  };

  /* Each its own colour-blind-safe colour, as a user's channels get */
  g_autoptr(GListStore) taken = g_list_store_new (DESK_TYPE_CHANNEL);

  for (guint i = 0; i < G_N_ELEMENTS (defs); i++)
    {
      g_autoptr(DeskChannel) channel =
        g_object_new (DESK_TYPE_CHANNEL,
                      "brand-id", brand_id,
                      "network", defs[i].network,
                      "handle", defs[i].handle,
                      "display-name", defs[i].name,
                      "instance-url", defs[i].url,
                      "colour", desk_channel_pick_colour (G_LIST_MODEL (taken)),
                      "cadence", defs[i].cadence,
                      "slots", defs[i].slots,
                      NULL);

      if (!desk_store_save_channel (store, channel, error))
        return FALSE;
      g_list_store_append (taken, channel);
      g_ptr_array_add (channels, g_steal_pointer (&channel));
    }
  return TRUE;
}

static gboolean
add_campaigns (DeskStore  *store,
               gint64      brand_id,
               GDateTime  *today,
               GPtrArray  *campaigns,
               GError    **error)
{
  static const struct {
    const char *name;
    const char *colour;
    int start, end;
    const char *kpi;
    double target;
  } defs[] = {
    { "Lancement du pain au levain bio", "#e66100", -21, 14, "engagements", 5000 },
    { "Calendrier de l’Avent gourmand", "#26a269", 7, 35, "clicks", 1200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (defs); i++)
    {
      g_autoptr(GDateTime) starts = g_date_time_add_days (today, defs[i].start);
      g_autoptr(GDateTime) ends = g_date_time_add_days (today, defs[i].end);
      g_autoptr(DeskCampaign) campaign =
        g_object_new (DESK_TYPE_CAMPAIGN,
                      "brand-id", brand_id,
                      "name", defs[i].name,
                      "colour", defs[i].colour,
                      "starts-on", starts,
                      "ends-on", ends,
                      "objective-kpi", defs[i].kpi,
                      "objective-target", defs[i].target,
                      "deadline", ends,
                      NULL);

      if (!desk_store_save_campaign (store, campaign, error))
        return FALSE;
      g_ptr_array_add (campaigns, g_steal_pointer (&campaign));
    }
  return TRUE;
}

static DeskPostStatus
status_for_day (GRand *rand,
                int    offset)
{
  int r = pick (rand, 100);

  if (offset < 0)
    return r < 92 ? DESK_POST_STATUS_PUBLISHED : DESK_POST_STATUS_FAILED;
  if (offset < 7)
    return r < 70 ? DESK_POST_STATUS_SCHEDULED : r < 90 ? DESK_POST_STATUS_APPROVED : DESK_POST_STATUS_IN_REVIEW;
  return r < 30 ? DESK_POST_STATUS_SCHEDULED : r < 50 ? DESK_POST_STATUS_APPROVED
       : r < 75 ? DESK_POST_STATUS_IN_REVIEW : DESK_POST_STATUS_DRAFT;
}

static DeskPost *
make_post (GRand     *rand,
           gint64     brand_id,
           GPtrArray *channels,
           GPtrArray *campaigns,
           GDateTime *today,
           int        offset,
           gboolean   scheduled)
{
  static const int hours[] = { 7, 8, 9, 11, 12, 17, 18, 19 };
  static const int minutes[] = { 0, 15, 30, 45 };
  DeskPost *post = desk_post_new ();
  gint64 ids[4];
  guint n_ids = 0;

  desk_post_set_brand_id (post, brand_id);
  desk_post_set_title (post, post_titles[pick (rand, G_N_ELEMENTS (post_titles))]);
  desk_post_set_body (post, post_bodies[pick (rand, G_N_ELEMENTS (post_bodies))]);
  desk_post_set_pillar (post, pillars[pick (rand, G_N_ELEMENTS (pillars))]);

  for (guint c = 0; c < channels->len && n_ids < G_N_ELEMENTS (ids); c++)
    if (pick (rand, 100) < 55)
      ids[n_ids++] = desk_channel_get_id (g_ptr_array_index (channels, c));
  if (n_ids == 0)
    ids[n_ids++] = desk_channel_get_id (g_ptr_array_index (channels, pick (rand, channels->len)));
  desk_post_set_channel_ids (post, ids, n_ids);

  if (scheduled)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, offset);
      g_autoptr(GDateTime) at = desk_time_at_local (day, hours[pick (rand, G_N_ELEMENTS (hours))],
                                                    minutes[pick (rand, G_N_ELEMENTS (minutes))]);

      desk_post_set_scheduled_at (post, at);
      desk_post_set_status (post, status_for_day (rand, offset));

      for (guint c = 0; c < campaigns->len; c++)
        {
          DeskCampaign *campaign = g_ptr_array_index (campaigns, c);
          if (g_date_time_compare (at, desk_campaign_get_starts_on (campaign)) >= 0 &&
              g_date_time_compare (at, desk_campaign_get_ends_on (campaign)) <= 0 &&
              pick (rand, 100) < 60)
            {
              desk_post_set_campaign_id (post, desk_campaign_get_id (campaign));
              break;
            }
        }
    }
  else
    desk_post_set_status (post, pick (rand, 3) == 0 ? DESK_POST_STATUS_DRAFT : DESK_POST_STATUS_IDEA);

  if (pick (rand, 5) == 0)
    desk_post_set_notes (post, "À faire valider par Sophie (marketing) avant publication.");

  return post;
}

static gboolean
add_posts (DeskStore          *store,
           const DeskDemoSize *size,
           GRand              *rand,
           gint64              brand_id,
           GPtrArray          *channels,
           GPtrArray          *campaigns,
           GDateTime          *today,
           GPtrArray          *posts,
           GError            **error)
{
  int span = MAX (1, (int) size->span_days);

  for (guint i = 0; i < size->n_posts; i++)
    {
      int offset = pick (rand, 2 * span + 1) - span;
      g_ptr_array_add (posts, make_post (rand, brand_id, channels, campaigns, today, offset, TRUE));
    }
  for (guint i = 0; i < size->n_ideas; i++)
    {
      DeskPost *idea = make_post (rand, brand_id, channels, campaigns, today, 0, FALSE);

      desk_post_set_title (idea, idea_titles[i % G_N_ELEMENTS (idea_titles)]);
      g_ptr_array_add (posts, idea);
    }

  return desk_store_save_posts (store, posts, error);
}

static DeskNotificationKind
pick_kind (GRand       *rand,
           DeskNetwork  network)
{
  int r = pick (rand, 100);

  if (network == DESK_NETWORK_WORDPRESS)
    return DESK_NOTIFICATION_KIND_COMMENT;
  if (r < 22) return DESK_NOTIFICATION_KIND_MENTION;
  if (r < 40) return DESK_NOTIFICATION_KIND_REPLY;
  if (r < 50) return DESK_NOTIFICATION_KIND_DIRECT_MESSAGE;
  if (r < 58) return network == DESK_NETWORK_INSTAGRAM ? DESK_NOTIFICATION_KIND_COMMENT : DESK_NOTIFICATION_KIND_QUOTE;
  if (r < 70) return DESK_NOTIFICATION_KIND_REPOST;
  if (r < 88) return DESK_NOTIFICATION_KIND_FAVOURITE;
  return DESK_NOTIFICATION_KIND_FOLLOW;
}

static gboolean
add_notifications (DeskStore          *store,
                   const DeskDemoSize *size,
                   GRand              *rand,
                   GPtrArray          *channels,
                   GDateTime          *now,
                   GError            **error)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  /* Spread over 14 days for the demo; larger inboxes spread further. */
  gint64 window = MAX ((gint64) 14 * 86400, (gint64) size->n_notifications * 300);

  for (guint i = 0; i < size->n_notifications; i++)
    {
      DeskChannel *channel = g_ptr_array_index (channels, pick (rand, channels->len));
      DeskNotificationKind kind = pick_kind (rand, desk_channel_get_network (channel));
      const char *author = authors[pick (rand, G_N_ELEMENTS (authors))];
      g_autoptr(GDateTime) created = g_date_time_add_seconds (now, -(gdouble) g_rand_int_range (rand, 60, (gint32) MIN (window, G_MAXINT32)));
      g_autofree char *remote_id = g_strdup_printf ("demo-%u", i);
      g_autofree char *url = g_strdup_printf ("https://example.org/@demo/%u", i);
      g_autofree char *text = NULL;
      DeskNotificationStatus status = DESK_NOTIFICATION_STATUS_OPEN;
      DeskModerationFlag flag = DESK_MODERATION_FLAG_NONE;
      const char *subject = NULL;  /* the post liked or shared: its likes are grouped */
      int r = pick (rand, 100);
      int priority;

      switch (kind)
        {
        case DESK_NOTIFICATION_KIND_FOLLOW:
          text = g_strdup_printf ("%s vous suit désormais", author);
          break;
        case DESK_NOTIFICATION_KIND_FAVOURITE:
          subject = post_titles[pick (rand, G_N_ELEMENTS (post_titles))];
          text = g_strdup_printf ("%s a aimé « %s »", author, subject);
          break;
        case DESK_NOTIFICATION_KIND_REPOST:
          subject = post_titles[pick (rand, G_N_ELEMENTS (post_titles))];
          text = g_strdup_printf ("%s a partagé « %s »", author, subject);
          break;
        default:
          text = g_strdup (mention_texts[pick (rand, G_N_ELEMENTS (mention_texts))]);
          break;
        }

      if (kind <= DESK_NOTIFICATION_KIND_COMMENT)
        {
          priority = kind == DESK_NOTIFICATION_KIND_DIRECT_MESSAGE ? 3 : 2;
          if (r < 15)
            status = DESK_NOTIFICATION_STATUS_DONE;
          else if (r < 25)
            status = DESK_NOTIFICATION_STATUS_WAITING;
          else if (r < 28)
            flag = DESK_MODERATION_FLAG_SPAM;
        }
      else
        {
          priority = 0;
          if (r < 30)
            status = DESK_NOTIFICATION_STATUS_DONE;
        }

      g_ptr_array_add (batch,
                       g_object_new (DESK_TYPE_NOTIFICATION,
                                     "channel-id", desk_channel_get_id (channel),
                                     "remote-id", remote_id,
                                     "kind", kind,
                                     "author", author,
                                     "text", text,
                                     "url", url,
                                     "created-at", created,
                                     "read", status != DESK_NOTIFICATION_STATUS_OPEN || flag != DESK_MODERATION_FLAG_NONE || r > 80,
                                     "starred", pick (rand, 20) == 0,
                                     "status", status,
                                     "priority", priority,
                                     "flag", flag,
                                     "subject", subject,
                                     NULL));
    }

  return desk_store_add_notifications (store, batch, error);
}

/* One day's figure, a whole number as networks count */
static void
add_sample (GPtrArray  *samples,
            gint64      channel_id,
            gint64      post_id,
            GDateTime  *day,
            const char *metric,
            double      value)
{
  DeskMetricSample *s = g_new0 (DeskMetricSample, 1);

  s->channel_id = channel_id;
  s->post_id = post_id;
  s->day = desk_time_format_day (day);
  s->metric = g_strdup (metric);
  s->value = (double) (gint64) value;
  g_ptr_array_add (samples, s);
}

static gboolean
add_metrics (DeskStore          *store,
             const DeskDemoSize *size,
             GRand              *rand,
             GPtrArray          *channels,
             GDateTime          *today,
             GError            **error)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_sample_free);

  for (guint c = 0; c < channels->len; c++)
    {
      DeskChannel *channel = g_ptr_array_index (channels, c);
      double followers = 800 + 900 * c + pick (rand, 400);

      for (guint d = size->n_metric_days; d > 0; d--)
        {
          g_autoptr(GDateTime) day = g_date_time_add_days (today, -(int) d + 1);
          static const char * const metrics[] = { "followers", "impressions", "engagements", "clicks", "reach" };
          double impressions = 300 + pick (rand, 900) + followers * 0.2;
          double values[5];

          followers += pick (rand, 12) - 2;
          values[0] = followers;
          values[1] = impressions;
          values[2] = impressions * (0.02 + g_rand_double (rand) * 0.06);
          values[3] = impressions * (0.004 + g_rand_double (rand) * 0.01);
          /* The accounts reached, some seeing a post twice: 59–69 % of
           * the impressions (no more draws, the rest of the demo stays) */
          values[4] = impressions * (0.55 + values[3] / impressions * 10);

          for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
            add_sample (samples, desk_channel_get_id (channel), 0, day, metrics[m], values[m]);
        }
    }

  return desk_store_add_metric_samples (store, samples, error);
}

/* Each published post of the metrics' days, on each of its channels: its
 * impressions and engagements, so that Reports shows top posts and the
 * best times to post. Mornings before the shop opens and the end of the
 * afternoon do best, as a bakery's followers read. */
static gboolean
add_post_metrics (DeskStore          *store,
                  const DeskDemoSize *size,
                  GRand              *rand,
                  GPtrArray          *posts,
                  GDateTime          *today,
                  GError            **error)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_metric_sample_free);
  g_autoptr(GDateTime) from = g_date_time_add_days (today, -(int) size->n_metric_days + 1);
  g_autoptr(GDateTime) to = g_date_time_add_days (today, 1);

  for (guint i = 0; i < posts->len; i++)
    {
      DeskPost *post = g_ptr_array_index (posts, i);
      GDateTime *at = desk_post_get_scheduled_at (post);
      g_autoptr(GDateTime) local = NULL;
      const gint64 *ids;
      guint n_ids = 0;
      double boost = 1.0;
      int hour;

      if (desk_post_get_status (post) != DESK_POST_STATUS_PUBLISHED || at == NULL ||
          g_date_time_compare (at, from) < 0 || g_date_time_compare (at, to) >= 0)
        continue;
      local = desk_time_to_local (at);
      hour = g_date_time_get_hour (local);
      if ((hour >= 7 && hour < 10) || (hour >= 17 && hour < 20))
        boost = 1.8;
      if (g_date_time_get_day_of_week (local) >= 6)
        boost *= 1.3;
      ids = desk_post_get_channel_ids (post, &n_ids);
      for (guint c = 0; c < n_ids; c++)
        {
          double impressions = 200 + pick (rand, 1400);
          double values[2] = { impressions, impressions * (0.015 + g_rand_double (rand) * 0.035) * boost };
          static const char * const metrics[] = { "impressions", "engagements" };

          for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
            add_sample (samples, ids[c], desk_post_get_id (post), local, metrics[m], values[m]);
        }
    }
  return desk_store_add_metric_samples (store, samples, error);
}

typedef struct
{
  const DeskDemoSize *size;
  guint32             seed;
  GDateTime          *now;
} Populate;

static gboolean
add_snippets (DeskStore  *store,
              gint64      brand_id,
              GError    **error)
{
  DeskSnippet snippets[] = {
    { 0, TRUE, (char *) "Boulangerie", (char *) "#FournilDesHalles #PainAuLevain #Lyon" },
    { 0, TRUE, (char *) "Pâtisserie", (char *) "#FournilDesHalles #Patisserie #FaitMaison" },
    { 0, FALSE, (char *) "Horaires", (char *) "Ouvert du mardi au dimanche, de 7 h à 19 h 30." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (snippets); i++)
    if (!desk_store_save_snippet (store, brand_id, &snippets[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
populate_cb (DeskStore  *store,
             gpointer    user_data,
             GError    **error)
{
  Populate *p = user_data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (p->seed);
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) today = desk_time_local_midnight (p->now);
  g_autoptr(DeskBrand) brand = NULL;
  gint64 brand_id;

  brand = g_object_new (DESK_TYPE_BRAND,
                        "name", "Le Fournil des Halles",
                        "palette", "#8f3f1f;#f6d5a8;#2b1d14;#ffffff;#e66100",
                        "charter",
                        "# Vouvoiement ; toujours citer l’artisan.\n"
                        "[Charter]\n"
                        "Forbidden=pain industriel;pas cher;\n"
                        "Spellings=e-mail=courriel;week-end=weekend;\n",
                        NULL);
  if (!desk_store_save_brand (store, brand, error))
    return FALSE;
  brand_id = desk_brand_get_id (brand);

  return add_snippets (store, brand_id, error) &&
         add_channels (store, brand_id, channels, error) &&
         add_campaigns (store, brand_id, today, campaigns, error) &&
         add_posts (store, p->size, rand, brand_id, channels, campaigns, today, posts, error) &&
         add_notifications (store, p->size, rand, channels, p->now, error) &&
         add_metrics (store, p->size, rand, channels, today, error) &&
         add_post_metrics (store, p->size, rand, posts, today, error);
}

/**
 * desk_demo_populate:
 * @size: (nullable): how much to create; %NULL for the demo's own size
 * @now: "today" for the workspace
 *
 * Adds the demo brand and its content to @store in one transaction: all of
 * it, or nothing.
 */
gboolean
desk_demo_populate (DeskStore          *store,
                    const DeskDemoSize *size,
                    guint32             seed,
                    GDateTime          *now,
                    GError            **error)
{
  Populate p = { size ? size : &default_size, seed, now };

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return desk_store_transaction (store, populate_cb, &p, error);
}
