/* bench-kpi-workspace.h: the workspace of issue 15's benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-store.h"

gint64 bench_build_kpi_workspace (DeskStore *store);
