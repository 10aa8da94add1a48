/* desk-csv.h: posts to and from CSV (a month prepared in a spreadsheet)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint     line;        /* in the file, from 1 */
  DeskPost *post;        /* NULL when the row has an error */
  char     *image;       /* absolute path, or NULL */
  char     *error;       /* what is wrong with the row, or NULL */
} DeskCsvRow;

/* One record of a CSV text, as desk_csv_split () reads it */
typedef struct
{
  guint      line;       /* where it starts in the file, from 1 */
  GPtrArray *fields;     /* (element-type utf8) */
} DeskCsvRecord;

void       desk_csv_row_free   (DeskCsvRow  *row);

char      *desk_csv_load       (const char  *path,
                                GError     **error);
GPtrArray *desk_csv_split      (const char  *text,
                                char         delimiter,
                                GError     **error);
GPtrArray *desk_csv_parse      (DeskStore   *store,
                                gint64       brand_id,
                                const char  *text,
                                const char  *base_dir,
                                GError     **error);
guint      desk_csv_count_errors (GPtrArray *rows);
gboolean   desk_csv_import     (DeskStore   *store,
                                gint64       brand_id,
                                GPtrArray   *rows,
                                GError     **error);
char      *desk_csv_export     (DeskStore   *store,
                                gint64       brand_id,
                                GPtrArray   *posts,
                                GError     **error);

G_END_DECLS
