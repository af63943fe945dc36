#pragma once
// The access tests' organisation: domain::fixture::chainFixture() (test/domain/chain_fixture.hpp)
// with what permissions need around it, and a second organisation copied from it. Every actor
// and subject the permission table names is resolved here by a short name.
//
// Units, as in the chain fixture plus ENH3:
//   KF council -> KS executive board -> KD chief executive's office
//     -> SEK sector -> ENH unit -> ARB workplace
//                   -> ENH3 unit (a sibling of ENH)
//     -> SEK2 sector -> ENH2 unit
// People and their memberships valid on kToday (2025-06-01):
//   P-KFO chair of KF, P-KF2 member of KF, P-KS1 chair of KS, P-KS2 member of KS,
//   P-SECR controller in KF and KS (their secretary), P-CTRL controller in KD,
//   P-ADM administrator in KD, P-KD head of KD (chief executive), P-SEK head of SEK,
//   P-SEK2 head of SEK2, P-ENH head of ENH, P-ENH3 head of ENH3, P-EMP and P-EMP2 employees
//   of ENH, P-EMP3 employee of ENH3, P-ARB employee of ARB, P-NONE no membership at all.
// Items added to the chain fixture's (KF-M01 KF-B01 KS-U01 KD-U01 SEK-U01 ENH-A01):
//   issued: KD-U02 KD->SEK2, SEK2-U01 SEK2->ENH2, SEK-U02 SEK->ENH3, ENH-U01 ENH->ARB,
//           ENH-A02 ENH->P-EMP2, ENH3-A01 ENH3->P-EMP3, ARB-A01 ARB->P-ARB
//   drafts: KF-D01 KF->KS, KS-D01 KS->KD, KD-D01 KD->SEK2, SEK-D01 SEK->ENH,
//           ENH-D01 ENH->ARB, ENH-D02 ENH->P-EMP
// Documents added to VISION, VOM, BUD25 (KF) and VP25 (KS), all decided:
//   VP24 superseded (KS), VP26 draft (KS), BUD26 draft (KF), RIKT-SEK decided (SEK),
//   POL-SEK draft (SEK).
// Report-backs are not stored: "rb STATUS RECIPIENT" is one version of the recipient's
// report-back to the occasion kOccasion (a unit, or a person when the code starts with "P-").
// Who may act on it follows from its recipient's place (its parent, or the unit that issued a
// person's items), which is what access looks at.

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "access/permissions.hpp"
#include "domain/chain_fixture.hpp"
#include "domain/chain_index.hpp"
#include "domain/deviation.hpp"
#include "domain/model.hpp"

