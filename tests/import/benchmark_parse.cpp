#include "benchmark_parse.h"

#include "import/importer_registry.h"
#include "support/fixtures.h"

#include <QBuffer>
#include <QFileInfo>
#include <gtest/gtest.h>

namespace headroom::test {

ImportResult parseBytesWith(const QString& importer, const QByteArray& bytes, const QString& fileName)
{
    const Importer* imp = ImporterRegistry::instance().byName(importer);
    if (!imp) throw std::runtime_error("no importer named " + importer.toStdString());
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    ImportContext context;
    context.fileName = fileName;
    return imp->parse(buffer, context);
}

ImportResult parseWith(const QString& importer, const QString& path)
{
    return parseBytesWith(importer, readFile(path), QFileInfo(path).fileName());
}

std::optional<InputError> inputErrorOf(const QString& importer, const QByteArray& bytes, const QString& fileName)
{
    try {
        parseBytesWith(importer, bytes, fileName);
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << importer.toStdString() << " accepted input it should refuse: " << bytes.left(80).toStdString();
    return std::nullopt;
}

const Measurement* findMeasurement(const ImportResult& r, const QString& metric, const QString& key, const QJsonValue& value)
{
    for (const auto& m : r.measurements)
        if (m.metric == metric && (key.isEmpty() || m.labels.value(key) == value)) return &m;
    return nullptr;
}

const Series* findSeries(const ImportResult& r, const QString& metric)
{
    for (const auto& s : r.series)
        if (s.metric == metric) return &s;
    return nullptr;
}

QString detectedImporter(const QString& path)
{
    const QByteArray head = readFile(path).left(64 * 1024);
    const Importer* imp = ImporterRegistry::instance().detect(head, QFileInfo(path).fileName());
    return imp ? imp->name() : QString();
}

}  // namespace headroom::test
