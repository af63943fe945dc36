#include "store/postgres/postgres_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "store/record_rows.hpp"

namespace styr::store {

using namespace domain;

namespace {

// Any two styr processes migrating one database at once take turns on this lock.
constexpr std::string_view kMigrationLock = "SELECT pg_advisory_xact_lock(7335262)";

// UNION ALL with a depth bound, as in the SQLite backend: valid data has no cycles (each step
// goes down the unit tree), and the bound stops a walk through damaged data.
constexpr std::string_view kItemsBelow =
    "WITH RECURSIVE chain(code, depth) AS ("
    "  SELECT $2::text COLLATE \"C\", 0"
    "  UNION ALL SELECT items.code, chain.depth + 1 FROM chain JOIN items"
    "  ON items.organisation = $1 AND items.origin = chain.code WHERE chain.depth < 64) ";
constexpr std::string_view kItemsAbove =
    "WITH RECURSIVE chain(code, depth) AS ("
    "  SELECT $2::text COLLATE \"C\", 0"
    "  UNION ALL SELECT items.origin, chain.depth + 1 FROM chain JOIN items"
    "  ON items.organisation = $1 AND items.code = chain.code"
    "  WHERE items.origin IS NOT NULL AND chain.depth < 64) ";

template <typename Read>
auto readAll(const PgResult& result, Read read) {
  std::vector<decltype(read(PgRow(result, 0)))> records;
  records.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) records.push_back(read(PgRow(result, row)));
  return records;
}

// The item's fields in kItemColumns' order after its code: one list for COPY and UPDATE.
template <typename Sink>
void addItemFields(Sink& sink, const Item& item) {
  sink.add(toString(item.kind))
      .addOrNull(item.document)
      .addOrNull(item.issuer)
      .addOrNull(item.recipient_unit)
      .addOrNull(item.recipient_person)
      .addOrNull(item.origin)
      .addOrNull(item.origin_document)
      .add(item.title)
      .add(item.description)
      .add(item.due)
      .add(item.follow_up.deliverable)
      .add(item.follow_up.deliverable_due)
      .add(item.plan)
      .add(toString(item.status))
      .add(item.issued_on)
      .add(item.acknowledged_on)
      .add(item.closed_on)
      .add(item.closing_note);
}

// The document's fields in readDocument's order after its code and version: one list for COPY
// and UPDATE.
template <typename Sink>
void addDocumentFields(Sink& sink, const SteeringDocument& document) {
  sink.add(toString(document.kind))
      .add(document.title)
      .add(document.summary)
      .add(document.deciding_body)
      .add(toString(document.status));
  if (document.decision) {
    sink.add(document.decision->date)
        .add(document.decision->minute_paragraph)
        .add(document.decision->case_number);
  } else {
    sink.addNull().addNull().addNull();
  }
  sink.add(document.valid_from).add(document.valid_to).add(document.year).add(document.term);
}

// The occasion's fields in readOccasion's order after its code, but the revision: one list
// for COPY and UPDATE.
template <typename Sink>
void addOccasionFields(Sink& sink, const FollowUpOccasion& occasion) {
  sink.add(occasion.year)
      .add(occasion.name)
      .add(toString(occasion.kind))
      .add(toString(occasion.level))
      .add(occasion.body)
      .add(occasion.period_end)
      .add(occasion.meeting)
      .add(joinTopics(occasion.topics))
      .add(toString(occasion.status));
}

// organisation, occasion, recipient_unit, recipient_person, version: the key of a report-back
// version, which every report-back table starts with.
template <typename Sink>
void addReportBackKey(Sink& sink, std::string_view organisation, const ReportBack& report_back) {
  sink.add(organisation)
      .add(report_back.occasion)
      .add(report_back.recipient_unit)
      .add(report_back.recipient_person)
      .add(report_back.version);
}

// The fields in readReportBack's order after its status, but the revision: what the
// recipient writes and submits.
template <typename Sink>
void addReportBackFields(Sink& sink, const ReportBack& report_back) {
  sink.add(report_back.written_by)
      .add(report_back.updated_at)
      .add(report_back.submitted_by)
      .add(report_back.submitted_at)
      .add(report_back.decided_by)
      .add(report_back.decided_at)
      .add(report_back.return_reason);
}

// The deviation's parameters as sql::kInsertDeviation and sql::kUpdateDeviation number them:
// $1..$19 its fields, $20 organisation, $21 code, $22 the revision (stored, or expected).
PgParams deviationParams(std::string_view organisation, const Deviation& deviation) {
  PgParams params;
  params.add(deviation.unit)
      .add(deviation.reported_by)
      .add(deviation.reported_at)
      .add(toString(deviation.category))
      .add(deviation.gravity)
      .add(deviation.title)
      .add(deviation.description)
      .add(deviation.occurred_on)
      .add(joinCodes(deviation.affected_items))
      .add(joinCodes(deviation.affected_indicators));
  if (deviation.budget_effect_sek) {
    params.add(*deviation.budget_effect_sek);
  } else {
    params.addNull();
  }
  params.add(deviation.immediate_actions)
      .add(deviation.confidential ? 1 : 0)
      .add(toString(deviation.state))
      .add(deviation.closing_note)
      .add(deviation.closed_by)
      .add(deviation.closed_at)
      .add(deviation.council_listed_at)
      .add(deviation.council_meeting)
      .add(organisation)
      .add(deviation.code)
      .add(deviation.revision);
  return params;
}

}  // namespace

