// The follow-up cycle's use cases, on both backends, over the Lerum demo on its own date
// (2025-11-30): the controller adopts and changes the year's plan (L6), closes and reopens
// occasions; recipients write and submit report-backs, the level above returns or approves
// them (D12: a submitted version never changes); every step writes exactly one audit entry and
// its notifications in its own transaction, and every refused step writes nothing at all.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/follow_up_use_cases.hpp"
#include "app/import_organisation.hpp"
#include "app/lerum_callers.hpp"
#include "demo/lerum_demo.hpp"
#include "domain/chain_index.hpp"
#include "domain/follow_up_plan.hpp"
#include "domain/follow_up_scope.hpp"
#include "interchange/organisation_json.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::app {
namespace {

using test_support::day;
using test_support::kLerum;
using test_support::personCaller;

using domain::Assessment;
using domain::FollowUpLevel;
using domain::FollowUpOccasion;
using domain::OccasionKind;
using domain::OccasionStatus;
using domain::Recipient;
using domain::ReportBack;
using domain::ReportBackStatus;
using domain::Topic;
using domain::Trend;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

constexpr const char* kTertial = "2025-KS-04";  // units supply it; four topics
constexpr const char* kMonthly = "2025-KS-10";  // the chief executive and the sectors supply it
constexpr const char* kInterim = "2025-DELAR";  // every level supplies it
//! An activity the unit LAR-E01 gave its employee P00123 (the demo's key employee). The tests
//! add the interim report to its follow-up, so that a person reports to an occasion.
constexpr const char* kPersonalItem = "LAR-E01-A09";
constexpr const char* kOtherSectorHead = "P00005";  // head of SEK-VOO
constexpr const char* kNoAddress = "P00002";        // the second head of KD

//! The Lerum demo as the tests start from it: without a follow-up plan or report-backs of its
//! own (each test adopts the plan it needs, whatever the demo comes to hold), with
//! kPersonalItem followed up at the interim report as well, and with the second chief
//! executive (kNoAddress) reached in the app only.
const domain::OrganisationData& demoData() {
  static const domain::OrganisationData data = [] {
    domain::OrganisationData built = demo::buildLerumDemo();
    built.occasions.clear();
    built.report_backs.clear();
    for (domain::Item& item : built.items) {
      if (item.code == kPersonalItem) item.follow_up.assessed_at.push_back("Delårsrapport 2025");
    }
    for (domain::Person& person : built.people) {
      if (person.code == kNoAddress) person.email.clear();
    }
    return built;
  }();
  return data;
}

//! The error with every detail, for failure messages.
std::string describe(const Error& error) {
  std::string text = error.message;
  for (const ErrorDetail& detail : error.details) {
    text += fmt::format("\n  {} [{}] {}", detail.where, detail.rule, detail.message);
  }
  return text;
}

Recipient unit(std::string code) {
  return domain::unitRecipient(std::move(code));
}

//! What was written, to compare before and after a step: the audit sequence, every occasion
//! and report-back version as stored (with its revision), and the notifications of the people
//! the tests involve.
struct Written {
  std::int64_t sequence = 0;
  std::vector<std::string> occasions;
  std::vector<std::string> report_backs;
  std::map<std::string, std::size_t> notifications;
};

class FollowUpUseCases : public ::testing::TestWithParam<test::BackendKind> {
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
    unit_manager_ = personCaller(people.unit_manager, "enhetschef");
    sector_head_ = personCaller(people.sector_head, "sektorschef");
    chief_executive_ = personCaller(people.chief_executive, "kommundirektor");
    employee_ = personCaller(people.employee, "medarbetare");
    controller_ = personCaller(people.controller, "controller");
    board_chair_ = personCaller(people.board_member, "ordforande");
    council_member_ = personCaller(people.council_member, "ledamot");
    administrator_ = personCaller(people.administrator, "admin");
    administrator_.actor.administrator = true;
    other_sector_head_ = personCaller(kOtherSectorHead, "sektorschef-voo");
    watched_ = {people.unit_manager, people.sector_head, people.chief_executive, kNoAddress,
                people.employee,     people.controller,  kOtherSectorHead};
  }

  UseCaseContext context() { return UseCaseContext{*store_, clock_, models_}; }

  std::int64_t sequence() { return store_->auditSequence(kLerum); }

  void adoptPlan() {
    auto adopted = adoptDefaultPlan(context(), controller_, 2025);
    ASSERT_TRUE(adopted) << describe(adopted.error());
  }

  FollowUpOccasion storedOccasion(const std::string& code) {
    for (auto& occasion : store_->loadOrganisation(kLerum).occasions) {
      if (occasion.code == code) return occasion;
    }
    ADD_FAILURE() << "no occasion " << code << " is stored";
    return {};
  }

  std::vector<ReportBack> storedVersions(const std::string& occasion, const Recipient& recipient) {
    std::vector<ReportBack> versions;
    for (auto& version : store_->loadOrganisation(kLerum).report_backs) {
      if (version.occasion == occasion && version.recipient_unit == recipient.unit &&
          version.recipient_person == recipient.person) {
        versions.push_back(version);
      }
    }
    std::sort(versions.begin(), versions.end(),
              [](const ReportBack& a, const ReportBack& b) { return a.version < b.version; });
    return versions;
  }

  std::vector<Notification> notificationsOf(const std::string& person) {
    return store_->notificationsOf(kLerum, person, false, 100);
  }

  Written written() {
    Written now;
    now.sequence = sequence();
    auto data = store_->loadOrganisation(kLerum);
    for (const auto& occasion : data.occasions) {
      now.occasions.push_back(
          fmt::format("{} r{}", interchange::recordJson(occasion), occasion.revision));
    }
    for (const auto& report_back : data.report_backs) {
      now.report_backs.push_back(
          fmt::format("{} r{}", interchange::recordJson(report_back), report_back.revision));
    }
    for (const std::string& person : watched_) {
      now.notifications[person] = notificationsOf(person).size();
    }
    return now;
  }

  //! Fails the test unless `result` is the error `code` with a message, and nothing at all was
  //! written: no audit entry, no record, no notification.
  template <typename T>
  void expectRefused(const Result<T>& result, ErrorCode code, const Written& before,
                     const std::string& step) {
    ASSERT_FALSE(result) << step << ": was not refused";
    EXPECT_EQ(result.error().code, code) << step << ": " << describe(result.error());
    EXPECT_FALSE(result.error().message.empty()) << step;
    Written after = written();
    EXPECT_EQ(after.sequence, before.sequence) << step << ": the audit sequence moved";
    EXPECT_EQ(after.occasions, before.occasions) << step << ": an occasion was written";
    EXPECT_EQ(after.report_backs, before.report_backs) << step << ": a report-back was written";
    EXPECT_EQ(after.notifications, before.notifications) << step << ": someone was notified";
  }

