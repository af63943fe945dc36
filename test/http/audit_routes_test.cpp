// A record's audit trail over HTTP, on the Lerum demo: oldest first, with what changed, read
// by whoever may read the record.

#include <gtest/gtest.h>

#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

class AuditRoutes : public DemoApi {
 protected:
  static std::string trailOf(const std::string& kind, const std::string& record) {
    return "/api/v1/audit?record_kind=" + kind + "&record=" + record;
  }
  //! The chief executive's draft assignment to Lärande (KD-U039, after the demo's KD-U038).
  void createDraft() {
    Reply created = post(
        "kd", "/api/v1/items",
        {{"kind", "assignment"},
         {"issuer", "KD"},
         {"recipient_unit", "SEK-LAR"},
         {"origin", "VP25-U01"},
         {"title", "Inför digitala närvarorapporter i alla skolor"},
         {"follow_up", {{"deliverable", "Rapport till KS"}, {"deliverable_due", "2026-06-30"}}}});
    ASSERT_EQ(created.result_int(), 201) << created.body();
    ASSERT_EQ(body(created)["code"], "KD-U039");
  }
};

TEST_F(AuditRoutes, AnItemsTrailShowsEveryStepOldestFirstWithWhatChanged) {
  createDraft();
  ASSERT_EQ(post("kd", "/api/v1/items/KD-U039/issue").result_int(), 200);

  Reply reply = get("kd", trailOf("item", "KD-U039"));
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  json trail = body(reply);
  EXPECT_EQ(trail["record_kind"], "item");
  EXPECT_EQ(trail["record"], "KD-U039");
  EXPECT_EQ(trail["total"], 2);
  ASSERT_EQ(trail["items"].size(), 2U);
  json created = trail["items"][0];
  json issued = trail["items"][1];
  EXPECT_EQ(created["action"], "item.created");
  EXPECT_TRUE(created["before"].is_null());
  EXPECT_EQ(created["after"]["title"], "Inför digitala närvarorapporter i alla skolor");
  EXPECT_EQ(issued["action"], "item.issued");
  EXPECT_EQ(issued["sequence"].get<std::int64_t>(), created["sequence"].get<std::int64_t>() + 1);
  EXPECT_EQ(issued["before"]["status"], "draft");
  EXPECT_EQ(issued["after"]["status"], "issued");
  EXPECT_EQ(issued["at"], "2025-11-30T11:00:00.000000Z");
  EXPECT_NE(issued["actor"].get<std::string>().find("(kd)"), std::string::npos) << issued;
}

TEST_F(AuditRoutes, ADraftsTrailIsReadOnlyByThoseWhoReadTheDraft) {
  createDraft();
  // The recipient's head does not see the issuer's working paper, nor its trail.
  Reply hidden = get("sektorschef", trailOf("item", "KD-U039"));
  EXPECT_EQ(hidden.result_int(), 404) << hidden.body();
  Reply controller = get("controller", trailOf("item", "KD-U039"));
  EXPECT_EQ(controller.result_int(), 200) << controller.body();

  ASSERT_EQ(post("kd", "/api/v1/items/KD-U039/issue").result_int(), 200);
  Reply issued = get("sektorschef", trailOf("item", "KD-U039"));
  ASSERT_EQ(issued.result_int(), 200) << issued.body();
  EXPECT_EQ(body(issued)["total"], 2);
}

TEST_F(AuditRoutes, ADocumentsTrailIsEveryVersionsInSequenceOrder) {
  Reply reply = get("medarbetare", trailOf("document", "POLICY-INFOSAK"));
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  json trail = body(reply);
  ASSERT_EQ(trail["total"], 2);
  EXPECT_EQ(trail["items"][0]["record"], "POLICY-INFOSAK/1");
  EXPECT_EQ(trail["items"][1]["record"], "POLICY-INFOSAK/2");
  EXPECT_LT(trail["items"][0]["sequence"].get<std::int64_t>(),
            trail["items"][1]["sequence"].get<std::int64_t>());
  EXPECT_EQ(trail["items"][0]["after"]["status"], "superseded");

  Reply one = get("medarbetare", trailOf("document", "POLICY-INFOSAK/2"));
  ASSERT_EQ(one.result_int(), 200) << one.body();
  ASSERT_EQ(body(one)["total"], 1);
  EXPECT_EQ(body(one)["items"][0]["record"], "POLICY-INFOSAK/2");

  Reply paged = get("medarbetare", trailOf("document", "POLICY-INFOSAK") + "&per_page=1&page=2");
  ASSERT_EQ(paged.result_int(), 200) << paged.body();
  EXPECT_EQ(body(paged)["total"], 2);
  ASSERT_EQ(body(paged)["items"].size(), 1U);
  EXPECT_EQ(body(paged)["items"][0]["record"], "POLICY-INFOSAK/2");

  EXPECT_EQ(get("medarbetare", trailOf("document", "POLICY-INFOSAK/3")).result_int(), 404);
  EXPECT_EQ(get("medarbetare", trailOf("document", "FINNS-INTE")).result_int(), 404);
}