PostgresStore::PostgresStore(const std::string& url, SchemaPolicy policy) : connection_(url) {
  migrate(policy, url);
}

int PostgresStore::schemaVersion() {
  auto result = connection_.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return static_cast<int>(PgRow(result, 0).integer(0));
}

void PostgresStore::migrate(SchemaPolicy policy, const std::string& url) {
  const auto& migrations = postgresMigrations();
  connection_.execute("BEGIN");
  try {
    connection_.execute(kMigrationLock);
    connection_.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL)");
    int current = schemaVersion();
    if (shouldMigrate(current, migrations.back().version, policy, url)) {
      for (const Migration& migration : migrations) {
        if (migration.version <= current) continue;
        connection_.execute(migration.sql);
        connection_.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                          PgParams().add(migration.version).add(migration.name));
      }
    }
    connection_.execute("COMMIT");
  } catch (...) {
    connection_.execute("ROLLBACK");
    throw;
  }
}

void PostgresStore::begin() {
  connection_.execute("BEGIN ISOLATION LEVEL READ COMMITTED");
}
void PostgresStore::commit() {
  connection_.execute("COMMIT");
}
void PostgresStore::rollback() {
  // Called from destructors: a connection that cannot roll back is closed with the store, and
  // the server rolls the transaction back then.
  try {
    connection_.execute("ROLLBACK");
  } catch (const std::exception&) {
  }
}

std::vector<Organisation> PostgresStore::organisations() {
  return readAll(connection_.query(sql::kOrganisations),
                 [](const PgRow& row) { return readOrganisation(row); });
}

std::optional<Organisation> PostgresStore::organisation(std::string_view code) {
  std::optional<Organisation> result;
  eachRow(sql::kOrganisation, code, [&](const PgRow& row) { result = readOrganisation(row); });
  return result;
}

void PostgresStore::lockOrganisation(std::string_view organisation) {
  connection_.query("SELECT code FROM organisations WHERE code = $1 FOR UPDATE",
                    PgParams().add(organisation));
}

void PostgresStore::insertOrganisationData(const OrganisationData& data) {
  const std::string& org = data.organisation.code;
  connection_.query(
      "INSERT INTO organisations (code, name, kind) VALUES ($1, $2, $3)",
      PgParams().add(org).add(data.organisation.name).add(toString(data.organisation.kind)));
  CopyRows terms;
  for (const Term& term : data.terms) terms.add(org).add(term.first_year).endRow();
  connection_.copy("terms (organisation, first_year)", terms);
  CopyRows years;
  for (const FiscalYear& year : data.years) {
    years.add(org).add(year.year).add(toString(year.status)).endRow();
  }
  connection_.copy("years (organisation, year, status)", years);
  insertUnits(org, data.units);
  insertPeople(org, data.people);
  insertMemberships(org, data.memberships);

  copyDocuments(org, data.documents);

  CopyRows indicators;
  CopyRows targets;
  for (const Indicator& indicator : data.indicators) {
    indicators.add(org)
        .add(indicator.code)
        .add(indicator.name)
        .add(indicator.description)
        .add(indicator.unit_of_measure)
        .add(toString(indicator.direction))
        .add(toString(indicator.aggregation))
        .endRow();
    for (const IndicatorTarget& target : indicator.targets) {
      targets.add(org)
          .add(indicator.code)
          .add(target.year)
          .add(target.unit)
          .add(target.value)
          .endRow();
    }
  }
  connection_.copy(
      "indicators (organisation, code, name, description, unit_of_measure, direction, "
      "aggregation)",
      indicators);
  connection_.copy("indicator_targets (organisation, indicator, year, unit, value)", targets);

  insertItems(org, data.items);
  insertIndicatorValues(org, data.indicator_values);

  insertOccasions(org, data.occasions);
  copyReportBacks(org, data.report_backs);
}

void PostgresStore::insertItems(std::string_view organisation, const std::vector<Item>& items) {
  CopyRows rows;
  for (const Item& item : items) {
    rows.add(organisation).add(item.code);
    addItemFields(rows, item);
    rows.add(item.revision).endRow();
  }
  connection_.copy(
      "items (organisation, code, kind, document, issuer, recipient_unit, recipient_person, "
      "origin, origin_document, title, description, due, deliverable, deliverable_due, plan, "
      "status, issued_on, acknowledged_on, closed_on, closing_note, revision)",
      rows);
  copyFollowUp(organisation, items);
}

void PostgresStore::insertDocument(std::string_view organisation,
                                   const SteeringDocument& document) {
  copyDocuments(organisation, {document});
}

void PostgresStore::copyDocuments(std::string_view organisation,
                                  const std::vector<SteeringDocument>& documents) {
  CopyRows rows;
  for (const SteeringDocument& document : documents) {
    rows.add(organisation).add(document.code).add(document.version);
    addDocumentFields(rows, document);
    rows.endRow();
  }
  connection_.copy(
      "documents (organisation, code, version, kind, title, summary, deciding_body, status, "
      "decision_date, decision_paragraph, decision_case_number, valid_from, valid_to, year, "
      "term)",
      rows);
  copyAppropriations(organisation, documents);
}

