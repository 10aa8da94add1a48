/* desk-calendar-page-actions.c: the calendar page's widget actions
 *
 * Previous, Next, Today and Go to a date; the moves (drops, the keyboard's
 * Alt+arrows, "Move to…", Undo), which ask desk-post-move.c what they may
 * do; the month's exports and the CSV import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-calendar-page-private.h"
#include "desk-csv.h"
#include "desk-ics.h"
#include "desk-import-dialog.h"
#include "desk-post-move.h"
#include "desk-time.h"

static void
go_action_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  g_autoptr(GDateTime) target = NULL;

  if (g_str_equal (action_name, "calendar.today"))
    target = desk_time_now ();
  else if (_desk_calendar_page_showing_week (self) && self->week_start != NULL)
    target = g_date_time_add_days (self->week_start, g_str_equal (action_name, "calendar.next") ? 7 : -7);
  else
    target = g_date_time_add_months (self->month, g_str_equal (action_name, "calendar.next") ? 1 : -1);

  g_clear_pointer (&self->selected, g_date_time_unref);
  if (!g_str_equal (action_name, "calendar.today"))
    self->selected = g_date_time_ref (target);
  desk_calendar_page_set_month (self, target);
  desk_calendar_page_set_week (self, target);
}

/**
 * desk_calendar_page_go_to:
 * @day: any time of the day to show
 *
 * Shows @day's month (or week, in the week view) with @day selected: what
 * picking a day in the title's calendar does.
 */
void
desk_calendar_page_go_to (DeskCalendarPage *self,
                          GDateTime        *day)
{
  g_return_if_fail (DESK_IS_CALENDAR_PAGE (self));
  g_return_if_fail (day != NULL);

  g_clear_pointer (&self->selected, g_date_time_unref);
  self->selected = desk_time_local_midnight (day);
  desk_calendar_page_set_month (self, day);
  desk_calendar_page_set_week (self, day);
}

/* A day picked (clicked, or reached with the arrow keys) is shown at
 * once; a click or Enter closes the calendar */
static void
go_to_day_selected_cb (GtkCalendar      *calendar,
                       DeskCalendarPage *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  desk_calendar_page_go_to (self, day);
}

/* The calendar opens on the selected day */
static void
go_to_popover_show_cb (DeskCalendarPage *self)
{
  g_autoptr(GDateTime) day = desk_calendar_page_dup_selected_day (self);

  g_signal_handlers_block_by_func (self->go_to_calendar, go_to_day_selected_cb, self);
  gtk_calendar_select_day (self->go_to_calendar, day);
  g_signal_handlers_unblock_by_func (self->go_to_calendar, go_to_day_selected_cb, self);
}

/* The calendar's arrows turned its page: that month is laid out while a
 * day is picked in it */
static void
go_to_page_turned_cb (DeskCalendarPage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->go_to_popover)))
    _desk_calendar_page_prepare_months (self);
}

/* The calendar closes once the frame that shows the day's month is
 * drawn: closing a popover in that frame costs it tens of milliseconds
 * under X11 */
static void
go_to_popdown_cb (GdkFrameClock    *clock,
                  DeskCalendarPage *self)
{
  g_clear_signal_handler (&self->go_to_popdown_id, clock);
  gtk_popover_popdown (self->go_to_popover);
}

static void
go_to_close (DeskCalendarPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      gtk_popover_popdown (self->go_to_popover);
      return;
    }
  if (self->go_to_popdown_id == 0)
    self->go_to_popdown_id = g_signal_connect (clock, "after-paint", G_CALLBACK (go_to_popdown_cb), self);
  /* A day of the month shown already changes little: a frame all the same */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
go_to_released_cb (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   DeskCalendarPage *self)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (calendar, x, y, GTK_PICK_DEFAULT);

  /* The month and year arrows only turn the calendar's pages. A click on
   * the day already selected there (its page turned) selects nothing:
   * that day is shown all the same. */
  if (picked != NULL && gtk_widget_get_ancestor (picked, GTK_TYPE_BUTTON) == NULL)
    {
      go_to_day_selected_cb (self->go_to_calendar, self);
      go_to_close (self);
    }
}

