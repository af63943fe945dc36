#include "cli/commands.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "app/add_account.hpp"
#include "app/clock.hpp"
#include "app/copy_database.hpp"
#include "app/deviation_use_cases.hpp"
#include "app/import_organisation.hpp"
#include "app/organisation_queries.hpp"
#include "app/outbox.hpp"
#include "app/reminders.hpp"
#include "app/verify_audit_trail.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "demo/demo_deviations.hpp"
#include "demo/demo_setup.hpp"
#include "demo/generator.hpp"
#include "demo/lerum_demo.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "interchange/csv.hpp"
#include "interchange/organisation_json.hpp"
#include "mail/smtp_mailer.hpp"
#include "store/open_store.hpp"

namespace styr::cli {

namespace {

int failProblems(const std::vector<interchange::Problem>& problems, std::string_view source) {
  app::Error error{app::ErrorCode::invalid_input,
                   fmt::format("{} has {} problem{}; nothing was written", source, problems.size(),
                               problems.size() == 1 ? "" : "s"),
                   {}};
  for (const auto& problem : problems)
    error.details.push_back({problem.where, "", problem.message});
  return fail(error);
}

std::optional<std::string> readFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A hosting provider's view: every organisation's rules and coverage, one line each.
int checkAll(app::Store& store, const domain::Date& as_of) {
  auto start = std::chrono::steady_clock::now();
  std::size_t broken = 0;
  std::size_t findings = 0;
  auto organisations = store.organisations();
  for (const auto& organisation : organisations) {
    app::LoadedOrganisation loaded(store.loadOrganisation(organisation.code));
    auto report = app::checkOrganisation(loaded, as_of);
    broken += report.violations.empty() ? 0 : 1;
    findings += report.coverage.findings();
    std::printf("%s\n", fmt::format("{} {}: {} rules broken, {} coverage findings in {} items",
                                    organisation.code, organisation.name, report.violations.size(),
                                    report.coverage.findings(), report.coverage.items)
                            .c_str());
  }
  std::printf("%s\n", fmt::format("{} organisations checked in {:.2f} s: {} with broken rules, "
                                  "{} coverage findings in all",
                                  organisations.size(), secondsSince(start), broken, findings)
                          .c_str());
  return broken == 0 ? kExitOk : kExitRuleBroken;
}

}  // namespace

std::string actorFromEnvironment() {
  const char* user = std::getenv("USER");
  return fmt::format("cli:{}", user != nullptr && *user != '\0' ? user : "unknown");
}

int runDemo(const CommonOptions& common, const DemoOptions& /*options*/) {
  auto start = std::chrono::steady_clock::now();
  auto store = store::openStore(common.db);
  app::SystemClock clock;
  domain::OrganisationData demo = demo::buildLerumDemo();
  bool created = false;
  if (!store->organisation(demo.organisation.code)) {
    auto imported = app::importOrganisation(*store, clock, common.actor, demo);
    if (!imported) return fail(imported.error());
    if (auto error = demo::addDemoDeviations(*store)) return fail(*error);
    created = true;
  }
  app::LoadedOrganisation loaded(store->loadOrganisation(demo.organisation.code));
  auto report = app::checkOrganisation(loaded, demo::lerumDemoDate());
  std::printf("%s\n", created ? fmt::format("The Lerum demo was written to {} in {:.2f} s.",
                                            common.db, secondsSince(start))
                                    .c_str()
                              : fmt::format("{} already holds the Lerum demo.", common.db).c_str());
  printChainSummary(loaded);
  printCheckReport(report, 10);
  return report.violations.empty() ? kExitOk : kExitRuleBroken;
}

int runGenerate(const CommonOptions& common, const GenerateOptions& options) {
  std::vector<std::pair<std::string, std::string>> names;
  if (!options.names.empty()) {
    auto text = readFile(options.names);
    if (!text) {
      return fail({app::ErrorCode::invalid_input,
                   fmt::format("cannot read the names file {}", options.names),
                   {}});
    }
    auto parsed = interchange::municipalitiesFromCsv(*text, options.names);
    if (!parsed.value) return failProblems(parsed.problems, options.names);
    names = std::move(*parsed.value);
    if (names.size() < static_cast<std::size_t>(options.municipalities)) {
      return fail({app::ErrorCode::invalid_input,
                   fmt::format("{} names only {} municipalities, fewer than the {} asked for",
                               options.names, names.size(), options.municipalities),
                   {}});
    }
  }
  auto start = std::chrono::steady_clock::now();
  auto store = store::openStore(common.db);
  app::SystemClock clock;
  std::size_t records = 0;
  for (int index = 1; index <= options.municipalities; ++index) {
    std::string code = names.empty() ? fmt::format("{:04d}", 9000 + index) : names[index - 1].first;
    std::string name =
        names.empty() ? fmt::format("Syntetiska kommunen {:03d}", index) : names[index - 1].second;
    // Each municipality's seed depends on the run's seed and its position only, so any one of
    // them can be regenerated on its own.
    std::uint64_t seed = options.seed * 1'000'003ULL + static_cast<std::uint64_t>(index);
    auto imported = app::importOrganisation(*store, clock, common.actor,
                                            demo::generateMunicipality(code, name, seed));
    if (!imported) return fail(imported.error());
    records += imported.value().records;
    if (index % 10 == 0 || index == options.municipalities) {
      std::fprintf(stderr, "generated %d of %d municipalities (%.1f s)\n", index,
                   options.municipalities, secondsSince(start));
    }
  }
  std::printf("%s\n", fmt::format("Wrote {} municipalities ({} records) to {} in {:.1f} s.",
                                  options.municipalities, records, common.db, secondsSince(start))
                          .c_str());
  return kExitOk;
}

int runCheck(const CommonOptions& common, const CheckOptions& options) {
  domain::Date as_of = app::SystemClock{}.today();
  if (!options.as_of.empty()) {
    auto parsed = domain::parseDate(options.as_of);
    if (!parsed) {
      return fail({app::ErrorCode::invalid_input,
                   fmt::format("--as-of '{}' is not a date (YYYY-MM-DD)", options.as_of),
                   {}});
    }
    as_of = *parsed;
  }
  auto store = store::openStore(common.db);
  if (options.all) return checkAll(*store, as_of);
  auto organisation = app::resolveOrganisation(*store, common.organisation);
  if (!organisation) return fail(organisation.error());
  app::LoadedOrganisation loaded(store->loadOrganisation(organisation.value().code));
  auto report = app::checkOrganisation(loaded, as_of);
  if (options.json) {
    std::cout << checkReportJson(loaded.data.organisation, report) << '\n';
  } else {
    printCheckReport(report, options.limit);
  }
  return report.violations.empty() ? kExitOk : kExitRuleBroken;
}

int runTrace(const CommonOptions& common, const TraceOptions& options) {
  auto store = store::openStore(common.db);
  auto organisation = app::resolveOrganisation(*store, common.organisation);
  if (!organisation) return fail(organisation.error());
  auto trace = app::traceItem(*store, organisation.value().code, options.item,
                              options.down ? app::TraceDirection::down : app::TraceDirection::up);
  if (!trace) return fail(trace.error());
  if (options.json) {
    std::cout << traceJson(*trace.value()) << '\n';
  } else {
    printTrace(*trace.value());
  }
  return kExitOk;
}

int runStats(const CommonOptions& common) {
  auto store = store::openStore(common.db);
  std::string organisation;
  if (!common.organisation.empty()) {
    auto found = app::resolveOrganisation(*store, common.organisation);
    if (!found) return fail(found.error());
    organisation = found.value().code;
  }
  std::cout << statsJson(store->counts(organisation)) << '\n';
  return kExitOk;
}

int runExport(const CommonOptions& common) {
  auto store = store::openStore(common.db);
  auto organisation = app::resolveOrganisation(*store, common.organisation);
  if (!organisation) return fail(organisation.error());
  std::cout << interchange::organisationToJson(store->loadOrganisation(organisation.value().code));
  return kExitOk;
}

int runImport(const CommonOptions& common, const ImportOptions& options) {
  auto text = readFile(options.path);
  if (!text) {
    return fail(
        {app::ErrorCode::invalid_input, fmt::format("cannot read the file {}", options.path), {}});
  }
  app::SystemClock clock;
  auto kind = interchange::detectImportKind(*text);
  if (kind == interchange::ImportKind::organisation_json) {
    auto parsed = interchange::organisationFromJson(*text);
    if (!parsed.value) return failProblems(parsed.problems, options.path);
    auto store = store::openStore(common.db);
    auto imported = app::importOrganisation(*store, clock, common.actor, *parsed.value);
    if (!imported) return fail(imported.error());
    printImportReport(imported.value(), options.path);
    return kExitOk;
  }
  app::UnitsAndPeople records;
  if (kind == interchange::ImportKind::units_csv) {
    auto parsed = interchange::unitsFromCsv(*text, options.path);
    if (!parsed.value) return failProblems(parsed.problems, options.path);
    records.units = std::move(*parsed.value);
  } else if (kind == interchange::ImportKind::people_csv) {
    auto parsed = interchange::peopleFromCsv(*text, options.path);
    if (!parsed.value) return failProblems(parsed.problems, options.path);
    records.people = std::move(parsed.value->people);
    records.memberships = std::move(parsed.value->memberships);
  } else {
    return fail({app::ErrorCode::invalid_input,
                 fmt::format("{} is neither exchange-format JSON nor a units or people CSV "
                             "(see docs/exchange-format.md for the columns)",
                             options.path),
                 {}});
  }
  auto store = store::openStore(common.db);
  auto organisation = app::resolveOrganisation(*store, common.organisation);
  if (!organisation) return fail(organisation.error());
  auto imported =
      app::importUnitsAndPeople(*store, clock, common.actor, organisation.value().code, records);
  if (!imported) return fail(imported.error());
  printImportReport(imported.value(), options.path);
  return kExitOk;
}

}  // namespace styr::cli

