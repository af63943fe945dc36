#include "interchange/organisation_json.hpp"
#include "domain/rules.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <tuple>

#include "follow_up_sample.hpp"
#include "test_support.hpp"

namespace styr::interchange {
namespace {

using domain::Date;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using Json = nlohmann::ordered_json;
using test_support::describe;

Date day(std::string_view text) {
  return *domain::parseDate(text);
}

//! A small Lerum: council, board, chief executive's office, two sectors and a school; a
//! decided mandate programme and budget and a draft budget; items in every state, with and
//! without their optional parts. Built in export order, so parsing the export gives it back.
domain::OrganisationData sampleOrganisation() {
  domain::OrganisationData data;
  data.organisation = {"1441", "Lerums kommun", domain::OrganisationKind::municipality};
  data.terms = {{2019}, {2023}};
  data.years = {{2024, domain::YearStatus::closed},
                {2025, domain::YearStatus::active},
                {2026, domain::YearStatus::planning}};
  using domain::UnitKind;
  data.units = {
      {"KD", "Kommundirektörens kontor", UnitKind::chief_executive_office, "KS", day("2019-01-01"),
       std::nullopt},
      {"KF", "Kommunfullmäktige", UnitKind::council, "", day("1971-01-01"), std::nullopt},
      {"KS", "Kommunstyrelsen", UnitKind::executive_board, "KF", day("1971-01-01"), std::nullopt},
      {"LAR", "Sektor Lärande", UnitKind::sector, "KD", day("2019-01-01"), std::nullopt},
      {"LAR-ÅS", "Åsenskolan", UnitKind::unit, "LAR", day("2019-01-01"), day("2026-06-30")},
      {"VOO", "Sektor Vård och omsorg", UnitKind::sector, "KD", day("2019-01-01"), std::nullopt},
  };
  data.people = {
      {"P001", "Åsa", "Öberg", "asa.oberg@lerum.se"},
      {"P002", "Örjan", "Ängström", "orjan.angstrom@lerum.se"},
      {"P003", "Lars", "Ek", ""},
  };
  using domain::Role;
  data.memberships = {
      {"P001", "KS", Role::chair, day("2023-01-01"), std::nullopt},
      {"P002", "LAR", Role::head, day("2022-03-01"), day("2025-12-31")},
      {"P002", "LAR", Role::head, day("2026-01-01"), std::nullopt},
      {"P003", "LAR-ÅS", Role::employee, day("2020-08-15"), std::nullopt},
  };
  using domain::DocumentKind;
  using domain::DocumentStatus;
  data.documents = {
      {"BUD-2025",
       1,
       DocumentKind::budget,
       "Budget 2025 med plan 2026–2027",
       "Mål och ramar för 2025",
       "KF",
       DocumentStatus::decided,
       domain::Decision{day("2024-06-13"), "§ 87", "KS 2024/0412"},
       day("2025-01-01"),
       day("2025-12-31"),
       2025,
       std::nullopt,
       {{"LAR", 2025, 1'234'567'890}, {"VOO", 2025, 987'654'321}, {"LAR", 2026, 1'250'000'000}}},
      {"BUD-2026",
       1,
       DocumentKind::budget,
       "Budget 2026",
       "",
       "KF",
       DocumentStatus::draft,
       std::nullopt,
       day("2026-01-01"),
       std::nullopt,
       2026,
       std::nullopt,
       {}},
      {"VOM",
       1,
       DocumentKind::mandate_programme,
       "Vilja och mål 2023–2026",
       "",
       "KF",
       DocumentStatus::decided,
       domain::Decision{day("2023-02-16"), "§ 12", "KS 2022/1001"},
       day("2023-01-01"),
       day("2026-12-31"),
       std::nullopt,
       2023,
       {}},
  };
  using domain::Aggregation;
  using domain::Direction;
  data.indicators = {
      {"MERIT",
       "Meritvärde åk 9",
       "Genomsnittligt meritvärde",
       "poäng",
       Direction::higher_is_better,
       Aggregation::weighted_mean,
       {{2025, "", 230.5}, {2025, "LAR-ÅS", 225}}},
      {"SJUK", "Sjukfrånvaro", "", "%", Direction::lower_is_better, Aggregation::ratio_of_sums, {}},
  };
  using domain::ItemKind;
  using domain::ItemStatus;
  domain::Item goal;
  goal.code = "G1";
  goal.kind = ItemKind::goal;
  goal.document = "VOM";
  goal.issuer = "KF";
  goal.recipient_unit = "KS";
  goal.origin_document = "VOM";
  goal.title = "Fler elever når målen";
  goal.follow_up.indicators = {{"MERIT", 2025, 232.25}, {"MERIT", 2026, std::nullopt}};
  goal.status = ItemStatus::issued;
  goal.issued_on = day("2023-02-20");

  domain::Item assignment;
  assignment.code = "A1";
  assignment.kind = ItemKind::assignment;
  assignment.document = "BUD-2025";
  assignment.issuer = "KS";
  assignment.recipient_unit = "KD";
  assignment.origin = "G1";
  assignment.title = "Ta fram en plan för läsfrämjande";
  assignment.description = "Planen ska omfatta alla skolor.\nRedovisas till KS.";
  assignment.due = day("2025-11-30");
  assignment.follow_up.deliverable = "Handlingsplan";
  assignment.follow_up.deliverable_due = day("2025-10-31");
  // Not alphabetical: the order of named follow-ups is kept.
  assignment.follow_up.assessed_at = {"Årsredovisning", "Delårsrapport"};
  assignment.plan = "Arbetsgrupp med rektorerna; \"läsveckor\" varje termin.";
  assignment.status = ItemStatus::acknowledged;
  assignment.issued_on = day("2025-01-15");
  assignment.acknowledged_on = day("2025-01-20");

  domain::Item activity;
  activity.code = "A2";
  activity.kind = ItemKind::activity;
  activity.issuer = "LAR-ÅS";
  activity.recipient_person = "P003";
  activity.origin = "A1";
  activity.title = "Bokcirkel i åk 7";
  activity.status = ItemStatus::completed;
  activity.issued_on = day("2025-02-01");
  activity.acknowledged_on = day("2025-02-02");
  activity.closed_on = day("2025-06-10");
  activity.closing_note = "Genomförd med 46 elever.";

  domain::Item draft;
  draft.code = "A3";
  draft.kind = ItemKind::assignment;
  draft.title = "Utkast";
  draft.status = ItemStatus::draft;

  domain::Item cancelled;
  cancelled.code = "A4";
  cancelled.kind = ItemKind::quality_requirement;
  cancelled.issuer = "KS";
  cancelled.recipient_unit = "VOO";
  cancelled.title = "Kvalitetskrav hemtjänst";
  cancelled.follow_up.assessed_at = {"Delårsrapport"};
  cancelled.status = ItemStatus::cancelled;
  cancelled.issued_on = day("2024-03-01");
  cancelled.closed_on = day("2024-09-01");
  cancelled.closing_note = "Ersatt av nytt krav.";
  data.items = {activity, assignment, draft, cancelled, goal};
  std::sort(
      data.items.begin(), data.items.end(),
      [](const domain::Item& left, const domain::Item& right) { return left.code < right.code; });

  data.indicator_values = {
      {"MERIT", "LAR", day("2024-06-30"), 228.4, std::nullopt, std::nullopt, 312},
      {"MERIT", "LAR-ÅS", day("2024-06-30"), 0.1 + 0.2, std::nullopt, std::nullopt, 1e-7},
      {"SJUK", "LAR", day("2025-03-31"), 0.06339835728952772, 123.5, 1948.0, std::nullopt},
      {"SJUK", "LAR", day("2025-06-30"), -0.0, 0, 2012.25, std::nullopt},
  };
  test_support::FollowUpSample follow_up = test_support::followUpSample();
  data.occasions = std::move(follow_up.occasions);
  data.report_backs = std::move(follow_up.report_backs);
  return data;
}

// Field-by-field views of the records, so that equality failures name the record.
auto fields(const domain::Unit& unit) {
  return std::tie(unit.code, unit.name, unit.kind, unit.parent, unit.valid_from, unit.valid_to);
}
auto fields(const domain::Person& person) {
  return std::tie(person.code, person.given_name, person.family_name, person.email);
}
auto fields(const domain::Membership& membership) {
  return std::tie(membership.person, membership.unit, membership.role, membership.valid_from,
                  membership.valid_to);
}
auto fields(const domain::SteeringDocument& document) {
  std::optional<std::tuple<Date, std::string, std::string>> decision;
  if (document.decision) {
    decision = std::tuple(document.decision->date, document.decision->minute_paragraph,
                          document.decision->case_number);
  }
  std::vector<std::tuple<std::string, int, std::int64_t>> appropriations;
  for (const auto& entry : document.appropriations) {
    appropriations.emplace_back(entry.unit, entry.year, entry.amount_sek);
  }
  return std::tuple(document.code, document.version, document.kind, document.title,
                    document.summary, document.deciding_body, document.status, decision,
                    document.valid_from, document.valid_to, document.year, document.term,
                    appropriations);
}
auto fields(const domain::Indicator& indicator) {
  std::vector<std::tuple<int, std::string, double>> targets;
  for (const auto& target : indicator.targets) {
    targets.emplace_back(target.year, target.unit, target.value);
  }
  return std::tuple(indicator.code, indicator.name, indicator.description,
                    indicator.unit_of_measure, indicator.direction, indicator.aggregation, targets);
}
auto fields(const domain::Item& item) {
  std::vector<std::tuple<std::string, int, std::optional<double>>> links;
  for (const auto& link : item.follow_up.indicators) {
    links.emplace_back(link.indicator, link.year, link.target);
  }
  return std::tuple(item.code, item.kind, item.document, item.issuer, item.recipient_unit,
                    item.recipient_person, item.origin, item.origin_document, item.title,
                    item.description, item.due, links, item.follow_up.deliverable,
                    item.follow_up.deliverable_due, item.follow_up.assessed_at, item.plan,
                    item.status, item.issued_on, item.acknowledged_on, item.closed_on,
                    item.closing_note);
}
auto fields(const domain::IndicatorValue& value) {
  return std::tie(value.indicator, value.unit, value.period_end, value.value, value.numerator,
                  value.denominator, value.weight);
}

auto fields(const domain::FollowUpOccasion& occasion) {
  std::vector<std::pair<domain::FollowUpLevel, Date>> deadlines;
  for (const auto& deadline : occasion.deadlines) {
    deadlines.emplace_back(deadline.level, deadline.deadline);
  }
  return std::tuple(occasion.code, occasion.year, occasion.name, occasion.kind, occasion.level,
                    occasion.body, occasion.period_end, occasion.meeting, occasion.topics,
                    deadlines, occasion.status);
}
auto fields(const domain::ReportBack& report_back) {
  using Action = std::tuple<std::string, std::string, Date, domain::ActionStatus>;
  std::vector<std::tuple<std::string, std::optional<domain::Assessment>,
                         std::optional<domain::Trend>, std::string, std::vector<Action>>>
      assessments;
  for (const auto& assessment : report_back.assessments) {
    std::vector<Action> actions;
    for (const auto& action : assessment.actions) {
      actions.emplace_back(action.description, action.owner, action.due, action.status);
    }
    assessments.emplace_back(assessment.item, assessment.assessment, assessment.trend,
                             assessment.analysis, actions);
  }
  std::vector<std::pair<domain::Topic, std::string>> topics;
  for (const auto& topic : report_back.topics) topics.emplace_back(topic.topic, topic.text);
  std::vector<decltype(fields(report_back.indicator_values.front()))> values;
  for (const auto& value : report_back.indicator_values) values.push_back(fields(value));
  return std::tuple(report_back.occasion, report_back.recipient_unit, report_back.recipient_person,
                    report_back.version, report_back.status, assessments, topics, values,
                    report_back.written_by, report_back.updated_at, report_back.submitted_by,
                    report_back.submitted_at, report_back.decided_by, report_back.decided_at,
                    report_back.return_reason);
}

template <typename Record>
void expectSameRecords(const std::vector<Record>& actual, const std::vector<Record>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t record_idx = 0; record_idx < actual.size(); ++record_idx) {
    EXPECT_EQ(fields(actual[record_idx]), fields(expected[record_idx])) << "record " << record_idx;
  }
}

//! The problems of reading `document` as text.
std::vector<std::string> problemsOf(const Json& document) {
  auto result = organisationFromJson(document.dump(2));
  EXPECT_EQ(result.value.has_value(), result.problems.empty());
  return describe(result.problems);
}

//! The sample's export as a tree, to break in one place per test.
Json sampleDocument() {
  return Json::parse(organisationToJson(sampleOrganisation()));
}

TEST(OrganisationJson, RoundTripGivesTheSameBytes) {
  const std::string text = organisationToJson(sampleOrganisation());
  auto parsed = organisationFromJson(text);
  ASSERT_THAT(describe(parsed.problems), IsEmpty());
  ASSERT_TRUE(parsed.value);
  EXPECT_EQ(organisationToJson(*parsed.value), text);
}

TEST(OrganisationJson, RoundTripGivesTheSameRecords) {
  const domain::OrganisationData expected = sampleOrganisation();
  auto parsed = organisationFromJson(organisationToJson(expected));
  ASSERT_TRUE(parsed.value) << ::testing::PrintToString(describe(parsed.problems));
  const domain::OrganisationData& actual = *parsed.value;
  EXPECT_EQ(
      std::tie(actual.organisation.code, actual.organisation.name, actual.organisation.kind),
      std::tie(expected.organisation.code, expected.organisation.name, expected.organisation.kind));
  ASSERT_THAT(actual.terms, SizeIs(2));
  EXPECT_EQ(actual.terms[0].first_year, 2019);
  EXPECT_EQ(actual.terms[1].first_year, 2023);
  ASSERT_THAT(actual.years, SizeIs(3));
  for (std::size_t year_idx = 0; year_idx < actual.years.size(); ++year_idx) {
    EXPECT_EQ(actual.years[year_idx].year, expected.years[year_idx].year);
    EXPECT_EQ(actual.years[year_idx].status, expected.years[year_idx].status);
  }
  expectSameRecords(actual.units, expected.units);
  expectSameRecords(actual.people, expected.people);
  expectSameRecords(actual.memberships, expected.memberships);
  expectSameRecords(actual.documents, expected.documents);
  expectSameRecords(actual.indicators, expected.indicators);
  expectSameRecords(actual.items, expected.items);
  expectSameRecords(actual.indicator_values, expected.indicator_values);
  expectSameRecords(actual.occasions, expected.occasions);
  expectSameRecords(actual.report_backs, expected.report_backs);
  // -0.0 == 0.0, so the sign is checked on its own.
  EXPECT_TRUE(std::signbit(actual.indicator_values[3].value));
}

TEST(OrganisationJson, InputOrderDoesNotChangeTheBytes) {
  const std::string expected = organisationToJson(sampleOrganisation());
  std::mt19937 random(20251127);
  for (int attempt = 0; attempt < 5; ++attempt) {
    domain::OrganisationData data = sampleOrganisation();
    auto shuffle = [&](auto& records) { std::shuffle(records.begin(), records.end(), random); };
    shuffle(data.terms);
    shuffle(data.years);
    shuffle(data.units);
    shuffle(data.people);
    shuffle(data.memberships);
    shuffle(data.documents);
    shuffle(data.indicators);
    shuffle(data.items);
    shuffle(data.indicator_values);
    shuffle(data.occasions);
    shuffle(data.report_backs);
    for (auto& document : data.documents) shuffle(document.appropriations);
    for (auto& indicator : data.indicators) shuffle(indicator.targets);
    for (auto& item : data.items) shuffle(item.follow_up.indicators);
    for (auto& occasion : data.occasions) {
      shuffle(occasion.topics);
      shuffle(occasion.deadlines);
    }
    // Not the actions: their order is the writer's.
    for (auto& report_back : data.report_backs) {
      shuffle(report_back.assessments);
      shuffle(report_back.topics);
      shuffle(report_back.indicator_values);
    }
    EXPECT_EQ(organisationToJson(data), expected) << "attempt " << attempt;
  }
}

TEST(OrganisationJson, DuplicateKeysStillGiveOneOrder) {
  // Two items with one code are invalid (domain::validate says so), but export must still
  // not depend on the order they came in.
  domain::OrganisationData data = sampleOrganisation();
  domain::Item twin = data.items.front();
  twin.title = "En tvilling";
  data.items.push_back(twin);
  const std::string forwards = organisationToJson(data);
  std::reverse(data.items.begin(), data.items.end());
  EXPECT_EQ(organisationToJson(data), forwards);
}

TEST(OrganisationJson, WritesTheDocumentedShape) {
  domain::OrganisationData data;
  data.organisation = {"1441", "Lerums kommun", domain::OrganisationKind::municipality};
  data.units = {
      {"LAR-ÅS", "Åsenskolan", domain::UnitKind::unit, "LAR", day("2019-01-01"), std::nullopt}};
  data.indicator_values = {
      {"SJUK", "LAR", day("2025-03-31"), 0.1 + 0.2, 123.5, 1948, std::nullopt}};
  EXPECT_EQ(organisationToJson(data), R"({
  "format": "styr-organisation",
  "format_version": 1,
  "organisation": {
    "code": "1441",
    "name": "Lerums kommun",
    "kind": "municipality"
  },
  "terms": [],
  "years": [],
  "units": [
    {
      "code": "LAR-ÅS",
      "name": "Åsenskolan",
      "kind": "unit",
      "parent": "LAR",
      "valid_from": "2019-01-01",
      "valid_to": null
    }
  ],
  "people": [],
  "memberships": [],
  "documents": [],
  "indicators": [],
  "items": [],
  "indicator_values": [
    {
      "indicator": "SJUK",
      "unit": "LAR",
      "period_end": "2025-03-31",
      "value": 0.30000000000000004,
      "numerator": 123.5,
      "denominator": 1948.0,
      "weight": null
    }
  ],
  "occasions": [],
  "report_backs": []
}
)");
}

