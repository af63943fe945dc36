#pragma once
// A minimal valid organisation built by hand for the domain's tests: the steering chain from
// the council down to one employee (docs/domain.md D1-D6), with one record of each kind the
// rules look at. Tests take a copy, break exactly one thing and assert the one violation.
//
// Units (all valid from 2000-01-01, open-ended):
//   KF council (root) -> KS executive board -> KD chief executive's office
//     -> SEK sector -> ENH unit -> ARB workplace
//     -> SEK2 sector -> ENH2 unit (no head)
// Items (in this order in `items`), each acknowledged with a plan and a follow-up method:
//   KF-M01 goal     KF -> KS   document VOM,   origin_document VISION  2023-03-01/2023-03-15
//   KF-B01 goal     KF -> KS   document BUD25, origin KF-M01           2024-06-15/2024-07-01
//   KS-U01 assign.  KS -> KD   document VP25,  origin KF-B01           2024-11-20/2024-12-01
//   KD-U01 assign.  KD -> SEK                  origin KS-U01           2024-12-10/2024-12-20
//   SEK-U01 assign. SEK -> ENH                 origin KD-U01           2025-01-10/2025-01-20
//   ENH-A01 activ.  ENH -> P-EMP (person)      origin SEK-U01          2025-02-01/2025-02-05

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/model.hpp"
#include "domain/rules.hpp"

namespace styr::domain {

// So that gtest prints a violation readably when a matcher fails.
inline void PrintTo(const Violation& violation, std::ostream* out) {
  *out << "{" << violation.rule << " | " << violation.path << " | " << violation.record << " | "
       << violation.message << "}";
}

}  // namespace styr::domain

