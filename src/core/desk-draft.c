/* desk-draft.c: a post as it will go out, ready to be checked
 *
 * One home for what the checks read of a post, so that the editor and
 * `community-desk-cli check --post` cannot drift apart: the shared text,
 * each channel with its own text when it has one (as the editor's
 * per-channel variants do), the networks a text goes to without a channel
 * (`check --network`), the images' alt texts, the brand's charter for the
 * post's campaign, the post's language, the UTM tags added to links, and the
 * visuals designed for it.
 *
 * desk_draft_check () runs desk_checks_run () once for the shared text and
 * the networks that publish it, with the alt texts, then once per channel
 * that has its own text, for that channel's network alone; each finding
 * says which channel it is about (DeskFinding.channel_id, 0 for the shared
 * text). A visual's contrast is measured by desk_design_check () on
 * desk_draft_get_designs (): slow enough that the editor does it in a
 * thread when an image changes, not at each keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-draft"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-checks.h"
#include "desk-design.h"
#include "desk-draft.h"
#include "desk-utm.h"

typedef struct
{
  gint64       channel_id;   /* 0: a network without a channel */
  DeskNetwork  network;
  char        *label;        /* "Mastodon · @fournil@piaille.fr" */
  char        *own_text;     /* NULL: publishes the shared text */
} Target;

struct _DeskDraft
{
  GObject      parent_instance;

  char        *text;
  GArray      *targets;      /* (element-type Target) */
  GPtrArray   *alts;         /* (element-type utf8) one per image */
  char        *charter_data;
  gint64       campaign_id;
  DeskCharter *charter;      /* parsed from charter_data for campaign_id */
  char        *language;
  gboolean     utm;
  char        *campaign;     /* utm_campaign */
  GPtrArray   *designs;      /* (element-type DeskDesign) */
  char        *palette;
};

G_DEFINE_FINAL_TYPE (DeskDraft, desk_draft, G_TYPE_OBJECT)

static void
target_clear (Target *target)
{
  g_free (target->label);
  g_free (target->own_text);
}

static void
desk_draft_finalize (GObject *object)
{
  DeskDraft *self = (DeskDraft *) object;

  g_free (self->text);
  g_array_unref (self->targets);
  g_ptr_array_unref (self->alts);
  g_free (self->charter_data);
  g_clear_pointer (&self->charter, desk_charter_free);
  g_free (self->language);
  g_free (self->campaign);
  g_ptr_array_unref (self->designs);
  g_free (self->palette);

  G_OBJECT_CLASS (desk_draft_parent_class)->finalize (object);
}

static void
desk_draft_class_init (DeskDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_draft_finalize;
}

static void
desk_draft_init (DeskDraft *self)
{
  self->text = g_strdup ("");
  self->targets = g_array_new (FALSE, TRUE, sizeof (Target));
  g_array_set_clear_func (self->targets, (GDestroyNotify) target_clear);
  self->alts = g_ptr_array_new_with_free_func (g_free);
  self->designs = g_ptr_array_new_with_free_func (g_object_unref);
}

DeskDraft *
desk_draft_new (void)
{
  return g_object_new (DESK_TYPE_DRAFT, NULL);
}

void
desk_draft_set_text (DeskDraft  *self,
                     const char *text)
{
  g_return_if_fail (DESK_IS_DRAFT (self));
  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");
}

const char *
desk_draft_get_text (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);
  return self->text;
}

/**
 * desk_draft_add_channel:
 * @own_text: (nullable): the channel's own text, or %NULL when it
 *   publishes the shared text
 */
void
desk_draft_add_channel (DeskDraft   *self,
                        DeskChannel *channel,
                        const char  *own_text)
{
  const char *name;
  Target target = { 0 };

  g_return_if_fail (DESK_IS_DRAFT (self));
  g_return_if_fail (DESK_IS_CHANNEL (channel));

  name = desk_channel_get_display_name (channel);
  target.channel_id = desk_channel_get_id (channel);
  target.network = desk_channel_get_network (channel);
  target.label = g_strdup_printf ("%s · %s", desk_network_to_label (target.network),
                                  name != NULL && name[0] != '\0' ? name : desk_channel_get_handle (channel));
  target.own_text = g_strdup (own_text);
  g_array_append_val (self->targets, target);
}

/* A network the shared text goes to, without a channel of the workspace */
void
desk_draft_add_network (DeskDraft   *self,
                        DeskNetwork  network)
{
  Target target = { 0 };

  g_return_if_fail (DESK_IS_DRAFT (self));
  target.network = network;
  target.label = g_strdup (desk_network_to_label (network));
  g_array_append_val (self->targets, target);
}

/* Where the draft goes: channels (desk_draft_add_channel ()) and networks
 * without a channel (desk_draft_add_network ()), in the order added */
