// Steering documents through their life, on both backends, over the Lerum demo on its own
// date: the controller (secretary of KF and KS) proposes, edits and records decisions; a
// revision supersedes the decided version; every refusal writes nothing.

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <memory>

#include "app/document_use_cases.hpp"
#include "app/import_organisation.hpp"
#include "app/lerum_callers.hpp"
#include "demo/lerum_demo.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::app {
namespace {

using test_support::day;
using test_support::kLerum;
using test_support::personCaller;

using domain::DocumentKind;
using domain::DocumentStatus;
using domain::SteeringDocument;
using namespace std::chrono_literals;

class DocumentUseCases : public ::testing::TestWithParam<test::BackendKind> {
 protected:
  void SetUp() override {
    if (GetParam() == test::BackendKind::postgres && !test::postgresConfigured()) {
      GTEST_SKIP() << "no PostgreSQL server configured (scripts/test.sh starts one)";
    }
    database_ = std::make_unique<test::TestDatabase>(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    store_ = store::openStore(database_->db());
    static const auto data = demo::buildLerumDemo();
    ASSERT_TRUE(importOrganisation(*store_, clock_, "test", data));
    auto people = demo::lerumKeyPeople();
    controller_ = personCaller(people.controller, "controller");
    unit_manager_ = personCaller(people.unit_manager, "enhetschef");
    council_member_ = personCaller(people.council_member, "ledamot");
  }

  UseCaseContext context() { return UseCaseContext{*store_, clock_, models_}; }

  //! A proposed KS policy that takes effect next year.
  static SteeringDocument climatePolicy() {
    SteeringDocument proposed;
    proposed.code = "POLICY-KLIMAT";
    proposed.kind = DocumentKind::policy;
    proposed.title = "Klimatpolicy";
    proposed.summary = "Hur kommunen minskar sina utsläpp.";
    proposed.deciding_body = "KS";
    proposed.valid_from = day(2026, 1, 1);
    return proposed;
  }

  static domain::Decision decision(const domain::Date& on, std::string paragraph) {
    return domain::Decision{on, std::move(paragraph), "KS 2025/0456"};
  }

  std::vector<SteeringDocument> versionsOf(const std::string& code) {
    std::vector<SteeringDocument> versions;
    for (auto& version : store_->documents(kLerum)) {
      if (version.code == code) versions.push_back(version);
    }
    return versions;
  }

  std::int64_t sequence() { return store_->auditSequence(kLerum); }

  //! Fails the test unless `result` is the error `code`, and nothing was written.
  template <typename T>
  void expectRefused(const Result<T>& result, ErrorCode code, std::int64_t sequence_before) {
    ASSERT_FALSE(result) << "the step was not refused";
    EXPECT_EQ(result.error().code, code) << result.error().message;
    EXPECT_EQ(sequence(), sequence_before) << "a refused step moved the audit sequence";
  }

  FixedClock clock_{std::chrono::sys_days(demo::lerumDemoDate()) + 11h};
  ReadModels models_;
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<Store> store_;
  Caller controller_;
  Caller unit_manager_;
  Caller council_member_;
};

TEST_P(DocumentUseCases, ACreatedDocumentIsADraftVersionOneWithOneAuditEntry) {
  auto before = sequence();
  SteeringDocument proposed = climatePolicy();
  proposed.version = 7;                       // ignored: a new document starts at 1
  proposed.status = DocumentStatus::decided;  // ignored: a new document is a draft
  proposed.decision = decision(day(2025, 11, 1), "§ 1");
  auto created = createDocument(context(), controller_, proposed);
  ASSERT_TRUE(created) << created.error().message;
  auto stored = versionsOf("POLICY-KLIMAT");
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0].version, 1);
  EXPECT_EQ(stored[0].status, DocumentStatus::draft);
  EXPECT_FALSE(stored[0].decision);
  EXPECT_EQ(stored[0].title, "Klimatpolicy");
  EXPECT_EQ(sequence(), before + 1);
  auto trail = store_->auditEntriesOf(kLerum, "document", "POLICY-KLIMAT/1");
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_EQ(trail[0].action, "document.created");
  EXPECT_EQ(trail[0].actor, controller_.name);
  EXPECT_EQ(nlohmann::json::parse(trail[0].after)["status"], "draft");
}

