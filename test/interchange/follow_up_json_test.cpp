// The follow-up cycle's records in the exchange format: occasions of the follow-up plan and
// report-back versions, written and read back, every problem reported at its JSON path, and
// the readers of the request bodies the API takes them from.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "follow_up_sample.hpp"
#include "interchange/organisation_json.hpp"
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

//! The sample's occasions and report-backs with the records they refer to, just enough to
//! make an export.
domain::OrganisationData followUpOrganisation() {
  domain::OrganisationData data;
  data.organisation = {"1441", "Lerums kommun", domain::OrganisationKind::municipality};
  test_support::FollowUpSample sample = test_support::followUpSample();
  data.occasions = std::move(sample.occasions);
  data.report_backs = std::move(sample.report_backs);
  return data;
}

Json followUpDocument() {
  return Json::parse(organisationToJson(followUpOrganisation()));
}

std::vector<std::string> problemsOf(const Json& document) {
  auto result = organisationFromJson(document.dump(2));
  EXPECT_EQ(result.value.has_value(), result.problems.empty());
  return describe(result.problems);
}

TEST(FollowUpJson, WritesAnOccasionAsDocumented) {
  const domain::OrganisationData data = followUpOrganisation();
  // The revision (4 in the sample) is the store's, not the format's.
  EXPECT_EQ(recordJson(data.occasions[0]),
            R"({"code":"2025-DELAR","year":2025,"name":"Delårsrapport januari–augusti",)"
            R"("kind":"interim_report","level":"council","body":"KF","period_end":"2025-08-31",)"
            R"("meeting":"2025-10-23","topics":["finances","operations","quality_goals"],)"
            R"("deadlines":[{"level":"unit","deadline":"2025-09-12"},)"
            R"({"level":"sector","deadline":"2025-09-19"},)"
            R"({"level":"chief_executive","deadline":"2025-09-26"},)"
            R"({"level":"executive_board","deadline":"2025-10-08"}],"status":"open"})");
}

TEST(FollowUpJson, WritesAReportBackAsDocumented) {
  const domain::OrganisationData data = followUpOrganisation();
  EXPECT_EQ(recordJson(data.report_backs[2]),
            R"({"occasion":"2025-DELAR","recipient_unit":"LAR","recipient_person":"",)"
            R"("version":2,"status":"draft","assessments":[{"item":"A1","assessment":null,)"
            R"("trend":null,"analysis":"","actions":[]}],"topics":[],"indicator_values":[],)"
            R"("written_by":"P002","updated_at":"2025-09-23T09:00:00.000000Z",)"
            R"("submitted_by":"","submitted_at":"","decided_by":"","decided_at":"",)"
            R"("return_reason":""})");
  EXPECT_EQ(recordJson(data.report_backs[3]),
            R"({"occasion":"2025-KS-03","recipient_unit":"VOO","recipient_person":"",)"
            R"("version":1,"status":"approved","assessments":[{"item":"A4",)"
            R"("assessment":"cannot_be_assessed","trend":"unchanged",)"
            R"("analysis":"Kravet ersattes under året.","actions":[]}],)"
            R"("topics":[{"topic":"finances","text":"Budget i balans."},)"
            R"({"topic":"staff","text":""}],"indicator_values":[],"written_by":"P001",)"
            R"("updated_at":"2025-04-06T15:00:00.000000Z","submitted_by":"P001",)"
            R"("submitted_at":"2025-04-06T15:10:00.000000Z","decided_by":"P002",)"
            R"("decided_at":"2025-04-08T10:00:00.000000Z","return_reason":""})");
}

TEST(FollowUpJson, TheArraysComeAfterTheIndicatorValues) {
  const Json document = followUpDocument();
  std::vector<std::string> keys;
  for (const auto& [key, value] : document.items()) keys.push_back(key);
  EXPECT_THAT(keys, ElementsAre("format", "format_version", "organisation", "terms", "years",
                                "units", "people", "memberships", "documents", "indicators",
                                "items", "indicator_values", "occasions", "report_backs"));
}

TEST(FollowUpJson, RecordObjectsAreTheExportsElements) {
  const domain::OrganisationData data = followUpOrganisation();
  const Json document = followUpDocument();
  for (std::size_t occasion_idx = 0; occasion_idx < data.occasions.size(); ++occasion_idx) {
    EXPECT_EQ(recordObject(data.occasions[occasion_idx]), document["occasions"][occasion_idx]);
  }
  for (std::size_t report_idx = 0; report_idx < data.report_backs.size(); ++report_idx) {
    EXPECT_EQ(recordObject(data.report_backs[report_idx]), document["report_backs"][report_idx]);
  }
}

