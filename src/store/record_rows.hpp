#pragma once
// Reading records from result rows, shared by every backend. A Row is anything with
// text(column), isNull(column), integer(column) and real(column); the backends' SQL selects
// the columns in the order these readers expect (listed beside each).

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/accounts.hpp"
#include "app/notification.hpp"
#include "domain/audit.hpp"
#include "domain/deviation.hpp"
#include "domain/model.hpp"

namespace styr::store {

//! The database failed or holds something this binary cannot read: broken infrastructure.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

template <typename Row>
domain::Date readDate(const Row& row, int column) {
  std::string text = row.text(column);
  auto date = domain::parseDate(text);
  if (!date) throw StoreError(fmt::format("the database holds an invalid date '{}'", text));
  return *date;
}

template <typename Row>
std::optional<domain::Date> readOptionalDate(const Row& row, int column) {
  if (row.isNull(column)) return std::nullopt;
  return readDate(row, column);
}

template <typename Row>
std::optional<double> readOptionalReal(const Row& row, int column) {
  if (row.isNull(column)) return std::nullopt;
  return row.real(column);
}

template <typename Row>
std::optional<int> readOptionalInt(const Row& row, int column) {
  if (row.isNull(column)) return std::nullopt;
  return static_cast<int>(row.integer(column));
}

template <typename Enum, typename Row>
Enum readEnum(const Row& row, int column) {
  std::string text = row.text(column);
  auto value = domain::parseEnum<Enum>(text);
  if (!value) throw StoreError(fmt::format("the database holds an unknown value '{}'", text));
  return *value;
}

//! code, name, kind
template <typename Row>
domain::Organisation readOrganisation(const Row& row) {
  return {row.text(0), row.text(1), readEnum<domain::OrganisationKind>(row, 2)};
}

//! code, name, kind, parent, valid_from, valid_to
template <typename Row>
domain::Unit readUnit(const Row& row) {
  return {row.text(0), row.text(1),      readEnum<domain::UnitKind>(row, 2),
          row.text(3), readDate(row, 4), readOptionalDate(row, 5)};
}

//! code, given_name, family_name, email
template <typename Row>
domain::Person readPerson(const Row& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3)};
}

//! person, unit, role, valid_from, valid_to
template <typename Row>
domain::Membership readMembership(const Row& row) {
  return {row.text(0), row.text(1), readEnum<domain::Role>(row, 2), readDate(row, 3),
          readOptionalDate(row, 4)};
}

//! code, version, kind, title, summary, deciding_body, status, decision_date,
//! decision_paragraph, decision_case_number, valid_from, valid_to, year, term
template <typename Row>
domain::SteeringDocument readDocument(const Row& row) {
  domain::SteeringDocument document;
  document.code = row.text(0);
  document.version = static_cast<int>(row.integer(1));
  document.kind = readEnum<domain::DocumentKind>(row, 2);
  document.title = row.text(3);
  document.summary = row.text(4);
  document.deciding_body = row.text(5);
  document.status = readEnum<domain::DocumentStatus>(row, 6);
  if (!row.isNull(7)) {
    document.decision = domain::Decision{readDate(row, 7), row.text(8), row.text(9)};
  }
  document.valid_from = readDate(row, 10);
  document.valid_to = readOptionalDate(row, 11);
  document.year = readOptionalInt(row, 12);
  document.term = readOptionalInt(row, 13);
  return document;
}

//! code, name, description, unit_of_measure, direction, aggregation
template <typename Row>
domain::Indicator readIndicator(const Row& row) {
  return {row.text(0),
          row.text(1),
          row.text(2),
          row.text(3),
          readEnum<domain::Direction>(row, 4),
          readEnum<domain::Aggregation>(row, 5),
          {}};
}

//! The columns readItem expects, in its order.
inline constexpr const char* kItemColumns =
    "code, kind, document, issuer, recipient_unit, recipient_person, origin, origin_document, "
    "title, description, due, deliverable, deliverable_due, plan, status, issued_on, "
    "acknowledged_on, closed_on, closing_note, revision";

//! The same, qualified by the table, for queries that join items with others.
inline constexpr const char* kQualifiedItemColumns =
    "items.code, items.kind, items.document, items.issuer, items.recipient_unit, "
    "items.recipient_person, items.origin, items.origin_document, items.title, "
    "items.description, items.due, items.deliverable, items.deliverable_due, items.plan, "
    "items.status, items.issued_on, items.acknowledged_on, items.closed_on, items.closing_note, "
    "items.revision";

template <typename Row>
domain::Item readItem(const Row& row) {
  domain::Item item;
  item.code = row.text(0);
  item.kind = readEnum<domain::ItemKind>(row, 1);
  item.document = row.text(2);
  item.issuer = row.text(3);
  item.recipient_unit = row.text(4);
  item.recipient_person = row.text(5);
  item.origin = row.text(6);
  item.origin_document = row.text(7);
  item.title = row.text(8);
  item.description = row.text(9);
  item.due = readOptionalDate(row, 10);
  item.follow_up.deliverable = row.text(11);
  item.follow_up.deliverable_due = readOptionalDate(row, 12);
  item.plan = row.text(13);
  item.status = readEnum<domain::ItemStatus>(row, 14);
  item.issued_on = readOptionalDate(row, 15);
  item.acknowledged_on = readOptionalDate(row, 16);
  item.closed_on = readOptionalDate(row, 17);
  item.closing_note = row.text(18);
  item.revision = row.integer(19);
  return item;
}

//! indicator, unit, period_end, value, numerator, denominator, weight
template <typename Row>
domain::IndicatorValue readIndicatorValue(const Row& row) {
  return {row.text(0),
          row.text(1),
          readDate(row, 2),
          row.real(3),
          readOptionalReal(row, 4),
          readOptionalReal(row, 5),
          readOptionalReal(row, 6)};
}

//! organisation, sequence, at, actor, action, record_kind, record, before, after,
//! previous_hash, hash
template <typename Row>
domain::AuditEntry readAuditEntry(const Row& row) {
  return {row.text(0), row.integer(1), row.text(2), row.text(3), row.text(4), row.text(5),
          row.text(6), row.text(7),    row.text(8), row.text(9), row.text(10)};
}

