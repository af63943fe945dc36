// Recording indicator values, on both backends, over the Lerum demo on its own date: who may
// record for which unit, what each aggregation needs, and that every refusal writes nothing.

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <memory>

#include "app/import_organisation.hpp"
#include "app/indicator_use_cases.hpp"
#include "app/lerum_callers.hpp"
#include "demo/lerum_demo.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::app {
namespace {

using test_support::day;
using test_support::kLerum;
using test_support::personCaller;

using domain::IndicatorValue;
using namespace std::chrono_literals;

//! A percentage of pupils eligible for upper secondary school, as LAR-E01 reports it.
ReportedValue eligibility(const std::string& unit = "LAR-E01") {
  ReportedValue reported;
  reported.unit = unit;
  reported.period_end = day(2025, 10, 31);
  reported.numerator = 45;
  reported.denominator = 50;
  reported.value = 90;
  return reported;
}

class IndicatorUseCases : public ::testing::TestWithParam<test::BackendKind> {
 protected:
  void SetUp() override {
    if (GetParam() == test::BackendKind::postgres && !test::postgresConfigured()) {
      GTEST_SKIP() << "no PostgreSQL server configured (scripts/test.sh starts one)";
    }
    database_ = std::make_unique<test::TestDatabase>(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    store_ = store::openStore(database_->db());
    static const auto data = demo::buildLerumDemo();
    ASSERT_TRUE(importOrganisation(*store_, clock_, "test", data));
    auto people = demo::lerumKeyPeople();
    unit_manager_ = personCaller(people.unit_manager, "enhetschef");
    sector_head_ = personCaller(people.sector_head, "sektorschef");
    employee_ = personCaller(people.employee, "medarbetare");
    controller_ = personCaller(people.controller, "controller");
    council_member_ = personCaller(people.council_member, "ledamot");
    administrator_ = personCaller(people.administrator, "admin");
    administrator_.actor.administrator = true;
  }

  UseCaseContext context() { return UseCaseContext{*store_, clock_, models_}; }

  std::int64_t sequence() { return store_->auditSequence(kLerum); }

  std::vector<IndicatorValue> storedValues(const std::string& indicator, const std::string& unit) {
    std::vector<IndicatorValue> found;
    for (auto& value : store_->loadOrganisation(kLerum).indicator_values) {
      if (value.indicator == indicator && value.unit == unit) found.push_back(value);
    }
    return found;
  }

  //! Fails the test unless `result` is the error `code` and nothing was written.
  void expectRefused(const Result<IndicatorValue>& result, ErrorCode code,
                     std::int64_t sequence_before, std::size_t values_before) {
    ASSERT_FALSE(result) << "the value was not refused";
    EXPECT_EQ(result.error().code, code) << result.error().message;
    EXPECT_EQ(sequence(), sequence_before) << "a refused value moved the audit sequence";
    EXPECT_EQ(store_->loadOrganisation(kLerum).indicator_values.size(), values_before)
        << "a refused value was written";
  }

  std::size_t valueCount() { return store_->loadOrganisation(kLerum).indicator_values.size(); }

  //! Where the first detail of a refusal points.
  static std::string firstWhere(const Result<IndicatorValue>& result) {
    if (result || result.error().details.empty()) return {};
    return result.error().details.front().where;
  }

  FixedClock clock_{std::chrono::sys_days(demo::lerumDemoDate()) + 11h};
  ReadModels models_;
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<Store> store_;
  Caller unit_manager_;
  Caller sector_head_;
  Caller employee_;
  Caller controller_;
  Caller council_member_;
  Caller administrator_;
};

TEST_P(IndicatorUseCases, TheUnitManagerRecordsAValueWithExactlyOneAuditEntry) {
  auto before = sequence();
  auto stored_before = storedValues("BEHORIGHET", "LAR-E01").size();
  auto recorded = recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", eligibility());
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_DOUBLE_EQ(recorded.value().value, 90.0);
  auto stored = storedValues("BEHORIGHET", "LAR-E01");
  ASSERT_EQ(stored.size(), stored_before + 1);
  auto written = std::find_if(stored.begin(), stored.end(), [](const IndicatorValue& value) {
    return value.period_end == day(2025, 10, 31);
  });
  ASSERT_NE(written, stored.end());
  EXPECT_DOUBLE_EQ(written->value, 90.0);
  EXPECT_EQ(written->numerator, 45.0);
  EXPECT_EQ(written->denominator, 50.0);
  EXPECT_FALSE(written->weight);

  EXPECT_EQ(sequence(), before + 1);
  auto trail = store_->auditEntriesOf(kLerum, "indicator_value", "BEHORIGHET/LAR-E01/2025-10-31");
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_EQ(trail[0].action, "indicator_value.recorded");
  EXPECT_EQ(trail[0].actor, unit_manager_.name);
  EXPECT_EQ(trail[0].before, "");
  auto after = nlohmann::json::parse(trail[0].after);
  EXPECT_EQ(after["unit"], "LAR-E01");
  EXPECT_EQ(after["period_end"], "2025-10-31");
  EXPECT_EQ(after["numerator"], 45.0);
}

TEST_P(IndicatorUseCases, ARatioOfSumsLeftWithoutItsValueGetsItFromNumeratorAndDenominator) {
  ReportedValue reported = eligibility();
  reported.value.reset();
  reported.numerator = 39;
  reported.denominator = 49;
  auto recorded = recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", reported);
  ASSERT_TRUE(recorded) << recorded.error().message;
  // A percentage, as the demo's own values of the indicator are.
  EXPECT_NEAR(recorded.value().value, 100.0 * 39 / 49, 1e-12);
}

TEST_P(IndicatorUseCases, TheHeadsAboveAndControllersRecordOthersDoNot) {
  // The sector head answers for the figures of every unit of Lärande.
  ASSERT_TRUE(recordIndicatorValue(context(), sector_head_, "BEHORIGHET", eligibility("LAR-E02")));
  // A controller brings figures in for any unit, whichever sector.
  ReportedValue energy;
  energy.unit = "VOO-E03";
  energy.period_end = day(2025, 10, 31);
  energy.value = 12'345;
  auto by_controller = recordIndicatorValue(context(), controller_, "ENERGI", energy);
  ASSERT_TRUE(by_controller) << by_controller.error().message;

  auto before = sequence();
  auto values = valueCount();
  // LAR-E03 is a sibling of the unit the unit manager heads.
  expectRefused(
      recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", eligibility("LAR-E03")),
      ErrorCode::forbidden, before, values);
  expectRefused(recordIndicatorValue(context(), employee_, "BEHORIGHET", eligibility()),
                ErrorCode::forbidden, before, values);
  expectRefused(recordIndicatorValue(context(), council_member_, "BEHORIGHET", eligibility()),
                ErrorCode::forbidden, before, values);
  expectRefused(recordIndicatorValue(context(), administrator_, "BEHORIGHET", eligibility()),
                ErrorCode::forbidden, before, values);
}

TEST_P(IndicatorUseCases, FiguresTheAggregationCannotUseAreRefusedFieldByField) {
  auto before = sequence();
  auto values = valueCount();

  ReportedValue no_denominator = eligibility();
  no_denominator.denominator.reset();
  auto refused = recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", no_denominator);
  expectRefused(refused, ErrorCode::invalid_input, before, values);
  EXPECT_EQ(firstWhere(refused), "denominator");

  ReportedValue zero_denominator = eligibility();
  zero_denominator.denominator = 0;
  refused = recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", zero_denominator);
  expectRefused(refused, ErrorCode::invalid_input, before, values);
  EXPECT_EQ(firstWhere(refused), "denominator");

  // 45 of 50 is 90 %, not 91 %.
  ReportedValue disagreeing = eligibility();
  disagreeing.value = 91;
  refused = recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", disagreeing);
  expectRefused(refused, ErrorCode::invalid_input, before, values);
  EXPECT_EQ(firstWhere(refused), "value");
  // Nor is it 0.9: the ratio is in the indicator's unit of measure.
  disagreeing.value = 0.9;
  expectRefused(recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", disagreeing),
                ErrorCode::invalid_input, before, values);

  // HME is a weighted mean: the weight says how much the unit's value counts.
  ReportedValue engagement;
  engagement.unit = "LAR-E01";
  engagement.period_end = day(2025, 11, 30);
  engagement.value = 81;
  refused = recordIndicatorValue(context(), unit_manager_, "HME", engagement);
  expectRefused(refused, ErrorCode::invalid_input, before, values);
  EXPECT_EQ(firstWhere(refused), "weight");
  engagement.weight = 0;
  expectRefused(recordIndicatorValue(context(), unit_manager_, "HME", engagement),
                ErrorCode::invalid_input, before, values);
  // A numerator means nothing to a weighted mean, and a value cannot be computed for one.
  engagement.weight = 40;
  engagement.numerator = 3;
  engagement.value.reset();
  refused = recordIndicatorValue(context(), unit_manager_, "HME", engagement);
  expectRefused(refused, ErrorCode::invalid_input, before, values);
  ASSERT_EQ(refused.error().details.size(), 2U);
  EXPECT_EQ(refused.error().details[0].where, "value");
  EXPECT_EQ(refused.error().details[1].where, "numerator");
  engagement.numerator.reset();
  engagement.value = 81;
  ASSERT_TRUE(recordIndicatorValue(context(), unit_manager_, "HME", engagement));
}

TEST_P(IndicatorUseCases, AUnitNotValidOnThePeriodsEndIsARuleBroken) {
  auto before = sequence();
  auto values = valueCount();
  // LAR-A028 was a workplace of LAR-E21 until 2024-06-30.
  ReportedValue reported;
  reported.unit = "LAR-A028";
  reported.period_end = day(2025, 10, 31);
  reported.value = 1000;
  auto refused = recordIndicatorValue(context(), controller_, "ENERGI", reported);
  expectRefused(refused, ErrorCode::rule_broken, before, values);
  EXPECT_EQ(firstWhere(refused), "period_end");
  EXPECT_NE(refused.error().details[0].message.find("2024-06-30"), std::string::npos)
      << refused.error().details[0].message;
  // While it existed, its figures are welcome.
  reported.period_end = day(2024, 5, 31);
  auto recorded = recordIndicatorValue(context(), controller_, "ENERGI", reported);
  EXPECT_TRUE(recorded) << recorded.error().message;

  reported.unit = "LAR-X99";
  refused = recordIndicatorValue(context(), controller_, "ENERGI", reported);
  expectRefused(refused, ErrorCode::rule_broken, before + 1, values + 1);
  EXPECT_EQ(firstWhere(refused), "unit");
}

TEST_P(IndicatorUseCases, APeriodIsReportedOnceAndAnUnknownIndicatorIsNotFound) {
  ASSERT_TRUE(recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", eligibility()));
  auto before = sequence();
  auto values = valueCount();
  auto again = recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", eligibility());
  expectRefused(again, ErrorCode::conflict, before, values);
  EXPECT_EQ(firstWhere(again), "period_end");
  // The demo's own value for April counts as reported too.
  ReportedValue april = eligibility();
  april.period_end = day(2025, 4, 30);
  expectRefused(recordIndicatorValue(context(), controller_, "BEHORIGHET", april),
                ErrorCode::conflict, before, values);

  expectRefused(recordIndicatorValue(context(), unit_manager_, "BEHORIGHETT", eligibility()),
                ErrorCode::not_found, before, values);
  ReportedValue unnamed = eligibility();
  unnamed.unit.clear();
  auto refused = recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", unnamed);
  expectRefused(refused, ErrorCode::invalid_input, before, values);
  EXPECT_EQ(firstWhere(refused), "unit");
}

TEST_P(IndicatorUseCases, AValueWrittenByAnotherProcessMeanwhileIsAConflict) {
  models_.current(*store_, kLerum);
  // Written behind the read model's back (no audit entry moves the sequence), as a concurrent
  // writer's row the snapshot cannot know of yet.
  IndicatorValue meanwhile;
  meanwhile.indicator = "BEHORIGHET";
  meanwhile.unit = "LAR-E01";
  meanwhile.period_end = day(2025, 10, 31);
  meanwhile.value = 80;
  meanwhile.numerator = 40;
  meanwhile.denominator = 50;
  store_->begin();
  store_->insertIndicatorValues(kLerum, {meanwhile});
  store_->commit();

  auto before = sequence();
  auto values = valueCount();
  auto refused = recordIndicatorValue(context(), unit_manager_, "BEHORIGHET", eligibility());
  expectRefused(refused, ErrorCode::conflict, before, values);
  auto stored = storedValues("BEHORIGHET", "LAR-E01");
  auto kept = std::find_if(stored.begin(), stored.end(), [](const IndicatorValue& value) {
    return value.period_end == day(2025, 10, 31);
  });
  ASSERT_NE(kept, stored.end());
  EXPECT_DOUBLE_EQ(kept->value, 80.0);
}

TEST(ApplicableTarget, AUnitsOwnTargetComesBeforeTheOrganisations) {
  domain::Indicator absence;
  absence.code = "SJUKFRANVARO";
  absence.targets = {{2025, "", 6.5}, {2025, "SEK-LAR", 6.0}, {2026, "", 6.0}};
  auto own = applicableTarget(absence, "SEK-LAR", 2025);
  ASSERT_TRUE(own);
  EXPECT_EQ(own->unit, "SEK-LAR");
  EXPECT_DOUBLE_EQ(own->value, 6.0);
  auto shared = applicableTarget(absence, "SEK-VOO", 2025);
  ASSERT_TRUE(shared);
  EXPECT_EQ(shared->unit, "");
  EXPECT_DOUBLE_EQ(shared->value, 6.5);
  EXPECT_DOUBLE_EQ(applicableTarget(absence, "SEK-LAR", 2026)->value, 6.0);
  EXPECT_FALSE(applicableTarget(absence, "SEK-LAR", 2027));
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorUseCases, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

}  // namespace
}  // namespace styr::app
