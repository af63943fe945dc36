#include "interchange/csv.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_support.hpp"

namespace styr::interchange {
namespace {

using domain::Date;
using test_support::describe;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::StartsWith;

Date day(std::string_view text) {
  return *domain::parseDate(text);
}

std::vector<std::string> unitProblems(std::string_view text) {
  auto result = unitsFromCsv(text, "units.csv");
  EXPECT_EQ(result.value.has_value(), result.problems.empty());
  return describe(result.problems);
}

std::vector<std::string> peopleProblems(std::string_view text) {
  auto result = peopleFromCsv(text, "people.csv");
  EXPECT_EQ(result.value.has_value(), result.problems.empty());
  return describe(result.problems);
}

auto fields(const domain::Unit& unit) {
  return std::tie(unit.code, unit.name, unit.kind, unit.parent, unit.valid_from, unit.valid_to);
}

std::vector<domain::Unit> readUnits(std::string_view text) {
  auto result = unitsFromCsv(text, "units.csv");
  EXPECT_THAT(describe(result.problems), IsEmpty());
  return result.value.value_or(std::vector<domain::Unit>{});
}

//! The units header, for tests that add rows to it.
std::string unitsHeader() {
  return "code,name,kind,parent,valid_from,valid_to\n";
}

TEST(UnitsCsv, ReadsUnits) {
  const auto units = readUnits(unitsHeader() +
                               "KF,Kommunfullmäktige,council,,1971-01-01,\n"
                               "LAR-ÅS,Åsenskolan,unit,LAR,2019-01-01,2026-06-30\n");
  ASSERT_THAT(units, SizeIs(2));
  EXPECT_EQ(fields(units[0]),
            fields(domain::Unit{"KF", "Kommunfullmäktige", domain::UnitKind::council, "",
                                day("1971-01-01"), std::nullopt}));
  EXPECT_EQ(fields(units[1]), fields(domain::Unit{"LAR-ÅS", "Åsenskolan", domain::UnitKind::unit,
                                                  "LAR", day("2019-01-01"), day("2026-06-30")}));
}

TEST(UnitsCsv, ReadsWhatSwedishExcelWrites) {
  // Semicolons, a byte order mark, CRLF, quotes around a name, an empty trailing row.
  const auto units = readUnits(
      "\xEF\xBB\xBF"
      "code;name;kind;parent;valid_from;valid_to\r\n"
      "VOO;\"Vård och omsorg, sektor\";sector;KD;2019-01-01;\r\n"
      ";;;;;\r\n");
  ASSERT_THAT(units, SizeIs(1));
  EXPECT_EQ(units[0].code, "VOO");
  EXPECT_EQ(units[0].name, "Vård och omsorg, sektor");
  EXPECT_EQ(units[0].valid_to, std::nullopt);
}

TEST(UnitsCsv, ReadsQuotedFieldsWithQuotesDelimitersAndLineBreaks) {
  const auto units = readUnits(unitsHeader() +
                               "A,\"Skolan \"\"Solen\"\", Lerum\",unit,,2019-01-01,\n"
                               "B,\"Två\r\nrader\",unit,,2019-01-01,\n"
                               "C,  \"  kvar  \"  ,unit,,2019-01-01,\n"
                               "D,12\" rör,unit,,2019-01-01,\n");
  ASSERT_THAT(units, SizeIs(4));
  EXPECT_EQ(units[0].name, "Skolan \"Solen\", Lerum");
  EXPECT_EQ(units[1].name, "Två\r\nrader");
  EXPECT_EQ(units[2].name, "  kvar  ");
  EXPECT_EQ(units[3].name, "12\" rör");
}

TEST(UnitsCsv, TrimsUnquotedFieldsAndSkipsBlankLines) {
  const auto units = readUnits(
      " code , name,kind ,parent,valid_from,valid_to\n\n"
      "  KS\t, Kommunstyrelsen ,executive_board, KF ,1971-01-01 ,  \n\n");
  ASSERT_THAT(units, SizeIs(1));
  EXPECT_EQ(fields(units[0]),
            fields(domain::Unit{"KS", "Kommunstyrelsen", domain::UnitKind::executive_board, "KF",
                                day("1971-01-01"), std::nullopt}));
}

TEST(UnitsCsv, TakesColumnsInAnyOrder) {
  const auto units = readUnits(
      "valid_to,kind,name,parent,code,valid_from\n"
      ",sector,Lärande,KD,LAR,2019-01-01");
  ASSERT_THAT(units, SizeIs(1));
  EXPECT_EQ(fields(units[0]), fields(domain::Unit{"LAR", "Lärande", domain::UnitKind::sector, "KD",
                                                  day("2019-01-01"), std::nullopt}));
}

TEST(UnitsCsv, DetectsTheDelimiterFromTheHeaderOnly) {
  // Commas in the names do not outvote the header's semicolons.
  const auto units = readUnits(
      "code;name;kind;parent;valid_from;valid_to\n"
      "A;a, b, c, d, e, f, g;unit;;2019-01-01;\n");
  ASSERT_THAT(units, SizeIs(1));
  EXPECT_EQ(units[0].name, "a, b, c, d, e, f, g");
}

TEST(UnitsCsv, ReportsUnknownMissingAndRepeatedColumns) {
  EXPECT_THAT(unitProblems("kod,name,kind,name,valid_from,,valid_to\n"
                           "KF,Kommunfullmäktige,council,KF,1971-01-01,,\n"),
              ElementsAre("units.csv line 1, column kod: unknown column \"kod\"; expected the "
                          "columns code, name, kind, parent, valid_from, valid_to",
                          "units.csv line 1, column name: column appears more than once",
                          "units.csv line 1, column 6: empty column name; expected the columns "
                          "code, name, kind, parent, valid_from, valid_to",
                          "units.csv line 1: missing column \"code\"",
                          "units.csv line 1: missing column \"parent\""));
}

TEST(UnitsCsv, ReadsRowsDespiteAnExtraColumn) {
  EXPECT_THAT(unitProblems("code,name,kind,parent,valid_from,valid_to,note\n"
                           "KF,Kommunfullmäktige,rådet,,1971-01-01,,x\n"),
              ElementsAre(StartsWith("units.csv line 1, column note: unknown column \"note\""),
                          StartsWith("units.csv line 2, column kind: unknown value \"rådet\"")));
}

TEST(UnitsCsv, ReportsBadValuesWithLineAndColumn) {
  EXPECT_THAT(
      unitProblems(unitsHeader() + "KF,Kommunfullmäktige,council,,1971-01-01,\n"
                                   "LAR,,sektor,KD,2019-02-30,2019-1-1\n"
                                   ",Utan kod,unit,LAR,,\n"),
      ElementsAre("units.csv line 3, column name: required value is empty",
                  "units.csv line 3, column kind: unknown value \"sektor\"; expected one of: "
                  "council, drafting_committee, executive_board, committee, company, "
                  "chief_executive_office, sector, unit, workplace",
                  "units.csv line 3, column valid_from: invalid date \"2019-02-30\"; expected "
                  "YYYY-MM-DD, a real calendar day",
                  "units.csv line 3, column valid_to: invalid date \"2019-1-1\"; expected "
                  "YYYY-MM-DD, a real calendar day",
                  "units.csv line 4, column code: required value is empty",
                  "units.csv line 4, column valid_from: required value is empty"));
}

TEST(UnitsCsv, CountsPhysicalLinesPastQuotedLineBreaks) {
  EXPECT_THAT(unitProblems(unitsHeader() + "A,\"Tre\nrader\nlång\",unit,,2019-01-01,\n"
                                           "B,Enhet,enhet,,2019-01-01,\n"),
              ElementsAre(StartsWith("units.csv line 5, column kind: unknown value \"enhet\"")));
  // A field after the line break is on the line it starts on.
  EXPECT_THAT(unitProblems(unitsHeader() + "A,\"Två\nrader\",enhet,,2019-01-01,\n"),
              ElementsAre(StartsWith("units.csv line 3, column kind:")));
}

TEST(UnitsCsv, ReportsRowsWithTheWrongNumberOfFields) {
  EXPECT_THAT(unitProblems(unitsHeader() + "KF,Kommunfullmäktige,council,,1971-01-01\n"
                                           "KS,Kommunstyrelsen,executive_board,KF,1971-01-01,,\n"),
              ElementsAre("units.csv line 2: expected 6 fields as in the header, found 5",
                          "units.csv line 3: expected 6 fields as in the header, found 7"));
}

TEST(UnitsCsv, ReportsAnUnclosedQuote) {
  EXPECT_THAT(unitProblems(unitsHeader() + "KF,Kommunfullmäktige,council,,1971-01-01,\n"
                                           "KS,\"Kommunstyrelsen,executive_board,KF,1971-01-01,\n"
                                           "LAR,Lärande,sector,KS,2019-01-01,\n"),
              ElementsAre("units.csv line 3: a quoted field starts on this line but its closing "
                          "quote is missing",
                          "units.csv line 3: expected 6 fields as in the header, found 2"));
}

TEST(UnitsCsv, ReportsTextAfterAClosingQuote) {
  EXPECT_THAT(unitProblems(unitsHeader() + "KS,\"Kommun\"styrelsen,executive_board,,1971-01-01,\n"),
              ElementsAre("units.csv line 2: unexpected text after the closing quote of a field; "
                          "a quote inside a quoted field is written as two quotes (\"\")"));
}

TEST(UnitsCsv, ReportsARepeatedCode) {
  EXPECT_THAT(unitProblems(unitsHeader() + "LAR,Lärande,sector,KS,2019-01-01,\n"
                                           "VOO,Vård och omsorg,sector,KS,2019-01-01,\n"
                                           "LAR,Lärande igen,sector,KS,2019-01-01,\n"),
              ElementsAre("units.csv line 4, column code: unit \"LAR\" is already on line 2"));
}

TEST(UnitsCsv, ReportsAnEmptyFile) {
  const std::string expected =
      "units.csv line 1: the file is empty; expected a header line with the columns code, name, "
      "kind, parent, valid_from, valid_to";
  EXPECT_THAT(unitProblems(""), ElementsAre(expected));
  EXPECT_THAT(unitProblems("\xEF\xBB\xBF\r\n  \r\n"), ElementsAre(expected));
}

TEST(UnitsCsv, AcceptsAHeaderWithoutRows) {
  EXPECT_THAT(readUnits(unitsHeader()), IsEmpty());
}

TEST(UnitsCsv, ReportsInvalidUtf8ByLine) {
  // Excel's plain "CSV" in Windows-1252: ä is 0xE4, å is 0xE5.
  EXPECT_THAT(unitProblems(unitsHeader() + "KF,Kommunfullm\xE4ktige,council,,1971-01-01,\n"
                                           "KS,Kommunstyrelsen,executive_board,KF,1971-01-01,\n"
                                           "VOO,V\xE5rd och omsorg,sector,KS,2019-01-01,\n"),
              ElementsAre("units.csv line 2: invalid UTF-8 at character 15 (byte 0xE4); save the "
                          "file as UTF-8",
                          "units.csv line 4: invalid UTF-8 at character 6 (byte 0xE5); save the "
                          "file as UTF-8"));
}

TEST(UnitsCsv, LeavesOutTheSourceNameWhenThereIsNone) {
  auto result = unitsFromCsv(unitsHeader() + "KF,,council,,1971-01-01,\n", "");
  EXPECT_THAT(describe(result.problems),
              ElementsAre("line 2, column name: required value is empty"));
}

//! The people header, for tests that add rows to it.
std::string peopleHeader() {
  return "person,given_name,family_name,email,unit,role,valid_from,valid_to\n";
}

TEST(PeopleCsv, ReadsPeopleWithAndWithoutMemberships) {
  auto result =
      peopleFromCsv(peopleHeader() +
                        "P001,Åsa,Öberg,asa.oberg@lerum.se,LAR,head,2022-03-01,2026-12-31\n"
                        "P002,Lars,Ek,,,,,\n"
                        "P001,Åsa,Öberg,asa.oberg@lerum.se,KS,member,2023-01-01,\n",
                    "people.csv");
  ASSERT_THAT(describe(result.problems), IsEmpty());
  const PeopleImport& import = *result.value;
  ASSERT_THAT(import.people, SizeIs(2));
  EXPECT_EQ(std::tie(import.people[0].code, import.people[0].given_name,
                     import.people[0].family_name, import.people[0].email),
            std::make_tuple("P001", "Åsa", "Öberg", "asa.oberg@lerum.se"));
  EXPECT_EQ(std::tie(import.people[1].code, import.people[1].given_name,
                     import.people[1].family_name, import.people[1].email),
            std::make_tuple("P002", "Lars", "Ek", ""));
  ASSERT_THAT(import.memberships, SizeIs(2));
  EXPECT_EQ(
      std::tie(import.memberships[0].person, import.memberships[0].unit, import.memberships[0].role,
               import.memberships[0].valid_from, import.memberships[0].valid_to),
      std::make_tuple("P001", "LAR", domain::Role::head, day("2022-03-01"),
                      std::optional(day("2026-12-31"))));
  EXPECT_EQ(
      std::tie(import.memberships[1].person, import.memberships[1].unit, import.memberships[1].role,
               import.memberships[1].valid_from, import.memberships[1].valid_to),
      std::make_tuple("P001", "KS", domain::Role::member, day("2023-01-01"),
                      std::optional<Date>()));
}

TEST(PeopleCsv, ReportsConflictingRowsNamingBothLines) {
  EXPECT_THAT(
      peopleProblems(peopleHeader() + "P001,Åsa,Öberg,asa.oberg@lerum.se,LAR,head,2022-03-01,\n"
                                      "P002,Lars,Ek,,,,,\n"
                                      "P001,Åsa,Öberg-Ek,asa@lerum.se,KS,member,2023-01-01,\n"
                                      "P002,Lars,Ek,,KS,member,2023-01-01,\n"),
      ElementsAre("people.csv line 4, column family_name: person \"P001\" has "
                  "family_name \"Öberg-Ek\" here but \"Öberg\" on line 2",
                  "people.csv line 4, column email: person \"P001\" has email "
                  "\"asa@lerum.se\" here but \"asa.oberg@lerum.se\" on line 2"));
}

TEST(PeopleCsv, ReportsBadRolesDatesAndPartialMemberships) {
  EXPECT_THAT(
      peopleProblems(peopleHeader() + "P001,Åsa,Öberg,,LAR,chef,2022-02-30,\n"
                                      "P002,Lars,Ek,,KS,,,\n"
                                      "P003,,Ek,,,,,2025-01-01\n"),
      ElementsAre("people.csv line 2, column role: unknown value \"chef\"; expected one of: "
                  "chair, member, substitute, head, employee, controller, administrator",
                  "people.csv line 2, column valid_from: invalid date \"2022-02-30\"; expected "
                  "YYYY-MM-DD, a real calendar day",
                  "people.csv line 3, column role: required value is empty (a membership needs "
                  "unit, role and valid_from)",
                  "people.csv line 3, column valid_from: required value is empty (a membership "
                  "needs unit, role and valid_from)",
                  "people.csv line 4, column given_name: required value is empty",
                  "people.csv line 4, column valid_to: a valid_to without a membership (unit, "
                  "role and valid_from are empty)"));
}

TEST(PeopleCsv, ReportsMissingColumns) {
  EXPECT_THAT(peopleProblems("person;given_name;family_name;unit;role;valid_from\n"
                             "P001;Åsa;Öberg;LAR;head;2022-03-01\n"),
              ElementsAre("people.csv line 1: missing column \"email\"",
                          "people.csv line 1: missing column \"valid_to\""));
}

TEST(PeopleCsv, ReportsAnEmptyFileAndInvalidUtf8) {
  EXPECT_THAT(peopleProblems(""),
              ElementsAre("people.csv line 1: the file is empty; expected a header line with the "
                          "columns person, given_name, family_name, email, unit, role, "
                          "valid_from, valid_to"));
  EXPECT_THAT(peopleProblems(peopleHeader() + "P001,\xC5sa,\xD6"
                                              "berg,,,,,\n"),
              ElementsAre("people.csv line 2: invalid UTF-8 at character 6 (byte 0xC5); save the "
                          "file as UTF-8"));
}

TEST(MunicipalitiesCsv, ReadsTheSharedReferenceList) {
  std::ifstream file(std::string(STYR_SHARED_DATA) + "/municipalities/municipality_county.csv");
  ASSERT_TRUE(file) << "the shared municipality list is missing";
  std::stringstream contents;
  contents << file.rdbuf();
  auto result = municipalitiesFromCsv(contents.str(), "municipality_county.csv");
  ASSERT_THAT(describe(result.problems), IsEmpty());
  ASSERT_THAT(*result.value, SizeIs(290));
  EXPECT_EQ(result.value->front(),
            std::make_pair(std::string("0114"), std::string("Upplands Väsby kommun")));
  EXPECT_THAT(*result.value, ::testing::Contains(std::make_pair(std::string("1441"),
                                                                std::string("Lerums kommun"))));
}

TEST(MunicipalitiesCsv, ReportsBadCodesAndMissingColumns) {
  EXPECT_THAT(describe(municipalitiesFromCsv("municipality_code,municipality_name,county_code\n"
                                             "1441,Lerums kommun,14\n"
                                             "144,Alingsås kommun,14\n"
                                             "1441,Lerum igen,14\n"
                                             "1480,,14\n",
                                             "names.csv")
                           .problems),
              ElementsAre("names.csv line 3, column municipality_code: \"144\" is not an SCB "
                          "municipality code; expected four digits",
                          "names.csv line 4, column municipality_code: municipality \"1441\" is "
                          "already on line 2",
                          "names.csv line 5, column municipality_name: required value is empty"));
  EXPECT_THAT(
      describe(municipalitiesFromCsv("code,name\n1441,Lerums kommun\n", "names.csv").problems),
      ElementsAre("names.csv line 1: missing column \"municipality_code\"",
                  "names.csv line 1: missing column \"municipality_name\""));
}

TEST(ImportKind, TellsTheFilesApart) {
  EXPECT_EQ(detectImportKind("\xEF\xBB\xBF\n  {\"format\": \"styr-organisation\"}"),
            ImportKind::organisation_json);
  EXPECT_EQ(detectImportKind("[]"), ImportKind::organisation_json);
  EXPECT_EQ(detectImportKind(unitsHeader() + "KF,Kommunfullmäktige,council,,1971-01-01,\n"),
            ImportKind::units_csv);
  EXPECT_EQ(detectImportKind("\xEF\xBB\xBF\"code\";\"name\";kind;parent;valid_from;valid_to\r\n"),
            ImportKind::units_csv);
  EXPECT_EQ(detectImportKind(peopleHeader()), ImportKind::people_csv);
  EXPECT_EQ(detectImportKind("person;given_name;family_name;email;unit;role;valid_from;valid_to"),
            ImportKind::people_csv);
}

TEST(ImportKind, RecognisesAHeaderWithAMisspeltColumn) {
  // So that the reader, not the guess, tells the user which column is wrong.
  EXPECT_EQ(detectImportKind("kod,name,kind,parent,valid_from,valid_to\n"), ImportKind::units_csv);
  EXPECT_EQ(detectImportKind("person,givenname,family_name,email,unit,role,valid_from,valid_to\n"),
            ImportKind::people_csv);
}

TEST(ImportKind, SaysUnknownForAnythingElse) {
  EXPECT_EQ(detectImportKind(""), ImportKind::unknown);
  EXPECT_EQ(detectImportKind(" \r\n\t"), ImportKind::unknown);
  EXPECT_EQ(detectImportKind("#FLAGGA 0\n#FORMAT PC8\n"), ImportKind::unknown);
  EXPECT_EQ(detectImportKind("municipality_code,municipality_name\n"), ImportKind::unknown);
  EXPECT_EQ(detectImportKind("valid_from,valid_to\n"), ImportKind::unknown);
}

TEST(Csv, TheDocumentedExamplesRead) {
  const std::string units = test_support::documentedExample("### units.csv", "```\n");
  ASSERT_FALSE(units.empty());
  EXPECT_THAT(readUnits(units), SizeIs(3));
  const std::string people = test_support::documentedExample("### people.csv", "```\n");
  ASSERT_FALSE(people.empty());
  auto result = peopleFromCsv(people, "people.csv");
  ASSERT_THAT(describe(result.problems), IsEmpty());
  EXPECT_THAT(result.value->people, SizeIs(2));
  EXPECT_THAT(result.value->memberships, SizeIs(2));
}

TEST(CsvRecord, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csvRecord({"AVV-2025-0001", "Åsenskolan", "3", ""}), "AVV-2025-0001,Åsenskolan,3,\r\n");
  EXPECT_EQ(csvRecord({"Skolan \"Solen\", Lerum", "två\nrader", " kant", "x"}),
            "\"Skolan \"\"Solen\"\", Lerum\",\"två\nrader\",\" kant\",x\r\n");
  EXPECT_EQ(csvRecord({}), "\r\n");
}

TEST(CsvRecord, WhatItWritesReadsBackUnchanged) {
  const std::vector<std::string> names{"Skolan \"Solen\", Lerum", "Två\r\nrader", "  kvar  ",
                                       "Åsen;skolan", "12\" rör"};
  std::string text = csvRecord({"code", "name", "kind", "parent", "valid_from", "valid_to"});
  for (std::size_t i = 0; i < names.size(); ++i) {
    text += csvRecord({"U" + std::to_string(i), names[i], "unit", "", "2019-01-01", ""});
  }
  const auto units = readUnits(text);
  ASSERT_THAT(units, SizeIs(names.size()));
  for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(units[i].name, names[i]);
}

TEST(SpreadsheetText, DefusesWhatASpreadsheetWouldRunAsAFormula) {
  EXPECT_EQ(spreadsheetText("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(spreadsheetText("+46 31 00 00"), "'+46 31 00 00");
  EXPECT_EQ(spreadsheetText("-2 Mkr"), "'-2 Mkr");
  EXPECT_EQ(spreadsheetText("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(spreadsheetText("\t=1"), "'\t=1");
  EXPECT_EQ(spreadsheetText("Vattenläcka i kök, 2 = två"), "Vattenläcka i kök, 2 = två");
  EXPECT_EQ(spreadsheetText(""), "");
}

}  // namespace
}  // namespace styr::interchange
