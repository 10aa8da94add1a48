/* core-helpers.h: what the core tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A workspace path in a new folder of its own */
typedef struct
{
  char *dir;
  char *path;
} Fixture;

void  fixture_set_up    (Fixture       *f,
                         gconstpointer  data);
void  fixture_tear_down (Fixture       *f,
                         gconstpointer  data);
void  remove_tree       (const char    *path);
char *file_checksum     (const char    *path);

G_END_DECLS
