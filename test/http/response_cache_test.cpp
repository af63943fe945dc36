// The kept answers: found by their whole key only, errors never kept, the least recently used
// dropped first when the bodies outgrow the capacity.

#include "http/response_cache.hpp"

#include <gtest/gtest.h>

namespace styr::http {
namespace {

Response ok(std::string body) {
  return Response{200, "application/json", {}, std::move(body)};
}

TEST(ResponseCache, FindsAnAnswerByItsWholeKeyOnly) {
  ResponseCache cache;
  cache.keep("1441|7|2025-11-30|P00003|/api/v1/units/SEK-LAR/chain", ok("sector head's"));
  auto found = cache.find("1441|7|2025-11-30|P00003|/api/v1/units/SEK-LAR/chain");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->body, "sector head's");
  EXPECT_FALSE(cache.find("1441|8|2025-11-30|P00003|/api/v1/units/SEK-LAR/chain").has_value());
  EXPECT_FALSE(cache.find("1441|7|2025-11-30|P00122|/api/v1/units/SEK-LAR/chain").has_value());
}

TEST(ResponseCache, KeepsNoErrors) {
  ResponseCache cache;
  cache.keep("key", Response{404, "application/json", {}, "{}"});
  EXPECT_FALSE(cache.find("key").has_value());
}

TEST(ResponseCache, DropsTheLeastRecentlyUsedWhenFull) {
  ResponseCache cache(400);
  cache.keep("a", ok(std::string(90, 'a')));
  cache.keep("b", ok(std::string(90, 'b')));
  cache.keep("c", ok(std::string(90, 'c')));
  ASSERT_TRUE(cache.find("a").has_value());  // a is now the most recently used
  cache.keep("d", ok(std::string(90, 'd')));
  cache.keep("e", ok(std::string(90, 'e')));
  EXPECT_TRUE(cache.find("a").has_value());
  EXPECT_FALSE(cache.find("b").has_value());
  EXPECT_TRUE(cache.find("e").has_value());
  EXPECT_LE(cache.bytes(), 400U);
}

}  // namespace
}  // namespace styr::http
