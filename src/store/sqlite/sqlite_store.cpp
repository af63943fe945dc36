#include "store/sqlite/sqlite_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "store/migration.hpp"
#include "store/record_rows.hpp"

namespace styr::store {

using namespace domain;

namespace {

void bindDate(SqliteStatement& statement, int index, const Date& date) {
  statement.bind(index, formatDate(date));
}

void bindDate(SqliteStatement& statement, int index, const std::optional<Date>& date) {
  if (date) {
    statement.bind(index, formatDate(*date));
  } else {
    statement.bindNull(index);
  }
}

// Binds an item as both the insert and the update number it: ?1 organisation, ?2 code,
// ?3..?20 the fields in kItemColumns' order, ?21 the revision (stored, or expected).
void bindItem(SqliteStatement& statement, std::string_view organisation, const Item& item) {
  statement.bind(1, organisation)
      .bind(2, item.code)
      .bind(3, toString(item.kind))
      .bindOrNull(4, item.document)
      .bindOrNull(5, item.issuer)
      .bindOrNull(6, item.recipient_unit)
      .bindOrNull(7, item.recipient_person)
      .bindOrNull(8, item.origin)
      .bindOrNull(9, item.origin_document)
      .bind(10, item.title)
      .bind(11, item.description);
  bindDate(statement, 12, item.due);
  statement.bind(13, item.follow_up.deliverable);
  bindDate(statement, 14, item.follow_up.deliverable_due);
  statement.bind(15, item.plan).bind(16, toString(item.status));
  bindDate(statement, 17, item.issued_on);
  bindDate(statement, 18, item.acknowledged_on);
  bindDate(statement, 19, item.closed_on);
  statement.bind(20, item.closing_note).bind(21, item.revision);
}

// Binds a document as both the insert and the update number it: ?1 organisation, ?2 code,
// ?3 version (its key), ?4..?15 the other fields in readDocument's order.
void bindDocument(SqliteStatement& statement, std::string_view organisation,
                  const SteeringDocument& document) {
  statement.bind(1, organisation)
      .bind(2, document.code)
      .bind(3, static_cast<std::int64_t>(document.version))
      .bind(4, toString(document.kind))
      .bind(5, document.title)
      .bind(6, document.summary)
      .bind(7, document.deciding_body)
      .bind(8, toString(document.status));
  if (document.decision) {
    bindDate(statement, 9, document.decision->date);
    statement.bind(10, document.decision->minute_paragraph)
        .bind(11, document.decision->case_number);
  } else {
    statement.bindNull(9).bindNull(10).bindNull(11);
  }
  bindDate(statement, 12, document.valid_from);
  bindDate(statement, 13, document.valid_to);
  statement.bind(14, document.year).bind(15, document.term);
}

// Binds an occasion as both the insert and the update number it: ?1 organisation, ?2 code,
// ?3..?11 the fields in readOccasion's order, ?12 the revision (stored, or expected).
void bindOccasion(SqliteStatement& statement, std::string_view organisation,
                  const FollowUpOccasion& occasion) {
  statement.bind(1, organisation)
      .bind(2, occasion.code)
      .bind(3, static_cast<std::int64_t>(occasion.year))
      .bind(4, occasion.name)
      .bind(5, toString(occasion.kind))
      .bind(6, toString(occasion.level))
      .bind(7, occasion.body);
  bindDate(statement, 8, occasion.period_end);
  bindDate(statement, 9, occasion.meeting);
  statement.bind(10, joinTopics(occasion.topics))
      .bind(11, toString(occasion.status))
      .bind(12, occasion.revision);
}

// ?1 organisation, ?2 occasion, ?3 recipient_unit, ?4 recipient_person, ?5 version: the key
// of a report-back version, which every report-back table starts with.
void bindReportBackKey(SqliteStatement& statement, std::string_view organisation,
                       const ReportBack& report_back) {
  statement.bind(1, organisation)
      .bind(2, report_back.occasion)
      .bind(3, report_back.recipient_unit)
      .bind(4, report_back.recipient_person)
      .bind(5, static_cast<std::int64_t>(report_back.version));
}

// ?7..?13 the fields in readReportBack's order after its status, but the revision: what the
// recipient writes and submits.
void bindReportBackFields(SqliteStatement& statement, const ReportBack& report_back) {
  statement.bind(7, report_back.written_by)
      .bind(8, report_back.updated_at)
      .bind(9, report_back.submitted_by)
      .bind(10, report_back.submitted_at)
      .bind(11, report_back.decided_by)
      .bind(12, report_back.decided_at)
      .bind(13, report_back.return_reason);
}

// Binds a deviation as both sql::kInsertDeviation and sql::kUpdateDeviation number it: ?1..?19
// its fields, ?20 organisation, ?21 code, ?22 the revision (stored, or expected).
void bindDeviation(SqliteStatement& statement, std::string_view organisation,
                   const Deviation& deviation) {
  statement.bind(1, deviation.unit)
      .bind(2, deviation.reported_by)
      .bind(3, deviation.reported_at)
      .bind(4, toString(deviation.category))
      .bind(5, static_cast<std::int64_t>(deviation.gravity))
      .bind(6, deviation.title)
      .bind(7, deviation.description);
  bindDate(statement, 8, deviation.occurred_on);
  statement.bind(9, joinCodes(deviation.affected_items))
      .bind(10, joinCodes(deviation.affected_indicators));
  if (deviation.budget_effect_sek) {
    statement.bind(11, *deviation.budget_effect_sek);
  } else {
    statement.bindNull(11);
  }
  statement.bind(12, deviation.immediate_actions)
      .bind(13, std::int64_t{deviation.confidential ? 1 : 0})
      .bind(14, toString(deviation.state))
      .bind(15, deviation.closing_note)
      .bind(16, deviation.closed_by)
      .bind(17, deviation.closed_at)
      .bind(18, deviation.council_listed_at);
  bindDate(statement, 19, deviation.council_meeting);
  statement.bind(20, organisation).bind(21, deviation.code).bind(22, deviation.revision);
}

// Selects the wanted item codes for loadItems: ?1 is the organisation, ?2 a start item.
constexpr std::string_view kAllItems = "SELECT code FROM items WHERE organisation = ?1";
constexpr std::string_view kOneItem =
    "SELECT code FROM items WHERE organisation = ?1 AND code = ?2";
// UNION ALL with a depth bound rather than UNION: deduplicating costs a temporary b-tree and
// five times the time, and valid data has no cycles (each step goes down the unit tree); the
// bound only stops a walk through data damaged behind the application's back.
constexpr std::string_view kItemsBelow =
    "WITH RECURSIVE chain(code, depth) AS ("
    "  SELECT ?2, 0"
    "  UNION ALL SELECT items.code, chain.depth + 1 FROM chain JOIN items"
    "  ON items.organisation = ?1 AND items.origin = chain.code WHERE chain.depth < 64) ";
constexpr std::string_view kItemsAbove =
    "WITH RECURSIVE chain(code, depth) AS ("
    "  SELECT ?2, 0"
    "  UNION ALL SELECT items.origin, chain.depth + 1 FROM chain JOIN items"
    "  ON items.organisation = ?1 AND items.code = chain.code"
    "  WHERE items.origin IS NOT NULL AND chain.depth < 64) ";

}  // namespace

SqliteStore::SqliteStore(const std::string& path, SchemaPolicy policy) : connection_(path) {
  connection_.execute("PRAGMA journal_mode = WAL");
  connection_.execute("PRAGMA synchronous = NORMAL");
  connection_.execute("PRAGMA foreign_keys = ON");
  migrate(policy, path);
}

SqliteStatement& SqliteStore::statement(std::string_view sql) {
  auto found = statements_.find(std::string(sql));
  if (found != statements_.end()) {
    found->second->reset();
    return *found->second;
  }
  auto prepared = std::make_unique<SqliteStatement>(connection_.handle(), sql);
  return *statements_.emplace(std::string(sql), std::move(prepared)).first->second;
}

int SqliteStore::schemaVersion() {
  auto& query = statement("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  query.step();
  int version = static_cast<int>(query.integer(0));
  query.reset();
  return version;
}

void SqliteStore::migrate(SchemaPolicy policy, const std::string& path) {
  connection_.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL)");
  const auto& migrations = sqliteMigrations();
  int current = schemaVersion();
  if (!shouldMigrate(current, migrations.back().version, policy, path)) return;
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    connection_.execute("BEGIN IMMEDIATE");
    try {
      connection_.execute(migration.sql);
      statement("INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)")
          .bind(1, static_cast<std::int64_t>(migration.version))
          .bind(2, migration.name)
          .run();
      connection_.execute("COMMIT");
    } catch (...) {
      connection_.execute("ROLLBACK");
      throw;
    }
  }
}

