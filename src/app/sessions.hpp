#pragma once
// Signing in and out, and recognising a signed-in user again. A session's secret lives only in
// the user's cookie; the store keeps its hash, so any server process can recognise it.

#include <chrono>
#include <string>
#include <string_view>

#include "app/clock.hpp"
#include "app/error.hpp"
#include "app/store.hpp"

namespace styr::app {

struct SignedIn {
  std::string secret;  //!< for the session cookie; not kept anywhere else
  Session session;
  Account account;
};

//! Checks the password and opens a session. A wrong username and a wrong password give the
//! same error, after the same work, so an answer never tells whether a username exists.
Result<SignedIn> signIn(Store& store, const Clock& clock, std::string_view organisation,
                        std::string_view username, std::string_view password);

struct Authenticated {
  Session session;
  Account account;
};

//! The session a cookie's secret opens, unless it has been idle longer than `idle_limit`
//! (then it is removed). Seeing it again keeps it alive.
Result<Authenticated> authenticate(Store& store, const Clock& clock, std::string_view secret,
                                   std::chrono::seconds idle_limit);

//! Ends the session the secret opens (nothing happens for an unknown secret).
void signOut(Store& store, std::string_view secret);

}  // namespace styr::app
