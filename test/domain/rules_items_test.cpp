// domain::validate on goals and assignments: D1 (issuer, recipient), the chain (who may
// address whom), D3 (origin), D4 (follow-up) and the item lifecycle (D2 and dates). Each test
// breaks exactly one thing in a copy of the fixture and expects exactly one violation.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "chain_fixture.hpp"
#include "domain/chain_index.hpp"
#include "domain/coverage.hpp"
#include "domain/rules.hpp"

namespace styr::domain {
namespace {

using fixture::acknowledgedItem;
using fixture::chainFixture;
using fixture::codesOf;
using fixture::draftItem;
using fixture::issuedItem;
using fixture::itemOf;
using fixture::itemPath;
using fixture::membershipOf;
using fixture::on;
using fixture::unitOf;
using fixture::violation;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ChainFixture, IsValid) {
  EXPECT_THAT(validate(chainFixture()), IsEmpty());
}

TEST(ChainFixture, HasTheWholeChainFromCouncilToEmployee) {
  const OrganisationData& data = chainFixture();
  EXPECT_THAT(codesOf(data.units),
              ElementsAre("KF", "KS", "KD", "SEK", "ENH", "ARB", "SEK2", "ENH2"));
  EXPECT_THAT(codesOf(data.items),
              ElementsAre("KF-M01", "KF-B01", "KS-U01", "KD-U01", "SEK-U01", "ENH-A01"));
  for (const Item& item : data.items) {
    SCOPED_TRACE(item.code);
    EXPECT_EQ(item.status, ItemStatus::acknowledged);
    ASSERT_TRUE(item.issued_on && item.acknowledged_on);
    EXPECT_LE(*item.issued_on, *item.acknowledged_on);
    EXPECT_FALSE(item.plan.empty());
  }
  for (std::size_t i = 1; i < data.items.size(); ++i) {
    EXPECT_EQ(data.items[i].origin, data.items[i - 1].code);
    EXPECT_LT(*data.items[i - 1].acknowledged_on, *data.items[i].issued_on);
  }
}

// --- D1: exactly one issuer and one recipient ------------------------------------------------

TEST(RulesD1, MissingIssuerIsReportedAlone) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").issuer = "";
  // Only D1: the origin check must not add a second, derived complaint about an issuer "".
  EXPECT_THAT(validate(data), ElementsAre(violation("D1", itemPath(data, "ENH-A01", "issuer"),
                                                    "item ENH-A01", "needs an issuer")));
}

TEST(RulesD1, MissingIssuerOnADraftIsReported) {
  OrganisationData data = chainFixture();
  data.items.push_back(draftItem("X-U01", "", "SEK", ""));
  EXPECT_THAT(validate(data), ElementsAre(violation("D1", itemPath(data, "X-U01", "issuer"),
                                                    "item X-U01", "needs an issuer")));
}

TEST(RulesD1, UnknownIssuerIsReportedAlone) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").issuer = "ENH9";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "ENH-A01", "issuer"),
                                    "item ENH-A01", "the issuer ENH9 is not a unit")));
}

TEST(RulesD1, MissingRecipient) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").recipient_person = "";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D1", itemPath(data, "ENH-A01", "recipient_unit"),
                                    "item ENH-A01", "exactly one named recipient")));
}

TEST(RulesD1, BothRecipientUnitAndPerson) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").recipient_unit = "ENH";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D1", itemPath(data, "ENH-A01", "recipient_person"),
                                    "item ENH-A01", "a unit or a person, not both")));
}

TEST(RulesD1, UnknownRecipientUnit) {
  OrganisationData data = chainFixture();
  data.items.push_back(issuedItem("SEK-U02", "SEK", "ENH9", "KD-U01", on(2025, 1, 10)));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "SEK-U02", "recipient_unit"),
                                    "item SEK-U02", "the recipient unit ENH9 does not exist")));
}

TEST(RulesD1, UnknownRecipientPerson) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").recipient_person = "P-NONE";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "ENH-A01", "recipient_person"),
                                    "item ENH-A01", "the recipient person P-NONE does not exist")));
}

