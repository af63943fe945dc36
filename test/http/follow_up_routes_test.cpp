// The follow-up cycle over HTTP, on the Lerum demo: the controller adopts and edits the plan,
// a unit head reports back to the interim report, the sector head returns and approves, the
// unit's staff read what was submitted, and the overview and roll-ups show where it stands.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

// An extra follow-up of the board on October, added by the controller to the year's plan:
// every level reports to it, its deadlines passed before the demo's date, and nothing has
// been written to it, whatever the demo's own plan holds.
constexpr const char* kExtra = "/api/v1/occasions/2025-UPP-10";
constexpr const char* kReport = "/api/v1/occasions/2025-UPP-10/report-backs/LAR-E01";

class FollowUpRoutes : public DemoApi {
 protected:
  //! The 2025 plan: the demo's own, or else the default plan adopted by the controller.
  void ensurePlan() {
    if (!body(get("controller", "/api/v1/occasions?year=2025"))["occasions"].empty()) return;
    Reply adopted = post("controller", "/api/v1/occasions/default-plan", {{"year", 2025}});
    ASSERT_EQ(adopted.result_int(), 201) << adopted.body();
  }
  static json extraOccasion() {
    return {{"year", 2025},
            {"name", "Extra uppföljning oktober"},
            {"kind", "tertial"},
            {"level", "executive_board"},
            {"body", "KS"},
            {"period_end", "2025-10-31"},
            {"meeting", "2025-11-26"},
            {"topics", {"finances", "operations", "quality_goals"}},
            {"deadlines",
             {{{"level", "unit"}, {"deadline", "2025-11-10"}},
              {{"level", "sector"}, {"deadline", "2025-11-14"}},
              {{"level", "chief_executive"}, {"deadline", "2025-11-19"}}}}};
  }
  void addExtraOccasion() {
    ensurePlan();
    Reply added = put("controller", kExtra, extraOccasion());
    ASSERT_EQ(added.result_int(), 201) << added.body();
  }
  std::string personOf(const std::string& user) {
    return body(get(user, "/api/v1/session"))["person"].get<std::string>();
  }
  Reply put(const std::string& user, const std::string& target, const json& body,
            const std::string& if_match = {}) {
    return call(user, bhttp::verb::put, target, body, if_match);
  }
  Reply step(const std::string& user, const std::string& what, const json& body = json::object(),
             const std::string& if_match = {}) {
    return call(user, bhttp::verb::post, std::string(kReport) + "/" + what, body, if_match);
  }
  std::int64_t auditSequence() { return store_->auditSequence("1441"); }

  //! A report-back for LAR-E01 assessing every item `report` lists as partly fulfilled, with
  //! a text for every topic; `complete` adds the analyses and corrective actions L13 asks for.
  static json content(const json& report, bool complete, const std::string& owner,
                      const std::string& analysis = "Vi når halva vägen: två av fyra klasser.") {
    json assessments = json::array();
    for (const auto& entry : report["items"]) {
      json actions = json::array();
      if (complete) {
        actions.push_back({{"description", "Extra studiestöd i matematik"},
                           {"owner", owner},
                           {"due", "2025-12-19"},
                           {"status", "planned"}});
      }
      assessments.push_back({{"item", entry["item"]["code"]},
                             {"assessment", "partly_fulfilled"},
                             {"trend", "better"},
                             {"analysis", complete ? analysis : ""},
                             {"actions", actions}});
    }
    json topics = json::array();
    for (const auto& topic : report["topics"]) {
      topics.push_back({{"topic", topic["topic"]}, {"text", "Enligt plan."}});
    }
    json values = json::array({{{"indicator", "SJUKFRANVARO"},
                                {"unit", "LAR-E01"},
                                {"period_end", "2025-10-31"},
                                {"value", 5},
                                {"numerator", 80},
                                {"denominator", 1600}}});
    return {{"assessments", assessments}, {"topics", topics}, {"indicator_values", values}};
  }