  //! A report-back the occasion accepts from `recipient`: every item in scope assessed with a
  //! trend (the first partly fulfilled, with an analysis and a corrective action owned by
  //! `owner`, the others fulfilled) and a text on every topic.
  ReportBackContent completeContent(const std::string& occasion_code, const Recipient& recipient,
                                    const std::string& owner) {
    auto snapshot = models_.current(*store_, kLerum);
    const auto& occasions = snapshot->data().occasions;
    auto occasion =
        std::find_if(occasions.begin(), occasions.end(),
                     [&](const FollowUpOccasion& o) { return o.code == occasion_code; });
    EXPECT_NE(occasion, occasions.end()) << occasion_code;
    ReportBackContent content;
    if (occasion == occasions.end()) return content;
    for (const domain::Item* item : domain::itemsInScope(*occasion, recipient, snapshot->index())) {
      domain::ItemAssessment assessment;
      assessment.item = item->code;
      assessment.trend = Trend::unchanged;
      if (content.assessments.empty()) {
        assessment.assessment = Assessment::partly_fulfilled;
        assessment.analysis = "Bemanningen räckte inte under våren.";
        assessment.actions.push_back(domain::CorrectiveAction{
            "Rekrytera två pedagoger", owner, day(2026, 2, 28), domain::ActionStatus::planned});
      } else {
        assessment.assessment = Assessment::fulfilled;
      }
      content.assessments.push_back(assessment);
    }
    for (Topic topic : occasion->topics) {
      content.topics.push_back({topic, fmt::format("Så går det med {}.", domain::toString(topic))});
    }
    return content;
  }

  //! LAR-E01's report-back to the tertial, drafted and submitted by its unit manager.
  ReportBack submittedByTheUnitManager() {
    auto saved = saveReportBack(
        context(), unit_manager_, kTertial, unit("LAR-E01"),
        completeContent(kTertial, unit("LAR-E01"), unit_manager_.actor.person), std::nullopt);
    EXPECT_TRUE(saved) << describe(saved.error());
    if (!saved) return {};
    auto submitted = submitReportBack(context(), unit_manager_, kTertial, unit("LAR-E01"),
                                      saved.value().revision);
    EXPECT_TRUE(submitted) << submitted.error().message;
    return submitted ? submitted.value() : ReportBack{};
  }

  std::vector<domain::AuditEntry> trailOf(const ReportBack& report_back) {
    return store_->auditEntriesOf(kLerum, "report_back", reportBackKey(report_back));
  }

  FixedClock clock_{std::chrono::sys_days(demo::lerumDemoDate()) + 11h};
  ReadModels models_;
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<Store> store_;
  Caller unit_manager_;
  Caller sector_head_;
  Caller chief_executive_;
  Caller employee_;
  Caller controller_;
  Caller board_chair_;
  Caller council_member_;
  Caller administrator_;
  Caller other_sector_head_;
  std::vector<std::string> watched_;
};

// ---- The plan --------------------------------------------------------------------------------

TEST_P(FollowUpUseCases, AdoptingTheDefaultPlanStoresItsOccasionsWithOneAuditEntryEach) {
  auto before = sequence();
  auto adopted = adoptDefaultPlan(context(), controller_, 2025);
  ASSERT_TRUE(adopted) << describe(adopted.error());
  const auto& plan = adopted.value();
  ASSERT_EQ(plan.size(), domain::defaultFollowUpPlan(2025, demoData()).size());
  ASSERT_GE(plan.size(), 11U);

  auto stored = store_->loadOrganisation(kLerum).occasions;
  ASSERT_EQ(stored.size(), plan.size());
  for (const FollowUpOccasion& occasion : plan) {
    auto found = std::find_if(stored.begin(), stored.end(),
                              [&](const FollowUpOccasion& s) { return s.code == occasion.code; });
    ASSERT_NE(found, stored.end()) << occasion.code;
    EXPECT_EQ(interchange::recordJson(*found), interchange::recordJson(occasion));
    EXPECT_EQ(found->status, OccasionStatus::open);
    EXPECT_EQ(found->revision, 1);
    auto trail = store_->auditEntriesOf(kLerum, "occasion", occasion.code);
    ASSERT_EQ(trail.size(), 1U) << occasion.code;
    EXPECT_EQ(trail[0].action, "occasion.created");
    EXPECT_EQ(trail[0].actor, controller_.name);
    EXPECT_EQ(trail[0].before, "");
    EXPECT_EQ(nlohmann::json::parse(trail[0].after)["code"], occasion.code);
  }
  EXPECT_EQ(sequence(), before + static_cast<std::int64_t>(plan.size()));

  FollowUpOccasion interim = storedOccasion(kInterim);
  EXPECT_EQ(interim.kind, OccasionKind::interim_report);
  EXPECT_EQ(interim.period_end, day(2025, 8, 31));
  EXPECT_EQ(interim.body, "KF");
}

TEST_P(FollowUpUseCases, TheDefaultPlanIsAdoptedOnceAYear) {
  adoptPlan();
  Written before = written();
  auto again = adoptDefaultPlan(context(), controller_, 2025);
  expectRefused(again, ErrorCode::conflict, before, "adopting 2025 again");
  EXPECT_THAT(again.error().message, HasSubstr("the follow-up plan for 2025 has"));
  // Another year's plan is another plan.
  auto next = adoptDefaultPlan(context(), controller_, 2026);
  ASSERT_TRUE(next) << describe(next.error());
  EXPECT_EQ(sequence(), before.sequence + static_cast<std::int64_t>(next.value().size()));
}

TEST_P(FollowUpUseCases, OnlyControllersAdoptAndChangeThePlan) {
  Written before = written();
  for (const Caller* caller :
       {&unit_manager_, &sector_head_, &chief_executive_, &board_chair_, &administrator_}) {
    auto refused = adoptDefaultPlan(context(), *caller, 2025);
    expectRefused(refused, ErrorCode::forbidden, before, "adopt by " + caller->name);
    EXPECT_THAT(refused.error().message, HasSubstr("only controllers change the follow-up plan"));
  }
  adoptPlan();
  before = written();
  FollowUpOccasion monthly = storedOccasion(kMonthly);
  monthly.topics.push_back(Topic::operations);
  expectRefused(saveOccasion(context(), chief_executive_, monthly, std::nullopt),
                ErrorCode::forbidden, before, "save by the chief executive");
  expectRefused(closeOccasion(context(), sector_head_, kMonthly, std::nullopt),
                ErrorCode::forbidden, before, "close by a sector head");
  ASSERT_TRUE(closeOccasion(context(), controller_, kMonthly, std::nullopt));
  before = written();
  expectRefused(reopenOccasion(context(), board_chair_, kMonthly, std::nullopt, "Sent underlag"),
                ErrorCode::forbidden, before, "reopen by the board's chair");
}

