// domain::validate on the records' integrity (codes, references, the unit tree, validity,
// documents, indicators, values) and D6 (only the budget appropriates money), and that every
// problem of a data set is reported at once.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "chain_fixture.hpp"
#include "domain/chain_index.hpp"
#include "domain/rules.hpp"

namespace styr::domain {
namespace {

using fixture::chainFixture;
using fixture::documentOf;
using fixture::documentPath;
using fixture::find;
using fixture::issuedItem;
using fixture::itemOf;
using fixture::itemPath;
using fixture::makeUnit;
using fixture::membershipOf;
using fixture::on;
using fixture::unitOf;
using fixture::unitPath;
using fixture::violation;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;
using ::testing::SizeIs;

std::string at(std::string_view collection, std::size_t index, std::string_view field) {
  return std::string(collection) + "[" + std::to_string(index) + "]." + std::string(field);
}

// --- codes -----------------------------------------------------------------------------------

TEST(RulesIntegrity, DuplicateUnitCode) {
  OrganisationData data = chainFixture();
  data.units.push_back(makeUnit("ARB", "Förskolan Vitsippan", UnitKind::workplace, "ENH"));
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", at("units", 8, "code"), "unit ARB",
                                                    "the code ARB is used by more than one unit")));
}

TEST(RulesIntegrity, DuplicatePersonCode) {
  OrganisationData data = chainFixture();
  data.people.push_back(Person{"P-EMP", "Eva", "Sjö", ""});
  const std::size_t last = data.people.size() - 1;
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("people", last, "code"), "person P-EMP",
                                    "the code P-EMP is used by more than one person")));
}

TEST(RulesIntegrity, DuplicateItemCode) {
  OrganisationData data = chainFixture();
  data.items.push_back(itemOf(data, "ENH-A01"));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("items", 6, "code"), "item ENH-A01",
                                    "the code ENH-A01 is used by more than one item")));
}

TEST(RulesIntegrity, DuplicateIndicatorCode) {
  OrganisationData data = chainFixture();
  Indicator copy = data.indicators[1];
  data.indicators.push_back(copy);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("indicators", 2, "code"), "indicator IND2",
                                    "the code IND2 is used by more than one indicator")));
}

TEST(RulesIntegrity, EmptyUnitCode) {
  OrganisationData data = chainFixture();
  data.units.push_back(makeUnit("", "Namnlös", UnitKind::workplace, "ENH"));
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", at("units", 8, "code"), "unit #9",
                                                    "the code is empty")));
}

TEST(RulesIntegrity, EmptyItemCode) {
  OrganisationData data = chainFixture();
  data.items.push_back(issuedItem("", "SEK", "ENH", "KD-U01", on(2025, 1, 10)));
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", at("items", 6, "code"), "item #7",
                                                    "the code is empty")));
}

TEST(RulesIntegrity, EmptyPersonCode) {
  OrganisationData data = chainFixture();
  data.people.push_back(Person{"", "Nils", "Nilsson", ""});
  const std::size_t last = data.people.size() - 1;
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("people", last, "code"),
                                    "person #" + std::to_string(last + 1), "the code is empty")));
}

// --- the unit tree ---------------------------------------------------------------------------

TEST(RulesIntegrity, UnknownParent) {
  OrganisationData data = chainFixture();
  data.units.push_back(makeUnit("ARB2", "Förskolan Vitsippan", UnitKind::workplace, "ENH9"));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("units", 8, "parent"), "unit ARB2",
                                    "the parent unit ENH9 does not exist")));
}

TEST(RulesIntegrity, TwoUnitCycleTerminatesAndIsReportedForEachUnit) {
  OrganisationData data = chainFixture();
  data.units.push_back(makeUnit("C1", "Cirkel 1", UnitKind::unit, "C2"));
  data.units.push_back(makeUnit("C2", "Cirkel 2", UnitKind::unit, "C1"));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("units", 8, "parent"), "unit C1",
                                    "the parent C2 makes the unit tree a cycle"),
                          violation("integrity", at("units", 9, "parent"), "unit C2",
                                    "the parent C1 makes the unit tree a cycle")));
}

TEST(RulesIntegrity, UnitThatIsItsOwnParent) {
  OrganisationData data = chainFixture();
  unitOf(data, "ARB").parent = "ARB";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", unitPath(data, "ARB", "parent"), "unit ARB",
                                    "the parent ARB makes the unit tree a cycle")));
}

