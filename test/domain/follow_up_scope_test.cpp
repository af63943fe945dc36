// Who reports to a follow-up occasion and on which items, who approves, what stands in the
// way of submitting a report-back (L13), and whether it came in on time. Each test changes
// one thing in the chain fixture and asserts what a unit manager or controller would see.

#include "domain/follow_up_scope.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chain_fixture.hpp"
#include "domain/chain_index.hpp"
#include "follow_up_fixture.hpp"

namespace styr::domain {
namespace {

using fixture::acknowledgedItem;
using fixture::action;
using fixture::assessed;
using fixture::chainFixture;
using fixture::interimOccasion;
using fixture::itemOf;
using fixture::monthlyOccasion;
using fixture::on;
using fixture::reportBack;
using fixture::swedishDate;
using fixture::unitOf;
using fixture::violation;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Optional;

std::vector<std::string> codesOf(const std::vector<const Item*>& items) {
  std::vector<std::string> codes;
  for (const Item* item : items) codes.push_back(item->code);
  return codes;
}

std::vector<std::string> describeAll(const std::vector<Recipient>& recipients) {
  std::vector<std::string> texts;
  for (const Recipient& recipient : recipients) texts.push_back(describe(recipient));
  return texts;
}

std::vector<std::string> recipientsOf(const FollowUpOccasion& occasion,
                                      const OrganisationData& data = chainFixture()) {
  ChainIndex index(data);
  return describeAll(recipientsInScope(occasion, index));
}

std::vector<std::string> itemsOf(const FollowUpOccasion& occasion, const Recipient& recipient,
                                 const OrganisationData& data = chainFixture()) {
  ChainIndex index(data);
  return codesOf(itemsInScope(occasion, recipient, index));
}

//! An assignment issued in the year, addressed to `recipient_unit`, with no named follow-ups.
Item assignment(std::string code, std::string issuer, std::string recipient_unit) {
  Item item = acknowledgedItem(std::move(code), ItemKind::assignment, std::move(issuer),
                               std::move(recipient_unit), "", on(2025, 1, 10), on(2025, 1, 15));
  item.follow_up.assessed_at.clear();
  return item;
}

Item activityFor(std::string code, std::string person, std::vector<std::string> assessed_at) {
  Item item = acknowledgedItem(std::move(code), ItemKind::activity, "ENH", "", "SEK-U01",
                               on(2025, 2, 1), on(2025, 2, 5));
  item.recipient_person = std::move(person);
  item.follow_up.assessed_at = std::move(assessed_at);
  return item;
}

// ---------------------------------------------------------------------------------------------
// Which items are followed up at an occasion

TEST(ItemScope, IssuedAcknowledgedAndCompletedItemsAreFollowedUp) {
  Item item = assignment("U1", "SEK", "ENH");
  for (ItemStatus status : {ItemStatus::issued, ItemStatus::acknowledged, ItemStatus::completed}) {
    item.status = status;
    EXPECT_TRUE(isItemInScope(item, monthlyOccasion())) << toString(status);
  }
}

TEST(ItemScope, DraftsAndCancelledItemsAreNot) {
  Item item = assignment("U1", "SEK", "ENH");
  for (ItemStatus status : {ItemStatus::draft, ItemStatus::cancelled}) {
    item.status = status;
    EXPECT_FALSE(isItemInScope(item, monthlyOccasion())) << toString(status);
  }
}

TEST(ItemScope, AnItemIssuedAfterThePeriodsEndIsNot) {
  Item item = assignment("U1", "SEK", "ENH");
  item.issued_on = on(2025, 3, 31);
  EXPECT_TRUE(isItemInScope(item, monthlyOccasion()));
  item.issued_on = on(2025, 4, 1);
  EXPECT_FALSE(isItemInScope(item, monthlyOccasion()));
  item.issued_on.reset();
  EXPECT_FALSE(isItemInScope(item, monthlyOccasion()));
}

TEST(ItemScope, AnItemClosedBeforeTheYearBeganIsNot) {
  Item item = assignment("U1", "SEK", "ENH");
  item.issued_on = on(2024, 3, 1);
  item.status = ItemStatus::completed;
  item.closed_on = on(2024, 12, 31);
  EXPECT_FALSE(isItemInScope(item, monthlyOccasion()));
  // Completed during the year: what was done still has to be reported.
  item.closed_on = on(2025, 1, 1);
  EXPECT_TRUE(isItemInScope(item, monthlyOccasion()));
}

TEST(ItemScope, QualityGoalsTakeUpGoalsDirectionsAndQualityRequirements) {
  FollowUpOccasion occasion = monthlyOccasion();
  occasion.topics = {Topic::quality_goals};
  Item item = assignment("U1", "SEK", "ENH");
  for (ItemKind kind : allValues<ItemKind>()) {
    item.kind = kind;
    bool expected = kind == ItemKind::goal || kind == ItemKind::direction ||
                    kind == ItemKind::quality_requirement;
    EXPECT_EQ(isItemInScope(item, occasion), expected) << toString(kind);
  }
}

TEST(ItemScope, OperationsTakeUpAssignmentsAndActivities) {
  FollowUpOccasion occasion = monthlyOccasion();
  occasion.topics = {Topic::operations};
  Item item = assignment("U1", "SEK", "ENH");
  for (ItemKind kind : allValues<ItemKind>()) {
    item.kind = kind;
    bool expected = kind == ItemKind::assignment || kind == ItemKind::activity;
    EXPECT_EQ(isItemInScope(item, occasion), expected) << toString(kind);
  }
}

TEST(ItemScope, FinancesStaffAndInternalControlAreAnsweredAsTextsNotPerItem) {
  FollowUpOccasion occasion = monthlyOccasion();
  occasion.topics = {Topic::finances, Topic::staff, Topic::internal_control};
  Item item = assignment("U1", "SEK", "ENH");
  for (ItemKind kind : allValues<ItemKind>()) {
    item.kind = kind;
    EXPECT_FALSE(isItemInScope(item, occasion)) << toString(kind);
  }
}

TEST(ItemScope, AFollowUpNamingTheOccasionBringsAnItemOfAnyKindIn) {
  FollowUpOccasion occasion = monthlyOccasion();
  occasion.topics = {Topic::finances};
  Item item = assignment("U1", "SEK", "ENH");
  item.follow_up.assessed_at = {"Delårsrapport", "Månadsuppföljning mars"};
  EXPECT_TRUE(isItemInScope(item, occasion));
  // Named, but still only while it is live and issued within the period.
  item.status = ItemStatus::cancelled;
  EXPECT_FALSE(isItemInScope(item, occasion));
}

TEST(ItemScope, TheNameMustBeTheOccasionsNameExactly) {
  FollowUpOccasion occasion = monthlyOccasion();
  occasion.topics = {Topic::finances};
  Item item = assignment("U1", "SEK", "ENH");
  item.follow_up.assessed_at = {"Månadsuppföljning mars 2025", "månadsuppföljning mars"};
  EXPECT_FALSE(isItemInScope(item, occasion));
}

// ---------------------------------------------------------------------------------------------
// Who reports

TEST(RecipientScope, UnitsWhoseLevelSuppliesInputReportUnitsFirstByCode) {
  EXPECT_THAT(recipientsOf(monthlyOccasion()),
              ElementsAre("unit ARB", "unit ENH", "unit ENH2", "unit KD", "unit SEK", "unit SEK2"));
}

TEST(RecipientScope, ALevelThatSuppliesNoInputDoesNotReport) {
  ChainIndex index(chainFixture());
  // The board's own follow-up: the board is the meeting, not a supplier.
  EXPECT_FALSE(isRecipientInScope(monthlyOccasion(), unitRecipient("KS"), index));
  EXPECT_FALSE(isRecipientInScope(monthlyOccasion(), unitRecipient("KF"), index));
  // To the council, the board answers (D10).
  EXPECT_TRUE(isRecipientInScope(interimOccasion(), unitRecipient("KS"), index));
  EXPECT_THAT(recipientsOf(interimOccasion()),
              ElementsAre("unit ARB", "unit ENH", "unit ENH2", "unit KD", "unit KS", "unit SEK",
                          "unit SEK2"));
}

TEST(RecipientScope, OnlyTheLevelsWithADeadlineReport) {
  FollowUpOccasion occasion = monthlyOccasion();
  occasion.deadlines = {LevelDeadline{FollowUpLevel::sector, on(2025, 4, 9)}};
  EXPECT_THAT(recipientsOf(occasion), ElementsAre("unit SEK", "unit SEK2"));
}

TEST(RecipientScope, AUnitNotValidOnThePeriodsEndDoesNotReport) {
  OrganisationData data = chainFixture();
  unitOf(data, "ENH2").valid_to = on(2025, 3, 30);
  EXPECT_THAT(recipientsOf(monthlyOccasion(), data),
              ElementsAre("unit ARB", "unit ENH", "unit KD", "unit SEK", "unit SEK2"));
  unitOf(data, "ENH2").valid_to = on(2025, 3, 31);
  EXPECT_THAT(recipientsOf(monthlyOccasion(), data), testing::Contains("unit ENH2"));
  unitOf(data, "ENH2").valid_to.reset();
  unitOf(data, "ENH2").valid_from = on(2025, 4, 1);
  EXPECT_THAT(recipientsOf(monthlyOccasion(), data), testing::Not(testing::Contains("unit ENH2")));
}

TEST(RecipientScope, DraftingCommitteesAndCompaniesReportThroughTheirOwners) {
  OrganisationData data = chainFixture();
  data.units.push_back(fixture::makeUnit("BER", "Beredning", UnitKind::drafting_committee, "KF"));
  data.units.push_back(fixture::makeUnit("BOL", "Bolaget", UnitKind::company, "KF"));
  ChainIndex index(data);
  EXPECT_FALSE(isRecipientInScope(interimOccasion(), unitRecipient("BER"), index));
  EXPECT_FALSE(isRecipientInScope(interimOccasion(), unitRecipient("BOL"), index));
  EXPECT_EQ(levelOf(unitRecipient("BOL"), index), std::nullopt);
}

TEST(RecipientScope, APersonReportsOnlyWhenOneOfTheirItemsNamesTheOccasion) {
  OrganisationData data = chainFixture();
  // ENH-A01, an activity, is followed up at the monthly occasion by its kind, but nothing
  // asks its recipient to report there: it reaches the board through the unit's report.
  ChainIndex before(data);
  EXPECT_TRUE(isItemInScope(*before.item("ENH-A01"), monthlyOccasion()));
  EXPECT_FALSE(isRecipientInScope(monthlyOccasion(), personRecipient("P-EMP"), before));
  EXPECT_THAT(itemsOf(monthlyOccasion(), personRecipient("P-EMP"), data), IsEmpty());

  itemOf(data, "ENH-A01").follow_up.assessed_at = {"Månadsuppföljning mars"};
  data.items.push_back(activityFor("ENH-A00", "P-EMP", {}));
  EXPECT_THAT(recipientsOf(monthlyOccasion(), data),
              ElementsAre("unit ARB", "unit ENH", "unit ENH2", "unit KD", "unit SEK", "unit SEK2",
                          "person P-EMP"));
  // Once in scope, the person answers for all their items in scope, named or not.
  EXPECT_THAT(itemsOf(monthlyOccasion(), personRecipient("P-EMP"), data),
              ElementsAre("ENH-A00", "ENH-A01"));
}

TEST(RecipientScope, ANamedItemThatIsNotLiveDoesNotBringItsPersonIn) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").follow_up.assessed_at = {"Månadsuppföljning mars"};
  itemOf(data, "ENH-A01").status = ItemStatus::cancelled;
  EXPECT_THAT(recipientsOf(monthlyOccasion(), data),
              testing::Not(testing::Contains("person P-EMP")));
}

TEST(RecipientScope, PeopleDoNotReportWhenTheUnitLevelSuppliesNoInput) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").follow_up.assessed_at = {"Månadsuppföljning mars"};
  FollowUpOccasion occasion = monthlyOccasion();
  occasion.deadlines.erase(occasion.deadlines.begin());
  EXPECT_THAT(recipientsOf(occasion, data), ElementsAre("unit KD", "unit SEK", "unit SEK2"));
}

