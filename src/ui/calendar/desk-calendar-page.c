/* desk-calendar-page.c: the editorial calendar
 *
 * The month, the week and the agenda of a brand's posts, the ideas tray
 * beside them and the filters over all of them. The month panes are in
 * desk-calendar-page-months.c, the widget actions (moves, Undo, imports,
 * exports) in desk-calendar-page-actions.c; desk-calendar-page-private.h
 * holds what they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-calendar-page-private.h"
#include "desk-report-error.h"
#include "desk-time.h"

#define MAX_UNDO        20

G_DEFINE_FINAL_TYPE (DeskCalendarPage, desk_calendar_page, DESK_TYPE_PAGE)

gboolean
_desk_calendar_page_showing_week (DeskCalendarPage *self)
{
  return gtk_toggle_button_get_active (self->week_button);
}

static void
capitalise_into (GtkInscription *title,
                 GtkWidget      *button,
                 const char     *text)
{
  /* Month names are lower case in French: a title starts upper case. */
  gunichar c;
  char buf[8] = { 0 };
  g_autofree char *cap = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  c = g_unichar_totitle (g_utf8_get_char (text));
  g_unichar_to_utf8 (c, buf);
  cap = g_strconcat (buf, g_utf8_next_char (text), NULL);
  gtk_inscription_set_text (title, cap);
  if (button == NULL)
    return;
  /* Screen readers read the button by the title it shows */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cap,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Go to a date"),
                                  -1);
}

static char *
format_title (GDateTime *day,
              gboolean   week,
              gboolean   shortened)
{
  if (week && shortened)
    /* Translators: title of the week view where the long one does not
     * fit, strftime format */
    return g_date_time_format (day, _("Wk of %-d %b"));
  if (week)
    /* Translators: title of the week view, strftime format */
    return g_date_time_format (day, _("Week of %-d %B %Y"));
  return g_date_time_format (day, "%OB %Y");
}

/* The width of the longest title of the view in its own font (the week
 * of the 30th of each month, or each month of the year), so that no title
 * is ever cut */
static int
longest_title_width (GtkInscription *inscription,
                     gboolean        week,
                     gboolean        shortened,
                     int             year)
{
  int widest = 0;

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (year, month, month == 2 ? 28 : 30, 12, 0, 0);
      g_autofree char *title = format_title (day, week, shortened);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (inscription), title);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  /* Capitals are wider than the lower case letters they replace */
  return widest + 8;
}

/* Room for the longest month ("Septembre 2026") or week title: a switch
 * of view resizes the button, a switch of month does not */
static void
size_title (GtkInscription *inscription,
            gboolean        week,
            gboolean        shortened,
            int             year)
{
  int width = longest_title_width (inscription, week, shortened, year);
  int current;

  gtk_widget_get_size_request (GTK_WIDGET (inscription), &current, NULL);
  if (width != current)
    gtk_widget_set_size_request (GTK_WIDGET (inscription), width, -1);
}

void
_desk_calendar_page_update_title (DeskCalendarPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *short_title = NULL;
  gboolean week = _desk_calendar_page_showing_week (self) && self->week_start != NULL;
  GDateTime *day = week ? self->week_start : self->month;
  int year;

  if (self->month == NULL)
    return;
  year = g_date_time_get_year (self->month);
  title = format_title (day, week, FALSE);
  short_title = format_title (day, week, TRUE);
  size_title (self->month_label, week, FALSE, year);
  size_title (self->short_title, week, TRUE, year);
  capitalise_into (self->short_title, NULL, short_title);
  /* Screen readers hear the long title */
  capitalise_into (self->month_label, GTK_WIDGET (self->go_to_button), title);
}

