// `styr` on PostgreSQL, and moving between the backends. These run when scripts/test.sh has
// started a throwaway PostgreSQL server (STYR_TEST_POSTGRES_URL); otherwise they skip.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/store.hpp"
#include "cli/styr_command.hpp"
#include "domain/audit.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace {

using styr::test::BackendKind;
using styr::test::CommandRun;
using styr::test::TestDatabase;
using styr::test::writeFile;

class CliPostgres : public styr::test::StyrCommandTest {
 protected:
  void SetUp() override {
    if (!styr::test::postgresConfigured()) GTEST_SKIP() << "no PostgreSQL server configured";
    StyrCommandTest::SetUp();
  }

  // URLs hold '&' and '%': quoted for the shell.
  static std::string quoted(const std::string& db) { return "'" + db + "'"; }

  std::string name() const {
    return ::testing::UnitTest::GetInstance()->current_test_info()->name();
  }
};

TEST_F(CliPostgres, TheDemoOnPostgresExportsTheSameBytesAsOnSqlite) {
  TestDatabase postgres(BackendKind::postgres, name());
  CommandRun demo = styr("demo --db " + quoted(postgres.db()));
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  EXPECT_NE(demo.out.find("no rule is broken"), std::string::npos) << demo.out;
  ASSERT_EQ(styr("demo --db " + file("demo.db").string()).exit_code, 0);

  CommandRun from_postgres = styr("export --db " + quoted(postgres.db()));
  CommandRun from_sqlite = styr("export --db " + file("demo.db").string());
  ASSERT_EQ(from_postgres.exit_code, 0) << from_postgres.err;
  EXPECT_GT(from_postgres.out.size(), 100000U);
  EXPECT_TRUE(from_postgres.out == from_sqlite.out) << "the backends export different bytes";

  // The read commands answer alike on both.
  EXPECT_EQ(styr("stats --db " + quoted(postgres.db())).out,
            styr("stats --db " + file("demo.db").string()).out);
  EXPECT_EQ(styr("check --json --as-of 2025-11-30 --db " + quoted(postgres.db())).out,
            styr("check --json --as-of 2025-11-30 --db " + file("demo.db").string()).out);
  EXPECT_EQ(styr("trace --down --json --db " + quoted(postgres.db()) + " VOM-M01").out,
            styr("trace --down --json --db " + file("demo.db").string() + " VOM-M01").out);
}

TEST_F(CliPostgres, CopyMovesEverythingBetweenTheBackendsAndBack) {
  ASSERT_EQ(
      styr("generate --municipalities 2 --seed 3 --db " + file("source.db").string()).exit_code, 0);
  ASSERT_EQ(styr("demo --db " + file("source.db").string()).exit_code, 0);
  TestDatabase postgres(BackendKind::postgres, name());

  CommandRun there =
      styr("copy --from " + file("source.db").string() + " --to " + quoted(postgres.db()));
  ASSERT_EQ(there.exit_code, 0) << there.err;
  EXPECT_NE(there.out.find("Copied 3 organisations"), std::string::npos) << there.out;
  CommandRun back =
      styr("copy --from " + quoted(postgres.db()) + " --to " + file("back.db").string());
  ASSERT_EQ(back.exit_code, 0) << back.err;

  for (const std::string org : {"1441", "9001", "9002"}) {
    std::string source = styr("export --org " + org + " --db " + file("source.db").string()).out;
    EXPECT_EQ(styr("export --org " + org + " --db " + quoted(postgres.db())).out, source) << org;
    EXPECT_EQ(styr("export --org " + org + " --db " + file("back.db").string()).out, source) << org;
  }
  // The trail came along entry for entry, and each copy added one entry saying so.
  auto audit = [&](const std::string& db) {
    return nlohmann::json::parse(styr("stats --org 1441 --db " + db).out)["audit_entries"]
        .get<int>();
  };
  int source_entries = audit(file("source.db").string());
  EXPECT_EQ(audit(quoted(postgres.db())), source_entries + 1);
  EXPECT_EQ(audit(file("back.db").string()), source_entries + 2);

  // A second copy into the same target conflicts and writes nothing.
  CommandRun again =
      styr("copy --from " + file("source.db").string() + " --to " + quoted(postgres.db()));
  EXPECT_EQ(again.exit_code, 4);
  EXPECT_NE(again.err.find("nothing was copied"), std::string::npos) << again.err;
  EXPECT_EQ(audit(quoted(postgres.db())), source_entries + 1);
}

