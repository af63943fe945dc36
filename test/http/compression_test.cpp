#include "http/compression.hpp"

#include <gtest/gtest.h>

namespace styr::http {
namespace {

TEST(AcceptsGzip, ReadsAcceptEncoding) {
  EXPECT_TRUE(acceptsGzip("gzip"));
  EXPECT_TRUE(acceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(acceptsGzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(acceptsGzip("x-gzip"));
  EXPECT_TRUE(acceptsGzip("*"));
  EXPECT_TRUE(acceptsGzip("gzip;q=0.001"));
  EXPECT_FALSE(acceptsGzip(""));
  EXPECT_FALSE(acceptsGzip("identity"));
  EXPECT_FALSE(acceptsGzip("br, deflate"));
  EXPECT_FALSE(acceptsGzip("gzip;q=0"));
  EXPECT_FALSE(acceptsGzip("gzip; q=0.000"));
  EXPECT_FALSE(acceptsGzip("*, gzip;q=0"));  // the named coding wins over *
  EXPECT_FALSE(acceptsGzip("*;q=0"));
  EXPECT_FALSE(acceptsGzip("gzipped"));
}

TEST(Gzip, RoundTrips) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "Öka läsförståelsen i årskurs " + std::to_string(i) + "\n";
  const auto compressed = gzip(text);
  EXPECT_LT(compressed.size(), text.size() / 4);
  ASSERT_GE(compressed.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1f);  // the gzip magic number
  EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8b);
  EXPECT_EQ(gunzip(compressed), text);
  EXPECT_EQ(gunzip(gzip("")), "");
}

TEST(Gunzip, RejectsWhatIsNotOneWholeStream) {
  const auto compressed = gzip(std::string(5000, 'a'));
  EXPECT_EQ(gunzip("not gzip"), std::nullopt);
  EXPECT_EQ(gunzip(compressed.substr(0, compressed.size() / 2)), std::nullopt);
  EXPECT_EQ(gunzip(compressed + "trailing"), std::nullopt);
}

}  // namespace
}  // namespace styr::http
