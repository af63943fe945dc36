#include "app/item_use_cases.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <functional>

#include "app/audit_trail.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::app {

namespace {

using access::Action;
using domain::Item;
using domain::ItemStatus;

Error notFound(std::string_view code) {
  return Error{
      ErrorCode::not_found, fmt::format("there is no item {} that you may read", code), {}};
}

Error wrongState(const Item& item, std::string_view step, std::string_view needed) {
  bool closed = item.status == ItemStatus::completed || item.status == ItemStatus::cancelled;
  return Error{closed ? ErrorCode::locked : ErrorCode::conflict,
               fmt::format("item {} is {}: {} needs an item that is {}", item.code,
                           domain::toString(item.status), step, needed),
               {{"status", "", fmt::format("the item is {}", domain::toString(item.status))}}};
}

//! The organisation with `item` in place of the stored one (or added), checked for what it
//! newly breaks.
std::optional<Error> checkRules(const OrganisationSnapshot& snapshot, const Item& item) {
  domain::OrganisationData data = snapshot.data();
  auto stored = std::find_if(data.items.begin(), data.items.end(),
                             [&](const Item& candidate) { return candidate.code == item.code; });
  if (stored != data.items.end()) {
    *stored = item;
  } else {
    data.items.push_back(item);
  }
  auto fresh = newViolations(snapshot.violations(), domain::validate(data));
  if (fresh.empty()) return std::nullopt;
  return ruleBroken(fresh, fmt::format("item {}", item.code));
}

void audit(const UseCaseContext& context, const Caller& caller, std::string action,
           const Item* before, const Item& after) {
  AuditTrail trail(context.clock, caller.actor.organisation, caller.name);
  if (before == nullptr) {
    trail.record(std::move(action), "item", after.code, "", interchange::recordJson(after));
  } else {
    auto [was, is] =
        changedFields(interchange::recordObject(*before), interchange::recordObject(after));
    trail.record(std::move(action), "item", after.code, std::move(was), std::move(is));
  }
  trail.write(context.store);
}

using Step = std::function<std::optional<Error>(Item& item, const domain::Date& today)>;

//! One step of an existing item: who may, which state, the rules, the write, the audit entry.
Result<Item> changeItem(const UseCaseContext& context, const Caller& caller, std::string_view code,
                        ExpectedRevision expected, Action action, std::string audit_action,
                        const Step& step) {
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto snapshot = context.models.current(context.store, organisation);
  domain::Date today = context.clock.today();
  access::Rights rights(caller.actor, snapshot->index(), today);
  const Item* stored = snapshot->index().item(code);
  if (stored == nullptr || !rights.can(Action::read_item, {organisation, stored, {}, {}, {}})) {
    return notFound(code);
  }
  if (expected && *expected != stored->revision) {
    return Error{ErrorCode::conflict,
                 fmt::format("item {} has changed since you read it (revision {}, now {}); "
                             "read it again and redo your change",
                             code, *expected, stored->revision),
                 {{"If-Match", "", "stale revision"}}};
  }
  if (auto decision = rights.can(action, {organisation, stored, {}, {}, {}}); !decision) {
    return notAllowed(decision);
  }
  Item changed = *stored;
  if (auto error = step(changed, today)) return *error;
  // A changed recipient must be one the actor may address too.
  if (action == Action::edit_what) {
    if (auto decision = rights.can(action, {organisation, &changed, {}, {}, {}}); !decision) {
      return notAllowed(decision);
    }
  }
  if (auto broken = checkRules(*snapshot, changed)) return *broken;
  if (!context.store.updateItem(organisation, changed)) {
    return Error{
        ErrorCode::conflict,
        fmt::format("item {} was changed by someone else meanwhile; nothing was written", code),
        {}};
  }
  audit(context, caller, std::move(audit_action), stored, changed);
  transaction.commit();
  changed.revision += 1;
  return changed;
}

char letterOf(domain::ItemKind kind) {
  switch (kind) {
    case domain::ItemKind::goal:
      return 'M';
    case domain::ItemKind::direction:
      return 'I';
    case domain::ItemKind::quality_requirement:
      return 'K';
    case domain::ItemKind::assignment:
      return 'U';
    case domain::ItemKind::activity:
      return 'A';
  }
  return 'U';
}

//! The next number after the issuer's highest of that kind, as wide as theirs (KD-U039 after
//! KD-U038), so that codes sort as they were given.
std::string nextCode(const domain::OrganisationData& data, const Item& item) {
  std::string prefix = fmt::format("{}-{}", item.issuer, letterOf(item.kind));
  int highest = 0;
  std::size_t width = 2;
  for (const Item& existing : data.items) {
    std::string_view code = existing.code;
    if (code.size() <= prefix.size() || code.substr(0, prefix.size()) != prefix) continue;
    std::string_view digits = code.substr(prefix.size());
    int number = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (error == std::errc() && end == digits.data() + digits.size()) {
      highest = std::max(highest, number);
      width = std::max(width, digits.size());
    }
  }
  return fmt::format("{}{:0{}}", prefix, highest + 1, width);
}

}  // namespace

