#pragma once

#include "http/router.hpp"

namespace styr::http {

//! GET /api/v1/health: 200 {"status":"ok"} while the process serves requests.
void addHealthRoute(Router& router);

}  // namespace styr::http
