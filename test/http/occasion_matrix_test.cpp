// The occasion overview's units x items matrix, on the demo: its columns are where the chain
// enters the occasion, and its cells say what the counts beside them say, item by item.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

class OccasionMatrix : public DemoApi {
 protected:
  json overview(const std::string& username, const std::string& occasion) {
    Reply reply = get(username, "/api/v1/occasions/" + occasion + "/overview");
    EXPECT_EQ(reply.result_int(), 200) << reply.body();
    return body(reply);
  }
};

TEST_F(OccasionMatrix, TheTertialsColumnsAreTheBoardsAssignmentsAndItsCellsMatchTheCounts) {
  json shown = overview("controller", "2025-KS-04");
  const json matrix = shown["matrix"];
  ASSERT_FALSE(matrix["columns"].empty());
  std::string previous;
  for (const auto& column : matrix["columns"]) {
    std::string code = column["code"];
    EXPECT_EQ(code.rfind("VP25-U", 0), 0U) << code;  // the board's assignments to KD
    EXPECT_EQ(column["recipient"], "KD");
    EXPECT_LT(previous, code);
    previous = code;
  }
  std::map<std::string, json> counts;
  for (const auto& row : shown["recipients"]) counts[row["recipient"]["code"]] = row;
  ASSERT_EQ(matrix["rows"].size(), counts.size());
  int assessed = 0;
  for (const auto& row : matrix["rows"]) {
    const json& listed = counts.at(row["recipient"].get<std::string>());
    std::map<std::string, int> by_assessment;
    int items = 0;
    for (const auto& [column, cell] : row["cells"].items()) {
      for (const auto& entry : cell) {
        ++items;
        if (!entry["assessment"].is_null()) ++by_assessment[entry["assessment"]];
      }
    }
    EXPECT_EQ(items, listed["items"].get<int>()) << row.dump();
    for (const char* scale :
         {"fulfilled", "partly_fulfilled", "not_fulfilled", "cannot_be_assessed"}) {
      EXPECT_EQ(by_assessment[scale], listed["assessments"][scale].get<int>())
          << row["recipient"] << " " << scale;
      assessed += by_assessment[scale];
    }
    EXPECT_TRUE(row["readable"].get<bool>()) << "a controller reads every report-back";
  }
  EXPECT_GT(assessed, 0);
}

TEST_F(OccasionMatrix, AnItemOfAUnitSitsUnderTheBoardsAssignmentItComesFrom) {
  json shown = overview("controller", "2025-KS-04");
  for (const auto& row : shown["matrix"]["rows"]) {
    for (const auto& [column, cell] : row["cells"].items()) {
      for (const auto& entry : cell) {
        // Follow the item's origins up: the column is on the way.
        std::string at = entry["item"];
        std::set<std::string> seen;
        while (at != column && !at.empty() && seen.insert(at).second) {
          Reply item = get("controller", "/api/v1/items/" + at);
          if (item.result_int() != 200) break;
          json origin = body(item)["origin"];
          at = origin.is_string() ? origin.get<std::string>() : std::string();
        }
        EXPECT_EQ(at, column) << entry["item"];
      }
    }
    return;  // one recipient's cells are enough to follow by hand
  }
  FAIL() << "no rows";
}

TEST_F(OccasionMatrix, AMonthlyFollowUpOfTopicsOnlyHasNoColumns) {
  json shown = overview("controller", "2025-KS-10");
  EXPECT_TRUE(shown["matrix"]["columns"].empty());
  EXPECT_FALSE(shown["matrix"]["rows"].empty());
}

TEST_F(OccasionMatrix, TheSectorHeadSeesTheRowsOfTheirSectorOnly) {
  json whole = overview("controller", "2025-KS-04");
  json sector = overview("sektorschef", "2025-KS-04");
  std::set<std::string> listed;
  for (const auto& row : sector["recipients"]) listed.insert(row["recipient"]["code"]);
  ASSERT_FALSE(listed.empty());
  EXPECT_LT(sector["matrix"]["rows"].size(), whole["matrix"]["rows"].size());
  for (const auto& row : sector["matrix"]["rows"]) {
    EXPECT_TRUE(listed.contains(row["recipient"].get<std::string>())) << row["recipient"];
  }
  EXPECT_TRUE(listed.contains("LAR-E01"));
  EXPECT_FALSE(listed.contains("IFO-A001"));
}

}  // namespace
}  // namespace styr::http::test
