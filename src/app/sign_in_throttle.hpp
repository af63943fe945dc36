#pragma once
// Slowing down guessing: after a few failed sign-ins from one address, or for one account,
// further attempts must wait, longer after each failure. Kept in the process's memory, so
// each `styr serve` process counts its own attempts (see docs/ARCHITECTURE.md).

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace styr::app {

class SignInThrottle {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  //! `free_attempts` failures within `window` cost nothing; each failure after them doubles
  //! the wait (1 s, 2 s, 4 s, ...) up to `longest_wait`.
  explicit SignInThrottle(int free_attempts = 5,
                          std::chrono::seconds window = std::chrono::minutes(15),
                          std::chrono::seconds longest_wait = std::chrono::minutes(15));

  //! How long a sign-in from `address` to `account` must still wait (zero: it may try now).
  std::chrono::seconds waitBefore(std::string_view address, std::string_view account,
                                  TimePoint now);
  void recordFailure(std::string_view address, std::string_view account, TimePoint now);
  //! A right password clears the account's count, not the address's.
  void recordSuccess(std::string_view account);

 private:
  struct Failures {
    int count = 0;
    TimePoint last;
  };

  std::chrono::seconds waitFor(const std::string& key, TimePoint now) const;
  void fail(const std::string& key, TimePoint now);
  void forgetOld(TimePoint now);

  int free_attempts_;
  std::chrono::seconds window_;
  std::chrono::seconds longest_wait_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;
};

}  // namespace styr::app
