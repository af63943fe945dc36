// The kept answers: found by their whole key only, errors never kept, the least recently used
// dropped first when the bodies outgrow the capacity, bodies shared rather than copied, and
// compressed once for the clients that accept gzip.

#include "http/response_cache.hpp"

#include <gtest/gtest.h>

#include "http/compression.hpp"

namespace styr::http {
namespace {

Response ok(std::string body) {
  return Response{200, "application/json", {}, std::move(body)};
}

TEST(ResponseCache, FindsAnAnswerByItsWholeKeyOnly) {
  ResponseCache cache;
  cache.keep("1441|7|2025-11-30|P00003|/api/v1/units/SEK-LAR/chain", ok("sector head's"));
  auto found = cache.find("1441|7|2025-11-30|P00003|/api/v1/units/SEK-LAR/chain", false);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->bodyView(), "sector head's");
  EXPECT_FALSE(
      cache.find("1441|8|2025-11-30|P00003|/api/v1/units/SEK-LAR/chain", false).has_value());
  EXPECT_FALSE(
      cache.find("1441|7|2025-11-30|P00122|/api/v1/units/SEK-LAR/chain", false).has_value());
}

TEST(ResponseCache, KeepsNoErrors) {
  ResponseCache cache;
  cache.keep("key", Response{404, "application/json", {}, "{}"});
  EXPECT_FALSE(cache.find("key", false).has_value());
}

TEST(ResponseCache, DropsTheLeastRecentlyUsedWhenFull) {
  ResponseCache cache(400);
  cache.keep("a", ok(std::string(90, 'a')));
  cache.keep("b", ok(std::string(90, 'b')));
  cache.keep("c", ok(std::string(90, 'c')));
  ASSERT_TRUE(cache.find("a", false).has_value());  // a is now the most recently used
  cache.keep("d", ok(std::string(90, 'd')));
  cache.keep("e", ok(std::string(90, 'e')));
  EXPECT_TRUE(cache.find("a", false).has_value());
  EXPECT_FALSE(cache.find("b", false).has_value());
  EXPECT_TRUE(cache.find("e", false).has_value());
  EXPECT_LE(cache.bytes(), 400U);
}

TEST(ResponseCache, SharesTheKeptBodyInsteadOfCopyingIt) {
  ResponseCache cache;
  cache.keep("key", ok(std::string(5000, 'x')));
  auto first = cache.find("key", false);
  auto second = cache.find("key", false);
  ASSERT_TRUE(first && second);
  ASSERT_NE(first->shared_body, nullptr);
  EXPECT_EQ(first->shared_body, second->shared_body);
  EXPECT_TRUE(first->body.empty());
  EXPECT_EQ(first->bodyView(), std::string(5000, 'x'));
  EXPECT_FALSE(first->headers.contains("Content-Encoding"));
}

TEST(ResponseCache, CompressesALargeBodyOnceForClientsThatAcceptGzip) {
  ResponseCache cache;
  Response large = ok(std::string(5000, 'x'));
  large.headers.set("ETag", "\"7\"");
  cache.keep("key", large);
  auto first = cache.find("key", true);
  auto second = cache.find("key", true);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->headers.get("Content-Encoding"), "gzip");
  EXPECT_EQ(first->headers.get("Vary"), "Accept-Encoding");
  EXPECT_EQ(first->headers.get("ETag"), "\"7\"");
  EXPECT_EQ(gunzip(first->bodyView()), std::string(5000, 'x'));
  EXPECT_EQ(first->shared_body, second->shared_body);  // compressed once
  EXPECT_EQ(cache.find("key", false)->bodyView(), std::string(5000, 'x'));

  cache.keep("small", ok("{}"));
  auto small = cache.find("small", true);
  ASSERT_TRUE(small.has_value());
  EXPECT_EQ(small->bodyView(), "{}");
  EXPECT_FALSE(small->headers.contains("Content-Encoding"));
}

}  // namespace
}  // namespace styr::http
