#include "domain/date.hpp"

#include <cstdio>

namespace styr::domain {

namespace {

std::optional<int> parseDigits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> parseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = parseDigits(text.substr(0, 4));
  auto month = parseDigits(text.substr(5, 2));
  auto day = parseDigits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
            std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string formatDate(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

int daysBetween(const Date& from, const Date& to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

Date addDays(const Date& date, int days) {
  return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

}  // namespace styr::domain
