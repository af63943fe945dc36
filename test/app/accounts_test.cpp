// Accounts, signing in and sessions, on both backends, with a clock the tests move.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "app/add_account.hpp"
#include "app/import_organisation.hpp"
#include "app/sessions.hpp"
#include "demo/generator.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::app {
namespace {

using namespace std::chrono_literals;

//! A clock the test sets.
class TestClock final : public Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return now_; }
  void advance(std::chrono::seconds by) { now_ += by; }

 private:
  std::chrono::system_clock::time_point now_ =
      std::chrono::sys_days{std::chrono::year{2025} / 3 / 31} + 9h;
};

class Accounts : public ::testing::TestWithParam<test::BackendKind> {
 protected:
  void SetUp() override {
    if (GetParam() == test::BackendKind::postgres && !test::postgresConfigured()) {
      GTEST_SKIP() << "no PostgreSQL server configured (scripts/test.sh starts one)";
    }
    database_ = std::make_unique<test::TestDatabase>(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    store_ = store::openStore(database_->db());
    static const auto data = demo::generateMunicipality("0999", "Provkommunen", 4);
    ASSERT_TRUE(importOrganisation(*store_, clock_, "test", data));
    person_ = data.people.front().code;
  }

  Result<Account> add(const std::string& username, const std::string& password,
                      PasswordPolicy policy = PasswordPolicy::standard) {
    return addAccount(*store_, clock_, "test", {"0999", username, person_, false, password},
                      policy);
  }

  std::int64_t auditEntries() {
    std::int64_t count = 0;
    store_->forEachAuditEntry("0999", 1, [&](const domain::AuditEntry&) { ++count; });
    return count;
  }

  TestClock clock_;
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<Store> store_;
  std::string person_;
};

TEST_P(Accounts, AnAccountIsCreatedWithAHashedPasswordAndAnAuditEntry) {
  std::int64_t before = auditEntries();
  auto added = add("anna.lundin", "ett långt lösenord");
  ASSERT_TRUE(added) << added.error().message;
  auto stored = store_->account("0999", "anna.lundin");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->person, person_);
  EXPECT_EQ(stored->password_hash.rfind("$argon2id$", 0), 0U) << stored->password_hash;
  EXPECT_EQ(stored->password_hash.find("ett långt lösenord"), std::string::npos);
  EXPECT_EQ(auditEntries(), before + 1);
}

