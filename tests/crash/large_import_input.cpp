#include "large_import_input.h"

#include "crash_harness.h"
#include "support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <cmath>

namespace headroom::crash {

namespace {

const char* const kFioFixture = "fio/gcsfuse_fio-3.30_multiple_jobs.json";

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The fixture's jobs repeated (with distinct names) until the document holds `copies` jobs.
QByteArray bigFioJson(int copies)
{
    const QString fixture = test::fixturePath(QString::fromLatin1(kFioFixture));
    if (fixture.isEmpty()) return {};
    QJsonParseError error;
    QJsonObject doc = QJsonDocument::fromJson(test::readFile(fixture), &error).object();
    const QJsonArray jobs = doc.value(QStringLiteral("jobs")).toArray();
    if (jobs.isEmpty()) return {};
    QJsonArray many;
    for (int i = 0; i < copies; ++i) {
        QJsonObject job = jobs.at(i % jobs.size()).toObject();
        job.insert(QStringLiteral("jobname"), QStringLiteral("%1-%2").arg(job.value(QStringLiteral("jobname")).toString()).arg(i));
        many.append(job);
    }
    doc.insert(QStringLiteral("jobs"), many);
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

}  // namespace

bool formatWorks(const QString& format, const QString& dir)
{
    QDir().mkpath(dir);
    const QString file = dir + QStringLiteral("/probe.") + (format == QLatin1String("csv") ? QStringLiteral("csv") : QStringLiteral("json"));
    if (format == QLatin1String("csv")) {
        if (!writeBytes(file, "time,node,metric,value\n1764115200,a,app.x,1.5\n1764115215,a,app.x,2.5\n")) return false;
    } else {
        const QByteArray bytes = bigFioJson(2);
        if (bytes.isEmpty() || !writeBytes(file, bytes)) return false;
    }
    const RunResult r = runHeadroom({QStringLiteral("import"), QStringLiteral("-w"), dir + QStringLiteral("/probe.headroom"),
                                     QStringLiteral("--format"), format, QStringLiteral("--json"), file},
                                    dir + QStringLiteral("/home"));
    if (r.killed || r.exitCode != 0) return false;
    if (format != QLatin1String("csv")) return true;
    const QJsonArray datasets = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("datasets")).toArray();
    return datasets.size() == 1 && datasets.at(0).toObject().value(QStringLiteral("samples")).toInteger() == 2;
}

LargeImportInput writeLargeImportInput(const QString& dir, qint64 csvRows, int variant)
{
    LargeImportInput in;
    if (formatWorks(QStringLiteral("csv"), dir + QStringLiteral("/probe-csv"))) {
        in.format = QStringLiteral("csv");
        in.file = dir + QStringLiteral("/big-long-%1.csv").arg(variant);
        // 4 nodes × 5 metrics per timestamp; enough timestamps to reach csvRows.
        const int times = int(std::ceil(double(csvRows) / 20.0)) + variant;
        in.expectedSamples = writeLongCsv(in.file, 4, 5, times);
        in.description = QStringLiteral("long-format CSV, %1 rows").arg(in.expectedSamples);
    } else if (formatWorks(QStringLiteral("fio"), dir + QStringLiteral("/probe-fio"))) {
        in.format = QStringLiteral("fio");
        in.file = dir + QStringLiteral("/big-fio-%1.json").arg(variant);
        const int jobs = 4000 + variant;
        if (!writeBytes(in.file, bigFioJson(jobs))) return {};
        in.description = QStringLiteral("fio JSON, %1 jobs (csv importer not registered)").arg(jobs);
    }
    return in;
}

}  // namespace headroom::crash
