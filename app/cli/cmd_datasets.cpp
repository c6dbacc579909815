#include "cli_support.h"

#include "store/dataset_repository.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace headroom::cli {

int runDatasets(const QStringList& args)
{
    QCommandLineParser parser;
    addWorkspaceOption(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print {\"datasets\":[…]} as JSON on stdout.")});
    const int early = parseOrExit(parser, args, QStringLiteral("List the datasets of a workspace."), 0, 0);
    if (early >= 0) return early;
    return guarded([&] {
        auto ws = openWorkspace(parser, WorkspaceUse::ReadOnly);
        const auto datasets = listDatasets(*ws);
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray arr;
            for (const DatasetSummary& d : datasets)
                arr.append(QJsonObject{{QStringLiteral("id"), d.id},
                                       {QStringLiteral("name"), d.name},
                                       {QStringLiteral("file"), d.source},
                                       {QStringLiteral("format"), d.format},
                                       {QStringLiteral("node"), d.node},
                                       {QStringLiteral("instance_type"), d.instanceType},
                                       {QStringLiteral("imported_at"), d.importedAt},
                                       {QStringLiteral("sha256"), d.sha256},
                                       {QStringLiteral("measurements"), d.measurements},
                                       {QStringLiteral("series"), d.series},
                                       {QStringLiteral("samples"), d.samples},
                                       {QStringLiteral("lead_time_events"), d.leadTimeEvents},
                                       {QStringLiteral("metrics"), d.metrics},
                                       {QStringLiteral("warnings"), d.warnings}});
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("datasets"), arr}}));
            return kOk;
        }
        QString text = QStringLiteral("%1  %2  %3  %4  %5\n")
                           .arg(QStringLiteral("id").rightJustified(4), QStringLiteral("format").leftJustified(16),
                                QStringLiteral("node").leftJustified(14), QStringLiteral("rows").rightJustified(9),
                                QStringLiteral("name"));
        for (const DatasetSummary& d : datasets)
            text += QStringLiteral("%1  %2  %3  %4  %5\n")
                        .arg(QString::number(d.id).rightJustified(4), d.format.leftJustified(16),
                             d.node.leftJustified(14),
                             QString::number(d.measurements + d.samples + d.leadTimeEvents).rightJustified(9), d.name);
        if (datasets.isEmpty()) text += QStringLiteral("(no datasets; add some with headroom import FILE)\n");
        printText(text);
        return kOk;
    });
}

}  // namespace headroom::cli
