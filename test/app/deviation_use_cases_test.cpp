// Deviations (issue 6, D11): who is told at each gravity, raising and lowering, the time-limit
// sweep on an injected clock, closing, confidentiality, and a timeline that only grows; on
// every backend, over the Lerum demo.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/deviation_use_cases.hpp"
#include "app/follow_up_use_cases.hpp"
#include "app/import_organisation.hpp"
#include "app/lerum_callers.hpp"
#include "demo/lerum_demo.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::app {
namespace {

using domain::Deviation;
using domain::DeviationEventKind;
using domain::UnitKind;
using test_support::day;
using test_support::kLerum;
using test_support::personCaller;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

//! A clock the test sets to any instant.
class SettableClock final : public Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return at_; }
  void set(std::chrono::system_clock::time_point at) { at_ = at; }
  void advance(std::chrono::system_clock::duration by) { at_ += by; }

 private:
  // Monday 1 December 2025, 10:00 UTC (11:00 in Stockholm), the day after the demo's date.
  std::chrono::system_clock::time_point at_ = std::chrono::sys_days(day(2025, 12, 1)) + 10h;
};

const domain::OrganisationData& demoData() {
  static const domain::OrganisationData data = [] {
    domain::OrganisationData built = demo::buildLerumDemo();
    built.report_backs.clear();
    return built;
  }();
  return data;
}

