#include "yaml_subset.h"

#include "core/errors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <vector>

namespace headroom::yaml {

namespace {

struct Line {
    int number;   // 1-based
    int indent;   // leading spaces
    QString text; // without the indentation and trailing spaces
};

class Parser {
public:
    Parser(std::vector<Line> lines, const QString& file) : lines_(std::move(lines)), file_(file) {}

    QJsonValue document()
    {
        if (lines_.empty()) return QJsonValue();
        const QJsonValue v = node(lines_[0].indent);
        if (pos_ < lines_.size()) fail(lines_[pos_], QStringLiteral("unexpected indentation; expected a key at column %1").arg(lines_[0].indent + 1));
        return v;
    }

private:
    [[noreturn]] void fail(const Line& l, const QString& what) const
    {
        throw InputError(formatWhere(file_, l.number, l.indent + 1), what);
    }

    static bool isItem(const Line& l) { return l.text == QLatin1String("-") || l.text.startsWith(QLatin1String("- ")); }

    // Index of the ':' that ends a mapping key, or -1. Quoted keys are allowed.
    static qsizetype keyEnd(const QString& t)
    {
        qsizetype i = 0;
        if (t.startsWith(QLatin1Char('"')) || t.startsWith(QLatin1Char('\''))) {
            const qsizetype close = t.indexOf(t[0], 1);
            if (close < 0) return -1;
            i = close + 1;
        }
        for (; i < t.size(); ++i) {
            if (t[i] == QLatin1Char(':') && (i + 1 == t.size() || t[i + 1] == QLatin1Char(' '))) return i;
            if (t[i] == QLatin1Char('#') && i > 0 && t[i - 1] == QLatin1Char(' ')) return -1;
        }
        return -1;
    }

    QJsonValue node(int indent)
    {
        const Line& l = lines_[pos_];
        if (l.indent != indent) fail(l, QStringLiteral("unexpected indentation"));
        if (isItem(l)) return sequence(indent);
        if (keyEnd(l.text) >= 0) return mapping(indent);
        ++pos_;
        return scalar(l, l.text, indent - 1);
    }

    QJsonValue sequence(int indent)
    {
        QJsonArray out;
        while (pos_ < lines_.size() && lines_[pos_].indent == indent && isItem(lines_[pos_])) {
            Line& l = lines_[pos_];
            const QString rest = l.text.mid(1).trimmed();
            if (rest.isEmpty()) {
                ++pos_;
                if (pos_ < lines_.size() && lines_[pos_].indent > indent) out.append(node(lines_[pos_].indent));
                else out.append(QJsonValue());
                continue;
            }
            const int restIndent = indent + int(l.text.indexOf(rest));
            if (keyEnd(rest) >= 0 || rest.startsWith(QLatin1String("- "))) {
                // "- key: value": the item is a mapping (or sequence) starting at the text's column.
                l.indent = restIndent;
                l.text = rest;
                out.append(node(restIndent));
            } else {
                ++pos_;
                out.append(scalar(l, rest, indent));
            }
        }
        return out;
    }

    QJsonValue mapping(int indent)
    {
        QJsonObject out;
        while (pos_ < lines_.size() && lines_[pos_].indent == indent && !isItem(lines_[pos_])) {
            const Line& l = lines_[pos_];
            const qsizetype colon = keyEnd(l.text);
            if (colon < 0) fail(l, QStringLiteral("expected 'key: value'"));
            QString key = l.text.left(colon).trimmed();
            if (key.size() >= 2 && (key.startsWith(QLatin1Char('"')) || key.startsWith(QLatin1Char('\''))))
                key = key.mid(1, key.size() - 2);
            const QString rest = l.text.mid(colon + 1).trimmed();
            ++pos_;
            if (rest.isEmpty()) {
                if (pos_ < lines_.size() && lines_[pos_].indent > indent) out.insert(key, node(lines_[pos_].indent));
                else if (pos_ < lines_.size() && lines_[pos_].indent == indent && isItem(lines_[pos_])) out.insert(key, sequence(indent));
                else out.insert(key, QJsonValue());
            } else {
                out.insert(key, scalar(l, rest, indent));
            }
        }
        return out;
    }

    // A scalar that starts on `first` with `text`; plain and quoted scalars continue on the
    // following lines that are indented deeper than `parentIndent`.
    QJsonValue scalar(const Line& first, QString text, int parentIndent)
    {
        if (text.startsWith(QLatin1Char('&')) || text.startsWith(QLatin1Char('*')) || text.startsWith(QLatin1Char('!')))
            fail(first, QStringLiteral("anchors, aliases and tags are not supported; expected plain YAML as kubectl writes it"));
        if (text == QLatin1String("{}")) return QJsonObject();
        if (text == QLatin1String("[]")) return QJsonArray();
        if (text.startsWith(QLatin1Char('{')) || text.startsWith(QLatin1Char('[')))
            fail(first, QStringLiteral("flow collections with content are not supported; expected block style"));
        if (text.startsWith(QLatin1Char('|')) || text.startsWith(QLatin1Char('>'))) return blockScalar(text, parentIndent);
        const QChar quote = text.startsWith(QLatin1Char('"')) || text.startsWith(QLatin1Char('\'')) ? text[0] : QChar();
        while (pos_ < lines_.size() && lines_[pos_].indent > parentIndent && !(quote.isNull() && closedPlain(text)) &&
               !(!quote.isNull() && closedQuote(text, quote))) {
            text += QLatin1Char(' ') + lines_[pos_].text;
            ++pos_;
        }
        if (!quote.isNull()) {
            if (!closedQuote(text, quote)) fail(first, QStringLiteral("unterminated quoted string; expected a closing %1").arg(quote));
            return unquote(text.trimmed(), quote);
        }
        return typed(stripComment(text));
    }

