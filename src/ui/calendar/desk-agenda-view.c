/* desk-agenda-view.c: a month's posts as a list, by day
 *
 * One row per post of the month (a card, as on the calendar: it drags to
 * a day or the ideas tray and opens on click), a heading above the first
 * post of each day. The view filters its model itself: to the month, and
 * through the filter it is given (the page's Filters popover).
 *
 * Its cards are made only while the view is on screen: hidden behind the
 * month or the week, it holds no row and follows no change, so the month
 * does not pay for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-agenda-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-agenda-view.h"
#include "desk-holidays.h"
#include "desk-time.h"

struct _DeskAgendaView
{
  GtkWidget       parent_instance;

  GListModel     *model;
  GDateTime      *month;        /* local midnight, 1st of the month; NULL: none */
  GtkFilter      *filter;       /* what else a post must pass; NULL: all do */
  GHashTable     *channels;     /* gint64* → DeskChannel */
  GHashTable     *campaigns;    /* gint64* → DeskCampaign */
  DeskColourBy    colour_by;

  GtkFilter      *month_filter;
  GtkMultiFilter *shown_filter; /* the month's, and the filter */
  GListModel     *shown;        /* what the list is bound to, while mapped */

  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (DeskAgendaView, desk_agenda_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_MONTH,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
in_month_cb (gpointer item,
             gpointer user_data)
{
  DeskAgendaView *self = user_data;
  GDateTime *at = desk_post_get_scheduled_at (item);
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL || self->month == NULL)
    return FALSE;
  local = desk_time_to_local (at);
  return g_date_time_get_month (local) == g_date_time_get_month (self->month) &&
         g_date_time_get_year (local) == g_date_time_get_year (self->month);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  DeskAgendaView *self = user_data;
  GtkWidget *card = desk_post_card_new_for_post (item, self->channels, self->campaigns, self->colour_by);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_add_css_class (card, "agenda-card");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card);
  /* The row takes the focus first: it reads as the card */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, card, NULL, -1);
  return row;
}

static DeskPost *
row_post (GtkListBoxRow *row)
{
  GtkWidget *card = row ? gtk_list_box_row_get_child (row) : NULL;

  return DESK_IS_POST_CARD (card) ? desk_post_card_get_post (DESK_POST_CARD (card)) : NULL;
}

/* "Tuesday 5 May · Today · Holiday" */
static char *
format_day (GDateTime *day)
{
  g_autoptr(GDateTime) now = desk_time_now ();
  /* Translators: a day heading in the agenda, strftime format */
  g_autofree char *text = g_date_time_format (day, _("%A %-d %B"));
  const char *today = desk_time_julian (day) == desk_time_julian (now) ? _("Today") : NULL;
  const char *holiday;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day), g_date_time_get_year (day));
  holiday = desk_holidays_fr_name (&date);
  return g_strjoin (" · ", text, today ? today : holiday, today ? holiday : NULL, NULL);
}

/* A day heading above the first post of each day. */
static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       user_data)
{
  DeskPost *post = row_post (row);
  DeskPost *previous = row_post (before);
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (post == NULL || desk_post_get_scheduled_at (post) == NULL)
    return;
  if (previous != NULL && desk_post_get_scheduled_at (previous) != NULL &&
      desk_time_julian (desk_post_get_scheduled_at (previous)) == desk_time_julian (desk_post_get_scheduled_at (post)))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  day = desk_time_to_local (desk_post_get_scheduled_at (post));
  text = format_day (day);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "agenda-day");
  gtk_widget_add_css_class (label, "heading");
  gtk_list_box_row_set_header (row, label);
}

/* Binds the list to the model while the view is on screen, and unbinds
 * it (its rows gone) while it is not. */
static void
sync_rows (DeskAgendaView *self)
{
  gboolean shown = gtk_widget_get_mapped (GTK_WIDGET (self)) && self->model != NULL;

  if (shown && self->shown == NULL)
    {
      self->shown = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (self->model),
                                                             g_object_ref (GTK_FILTER (self->shown_filter))));
      gtk_list_box_bind_model (self->list, self->shown, create_row, self, NULL);
    }
  else if (!shown && self->shown != NULL)
    {
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      g_clear_object (&self->shown);
    }
}

/* Its cards made again (if shown), from the model and with the lookups
 * of now */
static void
remake_rows (DeskAgendaView *self)
{
  if (self->shown != NULL)
    {
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      g_clear_object (&self->shown);
    }
  sync_rows (self);
}

static void
desk_agenda_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (desk_agenda_view_parent_class)->map (widget);
  sync_rows (DESK_AGENDA_VIEW (widget));
}

static void
desk_agenda_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (desk_agenda_view_parent_class)->unmap (widget);
  sync_rows (DESK_AGENDA_VIEW (widget));
}

/* The keyboard focus goes to the first row (GtkWidget::grab_focus) */
static gboolean
desk_agenda_view_grab_focus (GtkWidget *widget)
{
  DeskAgendaView *self = DESK_AGENDA_VIEW (widget);

  return gtk_widget_child_focus (GTK_WIDGET (self->list), GTK_DIR_TAB_FORWARD);
}

static void
desk_agenda_view_dispose (GObject *object)
{
  DeskAgendaView *self = (DeskAgendaView *) object;
  GtkWidget *child;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_AGENDA_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->shown);
  g_clear_object (&self->shown_filter);
  g_clear_object (&self->month_filter);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_pointer (&self->month, g_date_time_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->campaigns, g_hash_table_unref);

  G_OBJECT_CLASS (desk_agenda_view_parent_class)->dispose (object);
}

