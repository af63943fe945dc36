#pragma once
// Swedish business days, on which follow-up deadlines are counted (D10; issue 5): Monday to
// Friday except the public holidays of the law on general holidays (lagen 1989:253) and the
// three days nobody works in practice, Midsummer Eve, Christmas Eve and New Year's Eve.
// The holidays are those in force since 2005 (the National Day replaced Whit Monday); earlier
// years are computed by the same rules, since no follow-up plan reaches back that far.

#include <string>
#include <vector>

#include "domain/date.hpp"

namespace styr::domain {

//! A day off in Sweden, named as Swedes name it ("Långfredagen").
struct Holiday {
  Date date;
  std::string name;
};

//! Easter Sunday of `year` in the Gregorian calendar (the anonymous computus; year >= 1583).
Date easterSunday(int year);

//! The year's sixteen holidays, in date order; two can fall on the same day (in 2008 Ascension
//! Day was 1 May). Sundays and Saturdays among them (Easter Sunday, Whitsunday, Midsummer Day,
//! All Saints' Day) are listed because users look for them, though they change no count.
std::vector<Holiday> swedishHolidays(int year);

//! Monday to Friday and not one of swedishHolidays().
bool isBusinessDay(const Date& date);

//! The n-th business day before `date` (not counting `date` itself); for n = 0, `date` if it is
//! a business day, else the business day before it. So a deadline "n business days before"
//! a meeting never falls on a day off. A negative n counts forward, as businessDaysAfter(-n).
Date businessDaysBefore(const Date& date, int n);

//! The n-th business day after `date`; for n = 0, `date` if it is a business day, else the
//! next business day. A negative n counts backward, as businessDaysBefore(-n).
Date businessDaysAfter(const Date& date, int n);

//! The business days after `from` up to and including `to`, negative when `to` is earlier
//! (then minus those after `to` up to and including `from`). For a business day d,
//! businessDaysBetween(d, businessDaysAfter(d, n)) == n.
int businessDaysBetween(const Date& from, const Date& to);

}  // namespace styr::domain
