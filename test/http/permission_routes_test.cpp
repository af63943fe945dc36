// docs/permissions.md over HTTP, as a table: every role asks for every kind of step on records
// at each position relative to their own unit, and gets the allow or deny the table promises.
// The access layer's own table test (test/access) checks the rules; this one checks that the
// routes ask them, with the right subject, before touching anything, and answer as the error
// map says: 401 for nobody where signing in is needed, 404 when the caller may not even read
// the record (nobody included: a draft's code must not give away that it exists), 403 when
// they may read it but not take the step.
//
// Who is who (the demo's logins, and two more):
//   medarbetare  employee of LAR-E01 (Grundskola Aspenäs)
//   enhetschef   head of LAR-E01, and of its one workplace LAR-A001 below it
//   sektorschef  head of SEK-LAR (the sector Lärande)
//   kd           chief executive: head of KD, above every sector
//   ledamot      member of the council KF (and chair of its drafting committee KF-BER2)
//   ordforande   chair of the board KS, member of KF
//   controller   controller: secretary of KF and KS, controller in KD
//   admin        administrator (account flag, and an administrator membership in INT-E03)
//   token        a machine client: the controller's API token with the scope read only
//   provkommunen controller and administrator of another organisation, 0999
//   nobody       not signed in; has no unit, so its rows ask for the records the employee's
//                rows place around LAR-E01
//
// Positions, relative to the actor's own unit: own; subtree (below it); parent (above it, its
// parent or higher); sibling (beside it, under the same parent); other_sector (in another
// sector's part of the tree); other_org (another organisation's record). An item sits at its
// issuer for the issuer's steps (create, edit the WHAT, issue, cancel) and at its recipient
// for reading and the recipient's steps (acknowledge, edit the HOW, complete), an item to a
// person at the person's unit; a document sits at its deciding body, a person at their unit,
// a token at its creator's, and a unit, an indicator value, coverage and statistics at the unit
// named.
//
// Records (the demo's, and those test/http/two_organisations.hpp adds, codes T-*):
//   LAR-U001 SEK-LAR->LAR-E01 acknowledged      LAR-U002 SEK-LAR->LAR-E02 acknowledged
//   LAR-E01-U01 LAR-E01->LAR-A001 acknowledged  LAR-E01-A01 LAR-E01->medarbetare acknowledged
//   LAR-E02-U05 LAR-E02->LAR-A002 issued        INT-U004 SEK-INT->INT-E03 acknowledged
//   KD-U001 KD->SEK-LAR acknowledged            KD-U004 KD->SEK-VOO acknowledged
//   VP25-U01 KS->KD acknowledged                BU25-M01 KF->KS council goal, acknowledged
//   VOO-U013 SEK-VOO->VOO-E01 acknowledged      VOO-U021 SEK-VOO->VOO-E22 issued
//   T-E01-DRAFT LAR-E01->LAR-A001 draft         T-E01-ISSUED LAR-E01->medarbetare issued
//   T-LAR-DRAFT / T-LAR-ISSUED SEK-LAR->LAR-E01 T-KD-DRAFT / T-KD-ISSUED KD->SEK-LAR
//   T-KS-DRAFT / T-KS-ISSUED KS->KD             T-KF-DRAFT / T-KF-ISSUED KF->KS
//   T-VOO-DRAFT SEK-VOO->VOO-E01 draft          T-INT-ISSUED SEK-INT->INT-E03 issued
//   draft documents RUTIN-E01 (LAR-E01), RIKTLINJER-LAR (SEK-LAR), RIKTLINJER-VOO (SEK-VOO),
//   POLICY-KLIMAT (KS); decided POLICY-CHEF (KS), VISION (KF)
//   people P00123 medarbetare, P00122 a colleague in LAR-E01, P00124 employee of LAR-A001,
//   P00173 of LAR-E02, P01715 of VOO-E01, P00003 sektorschef, P00001 kd, P02558 of INT-E03,
//   P00012 admin, P02623 ordforande, P02639 ledamot, P02672 chair of NMD-01 (beside KS)
//   only in 0999: item LAR-E20-A11, person P02683, unit LAR-A058; only in Lerum: item
//   LAR-E20-U07, units BOL-02 and KF-BER4, and every T-* record and draft document above.
// An allowed cancel is of a T-* item: cancelling one that other items carry on would break
// their D3 (422), which is the rules' answer, not the table's.

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "http/two_organisations.hpp"

