/* desk-editor.h: the Compose page's post editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"
#include "desk-checks.h"

G_BEGIN_DECLS

/* How long after the last keystroke the checks run */
#define DESK_EDITOR_CHECK_DELAY_MS 25

#define DESK_TYPE_EDITOR (desk_editor_get_type ())
G_DECLARE_FINAL_TYPE (DeskEditor, desk_editor, DESK, EDITOR, GtkWidget)

DeskEditor *desk_editor_new              (DeskStore   *store);
gboolean    desk_editor_load             (DeskEditor  *self,
                                          gint64       brand_id,
                                          DeskPost    *post,
                                          GError     **error);
DeskPost   *desk_editor_get_post         (DeskEditor  *self);
gboolean    desk_editor_save             (DeskEditor  *self,
                                          GError     **error);
gboolean    desk_editor_is_dirty         (DeskEditor  *self);

/* For tests and the bench */
GtkTextView *desk_editor_get_text_view   (DeskEditor  *self);
gboolean    desk_editor_add_image        (DeskEditor  *self,
                                          const char  *path,
                                          GError     **error);
void        desk_editor_set_alt          (DeskEditor  *self,
                                          guint        index,
                                          const char  *alt);
guint       desk_editor_get_n_images     (DeskEditor  *self);
void        desk_editor_set_channel_active (DeskEditor *self,
                                          gint64       channel_id,
                                          gboolean     active);
void        desk_editor_run_checks       (DeskEditor  *self);
GPtrArray  *desk_editor_get_findings     (DeskEditor  *self);
gboolean    desk_editor_apply_fix        (DeskEditor  *self,
                                          guint        index);
gboolean    desk_editor_is_measuring     (DeskEditor  *self);
gboolean    desk_editor_add_design       (DeskEditor  *self,
                                          const char  *json,
                                          GError     **error);
char       *desk_editor_dup_counter_text (DeskEditor  *self,
                                          DeskNetwork  network);
gboolean    desk_editor_text_has_overflow_mark (DeskEditor *self);
void        desk_editor_show_preview     (DeskEditor  *self);
GtkWidget  *desk_editor_get_preview      (DeskEditor  *self);

G_END_DECLS