Result<Item> createItem(const UseCaseContext& context, const Caller& caller, Item proposed) {
  const std::string& organisation = caller.actor.organisation;
  if (isBlank(proposed.title)) return requiredField("title", "an item says what is to be achieved");
  if (proposed.issuer.empty()) return requiredField("issuer", "the unit that issues the item");
  if (!proposed.code.empty() && !isUsableCode(proposed.code)) {
    return Error{ErrorCode::invalid_input,
                 fmt::format("the code '{}' has characters a code may not have", proposed.code),
                 {{"code", "", "ASCII letters, digits, '-', '_' and '.'"}}};
  }
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto snapshot = context.models.current(context.store, organisation);
  domain::Date today = context.clock.today();
  // The state is the issuer's draft, whatever was sent.
  proposed.plan.clear();
  proposed.status = ItemStatus::draft;
  proposed.issued_on.reset();
  proposed.acknowledged_on.reset();
  proposed.closed_on.reset();
  proposed.closing_note.clear();
  proposed.revision = 1;
  access::Rights rights(caller.actor, snapshot->index(), today);
  if (auto decision = rights.can(Action::create_item, {organisation, &proposed, {}, {}, {}});
      !decision) {
    return notAllowed(decision);
  }
  if (proposed.code.empty()) {
    proposed.code = nextCode(snapshot->data(), proposed);
  } else if (snapshot->index().item(proposed.code) != nullptr) {
    return Error{ErrorCode::conflict,
                 fmt::format("there is already an item {}", proposed.code),
                 {{"code", "", "choose another code, or leave it out to have one given"}}};
  }
  if (auto broken = checkRules(*snapshot, proposed)) return *broken;
  try {
    context.store.insertItems(organisation, {proposed});
  } catch (const DuplicateRecord&) {
    return Error{ErrorCode::conflict,
                 fmt::format("item {} was created by someone else meanwhile", proposed.code),
                 {}};
  }
  audit(context, caller, "item.created", nullptr, proposed);
  transaction.commit();
  return proposed;
}

Result<Item> editWhat(const UseCaseContext& context, const Caller& caller, std::string_view code,
                      ExpectedRevision expected, const WhatChange& change) {
  return changeItem(context, caller, code, expected, Action::edit_what, "item.what_edited",
                    [&](Item& item, const domain::Date&) -> std::optional<Error> {
                      if (item.status != ItemStatus::draft && item.status != ItemStatus::issued) {
                        return wrongState(item, "changing the WHAT",
                                          "a draft, or issued and not yet acknowledged");
                      }
                      bool moves = change.recipient_unit || change.recipient_person ||
                                   change.origin || change.origin_document;
                      if (moves && item.status != ItemStatus::draft) {
                        return wrongState(item, "changing the recipient or the origin", "a draft");
                      }
                      if (change.title) {
                        if (isBlank(*change.title))
                          return requiredField("title", "an item says what is wanted");
                        item.title = *change.title;
                      }
                      if (change.description) item.description = *change.description;
                      if (change.due) item.due = *change.due;
                      if (change.follow_up) item.follow_up = *change.follow_up;
                      if (change.document) item.document = *change.document;
                      if (change.recipient_unit) item.recipient_unit = *change.recipient_unit;
                      if (change.recipient_person) item.recipient_person = *change.recipient_person;
                      if (change.origin) item.origin = *change.origin;
                      if (change.origin_document) item.origin_document = *change.origin_document;
                      return std::nullopt;
                    });
}

