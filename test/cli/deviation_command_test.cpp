// `styr deviations` as whoever runs the system uses it: the open deviations with each level's
// state, as text and JSON, every organisation or one; `--sweep` once, as cron runs it; and a
// clear refusal of an organisation the database does not hold.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/deviation_use_cases.hpp"
#include "app/read_model.hpp"
#include "cli/styr_command.hpp"
#include "store/open_store.hpp"

namespace {

using styr::test::CommandRun;
namespace fs = std::filesystem;

constexpr const char* kTitle = "Vattenläcka i matsalen";

class DeviationsCommand : public styr::test::StyrCommandTest {
 protected:
  //! A copy of the demo database (built once per test process).
  fs::path demoDatabase() {
    static fs::path built;
    if (built.empty()) {
      built = fs::temp_directory_path() /
              ("styr-deviations-demo-" + std::to_string(::getpid()) + ".db");
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

  //! Reports a deviation of gravity 3 on LAR-E01 as its head at noon on the demo's date: the
  //! head's own level is acknowledged at once, the sector head, the chief executive's office
  //! and the executive board are told and have four hours. Returns its code.
  static std::string reportAsTheUnitsHead(const fs::path& db) {
    auto store = styr::store::openStore(db.string());
    auto data = store->loadOrganisation("1441");
    std::string head;
    for (const auto& membership : data.memberships) {
      if (membership.unit == "LAR-E01" && membership.role == styr::domain::Role::head) {
        head = membership.person;
      }
    }
    EXPECT_FALSE(head.empty());
    styr::app::Caller caller;
    caller.actor.organisation = "1441";
    caller.actor.person = head;
    caller.actor.signed_in = true;
    caller.name = head + " (test)";
    styr::app::FixedClock clock(
        std::chrono::sys_days(std::chrono::year{2025} / std::chrono::November / 30) +
        std::chrono::hours(11));
    styr::app::ReadModels models;
    styr::app::DeviationReport report;
    report.unit = "LAR-E01";
    report.category = styr::domain::DeviationCategory::finances;
    report.gravity = 3;
    report.title = kTitle;
    report.description = "Ett rör sprang i natt.";
    report.occurred_on = styr::domain::Date{std::chrono::year{2025} / std::chrono::November / 29};
    auto reported = styr::app::reportDeviation({*store, clock, models}, caller, report);
    EXPECT_TRUE(reported) << (reported ? "" : reported.error().message);
    return reported ? reported.value().code : std::string();
  }

  //! The entry of `code` in `styr deviations --json`, or null.
  nlohmann::json entryOf(const fs::path& db, const std::string& code,
                         const std::string& options = {}) {
    CommandRun run = styr(fmt::format("deviations --db {} --json {}", db.string(), options));
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const nlohmann::json entries = nlohmann::json::parse(run.out);
    EXPECT_TRUE(entries.is_array());
    for (const auto& entry : entries) {
      if (entry["code"] == code) return entry;
    }
    return nullptr;
  }
};

//! The numbers of the sweep's line of output, in order (a hand-rolled parse: GCC 12 warns
//! falsely inside std::regex at -O2 with the sanitizers).
std::vector<int> sweepCounts(const std::string& out) {
  std::vector<int> numbers;
  auto at = out.find("deviation sweep: ");
  if (at == std::string::npos) return numbers;
  std::istringstream words(out.substr(at, out.find('\n', at) - at));
  std::string word;
  while (words >> word) {
    if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      numbers.push_back(std::stoi(word));
    }
  }
  return numbers;
}

TEST_F(DeviationsCommand, ListsTheOpenDeviationsWithTheirLevels) {
  fs::path db = demoDatabase();
  const std::string code = reportAsTheUnitsHead(db);
  ASSERT_FALSE(code.empty());

  CommandRun text = styr(fmt::format("deviations --db {}", db.string()));
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Deviations of Lerums kommun (1441)"), std::string::npos) << text.out;
  auto row = text.out.find(code);
  ASSERT_NE(row, std::string::npos) << text.out;
  std::string listed = text.out.substr(row, text.out.find("\nAVV-", row) - row);
  EXPECT_NE(listed.find("LAR-E01"), std::string::npos) << listed;
  EXPECT_NE(listed.find("finances"), std::string::npos) << listed;
  EXPECT_NE(listed.find("2025-11-30 12:00"), std::string::npos) << "Swedish time: " << listed;
  EXPECT_NE(listed.find(kTitle), std::string::npos) << listed;
  EXPECT_NE(listed.find("1 Grundskola Aspenäs (LAR-E01): told "), std::string::npos) << listed;
  EXPECT_NE(listed.find("; acknowledged 2025-11-30 12:00 by "), std::string::npos) << listed;
  EXPECT_NE(listed.find("2 Lärande (SEK-LAR): told "), std::string::npos) << listed;
  EXPECT_NE(listed.find("4 Kommunstyrelsen (KS): told "), std::string::npos) << listed;
  EXPECT_NE(listed.find("; waiting since 2025-11-30 12:00"), std::string::npos) << listed;

  nlohmann::json entry = entryOf(db, code, "--organisation 1441");
  ASSERT_FALSE(entry.is_null());
  EXPECT_EQ(entry["organisation"], "1441");
  EXPECT_EQ(entry["gravity"], 3);
  EXPECT_EQ(entry["title"], kTitle);
  ASSERT_EQ(entry["levels"].size(), 4U) << entry.dump(2);
  EXPECT_EQ(entry["levels"][0]["state"], "acknowledged");
  EXPECT_EQ(entry["levels"][1]["state"], "waiting");
  EXPECT_EQ(entry["levels"][2]["unit"], "KD");
  EXPECT_GE(entry["levels"][2]["people"].size(), 1U);
  EXPECT_FALSE(entry["levels"][2]["people"][0]["name"].get<std::string>().empty());
}

TEST_F(DeviationsCommand, ClosedDeviationsAreListedOnlyWithAll) {
  fs::path db = demoDatabase();
  CommandRun all = styr(fmt::format("deviations --db {} --all --json", db.string()));
  ASSERT_EQ(all.exit_code, 0) << all.err;
  std::size_t closed = 0;
  for (const auto& entry : nlohmann::json::parse(all.out)) closed += entry["state"] == "closed";
  ASSERT_GT(closed, 0U) << "the demo has a closed deviation";
  CommandRun open = styr(fmt::format("deviations --db {} --json", db.string()));
  for (const auto& entry : nlohmann::json::parse(open.out)) EXPECT_EQ(entry["state"], "open");
  EXPECT_EQ(nlohmann::json::parse(open.out).size() + closed, nlohmann::json::parse(all.out).size());
  CommandRun text = styr(fmt::format("deviations --db {} --all", db.string()));
  EXPECT_NE(text.out.find(fmt::format("{} closed", closed)), std::string::npos) << text.out;
}

TEST_F(DeviationsCommand, TheSweepRemindsTheSilentLevelsOnceAndSaysSo) {
  fs::path db = demoDatabase();
  const std::string code = reportAsTheUnitsHead(db);
  ASSERT_FALSE(code.empty());

  // The real clock is long past the four hours the levels had on the demo's date.
  CommandRun first = styr(fmt::format("deviations --db {} --sweep", db.string()));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // "deviation sweep: N deviations changed, N levels reminded, N levels told ..."
  std::vector<int> counts = sweepCounts(first.out);
  ASSERT_EQ(counts.size(), 3U) << first.out;
  EXPECT_GE(counts[0], 1);
  EXPECT_GE(counts[1], 3) << "the three levels told of the test's deviation";
  EXPECT_EQ(counts[2], 0) << "nobody was reminded before, so nobody is passed over";

  nlohmann::json entry = entryOf(db, code);
  ASSERT_FALSE(entry.is_null());
  EXPECT_EQ(entry["levels"][0]["state"], "acknowledged");
  for (int level = 1; level < 4; ++level) {
    EXPECT_EQ(entry["levels"][level]["state"], "reminded") << entry.dump(2);
    EXPECT_FALSE(entry["levels"][level]["reminded_at"].is_null());
  }
  CommandRun text = styr(fmt::format("deviations --db {} --organisation 1441", db.string()));
  EXPECT_NE(text.out.find(", reminded "), std::string::npos) << text.out;

  CommandRun again = styr(fmt::format("deviations --db {} --sweep", db.string()));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("deviation sweep: 0 deviations changed, 0 levels reminded, 0 levels "
                           "told"),
            std::string::npos)
      << "reminded, the levels have their time again: " << again.out;
}

TEST_F(DeviationsCommand, AnUnknownOrganisationIsAClearErrorAndTheSweepTakesNone) {
  fs::path db = demoDatabase();
  CommandRun unknown = styr(fmt::format("deviations --db {} --organisation 9999", db.string()));
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("9999"), std::string::npos) << unknown.err;
  EXPECT_TRUE(unknown.out.empty()) << unknown.out;

  CommandRun sweep_one =
      styr(fmt::format("deviations --db {} --sweep --organisation 1441", db.string()));
  EXPECT_EQ(sweep_one.exit_code, 2) << "the sweep covers the whole database: " << sweep_one.out;
}

}  // namespace