// --- the chain: who may address whom ---------------------------------------------------------

TEST(RulesChain, RecipientInASiblingSector) {
  OrganisationData data = chainFixture();
  data.items.push_back(issuedItem("SEK-U02", "SEK", "SEK2", "KD-U01", on(2025, 1, 10)));
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("chain", itemPath(data, "SEK-U02", "recipient_unit"), "item SEK-U02",
                            "SEK can only address units below it in the tree, and SEK2 "
                            "is not")));
}

TEST(RulesChain, RecipientIsTheIssuersParent) {
  OrganisationData data = chainFixture();
  data.items.push_back(issuedItem("SEK-U02", "SEK", "KD", "KD-U01", on(2025, 1, 10)));
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("chain", itemPath(data, "SEK-U02", "recipient_unit"), "item SEK-U02",
                            "SEK can only address units below it in the tree, and KD "
                            "is not")));
}

TEST(RulesChain, RecipientIsTheIssuerItself) {
  OrganisationData data = chainFixture();
  data.items.push_back(issuedItem("SEK-U02", "SEK", "SEK", "KD-U01", on(2025, 1, 10)));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("chain", itemPath(data, "SEK-U02", "recipient_unit"),
                                    "item SEK-U02", "and SEK is not")));
}

TEST(RulesChain, CouncilAddressesOnlyItsDirectChildren) {
  OrganisationData data = chainFixture();
  Item goal = issuedItem("KF-B02", "KF", "KD", "KF-M01", on(2024, 6, 15));
  goal.kind = ItemKind::goal;
  goal.document = "BUD25";
  data.items.push_back(goal);
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("chain", itemPath(data, "KF-B02", "recipient_unit"), "item KF-B02",
                            "the council KF addresses only the bodies directly below "
                            "it, and KD is further down the chain")));
}

TEST(RulesChain, CouncilAddressingAUnitFarDownIsAlsoReported) {
  OrganisationData data = chainFixture();
  data.items.push_back(issuedItem("KF-B02", "KF", "ENH", "KF-M01", on(2024, 6, 15)));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("chain", itemPath(data, "KF-B02", "recipient_unit"),
                                    "item KF-B02", "and ENH is further down the chain")));
}

TEST(RulesChain, BoardAddressesOnlyItsDirectChildren) {
  OrganisationData data = chainFixture();
  data.items.push_back(issuedItem("KS-U02", "KS", "SEK", "KF-B01", on(2024, 11, 20)));
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("chain", itemPath(data, "KS-U02", "recipient_unit"), "item KS-U02",
                            "the executive_board KS addresses only the bodies directly "
                            "below it, and SEK is further down the chain")));
}

TEST(RulesChain, SectorMayAddressAWorkplaceTwoLevelsDown) {
  OrganisationData data = chainFixture();
  data.items.push_back(issuedItem("SEK-U02", "SEK", "ARB", "KD-U01", on(2025, 1, 10)));
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesChain, ChiefExecutiveOfficeMayAddressAnyDescendant) {
  OrganisationData data = chainFixture();
  data.items.push_back(issuedItem("KD-U02", "KD", "ENH2", "KS-U01", on(2024, 12, 10)));
  data.items.push_back(issuedItem("KD-U03", "KD", "ARB", "KS-U01", on(2024, 12, 10)));
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesChain, PersonRecipientWhoIsNotAMemberOfTheIssuer) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").recipient_person = "P-SEK";  // head of SEK, not a member of ENH
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("chain", itemPath(data, "ENH-A01", "recipient_person"), "item ENH-A01",
                            "ENH can only address a person who is a member of ENH "
                            "itself, and P-SEK was not on 2025-02-01")));
}

TEST(RulesChain, PersonRecipientWhoseMembershipEndedBeforeTheIssueDate) {
  OrganisationData data = chainFixture();
  membershipOf(data, "P-EMP", "ENH").valid_to = on(2025, 1, 31);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("chain", itemPath(data, "ENH-A01", "recipient_person"),
                                    "item ENH-A01", "and P-EMP was not on 2025-02-01")));
}

