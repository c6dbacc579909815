#include "shared_bar.h"

#include "core/errors.h"
#include "recommend_part.h"
#include "run_key.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cmath>
#include <limits>

namespace headroom::runs {

namespace {

constexpr double kNone = std::numeric_limits<double>::infinity();

// The cost one bar file holds, every field checked; errors name the file and the JSON path.
double readBarFile(const QString& path, const QString& sweep)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) throw InputError(path, QStringLiteral("cannot read the bar file: %1").arg(in.errorString()));
    const QByteArray bytes = in.readAll();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        throw InputError(QStringLiteral("%1: byte %2").arg(path).arg(error.offset),
                         QStringLiteral("not a bar file (expected a JSON object of format \"%1\"): %2")
                             .arg(QLatin1String(kBarFormat), error.errorString()));
    if (!doc.isObject())
        throw InputError(path + QStringLiteral(": $"), QStringLiteral("expected a JSON object of format \"%1\"").arg(QLatin1String(kBarFormat)));
    const QJsonObject o = doc.object();
    const QJsonValue format = o.value(QStringLiteral("format"));
    if (format.toString() != QLatin1String(kBarFormat))
        throw InputError(path + QStringLiteral(": $.format"),
                         QStringLiteral("expected \"%1\", got %2")
                             .arg(QLatin1String(kBarFormat),
                                  format.isString() ? QStringLiteral("\"%1\"").arg(format.toString()) : QStringLiteral("no string")));
    const QString theirs = o.value(QStringLiteral("sweep_sha256")).toString();
    if (theirs != sweep)
        throw InputError(path + QStringLiteral(": $.sweep_sha256"),
                         QStringLiteral("expected this sweep's %1 (the same program version, scenario, catalog and options), "
                                        "got \"%2\": a bar directory holds the bars of one sweep, give each sweep its own")
                             .arg(sweep.left(12), theirs.left(12)));
    const QJsonValue cost = o.value(QStringLiteral("cost_usd_per_month"));
    if (!cost.isDouble() || !(cost.toDouble() > 0) || !std::isfinite(cost.toDouble()))
        throw InputError(path + QStringLiteral(": $.cost_usd_per_month"),
                         QStringLiteral("expected a cost per month > 0 (a number), got %1")
                             .arg(cost.isDouble() ? QString::number(cost.toDouble()) : QStringLiteral("no number")));
    return cost.toDouble();
}

}  // namespace

SharedBarDirectory::SharedBarDirectory(QString directory, QString sweep, int index, int count)
    : directory_(std::move(directory)), sweep_(std::move(sweep)), index_(index), count_(count), published_(kNone)
{
    if (!QDir().mkpath(directory_))
        throw RuntimeFailure(QStringLiteral("%1: cannot create the bar directory").arg(directory_));
}

QString SharedBarDirectory::ownFile() const
{
    return QDir(directory_).filePath(QStringLiteral("bar-%1-of-%2.json").arg(index_).arg(count_));
}

double SharedBarDirectory::lowest() const
{
    double best = kNone;
    // Only whole files: the temporary files being written do not end in ".json".
    const QDir dir(directory_);
    for (const QString& name : dir.entryList({QStringLiteral("bar-*.json")}, QDir::Files, QDir::Name))
        best = std::min(best, readBarFile(dir.filePath(name), sweep_));
    return best;
}

void SharedBarDirectory::publish(double costUsdPerMonth, const QString& candidateId)
{
    std::lock_guard<std::mutex> guard(lock_);
    if (!(costUsdPerMonth < published_)) return;
    const QJsonObject bar{{QStringLiteral("format"), QLatin1String(kBarFormat)},
                          {QStringLiteral("sweep_sha256"), sweep_},
                          {QStringLiteral("shard"), QJsonObject{{QStringLiteral("index"), index_}, {QStringLiteral("count"), count_}}},
                          {QStringLiteral("candidate"), candidateId},
                          {QStringLiteral("cost_usd_per_month"), costUsdPerMonth}};
    QSaveFile out(ownFile());
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(bar).toJson(QJsonDocument::Indented)) < 0 || !out.commit())
        throw RuntimeFailure(QStringLiteral("%1: cannot write the bar file: %2").arg(ownFile(), out.errorString()));
    published_ = costUsdPerMonth;
}

SharedCostBar SharedBarDirectory::hooks()
{
    SharedCostBar bar;
    bar.lowest = [this] { return lowest(); };
    bar.publish = [this](double cost, const QString& id) { publish(cost, id); };
    return bar;
}

QString sweepFingerprint(const Scenario& scenario, const Catalog& catalog, const RecommendOptions& options)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayLiteral(HEADROOM_VERSION "\n"));
    hash.addData(canonicalScenarioJson(scenario) + '\n');
    hash.addData(catalogFingerprint(catalog).toUtf8() + '\n');
    hash.addData(QJsonDocument(recommendOptionsToJson(options)).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(hash.result().toHex());
}

}  // namespace headroom::runs
