#include "interchange/csv.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "interchange/messages.hpp"
#include "interchange/utf8.hpp"

namespace styr::interchange {

namespace {

using Problems = std::vector<Problem>;
using Columns = std::span<const std::string_view>;

constexpr std::array<std::string_view, 6> kUnitColumns{"code",   "name",       "kind",
                                                       "parent", "valid_from", "valid_to"};
constexpr std::array<std::string_view, 8> kPeopleColumns{
    "person", "given_name", "family_name", "email", "unit", "role", "valid_from", "valid_to"};
// The columns used from SCB-based reference lists such as swedish-geodata's
// municipality_county.csv; the others there (county, short names) are ignored.
constexpr std::array<std::string_view, 2> kMunicipalityColumns{"municipality_code",
                                                               "municipality_name"};

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

struct CsvField {
  std::string text;
  std::size_t line = 0;  //!< physical line the field starts on
};

struct CsvRecord {
  std::size_t line = 0;  //!< physical line the record starts on
  std::vector<CsvField> fields;
};

//! Builds "<source> line N" and "<source> line N, column X".
class Locator {
 public:
  explicit Locator(std::string_view source) : source_(source) {}

  [[nodiscard]] std::string at(std::size_t line) const {
    std::string where(source_);
    if (!where.empty()) where += ' ';
    return where + "line " + std::to_string(line);
  }

  [[nodiscard]] std::string at(std::size_t line, std::string_view column) const {
    return at(line) + ", column " + std::string(column);
  }

 private:
  std::string_view source_;
};

bool isBlank(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && isBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && isBlank(text.back())) text.remove_suffix(1);
  return text;
}

std::string joined(Columns columns) {
  std::string text;
  for (std::string_view column : columns) {
    if (!text.empty()) text += ", ";
    text += column;
  }
  return text;
}

//! ';' when the header line has more semicolons than commas outside quotes, else ','. Swedish
//! Excel writes ';' because ',' is the decimal separator.
char detectDelimiter(std::string_view text) {
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  bool in_quotes = false;
  bool has_content = false;
  for (char c : text) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n' && has_content) break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
    if (!isBlank(c) && c != '\r' && c != '\n') has_content = true;
  }
  return semicolons > commas ? ';' : ',';
}

//! Splits RFC 4180 CSV into records, counting physical lines. Unquoted fields are trimmed;
//! a quote inside an unquoted field is kept as a character (12" pipe), as spreadsheets do.
//! Records whose fields are all empty (blank lines, Excel's ";;;;" rows) are dropped.
class CsvReader {
 public:
  CsvReader(std::string_view text, const Locator& locator, Problems& problems)
      : text_(text), delimiter_(detectDelimiter(text)), locator_(locator), problems_(problems) {}

  //! The next record that is not blank, or nullopt at the end.
  std::optional<CsvRecord> next() {
    while (pos_ < text_.size() && !stopped_) {
      CsvRecord record{line_, {}};
      readRecord(record);
      const bool blank = std::all_of(record.fields.begin(), record.fields.end(),
                                     [](const CsvField& field) { return field.text.empty(); });
      if (!blank) return record;
    }
    return std::nullopt;
  }

  std::vector<CsvRecord> records() {
    std::vector<CsvRecord> records;
    while (auto record = next()) records.push_back(std::move(*record));
    return records;
  }

 private:
  [[nodiscard]] bool atEnd() const { return pos_ >= text_.size(); }
  [[nodiscard]] char current() const { return text_[pos_]; }
  //! At "\n", "\r\n", or a "\r" that ends the text (a CRLF cut short).
  [[nodiscard]] bool atLineEnd() const {
    return current() == '\n' ||
           (current() == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n'));
  }

  void readRecord(CsvRecord& record) {
    while (true) {
      record.fields.push_back(readField());
      if (stopped_ || atEnd()) return;
      if (current() == delimiter_) {
        ++pos_;
        continue;
      }
      // At a line end: readField stops nowhere else.
      if (current() == '\r') ++pos_;
      if (!atEnd()) ++pos_;
      ++line_;
      return;
    }
  }

  CsvField readField() {
    CsvField field{"", line_};
    while (!atEnd() && isBlank(current())) ++pos_;
    if (!atEnd() && current() == '"') {
      readQuoted(field);
      return field;
    }
    const std::size_t start = pos_;
    while (!atEnd() && current() != delimiter_ && !atLineEnd()) ++pos_;
    field.text = trimmed(text_.substr(start, pos_ - start));
    return field;
  }

  void readQuoted(CsvField& field) {
    ++pos_;
    while (true) {
      if (atEnd()) {
        problems_.push_back({locator_.at(field.line),
                             "a quoted field starts on this line but its closing quote is "
                             "missing"});
        stopped_ = true;
        return;
      }
      const char c = current();
      ++pos_;
      if (c == '"') {
        if (atEnd() || current() != '"') break;
        ++pos_;
      } else if (c == '\n') {
        ++line_;
      }
      field.text += c;
    }
    while (!atEnd() && isBlank(current())) ++pos_;
    if (atEnd() || current() == delimiter_ || atLineEnd()) return;
    problems_.push_back({locator_.at(line_),
                         "unexpected text after the closing quote of a field; a quote inside a "
                         "quoted field is written as two quotes (\"\")"});
    while (!atEnd() && current() != delimiter_ && !atLineEnd()) ++pos_;
  }

  std::string_view text_;
  char delimiter_;
  const Locator& locator_;
  Problems& problems_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  bool stopped_ = false;  //!< after an unclosed quote, which swallowed the rest of the file
};

//! One data row, its fields looked up by column name.
class CsvRow {
 public:
  CsvRow(const CsvRecord& record, Columns columns, const std::vector<std::size_t>& field_of_column,
         const Locator& locator, Problems& problems)
      : record_(record),
        columns_(columns),
        field_of_column_(field_of_column),
        locator_(locator),
        problems_(problems) {}

