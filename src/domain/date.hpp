#pragma once
// Calendar dates as the domain uses them: days in Swedish local time, without a clock.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace styr::domain {

using Date = std::chrono::year_month_day;

//! Parses YYYY-MM-DD strictly (a real calendar day, exactly ten characters).
std::optional<Date> parseDate(std::string_view text);

//! Formats as YYYY-MM-DD.
std::string formatDate(const Date& date);

//! Days from `from` to `to` (negative when `to` is earlier).
int daysBetween(const Date& from, const Date& to);

Date addDays(const Date& date, int days);

}  // namespace styr::domain