TEST_P(DocumentUseCases, CreatingIsRefusedForAnExistingCodeAWrongActorAndBadInput) {
  auto before = sequence();
  SteeringDocument existing = climatePolicy();
  existing.code = "POLICY-CHEF";
  expectRefused(createDocument(context(), controller_, existing), ErrorCode::conflict, before);

  // The unit manager answers for LAR-E01, not for the executive board.
  expectRefused(createDocument(context(), unit_manager_, climatePolicy()), ErrorCode::forbidden,
                before);
  // A council member sits in the body but does not record its documents.
  expectRefused(createDocument(context(), council_member_, climatePolicy()), ErrorCode::forbidden,
                before);

  SteeringDocument untitled = climatePolicy();
  untitled.title = "  ";
  expectRefused(createDocument(context(), controller_, untitled), ErrorCode::invalid_input, before);
  SteeringDocument bad_code = climatePolicy();
  bad_code.code = "POLICY/KLIMAT";
  auto refused = createDocument(context(), controller_, bad_code);
  expectRefused(refused, ErrorCode::invalid_input, before);
  ASSERT_FALSE(refused.error().details.empty());
  EXPECT_EQ(refused.error().details[0].where, "code");
  SteeringDocument undated = climatePolicy();
  undated.valid_from = domain::Date{};
  expectRefused(createDocument(context(), controller_, undated), ErrorCode::invalid_input, before);
  EXPECT_TRUE(versionsOf("POLICY-KLIMAT").empty());
}

TEST_P(DocumentUseCases, OnlyABudgetAppropriatesMoney) {
  auto before = sequence();
  SteeringDocument policy = climatePolicy();
  policy.appropriations.push_back({"SEK-LAR", 2026, 1'000'000});
  auto refused = createDocument(context(), controller_, policy);
  expectRefused(refused, ErrorCode::rule_broken, before);
  ASSERT_FALSE(refused.error().details.empty());
  EXPECT_EQ(refused.error().details[0].rule, "D6");

  SteeringDocument budget;
  budget.code = "BUDGET-2026";
  budget.kind = DocumentKind::budget;
  budget.title = "Budget 2026 med plan för 2027–2028";
  budget.deciding_body = "KF";
  budget.valid_from = day(2026, 1, 1);
  budget.valid_to = day(2026, 12, 31);
  budget.year = 2026;
  budget.appropriations.push_back({"SEK-LAR", 2026, 1'000'000});
  auto created = createDocument(context(), controller_, budget);
  ASSERT_TRUE(created) << created.error().message;
  auto stored = versionsOf("BUDGET-2026");
  ASSERT_EQ(stored.size(), 1U);
  ASSERT_EQ(stored[0].appropriations.size(), 1U);
  EXPECT_EQ(stored[0].appropriations[0].amount_sek, 1'000'000);
}

