#pragma once
// The audit trail: one entry per mutation, hash-chained per organisation so that a row changed
// behind the application's back breaks the chain from that entry on.

#include <cstdint>
#include <string>

namespace styr::domain {

struct AuditEntry {
  std::string organisation;
  std::int64_t sequence = 0;  //!< 1, 2, 3 ... per organisation
  std::string at;             //!< ISO 8601 UTC instant
  std::string actor;          //!< who did it: a person code or a named system actor
  std::string action;         //!< e.g. "unit.imported", "item.issued"
  std::string record_kind;    //!< "unit", "item", ...
  std::string record;         //!< the record's key within the organisation
  std::string before;         //!< JSON of the changed fields before, empty on creation
  std::string after;          //!< JSON of the changed fields after, empty on deletion
  std::string previous_hash;  //!< hash of entry sequence-1 ("" for the first)
  std::string hash;           //!< SHA-256 (hex) over previous_hash and this entry's content
};

//! The hash an entry must carry given its content and previous_hash.
std::string computeAuditHash(const AuditEntry& entry);

//! The last entry of an organisation's chain: what the next entry links to.
struct AuditHead {
  std::int64_t sequence = 0;  //!< 0 before the first entry
  std::string hash;
};

//! Fills in sequence, previous_hash and hash so that `entry` follows `head`, and moves `head`
//! on to the entry.
void chainAuditEntry(AuditEntry& entry, AuditHead& head);

}  // namespace styr::domain

namespace styr::domain {

//! Walks one organisation's audit entries in order and finds the first that does not follow
//! from the ones before it: a gap or repeat in the sequence, a link to the wrong previous
//! entry, or content that no longer matches its hash (a row changed behind Styr's back).
class AuditChainVerifier {
 public:
  //! Checks the next entry; false from the first broken entry on.
  bool add(const AuditEntry& entry);

  [[nodiscard]] bool intact() const { return broken_at_ == 0; }
  [[nodiscard]] std::int64_t entriesChecked() const { return checked_; }
  //! Sequence number of the first broken entry (0 when intact).
  [[nodiscard]] std::int64_t brokenAt() const { return broken_at_; }
  //! What is wrong with it, in words.
  [[nodiscard]] const std::string& reason() const { return reason_; }

 private:
  AuditHead head_;
  std::int64_t checked_ = 0;
  std::int64_t broken_at_ = 0;
  std::string reason_;
};

}  // namespace styr::domain