TEST_P(FollowUpUseCases, AnOccasionIsAddedAndReplacedAtItsRevision) {
  adoptPlan();
  auto before = sequence();
  FollowUpOccasion extra = storedOccasion(kMonthly);
  extra.code = "2025-KS-10B";
  extra.name = "Extra uppföljning oktober 2025";
  extra.status = OccasionStatus::closed;  // ignored: a new occasion is open
  extra.revision = 9;                     // ignored
  auto added = saveOccasion(context(), controller_, extra, std::nullopt);
  ASSERT_TRUE(added) << describe(added.error());
  EXPECT_EQ(added.value().status, OccasionStatus::open);
  EXPECT_EQ(added.value().revision, 1);
  FollowUpOccasion stored = storedOccasion("2025-KS-10B");
  EXPECT_EQ(stored.name, "Extra uppföljning oktober 2025");
  EXPECT_EQ(stored.status, OccasionStatus::open);
  EXPECT_EQ(sequence(), before + 1);
  auto trail = store_->auditEntriesOf(kLerum, "occasion", "2025-KS-10B");
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_EQ(trail[0].action, "occasion.created");

  FollowUpOccasion changed = storedOccasion(kMonthly);
  changed.topics.push_back(Topic::operations);
  auto replaced = saveOccasion(context(), controller_, changed, 1);
  ASSERT_TRUE(replaced) << replaced.error().message;
  EXPECT_EQ(replaced.value().revision, 2);
  stored = storedOccasion(kMonthly);
  EXPECT_EQ(stored.revision, 2);
  EXPECT_NE(std::find(stored.topics.begin(), stored.topics.end(), Topic::operations),
            stored.topics.end());
  EXPECT_EQ(sequence(), before + 2);
  trail = store_->auditEntriesOf(kLerum, "occasion", kMonthly);
  ASSERT_EQ(trail.size(), 2U);
  EXPECT_EQ(trail[1].action, "occasion.changed");
  EXPECT_EQ(trail[1].actor, controller_.name);
  // Only what changed: the topics.
  auto was = nlohmann::json::parse(trail[1].before);
  auto is = nlohmann::json::parse(trail[1].after);
  EXPECT_EQ(was.size(), 1U) << trail[1].before;
  EXPECT_EQ(is.size(), 1U) << trail[1].after;
  EXPECT_EQ(is["topics"], nlohmann::json({"finances", "operations", "staff"}));

  // Read at revision 1, saved after the change to 2: refused, not lost.
  Written written_before = written();
  changed.topics = {Topic::finances};
  auto stale = saveOccasion(context(), controller_, changed, 1);
  expectRefused(stale, ErrorCode::conflict, written_before, "a stale save");
  EXPECT_THAT(stale.error().message, HasSubstr("revision 1, now 2"));
}

TEST_P(FollowUpUseCases, AnOccasionWithoutCodeOrNameIsRefused) {
  adoptPlan();
  Written before = written();
  FollowUpOccasion occasion = storedOccasion(kMonthly);
  occasion.code = "";
  auto no_code = saveOccasion(context(), controller_, occasion, std::nullopt);
  expectRefused(no_code, ErrorCode::invalid_input, before, "no code");
  EXPECT_EQ(no_code.error().details.at(0).where, "code");
  occasion.code = "2025 KS 10";
  expectRefused(saveOccasion(context(), controller_, occasion, std::nullopt),
                ErrorCode::invalid_input, before, "a code with blanks");
  occasion.code = kMonthly;
  occasion.name = "  ";
  auto no_name = saveOccasion(context(), controller_, occasion, std::nullopt);
  expectRefused(no_name, ErrorCode::invalid_input, before, "no name");
  EXPECT_EQ(no_name.error().details.at(0).where, "name");
}

TEST_P(FollowUpUseCases, AChangeThatBreaksL6IsRefusedWithTheRuleAndNothingIsWritten) {
  adoptPlan();
  Written before = written();
  auto hasRule = [](const Error& error, std::string_view rule, std::string_view where) {
    return std::any_of(error.details.begin(), error.details.end(),
                       [&](const ErrorDetail& d) { return d.rule == rule && d.where == where; });
  };

  // Ten months is not an interim report (LKBR 13:1).
  FollowUpOccasion ten_months = storedOccasion(kInterim);
  ten_months.period_end = day(2025, 10, 31);
  auto refused = saveOccasion(context(), controller_, ten_months, 1);
  expectRefused(refused, ErrorCode::rule_broken, before, "a ten-month interim report");
  // Pointing into the occasion saved, not into the plan.
  EXPECT_TRUE(hasRule(refused.error(), "L6", "period_end")) << describe(refused.error());
  EXPECT_THAT(refused.error().message, HasSubstr("2025-DELAR"));

  // The board handing it over more than two months after the period's end (KL 11:16).
  FollowUpOccasion late = storedOccasion(kInterim);
  for (auto& deadline : late.deadlines) {
    if (deadline.level == FollowUpLevel::executive_board) deadline.deadline = day(2025, 11, 3);
  }
  late.meeting = day(2025, 11, 26);
  refused = saveOccasion(context(), controller_, late, 1);
  expectRefused(refused, ErrorCode::rule_broken, before, "handed over too late");
  EXPECT_TRUE(hasRule(refused.error(), "L6", "deadlines")) << describe(refused.error());

  // The year's only interim report made a monthly one: the plan loses its interim report.
  FollowUpOccasion monthly = storedOccasion(kInterim);
  monthly.kind = OccasionKind::monthly;
  refused = saveOccasion(context(), controller_, monthly, 1);
  expectRefused(refused, ErrorCode::rule_broken, before, "no interim report left");
  EXPECT_TRUE(hasRule(refused.error(), "L6", "occasions")) << describe(refused.error());

  // Moved to the next year, it leaves 2025 without one just the same.
  FollowUpOccasion moved = storedOccasion(kInterim);
  moved.year = 2026;
  moved.period_end = day(2026, 8, 31);
  moved.meeting = day(2026, 10, 28);
  moved.deadlines = domain::computeDeadlines(
      FollowUpLevel::council, moved.meeting,
      {FollowUpLevel::unit, FollowUpLevel::sector, FollowUpLevel::chief_executive,
       FollowUpLevel::committee, FollowUpLevel::executive_board});
  refused = saveOccasion(context(), controller_, moved, 1);
  expectRefused(refused, ErrorCode::rule_broken, before, "moved to 2026");
  bool leaves_2025 = std::any_of(
      refused.error().details.begin(), refused.error().details.end(), [](const ErrorDetail& d) {
        return d.rule == "L6" &&
               d.message.find("the plan for 2025 has no interim report") != std::string::npos;
      });
  EXPECT_TRUE(leaves_2025) << describe(refused.error());
  EXPECT_EQ(storedOccasion(kInterim).period_end, day(2025, 8, 31));
}

