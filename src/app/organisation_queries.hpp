#pragma once
// Read-side use cases over one organisation: which organisation, its check, traces, counts.

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "app/error.hpp"
#include "app/store.hpp"
#include "domain/coverage.hpp"
#include "domain/rules.hpp"
#include "domain/trace.hpp"

namespace styr::app {

//! The organisation named by `code`; with an empty code, the database's only organisation.
Result<domain::Organisation> resolveOrganisation(Store& store, std::string_view code);
//! The organisation named by `code`; with an empty code, every organisation in the database
//! (for the commands that go through them all, such as `styr remind` and `styr audit verify`).
Result<std::vector<domain::Organisation>> organisationsNamed(Store& store, std::string_view code);

//! An organisation's data with the index over it (the index points into `data`).
struct LoadedOrganisation {
  explicit LoadedOrganisation(domain::OrganisationData loaded)
      : data(std::move(loaded)), index(data) {}
  LoadedOrganisation(const LoadedOrganisation&) = delete;
  LoadedOrganisation& operator=(const LoadedOrganisation&) = delete;
  domain::OrganisationData data;
  domain::ChainIndex index;
};

struct CheckReport {
  std::vector<domain::Violation> violations;
  domain::CoverageReport coverage;
};

//! The rules and the coverage analysis over the stored organisation, as of `as_of`.
CheckReport checkOrganisation(const LoadedOrganisation& organisation, const domain::Date& as_of);

enum class TraceDirection { up, down };

//! A trace with the items it reaches; the domain trace points into `items`.
struct ItemTrace {
  explicit ItemTrace(domain::OrganisationData loaded) : items(std::move(loaded)), index(items) {}
  ItemTrace(const ItemTrace&) = delete;
  ItemTrace& operator=(const ItemTrace&) = delete;
  domain::OrganisationData items;  //!< the items and documents the trace reaches
  domain::ChainIndex index;
  std::optional<domain::TraceUp> up;
  std::optional<domain::TraceNode> down;
};

//! Reads only the items the trace reaches, so a trace costs what it shows.
Result<std::unique_ptr<ItemTrace>> traceItem(Store& store, std::string_view organisation,
                                             std::string_view code, TraceDirection direction);

}  // namespace styr::app