namespace styr::http::test {
namespace {

enum class Role {
  nobody,
  medarbetare,
  enhetschef,
  sektorschef,
  kd,
  ledamot,
  ordforande,
  controller,
  admin,
  token,
  provkommunen,
};

constexpr std::array kRoles{Role::nobody, Role::medarbetare, Role::enhetschef,  Role::sektorschef,
                            Role::kd,     Role::ledamot,     Role::ordforande,  Role::controller,
                            Role::admin,  Role::token,       Role::provkommunen};

std::string nameOf(Role role) {
  switch (role) {
    case Role::nobody:
      return "nobody";
    case Role::medarbetare:
      return "medarbetare";
    case Role::enhetschef:
      return "enhetschef";
    case Role::sektorschef:
      return "sektorschef";
    case Role::kd:
      return "kd";
    case Role::ledamot:
      return "ledamot";
    case Role::ordforande:
      return "ordforande";
    case Role::controller:
      return "controller";
    case Role::admin:
      return "admin";
    case Role::token:
      return "token";
    case Role::provkommunen:
      return kOtherLogin;
  }
  return "?";
}

enum class Position { own, subtree, parent, sibling, other_sector, other_org };

constexpr std::array kPositions{Position::own,     Position::subtree,      Position::parent,
                                Position::sibling, Position::other_sector, Position::other_org};

std::string nameOf(Position position) {
  switch (position) {
    case Position::own:
      return "own";
    case Position::subtree:
      return "subtree";
    case Position::parent:
      return "parent";
    case Position::sibling:
      return "sibling";
    case Position::other_sector:
      return "other_sector";
    case Position::other_org:
      return "other_org";
  }
  return "?";
}

//! The actions the table must ask about at least once (docs/permissions.md's names).
const std::vector<std::string> kActions{
    "read_item",       "create_item",        "edit_what",
    "issue_item",      "acknowledge_item",   "edit_how",
    "complete_item",   "cancel_item",        "read_document",
    "create_document", "record_decision",    "read_units",
    "read_people",     "manage_memberships", "manage_accounts",
    "manage_tokens",   "read_indicators",    "record_indicator_value",
    "read_audit",      "read_coverage",      "read_stats",
    "export_data",     "import_data"};

constexpr auto kGet = bhttp::verb::get;
constexpr auto kPost = bhttp::verb::post;
constexpr auto kPatch = bhttp::verb::patch;
constexpr auto kPut = bhttp::verb::put;
constexpr auto kDelete = bhttp::verb::delete_;

struct Row {
  Role role;
  std::string action;
  Position position;
  bhttp::verb method;
  std::string target;
  std::string body;  //!< JSON; CSV for import_data
  int status;
  std::string what = {};   //!< tells apart rows of the same role, action and position
  std::string shows = {};  //!< what the reply's body must contain, if anything
};

std::string nameOf(const Row& row) {
  std::string name = nameOf(row.role) + "_" + row.action + "_" + nameOf(row.position);
  if (!row.what.empty()) name += "_" + row.what;
  return name;
}

void PrintTo(const Row& row, std::ostream* out) {
  *out << nameOf(row) << ": " << bhttp::to_string(row.method) << " " << row.target << " "
       << row.body << " -> " << row.status;
}

// ---- Request bodies

const std::string kTitle = R"({"title": "Ny lydelse"})";
const std::string kPlan = R"({"plan": "Så här gör vi."})";
const std::string kNote = R"({"closing_note": "Klart."})";
const std::string kNothing = "{}";
const std::string kDecision =
    R"({"date": "2025-11-28", "minute_paragraph": "§ 12", "case_number": "KS 2025/0456"})";
const std::string kAccount =
    R"({"username": "ny.anvandare", "person": "P00122", "password": "ett-langt-losenord"})";
const std::string kToken = R"({"name": "egen-token", "scopes": ["read"]})";
const std::string kUnitsCsv =
    "code,name,kind,parent,valid_from,valid_to\n"
    "LAR-A901,Förskolan Ekhagen,workplace,LAR-E01,2026-01-01,\n";

//! A new assignment from `issuer` to `recipient`, carrying on `origin`.
std::string assignment(const std::string& issuer, const std::string& recipient,
                       const std::string& origin, const std::string& document = {}) {
  nlohmann::json item{
      {"kind", "assignment"},
      {"issuer", issuer},
      {"recipient_unit", recipient},
      {"origin", origin},
      {"title", "Nytt uppdrag"},
      {"follow_up", {{"deliverable", "Rapport"}, {"deliverable_due", "2026-06-30"}}}};
  if (!document.empty()) item["document"] = document;
  return item.dump();
}

//! A new activity of LAR-E01 for one of its own people.
std::string activity(const std::string& person) {
  return nlohmann::json{
      {"kind", "activity"},         {"issuer", "LAR-E01"},
      {"recipient_person", person}, {"origin", "LAR-U001"},
      {"title", "Ny aktivitet"},    {"follow_up", {{"deliverable", "Återrapport"}}}}
      .dump();
}

//! A new council goal for the board, in the budget.
const std::string kCouncilGoal = nlohmann::json{{"kind", "goal"},
                                                {"issuer", "KF"},
                                                {"recipient_unit", "KS"},
                                                {"origin", "VOM-M01"},
                                                {"document", "BUDGET-2025"},
                                                {"title", "Nytt mål"},
                                                {"follow_up", {{"deliverable", "Årsredovisning"}}}}
                                     .dump();

std::string document(const std::string& deciding_body) {
  return nlohmann::json{{"code", "RIKTLINJER-NY"},
                        {"kind", "policy"},
                        {"title", "Ny riktlinje"},
                        {"deciding_body", deciding_body},
                        {"valid_from", "2026-01-01"}}
      .dump();
}

//! January 2026's energy use of `unit`: a period no unit has reported yet.
std::string energy(const std::string& unit) {
  return nlohmann::json{{"unit", unit}, {"period_end", "2026-01-31"}, {"value", 1200}}.dump();
}

std::string employment(const std::string& unit) {
  return nlohmann::json{{"unit", unit}, {"role", "employee"}, {"valid_from", "2025-12-01"}}.dump();
}

std::string item(const std::string& code) {
  return "/api/v1/items/" + code;
}
std::string step(const std::string& code, const std::string& name) {
  return "/api/v1/items/" + code + "/" + name;
}
std::string documentAt(const std::string& code) {
  return "/api/v1/documents/" + code;
}
std::string decision(const std::string& code) {
  return "/api/v1/documents/" + code + "/decision";
}
std::string person(const std::string& code) {
  return "/api/v1/people/" + code;
}
std::string memberships(const std::string& code) {
  return "/api/v1/people/" + code + "/memberships";
}
std::string unit(const std::string& code) {
  return "/api/v1/units/" + code;
}
std::string itemTrail(const std::string& code) {
  return "/api/v1/audit?record_kind=item&record=" + code;
}
std::string trailOf(const std::string& kind, const std::string& code) {
  return "/api/v1/audit?record_kind=" + kind + "&record=" + code;
}

const std::string kItems = "/api/v1/items";
const std::string kDocuments = "/api/v1/documents";
const std::string kUnits = "/api/v1/units";
const std::string kAccounts = "/api/v1/accounts";
const std::string kTokens = "/api/v1/tokens";
const std::string kControllersToken = std::string("/api/v1/tokens/") + kReadToken;
const std::string kIndicators = "/api/v1/indicators";
const std::string kEnergyValues = "/api/v1/indicators/ENERGI/values";
const std::string kCoverage = "/api/v1/coverage";
const std::string kStats = "/api/v1/stats";
const std::string kExport = "/api/v1/export";
const std::string kImport = "/api/v1/import?kind=units";

// ---- The table

std::vector<Row> nobodyRows() {
  constexpr Role r = Role::nobody;
  using P = Position;
  return {
      {r, "read_item", P::own, kGet, item("LAR-U001"), "", 404},
      {r, "read_item", P::parent, kGet, item("BU25-M01"), "", 200, "council_goal"},
      {r, "read_item", P::parent, kGet, item("T-KF-DRAFT"), "", 404, "council_draft"},
      {r, "read_item", P::other_org, kGet, item("VOM-M01") + "?organisation=0999", "", 200,
       "council_goal"},
      {r, "read_item", P::other_org, kGet, item("LAR-E20-A11"), "", 404, "asked_of_lerum"},
      {r, "create_item", P::own, kPost, kItems, activity("P00123"), 401},
      {r, "acknowledge_item", P::own, kPost, step("T-LAR-ISSUED", "acknowledge"), kPlan, 401},
      {r, "read_document", P::parent, kGet, documentAt("POLICY-CHEF"), "", 200, "decided"},
      {r, "read_document", P::own, kGet, documentAt("RUTIN-E01"), "", 404, "draft"},
      {r, "read_document", P::other_org, kGet, documentAt("VISION") + "?organisation=0999", "", 200,
       "decided"},
      {r, "create_document", P::own, kPost, kDocuments, document("LAR-E01"), 401},
      {r, "read_units", P::own, kGet, kUnits, "", 401, "tree"},
      {r, "read_people", P::own, kGet, person("P00123"), "", 401},
      {r, "manage_memberships", P::own, kPost, memberships("P00123"), employment("LAR-E02"), 401},
      {r, "manage_tokens", P::own, kGet, kTokens, "", 401, "list"},
      {r, "read_indicators", P::own, kGet, kIndicators, "", 401},
      {r, "record_indicator_value", P::subtree, kPost, kEnergyValues, energy("LAR-A001"), 401},
      // The trail names who changed what: even a public record's needs signing in (†16).
      {r, "read_audit", P::parent, kGet, itemTrail("BU25-M01"), "", 401, "council_goal"},
      {r, "read_coverage", P::own, kGet, kCoverage, "", 401},
      {r, "export_data", P::own, kGet, kExport, "", 401},
  };
}

std::vector<Row> employeeRows() {
  constexpr Role r = Role::medarbetare;
  using P = Position;
  return {
      {r, "read_item", P::own, kGet, item("LAR-E01-A01"), "", 200, "addressed_to_them"},
      {r, "read_item", P::subtree, kGet, item("T-E01-DRAFT"), "", 404, "draft"},
      {r, "read_item", P::parent, kGet, item("KD-U001"), "", 404},
      {r, "read_item", P::sibling, kGet, item("LAR-U002"), "", 404},
      {r, "read_item", P::other_sector, kGet, item("VOO-U013"), "", 404},
      {r, "read_item", P::other_org, kGet, item("LAR-E20-A11"), "", 404},
      {r, "create_item", P::own, kPost, kItems, assignment("LAR-E01", "LAR-A001", "LAR-U001"), 403},
      {r, "edit_what", P::own, kPatch, item("T-E01-ISSUED"), kTitle, 403, "addressed_to_them"},
      {r, "issue_item", P::own, kPost, step("T-E01-DRAFT", "issue"), kNothing, 404, "draft"},
      {r, "acknowledge_item", P::own, kPost, step("T-E01-ISSUED", "acknowledge"), kPlan, 200,
       "addressed_to_them"},
      {r, "acknowledge_item", P::own, kPost, step("T-LAR-ISSUED", "acknowledge"), kPlan, 403,
       "to_their_unit"},
      {r, "edit_how", P::own, kPut, step("LAR-E01-A01", "plan"), kPlan, 200, "addressed_to_them"},
      {r, "edit_how", P::own, kPut, step("LAR-U001", "plan"), kPlan, 403, "to_their_unit"},
      {r, "complete_item", P::own, kPost, step("LAR-E01-A01", "complete"), kNote, 200,
       "addressed_to_them"},
      {r, "read_document", P::parent, kGet, documentAt("POLICY-CHEF"), "", 200, "decided"},
      {r, "read_document", P::own, kGet, documentAt("RUTIN-E01"), "", 404, "draft"},
      {r, "create_document", P::own, kPost, kDocuments, document("LAR-E01"), 403},
      {r, "read_units", P::own, kGet, kUnits, "", 200, "tree"},
      {r, "read_units", P::other_sector, kGet, unit("VOO-E01"), "", 200, "",
       R"("all_members":false)"},
      {r, "read_people", P::own, kGet, person("P00123"), "", 200, "themselves"},
      {r, "read_people", P::own, kGet, person("P00122"), "", 404, "a_colleague"},
      {r, "manage_memberships", P::own, kPost, memberships("P00123"), employment("LAR-E02"), 403},
      {r, "manage_accounts", P::own, kPost, kAccounts, kAccount, 403},
      {r, "manage_tokens", P::own, kPost, kTokens, kToken, 201},
      // Someone else's token is not even revealed to exist.
      {r, "manage_tokens", P::parent, kDelete, kControllersToken, "", 404},
      {r, "read_indicators", P::own, kGet, kIndicators, "", 200},
      {r, "record_indicator_value", P::own, kPost, kEnergyValues, energy("LAR-E01"), 403},
      {r, "read_audit", P::own, kGet, itemTrail("LAR-E01-A01"), "", 200},
      {r, "read_audit", P::own, kGet, trailOf("person", "P00123"), "", 200, "themselves"},
      // Unlike /people/{code}, which answers 404 so as not to tell who exists, the trail of a
      // person the caller may not read is refused with 403.
      {r, "read_audit", P::own, kGet, trailOf("person", "P00122"), "", 404, "a_colleague"},
      {r, "read_coverage", P::own, kGet, kCoverage, "", 403},
      {r, "export_data", P::own, kGet, kExport, "", 403},
  };
}

std::vector<Row> unitManagerRows() {
  constexpr Role r = Role::enhetschef;
  using P = Position;
  return {
      {r, "read_item", P::own, kGet, item("LAR-U001"), "", 200},
      // A draft is its issuer's working paper: not shown to the unit it is addressed to (†1).
      {r, "read_item", P::own, kGet, item("T-LAR-DRAFT"), "", 404, "draft_from_above"},
      {r, "read_item", P::subtree, kGet, item("LAR-E01-U01"), "", 200},
      {r, "read_item", P::subtree, kGet, item("T-E01-DRAFT"), "", 200, "own_draft"},
      {r, "read_item", P::parent, kGet, item("KD-U001"), "", 404},
      {r, "read_item", P::sibling, kGet, item("LAR-E02-U05"), "", 404},
      {r, "read_item", P::other_sector, kGet, item("VOO-U013"), "", 404},
      {r, "read_item", P::other_org, kGet, item("LAR-E20-A11"), "", 404},
      {r, "create_item", P::own, kPost, kItems, assignment("LAR-E01", "LAR-A001", "LAR-U001"), 201},
      {r, "create_item", P::own, kPost, kItems, activity("P00123"), 201, "to_an_employee"},
      {r, "create_item", P::own, kPost, kItems, assignment("LAR-E01", "LAR-E02", "LAR-U001"), 403,
       "to_a_sibling"},
      {r, "create_item", P::parent, kPost, kItems, assignment("SEK-LAR", "LAR-E01", "KD-U001"),
       403},
      {r, "create_item", P::other_sector, kPost, kItems,
       assignment("SEK-VOO", "VOO-E01", "KD-U004"), 403},
      {r, "edit_what", P::own, kPatch, item("T-E01-DRAFT"), kTitle, 200},
      // Never the WHAT of what the unit received (D2).
      {r, "edit_what", P::parent, kPatch, item("T-LAR-ISSUED"), kTitle, 403},
      {r, "issue_item", P::own, kPost, step("T-E01-DRAFT", "issue"), kNothing, 200},
      {r, "issue_item", P::parent, kPost, step("T-LAR-DRAFT", "issue"), kNothing, 404},
      {r, "issue_item", P::other_sector, kPost, step("T-VOO-DRAFT", "issue"), kNothing, 404},
      {r, "acknowledge_item", P::own, kPost, step("T-LAR-ISSUED", "acknowledge"), kPlan, 200},
      // An item to a person is theirs alone, not their head's (†5).
      {r, "acknowledge_item", P::own, kPost, step("T-E01-ISSUED", "acknowledge"), kPlan, 403,
       "to_an_employee"},
      {r, "acknowledge_item", P::sibling, kPost, step("LAR-E02-U05", "acknowledge"), kPlan, 404},
      {r, "edit_how", P::own, kPut, step("LAR-U001", "plan"), kPlan, 200},
      {r, "edit_how", P::own, kPut, step("LAR-E01-A01", "plan"), kPlan, 403, "to_an_employee"},
      // The manager heads the workplace LAR-A001 as well, so its HOW is theirs too.
      {r, "edit_how", P::subtree, kPut, step("LAR-E01-U01", "plan"), kPlan, 200},
      {r, "complete_item", P::own, kPost, step("LAR-U001", "complete"), kNote, 200},
      {r, "cancel_item", P::own, kPost, step("LAR-E01-U01", "cancel"), kNote, 200},
      {r, "cancel_item", P::parent, kPost, step("LAR-U001", "cancel"), kNote, 403},
      {r, "read_document", P::own, kGet, documentAt("RUTIN-E01"), "", 200, "draft"},
      {r, "read_document", P::parent, kGet, documentAt("RIKTLINJER-LAR"), "", 404, "draft"},
      {r, "create_document", P::own, kPost, kDocuments, document("LAR-E01"), 201},
      {r, "create_document", P::parent, kPost, kDocuments, document("SEK-LAR"), 403},
      {r, "record_decision", P::own, kPost, decision("RUTIN-E01"), kDecision, 200},
      {r, "record_decision", P::parent, kPost, decision("RIKTLINJER-LAR"), kDecision, 404},
      {r, "read_units", P::own, kGet, unit("LAR-E01"), "", 200, "", R"("all_members":true)"},
      {r, "read_units", P::parent, kGet, unit("SEK-LAR"), "", 200, "", R"("all_members":false)"},
      {r, "read_units", P::other_org, kGet, unit("LAR-A058"), "", 404},
      {r, "read_people", P::own, kGet, person("P00123"), "", 200},
      {r, "read_people", P::subtree, kGet, person("P00124"), "", 200},
      {r, "read_people", P::sibling, kGet, person("P00173"), "", 404},
      {r, "read_people", P::other_sector, kGet, person("P01715"), "", 404},
      {r, "read_people", P::other_org, kGet, person("P02683"), "", 404},
      {r, "manage_memberships", P::own, kPost, memberships("P00123"), employment("LAR-A001"), 403},
      {r, "manage_tokens", P::own, kPost, kTokens, kToken, 201},
      {r, "read_indicators", P::own, kGet, kEnergyValues + "?unit=LAR-A001", "", 200, "values"},
      {r, "record_indicator_value", P::own, kPost, kEnergyValues, energy("LAR-E01"), 201},
      {r, "record_indicator_value", P::subtree, kPost, kEnergyValues, energy("LAR-A001"), 201},
      {r, "record_indicator_value", P::parent, kPost, kEnergyValues, energy("SEK-LAR"), 403},
      {r, "record_indicator_value", P::other_sector, kPost, kEnergyValues, energy("VOO-E01"), 403},
      {r, "read_audit", P::own, kGet, itemTrail("LAR-U001"), "", 200},
      {r, "read_audit", P::parent, kGet, trailOf("person", "P00003"), "", 404, "person"},
      // Asked for the whole organisation, a head is shown their subtree.
      {r, "read_coverage", P::own, kGet, kCoverage, "", 200, "whole", R"("scope":["LAR-E01"])"},
      {r, "read_coverage", P::parent, kGet, kCoverage + "?unit=SEK-LAR", "", 403},
      {r, "read_coverage", P::other_sector, kGet, kCoverage + "?unit=VOO-E01", "", 403},
      {r, "read_coverage", P::other_org, kGet, kCoverage + "?unit=LAR-A058", "", 404},
      {r, "read_stats", P::own, kGet, kStats + "?unit=LAR-E01", "", 200},
  };
}

std::vector<Row> sectorHeadRows() {
  constexpr Role r = Role::sektorschef;
  using P = Position;
  return {
      {r, "read_item", P::own, kGet, item("KD-U001"), "", 200},
      {r, "read_item", P::own, kGet, item("T-KD-DRAFT"), "", 404, "draft_from_above"},
      {r, "read_item", P::subtree, kGet, item("T-E01-DRAFT"), "", 200, "draft"},
      {r, "read_item", P::subtree, kGet, item("LAR-E01-A01"), "", 200, "to_a_person"},
      {r, "read_item", P::sibling, kGet, item("KD-U004"), "", 404},
      {r, "read_item", P::other_sector, kGet, item("VOO-U013"), "", 404},
      {r, "create_item", P::own, kPost, kItems, assignment("SEK-LAR", "LAR-E01", "KD-U001"), 201},
      {r, "create_item", P::subtree, kPost, kItems, assignment("LAR-E01", "LAR-A001", "LAR-U001"),
       403},
      {r, "create_item", P::parent, kPost, kItems, assignment("KD", "SEK-LAR", "VP25-U01"), 403},
      {r, "edit_what", P::own, kPatch, item("T-LAR-ISSUED"), kTitle, 200},
      // Heads above read their subtree's items but do not write their WHAT (†4).
      {r, "edit_what", P::subtree, kPatch, item("T-E01-DRAFT"), kTitle, 403},
      {r, "issue_item", P::own, kPost, step("T-LAR-DRAFT", "issue"), kNothing, 200},
      {r, "issue_item", P::subtree, kPost, step("T-E01-DRAFT", "issue"), kNothing, 403},
      {r, "issue_item", P::sibling, kPost, step("T-VOO-DRAFT", "issue"), kNothing, 404},
      {r, "acknowledge_item", P::own, kPost, step("T-KD-ISSUED", "acknowledge"), kPlan, 200},
      {r, "acknowledge_item", P::subtree, kPost, step("T-LAR-ISSUED", "acknowledge"), kPlan, 403},
      {r, "acknowledge_item", P::other_sector, kPost, step("VOO-U021", "acknowledge"), kPlan, 404},
      {r, "edit_how", P::own, kPut, step("KD-U001", "plan"), kPlan, 200},
      {r, "edit_how", P::subtree, kPut, step("LAR-U001", "plan"), kPlan, 403},
      {r, "complete_item", P::own, kPost, step("KD-U001", "complete"), kNote, 200},
      {r, "cancel_item", P::own, kPost, step("T-LAR-ISSUED", "cancel"), kNote, 200},
      {r, "cancel_item", P::subtree, kPost, step("LAR-E01-U01", "cancel"), kNote, 403},
      {r, "read_document", P::own, kGet, documentAt("RIKTLINJER-LAR"), "", 200, "draft"},
      {r, "read_document", P::subtree, kGet, documentAt("RUTIN-E01"), "", 200, "draft"},
      {r, "read_document", P::sibling, kGet, documentAt("RIKTLINJER-VOO"), "", 404, "draft"},
      {r, "create_document", P::own, kPost, kDocuments, document("SEK-LAR"), 201},
      {r, "create_document", P::subtree, kPost, kDocuments, document("LAR-E01"), 403},
      {r, "record_decision", P::own, kPost, decision("RIKTLINJER-LAR"), kDecision, 200},
      {r, "record_decision", P::subtree, kPost, decision("RUTIN-E01"), kDecision, 403},
      {r, "record_decision", P::sibling, kPost, decision("RIKTLINJER-VOO"), kDecision, 404},
      {r, "read_people", P::subtree, kGet, person("P00123"), "", 200},
      {r, "read_people", P::parent, kGet, person("P00001"), "", 404},
      {r, "manage_memberships", P::subtree, kPost, memberships("P00123"), employment("LAR-E02"),
       403},
      {r, "record_indicator_value", P::own, kPost, kEnergyValues, energy("SEK-LAR"), 201},
      {r, "record_indicator_value", P::subtree, kPost, kEnergyValues, energy("LAR-E01"), 201},
      {r, "record_indicator_value", P::sibling, kPost, kEnergyValues, energy("SEK-VOO"), 403},
      {r, "read_audit", P::subtree, kGet, itemTrail("LAR-E01-U01"), "", 200},
      {r, "read_audit", P::parent, kGet, itemTrail("VP25-U01"), "", 404},
      {r, "read_coverage", P::subtree, kGet, kCoverage + "?unit=LAR-E01", "", 200},
      {r, "read_coverage", P::sibling, kGet, kCoverage + "?unit=SEK-VOO", "", 403},
      {r, "read_stats", P::own, kGet, kStats, "", 200, "whole", R"("scope":["SEK-LAR"])"},
      {r, "read_stats", P::parent, kGet, kStats + "?unit=KD", "", 403},
  };
}

std::vector<Row> chiefExecutiveRows() {
  constexpr Role r = Role::kd;
  using P = Position;
  return {
      {r, "read_item", P::own, kGet, item("VP25-U01"), "", 200},
      {r, "read_item", P::own, kGet, item("T-KS-DRAFT"), "", 404, "draft_from_above"},
      {r, "read_item", P::subtree, kGet, item("T-LAR-DRAFT"), "", 200, "draft"},
      {r, "read_item", P::subtree, kGet, item("VOO-U013"), "", 200},
      {r, "read_item", P::parent, kGet, item("BU25-M01"), "", 200, "council_goal"},
      {r, "create_item", P::own, kPost, kItems, assignment("KD", "SEK-LAR", "VP25-U01"), 201},
      {r, "create_item", P::subtree, kPost, kItems, assignment("SEK-LAR", "LAR-E01", "KD-U001"),
       403},
      {r, "create_item", P::parent, kPost, kItems, assignment("KS", "KD", "BU25-M01", "VP-2025"),
       403},
      {r, "edit_what", P::own, kPatch, item("T-KD-DRAFT"), kTitle, 200},
      {r, "issue_item", P::own, kPost, step("T-KD-DRAFT", "issue"), kNothing, 200},
      {r, "issue_item", P::subtree, kPost, step("T-LAR-DRAFT", "issue"), kNothing, 403},
      {r, "issue_item", P::parent, kPost, step("T-KS-DRAFT", "issue"), kNothing, 404},
      {r, "acknowledge_item", P::own, kPost, step("T-KS-ISSUED", "acknowledge"), kPlan, 200},
      {r, "acknowledge_item", P::subtree, kPost, step("T-KD-ISSUED", "acknowledge"), kPlan, 403},
      {r, "edit_how", P::own, kPut, step("VP25-U01", "plan"), kPlan, 200},
      {r, "edit_how", P::subtree, kPut, step("KD-U001", "plan"), kPlan, 403},
      {r, "complete_item", P::own, kPost, step("VP25-U01", "complete"), kNote, 200},
      {r, "cancel_item", P::own, kPost, step("T-KD-ISSUED", "cancel"), kNote, 200},
      {r, "cancel_item", P::subtree, kPost, step("LAR-U001", "cancel"), kNote, 403},
      {r, "read_document", P::subtree, kGet, documentAt("RIKTLINJER-VOO"), "", 200, "draft"},
      {r, "create_document", P::own, kPost, kDocuments, document("KD"), 201},
      {r, "record_decision", P::subtree, kPost, decision("RIKTLINJER-LAR"), kDecision, 403},
      {r, "read_people", P::subtree, kGet, person("P01715"), "", 200},
      {r, "read_people", P::parent, kGet, person("P02623"), "", 404},
      {r, "record_indicator_value", P::subtree, kPost, kEnergyValues, energy("VOO-E01"), 201},
      {r, "read_audit", P::subtree, kGet, itemTrail("VOO-U013"), "", 200},
      {r, "read_coverage", P::own, kGet, kCoverage, "", 200, "whole", R"("scope":["KD"])"},
      {r, "read_coverage", P::parent, kGet, kCoverage + "?unit=KS", "", 403},
      {r, "read_stats", P::subtree, kGet, kStats + "?unit=SEK-VOO", "", 200},
  };
}

std::vector<Row> councilMemberRows() {
  constexpr Role r = Role::ledamot;
  using P = Position;
  return {
      {r, "read_item", P::subtree, kGet, item("BU25-M01"), "", 200, "council_goal"},
      // Members see a proposal in their meeting papers, not as a draft here (†1).
      {r, "read_item", P::subtree, kGet, item("T-KF-DRAFT"), "", 404, "council_draft"},
      {r, "read_item", P::subtree, kGet, item("VP25-U01"), "", 404, "the_boards"},
      {r, "create_item", P::own, kPost, kItems, kCouncilGoal, 403},
      {r, "edit_what", P::own, kPatch, item("T-KF-ISSUED"), kTitle, 403},
      {r, "issue_item", P::own, kPost, step("T-KF-DRAFT", "issue"), kNothing, 404},
      {r, "acknowledge_item", P::subtree, kPost, step("T-KF-ISSUED", "acknowledge"), kPlan, 403},
      {r, "edit_how", P::subtree, kPut, step("BU25-M01", "plan"), kPlan, 403},
      {r, "complete_item", P::subtree, kPost, step("BU25-M01", "complete"), kNote, 403},
      {r, "read_document", P::subtree, kGet, documentAt("POLICY-KLIMAT"), "", 404, "draft"},
      {r, "create_document", P::own, kPost, kDocuments, document("KF"), 403},
      {r, "record_decision", P::subtree, kPost, decision("POLICY-KLIMAT"), kDecision, 404},
      {r, "read_people", P::own, kGet, person("P02639"), "", 200, "themselves"},
      {r, "read_people", P::own, kGet, person("P02623"), "", 404, "a_fellow_member"},
      {r, "manage_tokens", P::own, kPost, kTokens, kToken, 201},
      {r, "record_indicator_value", P::own, kPost, kEnergyValues, energy("KF"), 403},
      {r, "read_audit", P::subtree, kGet, itemTrail("VP25-U01"), "", 404, "the_boards"},
      // Following up is a politician's job: the whole organisation's coverage (†17).
      {r, "read_coverage", P::own, kGet, kCoverage, "", 200, "whole", R"("scope":null)"},
      {r, "read_coverage", P::subtree, kGet, kCoverage + "?unit=VOO-E01", "", 200},
      {r, "read_stats", P::own, kGet, kStats, "", 200, "whole", R"("scope":null)"},
  };
}

std::vector<Row> boardChairRows() {
  constexpr Role r = Role::ordforande;
  using P = Position;
  return {
      {r, "read_item", P::subtree, kGet, item("VP25-U01"), "", 200, "the_boards"},
      {r, "read_item", P::subtree, kGet, item("T-KS-DRAFT"), "", 404, "the_boards_draft"},
      {r, "read_item", P::own, kGet, item("BU25-M01"), "", 200, "council_goal"},
      {r, "read_item", P::subtree, kGet, item("KD-U001"), "", 404},
      {r, "create_item", P::own, kPost, kItems, assignment("KS", "KD", "BU25-M01", "VP-2025"), 403},
      {r, "edit_what", P::own, kPatch, item("T-KS-ISSUED"), kTitle, 403},
      {r, "issue_item", P::own, kPost, step("T-KS-DRAFT", "issue"), kNothing, 404},
      // A body answers through its secretary; its chair only reads (†4).
      {r, "acknowledge_item", P::own, kPost, step("T-KF-ISSUED", "acknowledge"), kPlan, 403},
      {r, "complete_item", P::own, kPost, step("BU25-M01", "complete"), kNote, 403},
      {r, "read_document", P::own, kGet, documentAt("POLICY-KLIMAT"), "", 404, "draft"},
      {r, "create_document", P::own, kPost, kDocuments, document("KS"), 403},
      {r, "record_decision", P::own, kPost, decision("POLICY-KLIMAT"), kDecision, 404},
      {r, "read_units", P::sibling, kGet, unit("NMD-01"), "", 200},
      {r, "read_people", P::subtree, kGet, person("P00001"), "", 404},
      {r, "read_people", P::sibling, kGet, person("P02672"), "", 404},
      {r, "record_indicator_value", P::own, kPost, kEnergyValues, energy("KS"), 403},
      {r, "read_audit", P::subtree, kGet, itemTrail("VP25-U01"), "", 200},
      {r, "read_coverage", P::own, kGet, kCoverage, "", 200, "whole", R"("scope":null)"},
      {r, "read_stats", P::subtree, kGet, kStats + "?unit=SEK-LAR", "", 200},
  };
}

std::vector<Row> controllerRows() {
  constexpr Role r = Role::controller;
  using P = Position;
  return {
      {r, "read_item", P::own, kGet, item("T-KF-DRAFT"), "", 200, "draft"},
      {r, "read_item", P::subtree, kGet, item("T-KS-DRAFT"), "", 200, "the_boards_draft"},
      {r, "read_item", P::other_org, kGet, item("LAR-E20-A11"), "", 404},
      // Signed in, the organisation is the account's: the parameter is for nobody only.
      {r, "read_item", P::other_org, kGet, item("LAR-E20-A11") + "?organisation=0999", "", 404,
       "asked_of_0999"},
      // A body's items are entered by its secretary, as a head's (†3).
      {r, "create_item", P::own, kPost, kItems, assignment("KS", "KD", "BU25-M01", "VP-2025"), 201},
      {r, "create_item", P::parent, kPost, kItems, kCouncilGoal, 201},
      {r, "create_item", P::subtree, kPost, kItems, assignment("KD", "SEK-LAR", "VP25-U01"), 403},
      {r, "edit_what", P::own, kPatch, item("T-KS-DRAFT"), kTitle, 200},
      {r, "edit_what", P::subtree, kPatch, item("T-KD-DRAFT"), kTitle, 403},
      {r, "issue_item", P::own, kPost, step("T-KS-DRAFT", "issue"), kNothing, 200},
      {r, "issue_item", P::parent, kPost, step("T-KF-DRAFT", "issue"), kNothing, 200},
      {r, "issue_item", P::subtree, kPost, step("T-KD-DRAFT", "issue"), kNothing, 403},
      {r, "acknowledge_item", P::own, kPost, step("T-KF-ISSUED", "acknowledge"), kPlan, 200},
      {r, "acknowledge_item", P::subtree, kPost, step("T-KS-ISSUED", "acknowledge"), kPlan, 403},
      {r, "edit_how", P::own, kPut, step("BU25-M01", "plan"), kPlan, 200},
      {r, "edit_how", P::subtree, kPut, step("VP25-U01", "plan"), kPlan, 403},
      // The body's report-back, entered by its secretary (†6).
      {r, "complete_item", P::own, kPost, step("BU25-M01", "complete"), kNote, 200},
      {r, "complete_item", P::subtree, kPost, step("VP25-U01", "complete"), kNote, 403},
      {r, "cancel_item", P::own, kPost, step("T-KS-ISSUED", "cancel"), kNote, 200},
      {r, "cancel_item", P::subtree, kPost, step("KD-U001", "cancel"), kNote, 403},
      {r, "read_document", P::own, kGet, documentAt("POLICY-KLIMAT"), "", 200, "draft"},
      {r, "read_document", P::subtree, kGet, documentAt("RUTIN-E01"), "", 200, "draft"},
      {r, "create_document", P::own, kPost, kDocuments, document("KS"), 201},
      {r, "create_document", P::parent, kPost, kDocuments, document("KF"), 201},
      {r, "record_decision", P::own, kPost, decision("POLICY-KLIMAT"), kDecision, 200},
      {r, "record_decision", P::subtree, kPost, decision("RIKTLINJER-LAR"), kDecision, 403},
      {r, "read_units", P::own, kGet, kUnits, "", 200, "tree"},
      {r, "read_people", P::subtree, kGet, person("P00123"), "", 200},
      {r, "read_people", P::sibling, kGet, person("P02672"), "", 200},
      {r, "manage_memberships", P::subtree, kPost, memberships("P00123"), employment("LAR-E02"),
       403},
      {r, "manage_tokens", P::own, kDelete, kControllersToken, "", 200},
      {r, "record_indicator_value", P::own, kPost, kEnergyValues, energy("KS"), 201},
      // Controllers bring in figures for any unit (†11).
      {r, "record_indicator_value", P::subtree, kPost, kEnergyValues, energy("LAR-E01"), 201},
      {r, "read_audit", P::subtree, kGet, itemTrail("T-E01-DRAFT"), "", 200, "draft"},
      {r, "read_coverage", P::own, kGet, kCoverage, "", 200, "whole", R"("scope":null)"},
      {r, "read_stats", P::own, kGet, kStats, "", 200, "whole", R"("scope":null)"},
      {r, "read_stats", P::other_org, kGet, kStats + "?unit=LAR-A058", "", 404},
      {r, "export_data", P::own, kGet, kExport, "", 200},
      {r, "import_data", P::own, kPost, kImport, kUnitsCsv, 200},
  };
}

std::vector<Row> administratorRows() {
  constexpr Role r = Role::admin;
  using P = Position;
  return {
      // An administrator membership gives no place in its unit's work (†2).
      {r, "read_item", P::own, kGet, item("INT-U004"), "", 404},
      {r, "read_item", P::parent, kGet, item("BU25-M01"), "", 200, "council_goal"},
      {r, "read_item", P::other_sector, kGet, item("LAR-U001"), "", 404},
      {r, "create_item", P::own, kPost, kItems,
       R"({"kind": "activity", "issuer": "INT-E03", "recipient_person": "P02558",)"
       R"( "origin": "INT-U004", "title": "Ny aktivitet"})",
       403},
      {r, "edit_what", P::other_sector, kPatch, item("T-E01-DRAFT"), kTitle, 404},
      {r, "issue_item", P::other_sector, kPost, step("T-E01-DRAFT", "issue"), kNothing, 404},
      {r, "acknowledge_item", P::own, kPost, step("T-INT-ISSUED", "acknowledge"), kPlan, 404},
      {r, "cancel_item", P::parent, kPost, step("INT-U004", "cancel"), kNote, 404},
      {r, "read_document", P::other_sector, kGet, documentAt("RUTIN-E01"), "", 404, "draft"},
      {r, "create_document", P::own, kPost, kDocuments, document("INT-E03"), 403},
      {r, "record_decision", P::other_sector, kPost, decision("RUTIN-E01"), kDecision, 404},
      {r, "read_units", P::own, kGet, kUnits, "", 200, "tree"},
      {r, "read_people", P::own, kGet, person("P00012"), "", 200, "themselves"},
      {r, "read_people", P::other_sector, kGet, person("P00123"), "", 200},
      {r, "read_people", P::other_org, kGet, person("P02683"), "", 404},
      {r, "manage_memberships", P::other_sector, kPost, memberships("P00123"),
       employment("LAR-E02"), 201},
      // Nobody grants themselves rights (†13).
      {r, "manage_memberships", P::own, kPost, memberships("P00012"), employment("INT-E02"), 403,
       "themselves"},
      {r, "manage_memberships", P::other_org, kPost, memberships("P02683"), employment("LAR-E01"),
       404},
      {r, "manage_accounts", P::own, kPost, kAccounts, kAccount, 201},
      {r, "manage_accounts", P::own, kGet, kAccounts, "", 200, "list"},
      {r, "manage_tokens", P::parent, kDelete, kControllersToken, "", 200, "someone_elses"},
      {r, "read_indicators", P::own, kGet, kIndicators, "", 200},
      {r, "record_indicator_value", P::own, kPost, kEnergyValues, energy("INT-E03"), 403},
      {r, "read_audit", P::other_sector, kGet, trailOf("person", "P00123"), "", 200, "person"},
      {r, "read_audit", P::own, kGet, trailOf("unit", "INT-E03"), "", 200, "unit"},
      {r, "read_audit", P::other_sector, kGet, itemTrail("LAR-U001"), "", 404},
      {r, "read_coverage", P::own, kGet, kCoverage, "", 403},
      {r, "export_data", P::own, kGet, kExport, "", 403},
      {r, "import_data", P::own, kPost, kImport, kUnitsCsv, 403},
  };
}

//! The controller's token with the scope read: the controller's reading, and nothing more.
std::vector<Row> tokenRows() {
  constexpr Role r = Role::token;
  using P = Position;
  return {
      {r, "read_item", P::own, kGet, item("T-KF-DRAFT"), "", 200, "draft"},
      {r, "read_item", P::other_org, kGet, item("LAR-E20-A11"), "", 404},
      {r, "create_item", P::own, kPost, kItems, assignment("KS", "KD", "BU25-M01", "VP-2025"), 403},
      {r, "edit_what", P::own, kPatch, item("T-KS-DRAFT"), kTitle, 403},
      {r, "issue_item", P::own, kPost, step("T-KS-DRAFT", "issue"), kNothing, 403},
      {r, "acknowledge_item", P::own, kPost, step("T-KF-ISSUED", "acknowledge"), kPlan, 403},
      {r, "read_document", P::own, kGet, documentAt("POLICY-KLIMAT"), "", 200, "draft"},
      {r, "create_document", P::own, kPost, kDocuments, document("KS"), 403},
      {r, "record_decision", P::own, kPost, decision("POLICY-KLIMAT"), kDecision, 403},
      {r, "read_units", P::own, kGet, kUnits, "", 200, "tree"},
      {r, "read_people", P::subtree, kGet, person("P00123"), "", 200},
      {r, "manage_memberships", P::subtree, kPost, memberships("P00123"), employment("LAR-E02"),
       403},
      // Its own creator's tokens too: managing tokens needs the scope administer.
      {r, "manage_tokens", P::own, kGet, kTokens, "", 403, "list"},
      {r, "manage_tokens", P::own, kDelete, kControllersToken, "", 403, "revoke"},
      {r, "read_indicators", P::own, kGet, kIndicators, "", 200},
      {r, "record_indicator_value", P::own, kPost, kEnergyValues, energy("KS"), 403},
      {r, "read_audit", P::subtree, kGet, itemTrail("T-KS-DRAFT"), "", 200, "draft"},
      {r, "read_coverage", P::own, kGet, kCoverage, "", 200, "whole", R"("scope":null)"},
      {r, "read_stats", P::own, kGet, kStats, "", 200, "whole", R"("scope":null)"},
      {r, "export_data", P::own, kGet, kExport, "", 403},
      {r, "import_data", P::own, kPost, kImport, kUnitsCsv, 403},
  };
}

//! 0999's controller and administrator: everything in their own organisation, nothing of
//! Lerum's, not even its existence.
std::vector<Row> otherOrganisationRows() {
  constexpr Role r = Role::provkommunen;
  using P = Position;
  return {
      {r, "read_item", P::own, kGet, item("KD-U001"), "", 200},
      {r, "create_item", P::own, kPost, kItems, assignment("KS", "KD", "BU25-M01", "VP-2025"), 201},
      {r, "export_data", P::own, kGet, kExport, "", 200},
      {r, "read_item", P::other_org, kGet, item("T-LAR-ISSUED"), "", 404},
      {r, "read_item", P::other_org, kGet, item("LAR-E20-U07"), "", 404, "the_demos"},
      {r, "edit_what", P::other_org, kPatch, item("T-KS-DRAFT"), kTitle, 404},
      {r, "issue_item", P::other_org, kPost, step("T-KF-DRAFT", "issue"), kNothing, 404},
      {r, "acknowledge_item", P::other_org, kPost, step("T-KF-ISSUED", "acknowledge"), kPlan, 404},
      {r, "edit_how", P::other_org, kPut, step("T-E01-ISSUED", "plan"), kPlan, 404},
      {r, "complete_item", P::other_org, kPost, step("LAR-E20-U07", "complete"), kNote, 404},
      {r, "cancel_item", P::other_org, kPost, step("T-LAR-ISSUED", "cancel"), kNote, 404},
      {r, "read_document", P::other_org, kGet, documentAt("RUTIN-E01"), "", 404},
      {r, "record_decision", P::other_org, kPost, decision("POLICY-KLIMAT"), kDecision, 404},
      {r, "read_units", P::other_org, kGet, unit("BOL-02"), "", 404},
      {r, "manage_tokens", P::other_org, kDelete, kControllersToken, "", 404},
      {r, "read_audit", P::other_org, kGet, itemTrail("T-LAR-ISSUED"), "", 404},
      {r, "read_coverage", P::other_org, kGet, kCoverage + "?unit=BOL-02", "", 404},
      {r, "read_stats", P::other_org, kGet, kStats + "?unit=KF-BER4", "", 404},
  };
}

std::vector<Row> table() {
  std::vector<Row> rows;
  for (auto part : {nobodyRows, employeeRows, unitManagerRows, sectorHeadRows, chiefExecutiveRows,
                    councilMemberRows, boardChairRows, controllerRows, administratorRows, tokenRows,
                    otherOrganisationRows}) {
    auto more = part();
    rows.insert(rows.end(), more.begin(), more.end());
  }
  return rows;
}

// ---- Running a row

class PermissionTable : public TwoOrganisationsApi, public ::testing::WithParamInterface<Row> {
 protected:
  Reply ask(const Row& row) {
    std::string target = row.target;
    // With two organisations in the database, nobody says whose public records to read.
    if (row.role == Role::nobody && target.find("organisation=") == std::string::npos) {
      target +=
          std::string(target.find('?') == std::string::npos ? "?" : "&") + "organisation=" + kLerum;
    }
    Message message = request(row.method, target, row.body);
    if (row.action == "import_data") {
      message.set(bhttp::field::content_type, "text/csv; charset=utf-8");
    }
    if (row.role == Role::token) {
      message.set(bhttp::field::authorization,
                  std::string("Bearer ") + TwoOrganisationsTemplate::instance().readToken());
    } else if (row.role != Role::nobody) {
      const DemoSession& session = TwoOrganisationsTemplate::instance().session(nameOf(row.role));
      message.set(bhttp::field::cookie, session.cookie);
      if (row.method != kGet) message.set(kCsrfHeader, session.csrf);
    }
    message.prepare_payload();
    return client_->roundTrip(message);
  }

