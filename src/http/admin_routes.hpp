#pragma once
// The administrative routes: API tokens (app/api_tokens), a record's audit trail, and moving
// data in and out: the exchange format's export, and units or people with memberships
// imported from CSV (app/import_organisation).

#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

//! GET/POST /api/v1/tokens, DELETE /api/v1/tokens/{name}, GET /api/v1/audit,
//! GET /api/v1/export and POST /api/v1/import.
void addAdminRoutes(Router& router, const ApiContext& context);

}  // namespace styr::http