TEST(FollowUpJson, OrdersRecordsAndTheirListsButKeepsTheOrderOfActions) {
  domain::OrganisationData data = followUpOrganisation();
  const std::string expected = organisationToJson(data);
  std::reverse(data.occasions.begin(), data.occasions.end());
  std::reverse(data.report_backs.begin(), data.report_backs.end());
  for (auto& occasion : data.occasions) {
    std::reverse(occasion.topics.begin(), occasion.topics.end());
    std::reverse(occasion.deadlines.begin(), occasion.deadlines.end());
  }
  for (auto& report_back : data.report_backs) {
    std::reverse(report_back.topics.begin(), report_back.topics.end());
    std::reverse(report_back.indicator_values.begin(), report_back.indicator_values.end());
  }
  EXPECT_EQ(organisationToJson(data), expected);

  // Reversing the actions is a change a reader sees.
  for (auto& report_back : data.report_backs) {
    for (auto& assessment : report_back.assessments) {
      std::reverse(assessment.actions.begin(), assessment.actions.end());
    }
  }
  const Json changed = Json::parse(organisationToJson(data));
  const Json& actions = changed["report_backs"][1]["assessments"][0]["actions"];
  ASSERT_THAT(actions, SizeIs(3));
  EXPECT_EQ(actions[0]["status"], "moved");
  EXPECT_EQ(actions[2]["description"], "Uppföljning med rektorerna");
}

TEST(FollowUpJson, SortsReportBacksByOccasionRecipientAndVersion) {
  domain::OrganisationData data = followUpOrganisation();
  domain::ReportBack third = data.report_backs[2];
  third.version = 10;  // numerically after 2, though "10" < "2" as text
  data.report_backs.insert(data.report_backs.begin(), third);
  const Json document = Json::parse(organisationToJson(data));
  std::vector<std::string> order;
  for (const Json& report_back : document["report_backs"]) {
    order.push_back(report_back["occasion"].get<std::string>() + " " +
                    report_back["recipient_unit"].get<std::string>() + "/" +
                    report_back["recipient_person"].get<std::string>() + " " +
                    std::to_string(report_back["version"].get<int>()));
  }
  EXPECT_THAT(order, ElementsAre("2025-DELAR /P003 1", "2025-DELAR LAR/ 1", "2025-DELAR LAR/ 2",
                                 "2025-DELAR LAR/ 10", "2025-KS-03 VOO/ 1"));
}

TEST(FollowUpJson, ReadsBackWhatItWroteWithoutTheRevision) {
  const std::string text = organisationToJson(followUpOrganisation());
  EXPECT_EQ(text.find("revision"), std::string::npos);
  auto parsed = organisationFromJson(text);
  ASSERT_THAT(describe(parsed.problems), IsEmpty());
  const domain::OrganisationData& data = *parsed.value;
  ASSERT_THAT(data.occasions, SizeIs(2));
  ASSERT_THAT(data.report_backs, SizeIs(4));
  EXPECT_EQ(data.occasions[0].revision, 1);
  EXPECT_EQ(data.report_backs[1].revision, 1);
  EXPECT_EQ(data.occasions[1].status, domain::OccasionStatus::closed);
  const domain::ItemAssessment& partly = data.report_backs[1].assessments.at(0);
  EXPECT_EQ(partly.assessment, domain::Assessment::partly_fulfilled);
  EXPECT_EQ(partly.trend, domain::Trend::worse);
  EXPECT_EQ(partly.analysis, "Två skolor har inte kommit igång.\nRektorerna saknar tid.");
  ASSERT_THAT(partly.actions, SizeIs(3));
  EXPECT_EQ(partly.actions[1].description, "Extra \"läsveckor\"");
  EXPECT_EQ(partly.actions[1].due, day("2025-11-15"));
  EXPECT_EQ(data.report_backs[2].assessments.at(0).assessment, std::nullopt);
  EXPECT_EQ(data.report_backs[2].assessments.at(0).trend, std::nullopt);
  EXPECT_EQ(data.report_backs[0].recipient_person, "P003");
  EXPECT_EQ(data.report_backs[1].indicator_values.at(1).denominator, 19500.0);
  EXPECT_EQ(organisationToJson(data), text);
}