TEST(OrganisationJson, WritesOneRecordOnOneLine) {
  const domain::OrganisationData data = sampleOrganisation();
  EXPECT_EQ(recordJson(data.units[4]),
            R"({"code":"LAR-ÅS","name":"Åsenskolan","kind":"unit","parent":"LAR",)"
            R"("valid_from":"2019-01-01","valid_to":"2026-06-30"})");
  EXPECT_EQ(recordJson(data.organisation),
            R"({"code":"1441","name":"Lerums kommun","kind":"municipality"})");
  // Each record reads as the element of a full export.
  const Json document = sampleDocument();
  EXPECT_EQ(Json::parse(recordJson(data.documents[0])), document["documents"][0]);
  EXPECT_EQ(Json::parse(recordJson(data.items[0])), document["items"][0]);
  EXPECT_EQ(Json::parse(recordJson(data.memberships[1])), document["memberships"][1]);
  EXPECT_EQ(Json::parse(recordJson(data.indicators[0])), document["indicators"][0]);
  EXPECT_EQ(Json::parse(recordJson(data.indicator_values[2])), document["indicator_values"][2]);
  EXPECT_EQ(Json::parse(recordJson(data.people[0])), document["people"][0]);
  EXPECT_EQ(Json::parse(recordJson(data.terms[1])), document["terms"][1]);
  EXPECT_EQ(Json::parse(recordJson(data.years[2])), document["years"][2]);
  EXPECT_EQ(Json::parse(recordJson(data.occasions[1])), document["occasions"][1]);
  EXPECT_EQ(Json::parse(recordJson(data.report_backs[1])), document["report_backs"][1]);
}

