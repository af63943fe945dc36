#include "app/document_use_cases.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <memory>

#include "app/audit_trail.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::app {

namespace {

using access::Action;
using domain::DocumentStatus;
using domain::SteeringDocument;

Error notFound(std::string_view code) {
  return Error{ErrorCode::not_found,
               fmt::format("there is no steering document {} that you may read", code),
               {}};
}

std::string auditKey(const SteeringDocument& version) {
  return fmt::format("{}/{}", version.code, version.version);
}

std::string label(const SteeringDocument& version) {
  return fmt::format("{} version {}", version.code, version.version);
}

//! The document's versions as stored, and the ones its steps act on.
struct Versions {
  std::vector<const SteeringDocument*> all;  //!< oldest first
  const SteeringDocument* draft = nullptr;
  const SteeringDocument* decided = nullptr;
  const SteeringDocument* newest = nullptr;
  const SteeringDocument* newest_readable = nullptr;
};

//! One step's working state: the transaction, the organisation locked and as it is now, and
//! the caller's rights over it today.
class Work {
 public:
  Work(const UseCaseContext& context, const Caller& caller)
      : context_(context),
        caller_(caller),
        transaction_(context.store),
        snapshot_(lockedSnapshot(context, caller.actor.organisation)),
        today_(context.clock.today()),
        rights_(caller.actor, snapshot_->index(), today_) {}

  [[nodiscard]] const OrganisationSnapshot& snapshot() const { return *snapshot_; }
  [[nodiscard]] const std::string& organisation() const { return caller_.actor.organisation; }
  [[nodiscard]] const domain::Date& today() const { return today_; }
  [[nodiscard]] Store& store() const { return context_.store; }

  [[nodiscard]] access::Decision can(Action action, const SteeringDocument& version) const {
    return rights_.can(action, {organisation(), nullptr, &version, {}, {}});
  }

  //! The document's versions; not_found when none of them is one the caller may read, so that
  //! a draft's existence is not told to those who may not see it.
  [[nodiscard]] Result<Versions> versionsOf(std::string_view code) const {
    Versions versions;
    for (const SteeringDocument& version : snapshot_->data().documents) {
      if (version.code != code) continue;
      versions.all.push_back(&version);
      if (version.status == DocumentStatus::draft) versions.draft = &version;
      if (version.status == DocumentStatus::decided) versions.decided = &version;
      if (versions.newest == nullptr || version.version > versions.newest->version) {
        versions.newest = &version;
      }
      if (can(Action::read_document, version) &&
          (versions.newest_readable == nullptr ||
           version.version > versions.newest_readable->version)) {
        versions.newest_readable = &version;
      }
    }
    if (versions.newest_readable == nullptr) return notFound(code);
    return versions;
  }

  //! The organisation with `changed` in place of the stored versions (or added), checked for
  //! what it newly breaks.
  [[nodiscard]] std::optional<Error> checkRules(const std::vector<SteeringDocument>& changed,
                                                std::string_view what) const {
    domain::OrganisationData data = snapshot_->data();
    for (const SteeringDocument& version : changed) {
      auto stored = std::find_if(
          data.documents.begin(), data.documents.end(), [&](const SteeringDocument& candidate) {
            return candidate.code == version.code && candidate.version == version.version;
          });
      if (stored != data.documents.end()) {
        *stored = version;
      } else {
        data.documents.push_back(version);
      }
    }
    auto fresh = newViolations(snapshot_->violations(), domain::validate(data));
    if (fresh.empty()) return std::nullopt;
    return ruleBroken(fresh, what);
  }

  void audit(std::string action, const SteeringDocument& version, std::string before,
             std::string after) const {
    AuditTrail trail(context_.clock, organisation(), caller_.name);
    trail.record(std::move(action), "document", auditKey(version), std::move(before),
                 std::move(after));
    trail.write(context_.store);
  }

  void commit() { transaction_.commit(); }

