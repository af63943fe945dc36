// `styr calendar` and `styr remind`: the follow-up plan's dates for people at a terminal,
// and the reminder sweep for cron.

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "app/clock.hpp"
#include "app/organisation_queries.hpp"
#include "app/read_model.hpp"
#include "app/reminders.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "domain/follow_up_plan.hpp"
#include "http/calendar_routes.hpp"
#include "store/open_store.hpp"

namespace styr::cli {

namespace {

//! The levels that can supply input, lowest first: the calendar's deadline columns.
constexpr domain::FollowUpLevel kSupplyingLevels[] = {
    domain::FollowUpLevel::unit, domain::FollowUpLevel::sector,
    domain::FollowUpLevel::chief_executive, domain::FollowUpLevel::committee,
    domain::FollowUpLevel::executive_board};

void printCalendar(const nlohmann::json& calendar, const domain::Organisation& organisation) {
  int year = calendar["year"].get<int>();
  if (calendar["adopted"].get<bool>()) {
    std::printf("%s\n", fmt::format("Follow-up plan {} of {} ({})", year, organisation.name,
                                    organisation.code)
                            .c_str());
  } else {
    std::printf("%s\n",
                fmt::format("No plan is stored for {} in {} ({}). This is the default plan, not "
                            "adopted: a controller adopts it with POST "
                            "/api/v1/occasions/default-plan {{\"year\": {}}}.",
                            year, organisation.name, organisation.code, year)
                    .c_str());
  }
  std::string header = fmt::format("{:<12} {:<15} {:<15} {:<10} {:<10} {:<6}", "occasion", "kind",
                                   "level", "period end", "meeting", "status");
  for (domain::FollowUpLevel level : kSupplyingLevels) {
    header += fmt::format(" {:<15}", domain::toString(level));
  }
  header.erase(header.find_last_not_of(' ') + 1);
  std::printf("\n%s\n", header.c_str());
  for (const auto& occasion : calendar["occasions"]) {
    std::string row =
        fmt::format("{:<12} {:<15} {:<15} {:<10} {:<10} {:<6}", occasion["code"].get<std::string>(),
                    occasion["kind"].get<std::string>(), occasion["level"].get<std::string>(),
                    occasion["period_end"].get<std::string>(),
                    occasion["meeting"].get<std::string>(), occasion["status"].get<std::string>());
    for (domain::FollowUpLevel level : kSupplyingLevels) {
      std::string deadline = "-";
      for (const auto& entry : occasion["deadlines"]) {
        if (entry["level"] == std::string(domain::toString(level))) {
          deadline = entry["deadline"].get<std::string>();
        }
      }
      row += fmt::format(" {:<15}", deadline);
    }
    row.erase(row.find_last_not_of(' ') + 1);
    std::printf("%s\n", row.c_str());
    std::printf("%s\n", fmt::format("{:<12} {} ({})", "", occasion["name"].get<std::string>(),
                                    occasion["body_name"].get<std::string>())
                            .c_str());
  }
  std::printf("%s\n", fmt::format("\n{} occasions; deadlines are the last day to submit (Swedish "
                                  "business days before the meeting).",
                                  calendar["occasions"].size())
                          .c_str());
}

}  // namespace

int runCalendar(const CommonOptions& common, const CalendarOptions& options) {
  if (options.year != 0 && (options.year < 1900 || options.year > 2200)) {
    return fail(
        app::Error{app::ErrorCode::invalid_input,
                   fmt::format("--year {} is no year of a plan: from 1900 to 2200", options.year),
                   {{"--year", "", "1900-2200"}}});
  }
  auto store = store::openStore(common.db);
  auto organisation = app::resolveOrganisation(*store, common.organisation);
  if (!organisation) return fail(organisation.error());
  int year = options.year != 0 ? options.year : static_cast<int>(app::SystemClock().today().year());
  app::LoadedOrganisation loaded(store->loadOrganisation(organisation.value().code));
  bool adopted = std::any_of(loaded.data.occasions.begin(), loaded.data.occasions.end(),
                             [&](const domain::FollowUpOccasion& o) { return o.year == year; });
  auto calendar = adopted ? http::calendarJson(year, loaded.data.occasions, loaded.index, true)
                          : http::calendarJson(year, domain::defaultFollowUpPlan(year, loaded.data),
                                               loaded.index, false);
  if (options.json) {
    std::cout << calendar.dump(2) << '\n';
  } else {
    printCalendar(calendar, organisation.value());
  }
  return kExitOk;
}

int runRemind(const CommonOptions& common) {
  auto store = store::openStore(common.db);
  auto named = app::organisationsNamed(*store, common.organisation);
  if (!named) return fail(named.error());
  const std::vector<domain::Organisation>& organisations = named.value();
  app::SystemClock clock;
  app::ReadModels models;
  std::size_t total = 0;
  for (const domain::Organisation& organisation : organisations) {
    std::size_t queued = app::sendDueReminders(*store, clock, models, organisation.code);
    total += queued;
    std::printf("%s\n", fmt::format("{} ({}): {} reminder{} queued", organisation.name,
                                    organisation.code, queued, queued == 1 ? "" : "s")
                            .c_str());
  }
  if (organisations.size() != 1) {
    std::printf("%s\n", fmt::format("{} reminder{} queued in {} organisations", total,
                                    total == 1 ? "" : "s", organisations.size())
                            .c_str());
  }
  return kExitOk;
}

}  // namespace styr::cli
