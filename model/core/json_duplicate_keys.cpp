#include "json_duplicate_keys.h"

#include "errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cctype>

#include <string>
#include <unordered_set>
#include <vector>

namespace headroom::json {

namespace {

// One open object or array, with what the error message needs to name a place inside it.
struct Frame {
    bool object = false;
    std::string path;                       // "$.cluster"
    std::unordered_set<std::string> keys;   // keys seen so far (objects)
    std::string lastKey;                    // key of the value being read (objects)
    long long index = 0;                    // index of the element being read (arrays)
    bool expectKey = false;
};

bool isIdentifier(const std::string& key)
{
    if (key.empty()) return false;
    for (const char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

std::string childPath(const Frame& parent)
{
    if (!parent.object) return parent.path + "[" + std::to_string(parent.index) + "]";
    if (isIdentifier(parent.lastKey)) return parent.path + "." + parent.lastKey;
    return parent.path + "[\"" + parent.lastKey + "\"]";
}

// Reads the string starting at bytes[i] == '"' and returns it decoded (escapes resolved, so
// "n\u006fdes" and "nodes" are the same key); i ends after the closing quote.
std::string readString(const QByteArray& bytes, qsizetype& i)
{
    std::string raw;
    ++i;
    bool escaped = false;
    while (i < bytes.size()) {
        const char c = bytes[i++];
        if (escaped) {
            escaped = false;
            raw += '\\';
            raw += c;
        } else if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
            break;
        } else {
            raw += c;
        }
    }
    if (raw.find('\\') == std::string::npos) return raw;
    // Rare: let Qt's parser decode the escapes of this one string.
    const QJsonDocument doc = QJsonDocument::fromJson("[\"" + QByteArray::fromStdString(raw) + "\"]");
    return doc.array().at(0).toString().toStdString();
}

}  // namespace

void rejectDuplicateKeys(const QByteArray& bytes, qsizetype start, const QString& fileName)
{
    std::vector<Frame> stack;
    std::string rootPath = "$";
    qsizetype i = start;
    while (i < bytes.size()) {
        const char c = bytes[i];
        switch (c) {
        case '{':
        case '[': {
            Frame f;
            f.object = c == '{';
            f.expectKey = f.object;
            f.path = stack.empty() ? rootPath : childPath(stack.back());
            stack.push_back(std::move(f));
            ++i;
            break;
        }
        case '}':
        case ']':
            if (!stack.empty()) stack.pop_back();
            ++i;
            if (stack.empty()) return;  // the document ended; anything after is not ours
            break;
        case ',':
            if (!stack.empty()) {
                if (stack.back().object) stack.back().expectKey = true;
                else ++stack.back().index;
            }
            ++i;
            break;
        case ':':
            if (!stack.empty()) stack.back().expectKey = false;
            ++i;
            break;
        case '"': {
            std::string s = readString(bytes, i);
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                Frame& f = stack.back();
                if (!f.keys.insert(s).second) {
                    f.lastKey = s;
                    throw InputError(fileName + QStringLiteral(": ") + QString::fromStdString(childPath(f)),
                                     QStringLiteral("the key \"%1\" appears twice in this object; each key may appear once")
                                         .arg(QString::fromStdString(s)));
                }
                f.lastKey = std::move(s);
            }
            break;
        }
        default:
            ++i;
        }
    }
}

}  // namespace headroom::json
