// Swedish business days: Easter, the year's holidays by name, and deadline arithmetic across
// Easter, Ascension, Midsummer, Christmas and New Year. Every expected date below was read off a
// printed calendar of the year, not computed by the code under test.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "chain_fixture.hpp"
#include "domain/business_days.hpp"

namespace styr::domain {
namespace {

using fixture::on;
using ::testing::ElementsAre;
using ::testing::Pair;

std::vector<std::pair<std::string, std::string>> namedDates(const std::vector<Holiday>& days) {
  std::vector<std::pair<std::string, std::string>> result;
  for (const auto& day : days) result.emplace_back(formatDate(day.date), day.name);
  return result;
}

Date holidayNamed(int year, const std::string& name) {
  auto days = swedishHolidays(year);
  auto it = std::find_if(days.begin(), days.end(),
                         [&](const Holiday& holiday) { return holiday.name == name; });
  if (it == days.end()) throw std::out_of_range(name + " is not a holiday of the year");
  return it->date;
}

TEST(EasterSunday, KnownYears) {
  EXPECT_EQ(easterSunday(2024), on(2024, 3, 31));
  EXPECT_EQ(easterSunday(2025), on(2025, 4, 20));
  EXPECT_EQ(easterSunday(2026), on(2026, 4, 5));
  EXPECT_EQ(easterSunday(2027), on(2027, 3, 28));
  EXPECT_EQ(easterSunday(2038), on(2038, 4, 25));  // the latest Easter can be
  EXPECT_EQ(easterSunday(2285), on(2285, 3, 22));  // the earliest
  EXPECT_EQ(easterSunday(2000), on(2000, 4, 23));
  EXPECT_EQ(easterSunday(1818), on(1818, 3, 22));
}

TEST(EasterSunday, IsAlwaysASundayBetween22MarchAnd25April) {
  for (int year = 1900; year <= 2400; ++year) {
    SCOPED_TRACE(year);
    Date easter = easterSunday(year);
    EXPECT_EQ(std::chrono::weekday{std::chrono::sys_days{easter}}, std::chrono::Sunday);
    EXPECT_GE(easter, on(year, 3, 22));
    EXPECT_LE(easter, on(year, 4, 25));
  }
}

TEST(SwedishHolidays, AllOf2025InDateOrder) {
  EXPECT_THAT(
      namedDates(swedishHolidays(2025)),
      ElementsAre(Pair("2025-01-01", "Nyårsdagen"), Pair("2025-01-06", "Trettondedag jul"),
                  Pair("2025-04-18", "Långfredagen"), Pair("2025-04-20", "Påskdagen"),
                  Pair("2025-04-21", "Annandag påsk"), Pair("2025-05-01", "Första maj"),
                  Pair("2025-05-29", "Kristi himmelsfärdsdag"),
                  Pair("2025-06-06", "Sveriges nationaldag"), Pair("2025-06-08", "Pingstdagen"),
                  Pair("2025-06-20", "Midsommarafton"), Pair("2025-06-21", "Midsommardagen"),
                  Pair("2025-11-01", "Alla helgons dag"), Pair("2025-12-24", "Julafton"),
                  Pair("2025-12-25", "Juldagen"), Pair("2025-12-26", "Annandag jul"),
                  Pair("2025-12-31", "Nyårsafton")));
}

TEST(SwedishHolidays, AllOf2026InDateOrder) {
  // Easter on 5 April moves Ascension to 14 May and Whitsunday to 24 May, before the National Day.
  EXPECT_THAT(
      namedDates(swedishHolidays(2026)),
      ElementsAre(Pair("2026-01-01", "Nyårsdagen"), Pair("2026-01-06", "Trettondedag jul"),
                  Pair("2026-04-03", "Långfredagen"), Pair("2026-04-05", "Påskdagen"),
                  Pair("2026-04-06", "Annandag påsk"), Pair("2026-05-01", "Första maj"),
                  Pair("2026-05-14", "Kristi himmelsfärdsdag"), Pair("2026-05-24", "Pingstdagen"),
                  Pair("2026-06-06", "Sveriges nationaldag"), Pair("2026-06-19", "Midsommarafton"),
                  Pair("2026-06-20", "Midsommardagen"), Pair("2026-10-31", "Alla helgons dag"),
                  Pair("2026-12-24", "Julafton"), Pair("2026-12-25", "Juldagen"),
                  Pair("2026-12-26", "Annandag jul"), Pair("2026-12-31", "Nyårsafton")));
}

TEST(SwedishHolidays, MidsummerAndAllSaintsFallInTheirWeeks) {
  EXPECT_EQ(holidayNamed(2025, "Midsommarafton"), on(2025, 6, 20));
  EXPECT_EQ(holidayNamed(2026, "Midsommarafton"), on(2026, 6, 19));
  EXPECT_EQ(holidayNamed(2027, "Midsommarafton"), on(2027, 6, 25));  // the window's last day
  EXPECT_EQ(holidayNamed(2029, "Midsommarafton"), on(2029, 6, 22));
  EXPECT_EQ(holidayNamed(2025, "Alla helgons dag"), on(2025, 11, 1));
  EXPECT_EQ(holidayNamed(2026, "Alla helgons dag"), on(2026, 10, 31));  // the window's first day
  EXPECT_EQ(holidayNamed(2027, "Alla helgons dag"), on(2027, 11, 6));   // its last
}

TEST(SwedishHolidays, TwoCanFallOnOneDay) {
  // Easter on 23 March 2008 put Ascension Day on 1 May: both are listed, Första maj first.
  auto days = namedDates(swedishHolidays(2008));
  ASSERT_EQ(days.size(), 16U);
  EXPECT_EQ(days[5], std::make_pair(std::string("2008-05-01"), std::string("Första maj")));
  EXPECT_EQ(days[6],
            std::make_pair(std::string("2008-05-01"), std::string("Kristi himmelsfärdsdag")));
}

TEST(BusinessDays, WeekendsAndHolidaysAreNot) {
  EXPECT_TRUE(isBusinessDay(on(2025, 4, 17)));   // Maundy Thursday is a working day
  EXPECT_FALSE(isBusinessDay(on(2025, 4, 18)));  // Good Friday
  EXPECT_FALSE(isBusinessDay(on(2025, 4, 21)));  // Easter Monday
  EXPECT_TRUE(isBusinessDay(on(2025, 4, 22)));
  EXPECT_FALSE(isBusinessDay(on(2025, 4, 26)));   // a Saturday
  EXPECT_FALSE(isBusinessDay(on(2025, 4, 27)));   // a Sunday
  EXPECT_FALSE(isBusinessDay(on(2025, 6, 20)));   // Midsummer Eve
  EXPECT_FALSE(isBusinessDay(on(2025, 12, 24)));  // Christmas Eve
  EXPECT_FALSE(isBusinessDay(on(2025, 12, 31)));  // New Year's Eve
  EXPECT_TRUE(isBusinessDay(on(2025, 12, 30)));
  EXPECT_FALSE(isBusinessDay(on(2026, 1, 6)));  // Epiphany, a Tuesday
  EXPECT_TRUE(isBusinessDay(on(2026, 1, 7)));
  EXPECT_TRUE(isBusinessDay(on(2024, 2, 29)));
}

TEST(BusinessDays, AYearHasItsWeekdaysLessItsWeekdayHolidays) {
  // 2025: 261 weekdays; on weekdays fall 1 and 6 Jan, 18 and 21 Apr, 1 and 29 May, 6 and 20 June,
  // 24, 25, 26 and 31 Dec: 12, so 249 business days.
  EXPECT_EQ(businessDaysBetween(on(2024, 12, 31), on(2025, 12, 31)), 249);
  // 2026: 261 weekdays; 6 June and 26 Dec are Saturdays, 31 Oct too: 10 on weekdays, 251 left.
  EXPECT_EQ(businessDaysBetween(on(2025, 12, 31), on(2026, 12, 31)), 251);
}

TEST(BusinessDays, AgreeWithTheListedHolidaysOverTwoCenturies) {
  // Walks years out of order so that each thread's small cache of years is evicted and rebuilt.
  for (int year : {2025, 1999, 2025, 2101, 2024, 2026, 2027, 2028, 2024}) {
    auto holidays = swedishHolidays(year);
    for (Date day = on(year, 1, 1); day <= on(year, 12, 31); day = addDays(day, 1)) {
      std::chrono::weekday weekday{std::chrono::sys_days{day}};
      bool weekend = weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
      bool holiday = std::any_of(holidays.begin(), holidays.end(),
                                 [&](const Holiday& h) { return h.date == day; });
      ASSERT_EQ(isBusinessDay(day), !weekend && !holiday) << formatDate(day);
    }
  }
}

TEST(BusinessDays, AnswerTheSameOnManyThreadsAtOnce) {
  // 2025 has 249 business days, 2026 251; threads asking about many years at once must agree.
  std::vector<int> counts(8, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&counts, t] {
      for (int round = 0; round < 20; ++round) {
        int year = round % 2 == 0 ? 2025 : 2026;
        int other = 2030 + static_cast<int>(t) + round;  // evicts the slot of another year
        isBusinessDay(on(other, 3, 3));
        counts[t] += businessDaysBetween(on(year - 1, 12, 31), on(year, 12, 31));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : counts) EXPECT_EQ(count, 10 * 249 + 10 * 251);
}

TEST(BusinessDaysBefore, StepsOverEaster) {
  // Tue 22 April 2025: Mon 21 is Easter Monday, Fri 18 Good Friday, so Thu 17 is one before.
  EXPECT_EQ(businessDaysBefore(on(2025, 4, 22), 1), on(2025, 4, 17));
  EXPECT_EQ(businessDaysBefore(on(2025, 4, 22), 2), on(2025, 4, 16));
  EXPECT_EQ(businessDaysBefore(on(2025, 4, 22), 6), on(2025, 4, 10));
}

TEST(BusinessDaysBefore, StepsOverChristmasAndNewYear) {
  // Fri 2 Jan 2026: 1 Jan, 31 Dec (New Year's Eve), then Tue 30 and Mon 29 Dec, then over the
  // weekend and 26, 25, 24 Dec to Tue 23 Dec.
  EXPECT_EQ(businessDaysBefore(on(2026, 1, 2), 1), on(2025, 12, 30));
  EXPECT_EQ(businessDaysBefore(on(2026, 1, 2), 2), on(2025, 12, 29));
  EXPECT_EQ(businessDaysBefore(on(2026, 1, 2), 3), on(2025, 12, 23));
}

TEST(BusinessDaysBefore, ZeroKeepsABusinessDayAndOtherwiseGoesBack) {
  EXPECT_EQ(businessDaysBefore(on(2025, 10, 29), 0), on(2025, 10, 29));
  EXPECT_EQ(businessDaysBefore(on(2025, 4, 21), 0), on(2025, 4, 17));    // Easter Monday
  EXPECT_EQ(businessDaysBefore(on(2025, 6, 21), 0), on(2025, 6, 19));    // Midsummer Day, Eve
  EXPECT_EQ(businessDaysBefore(on(2025, 12, 31), 0), on(2025, 12, 30));  // New Year's Eve
  EXPECT_EQ(businessDaysBefore(on(2025, 12, 26), 0), on(2025, 12, 23));
}

TEST(BusinessDaysBefore, CountsFromADayOffAsFromTheDayAfterTheBusinessDayBefore) {
  // From Saturday 21 June 2025 the first business day back is Thursday 19 (Friday is Midsummer
  // Eve), the same day n = 0 gives.
  EXPECT_EQ(businessDaysBefore(on(2025, 6, 21), 1), on(2025, 6, 19));
  EXPECT_EQ(businessDaysBefore(on(2025, 6, 21), 2), on(2025, 6, 18));
}

TEST(BusinessDaysAfter, StepsOverEasterChristmasAndNewYear) {
  EXPECT_EQ(businessDaysAfter(on(2025, 4, 17), 1), on(2025, 4, 22));
  // Tue 23 Dec 2025 -> Mon 29, Tue 30, then over 31 Dec and 1 Jan to Fri 2 Jan, then over the
  // weekend and Epiphany (Tue 6 Jan) to Mon 5 and Wed 7 Jan.
  EXPECT_EQ(businessDaysAfter(on(2025, 12, 23), 1), on(2025, 12, 29));
  EXPECT_EQ(businessDaysAfter(on(2025, 12, 23), 2), on(2025, 12, 30));
  EXPECT_EQ(businessDaysAfter(on(2025, 12, 23), 3), on(2026, 1, 2));
  EXPECT_EQ(businessDaysAfter(on(2025, 12, 23), 4), on(2026, 1, 5));
  EXPECT_EQ(businessDaysAfter(on(2025, 12, 23), 5), on(2026, 1, 7));
  // Ascension 2026 is Thursday 14 May.
  EXPECT_EQ(businessDaysAfter(on(2026, 5, 13), 1), on(2026, 5, 15));
}

TEST(BusinessDaysAfter, ZeroKeepsABusinessDayAndOtherwiseGoesForward) {
  EXPECT_EQ(businessDaysAfter(on(2025, 4, 17), 0), on(2025, 4, 17));
  EXPECT_EQ(businessDaysAfter(on(2025, 4, 18), 0), on(2025, 4, 22));  // Good Friday
  EXPECT_EQ(businessDaysAfter(on(2025, 12, 24), 0), on(2025, 12, 29));
}

TEST(BusinessDays, ANegativeCountGoesTheOtherWay) {
  EXPECT_EQ(businessDaysBefore(on(2025, 4, 17), -1), on(2025, 4, 22));
  EXPECT_EQ(businessDaysAfter(on(2025, 4, 22), -1), on(2025, 4, 17));
}

TEST(BusinessDaysBetween, CountsTheBusinessDaysAfterFromUpToTo) {
  EXPECT_EQ(businessDaysBetween(on(2025, 4, 17), on(2025, 4, 22)), 1);  // over Easter
  EXPECT_EQ(businessDaysBetween(on(2025, 4, 22), on(2025, 4, 17)), -1);
  EXPECT_EQ(businessDaysBetween(on(2025, 4, 17), on(2025, 4, 17)), 0);
  EXPECT_EQ(businessDaysBetween(on(2025, 4, 18), on(2025, 4, 21)), 0);  // Good Friday to Monday
  EXPECT_EQ(businessDaysBetween(on(2025, 12, 23), on(2026, 1, 7)), 5);
  EXPECT_EQ(businessDaysBetween(on(2026, 1, 7), on(2025, 12, 23)), -5);
}

TEST(BusinessDaysBetween, UndoesStepsFromABusinessDay) {
  for (Date day = on(2025, 12, 1); day <= on(2026, 1, 15); day = addDays(day, 1)) {
    if (!isBusinessDay(day)) continue;
    for (int n = 0; n <= 12; ++n) {
      SCOPED_TRACE(formatDate(day) + " n=" + std::to_string(n));
      EXPECT_EQ(businessDaysBetween(day, businessDaysAfter(day, n)), n);
      EXPECT_EQ(businessDaysBetween(businessDaysBefore(day, n), day), n);
    }
  }
}

}  // namespace
}  // namespace styr::domain
