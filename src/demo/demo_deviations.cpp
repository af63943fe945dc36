#include "demo/demo_deviations.hpp"

#include <fmt/format.h>

#include <chrono>
#include <functional>

#include "app/deviation_use_cases.hpp"
#include "app/read_model.hpp"
#include "demo/lerum_demo.hpp"

namespace styr::demo {

namespace {

using app::Caller;
using app::DeviationReport;
using domain::ActionStatus;
using domain::DeviationCategory;
using namespace std::chrono_literals;

constexpr const char* kOrganisation = "1441";
constexpr const char* kSchool = "LAR-E01";
constexpr const char* kHomeCare = "VOO-E01";  // Hemtjänst Lerum centrum

std::chrono::system_clock::time_point at(int year, unsigned month, unsigned day,
                                         std::chrono::minutes utc) {
  return std::chrono::sys_days(domain::Date{std::chrono::year{year} / month / day}) + utc;
}

domain::Date on(int year, unsigned month, unsigned day) {
  return domain::Date{std::chrono::year{year} / month / day};
}

//! Runs each step on its own instant, as a person signed in then, stopping at the first error.
class Script {
 public:
  explicit Script(app::Store& store) : store_(store) {}

  static Caller as(const std::string& person) {
    Caller caller;
    caller.actor.organisation = kOrganisation;
    caller.actor.person = person;
    caller.actor.signed_in = true;
    caller.name = fmt::format("{} (demo)", person);
    return caller;
  }

  //! Runs `step` with the clock at `when`; the deviation it returns becomes current().
  void step(std::chrono::system_clock::time_point when,
            const std::function<app::Result<domain::Deviation>(const app::UseCaseContext&)>& step) {
    if (error_) return;
    app::FixedClock clock(when);
    app::UseCaseContext context{store_, clock, models_};
    auto result = step(context);
    if (!result) {
      error_ = result.error();
      return;
    }
    current_ = result.value().code;
  }

  void sweep(std::chrono::system_clock::time_point when) {
    if (error_) return;
    app::FixedClock clock(when);
    app::sweepDeviations(store_, clock, models_);
  }

  [[nodiscard]] const std::string& current() const { return current_; }
  [[nodiscard]] const std::optional<app::Error>& error() const { return error_; }

