#pragma once
#include <QString>
#include <stdexcept>

namespace headroom {

// Bad input data (a file, a scenario, a URL answer). Maps to exit code 3.
// `where` is "FILE:LINE:COL" or "FILE: $.json.path" so a user can find the spot;
// `what` says what was expected.
class InputError : public std::runtime_error {
public:
    InputError(QString where, QString what)
        : std::runtime_error((where + QStringLiteral(": ") + what).toStdString()),
          where_(std::move(where)), what_(std::move(what)) {}
    const QString& where() const { return where_; }
    const QString& message() const { return what_; }
    QString text() const { return where_.isEmpty() ? what_ : where_ + QStringLiteral(": ") + what_; }

private:
    QString where_;
    QString what_;
};

// A failure while running (disk full, database locked, cancelled). Maps to exit code 1.
class RuntimeFailure : public std::runtime_error {
public:
    explicit RuntimeFailure(const QString& what) : std::runtime_error(what.toStdString()) {}
    QString text() const { return QString::fromStdString(what()); }
};

// Thrown by long work when the user cancels; never reported as an error.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

// Where a byte offset falls in a text: 1-based line and column, for error messages.
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition positionOfOffset(const QByteArray& text, qsizetype offset);
QString formatWhere(const QString& file, int line, int column);

}  // namespace headroom
