#pragma once
// The roll-up up the chain (D10, D12): the latest assessment of every item, what a recipient
// sees of everything issued below an item while writing a report-back, the derived status of
// an item from what lies below it, and indicator values aggregated up the unit tree.
//
// Everything here is derived on demand from the stored report-backs and indicator values and
// written nowhere, so changing a rule or the unit tree never destroys reported data, and a
// derived status never overwrites the assessment a person made.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/chain_index.hpp"

namespace styr::domain {

//! The newest assessment of one item: what was said, in which occasion, by whom and when.
//! Points into the OrganisationData it was taken from.
struct LatestAssessment {
  const FollowUpOccasion* occasion = nullptr;
  const ReportBack* report_back = nullptr;   //!< the submitted or approved version it is in
  const ItemAssessment* assessed = nullptr;  //!< trend, analysis and corrective actions

  [[nodiscard]] Assessment assessment() const { return *assessed->assessment; }
  [[nodiscard]] const std::optional<Trend>& trend() const { return assessed->trend; }
  [[nodiscard]] const std::string& analysis() const { return assessed->analysis; }
  //! The recipient whose report-back it is: a unit code, or a person code at the bottom.
  [[nodiscard]] const std::string& recipient() const {
    return report_back->recipient_unit.empty() ? report_back->recipient_person
                                               : report_back->recipient_unit;
  }
  [[nodiscard]] const std::string& submittedBy() const { return report_back->submitted_by; }
  [[nodiscard]] const std::string& submittedAt() const { return report_back->submitted_at; }
};

struct DerivedStatus;

//! The latest assessment of every item of one organisation as of one occasion. Holds
//! pointers into the index and its data, which must outlive it.
class LatestAssessments {
 public:
  //! Nullptr when the item has not been assessed in the year up to the occasion (or is not
  //! an item of the organisation).
  [[nodiscard]] const LatestAssessment* of(std::string_view item) const;
  //! The same by position, without a look-up by code; nullptr for an item that is not one of
  //! the data's own (a copy, say).
  [[nodiscard]] const LatestAssessment* of(const Item& item) const;

  //! Whether the item is followed up in the period: issued (issued, acknowledged or
  //! completed; not draft, not cancelled), issued on or before the period's end, and not
  //! closed before the year began. Only these are listed below an item and counted in a
  //! derived status: a draft was never issued, a cancelled item is not followed through, and
  //! an item closed in an earlier year has nothing to report this year.
  [[nodiscard]] bool isFollowedUp(const Item& item) const;

  [[nodiscard]] int year() const { return year_; }
  [[nodiscard]] const Date& periodEnd() const { return period_end_; }
  //! How many items have an assessment.
  [[nodiscard]] std::size_t assessedCount() const { return assessed_count_; }

 private:
  friend LatestAssessments latestAssessments(const OrganisationData& data, const ChainIndex& index,
                                             const FollowUpOccasion& as_of);
  friend std::vector<DerivedStatus> derivedStatuses(const ChainIndex& index,
                                                    const LatestAssessments& latest);
  LatestAssessments(const ChainIndex& index, int year, const Date& period_end);
  //! The item with this code (the first, as in the index), or nullptr.
  [[nodiscard]] const Item* find(std::string_view code) const;

  const ChainIndex* index_;
  int year_;
  Date period_end_;
  std::vector<LatestAssessment> by_position_;  //!< parallel to the data's items
  std::size_t assessed_count_ = 0;
  // Item positions by code, open addressing: looking up every assessed item is nearly the
  // whole cost of latestAssessments, and this table does it about twice as fast as the
  // index's std::unordered_map (a cheaper hash, no nodes to chase).
  std::vector<std::uint64_t> slots_;
  std::size_t slot_mask_ = 0;
};

//! For every item, the newest assessment made in a submitted or approved report-back version
//! of an occasion of `as_of`'s year whose period ends on or before `as_of`'s. Drafts are not
//! yet said and returned versions were sent back, so neither counts. Newest means the latest
//! period end, then the latest submission, then the higher version. An assessment left empty
//! (only a draft may, so only broken data has one submitted) is no assessment. `index` must
//! index `data` (std::invalid_argument otherwise); `as_of` need not be one of data's occasions.
LatestAssessments latestAssessments(const OrganisationData& data, const ChainIndex& index,
                                    const FollowUpOccasion& as_of);

//! An item issued below another, as a recipient sees it beside their own item.
struct BelowAssessment {
  const Item* item = nullptr;
  int depth = 1;               //!< 1: derived directly from the item, 2: from one of those, ...
  std::string_view recipient;  //!< the item's recipient: a unit code, or a person code
  const LatestAssessment* latest = nullptr;  //!< nullptr: not yet assessed
};

//! Every item followed up in the period (LatestAssessments::isFollowedUp) that derives from
//! `item` through the origin chain, transitively, ordered by depth and then by code. The walk
//! goes on through an item that is not followed up (a cancelled assignment may still have
//! live work below it), and visits every item once, so a broken origin cycle ends it. Empty
//! when `item` is not an item of the index.
std::vector<BelowAssessment> assessmentsBelow(const std::string& item, const ChainIndex& index,
                                              const LatestAssessments& latest);

//! What lies below an item, summarised: every item assessmentsBelow lists, counted once by
//! its own latest assessment. Every level counts, not only the direct sub-items, so that a
//! deviation deep down is not hidden behind a sub-item that has not yet been assessed or that
//! was assessed more kindly than the work below it. Shown beside the human assessment, never
//! in its place, and stored nowhere.
struct DerivedStatus {
  std::array<std::size_t, 4> assessed{};  //!< per Assessment, indexed by its value
  std::size_t not_assessed = 0;           //!< followed up, but no assessment yet this year