TEST_P(DocumentUseCases, EditingTheDraftAuditsOnlyTheChangedFieldsAndChangesItsTag) {
  auto created = createDocument(context(), controller_, climatePolicy());
  ASSERT_TRUE(created) << created.error().message;
  std::string tag = documentTag(created.value());
  DocumentChange change;
  change.title = "Klimat- och energipolicy";
  change.valid_to = day(2030, 12, 31);
  auto edited = editDraft(context(), controller_, "POLICY-KLIMAT", tag, change);
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_NE(documentTag(edited.value()), tag);
  auto stored = versionsOf("POLICY-KLIMAT");
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0].title, "Klimat- och energipolicy");
  EXPECT_EQ(stored[0].valid_to, day(2030, 12, 31));
  EXPECT_EQ(stored[0].summary, "Hur kommunen minskar sina utsläpp.");
  auto trail = store_->auditEntriesOf(kLerum, "document", "POLICY-KLIMAT/1");
  ASSERT_EQ(trail.size(), 2U);
  EXPECT_EQ(trail[1].action, "document.draft_edited");
  EXPECT_EQ(nlohmann::json::parse(trail[1].before),
            nlohmann::json::parse(R"({"title":"Klimatpolicy","valid_to":null})"));
  EXPECT_EQ(
      nlohmann::json::parse(trail[1].after),
      nlohmann::json::parse(R"({"title":"Klimat- och energipolicy","valid_to":"2030-12-31"})"));

  // The tag read before the edit is stale now.
  auto before = sequence();
  DocumentChange again;
  again.summary = "Något annat.";
  expectRefused(editDraft(context(), controller_, "POLICY-KLIMAT", tag, again), ErrorCode::conflict,
                before);
  EXPECT_EQ(versionsOf("POLICY-KLIMAT")[0].summary, "Hur kommunen minskar sina utsläpp.");
}

TEST_P(DocumentUseCases, EditingIsRefusedForADecidedDocumentAWrongActorAndBadInput) {
  auto before = sequence();
  DocumentChange change;
  change.title = "Ny chefspolicy";
  auto locked = editDraft(context(), controller_, "POLICY-CHEF", std::nullopt, change);
  expectRefused(locked, ErrorCode::locked, before);
  EXPECT_NE(locked.error().message.find("revision"), std::string::npos) << locked.error().message;

  ASSERT_TRUE(createDocument(context(), controller_, climatePolicy()));
  before = sequence();
  expectRefused(editDraft(context(), unit_manager_, "POLICY-KLIMAT", std::nullopt, change),
                ErrorCode::not_found, before);  // a KS draft is no business of a unit manager
  DocumentChange blank;
  blank.title = "";
  expectRefused(editDraft(context(), controller_, "POLICY-KLIMAT", std::nullopt, blank),
                ErrorCode::invalid_input, before);
  DocumentChange money;
  money.appropriations = std::vector<domain::Appropriation>{{"SEK-LAR", 2026, 5}};
  expectRefused(editDraft(context(), controller_, "POLICY-KLIMAT", std::nullopt, money),
                ErrorCode::rule_broken, before);
  DocumentChange elsewhere;
  elsewhere.deciding_body = "LAR-E01";  // the controller does not answer for that unit
  expectRefused(editDraft(context(), controller_, "POLICY-KLIMAT", std::nullopt, elsewhere),
                ErrorCode::forbidden, before);
  expectRefused(editDraft(context(), controller_, "POLICY-NOTHING", std::nullopt, change),
                ErrorCode::not_found, before);
}

TEST_P(DocumentUseCases, ADecisionMakesTheDraftDecidedWithOneAuditEntry) {
  ASSERT_TRUE(createDocument(context(), controller_, climatePolicy()));
  auto before = sequence();
  auto decided = recordDecision(context(), controller_, "POLICY-KLIMAT", std::nullopt,
                                decision(day(2025, 11, 26), "§ 190"));
  ASSERT_TRUE(decided) << decided.error().message;
  auto stored = versionsOf("POLICY-KLIMAT");
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0].status, DocumentStatus::decided);
  ASSERT_TRUE(stored[0].decision);
  EXPECT_EQ(stored[0].decision->minute_paragraph, "§ 190");
  EXPECT_EQ(stored[0].decision->case_number, "KS 2025/0456");
  EXPECT_EQ(sequence(), before + 1);
  auto trail = store_->auditEntriesOf(kLerum, "document", "POLICY-KLIMAT/1");
  ASSERT_EQ(trail.size(), 2U);
  EXPECT_EQ(trail[1].action, "document.decided");
  EXPECT_FALSE(nlohmann::json::parse(trail[1].after).contains("supersedes"));

  // Decided: deciding again is refused, and so is editing.
  before = sequence();
  expectRefused(recordDecision(context(), controller_, "POLICY-KLIMAT", std::nullopt,
                               decision(day(2025, 11, 27), "§ 191")),
                ErrorCode::locked, before);
  DocumentChange change;
  change.summary = "Ändrad i efterhand.";
  expectRefused(editDraft(context(), controller_, "POLICY-KLIMAT", std::nullopt, change),
                ErrorCode::locked, before);
}

