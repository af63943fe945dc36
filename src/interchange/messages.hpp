#pragma once
// Problem wording shared by the JSON and CSV readers, so a user meets the same sentence for
// the same mistake whichever format they imported.

#include <string>
#include <string_view>

#include "domain/model.hpp"

namespace styr::interchange {

//! `text` as a JSON string literal for a message: quoted, escaped, shortened when long.
std::string inQuotes(std::string_view text);

//! The message for a date that is not YYYY-MM-DD or not a real calendar day.
std::string invalidDateMessage(std::string_view text);

//! The message for a name that is no value of `Enum`, listing the valid names.
template <typename Enum>
std::string unknownEnumMessage(std::string_view text) {
  std::string names;
  for (const Enum value : domain::allValues<Enum>()) {
    if (!names.empty()) names += ", ";
    names += domain::toString(value);
  }
  return "unknown value " + inQuotes(text) + "; expected one of: " + names;
}

//! The message for text that is not UTF-8 at its first bad `byte`; `position` (e.g.
//! "character 12") says where in the line when the problem's location does not.
std::string invalidUtf8Message(unsigned char byte, std::string_view position = {});

}  // namespace styr::interchange
