#include "http/request_id.hpp"

#include <algorithm>
#include <random>

namespace styr::http {

bool isSaneRequestId(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

std::string newRequestId() {
  // Unique, not secret: a per-thread generator seeded once from the system is enough.
  thread_local std::mt19937_64 generator{[] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int part = 0; part < 2; ++part) {
    auto bits = generator();
    for (int i = 0; i < 16; ++i, bits >>= 4) id.push_back(kHex[bits & 0xF]);
  }
  return id;
}

std::string requestIdFor(std::string_view incoming) {
  return isSaneRequestId(incoming) ? std::string(incoming) : newRequestId();
}

}  // namespace styr::http
