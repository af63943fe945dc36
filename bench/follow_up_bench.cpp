// The occasion overview with its full roll-up (issue 5): where every report-back to the
// interim report stands, counted up the unit tree; the derived status of every item from
// everything assessed below it; every indicator aggregated up the units. Measured in memory,
// as a request sees it through the read models, and cold from the store, on SQLite and
// PostgreSQL; beside it, the same roll-up written as one recursive SQL query per organisation,
// on the same data. With $STYR_BENCH_NATIONAL_DB (and $STYR_BENCH_NATIONAL_POSTGRES_URL), also
// all the organisations of a generated national database (bench/run.sh --national).

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "app/clock.hpp"
#include "app/import_organisation.hpp"
#include "app/organisation_queries.hpp"
#include "app/read_model.hpp"
#include "demo/lerum_demo.hpp"
#include "domain/occasion_overview.hpp"
#include "domain/roll_up.hpp"
#include "store/open_store.hpp"
#include "store/postgres/pg_handle.hpp"

namespace {

using namespace styr;

constexpr const char* kLerum = "1441";
constexpr const char* kInterimReport = "2025-DELAR";

// --- the roll-up, computed by Styr ------------------------------------------------------------

//! What the overview of an occasion shows with its full roll-up.
struct RolledUp {
  domain::OccasionOverview overview;
  std::vector<domain::DerivedStatus> derived;  //!< parallel to the data's items
  std::size_t indicator_rows = 0;              //!< (indicator, unit) aggregates
};

const domain::FollowUpOccasion& occasionOf(const domain::OrganisationData& data,
                                           const std::string& code) {
  for (const auto& occasion : data.occasions) {
    if (occasion.code == code) return occasion;
  }
  throw std::runtime_error(data.organisation.code + " has no occasion " + code);
}

RolledUp rollUp(const domain::OrganisationData& data, const domain::ChainIndex& index,
                const std::string& occasion_code) {
  const domain::FollowUpOccasion& occasion = occasionOf(data, occasion_code);
  RolledUp rolled{
      domain::occasionOverview(occasion, data, index, demo::lerumDemoDate(), app::swedishDate),
      {},
      0};
  domain::LatestAssessments latest = domain::latestAssessments(data, index, occasion);
  rolled.derived = domain::derivedStatuses(index, latest);
  std::vector<domain::IndicatorValue> reported = domain::reportedValues(data, occasion);
  for (const domain::Indicator& indicator : data.indicators) {
    rolled.indicator_rows +=
        domain::rollUpIndicator(indicator, reported, index, occasion.period_end).size();
  }
  return rolled;
}

// --- the same roll-up as one recursive SQL query ----------------------------------------------

// Per unit, the assessments of the newest submitted or approved version of every recipient's
// report-back to the occasion at or below the unit (a person counted at the unit that issued
// the item); per item, the newest assessment (of the year's occasions up to this one) of every
// item followed up in the period below it, and how many of those have none. Parameters: $1 the
// organisation, $2 the occasion, $3 the first day of its year. Written once for both backends:
// SQLite reads $1 as a named parameter, dates compare as ISO text there and as DATE here.
constexpr const char* kRecursiveRollUp = R"SQL(
WITH RECURSIVE
this_occasion AS (
  SELECT code, year, period_end FROM occasions WHERE organisation = $1 AND code = $2
),
versions AS (
  SELECT r.occasion, r.recipient_unit, r.recipient_person, r.version, r.submitted_at,
         o.period_end,
         ROW_NUMBER() OVER (PARTITION BY r.occasion, r.recipient_unit, r.recipient_person
                            ORDER BY r.version DESC) AS newest_of_recipient
  FROM report_backs r
  JOIN occasions o ON o.organisation = r.organisation AND o.code = r.occasion
  JOIN this_occasion t ON o.year = t.year AND o.period_end <= t.period_end
  WHERE r.organisation = $1 AND r.status IN ('submitted', 'approved')
),
-- Not materialised, so that PostgreSQL plans the join of every item below to it with the
-- statistics of the tables rather than a guess at the CTE's size (a nested loop over it took
-- 2.4 s on the demo).
assessed AS NOT MATERIALIZED (
  SELECT v.occasion, v.recipient_unit, v.newest_of_recipient, a.item, a.assessment,
         ROW_NUMBER() OVER (PARTITION BY a.item
                            ORDER BY v.period_end DESC, v.submitted_at DESC, v.version DESC)
           AS newest_of_item
  FROM versions v
  JOIN report_back_assessments a
    ON a.organisation = $1 AND a.occasion = v.occasion AND a.recipient_unit = v.recipient_unit
   AND a.recipient_person = v.recipient_person AND a.version = v.version
  WHERE a.assessment IS NOT NULL
),
counted AS (
  SELECT CASE WHEN s.recipient_unit <> '' THEN s.recipient_unit ELSE i.issuer END AS unit,
         SUM(CASE WHEN s.assessment = 'fulfilled' THEN 1 ELSE 0 END) AS fulfilled,
         SUM(CASE WHEN s.assessment = 'partly_fulfilled' THEN 1 ELSE 0 END) AS partly_fulfilled,
         SUM(CASE WHEN s.assessment = 'not_fulfilled' THEN 1 ELSE 0 END) AS not_fulfilled,
         SUM(CASE WHEN s.assessment = 'cannot_be_assessed' THEN 1 ELSE 0 END) AS cannot_be_assessed
  FROM assessed s
  JOIN items i ON i.organisation = $1 AND i.code = s.item
  WHERE s.occasion = $2 AND s.newest_of_recipient = 1
  GROUP BY 1
),
subtree (ancestor, unit) AS (
  SELECT code, code FROM units WHERE organisation = $1
  UNION ALL
  SELECT s.ancestor, u.code FROM subtree s JOIN units u ON u.organisation = $1 AND u.parent = s.unit
),
below (ancestor, item) AS (
  SELECT origin, code FROM items WHERE organisation = $1 AND origin IS NOT NULL AND origin <> ''
  UNION ALL
  SELECT b.ancestor, i.code FROM below b JOIN items i ON i.organisation = $1 AND i.origin = b.item
)
SELECT 'unit' AS kind, s.ancestor AS code, SUM(c.fulfilled) AS fulfilled,
       SUM(c.partly_fulfilled) AS partly_fulfilled, SUM(c.not_fulfilled) AS not_fulfilled,
       SUM(c.cannot_be_assessed) AS cannot_be_assessed, 0 AS not_assessed
