// domain::validate on the follow-up cycle's records (D10, D12): the occasions of the follow-up
// plan and the versions of report-backs, rule "integrity". Each test breaks one thing in a
// valid organisation and expects exactly the violation a controller would need to fix it.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chain_fixture.hpp"
#include "domain/rules.hpp"

namespace styr::domain {
namespace {

using fixture::chainFixture;
using fixture::on;
using fixture::violation;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The chain fixture with a follow-up plan of two occasions and five report-back versions:
//   occasions[0] 2025-DELAR  the council's interim report, body KF, period to 2025-08-31,
//                            meeting 2025-10-23; finances, operations, quality_goals; deadlines
//                            unit 09-12, sector 09-19, chief_executive 09-26,
//                            executive_board 10-08
//   occasions[1] 2025-KS-03  the board's March follow-up, body KS, period to 2025-03-31,
//                            meeting 2025-04-16; finances, staff; closed
//   report_backs[0] ENH to 2025-DELAR version 1, returned (SEK-U01 partly fulfilled, an action
//                   owned by P-ENH; finances and quality_goals; IND1 for ENH)
//   report_backs[1] ENH to 2025-DELAR version 2, submitted (the revision)
//   report_backs[2] SEK to 2025-DELAR version 1, approved (KD-U01; operations)
//   report_backs[3] P-EMP to 2025-DELAR version 1, draft (ENH-A01 not yet assessed)
//   report_backs[4] KD to 2025-KS-03 version 1, draft (staff)
OrganisationData buildFollowUpFixture() {
  OrganisationData data = chainFixture();

  FollowUpOccasion interim;
  interim.code = "2025-DELAR";
  interim.year = 2025;
  interim.name = "Delårsrapport";
  interim.kind = OccasionKind::interim_report;
  interim.level = FollowUpLevel::council;
  interim.body = "KF";
  interim.period_end = on(2025, 8, 31);
  interim.meeting = on(2025, 10, 23);
  interim.topics = {Topic::finances, Topic::operations, Topic::quality_goals};
  interim.deadlines = {{FollowUpLevel::unit, on(2025, 9, 12)},
                       {FollowUpLevel::sector, on(2025, 9, 19)},
                       {FollowUpLevel::chief_executive, on(2025, 9, 26)},
                       {FollowUpLevel::executive_board, on(2025, 10, 8)}};

  FollowUpOccasion board;
  board.code = "2025-KS-03";
  board.year = 2025;
  board.name = "Månadsuppföljning mars";
  board.kind = OccasionKind::monthly;
  board.level = FollowUpLevel::executive_board;
  board.body = "KS";
  board.period_end = on(2025, 3, 31);
  board.meeting = on(2025, 4, 16);
  board.topics = {Topic::finances, Topic::staff};
  board.deadlines = {{FollowUpLevel::sector, on(2025, 4, 7)},
                     {FollowUpLevel::chief_executive, on(2025, 4, 10)}};
  board.status = OccasionStatus::closed;
  data.occasions = {interim, board};

  ReportBack returned;
  returned.occasion = "2025-DELAR";
  returned.recipient_unit = "ENH";
  returned.status = ReportBackStatus::returned;
  returned.assessments = {{"SEK-U01",
                           Assessment::partly_fulfilled,
                           Trend::worse,
                           "Två förskolor har haft hög sjukfrånvaro.",
                           {{"Vikariepool", "P-ENH", on(2025, 11, 30), ActionStatus::planned}}}};
  returned.topics = {{Topic::finances, "I balans."}, {Topic::quality_goals, "Delvis."}};
  returned.indicator_values = {{"IND1", "ENH", on(2025, 8, 31), 0.82, 82.0, 100.0, std::nullopt}};
  returned.written_by = "P-ENH";
  returned.updated_at = "2025-09-11T10:00:00.000000Z";
  returned.submitted_by = "P-ENH";
  returned.submitted_at = "2025-09-11T10:05:00.000000Z";
  returned.decided_by = "P-SEK";
  returned.decided_at = "2025-09-15T08:00:00.000000Z";
  returned.return_reason = "Analysen behöver orsaker.";

  ReportBack revised = returned;
  revised.version = 2;
  revised.status = ReportBackStatus::submitted;
  revised.assessments[0].analysis += " Orsaken är vakanser.";
  revised.submitted_at = "2025-09-16T09:00:00.000000Z";
  revised.decided_by.clear();
  revised.decided_at.clear();
  revised.return_reason.clear();

  ReportBack sector;
  sector.occasion = "2025-DELAR";
  sector.recipient_unit = "SEK";
  sector.status = ReportBackStatus::approved;
  sector.assessments = {{"KD-U01", Assessment::fulfilled, Trend::better, "", {}}};
  sector.topics = {{Topic::operations, "Enligt plan."}};
  sector.written_by = "P-SEK";
  sector.submitted_by = "P-SEK";
  sector.submitted_at = "2025-09-18T12:00:00.000000Z";
  sector.decided_by = "P-KD";
  sector.decided_at = "2025-09-22T12:00:00.000000Z";

  ReportBack employee;
  employee.occasion = "2025-DELAR";
  employee.recipient_person = "P-EMP";
  employee.assessments = {{"ENH-A01", std::nullopt, std::nullopt, "", {}}};
  employee.written_by = "P-EMP";

  ReportBack office;
  office.occasion = "2025-KS-03";
  office.recipient_unit = "KD";
  office.topics = {{Topic::staff, ""}};

  data.report_backs = {returned, revised, sector, employee, office};
  return data;
}

const OrganisationData& followUpFixture() {
  static const OrganisationData data = buildFollowUpFixture();
  return data;
}

const std::string kInterim = "occasion 2025-DELAR";
const std::string kBoard = "occasion 2025-KS-03";
const std::string kReturned = "report-back of ENH to 2025-DELAR version 1";
const std::string kRevised = "report-back of ENH to 2025-DELAR version 2";
const std::string kSector = "report-back of SEK to 2025-DELAR version 1";
const std::string kEmployee = "report-back of P-EMP to 2025-DELAR version 1";
const std::string kOffice = "report-back of KD to 2025-KS-03 version 1";

auto integrity(const std::string& path, const std::string& record, const std::string& phrase) {
  return violation("integrity", path, record, phrase);
}

TEST(FollowUpRules, APlanAndItsReportBacksBreakNoRule) {
  EXPECT_THAT(validate(followUpFixture()), IsEmpty());
}

// --- occasions -------------------------------------------------------------------------------

TEST(FollowUpRules, AnOccasionNeedsACode) {
  OrganisationData data = followUpFixture();
  data.occasions[1].code.clear();
  data.report_backs.pop_back();
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[1].code", "occasion #2", "the code is empty")));
}

TEST(FollowUpRules, AnOccasionCodeIsUsedOnce) {
  OrganisationData data = followUpFixture();
  data.occasions.push_back(data.occasions[0]);
  data.occasions[2].name = "Delårsrapport igen";
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[2].code", kInterim,
                                    "the code 2025-DELAR is used by more than one occasion")));
}

