// The OpenAPI document and the server agree: every route is documented and every documented
// operation is routed, and the document is served as it is in the repository.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "http/api.hpp"
#include "http/http_test_support.hpp"

namespace styr::http::test {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedOperationIsRouted) {
  ApiContext context;  // the handlers are not called here
  Router router;
  addApiRoutes(router, context);
  auto document = nlohmann::json::parse(openApiDocument());
  EXPECT_EQ(document["openapi"].get<std::string>().rfind("3.", 0), 0U);

  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& route : router.routes()) routed.emplace(lower(route.method), route.pattern);
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (method == "parameters") continue;
      documented.emplace(method, path);
    }
  }
  for (const auto& route : routed) {
    EXPECT_TRUE(documented.count(route))
        << route.first << " " << route.second << " is not in api/openapi.json";
  }
  for (const auto& operation : documented) {
    EXPECT_TRUE(routed.count(operation))
        << operation.first << " " << operation.second << " is documented but not routed";
  }
}

TEST(OpenApi, TheDocumentIsServed) {
  ApiContext context;
  Router router;
  addApiRoutes(router, context);
  RunningServer server(std::move(router));
  TestClient client(server.server().port());
  Reply reply = client.roundTrip(get("/api/v1/openapi.json"));
  ASSERT_EQ(reply.result_int(), 200);
  EXPECT_EQ(reply[bhttp::field::content_type], "application/json");
  EXPECT_EQ(nlohmann::json::parse(reply.body()), nlohmann::json::parse(openApiDocument()));
}

}  // namespace
}  // namespace styr::http::test
