#include "app/indicator_use_cases.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "app/audit_trail.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::app {

namespace {

using access::Action;
using domain::Aggregation;
using domain::Indicator;
using domain::IndicatorValue;

constexpr double kRatioTolerance = 1e-9;

std::string labelOf(const IndicatorValue& value) {
  return fmt::format("value of {} for {} at {}", value.indicator, value.unit,
                     domain::formatDate(value.period_end));
}

std::string auditKey(const IndicatorValue& value) {
  return fmt::format("{}/{}/{}", value.indicator, value.unit, domain::formatDate(value.period_end));
}

//! Every figure the indicator's aggregation cannot use, or lacks, as one detail per field.
//! Fills in the value of a ratio of sums that was left out.
std::vector<ErrorDetail> checkFigures(const Indicator& indicator, IndicatorValue& value,
                                      const ReportedValue& reported) {
  std::vector<ErrorDetail> problems;
  auto problem = [&](std::string_view field, std::string message) {
    problems.push_back({std::string(field), "", std::move(message)});
  };
  std::string_view aggregation = domain::toString(indicator.aggregation);
  auto finite = [&](std::string_view field, const std::optional<double>& number) {
    if (number && !std::isfinite(*number)) problem(field, "must be a finite number");
    return number && std::isfinite(*number);
  };
  bool has_value = finite("value", reported.value);
  bool has_numerator = finite("numerator", reported.numerator);
  bool has_denominator = finite("denominator", reported.denominator);
  bool has_weight = finite("weight", reported.weight);
  // Figures no aggregation of this indicator reads would be stored unread and mislead
  // whoever later takes them for the basis of the value.
  auto unused = [&](std::string_view field, const std::optional<double>& number,
                    std::string_view used_by) {
    if (number) {
      problem(field, fmt::format("{} is for {} indicators, and {} is aggregated as {}; leave it "
                                 "out",
                                 field, used_by, indicator.code, aggregation));
    }
  };

  if (indicator.aggregation == Aggregation::ratio_of_sums) {
    unused("weight", reported.weight, "weighted-mean");
    std::string why = fmt::format(
        "{} is a ratio of sums, rolled up as the sum of numerators over the sum of "
        "denominators, never as a mean of ratios",
        indicator.code);
    if (!reported.numerator) problem("numerator", fmt::format("is required: {}", why));
    if (!reported.denominator) {
      problem("denominator", fmt::format("is required: {}", why));
    } else if (has_denominator && *reported.denominator <= 0) {
      problem("denominator", fmt::format("must be positive, and it is {}", *reported.denominator));
    }
    if (has_numerator && has_denominator && *reported.denominator > 0) {
      double ratio = ratioScale(indicator) * *reported.numerator / *reported.denominator;
      if (!reported.value) {
        value.value = ratio;
      } else if (has_value) {
        double scale = std::max(std::fabs(ratio), std::fabs(*reported.value));
        if (std::fabs(ratio - *reported.value) > kRatioTolerance * scale) {
          problem("value",
                  fmt::format("{} is not what numerator and denominator give: {}{} / {} = {} "
                              "({}); send the value that agrees with them, or leave it out",
                              *reported.value,
                              ratioScale(indicator) == 1.0
                                  ? std::string()
                                  : fmt::format("{} * ", ratioScale(indicator)),
                              *reported.numerator, *reported.denominator, ratio,
                              indicator.unit_of_measure));
        }
      }
    }
  } else {
    if (!reported.value) {
      problem("value", fmt::format("is required: only a ratio of sums' value can be computed, "
                                   "and {} is aggregated as {}",
                                   indicator.code, aggregation));
    }
    unused("numerator", reported.numerator, "ratio-of-sums");
    unused("denominator", reported.denominator, "ratio-of-sums");
    if (indicator.aggregation == Aggregation::weighted_mean) {
      if (!reported.weight) {
        problem("weight", fmt::format("is required: {} is a weighted mean, and the weight "
                                      "says how much this unit's value counts",
                                      indicator.code));
      } else if (has_weight && *reported.weight <= 0) {
        problem("weight", fmt::format("must be positive, and it is {}", *reported.weight));
      }
    } else {
      unused("weight", reported.weight, "weighted-mean");
    }
  }
  return problems;
}

Error brokenReference(std::string_view field, const IndicatorValue& value, std::string message) {
  return Error{ErrorCode::rule_broken,
               fmt::format("the {} breaks 1 rule; nothing was written", labelOf(value)),
               {{std::string(field), "integrity", std::move(message)}}};
}

}  // namespace

