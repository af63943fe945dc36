// Units, people, memberships and accounts over HTTP, on the Lerum demo: the tree everyone signed
// in reads, the people each demo login may read, and the administrator's changes with every
// refusal they could run into.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

class PeopleRoutes : public DemoApi {
 protected:
  std::int64_t auditSequence() { return store_->auditSequence("1441"); }

  //! The node of `code` in a unit tree, or null.
  static json findUnit(const json& node, const std::string& code) {
    if (node.is_null()) return nullptr;
    if (node["code"] == code) return node;
    for (const json& child : node["children"]) {
      json found = findUnit(child, code);
      if (!found.is_null()) return found;
    }
    return nullptr;
  }

  //! A request as a machine client holding `secret`: no cookie, no CSRF token.
  Reply asClient(const std::string& secret, bhttp::verb method, const std::string& target,
                 const std::optional<json>& payload = std::nullopt) {
    Message message = request(method, target, payload ? payload->dump() : std::string());
    message.set(bhttp::field::authorization, "Bearer " + secret);
    message.prepare_payload();
    return client_->roundTrip(message);
  }

  static std::vector<std::string> codesOf(const json& list, const char* field = "code") {
    std::vector<std::string> codes;
    for (const json& entry : list) codes.push_back(entry[field].get<std::string>());
    return codes;
  }

  //! The demo's employee of LAR-E01 who was given activities.
  static constexpr const char* kEmployee = "P00123";
  static constexpr const char* kOtherEmployee = "P00122";
  static constexpr const char* kUnitManager = "P00013";
  static constexpr const char* kSectorHead = "P00003";
  static constexpr const char* kAdministrator = "P00012";
};

TEST_F(PeopleRoutes, TheTreeHasTheCouncilAsRootAndTheFiveSectorsUnderTheChiefExecutive) {
  Reply reply = get("medarbetare", "/api/v1/units");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  json tree = body(reply);
  EXPECT_EQ(tree["as_of"], "2025-11-30");
  const json& root = tree["root"];
  EXPECT_EQ(root["code"], "KF");
  EXPECT_EQ(root["kind"], "council");
  EXPECT_EQ(root["parent"], "");
  EXPECT_EQ(codesOf(root["heads"], "person"), std::vector<std::string>{"P02622"});
  EXPECT_EQ(root["heads"][0]["name"], "Agneta Borg");
  EXPECT_EQ(root["heads"][0]["role"], "chair");

  json office = findUnit(root, "KD");
  ASSERT_FALSE(office.is_null());
  EXPECT_EQ(office["parent"], "KS");
  EXPECT_EQ(codesOf(office["children"]),
            (std::vector<std::string>{"SEK-IFO", "SEK-INT", "SEK-LAR", "SEK-SAM", "SEK-VOO"}));
  EXPECT_EQ(codesOf(office["heads"], "person"), (std::vector<std::string>{"P00001", "P00002"}));
  EXPECT_EQ(findUnit(root, "LAR-E01")["heads"][0]["person"], kUnitManager);
  // Without a day asked about, units that have closed are part of the history shown.
  json closed = findUnit(root, "LAR-A028");
  ASSERT_FALSE(closed.is_null());
  EXPECT_EQ(closed["valid_to"], "2024-06-30");
  EXPECT_TRUE(closed["heads"].empty());
}

TEST_F(PeopleRoutes, AsOfADayTheTreeShowsOnlyTheUnitsValidThatDayWithTheirHeadsThen) {
  json today = body(get("controller", "/api/v1/units?as_of=2025-11-30"));
  EXPECT_TRUE(findUnit(today["root"], "LAR-A028").is_null());
  EXPECT_FALSE(findUnit(today["root"], "LAR-E01").is_null());

  json then = body(get("controller", "/api/v1/units?as_of=2024-01-15"));
  EXPECT_EQ(then["as_of"], "2024-01-15");
  json closed = findUnit(then["root"], "LAR-A028");
  ASSERT_FALSE(closed.is_null());
  EXPECT_EQ(codesOf(closed["heads"], "person"), std::vector<std::string>{"P00033"});

  // Before the sectors were formed the administration was not there at all.
  json before = body(get("controller", "/api/v1/units?as_of=2022-06-01"));
  EXPECT_EQ(before["root"]["code"], "KF");
  EXPECT_TRUE(findUnit(before["root"], "KD").is_null());
}