TEST(RecipientScope, ItemsInScopeAreTheRecipientsOwnOrderedByCode) {
  OrganisationData data = chainFixture();
  data.items.push_back(assignment("SEK-U03", "SEK", "ENH"));
  data.items.push_back(assignment("SEK-U02", "SEK", "ENH"));
  Item draft = assignment("SEK-U04", "SEK", "ENH");
  draft.status = ItemStatus::draft;
  data.items.push_back(draft);
  data.items.push_back(assignment("SEK2-U01", "SEK2", "ENH2"));
  EXPECT_THAT(itemsOf(monthlyOccasion(), unitRecipient("ENH"), data),
              ElementsAre("SEK-U01", "SEK-U02", "SEK-U03"));
  EXPECT_THAT(itemsOf(monthlyOccasion(), unitRecipient("ENH2"), data), ElementsAre("SEK2-U01"));
  EXPECT_THAT(itemsOf(monthlyOccasion(), unitRecipient("ARB"), data), IsEmpty());
}

TEST(RecipientScope, ARecipientNotInScopeHasNoItemsInScope) {
  OrganisationData data = chainFixture();
  data.items.push_back(assignment("KF-U01", "KF", "KS"));
  ChainIndex index(data);
  ASSERT_TRUE(isItemInScope(*index.item("KF-U01"), monthlyOccasion()));
  EXPECT_THAT(codesOf(itemsInScope(monthlyOccasion(), unitRecipient("KS"), index)), IsEmpty());
}

