#include "interchange/messages.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "interchange/utf8.hpp"

namespace styr::interchange {

namespace {

// Long enough to recognise a value, short enough that one problem stays one line.
constexpr std::size_t kMaxQuotedCharacters = 60;

}  // namespace

std::string inQuotes(std::string_view text) {
  // The replace handler keeps a message printable even when the text was not UTF-8.
  return nlohmann::json(truncateText(text, kMaxQuotedCharacters))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string invalidDateMessage(std::string_view text) {
  return "invalid date " + inQuotes(text) + "; expected YYYY-MM-DD, a real calendar day";
}

std::string invalidUtf8Message(unsigned char byte, std::string_view position) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(byte));
  std::string message = "invalid UTF-8";
  if (!position.empty()) {
    message += " at ";
    message += position;
  }
  return message + " (byte " + hex + "); save the file as UTF-8";
}

}  // namespace styr::interchange
