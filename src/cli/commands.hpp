#pragma once
// The subcommands of `styr`, each returning its exit code.

#include <cstdint>
#include <string>

namespace styr::cli {

struct CommonOptions {
  std::string db;
  std::string organisation;
  std::string actor;  //!< who the audit trail names for changes made from the command line
};

struct DemoOptions {};

struct GenerateOptions {
  int municipalities = 0;
  std::uint64_t seed = 1;
  std::string names;
};

struct CheckOptions {
  std::string as_of;
  bool all = false;  //!< every organisation of the database, one summary line each
  bool json = false;
  std::size_t limit = 10;
};

struct TraceOptions {
  std::string item;
  bool down = false;
  bool json = false;
};

struct ImportOptions {
  std::string path;
};

struct UserAddOptions {
  std::string username;
  std::string person;
  bool administrator = false;
};

//! Notification e-mail. The SMTP password is read from STYR_SMTP_PASSWORD, never from the
//! command line (where `ps` would show it).
struct MailOptions {
  std::string smtp_url;  //!< empty: no e-mail; notifications are read in the app
  std::string from;      //!< empty: styr@<this machine's host name>
  std::string smtp_user;
};

struct ServeOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t threads = 16;
  bool demo = false;
  std::string web;  //!< the UI's files; empty: web/dist of the source tree, when built
  MailOptions mail;
};

struct CopyOptions {
  std::string from;
  std::string to;
};

//! "cli:<login name>", from $USER (or "cli:unknown").
std::string actorFromEnvironment();

int runDemo(const CommonOptions& common, const DemoOptions& options);
int runGenerate(const CommonOptions& common, const GenerateOptions& options);
int runCheck(const CommonOptions& common, const CheckOptions& options);
int runTrace(const CommonOptions& common, const TraceOptions& options);
int runStats(const CommonOptions& common);
int runExport(const CommonOptions& common);
int runImport(const CommonOptions& common, const ImportOptions& options);
int runMigrate(const CommonOptions& common);
int runAuditVerify(const CommonOptions& common);
//! Reads the password from the first line of standard input, never from the command line.
//! Serves the API until SIGTERM or SIGINT; with `demo`, creates the Lerum demo and its
//! accounts first if the database does not hold them; with an SMTP server, e-mails the
//! notification outbox from a thread of its own.
int runServe(const CommonOptions& common, const ServeOptions& options);
int runUserAdd(const CommonOptions& common, const UserAddOptions& options);
//! Sends the e-mail due now, once, and prints how many were sent, are to be retried, failed.
int runOutboxDeliver(const CommonOptions& common, const MailOptions& options);
int runCopy(const CommonOptions& common, const CopyOptions& options);

// The follow-up calendar and the reminder sweep (follow_up_commands.cpp).

struct CalendarOptions {
  int year = 0;  //!< 0: this year
  bool json = false;
};

//! The year's stored occasions with every level's deadline; without a stored plan, the
//! default plan headed as not adopted, so that a fresh database shows what it would be.
int runCalendar(const CommonOptions& common, const CalendarOptions& options);
//! The reminder sweep (app::sendDueReminders) once, for the organisation or every one in the
//! database (for cron), printing how many reminders were queued.
int runRemind(const CommonOptions& common);

// Deviations (deviation_commands.cpp).

struct DeviationsOptions {
  bool all = false;  //!< the closed ones too
  bool json = false;
  bool sweep = false;
};

//! The open deviations (with `all` the closed ones too) of the organisation, or of every one
//! in the database, each with its levels: who was told, who acknowledged when, who is still
//! waiting, reminded or released. With `sweep`, instead, the time-limit sweep once over the
//! whole database (for cron), printing what it did.
int runDeviations(const CommonOptions& common, const DeviationsOptions& options);

}  // namespace styr::cli