TEST(RecipientScope, TheCouncilsInterimReportTakesUpTheGoalsAndWhatNamesIt) {
  EXPECT_THAT(itemsOf(interimOccasion(), unitRecipient("KS")), ElementsAre("KF-B01", "KF-M01"));
  EXPECT_THAT(itemsOf(interimOccasion(), unitRecipient("SEK")), ElementsAre("KD-U01"));
  EXPECT_THAT(itemsOf(interimOccasion(), unitRecipient("KD")), IsEmpty());
  EXPECT_THAT(itemsOf(interimOccasion(), unitRecipient("ENH")), IsEmpty());
}

TEST(RecipientScope, TheOccasionsScopeInOnePassAgreesWithTheQuestionsOneByOne) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").follow_up.assessed_at = {"Månadsuppföljning mars"};
  data.items.push_back(assignment("SEK-U02", "SEK", "ENH"));
  ChainIndex index(data);
  FollowUpOccasion occasion = monthlyOccasion();
  OccasionScope scope(occasion, index);
  std::vector<Recipient> listed;
  for (const ScopedRecipient& scoped : scope.recipients()) {
    listed.push_back(scoped.recipient);
    EXPECT_EQ(codesOf(scoped.items), codesOf(itemsInScope(occasion, scoped.recipient, index)));
    EXPECT_EQ(scoped.deadline, deadlineFor(occasion, scoped.recipient, index));
    EXPECT_EQ(scoped.approving_unit, approvingUnit(scoped.recipient, index));
    EXPECT_EQ(scoped.level, levelOf(scoped.recipient, index));
    EXPECT_EQ(scope.find(scoped.recipient), listed.size() - 1);
  }
  EXPECT_EQ(listed, recipientsInScope(occasion, index));
  EXPECT_EQ(scope.find(unitRecipient("KS")), std::nullopt);
  EXPECT_EQ(scope.find(personRecipient("P-ENH")), std::nullopt);
}

