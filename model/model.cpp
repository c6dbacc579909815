#include "model.h"

namespace headroom {
QString versionString() { return QStringLiteral(HEADROOM_VERSION); }
}
