/* mastodon-fake.c: the Mastodon contract server as a program, for the
 * command line's tests: prints its address, serves until its standard
 * input closes. MASTODON_FAKE_NOTIFICATIONS sets how many notifications
 * it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib-unix.h>

#include "mastodon-server.h"

static gboolean
stdin_closed_cb (gint         fd,
                 GIOCondition condition,
                 gpointer     data)
{
  char buffer[64];

  if ((condition & G_IO_IN) && read (fd, buffer, sizeof buffer) > 0)
    return G_SOURCE_CONTINUE;
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
main (void)
{
  g_autoptr(MastodonServer) server = mastodon_server_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  const char *n = g_getenv ("MASTODON_FAKE_NOTIFICATIONS");

  server->n_notifications = n ? (guint) atoi (n) : 0;
  printf ("%s\n", server->url);
  fflush (stdout);
  g_unix_fd_add (0, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_closed_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
