#pragma once
// Who can sign in: accounts (a person's, or an administrator's), their sessions, and the API
// tokens of machine clients. Secrets are never kept: a password as its argon2id hash, a
// session's or token's secret as its SHA-256.

#include <string>
#include <string_view>
#include <vector>

namespace styr::app {

struct Account {
  std::string organisation;
  std::string username;
  std::string person;  //!< the person the account belongs to; empty for a bare administrator
  bool administrator = false;
  std::string password_hash;  //!< argon2id, libsodium's crypto_pwhash_str format
  std::string created_at;
};

struct Session {
  std::string secret_hash;  //!< SHA-256 (hex) of the cookie's secret
  std::string organisation;
  std::string username;
  std::string csrf_token;  //!< sent back with every mutation
  std::string created_at;
  std::string last_seen_at;  //!< sessions expire after inactivity, counted from here
};

struct ApiToken {
  std::string organisation;
  std::string name;         //!< unique within the organisation, e.g. "ekonomisystemet"
  std::string secret_hash;  //!< SHA-256 (hex) of the token's secret
  std::vector<std::string> scopes;
  std::string created_by;  //!< the administrator's username
  std::string created_at;
  std::string revoked_at;  //!< empty while the token is valid
};

//! argon2id with libsodium's interactive limits (about 70 ms here: never on an event loop).
std::string hashPassword(std::string_view password);
bool verifyPassword(std::string_view password_hash, std::string_view password);

//! A new random secret (32 bytes, hex) for a session cookie, a CSRF token or an API token.
std::string newSecret();
//! The SHA-256 (hex) a secret is stored and looked up by.
std::string secretHash(std::string_view secret);

}  // namespace styr::app