  static std::vector<std::string> codesOf(const json& occasions) {
    std::vector<std::string> codes;
    for (const auto& occasion : occasions) codes.push_back(occasion["code"]);
    return codes;
  }
  static bool hasAction(const json& report, const std::string& action) {
    const auto& actions = report["actions"];
    return std::find(actions.begin(), actions.end(), action) != actions.end();
  }
  static const json* rowOf(const json& rows, const std::string& recipient) {
    for (const auto& row : rows) {
      if (row["recipient"]["code"] == recipient) return &row;
    }
    return nullptr;
  }
};

TEST_F(FollowUpRoutes, TheControllerAdoptsADefaultPlanOnceAndNobodyElseMay) {
  // The demo's own plan, if any, is for 2025; 2026 has none yet.
  EXPECT_TRUE(body(get("controller", "/api/v1/occasions?year=2026"))["occasions"].empty());
  auto sequence = auditSequence();
  Reply refused = post("enhetschef", "/api/v1/occasions/default-plan", {{"year", 2026}});
  EXPECT_EQ(refused.result_int(), 403) << refused.body();
  EXPECT_EQ(post("", "/api/v1/occasions/default-plan", {{"year", 2026}}).result_int(), 401);
  Reply unreadable = post("controller", "/api/v1/occasions/default-plan", {{"year", "2026"}});
  EXPECT_EQ(unreadable.result_int(), 400) << unreadable.body();
  EXPECT_EQ(post("controller", "/api/v1/occasions/default-plan", {{"year", 20260}}).result_int(),
            400);
  EXPECT_EQ(post("controller", "/api/v1/occasions/default-plan", json::object()).result_int(), 400);
  EXPECT_EQ(auditSequence(), sequence);
  EXPECT_TRUE(body(get("controller", "/api/v1/occasions?year=2026"))["occasions"].empty());

  Reply adopted = post("controller", "/api/v1/occasions/default-plan", {{"year", 2026}});
  ASSERT_EQ(adopted.result_int(), 201) << adopted.body();
  json occasions = body(adopted)["occasions"];
  auto codes = codesOf(occasions);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "2026-DELAR"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "2026-AR"), codes.end());
  // One audit entry per occasion created.
  EXPECT_EQ(auditSequence(), sequence + static_cast<std::int64_t>(occasions.size()));

  Reply again = post("controller", "/api/v1/occasions/default-plan", {{"year", 2026}});
  EXPECT_EQ(again.result_int(), 409) << again.body();
  ensurePlan();
  EXPECT_EQ(post("controller", "/api/v1/occasions/default-plan", {{"year", 2025}}).result_int(),
            409);

  // Everyone signed in reads the plan, in the order the meetings come.
  Reply listed = get("medarbetare", "/api/v1/occasions?year=2026");
  ASSERT_EQ(listed.result_int(), 200) << listed.body();
  json plan = body(listed)["occasions"];
  EXPECT_EQ(codesOf(plan), codes);
  for (std::size_t i = 1; i < plan.size(); ++i) {
    EXPECT_LE(plan[i - 1]["period_end"].get<std::string>(),
              plan[i]["period_end"].get<std::string>());
  }
  const json& delar = *std::find_if(
      plan.begin(), plan.end(), [](const json& entry) { return entry["code"] == "2026-DELAR"; });
  EXPECT_EQ(delar["kind"], "interim_report");
  EXPECT_EQ(delar["level"], "council");
  EXPECT_EQ(delar["body"], "KF");
  EXPECT_EQ(delar["body_name"], "Kommunfullmäktige");
  EXPECT_EQ(delar["period_end"], "2026-08-31");
  EXPECT_EQ(delar["status"], "open");
  EXPECT_EQ(delar["revision"], 1);
  EXPECT_EQ(delar["topics"].size(), 5U);
  EXPECT_FALSE(delar["deadlines"].empty());
  EXPECT_TRUE(body(get("medarbetare", "/api/v1/occasions?year=2027"))["occasions"].empty());
  EXPECT_EQ(get("", "/api/v1/occasions").result_int(), 401);
  EXPECT_EQ(get("controller", "/api/v1/occasions?year=next").result_int(), 400);
}