namespace styr::cli {

namespace {

// How often `styr serve` looks for due e-mail: reminders are not urgent to the second, and an
// idle round is one indexed query.
constexpr std::chrono::seconds kMailInterval{5};
// How often `styr serve` sweeps for reminders due: deadlines are days, so a minute is prompt.
constexpr std::chrono::seconds kReminderInterval{60};

struct Mail {
  std::unique_ptr<mail::SmtpMailer> mailer;
  app::DeliveryOptions delivery;
};

std::string defaultSender() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') return "styr@localhost";
  return fmt::format("styr@{}", host);
}

app::Result<Mail> openMail(const MailOptions& options) {
  mail::SmtpOptions smtp;
  smtp.url = options.smtp_url;
  smtp.user = options.smtp_user;
  if (const char* password = std::getenv("STYR_SMTP_PASSWORD")) smtp.password = password;
  auto mailer = mail::SmtpMailer::open(std::move(smtp));
  if (!mailer) return mailer.error();
  Mail opened{std::move(mailer).value(), {}};
  opened.delivery.from = options.from.empty() ? defaultSender() : options.from;
  if (auto problem = mail::fromProblem(opened.delivery.from)) {
    return app::Error{app::ErrorCode::invalid_input,
                      fmt::format("--mail-from '{}': {}", opened.delivery.from, *problem),
                      {}};
  }
  return opened;
}

std::string countsText(const app::DeliveryCounts& counts) {
  return fmt::format("{} sent, {} to be retried, {} failed", counts.sent, counts.retried,
                     counts.failed);
}

}  // namespace

