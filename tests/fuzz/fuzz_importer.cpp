// libFuzzer target for every importer in the registry: sniff() then parse() on the same bytes.
// The importer is chosen by name in HEADROOM_FUZZ_IMPORTER (one run per importer, so each gets
// its own corpus and its own figures); HEADROOM_FUZZ_LIST=1 prints the names and exits, which is
// how run_fuzzers.sh learns what the registry holds today.
#include "fuzz_input.h"
#include "import/importer_registry.h"

#include <QBuffer>
#include <cstdio>
#include <cstdlib>

namespace {

const headroom::Importer* target = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    const auto& registry = headroom::ImporterRegistry::instance();
    if (qEnvironmentVariableIntValue("HEADROOM_FUZZ_LIST") == 1) {
        for (const QString& name : registry.names()) std::printf("%s\n", qPrintable(name));
        std::exit(0);
    }
    const QString name = qEnvironmentVariable("HEADROOM_FUZZ_IMPORTER");
    target = registry.byName(name);
    if (!target) {
        std::fprintf(stderr, "fuzz_importer: set HEADROOM_FUZZ_IMPORTER to one of: %s\n",
                     qPrintable(registry.names().join(QStringLiteral(", "))));
        std::exit(2);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = headroom::fuzz::bytesOf(data, size);
    const int confidence = target->sniff(bytes.left(64 * 1024), QStringLiteral("fuzz.input"));
    if (confidence < 0 || confidence > 100) __builtin_trap();  // the interface promises 0…100

    headroom::fuzz::rejectingBadInput([&] {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        headroom::ImportContext context;
        context.fileName = QStringLiteral("fuzz.input");
        const headroom::ImportResult result = target->parse(buffer, context);
        (void)result.sampleCount();
    });
    return 0;
}
