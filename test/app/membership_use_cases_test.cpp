// People, memberships and accounts as administrators keep them, over the Lerum demo on both
// backends: who may, what the records already there and the rules refuse, and that every
// refusal leaves the organisation and its audit trail as they were.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "app/import_organisation.hpp"
#include "app/membership_use_cases.hpp"
#include "demo/lerum_demo.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::app {
namespace {

using domain::Membership;
using domain::Person;
using domain::Role;

constexpr const char* kLerum = "1441";

domain::Date day(const char* text) {
  return *domain::parseDate(text);
}

class MembershipUseCases : public ::testing::TestWithParam<test::BackendKind> {
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
    people_ = demo::lerumKeyPeople();
  }

  [[nodiscard]] UseCaseContext context() { return UseCaseContext{*store_, clock_, models_}; }

  [[nodiscard]] Caller administrator() const {
    Caller caller;
    caller.actor = {kLerum, people_.administrator, true, true, std::nullopt};
    caller.name = people_.administrator + " (admin)";
    caller.username = "admin";
    return caller;
  }

  [[nodiscard]] Caller unitManager() const {
    Caller caller;
    caller.actor = {kLerum, people_.unit_manager, true, false, std::nullopt};
    caller.name = people_.unit_manager + " (enhetschef)";
    caller.username = "enhetschef";
    return caller;
  }

  [[nodiscard]] std::int64_t sequence() { return store_->auditSequence(kLerum); }

  //! The employee's membership of LAR-E01 as the demo has it.
  [[nodiscard]] Membership employeeOfE01() const {
    return {people_.employee, "LAR-E01", Role::employee, day("2023-01-01"), std::nullopt};
  }

  [[nodiscard]] std::optional<Membership> stored(const Membership& key) {
    for (const Membership& membership : store_->membershipsOf(kLerum, key.person)) {
      if (membership.unit == key.unit && membership.role == key.role &&
          membership.valid_from == key.valid_from) {
        return membership;
      }
    }
    return std::nullopt;
  }

  FixedClock clock_{std::chrono::sys_days(demo::lerumDemoDate()) + std::chrono::hours(11)};
  ReadModels models_;
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<Store> store_;
  demo::DemoKeyPeople people_;
};

TEST_P(MembershipUseCases, AnAdministratorAddsAPersonWithOneAuditEntry) {
  std::int64_t before = sequence();
  auto added =
      addPerson(context(), administrator(), {"P09001", "Åsa", "Öberg", "asa.oberg@lerum.example"});
  ASSERT_TRUE(added) << added.error().message;
  auto person = store_->person(kLerum, "P09001");
  ASSERT_TRUE(person);
  EXPECT_EQ(person->family_name, "Öberg");
  EXPECT_EQ(sequence(), before + 1);
  auto trail = store_->auditEntriesOf(kLerum, "person", "P09001");
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_EQ(trail[0].action, "person.created");
  EXPECT_EQ(trail[0].actor, administrator().name);
  EXPECT_EQ(nlohmann::json::parse(trail[0].after)["given_name"], "Åsa");
}

TEST_P(MembershipUseCases, APersonIsRefusedWithoutRightsATakenCodeOrANameAndNothingIsWritten) {
  std::int64_t before = sequence();

  auto by_manager = addPerson(context(), unitManager(), {"P09001", "Åsa", "Öberg", ""});
  ASSERT_FALSE(by_manager);
  EXPECT_EQ(by_manager.error().code, ErrorCode::forbidden);

  auto taken = addPerson(context(), administrator(), {people_.employee, "Åsa", "Öberg", ""});
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::conflict);
  EXPECT_EQ(taken.error().details.at(0).where, "code");

  auto nameless = addPerson(context(), administrator(), {"P09002", "", "", ""});
  ASSERT_FALSE(nameless);
  EXPECT_EQ(nameless.error().code, ErrorCode::rule_broken);
  EXPECT_EQ(nameless.error().details.at(0).rule, "integrity");

  auto slashed = addPerson(context(), administrator(), {"P/09003", "Åsa", "Öberg", ""});
  ASSERT_FALSE(slashed);
  EXPECT_EQ(slashed.error().code, ErrorCode::invalid_input);

  EXPECT_FALSE(store_->person(kLerum, "P09001"));
  EXPECT_FALSE(store_->person(kLerum, "P09002"));
  EXPECT_EQ(sequence(), before);
}