//! The occasion's topics, stored as space-separated glossary names.
inline std::string joinTopics(const std::vector<domain::Topic>& topics) {
  std::string text;
  for (domain::Topic topic : topics) {
    if (!text.empty()) text += ' ';
    text += domain::toString(topic);
  }
  return text;
}

inline std::vector<domain::Topic> splitTopics(const std::string& text) {
  std::vector<domain::Topic> topics;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      std::string name = text.substr(start, end - start);
      auto topic = domain::parseEnum<domain::Topic>(name);
      if (!topic) throw StoreError(fmt::format("the database holds an unknown topic '{}'", name));
      topics.push_back(*topic);
    }
    start = end + 1;
  }
  return topics;
}

//! code, year, name, kind, level, body, period_end, meeting, topics, status, revision
template <typename Row>
domain::FollowUpOccasion readOccasion(const Row& row) {
  domain::FollowUpOccasion occasion;
  occasion.code = row.text(0);
  occasion.year = static_cast<int>(row.integer(1));
  occasion.name = row.text(2);
  occasion.kind = readEnum<domain::OccasionKind>(row, 3);
  occasion.level = readEnum<domain::FollowUpLevel>(row, 4);
  occasion.body = row.text(5);
  occasion.period_end = readDate(row, 6);
  occasion.meeting = readDate(row, 7);
  occasion.topics = splitTopics(row.text(8));
  occasion.status = readEnum<domain::OccasionStatus>(row, 9);
  occasion.revision = row.integer(10);
  return occasion;
}

//! The columns that name a report-back version, first in every report-back table's rows.
inline constexpr int kReportBackKeyColumns = 4;

//! occasion, recipient_unit, recipient_person, version, then status, written_by, updated_at,
//! submitted_by, submitted_at, decided_by, decided_at, return_reason, revision
template <typename Row>
domain::ReportBack readReportBack(const Row& row) {
  domain::ReportBack report_back;
  report_back.occasion = row.text(0);
  report_back.recipient_unit = row.text(1);
  report_back.recipient_person = row.text(2);
  report_back.version = static_cast<int>(row.integer(3));
  report_back.status = readEnum<domain::ReportBackStatus>(row, 4);
  report_back.written_by = row.text(5);
  report_back.updated_at = row.text(6);
  report_back.submitted_by = row.text(7);
  report_back.submitted_at = row.text(8);
  report_back.decided_by = row.text(9);
  report_back.decided_at = row.text(10);
  report_back.return_reason = row.text(11);
  report_back.revision = row.integer(12);
  return report_back;
}

template <typename Enum, typename Row>
std::optional<Enum> readOptionalEnum(const Row& row, int column) {
  if (row.isNull(column)) return std::nullopt;
  return readEnum<Enum>(row, column);
}

//! The report-back's key (4 columns), then item, assessment, trend, analysis
template <typename Row>
domain::ItemAssessment readItemAssessment(const Row& row) {
  constexpr int k = kReportBackKeyColumns;
  return {row.text(k),
          readOptionalEnum<domain::Assessment>(row, k + 1),
          readOptionalEnum<domain::Trend>(row, k + 2),
          row.text(k + 3),
          {}};
}

//! The report-back's key (4 columns), then item, description, owner, due, status
template <typename Row>
domain::CorrectiveAction readCorrectiveAction(const Row& row) {
  constexpr int k = kReportBackKeyColumns;
  return {row.text(k + 1), row.text(k + 2), readDate(row, k + 3),
          readEnum<domain::ActionStatus>(row, k + 4)};
}

//! id, organisation, person, kind, subject, body, link, dedupe_key, created_at, read_at,
//! email, email_state, attempts, next_attempt_at, sent_at, last_error
template <typename Row>
app::Notification readNotification(const Row& row) {
  app::Notification notification;
  notification.id = row.integer(0);
  notification.organisation = row.text(1);
  notification.person = row.text(2);
  notification.kind = row.text(3);
  notification.subject = row.text(4);
  notification.body = row.text(5);
  notification.link = row.text(6);
  notification.dedupe_key = row.text(7);
  notification.created_at = row.text(8);
  notification.read_at = row.text(9);
  notification.email = row.text(10);
  std::string state = row.text(11);
  bool known = false;
  for (app::EmailState candidate : {app::EmailState::none, app::EmailState::pending,
                                    app::EmailState::sent, app::EmailState::failed}) {
    if (app::toString(candidate) == state) {
      notification.email_state = candidate;
      known = true;
    }
  }
  if (!known) {
    throw StoreError(fmt::format("the database holds an unknown e-mail state '{}'", state));
  }
  notification.attempts = static_cast<int>(row.integer(12));
  notification.next_attempt_at = row.text(13);
  notification.sent_at = row.text(14);
  notification.last_error = row.text(15);
  return notification;
}

}  // namespace styr::store

namespace styr::store {

template <typename Row>
app::Account readAccount(const Row& row) {
  return {row.text(0), row.text(1), row.text(2), row.integer(3) != 0, row.text(4), row.text(5)};
}

template <typename Row>
app::Session readSession(const Row& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)};
}

//! Scopes are stored as one space-separated text.
inline std::vector<std::string> splitScopes(const std::string& text) {
  std::vector<std::string> scopes;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) scopes.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return scopes;
}

inline std::string joinScopes(const std::vector<std::string>& scopes) {
  std::string text;
  for (const auto& scope : scopes) text += (text.empty() ? "" : " ") + scope;
  return text;
}

template <typename Row>
app::ApiToken readApiToken(const Row& row) {
  return {row.text(0), row.text(1), row.text(2), splitScopes(row.text(3)),
          row.text(4), row.text(5), row.text(6)};
}

}  // namespace styr::store