TEST(RulesIntegrity, CycleThroughTheTreeTerminates) {
  OrganisationData data = chainFixture();
  unitOf(data, "KD").parent = "ENH";  // KD -> ENH -> SEK -> KD; KS keeps no child
  std::vector<Violation> violations = validate(data);
  EXPECT_THAT(violations,
              ::testing::IsSupersetOf({violation("integrity", unitPath(data, "KD", "parent"),
                                                 "unit KD", "makes the unit tree a cycle"),
                                       violation("integrity", unitPath(data, "SEK", "parent"),
                                                 "unit SEK", "makes the unit tree a cycle"),
                                       violation("integrity", unitPath(data, "ENH", "parent"),
                                                 "unit ENH", "makes the unit tree a cycle")}));
}

TEST(RulesIntegrity, ItemAddressedIntoACycleTerminates) {
  OrganisationData data = chainFixture();
  data.units.push_back(makeUnit("C1", "Cirkel 1", UnitKind::unit, "C2"));
  data.units.push_back(makeUnit("C2", "Cirkel 2", UnitKind::unit, "C1"));
  data.items.push_back(issuedItem("SEK-U02", "SEK", "C1", "KD-U01", on(2025, 1, 10)));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("units", 8, "parent"), "unit C1", "cycle"),
                          violation("integrity", at("units", 9, "parent"), "unit C2", "cycle"),
                          violation("chain", itemPath(data, "SEK-U02", "recipient_unit"),
                                    "item SEK-U02", "and C1 is not")));
}

TEST(RulesIntegrity, TwoRoots) {
  OrganisationData data = chainFixture();
  data.units.push_back(makeUnit("KF2", "Ett andra fullmäktige", UnitKind::council, ""));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", "units", "units", "the unit tree has 2 roots")));
}

TEST(RulesIntegrity, NonCouncilRoot) {
  OrganisationData data = chainFixture();
  data.units.push_back(makeUnit("FRI", "Fristående sektor", UnitKind::sector, ""));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("units", 8, "parent"), "unit FRI",
                                    "only the council may be the root of the tree, and this "
                                    "sector has no parent"),
                          violation("integrity", "units", "units", "the unit tree has 2 roots")));
}

TEST(RulesIntegrity, OnlyRootIsNotACouncil) {
  OrganisationData data;
  data.organisation = Organisation{"1441", "Lerums kommun", OrganisationKind::municipality};
  data.units = {makeUnit("KS", "Kommunstyrelsen", UnitKind::executive_board, "")};
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", "units[0].parent", "unit KS",
                                                    "only the council may be the root")));
}

TEST(RulesIntegrity, ChildValidBeforeItsParent) {
  OrganisationData data = chainFixture();
  unitOf(data, "ARB").valid_from = on(1999, 12, 31);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", unitPath(data, "ARB", "valid_from"), "unit ARB",
                                    "the unit is valid 1999-12-31.. but its parent ENH only "
                                    "2000-01-01..")));
}

TEST(RulesIntegrity, ChildValidAfterItsParentEnds) {
  OrganisationData data = chainFixture();
  unitOf(data, "SEK2").valid_to = on(2030, 12, 31);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", unitPath(data, "ENH2", "valid_from"), "unit ENH2",
                                    "the unit is valid 2000-01-01.. but its parent SEK2 only "
                                    "2000-01-01..2030-12-31")));
}

TEST(RulesIntegrity, ChildEndingWithItsParentIsAccepted) {
  OrganisationData data = chainFixture();
  unitOf(data, "SEK2").valid_to = on(2030, 12, 31);
  unitOf(data, "ENH2").valid_to = on(2030, 12, 31);
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesIntegrity, UnitValidToBeforeValidFrom) {
  OrganisationData data = chainFixture();
  unitOf(data, "ARB").valid_to = on(1999, 12, 31);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", unitPath(data, "ARB", "valid_to"), "unit ARB",
                                    "valid_to 1999-12-31 is before valid_from 2000-01-01")));
}

TEST(RulesIntegrity, UnitWithoutName) {
  OrganisationData data = chainFixture();
  unitOf(data, "ARB").name = "";
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", unitPath(data, "ARB", "name"),
                                                    "unit ARB", "the unit has no name")));
}

// --- people and memberships ------------------------------------------------------------------

TEST(RulesIntegrity, PersonWithoutName) {
  OrganisationData data = chainFixture();
  Person& person = find(data.people, "P-EMP");
  person.given_name = "";
  person.family_name = "";
  const std::size_t index = fixture::indexOf(data.people, "P-EMP");
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", at("people", index, "family_name"),
                                                    "person P-EMP", "the person has no name")));
}