// ---------------------------------------------------------------------------------------------
// Levels, deadlines and who approves

TEST(Level, AUnitReportsAtItsKindsLevelAndAPersonAtTheUnitLevel) {
  ChainIndex index(chainFixture());
  EXPECT_THAT(levelOf(unitRecipient("ENH"), index), Optional(FollowUpLevel::unit));
  EXPECT_THAT(levelOf(unitRecipient("ARB"), index), Optional(FollowUpLevel::unit));
  EXPECT_THAT(levelOf(unitRecipient("SEK"), index), Optional(FollowUpLevel::sector));
  EXPECT_THAT(levelOf(unitRecipient("KD"), index), Optional(FollowUpLevel::chief_executive));
  EXPECT_THAT(levelOf(unitRecipient("KS"), index), Optional(FollowUpLevel::executive_board));
  EXPECT_THAT(levelOf(personRecipient("P-EMP"), index), Optional(FollowUpLevel::unit));
  EXPECT_EQ(levelOf(unitRecipient("NOPE"), index), std::nullopt);
  EXPECT_EQ(levelOf(personRecipient("P-NOPE"), index), std::nullopt);
  EXPECT_EQ(levelOf(Recipient{"ENH", "P-EMP"}, index), std::nullopt);
}

TEST(Deadline, EachRecipientHasItsLevelsDeadline) {
  ChainIndex index(chainFixture());
  FollowUpOccasion occasion = monthlyOccasion();
  EXPECT_THAT(deadlineFor(occasion, unitRecipient("ENH"), index), Optional(on(2025, 4, 4)));
  EXPECT_THAT(deadlineFor(occasion, unitRecipient("SEK2"), index), Optional(on(2025, 4, 9)));
  EXPECT_THAT(deadlineFor(occasion, unitRecipient("KD"), index), Optional(on(2025, 4, 14)));
  EXPECT_THAT(deadlineFor(occasion, personRecipient("P-EMP"), index), Optional(on(2025, 4, 4)));
  EXPECT_EQ(deadlineFor(occasion, unitRecipient("KS"), index), std::nullopt);
}

TEST(Approval, TheLevelAboveApproves) {
  ChainIndex index(chainFixture());
  EXPECT_EQ(approvingUnit(unitRecipient("ENH"), index), "SEK");
  EXPECT_EQ(approvingUnit(unitRecipient("ARB"), index), "ENH");
  EXPECT_EQ(approvingUnit(unitRecipient("SEK"), index), "KD");
  // The chief executive's office reports to the board, which approves through its chair.
  EXPECT_EQ(approvingUnit(unitRecipient("KD"), index), "KS");
  EXPECT_EQ(approvingUnit(unitRecipient("KS"), index), "KF");
  EXPECT_EQ(approvingUnit(unitRecipient("KF"), index), "");
  EXPECT_EQ(approvingUnit(unitRecipient("NOPE"), index), "");
}

TEST(Approval, APersonsReportIsApprovedByTheUnitThatIssuedTheirItems) {
  OrganisationData data = chainFixture();
  {
    ChainIndex index(data);
    EXPECT_EQ(approvingUnit(personRecipient("P-EMP"), index), "ENH");
    EXPECT_EQ(approvingUnit(personRecipient("P-KD"), index), "");
    EXPECT_EQ(approvingUnit(personRecipient("P-NOPE"), index), "");
  }
  // Items from two units: the one the person works in, though its code sorts later.
  Item from_arb = activityFor("ARB-A01", "P-EMP", {});
  from_arb.issuer = "ARB";
  data.items.push_back(from_arb);
  {
    ChainIndex index(data);
    EXPECT_EQ(approvingUnit(personRecipient("P-EMP"), index), "ENH");
  }
  // A live item's issuer before that of a cancelled one.
  itemOf(data, "ENH-A01").status = ItemStatus::cancelled;
  ChainIndex index(data);
  EXPECT_EQ(approvingUnit(personRecipient("P-EMP"), index), "ARB");
}

// ---------------------------------------------------------------------------------------------
// What a report-back must hold

const std::string kSectorRecord = "report-back to 2025-KS-03 by unit SEK, version 1";

//! SEK's report-back to the monthly occasion, complete: KD-U01 partly fulfilled with an
//! analysis and an action, both topics written, a value for a unit below the sector.
ReportBack completeSectorReport() {
  ReportBack report = reportBack(monthlyOccasion(), unitRecipient("SEK"));
  report.assessments = {
      assessed("KD-U01", Assessment::partly_fulfilled, Trend::better, "Rekryteringen har dröjt.",
               {action("Rekrytera två förskollärare", "P-SEK", on(2025, 6, 30))})};
  report.topics = {TopicText{Topic::operations, "Verksamheten går enligt plan."},
                   TopicText{Topic::finances, "Prognosen visar ett nollresultat."}};
  report.indicator_values = {
      IndicatorValue{"IND1", "ENH", on(2025, 3, 31), 82.0, 82.0, 100.0, std::nullopt}};
  return report;
}