TEST_P(FollowUpUseCases, AYearsPlanIsBuiltAnOccasionAtATime) {
  // 2026 has no plan yet: its board's first occasion is stored before its interim report exists.
  FollowUpOccasion january;
  january.code = "2026-KS-01";
  january.year = 2026;
  january.name = "Månadsuppföljning januari 2026";
  january.kind = OccasionKind::monthly;
  january.level = FollowUpLevel::executive_board;
  january.body = "KS";
  january.period_end = day(2026, 1, 31);
  january.meeting = day(2026, 2, 24);
  january.topics = {Topic::finances};
  january.deadlines =
      domain::computeDeadlines(FollowUpLevel::executive_board, january.meeting,
                               {FollowUpLevel::sector, FollowUpLevel::chief_executive});
  auto before = sequence();
  auto saved = saveOccasion(context(), controller_, january, std::nullopt);
  ASSERT_TRUE(saved) << describe(saved.error());
  EXPECT_EQ(sequence(), before + 1);

  // What it adds must keep the rules: an interim report of ten months does not.
  FollowUpOccasion interim = january;
  interim.code = "2026-DELAR";
  interim.name = "Delårsrapport 2026";
  interim.kind = OccasionKind::interim_report;
  interim.level = FollowUpLevel::council;
  interim.body = "KF";
  interim.period_end = day(2026, 10, 31);
  interim.meeting = day(2026, 12, 15);
  interim.deadlines =
      domain::computeDeadlines(FollowUpLevel::council, interim.meeting,
                               {FollowUpLevel::chief_executive, FollowUpLevel::executive_board});
  Written written_before = written();
  auto refused = saveOccasion(context(), controller_, interim, std::nullopt);
  expectRefused(refused, ErrorCode::rule_broken, written_before, "a ten-month interim report");
  EXPECT_TRUE(
      std::any_of(refused.error().details.begin(), refused.error().details.end(),
                  [](const ErrorDetail& d) { return d.rule == "L6" && d.where == "period_end"; }))
      << describe(refused.error());
}

TEST_P(FollowUpUseCases, ClosingAndReopeningAreAuditedAndReopeningNeedsAReason) {
  adoptPlan();
  auto before = sequence();
  auto closed = closeOccasion(context(), controller_, kMonthly, 1);
  ASSERT_TRUE(closed) << closed.error().message;
  EXPECT_EQ(closed.value().status, OccasionStatus::closed);
  EXPECT_EQ(closed.value().revision, 2);
  EXPECT_EQ(storedOccasion(kMonthly).status, OccasionStatus::closed);
  EXPECT_EQ(sequence(), before + 1);
  auto trail = store_->auditEntriesOf(kLerum, "occasion", kMonthly);
  ASSERT_EQ(trail.size(), 2U);
  EXPECT_EQ(trail[1].action, "occasion.closed");
  EXPECT_EQ(nlohmann::json::parse(trail[1].before), nlohmann::json({{"status", "open"}}));
  EXPECT_EQ(nlohmann::json::parse(trail[1].after), nlohmann::json({{"status", "closed"}}));

  Written written_before = written();
  expectRefused(closeOccasion(context(), controller_, kMonthly, std::nullopt), ErrorCode::conflict,
                written_before, "closing a closed occasion");
  FollowUpOccasion edited = storedOccasion(kMonthly);
  edited.name = "Ny rubrik";
  auto locked = saveOccasion(context(), controller_, edited, 2);
  expectRefused(locked, ErrorCode::locked, written_before, "editing a closed occasion");
  EXPECT_THAT(locked.error().message, HasSubstr("reopens it"));
  auto no_reason = reopenOccasion(context(), controller_, kMonthly, 2, " \n");
  expectRefused(no_reason, ErrorCode::invalid_input, written_before, "reopening without reason");
  EXPECT_EQ(no_reason.error().details.at(0).where, "reason");
  expectRefused(reopenOccasion(context(), controller_, kMonthly, 1, "Sent underlag"),
                ErrorCode::conflict, written_before, "reopening at a stale revision");
  expectRefused(reopenOccasion(context(), controller_, "2025-KS-99", std::nullopt, "Skäl"),
                ErrorCode::not_found, written_before, "reopening an unknown occasion");

  auto reopened =
      reopenOccasion(context(), controller_, kMonthly, 2, "Sektor Lärande lämnade sent underlag");
  ASSERT_TRUE(reopened) << reopened.error().message;
  EXPECT_EQ(reopened.value().status, OccasionStatus::open);
  EXPECT_EQ(reopened.value().revision, 3);
  EXPECT_EQ(storedOccasion(kMonthly).revision, 3);
  // One entry for the change, and the reason in it.
  EXPECT_EQ(sequence(), before + 2);
  trail = store_->auditEntriesOf(kLerum, "occasion", kMonthly);
  ASSERT_EQ(trail.size(), 3U);
  EXPECT_EQ(trail[2].action, "occasion.reopened");
  EXPECT_EQ(trail[2].actor, controller_.name);
  EXPECT_EQ(nlohmann::json::parse(trail[2].before), nlohmann::json({{"status", "closed"}}));
  auto after = nlohmann::json::parse(trail[2].after);
  EXPECT_EQ(after["status"], "open");
  EXPECT_EQ(after["reason"], "Sektor Lärande lämnade sent underlag");

  written_before = written();
  expectRefused(reopenOccasion(context(), controller_, kMonthly, 3, "Igen"), ErrorCode::conflict,
                written_before, "reopening an open occasion");
}

// ---- Report-backs ----------------------------------------------------------------------------

TEST_P(FollowUpUseCases, TheUnitManagerWritesAndSubmitsAndTheSectorHeadApproves) {
  adoptPlan();
  const Recipient recipient = unit("LAR-E01");
  auto content = completeContent(kTertial, recipient, unit_manager_.actor.person);
  ASSERT_EQ(content.assessments.size(), 6U);
  ASSERT_EQ(content.topics.size(), 4U);

  // A first draft may be incomplete.
  ReportBackContent partial;
  partial.assessments = {content.assessments[1]};
  auto before = sequence();
  auto first = saveReportBack(context(), unit_manager_, kTertial, recipient, partial, 0);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first.value().version, 1);
  EXPECT_EQ(first.value().revision, 1);
  EXPECT_EQ(first.value().status, ReportBackStatus::draft);
  EXPECT_EQ(first.value().written_by, unit_manager_.actor.person);
  EXPECT_EQ(sequence(), before + 1);
  auto trail = trailOf(first.value());
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_EQ(trail[0].action, "report_back.created");
  EXPECT_EQ(trail[0].record, "2025-KS-04/LAR-E01/1");

  auto second = saveReportBack(context(), unit_manager_, kTertial, recipient, content, 1);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second.value().version, 1);
  EXPECT_EQ(second.value().revision, 2);
  EXPECT_EQ(sequence(), before + 2);
  auto stored = storedVersions(kTertial, recipient);
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0].assessments.size(), 6U);
  EXPECT_EQ(stored[0].revision, 2);
  trail = trailOf(second.value());
  ASSERT_EQ(trail.size(), 2U);
  EXPECT_EQ(trail[1].action, "report_back.saved");

  auto submitted = submitReportBack(context(), unit_manager_, kTertial, recipient, 2);
  ASSERT_TRUE(submitted) << submitted.error().message;
  EXPECT_EQ(submitted.value().status, ReportBackStatus::submitted);
  EXPECT_EQ(submitted.value().submitted_by, unit_manager_.actor.person);
  EXPECT_FALSE(submitted.value().submitted_at.empty());
  EXPECT_EQ(sequence(), before + 3);
  trail = trailOf(submitted.value());
  ASSERT_EQ(trail.size(), 3U);
  EXPECT_EQ(trail[2].action, "report_back.submitted");
  EXPECT_EQ(nlohmann::json::parse(trail[2].after)["status"], "submitted");

  auto approved =
      approveReportBack(context(), sector_head_, kTertial, recipient, submitted.value().revision);
  ASSERT_TRUE(approved) << approved.error().message;
  EXPECT_EQ(approved.value().status, ReportBackStatus::approved);
  EXPECT_EQ(approved.value().decided_by, sector_head_.actor.person);
  EXPECT_EQ(sequence(), before + 4);
  stored = storedVersions(kTertial, recipient);
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0].status, ReportBackStatus::approved);
  EXPECT_EQ(stored[0].decided_by, sector_head_.actor.person);
  EXPECT_EQ(stored[0].assessments.size(), 6U);
  trail = trailOf(approved.value());
  ASSERT_EQ(trail.size(), 4U);
  EXPECT_EQ(trail[3].action, "report_back.approved");
  EXPECT_EQ(trail[3].actor, sector_head_.name);
}