double ratioScale(const Indicator& indicator) {
  if (indicator.unit_of_measure == "%") return 100.0;
  if (indicator.unit_of_measure == "‰") return 1000.0;
  return 1.0;
}

std::optional<domain::IndicatorTarget> applicableTarget(const Indicator& indicator,
                                                        std::string_view unit, int year) {
  std::optional<domain::IndicatorTarget> organisation_wide;
  for (const auto& target : indicator.targets) {
    if (target.year != year) continue;
    if (target.unit == unit && !unit.empty()) return target;
    if (target.unit.empty()) organisation_wide = target;
  }
  return organisation_wide;
}

Result<IndicatorValue> recordIndicatorValue(const UseCaseContext& context, const Caller& caller,
                                            std::string_view indicator_code,
                                            const ReportedValue& reported) {
  const std::string& organisation = caller.actor.organisation;
  {
    std::vector<ErrorDetail> missing;
    if (reported.unit.empty()) {
      missing.push_back({"unit", "", "is required: the unit the value is reported for"});
    }
    if (!reported.period_end.ok()) {
      missing.push_back({"period_end", "", "is required: the last day of the period reported"});
    }
    if (!missing.empty()) {
      return Error{ErrorCode::invalid_input, "the value does not say what it is for",
                   std::move(missing)};
    }
  }
  IndicatorValue value;
  value.indicator = std::string(indicator_code);
  value.unit = reported.unit;
  value.period_end = reported.period_end;
  value.value = reported.value.value_or(0.0);
  value.numerator = reported.numerator;
  value.denominator = reported.denominator;
  value.weight = reported.weight;

  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto snapshot = context.models.current(context.store, organisation);
  const domain::ChainIndex& index = snapshot->index();
  const Indicator* indicator = index.indicator(indicator_code);
  if (indicator == nullptr) {
    return Error{ErrorCode::not_found, fmt::format("there is no indicator {}", indicator_code), {}};
  }
  const domain::Unit* unit = index.unit(reported.unit);
  if (unit == nullptr) {
    return brokenReference(
        "unit", value,
        fmt::format("{}: the unit {} does not exist", labelOf(value), reported.unit));
  }
  access::Rights rights(caller.actor, index, context.clock.today());
  if (auto decision = rights.can(Action::record_indicator_value,
                                 {organisation, nullptr, nullptr, unit->code, {}});
      !decision) {
    return notAllowed(decision);
  }
  if (auto problems = checkFigures(*indicator, value, reported); !problems.empty()) {
    return Error{ErrorCode::invalid_input,
                 fmt::format("the figures do not fit {}, which is aggregated as {}; nothing was "
                             "written",
                             indicator->code, domain::toString(indicator->aggregation)),
                 std::move(problems)};
  }
  if (!domain::isValidOn(unit->valid_from, unit->valid_to, value.period_end)) {
    return brokenReference(
        "period_end", value,
        fmt::format("{}: the unit {} exists from {}{}, not on {}", labelOf(value), unit->code,
                    domain::formatDate(unit->valid_from),
                    unit->valid_to ? " to " + domain::formatDate(*unit->valid_to) : "",
                    domain::formatDate(value.period_end)));
  }
  const auto& stored = snapshot->data().indicator_values;
  auto same = [&](const IndicatorValue& other) {
    return other.indicator == value.indicator && other.unit == value.unit &&
           other.period_end == value.period_end;
  };
  Error reported_already{
      ErrorCode::conflict,
      fmt::format("{} has already been reported; a period is reported once", labelOf(value)),
      {{"period_end", "", "choose the period not yet reported"}}};
  if (auto existing = std::find_if(stored.begin(), stored.end(), same); existing != stored.end()) {
    reported_already.details[0].message =
        fmt::format("{} was reported as {}", domain::formatDate(value.period_end), existing->value);
    return reported_already;
  }
  domain::OrganisationData with_value = snapshot->data();
  with_value.indicator_values.push_back(value);
  auto fresh = newViolations(snapshot->violations(), domain::validate(with_value));
  if (!fresh.empty()) return ruleBroken(fresh, labelOf(value));
  try {
    context.store.insertIndicatorValues(organisation, {value});
  } catch (const DuplicateRecord&) {
    reported_already.message = fmt::format(
        "{} was reported by someone else meanwhile; nothing was written", labelOf(value));
    return reported_already;
  }
  AuditTrail trail(context.clock, organisation, caller.name);
  trail.record("indicator_value.recorded", "indicator_value", auditKey(value), "",
               interchange::recordJson(value));
  trail.write(context.store);
  transaction.commit();
  return value;
}

}  // namespace styr::app
