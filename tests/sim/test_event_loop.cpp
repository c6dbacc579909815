#include "sim/event_loop.h"
#include "sim/log_histogram.h"
#include "sim/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using namespace headroom::sim;

namespace {

std::vector<std::uint32_t> drain(EventLoop& loop)
{
    std::vector<std::uint32_t> fired;
    Event e;
    while (loop.next(e)) fired.push_back(e.a);
    return fired;
}


// One scheduled event of the random tests, and whether the test cancelled it.
struct Expected {
    double t;
    std::uint32_t id;
    TimerHandle h;
    bool cancelled;
};

// The ids a correct loop hands out: by time, equal times in the order scheduled, cancelled left out.
std::vector<std::uint32_t> stillDue(std::vector<Expected> all)
{
    std::stable_sort(all.begin(), all.end(), [](const Expected& x, const Expected& y) { return x.t < y.t; });
    std::vector<std::uint32_t> ids;
    for (const Expected& x : all)
        if (!x.cancelled) ids.push_back(x.id);
    return ids;
}

}  // namespace

TEST(EventLoop, EarliestFirstAndEqualTimesInTheOrderScheduled)
{
    EventLoop loop;
    loop.schedule(3.0, EventKind::Arrival, 30);
    loop.schedule(1.0, EventKind::Arrival, 10);
    loop.schedule(2.0, EventKind::Arrival, 20);
    loop.schedule(1.0, EventKind::Arrival, 11);
    loop.schedule(1.0, EventKind::Arrival, 12);
    EXPECT_EQ(drain(loop), (std::vector<std::uint32_t>{10, 11, 12, 20, 30}));
}

TEST(EventLoop, CancelledEventsAreSkippedAndTheOthersKeepTheirOrder)
{
    EventLoop loop;
    TimerHandle a = loop.schedule(1.0, EventKind::CpuDone, 1);
    loop.schedule(2.0, EventKind::CpuDone, 2);
    TimerHandle c = loop.schedule(2.0, EventKind::CpuDone, 3);
    loop.schedule(0.5, EventKind::CpuDone, 4);
    loop.cancel(a);
    loop.cancel(c);
    EXPECT_EQ(a.slot, TimerHandle::kNoSlot);  // cancel resets the handle
    loop.cancel(c);                           // twice is harmless
    EXPECT_EQ(drain(loop), (std::vector<std::uint32_t>{4, 2}));
}

TEST(EventLoop, ALateCancelThroughAFiredHandleLeavesTheSlotsNextEventAlone)
{
    EventLoop loop;
    TimerHandle first = loop.schedule(1.0, EventKind::ClientTimeout, 7, 70);
    Event e;
    ASSERT_TRUE(loop.next(e));
    EXPECT_EQ(e.kind, EventKind::ClientTimeout);
    EXPECT_EQ(e.b, 70u);
    // The freed slot is reused by the next event; the old handle must not cancel it.
    const TimerHandle second = loop.schedule(2.0, EventKind::Retry, 8);
    EXPECT_EQ(second.slot, first.slot);
    loop.cancel(first);
    ASSERT_TRUE(loop.next(e));
    EXPECT_EQ(e.kind, EventKind::Retry);
    EXPECT_EQ(e.a, 8u);
    EXPECT_FALSE(loop.next(e));
}

// A random mix of schedules and cancels against a sorted list of what should still fire.
TEST(EventLoop, MatchesASortedListUnderRandomSchedulesAndCancels)
{
    EventLoop loop;
    Rng rng(5);
    std::vector<Expected> all;
    for (std::uint32_t id = 0; id < 5000; ++id) {
        const double t = double(rng.below(200));  // many equal times
        all.push_back({t, id, loop.schedule(t, EventKind::Arrival, id), false});
        if (rng.uniform() < 0.3) {
            Expected& victim = all[rng.below(std::uint32_t(all.size()))];
            loop.cancel(victim.h);
            victim.cancelled = true;
        }
    }
    EXPECT_EQ(drain(loop), stillDue(all));
}