guint
desk_draft_get_n_targets (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), 0);
  return self->targets->len;
}

DeskNetwork
desk_draft_get_target_network (DeskDraft *self,
                               guint      index)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), DESK_NETWORK_MASTODON);
  g_return_val_if_fail (index < self->targets->len, DESK_NETWORK_MASTODON);
  return g_array_index (self->targets, Target, index).network;
}

static char *published_text (DeskDraft *self, const Target *target);

/* Returns: (transfer full): what target @index will publish */
char *
desk_draft_dup_target_text (DeskDraft *self,
                            guint      index)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);
  g_return_val_if_fail (index < self->targets->len, NULL);
  return published_text (self, &g_array_index (self->targets, Target, index));
}

void
desk_draft_clear_targets (DeskDraft *self)
{
  g_return_if_fail (DESK_IS_DRAFT (self));
  g_array_set_size (self->targets, 0);
}

void
desk_draft_clear_alts (DeskDraft *self)
{
  g_return_if_fail (DESK_IS_DRAFT (self));
  g_ptr_array_set_size (self->alts, 0);
}

void
desk_draft_add_alt (DeskDraft  *self,
                    const char *alt)
{
  g_return_if_fail (DESK_IS_DRAFT (self));
  g_ptr_array_add (self->alts, g_strdup (alt != NULL ? alt : ""));
}

/**
 * desk_draft_set_charter:
 * @charter_data: (nullable): the brand's charter, as stored
 * @campaign_id: the post's campaign, 0 for none: its own rules apply too
 *
 * The charter is parsed once, again only when either changes.
 */
void
desk_draft_set_charter (DeskDraft  *self,
                        const char *charter_data,
                        gint64      campaign_id)
{
  g_return_if_fail (DESK_IS_DRAFT (self));
  if (self->charter != NULL && g_strcmp0 (charter_data, self->charter_data) == 0 &&
      campaign_id == self->campaign_id)
    return;
  g_free (self->charter_data);
  self->charter_data = g_strdup (charter_data);
  self->campaign_id = campaign_id;
  g_clear_pointer (&self->charter, desk_charter_free);
  /* A charter that cannot be read checks nothing rather than everything */
  self->charter = desk_charter_parse (charter_data, campaign_id, NULL);
}

/* "fr" (the default) or "en": whose dictionary splits hashtags first */
void
desk_draft_set_language (DeskDraft  *self,
                         const char *language)
{
  g_return_if_fail (DESK_IS_DRAFT (self));
  g_free (self->language);
  self->language = g_strdup (language);
}

/**
 * desk_draft_set_brand_language:
 * @languages: (nullable): a brand's languages, "fr" or "fr,en": the first
 *   is its posts'
 */
void
desk_draft_set_brand_language (DeskDraft  *self,
                               const char *languages)
{
  g_autofree char *first = NULL;

  g_return_if_fail (DESK_IS_DRAFT (self));
  if (languages == NULL || languages[0] == '\0')
    languages = "fr";
  first = g_strstrip (g_strndup (languages, strcspn (languages, ",; ")));
  desk_draft_set_language (self, first[0] != '\0' ? first : "fr");
}

/* Links tagged with utm_source (the network), utm_medium and
 * utm_campaign (@campaign) in each channel's published text */
void
desk_draft_set_utm (DeskDraft  *self,
                    gboolean    tag_links,
                    const char *campaign)
{
  g_return_if_fail (DESK_IS_DRAFT (self));
  self->utm = tag_links;
  g_free (self->campaign);
  self->campaign = g_strdup (campaign);
}

static const Target *
find_target (DeskDraft *self,
             gint64     channel_id)
{
  for (guint i = 0; i < self->targets->len; i++)
    if (g_array_index (self->targets, Target, i).channel_id == channel_id)
      return &g_array_index (self->targets, Target, i);
  return NULL;
}

static char *
published_text (DeskDraft    *self,
                const Target *target)
{
  const char *text = target->own_text != NULL ? target->own_text : self->text;

  if (!self->utm)
    return g_strdup (text);
  return desk_utm_tag_links (text, desk_network_to_id (target->network), self->campaign);
}

/**
 * desk_draft_dup_channel_text:
 *
 * Returns: (transfer full) (nullable): what channel @channel_id will
 *   publish: its own text or the shared one, links tagged; %NULL if the
 *   draft does not go to that channel
 */
char *
desk_draft_dup_channel_text (DeskDraft *self,
                             gint64     channel_id)
{
  const Target *target;

  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);
  target = find_target (self, channel_id);
  return target != NULL ? published_text (self, target) : NULL;
}