  [[nodiscard]] std::size_t line() const { return record_.line; }

  [[nodiscard]] const std::string& text(std::string_view column) const {
    return field(column).text;
  }

  void report(std::string_view column, std::string message) {
    problems_.push_back({locator_.at(field(column).line, column), std::move(message)});
  }

  std::string required(std::string_view column, std::string_view why = {}) {
    const std::string& value = text(column);
    if (value.empty()) {
      std::string message = "required value is empty";
      if (!why.empty()) message += " (" + std::string(why) + ")";
      report(column, std::move(message));
    }
    return value;
  }

  template <typename Enum>
  Enum requiredEnum(std::string_view column, std::string_view why = {}) {
    const std::string value = required(column, why);
    if (value.empty()) return Enum{};
    auto parsed = domain::parseEnum<Enum>(value);
    if (!parsed) {
      report(column, unknownEnumMessage<Enum>(value));
      return Enum{};
    }
    return *parsed;
  }

  domain::Date requiredDate(std::string_view column, std::string_view why = {}) {
    const std::string value = required(column, why);
    if (value.empty()) return domain::Date{};
    return date(column).value_or(domain::Date{});
  }

  std::optional<domain::Date> optionalDate(std::string_view column) {
    if (text(column).empty()) return std::nullopt;
    return date(column);
  }

 private:
  [[nodiscard]] const CsvField& field(std::string_view column) const {
    const auto column_idx = static_cast<std::size_t>(
        std::find(columns_.begin(), columns_.end(), column) - columns_.begin());
    return record_.fields[field_of_column_[column_idx]];
  }

  std::optional<domain::Date> date(std::string_view column) {
    auto parsed = domain::parseDate(text(column));
    if (!parsed) report(column, invalidDateMessage(text(column)));
    return parsed;
  }

  const CsvRecord& record_;
  Columns columns_;
  const std::vector<std::size_t>& field_of_column_;
  const Locator& locator_;
  Problems& problems_;
};

//! Whether a header may have columns besides the expected ones. Our own files may not (a
//! misspelt column would be ignored without a word); reference data from elsewhere may.
enum class OtherColumns { rejected, ignored };

//! A CSV file checked against its expected columns: encoding, syntax and header.
class CsvTable {
 public:
  CsvTable(std::string_view text, std::string_view source, Columns columns, Problems& problems,
           OtherColumns other_columns = OtherColumns::rejected)
      : locator_(source), columns_(columns), problems_(problems), other_columns_(other_columns) {
    for (const InvalidUtf8& bad : findInvalidUtf8(text)) {
      problems_.push_back(
          {locator_.at(bad.line),
           invalidUtf8Message(bad.byte, "character " + std::to_string(bad.column))});
    }
    if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
    records_ = CsvReader(text, locator_, problems_).records();
    if (records_.empty()) {
      const std::string expected = "expected a header line with the columns " + joined(columns_);
      problems_.push_back({locator_.at(1), "the file is empty; " + expected});
      return;
    }
    usable_ = readHeader(records_.front());
  }

  //! Calls `read(row)` for each data row that has as many fields as the header; rows are
  //! only read when every expected column is present.
  template <typename Read>
  void forEachRow(Read read) {
    if (!usable_) return;
    const std::size_t header_width = records_.front().fields.size();
    for (std::size_t record_idx = 1; record_idx < records_.size(); ++record_idx) {
      const CsvRecord& record = records_[record_idx];
      if (record.fields.size() != header_width) {
        std::string message = "expected " + std::to_string(header_width) +
                              " fields as in the header, found " +
                              std::to_string(record.fields.size());
        problems_.push_back({locator_.at(record.line), std::move(message)});
        continue;
      }
      CsvRow row(record, columns_, field_of_column_, locator_, problems_);
      read(row);
    }
  }

