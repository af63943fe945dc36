// Deviations over HTTP against the Lerum demo (D11, D13): an employee's report reaches every
// level up to the gravity's reach at once, each told person finds it in their notifications,
// the levels acknowledge, raise, lower, act and close; confidential ones stay with the reporter
// and the chain; the register, its statistics and CSV, the council's information and the
// gravity rules; and bad input is refused without a trace.
//
// The demo comes with deviations of its own, all reported before its date; the tests report
// theirs on the demo's date and read the register from that day (kToday) where they count.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "demo/lerum_demo.hpp"
#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

//! The demo's date, as the register's filter of what the tests reported.
constexpr const char* kToday = "from=2025-11-30";

class DeviationRoutes : public DemoApi {
 protected:
  void SetUp() override {
    DemoApi::SetUp();
    ASSERT_EQ(registerOf("controller"), std::vector<std::string>{})
        << "the tests take the demo's date to be theirs alone";
  }

  //! A deviation on LAR-E01 as the body of a report, to be changed by the test.
  static json report(int gravity, std::string title = "Vattenläcka i matsalen") {
    return {{"unit", "LAR-E01"},
            {"category", "finances"},
            {"gravity", gravity},
            {"title", std::move(title)},
            {"description", "Ett rör sprang i natt; matsalen är stängd."},
            {"occurred_on", "2025-11-29"},
            {"affected_items", json::array()},
            {"affected_indicators", json::array()},
            {"budget_effect_sek", 250000},
            {"immediate_actions", "Vattnet avstängt, sanering beställd."},
            {"confidential", false}};
  }

  //! Reports as `username`, expecting it taken; the deviation as the reply shows it.
  json reported(const std::string& username, const json& body) {
    auto reply = post(username, "/api/v1/deviations", body);
    EXPECT_EQ(reply.result_int(), 201) << reply.body();
    return reply.result_int() == 201 ? DemoApi::body(reply) : json::object();
  }

  static std::string target(const std::string& code, const std::string& rest = {}) {
    return fmt::format("/api/v1/deviations/{}{}", code, rest);
  }

  //! Moves the server's clock `minutes` past the demo's noon.
  void at(int minutes) { clock_ = app::FixedClock(demoNoon() + std::chrono::minutes(minutes)); }

  //! The codes in `username`'s register under `query` (every page), of the demo's date unless
  //! the query says from when.
  std::vector<std::string> registerOf(const std::string& username, const std::string& query = {}) {
    std::string since = query.find("from=") == std::string::npos ? "&" + std::string(kToday) : "";
    auto reply = get(username, "/api/v1/deviations?per_page=500" + since + query);
    EXPECT_EQ(reply.result_int(), 200) << query << ": " << reply.body();
    std::vector<std::string> codes;
    if (reply.result_int() != 200) return codes;
    const json listed = body(reply)["items"];
    for (const auto& item : listed) codes.push_back(item["code"].get<std::string>());
    return codes;
  }

  //! Whether `username` has a notification of `kind` linking to the deviation.
  bool notified(const std::string& username, const std::string& code, const std::string& kind) {
    auto reply = get(username, "/api/v1/notifications?limit=500");
    EXPECT_EQ(reply.result_int(), 200) << reply.body();
    const json list = body(reply)["notifications"];
    return std::any_of(list.begin(), list.end(), [&](const json& notification) {
      return notification["link"] == target(code) && notification["kind"] == kind;
    });
  }

  static std::vector<std::string> codesOf(const json& people) {
    std::vector<std::string> codes;
    for (const auto& person : people) codes.push_back(person["code"].get<std::string>());
    return codes;
  }

  //! The fields an error reply names, from its details.
  static std::set<std::string> fieldsOf(const Reply& reply) {
    std::set<std::string> fields;
    auto parsed = json::parse(reply.body(), nullptr, false);
    if (!parsed.is_object() || !parsed.contains("error")) return fields;
    for (const auto& detail : parsed["error"]["details"]) {
      fields.insert(detail["where"].get<std::string>());
    }
    return fields;
  }

  demo::DemoKeyPeople people_ = demo::lerumKeyPeople();
};