 private:
  app::Store& store_;
  app::ReadModels models_;
  std::string current_;
  std::optional<app::Error> error_;
};

DeviationReport report(std::string unit, DeviationCategory category, int gravity, std::string title,
                       std::string description, domain::Date occurred_on,
                       std::string immediate_actions) {
  DeviationReport report;
  report.unit = std::move(unit);
  report.category = category;
  report.gravity = gravity;
  report.title = std::move(title);
  report.description = std::move(description);
  report.occurred_on = occurred_on;
  report.immediate_actions = std::move(immediate_actions);
  return report;
}

domain::DeviationAction action(std::string description, std::string owner, domain::Date due) {
  domain::DeviationAction action;
  action.description = std::move(description);
  action.owner = std::move(owner);
  action.due = due;
  return action;
}

//! The first person holding `role` in `unit` on the demo's date.
std::string holderOf(const domain::OrganisationData& data, std::string_view unit,
                     domain::Role role) {
  for (const domain::Membership& membership : data.memberships) {
    if (membership.unit == unit && membership.role == role &&
        domain::isValidOn(membership.valid_from, membership.valid_to, lerumDemoDate())) {
      return membership.person;
    }
  }
  return {};
}

}  // namespace

std::optional<app::Error> addDemoDeviations(app::Store& store) {
  const DemoKeyPeople people = lerumKeyPeople();
  const domain::OrganisationData data = store.loadOrganisation(kOrganisation);
  const std::string care_head = holderOf(data, kHomeCare, domain::Role::head);
  const std::string carer = holderOf(data, kHomeCare, domain::Role::employee);
  const std::string care_sector_head = holderOf(data, "SEK-VOO", domain::Role::head);
  if (care_head.empty() || carer.empty() || care_sector_head.empty()) {
    return app::Error{app::ErrorCode::not_found,
                      fmt::format("the demo's home care unit {} has no head, employee or sector "
                                  "head to report its deviation",
                                  kHomeCare),
                      {}};
  }
  const Caller employee = Script::as(people.employee);
  const Caller unit_manager = Script::as(people.unit_manager);
  const Caller sector_head = Script::as(people.sector_head);
  const Caller chief_executive = Script::as(people.chief_executive);
  const Caller board_chair = Script::as(people.board_member);
  const Caller controller = Script::as(people.controller);
  Script script(store);
  auto code = [&script] { return script.current(); };

  // Gravity 1, closed: an employee's report, handled by the unit manager within hours.
  script.step(at(2025, 9, 15, 6h + 40min), [&](const auto& context) {
    return app::reportDeviation(
        context, employee,
        report(kSchool, DeviationCategory::work_environment, 1, "Halkrisk vid skolans entré",
               "Ett trasigt stuprör gör att det bildas is vid huvudentrén på morgnarna. En "
               "elev halkade men skadade sig inte.",
               on(2025, 9, 15), "Sandat och satt upp en varningsskylt."));
  });
  script.step(at(2025, 9, 15, 9h + 5min), [&](const auto& context) {
    return app::acknowledgeDeviation(context, unit_manager, code(), std::nullopt);
  });
  script.step(at(2025, 9, 15, 9h + 10min), [&](const auto& context) {
    return app::addDeviationAction(
        context, unit_manager, code(),
        action("Laga stupröret och lägg en ny entrématta", people.unit_manager, on(2025, 10, 15)),
        std::nullopt);
  });
  script.step(at(2025, 10, 10, 7h), [&](const auto& context) {
    return app::changeDeviationAction(context, unit_manager, code(), 1, ActionStatus::done,
                                      std::nullopt, "Fastighetsavdelningen lagade stupröret.",
                                      std::nullopt);
  });
  script.step(at(2025, 10, 10, 7h + 5min), [&](const auto& context) {
    return app::closeDeviation(context, unit_manager, code(),
                               "Stupröret är lagat och en ny matta ligger på plats; ingen fler "
                               "halkolycka har inträffat.",
                               std::nullopt);
  });

  // Gravity 2, raised to 3 and lowered again: a home care unit's key system.
  script.step(at(2025, 10, 6, 5h + 30min), [&](const auto& context) {
    return app::reportDeviation(
        context, Script::as(carer),
        report(kHomeCare, DeviationCategory::operations, 2, "Digitala nyckelsystemet ur funktion",
               "Mobilappen för brukarnas lås fungerade inte mellan 06.00 och 12.00. Elva besök "
               "blev mer än en timme försenade.",
               on(2025, 10, 6), "Reservnycklar hämtades från kontoret; brukarna ringdes upp."));
  });
  script.step(at(2025, 10, 6, 6h), [&](const auto& context) {
    return app::acknowledgeDeviation(context, Script::as(care_head), code(), std::nullopt);
  });
  script.step(at(2025, 10, 6, 10h + 45min), [&](const auto& context) {
    return app::acknowledgeDeviation(context, Script::as(care_sector_head), code(), std::nullopt);
  });
  script.step(at(2025, 10, 6, 11h), [&](const auto& context) {
    return app::changeGravity(context, Script::as(care_sector_head), code(), 3,
                              "Samma system används i all hemtjänst; felet kan drabba hela "
                              "kommunen.",
                              std::nullopt);
  });
  script.step(at(2025, 10, 6, 12h + 20min), [&](const auto& context) {
    return app::acknowledgeDeviation(context, chief_executive, code(), std::nullopt);
  });
  script.step(at(2025, 10, 7, 8h), [&](const auto& context) {
    return app::changeGravity(context, chief_executive, code(), 2,
                              "Leverantören har rättat felet i hela systemet; kvar är "
                              "uppföljningen i enheten.",
                              std::nullopt);
  });
  script.step(at(2025, 10, 7, 8h + 30min), [&](const auto& context) {
    return app::addDeviationAction(
        context, Script::as(care_sector_head), code(),
        action("Rutin för reservnycklar vid driftstopp i alla hemtjänstgrupper", care_head,
               on(2025, 12, 19)),
        std::nullopt);
  });
  script.step(at(2025, 11, 4, 9h), [&](const auto& context) {
    return app::changeDeviationAction(
        context, Script::as(care_head), code(), 1, ActionStatus::in_progress, std::nullopt,
        "Rutinen är skriven; den gås igenom på arbetsplatsträffarna.", std::nullopt);
  });

  // Gravity 3: a sector's budget forecast, to the chief executive and the executive board,
  // whose level is reminded by the time-limit sweep before its secretary acknowledges.
  script.step(at(2025, 10, 20, 7h + 15min), [&](const auto& context) {
    auto deviation = report(
        "SEK-LAR", DeviationCategory::finances, 3, "Prognos: underskott för skolskjutsar",
        "Det nya skolskjutsavtalet och fler elever med skolskjuts i Gråbo ger ett prognosticerat "
        "underskott på 4,2 miljoner kronor för 2025.",
        on(2025, 10, 17), "Sektorn har stoppat nyrekryteringar av administrativ personal.");
    deviation.budget_effect_sek = -4'200'000;
    return app::reportDeviation(context, sector_head, deviation);
  });
  script.step(at(2025, 10, 20, 8h + 2min), [&](const auto& context) {
    return app::acknowledgeDeviation(context, chief_executive, code(), std::nullopt);
  });
  script.sweep(at(2025, 10, 20, 11h + 16min));
  script.step(at(2025, 10, 20, 11h + 30min), [&](const auto& context) {
    return app::acknowledgeDeviation(context, controller, code(), std::nullopt);
  });
  script.step(at(2025, 10, 21, 6h + 50min), [&](const auto& context) {
    return app::assessDeviation(context, chief_executive, code(),
                                "Underskottet ryms inte inom sektorns ram. Förslag om "
                                "omfördelning tas upp i månadsuppföljningen i november.",
                                std::nullopt);
  });
  script.step(at(2025, 10, 21, 7h), [&](const auto& context) {
    return app::addDeviationAction(context, chief_executive, code(),
                                   action("Se över upphandlingen av skolskjuts inför 2026",
                                          people.sector_head, on(2026, 2, 27)),
                                   std::nullopt);
  });

  // Gravity 4: a fire, which the council must know of.
  script.step(at(2025, 11, 3, 5h + 20min), [&](const auto& context) {
    auto deviation = report(
        kSchool, DeviationCategory::unforeseen_event, 4, "Brand i Aspenässkolans idrottshall",
        "En brand startade i idrottshallens förråd under natten. Ingen person skadades; "
        "hallen är rökskadad och kan inte användas under resten av läsåret.",
        on(2025, 11, 3),
        "Räddningstjänsten släckte branden; hallen är avspärrad och idrottslektionerna "
        "flyttade till Rydsbergshallen.");
    deviation.budget_effect_sek = -1'500'000;
    return app::reportDeviation(context, unit_manager, deviation);
  });
  script.step(at(2025, 11, 3, 5h + 45min), [&](const auto& context) {
    return app::acknowledgeDeviation(context, sector_head, code(), std::nullopt);
  });
  script.step(at(2025, 11, 3, 6h + 5min), [&](const auto& context) {
    return app::acknowledgeDeviation(context, chief_executive, code(), std::nullopt);
  });
  script.step(at(2025, 11, 3, 6h + 30min), [&](const auto& context) {
    return app::acknowledgeDeviation(context, controller, code(), std::nullopt);
  });
  script.step(at(2025, 11, 3, 9h), [&](const auto& context) {
    return app::commentOnDeviation(context, board_chair, code(),
                                   "Kommunfullmäktige informeras vid nästa sammanträde.",
                                   std::nullopt);
  });
  script.step(at(2025, 11, 4, 8h), [&](const auto& context) {
    return app::addDeviationAction(
        context, sector_head, code(),
        action("Återställa idrottshallen", people.sector_head, on(2026, 3, 31)), std::nullopt);
  });

  // Gravity 1, confidential: personal data.
  script.step(at(2025, 11, 12, 12h), [&](const auto& context) {
    auto deviation =
        report(kSchool, DeviationCategory::work_environment, 1, "Hot mot medarbetare",
               "En vårdnadshavare uttalade hot mot en medarbetare i samband med ett "
               "utvecklingssamtal.",
               on(2025, 11, 12), "Samtalet avbröts; medarbetaren fick stöd av en kollega.");
    deviation.confidential = true;
    return app::reportDeviation(context, employee, deviation);
  });
  script.step(at(2025, 11, 12, 13h + 10min), [&](const auto& context) {
    return app::acknowledgeDeviation(context, unit_manager, code(), std::nullopt);
  });
  script.step(at(2025, 11, 12, 13h + 20min), [&](const auto& context) {
    return app::commentOnDeviation(context, unit_manager, code(),
                                   "Polisanmälan är gjord och företagshälsovården kontaktad.",
                                   std::nullopt);
  });

  // Gravity 2, still waiting for the sector head on the demo's date.
  script.step(at(2025, 11, 28, 13h + 20min), [&](const auto& context) {
    return app::reportDeviation(
        context, employee,
        report(kSchool, DeviationCategory::quality, 2, "Skollunchen levererades inte",
               "Tillagningsköket levererade ingen lunch till skolan; 240 elever fick smörgåsar "
               "och frukt. Det är tredje gången denna termin.",
               on(2025, 11, 28), "Smörgåsar och frukt köptes in från närmaste butik."));
  });
  script.step(at(2025, 11, 28, 13h + 45min), [&](const auto& context) {
    return app::acknowledgeDeviation(context, unit_manager, code(), std::nullopt);
  });
  return script.error();
}

}  // namespace styr::demo
