/* desk-reports-page.h: KPI totals per channel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "desk-page.h"

G_BEGIN_DECLS

#define DESK_TYPE_REPORTS_PAGE (desk_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskReportsPage, desk_reports_page, DESK, REPORTS_PAGE, DeskPage)

DeskReportsPage *desk_reports_page_new (DeskStore *store);

G_END_DECLS
