#include "app/organisation_queries.hpp"

#include <fmt/format.h>

namespace styr::app {

Result<std::vector<domain::Organisation>> organisationsNamed(Store& store, std::string_view code) {
  if (code.empty()) return store.organisations();
  auto found = resolveOrganisation(store, code);
  if (!found) return found.error();
  return std::vector<domain::Organisation>{found.value()};
}

Result<domain::Organisation> resolveOrganisation(Store& store, std::string_view code) {
  if (!code.empty()) {
    auto found = store.organisation(code);
    if (!found) {
      return Error{ErrorCode::not_found,
                   fmt::format("there is no organisation {} in this database", code),
                   {}};
    }
    return *found;
  }
  auto all = store.organisations();
  if (all.size() == 1) return all.front();
  if (all.empty()) {
    return Error{ErrorCode::not_found,
                 "the database holds no organisation yet (create one with `styr demo` or "
                 "`styr import`)",
                 {}};
  }
  std::string codes;
  for (std::size_t i = 0; i < all.size() && i < 10; ++i) {
    codes += (i == 0 ? "" : ", ") + all[i].code;
  }
  return Error{ErrorCode::invalid_input,
               fmt::format("the database holds {} organisations; name one with --org (for "
                           "example {}{})",
                           all.size(), codes, all.size() > 10 ? ", ..." : ""),
               {}};
}

CheckReport checkOrganisation(const LoadedOrganisation& organisation, const domain::Date& as_of) {
  return CheckReport{domain::validate(organisation.data),
                     domain::analyseCoverage(organisation.index, as_of)};
}

Result<std::unique_ptr<ItemTrace>> traceItem(Store& store, std::string_view organisation,
                                             std::string_view code, TraceDirection direction) {
  domain::OrganisationData reached;
  reached.items = direction == TraceDirection::up ? store.itemsAbove(organisation, code)
                                                  : store.itemsBelow(organisation, code);
  if (reached.items.empty()) {
    return Error{ErrorCode::not_found,
                 fmt::format("there is no item {} in organisation {}", code, organisation),
                 {}};
  }
  if (direction == TraceDirection::up) reached.documents = store.documents(organisation);
  auto trace = std::make_unique<ItemTrace>(std::move(reached));
  if (direction == TraceDirection::up) {
    trace->up = domain::traceUp(trace->index, code);
  } else {
    trace->down = domain::traceDown(trace->index, code);
  }
  return trace;
}

}  // namespace styr::app
