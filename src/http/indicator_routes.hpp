#pragma once
// Indicators over HTTP: the organisation's indicators with their targets, one indicator with
// the items followed up by it, its reported values (each with the target it is measured
// against), and recording a value (app/indicator_use_cases).

#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

void addIndicatorRoutes(Router& router, const ApiContext& context);

}  // namespace styr::http
