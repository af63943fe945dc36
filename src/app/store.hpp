#pragma once
// The repository interface the use cases need; src/store/ implements it per database.
// Every call names the organisation it works in: nothing reads or writes across
// organisations except the calls documented as such (listing organisations, counting).

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.hpp"
#include "app/notification.hpp"
#include "domain/audit.hpp"
#include "domain/deviation.hpp"
#include "domain/model.hpp"

namespace styr::app {

//! A write refused because a record with the same key exists, perhaps written concurrently
//! by another process; use cases report it as a conflict.
class DuplicateRecord : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

//! One counted category for `styr stats`, e.g. {"units_by_kind", "sector", 5}.
struct CountRow {
  std::string category;
  std::string key;
  std::int64_t count = 0;
};

//! A deviation with a level whose time to acknowledge has run out (Store::dueDeviations).
struct DueDeviation {
  std::string organisation;
  std::string code;
};

class Store {
 public:
  virtual ~Store() = default;

  //! The version of the database's schema (its newest applied migration).
  virtual int schemaVersion() = 0;

  //! Starts a transaction; writes are visible to others only after commit().
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  //! Cross-organisation: every organisation in the database, ordered by code.
  virtual std::vector<domain::Organisation> organisations() = 0;
  virtual std::optional<domain::Organisation> organisation(std::string_view code) = 0;

  //! Serialises writers of one organisation until the transaction ends, so that what a use
  //! case validated is still true when it writes.
  virtual void lockOrganisation(std::string_view organisation) = 0;

  //! Adds a new organisation and every record of `data` (which must pass domain::validate).
  virtual void insertOrganisationData(const domain::OrganisationData& data) = 0;
  //! Adds units, people and memberships to an existing organisation.
  virtual void insertUnits(std::string_view organisation,
                           const std::vector<domain::Unit>& units) = 0;
  virtual void insertPeople(std::string_view organisation,
                            const std::vector<domain::Person>& people) = 0;
  virtual void insertMemberships(std::string_view organisation,
                                 const std::vector<domain::Membership>& memberships) = 0;

  //! Adds items (with their follow-up), e.g. a draft created through the API.
  virtual void insertItems(std::string_view organisation,
                           const std::vector<domain::Item>& items) = 0;
  //! Adds one version of a steering document, with its appropriations.
  virtual void insertDocument(std::string_view organisation,
                              const domain::SteeringDocument& document) = 0;
  //! Replaces the fields and appropriations of the stored version (code, version); false,
  //! changing nothing, when there is no such version.
  virtual bool updateDocument(std::string_view organisation,
                              const domain::SteeringDocument& document) = 0;
  //! Adds reported indicator values.
  virtual void insertIndicatorValues(std::string_view organisation,
                                     const std::vector<domain::IndicatorValue>& values) = 0;
  //! Sets the end of the membership keyed by (person, unit, role, valid_from); false, changing
  //! nothing, when there is no such membership.
  virtual bool updateMembership(std::string_view organisation,
                                const domain::Membership& membership) = 0;

  //! Replaces an item's fields if its stored revision is still `item.revision` and raises the
  //! revision by one; false, changing nothing, when someone changed it since it was read.
  virtual bool updateItem(std::string_view organisation, const domain::Item& item) = 0;

  //! The follow-up plan: adds occasions (with their topics and deadlines).
  virtual void insertOccasions(std::string_view organisation,
                               const std::vector<domain::FollowUpOccasion>& occasions) = 0;
  //! Replaces an occasion's fields, topics and deadlines if its stored revision is still
  //! `occasion.revision` and raises the revision by one; false, changing nothing, otherwise.
  virtual bool updateOccasion(std::string_view organisation,
                              const domain::FollowUpOccasion& occasion) = 0;
  //! Adds one version of a report-back (a new draft, or a revision after a return).
  virtual void insertReportBack(std::string_view organisation,
                                const domain::ReportBack& report_back) = 0;
  //! Replaces the content and status of a stored DRAFT version (occasion, recipient,
  //! version) if its revision is still `report_back.revision`, and raises the revision; false,
  //! changing nothing, when the version is not a draft any more or someone saved it since.
  //! Submitting is such an update (to status submitted): after it the content never changes.
  virtual bool updateReportBack(std::string_view organisation,
                                const domain::ReportBack& report_back) = 0;
  //! Returns or approves a SUBMITTED version: sets status, decided_by, decided_at and
  //! return_reason from `report_back` and raises the revision, leaving the content as it was
  //! submitted; false, changing nothing, when the stored version is not submitted.
  virtual bool decideReportBack(std::string_view organisation,
                                const domain::ReportBack& report_back) = 0;

