// "Mitt uppdrag" over HTTP: each demo login sees what they have to do, in the order they have
// to do it, and nothing they may not read.

#include <gtest/gtest.h>

#include <string>

#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

class MyWorkRoutes : public DemoApi {
 protected:
  json myWork(const std::string& username) {
    Reply reply = get(username, "/api/v1/my-work");
    EXPECT_EQ(reply.result_int(), 200) << reply.body();
    return body(reply);
  }

  //! The entry of `list` (report_backs or to_approve) for the occasion and recipient; null
  //! when there is none.
  static json reportBack(const json& list, const std::string& occasion,
                         const std::string& recipient) {
    for (const auto& entry : list) {
      if (entry["occasion"]["code"] == occasion && entry["recipient"]["code"] == recipient) {
        return entry;
      }
    }
    return nullptr;
  }

  static json itemIn(const json& list, const std::string& code) {
    for (const auto& entry : list) {
      if (entry["code"] == code) return entry;
    }
    return nullptr;
  }
};

TEST_F(MyWorkRoutes, NobodySignedInIsToldToSignIn) {
  Reply reply = get("", "/api/v1/my-work");
  EXPECT_EQ(reply.result_int(), 401);
  EXPECT_EQ(errorCode(reply), "unauthenticated");
}

TEST_F(MyWorkRoutes, TheChiefExecutiveSeesTheLateReportAndWhatWaitsForApproval) {
  json work = myWork("kd");
  EXPECT_EQ(work["today"], "2025-11-30");
  ASSERT_EQ(work["units"].size(), 1U);
  EXPECT_EQ(work["units"][0]["code"], "KD");
  EXPECT_EQ(work["units"][0]["role"], "head");
  // The October report to the board was due on 19 November and has not come in.
  json october = reportBack(work["report_backs"], "2025-KS-10", "KD");
  ASSERT_FALSE(october.is_null()) << work["report_backs"].dump(2);
  EXPECT_EQ(october["state"], "missing");
  EXPECT_TRUE(october["late"].get<bool>());
  EXPECT_EQ(october["deadline"], "2025-11-19");
  EXPECT_EQ(october["days_left"], -11);
  // A sector's submitted report waits for the chief executive, the level above.
  json sector = reportBack(work["to_approve"], "2025-KS-10", "SEK-IFO");
  ASSERT_FALSE(sector.is_null()) << work["to_approve"].dump(2);
  EXPECT_EQ(sector["state"], "submitted");
  // Deadlines come in order.
  std::string previous;
  for (const auto& entry : work["report_backs"]) {
    ASSERT_TRUE(entry["deadline"].is_string());
    EXPECT_LE(previous, entry["deadline"].get<std::string>());
    previous = entry["deadline"];
  }
}

TEST_F(MyWorkRoutes, AnIssuedItemComesFirstForTheSectorHeadUntilAcknowledged) {
  Reply created = post(
      "kd", "/api/v1/items",
      {{"kind", "assignment"},
       {"issuer", "KD"},
       {"recipient_unit", "SEK-LAR"},
       {"origin", "VP25-U01"},
       {"title", "Inför digitala närvarorapporter i alla skolor"},
       {"due", "2026-06-30"},
       {"follow_up", {{"deliverable", "Rapport till KS"}, {"deliverable_due", "2026-06-30"}}}});
  ASSERT_EQ(created.result_int(), 201) << created.body();
  std::string code = body(created)["code"];
  json before = myWork("sektorschef");
  EXPECT_TRUE(itemIn(before["received"], code).is_null()) << "a draft is not received";
  ASSERT_EQ(post("kd", "/api/v1/items/" + code + "/issue").result_int(), 200);

  json after = myWork("sektorschef");
  ASSERT_FALSE(after["received"].empty());
  json first = after["received"][0];
  EXPECT_EQ(first["code"], code);
  EXPECT_EQ(first["status"], "issued");
  EXPECT_EQ(first["via"], "SEK-LAR");
  EXPECT_TRUE(first["answers"].get<bool>());
  EXPECT_EQ(first["days_left"], 212);  // 2025-11-30 to 2026-06-30
  // The chief executive sees it among what KD issued, not yet acknowledged.
  json issued = itemIn(myWork("kd")["issued"], code);
  ASSERT_FALSE(issued.is_null());
  EXPECT_EQ(issued["status"], "issued");

  ASSERT_EQ(post("sektorschef", "/api/v1/items/" + code + "/acknowledge",
                 {{"plan", "Pilot i tre skolor under våren."}})
                .result_int(),
            200);
  json acknowledged = itemIn(myWork("sektorschef")["received"], code);
  ASSERT_FALSE(acknowledged.is_null());
  EXPECT_EQ(acknowledged["status"], "acknowledged");
  EXPECT_NE(myWork("sektorschef")["received"][0]["code"], code);
}

TEST_F(MyWorkRoutes, TheSectorHeadsInboxHoldsTheDeviationWaitingForThem) {
  json work = myWork("sektorschef");
  ASSERT_EQ(work["deviations"].size(), 1U) << work["deviations"].dump(2);
  EXPECT_EQ(work["deviations"][0]["code"], "AVV-2025-0006");
  EXPECT_GE(work["unread_notifications"].get<int>(), 1);
  EXPECT_FALSE(work["unread_capped"].get<bool>());
  // The unit manager acknowledged it already: nothing waits for them.
  EXPECT_TRUE(myWork("enhetschef")["deviations"].empty());
}

TEST_F(MyWorkRoutes, AnEmployeeSeesTheUnitsItemsButAnswersOnlyForTheirOwn) {
  json work = myWork("medarbetare");
  ASSERT_FALSE(work["received"].empty());
  bool unit_item = false;
  for (const auto& item : work["received"]) {
    if (item["recipient_kind"] == "unit") {
      unit_item = true;
      EXPECT_EQ(item["via"], "LAR-E01");
      EXPECT_FALSE(item["answers"].get<bool>()) << item.dump();
    } else {
      EXPECT_TRUE(item["via"].is_null());
      EXPECT_TRUE(item["answers"].get<bool>()) << item.dump();
    }
  }
  EXPECT_TRUE(unit_item);
  EXPECT_TRUE(work["issued"].empty());
  EXPECT_TRUE(work["report_backs"].empty()) << "an employee writes no unit report-back";
}

TEST_F(MyWorkRoutes, TheAdministratorHasNoContentToDo) {
  // Separation of duties: the administrator's membership of IT gives them no items.
  json work = myWork("admin");
  EXPECT_EQ(work["units"][0]["role"], "administrator");
  EXPECT_TRUE(work["received"].empty());
  EXPECT_TRUE(work["report_backs"].empty());
  EXPECT_TRUE(work["deviations"].empty());
}

}  // namespace
}  // namespace styr::http::test
