// The steering chain's read paths on the Lerum demo in a SQLite file: trace down from a
// council goal, and the coverage analysis (with and without reading the organisation).

#include <benchmark/benchmark.h>

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
    // The council goal with the most below it: the largest trace a user can ask for.
    domain::OrganisationData data = store->loadOrganisation("1441");
    std::size_t most = 0;
    for (const auto& item : data.items) {
      if (item.issuer != "KF") continue;
      std::size_t below = store->itemsBelow("1441", item.code).size();
      if (below > most) {
        most = below;
        council_goal = item.code;
      }
    }
    trace_size = most;
  }
  std::string path;
  std::unique_ptr<store::SqliteStore> store;
  std::string council_goal;
  std::size_t trace_size = 0;
};

DemoDatabase& demoDatabase() {
  static DemoDatabase database;
  return database;
}

void traceDownFromACouncilGoal(benchmark::State& state) {
  auto& database = demoDatabase();
  for (auto _ : state) {
    auto trace =
        app::traceItem(*database.store, "1441", database.council_goal, app::TraceDirection::down);
    benchmark::DoNotOptimize(trace);
  }
  state.counters["items"] = static_cast<double>(database.trace_size);
}
BENCHMARK(traceDownFromACouncilGoal)->Unit(benchmark::kMicrosecond);

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