TEST_F(DeviationRoutes, AnEmployeesReportIsToldAtOnceToEveryLevelUpToTheExecutiveBoard) {
  auto reply = post("medarbetare", "/api/v1/deviations", report(3));
  ASSERT_EQ(reply.result_int(), 201) << reply.body();
  json deviation = body(reply);
  const std::string code = deviation["code"];
  EXPECT_EQ(code.rfind("AVV-2025-", 0), 0U) << code;
  EXPECT_EQ(reply[bhttp::field::etag], "\"1\"");
  EXPECT_EQ(reply[bhttp::field::location], target(code));
  EXPECT_EQ(deviation["unit_name"], "Grundskola Aspenäs");
  EXPECT_EQ(deviation["reported_by"], people_.employee);
  EXPECT_EQ(deviation["budget_effect_sek"], 250000);

  const json levels = deviation["levels"];
  ASSERT_EQ(levels.size(), 4U) << levels.dump(2);
  std::vector<std::string> units;
  for (const auto& level : levels) units.push_back(level["unit"]);
  EXPECT_EQ(units, (std::vector<std::string>{"LAR-E01", "SEK-LAR", "KD", "KS"}));
  EXPECT_EQ(codesOf(levels[0]["people"]), std::vector<std::string>{people_.unit_manager});
  EXPECT_FALSE(levels[0]["people"][0]["name"].get<std::string>().empty());
  EXPECT_EQ(codesOf(levels[1]["people"]), std::vector<std::string>{people_.sector_head});
  auto kd = codesOf(levels[2]["people"]);
  EXPECT_NE(std::find(kd.begin(), kd.end(), people_.chief_executive), kd.end());
  EXPECT_EQ(levels[3]["unit_name"], "Kommunstyrelsen");
  auto board = codesOf(levels[3]["people"]);
  EXPECT_NE(std::find(board.begin(), board.end(), people_.board_member), board.end())
      << "the executive board's chair";
  EXPECT_NE(std::find(board.begin(), board.end(), people_.controller), board.end())
      << "and its secretary";
  for (const auto& level : levels) {
    EXPECT_TRUE(level["acknowledged_at"].is_null()) << "the employee heads no level";
    EXPECT_TRUE(level["took_minutes"].is_null());
  }

  for (const char* told : {"enhetschef", "sektorschef", "kd", "ordforande", "controller"}) {
    EXPECT_TRUE(notified(told, code, "deviation_reported")) << told << " was told";
  }
  EXPECT_FALSE(notified("medarbetare", code, "deviation_reported")) << "the reporter knows";
  EXPECT_FALSE(notified("ledamot", code, "deviation_reported")) << "the council is not told at 3";

  auto read = get("kd", target(code));
  ASSERT_EQ(read.result_int(), 200) << read.body();
  EXPECT_EQ(read[bhttp::field::etag], "\"1\"");
  EXPECT_EQ(body(read)["timeline"][0]["kind"], "reported");
  EXPECT_EQ(body(read)["timeline"][0]["person_name"], deviation["reported_by_name"]);
}

TEST_F(DeviationRoutes, AReporterToldAtALevelHasAcknowledgedItThere) {
  json deviation = reported("enhetschef", report(2));
  ASSERT_EQ(deviation["levels"].size(), 2U) << deviation.dump(2);
  const json own = deviation["levels"][0];
  EXPECT_EQ(own["acknowledged_by"], people_.unit_manager);
  EXPECT_EQ(own["took_minutes"], 0);
  EXPECT_TRUE(deviation["levels"][1]["acknowledged_at"].is_null());

  auto listed = body(get("enhetschef", std::string("/api/v1/deviations?") + kToday))["items"];
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0]["levels_told"], 2);
  EXPECT_EQ(listed[0]["levels_acknowledged"], 1);
  EXPECT_EQ(listed[0]["levels_waiting"], 1);
  EXPECT_EQ(listed[0]["reached"], "SEK-LAR");
  EXPECT_EQ(listed[0]["reached_name"], "Lärande");
}

TEST_F(DeviationRoutes, ALevelAcknowledgesOnceAndOnlyThoseToldMay) {
  const std::string code = reported("medarbetare", report(3))["code"];
  at(25);
  auto acknowledged = post("sektorschef", target(code, "/acknowledge"));
  ASSERT_EQ(acknowledged.result_int(), 200) << acknowledged.body();
  EXPECT_EQ(acknowledged[bhttp::field::etag], "\"2\"");
  const json level = body(acknowledged)["levels"][1];
  EXPECT_EQ(level["acknowledged_by"], people_.sector_head);
  EXPECT_FALSE(level["acknowledged_by_name"].get<std::string>().empty());
  EXPECT_EQ(level["took_minutes"], 25);
  EXPECT_TRUE(body(acknowledged)["levels"][0]["acknowledged_at"].is_null());

  auto again = post("sektorschef", target(code, "/acknowledge"));
  EXPECT_EQ(again.result_int(), 409) << again.body();
  auto employee = post("medarbetare", target(code, "/acknowledge"));
  EXPECT_EQ(employee.result_int(), 403) << employee.body();
  auto stale = call("kd", bhttp::verb::post, target(code, "/acknowledge"), std::nullopt, "\"1\"");
  EXPECT_EQ(stale.result_int(), 409) << stale.body();
  auto current =
      call("kd", bhttp::verb::post, target(code, "/acknowledge"), json::object(), "\"2\"");
  EXPECT_EQ(current.result_int(), 200) << current.body();
  EXPECT_EQ(body(current)["levels"][2]["acknowledged_by"], people_.chief_executive);
}

