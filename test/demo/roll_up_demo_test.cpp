// The roll-up over the whole Lerum demo: the bulk derived status the overview uses gives every
// item what the per-item form gives, and indicator roll-ups account for every value reported.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "demo/lerum_demo.hpp"
#include "domain/chain_index.hpp"
#include "domain/roll_up.hpp"

namespace styr::demo {
namespace {

using domain::Assessment;
using domain::ChainIndex;
using domain::DerivedStatus;
using domain::FollowUpOccasion;
using domain::OrganisationData;

constexpr domain::Date ymd(int year, unsigned month, unsigned day) {
  return domain::Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

//! The demo with one more occasion at the end of its year, in which every recipient submitted
//! a report-back assessing most of its items: every assessment in turn, and every sixth item
//! left unassessed, so that the derived statuses are mixed at every level.
OrganisationData demoWithAssessments() {
  OrganisationData data = buildLerumDemo();
  FollowUpOccasion year_end;
  year_end.code = "ROLLUP-TEST";
  year_end.year = 2025;
  year_end.name = "Rulltest";
  year_end.kind = domain::OccasionKind::annual_report;
  year_end.level = domain::FollowUpLevel::council;
  year_end.body = data.units.front().code;
  year_end.period_end = ymd(2025, 12, 31);
  year_end.meeting = ymd(2026, 2, 20);
  year_end.topics = {domain::Topic::operations, domain::Topic::quality_goals};
  data.occasions.push_back(year_end);

  constexpr Assessment kInTurn[] = {Assessment::fulfilled, Assessment::fulfilled,
                                    Assessment::partly_fulfilled, Assessment::not_fulfilled,
                                    Assessment::cannot_be_assessed};
  std::map<std::pair<std::string, std::string>, domain::ReportBack> by_recipient;
  for (std::size_t i = 0; i < data.items.size(); ++i) {
    const domain::Item& item = data.items[i];
    if (i % 6 == 5) continue;
    domain::ReportBack& report = by_recipient[{item.recipient_unit, item.recipient_person}];
    report.occasion = year_end.code;
    report.recipient_unit = item.recipient_unit;
    report.recipient_person = item.recipient_person;
    report.status = domain::ReportBackStatus::submitted;
    report.submitted_by = "P-TEST";
    report.submitted_at = "2026-01-20T10:00:00.000000Z";
    report.assessments.push_back(domain::ItemAssessment{
        item.code, kInTurn[i % std::size(kInTurn)], domain::Trend::unchanged, "Analys", {}});
  }
  for (auto& [recipient, report] : by_recipient) data.report_backs.push_back(std::move(report));
  return data;
}

TEST(RollUpDemo, BulkDerivedStatusEqualsThePerItemOneForEveryItem) {
  const OrganisationData data = demoWithAssessments();
  ChainIndex index(data);
  // The demo's own occasions, if it has any, and the one added here.
  for (const FollowUpOccasion& as_of : data.occasions) {
    domain::LatestAssessments latest = domain::latestAssessments(data, index, as_of);
    std::vector<DerivedStatus> bulk = domain::derivedStatuses(index, latest);
    ASSERT_EQ(bulk.size(), data.items.size());
    for (std::size_t i = 0; i < data.items.size(); ++i) {
      ASSERT_EQ(bulk[i], domain::derivedStatus(data.items[i].code, index, latest))
          << data.items[i].code << " as of " << as_of.code;
    }
  }

  domain::LatestAssessments latest = domain::latestAssessments(data, index, data.occasions.back());
  std::vector<DerivedStatus> bulk = domain::derivedStatuses(index, latest);
  // The council's goals carry the whole chain below them, every kind of assessment included.
  auto widest = std::max_element(
      bulk.begin(), bulk.end(), [](const auto& a, const auto& b) { return a.items() < b.items(); });
  EXPECT_GT(widest->items(), 50u);
  EXPECT_EQ(widest->worst(), Assessment::not_fulfilled);
  EXPECT_GT(widest->count(Assessment::cannot_be_assessed), 0u);
  EXPECT_GT(widest->not_assessed, 0u);
}

TEST(RollUpDemo, EveryIndicatorsTopUnitAccountsForEveryValueReported) {
  const OrganisationData data = buildLerumDemo();
  ChainIndex index(data);
  const std::string& root = data.units.front().code;
  ASSERT_TRUE(data.units.front().parent.empty());
  std::size_t checked = 0;
  for (const auto& indicator : data.indicators) {
    std::map<domain::Date, std::vector<const domain::IndicatorValue*>> by_period;
    for (const auto& value : data.indicator_values) {
      if (value.indicator == indicator.code) by_period[value.period_end].push_back(&value);
    }
    for (const auto& [period_end, values] : by_period) {
      auto rolled = domain::rollUpIndicator(indicator, data.indicator_values, index, period_end);
      ASSERT_TRUE(rolled.count(root)) << indicator.code;
      const domain::AggregatedValue& top = rolled.at(root);
      EXPECT_EQ(top.units_reported, values.size()) << indicator.code;
      EXPECT_TRUE(top.missing.empty()) << indicator.code;
      double sum = 0, numerators = 0, denominators = 0;
      for (const auto* value : values) {
        sum += value->value;
        numerators += value->numerator.value_or(0);
        denominators += value->denominator.value_or(0);
      }
      ASSERT_TRUE(top.value) << indicator.code;
      if (indicator.aggregation == domain::Aggregation::sum) {
        EXPECT_NEAR(*top.value, sum, 1e-6 * std::fabs(sum)) << indicator.code;
        ++checked;
      } else if (indicator.aggregation == domain::Aggregation::ratio_of_sums) {
        double scale = indicator.unit_of_measure == "%"   ? 100.0
                       : indicator.unit_of_measure == "‰" ? 1000.0
                                                          : 1.0;
        EXPECT_NEAR(*top.value, scale * numerators / denominators, 1e-9 * scale) << indicator.code;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0u);
}

}  // namespace
}  // namespace styr::demo