TEST_P(FollowUpUseCases, AReturnedVersionStaysAsSubmittedAndItsRevisionIsANewVersion) {
  adoptPlan();
  const Recipient recipient = unit("LAR-E01");
  ReportBack submitted = submittedByTheUnitManager();
  ASSERT_EQ(submitted.status, ReportBackStatus::submitted);
  std::string as_submitted = interchange::recordJson(storedVersions(kTertial, recipient).at(0));

  // Not even the store changes a submitted version's content (D12).
  ReportBack tampered = storedVersions(kTertial, recipient).at(0);
  tampered.topics.at(0).text = "Ändrat i efterhand";
  EXPECT_FALSE(store_->updateReportBack(kLerum, tampered));

  auto before = sequence();
  auto returned = returnReportBack(context(), sector_head_, kTertial, recipient, submitted.revision,
                                   "Analysen av bemanningen saknar siffror");
  ASSERT_TRUE(returned) << returned.error().message;
  EXPECT_EQ(returned.value().status, ReportBackStatus::returned);
  EXPECT_EQ(returned.value().return_reason, "Analysen av bemanningen saknar siffror");
  EXPECT_EQ(sequence(), before + 1);
  auto trail = trailOf(returned.value());
  EXPECT_EQ(trail.back().action, "report_back.returned");
  EXPECT_EQ(nlohmann::json::parse(trail.back().after)["return_reason"],
            "Analysen av bemanningen saknar siffror");

  // The revision: a new draft version 2, from content the writer starts again from.
  ReportBackContent revised = completeContent(kTertial, recipient, unit_manager_.actor.person);
  revised.assessments[0].analysis = "Två av tolv tjänster var vakanta februari-april.";
  auto second = saveReportBack(context(), unit_manager_, kTertial, recipient, revised,
                               returned.value().revision);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second.value().version, 2);
  EXPECT_EQ(second.value().revision, 1);
  EXPECT_EQ(second.value().status, ReportBackStatus::draft);
  EXPECT_TRUE(second.value().submitted_by.empty());
  EXPECT_TRUE(second.value().return_reason.empty());
  EXPECT_EQ(sequence(), before + 2);
  EXPECT_EQ(trailOf(second.value()).size(), 1U);
  EXPECT_EQ(trailOf(second.value())[0].action, "report_back.created");

  auto versions = storedVersions(kTertial, recipient);
  ASSERT_EQ(versions.size(), 2U);
  // Version 1 is what was submitted, with only its decision added.
  auto first = nlohmann::json::parse(interchange::recordJson(versions[0]));
  auto submitted_json = nlohmann::json::parse(as_submitted);
  for (const char* field : {"assessments", "topics", "indicator_values", "written_by", "updated_at",
                            "submitted_by", "submitted_at"}) {
    EXPECT_EQ(first[field], submitted_json[field]) << field;
  }
  EXPECT_EQ(first["status"], "returned");
  EXPECT_EQ(versions[0].assessments[0].analysis, "Bemanningen räckte inte under våren.");
  EXPECT_EQ(versions[1].status, ReportBackStatus::draft);
  EXPECT_EQ(versions[1].assessments[0].analysis,
            "Två av tolv tjänster var vakanta februari-april.");
  // Every version stays readable, oldest first.
  auto snapshot = models_.current(*store_, kLerum);
  auto read = versionsOf(snapshot->data(), kTertial, recipient);
  ASSERT_EQ(read.size(), 2U);
  EXPECT_EQ(read[0]->version, 1);
  EXPECT_EQ(read[1]->version, 2);

  // The second version goes through on its own.
  auto resubmitted = submitReportBack(context(), unit_manager_, kTertial, recipient, 1);
  ASSERT_TRUE(resubmitted) << resubmitted.error().message;
  auto approved =
      approveReportBack(context(), sector_head_, kTertial, recipient, resubmitted.value().revision);
  ASSERT_TRUE(approved) << approved.error().message;
  versions = storedVersions(kTertial, recipient);
  EXPECT_EQ(versions[0].status, ReportBackStatus::returned);
  EXPECT_EQ(versions[1].status, ReportBackStatus::approved);
}

