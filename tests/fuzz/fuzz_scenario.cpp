// libFuzzer target for the scenario parser (headroom.scenario/1): any bytes either parse into a
// Scenario or are refused with an InputError naming the JSON path or line and column. A document
// that parses must also survive the writer's promise: written back and read again, it is the same
// scenario (compared through a second write, since Scenario has no equality operator).
#include "fuzz_input.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_writer.h"

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    headroom::fuzz::rejectingBadInput([&] {
        const headroom::Scenario scenario =
            headroom::parseScenario(headroom::fuzz::bytesOf(data, size), QStringLiteral("fuzz.scenario.json"));
        const QByteArray written = headroom::writeScenario(scenario);
        headroom::Scenario again;
        try {
            again = headroom::parseScenario(written, QStringLiteral("written.scenario.json"));
        } catch (const headroom::InputError& e) {
            std::fprintf(stderr, "the writer produced a document the parser refuses: %s\n%s\n", e.what(),
                         written.constData());
            __builtin_trap();
        }
        if (headroom::writeScenario(again) != written) {
            std::fprintf(stderr, "write(parse(write(s))) differs from write(s):\n%s\n", written.constData());
            __builtin_trap();
        }
    });
    return 0;
}