static gboolean
go_to_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      DeskCalendarPage      *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  go_to_day_selected_cb (self->go_to_calendar, self);
  go_to_close (self);
  return TRUE;
}

/* Ctrl+G */
static void
go_to_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_menu_button_popup (DESK_CALENDAR_PAGE (widget)->go_to_button);
}

static void
toast (DeskCalendarPage *self,
       const char       *message,
       gboolean          with_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *t = adw_toast_new (message);

  if (with_undo)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, "win.undo");
      adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
    }
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

/* Moves (or, with @copy, duplicates) @post to @at and tells the user,
 * with Undo. The one path behind drops, keyboard moves and tests. */
static gboolean
apply_move (DeskCalendarPage *self,
            DeskPost         *post,
            GDateTime        *at,
            gboolean          copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) local = at ? desk_time_to_local (at) : NULL;
  /* Translators: where a post went, strftime format */
  g_autofree char *when = local ? g_date_time_format (local, _("%A %-d %B at %H:%M")) : NULL;
  g_autofree char *message = NULL;

  if (!desk_post_move_apply (desk_page_get_store (DESK_PAGE (self)), self->undo, post, at, copy, &error))
    {
      toast (self, error->message, FALSE);
      return FALSE;
    }

  if (copy)
    message = g_strdup_printf (_("Copied as a draft to %s"), when);
  else
    message = when ? g_strdup_printf (_("Moved to %s"), when) : g_strdup (_("Moved to the ideas"));
  toast (self, message, TRUE);
  return TRUE;
}

typedef struct
{
  DeskCalendarPage *self;
  DeskPost         *post;
  GDateTime        *at;
  gboolean          copy;
} PendingMove;

static void
pending_move_free (PendingMove *pending)
{
  g_object_unref (pending->self);
  g_object_unref (pending->post);
  g_date_time_unref (pending->at);
  g_free (pending);
}

static void
past_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PendingMove      *pending)
{
  if (g_strcmp0 (response, "schedule") == 0)
    apply_move (pending->self, pending->post, pending->at, pending->copy);
}

/**
 * desk_calendar_page_drop_post:
 * @day: any time on the day the post is dropped on
 * @copy: duplicate instead of moving (Ctrl+drag)
 *
 * What a drop on a day does: the post keeps its time of day. A day in the
 * past asks first; a published post is refused with the reason.
 *
 * Returns: %TRUE if the post was moved or copied now
 */
gboolean
desk_calendar_page_drop_post (DeskCalendarPage *self,
                              DeskPost         *post,
                              GDateTime        *day,
                              gboolean          copy)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GDateTime) at = NULL;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  settings = g_settings_new (BASE_APP_ID);
  at = desk_post_move_drop_time (post, day, g_settings_get_int (settings, "default-post-hour"),
                                 g_settings_get_int (settings, "default-post-minute"), copy);
  if (at == NULL)
    return FALSE;

  return desk_calendar_page_move_post_to (self, post, at, copy);
}

/**
 * desk_calendar_page_move_post_to:
 * @at: the new date and time
 * @copy: duplicate instead of moving
 *
 * Moves @post to exactly @at ("Move to…", drops). A time in a day that has
 * passed asks first; a published post is refused with the reason.
 *
 * Returns: %TRUE if the post was moved or copied now
 */
