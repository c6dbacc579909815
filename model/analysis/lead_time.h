#pragma once
#include "catalog/instance_type.h"
#include "distributions.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace headroom::leadtime {

// The phases of a scale-out in the order they happen (DESIGN §5); "scheduled" is the
// Kubernetes scheduling step that importers of cluster events report.
const QStringList& phaseOrder();

// One observed phase duration (a lead_time_event row).
struct Observation {
    QString phase;
    double durationS = 0;
    QString node;
    double startedAt = 0;
    std::optional<double> imageBytes;
    std::optional<bool> imageCached;
    std::optional<int> imageLayers;
    QString provider;
};

// The distribution of one phase, empirical when there is data, otherwise a catalog default.
struct PhaseModel {
    QString phase;
    QString subset;        // "" for all observations; "cached" / "cold" for image pulls
    QString source;        // "data (N events)" or the catalog source with its date
    bool fromData = false;
    bool weakEvidence = false;  // fewer than 5 observations, or a catalog row with few runs
    int count = 0;
    double mean = 0, min = 0, max = 0, p50 = 0, p90 = 0, p95 = 0;
    stats::Lognormal fit;  // maximum likelihood on the logs, or through the catalog p50/p95
    bool fitValid = false;
    std::vector<double> samples;  // the observations, for resampling
    QString note;

    // {"phase","subset","source","from_data","weak_evidence","count","mean","min","max","p50","p90",
    //  "p95","fit":{"dist":"lognormal","mean","cv","mu","sigma"} or null,"note"}
    QJsonObject toJson() const;
};

// Pull time of a cold image as a function of its size: t = overhead + per_layer·layers + bytes/rate.
struct PullSizeModel {
    bool valid = false;
    int points = 0;
    double bytesPerS = 0;
    double overheadS = 0;
    double perLayerS = 0;    // 0 when layer counts were not known
    bool usesLayers = false;
    double rSquared = 0;
    double predict(double bytes, int layers = 0) const;
    // {"valid","points","bytes_per_s","overhead_s","per_layer_s","uses_layers","r_squared"}
    QJsonObject toJson() const;
};

struct Report {
    QString provider;                 // whose catalog defaults were used, may be empty
    std::vector<PhaseModel> phases;   // in phaseOrder(); image_pull holds every pull
    std::optional<PhaseModel> pullCached;
    std::optional<PhaseModel> pullCold;
    PullSizeModel pullModel;
    QStringList phasesWithoutData;    // neither data nor a default: set them in the scenario
    int observations = 0;
    QStringList providersSeen;        // providers of the observations; several means pooled data
    QStringList unknownPhases;        // phase names outside phaseOrder(), ignored

    const PhaseModel* phase(const QString& name) const;
    // {"provider","observations","phases":[PhaseModel…],"image_pull_cached":…|null,
    //  "image_pull_cold":…|null,"providers_seen":[…],"pull_size_model":{…},"phases_without_data":[…],"unknown_phases":[…]}
    QJsonObject toJson() const;
};

// Catalog boot timings give the time from the create call to user data running, which covers
// provisioning and boot together; without boot data that becomes the "boot" phase.
Report analyze(const std::vector<Observation>& observations,
               const std::optional<ProviderBootTimes>& defaults = std::nullopt);

// Lognormal through a median and a 95th percentile (catalog defaults state those two).
stats::Lognormal lognormalFromP50P95(double p50, double p95);

}  // namespace headroom::leadtime
