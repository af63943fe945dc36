// Chasing report-backs (issue 5): the sweep reminds the writers of a report-back not yet
// submitted 5 and 1 business days before its deadline, counted over weekends and Swedish
// holidays, and tells them and the approver when the deadline has passed; each reminder once.
// The controller's "remind them all" reminds again whenever asked, with one audit entry.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/follow_up_use_cases.hpp"
#include "app/import_organisation.hpp"
#include "app/lerum_callers.hpp"
#include "app/reminders.hpp"
#include "demo/lerum_demo.hpp"
#include "domain/business_days.hpp"
#include "domain/follow_up_scope.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::app {
namespace {

using test_support::day;
using test_support::kLerum;
using test_support::personCaller;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

constexpr const char* kTertial = "2025-KS-04";  // units supply it
constexpr const char* kAnnual = "2025-AR";      // every level supplies it, in spring 2026

//! A clock the test moves from day to day (at 11:00 UTC, midday in Stockholm).
class SettableClock final : public Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return at_; }
  void setDay(const domain::Date& date) { at_ = std::chrono::sys_days(date) + 11h; }

 private:
  std::chrono::system_clock::time_point at_ = std::chrono::sys_days(demo::lerumDemoDate()) + 11h;
};

const domain::OrganisationData& demoData() {
  static const domain::OrganisationData data = [] {
    domain::OrganisationData built = demo::buildLerumDemo();
    built.occasions.clear();
    built.report_backs.clear();
    return built;
  }();
  return data;
}

class ReminderSweep : public ::testing::TestWithParam<test::BackendKind> {
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
    controller_ = personCaller(people.controller, "controller");
    auto adopted = adoptDefaultPlan(context(), controller_, 2025);
    ASSERT_TRUE(adopted) << adopted.error().message;
  }

  UseCaseContext context() { return UseCaseContext{*store_, clock_, models_}; }

  std::size_t sweepOn(const domain::Date& date) {
    clock_.setDay(date);
    return sendDueReminders(*store_, clock_, models_, kLerum);
  }

  domain::FollowUpOccasion occasion(const std::string& code) {
    for (auto& stored : store_->loadOrganisation(kLerum).occasions) {
      if (stored.code == code) return stored;
    }
    ADD_FAILURE() << "no occasion " << code;
    return {};
  }

  static domain::Date deadlineOf(const domain::FollowUpOccasion& occasion,
                                 domain::FollowUpLevel level) {
    for (const auto& deadline : occasion.deadlines) {
      if (deadline.level == level) return deadline.deadline;
    }
    ADD_FAILURE() << occasion.code << " has no deadline for " << domain::toString(level);
    return {};
  }

  //! The person's notifications whose dedupe key starts with `prefix`.
  std::vector<Notification> told(const std::string& person, const std::string& prefix) {
    std::vector<Notification> found;
    for (auto& notification : store_->notificationsOf(kLerum, person, false, 1000)) {
      if (notification.dedupe_key.rfind(prefix, 0) == 0) found.push_back(notification);
    }
    return found;
  }

  std::string key(const std::string& occasion, const std::string& recipient,
                  const std::string& which, const std::string& person) {
    return fmt::format("reminder/{}/{}/{}/{}", occasion, recipient, which, person);
  }

  SettableClock clock_;
  ReadModels models_;
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<Store> store_;
  Caller unit_manager_;
  Caller sector_head_;
  Caller controller_;
};

TEST_P(ReminderSweep, TheWritersAreRemindedFiveAndOneBusinessDaysBeforeTheirDeadline) {
  const std::string manager = unit_manager_.actor.person;
  domain::Date deadline = deadlineOf(occasion(kTertial), domain::FollowUpLevel::unit);
  domain::Date five_before = domain::businessDaysBefore(deadline, 5);
  // A weekend lies between, so the five business days span more than five calendar days.
  ASSERT_LT(domain::addDays(five_before, 5), deadline);
  auto sequence = store_->auditSequence(kLerum);
  const std::string prefix = fmt::format("reminder/{}/LAR-E01/", kTertial);

  sweepOn(domain::businessDaysBefore(deadline, 6));
  EXPECT_TRUE(told(manager, prefix).empty()) << "six business days before is too early";

  EXPECT_GT(sweepOn(five_before), 0U);
  auto reminders = told(manager, prefix);
  ASSERT_EQ(reminders.size(), 1U);
  const Notification& first = reminders[0];
  EXPECT_EQ(first.dedupe_key, key(kTertial, "LAR-E01", "5", manager));
  EXPECT_EQ(first.kind, "deadline_reminder");
  EXPECT_EQ(first.link, fmt::format("/api/v1/occasions/{}/report-backs/LAR-E01", kTertial));
  EXPECT_THAT(first.subject, HasSubstr(domain::formatDate(deadline)));
  EXPECT_THAT(first.body, HasSubstr("om 5 arbetsdagar"));
  EXPECT_THAT(first.body, HasSubstr(kTertial));
  EXPECT_THAT(first.body, HasSubstr(first.link));
  EXPECT_EQ(first.email_state, EmailState::pending) << "the unit manager has an address";

  EXPECT_EQ(sweepOn(five_before), 0U) << "the same day's sweep again queues nothing";
  // The days in between: the five-day reminder was sent, the last one is not due yet.
  sweepOn(domain::businessDaysBefore(deadline, 2));
  EXPECT_EQ(told(manager, prefix).size(), 1U);

  sweepOn(domain::businessDaysBefore(deadline, 1));
  reminders = told(manager, prefix);
  ASSERT_EQ(reminders.size(), 2U);
  EXPECT_EQ(reminders[0].dedupe_key, key(kTertial, "LAR-E01", "1", manager)) << "newest first";
  EXPECT_THAT(reminders[0].body, HasSubstr("om 1 arbetsdag"));
  sweepOn(deadline);
  EXPECT_EQ(told(manager, prefix).size(), 2U) << "nothing more on the deadline day";
  EXPECT_TRUE(told(sector_head_.actor.person, prefix).empty())
      << "the approver hears of it only when the deadline has passed";
  EXPECT_EQ(store_->auditSequence(kLerum), sequence) << "the sweep writes no audit entry";
}

