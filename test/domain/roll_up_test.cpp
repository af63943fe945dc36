// The roll-up up the chain: the latest assessment of each item, what a recipient sees below
// an item, the derived status beside the human assessment, and indicator values aggregated
// up the units by each indicator's rule.

#include "domain/roll_up.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "chain_fixture.hpp"
#include "domain/chain_index.hpp"

namespace styr::domain {
namespace {

using fixture::acknowledgedItem;
using fixture::chainFixture;
using fixture::draftItem;
using fixture::itemOf;
using fixture::on;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

FollowUpOccasion occasion(std::string code, int year, Date period_end) {
  FollowUpOccasion made;
  made.code = std::move(code);
  made.year = year;
  made.name = "Uppföljning " + made.code;
  made.kind = OccasionKind::monthly;
  made.level = FollowUpLevel::executive_board;
  made.body = "KS";
  made.period_end = period_end;
  made.meeting = addDays(period_end, 20);
  made.topics = {Topic::operations, Topic::quality_goals};
  return made;
}

ItemAssessment assessed(std::string item, Assessment assessment, std::string analysis = "") {
  return ItemAssessment{std::move(item), assessment, Trend::unchanged, std::move(analysis), {}};
}

ReportBack reportBack(std::string occasion_code, std::string unit, int version,
                      ReportBackStatus status, std::string submitted_by, std::string submitted_at,
                      std::vector<ItemAssessment> assessments) {
  ReportBack made;
  made.occasion = std::move(occasion_code);
  made.recipient_unit = std::move(unit);
  made.version = version;
  made.status = status;
  made.assessments = std::move(assessments);
  made.written_by = submitted_by;
  made.submitted_by = std::move(submitted_by);
  made.submitted_at = std::move(submitted_at);
  return made;
}

Item assignment(std::string code, std::string issuer, std::string recipient, std::string origin,
                Date issued_on) {
  return acknowledgedItem(std::move(code), ItemKind::assignment, std::move(issuer),
                          std::move(recipient), std::move(origin), issued_on,
                          addDays(issued_on, 5));
}

// The fixture's chain with a second branch under KS-U01 and items that are not followed up in
// 2025's interim period, four occasions and a year of report-backs:
//
//   KS-U01 (KD)
//     KD-U01 (SEK)         2025-04: partly (approved); DELAR v1 returned not_fulfilled,
//                          v2 draft fulfilled: neither counts
//       SEK-U01 (ENH)      DELAR: fulfilled; 2025-10 (later than DELAR): not_fulfilled
//         ENH-A01 (P-EMP)  DELAR: cannot_be_assessed
//       SEK-U02 cancelled, SEK-U03 draft, SEK-U04 closed 2024, SEK-U05 issued after DELAR
//     KD-U02 (SEK2)        2025-04: fulfilled; DELAR: not_fulfilled (later occasion wins)
//       SEK2-U01 (ENH2)    never assessed
//   KS-U01 itself: 2024-ARS (another year) fulfilled; DELAR partly_fulfilled.
OrganisationData buildRollUpFixture() {
  OrganisationData data = chainFixture();
  data.years.push_back(FiscalYear{2024, YearStatus::closed});

  data.items.push_back(assignment("KD-U02", "KD", "SEK2", "KS-U01", on(2024, 12, 10)));
  data.items.push_back(assignment("SEK2-U01", "SEK2", "ENH2", "KD-U02", on(2025, 1, 10)));
  Item cancelled = assignment("SEK-U02", "SEK", "ENH", "KD-U01", on(2025, 1, 12));
  cancelled.status = ItemStatus::cancelled;
  cancelled.closed_on = on(2025, 3, 1);
  cancelled.closing_note = "Ersatt av SEK-U01";
  data.items.push_back(cancelled);
  Item draft = draftItem("SEK-U03", "SEK", "ENH", "KD-U01");
  data.items.push_back(draft);
  Item closed_last_year = assignment("SEK-U04", "SEK", "ENH", "KD-U01", on(2024, 12, 12));
  closed_last_year.status = ItemStatus::completed;
  closed_last_year.closed_on = on(2024, 12, 31);
  closed_last_year.closing_note = "Klart";
  data.items.push_back(closed_last_year);
  data.items.push_back(assignment("SEK-U05", "SEK", "ENH", "KD-U01", on(2025, 9, 15)));

  data.occasions = {
      occasion("2024-ARS", 2024, on(2024, 12, 31)), occasion("2025-04", 2025, on(2025, 4, 30)),
      occasion("2025-10", 2025, on(2025, 10, 31)), occasion("2025-DELAR", 2025, on(2025, 8, 31))};

  const auto approved = ReportBackStatus::approved;
  const auto submitted = ReportBackStatus::submitted;
  ReportBack person_report =
      reportBack("2025-DELAR", "", 1, submitted, "P-EMP", "2025-09-02T08:00:00.000000Z",
                 {assessed("ENH-A01", Assessment::cannot_be_assessed, "Enkäten är försenad")});
  person_report.recipient_person = "P-EMP";
  data.report_backs = {
      reportBack("2024-ARS", "KD", 1, approved, "P-KD", "2025-01-20T09:00:00.000000Z",
                 {assessed("KS-U01", Assessment::fulfilled)}),
      reportBack("2025-04", "SEK", 1, approved, "P-SEK", "2025-05-05T10:00:00.000000Z",
                 {assessed("KD-U01", Assessment::partly_fulfilled, "Förseningar i upphandling")}),
      reportBack("2025-04", "SEK2", 1, approved, "P-SEK2", "2025-05-06T10:00:00.000000Z",
                 {assessed("KD-U02", Assessment::fulfilled)}),
      reportBack("2025-10", "ENH", 1, submitted, "P-ENH", "2025-11-03T10:00:00.000000Z",
                 {assessed("SEK-U01", Assessment::not_fulfilled, "Personalbrist")}),
      reportBack("2025-DELAR", "ENH", 1, approved, "P-ENH", "2025-09-03T10:00:00.000000Z",
                 {assessed("SEK-U01", Assessment::fulfilled)}),
      reportBack("2025-DELAR", "KD", 1, submitted, "P-KD", "2025-09-10T10:00:00.000000Z",
                 {assessed("KS-U01", Assessment::partly_fulfilled, "Delvis")}),
      reportBack("2025-DELAR", "SEK", 1, ReportBackStatus::returned, "P-SEK",
                 "2025-09-05T10:00:00.000000Z",
                 {assessed("KD-U01", Assessment::not_fulfilled, "Återsänd")}),
      reportBack("2025-DELAR", "SEK", 2, ReportBackStatus::draft, "", "",
                 {assessed("KD-U01", Assessment::fulfilled)}),
      reportBack("2025-DELAR", "SEK2", 1, submitted, "P-SEK2", "2025-09-08T10:00:00.000000Z",
                 {assessed("KD-U02", Assessment::not_fulfilled, "Budgeten räcker inte")}),
      person_report,
  };
  return data;
}

const OrganisationData& rollUpFixture() {
  static const OrganisationData data = buildRollUpFixture();
  return data;
}

const FollowUpOccasion& occasionOf(const OrganisationData& data, std::string_view code) {
  for (const auto& candidate : data.occasions) {
    if (candidate.code == code) return candidate;
  }
  throw std::out_of_range("no occasion " + std::string(code));
}

std::optional<Assessment> latestOf(const LatestAssessments& latest, std::string_view item) {
  const LatestAssessment* found = latest.of(item);
  if (found == nullptr) return std::nullopt;
  return found->assessment();
}

TEST(LatestAssessments, TheNewestSubmittedOrApprovedAssessmentOfTheYearUpToTheOccasion) {
  const OrganisationData& data = rollUpFixture();
  ChainIndex index(data);
  LatestAssessments latest = latestAssessments(data, index, occasionOf(data, "2025-DELAR"));

  // The returned DELAR version and the draft that revises it do not count: April's stands.
  const LatestAssessment* office = latest.of("KD-U01");
  ASSERT_NE(office, nullptr);
  EXPECT_EQ(office->assessment(), Assessment::partly_fulfilled);
  EXPECT_EQ(office->occasion->code, "2025-04");
  EXPECT_EQ(office->recipient(), "SEK");
  EXPECT_EQ(office->submittedBy(), "P-SEK");
  EXPECT_EQ(office->submittedAt(), "2025-05-05T10:00:00.000000Z");
  EXPECT_EQ(office->analysis(), "Förseningar i upphandling");
  EXPECT_EQ(office->trend(), Trend::unchanged);

  // A later occasion wins over an earlier one.
  EXPECT_EQ(latestOf(latest, "KD-U02"), Assessment::not_fulfilled);
  // An occasion after the one asked about is not yet taken into account.
  EXPECT_EQ(latestOf(latest, "SEK-U01"), Assessment::fulfilled);
  // A person's report-back counts as a unit's does.
  ASSERT_NE(latest.of("ENH-A01"), nullptr);
  EXPECT_EQ(latest.of("ENH-A01")->recipient(), "P-EMP");
  EXPECT_EQ(latestOf(latest, "KS-U01"), Assessment::partly_fulfilled);
  EXPECT_EQ(latest.of("SEK2-U01"), nullptr);
  EXPECT_EQ(latest.of("NO-SUCH-ITEM"), nullptr);
  EXPECT_EQ(latest.assessedCount(), 5u);
}

TEST(LatestAssessments, AnotherYearsAssessmentsDoNotCount) {
  const OrganisationData& data = rollUpFixture();
  ChainIndex index(data);
  LatestAssessments april = latestAssessments(data, index, occasionOf(data, "2025-04"));
  // Assessed in the 2024 annual report, and not yet in 2025 by the end of April.
  EXPECT_EQ(april.of("KS-U01"), nullptr);
  EXPECT_EQ(latestOf(april, "KD-U01"), Assessment::partly_fulfilled);
  EXPECT_EQ(latestOf(april, "KD-U02"), Assessment::fulfilled);
  EXPECT_EQ(april.of("SEK-U01"), nullptr);

  LatestAssessments last_year = latestAssessments(data, index, occasionOf(data, "2024-ARS"));
  EXPECT_EQ(latestOf(last_year, "KS-U01"), Assessment::fulfilled);
  EXPECT_EQ(last_year.assessedCount(), 1u);
}

TEST(LatestAssessments, ALaterOccasionOfTheYearReplacesEarlierAssessments) {
  const OrganisationData& data = rollUpFixture();
  ChainIndex index(data);
  LatestAssessments october = latestAssessments(data, index, occasionOf(data, "2025-10"));
  const LatestAssessment* unit_assignment = october.of("SEK-U01");
  ASSERT_NE(unit_assignment, nullptr);
  EXPECT_EQ(unit_assignment->assessment(), Assessment::not_fulfilled);
  EXPECT_EQ(unit_assignment->occasion->code, "2025-10");
  EXPECT_EQ(unit_assignment->analysis(), "Personalbrist");
}

TEST(LatestAssessments, OfTwoOccasionsEndingTheSameDayTheLaterSubmissionWins) {
  OrganisationData data = rollUpFixture();
  // The chief executive's occasion on the board's timetable covers the same period.
  data.occasions.push_back(occasion("2025-KD-08", 2025, on(2025, 8, 31)));
  data.report_backs.push_back(reportBack("2025-KD-08", "ENH", 1, ReportBackStatus::submitted,
                                         "P-ENH", "2025-09-04T07:00:00.000000Z",
                                         {assessed("SEK-U01", Assessment::partly_fulfilled)}));
  ChainIndex index(data);
  LatestAssessments latest = latestAssessments(data, index, occasionOf(data, "2025-DELAR"));
  ASSERT_NE(latest.of("SEK-U01"), nullptr);
  EXPECT_EQ(latest.of("SEK-U01")->assessment(), Assessment::partly_fulfilled);
  EXPECT_EQ(latest.of("SEK-U01")->occasion->code, "2025-KD-08");

  data.report_backs.back().submitted_at = "2025-09-01T07:00:00.000000Z";
  ChainIndex earlier_index(data);
  LatestAssessments earlier =
      latestAssessments(data, earlier_index, occasionOf(data, "2025-DELAR"));
  EXPECT_EQ(latestOf(earlier, "SEK-U01"), Assessment::fulfilled);
}

TEST(LatestAssessments, RefusesAnIndexOfOtherData) {
  const OrganisationData& data = rollUpFixture();
  OrganisationData copy = data;
  ChainIndex index(copy);
  EXPECT_THROW(latestAssessments(data, index, occasionOf(data, "2025-DELAR")),
               std::invalid_argument);
}

struct Seen {
  std::string item;
  int depth;
  std::string recipient;
  std::optional<Assessment> assessment;

