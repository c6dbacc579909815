// headroom runs: the simulations, recommendations and validations kept in the workspace
// (DESIGN §3 `run`), which reports and later commands with the same inputs reuse.
#include "cli_support.h"

#include "store/run_record.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>

namespace headroom::cli {

namespace {

QJsonObject runJson(const runs::StoredRun& r)
{
    return {{QStringLiteral("id"), double(r.id)},
            {QStringLiteral("kind"), runs::runKindName(r.kind)},
            {QStringLiteral("scenario"), r.scenarioName},
            {QStringLiteral("seed"), QString::number(r.seed)},
            {QStringLiteral("replications"), r.replications},
            {QStringLiteral("options"), r.options},
            {QStringLiteral("program_version"), r.programVersion},
            {QStringLiteral("started_at"), r.startedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("made_at"), r.finishedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("wall_s"), r.wallS},
            {QStringLiteral("key"), r.keySha256},
            {QStringLiteral("headline"), r.headline}};
}

QString runsText(const std::vector<runs::StoredRun>& list)
{
    if (list.empty())
        return QStringLiteral("No stored runs; headroom simulate, recommend and validate keep theirs here.");
    QString text = QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                       .arg(QStringLiteral("id"), 5).arg(QStringLiteral("kind").leftJustified(9))
                       .arg(QStringLiteral("scenario").leftJustified(20)).arg(QStringLiteral("made at").leftJustified(16))
                       .arg(QStringLiteral("wall"), 9).arg(QStringLiteral("key").leftJustified(8)).arg(QStringLiteral("result"));
    for (const runs::StoredRun& r : list)
        text += QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                    .arg(r.id, 5)
                    .arg(runs::runKindName(r.kind).leftJustified(9))
                    .arg(r.scenarioName.left(20).leftJustified(20))
                    .arg(r.finishedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")).leftJustified(16))
                    .arg(QStringLiteral("%1 s").arg(r.wallS, 0, 'f', 1), 9)
                    .arg(r.keySha256.left(8))
                    .arg(r.headline);
    text.chop(1);
    return text;
}

}  // namespace

int runRuns(const QStringList& args)
{
    QCommandLineParser parser;
    addWorkspaceOption(parser);
    parser.addOption({QStringLiteral("delete"), QStringLiteral("Remove the stored run with this id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the runs as JSON.")});
    const int early = parseOrExit(parser, args,
        QStringLiteral("List the simulations, recommendations and validations kept in the workspace, newest first. "
                       "A report, or a command run again with the same scenario, seed, options, catalog, datasets "
                       "and program version, takes the stored result instead of computing it again."), 0, 0);
    if (early >= 0) return early;
    qint64 deleteId = 0;
    if (parser.isSet(QStringLiteral("delete"))) {
        bool ok = false;
        deleteId = parser.value(QStringLiteral("delete")).toLongLong(&ok);
        if (!ok || deleteId < 1) {
            printError(QStringLiteral("--delete: expected a run id (a whole number), found \"%1\"").arg(parser.value(QStringLiteral("delete"))));
            return kUsage;
        }
    }
    return guarded([&] {
        auto ws = openWorkspace(parser, deleteId > 0 ? WorkspaceUse::Write : WorkspaceUse::ReadOnly);
        if (deleteId > 0) {
            if (!runs::deleteRun(*ws, deleteId)) {
                printError(QStringLiteral("%1: no stored run with id %2 (see headroom runs)").arg(ws->path()).arg(deleteId));
                return int(kBadInput);
            }
            if (stderrIsTerminal()) std::fprintf(stderr, "deleted run %lld\n", static_cast<long long>(deleteId));
            return int(kOk);
        }
        const std::vector<runs::StoredRun> list = runs::listRuns(*ws);
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const runs::StoredRun& r : list) array.append(runJson(r));
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("runs"), array}}));
        } else {
            printText(runsText(list));
        }
        return int(kOk);
    });
}

}  // namespace headroom::cli
