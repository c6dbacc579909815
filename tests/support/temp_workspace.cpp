#include "temp_workspace.h"

#include "catalog/catalog.h"
#include "store/workspace.h"

namespace headroom::test {

TempWorkspace::TempWorkspace()
{
    ws_ = Workspace::open(path());
    Catalog::seedShipped(*ws_);
}

TempWorkspace::~TempWorkspace() = default;

QString TempWorkspace::path() const { return dir_.filePath(QStringLiteral("test.headroom")); }

void TempWorkspace::close() { ws_.reset(); }

}  // namespace headroom::test
