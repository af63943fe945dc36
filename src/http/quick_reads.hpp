#pragma once
// Kept answers served on the io threads, without the hop to a worker and without the store.
//
// A kept answer (ResponseCache) is found by who asks and the organisation's snapshot
// sequence. Learning both from the store (the session, the account, the audit sequence) costs
// three queries and a hop to a worker thread per request, most of what a kept answer costs.
// So each time a request learns them from the store it also confirms them here, and for a
// short while (the window) the next requests with the same session cookie are answered from
// memory. What a confirmation is worth:
// - changes made through this process are seen at once: every request that may change
//   something (any method but GET and HEAD) makes every earlier confirmation stale when it
//   has been handled, so a client reads its own writes, and a signed-out session is refused;
// - changes made by another process sharing the database (or by the sweeps) are seen within
//   the window, as when reading from a replica that far behind.
// API tokens and the public always take the ordinary way.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/changes.hpp"

namespace styr::http {

class QuickReads {
 public:
  using Clock = std::chrono::steady_clock;

  //! A zero window turns the quick way off: every request learns who asks from the store.
  explicit QuickReads(std::chrono::milliseconds window = std::chrono::seconds(1))
      : window_(window) {}

  //! Read before the store is: a confirmation is only as good as what was read after it.
  [[nodiscard]] std::uint64_t epoch() const;
  //! A request that may have changed something has been handled.
  void changed();

  //! The session with this secret hash opened as `caller`, read at `epoch`.
  void confirmSession(const std::string& secret_hash, const app::Caller& caller,
                      std::uint64_t epoch);
  //! The organisation's snapshot at `sequence` was current, read at `epoch`.
  void confirmSnapshot(const std::string& organisation, std::int64_t sequence, std::uint64_t epoch);

  //! Who the session is, when confirmed within the window and nothing changed since.
  [[nodiscard]] std::optional<app::Caller> session(const std::string& secret_hash) const;
  //! The organisation's snapshot sequence, likewise.
  [[nodiscard]] std::optional<std::int64_t> sequence(const std::string& organisation) const;

 private:
  struct Confirmed {
    Clock::time_point at;
    std::uint64_t epoch = 0;
  };
  [[nodiscard]] bool fresh(const Confirmed& confirmed) const;
  void dropStale();  //!< with mutex_ held

  std::chrono::milliseconds window_;
  mutable std::mutex mutex_;
  std::uint64_t epoch_ = 0;
  std::unordered_map<std::string, std::pair<app::Caller, Confirmed>> sessions_;
  std::unordered_map<std::string, std::pair<std::int64_t, Confirmed>> snapshots_;
};

}  // namespace styr::http
