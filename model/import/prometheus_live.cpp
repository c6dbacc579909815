#include "prometheus_live.h"

#include "core/errors.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QTimeZone>
#include <QUrlQuery>
#include <optional>

namespace headroom {

namespace {

QString secondsText(const QDateTime& t) { return QString::number(t.toMSecsSinceEpoch() / 1000.0, 'f', 3); }

QUrl requestUrl(const PrometheusQuery& q)
{
    QUrl url = q.server.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    const bool range = q.start.isValid() && q.end.isValid();
    url.setPath(url.path() + (range ? QStringLiteral("/api/v1/query_range") : QStringLiteral("/api/v1/query")));
    QUrlQuery params;
    params.addQueryItem(QStringLiteral("query"), q.promql);
    if (range) {
        params.addQueryItem(QStringLiteral("start"), secondsText(q.start));
        params.addQueryItem(QStringLiteral("end"), secondsText(q.end));
        params.addQueryItem(QStringLiteral("step"), QString::number(q.stepS));
    } else if (q.end.isValid()) {
        params.addQueryItem(QStringLiteral("time"), secondsText(q.end));
    }
    url.setQuery(params.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

void validate(const PrometheusQuery& q)
{
    const QString where = q.server.toDisplayString(QUrl::RemoveUserInfo);
    if (!q.server.isValid() || q.server.host().isEmpty())
        throw InputError(where, QStringLiteral("expected a server URL such as http://localhost:9090"));
    const QString scheme = q.server.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        throw InputError(where, QStringLiteral("expected an http:// or https:// URL, got '%1:'").arg(scheme));
    if (q.promql.trimmed().isEmpty()) throw InputError(where, QStringLiteral("expected a PromQL query"));
    if (q.start.isValid() != q.end.isValid() && q.start.isValid())
        throw InputError(where, QStringLiteral("a range needs both start and end"));
    if (q.start.isValid() && q.end.isValid()) {
        if (q.end < q.start) throw InputError(where, QStringLiteral("the range ends before it starts"));
        if (!(q.stepS > 0)) throw InputError(where, QStringLiteral("expected a step above 0 s"));
        // Prometheus itself refuses more than 11,000 points per series; say so before asking.
        if (q.start.secsTo(q.end) / q.stepS > 11000)
            throw InputError(where, QStringLiteral("%1 points per series; Prometheus allows 11000 (raise the step or narrow the range)")
                                        .arg(qint64(q.start.secsTo(q.end) / q.stepS)));
    }
}

std::optional<QDateTime> parseApiTime(const QString& text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok) return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000), QTimeZone::utc());
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid()) return t;
    return std::nullopt;
}

QString errorFromBody(const QByteArray& body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (o.value(QStringLiteral("status")).toString() == QLatin1String("error"))
        return QStringLiteral("%1: %2").arg(o.value(QStringLiteral("errorType")).toString(), o.value(QStringLiteral("error")).toString());
    return QString::fromUtf8(body.left(200)).simplified();
}

}  // namespace

QString prometheusSourceUrl(const PrometheusQuery& query) { return requestUrl(query).toString(QUrl::FullyEncoded); }

PrometheusQuery prometheusQueryFromUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    PrometheusQuery q;
    QString path = url.path();
    const QUrlQuery params(url);
    const bool range = path.endsWith(QLatin1String("/api/v1/query_range"));
    if (!range && !path.endsWith(QLatin1String("/api/v1/query")))
        throw InputError(url.toDisplayString(QUrl::RemoveUserInfo),
                         QStringLiteral("expected a Prometheus API URL ending in /api/v1/query_range or /api/v1/query"));
    path.chop(range ? 19 : 13);
    q.server = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    q.server.setPath(path);
    q.username = url.userName();
    q.password = url.password();
    q.promql = params.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
    auto timeParam = [&](const char* name) -> QDateTime {
        const QString v = params.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
        if (v.isEmpty()) return {};
        const auto t = parseApiTime(v);
        if (!t) throw InputError(url.toDisplayString(QUrl::RemoveUserInfo),
                                 QStringLiteral("'%1' is \"%2\"; expected Unix seconds or an RFC 3339 time").arg(QLatin1String(name), v));
        return *t;
    };
    if (range) {
        q.start = timeParam("start");
        q.end = timeParam("end");
        bool ok = false;
        const QString step = params.queryItemValue(QStringLiteral("step"));
        q.stepS = step.toDouble(&ok);
        if (!ok) throw InputError(url.toDisplayString(QUrl::RemoveUserInfo), QStringLiteral("'step' is \"%1\"; expected seconds").arg(step));
    } else {
        q.end = timeParam("time");
    }
    validate(q);
    return q;
}