static void
load_week (DeskCalendarPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 brand_id = desk_page_get_brand_id (DESK_PAGE (self));
  GtkWidget *child;

  /* Only the view on screen reads and builds its cards. */
  if (self->week_start == NULL || !_desk_calendar_page_showing_week (self))
    return;

  /* Day names over the columns */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->week_header))) != NULL)
    gtk_box_remove (self->week_header, child);
  for (int d = 0; d < 7; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->week_start, d);
      /* Translators: a day over the week view's column, strftime format */
      g_autofree char *name = g_date_time_format (day, _("%a %-d"));
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "weekday");
      gtk_box_append (self->week_header, label);
    }

  /* Which clock the hours are, when it is not this computer's: the
   * brand's zone as its short name ("EST", or "-05" where tzdata has
   * none), the whole sentence for the pointer and screen readers */
  {
    g_autoptr(GDateTime) noon = g_date_time_add_hours (self->week_start, 12);
    g_autofree char *zone = desk_time_describe_zone (noon);
    g_autoptr(GDateTime) local = desk_time_to_local (noon);
    g_autofree char *abbreviation = zone != NULL ? g_date_time_format (local, "%Z") : NULL;

    gtk_label_set_label (self->week_zone_label, abbreviation != NULL ? abbreviation : "");
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->week_zone_label), zone);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->week_zone_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, zone != NULL ? zone : "", -1);
  }

  end = g_date_time_add_days (self->week_start, 7);
  if (brand_id != 0 &&
      !desk_post_list_set_range (self->week_posts, brand_id, self->week_start, end, &error))
    desk_report_error (GTK_WIDGET (self), error);
  desk_week_view_set_posts (self->week_view, G_LIST_MODEL (self->week_posts), self->week_start,
                            self->channels, self->campaigns, self->colour_by);
}

/**
 * desk_calendar_page_set_week:
 * @day: any time in the week to show
 */
void
desk_calendar_page_set_week (DeskCalendarPage *self,
                             GDateTime        *day)
{
  g_autoptr(GDateTime) midnight = NULL;
  int offset;

  g_return_if_fail (DESK_IS_CALENDAR_PAGE (self));

  midnight = desk_time_local_midnight (day);
  offset = (g_date_time_get_day_of_week (midnight) % 7 - self->week_start_day + 7) % 7;
  g_clear_pointer (&self->week_start, g_date_time_unref);
  self->week_start = g_date_time_add_days (midnight, -offset);
  load_week (self);
  _desk_calendar_page_update_title (self);
}

/* The keyboard focus goes where the work is: the selected day of the month
 * shown, the week, or the agenda's first row (GtkWidget::grab_focus) */
static gboolean
desk_calendar_page_grab_focus (GtkWidget *widget)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "month") == 0 && self->shown != NULL && self->shown->grid != NULL)
    {
      gint64 index = self->selected ? (gint64) desk_time_julian (self->selected) - desk_time_julian (self->shown->start) : -1;

      if (index < 0 || index >= N_DAYS)
        {
          g_autoptr(GDateTime) now = desk_time_now ();

          index = (gint64) desk_time_julian (now) - desk_time_julian (self->shown->start);
        }
      if (index >= 0 && index < N_DAYS)
        return gtk_widget_grab_focus (self->shown->cells[index].box);
    }
  else if (g_strcmp0 (view, "week") == 0)
    return gtk_widget_child_focus (GTK_WIDGET (self->week_view), GTK_DIR_TAB_FORWARD) ||
           gtk_widget_grab_focus (GTK_WIDGET (self->week_view));
  else if (g_strcmp0 (view, "agenda") == 0 && gtk_widget_grab_focus (GTK_WIDGET (self->agenda_view)))
    return TRUE;

  /* Else the first control that takes it; not gtk_widget_child_focus ()
   * on the page itself, whose default handler calls this one again (an
   * agenda without a post, given the focus back by GTK when a focused
   * row went away, recursed until the stack ran out) */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD))
      return TRUE;
  return FALSE;
}

/* Whether @item passes the filter (the agenda's filter) */
static gboolean
passes_filter_cb (gpointer item,
                  gpointer user_data)
{
  DeskCalendarPage *self = user_data;

  return desk_post_filter_matches (&self->filter, item);
}

/* What the ideas tray's and the agenda's cards show, after the lookups
 * or the colours changed */
static void
update_lookups (DeskCalendarPage *self)
{
  desk_ideas_tray_set_lookups (self->ideas_tray, self->channels, self->campaigns, self->colour_by);
  desk_agenda_view_set_lookups (self->agenda_view, self->channels, self->campaigns, self->colour_by);
}

static void
update_filter_button (DeskCalendarPage *self)
{
  if (desk_post_filter_is_empty (&self->filter))
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
save_filter (DeskCalendarPage *self)
{
  static const char * const colour_ids[] = { "status", "channel", "campaign" };
  GVariant *channels;

  if (self->settings == NULL)
    return;
  channels = g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, self->filter.channel_ids->data,
                                        self->filter.channel_ids->len, sizeof (gint64));
  g_settings_set_value (self->settings, "filter-channels", channels);
  g_settings_set_uint (self->settings, "filter-statuses", self->filter.status_mask);
  g_settings_set_int64 (self->settings, "filter-campaign", self->filter.campaign_id);
  g_settings_set_string (self->settings, "filter-pillar", self->filter.pillar ? self->filter.pillar : "");
  g_settings_set_string (self->settings, "colour-by", colour_ids[self->colour_by]);
}