TEST(OrganisationJson, KeepsSwedishLettersAsTheyAre) {
  const std::string text = organisationToJson(sampleOrganisation());
  EXPECT_NE(text.find("\"Åsenskolan\""), std::string::npos);
  EXPECT_NE(text.find("\"Örjan\""), std::string::npos);
  EXPECT_NE(text.find("\"Ängström\""), std::string::npos);
  EXPECT_EQ(text.find("\\u00"), std::string::npos);
  // Escaped input is read as the same letters, and written unescaped.
  auto escaped = organisationFromJson(R"({
    "format": "styr-organisation", "format_version": 1,
    "organisation": {"code": "1441", "name": "\u00c5\u00c4\u00d6 \u00e5\u00e4\u00f6",
                     "kind": "municipality"}
  })");
  ASSERT_THAT(describe(escaped.problems), IsEmpty());
  EXPECT_EQ(escaped.value->organisation.name, "ÅÄÖ åäö");
  EXPECT_NE(organisationToJson(*escaped.value).find("\"ÅÄÖ åäö\""), std::string::npos);
}

TEST(OrganisationJson, ReplacesInvalidUtf8OnWriting) {
  domain::OrganisationData data = sampleOrganisation();
  data.organisation.name = "Lerum\xE5";  // Windows-1252 'å' that slipped past an import
  const std::string text = organisationToJson(data);
  EXPECT_NE(text.find("\"Lerum\xEF\xBF\xBD\""), std::string::npos);
}