TEST_P(ReminderSweep, BusinessDaysAreCountedOverEasterAndWeekends) {
  // The board's annual report is handed over on 8 April 2026, the Wednesday after Easter: five
  // business days before it is the Monday before Good Friday, one the Tuesday after Easter
  // Monday.
  const std::string secretary = controller_.actor.person;
  domain::Date deadline = deadlineOf(occasion(kAnnual), domain::FollowUpLevel::executive_board);
  ASSERT_EQ(deadline, day(2026, 4, 8));
  const std::string prefix = fmt::format("reminder/{}/KS/", kAnnual);

  sweepOn(day(2026, 3, 27));
  EXPECT_TRUE(told(secretary, prefix).empty()) << "Friday 27 March is six business days before";
  sweepOn(day(2026, 3, 30));
  auto reminders = told(secretary, prefix);
  ASSERT_EQ(reminders.size(), 1U);
  EXPECT_EQ(reminders[0].dedupe_key, key(kAnnual, "KS", "5", secretary));
  sweepOn(day(2026, 4, 4));  // Easter Saturday: two business days left (7 and 8 April)
  sweepOn(day(2026, 4, 6));  // Easter Monday: the same
  EXPECT_EQ(told(secretary, prefix).size(), 1U);
  sweepOn(day(2026, 4, 7));
  reminders = told(secretary, prefix);
  ASSERT_EQ(reminders.size(), 2U);
  EXPECT_EQ(reminders[0].dedupe_key, key(kAnnual, "KS", "1", secretary));
}

TEST_P(ReminderSweep, OnceTheDeadlineHasPassedTheApproverIsToldToo) {
  const std::string manager = unit_manager_.actor.person;
  const std::string approver = sector_head_.actor.person;  // heads SEK-LAR, LAR-E01's parent
  auto tertial = occasion(kTertial);
  domain::Date deadline = deadlineOf(tertial, domain::FollowUpLevel::unit);
  const std::string prefix = fmt::format("reminder/{}/LAR-E01/passed/", kTertial);

  sweepOn(domain::addDays(deadline, 1));
  auto writer_told = told(manager, prefix);
  ASSERT_EQ(writer_told.size(), 1U);
  EXPECT_EQ(writer_told[0].kind, "deadline_passed");
  EXPECT_THAT(writer_told[0].body, HasSubstr(domain::formatDate(deadline)));
  auto approver_told = told(approver, prefix);
  ASSERT_EQ(approver_told.size(), 1U);
  EXPECT_EQ(approver_told[0].dedupe_key, key(kTertial, "LAR-E01", "passed", approver));
  EXPECT_THAT(approver_told[0].body, HasSubstr("som du godkänner"));

  EXPECT_EQ(sweepOn(domain::addDays(deadline, 1)), 0U) << "a second run queues nothing new";
  sweepOn(domain::addDays(deadline, 3));
  EXPECT_EQ(told(manager, prefix).size(), 1U);
  EXPECT_EQ(told(approver, prefix).size(), 1U);
}

TEST_P(ReminderSweep, ASubmittedReportBackIsNotChased) {
  const std::string manager = unit_manager_.actor.person;
  auto snapshot = models_.current(*store_, kLerum);
  auto tertial = occasion(kTertial);
  auto recipient = domain::unitRecipient("LAR-E01");
  ReportBackContent content;
  for (const domain::Item* item : domain::itemsInScope(tertial, recipient, snapshot->index())) {
    domain::ItemAssessment assessment;
    assessment.item = item->code;
    assessment.assessment = domain::Assessment::fulfilled;
    assessment.trend = domain::Trend::unchanged;
    content.assessments.push_back(assessment);
  }
  for (domain::Topic topic : tertial.topics) content.topics.push_back({topic, "Enligt plan."});
  auto saved = saveReportBack(context(), unit_manager_, kTertial, recipient, content, std::nullopt);
  ASSERT_TRUE(saved) << saved.error().message;
  auto submitted =
      submitReportBack(context(), unit_manager_, kTertial, recipient, saved.value().revision);
  ASSERT_TRUE(submitted) << submitted.error().message;

  domain::Date deadline = deadlineOf(tertial, domain::FollowUpLevel::unit);
  EXPECT_GT(sweepOn(domain::businessDaysBefore(deadline, 5)), 0U) << "other units are chased";
  sweepOn(domain::businessDaysBefore(deadline, 1));
  sweepOn(domain::addDays(deadline, 1));
  EXPECT_TRUE(told(manager, fmt::format("reminder/{}/LAR-E01/", kTertial)).empty());
  EXPECT_TRUE(
      told(sector_head_.actor.person, fmt::format("reminder/{}/LAR-E01/", kTertial)).empty());
}

