#pragma once
// Goals and assignments through their life: the issuer creates a draft, edits its WHAT and
// issues it; the recipient acknowledges it with the HOW (its plan), keeps the plan up to date
// and completes it; the issuer may cancel it (D2: each side writes only its own part). Each
// step is checked against who may (src/access), the item's state, and every rule over the
// organisation as it would be after the step (domain::validate), and writes one audit entry
// in the same transaction. Nothing is written when any check fails.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/changes.hpp"
#include "app/clock.hpp"
#include "app/error.hpp"
#include "app/read_model.hpp"
#include "app/store.hpp"
#include "domain/model.hpp"

namespace styr::app {

//! What a use case needs besides its arguments.
struct UseCaseContext {
  Store& store;
  const Clock& clock;
  ReadModels& models;
};

//! A new draft: kind, document, issuer, recipient (unit or person), origin, origin_document
//! and the WHAT are taken from `proposed`; its state fields are ignored. Without a code, the
//! next free "<issuer>-<letter><nn>" is given (M goal, I direction, K quality requirement,
//! U assignment, A activity), as the demo's codes read.
Result<domain::Item> createItem(const UseCaseContext& context, const Caller& caller,
                                domain::Item proposed);

//! A change of the WHAT; fields left empty are kept. The recipient and the origin may change
//! only while the item is a draft, the rest also once issued, until the recipient has taken
//! it on (then a new item is the honest way).
struct WhatChange {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::optional<domain::Date>> due;
  std::optional<domain::FollowUp> follow_up;
  std::optional<std::string> document;
  std::optional<std::string> recipient_unit;
  std::optional<std::string> recipient_person;
  std::optional<std::string> origin;
  std::optional<std::string> origin_document;
};

//! `expected_revision` (from the ETag a client read) makes a step fail with conflict when
//! someone changed the item since; without it the step applies to the item as it is.
using ExpectedRevision = std::optional<std::int64_t>;

Result<domain::Item> editWhat(const UseCaseContext& context, const Caller& caller,
                              std::string_view code, ExpectedRevision expected,
                              const WhatChange& change);
//! Draft -> issued, dated today.
Result<domain::Item> issueItem(const UseCaseContext& context, const Caller& caller,
                               std::string_view code, ExpectedRevision expected);
//! Issued -> acknowledged with the recipient's plan, dated today.
Result<domain::Item> acknowledgeItem(const UseCaseContext& context, const Caller& caller,
                                     std::string_view code, ExpectedRevision expected,
                                     std::string plan);
//! The recipient's plan of an issued or acknowledged item.
Result<domain::Item> updatePlan(const UseCaseContext& context, const Caller& caller,
                                std::string_view code, ExpectedRevision expected, std::string plan);
//! Acknowledged -> completed, with what came of it.
Result<domain::Item> completeItem(const UseCaseContext& context, const Caller& caller,
                                  std::string_view code, ExpectedRevision expected,
                                  std::string closing_note);
//! Draft, issued or acknowledged -> cancelled, with why.
Result<domain::Item> cancelItem(const UseCaseContext& context, const Caller& caller,
                                std::string_view code, ExpectedRevision expected,
                                std::string closing_note);

}  // namespace styr::app
