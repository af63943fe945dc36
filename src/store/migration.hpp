#pragma once
// Numbered SQL migrations, one list per dialect, embedded into the binary at build time from
// src/store/<dialect>/migrations/NNN_name.sql (see cmake/embed.cmake), and the
// policy both backends apply to a database's schema version.

#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "store/record_rows.hpp"

namespace styr::store {

struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& sqliteMigrations();
const std::vector<Migration>& postgresMigrations();

enum class SchemaPolicy {
  require_current,  //!< every command: a new database is created, an older one refused
  migrate,          //!< `styr migrate`: pending migrations are applied
};

//! Whether to apply migrations to a database at schema version `current` when this binary's
//! newest is `newest`. Throws StoreError, with what to do, when the command must not run.
inline bool shouldMigrate(int current, int newest, SchemaPolicy policy, std::string_view db) {
  if (current > newest) {
    throw StoreError(
        fmt::format("the database's schema is version {}, newer than this styr knows (version {}): "
                    "upgrade styr before using this database",
                    current, newest));
  }
  if (current == newest) return false;
  if (current == 0 || policy == SchemaPolicy::migrate) return true;
  throw StoreError(fmt::format(
      "the database's schema is version {} and this styr needs version {}: run `styr migrate "
      "--db {}` first (back the database up before)",
      current, newest, db));
}

}  // namespace styr::store