std::vector<Violation> onSubmit(const ReportBack& report,
                                const OrganisationData& data = chainFixture(),
                                const FollowUpOccasion& occasion = monthlyOccasion()) {
  ChainIndex index(data);
  return submissionProblems(report, occasion, index);
}

std::vector<Violation> inDraft(const ReportBack& report,
                               const OrganisationData& data = chainFixture(),
                               const FollowUpOccasion& occasion = monthlyOccasion()) {
  ChainIndex index(data);
  return draftProblems(report, occasion, index);
}

TEST(Submission, ACompleteReportBackCanBeSubmitted) {
  EXPECT_THAT(onSubmit(completeSectorReport()), IsEmpty());
  EXPECT_THAT(inDraft(completeSectorReport()), IsEmpty());
}

TEST(Submission, AFulfilledItemNeedsNoAnalysisAndNoAction) {
  ReportBack report = completeSectorReport();
  report.assessments = {assessed("KD-U01", Assessment::fulfilled, Trend::unchanged)};
  EXPECT_THAT(onSubmit(report), IsEmpty());
}

TEST(Submission, EveryItemInScopeMustBeAssessed) {
  OrganisationData data = chainFixture();
  Item second = assignment("KD-U02", "KD", "SEK");
  second.title = "Minska sjukfrånvaron";
  data.items.push_back(second);
  EXPECT_THAT(onSubmit(completeSectorReport(), data),
              ElementsAre(violation("L13", "assessments", kSectorRecord,
                                    "item KD-U02 \"Minska sjukfrånvaron\" is in scope of this "
                                    "occasion but has no assessment")));
}

TEST(Submission, AnAssessmentAndATrendAreRequired) {
  ReportBack report = completeSectorReport();
  report.assessments[0].assessment.reset();
  report.assessments[0].trend.reset();
  EXPECT_THAT(onSubmit(report),
              ElementsAre(violation("L13", "assessments[0].assessment", kSectorRecord,
                                    "is not assessed: choose fulfilled, partly fulfilled"),
                          violation("L13", "assessments[0].trend", kSectorRecord, "has no trend")));
}

TEST(Submission, AnythingButFulfilledNeedsAnAnalysis) {
  for (Assessment value : {Assessment::partly_fulfilled, Assessment::not_fulfilled}) {
    ReportBack report = completeSectorReport();
    report.assessments[0].assessment = value;
    report.assessments[0].analysis = "  \n ";
    EXPECT_THAT(onSubmit(report), ElementsAre(violation("L13", "assessments[0].analysis",
                                                        kSectorRecord, "write an analysis of why")))
        << toString(value);
  }
}

TEST(Submission, AnItemThatCannotBeAssessedNeedsTheReasonWhy) {
  ReportBack report = completeSectorReport();
  report.assessments[0] = assessed("KD-U01", Assessment::cannot_be_assessed, Trend::unchanged);
  EXPECT_THAT(onSubmit(report),
              ElementsAre(violation("L13", "assessments[0].analysis", kSectorRecord,
                                    "cannot be assessed: "
                                    "write why")));
  // No corrective action is asked for: there is nothing known to correct yet.
  report.assessments[0].analysis = "Enkäten besvaras först i maj.";
  EXPECT_THAT(onSubmit(report), IsEmpty());
}

TEST(Submission, PartlyAndNotFulfilledNeedACorrectiveAction) {
  for (Assessment value : {Assessment::partly_fulfilled, Assessment::not_fulfilled}) {
    ReportBack report = completeSectorReport();
    report.assessments[0].assessment = value;
    report.assessments[0].actions.clear();
    EXPECT_THAT(onSubmit(report),
                ElementsAre(violation("L13", "assessments[0].actions", kSectorRecord,
                                      "add at least one corrective action")))
        << toString(value);
  }
}

TEST(Submission, AnActionNeedsADescriptionAnOwnerAndADueDate) {
  ReportBack report = completeSectorReport();
  report.assessments[0].actions.push_back(action(" ", "", Date{}));
  EXPECT_THAT(
      onSubmit(report),
      ElementsAre(
          violation("L13", "assessments[0].actions[1].description", kSectorRecord,
                    "corrective action 2 on item KD-U01 \"Uppdrag KD-U01\" has no description"),
          violation("L13", "assessments[0].actions[1].owner", kSectorRecord, "has no owner"),
          violation("L13", "assessments[0].actions[1].due", kSectorRecord, "has no due date")));
}

TEST(Submission, AnActionsOwnerMustBeAPersonOfTheOrganisation) {
  ReportBack report = completeSectorReport();
  report.assessments[0].actions[0].owner = "P-NOPE";
  auto expected = violation("integrity", "assessments[0].actions[0].owner", kSectorRecord,
                            "names owner P-NOPE, who is not a person of the organisation");
  EXPECT_THAT(onSubmit(report), ElementsAre(expected));
  EXPECT_THAT(inDraft(report), ElementsAre(expected));
}

TEST(Submission, EveryTopicOfTheOccasionNeedsAText) {
  ReportBack report = completeSectorReport();
  report.topics.pop_back();
  EXPECT_THAT(onSubmit(report), ElementsAre(violation("L13", "topics", kSectorRecord,
                                                      "takes up finances: write a text on it")));
  report = completeSectorReport();
  report.topics[0].text = "";
  EXPECT_THAT(onSubmit(report), ElementsAre(violation("L13", "topics[0].text", kSectorRecord,
                                                      "the text on operations is empty")));
}

