#pragma once
// The Lerum demo's deviations (D11): a handful at every gravity, reported and handled through
// the deviation use cases on the days they happened in the autumn of 2025, so that their
// timelines, notifications and audit entries are what the application itself would have
// written. One is still waiting for the sector head's acknowledgement on the demo's date.

#include <optional>
#include <string>

#include "app/error.hpp"
#include "app/store.hpp"

namespace styr::demo {

//! Reports and handles the demo's deviations in the Lerum organisation of `store`, which must
//! hold the demo with its year of follow-up and none of these deviations yet.
std::optional<app::Error> addDemoDeviations(app::Store& store);

}  // namespace styr::demo