namespace styr::store::sql {

// Statements both backends run as they are, each read selecting the columns in the order of
// the reader above that it feeds. SQLite numbers `$n` parameters in the order they first
// appear, so in every statement here $1, $2, ... first appear in that order.

inline constexpr const char* kOrganisations =
    "SELECT code, name, kind FROM organisations ORDER BY code";
inline constexpr const char* kOrganisation =
    "SELECT code, name, kind FROM organisations WHERE code = $1";
inline constexpr const char* kTerms =
    "SELECT first_year FROM terms WHERE organisation = $1 ORDER BY first_year";
inline constexpr const char* kYears =
    "SELECT year, status FROM years WHERE organisation = $1 ORDER BY year";
inline constexpr const char* kUnits =
    "SELECT code, name, kind, parent, valid_from, valid_to FROM units WHERE organisation = $1 "
    "ORDER BY code";
inline constexpr const char* kPeople =
    "SELECT code, given_name, family_name, email FROM people WHERE organisation = $1 "
    "ORDER BY code";
inline constexpr const char* kPerson =
    "SELECT code, given_name, family_name, email FROM people WHERE organisation = $1 "
    "AND code = $2";
inline constexpr const char* kMembershipsOfPerson =
    "SELECT person, unit, role, valid_from, valid_to FROM memberships WHERE organisation = $1 "
    "AND person = $2 ORDER BY unit, role, valid_from";
inline constexpr const char* kMemberships =
    "SELECT person, unit, role, valid_from, valid_to FROM memberships WHERE organisation = $1 "
    "ORDER BY person, unit, role, valid_from";
//! $1 valid_to, then the membership's key: $2 organisation, $3 person, $4 unit, $5 role,
//! $6 valid_from
inline constexpr const char* kUpdateMembership =
    "UPDATE memberships SET valid_to = $1 WHERE organisation = $2 AND person = $3 AND unit = $4 "
    "AND role = $5 AND valid_from = $6";
inline constexpr const char* kDocuments =
    "SELECT code, version, kind, title, summary, deciding_body, status, decision_date, "
    "decision_paragraph, decision_case_number, valid_from, valid_to, year, term "
    "FROM documents WHERE organisation = $1 ORDER BY code, version";
//! document, version, unit, year, amount_sek
inline constexpr const char* kAppropriations =
    "SELECT document, version, unit, year, amount_sek FROM appropriations "
    "WHERE organisation = $1 ORDER BY document, version, year, unit";
inline constexpr const char* kIndicators =
    "SELECT code, name, description, unit_of_measure, direction, aggregation FROM indicators "
    "WHERE organisation = $1 ORDER BY code";
//! indicator, year, unit, value
inline constexpr const char* kIndicatorTargets =
    "SELECT indicator, year, unit, value FROM indicator_targets WHERE organisation = $1 "
    "ORDER BY indicator, year, unit";
inline constexpr const char* kIndicatorValues =
    "SELECT indicator, unit, period_end, value, numerator, denominator, weight "
    "FROM indicator_values WHERE organisation = $1 ORDER BY indicator, unit, period_end";
inline constexpr const char* kOccasions =
    "SELECT code, year, name, kind, level, body, period_end, meeting, topics, status, revision "
    "FROM occasions WHERE organisation = $1 ORDER BY code";
//! occasion, level, deadline
inline constexpr const char* kOccasionDeadlines =
    "SELECT occasion, level, deadline FROM occasion_deadlines WHERE organisation = $1 "
    "ORDER BY occasion, position";
inline constexpr const char* kReportBacks =
    "SELECT occasion, recipient_unit, recipient_person, version, status, written_by, updated_at, "
    "submitted_by, submitted_at, decided_by, decided_at, return_reason, revision "
    "FROM report_backs WHERE organisation = $1 "
    "ORDER BY occasion, recipient_unit, recipient_person, version";
inline constexpr const char* kReportBackAssessments =
    "SELECT occasion, recipient_unit, recipient_person, version, item, assessment, trend, "
    "analysis FROM report_back_assessments WHERE organisation = $1 "
    "ORDER BY occasion, recipient_unit, recipient_person, version, position";
inline constexpr const char* kReportBackActions =
    "SELECT occasion, recipient_unit, recipient_person, version, item, description, owner, due, "
    "status FROM report_back_actions WHERE organisation = $1 "
    "ORDER BY occasion, recipient_unit, recipient_person, version, item, position";
//! The report-back's key (4 columns), then topic, text
inline constexpr const char* kReportBackTopics =
    "SELECT occasion, recipient_unit, recipient_person, version, topic, text "
    "FROM report_back_topics WHERE organisation = $1 "
    "ORDER BY occasion, recipient_unit, recipient_person, version, position";
//! The report-back's key (4 columns), then the columns of readIndicatorValue
inline constexpr const char* kReportBackValues =
    "SELECT occasion, recipient_unit, recipient_person, version, indicator, unit, period_end, "
    "value, numerator, denominator, weight FROM report_back_values WHERE organisation = $1 "
    "ORDER BY occasion, recipient_unit, recipient_person, version, position";
//! The columns readNotification expects, in its order.
inline constexpr const char* kNotificationColumns =
    "id, organisation, person, kind, subject, body, link, dedupe_key, created_at, read_at, "
    "email, email_state, attempts, next_attempt_at, sent_at, last_error";
//! A person's notifications ($2), only the unread ones when $3 is 1, newest first, at most $4.
inline constexpr const char* kNotificationsOfPerson =
    "SELECT id, organisation, person, kind, subject, body, link, dedupe_key, created_at, "
    "read_at, email, email_state, attempts, next_attempt_at, sent_at, last_error "
    "FROM notifications WHERE organisation = $1 AND person = $2 AND ($3 = 0 OR read_at IS NULL) "
    "ORDER BY created_at DESC, id DESC LIMIT $4";
//! sequence, hash of the organisation's newest audit entry
inline constexpr const char* kAuditHead =
    "SELECT sequence, hash FROM audit_entries WHERE organisation = $1 "
    "ORDER BY sequence DESC LIMIT 1";
//! A page of audit entries from sequence $2 on, at most $3 of them.
inline constexpr const char* kAuditPage =
    "SELECT organisation, sequence, at, actor, action, record_kind, record, before, after, "
    "previous_hash, hash FROM audit_entries WHERE organisation = $1 AND sequence >= $2 "
    "ORDER BY sequence LIMIT $3";
//! The sequence of the organisation's newest audit entry, 0 before the first. It locks
//! nothing (PostgreSQL's auditHead locks the organisation first), so a reader polling it for
//! changes never waits for, or holds up, a writer.
inline constexpr const char* kAuditSequence =
    "SELECT COALESCE(MAX(sequence), 0) FROM audit_entries WHERE organisation = $1";
//! One record's audit entries ($2 record_kind, $3 record), oldest first, through the
//! audit_entries_by_record index.
inline constexpr const char* kAuditEntriesOfRecord =
    "SELECT organisation, sequence, at, actor, action, record_kind, record, before, after, "
    "previous_hash, hash FROM audit_entries WHERE organisation = $1 AND record_kind = $2 "
    "AND record = $3 ORDER BY sequence";
//! category, key, count; $1 = '' counts every organisation. Report-backs are counted per
//! version. Deviations are counted by state, both states always and in the glossary's order:
//! `styr stats` lists the keys of a category in the order of its rows, so the two backends
//! print the same whatever order their GROUP BY would give.
inline constexpr const char* kCounts =
    "SELECT 'organisations', '', COUNT(*) FROM organisations WHERE $1 = '' OR code = $1 "
    "UNION ALL SELECT 'units_by_kind', kind, COUNT(*) FROM units "
    "  WHERE $1 = '' OR organisation = $1 GROUP BY kind "
    "UNION ALL SELECT 'people', '', COUNT(*) FROM people WHERE $1 = '' OR organisation = $1 "
    "UNION ALL SELECT 'memberships_by_role', role, COUNT(*) FROM memberships "
    "  WHERE $1 = '' OR organisation = $1 GROUP BY role "
    "UNION ALL SELECT 'heads', '', COUNT(DISTINCT organisation || '/' || person) "
    "  FROM memberships WHERE ($1 = '' OR organisation = $1) AND role = 'head' "
    "UNION ALL SELECT 'items_by_kind', kind, COUNT(*) FROM items "
    "  WHERE $1 = '' OR organisation = $1 GROUP BY kind "
    "UNION ALL SELECT 'items_by_status', status, COUNT(*) FROM items "
    "  WHERE $1 = '' OR organisation = $1 GROUP BY status "
    "UNION ALL SELECT 'documents_by_kind', kind, COUNT(*) FROM documents "
    "  WHERE $1 = '' OR organisation = $1 GROUP BY kind "
    "UNION ALL SELECT 'indicators', '', COUNT(*) FROM indicators "
    "  WHERE $1 = '' OR organisation = $1 "
    "UNION ALL SELECT 'indicator_values', '', COUNT(*) FROM indicator_values "
    "  WHERE $1 = '' OR organisation = $1 "
    "UNION ALL SELECT 'audit_entries', '', COUNT(*) FROM audit_entries "
    "  WHERE $1 = '' OR organisation = $1 "
    "UNION ALL SELECT 'occasions', '', COUNT(*) FROM occasions "
    "  WHERE $1 = '' OR organisation = $1 "
    "UNION ALL SELECT 'report_backs_by_status', status, COUNT(*) FROM report_backs "
    "  WHERE $1 = '' OR organisation = $1 GROUP BY status "
    "UNION ALL SELECT 'deviations_by_state', 'open', COUNT(*) FROM deviations "
    "  WHERE ($1 = '' OR organisation = $1) AND state = 'open' "
    "UNION ALL SELECT 'deviations_by_state', 'closed', COUNT(*) FROM deviations "
    "  WHERE ($1 = '' OR organisation = $1) AND state = 'closed'";

//! organisation, username, person, administrator, password_hash, created_at
inline constexpr const char* kAccount =
    "SELECT organisation, username, person, administrator, password_hash, created_at "
    "FROM accounts WHERE organisation = $1 AND username = $2";
inline constexpr const char* kAccounts =
    "SELECT organisation, username, person, administrator, password_hash, created_at "
    "FROM accounts WHERE organisation = $1 ORDER BY username";
inline constexpr const char* kInsertAccount =
    "INSERT INTO accounts (organisation, username, person, administrator, password_hash, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6)";
//! secret_hash, organisation, username, csrf_token, created_at, last_seen_at
inline constexpr const char* kSession =
    "SELECT secret_hash, organisation, username, csrf_token, created_at, last_seen_at "
    "FROM sessions WHERE secret_hash = $1";
inline constexpr const char* kInsertSession =
    "INSERT INTO sessions (secret_hash, organisation, username, csrf_token, created_at, "
    "last_seen_at) VALUES ($1, $2, $3, $4, $5, $6)";
//! $1 last_seen_at, $2 secret_hash
inline constexpr const char* kTouchSession =
    "UPDATE sessions SET last_seen_at = $1 WHERE secret_hash = $2";
inline constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE secret_hash = $1";
inline constexpr const char* kDeleteIdleSessions = "DELETE FROM sessions WHERE last_seen_at < $1";
//! organisation, name, secret_hash, scopes (space-separated), created_by, created_at, revoked_at
inline constexpr const char* kApiToken =
    "SELECT organisation, name, secret_hash, scopes, created_by, created_at, revoked_at "
    "FROM api_tokens WHERE secret_hash = $1";
inline constexpr const char* kApiTokens =
    "SELECT organisation, name, secret_hash, scopes, created_by, created_at, revoked_at "
    "FROM api_tokens WHERE organisation = $1 ORDER BY name";
inline constexpr const char* kInsertApiToken =
    "INSERT INTO api_tokens (organisation, name, secret_hash, scopes, created_by, created_at, "
    "revoked_at) VALUES ($1, $2, $3, $4, $5, $6, NULL)";
//! $1 revoked_at, $2 organisation, $3 name
inline constexpr const char* kRevokeApiToken =
    "UPDATE api_tokens SET revoked_at = $1 WHERE organisation = $2 AND name = $3 "
    "AND revoked_at IS NULL";

}  // namespace styr::store::sql