void PostgresStore::copyAppropriations(std::string_view organisation,
                                       const std::vector<SteeringDocument>& documents) {
  CopyRows rows;
  for (const SteeringDocument& document : documents) {
    for (const Appropriation& money : document.appropriations) {
      rows.add(organisation)
          .add(document.code)
          .add(document.version)
          .add(money.unit)
          .add(money.year)
          .add(money.amount_sek)
          .endRow();
    }
  }
  connection_.copy("appropriations (organisation, document, version, unit, year, amount_sek)",
                   rows);
}

bool PostgresStore::updateDocument(std::string_view organisation,
                                   const SteeringDocument& document) {
  PgParams params;
  params.add(organisation).add(document.code).add(document.version);
  addDocumentFields(params, document);
  auto updated = connection_.query(
      "UPDATE documents SET kind = $4, title = $5, summary = $6, deciding_body = $7, "
      "status = $8, decision_date = $9, decision_paragraph = $10, decision_case_number = $11, "
      "valid_from = $12, valid_to = $13, year = $14, term = $15 "
      "WHERE organisation = $1 AND code = $2 AND version = $3",
      params);
  if (updated.affected() != 1) return false;
  connection_.query(
      "DELETE FROM appropriations WHERE organisation = $1 AND document = $2 AND version = $3",
      PgParams().add(organisation).add(document.code).add(document.version));
  copyAppropriations(organisation, {document});
  return true;
}

void PostgresStore::insertIndicatorValues(std::string_view organisation,
                                          const std::vector<IndicatorValue>& values) {
  CopyRows rows;
  for (const IndicatorValue& value : values) {
    rows.add(organisation)
        .add(value.indicator)
        .add(value.unit)
        .add(value.period_end)
        .add(value.value)
        .add(value.numerator)
        .add(value.denominator)
        .add(value.weight)
        .endRow();
  }
  connection_.copy(
      "indicator_values (organisation, indicator, unit, period_end, value, numerator, "
      "denominator, weight)",
      rows);
}

void PostgresStore::copyFollowUp(std::string_view organisation, const std::vector<Item>& items) {
  CopyRows links;
  CopyRows assessments;
  for (const Item& item : items) {
    for (std::size_t i = 0; i < item.follow_up.indicators.size(); ++i) {
      const IndicatorLink& link = item.follow_up.indicators[i];
      links.add(organisation)
          .add(item.code)
          .add(static_cast<std::int64_t>(i))
          .add(link.indicator)
          .add(link.year)
          .add(link.target)
          .endRow();
    }
    for (std::size_t i = 0; i < item.follow_up.assessed_at.size(); ++i) {
      assessments.add(organisation)
          .add(item.code)
          .add(static_cast<std::int64_t>(i))
          .add(item.follow_up.assessed_at[i])
          .endRow();
    }
  }
  connection_.copy("item_indicators (organisation, item, position, indicator, year, target)",
                   links);
  connection_.copy("item_assessments (organisation, item, position, follow_up)", assessments);
}

void PostgresStore::insertUnits(std::string_view organisation, const std::vector<Unit>& units) {
  CopyRows rows;
  for (const Unit& unit : units) {
    rows.add(organisation)
        .add(unit.code)
        .add(unit.name)
        .add(toString(unit.kind))
        .addOrNull(unit.parent)
        .add(unit.valid_from)
        .add(unit.valid_to)
        .endRow();
  }
  connection_.copy("units (organisation, code, name, kind, parent, valid_from, valid_to)", rows);
}

void PostgresStore::insertPeople(std::string_view organisation, const std::vector<Person>& people) {
  CopyRows rows;
  for (const Person& person : people) {
    rows.add(organisation)
        .add(person.code)
        .add(person.given_name)
        .add(person.family_name)
        .add(person.email)
        .endRow();
  }
  connection_.copy("people (organisation, code, given_name, family_name, email)", rows);
}

void PostgresStore::insertMemberships(std::string_view organisation,
                                      const std::vector<Membership>& memberships) {
  CopyRows rows;
  for (const Membership& membership : memberships) {
    rows.add(organisation)
        .add(membership.person)
        .add(membership.unit)
        .add(toString(membership.role))
        .add(membership.valid_from)
        .add(membership.valid_to)
        .endRow();
  }
  connection_.copy("memberships (organisation, person, unit, role, valid_from, valid_to)", rows);
}

bool PostgresStore::updateMembership(std::string_view organisation, const Membership& membership) {
  return connection_
             .query(sql::kUpdateMembership, PgParams()
                                                .add(membership.valid_to)
                                                .add(organisation)
                                                .add(membership.person)
                                                .add(membership.unit)
                                                .add(toString(membership.role))
                                                .add(membership.valid_from))
             .affected() == 1;
}

bool PostgresStore::updateItem(std::string_view organisation, const Item& item) {
  PgParams params;
  params.add(organisation).add(item.code);
  addItemFields(params, item);
  params.add(item.revision);
  auto updated = connection_.query(
      "UPDATE items SET kind = $3, document = $4, issuer = $5, recipient_unit = $6, "
      "recipient_person = $7, origin = $8, origin_document = $9, title = $10, description = $11, "
      "due = $12, deliverable = $13, deliverable_due = $14, plan = $15, status = $16, "
      "issued_on = $17, acknowledged_on = $18, closed_on = $19, closing_note = $20, "
      "revision = revision + 1 WHERE organisation = $1 AND code = $2 AND revision = $21",
      params);
  if (updated.affected() != 1) return false;
  PgParams key;
  key.add(organisation).add(item.code);
  connection_.query("DELETE FROM item_indicators WHERE organisation = $1 AND item = $2", key);
  connection_.query("DELETE FROM item_assessments WHERE organisation = $1 AND item = $2", key);
  copyFollowUp(organisation, {item});
  return true;
}

