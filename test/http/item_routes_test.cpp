// Goals and assignments over HTTP, on the Lerum demo: the chain's steps by the people whose
// steps they are, and every refusal a user could run into.

#include <gtest/gtest.h>

#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

class ItemRoutes : public DemoApi {
 protected:
  //! The chief executive's draft assignment to Lärande, from an item KD received.
  Reply createDraft(const json& overrides = json::object()) {
    json draft{
        {"kind", "assignment"},
        {"issuer", "KD"},
        {"recipient_unit", "SEK-LAR"},
        {"origin", "VP25-U01"},
        {"title", "Inför digitala närvarorapporter i alla skolor"},
        {"follow_up", {{"deliverable", "Rapport till KS"}, {"deliverable_due", "2026-06-30"}}}};
    draft.update(overrides);
    return post("kd", "/api/v1/items", draft);
  }
  std::int64_t auditSequence() { return store_->auditSequence("1441"); }
};

TEST_F(ItemRoutes, TheChiefExecutiveIssuesAndTheSectorHeadTakesItOnAndCompletesIt) {
  Reply created = createDraft();
  ASSERT_EQ(created.result_int(), 201) << created.body();
  json item = body(created);
  EXPECT_EQ(item["code"], "KD-U039");  // after the demo's KD-U038, as wide
  EXPECT_EQ(item["status"], "draft");
  EXPECT_EQ(item["recipient_name"], "Lärande");
  EXPECT_EQ(created[bhttp::field::location], "/api/v1/items/KD-U039");

  Reply issued = post("kd", "/api/v1/items/KD-U039/issue");
  ASSERT_EQ(issued.result_int(), 200) << issued.body();
  EXPECT_EQ(body(issued)["status"], "issued");
  EXPECT_EQ(body(issued)["issued_on"], "2025-11-30");

  Reply acknowledged = post("sektorschef", "/api/v1/items/KD-U039/acknowledge",
                            {{"plan", "Pilot i tre skolor under våren, sedan alla."}});
  ASSERT_EQ(acknowledged.result_int(), 200) << acknowledged.body();
  EXPECT_EQ(body(acknowledged)["status"], "acknowledged");
  EXPECT_EQ(body(acknowledged)["plan"], "Pilot i tre skolor under våren, sedan alla.");

  Reply completed = post("sektorschef", "/api/v1/items/KD-U039/complete",
                         {{"closing_note", "Införd i alla 24 skolor."}});
  ASSERT_EQ(completed.result_int(), 200) << completed.body();
  EXPECT_EQ(body(completed)["status"], "completed");
  EXPECT_EQ(body(completed)["closed_on"], "2025-11-30");

  Reply read = get("kd", "/api/v1/items/KD-U039");
  EXPECT_EQ(body(read)["status"], "completed");
  EXPECT_EQ(body(read)["closing_note"], "Införd i alla 24 skolor.");
}

TEST_F(ItemRoutes, EveryStepWritesExactlyOneAuditEntry) {
  std::int64_t before = auditSequence();
  ASSERT_EQ(createDraft().result_int(), 201);
  EXPECT_EQ(auditSequence(), before + 1);
  ASSERT_EQ(post("kd", "/api/v1/items/KD-U039/issue").result_int(), 200);
  EXPECT_EQ(auditSequence(), before + 2);
  std::vector<domain::AuditEntry> entries = store_->auditEntriesOf("1441", "item", "KD-U039");
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[0].action, "item.created");
  EXPECT_EQ(entries[1].action, "item.issued");
  EXPECT_EQ(json::parse(entries[1].before), json({{"status", "draft"}, {"issued_on", nullptr}}));
  EXPECT_EQ(json::parse(entries[1].after),
            json({{"status", "issued"}, {"issued_on", "2025-11-30"}}));
  EXPECT_NE(entries[1].actor.find("(kd)"), std::string::npos) << entries[1].actor;
}

TEST_F(ItemRoutes, AStaleETagIsAConflictAndChangesNothing) {
  Reply item = get("sektorschef", "/api/v1/items/KD-U001");
  ASSERT_EQ(item.result_int(), 200);
  std::string etag(item[bhttp::field::etag]);
  ASSERT_FALSE(etag.empty());
  Reply first = call("sektorschef", bhttp::verb::put, "/api/v1/items/KD-U001/plan",
                     json{{"plan", "Ny plan, version ett."}}, etag);
  ASSERT_EQ(first.result_int(), 200) << first.body();
  EXPECT_NE(std::string(first[bhttp::field::etag]), etag);

  std::int64_t before = auditSequence();
  Reply stale = call("sektorschef", bhttp::verb::put, "/api/v1/items/KD-U001/plan",
                     json{{"plan", "En plan som skriver över den förra."}}, etag);
  EXPECT_EQ(stale.result_int(), 409);
  EXPECT_EQ(errorCode(stale), "conflict");
  EXPECT_EQ(auditSequence(), before);
  EXPECT_EQ(body(get("sektorschef", "/api/v1/items/KD-U001"))["plan"], "Ny plan, version ett.");

  Reply garbage = call("sektorschef", bhttp::verb::put, "/api/v1/items/KD-U001/plan",
                       json{{"plan", "x"}}, "not-an-etag");
  EXPECT_EQ(garbage.result_int(), 400);
}

