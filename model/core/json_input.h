#pragma once
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace headroom::json {

// Parses a JSON document from tool output. Skips a UTF-8 BOM and, when `skipPreamble`, any text
// before the first '{' or '[' (fio prints notes first). Throws InputError("FILE:LINE:COL", …)
// at the position where parsing failed, counted in the original bytes.
//
// With DuplicateKeys::Refuse, a key that appears twice in one object is an InputError
// ("FILE: $.json.path", …): for documents people write (scenarios), where the last of two
// "nodes" silently winning is a trap. Tool output keeps Allow: real fio 2.x and iperf3 files
// repeat keys ("0.00" percentiles, "sock_bufsize"), and refusing them would refuse the tools.
enum class DuplicateKeys { Allow, Refuse };
QJsonDocument parseDocument(const QByteArray& bytes, const QString& fileName, bool skipPreamble = true,
                            DuplicateKeys duplicates = DuplicateKeys::Allow);

// Typed access with errors that name the JSON path, e.g. "FILE: $.jobs[2].read.iops: expected a number".
class Path {
public:
    Path(QString file, QString path = QStringLiteral("$")) : file_(std::move(file)), path_(std::move(path)) {}
    Path key(const QString& k) const { return Path(file_, path_ + QLatin1Char('.') + k); }
    Path index(qsizetype i) const { return Path(file_, path_ + QStringLiteral("[%1]").arg(i)); }
    const QString& str() const { return path_; }
    QString where() const { return file_ + QStringLiteral(": ") + path_; }
    [[noreturn]] void fail(const QString& expected) const;

    QJsonObject object(const QJsonValue& v) const;
    QJsonArray array(const QJsonValue& v) const;
    double number(const QJsonValue& v) const;  // also accepts numeric strings ("0.450", "NaN", "+Inf")
    QString string(const QJsonValue& v) const;

private:
    QString file_;
    QString path_;
};

}  // namespace headroom::json
