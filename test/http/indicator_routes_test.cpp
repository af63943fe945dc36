// Indicators over HTTP, on the Lerum demo: everyone signed in reads the figures; the unit's
// head, the heads above it and controllers record them; every refusal a user could run into.

#include <gtest/gtest.h>

#include <algorithm>

#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

class IndicatorRoutes : public DemoApi {
 protected:
  //! LAR-E01's share of pupils eligible for upper secondary school at the end of October.
  static json eligibility(const json& overrides = json::object()) {
    json value{{"unit", "LAR-E01"},
               {"period_end", "2025-10-31"},
               {"value", 90},
               {"numerator", 45},
               {"denominator", 50}};
    value.update(overrides);
    return value;
  }
  Reply record(const std::string& user, const json& value,
               const std::string& indicator = "BEHORIGHET") {
    return post(user, "/api/v1/indicators/" + indicator + "/values", value);
  }
  std::int64_t auditSequence() { return store_->auditSequence("1441"); }

  static std::vector<std::string> codesOf(const json& list) {
    std::vector<std::string> codes;
    for (const auto& entry : list) codes.push_back(entry["code"]);
    return codes;
  }
  static bool contains(const std::vector<std::string>& codes, const std::string& code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
  }
};

TEST_F(IndicatorRoutes, AnEmployeeReadsEveryIndicatorWithItsTargetsAndNobodyNone) {
  Reply listed = get("medarbetare", "/api/v1/indicators");
  ASSERT_EQ(listed.result_int(), 200) << listed.body();
  json indicators = body(listed)["indicators"];
  ASSERT_EQ(indicators.size(), 14U);
  auto absence = std::find_if(indicators.begin(), indicators.end(),
                              [](const json& entry) { return entry["code"] == "SJUKFRANVARO"; });
  ASSERT_NE(absence, indicators.end());
  EXPECT_EQ((*absence)["name"], "Sjukfrånvaro");
  EXPECT_EQ((*absence)["unit_of_measure"], "%");
  EXPECT_EQ((*absence)["direction"], "lower_is_better");
  EXPECT_EQ((*absence)["aggregation"], "ratio_of_sums");
  EXPECT_EQ((*absence)["targets"].size(), 12U);
  EXPECT_EQ((*absence)["targets"][0], json({{"year", 2025}, {"unit", ""}, {"value", 6.5}}));

  Reply anonymous = get("", "/api/v1/indicators");
  EXPECT_EQ(anonymous.result_int(), 401) << anonymous.body();
  EXPECT_EQ(get("", "/api/v1/indicators/BEHORIGHET").result_int(), 401);
  EXPECT_EQ(get("", "/api/v1/indicators/BEHORIGHET/values").result_int(), 401);
  // The administrator reads the figures too, as anyone signed in does.
  EXPECT_EQ(get("admin", "/api/v1/indicators").result_int(), 200);
}

TEST_F(IndicatorRoutes, AnIndicatorListsTheItemsFollowedUpByItThatTheCallerMayRead) {
  Reply employee = get("medarbetare", "/api/v1/indicators/BEHORIGHET");
  ASSERT_EQ(employee.result_int(), 200) << employee.body();
  json indicator = body(employee);
  EXPECT_EQ(indicator["code"], "BEHORIGHET");
  EXPECT_EQ(indicator["aggregation"], "ratio_of_sums");
  auto seen = codesOf(indicator["items"]);
  // What Lärande addressed to the employee's own unit, not what it addressed to the next one.
  EXPECT_TRUE(contains(seen, "LAR-U001"));
  EXPECT_FALSE(contains(seen, "LAR-U002"));
  const json& first = indicator["items"][0];
  EXPECT_TRUE(first.contains("recipient_name")) << first.dump();
  EXPECT_TRUE(first.contains("status")) << first.dump();

  auto controller_sees = codesOf(body(get("controller", "/api/v1/indicators/BEHORIGHET"))["items"]);
  EXPECT_TRUE(contains(controller_sees, "LAR-U002"));
  EXPECT_TRUE(contains(controller_sees, "BU25-M01"));
  EXPECT_GT(controller_sees.size(), seen.size());

  Reply unknown = get("medarbetare", "/api/v1/indicators/BEHORIGHETT");
  EXPECT_EQ(unknown.result_int(), 404);
  EXPECT_EQ(errorCode(unknown), "not_found");
}

