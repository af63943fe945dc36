#pragma once
// UTF-8 checks shared by the JSON and CSV readers. The exchange format is UTF-8 only; a file
// saved as Windows-1252 (what Swedish Excel writes unless told otherwise) must be reported
// with a position the user can find, not crash a parser or end up as mojibake in a name.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace styr::interchange {

//! Where the first ill-formed byte of a line is; line and column count from 1, columns in
//! characters (as editors count them).
struct InvalidUtf8 {
  std::size_t line = 0;
  std::size_t column = 0;
  unsigned char byte = 0;
};

//! The first ill-formed byte of each line that has one. Well-formed is RFC 3629: no overlong
//! forms, no surrogates, nothing above U+10FFFF.
std::vector<InvalidUtf8> findInvalidUtf8(std::string_view text);

//! `text` with every ill-formed byte replaced by U+FFFD, so that a parser can go on to find
//! the problems after it; line and column positions stay the same.
std::string replaceInvalidUtf8(std::string_view text);

//! 1-based line and column (in characters) of the byte at `offset` in well-formed `text`.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
TextPosition textPositionOf(std::string_view text, std::size_t offset);

//! At most `max_characters` characters of well-formed `text`, with "..." when shortened;
//! never splits a character.
std::string truncateText(std::string_view text, std::size_t max_characters);

}  // namespace styr::interchange
