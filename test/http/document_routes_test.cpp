// Steering documents over HTTP, on the Lerum demo: the controller, secretary of KF and KS,
// prepares a policy the board decides and later revises it; everyone else is refused as the
// permission table says, and the public sees only what was decided.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

class DocumentRoutes : public DemoApi {
 protected:
  //! The controller's draft of a KS climate policy.
  Reply createDraft(const json& overrides = json::object()) {
    json draft{{"code", "POLICY-KLIMAT"}, {"kind", "policy"},
               {"title", "Klimatpolicy"}, {"summary", "Hur kommunen minskar sina utsläpp."},
               {"deciding_body", "KS"},   {"valid_from", "2026-01-01"}};
    draft.update(overrides);
    return post("controller", "/api/v1/documents", draft);
  }
  Reply patch(const std::string& user, const std::string& target, const json& change,
              const std::string& if_match = {}) {
    return call(user, bhttp::verb::patch, target, change, if_match);
  }
  Reply postIf(const std::string& user, const std::string& target, const json& body,
               const std::string& if_match) {
    return call(user, bhttp::verb::post, target, body, if_match);
  }
  static json decision(const std::string& date, const std::string& paragraph) {
    return {{"date", date}, {"minute_paragraph", paragraph}, {"case_number", "KS 2025/0456"}};
  }
  static std::vector<std::string> wheres(const Reply& reply) {
    std::vector<std::string> found;
    json error = body(reply)["error"];
    for (const auto& detail : error["details"]) found.push_back(detail["where"]);
    return found;
  }
  static bool has(const json& array, const std::string& value) {
    return std::find(array.begin(), array.end(), value) != array.end();
  }
  std::int64_t auditSequence() { return store_->auditSequence("1441"); }
};

TEST_F(DocumentRoutes, TheControllerPreparesAPolicyTheBoardDecidesAndARevisionSupersedesIt) {
  Reply created = createDraft();
  ASSERT_EQ(created.result_int(), 201) << created.body();
  EXPECT_EQ(created[bhttp::field::location], "/api/v1/documents/POLICY-KLIMAT");
  json draft = body(created);
  EXPECT_EQ(draft["version"], 1);
  EXPECT_EQ(draft["status"], "draft");
  EXPECT_EQ(draft["deciding_body_name"], "Kommunstyrelsen");
  EXPECT_TRUE(has(draft["may"], "create_document")) << draft["may"];
  EXPECT_TRUE(has(draft["may"], "record_decision")) << draft["may"];
  std::string etag(created[bhttp::field::etag]);
  ASSERT_FALSE(etag.empty());

  Reply edited = patch("controller", "/api/v1/documents/POLICY-KLIMAT",
                       {{"title", "Klimat- och energipolicy"}}, etag);
  ASSERT_EQ(edited.result_int(), 200) << edited.body();
  EXPECT_EQ(body(edited)["title"], "Klimat- och energipolicy");
  EXPECT_EQ(body(edited)["summary"], "Hur kommunen minskar sina utsläpp.");
  std::string edited_etag(edited[bhttp::field::etag]);
  EXPECT_NE(edited_etag, etag);

  Reply decided = postIf("controller", "/api/v1/documents/POLICY-KLIMAT/decision",
                         decision("2025-11-26", "§ 190"), edited_etag);
  ASSERT_EQ(decided.result_int(), 200) << decided.body();
  EXPECT_EQ(body(decided)["status"], "decided");
  EXPECT_EQ(body(decided)["decision"]["case_number"], "KS 2025/0456");
  EXPECT_EQ(body(decided)["may"], json::array({"revise_document"}));

  Reply revised = postIf("controller", "/api/v1/documents/POLICY-KLIMAT/revisions",
                         {{"valid_from", "2026-07-01"}, {"summary", "Skärpta mål."}},
                         std::string(decided[bhttp::field::etag]));
  ASSERT_EQ(revised.result_int(), 201) << revised.body();
  EXPECT_EQ(body(revised)["version"], 2);
  EXPECT_EQ(body(revised)["status"], "draft");
  EXPECT_EQ(body(revised)["title"], "Klimat- och energipolicy");
  EXPECT_TRUE(has(body(revised)["may"], "revise_document"));

  Reply second = post("controller", "/api/v1/documents/POLICY-KLIMAT/decision",
                      decision("2025-11-28", "§ 195"));
  ASSERT_EQ(second.result_int(), 200) << second.body();

  Reply read = get("controller", "/api/v1/documents/POLICY-KLIMAT");
  ASSERT_EQ(read.result_int(), 200) << read.body();
  json versions = body(read)["versions"];
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[0]["version"], 2);
  EXPECT_EQ(versions[0]["status"], "decided");
  EXPECT_EQ(versions[0]["summary"], "Skärpta mål.");
  EXPECT_EQ(versions[1]["version"], 1);
  EXPECT_EQ(versions[1]["status"], "superseded");
  EXPECT_EQ(versions[1]["valid_to"], "2026-06-30");
  EXPECT_EQ(versions[1]["may"], json::array());
  EXPECT_EQ(read[bhttp::field::etag], second[bhttp::field::etag]);

  // Both decided versions are public records.
  Reply public_read = get("", "/api/v1/documents/POLICY-KLIMAT");
  ASSERT_EQ(public_read.result_int(), 200) << public_read.body();
  EXPECT_EQ(body(public_read)["versions"].size(), 2U);
  EXPECT_EQ(body(public_read)["versions"][0]["may"], json::array());
}