TEST(OrganisationJson, MissingOptionalFieldsAndNullsAreAbsent) {
  auto result = organisationFromJson(R"({
    "format": "styr-organisation", "format_version": 1,
    "organisation": {"code": "1441", "name": "Lerums kommun", "kind": "municipality"},
    "units": [{"code": "KF", "name": "Kommunfullmäktige", "kind": "council",
               "valid_from": "1971-01-01", "valid_to": null}],
    "documents": [{"code": "D", "version": 2, "kind": "policy", "title": "Policy",
                   "status": "draft", "valid_from": "2025-01-01", "decision": null}],
    "items": [{"code": "A", "kind": "assignment", "title": "T", "status": "draft",
               "follow_up": {"indicators": [{"indicator": "I", "year": 2025}]}}],
    "indicator_values": [{"indicator": "I", "unit": "KF", "period_end": "2025-12-31",
                          "value": 3}],
    "people": null
  })");
  ASSERT_THAT(describe(result.problems), IsEmpty());
  const domain::OrganisationData& data = *result.value;
  EXPECT_EQ(data.units.at(0).parent, "");
  EXPECT_EQ(data.units.at(0).valid_to, std::nullopt);
  EXPECT_EQ(data.documents.at(0).decision.has_value(), false);
  EXPECT_EQ(data.documents.at(0).summary, "");
  EXPECT_EQ(data.documents.at(0).year, std::nullopt);
  EXPECT_THAT(data.documents.at(0).appropriations, IsEmpty());
  EXPECT_EQ(data.items.at(0).follow_up.indicators.at(0).target, std::nullopt);
  EXPECT_EQ(data.items.at(0).recipient_unit, "");
  EXPECT_EQ(data.indicator_values.at(0).value, 3.0);
  EXPECT_EQ(data.indicator_values.at(0).weight, std::nullopt);
  EXPECT_THAT(data.people, IsEmpty());
  EXPECT_THAT(data.terms, IsEmpty());
  // Files written before the follow-up cycle have no occasions and report-backs.
  EXPECT_THAT(data.occasions, IsEmpty());
  EXPECT_THAT(data.report_backs, IsEmpty());
}