TEST_P(DocumentUseCases, AnIncompleteOrFutureDecisionIsRefusedAndNothingWritten) {
  ASSERT_TRUE(createDocument(context(), controller_, climatePolicy()));
  auto before = sequence();
  domain::Decision no_case = decision(day(2025, 11, 26), "§ 190");
  no_case.case_number.clear();
  auto refused = recordDecision(context(), controller_, "POLICY-KLIMAT", std::nullopt, no_case);
  expectRefused(refused, ErrorCode::invalid_input, before);
  ASSERT_EQ(refused.error().details.size(), 1U);
  EXPECT_EQ(refused.error().details[0].where, "case_number");

  domain::Decision no_paragraph = decision(day(2025, 11, 26), " ");
  expectRefused(recordDecision(context(), controller_, "POLICY-KLIMAT", std::nullopt, no_paragraph),
                ErrorCode::invalid_input, before);
  // The demo's today is 2025-11-30.
  expectRefused(recordDecision(context(), controller_, "POLICY-KLIMAT", std::nullopt,
                               decision(day(2025, 12, 1), "§ 200")),
                ErrorCode::invalid_input, before);
  expectRefused(recordDecision(context(), unit_manager_, "POLICY-KLIMAT", std::nullopt,
                               decision(day(2025, 11, 26), "§ 190")),
                ErrorCode::not_found, before);
  EXPECT_EQ(versionsOf("POLICY-KLIMAT")[0].status, DocumentStatus::draft);
  // Today itself is fine.
  EXPECT_TRUE(recordDecision(context(), controller_, "POLICY-KLIMAT", std::nullopt,
                             decision(day(2025, 11, 30), "§ 190")));
}

TEST_P(DocumentUseCases, ARevisionIsANewDraftThatSupersedesTheDecidedVersionOnceDecided) {
  auto chef = versionsOf("POLICY-CHEF");
  ASSERT_EQ(chef.size(), 1U);
  std::string decided_tag = documentTag(chef[0]);
  DocumentChange change;
  change.summary = "Omarbetad: vad kommunen förväntar sig av sina chefer från 2026.";
  change.valid_from = day(2026, 1, 1);
  auto revised = reviseDocument(context(), controller_, "POLICY-CHEF", decided_tag, change);
  ASSERT_TRUE(revised) << revised.error().message;
  EXPECT_EQ(revised.value().version, 2);
  EXPECT_EQ(revised.value().status, DocumentStatus::draft);
  EXPECT_EQ(revised.value().title, "Chefspolicy");  // copied from the decided version
  EXPECT_FALSE(revised.value().decision);

  // One draft at a time.
  auto before = sequence();
  expectRefused(reviseDocument(context(), controller_, "POLICY-CHEF", std::nullopt, {}),
                ErrorCode::conflict, before);

  auto decided = recordDecision(context(), controller_, "POLICY-CHEF", std::nullopt,
                                decision(day(2025, 11, 26), "§ 191"));
  ASSERT_TRUE(decided) << decided.error().message;
  EXPECT_EQ(sequence(), before + 1) << "the decision is one audit entry";
  auto versions = versionsOf("POLICY-CHEF");
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[0].status, DocumentStatus::superseded);
  EXPECT_EQ(versions[0].valid_to, day(2025, 12, 31));
  ASSERT_TRUE(versions[0].decision);
  EXPECT_EQ(versions[0].decision->minute_paragraph, chef[0].decision->minute_paragraph);
  EXPECT_EQ(versions[1].status, DocumentStatus::decided);
  auto trail = store_->auditEntriesOf(kLerum, "document", "POLICY-CHEF/2");
  ASSERT_EQ(trail.size(), 2U);
  EXPECT_EQ(trail[0].action, "document.revised");
  EXPECT_EQ(trail[1].action, "document.decided");
  auto after = nlohmann::json::parse(trail[1].after);
  EXPECT_EQ(after["supersedes"]["version"], 1);
  EXPECT_EQ(after["supersedes"]["valid_to"], "2025-12-31");
  EXPECT_TRUE(store_->auditEntriesOf(kLerum, "document", "POLICY-CHEF/1").size() == 1U)
      << "the superseded version's change is told in the decision's entry only";
}

