// Bad input never gives a 500 and never writes anything: every route that changes something,
// sent bodies that are wrong in every way we could think of, by people who may and who may not.

#include <gtest/gtest.h>

#include <string>

#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

class BadInput : public DemoApi {};

bhttp::verb verbOf(const std::string& method) {
  return bhttp::string_to_verb(method);
}

//! `pattern` with every {parameter} segment replaced by `value`.
std::string fillIn(const std::string& pattern, const std::string& value) {
  std::string filled;
  for (std::size_t at = 0; at < pattern.size();) {
    std::size_t open = pattern.find('{', at);
    if (open == std::string::npos) {
      filled += pattern.substr(at);
      break;
    }
    filled += pattern.substr(at, open - at) + value;
    at = pattern.find('}', open) + 1;
  }
  return filled;
}

//! A route's pattern with its parameters filled in by records of the demo.
std::string targetOf(const std::string& pattern) {
  for (const auto& [prefix, code] :
       std::vector<std::pair<std::string, std::string>>{{"/api/v1/items/", "KD-U001"},
                                                        {"/api/v1/documents/", "POLICY-CHEF"},
                                                        {"/api/v1/people/", "P00003"},
                                                        {"/api/v1/indicators/", "BEHORIGHET"},
                                                        {"/api/v1/tokens/", "no-such-token"},
                                                        {"/api/v1/units/", "SEK-LAR"}}) {
    if (pattern.rfind(prefix, 0) == 0) return fillIn(pattern, code);
  }
  return fillIn(pattern, "X");
}

TEST_F(BadInput, NoChangingRouteAnswers5xxOrWritesAnythingForABadBody) {
  Router router;
  addApiRoutes(router, context_);
  const std::vector<std::string> bodies = {
      "",
      "not json",
      "[]",
      "null",
      "\"text\"",
      "{",
      R"({"title": 5, "kind": [], "issuer": {}, "valid_from": "yesterday"})",
      R"({"plan": null, "closing_note": 3, "username": 7, "scopes": "read"})",
      R"({"unit": "", "period_end": "2025-13-45", "value": "many"})",
      std::string(1, '\xff') + "{\"title\": \"\xc3\"}",
  };
  std::size_t requests = 0;
  for (const Route& route : router.routes()) {
    if (route.method == "GET" || route.method == "HEAD") continue;
    std::string target = targetOf(route.pattern);
    for (const std::string user : {"kd", "controller", "admin", "medarbetare"}) {
      for (const std::string& text : bodies) {
        std::int64_t before = store_->auditSequence("1441");
        Reply reply = send(user, verbOf(route.method), target, &text, {});
        ++requests;
        EXPECT_LT(reply.result_int(), 500u) << route.method << " " << target << " as " << user
                                            << " with " << text << ": " << reply.body();
        EXPECT_EQ(store_->auditSequence("1441"), before)
            << route.method << " " << target << " as " << user << " with " << text
            << " wrote something: " << reply.body();
      }
    }
  }
  EXPECT_GT(requests, 300u);  // the routes are there to be tried
}

TEST_F(BadInput, UnknownQueryValuesAre400NotServerErrors) {
  for (const std::string target :
       {"/api/v1/items?page=-1", "/api/v1/items?per_page=99999", "/api/v1/items?year=20x5",
        "/api/v1/documents?kind=poem", "/api/v1/units?as_of=2025-02-30",
        "/api/v1/audit?record_kind=spaceship&record=x", "/api/v1/coverage?as_of=tomorrow",
        "/api/v1/indicators/BEHORIGHET/values?year=-"}) {
    Reply reply = get("controller", target);
    EXPECT_EQ(reply.result_int(), 400u) << target << ": " << reply.body();
  }
}

}  // namespace
}  // namespace styr::http::test