namespace styr::store {

//! The organisation's steering documents with their appropriations, through `backend`, which
//! provides eachRow(sql, organisation, visit): run `sql` with $1 = organisation and call
//! `visit` with each row.
template <typename Backend>
std::vector<domain::SteeringDocument> loadDocuments(Backend& backend,
                                                    std::string_view organisation) {
  std::vector<domain::SteeringDocument> documents;
  backend.eachRow(sql::kDocuments, organisation,
                  [&](const auto& row) { documents.push_back(readDocument(row)); });
  std::map<std::pair<std::string, int>, std::size_t> position;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    position.emplace(std::make_pair(documents[i].code, documents[i].version), i);
  }
  backend.eachRow(sql::kAppropriations, organisation, [&](const auto& row) {
    auto key = std::make_pair(row.text(0), static_cast<int>(row.integer(1)));
    documents[position.at(key)].appropriations.push_back(
        {row.text(2), static_cast<int>(row.integer(3)), row.integer(4)});
  });
  return documents;
}

//! The queries that read the follow-up cycle, each with $1 = organisation.
struct FollowUpQueries {
  std::string occasions;
  std::string deadlines;
  std::string report_backs;
  std::string assessments;
  std::string actions;
  std::string topics;
  std::string values;
};

//! Those of the whole organisation.
inline const FollowUpQueries& wholeFollowUpCycle() {
  static const FollowUpQueries queries{sql::kOccasions,         sql::kOccasionDeadlines,
                                       sql::kReportBacks,       sql::kReportBackAssessments,
                                       sql::kReportBackActions, sql::kReportBackTopics,
                                       sql::kReportBackValues};
  return queries;
}

