#include "scenario_key.h"

namespace headroom::scenario_keys {

Key key(const char* path, Field ref, const QStringList& choices)
{
    Key k;
    k.path = QString::fromLatin1(path);
    k.choices = choices;
    std::visit(Overloaded{
                   [&](const std::monostate&) {},
                   [&](const FieldRef<double>&) { k.type = ValueType::Number; k.widget = Widget::Number; },
                   [&](const FieldRef<int>&) { k.type = ValueType::Integer; k.widget = Widget::Number; },
                   [&](const FieldRef<bool>&) { k.type = ValueType::Boolean; k.widget = Widget::Flag; },
                   [&](const FieldRef<QString>&) { k.type = ValueType::String; k.widget = Widget::Text; },
                   [&](const FieldRef<std::optional<double>>&) {
                       k.type = ValueType::Number, k.widget = Widget::Number;
                       k.presence = Presence::Optional, k.written = Written::WhenSet;
                   },
                   [&](const FieldRef<std::optional<int>>&) {
                       k.type = ValueType::Integer, k.widget = Widget::Number;
                       k.presence = Presence::Optional, k.written = Written::WhenSet;
                   },
                   [&](const FieldRef<Distribution>&) { k.type = ValueType::Distribution; k.widget = Widget::Distribution; },
                   [&](const ChoiceRef& c) {
                       k.type = ValueType::Choice, k.widget = Widget::Choice;
                       if (c.optional) k.presence = Presence::Optional, k.written = Written::WhenSet;
                   },
                   [&](const SectionRef& s) {
                       k.type = ValueType::Section;
                       k.widget = s.optional ? Widget::OptionalGroup : Widget::Group;
                       if (s.optional) k.presence = Presence::Optional, k.written = Written::WhenSet;
                   },
               },
               ref);
    k.ref = std::move(ref);
    return k;
}

Key custom(const char* path, const char* typeText, QJsonValue example)
{
    Key k;
    k.path = QString::fromLatin1(path);
    k.typeText = typeText;
    k.example = std::move(example);
    return k;
}

}  // namespace headroom::scenario_keys