gboolean
desk_calendar_page_move_post_to (DeskCalendarPage *self,
                                 DeskPost         *post,
                                 GDateTime        *at,
                                 gboolean          copy)
{
  g_autoptr(GDateTime) now = desk_time_now ();
  g_autofree char *reason = NULL;
  GtkWidget *dialog;
  PendingMove *pending;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  switch (desk_post_move_check (post, at, now, copy, &reason))
    {
    case DESK_POST_MOVE_ALLOWED:
      return apply_move (self, post, at, copy);
    case DESK_POST_MOVE_REFUSED:
      toast (self, reason, FALSE);
      return FALSE;
    case DESK_POST_MOVE_NEEDS_CONFIRMATION:
    default:
      break;
    }

  /* A day that has passed: the network would publish it at once. */
  pending = g_new0 (PendingMove, 1);
  pending->self = g_object_ref (self);
  pending->post = g_object_ref (post);
  pending->at = g_date_time_ref (at);
  pending->copy = copy;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Schedule in the Past?"), reason);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "schedule", _("_Schedule Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "schedule", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (past_response_cb), pending,
                         (GClosureNotify) (void (*) (void)) pending_move_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/**
 * desk_calendar_page_undo:
 *
 * Puts back what the last move, copy or unschedule changed.
 *
 * Returns: %TRUE if something was undone
 */
gboolean
desk_calendar_page_undo (DeskCalendarPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);

  if (!desk_undo_stack_get_can_undo (self->undo))
    return FALSE;
  if (!desk_undo_stack_undo (self->undo, desk_page_get_store (DESK_PAGE (self)), &error))
    {
      toast (self, error->message, FALSE);
      return FALSE;
    }
  return TRUE;
}

static void
move_post_to_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPost) post = NULL;
  g_autoptr(GDateTime) at = NULL;
  gint64 id, unix_time;

  g_variant_get (parameter, "(xx)", &id, &unix_time);
  post = desk_store_get_post (desk_page_get_store (DESK_PAGE (self)), id, &error);
  if (post == NULL)
    {
      toast (self, error->message, FALSE);
      return;
    }
  at = desk_time_from_unix_local (unix_time);
  self->focus_post = id;
  desk_calendar_page_move_post_to (self, post, at, FALSE);
  if (desk_time_julian (at) < desk_time_julian (self->shown->start) || desk_time_julian (at) >= desk_time_julian (self->shown->start) + N_DAYS)
    desk_calendar_page_set_month (self, at);
}

static void
week_drop_post_cb (DeskCalendarPage *self,
                   DeskPost         *post,
                   GDateTime        *at,
                   gboolean          copy)
{
  desk_calendar_page_move_post_to (self, post, at, copy);
}

/* Alt+Shift+Up/Down: the focused card moves by an hour. */
static void
move_focused_minutes_action_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *card = focus ? gtk_widget_get_ancestor (focus, DESK_TYPE_POST_CARD) : NULL;
  g_autoptr(GDateTime) at = NULL;
  DeskPost *post;

  if (card == NULL)
    return;
  post = desk_post_card_get_post (DESK_POST_CARD (card));
  if (desk_post_get_scheduled_at (post) == NULL)
    return;
  at = g_date_time_add_minutes (desk_post_get_scheduled_at (post), g_variant_get_int32 (parameter));
  self->focus_post = desk_post_get_id (post);
  desk_week_view_focus_post (self->week_view, desk_post_get_id (post));
  desk_calendar_page_move_post_to (self, post, at, FALSE);
}

/* Alt+arrows: the focused card moves by a day or a week, keeping its time. */
static void
move_focused_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *card = focus ? gtk_widget_get_ancestor (focus, DESK_TYPE_POST_CARD) : NULL;
  DeskPost *post;
  GDateTime *at;
  g_autoptr(GDateTime) day = NULL;

  /* Without a card, Alt+Left/Right turn the page as in GNOME Calendar */
  if (card == NULL)
    {
      int by = g_variant_get_int32 (parameter);

      if (by == 1 || by == -1)
        gtk_widget_activate_action (widget, by > 0 ? "calendar.next" : "calendar.previous", NULL);
      return;
    }
  post = desk_post_card_get_post (DESK_POST_CARD (card));
  at = desk_post_get_scheduled_at (post);
  if (at == NULL)
    return;

  {
    g_autoptr(GDateTime) local = desk_time_to_local (at);
    day = g_date_time_add_days (local, g_variant_get_int32 (parameter));
  }
  self->focus_post = desk_post_get_id (post);
  desk_week_view_focus_post (self->week_view, desk_post_get_id (post));
  desk_calendar_page_drop_post (self, post, day, FALSE);
  if (_desk_calendar_page_showing_week (self))
    desk_calendar_page_set_week (self, day);

  /* Follow the post to its month. */
  if (desk_time_julian (day) < desk_time_julian (self->shown->start) || desk_time_julian (day) >= desk_time_julian (self->shown->start) + N_DAYS)
    desk_calendar_page_set_month (self, day);
}