static void
load_filter (DeskCalendarPage *self)
{
  g_autoptr(GVariant) channels = NULL;
  g_autofree char *colour = NULL;
  const gint64 *ids;
  gsize n = 0;

  if (self->settings == NULL)
    return;
  channels = g_settings_get_value (self->settings, "filter-channels");
  ids = g_variant_get_fixed_array (channels, &n, sizeof (gint64));
  g_array_set_size (self->filter.channel_ids, 0);
  g_array_append_vals (self->filter.channel_ids, ids, n);
  self->filter.status_mask = g_settings_get_uint (self->settings, "filter-statuses");
  self->filter.campaign_id = g_settings_get_int64 (self->settings, "filter-campaign");
  g_free (self->filter.pillar);
  self->filter.pillar = g_settings_get_string (self->settings, "filter-pillar");
  colour = g_settings_get_string (self->settings, "colour-by");
  self->colour_by = g_str_equal (colour, "channel") ? DESK_COLOUR_BY_CHANNEL
                  : g_str_equal (colour, "campaign") ? DESK_COLOUR_BY_CAMPAIGN
                  : DESK_COLOUR_BY_STATUS;
}

/* Shows what the filter lets through, in both views and the tray. */
static void
apply_filter (DeskCalendarPage *self)
{
  update_filter_button (self);
  _desk_calendar_page_fill_cells (self);
  _desk_calendar_page_forget_hidden_months (self);
  if (self->week_start != NULL)
    desk_week_view_set_posts (self->week_view, G_LIST_MODEL (self->week_posts), self->week_start,
                              self->channels, self->campaigns, self->colour_by);
  gtk_filter_changed (self->agenda_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
filter_changed_cb (DeskCalendarPage *self)
{
  desk_filter_popover_get_filter (self->filter_popover, &self->filter);
  self->colour_by = desk_filter_popover_get_colour_by (self->filter_popover);
  update_lookups (self);
  save_filter (self);
  apply_filter (self);
}

/**
 * desk_calendar_page_set_filter:
 * @filter: what to show
 *
 * As if chosen in the Filters popover.
 */
void
desk_calendar_page_set_filter (DeskCalendarPage     *self,
                               const DeskPostFilter *filter,
                               DeskColourBy          colour_by)
{
  g_return_if_fail (DESK_IS_CALENDAR_PAGE (self));

  desk_filter_popover_set_filter (self->filter_popover, filter, colour_by);
  filter_changed_cb (self);
}

/* The week and the agenda build their cards only while they are shown:
 * the month must not pay for them. The agenda view does so by itself
 * (while mapped). */
static void
sync_shown_view (DeskCalendarPage *self)
{
  if (_desk_calendar_page_showing_week (self))
    load_week (self);
}

static void
on_view_toggled_cb (DeskCalendarPage *self)
{
  const char *view = gtk_toggle_button_get_active (self->agenda_button) ? "agenda"
                   : gtk_toggle_button_get_active (self->week_button) ? "week" : "month";

  gtk_stack_set_visible_child_name (self->view_stack, view);
  _desk_calendar_page_update_title (self);
  sync_shown_view (self);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "calendar-view", view);
}

/**
 * desk_calendar_page_set_view:
 * @view: "month" or "agenda"
 */
void
desk_calendar_page_set_view (DeskCalendarPage *self,
                             const char       *view)
{
  g_return_if_fail (DESK_IS_CALENDAR_PAGE (self));

  gtk_toggle_button_set_active (g_strcmp0 (view, "agenda") == 0 ? self->agenda_button
                                : g_strcmp0 (view, "week") == 0 ? self->week_button
                                : self->month_button, TRUE);
}

static void
ideas_tray_drop_post_cb (DeskCalendarPage *self,
                         DeskPost         *post)
{
  desk_calendar_page_unschedule_post (self, post);
}

/* The filter names channels, a campaign and a pillar: those another brand
 * (or a brand whose channel was removed) does not have would hide all its
 * posts, with nothing in the filter's popover to say why */
static void
keep_brand_filter (DeskCalendarPage   *self,
                   const char * const *pillars)
{
  gboolean changed = FALSE;

  for (guint i = self->filter.channel_ids->len; i-- > 0;)
    if (!g_hash_table_contains (self->channels, &g_array_index (self->filter.channel_ids, gint64, i)))
      {
        g_array_remove_index (self->filter.channel_ids, i);
        changed = TRUE;
      }
  if (self->filter.campaign_id != 0 && !g_hash_table_contains (self->campaigns, &self->filter.campaign_id))
    {
      self->filter.campaign_id = 0;
      changed = TRUE;
    }
  if (self->filter.pillar != NULL && self->filter.pillar[0] != '\0' &&
      (pillars == NULL || !g_strv_contains (pillars, self->filter.pillar)))
    {
      g_clear_pointer (&self->filter.pillar, g_free);
      changed = TRUE;
    }
  if (changed)
    save_filter (self);
}

static void
desk_calendar_page_reload (DeskPage *page)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (page);
  DeskStore *store = desk_page_get_store (page);
  gint64 brand_id = desk_page_get_brand_id (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) channels = desk_store_list_channels (store, brand_id, &error);
  g_autoptr(GListModel) campaigns = channels ? desk_store_list_campaigns (store, brand_id, &error) : NULL;
  g_auto(GStrv) pillars = campaigns ? desk_store_list_pillars (store, brand_id, &error) : NULL;

  if (pillars == NULL)
    {
      desk_report_error (GTK_WIDGET (self), error);
      g_clear_error (&error);
    }
  g_hash_table_unref (self->channels);
  g_hash_table_unref (self->campaigns);
  self->channels = desk_store_index_by_id (channels);
  self->campaigns = desk_store_index_by_id (campaigns);
  update_lookups (self);

  _desk_calendar_page_update_bands (self, self->shown);
  _desk_calendar_page_forget_months (self);
  if (pillars != NULL)
    keep_brand_filter (self, (const char * const *) pillars);
  desk_filter_popover_set_choices (self->filter_popover, channels, campaigns, (const char * const *) pillars);
  desk_filter_popover_set_filter (self->filter_popover, &self->filter, self->colour_by);
  update_filter_button (self);
  _desk_calendar_page_load_range (self);
  load_week (self);
  if (!desk_post_list_set_unscheduled (self->ideas, desk_page_get_brand_id (page), &error))
    desk_report_error (GTK_WIDGET (self), error);
}