TEST(FollowUpJson, MissingListsAndOptionalFieldsAreEmpty) {
  auto result = organisationFromJson(R"({
    "format": "styr-organisation", "format_version": 1,
    "organisation": {"code": "1441", "name": "Lerums kommun", "kind": "municipality"},
    "occasions": [{"code": "2025-KS-03", "year": 2025, "name": "Mars", "kind": "monthly",
                   "level": "executive_board", "body": "KS", "period_end": "2025-03-31",
                   "meeting": "2025-04-16", "status": "open", "topics": null}],
    "report_backs": [{"occasion": "2025-KS-03", "recipient_unit": "VOO", "version": 1,
                      "status": "draft",
                      "assessments": [{"item": "A1", "trend": null,
                                       "actions": [{"due": "2025-06-30",
                                                    "status": "planned"}]}]}]
  })");
  ASSERT_THAT(describe(result.problems), IsEmpty());
  const domain::FollowUpOccasion& occasion = result.value->occasions.at(0);
  EXPECT_THAT(occasion.topics, IsEmpty());
  EXPECT_THAT(occasion.deadlines, IsEmpty());
  const domain::ReportBack& report_back = result.value->report_backs.at(0);
  EXPECT_EQ(report_back.recipient_person, "");
  EXPECT_EQ(report_back.submitted_at, "");
  EXPECT_THAT(report_back.topics, IsEmpty());
  EXPECT_THAT(report_back.indicator_values, IsEmpty());
  const domain::ItemAssessment& assessment = report_back.assessments.at(0);
  EXPECT_EQ(assessment.assessment, std::nullopt);
  EXPECT_EQ(assessment.analysis, "");
  EXPECT_EQ(assessment.actions.at(0).description, "");
  EXPECT_EQ(assessment.actions.at(0).owner, "");
}

TEST(FollowUpJson, ReportsEveryProblemOfAnOccasionAtItsPath) {
  Json document = followUpDocument();
  Json& occasion = document["occasions"][0];
  occasion["year"] = "2025";
  occasion.erase("name");
  occasion["kind"] = "delårsrapport";
  occasion["level"] = "kommunfullmäktige";
  occasion["body"] = nullptr;
  occasion["period_end"] = "2025-08-32";
  occasion["topics"] = Json::array({"finances", "ekonomi", 7});
  occasion["deadlines"][1]["level"] = "sektor";
  occasion["deadlines"][2].erase("deadline");
  occasion["deadlines"][3] = "2025-10-08";
  occasion["status"] = "öppen";
  occasion["revision"] = 4;
  document["occasions"][1]["deadlines"] = Json::object();
  EXPECT_THAT(
      problemsOf(document),
      ElementsAre(
          "$.occasions[0]: unknown field \"revision\"; expected: code, year, name, kind, level, "
          "body, period_end, meeting, topics, deadlines, status",
          "$.occasions[0].year: expected an integer, found the string \"2025\"",
          "$.occasions[0].name: missing required field",
          "$.occasions[0].kind: unknown value \"delårsrapport\"; expected one of: monthly, "
          "tertial, interim_report, annual_report",
          "$.occasions[0].level: unknown value \"kommunfullmäktige\"; expected one of: council, "
          "executive_board, committee, chief_executive, sector, unit",
          "$.occasions[0].body: expected a string, found null",
          "$.occasions[0].period_end: invalid date \"2025-08-32\"; expected YYYY-MM-DD, a real "
          "calendar day",
          "$.occasions[0].topics[1]: unknown value \"ekonomi\"; expected one of: finances, "
          "operations, quality_goals, staff, internal_control",
          "$.occasions[0].topics[2]: expected a string, found the number 7",
          "$.occasions[0].deadlines[1].level: unknown value \"sektor\"; expected one of: "
          "council, executive_board, committee, chief_executive, sector, unit",
          "$.occasions[0].deadlines[2].deadline: missing required field",
          "$.occasions[0].deadlines[3]: expected an object, found the string \"2025-10-08\"",
          "$.occasions[0].status: unknown value \"öppen\"; expected one of: open, closed",
          "$.occasions[1].deadlines: expected an array, found an object"));
}