TEST_F(FollowUpRoutes, AnOccasionIsAddedAndReplacedAtItsRevisionAndNeverAgainstTheRules) {
  ensurePlan();
  auto sequence = auditSequence();
  EXPECT_EQ(put("sektorschef", kExtra, extraOccasion()).result_int(), 403);
  Reply created = put("controller", kExtra, extraOccasion());
  ASSERT_EQ(created.result_int(), 201) << created.body();
  EXPECT_EQ(created[bhttp::field::location], "/api/v1/occasions/2025-UPP-10");
  EXPECT_EQ(created[bhttp::field::etag], "\"1\"");
  json occasion = body(created);
  EXPECT_EQ(occasion["code"], "2025-UPP-10");
  EXPECT_EQ(occasion["status"], "open");
  EXPECT_EQ(occasion["body"], "KS");
  EXPECT_NE(occasion["body_name"], "KS");
  EXPECT_EQ(auditSequence(), sequence + 1);
  Reply read = get("medarbetare", kExtra);
  ASSERT_EQ(read.result_int(), 200) << read.body();
  EXPECT_EQ(read[bhttp::field::etag], "\"1\"");
  auto listed = codesOf(body(get("medarbetare", "/api/v1/occasions?year=2025"))["occasions"]);
  EXPECT_NE(std::find(listed.begin(), listed.end(), "2025-UPP-10"), listed.end());

  // Replaced as GET shows it, at the revision read.
  json renamed = occasion;
  renamed["name"] = "Extra uppföljning januari–oktober";
  EXPECT_EQ(put("sektorschef", kExtra, renamed, "\"1\"").result_int(), 403);
  Reply replaced = put("controller", kExtra, renamed, "\"1\"");
  ASSERT_EQ(replaced.result_int(), 200) << replaced.body();
  EXPECT_EQ(replaced[bhttp::field::etag], "\"2\"");
  EXPECT_EQ(body(replaced)["name"], "Extra uppföljning januari–oktober");
  Reply stale = put("controller", kExtra, occasion, "\"1\"");
  EXPECT_EQ(stale.result_int(), 409) << stale.body();

  // An interim report covering four months breaks L6 (six to eight months).
  sequence = auditSequence();
  const std::string delar_path = "/api/v1/occasions/2025-DELAR";
  Reply delar = get("controller", delar_path);
  ASSERT_EQ(delar.result_int(), 200) << delar.body();
  std::string delar_etag(delar[bhttp::field::etag]);
  json short_period = body(delar);
  short_period["period_end"] = "2025-04-30";
  Reply broken = put("controller", delar_path, short_period, delar_etag);
  ASSERT_EQ(broken.result_int(), 422) << broken.body();
  json refusal = body(broken);
  bool names_l6 = false;
  for (const auto& detail : refusal["error"]["details"]) names_l6 |= detail["rule"] == "L6";
  EXPECT_TRUE(names_l6) << broken.body();
  // Neither is the status changed by a PUT, nor the code.
  json closing = body(delar);
  closing["status"] = "closed";
  EXPECT_EQ(put("controller", delar_path, closing).result_int(), 400);
  closing["status"] = "open";
  closing["code"] = "2025-DELAR2";
  EXPECT_EQ(put("controller", delar_path, closing).result_int(), 400);
  EXPECT_EQ(put("controller", delar_path, json::array()).result_int(), 400);
  json misspelt = extraOccasion();
  misspelt["deadline"] = "2025-11-10";
  EXPECT_EQ(put("controller", "/api/v1/occasions/2025-UPP-11", misspelt).result_int(), 400);
  EXPECT_EQ(auditSequence(), sequence);
  EXPECT_EQ(body(get("controller", delar_path))["period_end"], "2025-08-31");
  EXPECT_EQ(get("kd", "/api/v1/occasions/2025-NONE").result_int(), 404);
  EXPECT_EQ(get("", kExtra).result_int(), 401);
}