 private:
  bool readHeader(const CsvRecord& header) {
    constexpr std::size_t kMissing = static_cast<std::size_t>(-1);
    field_of_column_.assign(columns_.size(), kMissing);
    for (std::size_t field_idx = 0; field_idx < header.fields.size(); ++field_idx) {
      const CsvField& field = header.fields[field_idx];
      if (field.text.empty()) {
        problems_.push_back({locator_.at(field.line, std::to_string(field_idx + 1)),
                             "empty column name; expected the columns " + joined(columns_)});
        continue;
      }
      const auto column = std::find(columns_.begin(), columns_.end(), field.text);
      if (column == columns_.end()) {
        if (other_columns_ == OtherColumns::ignored) continue;
        problems_.push_back({locator_.at(field.line, field.text),
                             "unknown column " + inQuotes(field.text) + "; expected the columns " +
                                 joined(columns_)});
        continue;
      }
      std::size_t& slot = field_of_column_[static_cast<std::size_t>(column - columns_.begin())];
      if (slot != kMissing) {
        problems_.push_back({locator_.at(field.line, field.text), "column appears more than once"});
        continue;
      }
      slot = field_idx;
    }
    bool complete = true;
    for (std::size_t column_idx = 0; column_idx < columns_.size(); ++column_idx) {
      if (field_of_column_[column_idx] != kMissing) continue;
      problems_.push_back(
          {locator_.at(header.line), "missing column " + inQuotes(columns_[column_idx])});
      complete = false;
    }
    return complete;
  }

  Locator locator_;
  Columns columns_;
  Problems& problems_;
  OtherColumns other_columns_;
  std::vector<CsvRecord> records_;
  std::vector<std::size_t> field_of_column_;  //!< per expected column, its field in a record
  bool usable_ = false;
};

//! Reports each column where a person's repeated row differs from their first row.
void reportConflicts(CsvRow& row, const domain::Person& here, const domain::Person& first,
                     std::size_t first_line) {
  constexpr std::array<std::pair<std::string_view, std::string domain::Person::*>, 3> kColumns{{
      {"given_name", &domain::Person::given_name},
      {"family_name", &domain::Person::family_name},
      {"email", &domain::Person::email},
  }};
  for (const auto& [column, member] : kColumns) {
    const std::string& value = here.*member;
    const std::string& first_value = first.*member;
    // An empty name was reported as such already.
    if (value == first_value || (value.empty() && column != "email")) continue;
    row.report(column, "person " + inQuotes(here.code) + " has " + std::string(column) + " " +
                           inQuotes(value) + " here but " + inQuotes(first_value) + " on line " +
                           std::to_string(first_line));
  }
}

}  // namespace

ParseResult<std::vector<domain::Unit>> unitsFromCsv(std::string_view text,
                                                    std::string_view source_name) {
  ParseResult<std::vector<domain::Unit>> result;
  std::vector<domain::Unit> units;
  // A repeated code is found here rather than by domain::validate, which cannot name lines.
  std::unordered_map<std::string, std::size_t> line_of_code;
  CsvTable table(text, source_name, kUnitColumns, result.problems);
  table.forEachRow([&](CsvRow& row) {
    domain::Unit unit;
    unit.code = row.required("code");
    if (!unit.code.empty()) {
      auto [first, inserted] = line_of_code.try_emplace(unit.code, row.line());
      if (!inserted) {
        row.report("code", "unit " + inQuotes(unit.code) + " is already on line " +
                               std::to_string(first->second));
      }
    }
    unit.name = row.required("name");
    unit.kind = row.requiredEnum<domain::UnitKind>("kind");
    unit.parent = row.text("parent");
    unit.valid_from = row.requiredDate("valid_from");
    unit.valid_to = row.optionalDate("valid_to");
    units.push_back(std::move(unit));
  });
  if (result.problems.empty()) result.value = std::move(units);
  return result;
}