TEST(RulesChain, PersonRecipientWhoseMembershipEndsOnTheIssueDateIsAccepted) {
  OrganisationData data = chainFixture();
  membershipOf(data, "P-EMP", "ENH").valid_to = on(2025, 2, 1);  // inclusive
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesChain, PersonRecipientWhoseMembershipStartsAfterTheIssueDate) {
  OrganisationData data = chainFixture();
  membershipOf(data, "P-EMP", "ENH").valid_from = on(2025, 2, 2);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("chain", itemPath(data, "ENH-A01", "recipient_person"),
                                    "item ENH-A01", "and P-EMP was not on 2025-02-01")));
}

TEST(RulesChain, IssuerNotValidOnTheIssueDate) {
  OrganisationData data = chainFixture();
  unitOf(data, "ENH").valid_to = on(2025, 1, 31);
  unitOf(data, "ARB").valid_to = on(2025, 1, 31);  // a child may not outlive its parent
  EXPECT_THAT(validate(data),
              ElementsAre(violation("chain", itemPath(data, "ENH-A01", "issuer"), "item ENH-A01",
                                    "the issuer ENH did not exist on 2025-02-01 (valid "
                                    "2000-01-01..2025-01-31)")));
}

TEST(RulesChain, RecipientNotValidOnTheIssueDate) {
  OrganisationData data = chainFixture();
  unitOf(data, "ENH").valid_from = on(2025, 1, 15);
  unitOf(data, "ARB").valid_from = on(2025, 1, 15);
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("chain", itemPath(data, "SEK-U01", "recipient_unit"), "item SEK-U01",
                            "the recipient ENH did not exist on 2025-01-10 (valid "
                            "2025-01-15..)")));
}

// --- D3: every item originates in the one above it -------------------------------------------

TEST(RulesD3, IssuedItemWithoutOrigin) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").origin = "";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D3", itemPath(data, "KD-U01", "origin"), "item KD-U01",
                                    "every item issued by KD must originate in an item KD "
                                    "received")));
}

TEST(RulesD3, CouncilGoalWithoutOrigin) {
  OrganisationData data = chainFixture();
  itemOf(data, "KF-M01").origin_document = "";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D3", itemPath(data, "KF-M01", "origin"), "item KF-M01",
                                    "a council goal must originate in the vision, the mandate "
                                    "programme or a mandate programme goal")));
}

TEST(RulesD3, OriginReceivedByAnotherUnit) {
  OrganisationData data = chainFixture();
  itemOf(data, "SEK-U01").origin = "KS-U01";  // addressed to KD, not to SEK
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D3", itemPath(data, "SEK-U01", "origin"), "item SEK-U01",
                                    "SEK can only build on items it received, and KS-U01 was "
                                    "addressed to KD")));
}

TEST(RulesD3, OriginIsADraft) {
  OrganisationData data = chainFixture();
  data.items.push_back(draftItem("KD-U02", "KD", "SEK", "KS-U01"));
  data.items.push_back(issuedItem("SEK-U02", "SEK", "ENH", "KD-U02", on(2025, 1, 10)));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D3", itemPath(data, "SEK-U02", "origin"), "item SEK-U02",
                                    "the origin KD-U02 is draft; only an issued item can be "
                                    "built on")));
}

TEST(RulesD3, OriginIsCancelled) {
  OrganisationData data = chainFixture();
  Item cancelled = issuedItem("KD-U02", "KD", "SEK", "KS-U01", on(2024, 12, 10));
  cancelled.status = ItemStatus::cancelled;
  cancelled.closed_on = on(2025, 1, 5);
  cancelled.closing_note = "Ersatt av KD-U01";
  data.items.push_back(cancelled);
  data.items.push_back(issuedItem("SEK-U02", "SEK", "ENH", "KD-U02", on(2025, 1, 10)));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D3", itemPath(data, "SEK-U02", "origin"), "item SEK-U02",
                                    "the origin KD-U02 is cancelled")));
}

