#include "interchange/utf8.hpp"

#include <algorithm>

namespace styr::interchange {

namespace {

bool isContinuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

//! Byte length of the well-formed sequence starting `text` (1-4), or 0 when its first byte
//! starts none. The ranges are Table 3-7 of the Unicode standard.
std::size_t sequenceLength(std::string_view text) {
  auto byte = [&](std::size_t idx) { return static_cast<unsigned char>(text[idx]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // overlong below U+0800
    if (lead == 0xED) second_max = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // overlong below U+10000
    if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  if (byte(1) < second_min || byte(1) > second_max) return 0;
  for (std::size_t idx = 2; idx < length; ++idx) {
    if (!isContinuation(byte(idx))) return 0;
  }
  return length;
}

}  // namespace

std::vector<InvalidUtf8> findInvalidUtf8(std::string_view text) {
  std::vector<InvalidUtf8> found;
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t reported_line = 0;
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t length = sequenceLength(text.substr(offset));
    if (length == 0 && reported_line != line) {
      found.push_back({line, column, static_cast<unsigned char>(text[offset])});
      reported_line = line;
    }
    if (text[offset] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    offset += std::max<std::size_t>(length, 1);
  }
  return found;
}

std::string replaceInvalidUtf8(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t length = sequenceLength(text.substr(offset));
    if (length == 0) {
      result += "\xEF\xBF\xBD";
      ++offset;
    } else {
      result.append(text.substr(offset, length));
      offset += length;
    }
  }
  return result;
}

TextPosition textPositionOf(std::string_view text, std::size_t offset) {
  TextPosition position;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t idx = 0; idx < end; ++idx) {
    const auto byte = static_cast<unsigned char>(text[idx]);
    if (byte == '\n') {
      ++position.line;
      position.column = 1;
    } else if (!isContinuation(byte)) {
      ++position.column;
    }
  }
  return position;
}

std::string truncateText(std::string_view text, std::size_t max_characters) {
  std::size_t characters = 0;
  for (std::size_t idx = 0; idx < text.size(); ++idx) {
    if (isContinuation(static_cast<unsigned char>(text[idx]))) continue;
    if (characters == max_characters) return std::string(text.substr(0, idx)) + "...";
    ++characters;
  }
  return std::string(text);
}

}  // namespace styr::interchange