std::vector<Item> PostgresStore::loadItems(std::string_view where, const PgParams& params) {
  std::vector<Item> items = readAll(
      connection_.query(fmt::format("SELECT {} FROM items WHERE organisation = $1 {} ORDER BY code",
                                    kItemColumns, where),
                        params),
      [](const PgRow& row) { return readItem(row); });
  std::unordered_map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < items.size(); ++i) position.emplace(items[i].code, i);
  std::string item_where = where.empty() ? "" : " AND item = $2";
  auto links =
      connection_.query(fmt::format("SELECT item, indicator, year, target FROM item_indicators "
                                    "WHERE organisation = $1{} ORDER BY item, position",
                                    item_where),
                        params);
  for (int row = 0; row < links.rows(); ++row) {
    PgRow link(links, row);
    items[position.at(link.text(0))].follow_up.indicators.push_back(
        {link.text(1), static_cast<int>(link.integer(2)), readOptionalReal(link, 3)});
  }
  auto assessments = connection_.query(
      fmt::format("SELECT item, follow_up FROM item_assessments WHERE organisation = $1{} "
                  "ORDER BY item, position",
                  item_where),
      params);
  for (int row = 0; row < assessments.rows(); ++row) {
    PgRow assessment(assessments, row);
    items[position.at(assessment.text(0))].follow_up.assessed_at.push_back(assessment.text(1));
  }
  return items;
}

OrganisationData PostgresStore::loadOrganisation(std::string_view organisation) {
  auto found = this->organisation(organisation);
  if (!found) return {};
  return loadOrganisationData(*this, *found);
}

OrganisationData PostgresStore::loadOccasionRecords(std::string_view organisation,
                                                    std::string_view occasion,
                                                    std::string_view recipient) {
  return loadOccasionData(*this, organisation, occasion, recipient);
}

std::vector<SteeringDocument> PostgresStore::documents(std::string_view organisation) {
  return loadDocuments(*this, organisation);
}

std::vector<Item> PostgresStore::allItems(std::string_view organisation) {
  return loadItems("", PgParams().add(organisation));
}

std::optional<Person> PostgresStore::person(std::string_view organisation, std::string_view code) {
  auto result = connection_.query(sql::kPerson, PgParams().add(organisation).add(code));
  if (result.rows() == 0) return std::nullopt;
  return readPerson(PgRow(result, 0));
}

std::vector<Membership> PostgresStore::membershipsOf(std::string_view organisation,
                                                     std::string_view person) {
  return readAll(
      connection_.query(sql::kMembershipsOfPerson, PgParams().add(organisation).add(person)),
      [](const PgRow& row) { return readMembership(row); });
}

std::optional<Item> PostgresStore::item(std::string_view organisation, std::string_view code) {
  auto items = loadItems("AND code = $2", PgParams().add(organisation).add(code));
  if (items.empty()) return std::nullopt;
  return std::move(items.front());
}

std::vector<Item> PostgresStore::itemsBelow(std::string_view organisation, std::string_view code) {
  return loadChain(kItemsBelow, organisation, code);
}

std::vector<Item> PostgresStore::itemsAbove(std::string_view organisation, std::string_view code) {
  return loadChain(kItemsAbove, organisation, code);
}

std::vector<Item> PostgresStore::loadChain(std::string_view chain, std::string_view organisation,
                                           std::string_view code) {
  return readAll(
      // Each reached item is one primary-key look-up, whatever the planner's statistics say:
      // right after a bulk import they say the table is nearly empty, and it would scan all
      // of it. OFFSET 0 keeps the planner from flattening the LATERAL subquery into a join.
      connection_.query(fmt::format("{} SELECT {} FROM chain CROSS JOIN LATERAL (SELECT * FROM "
                                    "items WHERE items.organisation = $1 AND items.code = "
                                    "chain.code OFFSET 0) items ORDER BY items.code",
                                    chain, kQualifiedItemColumns),
                        PgParams().add(organisation).add(code)),
      [](const PgRow& row) { return readItem(row); });
}

std::vector<app::CountRow> PostgresStore::counts(std::string_view organisation) {
  std::vector<app::CountRow> rows;
  eachRow(sql::kCounts, organisation, [&](const PgRow& row) {
    rows.push_back({row.text(0), row.text(1), row.integer(2)});
  });
  return rows;
}

AuditHead PostgresStore::auditHead(std::string_view organisation) {
  // The organisation's row lock makes concurrent writers extend the chain one after the other.
  lockOrganisation(organisation);
  AuditHead head;
  eachRow(sql::kAuditHead, organisation, [&](const PgRow& row) {
    head = AuditHead{row.integer(0), row.text(1)};
  });
  return head;
}