TEST_F(PeopleRoutes, ABadDayIsABadRequestAndNobodyReadsNoUnits) {
  Reply bad = get("controller", "/api/v1/units?as_of=2025-02-30");
  EXPECT_EQ(bad.result_int(), 400);
  EXPECT_EQ(body(bad)["error"]["field"], "as_of");
  EXPECT_EQ(get("", "/api/v1/units").result_int(), 401);
  EXPECT_EQ(get("", "/api/v1/units/LAR-E01").result_int(), 401);
  EXPECT_EQ(get("", "/api/v1/people").result_int(), 401);
  EXPECT_EQ(get("", std::string("/api/v1/people/") + kEmployee).result_int(), 401);
  EXPECT_EQ(get("", "/api/v1/accounts").result_int(), 401);
}

TEST_F(PeopleRoutes, AUnitShowsAllItsMembersOnlyToThoseWhoMayReadItsPeople) {
  Reply as_manager = get("enhetschef", "/api/v1/units/LAR-E01");
  ASSERT_EQ(as_manager.result_int(), 200) << as_manager.body();
  json unit = body(as_manager);
  EXPECT_EQ(unit["name"], "Grundskola Aspenäs");
  EXPECT_EQ(unit["parent_name"], "Lärande");
  EXPECT_EQ(codesOf(unit["children"]), std::vector<std::string>{"LAR-A001"});
  EXPECT_TRUE(unit["all_members"]);
  EXPECT_EQ(codesOf(unit["memberships"], "person"),
            (std::vector<std::string>{kUnitManager, "P00122", kEmployee}));
  EXPECT_EQ(unit["memberships"][0]["role"], "head");

  json as_employee = body(get("medarbetare", "/api/v1/units/LAR-E01"));
  EXPECT_FALSE(as_employee["all_members"]);
  EXPECT_EQ(codesOf(as_employee["memberships"], "person"), std::vector<std::string>{kUnitManager});

  json council = body(get("ledamot", "/api/v1/units/KF"));
  EXPECT_FALSE(council["all_members"]);
  EXPECT_EQ(codesOf(council["memberships"], "person"), std::vector<std::string>{"P02622"});
  EXPECT_TRUE(council["parent_name"].is_null());

  Reply unknown = get("enhetschef", "/api/v1/units/LAR-E99");
  EXPECT_EQ(unknown.result_int(), 404);
  EXPECT_EQ(errorCode(unknown), "not_found");
}

TEST_F(PeopleRoutes, AnEmployeeReadsOnlyTheirOwnRecord) {
  json list = body(get("medarbetare", "/api/v1/people"));
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(codesOf(list["items"]), std::vector<std::string>{kEmployee});

  Reply own = get("medarbetare", std::string("/api/v1/people/") + kEmployee);
  ASSERT_EQ(own.result_int(), 200) << own.body();
  json person = body(own);
  EXPECT_EQ(person["code"], kEmployee);
  ASSERT_EQ(person["memberships"].size(), 1U);
  EXPECT_EQ(person["memberships"][0]["unit"], "LAR-E01");
  EXPECT_EQ(person["memberships"][0]["unit_name"], "Grundskola Aspenäs");
  EXPECT_TRUE(person["memberships"][0]["current"]);

  for (const char* other : {kOtherEmployee, kUnitManager, "P09999"}) {
    Reply refused = get("medarbetare", std::string("/api/v1/people/") + other);
    EXPECT_EQ(refused.result_int(), 404) << other;
  }
}

