/* desk-http-client.h: the one HTTP client of the sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define DESK_HTTP_ERROR (desk_http_error_quark ())

typedef enum
{
  DESK_HTTP_ERROR_INSECURE,      /* plain http:// to a host that is not this machine */
  DESK_HTTP_ERROR_INVALID_URI,
  DESK_HTTP_ERROR_NETWORK,       /* no connection, refused, dropped, TLS */
  DESK_HTTP_ERROR_TIMEOUT,
  DESK_HTTP_ERROR_UNAUTHORIZED,  /* 401/403: the account must be reconnected */
  DESK_HTTP_ERROR_RATE_LIMITED,  /* 429 after the retries */
  DESK_HTTP_ERROR_SERVER,        /* 5xx after the retries */
  DESK_HTTP_ERROR_REJECTED,      /* another 4xx: the server refused this request */
  DESK_HTTP_ERROR_MALFORMED,     /* an answer that is not what the API documents */
} DeskHttpError;

/* What the connectors hand the client: rebuilt as a new SoupMessage for
 * each attempt */
typedef struct _DeskHttpRequest DeskHttpRequest;

/* What came back: any HTTP status (the caller reads 4xx bodies) */
typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  guint               attempts;   /* 1 when the first try answered */
} DeskHttpResponse;

GQuark            desk_http_error_quark          (void);

gboolean          desk_http_check_uri            (const char         *uri,
                                                  GError            **error);
char             *desk_http_redact_uri           (const char         *uri);
gint64            desk_http_retry_delay_ms       (guint               status,
                                                  SoupMessageHeaders *headers,
                                                  guint               attempt,
                                                  guint               base_ms,
                                                  GDateTime          *now,
                                                  guint32             random);

DeskHttpRequest  *desk_http_request_new          (const char         *method,
                                                  const char         *uri,
                                                  GError            **error);
DeskHttpRequest  *desk_http_request_ref          (DeskHttpRequest    *request);
void              desk_http_request_unref        (DeskHttpRequest    *request);
const char       *desk_http_request_get_uri      (DeskHttpRequest    *request);
void              desk_http_request_set_header   (DeskHttpRequest    *request,
                                                  const char         *name,
                                                  const char         *value);
void              desk_http_request_set_body     (DeskHttpRequest    *request,
                                                  const char         *content_type,
                                                  GBytes             *body);
void              desk_http_request_set_json     (DeskHttpRequest    *request,
                                                  JsonNode           *node);
void              desk_http_request_set_form     (DeskHttpRequest    *request,
                                                  GHashTable         *fields);
void              desk_http_request_set_retry_safe (DeskHttpRequest  *request,
                                                  gboolean            retry_safe);

void              desk_http_response_free        (DeskHttpResponse   *response);
JsonNode         *desk_http_response_get_json    (DeskHttpResponse   *response,
                                                  GError            **error);
gboolean          desk_http_response_check       (DeskHttpResponse   *response,
                                                  GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskHttpRequest, desk_http_request_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskHttpResponse, desk_http_response_free)

#define DESK_TYPE_HTTP_CLIENT (desk_http_client_get_type ())
G_DECLARE_FINAL_TYPE (DeskHttpClient, desk_http_client, DESK, HTTP_CLIENT, GObject)

DeskHttpClient   *desk_http_client_new           (void);
SoupSession      *desk_http_client_get_session   (DeskHttpClient     *self);
void              desk_http_client_send_async    (DeskHttpClient     *self,
                                                  DeskHttpRequest    *request,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
DeskHttpResponse *desk_http_client_send_finish   (DeskHttpClient     *self,
                                                  GAsyncResult       *result,
                                                  GError            **error);

G_END_DECLS
