#include "interchange/json_reader.hpp"

#include <limits>
#include <utility>

#include "interchange/utf8.hpp"

namespace styr::interchange {

namespace {

using nlohmann::json;

// nlohmann quotes the whole token it choked on; an unclosed string would quote the rest of
// the file.
constexpr std::size_t kMaxTokenCharacters = 40;

std::string describe(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case json::value_t::string:
      return "the string " + inQuotes(value.get_ref<const std::string&>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "the number " + value.dump();
    case json::value_t::array:
      return "an array";
    default:
      return "an object";
  }
}

std::string lineAndColumn(TextPosition position) {
  return "line " + std::to_string(position.line) + ", column " + std::to_string(position.column);
}

//! nlohmann's explanation without its prefix ("[json.exception.parse_error.101] parse error
//! at line 1, column 2: "): we give the position in characters, nlohmann counts bytes.
std::string syntaxErrorMessage(std::string_view what) {
  if (auto end = what.find("] "); end != std::string_view::npos) what.remove_prefix(end + 2);
  if (what.starts_with("parse error")) {
    if (auto colon = what.find(": "); colon != std::string_view::npos) {
      what.remove_prefix(colon + 2);
    }
  }
  constexpr std::string_view kLastRead = "last read: '";
  const auto token_start = what.find(kLastRead);
  if (token_start == std::string_view::npos) return std::string(what);
  const auto token_begin = token_start + kLastRead.size();
  auto token_end = what.rfind("'; expected ");
  if (token_end == std::string_view::npos || token_end < token_begin) token_end = what.size() - 1;
  return std::string(what.substr(0, token_begin)) +
         truncateText(what.substr(token_begin, token_end - token_begin), kMaxTokenCharacters) +
         std::string(what.substr(token_end));
}

//! Builds the tree like nlohmann's own DOM parser, but reports duplicate keys and keeps the
//! syntax error's position, which nlohmann's exceptions drop for some errors.
class TreeBuilder {
 public:
  TreeBuilder(json& root, std::vector<Problem>& problems) : root_(root), problems_(problems) {}

  // The names nlohmann's SAX interface requires.
  // NOLINTBEGIN(readability-identifier-naming)

  bool null() { return add(nullptr); }
  bool boolean(bool value) { return add(value); }
  bool number_integer(json::number_integer_t value) { return add(value); }
  bool number_unsigned(json::number_unsigned_t value) { return add(value); }
  bool number_float(json::number_float_t value, const std::string& /*text*/) { return add(value); }
  bool string(std::string& value) { return add(std::move(value)); }
  bool binary(json::binary_t& value) { return add(std::move(value)); }

  bool start_object(std::size_t /*size*/) {
    open_.push_back({insert(json::value_t::object), {}});
    return true;
  }

  bool key(std::string& key) {
    auto& object = open_.back().node->get_ref<json::object_t&>();
    auto [entry, inserted] = object.try_emplace(key);
    if (!inserted) {
      problems_.push_back({openPath(), "field " + inQuotes(key) + " appears more than once"});
    }
    open_.back().key = std::move(key);
    element_ = &entry->second;
    return true;
  }

  bool end_object() {
    open_.pop_back();
    return true;
  }

  bool start_array(std::size_t /*size*/) {
    open_.push_back({insert(json::value_t::array), {}});
    return true;
  }

  bool end_array() {
    open_.pop_back();
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const json::exception& error) {
    error_position_ = position;
    error_message_ = syntaxErrorMessage(error.what());
    return false;
  }
  // NOLINTEND(readability-identifier-naming)

  [[nodiscard]] std::size_t errorPosition() const { return error_position_; }
  [[nodiscard]] const std::string& errorMessage() const { return error_message_; }

 private:
  struct Open {
    json* node;
    std::string key;  //!< the key last read, when `node` is an object
  };

  template <typename Value>
  bool add(Value&& value) {
    insert(std::forward<Value>(value));
    return true;
  }

  template <typename Value>
  json* insert(Value&& value) {
    if (open_.empty()) {
      root_ = json(std::forward<Value>(value));
      return &root_;
    }
    json& parent = *open_.back().node;
    if (parent.is_array()) {
      parent.emplace_back(std::forward<Value>(value));
      return &parent.back();
    }
    *element_ = json(std::forward<Value>(value));
    return element_;
  }

  //! The path of the innermost open container.
  [[nodiscard]] std::string openPath() const {
    std::string path = "$";
    for (std::size_t level = 0; level + 1 < open_.size(); ++level) {
      const Open& parent = open_[level];
      path = parent.node->is_array() ? appendIndex(std::move(path), parent.node->size() - 1)
                                     : appendKey(std::move(path), parent.key);
    }
    return path;
  }

  json& root_;
  std::vector<Problem>& problems_;
  std::vector<Open> open_;
  json* element_ = nullptr;  //!< where the value after the last key goes
  std::size_t error_position_ = 0;
  std::string error_message_;
};

bool isPlainKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    const bool plain =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!plain) return false;
  }
  return true;
}

}  // namespace

