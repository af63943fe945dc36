#pragma once
// Follow-up occasions and report-backs over the chain fixture (chain_fixture.hpp), for the
// tests of scope, submission rules, lateness and the occasion overview.
//
// monthlyOccasion(): the executive board's March follow-up, "2025-KS-03", body KS, period
// ending 2025-03-31, topics operations and finances; units report by 2025-04-04, sectors by
// 2025-04-09, the chief executive's office by 2025-04-14. In scope: KD (KS-U01), SEK
// (KD-U01), ENH (SEK-U01), ARB, SEK2, ENH2. ENH-A01 (an activity for P-EMP) is in scope by
// its kind, but P-EMP is not a recipient: the item does not name the occasion.
//
// interimOccasion(): the council's interim report, "2025-DELAR", named "Delårsrapport",
// body KF, period ending 2025-08-31, topics quality_goals and finances; every level up to the
// executive board supplies. In scope: KS (the goals KF-M01, KF-B01) and SEK (KD-U01, whose
// follow-up names "Delårsrapport").

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "chain_fixture.hpp"
#include "domain/follow_up_scope.hpp"
#include "domain/model.hpp"

namespace styr::domain::fixture {

inline FollowUpOccasion monthlyOccasion() {
  FollowUpOccasion occasion;
  occasion.code = "2025-KS-03";
  occasion.year = 2025;
  occasion.name = "Månadsuppföljning mars";
  occasion.kind = OccasionKind::monthly;
  occasion.level = FollowUpLevel::executive_board;
  occasion.body = "KS";
  occasion.period_end = on(2025, 3, 31);
  occasion.meeting = on(2025, 4, 23);
  occasion.topics = {Topic::operations, Topic::finances};
  occasion.deadlines = {
      LevelDeadline{FollowUpLevel::unit, on(2025, 4, 4)},
      LevelDeadline{FollowUpLevel::sector, on(2025, 4, 9)},
      LevelDeadline{FollowUpLevel::chief_executive, on(2025, 4, 14)},
  };
  return occasion;
}

inline FollowUpOccasion interimOccasion() {
  FollowUpOccasion occasion;
  occasion.code = "2025-DELAR";
  occasion.year = 2025;
  occasion.name = "Delårsrapport";
  occasion.kind = OccasionKind::interim_report;
  occasion.level = FollowUpLevel::council;
  occasion.body = "KF";
  occasion.period_end = on(2025, 8, 31);
  occasion.meeting = on(2025, 10, 23);
  occasion.topics = {Topic::quality_goals, Topic::finances};
  occasion.deadlines = {
      LevelDeadline{FollowUpLevel::unit, on(2025, 9, 5)},
      LevelDeadline{FollowUpLevel::sector, on(2025, 9, 12)},
      LevelDeadline{FollowUpLevel::chief_executive, on(2025, 9, 19)},
      LevelDeadline{FollowUpLevel::executive_board, on(2025, 9, 26)},
  };
  return occasion;
}

inline CorrectiveAction action(std::string description, std::string owner, Date due) {
  return CorrectiveAction{std::move(description), std::move(owner), due, ActionStatus::planned};
}

inline ItemAssessment assessed(std::string item, Assessment assessment,
                               Trend trend = Trend::unchanged, std::string analysis = {},
                               std::vector<CorrectiveAction> actions = {}) {
  return ItemAssessment{std::move(item), assessment, trend, std::move(analysis),
                        std::move(actions)};
}

inline ReportBack reportBack(const FollowUpOccasion& occasion, const Recipient& recipient,
                             int version = 1, ReportBackStatus status = ReportBackStatus::draft,
                             std::string submitted_at = {}) {
  ReportBack report;
  report.occasion = occasion.code;
  report.recipient_unit = recipient.unit;
  report.recipient_person = recipient.person;
  report.version = version;
  report.status = status;
  report.submitted_at = std::move(submitted_at);
  if (!report.submitted_at.empty()) report.submitted_by = "P-SEK";
  return report;
}

//! The Swedish day of an instant by the EU's summer-time rule (CEST from 01:00 UTC on the last
//! Sunday of March to 01:00 UTC on the last Sunday of October, CET otherwise), which Sweden
//! follows: a stand-in for the time-zone database the application passes in.
inline Date swedishDate(std::chrono::sys_seconds at) {
  using namespace std::chrono;
  auto lastSunday = [](year y, month m) {
    return sys_days{year_month_weekday_last{y, m, weekday_last{Sunday}}} + hours{1};
  };
  year y = year_month_day{floor<days>(at)}.year();
  bool summer = at >= lastSunday(y, March) && at < lastSunday(y, October);
  return Date{floor<days>(at + hours{summer ? 2 : 1})};
}

}  // namespace styr::domain::fixture
