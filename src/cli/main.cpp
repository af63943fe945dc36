// `styr`: the command line. This is the wiring: the only code that knows every layer.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

int main(int argc, char** argv) {
  using namespace styr::cli;
  CLI::App app{"Styr: governance and follow-up for Swedish municipalities and regions", "styr"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "styr 0.1.0");

  CommonOptions common;
  auto add_db = [&](CLI::App* command) {
    command->add_option("--db", common.db, "database: a SQLite file or a postgresql:// URL")
        ->required();
  };
  auto add_org = [&](CLI::App* command) {
    command->add_option("--org", common.organisation,
                        "organisation (4-digit SCB code); default: the database's only one");
  };

  auto add_mail = [](CLI::App* command, MailOptions& mail) {
    return command->add_option(
        "--smtp", mail.smtp_url,
        "SMTP server for notification e-mail: smtp://host[:port], smtp+starttls://host[:587] or "
        "smtps://host[:465]");
  };
  // Without --smtp nothing is mailed, so a sender or user alone is a mistake worth saying.
  auto add_mail_sender = [](CLI::App* command, MailOptions& mail, CLI::Option* smtp) {
    command
        ->add_option("--mail-from", mail.from,
                     "the e-mail's sender: an address or \"Name <address>\" (default: "
                     "styr@<this machine's host name>)")
        ->needs(smtp);
    command
        ->add_option("--smtp-user", mail.smtp_user,
                     "SMTP user; the password is read from the environment variable "
                     "STYR_SMTP_PASSWORD")
        ->needs(smtp);
  };

  DemoOptions demo;
  auto* demo_command = app.add_subcommand(
      "demo", "create the Lerum demo database and print its steering chain and coverage");
  add_db(demo_command);

  GenerateOptions generate;
  auto* generate_command = app.add_subcommand(
      "generate", "write deterministic synthetic municipalities of the demo's shape");
  add_db(generate_command);
  generate_command
      ->add_option("--municipalities", generate.municipalities, "how many municipalities")
      ->required()
      ->check(CLI::Range(1, 9999));
  generate_command->add_option("--seed", generate.seed, "seed: the same seed gives the same data")
      ->default_val(1);
  generate_command->add_option(
      "--names", generate.names,
      "CSV with municipality_code and municipality_name columns to name them after; "
      "default: synthetic codes from 9001");

  CheckOptions check;
  auto* check_command = app.add_subcommand(
      "check", "check the rules and print the coverage analysis; exit 1 when a rule is broken");
  add_db(check_command);
  add_org(check_command);
  check_command->add_option("--as-of", check.as_of, "date of the analysis (default: today)");
  check_command->add_flag("--json", check.json, "print one JSON object");
  check_command->add_flag("--all", check.all,
                          "every organisation in the database, one summary line each");
  check_command->add_option("--limit", check.limit, "findings listed per category (0: all)")
      ->default_val(10);

  TraceOptions trace;
  auto* trace_command =
      app.add_subcommand("trace", "an item's chain up to the vision, or with --down all below it");
  add_db(trace_command);
  add_org(trace_command);
  trace_command->add_option("item", trace.item, "the item's code")->required();
  trace_command->add_flag("--down", trace.down, "everything issued below the item");
  trace_command->add_flag("--json", trace.json, "print JSON");

  auto* stats_command = app.add_subcommand("stats", "counts of the database as one JSON object");
  add_db(stats_command);
  add_org(stats_command);

  auto* export_command =
      app.add_subcommand("export", "one whole organisation as exchange-format JSON to stdout");
  add_db(export_command);
  add_org(export_command);

  ImportOptions import_options;
  auto* import_command = app.add_subcommand(
      "import",
      "import an organisation (exchange-format JSON) or units or people with memberships (CSV)");
  add_db(import_command);
  add_org(import_command);
  import_command->add_option("path", import_options.path, "the file to import")->required();

  auto* migrate_command = app.add_subcommand(
      "migrate", "apply the database's pending schema migrations (back it up first)");
  add_db(migrate_command);

  CopyOptions copy;
  auto* copy_command = app.add_subcommand(
      "copy", "copy every organisation, with its audit trail, into another database and verify");
  copy_command->add_option("--from", copy.from, "source database (file or postgresql:// URL)")
      ->required();
  copy_command->add_option("--to", copy.to, "target database (file or postgresql:// URL)")
      ->required();

  auto* audit_command = app.add_subcommand("audit", "the audit trail");
  audit_command->require_subcommand(1);
  auto* audit_verify_command = audit_command->add_subcommand(
      "verify", "walk the hash chain and report the first entry changed or missing");
  add_db(audit_verify_command);
  audit_verify_command->add_option(
      "--org", common.organisation,
      "organisation (4-digit SCB code); default: every organisation in the database");

  ServeOptions serve;
  auto* serve_command =
      app.add_subcommand("serve", "serve the browser UI and the JSON API until SIGTERM or SIGINT");
  add_db(serve_command);
  serve_command->add_option("--address", serve.address, "address to listen on")
      ->default_val("127.0.0.1");
  serve_command->add_option("--port", serve.port, "port to listen on (0: any free port)")
      ->default_val(8080);
  // Handlers mostly wait (on the store, on the organisation's write lock, on argon2 at
  // sign-in), so more of them than cores keep reads answered while writers queue: see the
  // deadline-day storm in docs/benchmarks.md.
  serve_command
      ->add_option("--threads", serve.threads,
                   "requests handled at once (each with its own store connection)")
      ->default_val(16)
      ->check(CLI::Range(1, 256));
  serve_command->add_flag("--demo", serve.demo,
                          "create the Lerum demo and its accounts (password: demo) if missing");
  serve_command->add_option("--web", serve.web,
                            "serve the browser UI from this directory (Vite's build, with "
                            "index.html); default: web/dist of the source tree, when built");
  add_mail_sender(serve_command, serve.mail, add_mail(serve_command, serve.mail));

  MailOptions outbox_mail;
  auto* outbox_command = app.add_subcommand("outbox", "the notification outbox");
  outbox_command->require_subcommand(1);
  auto* outbox_deliver_command = outbox_command->add_subcommand(
      "deliver", "e-mail the notifications due now, once (for cron), and print the counts");
  add_db(outbox_deliver_command);
  add_mail_sender(outbox_deliver_command, outbox_mail,
                  add_mail(outbox_deliver_command, outbox_mail)->required());

  UserAddOptions user_add;
  auto* user_command = app.add_subcommand("user", "accounts that can sign in");
  user_command->require_subcommand(1);
  auto* user_add_command = user_command->add_subcommand(
      "add", "create an account; the password is read from the first line of standard input");
  add_db(user_add_command);
  add_org(user_add_command);
  user_add_command->add_option("--username", user_add.username, "2-64 of a-z 0-9 . _ -")
      ->required();
  user_add_command->add_option("--person", user_add.person,
                               "the person (code) the account belongs to");
  user_add_command->add_flag("--administrator", user_add.administrator,
                             "may manage accounts, memberships and tokens (no content)");

  // The follow-up commands take --organisation as well as the others' --org.
  auto add_follow_up_org = [&](CLI::App* command) {
    command->add_option("--org,--organisation", common.organisation,
                        "organisation (4-digit SCB code); default: the database's only one");
  };
  CalendarOptions calendar;
  auto* calendar_command = app.add_subcommand(
      "calendar",
      "the year's follow-up occasions and every level's deadlines (without a stored "
      "plan: the default plan, not adopted)");
  add_db(calendar_command);
  add_follow_up_org(calendar_command);
  calendar_command->add_option("--year", calendar.year, "the plan's year (default: this year)");
  calendar_command->add_flag("--json", calendar.json, "print one JSON object");

  auto* remind_command = app.add_subcommand(
      "remind", "queue the reminders of report-backs due now, once (for cron), and print how many");
  add_db(remind_command);
  remind_command->add_option(
      "--org,--organisation", common.organisation,
      "organisation (4-digit SCB code); default: every organisation in the database");

  DeviationsOptions deviations;
  auto* deviations_command = app.add_subcommand(
      "deviations",
      "the open deviations with how far up each is known and who has acknowledged; with "
      "--sweep, the time-limit sweep once (for cron)");
  add_db(deviations_command);
  auto* deviations_org = deviations_command->add_option(
      "--org,--organisation", common.organisation,
      "organisation (4-digit SCB code); default: every organisation in the database");
  auto* deviations_all =
      deviations_command->add_flag("--all", deviations.all, "the closed deviations too");
  auto* deviations_json = deviations_command->add_flag("--json", deviations.json, "print JSON");
  // The sweep goes through every organisation of the database, as `styr serve` runs it.
  deviations_command
      ->add_flag("--sweep", deviations.sweep,
                 "remind the levels whose time to acknowledge has run out, and tell the next "
                 "level where a reminded one is still silent; print the counts")
      ->excludes(deviations_org)
      ->excludes(deviations_all)
      ->excludes(deviations_json);

  common.actor = actorFromEnvironment();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? kExitOk : kExitUsage;
  }

  try {
    if (*demo_command) return runDemo(common, demo);
    if (*generate_command) return runGenerate(common, generate);
    if (*check_command) return runCheck(common, check);
    if (*trace_command) return runTrace(common, trace);
    if (*stats_command) return runStats(common);
    if (*export_command) return runExport(common);
    if (*import_command) return runImport(common, import_options);
    if (*migrate_command) return runMigrate(common);
    if (*copy_command) return runCopy(common, copy);
    if (*audit_verify_command) return runAuditVerify(common);
    if (*user_add_command) return runUserAdd(common, user_add);
    if (*serve_command) return runServe(common, serve);
    if (*outbox_deliver_command) return runOutboxDeliver(common, outbox_mail);
    if (*calendar_command) return runCalendar(common, calendar);
    if (*remind_command) return runRemind(common);
    if (*deviations_command) return runDeviations(common, deviations);
  } catch (const std::exception& error) {
    // Broken infrastructure (an unreadable database, a full disk): say what and stop.
    std::fprintf(stderr, "styr: %s\n", error.what());
    return kExitFailure;
  }
  return kExitUsage;
}