TEST_P(FollowUpUseCases, EveryRefusedTransitionWritesNothing) {
  adoptPlan();
  const Recipient recipient = unit("LAR-E01");
  auto content = completeContent(kTertial, recipient, unit_manager_.actor.person);
  Written before = written();

  // Nothing written yet.
  expectRefused(saveReportBack(context(), employee_, kTertial, recipient, content, std::nullopt),
                ErrorCode::forbidden, before, "save by an employee of the unit");
  auto by_parent =
      saveReportBack(context(), sector_head_, kTertial, recipient, content, std::nullopt);
  expectRefused(by_parent, ErrorCode::forbidden, before, "save by the head above");
  EXPECT_THAT(by_parent.error().message, HasSubstr("is not head of LAR-E01"));
  auto nothing_to_submit =
      submitReportBack(context(), unit_manager_, kTertial, recipient, std::nullopt);
  expectRefused(nothing_to_submit, ErrorCode::conflict, before, "submit before any draft");
  EXPECT_THAT(nothing_to_submit.error().message, HasSubstr("save a draft first"));
  expectRefused(approveReportBack(context(), sector_head_, kTertial, recipient, std::nullopt),
                ErrorCode::not_found, before, "approve before any draft");

  // A draft.
  auto draft = saveReportBack(context(), unit_manager_, kTertial, recipient, content, 0);
  ASSERT_TRUE(draft) << draft.error().message;
  before = written();
  expectRefused(saveReportBack(context(), unit_manager_, kTertial, recipient, content, 0),
                ErrorCode::conflict, before, "save at a stale revision");
  expectRefused(saveReportBack(context(), sector_head_, kTertial, recipient, content, std::nullopt),
                ErrorCode::not_found, before, "save by the head above, who may not see the draft");
  auto approve_draft = approveReportBack(context(), sector_head_, kTertial, recipient, 1);
  expectRefused(approve_draft, ErrorCode::conflict, before, "approve a draft");
  EXPECT_THAT(approve_draft.error().message, HasSubstr("is draft"));
  expectRefused(returnReportBack(context(), sector_head_, kTertial, recipient, 1, "Skäl"),
                ErrorCode::conflict, before, "return a draft");
  expectRefused(submitReportBack(context(), unit_manager_, kTertial, recipient, 7),
                ErrorCode::conflict, before, "submit at a stale revision");

  // Submitted.
  auto submitted = submitReportBack(context(), unit_manager_, kTertial, recipient, 1);
  ASSERT_TRUE(submitted) << submitted.error().message;
  const std::int64_t revision = submitted.value().revision;
  before = written();
  auto twice = submitReportBack(context(), unit_manager_, kTertial, recipient, revision);
  expectRefused(twice, ErrorCode::conflict, before, "submit a submitted one");
  EXPECT_THAT(twice.error().message,
              HasSubstr("is submitted: submitting needs one that is a draft"));
  expectRefused(saveReportBack(context(), unit_manager_, kTertial, recipient, content, revision),
                ErrorCode::conflict, before, "save after submit");
  auto no_reason = returnReportBack(context(), sector_head_, kTertial, recipient, revision, "  ");
  expectRefused(no_reason, ErrorCode::invalid_input, before, "return without a reason");
  EXPECT_EQ(no_reason.error().details.at(0).where, "reason");
  expectRefused(approveReportBack(context(), unit_manager_, kTertial, recipient, revision),
                ErrorCode::forbidden, before, "approve by the writer");
  expectRefused(approveReportBack(context(), other_sector_head_, kTertial, recipient, revision),
                ErrorCode::not_found, before, "approve by a head of another sector");
  expectRefused(approveReportBack(context(), chief_executive_, kTertial, recipient, revision),
                ErrorCode::forbidden, before, "approve by the chief executive, two levels up");
  expectRefused(approveReportBack(context(), controller_, kTertial, recipient, revision),
                ErrorCode::forbidden, before, "approve by a controller");
  expectRefused(approveReportBack(context(), administrator_, kTertial, recipient, revision),
                ErrorCode::not_found, before, "approve by the administrator");
  expectRefused(approveReportBack(context(), sector_head_, kTertial, recipient, revision - 1),
                ErrorCode::conflict, before, "approve at a stale revision");

  // Approved.
  auto approved = approveReportBack(context(), sector_head_, kTertial, recipient, revision);
  ASSERT_TRUE(approved) << approved.error().message;
  before = written();
  const std::int64_t decided = approved.value().revision;
  expectRefused(saveReportBack(context(), unit_manager_, kTertial, recipient, content, decided),
                ErrorCode::conflict, before, "save after approve");
  expectRefused(approveReportBack(context(), sector_head_, kTertial, recipient, decided),
                ErrorCode::conflict, before, "approve an approved one");
  expectRefused(returnReportBack(context(), sector_head_, kTertial, recipient, decided, "Skäl"),
                ErrorCode::conflict, before, "return an approved one");
  expectRefused(submitReportBack(context(), unit_manager_, kTertial, recipient, decided),
                ErrorCode::conflict, before, "submit an approved one");
}

TEST_P(FollowUpUseCases, SubmittingAnIncompleteReportBackListsEveryL13ProblemWithItsPath) {
  adoptPlan();
  const Recipient recipient = unit("LAR-E01");
  auto complete = completeContent(kTertial, recipient, unit_manager_.actor.person);
  ReportBackContent incomplete;
  // Partly fulfilled, without trend, analysis or action.
  domain::ItemAssessment partly;
  partly.item = complete.assessments[0].item;
  partly.assessment = Assessment::partly_fulfilled;
  // Not fulfilled, with an analysis and an action without description or owner.
  domain::ItemAssessment failed;
  failed.item = complete.assessments[1].item;
  failed.assessment = Assessment::not_fulfilled;
  failed.trend = Trend::worse;
  failed.analysis = "Lokalerna blev inte klara.";
  failed.actions.push_back(
      domain::CorrectiveAction{"", unit_manager_.actor.person, day(2026, 1, 31), {}});
  incomplete.assessments = {partly, failed};
  incomplete.topics = {{Topic::finances, "Budgeten håller."}, {Topic::staff, ""}};
  auto draft = saveReportBack(context(), unit_manager_, kTertial, recipient, incomplete, 0);
  ASSERT_TRUE(draft) << "a draft may be incomplete: " << draft.error().message;

  Written before = written();
  auto refused = submitReportBack(context(), unit_manager_, kTertial, recipient, 1);
  expectRefused(refused, ErrorCode::rule_broken, before, "submit an incomplete report-back");
  std::multimap<std::string, std::string> problems;
  for (const ErrorDetail& detail : refused.error().details) {
    EXPECT_EQ(detail.rule, "L13") << detail.where << ": " << detail.message;
    problems.emplace(detail.where, detail.message);
  }
  for (const char* where :
       {"assessments[0].trend", "assessments[0].analysis", "assessments[0].actions",
        "assessments[1].actions[0].description", "topics[1].text", "assessments", "topics"}) {
    EXPECT_EQ(problems.count(where) > 0, true) << "no problem at " << where;
  }
  // The four items not assessed, and the two topics without a text, each named.
  EXPECT_EQ(problems.count("assessments"), 4U);
  EXPECT_EQ(problems.count("topics"), 2U);
  EXPECT_EQ(storedVersions(kTertial, recipient).at(0).status, ReportBackStatus::draft);
}

TEST_P(FollowUpUseCases, ADraftMayHoldAnActionWhoseOwnerIsNotNamedYet) {
  adoptPlan();
  const Recipient recipient = unit("LAR-E01");
  auto content = completeContent(kTertial, recipient, unit_manager_.actor.person);
  content.assessments[0].actions[0].owner.clear();
  auto draft = saveReportBack(context(), unit_manager_, kTertial, recipient, content, 0);
  ASSERT_TRUE(draft) << "a draft may be incomplete: " << describe(draft.error());
  EXPECT_TRUE(
      storedVersions(kTertial, recipient).at(0).assessments.at(0).actions.at(0).owner.empty());
  Written before = written();
  auto refused = submitReportBack(context(), unit_manager_, kTertial, recipient, 1);
  expectRefused(refused, ErrorCode::rule_broken, before, "submit an action without owner");
  ASSERT_EQ(refused.error().details.size(), 1U) << describe(refused.error());
  EXPECT_EQ(refused.error().details[0].where, "assessments[0].actions[0].owner");
  EXPECT_EQ(refused.error().details[0].rule, "L13");
}

