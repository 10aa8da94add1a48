/* desk-editor-private.h: what the editor's companion files share
 *
 * desk-editor.c holds the text, channels, counters, preview, snippets,
 * loading and saving; desk-editor-images.c the images, their alt texts
 * and designs; desk-editor-findings.c the checks and their fixes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-checks.h"
#include "desk-draft.h"
#include "desk-editor.h"
#include "desk-sends-group.h"

G_BEGIN_DECLS

#define CHECK_DELAY_MS DESK_EDITOR_CHECK_DELAY_MS
#define AUTOSAVE_SECONDS 3

typedef struct
{
  gint64     media_id;
  char      *path;
  char      *design;        /* JSON, or NULL */
  GPtrArray *design_findings;
  GtkEntry  *alt_entry;     /* owned by its row */
  char      *alt;           /* until the row exists */
} Attachment;

typedef struct
{
  DeskFinding *finding;
  gint64       channel_id;  /* the text it concerns: 0 shared, else a channel's own */
  int          image;       /* for layer findings: the image of the design */
} EditorFinding;

struct _DeskEditor
{
  GtkWidget       parent_instance;

  DeskStore      *store;
  DeskPost       *post;            /* our copy, saved into the store */
  gint64          brand_id;
  GListModel     *channels;        /* the brand's DeskChannel */
  char           *palette;
  char           *charter_data;
  DeskDraft      *draft;           /* what the checks read; parses the charter once */
  GArray         *active;          /* gint64 channel ids */
  GtkTextBuffer  *shared_buffer;
  GHashTable     *own_buffers;     /* gint64 channel id → GtkTextBuffer */
  gint64          current;         /* channel whose text is shown; 0: shared */
  GPtrArray      *attachments;     /* Attachment */
  GPtrArray      *findings;        /* EditorFinding */
  GPtrArray      *snippets;        /* DeskSnippet */
  char           *findings_shown;  /* what the list shows, to skip identical rebuilds */
  char           *counters_shown;
  guint           check_id;
  guint           autosave_id;
  gboolean        dirty;
  gboolean        loading;
  guint           measuring;       /* designs being measured in a thread */
  GtkWidget      *web_view;       /* from the preview module, on first use */

  GtkPaned       *paned;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkEntry       *title_entry;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *campaign_dropdown;
  GArray         *campaign_ids;    /* position in campaign_dropdown → id (0: none) */
  GtkMenuButton  *schedule_button;
  GtkPopover     *schedule_popover;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  GtkFlowBox     *channels_box;
  DeskSendsGroup *sends_group;
  GtkBox         *variant_buttons;
  GtkCheckButton *own_text_check;
  GtkTextView    *text_view;
  GtkCheckButton *utm_check;
  GtkLabel       *utm_label;
  GtkFlowBox     *counters_box;
  GtkListBox     *snippets_list;
  GtkEntry       *snippet_name_entry;
  GtkLabel       *images_hint;
  GtkListBox     *images_list;
  GtkGrid        *alt_grid;
  GtkStack       *side_stack;
  GtkLabel       *findings_summary;
  GtkListBox     *findings_list;
  GtkBox         *preview_box;
  GtkDropDown    *preview_dropdown;
};

/* Findings and matches give byte offsets in the text; the buffer counts
 * characters. Moving forward from the last position keeps a scan of the
 * text linear. */
typedef struct
{
  const char *text;
  int         byte;
  int         chars;
} ByteCursor;

void _desk_editor_add_images_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter);
const char *_desk_editor_attachment_alt (Attachment *attachment);
void _desk_editor_attachment_free (Attachment *attachment);
GtkTextBuffer *_desk_editor_buffer_for (DeskEditor *self,
                                        gint64      channel_id);
char *_desk_editor_buffer_text (GtkTextBuffer *buffer);
const char *_desk_editor_campaign_name (DeskEditor *self);
void _desk_editor_design_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter);
DeskChannel *_desk_editor_find_channel (DeskEditor *self,
                                        gint64      id);
void _desk_editor_iter_at_byte (GtkTextBuffer *buffer,
                                ByteCursor    *cursor,
                                int            byte,
                                GtkTextIter   *iter);
void _desk_editor_mark_dirty (DeskEditor *self);
void _desk_editor_mark_overflow (DeskEditor *self);
void _desk_editor_measure_design (DeskEditor *self,
                                  Attachment *attachment);
gboolean _desk_editor_on_drop (GtkDropTarget *target,
                               const GValue  *value,
                               double         x,
                               double         y,
                               DeskEditor    *self);
void _desk_editor_on_finding_activated (GtkListBox    *box,
                                        GtkListBoxRow *row,
                                        DeskEditor    *self);
void _desk_editor_open_design (DeskEditor *self,
                               int         image,
                               int         layer);
gboolean _desk_editor_place_design (DeskEditor  *self,
                                    const char  *json,
                                    int          replace,
                                    GError     **error);
void _desk_editor_rebuild_images (DeskEditor *self);
void _desk_editor_rebuild_variant_buttons (DeskEditor *self);
void _desk_editor_schedule_checks (DeskEditor *self);
void _desk_editor_show_error (DeskEditor *self,
                              const char *message);
void _desk_editor_show_variant (DeskEditor *self,
                                gint64      channel_id);
void _desk_editor_update_counters (DeskEditor *self,
                                   GPtrArray  *texts);
void _desk_editor_update_preview (DeskEditor *self);
void _desk_editor_update_utm_label (DeskEditor *self,
                                    GPtrArray  *texts);

G_END_DECLS