TEST_P(DocumentUseCases, SupersedingKeepsAnEarlierEndAndNeedsALaterStart) {
  // The vision ends 2025-12-31; a revision from 2027 must not lengthen it.
  DocumentChange later;
  later.title = "Vision 2040";
  later.valid_from = day(2027, 1, 1);
  later.valid_to = std::optional<domain::Date>();
  ASSERT_TRUE(reviseDocument(context(), controller_, "VISION", std::nullopt, later));
  ASSERT_TRUE(recordDecision(context(), controller_, "VISION", std::nullopt,
                             decision(day(2025, 11, 20), "§ 170")));
  auto vision = versionsOf("VISION");
  ASSERT_EQ(vision.size(), 2U);
  EXPECT_EQ(vision[0].status, DocumentStatus::superseded);
  EXPECT_EQ(vision[0].valid_to, day(2025, 12, 31));

  // A revision in force no later than the version it supersedes would end that one before
  // it began.
  DocumentChange same_day;
  same_day.valid_from = day(2021, 6, 1);  // POLICY-CHEF version 1 is in force from 2021-06-01
  ASSERT_TRUE(reviseDocument(context(), controller_, "POLICY-CHEF", std::nullopt, same_day));
  auto before = sequence();
  auto refused = recordDecision(context(), controller_, "POLICY-CHEF", std::nullopt,
                                decision(day(2025, 11, 26), "§ 191"));
  expectRefused(refused, ErrorCode::rule_broken, before);
  EXPECT_EQ(versionsOf("POLICY-CHEF")[0].status, DocumentStatus::decided);
}

TEST_P(DocumentUseCases, RevisingIsRefusedForAWrongActorAStaleTagAndBadInput) {
  auto before = sequence();
  expectRefused(reviseDocument(context(), unit_manager_, "POLICY-CHEF", std::nullopt, {}),
                ErrorCode::forbidden, before);
  expectRefused(reviseDocument(context(), controller_, "POLICY-CHEF", std::string("1-0000"), {}),
                ErrorCode::conflict, before);
  DocumentChange money;
  money.appropriations = std::vector<domain::Appropriation>{{"SEK-LAR", 2026, 5}};
  expectRefused(reviseDocument(context(), controller_, "POLICY-CHEF", std::nullopt, money),
                ErrorCode::rule_broken, before);
  DocumentChange blank;
  blank.title = "";
  expectRefused(reviseDocument(context(), controller_, "POLICY-CHEF", std::nullopt, blank),
                ErrorCode::invalid_input, before);
  EXPECT_EQ(versionsOf("POLICY-CHEF").size(), 1U);
}

TEST_P(DocumentUseCases, AUnitHeadDecidesTheUnitsOwnDocumentsByDelegation) {
  SteeringDocument guidelines = climatePolicy();
  guidelines.code = "RIKTLINJER-LAR-E01";
  guidelines.title = "Ordningsregler";
  guidelines.deciding_body = "LAR-E01";
  auto created = createDocument(context(), unit_manager_, guidelines);
  ASSERT_TRUE(created) << created.error().message;
  auto decided = recordDecision(context(), unit_manager_, "RIKTLINJER-LAR-E01", std::nullopt,
                                decision(day(2025, 11, 28), "§ 4"));
  ASSERT_TRUE(decided) << decided.error().message;
  EXPECT_EQ(versionsOf("RIKTLINJER-LAR-E01")[0].status, DocumentStatus::decided);
}

INSTANTIATE_TEST_SUITE_P(Backends, DocumentUseCases, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

}  // namespace
}  // namespace styr::app