TEST(RulesD3, OriginCompletedMayBeBuiltOn) {
  OrganisationData data = chainFixture();
  Item& origin = itemOf(data, "KD-U01");
  origin.status = ItemStatus::completed;
  origin.closed_on = on(2025, 6, 30);
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesD3, OriginDoesNotExist) {
  OrganisationData data = chainFixture();
  itemOf(data, "SEK-U01").origin = "KD-U99";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "SEK-U01", "origin"),
                                    "item SEK-U01", "the origin KD-U99 does not exist")));
}

TEST(RulesD3, DraftWithAnOriginThatDoesNotExist) {
  OrganisationData data = chainFixture();
  data.items.push_back(draftItem("SEK-U02", "SEK", "ENH", "KD-U99"));
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "SEK-U02", "origin"),
                                    "item SEK-U02", "the origin KD-U99 does not exist")));
}

TEST(RulesD3, OriginIsTheItemItself) {
  OrganisationData data = chainFixture();
  itemOf(data, "SEK-U01").origin = "SEK-U01";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D3", itemPath(data, "SEK-U01", "origin"), "item SEK-U01",
                                    "an item cannot originate in itself")));
}

TEST(RulesD3, NonCouncilItemWithOriginDocument) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").origin_document = "VOM";
  EXPECT_THAT(validate(data), ElementsAre(violation(
                                  "D3", itemPath(data, "KD-U01", "origin_document"), "item KD-U01",
                                  "only the council's own goals originate directly in a "
                                  "steering document")));
}

TEST(RulesD3, CouncilGoalOriginatingInABudget) {
  OrganisationData data = chainFixture();
  itemOf(data, "KF-M01").origin_document = "BUD25";
  EXPECT_THAT(validate(data), ElementsAre(violation(
                                  "D3", itemPath(data, "KF-M01", "origin_document"), "item KF-M01",
                                  "a council goal originates in the vision or the mandate "
                                  "programme, not a budget")));
}

TEST(RulesD3, CouncilGoalOriginatingInAnOperationalPlan) {
  OrganisationData data = chainFixture();
  itemOf(data, "KF-M01").origin_document = "VP25";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D3", itemPath(data, "KF-M01", "origin_document"),
                                    "item KF-M01", "not an operational plan")));
}

TEST(RulesD3, CouncilGoalOriginatingInTheMandateProgrammeIsAccepted) {
  OrganisationData data = chainFixture();
  itemOf(data, "KF-M01").origin_document = "VOM";
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesD3, CouncilGoalWithAnOriginDocumentThatDoesNotExist) {
  OrganisationData data = chainFixture();
  itemOf(data, "KF-M01").origin_document = "VISION-2040";
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("integrity", itemPath(data, "KF-M01", "origin_document"), "item KF-M01",
                            "the origin document VISION-2040 does not exist")));
}

TEST(RulesD3, BudgetGoalCarriedOverFromAMandateProgrammeGoalIsAccepted) {
  const OrganisationData& data = chainFixture();
  const Item& budget_goal = data.items[fixture::indexOf(data.items, "KF-B01")];
  ASSERT_EQ(budget_goal.issuer, "KF");
  ASSERT_EQ(budget_goal.origin, "KF-M01");  // issued by KF to KS, so not received by KF
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesD3, CouncilGoalCarriedOverFromAGoalOutsideTheMandateProgramme) {
  OrganisationData data = chainFixture();
  itemOf(data, "KF-M01").document = "VP25";  // no longer a mandate programme goal
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D3", itemPath(data, "KF-B01", "origin"), "item KF-B01",
                                    "a council goal can carry over a mandate programme goal, "
                                    "and KF-M01 is not one")));
}

TEST(RulesD3, CouncilGoalCannotCarryOverAnotherIssuersMandateProgrammeItem) {
  OrganisationData data = chainFixture();
  Item board_item = issuedItem("KS-U02", "KS", "KD", "KF-B01", on(2024, 11, 20));
  board_item.document = "VOM";  // in the mandate programme, but issued by the board
  data.items.push_back(board_item);
  Item goal = issuedItem("KF-B02", "KF", "KS", "KS-U02", on(2024, 12, 1));
  goal.kind = ItemKind::goal;
  data.items.push_back(goal);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D3", itemPath(data, "KF-B02", "origin"), "item KF-B02",
                                    "a council goal can carry over a mandate programme goal, "
                                    "and KS-U02 is not one")));
}