int runMigrate(const CommonOptions& common) {
  auto store = store::openStore(common.db, store::SchemaPolicy::migrate);
  std::printf("%s\n", fmt::format("The schema of {} is at version {}, the newest this styr knows.",
                                  common.db, store->schemaVersion())
                          .c_str());
  return kExitOk;
}

int runCopy(const CommonOptions& common, const CopyOptions& options) {
  auto start = std::chrono::steady_clock::now();
  auto from = store::openStore(options.from);
  auto to = store::openStore(options.to);
  app::SystemClock clock;
  auto copied = app::copyDatabase(*from, *to, clock, common.actor,
                                  store::isPostgresUrl(options.from) ? "postgres" : "sqlite");
  if (!copied) return fail(copied.error());
  std::size_t records = 0;
  for (const auto& organisation : copied.value()) {
    records += organisation.records;
    std::printf("%s\n",
                fmt::format("{} {}: {} records, {} audit entries, verified", organisation.code,
                            organisation.name, organisation.records, organisation.audit_entries)
                    .c_str());
  }
  std::printf("%s\n", fmt::format("Copied {} organisations ({} records) in {:.1f} s; every copy "
                                  "reads back the same as its source.",
                                  copied.value().size(), records, secondsSince(start))
                          .c_str());
  return kExitOk;
}