TEST(Submission, AnItemAddressedToAnotherRecipientIsRefused) {
  ReportBack report = completeSectorReport();
  report.assessments.push_back(assessed("SEK-U01", Assessment::fulfilled));
  auto expected = violation("integrity", "assessments[1].item", kSectorRecord,
                            "is addressed to unit ENH, not to unit SEK");
  EXPECT_THAT(onSubmit(report), ElementsAre(expected));
  EXPECT_THAT(inDraft(report), ElementsAre(expected));
}

TEST(Submission, AnItemOfTheRecipientNotInScopeIsRefusedWithTheReason) {
  OrganisationData data = chainFixture();
  Item goal =
      acknowledgedItem("KD-M01", ItemKind::goal, "KD", "SEK", "", on(2025, 1, 10), on(2025, 1, 15));
  goal.follow_up.assessed_at = {"Delårsrapport"};
  data.items.push_back(goal);
  Item late = assignment("KD-U09", "KD", "SEK");
  late.issued_on = on(2025, 4, 2);
  data.items.push_back(late);
  ReportBack report = completeSectorReport();
  report.assessments.push_back(assessed("KD-M01", Assessment::fulfilled));
  report.assessments.push_back(assessed("KD-U09", Assessment::fulfilled));
  report.assessments.push_back(assessed("NO-SUCH", Assessment::fulfilled));
  EXPECT_THAT(
      inDraft(report, data),
      ElementsAre(violation("integrity", "assessments[1].item", kSectorRecord,
                            "is not followed up at occasion 2025-KS-03: the occasion takes up "
                            "operations and finances, which asks for no assessment of a goal"),
                  violation("integrity", "assessments[2].item", kSectorRecord,
                            "was issued on 2025-04-02, after the period's end 2025-03-31"),
                  violation("integrity", "assessments[3].item", kSectorRecord,
                            "there is no item NO-SUCH in the organisation")));
}

TEST(Submission, IndicatorValuesMustBeKnownAndOfTheRecipientsPart) {
  ReportBack report = completeSectorReport();
  IndicatorValue value = report.indicator_values[0];
  value.indicator = "IND-NOPE";
  report.indicator_values.push_back(value);
  value = report.indicator_values[0];
  value.unit = "NOPE";
  report.indicator_values.push_back(value);
  value.unit = "ENH2";  // below the other sector
  report.indicator_values.push_back(value);
  value.unit = "SEK";
  value.indicator = "IND2";
  report.indicator_values.push_back(value);  // the sector itself: fine
  EXPECT_THAT(onSubmit(report),
              ElementsAre(violation("integrity", "indicator_values[1].indicator", kSectorRecord,
                                    "there is no indicator IND-NOPE in the organisation"),
                          violation("integrity", "indicator_values[2].unit", kSectorRecord,
                                    "there is no unit NOPE in the organisation"),
                          violation("integrity", "indicator_values[3].unit", kSectorRecord,
                                    "unit ENH2 is outside what unit SEK reports for")));
}

TEST(Submission, ARecipientThatDoesNotReportToTheOccasionIsRefused) {
  ReportBack report = completeSectorReport();
  report.recipient_unit = "KS";
  report.assessments.clear();
  report.indicator_values.clear();
  EXPECT_THAT(onSubmit(report),
              ElementsAre(violation("integrity", "recipient_unit",
                                    "report-back to 2025-KS-03 by unit KS, version 1",
                                    "unit KS reports at the executive board level, which "
                                    "supplies no input to occasion 2025-KS-03")));
  report.recipient_unit.clear();
  report.recipient_person = "P-EMP";
  EXPECT_THAT(onSubmit(report),
              ElementsAre(violation("integrity", "recipient_person",
                                    "report-back to 2025-KS-03 by person P-EMP, version 1",
                                    "none of the items in scope addressed to them does")));
}

TEST(Submission, APersonsReportBackCoversTheirItems) {
  OrganisationData data = chainFixture();
  itemOf(data, "ENH-A01").follow_up.assessed_at = {"Månadsuppföljning mars"};
  ReportBack report = reportBack(monthlyOccasion(), personRecipient("P-EMP"));
  report.assessments = {assessed("ENH-A01", Assessment::fulfilled, Trend::better)};
  report.topics = {TopicText{Topic::operations, "Enkäten är utskickad."},
                   TopicText{Topic::finances, "Inga kostnader."}};
  report.indicator_values = {
      IndicatorValue{"IND1", "ARB", on(2025, 3, 31), 90.0, 9.0, 10.0, std::nullopt}};
  EXPECT_THAT(onSubmit(report, data), IsEmpty());
  // The person's part is the unit that issued their items.
  report.indicator_values[0].unit = "SEK";
  EXPECT_THAT(onSubmit(report, data),
              ElementsAre(violation("integrity", "indicator_values[0].unit",
                                    "report-back to 2025-KS-03 by person P-EMP, version 1",
                                    "outside what person P-EMP reports for: unit ENH")));
}

