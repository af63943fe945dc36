#pragma once
// The steering chain's rules (D1-D6 of docs/domain.md, and the integrity every record needs),
// checked over a whole organisation. Pure: the same data always gives the same violations.

#include <string>
#include <vector>

#include "domain/model.hpp"

namespace styr::domain {

//! One broken rule: which rule, where in the organisation's data, which record, and why.
struct Violation {
  std::string rule;     //!< "D1", "D3", ... or "integrity" for references, codes and values
  std::string path;     //!< e.g. "items[12].recipient"
  std::string record;   //!< e.g. "item KF-M01"
  std::string message;  //!< what is wrong, in words a controller can act on
};

//! Every violation in `data`, in the order of its collections (units, people, ... items).
std::vector<Violation> validate(const OrganisationData& data);

}  // namespace styr::domain

namespace styr::domain {

class ChainIndex;

//! D4: whether the item says how it is followed up (indicator with a target for its year, a
//! deliverable with a due date, or an assessment at named follow-ups).
bool hasFollowUpMethod(const Item& item, const ChainIndex& index);

}  // namespace styr::domain
