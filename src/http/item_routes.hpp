#pragma once
// Goals and assignments over HTTP: lists, an item, its life's steps (app/item_use_cases),
// traces up and down, and a unit's chain view (what it received and issued).

#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

void addItemRoutes(Router& router, const ApiContext& context);

}  // namespace styr::http
