#pragma once
// The steering chain's records, as plain values. Records refer to each other by their
// `code`, which is unique within one organisation and never changes; the organisation's
// SCB code is the partition key of every stored row (see docs/ARCHITECTURE.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace styr::domain {

enum class OrganisationKind { municipality, region };

enum class UnitKind {
  council,
  drafting_committee,
  executive_board,
  committee,
  company,
  chief_executive_office,
  sector,
  unit,
  workplace,
};

enum class Role { chair, member, substitute, head, employee, controller, administrator };

enum class YearStatus { planning, active, closed };

enum class DocumentKind {
  vision,
  mandate_programme,
  budget,
  operational_plan,
  policy,
  charter,
  owner_directive,
  delegation_scheme,
  financial_management_guidelines,
};

enum class DocumentStatus { draft, decided, superseded };

enum class ItemKind { goal, direction, quality_requirement, assignment, activity };

enum class ItemStatus { draft, issued, acknowledged, completed, cancelled };

enum class Direction { higher_is_better, lower_is_better };

enum class Aggregation { sum, mean, weighted_mean, ratio_of_sums };

//! The level of the steering chain a follow-up occasion serves, or a level that supplies
//! input to it. A unit's level follows from its kind (see followUpLevelOf). Declared from the
//! top down: the committees stand beside the executive board (both supply the council), above
//! the chief executive (who supplies the board); lists of levels put the lowest first.
enum class FollowUpLevel { council, executive_board, committee, chief_executive, sector, unit };

//! What a follow-up occasion takes up: the board chooses, per meeting, which areas (D10).
enum class Topic { finances, operations, quality_goals, staff, internal_control };

//! monthly: the board's regular follow-up; tertial: four-monthly; interim_report: the
//! delårsrapport (L6); annual_report: the årsredovisning.
enum class OccasionKind { monthly, tertial, interim_report, annual_report };

enum class OccasionStatus { open, closed };

//! The scale of L13.
enum class Assessment { fulfilled, partly_fulfilled, not_fulfilled, cannot_be_assessed };

enum class Trend { better, unchanged, worse };

//! draft -> submitted -> returned | approved. Submitted content is never changed (D12); a
//! returned report-back is revised as a new version.
enum class ReportBackStatus { draft, submitted, returned, approved };

enum class ActionStatus { planned, in_progress, done, moved };

//! What a deviation (D11) is about.
enum class DeviationCategory {
  finances,
  operations,
  quality,
  work_environment,
  unforeseen_event,  //!< a significant unforeseen event
  other,
};

enum class DeviationState { open, closed };

//! How far up the chain a deviation must be known, from the reporting unit: its head (unit),
//! the sector head (sector), the chief executive and the executive board (executive_board),
//! the council (council). Each gravity maps to one (per organisation, configurable).
enum class EscalationReach { unit, sector, executive_board, council };

//! What happened to a deviation, one timeline entry each.
enum class DeviationEventKind {
  reported,
  notified,      //!< a level was told (at once, after a raise, or by the sweep)
  acknowledged,  //!< "I know"
  commented,
  assessed,
  raised,
  lowered,
  action_added,
  action_changed,
  reminded,   //!< the sweep reminded a level that had not acknowledged in time
  escalated,  //!< the sweep told the next level because a level stayed silent
  closed,
};

//! A municipality or region; `code` is its four-digit SCB code.
struct Organisation {
  std::string code;
  std::string name;
  OrganisationKind kind = OrganisationKind::municipality;
};

//! A political body or an administrative unit: both live in one tree, as in the seed.
struct Unit {
  std::string code;
  std::string name;
  UnitKind kind = UnitKind::unit;
  std::string parent;  //!< empty for the root (the council)
  Date valid_from;
  std::optional<Date> valid_to;
};

struct Person {
  std::string code;
  std::string given_name;
  std::string family_name;
  std::string email;
};

//! A person's place in a unit, which is what rights and responsibilities derive from.
struct Membership {
  std::string person;
  std::string unit;
  Role role = Role::employee;
  Date valid_from;
  std::optional<Date> valid_to;
};

//! A term of office: four calendar years starting with `first_year`.
struct Term {
  int first_year = 0;
  [[nodiscard]] int lastYear() const { return first_year + 3; }
};

struct FiscalYear {
  int year = 0;
  YearStatus status = YearStatus::planning;
};

