// How long the room waits for a what-if: the Compare page with four candidates of the bundled
// web API scenario, the traffic slider moved again and again, timed from the move to the page's
// `evaluated` signal (its debounce included, as the user sees it). Run by hand, never in ctest:
//   headroom_compare_bench SCENARIO.json [MOVES] [--screenshot presenter.png]
// With --screenshot it also shows presenter mode at 1920×1080 and saves what the room sees.
#include "app_context.h"
#include "catalog/catalog.h"
#include "pages/compare_page.h"
#include "scenario/scenario_parser.h"
#include "store/workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QThread>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace headroom;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString screenshot;
    if (const int i = args.indexOf(QStringLiteral("--screenshot")); i >= 0 && i + 1 < args.size()) {
        screenshot = args[i + 1];
        args.remove(i, 2);
    }
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: headroom_compare_bench SCENARIO.json [MOVES] [--screenshot FILE.png]\n");
        return 2;
    }
    const int moves = args.size() > 1 ? args[1].toInt() : 8;

    QTemporaryDir dir;
    AppContext context;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("bench.headroom")));
    Catalog::seedShipped(*ws);
    context.setWorkspace(std::move(ws));
    context.reloadCatalog();
    const Scenario base = loadScenarioFile(args[0]);

    // Four fleets a provider meeting would put side by side.
    const QList<QPair<QString, int>> fleets = {{QStringLiteral("aws/c6i.large"), 4}, {QStringLiteral("aws/c7g.large"), 4},
                                               {QStringLiteral("gcp/n2-standard-2"), 4}, {QStringLiteral("hetzner/CX32"), 4}};
    QMainWindow window;
    auto* page = new ComparePage(&context);
    window.setCentralWidget(page);
    window.resize(1920, 1080);
    window.show();
    QSignalSpy evaluated(page, &ComparePage::evaluated);
    for (const auto& [type, nodes] : fleets) {
        Scenario s = base;
        s.cluster.instanceTypeKey = type;
        s.cluster.nodes = nodes;
        page->addCandidate({QStringLiteral("%1 × %2").arg(nodes).arg(type), s});
    }
    if (!evaluated.wait(600000)) {
        std::fprintf(stderr, "first evaluation did not finish\n");
        return 1;
    }

    QSignalSpy estimated(page, &ComparePage::estimated);
    QVector<double> seconds, firstSeconds;
    for (int m = 0; m < moves; ++m) {
        WhatIf w;
        w.traffic = 1.0 + 0.1 * ((m % 5) + 1);  // 1.1 … 1.5, a slider dragged back and forth
        estimated.clear();
        evaluated.clear();
        QElapsedTimer clock;
        clock.start();
        page->setWhatIf(w);
        if (!estimated.wait(600000)) {
            std::fprintf(stderr, "what-if %d gave no estimate\n", m);
            return 1;
        }
        firstSeconds << clock.nsecsElapsed() / 1e9;
        if (!evaluated.wait(600000)) {
            std::fprintf(stderr, "what-if %d did not finish\n", m);
            return 1;
        }
        seconds << clock.nsecsElapsed() / 1e9;
    }
    std::sort(seconds.begin(), seconds.end());
    std::sort(firstSeconds.begin(), firstSeconds.end());
    QTextStream out(stdout);
    out << "what-if for " << fleets.size() << " candidates over " << moves << " slider moves (" << QThread::idealThreadCount()
        << " cores): estimate on screen median " << QString::number(firstSeconds[firstSeconds.size() / 2], 'f', 2) << " s, max "
        << QString::number(firstSeconds.last(), 'f', 2) << " s; simulated answer median "
        << QString::number(seconds[seconds.size() / 2], 'f', 2) << " s, max " << QString::number(seconds.last(), 'f', 2) << " s\n";

    if (!screenshot.isEmpty()) {
        page->setPresenterMode(true);
        window.setGeometry(0, 0, 1920, 1080);
        for (int i = 0; i < 20; ++i) QApplication::processEvents();
        if (!window.grab().save(screenshot)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(screenshot));
            return 1;
        }
        out << "presenter view saved to " << screenshot << "\n";
    }
    return 0;
}
