#pragma once
// Reading records from result rows, shared by every backend. A Row is anything with
// text(column), isNull(column), integer(column) and real(column); the backends' SQL selects
// the columns in the order these readers expect (listed beside each).

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "domain/audit.hpp"
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

}  // namespace styr::store
