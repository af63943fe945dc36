// Signing in and out over HTTP against a real server and a real SQLite store.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/add_account.hpp"
#include "app/import_organisation.hpp"
#include "demo/generator.hpp"
#include "http/health.hpp"
#include "http/http_test_support.hpp"
#include "http/session_routes.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::http::test {
namespace {

class SessionRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = std::make_unique<styr::test::TestDatabase>(styr::test::BackendKind::sqlite,
                                                           "session_routes");
    store_ = store::openStore(database_->db());
    auto data = demo::generateMunicipality("0999", "Provkommunen", 2);
    ASSERT_TRUE(app::importOrganisation(*store_, clock_, "test", data));
    ASSERT_TRUE(
        app::addAccount(*store_, clock_, "test",
                        {"0999", "anna", data.people.front().code, false, "ett långt lösenord"}));
    context_.store = [this]() -> app::Store& { return *store_; };
    context_.clock = &clock_;
    Router router;
    addHealthRoute(router);
    addSessionRoutes(router, context_);
    ServerOptions options;
    options.threads = 1;  // the test's one store connection is not shared between threads
    server_ = std::make_unique<RunningServer>(std::move(router), options);
    client_ = std::make_unique<TestClient>(server_->server().port());
  }

  Reply signIn(const std::string& username, const std::string& password) {
    return client_->roundTrip(
        request(bhttp::verb::post, "/api/v1/session",
                nlohmann::json{{"username", username}, {"password", password}}.dump()));
  }

  static std::string cookieOf(const Reply& reply) {
    std::string header(reply[bhttp::field::set_cookie]);
    return header.substr(0, header.find(';'));
  }

  app::SystemClock clock_;
  std::unique_ptr<styr::test::TestDatabase> database_;
  std::unique_ptr<app::Store> store_;
  ApiContext context_;
  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<TestClient> client_;
};

TEST_F(SessionRoutes, SigningInSetsAStrictHttpOnlyCookieAndSaysWhoIsSignedIn) {
  Reply reply = signIn("anna", "ett långt lösenord");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  std::string cookie(reply[bhttp::field::set_cookie]);
  EXPECT_EQ(cookie.rfind("styr_session=", 0), 0U) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  auto body = nlohmann::json::parse(reply.body());
  EXPECT_EQ(body["username"], "anna");
  EXPECT_EQ(body["organisation"], "0999");
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 64U);
  EXPECT_FALSE(body["memberships"].empty());

  Message who = get("/api/v1/session");
  who.set(bhttp::field::cookie, cookieOf(reply));
  Reply again = client_->roundTrip(who);
  ASSERT_EQ(again.result_int(), 200) << again.body();
  EXPECT_EQ(nlohmann::json::parse(again.body())["username"], "anna");
}

TEST_F(SessionRoutes, WrongPasswordsAndUnknownUsersGetTheSameAnswer) {
  Reply wrong = signIn("anna", "fel lösenord");
  Reply unknown = signIn("bertil", "fel lösenord");
  EXPECT_EQ(wrong.result_int(), 401);
  EXPECT_EQ(unknown.result_int(), 401);
  EXPECT_EQ(wrong.body(), unknown.body());
  EXPECT_TRUE(wrong[bhttp::field::set_cookie].empty());
}

TEST_F(SessionRoutes, NobodySignedInIsToldSo) {
  Reply reply = client_->roundTrip(get("/api/v1/session"));
  EXPECT_EQ(reply.result_int(), 401);
  EXPECT_EQ(nlohmann::json::parse(reply.body())["error"]["code"], "unauthenticated");
  Message forged = get("/api/v1/session");
  forged.set(bhttp::field::cookie, "styr_session=0123456789abcdef");
  EXPECT_EQ(client_->roundTrip(forged).result_int(), 401);
}

TEST_F(SessionRoutes, MalformedSignInsAreRefusedWithWhatIsWrong) {
  Reply not_json = client_->roundTrip(request(bhttp::verb::post, "/api/v1/session", "{user"));
  EXPECT_EQ(not_json.result_int(), 400);
  Reply missing =
      client_->roundTrip(request(bhttp::verb::post, "/api/v1/session", R"({"username": 7})"));
  EXPECT_EQ(missing.result_int(), 400);
  auto error = nlohmann::json::parse(missing.body())["error"];
  EXPECT_EQ(error["field"], "username");
  EXPECT_EQ(error["details"].size(), 2U);
}

TEST_F(SessionRoutes, SigningOutNeedsTheCsrfTokenAndEndsTheSession) {
  Reply signed_in = signIn("anna", "ett långt lösenord");
  ASSERT_EQ(signed_in.result_int(), 200);
  std::string cookie = cookieOf(signed_in);
  std::string csrf = nlohmann::json::parse(signed_in.body())["csrf_token"];

  Message without = request(bhttp::verb::delete_, "/api/v1/session");
  without.set(bhttp::field::cookie, cookie);
  Reply refused = client_->roundTrip(without);
  EXPECT_EQ(refused.result_int(), 403);
  EXPECT_EQ(nlohmann::json::parse(refused.body())["error"]["field"], "X-CSRF-Token");

  Message with = request(bhttp::verb::delete_, "/api/v1/session");
  with.set(bhttp::field::cookie, cookie);
  with.set("X-CSRF-Token", csrf);
  Reply done = client_->roundTrip(with);
  EXPECT_EQ(done.result_int(), 204);
  EXPECT_NE(std::string(done[bhttp::field::set_cookie]).find("Max-Age=0"), std::string::npos);

  Message after = get("/api/v1/session");
  after.set(bhttp::field::cookie, cookie);
  EXPECT_EQ(client_->roundTrip(after).result_int(), 401);
}

TEST_F(SessionRoutes, RepeatedFailuresAreSlowedDownEvenForTheRightPassword) {
  // Five failures cost nothing; after them, every attempt must wait.
  for (int attempt = 0; attempt < 5; ++attempt) {
    ASSERT_EQ(signIn("anna", "fel lösenord").result_int(), 401) << attempt;
  }
  Reply slowed = signIn("anna", "ett långt lösenord");
  EXPECT_EQ(slowed.result_int(), 429) << slowed.body();
  EXPECT_FALSE(slowed[bhttp::field::retry_after].empty());
  EXPECT_EQ(nlohmann::json::parse(slowed.body())["error"]["code"], "too_many_requests");
  EXPECT_TRUE(slowed[bhttp::field::set_cookie].empty());
}

}  // namespace
}  // namespace styr::http::test