//! The decision that made a steering document binding (L20: case number and paragraph).
struct Decision {
  Date date;
  std::string minute_paragraph;
  std::string case_number;
};

//! Money the budget allocates to a unit for one of its years (D6: only the budget has these).
struct Appropriation {
  std::string unit;
  int year = 0;
  std::int64_t amount_sek = 0;
};

//! One version of a steering document. A decided version is never edited: a revision is a
//! new version with the same code that supersedes it once decided.
struct SteeringDocument {
  std::string code;
  int version = 1;
  DocumentKind kind = DocumentKind::policy;
  std::string title;
  std::string summary;
  std::string deciding_body;  //!< unit code of the body that decides it
  DocumentStatus status = DocumentStatus::draft;
  std::optional<Decision> decision;
  Date valid_from;
  std::optional<Date> valid_to;
  std::optional<int> year;  //!< budget and operational plan: the (first) year they cover
  std::optional<int> term;  //!< mandate programme: first year of its term
  std::vector<Appropriation> appropriations;
};

//! An indicator named as an item's follow-up method; `target` may override the indicator's
//! own target for that year.
struct IndicatorLink {
  std::string indicator;
  int year = 0;
  std::optional<double> target;
};

//! How an item will be followed up (D4): at least one of the three must be present before
//! the item may be issued.
struct FollowUp {
  std::vector<IndicatorLink> indicators;
  std::string deliverable;
  std::optional<Date> deliverable_due;
  std::vector<std::string> assessed_at;  //!< named follow-ups, e.g. "Delårsrapport"
};

//! A goal, direction, quality requirement, assignment or activity. The WHAT belongs to the
//! issuer, the HOW (plan) to the recipient (D2).
struct Item {
  std::string code;
  ItemKind kind = ItemKind::assignment;
  std::string document;  //!< the steering document it is part of, if any
  std::string issuer;    //!< unit code
  std::string recipient_unit;
  std::string recipient_person;  //!< set instead of recipient_unit at the bottom of the chain
  std::string origin;            //!< code of the item it derives from (D3)
  std::string origin_document;   //!< council goals: the vision or mandate programme
  // WHAT, owned by the issuer
  std::string title;
  std::string description;
  std::optional<Date> due;
  FollowUp follow_up;
  // HOW, owned by the recipient
  std::string plan;
  ItemStatus status = ItemStatus::draft;
  std::optional<Date> issued_on;
  std::optional<Date> acknowledged_on;
  std::optional<Date> closed_on;  //!< completed or cancelled
  std::string closing_note;
  //! Optimistic concurrency token of the stored row; not part of the exchange format.
  std::int64_t revision = 1;
};

struct IndicatorTarget {
  int year = 0;
  std::string unit;  //!< empty: the whole organisation
  double value = 0;
};

struct Indicator {
  std::string code;
  std::string name;
  std::string description;
  std::string unit_of_measure;
  Direction direction = Direction::higher_is_better;
  Aggregation aggregation = Aggregation::sum;
  std::vector<IndicatorTarget> targets;
};

//! One reported value of an indicator for a unit and a period (identified by its end date).
//! Ratio-of-sums indicators carry numerator and denominator; weighted means carry weight.
struct IndicatorValue {
  std::string indicator;
  std::string unit;
  Date period_end;
  double value = 0;
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::optional<double> weight;
};

//! When one level must have delivered its input to an occasion.
struct LevelDeadline {
  FollowUpLevel level = FollowUpLevel::unit;
  Date deadline;
};

//! One occasion of the year's follow-up plan: a meeting of `body` (a unit code: the
//! council, the executive board, ...) that takes up the period from the start of `year` to
//! `period_end`, and the deadlines by which each supplying level must have reported.
struct FollowUpOccasion {
  std::string code;  //!< e.g. "2025-DELAR", "2025-KS-03"
  int year = 0;
  std::string name;  //!< e.g. "Delårsrapport januari-augusti"
  OccasionKind kind = OccasionKind::monthly;
  FollowUpLevel level = FollowUpLevel::executive_board;
  std::string body;  //!< unit code of the meeting body
  Date period_end;
  Date meeting;
  std::vector<Topic> topics;
  std::vector<LevelDeadline> deadlines;  //!< ordered from the lowest level up
  OccasionStatus status = OccasionStatus::open;
  std::int64_t revision = 1;  //!< optimistic concurrency; not part of the exchange format
};