// Events nobody cancels go without a cancel slot; they must come out in the same order among the
// cancellable ones (times compared through their bits: zero, tiny, huge and equal times included),
// and cancelling the others must not disturb them.
TEST(EventLoop, PostedEventsKeepTheirPlaceAmongCancellableOnes)
{
    EventLoop loop;
    Rng rng(9);
    const double times[] = {0.0, 1e-300, 0.5, 1.0, 3.0, 1e9};
    std::vector<Expected> all;
    for (std::uint32_t id = 0; id < 5000; ++id) {
        const double t = rng.uniform() < 0.5 ? times[rng.below(6)] : rng.uniform() * 10;
        Expected x{t, id, TimerHandle{}, false};
        if (rng.uniform() < 0.5) loop.post(t, EventKind::Arrival, id);
        else x.h = loop.schedule(t, EventKind::CpuDone, id);
        all.push_back(x);
        if (rng.uniform() < 0.3) {
            Expected& victim = all[rng.below(std::uint32_t(all.size()))];
            if (victim.h.slot != TimerHandle::kNoSlot) {
                loop.cancel(victim.h);
                victim.cancelled = true;
            }
        }
    }
    EXPECT_EQ(drain(loop), stillDue(all));
}

// Arrivals and timers with a fixed delay go to their in-order lanes; they must still come out
// merged with the heap's events exactly as if everything had gone to the heap, ties included.
TEST(EventLoop, InOrderTimersMergeWithTheHeapAsOneQueue)
{
    EventLoop mixed, heapOnly;
    Rng rng(3);
    double now = 0, lastArrival = 0;
    std::vector<TimerHandle> mixedHandles, heapHandles;
    for (std::uint32_t id = 0; id < 3000; ++id) {
        now += double(rng.below(3));  // a clock that stands still now and then: equal times
        const double u = rng.uniform();
        const EventKind kind = u < 0.4 ? EventKind::ClientTimeout : (u < 0.5 ? EventKind::Arrival : EventKind::CpuDone);
        TimerHandle h;
        double t;
        if (kind == EventKind::ClientTimeout) {
            t = now + 4;
            h = mixed.scheduleInOrder(EventLoop::Lane::ClientTimeouts, t, kind, id);
        } else if (kind == EventKind::Arrival) {
            t = std::max(now, lastArrival) + double(rng.below(3));  // never before the one before
            lastArrival = t;
            h = mixed.scheduleInOrder(EventLoop::Lane::Arrivals, t, kind, id);
        } else {
            t = now + double(rng.below(10));
            h = mixed.schedule(t, kind, id);
        }
        mixedHandles.push_back(h);
        heapHandles.push_back(heapOnly.schedule(t, kind, id));
        if (rng.uniform() < 0.2) {
            const std::uint32_t victim = rng.below(id + 1);
            mixed.cancel(mixedHandles[victim]);
            heapOnly.cancel(heapHandles[victim]);
        }
    }
    const std::vector<std::uint32_t> order = drain(mixed);
    EXPECT_GT(order.size(), 2000u);
    EXPECT_EQ(order, drain(heapOnly));
}

