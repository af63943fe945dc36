#pragma once
// Reading JSON text into a tree, and typed fields out of the tree, collecting every problem
// with its JSON path instead of stopping at the first.

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"
#include "interchange/messages.hpp"
#include "interchange/problem.hpp"

namespace styr::interchange {

//! Parses `text` into a tree. Invalid UTF-8 and a syntax error are problems located by line
//! and column; a key repeated within one object is a problem at the object's path, since
//! silently keeping one of the two could lose data. nullopt when `text` is not JSON at all.
std::optional<nlohmann::json> parseJsonText(std::string_view text, std::vector<Problem>& problems);

//! `path` extended by an object key, e.g. "$.items" from "$" and "items".
std::string appendKey(std::string path, std::string_view key);

//! `path` extended by an array index, e.g. "$.items[3]" from "$.items" and 3.
std::string appendIndex(std::string path, std::size_t index);

//! "expected <expected>, found <what found is>", e.g. "expected an integer, found the string
//! \"x\"".
std::string expectedMessage(std::string_view expected, const nlohmann::json& found);

//! Reads the fields of one JSON object by name, reporting a wrong type, a missing required
//! field, an unknown enum name or a bad date at the field's path. Every accessor returns a
//! value even after a problem (a default), so reading goes on and finds the next problem.
class JsonObjectReader {
 public:
  //! Reports `node` not being an object, and every key of it not among `fields`: a misspelt
  //! optional field would otherwise be read as absent without a word.
  JsonObjectReader(const nlohmann::json& node, std::string path, std::vector<Problem>& problems,
                   std::initializer_list<std::string_view> fields);

  std::string requiredString(std::string_view field);
  //! Missing or null is "".
  std::string optionalString(std::string_view field);
  int requiredInt(std::string_view field);
  std::optional<int> optionalInt(std::string_view field);
  std::int64_t requiredInt64(std::string_view field);
  double requiredNumber(std::string_view field);
  std::optional<double> optionalNumber(std::string_view field);
  domain::Date requiredDate(std::string_view field);
  std::optional<domain::Date> optionalDate(std::string_view field);

  template <typename Enum>
  Enum requiredEnum(std::string_view field) {
    auto text = stringValue(requiredValue(field), field);
    if (!text) return Enum{};
    auto value = domain::parseEnum<Enum>(*text);
    if (!value) {
      report(field, unknownEnumMessage<Enum>(*text));
      return Enum{};
    }
    return *value;
  }

  //! Missing or null is nullopt; a name that is no value of `Enum` is reported.
  template <typename Enum>
  std::optional<Enum> optionalEnum(std::string_view field) {
    auto text = stringValue(optionalValue(field), field);
    if (!text) return std::nullopt;
    auto value = domain::parseEnum<Enum>(*text);
    if (!value) report(field, unknownEnumMessage<Enum>(*text));
    return value;
  }

  //! The field's value, or nullptr when it is missing or null.
  const nlohmann::json* optionalValue(std::string_view field) const;
  //! The field's value (maybe null), or nullptr after reporting it missing.
  const nlohmann::json* requiredValue(std::string_view field);

  //! Calls `read(element, element_path)` for each element of an array field; a missing or
  //! null field has no elements.
  template <typename Read>
  void forEachElement(std::string_view field, Read read) {
    const nlohmann::json* array = optionalValue(field);
    if (array == nullptr) return;
    if (!array->is_array()) {
      report(field, expectedMessage("an array", *array));
      return;
    }
    const std::string array_path = appendKey(path_, field);
    for (std::size_t element_idx = 0; element_idx < array->size(); ++element_idx) {
      read((*array)[element_idx], appendIndex(array_path, element_idx));
    }
  }

  //! Records a problem at the path of `field`.
  void report(std::string_view field, std::string message);

 private:
  std::optional<std::string_view> stringValue(const nlohmann::json* value, std::string_view field);
  template <typename Int>
  std::optional<Int> integerValue(const nlohmann::json* value, std::string_view field);
  std::optional<double> numberValue(const nlohmann::json* value, std::string_view field);
  std::optional<domain::Date> dateValue(const nlohmann::json* value, std::string_view field);

  const nlohmann::json* object_ = nullptr;  //!< null when the node is not an object
  std::string path_;
  std::vector<Problem>& problems_;
};

}  // namespace styr::interchange