  bool operator==(const Seen& other) const = default;
};

std::ostream& operator<<(std::ostream& out, const Seen& seen) {
  return out << seen.item << "@" << seen.depth << " " << seen.recipient << " "
             << (seen.assessment ? toString(*seen.assessment) : "none");
}

std::vector<Seen> seen(const std::vector<BelowAssessment>& below) {
  std::vector<Seen> result;
  for (const auto& entry : below) {
    result.push_back(Seen{entry.item->code, entry.depth, std::string(entry.recipient),
                          entry.latest ? std::optional(entry.latest->assessment()) : std::nullopt});
  }
  return result;
}

TEST(AssessmentsBelow, EveryFollowedUpItemBelowByDepthThenCodeWithItsLatestAssessment) {
  const OrganisationData& data = rollUpFixture();
  ChainIndex index(data);
  LatestAssessments latest = latestAssessments(data, index, occasionOf(data, "2025-DELAR"));

  // The cancelled, the draft, the one closed last year and the one issued after the period
  // are not listed.
  EXPECT_THAT(seen(assessmentsBelow("KS-U01", index, latest)),
              ElementsAre(Seen{"KD-U01", 1, "SEK", Assessment::partly_fulfilled},
                          Seen{"KD-U02", 1, "SEK2", Assessment::not_fulfilled},
                          Seen{"SEK-U01", 2, "ENH", Assessment::fulfilled},
                          Seen{"SEK2-U01", 2, "ENH2", std::nullopt},
                          Seen{"ENH-A01", 3, "P-EMP", Assessment::cannot_be_assessed}));

  std::vector<BelowAssessment> below = assessmentsBelow("KD-U01", index, latest);
  ASSERT_EQ(below.size(), 2u);
  ASSERT_NE(below[0].latest, nullptr);
  EXPECT_EQ(below[0].latest->submittedBy(), "P-ENH");
  EXPECT_EQ(below[0].latest->submittedAt(), "2025-09-03T10:00:00.000000Z");
  EXPECT_EQ(below[0].latest->occasion->code, "2025-DELAR");

  EXPECT_THAT(assessmentsBelow("ENH-A01", index, latest), IsEmpty());
  EXPECT_THAT(assessmentsBelow("NO-SUCH-ITEM", index, latest), IsEmpty());
}

TEST(AssessmentsBelow, ItemsIssuedAfterAnEarlierOccasionAppearInALaterOne) {
  const OrganisationData& data = rollUpFixture();
  ChainIndex index(data);
  LatestAssessments october = latestAssessments(data, index, occasionOf(data, "2025-10"));
  EXPECT_THAT(seen(assessmentsBelow("KD-U01", index, october)),
              ElementsAre(Seen{"SEK-U01", 1, "ENH", Assessment::not_fulfilled},
                          Seen{"SEK-U05", 1, "ENH", std::nullopt},
                          Seen{"ENH-A01", 2, "P-EMP", Assessment::cannot_be_assessed}));
}

TEST(AssessmentsBelow, LiveWorkBelowACancelledItemIsStillListed) {
  OrganisationData data = rollUpFixture();
  data.items.push_back(assignment("ENH-U09", "ENH", "ARB", "SEK-U02", on(2025, 2, 1)));
  ChainIndex index(data);
  LatestAssessments latest = latestAssessments(data, index, occasionOf(data, "2025-DELAR"));
  EXPECT_THAT(seen(assessmentsBelow("KD-U01", index, latest)),
              ElementsAre(Seen{"SEK-U01", 1, "ENH", Assessment::fulfilled},
                          Seen{"ENH-A01", 2, "P-EMP", Assessment::cannot_be_assessed},
                          Seen{"ENH-U09", 2, "ARB", std::nullopt}));
}

DerivedStatus distribution(std::size_t fulfilled, std::size_t partly, std::size_t not_fulfilled,
                           std::size_t cannot, std::size_t not_assessed) {
  DerivedStatus status;
  status.assessed = {fulfilled, partly, not_fulfilled, cannot};
  status.not_assessed = not_assessed;
  return status;
}

TEST(DerivedStatus, TheDistributionOfEverythingBelowAndTheWorst) {
  const OrganisationData& data = rollUpFixture();
  ChainIndex index(data);
  LatestAssessments latest = latestAssessments(data, index, occasionOf(data, "2025-DELAR"));

  DerivedStatus board = derivedStatus("KS-U01", index, latest);
  EXPECT_EQ(board, distribution(1, 1, 1, 1, 1));
  EXPECT_EQ(board.items(), 5u);
  EXPECT_EQ(board.worst(), Assessment::not_fulfilled);
  // Shown beside the human assessment, which stays what the chief executive's office said.
  EXPECT_EQ(latestOf(latest, "KS-U01"), Assessment::partly_fulfilled);

  DerivedStatus office = derivedStatus("KD-U01", index, latest);
  EXPECT_EQ(office, distribution(1, 0, 0, 1, 0));
  EXPECT_EQ(office.worst(), Assessment::fulfilled);

  // Only "cannot be assessed" below: no worst, the count says why.
  DerivedStatus unit = derivedStatus("SEK-U01", index, latest);
  EXPECT_EQ(unit.count(Assessment::cannot_be_assessed), 1u);
  EXPECT_EQ(unit.worst(), std::nullopt);

  // Nothing assessed below yet.
  DerivedStatus other_branch = derivedStatus("KD-U02", index, latest);
  EXPECT_EQ(other_branch, distribution(0, 0, 0, 0, 1));
  EXPECT_EQ(other_branch.worst(), std::nullopt);

  // Every level counts, each item once: KF-B01 is not assessed, KS-U01 is, and so on down.
  EXPECT_EQ(derivedStatus("KF-M01", index, latest), distribution(1, 2, 1, 1, 2));
  EXPECT_EQ(derivedStatus("ENH-A01", index, latest).items(), 0u);
  EXPECT_EQ(derivedStatus("NO-SUCH-ITEM", index, latest).items(), 0u);
}

TEST(DerivedStatus, PartlyFulfilledIsWorseThanFulfilled) {
  const OrganisationData& data = rollUpFixture();
  ChainIndex index(data);
  LatestAssessments april = latestAssessments(data, index, occasionOf(data, "2025-04"));
  // In April KD-U01 was partly and KD-U02 fulfilled; nothing else below was assessed.
  DerivedStatus board = derivedStatus("KS-U01", index, april);
  EXPECT_EQ(board, distribution(1, 1, 0, 0, 3));
  EXPECT_EQ(board.worst(), Assessment::partly_fulfilled);
}

TEST(DerivedStatus, TheBulkFormGivesEveryItemWhatThePerItemFormGives) {
  OrganisationData data = rollUpFixture();
  // A broken origin cycle with an item below it: both forms still agree and end.
  data.items.push_back(assignment("LOOP-1", "SEK", "ENH", "LOOP-2", on(2025, 1, 5)));
  data.items.push_back(assignment("LOOP-2", "SEK", "ENH", "LOOP-1", on(2025, 1, 5)));
  data.items.push_back(assignment("LOOP-3", "ENH", "ARB", "LOOP-1", on(2025, 1, 6)));
  data.report_backs.push_back(reportBack("2025-DELAR", "ARB", 1, ReportBackStatus::submitted,
                                         "P-ENH", "2025-09-01T10:00:00.000000Z",
                                         {assessed("LOOP-3", Assessment::not_fulfilled)}));
  ChainIndex index(data);
  for (const char* as_of : {"2025-04", "2025-DELAR", "2025-10"}) {
    LatestAssessments latest = latestAssessments(data, index, occasionOf(data, as_of));
    std::vector<DerivedStatus> bulk = derivedStatuses(index, latest);
    ASSERT_EQ(bulk.size(), data.items.size());
    for (std::size_t i = 0; i < data.items.size(); ++i) {
      EXPECT_EQ(bulk[i], derivedStatus(data.items[i].code, index, latest))
          << data.items[i].code << " as of " << as_of;
    }
  }
  LatestAssessments latest = latestAssessments(data, index, occasionOf(data, "2025-DELAR"));
  EXPECT_EQ(derivedStatus("LOOP-1", index, latest), distribution(0, 0, 1, 0, 1));
  EXPECT_EQ(derivedStatuses(index, latest)[fixture::indexOf(data.items, "KS-U01")],
            distribution(1, 1, 1, 1, 1));
}

// Indicator values for the fixture's units: KD -> SEK -> ENH -> ARB and KD -> SEK2 -> ENH2.
IndicatorValue valueOf(std::string indicator, std::string unit, double value,
                       std::optional<double> numerator = std::nullopt,
                       std::optional<double> denominator = std::nullopt,
                       std::optional<double> weight = std::nullopt) {
  return IndicatorValue{std::move(indicator), std::move(unit), on(2025, 8, 31), value, numerator,
                        denominator,          weight};
}

Indicator indicatorOf(std::string code, Aggregation aggregation, std::string unit_of_measure) {
  Indicator made;
  made.code = std::move(code);
  made.name = "Indikator " + made.code;
  made.unit_of_measure = std::move(unit_of_measure);
  made.aggregation = aggregation;
  return made;
}

TEST(RollUpIndicator, ASumAddsEveryValueBelowAndTheUnitsOwn) {
  const OrganisationData& data = chainFixture();
  ChainIndex index(data);
  Indicator placed = indicatorOf("PLATSER", Aggregation::sum, "st");
  std::vector<IndicatorValue> reported = {
      valueOf("PLATSER", "ENH", 10),
      valueOf("PLATSER", "ARB", 5),
      valueOf("PLATSER", "ENH2", 7),
      valueOf("PLATSER", "SEK", 3),  // the sector's own places count alongside its units'
      valueOf("ANNAN", "SEK2", 1000),
      IndicatorValue{"PLATSER", "SEK2", on(2025, 4, 30), 500, {}, {}, {}},
      valueOf("PLATSER", "NO-SUCH-UNIT", 99)};
  auto rolled = rollUpIndicator(placed, reported, index, on(2025, 8, 31));

  EXPECT_EQ(rolled.at("ARB").value, 5.0);
  EXPECT_EQ(rolled.at("ENH").value, 15.0);
  EXPECT_EQ(rolled.at("ENH").units_reported, 2u);
  EXPECT_EQ(rolled.at("SEK").value, 18.0);
  EXPECT_EQ(rolled.at("SEK").units_reported, 3u);
  EXPECT_EQ(rolled.at("SEK2").value, 7.0);
  EXPECT_EQ(rolled.at("KD").value, 25.0);
  EXPECT_EQ(rolled.at("KF").value, 25.0);
  EXPECT_EQ(rolled.at("KF").units_reported, 4u);
  EXPECT_THAT(rolled.at("KF").missing, IsEmpty());
  EXPECT_EQ(rolled.size(), 8u);
}

TEST(RollUpIndicator, UnitsWithNothingReportedBelowGetNoEntry) {
  const OrganisationData& data = chainFixture();
  ChainIndex index(data);
  Indicator placed = indicatorOf("PLATSER", Aggregation::sum, "st");
  auto rolled = rollUpIndicator(placed, {valueOf("PLATSER", "ENH2", 7)}, index, on(2025, 8, 31));
  std::vector<std::string> units;
  for (const auto& [unit, value] : rolled) units.push_back(unit);
  EXPECT_THAT(units, ElementsAre("ENH2", "KD", "KF", "KS", "SEK2"));
  EXPECT_THAT(rollUpIndicator(placed, {}, index, on(2025, 8, 31)), IsEmpty());
}

TEST(RollUpIndicator, AMeanIsTheUnweightedMeanOfTheValuesReportedBelow) {
  const OrganisationData& data = chainFixture();
  ChainIndex index(data);
  Indicator waiting = indicatorOf("VANTETID", Aggregation::mean, "dagar");
  auto rolled = rollUpIndicator(waiting,
                                {valueOf("VANTETID", "ENH", 4), valueOf("VANTETID", "ARB", 2),
                                 valueOf("VANTETID", "ENH2", 9)},
                                index, on(2025, 8, 31));
  EXPECT_DOUBLE_EQ(*rolled.at("ENH").value, 3.0);
  EXPECT_DOUBLE_EQ(*rolled.at("SEK2").value, 9.0);
  // (4 + 2 + 9) / 3, not the mean of the sectors' means (3 + 9) / 2 = 6.
  EXPECT_DOUBLE_EQ(*rolled.at("KD").value, 5.0);
}

TEST(RollUpIndicator, AWeightedMeanWeighsEachValue) {
  const OrganisationData& data = chainFixture();
  ChainIndex index(data);
  Indicator rating = indicatorOf("BETYG", Aggregation::weighted_mean, "betyg 1-5");
  auto rolled = rollUpIndicator(
      rating,
      {valueOf("BETYG", "ENH", 4.0, {}, {}, 30.0), valueOf("BETYG", "ARB", 2.0, {}, {}, 10.0),
       valueOf("BETYG", "ENH2", 5.0, {}, {}, 60.0)},
      index, on(2025, 8, 31));
  // (4*30 + 2*10) / 40 and (4*30 + 2*10 + 5*60) / 100.
  EXPECT_DOUBLE_EQ(*rolled.at("ENH").value, 3.5);
  EXPECT_DOUBLE_EQ(*rolled.at("KD").value, 4.4);
}

TEST(RollUpIndicator, APercentageIsTheRatioOfTheSumsNeverTheMeanOfThePercentages) {
  const OrganisationData& data = chainFixture();
  ChainIndex index(data);
  Indicator share = indicatorOf("ANDEL", Aggregation::ratio_of_sums, "%");
  std::vector<IndicatorValue> reported = {valueOf("ANDEL", "ENH", 90.0, 45.0, 50.0),
                                          valueOf("ANDEL", "ARB", 10.0, 1.0, 10.0),
                                          valueOf("ANDEL", "ENH2", 75.0, 30.0, 40.0)};
  auto rolled = rollUpIndicator(share, reported, index, on(2025, 8, 31));
  // 100 * 46 / 60, where the mean of 90 % and 10 % would say 50 %.
  EXPECT_DOUBLE_EQ(*rolled.at("ENH").value, 100.0 * 46.0 / 60.0);
  // 100 * 76 / 100, where the mean of the three percentages would say 58.3 %.
  EXPECT_DOUBLE_EQ(*rolled.at("KF").value, 76.0);
  EXPECT_DOUBLE_EQ(*rolled.at("ARB").value, 10.0);
  EXPECT_EQ(rolled.at("KF").units_reported, 3u);

  // A plain ratio (not a percentage) is not scaled.
  Indicator per_pupil = indicatorOf("KRPERELEV", Aggregation::ratio_of_sums, "kr/elev");
  for (auto& value : reported) value.indicator = "KRPERELEV";
  EXPECT_DOUBLE_EQ(*rollUpIndicator(per_pupil, reported, index, on(2025, 8, 31)).at("KF").value,
                   0.76);
  Indicator per_mille = indicatorOf("PROMILLE", Aggregation::ratio_of_sums, "‰");
  for (auto& value : reported) value.indicator = "PROMILLE";
  EXPECT_DOUBLE_EQ(*rollUpIndicator(per_mille, reported, index, on(2025, 8, 31)).at("KF").value,
                   760.0);
}

TEST(RollUpIndicator, MissingInputsAreReportedAndNotGuessed) {
  const OrganisationData& data = chainFixture();
  ChainIndex index(data);
  Indicator share = indicatorOf("ANDEL", Aggregation::ratio_of_sums, "%");
  auto rolled = rollUpIndicator(
      share,
      {valueOf("ANDEL", "ENH", 90.0, 45.0, 50.0), valueOf("ANDEL", "ARB", 10.0, 1.0, 10.0),
       // a ratio without its parts: 75 % of what?
       valueOf("ANDEL", "ENH2", 75.0, std::nullopt, std::nullopt),
       valueOf("ANDEL", "SEK", 50.0, 5.0, 0.0)},
      index, on(2025, 8, 31));
  EXPECT_EQ(rolled.at("ENH2").value, std::nullopt);
  EXPECT_EQ(rolled.at("ENH2").units_reported, 1u);
  EXPECT_THAT(rolled.at("ENH2").missing,
              ElementsAre(MissingInput{"ENH2", "numerator"}, MissingInput{"ENH2", "denominator"}));
  EXPECT_EQ(rolled.at("SEK2").value, std::nullopt);
  // Above, the aggregate is what the complete values give, and says what was left out.
  EXPECT_DOUBLE_EQ(*rolled.at("KD").value, 100.0 * 46.0 / 60.0);
  EXPECT_EQ(rolled.at("KD").units_reported, 4u);
  EXPECT_THAT(rolled.at("KD").missing,
              ElementsAre(MissingInput{"ENH2", "numerator"}, MissingInput{"ENH2", "denominator"},
                          MissingInput{"SEK", "denominator"}));
  EXPECT_THAT(rolled.at("ENH").missing, IsEmpty());

  Indicator rating = indicatorOf("BETYG", Aggregation::weighted_mean, "betyg 1-5");
  auto weighted = rollUpIndicator(rating,
                                  {valueOf("BETYG", "ENH", 4.0, {}, {}, 30.0),
                                   valueOf("BETYG", "ARB", 2.0, {}, {}, std::nullopt)},
                                  index, on(2025, 8, 31));
  EXPECT_DOUBLE_EQ(*weighted.at("SEK").value, 4.0);
  EXPECT_THAT(weighted.at("SEK").missing, ElementsAre(MissingInput{"ARB", "weight"}));
  EXPECT_EQ(weighted.at("ARB").value, std::nullopt);

  // A value that is no number is left out of a mean, which is then over the others only.
  Indicator waiting = indicatorOf("VANTETID", Aggregation::mean, "dagar");
  auto mean =
      rollUpIndicator(waiting,
                      {valueOf("VANTETID", "ENH", 4), valueOf("VANTETID", "ARB", std::nan("")),
                       valueOf("VANTETID", "ENH2", 8)},
                      index, on(2025, 8, 31));
  EXPECT_DOUBLE_EQ(*mean.at("KD").value, 6.0);
  EXPECT_EQ(mean.at("KD").units_reported, 3u);
  EXPECT_THAT(mean.at("KD").missing, ElementsAre(MissingInput{"ARB", "value"}));
}

TEST(ReportedValues, FromTheNewestCountedReportBackElseTheStoredValue) {
  OrganisationData data = chainFixture();
  FollowUpOccasion interim = occasion("2025-DELAR", 2025, on(2025, 8, 31));
  data.occasions = {interim};
  auto rb = [&](std::string unit, int version, ReportBackStatus status, std::string at,
                std::vector<IndicatorValue> values) {
    ReportBack made =
        reportBack("2025-DELAR", std::move(unit), version, status, "P-SEK", std::move(at), {});
    made.indicator_values = std::move(values);
    return made;
  };
  data.report_backs = {
      // SEK: returned, then revised and submitted: the revision's figures count.
      rb("SEK", 1, ReportBackStatus::returned, "2025-09-01T10:00:00.000000Z",
         {valueOf("PLATSER", "SEK", 100)}),
      rb("SEK", 2, ReportBackStatus::submitted, "2025-09-04T10:00:00.000000Z",
         {valueOf("PLATSER", "SEK", 3)}),
      // ENH: only a draft, so its stored value counts.
      rb("ENH", 1, ReportBackStatus::draft, "", {valueOf("PLATSER", "ENH", 1000)}),
      // SEK2 approved, with a stored value for the same unit and period that it replaces.
      rb("SEK2", 1, ReportBackStatus::approved, "2025-09-02T10:00:00.000000Z",
         {valueOf("PLATSER", "SEK2", 7)}),
  };
  data.indicator_values = {
      valueOf("PLATSER", "ENH", 10), valueOf("PLATSER", "SEK2", 70),
      IndicatorValue{"PLATSER", "ARB", on(2025, 4, 30), 5, {}, {}, {}},  // another period
      valueOf("BETYG", "SEK", 4.0, {}, {}, 20.0),  // no report-back gave this indicator
  };

  std::vector<IndicatorValue> values = reportedValues(data, interim);
  std::vector<std::string> described;
  for (const auto& value : values) {
    described.push_back(value.indicator + " " + value.unit + " " + std::to_string(value.value));
  }
  EXPECT_THAT(described, ElementsAre("BETYG SEK 4.000000", "PLATSER ENH 10.000000",
                                     "PLATSER SEK 3.000000", "PLATSER SEK2 7.000000"));

  ChainIndex index(data);
  auto rolled = rollUpIndicator(indicatorOf("PLATSER", Aggregation::sum, "st"), values, index,
                                interim.period_end);
  EXPECT_EQ(rolled.at("KD").value, 20.0);
}

}  // namespace
}  // namespace styr::domain