TEST(OrganisationJson, ReportsAWrongType) {
  Json document = sampleDocument();
  document["units"][1]["name"] = 12;
  document["years"][0]["year"] = "2024";
  document["documents"][0]["appropriations"][0]["amount_sek"] = 1.5;
  document["indicator_values"][0]["value"] = true;
  document["items"][0]["follow_up"]["assessed_at"] = Json::array({"Delårsrapport", 3});
  document["people"] = Json::object();
  EXPECT_THAT(problemsOf(document),
              ElementsAre("$.years[0].year: expected an integer, found the string \"2024\"",
                          "$.units[1].name: expected a string, found the number 12",
                          "$.people: expected an array, found an object",
                          "$.documents[0].appropriations[0].amount_sek: expected an integer, "
                          "found the number 1.5",
                          "$.items[0].follow_up.assessed_at[1]: expected a string, found the "
                          "number 3",
                          "$.indicator_values[0].value: expected a number, found true"));
}

TEST(OrganisationJson, ReportsARecordThatIsNotAnObject) {
  Json document = sampleDocument();
  document["units"][2] = "KS";
  document["items"][1]["follow_up"] = Json::array();
  EXPECT_THAT(problemsOf(document),
              ElementsAre("$.units[2]: expected an object, found the string \"KS\"",
                          "$.items[1].follow_up: expected an object, found an array"));
}

