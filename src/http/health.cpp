#include "http/health.hpp"

namespace styr::http {

void addHealthRoute(Router& router) {
  router.add("GET", "/api/v1/health", [](const Request&) { return json(200, {{"status", "ok"}}); });
}

}  // namespace styr::http
