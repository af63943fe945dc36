#pragma once
// The embedded backend: one SQLite file in WAL mode with foreign keys on.

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "app/store.hpp"
#include "store/migration.hpp"
#include "store/sqlite/sqlite_handle.hpp"

namespace styr::store {

class SqliteStore final : public app::Store {
 public:
  //! Opens the database at `path`, creating it if it is new. Throws StoreError when the file
  //! is not a database, or its schema is not the one this binary needs (see SchemaPolicy).
  explicit SqliteStore(const std::string& path,
                       SchemaPolicy policy = SchemaPolicy::require_current);

  //! The schema version of the open database.
  int schemaVersion() override;

  void begin() override;
  void commit() override;
  void rollback() override;

  std::vector<domain::Organisation> organisations() override;
  std::optional<domain::Organisation> organisation(std::string_view code) override;
  void lockOrganisation(std::string_view organisation) override;
  void insertOrganisationData(const domain::OrganisationData& data) override;
  void insertUnits(std::string_view organisation, const std::vector<domain::Unit>& units) override;
  void insertPeople(std::string_view organisation,
                    const std::vector<domain::Person>& people) override;
  void insertMemberships(std::string_view organisation,
                         const std::vector<domain::Membership>& memberships) override;
  void insertItems(std::string_view organisation, const std::vector<domain::Item>& items) override;
  void insertDocument(std::string_view organisation,
                      const domain::SteeringDocument& document) override;
  bool updateDocument(std::string_view organisation,
                      const domain::SteeringDocument& document) override;
  void insertIndicatorValues(std::string_view organisation,
                             const std::vector<domain::IndicatorValue>& values) override;
  bool updateMembership(std::string_view organisation,
                        const domain::Membership& membership) override;
  bool updateItem(std::string_view organisation, const domain::Item& item) override;
  void insertOccasions(std::string_view organisation,
                       const std::vector<domain::FollowUpOccasion>& occasions) override;
  bool updateOccasion(std::string_view organisation,
                      const domain::FollowUpOccasion& occasion) override;
  void insertReportBack(std::string_view organisation,
                        const domain::ReportBack& report_back) override;
  bool updateReportBack(std::string_view organisation,
                        const domain::ReportBack& report_back) override;
  bool decideReportBack(std::string_view organisation,
                        const domain::ReportBack& report_back) override;
  std::optional<std::int64_t> insertNotification(const app::Notification& notification) override;
  std::vector<app::Notification> notificationsOf(std::string_view organisation,
                                                 std::string_view person, bool unread_only,
                                                 int limit) override;
  bool markNotificationRead(std::string_view organisation, std::string_view person, std::int64_t id,
                            std::string_view at) override;
  std::vector<app::Notification> claimDueEmails(std::string_view now, std::string_view lease_until,
                                                int limit) override;
  void recordEmailOutcome(const app::Notification& notification) override;
  void insertDeviation(std::string_view organisation, const domain::Deviation& deviation) override;
  bool updateDeviation(std::string_view organisation, const domain::Deviation& deviation) override;
  std::optional<domain::Deviation> deviation(std::string_view organisation,
                                             std::string_view code) override;
  std::vector<domain::Deviation> deviations(std::string_view organisation,
                                            std::optional<domain::DeviationState> state) override;
  int lastDeviationNumber(std::string_view organisation, std::string_view prefix) override;
  std::vector<app::DueDeviation> dueDeviations(std::string_view now, int limit) override;
  domain::DeviationSettings deviationSettings(std::string_view organisation) override;
  void saveDeviationSettings(std::string_view organisation,
                             const domain::DeviationSettings& settings) override;
  domain::OrganisationData loadOrganisation(std::string_view organisation) override;
  domain::OrganisationData loadOccasionRecords(std::string_view organisation,
                                               std::string_view occasion,
                                               std::string_view recipient) override;
  std::optional<domain::Person> person(std::string_view organisation,
                                       std::string_view code) override;
  std::vector<domain::Membership> membershipsOf(std::string_view organisation,
                                                std::string_view person) override;
  std::optional<domain::Item> item(std::string_view organisation, std::string_view code) override;
  std::vector<domain::Item> itemsBelow(std::string_view organisation,
                                       std::string_view code) override;
  std::vector<domain::Item> itemsAbove(std::string_view organisation,
                                       std::string_view code) override;
  std::vector<domain::SteeringDocument> documents(std::string_view organisation) override;
  std::vector<app::CountRow> counts(std::string_view organisation) override;
  void insertAccount(const app::Account& account) override;
  std::optional<app::Account> account(std::string_view organisation,
                                      std::string_view username) override;
  std::vector<app::Account> accounts(std::string_view organisation) override;
  void insertSession(const app::Session& session) override;
  std::optional<app::Session> session(std::string_view secret_hash) override;
  void touchSession(std::string_view secret_hash, std::string_view last_seen_at) override;
  void deleteSession(std::string_view secret_hash) override;
  std::int64_t deleteSessionsIdleSince(std::string_view before) override;
  void insertApiToken(const app::ApiToken& token) override;
  std::optional<app::ApiToken> apiToken(std::string_view secret_hash) override;
  std::vector<app::ApiToken> apiTokens(std::string_view organisation) override;
  bool revokeApiToken(std::string_view organisation, std::string_view name,
                      std::string_view at) override;
  domain::AuditHead auditHead(std::string_view organisation) override;
  void appendAudit(const std::vector<domain::AuditEntry>& entries) override;
  std::int64_t auditSequence(std::string_view organisation) override;
  std::vector<domain::AuditEntry> auditEntriesOf(std::string_view organisation,
                                                 std::string_view record_kind,
                                                 std::string_view record) override;
  void forEachAuditEntry(std::string_view organisation, std::int64_t from_sequence,
                         const std::function<void(const domain::AuditEntry&)>& visit) override;

