#include "interchange/utf8.hpp"

#include <gtest/gtest.h>

namespace styr::interchange {
namespace {

std::size_t invalidCount(std::string_view text) {
  return findInvalidUtf8(text).size();
}

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_EQ(invalidCount("Åsa Öberg, Ängstöm: 100 €, 🌲"), 0u);
  EXPECT_EQ(invalidCount(std::string_view("a\0b", 3)), 0u);
}

TEST(Utf8, RejectsWhatRfc3629Forbids) {
  EXPECT_EQ(invalidCount("\xC0\x80"), 1u);          // overlong NUL
  EXPECT_EQ(invalidCount("\xE0\x9F\xBF"), 1u);      // overlong below U+0800
  EXPECT_EQ(invalidCount("\xED\xA0\x80"), 1u);      // a surrogate
  EXPECT_EQ(invalidCount("\xF4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(invalidCount("\xF5\x80\x80\x80"), 1u);
  EXPECT_EQ(invalidCount("\x80"), 1u);     // a lone continuation byte
  EXPECT_EQ(invalidCount("ok \xC3"), 1u);  // cut off at the end
  EXPECT_EQ(invalidCount("\xE2\x82"), 1u);
}

TEST(Utf8, ReportsTheFirstBadByteOfEachLine) {
  const auto found = findInvalidUtf8("Å\xE5\xE5\nok\n\xFF");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].line, 1u);
  EXPECT_EQ(found[0].column, 2u);
  EXPECT_EQ(found[0].byte, 0xE5);
  EXPECT_EQ(found[1].line, 3u);
  EXPECT_EQ(found[1].column, 1u);
}

TEST(Utf8, ReplacesEachBadByteAndKeepsPositions) {
  const std::string replaced = replaceInvalidUtf8("V\xE5rd\n\xC3(x");
  EXPECT_EQ(replaced, "V\xEF\xBF\xBDrd\n\xEF\xBF\xBD(x");
  const TextPosition position = textPositionOf(replaced, replaced.find('x'));
  EXPECT_EQ(position.line, 2u);
  EXPECT_EQ(position.column, 3u);
}

TEST(Utf8, TruncatesWithoutSplittingACharacter) {
  EXPECT_EQ(truncateText("Åäö", 2), "Åä...");
  EXPECT_EQ(truncateText("Åäö", 3), "Åäö");
  EXPECT_EQ(truncateText("", 0), "");
}

}  // namespace
}  // namespace styr::interchange
