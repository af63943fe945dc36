#include "http/router.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "http/health.hpp"

namespace styr::http {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

Handler answer(std::string name) {
  return [name](const Request& request) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [key, value] : request.path_params) params[key] = value;
    return json(200, {{"route", name}, {"params", params}});
  };
}

Response call(const Router& router, std::string method, std::string target) {
  Request request;
  request.method = std::move(method);
  EXPECT_TRUE(parseTarget(target, request));
  return router.handle(request);
}

nlohmann::json bodyOf(const Response& response) {
  return nlohmann::json::parse(response.body);
}

TEST(Router, ListsEveryRouteInOrder) {
  Router router;
  addHealthRoute(router);
  router.add("GET", "/api/v1/items/{code}", answer("item"));
  router.add("PUT", "/api/v1/items/{code}", answer("put"));
  EXPECT_THAT(router.routes(),
              ElementsAre(Route{"GET", "/api/v1/health"}, Route{"GET", "/api/v1/items/{code}"},
                          Route{"PUT", "/api/v1/items/{code}"}));
}

TEST(Router, ExtractsDecodedPathParameters) {
  Router router;
  router.add("GET", "/api/v1/organisations/{org}/items/{code}", answer("item"));
  Request request;
  request.method = "GET";
  ASSERT_TRUE(parseTarget("/api/v1/organisations/1441/items/KS%2FU03", request));
  const auto response = router.handle(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_THAT(request.path_params, ElementsAre(Pair("org", "1441"), Pair("code", "KS/U03")));
  EXPECT_EQ(request.pathParam("code"), "KS/U03");
  EXPECT_EQ(request.pathParam("nope"), "");
}

TEST(Router, PrefersLiteralSegments) {
  Router router;
  router.add("GET", "/items/{code}", answer("param"));
  router.add("GET", "/items/new", answer("literal"));
  router.add("GET", "/{kind}/all", answer("kind"));
  EXPECT_EQ(bodyOf(call(router, "GET", "/items/new"))["route"], "literal");
  EXPECT_EQ(bodyOf(call(router, "GET", "/items/KS-1"))["route"], "param");
  EXPECT_EQ(bodyOf(call(router, "GET", "/items/all"))["route"], "param");
  EXPECT_EQ(bodyOf(call(router, "GET", "/units/all"))["route"], "kind");
}

TEST(Router, MatchesWholeSegmentsOnly) {
  Router router;
  router.add("GET", "/items/{code}", answer("item"));
  router.add("GET", "/", answer("root"));
  EXPECT_EQ(call(router, "GET", "/items/").status, 404);  // an empty segment is no code
  EXPECT_EQ(call(router, "GET", "/items").status, 404);
  EXPECT_EQ(call(router, "GET", "/items/a/b").status, 404);
  EXPECT_EQ(call(router, "GET", "/items//").status, 404);
  EXPECT_EQ(bodyOf(call(router, "GET", "/"))["route"], "root");
}

TEST(Router, Answers404And405AsJson) {
  Router router;
  router.add("GET", "/items/{code}", answer("get"));
  router.add("DELETE", "/items/{code}", answer("delete"));
  router.add("POST", "/items/new", answer("post"));

  const auto missing = call(router, "GET", "/units/1");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(bodyOf(missing)["error"]["code"], "not_found");

  const auto wrong = call(router, "PATCH", "/items/new");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(bodyOf(wrong)["error"]["code"], "method_not_allowed");
  EXPECT_EQ(wrong.headers.get("Allow"), "DELETE, GET, HEAD, POST");

  // A literal route of another method does not hide the parameter route of this one.
  EXPECT_EQ(bodyOf(call(router, "GET", "/items/new"))["route"], "get");
}

TEST(Router, AnswersHeadWithTheGetHandler) {
  Router router;
  router.add("GET", "/items/{code}", answer("get"));
  EXPECT_EQ(bodyOf(call(router, "HEAD", "/items/x"))["route"], "get");
}

TEST(Router, RejectsMalformedAndDuplicatePatterns) {
  Router router;
  router.add("GET", "/items/{code}", answer("item"));
  EXPECT_THROW(router.add("GET", "/items/{other}", answer("again")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "items", answer("x")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/items/x{code}", answer("x")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/items/{}", answer("x")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/items/{a}/{a}", answer("x")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/items/{a{b}}", answer("x")), std::invalid_argument);
  EXPECT_THROW(router.add("", "/x", answer("x")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/x", Handler{}), std::invalid_argument);
  EXPECT_NO_THROW(router.add("PUT", "/items/{code}", answer("put")));
  EXPECT_EQ(router.routes().size(), 2u);
}

TEST(Router, LetsHandlerExceptionsThrough) {
  Router router;
  router.add("GET", "/boom", [](const Request&) -> Response { throw std::runtime_error("x"); });
  EXPECT_THROW((void)call(router, "GET", "/boom"), std::runtime_error);
}

TEST(Router, AsksForAQuickAnswerToGetAndHeadOnly) {
  Router router;
  router.add("GET", "/kept", answer("kept"));
  int asked = 0;
  router.setQuick([&asked](const Request& request) -> std::optional<Response> {
    ++asked;
    if (request.path == "/boom") throw std::runtime_error("x");
    if (request.path != "/kept") return std::nullopt;
    return text(200, "from memory");
  });
  auto quick = [&router](std::string method, std::string target) {
    Request request;
    request.method = std::move(method);
    EXPECT_TRUE(parseTarget(target, request));
    return router.quick(request);
  };
  ASSERT_TRUE(quick("GET", "/kept").has_value());
  EXPECT_EQ(quick("GET", "/kept")->bodyView(), "from memory");
  EXPECT_TRUE(quick("HEAD", "/kept").has_value());
  EXPECT_FALSE(quick("GET", "/elsewhere").has_value());
  EXPECT_EQ(asked, 4);
  EXPECT_FALSE(quick("POST", "/kept").has_value());
  EXPECT_FALSE(quick("DELETE", "/kept").has_value());
  EXPECT_EQ(asked, 4);                              // never asked for a change
  EXPECT_FALSE(quick("GET", "/boom").has_value());  // a failure is no answer
  EXPECT_FALSE(Router().quick(Request{}).has_value());
}

TEST(Router, TellsOfEveryHandledChangeAndOfNoRead) {
  Router router;
  router.add("GET", "/items", answer("list"));
  router.add("POST", "/items", answer("create"));
  router.add("DELETE", "/boom", [](const Request&) -> Response { throw std::runtime_error("x"); });
  int changes = 0;
  router.setAfterChange([&changes] { ++changes; });
  (void)call(router, "GET", "/items");
  (void)call(router, "HEAD", "/items");
  EXPECT_EQ(changes, 0);
  (void)call(router, "POST", "/items");
  EXPECT_EQ(changes, 1);
  EXPECT_THROW((void)call(router, "DELETE", "/boom"), std::runtime_error);
  EXPECT_EQ(changes, 2);  // a failed change may have written too
  (void)call(router, "POST", "/nowhere");
  (void)call(router, "PUT", "/items");
  EXPECT_EQ(changes, 2);  // 404 and 405 reach no handler
}

}  // namespace
}  // namespace styr::http
