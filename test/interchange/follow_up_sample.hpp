#pragma once
// The follow-up records of the interchange tests' small Lerum (organisation_json_test.cpp's
// sample): two occasions and four report-back versions, with every optional part both present
// and absent. Built in export order, so parsing the export gives them back as they are.

#include <optional>
#include <string_view>
#include <vector>

#include "domain/model.hpp"

namespace styr::interchange::test_support {

struct FollowUpSample {
  std::vector<domain::FollowUpOccasion> occasions;
  std::vector<domain::ReportBack> report_backs;
};

//! Refers to the units KF, KS, LAR, VOO, the people P001-P003, the items A1, A2, A4 and the
//! indicators MERIT and SJUK.
inline FollowUpSample followUpSample() {
  auto day = [](std::string_view text) { return *domain::parseDate(text); };
  using domain::FollowUpLevel;
  using domain::Topic;
  FollowUpSample sample;

  domain::FollowUpOccasion interim;
  interim.code = "2025-DELAR";
  interim.year = 2025;
  interim.name = "Delårsrapport januari–augusti";
  interim.kind = domain::OccasionKind::interim_report;
  interim.level = FollowUpLevel::council;
  interim.body = "KF";
  interim.period_end = day("2025-08-31");
  interim.meeting = day("2025-10-23");
  interim.topics = {Topic::finances, Topic::operations, Topic::quality_goals};
  interim.deadlines = {{FollowUpLevel::unit, day("2025-09-12")},
                       {FollowUpLevel::sector, day("2025-09-19")},
                       {FollowUpLevel::chief_executive, day("2025-09-26")},
                       {FollowUpLevel::executive_board, day("2025-10-08")}};
  interim.revision = 4;  // not exchanged: reads back as 1

  domain::FollowUpOccasion board;
  board.code = "2025-KS-03";
  board.year = 2025;
  board.name = "Månadsuppföljning mars";
  board.kind = domain::OccasionKind::monthly;
  board.level = FollowUpLevel::executive_board;
  board.body = "KS";
  board.period_end = day("2025-03-31");
  board.meeting = day("2025-04-16");
  board.topics = {Topic::finances, Topic::staff};
  board.deadlines = {{FollowUpLevel::sector, day("2025-04-07")},
                     {FollowUpLevel::chief_executive, day("2025-04-10")}};
  board.status = domain::OccasionStatus::closed;
  sample.occasions = {interim, board};

  using domain::ReportBackStatus;
  domain::ReportBack employee;
  employee.occasion = "2025-DELAR";
  employee.recipient_person = "P003";
  employee.status = ReportBackStatus::submitted;
  employee.assessments = {
      {"A2", domain::Assessment::fulfilled, domain::Trend::better, "", {}},
  };
  employee.written_by = "P003";
  employee.updated_at = "2025-09-10T08:30:00.000000Z";
  employee.submitted_by = "P003";
  employee.submitted_at = "2025-09-10T08:31:12.500000Z";

  domain::ReportBack returned;
  returned.occasion = "2025-DELAR";
  returned.recipient_unit = "LAR";
  returned.status = ReportBackStatus::returned;
  // Not in code order: the order of actions is the writer's and is kept.
  returned.assessments = {
      {"A1",
       domain::Assessment::partly_fulfilled,
       domain::Trend::worse,
       "Två skolor har inte kommit igång.\nRektorerna saknar tid.",
       {{"Uppföljning med rektorerna", "P002", day("2025-12-01"),
         domain::ActionStatus::in_progress},
        {"Extra \"läsveckor\"", "P002", day("2025-11-15"), domain::ActionStatus::planned},
        {"", "", day("2025-12-31"), domain::ActionStatus::moved}}},
  };
  returned.topics = {{Topic::finances, "Prognos: överskott 2,1 mnkr."},
                     {Topic::operations, "Verksamheten löper enligt plan."}};
  returned.indicator_values = {
      {"MERIT", "LAR", day("2025-08-31"), 229.0, std::nullopt, std::nullopt, 300},
      {"SJUK", "LAR", day("2025-08-31"), 0.071, 1384.5, 19500.0, std::nullopt},
  };
  returned.written_by = "P002";
  returned.updated_at = "2025-09-18T12:02:11.000000Z";
  returned.submitted_by = "P002";
  returned.submitted_at = "2025-09-18T12:05:00.000000Z";
  returned.decided_by = "P001";
  returned.decided_at = "2025-09-22T07:45:00.000000Z";
  returned.return_reason = "Analysen saknar orsaker.";
  returned.revision = 3;  // not exchanged

  domain::ReportBack revision;
  revision.occasion = "2025-DELAR";
  revision.recipient_unit = "LAR";
  revision.version = 2;
  revision.status = ReportBackStatus::draft;
  revision.assessments = {{"A1", std::nullopt, std::nullopt, "", {}}};
  revision.written_by = "P002";
  revision.updated_at = "2025-09-23T09:00:00.000000Z";

  domain::ReportBack approved;
  approved.occasion = "2025-KS-03";
  approved.recipient_unit = "VOO";
  approved.status = ReportBackStatus::approved;
  approved.assessments = {
      {"A4",
       domain::Assessment::cannot_be_assessed,
       domain::Trend::unchanged,
       "Kravet ersattes under året.",
       {}},
  };
  approved.topics = {{Topic::finances, "Budget i balans."}, {Topic::staff, ""}};
  approved.written_by = "P001";
  approved.updated_at = "2025-04-06T15:00:00.000000Z";
  approved.submitted_by = "P001";
  approved.submitted_at = "2025-04-06T15:10:00.000000Z";
  approved.decided_by = "P002";
  approved.decided_at = "2025-04-08T10:00:00.000000Z";
  sample.report_backs = {employee, returned, revision, approved};
  return sample;
}

}  // namespace styr::interchange::test_support
