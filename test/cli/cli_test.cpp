// The `styr` command as a user runs it: a real binary on real SQLite files.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "cli/styr_command.hpp"

namespace {

using styr::test::CommandRun;
using styr::test::writeFile;
namespace fs = std::filesystem;

class Cli : public styr::test::StyrCommandTest {
 protected:
  // The demo is built once per test program and copied, since most tests start from it.
  fs::path demoDatabase() {
    static fs::path built;
    if (built.empty()) {
      built = fs::temp_directory_path() / ("styr-cli-demo-" + std::to_string(::getpid()) + ".db");
      fs::remove(built);
      CommandRun run = styr("demo --db " + built.string());
      EXPECT_EQ(run.exit_code, 0) << run.err;
      // Fold the WAL into the main file so a plain file copy is the whole database.
      sqlite3* db = nullptr;
      sqlite3_open(built.c_str(), &db);
      sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
      sqlite3_close(db);
    }
    fs::path copy = file("demo.db");
    fs::copy_file(built, copy, fs::copy_options::overwrite_existing);
    return copy;
  }

  static void execute(const fs::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    char* error = nullptr;
    int code = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(handle);
    ASSERT_EQ(code, SQLITE_OK) << message;
  }

  fs::path dir_;
};

TEST_F(Cli, DemoPrintsTheChainAndACleanCheck) {
  CommandRun run = styr("demo --db " + file("fresh.db").string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Lerums kommun (1441)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("council -> executive_board"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("no rule is broken"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Council goals with nothing issued below them"), std::string::npos);

  // A second run finds the demo and leaves it as it was.
  CommandRun again = styr("demo --db " + file("fresh.db").string());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("already holds the Lerum demo"), std::string::npos);
}

TEST_F(Cli, DemoIsDeterministic) {
  ASSERT_EQ(styr("demo --db " + file("a.db").string()).exit_code, 0);
  ASSERT_EQ(styr("demo --db " + file("b.db").string()).exit_code, 0);
  CommandRun a = styr("export --db " + file("a.db").string());
  CommandRun b = styr("export --db " + file("b.db").string());
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_GT(a.out.size(), 100000U);
  EXPECT_TRUE(a.out == b.out) << "two demo databases export different bytes";
}

TEST_F(Cli, ExportImportExportGivesTheSameBytes) {
  fs::path demo = demoDatabase();
  CommandRun first = styr("export --db " + demo.string());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  writeFile(file("export.json"), first.out);

  CommandRun imported =
      styr("import --db " + file("empty.db").string() + " " + file("export.json").string());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("into organisation 1441"), std::string::npos) << imported.out;

  CommandRun second = styr("export --db " + file("empty.db").string());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(first.out == second.out) << "the re-exported organisation differs";
}

TEST_F(Cli, ImportingAnExistingOrganisationIsAConflictAndWritesNothing) {
  fs::path demo = demoDatabase();
  writeFile(file("export.json"), styr("export --db " + demo.string()).out);
  std::string before = styr("stats --db " + demo.string()).out;
  CommandRun run = styr("import --db " + demo.string() + " " + file("export.json").string());
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_NE(run.err.find("exists already"), std::string::npos) << run.err;
  EXPECT_EQ(styr("stats --db " + demo.string()).out, before);
}

TEST_F(Cli, AnImportWithBrokenRulesListsEveryProblemAndWritesNothing) {
  fs::path demo = demoDatabase();
  auto exported = nlohmann::json::parse(styr("export --db " + demo.string()).out);
  // Three different rules broken in three different records.
  auto& items = exported["items"];
  std::size_t changed = 0;
  for (auto& item : items) {
    if (item["status"] != "acknowledged") continue;
    if (changed == 0) item["recipient_unit"] = "";            // D1
    if (changed == 1) item["origin"] = "";                    // D3
    if (changed == 2) item["follow_up"]["assessed_at"] = {};  // D4 unless it has other methods
    if (changed == 2) item["follow_up"]["indicators"] = {};
    if (changed == 2) item["follow_up"]["deliverable"] = "";
    if (++changed == 3) break;
  }
  writeFile(file("broken.json"), exported.dump());
  CommandRun run =
      styr("import --db " + file("target.db").string() + " " + file("broken.json").string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("nothing was written"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("[D1]"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("[D3]"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("[D4]"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("items["), std::string::npos) << run.err;
  CommandRun stats = styr("stats --db " + file("target.db").string());
  EXPECT_EQ(nlohmann::json::parse(stats.out)["organisations"], 0) << stats.out;
}

TEST_F(Cli, AMalformedImportNamesWhereItIsWrong) {
  writeFile(file("bad.json"), R"({"format": "styr-organisation", "format_version": 1,)");
  CommandRun run =
      styr("import --db " + file("target.db").string() + " " + file("bad.json").string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("bad.json"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("nothing was written"), std::string::npos) << run.err;

  CommandRun missing =
      styr("import --db " + file("target.db").string() + " " + file("no-such-file.json").string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read the file"), std::string::npos) << missing.err;
}

TEST_F(Cli, CheckExitsOneWhenARuleIsBrokenInTheDatabase) {
  fs::path demo = demoDatabase();
  CommandRun clean = styr("check --db " + demo.string());
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;

  // Break D1 behind the application's back, as a faulty integration might.
  execute(demo,
          "UPDATE items SET recipient_person = NULL WHERE code = (SELECT code FROM items WHERE "
          "status = 'acknowledged' AND recipient_person IS NOT NULL ORDER BY code LIMIT 1)");
  CommandRun broken = styr("check --db " + demo.string());
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.out.find("[D1]"), std::string::npos) << broken.out;

  CommandRun json = styr("check --json --db " + demo.string());
  EXPECT_EQ(json.exit_code, 1);
  auto report = nlohmann::json::parse(json.out);
  EXPECT_EQ(report["rules_broken"], 1);
  EXPECT_EQ(report["violations"][0]["rule"], "D1");
}

TEST_F(Cli, CheckReportsTheCoverageFindingsAsJson) {
  CommandRun run = styr("check --json --as-of 2025-10-31 --db " + demoDatabase().string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["organisation"], "1441");
  EXPECT_EQ(report["as_of"], "2025-10-31");
  EXPECT_GE(report["coverage"]["council_goals_not_carried"].size(), 1U);
  EXPECT_GE(report["coverage"]["recipient_without_head"].size(), 1U);
  EXPECT_GE(report["coverage"]["never_acknowledged"].size(), 1U);

  CommandRun bad_date = styr("check --as-of 2025-02-30 --db " + demoDatabase().string());
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("is not a date"), std::string::npos);
}

TEST_F(Cli, TraceGoesUpToTheVisionAndDownThroughEverythingBelow) {
  fs::path demo = demoDatabase();
  auto exported = nlohmann::json::parse(styr("export --db " + demo.string()).out);
  std::string leaf;
  std::string council_goal;
  for (const auto& item : exported["items"]) {
    if (!item["recipient_person"].get<std::string>().empty() && item["status"] != "draft") {
      leaf = item["code"];
    }
    if (item["issuer"] == "KF" && council_goal.empty() && item["status"] == "acknowledged") {
      council_goal = item["code"];
    }
  }
  ASSERT_FALSE(leaf.empty());
  CommandRun up = styr("trace --json --db " + demo.string() + " " + leaf);
  ASSERT_EQ(up.exit_code, 0) << up.err;
  auto chain = nlohmann::json::parse(up.out);
  EXPECT_EQ(chain["chain"][0]["code"], leaf);
  EXPECT_GE(chain["chain"].size(), 5U);
  EXPECT_EQ(chain["chain"].back()["issuer"], "KF");
  EXPECT_EQ(chain["broken"], false);
  ASSERT_TRUE(chain["source"].is_object());
  EXPECT_TRUE(chain["source"]["kind"] == "vision" ||
              chain["source"]["kind"] == "mandate_programme");

  CommandRun down = styr("trace --down --db " + demo.string() + " " + council_goal);
  ASSERT_EQ(down.exit_code, 0) << down.err;
  EXPECT_EQ(down.out.rfind(council_goal, 0), 0U) << down.out;
  EXPECT_NE(down.out.find("items in all"), std::string::npos);

  CommandRun unknown = styr("trace --db " + demo.string() + " NO-SUCH-ITEM");
  EXPECT_EQ(unknown.exit_code, 3);
  EXPECT_NE(unknown.err.find("no item NO-SUCH-ITEM"), std::string::npos) << unknown.err;
}

TEST_F(Cli, StatsCountsTheDemo) {
  CommandRun run = styr("stats --db " + demoDatabase().string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto stats = nlohmann::json::parse(run.out);
  EXPECT_EQ(stats["organisations"], 1);
  EXPECT_EQ(stats["units_by_kind"]["council"], 1);
  EXPECT_EQ(stats["units_by_kind"]["sector"], 5);
  EXPECT_EQ(stats["units_by_kind"]["drafting_committee"], 5);
  EXPECT_GE(stats["people"].get<int>(), 2500);
  EXPECT_GE(stats["heads"].get<int>(), 100);
  EXPECT_GE(stats["items_by_kind"]["assignment"].get<int>(), 100);
  EXPECT_EQ(stats["documents_by_kind"]["vision"], 1);
  EXPECT_GT(stats["audit_entries"].get<int>(), 5000);
}

TEST_F(Cli, ImportsUnitsAndPeopleFromCsvIntoTheDemo) {
  fs::path demo = demoDatabase();
  writeFile(file("units.csv"),
            "code;name;kind;parent;valid_from;valid_to\r\n"
            "LAR-NY1;Nya skolan;unit;SEK-LAR;2025-08-01;\r\n"
            "LAR-NY1A;Nya skolan, arbetsplats;workplace;LAR-NY1;2025-08-01;\r\n");
  CommandRun units = styr("import --db " + demo.string() + " " + file("units.csv").string());
  ASSERT_EQ(units.exit_code, 0) << units.err;
  EXPECT_NE(units.out.find("Imported 2 records"), std::string::npos) << units.out;

  writeFile(file("people.csv"),
            "person,given_name,family_name,email,unit,role,valid_from,valid_to\n"
            "NY0001,Åsa,Öberg,asa.oberg@lerum.example,LAR-NY1,head,2025-08-01,\n"
            "NY0002,Erik,Lind,erik.lind@lerum.example,LAR-NY1A,employee,2025-08-01,\n");
  CommandRun people = styr("import --db " + demo.string() + " " + file("people.csv").string());
  ASSERT_EQ(people.exit_code, 0) << people.err;
  EXPECT_NE(people.out.find("Imported 4 records"), std::string::npos) << people.out;

  // Importing the same rows again conflicts with what is there, and writes nothing.
  CommandRun again = styr("import --db " + demo.string() + " " + file("people.csv").string());
  EXPECT_EQ(again.exit_code, 4);
  EXPECT_NE(again.err.find("exist already"), std::string::npos) << again.err;
}

TEST_F(Cli, ACsvImportThatBreaksTheTreeWritesNothing) {
  fs::path demo = demoDatabase();
  std::string before = styr("stats --db " + demo.string()).out;
  writeFile(file("units.csv"),
            "code,name,kind,parent,valid_from,valid_to\n"
            "X1,Skola utan förälder,unit,NO-SUCH-SECTOR,2025-01-01,\n"
            "X2,Bra skola,unit,SEK-LAR,2025-01-01,\n"
            "X3,Felaktig,unit,SEK-LAR,2025-05-01,2025-01-01\n");
  CommandRun run = styr("import --db " + demo.string() + " " + file("units.csv").string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("units[0].parent"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("NO-SUCH-SECTOR"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("units[2].valid_to"), std::string::npos) << run.err;
  EXPECT_EQ(styr("stats --db " + demo.string()).out, before);
}

TEST_F(Cli, GenerateWritesDeterministicMunicipalities) {
  CommandRun run = styr("generate --municipalities 2 --seed 5 --db " + file("a.db").string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(styr("generate --municipalities 2 --seed 5 --db " + file("b.db").string()).exit_code,
            0);
  ASSERT_EQ(styr("generate --municipalities 2 --seed 6 --db " + file("c.db").string()).exit_code,
            0);
  CommandRun a = styr("export --org 9002 --db " + file("a.db").string());
  CommandRun b = styr("export --org 9002 --db " + file("b.db").string());
  CommandRun c = styr("export --org 9002 --db " + file("c.db").string());
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_TRUE(a.out == b.out);
  EXPECT_FALSE(a.out == c.out);

  // Two organisations: commands that need one say so.
  CommandRun ambiguous = styr("check --db " + file("a.db").string());
  EXPECT_EQ(ambiguous.exit_code, 2);
  EXPECT_NE(ambiguous.err.find("--org"), std::string::npos) << ambiguous.err;
  CommandRun all = styr("check --all --db " + file("a.db").string());
  EXPECT_EQ(all.exit_code, 0) << all.out << all.err;
  EXPECT_NE(all.out.find("2 organisations checked"), std::string::npos) << all.out;
  CommandRun missing = styr("check --org 1234 --db " + file("a.db").string());
  EXPECT_EQ(missing.exit_code, 3);
}

TEST_F(Cli, GenerateNamesMunicipalitiesFromAFile) {
  std::string names = std::string(STYR_SHARED_DATA) + "/municipalities/municipality_county.csv";
  CommandRun run =
      styr("generate --municipalities 3 --names " + names + " --db " + file("named.db").string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  CommandRun stats = styr("stats --db " + file("named.db").string());
  EXPECT_EQ(nlohmann::json::parse(stats.out)["organisations"], 3);
  CommandRun export_first = styr("export --org 0114 --db " + file("named.db").string());
  ASSERT_EQ(export_first.exit_code, 0) << export_first.err;
  EXPECT_NE(export_first.out.find("Upplands Väsby kommun"), std::string::npos);
}

TEST_F(Cli, AuditVerifyFindsARowChangedOrRemovedBehindStyrsBack) {
  fs::path demo = demoDatabase();
  CommandRun intact = styr("audit verify --db " + demo.string());
  ASSERT_EQ(intact.exit_code, 0) << intact.err;
  EXPECT_NE(intact.out.find("the chain is intact"), std::string::npos) << intact.out;

  execute(demo, "UPDATE audit_entries SET actor = 'someone-else' WHERE sequence = 1000");
  CommandRun changed = styr("audit verify --db " + demo.string());
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_NE(changed.out.find("broken at entry 1000"), std::string::npos) << changed.out;
  EXPECT_NE(changed.out.find("by someone-else"), std::string::npos) << changed.out;

  execute(demo, "DELETE FROM audit_entries WHERE sequence = 500");
  CommandRun removed = styr("audit verify --org 1441 --db " + demo.string());
  EXPECT_EQ(removed.exit_code, 1);
  EXPECT_NE(removed.out.find("broken at entry 500: the entry is missing"), std::string::npos)
      << removed.out;
}

TEST_F(Cli, ServeAnswersOnTheDemoAndStopsCleanlyOnSigterm) {
  fs::path db = file("serve.db");
  fs::path out = file("serve.out");
  // Started as its own process, so the test can talk to it and then stop it as an operator.
  std::vector<std::string> arguments{STYR_BINARY, "serve",  "--port", "0",        "--threads",
                                     "2",         "--demo", "--db",   db.string()};
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, STYR_BINARY, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);

  std::string banner;
  for (int attempt = 0; attempt < 600 && banner.find("administrator") == std::string::npos;
       ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    banner = styr::test::readAll(out);
  }
  std::size_t at = banner.find("http://127.0.0.1:");
  ASSERT_NE(at, std::string::npos) << banner;
  std::string port = banner.substr(at + 17, banner.find('/', at + 17) - at - 17);
  EXPECT_NE(banner.find("password \"demo\""), std::string::npos) << banner;
  EXPECT_NE(banner.find("enhetschef"), std::string::npos) << banner;

  CommandRun health = shell("bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + port +
                            "; printf \"GET /api/v1/health HTTP/1.1\\r\\nHost: x\\r\\n"
                            "Connection: close\\r\\n\\r\\n\" >&3; cat <&3'");
  EXPECT_NE(health.out.find("200 OK"), std::string::npos) << health.out << health.err;
  EXPECT_NE(health.out.find(R"({"status":"ok"})"), std::string::npos) << health.out;

  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << styr::test::readAll(out);
  // The demo and its accounts stay in the database for the next start.
  CommandRun stats = styr("stats --db " + db.string());
  EXPECT_EQ(nlohmann::json::parse(stats.out)["organisations"], 1);
}

TEST_F(Cli, WrongUsageIsExplained) {
  CommandRun no_command = styr("");
  EXPECT_EQ(no_command.exit_code, 2);
  CommandRun no_db = styr("check");
  EXPECT_EQ(no_db.exit_code, 2);
  EXPECT_NE(no_db.err.find("--db"), std::string::npos) << no_db.err;
  writeFile(file("notes.txt"), "these are notes, not a database\n");
  CommandRun not_a_database = styr("check --db " + file("notes.txt").string());
  EXPECT_EQ(not_a_database.exit_code, 70);
  EXPECT_NE(not_a_database.err.find("styr:"), std::string::npos) << not_a_database.err;
}

}  // namespace
