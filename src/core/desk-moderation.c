/* desk-moderation.c: a brand's moderation rules, applied on import
 *
 * A rule says spam, offensive or escalate for a text that has one of its
 * keywords or matches its regular expression:
 *
 * - Keywords (several separated by commas) are matched case- and
 *   accent-blind (desk_tone_fold) as whole words or phrases: "arnaque"
 *   flags "ARNAQUE !" and "c'est une arnaque" but not "arnaqueur".
 * - A regular expression is PCRE (GRegex), matched case-blind on the text
 *   as written; one that does not compile is refused with the reason.
 * - When several rules match, the strongest flag wins: escalate (someone
 *   must decide), then offensive, then spam.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-moderation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-moderation.h"
#include "desk-tone.h"

typedef struct
{
  GRegex             *regex;
  DeskModerationFlag  flag;
} Rule;

struct _DeskModeration
{
  GObject  parent_instance;

  GArray  *rules;   /* (element-type Rule) */
};

G_DEFINE_FINAL_TYPE (DeskModeration, desk_moderation, G_TYPE_OBJECT)

G_DEFINE_QUARK (desk-moderation-error-quark, desk_moderation_error)

void
desk_moderation_rule_free (DeskModerationRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->pattern);
  g_free (rule);
}

static void
rule_clear (Rule *rule)
{
  g_clear_pointer (&rule->regex, g_regex_unref);
}

static void
desk_moderation_finalize (GObject *object)
{
  DeskModeration *self = (DeskModeration *) object;

  g_clear_pointer (&self->rules, g_array_unref);

  G_OBJECT_CLASS (desk_moderation_parent_class)->finalize (object);
}

static void
desk_moderation_class_init (DeskModerationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_moderation_finalize;
}

static void
desk_moderation_init (DeskModeration *self)
{
  self->rules = g_array_new (FALSE, TRUE, sizeof (Rule));
  g_array_set_clear_func (self->rules, (GDestroyNotify) rule_clear);
}

DeskModeration *
desk_moderation_new (void)
{
  return g_object_new (DESK_TYPE_MODERATION, NULL);
}

/* "arnaque, faux avis" → \b(?:arnaque|faux avis)\b over folded text */
static char *
keywords_to_regex (const char *keywords)
{
  g_auto(GStrv) words = g_strsplit (keywords, ",", -1);
  g_autoptr(GString) pattern = g_string_new ("\\b(?:");
  gboolean any = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = desk_tone_fold (g_strstrip (words[i]));
      g_autofree char *escaped = NULL;

      if (folded[0] == '\0')
        continue;
      escaped = g_regex_escape_string (folded, -1);
      if (any)
        g_string_append_c (pattern, '|');
      g_string_append (pattern, escaped);
      any = TRUE;
    }
  if (!any)
    return NULL;
  g_string_append (pattern, ")\\b");
  return g_string_free (g_steal_pointer (&pattern), FALSE);
}

/**
 * desk_moderation_add_rule:
 * @pattern: keywords separated by commas, or a regular expression
 *
 * Returns: %FALSE, with a reason the user can read, for an empty pattern,
 *   a regular expression that does not compile or no flag
 */
gboolean
desk_moderation_add_rule (DeskModeration      *self,
                          const char          *pattern,
                          gboolean             is_regex,
                          DeskModerationFlag   flag,
                          GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *source = NULL;
  Rule rule = { 0 };

  g_return_val_if_fail (DESK_IS_MODERATION (self), FALSE);

  if (flag == DESK_MODERATION_FLAG_NONE || (guint) flag > DESK_MODERATION_FLAG_LAST)
    {
      g_set_error_literal (error, DESK_MODERATION_ERROR, DESK_MODERATION_ERROR_BAD_FLAG,
                           _("A moderation rule needs a flag: spam, offensive or escalate."));
      return FALSE;
    }
  source = is_regex ? g_strdup (pattern) : keywords_to_regex (pattern != NULL ? pattern : "");
  if (source == NULL || source[0] == '\0')
    {
      g_set_error_literal (error, DESK_MODERATION_ERROR, DESK_MODERATION_ERROR_EMPTY,
                           _("A moderation rule needs at least one keyword or a pattern."));
      return FALSE;
    }
  rule.regex = g_regex_new (source, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &local_error);
  if (rule.regex == NULL)
    {
      g_set_error (error, DESK_MODERATION_ERROR, DESK_MODERATION_ERROR_BAD_REGEX,
                   _("The pattern “%s” is not a valid regular expression: %s"), pattern, local_error->message);
      return FALSE;
    }
  rule.flag = flag;
  g_array_append_val (self->rules, rule);
  return TRUE;
}

guint
desk_moderation_get_n_rules (DeskModeration *self)
{
  g_return_val_if_fail (DESK_IS_MODERATION (self), 0);

  return self->rules->len;
}

/* escalate > offensive > spam > none */
static int
strength (DeskModerationFlag flag)
{
  switch (flag)
    {
    case DESK_MODERATION_FLAG_ESCALATE: return 3;
    case DESK_MODERATION_FLAG_OFFENSIVE: return 2;
    case DESK_MODERATION_FLAG_SPAM: return 1;
    case DESK_MODERATION_FLAG_NONE:
    default: return 0;
    }
}

/**
 * desk_moderation_check:
 *
 * Returns: the strongest flag of the rules @text matches, or
 *   %DESK_MODERATION_FLAG_NONE
 */
DeskModerationFlag
desk_moderation_check (DeskModeration *self,
                       const char     *text)
{
  g_autofree char *folded = NULL;
  DeskModerationFlag best = DESK_MODERATION_FLAG_NONE;

  g_return_val_if_fail (DESK_IS_MODERATION (self), DESK_MODERATION_FLAG_NONE);

  if (text == NULL || self->rules->len == 0)
    return DESK_MODERATION_FLAG_NONE;
  folded = desk_tone_fold (text);
  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = &g_array_index (self->rules, Rule, i);

      if (strength (rule->flag) > strength (best) &&
          (g_regex_match (rule->regex, text, 0, NULL) || g_regex_match (rule->regex, folded, 0, NULL)))
        best = rule->flag;
    }
  return best;
}
