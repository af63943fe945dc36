#include "app/clock.hpp"

#include <date/tz.h>

#include <cstdio>

namespace styr::app {

domain::Date swedishDate(std::chrono::sys_seconds at) {
  static const ::date::time_zone* stockholm = ::date::locate_zone("Europe/Stockholm");
  auto local = stockholm->to_local(at);
  auto day = ::date::floor<::date::days>(local);
  return domain::Date{std::chrono::sys_days{std::chrono::days{day.time_since_epoch().count()}}};
}

domain::Date Clock::today() const {
  return swedishDate(std::chrono::floor<std::chrono::seconds>(now()));
}

ShiftedClock ShiftedClock::startingOn(const domain::Date& day) {
  SystemClock system;
  auto days = std::chrono::sys_days(day) - std::chrono::sys_days(system.today());
  return ShiftedClock(std::chrono::duration_cast<std::chrono::system_clock::duration>(days));
}

std::string formatTimestamp(std::chrono::system_clock::time_point at) {
  auto micros = std::chrono::floor<std::chrono::microseconds>(at);
  auto day = std::chrono::floor<std::chrono::days>(micros);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss time{micros - day};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%06lldZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
                static_cast<long long>(time.subseconds().count()));
  return buffer;
}

}  // namespace styr::app
