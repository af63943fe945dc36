#pragma once
// Time enters the application only through a Clock, so tests and the demo can fix it.

#include <chrono>

#include "domain/date.hpp"

namespace styr::app {

class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual std::chrono::system_clock::time_point now() const = 0;
  //! Today's date in Swedish local time (Europe/Stockholm).
  [[nodiscard]] domain::Date today() const;
};

class SystemClock final : public Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point at) : at_(at) {}
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return at_; }

 private:
  std::chrono::system_clock::time_point at_;
};

//! The system clock moved by a fixed offset: time flows, from another starting day. The demo
//! runs on its own date, so that it reads as it would have then.
class ShiftedClock final : public Clock {
 public:
  explicit ShiftedClock(std::chrono::system_clock::duration offset) : offset_(offset) {}
  //! A clock whose today() is `day` now, with the time of day of the system clock.
  static ShiftedClock startingOn(const domain::Date& day);
  [[nodiscard]] std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now() + offset_;
  }

 private:
  std::chrono::system_clock::duration offset_;
};

//! The Swedish calendar day (Europe/Stockholm) of an instant: what domain::SwedishDateOf
//! asks for, and what today() is of now().
domain::Date swedishDate(std::chrono::sys_seconds at);

//! An instant as ISO 8601 UTC with microseconds, e.g. 2025-03-31T12:00:00.000000Z.
std::string formatTimestamp(std::chrono::system_clock::time_point at);

}  // namespace styr::app
