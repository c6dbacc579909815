#pragma once
#include <QJsonObject>
#include <QString>
#include <vector>

namespace headroom::calibration {

// The shape of a service time: which family (lognormal or gamma) describes the per-request
// times best, with its mean and coefficient of variation, and how well it fits.
struct ShapeFit {
    QString family;          // "lognormal" | "gamma"
    double mean = 0;         // ms
    double cv = 0;
    int samples = 0;         // per-request times used (0 when fitted to percentiles)
    // Kolmogorov–Smirnov distance of each family fitted by moments (0 = perfect, NaN = not tried).
    double ksLognormal = 0, ksGamma = 0;
    // The 5 % critical value of the KS distance for this many samples (1.358 / √n): a distance
    // below it means the family is not rejected.
    double ksCritical = 0;
    QString source;          // what the fit was made from, in words
    QString goodness;        // one sentence on how well it fits

    double ks() const { return family == QLatin1String("gamma") ? ksGamma : ksLognormal; }
    // {"family","mean_ms","cv","samples","ks":{"lognormal","gamma","critical_5pct"},"source","goodness"}
    QJsonObject toJson() const;
};

// Regularised lower incomplete gamma P(a, x) (series below a + 1, continued fraction above).
double regularizedLowerGamma(double a, double x);
double gammaCdf(double x, double mean, double cv);
double lognormalCdf(double x, double mean, double cv);

// Fits both families by their moments (mean and CV of the samples) and keeps the one whose
// Kolmogorov–Smirnov distance is smaller. Non-positive values are skipped; fewer than 20 left
// is an InputError naming `where`.
ShapeFit fitShape(const std::vector<double>& samplesMs, const QString& source, const QString& where);

// When only a load tester's summary exists: a lognormal shifted by a constant through the mean,
// median and a high percentile (p95 or p99) of the latency at low load. The shift is the part
// every request pays (connection set-up, network, the client itself); the lognormal is the rest.
// `goodness` compares the fit's other percentile with the measured one when it is given (> 0).
struct PercentileFit {
    double shiftMs = 0;
    ShapeFit shape;
};
PercentileFit fitShiftedLognormal(double meanMs, double p50Ms, double pHighMs, double pHigh, double otherMs,
                                  double otherP, const QString& where);

}  // namespace headroom::calibration