TEST(RulesD3, DraftWithoutOriginIsAcceptedButListedInCoverage) {
  OrganisationData data = chainFixture();
  data.items.push_back(draftItem("KD-U02", "KD", "SEK2", ""));
  EXPECT_THAT(validate(data), IsEmpty());
  ChainIndex index(data);
  EXPECT_THAT(codesOf(analyseCoverage(index, on(2025, 3, 1)).without_origin),
              ElementsAre("KD-U02"));
}

// --- D4: every issued item says how it is followed up ----------------------------------------

TEST(RulesD4, IssuedItemWithoutFollowUpMethod) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").follow_up = FollowUp{};
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D4", itemPath(data, "KD-U01", "follow_up"), "item KD-U01",
                                    "an issued item must say how it is followed up")));
}

TEST(RulesD4, IndicatorWithoutTargetForTheLinkedYear) {
  OrganisationData data = chainFixture();
  itemOf(data, "KF-B01").follow_up.indicators[0].year = 2026;  // IND1 has a target for 2025
  EXPECT_THAT(validate(data), ElementsAre(violation("D4", itemPath(data, "KF-B01", "follow_up"),
                                                    "item KF-B01", "an indicator with a target")));
}

TEST(RulesD4, IndicatorWithATargetForTheLinkedYearIsAccepted) {
  OrganisationData data = chainFixture();
  const Item& budget_goal = itemOf(data, "KF-B01");
  ASSERT_EQ(budget_goal.follow_up.indicators.size(), 1u);
  ASSERT_FALSE(budget_goal.follow_up.indicators[0].target);
  ASSERT_TRUE(budget_goal.follow_up.deliverable.empty());
  ASSERT_TRUE(budget_goal.follow_up.assessed_at.empty());
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesD4, IndicatorLinkWithItsOwnTargetIsAccepted) {
  OrganisationData data = chainFixture();
  IndicatorLink& link = itemOf(data, "KF-B01").follow_up.indicators[0];
  link.year = 2026;
  link.target = 82.0;
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesD4, AnotherUnitsTargetDoesNotCount) {
  OrganisationData data = chainFixture();
  // IND1's only 2026 target is ENH2's own; it says nothing of what KS is to reach.
  data.indicators[0].targets.push_back(IndicatorTarget{2026, "ENH2", 90.0});
  itemOf(data, "KF-B01").follow_up.indicators[0].year = 2026;
  EXPECT_THAT(validate(data), ElementsAre(violation("D4", itemPath(data, "KF-B01", "follow_up"),
                                                    "item KF-B01", "an indicator with a target")));
}

TEST(RulesD4, TheRecipientsOwnTargetCounts) {
  OrganisationData data = chainFixture();
  data.indicators[0].targets.push_back(IndicatorTarget{2026, "KS", 90.0});
  itemOf(data, "KF-B01").follow_up.indicators[0].year = 2026;
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesD4, IndicatorThatDoesNotExist) {
  OrganisationData data = chainFixture();
  itemOf(data, "SEK-U01").follow_up.indicators[0].indicator = "IND9";  // link has a target
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity",
                                    itemPath(data, "SEK-U01", "follow_up.indicators[0].indicator"),
                                    "item SEK-U01", "the indicator IND9 does not exist")));
}

TEST(RulesD4, DeliverableWithoutDueDate) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").follow_up.deliverable = "Lägesrapport";  // still assessed at follow-ups
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D4", itemPath(data, "KD-U01", "follow_up.deliverable_due"),
                                    "item KD-U01", "a deliverable needs a due date")));
}