TEST_F(FollowUpRoutes, AUnitHeadReportsBackAndTheSectorHeadReturnsAndApproves) {
  addExtraOccasion();
  const std::string head = personOf("enhetschef");
  const std::string sector_head = personOf("sektorschef");

  // Nothing written yet: the head sees what is asked of the unit, and that it is late.
  Reply empty = get("enhetschef", kReport);
  ASSERT_EQ(empty.result_int(), 200) << empty.body();
  json asked = body(empty);
  EXPECT_EQ(asked["recipient"],
            json({{"kind", "unit"}, {"code", "LAR-E01"}, {"name", asked["recipient"]["name"]}}));
  EXPECT_EQ(asked["state"], "missing");
  EXPECT_TRUE(asked["late"]);
  EXPECT_EQ(asked["approving_unit"]["code"], "SEK-LAR");
  EXPECT_EQ(asked["version"], nullptr);
  EXPECT_TRUE(hasAction(asked, "save"));
  EXPECT_FALSE(hasAction(asked, "submit"));
  ASSERT_FALSE(asked["items"].empty());
  EXPECT_EQ(asked["topics"].size(), 3U);
  EXPECT_TRUE(empty[bhttp::field::etag].empty());
  EXPECT_EQ(get("medarbetare", kReport).result_int(), 404);

  // A draft may be incomplete; submitting it is refused under L13, naming what is missing.
  Reply drafted = put("enhetschef", kReport, content(asked, false, head));
  ASSERT_EQ(drafted.result_int(), 201) << drafted.body();
  EXPECT_EQ(drafted[bhttp::field::etag], "\"1\"");
  EXPECT_EQ(body(drafted)["version"]["status"], "draft");
  EXPECT_EQ(body(drafted)["version"]["version"], 1);
  EXPECT_TRUE(hasAction(body(drafted), "submit"));
  // The draft is the head's working paper: the unit's staff do not see it, and the sector head
  // sees where it stands but not what it says.
  EXPECT_EQ(get("medarbetare", kReport).result_int(), 404);
  json above = body(get("sektorschef", kReport));
  EXPECT_EQ(above["state"], "draft");
  EXPECT_EQ(above["version"], nullptr);
  EXPECT_TRUE(above["versions"].empty());
  EXPECT_EQ(above["items"][0]["assessment"], nullptr);
  EXPECT_FALSE(hasAction(above, "approve"));

  auto sequence = auditSequence();
  Reply incomplete = step("enhetschef", "submit");
  ASSERT_EQ(incomplete.result_int(), 422) << incomplete.body();
  std::set<std::string> where;
  json l13 = body(incomplete);
  for (const auto& detail : l13["error"]["details"]) {
    EXPECT_EQ(detail["rule"], "L13") << detail.dump();
    where.insert(detail["where"].get<std::string>());
  }
  EXPECT_TRUE(where.count("assessments[0].analysis")) << incomplete.body();
  EXPECT_TRUE(where.count("assessments[0].actions")) << incomplete.body();
  EXPECT_EQ(auditSequence(), sequence);

  json complete = content(asked, true, head);
  Reply saved = put("enhetschef", kReport, complete, "\"1\"");
  ASSERT_EQ(saved.result_int(), 200) << saved.body();
  EXPECT_EQ(saved[bhttp::field::etag], "\"2\"");
  EXPECT_EQ(put("enhetschef", kReport, complete, "\"1\"").result_int(), 409);
  Reply submitted = step("enhetschef", "submit", json::object(), "\"2\"");
  ASSERT_EQ(submitted.result_int(), 200) << submitted.body();
  EXPECT_EQ(body(submitted)["state"], "submitted");
  EXPECT_EQ(body(submitted)["version"]["submitted_by"]["code"], head);
  EXPECT_EQ(body(submitted)["actions"], json::array());

  // Submitted, it never changes (D12).
  sequence = auditSequence();
  Reply changed = put("enhetschef", kReport, content(asked, true, head, "Något annat."));
  EXPECT_EQ(changed.result_int(), 409) << changed.body();
  EXPECT_EQ(auditSequence(), sequence);
  json as_submitted = body(get("enhetschef", kReport));
  EXPECT_EQ(as_submitted["items"][0]["assessment"]["analysis"],
            "Vi når halva vägen: två av fyra klasser.");
  EXPECT_EQ(as_submitted["items"][0]["assessment"]["actions"][0]["owner"], head);

  // The sector head was told, in the app.
  Reply inbox = get("sektorschef", "/api/v1/notifications");
  ASSERT_EQ(inbox.result_int(), 200) << inbox.body();
  json told = body(inbox)["notifications"];
  EXPECT_TRUE(std::any_of(told.begin(), told.end(), [](const json& notification) {
    return notification["kind"] == "report_back_submitted" && notification["link"] == kReport;
  })) << inbox.body();

  // The unit's staff read what was submitted.
  Reply staff = get("medarbetare", kReport);
  ASSERT_EQ(staff.result_int(), 200) << staff.body();
  EXPECT_EQ(body(staff)["version"]["version"], 1);
  EXPECT_EQ(body(staff)["items"][0]["assessment"]["assessment"], "partly_fulfilled");
  EXPECT_EQ(body(staff)["actions"], json::array());

  // The writer may not decide their own; the level above may.
  EXPECT_EQ(step("enhetschef", "approve").result_int(), 403);
  json deciding = body(get("sektorschef", kReport));
  EXPECT_TRUE(hasAction(deciding, "approve"));
  EXPECT_TRUE(hasAction(deciding, "return"));
  EXPECT_EQ(step("sektorschef", "return").result_int(), 400);
  EXPECT_EQ(step("sektorschef", "return", {{"reason", "  "}}).result_int(), 400);
  Reply returned = step("sektorschef", "return", {{"reason", "Beskriv åtgärderna tydligare."}});
  ASSERT_EQ(returned.result_int(), 200) << returned.body();
  EXPECT_EQ(body(returned)["state"], "returned");
  EXPECT_EQ(body(returned)["version"]["return_reason"], "Beskriv åtgärderna tydligare.");
  EXPECT_EQ(body(returned)["version"]["decided_by"]["code"], sector_head);
  json writer_told = body(get("enhetschef", "/api/v1/notifications"))["notifications"];
  EXPECT_TRUE(std::any_of(writer_told.begin(), writer_told.end(), [](const json& notification) {
    return notification["kind"] == "report_back_returned" &&
           notification["body"].get<std::string>().find("Beskriv åtgärderna tydligare.") !=
               std::string::npos;
  }));

  // The revision is a new version; the returned one stays as it was.
  Reply revised = put("enhetschef", kReport,
                      content(asked, true, head, "Två av fyra klasser; stöd från januari."));
  ASSERT_EQ(revised.result_int(), 201) << revised.body();
  EXPECT_EQ(body(revised)["version"]["version"], 2);
  EXPECT_EQ(body(revised)["versions"].size(), 2U);
  // The staff still see version 1, not the new draft.
  json staff_view = body(get("medarbetare", kReport));
  EXPECT_EQ(staff_view["version"]["version"], 1);
  EXPECT_EQ(staff_view["versions"].size(), 1U);
  EXPECT_EQ(get("medarbetare", std::string(kReport) + "?version=2").result_int(), 404);

  ASSERT_EQ(step("enhetschef", "submit").result_int(), 200);
  Reply approved = step("sektorschef", "approve");
  ASSERT_EQ(approved.result_int(), 200) << approved.body();
  EXPECT_EQ(body(approved)["state"], "approved");

  // Both versions stay readable with what they said.
  json first = body(get("medarbetare", std::string(kReport) + "?version=1"));
  EXPECT_EQ(first["version"]["status"], "returned");
  EXPECT_EQ(first["items"][0]["assessment"]["analysis"],
            "Vi når halva vägen: två av fyra klasser.");
  json second = body(get("medarbetare", std::string(kReport) + "?version=2"));
  EXPECT_EQ(second["version"]["status"], "approved");
  EXPECT_EQ(second["items"][0]["assessment"]["analysis"],
            "Två av fyra klasser; stöd från januari.");
  EXPECT_EQ(second["indicator_values"][0]["numerator"], 80);
  EXPECT_EQ(get("medarbetare", std::string(kReport) + "?version=3").result_int(), 404);
  EXPECT_EQ(get("medarbetare", std::string(kReport) + "?version=two").result_int(), 400);

  // The overview: approved, and late (the unit's deadline was 10 November).
  Reply overview = get("controller", std::string(kExtra) + "/overview");
  ASSERT_EQ(overview.result_int(), 200) << overview.body();
  json standing = body(overview);
  const json* row = rowOf(standing["recipients"], "LAR-E01");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ((*row)["state"], "approved");
  EXPECT_TRUE((*row)["late"]);
  EXPECT_EQ((*row)["writers"][0]["code"], head);
  EXPECT_NE(rowOf(standing["late"], "LAR-E01"), nullptr);
  EXPECT_EQ(rowOf(standing["missing"], "LAR-E01"), nullptr);
  const json* other = rowOf(standing["missing"], "LAR-E02");
  ASSERT_NE(other, nullptr);
  EXPECT_FALSE((*other)["writers"].empty());

  // The indicator values reported with it count in the roll-up.
  json figures = body(get("controller", std::string(kExtra) + "/indicators?unit=LAR-E01"));
  for (const auto& indicator : figures["indicators"]) {
    if (indicator["code"] != "SJUKFRANVARO") continue;
    ASSERT_EQ(indicator["values"].size(), 1U);
    EXPECT_DOUBLE_EQ(indicator["values"][0]["value"].get<double>(), 5.0);
  }

  // Closed, nothing more is written; reopening needs a reason, which the audit trail keeps.
  Reply closed = post("controller", std::string(kExtra) + "/close");
  ASSERT_EQ(closed.result_int(), 200) << closed.body();
  EXPECT_EQ(body(closed)["status"], "closed");
  Reply locked = put("enhetschef", kReport, complete);
  EXPECT_EQ(locked.result_int(), 409) << locked.body();
  EXPECT_EQ(errorCode(locked), "locked");
  EXPECT_EQ(body(get("enhetschef", kReport))["actions"], json::array());
  EXPECT_EQ(post("controller", std::string(kExtra) + "/reopen").result_int(), 400);
  EXPECT_EQ(post("controller", std::string(kExtra) + "/reopen", {{"reason", ""}}).result_int(),
            400);
  EXPECT_EQ(post("sektorschef", std::string(kExtra) + "/reopen", {{"reason", "Fel"}}).result_int(),
            403);
  Reply reopened =
      post("controller", std::string(kExtra) + "/reopen", {{"reason", "Fel siffror för LAR-E07."}});
  ASSERT_EQ(reopened.result_int(), 200) << reopened.body();
  EXPECT_EQ(body(reopened)["status"], "open");
  auto trail = store_->auditEntriesOf("1441", "occasion", "2025-UPP-10");
  EXPECT_TRUE(std::any_of(trail.begin(), trail.end(), [](const domain::AuditEntry& entry) {
    return entry.action.rfind("occasion.reopened", 0) == 0 &&
           entry.after.find("Fel siffror för LAR-E07.") != std::string::npos;
  }));

  // The trails over the API: the occasion's to anyone who reports by it, the report-back's
  // versions to those who read them.
  Reply occasion_trail =
      get("medarbetare", "/api/v1/audit?record_kind=occasion&record=2025-UPP-10");
  ASSERT_EQ(occasion_trail.result_int(), 200) << occasion_trail.body();
  std::vector<std::string> occasion_steps;
  json occasion_entries = body(occasion_trail)["items"];
  for (const auto& entry : occasion_entries) {
    occasion_steps.push_back(entry["action"].get<std::string>());
  }
  EXPECT_EQ(occasion_steps,
            (std::vector<std::string>{"occasion.created", "occasion.closed", "occasion.reopened"}));
  const std::string key = "2025-UPP-10/LAR-E01";
  Reply versions = get("sektorschef", "/api/v1/audit?record_kind=report_back&record=" + key);
  ASSERT_EQ(versions.result_int(), 200) << versions.body();
  std::vector<std::string> steps;
  json version_entries = body(versions)["items"];
  for (const auto& entry : version_entries) {
    steps.push_back(entry["record"].get<std::string>() + " " + entry["action"].get<std::string>());
  }
  EXPECT_EQ(steps.front(), key + "/1 report_back.created") << versions.body();
  EXPECT_EQ(steps.back(), key + "/2 report_back.approved") << versions.body();
  EXPECT_EQ(
      get("sektorschef", "/api/v1/audit?record_kind=report_back&record=" + key + "/2").result_int(),
      200);
  EXPECT_EQ(
      get("kd", "/api/v1/audit?record_kind=report_back&record=2025-UPP-10/LAR-E99").result_int(),
      404);
}

