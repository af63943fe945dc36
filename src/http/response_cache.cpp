#include "http/response_cache.hpp"

namespace styr::http {

std::optional<Response> ResponseCache::find(const std::string& key) {
  std::shared_ptr<const Response> kept;
  {
    std::lock_guard lock(mutex_);
    auto found = by_key_.find(key);
    if (found == by_key_.end()) return std::nullopt;
    entries_.splice(entries_.begin(), entries_, found->second);
    kept = found->second->second;
  }
  return *kept;  // copied outside the lock
}

void ResponseCache::keep(const std::string& key, const Response& response) {
  if (response.status != 200 || response.body.size() > capacity_ / 4) return;
  auto kept = std::make_shared<const Response>(response);
  std::lock_guard lock(mutex_);
  if (by_key_.count(key) > 0) return;
  entries_.emplace_front(key, std::move(kept));
  by_key_[key] = entries_.begin();
  bytes_ += response.body.size() + key.size();
  while (bytes_ > capacity_ && !entries_.empty()) {
    auto& oldest = entries_.back();
    bytes_ -= oldest.second->body.size() + oldest.first.size();
    by_key_.erase(oldest.first);
    entries_.pop_back();
  }
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace styr::http