std::optional<json> parseJsonText(std::string_view text, std::vector<Problem>& problems) {
  const auto invalid = findInvalidUtf8(text);
  for (const InvalidUtf8& bad : invalid) {
    problems.push_back({lineAndColumn({bad.line, bad.column}), invalidUtf8Message(bad.byte)});
  }
  std::string replaced;
  if (!invalid.empty()) {
    replaced = replaceInvalidUtf8(text);
    text = replaced;
  }
  json root;
  TreeBuilder builder(root, problems);
  if (!json::sax_parse(text.begin(), text.end(), &builder)) {
    // nlohmann counts the bytes read including the offending one.
    const std::size_t offset = builder.errorPosition() > 0 ? builder.errorPosition() - 1 : 0;
    problems.push_back(
        {lineAndColumn(textPositionOf(text, offset)), "malformed JSON: " + builder.errorMessage()});
    return std::nullopt;
  }
  return root;
}

std::string appendKey(std::string path, std::string_view key) {
  if (isPlainKey(key)) {
    path += '.';
    path += key;
  } else {
    path += '[';
    path += inQuotes(key);
    path += ']';
  }
  return path;
}

std::string appendIndex(std::string path, std::size_t index) {
  path += '[';
  path += std::to_string(index);
  path += ']';
  return path;
}

JsonObjectReader::JsonObjectReader(const json& node, std::string path,
                                   std::vector<Problem>& problems,
                                   std::initializer_list<std::string_view> fields)
    : path_(std::move(path)), problems_(problems) {
  if (!node.is_object()) {
    problems_.push_back({path_, expectedMessage("an object", node)});
    return;
  }
  object_ = &node;
  for (const auto& [key, value] : node.items()) {
    bool known = false;
    for (std::string_view field : fields) known = known || field == key;
    if (known) continue;
    std::string expected;
    for (std::string_view field : fields) {
      if (!expected.empty()) expected += ", ";
      expected += field;
    }
    problems_.push_back({path_, "unknown field " + inQuotes(key) + "; expected: " + expected});
  }
}

void JsonObjectReader::report(std::string_view field, std::string message) {
  problems_.push_back({appendKey(path_, field), std::move(message)});
}

std::string expectedMessage(std::string_view expected, const json& found) {
  return "expected " + std::string(expected) + ", found " + describe(found);
}

const json* JsonObjectReader::optionalValue(std::string_view field) const {
  if (object_ == nullptr) return nullptr;
  auto entry = object_->find(field);
  if (entry == object_->end() || entry->is_null()) return nullptr;
  return &*entry;
}

const json* JsonObjectReader::requiredValue(std::string_view field) {
  if (object_ == nullptr) return nullptr;
  auto entry = object_->find(field);
  if (entry == object_->end()) {
    report(field, "missing required field");
    return nullptr;
  }
  return &*entry;
}

std::optional<std::string_view> JsonObjectReader::stringValue(const json* value,
                                                              std::string_view field) {
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    report(field, expectedMessage("a string", *value));
    return std::nullopt;
  }
  return value->get_ref<const std::string&>();
}

template <typename Int>
std::optional<Int> JsonObjectReader::integerValue(const json* value, std::string_view field) {
  if (value == nullptr) return std::nullopt;
  // nlohmann calls unsigned numbers integers too, so they are told apart first.
  if (value->is_number_unsigned()) {
    const auto number = value->get<std::uint64_t>();
    if (number <= static_cast<std::uint64_t>(std::numeric_limits<Int>::max())) {
      return static_cast<Int>(number);
    }
  } else if (value->is_number_integer()) {
    const auto number = value->get<std::int64_t>();
    if (number >= std::numeric_limits<Int>::min() && number <= std::numeric_limits<Int>::max()) {
      return static_cast<Int>(number);
    }
  } else {
    report(field, expectedMessage("an integer", *value));
    return std::nullopt;
  }
  report(field, "the number " + value->dump() + " is out of range");
  return std::nullopt;
}

std::optional<double> JsonObjectReader::numberValue(const json* value, std::string_view field) {
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    report(field, expectedMessage("a number", *value));
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<domain::Date> JsonObjectReader::dateValue(const json* value, std::string_view field) {
  auto text = stringValue(value, field);
  if (!text) return std::nullopt;
  auto date = domain::parseDate(*text);
  if (!date) report(field, invalidDateMessage(*text));
  return date;
}

std::string JsonObjectReader::requiredString(std::string_view field) {
  return std::string(stringValue(requiredValue(field), field).value_or(""));
}

std::string JsonObjectReader::optionalString(std::string_view field) {
  return std::string(stringValue(optionalValue(field), field).value_or(""));
}

int JsonObjectReader::requiredInt(std::string_view field) {
  return integerValue<int>(requiredValue(field), field).value_or(0);
}

std::optional<int> JsonObjectReader::optionalInt(std::string_view field) {
  return integerValue<int>(optionalValue(field), field);
}

std::int64_t JsonObjectReader::requiredInt64(std::string_view field) {
  return integerValue<std::int64_t>(requiredValue(field), field).value_or(0);
}

double JsonObjectReader::requiredNumber(std::string_view field) {
  return numberValue(requiredValue(field), field).value_or(0);
}

std::optional<double> JsonObjectReader::optionalNumber(std::string_view field) {
  return numberValue(optionalValue(field), field);
}

domain::Date JsonObjectReader::requiredDate(std::string_view field) {
  return dateValue(requiredValue(field), field).value_or(domain::Date{});
}

std::optional<domain::Date> JsonObjectReader::optionalDate(std::string_view field) {
  return dateValue(optionalValue(field), field);
}

}  // namespace styr::interchange