TEST_F(DocumentRoutes, EveryStepWritesExactlyOneAuditEntry) {
  auto before = auditSequence();
  ASSERT_EQ(createDraft().result_int(), 201);
  EXPECT_EQ(auditSequence(), before + 1);
  ASSERT_EQ(
      patch("controller", "/api/v1/documents/POLICY-KLIMAT", {{"summary", "Ny."}}).result_int(),
      200);
  EXPECT_EQ(auditSequence(), before + 2);
  ASSERT_EQ(
      post("controller", "/api/v1/documents/POLICY-CHEF/revisions", {{"valid_from", "2026-01-01"}})
          .result_int(),
      201);
  EXPECT_EQ(auditSequence(), before + 3);
  ASSERT_EQ(
      post("controller", "/api/v1/documents/POLICY-CHEF/decision", decision("2025-11-26", "§ 191"))
          .result_int(),
      200);
  EXPECT_EQ(auditSequence(), before + 4) << "superseding is part of the decision's one entry";
}

TEST_F(DocumentRoutes, TheUnitManagerIsRefused) {
  Reply created = post("enhetschef", "/api/v1/documents",
                       {{"code", "POLICY-KLIMAT"},
                        {"kind", "policy"},
                        {"title", "Klimatpolicy"},
                        {"deciding_body", "KS"},
                        {"valid_from", "2026-01-01"}});
  EXPECT_EQ(created.result_int(), 403) << created.body();
  EXPECT_EQ(errorCode(created), "forbidden");
  Reply revised = post("enhetschef", "/api/v1/documents/POLICY-CHEF/revisions");
  EXPECT_EQ(revised.result_int(), 403) << revised.body();
  // Members of the board read its decided documents but do not record them.
  Reply chair = post("ordforande", "/api/v1/documents/POLICY-CHEF/revisions");
  EXPECT_EQ(chair.result_int(), 403) << chair.body();
  Reply decided =
      post("enhetschef", "/api/v1/documents/POLICY-CHEF/decision", decision("2025-11-26", "§ 191"));
  EXPECT_EQ(decided.result_int(), 403) << decided.body();
  EXPECT_EQ(body(get("controller", "/api/v1/documents/POLICY-CHEF"))["versions"].size(), 1U)
      << "a refused revision leaves no version behind";
}