TEST(OrganisationJson, ReportsAnUnknownEnumNameWithTheValidNames) {
  Json document = sampleDocument();
  document["units"][3]["kind"] = "sektor";
  document["memberships"][0]["role"] = "ordförande";
  EXPECT_THAT(
      problemsOf(document),
      ElementsAre("$.units[3].kind: unknown value \"sektor\"; expected one of: council, "
                  "drafting_committee, executive_board, committee, company, "
                  "chief_executive_office, sector, unit, workplace",
                  "$.memberships[0].role: unknown value \"ordförande\"; expected one of: chair, "
                  "member, substitute, head, employee, controller, administrator"));
}

TEST(OrganisationJson, ReportsDatesThatAreNotRealDays) {
  Json document = sampleDocument();
  document["units"][0]["valid_from"] = "2025-02-30";
  document["items"][1]["due"] = "2025-1-31";
  document["documents"][0]["decision"]["date"] = "13 juni 2024";
  EXPECT_THAT(problemsOf(document),
              ElementsAre("$.units[0].valid_from: invalid date \"2025-02-30\"; expected "
                          "YYYY-MM-DD, a real calendar day",
                          "$.documents[0].decision.date: invalid date \"13 juni 2024\"; expected "
                          "YYYY-MM-DD, a real calendar day",
                          "$.items[1].due: invalid date \"2025-1-31\"; expected YYYY-MM-DD, a "
                          "real calendar day"));
}

TEST(OrganisationJson, ReportsMissingRequiredFields) {
  Json document = sampleDocument();
  document["items"][0].erase("title");
  document["items"][0].erase("status");
  document["units"][0].erase("valid_from");
  document["indicator_values"][0].erase("value");
  document["units"][1]["code"] = nullptr;
  document.erase("organisation");
  EXPECT_THAT(problemsOf(document),
              ElementsAre("$.organisation: missing required field",
                          "$.units[0].valid_from: missing required field",
                          "$.units[1].code: expected a string, found null",
                          "$.items[0].title: missing required field",
                          "$.items[0].status: missing required field",
                          "$.indicator_values[0].value: missing required field"));
}

TEST(OrganisationJson, ReportsUnknownAndRepeatedFields) {
  auto result = organisationFromJson(R"({
    "format": "styr-organisation", "format_version": 1,
    "organisation": {"code": "1441", "name": "Lerum", "kind": "municipality", "code": "1442"},
    "units": [{"code": "KF", "nmae": "Kommunfullmäktige", "name": "KF", "kind": "council",
               "valid_from": "1971-01-01"}]
  })");
  EXPECT_THAT(describe(result.problems),
              ElementsAre("$.organisation: field \"code\" appears more than once",
                          "$.units[0]: unknown field \"nmae\"; expected: code, name, kind, "
                          "parent, valid_from, valid_to"));
  EXPECT_FALSE(result.value);
}

TEST(OrganisationJson, ReportsNumbersOutOfRange) {
  Json document = sampleDocument();
  document["years"][0]["year"] = 3'000'000'000LL;
  document["documents"][0]["appropriations"][0]["amount_sek"] = 18'446'744'073'709'551'615ULL;
  document["documents"][0]["appropriations"][1]["amount_sek"] = -9'000'000'000LL;
  EXPECT_THAT(problemsOf(document),
              ElementsAre("$.years[0].year: the number 3000000000 is out of range",
                          "$.documents[0].appropriations[0].amount_sek: the number "
                          "18446744073709551615 is out of range"));
}

TEST(OrganisationJson, RejectsAnotherFormatAndStopsThere) {
  Json document = sampleDocument();
  document["format"] = "styr-budget";
  document["units"][0]["kind"] = "nonsense";
  EXPECT_THAT(problemsOf(document),
              ElementsAre("$.format: unknown format \"styr-budget\"; expected "
                          "\"styr-organisation\""));
}

