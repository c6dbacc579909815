#include "cli_support.h"

namespace headroom::cli {

// Each command lives in its own file (cmd_<name>.cpp).
int runImport(const QStringList& args);
int runDatasets(const QStringList& args);
int runCatalog(const QStringList& args);
int runAnalyze(const QStringList& args);
int runFitUsl(const QStringList& args);
int runSimulate(const QStringList& args);
int runRecommend(const QStringList& args);
int runReport(const QStringList& args);
int runValidate(const QStringList& args);
int runRuns(const QStringList& args);

const std::vector<Command>& commands()
{
    static const std::vector<Command> list = {
        {QStringLiteral("import"), QStringLiteral("import benchmark, load-test and monitoring files or a Prometheus URL"), runImport},
        {QStringLiteral("datasets"), QStringLiteral("list the datasets of a workspace"), runDatasets},
        {QStringLiteral("catalog"), QStringLiteral("list providers and instance types with prices"), runCatalog},
        {QStringLiteral("analyze"), QStringLiteral("homogeneity, lead time or data quality of imported data"), runAnalyze},
        {QStringLiteral("fit-usl"), QStringLiteral("fit the Universal Scalability Law to load-vs-throughput data"), runFitUsl},
        {QStringLiteral("simulate"), QStringLiteral("simulate a scenario (replications, CI, time series)"), runSimulate},
        {QStringLiteral("recommend"), QStringLiteral("cheapest instance type, count and policy that hold the SLO"), runRecommend},
        {QStringLiteral("report"), QStringLiteral("write the capacity report of a scenario as PDF"), runReport},
        {QStringLiteral("validate"), QStringLiteral("predicted vs measured latency per load level, from load tests at several rates"), runValidate},
        {QStringLiteral("runs"), QStringLiteral("stored simulations, recommendations and validations, which reports reuse"), runRuns},
    };
    return list;
}

}  // namespace headroom::cli
