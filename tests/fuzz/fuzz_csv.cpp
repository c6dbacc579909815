// libFuzzer target for the RFC 4180 reader (model/core/csv.h), with both separators the
// importers use. Checks what the reader promises: record lines never go backwards.
#include "core/csv.h"
#include "fuzz_input.h"

namespace {

void readAll(const QByteArray& bytes, char separator)
{
    headroom::fuzz::rejectingBadInput([&] {
        const auto records = headroom::csv::parse(bytes, QStringLiteral("fuzz.csv"), separator);
        int lastLine = 0;
        for (const auto& r : records) {
            if (r.line < 1 || r.line < lastLine) __builtin_trap();
            lastLine = r.line;
            if (!r.fields.isEmpty()) (void)headroom::csv::column(records.front().fields, r.fields.front());
        }
    });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = headroom::fuzz::bytesOf(data, size);
    readAll(bytes, ',');
    readAll(bytes, ';');
    return 0;
}