TEST_F(CliPostgres, TwoProcessesImportingIntoOneOrganisationLoseNothing) {
  TestDatabase postgres(BackendKind::postgres, name());
  ASSERT_EQ(styr("demo --db " + quoted(postgres.db())).exit_code, 0);
  int before =
      nlohmann::json::parse(styr("stats --db " + quoted(postgres.db())).out)["audit_entries"]
          .get<int>();
  // Each process adds 40 units under its own sector; both validate and write at once.
  for (const std::string side : {"a", "b"}) {
    std::string csv = "code,name,kind,parent,valid_from,valid_to\n";
    for (int i = 1; i <= 40; ++i) {
      csv += "NY-" + side + std::to_string(i) + ",Ny enhet " + side + std::to_string(i) + ",unit," +
             (side == "a" ? "SEK-LAR" : "SEK-VOO") + ",2025-09-01,\n";
    }
    writeFile(file(side + ".csv"), csv);
  }
  std::string binary = STYR_BINARY;
  std::string both = "(" + binary + " import --db " + quoted(postgres.db()) + " " +
                     file("a.csv").string() + " & " + binary + " import --db " +
                     quoted(postgres.db()) + " " + file("b.csv").string() + " & wait)";
  CommandRun run = shell(both);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::size_t first = run.out.find("Imported 40 records");
  ASSERT_NE(first, std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Imported 40 records", first + 1), std::string::npos) << run.out;

  auto stats = nlohmann::json::parse(styr("stats --db " + quoted(postgres.db())).out);
  EXPECT_EQ(stats["units_by_kind"]["unit"].get<int>(), 109 + 80) << run.out << run.err;
  EXPECT_EQ(stats["audit_entries"].get<int>(), before + 80);

  // One unbroken chain: every entry links to the one before it.
  auto store = styr::store::openStore(postgres.db());
  std::string previous;
  std::int64_t expected = 1;
  store->forEachAuditEntry("1441", 1, [&](const styr::domain::AuditEntry& entry) {
    EXPECT_EQ(entry.sequence, expected++);
    EXPECT_EQ(entry.previous_hash, previous);
    EXPECT_EQ(entry.hash, styr::domain::computeAuditHash(entry));
    previous = entry.hash;
  });
  EXPECT_EQ(expected - 1, before + 80);
}

TEST_F(CliPostgres, MigrateReportsTheSchemaAndNewerSchemasAreRefused) {
  TestDatabase postgres(BackendKind::postgres, name());
  CommandRun migrate = styr("migrate --db " + quoted(postgres.db()));
  ASSERT_EQ(migrate.exit_code, 0) << migrate.err;
  EXPECT_NE(migrate.out.find("is at version 4"), std::string::npos) << migrate.out;

  postgres.execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'from_the_future')");
  CommandRun refused = styr("stats --db " + quoted(postgres.db()));
  EXPECT_EQ(refused.exit_code, 70);
  EXPECT_NE(refused.err.find("newer than this styr knows"), std::string::npos) << refused.err;
}

TEST_F(CliPostgres, AuditVerifyFindsARowChangedBehindStyrsBack) {
  TestDatabase postgres(BackendKind::postgres, name());
  ASSERT_EQ(styr("demo --db " + quoted(postgres.db())).exit_code, 0);
  EXPECT_EQ(styr("audit verify --db " + quoted(postgres.db())).exit_code, 0);
  postgres.execute("UPDATE audit_entries SET after = '{}' WHERE sequence = 42");
  CommandRun changed = styr("audit verify --db " + quoted(postgres.db()));
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_NE(changed.out.find("broken at entry 42"), std::string::npos) << changed.out;
}

TEST_F(CliPostgres, AnUnreachableServerIsExplained) {
  CommandRun run = styr("stats --db 'postgresql://nobody@127.0.0.1:1/none?connect_timeout=2'");
  EXPECT_EQ(run.exit_code, 70);
  EXPECT_NE(run.err.find("cannot connect to PostgreSQL"), std::string::npos) << run.err;
}

}  // namespace