class Deviations : public ::testing::TestWithParam<test::BackendKind> {
 protected:
  void SetUp() override {
    if (GetParam() == test::BackendKind::postgres && !test::postgresConfigured()) {
      GTEST_SKIP() << "no PostgreSQL server configured (scripts/test.sh starts one)";
    }
    database_ = std::make_unique<test::TestDatabase>(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    store_ = store::openStore(database_->db());
    ASSERT_TRUE(importOrganisation(*store_, clock_, "test", demoData()));
    auto people = demo::lerumKeyPeople();
    employee_ = personCaller(people.employee, "medarbetare");
    unit_manager_ = personCaller(people.unit_manager, "enhetschef");
    sector_head_ = personCaller(people.sector_head, "sektorschef");
    chief_executive_ = personCaller(people.chief_executive, "kd");
    board_chair_ = personCaller(people.board_member, "ordforande");
    controller_ = personCaller(people.controller, "controller");
    council_member_ = personCaller(people.council_member, "ledamot");
    for (const auto& membership : demoData().memberships) {
      if (membership.unit == "LAR-E01" && membership.role == domain::Role::employee &&
          membership.person != people.employee && !membership.valid_to) {
        colleague_ = personCaller(membership.person, "kollega");
        break;
      }
    }
    ASSERT_FALSE(colleague_.actor.person.empty());
  }

  UseCaseContext context() { return UseCaseContext{*store_, clock_, models_}; }

  DeviationReport report(int gravity, bool confidential = false) {
    DeviationReport report;
    report.unit = "LAR-E01";
    report.category = domain::DeviationCategory::work_environment;
    report.gravity = gravity;
    report.title = "Vattenläcka i matsalen";
    report.description = "Ett rör sprack under lunchen; matsalen är stängd.";
    report.occurred_on = day(2025, 12, 1);
    report.immediate_actions = "Vattnet avstängt, eleverna äter i idrottshallen.";
    report.confidential = confidential;
    return report;
  }

  Deviation reported(const Caller& by, int gravity, bool confidential = false) {
    auto result = reportDeviation(context(), by, report(gravity, confidential));
    EXPECT_TRUE(result) << result.error().message;
    return result ? result.value() : Deviation{};
  }

  Deviation stored(const std::string& code) {
    auto found = store_->deviation(kLerum, code);
    EXPECT_TRUE(found.has_value()) << code;
    return found ? *found : Deviation{};
  }

  std::vector<UnitKind> kindsOf(const Deviation& deviation) {
    std::vector<UnitKind> kinds;
    for (const auto& level : deviation.levels) {
      for (const auto& unit : demoData().units) {
        if (unit.code == level.unit) kinds.push_back(unit.kind);
      }
    }
    return kinds;
  }

  std::vector<Notification> toldOf(const std::string& person, const std::string& code) {
    std::vector<Notification> found;
    for (auto& notification : store_->notificationsOf(kLerum, person, false, 1000)) {
      if (notification.link.ends_with("/" + code)) found.push_back(notification);
    }
    return found;
  }

  //! Every audit entry of the deviation's trail.
  std::size_t auditEntries(const std::string& code) {
    return store_->auditEntriesOf(kLerum, "deviation", code).size();
  }

  SettableClock clock_;
  ReadModels models_;
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<Store> store_;
  Caller employee_, colleague_, unit_manager_, sector_head_, chief_executive_, board_chair_,
      controller_, council_member_;
};

TEST_P(Deviations, EachGravityIsKnownAtOnceByEveryLevelUpToItsReach) {
  const std::vector<std::vector<UnitKind>> expected{
      {UnitKind::unit},
      {UnitKind::unit, UnitKind::sector},
      {UnitKind::unit, UnitKind::sector, UnitKind::chief_executive_office,
       UnitKind::executive_board},
      {UnitKind::unit, UnitKind::sector, UnitKind::chief_executive_office,
       UnitKind::executive_board, UnitKind::council},
  };
  for (int gravity = 1; gravity <= 4; ++gravity) {
    SCOPED_TRACE(fmt::format("gravity {}", gravity));
    Deviation deviation = reported(employee_, gravity);
    EXPECT_EQ(deviation.code, fmt::format("AVV-2025-{:04}", gravity));
    EXPECT_EQ(kindsOf(stored(deviation.code)), expected[gravity - 1]);
    const auto& first = deviation.levels.front();
    EXPECT_THAT(first.people, ElementsAre(unit_manager_.actor.person));
    for (const auto& level : deviation.levels) {
      EXPECT_EQ(level.notified_at, deviation.reported_at) << level.unit << " is told at once";
      EXPECT_FALSE(level.due_at.empty()) << level.unit;
      ASSERT_FALSE(level.people.empty()) << level.unit << " has someone to tell";
      for (const auto& person : level.people) {
        auto notices = toldOf(person, deviation.code);
        ASSERT_EQ(notices.size(), 1U) << person << " at " << level.unit;
        // Each is told who else has been told.
        EXPECT_THAT(notices[0].body, HasSubstr("Underrättade i kedjan"));
        EXPECT_EQ(notices[0].kind, "deviation_reported");
      }
    }
    if (gravity >= 3) {
      // At a political level the body's chair and its secretary are the ones told.
      const auto& board = deviation.levels[3];
      EXPECT_THAT(board.people, ::testing::UnorderedElementsAre(board_chair_.actor.person,
                                                                controller_.actor.person));
    }
    EXPECT_EQ(deviation.council_listed_at.empty(), gravity < 4);
    EXPECT_TRUE(toldOf(employee_.actor.person, deviation.code).empty())
        << "the reporter is not notified of their own report";
    EXPECT_EQ(auditEntries(deviation.code), 1U);
  }
}

TEST_P(Deviations, AReporterWhoHeadsALevelHasAcknowledgedItByReporting) {
  Deviation deviation = reported(unit_manager_, 2);
  auto statistics =
      acknowledgementStatistics({deviation}, models_.current(*store_, kLerum)->index());
  ASSERT_EQ(statistics.size(), 1U) << "the reporter's own level says nothing of answering";
  EXPECT_EQ(statistics[0].reach, domain::EscalationReach::sector);
  ASSERT_EQ(deviation.levels.size(), 2U);
  EXPECT_EQ(deviation.levels[0].acknowledged_by, unit_manager_.actor.person);
  EXPECT_TRUE(deviation.levels[0].due_at.empty());
  EXPECT_TRUE(deviation.levels[1].acknowledged_at.empty());
  EXPECT_TRUE(toldOf(unit_manager_.actor.person, deviation.code).empty());
}

TEST_P(Deviations, TheLevelsAcknowledgeOnceAndOnlyTheLevelsDo) {
  Deviation deviation = reported(employee_, 2);
  clock_.advance(95min);
  auto acknowledged = acknowledgeDeviation(context(), sector_head_, deviation.code, std::nullopt);
  ASSERT_TRUE(acknowledged) << acknowledged.error().message;
  const auto& sector = acknowledged.value().levels[1];
  EXPECT_EQ(sector.acknowledged_by, sector_head_.actor.person);
  EXPECT_TRUE(sector.due_at.empty());
  EXPECT_TRUE(acknowledged.value().levels[0].acknowledged_at.empty());

  auto again = acknowledgeDeviation(context(), sector_head_, deviation.code, std::nullopt);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  auto by_reporter = acknowledgeDeviation(context(), employee_, deviation.code, std::nullopt);
  ASSERT_FALSE(by_reporter);
  EXPECT_EQ(by_reporter.error().code, ErrorCode::forbidden);
  auto stale = acknowledgeDeviation(context(), unit_manager_, deviation.code, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::conflict);

  auto statistics = acknowledgementStatistics({stored(deviation.code)},
                                              models_.current(*store_, kLerum)->index());
  ASSERT_EQ(statistics.size(), 2U);
  EXPECT_EQ(statistics[1].reach, domain::EscalationReach::sector);
  EXPECT_EQ(statistics[1].acknowledged, 1U);
  EXPECT_EQ(statistics[1].median_minutes, 95);
  EXPECT_EQ(statistics[0].waiting, 1U);
}

TEST_P(Deviations, RaisingTellsTheFurtherLevelsAndLoweringReleasesThemWithAReason) {
  Deviation deviation = reported(employee_, 2);
  auto raised = changeGravity(context(), unit_manager_, deviation.code, 4, "", std::nullopt);
  ASSERT_TRUE(raised) << raised.error().message;
  EXPECT_EQ(raised.value().gravity, 4);
  ASSERT_EQ(raised.value().levels.size(), 5U);
  EXPECT_FALSE(raised.value().council_listed_at.empty()) << "on the council's information list";
  for (const auto& person : raised.value().levels[4].people) {
    EXPECT_EQ(toldOf(person, deviation.code).size(), 1U) << person;
  }
  EXPECT_TRUE(toldOf(sector_head_.actor.person, deviation.code).size() == 1U)
      << "the levels told before are not told again";

  auto acknowledged = acknowledgeDeviation(context(), chief_executive_, deviation.code, {});
  ASSERT_TRUE(acknowledged) << acknowledged.error().message;

  auto without_reason = changeGravity(context(), unit_manager_, deviation.code, 2, " ", {});
  ASSERT_FALSE(without_reason);
  EXPECT_EQ(without_reason.error().code, ErrorCode::invalid_input);

  auto lowered =
      changeGravity(context(), sector_head_, deviation.code, 2, "Läckan var mindre än befarat", {});
  ASSERT_TRUE(lowered) << lowered.error().message;
  const auto& levels = lowered.value().levels;
  EXPECT_TRUE(levels[1].released_at.empty()) << "within the new reach";
  EXPECT_TRUE(levels[2].released_at.empty()) << "the chief executive acknowledged already";
  EXPECT_FALSE(levels[3].released_at.empty());
  EXPECT_FALSE(levels[4].released_at.empty());
  EXPECT_TRUE(levels[4].due_at.empty());
  EXPECT_EQ(lowered.value().events.back().kind, DeviationEventKind::lowered);
  EXPECT_EQ(lowered.value().events.back().text, "Läckan var mindre än befarat");
  EXPECT_TRUE(lowered.value().council_listed_at.empty())
      << "released, the council need not take it up";
  auto released = acknowledgeDeviation(context(), controller_, deviation.code, {});
  ASSERT_FALSE(released);
  EXPECT_EQ(released.error().code, ErrorCode::conflict);
  EXPECT_THAT(released.error().message, HasSubstr("lowered below it"));

  auto same = changeGravity(context(), sector_head_, deviation.code, 2, "x", {});
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, ErrorCode::invalid_input);