TEST_P(MembershipUseCases, AMembershipIsAddedUnderItsKeyAndGivesRightsFromItsFirstDay) {
  std::int64_t before = sequence();
  Membership head{people_.employee, "LAR-A001", Role::head, day("2025-12-01"), std::nullopt};
  auto added = addMembership(context(), administrator(), head);
  ASSERT_TRUE(added) << added.error().message;
  ASSERT_TRUE(stored(head));
  EXPECT_EQ(sequence(), before + 1);
  auto trail =
      store_->auditEntriesOf(kLerum, "membership", people_.employee + "/LAR-A001/head/2025-12-01");
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_EQ(trail[0].action, "membership.created");

  auto snapshot = models_.current(*store_, kLerum);
  Caller employee{{kLerum, people_.employee, true, false, std::nullopt}, people_.employee, ""};
  access::Subject workplace{kLerum, nullptr, nullptr, "LAR-A001", {}};
  EXPECT_FALSE(access::Rights(employee.actor, snapshot->index(), day("2025-11-30"))
                   .can(access::Action::read_people, workplace));
  EXPECT_TRUE(access::Rights(employee.actor, snapshot->index(), day("2025-12-01"))
                  .can(access::Action::read_people, workplace));
}

TEST_P(MembershipUseCases, MembershipsThatAreNotAllowedExistOrBreakARuleAreRefused) {
  std::int64_t before = sequence();
  auto refused = [&](const Caller& caller, const Membership& membership) {
    std::size_t held = store_->membershipsOf(kLerum, membership.person).size();
    auto result = addMembership(context(), caller, membership);
    EXPECT_FALSE(result) << "added " << membershipKey(membership);
    EXPECT_EQ(store_->membershipsOf(kLerum, membership.person).size(), held)
        << membershipKey(membership);
    return result ? ErrorCode::invalid_input : result.error().code;
  };
  // Nobody grants themselves rights, and only administrators grant them.
  EXPECT_EQ(refused(administrator(), {people_.administrator, "KD", Role::controller,
                                      day("2025-12-01"), std::nullopt}),
            ErrorCode::forbidden);
  EXPECT_EQ(refused(unitManager(), {people_.employee, "LAR-A001", Role::employee, day("2025-12-01"),
                                    std::nullopt}),
            ErrorCode::forbidden);
  // The same membership again, or one overlapping it, is a conflict with the one held.
  Membership again = employeeOfE01();
  EXPECT_EQ(refused(administrator(), again), ErrorCode::conflict);
  Membership overlapping = employeeOfE01();
  overlapping.valid_from = day("2025-06-01");
  overlapping.valid_to = day("2025-12-31");
  EXPECT_EQ(refused(administrator(), overlapping), ErrorCode::conflict);
  // What the rules say no to.
  EXPECT_EQ(refused(administrator(),
                    {people_.employee, "LAR-E99", Role::employee, day("2025-12-01"), std::nullopt}),
            ErrorCode::rule_broken);
  EXPECT_EQ(refused(administrator(), {people_.employee, "LAR-A001", Role::employee,
                                      day("2025-12-01"), day("2025-11-01")}),
            ErrorCode::rule_broken);
  EXPECT_EQ(refused(administrator(),
                    {"P09999", "LAR-A001", Role::employee, day("2025-12-01"), std::nullopt}),
            ErrorCode::not_found);
  EXPECT_EQ(sequence(), before);
}

