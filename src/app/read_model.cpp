#include "app/read_model.hpp"

#include <algorithm>
#include <set>

namespace styr::app {

const std::vector<domain::Violation>& OrganisationSnapshot::violations() const {
  std::call_once(validated_, [this] { violations_ = domain::validate(loaded.data); });
  return violations_;
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

// Replaces the occasion `code` and its report-backs in `data` by `fresh` (from
// Store::loadOccasionRecords), keeping both collections ordered by their keys.
void replaceOccasion(domain::OrganisationData& data, const std::string& code,
                     domain::OrganisationData fresh) {
  auto& occasions = data.occasions;
  auto occasion = std::lower_bound(
      occasions.begin(), occasions.end(), code,
      [](const domain::FollowUpOccasion& each, const std::string& key) { return each.code < key; });
  if (occasion != occasions.end() && occasion->code == code) occasion = occasions.erase(occasion);
  occasions.insert(occasion, std::make_move_iterator(fresh.occasions.begin()),
                   std::make_move_iterator(fresh.occasions.end()));

  auto& versions = data.report_backs;
  auto by_occasion = [](const domain::ReportBack& each, const std::string& key) {
    return each.occasion < key;
  };
  auto first = std::lower_bound(versions.begin(), versions.end(), code, by_occasion);
  auto last = std::find_if(first, versions.end(),
                           [&](const domain::ReportBack& each) { return each.occasion != code; });
  first = versions.erase(first, last);
  versions.insert(first, std::make_move_iterator(fresh.report_backs.begin()),
                  std::make_move_iterator(fresh.report_backs.end()));
}

// `base` brought up to date by reading again only the follow-up occasions changed since it,
// or null when something else changed (or too much did). Tagged with the newest audit entry
// read: a record read after it may be newer still, and a commit after it is followed at the
// next call, which reads that occasion again, so a snapshot is never behind its sequence.
std::shared_ptr<const OrganisationSnapshot> follow(Store& store, std::string_view organisation,
                                                   const OrganisationSnapshot& base,
                                                   std::int64_t sequence) {
  if (sequence - base.sequence > ReadModels::kMostEntriesFollowed) return nullptr;
  std::set<std::string> occasions;
  std::int64_t newest = base.sequence;
  bool followable = true;
  store.forEachAuditEntry(organisation, base.sequence + 1, [&](const domain::AuditEntry& entry) {
    newest = std::max(newest, entry.sequence);
    if (entry.record_kind == "report_back") {
      // "<occasion>/<recipient>/<version>" (app::reportBackKey)
      occasions.insert(entry.record.substr(0, entry.record.find('/')));
    } else if (entry.record_kind == "occasion") {
      occasions.insert(entry.record);
    } else {
      followable = false;
    }
  });
  if (!followable || newest == base.sequence ||
      newest - base.sequence > ReadModels::kMostEntriesFollowed) {
    return nullptr;
  }
  domain::OrganisationData data = base.data();
  for (const std::string& code : occasions) {
    replaceOccasion(data, code, store.loadOccasionRecords(organisation, code));
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