//! The same narrowed to one occasion, $2, and to one recipient's report-backs, $3 (a unit's or
//! a person's code; none when ''): derived from the whole organisation's, so that the two read
//! the same columns in the same order.
inline const FollowUpQueries& oneOccasion() {
  static const FollowUpQueries queries = [] {
    enum class Rows { of_occasion, of_recipient };
    auto narrowed = [](std::string query, std::string_view column, Rows rows) {
      const std::string where = "WHERE organisation = $1 ";
      auto at = query.find(where);
      std::string condition = fmt::format("AND {} = $2 ", column);
      // Every query takes the same three parameters; the occasion's own rows ignore $3.
      condition += rows == Rows::of_recipient
                       ? "AND $3 <> '' AND (recipient_unit = $3 OR recipient_person = $3) "
                       : "AND ($3 = '' OR $3 <> '') ";
      query.insert(at + where.size(), condition);
      return query;
    };
    const FollowUpQueries& whole = wholeFollowUpCycle();
    return FollowUpQueries{narrowed(whole.occasions, "code", Rows::of_occasion),
                           narrowed(whole.deadlines, "occasion", Rows::of_occasion),
                           narrowed(whole.report_backs, "occasion", Rows::of_recipient),
                           narrowed(whole.assessments, "occasion", Rows::of_recipient),
                           narrowed(whole.actions, "occasion", Rows::of_recipient),
                           narrowed(whole.topics, "occasion", Rows::of_recipient),
                           narrowed(whole.values, "occasion", Rows::of_recipient)};
  }();
  return queries;
}

//! The follow-up plan and report-backs (every version, with its content) that `queries`
//! select, into `data`; `each(sql, visit)` runs one of them and calls `visit` with each row.
template <typename Each>
void loadFollowUpCycle(Each each, const FollowUpQueries& queries, domain::OrganisationData& data) {
  each(queries.occasions, [&](const auto& row) { data.occasions.push_back(readOccasion(row)); });
  std::unordered_map<std::string, std::size_t> occasion_at;
  for (std::size_t i = 0; i < data.occasions.size(); ++i) {
    occasion_at.emplace(data.occasions[i].code, i);
  }
  each(queries.deadlines, [&](const auto& row) {
    data.occasions[occasion_at.at(row.text(0))].deadlines.push_back(
        {readEnum<domain::FollowUpLevel>(row, 1), readDate(row, 2)});
  });

  each(queries.report_backs,
       [&](const auto& row) { data.report_backs.push_back(readReportBack(row)); });
  if (data.report_backs.empty()) return;
  // Content rows come in the order of the versions (both sorted by the same key in the
  // database's collation), so one cursor walks forward through the versions.
  std::size_t at = 0;
  auto versionOf = [&](const auto& row) -> domain::ReportBack& {
    std::string occasion = row.text(0);
    std::string recipient_unit = row.text(1);
    std::string recipient_person = row.text(2);
    auto version = static_cast<int>(row.integer(3));
    while (at < data.report_backs.size()) {
      const domain::ReportBack& candidate = data.report_backs[at];
      if (candidate.version == version && candidate.occasion == occasion &&
          candidate.recipient_unit == recipient_unit &&
          candidate.recipient_person == recipient_person) {
        return data.report_backs[at];
      }
      ++at;
    }
    throw StoreError(
        fmt::format("the database holds content of a report-back to {} that is "
                    "not there (recipient {}{}, version {})",
                    occasion, recipient_unit, recipient_person, version));
  };
  each(queries.assessments,
       [&](const auto& row) { versionOf(row).assessments.push_back(readItemAssessment(row)); });
  at = 0;
  each(queries.actions, [&](const auto& row) {
    domain::ReportBack& report_back = versionOf(row);
    std::string item = row.text(kReportBackKeyColumns);
    auto assessment = std::find_if(
        report_back.assessments.begin(), report_back.assessments.end(),
        [&](const domain::ItemAssessment& candidate) { return candidate.item == item; });
    if (assessment == report_back.assessments.end()) {
      throw StoreError(
          fmt::format("the database holds a corrective action for item {} that the "
                      "report-back to {} does not assess",
                      item, report_back.occasion));
    }
    assessment->actions.push_back(readCorrectiveAction(row));
  });
  at = 0;
  each(queries.topics, [&](const auto& row) {
    versionOf(row).topics.push_back(
        {readEnum<domain::Topic>(row, kReportBackKeyColumns), row.text(kReportBackKeyColumns + 1)});
  });
  at = 0;
  each(queries.values, [&](const auto& row) {
    constexpr int k = kReportBackKeyColumns;
    versionOf(row).indicator_values.push_back(
        {row.text(k), row.text(k + 1), readDate(row, k + 2), row.real(k + 3),
         readOptionalReal(row, k + 4), readOptionalReal(row, k + 5), readOptionalReal(row, k + 6)});
  });
}

