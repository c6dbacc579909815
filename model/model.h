#pragma once
#include <QString>

// Umbrella of the headless core: linking headroom_model brings every model area.
namespace headroom {
QString versionString();
}