/**
 * desk_calendar_page_export_month:
 *
 * Writes the shown month's scheduled posts to @path as iCalendar.
 */
gboolean
desk_calendar_page_export_month (DeskCalendarPage  *self,
                                 const char        *path,
                                 GError           **error)
{
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  guint n = 0;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);

  end = g_date_time_add_months (self->month, 1);
  if (!desk_ics_export_range (desk_page_get_store (DESK_PAGE (self)), desk_page_get_brand_id (DESK_PAGE (self)),
                              self->month, end, path, &n, error))
    return FALSE;

  name = g_path_get_basename (path);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post exported to “%s”", "%u posts exported to “%s”", n),
                             n, name);
  toast (self, message, FALSE);
  return TRUE;
}

/**
 * desk_calendar_page_export_month_csv:
 *
 * Writes the shown month's posts to @path as CSV (the import's columns).
 */
gboolean
desk_calendar_page_export_month_csv (DeskCalendarPage  *self,
                                     const char        *path,
                                     GError           **error)
{
  DeskStore *store = desk_page_get_store (DESK_PAGE (self));
  gint64 brand_id = desk_page_get_brand_id (DESK_PAGE (self));
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);

  end = g_date_time_add_months (self->month, 1);
  posts = desk_store_query_posts (store, brand_id, self->month, end, error);
  if (posts == NULL || (csv = desk_csv_export (store, brand_id, posts, error)) == NULL)
    return FALSE;
  if (!g_file_set_contents (path, csv, -1, error))
    return FALSE;

  name = g_path_get_basename (path);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post exported to “%s”", "%u posts exported to “%s”", posts->len),
                             posts->len, name);
  toast (self, message, FALSE);
  return TRUE;
}

static void
import_dialog_imported_cb (DeskCalendarPage *self,
                           guint             n_posts)
{
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post imported", "%u posts imported", n_posts),
                                              n_posts);
  toast (self, message, FALSE);
}

/**
 * desk_calendar_page_preview_import:
 * @path: a CSV file
 *
 * Reads @path and shows what importing it would create, with every error
 * and its line, in a dialog that imports all of it or nothing.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL with @error
 *   set when the file cannot be read at all
 */
GtkWindow *
desk_calendar_page_preview_import (DeskCalendarPage  *self,
                                   const char        *path,
                                   GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DeskImportDialog *dialog;

  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), NULL);

  if ((text = desk_csv_load (path, error)) == NULL)
    return NULL;
  dir = g_path_get_dirname (path);
  rows = desk_csv_parse (desk_page_get_store (DESK_PAGE (self)), desk_page_get_brand_id (DESK_PAGE (self)),
                         text, dir, error);
  if (rows == NULL)
    return NULL;

  dialog = desk_import_dialog_new (desk_page_get_store (DESK_PAGE (self)), desk_page_get_brand_id (DESK_PAGE (self)), rows);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_dialog_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

typedef enum
{
  TRANSFER_EXPORT_ICS,
  TRANSFER_EXPORT_CSV,
  TRANSFER_IMPORT_CSV,
} Transfer;

