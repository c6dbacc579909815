#pragma once
#include "json_reader.h"
#include "scenario.h"

#include <QJsonValue>
#include <QStringList>
#include <functional>
#include <optional>
#include <type_traits>
#include <variant>

namespace headroom::scenario_keys {

// One visitor from several lambdas, for std::visit over a key's field reference. The deduction
// guide is for clang before 17, which does not deduce an aggregate's arguments by itself.
template <class... F> struct Overloaded : F... { using F::operator()...; };
template <class... F> Overloaded(F...) -> Overloaded<F...>;

using scenario_json::ObjectReader;
using scenario_json::Range;

// One key of the scenario document, declared once (scenario_keys.cpp): the parser, the writer,
// the form on the Scenario page and the README's reference are all made from these.

// A field of Scenario reached through a generic lambda, so one expression serves both the
// parser (Scenario&) and the writer (const Scenario&). Write it with SCENARIO_FIELD.
template <class T> struct FieldRef {
    std::function<T&(Scenario&)> get;
    std::function<const T&(const Scenario&)> read;
};
// An enumeration, seen as the index of its JSON spelling (-1: an optional one that is absent).
struct ChoiceRef {
    bool optional = false;
    std::function<int(const Scenario&)> get;
    std::function<void(Scenario&, int)> set;
};
// A JSON object: a struct in Scenario, or a std::optional of one (then absent = off).
struct SectionRef {
    bool optional = false;
    std::function<bool(const Scenario&)> present;
    std::function<void(Scenario&)> enable;
};
using Field = std::variant<std::monostate, FieldRef<double>, FieldRef<int>, FieldRef<bool>, FieldRef<QString>,
                           FieldRef<std::optional<double>>, FieldRef<std::optional<int>>, FieldRef<Distribution>,
                           ChoiceRef, SectionRef>;

#define SCENARIO_FIELD(member) [](auto& s) -> auto& { return s.member; }

template <class T> struct OptionalOf { static constexpr bool isEnum = false, isStruct = false; };
template <class T> struct OptionalOf<std::optional<T>> {
    using Inner = T;
    static constexpr bool isEnum = std::is_enum_v<T>, isStruct = std::is_class_v<T>;
};

// Turns a SCENARIO_FIELD lambda into the Field its C++ type calls for.
template <class F> Field field(F f)
{
    using T = std::remove_cvref_t<decltype(f(std::declval<Scenario&>()))>;
    if constexpr (std::is_enum_v<T>) {
        return ChoiceRef{false, [f](const Scenario& s) { return int(f(s)); }, [f](Scenario& s, int i) { f(s) = T(i); }};
    } else if constexpr (OptionalOf<T>::isEnum) {
        using E = typename OptionalOf<T>::Inner;
        return ChoiceRef{true, [f](const Scenario& s) { return f(s) ? int(*f(s)) : -1; },
                         [f](Scenario& s, int i) { i < 0 ? f(s).reset() : void(f(s) = E(i)); }};
    } else if constexpr (OptionalOf<T>::isStruct) {
        return SectionRef{true, [f](const Scenario& s) { return f(s).has_value(); },
                          [f](Scenario& s) { if (!f(s)) f(s).emplace(); }};
    } else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, int> || std::is_same_v<T, bool> ||
                         std::is_same_v<T, QString> || std::is_same_v<T, std::optional<double>> ||
                         std::is_same_v<T, std::optional<int>> || std::is_same_v<T, Distribution>) {
        return FieldRef<T>{[f](Scenario& s) -> T& { return f(s); }, [f](const Scenario& s) -> const T& { return f(s); }};
    } else {
        static_assert(std::is_class_v<T>, "a scenario key needs a field of a type the table knows");
        return SectionRef{false, [](const Scenario&) { return true; }, [](Scenario&) {}};
    }
}

// An object of the document with no struct of its own (its keys live in the enclosing one).
inline Field plainSection() { return SectionRef{false, [](const Scenario&) { return true; }, [](Scenario&) {}}; }

enum class ValueType { Section, Number, Integer, Boolean, String, Choice, Distribution, Custom };
enum class Presence { Required, Defaulted, Optional };  // Optional: absent means "off" or "not given"
// When the writer puts the key in the file.
enum class Written { Always, UnlessDefault, WhenSet, WhenNotEmpty, OnlyIf };
enum class Widget { None, Number, Text, NumberOrText, Choice, Flag, Distribution, DistributionOrCatalog,
                    Group, OptionalGroup, Heading, Custom };

