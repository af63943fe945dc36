#include "domain/business_days.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <climits>

namespace styr::domain {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::weekday;

Date on(int year, unsigned month, unsigned day) {
  return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

// The first `day_of_week` on or after `from`: Midsummer and All Saints' Day are defined as the
// Friday or Saturday of a week-long window.
Date firstOnOrAfter(const Date& from, weekday day_of_week) {
  sys_days start{from};
  return Date{start + (day_of_week - weekday{start})};
}

bool isWeekend(const Date& date) {
  weekday day{sys_days{date}};
  return day == std::chrono::Saturday || day == std::chrono::Sunday;
}

// Deadline arithmetic asks about the same one or two years over and over, and the holidays of a
// year take an allocation to build. Each thread keeps its own few years, so no lock is needed
// and the memory stays bounded however many years are asked about.
struct YearDaysOff {
  int year = INT_MIN;
  std::bitset<366> holiday;  // by day of the year, 1 January = 0
};

const YearDaysOff& daysOffOf(int year) {
  thread_local std::array<YearDaysOff, 4> cache;
  auto& slot = cache[static_cast<unsigned>(year) % cache.size()];
  if (slot.year != year) {
    slot.holiday.reset();
    Date first = on(year, 1, 1);
    for (const auto& holiday : swedishHolidays(year)) {
      // Outside the computus's range a date can come out invalid; it marks no day.
      int index = holiday.date.ok() ? daysBetween(first, holiday.date) : -1;
      if (index >= 0 && index < static_cast<int>(slot.holiday.size())) {
        slot.holiday.set(static_cast<std::size_t>(index));
      }
    }
    slot.year = year;
  }
  return slot;
}

}  // namespace

Date easterSunday(int year) {
  // Meeus/Jones/Butcher: the Gregorian Paschal full moon from the Metonic cycle (a), the century
  // corrections for leap years (b, d, e) and for the moon (f, g), then the Sunday after it.
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return on(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<Holiday> swedishHolidays(int year) {
  Date easter = easterSunday(year);
  Date midsummer_eve = firstOnOrAfter(on(year, 6, 19), std::chrono::Friday);
  std::vector<Holiday> holidays{
      {on(year, 1, 1), "Nyårsdagen"},
      {on(year, 1, 6), "Trettondedag jul"},
      {addDays(easter, -2), "Långfredagen"},
      {easter, "Påskdagen"},
      {addDays(easter, 1), "Annandag påsk"},
      {on(year, 5, 1), "Första maj"},
      {addDays(easter, 39), "Kristi himmelsfärdsdag"},
      {addDays(easter, 49), "Pingstdagen"},
      {on(year, 6, 6), "Sveriges nationaldag"},
      {midsummer_eve, "Midsommarafton"},
      {addDays(midsummer_eve, 1), "Midsommardagen"},
      {firstOnOrAfter(on(year, 10, 31), std::chrono::Saturday), "Alla helgons dag"},
      {on(year, 12, 24), "Julafton"},
      {on(year, 12, 25), "Juldagen"},
      {on(year, 12, 26), "Annandag jul"},
      {on(year, 12, 31), "Nyårsafton"},
  };
  std::stable_sort(holidays.begin(), holidays.end(),
                   [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return holidays;
}

bool isBusinessDay(const Date& date) {
  if (isWeekend(date)) return false;
  int year = static_cast<int>(date.year());
  auto day_of_year = static_cast<std::size_t>(daysBetween(on(year, 1, 1), date));
  return !daysOffOf(year).holiday.test(day_of_year);
}

Date businessDaysBefore(const Date& date, int n) {
  if (n < 0) return businessDaysAfter(date, -n);
  sys_days day{date};
  if (n == 0) {
    while (!isBusinessDay(Date{day})) day -= days{1};
    return Date{day};
  }
  while (n > 0) {
    day -= days{1};
    if (isBusinessDay(Date{day})) --n;
  }
  return Date{day};
}

Date businessDaysAfter(const Date& date, int n) {
  if (n < 0) return businessDaysBefore(date, -n);
  sys_days day{date};
  if (n == 0) {
    while (!isBusinessDay(Date{day})) day += days{1};
    return Date{day};
  }
  while (n > 0) {
    day += days{1};
    if (isBusinessDay(Date{day})) --n;
  }
  return Date{day};
}

int businessDaysBetween(const Date& from, const Date& to) {
  if (to < from) return -businessDaysBetween(to, from);
  int count = 0;
  for (sys_days day = sys_days{from} + days{1}; day <= sys_days{to}; day += days{1}) {
    if (isBusinessDay(Date{day})) ++count;
  }
  return count;
}

}  // namespace styr::domain
