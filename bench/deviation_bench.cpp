// Deviations (issue 6): how long reporting a gravity-4 deviation takes the server, and how long
// the time-limit sweep takes over a national database. Run by bench/deviations.sh (see
// docs/benchmarks.md):
//
//   bench_deviations report --db DB [--count N]
//     on the demo (`styr demo`), with the read models warm as in a running server: N reports of
//     a gravity-4 deviation by the demo's employee through app::reportDeviation, each timed from
//     the call to its commit (the lock, the levels computed from the chain, every level told
//     in the outbox, the audit entry). Prints the percentiles in ms, the levels and the
//     notifications of one report.
//   bench_deviations national --db DB [--per-organisation N] [--days D] [--tick-minutes M]
//     on a generated national database (`styr generate --municipalities 290`): N deviations in
//     every organisation, of every gravity, reported one after the other at instants spread over
//     D days by an employee of a random unit; nobody acknowledges. Meanwhile the sweep runs every
//     M minutes of that time, as `styr serve` runs it, and each run is timed; at the end one more
//     sweep catches up on everything due after a pause of a day (a server that was down).
//     Prints the sweep's percentiles, what it reminded and escalated, and the catch-up.

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "app/deviation_use_cases.hpp"
#include "app/read_model.hpp"
#include "demo/lerum_demo.hpp"
#include "demo/random.hpp"
#include "store/open_store.hpp"

namespace {

using namespace styr;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "bench_deviations: " << message << "\n";
  std::exit(2);
}

class SettableClock final : public app::Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return at_; }
  void set(std::chrono::system_clock::time_point at) { at_ = at; }

 private:
  std::chrono::system_clock::time_point at_;
};

