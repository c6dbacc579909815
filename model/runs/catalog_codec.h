#pragma once
#include <QJsonObject>

namespace headroom {
class Catalog;
}

namespace headroom::runs {

// A whole catalog as JSON (instance types, boot times, the currency rate): what a part file of a
// sharded recommendation carries so that the merge needs no workspace of the same catalog.
// Exact: catalogFingerprint() of the decoded catalog equals that of the encoded one.
QJsonObject encodeCatalog(const Catalog& catalog);
Catalog decodeCatalog(const QJsonObject& object);

}  // namespace headroom::runs
