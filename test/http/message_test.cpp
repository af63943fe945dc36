#include "http/message.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/request_id.hpp"

namespace styr::http {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(PercentDecode, DecodesEscapesAndPlusOnlyInQueries) {
  EXPECT_EQ(percentDecode("KS%2DU03", false), "KS-U03");
  EXPECT_EQ(percentDecode("m%C3%A5l+och", true), "mål och");
  EXPECT_EQ(percentDecode("m%c3%a5l+och", false), "mål+och");
  EXPECT_EQ(percentDecode("", true), "");
}

TEST(PercentDecode, RejectsBrokenEscapes) {
  EXPECT_EQ(percentDecode("%", true), std::nullopt);
  EXPECT_EQ(percentDecode("a%2", true), std::nullopt);
  EXPECT_EQ(percentDecode("%zz", true), std::nullopt);
  EXPECT_EQ(percentDecode("%2x", false), std::nullopt);
}

TEST(ParseTarget, SplitsPathAndQuery) {
  Request request;
  ASSERT_TRUE(parseTarget("/api/v1/items?code=KS%2DU03&&x&y=1+2&code=again", request));
  EXPECT_EQ(request.path, "/api/v1/items");
  EXPECT_EQ(request.target, "/api/v1/items?code=KS%2DU03&&x&y=1+2&code=again");
  EXPECT_THAT(request.query, ElementsAre(Pair("code", "KS-U03"), Pair("x", ""), Pair("y", "1 2"),
                                         Pair("code", "again")));
  EXPECT_EQ(request.queryParam("code"), "KS-U03");  // the first
  EXPECT_EQ(request.queryParam("missing"), std::nullopt);
}

TEST(ParseTarget, RejectsWhatIsNotAPath) {
  Request request;
  EXPECT_FALSE(parseTarget("http://example.org/api", request));
  EXPECT_FALSE(parseTarget("*", request));
  EXPECT_FALSE(parseTarget("", request));
  EXPECT_FALSE(parseTarget("/a%zz", request));
  EXPECT_FALSE(parseTarget("/a?b=%", request));
}

TEST(Headers, LooksUpNamesIgnoringCase) {
  Headers headers;
  headers.add("Content-Type", "application/json");
  headers.add("X-Thing", "1");
  headers.add("x-thing", "2");
  EXPECT_EQ(headers.get("content-type"), "application/json");
  EXPECT_EQ(headers.get("X-THING"), "1");
  EXPECT_FALSE(headers.contains("Accept"));
  headers.set("X-Thing", "3");
  EXPECT_EQ(headers.size(), 2u);
  EXPECT_EQ(headers.get("x-thing"), "3");
  headers.remove("CONTENT-TYPE");
  EXPECT_FALSE(headers.contains("Content-Type"));
}

TEST(Json, WritesCompactJsonAndReplacesInvalidUtf8) {
  auto response = json(201, {{"name", "Åsenskolan"}});
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response.body, R"({"name":"Åsenskolan"})");
  EXPECT_EQ(json(200, std::string("a\xff")).body, "\"a\xEF\xBF\xBD\"");
}

TEST(JsonBody, ParsesOrSaysNo) {
  Request request;
  request.body = R"({"a":[1,2]})";
  EXPECT_EQ(jsonBody(request), nlohmann::json::parse(R"({"a":[1,2]})"));
  request.body = "{nope";
  EXPECT_EQ(jsonBody(request), std::nullopt);
  request.body = "";
  EXPECT_EQ(jsonBody(request), std::nullopt);
}

TEST(RequestId, AcceptsOnlyShortSafeIds) {
  EXPECT_TRUE(isSaneRequestId("abc-DEF_123"));
  EXPECT_TRUE(isSaneRequestId(std::string(64, 'a')));
  EXPECT_FALSE(isSaneRequestId(std::string(65, 'a')));
  EXPECT_FALSE(isSaneRequestId(""));
  EXPECT_FALSE(isSaneRequestId("a b"));
  EXPECT_FALSE(isSaneRequestId("a\r\nSet-Cookie: x"));
  EXPECT_FALSE(isSaneRequestId("\"quoted\""));
  EXPECT_EQ(requestIdFor("keep-me"), "keep-me");
  EXPECT_NE(requestIdFor("not ok"), "not ok");
  EXPECT_NE(newRequestId(), newRequestId());
  EXPECT_TRUE(isSaneRequestId(newRequestId()));
}

}  // namespace
}  // namespace styr::http
