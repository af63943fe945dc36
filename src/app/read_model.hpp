#pragma once
// Read models: one organisation's records held in memory, indexed, and shared by every
// request that reads them until the organisation changes. Every change of the organisation's
// records writes an audit entry (one per mutation), so the newest audit sequence tells
// whether a snapshot is still current, also when several processes share one database.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/organisation_queries.hpp"
#include "app/store.hpp"
#include "domain/rules.hpp"

namespace styr::app {

//! An organisation's records as of one audit sequence; never changed once built.
struct OrganisationSnapshot {
  OrganisationSnapshot(std::int64_t at_sequence, domain::OrganisationData data)
      : sequence(at_sequence), shared_(std::make_shared<Shared>(std::move(data))) {}
  //! The records of `same` as of a later sequence, when every change since it was of records
  //! kept outside snapshots (deviations): shared, not copied, and validated once for both.
  OrganisationSnapshot(std::int64_t at_sequence, const OrganisationSnapshot& same)
      : sequence(at_sequence), shared_(same.shared_) {}
  std::int64_t sequence = 0;

  [[nodiscard]] const domain::OrganisationData& data() const { return shared_->loaded.data; }
  [[nodiscard]] const domain::ChainIndex& index() const { return shared_->loaded.index; }
  //! domain::validate over the snapshot, computed at the first call (only writers need it).
  [[nodiscard]] const std::vector<domain::Violation>& violations() const;

 private:
  struct Shared {
    explicit Shared(domain::OrganisationData data) : loaded(std::move(data)) {}
    LoadedOrganisation loaded;
    std::once_flag validated;
    std::vector<domain::Violation> violations;
  };
  std::shared_ptr<Shared> shared_;
};

//! Snapshots by organisation, safe to share between threads (each with its own Store).
class ReadModels {
 public:
  //! The organisation's current snapshot, brought up to date when its audit sequence has moved
  //! on. Outside a transaction the answer may be a change behind a concurrent writer's commit,
  //! as any read is; inside a write transaction (after lockOrganisation) it is exact.
  //!
  //! When the audit entries since the snapshot are all of follow-up occasions and
  //! report-backs (a deadline day's saves and submissions), only those occasions are read
  //! again and the rest is copied from the snapshot; entries of records kept outside
  //! snapshots (deviations) change nothing in it; anything else reads the whole
  //! organisation. One thread brings an organisation up to date at a time; the others wait
  //! for it rather than read the same again.
  std::shared_ptr<const OrganisationSnapshot> current(Store& store, std::string_view organisation);

  //! How many audit entries behind a snapshot may be to be followed rather than read anew.
  static constexpr std::int64_t kMostEntriesFollowed = 64;

  //! How often snapshots were made since the start: by reading a whole organisation, and by
  //! following changed occasions. For the benchmarks, the tests and an operator's eye.
  struct Counts {
    std::int64_t loaded = 0;
    std::int64_t followed = 0;
  };
  [[nodiscard]] Counts counts() const { return {loaded_.load(), followed_.load()}; }

 private:
  struct Held {
    std::mutex refreshing;  //!< held by the one thread bringing the snapshot up to date
    std::shared_ptr<const OrganisationSnapshot> snapshot;  //!< guarded by ReadModels::mutex_
  };
  std::mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<Held>> held_;
  std::atomic<std::int64_t> loaded_{0};
  std::atomic<std::int64_t> followed_{0};
};

}  // namespace styr::app
