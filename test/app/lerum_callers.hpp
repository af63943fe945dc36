#pragma once
// What the use-case tests over the Lerum demo share: its organisation code, dates, and a
// demo person acting as a signed-in caller.

#include <fmt/format.h>

#include <chrono>
#include <string>

#include "app/changes.hpp"
#include "domain/date.hpp"

namespace styr::app::test_support {

inline constexpr const char* kLerum = "1441";

inline domain::Date day(int y, unsigned m, unsigned d) {
  return domain::Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

//! `person` signed in to Lerum with the account `username`.
inline Caller personCaller(const std::string& person, const std::string& username) {
  Caller caller;
  caller.actor.organisation = kLerum;
  caller.actor.person = person;
  caller.actor.signed_in = true;
  caller.name = fmt::format("{} ({})", person, username);
  caller.username = username;
  return caller;
}

}  // namespace styr::app::test_support
