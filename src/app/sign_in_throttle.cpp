#include "app/sign_in_throttle.hpp"

#include <algorithm>

namespace styr::app {

namespace {

std::string addressKey(std::string_view address) {
  return "address " + std::string(address);
}
std::string accountKey(std::string_view account) {
  return "account " + std::string(account);
}

}  // namespace

SignInThrottle::SignInThrottle(int free_attempts, std::chrono::seconds window,
                               std::chrono::seconds longest_wait)
    : free_attempts_(free_attempts), window_(window), longest_wait_(longest_wait) {}

std::chrono::seconds SignInThrottle::waitFor(const std::string& key, TimePoint now) const {
  auto found = failures_.find(key);
  if (found == failures_.end()) return std::chrono::seconds(0);
  const Failures& failures = found->second;
  if (now - failures.last > window_ || failures.count < free_attempts_) {
    return std::chrono::seconds(0);
  }
  int doublings = std::min(failures.count - free_attempts_, 30);
  std::chrono::seconds wait = std::min(std::chrono::seconds(1LL << doublings), longest_wait_);
  auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - failures.last);
  return wait > waited ? wait - waited : std::chrono::seconds(0);
}

std::chrono::seconds SignInThrottle::waitBefore(std::string_view address, std::string_view account,
                                                TimePoint now) {
  std::lock_guard lock(mutex_);
  return std::max(waitFor(addressKey(address), now), waitFor(accountKey(account), now));
}

void SignInThrottle::fail(const std::string& key, TimePoint now) {
  Failures& failures = failures_[key];
  if (now - failures.last > window_) failures.count = 0;
  ++failures.count;
  failures.last = now;
}

void SignInThrottle::recordFailure(std::string_view address, std::string_view account,
                                   TimePoint now) {
  std::lock_guard lock(mutex_);
  forgetOld(now);
  fail(addressKey(address), now);
  fail(accountKey(account), now);
}

void SignInThrottle::recordSuccess(std::string_view account) {
  std::lock_guard lock(mutex_);
  failures_.erase(accountKey(account));
}

// Bounded memory under a flood of guesses from many addresses: counts older than the window
// no longer matter.
void SignInThrottle::forgetOld(TimePoint now) {
  if (failures_.size() < 10000) return;
  for (auto entry = failures_.begin(); entry != failures_.end();) {
    entry = now - entry->second.last > window_ ? failures_.erase(entry) : std::next(entry);
  }
}

}  // namespace styr::app
