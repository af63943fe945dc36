#pragma once
// Synthetic municipalities for scale tests and demos of many organisations at once: the
// Lerum demo's shape (the same political bodies, sectors, kinds of units, steering chain,
// documents and indicators) with made-up places and people, and a size drawn from the seed.

#include <cstdint>
#include <string>

#include "demo/lerum_demo.hpp"
#include "domain/model.hpp"

namespace styr::demo {

//! A synthetic municipality of the demo's shape (units, people, memberships, documents,
//! items, indicators, values and, unless `follow_up` says none, the demo's year of follow-up),
//! deterministic in (code, name, seed): the same arguments give the same data.
domain::OrganisationData generateMunicipality(const std::string& scb_code, const std::string& name,
                                              std::uint64_t seed,
                                              DemoFollowUp follow_up = DemoFollowUp::year_2025);

}  // namespace styr::demo