  // Raised again, the released levels must know once more: told again, and the council's list.
  clock_.advance(2h);
  auto again = changeGravity(context(), sector_head_, deviation.code, 4, "Läckan spred sig", {});
  ASSERT_TRUE(again) << again.error().message;
  ASSERT_EQ(again.value().levels.size(), 5U) << "the same levels, not new ones";
  for (int position : {3, 4}) {
    const auto& level = again.value().levels[position];
    EXPECT_TRUE(level.released_at.empty()) << level.unit;
    EXPECT_EQ(level.notified_at, formatTimestamp(clock_.now())) << level.unit;
    EXPECT_FALSE(level.due_at.empty()) << level.unit;
  }
  EXPECT_FALSE(again.value().council_listed_at.empty());
  EXPECT_EQ(toldOf(board_chair_.actor.person, deviation.code).size(), 2U)
      << "the board's chair is told again";
}

TEST_P(Deviations, ASilentLevelIsRemindedAtItsLimitAndTheNextIsToldWhenItPassesAgain) {
  Deviation deviation = reported(employee_, 3);  // four hours
  ASSERT_EQ(deviation.levels.size(), 4U);
  auto start = clock_.now();
  // The sector head answers in time; the others stay silent.
  clock_.set(start + 1h);
  ASSERT_TRUE(acknowledgeDeviation(context(), sector_head_, deviation.code, {}));

  clock_.set(start + 3h + 59min);
  EXPECT_EQ(sweepDeviations(*store_, clock_, models_).deviations, 0U);

  clock_.set(start + 4h);
  auto first = sweepDeviations(*store_, clock_, models_);
  EXPECT_EQ(first.deviations, 1U);
  EXPECT_EQ(first.reminded, 3U);
  EXPECT_EQ(first.escalated, 0U);
  Deviation after_reminder = stored(deviation.code);
  EXPECT_FALSE(after_reminder.levels[0].reminded_at.empty());
  EXPECT_TRUE(after_reminder.levels[1].reminded_at.empty()) << "it acknowledged";
  ASSERT_EQ(after_reminder.levels.size(), 4U);
  auto reminders = toldOf(unit_manager_.actor.person, deviation.code);
  ASSERT_EQ(reminders.size(), 2U);
  EXPECT_EQ(reminders[0].kind, "deviation_reminder");  // newest first

  // Running again at once changes nothing: each reminder once.
  EXPECT_EQ(sweepDeviations(*store_, clock_, models_).deviations, 0U);

  clock_.set(start + 8h);
  auto second = sweepDeviations(*store_, clock_, models_);
  EXPECT_EQ(second.escalated, 1U);
  Deviation escalated = stored(deviation.code);
  ASSERT_EQ(escalated.levels.size(), 5U) << "the council is told";
  EXPECT_EQ(kindsOf(escalated).back(), UnitKind::council);
  EXPECT_FALSE(escalated.levels[0].escalated_at.empty());
  EXPECT_FALSE(escalated.council_listed_at.empty());
  EXPECT_EQ(escalated.gravity, 3) << "escalating tells further; the gravity is the chain's call";
  EXPECT_EQ(escalated.events.back().kind, DeviationEventKind::escalated);
  EXPECT_TRUE(escalated.events.back().person.empty()) << "the sweep did it";
  auto trail = store_->auditEntriesOf(kLerum, "deviation", deviation.code);
  ASSERT_FALSE(trail.empty());
  EXPECT_EQ(trail.back().action, "deviation.escalated");
  EXPECT_EQ(trail.back().actor, "styr (tidsgräns)");
}