TEST_F(DeviationRoutes, TheReporterCommentsAndTheChainAssesses) {
  const std::string code = reported("medarbetare", report(3))["code"];
  auto comment =
      post("medarbetare", target(code, "/comments"), {{"text", "Golvet är också skadat."}});
  ASSERT_EQ(comment.result_int(), 200) << comment.body();
  json last = body(comment)["timeline"].back();
  EXPECT_EQ(last["kind"], "commented");
  EXPECT_EQ(last["person"], people_.employee);
  EXPECT_EQ(last["text"], "Golvet är också skadat.");
  EXPECT_EQ(last["person_name"], body(comment)["reported_by_name"]);

  EXPECT_EQ(
      post("medarbetare", target(code, "/assessments"), {{"text", "Allvarligt."}}).result_int(),
      403)
      << "assessing is the chain's";
  auto assessed =
      post("sektorschef", target(code, "/assessments"), {{"text", "Kostnaden ryms ej."}});
  ASSERT_EQ(assessed.result_int(), 200) << assessed.body();
  EXPECT_EQ(body(assessed)["timeline"].back()["kind"], "assessed");
}

TEST_F(DeviationRoutes, RaisingToFourTellsTheCouncilAndListsItForItsNextMeeting) {
  const std::string code = reported("medarbetare", report(3))["code"];
  auto raised =
      post("kd", target(code, "/gravity"), {{"gravity", 4}, {"reason", "Skolan stängs."}});
  ASSERT_EQ(raised.result_int(), 200) << raised.body();
  json deviation = body(raised);
  EXPECT_EQ(deviation["gravity"], 4);
  ASSERT_EQ(deviation["levels"].size(), 5U);
  const json council = deviation["levels"][4];
  EXPECT_EQ(council["unit"], "KF");
  auto told = codesOf(council["people"]);
  EXPECT_NE(std::find(told.begin(), told.end(), people_.controller), told.end())
      << "the council's secretary";
  EXPECT_EQ(told.size(), 2U) << "its chair and its secretary: " << council.dump();
  EXPECT_FALSE(deviation["council_listed_at"].is_null());
  EXPECT_EQ(deviation["council_meeting"], "2026-04-29") << "the annual report's meeting";
  EXPECT_TRUE(notified("controller", code, "deviation_raised"));

  const std::string below = reported("medarbetare", report(3, "Inbrott i förrådet"))["code"];

  auto information = get("controller", "/api/v1/council-information");
  ASSERT_EQ(information.result_int(), 200) << information.body();
  const json meetings = body(information)["meetings"];
  std::map<std::string, std::string> meeting_of;  // deviation code -> meeting ("" unplanned)
  for (const auto& meeting : meetings) {
    for (const auto& listed : meeting["deviations"]) {
      meeting_of[listed["code"]] = meeting["meeting"].is_null() ? "" : meeting["meeting"];
      EXPECT_FALSE(listed["council_listed_at"].is_null()) << listed.dump();
    }
  }
  EXPECT_EQ(meeting_of[code], "2026-04-29") << meetings.dump(2);
  EXPECT_EQ(meeting_of.count(below), 0U) << "gravity 3 never reached the council";
  auto at_annual = std::find_if(meetings.begin(), meetings.end(), [](const json& meeting) {
    return meeting["meeting"] == "2026-04-29";
  });
  ASSERT_NE(at_annual, meetings.end());
  EXPECT_EQ((*at_annual)["occasion"]["code"], "2025-AR");

  auto that_meeting = body(get("controller", "/api/v1/council-information?meeting=2026-04-29"));
  ASSERT_EQ(that_meeting["meetings"].size(), 1U);
  EXPECT_NE(that_meeting["meetings"][0]["deviations"].dump().find(code), std::string::npos);
  auto other_meeting = body(get("controller", "/api/v1/council-information?meeting=2025-10-29"));
  ASSERT_EQ(other_meeting["meetings"].size(), 1U);
  EXPECT_EQ(other_meeting["meetings"][0]["deviations"].dump().find(code), std::string::npos);
  EXPECT_EQ(get("controller", "/api/v1/council-information?meeting=april").result_int(), 400);
  auto employee = get("medarbetare", "/api/v1/council-information?meeting=2026-04-29");
  ASSERT_EQ(employee.result_int(), 200) << employee.body();
  EXPECT_NE(employee.body().find(code), std::string::npos) << "the reporter reads it too";
}