TEST(FollowUpRules, AnOccasionNeedsAName) {
  OrganisationData data = followUpFixture();
  data.occasions[0].name.clear();
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[0].name", kInterim, "the occasion has no name")));
}

TEST(FollowUpRules, TheYearIsOneOfTheOrganisations) {
  OrganisationData data = followUpFixture();
  data.years.push_back({2024, YearStatus::closed});
  data.occasions[1].year = 2026;
  data.occasions[1].period_end = on(2026, 3, 31);
  data.occasions[1].meeting = on(2026, 4, 16);
  data.occasions[1].deadlines = {{FollowUpLevel::sector, on(2026, 4, 7)}};
  data.report_backs.pop_back();
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[1].year", kBoard,
                                    "the year 2026 is not one of the organisation's years "
                                    "(2024, 2025)")));
}

TEST(FollowUpRules, AnOrganisationWithoutYearsTakesAnyYear) {
  OrganisationData data = followUpFixture();
  data.years.clear();
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(FollowUpRules, TheBodyIsAUnit) {
  OrganisationData data = followUpFixture();
  data.occasions[0].body = "KFX";
  data.occasions[1].body.clear();
  EXPECT_THAT(
      validate(data),
      ElementsAre(integrity("occasions[0].body", kInterim, "the meeting body KFX is not a unit"),
                  integrity("occasions[1].body", kBoard, "names no meeting body")));
}

TEST(FollowUpRules, ThePeriodEndsInTheOccasionsYear) {
  OrganisationData data = followUpFixture();
  data.occasions[1].year = 2024;
  data.years.push_back({2024, YearStatus::closed});
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[1].period_end", kBoard,
                                    "the period ends on 2025-03-31, outside the occasion's "
                                    "year 2024")));
}

