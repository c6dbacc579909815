#pragma once
#include "import_result.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringList>
#include <atomic>
#include <memory>

namespace headroom {

// What the caller knows about the input besides its bytes.
struct ImportContext {
    QString fileName;                          // shown in errors: "FILE:LINE:COL: …"
    const std::atomic<bool>* cancel = nullptr; // parsers poll it in long loops and throw Cancelled
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// One importer per input format. Parsers are pure: they read the device and return a result,
// or throw InputError (where = "FILE:LINE:COL" or "FILE: $.json.path") for bad input.
class Importer {
public:
    virtual ~Importer() = default;
    virtual QString name() const = 0;              // "fio", "wrk", "prometheus-json", …
    virtual QString description() const = 0;       // one line for --help and the file dialog
    virtual QStringList filePatterns() const = 0;  // "*.json", "*_stats.csv", …
    // 0 = certainly not this format, 100 = certainly this format. `head` is at most the first 64 KiB.
    virtual int sniff(const QByteArray& head, const QString& fileName) const = 0;
    virtual ImportResult parse(QIODevice& in, const ImportContext& context) const = 0;
};

using ImporterList = std::vector<std::unique_ptr<Importer>>;

}  // namespace headroom
