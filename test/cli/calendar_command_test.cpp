// `styr calendar` and `styr remind` as a user runs them: on a fresh database the calendar
// shows the default plan, marked as not adopted; once a plan is stored, the stored one.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

#include "app/clock.hpp"
#include "app/follow_up_use_cases.hpp"
#include "app/read_model.hpp"
#include "cli/styr_command.hpp"
#include "store/open_store.hpp"

namespace {

using styr::test::CommandRun;
namespace fs = std::filesystem;

// A year the demo has no plan for (its own is 2025), so that the test owns whether it is
// adopted.
constexpr int kYear = 2026;

class CalendarCommand : public styr::test::StyrCommandTest {
 protected:
  fs::path demoDatabase() {
    static fs::path built;
    if (built.empty()) {
      built =
          fs::temp_directory_path() / ("styr-calendar-demo-" + std::to_string(::getpid()) + ".db");
      fs::remove(built);
      CommandRun run = styr("demo --db " + built.string());
      EXPECT_EQ(run.exit_code, 0) << run.err;
      sqlite3* db = nullptr;
      sqlite3_open(built.c_str(), &db);
      sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
      sqlite3_close(db);
    }
    fs::path copy = file("demo.db");
    fs::copy_file(built, copy, fs::copy_options::overwrite_existing);
    return copy;
  }

  //! Adopts the default plan of kYear as the demo's controller (the secretary of KS).
  static void adopt(const fs::path& db) {
    auto store = styr::store::openStore(db.string());
    auto data = store->loadOrganisation("1441");
    std::string controller;
    for (const auto& membership : data.memberships) {
      if (membership.unit == "KS" && membership.role == styr::domain::Role::controller) {
        controller = membership.person;
      }
    }
    ASSERT_FALSE(controller.empty());
    styr::app::Caller caller;
    caller.actor.organisation = "1441";
    caller.actor.person = controller;
    caller.actor.signed_in = true;
    caller.name = controller + " (controller)";
    caller.username = "controller";
    styr::app::FixedClock clock(
        std::chrono::sys_days(std::chrono::year{2025} / std::chrono::November / 30) +
        std::chrono::hours(11));
    styr::app::ReadModels models;
    auto adopted = styr::app::adoptDefaultPlan({*store, clock, models}, caller, kYear);
    ASSERT_TRUE(adopted) << adopted.error().message;
  }
};

TEST_F(CalendarCommand, AFreshDatabaseShowsTheDefaultPlanNotAdopted) {
  fs::path db = demoDatabase();
  CommandRun json = styr(
      fmt::format("calendar --db {} --organisation 1441 --year {} --json", db.string(), kYear));
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto calendar = nlohmann::json::parse(json.out);
  EXPECT_EQ(calendar["year"], kYear);
  EXPECT_EQ(calendar["adopted"], false);
  ASSERT_GE(calendar["occasions"].size(), 11U);
  bool interim = false;
  for (const auto& occasion : calendar["occasions"]) {
    EXPECT_FALSE(occasion["deadlines"].empty()) << occasion["code"];
    if (occasion["code"] == fmt::format("{}-DELAR", kYear)) {
      interim = true;
      EXPECT_EQ(occasion["period_end"], fmt::format("{}-08-31", kYear));
      EXPECT_EQ(occasion["deadlines"][0]["level"], "unit");
    }
  }
  EXPECT_TRUE(interim);

  CommandRun text = styr(fmt::format("calendar --db {} --year {}", db.string(), kYear));
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("the default plan, not adopted"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("POST /api/v1/occasions/default-plan"), std::string::npos);
  EXPECT_NE(text.out.find(fmt::format("{}-DELAR", kYear)), std::string::npos);
  EXPECT_NE(text.out.find("chief_executive"), std::string::npos) << "a column per level";
}

TEST_F(CalendarCommand, AnAdoptedPlanIsShownAsStored) {
  fs::path db = demoDatabase();
  adopt(db);
  CommandRun json = styr(fmt::format("calendar --db {} --year {} --json", db.string(), kYear));
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto calendar = nlohmann::json::parse(json.out);
  EXPECT_EQ(calendar["adopted"], true);

  CommandRun exported = styr("export --db " + db.string());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::map<std::string, nlohmann::json> stored;
  const nlohmann::json organisation = nlohmann::json::parse(exported.out);
  for (const auto& occasion : organisation["occasions"]) {
    if (occasion["year"] == kYear) stored[occasion["code"]] = occasion;
  }
  ASSERT_EQ(calendar["occasions"].size(), stored.size());
  for (const auto& occasion : calendar["occasions"]) {
    ASSERT_TRUE(stored.count(occasion["code"])) << occasion["code"];
    const auto& original = stored[occasion["code"]];
    EXPECT_EQ(occasion["meeting"], original["meeting"]);
    EXPECT_EQ(occasion["period_end"], original["period_end"]);
    EXPECT_EQ(occasion["deadlines"], original["deadlines"]) << occasion["code"];
  }

  CommandRun text = styr(fmt::format("calendar --db {} --year {}", db.string(), kYear));
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find(fmt::format("Follow-up plan {} of", kYear)), std::string::npos)
      << text.out;
  EXPECT_EQ(text.out.find("not adopted"), std::string::npos);
  const std::string first_deadline = calendar["occasions"][0]["deadlines"][0]["deadline"];
  EXPECT_NE(text.out.find(first_deadline), std::string::npos);
}

TEST_F(CalendarCommand, RemindRunsTheSweepOnceAndSaysHowManyWereQueued) {
  fs::path db = demoDatabase();
  CommandRun run = styr("remind --db " + db.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("(1441): "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("queued"), std::string::npos) << run.out;
  CommandRun unknown = styr("remind --db " + db.string() + " --organisation 9999");
  EXPECT_EQ(unknown.exit_code, 3) << unknown.out << unknown.err;
  EXPECT_EQ(styr("calendar --db " + db.string() + " --year 1200").exit_code, 2);
}

}  // namespace