struct Key;
using ReadHook = std::function<void(const Key&, const ObjectReader& parent, Scenario&)>;
using WriteHook = std::function<QJsonValue(const Key&, const Scenario&)>;  // Undefined: left out
using ScenarioTest = std::function<bool(const Scenario&)>;

struct Key {
    QString path;  // dotted JSON path below the root, "cluster.noisy_neighbour.slowdown"
    ValueType type = ValueType::Custom;
    Field ref;
    Presence presence = Presence::Defaulted;
    Range range;
    QStringList choices;  // the JSON spellings, in the order of the C++ enum
    Written written = Written::Always;
    Widget widget = Widget::None;
    const char* label = nullptr;   // the form's label; none = not on the form
    const char* helpText = "";     // tooltip on the form, meaning in the reference
    const char* absentText = nullptr;  // what leaving it out means, when more than a default value
    const char* rangeNote = nullptr;   // words for a range that depends on other keys
    QString whenKey;                   // applies only where the sibling whenKey …
    QJsonValue whenValue;              // … has this value; elsewhere:
    bool refusedOtherwise = false;     //   refused by the parser (else merely left out by the writer)
    ScenarioTest requiredIf;           // required only when this holds of the keys read before it
    std::function<void(Scenario&)> fallback;            // the value when absent, from keys read before
    std::function<Range(const Scenario&)> rangeFor;     // the range, from keys read before
    std::function<void(const Scenario&, const json::Path&)> check;  // a rule across keys
    ScenarioTest writeIf;              // written also when this holds
    ReadHook readHook;                 // structured values read by hand (points, steps, …)
    WriteHook writeHook;
    QJsonValue example;                // a valid value of a Custom key, for tests
    const char* typeText = nullptr;    // how the reference names a Custom type (or any other)
    QJsonObject enableWith;            // a Section's keys when the form switches it on

    QString name() const { return path.section(QLatin1Char('.'), -1); }
    QString parentPath() const { return path.section(QLatin1Char('.'), 0, -2); }
    bool appliesIn(const QJsonObject& parent) const { return whenKey.isEmpty() || parent.value(whenKey) == whenValue; }

    // Fluent setters, so that a table entry reads as one sentence.
    Key&& required() && { presence = Presence::Required; return std::move(*this); }
    Key&& between(Range r) && { range = r; return std::move(*this); }
    Key&& form(const char* text, Widget w = Widget::None) && { label = text; if (w != Widget::None) widget = w; return std::move(*this); }
    Key&& help(const char* text) && { helpText = text; return std::move(*this); }
    Key&& absent(const char* text) && { absentText = text; return std::move(*this); }
    Key&& write(Written w) && { written = w; return std::move(*this); }
    Key&& writtenAlsoIf(ScenarioTest t) && { writeIf = std::move(t); return std::move(*this); }
    Key&& onlyWhen(const char* key, QJsonValue v, bool refuse = true) && { whenKey = QString::fromLatin1(key); whenValue = v; refusedOtherwise = refuse; return std::move(*this); }
    Key&& requiredWhen(ScenarioTest t) && { requiredIf = std::move(t); return std::move(*this); }
    Key&& orElse(std::function<void(Scenario&)> f) && { fallback = std::move(f); return std::move(*this); }
    Key&& rangeFrom(std::function<Range(const Scenario&)> f, const char* note) && { rangeFor = std::move(f); rangeNote = note; return std::move(*this); }
    Key&& checked(std::function<void(const Scenario&, const json::Path&)> f) && { check = std::move(f); return std::move(*this); }
    Key&& byHand(ReadHook r, WriteHook w) && { readHook = std::move(r); writeHook = std::move(w); return std::move(*this); }
    Key&& switchedOnWith(QJsonObject o) && { enableWith = std::move(o); return std::move(*this); }
    Key&& describedAs(const char* type) && { typeText = type; return std::move(*this); }
};

// An entry for a field; its type, presence and widget follow from the field's C++ type.
Key key(const char* path, Field ref, const QStringList& choices = {});
// A key the table reads and writes through hooks; `example` is a valid value for the tests.
Key custom(const char* path, const char* typeText, QJsonValue example);

}  // namespace headroom::scenario_keys