//! One occasion and its report-backs (Store::loadOccasionRecords), through `backend`, which
//! provides eachRow(sql, organisation, second, third, visit) with $2 and $3.
template <typename Backend>
domain::OrganisationData loadOccasionData(Backend& backend, std::string_view organisation,
                                          std::string_view occasion, std::string_view recipient) {
  domain::OrganisationData data;
  data.organisation.code = std::string(organisation);
  loadFollowUpCycle(
      [&](const std::string& query, const auto& visit) {
        backend.eachRow(query, organisation, occasion, recipient, visit);
      },
      oneOccasion(), data);
  return data;
}

//! Everything the organisation holds, through `backend` (eachRow as for loadDocuments, and
//! allItems(organisation): its items with their follow-up details).
template <typename Backend>
domain::OrganisationData loadOrganisationData(Backend& backend,
                                              const domain::Organisation& organisation) {
  domain::OrganisationData data;
  data.organisation = organisation;
  const std::string& org = organisation.code;
  backend.eachRow(sql::kTerms, org, [&](const auto& row) {
    data.terms.push_back({static_cast<int>(row.integer(0))});
  });
  backend.eachRow(sql::kYears, org, [&](const auto& row) {
    data.years.push_back({static_cast<int>(row.integer(0)), readEnum<domain::YearStatus>(row, 1)});
  });
  backend.eachRow(sql::kUnits, org, [&](const auto& row) { data.units.push_back(readUnit(row)); });
  backend.eachRow(sql::kPeople, org,
                  [&](const auto& row) { data.people.push_back(readPerson(row)); });
  backend.eachRow(sql::kMemberships, org,
                  [&](const auto& row) { data.memberships.push_back(readMembership(row)); });
  data.documents = loadDocuments(backend, org);
  backend.eachRow(sql::kIndicators, org,
                  [&](const auto& row) { data.indicators.push_back(readIndicator(row)); });
  std::unordered_map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < data.indicators.size(); ++i) {
    position.emplace(data.indicators[i].code, i);
  }
  backend.eachRow(sql::kIndicatorTargets, org, [&](const auto& row) {
    data.indicators[position.at(row.text(0))].targets.push_back(
        {static_cast<int>(row.integer(1)), row.text(2), row.real(3)});
  });
  data.items = backend.allItems(org);
  backend.eachRow(sql::kIndicatorValues, org, [&](const auto& row) {
    data.indicator_values.push_back(readIndicatorValue(row));
  });
  loadFollowUpCycle(
      [&](const std::string& query, const auto& visit) { backend.eachRow(query, org, visit); },
      wholeFollowUpCycle(), data);
  return data;
}

}  // namespace styr::store

// Deviations (D11, migration 004).

