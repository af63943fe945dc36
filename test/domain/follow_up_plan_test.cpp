// The follow-up plan: deadlines counted back from a meeting level by level on business days,
// the default plan of the seed (D10) for the fixture's small organisation, and the checks of
// L6 and of the plan's consistency, each broken on its own in a copy of a valid plan.
//
// The dates expected below were counted by hand on a printed calendar, business day by business
// day; the comments show the counting. Lead times are the defaults: board 15, chief executive 5,
// committee 15, sector 3, unit 3.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "chain_fixture.hpp"
#include "domain/business_days.hpp"
#include "domain/follow_up_plan.hpp"

namespace styr::domain {
namespace {

using fixture::chainFixture;
using fixture::codesOf;
using fixture::indexOf;
using fixture::makeUnit;
using fixture::on;
using fixture::violation;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

using Deadlines = std::vector<std::pair<std::string, std::string>>;

Deadlines textOf(const std::vector<LevelDeadline>& deadlines) {
  Deadlines result;
  for (const auto& entry : deadlines) {
    result.emplace_back(std::string(toString(entry.level)), formatDate(entry.deadline));
  }
  return result;
}

const FollowUpOccasion& occasionOf(const std::vector<FollowUpOccasion>& plan,
                                   std::string_view code) {
  return plan[indexOf(plan, code)];
}

FollowUpOccasion& occasionOf(std::vector<FollowUpOccasion>& plan, std::string_view code) {
  return plan[indexOf(plan, code)];
}

// The fixture has a council (KF), an executive board (KS), the chief executive's office, two
// sectors and their units, and no committee.
OrganisationData withCommittee() {
  OrganisationData data = chainFixture();
  data.units.push_back(makeUnit("BUN", "Barn- och utbildningsnämnden", UnitKind::committee, "KF"));
  return data;
}

std::string path(const std::vector<FollowUpOccasion>& plan, std::string_view code,
                 const std::string& field) {
  return "occasions[" + std::to_string(indexOf(plan, code)) + "]" + field;
}

std::size_t deadlineIndex(const FollowUpOccasion& occasion, FollowUpLevel level) {
  for (std::size_t i = 0; i < occasion.deadlines.size(); ++i) {
    if (occasion.deadlines[i].level == level) return i;
  }
  throw std::out_of_range("no deadline for " + std::string(toString(level)));
}

LevelDeadline& deadlineOf(FollowUpOccasion& occasion, FollowUpLevel level) {
  return occasion.deadlines[deadlineIndex(occasion, level)];
}

// --- computeDeadlines ------------------------------------------------------------------------

TEST(ComputeDeadlines, EachLevelCountsFromTheLevelItSupplies) {
  // Council meeting Wed 29 Oct 2025, no holiday in October:
  //   board and committees: 15 back from 29 Oct -> 28 27 24 23 22 21 20 17 16 15 14 13 10 9 8
  //   chief executive: 5 back from 8 Oct (the board's) -> 7 6 3 2 1 Oct
  //   sectors: 3 back from 1 Oct -> 30 29 26 Sep;  units: 3 back from 26 Sep -> 25 24 23 Sep
  auto deadlines =
      computeDeadlines(FollowUpLevel::council, on(2025, 10, 29),
                       {FollowUpLevel::executive_board, FollowUpLevel::chief_executive,
                        FollowUpLevel::committee, FollowUpLevel::sector, FollowUpLevel::unit},
                       LeadTimes{});
  EXPECT_THAT(textOf(deadlines),
              ElementsAre(Pair("unit", "2025-09-23"), Pair("sector", "2025-09-26"),
                          Pair("chief_executive", "2025-10-01"), Pair("committee", "2025-10-08"),
                          Pair("executive_board", "2025-10-08")));
}

TEST(ComputeDeadlines, StepOverEaster) {
  // Board meeting Wed 30 April 2025. Chief executive: 29 28 25 24 23 Apr. Sectors, from 23
  // April: 22, then Easter Monday 21, the weekend and Good Friday 18 are skipped: 17, 16.
  EXPECT_THAT(textOf(computeDeadlines(FollowUpLevel::executive_board, on(2025, 4, 30),
                                      {FollowUpLevel::chief_executive, FollowUpLevel::sector})),
              ElementsAre(Pair("sector", "2025-04-16"), Pair("chief_executive", "2025-04-23")));
}

TEST(ComputeDeadlines, StepOverChristmas) {
  // Board meeting Tue 30 Dec 2025. Chief executive: 29 Dec, then over the weekend and 26, 25, 24
  // Dec: 23 22 19 18. Sectors from 18 Dec: 17 16 15.
  EXPECT_THAT(textOf(computeDeadlines(FollowUpLevel::executive_board, on(2025, 12, 30),
                                      {FollowUpLevel::sector, FollowUpLevel::chief_executive})),
              ElementsAre(Pair("sector", "2025-12-15"), Pair("chief_executive", "2025-12-18")));
}

TEST(ComputeDeadlines, ALevelNotListedIsSkipped) {
  // Without sectors the units supply the chief executive directly. Board meeting 29 Oct 2025:
  // chief executive 28 27 24 23 22 Oct; units from 22 Oct: 21 20 17.
  EXPECT_THAT(textOf(computeDeadlines(FollowUpLevel::executive_board, on(2025, 10, 29),
                                      {FollowUpLevel::unit, FollowUpLevel::chief_executive})),
              ElementsAre(Pair("unit", "2025-10-17"), Pair("chief_executive", "2025-10-22")));
}

TEST(ComputeDeadlines, ADeadlineOnADayOffMovesToTheBusinessDayBefore) {
  // With no lead time the sectors' deadline would be Saturday 21 June 2025 (Midsummer Day); the
  // Friday before is Midsummer Eve, so it is Thursday 19 June.
  LeadTimes none;
  none.sector = 0;
  EXPECT_THAT(textOf(computeDeadlines(FollowUpLevel::chief_executive, on(2025, 6, 21),
                                      {FollowUpLevel::sector}, none)),
              ElementsAre(Pair("sector", "2025-06-19")));
}

TEST(ComputeDeadlines, LeadTimesCanBeChanged) {
  // Board 10 back from 29 Oct 2025: 28 27 24 23 22 21 20 17 16 15; chief executive 2 more: 14 13.
  LeadTimes short_leads;
  short_leads.executive_board = 10;
  short_leads.chief_executive = 2;
  EXPECT_THAT(
      textOf(computeDeadlines(FollowUpLevel::council, on(2025, 10, 29),
                              {FollowUpLevel::chief_executive, FollowUpLevel::executive_board},
                              short_leads)),
      ElementsAre(Pair("chief_executive", "2025-10-13"), Pair("executive_board", "2025-10-15")));
}

TEST(ComputeDeadlines, ListsEachLevelOnceLowestFirst) {
  auto deadlines =
      computeDeadlines(FollowUpLevel::council, on(2025, 10, 29),
                       {FollowUpLevel::executive_board, FollowUpLevel::unit, FollowUpLevel::sector,
                        FollowUpLevel::unit, FollowUpLevel::chief_executive});
  EXPECT_THAT(
      textOf(deadlines),
      ElementsAre(Pair("unit", "2025-09-23"), Pair("sector", "2025-09-26"),
                  Pair("chief_executive", "2025-10-01"), Pair("executive_board", "2025-10-08")));
}

TEST(ComputeDeadlines, ALevelNotBelowTheOccasionCountsFromTheMeeting) {
  // The committees supply the council; at a board meeting (29 Oct 2025) they can only count
  // from the meeting: 15 back is 8 Oct. checkFollowUpPlan reports them.
  EXPECT_THAT(textOf(computeDeadlines(FollowUpLevel::executive_board, on(2025, 10, 29),
                                      {FollowUpLevel::committee})),
              ElementsAre(Pair("committee", "2025-10-08")));
}

TEST(FollowUpLevels, SupplyTheLevelAbove) {
  EXPECT_EQ(suppliedLevel(FollowUpLevel::unit), FollowUpLevel::sector);
  EXPECT_EQ(suppliedLevel(FollowUpLevel::sector), FollowUpLevel::chief_executive);
  EXPECT_EQ(suppliedLevel(FollowUpLevel::chief_executive), FollowUpLevel::executive_board);
  EXPECT_EQ(suppliedLevel(FollowUpLevel::executive_board), FollowUpLevel::council);
  EXPECT_EQ(suppliedLevel(FollowUpLevel::committee), FollowUpLevel::council);
  EXPECT_EQ(suppliedLevel(FollowUpLevel::council), std::nullopt);
  EXPECT_TRUE(isBelow(FollowUpLevel::committee, FollowUpLevel::council));
  EXPECT_FALSE(isBelow(FollowUpLevel::committee, FollowUpLevel::executive_board));
  EXPECT_FALSE(isBelow(FollowUpLevel::sector, FollowUpLevel::sector));
}

// --- defaultFollowUpPlan -----------------------------------------------------------------------

TEST(DefaultFollowUpPlan, OrdersTheYearsOccasionsByPeriodEnd) {
  auto plan = defaultFollowUpPlan(2025, chainFixture());
  EXPECT_THAT(codesOf(plan), ElementsAre("2025-KS-01", "2025-KS-02", "2025-KS-03", "2025-KS-04",
                                         "2025-KS-05", "2025-KS-06", "2025-DELAR", "2025-KS-09",
                                         "2025-KS-10", "2025-KS-11", "2025-AR"));
  for (const auto& occasion : plan) {
    SCOPED_TRACE(occasion.code);
    EXPECT_EQ(occasion.year, 2025);
    EXPECT_EQ(occasion.status, OccasionStatus::open);
    EXPECT_EQ(occasion.body, occasion.level == FollowUpLevel::council ? "KF" : "KS");
  }
}

TEST(DefaultFollowUpPlan, TheInterimReport2025) {
  // Last Wednesday of October 2025 is the 29th; the deadlines as in ComputeDeadlines above.
  const auto plan = defaultFollowUpPlan(2025, chainFixture());
  const auto& interim = occasionOf(plan, "2025-DELAR");
  EXPECT_EQ(interim.name, "Delårsrapport 2025");
  EXPECT_EQ(interim.kind, OccasionKind::interim_report);
  EXPECT_EQ(interim.level, FollowUpLevel::council);
  EXPECT_EQ(interim.body, "KF");
  EXPECT_EQ(interim.period_end, on(2025, 8, 31));
  EXPECT_EQ(interim.meeting, on(2025, 10, 29));
  EXPECT_THAT(interim.topics, ElementsAre(Topic::finances, Topic::operations, Topic::quality_goals,
                                          Topic::staff, Topic::internal_control));
  // No committee in the fixture, so none supplies the interim report.
  EXPECT_THAT(
      textOf(interim.deadlines),
      ElementsAre(Pair("unit", "2025-09-23"), Pair("sector", "2025-09-26"),
                  Pair("chief_executive", "2025-10-01"), Pair("executive_board", "2025-10-08")));
}

TEST(DefaultFollowUpPlan, TheAnnualReport2025MeetsInApril2026AcrossEaster) {
  // Last Wednesday of April 2026 is the 29th. Board: 15 back -> 28 27 24 23 22 21 20 17 16 15
  // 14 13 10 9 8 April. Chief executive from 8 April: 7, then Easter Monday 6, the weekend and
  // Good Friday 3 are skipped: 2 1 April, 31 30 March. Sectors: 27 26 25 March; units: 24 23 20.
  const auto plan = defaultFollowUpPlan(2025, chainFixture());
  const auto& annual = occasionOf(plan, "2025-AR");
  EXPECT_EQ(annual.name, "Årsredovisning 2025");
  EXPECT_EQ(annual.kind, OccasionKind::annual_report);
  EXPECT_EQ(annual.period_end, on(2025, 12, 31));
  EXPECT_EQ(annual.meeting, on(2026, 4, 29));
  EXPECT_EQ(annual.topics.size(), 5U);
  EXPECT_THAT(
      textOf(annual.deadlines),
      ElementsAre(Pair("unit", "2026-03-20"), Pair("sector", "2026-03-25"),
                  Pair("chief_executive", "2026-03-30"), Pair("executive_board", "2026-04-08")));
}

TEST(DefaultFollowUpPlan, TheBoardsMonthlyOccasions2025) {
  const auto plan = defaultFollowUpPlan(2025, chainFixture());

  // March: last Wednesday of April is the 30th; over Easter as in StepOverEaster.
  const auto& march = occasionOf(plan, "2025-KS-03");
  EXPECT_EQ(march.name, "Månadsuppföljning mars 2025");
  EXPECT_EQ(march.kind, OccasionKind::monthly);
  EXPECT_EQ(march.level, FollowUpLevel::executive_board);
  EXPECT_EQ(march.period_end, on(2025, 3, 31));
  EXPECT_EQ(march.meeting, on(2025, 4, 30));
  EXPECT_THAT(march.topics, ElementsAre(Topic::finances));
  EXPECT_THAT(textOf(march.deadlines),
              ElementsAre(Pair("sector", "2025-04-16"), Pair("chief_executive", "2025-04-23")));

  // June: no meeting in July, so the last Wednesday of August, the 27th. Chief executive: 26 25
  // 22 21 20 August; sectors: 19 18 15.
  const auto& june = occasionOf(plan, "2025-KS-06");
  EXPECT_EQ(june.period_end, on(2025, 6, 30));
  EXPECT_EQ(june.meeting, on(2025, 8, 27));
  EXPECT_THAT(june.topics, ElementsAre(Topic::finances, Topic::internal_control));
  EXPECT_THAT(textOf(june.deadlines),
              ElementsAre(Pair("sector", "2025-08-15"), Pair("chief_executive", "2025-08-20")));

  // November: the last Wednesday of December is New Year's Eve, so the board meets Tuesday 30
  // December; over Christmas as in StepOverChristmas.
  const auto& november = occasionOf(plan, "2025-KS-11");
  EXPECT_EQ(november.meeting, on(2025, 12, 30));
  EXPECT_THAT(november.topics, ElementsAre(Topic::finances, Topic::internal_control));
  EXPECT_THAT(textOf(november.deadlines),
              ElementsAre(Pair("sector", "2025-12-15"), Pair("chief_executive", "2025-12-18")));

  EXPECT_THAT(occasionOf(plan, "2025-KS-01").topics, ElementsAre(Topic::finances));
  EXPECT_THAT(occasionOf(plan, "2025-KS-02").topics, ElementsAre(Topic::finances, Topic::staff));
  EXPECT_THAT(occasionOf(plan, "2025-KS-10").topics, ElementsAre(Topic::finances, Topic::staff));
  EXPECT_EQ(occasionOf(plan, "2025-KS-10").name, "Månadsuppföljning oktober 2025");
  EXPECT_EQ(occasionOf(plan, "2025-KS-01").meeting, on(2025, 2, 26));
}

TEST(DefaultFollowUpPlan, TheTertial2025IsSuppliedByEveryLevelBelowTheBoard) {
  // Last Wednesday of May 2025 is the 28th (Ascension is the day after). Chief executive: 27 26
  // 23 22 21 May; sectors: 20 19 16; units: 15 14 13.
  const auto plan = defaultFollowUpPlan(2025, chainFixture());
  const auto& tertial = occasionOf(plan, "2025-KS-04");
  EXPECT_EQ(tertial.name, "Tertialrapport april 2025");
  EXPECT_EQ(tertial.kind, OccasionKind::tertial);
  EXPECT_EQ(tertial.period_end, on(2025, 4, 30));
  EXPECT_EQ(tertial.meeting, on(2025, 5, 28));
  EXPECT_THAT(tertial.topics,
              ElementsAre(Topic::finances, Topic::operations, Topic::quality_goals, Topic::staff));
  EXPECT_THAT(textOf(tertial.deadlines),
              ElementsAre(Pair("unit", "2025-05-13"), Pair("sector", "2025-05-16"),
                          Pair("chief_executive", "2025-05-21")));
}

TEST(DefaultFollowUpPlan, In2026WithACommittee) {
  const auto plan = defaultFollowUpPlan(2026, withCommittee());

  // Interim report: last Wednesday of October 2026 is the 28th. Board and committees: 27 26 23
  // 22 21 20 19 16 15 14 13 12 9 8 7 Oct; chief executive: 6 5 2 1 Oct, 30 Sep; sectors: 29 28
  // 25 Sep; units: 24 23 22 Sep.
  const auto& interim = occasionOf(plan, "2026-DELAR");
  EXPECT_EQ(interim.name, "Delårsrapport 2026");
  EXPECT_EQ(interim.meeting, on(2026, 10, 28));
  EXPECT_THAT(textOf(interim.deadlines),
              ElementsAre(Pair("unit", "2026-09-22"), Pair("sector", "2026-09-25"),
                          Pair("chief_executive", "2026-09-30"), Pair("committee", "2026-10-07"),
                          Pair("executive_board", "2026-10-07")));

  // Annual report: last Wednesday of April 2027 is the 28th. Board and committees: 27 26 23 22
  // 21 20 19 16 15 14 13 12 9 8 7 April; chief executive: 6 5 2 1 April, 31 March; sectors: 30
  // March, then Easter Monday 29, the weekend and Good Friday 26 are skipped: 25 24; units: 23 22
  // 19 March.
  const auto& annual = occasionOf(plan, "2026-AR");
  EXPECT_EQ(annual.meeting, on(2027, 4, 28));
  EXPECT_THAT(textOf(annual.deadlines),
              ElementsAre(Pair("unit", "2027-03-19"), Pair("sector", "2027-03-24"),
                          Pair("chief_executive", "2027-03-31"), Pair("committee", "2027-04-07"),
                          Pair("executive_board", "2027-04-07")));

  // Tertial: last Wednesday of May 2026 is the 27th. Chief executive: 26 25 22 21 20; sectors:
  // 19 18 15; units from 15 May: Ascension 14 is skipped: 13 12 11.
  EXPECT_THAT(textOf(occasionOf(plan, "2026-KS-04").deadlines),
              ElementsAre(Pair("unit", "2026-05-11"), Pair("sector", "2026-05-15"),
                          Pair("chief_executive", "2026-05-20")));

  // May: last Wednesday of June 2026 is the 24th. Chief executive: 23 22, then Midsummer Eve 19
  // is skipped: 18 17 16; sectors: 15 12 11.
  const auto& may = occasionOf(plan, "2026-KS-05");
  EXPECT_EQ(may.meeting, on(2026, 6, 24));
  EXPECT_THAT(textOf(may.deadlines),
              ElementsAre(Pair("sector", "2026-06-11"), Pair("chief_executive", "2026-06-16")));

  // November: the last Wednesday of December 2026 is the 30th, a business day. Chief executive:
  // 29 28, then 27 26 25 24 are skipped (weekend, Christmas): 23 22 21; sectors: 18 17 16.
  const auto& november = occasionOf(plan, "2026-KS-11");
  EXPECT_EQ(november.meeting, on(2026, 12, 30));
  EXPECT_THAT(textOf(november.deadlines),
              ElementsAre(Pair("sector", "2026-12-16"), Pair("chief_executive", "2026-12-21")));

  // The committees supply the council, not the board.
  for (const auto& occasion : plan) {
    if (occasion.level != FollowUpLevel::executive_board) continue;
    for (const auto& entry : occasion.deadlines) {
      EXPECT_NE(entry.level, FollowUpLevel::committee) << occasion.code;
    }
  }
}

TEST(DefaultFollowUpPlan, ACommitteeDissolvedBeforeThePeriodsEndSuppliesNothing) {
  OrganisationData data = withCommittee();
  fixture::unitOf(data, "BUN").valid_to = on(2026, 6, 30);
  const auto plan = defaultFollowUpPlan(2026, data);
  for (const auto& entry : occasionOf(plan, "2026-DELAR").deadlines) {
    EXPECT_NE(entry.level, FollowUpLevel::committee);
  }
}

TEST(DefaultFollowUpPlan, PassesTheChecksEveryYear) {
  for (int year = 2024; year <= 2030; ++year) {
    SCOPED_TRACE(year);
    auto plan = defaultFollowUpPlan(year, chainFixture());
    EXPECT_EQ(plan.size(), 11U);
    EXPECT_THAT(checkFollowUpPlan(year, plan), IsEmpty());
    EXPECT_THAT(checkFollowUpPlan(year, defaultFollowUpPlan(year, withCommittee())), IsEmpty());
    for (const auto& occasion : plan) {
      EXPECT_TRUE(isBusinessDay(occasion.meeting)) << occasion.code;
      for (const auto& entry : occasion.deadlines) {
        EXPECT_TRUE(isBusinessDay(entry.deadline)) << occasion.code;
      }
    }
  }
}

TEST(DefaultFollowUpPlan, WithoutACouncilTheCheckSaysWhatIsMissing) {
  OrganisationData data = chainFixture();
  fixture::unitOf(data, "KF").kind = UnitKind::drafting_committee;
  auto plan = defaultFollowUpPlan(2025, data);
  EXPECT_EQ(plan.size(), 9U);  // the board's only
  EXPECT_THAT(
      checkFollowUpPlan(2025, plan),
      ElementsAre(violation("L6", "occasions", "follow-up plan 2025", "no interim report"),
                  violation("D10", "occasions", "follow-up plan 2025", "no annual report")));
}

TEST(DefaultFollowUpPlan, WithoutAnExecutiveBoardTheCheckSaysWhatIsMissing) {
  OrganisationData data = chainFixture();
  fixture::unitOf(data, "KS").valid_to = on(2024, 12, 31);
  auto plan = defaultFollowUpPlan(2025, data);
  EXPECT_THAT(codesOf(plan), ElementsAre("2025-DELAR", "2025-AR"));
  EXPECT_THAT(checkFollowUpPlan(2025, plan),
              ElementsAre(violation("D10", "occasions", "follow-up plan 2025",
                                    "no occasion of the executive board")));
}

// --- checkFollowUpPlan: each check broken on its own -------------------------------------------

class BrokenPlan : public ::testing::Test {
 protected:
  std::vector<FollowUpOccasion> plan = defaultFollowUpPlan(2025, chainFixture());
  std::vector<Violation> check() const { return checkFollowUpPlan(2025, plan); }
  std::string at(std::string_view code, const std::string& field) const {
    return path(plan, code, field);
  }
};

TEST_F(BrokenPlan, TheUnbrokenPlanPasses) {
  EXPECT_THAT(check(), IsEmpty());
}

TEST_F(BrokenPlan, WithoutAnInterimReport) {
  plan.erase(plan.begin() + static_cast<std::ptrdiff_t>(indexOf(plan, "2025-DELAR")));
  EXPECT_THAT(check(), ElementsAre(violation("L6", "occasions", "follow-up plan 2025",
                                             "the plan for 2025 has no interim report")));
}

TEST_F(BrokenPlan, AnInterimReportOfAnotherYearDoesNotCount) {
  occasionOf(plan, "2025-DELAR").year = 2024;
  EXPECT_THAT(
      check(),
      ElementsAre(
          violation("plan", at("2025-DELAR", ".year"), "occasion 2025-DELAR", "belongs to 2024"),
          violation("L6", "occasions", "follow-up plan 2025", "no interim report")));
}

TEST_F(BrokenPlan, AnInterimReportNotEndingAtAMonthsEnd) {
  occasionOf(plan, "2025-DELAR").period_end = on(2025, 8, 15);
  EXPECT_THAT(check(),
              ElementsAre(violation("L6", at("2025-DELAR", ".period_end"), "occasion 2025-DELAR",
                                    "covers 1 January to 2025-08-15; it must cover six "
                                    "to eight months")));
}

TEST_F(BrokenPlan, AnInterimReportOfFiveMonthsIsTooShortAndHandedOverTooLate) {
  // Ending 31 May, it must be handed over by 31 July; the board's deadline is 8 October.
  occasionOf(plan, "2025-DELAR").period_end = on(2025, 5, 31);
  EXPECT_THAT(
      check(),
      ElementsAre(violation("L6", at("2025-DELAR", ".period_end"), "occasion 2025-DELAR",
                            "covers 1 January to 2025-05-31"),
                  violation("L6", at("2025-DELAR", ".deadlines"), "occasion 2025-DELAR",
                            "reaches the council and the auditors on 2025-10-08 (the executive "
                            "board's deadline), more than two months after the period's end "
                            "2025-05-31; it must be handed over by 2025-07-31")));
}

TEST_F(BrokenPlan, AnInterimReportOfNineMonthsIsTooLong) {
  occasionOf(plan, "2025-DELAR").period_end = on(2025, 9, 30);
  EXPECT_THAT(check(),
              Contains(violation("L6", at("2025-DELAR", ".period_end"), "occasion 2025-DELAR",
                                 "covers 1 January to 2025-09-30")));
}

TEST_F(BrokenPlan, TheBoardHandsTheInterimReportOverTooLate) {
  // 31 August + two months = 31 October: that day is still in time, 3 November is not.
  auto& interim = occasionOf(plan, "2025-DELAR");
  interim.meeting = on(2025, 11, 12);
  deadlineOf(interim, FollowUpLevel::executive_board).deadline = on(2025, 10, 31);
  EXPECT_THAT(check(), IsEmpty());
  deadlineOf(interim, FollowUpLevel::executive_board).deadline = on(2025, 11, 3);
  EXPECT_THAT(check(),
              ElementsAre(violation("L6", at("2025-DELAR", ".deadlines"), "occasion 2025-DELAR",
                                    "reaches the council and the auditors on 2025-11-03 "
                                    "(the executive board's deadline), more than two "
                                    "months after the period's end 2025-08-31; it must "
                                    "be handed over by 2025-10-31")));
}

TEST_F(BrokenPlan, TwoMonthsAfterTheEndOfJuneIsTheEndOfAugust) {
  // A January-June interim report at a council meeting on Wed 17 Sep 2025: the board's deadline
  // is 15 back: 16 15 12 11 10 9 8 5 4 3 2 1 Sep, 29 28 27 Aug -> 27 Aug, before 31 Aug. On
  // Wed 24 Sep: 23 22 19 18 17 16 15 12 11 10 9 8 5 4 3 -> 3 Sep, too late.
  auto& interim = occasionOf(plan, "2025-DELAR");
  interim.period_end = on(2025, 6, 30);
  std::vector<FollowUpLevel> levels{FollowUpLevel::executive_board};
  interim.meeting = on(2025, 9, 17);
  interim.deadlines = computeDeadlines(FollowUpLevel::council, interim.meeting, levels);
  ASSERT_EQ(interim.deadlines.front().deadline, on(2025, 8, 27));
  std::sort(plan.begin(), plan.end(), [](const auto& a, const auto& b) {
    return std::tie(a.period_end, a.code) < std::tie(b.period_end, b.code);
  });
  EXPECT_THAT(check(), IsEmpty());

  auto& later = occasionOf(plan, "2025-DELAR");
  later.meeting = on(2025, 9, 24);
  later.deadlines = computeDeadlines(FollowUpLevel::council, later.meeting, levels);
  EXPECT_THAT(check(),
              ElementsAre(violation("L6", at("2025-DELAR", ".deadlines"), "occasion 2025-DELAR",
                                    "on 2025-09-03 (the executive board's deadline), "
                                    "more than two months after the period's end "
                                    "2025-06-30; it must be handed over by 2025-08-31")));
}

TEST_F(BrokenPlan, AnInterimReportWithoutTheBoardsDeadline) {
  auto& interim = occasionOf(plan, "2025-DELAR");
  interim.deadlines.erase(
      interim.deadlines.begin() +
      static_cast<std::ptrdiff_t>(deadlineIndex(interim, FollowUpLevel::executive_board)));
  EXPECT_THAT(check(),
              ElementsAre(violation("L6", at("2025-DELAR", ".deadlines"), "occasion 2025-DELAR",
                                    "has no deadline for the executive board, which "
                                    "must hand it to the council and the auditors by "
                                    "2025-10-31")));
}

TEST_F(BrokenPlan, APeriodEndingInAnotherYear) {
  occasionOf(plan, "2025-KS-01").period_end = on(2024, 12, 31);
  EXPECT_THAT(check(),
              ElementsAre(violation("plan", at("2025-KS-01", ".period_end"), "occasion 2025-KS-01",
                                    "2025-KS-01's period ends 2024-12-31, outside 2025")));
}

TEST_F(BrokenPlan, AnOccasionOfAnotherYear) {
  occasionOf(plan, "2025-KS-01").year = 2026;
  EXPECT_THAT(check(),
              ElementsAre(violation("plan", at("2025-KS-01", ".year"), "occasion 2025-KS-01",
                                    "2025-KS-01 belongs to 2026, not to the plan for "
                                    "2025")));
}

TEST_F(BrokenPlan, TwoOccasionsWithOneCode) {
  occasionOf(plan, "2025-KS-02").code = "2025-KS-01";
  EXPECT_THAT(check(), ElementsAre(violation("plan", "occasions[1].code", "occasion 2025-KS-01",
                                             "the code 2025-KS-01 is used by more than one")));
}

TEST_F(BrokenPlan, AMeetingNotAfterThePeriodsEnd) {
  // January 2025's meeting moved to 31 January; its deadlines (19 and 14 February) are then after
  // the meeting too.
  occasionOf(plan, "2025-KS-01").meeting = on(2025, 1, 31);
  EXPECT_THAT(
      check(),
      ElementsAre(
          violation("plan", at("2025-KS-01", ".meeting"), "occasion 2025-KS-01",
                    "meeting on 2025-01-31 is not after its period's end 2025-01-31"),
          violation("plan", at("2025-KS-01", ".deadlines[0].deadline"), "occasion 2025-KS-01",
                    "the deadline of the sectors on 2025-02-14 is after the meeting on "
                    "2025-01-31"),
          violation("plan", at("2025-KS-01", ".deadlines[1].deadline"), "occasion 2025-KS-01",
                    "the deadline of the chief executive on 2025-02-19 is after the "
                    "meeting on 2025-01-31")));
}

TEST_F(BrokenPlan, ADeadlineNotAfterThePeriodsEnd) {
  deadlineOf(occasionOf(plan, "2025-KS-01"), FollowUpLevel::sector).deadline = on(2025, 1, 31);
  EXPECT_THAT(check(), ElementsAre(violation("plan", at("2025-KS-01", ".deadlines[0].deadline"),
                                             "occasion 2025-KS-01",
                                             "the deadline of the sectors on 2025-01-31 is not "
                                             "after the period's end 2025-01-31")));
}

TEST_F(BrokenPlan, ADeadlineAfterTheMeeting) {
  // January 2025 meets Wed 26 February.
  deadlineOf(occasionOf(plan, "2025-KS-01"), FollowUpLevel::chief_executive).deadline =
      on(2025, 2, 27);
  EXPECT_THAT(check(), ElementsAre(violation("plan", at("2025-KS-01", ".deadlines[1].deadline"),
                                             "occasion 2025-KS-01",
                                             "the deadline of the chief executive on 2025-02-27 "
                                             "is after the meeting on 2025-02-26")));
}

TEST_F(BrokenPlan, ALevelDueAfterTheLevelItSupplies) {
  deadlineOf(occasionOf(plan, "2025-KS-01"), FollowUpLevel::sector).deadline = on(2025, 2, 20);
  EXPECT_THAT(check(), ElementsAre(violation("plan", at("2025-KS-01", ".deadlines[0].deadline"),
                                             "occasion 2025-KS-01",
                                             "the deadline of the sectors on 2025-02-20 is after "
                                             "the deadline of the chief executive on 2025-02-19, "
                                             "which they supply")));
}

TEST_F(BrokenPlan, ALevelDueAfterTheNextLevelUpWhenTheOneBetweenIsMissing) {
  // Without the sectors' deadline the units supply the chief executive (1 October) directly.
  auto& interim = occasionOf(plan, "2025-DELAR");
  interim.deadlines.erase(interim.deadlines.begin() + static_cast<std::ptrdiff_t>(deadlineIndex(
                                                          interim, FollowUpLevel::sector)));
  deadlineOf(interim, FollowUpLevel::unit).deadline = on(2025, 10, 2);
  EXPECT_THAT(check(), ElementsAre(violation("plan", at("2025-DELAR", ".deadlines[0].deadline"),
                                             "occasion 2025-DELAR",
                                             "the deadline of the units on 2025-10-02 is after "
                                             "the deadline of the chief executive on "
                                             "2025-10-01")));
}

TEST_F(BrokenPlan, ALevelListedTwice) {
  auto& january = occasionOf(plan, "2025-KS-01");
  january.deadlines.push_back(LevelDeadline{FollowUpLevel::sector, on(2025, 2, 12)});
  EXPECT_THAT(check(), ElementsAre(violation("plan", at("2025-KS-01", ".deadlines[2].level"),
                                             "occasion 2025-KS-01",
                                             "2025-KS-01 lists a deadline for the sectors more "
                                             "than once")));
}

TEST_F(BrokenPlan, ALevelNotBelowTheOccasionsLevel) {
  auto& january = occasionOf(plan, "2025-KS-01");
  january.deadlines.push_back(LevelDeadline{FollowUpLevel::committee, on(2025, 2, 12)});
  EXPECT_THAT(check(), ElementsAre(violation("plan", at("2025-KS-01", ".deadlines[2].level"),
                                             "occasion 2025-KS-01",
                                             "the committees cannot supply the executive "
                                             "board's occasion 2025-KS-01")));
}

TEST_F(BrokenPlan, WithoutAnAnnualReport) {
  plan.erase(plan.begin() + static_cast<std::ptrdiff_t>(indexOf(plan, "2025-AR")));
  EXPECT_THAT(check(), ElementsAre(violation("D10", "occasions", "follow-up plan 2025",
                                             "the plan for 2025 has no annual report")));
}

TEST_F(BrokenPlan, ForAnotherYear) {
  // The 2025 plan checked as 2026's: every occasion is reported, and nothing counts for 2026.
  auto violations = checkFollowUpPlan(2026, plan);
  EXPECT_THAT(violations, Contains(violation("plan", at("2025-KS-01", ".year"),
                                             "occasion 2025-KS-01", "not to the plan for 2026")));
  EXPECT_THAT(violations,
              Contains(violation("L6", "occasions", "follow-up plan 2026", "no interim report")));
  EXPECT_THAT(violations, Contains(violation("D10", "occasions", "follow-up plan 2026",
                                             "no occasion of the executive board")));
}

}  // namespace
}  // namespace styr::domain