TEST_F(DocumentRoutes, NobodySignedInListsOnlyDecidedDocuments) {
  ASSERT_EQ(createDraft().result_int(), 201);
  Reply controller_list = get("controller", "/api/v1/documents?per_page=500");
  ASSERT_EQ(controller_list.result_int(), 200) << controller_list.body();
  std::set<std::string> controller_sees;
  json controller_page = body(controller_list);
  for (const auto& version : controller_page["items"]) {
    controller_sees.insert(version["code"].get<std::string>());
  }
  EXPECT_TRUE(controller_sees.count("POLICY-KLIMAT"));

  Reply list = get("", "/api/v1/documents?per_page=500");
  ASSERT_EQ(list.result_int(), 200) << list.body();
  json page = body(list);
  EXPECT_EQ(page["total"], body(controller_list)["total"].get<int>() - 1);
  bool superseded_seen = false;
  for (const auto& version : page["items"]) {
    EXPECT_NE(version["status"], "draft") << version.dump();
    EXPECT_NE(version["code"], "POLICY-KLIMAT");
    superseded_seen = superseded_seen || version["status"] == "superseded";
  }
  EXPECT_TRUE(superseded_seen) << "superseded versions are public records too";
  EXPECT_EQ(get("", "/api/v1/documents/POLICY-KLIMAT").result_int(), 404);
  EXPECT_EQ(get("ledamot", "/api/v1/documents/POLICY-KLIMAT").result_int(), 404);
  EXPECT_EQ(post("", "/api/v1/documents/POLICY-KLIMAT/decision", decision("2025-11-26", "§ 1"))
                .result_int(),
            401);
}

TEST_F(DocumentRoutes, FiltersNarrowTheList) {
  Reply budgets = get("", "/api/v1/documents?kind=budget&year=2025");
  ASSERT_EQ(budgets.result_int(), 200) << budgets.body();
  ASSERT_EQ(body(budgets)["total"], 1);
  EXPECT_EQ(body(budgets)["items"][0]["code"], "BUDGET-2025");
  EXPECT_FALSE(body(budgets)["items"][0].contains("appropriations"));

  Reply superseded = get("", "/api/v1/documents?status=superseded");
  ASSERT_EQ(body(superseded)["total"], 1);
  EXPECT_EQ(body(superseded)["items"][0]["code"], "POLICY-INFOSAK");
  EXPECT_EQ(body(superseded)["items"][0]["version"], 1);

  Reply by_council = get("", "/api/v1/documents?deciding_body=KF&per_page=2&page=2");
  ASSERT_EQ(by_council.result_int(), 200);
  EXPECT_EQ(body(by_council)["items"].size(), 2U);
  json council_page = body(by_council);
  for (const auto& version : council_page["items"]) EXPECT_EQ(version["deciding_body"], "KF");

  Reply wrong = get("", "/api/v1/documents?kind=pamphlet&status=lost");
  EXPECT_EQ(wrong.result_int(), 400);
  EXPECT_EQ(wheres(wrong), (std::vector<std::string>{"kind", "status"}));
}

TEST_F(DocumentRoutes, AStaleIfMatchIsAConflictAndChangesNothing) {
  Reply created = createDraft();
  ASSERT_EQ(created.result_int(), 201);
  std::string first(created[bhttp::field::etag]);
  ASSERT_EQ(patch("controller", "/api/v1/documents/POLICY-KLIMAT", {{"summary", "Andra."}}, first)
                .result_int(),
            200);
  auto before = auditSequence();
  Reply stale =
      patch("controller", "/api/v1/documents/POLICY-KLIMAT", {{"summary", "Tredje."}}, first);
  EXPECT_EQ(stale.result_int(), 409) << stale.body();
  EXPECT_EQ(errorCode(stale), "conflict");
  Reply stale_decision = postIf("controller", "/api/v1/documents/POLICY-KLIMAT/decision",
                                decision("2025-11-26", "§ 190"), first);
  EXPECT_EQ(stale_decision.result_int(), 409) << stale_decision.body();
  EXPECT_EQ(auditSequence(), before);
  json now = body(get("controller", "/api/v1/documents/POLICY-KLIMAT"))["versions"][0];
  EXPECT_EQ(now["summary"], "Andra.");
  EXPECT_EQ(now["status"], "draft");

  Reply not_a_tag =
      patch("controller", "/api/v1/documents/POLICY-KLIMAT", {{"summary", "x"}}, "W/1");
  EXPECT_EQ(not_a_tag.result_int(), 400) << not_a_tag.body();
}