  std::map<std::string, std::int64_t> auditSequences() {
    return {{kLerum, store_->auditSequence(kLerum)},
            {kOtherOrganisation, store_->auditSequence(kOtherOrganisation)}};
  }
};

TEST_P(PermissionTable, AnswersAsDocsPermissionsSays) {
  const Row& row = GetParam();
  auto before = auditSequences();
  Reply reply = ask(row);
  ASSERT_EQ(reply.result_int(), row.status) << reply.body();
  if (!row.shows.empty()) {
    EXPECT_NE(reply.body().find(row.shows), std::string::npos) << reply.body().substr(0, 2000);
  }
  const std::map<int, std::string> refusals{
      {401, "unauthenticated"}, {403, "forbidden"}, {404, "not_found"}};
  if (auto refusal = refusals.find(row.status); refusal != refusals.end()) {
    EXPECT_EQ(errorCode(reply), refusal->second);
  }
  // An allowed change happened, in the actor's own organisation, as one audit entry in the
  // same transaction; a refusal, or a read, wrote nothing anywhere.
  auto after = auditSequences();
  bool changed = row.method != kGet && row.status >= 200 && row.status < 300;
  std::string own = row.role == Role::provkommunen ? kOtherOrganisation : kLerum;
  for (const auto& [organisation, sequence] : before) {
    std::int64_t expected = sequence + (changed && organisation == own ? 1 : 0);
    EXPECT_EQ(after[organisation], expected) << "audit entries of " << organisation;
  }
}

INSTANTIATE_TEST_SUITE_P(Rows, PermissionTable, ::testing::ValuesIn(table()),
                         [](const ::testing::TestParamInfo<Row>& info) {
                           return nameOf(info.param);
                         });

TEST(PermissionTableRows, AskEveryRoleAtEveryPositionAboutEveryAction) {
  std::vector<Row> rows = table();
  std::map<Role, int> per_role;
  std::map<Position, int> per_position;
  std::map<std::string, int> per_action;
  std::map<int, int> per_status;
  for (const Row& row : rows) {
    ++per_role[row.role];
    ++per_position[row.position];
    ++per_action[row.action];
    ++per_status[row.status];
  }
  for (Role role : kRoles) EXPECT_GT(per_role[role], 0) << nameOf(role);
  for (Position position : kPositions) EXPECT_GT(per_position[position], 0) << nameOf(position);
  for (const auto& action : kActions) EXPECT_GT(per_action[action], 0) << action;
  EXPECT_EQ(per_action.size(), kActions.size()) << "a row names an action the table does not";
  // Both answers, and every kind of refusal, must stay in the table.
  for (int status : {200, 201, 401, 403, 404}) EXPECT_GT(per_status[status], 0) << status;
}

}  // namespace
}  // namespace styr::http::test