FROM subtree s JOIN counted c ON c.unit = s.unit
GROUP BY s.ancestor
UNION ALL
SELECT 'item', b.ancestor,
       SUM(CASE WHEN l.assessment = 'fulfilled' THEN 1 ELSE 0 END),
       SUM(CASE WHEN l.assessment = 'partly_fulfilled' THEN 1 ELSE 0 END),
       SUM(CASE WHEN l.assessment = 'not_fulfilled' THEN 1 ELSE 0 END),
       SUM(CASE WHEN l.assessment = 'cannot_be_assessed' THEN 1 ELSE 0 END),
       SUM(CASE WHEN l.item IS NULL THEN 1 ELSE 0 END)
FROM below b
JOIN items i ON i.organisation = $1 AND i.code = b.item
JOIN this_occasion t ON 1 = 1
LEFT JOIN assessed l ON l.item = b.item AND l.newest_of_item = 1
WHERE i.status IN ('issued', 'acknowledged', 'completed') AND i.issued_on <= t.period_end
  AND (i.closed_on IS NULL OR i.closed_on >= $3)
GROUP BY b.ancestor
)SQL";

//! One row of the query's answer: a unit's or an item's counts.
struct SqlRow {
  std::string kind;
  std::string code;
  std::array<long long, 5> counts{};  //!< by domain::Assessment, then not assessed
};

std::string firstDayOf(const domain::FollowUpOccasion& occasion) {
  return std::to_string(occasion.year) + "-01-01";
}