TEST_F(PeopleRoutes, TheUnitManagerReadsThePeopleOfTheirUnitAndNoOneAbove) {
  json unit = body(get("enhetschef", "/api/v1/people?unit=LAR-E01"));
  EXPECT_EQ(unit["total"], 3);
  // By family name: Sandberg, Viklund, and Åberg last, as Å sorts in Swedish.
  EXPECT_EQ(codesOf(unit["items"]),
            (std::vector<std::string>{kOtherEmployee, kEmployee, kUnitManager}));

  json subtree = body(get("enhetschef", "/api/v1/people?per_page=500"));
  EXPECT_GT(subtree["total"].get<int>(), 3);
  for (const json& person : subtree["items"]) {
    Reply one = get("enhetschef", "/api/v1/people/" + person["code"].get<std::string>());
    EXPECT_EQ(one.result_int(), 200) << person["code"];
    if (HasFailure()) break;
  }
  EXPECT_EQ(get("enhetschef", std::string("/api/v1/people/") + kOtherEmployee).result_int(), 200);
  EXPECT_EQ(get("enhetschef", std::string("/api/v1/people/") + kSectorHead).result_int(), 404);

  json elsewhere = body(get("enhetschef", "/api/v1/people?unit=LAR-E02"));
  EXPECT_EQ(elsewhere["total"], 0);
  Reply unknown = get("enhetschef", "/api/v1/people?unit=LAR-E99");
  EXPECT_EQ(unknown.result_int(), 400);
  EXPECT_EQ(body(unknown)["error"]["field"], "unit");
}

TEST_F(PeopleRoutes, ASearchIgnoresCaseAlsoInSwedishLettersAndTheListIsInSwedishOrder) {
  json upper = body(get("admin", "/api/v1/people?q=%C3%85BERG"));  // ÅBERG
  ASSERT_GT(upper["total"].get<int>(), 0);
  std::vector<std::string> codes = codesOf(upper["items"]);
  EXPECT_NE(std::find(codes.begin(), codes.end(), kUnitManager), codes.end());
  for (const json& person : upper["items"]) {
    std::string names =
        person["given_name"].get<std::string>() + " " + person["family_name"].get<std::string>();
    EXPECT_TRUE(names.find("åberg") != std::string::npos ||
                names.find("Åberg") != std::string::npos)
        << names;
  }
  EXPECT_EQ(body(get("admin", "/api/v1/people?q=viktor%20%C3%A5berg"))["total"], 1);

  // The whole directory: every family name starting with Å, Ä or Ö comes after Z's, in that
  // order.
  std::vector<int> ranks;
  for (int page = 1;; ++page) {
    json list = body(get("admin", "/api/v1/people?per_page=500&page=" + std::to_string(page)));
    for (const json& person : list["items"]) {
      std::string family = person["family_name"];
      int rank = family.rfind("Å", 0) == 0   ? 1
                 : family.rfind("Ä", 0) == 0 ? 2
                 : family.rfind("Ö", 0) == 0 ? 3
                                             : 0;
      ranks.push_back(rank);
    }
    if (list["items"].size() < 500) break;
  }
  EXPECT_EQ(ranks.size(), 2682U);
  EXPECT_TRUE(std::is_sorted(ranks.begin(), ranks.end()));
  EXPECT_GT(std::count(ranks.begin(), ranks.end(), 1), 0);
}