void PostgresStore::appendAudit(const std::vector<AuditEntry>& entries) {
  CopyRows rows;
  for (const AuditEntry& entry : entries) {
    rows.add(entry.organisation)
        .add(entry.sequence)
        .add(entry.at)
        .add(entry.actor)
        .add(entry.action)
        .add(entry.record_kind)
        .add(entry.record)
        .add(entry.before)
        .add(entry.after)
        .add(entry.previous_hash)
        .add(entry.hash)
        .endRow();
  }
  connection_.copy(
      "audit_entries (organisation, sequence, at, actor, action, record_kind, record, before, "
      "after, previous_hash, hash)",
      rows);
}

std::int64_t PostgresStore::auditSequence(std::string_view organisation) {
  std::int64_t sequence = 0;
  eachRow(sql::kAuditSequence, organisation, [&](const PgRow& row) { sequence = row.integer(0); });
  return sequence;
}

std::vector<AuditEntry> PostgresStore::auditEntriesOf(std::string_view organisation,
                                                      std::string_view record_kind,
                                                      std::string_view record) {
  return readAll(connection_.query(sql::kAuditEntriesOfRecord,
                                   PgParams().add(organisation).add(record_kind).add(record)),
                 [](const PgRow& row) { return readAuditEntry(row); });
}

void PostgresStore::forEachAuditEntry(std::string_view organisation, std::int64_t from_sequence,
                                      const std::function<void(const AuditEntry&)>& visit) {
  // In pages, so a long trail is never held in memory at once.
  constexpr std::int64_t kPage = 10000;
  std::int64_t next = from_sequence;
  while (true) {
    auto page =
        connection_.query(sql::kAuditPage, PgParams().add(organisation).add(next).add(kPage));
    for (int row = 0; row < page.rows(); ++row) {
      AuditEntry entry = readAuditEntry(PgRow(page, row));
      next = entry.sequence + 1;
      visit(entry);
    }
    if (page.rows() < kPage) return;
  }
}

// Accounts, sessions and API tokens.

void PostgresStore::insertAccount(const app::Account& account) {
  connection_.query(sql::kInsertAccount, PgParams()
                                             .add(account.organisation)
                                             .add(account.username)
                                             .addOrNull(account.person)
                                             .add(account.administrator ? 1 : 0)
                                             .add(account.password_hash)
                                             .add(account.created_at));
}

std::optional<app::Account> PostgresStore::account(std::string_view organisation,
                                                   std::string_view username) {
  auto result = connection_.query(sql::kAccount, PgParams().add(organisation).add(username));
  if (result.rows() == 0) return std::nullopt;
  return readAccount(PgRow(result, 0));
}

std::vector<app::Account> PostgresStore::accounts(std::string_view organisation) {
  std::vector<app::Account> result;
  eachRow(sql::kAccounts, organisation,
          [&](const PgRow& row) { result.push_back(readAccount(row)); });
  return result;
}

void PostgresStore::insertSession(const app::Session& session) {
  connection_.query(sql::kInsertSession, PgParams()
                                             .add(session.secret_hash)
                                             .add(session.organisation)
                                             .add(session.username)
                                             .add(session.csrf_token)
                                             .add(session.created_at)
                                             .add(session.last_seen_at));
}

std::optional<app::Session> PostgresStore::session(std::string_view secret_hash) {
  std::optional<app::Session> result;
  eachRow(sql::kSession, secret_hash, [&](const PgRow& row) { result = readSession(row); });
  return result;
}

void PostgresStore::touchSession(std::string_view secret_hash, std::string_view last_seen_at) {
  connection_.query(sql::kTouchSession, PgParams().add(last_seen_at).add(secret_hash));
}

void PostgresStore::deleteSession(std::string_view secret_hash) {
  connection_.query(sql::kDeleteSession, PgParams().add(secret_hash));
}

std::int64_t PostgresStore::deleteSessionsIdleSince(std::string_view before) {
  return connection_.query(sql::kDeleteIdleSessions, PgParams().add(before)).affected();
}

void PostgresStore::insertApiToken(const app::ApiToken& token) {
  connection_.query(sql::kInsertApiToken, PgParams()
                                              .add(token.organisation)
                                              .add(token.name)
                                              .add(token.secret_hash)
                                              .add(joinScopes(token.scopes))
                                              .add(token.created_by)
                                              .add(token.created_at));
}

std::optional<app::ApiToken> PostgresStore::apiToken(std::string_view secret_hash) {
  std::optional<app::ApiToken> result;
  eachRow(sql::kApiToken, secret_hash, [&](const PgRow& row) { result = readApiToken(row); });
  return result;
}

std::vector<app::ApiToken> PostgresStore::apiTokens(std::string_view organisation) {
  std::vector<app::ApiToken> result;
  eachRow(sql::kApiTokens, organisation,
          [&](const PgRow& row) { result.push_back(readApiToken(row)); });
  return result;
}

bool PostgresStore::revokeApiToken(std::string_view organisation, std::string_view name,
                                   std::string_view at) {
  return connection_.query(sql::kRevokeApiToken, PgParams().add(at).add(organisation).add(name))
             .affected() == 1;
}

// The follow-up cycle.

void PostgresStore::insertOccasions(std::string_view organisation,
                                    const std::vector<FollowUpOccasion>& occasions) {
  CopyRows rows;
  for (const FollowUpOccasion& occasion : occasions) {
    rows.add(organisation).add(occasion.code);
    addOccasionFields(rows, occasion);
    rows.add(occasion.revision).endRow();
  }
  connection_.copy(
      "occasions (organisation, code, year, name, kind, level, body, period_end, meeting, "
      "topics, status, revision)",
      rows);
  copyDeadlines(organisation, occasions);
}