TEST(FollowUpRules, TheMeetingIsAfterThePeriod) {
  OrganisationData data = followUpFixture();
  data.occasions[1].meeting = on(2025, 3, 31);
  data.occasions[1].deadlines.clear();
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[1].meeting", kBoard,
                                    "the meeting on 2025-03-31 is not after the period's end "
                                    "on 2025-03-31")));
}

TEST(FollowUpRules, NoLevelHasTwoDeadlines) {
  OrganisationData data = followUpFixture();
  data.occasions[1].deadlines.push_back({FollowUpLevel::chief_executive, on(2025, 4, 11)});
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[1].deadlines[2].level", kBoard,
                                    "the level chief_executive has more than one deadline")));
}

TEST(FollowUpRules, DeadlinesGoFromTheLowestLevelUp) {
  OrganisationData data = followUpFixture();
  std::swap(data.occasions[0].deadlines[1], data.occasions[0].deadlines[2]);
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[0].deadlines[2].level", kInterim,
                                    "deadlines are listed from the lowest level up, so sector "
                                    "must come before chief_executive")));
}

TEST(FollowUpRules, ADeadlineIsAfterThePeriodEnd) {
  OrganisationData data = followUpFixture();
  data.occasions[0].deadlines[0].deadline = on(2025, 8, 31);
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[0].deadlines[0].deadline", kInterim,
                                    "the unit deadline 2025-08-31 is not after the period's end "
                                    "on 2025-08-31")));
}

TEST(FollowUpRules, ADeadlineIsNotAfterTheMeeting) {
  OrganisationData data = followUpFixture();
  // On the meeting day is late but allowed: input can be tabled at the meeting.
  data.occasions[0].deadlines[3].deadline = on(2025, 10, 23);
  EXPECT_THAT(validate(data), IsEmpty());
  data.occasions[0].deadlines[3].deadline = on(2025, 10, 24);
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[0].deadlines[3].deadline", kInterim,
                                    "the executive_board deadline 2025-10-24 is after the "
                                    "meeting on 2025-10-23")));
}

TEST(FollowUpRules, ATopicIsListedOnce) {
  OrganisationData data = followUpFixture();
  data.occasions[1].topics.push_back(Topic::finances);
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("occasions[1].topics[2]", kBoard,
                                    "the topic finances is listed more than once")));
}

// --- report-backs: occasion and recipient ----------------------------------------------------

TEST(FollowUpRules, TheOccasionExists) {
  OrganisationData data = followUpFixture();
  data.report_backs[4].occasion = "2025-KS-13";
  // Without its occasion, the topic and the period cannot be checked: one problem, not three.
  data.report_backs[4].topics = {{Topic::internal_control, ""}};
  EXPECT_THAT(validate(data), ElementsAre(integrity("report_backs[4].occasion",
                                                    "report-back of KD to 2025-KS-13 version 1",
                                                    "the occasion 2025-KS-13 does not exist")));
  data.report_backs[4].occasion.clear();
  EXPECT_THAT(validate(data), ElementsAre(integrity("report_backs[4].occasion",
                                                    "report-back of KD to no occasion version 1",
                                                    "the report-back names no occasion")));
}

