#include "http/response_cache.hpp"

#include "http/compression.hpp"

namespace styr::http {

namespace {

Response answer(const Response& head, std::shared_ptr<const std::string> body) {
  Response response = head;
  response.shared_body = std::move(body);
  return response;
}

Response gzipped(const Response& head, std::shared_ptr<const std::string> body) {
  Response response = answer(head, std::move(body));
  response.headers.set("Content-Encoding", "gzip");
  response.headers.set("Vary", "Accept-Encoding");
  return response;
}

}  // namespace

std::optional<Response> ResponseCache::find(const std::string& key, bool gzip) {
  std::shared_ptr<const std::string> body;
  Response head;
  {
    std::lock_guard lock(mutex_);
    auto found = by_key_.find(key);
    if (found == by_key_.end()) return std::nullopt;
    entries_.splice(entries_.begin(), entries_, found->second);
    const Kept& kept = found->second->second;
    if (!gzip || kept.body->size() <= kCompressionThreshold) return answer(kept.head, kept.body);
    if (kept.gzipped) return gzipped(kept.head, kept.gzipped);
    head = kept.head;
    body = kept.body;
  }
  // Compressed outside the lock; two first requests at once may both compress, one is kept.
  auto packed = std::make_shared<const std::string>(http::gzip(*body));
  std::lock_guard lock(mutex_);
  auto found = by_key_.find(key);
  if (found != by_key_.end()) {
    Kept& kept = found->second->second;
    if (!kept.gzipped) {
      kept.gzipped = packed;
      bytes_ += packed->size();
    }
  }
  return gzipped(head, std::move(packed));
}

void ResponseCache::keep(const std::string& key, const Response& response) {
  const std::string_view body = response.bodyView();
  if (response.status != 200 || body.size() > capacity_ / 4) return;
  Kept kept{response, response.shared_body, nullptr};
  kept.head.body.clear();
  kept.head.shared_body.reset();
  if (!kept.body) kept.body = std::make_shared<const std::string>(body);
  std::lock_guard lock(mutex_);
  if (by_key_.count(key) > 0) return;
  entries_.emplace_front(key, std::move(kept));
  by_key_[key] = entries_.begin();
  bytes_ += body.size() + key.size();
  while (bytes_ > capacity_ && !entries_.empty()) {
    auto& [oldest_key, oldest] = entries_.back();
    bytes_ -=
        oldest.body->size() + (oldest.gzipped ? oldest.gzipped->size() : 0) + oldest_key.size();
    by_key_.erase(oldest_key);
    entries_.pop_back();
  }
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace styr::http