namespace styr::store {

//! Lists of codes (a deviation's affected items and indicators, who was told at a level or in
//! an event) are stored as one space-separated text, as an API token's scopes are.
inline std::vector<std::string> splitCodes(const std::string& text) {
  return splitScopes(text);
}

inline std::string joinCodes(const std::vector<std::string>& codes) {
  return joinScopes(codes);
}

template <typename Row>
std::optional<std::int64_t> readOptionalInt64(const Row& row, int column) {
  if (row.isNull(column)) return std::nullopt;
  return row.integer(column);
}

//! code, unit, reported_by, reported_at, category, gravity, title, description, occurred_on,
//! affected_items, affected_indicators, budget_effect_sek, immediate_actions, confidential,
//! state, closing_note, closed_by, closed_at, council_listed_at, council_meeting, revision
template <typename Row>
domain::Deviation readDeviation(const Row& row) {
  domain::Deviation deviation;
  deviation.code = row.text(0);
  deviation.unit = row.text(1);
  deviation.reported_by = row.text(2);
  deviation.reported_at = row.text(3);
  deviation.category = readEnum<domain::DeviationCategory>(row, 4);
  deviation.gravity = static_cast<int>(row.integer(5));
  deviation.title = row.text(6);
  deviation.description = row.text(7);
  deviation.occurred_on = readDate(row, 8);
  deviation.affected_items = splitCodes(row.text(9));
  deviation.affected_indicators = splitCodes(row.text(10));
  deviation.budget_effect_sek = readOptionalInt64(row, 11);
  deviation.immediate_actions = row.text(12);
  deviation.confidential = row.integer(13) != 0;
  deviation.state = readEnum<domain::DeviationState>(row, 14);
  deviation.closing_note = row.text(15);
  deviation.closed_by = row.text(16);
  deviation.closed_at = row.text(17);
  deviation.council_listed_at = row.text(18);
  deviation.council_meeting = readOptionalDate(row, 19);
  deviation.revision = row.integer(20);
  return deviation;
}

//! The deviation (its code), then position, unit, people, notified_at, acknowledged_at,
//! acknowledged_by, due_at, reminded_at, escalated_at, released_at
template <typename Row>
domain::DeviationLevel readDeviationLevel(const Row& row) {
  domain::DeviationLevel level;
  level.position = static_cast<int>(row.integer(1));
  level.unit = row.text(2);
  level.people = splitCodes(row.text(3));
  level.notified_at = row.text(4);
  level.acknowledged_at = row.text(5);
  level.acknowledged_by = row.text(6);
  level.due_at = row.text(7);
  level.reminded_at = row.text(8);
  level.escalated_at = row.text(9);
  level.released_at = row.text(10);
  return level;
}

//! The deviation, then number, description, owner, due, status, added_by, added_at
template <typename Row>
domain::DeviationAction readDeviationAction(const Row& row) {
  domain::DeviationAction action;
  action.number = static_cast<int>(row.integer(1));
  action.description = row.text(2);
  action.owner = row.text(3);
  action.due = readDate(row, 4);
  action.status = readEnum<domain::ActionStatus>(row, 5);
  action.added_by = row.text(6);
  action.added_at = row.text(7);
  return action;
}

//! The deviation, then sequence, at, person, kind, text, gravity, level, action, people
template <typename Row>
domain::DeviationEvent readDeviationEvent(const Row& row) {
  domain::DeviationEvent event;
  event.sequence = static_cast<int>(row.integer(1));
  event.at = row.text(2);
  event.person = row.text(3);
  event.kind = readEnum<domain::DeviationEventKind>(row, 4);
  event.text = row.text(5);
  event.gravity = static_cast<int>(row.integer(6));
  event.level = static_cast<int>(row.integer(7));
  event.action = static_cast<int>(row.integer(8));
  event.people = splitCodes(row.text(9));
  return event;
}

//! The queries that read deviations with their levels, actions and timelines, each with
//! $1 = organisation: one per table, whatever the number of deviations.
struct DeviationQueries {
  std::string deviations;
  std::string levels;
  std::string actions;
  std::string events;
};

//! Those selecting the deviations for which `wanted` holds (a condition on deviations' own
//! columns, with $2 if any, or empty for all of them); each table's rows ordered by its key.
inline DeviationQueries deviationQueries(std::string_view wanted) {
  std::string own = wanted.empty() ? "" : fmt::format(" AND {}", wanted);
  // A child row belongs to a wanted deviation: one look-up in the deviations' key per row.
  std::string children = wanted.empty() ? ""
                                        : fmt::format(
                                              " AND deviation IN (SELECT code FROM deviations "
                                              "WHERE organisation = $1 AND {})",
                                              wanted);
  return DeviationQueries{
      fmt::format("SELECT code, unit, reported_by, reported_at, category, gravity, title, "
                  "description, occurred_on, affected_items, affected_indicators, "
                  "budget_effect_sek, immediate_actions, confidential, state, closing_note, "
                  "closed_by, closed_at, council_listed_at, council_meeting, revision "
                  "FROM deviations WHERE organisation = $1{} ORDER BY code",
                  own),
      fmt::format("SELECT deviation, position, unit, people, notified_at, acknowledged_at, "
                  "acknowledged_by, due_at, reminded_at, escalated_at, released_at "
                  "FROM deviation_levels WHERE organisation = $1{} ORDER BY deviation, position",
                  children),
      fmt::format("SELECT deviation, number, description, owner, due, status, added_by, added_at "
                  "FROM deviation_actions WHERE organisation = $1{} ORDER BY deviation, number",
                  children),
      fmt::format("SELECT deviation, sequence, at, person, kind, text, gravity, level, action, "
                  "people FROM deviation_events WHERE organisation = $1{} "
                  "ORDER BY deviation, sequence",
                  children)};
}

//! Every deviation of the organisation.
inline const DeviationQueries& allDeviations() {
  static const DeviationQueries queries = deviationQueries("");
  return queries;
}

//! Those in the state $2.
inline const DeviationQueries& deviationsInState() {
  static const DeviationQueries queries = deviationQueries("state = $2");
  return queries;
}

//! The one with the code $2.
inline const DeviationQueries& oneDeviation() {
  static const DeviationQueries queries = deviationQueries("code = $2");
  return queries;
}

//! The deviations `queries` select, complete; `each(sql, visit)` runs one of them and calls
//! `visit` with each row.
template <typename Each>
std::vector<domain::Deviation> loadDeviations(Each each, const DeviationQueries& queries) {
  std::vector<domain::Deviation> deviations;
  each(queries.deviations, [&](const auto& row) { deviations.push_back(readDeviation(row)); });
  if (deviations.empty()) return deviations;
  std::unordered_map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < deviations.size(); ++i) position.emplace(deviations[i].code, i);
  // Outside a transaction each query sees the database as it is when it runs: rows of a
  // deviation reported (or moved into the state asked for) after the first query are left
  // out, as the deviation itself is.
  auto of = [&](const auto& row) -> domain::Deviation* {
    auto found = position.find(row.text(0));
    return found == position.end() ? nullptr : &deviations[found->second];
  };
  each(queries.levels, [&](const auto& row) {
    if (domain::Deviation* deviation = of(row))
      deviation->levels.push_back(readDeviationLevel(row));
  });
  each(queries.actions, [&](const auto& row) {
    if (domain::Deviation* deviation = of(row)) {
      deviation->actions.push_back(readDeviationAction(row));
    }
  });
  each(queries.events, [&](const auto& row) {
    if (domain::Deviation* deviation = of(row))
      deviation->events.push_back(readDeviationEvent(row));
  });
  return deviations;
}

//! The organisation's deviations (only those in `state` when given), through `backend`,
//! which provides eachRow(sql, organisation, visit) and eachRow(sql, organisation, second,
//! visit) with $2 = `second`.
template <typename Backend>
std::vector<domain::Deviation> loadDeviationsOf(Backend& backend, std::string_view organisation,
                                                std::optional<domain::DeviationState> state) {
  if (!state) {
    return loadDeviations([&](const std::string& query,
                              const auto& visit) { backend.eachRow(query, organisation, visit); },
                          allDeviations());
  }
  std::string_view wanted = domain::toString(*state);
  return loadDeviations(
      [&](const std::string& query, const auto& visit) {
        backend.eachRow(query, organisation, wanted, visit);
      },
      deviationsInState());
}

