#pragma once
// CSV import of the organisation tree and its people, the two lists a municipality keeps in
// its HR and organisation systems and can export to a spreadsheet. Column names and values
// are described in docs/exchange-format.md. And CSV out, for registers a controller takes
// into a spreadsheet.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/model.hpp"
#include "interchange/problem.hpp"

namespace styr::interchange {

//! Units from CSV with the columns code, name, kind, parent, valid_from, valid_to, in any
//! order. RFC 4180 CSV: quoted fields with embedded delimiters/quotes/newlines, CRLF or LF,
//! optional UTF-8 BOM, delimiter ',' or ';' (Swedish Excel writes ';': detected from the
//! header line). Problems say "<source_name> line N, column X: ...".
ParseResult<std::vector<domain::Unit>> unitsFromCsv(std::string_view text,
                                                    std::string_view source_name);

//! People and their memberships, as read from one CSV file.
struct PeopleImport {
  std::vector<domain::Person> people;  //!< in order of first appearance
  std::vector<domain::Membership> memberships;
};

//! People from CSV with one row per membership: person, given_name, family_name, email, unit,
//! role, valid_from, valid_to. A person on several rows has the same name and email on each;
//! a row with empty unit, role and valid_from is a person without a membership.
ParseResult<PeopleImport> peopleFromCsv(std::string_view text, std::string_view source_name);

//! Municipality codes and names (code, name) from a reference list with the columns
//! municipality_code (four digits) and municipality_name, such as municipality_county.csv of
//! swedish-geodata; other columns are ignored. Used to name generated municipalities.
ParseResult<std::vector<std::pair<std::string, std::string>>> municipalitiesFromCsv(
    std::string_view text, std::string_view source_name);

//! The imports a file can be.
enum class ImportKind { organisation_json, units_csv, people_csv, unknown };

//! Which import `text` is, judged from its start: a JSON object or array is the exchange
//! format; a CSV header is units or people by the columns only one of them has. Only a guess
//! at the kind: the reader then checks the file itself.
ImportKind detectImportKind(std::string_view text);

//! One record of RFC 4180 CSV, comma-separated and ending in CRLF. A field holding a comma, a
//! quote, CR or LF, or starting or ending with a blank (which readers trim), is quoted, its
//! quotes doubled.
std::string csvRecord(const std::vector<std::string>& fields);

//! Text someone wrote, safe to open in a spreadsheet: one starting with =, +, -, @, a tab or
//! CR would be run as a formula there (CSV injection), so it gets a leading apostrophe, which
//! spreadsheets read as "this is text".
std::string spreadsheetText(std::string_view text);

}  // namespace styr::interchange