ParseResult<PeopleImport> peopleFromCsv(std::string_view text, std::string_view source_name) {
  ParseResult<PeopleImport> result;
  PeopleImport import;
  struct FirstRow {
    std::size_t person_idx;
    std::size_t line;
  };
  std::unordered_map<std::string, FirstRow> first_row_of_person;
  constexpr std::string_view kMembershipNeeds = "a membership needs unit, role and valid_from";

  CsvTable table(text, source_name, kPeopleColumns, result.problems);
  table.forEachRow([&](CsvRow& row) {
    domain::Person person;
    person.code = row.required("person");
    person.given_name = row.required("given_name");
    person.family_name = row.required("family_name");
    person.email = row.text("email");
    if (!person.code.empty()) {
      const auto emplaced =
          first_row_of_person.try_emplace(person.code, FirstRow{import.people.size(), row.line()});
      const FirstRow& first = emplaced.first->second;
      if (emplaced.second) {
        import.people.push_back(person);
      } else {
        reportConflicts(row, person, import.people[first.person_idx], first.line);
      }
    }

    const bool no_membership =
        row.text("unit").empty() && row.text("role").empty() && row.text("valid_from").empty();
    if (no_membership) {
      if (!row.text("valid_to").empty()) {
        row.report("valid_to",
                   "a valid_to without a membership (unit, role and valid_from "
                   "are empty)");
      }
      return;
    }
    domain::Membership membership;
    membership.person = person.code;
    membership.unit = row.required("unit", kMembershipNeeds);
    membership.role = row.requiredEnum<domain::Role>("role", kMembershipNeeds);
    membership.valid_from = row.requiredDate("valid_from", kMembershipNeeds);
    membership.valid_to = row.optionalDate("valid_to");
    import.memberships.push_back(std::move(membership));
  });
  if (result.problems.empty()) result.value = std::move(import);
  return result;
}

ParseResult<std::vector<std::pair<std::string, std::string>>> municipalitiesFromCsv(
    std::string_view text, std::string_view source_name) {
  ParseResult<std::vector<std::pair<std::string, std::string>>> result;
  std::vector<std::pair<std::string, std::string>> municipalities;
  std::unordered_map<std::string, std::size_t> line_of_code;
  CsvTable table(text, source_name, kMunicipalityColumns, result.problems, OtherColumns::ignored);
  table.forEachRow([&](CsvRow& row) {
    std::string code = row.required("municipality_code");
    const bool four_digits = code.size() == 4 && std::all_of(code.begin(), code.end(), [](char c) {
                               return c >= '0' && c <= '9';
                             });
    if (!code.empty() && !four_digits) {
      row.report("municipality_code",
                 inQuotes(code) + " is not an SCB municipality code; expected four digits");
    } else if (four_digits) {
      auto emplaced = line_of_code.try_emplace(code, row.line());
      if (!emplaced.second) {
        row.report("municipality_code", "municipality " + inQuotes(code) + " is already on line " +
                                            std::to_string(emplaced.first->second));
      }
    }
    municipalities.emplace_back(std::move(code), row.required("municipality_name"));
  });
  if (result.problems.empty()) result.value = std::move(municipalities);
  return result;
}

ImportKind detectImportKind(std::string_view text) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return ImportKind::unknown;
  if (text[first] == '{' || text[first] == '[') return ImportKind::organisation_json;

  // The header decides, by the columns only one of the two files has (both have valid_from
  // and valid_to), so that a header with a misspelt column is still recognised and then gets
  // its precise problem from the reader.
  Problems ignored;
  const Locator locator("");
  const auto header = CsvReader(text, locator, ignored).next();
  if (!header) return ImportKind::unknown;
  constexpr std::array<std::string_view, 4> kUnitsOnly{"code", "name", "kind", "parent"};
  constexpr std::array<std::string_view, 6> kPeopleOnly{"person", "given_name", "family_name",
                                                        "email",  "unit",       "role"};
  auto count = [&](Columns columns) {
    return std::count_if(header->fields.begin(), header->fields.end(), [&](const CsvField& field) {
      return std::find(columns.begin(), columns.end(), field.text) != columns.end();
    });
  };
  const auto units = count(kUnitsOnly);
  const auto people = count(kPeopleOnly);
  if (units > people) return ImportKind::units_csv;
  if (people > units) return ImportKind::people_csv;
  return ImportKind::unknown;
}

std::string csvRecord(const std::vector<std::string>& fields) {
  std::string record;
  for (std::size_t field_idx = 0; field_idx < fields.size(); ++field_idx) {
    const std::string& field = fields[field_idx];
    if (field_idx > 0) record += ',';
    const bool quoted = field.find_first_of(",\"\r\n") != std::string::npos ||
                        (!field.empty() && (isBlank(field.front()) || isBlank(field.back())));
    if (!quoted) {
      record += field;
      continue;
    }
    record += '"';
    for (char c : field) {
      if (c == '"') record += '"';
      record += c;
    }
    record += '"';
  }
  record += "\r\n";
  return record;
}

std::string spreadsheetText(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    return "'" + std::string(text);
  }
  return std::string(text);
}

}  // namespace styr::interchange
