#pragma once
#include <QJsonObject>
#include <QString>
#include <vector>

namespace headroom::populations {

// One population of nodes: a share of the fleet around its own centre.
struct Population {
    double share = 0;  // of the nodes, 0..1
    double mean = 0;
    double sd = 0;
    int nodes = 0;
};

// Whether the node means of one group come from more than one population (a burstable fleet
// where some new VMs run far above the rest), without assuming any shape for the whole: normal
// mixtures of 1 to 4 components are fitted by EM and compared by BIC (Schwarz), and
// neighbouring components that overlap (Ashman's D < 2, i.e. less than two standard deviations
// apart) are merged, so a skewed or heavy-tailed single population is not split into several.
// Populations smaller than 1 % of the nodes or 5 nodes are left to the outlier rule.
struct Result {
    int count = 1;                         // populations found (1 when too few nodes to tell)
    std::vector<Population> populations;   // by mean, ascending
    int mixtureComponents = 1;             // of the BIC-best mixture, before merging
    double bicOne = 0, bicBest = 0;        // lower is better
    int nodes = 0;
    QString verdict;                       // one sentence, for the page and the report

    // {"count","populations":[{"share","mean","sd","nodes"}],"mixture_components","bic_one",
    //  "bic_best","verdict"}
    QJsonObject toJson() const;
};

// `values` are the node means; `unit` only decorates the verdict.
Result detect(const std::vector<double>& values, const QString& unit = QString());

}  // namespace headroom::populations