static void
desk_calendar_page_dispose (GObject *object)
{
  DeskCalendarPage *self = (DeskCalendarPage *) object;

  g_clear_handle_id (&self->prepare_id, g_source_remove);
  if (self->go_to_popdown_id != 0)
    g_clear_signal_handler (&self->go_to_popdown_id, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  for (guint k = 0; k < N_MONTHS; k++)
    {
      if (self->months[k].list != NULL)
        g_clear_signal_handler (&self->months[k].list_changed_id, self->months[k].list);
      g_clear_object (&self->months[k].list);
      g_clear_pointer (&self->months[k].posts, g_ptr_array_unref);
      g_clear_pointer (&self->months[k].month, g_date_time_unref);
      g_clear_pointer (&self->months[k].start, g_date_time_unref);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CALENDAR_PAGE);
  g_clear_object (&self->posts);
  g_clear_object (&self->ranges);
  g_clear_object (&self->ideas);
  g_clear_object (&self->week_posts);
  g_clear_pointer (&self->week_start, g_date_time_unref);
  g_clear_object (&self->agenda_filter);
  g_clear_object (&self->settings);
  desk_post_filter_clear (&self->filter);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->campaigns, g_hash_table_unref);
  g_clear_pointer (&self->month, g_date_time_unref);
  g_clear_pointer (&self->selected, g_date_time_unref);

  G_OBJECT_CLASS (desk_calendar_page_parent_class)->dispose (object);
}

static void
desk_calendar_page_class_init (DeskCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_calendar_page_dispose;
  DESK_PAGE_CLASS (klass)->reload = desk_calendar_page_reload;
  widget_class->grab_focus = desk_calendar_page_grab_focus;
  g_type_ensure (DESK_TYPE_WEEK_VIEW);
  g_type_ensure (DESK_TYPE_MONTH_DECK);
  g_type_ensure (DESK_TYPE_IDEAS_TRAY);
  g_type_ensure (DESK_TYPE_AGENDA_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/desk-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, short_title);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, go_to_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, go_to_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, go_to_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, weekday_grid);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, month_deck);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, ideas_tray);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, agenda_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, week_header);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, week_zone_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, week_scroller);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, week_view);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, agenda_view);
  /* Reachable by gtk_widget_get_template_child () (the tests), no field */
  gtk_widget_class_bind_template_child_full (widget_class, "ideas_toggle", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, filter_button);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, ideas_tray_drop_post_cb);
  _desk_calendar_page_class_actions_init (widget_class);

}