TEST_P(Deviations, AfterALoweringTheSweepTellsAReleasedLevelAgainWhenThoseBelowStaySilent) {
  Deviation deviation = reported(employee_, 4);
  auto start = clock_.now();
  ASSERT_TRUE(changeGravity(context(), sector_head_, deviation.code, 2, "Mindre än befarat", {}));
  // The unit's and the sector's levels stay silent: reminded at the limit told under gravity 4,
  // then given the gravity-2 limit (one business day) before the next level is told.
  clock_.set(start + 1h);
  EXPECT_EQ(sweepDeviations(*store_, clock_, models_).reminded, 2U);
  clock_.set(start + 1h + 23h);
  EXPECT_EQ(sweepDeviations(*store_, clock_, models_).escalated, 0U);
  clock_.set(start + 1h + 24h);
  EXPECT_EQ(sweepDeviations(*store_, clock_, models_).escalated, 1U);
  Deviation escalated = stored(deviation.code);
  ASSERT_EQ(escalated.levels.size(), 5U) << "no level is added: the released one is told again";
  EXPECT_TRUE(escalated.levels[2].released_at.empty());
  EXPECT_EQ(escalated.levels[2].notified_at, formatTimestamp(clock_.now()));
  EXPECT_FALSE(escalated.levels[3].released_at.empty()) << "one level at a time";
  EXPECT_TRUE(escalated.council_listed_at.empty());
}

