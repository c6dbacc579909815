#include "prometheus_json_stream.h"

#include "core/errors.h"

#include <cmath>
#include <istream>
#include <limits>
#include <nlohmann/json.hpp>
#include <streambuf>

namespace headroom {

namespace {

// A std::streambuf over a QIODevice, read in 1 MiB chunks.
class DeviceBuffer : public std::streambuf {
public:
    explicit DeviceBuffer(QIODevice& in) : in_(in), chunk_(1 << 20, '\0') {}

protected:
    int_type underflow() override
    {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        const qint64 n = in_.read(chunk_.data(), qint64(chunk_.size()));
        if (n <= 0) return traits_type::eof();
        setg(chunk_.data(), chunk_.data(), chunk_.data() + n);
        return traits_type::to_int_type(*gptr());
    }

private:
    QIODevice& in_;
    std::string chunk_;
};

double parseValueText(const std::string& s, bool* ok)
{
    *ok = true;
    if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (s == "+Inf" || s == "Inf") return std::numeric_limits<double>::infinity();
    if (s == "-Inf") return -std::numeric_limits<double>::infinity();
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    *ok = !s.empty() && end == s.c_str() + s.size();
    return v;
}

// The SAX handler: a stack of open containers (with the key or index being read) tells where
// each event belongs. Only the parts of a Prometheus answer are kept.
class AnswerReader : public nlohmann::json_sax<nlohmann::json> {
public:
    AnswerReader(QString fileName, const std::atomic<bool>* cancel, const TakeSeries& take)
        : file_(std::move(fileName)), cancel_(cancel), take_(take) {}

    PrometheusAnswer answer;
    QString status, errorType, errorText;

    bool null() override { return scalar(Scalar{Scalar::Null, 0, {}}); }
    bool boolean(bool) override { return scalar(Scalar{Scalar::Other, 0, {}}); }
    bool number_integer(number_integer_t v) override { return scalar(Scalar{Scalar::Number, double(v), {}}); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(Scalar{Scalar::Number, double(v), {}}); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(Scalar{Scalar::Number, v, {}}); }
    bool string(string_t& s) override { return scalar(Scalar{Scalar::String, 0, std::move(s)}); }
    bool binary(binary_t&) override { return scalar(Scalar{Scalar::Other, 0, {}}); }

