#include "cli_support.h"

#include "core/input_file.h"
#include "report/report_data.h"
#include "report/report_generator.h"
#include "report/report_pdf.h"
#include "store/workspace.h"

#include <QFileInfo>
#include <cstdio>

namespace headroom::cli {

// Needs a QApplication (charts are graphics items); main() makes one on the offscreen
// platform for this command, so it runs without a display.
int runReport(const QStringList& args)
{
    QCommandLineParser parser;
    addWorkspaceOption(parser);
    parser.addPositionalArgument(QStringLiteral("SCENARIO.json"), QStringLiteral("The scenario document (headroom.scenario/1)."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The PDF to write."), QStringLiteral("REPORT.pdf")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default: the scenario's)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("providers"), QStringLiteral("Providers the recommender compares (default: all)."), QStringLiteral("a,b")});
    parser.addOption({QStringLiteral("instance-types"), QStringLiteral("Instance types the recommender compares (default: all)."), QStringLiteral("x,y")});
    parser.addOption({QStringLiteral("replications"), QStringLiteral("Independent runs (default: the scenario's)."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("no-sensitivity"),
                      QStringLiteral("Recommend without the sensitivity runs, as headroom recommend --no-sensitivity.")});
    parser.addOption({QStringLiteral("run"), QStringLiteral("Use this stored recommendation (see headroom runs)."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("recompute"),
                      QStringLiteral("Simulate and recommend again even when the workspace holds results of the same inputs.")});
    const int early = parseOrExit(parser, args,
        QStringLiteral("Write the capacity report of a scenario as PDF: executive summary, inputs and their provenance, "
                       "fleet homogeneity, data quality, scale-out lead time, simulation charts, provider comparison, "
                       "Pareto and sensitivity, methodology and limits. The figures are those of `headroom simulate` "
                       "and `headroom recommend` for the same scenario, seed and filters. The file "
                       "is written under a temporary name and renamed, so a failure leaves no partial PDF."), 1, 1);
    if (early >= 0) return early;
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty()) {
        printError(QStringLiteral("-o REPORT.pdf is required"));
        return kUsage;
    }
    report::ReportRequest request;
    request.scenarioPath = parser.positionalArguments().first();
    bool ok = true;
    if (parser.isSet(QStringLiteral("seed"))) {
        request.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            printError(QStringLiteral("--seed: expected a whole number, found \"%1\"").arg(parser.value(QStringLiteral("seed"))));
            return kUsage;
        }
    }
    if (parser.isSet(QStringLiteral("replications"))) {
        request.replications = parser.value(QStringLiteral("replications")).toInt(&ok);
        if (!ok || request.replications < 1 || request.replications > 10000) {
            printError(QStringLiteral("--replications: expected a whole number from 1 to 10000, found \"%1\"")
                           .arg(parser.value(QStringLiteral("replications"))));
            return kUsage;
        }
    }
    const auto list = [&](const QString& name) {
        QStringList out;
        for (const QString& part : parser.value(name).split(QLatin1Char(','), Qt::SkipEmptyParts)) out << part.trimmed();
        return out;
    };
    request.providers = list(QStringLiteral("providers"));
    request.instanceTypes = list(QStringLiteral("instance-types"));
    request.reuseStored = !parser.isSet(QStringLiteral("recompute"));
    request.sensitivity = !parser.isSet(QStringLiteral("no-sensitivity"));
    if (parser.isSet(QStringLiteral("run"))) {
        request.recommendationRunId = parser.value(QStringLiteral("run")).toLongLong(&ok);
        if (!ok || request.recommendationRunId < 1) {
            printError(QStringLiteral("--run: expected a run id (a whole number), found \"%1\"").arg(parser.value(QStringLiteral("run"))));
            return kUsage;
        }
    }
    return guarded([&] {
        // The PDF replaces the output by renaming over it, which would replace a device node
        // (as root, -o /dev/null would replace the system's /dev/null): regular files only.
        requireReplaceableOutput(output);
        auto ws = openWorkspace(parser);
        if (stderrIsTerminal())
            request.progress = [last = -1](double f) mutable {
                const int pct = int(f * 100);
                if (pct == last) return;
                last = pct;
                std::fprintf(stderr, "\rpreparing the report… %3d %%", pct);
                std::fflush(stderr);
            };
        const report::ReportData data = report::gatherReportData(*ws, request);
        if (stderrIsTerminal()) std::fprintf(stderr, "\r%*s\r", 32, "");
        for (const report::ReportData::RunUsed& used : data.runsUsed)
            if (used.reused) noteReusedRun(used.what, used.run.id, used.run.madeAtText());
        const auto doc = report::layoutReport(data);
        report::PdfOptions options;
        options.title = data.scenario.doc.name;
        requireReplaceableOutput(output);  // again: the report took a while to prepare
        report::writePdf(*doc, output, options);
        if (stderrIsTerminal())
            std::fprintf(stderr, "wrote %s (%d pages)\n", qPrintable(QFileInfo(output).absoluteFilePath()), doc->pageCount());
        return int(kOk);
    });
}

}  // namespace headroom::cli
