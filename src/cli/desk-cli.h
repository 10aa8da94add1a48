/* desk-cli.h: what the command-line tool's commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "desk-store.h"

G_BEGIN_DECLS

char     *desk_cli_terminal_safe (const char     *text,
                                  gboolean        one_line);
int       desk_cli_fail          (const char     *message);
gboolean  desk_cli_parse         (int            *argc,
                                  char         ***argv,
                                  const char     *name,
                                  const char     *parameter,
                                  GOptionEntry   *extra,
                                  char          **database,
                                  GError        **error);
DeskBrand *desk_cli_lookup_brand (DeskStore     *store,
                                  const char    *name,
                                  GError       **error);
gint64    desk_cli_find_brand    (DeskStore      *store,
                                  const char     *name,
                                  GError        **error);

/* A period of a brand in a read-only workspace (desk_cli_parse_period ()) */
typedef struct
{
  DeskStore *store;
  gint64     brand_id;
  GDateTime *from;
  GDateTime *to;       /* exclusive */
  char      *from_day; /* YYYY-MM-DD, as given */
  char      *to_day;   /* the last day, included */
  char      *output;   /* the output FILE, if the command takes one */
} DeskCliPeriod;

void      desk_cli_period_clear  (DeskCliPeriod  *period);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DeskCliPeriod, desk_cli_period_clear)
gboolean  desk_cli_parse_period  (int             argc,
                                  char          **argv,
                                  const char     *name,
                                  const char     *parameter,
                                  GOptionEntry   *extra,
                                  DeskCliPeriod  *period,
                                  GError        **error);

int       desk_cli_brands        (int             argc,
                                  char          **argv);
int       desk_cli_channels      (int             argc,
                                  char          **argv);
int       desk_cli_accounts      (int             argc,
                                  char          **argv);
int       desk_cli_sync          (int             argc,
                                  char          **argv);
int       desk_cli_outbox        (int             argc,
                                  char          **argv);
int       desk_cli_import_metrics (int            argc,
                                  char          **argv);
int       desk_cli_kpis          (int             argc,
                                  char          **argv);
int       desk_cli_export_report (int             argc,
                                  char          **argv);
int       desk_cli_import_notifications (int      argc,
                                  char          **argv);
int       desk_cli_inbox         (int             argc,
                                  char          **argv);

G_END_DECLS
