#pragma once
// The occasion overview: for a controller, where every report-back to one follow-up occasion
// stands, what is missing and late, and the same counted up the tree, so that a sector head
// sees their sector's totals and the board the whole. Computed from the stored report-backs
// in one pass over the organisation: nothing derived is stored.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/chain_index.hpp"
#include "domain/follow_up_scope.hpp"
#include "domain/model.hpp"

namespace styr::domain {

//! Items in scope counted by their assessment on the L13 scale; `unassessed` counts those with
//! no assessment in the report-back counted (or no report-back submitted yet).
struct AssessmentCounts {
  int fulfilled = 0;
  int partly_fulfilled = 0;
  int not_fulfilled = 0;
  int cannot_be_assessed = 0;
  int unassessed = 0;

  void add(const std::optional<Assessment>& assessment);
  [[nodiscard]] int of(Assessment assessment) const;
  [[nodiscard]] int total() const {
    return fulfilled + partly_fulfilled + not_fulfilled + cannot_be_assessed + unassessed;
  }
  AssessmentCounts& operator+=(const AssessmentCounts& other);
  friend bool operator==(const AssessmentCounts&, const AssessmentCounts&) = default;
};

//! Report-backs counted by state, and how many of them are (or were) late.
struct StateCounts {
  int missing = 0;
  int draft = 0;
  int submitted = 0;
  int returned = 0;
  int approved = 0;
  int late = 0;

  void add(ReportBackState state, bool is_late);
  [[nodiscard]] int of(ReportBackState state) const;
  [[nodiscard]] int total() const { return missing + draft + submitted + returned + approved; }
  StateCounts& operator+=(const StateCounts& other);
  friend bool operator==(const StateCounts&, const StateCounts&) = default;
};

//! One recipient in scope and its report-back.
struct RecipientOverview {
  Recipient recipient;
  //! The unit it is counted under up the tree: the unit itself, or the unit a person reports
  //! to (the issuer of their items). Empty when a person has none.
  std::string unit;
  FollowUpLevel level = FollowUpLevel::unit;
  std::optional<Date> deadline;
  ReportBackState state = ReportBackState::missing;
  bool late = false;
  int newest_version = 0;  //!< 0 when missing
  std::optional<Date> submitted_on;
  int items = 0;  //!< items in scope addressed to it
  //! Its items in scope as assessed in its newest submitted or approved version (as the
  //! roll-up counts them); all unassessed while none is, a returned one included.
  AssessmentCounts assessments;
};

//! A unit's subtree: every recipient counted at it or below it.
struct UnitOverview {
  std::string unit;
  std::string parent;
  bool in_scope = false;  //!< whether the unit reports to the occasion itself
  StateCounts report_backs;
  AssessmentCounts assessments;
};

struct OccasionOverview {
  std::string occasion;
  Date today;
  //! Units by code, then people by code.
  std::vector<RecipientOverview> recipients;
  //! Every unit in scope, the units people report to, and their ancestors up to the
  //! occasion's body (or the root, for a unit not below it); by code.
  std::vector<UnitOverview> units;
  //! Every recipient in scope, whether or not it lies below the body.
  StateCounts report_backs;
  AssessmentCounts assessments;
  //! Not yet submitted (missing or draft), in the order of `recipients`.
  std::vector<Recipient> missing;
  //! Late or submitted late, in the order of `recipients`.
  std::vector<Recipient> late;

  [[nodiscard]] const RecipientOverview* recipient(const Recipient& recipient) const;
  [[nodiscard]] const UnitOverview* unit(std::string_view code) const;
};

//! The overview of `occasion` on `today`. `data` is the organisation `index` was built over.
OccasionOverview occasionOverview(const FollowUpOccasion& occasion, const OrganisationData& data,
                                  const ChainIndex& index, const Date& today,
                                  const SwedishDateOf& swedish_date_of);

}  // namespace styr::domain