//! A corrective action decided in a report-back (L13: any status but fulfilled needs one).
struct CorrectiveAction {
  std::string description;
  std::string owner;  //!< person code
  Date due;
  ActionStatus status = ActionStatus::planned;
};

//! A recipient's assessment of one item in scope of the occasion.
struct ItemAssessment {
  std::string item;
  std::optional<Assessment> assessment;  //!< empty only while the report-back is a draft
  std::optional<Trend> trend;
  std::string analysis;
  std::vector<CorrectiveAction> actions;
};

struct TopicText {
  Topic topic = Topic::operations;
  std::string text;
};

//! One version of a recipient's report-back to an occasion. The recipient is a unit or,
//! at the bottom of the chain, a person (as for items). Versions start at 1; a returned
//! version is followed by a new draft version, and every version stays readable.
struct ReportBack {
  std::string occasion;
  std::string recipient_unit;
  std::string recipient_person;
  int version = 1;
  ReportBackStatus status = ReportBackStatus::draft;
  std::vector<ItemAssessment> assessments;
  std::vector<TopicText> topics;
  //! The period's indicator values reported with it (period_end = the occasion's).
  std::vector<IndicatorValue> indicator_values;
  std::string written_by;  //!< person code of the last editor
  std::string updated_at;  //!< ISO timestamp of the last save
  std::string submitted_by;
  std::string submitted_at;
  std::string decided_by;  //!< who returned or approved it
  std::string decided_at;
  std::string return_reason;
  std::int64_t revision = 1;  //!< optimistic concurrency of the draft; not exchanged
};

//! Everything one organisation holds: the unit of export, import, validation and analysis.
struct OrganisationData {
  Organisation organisation;
  std::vector<Term> terms;
  std::vector<FiscalYear> years;
  std::vector<Unit> units;
  std::vector<Person> people;
  std::vector<Membership> memberships;
  std::vector<SteeringDocument> documents;
  std::vector<Indicator> indicators;
  std::vector<Item> items;
  std::vector<IndicatorValue> indicator_values;
  std::vector<FollowUpOccasion> occasions;  //!< ordered by code
  std::vector<ReportBack> report_backs;     //!< ordered by occasion, recipient, version

  //! Every record, the organisation itself included (what an import or a copy reports).
  [[nodiscard]] std::size_t recordCount() const {
    return 1 + terms.size() + years.size() + units.size() + people.size() + memberships.size() +
           documents.size() + indicators.size() + items.size() + indicator_values.size() +
           occasions.size() + report_backs.size();
  }
};

// Names as they appear in the exchange format, the database and the CLI (the glossary's).
std::string_view toString(OrganisationKind value);
std::string_view toString(UnitKind value);
std::string_view toString(Role value);
std::string_view toString(YearStatus value);
std::string_view toString(DocumentKind value);
std::string_view toString(DocumentStatus value);
std::string_view toString(ItemKind value);
std::string_view toString(ItemStatus value);
std::string_view toString(Direction value);
std::string_view toString(Aggregation value);
std::string_view toString(FollowUpLevel value);
std::string_view toString(Topic value);
std::string_view toString(OccasionKind value);
std::string_view toString(OccasionStatus value);
std::string_view toString(Assessment value);
std::string_view toString(Trend value);
std::string_view toString(ReportBackStatus value);
std::string_view toString(ActionStatus value);
std::string_view toString(DeviationCategory value);
std::string_view toString(DeviationState value);
std::string_view toString(EscalationReach value);
std::string_view toString(DeviationEventKind value);

//! Parses a glossary name; nullopt when `text` names no value of the enum.
template <typename Enum>
std::optional<Enum> parseEnum(std::string_view text);

//! Every value of an enum, in declaration order (for listing valid choices in errors).
template <typename Enum>
const std::vector<Enum>& allValues();

//! Whether a unit kind is a political body (its members are politicians, not staff).
bool isPoliticalBody(UnitKind kind);

//! The follow-up level a unit of this kind reports at; nullopt for kinds that take no part
//! in follow-up (the drafting committees, companies: they report through their owners).
std::optional<FollowUpLevel> followUpLevelOf(UnitKind kind);

//! Whether a record is valid on `day` given its validity interval (both ends inclusive).
bool isValidOn(const Date& from, const std::optional<Date>& to, const Date& day);

}  // namespace styr::domain