TEST(OrganisationJson, RejectsAnotherFormatVersion) {
  Json document = sampleDocument();
  document["format_version"] = 2;
  EXPECT_THAT(problemsOf(document),
              ElementsAre("$.format_version: unsupported version 2; this version of Styr reads "
                          "version 1"));
  document["format_version"] = "1";
  EXPECT_THAT(problemsOf(document),
              ElementsAre("$.format_version: expected an integer, found the string \"1\""));
}

TEST(OrganisationJson, ReportsAMissingFormatAndGoesOn) {
  Json document = sampleDocument();
  document.erase("format");
  document.erase("format_version");
  document["units"][0]["kind"] = "board";
  EXPECT_THAT(
      problemsOf(document),
      ElementsAre("$.format: missing required field", "$.format_version: missing required field",
                  ::testing::StartsWith("$.units[0].kind: unknown value \"board\"")));
}

TEST(OrganisationJson, ReportsAnythingButAnObjectAtTheTop) {
  EXPECT_THAT(describe(organisationFromJson("[1, 2]").problems),
              ElementsAre("$: expected an object, found an array"));
}

TEST(OrganisationJson, ReportsMalformedJsonWithItsPosition) {
  auto result = organisationFromJson("{\n  \"format\": \"styr-organisation\",\n  \"units\": [}\n");
  EXPECT_THAT(describe(result.problems),
              ElementsAre("line 3, column 13: malformed JSON: syntax error while parsing value "
                          "- unexpected '}'; expected '[', '{', or a literal"));
  EXPECT_FALSE(result.value);
}

TEST(OrganisationJson, CountsColumnsInCharacters) {
  // "Å" is two bytes but one column in an editor.
  auto result = organisationFromJson("{\"Åäö\": tru}");
  ASSERT_THAT(result.problems, SizeIs(1));
  EXPECT_EQ(result.problems[0].where, "line 1, column 12");
}