TEST_P(ReminderSweep, AClosedOccasionIsNotChased) {
  ASSERT_TRUE(closeOccasion(context(), controller_, kTertial, std::nullopt));
  domain::Date deadline = deadlineOf(occasion(kTertial), domain::FollowUpLevel::unit);
  sweepOn(domain::businessDaysBefore(deadline, 5));
  sweepOn(domain::businessDaysBefore(deadline, 1));
  sweepOn(domain::addDays(deadline, 1));
  const std::string prefix = fmt::format("reminder/{}/", kTertial);
  EXPECT_TRUE(told(unit_manager_.actor.person, prefix).empty());
  EXPECT_TRUE(told(sector_head_.actor.person, prefix).empty());
}

// ---- The controller's "remind them all" ------------------------------------------------------

TEST_P(ReminderSweep, TheControllerRemindsEveryoneNotSubmittedWithOneAuditEntry) {
  const std::string manager = unit_manager_.actor.person;
  auto sequence = store_->auditSequence(kLerum);
  auto reminded = remindMissing(context(), controller_, kAnnual);
  ASSERT_TRUE(reminded) << reminded.error().message;
  EXPECT_EQ(reminded.value().occasion, kAnnual);
  auto& recipients = reminded.value().recipients;
  auto lar_e01 = std::find_if(recipients.begin(), recipients.end(), [](const auto& r) {
    return r.recipient == domain::unitRecipient("LAR-E01");
  });
  ASSERT_NE(lar_e01, recipients.end());
  EXPECT_EQ(lar_e01->people, std::vector<std::string>{manager});
  EXPECT_EQ(lar_e01->state, domain::ReportBackState::missing);
  // The controller writes the board's and the council's report-backs, and is not reminded by
  // their own hand.
  EXPECT_TRUE(told(controller_.actor.person, "reminder/").empty());

  auto notifications = told(manager, fmt::format("reminder/{}/LAR-E01/round/", kAnnual));
  ASSERT_EQ(notifications.size(), 1U);
  EXPECT_EQ(notifications[0].kind, "reminder");
  EXPECT_EQ(notifications[0].link,
            fmt::format("/api/v1/occasions/{}/report-backs/LAR-E01", kAnnual));

  EXPECT_EQ(store_->auditSequence(kLerum), sequence + 1);
  auto trail = store_->auditEntriesOf(kLerum, "occasion", kAnnual);
  ASSERT_FALSE(trail.empty());
  EXPECT_EQ(trail.back().action, "occasion.reminders_sent");
  EXPECT_EQ(trail.back().actor, controller_.name);
  auto after = nlohmann::json::parse(trail.back().after);
  EXPECT_EQ(after["people"], reminded.value().people);
  auto codes = after["reminded"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(codes.begin(), codes.end(), "LAR-E01"), codes.end());

  // Asked again, at the same instant even, it reminds again.
  auto again = remindMissing(context(), controller_, kAnnual);
  ASSERT_TRUE(again);
  EXPECT_EQ(again.value().people, reminded.value().people);
  EXPECT_EQ(told(manager, fmt::format("reminder/{}/LAR-E01/round/", kAnnual)).size(), 2U);
  EXPECT_EQ(store_->auditSequence(kLerum), sequence + 2);
}

TEST_P(ReminderSweep, OnlyControllersRemindThemAll) {
  auto sequence = store_->auditSequence(kLerum);
  for (const Caller* caller : {&unit_manager_, &sector_head_}) {
    auto refused = remindMissing(context(), *caller, kAnnual);
    ASSERT_FALSE(refused) << caller->name;
    EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  }
  auto unknown = remindMissing(context(), controller_, "2025-NONE");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  EXPECT_EQ(store_->auditSequence(kLerum), sequence);
  ASSERT_TRUE(closeOccasion(context(), controller_, kTertial, std::nullopt));
  sequence = store_->auditSequence(kLerum);
  auto closed = remindMissing(context(), controller_, kTertial);
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, ErrorCode::locked);
  EXPECT_EQ(store_->auditSequence(kLerum), sequence);
  EXPECT_TRUE(told(unit_manager_.actor.person, "reminder/").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReminderSweep, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

}  // namespace
}  // namespace styr::app
