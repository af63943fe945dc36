#pragma once
// The API under /api/v1: every route the server has, in one place, so that `styr serve` and
// the test that holds the routes against the OpenAPI document see the same set.

#include <string_view>

#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

//! The OpenAPI 3 document (api/openapi.json), embedded at build time.
std::string_view openApiDocument();

//! Every route of the API; `context` must outlive the router.
void addApiRoutes(Router& router, const ApiContext& context);

}  // namespace styr::http
