#pragma once
// Steering documents through their life: whoever answers for the deciding body (a political
// body's secretary, an administrative unit's head) proposes a draft, edits it, and records the
// body's decision (date, minute paragraph, case number: L20). A decided version is never
// edited: a change is a revision, a new draft version with the same code, which supersedes
// the decided one when it is decided in turn. Each step is checked against who may
// (src/access), the document's state, and every rule over the organisation as it would be
// after the step (domain::validate; D6: only the budget appropriates money), and writes one
// audit entry (record kind "document", key "<code>/<version>") in the same transaction.
// Nothing is written when any check fails.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/changes.hpp"
#include "app/error.hpp"
#include "app/item_use_cases.hpp"
#include "domain/model.hpp"

namespace styr::app {

//! Documents carry no revision column: a version is identified for optimistic concurrency by
//! a tag over its whole content as the exchange format writes it ("<version>-<16 hex digits of
//! SHA-256>"), so any change of the version, its state included, changes the tag.
std::string documentTag(const domain::SteeringDocument& version);

//! The tag a client read (from an ETag): a step fails with conflict when the version it acts
//! on has a different tag now; without it the step applies to the version as it is.
using ExpectedTag = std::optional<std::string>;

//! A new document: its first version, a draft. Code, kind, title, summary, deciding body,
//! validity, year, term and appropriations are taken from `proposed`; version, status and
//! decision are ignored. The code is the caller's (letters, digits, '-', '_' and '.'), and
//! conflict when the organisation has a document with that code already.
Result<domain::SteeringDocument> createDocument(const UseCaseContext& context, const Caller& caller,
                                                domain::SteeringDocument proposed);

//! A change of a draft's content; fields left empty are kept.
struct DocumentChange {
  std::optional<domain::DocumentKind> kind;
  std::optional<std::string> title;
  std::optional<std::string> summary;
  std::optional<std::string> deciding_body;
  std::optional<domain::Date> valid_from;
  std::optional<std::optional<domain::Date>> valid_to;
  std::optional<std::optional<int>> year;
  std::optional<std::optional<int>> term;
  std::optional<std::vector<domain::Appropriation>> appropriations;
};

//! Changes the document's draft version. locked when the document has no draft (its newest
//! version is decided: a revision is needed). `expected` is compared with the draft's tag.
Result<domain::SteeringDocument> editDraft(const UseCaseContext& context, const Caller& caller,
                                           std::string_view code, ExpectedTag expected,
                                           const DocumentChange& change);

//! A new draft version (the newest version + 1), copied from the decided version with
//! `change` applied. conflict when a draft version exists already (edit that one); locked when
//! no version is decided. `expected` is compared with the decided version's tag.
Result<domain::SteeringDocument> reviseDocument(const UseCaseContext& context, const Caller& caller,
                                                std::string_view code, ExpectedTag expected,
                                                const DocumentChange& change);

//! The draft becomes decided with `decision` (date, minute paragraph and case number all
//! required; the date not after today). The version decided before, if any, becomes
//! superseded and ends the day before the new version takes effect (or earlier, when it
//! already ended earlier). One audit entry, "document.decided" for the decided version, whose
//! after names the version it supersedes. `expected` is compared with the draft's tag.
Result<domain::SteeringDocument> recordDecision(const UseCaseContext& context, const Caller& caller,
                                                std::string_view code, ExpectedTag expected,
                                                domain::Decision decision);

}  // namespace styr::app