TEST_F(IndicatorRoutes, ValuesAreFilteredOrderedPagedAndCarryTheTargetThatApplies) {
  Reply unit_values = get("medarbetare", "/api/v1/indicators/BEHORIGHET/values?unit=LAR-E01");
  ASSERT_EQ(unit_values.result_int(), 200) << unit_values.body();
  json page = body(unit_values);
  ASSERT_EQ(page["total"], 3);
  EXPECT_EQ(page["items"][0]["period_end"], "2025-04-30");
  EXPECT_EQ(page["items"][1]["period_end"], "2025-08-31");
  EXPECT_EQ(page["items"][2]["period_end"], "2025-12-31");
  const json& april = page["items"][0];
  EXPECT_EQ(april["unit"], "LAR-E01");
  EXPECT_FALSE(april["unit_name"].get<std::string>().empty());
  EXPECT_NE(april["unit_name"], "LAR-E01");
  EXPECT_EQ(april["numerator"], 39.0);
  EXPECT_EQ(april["denominator"], 49.0);
  EXPECT_EQ(april["target"], json({{"year", 2025}, {"unit", ""}, {"value", 88.0}}));

  // Every unit's values for a period come together, in unit order.
  Reply all = get("medarbetare", "/api/v1/indicators/BEHORIGHET/values?per_page=500");
  json everything = body(all)["items"];
  ASSERT_GT(everything.size(), 3U);
  for (std::size_t i = 1; i < everything.size(); ++i) {
    auto key = [&](std::size_t at) {
      return std::make_pair(everything[at]["period_end"].get<std::string>(),
                            everything[at]["unit"].get<std::string>());
    };
    EXPECT_LT(key(i - 1), key(i)) << "at " << i;
  }

  Reply paged =
      get("medarbetare", "/api/v1/indicators/BEHORIGHET/values?unit=LAR-E01&per_page=2&page=2");
  json second = body(paged);
  EXPECT_EQ(second["total"], 3);
  ASSERT_EQ(second["items"].size(), 1U);
  EXPECT_EQ(second["items"][0]["period_end"], "2025-12-31");

  EXPECT_EQ(body(get("medarbetare",
                     "/api/v1/indicators/BEHORIGHET/values?unit=LAR-E01&year=2026"))["total"],
            0);
  Reply bad_year = get("medarbetare", "/api/v1/indicators/BEHORIGHET/values?year=twenty");
  EXPECT_EQ(bad_year.result_int(), 400);
  Reply no_such_unit = get("medarbetare", "/api/v1/indicators/BEHORIGHET/values?unit=LAR-X99");
  EXPECT_EQ(no_such_unit.result_int(), 400);
  EXPECT_EQ(body(no_such_unit)["error"]["field"], "unit");
  EXPECT_EQ(get("medarbetare", "/api/v1/indicators/NOPE/values").result_int(), 404);
}

TEST_F(IndicatorRoutes, TheUnitManagerRecordsAValueAndItIsListed) {
  std::int64_t before = auditSequence();
  Reply recorded = record("enhetschef", eligibility());
  ASSERT_EQ(recorded.result_int(), 201) << recorded.body();
  json value = body(recorded);
  EXPECT_EQ(value["indicator"], "BEHORIGHET");
  EXPECT_EQ(value["unit"], "LAR-E01");
  EXPECT_EQ(value["period_end"], "2025-10-31");
  EXPECT_EQ(value["value"], 90.0);
  EXPECT_EQ(value["target"]["value"], 88.0);
  EXPECT_EQ(auditSequence(), before + 1);
  auto trail = store_->auditEntriesOf("1441", "indicator_value", "BEHORIGHET/LAR-E01/2025-10-31");
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_EQ(trail[0].action, "indicator_value.recorded");
  EXPECT_NE(trail[0].actor.find("(enhetschef)"), std::string::npos) << trail[0].actor;

  json listed = body(get("medarbetare", "/api/v1/indicators/BEHORIGHET/values?unit=LAR-E01"));
  ASSERT_EQ(listed["total"], 4);
  EXPECT_EQ(listed["items"][2]["period_end"], "2025-10-31");
  EXPECT_EQ(listed["items"][2]["numerator"], 45.0);
}

TEST_F(IndicatorRoutes, ARatioSentWithoutItsValueIsComputedInTheIndicatorsUnit) {
  Reply recorded = record(
      "enhetschef", eligibility({{"value", nullptr}, {"numerator", 39}, {"denominator", 52}}));
  ASSERT_EQ(recorded.result_int(), 201) << recorded.body();
  EXPECT_DOUBLE_EQ(body(recorded)["value"].get<double>(), 75.0);
}