TEST_F(FollowUpRoutes, TheListShowsEachCallerTheReportBacksTheyMaySee) {
  addExtraOccasion();
  const std::string target = std::string(kExtra) + "/report-backs?per_page=500";
  Reply all = get("controller", target);
  ASSERT_EQ(all.result_int(), 200) << all.body();
  json listed = body(all);
  auto total = listed["total"].get<std::size_t>();
  EXPECT_GT(total, 20U);
  const json* unit = rowOf(listed["items"], "LAR-E01");
  ASSERT_NE(unit, nullptr);
  EXPECT_EQ((*unit)["state"], "missing");
  EXPECT_EQ((*unit)["approving_unit"], "SEK-LAR");
  EXPECT_EQ((*unit)["readable_version"], nullptr);

  // The sector head sees their sector's recipients, not the others'.
  json sector = body(get("sektorschef", target));
  EXPECT_LT(sector["total"].get<std::size_t>(), total);
  EXPECT_NE(rowOf(sector["items"], "LAR-E01"), nullptr);
  EXPECT_NE(rowOf(sector["items"], "SEK-LAR"), nullptr);
  EXPECT_EQ(rowOf(sector["items"], "SEK-VOO"), nullptr);
  // The unit head their own; the employee nothing until something is submitted.
  json own = body(get("enhetschef", target));
  EXPECT_NE(rowOf(own["items"], "LAR-E01"), nullptr);
  EXPECT_EQ(rowOf(own["items"], "LAR-E02"), nullptr);
  EXPECT_EQ(body(get("medarbetare", target))["total"], 0);

  json missing = body(get("controller", std::string(kExtra) + "/report-backs?state=approved"));
  EXPECT_EQ(missing["total"], 0);
  EXPECT_EQ(get("controller", std::string(kExtra) + "/report-backs?state=late").result_int(), 400);
  EXPECT_EQ(get("controller", "/api/v1/occasions/2024-DELAR/report-backs").result_int(), 404);
  EXPECT_EQ(get("", std::string(kExtra) + "/report-backs").result_int(), 401);
}

