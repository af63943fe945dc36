#include "app/read_model.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace styr::app {

const std::vector<domain::Violation>& OrganisationSnapshot::violations() const {
  Shared& shared = *shared_;
  std::call_once(shared.validated,
                 [&shared] { shared.violations = domain::validate(shared.loaded.data); });
  return shared.violations;
}

namespace {

// Loading is several reads; a commit between them would mix two states. Every commit moves
// the sequence on, so a load with the same sequence before and after it is one state. A
// mixed one is tagged with the sequence from before it, so the next call loads again.
std::shared_ptr<const OrganisationSnapshot> loadAnew(Store& store, std::string_view organisation,
                                                     std::int64_t sequence) {
  std::shared_ptr<const OrganisationSnapshot> snapshot;
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto data = store.loadOrganisation(organisation);
    std::int64_t after = store.auditSequence(organisation);
    snapshot = std::make_shared<const OrganisationSnapshot>(sequence, std::move(data));
    if (after == sequence) break;
    sequence = after;
  }
  return snapshot;
}

// Replaces the occasion in `data` by the one in `fresh` (from Store::loadOccasionRecords), or
// removes it if `fresh` has none, keeping the occasions ordered by code.
void replaceOccasion(domain::OrganisationData& data, const std::string& code,
                     domain::OrganisationData& fresh) {
  auto& occasions = data.occasions;
  auto occasion = std::lower_bound(
      occasions.begin(), occasions.end(), code,
      [](const domain::FollowUpOccasion& each, const std::string& key) { return each.code < key; });
  if (occasion != occasions.end() && occasion->code == code) occasion = occasions.erase(occasion);
  occasions.insert(occasion, std::make_move_iterator(fresh.occasions.begin()),
                   std::make_move_iterator(fresh.occasions.end()));
}

// Replaces every version of the occasion's report-backs to `recipient` (a unit's or a person's
// code) by those in `fresh`, where they stand in the store's order: by occasion, recipient
// unit, recipient person and version.
void replaceVersions(domain::OrganisationData& data, const std::string& code,
                     const std::string& recipient, domain::OrganisationData& fresh) {
  auto& versions = data.report_backs;
  std::erase_if(versions, [&](const domain::ReportBack& each) {
    return each.occasion == code &&
           (each.recipient_unit == recipient || each.recipient_person == recipient);
  });
  if (fresh.report_backs.empty()) return;
  auto key = [](const domain::ReportBack& each) {
    return std::tie(each.occasion, each.recipient_unit, each.recipient_person, each.version);
  };
  auto at = std::lower_bound(
      versions.begin(), versions.end(), fresh.report_backs.front(),
      [&](const domain::ReportBack& a, const domain::ReportBack& b) { return key(a) < key(b); });
  versions.insert(at, std::make_move_iterator(fresh.report_backs.begin()),
                  std::make_move_iterator(fresh.report_backs.end()));
}

// `base` brought up to date by reading again only the follow-up records changed since it (each
// changed occasion, and every version of each changed recipient's report-back to it), or null
// when something else changed (or too much did). Tagged with the newest audit entry read: a
// record read after it may be newer still, and a commit after it is followed at the next call,
// which reads that record again, so a snapshot is never behind its sequence.
std::shared_ptr<const OrganisationSnapshot> follow(Store& store, std::string_view organisation,
                                                   const OrganisationSnapshot& base,
                                                   std::int64_t sequence) {
  if (sequence - base.sequence > ReadModels::kMostEntriesFollowed) return nullptr;
  std::map<std::string, std::set<std::string>> changed;  // occasion -> recipients
  std::int64_t newest = base.sequence;
  bool followable = true;
  store.forEachAuditEntry(organisation, base.sequence + 1, [&](const domain::AuditEntry& entry) {
    newest = std::max(newest, entry.sequence);
    if (entry.record_kind == "report_back") {
      // "<occasion>/<recipient>/<version>" (app::reportBackKey)
      auto slash = entry.record.find('/');
      auto second = entry.record.find('/', slash + 1);
      if (slash == std::string::npos || second == std::string::npos) {
        followable = false;
        return;
      }
      changed[entry.record.substr(0, slash)].insert(
          entry.record.substr(slash + 1, second - slash - 1));
    } else if (entry.record_kind == "occasion") {
      changed[entry.record];
    } else if (entry.record_kind == "deviation" || entry.record_kind == "deviation_settings") {
      // Kept outside snapshots (read from the store as they are asked for).
    } else {
      followable = false;
    }
  });
  if (!followable || newest == base.sequence ||
      newest - base.sequence > ReadModels::kMostEntriesFollowed) {
    return nullptr;
  }
  if (changed.empty()) return std::make_shared<const OrganisationSnapshot>(newest, base);
  domain::OrganisationData data = base.data();
  for (const auto& [code, recipients] : changed) {
    if (recipients.empty()) {
      auto fresh = store.loadOccasionRecords(organisation, code, "");
      replaceOccasion(data, code, fresh);
    }
    for (const std::string& recipient : recipients) {
      auto fresh = store.loadOccasionRecords(organisation, code, recipient);
      replaceOccasion(data, code, fresh);
      replaceVersions(data, code, recipient, fresh);
    }
  }
  return std::make_shared<const OrganisationSnapshot>(newest, std::move(data));
}

}  // namespace

std::shared_ptr<const OrganisationSnapshot> ReadModels::current(Store& store,
                                                                std::string_view organisation) {
  std::int64_t sequence = store.auditSequence(organisation);
  Held* held = nullptr;
  std::shared_ptr<const OrganisationSnapshot> snapshot;
  {
    std::lock_guard lock(mutex_);
    auto& slot = held_[std::string(organisation)];
    if (!slot) slot = std::make_unique<Held>();
    held = slot.get();
    snapshot = held->snapshot;
  }
  // A newer snapshot than the sequence read is as good: it was read after a later commit.
  if (snapshot && snapshot->sequence >= sequence) return snapshot;

  // One thread at a time brings the organisation up to date; those arriving meanwhile find
  // its result when they get their turn.
  std::lock_guard refreshing(held->refreshing);
  {
    std::lock_guard lock(mutex_);
    snapshot = held->snapshot;
  }
  if (snapshot && snapshot->sequence >= sequence) return snapshot;
  std::shared_ptr<const OrganisationSnapshot> next;
  if (snapshot) next = follow(store, organisation, *snapshot, sequence);
  if (next) {
    ++followed_;
  } else {
    next = loadAnew(store, organisation, sequence);
    ++loaded_;
  }
  std::lock_guard lock(mutex_);
  if (!held->snapshot || held->snapshot->sequence <= next->sequence) held->snapshot = next;
  return next;
}

}  // namespace styr::app
