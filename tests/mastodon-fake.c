/* mastodon-fake.c: the Mastodon contract server as a program, for the
 * command line's tests: prints its address, serves until its standard
 * input closes. MASTODON_FAKE_NOTIFICATIONS sets how many notifications
 * it has. Lines on standard input steer it: "hang" (the next status is
 * made and never answered; "created ID" is printed then), "count"
 * (prints "statuses N").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib-unix.h>

#include "mastodon-server.h"

static MastodonServer *server;

static void
created (const char *id)
{
  printf ("created %s\n", id);
  fflush (stdout);
}

static gboolean
stdin_closed_cb (gint         fd,
                 GIOCondition condition,
                 gpointer     data)
{
  char buffer[64];
  ssize_t n;

  if ((condition & G_IO_IN) && (n = read (fd, buffer, sizeof buffer - 1)) > 0)
    {
      buffer[n] = '\0';
      if (strstr (buffer, "hang") != NULL)
        server->fail_next_status = MASTODON_FAIL_HANG_AFTER_CREATE;
      if (strstr (buffer, "count") != NULL)
        {
          printf ("statuses %u\n", server->statuses->len);
          fflush (stdout);
        }
      return G_SOURCE_CONTINUE;
    }
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
main (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  const char *n = g_getenv ("MASTODON_FAKE_NOTIFICATIONS");

  server = mastodon_server_new ();
  server->created = created;

  server->n_notifications = n ? (guint) atoi (n) : 0;
  printf ("%s\n", server->url);
  fflush (stdout);
  g_unix_fd_add (0, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_closed_cb, loop);
  g_main_loop_run (loop);
  mastodon_server_free (server);
  return 0;
}
