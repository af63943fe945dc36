// `styr deviations`: the deviations still open (or all of them) with how far up each is known
// and who has acknowledged, for whoever runs the system; and with --sweep the time-limit
// sweep once, for cron when `styr serve` is not the one running it.

#include <date/tz.h>
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/clock.hpp"
#include "app/deviation_use_cases.hpp"
#include "app/organisation_queries.hpp"
#include "app/read_model.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "domain/follow_up_scope.hpp"
#include "http/representations.hpp"
#include "store/open_store.hpp"

namespace styr::cli {

namespace {

using domain::Deviation;
using domain::DeviationLevel;

//! A stored timestamp (UTC) as Swedish local time to the minute, as people read it; the
//! stored text itself when it is no timestamp.
std::string localTime(const std::string& timestamp) {
  auto at = domain::parseTimestamp(timestamp);
  if (!at) return timestamp;
  static const ::date::time_zone* stockholm = ::date::locate_zone("Europe/Stockholm");
  return ::date::format("%Y-%m-%d %H:%M", ::date::make_zoned(stockholm, *at));
}

//! Where a level stands, in one word: acknowledged, released (the gravity was lowered below it
//! first), escalated (it stayed silent after a reminder, so the next level was told),
//! reminded, waiting, or not_acknowledged (the deviation was closed without it).
std::string levelState(const Deviation& deviation, const DeviationLevel& level) {
  if (!level.acknowledged_at.empty()) return "acknowledged";
  if (!level.released_at.empty()) return "released";
  if (deviation.state == domain::DeviationState::closed) return "not_acknowledged";
  if (!level.escalated_at.empty()) return "escalated";
  if (!level.reminded_at.empty()) return "reminded";
  return "waiting";
}

nlohmann::json orNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json deviationEntry(const domain::Organisation& organisation,
                              const domain::ChainIndex& index, const Deviation& deviation) {
  nlohmann::json levels = nlohmann::json::array();
  for (const DeviationLevel& level : deviation.levels) {
    nlohmann::json people = nlohmann::json::array();
    for (const std::string& person : level.people) {
      people.push_back({{"code", person}, {"name", http::personName(index, person)}});
    }
    levels.push_back({{"position", level.position},
                      {"unit", level.unit},
                      {"unit_name", http::unitName(index, level.unit)},
                      {"people", std::move(people)},
                      {"state", levelState(deviation, level)},
                      {"notified_at", level.notified_at},
                      {"acknowledged_at", orNull(level.acknowledged_at)},
                      {"acknowledged_by", orNull(level.acknowledged_by)},
                      {"acknowledged_by_name",
                       level.acknowledged_by.empty()
                           ? nlohmann::json(nullptr)
                           : nlohmann::json(http::personName(index, level.acknowledged_by))},
                      {"due_at", orNull(level.due_at)},
                      {"reminded_at", orNull(level.reminded_at)},
                      {"escalated_at", orNull(level.escalated_at)},
                      {"released_at", orNull(level.released_at)}});
  }
  return {{"organisation", organisation.code},
          {"code", deviation.code},
          {"unit", deviation.unit},
          {"unit_name", http::unitName(index, deviation.unit)},
          {"gravity", deviation.gravity},
          {"category", domain::toString(deviation.category)},
          {"state", domain::toString(deviation.state)},
          {"confidential", deviation.confidential},
          {"reported_at", deviation.reported_at},
          {"reported_by", deviation.reported_by},
          {"reported_by_name", http::personName(index, deviation.reported_by)},
          {"title", deviation.title},
          {"levels", std::move(levels)}};
}

//! What a level has done, as a person reads it.
std::string levelText(const Deviation& deviation, const DeviationLevel& level,
                      const domain::ChainIndex& index) {
  std::string state = levelState(deviation, level);
  if (state == "acknowledged") {
    return fmt::format("acknowledged {} by {}{}", localTime(level.acknowledged_at),
                       http::personName(index, level.acknowledged_by),
                       level.reminded_at.empty()
                           ? std::string()
                           : fmt::format(", after a reminder {}", localTime(level.reminded_at)));
  }
  if (state == "released") return fmt::format("released {}", localTime(level.released_at));
  if (state == "not_acknowledged") return "never acknowledged";
  std::string text = fmt::format("waiting since {}", localTime(level.notified_at));
  if (!level.reminded_at.empty())
    text += fmt::format(", reminded {}", localTime(level.reminded_at));
  if (!level.escalated_at.empty()) {
    text += fmt::format(", next level told {}", localTime(level.escalated_at));
  }
  return text;
}

void printDeviations(const domain::Organisation& organisation, const domain::ChainIndex& index,
                     const std::vector<Deviation>& deviations, bool all) {
  std::size_t open = std::count_if(deviations.begin(), deviations.end(), [](const Deviation& d) {
    return d.state == domain::DeviationState::open;
  });
  std::printf("%s\n",
              fmt::format("Deviations of {} ({}): {} open{}", organisation.name, organisation.code,
                          open, all ? fmt::format(", {} closed", deviations.size() - open) : "")
                  .c_str());
  if (deviations.empty()) return;
  std::printf("\n%s\n", fmt::format("{:<14} {:<10} {:<7} {:<17} {:<16}  {}", "code", "unit",
                                    "gravity", "category", "reported at", "title")
                            .c_str());
  for (const Deviation& deviation : deviations) {
    std::string title = deviation.title;
    if (deviation.confidential) title += " (confidential)";
    if (deviation.state == domain::DeviationState::closed) {
      title += fmt::format(" [closed {}]", localTime(deviation.closed_at));
    }
    std::printf("%s\n",
                fmt::format("{:<14} {:<10} {:<7} {:<17} {:<16}  {}", deviation.code, deviation.unit,
                            deviation.gravity, domain::toString(deviation.category),
                            localTime(deviation.reported_at), title)
                    .c_str());
    for (const DeviationLevel& level : deviation.levels) {
      std::string people;
      for (const std::string& person : level.people) {
        if (!people.empty()) people += ", ";
        people += http::personName(index, person);
      }
      if (people.empty()) people = "nobody holds the post";
      std::printf("%s\n", fmt::format("  {} {} ({}): told {}; {}", level.position,
                                      http::unitName(index, level.unit), level.unit, people,
                                      levelText(deviation, level, index))
                              .c_str());
    }
  }
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

}  // namespace

int runDeviations(const CommonOptions& common, const DeviationsOptions& options) {
  auto store = store::openStore(common.db);
  if (options.sweep) {
    app::SystemClock clock;
    app::ReadModels models;
    app::DeviationSweep sweep = app::sweepDeviations(*store, clock, models);
    std::printf("%s\n", fmt::format("deviation sweep: {} changed, {} reminded, {} told because "
                                    "the level below stayed silent",
                                    plural(sweep.deviations, "deviation", "deviations"),
                                    plural(sweep.reminded, "level", "levels"),
                                    plural(sweep.escalated, "level", "levels"))
                            .c_str());
    return kExitOk;
  }
  auto named = app::organisationsNamed(*store, common.organisation);
  if (!named) return fail(named.error());
  app::ReadModels models;
  nlohmann::json entries = nlohmann::json::array();
  bool first = true;
  for (const domain::Organisation& organisation : named.value()) {
    auto snapshot = models.current(*store, organisation.code);
    auto deviations =
        store->deviations(organisation.code,
                          options.all ? std::nullopt : std::optional(domain::DeviationState::open));
    if (options.json) {
      for (const Deviation& deviation : deviations) {
        entries.push_back(deviationEntry(organisation, snapshot->index(), deviation));
      }
      continue;
    }
    if (!first) std::printf("\n");
    first = false;
    printDeviations(organisation, snapshot->index(), deviations, options.all);
  }
  if (options.json) std::cout << entries.dump(2) << '\n';
  return kExitOk;
}

}  // namespace styr::cli