TEST(FollowUpRules, AReportBackHasOneRecipient) {
  OrganisationData data = followUpFixture();
  data.report_backs[4].recipient_unit.clear();
  data.report_backs[3].recipient_unit = "ENH";
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[3].recipient_person",
                                    "report-back of ENH to 2025-DELAR version 1",
                                    "exactly one recipient: a unit or a person, not both"),
                          integrity("report_backs[4].recipient_unit",
                                    "report-back to 2025-KS-03 version 1", "names neither")));
}

TEST(FollowUpRules, TheRecipientExists) {
  OrganisationData data = followUpFixture();
  data.report_backs[4].recipient_unit = "KDX";
  data.report_backs[3].recipient_person = "P-NOBODY";
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[3].recipient_person",
                                    "report-back of P-NOBODY to 2025-DELAR version 1",
                                    "the recipient person P-NOBODY does not exist"),
                          integrity("report_backs[4].recipient_unit",
                                    "report-back of KDX to 2025-KS-03 version 1",
                                    "the recipient unit KDX does not exist")));
}

// --- report-backs: versions ------------------------------------------------------------------

TEST(FollowUpRules, VersionsHaveNoGaps) {
  OrganisationData data = followUpFixture();
  data.report_backs[1].version = 3;
  EXPECT_THAT(validate(data), ElementsAre(integrity("report_backs[1].version",
                                                    "report-back of ENH to 2025-DELAR version 3",
                                                    "version 2 is missing before version 3")));
  data.report_backs[1].version = 5;
  EXPECT_THAT(
      validate(data),
      ElementsAre(integrity("report_backs[1].version", "report-back of ENH to 2025-DELAR version 5",
                            "versions 2 to 4 are missing before version 5")));
}

TEST(FollowUpRules, VersionsStartAtOne) {
  OrganisationData data = followUpFixture();
  data.report_backs[4].version = 2;
  EXPECT_THAT(validate(data), ElementsAre(integrity("report_backs[4].version",
                                                    "report-back of KD to 2025-KS-03 version 2",
                                                    "version 1 is missing before version 2")));
  data.report_backs[4].version = 0;
  EXPECT_THAT(validate(data), ElementsAre(integrity("report_backs[4].version",
                                                    "report-back of KD to 2025-KS-03 version 0",
                                                    "versions are numbered from 1")));
}

TEST(FollowUpRules, AVersionIsListedOnce) {
  OrganisationData data = followUpFixture();
  data.report_backs.push_back(data.report_backs[1]);
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[5].version", kRevised,
                                    "version 2 of this recipient's report-back to 2025-DELAR is "
                                    "listed more than once")));
}

TEST(FollowUpRules, VersionsAreCountedPerRecipientAndOccasion) {
  OrganisationData data = followUpFixture();
  // ENH's version 1 to the board's occasion starts a series of its own.
  ReportBack other = data.report_backs[4];
  other.recipient_unit = "ENH";
  data.report_backs.push_back(other);
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(FollowUpRules, OnlyAReturnedVersionIsFollowedByAnother) {
  OrganisationData data = followUpFixture();
  data.report_backs[0].status = ReportBackStatus::approved;
  data.report_backs[0].return_reason.clear();
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[0].status", kReturned,
                                    "version 1 is approved, but version 2 follows it; only a "
                                    "returned version is revised as a new one")));
}

TEST(FollowUpRules, VersionsMayComeInAnyOrder) {
  OrganisationData data = followUpFixture();
  std::swap(data.report_backs[0], data.report_backs[1]);
  EXPECT_THAT(validate(data), IsEmpty());
}

