#pragma once
// Numbered SQL migrations, one list per dialect, embedded into the binary at build time from
// src/store/<dialect>/migrations/NNN_name.sql (see cmake/embed_migrations.cmake).

#include <string_view>
#include <vector>

namespace styr::store {

struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& sqliteMigrations();

}  // namespace styr::store
