#include "prometheus_range_import.h"

#include "core/errors.h"
#include "dataset_writer.h"
#include "prometheus_json_importer.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>
#include <algorithm>
#include <cmath>
#include <map>

namespace headroom {

namespace {

// Prometheus refuses answers of more than 11,000 points per series; stay clear of it.
// The byte limit of one answer (PrometheusQuery::maxBytes) bounds what a piece holds in memory.
constexpr qint64 kMaxPointsPerPiece = 10000;

QString stepText(double stepS) { return QString::number(stepS, 'g', 12) + QLatin1Char('s'); }

}  // namespace

std::vector<PrometheusPiece> prometheusPieces(const PrometheusQuery& q)
{
    const qint64 startMs = q.start.toMSecsSinceEpoch(), endMs = q.end.toMSecsSinceEpoch();
    const qint64 stepMs = std::max<qint64>(1, std::llround(q.stepS * 1000));
    const qint64 pointsPerPiece =
        q.chunkS > 0 ? std::clamp<qint64>(qint64(std::floor(q.chunkS / q.stepS)), 1, kMaxPointsPerPiece) : kMaxPointsPerPiece;
    std::vector<PrometheusPiece> pieces;
    for (qint64 first = startMs; first <= endMs; first += pointsPerPiece * stepMs) {
        const qint64 last = std::min(endMs, first + (pointsPerPiece - 1) * stepMs);
        pieces.push_back({QDateTime::fromMSecsSinceEpoch(first, QTimeZone::utc()),
                          QDateTime::fromMSecsSinceEpoch(last, QTimeZone::utc())});
    }
    return pieces;
}

QString aggregatedPromql(const PrometheusQuery& q)
{
    if (q.aggregate.isEmpty()) return q.promql;
    static const QStringList known = {QStringLiteral("avg"), QStringLiteral("max"), QStringLiteral("min")};
    if (!known.contains(q.aggregate))
        throw InputError(q.server.toDisplayString(QUrl::RemoveUserInfo),
                         QStringLiteral("unknown aggregation '%1'; expected avg, max or min").arg(q.aggregate));
    // A plain selector (a metric name with optional {labels}) takes a range directly; anything
    // else needs a subquery, evaluated at the server's default resolution.
    static const QRegularExpression selector(QStringLiteral(R"(^\s*[a-zA-Z_:][a-zA-Z0-9_:]*\s*(\{[^{}]*\})?\s*$)"));
    const QString range = selector.match(q.promql).hasMatch()
                              ? QStringLiteral("%1[%2]").arg(q.promql.trimmed(), stepText(q.stepS))
                              : QStringLiteral("(%1)[%2:]").arg(q.promql.trimmed(), stepText(q.stepS));
    return QStringLiteral("%1_over_time(%2)").arg(q.aggregate, range);
}

ImportOutcome importPrometheusRange(Workspace& ws, const PrometheusQuery& query, const std::atomic<bool>* cancel,
                                    int* piecesFetched)
{
    PrometheusQuery whole = query;
    whole.promql = aggregatedPromql(query);
    const QString source = prometheusSourceUrl(whole);
    if (!(query.stepS > 0)) throw InputError(source, QStringLiteral("expected a step above 0 s"));
    if (query.end < query.start) throw InputError(source, QStringLiteral("the range ends before it starts"));
    const std::vector<PrometheusPiece> pieces = prometheusPieces(query);

    DatasetOrigin origin;
    origin.name = source;
    origin.source = source;
    origin.sha256 = QStringLiteral("pending:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 expected = qint64(query.start.secsTo(query.end) / query.stepS) + 1;
    StreamingDatasetWriter writer(ws, origin, QStringLiteral("prometheus-live"), expected, cancel);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // One stored series per label set, opened when it first appears in any piece.
    std::map<std::pair<QString, QByteArray>, qint64> opened;
    ImportResult rest;
    int fetched = 0;
    for (const PrometheusPiece& piece : pieces) {
        if (cancel && cancel->load()) throw Cancelled();
        PrometheusQuery part = whole;
        part.start = piece.start;
        part.end = piece.end;
        const QByteArray body = fetchPrometheus(part, cancel);
        ++fetched;
        hash.addData(body);
        ImportResult r = parsePrometheusJson(body, source, whole.promql);
        for (const Series& s : r.series) {
            const auto key = std::make_pair(s.node + QChar(0x1f) + s.metric + QChar(0x1f) + s.unit,
                                            QJsonDocument(s.labels).toJson(QJsonDocument::Compact));
            auto it = opened.find(key);
            if (it == opened.end()) it = opened.emplace(key, writer.openLabelledSeries(s.node, s.metric, s.unit, s.labels)).first;
            for (size_t i = 0; i < s.t.size(); ++i) writer.add(it->second, s.t[i], s.v[i]);
        }
        r.series.clear();
        if (fetched == 1) {
            rest = std::move(r);
        } else {
            for (const ImportWarning& w : r.warnings)
                if (std::none_of(rest.warnings.cbegin(), rest.warnings.cend(), [&](const ImportWarning& k) { return k.message == w.message; }))
                    rest.warnings.push_back(w);
        }
    }
    if (piecesFetched) *piecesFetched = fetched;
    if (writer.seriesCount() == 0)
        throw InputError(source, QStringLiteral("the query returned no series over the whole range; expected at least one"));
    rest.format = QStringLiteral("prometheus-live");
    ImportOutcome outcome;
    outcome.file = source;
    outcome.format = rest.format;
    outcome.series = qsizetype(writer.seriesCount());
    outcome.samples = qsizetype(writer.sampleCount());
    outcome.warnings = rest.warnings;
    qint64 duplicateOf = 0;
    outcome.datasetId = writer.finish(rest, QString::fromLatin1(hash.result().toHex()), &duplicateOf);
    if (duplicateOf > 0) {
        outcome.duplicate = true;
        outcome.datasetId = duplicateOf;
    }
    return outcome;
}

}  // namespace headroom