static void
desk_calendar_page_init (DeskCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The title's width is measured in its font, known once it is shown */
  g_signal_connect_swapped (self->month_label, "map", G_CALLBACK (_desk_calendar_page_update_title), self);
  g_signal_connect_swapped (self->short_title, "map", G_CALLBACK (_desk_calendar_page_update_title), self);

  self->week_start_day = desk_time_first_weekday ();
  desk_post_filter_init (&self->filter);
  self->filter_popover = DESK_FILTER_POPOVER (desk_filter_popover_new ());
  gtk_menu_button_set_popover (self->filter_button, GTK_WIDGET (self->filter_popover));
  g_signal_connect_swapped (self->filter_popover, "changed", G_CALLBACK (filter_changed_cb), self);
  self->undo = desk_undo_stack_new (MAX_UNDO);
  self->channels = desk_store_index_by_id (NULL);
  self->campaigns = desk_store_index_by_id (NULL);
  _desk_calendar_page_build_grid (self);
  _desk_calendar_page_actions_init (self);
}

static gboolean
scroll_week_idle_cb (gpointer data)
{
  DeskCalendarPage *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->week_scroller);

  gtk_adjustment_set_value (adjustment, 7 * desk_week_view_get_hour_height ());
  return G_SOURCE_REMOVE;
}

/* Working hours in sight: once the week is on screen with its height, it
 * scrolls to 07:00 (after the layout that gave it that height). */
static void
week_upper_cb (GtkAdjustment    *adjustment,
               GParamSpec       *pspec,
               DeskCalendarPage *self)
{
  if (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->week_scroller)))
    return;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_week_idle_cb, g_object_ref (self), g_object_unref);
  g_signal_handlers_disconnect_by_func (adjustment, week_upper_cb, self);
}

DeskCalendarPage *
desk_calendar_page_new (DeskStore *store)
{
  DeskCalendarPage *self;
  g_autoptr(GDateTime) now = desk_time_now ();

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_CALENDAR_PAGE, "store", store, NULL);
  self->posts = desk_post_list_new (store);
  self->ranges = desk_post_ranges_new (store, 2 * N_MONTHS);

  self->week_posts = desk_post_list_new (store);

  self->agenda_filter = GTK_FILTER (gtk_custom_filter_new (passes_filter_cb, self, NULL));
  desk_agenda_view_set_filter (self->agenda_view, self->agenda_filter);
  desk_agenda_view_set_model (self->agenda_view, G_LIST_MODEL (self->posts));

  {
    GSettingsSchema *schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), BASE_APP_ID, TRUE);

    if (schema != NULL)
      {
        g_autofree char *view = NULL;

        self->settings = g_settings_new (BASE_APP_ID);
        load_filter (self);
        view = g_settings_get_string (self->settings, "calendar-view");
        desk_calendar_page_set_view (self, view);
        g_settings_schema_unref (schema);
      }
  }

  self->ideas = desk_post_list_new (store);
  update_lookups (self);
  desk_ideas_tray_set_model (self->ideas_tray, G_LIST_MODEL (self->ideas));
  desk_calendar_page_set_month (self, now);
  desk_calendar_page_set_week (self, now);
  g_signal_connect (gtk_scrolled_window_get_vadjustment (self->week_scroller), "notify::upper",
                    G_CALLBACK (week_upper_cb), self);
  return self;
}

/**
 * desk_calendar_page_dup_selected_day:
 *
 * Returns: (transfer full): local midnight of the selected day
 */
GDateTime *
desk_calendar_page_dup_selected_day (DeskCalendarPage *self)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), NULL);
  return self->selected ? g_date_time_ref (self->selected) : desk_time_now ();
}

GListModel *
desk_calendar_page_get_ideas (DeskCalendarPage *self)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), NULL);
  return G_LIST_MODEL (self->ideas);
}

GListModel *
desk_calendar_page_get_model (DeskCalendarPage *self)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), NULL);
  return G_LIST_MODEL (self->posts);
}