TEST(RulesIntegrity, MembershipOfAnUnknownPerson) {
  OrganisationData data = chainFixture();
  data.memberships.push_back(
      Membership{"P-NONE", "ENH", Role::employee, on(2024, 1, 1), std::nullopt});
  const std::size_t last = data.memberships.size() - 1;
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", at("memberships", last, "person"),
                                                    "membership P-NONE employee of ENH",
                                                    "the person P-NONE does not exist")));
}

TEST(RulesIntegrity, MembershipOfAnUnknownUnit) {
  OrganisationData data = chainFixture();
  data.memberships.push_back(
      Membership{"P-EMP", "ENH9", Role::employee, on(2024, 1, 1), std::nullopt});
  const std::size_t last = data.memberships.size() - 1;
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", at("memberships", last, "unit"),
                                                    "membership P-EMP employee of ENH9",
                                                    "the unit ENH9 does not exist")));
}

TEST(RulesIntegrity, DuplicateMembership) {
  OrganisationData data = chainFixture();
  data.memberships.push_back(membershipOf(data, "P-ENH", "ENH"));
  const std::size_t last = data.memberships.size() - 1;
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("memberships", last, "valid_from"),
                                    "membership P-ENH head of ENH",
                                    "the same membership is listed twice from the same date")));
}

TEST(RulesIntegrity, DuplicateMembershipFromTheSameDateWithAnotherEnd) {
  OrganisationData data = chainFixture();
  Membership copy = membershipOf(data, "P-EMP", "ENH");
  copy.valid_to = on(2025, 12, 31);
  data.memberships.push_back(copy);
  const std::size_t last = data.memberships.size() - 1;
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("memberships", last, "valid_from"),
                                    "membership P-EMP employee of ENH",
                                    "the same membership is listed twice from the same date")));
}

TEST(RulesIntegrity, AnotherRoleInTheSameUnitFromTheSameDateIsAccepted) {
  OrganisationData data = chainFixture();
  Membership controller = membershipOf(data, "P-EMP", "ENH");
  controller.role = Role::controller;
  data.memberships.push_back(controller);
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesIntegrity, SameRoleAgainFromALaterDateIsAccepted) {
  OrganisationData data = chainFixture();
  membershipOf(data, "P-ENH", "ENH").valid_to = on(2022, 12, 31);
  data.memberships.push_back(Membership{"P-ENH", "ENH", Role::head, on(2023, 1, 1), std::nullopt});
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesIntegrity, MembershipValidToBeforeValidFrom) {
  OrganisationData data = chainFixture();
  data.memberships.push_back(
      Membership{"P-SEK", "SEK2", Role::controller, on(2024, 1, 1), on(2023, 12, 31)});
  const std::size_t last = data.memberships.size() - 1;
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("memberships", last, "valid_to"),
                                    "membership P-SEK controller of SEK2",
                                    "valid_to 2023-12-31 is before valid_from 2024-01-01")));
}

// --- steering documents ----------------------------------------------------------------------

TEST(RulesIntegrity, DecidedDocumentWithoutDecision) {
  OrganisationData data = chainFixture();
  documentOf(data, "VP25").decision.reset();
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", documentPath(data, "VP25", "decision"),
                                    "document VP25 version 1",
                                    "a decided document must carry its decision")));
}

TEST(RulesIntegrity, SupersededDocumentWithoutDecision) {
  OrganisationData data = chainFixture();
  SteeringDocument revision = documentOf(data, "VP25");
  revision.version = 2;
  revision.decision = Decision{on(2025, 3, 20), "§ 41", "KS 2025/0101"};
  SteeringDocument& original = documentOf(data, "VP25");
  original.status = DocumentStatus::superseded;
  original.decision.reset();
  data.documents.push_back(revision);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", documentPath(data, "VP25", "decision"),
                                    "document VP25 version 1",
                                    "a superseded document must carry its decision")));
}

TEST(RulesIntegrity, DraftDocumentNeedsNoDecision) {
  OrganisationData data = chainFixture();
  SteeringDocument draft = documentOf(data, "VP25");
  draft.version = 2;
  draft.status = DocumentStatus::draft;
  draft.decision.reset();
  data.documents.push_back(draft);
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesIntegrity, TwoDecidedVersionsOfOneDocument) {
  OrganisationData data = chainFixture();
  SteeringDocument revision = documentOf(data, "VP25");
  revision.version = 2;
  revision.decision = Decision{on(2025, 3, 20), "§ 41", "KS 2025/0101"};
  data.documents.push_back(revision);
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", at("documents", 4, "status"),
                                                    "document VP25 version 2",
                                                    "two versions of this document are decided")));
}