TEST_F(ItemRoutes, IssuingWhatBreaksD3Is422NamingTheRuleAndWritesNothing) {
  // A draft may have any origin (drafts are exempt from D3); issuing it may not.
  ASSERT_EQ(createDraft({{"origin", "LAR-U001"}}).result_int(), 201);
  std::int64_t before = auditSequence();
  Reply issued = post("kd", "/api/v1/items/KD-U039/issue");
  ASSERT_EQ(issued.result_int(), 422) << issued.body();
  json error = body(issued)["error"];
  EXPECT_EQ(error["code"], "rule_broken");
  ASSERT_FALSE(error["details"].empty());
  EXPECT_EQ(error["details"][0]["rule"], "D3");
  EXPECT_EQ(auditSequence(), before);
  EXPECT_EQ(body(get("kd", "/api/v1/items/KD-U039"))["status"], "draft");
}

TEST_F(ItemRoutes, IssuingWithoutAFollowUpMethodBreaksD4) {
  ASSERT_EQ(createDraft({{"follow_up", json::object()}}).result_int(), 201);
  Reply issued = post("kd", "/api/v1/items/KD-U039/issue");
  ASSERT_EQ(issued.result_int(), 422) << issued.body();
  EXPECT_EQ(body(issued)["error"]["details"][0]["rule"], "D4");
}

TEST_F(ItemRoutes, TheRecipientCannotTouchTheWhatNorTheIssuerTheHow) {
  // D2: the WHAT of LAR-U001 is the sector's, its HOW the unit's.
  Reply what = call("enhetschef", bhttp::verb::patch, "/api/v1/items/LAR-U001",
                    json{{"title", "Något annat"}});
  EXPECT_EQ(what.result_int(), 403) << what.body();
  EXPECT_EQ(errorCode(what), "forbidden");
  Reply how = call("sektorschef", bhttp::verb::put, "/api/v1/items/LAR-U001/plan",
                   json{{"plan", "Sektorns plan"}});
  EXPECT_EQ(how.result_int(), 403) << how.body();
  Reply own_how = call("enhetschef", bhttp::verb::put, "/api/v1/items/LAR-U001/plan",
                       json{{"plan", "Enhetens plan"}});
  EXPECT_EQ(own_how.result_int(), 200) << own_how.body();
}

TEST_F(ItemRoutes, WhatTheCallerMayNotReadIsNotFound) {
  // KD's assignments to the sector lie above the unit manager.
  EXPECT_EQ(get("enhetschef", "/api/v1/items/KD-U001").result_int(), 404);
  EXPECT_EQ(get("enhetschef", "/api/v1/items/NO-SUCH").result_int(), 404);
  EXPECT_EQ(get("enhetschef", "/api/v1/items/LAR-U001").result_int(), 200);
  Reply issue = post("enhetschef", "/api/v1/items/KD-U001/complete", {{"closing_note", "x"}});
  EXPECT_EQ(issue.result_int(), 404);
}

TEST_F(ItemRoutes, AStepInTheWrongStateIsAConflictAndAClosedItemIsLocked) {
  Reply draft_ack = post("sektorschef", "/api/v1/items/KD-U001/acknowledge", {{"plan", "x"}});
  EXPECT_EQ(draft_ack.result_int(), 409);
  EXPECT_EQ(errorCode(draft_ack), "conflict");
  ASSERT_EQ(post("sektorschef", "/api/v1/items/KD-U001/complete", {{"closing_note", "Klart."}})
                .result_int(),
            200);
  Reply again = post("sektorschef", "/api/v1/items/KD-U001/complete", {{"closing_note", "x"}});
  EXPECT_EQ(again.result_int(), 409);
  EXPECT_EQ(errorCode(again), "locked");
}

TEST_F(ItemRoutes, ChangesNeedASessionAndItsCsrfToken) {
  Reply nobody = post("", "/api/v1/items/KD-U001/issue");
  EXPECT_EQ(nobody.result_int(), 401);
  Message message = request(bhttp::verb::post, "/api/v1/items/KD-U001/issue");
  message.set(bhttp::field::cookie, DemoTemplate::instance().session("kd").cookie);
  Reply without_csrf = client_->roundTrip(message);
  EXPECT_EQ(without_csrf.result_int(), 403);
  EXPECT_EQ(errorCode(without_csrf), "forbidden");
}