TEST_P(FollowUpUseCases, ADraftWithContentThatCannotBelongToItIsRefused) {
  adoptPlan();
  const Recipient recipient = unit("LAR-E01");
  auto content = completeContent(kTertial, recipient, unit_manager_.actor.person);
  content.assessments[0].actions[0].owner = "P99999";
  domain::ItemAssessment foreign;
  foreign.item = "KD-U001";  // addressed to SEK-LAR, not LAR-E01
  content.assessments.push_back(foreign);
  content.topics.push_back({Topic::internal_control, "Inte i detta tillfälle."});
  Written before = written();
  auto refused = saveReportBack(context(), unit_manager_, kTertial, recipient, content, 0);
  expectRefused(refused, ErrorCode::rule_broken, before, "a draft with foreign content");
  std::vector<std::string> where;
  for (const ErrorDetail& detail : refused.error().details) where.push_back(detail.where);
  EXPECT_THAT(where, ::testing::Contains("assessments[0].actions[0].owner"));
  EXPECT_THAT(where, ::testing::Contains("assessments[6].item"));
  EXPECT_THAT(where, ::testing::Contains("topics[4].topic"));
}

TEST_P(FollowUpUseCases, OnlyRecipientsInTheOccasionsScopeReport) {
  adoptPlan();
  Written before = written();
  ReportBackContent empty;
  // The units report to the board only at the tertial, not monthly.
  auto monthly = saveReportBack(context(), unit_manager_, kMonthly, unit("LAR-E01"), empty, 0);
  expectRefused(monthly, ErrorCode::rule_broken, before, "a unit to a monthly occasion");
  EXPECT_EQ(monthly.error().details.at(0).where, "recipient");
  EXPECT_THAT(monthly.error().message, HasSubstr("LAR-E01 does not report to 2025-KS-10"));
  // A person reports only where one of their items names the occasion.
  auto person = saveReportBack(context(), employee_, kTertial,
                               domain::personRecipient(employee_.actor.person), empty, 0);
  expectRefused(person, ErrorCode::rule_broken, before, "a person to an occasion not named");
  expectRefused(saveReportBack(context(), unit_manager_, "2025-KS-99", unit("LAR-E01"), empty, 0),
                ErrorCode::not_found, before, "an unknown occasion");
  Recipient both{"LAR-E01", employee_.actor.person};
  expectRefused(saveReportBack(context(), unit_manager_, kTertial, both, empty, 0),
                ErrorCode::invalid_input, before, "a unit and a person at once");
}

TEST_P(FollowUpUseCases, AClosedOccasionTakesNoStepUntilReopened) {
  adoptPlan();
  const Recipient recipient = unit("LAR-E01");
  auto content = completeContent(kTertial, recipient, unit_manager_.actor.person);
  ASSERT_TRUE(saveReportBack(context(), unit_manager_, kTertial, recipient, content, 0));
  ASSERT_TRUE(closeOccasion(context(), controller_, kTertial, 1));
  Written before = written();
  auto locked = saveReportBack(context(), unit_manager_, kTertial, recipient, content, 1);
  expectRefused(locked, ErrorCode::locked, before, "save to a closed occasion");
  EXPECT_THAT(locked.error().message, HasSubstr("2025-KS-04 is closed"));
  expectRefused(submitReportBack(context(), unit_manager_, kTertial, recipient, 1),
                ErrorCode::locked, before, "submit to a closed occasion");
  expectRefused(saveReportBack(context(), sector_head_, kTertial, unit("LAR-E02"), content, 0),
                ErrorCode::forbidden, before, "another's, closed or not");

  ASSERT_TRUE(reopenOccasion(context(), controller_, kTertial, 2, "Sena underlag tas emot"));
  auto submitted = submitReportBack(context(), unit_manager_, kTertial, recipient, 1);
  ASSERT_TRUE(submitted) << submitted.error().message;
  ASSERT_TRUE(closeOccasion(context(), controller_, kTertial, 3));
  before = written();
  expectRefused(
      approveReportBack(context(), sector_head_, kTertial, recipient, submitted.value().revision),
      ErrorCode::locked, before, "approve in a closed occasion");
  expectRefused(returnReportBack(context(), sector_head_, kTertial, recipient,
                                 submitted.value().revision, "Skäl"),
                ErrorCode::locked, before, "return in a closed occasion");
  ASSERT_TRUE(reopenOccasion(context(), controller_, kTertial, 4, "Beslut i efterhand"));
  EXPECT_TRUE(
      approveReportBack(context(), sector_head_, kTertial, recipient, submitted.value().revision));
}

TEST_P(FollowUpUseCases, TheApproversAreToldOfASubmissionAndTheWritersOfTheDecision) {
  adoptPlan();
  // SEK-LAR reports monthly to the chief executive's office, which has two heads.
  const Recipient sector = unit("SEK-LAR");
  auto content = completeContent(kMonthly, sector, sector_head_.actor.person);
  ASSERT_TRUE(saveReportBack(context(), sector_head_, kMonthly, sector, content, 0));
  EXPECT_TRUE(notificationsOf(chief_executive_.actor.person).empty()) << "a draft told someone";
  auto submitted = submitReportBack(context(), sector_head_, kMonthly, sector, 1);
  ASSERT_TRUE(submitted) << submitted.error().message;

  for (const char* head : {"P00001", kNoAddress}) {
    auto told = notificationsOf(head);
    ASSERT_EQ(told.size(), 1U) << head;
    EXPECT_EQ(told[0].kind, "report_back_submitted");
    EXPECT_EQ(told[0].person, head);
    EXPECT_EQ(told[0].link, "/api/v1/occasions/2025-KS-10/report-backs/SEK-LAR");
    EXPECT_THAT(told[0].subject, HasSubstr("SEK-LAR"));
    EXPECT_TRUE(told[0].read_at.empty());
  }
  // Mailed where the person has an address, whether or not this process sends mail.
  auto mailed = notificationsOf("P00001").at(0);
  EXPECT_EQ(mailed.email, "jakob.eklund@lerum.example");
  EXPECT_EQ(mailed.email_state, EmailState::pending);
  EXPECT_EQ(mailed.next_attempt_at, mailed.created_at);
  auto in_app = notificationsOf(kNoAddress).at(0);
  EXPECT_TRUE(in_app.email.empty());
  EXPECT_EQ(in_app.email_state, EmailState::none);
  EXPECT_TRUE(notificationsOf(sector_head_.actor.person).empty());

  auto returned = returnReportBack(context(), chief_executive_, kMonthly, sector,
                                   submitted.value().revision, "Prognosen för helåret saknas");
  ASSERT_TRUE(returned) << returned.error().message;
  auto writer = notificationsOf(sector_head_.actor.person);
  ASSERT_EQ(writer.size(), 1U);
  EXPECT_EQ(writer[0].kind, "report_back_returned");
  EXPECT_THAT(writer[0].body, HasSubstr("Prognosen för helåret saknas"));
  EXPECT_EQ(writer[0].email, "tilda.persson@lerum.example");
  EXPECT_EQ(writer[0].email_state, EmailState::pending);
  EXPECT_EQ(notificationsOf(kNoAddress).size(), 1U) << "a return told the deciding side again";

  ASSERT_TRUE(saveReportBack(context(), sector_head_, kMonthly, sector, content,
                             returned.value().revision));
  auto again = submitReportBack(context(), sector_head_, kMonthly, sector, 1);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(notificationsOf("P00001").size(), 2U);
  // Either head of the office decides; here the other one.
  ASSERT_TRUE(approveReportBack(context(), personCaller(kNoAddress, "kommundirektor2"), kMonthly,
                                sector, again.value().revision));
  writer = notificationsOf(sector_head_.actor.person);
  ASSERT_EQ(writer.size(), 2U);
  EXPECT_EQ(writer[0].kind, "report_back_approved");  // newest first
  EXPECT_THAT(writer[0].body, HasSubstr(kNoAddress));
}