// A node's next CPU completion is an owner timer, moved in place instead of cancelled and
// scheduled anew. It must come out exactly where the cancel-and-schedule way put it: by time,
// equal times in the order of the last setting, among the heap's events, and never once
// cleared or moved away from.
TEST(EventLoop, OwnerTimersComeOutWhereCancelAndScheduleWouldPutThem)
{
    EventLoop owners, heapOnly;
    Rng rng(8);
    constexpr std::uint32_t kOwners = 20;
    std::vector<TimerHandle> pending(kOwners);
    std::vector<Event> a, b;
    Event e;
    double now = 0;
    for (std::uint32_t id = 0; id < 6000; ++id) {
        // The engine takes events while it schedules: one from each side now and then.
        if (rng.uniform() < 0.5 && owners.next(e)) {
            a.push_back(e);
            now = e.t;
            if (heapOnly.next(e)) b.push_back(e);
        }
        now += double(rng.below(2));
        const double t = now + double(rng.below(6));  // many equal times
        const double u = rng.uniform();
        if (u < 0.3) {  // an event of another part, in the heap on both sides
            owners.post(t, EventKind::ServiceDone, id);
            heapOnly.post(t, EventKind::ServiceDone, id);
        } else if (u < 0.9) {  // an owner's timer set or moved
            const std::uint32_t owner = rng.below(kOwners);
            owners.setOwnerTimer(owner, t, EventKind::CpuDone, id, owner);
            heapOnly.cancel(pending[owner]);
            pending[owner] = heapOnly.schedule(t, EventKind::CpuDone, id, owner);
        } else {  // cleared
            const std::uint32_t owner = rng.below(kOwners);
            owners.clearOwnerTimer(owner);
            heapOnly.cancel(pending[owner]);
        }
    }
    while (owners.next(e)) a.push_back(e);
    while (heapOnly.next(e)) b.push_back(e);
    ASSERT_EQ(a.size(), b.size());
    int fromOwners = 0;
    for (const Event& x : a) fromOwners += x.kind == EventKind::CpuDone ? 1 : 0;
    EXPECT_GT(fromOwners, 500) << "owner timers fired";
    EXPECT_GT(a.size() - size_t(fromOwners), 1500u) << "heap events fired";
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].t, b[i].t) << i;
        EXPECT_EQ(a[i].kind, b[i].kind) << i;
        EXPECT_EQ(a[i].a, b[i].a) << i;
        EXPECT_EQ(a[i].b, b[i].b) << i;
        if (a[i].a != b[i].a) break;
    }
}

// The quantiles skip whole octaves; they must agree with a plain scan of the buckets.
TEST(LogHistogram, QuantilesAgreeWithAPlainScanOfTheBuckets)
{
    LogHistogram h;
    Rng rng(9);
    std::vector<double> values;
    for (int i = 0; i < 20000; ++i) {
        const double v = rng.uniform() < 0.9 ? rng.exponential(0.05) : 5 + rng.exponential(30);  // two humps, far apart
        values.push_back(v);
        h.add(v);
    }
    // Bucket of each value by its bounds (bucketLow), not by the bit arithmetic add() uses.
    std::vector<double> lows(LogHistogram::kBuckets + 1);
    for (int i = 0; i <= LogHistogram::kBuckets; ++i) lows[size_t(i)] = LogHistogram::bucketLow(i);
    std::vector<std::int64_t> counts(LogHistogram::kBuckets, 0);
    for (double v : values) {
        const auto above = std::upper_bound(lows.begin() + 1, lows.end() - 1, v);
        ++counts[size_t(above - lows.begin() - 1)];
    }
    const double qs[] = {0.0, 0.01, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0};
    for (double q : qs) {
        // Plain scan: the first bucket whose cumulative count reaches the rank, then linear inside it.
        const double rank = q * double(values.size());
        double seen = 0, want = 0;
        for (int i = 0; i < LogHistogram::kBuckets; ++i) {
            const double c = double(counts[size_t(i)]);
            if (c == 0) continue;
            if (seen + c >= rank) {
                const double lo = i == 0 ? 0.0 : LogHistogram::bucketLow(i);
                want = lo + (LogHistogram::bucketLow(i + 1) - lo) * std::clamp((rank - seen) / c, 0.0, 1.0);
                break;
            }
            seen += c;
        }
        EXPECT_DOUBLE_EQ(h.quantile(q), want) << "q " << q;
    }
    h.clear();
    EXPECT_EQ(h.quantile(0.5), 0.0);
    h.add(0.25);
    EXPECT_NEAR(h.quantile(0.5), 0.25, 0.25 / 128);  // cleared octaves do not linger
}
