#pragma once
// The analyses a follow-up starts from: the coverage of the steering chain (where it is broken
// or thin, domain/coverage) and the organisation's statistics. A head sees their subtree, the
// controllers and the political bodies' members the whole organisation (docs/permissions.md).

#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

//! GET /api/v1/coverage and GET /api/v1/stats.
void addAnalysisRoutes(Router& router, const ApiContext& context);

}  // namespace styr::http
