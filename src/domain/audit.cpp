#include "domain/audit.hpp"

#include <sodium.h>

#include <array>

namespace styr::domain {

namespace {

// Length-prefixed fields, so no two different entries hash the same bytes.
void feed(crypto_hash_sha256_state& state, const std::string& field) {
  std::string prefix = std::to_string(field.size()) + ":";
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()),
                            prefix.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(field.data()),
                            field.size());
}

}  // namespace

std::string computeAuditHash(const AuditEntry& entry) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (const std::string* field :
       {&entry.previous_hash, &entry.organisation, &entry.at, &entry.actor, &entry.action,
        &entry.record_kind, &entry.record, &entry.before, &entry.after}) {
    feed(state, *field);
  }
  feed(state, std::to_string(entry.sequence));
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), hex.size() - 1);
}

void chainAuditEntry(AuditEntry& entry, AuditHead& head) {
  entry.sequence = head.sequence + 1;
  entry.previous_hash = head.hash;
  entry.hash = computeAuditHash(entry);
  head = AuditHead{entry.sequence, entry.hash};
}

}  // namespace styr::domain
