#pragma once
// Our numeric code is plain SSE2 (x86-64 baseline). If something earlier on the thread used 256-
// or 512-bit registers and left their upper halves in use, every SSE instruction after that
// carries a false dependency on them. glibc picks AVX-512 variants of memmove and memset on CPUs
// that have it, and on an Intel Xeon (Sapphire Rapids) those leave that state behind: after
// loading the shipped catalog the simulator's M/M/10 ran 2.7× slower and a bare loop 5× slower,
// and the homogeneity model's mixture fit spent a fifth of its time in exp. VZEROUPPER clears the
// state; it costs a cycle, and runs only where AVX exists. Call it where a hot numeric loop
// starts, after the allocations in front of it.

namespace headroom {

inline void clearUpperVectorState()
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    static const bool avx = __builtin_cpu_supports("avx");
    if (avx) asm volatile("vzeroupper");
#endif
}

}  // namespace headroom
