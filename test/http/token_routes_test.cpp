// API tokens over HTTP, on the Lerum demo: a machine client gets a token from a person, acts
// with it without cookies or CSRF token within its scopes and its creator's rights, and loses
// it when it is revoked; the secret is shown once and never stored.

#include <gtest/gtest.h>
#include <sodium.h>
#include <sqlite3.h>

#include <array>

#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

class TokenRoutes : public DemoApi {
 protected:
  Reply createToken(const std::string& username, const std::string& name, const json& scopes) {
    return post(username, "/api/v1/tokens", {{"name", name}, {"scopes", scopes}});
  }
  //! A request as a machine client: the bearer token only, no cookie, no CSRF token.
  Reply asClient(const std::string& secret, bhttp::verb method, const std::string& target,
                 const std::string& body = {}, const std::string& content_type = {}) {
    Message message = request(method, target, body);
    message.set(bhttp::field::authorization, "Bearer " + secret);
    if (!content_type.empty()) message.set(bhttp::field::content_type, content_type);
    message.prepare_payload();
    return client_->roundTrip(message);
  }
  Reply revoke(const std::string& username, const std::string& name) {
    return call(username, bhttp::verb::delete_, "/api/v1/tokens/" + name);
  }
  std::int64_t auditSequence() { return store_->auditSequence("1441"); }
  static std::vector<std::string> where(const Reply& reply) {
    std::vector<std::string> places;
    json error = body(reply);
    for (const auto& detail : error["error"]["details"]) places.push_back(detail["where"]);
    return places;
  }
  static std::vector<std::string> namesIn(const Reply& reply) {
    std::vector<std::string> names;
    json listed = body(reply);
    for (const auto& token : listed["tokens"]) names.push_back(token["name"]);
    return names;
  }
};

TEST_F(TokenRoutes, AControllersImportTokenExportsWithoutCookieOrCsrfAndStopsWhenRevoked) {
  std::int64_t before = auditSequence();
  Reply created = createToken("controller", "ekonomisystemet", {"import"});
  ASSERT_EQ(created.result_int(), 201) << created.body();
  EXPECT_EQ(auditSequence(), before + 1);
  json token = body(created);
  EXPECT_EQ(token["name"], "ekonomisystemet");
  EXPECT_EQ(token["scopes"], json({"import"}));
  EXPECT_EQ(token["created_by"], "controller");
  EXPECT_EQ(token["created_at"], "2025-11-30T11:00:00.000000Z");
  EXPECT_TRUE(token["revoked_at"].is_null());
  EXPECT_EQ(created[bhttp::field::cache_control], "no-store");
  std::string secret = token["secret"];
  ASSERT_GE(secret.size(), 32U);

  Reply exported = asClient(secret, bhttp::verb::get, "/api/v1/export");
  ASSERT_EQ(exported.result_int(), 200) << exported.body();
  EXPECT_EQ(body(exported)["organisation"]["code"], "1441");

  // The scope import reaches import and export, not what needs the scope read.
  for (const std::string target :
       {"/api/v1/coverage", "/api/v1/stats", "/api/v1/audit?record_kind=unit&record=KF"}) {
    Reply refused = asClient(secret, bhttp::verb::get, target);
    EXPECT_EQ(refused.result_int(), 403) << target << ": " << refused.body();
    EXPECT_NE(refused.body().find("needs the scope read"), std::string::npos) << refused.body();
  }

  // A change without the session's CSRF token: a machine client sends none.
  Reply imported = asClient(secret, bhttp::verb::post, "/api/v1/import?kind=units",
                            "code,name,kind,parent,valid_from,valid_to\n"
                            "LAR-A901,Förskolan Ekhagen,workplace,LAR-E01,2026-01-01,\n",
                            "text/csv");
  ASSERT_EQ(imported.result_int(), 200) << imported.body();
  auto trail = store_->auditEntriesOf("1441", "unit", "LAR-A901");
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_NE(trail[0].actor.find("via token ekonomisystemet"), std::string::npos) << trail[0].actor;

  before = auditSequence();
  Reply revoked = revoke("controller", "ekonomisystemet");
  ASSERT_EQ(revoked.result_int(), 200) << revoked.body();
  EXPECT_EQ(auditSequence(), before + 1);
  EXPECT_EQ(body(revoked)["revoked_at"], "2025-11-30T11:00:00.000000Z");
  EXPECT_FALSE(body(revoked).contains("secret"));

  Reply after = asClient(secret, bhttp::verb::get, "/api/v1/export");
  EXPECT_EQ(after.result_int(), 401) << after.body();
  EXPECT_EQ(errorCode(after), "unauthenticated");
}

