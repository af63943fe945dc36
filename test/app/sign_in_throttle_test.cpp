// Slowing down repeated failed sign-ins, per address and per account, with time passed in.

#include <gtest/gtest.h>

#include "app/sign_in_throttle.hpp"

namespace styr::app {
namespace {

using namespace std::chrono_literals;

const SignInThrottle::TimePoint kStart = std::chrono::sys_days{std::chrono::year{2025} / 3 / 31};

TEST(SignInThrottle, AFewFailuresCostNothing) {
  SignInThrottle throttle(5, 15min, 15min);
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(throttle.waitBefore("10.0.0.1", "1441/anna", kStart), 0s) << attempt;
    throttle.recordFailure("10.0.0.1", "1441/anna", kStart);
  }
  EXPECT_EQ(throttle.waitBefore("10.0.0.1", "1441/anna", kStart), 1s);
}

TEST(SignInThrottle, EachFurtherFailureDoublesTheWaitUpToTheLongest) {
  SignInThrottle throttle(1, 1h, 10s);
  auto now = kStart;
  std::vector<std::chrono::seconds> waits;
  for (int attempt = 0; attempt < 6; ++attempt) {
    throttle.recordFailure("10.0.0.1", "1441/anna", now);
    waits.push_back(throttle.waitBefore("10.0.0.1", "1441/anna", now));
    now += waits.back();
  }
  EXPECT_EQ(waits, (std::vector<std::chrono::seconds>{1s, 2s, 4s, 8s, 10s, 10s}));
  // Having waited, the next attempt may go ahead.
  EXPECT_EQ(throttle.waitBefore("10.0.0.1", "1441/anna", now), 0s);
}

TEST(SignInThrottle, TheAccountIsProtectedFromEveryAddressAndTheAddressForEveryAccount) {
  SignInThrottle throttle(2, 15min, 15min);
  throttle.recordFailure("10.0.0.1", "1441/anna", kStart);
  throttle.recordFailure("10.0.0.2", "1441/anna", kStart);
  throttle.recordFailure("10.0.0.3", "1441/anna", kStart);
  EXPECT_GT(throttle.waitBefore("10.0.0.9", "1441/anna", kStart), 0s) << "the account";
  throttle.recordFailure("10.0.0.7", "1441/a", kStart);
  throttle.recordFailure("10.0.0.7", "1441/b", kStart);
  throttle.recordFailure("10.0.0.7", "1441/c", kStart);
  EXPECT_GT(throttle.waitBefore("10.0.0.7", "1441/d", kStart), 0s) << "the address";
  EXPECT_EQ(throttle.waitBefore("10.0.0.8", "1441/d", kStart), 0s) << "someone else";
}

TEST(SignInThrottle, FailuresOlderThanTheWindowAreForgotten) {
  SignInThrottle throttle(2, 15min, 15min);
  for (int attempt = 0; attempt < 3; ++attempt) {
    throttle.recordFailure("10.0.0.1", "1441/anna", kStart);
  }
  EXPECT_GT(throttle.waitBefore("10.0.0.1", "1441/anna", kStart), 0s);
  EXPECT_EQ(throttle.waitBefore("10.0.0.1", "1441/anna", kStart + 16min), 0s);
  throttle.recordFailure("10.0.0.1", "1441/anna", kStart + 16min);
  EXPECT_EQ(throttle.waitBefore("10.0.0.1", "1441/anna", kStart + 16min), 0s)
      << "a failure after the window starts a new count";
}

TEST(SignInThrottle, TheRightPasswordClearsTheAccountButNotTheAddress) {
  SignInThrottle throttle(1, 15min, 15min);
  throttle.recordFailure("10.0.0.1", "1441/anna", kStart);
  throttle.recordFailure("10.0.0.1", "1441/anna", kStart);
  throttle.recordSuccess("1441/anna");
  EXPECT_EQ(throttle.waitBefore("10.0.0.2", "1441/anna", kStart), 0s);
  EXPECT_GT(throttle.waitBefore("10.0.0.1", "1441/bertil", kStart), 0s);
}

}  // namespace
}  // namespace styr::app