QByteArray fetchPrometheus(const PrometheusQuery& query, const std::atomic<bool>* cancel)
{
    validate(query);
    PrometheusQuery q = query;
    if (q.username.isEmpty() && !q.server.userName().isEmpty()) {
        q.username = q.server.userName();
        q.password = q.server.password();
    }
    QUrl url = requestUrl(q);
    const QUrl origin = url;
    QNetworkAccessManager nam;
    QElapsedTimer clock;
    clock.start();
    for (int hop = 0;; ++hop) {
        const QString where = url.toString(QUrl::FullyEncoded);
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setRawHeader("Accept", "application/json");
        if (!q.bearerToken.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + q.bearerToken.toUtf8());
        else if (!q.username.isEmpty())
            request.setRawHeader("Authorization", "Basic " + (q.username + QLatin1Char(':') + q.password).toUtf8().toBase64());

        QNetworkReply* reply = nam.get(request);
        QByteArray body;
        bool timedOut = false, tooLarge = false, cancelled = false;
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, &loop, [&] { timedOut = true; reply->abort(); });
        deadline.start(std::max<qint64>(1, q.timeoutMs - clock.elapsed()));
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (cancel && cancel->load()) {
                cancelled = true;
                reply->abort();
            }
        });
        poll.start(50);
        QObject::connect(reply, &QNetworkReply::metaDataChanged, &loop, [&] {
            const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
            if (length.isValid() && length.toLongLong() > q.maxBytes) {
                tooLarge = true;
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
            body += reply->readAll();
            if (body.size() > q.maxBytes) {
                tooLarge = true;
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished()) loop.exec();
        if (!tooLarge && !timedOut && !cancelled) body += reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError error = reply->error();
        const QString errorText = reply->errorString();
        const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        reply->deleteLater();

        if (cancelled) throw Cancelled();
        if (timedOut)
            throw InputError(where, QStringLiteral("no complete answer within %1 s; expected Prometheus to answer (narrow the query: a shorter range, a larger step or an aggregation)")
                                        .arg(q.timeoutMs / 1000.0));
        if (tooLarge)
            throw InputError(where, QStringLiteral("the answer is larger than the %1 MiB limit; narrow the range, raise the step or aggregate the query")
                                        .arg(q.maxBytes / (1024.0 * 1024.0), 0, 'f', 1));
        if (status >= 300 && status < 400) {
            const QUrl next = url.resolved(target);
            if (next.scheme() != origin.scheme() || next.host() != origin.host() || next.port() != origin.port())
                throw InputError(where, QStringLiteral("redirected to another server (%1); refused so that credentials and queries stay with %2")
                                            .arg(next.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), origin.host()));
            if (hop >= q.maxRedirects) throw InputError(where, QStringLiteral("more than %1 redirects").arg(q.maxRedirects));
            url = next;
            continue;
        }
        if (status >= 400)
            throw InputError(where, QStringLiteral("HTTP %1 from Prometheus: %2").arg(status).arg(errorFromBody(body)));
        // Qt reports a compressed answer that expands beyond its safety ratio (a compression
        // bomb) as "Decompression failed: " with nothing after it; say what happened.
        if (errorText.trimmed().endsWith(QLatin1String("Decompression failed:")))
            throw InputError(where, QStringLiteral("the server's compressed answer could not be unpacked: it expands far "
                                                   "beyond its compressed size (a compression bomb?) or is damaged"));
        if (error != QNetworkReply::NoError || status == 0)
            throw InputError(where, QStringLiteral("cannot read from the server: %1").arg(errorText));
        return body;
    }
}

}  // namespace headroom
