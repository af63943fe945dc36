#pragma once
// The coverage analysis: where the steering chain is broken or thin (D1-D4 in practice).
// Findings are not rule violations: a draft without an origin is allowed, but a controller
// must see it.

#include <string>
#include <vector>

#include "domain/chain_index.hpp"

namespace styr::domain {

//! An item as a finding lists it: enough to act on without opening it.
struct ItemSummary {
  std::string code;
  ItemKind kind = ItemKind::assignment;
  std::string title;
  std::string issuer;
  std::string recipient;  //!< unit or person code
  ItemStatus status = ItemStatus::draft;
  std::optional<Date> issued_on;
};

struct CoverageReport {
  Date as_of;
  std::size_t items = 0;                               //!< items considered (all)
  std::vector<ItemSummary> council_goals_not_carried;  //!< nothing issued below them
  std::vector<ItemSummary> without_origin;             //!< not traceable upwards (D3)
  std::vector<ItemSummary> recipient_without_head;     //!< nobody answers for them (D1)
  std::vector<ItemSummary> never_acknowledged;         //!< issued, not taken on
  std::vector<ItemSummary> without_follow_up;          //!< no follow-up method (D4)

  [[nodiscard]] std::size_t findings() const {
    return council_goals_not_carried.size() + without_origin.size() +
           recipient_without_head.size() + never_acknowledged.size() + without_follow_up.size();
  }
};

ItemSummary summarise(const Item& item);

//! The analysis as of `as_of` (heads are looked up on that day). Cancelled and completed
//! items are left out: they need no follow-through.
CoverageReport analyseCoverage(const ChainIndex& index, const Date& as_of);

}  // namespace styr::domain
