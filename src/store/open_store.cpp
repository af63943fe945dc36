#include "store/open_store.hpp"

#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace styr::store {

bool isPostgresUrl(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::unique_ptr<app::Store> openStore(const std::string& db, SchemaPolicy policy) {
  if (isPostgresUrl(db)) return std::make_unique<PostgresStore>(db, policy);
  return std::make_unique<SqliteStore>(db, policy);
}

}  // namespace styr::store