TEST_F(AuditRoutes, PeoplesTrailsArePersonalDataAndUnitsTrailsAreNot) {
  // P00124 works at LAR-A001, below the unit manager's LAR-E01.
  Reply head = get("enhetschef", trailOf("person", "P00124"));
  ASSERT_EQ(head.result_int(), 200) << head.body();
  ASSERT_EQ(body(head)["total"], 1);
  EXPECT_EQ(body(head)["items"][0]["action"], "person.imported");
  EXPECT_EQ(body(head)["items"][0]["after"]["code"], "P00124");

  // Not told whether the colleague exists, as GET /people/{code} does not tell.
  Reply colleague = get("medarbetare", trailOf("person", "P00124"));
  EXPECT_EQ(colleague.result_int(), 404) << colleague.body();
  EXPECT_EQ(get("sektorschef", trailOf("person", "P00124")).result_int(), 200);
  EXPECT_EQ(get("admin", trailOf("person", "P00124")).result_int(), 200);
  auto memberships = store_->membershipsOf("1441", "P00124");
  ASSERT_FALSE(memberships.empty());
  const auto& membership = memberships.front();
  std::string key = membership.person + "/" + membership.unit + "/" +
                    std::string(domain::toString(membership.role)) + "/" +
                    domain::formatDate(membership.valid_from);
  Reply place = get("enhetschef", trailOf("membership", key));
  ASSERT_EQ(place.result_int(), 200) << place.body();
  EXPECT_EQ(body(place)["items"][0]["action"], "membership.imported");
  EXPECT_EQ(get("medarbetare", trailOf("membership", key)).result_int(), 404);

  Reply unit = get("medarbetare", trailOf("unit", "SEK-VOO"));
  ASSERT_EQ(unit.result_int(), 200) << unit.body();
  EXPECT_EQ(body(unit)["items"][0]["action"], "unit.imported");
  EXPECT_EQ(get("medarbetare", trailOf("unit", "NOPE")).result_int(), 404);
}

TEST_F(AuditRoutes, OtherKindsOfRecordsAreTheControllersWholeTrail) {
  ASSERT_EQ(
      post("kd", "/api/v1/tokens", {{"name", "ledningsinfo"}, {"scopes", {"read"}}}).result_int(),
      201);
  Reply controller = get("controller", trailOf("api_token", "ledningsinfo"));
  ASSERT_EQ(controller.result_int(), 200) << controller.body();
  EXPECT_EQ(body(controller)["items"][0]["action"], "api_token.created");
  EXPECT_EQ(body(controller)["items"][0]["after"]["scopes"], json({"read"}));

  Reply creator = get("kd", trailOf("api_token", "ledningsinfo"));
  EXPECT_EQ(creator.result_int(), 403) << creator.body();
  EXPECT_EQ(get("controller", trailOf("organisation", "1441")).result_int(), 200);
  EXPECT_EQ(get("controller", trailOf("api_token", "finns-inte")).result_int(), 404);
}

TEST_F(AuditRoutes, AskingWronglyIsABadRequestAndNobodyReadsNoTrail) {
  Reply missing = get("controller", "/api/v1/audit");
  ASSERT_EQ(missing.result_int(), 400) << missing.body();
  std::vector<std::string> where;
  json error = body(missing);
  for (const auto& detail : error["error"]["details"]) where.push_back(detail["where"]);
  EXPECT_EQ(where, (std::vector<std::string>{"record_kind", "record"}));

  Reply unknown = get("controller", trailOf("goal", "KF-M01"));
  ASSERT_EQ(unknown.result_int(), 400) << unknown.body();
  std::string message = body(unknown)["error"]["details"][0]["message"];
  EXPECT_NE(message.find("'goal' is no record kind"), std::string::npos) << message;
  EXPECT_NE(message.find("item, document, person, unit"), std::string::npos) << message;

  EXPECT_EQ(get("controller", trailOf("item", "KD-U001") + "&per_page=0").result_int(), 400);

  // Even a record the public may read has a trail, and the trail names people.
  Reply nobody = get("", trailOf("unit", "KF"));
  EXPECT_EQ(nobody.result_int(), 401) << nobody.body();
}

}  // namespace
}  // namespace styr::http::test