/**
 * desk_draft_get_designs:
 *
 * Returns: (transfer none) (element-type DeskDesign): the visuals of the
 *   post's images that were designed in the app, for desk_design_check ()
 */
GPtrArray *
desk_draft_get_designs (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);
  return self->designs;
}

/* The brand's colours, "#rrggbb;#rrggbb", for contrast fixes */
const char *
desk_draft_get_palette (DeskDraft *self)
{
  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);
  return self->palette;
}

/**
 * desk_draft_check:
 *
 * Returns: (transfer full) (element-type DeskFinding): the findings of the
 *   shared text (for the networks that publish it, with the alt texts),
 *   then of each channel's own text, each saying its channel
 */
GPtrArray *
desk_draft_check (DeskDraft *self)
{
  g_autoptr(GArray) shared = g_array_new (FALSE, FALSE, sizeof (DeskNetwork));
  GPtrArray *findings;
  DeskCheckInput input = { 0 };

  g_return_val_if_fail (DESK_IS_DRAFT (self), NULL);

  for (guint i = 0; i < self->targets->len; i++)
    {
      const Target *target = &g_array_index (self->targets, Target, i);

      if (target->own_text == NULL)
        g_array_append_val (shared, target->network);
    }
  input.text = self->text;
  input.alts = self->alts;
  input.networks = shared;
  input.language = self->language;
  input.charter = self->charter;
  findings = desk_checks_run (&input);

  for (guint i = 0; i < self->targets->len; i++)
    {
      const Target *target = &g_array_index (self->targets, Target, i);
      g_autoptr(GArray) one = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autofree char *text = NULL;

      if (target->own_text == NULL)
        continue;
      one = g_array_new (FALSE, FALSE, sizeof (DeskNetwork));
      g_array_append_val (one, target->network);
      text = published_text (self, target);
      input.text = text;
      input.alts = NULL;
      input.networks = one;
      found = desk_checks_run (&input);
      for (guint k = 0; k < found->len; k++)
        {
          DeskFinding *f = g_ptr_array_index (found, k);
          char *where = g_strdup_printf ("%s — %s", target->label, f->target != NULL ? f->target : "");

          g_free (f->target);
          f->target = where;
          f->channel_id = target->channel_id;
          /* Ranges of a text with UTM tags added are not the typed text's */
          if (self->utm && f->place == DESK_PLACE_TEXT)
            g_clear_pointer (&f->fix, g_free);
          g_ptr_array_add (findings, g_steal_pointer (&found->pdata[k]));
        }
      g_ptr_array_set_free_func (found, NULL);
    }
  return findings;
}

/**
 * desk_draft_load:
 * @post_id: a post of @store
 *
 * The post as saved: its text, its channels with their own texts, its
 * images' alt texts and visuals, its brand's charter and palette.
 *
 * Returns: (transfer full): the draft, or %NULL with @error
 */
DeskDraft *
desk_draft_load (DeskStore  *store,
                 gint64      post_id,
                 GError    **error)
{
  g_autoptr(DeskDraft) self = desk_draft_new ();
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(DeskBrand) brand = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autofree char *media_dir = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  if ((post = desk_store_get_post (store, post_id, error)) == NULL ||
      (brand = desk_store_get_brand (store, desk_post_get_brand_id (post), error)) == NULL ||
      (channels = desk_store_list_channels (store, desk_post_get_brand_id (post), error)) == NULL ||
      (own = desk_store_list_variant_texts (store, post_id, error)) == NULL ||
      (attachments = desk_store_list_attachments (store, post_id, error)) == NULL)
    return NULL;

  desk_draft_set_text (self, desk_post_get_body (post));
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DeskChannel) channel = g_list_model_get_item (channels, i);
      gint64 id = desk_channel_get_id (channel);

      if (desk_post_has_channel (post, id))
        desk_draft_add_channel (self, channel, g_hash_table_lookup (own, &id));
    }

  media_dir = desk_store_get_media_dir (store);
  for (guint i = 0; i < attachments->len; i++)
    {
      DeskAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autoptr(GError) local = NULL;
      DeskDesign *design;

      desk_draft_add_alt (self, attachment->alt);
      if (attachment->design == NULL)
        continue;
      design = desk_design_new_from_json (attachment->design, media_dir, &local);
      if (design == NULL)
        {
          g_set_error (error, local->domain, local->code, _("Image %u: %s"), i + 1, local->message);
          return NULL;
        }
      g_ptr_array_add (self->designs, design);
    }

  desk_draft_set_charter (self, desk_brand_get_charter (brand), desk_post_get_campaign_id (post));
  desk_draft_set_brand_language (self, desk_brand_get_language (brand));
  self->palette = g_strdup (desk_brand_get_palette (brand));
  return g_steal_pointer (&self);
}