TEST(RulesIntegrity, RevisionSupersedingTheDecidedVersionIsAccepted) {
  OrganisationData data = chainFixture();
  SteeringDocument revision = documentOf(data, "VP25");
  revision.version = 2;
  revision.decision = Decision{on(2025, 3, 20), "§ 41", "KS 2025/0101"};
  documentOf(data, "VP25").status = DocumentStatus::superseded;
  data.documents.push_back(revision);
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesIntegrity, SameVersionListedTwice) {
  OrganisationData data = chainFixture();
  SteeringDocument copy = documentOf(data, "VP25");
  copy.status = DocumentStatus::superseded;
  data.documents.push_back(copy);
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("integrity", at("documents", 4, "version"), "document VP25 version 1",
                            "the same version of this document is listed twice")));
}

TEST(RulesIntegrity, DecisionWithoutCaseNumber) {
  OrganisationData data = chainFixture();
  documentOf(data, "VP25").decision->case_number = "";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", documentPath(data, "VP25", "decision.case_number"),
                                    "document VP25 version 1", "no case number")));
}

TEST(RulesIntegrity, BudgetWithoutYear) {
  OrganisationData data = chainFixture();
  documentOf(data, "BUD25").year.reset();
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", documentPath(data, "BUD25", "year"),
                                    "document BUD25 version 1", "a budget must state its year")));
}

TEST(RulesIntegrity, OperationalPlanWithoutYear) {
  OrganisationData data = chainFixture();
  documentOf(data, "VP25").year.reset();
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", documentPath(data, "VP25", "year"),
                                                    "document VP25 version 1",
                                                    "an operational plan must state its year")));
}

TEST(RulesIntegrity, MandateProgrammeWithoutTerm) {
  OrganisationData data = chainFixture();
  documentOf(data, "VOM").term.reset();
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", documentPath(data, "VOM", "term"),
                                    "document VOM version 1",
                                    "a mandate programme must state its term of office")));
}

TEST(RulesIntegrity, UnknownDecidingBody) {
  OrganisationData data = chainFixture();
  documentOf(data, "VP25").deciding_body = "KX";
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("integrity", documentPath(data, "VP25", "deciding_body"),
                            "document VP25 version 1", "the deciding body 'KX' does not exist")));
}

TEST(RulesIntegrity, DocumentWithoutCode) {
  OrganisationData data = chainFixture();
  SteeringDocument nameless = documentOf(data, "VP25");
  nameless.code = "";
  data.documents.push_back(nameless);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", at("documents", 4, "code"), "document  version 1",
                                    "the document has no code")));
}

// --- the organisation, terms and years -------------------------------------------------------

class OrganisationCode : public ::testing::TestWithParam<const char*> {};

TEST_P(OrganisationCode, MustBeFourDigits) {
  OrganisationData data = chainFixture();
  data.organisation.code = GetParam();
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", "organisation.code", "organisation",
                                    "the organisation code '" + std::string(GetParam()) +
                                        "' is not a four-digit SCB code")));
}

INSTANTIATE_TEST_SUITE_P(RulesIntegrity, OrganisationCode,
                         ::testing::Values("144", "14410", "14a1", "", " 441", "-441"));

TEST(RulesIntegrity, OrganisationCodeWithLeadingZeroIsAccepted) {
  OrganisationData data = chainFixture();
  data.organisation.code = "0114";  // Upplands Väsby
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesIntegrity, OverlappingTerms) {
  OrganisationData data = chainFixture();
  data.terms.push_back(Term{2025});
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", "terms[1].first_year", "term 2025",
                                                    "the term overlaps another term in 2025")));
}

TEST(RulesIntegrity, ConsecutiveTermsAreAccepted) {
  OrganisationData data = chainFixture();
  data.terms.push_back(Term{2019});
  data.terms.push_back(Term{2027});
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesIntegrity, TermThatIsNotAYear) {
  OrganisationData data = chainFixture();
  data.terms.push_back(Term{23});
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", "terms[1].first_year", "term 23",
                                                    "is not a year")));
}

