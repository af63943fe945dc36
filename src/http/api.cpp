#include "http/api.hpp"

#include "http/health.hpp"

namespace styr::http {

void addApiRoutes(Router& router, const ApiContext& context) {
  addHealthRoute(router);
  router.add("GET", "/api/v1/openapi.json", [](const Request&) {
    return Response{200, "application/json", {}, std::string(openApiDocument())};
  });
  addSessionRoutes(router, context);
}

}  // namespace styr::http