TEST_F(PeopleRoutes, TheAdministratorAddsAPersonAMembershipAndEndsIt) {
  std::int64_t before = auditSequence();
  Reply created = post("admin", "/api/v1/people",
                       {{"code", "P09001"},
                        {"given_name", "Åsa"},
                        {"family_name", "Öberg"},
                        {"email", "asa.oberg@lerum.example"}});
  ASSERT_EQ(created.result_int(), 201) << created.body();
  EXPECT_EQ(created[bhttp::field::location], "/api/v1/people/P09001");
  EXPECT_EQ(body(created)["memberships"], json::array());

  Reply added = post("admin", "/api/v1/people/P09001/memberships",
                     {{"unit", "LAR-E01"}, {"role", "employee"}, {"valid_from", "2025-12-01"}});
  ASSERT_EQ(added.result_int(), 201) << added.body();
  json membership = body(added);
  EXPECT_EQ(membership["person"], "P09001");
  EXPECT_EQ(membership["person_name"], "Åsa Öberg");
  EXPECT_EQ(membership["unit_name"], "Grundskola Aspenäs");
  EXPECT_TRUE(membership["valid_to"].is_null());
  EXPECT_FALSE(membership["current"]);  // from tomorrow

  // The unit manager may read a person of their unit once the membership is there.
  EXPECT_EQ(get("enhetschef", "/api/v1/people/P09001").result_int(), 404);

  Reply ended = post("admin", "/api/v1/people/P09001/memberships/end",
                     {{"unit", "LAR-E01"},
                      {"role", "employee"},
                      {"valid_from", "2025-12-01"},
                      {"valid_to", "2026-06-30"}});
  ASSERT_EQ(ended.result_int(), 200) << ended.body();
  EXPECT_EQ(body(ended)["valid_to"], "2026-06-30");
  EXPECT_EQ(auditSequence(), before + 3);

  json person = body(get("admin", "/api/v1/people/P09001"));
  ASSERT_EQ(person["memberships"].size(), 1U);
  EXPECT_EQ(person["memberships"][0]["valid_to"], "2026-06-30");

  Reply again = post("admin", "/api/v1/people/P09001/memberships/end",
                     {{"unit", "LAR-E01"},
                      {"role", "employee"},
                      {"valid_from", "2025-12-01"},
                      {"valid_to", "2026-12-31"}});
  EXPECT_EQ(again.result_int(), 409) << again.body();
  Reply none = post("admin", "/api/v1/people/P09001/memberships/end",
                    {{"unit", "LAR-E02"},
                     {"role", "employee"},
                     {"valid_from", "2025-12-01"},
                     {"valid_to", "2026-06-30"}});
  EXPECT_EQ(none.result_int(), 404) << none.body();
  EXPECT_EQ(auditSequence(), before + 3);
}

TEST_F(PeopleRoutes, TheUnitManagerReadsANewMemberFromTheDayTheMembershipStarts) {
  ASSERT_EQ(post("admin", "/api/v1/people",
                 {{"code", "P09001"}, {"given_name", "Åsa"}, {"family_name", "Öberg"}})
                .result_int(),
            201);
  ASSERT_EQ(post("admin", "/api/v1/people/P09001/memberships",
                 {{"unit", "LAR-A001"}, {"role", "employee"}, {"valid_from", "2025-11-01"}})
                .result_int(),
            201);
  EXPECT_EQ(get("enhetschef", "/api/v1/people/P09001").result_int(), 200);
  EXPECT_EQ(get("sektorschef", "/api/v1/people/P09001").result_int(), 200);
  EXPECT_EQ(get("medarbetare", "/api/v1/people/P09001").result_int(), 404);
}

