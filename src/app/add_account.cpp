#include "app/add_account.hpp"

#include <fmt/format.h>

#include "app/audit_trail.hpp"

namespace styr::app {

namespace {

constexpr std::size_t kMinimumPasswordLength = 10;

bool validUsername(std::string_view username) {
  if (username.size() < 2 || username.size() > 64) return false;
  for (char c : username) {
    bool allowed =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace

Result<Account> addAccount(Store& store, const Clock& clock, std::string_view actor,
                           const NewAccount& request, PasswordPolicy policy) {
  Error invalid{ErrorCode::invalid_input, "", {}};
  if (!validUsername(request.username)) {
    invalid.details.push_back({"username", "",
                               fmt::format("'{}' is not a username: use 2 to 64 of a-z, 0-9, "
                                           "'.', '_' and '-'",
                                           request.username)});
  }
  if (policy == PasswordPolicy::standard && request.password.size() < kMinimumPasswordLength) {
    invalid.details.push_back(
        {"password", "",
         fmt::format("the password must have at least {} characters", kMinimumPasswordLength)});
  }
  if (request.person.empty() && !request.administrator) {
    invalid.details.push_back(
        {"person", "", "an account that is not an administrator's belongs to a person"});
  }
  if (!invalid.details.empty()) {
    invalid.message = "the account cannot be created; nothing was written";
    return invalid;
  }

  // Hashing takes tens of milliseconds; it is done before the transaction holds any lock.
  Account account{request.organisation,
                  request.username,
                  request.person,
                  request.administrator,
                  hashPassword(request.password),
                  formatTimestamp(clock.now())};
  Transaction transaction(store);
  store.lockOrganisation(request.organisation);
  if (!store.organisation(request.organisation)) {
    return Error{
        ErrorCode::not_found, fmt::format("there is no organisation {}", request.organisation), {}};
  }
  if (!request.person.empty() && !store.person(request.organisation, request.person)) {
    return Error{ErrorCode::invalid_input,
                 fmt::format("there is no person {} in {}; nothing was written", request.person,
                             request.organisation),
                 {{"person", "", "name a person of the organisation"}}};
  }
  if (store.account(request.organisation, request.username)) {
    return Error{ErrorCode::conflict,
                 fmt::format("the username {} is taken in {}; nothing was written",
                             request.username, request.organisation),
                 {{"username", "", "choose another username"}}};
  }
  store.insertAccount(account);
  AuditTrail trail(clock, request.organisation, std::string(actor));
  trail.record("account.created", "account", request.username, "",
               fmt::format(R"({{"username":"{}","person":"{}","administrator":{}}})",
                           request.username, request.person, request.administrator));
  trail.write(store);
  transaction.commit();
  return account;
}

}  // namespace styr::app
