// The node-count search: finds the threshold of a monotone test whatever the first guess, and
// costs two tries when the guess is right.
#include "plan/node_search.h"

#include <gtest/gtest.h>

using namespace headroom;

namespace {

struct Counting {
    int threshold;
    int calls = 0;
    bool operator()(int n) { ++calls; return n >= threshold; }
};

TEST(NodeSearch, FindsTheThresholdFromAnyGuess)
{
    for (int threshold : {1, 2, 7, 13, 50, 200})
        for (int guess : {1, 3, 7, 12, 13, 14, 60, 200}) {
            Counting test{threshold};
            const auto found = smallestPassing(1, 200, guess, std::ref(test));
            ASSERT_TRUE(found.has_value()) << threshold << " " << guess;
            EXPECT_EQ(*found, threshold) << "guess " << guess;
        }
}

TEST(NodeSearch, RightGuessCostsTwoTries)
{
    Counting test{13};
    EXPECT_EQ(smallestPassing(1, 200, 13, std::ref(test)).value_or(-1), 13);
    EXPECT_EQ(test.calls, 2);  // 13 passes, 12 fails
}

TEST(NodeSearch, GuessAtTheLowerBoundThatPassesCostsOneTry)
{
    Counting test{1};
    EXPECT_EQ(smallestPassing(4, 200, 4, std::ref(test)).value_or(-1), 4);
    EXPECT_EQ(test.calls, 1);
}

TEST(NodeSearch, EmptyWhenEvenTheLimitFails)
{
    Counting test{500};
    EXPECT_FALSE(smallestPassing(1, 200, 10, std::ref(test)).has_value());
    EXPECT_LE(test.calls, 10);  // galloping, not one by one
}

}  // namespace