TEST_F(PeopleRoutes, MembershipChangesAreRefusedAsTheRulesSayAndWriteNothing) {
  std::int64_t before = auditSequence();
  std::string own = std::string("/api/v1/people/") + kAdministrator + "/memberships";
  Reply self =
      post("admin", own, {{"unit", "KD"}, {"role", "controller"}, {"valid_from", "2025-12-01"}});
  EXPECT_EQ(self.result_int(), 403) << self.body();
  Reply end_own = post("admin", own + "/end",
                       {{"unit", "INT-E03"},
                        {"role", "administrator"},
                        {"valid_from", "2023-01-01"},
                        {"valid_to", "2025-12-31"}});
  EXPECT_EQ(end_own.result_int(), 403) << end_own.body();

  std::string employee = std::string("/api/v1/people/") + kEmployee + "/memberships";
  Reply role = post("admin", employee,
                    {{"unit", "LAR-A001"}, {"role", "boss"}, {"valid_from", "2025-12-01"}});
  EXPECT_EQ(role.result_int(), 400);
  EXPECT_EQ(body(role)["error"]["field"], "$.role");

  Reply duplicate = post("admin", employee,
                         {{"unit", "LAR-E01"}, {"role", "employee"}, {"valid_from", "2023-01-01"}});
  EXPECT_EQ(duplicate.result_int(), 409) << duplicate.body();
  Reply overlapping = post("admin", employee,
                           {{"unit", "LAR-E01"},
                            {"role", "employee"},
                            {"valid_from", "2025-06-01"},
                            {"valid_to", "2026-06-30"}});
  EXPECT_EQ(overlapping.result_int(), 409) << overlapping.body();
  EXPECT_EQ(body(overlapping)["error"]["field"], "valid_from");

  Reply backwards = post("admin", employee,
                         {{"unit", "LAR-A001"},
                          {"role", "employee"},
                          {"valid_from", "2025-12-01"},
                          {"valid_to", "2025-11-01"}});
  EXPECT_EQ(backwards.result_int(), 422) << backwards.body();
  EXPECT_EQ(errorCode(backwards), "rule_broken");
  Reply nowhere = post("admin", employee,
                       {{"unit", "LAR-E99"}, {"role", "employee"}, {"valid_from", "2025-12-01"}});
  EXPECT_EQ(nowhere.result_int(), 422) << nowhere.body();

  Reply other_person = post("admin", employee,
                            {{"person", kOtherEmployee},
                             {"unit", "LAR-A001"},
                             {"role", "employee"},
                             {"valid_from", "2025-12-01"}});
  EXPECT_EQ(other_person.result_int(), 400);
  EXPECT_EQ(body(other_person)["error"]["field"], "$.person");

  Reply by_manager =
      post("enhetschef", employee,
           {{"unit", "LAR-A001"}, {"role", "employee"}, {"valid_from", "2025-12-01"}});
  EXPECT_EQ(by_manager.result_int(), 403);
  Reply by_nobody = post(
      "", employee, {{"unit", "LAR-A001"}, {"role", "employee"}, {"valid_from", "2025-12-01"}});
  EXPECT_EQ(by_nobody.result_int(), 401);
  EXPECT_EQ(auditSequence(), before);
}

TEST_F(PeopleRoutes, OnlyAdministratorsAddPeopleAndEachCodeOnce) {
  std::int64_t before = auditSequence();
  json person{{"code", "P09001"}, {"given_name", "Åsa"}, {"family_name", "Öberg"}};
  EXPECT_EQ(post("enhetschef", "/api/v1/people", person).result_int(), 403);
  EXPECT_EQ(post("", "/api/v1/people", person).result_int(), 401);
  Reply taken = post("admin", "/api/v1/people",
                     {{"code", kEmployee}, {"given_name", "Åsa"}, {"family_name", "Öberg"}});
  EXPECT_EQ(taken.result_int(), 409);
  Reply missing = post("admin", "/api/v1/people", {{"code", "P09002"}, {"given_name", "Åsa"}});
  EXPECT_EQ(missing.result_int(), 400);
  EXPECT_EQ(body(missing)["error"]["field"], "$.family_name");
  EXPECT_EQ(auditSequence(), before);
  EXPECT_EQ(get("admin", "/api/v1/people/P09001").result_int(), 404);
}