TEST_P(Deviations, BusinessDayLimitsSkipWeekendsAndHolidays) {
  // Gravity 1: three business days. Told on Friday 19 December 2025 at 10:00 UTC, the limit
  // passes on Wednesday 24 December... which is Christmas Eve, so Monday 29 December.
  clock_.set(std::chrono::sys_days(day(2025, 12, 19)) + 10h);
  Deviation deviation = reported(employee_, 1);
  EXPECT_EQ(deviation.levels[0].due_at.substr(0, 16), "2025-12-29T10:00");

  clock_.set(std::chrono::sys_days(day(2025, 12, 29)) + 9h);
  EXPECT_EQ(sweepDeviations(*store_, clock_, models_).reminded, 0U);
  clock_.set(std::chrono::sys_days(day(2025, 12, 29)) + 10h);
  EXPECT_EQ(sweepDeviations(*store_, clock_, models_).reminded, 1U);
}

TEST_P(Deviations, ClosingNeedsANoteAndEveryActionDoneOrMoved) {
  Deviation deviation = reported(employee_, 2);
  domain::DeviationAction action;
  action.description = "Byt rörskarvar i köket";
  action.owner = unit_manager_.actor.person;
  action.due = day(2026, 1, 31);
  auto added = addDeviationAction(context(), sector_head_, deviation.code, action, {});
  ASSERT_TRUE(added) << added.error().message;
  ASSERT_EQ(added.value().actions.size(), 1U);
  EXPECT_EQ(toldOf(unit_manager_.actor.person, deviation.code).front().kind, "deviation_action");

  domain::DeviationAction colleagues = action;
  colleagues.description = "Informera personalen om var avstängningsventilen sitter";
  colleagues.owner = colleague_.actor.person;
  ASSERT_TRUE(addDeviationAction(context(), sector_head_, deviation.code, colleagues, {}));
  // The owner reads it and reports their action's progress, and handles nothing else.
  EXPECT_TRUE(readDeviation(context(), colleague_, deviation.code));
  auto owner_acknowledging = acknowledgeDeviation(context(), colleague_, deviation.code, {});
  ASSERT_FALSE(owner_acknowledging);
  EXPECT_EQ(owner_acknowledging.error().code, ErrorCode::forbidden);
  EXPECT_EQ(changeGravity(context(), colleague_, deviation.code, 1, "Litet", {}).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(changeDeviationAction(context(), colleague_, deviation.code, 1,
                                  domain::ActionStatus::done, std::nullopt, "", {})
                .error()
                .code,
            ErrorCode::forbidden)
      << "not their action";
  auto own = changeDeviationAction(context(), colleague_, deviation.code, 2,
                                   domain::ActionStatus::done, std::nullopt, "Klart", {});
  ASSERT_TRUE(own) << own.error().message;

  auto without_note = closeDeviation(context(), sector_head_, deviation.code, "", {});
  ASSERT_FALSE(without_note);
  EXPECT_EQ(without_note.error().code, ErrorCode::invalid_input);
  auto open_action = closeDeviation(context(), sector_head_, deviation.code, "Klart", {});
  ASSERT_FALSE(open_action);
  EXPECT_EQ(open_action.error().code, ErrorCode::rule_broken);

  auto moved_without_date =
      changeDeviationAction(context(), unit_manager_, deviation.code, 1,
                            domain::ActionStatus::moved, std::nullopt, "Väntar på rörmokare", {});
  ASSERT_FALSE(moved_without_date);
  auto done = changeDeviationAction(context(), unit_manager_, deviation.code, 1,
                                    domain::ActionStatus::done, std::nullopt, "", {});
  ASSERT_TRUE(done) << done.error().message;
  auto closed =
      closeDeviation(context(), sector_head_, deviation.code, "Rören bytta; inga fler läckor.", {});
  ASSERT_TRUE(closed) << closed.error().message;
  EXPECT_EQ(closed.value().state, domain::DeviationState::closed);
  EXPECT_EQ(closed.value().actions.size(), 2U);

  auto after = commentOnDeviation(context(), employee_, deviation.code, "En sak till", {});
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, ErrorCode::locked);
  auto read = readDeviation(context(), employee_, deviation.code);
  ASSERT_TRUE(read) << "closed deviations stay readable";
  EXPECT_EQ(read.value().closing_note, "Rören bytta; inga fler läckor.");
}