//! The query on a SQLite file, through a connection of its own (read-only).
class SqliteRollUp {
 public:
  explicit SqliteRollUp(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot open " + path);
    }
    if (sqlite3_prepare_v2(db_, kRecursiveRollUp, -1, &statement_, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("the recursive roll-up: ") + sqlite3_errmsg(db_));
    }
  }
  ~SqliteRollUp() {
    sqlite3_finalize(statement_);
    sqlite3_close(db_);
  }
  SqliteRollUp(const SqliteRollUp&) = delete;
  SqliteRollUp& operator=(const SqliteRollUp&) = delete;

  std::vector<SqlRow> run(const std::string& organisation, const std::string& occasion,
                          const std::string& year_start) {
    sqlite3_reset(statement_);
    bind("$1", organisation);
    bind("$2", occasion);
    bind("$3", year_start);
    std::vector<SqlRow> rows;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement_)) == SQLITE_ROW) {
      SqlRow row;
      row.kind = reinterpret_cast<const char*>(sqlite3_column_text(statement_, 0));
      row.code = reinterpret_cast<const char*>(sqlite3_column_text(statement_, 1));
      for (int column = 0; column < 5; ++column) {
        row.counts.at(static_cast<std::size_t>(column)) =
            sqlite3_column_int64(statement_, column + 2);
      }
      rows.push_back(std::move(row));
    }
    if (step != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
    return rows;
  }

 private:
  void bind(const char* name, const std::string& value) {
    int position = sqlite3_bind_parameter_index(statement_, name);
    sqlite3_bind_text(statement_, position, value.c_str(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* statement_ = nullptr;
};

class PostgresRollUp {
 public:
  explicit PostgresRollUp(const std::string& url) : connection_(url) {}

  std::vector<SqlRow> run(const std::string& organisation, const std::string& occasion,
                          const std::string& year_start) {
    store::PgParams params;
    params.add(organisation).add(occasion).add(year_start);
    store::PgResult result = connection_.query(kRecursiveRollUp, params);
    std::vector<SqlRow> rows;
    rows.reserve(static_cast<std::size_t>(result.rows()));
    for (int index = 0; index < result.rows(); ++index) {
      store::PgRow row(result, index);
      SqlRow read{row.text(0), row.text(1), {}};
      for (int column = 0; column < 5; ++column) {
        read.counts.at(static_cast<std::size_t>(column)) = row.integer(column + 2);
      }
      rows.push_back(std::move(read));
    }
    return rows;
  }

 private:
  store::PgConnection connection_;
};

//! Whether the query and Styr agree, so that the two figures are of the same roll-up: every
//! unit's assessment counts and every item's derived status. Throws where they differ.
void checkSameRollUp(const std::vector<SqlRow>& rows, const RolledUp& rolled,
                     const domain::OrganisationData& data, const std::string& backend) {
  std::map<std::pair<std::string, std::string>, std::array<long long, 5>> by_code;
  for (const SqlRow& row : rows) by_code[{row.kind, row.code}] = row.counts;
  std::size_t compared = 0;
  for (const domain::UnitOverview& unit : rolled.overview.units) {
    const domain::AssessmentCounts& counts = unit.assessments;
    std::array<long long, 5> ours{counts.fulfilled, counts.partly_fulfilled, counts.not_fulfilled,
                                  counts.cannot_be_assessed, 0};
    auto found = by_code.find({"unit", unit.unit});
    std::array<long long, 5> theirs =
        found == by_code.end() ? std::array<long long, 5>{} : found->second;
    if (ours != theirs) {
      throw std::runtime_error(backend + ": the recursive query counts unit " + unit.unit +
                               " differently from the overview");
    }
    ++compared;
  }
  for (std::size_t idx = 0; idx < data.items.size(); ++idx) {
    const domain::DerivedStatus& status = rolled.derived[idx];
    if (status.items() == 0) continue;
    std::array<long long, 5> ours{};
    for (std::size_t value = 0; value < 4; ++value) {
      ours.at(value) = static_cast<long long>(status.assessed.at(value));
    }
    ours[4] = static_cast<long long>(status.not_assessed);
    auto found = by_code.find({"item", data.items[idx].code});
    if (found == by_code.end() || found->second != ours) {
      throw std::runtime_error(backend + ": the recursive query derives item " +
                               data.items[idx].code + " differently from Styr");
    }
    ++compared;
  }
  if (compared == 0) throw std::runtime_error(backend + ": nothing to compare");
}

// --- the databases ----------------------------------------------------------------------------

//! Empties the schema a PostgreSQL URL writes to (its search_path's first, usually "public").
void emptySchema(const std::string& url) {
  store::PgConnection connection(url);
  store::PgResult result = connection.query("SELECT current_schema()");
  std::string schema = "public";
  if (result.rows() > 0 && !store::PgRow(result, 0).isNull(0)) {
    schema = store::PgRow(result, 0).text(0);
  }
  std::string quoted = "\"";
  for (char c : schema) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  quoted += '"';
  connection.execute("DROP SCHEMA " + quoted + " CASCADE; CREATE SCHEMA " + quoted);
}

//! Gives PostgreSQL's planner the statistics of freshly written tables, as autovacuum does
//! within a minute or so of a write in any running installation. Without them it takes the
//! recursive query's intermediate results for a handful of rows and joins them in nested loops
//! (about 2 s on the demo instead of about 20 ms).
void analyse(const std::string& db) {
  if (store::isPostgresUrl(db)) store::PgConnection(db).execute("ANALYZE");
}

// The demo in a fresh database: a SQLite file, or the PostgreSQL database named by
// $STYR_BENCH_POSTGRES_URL (bench/run.sh starts one), emptied first.
struct DemoDatabase {
  explicit DemoDatabase(std::string database) : db(std::move(database)) {
    if (store::isPostgresUrl(db)) {
      emptySchema(db);
    } else {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    }
    store = store::openStore(db);
    app::SystemClock clock;
    auto imported = app::importOrganisation(*store, clock, "bench", demo::buildLerumDemo());
    if (!imported) throw std::runtime_error(imported.error().message);
    analyse(db);
  }
  std::string db;
  std::unique_ptr<app::Store> store;
};

DemoDatabase& sqliteDemo() {
  static DemoDatabase database(
      (std::filesystem::temp_directory_path() / "styr-bench-follow-up.db").string());
  return database;
}

DemoDatabase& postgresDemo() {
  static DemoDatabase database(std::getenv("STYR_BENCH_POSTGRES_URL"));
  return database;
}

const char* environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : nullptr;
}

//! The SQL roll-up on the backend a database argument names.
class RecursiveRollUp {
 public:
  explicit RecursiveRollUp(const std::string& db) {
    if (store::isPostgresUrl(db)) {
      postgres_ = std::make_unique<PostgresRollUp>(db);
    } else {
      sqlite_ = std::make_unique<SqliteRollUp>(db);
    }
  }
  std::vector<SqlRow> run(const std::string& organisation, const std::string& occasion,
                          const std::string& year_start) {
    return postgres_ ? postgres_->run(organisation, occasion, year_start)
                     : sqlite_->run(organisation, occasion, year_start);
  }

 private:
  std::unique_ptr<SqliteRollUp> sqlite_;
  std::unique_ptr<PostgresRollUp> postgres_;
};

// --- one organisation: the demo ---------------------------------------------------------------

void counters(benchmark::State& state, const RolledUp& rolled,
              const domain::OrganisationData& data) {
  state.counters["recipients"] = static_cast<double>(rolled.overview.recipients.size());
  state.counters["items"] = static_cast<double>(data.items.size());
  state.counters["report_backs"] = static_cast<double>(data.report_backs.size());
}

// (a) The computation alone, over the organisation held in memory.
void overviewInMemory(benchmark::State& state) {
  app::LoadedOrganisation loaded(sqliteDemo().store->loadOrganisation(kLerum));
  RolledUp rolled;
  for (auto _ : state) {
    rolled = rollUp(loaded.data, loaded.index, kInterimReport);
    benchmark::DoNotOptimize(rolled);
  }
  counters(state, rolled, loaded.data);
}

// Where the in-memory time goes: each part of the roll-up alone.
void overviewPart(benchmark::State& state, int part) {
  app::LoadedOrganisation loaded(sqliteDemo().store->loadOrganisation(kLerum));
  const domain::OrganisationData& data = loaded.data;
  const domain::FollowUpOccasion& occasion = occasionOf(data, kInterimReport);
  for (auto _ : state) {
    if (part == 0) {
      auto overview = domain::occasionOverview(occasion, data, loaded.index, demo::lerumDemoDate(),
                                               app::swedishDate);
      benchmark::DoNotOptimize(overview);
    } else if (part == 1) {
      auto latest = domain::latestAssessments(data, loaded.index, occasion);
      auto derived = domain::derivedStatuses(loaded.index, latest);
      benchmark::DoNotOptimize(derived);
    } else {
      std::vector<domain::IndicatorValue> reported = domain::reportedValues(data, occasion);
      std::size_t rows = 0;
      for (const domain::Indicator& indicator : data.indicators) {
        rows +=
            domain::rollUpIndicator(indicator, reported, loaded.index, occasion.period_end).size();
      }
      benchmark::DoNotOptimize(rows);
    }
  }
}

// What the read models pay to follow one report-back save without reading the organisation
// again: a copy of the organisation held in memory, and its index built anew.
void snapshotCopy(benchmark::State& state) {
  app::LoadedOrganisation loaded(sqliteDemo().store->loadOrganisation(kLerum));
  for (auto _ : state) {
    app::LoadedOrganisation copy(loaded.data);
    benchmark::DoNotOptimize(copy.index);
  }
}

// (b) As a request does it: ask the read models for the organisation, which costs one read of
// the audit sequence while the snapshot is current, and compute.
void overviewThroughReadModels(benchmark::State& state, DemoDatabase& database) {
  app::ReadModels models;
  models.current(*database.store, kLerum);
  RolledUp rolled;
  for (auto _ : state) {
    auto snapshot = models.current(*database.store, kLerum);
    rolled = rollUp(snapshot->data(), snapshot->index(), kInterimReport);
    benchmark::DoNotOptimize(rolled);
  }
  counters(state, rolled, models.current(*database.store, kLerum)->data());
}

// (c) Cold: read the organisation, index it, compute.
void overviewCold(benchmark::State& state, DemoDatabase& database) {
  for (auto _ : state) {
    app::LoadedOrganisation loaded(database.store->loadOrganisation(kLerum));
    RolledUp rolled = rollUp(loaded.data, loaded.index, kInterimReport);
    benchmark::DoNotOptimize(rolled);
  }
}

void recursiveSql(benchmark::State& state, DemoDatabase& database, const std::string& name) {
  RecursiveRollUp query(database.db);
  app::LoadedOrganisation loaded(database.store->loadOrganisation(kLerum));
  const domain::FollowUpOccasion& occasion = occasionOf(loaded.data, kInterimReport);
  const std::string year_start = firstDayOf(occasion);
  checkSameRollUp(query.run(kLerum, kInterimReport, year_start),
                  rollUp(loaded.data, loaded.index, kInterimReport), loaded.data, name);
  std::size_t rows = 0;
  for (auto _ : state) {
    auto answer = query.run(kLerum, kInterimReport, year_start);
    rows = answer.size();
    benchmark::DoNotOptimize(answer);
  }
  state.counters["rows"] = static_cast<double>(rows);
}

// --- every organisation of a national database ------------------------------------------------

struct NationalDatabase {
  explicit NationalDatabase(std::string database) : db(std::move(database)) {
    store = store::openStore(db);
    analyse(db);
    for (const domain::Organisation& organisation : store->organisations()) {
      codes.push_back(organisation.code);
    }
    if (codes.empty()) throw std::runtime_error(db + " holds no organisations");
    // A server that has answered once for each organisation holds a current snapshot of each.
    auto start = std::chrono::steady_clock::now();
    for (const std::string& code : codes) models.current(*store, code);
    load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  std::string db;
  std::unique_ptr<app::Store> store;
  std::vector<std::string> codes;
  app::ReadModels models;
  double load_seconds = 0;
};

void nationalThroughReadModels(benchmark::State& state, NationalDatabase& national) {
  std::size_t recipients = 0;
  for (auto _ : state) {
    recipients = 0;
    for (const std::string& code : national.codes) {
      auto snapshot = national.models.current(*national.store, code);
      RolledUp rolled = rollUp(snapshot->data(), snapshot->index(), kInterimReport);
      recipients += rolled.overview.recipients.size();
      benchmark::DoNotOptimize(rolled);
    }
  }
  state.counters["organisations"] = static_cast<double>(national.codes.size());
  state.counters["recipients"] = static_cast<double>(recipients);
  state.counters["snapshots_loaded_s"] = national.load_seconds;
}

void nationalRecursiveSql(benchmark::State& state, NationalDatabase& national,
                          const std::string& name) {
  RecursiveRollUp query(national.db);
  // Checked on the first organisation: the others are of the same shape.
  auto first = national.models.current(*national.store, national.codes.front());
  const std::string year_start = firstDayOf(occasionOf(first->data(), kInterimReport));
  checkSameRollUp(query.run(national.codes.front(), kInterimReport, year_start),
                  rollUp(first->data(), first->index(), kInterimReport), first->data(), name);
  std::size_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    for (const std::string& code : national.codes) {
      auto answer = query.run(code, kInterimReport, year_start);
      rows += answer.size();
      benchmark::DoNotOptimize(answer);
    }
  }
  state.counters["organisations"] = static_cast<double>(national.codes.size());
  state.counters["rows"] = static_cast<double>(rows);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RegisterBenchmark("overview/inMemory", overviewInMemory)
      ->Unit(benchmark::kMicrosecond);
  const std::array<const char*, 3> parts{"overview/inMemory/part/occasionOverview",
                                         "overview/inMemory/part/derivedStatuses",
                                         "overview/inMemory/part/indicatorRollUps"};
  for (std::size_t part = 0; part < parts.size(); ++part) {
    benchmark::RegisterBenchmark(parts.at(part), [part](benchmark::State& state) {
      overviewPart(state, static_cast<int>(part));
    })->Unit(benchmark::kMicrosecond);
  }
  benchmark::RegisterBenchmark("snapshot/copyAndIndex", snapshotCopy)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("snapshot/copyOnly", [](benchmark::State& state) {
    app::LoadedOrganisation loaded(sqliteDemo().store->loadOrganisation(kLerum));
    for (auto _ : state) {
      domain::OrganisationData copy = loaded.data;
      benchmark::DoNotOptimize(copy);
    }
  })->Unit(benchmark::kMicrosecond);
  std::vector<std::pair<std::string, DemoDatabase& (*)()>> backends{{"sqlite", &sqliteDemo}};
  if (environment("STYR_BENCH_POSTGRES_URL") != nullptr) {
    backends.emplace_back("postgres", &postgresDemo);
  }
  for (const auto& [name, demo] : backends) {
    benchmark::RegisterBenchmark(
        ("overview/readModels/" + name).c_str(),
        [demo = demo](benchmark::State& state) { overviewThroughReadModels(state, demo()); })
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("overview/cold/" + name).c_str(), [demo = demo](
                                                                        benchmark::State& state) {
      overviewCold(state, demo());
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("recursiveSql/" + name).c_str(), [demo = demo, name = name](
                                                                       benchmark::State& state) {
      recursiveSql(state, demo(), name);
    })->Unit(benchmark::kMillisecond);
  }

  // The national database is large: each benchmark runs its 290 organisations a few times.
  std::vector<std::pair<std::string, std::string>> nationals;
  if (const char* db = environment("STYR_BENCH_NATIONAL_DB")) nationals.emplace_back("sqlite", db);
  if (const char* db = environment("STYR_BENCH_NATIONAL_POSTGRES_URL")) {
    nationals.emplace_back("postgres", db);
  }
  std::vector<std::unique_ptr<NationalDatabase>> held;
  for (const auto& [name, db] : nationals) {
    held.push_back(std::make_unique<NationalDatabase>(db));
    NationalDatabase* national = held.back().get();
    benchmark::RegisterBenchmark(
        ("national/overview/readModels/" + name).c_str(),
        [national](benchmark::State& state) { nationalThroughReadModels(state, *national); })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(5);
    benchmark::RegisterBenchmark(("national/recursiveSql/" + name).c_str(),
                                 [national, name = name](benchmark::State& state) {
                                   nationalRecursiveSql(state, *national, name);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(2);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
