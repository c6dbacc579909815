#pragma once
#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace headroom::yaml {

// Reads the block-style YAML that kubectl (and most Kubernetes tooling) writes, into JSON
// values: nested mappings, sequences (also "- " items at their key's indentation), plain,
// single- and double-quoted scalars folded over several lines, `|`/`>` block scalars, null,
// booleans, numbers, and empty `{}`/`[]`. Anchors, tags, flow collections with content and
// multiple documents are refused with an error naming the line, rather than misread.
// A general YAML library would accept more, but this subset is all these inputs use and keeps
// the error messages in the importers' "FILE:LINE:COL: what was expected" form.
QJsonValue parse(const QByteArray& text, const QString& fileName);

}  // namespace headroom::yaml