TEST(Draft, ADraftMayBeIncomplete) {
  ReportBack report = reportBack(monthlyOccasion(), unitRecipient("SEK"));
  EXPECT_THAT(inDraft(report), IsEmpty());
  report.assessments = {ItemAssessment{"KD-U01", std::nullopt, std::nullopt, "", {}}};
  report.assessments[0].actions = {action("", "", Date{})};
  report.topics = {TopicText{Topic::finances, ""}};
  EXPECT_THAT(inDraft(report), IsEmpty());
  EXPECT_EQ(onSubmit(report).size(), 7u);  // assessment, trend, 3 on the action, 2 topic texts
}

TEST(Draft, AnItemAssessedTwiceIsRefused) {
  ReportBack report = completeSectorReport();
  report.assessments.push_back(assessed("KD-U01", Assessment::fulfilled, Trend::better));
  EXPECT_THAT(inDraft(report),
              ElementsAre(violation("integrity", "assessments[1].item", kSectorRecord,
                                    "is assessed twice: also in assessments[0]")));
}

TEST(Draft, ATopicTheOccasionDoesNotTakeUpOrWrittenTwiceIsRefused) {
  ReportBack report = completeSectorReport();
  report.topics.push_back(TopicText{Topic::staff, "Sjukfrånvaron är låg."});
  report.topics.push_back(TopicText{Topic::finances, "Igen."});
  EXPECT_THAT(inDraft(report),
              ElementsAre(violation("integrity", "topics[2].topic", kSectorRecord,
                                    "does not take up staff: it takes up operations and "
                                    "finances"),
                          violation("integrity", "topics[3].topic", kSectorRecord,
                                    "there is already a text on finances, in topics[1]")));
}

TEST(Draft, ValuesForAnotherPeriodOrTwiceForOneUnitAreRefused) {
  ReportBack report = completeSectorReport();
  IndicatorValue february = report.indicator_values[0];
  february.period_end = on(2025, 2, 28);
  february.indicator = "IND2";
  report.indicator_values.push_back(february);
  report.indicator_values.push_back(report.indicator_values[0]);
  EXPECT_THAT(inDraft(report),
              ElementsAre(violation("integrity", "indicator_values[1].period_end", kSectorRecord,
                                    "the value is for the period ending 2025-02-28, but "
                                    "occasion 2025-KS-03 covers the period ending 2025-03-31"),
                          violation("integrity", "indicator_values[2]", kSectorRecord,
                                    "indicator IND1 is reported twice for unit ENH")));
}

TEST(Draft, AReportBackForAnotherOccasionOrWithoutARecipientIsRefused) {
  ReportBack report = completeSectorReport();
  report.occasion = "2025-KS-02";
  EXPECT_THAT(inDraft(report),
              ElementsAre(violation("integrity", "occasion",
                                    "report-back to 2025-KS-02 by unit SEK, version 1",
                                    "written for occasion 2025-KS-02, not for 2025-KS-03")));
  report = completeSectorReport();
  report.recipient_person = "P-SEK";
  EXPECT_THAT(inDraft(report),
              ElementsAre(violation("integrity", "recipient_person",
                                    "report-back to 2025-KS-03 by unit SEK and person P-SEK, "
                                    "version 1",
                                    "exactly one recipient")));
}

// ---------------------------------------------------------------------------------------------
// On time or late

ReportBackProgress progress(const std::vector<ReportBack>& versions, const Date& today,
                            const Recipient& recipient = unitRecipient("ENH")) {
  ChainIndex index(chainFixture());
  return progressOf(versions, monthlyOccasion(), recipient, index, today, swedishDate);
}

ReportBack submittedAt(std::string at, int version = 1,
                       ReportBackStatus status = ReportBackStatus::submitted) {
  return reportBack(monthlyOccasion(), unitRecipient("ENH"), version, status, std::move(at));
}

TEST(Lateness, NothingWrittenIsLateOnlyAfterTheDeadlineDay) {
  // ENH's deadline is 2025-04-04.
  auto on_deadline = progress({}, on(2025, 4, 4));
  EXPECT_EQ(on_deadline.state, ReportBackState::missing);
  EXPECT_FALSE(on_deadline.late);
  EXPECT_EQ(on_deadline.newest_version, 0);
  EXPECT_THAT(on_deadline.deadline, Optional(on(2025, 4, 4)));
  auto day_after = progress({}, on(2025, 4, 5));
  EXPECT_EQ(day_after.state, ReportBackState::missing);
  EXPECT_TRUE(day_after.late);
}

TEST(Lateness, ADraftIsNotSubmitted) {
  std::vector<ReportBack> versions = {reportBack(monthlyOccasion(), unitRecipient("ENH"))};
  EXPECT_FALSE(progress(versions, on(2025, 4, 4)).late);
  auto after = progress(versions, on(2025, 4, 7));
  EXPECT_EQ(after.state, ReportBackState::draft);
  EXPECT_TRUE(after.late);
  EXPECT_EQ(after.newest_version, 1);
}

// 2025-04-04 is in summer time (UTC+2): 23:30 in Sweden is 21:30 UTC, and 00:30 the next
// day is 22:30 UTC, still the deadline day in UTC.
TEST(Lateness, SubmittedAtHalfPastElevenSwedishTimeOnTheDeadlineDayIsOnTime) {
  auto result = progress({submittedAt("2025-04-04T21:30:00.000000Z")}, on(2025, 4, 20));
  EXPECT_EQ(result.state, ReportBackState::submitted);
  EXPECT_THAT(result.submitted_on, Optional(on(2025, 4, 4)));
  EXPECT_FALSE(result.late);
}