TEST_P(Accounts, BadAccountsAreRefusedWithEveryReasonAndNothingWritten) {
  std::int64_t before = auditEntries();
  auto refused = addAccount(*store_, clock_, "test", {"0999", "Anna Lundin", "", false, "kort"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  ASSERT_EQ(refused.error().details.size(), 3U);
  EXPECT_EQ(refused.error().details[0].where, "username");
  EXPECT_EQ(refused.error().details[1].where, "password");
  EXPECT_EQ(refused.error().details[2].where, "person");

  auto unknown_person =
      addAccount(*store_, clock_, "test", {"0999", "okand", "P99999", false, "ett långt lösenord"});
  ASSERT_FALSE(unknown_person);
  EXPECT_EQ(unknown_person.error().details[0].where, "person");

  ASSERT_TRUE(add("anna", "ett långt lösenord"));
  auto taken = add("anna", "ett annat långt lösenord");
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::conflict);
  EXPECT_EQ(auditEntries(), before + 1);
  EXPECT_EQ(store_->accounts("0999").size(), 1U);
}

TEST_P(Accounts, OnlyTheDemoPolicyAcceptsTheDemoPassword) {
  EXPECT_FALSE(add("kd", "demo"));
  EXPECT_TRUE(add("kd", "demo", PasswordPolicy::demo));
  EXPECT_TRUE(signIn(*store_, clock_, "0999", "kd", "demo"));
}

TEST_P(Accounts, SigningInNeverTellsWhetherTheUsernameExists) {
  ASSERT_TRUE(add("anna", "ett långt lösenord"));
  auto wrong_password = signIn(*store_, clock_, "0999", "anna", "fel lösenord");
  auto unknown_user = signIn(*store_, clock_, "0999", "bertil", "fel lösenord");
  ASSERT_FALSE(wrong_password);
  ASSERT_FALSE(unknown_user);
  EXPECT_EQ(wrong_password.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(wrong_password.error().message, unknown_user.error().message);
}

TEST_P(Accounts, ASessionIsRecognisedUntilItHasBeenIdleTooLong) {
  ASSERT_TRUE(add("anna", "ett långt lösenord"));
  auto signed_in = signIn(*store_, clock_, "0999", "anna", "ett långt lösenord");
  ASSERT_TRUE(signed_in);
  const std::string secret = signed_in.value().secret;
  EXPECT_EQ(signed_in.value().session.secret_hash, secretHash(secret));
  EXPECT_FALSE(store_->session(secret)) << "the secret itself was stored";

  // Used every 20 minutes for two hours, with a 30-minute limit: still signed in.
  for (int visit = 0; visit < 6; ++visit) {
    clock_.advance(20min);
    auto seen = authenticate(*store_, clock_, secret, 30min);
    ASSERT_TRUE(seen) << "visit " << visit;
    EXPECT_EQ(seen.value().account.username, "anna");
    EXPECT_EQ(seen.value().session.csrf_token, signed_in.value().session.csrf_token);
  }
  clock_.advance(31min);
  auto expired = authenticate(*store_, clock_, secret, 30min);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, ErrorCode::unauthenticated);
  EXPECT_FALSE(store_->session(secretHash(secret))) << "an expired session was kept";
}

TEST_P(Accounts, SigningOutEndsTheSession) {
  ASSERT_TRUE(add("anna", "ett långt lösenord"));
  auto signed_in = signIn(*store_, clock_, "0999", "anna", "ett långt lösenord");
  ASSERT_TRUE(signed_in);
  signOut(*store_, signed_in.value().secret);
  EXPECT_FALSE(authenticate(*store_, clock_, signed_in.value().secret, 30min));
  EXPECT_FALSE(authenticate(*store_, clock_, "not a secret anyone was given", 30min));
}

TEST_P(Accounts, IdleSessionsAreSweptAway) {
  ASSERT_TRUE(add("anna", "ett långt lösenord"));
  auto early = signIn(*store_, clock_, "0999", "anna", "ett långt lösenord");
  clock_.advance(2h);
  auto late = signIn(*store_, clock_, "0999", "anna", "ett långt lösenord");
  ASSERT_TRUE(early && late);
  std::int64_t swept = 0;
  {
    Transaction transaction(*store_);
    swept = store_->deleteSessionsIdleSince(formatTimestamp(clock_.now() - 1h));
    transaction.commit();
  }
  EXPECT_EQ(swept, 1);
  EXPECT_FALSE(store_->session(early.value().session.secret_hash));
  EXPECT_TRUE(store_->session(late.value().session.secret_hash));
}

TEST_P(Accounts, ApiTokensAreFoundByTheirSecretAndRevoked) {
  std::string secret = newSecret();
  ApiToken token{"0999",
                 "ekonomisystemet",
                 secretHash(secret),
                 {"read", "import"},
                 "admin",
                 formatTimestamp(clock_.now()),
                 ""};
  {
    Transaction transaction(*store_);
    store_->insertApiToken(token);
    transaction.commit();
  }
  auto found = store_->apiToken(secretHash(secret));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "ekonomisystemet");
  EXPECT_EQ(found->scopes, (std::vector<std::string>{"read", "import"}));
  EXPECT_TRUE(found->revoked_at.empty());
  {
    Transaction transaction(*store_);
    EXPECT_TRUE(store_->revokeApiToken("0999", "ekonomisystemet", "2025-04-01T00:00:00.000000Z"));
    EXPECT_FALSE(store_->revokeApiToken("0999", "ekonomisystemet", "2025-04-02T00:00:00.000000Z"));
    EXPECT_FALSE(store_->revokeApiToken("0998", "ekonomisystemet", "2025-04-02T00:00:00.000000Z"));
    transaction.commit();
  }
  EXPECT_EQ(store_->apiToken(secretHash(secret))->revoked_at, "2025-04-01T00:00:00.000000Z");
  EXPECT_EQ(store_->apiTokens("0999").size(), 1U);
  EXPECT_TRUE(store_->apiTokens("0998").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, Accounts, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

}  // namespace
}  // namespace styr::app
