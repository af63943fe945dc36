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

namespace styr::domain {

bool AuditChainVerifier::add(const AuditEntry& entry) {
  if (!intact()) return false;
  ++checked_;
  std::int64_t expected = head_.sequence + 1;
  if (entry.sequence != expected) {
    broken_at_ = expected;
    reason_ = entry.sequence > expected
                  ? "the entry is missing: the trail jumps from " + std::to_string(head_.sequence) +
                        " to " + std::to_string(entry.sequence)
                  : "the entry is numbered " + std::to_string(entry.sequence) + " again";
    return false;
  }
  if (entry.previous_hash != head_.hash) {
    broken_at_ = entry.sequence;
    reason_ = "it does not link to the entry before it (its previous hash differs)";
    return false;
  }
  if (computeAuditHash(entry) != entry.hash) {
    broken_at_ = entry.sequence;
    reason_ = "its content does not match its hash: it was changed after it was written";
    return false;
  }
  head_ = AuditHead{entry.sequence, entry.hash};
  return true;
}

}  // namespace styr::domain