bool PostgresStore::updateOccasion(std::string_view organisation,
                                   const FollowUpOccasion& occasion) {
  PgParams params;
  params.add(organisation).add(occasion.code);
  addOccasionFields(params, occasion);
  params.add(occasion.revision);
  auto updated = connection_.query(
      "UPDATE occasions SET year = $3, name = $4, kind = $5, level = $6, body = $7, "
      "period_end = $8, meeting = $9, topics = $10, status = $11, revision = revision + 1 "
      "WHERE organisation = $1 AND code = $2 AND revision = $12",
      params);
  if (updated.affected() != 1) return false;
  connection_.query("DELETE FROM occasion_deadlines WHERE organisation = $1 AND occasion = $2",
                    PgParams().add(organisation).add(occasion.code));
  copyDeadlines(organisation, {occasion});
  return true;
}

void PostgresStore::copyDeadlines(std::string_view organisation,
                                  const std::vector<FollowUpOccasion>& occasions) {
  CopyRows rows;
  for (const FollowUpOccasion& occasion : occasions) {
    for (std::size_t i = 0; i < occasion.deadlines.size(); ++i) {
      rows.add(organisation)
          .add(occasion.code)
          .add(toString(occasion.deadlines[i].level))
          .add(static_cast<std::int64_t>(i))
          .add(occasion.deadlines[i].deadline)
          .endRow();
    }
  }
  connection_.copy("occasion_deadlines (organisation, occasion, level, position, deadline)", rows);
}

void PostgresStore::insertReportBack(std::string_view organisation, const ReportBack& report_back) {
  copyReportBacks(organisation, {report_back});
}

void PostgresStore::copyReportBacks(std::string_view organisation,
                                    const std::vector<ReportBack>& report_backs) {
  // The database keeps the content of a version that is no longer a draft (D12): content
  // written before its version exists creates it, after would change it. Drafts go first, so
  // that a version written twice is refused as a duplicate.
  CopyRows draft_rows;
  CopyRows other_rows;
  for (const ReportBack& report_back : report_backs) {
    bool draft = report_back.status == ReportBackStatus::draft;
    CopyRows& rows = draft ? draft_rows : other_rows;
    addReportBackKey(rows, organisation, report_back);
    rows.add(toString(report_back.status));
    addReportBackFields(rows, report_back);
    rows.add(report_back.revision).endRow();
  }
  constexpr std::string_view kTarget =
      "report_backs (organisation, occasion, recipient_unit, recipient_person, version, status, "
      "written_by, updated_at, submitted_by, submitted_at, decided_by, decided_at, "
      "return_reason, revision)";
  connection_.copy(kTarget, draft_rows);
  copyReportBackContent(organisation, report_backs);
  connection_.copy(kTarget, other_rows);
}

bool PostgresStore::updateReportBack(std::string_view organisation, const ReportBack& report_back) {
  // The status last: the content is replaced while the version is still a draft.
  PgParams params;
  addReportBackKey(params, organisation, report_back);
  params.add(report_back.revision);
  addReportBackFields(params, report_back);
  auto updated = connection_.query(
      "UPDATE report_backs SET written_by = $7, updated_at = $8, submitted_by = $9, "
      "submitted_at = $10, decided_by = $11, decided_at = $12, return_reason = $13, "
      "revision = revision + 1 WHERE organisation = $1 AND occasion = $2 AND recipient_unit = $3 "
      "AND recipient_person = $4 AND version = $5 AND revision = $6 AND status = 'draft'",
      params);
  if (updated.affected() != 1) return false;
  PgParams key;
  addReportBackKey(key, organisation, report_back);
  // One round trip for the four tables of content.
  connection_.query(
      "WITH actions AS (DELETE FROM report_back_actions WHERE organisation = $1 "
      "  AND occasion = $2 AND recipient_unit = $3 AND recipient_person = $4 AND version = $5), "
      "topics AS (DELETE FROM report_back_topics WHERE organisation = $1 "
      "  AND occasion = $2 AND recipient_unit = $3 AND recipient_person = $4 AND version = $5), "
      "reported AS (DELETE FROM report_back_values WHERE organisation = $1 "
      "  AND occasion = $2 AND recipient_unit = $3 AND recipient_person = $4 AND version = $5) "
      "DELETE FROM report_back_assessments WHERE organisation = $1 AND occasion = $2 "
      "AND recipient_unit = $3 AND recipient_person = $4 AND version = $5",
      key);
  copyReportBackContent(organisation, {report_back});
  if (report_back.status != ReportBackStatus::draft) {
    key.add(toString(report_back.status));
    connection_.query(
        "UPDATE report_backs SET status = $6 WHERE organisation = $1 AND occasion = $2 "
        "AND recipient_unit = $3 AND recipient_person = $4 AND version = $5",
        key);
  }
  return true;
}

bool PostgresStore::decideReportBack(std::string_view organisation, const ReportBack& report_back) {
  PgParams params;
  addReportBackKey(params, organisation, report_back);
  params.add(toString(report_back.status))
      .add(report_back.decided_by)
      .add(report_back.decided_at)
      .add(report_back.return_reason);
  return connection_
             .query(
                 "UPDATE report_backs SET status = $6, decided_by = $7, decided_at = $8, "
                 "return_reason = $9, revision = revision + 1 WHERE organisation = $1 "
                 "AND occasion = $2 AND recipient_unit = $3 AND recipient_person = $4 "
                 "AND version = $5 AND status = 'submitted'",
                 params)
             .affected() == 1;
}