TEST_F(FollowUpRoutes, AHeadSeesTheOverviewOfTheirSubtree) {
  addExtraOccasion();
  Reply whole = get("controller", std::string(kExtra) + "/overview");
  ASSERT_EQ(whole.result_int(), 200) << whole.body();
  json all = body(whole);
  EXPECT_EQ(all["scope"], nullptr);
  EXPECT_EQ(all["today"], "2025-11-30");
  EXPECT_EQ(all["report_backs"]["total"], all["recipients"].size());
  EXPECT_EQ(all["report_backs"]["missing"], all["recipients"].size());

  Reply sector = get("sektorschef", std::string(kExtra) + "/overview");
  ASSERT_EQ(sector.result_int(), 200) << sector.body();
  json part = body(sector);
  EXPECT_EQ(part["scope"], json::array({"SEK-LAR"}));
  EXPECT_LT(part["recipients"].size(), all["recipients"].size());
  EXPECT_EQ(part["report_backs"]["total"], part["recipients"].size());
  for (const auto& row : part["recipients"]) {
    EXPECT_EQ(row["unit"].get<std::string>().rfind("LAR", 0) == 0 || row["unit"] == "SEK-LAR", true)
        << row.dump();
  }
  EXPECT_EQ(rowOf(part["missing"], "SEK-VOO"), nullptr);
  EXPECT_NE(rowOf(part["missing"], "LAR-E01"), nullptr);

  EXPECT_EQ(get("sektorschef", std::string(kExtra) + "/overview?unit=SEK-VOO").result_int(), 403);
  EXPECT_EQ(get("medarbetare", std::string(kExtra) + "/overview").result_int(), 403);
  EXPECT_EQ(get("controller", std::string(kExtra) + "/overview?unit=NOPE").result_int(), 404);
  EXPECT_EQ(get("controller", "/api/v1/occasions/NOPE/overview").result_int(), 404);
}

