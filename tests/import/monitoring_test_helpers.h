#pragma once
#include "core/errors.h"
#include "import/import_result.h"
#include "import/importer_registry.h"
#include "support/fixtures.h"

#include <QBuffer>
#include <gtest/gtest.h>

namespace headroom::test {

// Parses `bytes` with the importer registered under `format`, as the import service would.
inline ImportResult parseAs(const QString& format, const QByteArray& bytes, const QString& fileName = QStringLiteral("input"))
{
    const Importer* importer = ImporterRegistry::instance().byName(format);
    if (!importer) throw std::logic_error("importer not registered: " + format.toStdString());
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    ImportContext context;
    context.fileName = fileName;
    return importer->parse(buffer, context);
}

inline ImportResult parseFixture(const QString& format, const QString& path) { return parseAs(format, readFile(path), path); }

inline const Series* findSeries(const ImportResult& r, const QString& metric, const QString& device = QString())
{
    for (const Series& s : r.series)
        if (s.metric == metric && (device.isEmpty() || s.labels.value(QStringLiteral("device")).toString() == device)) return &s;
    return nullptr;
}

inline const Measurement* findMeasurement(const ImportResult& r, const QString& metric, const QString& labelKey = QString(),
                                          const QString& labelValue = QString())
{
    for (const Measurement& m : r.measurements)
        if (m.metric == metric && (labelKey.isEmpty() || m.labels.value(labelKey).toString() == labelValue)) return &m;
    return nullptr;
}

// The InputError text a parse throws, or "" when it does not throw one. Any other exception
// type fails the calling test through gtest's handler.
inline QString inputErrorOf(const QString& format, const QByteArray& bytes)
{
    try {
        parseAs(format, bytes, QStringLiteral("broken.input"));
    } catch (const InputError& e) {
        return e.text();
    }
    return {};
}

// Broken inputs every text importer must refuse with a clear InputError naming the file.
inline void expectRefusesBrokenInput(const QString& format)
{
    const QString empty = inputErrorOf(format, QByteArray());
    EXPECT_TRUE(empty.startsWith(QLatin1String("broken.input"))) << format.toStdString() << ": " << empty.toStdString();
    EXPECT_TRUE(empty.contains(QLatin1String("empty"))) << empty.toStdString();

    QByteArray garbage;
    for (int i = 0; i < 4096; ++i) garbage.append(char((i * 131 + 7) % 256));
    const QString binary = inputErrorOf(format, garbage);
    EXPECT_TRUE(binary.contains(QLatin1String("binary"))) << format.toStdString() << ": " << binary.toStdString();

    QByteArray utf16("\xFF\xFE", 2);
    for (char c : QByteArray("time,node,metric,value\n1,a,b,2\n")) {
        utf16.append(c);
        utf16.append('\0');
    }
    const QString wide = inputErrorOf(format, utf16);
    EXPECT_TRUE(wide.contains(QLatin1String("UTF-16"))) << format.toStdString() << ": " << wide.toStdString();
}

}  // namespace headroom::test