TEST_P(MembershipUseCases, AMembershipIsEndedOnceAndMayThenOnlyEndSooner) {
  std::int64_t before = sequence();
  auto ended = endMembership(context(), administrator(), employeeOfE01(), day("2025-12-31"));
  ASSERT_TRUE(ended) << ended.error().message;
  EXPECT_EQ(stored(employeeOfE01())->valid_to, day("2025-12-31"));
  EXPECT_EQ(sequence(), before + 1);
  std::string key = people_.employee + "/LAR-E01/employee/2023-01-01";
  auto trail = store_->auditEntriesOf(kLerum, "membership", key);
  ASSERT_FALSE(trail.empty());
  EXPECT_EQ(trail.back().action, "membership.ended");
  EXPECT_EQ(nlohmann::json::parse(trail.back().before), nlohmann::json({{"valid_to", nullptr}}));
  EXPECT_EQ(nlohmann::json::parse(trail.back().after),
            nlohmann::json({{"valid_to", "2025-12-31"}}));

  auto later = endMembership(context(), administrator(), employeeOfE01(), day("2026-03-31"));
  ASSERT_FALSE(later);
  EXPECT_EQ(later.error().code, ErrorCode::conflict);
  auto same_day = endMembership(context(), administrator(), employeeOfE01(), day("2025-12-31"));
  ASSERT_FALSE(same_day);
  EXPECT_EQ(same_day.error().code, ErrorCode::conflict);
  EXPECT_EQ(sequence(), before + 1);

  auto sooner = endMembership(context(), administrator(), employeeOfE01(), day("2025-12-15"));
  ASSERT_TRUE(sooner) << sooner.error().message;
  EXPECT_EQ(stored(employeeOfE01())->valid_to, day("2025-12-15"));
  EXPECT_EQ(sequence(), before + 2);
}

TEST_P(MembershipUseCases, EndingIsRefusedForAnUnknownOrOwnMembershipOrBeforeItsStart) {
  std::int64_t before = sequence();
  Membership unknown = employeeOfE01();
  unknown.valid_from = day("2024-01-01");
  auto missing = endMembership(context(), administrator(), unknown, day("2025-12-31"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);

  Membership own{people_.administrator, "INT-E03", Role::administrator, day("2023-01-01"),
                 std::nullopt};
  auto self = endMembership(context(), administrator(), own, day("2025-12-31"));
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().code, ErrorCode::forbidden);
  EXPECT_FALSE(stored(own)->valid_to);

  auto by_manager = endMembership(context(), unitManager(), employeeOfE01(), day("2025-12-31"));
  ASSERT_FALSE(by_manager);
  EXPECT_EQ(by_manager.error().code, ErrorCode::forbidden);

  auto backwards = endMembership(context(), administrator(), employeeOfE01(), day("2022-12-31"));
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.error().code, ErrorCode::rule_broken);
  EXPECT_FALSE(stored(employeeOfE01())->valid_to);
  EXPECT_EQ(sequence(), before);
}

TEST_P(MembershipUseCases, OnlyAnAdministratorCreatesAnAccountAndItsPasswordIsHashed) {
  std::int64_t before = sequence();
  NewAccount wanted{"", "tilda", people_.sector_head, false, "ett långt lösenord"};
  auto by_manager = createAccount(context(), unitManager(), wanted);
  ASSERT_FALSE(by_manager);
  EXPECT_EQ(by_manager.error().code, ErrorCode::forbidden);
  EXPECT_FALSE(store_->account(kLerum, "tilda"));
  EXPECT_EQ(sequence(), before);

  auto created = createAccount(context(), administrator(), wanted);
  ASSERT_TRUE(created) << created.error().message;
  auto account = store_->account(kLerum, "tilda");
  ASSERT_TRUE(account);
  EXPECT_EQ(account->person, people_.sector_head);
  EXPECT_EQ(account->password_hash.rfind("$argon2id$", 0), 0U);
  EXPECT_TRUE(verifyPassword(account->password_hash, "ett långt lösenord"));
  EXPECT_EQ(sequence(), before + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, MembershipUseCases, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

}  // namespace
}  // namespace styr::app
