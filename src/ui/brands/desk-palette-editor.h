/* desk-palette-editor.h: a brand's colours, one row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_PALETTE_EDITOR (desk_palette_editor_get_type ())
G_DECLARE_FINAL_TYPE (DeskPaletteEditor, desk_palette_editor, DESK, PALETTE_EDITOR, AdwPreferencesGroup)

GtkWidget  *desk_palette_editor_new         (void);
const char *desk_palette_editor_get_palette (DeskPaletteEditor *self);
void        desk_palette_editor_set_palette (DeskPaletteEditor *self,
                                             const char        *palette);

G_END_DECLS
