#include "report_format.h"
#include "report_sections.h"

namespace headroom::report {

void addMethodology(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Methodology and limits"));
    heading(c, QObject::tr("How the figures are made"), 2);
    para(c, QObject::tr("The cluster is simulated request by request (a discrete-event simulation) for %1 "
                        "replications, each with its own random stream derived from seed %2. Each request holds a "
                        "worker for its CPU time divided by the node's speed, plus its I/O and disk waits; nodes draw "
                        "a speed factor, may suffer noisy-neighbour episodes and, on burstable types, spend and earn "
                        "CPU credits. The load balancer, health checks, client retries and the autoscaling policy "
                        "act on what the simulation observes, so cascades and flapping emerge rather than being "
                        "assumed. Figures are means over the replications with a 95 % Student-t confidence interval.")
                .arg(d.simulation.replications)
                .arg(d.seed));
    para(c, QObject::tr("Homogeneity uses the node means of repeated runs: the between-node coefficient of "
                        "variation, the pooled within-node spread, and robust outliers by median and MAD. Data "
                        "quality checks compare each series against its own median step."));
    heading(c, QObject::tr("What the model does not capture"), 2);
    const QStringList limits = {
        QObject::tr("Only one service is modelled; databases and other services appear as a round-trip time, not as "
                    "queues that can saturate."),
        QObject::tr("Memory pressure, garbage collection pauses, the Python GIL beyond one worker per process, and "
                    "network bandwidth limits are not simulated."),
        QObject::tr("Traffic within an interval is random (Poisson) around the given rate; correlated bursts, "
                    "client think time and sessions are not modelled."),
        QObject::tr("Failures of whole zones or providers, spot interruptions and capacity shortages when scaling "
                    "out are outside the model."),
        QObject::tr("Prices are list prices on the stated dates; they change, and committed-use discounts can change "
                    "the ranking."),
        QObject::tr("Benchmark scores translate CPU time between instance types; workloads bound by memory bandwidth "
                    "or cache size may scale differently."),
    };
    QString html = QStringLiteral("<ul>");
    for (const QString& l : limits) html += QStringLiteral("<li>") + fmt::esc(l) + QStringLiteral("</li>");
    para(c, html + QStringLiteral("</ul>"));
}

}  // namespace headroom::report