TEST_F(DeviationRoutes, LoweringTakesAReasonAndReleasesTheLevelsAbove) {
  const std::string code = reported("medarbetare", report(3))["code"];
  ASSERT_EQ(post("kd", target(code, "/acknowledge")).result_int(), 200);
  auto bare = post("kd", target(code, "/gravity"), {{"gravity", 1}});
  EXPECT_EQ(bare.result_int(), 400) << bare.body();
  EXPECT_EQ(fieldsOf(bare), std::set<std::string>{"reason"});
  EXPECT_EQ(body(get("kd", target(code)))["gravity"], 3) << "nothing written";

  auto lowered =
      post("kd", target(code, "/gravity"), {{"gravity", 1}, {"reason", "Försäkring täcker."}});
  ASSERT_EQ(lowered.result_int(), 200) << lowered.body();
  const json levels = body(lowered)["levels"];
  ASSERT_EQ(levels.size(), 4U);
  EXPECT_TRUE(levels[0]["released_at"].is_null()) << "the unit's head still must know";
  EXPECT_FALSE(levels[1]["released_at"].is_null()) << "the sector head had not acknowledged";
  EXPECT_TRUE(levels[2]["released_at"].is_null()) << "the chief executive acknowledged before";
  EXPECT_FALSE(levels[3]["released_at"].is_null());
  EXPECT_EQ(body(lowered)["timeline"].back()["kind"], "lowered");
  EXPECT_EQ(body(lowered)["timeline"].back()["text"], "Försäkring täcker.");

  auto listed = body(get("kd", std::string("/api/v1/deviations?") + kToday))["items"];
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0]["levels_waiting"], 1) << "only the unit's head is still waited for";
  EXPECT_EQ(listed[0]["reached"], "KD");
}

TEST_F(DeviationRoutes, ClosingWaitsForTheActionsAndThenLocksTheDeviation) {
  const std::string code = reported("medarbetare", report(3))["code"];
  auto added = post("sektorschef", target(code, "/actions"),
                    {{"description", "Byt rörledningen"},
                     {"owner", people_.unit_manager},
                     {"due", "2025-12-15"}});
  ASSERT_EQ(added.result_int(), 200) << added.body();
  ASSERT_EQ(body(added)["actions"].size(), 1U);
  EXPECT_EQ(body(added)["actions"][0]["number"], 1);
  EXPECT_EQ(body(added)["actions"][0]["status"], "planned");
  EXPECT_FALSE(body(added)["actions"][0]["owner_name"].get<std::string>().empty());
  EXPECT_TRUE(notified("enhetschef", code, "deviation_action"));

  auto early = post("sektorschef", target(code, "/close"), {{"closing_note", "Åtgärdat."}});
  EXPECT_EQ(early.result_int(), 422) << early.body();
  EXPECT_EQ(errorCode(early), "rule_broken");

  EXPECT_EQ(post("sektorschef", target(code, "/actions/abc"), {{"status", "done"}}).result_int(),
            400);
  EXPECT_EQ(post("sektorschef", target(code, "/actions/2"), {{"status", "done"}}).result_int(),
            404);
  auto done =
      post("enhetschef", target(code, "/actions/1"), {{"status", "done"}, {"note", "Klart."}});
  ASSERT_EQ(done.result_int(), 200) << done.body();
  EXPECT_EQ(body(done)["actions"][0]["status"], "done");

  auto closed = post("sektorschef", target(code, "/close"), {{"closing_note", "Åtgärdat."}});
  ASSERT_EQ(closed.result_int(), 200) << closed.body();
  EXPECT_EQ(body(closed)["state"], "closed");
  EXPECT_EQ(body(closed)["closing_note"], "Åtgärdat.");
  EXPECT_EQ(body(closed)["closed_by"], people_.sector_head);
  EXPECT_FALSE(body(closed)["closed_by_name"].is_null());

  auto comment = post("medarbetare", target(code, "/comments"), {{"text", "Tack!"}});
  EXPECT_EQ(comment.result_int(), 409) << comment.body();
  EXPECT_EQ(errorCode(comment), "locked");
  EXPECT_EQ(post("kd", target(code, "/acknowledge")).result_int(), 409);
  EXPECT_EQ(post("kd", target(code, "/gravity"), {{"gravity", 4}}).result_int(), 409);
  EXPECT_EQ(get("medarbetare", target(code)).result_int(), 200) << "closed, it stays readable";
}