TEST_P(Deviations, TheTimelineOnlyGrowsAndEachStepIsOneAuditEntry) {
  Deviation deviation = reported(employee_, 2);
  std::vector<Deviation> seen{stored(deviation.code)};
  ASSERT_TRUE(commentOnDeviation(context(), employee_, deviation.code, "Det läcker igen", {}));
  seen.push_back(stored(deviation.code));
  ASSERT_TRUE(
      assessDeviation(context(), sector_head_, deviation.code, "Allvarligt men lokalt", {}));
  seen.push_back(stored(deviation.code));
  ASSERT_TRUE(acknowledgeDeviation(context(), unit_manager_, deviation.code, {}));
  seen.push_back(stored(deviation.code));
  for (std::size_t i = 1; i < seen.size(); ++i) {
    const auto& before = seen[i - 1].events;
    const auto& after = seen[i].events;
    ASSERT_GT(after.size(), before.size());
    for (std::size_t e = 0; e < before.size(); ++e) {
      EXPECT_EQ(after[e].at, before[e].at);
      EXPECT_EQ(after[e].text, before[e].text);
      EXPECT_EQ(after[e].kind, before[e].kind);
      EXPECT_EQ(after[e].person, before[e].person);
    }
  }
  EXPECT_EQ(seen.back().events[3].kind, DeviationEventKind::commented);
  EXPECT_EQ(seen.back().events[3].person, employee_.actor.person);
  EXPECT_EQ(auditEntries(deviation.code), 4U);

  auto stranger = commentOnDeviation(context(), colleague_, deviation.code, "Hm", {});
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().code, ErrorCode::forbidden) << "a colleague reads but does not handle";
  auto assessment_by_reporter =
      assessDeviation(context(), employee_, deviation.code, "Jag tycker", {});
  ASSERT_FALSE(assessment_by_reporter);
  EXPECT_EQ(assessment_by_reporter.error().code, ErrorCode::forbidden);
}

TEST_P(Deviations, AConfidentialDeviationIsReadOnlyByTheReporterAndTheChainTold) {
  Deviation deviation = reported(employee_, 1, true);
  for (const Caller* reader : {&employee_, &unit_manager_}) {
    EXPECT_TRUE(readDeviation(context(), *reader, deviation.code)) << reader->name;
  }
  for (const Caller* reader : {&colleague_, &controller_, &sector_head_, &council_member_}) {
    auto read = readDeviation(context(), *reader, deviation.code);
    ASSERT_FALSE(read) << reader->name;
    EXPECT_EQ(read.error().code, ErrorCode::not_found) << "its existence is not revealed";
    auto register_ = deviationRegister(context(), *reader, {});
    ASSERT_TRUE(register_);
    EXPECT_TRUE(register_.value().empty()) << reader->name;
  }
  // An open one is read by the unit's staff and the heads above, and controllers.
  Deviation open = reported(employee_, 1);
  for (const Caller* reader : {&colleague_, &controller_, &sector_head_}) {
    EXPECT_TRUE(readDeviation(context(), *reader, open.code)) << reader->name;
  }
  EXPECT_FALSE(readDeviation(context(), council_member_, open.code))
      << "it did not reach the council member's body";
}