TEST_F(FollowUpRoutes, APercentageRollsUpAsTheRatioOfTheSums) {
  addExtraOccasion();
  Reply read = get("medarbetare", std::string(kExtra) + "/indicators?unit=SEK-LAR");
  ASSERT_EQ(read.result_int(), 200) << read.body();
  json figures = body(read);
  EXPECT_EQ(figures["period_end"], "2025-10-31");
  const json* absence = nullptr;
  for (const auto& indicator : figures["indicators"]) {
    if (indicator["code"] == "SJUKFRANVARO") absence = &indicator;
  }
  ASSERT_NE(absence, nullptr);
  EXPECT_EQ((*absence)["aggregation"], "ratio_of_sums");
  EXPECT_EQ((*absence)["unit_of_measure"], "%");

  // What the units of Lärande reported for the period (nobody has reported back to the
  // occasion yet, so these are the values recorded for its period's end), summed by hand.
  domain::OrganisationData data = store_->loadOrganisation("1441");
  std::map<std::string, std::string> parents;
  for (const auto& unit : data.units) parents[unit.code] = unit.parent;
  auto inSector = [&](std::string unit) {
    for (; !unit.empty(); unit = parents[unit]) {
      if (unit == "SEK-LAR") return true;
    }
    return false;
  };
  double numerator = 0;
  double denominator = 0;
  std::size_t reporting = 0;
  for (const auto& value : data.indicator_values) {
    if (value.indicator != "SJUKFRANVARO" || domain::formatDate(value.period_end) != "2025-10-31" ||
        !inSector(value.unit)) {
      continue;
    }
    numerator += value.numerator.value_or(0);
    denominator += value.denominator.value_or(0);
    ++reporting;
  }
  ASSERT_GT(reporting, 1U);
  const json* sector = nullptr;
  for (const auto& row : (*absence)["values"]) {
    EXPECT_TRUE(inSector(row["unit"].get<std::string>())) << row.dump();
    if (row["unit"] == "SEK-LAR") sector = &row;
  }
  ASSERT_NE(sector, nullptr);
  EXPECT_NEAR((*sector)["value"].get<double>(), numerator / denominator * 100, 1e-9);
  EXPECT_EQ((*sector)["units_reported"], reporting);

  EXPECT_EQ(get("", std::string(kExtra) + "/indicators").result_int(), 401);
  EXPECT_EQ(get("medarbetare", std::string(kExtra) + "/indicators?unit=NOPE").result_int(), 404);
}

