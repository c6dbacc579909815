#include "sim/reusable_slots.h"

#include <gtest/gtest.h>

#include <set>

using namespace headroom::sim;

// The last index released comes back first, and nothing grows while released ones are left.
TEST(ReusableSlots, HandsOutTheLastReleasedBeforeGrowing)
{
    ReusableSlots<int> slots;
    const std::uint32_t a = slots.take(), b = slots.take(), c = slots.take();
    EXPECT_EQ(a, 0u);
    EXPECT_EQ(b, 1u);
    EXPECT_EQ(c, 2u);
    slots.release(b);
    slots.release(a);
    EXPECT_FALSE(slots.noneReleased());
    EXPECT_EQ(slots.take(), a);
    EXPECT_EQ(slots.take(), b);
    EXPECT_TRUE(slots.noneReleased());
    EXPECT_EQ(slots.take(), 3u);
    EXPECT_EQ(slots.size(), 4u);
}

// Releasing is a bare store into room kept for every entry: releasing all of them, after the
// storage grew many times, must neither lose nor duplicate an index (a free list one short would
// write past its end here, which the sanitizer build reports).
TEST(ReusableSlots, EveryEntryCanBeReleasedAtOnce)
{
    ReusableSlots<double> slots;
    for (int i = 0; i < 1000; ++i) slots[slots.take()] = i;
    for (std::uint32_t i = 0; i < 1000; ++i) slots.release(i);
    std::set<std::uint32_t> again;
    for (int i = 0; i < 1000; ++i) again.insert(slots.take());
    EXPECT_EQ(again.size(), 1000u);
    EXPECT_EQ(*again.rbegin(), 999u);
    EXPECT_EQ(slots.size(), 1000u);
    EXPECT_TRUE(slots.noneReleased());
}