    // A plain scalar continues while the next line is deeper and is not itself a key or item.
    bool closedPlain(const QString&) const
    {
        const Line& next = lines_[pos_];
        return keyEnd(next.text) >= 0 || isItem(next);
    }

    static bool closedQuote(const QString& text, QChar quote)
    {
        for (qsizetype i = 1; i < text.size(); ++i) {
            if (quote == QLatin1Char('"') && text[i] == QLatin1Char('\\')) {
                ++i;
                continue;
            }
            if (text[i] == quote) {
                if (quote == QLatin1Char('\'') && i + 1 < text.size() && text[i + 1] == quote) {
                    ++i;
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    static QString unquote(const QString& t, QChar quote)
    {
        const qsizetype end = t.lastIndexOf(quote);
        const QString inner = t.mid(1, end - 1);
        if (quote == QLatin1Char('\'')) return QString(inner).replace(QStringLiteral("''"), QStringLiteral("'"));
        QString out;
        for (qsizetype i = 0; i < inner.size(); ++i) {
            if (inner[i] != QLatin1Char('\\') || i + 1 >= inner.size()) {
                out += inner[i];
                continue;
            }
            const QChar e = inner[++i];
            if (e == QLatin1Char('n')) out += QLatin1Char('\n');
            else if (e == QLatin1Char('t')) out += QLatin1Char('\t');
            else if (e == QLatin1Char(' ')) out += QString();  // escaped line fold
            else out += e;
        }
        return out;
    }

    static QString stripComment(const QString& t)
    {
        const qsizetype hash = t.indexOf(QLatin1String(" #"));
        return (hash >= 0 ? t.left(hash) : t).trimmed();
    }

    static QJsonValue typed(const QString& t)
    {
        if (t.isEmpty() || t == QLatin1String("null") || t == QLatin1String("~")) return QJsonValue();
        if (t == QLatin1String("true")) return true;
        if (t == QLatin1String("false")) return false;
        bool ok = false;
        const double d = t.toDouble(&ok);
        if (ok && !t.startsWith(QLatin1Char('+')) && !t.endsWith(QLatin1Char('.'))) return d;
        return t;
    }

    QJsonValue blockScalar(const QString& header, int parentIndent)
    {
        const bool folded = header.startsWith(QLatin1Char('>'));
        const bool strip = header.contains(QLatin1Char('-'));
        QStringList parts;
        int blockIndent = -1;
        while (pos_ < lines_.size() && (lines_[pos_].indent > parentIndent || lines_[pos_].text.isEmpty())) {
            const Line& l = lines_[pos_];
            if (blockIndent < 0 && !l.text.isEmpty()) blockIndent = l.indent;
            parts.push_back(QString(std::max(0, l.indent - std::max(blockIndent, 0)), QLatin1Char(' ')) + l.text);
            ++pos_;
        }
        QString out = parts.join(folded ? QLatin1Char(' ') : QLatin1Char('\n'));
        if (!strip) out += QLatin1Char('\n');
        return out;
    }

    std::vector<Line> lines_;
    const QString& file_;
    size_t pos_ = 0;
};

}  // namespace

QJsonValue parse(const QByteArray& text, const QString& fileName)
{
    std::vector<Line> lines;
    int number = 0;
    for (const QByteArray& raw : text.split('\n')) {
        ++number;
        QString s = QString::fromUtf8(raw);
        if (s.endsWith(QLatin1Char('\r'))) s.chop(1);
        qsizetype lead = 0;
        while (lead < s.size() && (s[lead] == QLatin1Char(' ') || s[lead] == QLatin1Char('\t'))) ++lead;
        if (lead < s.size() && s.left(lead).contains(QLatin1Char('\t')))
            throw InputError(formatWhere(fileName, number, 1), QStringLiteral("a TAB in the indentation; YAML expects spaces"));
        int indent = 0;
        while (indent < s.size() && s[indent] == QLatin1Char(' ')) ++indent;
        const QString body = s.mid(indent);
        const QString t = body.trimmed();
        if (t.isEmpty() || t.startsWith(QLatin1Char('#'))) continue;
        if (t == QLatin1String("---") && lines.empty()) continue;
        if (t == QLatin1String("---") || t == QLatin1String("..."))
            throw InputError(formatWhere(fileName, number, 1), QStringLiteral("several YAML documents; expected one"));
        lines.push_back({number, indent, t});
    }
    return Parser(std::move(lines), fileName).document();
}

}  // namespace headroom::yaml