static void
transfer_response_cb (GtkNativeDialog  *dialog,
                      int               response,
                      DeskCalendarPage *self)
{
  Transfer kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "transfer"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok = TRUE;

      if (path != NULL)
        {
          if (kind == TRANSFER_EXPORT_ICS)
            ok = desk_calendar_page_export_month (self, path, &error);
          else if (kind == TRANSFER_EXPORT_CSV)
            ok = desk_calendar_page_export_month_csv (self, path, &error);
          else
            ok = desk_calendar_page_preview_import (self, path, &error) != NULL;
        }
      if (!ok)
        toast (self, error->message, FALSE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
transfer_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (widget);
  Transfer kind = g_str_equal (action_name, "calendar.export-ics") ? TRANSFER_EXPORT_ICS
                : g_str_equal (action_name, "calendar.export-csv") ? TRANSFER_EXPORT_CSV
                : TRANSFER_IMPORT_CSV;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (kind == TRANSFER_IMPORT_CSV ? _("Import Posts") : _("Export the Month"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        kind == TRANSFER_IMPORT_CSV ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        kind == TRANSFER_IMPORT_CSV ? _("_Open") : _("_Export"), _("_Cancel"));
  if (kind == TRANSFER_EXPORT_ICS)
    {
      /* Translators: file name of an exported month, strftime format */
      g_autofree char *name = g_date_time_format (self->month, _("calendar-%Y-%m.ics"));

      gtk_file_filter_set_name (filter, _("iCalendar files"));
      gtk_file_filter_add_mime_type (filter, "text/calendar");
      gtk_file_filter_add_pattern (filter, "*.ics");
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
      if (kind == TRANSFER_EXPORT_CSV)
        {
          /* Translators: file name of a month exported as CSV, strftime format */
          g_autofree char *name = g_date_time_format (self->month, _("posts-%Y-%m.csv"));
          gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
        }
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_set_data (G_OBJECT (dialog), "transfer", GINT_TO_POINTER (kind));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (transfer_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * desk_calendar_page_unschedule_post:
 *
 * What a drop on the ideas tray does: the post leaves the calendar (its
 * time is forgotten, Undo brings it back).
 */
gboolean
desk_calendar_page_unschedule_post (DeskCalendarPage *self,
                                    DeskPost         *post)
{
  g_return_val_if_fail (DESK_IS_CALENDAR_PAGE (self), FALSE);
  g_return_val_if_fail (DESK_IS_POST (post), FALSE);

  if (desk_post_get_scheduled_at (post) == NULL)
    return FALSE;
  return apply_move (self, post, NULL, FALSE);
}

void
_desk_calendar_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, go_to_popover_show_cb);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, go_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, go_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, go_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);
  gtk_widget_class_install_action (widget_class, "calendar.go-to", NULL, go_to_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "calendar.go-to", NULL);
  gtk_widget_class_install_action (widget_class, "calendar.move-focused", "i", move_focused_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.export-ics", NULL, transfer_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.export-csv", NULL, transfer_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.import-csv", NULL, transfer_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.move-post-to", "(xx)", move_post_to_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.move-focused-minutes", "i", move_focused_minutes_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-focused-minutes", "i", -60);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "calendar.move-focused-minutes", "i", 60);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "calendar.move-focused", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "calendar.move-focused", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "calendar.move-focused", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "calendar.move-focused", "i", 7);

}

void
_desk_calendar_page_actions_init (DeskCalendarPage *self)
{
  g_signal_connect (self->go_to_calendar, "day-selected", G_CALLBACK (go_to_day_selected_cb), self);
  g_signal_connect_swapped (self->go_to_calendar, "notify::month", G_CALLBACK (go_to_page_turned_cb), self);
  g_signal_connect_swapped (self->go_to_calendar, "notify::year", G_CALLBACK (go_to_page_turned_cb), self);
  {
    GtkGesture *click = gtk_gesture_click_new ();
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* After the calendar's own: the day is selected by then */
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
    g_signal_connect (click, "released", G_CALLBACK (go_to_released_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->go_to_calendar), GTK_EVENT_CONTROLLER (click));
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (go_to_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->go_to_calendar), keys);
  }
  g_signal_connect_swapped (self->week_view, "drop-post", G_CALLBACK (week_drop_post_cb), self);
}