  //! Runs `sql` with $1 = organisation, calling `visit` with each row (for the shared loaders
  //! in store/record_rows.hpp).
  template <typename Visit>
  void eachRow(std::string_view sql, std::string_view organisation, Visit visit) {
    auto& query = statement(sql);
    query.bind(1, organisation);
    while (query.step()) visit(std::as_const(query));
  }
  //! The same with $2 = `second`.
  template <typename Visit>
  void eachRow(std::string_view sql, std::string_view organisation, std::string_view second,
               Visit visit) {
    auto& query = statement(sql);
    query.bind(1, organisation).bind(2, second);
    while (query.step()) visit(std::as_const(query));
  }
  //! The same with $2 = `second` and $3 = `third`.
  template <typename Visit>
  void eachRow(std::string_view sql, std::string_view organisation, std::string_view second,
               std::string_view third, Visit visit) {
    auto& query = statement(sql);
    query.bind(1, organisation).bind(2, second).bind(3, third);
    while (query.step()) visit(std::as_const(query));
  }
  //! Every item of the organisation with its follow-up details.
  std::vector<domain::Item> allItems(std::string_view organisation);

 private:
  //! A prepared statement for `sql`, prepared once per connection.
  SqliteStatement& statement(std::string_view sql);
  void migrate(SchemaPolicy policy, const std::string& path);
  void insertFollowUp(std::string_view organisation, const domain::Item& item);
  void insertAppropriations(std::string_view organisation,
                            const domain::SteeringDocument& document);
  void insertDeadlines(std::string_view organisation, const domain::FollowUpOccasion& occasion);
  //! A report-back version's assessments, actions, topic texts and indicator values.
  void insertReportBackContent(std::string_view organisation,
                               const domain::ReportBack& report_back);
  //! The items a recursive `chain(code)` CTE from `code` reaches, without follow-up details.
  std::vector<domain::Item> loadChain(std::string_view organisation, std::string_view chain,
                                      std::string_view code);
  //! Items selected by `where_codes`, a query returning the codes of the wanted items.
  std::vector<domain::Item> loadItems(std::string_view organisation, std::string_view where_codes,
                                      std::string_view code);
  //! Adds the deviation's levels and actions that are not stored, and changes those that are.
  void writeDeviationLevelsAndActions(std::string_view organisation,
                                      const domain::Deviation& deviation);
  //! Adds the deviation's events with a sequence above `stored` (the newest stored one).
  void insertDeviationEvents(std::string_view organisation, const domain::Deviation& deviation,
                             std::int64_t stored);

  SqliteConnection connection_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> statements_;
};

}  // namespace styr::store