TEST_P(Deviations, TheRegisterFiltersAndTheInboxHoldsWhatAwaitsMe) {
  Deviation small = reported(employee_, 1);
  Deviation grave = reported(employee_, 3);
  DeviationFilter waiting;
  waiting.waiting_for = sector_head_.actor.person;
  auto inbox = deviationRegister(context(), sector_head_, waiting);
  ASSERT_TRUE(inbox);
  ASSERT_EQ(inbox.value().size(), 1U);
  EXPECT_EQ(inbox.value()[0].code, grave.code);
  ASSERT_TRUE(acknowledgeDeviation(context(), sector_head_, grave.code, {}));
  EXPECT_TRUE(deviationRegister(context(), sector_head_, waiting).value().empty());

  // A head who takes over a level's unit finds what awaits the level in their inbox, and
  // acknowledges it for the level.
  ASSERT_TRUE(changeGravity(context(), unit_manager_, small.code, 2, "", {}));
  domain::Membership successor{controller_.actor.person, "SEK-LAR", domain::Role::head,
                               day(2025, 12, 1), std::nullopt};
  store_->begin();
  store_->insertMemberships(kLerum, {successor});
  store_->commit();
  ReadModels fresh;  // the membership was written behind the use cases, without an audit entry
  UseCaseContext after{*store_, clock_, fresh};
  DeviationFilter for_successor;
  for_successor.waiting_for = controller_.actor.person;
  auto successor_inbox = deviationRegister(after, controller_, for_successor);
  ASSERT_TRUE(successor_inbox);
  ASSERT_EQ(successor_inbox.value().size(), 2U)
      << "the board's secretary was told of the grave one";
  EXPECT_EQ(successor_inbox.value()[0].code, small.code) << "and heads the sector now";
  auto by_successor = acknowledgeDeviation(after, controller_, small.code, {});
  ASSERT_TRUE(by_successor) << by_successor.error().message;
  EXPECT_EQ(by_successor.value().levels[1].acknowledged_by, controller_.actor.person);
  DeviationFilter by_gravity;
  by_gravity.gravity = 2;
  auto twos = deviationRegister(context(), controller_, by_gravity);
  ASSERT_EQ(twos.value().size(), 1U);
  EXPECT_EQ(twos.value()[0].code, small.code);
  DeviationFilter by_sector;
  by_sector.sector = "SEK-LAR";
  EXPECT_EQ(deviationRegister(context(), controller_, by_sector).value().size(), 2U);
  DeviationFilter elsewhere;
  elsewhere.unit = "SEK-VOO";
  auto none = deviationRegister(context(), controller_, elsewhere);
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none.value().empty());
  DeviationFilter later;
  later.from = day(2025, 12, 2);
  EXPECT_TRUE(deviationRegister(context(), controller_, later).value().empty());
  DeviationFilter not_a_sector;
  not_a_sector.sector = "LAR-E01";
  EXPECT_EQ(deviationRegister(context(), controller_, not_a_sector).error().code,
            ErrorCode::invalid_input);
}

TEST_P(Deviations, OnlyThoseOfTheUnitOrAboveReportOnIt) {
  auto elsewhere = report(1);
  elsewhere.unit = "SEK-LAR";
  auto refused = reportDeviation(context(), employee_, elsewhere);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  EXPECT_TRUE(reportDeviation(context(), sector_head_, report(1))) << "a head above reports too";

  auto bad = report(5);
  EXPECT_EQ(reportDeviation(context(), employee_, bad).error().code, ErrorCode::invalid_input);
  auto future = report(1);
  future.occurred_on = day(2026, 1, 1);
  EXPECT_EQ(reportDeviation(context(), employee_, future).error().code, ErrorCode::invalid_input);
  auto unknown = report(1);
  unknown.affected_items = {"NO-SUCH-ITEM"};
  auto refused_unknown = reportDeviation(context(), employee_, unknown);
  ASSERT_FALSE(refused_unknown);
  EXPECT_EQ(refused_unknown.error().details.at(0).where, "affected_items[0]");
  EXPECT_EQ(store_->deviations(kLerum, std::nullopt).size(), 1U) << "nothing else was written";
}

TEST_P(Deviations, EachOrganisationSetsHowFarEachGravityGoes) {
  domain::DeviationSettings settings = domain::defaultDeviationSettings();
  settings.rules[1].reach = domain::EscalationReach::executive_board;
  settings.rules[1].business_days = 0;
  settings.rules[1].hours = 2;
  EXPECT_EQ(saveDeviationSettings(context(), employee_, settings).error().code,
            ErrorCode::forbidden);
  auto saved = saveDeviationSettings(context(), controller_, settings);
  ASSERT_TRUE(saved) << saved.error().message;
  Deviation deviation = reported(employee_, 2);
  EXPECT_EQ(deviation.levels.size(), 4U);
  EXPECT_EQ(store_->auditEntriesOf(kLerum, "deviation_settings", kLerum).size(), 1U);

  domain::DeviationSettings broken = domain::defaultDeviationSettings();
  broken.rules[3].reach = domain::EscalationReach::unit;
  auto refused = saveDeviationSettings(context(), controller_, broken);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
}

INSTANTIATE_TEST_SUITE_P(Backends, Deviations, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

}  // namespace
}  // namespace styr::app