// --- report-backs: content -------------------------------------------------------------------

TEST(FollowUpRules, AnItemIsAssessedOncePerVersion) {
  OrganisationData data = followUpFixture();
  data.report_backs[2].assessments.push_back(data.report_backs[2].assessments[0]);
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[2].assessments[1].item", kSector,
                                    "the item KD-U01 is assessed more than once in this version")));
}

TEST(FollowUpRules, TheAssessedItemExists) {
  OrganisationData data = followUpFixture();
  data.report_backs[3].assessments[0].item = "ENH-A99";
  data.report_backs[3].assessments.push_back({"", std::nullopt, std::nullopt, "", {}});
  EXPECT_THAT(validate(data), ElementsAre(integrity("report_backs[3].assessments[0].item",
                                                    kEmployee, "the item ENH-A99 does not exist"),
                                          integrity("report_backs[3].assessments[1].item",
                                                    kEmployee, "the assessment names no item")));
}

TEST(FollowUpRules, AnActionsOwnerIsAPerson) {
  OrganisationData data = followUpFixture();
  data.report_backs[1].assessments[0].actions.push_back(
      {"Rekrytera", "P-NOBODY", on(2025, 12, 31), ActionStatus::planned});
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[1].assessments[0].actions[1].owner", kRevised,
                                    "the action's owner P-NOBODY is not a person of the "
                                    "organisation")));
}

TEST(FollowUpRules, ADraftsActionMayHaveNoOwnerYet) {
  OrganisationData data = followUpFixture();
  data.report_backs[3].assessments[0].actions.push_back(
      {"Något", "", on(2025, 12, 31), ActionStatus::planned});
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(FollowUpRules, TopicsAreTheOccasions) {
  OrganisationData data = followUpFixture();
  data.report_backs[4].topics.push_back({Topic::operations, "Verksamheten"});
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[4].topics[1].topic", kOffice,
                                    "the occasion 2025-KS-03 does not take up operations; its "
                                    "topics are: finances, staff")));
}

TEST(FollowUpRules, ATopicHasOneText) {
  OrganisationData data = followUpFixture();
  data.report_backs[2].topics.push_back({Topic::operations, "Igen."});
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[2].topics[1].topic", kSector,
                                    "the topic operations has more than one text in this "
                                    "version")));
}

TEST(FollowUpRules, IndicatorValuesNameAnIndicatorAndAUnit) {
  OrganisationData data = followUpFixture();
  data.report_backs[1].indicator_values.push_back(
      {"IND9", "ENHX", on(2025, 8, 31), 1.0, std::nullopt, std::nullopt, std::nullopt});
  EXPECT_THAT(validate(data), ElementsAre(integrity("report_backs[1].indicator_values[1].indicator",
                                                    kRevised, "the indicator IND9 does not exist"),
                                          integrity("report_backs[1].indicator_values[1].unit",
                                                    kRevised, "the unit ENHX does not exist")));
}

TEST(FollowUpRules, IndicatorValuesAreForTheOccasionsPeriod) {
  OrganisationData data = followUpFixture();
  data.report_backs[0].indicator_values[0].period_end = on(2025, 6, 30);
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[0].indicator_values[0].period_end", kReturned,
                                    "the value is for the period ending 2025-06-30, but the "
                                    "occasion 2025-DELAR follows up the period ending "
                                    "2025-08-31")));
}

// --- report-backs: the workflow's trail ------------------------------------------------------

