#include "scenario_parser.h"

#include "core/errors.h"
#include "core/input_file.h"
#include "scenario_key_io.h"

namespace headroom {

// The document is read by walking the key table (scenario_keys.cpp): each key's type, range,
// default and rules across keys are declared there once.
Scenario parseScenarioObject(const QJsonObject& root, const QString& fileName)
{
    Scenario s;
    scenario_keys::readSection(QString(), json::Path(fileName), root, s);
    return s;
}

Scenario parseScenario(const QByteArray& bytes, const QString& fileName)
{
    const QJsonDocument doc = json::parseDocument(bytes, fileName, false, json::DuplicateKeys::Refuse);
    if (!doc.isObject()) throw InputError(fileName + QStringLiteral(": $"), QStringLiteral("expected a JSON object"));
    return parseScenarioObject(doc.object(), fileName);
}

Scenario loadScenarioFile(const QString& path)
{
    // A regular file only (a device never ends, a FIFO blocks), and one that fits easily in memory.
    return parseScenario(readRegularFile(path, 64LL * 1024 * 1024), path);
}

}  // namespace headroom