int runAuditVerify(const CommonOptions& common) {
  auto store = store::openStore(common.db);
  auto named = app::organisationsNamed(*store, common.organisation);
  if (!named) return fail(named.error());
  const std::vector<domain::Organisation>& organisations = named.value();
  std::size_t broken = 0;
  for (const auto& organisation : organisations) {
    auto result = app::verifyAuditTrail(*store, organisation.code);
    if (result.intact()) {
      std::printf("%s\n", fmt::format("{} {}: {} entries, the chain is intact", organisation.code,
                                      organisation.name, result.entries)
                              .c_str());
      continue;
    }
    ++broken;
    std::printf("%s\n", fmt::format("{} {}: the chain is broken at entry {}: {}", organisation.code,
                                    organisation.name, result.broken_at, result.reason)
                            .c_str());
    if (result.broken.sequence == result.broken_at) {
      std::printf("%s\n",
                  fmt::format("  entry {}: {} {} {} {} by {}", result.broken.sequence,
                              result.broken.at, result.broken.action, result.broken.record_kind,
                              result.broken.record, result.broken.actor)
                      .c_str());
    }
  }
  return broken == 0 ? kExitOk : kExitRuleBroken;
}

int runUserAdd(const CommonOptions& common, const UserAddOptions& options) {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto store = store::openStore(common.db);
  auto organisation = app::resolveOrganisation(*store, common.organisation);
  if (!organisation) return fail(organisation.error());
  app::SystemClock clock;
  auto added = app::addAccount(*store, clock, common.actor,
                               {organisation.value().code, options.username, options.person,
                                options.administrator, password});
  if (!added) return fail(added.error());
  std::printf("%s\n", fmt::format("Created the account {} in {}{}.", options.username,
                                  organisation.value().code,
                                  options.administrator ? " (administrator)" : "")
                          .c_str());
  return kExitOk;
}