void PostgresStore::copyReportBackContent(std::string_view organisation,
                                          const std::vector<ReportBack>& report_backs) {
  CopyRows assessments;
  CopyRows actions;
  CopyRows topics;
  CopyRows values;
  for (const ReportBack& report_back : report_backs) {
    for (std::size_t i = 0; i < report_back.assessments.size(); ++i) {
      const ItemAssessment& assessment = report_back.assessments[i];
      addReportBackKey(assessments, organisation, report_back);
      assessments.add(assessment.item).add(static_cast<std::int64_t>(i));
      if (assessment.assessment) {
        assessments.add(toString(*assessment.assessment));
      } else {
        assessments.addNull();
      }
      if (assessment.trend) {
        assessments.add(toString(*assessment.trend));
      } else {
        assessments.addNull();
      }
      assessments.add(assessment.analysis).endRow();
      for (std::size_t j = 0; j < assessment.actions.size(); ++j) {
        const CorrectiveAction& action = assessment.actions[j];
        addReportBackKey(actions, organisation, report_back);
        actions.add(assessment.item).add(static_cast<std::int64_t>(j)).add(action.description);
        if (action.owner.empty()) {
          actions.addNull();
        } else {
          actions.add(action.owner);
        }
        actions.add(action.due).add(toString(action.status)).endRow();
      }
    }
    for (std::size_t i = 0; i < report_back.topics.size(); ++i) {
      addReportBackKey(topics, organisation, report_back);
      topics.add(toString(report_back.topics[i].topic))
          .add(static_cast<std::int64_t>(i))
          .add(report_back.topics[i].text)
          .endRow();
    }
    for (std::size_t i = 0; i < report_back.indicator_values.size(); ++i) {
      const IndicatorValue& value = report_back.indicator_values[i];
      addReportBackKey(values, organisation, report_back);
      values.add(value.indicator)
          .add(value.unit)
          .add(static_cast<std::int64_t>(i))
          .add(value.period_end)
          .add(value.value)
          .add(value.numerator)
          .add(value.denominator)
          .add(value.weight)
          .endRow();
    }
  }
  connection_.copy(
      "report_back_assessments (organisation, occasion, recipient_unit, recipient_person, "
      "version, item, position, assessment, trend, analysis)",
      assessments);
  connection_.copy(
      "report_back_actions (organisation, occasion, recipient_unit, recipient_person, version, "
      "item, position, description, owner, due, status)",
      actions);
  connection_.copy(
      "report_back_topics (organisation, occasion, recipient_unit, recipient_person, version, "
      "topic, position, text)",
      topics);
  connection_.copy(
      "report_back_values (organisation, occasion, recipient_unit, recipient_person, version, "
      "indicator, unit, position, period_end, value, numerator, denominator, weight)",
      values);
}

// The outbox.

std::optional<std::int64_t> PostgresStore::insertNotification(
    const app::Notification& notification) {
  auto inserted = connection_.query(
      "INSERT INTO notifications (organisation, person, kind, subject, body, link, dedupe_key, "
      "created_at, read_at, email, email_state, attempts, next_attempt_at, sent_at, last_error) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
      "ON CONFLICT DO NOTHING RETURNING id",
      PgParams()
          .add(notification.organisation)
          .add(notification.person)
          .add(notification.kind)
          .add(notification.subject)
          .add(notification.body)
          .add(notification.link)
          .add(notification.dedupe_key)
          .add(notification.created_at)
          .addOrNull(notification.read_at)
          .add(notification.email)
          .add(app::toString(notification.email_state))
          .add(notification.attempts)
          .addOrNull(notification.next_attempt_at)
          .addOrNull(notification.sent_at)
          .add(notification.last_error));
  if (inserted.rows() == 0) return std::nullopt;
  return PgRow(inserted, 0).integer(0);
}

std::vector<app::Notification> PostgresStore::notificationsOf(std::string_view organisation,
                                                              std::string_view person,
                                                              bool unread_only, int limit) {
  return readAll(connection_.query(
                     sql::kNotificationsOfPerson,
                     PgParams().add(organisation).add(person).add(unread_only ? 1 : 0).add(limit)),
                 [](const PgRow& row) { return readNotification(row); });
}

bool PostgresStore::markNotificationRead(std::string_view organisation, std::string_view person,
                                         std::int64_t id, std::string_view at) {
  // Read once is read: the first time stays.
  return connection_
             .query(
                 "UPDATE notifications SET read_at = COALESCE(read_at, $1) WHERE organisation = $2 "
                 "AND person = $3 AND id = $4",
                 PgParams().add(at).add(organisation).add(person).add(id))
             .affected() == 1;
}

