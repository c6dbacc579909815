#include "cli_support.h"

#include "analysis/analysis_inputs.h"
#include "analysis/usl_csv.h"
#include "analysis/usl_fit.h"
#include "core/errors.h"
#include "core/input_file.h"
#include "store/workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

namespace headroom::cli {

namespace {
// A USL table has one row per load level; a few MB are already far more than any load test.
constexpr qint64 kMaxUslCsvBytes = 64LL * 1024 * 1024;
}  // namespace

namespace {

const char* const kDescription = R"(Fit the Universal Scalability Law X(N) = gamma N / (1 + alpha (N-1) + beta N (N-1))
by bounded nonlinear least squares (alpha, beta >= 0).

Input: FILE.csv with a load column (N, load, concurrency, users, vus, threads, ...) and a
throughput column (X, throughput, rps, ...); or, with --load-tests, the load-test datasets of
a workspace (wrk, k6, Locust runs at several concurrencies; concurrency from the dataset's
labels or from --n DATASET_ID=N).

--json prints one object:
  {"alpha","beta","gamma",        fitted coefficients
   "n_peak",                      sqrt((1-alpha)/beta), null when beta = 0
   "x_max",                       throughput at n_peak (gamma/alpha when beta = 0)
   "r_squared","sse","residual_std_error","points","degrees_of_freedom",
   "confidence_level":0.95,
   "std_error":{"alpha","beta","gamma"},
   "ci":{"alpha":[lo,hi],"beta":[lo,hi],"gamma":[lo,hi]},   Student-t intervals
   "converged",
   "data":[{"n","x","fitted"}],
   "datasets":[ids]               with --load-tests only
   "skipped":["…"]}               with --load-tests: datasets without a concurrency)";

QString formatNumber(double v, int digits = 6)
{
    return std::isfinite(v) ? QString::number(v, 'g', digits) : QStringLiteral("none");
}

}  // namespace

int runFitUsl(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE.csv"), QStringLiteral("Load and throughput columns."), QStringLiteral("[FILE.csv]"));
    addWorkspaceOption(parser);
    parser.addOption({QStringLiteral("load-tests"), QStringLiteral("Fit the load-test datasets of the workspace instead of a file.")});
    parser.addOption({QStringLiteral("metric"), QStringLiteral("Throughput metric of --load-tests (default http.requests_per_s)."),
                      QStringLiteral("METRIC")});
    parser.addOption({QStringLiteral("n"), QStringLiteral("Concurrency of a dataset without a label, as ID=N (repeatable)."),
                      QStringLiteral("ID=N")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the fit as one JSON object on stdout.")});
    const int early = parseOrExit(parser, args, QString::fromUtf8(kDescription), 0, 1);
    if (early >= 0) return early;
    const bool fromWorkspace = parser.isSet(QStringLiteral("load-tests"));
    if (fromWorkspace == !parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("fit-usl expects either FILE.csv or --load-tests (see headroom fit-usl --help)"));
        return kUsage;
    }
    QMap<qint64, double> explicitN;
    for (const QString& pair : parser.values(QStringLiteral("n"))) {
        bool okId = false, okN = false;
        const qint64 id = pair.section(QLatin1Char('='), 0, 0).toLongLong(&okId);
        const double n = pair.section(QLatin1Char('='), 1).toDouble(&okN);
        if (!okId || !okN || !pair.contains(QLatin1Char('='))) {
            printError(QStringLiteral("--n expects DATASET_ID=N, got \"%1\"").arg(pair));
            return kUsage;
        }
        explicitN.insert(id, n);
    }
    return guarded([&] {
        std::vector<usl::Point> points;
        QJsonObject extra;
        QString where;
        if (fromWorkspace) {
            auto ws = openWorkspace(parser, WorkspaceUse::ReadOnly);
            Selection filter;
            filter.metric = parser.value(QStringLiteral("metric"));
            const analysis::UslInputs in = analysis::loadUslPoints(*ws, filter, explicitN);
            points = in.points;
            QJsonArray ids;
            for (qint64 id : in.datasetIds) ids.append(id);
            extra[QStringLiteral("datasets")] = ids;
            extra[QStringLiteral("skipped")] = QJsonArray::fromStringList(in.skipped);
            where = QStringLiteral("load tests in the workspace");
            for (const QString& s : in.skipped) printError(QStringLiteral("skipped ") + s);
        } else {
            where = parser.positionalArguments().front();
            points = usl::readCsv(readRegularFile(where, kMaxUslCsvBytes), where);
        }
        const usl::Fit fit = usl::fit(points, where);
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject o = fit.toJson();
            QJsonArray data;
            for (const usl::Point& p : points)
                data.append(QJsonObject{{QStringLiteral("n"), p.n}, {QStringLiteral("x"), p.x},
                                        {QStringLiteral("fitted"), fit.predict(p.n)}});
            o[QStringLiteral("data")] = data;
            for (auto it = extra.begin(); it != extra.end(); ++it) o[it.key()] = it.value();
            printJson(QJsonDocument(o));
            return kOk;
        }
        QString text = QStringLiteral("USL fit to %1 points (%2)%3\n").arg(fit.points).arg(where,
                           fit.converged ? QString() : QStringLiteral(" - did not converge"));
        auto row = [&](const char* name, double v, const double* ci) {
            text += QStringLiteral("  %1 %2   95 % CI %3 .. %4\n")
                        .arg(QString::fromLatin1(name).leftJustified(6), formatNumber(v).leftJustified(12),
                             formatNumber(ci[0]), formatNumber(ci[1]));
        };
        row("alpha", fit.alpha, fit.ciAlpha);
        row("beta", fit.beta, fit.ciBeta);
        row("gamma", fit.gamma, fit.ciGamma);
        text += QStringLiteral("  peak   N* = %1, X max = %2\n").arg(formatNumber(fit.nPeak, 4), formatNumber(fit.xMax, 6));
        text += QStringLiteral("  R²     %1\n").arg(formatNumber(fit.rSquared, 5));
        printText(text);
        return kOk;
    });
}

}  // namespace headroom::cli