int runServe(const CommonOptions& common, const ServeOptions& options) {
  std::optional<Mail> email;
  if (!options.mail.smtp_url.empty()) {
    auto opened = openMail(options.mail);
    if (!opened) return fail(opened.error());
    email = std::move(opened).value();
  }
  // The demo is a snapshot of late 2025 (its political terms end with the 2026 election), so
  // it is served on its own date, with time flowing from there.
  app::SystemClock system_clock;
  app::ShiftedClock demo_clock = app::ShiftedClock::startingOn(demo::lerumDemoDate());
  const app::Clock& clock = options.demo ? static_cast<const app::Clock&>(demo_clock)
                                         : static_cast<const app::Clock&>(system_clock);
  if (options.demo) {
    auto store = store::openStore(common.db);
    if (auto error = demo::ensureDemo(*store, clock, common.actor)) return fail(*error);
  }
  // Store connections are not shared between threads: each io thread opens its own.
  std::string db = common.db;
  http::ApiContext context{[db]() -> app::Store& {
                             thread_local std::unique_ptr<app::Store> store;
                             if (!store) store = store::openStore(db);
                             return *store;
                           },
                           &clock};
  context.store();  // fail now, with the reason, if the database cannot be opened
  http::Router router;
  http::addApiRoutes(router, context);
  // The browser UI: the directory asked for must hold a built UI; the default one is used when
  // it was built, else only the API is served (a server for other systems needs no UI).
  std::optional<http::StaticFiles> web;
  std::filesystem::path web_root =
      options.web.empty() ? http::defaultWebRoot() : std::filesystem::path(options.web);
  if (!options.web.empty() || std::filesystem::exists(web_root / "index.html")) {
    try {
      web = http::StaticFiles::load(web_root);
    } catch (const std::exception& error) {
      return fail(
          app::Error{app::ErrorCode::invalid_input,
                     fmt::format("--web: the browser UI cannot be served: {}", error.what()),
                     {}});
    }
    router.setFallback([&web](const http::Request& request) { return web->serve(request); });
  }

  auto access_log = spdlog::stdout_logger_mt("access");
  access_log->set_pattern("%v");
  http::ServerOptions server_options;
  server_options.address = options.address;
  server_options.port = options.port;
  // Two io threads move bytes; the handlers, which wait on the store and on argon2 at
  // sign-in, run on --threads workers of their own.
  server_options.threads = 2;
  server_options.workers = options.threads;
  server_options.handle_signals = true;
  http::Server server(server_options, std::move(router), access_log);
  std::printf("%s\n", fmt::format("Styr is serving http://{}:{}/ (stop with Ctrl-C)",
                                  options.address, server.port())
                          .c_str());
  if (web) {
    std::printf("%s\n", fmt::format("The browser UI comes from {} ({} files).", web_root.string(),
                                    web->fileCount())
                            .c_str());
  } else {
    std::printf("%s\n", fmt::format("No browser UI at {}: only the API is served (build it with "
                                    "npm ci && npm run build in web/).",
                                    web_root.string())
                            .c_str());
  }
  if (options.demo) {
    std::printf("%s\n", fmt::format("The demo runs on its own date: today is {} here.",
                                    domain::formatDate(clock.today()))
                            .c_str());
    std::printf("Demo logins, all with the password \"demo\":\n");
    for (const auto& login : demo::demoLogins()) {
      std::printf("%s\n", fmt::format("  {:<12} {}", login.username, login.who).c_str());
    }
  }
  // E-mail goes out from a thread of its own with its own store connection, so a slow SMTP
  // server never holds up a request. Declared after the server: it is stopped (and joined,
  // after the mail in hand) first when serving ends.
  std::optional<std::jthread> mail_loop;
  if (email) {
    std::printf("%s\n", fmt::format("Notification e-mail goes through {} from {}.",
                                    email->mailer->server(), email->delivery.from)
                            .c_str());
    mail_loop.emplace([db, &clock, email = std::move(*email)](std::stop_token stop) {
      auto log = spdlog::default_logger();
      std::unique_ptr<app::Store> store;
      std::mutex mutex;
      std::condition_variable_any wake;
      while (!stop.stop_requested()) {
        bool more = false;
        try {
          if (!store) store = store::openStore(db);
          auto counts = app::deliverDueEmails(*store, clock, *email.mailer, email.delivery, stop);
          int handled = counts.sent + counts.retried + counts.failed;
          if (handled > 0) log->info("notification e-mail: {}", countsText(counts));
          if (!counts.last_error.empty()) log->warn("notification e-mail: {}", counts.last_error);
          more = handled >= email.delivery.limit;
        } catch (const std::exception& error) {
          // The database went away (a restarted PostgreSQL, say): open it again next round.
          log->error("notification e-mail: {}", error.what());
          store.reset();
        }
        if (more) continue;
        std::unique_lock lock(mutex);
        wake.wait_for(lock, stop, kMailInterval, [] { return false; });
      }
    });
  }
  // Reminders before and after deadlines are queued by a sweep of every organisation once a
  // minute (deduplicated, so a sweep that runs again queues nothing twice), with its own
  // store connection, in-app whether or not e-mail is configured. The deviations' time-limit
  // sweep (D11) runs in the same pass: it goes through every organisation itself.
  std::jthread reminder_loop([db, &clock, models = context.models](std::stop_token stop) {
    auto log = spdlog::default_logger();
    std::unique_ptr<app::Store> store;
    std::mutex mutex;
    std::condition_variable_any wake;
    while (!stop.stop_requested()) {
      try {
        if (!store) store = store::openStore(db);
        for (const auto& organisation : store->organisations()) {
          std::size_t queued = app::sendDueReminders(*store, clock, *models, organisation.code);
          if (queued > 0) log->info("reminders: {} queued in {}", queued, organisation.code);
        }
      } catch (const std::exception& error) {
        log->error("reminders: {}", error.what());
        store.reset();
      }
      try {
        if (!store) store = store::openStore(db);
        app::DeviationSweep swept = app::sweepDeviations(*store, clock, *models);
        if (swept.deviations > 0) {
          log->info("deviations: {} changed, {} levels reminded, {} levels told further",
                    swept.deviations, swept.reminded, swept.escalated);
        }
      } catch (const std::exception& error) {
        log->error("deviations: {}", error.what());
        store.reset();
      }
      std::unique_lock lock(mutex);
      wake.wait_for(lock, stop, kReminderInterval, [] { return false; });
    }
  });
  std::fflush(stdout);
  server.run();
  return kExitOk;
}

int runOutboxDeliver(const CommonOptions& common, const MailOptions& options) {
  auto opened = openMail(options);
  if (!opened) return fail(opened.error());
  auto& email = opened.value();
  auto store = store::openStore(common.db);
  app::SystemClock clock;
  app::DeliveryCounts total;
  for (;;) {
    auto counts = app::deliverDueEmails(*store, clock, *email.mailer, email.delivery);
    total.sent += counts.sent;
    total.retried += counts.retried;
    total.failed += counts.failed;
    if (!counts.last_error.empty()) total.last_error = counts.last_error;
    if (counts.sent + counts.retried + counts.failed < email.delivery.limit) break;
  }
  std::printf("%s\n", fmt::format("E-mail: {}.", countsText(total)).c_str());
  if (!total.last_error.empty())
    std::fprintf(stderr, "%s\n",
                 fmt::format("styr: the last failure: {}", total.last_error).c_str());
  return kExitOk;
}

}  // namespace styr::cli
