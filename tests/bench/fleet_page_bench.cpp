// How the Fleet page behaves on a large workspace: time until the homogeneity result is on
// screen, and the longest the GUI thread was busy meanwhile (a heartbeat timer measures the gaps
// between its ticks). Run by tests/bench/fleet_scale.sh; not a test.
//
//   headroom_fleet_page_bench WORKSPACE METRIC
#include "app_context.h"
#include "import/workspace_setup.h"
#include "pages/fleet_page.h"
#include "store/workspace.h"
#include "job_runner.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>

using namespace headroom;

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s WORKSPACE METRIC\n", argv[0]);
        return 2;
    }
    AppContext ctx;
    ctx.setWorkspace(openWorkspaceFile(QString::fromLocal8Bit(argv[1])));
    FleetPage page(&ctx);
    page.resize(1400, 900);
    page.show();
    QElapsedTimer clock, beat;
    qint64 longestGapMs = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        longestGapMs = std::max(longestGapMs, beat.restart());
    });
    qint64 shownMs = -1;
    QObject::connect(&page, &FleetPage::refreshed, [&] {
        shownMs = clock.elapsed();
        QTimer::singleShot(200, &app, &QApplication::quit);  // let the charts paint
    });
    QTimer::singleShot(0, [&] {
        clock.start();
        beat.start();
        heartbeat.start();
        page.metricPicker()->setCurrentText(QString::fromLocal8Bit(argv[2]));
        page.activated();
    });
    app.exec();
    ctx.jobs()->waitForAll();
    std::printf("fleet    %.2f s until the result is on screen; longest GUI-thread stall %lld ms\n", double(shownMs) / 1000,
                static_cast<long long>(longestGapMs));
    return shownMs >= 0 ? 0 : 1;
}