TEST_F(IndicatorRoutes, OnlyThoseWhoAnswerForTheUnitsFiguresRecordThem) {
  std::int64_t before = auditSequence();
  Reply sibling = record("enhetschef", eligibility({{"unit", "LAR-E02"}}));
  EXPECT_EQ(sibling.result_int(), 403) << sibling.body();
  EXPECT_EQ(errorCode(sibling), "forbidden");
  EXPECT_EQ(record("medarbetare", eligibility()).result_int(), 403);
  EXPECT_EQ(record("ledamot", eligibility()).result_int(), 403);
  Reply admin = record("admin", eligibility());
  EXPECT_EQ(admin.result_int(), 403) << admin.body();
  EXPECT_EQ(record("", eligibility()).result_int(), 401);
  EXPECT_EQ(auditSequence(), before);

  // A controller records for any unit, whichever sector; a sector head for its units.
  Reply by_controller = record("controller",
                               {{"unit", "SEK-LAR"},
                                {"period_end", "2025-10-31"},
                                {"value", 6.0},
                                {"numerator", 600},
                                {"denominator", 10000}},
                               "SJUKFRANVARO");
  ASSERT_EQ(by_controller.result_int(), 201) << by_controller.body();
  // Lärande's own target, not the organisation's 6.5.
  EXPECT_EQ(body(by_controller)["target"],
            json({{"year", 2025}, {"unit", "SEK-LAR"}, {"value", 6.0}}));
  EXPECT_EQ(record("controller", eligibility({{"unit", "LAR-E02"}})).result_int(), 201);
  EXPECT_EQ(record("sektorschef", eligibility({{"unit", "LAR-E03"}})).result_int(), 201);
  EXPECT_EQ(auditSequence(), before + 3);
}

TEST_F(IndicatorRoutes, BadFiguresAreRefusedWithTheFieldAndWriteNothing) {
  std::int64_t before = auditSequence();
  json no_denominator = eligibility();
  no_denominator.erase("denominator");
  Reply refused = record("enhetschef", no_denominator);
  EXPECT_EQ(refused.result_int(), 400) << refused.body();
  EXPECT_EQ(errorCode(refused), "invalid_input");
  EXPECT_EQ(body(refused)["error"]["field"], "denominator");

  Reply disagreeing = record("enhetschef", eligibility({{"value", 0.9}}));
  EXPECT_EQ(disagreeing.result_int(), 400);
  EXPECT_EQ(body(disagreeing)["error"]["field"], "value");

  Reply unread = record("enhetschef", {{"period_end", "2025-10-31"}, {"value", "ninety"}});
  EXPECT_EQ(unread.result_int(), 400);
  json unread_error = body(unread)["error"];
  std::vector<std::string> where;
  for (const auto& detail : unread_error["details"]) where.push_back(detail["where"]);
  EXPECT_TRUE(contains(where, "$.unit")) << unread.body();
  EXPECT_TRUE(contains(where, "$.value")) << unread.body();

  Reply stray = record("enhetschef", eligibility({{"indicator", "HME"}}));
  EXPECT_EQ(stray.result_int(), 400);
  // The indicator is the one addressed; a second one in the body is not read silently.
  EXPECT_NE(stray.body().find("indicator"), std::string::npos) << stray.body();

  Reply weightless = record(
      "enhetschef", {{"unit", "LAR-E01"}, {"period_end", "2025-11-30"}, {"value", 81}}, "HME");
  EXPECT_EQ(weightless.result_int(), 400);
  EXPECT_EQ(body(weightless)["error"]["field"], "weight");

  // LAR-A028 closed in mid-2024.
  Reply closed =
      record("controller", {{"unit", "LAR-A028"}, {"period_end", "2025-10-31"}, {"value", 1000}},
             "ENERGI");
  EXPECT_EQ(closed.result_int(), 422) << closed.body();
  EXPECT_EQ(errorCode(closed), "rule_broken");
  EXPECT_EQ(auditSequence(), before);
}

TEST_F(IndicatorRoutes, APeriodIsReportedOnceAndAnUnknownIndicatorIsNotFound) {
  ASSERT_EQ(record("enhetschef", eligibility()).result_int(), 201);
  std::int64_t before = auditSequence();
  Reply again = record("enhetschef", eligibility());
  EXPECT_EQ(again.result_int(), 409) << again.body();
  EXPECT_EQ(errorCode(again), "conflict");
  Reply demo_period = record("controller", eligibility({{"period_end", "2025-04-30"}}));
  EXPECT_EQ(demo_period.result_int(), 409) << demo_period.body();

  Reply unknown = record("enhetschef", eligibility(), "BEHORIGHETT");
  EXPECT_EQ(unknown.result_int(), 404) << unknown.body();
  EXPECT_EQ(errorCode(unknown), "not_found");
  EXPECT_EQ(auditSequence(), before);
}

}  // namespace
}  // namespace styr::http::test