TEST_P(FollowUpUseCases, AnEmployeeReportsOnTheirOwnActivitiesToTheirUnitsHead) {
  adoptPlan();
  const Recipient person = domain::personRecipient(employee_.actor.person);
  auto content = completeContent(kInterim, person, employee_.actor.person);
  auto in_scope = [&] {
    std::vector<std::string> codes;
    for (const auto& assessment : content.assessments) codes.push_back(assessment.item);
    return codes;
  }();
  EXPECT_THAT(in_scope, ::testing::Contains(kPersonalItem));
  EXPECT_EQ(content.topics.size(), 5U);

  // The unit manager issued the activities but does not write the employee's report-back.
  Written before = written();
  auto by_head = saveReportBack(context(), unit_manager_, kInterim, person, content, 0);
  expectRefused(by_head, ErrorCode::forbidden, before, "the head writing an employee's");
  EXPECT_THAT(by_head.error().message, HasSubstr("only they write it (D2)"));

  auto saved = saveReportBack(context(), employee_, kInterim, person, content, 0);
  ASSERT_TRUE(saved) << describe(saved.error());
  EXPECT_EQ(saved.value().recipient_person, employee_.actor.person);
  EXPECT_TRUE(saved.value().recipient_unit.empty());
  before = written();
  expectRefused(approveReportBack(context(), unit_manager_, kInterim, person, 1),
                ErrorCode::conflict, before, "approving the employee's draft");
  auto submitted = submitReportBack(context(), employee_, kInterim, person, 1);
  ASSERT_TRUE(submitted) << submitted.error().message;
  auto head_told = notificationsOf(unit_manager_.actor.person);
  ASSERT_EQ(head_told.size(), 1U);
  EXPECT_EQ(head_told[0].kind, "report_back_submitted");
  EXPECT_EQ(head_told[0].link,
            fmt::format("/api/v1/occasions/2025-DELAR/report-backs/{}", employee_.actor.person));

  before = written();
  expectRefused(
      approveReportBack(context(), employee_, kInterim, person, submitted.value().revision),
      ErrorCode::forbidden, before, "the employee approving their own");
  expectRefused(
      approveReportBack(context(), sector_head_, kInterim, person, submitted.value().revision),
      ErrorCode::forbidden, before, "the sector head, above the issuer");
  auto approved =
      approveReportBack(context(), unit_manager_, kInterim, person, submitted.value().revision);
  ASSERT_TRUE(approved) << approved.error().message;
  auto employee_told = notificationsOf(employee_.actor.person);
  ASSERT_EQ(employee_told.size(), 1U);
  EXPECT_EQ(employee_told[0].kind, "report_back_approved");
  EXPECT_EQ(employee_told[0].email, "ahmed.viklund@lerum.example");
  auto trail = trailOf(approved.value());
  ASSERT_EQ(trail.size(), 3U);
  EXPECT_EQ(trail[0].record, fmt::format("2025-DELAR/{}/1", employee_.actor.person));
}

TEST_P(FollowUpUseCases, TheBoardsSecretaryEntersItsReportBackAndRecordsTheCouncilsDecision) {
  adoptPlan();
  const Recipient board = unit("KS");
  auto content = completeContent(kInterim, board, controller_.actor.person);
  ASSERT_FALSE(content.assessments.empty());
  Written before = written();
  expectRefused(saveReportBack(context(), board_chair_, kInterim, board, content, 0),
                ErrorCode::forbidden, before, "the board's chair entering it");
  auto saved = saveReportBack(context(), controller_, kInterim, board, content, 0);
  ASSERT_TRUE(saved) << describe(saved.error());
  auto submitted = submitReportBack(context(), controller_, kInterim, board, 1);
  ASSERT_TRUE(submitted) << submitted.error().message;
  before = written();
  expectRefused(
      approveReportBack(context(), council_member_, kInterim, board, submitted.value().revision),
      ErrorCode::forbidden, before, "a council member recording the decision");
  auto approved =
      approveReportBack(context(), controller_, kInterim, board, submitted.value().revision);
  ASSERT_TRUE(approved) << approved.error().message;
  EXPECT_EQ(approved.value().decided_by, controller_.actor.person);
  // Both sides are theirs: nobody is told what they did themselves.
  EXPECT_TRUE(notificationsOf(controller_.actor.person).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, FollowUpUseCases, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

// ---- Who writes and who is told (pure, over the demo) -----------------------------------------

TEST(FollowUpPeople, WritersAreTheRecipientOrThoseWhoAnswerForIt) {
  const domain::ChainIndex index(demoData());
  const domain::Date today = demo::lerumDemoDate();
  auto people = demo::lerumKeyPeople();
  EXPECT_EQ(writersOf(unit("LAR-E01"), index, today),
            std::vector<std::string>{people.unit_manager});
  EXPECT_EQ(writersOf(domain::personRecipient(people.employee), index, today),
            std::vector<std::string>{people.employee});
  // A political body's report-back is entered by its secretary.
  EXPECT_EQ(writersOf(unit("KS"), index, today), std::vector<std::string>{people.controller});
  auto office = answeringFor("KD", index, today);
  std::sort(office.begin(), office.end());
  EXPECT_EQ(office, (std::vector<std::string>{"P00001", "P00002"}));
  EXPECT_TRUE(answeringFor("NO-SUCH-UNIT", index, today).empty());
  // Memberships count on the day asked about: before anyone was appointed, nobody.
  EXPECT_TRUE(answeringFor("KD", index, day(2020, 1, 1)).empty());
}

}  // namespace
}  // namespace styr::app