TEST_F(TokenRoutes, TheStoreKeepsOnlyTheSecretsSha256) {
  Reply created = createToken("controller", "kolada", {"import", "read"});
  ASSERT_EQ(created.result_int(), 201) << created.body();
  std::string secret = body(created)["secret"];

  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(database_->db().c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT * FROM api_tokens", -1, &statement, nullptr), SQLITE_OK);
  int rows = 0;
  bool hash_found = false;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    ++rows;
    for (int column = 0; column < sqlite3_column_count(statement); ++column) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
      std::string value = text == nullptr ? std::string() : std::string(text);
      EXPECT_EQ(value.find(secret), std::string::npos)
          << "column " << sqlite3_column_name(statement, column) << " holds the secret";
      if (value == hex.data()) hash_found = true;
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  EXPECT_EQ(rows, 1);
  EXPECT_TRUE(hash_found) << "no column holds the secret's SHA-256";

  // Nor does listing show it again.
  Reply listed = get("controller", "/api/v1/tokens");
  ASSERT_EQ(listed.result_int(), 200) << listed.body();
  EXPECT_EQ(listed.body().find(secret), std::string::npos);
  EXPECT_EQ(listed.body().find(hex.data()), std::string::npos);
  EXPECT_FALSE(body(listed)["tokens"][0].contains("secret"));
}

TEST_F(TokenRoutes, EveryoneListsTheirOwnTokensAndTheAdministratorAll) {
  ASSERT_EQ(createToken("controller", "ekonomisystemet", {"import"}).result_int(), 201);
  ASSERT_EQ(createToken("kd", "ledningsinfo", {"read"}).result_int(), 201);
  ASSERT_EQ(revoke("kd", "ledningsinfo").result_int(), 200);

  EXPECT_EQ(namesIn(get("controller", "/api/v1/tokens")),
            std::vector<std::string>{"ekonomisystemet"});
  Reply own = get("kd", "/api/v1/tokens");
  ASSERT_EQ(namesIn(own), std::vector<std::string>{"ledningsinfo"});
  EXPECT_FALSE(body(own)["tokens"][0]["revoked_at"].is_null());  // revoked ones too
  EXPECT_EQ(namesIn(get("medarbetare", "/api/v1/tokens")), std::vector<std::string>{});
  EXPECT_EQ(namesIn(get("admin", "/api/v1/tokens")),
            (std::vector<std::string>{"ekonomisystemet", "ledningsinfo"}));

  Reply nobody = get("", "/api/v1/tokens");
  EXPECT_EQ(nobody.result_int(), 401) << nobody.body();
}

TEST_F(TokenRoutes, OnlyTheCreatorOrAnAdministratorRevokesAndOthersDoNotLearnTheName) {
  ASSERT_EQ(createToken("controller", "ekonomisystemet", {"import"}).result_int(), 201);
  std::int64_t before = auditSequence();

  Reply stranger = revoke("kd", "ekonomisystemet");
  EXPECT_EQ(stranger.result_int(), 404) << stranger.body();
  EXPECT_EQ(body(stranger)["error"]["message"], "there is no valid token named ekonomisystemet");
  EXPECT_EQ(revoke("kd", "finns-inte").result_int(), 404);
  EXPECT_EQ(auditSequence(), before);

  Reply by_admin = revoke("admin", "ekonomisystemet");
  ASSERT_EQ(by_admin.result_int(), 200) << by_admin.body();
  EXPECT_EQ(auditSequence(), before + 1);
  auto trail = store_->auditEntriesOf("1441", "api_token", "ekonomisystemet");
  ASSERT_EQ(trail.size(), 2U);
  EXPECT_EQ(trail[1].action, "api_token.revoked");
  EXPECT_NE(trail[1].actor.find("(admin)"), std::string::npos) << trail[1].actor;

  Reply again = revoke("controller", "ekonomisystemet");
  EXPECT_EQ(again.result_int(), 404) << again.body();
  EXPECT_EQ(auditSequence(), before + 1);
}

TEST_F(TokenRoutes, ABadRequestListsEveryProblemAndWritesNothing) {
  std::int64_t before = auditSequence();
  Reply bad = createToken("controller", "Ekonomi System", {"import", "everything", 7});
  ASSERT_EQ(bad.result_int(), 400) << bad.body();
  EXPECT_EQ(where(bad), std::vector<std::string>{"$.scopes[2]"});  // the body's shape first

  bad = createToken("controller", "Ekonomi System", {"import", "everything"});
  ASSERT_EQ(bad.result_int(), 400) << bad.body();
  EXPECT_EQ(where(bad), (std::vector<std::string>{"name", "scopes[1]"}));

  Reply no_scopes = post("controller", "/api/v1/tokens", {{"name", "tom"}});
  EXPECT_EQ(no_scopes.result_int(), 400) << no_scopes.body();
  Reply unknown_field =
      post("controller", "/api/v1/tokens", {{"name", "ok-name"}, {"scopes", {"read"}}, {"x", 1}});
  EXPECT_EQ(unknown_field.result_int(), 400) << unknown_field.body();
  EXPECT_EQ(auditSequence(), before);

  ASSERT_EQ(createToken("controller", "ekonomisystemet", {"import"}).result_int(), 201);
  ASSERT_EQ(revoke("controller", "ekonomisystemet").result_int(), 200);
  before = auditSequence();
  Reply taken = createToken("kd", "ekonomisystemet", {"read"});
  EXPECT_EQ(taken.result_int(), 409) << taken.body();  // revoked names stay taken
  EXPECT_EQ(auditSequence(), before);
}

TEST_F(TokenRoutes, ChangingTokensWithASessionNeedsItsCsrfToken) {
  Message message = request(bhttp::verb::post, "/api/v1/tokens",
                            json{{"name", "ekonomisystemet"}, {"scopes", {"import"}}}.dump());
  message.set(bhttp::field::cookie, DemoTemplate::instance().session("controller").cookie);
  message.prepare_payload();
  Reply reply = client_->roundTrip(message);
  EXPECT_EQ(reply.result_int(), 403) << reply.body();
  EXPECT_EQ(namesIn(get("controller", "/api/v1/tokens")), std::vector<std::string>{});
}

TEST_F(TokenRoutes, ATokenDoesNoMoreThanItsCreatorNorMoreThanItsScopes) {
  // An employee's token carries the scope import, but the employee may not export.
  Reply employees = createToken("medarbetare", "mitt-skript", {"import", "read"});
  ASSERT_EQ(employees.result_int(), 201) << employees.body();
  Reply exported = asClient(body(employees)["secret"], bhttp::verb::get, "/api/v1/export");
  EXPECT_EQ(exported.result_int(), 403) << exported.body();

  // A token without the scope administer neither lists nor revokes its creator's tokens.
  Reply reader = createToken("controller", "lasare", {"read"});
  ASSERT_EQ(reader.result_int(), 201);
  std::string secret = body(reader)["secret"];
  Reply listed = asClient(secret, bhttp::verb::get, "/api/v1/tokens");
  EXPECT_EQ(listed.result_int(), 403) << listed.body();
  std::int64_t before = auditSequence();
  Reply revoked = asClient(secret, bhttp::verb::delete_, "/api/v1/tokens/lasare");
  EXPECT_EQ(revoked.result_int(), 403) << revoked.body();
  EXPECT_EQ(auditSequence(), before);
  Reply created = asClient(secret, bhttp::verb::post, "/api/v1/tokens",
                           json{{"name", "fler"}, {"scopes", {"read"}}}.dump(), "application/json");
  EXPECT_EQ(created.result_int(), 403) << created.body();

  // With administer it manages its creator's tokens, itself included.
  Reply manager = createToken("controller", "forvaltare", {"administer"});
  ASSERT_EQ(manager.result_int(), 201);
  std::string manager_secret = body(manager)["secret"];
  EXPECT_EQ(namesIn(asClient(manager_secret, bhttp::verb::get, "/api/v1/tokens")),
            (std::vector<std::string>{"forvaltare", "lasare"}));
  before = auditSequence();
  Reply revoked_reader = asClient(manager_secret, bhttp::verb::delete_, "/api/v1/tokens/lasare");
  EXPECT_EQ(revoked_reader.result_int(), 200) << revoked_reader.body();
  EXPECT_EQ(auditSequence(), before + 1);
  EXPECT_EQ(asClient(secret, bhttp::verb::get, "/api/v1/items").result_int(), 401);
}

TEST_F(TokenRoutes, ABrokenAuthorizationHeaderIsUnauthenticatedNotThePublic) {
  Message message = request(bhttp::verb::get, "/api/v1/export");
  message.set(bhttp::field::authorization, "Basic Y29udHJvbGxlcjpkZW1v");
  message.prepare_payload();
  Reply reply = client_->roundTrip(message);
  EXPECT_EQ(reply.result_int(), 401) << reply.body();
  EXPECT_EQ(asClient("not-a-token", bhttp::verb::get, "/api/v1/items").result_int(), 401);
}

}  // namespace
}  // namespace styr::http::test