double millisecondsSince(Steady::time_point start) {
  return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

std::string percentiles(std::vector<double> values) {
  if (values.empty()) return "no samples";
  std::sort(values.begin(), values.end());
  auto at = [&](double q) {
    return values[std::min(values.size() - 1, static_cast<std::size_t>(q * values.size()))];
  };
  return fmt::format("n={} median {:.2f} ms, p95 {:.2f} ms, p99 {:.2f} ms, max {:.2f} ms",
                     values.size(), at(0.5), at(0.95), at(0.99), values.back());
}

std::string option(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 2; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  return fallback;
}

app::Caller callerOf(const std::string& organisation, const std::string& person) {
  app::Caller caller;
  caller.actor.organisation = organisation;
  caller.actor.person = person;
  caller.actor.signed_in = true;
  caller.name = person + " (bench)";
  return caller;
}

app::DeviationReport reportOn(const std::string& unit, int gravity, const domain::Date& day) {
  app::DeviationReport report;
  report.unit = unit;
  report.category = domain::DeviationCategory::unforeseen_event;
  report.gravity = gravity;
  report.title = "Strömavbrott i hela kvarteret";
  report.description = "Ett strömavbrott slog ut larm, passersystem och kyl i fyra timmar.";
  report.occurred_on = day;
  report.immediate_actions = "Reservkraft kopplades in; kylvaror kasserades.";
  return report;
}

int runReport(int argc, char** argv) {
  auto store = store::openStore(option(argc, argv, "--db", ""));
  int count = std::stoi(option(argc, argv, "--count", "200"));
  const std::string organisation = "1441";
  auto people = demo::lerumKeyPeople();
  app::SystemClock clock;
  app::ReadModels models;
  models.current(*store, organisation);  // warm, as in a running server
  app::UseCaseContext context{*store, clock, models};
  app::Caller employee = callerOf(organisation, people.employee);
  std::vector<double> times;
  std::size_t levels = 0;
  for (int i = 0; i < count; ++i) {
    auto start = Steady::now();
    auto reported =
        app::reportDeviation(context, employee, reportOn("LAR-E01", 4, demo::lerumDemoDate()));
    times.push_back(millisecondsSince(start));
    if (!reported) fail(reported.error().message);
    levels = reported.value().levels.size();
  }
  std::size_t told = store->notificationsOf(organisation, people.sector_head, false, 100000).size();
  std::cout << fmt::format(
      "report a gravity-4 deviation ({} levels told at once; the sector head holds {} "
      "notifications after {} reports): {}\n",
      levels, told, count, percentiles(times));
  return 0;
}

int runNational(int argc, char** argv) {
  auto store = store::openStore(option(argc, argv, "--db", ""));
  int per_organisation = std::stoi(option(argc, argv, "--per-organisation", "10"));
  int days = std::stoi(option(argc, argv, "--days", "10"));
  int tick_minutes = std::stoi(option(argc, argv, "--tick-minutes", "5"));
  SettableClock clock;
  app::ReadModels models;
  app::UseCaseContext context{*store, clock, models};

  // Who reports where: in every organisation, the employees of its units and workplaces.
  struct Reporter {
    std::string organisation;
    std::string person;
    std::string unit;
  };
  std::vector<std::vector<Reporter>> reporters;
  auto setup_start = Steady::now();
  for (const auto& organisation : store->organisations()) {
    auto data = store->loadOrganisation(organisation.code);
    std::vector<Reporter> here;
    for (const auto& membership : data.memberships) {
      if (membership.role == domain::Role::employee && !membership.valid_to) {
        here.push_back({organisation.code, membership.person, membership.unit});
      }
    }
    if (!here.empty()) reporters.push_back(std::move(here));
  }
  if (reporters.empty()) fail("the database has no organisation with employees");
  std::cout << fmt::format("{} organisations read in {:.1f} s\n", reporters.size(),
                           millisecondsSince(setup_start) / 1000);

  // Every report at its instant, in time order, the sweep running between them on its ticks.
  demo::SplitMix64 random(7);
  const auto start = std::chrono::sys_days(demo::lerumDemoDate()) - std::chrono::days(days);
  const auto span = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::days(days));
  struct Planned {
    std::chrono::system_clock::time_point at;
    const Reporter* reporter;
    int gravity;
  };
  std::vector<Planned> plan;
  for (const auto& here : reporters) {
    for (int i = 0; i < per_organisation; ++i) {
      auto offset = std::chrono::seconds(random.next() % static_cast<std::uint64_t>(span.count()));
      plan.push_back({start + offset, &random.pick(here), random.between(1, 4)});
    }
  }
  std::sort(plan.begin(), plan.end(),
            [](const Planned& a, const Planned& b) { return a.at < b.at; });

  std::vector<double> report_times;
  std::vector<double> sweep_times;
  app::DeviationSweep total;
  auto next_tick = start + std::chrono::minutes(tick_minutes);
  auto sweepUntil = [&](std::chrono::system_clock::time_point until) {
    while (next_tick <= until) {
      clock.set(next_tick);
      auto begun = Steady::now();
      auto swept = app::sweepDeviations(*store, clock, models);
      sweep_times.push_back(millisecondsSince(begun));
      total.deviations += swept.deviations;
      total.reminded += swept.reminded;
      total.escalated += swept.escalated;
      next_tick += std::chrono::minutes(tick_minutes);
    }
  };
  for (const Planned& each : plan) {
    sweepUntil(each.at);
    clock.set(each.at);
    auto begun = Steady::now();
    auto reported =
        app::reportDeviation(context, callerOf(each.reporter->organisation, each.reporter->person),
                             reportOn(each.reporter->unit, each.gravity, clock.today()));
    report_times.push_back(millisecondsSince(begun));
    if (!reported) fail(reported.error().message);
  }
  sweepUntil(start + std::chrono::days(days));
  std::cout << fmt::format(
      "{} deviations reported (the first in each organisation reads it "
      "whole): {}\n",
      plan.size(), percentiles(report_times));
  std::cout << fmt::format(
      "the sweep every {} minutes over {} days: {}; it reminded {} levels, escalated {} times, "
      "changed {} deviations\n",
      tick_minutes, days, percentiles(sweep_times), total.reminded, total.escalated,
      total.deviations);

  // A day without a sweep, then one that catches up.
  clock.set(start + std::chrono::days(days + 1));
  auto begun = Steady::now();
  auto caught_up = app::sweepDeviations(*store, clock, models);
  std::cout << fmt::format(
      "after a day without a sweep, one run: {:.1f} ms (reminded {}, escalated {}, {} "
      "deviations changed)\n",
      millisecondsSince(begun), caught_up.reminded, caught_up.escalated, caught_up.deviations);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string command = argc > 1 ? argv[1] : "";
  if (command == "report") return runReport(argc, argv);
  if (command == "national") return runNational(argc, argv);
  std::cerr << "usage: bench_deviations report --db DB [--count N]\n"
               "       bench_deviations national --db DB [--per-organisation N] [--days D] "
               "[--tick-minutes M]\n";
  return 2;
}
