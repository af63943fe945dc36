#pragma once
// The integrity of the follow-up cycle's records (D10, D12): the occasions of the follow-up
// plan and the report-back versions answering them. Part of domain::validate (rule
// "integrity"); the stricter checks a report-back must pass to be submitted (L13) are the
// workflow's, since drafts may be incomplete.

#include <vector>

#include "domain/model.hpp"
#include "domain/rules.hpp"

namespace styr::domain {

class ChainIndex;

//! Appends every integrity violation of `data.occasions` and `data.report_backs` to
//! `violations`, occasions first, each in the order of its collection. `index` is `data`'s.
//! Linear in the size of the data.
void checkFollowUpIntegrity(const OrganisationData& data, const ChainIndex& index,
                            std::vector<Violation>& violations);

}  // namespace styr::domain