TEST_F(DeviationRoutes, AConfidentialDeviationIsReadOnlyByItsReporterAndTheChainToldOfIt) {
  json secret = report(2, "Hot mot personal");
  secret["category"] = "work_environment";
  secret["confidential"] = true;
  const std::string code = reported("enhetschef", secret)["code"];
  const std::string open_code = reported("enhetschef", report(2))["code"];

  for (const char* reader : {"enhetschef", "sektorschef"}) {
    auto reply = get(reader, target(code));
    EXPECT_EQ(reply.result_int(), 200) << reader << ": " << reply.body();
  }
  for (const char* outsider : {"medarbetare", "controller", "kd"}) {
    auto reply = get(outsider, target(code));
    EXPECT_EQ(reply.result_int(), 404) << outsider << ": " << reply.body();
    EXPECT_EQ(post(outsider, target(code, "/comments"), {{"text", "?"}}).result_int(), 404)
        << outsider;
  }
  EXPECT_EQ(get("medarbetare", target(open_code)).result_int(), 200)
      << "a colleague reads the unit's deviations that are not confidential";

  EXPECT_EQ(registerOf("medarbetare"), std::vector<std::string>{open_code});
  EXPECT_EQ(registerOf("controller"), std::vector<std::string>{open_code});
  auto both = registerOf("sektorschef");
  EXPECT_EQ(std::set<std::string>(both.begin(), both.end()),
            (std::set<std::string>{code, open_code}));

  auto csv = get("medarbetare", "/api/v1/deviations/export.csv");
  ASSERT_EQ(csv.result_int(), 200);
  EXPECT_EQ(csv.body().find(code), std::string::npos);
  EXPECT_EQ(csv.body().find("Hot mot personal"), std::string::npos);
  EXPECT_NE(csv.body().find(open_code), std::string::npos);
  EXPECT_NE(get("sektorschef", "/api/v1/deviations/export.csv").body().find(code),
            std::string::npos);
}

TEST_F(DeviationRoutes, TheRegisterFiltersByStateGravityCategoryUnitDatesAndInbox) {
  const std::string a = reported("medarbetare", report(3))["code"];
  json quality = report(1, "Fel i betygsunderlag");
  quality["category"] = "quality";
  const std::string b = reported("enhetschef", quality)["code"];
  json sector = report(2, "Vikariebrist i sektorn");
  sector["unit"] = "SEK-LAR";
  sector["category"] = "operations";
  const std::string c = reported("sektorschef", sector)["code"];
  ASSERT_EQ(post("enhetschef", target(b, "/close"), {{"closing_note", "Rättat."}}).result_int(),
            200);

  using Codes = std::vector<std::string>;
  EXPECT_EQ(registerOf("controller"), (Codes{a, b, c}));
  EXPECT_EQ(registerOf("controller", "&state=open"), (Codes{a, c}));
  EXPECT_EQ(registerOf("controller", "&state=closed"), (Codes{b}));
  EXPECT_EQ(registerOf("controller", "&gravity=3"), (Codes{a}));
  EXPECT_EQ(registerOf("controller", "&category=quality"), (Codes{b}));
  EXPECT_EQ(registerOf("controller", "&unit=LAR-E01"), (Codes{a, b}));
  EXPECT_EQ(registerOf("controller", "&sector=SEK-LAR"), (Codes{a, b, c}));
  EXPECT_EQ(registerOf("controller", "&from=2025-11-30&to=2025-11-30"), (Codes{a, b, c}));
  EXPECT_EQ(registerOf("controller", "&from=2025-12-01"), Codes{});
  EXPECT_EQ(registerOf("controller", "&to=2025-11-29"), Codes{});
  auto autumn = registerOf("controller", "&from=2025-09-01&to=2025-11-29");
  EXPECT_FALSE(autumn.empty()) << "the demo's own";
  EXPECT_EQ(std::find(autumn.begin(), autumn.end(), a), autumn.end());
  EXPECT_EQ(registerOf("sektorschef", "&waiting_for=me"), (Codes{a}))
      << "the sector head reported c and so knows it";
  EXPECT_EQ(registerOf("enhetschef", "&waiting_for=me"), (Codes{a}));
  EXPECT_EQ(registerOf("medarbetare", "&waiting_for=me"), Codes{});

  auto page =
      body(get("controller", std::string("/api/v1/deviations?per_page=2&page=2&") + kToday));
  EXPECT_EQ(page["total"], 3);
  ASSERT_EQ(page["items"].size(), 1U);
  EXPECT_EQ(page["items"][0]["code"], c);
  EXPECT_EQ(page["items"][0]["unit_name"], "Lärande");
  EXPECT_EQ(page["items"][0]["reported_by"], people_.sector_head);

  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"state=shut", "state"},
                                                        {"gravity=5", "gravity"},
                                                        {"gravity=x", "gravity"},
                                                        {"category=weather", "category"},
                                                        {"from=2025-13-01", "from"},
                                                        {"to=igår", "to"},
                                                        {"waiting_for=kd", "waiting_for"},
                                                        {"unit=NOWHERE", "unit"},
                                                        {"sector=LAR-E01", "sector"},
                                                        {"per_page=0", "per_page"}}) {
    auto reply = get("controller", "/api/v1/deviations?" + query);
    EXPECT_EQ(reply.result_int(), 400) << query << ": " << reply.body();
    EXPECT_EQ(fieldsOf(reply).count(field), 1U) << query << ": " << reply.body();
  }
  auto category = get("controller", "/api/v1/deviations?category=weather");
  EXPECT_NE(category.body().find("work_environment"), std::string::npos)
      << "the valid categories are listed";
}

