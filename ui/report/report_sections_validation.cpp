#include "report_validation.h"

#include "analysis/calibration_evidence.h"
#include "analysis/validation_simulated.h"
#include "analysis/validation_text.h"
#include "charts/validation_chart.h"
#include "core/errors.h"
#include "report_data.h"
#include "report_format.h"
#include "report_sections.h"

#include <cmath>

namespace headroom::report {

namespace {

// Shorter runs than `headroom validate` makes: the report runs every other model too.
constexpr double kReportRequestsPerLevel = 50000;

QString signedPct(double e)
{
    return std::isfinite(e) ? QStringLiteral("%1%2 %").arg(e > 0 ? QStringLiteral("+") : QString()).arg(e, 0, 'f', 1) : QStringLiteral("–");
}

}  // namespace

void gatherValidation(const Workspace& ws, ReportData& data, const ReportRequest& request)
{
    const std::vector<qint64> ids = calibration::loadTestDatasets(ws);
    if (ids.empty()) {
        data.validationSkipped = QStringLiteral("the workspace holds no load test");
        return;
    }
    try {
        const auto levels = calibration::loadLevels(ws, ids, data.scenario.vcpu);
        SimulationOptions options;
        options.seed = data.seed;
        options.replications = std::min(3, std::max(1, request.replications > 0 ? request.replications : data.scenario.doc.replications));
        options.cancel = request.cancel;
        const validation::Predictor simulated = validation::simulatedPredictor(data.catalog, &ws, options);
        const validation::Predictor predict = [&](const Scenario& s) {
            return simulated(validation::withRunLength(s, s.traffic.rateRps, kReportRequestsPerLevel));
        };
        data.validation = validation::validate(data.scenario.doc, levels, data.scenario.vcpu, data.scenario.workersPerNode, predict);
    } catch (const InputError& e) {
        data.validationSkipped = QStringLiteral("the load tests could not be used: %1").arg(e.text());
    }
}

void addValidation(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Does the model predict what we measured?"));
    if (!d.validation) {
        para(c, QObject::tr("Not checked: %1. Import load tests of the service at several request rates (wrk2, k6, "
                            "Locust, or a per-request CSV with the server's CPU reading) and the report compares the "
                            "model's prediction with each of them.").arg(fmt::esc(d.validationSkipped)));
        return;
    }
    const validation::ValidationResult& r = *d.validation;
    para(c, QObject::tr("The service in this scenario was calibrated from the lowest-rate load test and then asked to "
                        "predict every tested rate; the table puts each prediction beside what the load generator "
                        "measured (latency as the client saw it). The model is only trusted as far as it got these "
                        "right. %1").arg(fmt::esc(r.verdict)));
    QString html = QStringLiteral("<ul>");
    for (const QString& line : validation::calibrationLines(r.calibration))
        html += QStringLiteral("<li>") + fmt::esc(line) + QStringLiteral("</li>");
    para(c, html + QStringLiteral("</ul>"));

    Table t;
    t.headers = {QObject::tr("Dataset"), QObject::tr("Rate"), QObject::tr("Busy"), QObject::tr("Mean meas."),
                 QObject::tr("Mean pred."), QObject::tr("Error"), QObject::tr("p95 meas."), QObject::tr("p95 pred."),
                 QObject::tr("Error"), QObject::tr("p99 meas."), QObject::tr("p99 pred."), QObject::tr("Error")};
    t.widths = {1.3, 1.2, 0.8, 1, 1, 0.9, 1, 1, 0.9, 1, 1, 0.9};
    t.numeric = {false, true, true, true, true, true, true, true, true, true, true, true};
    for (const validation::LevelComparison& l : r.levels) {
        const auto& m = l.measured.latency;
        t.rows << QStringList{QString::number(l.measured.datasetId) + (l.calibrationLevel ? QObject::tr(" (cal.)") : QString()),
                              fmt::rps(l.measured.rateRps), fmt::percent(l.utilization, 0), fmt::ms(m.mean), fmt::ms(l.predicted.mean),
                              signedPct(l.errorMeanPct), fmt::ms(m.p95), fmt::ms(l.predicted.p95), signedPct(l.errorP95Pct),
                              fmt::ms(m.p99), fmt::ms(l.predicted.p99), signedPct(l.errorP99Pct)};
    }
    t.caption = QObject::tr("Predicted against measured latency per load level; error = (predicted − measured) ÷ measured. "
                            "Busy = the busier of CPU and workers at that rate.");
    table(c, std::move(t));
    chart(c, [r] { return charts::makeValidationChart(r); }, 230,
          QObject::tr("Solid: measured; dashed: predicted. Mean in blue, p95 in red."));
    QString causes;
    for (const validation::LevelComparison& l : r.levels)
        if (!l.cause.isEmpty())
            causes += QStringLiteral("<li>") + fmt::esc(QObject::tr("At %1: %2").arg(fmt::rps(l.measured.rateRps), l.cause)) + QStringLiteral("</li>");
    if (!causes.isEmpty()) para(c, QObject::tr("Where the error is above %1 %, the likely cause:").arg(validation::kLargeErrorPct) + QStringLiteral("<ul>") + causes + QStringLiteral("</ul>"));
}

}  // namespace headroom::report
