#include "app/membership_use_cases.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/audit_trail.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::app {

namespace {

using access::Action;
using domain::Membership;
using domain::Person;

//! Whether two validity intervals (both ends inclusive, no end: open) share a day. An
//! interval that ends before it starts shares none: domain::validate reports it.
bool overlap(const Membership& a, const Membership& b) {
  for (const Membership* interval : {&a, &b}) {
    if (interval->valid_to && *interval->valid_to < interval->valid_from) return false;
  }
  bool a_starts_in_time = !b.valid_to || a.valid_from <= *b.valid_to;
  bool b_starts_in_time = !a.valid_to || b.valid_from <= *a.valid_to;
  return a_starts_in_time && b_starts_in_time;
}

bool sameKey(const Membership& a, const Membership& b) {
  return a.person == b.person && a.unit == b.unit && a.role == b.role &&
         a.valid_from == b.valid_from;
}

std::string periodText(const Membership& membership) {
  return membership.valid_to
             ? fmt::format("from {} to {}", domain::formatDate(membership.valid_from),
                           domain::formatDate(*membership.valid_to))
             : fmt::format("from {} on", domain::formatDate(membership.valid_from));
}

//! A code is part of URLs and of membership keys ("<person>/<unit>/..."), so it holds no
//! blank and no slash.
std::optional<Error> badCode(std::string_view code) {
  if (code.empty()) {
    return Error{ErrorCode::invalid_input,
                 "the person needs a code; nothing was written",
                 {{"code", "", "must not be empty"}}};
  }
  auto bad = std::find_if(code.begin(), code.end(), [](char c) {
    return c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
  if (bad != code.end()) {
    return Error{ErrorCode::invalid_input,
                 fmt::format("'{}' is not a code: it may hold no blanks and no '/'; nothing was "
                             "written",
                             code),
                 {{"code", "", "use letters, digits and '-', e.g. P02700"}}};
  }
  return std::nullopt;
}

//! What the change newly breaks, over the whole organisation as it would be after it.
std::optional<Error> checkRules(const OrganisationSnapshot& snapshot,
                                const domain::OrganisationData& changed, std::string_view what) {
  auto fresh = newViolations(snapshot.violations(), domain::validate(changed));
  if (fresh.empty()) return std::nullopt;
  return ruleBroken(fresh, what);
}

std::optional<Error> mayManage(const access::Rights& rights, const std::string& organisation,
                               const std::string& unit, const std::string& person) {
  if (auto decision =
          rights.can(Action::manage_memberships, {organisation, nullptr, nullptr, unit, person});
      !decision) {
    return notAllowed(decision);
  }
  return std::nullopt;
}

}  // namespace

Result<Person> addPerson(const UseCaseContext& context, const Caller& caller, Person person) {
  const std::string& organisation = caller.actor.organisation;
  if (auto error = badCode(person.code)) return *error;
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto snapshot = context.models.current(context.store, organisation);
  access::Rights rights(caller.actor, snapshot->index(), context.clock.today());
  if (auto refused = mayManage(rights, organisation, {}, person.code)) return *refused;
  if (snapshot->index().person(person.code) != nullptr) {
    return Error{ErrorCode::conflict,
                 fmt::format("there is already a person {} in {}; nothing was written", person.code,
                             organisation),
                 {{"code", "", "choose a code no one has"}}};
  }
  domain::OrganisationData changed = snapshot->data();
  changed.people.push_back(person);
  if (auto broken = checkRules(*snapshot, changed, fmt::format("person {}", person.code))) {
    return *broken;
  }
  try {
    context.store.insertPeople(organisation, {person});
  } catch (const DuplicateRecord&) {
    return Error{ErrorCode::conflict,
                 fmt::format("person {} was added by someone else meanwhile", person.code),
                 {}};
  }
  AuditTrail trail(context.clock, organisation, caller.name);
  trail.record("person.created", "person", person.code, "", interchange::recordJson(person));
  trail.write(context.store);
  transaction.commit();
  return person;
}

Result<Membership> addMembership(const UseCaseContext& context, const Caller& caller,
                                 Membership membership) {
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto snapshot = context.models.current(context.store, organisation);
  access::Rights rights(caller.actor, snapshot->index(), context.clock.today());
  if (auto refused = mayManage(rights, organisation, membership.unit, membership.person)) {
    return *refused;
  }
  if (snapshot->index().person(membership.person) == nullptr) {
    return Error{ErrorCode::not_found,
                 fmt::format("there is no person {} in {}", membership.person, organisation),
                 {{"person", "", "add the person first"}}};
  }
  for (const Membership& held : snapshot->data().memberships) {
    if (held.person != membership.person || held.unit != membership.unit ||
        held.role != membership.role || !overlap(held, membership)) {
      continue;
    }
    std::string message =
        sameKey(held, membership)
            ? fmt::format("the membership {} exists already; nothing was written",
                          membershipKey(held))
            : fmt::format(
                  "{} is already {} of {} {} ({}), which overlaps {}; end that "
                  "membership first or start this one after it; nothing was written",
                  membership.person, domain::toString(membership.role), membership.unit,
                  periodText(held), membershipKey(held), periodText(membership));
    return Error{ErrorCode::conflict,
                 std::move(message),
                 {{"valid_from", "", fmt::format("overlaps {}", membershipKey(held))}}};
  }
  domain::OrganisationData changed = snapshot->data();
  changed.memberships.push_back(membership);
  if (auto broken = checkRules(*snapshot, changed,
                               fmt::format("the membership {}", membershipKey(membership)))) {
    return *broken;
  }
  try {
    context.store.insertMemberships(organisation, {membership});
  } catch (const DuplicateRecord&) {
    return Error{ErrorCode::conflict,
                 fmt::format("the membership {} was added by someone else meanwhile",
                             membershipKey(membership)),
                 {}};
  }
  AuditTrail trail(context.clock, organisation, caller.name);
  trail.record("membership.created", "membership", membershipKey(membership), "",
               interchange::recordJson(membership));
  trail.write(context.store);
  transaction.commit();
  return membership;
}

Result<Membership> endMembership(const UseCaseContext& context, const Caller& caller,
                                 const Membership& membership, const domain::Date& ends_on) {
  const std::string& organisation = caller.actor.organisation;
  std::string key = membershipKey(membership);
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto snapshot = context.models.current(context.store, organisation);
  access::Rights rights(caller.actor, snapshot->index(), context.clock.today());
  if (auto refused = mayManage(rights, organisation, membership.unit, membership.person)) {
    return *refused;
  }
  const auto& held = snapshot->data().memberships;
  auto stored = std::find_if(held.begin(), held.end(), [&](const Membership& candidate) {
    return sameKey(candidate, membership);
  });
  if (stored == held.end()) {
    return Error{
        ErrorCode::not_found,
        fmt::format("there is no membership {}", key),
        {{"valid_from", "", "name the membership by its person, unit, role and first day"}}};
  }
  if (stored->valid_to && *stored->valid_to <= ends_on) {
    return Error{
        ErrorCode::conflict,
        fmt::format("the membership {} has already ended on {}; nothing was written", key,
                    domain::formatDate(*stored->valid_to)),
        {{"valid_to", "",
          fmt::format("a day before {} ends it sooner", domain::formatDate(*stored->valid_to))}}};
  }
  Membership ended = *stored;
  ended.valid_to = ends_on;
  domain::OrganisationData changed = snapshot->data();
  for (Membership& candidate : changed.memberships) {
    if (sameKey(candidate, ended)) candidate = ended;
  }
  if (auto broken = checkRules(*snapshot, changed, fmt::format("ending the membership {}", key))) {
    return *broken;
  }
  if (!context.store.updateMembership(organisation, ended)) {
    return Error{ErrorCode::not_found,
                 fmt::format("the membership {} was removed by someone else meanwhile", key),
                 {}};
  }
  auto [was, is] =
      changedFields(interchange::recordObject(*stored), interchange::recordObject(ended));
  AuditTrail trail(context.clock, organisation, caller.name);
  trail.record("membership.ended", "membership", key, std::move(was), std::move(is));
  trail.write(context.store);
  transaction.commit();
  return ended;
}

Result<Account> createAccount(const UseCaseContext& context, const Caller& caller,
                              NewAccount account) {
  account.organisation = caller.actor.organisation;
  {
    auto snapshot = context.models.current(context.store, account.organisation);
    access::Rights rights(caller.actor, snapshot->index(), context.clock.today());
    if (auto decision = rights.can(Action::manage_accounts,
                                   {account.organisation, nullptr, nullptr, {}, account.person});
        !decision) {
      return notAllowed(decision);
    }
  }
  return addAccount(context.store, context.clock, caller.name, account);
}

}  // namespace styr::app