TEST(FollowUpJson, ReportsEveryProblemOfAReportBackAtItsPath) {
  Json document = followUpDocument();
  Json& report_back = document["report_backs"][1];
  report_back.erase("occasion");
  report_back["recipient_unit"] = 12;
  report_back["version"] = 1.5;
  report_back["status"] = "inskickad";
  Json& assessment = report_back["assessments"][0];
  assessment["item"] = nullptr;
  assessment["assessment"] = "delvis";
  assessment["trend"] = true;
  assessment["actions"][0]["owner"] = Json::array();
  assessment["actions"][1]["due"] = "15 november";
  assessment["actions"][2].erase("status");
  assessment["actions"][2]["ansvarig"] = "P002";
  report_back["topics"][0]["topic"] = "ekonomi";
  report_back["topics"][1]["text"] = 3;
  report_back["indicator_values"][0].erase("period_end");
  report_back["indicator_values"][1]["value"] = "7,1";
  report_back["submitted_at"] = 20250918;
  document["report_backs"][3]["assessments"] = "A4";
  EXPECT_THAT(
      problemsOf(document),
      ElementsAre(
          "$.report_backs[1].occasion: missing required field",
          "$.report_backs[1].recipient_unit: expected a string, found the number 12",
          "$.report_backs[1].version: expected an integer, found the number 1.5",
          "$.report_backs[1].status: unknown value \"inskickad\"; expected one of: draft, "
          "submitted, returned, approved",
          "$.report_backs[1].assessments[0].item: expected a string, found null",
          "$.report_backs[1].assessments[0].assessment: unknown value \"delvis\"; expected one "
          "of: fulfilled, partly_fulfilled, not_fulfilled, cannot_be_assessed",
          "$.report_backs[1].assessments[0].trend: expected a string, found true",
          "$.report_backs[1].assessments[0].actions[0].owner: expected a string, found an array",
          "$.report_backs[1].assessments[0].actions[1].due: invalid date \"15 november\"; "
          "expected YYYY-MM-DD, a real calendar day",
          "$.report_backs[1].assessments[0].actions[2]: unknown field \"ansvarig\"; expected: "
          "description, owner, due, status",
          "$.report_backs[1].assessments[0].actions[2].status: missing required field",
          "$.report_backs[1].topics[0].topic: unknown value \"ekonomi\"; expected one of: "
          "finances, operations, quality_goals, staff, internal_control",
          "$.report_backs[1].topics[1].text: expected a string, found the number 3",
          "$.report_backs[1].indicator_values[0].period_end: missing required field",
          "$.report_backs[1].indicator_values[1].value: expected a number, found the string "
          "\"7,1\"",
          "$.report_backs[1].submitted_at: expected a string, found the number 20250918",
          "$.report_backs[3].assessments: expected an array, found the string \"A4\""));
}

TEST(FollowUpJson, ReportsARevisionInAReportBackAsUnknown) {
  Json document = followUpDocument();
  document["report_backs"][0]["revision"] = 2;
  document["report_backs"][0]["assessments"][0]["comment"] = "";
  EXPECT_THAT(problemsOf(document),
              ElementsAre(::testing::StartsWith(
                              "$.report_backs[0]: unknown field \"revision\"; expected: occasion, "
                              "recipient_unit, recipient_person, version, status, assessments, "),
                          "$.report_backs[0].assessments[0]: unknown field \"comment\"; "
                          "expected: item, assessment, trend, analysis, actions"));
}

TEST(FollowUpJson, ReadsAnOccasionFromARequestBody) {
  const domain::OrganisationData data = followUpOrganisation();
  std::vector<Problem> problems;
  const domain::FollowUpOccasion occasion =
      readOccasionObject(nlohmann::json::parse(recordJson(data.occasions[0])), "$", problems);
  EXPECT_THAT(describe(problems), IsEmpty());
  EXPECT_EQ(recordJson(occasion), recordJson(data.occasions[0]));

  nlohmann::json body = nlohmann::json::parse(recordJson(data.occasions[1]));
  body["meeting"] = "16 april";
  body["deadlines"][0]["level"] = "board";
  body.erase("status");
  problems.clear();
  readOccasionObject(body, "$.occasion", problems);
  EXPECT_THAT(
      describe(problems),
      ElementsAre("$.occasion.meeting: invalid date \"16 april\"; expected YYYY-MM-DD, a "
                  "real calendar day",
                  ::testing::StartsWith("$.occasion.deadlines[0].level: unknown value \"board\""),
                  "$.occasion.status: missing required field"));
}