TEST_F(DeviationRoutes, StatisticsCountTheRegisterAndTimeTheAcknowledgements) {
  const std::string code = reported("medarbetare", report(3))["code"];
  at(30);
  ASSERT_EQ(post("sektorschef", target(code, "/acknowledge")).result_int(), 200);
  at(90);
  ASSERT_EQ(post("kd", target(code, "/acknowledge")).result_int(), 200);
  json closed = report(1, "Liten skada");
  closed["category"] = "quality";
  const std::string other = reported("enhetschef", closed)["code"];
  ASSERT_EQ(post("enhetschef", target(other, "/close"), {{"closing_note", "Lagat."}}).result_int(),
            200);

  auto reply = get("controller", std::string("/api/v1/deviations/statistics?") + kToday);
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  json statistics = body(reply);
  EXPECT_EQ(statistics["total"], 2);
  EXPECT_EQ(statistics["by_gravity"], (json{{"1", 1}, {"2", 0}, {"3", 1}, {"4", 0}}));
  EXPECT_EQ(statistics["by_state"], (json{{"open", 1}, {"closed", 1}}));
  EXPECT_EQ(statistics["by_category"]["finances"], 1);
  EXPECT_EQ(statistics["by_category"]["quality"], 1);
  EXPECT_EQ(statistics["by_category"]["other"], 0);
  std::map<std::string, json> by_reach;
  for (const auto& row : statistics["acknowledgement"]) by_reach[row["reach"]] = row;
  ASSERT_EQ(by_reach.size(), 4U);
  // The unit level: told once and waited for (the employee's report); the unit manager's own
  // report says nothing of how fast a level answers, so it is not counted.
  EXPECT_EQ(by_reach["unit"]["told"], 1);
  EXPECT_EQ(by_reach["unit"]["acknowledged"], 0);
  EXPECT_EQ(by_reach["unit"]["waiting"], 1);
  EXPECT_EQ(by_reach["sector"]["median_minutes"], 30);
  EXPECT_EQ(by_reach["executive_board"]["told"], 2) << "the chief executive's office and KS";
  EXPECT_EQ(by_reach["executive_board"]["acknowledged"], 1);
  EXPECT_EQ(by_reach["executive_board"]["waiting"], 1);
  EXPECT_EQ(by_reach["executive_board"]["max_minutes"], 90);
  EXPECT_EQ(by_reach["council"]["told"], 0);
  EXPECT_TRUE(by_reach["council"]["median_minutes"].is_null());

  auto open_only =
      body(get("controller", std::string("/api/v1/deviations/statistics?state=open&") + kToday));
  EXPECT_EQ(open_only["total"], 1) << "the register's filters apply";
  EXPECT_EQ(get("controller", "/api/v1/deviations/statistics?gravity=9").result_int(), 400);
}

