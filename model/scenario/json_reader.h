#pragma once
#include "core/json_input.h"

#include <QJsonObject>
#include <QStringList>
#include <initializer_list>
#include <limits>
#include <optional>

namespace headroom::scenario_json {

// An allowed interval for a number, with the words an error message uses for it.
struct Range {
    double lo = -std::numeric_limits<double>::infinity();
    bool loOpen = false;  // true: lo itself is not allowed
    double hi = std::numeric_limits<double>::infinity();
    bool hiOpen = false;
    bool contains(double v) const;
    QString describe() const;  // "≥ 1", "> 0", "between 0 and 1"
};
Range atLeast(double lo);
Range above(double lo);
Range between(double lo, double hi);

// One JSON object of the scenario document: refuses keys it does not know (naming them and the
// ones it expects) and reads typed values whose errors name the full JSON path.
class ObjectReader {
public:
    ObjectReader(const json::Path& path, const QJsonValue& value, const QStringList& allowedKeys);

    const json::Path& path() const { return path_; }
    json::Path at(const QString& key) const { return path_.key(key); }
    bool has(const QString& key) const { return object_.contains(key); }
    QJsonValue value(const QString& key) const { return object_.value(key); }
    [[noreturn]] void missing(const QString& key, const QString& expected) const;

    double number(const QString& key, const Range& range) const;                  // required
    std::optional<double> optionalNumber(const QString& key, const Range& range) const;
    double number(const QString& key, const Range& range, double fallback) const;
    int integer(const QString& key, const Range& range) const;                    // required
    int integer(const QString& key, const Range& range, int fallback) const;
    bool boolean(const QString& key, bool fallback) const;
    QString string(const QString& key) const;                                     // required
    QString string(const QString& key, const QString& fallback) const;
    // One of `choices`; returns its index.
    int choice(const QString& key, const QStringList& choices) const;              // required
    int choice(const QString& key, const QStringList& choices, int fallback) const;

private:
    json::Path path_;
    QJsonObject object_;
};

// The allowed keys of an ObjectReader, written as plain literals: keys({"at_s", "nodes"}).
QStringList keys(std::initializer_list<const char*> list);

// Checks of single values, for array elements and values read by hand.
double numberAt(const json::Path& path, const QJsonValue& v, const Range& range);
int integerAt(const json::Path& path, const QJsonValue& v, const Range& range);

}  // namespace headroom::scenario_json
