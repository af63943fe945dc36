#pragma once
// Rendered answers to reads, kept while the organisation's snapshot is current. A read's
// answer depends only on the snapshot, on who asks (their organisation, person, administrator
// flag, token scopes), on the day (rights follow memberships valid today) and on the request
// target; the key holds all of them, so an entry is never served to anyone it was not
// rendered for, and a change (a new snapshot sequence) makes every older entry unreachable.
// Building a large JSON answer costs a millisecond and more; serving a kept one, microseconds.

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/message.hpp"

namespace styr::http {

class ResponseCache {
 public:
  //! Keeps at most `capacity_bytes` of bodies, dropping the least recently used first.
  explicit ResponseCache(std::size_t capacity_bytes = 16 * 1024 * 1024)
      : capacity_(capacity_bytes) {}

  //! The kept answer with its body shared, not copied. With `gzip` (the client accepts it) a
  //! body above the compression threshold comes gzipped, with Content-Encoding and Vary set:
  //! it is compressed once, on the first such request, and kept beside the plain one.
  [[nodiscard]] std::optional<Response> find(const std::string& key, bool gzip);
  //! Keeps `response` (a 200 only: errors are cheap and may depend on more than the key).
  void keep(const std::string& key, const Response& response);
  [[nodiscard]] std::size_t bytes() const;

 private:
  struct Kept {
    Response head;  //!< status, type and headers; the body is below
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzipped;  //!< once asked for
  };
  using Entries = std::list<std::pair<std::string, Kept>>;
  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::size_t bytes_ = 0;
  Entries entries_;  //!< most recently used first
  std::unordered_map<std::string, Entries::iterator> by_key_;
};

}  // namespace styr::http