//! One deviation, complete, or none (as loadDeviationsOf).
template <typename Backend>
std::optional<domain::Deviation> loadDeviation(Backend& backend, std::string_view organisation,
                                               std::string_view code) {
  auto found =
      loadDeviations([&](const std::string& query,
                         const auto& visit) { backend.eachRow(query, organisation, code, visit); },
                     oneDeviation());
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

//! The highest number of the organisation's deviation codes "<prefix><number>", 0 if none,
//! through `backend` (eachRow with $2 and $3). The codes numbered after `prefix` are those
//! from prefix + "0" to before prefix + ":" (the character after '9'), one range of the key.
template <typename Backend>
int lastDeviationNumberOf(Backend& backend, std::string_view organisation,
                          std::string_view prefix) {
  const std::string from = std::string(prefix) + "0";
  const std::string to = std::string(prefix) + ":";
  int last = 0;
  backend.eachRow(
      "SELECT code FROM deviations WHERE organisation = $1 AND code >= $2 AND code < $3",
      organisation, from, to, [&](const auto& row) {
        std::string code = row.text(0);
        std::string_view number = std::string_view(code).substr(prefix.size());
        // Only digits after the prefix, and few enough of them for an int: "AVV-2025-0007".
        if (number.empty() || number.size() > 9 ||
            !std::all_of(number.begin(), number.end(),
                         [](char c) { return c >= '0' && c <= '9'; })) {
          return;
        }
        last = std::max(last, std::stoi(std::string(number)));
      });
  return last;
}

//! The organisation's gravity rules through `backend` (eachRow with $1), or the defaults when
//! it has stored none.
template <typename Backend>
domain::DeviationSettings loadDeviationSettings(Backend& backend, std::string_view organisation) {
  domain::DeviationSettings settings;
  backend.eachRow(
      "SELECT gravity, reach, hours, business_days FROM deviation_settings "
      "WHERE organisation = $1 ORDER BY gravity",
      organisation, [&](const auto& row) {
        settings.rules.push_back(
            {static_cast<int>(row.integer(0)), readEnum<domain::EscalationReach>(row, 1),
             static_cast<int>(row.integer(2)), static_cast<int>(row.integer(3))});
      });
  if (settings.rules.empty()) return domain::defaultDeviationSettings();
  return settings;
}

}  // namespace styr::store

namespace styr::store::sql {

//! organisation, code of the open deviations with a level waiting for an acknowledgement since
//! $1 or before, at most $2, ordered by organisation and code. The levels are found first, by
//! the deviation_levels_due index (the conditions are its own, term for term): without
//! statistics SQLite would rather walk every level in key order to spare the sort, and
//! MATERIALIZED keeps either database from merging the two steps back into one.
inline constexpr const char* kDueDeviations =
    "WITH due AS MATERIALIZED (SELECT organisation, deviation FROM deviation_levels "
    "  WHERE acknowledged_at = '' AND escalated_at = '' AND released_at = '' AND due_at <> '' "
    "  AND due_at <= $1) "
    "SELECT DISTINCT due.organisation, due.deviation FROM due JOIN deviations "
    "ON deviations.organisation = due.organisation AND deviations.code = due.deviation "
    "WHERE deviations.state = 'open' ORDER BY due.organisation, due.deviation LIMIT $2";

//! The deviation's fields in readDeviation's order after its code, $1 to $19 (budget_effect_sek
//! and council_meeting NULL when unset), then $20 organisation, $21 code and $22 the revision
//! (stored, or expected): the insert and the update number them alike, each parameter first
//! appearing in its number's order.
inline constexpr const char* kInsertDeviation =
    "INSERT INTO deviations (unit, reported_by, reported_at, category, gravity, title, "
    "description, occurred_on, affected_items, affected_indicators, budget_effect_sek, "
    "immediate_actions, confidential, state, closing_note, closed_by, closed_at, "
    "council_listed_at, council_meeting, organisation, code, revision) VALUES ($1, $2, $3, $4, "
    "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)";
inline constexpr const char* kUpdateDeviation =
    "UPDATE deviations SET unit = $1, reported_by = $2, reported_at = $3, category = $4, "
    "gravity = $5, title = $6, description = $7, occurred_on = $8, affected_items = $9, "
    "affected_indicators = $10, budget_effect_sek = $11, immediate_actions = $12, "
    "confidential = $13, state = $14, closing_note = $15, closed_by = $16, closed_at = $17, "
    "council_listed_at = $18, council_meeting = $19, revision = revision + 1 "
    "WHERE organisation = $20 AND code = $21 AND revision = $22";

//! $1 organisation, $2 deviation, $3 position, $4 to $11 the level's fields in
//! readDeviationLevel's order: a new level is added, a known one changed.
inline constexpr const char* kUpsertDeviationLevel =
    "INSERT INTO deviation_levels (organisation, deviation, position, unit, people, notified_at, "
    "acknowledged_at, acknowledged_by, due_at, reminded_at, escalated_at, released_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
    "ON CONFLICT (organisation, deviation, position) DO UPDATE SET unit = excluded.unit, "
    "people = excluded.people, notified_at = excluded.notified_at, "
    "acknowledged_at = excluded.acknowledged_at, acknowledged_by = excluded.acknowledged_by, "
    "due_at = excluded.due_at, reminded_at = excluded.reminded_at, "
    "escalated_at = excluded.escalated_at, released_at = excluded.released_at";

//! $1 organisation, $2 deviation, $3 number, $4 to $9 the action's fields in
//! readDeviationAction's order.
inline constexpr const char* kUpsertDeviationAction =
    "INSERT INTO deviation_actions (organisation, deviation, number, description, owner, due, "
    "status, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
    "ON CONFLICT (organisation, deviation, number) DO UPDATE SET "
    "description = excluded.description, owner = excluded.owner, due = excluded.due, "
    "status = excluded.status, added_by = excluded.added_by, added_at = excluded.added_at";

//! $1 organisation, $2 deviation, $3 sequence, $4 to $11 the event's fields in
//! readDeviationEvent's order.
inline constexpr const char* kInsertDeviationEvent =
    "INSERT INTO deviation_events (organisation, deviation, sequence, at, person, kind, text, "
    "gravity, level, action, people) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

//! The sequence of the deviation's ($2) newest stored event, 0 before the first.
inline constexpr const char* kLastDeviationEvent =
    "SELECT COALESCE(MAX(sequence), 0) FROM deviation_events WHERE organisation = $1 "
    "AND deviation = $2";

inline constexpr const char* kDeleteDeviationSettings =
    "DELETE FROM deviation_settings WHERE organisation = $1";
inline constexpr const char* kInsertDeviationRule =
    "INSERT INTO deviation_settings (organisation, gravity, reach, hours, business_days) "
    "VALUES ($1, $2, $3, $4, $5)";

}  // namespace styr::store::sql
