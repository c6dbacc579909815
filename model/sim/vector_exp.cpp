#include "vector_exp.h"

#include <cmath>

#if defined(HEADROOM_HAVE_LIBMVEC)
#include <emmintrin.h>
// libmvec's SSE2 variant of exp (the vector-function ABI name of exp for 2 doubles in an xmm
// register), callable on every x86-64 CPU; glibc picks the best implementation at load time.
extern "C" __m128d _ZGVbN2v_exp(__m128d);
#endif

namespace headroom::sim {

void expInPlace(double* v, std::size_t n)
{
    std::size_t i = 0;
#if defined(HEADROOM_HAVE_LIBMVEC)
    for (; i + 2 <= n; i += 2) _mm_storeu_pd(v + i, _ZGVbN2v_exp(_mm_loadu_pd(v + i)));
#endif
    for (; i < n; ++i) v[i] = std::exp(v[i]);
}

}  // namespace headroom::sim