TEST(RulesD4, DeliverableWithoutDueDateAsTheOnlyMethod) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").follow_up.deliverable_due.reset();
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D4", itemPath(data, "ENH-A01", "follow_up.deliverable_due"),
                                    "item ENH-A01", "a deliverable needs a due date"),
                          violation("D4", itemPath(data, "ENH-A01", "follow_up"), "item ENH-A01",
                                    "must say how it is followed up")));
}

TEST(RulesD4, AssessmentAtNamedFollowUpsIsEnough) {
  OrganisationData data = chainFixture();
  FollowUp& follow_up = itemOf(data, "KF-B01").follow_up;
  follow_up = FollowUp{};
  follow_up.assessed_at = {"Delårsrapport"};
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesD4, DraftMayLackAFollowUpMethod) {
  OrganisationData data = chainFixture();
  Item draft = draftItem("KD-U02", "KD", "SEK", "KS-U01");
  ASSERT_TRUE(draft.follow_up.indicators.empty() && draft.follow_up.deliverable.empty() &&
              draft.follow_up.assessed_at.empty());
  data.items.push_back(draft);
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(HasFollowUpMethod, EachMethodOnItsOwn) {
  const OrganisationData& data = chainFixture();
  ChainIndex index(data);
  Item item = draftItem("X", "SEK", "ENH", "");
  EXPECT_FALSE(hasFollowUpMethod(item, index));

  item.follow_up = FollowUp{};
  item.follow_up.assessed_at = {"Årsredovisning"};
  EXPECT_TRUE(hasFollowUpMethod(item, index));

  item.follow_up = FollowUp{};
  item.follow_up.deliverable = "Rapport";
  EXPECT_FALSE(hasFollowUpMethod(item, index));
  item.follow_up.deliverable_due = on(2025, 10, 1);
  EXPECT_TRUE(hasFollowUpMethod(item, index));

  item.follow_up = FollowUp{};
  item.follow_up.deliverable_due = on(2025, 10, 1);  // a date without a deliverable
  EXPECT_FALSE(hasFollowUpMethod(item, index));

  item.follow_up = FollowUp{};
  item.follow_up.indicators = {IndicatorLink{"IND1", 2025, std::nullopt}};
  EXPECT_TRUE(hasFollowUpMethod(item, index));
  item.follow_up.indicators = {IndicatorLink{"IND1", 2024, std::nullopt}};
  EXPECT_FALSE(hasFollowUpMethod(item, index));
  item.follow_up.indicators = {IndicatorLink{"IND2", 2025, std::nullopt}};  // no targets
  EXPECT_FALSE(hasFollowUpMethod(item, index));
  item.follow_up.indicators = {IndicatorLink{"IND2", 2025, 4.0}};
  EXPECT_TRUE(hasFollowUpMethod(item, index));
  item.follow_up.indicators = {IndicatorLink{"IND9", 2025, std::nullopt}};
  EXPECT_FALSE(hasFollowUpMethod(item, index));
}

// --- the lifecycle: D2 plan and the dates ----------------------------------------------------

TEST(RulesLifecycle, AcknowledgedWithoutPlan) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").plan = "";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D2", itemPath(data, "KD-U01", "plan"), "item KD-U01",
                                    "must carry the recipient's plan")));
}

TEST(RulesLifecycle, CompletedWithoutPlan) {
  OrganisationData data = chainFixture();
  Item& item = itemOf(data, "ENH-A01");
  item.status = ItemStatus::completed;
  item.closed_on = on(2025, 6, 30);
  item.plan = "";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("D2", itemPath(data, "ENH-A01", "plan"), "item ENH-A01",
                                    "must carry the recipient's plan")));
}

TEST(RulesLifecycle, AcknowledgedWithoutAcknowledgementDate) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").acknowledged_on.reset();
  EXPECT_THAT(
      validate(data),
      ElementsAre(violation("integrity", itemPath(data, "KD-U01", "acknowledged_on"), "item KD-U01",
                            "must have the date the recipient acknowledged it")));
}