TEST(OrganisationJson, ShortensTheQuotedTokenOfAnUnclosedString) {
  auto result = organisationFromJson("{\"name\": \"" + std::string(10'000, 'x'));
  ASSERT_THAT(result.problems, SizeIs(1));
  EXPECT_EQ(result.problems[0].message,
            "malformed JSON: syntax error while parsing value - invalid string: missing closing "
            "quote; last read: '\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'");
}

TEST(OrganisationJson, ReportsEmptyInputAsMalformed) {
  EXPECT_THAT(describe(organisationFromJson("").problems),
              ElementsAre("line 1, column 1: malformed JSON: syntax error while parsing value - "
                          "unexpected end of input; expected '[', '{', or a literal"));
}

TEST(OrganisationJson, ReportsInvalidUtf8AndGoesOn) {
  // Windows-1252 "Lärande" and "Vård" in a file saved by the wrong editor setting.
  const std::string text =
      "{\"format\": \"styr-organisation\", \"format_version\": 1,\n"
      " \"organisation\": {\"code\": \"1441\", \"name\": \"Lerum\", \"kind\": \"municipality\"},\n"
      " \"units\": [{\"code\": \"LAR\", \"name\": \"L\xE4rande\", \"kind\": \"sector\",\n"
      "            \"valid_from\": \"2019-01-01\"},\n"
      "           {\"code\": \"VOO\", \"name\": \"V\xE5rd\", \"kind\": \"sektor\",\n"
      "            \"valid_from\": \"2019-01-01\"}]}\n";
  EXPECT_THAT(describe(organisationFromJson(text).problems),
              ElementsAre("line 3, column 38: invalid UTF-8 (byte 0xE4); save the file as UTF-8",
                          "line 5, column 38: invalid UTF-8 (byte 0xE5); save the file as UTF-8",
                          ::testing::StartsWith("$.units[1].kind: unknown value \"sektor\"")));
}

TEST(OrganisationJson, ListsEveryProblemInOneFile) {
  Json document = sampleDocument();
  document["organisation"]["kind"] = "kommun";
  document["terms"][0]["first_year"] = 2019.0;
  document["units"][0]["valid_to"] = "2025-13-01";
  document["people"][1].erase("family_name");
  document["memberships"][2]["role"] = "boss";
  document["documents"][1]["status"] = "beslutad";
  document["indicators"][0]["targets"][1]["value"] = "225";
  document["items"][2]["kind"] = "uppdrag";
  document["items"][3]["closed_on"] = "2025-02-29";
  document["indicator_values"][2]["numerator"] = "123.5";
  document["occasions"][0]["deadlines"][1]["deadline"] = "2025-09-31";
  document["report_backs"][1]["assessments"][0]["actions"][2]["status"] = "klar";
  auto result = organisationFromJson(document.dump(2));
  EXPECT_FALSE(result.value);
  EXPECT_THAT(result.problems, SizeIs(12));
  std::vector<std::string> wheres;
  for (const Problem& problem : result.problems) wheres.push_back(problem.where);
  EXPECT_THAT(
      wheres,
      ElementsAre("$.organisation.kind", "$.terms[0].first_year", "$.units[0].valid_to",
                  "$.people[1].family_name", "$.memberships[2].role", "$.documents[1].status",
                  "$.indicators[0].targets[1].value", "$.items[2].kind", "$.items[3].closed_on",
                  "$.indicator_values[2].numerator", "$.occasions[0].deadlines[1].deadline",
                  "$.report_backs[1].assessments[0].actions[2].status"));
}

TEST(OrganisationJson, TheDocumentedExampleIsWhatTheCodeWrites) {
  // The example must be exactly what the code writes.
  const std::string example = test_support::documentedExample("## Example", "```json\n");
  ASSERT_FALSE(example.empty());
  auto parsed = organisationFromJson(example);
  ASSERT_THAT(describe(parsed.problems), IsEmpty());
  EXPECT_EQ(organisationToJson(*parsed.value), example);
  // And it is an example to follow: it breaks no rule.
  EXPECT_TRUE(styr::domain::validate(*parsed.value).empty());
}

//! Lerum's size: about 150 units, 2,500 people, 3,000 items, 20,000 indicator values, and a
//! year of tertial report-backs from every unit (450, with 3 assessments each).
domain::OrganisationData lerumSizedOrganisation() {
  domain::OrganisationData data = sampleOrganisation();
  for (int unit_idx = 0; unit_idx < 150; ++unit_idx) {
    data.units.push_back({"E" + std::to_string(unit_idx), "Enhet nr " + std::to_string(unit_idx),
                          domain::UnitKind::unit, "LAR", day("2019-01-01"), std::nullopt});
  }
  for (int person_idx = 0; person_idx < 2'500; ++person_idx) {
    const std::string code = "Q" + std::to_string(person_idx);
    data.people.push_back(
        {code, "Förnamn", "Efternamn " + std::to_string(person_idx), code + "@lerum.se"});
    data.memberships.push_back({code, "E" + std::to_string(person_idx % 150),
                                domain::Role::employee, day("2020-01-01"), std::nullopt});
  }
  for (int item_idx = 0; item_idx < 3'000; ++item_idx) {
    domain::Item item = data.items[static_cast<std::size_t>(item_idx) % 5];
    item.code = "U" + std::to_string(item_idx);
    item.recipient_unit = "E" + std::to_string(item_idx % 150);
    data.items.push_back(item);
  }
  for (int value_idx = 0; value_idx < 20'000; ++value_idx) {
    data.indicator_values.push_back({"SJUK", "E" + std::to_string(value_idx % 150),
                                     domain::addDays(day("2020-01-31"), value_idx / 150 * 30),
                                     value_idx / 7.0, value_idx * 1.5, 1000.0 + value_idx,
                                     std::nullopt});
  }
  const domain::FollowUpOccasion pattern = data.occasions.at(1);
  const domain::ReportBack filled = data.report_backs.at(1);
  for (unsigned month = 4; month <= 12; month += 4) {
    domain::FollowUpOccasion occasion = pattern;
    occasion.code = "2024-T" + std::to_string(month / 4);
    occasion.kind = domain::OccasionKind::tertial;
    occasion.year = 2024;
    occasion.period_end = std::chrono::year{2024} / std::chrono::month{month} / std::chrono::last;
    occasion.meeting = domain::addDays(occasion.period_end, 20);
    data.occasions.push_back(occasion);
    for (int unit_idx = 0; unit_idx < 150; ++unit_idx) {
      domain::ReportBack report_back = filled;
      report_back.occasion = occasion.code;
      report_back.recipient_unit = "E" + std::to_string(unit_idx);
      report_back.assessments.clear();
      for (int item_idx = unit_idx; item_idx < 3'000 && report_back.assessments.size() < 3;
           item_idx += 150) {
        domain::ItemAssessment assessment = filled.assessments.front();
        assessment.item = "U" + std::to_string(item_idx);
        report_back.assessments.push_back(assessment);
      }
      for (auto& value : report_back.indicator_values) value.period_end = occasion.period_end;
      data.report_backs.push_back(report_back);
    }
  }
  return data;
}

TEST(OrganisationJson, RoundTripsALerumSizedOrganisation) {
  const std::string text = organisationToJson(lerumSizedOrganisation());
  auto parsed = organisationFromJson(text);
  ASSERT_THAT(parsed.problems, IsEmpty());
  EXPECT_EQ(parsed.value->indicator_values.size(), 20'004u);
  EXPECT_EQ(parsed.value->report_backs.size(), 454u);
  EXPECT_EQ(organisationToJson(*parsed.value), text);
}

}  // namespace
}  // namespace styr::interchange