TEST_F(DocumentRoutes, ADecidedDocumentIsLockedAndOnlyABudgetAppropriates) {
  Reply locked = patch("controller", "/api/v1/documents/POLICY-CHEF", {{"title", "Ny"}});
  EXPECT_EQ(locked.result_int(), 409) << locked.body();
  EXPECT_EQ(errorCode(locked), "locked");

  auto before = auditSequence();
  Reply money =
      createDraft({{"appropriations",
                    json::array({{{"unit", "SEK-LAR"}, {"year", 2026}, {"amount_sek", 5}}})}});
  EXPECT_EQ(money.result_int(), 422) << money.body();
  EXPECT_EQ(body(money)["error"]["details"][0]["rule"], "D6");
  EXPECT_EQ(auditSequence(), before);

  Reply existing = createDraft({{"code", "POLICY-CHEF"}});
  EXPECT_EQ(existing.result_int(), 409) << existing.body();
  EXPECT_EQ(errorCode(existing), "conflict");
}

TEST_F(DocumentRoutes, MalformedBodiesAre400WithTheFieldsPath) {
  auto before = auditSequence();
  Reply not_json = call("controller", bhttp::verb::post, "/api/v1/documents", std::nullopt);
  EXPECT_EQ(not_json.result_int(), 400);
  Reply bad = post("controller", "/api/v1/documents",
                   {{"code", "POLICY-X"},
                    {"kind", "pamphlet"},
                    {"title", 5},
                    {"deciding_body", "KS"},
                    {"valid_from", "2026-02-30"},
                    {"status", "decided"}});
  ASSERT_EQ(bad.result_int(), 400) << bad.body();
  auto found = wheres(bad);
  // "status" is no field of a new document: the lifecycle sets it.
  for (const char* where : {"$", "$.kind", "$.title", "$.valid_from"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), where), found.end())
        << where << " missing in " << bad.body();
  }
  EXPECT_EQ(body(bad)["error"]["field"], found.front());

  ASSERT_EQ(createDraft().result_int(), 201);
  before = auditSequence();
  Reply no_case = post("controller", "/api/v1/documents/POLICY-KLIMAT/decision",
                       {{"date", "2025-11-26"}, {"minute_paragraph", "§ 190"}});
  ASSERT_EQ(no_case.result_int(), 400) << no_case.body();
  EXPECT_EQ(wheres(no_case), std::vector<std::string>{"$.case_number"});
  Reply future = post("controller", "/api/v1/documents/POLICY-KLIMAT/decision",
                      decision("2025-12-01", "§ 190"));
  EXPECT_EQ(future.result_int(), 400) << future.body();
  Reply bad_change = patch("controller", "/api/v1/documents/POLICY-KLIMAT",
                           {{"appropriations", json::array({{{"unit", "SEK-LAR"}}})}});
  ASSERT_EQ(bad_change.result_int(), 400) << bad_change.body();
  auto change_wheres = wheres(bad_change);
  EXPECT_NE(std::find(change_wheres.begin(), change_wheres.end(), "$.appropriations[0].year"),
            change_wheres.end())
      << bad_change.body();
  EXPECT_EQ(auditSequence(), before);
}

}  // namespace
}  // namespace styr::http::test