TEST(Lateness, SubmittedAtHalfPastMidnightSwedishTimeAfterTheDeadlineDayIsLate) {
  auto result = progress({submittedAt("2025-04-04T22:30:00.000000Z")}, on(2025, 4, 20));
  EXPECT_THAT(result.submitted_on, Optional(on(2025, 4, 5)));
  EXPECT_TRUE(result.late);
}

// In winter time (UTC+1) the boundary lies an hour later in UTC.
TEST(Lateness, TheBoundaryInWinterTime) {
  FollowUpOccasion occasion = monthlyOccasion();
  occasion.deadlines[0].deadline = on(2025, 3, 7);
  ChainIndex index(chainFixture());
  auto at = [&](std::string timestamp) {
    std::vector<ReportBack> versions = {submittedAt(std::move(timestamp))};
    return progressOf(versions, occasion, unitRecipient("ENH"), index, on(2025, 4, 20),
                      swedishDate);
  };
  EXPECT_FALSE(at("2025-03-07T22:30:00Z").late);
  EXPECT_TRUE(at("2025-03-07T23:30:00Z").late);
}

TEST(Lateness, ALateReportBackStaysLateWhenApproved) {
  auto result = progress(
      {submittedAt("2025-04-08T08:00:00.000000Z", 1, ReportBackStatus::approved)}, on(2025, 4, 20));
  EXPECT_EQ(result.state, ReportBackState::approved);
  EXPECT_TRUE(result.late);
}

TEST(Lateness, AReturnedReportBackBeingRevisedIsReturnedAndLatenessFollowsTheFirstSubmission) {
  std::vector<ReportBack> versions = {
      reportBack(monthlyOccasion(), unitRecipient("ENH"), 2),
      submittedAt("2025-04-03T10:00:00.000000Z", 1, ReportBackStatus::returned)};
  auto revising = progress(versions, on(2025, 4, 20));
  EXPECT_EQ(revising.state, ReportBackState::returned);
  EXPECT_EQ(revising.newest_version, 2);
  EXPECT_FALSE(revising.late);
  // Submitted again after the deadline: the recipient delivered in time the first time.
  versions[0] = submittedAt("2025-04-10T10:00:00.000000Z", 2, ReportBackStatus::approved);
  auto approved = progress(versions, on(2025, 4, 20));
  EXPECT_EQ(approved.state, ReportBackState::approved);
  EXPECT_THAT(approved.submitted_on, Optional(on(2025, 4, 3)));
  EXPECT_FALSE(approved.late);
}

TEST(Lateness, NoDeadlineMeansNeverLate) {
  auto result = progress({}, on(2025, 12, 31), unitRecipient("KS"));
  EXPECT_EQ(result.deadline, std::nullopt);
  EXPECT_FALSE(result.late);
}

TEST(Lateness, ASubmissionWhoseTimeCannotBeReadIsNotCalledLate) {
  auto result = progress({submittedAt("last Tuesday")}, on(2025, 4, 20));
  EXPECT_EQ(result.state, ReportBackState::submitted);
  EXPECT_EQ(result.submitted_on, std::nullopt);
  EXPECT_FALSE(result.late);
}

TEST(Timestamp, ReadsTheStoresFormatAndOffsets) {
  using std::chrono::sys_days;
  auto noon = sys_days{on(2025, 3, 31)} + std::chrono::hours{12};
  EXPECT_THAT(parseTimestamp("2025-03-31T12:00:00.000000Z"), Optional(noon));
  EXPECT_THAT(parseTimestamp("2025-03-31T12:00:00Z"), Optional(noon));
  EXPECT_THAT(parseTimestamp("2025-03-31 12:00:00"), Optional(noon));
  EXPECT_THAT(parseTimestamp("2025-03-31T14:00:00+02:00"), Optional(noon));
  EXPECT_THAT(parseTimestamp("2025-03-31T14:00:00.5+0200"), Optional(noon));
  EXPECT_THAT(parseTimestamp("2025-03-31T11:00:00-01"), Optional(noon));
  EXPECT_EQ(parseTimestamp(""), std::nullopt);
  EXPECT_EQ(parseTimestamp("2025-03-31"), std::nullopt);
  EXPECT_EQ(parseTimestamp("2025-02-30T12:00:00Z"), std::nullopt);
  EXPECT_EQ(parseTimestamp("2025-03-31T24:00:00Z"), std::nullopt);
  EXPECT_EQ(parseTimestamp("2025-03-31T12:00:00.Z"), std::nullopt);
  EXPECT_EQ(parseTimestamp("2025-03-31T12:00:00 CET"), std::nullopt);
}

TEST(ReportBackStateNames, AreTheGlossarys) {
  EXPECT_EQ(toString(ReportBackState::missing), "missing");
  EXPECT_EQ(toString(ReportBackState::returned), "returned");
  EXPECT_EQ(toString(ReportBackState::approved), "approved");
}

}  // namespace
}  // namespace styr::domain
