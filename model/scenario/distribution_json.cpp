#include "distribution_json.h"

#include "json_reader.h"
#include "scenario_names.h"

#include <QJsonArray>
#include <QJsonObject>

namespace headroom::scenario_json {

namespace names = scenario_names;
using json::Path;

// A distribution's values must be non-negative: they are durations.
Distribution readDistribution(const Path& path, const QJsonValue& v)
{
    if (v.isDouble()) {
        Distribution d = Distribution::constant(numberAt(path, v, atLeast(0)));
        d.bare = true;
        return d;
    }
    if (!v.isObject())
        path.fail(QStringLiteral("expected a number or an object {\"dist\": %1, …}")
                      .arg(names::distributions().join(QStringLiteral("|"))));
    const QString kind = v.toObject().value(QStringLiteral("dist")).toString();
    // The kind decides which other keys belong, so it is checked first.
    ObjectReader(path, QJsonObject{{QStringLiteral("dist"), v.toObject().value(QStringLiteral("dist"))}}, keys({"dist"}))
        .choice(QStringLiteral("dist"), names::distributions());
    QStringList allowed = keys({"dist"});
    if (kind == QStringLiteral("exponential")) allowed << QStringLiteral("mean");
    else if (kind == QStringLiteral("lognormal") || kind == QStringLiteral("gamma")) allowed << QStringLiteral("mean") << QStringLiteral("cv");
    else if (kind == QStringLiteral("deterministic"))
        allowed << QStringLiteral("value") << QStringLiteral("mean") << QStringLiteral("cv");  // DESIGN §7: {dist, mean, cv 0}
    else if (kind == QStringLiteral("empirical")) allowed << QStringLiteral("values");
    const ObjectReader r(path, v, allowed);
    Distribution d;
    d.kind = Distribution::Kind(r.choice(QStringLiteral("dist"), names::distributions()));
    switch (d.kind) {
    case Distribution::Kind::Exponential:
        d.mean = r.number(QStringLiteral("mean"), above(0));
        d.cv = 1;
        break;
    case Distribution::Kind::Lognormal:
        d.mean = r.number(QStringLiteral("mean"), above(0));
        d.cv = r.number(QStringLiteral("cv"), between(0, 10));
        break;
    case Distribution::Kind::Gamma:
        d.mean = r.number(QStringLiteral("mean"), above(0));
        d.cv = r.number(QStringLiteral("cv"), [] { Range x = between(0, 10); x.loOpen = true; return x; }());
        break;
    case Distribution::Kind::Deterministic:
        if (r.has(QStringLiteral("value")) && r.has(QStringLiteral("mean")))
            r.at(QStringLiteral("mean")).fail(QStringLiteral("give either \"value\" or \"mean\" for a deterministic distribution, not both"));
        d.mean = r.has(QStringLiteral("mean")) ? r.number(QStringLiteral("mean"), atLeast(0)) : r.number(QStringLiteral("value"), atLeast(0));
        r.number(QStringLiteral("cv"), between(0, 0), 0);  // a deterministic value does not vary
        break;
    case Distribution::Kind::Empirical: {
        const Path vp = r.at(QStringLiteral("values"));
        if (!r.has(QStringLiteral("values"))) r.missing(QStringLiteral("values"), QStringLiteral("expected an array of numbers ≥ 0"));
        if (!r.value(QStringLiteral("values")).isArray() || r.value(QStringLiteral("values")).toArray().isEmpty())
            vp.fail(QStringLiteral("expected a non-empty array of numbers ≥ 0"));
        const QJsonArray a = r.value(QStringLiteral("values")).toArray();
        for (qsizetype i = 0; i < a.size(); ++i) d.values.push_back(numberAt(vp.index(i), a[i], atLeast(0)));
        d.mean = d.expectedValue();
        break;
    }
    }
    return d;
}

QJsonValue distributionToJson(const Distribution& d)
{
    if (d.kind == Distribution::Kind::Deterministic && d.bare) return d.mean;
    QJsonObject o{{QStringLiteral("dist"), names::distributions()[int(d.kind)]}};
    switch (d.kind) {
    case Distribution::Kind::Exponential: o.insert(QStringLiteral("mean"), d.mean); break;
    case Distribution::Kind::Lognormal:
    case Distribution::Kind::Gamma:
        o.insert(QStringLiteral("mean"), d.mean);
        o.insert(QStringLiteral("cv"), d.cv);
        break;
    case Distribution::Kind::Deterministic: o.insert(QStringLiteral("value"), d.mean); break;
    case Distribution::Kind::Empirical: {
        QJsonArray a;
        for (double v : d.values) a.append(v);
        o.insert(QStringLiteral("values"), a);
        break;
    }
    }
    return o;
}

}  // namespace headroom::scenario_json