TEST(FollowUpJson, ReadsTheContentOfAReportBackFromARequestBody) {
  const domain::OrganisationData data = followUpOrganisation();
  const domain::ReportBack& returned = data.report_backs[1];
  const nlohmann::json body = {
      {"assessments", nlohmann::json::parse(recordJson(returned))["assessments"]},
      {"topics", {{{"topic", "staff"}, {"text", "Två nya rektorer."}}}},
      {"indicator_values",
       {{{"indicator", "MERIT"}, {"unit", "LAR"}, {"period_end", "2025-08-31"}, {"value", 231}}}},
  };
  std::vector<Problem> problems;
  const domain::ReportBack content = readReportBackContent(body, "$", problems);
  EXPECT_THAT(describe(problems), IsEmpty());
  ASSERT_THAT(content.assessments, SizeIs(1));
  ASSERT_THAT(content.assessments[0].actions, SizeIs(3));
  EXPECT_EQ(content.assessments[0].actions[0].description, "Uppföljning med rektorerna");
  EXPECT_EQ(content.assessments[0].actions[0].status, domain::ActionStatus::in_progress);
  ASSERT_THAT(content.topics, SizeIs(1));
  EXPECT_EQ(content.topics[0].topic, domain::Topic::staff);
  EXPECT_EQ(content.topics[0].text, "Två nya rektorer.");
  ASSERT_THAT(content.indicator_values, SizeIs(1));
  EXPECT_EQ(content.indicator_values[0].value, 231.0);
  EXPECT_EQ(content.indicator_values[0].period_end, day("2025-08-31"));
  // Nothing but the content is taken from a request.
  EXPECT_EQ(content.occasion, "");
  EXPECT_EQ(content.status, domain::ReportBackStatus::draft);
  EXPECT_EQ(content.submitted_by, "");
}

TEST(FollowUpJson, ARequestMayNotSetTheWorkflowFields) {
  const nlohmann::json body = {
      {"assessments", nlohmann::json::array()},
      {"status", "approved"},
      {"decided_by", "P001"},
  };
  std::vector<Problem> problems;
  const domain::ReportBack content = readReportBackContent(body, "$", problems);
  EXPECT_THAT(describe(problems),
              ElementsAre("$: unknown field \"decided_by\"; expected: assessments, topics, "
                          "indicator_values",
                          "$: unknown field \"status\"; expected: assessments, topics, "
                          "indicator_values"));
  EXPECT_EQ(content.status, domain::ReportBackStatus::draft);
  EXPECT_EQ(content.decided_by, "");
}

TEST(FollowUpJson, ReportsProblemsOfARequestsContentAtTheirPaths) {
  const nlohmann::json body = nlohmann::json::parse(R"({
    "assessments": [{"item": "A1", "assessment": "fulfilled", "trend": "bättre",
                     "actions": [{"description": "Åtgärd", "owner": "P002"}]},
                    "A2"],
    "topics": [{"text": "Utan ämne"}],
    "indicator_values": {"MERIT": 231}
  })");
  std::vector<Problem> problems;
  readReportBackContent(body, "$", problems);
  EXPECT_THAT(describe(problems),
              ElementsAre("$.assessments[0].trend: unknown value \"bättre\"; expected one of: "
                          "better, unchanged, worse",
                          "$.assessments[0].actions[0].due: missing required field",
                          "$.assessments[0].actions[0].status: missing required field",
                          "$.assessments[1]: expected an object, found the string \"A2\"",
                          "$.topics[0].topic: missing required field",
                          "$.indicator_values: expected an array, found an object"));
  problems.clear();
  readReportBackContent(nlohmann::json::array(), "$", problems);
  EXPECT_THAT(describe(problems), ElementsAre("$: expected an object, found an array"));
}

TEST(FollowUpJson, TheDocumentedExampleShowsAnOccasionAndAReportBack) {
  const std::string example = test_support::documentedExample("## Example", "```json\n");
  auto parsed = organisationFromJson(example);
  ASSERT_THAT(describe(parsed.problems), IsEmpty());
  EXPECT_THAT(parsed.value->occasions, SizeIs(1));
  ASSERT_THAT(parsed.value->report_backs, SizeIs(1));
  EXPECT_THAT(parsed.value->report_backs[0].assessments.at(0).actions, SizeIs(1));
}

}  // namespace
}  // namespace styr::interchange