// IMMEDIATE takes the write lock at once, so two writers queue instead of failing later.
void SqliteStore::begin() {
  connection_.execute("BEGIN IMMEDIATE");
}
void SqliteStore::commit() {
  connection_.execute("COMMIT");
}
void SqliteStore::rollback() {
  // Called from destructors: a failed rollback leaves SQLite to roll back on close.
  sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

// One writer at a time already: BEGIN IMMEDIATE holds the database's write lock.
void SqliteStore::lockOrganisation(std::string_view /*organisation*/) {}

std::vector<Organisation> SqliteStore::organisations() {
  std::vector<Organisation> result;
  auto& query = statement(sql::kOrganisations);
  while (query.step()) result.push_back(readOrganisation(query));
  return result;
}

std::optional<Organisation> SqliteStore::organisation(std::string_view code) {
  std::optional<Organisation> result;
  eachRow(sql::kOrganisation, code,
          [&](const SqliteStatement& row) { result = readOrganisation(row); });
  return result;
}

void SqliteStore::insertOrganisationData(const OrganisationData& data) {
  const std::string& org = data.organisation.code;
  statement("INSERT INTO organisations (code, name, kind) VALUES (?1, ?2, ?3)")
      .bind(1, org)
      .bind(2, data.organisation.name)
      .bind(3, toString(data.organisation.kind))
      .run();
  auto& term = statement("INSERT INTO terms (organisation, first_year) VALUES (?1, ?2)");
  for (const Term& record : data.terms) {
    term.bind(1, org).bind(2, static_cast<std::int64_t>(record.first_year)).run();
  }
  auto& year = statement("INSERT INTO years (organisation, year, status) VALUES (?1, ?2, ?3)");
  for (const FiscalYear& record : data.years) {
    year.bind(1, org)
        .bind(2, static_cast<std::int64_t>(record.year))
        .bind(3, toString(record.status))
        .run();
  }
  insertUnits(org, data.units);
  insertPeople(org, data.people);
  insertMemberships(org, data.memberships);

  for (const SteeringDocument& document : data.documents) insertDocument(org, document);

  auto& indicator = statement(
      "INSERT INTO indicators (organisation, code, name, description, unit_of_measure, "
      "direction, aggregation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  auto& target = statement(
      "INSERT INTO indicator_targets (organisation, indicator, year, unit, value) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const Indicator& record : data.indicators) {
    indicator.bind(1, org)
        .bind(2, record.code)
        .bind(3, record.name)
        .bind(4, record.description)
        .bind(5, record.unit_of_measure)
        .bind(6, toString(record.direction))
        .bind(7, toString(record.aggregation))
        .run();
    for (const IndicatorTarget& goal : record.targets) {
      target.bind(1, org)
          .bind(2, record.code)
          .bind(3, static_cast<std::int64_t>(goal.year))
          .bind(4, goal.unit)
          .bind(5, goal.value)
          .run();
    }
  }

  insertItems(org, data.items);

  insertIndicatorValues(org, data.indicator_values);

  insertOccasions(org, data.occasions);
  for (const ReportBack& report_back : data.report_backs) insertReportBack(org, report_back);
}

void SqliteStore::insertUnits(std::string_view organisation, const std::vector<Unit>& units) {
  auto& insert = statement(
      "INSERT INTO units (organisation, code, name, kind, parent, valid_from, valid_to) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (const Unit& unit : units) {
    insert.bind(1, organisation)
        .bind(2, unit.code)
        .bind(3, unit.name)
        .bind(4, toString(unit.kind))
        .bindOrNull(5, unit.parent);
    bindDate(insert, 6, unit.valid_from);
    bindDate(insert, 7, unit.valid_to);
    insert.run();
  }
}

void SqliteStore::insertPeople(std::string_view organisation, const std::vector<Person>& people) {
  auto& insert = statement(
      "INSERT INTO people (organisation, code, given_name, family_name, email) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const Person& person : people) {
    insert.bind(1, organisation)
        .bind(2, person.code)
        .bind(3, person.given_name)
        .bind(4, person.family_name)
        .bind(5, person.email)
        .run();
  }
}

void SqliteStore::insertMemberships(std::string_view organisation,
                                    const std::vector<Membership>& memberships) {
  auto& insert = statement(
      "INSERT INTO memberships (organisation, person, unit, role, valid_from, valid_to) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const Membership& membership : memberships) {
    insert.bind(1, organisation)
        .bind(2, membership.person)
        .bind(3, membership.unit)
        .bind(4, toString(membership.role));
    bindDate(insert, 5, membership.valid_from);
    bindDate(insert, 6, membership.valid_to);
    insert.run();
  }
}

void SqliteStore::insertItems(std::string_view organisation, const std::vector<Item>& items) {
  auto& insert = statement(
      "INSERT INTO items (organisation, code, kind, document, issuer, recipient_unit, "
      "recipient_person, origin, origin_document, title, description, due, deliverable, "
      "deliverable_due, plan, status, issued_on, acknowledged_on, closed_on, closing_note, "
      "revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
      "?17, ?18, ?19, ?20, ?21)");
  for (const Item& item : items) {
    bindItem(insert, organisation, item);
    insert.run();
    insertFollowUp(organisation, item);
  }
}

void SqliteStore::insertFollowUp(std::string_view organisation, const Item& item) {
  auto& link = statement(
      "INSERT INTO item_indicators (organisation, item, position, indicator, year, target) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  auto& assessment = statement(
      "INSERT INTO item_assessments (organisation, item, position, follow_up) "
      "VALUES (?1, ?2, ?3, ?4)");
  for (std::size_t i = 0; i < item.follow_up.indicators.size(); ++i) {
    const IndicatorLink& indicator = item.follow_up.indicators[i];
    link.bind(1, organisation)
        .bind(2, item.code)
        .bind(3, static_cast<std::int64_t>(i))
        .bind(4, indicator.indicator)
        .bind(5, static_cast<std::int64_t>(indicator.year))
        .bind(6, indicator.target)
        .run();
  }
  for (std::size_t i = 0; i < item.follow_up.assessed_at.size(); ++i) {
    assessment.bind(1, organisation)
        .bind(2, item.code)
        .bind(3, static_cast<std::int64_t>(i))
        .bind(4, item.follow_up.assessed_at[i])
        .run();
  }
}

void SqliteStore::insertDocument(std::string_view organisation, const SteeringDocument& document) {
  auto& insert = statement(
      "INSERT INTO documents (organisation, code, version, kind, title, summary, deciding_body, "
      "status, decision_date, decision_paragraph, decision_case_number, valid_from, valid_to, "
      "year, term) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  bindDocument(insert, organisation, document);
  insert.run();
  insertAppropriations(organisation, document);
}

bool SqliteStore::updateDocument(std::string_view organisation, const SteeringDocument& document) {
  auto& update = statement(
      "UPDATE documents SET kind = ?4, title = ?5, summary = ?6, deciding_body = ?7, "
      "status = ?8, decision_date = ?9, decision_paragraph = ?10, decision_case_number = ?11, "
      "valid_from = ?12, valid_to = ?13, year = ?14, term = ?15 "
      "WHERE organisation = ?1 AND code = ?2 AND version = ?3");
  bindDocument(update, organisation, document);
  update.run();
  if (sqlite3_changes(connection_.handle()) != 1) return false;
  statement("DELETE FROM appropriations WHERE organisation = ?1 AND document = ?2 AND version = ?3")
      .bind(1, organisation)
      .bind(2, document.code)
      .bind(3, static_cast<std::int64_t>(document.version))
      .run();
  insertAppropriations(organisation, document);
  return true;
}

void SqliteStore::insertAppropriations(std::string_view organisation,
                                       const SteeringDocument& document) {
  auto& insert = statement(
      "INSERT INTO appropriations (organisation, document, version, unit, year, amount_sek) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const Appropriation& money : document.appropriations) {
    insert.bind(1, organisation)
        .bind(2, document.code)
        .bind(3, static_cast<std::int64_t>(document.version))
        .bind(4, money.unit)
        .bind(5, static_cast<std::int64_t>(money.year))
        .bind(6, money.amount_sek)
        .run();
  }
}

void SqliteStore::insertIndicatorValues(std::string_view organisation,
                                        const std::vector<IndicatorValue>& values) {
  auto& insert = statement(
      "INSERT INTO indicator_values (organisation, indicator, unit, period_end, value, "
      "numerator, denominator, weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (const IndicatorValue& value : values) {
    insert.bind(1, organisation).bind(2, value.indicator).bind(3, value.unit);
    bindDate(insert, 4, value.period_end);
    insert.bind(5, value.value)
        .bind(6, value.numerator)
        .bind(7, value.denominator)
        .bind(8, value.weight)
        .run();
  }
}

bool SqliteStore::updateMembership(std::string_view organisation, const Membership& membership) {
  auto& update = statement(sql::kUpdateMembership);
  bindDate(update, 1, membership.valid_to);
  update.bind(2, organisation)
      .bind(3, membership.person)
      .bind(4, membership.unit)
      .bind(5, toString(membership.role));
  bindDate(update, 6, membership.valid_from);
  update.run();
  return sqlite3_changes(connection_.handle()) == 1;
}

bool SqliteStore::updateItem(std::string_view organisation, const Item& item) {
  auto& update = statement(
      "UPDATE items SET kind = ?3, document = ?4, issuer = ?5, recipient_unit = ?6, "
      "recipient_person = ?7, origin = ?8, origin_document = ?9, title = ?10, description = ?11, "
      "due = ?12, deliverable = ?13, deliverable_due = ?14, plan = ?15, status = ?16, "
      "issued_on = ?17, acknowledged_on = ?18, closed_on = ?19, closing_note = ?20, "
      "revision = revision + 1 WHERE organisation = ?1 AND code = ?2 AND revision = ?21");
  bindItem(update, organisation, item);
  update.run();
  if (sqlite3_changes(connection_.handle()) != 1) return false;
  statement("DELETE FROM item_indicators WHERE organisation = ?1 AND item = ?2")
      .bind(1, organisation)
      .bind(2, item.code)
      .run();
  statement("DELETE FROM item_assessments WHERE organisation = ?1 AND item = ?2")
      .bind(1, organisation)
      .bind(2, item.code)
      .run();
  insertFollowUp(organisation, item);
  return true;
}

std::vector<Item> SqliteStore::loadItems(std::string_view organisation,
                                         std::string_view wanted_codes, std::string_view code) {
  std::string wanted = fmt::format("code IN ({})", wanted_codes);
  auto& items =
      statement(fmt::format("SELECT {} FROM items WHERE organisation = ?1 AND {} "
                            "ORDER BY code",
                            kItemColumns, wanted));
  items.bind(1, organisation);
  if (!code.empty()) items.bind(2, code);
  std::vector<Item> result;
  std::unordered_map<std::string, std::size_t> position;
  while (items.step()) {
    result.push_back(readItem(items));
    position.emplace(result.back().code, result.size() - 1);
  }
  std::string item_wanted = fmt::format("item IN ({})", wanted_codes);
  auto& links = statement(fmt::format(
      "SELECT item, indicator, year, target FROM item_indicators WHERE organisation = ?1 AND {} "
      "ORDER BY item, position",
      item_wanted));
  links.bind(1, organisation);
  if (!code.empty()) links.bind(2, code);
  while (links.step()) {
    result[position.at(links.text(0))].follow_up.indicators.push_back(
        {links.text(1), static_cast<int>(links.integer(2)), readOptionalReal(links, 3)});
  }
  auto& assessments = statement(
      fmt::format("SELECT item, follow_up FROM item_assessments WHERE organisation = ?1 AND {} "
                  "ORDER BY item, position",
                  item_wanted));
  assessments.bind(1, organisation);
  if (!code.empty()) assessments.bind(2, code);
  while (assessments.step()) {
    result[position.at(assessments.text(0))].follow_up.assessed_at.push_back(assessments.text(1));
  }
  return result;
}

OrganisationData SqliteStore::loadOrganisation(std::string_view organisation) {
  auto found = this->organisation(organisation);
  if (!found) return {};
  return loadOrganisationData(*this, *found);
}

OrganisationData SqliteStore::loadOccasionRecords(std::string_view organisation,
                                                  std::string_view occasion,
                                                  std::string_view recipient) {
  return loadOccasionData(*this, organisation, occasion, recipient);
}

std::vector<SteeringDocument> SqliteStore::documents(std::string_view organisation) {
  return loadDocuments(*this, organisation);
}

std::vector<Item> SqliteStore::allItems(std::string_view organisation) {
  return loadItems(organisation, kAllItems, {});
}

std::optional<Person> SqliteStore::person(std::string_view organisation, std::string_view code) {
  auto& query = statement(sql::kPerson);
  query.bind(1, organisation).bind(2, code);
  std::optional<Person> result;
  if (query.step()) result = readPerson(query);
  query.reset();
  return result;
}

std::vector<Membership> SqliteStore::membershipsOf(std::string_view organisation,
                                                   std::string_view person) {
  auto& query = statement(sql::kMembershipsOfPerson);
  query.bind(1, organisation).bind(2, person);
  std::vector<Membership> result;
  while (query.step()) result.push_back(readMembership(query));
  return result;
}

std::optional<Item> SqliteStore::item(std::string_view organisation, std::string_view code) {
  auto items = loadItems(organisation, kOneItem, code);
  if (items.empty()) return std::nullopt;
  return std::move(items.front());
}

std::vector<Item> SqliteStore::itemsBelow(std::string_view organisation, std::string_view code) {
  return loadChain(organisation, kItemsBelow, code);
}

std::vector<Item> SqliteStore::itemsAbove(std::string_view organisation, std::string_view code) {
  return loadChain(organisation, kItemsAbove, code);
}

std::vector<Item> SqliteStore::loadChain(std::string_view organisation, std::string_view chain,
                                         std::string_view code) {
  auto& query = statement(fmt::format(
      "{} SELECT {} FROM chain JOIN items ON items.organisation = ?1 AND items.code = chain.code "
      "ORDER BY items.code",
      chain, kQualifiedItemColumns));
  query.bind(1, organisation).bind(2, code);
  std::vector<Item> result;
  while (query.step()) result.push_back(readItem(query));
  return result;
}

std::vector<app::CountRow> SqliteStore::counts(std::string_view organisation) {
  std::vector<app::CountRow> rows;
  eachRow(sql::kCounts, organisation, [&](const SqliteStatement& row) {
    rows.push_back({row.text(0), row.text(1), row.integer(2)});
  });
  return rows;
}

AuditHead SqliteStore::auditHead(std::string_view organisation) {
  // SQLite has one writer at a time (BEGIN IMMEDIATE), which already serialises the chain.
  AuditHead head;
  eachRow(sql::kAuditHead, organisation, [&](const SqliteStatement& row) {
    head = AuditHead{row.integer(0), row.text(1)};
  });
  return head;
}

void SqliteStore::appendAudit(const std::vector<AuditEntry>& entries) {
  auto& insert = statement(
      "INSERT INTO audit_entries (organisation, sequence, at, actor, action, record_kind, "
      "record, before, after, previous_hash, hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  for (const AuditEntry& entry : entries) {
    insert.bind(1, entry.organisation)
        .bind(2, entry.sequence)
        .bind(3, entry.at)
        .bind(4, entry.actor)
        .bind(5, entry.action)
        .bind(6, entry.record_kind)
        .bind(7, entry.record)
        .bind(8, entry.before)
        .bind(9, entry.after)
        .bind(10, entry.previous_hash)
        .bind(11, entry.hash)
        .run();
  }
}

std::int64_t SqliteStore::auditSequence(std::string_view organisation) {
  std::int64_t sequence = 0;
  eachRow(sql::kAuditSequence, organisation,
          [&](const SqliteStatement& row) { sequence = row.integer(0); });
  return sequence;
}

std::vector<AuditEntry> SqliteStore::auditEntriesOf(std::string_view organisation,
                                                    std::string_view record_kind,
                                                    std::string_view record) {
  auto& query = statement(sql::kAuditEntriesOfRecord);
  query.bind(1, organisation).bind(2, record_kind).bind(3, record);
  std::vector<AuditEntry> entries;
  while (query.step()) entries.push_back(readAuditEntry(query));
  return entries;
}

void SqliteStore::forEachAuditEntry(std::string_view organisation, std::int64_t from_sequence,
                                    const std::function<void(const AuditEntry&)>& visit) {
  // SQLite reads lazily row by row, so one "page" of every entry holds no more in memory.
  auto& query = statement(sql::kAuditPage);
  query.bind(1, organisation).bind(2, from_sequence).bind(3, std::int64_t{-1});
  while (query.step()) visit(readAuditEntry(query));
}

// Accounts, sessions and API tokens.

void SqliteStore::insertAccount(const app::Account& account) {
  statement(sql::kInsertAccount)
      .bind(1, account.organisation)
      .bind(2, account.username)
      .bindOrNull(3, account.person)
      .bind(4, std::int64_t{account.administrator ? 1 : 0})
      .bind(5, account.password_hash)
      .bind(6, account.created_at)
      .run();
}

std::optional<app::Account> SqliteStore::account(std::string_view organisation,
                                                 std::string_view username) {
  auto& query = statement(sql::kAccount);
  query.bind(1, organisation).bind(2, username);
  std::optional<app::Account> result;
  if (query.step()) result = readAccount(query);
  query.reset();
  return result;
}

std::vector<app::Account> SqliteStore::accounts(std::string_view organisation) {
  std::vector<app::Account> result;
  eachRow(sql::kAccounts, organisation,
          [&](const SqliteStatement& row) { result.push_back(readAccount(row)); });
  return result;
}

void SqliteStore::insertSession(const app::Session& session) {
  statement(sql::kInsertSession)
      .bind(1, session.secret_hash)
      .bind(2, session.organisation)
      .bind(3, session.username)
      .bind(4, session.csrf_token)
      .bind(5, session.created_at)
      .bind(6, session.last_seen_at)
      .run();
}

std::optional<app::Session> SqliteStore::session(std::string_view secret_hash) {
  std::optional<app::Session> result;
  eachRow(sql::kSession, secret_hash,
          [&](const SqliteStatement& row) { result = readSession(row); });
  return result;
}

void SqliteStore::touchSession(std::string_view secret_hash, std::string_view last_seen_at) {
  statement(sql::kTouchSession).bind(1, last_seen_at).bind(2, secret_hash).run();
}

void SqliteStore::deleteSession(std::string_view secret_hash) {
  statement(sql::kDeleteSession).bind(1, secret_hash).run();
}

std::int64_t SqliteStore::deleteSessionsIdleSince(std::string_view before) {
  statement(sql::kDeleteIdleSessions).bind(1, before).run();
  return sqlite3_changes(connection_.handle());
}

void SqliteStore::insertApiToken(const app::ApiToken& token) {
  statement(sql::kInsertApiToken)
      .bind(1, token.organisation)
      .bind(2, token.name)
      .bind(3, token.secret_hash)
      .bind(4, joinScopes(token.scopes))
      .bind(5, token.created_by)
      .bind(6, token.created_at)
      .run();
}

std::optional<app::ApiToken> SqliteStore::apiToken(std::string_view secret_hash) {
  std::optional<app::ApiToken> result;
  eachRow(sql::kApiToken, secret_hash,
          [&](const SqliteStatement& row) { result = readApiToken(row); });
  return result;
}

std::vector<app::ApiToken> SqliteStore::apiTokens(std::string_view organisation) {
  std::vector<app::ApiToken> result;
  eachRow(sql::kApiTokens, organisation,
          [&](const SqliteStatement& row) { result.push_back(readApiToken(row)); });
  return result;
}

bool SqliteStore::revokeApiToken(std::string_view organisation, std::string_view name,
                                 std::string_view at) {
  statement(sql::kRevokeApiToken).bind(1, at).bind(2, organisation).bind(3, name).run();
  return sqlite3_changes(connection_.handle()) == 1;
}

// The follow-up cycle.

void SqliteStore::insertOccasions(std::string_view organisation,
                                  const std::vector<FollowUpOccasion>& occasions) {
  auto& insert = statement(
      "INSERT INTO occasions (organisation, code, year, name, kind, level, body, period_end, "
      "meeting, topics, status, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
      "?12)");
  for (const FollowUpOccasion& occasion : occasions) {
    bindOccasion(insert, organisation, occasion);
    insert.run();
    insertDeadlines(organisation, occasion);
  }
}

bool SqliteStore::updateOccasion(std::string_view organisation, const FollowUpOccasion& occasion) {
  auto& update = statement(
      "UPDATE occasions SET year = ?3, name = ?4, kind = ?5, level = ?6, body = ?7, "
      "period_end = ?8, meeting = ?9, topics = ?10, status = ?11, revision = revision + 1 "
      "WHERE organisation = ?1 AND code = ?2 AND revision = ?12");
  bindOccasion(update, organisation, occasion);
  update.run();
  if (sqlite3_changes(connection_.handle()) != 1) return false;
  statement("DELETE FROM occasion_deadlines WHERE organisation = ?1 AND occasion = ?2")
      .bind(1, organisation)
      .bind(2, occasion.code)
      .run();
  insertDeadlines(organisation, occasion);
  return true;
}

void SqliteStore::insertDeadlines(std::string_view organisation, const FollowUpOccasion& occasion) {
  auto& insert = statement(
      "INSERT INTO occasion_deadlines (organisation, occasion, level, position, deadline) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (std::size_t i = 0; i < occasion.deadlines.size(); ++i) {
    insert.bind(1, organisation)
        .bind(2, occasion.code)
        .bind(3, toString(occasion.deadlines[i].level))
        .bind(4, static_cast<std::int64_t>(i));
    bindDate(insert, 5, occasion.deadlines[i].deadline);
    insert.run();
  }
}

void SqliteStore::insertReportBack(std::string_view organisation, const ReportBack& report_back) {
  // The database keeps the content of a version that is no longer a draft (D12): content
  // written before its version exists creates it, after would change it. A draft goes first,
  // so that a version written twice is refused as a duplicate.
  auto& insert = statement(
      "INSERT INTO report_backs (organisation, occasion, recipient_unit, recipient_person, "
      "version, status, written_by, updated_at, submitted_by, submitted_at, decided_by, "
      "decided_at, return_reason, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
      "?11, ?12, ?13, ?14)");
  bool draft = report_back.status == ReportBackStatus::draft;
  if (!draft) insertReportBackContent(organisation, report_back);
  bindReportBackKey(insert, organisation, report_back);
  insert.bind(6, toString(report_back.status));
  bindReportBackFields(insert, report_back);
  insert.bind(14, report_back.revision).run();
  if (draft) insertReportBackContent(organisation, report_back);
}

bool SqliteStore::updateReportBack(std::string_view organisation, const ReportBack& report_back) {
  // The status last: the content is replaced while the version is still a draft.
  auto& update = statement(
      "UPDATE report_backs SET written_by = ?7, updated_at = ?8, submitted_by = ?9, "
      "submitted_at = ?10, decided_by = ?11, decided_at = ?12, return_reason = ?13, "
      "revision = revision + 1 WHERE organisation = ?1 AND occasion = ?2 AND recipient_unit = ?3 "
      "AND recipient_person = ?4 AND version = ?5 AND revision = ?6 AND status = 'draft'");
  bindReportBackKey(update, organisation, report_back);
  update.bind(6, report_back.revision);
  bindReportBackFields(update, report_back);
  update.run();
  if (sqlite3_changes(connection_.handle()) != 1) return false;
  for (const char* table : {"report_back_actions", "report_back_assessments", "report_back_topics",
                            "report_back_values"}) {
    auto& remove =
        statement(fmt::format("DELETE FROM {} WHERE organisation = ?1 AND occasion = ?2 "
                              "AND recipient_unit = ?3 AND recipient_person = ?4 AND version = ?5",
                              table));
    bindReportBackKey(remove, organisation, report_back);
    remove.run();
  }
  insertReportBackContent(organisation, report_back);
  if (report_back.status != ReportBackStatus::draft) {
    auto& status = statement(
        "UPDATE report_backs SET status = ?6 WHERE organisation = ?1 AND occasion = ?2 "
        "AND recipient_unit = ?3 AND recipient_person = ?4 AND version = ?5");
    bindReportBackKey(status, organisation, report_back);
    status.bind(6, toString(report_back.status)).run();
  }
  return true;
}

bool SqliteStore::decideReportBack(std::string_view organisation, const ReportBack& report_back) {
  auto& update = statement(
      "UPDATE report_backs SET status = ?6, decided_by = ?7, decided_at = ?8, "
      "return_reason = ?9, revision = revision + 1 WHERE organisation = ?1 AND occasion = ?2 "
      "AND recipient_unit = ?3 AND recipient_person = ?4 AND version = ?5 "
      "AND status = 'submitted'");
  bindReportBackKey(update, organisation, report_back);
  update.bind(6, toString(report_back.status))
      .bind(7, report_back.decided_by)
      .bind(8, report_back.decided_at)
      .bind(9, report_back.return_reason)
      .run();
  return sqlite3_changes(connection_.handle()) == 1;
}

void SqliteStore::insertReportBackContent(std::string_view organisation,
                                          const ReportBack& report_back) {
  auto& assessment = statement(
      "INSERT INTO report_back_assessments (organisation, occasion, recipient_unit, "
      "recipient_person, version, item, position, assessment, trend, analysis) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  auto& action = statement(
      "INSERT INTO report_back_actions (organisation, occasion, recipient_unit, "
      "recipient_person, version, item, position, description, owner, due, status) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  for (std::size_t i = 0; i < report_back.assessments.size(); ++i) {
    const ItemAssessment& record = report_back.assessments[i];
    bindReportBackKey(assessment, organisation, report_back);
    assessment.bind(6, record.item).bind(7, static_cast<std::int64_t>(i));
    if (record.assessment) {
      assessment.bind(8, toString(*record.assessment));
    } else {
      assessment.bindNull(8);
    }
    if (record.trend) {
      assessment.bind(9, toString(*record.trend));
    } else {
      assessment.bindNull(9);
    }
    assessment.bind(10, record.analysis).run();
    for (std::size_t j = 0; j < record.actions.size(); ++j) {
      const CorrectiveAction& corrective = record.actions[j];
      bindReportBackKey(action, organisation, report_back);
      action.bind(6, record.item)
          .bind(7, static_cast<std::int64_t>(j))
          .bind(8, corrective.description);
      if (corrective.owner.empty()) {
        action.bindNull(9);
      } else {
        action.bind(9, corrective.owner);
      }
      bindDate(action, 10, corrective.due);
      action.bind(11, toString(corrective.status)).run();
    }
  }
  auto& topic = statement(
      "INSERT INTO report_back_topics (organisation, occasion, recipient_unit, recipient_person, "
      "version, topic, position, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (std::size_t i = 0; i < report_back.topics.size(); ++i) {
    bindReportBackKey(topic, organisation, report_back);
    topic.bind(6, toString(report_back.topics[i].topic))
        .bind(7, static_cast<std::int64_t>(i))
        .bind(8, report_back.topics[i].text)
        .run();
  }
  auto& value = statement(
      "INSERT INTO report_back_values (organisation, occasion, recipient_unit, recipient_person, "
      "version, indicator, unit, position, period_end, value, numerator, denominator, weight) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  for (std::size_t i = 0; i < report_back.indicator_values.size(); ++i) {
    const IndicatorValue& record = report_back.indicator_values[i];
    bindReportBackKey(value, organisation, report_back);
    value.bind(6, record.indicator).bind(7, record.unit).bind(8, static_cast<std::int64_t>(i));
    bindDate(value, 9, record.period_end);
    value.bind(10, record.value)
        .bind(11, record.numerator)
        .bind(12, record.denominator)
        .bind(13, record.weight)
        .run();
  }
}

// The outbox.

std::optional<std::int64_t> SqliteStore::insertNotification(const app::Notification& notification) {
  auto& insert = statement(
      "INSERT INTO notifications (organisation, person, kind, subject, body, link, dedupe_key, "
      "created_at, read_at, email, email_state, attempts, next_attempt_at, sent_at, last_error) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
      "ON CONFLICT DO NOTHING RETURNING id");
  insert.bind(1, notification.organisation)
      .bind(2, notification.person)
      .bind(3, notification.kind)
      .bind(4, notification.subject)
      .bind(5, notification.body)
      .bind(6, notification.link)
      .bind(7, notification.dedupe_key)
      .bind(8, notification.created_at)
      .bindOrNull(9, notification.read_at)
      .bind(10, notification.email)
      .bind(11, app::toString(notification.email_state))
      .bind(12, static_cast<std::int64_t>(notification.attempts))
      .bindOrNull(13, notification.next_attempt_at)
      .bindOrNull(14, notification.sent_at)
      .bind(15, notification.last_error);
  std::optional<std::int64_t> id;
  if (insert.step()) id = insert.integer(0);
  insert.reset();
  return id;
}

std::vector<app::Notification> SqliteStore::notificationsOf(std::string_view organisation,
                                                            std::string_view person,
                                                            bool unread_only, int limit) {
  auto& query = statement(sql::kNotificationsOfPerson);
  query.bind(1, organisation)
      .bind(2, person)
      .bind(3, static_cast<std::int64_t>(unread_only ? 1 : 0))
      .bind(4, static_cast<std::int64_t>(limit));
  std::vector<app::Notification> result;
  while (query.step()) result.push_back(readNotification(query));
  return result;
}

bool SqliteStore::markNotificationRead(std::string_view organisation, std::string_view person,
                                       std::int64_t id, std::string_view at) {
  // Read once is read: the first time stays.
  statement(
      "UPDATE notifications SET read_at = COALESCE(read_at, ?1) WHERE organisation = ?2 "
      "AND person = ?3 AND id = ?4")
      .bind(1, at)
      .bind(2, organisation)
      .bind(3, person)
      .bind(4, id)
      .run();
  return sqlite3_changes(connection_.handle()) == 1;
}

std::vector<app::Notification> SqliteStore::claimDueEmails(std::string_view now,
                                                           std::string_view lease_until,
                                                           int limit) {
  auto& claim = statement(fmt::format(
      "UPDATE notifications SET next_attempt_at = ?2, attempts = attempts + 1 WHERE id IN ("
      "SELECT id FROM notifications WHERE email_state = 'pending' AND next_attempt_at <= ?1 "
      "ORDER BY next_attempt_at, id LIMIT ?3) RETURNING {}",
      sql::kNotificationColumns));
  claim.bind(1, now).bind(2, lease_until).bind(3, static_cast<std::int64_t>(limit));
  std::vector<app::Notification> claimed;
  while (claim.step()) claimed.push_back(readNotification(claim));
  claim.reset();
  // RETURNING lists rows in no particular order; the oldest mail goes first.
  std::sort(claimed.begin(), claimed.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  return claimed;
}

void SqliteStore::recordEmailOutcome(const app::Notification& notification) {
  statement(
      "UPDATE notifications SET email_state = ?1, next_attempt_at = ?2, sent_at = ?3, "
      "last_error = ?4 WHERE id = ?5 AND organisation = ?6")
      .bind(1, app::toString(notification.email_state))
      .bindOrNull(2, notification.next_attempt_at)
      .bindOrNull(3, notification.sent_at)
      .bind(4, notification.last_error)
      .bind(5, notification.id)
      .bind(6, notification.organisation)
      .run();
}

// Deviations.

void SqliteStore::insertDeviation(std::string_view organisation, const Deviation& deviation) {
  auto& insert = statement(sql::kInsertDeviation);
  bindDeviation(insert, organisation, deviation);
  insert.run();
  writeDeviationLevelsAndActions(organisation, deviation);
  insertDeviationEvents(organisation, deviation, 0);
}

bool SqliteStore::updateDeviation(std::string_view organisation, const Deviation& deviation) {
  auto& update = statement(sql::kUpdateDeviation);
  bindDeviation(update, organisation, deviation);
  update.run();
  if (sqlite3_changes(connection_.handle()) != 1) return false;
  writeDeviationLevelsAndActions(organisation, deviation);
  std::int64_t stored = 0;
  eachRow(sql::kLastDeviationEvent, organisation, deviation.code,
          [&](const SqliteStatement& row) { stored = row.integer(0); });
  insertDeviationEvents(organisation, deviation, stored);
  return true;
}

void SqliteStore::writeDeviationLevelsAndActions(std::string_view organisation,
                                                 const Deviation& deviation) {
  auto& level = statement(sql::kUpsertDeviationLevel);
  for (const DeviationLevel& record : deviation.levels) {
    level.bind(1, organisation)
        .bind(2, deviation.code)
        .bind(3, static_cast<std::int64_t>(record.position))
        .bind(4, record.unit)
        .bind(5, joinCodes(record.people))
        .bind(6, record.notified_at)
        .bind(7, record.acknowledged_at)
        .bind(8, record.acknowledged_by)
        .bind(9, record.due_at)
        .bind(10, record.reminded_at)
        .bind(11, record.escalated_at)
        .bind(12, record.released_at)
        .run();
  }
  auto& action = statement(sql::kUpsertDeviationAction);
  for (const DeviationAction& record : deviation.actions) {
    action.bind(1, organisation)
        .bind(2, deviation.code)
        .bind(3, static_cast<std::int64_t>(record.number))
        .bind(4, record.description)
        .bindOrNull(5, record.owner);
    bindDate(action, 6, record.due);
    action.bind(7, toString(record.status)).bind(8, record.added_by).bind(9, record.added_at).run();
  }
}

void SqliteStore::insertDeviationEvents(std::string_view organisation, const Deviation& deviation,
                                        std::int64_t stored) {
  auto& insert = statement(sql::kInsertDeviationEvent);
  for (const DeviationEvent& event : deviation.events) {
    if (event.sequence <= stored) continue;
    insert.bind(1, organisation)
        .bind(2, deviation.code)
        .bind(3, static_cast<std::int64_t>(event.sequence))
        .bind(4, event.at)
        .bind(5, event.person)
        .bind(6, toString(event.kind))
        .bind(7, event.text)
        .bind(8, static_cast<std::int64_t>(event.gravity))
        .bind(9, static_cast<std::int64_t>(event.level))
        .bind(10, static_cast<std::int64_t>(event.action))
        .bind(11, joinCodes(event.people))
        .run();
  }
}

std::optional<Deviation> SqliteStore::deviation(std::string_view organisation,
                                                std::string_view code) {
  return loadDeviation(*this, organisation, code);
}

std::vector<Deviation> SqliteStore::deviations(std::string_view organisation,
                                               std::optional<DeviationState> state) {
  return loadDeviationsOf(*this, organisation, state);
}

int SqliteStore::lastDeviationNumber(std::string_view organisation, std::string_view prefix) {
  return lastDeviationNumberOf(*this, organisation, prefix);
}

std::vector<app::DueDeviation> SqliteStore::dueDeviations(std::string_view now, int limit) {
  auto& query = statement(sql::kDueDeviations);
  query.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
  std::vector<app::DueDeviation> due;
  while (query.step()) due.push_back({query.text(0), query.text(1)});
  return due;
}

DeviationSettings SqliteStore::deviationSettings(std::string_view organisation) {
  return loadDeviationSettings(*this, organisation);
}

void SqliteStore::saveDeviationSettings(std::string_view organisation,
                                        const DeviationSettings& settings) {
  statement(sql::kDeleteDeviationSettings).bind(1, organisation).run();
  auto& insert = statement(sql::kInsertDeviationRule);
  for (const GravityRule& rule : settings.rules) {
    insert.bind(1, organisation)
        .bind(2, static_cast<std::int64_t>(rule.gravity))
        .bind(3, toString(rule.reach))
        .bind(4, static_cast<std::int64_t>(rule.hours))
        .bind(5, static_cast<std::int64_t>(rule.business_days))
        .run();
  }
}

}  // namespace styr::store
