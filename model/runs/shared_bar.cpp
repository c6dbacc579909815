#include "shared_bar.h"
#include "results_version.h"

#include "core/errors.h"
#include "recommend_part.h"
#include "run_key.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::runs {

namespace {

constexpr double kNone = std::numeric_limits<double>::infinity();

const QLatin1String kShortWindowField("short_window_usd_per_month");
const QLatin1String kConfirmedField("confirmed_usd_per_month");

struct Bars {
    double shortWindow = kNone, confirmed = kNone;
};

// The costs one bar file holds, every field checked; errors name the file and the JSON path.
Bars readBarFile(const QString& path, const QString& sweep)
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
    Bars bars;
    for (const auto& [field, cost] : {std::pair{kShortWindowField, &bars.shortWindow}, std::pair{kConfirmedField, &bars.confirmed}}) {
        if (!o.contains(field)) continue;
        const QJsonValue v = o.value(field);
        if (!v.isDouble() || !(v.toDouble() > 0) || !std::isfinite(v.toDouble()))
            throw InputError(QStringLiteral("%1: $.%2").arg(path, field),
                             QStringLiteral("expected a cost per month > 0 (a number), got %1")
                                 .arg(v.isDouble() ? QString::number(v.toDouble()) : QStringLiteral("no number")));
        *cost = v.toDouble();
    }
    if (!std::isfinite(bars.shortWindow) && !std::isfinite(bars.confirmed))
        throw InputError(path + QStringLiteral(": $"), QStringLiteral("expected $.%1 or $.%2 (a bar file without a cost)")
                                                           .arg(kShortWindowField, kConfirmedField));
    return bars;
}

}  // namespace

SharedBarDirectory::SharedBarDirectory(QString directory, QString sweep, int index, int count)
    : directory_(std::move(directory)), sweep_(std::move(sweep)), index_(index), count_(count), shortWindow_(kNone), confirmed_(kNone)
{
    if (!QDir().mkpath(directory_))
        throw RuntimeFailure(QStringLiteral("%1: cannot create the bar directory").arg(directory_));
}

QString SharedBarDirectory::ownFile() const
{
    return QDir(directory_).filePath(QStringLiteral("bar-%1-of-%2.json").arg(index_).arg(count_));
}

double SharedBarDirectory::lowest(BarKind bar) const
{
    double best = kNone;
    // Only whole files: the temporary files being written do not end in ".json".
    const QDir dir(directory_);
    for (const QString& name : dir.entryList({QStringLiteral("bar-*.json")}, QDir::Files, QDir::Name)) {
        const Bars bars = readBarFile(dir.filePath(name), sweep_);
        best = std::min({best, bars.confirmed, bar == BarKind::ShortWindow ? bars.shortWindow : kNone});
    }
    return best;
}

void SharedBarDirectory::publish(BarKind bar, double costUsdPerMonth, const QString& candidateId)
{
    std::lock_guard<std::mutex> guard(lock_);
    double& mine = bar == BarKind::Confirmed ? confirmed_ : shortWindow_;
    if (!(costUsdPerMonth < mine)) return;
    mine = costUsdPerMonth;
    (bar == BarKind::Confirmed ? confirmedBy_ : shortWindowBy_) = candidateId;
    write();
}

void SharedBarDirectory::write()
{
    QJsonObject file{{QStringLiteral("format"), QLatin1String(kBarFormat)},
                     {QStringLiteral("sweep_sha256"), sweep_},
                     {QStringLiteral("shard"), QJsonObject{{QStringLiteral("index"), index_}, {QStringLiteral("count"), count_}}}};
    // The candidates that set the bars are for a person looking at the directory.
    if (std::isfinite(shortWindow_)) {
        file.insert(kShortWindowField, shortWindow_);
        file.insert(QStringLiteral("short_window_by"), shortWindowBy_);
    }
    if (std::isfinite(confirmed_)) {
        file.insert(kConfirmedField, confirmed_);
        file.insert(QStringLiteral("confirmed_by"), confirmedBy_);
    }
    QSaveFile out(ownFile());
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(file).toJson(QJsonDocument::Indented)) < 0 || !out.commit())
        throw RuntimeFailure(QStringLiteral("%1: cannot write the bar file: %2").arg(ownFile(), out.errorString()));
}

SharedCostBar SharedBarDirectory::hooks()
{
    SharedCostBar bar;
    bar.lowest = [this](BarKind kind) { return lowest(kind); };
    bar.publish = [this](BarKind kind, double cost, const QString& id) { publish(kind, cost, id); };
    return bar;
}

QString sweepFingerprint(const Scenario& scenario, const Catalog& catalog, const RecommendOptions& options)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayLiteral(HEADROOM_RESULTS_VERSION "\n"));
    hash.addData(canonicalScenarioJson(scenario) + '\n');
    hash.addData(catalogFingerprint(catalog).toUtf8() + '\n');
    hash.addData(QJsonDocument(recommendOptionsToJson(options)).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(hash.result().toHex());
}

}  // namespace headroom::runs
