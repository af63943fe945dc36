#pragma once
// The organisation's units, people, memberships and accounts over HTTP: the unit tree and one
// unit with its members, the directory of people (as far as the caller may read it), and the
// administrators' changes (app/membership_use_cases).

#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

//! GET /api/v1/units, GET /api/v1/units/{code}, GET and POST /api/v1/people,
//! GET /api/v1/people/{code}, POST /api/v1/people/{code}/memberships,
//! POST /api/v1/people/{code}/memberships/end, GET and POST /api/v1/accounts.
void addPeopleRoutes(Router& router, const ApiContext& context);

}  // namespace styr::http