static void
desk_agenda_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskAgendaView *self = DESK_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_MONTH:
      g_value_set_boxed (value, self->month);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_agenda_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DeskAgendaView *self = DESK_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      desk_agenda_view_set_model (self, g_value_get_object (value));
      break;

    case PROP_MONTH:
      desk_agenda_view_set_month (self, g_value_get_boxed (value));
      break;

    case PROP_FILTER:
      desk_agenda_view_set_filter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_agenda_view_class_init (DeskAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_agenda_view_dispose;
  object_class->get_property = desk_agenda_view_get_property;
  object_class->set_property = desk_agenda_view_set_property;
  widget_class->map = desk_agenda_view_map;
  widget_class->unmap = desk_agenda_view_unmap;
  widget_class->grab_focus = desk_agenda_view_grab_focus;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MONTH] =
    g_param_spec_boxed ("month", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, GTK_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskAgendaView, list);
}

static void
desk_agenda_view_init (DeskAgendaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->channels = desk_store_index_by_id (NULL);
  self->campaigns = desk_store_index_by_id (NULL);
  self->month_filter = GTK_FILTER (gtk_custom_filter_new (in_month_cb, self, NULL));
  self->shown_filter = GTK_MULTI_FILTER (gtk_every_filter_new ());
  gtk_multi_filter_append (self->shown_filter, g_object_ref (self->month_filter));
  gtk_list_box_set_header_func (self->list, header_cb, NULL, NULL);
}

GtkWidget *
desk_agenda_view_new (void)
{
  return g_object_new (DESK_TYPE_AGENDA_VIEW, NULL);
}

/**
 * desk_agenda_view_get_model:
 *
 * Returns: (transfer none) (nullable): the posts it shows those of the
 *   month of
 */
GListModel *
desk_agenda_view_get_model (DeskAgendaView *self)
{
  g_return_val_if_fail (DESK_IS_AGENDA_VIEW (self), NULL);
  return self->model;
}

/**
 * desk_agenda_view_set_model:
 * @model: (nullable) (element-type DeskPost): posts in the order of their
 *   time
 */
void
desk_agenda_view_set_model (DeskAgendaView *self,
                            GListModel     *model)
{
  g_return_if_fail (DESK_IS_AGENDA_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;
  remake_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * desk_agenda_view_get_month:
 *
 * Returns: (transfer none) (nullable): local midnight of the 1st of the
 *   month shown
 */
GDateTime *
desk_agenda_view_get_month (DeskAgendaView *self)
{
  g_return_val_if_fail (DESK_IS_AGENDA_VIEW (self), NULL);
  return self->month;
}

/**
 * desk_agenda_view_set_month:
 * @month: (nullable): any time in the month to show; %NULL shows nothing
 */
void
desk_agenda_view_set_month (DeskAgendaView *self,
                            GDateTime      *month)
{
  g_autoptr(GDateTime) start = NULL;

  g_return_if_fail (DESK_IS_AGENDA_VIEW (self));

  start = month ? desk_time_month_start (month) : NULL;
  if (start == self->month || (start != NULL && self->month != NULL && g_date_time_equal (start, self->month)))
    return;
  g_clear_pointer (&self->month, g_date_time_unref);
  self->month = g_steal_pointer (&start);
  gtk_filter_changed (self->month_filter, GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

/**
 * desk_agenda_view_get_filter:
 *
 * Returns: (transfer none) (nullable): what a post of the month must pass
 *   to be shown
 */
GtkFilter *
desk_agenda_view_get_filter (DeskAgendaView *self)
{
  g_return_val_if_fail (DESK_IS_AGENDA_VIEW (self), NULL);
  return self->filter;
}

/**
 * desk_agenda_view_set_filter:
 * @filter: (nullable): what a post of the month must pass to be shown
 *   (its ::changed shows the posts it lets through then); %NULL: all of
 *   them
 */
void
desk_agenda_view_set_filter (DeskAgendaView *self,
                             GtkFilter      *filter)
{
  g_return_if_fail (DESK_IS_AGENDA_VIEW (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));

  if (filter == self->filter)
    return;
  if (self->filter != NULL)
    gtk_multi_filter_remove (self->shown_filter, 1);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    gtk_multi_filter_append (self->shown_filter, g_object_ref (filter));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * desk_agenda_view_set_lookups:
 * @channels: (element-type gint64 DeskChannel): the brand's channels
 * @campaigns: (element-type gint64 DeskCampaign): its campaigns
 * @colour_by: what the cards' colour tells
 *
 * What the cards show; when the colours change, the cards shown are made
 * again.
 */
void
desk_agenda_view_set_lookups (DeskAgendaView *self,
                              GHashTable     *channels,
                              GHashTable     *campaigns,
                              DeskColourBy    colour_by)
{
  gboolean recolour;

  g_return_if_fail (DESK_IS_AGENDA_VIEW (self));
  g_return_if_fail (channels != NULL && campaigns != NULL);

  recolour = colour_by != self->colour_by;
  g_hash_table_ref (channels);
  g_hash_table_ref (campaigns);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->campaigns, g_hash_table_unref);
  self->channels = channels;
  self->campaigns = campaigns;
  self->colour_by = colour_by;
  if (recolour)
    remake_rows (self);
}