TEST_F(PeopleRoutes, TheAdministratorCreatesAnAccountThatSignsInAndListsAccountsWithoutHashes) {
  std::int64_t before = auditSequence();
  Reply created = post("admin", "/api/v1/accounts",
                       {{"username", "viktor"},
                        {"person", kUnitManager},
                        {"administrator", false},
                        {"password", "ett långt lösenord"}});
  ASSERT_EQ(created.result_int(), 201) << created.body();
  json account = body(created);
  EXPECT_EQ(account["username"], "viktor");
  EXPECT_EQ(account["person"], kUnitManager);
  EXPECT_FALSE(account["administrator"]);
  EXPECT_FALSE(account.contains("password_hash"));
  EXPECT_EQ(auditSequence(), before + 1);

  Reply signed_in = call("", bhttp::verb::post, "/api/v1/session",
                         json{{"username", "viktor"}, {"password", "ett långt lösenord"}});
  EXPECT_EQ(signed_in.result_int(), 200) << signed_in.body();

  Reply listed = get("admin", "/api/v1/accounts");
  ASSERT_EQ(listed.result_int(), 200) << listed.body();
  EXPECT_EQ(listed.body().find("argon2"), std::string::npos);
  std::vector<std::string> usernames = codesOf(body(listed)["items"], "username");
  EXPECT_NE(std::find(usernames.begin(), usernames.end(), "viktor"), usernames.end());
  EXPECT_NE(std::find(usernames.begin(), usernames.end(), "admin"), usernames.end());
}

TEST_F(PeopleRoutes, AccountsAreRefusedToOthersAndForBadInput) {
  std::int64_t before = auditSequence();
  json wanted{{"username", "viktor"}, {"person", kUnitManager}, {"password", "ett långt lösenord"}};
  EXPECT_EQ(post("enhetschef", "/api/v1/accounts", wanted).result_int(), 403);
  EXPECT_EQ(post("", "/api/v1/accounts", wanted).result_int(), 401);
  EXPECT_EQ(get("enhetschef", "/api/v1/accounts").result_int(), 403);

  Reply short_password =
      post("admin", "/api/v1/accounts",
           {{"username", "viktor"}, {"person", kUnitManager}, {"password", "kort"}});
  EXPECT_EQ(short_password.result_int(), 400);
  EXPECT_EQ(body(short_password)["error"]["field"], "password");
  Reply flag = post("admin", "/api/v1/accounts",
                    {{"username", "viktor"},
                     {"person", kUnitManager},
                     {"administrator", "yes"},
                     {"password", "ett långt lösenord"}});
  EXPECT_EQ(flag.result_int(), 400);
  EXPECT_EQ(body(flag)["error"]["field"], "$.administrator");
  Reply taken = post(
      "admin", "/api/v1/accounts",
      {{"username", "enhetschef"}, {"person", kUnitManager}, {"password", "ett långt lösenord"}});
  EXPECT_EQ(taken.result_int(), 409);
  EXPECT_EQ(auditSequence(), before);
}

TEST_F(PeopleRoutes, AMachineClientManagesPeopleWithAdministerAndReadsThemOnlyWithRead) {
  Reply token =
      post("admin", "/api/v1/tokens", {{"name", "hr-system"}, {"scopes", {"administer"}}});
  ASSERT_EQ(token.result_int(), 201) << token.body();
  std::string secret = body(token)["secret"];

  Reply added = asClient(secret, bhttp::verb::post, "/api/v1/people",
                         json{{"code", "P09001"}, {"given_name", "Åsa"}, {"family_name", "Öberg"}});
  EXPECT_EQ(added.result_int(), 201) << added.body();
  auto trail = store_->auditEntriesOf("1441", "person", "P09001");
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_EQ(trail[0].actor, "P00012 (admin) via token hr-system");

  Reply listed = asClient(secret, bhttp::verb::get, "/api/v1/people");
  EXPECT_EQ(listed.result_int(), 403) << listed.body();
  EXPECT_EQ(asClient(secret, bhttp::verb::get, "/api/v1/people/P09001").result_int(), 404);
}

}  // namespace
}  // namespace styr::http::test
