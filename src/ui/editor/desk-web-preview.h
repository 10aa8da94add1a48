/* desk-web-preview.h: the preview's web view, in a module loaded on first
 * use (WebKitGTK and its hundred libraries cost ~80 ms at start-up)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the module exports */
typedef GtkWidget *(*DeskWebPreviewNew)      (void);
typedef void       (*DeskWebPreviewLoadHtml) (GtkWidget  *view,
                                              const char *html);

GtkWidget *desk_web_preview_new       (void);
void       desk_web_preview_load_html (GtkWidget  *view,
                                       const char *html);

G_END_DECLS