TEST(RulesIntegrity, DuplicateYear) {
  OrganisationData data = chainFixture();
  data.years.push_back(FiscalYear{2025, YearStatus::planning});
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", "years[1].year", "year 2025",
                                                    "the year 2025 is listed more than once")));
}

// --- indicators and their values -------------------------------------------------------------

TEST(RulesIntegrity, DuplicateTarget) {
  OrganisationData data = chainFixture();
  data.indicators[0].targets.push_back(IndicatorTarget{2025, "", 85.0});
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", "indicators[0].targets[1].year", "indicator IND1",
                                    "two targets for 2025 the organisation")));
}

TEST(RulesIntegrity, DuplicateTargetForAUnit) {
  OrganisationData data = chainFixture();
  data.indicators[0].targets.push_back(IndicatorTarget{2025, "ENH", 85.0});
  data.indicators[0].targets.push_back(IndicatorTarget{2025, "ENH", 86.0});
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", "indicators[0].targets[2].year",
                                                    "indicator IND1", "two targets for 2025 ENH")));
}

TEST(RulesIntegrity, TargetsForOtherYearsAndUnitsAreAccepted) {
  OrganisationData data = chainFixture();
  data.indicators[0].targets.push_back(IndicatorTarget{2026, "", 85.0});
  data.indicators[0].targets.push_back(IndicatorTarget{2025, "ENH", 90.0});
  data.indicators[0].targets.push_back(IndicatorTarget{2025, "ENH2", 70.0});
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesIntegrity, TargetForAnUnknownUnit) {
  OrganisationData data = chainFixture();
  data.indicators[0].targets.push_back(IndicatorTarget{2025, "ENH9", 85.0});
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", "indicators[0].targets[1].unit", "indicator IND1",
                                    "the target's unit ENH9 does not exist")));
}

TEST(RulesIntegrity, RatioOfSumsValueWithoutDenominator) {
  OrganisationData data = chainFixture();
  data.indicator_values[0].denominator.reset();
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", "indicator_values[0].denominator",
                                    "value of IND1 for ENH at 2025-06-30",
                                    "needs its numerator and a positive denominator")));
}

TEST(RulesIntegrity, RatioOfSumsValueWithZeroDenominator) {
  OrganisationData data = chainFixture();
  data.indicator_values[0].denominator = 0.0;
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", "indicator_values[0].denominator",
                                    "value of IND1 for ENH at 2025-06-30",
                                    "needs its numerator and a positive denominator")));
}

TEST(RulesIntegrity, RatioOfSumsValueWithoutNumerator) {
  OrganisationData data = chainFixture();
  data.indicator_values[0].numerator.reset();
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", "indicator_values[0].denominator",
                                    "value of IND1 for ENH at 2025-06-30", "numerator")));
}

TEST(RulesIntegrity, WeightedMeanValueWithoutWeight) {
  OrganisationData data = chainFixture();
  data.indicator_values[1].weight.reset();
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", "indicator_values[1].weight",
                                    "value of IND2 for ENH at 2025-06-30",
                                    "a weighted-mean indicator's value needs a positive weight")));
}

TEST(RulesIntegrity, WeightedMeanValueWithZeroWeight) {
  OrganisationData data = chainFixture();
  data.indicator_values[1].weight = 0.0;
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", "indicator_values[1].weight",
                                                    "value of IND2 for ENH at 2025-06-30",
                                                    "needs a positive weight")));
}

TEST(RulesIntegrity, ValueOfAnUnknownIndicator) {
  OrganisationData data = chainFixture();
  data.indicator_values[0].indicator = "IND9";
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", "indicator_values[0].indicator",
                                                    "value of IND9 for ENH at 2025-06-30",
                                                    "the indicator IND9 does not exist")));
}

TEST(RulesIntegrity, ValueForAnUnknownUnit) {
  OrganisationData data = chainFixture();
  data.indicator_values[1].unit = "ENH9";
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", "indicator_values[1].unit",
                                                    "value of IND2 for ENH9 at 2025-06-30",
                                                    "the unit ENH9 does not exist")));
}

// --- D6: only the budget appropriates, for its year and two plan years -----------------------

TEST(RulesD6, AppropriationsOnANonBudgetDocument) {
  OrganisationData data = chainFixture();
  documentOf(data, "VP25").appropriations = {Appropriation{"KD", 2025, 1'000'000}};
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D6", documentPath(data, "VP25", "appropriations"),
                                    "document VP25 version 1",
                                    "only the budget appropriates money; an operational plan "
                                    "cannot carry appropriations")));
}

