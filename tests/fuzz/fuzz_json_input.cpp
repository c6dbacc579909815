// libFuzzer target for the JSON input helper (model/core/json_input.h): parseDocument with and
// without a preamble, then a walk over the whole document through the typed accessors, so the
// path-building and number parsing ("0.450", "NaN", "+Inf") see every value.
#include "core/json_input.h"
#include "fuzz_input.h"

namespace {

void walk(const headroom::json::Path& path, const QJsonValue& value, int depth)
{
    if (depth > 64) return;  // Qt caps nesting itself; this bounds the recursion here regardless
    headroom::fuzz::rejectingBadInput([&] {
        if (value.isObject()) {
            const QJsonObject o = path.object(value);
            for (auto it = o.begin(); it != o.end(); ++it) walk(path.key(it.key()), it.value(), depth + 1);
        } else if (value.isArray()) {
            const QJsonArray a = path.array(value);
            for (qsizetype i = 0; i < a.size(); ++i) walk(path.index(i), a.at(i), depth + 1);
        } else {
            (void)path.string(value);
        }
    });
    headroom::fuzz::rejectingBadInput([&] { (void)path.number(value); });
}

void parseAndWalk(const QByteArray& bytes, bool skipPreamble)
{
    headroom::fuzz::rejectingBadInput([&] {
        const QJsonDocument doc = headroom::json::parseDocument(bytes, QStringLiteral("fuzz.json"), skipPreamble);
        const headroom::json::Path root(QStringLiteral("fuzz.json"));
        walk(root, doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), 0);
    });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = headroom::fuzz::bytesOf(data, size);
    parseAndWalk(bytes, true);
    parseAndWalk(bytes, false);
    return 0;
}