std::vector<app::Notification> PostgresStore::claimDueEmails(std::string_view now,
                                                             std::string_view lease_until,
                                                             int limit) {
  // SKIP LOCKED: a mail another process is claiming at this moment is its, not this one's.
  auto claimed = readAll(
      connection_.query(
          fmt::format("UPDATE notifications SET next_attempt_at = $2, attempts = attempts + 1 "
                      "WHERE id IN (SELECT id FROM notifications WHERE email_state = 'pending' "
                      "AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $3 "
                      "FOR UPDATE SKIP LOCKED) RETURNING {}",
                      sql::kNotificationColumns),
          PgParams().add(now).add(lease_until).add(limit)),
      [](const PgRow& row) { return readNotification(row); });
  // RETURNING lists rows in no particular order; the oldest mail goes first.
  std::sort(claimed.begin(), claimed.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  return claimed;
}

void PostgresStore::recordEmailOutcome(const app::Notification& notification) {
  connection_.query(
      "UPDATE notifications SET email_state = $1, next_attempt_at = $2, sent_at = $3, "
      "last_error = $4 WHERE id = $5 AND organisation = $6",
      PgParams()
          .add(app::toString(notification.email_state))
          .addOrNull(notification.next_attempt_at)
          .addOrNull(notification.sent_at)
          .add(notification.last_error)
          .add(notification.id)
          .add(notification.organisation));
}

// Deviations.

void PostgresStore::insertDeviation(std::string_view organisation, const Deviation& deviation) {
  connection_.query(sql::kInsertDeviation, deviationParams(organisation, deviation));
  writeDeviationLevelsAndActions(organisation, deviation);
  copyDeviationEvents(organisation, deviation, 0);
}

bool PostgresStore::updateDeviation(std::string_view organisation, const Deviation& deviation) {
  if (connection_.query(sql::kUpdateDeviation, deviationParams(organisation, deviation))
          .affected() != 1) {
    return false;
  }
  writeDeviationLevelsAndActions(organisation, deviation);
  std::int64_t stored = 0;
  eachRow(sql::kLastDeviationEvent, organisation, deviation.code,
          [&](const PgRow& row) { stored = row.integer(0); });
  copyDeviationEvents(organisation, deviation, stored);
  return true;
}

void PostgresStore::writeDeviationLevelsAndActions(std::string_view organisation,
                                                   const Deviation& deviation) {
  // A statement per row: COPY cannot change a stored row, and a deviation has a handful.
  for (const DeviationLevel& level : deviation.levels) {
    connection_.query(sql::kUpsertDeviationLevel, PgParams()
                                                      .add(organisation)
                                                      .add(deviation.code)
                                                      .add(level.position)
                                                      .add(level.unit)
                                                      .add(joinCodes(level.people))
                                                      .add(level.notified_at)
                                                      .add(level.acknowledged_at)
                                                      .add(level.acknowledged_by)
                                                      .add(level.due_at)
                                                      .add(level.reminded_at)
                                                      .add(level.escalated_at)
                                                      .add(level.released_at));
  }
  for (const DeviationAction& action : deviation.actions) {
    connection_.query(sql::kUpsertDeviationAction, PgParams()
                                                       .add(organisation)
                                                       .add(deviation.code)
                                                       .add(action.number)
                                                       .add(action.description)
                                                       .addOrNull(action.owner)
                                                       .add(action.due)
                                                       .add(toString(action.status))
                                                       .add(action.added_by)
                                                       .add(action.added_at));
  }
}

void PostgresStore::copyDeviationEvents(std::string_view organisation, const Deviation& deviation,
                                        std::int64_t stored) {
  CopyRows rows;
  for (const DeviationEvent& event : deviation.events) {
    if (event.sequence <= stored) continue;
    rows.add(organisation)
        .add(deviation.code)
        .add(event.sequence)
        .add(event.at)
        .add(event.person)
        .add(toString(event.kind))
        .add(event.text)
        .add(event.gravity)
        .add(event.level)
        .add(event.action)
        .add(joinCodes(event.people))
        .endRow();
  }
  connection_.copy(
      "deviation_events (organisation, deviation, sequence, at, person, kind, text, gravity, "
      "level, action, people)",
      rows);
}

std::optional<Deviation> PostgresStore::deviation(std::string_view organisation,
                                                  std::string_view code) {
  return loadDeviation(*this, organisation, code);
}

std::vector<Deviation> PostgresStore::deviations(std::string_view organisation,
                                                 std::optional<DeviationState> state) {
  return loadDeviationsOf(*this, organisation, state);
}

int PostgresStore::lastDeviationNumber(std::string_view organisation, std::string_view prefix) {
  return lastDeviationNumberOf(*this, organisation, prefix);
}

std::vector<app::DueDeviation> PostgresStore::dueDeviations(std::string_view now, int limit) {
  return readAll(connection_.query(sql::kDueDeviations, PgParams().add(now).add(limit)),
                 [](const PgRow& row) {
                   return app::DueDeviation{row.text(0), row.text(1)};
                 });
}

DeviationSettings PostgresStore::deviationSettings(std::string_view organisation) {
  return loadDeviationSettings(*this, organisation);
}

void PostgresStore::saveDeviationSettings(std::string_view organisation,
                                          const DeviationSettings& settings) {
  connection_.query(sql::kDeleteDeviationSettings, PgParams().add(organisation));
  CopyRows rows;
  for (const GravityRule& rule : settings.rules) {
    rows.add(organisation)
        .add(rule.gravity)
        .add(toString(rule.reach))
        .add(rule.hours)
        .add(rule.business_days)
        .endRow();
  }
  connection_.copy("deviation_settings (organisation, gravity, reach, hours, business_days)", rows);
}

}  // namespace styr::store