TEST_F(ItemRoutes, MalformedBodiesAre400WithTheFieldsPath) {
  Reply not_json = call("kd", bhttp::verb::post, "/api/v1/items", std::nullopt);
  EXPECT_EQ(not_json.result_int(), 400);
  Reply bad = post("kd", "/api/v1/items",
                   {{"kind", "wish"}, {"issuer", "KD"}, {"title", "x"}, {"due", "2026-02-30"}});
  ASSERT_EQ(bad.result_int(), 400) << bad.body();
  json details = body(bad)["error"]["details"];
  std::vector<std::string> wheres;
  for (const auto& detail : details) wheres.push_back(detail["where"]);
  EXPECT_NE(std::find(wheres.begin(), wheres.end(), "$.kind"), wheres.end()) << bad.body();
  EXPECT_NE(std::find(wheres.begin(), wheres.end(), "$.due"), wheres.end()) << bad.body();
  Reply unknown_field = post("kd", "/api/v1/items/KD-U001/acknowledge", {{"plann", "x"}});
  EXPECT_EQ(unknown_field.result_int(), 400);
}

TEST_F(ItemRoutes, AUnitManagerMayNotIssueOutsideTheirUnit) {
  Reply created = post(
      "enhetschef", "/api/v1/items",
      {{"kind", "activity"}, {"issuer", "LAR-E02"}, {"recipient_unit", "LAR-E02"}, {"title", "x"}});
  EXPECT_EQ(created.result_int(), 403) << created.body();
}

TEST_F(ItemRoutes, NobodySignedInReadsOnlyCouncilGoals) {
  Reply list = get("", "/api/v1/items?per_page=500");
  ASSERT_EQ(list.result_int(), 200) << list.body();
  json page = body(list);
  ASSERT_GT(page["total"].get<int>(), 0);
  for (const auto& item : page["items"]) {
    EXPECT_EQ(item["issuer"], "KF") << item.dump();
    EXPECT_NE(item["status"], "draft");
  }
  EXPECT_EQ(get("", "/api/v1/items/KD-U001").result_int(), 404);
}

TEST_F(ItemRoutes, ListsAreFilteredAndPaged) {
  Reply all = get("sektorschef", "/api/v1/items?issuer=SEK-LAR&per_page=10&page=2");
  ASSERT_EQ(all.result_int(), 200);
  json page = body(all);
  EXPECT_EQ(page["page"], 2);
  EXPECT_EQ(page["items"].size(), 10U);
  EXPECT_GT(page["total"].get<int>(), 20);
  for (const auto& item : page["items"]) EXPECT_EQ(item["issuer"], "SEK-LAR");

  json received = body(get("sektorschef", "/api/v1/items?recipient=SEK-LAR&kind=assignment"));
  EXPECT_EQ(received["total"], 8);
  EXPECT_EQ(get("sektorschef", "/api/v1/items?per_page=0").result_int(), 400);
  EXPECT_EQ(get("sektorschef", "/api/v1/items?status=finished").result_int(), 400);
  EXPECT_EQ(get("sektorschef", "/api/v1/items?year=soon").result_int(), 400);
}

TEST_F(ItemRoutes, ASectorsChainViewShowsWhatItReceivedAndIssued) {
  Reply chain = get("sektorschef", "/api/v1/units/SEK-LAR/chain");
  ASSERT_EQ(chain.result_int(), 200) << chain.body();
  json view = body(chain);
  EXPECT_EQ(view["unit"]["name"], "Lärande");
  EXPECT_EQ(view["received"].size(), 8U);
  EXPECT_GT(view["issued"].size(), 100U);
  EXPECT_EQ(view["received"][0]["issuer"], "KD");
  EXPECT_FALSE(view["issued"][0]["recipient_name"].get<std::string>().empty());
  // The unit manager sees the sector's issued items only as far as they reach LAR-E01.
  json seen_below = body(get("enhetschef", "/api/v1/units/SEK-LAR/chain"));
  EXPECT_TRUE(seen_below["received"].empty());
  for (const auto& item : seen_below["issued"]) EXPECT_EQ(item["recipient"], "LAR-E01");
}

TEST_F(ItemRoutes, ATraceUpShowsWhatTheCallerMayNotReadAsItsCodeOnly) {
  Reply up = get("enhetschef", "/api/v1/items/LAR-E01-A01/trace?direction=up");
  ASSERT_EQ(up.result_int(), 200) << up.body();
  json chain = body(up)["chain"];
  ASSERT_GE(chain.size(), 3U);
  EXPECT_EQ(chain[0]["code"], "LAR-E01-A01");
  EXPECT_EQ(chain[1]["code"], "LAR-U001");
  EXPECT_EQ(chain[2]["code"], "KD-U001");
  EXPECT_EQ(chain[2]["readable"], false);
  EXPECT_FALSE(chain[2].contains("title"));

  Reply down = get("sektorschef", "/api/v1/items/KD-U001/trace?direction=down");
  ASSERT_EQ(down.result_int(), 200);
  EXPECT_GT(body(down)["tree"]["children"].size(), 10U);
  EXPECT_EQ(get("sektorschef", "/api/v1/items/KD-U001/trace?direction=sideways").result_int(), 400);
}

}  // namespace
}  // namespace styr::http::test