namespace styr::domain::fixture {

//! A calendar day, built without parseDate so the fixture does not depend on the code tested.
inline Date on(int year, unsigned month, unsigned day) {
  return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

inline Unit makeUnit(std::string code, std::string name, UnitKind kind, std::string parent) {
  return Unit{std::move(code),   std::move(name), kind,
              std::move(parent), on(2000, 1, 1),  std::nullopt};
}

//! An acknowledged item with a plan and a qualitative follow-up (assessed at named
//! follow-ups); callers adjust what the test is about.
inline Item acknowledgedItem(std::string code, ItemKind kind, std::string issuer,
                             std::string recipient_unit, std::string origin, Date issued_on,
                             Date acknowledged_on) {
  Item item;
  item.code = std::move(code);
  item.kind = kind;
  item.issuer = std::move(issuer);
  item.recipient_unit = std::move(recipient_unit);
  item.origin = std::move(origin);
  item.title = "Uppdrag " + item.code;
  item.description = "Beskrivning av " + item.code;
  item.follow_up.assessed_at = {"Delårsrapport", "Årsredovisning"};
  item.plan = "Plan för " + item.code;
  item.status = ItemStatus::acknowledged;
  item.issued_on = issued_on;
  item.acknowledged_on = acknowledged_on;
  return item;
}

//! An issued (not yet acknowledged) assignment with a qualitative follow-up.
inline Item issuedItem(std::string code, std::string issuer, std::string recipient_unit,
                       std::string origin, Date issued_on) {
  Item item = acknowledgedItem(std::move(code), ItemKind::assignment, std::move(issuer),
                               std::move(recipient_unit), std::move(origin), issued_on, issued_on);
  item.plan.clear();
  item.status = ItemStatus::issued;
  item.acknowledged_on.reset();
  return item;
}

//! A draft assignment: no dates, no plan, no follow-up method.
inline Item draftItem(std::string code, std::string issuer, std::string recipient_unit,
                      std::string origin) {
  Item item;
  item.code = std::move(code);
  item.kind = ItemKind::assignment;
  item.issuer = std::move(issuer);
  item.recipient_unit = std::move(recipient_unit);
  item.origin = std::move(origin);
  item.title = "Utkast " + item.code;
  item.status = ItemStatus::draft;
  return item;
}

inline OrganisationData buildChainFixture() {
  OrganisationData data;
  data.organisation = Organisation{"1441", "Lerums kommun", OrganisationKind::municipality};
  data.terms = {Term{2023}};
  data.years = {FiscalYear{2025, YearStatus::active}};

  data.units = {
      makeUnit("KF", "Kommunfullmäktige", UnitKind::council, ""),
      makeUnit("KS", "Kommunstyrelsen", UnitKind::executive_board, "KF"),
      makeUnit("KD", "Kommundirektörens stab", UnitKind::chief_executive_office, "KS"),
      makeUnit("SEK", "Sektor Lärande", UnitKind::sector, "KD"),
      makeUnit("ENH", "Enhet Förskola Norr", UnitKind::unit, "SEK"),
      makeUnit("ARB", "Förskolan Solrosen", UnitKind::workplace, "ENH"),
      makeUnit("SEK2", "Sektor Vård och omsorg", UnitKind::sector, "KD"),
      makeUnit("ENH2", "Enhet Hemtjänst", UnitKind::unit, "SEK2"),
  };

  data.people = {
      Person{"P-KFO", "Karin", "Ödman", "karin.odman@lerum.se"},
      Person{"P-KS1", "Lars", "Åberg", "lars.aberg@lerum.se"},
      Person{"P-KS2", "Maria", "Lind", "maria.lind@lerum.se"},
      Person{"P-KD", "Anders", "Berg", "anders.berg@lerum.se"},
      Person{"P-SEK", "Sofia", "Ek", "sofia.ek@lerum.se"},
      Person{"P-ENH", "Erik", "Holm", "erik.holm@lerum.se"},
      Person{"P-EMP", "Elin", "Sjö", "elin.sjo@lerum.se"},
      Person{"P-SEK2", "Johan", "Strand", "johan.strand@lerum.se"},
  };

  const Date term_from = on(2022, 10, 15);
  const Date term_to = on(2026, 10, 14);
  data.memberships = {
      Membership{"P-KFO", "KF", Role::chair, term_from, term_to},
      Membership{"P-KS1", "KS", Role::chair, term_from, term_to},
      Membership{"P-KS2", "KS", Role::member, term_from, term_to},
      Membership{"P-KD", "KD", Role::head, on(2020, 1, 1), std::nullopt},
      Membership{"P-SEK", "SEK", Role::head, on(2020, 1, 1), std::nullopt},
      Membership{"P-ENH", "ENH", Role::head, on(2020, 1, 1), std::nullopt},
      Membership{"P-EMP", "ENH", Role::employee, on(2021, 8, 1), std::nullopt},
      Membership{"P-SEK2", "SEK2", Role::head, on(2020, 1, 1), std::nullopt},
  };

  SteeringDocument vision;
  vision.code = "VISION";
  vision.kind = DocumentKind::vision;
  vision.title = "Vision 2025";
  vision.summary = "Sveriges ledande miljökommun";
  vision.deciding_body = "KF";
  vision.status = DocumentStatus::decided;
  vision.decision = Decision{on(2011, 6, 16), "§ 88", "KS 2011/0120"};
  vision.valid_from = on(2011, 7, 1);
  vision.valid_to = on(2025, 12, 31);

  SteeringDocument mandate;
  mandate.code = "VOM";
  mandate.kind = DocumentKind::mandate_programme;
  mandate.title = "Vilja och mål 2023-2026";
  mandate.deciding_body = "KF";
  mandate.status = DocumentStatus::decided;
  mandate.decision = Decision{on(2023, 2, 16), "§ 12", "KS 2022/0801"};
  mandate.valid_from = on(2023, 3, 1);
  mandate.valid_to = on(2026, 12, 31);
  mandate.term = 2023;

  SteeringDocument budget;
  budget.code = "BUD25";
  budget.kind = DocumentKind::budget;
  budget.title = "Budget 2025 med plan 2026-2027";
  budget.deciding_body = "KF";
  budget.status = DocumentStatus::decided;
  budget.decision = Decision{on(2024, 6, 13), "§ 87", "KS 2024/0412"};
  budget.valid_from = on(2025, 1, 1);
  budget.valid_to = on(2025, 12, 31);
  budget.year = 2025;
  budget.appropriations = {
      Appropriation{"KS", 2025, 2'100'000'000},
      Appropriation{"SEK", 2025, 1'234'567'890},
      Appropriation{"SEK2", 2026, 900'000'000},
      Appropriation{"KS", 2027, 2'200'000'000},
  };

  SteeringDocument plan;
  plan.code = "VP25";
  plan.kind = DocumentKind::operational_plan;
  plan.title = "Verksamhetsplan 2025";
  plan.deciding_body = "KS";
  plan.status = DocumentStatus::decided;
  plan.decision = Decision{on(2024, 11, 20), "§ 201", "KS 2024/0733"};
  plan.valid_from = on(2025, 1, 1);
  plan.valid_to = on(2025, 12, 31);
  plan.year = 2025;

  data.documents = {vision, mandate, budget, plan};

  Indicator share;
  share.code = "IND1";
  share.name = "Andel nöjda vårdnadshavare";
  share.unit_of_measure = "%";
  share.direction = Direction::higher_is_better;
  share.aggregation = Aggregation::ratio_of_sums;
  share.targets = {IndicatorTarget{2025, "", 80.0}};

  Indicator rating;
  rating.code = "IND2";
  rating.name = "Brukarbedömning";
  rating.unit_of_measure = "betyg 1-5";
  rating.direction = Direction::higher_is_better;
  rating.aggregation = Aggregation::weighted_mean;

  data.indicators = {share, rating};

  Item mandate_goal =
      acknowledgedItem("KF-M01", ItemKind::goal, "KF", "KS", "", on(2023, 3, 1), on(2023, 3, 15));
  mandate_goal.document = "VOM";
  mandate_goal.origin_document = "VISION";
  mandate_goal.follow_up = FollowUp{};
  mandate_goal.follow_up.assessed_at = {"Årsredovisning"};

  Item budget_goal = acknowledgedItem("KF-B01", ItemKind::goal, "KF", "KS", "KF-M01",
                                      on(2024, 6, 15), on(2024, 7, 1));
  budget_goal.document = "BUD25";
  budget_goal.follow_up = FollowUp{};
  budget_goal.follow_up.indicators = {IndicatorLink{"IND1", 2025, std::nullopt}};

  Item board_assignment = acknowledgedItem("KS-U01", ItemKind::assignment, "KS", "KD", "KF-B01",
                                           on(2024, 11, 20), on(2024, 12, 1));
  board_assignment.document = "VP25";
  board_assignment.due = on(2025, 12, 31);
  board_assignment.follow_up = FollowUp{};
  board_assignment.follow_up.deliverable = "Redovisning till kommunstyrelsen";
  board_assignment.follow_up.deliverable_due = on(2025, 12, 31);

  Item office_assignment = acknowledgedItem("KD-U01", ItemKind::assignment, "KD", "SEK", "KS-U01",
                                            on(2024, 12, 10), on(2024, 12, 20));

  Item sector_assignment = acknowledgedItem("SEK-U01", ItemKind::assignment, "SEK", "ENH", "KD-U01",
                                            on(2025, 1, 10), on(2025, 1, 20));
  sector_assignment.follow_up = FollowUp{};
  sector_assignment.follow_up.indicators = {IndicatorLink{"IND1", 2025, 85.0}};

  Item activity = acknowledgedItem("ENH-A01", ItemKind::activity, "ENH", "", "SEK-U01",
                                   on(2025, 2, 1), on(2025, 2, 5));
  activity.recipient_person = "P-EMP";
  activity.follow_up = FollowUp{};
  activity.follow_up.deliverable = "Enkät till vårdnadshavare";
  activity.follow_up.deliverable_due = on(2025, 6, 30);

  data.items = {mandate_goal,      budget_goal,       board_assignment,
                office_assignment, sector_assignment, activity};

  data.indicator_values = {
      IndicatorValue{"IND1", "ENH", on(2025, 6, 30), 0.8, 80.0, 100.0, std::nullopt},
      IndicatorValue{"IND2", "ENH", on(2025, 6, 30), 4.2, std::nullopt, std::nullopt, 25.0},
  };
  return data;
}

//! The fixture, built once; tests copy it (`OrganisationData data = chainFixture();`).
inline const OrganisationData& chainFixture() {
  static const OrganisationData data = buildChainFixture();
  return data;
}

template <typename Record>
std::size_t indexOf(const std::vector<Record>& records, std::string_view code) {
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (records[i].code == code) return i;
  }
  throw std::out_of_range("no record with code " + std::string(code));
}

template <typename Record>
Record& find(std::vector<Record>& records, std::string_view code) {
  return records[indexOf(records, code)];
}

inline Item& itemOf(OrganisationData& data, std::string_view code) {
  return find(data.items, code);
}
inline Unit& unitOf(OrganisationData& data, std::string_view code) {
  return find(data.units, code);
}
inline SteeringDocument& documentOf(OrganisationData& data, std::string_view code) {
  return find(data.documents, code);
}
inline Membership& membershipOf(OrganisationData& data, std::string_view person,
                                std::string_view unit) {
  for (Membership& membership : data.memberships) {
    if (membership.person == person && membership.unit == unit) return membership;
  }
  throw std::out_of_range("no membership of " + std::string(person) + " in " + std::string(unit));
}

//! "items[4].origin" for the item with `code`.
inline std::string itemPath(const OrganisationData& data, std::string_view code,
                            std::string_view field) {
  return "items[" + std::to_string(indexOf(data.items, code)) + "]." + std::string(field);
}
inline std::string unitPath(const OrganisationData& data, std::string_view code,
                            std::string_view field) {
  return "units[" + std::to_string(indexOf(data.units, code)) + "]." + std::string(field);
}
inline std::string documentPath(const OrganisationData& data, std::string_view code,
                                std::string_view field) {
  return "documents[" + std::to_string(indexOf(data.documents, code)) + "]." + std::string(field);
}

//! Matches a violation by rule, path and record exactly and by a key phrase of its message.
inline ::testing::Matcher<const Violation&> violation(const std::string& rule,
                                                      const std::string& path,
                                                      const std::string& record,
                                                      const std::string& phrase) {
  return ::testing::AllOf(
      ::testing::Field("rule", &Violation::rule, rule),
      ::testing::Field("path", &Violation::path, path),
      ::testing::Field("record", &Violation::record, record),
      ::testing::Field("message", &Violation::message, ::testing::HasSubstr(phrase)));
}

//! The codes of records or summaries, in their order.
template <typename Records>
std::vector<std::string> codesOf(const Records& records) {
  std::vector<std::string> codes;
  for (const auto& record : records) codes.push_back(record.code);
  return codes;
}

}  // namespace styr::domain::fixture
