/* desk-timezone-row.c: a row to choose a brand's timezone
 *
 * The row says the zone chosen ("Europe/Paris", or the system's, named);
 * its button opens a list of the IANA zones of the system's tzdata
 * (desk_time_list_zones ()), read when it first opens, with a search
 * field that filters it as one types ("paris", "new york"). Enter takes
 * the first zone left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-timezone-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-time.h"
#include "desk-timezone-row.h"

struct _DeskTimezoneRow
{
  AdwActionRow        parent_instance;

  char               *timezone;   /* an IANA id; "": the system's */
  char               *system_label;

  GtkMenuButton      *button;
  GtkSearchEntry     *search;
  GtkListView        *list;
  GtkStringList      *zones;      /* labels: the system's first, then ids with spaces for "_" */
  GtkStringFilter    *filter;
};

G_DEFINE_FINAL_TYPE (DeskTimezoneRow, desk_timezone_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_TIMEZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "America/New_York" → "America/New York", as people search for it */
static char *
zone_label (const char *id)
{
  return g_strdelimit (g_strdup (id), "_", ' ');
}

static char *
zone_id (DeskTimezoneRow *self,
         const char      *label)
{
  if (g_strcmp0 (label, self->system_label) == 0)
    return g_strdup ("");
  return g_strdelimit (g_strdup (label), " ", '_');
}

static void
update_subtitle (DeskTimezoneRow *self)
{
  g_autofree char *label = self->timezone[0] != '\0' ? zone_label (self->timezone) : g_strdup (self->system_label);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), label);
}

/* The zones, read once the list is first wanted */
static void
fill_zones (DeskTimezoneRow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) zones = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->zones)) > 0)
    return;
  gtk_string_list_append (self->zones, self->system_label);
  zones = desk_time_list_zones (NULL, &error);
  if (zones == NULL)
    {
      g_warning ("No timezones: %s", error->message);
      return;
    }
  for (guint i = 0; zones[i] != NULL; i++)
    {
      g_autofree char *label = zone_label (zones[i]);

      gtk_string_list_append (self->zones, label);
    }
}

static void
choose (DeskTimezoneRow *self,
        guint            position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->list));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);
  g_autofree char *id = NULL;

  if (item == NULL)
    return;
  id = zone_id (self, gtk_string_object_get_string (item));
  desk_timezone_row_set_timezone (self, id);
  gtk_menu_button_popdown (self->button);
}

static void
list_activate_cb (DeskTimezoneRow *self,
                  guint            position)
{
  choose (self, position);
}

static void
search_activate_cb (DeskTimezoneRow *self)
{
  choose (self, 0);
}

static void
search_changed_cb (DeskTimezoneRow *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
popover_show_cb (DeskTimezoneRow *self)
{
  fill_zones (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

/* Down from the search field goes to the list */
static gboolean
search_key_cb (DeskTimezoneRow *self,
               guint            keyval,
               guint            keycode,
               GdkModifierType  state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->list), GTK_DIR_TAB_FORWARD);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkStringObject *zone = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (zone));
}

static GtkWidget *
build_popover (DeskTimezoneRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkFilterListModel *filtered;
  GtkNoSelection *selection;
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->zones = gtk_string_list_new (NULL);
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->zones)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (filtered));

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search Timezones"), -1);
  g_object_set (self->search, "placeholder-text", _("City or region, e.g. Paris"), NULL);
  /* At once, not after search-changed's delay: the list is short */
  g_signal_connect_swapped (self->search, "changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search), keys);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timezones"), -1);
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (list_activate_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_show_cb), self);
  return popover;
}

static void
desk_timezone_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeskTimezoneRow *self = DESK_TIMEZONE_ROW (object);

  switch (prop_id)
    {
    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_timezone_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DeskTimezoneRow *self = DESK_TIMEZONE_ROW (object);

  switch (prop_id)
    {
    case PROP_TIMEZONE:
      desk_timezone_row_set_timezone (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_timezone_row_finalize (GObject *object)
{
  DeskTimezoneRow *self = DESK_TIMEZONE_ROW (object);

  g_clear_object (&self->zones);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->system_label, g_free);

  G_OBJECT_CLASS (desk_timezone_row_parent_class)->finalize (object);
}

static void
desk_timezone_row_class_init (DeskTimezoneRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = desk_timezone_row_get_property;
  object_class->set_property = desk_timezone_row_set_property;
  object_class->finalize = desk_timezone_row_finalize;

  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_timezone_row_init (DeskTimezoneRow *self)
{
  g_autofree char *local = desk_time_dup_local_zone_name ();
  g_autofree char *local_label = zone_label (local);

  self->timezone = g_strdup ("");
  /* Translators: the first choice of timezone: the computer's own, named */
  self->system_label = g_strdup_printf (_("The system’s (%s)"), local_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Timezone"));
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "pan-down-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose the Timezone"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the Timezone"), -1);
  gtk_menu_button_set_popover (self->button, build_popover (self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  update_subtitle (self);
}

GtkWidget *
desk_timezone_row_new (void)
{
  return g_object_new (DESK_TYPE_TIMEZONE_ROW, NULL);
}

/**
 * desk_timezone_row_get_timezone:
 *
 * Returns: the IANA id chosen, or "" for the system's timezone
 */
const char *
desk_timezone_row_get_timezone (DeskTimezoneRow *self)
{
  g_return_val_if_fail (DESK_IS_TIMEZONE_ROW (self), NULL);
  return self->timezone;
}

void
desk_timezone_row_set_timezone (DeskTimezoneRow *self,
                                const char      *timezone)
{
  g_return_if_fail (DESK_IS_TIMEZONE_ROW (self));

  if (timezone == NULL)
    timezone = "";
  if (g_strcmp0 (self->timezone, timezone) == 0)
    return;
  g_free (self->timezone);
  self->timezone = g_strdup (timezone);
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}
