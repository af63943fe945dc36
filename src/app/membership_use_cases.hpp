#pragma once
// The organisation's people, their memberships and their accounts, as administrators keep
// them. Memberships are where every right comes from (src/access), so each change is checked
// against who may (manage_memberships: administrators, never for themselves), against the
// records already there, and against every rule over the organisation as it would be after
// the change (domain::validate; only what the change newly breaks is refused), and writes one
// audit entry in the same transaction. Nothing is written when any check fails.

#include <string>

#include "app/add_account.hpp"
#include "app/changes.hpp"
#include "app/error.hpp"
#include "app/item_use_cases.hpp"
#include "domain/model.hpp"

namespace styr::app {

//! A new person of the caller's organisation; the code must be free.
Result<domain::Person> addPerson(const UseCaseContext& context, const Caller& caller,
                                 domain::Person person);

//! A new membership of an existing person. The same person may hold the same role in the
//! same unit again, but not for days on which they already hold it: conflict, naming the
//! membership they hold.
Result<domain::Membership> addMembership(const UseCaseContext& context, const Caller& caller,
                                         domain::Membership membership);

//! Ends the membership keyed by `membership`'s person, unit, role and valid_from on `ends_on`
//! (its last day). not_found when there is no such membership; conflict when it has already
//! ended on or before that day. A membership planned to end later may be ended sooner.
Result<domain::Membership> endMembership(const UseCaseContext& context, const Caller& caller,
                                         const domain::Membership& membership,
                                         const domain::Date& ends_on);

//! An account of the caller's organisation (`account.organisation` is set from the caller):
//! manage_accounts is checked first, then app::addAccount validates, hashes the password and
//! writes it with its audit entry.
Result<Account> createAccount(const UseCaseContext& context, const Caller& caller,
                              NewAccount account);

}  // namespace styr::app
