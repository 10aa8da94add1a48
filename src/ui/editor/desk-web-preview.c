/* desk-web-preview.c: the preview's web view (a loadable module)
 *
 * An inert WebKitWebView: JavaScript off (page and markup), an ephemeral
 * network session (no cookies, cache or storage on disk), and every
 * navigation refused but the page loaded by the editor itself. The page
 * (desk-preview.c) also carries a Content-Security-Policy that forbids
 * scripts and remote loads.
 *
 * Built as a module the editor opens with GModule when the Preview tab is
 * first shown, so that starting the app does not load WebKitGTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "desk-web-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "desk-web-preview.h"

static gboolean
on_decide_policy (WebKitWebView            *view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  gpointer                  user_data)
{
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION)
    {
      WebKitNavigationPolicyDecision *navigation = WEBKIT_NAVIGATION_POLICY_DECISION (decision);
      WebKitNavigationAction *action = webkit_navigation_policy_decision_get_navigation_action (navigation);
      const char *uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

      /* Only the page the editor loads itself */
      if (g_strcmp0 (uri, "about:blank") == 0)
        return FALSE;
    }
  webkit_policy_decision_ignore (decision);
  return TRUE;
}

G_MODULE_EXPORT GtkWidget *
desk_web_preview_new (void)
{
  g_autoptr(WebKitSettings) settings = webkit_settings_new ();
  g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  GtkWidget *view;

  webkit_settings_set_enable_javascript (settings, FALSE);
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_auto_load_images (settings, TRUE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "settings", settings, "network-session", session, NULL);
  g_signal_connect (view, "decide-policy", G_CALLBACK (on_decide_policy), NULL);
  return view;
}

G_MODULE_EXPORT void
desk_web_preview_load_html (GtkWidget  *view,
                            const char *html)
{
  g_return_if_fail (WEBKIT_IS_WEB_VIEW (view));
  /* about:blank: no base from which anything could be fetched */
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (view), html, "about:blank");
}