  [[nodiscard]] std::size_t count(Assessment assessment) const {
    return assessed[static_cast<std::size_t>(assessment)];
  }
  //! Items counted, assessed or not.
  [[nodiscard]] std::size_t items() const;
  //! The worst of not_fulfilled < partly_fulfilled < fulfilled below the item; nullopt when
  //! none of these was given. cannot_be_assessed is left out of the ranking and shown only
  //! by its count: it says nothing about whether the goal is met, so ranking it below
  //! not_fulfilled would raise an alarm the recipients did not raise, and ranking it above
  //! fulfilled would hide that something is unknown.
  [[nodiscard]] std::optional<Assessment> worst() const;

  DerivedStatus& operator+=(const DerivedStatus& other);
  bool operator==(const DerivedStatus& other) const = default;
};

//! The derived status of one item; empty when nothing is followed up below it or `item` is
//! not an item of the index.
DerivedStatus derivedStatus(const std::string& item, const ChainIndex& index,
                            const LatestAssessments& latest);

//! The derived status of every item of the index's data in one linear pass, parallel to
//! `index.data().items`: element i is derivedStatus(items[i].code, ...) (for data whose item
//! codes are unique, as validate() requires). `latest` must have been taken over `index`
//! (std::invalid_argument otherwise).
std::vector<DerivedStatus> derivedStatuses(const ChainIndex& index,
                                           const LatestAssessments& latest);

//! A reported figure an aggregation needs but could not use: absent, or not usable (a
//! weight or denominator that is not positive, a number that is not finite). Reported, never
//! guessed: the unit's value is left out of the aggregate.
struct MissingInput {
  std::string unit;
  std::string field;  //!< "value", "weight", "numerator" or "denominator"

  bool operator==(const MissingInput& other) const = default;
};

//! An indicator's value for a unit, aggregated over the unit's subtree: the unit's own
//! reported value counts alongside those of every unit below it.
struct AggregatedValue {
  //! Nullopt when no value below could be used (every one lacks an input).
  std::optional<double> value;
  std::size_t units_reported = 0;     //!< units in the subtree, itself included, that reported
  std::vector<MissingInput> missing;  //!< ordered by unit code
};

//! Every unit's value of `indicator` for the period ending `period_end`, aggregated over its
//! subtree by the indicator's rule: sum; mean (of the reported values, unweighted);
//! weighted_mean (sum of value * weight over sum of weights); ratio_of_sums (sum of
//! numerators over sum of denominators, scaled like the indicator's unit of measure: 100 for
//! "%", 1000 for "‰"). A ratio of sums is never averaged: the reported ratios are not read.
//! Units with no reported value in their subtree get no entry; values of other indicators or
//! periods, and of units the index does not know, are ignored; a unit reported twice counts
//! once, with its first value.
std::map<std::string, AggregatedValue> rollUpIndicator(const Indicator& indicator,
                                                       const std::vector<IndicatorValue>& reported,
                                                       const ChainIndex& index,
                                                       const Date& period_end);

//! The indicator values of the occasion's period, from the stored report-backs: those of the
//! newest submitted or approved version of each recipient's report-back to the occasion
//! (when two recipients report the same indicator for the same unit, the later submission
//! wins), and, for an indicator and unit no report-back gave, the stored value with the same
//! period end (imported or recorded outside a report-back). Ordered by indicator, then unit.
std::vector<IndicatorValue> reportedValues(const OrganisationData& data,
                                           const FollowUpOccasion& occasion);

}  // namespace styr::domain
