#pragma once
// Chooses the backend from the database argument: a postgresql:// (or postgres://) URL is
// PostgreSQL, anything else a SQLite file.

#include <memory>
#include <string>

#include "app/store.hpp"
#include "store/migration.hpp"

namespace styr::store {

bool isPostgresUrl(std::string_view db);

std::unique_ptr<app::Store> openStore(const std::string& db,
                                      SchemaPolicy policy = SchemaPolicy::require_current);

}  // namespace styr::store