TEST(RulesD6, AppropriationAfterThePlanYears) {
  OrganisationData data = chainFixture();
  auto& appropriations = documentOf(data, "BUD25").appropriations;
  appropriations.push_back(Appropriation{"KS", 2028, 1});
  const std::size_t last = appropriations.size() - 1;
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation(
          "D6", documentPath(data, "BUD25", "appropriations[") + std::to_string(last) + "].year",
          "document BUD25 version 1",
          "the budget for 2025 covers 2025 to 2027; an appropriation "
          "for 2028 lies outside")));
}

TEST(RulesD6, AppropriationBeforeTheBudgetYear) {
  OrganisationData data = chainFixture();
  documentOf(data, "BUD25").appropriations[0].year = 2024;
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("D6", documentPath(data, "BUD25", "appropriations[0].year"),
                            "document BUD25 version 1", "an appropriation for 2024 lies outside")));
}

TEST(RulesD6, AppropriationsForTheYearAndBothPlanYearsAreAccepted) {
  const OrganisationData& data = chainFixture();
  const auto& appropriations =
      data.documents[fixture::indexOf(data.documents, "BUD25")].appropriations;
  std::set<int> years;
  for (const Appropriation& appropriation : appropriations) years.insert(appropriation.year);
  EXPECT_EQ(years, (std::set<int>{2025, 2026, 2027}));
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesD6, AppropriationToAnUnknownUnit) {
  OrganisationData data = chainFixture();
  documentOf(data, "BUD25").appropriations[1].unit = "SEK9";
  EXPECT_THAT(validate(data),
              ElementsAre(violation(
                  "integrity", documentPath(data, "BUD25", "appropriations[1].unit"),
                  "document BUD25 version 1", "the appropriation's unit SEK9 does not exist")));
}

// --- everything at once ----------------------------------------------------------------------

TEST(RulesAll, EveryProblemIsReportedInOneRun) {
  OrganisationData data = chainFixture();
  data.organisation.code = "12";                                             // integrity
  data.years.push_back(FiscalYear{2025, YearStatus::closed});                // integrity
  documentOf(data, "VP25").appropriations = {Appropriation{"KD", 2025, 5}};  // D6
  itemOf(data, "KD-U01").follow_up = FollowUp{};                             // D4
  itemOf(data, "KD-U01").plan = "";                                          // D2
  itemOf(data, "ENH-A01").recipient_person = "";                             // D1
  data.indicator_values[1].weight.reset();                                   // integrity
  std::vector<Violation> violations = validate(data);
  EXPECT_THAT(violations, SizeIs(7));
  EXPECT_THAT(violations,
              ElementsAre(Field(&Violation::path, "organisation.code"),
                          Field(&Violation::path, "years[1].year"),
                          Field(&Violation::path, documentPath(data, "VP25", "appropriations")),
                          Field(&Violation::path, itemPath(data, "KD-U01", "plan")),
                          Field(&Violation::path, itemPath(data, "KD-U01", "follow_up")),
                          Field(&Violation::path, itemPath(data, "ENH-A01", "recipient_unit")),
                          Field(&Violation::path, "indicator_values[1].weight")));
}

TEST(RulesAll, ValidationIsDeterministic) {
  OrganisationData data = chainFixture();
  data.organisation.code = "12";
  data.units.push_back(makeUnit("C1", "Cirkel 1", UnitKind::unit, "C2"));
  data.units.push_back(makeUnit("C2", "Cirkel 2", UnitKind::unit, "C1"));
  itemOf(data, "SEK-U01").origin = "KS-U01";
  std::vector<Violation> first = validate(data);
  std::vector<Violation> second = validate(data);
  ASSERT_EQ(first.size(), 4u);
  ASSERT_EQ(second.size(), first.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].rule, second[i].rule);
    EXPECT_EQ(first[i].path, second[i].path);
    EXPECT_EQ(first[i].record, second[i].record);
    EXPECT_EQ(first[i].message, second[i].message);
  }
}

TEST(RulesAll, EmptyOrganisationNeedsACodeAndAName) {
  EXPECT_THAT(validate(OrganisationData{}),
              ElementsAre(violation("integrity", "organisation.code", "organisation",
                                    "is not a four-digit SCB code"),
                          violation("integrity", "organisation.name", "organisation",
                                    "the organisation has no name")));
}

}  // namespace
}  // namespace styr::domain