 private:
  static std::shared_ptr<const OrganisationSnapshot> lockedSnapshot(const UseCaseContext& context,
                                                                    const std::string& org) {
    // Held to the end of the transaction, so what is checked is still true when written.
    context.store.lockOrganisation(org);
    return context.models.current(context.store, org);
  }

  const UseCaseContext& context_;
  const Caller& caller_;
  Transaction transaction_;
  std::shared_ptr<const OrganisationSnapshot> snapshot_;
  domain::Date today_;
  access::Rights rights_;
};

std::optional<Error> allowed(const Work& work, Action action, const SteeringDocument& version) {
  if (auto decision = work.can(action, version); !decision) return notAllowed(decision);
  return std::nullopt;
}

std::optional<Error> checkTag(const SteeringDocument& version, const ExpectedTag& expected) {
  if (!expected) return std::nullopt;
  std::string now = documentTag(version);
  if (*expected == now) return std::nullopt;
  return Error{ErrorCode::conflict,
               fmt::format("{} has changed since you read it (tag {}, now {}); read it again and "
                           "redo your change",
                           label(version), *expected, now),
               {{"If-Match", "", "stale tag"}}};
}

Error noDraft(const Versions& versions, std::string_view step) {
  const SteeringDocument& newest = *versions.newest;
  return Error{
      ErrorCode::locked,
      fmt::format("{} is {} and a decided version is never edited; {} needs a draft: "
                  "start a revision, a new version that supersedes it once decided",
                  label(newest), domain::toString(newest.status), step),
      {{"status", "", fmt::format("the newest version is {}", domain::toString(newest.status))}}};
}

//! Applies the change; invalid_input when it empties what a document must have.
std::optional<Error> apply(const DocumentChange& change, SteeringDocument& version) {
  if (change.title && isBlank(*change.title)) {
    return requiredField("title", "a steering document has a title");
  }
  if (change.deciding_body && isBlank(*change.deciding_body)) {
    return requiredField("deciding_body", "the body that decides the document");
  }
  if (change.kind) version.kind = *change.kind;
  if (change.title) version.title = *change.title;
  if (change.summary) version.summary = *change.summary;
  if (change.deciding_body) version.deciding_body = *change.deciding_body;
  if (change.valid_from) version.valid_from = *change.valid_from;
  if (change.valid_to) version.valid_to = *change.valid_to;
  if (change.year) version.year = *change.year;
  if (change.term) version.term = *change.term;
  if (change.appropriations) version.appropriations = *change.appropriations;
  return std::nullopt;
}

//! A first version is prepared under create_document, a later one under revise_document.
Action preparing(const SteeringDocument& draft) {
  return draft.version == 1 ? Action::create_document : Action::revise_document;
}

std::optional<Error> checkDecision(const domain::Decision& decision, const domain::Date& today) {
  Error invalid{ErrorCode::invalid_input, "the decision is incomplete; nothing was written", {}};
  if (!decision.date.ok()) {
    invalid.details.push_back({"date", "", "the day the body decided, as YYYY-MM-DD"});
  } else if (today < decision.date) {
    invalid.details.push_back(
        {"date", "",
         fmt::format("{} is after today ({}): record a decision once it has been taken",
                     domain::formatDate(decision.date), domain::formatDate(today))});
  }
  if (isBlank(decision.minute_paragraph)) {
    invalid.details.push_back({"minute_paragraph", "", "the paragraph of the minutes, e.g. § 91"});
  }
  if (isBlank(decision.case_number)) {
    invalid.details.push_back({"case_number", "L20", "the case number, e.g. KS 2025/0123"});
  }
  if (invalid.details.empty()) return std::nullopt;
  return invalid;
}

}  // namespace

std::string documentTag(const SteeringDocument& version) {
  std::string content = interchange::recordJson(version);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(content.data()),
                     content.size());
  std::string tag = fmt::format("{}-", version.version);
  for (std::size_t i = 0; i < 8; ++i) tag += fmt::format("{:02x}", digest[i]);
  return tag;
}

