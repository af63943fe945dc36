#include "domain/model.hpp"

#include <array>
#include <utility>

namespace styr::domain {

namespace {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<OrganisationKind, 2> kOrganisationKinds{{
    {OrganisationKind::municipality, "municipality"},
    {OrganisationKind::region, "region"},
}};

constexpr NameTable<UnitKind, 9> kUnitKinds{{
    {UnitKind::council, "council"},
    {UnitKind::drafting_committee, "drafting_committee"},
    {UnitKind::executive_board, "executive_board"},
    {UnitKind::committee, "committee"},
    {UnitKind::company, "company"},
    {UnitKind::chief_executive_office, "chief_executive_office"},
    {UnitKind::sector, "sector"},
    {UnitKind::unit, "unit"},
    {UnitKind::workplace, "workplace"},
}};

constexpr NameTable<Role, 7> kRoles{{
    {Role::chair, "chair"},
    {Role::member, "member"},
    {Role::substitute, "substitute"},
    {Role::head, "head"},
    {Role::employee, "employee"},
    {Role::controller, "controller"},
    {Role::administrator, "administrator"},
}};

constexpr NameTable<YearStatus, 3> kYearStatuses{{
    {YearStatus::planning, "planning"},
    {YearStatus::active, "active"},
    {YearStatus::closed, "closed"},
}};

constexpr NameTable<DocumentKind, 9> kDocumentKinds{{
    {DocumentKind::vision, "vision"},
    {DocumentKind::mandate_programme, "mandate_programme"},
    {DocumentKind::budget, "budget"},
    {DocumentKind::operational_plan, "operational_plan"},
    {DocumentKind::policy, "policy"},
    {DocumentKind::charter, "charter"},
    {DocumentKind::owner_directive, "owner_directive"},
    {DocumentKind::delegation_scheme, "delegation_scheme"},
    {DocumentKind::financial_management_guidelines, "financial_management_guidelines"},
}};

constexpr NameTable<DocumentStatus, 3> kDocumentStatuses{{
    {DocumentStatus::draft, "draft"},
    {DocumentStatus::decided, "decided"},
    {DocumentStatus::superseded, "superseded"},
}};

constexpr NameTable<ItemKind, 5> kItemKinds{{
    {ItemKind::goal, "goal"},
    {ItemKind::direction, "direction"},
    {ItemKind::quality_requirement, "quality_requirement"},
    {ItemKind::assignment, "assignment"},
    {ItemKind::activity, "activity"},
}};

constexpr NameTable<ItemStatus, 5> kItemStatuses{{
    {ItemStatus::draft, "draft"},
    {ItemStatus::issued, "issued"},
    {ItemStatus::acknowledged, "acknowledged"},
    {ItemStatus::completed, "completed"},
    {ItemStatus::cancelled, "cancelled"},
}};

constexpr NameTable<Direction, 2> kDirections{{
    {Direction::higher_is_better, "higher_is_better"},
    {Direction::lower_is_better, "lower_is_better"},
}};

constexpr NameTable<Aggregation, 4> kAggregations{{
    {Aggregation::sum, "sum"},
    {Aggregation::mean, "mean"},
    {Aggregation::weighted_mean, "weighted_mean"},
    {Aggregation::ratio_of_sums, "ratio_of_sums"},
}};

constexpr NameTable<FollowUpLevel, 6> kFollowUpLevels{{
    {FollowUpLevel::council, "council"},
    {FollowUpLevel::executive_board, "executive_board"},
    {FollowUpLevel::committee, "committee"},
    {FollowUpLevel::chief_executive, "chief_executive"},
    {FollowUpLevel::sector, "sector"},
    {FollowUpLevel::unit, "unit"},
}};

constexpr NameTable<Topic, 5> kTopics{{
    {Topic::finances, "finances"},
    {Topic::operations, "operations"},
    {Topic::quality_goals, "quality_goals"},
    {Topic::staff, "staff"},
    {Topic::internal_control, "internal_control"},
}};

constexpr NameTable<OccasionKind, 4> kOccasionKinds{{
    {OccasionKind::monthly, "monthly"},
    {OccasionKind::tertial, "tertial"},
    {OccasionKind::interim_report, "interim_report"},
    {OccasionKind::annual_report, "annual_report"},
}};

constexpr NameTable<OccasionStatus, 2> kOccasionStatuses{{
    {OccasionStatus::open, "open"},
    {OccasionStatus::closed, "closed"},
}};

constexpr NameTable<Assessment, 4> kAssessments{{
    {Assessment::fulfilled, "fulfilled"},
    {Assessment::partly_fulfilled, "partly_fulfilled"},
    {Assessment::not_fulfilled, "not_fulfilled"},
    {Assessment::cannot_be_assessed, "cannot_be_assessed"},
}};

constexpr NameTable<Trend, 3> kTrends{{
    {Trend::better, "better"},
    {Trend::unchanged, "unchanged"},
    {Trend::worse, "worse"},
}};

constexpr NameTable<ReportBackStatus, 4> kReportBackStatuses{{
    {ReportBackStatus::draft, "draft"},
    {ReportBackStatus::submitted, "submitted"},
    {ReportBackStatus::returned, "returned"},
    {ReportBackStatus::approved, "approved"},
}};

constexpr NameTable<ActionStatus, 4> kActionStatuses{{
    {ActionStatus::planned, "planned"},
    {ActionStatus::in_progress, "in_progress"},
    {ActionStatus::done, "done"},
    {ActionStatus::moved, "moved"},
}};

constexpr NameTable<DeviationCategory, 6> kDeviationCategories{{
    {DeviationCategory::finances, "finances"},
    {DeviationCategory::operations, "operations"},
    {DeviationCategory::quality, "quality"},
    {DeviationCategory::work_environment, "work_environment"},
    {DeviationCategory::unforeseen_event, "unforeseen_event"},
    {DeviationCategory::other, "other"},
}};

constexpr NameTable<DeviationState, 2> kDeviationStates{{
    {DeviationState::open, "open"},
    {DeviationState::closed, "closed"},
}};

constexpr NameTable<EscalationReach, 4> kEscalationReaches{{
    {EscalationReach::unit, "unit"},
    {EscalationReach::sector, "sector"},
    {EscalationReach::executive_board, "executive_board"},
    {EscalationReach::council, "council"},
}};

constexpr NameTable<DeviationEventKind, 12> kDeviationEventKinds{{
    {DeviationEventKind::reported, "reported"},
    {DeviationEventKind::notified, "notified"},
    {DeviationEventKind::acknowledged, "acknowledged"},
    {DeviationEventKind::commented, "commented"},
    {DeviationEventKind::assessed, "assessed"},
    {DeviationEventKind::raised, "raised"},
    {DeviationEventKind::lowered, "lowered"},
    {DeviationEventKind::action_added, "action_added"},
    {DeviationEventKind::action_changed, "action_changed"},
    {DeviationEventKind::reminded, "reminded"},
    {DeviationEventKind::escalated, "escalated"},
    {DeviationEventKind::closed, "closed"},
}};

template <typename Enum>
constexpr const auto& tableFor() {
  if constexpr (std::is_same_v<Enum, OrganisationKind>) return kOrganisationKinds;
  if constexpr (std::is_same_v<Enum, UnitKind>) return kUnitKinds;
  if constexpr (std::is_same_v<Enum, Role>) return kRoles;
  if constexpr (std::is_same_v<Enum, YearStatus>) return kYearStatuses;
  if constexpr (std::is_same_v<Enum, DocumentKind>) return kDocumentKinds;
  if constexpr (std::is_same_v<Enum, DocumentStatus>) return kDocumentStatuses;
  if constexpr (std::is_same_v<Enum, ItemKind>) return kItemKinds;
  if constexpr (std::is_same_v<Enum, ItemStatus>) return kItemStatuses;
  if constexpr (std::is_same_v<Enum, Direction>) return kDirections;
  if constexpr (std::is_same_v<Enum, Aggregation>) return kAggregations;
  if constexpr (std::is_same_v<Enum, FollowUpLevel>) return kFollowUpLevels;
  if constexpr (std::is_same_v<Enum, Topic>) return kTopics;
  if constexpr (std::is_same_v<Enum, OccasionKind>) return kOccasionKinds;
  if constexpr (std::is_same_v<Enum, OccasionStatus>) return kOccasionStatuses;
  if constexpr (std::is_same_v<Enum, Assessment>) return kAssessments;
  if constexpr (std::is_same_v<Enum, Trend>) return kTrends;
  if constexpr (std::is_same_v<Enum, ReportBackStatus>) return kReportBackStatuses;
  if constexpr (std::is_same_v<Enum, ActionStatus>) return kActionStatuses;
  if constexpr (std::is_same_v<Enum, DeviationCategory>) return kDeviationCategories;
  if constexpr (std::is_same_v<Enum, DeviationState>) return kDeviationStates;
  if constexpr (std::is_same_v<Enum, EscalationReach>) return kEscalationReaches;
  if constexpr (std::is_same_v<Enum, DeviationEventKind>) return kDeviationEventKinds;
}

template <typename Enum>
std::string_view nameOf(Enum value) {
  for (const auto& [candidate, name] : tableFor<Enum>()) {
    if (candidate == value) return name;
  }
  // Every enumerator is in its table; an unlisted value means memory corruption.
  return "invalid";
}

}  // namespace

template <typename Enum>
std::optional<Enum> parseEnum(std::string_view text) {
  for (const auto& [value, name] : tableFor<Enum>()) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename Enum>
const std::vector<Enum>& allValues() {
  static const std::vector<Enum> values = [] {
    std::vector<Enum> result;
    for (const auto& entry : tableFor<Enum>()) result.push_back(entry.first);
    return result;
  }();
  return values;
}

#define STYR_ENUM_FUNCTIONS(Enum)                                      \
  std::string_view toString(Enum value) {                              \
    return nameOf(value);                                              \
  }                                                                    \
  template std::optional<Enum> parseEnum<Enum>(std::string_view text); \
  template const std::vector<Enum>& allValues<Enum>();

STYR_ENUM_FUNCTIONS(OrganisationKind)
STYR_ENUM_FUNCTIONS(UnitKind)
STYR_ENUM_FUNCTIONS(Role)
STYR_ENUM_FUNCTIONS(YearStatus)
STYR_ENUM_FUNCTIONS(DocumentKind)
STYR_ENUM_FUNCTIONS(DocumentStatus)
STYR_ENUM_FUNCTIONS(ItemKind)
STYR_ENUM_FUNCTIONS(ItemStatus)
STYR_ENUM_FUNCTIONS(Direction)
STYR_ENUM_FUNCTIONS(Aggregation)
STYR_ENUM_FUNCTIONS(FollowUpLevel)
STYR_ENUM_FUNCTIONS(Topic)
STYR_ENUM_FUNCTIONS(OccasionKind)
STYR_ENUM_FUNCTIONS(OccasionStatus)
STYR_ENUM_FUNCTIONS(Assessment)
STYR_ENUM_FUNCTIONS(Trend)
STYR_ENUM_FUNCTIONS(ReportBackStatus)
STYR_ENUM_FUNCTIONS(ActionStatus)
STYR_ENUM_FUNCTIONS(DeviationCategory)
STYR_ENUM_FUNCTIONS(DeviationState)
STYR_ENUM_FUNCTIONS(EscalationReach)
STYR_ENUM_FUNCTIONS(DeviationEventKind)

#undef STYR_ENUM_FUNCTIONS

bool isPoliticalBody(UnitKind kind) {
  switch (kind) {
    case UnitKind::council:
    case UnitKind::drafting_committee:
    case UnitKind::executive_board:
    case UnitKind::committee:
      return true;
    default:
      return false;
  }
}

std::optional<FollowUpLevel> followUpLevelOf(UnitKind kind) {
  switch (kind) {
    case UnitKind::council:
      return FollowUpLevel::council;
    case UnitKind::executive_board:
      return FollowUpLevel::executive_board;
    case UnitKind::chief_executive_office:
      return FollowUpLevel::chief_executive;
    case UnitKind::committee:
      return FollowUpLevel::committee;
    case UnitKind::sector:
      return FollowUpLevel::sector;
    case UnitKind::unit:
    case UnitKind::workplace:
      return FollowUpLevel::unit;
    case UnitKind::drafting_committee:
    case UnitKind::company:
      return std::nullopt;
  }
  return std::nullopt;
}

bool isValidOn(const Date& from, const std::optional<Date>& to, const Date& day) {
  return from <= day && (!to || day <= *to);
}

}  // namespace styr::domain
