#pragma once
// Shared by the libFuzzer targets: what counts as a clean rejection of bad input.
#include "core/errors.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

namespace headroom::fuzz {

// The bytes libFuzzer hands over, without copying (the buffer outlives the call).
inline QByteArray bytesOf(const uint8_t* data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
}

// Runs `body`; an InputError is the documented answer to bad input and ends the run quietly.
// Anything else escaping (std::out_of_range, a RuntimeFailure from a pure parser, …) is a finding:
// it propagates and libFuzzer reports it as a crash with the input that caused it.
template <typename Body>
void rejectingBadInput(Body&& body)
{
    try {
        body();
    } catch (const InputError& e) {
        // A clean rejection must still say where and what, or the user cannot act on it.
        if (e.message().isEmpty()) __builtin_trap();
    }
}

}  // namespace headroom::fuzz