TEST(FollowUpRules, ASubmittedVersionSaysWhoSubmittedItAndWhen) {
  struct Case {
    std::size_t report_idx;
    std::string record;
    std::string status;  // as it reads in the message
  };
  for (const Case& broken : {Case{0, kReturned, "a returned"}, Case{1, kRevised, "a submitted"},
                             Case{2, kSector, "an approved"}}) {
    OrganisationData data = followUpFixture();
    data.report_backs[broken.report_idx].submitted_by.clear();
    data.report_backs[broken.report_idx].submitted_at.clear();
    const std::string path = "report_backs[" + std::to_string(broken.report_idx) + "].";
    EXPECT_THAT(
        validate(data),
        ElementsAre(integrity(path + "submitted_by", broken.record,
                              broken.status + " report-back must say who submitted it"),
                    integrity(path + "submitted_at", broken.record,
                              broken.status + " report-back must say when it was submitted")))
        << broken.status;
  }
  // A draft has not been submitted.
  EXPECT_TRUE(followUpFixture().report_backs[3].submitted_at.empty());
}

TEST(FollowUpRules, ADecidedVersionSaysWhoDecidedAndWhen) {
  OrganisationData data = followUpFixture();
  data.report_backs[0].decided_by.clear();
  data.report_backs[2].decided_at.clear();
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[0].decided_by", kReturned,
                                    "a returned report-back must say who returned it"),
                          integrity("report_backs[2].decided_at", kSector,
                                    "an approved report-back must say when it was approved")));
}

TEST(FollowUpRules, AReturnedVersionSaysWhy) {
  OrganisationData data = followUpFixture();
  data.report_backs[0].return_reason.clear();
  EXPECT_THAT(validate(data),
              ElementsAre(integrity("report_backs[0].return_reason", kReturned,
                                    "a returned report-back must say why it was returned")));
}

// --- all at once -----------------------------------------------------------------------------

TEST(FollowUpRules, EveryProblemIsReportedInOneRunAfterTheOtherRecords) {
  OrganisationData data = followUpFixture();
  data.items[0].title.clear();
  data.occasions[1].body = "KSX";
  data.occasions[0].topics.push_back(Topic::operations);
  data.report_backs[3].assessments[0].item = "ENH-A99";
  data.report_backs[0].return_reason.clear();
  std::vector<std::string> paths;
  for (const Violation& found : validate(data)) paths.push_back(found.path);
  EXPECT_THAT(paths,
              ElementsAre("items[0].title", "occasions[0].topics[3]", "occasions[1].body",
                          "report_backs[0].return_reason", "report_backs[3].assessments[0].item"));
}

TEST(FollowUpRules, AYearOfReportBacksFromManyUnitsBreaksNoRule) {
  // The size of a large municipality: 12 occasions, 300 recipients, three versions each.
  OrganisationData data = followUpFixture();
  for (int unit_idx = 0; unit_idx < 300; ++unit_idx) {
    data.units.push_back(
        fixture::makeUnit("E" + std::to_string(unit_idx), "Enhet", UnitKind::unit, "SEK"));
  }
  for (unsigned month = 1; month <= 12; ++month) {
    FollowUpOccasion occasion = data.occasions[1];
    occasion.code = "2025-M" + std::to_string(month);
    occasion.period_end = std::chrono::year{2025} / std::chrono::month{month} / std::chrono::last;
    occasion.meeting = addDays(occasion.period_end, 20);
    occasion.deadlines = {{FollowUpLevel::unit, addDays(occasion.period_end, 5)}};
    data.occasions.push_back(occasion);
    for (int unit_idx = 0; unit_idx < 300; ++unit_idx) {
      ReportBack report_back = data.report_backs[0];
      report_back.occasion = occasion.code;
      report_back.recipient_unit = "E" + std::to_string(unit_idx);
      report_back.topics = {{Topic::staff, ""}};
      report_back.indicator_values[0].period_end = occasion.period_end;
      for (int version = 1; version <= 3; ++version) {
        report_back.version = version;
        if (version == 3) report_back.status = ReportBackStatus::approved;
        data.report_backs.push_back(report_back);
      }
    }
  }
  EXPECT_THAT(validate(data), IsEmpty());
}

}  // namespace
}  // namespace styr::domain
