// The steering chain's read paths on the Lerum demo in a SQLite file: trace down from a
// council goal, and the coverage analysis (with and without reading the organisation).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "app/clock.hpp"
#include "app/import_organisation.hpp"
#include "app/organisation_queries.hpp"
#include "demo/lerum_demo.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace {

using namespace styr;

struct DemoDatabase {
  DemoDatabase() {
    path = (std::filesystem::temp_directory_path() / "styr-bench-demo.db").string();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    store = std::make_unique<store::SqliteStore>(path);
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
  std::string path;
  std::unique_ptr<store::SqliteStore> store;
  std::pair<std::size_t, std::string> largest;
  std::pair<std::size_t, std::string> median;
};

DemoDatabase& demoDatabase() {
  static DemoDatabase database;
  return database;
}

// Read from the store: what `styr trace --down` costs besides starting the process.
void traceDownFromTheStore(benchmark::State& state,
                           std::pair<std::size_t, std::string> DemoDatabase::*goal) {
  auto& database = demoDatabase();
  const auto& [size, code] = database.*goal;
  for (auto _ : state) {
    auto trace = app::traceItem(*database.store, "1441", code, app::TraceDirection::down);
    benchmark::DoNotOptimize(trace);
  }
  state.counters["items"] = static_cast<double>(size);
}
BENCHMARK_CAPTURE(traceDownFromTheStore, largestCouncilGoal, &DemoDatabase::largest)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(traceDownFromTheStore, medianCouncilGoal, &DemoDatabase::median)
    ->Unit(benchmark::kMicrosecond);

// From the organisation's chain held in memory, as a long-running server holds it.
void traceDownInMemory(benchmark::State& state,
                       std::pair<std::size_t, std::string> DemoDatabase::*goal) {
  auto& database = demoDatabase();
  app::LoadedOrganisation loaded(database.store->loadOrganisation("1441"));
  const auto& [size, code] = database.*goal;
  for (auto _ : state) {
    auto trace = domain::traceDown(loaded.index, code);
    benchmark::DoNotOptimize(trace);
  }
  state.counters["items"] = static_cast<double>(size);
}
BENCHMARK_CAPTURE(traceDownInMemory, largestCouncilGoal, &DemoDatabase::largest)
    ->Unit(benchmark::kMicrosecond);

void coverageOfTheDemoReadFromTheStore(benchmark::State& state) {
  auto& database = demoDatabase();
  domain::Date as_of{std::chrono::year{2025} / 10 / 31};
  for (auto _ : state) {
    app::LoadedOrganisation loaded(database.store->loadOrganisation("1441"));
    auto report = app::checkOrganisation(loaded, as_of);
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(coverageOfTheDemoReadFromTheStore)->Unit(benchmark::kMillisecond);

void coverageOfTheDemoInMemory(benchmark::State& state) {
  auto& database = demoDatabase();
  app::LoadedOrganisation loaded(database.store->loadOrganisation("1441"));
  domain::Date as_of{std::chrono::year{2025} / 10 / 31};
  for (auto _ : state) {
    auto coverage = domain::analyseCoverage(loaded.index, as_of);
    benchmark::DoNotOptimize(coverage);
  }
}
BENCHMARK(coverageOfTheDemoInMemory)->Unit(benchmark::kMicrosecond);

void buildTheDemoInMemory(benchmark::State& state) {
  for (auto _ : state) {
    auto demo = demo::buildLerumDemo();
    benchmark::DoNotOptimize(demo);
  }
}
BENCHMARK(buildTheDemoInMemory)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
