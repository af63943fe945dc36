#include "http/quick_reads.hpp"

namespace styr::http {

namespace {

//! Sessions confirmed beyond this many, the stale ones are dropped.
constexpr std::size_t kMostSessionsKept = 10000;

}  // namespace

std::uint64_t QuickReads::epoch() const {
  std::lock_guard lock(mutex_);
  return epoch_;
}

void QuickReads::changed() {
  std::lock_guard lock(mutex_);
  ++epoch_;
}

bool QuickReads::fresh(const Confirmed& confirmed) const {
  return confirmed.epoch == epoch_ && Clock::now() - confirmed.at < window_;
}

void QuickReads::confirmSession(const std::string& secret_hash, const app::Caller& caller,
                                std::uint64_t epoch) {
  if (window_ <= std::chrono::milliseconds::zero()) return;
  const Confirmed confirmed{Clock::now(), epoch};
  std::lock_guard lock(mutex_);
  if (epoch != epoch_) return;  // something changed while it was read
  if (sessions_.size() >= kMostSessionsKept) dropStale();
  sessions_.insert_or_assign(secret_hash, std::make_pair(caller, confirmed));
}

void QuickReads::confirmSnapshot(const std::string& organisation, std::int64_t sequence,
                                 std::uint64_t epoch) {
  if (window_ <= std::chrono::milliseconds::zero()) return;
  const Confirmed confirmed{Clock::now(), epoch};
  std::lock_guard lock(mutex_);
  if (epoch != epoch_) return;
  auto found = snapshots_.find(organisation);
  // Two workers may confirm out of order: the later sequence is the newer truth.
  if (found != snapshots_.end() && fresh(found->second.second) && found->second.first > sequence) {
    return;
  }
  snapshots_.insert_or_assign(organisation, std::make_pair(sequence, confirmed));
}

std::optional<app::Caller> QuickReads::session(const std::string& secret_hash) const {
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(secret_hash);
  if (found == sessions_.end() || !fresh(found->second.second)) return std::nullopt;
  return found->second.first;
}

std::optional<std::int64_t> QuickReads::sequence(const std::string& organisation) const {
  std::lock_guard lock(mutex_);
  auto found = snapshots_.find(organisation);
  if (found == snapshots_.end() || !fresh(found->second.second)) return std::nullopt;
  return found->second.first;
}

void QuickReads::dropStale() {
  std::erase_if(sessions_, [this](const auto& entry) { return !fresh(entry.second.second); });
}

}  // namespace styr::http