  //! The outbox. Adds a notification and returns its id; nullopt, writing nothing, when one
  //! with the same non-empty dedupe_key exists in the organisation.
  virtual std::optional<std::int64_t> insertNotification(const Notification& notification) = 0;
  //! A person's notifications, newest first, at most `limit`.
  virtual std::vector<Notification> notificationsOf(std::string_view organisation,
                                                    std::string_view person, bool unread_only,
                                                    int limit) = 0;
  //! Marks one of the person's notifications read at `at`; false when there is none such.
  virtual bool markNotificationRead(std::string_view organisation, std::string_view person,
                                    std::int64_t id, std::string_view at) = 0;
  //! Cross-organisation by nature (one delivery loop serves the database): claims up to
  //! `limit` pending e-mails due at `now` by moving their next_attempt_at to `lease_until`
  //! and counting the attempt, in one statement, so that two processes never send the same
  //! mail at once; returns them as claimed.
  virtual std::vector<Notification> claimDueEmails(std::string_view now,
                                                   std::string_view lease_until, int limit) = 0;
  //! Records the outcome of an attempt: email_state, next_attempt_at, sent_at, last_error.
  virtual void recordEmailOutcome(const Notification& notification) = 0;

  //! Deviations (D11), kept outside loadOrganisation: they are read one at a time or as the
  //! organisation's register, never with the steering chain. Adds a deviation with its levels,
  //! actions and timeline.
  virtual void insertDeviation(std::string_view organisation,
                               const domain::Deviation& deviation) = 0;
  //! Writes a changed deviation if its stored revision is still `deviation.revision`, and
  //! raises the revision: its own fields, every level and action (added or changed), and the
  //! timeline events not stored yet (those with a sequence above the stored ones; stored events
  //! never change, which the database itself enforces). False, changing nothing, when someone
  //! changed it since it was read.
  virtual bool updateDeviation(std::string_view organisation,
                               const domain::Deviation& deviation) = 0;
  virtual std::optional<domain::Deviation> deviation(std::string_view organisation,
                                                     std::string_view code) = 0;
  //! The organisation's deviations, complete, ordered by code; only those in `state` when given.
  virtual std::vector<domain::Deviation> deviations(
      std::string_view organisation, std::optional<domain::DeviationState> state) = 0;
  //! The highest number of the organisation's deviation codes "<prefix><number>" (0 if none).
  virtual int lastDeviationNumber(std::string_view organisation, std::string_view prefix) = 0;
  //! Cross-organisation by nature (one sweep serves the database): the open deviations that
  //! have a level neither acknowledged, released nor escalated whose due_at is at or before
  //! `now`, ordered by organisation and code, at most `limit`.
  virtual std::vector<DueDeviation> dueDeviations(std::string_view now, int limit) = 0;
  //! The organisation's gravity rules; domain::defaultDeviationSettings() when none are stored.
  virtual domain::DeviationSettings deviationSettings(std::string_view organisation) = 0;
  //! Replaces the organisation's gravity rules.
  virtual void saveDeviationSettings(std::string_view organisation,
                                     const domain::DeviationSettings& settings) = 0;