namespace styr::access::testing {

using domain::fixture::on;

inline const domain::Date kToday = on(2025, 6, 1);
inline constexpr std::string_view kOccasion = "2025-KS-04";
inline constexpr std::string_view kOrganisation = "1441";
inline constexpr std::string_view kOtherOrganisation = "1442";

inline domain::Item personalItem(std::string code, std::string issuer, std::string person,
                                 std::string origin, domain::Date issued_on) {
  domain::Item item = domain::fixture::issuedItem(std::move(code), std::move(issuer), "",
                                                  std::move(origin), issued_on);
  item.kind = domain::ItemKind::activity;
  item.recipient_person = std::move(person);
  return item;
}

inline domain::SteeringDocument document(std::string code, domain::DocumentKind kind,
                                         std::string deciding_body, domain::DocumentStatus status,
                                         std::optional<domain::Decision> decision, int year) {
  domain::SteeringDocument result;
  result.code = std::move(code);
  result.kind = kind;
  result.title = "Dokument " + result.code;
  result.deciding_body = std::move(deciding_body);
  result.status = status;
  result.decision = std::move(decision);
  result.valid_from = on(year, 1, 1);
  result.valid_to = on(year, 12, 31);
  if (kind == domain::DocumentKind::budget || kind == domain::DocumentKind::operational_plan) {
    result.year = year;
  }
  return result;
}

inline domain::OrganisationData buildAccessData() {
  using domain::DocumentKind;
  using domain::DocumentStatus;
  using domain::Membership;
  using domain::Person;
  using domain::Role;
  using domain::UnitKind;
  using domain::fixture::draftItem;
  using domain::fixture::issuedItem;
  using domain::fixture::makeUnit;

  domain::OrganisationData data = domain::fixture::chainFixture();
  data.units.push_back(makeUnit("ENH3", "Enhet Grundskola Väst", UnitKind::unit, "SEK"));

  for (const char* code :
       {"P-KF2", "P-SECR", "P-CTRL", "P-ADM", "P-ENH3", "P-EMP2", "P-EMP3", "P-ARB", "P-NONE"}) {
    data.people.push_back(Person{code, "Förnamn", std::string("Efternamn ") + code, ""});
  }
  const domain::Date term_from = on(2022, 10, 15);
  const domain::Date term_to = on(2026, 10, 14);
  const domain::Date staff_from = on(2020, 1, 1);
  data.memberships.insert(data.memberships.end(),
                          {
                              Membership{"P-KF2", "KF", Role::member, term_from, term_to},
                              Membership{"P-SECR", "KF", Role::controller, staff_from, {}},
                              Membership{"P-SECR", "KS", Role::controller, staff_from, {}},
                              Membership{"P-CTRL", "KD", Role::controller, staff_from, {}},
                              Membership{"P-ADM", "KD", Role::administrator, staff_from, {}},
                              Membership{"P-ENH3", "ENH3", Role::head, staff_from, {}},
                              Membership{"P-EMP2", "ENH", Role::employee, staff_from, {}},
                              Membership{"P-EMP3", "ENH3", Role::employee, staff_from, {}},
                              Membership{"P-ARB", "ARB", Role::employee, staff_from, {}},
                          });

  data.items.push_back(issuedItem("KD-U02", "KD", "SEK2", "KS-U01", on(2024, 12, 10)));
  data.items.push_back(issuedItem("SEK2-U01", "SEK2", "ENH2", "KD-U02", on(2025, 1, 15)));
  data.items.push_back(issuedItem("SEK-U02", "SEK", "ENH3", "KD-U01", on(2025, 1, 10)));
  data.items.push_back(issuedItem("ENH-U01", "ENH", "ARB", "SEK-U01", on(2025, 2, 10)));
  data.items.push_back(personalItem("ENH-A02", "ENH", "P-EMP2", "SEK-U01", on(2025, 2, 10)));
  data.items.push_back(personalItem("ENH3-A01", "ENH3", "P-EMP3", "SEK-U02", on(2025, 2, 1)));
  data.items.push_back(personalItem("ARB-A01", "ARB", "P-ARB", "ENH-U01", on(2025, 3, 1)));
  data.items.push_back(draftItem("KF-D01", "KF", "KS", ""));
  data.items.push_back(draftItem("KS-D01", "KS", "KD", "KF-B01"));
  data.items.push_back(draftItem("KD-D01", "KD", "SEK2", "KS-U01"));
  data.items.push_back(draftItem("SEK-D01", "SEK", "ENH", "KD-U01"));
  data.items.push_back(draftItem("ENH-D01", "ENH", "ARB", "SEK-U01"));
  domain::Item personal_draft = draftItem("ENH-D02", "ENH", "", "SEK-U01");
  personal_draft.recipient_person = "P-EMP";
  data.items.push_back(personal_draft);

  data.documents.push_back(
      document("VP24", DocumentKind::operational_plan, "KS", DocumentStatus::superseded,
               domain::Decision{on(2023, 11, 22), "§ 190", "KS 2023/0701"}, 2024));
  data.documents.push_back(
      document("VP26", DocumentKind::operational_plan, "KS", DocumentStatus::draft, {}, 2026));
  data.documents.push_back(
      document("BUD26", DocumentKind::budget, "KF", DocumentStatus::draft, {}, 2026));
  data.documents.push_back(
      document("RIKT-SEK", DocumentKind::policy, "SEK", DocumentStatus::decided,
               domain::Decision{on(2025, 1, 8), "§ 3", "LAR 2025/0002"}, 2025));
  data.documents.push_back(
      document("POL-SEK", DocumentKind::policy, "SEK", DocumentStatus::draft, {}, 2025));
  return data;
}

//! The second organisation: the same records under another SCB code.
inline domain::OrganisationData buildOtherData() {
  domain::OrganisationData data = buildAccessData();
  data.organisation = domain::Organisation{std::string(kOtherOrganisation), "Alingsås kommun",
                                           domain::OrganisationKind::municipality};
  return data;
}

//! A signed-in person of the first organisation.
inline Actor person(std::string code) {
  return Actor{std::string(kOrganisation), std::move(code), true, false, std::nullopt};
}

//! A machine client acting for `creator` within `scopes`.
inline Actor token(std::string creator, std::set<Scope> scopes) {
  Actor actor = person(std::move(creator));
  actor.token_scopes = std::move(scopes);
  return actor;
}

//! Both organisations, indexed, and the subjects and actors the tests name.
class World {
 public:
  World() : World(buildAccessData()) {}
  //! The first organisation as given (a copy of buildAccessData() changed by a test).
  explicit World(domain::OrganisationData data)
      : data_(std::move(data)), other_(buildOtherData()), index_(data_), other_index_(other_) {}
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  [[nodiscard]] const domain::OrganisationData& data() const { return data_; }
  [[nodiscard]] const domain::ChainIndex& index() const { return index_; }

