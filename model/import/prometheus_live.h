#pragma once
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>
#include <atomic>

namespace headroom {

// A query against a Prometheus server's HTTP API (/api/v1/query_range, or /api/v1/query when
// no range is given).
struct PrometheusQuery {
    QUrl server;          // http(s)://host:port[/prefix]; user:password in it are sent, never stored
    QString promql;
    QDateTime start;      // both valid: a range query
    QDateTime end;        // only `end` (or neither): an instant query at that time (or now)
    double stepS = 15;
    QString username;     // basic authentication
    QString password;
    QString bearerToken;  // "Authorization: Bearer …" (wins over basic)
    int timeoutMs = 30000;                  // the whole exchange, redirects included
    qint64 maxBytes = 256LL * 1024 * 1024;  // larger answers are refused
    int maxRedirects = 3;                   // only to the same scheme, host and port
    // Long ranges are asked for in consecutive pieces of at most this many seconds (0: 10,000
    // steps, within Prometheus' 11,000 points per answer), each parsed and stored before the
    // next is fetched, so memory holds one piece whatever the range (prometheus_range_import.h).
    double chunkS = 0;
    // Server-side aggregation to the step: "avg", "max" or "min" wraps the query in
    // avg_over_time(…[STEP]) etc., so each point summarises the whole step instead of being
    // one raw sample at its end. Empty: the query as written.
    QString aggregate;
};

// The request URL without credentials: what datasets record as their source.
QString prometheusSourceUrl(const PrometheusQuery& query);

// Reads a query from an API URL as users copy it from a browser or Grafana, e.g.
// http://host:9090/api/v1/query_range?query=up&start=…&end=…&step=15 (times as Unix seconds
// or RFC 3339). Throws InputError for anything else.
PrometheusQuery prometheusQueryFromUrl(const QString& url);

// Runs the query and returns the answer's body. Blocks in a local event loop, so it works on
// any thread with or without a running event loop. Throws InputError for a bad URL, a refused
// connection, a timeout, an HTTP error (with Prometheus' own message when it sends one), a
// redirect to another host, or an answer over maxBytes; Cancelled when `cancel` turns true.
QByteArray fetchPrometheus(const PrometheusQuery& query, const std::atomic<bool>* cancel = nullptr);

}  // namespace headroom