  //! Everything the organisation holds, each collection ordered by its key.
  virtual domain::OrganisationData loadOrganisation(std::string_view organisation) = 0;
  //! One follow-up occasion (none if there is no such) and every version of its report-backs
  //! to `recipient` (a unit's or a person's code; none when empty), as loadOrganisation reads
  //! them; the other collections are left empty. What the read models read again after a
  //! report-back changed, rather than the whole organisation.
  virtual domain::OrganisationData loadOccasionRecords(std::string_view organisation,
                                                       std::string_view occasion,
                                                       std::string_view recipient) = 0;
  virtual std::optional<domain::Person> person(std::string_view organisation,
                                               std::string_view code) = 0;
  //! A person's memberships (all, expired too), ordered by unit, role and start.
  virtual std::vector<domain::Membership> membershipsOf(std::string_view organisation,
                                                        std::string_view person) = 0;
  virtual std::optional<domain::Item> item(std::string_view organisation,
                                           std::string_view code) = 0;
  //! The item and everything derived from it, transitively. Traces read these: the items
  //! come without follow-up details (follow_up is empty), which a trace does not show and
  //! which would cost two more reads of the whole subtree.
  virtual std::vector<domain::Item> itemsBelow(std::string_view organisation,
                                               std::string_view code) = 0;
  //! The item and its origins up the chain, without follow-up details (as itemsBelow).
  virtual std::vector<domain::Item> itemsAbove(std::string_view organisation,
                                               std::string_view code) = 0;
  //! Documents of the organisation (all versions), ordered by code and version.
  virtual std::vector<domain::SteeringDocument> documents(std::string_view organisation) = 0;

  //! Counts for statistics; all organisations when `organisation` is empty.
  virtual std::vector<CountRow> counts(std::string_view organisation) = 0;

  //! Accounts, sessions and API tokens.
  virtual void insertAccount(const Account& account) = 0;
  virtual std::optional<Account> account(std::string_view organisation,
                                         std::string_view username) = 0;
  //! The organisation's accounts, ordered by username.
  virtual std::vector<Account> accounts(std::string_view organisation) = 0;
  virtual void insertSession(const Session& session) = 0;
  //! Cross-organisation by nature: a session is found by its secret alone.
  virtual std::optional<Session> session(std::string_view secret_hash) = 0;
  virtual void touchSession(std::string_view secret_hash, std::string_view last_seen_at) = 0;
  virtual void deleteSession(std::string_view secret_hash) = 0;
  //! Removes sessions last seen before `before` (an ISO timestamp); returns how many.
  virtual std::int64_t deleteSessionsIdleSince(std::string_view before) = 0;
  virtual void insertApiToken(const ApiToken& token) = 0;
  //! Cross-organisation by nature: a token is found by its secret alone.
  virtual std::optional<ApiToken> apiToken(std::string_view secret_hash) = 0;
  //! The organisation's tokens, revoked ones too, ordered by name.
  virtual std::vector<ApiToken> apiTokens(std::string_view organisation) = 0;
  //! Marks the token revoked at `at`; false when there is no such valid token.
  virtual bool revokeApiToken(std::string_view organisation, std::string_view name,
                              std::string_view at) = 0;

  //! The newest audit entry of the organisation; it is locked for the transaction so that
  //! concurrent writers extend the chain one after the other.
  virtual domain::AuditHead auditHead(std::string_view organisation) = 0;
  virtual void appendAudit(const std::vector<domain::AuditEntry>& entries) = 0;
  //! The newest audit entry's sequence (0 before the first), without locking anything. Every
  //! change of the organisation's records writes an audit entry, so read models use it as
  //! the organisation's change counter, across processes sharing one database.
  virtual std::int64_t auditSequence(std::string_view organisation) = 0;
  //! One record's audit entries, oldest first.
  virtual std::vector<domain::AuditEntry> auditEntriesOf(std::string_view organisation,
                                                         std::string_view record_kind,
                                                         std::string_view record) = 0;
  //! The organisation's audit entries from `from_sequence` on, in order.
  virtual void forEachAuditEntry(std::string_view organisation, std::int64_t from_sequence,
                                 const std::function<void(const domain::AuditEntry&)>& visit) = 0;
};

//! Runs a unit of work in a transaction that is rolled back unless commit() is reached.
class Transaction {
 public:
  explicit Transaction(Store& store) : store_(store) { store_.begin(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!done_) store_.rollback();
  }
  void commit() {
    store_.commit();
    done_ = true;
  }

 private:
  Store& store_;
  bool done_ = false;
};

}  // namespace styr::app