    bool start_object(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override
    {
        stack_.back().key = std::move(k);
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override
    {
        // nlohmann's message carries "line L, column C"; keep it after the file name.
        std::string what = e.what();
        const auto at = what.find("parse error at ");
        throw InputError(file_, QStringLiteral("invalid JSON: %1")
                                    .arg(QString::fromStdString(at == std::string::npos ? what : what.substr(at + 15))));
    }

private:
    struct Scalar {
        enum Kind { Null, Number, String, Other } kind;
        double number;
        std::string text;
    };
    // Where a container sits in the answer, decided when it opens.
    enum class Role { Other, Root, Data, Result, Item, Metric, Points, Point, Warnings, Skip };
    struct Frame {
        bool object;
        Role role;
        std::string key;     // objects: the key being read
        long long index = -1;  // arrays: index of the element being read
        int pointValues = 0;   // Point: elements seen
    };

    QString path() const
    {
        QString p = QStringLiteral("$");
        for (size_t i = 0; i < stack_.size(); ++i) {
            const Frame& f = stack_[i];
            if (f.object) {
                if (!f.key.empty()) p += QLatin1Char('.') + QString::fromStdString(f.key);
            } else if (f.index >= 0) {
                p += QStringLiteral("[%1]").arg(f.index);
            }
        }
        return p;
    }
    [[noreturn]] void fail(const QString& expected) const { throw InputError(file_ + QStringLiteral(": ") + path(), expected); }

    // The role of a value about to be read inside the top frame.
    Role childRole(bool object) const
    {
        if (stack_.empty()) return object ? Role::Root : Role::Result;  // a bare result array
        const Frame& f = stack_.back();
        switch (f.role) {
        case Role::Root:
            if (f.key == "data") return object ? Role::Data : Role::Skip;
            if (f.key == "warnings") return object ? Role::Skip : Role::Warnings;
            return Role::Skip;
        case Role::Data:
            return f.key == "result" ? (object ? Role::Skip : Role::Result) : Role::Skip;
        case Role::Result:
            if (object) return Role::Item;
            return Role::Point;  // a scalar result is one [t, "v"] pair … held in the result itself
        case Role::Item:
            if (f.key == "metric") return object ? Role::Metric : Role::Skip;
            if (f.key == "values") return object ? Role::Skip : Role::Points;
            if (f.key == "value") return object ? Role::Skip : Role::Point;
            return Role::Skip;  // histograms and anything newer
        case Role::Points:
            return object ? Role::Skip : Role::Point;
        default:
            return Role::Skip;
        }
    }

    void step()
    {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().index;
    }

    bool open(bool object)
    {
        step();
        Role role = childRole(object);
        if (!stack_.empty() && stack_.back().role == Role::Points && object) fail(QStringLiteral("expected a [time, \"value\"] pair"));
        if (role == Role::Item) answer.series.emplace_back();
        if (role == Role::Point && !stack_.empty() && stack_.back().role == Role::Result) role = Role::Skip;
        stack_.push_back(Frame{object, role, {}, -1, 0});
        if ((++events_ & 0xFFFF) == 0 && cancel_ && cancel_->load(std::memory_order_relaxed)) throw Cancelled();
        return true;
    }

    bool close()
    {
        const Frame f = stack_.back();
        if (f.role == Role::Point && f.pointValues != 2) fail(QStringLiteral("expected a [time, \"value\"] pair"));
        if (f.role == Role::Points) {
            // Growth by doubling leaves up to half of each vector unused; a series is complete here.
            answer.series.back().t.shrink_to_fit();
            answer.series.back().v.shrink_to_fit();
        }
        stack_.pop_back();
        if (f.role == Role::Item && take_ && take_(answer.series.back())) answer.series.pop_back();
        return true;
    }

    bool scalar(Scalar s)
    {
        step();
        if (stack_.empty()) throw InputError(file_, QStringLiteral("expected a Prometheus answer (a JSON object or array)"));
        Frame& f = stack_.back();
        switch (f.role) {
        case Role::Root:
            if (s.kind == Scalar::String) {
                const QString text = QString::fromStdString(s.text);
                if (f.key == "status") status = text;
                else if (f.key == "errorType") errorType = text;
                else if (f.key == "error") errorText = text;
                else if (f.key == "query") answer.query = text;
            }
            break;
        case Role::Data:
            if (f.key == "resultType") {
                if (s.kind != Scalar::String) fail(QStringLiteral("expected a string"));
                answer.resultType = QString::fromStdString(s.text);
            }
            break;
        case Role::Warnings:
            if (s.kind == Scalar::String) answer.warnings << QString::fromStdString(s.text);
            break;
        case Role::Metric:
            if (s.kind != Scalar::String) fail(QStringLiteral("expected a label value (string)"));
            answer.series.back().labels.insert(QString::fromStdString(f.key), QString::fromStdString(s.text));
            break;
        case Role::Result:
            // A scalar answer: "result": [t, "v"], one point.
            if (f.index == 0) answer.series.emplace_back();
            pointValue(s, int(f.index), answer.series.back());
            break;
        case Role::Point:
            pointValue(s, f.pointValues++, answer.series.back());
            break;
        case Role::Points:
        case Role::Item:
            if (f.role == Role::Points) fail(QStringLiteral("expected a [time, \"value\"] pair"));
            break;
        default:
            break;
        }
        return true;
    }

    void pointValue(const Scalar& s, int position, PrometheusSeries& series)
    {
        if (position == 0) {
            if (s.kind != Scalar::Number) fail(QStringLiteral("expected a number (Unix time)"));
            series.t.push_back(s.number);
            return;
        }
        if (position > 1) fail(QStringLiteral("expected a [time, \"value\"] pair"));
        if (s.kind == Scalar::Number) {
            series.v.push_back(s.number);
            return;
        }
        bool ok = false;
        const double v = s.kind == Scalar::String ? parseValueText(s.text, &ok) : 0;
        if (!ok) fail(QStringLiteral("expected a number"));
        series.v.push_back(v);
    }

    QString file_;
    const std::atomic<bool>* cancel_;
    const TakeSeries& take_;
    std::vector<Frame> stack_;
    quint64 events_ = 0;
};

}  // namespace

PrometheusAnswer readPrometheusAnswer(QIODevice& in, const QString& fileName, const std::atomic<bool>* cancel,
                                      const TakeSeries& take)
{
    DeviceBuffer buffer(in);
    std::istream stream(&buffer);
    AnswerReader reader(fileName, cancel, take);
    nlohmann::json::sax_parse(stream, &reader, nlohmann::json::input_format_t::json, true);
    if (reader.status == QLatin1String("error"))
        throw InputError(fileName + QStringLiteral(": $.error"),
                         QStringLiteral("Prometheus answered with an error (%1): %2").arg(reader.errorType, reader.errorText));
    PrometheusAnswer answer = std::move(reader.answer);
    if (answer.resultType == QLatin1String("string"))
        throw InputError(fileName + QStringLiteral(": $.data.result"),
                         QStringLiteral("a string result holds no numbers; expected a vector, matrix or scalar"));
    return answer;
}

}  // namespace headroom
