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

struct ServeOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t threads = 4;
  bool demo = false;
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
//! accounts first if the database does not hold them.
int runServe(const CommonOptions& common, const ServeOptions& options);
int runUserAdd(const CommonOptions& common, const UserAddOptions& options);
int runCopy(const CommonOptions& common, const CopyOptions& options);

}  // namespace styr::cli