Result<Item> issueItem(const UseCaseContext& context, const Caller& caller, std::string_view code,
                       ExpectedRevision expected) {
  return changeItem(context, caller, code, expected, Action::issue_item, "item.issued",
                    [](Item& item, const domain::Date& today) -> std::optional<Error> {
                      if (item.status != ItemStatus::draft) {
                        return wrongState(item, "issuing", "a draft");
                      }
                      item.status = ItemStatus::issued;
                      item.issued_on = today;
                      return std::nullopt;
                    });
}

Result<Item> acknowledgeItem(const UseCaseContext& context, const Caller& caller,
                             std::string_view code, ExpectedRevision expected, std::string plan) {
  return changeItem(context, caller, code, expected, Action::acknowledge_item, "item.acknowledged",
                    [&](Item& item, const domain::Date& today) -> std::optional<Error> {
                      if (item.status != ItemStatus::issued) {
                        return wrongState(item, "acknowledging", "issued");
                      }
                      if (isBlank(plan)) {
                        return requiredField("plan",
                                             "acknowledging says HOW the recipient will do it");
                      }
                      item.status = ItemStatus::acknowledged;
                      item.acknowledged_on = today;
                      item.plan = std::move(plan);
                      return std::nullopt;
                    });
}

Result<Item> updatePlan(const UseCaseContext& context, const Caller& caller, std::string_view code,
                        ExpectedRevision expected, std::string plan) {
  return changeItem(
      context, caller, code, expected, Action::edit_how, "item.plan_updated",
      [&](Item& item, const domain::Date&) -> std::optional<Error> {
        if (item.status != ItemStatus::issued && item.status != ItemStatus::acknowledged) {
          return wrongState(item, "planning", "issued or acknowledged");
        }
        if (isBlank(plan) && item.status == ItemStatus::acknowledged) {
          return requiredField("plan", "an acknowledged item keeps its HOW");
        }
        item.plan = std::move(plan);
        return std::nullopt;
      });
}

Result<Item> completeItem(const UseCaseContext& context, const Caller& caller,
                          std::string_view code, ExpectedRevision expected,
                          std::string closing_note) {
  return changeItem(context, caller, code, expected, Action::complete_item, "item.completed",
                    [&](Item& item, const domain::Date& today) -> std::optional<Error> {
                      if (item.status != ItemStatus::acknowledged) {
                        return wrongState(item, "completing", "acknowledged");
                      }
                      if (isBlank(closing_note)) {
                        return requiredField("closing_note", "completing says what came of it");
                      }
                      item.status = ItemStatus::completed;
                      item.closed_on = today;
                      item.closing_note = std::move(closing_note);
                      return std::nullopt;
                    });
}

Result<Item> cancelItem(const UseCaseContext& context, const Caller& caller, std::string_view code,
                        ExpectedRevision expected, std::string closing_note) {
  return changeItem(
      context, caller, code, expected, Action::cancel_item, "item.cancelled",
      [&](Item& item, const domain::Date& today) -> std::optional<Error> {
        if (item.status == ItemStatus::completed || item.status == ItemStatus::cancelled) {
          return wrongState(item, "cancelling", "not yet completed or cancelled");
        }
        if (isBlank(closing_note)) {
          return requiredField("closing_note", "cancelling says why");
        }
        item.status = ItemStatus::cancelled;
        item.closed_on = today;
        item.closing_note = std::move(closing_note);
        return std::nullopt;
      });
}

}  // namespace styr::app
