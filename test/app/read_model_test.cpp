// The read models follow a deadline day's report-back saves by reading again only the occasion
// that changed, on both backends, over the Lerum demo with its year of follow-up: what they
// then hold is what reading the whole organisation gives, revisions included, and any other
// change (or more than they follow) reads the organisation anew.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/follow_up_use_cases.hpp"
#include "app/import_organisation.hpp"
#include "app/item_use_cases.hpp"
#include "app/lerum_callers.hpp"
#include "app/read_model.hpp"
#include "demo/lerum_demo.hpp"
#include "domain/follow_up_scope.hpp"
#include "interchange/organisation_json.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::app {
namespace {

using test_support::kLerum;
using test_support::personCaller;
using namespace std::chrono_literals;

// The annual report: every unit supplies it, and in the demo nothing is written to it yet.
constexpr const char* kAnnualReport = "2025-AR";

//! What a snapshot holds that a reader sees: the organisation as exchanged, and the revisions
//! (not exchanged, but the ETags of the API).
std::string describe(const domain::OrganisationData& data) {
  std::string text = interchange::organisationToJson(data);
  for (const auto& occasion : data.occasions) {
    text += "\n" + occasion.code + " r" + std::to_string(occasion.revision);
  }
  for (const auto& report_back : data.report_backs) {
    text += "\n" + reportBackKey(report_back) + " r" + std::to_string(report_back.revision);
  }
  return text;
}

class ReadModelsTest : public ::testing::TestWithParam<test::BackendKind> {
 protected:
  void SetUp() override {
    if (GetParam() == test::BackendKind::postgres && !test::postgresConfigured()) {
      GTEST_SKIP() << "no PostgreSQL server configured (scripts/test.sh starts one)";
    }
    database_ = std::make_unique<test::TestDatabase>(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    store_ = store::openStore(database_->db());
    static const domain::OrganisationData demo = demo::buildLerumDemo();
    ASSERT_TRUE(importOrganisation(*store_, clock_, "test", demo));
    auto people = demo::lerumKeyPeople();
    unit_manager_ = personCaller(people.unit_manager, "enhetschef");
    chief_executive_ = personCaller(people.chief_executive, "kommundirektor");
    sector_head_ = personCaller(people.sector_head, "sektorschef");
    controller_ = personCaller(people.controller, "controller");
  }

  UseCaseContext context() { return UseCaseContext{*store_, clock_, writers_}; }

  //! The unit manager's unit saves a draft of its annual report with no revision expected.
  void saveDraft() {
    auto saved =
        saveReportBack(context(), unit_manager_, kAnnualReport, domain::unitRecipient("LAR-E01"),
                       ReportBackContent{}, std::nullopt);
    ASSERT_TRUE(saved) << saved.error().message;
  }

  //! What submission asks of LAR-E01's annual report: every item in scope assessed, every
  //! topic written.
  ReportBackContent complete() {
    auto snapshot = writers_.current(*store_, kLerum);
    const auto& occasions = snapshot->data().occasions;
    auto occasion = std::find_if(occasions.begin(), occasions.end(),
                                 [](const auto& each) { return each.code == kAnnualReport; });
    ReportBackContent content;
    for (const domain::Item* item :
         domain::itemsInScope(*occasion, domain::unitRecipient("LAR-E01"), snapshot->index())) {
      domain::ItemAssessment assessment;
      assessment.item = item->code;
      assessment.assessment = domain::Assessment::fulfilled;
      assessment.trend = domain::Trend::unchanged;
      content.assessments.push_back(assessment);
    }
    for (domain::Topic topic : occasion->topics) content.topics.push_back({topic, "Enligt plan."});
    return content;
  }

  //! `models`' current snapshot matches reading the whole organisation now.
  void expectCurrent(ReadModels& models) {
    auto snapshot = models.current(*store_, kLerum);
    EXPECT_EQ(snapshot->sequence, store_->auditSequence(kLerum));
    EXPECT_EQ(describe(snapshot->data()), describe(store_->loadOrganisation(kLerum)));
  }

  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<Store> store_;
  FixedClock clock_{std::chrono::sys_days(demo::lerumDemoDate()) + 11h};
  ReadModels writers_;  // the use cases' own
  Caller unit_manager_;
  Caller chief_executive_;
  Caller sector_head_;
  Caller controller_;
};

TEST_P(ReadModelsTest, AReportBackSavedIsFollowedWithoutReadingEverythingAgain) {
  ReadModels readers;
  expectCurrent(readers);
  ASSERT_EQ(readers.counts().loaded, 1);

  saveDraft();
  expectCurrent(readers);
  EXPECT_EQ(readers.counts().loaded, 1);
  EXPECT_EQ(readers.counts().followed, 1);
  auto snapshot = readers.current(*store_, kLerum);
  auto versions = versionsOf(snapshot->data(), kAnnualReport, domain::unitRecipient("LAR-E01"));
  ASSERT_EQ(versions.size(), 1U);
  EXPECT_EQ(versions[0]->status, domain::ReportBackStatus::draft);
  EXPECT_EQ(versions[0]->revision, 1);

  // Two saves and a close between two reads: one follow, both occasions read again.
  saveDraft();
  auto closed = closeOccasion(context(), controller_, "2025-KS-11", std::nullopt);
  ASSERT_TRUE(closed) << closed.error().message;
  expectCurrent(readers);
  EXPECT_EQ(readers.counts().loaded, 1);
  EXPECT_EQ(readers.counts().followed, 2);
  snapshot = readers.current(*store_, kLerum);
  versions = versionsOf(snapshot->data(), kAnnualReport, domain::unitRecipient("LAR-E01"));
  ASSERT_EQ(versions.size(), 1U);
  EXPECT_EQ(versions[0]->revision, 2);

  // Submitted, returned and revised as version 2: each step followed, in the store's order.
  auto recipient = domain::unitRecipient("LAR-E01");
  ASSERT_TRUE(
      saveReportBack(context(), unit_manager_, kAnnualReport, recipient, complete(), std::nullopt));
  ASSERT_TRUE(submitReportBack(context(), unit_manager_, kAnnualReport, recipient, std::nullopt));
  expectCurrent(readers);
  auto returned = returnReportBack(context(), sector_head_, kAnnualReport, recipient, std::nullopt,
                                   "Skriv mer om lokalerna.");
  ASSERT_TRUE(returned) << returned.error().message;
  saveDraft();
  expectCurrent(readers);
  snapshot = readers.current(*store_, kLerum);
  versions = versionsOf(snapshot->data(), kAnnualReport, recipient);
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[0]->status, domain::ReportBackStatus::returned);
  EXPECT_EQ(versions[1]->status, domain::ReportBackStatus::draft);
  EXPECT_EQ(readers.counts().loaded, 1);
  EXPECT_EQ(readers.counts().followed, 4);

