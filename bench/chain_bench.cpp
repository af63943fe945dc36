// The steering chain's read paths on the Lerum demo in a SQLite file: trace down from a
// council goal, and the coverage analysis (with and without reading the organisation).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "app/clock.hpp"
#include "app/import_organisation.hpp"
#include "app/organisation_queries.hpp"
#include "demo/lerum_demo.hpp"
#include "store/open_store.hpp"
#include "store/postgres/pg_handle.hpp"

namespace {

using namespace styr;

// The demo in a fresh database: a SQLite file, or a PostgreSQL database named by
// $STYR_BENCH_POSTGRES_URL (bench/run.sh starts one), emptied first.
struct DemoDatabase {
  explicit DemoDatabase(const std::string& db) {
    if (store::isPostgresUrl(db)) {
      store::PgConnection(db).execute(
          "DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT ALL ON SCHEMA public TO public");
    } else {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    }
    store = store::openStore(db);
    app::SystemClock clock;
    auto imported = app::importOrganisation(*store, clock, "bench", demo::buildLerumDemo());
    if (!imported) throw std::runtime_error(imported.error().message);
    // The council's goals by the size of what hangs below them: the largest is the biggest
    // trace a user can ask for, the median a typical one.
    domain::OrganisationData data = store->loadOrganisation("1441");
    std::vector<std::pair<std::size_t, std::string>> goals;
    for (const auto& item : data.items) {
      if (item.issuer == "KF")
        goals.emplace_back(store->itemsBelow("1441", item.code).size(), item.code);
    }
    std::sort(goals.begin(), goals.end());
    largest = goals.back();
    median = goals[goals.size() / 2];
  }
  std::unique_ptr<app::Store> store;
  std::pair<std::size_t, std::string> largest;
  std::pair<std::size_t, std::string> median;
};

DemoDatabase& sqliteDemo() {
  static DemoDatabase database(
      (std::filesystem::temp_directory_path() / "styr-bench-demo.db").string());
  return database;
}

DemoDatabase& postgresDemo() {
  static DemoDatabase database(std::getenv("STYR_BENCH_POSTGRES_URL"));
  return database;
}

bool postgresConfigured() {
  return std::getenv("STYR_BENCH_POSTGRES_URL") != nullptr;
}

// Read from the store: what `styr trace --down` costs besides starting the process.
void traceDownFromTheStore(benchmark::State& state, DemoDatabase& database,
                           const std::pair<std::size_t, std::string>& goal) {
  for (auto _ : state) {
    auto trace = app::traceItem(*database.store, "1441", goal.second, app::TraceDirection::down);
    benchmark::DoNotOptimize(trace);
  }
  state.counters["items"] = static_cast<double>(goal.first);
}

// What `styr check` costs besides starting the process: read the organisation, check it.
void coverageReadFromTheStore(benchmark::State& state, DemoDatabase& database) {
  domain::Date as_of{std::chrono::year{2025} / 11 / 30};
  for (auto _ : state) {
    app::LoadedOrganisation loaded(database.store->loadOrganisation("1441"));
    auto report = app::checkOrganisation(loaded, as_of);
    benchmark::DoNotOptimize(report);
  }
}

// From the organisation's chain held in memory, as a long-running server holds it.
void traceDownInMemory(benchmark::State& state) {
  auto& database = sqliteDemo();
  app::LoadedOrganisation loaded(database.store->loadOrganisation("1441"));
  for (auto _ : state) {
    auto trace = domain::traceDown(loaded.index, database.largest.second);
    benchmark::DoNotOptimize(trace);
  }
  state.counters["items"] = static_cast<double>(database.largest.first);
}
BENCHMARK(traceDownInMemory)
    ->Name("traceDown/largestCouncilGoal/inMemory")
    ->Unit(benchmark::kMicrosecond);

void coverageInMemory(benchmark::State& state) {
  app::LoadedOrganisation loaded(sqliteDemo().store->loadOrganisation("1441"));
  domain::Date as_of{std::chrono::year{2025} / 11 / 30};
  for (auto _ : state) {
    auto coverage = domain::analyseCoverage(loaded.index, as_of);
    benchmark::DoNotOptimize(coverage);
  }
}
BENCHMARK(coverageInMemory)->Name("coverage/inMemory")->Unit(benchmark::kMicrosecond);

void buildTheDemoInMemory(benchmark::State& state) {
  for (auto _ : state) {
    auto demo = demo::buildLerumDemo();
    benchmark::DoNotOptimize(demo);
  }
}
BENCHMARK(buildTheDemoInMemory)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  // The store reads, side by side for each backend this run has.
  std::vector<std::pair<std::string, DemoDatabase& (*)()>> backends{{"sqlite", &sqliteDemo}};
  if (postgresConfigured()) backends.emplace_back("postgres", &postgresDemo);
  for (const auto& [name, demo] : backends) {
    benchmark::RegisterBenchmark(("traceDown/largestCouncilGoal/" + name).c_str(),
                                 [demo = demo](benchmark::State& state) {
                                   traceDownFromTheStore(state, demo(), demo().largest);
                                 })
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("traceDown/medianCouncilGoal/" + name).c_str(),
                                 [demo = demo](benchmark::State& state) {
                                   traceDownFromTheStore(state, demo(), demo().median);
                                 })
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(
        ("coverage/readFromTheStore/" + name).c_str(),
        [demo = demo](benchmark::State& state) { coverageReadFromTheStore(state, demo()); })
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