TEST_F(DeviationRoutes, TheCsvExportHasAHeaderAndOneRowPerDeviation) {
  const std::string code =
      reported("medarbetare", report(3, "Vattenläcka, matsal och kök"))["code"];
  at(30);
  ASSERT_EQ(post("sektorschef", target(code, "/acknowledge")).result_int(), 200);
  reported("medarbetare", report(2, "=HYPERLINK(\"http://x\")"));

  auto reply = get("controller", std::string("/api/v1/deviations/export.csv?gravity=3&") + kToday);
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  EXPECT_EQ(reply[bhttp::field::content_type], "text/csv; charset=utf-8");
  EXPECT_NE(std::string(reply[bhttp::field::content_disposition]).find("attachment"),
            std::string::npos);
  std::vector<std::string> lines;
  std::istringstream in(reply.body());
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  ASSERT_EQ(lines.size(), 2U) << reply.body();
  EXPECT_EQ(lines[0],
            "code,unit,unit_name,category,gravity,state,confidential,reported_at,reported_by,"
            "reported_by_name,title,occurred_on,levels_told,levels_acknowledged,reached,"
            "first_acknowledgement_minutes,closed_at");
  EXPECT_EQ(lines[1].rfind(code + ",LAR-E01,Grundskola Aspenäs,finances,3,open,false,", 0), 0U)
      << lines[1];
  EXPECT_NE(lines[1].find(",\"Vattenläcka, matsal och kök\",2025-11-29,4,1,Kommunstyrelsen,30,"),
            std::string::npos)
      << lines[1];
  EXPECT_EQ(reply.body().substr(reply.body().size() - 2), "\r\n");

  auto all = get("controller", "/api/v1/deviations/export.csv").body();
  EXPECT_NE(all.find(",\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos)
      << "a title a spreadsheet would run is defused: " << all;
  EXPECT_EQ(get("controller", "/api/v1/deviations/export.csv?state=maybe").result_int(), 400);
}

TEST_F(DeviationRoutes, EveryoneReadsTheGravityRulesAndOnlyControllersChangeThem) {
  auto read = get("medarbetare", "/api/v1/deviation-settings");
  ASSERT_EQ(read.result_int(), 200) << read.body();
  const json rules = body(read)["rules"];
  ASSERT_EQ(rules.size(), 4U);
  EXPECT_EQ(
      rules[2],
      (json{
          {"gravity", 3}, {"reach", "executive_board"}, {"hours", 4}, {"business_days", nullptr}}));

  json changed = {{"rules",
                   {{{"gravity", 1}, {"reach", "unit"}, {"business_days", 2}},
                    {{"gravity", 2}, {"reach", "sector"}, {"hours", 8}},
                    {{"gravity", 3}, {"reach", "executive_board"}, {"hours", 2}},
                    {{"gravity", 4}, {"reach", "council"}, {"hours", 1}}}}};
  auto employee = call("medarbetare", bhttp::verb::put, "/api/v1/deviation-settings", changed);
  EXPECT_EQ(employee.result_int(), 403) << employee.body();
  auto saved = call("controller", bhttp::verb::put, "/api/v1/deviation-settings", changed);
  ASSERT_EQ(saved.result_int(), 200) << saved.body();
  EXPECT_EQ(body(get("kd", "/api/v1/deviation-settings"))["rules"][1]["hours"], 8);

  json unknown = changed;
  unknown["rules"][1]["reach"] = "region";
  unknown["rules"][2].erase("hours");
  auto bad = call("controller", bhttp::verb::put, "/api/v1/deviation-settings", unknown);
  EXPECT_EQ(bad.result_int(), 400) << bad.body();
  EXPECT_EQ(fieldsOf(bad).count("$.rules[1].reach"), 1U) << bad.body();

  json falling = changed;
  falling["rules"][3]["reach"] = "sector";
  falling["rules"][0].erase("business_days");
  auto unusable = call("controller", bhttp::verb::put, "/api/v1/deviation-settings", falling);
  EXPECT_EQ(unusable.result_int(), 400) << unusable.body();
  EXPECT_EQ(fieldsOf(unusable).count("$.rules[0]"), 1U) << unusable.body();
  EXPECT_EQ(body(get("kd", "/api/v1/deviation-settings"))["rules"], body(saved)["rules"])
      << "nothing of the refused rules was written";

  // The new rules apply to what is reported next: gravity 2 now waits 8 hours.
  json deviation = reported("medarbetare", report(2));
  EXPECT_EQ(deviation["levels"][0]["due_at"].get<std::string>().substr(0, 16), "2025-11-30T19:00");
}

TEST_F(DeviationRoutes, NobodySignedInIsToldToSignIn) {
  const std::string code = reported("medarbetare", report(3))["code"];
  for (const std::string& path :
       {std::string("/api/v1/deviations"), std::string("/api/v1/deviations/statistics"),
        std::string("/api/v1/deviations/export.csv"), target(code),
        std::string("/api/v1/council-information"), std::string("/api/v1/deviation-settings")}) {
    auto reply = get("", path);
    EXPECT_EQ(reply.result_int(), 401) << path << ": " << reply.body();
  }
  for (const std::string& path :
       {std::string("/api/v1/deviations"), target(code, "/acknowledge"), target(code, "/comments"),
        target(code, "/assessments"), target(code, "/gravity"), target(code, "/actions"),
        target(code, "/actions/1"), target(code, "/close")}) {
    auto reply = post("", path, {{"text", "x"}});
    EXPECT_EQ(reply.result_int(), 401) << path << ": " << reply.body();
  }
  EXPECT_EQ(call("", bhttp::verb::put, "/api/v1/deviation-settings", json::object()).result_int(),
            401);
}

TEST_F(DeviationRoutes, MalformedInputIsRefusedNamingTheFieldAndWritesNothing) {
  const std::string code = reported("medarbetare", report(3))["code"];
  auto mutate = [](std::function<void(json&)> change) {
    json body = report(3);
    change(body);
    return body;
  };
  const std::vector<std::pair<json, std::string>> reports{
      {mutate([](json& b) { b["category"] = "weather"; }), "$.category"},
      {mutate([](json& b) { b["gravity"] = "three"; }), "$.gravity"},
      {mutate([](json& b) { b["gravity"] = 7; }), "gravity"},
      {mutate([](json& b) { b["occurred_on"] = "igår"; }), "$.occurred_on"},
      {mutate([](json& b) { b["occurred_on"] = "2025-12-24"; }), "occurred_on"},
      {mutate([](json& b) { b["affected_items"] = {1}; }), "$.affected_items[0]"},
      {mutate([](json& b) { b["affected_items"] = {"NO-SUCH-ITEM"}; }), "affected_items[0]"},
      {mutate([](json& b) { b["affected_indicators"] = "all"; }), "$.affected_indicators"},
      {mutate([](json& b) { b["budget_effect_sek"] = 1.5; }), "$.budget_effect_sek"},
      {mutate([](json& b) { b["confidential"] = "yes"; }), "$.confidential"},
      {mutate([](json& b) { b["severity"] = 3; }), "$"},
      {mutate([](json& b) { b.erase("title"); }), "$.title"},
      {mutate([](json& b) { b["title"] = "  "; }), "title"},
      {mutate([](json& b) { b["unit"] = "NOWHERE"; }), "unit"},
      {json::array(), "body"},
  };
  for (const auto& [sent, field] : reports) {
    auto reply = post("medarbetare", "/api/v1/deviations", sent);
    EXPECT_EQ(reply.result_int(), 400) << sent.dump() << ": " << reply.body();
    EXPECT_EQ(fieldsOf(reply).count(field), 1U) << sent.dump() << ": " << reply.body();
  }
  auto category =
      post("medarbetare", "/api/v1/deviations", mutate([](json& b) { b["category"] = "weather"; }));
  EXPECT_NE(category.body().find("unforeseen_event"), std::string::npos)
      << "the valid categories are listed: " << category.body();
  auto misspelt =
      post("medarbetare", "/api/v1/deviations", mutate([](json& b) { b["severity"] = 3; }));
  EXPECT_NE(misspelt.body().find("unknown field \\\"severity\\\""), std::string::npos)
      << misspelt.body();
  const std::string cut_short = "{\"unit\":";
  auto not_json = send("medarbetare", bhttp::verb::post, "/api/v1/deviations", &cut_short, {});
  EXPECT_EQ(not_json.result_int(), 400) << not_json.body();

  const std::vector<std::tuple<std::string, json, std::string>> steps{
      {"/comments", json::object(), "$.text"},
      {"/comments", {{"text", 5}}, "$.text"},
      {"/comments", {{"text", "   "}}, "text"},
      {"/assessments", {{"txt", "x"}}, "$.text"},
      {"/gravity", {{"gravity", "high"}}, "$.gravity"},
      {"/gravity", {{"gravity", 0}}, "gravity"},
      {"/actions", {{"description", "x"}, {"owner", "P00013"}, {"due", "soon"}}, "$.due"},
      {"/actions", {{"description", "x"}, {"owner", "NOBODY"}, {"due", "2025-12-01"}}, "owner"},
      {"/actions/1", {{"status", "finished"}}, "$.status"},
      {"/close", json::object(), "$.closing_note"},
      {"/acknowledge", {{"plan", "x"}}, "$.plan"},
  };
  for (const auto& [step, sent, field] : steps) {
    auto reply = post("kd", target(code, step), sent);
    EXPECT_EQ(reply.result_int(), 400) << step << " " << sent.dump() << ": " << reply.body();
    EXPECT_EQ(fieldsOf(reply).count(field), 1U)
        << step << " " << sent.dump() << ": " << reply.body();
  }
  auto bad_tag = call("kd", bhttp::verb::post, target(code, "/acknowledge"), std::nullopt, "W/x");
  EXPECT_EQ(bad_tag.result_int(), 400) << bad_tag.body();

  EXPECT_EQ(registerOf("controller"), std::vector<std::string>{code}) << "nothing was reported";
  auto after = get("kd", target(code));
  EXPECT_EQ(after[bhttp::field::etag], "\"1\"") << "nothing was changed";
  EXPECT_EQ(body(after)["timeline"].size(), 5U) << body(after)["timeline"].dump(2);
}

TEST_F(DeviationRoutes, AUnitsReportBackTakesUpItsDeviations) {
  const std::string code = reported("medarbetare", report(3))["code"];
  auto unit = get("enhetschef", "/api/v1/occasions/2025-AR/report-backs/LAR-E01");
  ASSERT_EQ(unit.result_int(), 200) << unit.body();
  const json deviations = body(unit)["deviations"];
  auto mine = std::find_if(deviations.begin(), deviations.end(),
                           [&](const json& listed) { return listed["code"] == code; });
  ASSERT_NE(mine, deviations.end()) << deviations.dump(2);
  EXPECT_EQ((*mine)["gravity"], 3);
  EXPECT_EQ((*mine)["levels_told"], 4);
  for (const auto& listed : deviations) EXPECT_EQ(listed["unit"], "LAR-E01");

  auto sector = get("sektorschef", "/api/v1/occasions/2025-AR/report-backs/SEK-LAR");
  ASSERT_EQ(sector.result_int(), 200) << sector.body();
  EXPECT_NE(body(sector)["deviations"].dump().find(code), std::string::npos)
      << "the sector's report takes up those of the units below it";
  auto other = get("controller", "/api/v1/occasions/2025-AR/report-backs/SEK-VOO");
  ASSERT_EQ(other.result_int(), 200) << other.body();
  EXPECT_EQ(body(other)["deviations"].dump().find(code), std::string::npos)
      << "another sector's does not";
}

}  // namespace
}  // namespace styr::http::test
