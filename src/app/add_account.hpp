#pragma once
// Creating an account that can sign in. Real installations start with the one administrator
// they are given (`styr user add`); only the demo's accounts have the password "demo".

#include <string>
#include <string_view>

#include "app/clock.hpp"
#include "app/error.hpp"
#include "app/store.hpp"

namespace styr::app {

struct NewAccount {
  std::string organisation;
  std::string username;  //!< 2-64 of a-z 0-9 . _ -
  std::string person;    //!< a person of the organisation; empty for a bare administrator
  bool administrator = false;
  std::string password;
};

enum class PasswordPolicy {
  standard,  //!< at least 10 characters
  demo,      //!< the demo's well-known password; never for a real installation
};

//! Validates, hashes the password (argon2id) and writes the account with one audit entry.
Result<Account> addAccount(Store& store, const Clock& clock, std::string_view actor,
                           const NewAccount& request,
                           PasswordPolicy policy = PasswordPolicy::standard);

}  // namespace styr::app
