#include "domain/coverage.hpp"

#include "domain/rules.hpp"

namespace styr::domain {

ItemSummary summarise(const Item& item) {
  return ItemSummary{item.code,
                     item.kind,
                     item.title,
                     item.issuer,
                     item.recipient_unit.empty() ? item.recipient_person : item.recipient_unit,
                     item.status,
                     item.issued_on};
}

namespace {

bool isLive(ItemStatus status) {
  return status == ItemStatus::issued || status == ItemStatus::acknowledged;
}

bool hasLiveDescendant(const ChainIndex& index, const Item& item) {
  for (const Item* derived : index.derivedFrom(item.code)) {
    if (derived->status != ItemStatus::draft && derived->status != ItemStatus::cancelled) {
      return true;
    }
  }
  return false;
}

}  // namespace

CoverageReport analyseCoverage(const ChainIndex& index, const Date& as_of) {
  CoverageReport report;
  report.as_of = as_of;
  report.items = index.data().items.size();
  for (const Item& item : index.data().items) {
    if (item.status == ItemStatus::cancelled || item.status == ItemStatus::completed) continue;
    const Unit* issuer = index.unit(item.issuer);
    if (issuer != nullptr && issuer->kind == UnitKind::council && isLive(item.status) &&
        !hasLiveDescendant(index, item)) {
      report.council_goals_not_carried.push_back(summarise(item));
    }
    if (item.origin.empty() && item.origin_document.empty()) {
      report.without_origin.push_back(summarise(item));
    }
    if (!item.recipient_unit.empty() && index.unit(item.recipient_unit) != nullptr &&
        !index.hasHeadOn(item.recipient_unit, as_of)) {
      report.recipient_without_head.push_back(summarise(item));
    }
    if (item.status == ItemStatus::issued) report.never_acknowledged.push_back(summarise(item));
    if (!hasFollowUpMethod(item, index)) report.without_follow_up.push_back(summarise(item));
  }
  return report;
}

}  // namespace styr::domain