  //! The actors of the table by name ("nobody", "unit manager", "token read (unit manager)").
  static const std::map<std::string, Actor>& actors() {
    static const std::map<std::string, Actor> all = {
        {"nobody", Actor{}},
        {"employee", person("P-EMP")},
        {"unit manager", person("P-ENH")},
        {"sector head", person("P-SEK")},
        {"chief executive", person("P-KD")},
        {"council member", person("P-KF2")},
        {"board chair", person("P-KS1")},
        {"secretary", person("P-SECR")},
        {"controller", person("P-CTRL")},
        {"administrator", person("P-ADM")},
        {"no membership", person("P-NONE")},
        {"token read (unit manager)", token("P-ENH", {Scope::read})},
        {"token write (unit manager)", token("P-ENH", {Scope::write_content})},
        {"token all (unit manager)",
         token("P-ENH", {Scope::read, Scope::write_content, Scope::import, Scope::administer})},
        {"token write (secretary)", token("P-SECR", {Scope::write_content})},
        {"token import (controller)", token("P-CTRL", {Scope::import})},
        {"token none (controller)", token("P-CTRL", {})},
        {"token administer (administrator)", token("P-ADM", {Scope::administer})},
    };
    return all;
  }

  static Actor actor(const std::string& name) {
    auto found = actors().find(name);
    if (found == actors().end()) throw std::out_of_range("no actor named " + name);
    return found->second;
  }

  //! A subject by name: "item CODE", "new ISSUER>RECIPIENT" (a proposed item; a recipient
  //! starting with "P-" is a person), "doc CODE", "new doc BODY" (a proposed draft),
  //! "unit CODE", "person CODE", "org"; "other " before any of them: in the second
  //! organisation. Returns the subject and the index it must be checked against.
  std::pair<Subject, const domain::ChainIndex*> subject(std::string_view name) {
    bool other = name.starts_with("other ");
    if (other) name.remove_prefix(6);
    const domain::ChainIndex& index = other ? other_index_ : index_;
    Subject result;
    result.organisation = index.data().organisation.code;
    auto rest = [&](std::string_view prefix) { return std::string(name.substr(prefix.size())); };
    if (name.starts_with("item ")) {
      result.item = index.item(rest("item "));
      if (result.item == nullptr) throw std::out_of_range("no item " + rest("item "));
    } else if (name.starts_with("new doc ")) {
      domain::SteeringDocument& proposed = proposed_documents_.emplace_back();
      proposed.kind = domain::DocumentKind::policy;
      proposed.title = "Nytt dokument";
      proposed.deciding_body = rest("new doc ");
      result.document = &proposed;
    } else if (name.starts_with("new ")) {
      std::string parties = rest("new ");
      std::size_t arrow = parties.find('>');
      std::string recipient = parties.substr(arrow + 1);
      bool to_person = recipient.starts_with("P-");
      domain::Item proposed =
          domain::fixture::draftItem("", parties.substr(0, arrow), to_person ? "" : recipient, "");
      if (to_person) proposed.recipient_person = recipient;
      result.item = &proposed_items_.emplace_back(std::move(proposed));
    } else if (name.starts_with("rb ")) {
      result.report_back = &proposed_report_backs_.emplace_back(reportBack(rest("rb ")));
    } else if (name.starts_with("dev ")) {
      result.deviation = &deviations_.emplace_back(deviation(rest("dev "), index));
    } else if (name.starts_with("doc ")) {
      result.document = index.document(rest("doc "));
      if (result.document == nullptr) throw std::out_of_range("no document " + rest("doc "));
    } else if (name.starts_with("unit ")) {
      result.unit = rest("unit ");
    } else if (name.starts_with("person ")) {
      result.person = rest("person ");
    } else if (name != "org") {
      throw std::out_of_range("no subject named " + std::string(name));
    }
    return {result, &index};
  }