  // A read with nothing changed reads nothing.
  EXPECT_EQ(readers.current(*store_, kLerum), snapshot);
  EXPECT_EQ(readers.counts().followed, 4);

  // The use cases' own read models followed their writes as well.
  EXPECT_EQ(writers_.counts().loaded, 1);
}

TEST_P(ReadModelsTest, AnyOtherChangeReadsTheWholeOrganisationAgain) {
  ReadModels readers;
  expectCurrent(readers);
  domain::Item proposed;
  proposed.kind = domain::ItemKind::assignment;
  proposed.issuer = "KD";
  proposed.recipient_unit = "SEK-LAR";
  proposed.origin = "VP25-U01";
  proposed.title = "Inför digitala närvarorapporter i alla skolor";
  saveDraft();
  auto created = createItem(context(), chief_executive_, proposed);
  ASSERT_TRUE(created) << created.error().message;
  expectCurrent(readers);
  EXPECT_EQ(readers.counts().loaded, 2);
  EXPECT_EQ(readers.counts().followed, 0);
  EXPECT_NE(readers.current(*store_, kLerum)->index().item(created.value().code), nullptr);
}

TEST_P(ReadModelsTest, MoreChangesThanItFollowsAreReadAnew) {
  ReadModels readers;
  expectCurrent(readers);
  for (std::int64_t save = 0; save <= ReadModels::kMostEntriesFollowed; ++save) saveDraft();
  expectCurrent(readers);
  EXPECT_EQ(readers.counts().loaded, 2);
  EXPECT_EQ(readers.counts().followed, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReadModelsTest, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

}  // namespace
}  // namespace styr::app
