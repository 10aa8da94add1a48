/* ui-helpers.h: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "desk-application.h"
#include "desk-calendar-page.h"
#include "desk-demo.h"
#include "desk-store.h"
#include "desk-window.h"

typedef gboolean (*WidgetTest) (GtkWidget *widget,
                                gpointer   data);

void       spin              (void);
void       wait_mapped       (GtkWidget  *widget);
gpointer   find_toplevel     (GType       type);
gpointer   template_child    (gpointer    widget,
                              GType       type,
                              const char *name);
gboolean   in_reach          (GtkWidget  *widget);
GtkWidget *find_descendant   (GtkWidget  *root,
                              WidgetTest  test,
                              gpointer    data);
GtkWidget *find_widget       (GtkWidget  *widget,
                              GType       type);
GtkEventController *find_controller (GtkWidget           *widget,
                                     GType                type,
                                     GtkPropagationPhase  phase);
void       wait_painted      (GtkWidget  *window);
void       wait_allocated    (GtkWidget  *widget);
void       assert_screenshot (GtkWidget  *window,
                              const char *path);

/* A workspace in a folder of its own and its window, as most UI tests
 * start */
typedef struct
{
  char       *dir;
  char       *path;
  DeskStore  *store;
  DeskWindow *window;
} UiWorkspace;

void              ui_workspace_create  (UiWorkspace        *w,
                                        const char         *name,
                                        gboolean            demo,
                                        const DeskDemoSize *size);
void              ui_workspace_present (UiWorkspace        *w,
                                        DeskApplication    *app,
                                        int                 width,
                                        int                 height);
void              ui_workspace_close   (UiWorkspace        *w);
DeskCalendarPage *ui_calendar_page     (DeskWindow         *window);
