#include "app/read_model.hpp"

namespace styr::app {

const std::vector<domain::Violation>& OrganisationSnapshot::violations() const {
  std::call_once(validated_, [this] { violations_ = domain::validate(loaded.data); });
  return violations_;
}

std::shared_ptr<const OrganisationSnapshot> ReadModels::current(Store& store,
                                                                std::string_view organisation) {
  std::int64_t sequence = store.auditSequence(organisation);
  {
    std::lock_guard lock(mutex_);
    auto found = snapshots_.find(std::string(organisation));
    if (found != snapshots_.end() && found->second->sequence == sequence) return found->second;
  }
  // Loading is several reads; a commit between them would mix two states. Every commit moves
  // the sequence on, so a load with the same sequence before and after it is one state. A
  // mixed one is tagged with the sequence from before it, so the next call loads again.
  std::shared_ptr<const OrganisationSnapshot> snapshot;
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto data = store.loadOrganisation(organisation);
    std::int64_t after = store.auditSequence(organisation);
    snapshot = std::make_shared<const OrganisationSnapshot>(sequence, std::move(data));
    if (after == sequence) break;
    sequence = after;
  }
  std::lock_guard lock(mutex_);
  auto& slot = snapshots_[std::string(organisation)];
  // Another thread may have loaded a newer one meanwhile; keep the newest.
  if (!slot || slot->sequence <= snapshot->sequence) slot = snapshot;
  return snapshot;
}

}  // namespace styr::app
