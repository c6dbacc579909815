#include "pyperf_importer.h"

#include "core/errors.h"
#include "core/json_input.h"
#include "gzip_input.h"
#include "tool_text.h"
#include "units.h"

#include <QBuffer>
#include <QJsonArray>
#include <cmath>

namespace headroom {

namespace {

QString unitSuffix(const QString& unit)
{
    if (unit == QLatin1String("byte")) return QStringLiteral("_bytes");
    if (unit == QLatin1String("integer")) return QString();
    return QStringLiteral("_s");
}

}  // namespace

int PyperfImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (isGzip(head)) return fileName.endsWith(QLatin1String(".json.gz"), Qt::CaseInsensitive) ? 60 : 0;
    const QByteArray h = tooltext::withoutBom(head);
    if (!h.trimmed().startsWith('{') || !h.contains("\"benchmarks\"")) return 0;
    if (h.contains("\"runs\"") || h.contains("\"perf_version\"") || h.contains("\"pyperf_version\"") ||
        h.contains("\"performance_version\""))
        return 90;
    return 40;
}

ImportResult PyperfImporter::parse(QIODevice& in, const ImportContext& context) const
{
    // pyperf writes *.json.gz when the output name ends in .gz.
    QByteArray bytes;
    if (isGzip(in.peek(2))) {
        QBuffer inflated;
        inflated.setData(gunzip(in.readAll(), context.fileName));
        inflated.open(QIODevice::ReadOnly);
        bytes = tooltext::read(inflated, context, QStringLiteral("pyperf JSON (inside the .gz)"));
    } else {
        bytes = tooltext::read(in, context, QStringLiteral("pyperf JSON"));
    }
    const QJsonDocument doc = json::parseDocument(bytes, context.fileName, false);
    const json::Path rootPath(context.fileName);
    if (!doc.isObject()) rootPath.fail(QStringLiteral("expected a pyperf result object with \"benchmarks\""));
    const QJsonObject root = doc.object();
    const json::Path bp = rootPath.key(QStringLiteral("benchmarks"));
    if (!root.contains(QStringLiteral("benchmarks"))) bp.fail(QStringLiteral("missing; expected pyperf's array of benchmarks"));
    const QJsonArray benchmarks = bp.array(root.value(QStringLiteral("benchmarks")));
    const QJsonObject common = root.value(QStringLiteral("metadata")).toObject();

    ImportResult r;
    r.format = name();
    r.node = common.value(QStringLiteral("hostname")).toString();
    const QString pyperfVersion = common.value(QStringLiteral("perf_version")).toString(common.value(QStringLiteral("pyperf_version")).toString());
    r.toolVersion = pyperfVersion.isEmpty() ? QStringLiteral("pyperf") : QStringLiteral("pyperf ") + pyperfVersion;
    for (const char* key : {"python_version", "cpu_model_name", "platform", "performance_version"})
        if (common.contains(QLatin1String(key))) r.labels.insert(QLatin1String(key), common.value(QLatin1String(key)));

    for (qsizetype i = 0; i < benchmarks.size(); ++i) {
        const json::Path p = bp.index(i);
        const QJsonObject bench = p.object(benchmarks.at(i));
        // Benchmark metadata overrides the file's; perf 0.7–0.9 (2016) kept it in "common_metadata".
        QJsonObject meta = common;
        for (const char* key : {"common_metadata", "metadata"}) {
            const QJsonObject own = bench.value(QLatin1String(key)).toObject();
            for (auto it = own.begin(); it != own.end(); ++it) meta.insert(it.key(), it.value());
        }
        const QString benchName = meta.value(QStringLiteral("name")).toString();
        if (benchName.isEmpty()) p.key(QStringLiteral("metadata")).key(QStringLiteral("name")).fail(QStringLiteral("expected the benchmark's name"));
        const QString suffix = unitSuffix(meta.value(QStringLiteral("unit")).toString(QStringLiteral("second")));

        std::vector<double> values;
        const json::Path rp = p.key(QStringLiteral("runs"));
        const QJsonArray runs = rp.array(bench.value(QStringLiteral("runs")));
        for (qsizetype k = 0; k < runs.size(); ++k) {
            const QJsonObject run = rp.index(k).object(runs.at(k));
            // perf before 1.0 called the values "samples".
            const QString key = run.contains(QStringLiteral("values")) ? QStringLiteral("values") : QStringLiteral("samples");
            if (!run.contains(key)) continue;  // calibration run
            const json::Path vp = rp.index(k).key(key);
            const QJsonArray vals = vp.array(run.value(key));
            for (qsizetype j = 0; j < vals.size(); ++j) values.push_back(vp.index(j).number(vals.at(j)));
        }
        if (values.empty()) {
            ImportWarning w;
            w.jsonPath = rp.str();
            w.message = QStringLiteral("benchmark '%1' has no values (calibration only)").arg(benchName);
            r.warnings << w;
            continue;
        }
        double sum = 0;
        for (const double v : values) sum += v;
        const double mean = sum / double(values.size());
        double ss = 0;
        for (const double v : values) ss += (v - mean) * (v - mean);
        // Sample standard deviation, as pyperf reports it.
        const double stdev = values.size() > 1 ? std::sqrt(ss / double(values.size() - 1)) : 0.0;
        const QString slug = units::metricSlug(benchName);
        const QJsonObject labels{{QStringLiteral("benchmark"), benchName}, {QStringLiteral("values"), qint64(values.size())}};
        const QString unit = suffix == QLatin1String("_s") ? QStringLiteral("s") : suffix == QLatin1String("_bytes") ? QStringLiteral("bytes") : QString();
        for (const auto& [what, v] : {std::pair{QStringLiteral("mean"), mean}, std::pair{QStringLiteral("stdev"), stdev}}) {
            const QString metric = QStringLiteral("py.%1_%2%3").arg(slug, what, suffix);
            r.measurements << Measurement{QString(), metric, v, unit, labels};
            r.metrics.insert(metric, v);
        }
    }
    return r;
}

}  // namespace headroom