Result<SteeringDocument> createDocument(const UseCaseContext& context, const Caller& caller,
                                        SteeringDocument proposed) {
  if (!isUsableCode(proposed.code)) {
    return Error{ErrorCode::invalid_input,
                 fmt::format("'{}' is no usable document code", proposed.code),
                 {{"code", "", "letters, digits, '-', '_' and '.', e.g. POLICY-MILJO"}}};
  }
  if (isBlank(proposed.title)) return requiredField("title", "a steering document has a title");
  if (isBlank(proposed.deciding_body)) {
    return requiredField("deciding_body", "the body that decides the document");
  }
  if (!proposed.valid_from.ok()) {
    return requiredField("valid_from", "the day the document is to take effect");
  }
  // A new document is its first version, a draft, whatever was sent.
  proposed.version = 1;
  proposed.status = DocumentStatus::draft;
  proposed.decision.reset();
  Work work(context, caller);
  if (auto refused = allowed(work, Action::create_document, proposed)) return *refused;
  if (work.snapshot().index().document(proposed.code) != nullptr) {
    return Error{ErrorCode::conflict,
                 fmt::format("there is already a steering document {}", proposed.code),
                 {{"code", "", "choose another code, or revise the existing document"}}};
  }
  if (auto broken = work.checkRules({proposed}, fmt::format("document {}", proposed.code))) {
    return *broken;
  }
  try {
    context.store.insertDocument(work.organisation(), proposed);
  } catch (const DuplicateRecord&) {
    return Error{ErrorCode::conflict,
                 fmt::format("document {} was created by someone else meanwhile", proposed.code),
                 {}};
  }
  work.audit("document.created", proposed, "", interchange::recordJson(proposed));
  work.commit();
  return proposed;
}

Result<SteeringDocument> editDraft(const UseCaseContext& context, const Caller& caller,
                                   std::string_view code, ExpectedTag expected,
                                   const DocumentChange& change) {
  Work work(context, caller);
  auto versions = work.versionsOf(code);
  if (!versions) return versions.error();
  const Versions& found = versions.value();
  const SteeringDocument& subject = found.draft ? *found.draft : *found.newest_readable;
  if (auto refused =
          allowed(work, found.draft ? preparing(subject) : Action::revise_document, subject)) {
    return *refused;
  }
  if (found.draft == nullptr) return noDraft(found, "editing");
  const SteeringDocument& draft = *found.draft;
  if (auto stale = checkTag(draft, expected)) return *stale;
  SteeringDocument changed = draft;
  if (auto invalid = apply(change, changed)) return *invalid;
  // A changed deciding body must be one the caller answers for too.
  if (auto refused = allowed(work, preparing(changed), changed)) return *refused;
  if (auto broken = work.checkRules({changed}, label(changed))) return *broken;
  if (!context.store.updateDocument(work.organisation(), changed)) {
    return Error{ErrorCode::conflict,
                 fmt::format("{} was removed meanwhile; nothing was written", label(draft)),
                 {}};
  }
  auto [before, after] =
      changedFields(interchange::recordObject(draft), interchange::recordObject(changed));
  work.audit("document.draft_edited", changed, std::move(before), std::move(after));
  work.commit();
  return changed;
}

