// The occasion overview a controller reads: every recipient's state, the missing and late
// ones, and the totals of each unit's subtree up to the occasion's body.
//
// The scenario: the board's March follow-up (follow_up_fixture.hpp) read on 2025-04-20,
// after every deadline (units 04-04, sectors 04-09, the chief executive's office 04-14).
//   ARB    nothing written                                   missing, late
//   ENH    SEK-U01 fulfilled, SEK-U02 not fulfilled          submitted 04-03
//   ENH2   a draft                                           draft, late
//   KD     KS-U01 fulfilled                                  approved, submitted 23:30 on 04-14
//   SEK    KD-U01 partly fulfilled                           submitted 00:30 on 04-10: late
//   SEK2   KD-U02 in scope, nothing written                  missing, late
//   P-EMP  ENH-A01 cannot be assessed; returned, revising    returned (v2 draft), reports to ENH

#include "domain/occasion_overview.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chain_fixture.hpp"
#include "domain/chain_index.hpp"
#include "follow_up_fixture.hpp"

namespace styr::domain {

// Found by argument-dependent look-up, so gtest prints counts readably when a test fails.
inline void PrintTo(const AssessmentCounts& c, std::ostream* out) {
  *out << "{fulfilled " << c.fulfilled << ", partly " << c.partly_fulfilled << ", not "
       << c.not_fulfilled << ", cannot " << c.cannot_be_assessed << ", unassessed " << c.unassessed
       << "}";
}

inline void PrintTo(const StateCounts& c, std::ostream* out) {
  *out << "{missing " << c.missing << ", draft " << c.draft << ", submitted " << c.submitted
       << ", returned " << c.returned << ", approved " << c.approved << ", late " << c.late << "}";
}

namespace {

using fixture::acknowledgedItem;
using fixture::assessed;
using fixture::chainFixture;
using fixture::itemOf;
using fixture::monthlyOccasion;
using fixture::on;
using fixture::reportBack;
using fixture::swedishDate;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Optional;

const Date kAfterEveryDeadline = on(2025, 4, 20);

Item assignment(std::string code, std::string issuer, std::string recipient_unit) {
  Item item = acknowledgedItem(std::move(code), ItemKind::assignment, std::move(issuer),
                               std::move(recipient_unit), "", on(2025, 1, 10), on(2025, 1, 15));
  item.follow_up.assessed_at.clear();
  return item;
}

OrganisationData scenario() {
  OrganisationData data = chainFixture();
  FollowUpOccasion occasion = monthlyOccasion();
  itemOf(data, "ENH-A01").follow_up.assessed_at = {occasion.name};
  data.items.push_back(assignment("SEK-U02", "SEK", "ENH"));
  data.items.push_back(assignment("KD-U02", "KD", "SEK2"));
  data.occasions = {occasion};

  using S = ReportBackStatus;
  ReportBack enh =
      reportBack(occasion, unitRecipient("ENH"), 1, S::submitted, "2025-04-03T08:00:00.000000Z");
  enh.assessments = {assessed("SEK-U01", Assessment::fulfilled),
                     assessed("SEK-U02", Assessment::not_fulfilled)};
  ReportBack enh2 = reportBack(occasion, unitRecipient("ENH2"));
  enh2.assessments = {assessed("NOT-COUNTED", Assessment::fulfilled)};
  ReportBack kd =
      reportBack(occasion, unitRecipient("KD"), 1, S::approved, "2025-04-14T21:30:00.000000Z");
  kd.assessments = {assessed("KS-U01", Assessment::fulfilled)};
  ReportBack sek =
      reportBack(occasion, unitRecipient("SEK"), 1, S::submitted, "2025-04-09T22:30:00.000000Z");
  sek.assessments = {assessed("KD-U01", Assessment::partly_fulfilled),
                     // Not SEK's item: it must not count for SEK nor for ENH.
                     assessed("SEK-U01", Assessment::not_fulfilled)};
  ReportBack emp_returned =
      reportBack(occasion, personRecipient("P-EMP"), 1, S::returned, "2025-04-02T15:00:00.000000Z");
  emp_returned.assessments = {assessed("ENH-A01", Assessment::cannot_be_assessed)};
  ReportBack emp_revising = reportBack(occasion, personRecipient("P-EMP"), 2);
  emp_revising.assessments = {assessed("ENH-A01", Assessment::fulfilled)};

  // Neither counts: another occasion, and a body that does not report to this one.
  FollowUpOccasion february = occasion;
  february.code = "2025-KS-02";
  ReportBack other_occasion =
      reportBack(february, unitRecipient("ARB"), 1, S::approved, "2025-03-01T08:00:00.000000Z");
  ReportBack not_in_scope =
      reportBack(occasion, unitRecipient("KS"), 1, S::submitted, "2025-04-01T08:00:00.000000Z");

  data.report_backs = {other_occasion, kd,           sek,  enh,
                       emp_returned,   emp_revising, enh2, not_in_scope};
  return data;
}

OccasionOverview overviewOf(const OrganisationData& data, const Date& today = kAfterEveryDeadline,
                            const FollowUpOccasion& occasion = monthlyOccasion()) {
  ChainIndex index(data);
  return occasionOverview(occasion, data, index, today, swedishDate);
}

std::vector<std::string> describeAll(const std::vector<Recipient>& recipients) {
  std::vector<std::string> texts;
  for (const Recipient& recipient : recipients) texts.push_back(describe(recipient));
  return texts;
}

AssessmentCounts counts(int fulfilled, int partly, int not_fulfilled, int cannot, int unassessed) {
  return AssessmentCounts{fulfilled, partly, not_fulfilled, cannot, unassessed};
}

StateCounts states(int missing, int draft, int submitted, int returned, int approved, int late) {
  return StateCounts{missing, draft, submitted, returned, approved, late};
}

TEST(OccasionOverview, ListsEveryRecipientInScopeUnitsFirst) {
  OccasionOverview overview = overviewOf(scenario());
  EXPECT_EQ(overview.occasion, "2025-KS-03");
  EXPECT_EQ(overview.today, kAfterEveryDeadline);
  std::vector<Recipient> listed;
  for (const RecipientOverview& entry : overview.recipients) listed.push_back(entry.recipient);
  EXPECT_THAT(describeAll(listed), ElementsAre("unit ARB", "unit ENH", "unit ENH2", "unit KD",
                                               "unit SEK", "unit SEK2", "person P-EMP"));
}

TEST(OccasionOverview, GivesEachRecipientsStateDeadlineAndVersion) {
  OccasionOverview overview = overviewOf(scenario());
  struct Expected {
    Recipient recipient;
    ReportBackState state;
    bool late;
    int version;
    Date deadline;
  };
  using R = ReportBackState;
  for (const Expected& expected : {
           Expected{unitRecipient("ARB"), R::missing, true, 0, on(2025, 4, 4)},
           Expected{unitRecipient("ENH"), R::submitted, false, 1, on(2025, 4, 4)},
           Expected{unitRecipient("ENH2"), R::draft, true, 1, on(2025, 4, 4)},
           Expected{unitRecipient("KD"), R::approved, false, 1, on(2025, 4, 14)},
           Expected{unitRecipient("SEK"), R::submitted, true, 1, on(2025, 4, 9)},
           Expected{unitRecipient("SEK2"), R::missing, true, 0, on(2025, 4, 9)},
           Expected{personRecipient("P-EMP"), R::returned, false, 2, on(2025, 4, 4)},
       }) {
    const RecipientOverview* entry = overview.recipient(expected.recipient);
    ASSERT_NE(entry, nullptr) << describe(expected.recipient);
    EXPECT_EQ(entry->state, expected.state) << describe(expected.recipient);
    EXPECT_EQ(entry->late, expected.late) << describe(expected.recipient);
    EXPECT_EQ(entry->newest_version, expected.version) << describe(expected.recipient);
    EXPECT_THAT(entry->deadline, Optional(expected.deadline)) << describe(expected.recipient);
  }
  EXPECT_THAT(overview.recipient(unitRecipient("SEK"))->submitted_on, Optional(on(2025, 4, 10)));
  EXPECT_EQ(overview.recipient(unitRecipient("KS")), nullptr);
}

TEST(OccasionOverview, CountsTheAssessmentsOfTheNewestSubmittedVersion) {
  OccasionOverview overview = overviewOf(scenario());
  auto of = [&](const Recipient& recipient) { return overview.recipient(recipient)->assessments; };
  EXPECT_EQ(of(unitRecipient("ENH")), counts(1, 0, 1, 0, 0));
  EXPECT_EQ(overview.recipient(unitRecipient("ENH"))->items, 2);
  EXPECT_EQ(of(unitRecipient("KD")), counts(1, 0, 0, 0, 0));
  EXPECT_EQ(of(unitRecipient("SEK")), counts(0, 1, 0, 0, 0));
  // Nothing submitted: its item is unassessed; a unit with no items counts nothing.
  EXPECT_EQ(of(unitRecipient("SEK2")), counts(0, 0, 0, 0, 1));
  EXPECT_EQ(of(unitRecipient("ENH2")), counts(0, 0, 0, 0, 0));
  EXPECT_EQ(of(unitRecipient("ARB")), counts(0, 0, 0, 0, 0));
  // The returned version was sent back, and the draft revising it is not said yet: as in the
  // roll-up, neither counts.
  EXPECT_EQ(of(personRecipient("P-EMP")), counts(0, 0, 0, 0, 1));
}

TEST(OccasionOverview, AnItemLeftOutOfTheSubmittedVersionIsUnassessed) {
  OrganisationData data = scenario();
  for (ReportBack& report : data.report_backs) {
    if (report.recipient_unit == "ENH") report.assessments.pop_back();
  }
  OccasionOverview overview = overviewOf(data);
  EXPECT_EQ(overview.recipient(unitRecipient("ENH"))->assessments, counts(1, 0, 0, 0, 1));
}

TEST(OccasionOverview, ListsTheMissingAndTheLateForTheController) {
  OccasionOverview overview = overviewOf(scenario());
  EXPECT_THAT(describeAll(overview.missing), ElementsAre("unit ARB", "unit ENH2", "unit SEK2"));
  EXPECT_THAT(describeAll(overview.late),
              ElementsAre("unit ARB", "unit ENH2", "unit SEK", "unit SEK2"));
}

TEST(OccasionOverview, EachLevelIsLateOnlyAfterItsOwnDeadlineDay) {
  OrganisationData data = scenario();
  std::erase_if(data.report_backs,
                [](const ReportBack& report) { return report.recipient_unit == "SEK"; });
  EXPECT_THAT(overviewOf(data, on(2025, 4, 4)).late, IsEmpty());
  // The units' deadline has passed, the sectors' has not.
  EXPECT_THAT(describeAll(overviewOf(data, on(2025, 4, 5)).late),
              ElementsAre("unit ARB", "unit ENH2"));
  EXPECT_THAT(describeAll(overviewOf(data, on(2025, 4, 10)).late),
              ElementsAre("unit ARB", "unit ENH2", "unit SEK", "unit SEK2"));
  EXPECT_THAT(describeAll(overviewOf(data, on(2025, 4, 10)).missing),
              ElementsAre("unit ARB", "unit ENH2", "unit SEK", "unit SEK2"));
}

TEST(OccasionOverview, TotalsEachUnitsSubtreeUpToTheBody) {
  OccasionOverview overview = overviewOf(scenario());
  std::vector<std::string> units;
  for (const UnitOverview& unit : overview.units) units.push_back(unit.unit);
  // KF is above the body and is left out.
  EXPECT_THAT(units, ElementsAre("ARB", "ENH", "ENH2", "KD", "KS", "SEK", "SEK2"));

  const UnitOverview* enh = overview.unit("ENH");
  ASSERT_NE(enh, nullptr);
  EXPECT_TRUE(enh->in_scope);
  EXPECT_EQ(enh->parent, "SEK");
  // ENH itself, the workplace below it, and the employee reporting to it.
  EXPECT_EQ(enh->report_backs, states(1, 0, 1, 1, 0, 1));
  EXPECT_EQ(enh->assessments, counts(1, 0, 1, 0, 1));

  EXPECT_EQ(overview.unit("SEK")->report_backs, states(1, 0, 2, 1, 0, 2));
  EXPECT_EQ(overview.unit("SEK")->assessments, counts(1, 1, 1, 0, 1));
  EXPECT_EQ(overview.unit("SEK2")->report_backs, states(1, 1, 0, 0, 0, 2));
  EXPECT_EQ(overview.unit("SEK2")->assessments, counts(0, 0, 0, 0, 1));
  EXPECT_EQ(overview.unit("KD")->report_backs, states(2, 1, 2, 1, 1, 4));
  EXPECT_EQ(overview.unit("KD")->assessments, counts(2, 1, 1, 0, 2));

  const UnitOverview* body = overview.unit("KS");
  ASSERT_NE(body, nullptr);
  EXPECT_FALSE(body->in_scope);
  EXPECT_EQ(body->report_backs, overview.unit("KD")->report_backs);
  EXPECT_EQ(body->report_backs, overview.report_backs);
  EXPECT_EQ(body->assessments, overview.assessments);
  EXPECT_EQ(overview.report_backs.total(), 7);
  EXPECT_EQ(overview.unit("KF"), nullptr);
}

TEST(OccasionOverview, AUnitOutsideTheBodysSubtreeIsTotalledUpToTheRoot) {
  // A sector's own follow-up where every unit level reports: ENH2 lies under the other
  // sector, so its totals go up to the council rather than stop at the body.
  FollowUpOccasion occasion = monthlyOccasion();
  occasion.code = "2025-SEK-03";
  occasion.level = FollowUpLevel::sector;
  occasion.body = "SEK";
  occasion.deadlines = {LevelDeadline{FollowUpLevel::unit, on(2025, 4, 4)}};
  OccasionOverview overview = overviewOf(chainFixture(), kAfterEveryDeadline, occasion);
  std::vector<std::string> units;
  for (const UnitOverview& unit : overview.units) units.push_back(unit.unit);
  EXPECT_THAT(units, ElementsAre("ARB", "ENH", "ENH2", "KD", "KF", "KS", "SEK", "SEK2"));
  EXPECT_EQ(overview.unit("SEK")->report_backs, states(2, 0, 0, 0, 0, 2));
  EXPECT_EQ(overview.unit("KF")->report_backs, states(1, 0, 0, 0, 0, 1));
}

TEST(OccasionOverview, AnOccasionWithoutReportBacksHasEveryoneMissing) {
  OrganisationData data = chainFixture();
  OccasionOverview overview = overviewOf(data, on(2025, 4, 1));
  EXPECT_EQ(overview.report_backs, states(6, 0, 0, 0, 0, 0));
  EXPECT_THAT(overview.late, IsEmpty());
  EXPECT_EQ(overview.missing.size(), 6u);
  // Every item in scope is unassessed: KS-U01, KD-U01, SEK-U01.
  EXPECT_EQ(overview.assessments, counts(0, 0, 0, 0, 3));
}

TEST(AssessmentCounts, AddUpAndReadByValue) {
  AssessmentCounts sum = counts(1, 2, 3, 4, 5);
  sum += counts(1, 1, 1, 1, 1);
  EXPECT_EQ(sum.of(Assessment::partly_fulfilled), 3);
  EXPECT_EQ(sum.of(Assessment::cannot_be_assessed), 5);
  EXPECT_EQ(sum.total(), 20);
  StateCounts totals;
  totals.add(ReportBackState::returned, true);
  totals.add(ReportBackState::returned, false);
  EXPECT_EQ(totals.of(ReportBackState::returned), 2);
  EXPECT_EQ(totals.late, 1);
  EXPECT_EQ(totals.total(), 2);
}

}  // namespace
}  // namespace styr::domain