  //! Every subject the first organisation offers, by name, for the tests that sweep them all.
  static const std::vector<std::string>& allSubjectNames() {
    static const std::vector<std::string> names = [] {
      std::vector<std::string> result = {"org"};
      const domain::OrganisationData data = buildAccessData();
      for (const auto& item : data.items) result.push_back("item " + item.code);
      for (const auto& doc : data.documents) result.push_back("doc " + doc.code);
      for (const auto& unit : data.units) {
        result.push_back("unit " + unit.code);
        result.push_back("new doc " + unit.code);
      }
      for (const auto& person : data.people) result.push_back("person " + person.code);
      for (const char* proposed : {"new ENH>ARB", "new ENH>P-EMP", "new ENH>ENH3", "new SEK>ENH",
                                   "new KD>SEK2", "new KS>KD", "new KF>KS", "new ARB>P-ARB"}) {
        result.push_back(proposed);
      }
      for (const char* spec :
           {"1 ENH P-EMP", "1 ENH P-EMP2", "1 ENH P-EMP2 confidential", "2 ENH P-EMP",
            "2 ENH P-EMP confidential", "4 ENH P-EMP", "4 ENH P-EMP confidential", "1 ARB P-ARB",
            "1 ENH3 P-EMP3", "1 ENH2 P-SEK2", "3 SEK P-SEK"}) {
        result.push_back(std::string("dev ") + spec);
      }
      for (const char* status : {"draft", "submitted", "returned", "approved"}) {
        for (const char* recipient : {"KS", "KD", "SEK", "ENH", "ARB", "ENH3", "SEK2", "ENH2",
                                      "P-EMP", "P-EMP2", "P-EMP3", "P-ARB"}) {
          result.push_back(std::string("rb ") + status + " " + recipient);
        }
      }
      return result;
    }();
    return names;
  }

 private:
  //! "GRAVITY UNIT REPORTER[ confidential]", as subject() takes it after "dev ": reported on
  //! kToday, told (as the use case tells) up to the default reach of the gravity.
  static domain::Deviation deviation(const std::string& spec, const domain::ChainIndex& index) {
    std::istringstream words(spec);
    domain::Deviation deviation;
    std::string flag;
    if (!(words >> deviation.gravity >> deviation.unit >> deviation.reported_by)) {
      throw std::out_of_range("no deviation named " + spec);
    }
    deviation.confidential = static_cast<bool>(words >> flag) && flag == "confidential";
    deviation.code = "AVV-2025-0001";
    auto path = domain::escalationPath(index, deviation.unit);
    auto reach = domain::defaultDeviationSettings().rule(deviation.gravity).reach;
    std::size_t count = domain::levelsFor(index, path, reach);
    for (std::size_t i = 0; i < count; ++i) {
      domain::DeviationLevel level;
      level.position = static_cast<int>(i) + 1;
      level.unit = path[i];
      level.people = domain::peopleToTell(index, path[i], kToday);
      deviation.levels.push_back(level);
    }
    return deviation;
  }

  //! "STATUS RECIPIENT", as subject() takes it after "rb ".
  static domain::ReportBack reportBack(const std::string& spec) {
    std::size_t space = spec.find(' ');
    if (space == std::string::npos) throw std::out_of_range("no report-back named " + spec);
    std::string status = spec.substr(0, space);
    std::string recipient = spec.substr(space + 1);
    domain::ReportBack report_back;
    report_back.occasion = std::string(kOccasion);
    if (recipient.starts_with("P-")) {
      report_back.recipient_person = recipient;
    } else {
      report_back.recipient_unit = recipient;
    }
    auto parsed = domain::parseEnum<domain::ReportBackStatus>(status);
    if (!parsed) throw std::out_of_range("no report-back status " + status);
    report_back.status = *parsed;
    return report_back;
  }

  domain::OrganisationData data_;
  domain::OrganisationData other_;
  domain::ChainIndex index_;
  domain::ChainIndex other_index_;
  // Deques, so that subjects handed out keep pointing at their records.
  std::deque<domain::Item> proposed_items_;
  std::deque<domain::SteeringDocument> proposed_documents_;
  std::deque<domain::ReportBack> proposed_report_backs_;
  std::deque<domain::Deviation> deviations_;
};

}  // namespace styr::access::testing
