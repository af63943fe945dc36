#pragma once
// Importing records: a whole organisation (the exchange format, the demo, the generator), or
// units and people with memberships into an existing one (CSV). All or nothing: with any
// problem, every problem is listed and nothing is written.

#include <string>
#include <string_view>

#include "app/clock.hpp"
#include "app/error.hpp"
#include "app/store.hpp"
#include "domain/model.hpp"

namespace styr::app {

struct ImportReport {
  std::string organisation;
  std::size_t records = 0;  //!< records written
  std::size_t audit_entries = 0;
};

//! Creates the organisation in `data` with every record in it; a conflict if the organisation
//! exists already; rule_broken (with every violation) if the data breaks a rule.
Result<ImportReport> importOrganisation(Store& store, const Clock& clock, std::string_view actor,
                                        const domain::OrganisationData& data);

//! Adds units, people and memberships to an existing organisation. The result must pass every
//! rule together with what the organisation already holds; records that exist are conflicts.
struct UnitsAndPeople {
  std::vector<domain::Unit> units;
  std::vector<domain::Person> people;
  std::vector<domain::Membership> memberships;
};
Result<ImportReport> importUnitsAndPeople(Store& store, const Clock& clock, std::string_view actor,
                                          std::string_view organisation,
                                          const UnitsAndPeople& records);

}  // namespace styr::app
