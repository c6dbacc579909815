#include "cli_support.h"

#include "core/errors.h"
#include "import/import_paths.h"
#include "import/import_service.h"
#include "import/importer_registry.h"
#include "import/prometheus_live.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>

namespace headroom::cli {

namespace {

QJsonObject toJson(const ImportOutcome& o)
{
    QJsonObject metrics;
    for (auto it = o.metrics.cbegin(); it != o.metrics.cend(); ++it) metrics.insert(it.key(), it.value());
    QJsonArray warnings;
    for (const ImportWarning& w : o.warnings) {
        QJsonObject jw{{QStringLiteral("message"), w.message}};
        if (w.line > 0) jw.insert(QStringLiteral("line"), w.line);
        if (w.column > 0) jw.insert(QStringLiteral("column"), w.column);
        if (!w.jsonPath.isEmpty()) jw.insert(QStringLiteral("json_path"), w.jsonPath);
        warnings.append(jw);
    }
    return QJsonObject{{QStringLiteral("id"), o.datasetId},
                       {QStringLiteral("file"), o.file},
                       {QStringLiteral("format"), o.format},
                       {QStringLiteral("node"), o.node},
                       {QStringLiteral("duplicate"), o.duplicate},
                       {QStringLiteral("measurements"), o.measurements},
                       {QStringLiteral("series"), o.series},
                       {QStringLiteral("samples"), o.samples},
                       {QStringLiteral("lead_time_events"), o.leadTimeEvents},
                       {QStringLiteral("instance_types"), o.instanceTypes},
                       {QStringLiteral("metrics"), metrics},
                       {QStringLiteral("warnings"), warnings}};
}

QString describe(const ImportOutcome& o)
{
    if (o.duplicate)
        return QStringLiteral("%1: already imported as dataset %2 (same sha256); not stored again").arg(o.file).arg(o.datasetId);
    QString text = QStringLiteral("%1: dataset %2 (%3): %4 measurements, %5 series, %6 samples, %7 lead-time events")
                       .arg(o.file)
                       .arg(o.datasetId)
                       .arg(o.format)
                       .arg(o.measurements)
                       .arg(o.series)
                       .arg(o.samples)
                       .arg(o.leadTimeEvents);
    for (const ImportWarning& w : o.warnings)
        text += QStringLiteral("\n  warning: %1%2").arg(w.line > 0 ? QStringLiteral("line %1: ").arg(w.line) : w.jsonPath.isEmpty() ? QString() : w.jsonPath + QStringLiteral(": "), w.message);
    return text;
}

// --chunk and --aggregate applied to a query read from its URL.
PrometheusQuery queryWithOptions(PrometheusQuery q, const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("chunk"))) {
        bool ok = false;
        q.chunkS = parser.value(QStringLiteral("chunk")).toDouble(&ok);
        if (!ok || !(q.chunkS > 0))
            throw InputError(QStringLiteral("--chunk"), QStringLiteral("'%1'; expected seconds above 0").arg(parser.value(QStringLiteral("chunk"))));
    }
    q.aggregate = parser.value(QStringLiteral("aggregate"));
    return q;
}

}  // namespace

int runImport(const QStringList& args)
{
    QCommandLineParser parser;
    addWorkspaceOption(parser);
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("Input format, skipping detection: %1.")
                          .arg(ImporterRegistry::instance().names().join(QStringLiteral(", "))),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("node"), QStringLiteral("Node (host) the data was measured on."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("instance-type"), QStringLiteral("Instance type it ran on, as provider/name."),
                      QStringLiteral("P/T")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print {\"datasets\":[…]} as JSON on stdout.")});
    parser.addOption({QStringLiteral("chunk"), QStringLiteral("Prometheus range: ask for at most S seconds per request (default: up to a day, "
                                                              "10,000 points); memory holds one piece whatever the range."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("aggregate"), QStringLiteral("Prometheus range: summarise each step on the server (avg, max or min over the step) "
                                                                  "instead of taking one raw sample per step."), QStringLiteral("avg|max|min")});
    parser.addPositionalArgument(QStringLiteral("FILE|URL"), QStringLiteral("Files to import, each as one dataset (a folder: every file below it that Headroom reads); or a Prometheus API URL "
                                                "(http://host:9090/api/v1/query_range?query=…&start=…&end=…&step=…)."),
                                 QStringLiteral("FILE|URL…"));
    const int early = parseOrExit(parser, args,
        QStringLiteral("Import benchmark, load-test, monitoring and event files into a workspace. Each file is one "
                       "transaction: a file with an error leaves nothing behind; the same file twice is stored once."),
        1);
    if (early >= 0) return early;

    return guarded([&] {
        auto ws = openWorkspace(parser);
        QJsonArray datasets;
        int status = kOk;
        const ImportPaths inputs = expandImportPaths(parser.positionalArguments());
        for (const QString& skipped : inputs.skipped) {
            const QByteArray note = (QStringLiteral("headroom: note: %1: skipped, not a format Headroom reads\n").arg(skipped)).toUtf8();
            std::fwrite(note.constData(), 1, size_t(note.size()), stderr);
        }
        for (const QString& path : inputs.files) {
            ImportRequest request{path, parser.value(QStringLiteral("format")), parser.value(QStringLiteral("node")),
                                  parser.value(QStringLiteral("instance-type"))};
            try {
                // A URL is a Prometheus HTTP API query as copied from a browser or Grafana.
                const bool isUrl = path.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
                                   path.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
                const ImportOutcome outcome =
                    isUrl ? importPrometheusUrl(*ws, queryWithOptions(prometheusQueryFromUrl(path), parser)) : importFile(*ws, request);
                if (parser.isSet(QStringLiteral("json")))
                    datasets.append(toJson(outcome));
                else
                    printText(describe(outcome));
            } catch (const InputError& e) {
                printError(e.text());  // the other files still import
                status = kBadInput;
            }
        }
        if (parser.isSet(QStringLiteral("json"))) printJson(QJsonDocument(QJsonObject{{QStringLiteral("datasets"), datasets}}));
        return status;
    });
}

}  // namespace headroom::cli