Result<SteeringDocument> reviseDocument(const UseCaseContext& context, const Caller& caller,
                                        std::string_view code, ExpectedTag expected,
                                        const DocumentChange& change) {
  Work work(context, caller);
  auto versions = work.versionsOf(code);
  if (!versions) return versions.error();
  const Versions& found = versions.value();
  const SteeringDocument& subject = found.decided ? *found.decided : *found.newest_readable;
  if (auto refused = allowed(work, Action::revise_document, subject)) return *refused;
  if (found.draft != nullptr) {
    return Error{ErrorCode::conflict,
                 fmt::format("{} is a draft already: edit it, or have it decided, before "
                             "starting another revision",
                             label(*found.draft)),
                 {{"status", "", "a document has at most one draft version"}}};
  }
  if (found.decided == nullptr) {
    return Error{
        ErrorCode::conflict, fmt::format("document {} has no decided version to revise", code), {}};
  }
  const SteeringDocument& decided = *found.decided;
  if (auto stale = checkTag(decided, expected)) return *stale;
  SteeringDocument revision = decided;
  revision.version = found.newest->version + 1;
  revision.status = DocumentStatus::draft;
  revision.decision.reset();
  if (auto invalid = apply(change, revision)) return *invalid;
  if (auto refused = allowed(work, Action::revise_document, revision)) return *refused;
  if (auto broken = work.checkRules({revision}, label(revision))) return *broken;
  try {
    context.store.insertDocument(work.organisation(), revision);
  } catch (const DuplicateRecord&) {
    return Error{ErrorCode::conflict,
                 fmt::format("{} was created by someone else meanwhile", label(revision)),
                 {}};
  }
  work.audit("document.revised", revision, "", interchange::recordJson(revision));
  work.commit();
  return revision;
}

Result<SteeringDocument> recordDecision(const UseCaseContext& context, const Caller& caller,
                                        std::string_view code, ExpectedTag expected,
                                        domain::Decision decision) {
  if (auto invalid = checkDecision(decision, context.clock.today())) return *invalid;
  Work work(context, caller);
  auto versions = work.versionsOf(code);
  if (!versions) return versions.error();
  const Versions& found = versions.value();
  const SteeringDocument& subject = found.draft ? *found.draft : *found.newest_readable;
  if (auto refused = allowed(work, Action::record_decision, subject)) return *refused;
  if (found.draft == nullptr) return noDraft(found, "recording a decision");
  const SteeringDocument& draft = *found.draft;
  if (auto stale = checkTag(draft, expected)) return *stale;

  SteeringDocument decided = draft;
  decided.status = DocumentStatus::decided;
  decided.decision = std::move(decision);
  std::vector<SteeringDocument> changed{decided};
  if (found.decided != nullptr) {
    SteeringDocument superseded = *found.decided;
    if (!(superseded.valid_from < decided.valid_from)) {
      return Error{ErrorCode::rule_broken,
                   fmt::format("{} takes effect {}, but the {} it supersedes is in force from {}; "
                               "nothing was written",
                               label(decided), domain::formatDate(decided.valid_from),
                               label(superseded), domain::formatDate(superseded.valid_from)),
                   {{"valid_from", "integrity",
                     fmt::format("{}: valid_from must be after {}", label(decided),
                                 domain::formatDate(superseded.valid_from))}}};
    }
    superseded.status = DocumentStatus::superseded;
    domain::Date last_day = domain::addDays(decided.valid_from, -1);
    // An end already earlier stays: superseding never lengthens what was decided.
    if (!superseded.valid_to || last_day < *superseded.valid_to) superseded.valid_to = last_day;
    changed.push_back(std::move(superseded));
  }
  if (auto broken = work.checkRules(changed, label(decided))) return *broken;
  for (const SteeringDocument& version : changed) {
    if (!context.store.updateDocument(work.organisation(), version)) {
      return Error{ErrorCode::conflict,
                   fmt::format("{} was removed meanwhile; nothing was written", label(version)),
                   {}};
    }
  }
  auto [before, after] =
      changedFields(interchange::recordObject(draft), interchange::recordObject(decided));
  if (changed.size() > 1) {
    // The superseded version's change belongs to this decision, so it is told here.
    auto told = nlohmann::ordered_json::parse(after);
    told["supersedes"] = {{"version", changed[1].version},
                          {"valid_to", domain::formatDate(*changed[1].valid_to)}};
    after = told.dump();
  }
  work.audit("document.decided", decided, std::move(before), std::move(after));
  work.commit();
  return decided;
}

}  // namespace styr::app