TEST(RulesLifecycle, IssuedWithoutIssueDate) {
  OrganisationData data = chainFixture();
  Item& item = itemOf(data, "ENH-A01");
  item.status = ItemStatus::issued;
  item.issued_on.reset();
  item.acknowledged_on.reset();
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "ENH-A01", "issued_on"),
                                    "item ENH-A01", "an issued item must have its issue date")));
}

TEST(RulesLifecycle, CompletedWithoutClosingDate) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").status = ItemStatus::completed;
  EXPECT_THAT(validate(data), ElementsAre(violation(
                                  "integrity", itemPath(data, "ENH-A01", "closed_on"),
                                  "item ENH-A01", "a completed item must have its closing date")));
}

TEST(RulesLifecycle, CompletedWithClosingDateIsAccepted) {
  OrganisationData data = chainFixture();
  Item& item = itemOf(data, "ENH-A01");
  item.status = ItemStatus::completed;
  item.closed_on = on(2025, 6, 30);
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesLifecycle, CancelledWithoutClosingNote) {
  OrganisationData data = chainFixture();
  Item& item = itemOf(data, "ENH-A01");
  item.status = ItemStatus::cancelled;
  item.closed_on = on(2025, 3, 1);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "ENH-A01", "closing_note"),
                                    "item ENH-A01", "a cancelled item must say why")));
}

TEST(RulesLifecycle, CancelledWithoutClosingDate) {
  OrganisationData data = chainFixture();
  Item& item = itemOf(data, "ENH-A01");
  item.status = ItemStatus::cancelled;
  item.closing_note = "Behovet har upphört";
  EXPECT_THAT(validate(data), ElementsAre(violation(
                                  "integrity", itemPath(data, "ENH-A01", "closed_on"),
                                  "item ENH-A01", "a cancelled item must have its closing date")));
}

TEST(RulesLifecycle, AcknowledgedBeforeIssued) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").acknowledged_on = on(2024, 12, 9);  // issued 2024-12-10
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "KD-U01", "acknowledged_on"),
                                    "item KD-U01", "acknowledged before it was issued")));
}

TEST(RulesLifecycle, AcknowledgedOnTheIssueDateIsAccepted) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").acknowledged_on = on(2024, 12, 10);
  EXPECT_THAT(validate(data), IsEmpty());
}

TEST(RulesLifecycle, ClosedBeforeAcknowledged) {
  OrganisationData data = chainFixture();
  Item& item = itemOf(data, "ENH-A01");
  item.status = ItemStatus::completed;
  item.closed_on = on(2025, 2, 4);  // acknowledged 2025-02-05
  EXPECT_THAT(validate(data), ElementsAre(violation(
                                  "integrity", itemPath(data, "ENH-A01", "closed_on"),
                                  "item ENH-A01", "closed before it was issued or acknowledged")));
}

TEST(RulesLifecycle, DraftWithDates) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").status = ItemStatus::draft;  // keeps its issue and ack dates
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "ENH-A01", "status"),
                                    "item ENH-A01", "a draft has not been issued")));
}

TEST(RulesLifecycle, DraftWithOnlyAClosingDate) {
  OrganisationData data = chainFixture();
  Item draft = draftItem("KD-U02", "KD", "SEK", "KS-U01");
  draft.closed_on = on(2025, 1, 1);
  data.items.push_back(draft);
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "KD-U02", "status"), "item KD-U02",
                                    "cannot carry issue, acknowledgement")));
}

TEST(RulesLifecycle, ItemWithoutTitle) {
  OrganisationData data = chainFixture();
  itemOf(data, "KD-U01").title = "";
  EXPECT_THAT(validate(data), ElementsAre(violation("integrity", itemPath(data, "KD-U01", "title"),
                                                    "item KD-U01", "the item has no title")));
}

TEST(RulesLifecycle, ItemInADocumentThatDoesNotExist) {
  OrganisationData data = chainFixture();
  itemOf(data, "KS-U01").document = "VP24";
  EXPECT_THAT(validate(data),
              ElementsAre(violation("integrity", itemPath(data, "KS-U01", "document"),
                                    "item KS-U01", "the steering document VP24 does not exist")));
}

}  // namespace
}  // namespace styr::domain
