// Calendar dates: strict YYYY-MM-DD parsing, formatting and day arithmetic.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "chain_fixture.hpp"
#include "domain/date.hpp"

namespace styr::domain {
namespace {

using fixture::on;

class RejectedDate : public ::testing::TestWithParam<const char*> {};

TEST_P(RejectedDate, IsNotParsed) {
  EXPECT_EQ(parseDate(GetParam()), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(Dates, RejectedDate,
                         ::testing::Values("2025-02-30", "2025-2-3", "", "2025-13-01", "2025-00-10",
                                           "2025-01-00", "2025-01-32", "2025-02-29", "1900-02-29",
                                           "2025/01/10", "2025-01-1a", " 2025-01-10", "2025-01-10 ",
                                           "2025-01-010", "+025-01-10", "2025-+1-10", "20250110",
                                           "2025-01-10T00:00:00Z"));

TEST(Dates, ParsesAValidDay) {
  EXPECT_EQ(parseDate("2025-01-10"), on(2025, 1, 10));
  EXPECT_EQ(parseDate("2025-12-31"), on(2025, 12, 31));
  EXPECT_EQ(parseDate("1971-01-01"), on(1971, 1, 1));
}

TEST(Dates, LeapDays) {
  EXPECT_EQ(parseDate("2024-02-29"), on(2024, 2, 29));
  EXPECT_EQ(parseDate("2000-02-29"), on(2000, 2, 29));  // divisible by 400
  EXPECT_EQ(parseDate("2025-02-29"), std::nullopt);
  EXPECT_EQ(parseDate("2100-02-29"), std::nullopt);  // divisible by 100, not by 400
}

TEST(Dates, FormatsWithZeroPadding) {
  EXPECT_EQ(formatDate(on(2025, 1, 5)), "2025-01-05");
  EXPECT_EQ(formatDate(on(2024, 12, 31)), "2024-12-31");
  EXPECT_EQ(formatDate(on(999, 3, 7)), "0999-03-07");
}

TEST(Dates, FormatAndParseRoundTrip) {
  for (const char* text : {"2025-01-10", "2024-02-29", "2000-02-29", "1999-12-31", "0999-03-07",
                           "9999-12-31", "2025-10-01"}) {
    SCOPED_TRACE(text);
    std::optional<Date> date = parseDate(text);
    ASSERT_TRUE(date);
    EXPECT_EQ(formatDate(*date), text);
  }
  Date day = on(2024, 2, 1);
  for (int i = 0; i < 400; ++i, day = addDays(day, 1)) {
    ASSERT_EQ(parseDate(formatDate(day)), day) << formatDate(day);
  }
}

TEST(Dates, AddDaysAcrossALeapDay) {
  EXPECT_EQ(addDays(on(2024, 2, 28), 1), on(2024, 2, 29));
  EXPECT_EQ(addDays(on(2024, 2, 28), 2), on(2024, 3, 1));
  EXPECT_EQ(addDays(on(2025, 2, 28), 1), on(2025, 3, 1));
  EXPECT_EQ(addDays(on(2024, 3, 1), -1), on(2024, 2, 29));
  EXPECT_EQ(addDays(on(2024, 12, 31), 1), on(2025, 1, 1));
  EXPECT_EQ(addDays(on(2025, 1, 10), 0), on(2025, 1, 10));
  EXPECT_EQ(addDays(on(2024, 1, 1), 366), on(2025, 1, 1));
}

TEST(Dates, DaysBetweenAcrossALeapDay) {
  EXPECT_EQ(daysBetween(on(2024, 2, 28), on(2024, 3, 1)), 2);
  EXPECT_EQ(daysBetween(on(2025, 2, 28), on(2025, 3, 1)), 1);
  EXPECT_EQ(daysBetween(on(2024, 3, 1), on(2024, 2, 28)), -2);
  EXPECT_EQ(daysBetween(on(2024, 1, 1), on(2025, 1, 1)), 366);
  EXPECT_EQ(daysBetween(on(2025, 1, 1), on(2026, 1, 1)), 365);
  EXPECT_EQ(daysBetween(on(2025, 6, 30), on(2025, 6, 30)), 0);
}

TEST(Dates, AddDaysAndDaysBetweenAreInverse) {
  const Date start = on(2023, 12, 20);
  for (int days : {-800, -366, -1, 0, 1, 59, 60, 365, 366, 1461}) {
    SCOPED_TRACE(days);
    EXPECT_EQ(daysBetween(start, addDays(start, days)), days);
  }
}

}  // namespace
}  // namespace styr::domain