TEST_F(FollowUpRoutes, BadRequestsAreRefusedAndWriteNothing) {
  addExtraOccasion();
  auto sequence = auditSequence();
  EXPECT_EQ(put("enhetschef", kReport, json::array()).result_int(), 400);
  EXPECT_EQ(put("enhetschef", kReport, {{"assessments", "all good"}}).result_int(), 400);
  EXPECT_EQ(put("enhetschef", kReport, {{"summary", "all good"}}).result_int(), 400);
  EXPECT_EQ(put("enhetschef", kReport, {{"topics", {{{"topic", "weather"}, {"text", "ok"}}}}})
                .result_int(),
            400);
  EXPECT_EQ(put("enhetschef", kReport, json::object(), "\"x\"").result_int(), 400);
  EXPECT_EQ(put("enhetschef", "/api/v1/occasions/2025-UPP-10/report-backs/NOBODY", json::object())
                .result_int(),
            404);
  EXPECT_EQ(put("enhetschef", "/api/v1/occasions/2030-DELAR/report-backs/LAR-E01", json::object())
                .result_int(),
            404);
  // An item that is not the unit's breaks the draft's integrity.
  Reply foreign = put("enhetschef", kReport,
                      {{"assessments", {{{"item", "LAR-U002"}, {"actions", json::array()}}}}});
  EXPECT_EQ(foreign.result_int(), 422) << foreign.body();
  // Another unit's report-back is not the head's to write.
  EXPECT_EQ(put("enhetschef", "/api/v1/occasions/2025-UPP-10/report-backs/LAR-E02", json::object())
                .result_int(),
            403);
  EXPECT_EQ(step("enhetschef", "submit").result_int(), 409);
  EXPECT_EQ(auditSequence(), sequence);
  EXPECT_EQ(get("enhetschef", "/api/v1/occasions/2025-UPP-10/report-backs/NOBODY").result_int(),
            404);
}

}  // namespace
}  // namespace styr::http::test
