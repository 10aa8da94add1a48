/* desk-page.h: base class of the main window's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_PAGE (desk_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (DeskPage, desk_page, DESK, PAGE, GtkWidget)

struct _DeskPageClass
{
  GtkWidgetClass parent_class;

  /* Reads what the page shows for its brand; called when the page is
   * shown after the brand changed, never for a page nobody looks at. */
  void (*reload) (DeskPage *self);
};

DeskStore *desk_page_get_store    (DeskPage *self);
gint64     desk_page_get_brand_id (DeskPage *self);
void       desk_page_set_brand_id (DeskPage *self,
                                   gint64    brand_id);
void       desk_page_reload       (DeskPage *self);
void       desk_page_invalidate   (DeskPage *self);

G_END_DECLS
