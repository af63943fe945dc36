#pragma once
// Indicators' reported values: a unit's head (or a head above it), a political body's
// secretary or a controller records one value of an indicator for one unit and period
// (src/access decides who). The figures must carry what the indicator's aggregation needs to
// be rolled up honestly (a ratio of sums its numerator and denominator, a weighted mean its
// weight), the unit must exist on the period's last day, and a period is reported once; the
// organisation with the value is checked by domain::validate, and the value is written with
// one audit entry in the same transaction. Nothing is written when any check fails.

#include <optional>
#include <string>
#include <string_view>

#include "app/changes.hpp"
#include "app/error.hpp"
#include "app/item_use_cases.hpp"
#include "domain/model.hpp"

namespace styr::app {

//! A value as reported, before it is checked against its indicator. `value` may be left out
//! for a ratio-of-sums indicator: it is then computed from numerator and denominator.
struct ReportedValue {
  std::string unit;
  domain::Date period_end;
  std::optional<double> value;
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::optional<double> weight;
};

//! How many units of measure the ratio numerator/denominator is: 100 for a percentage, 1000
//! for per mille, else 1 (the demo's and Kolada's percentages are reported as 88.1, not 0.881).
double ratioScale(const domain::Indicator& indicator);

//! Records one value of `indicator` (a code): refused with not_found for an unknown indicator,
//! forbidden for someone who does not answer for the unit's figures, invalid_input for figures
//! the aggregation cannot use (every problem listed, by field), rule_broken for a unit that
//! does not exist on `period_end` or a value domain::validate refuses, conflict when the unit
//! already has a value of the indicator for that period (a correction is not a second report).
//! A ratio of sums' value must equal scale * numerator / denominator (ratioScale) within a
//! relative 1e-9, so that the stored figures never disagree with each other.
Result<domain::IndicatorValue> recordIndicatorValue(const UseCaseContext& context,
                                                    const Caller& caller,
                                                    std::string_view indicator,
                                                    const ReportedValue& reported);

//! The target a unit's value for `year` is measured against: the unit's own target for that
//! year if the indicator has one, else the organisation's (a target without a unit); nullopt
//! when neither is set.
std::optional<domain::IndicatorTarget> applicableTarget(const domain::Indicator& indicator,
                                                        std::string_view unit, int year);

}  // namespace styr::app
