#include "scenario_writer.h"

#include "core/errors.h"
#include "scenario_key_io.h"

#include <QJsonDocument>
#include <QSaveFile>

namespace headroom {

// The document is written by walking the key table (scenario_keys.cpp), which says for each key
// when it is left out.
QJsonObject scenarioToJson(const Scenario& s)
{
    return scenario_keys::writeSection(QString(), s);
}

QByteArray writeScenario(const Scenario& scenario)
{
    return QJsonDocument(scenarioToJson(scenario)).toJson(QJsonDocument::Indented);
}

void saveScenarioFile(const Scenario& scenario, const QString& path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) throw RuntimeFailure(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
    f.write(writeScenario(scenario));
    if (!f.commit()) throw RuntimeFailure(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
}

}  // namespace headroom
