#include "app/sessions.hpp"

namespace styr::app {

namespace {

Error wrongCredentials() {
  return Error{ErrorCode::unauthenticated, "the username or the password is wrong", {}};
}

Error noSession() {
  return Error{ErrorCode::unauthenticated, "not signed in, or the session has expired", {}};
}

// A hash of a password nobody has, verified against when the username is unknown, so that an
// unknown username costs as much time as a wrong password.
const std::string& decoyHash() {
  static const std::string hash = hashPassword(newSecret());
  return hash;
}

}  // namespace

Result<SignedIn> signIn(Store& store, const Clock& clock, std::string_view organisation,
                        std::string_view username, std::string_view password) {
  auto account = store.account(organisation, username);
  if (!account) {
    verifyPassword(decoyHash(), password);
    return wrongCredentials();
  }
  if (!verifyPassword(account->password_hash, password)) return wrongCredentials();
  SignedIn signed_in;
  signed_in.secret = newSecret();
  std::string now = formatTimestamp(clock.now());
  signed_in.session = Session{secretHash(signed_in.secret),
                              account->organisation,
                              account->username,
                              newSecret(),
                              now,
                              now};
  signed_in.account = std::move(*account);
  Transaction transaction(store);
  store.insertSession(signed_in.session);
  transaction.commit();
  return signed_in;
}

Result<Authenticated> authenticate(Store& store, const Clock& clock, std::string_view secret,
                                   std::chrono::seconds idle_limit) {
  std::string hash = secretHash(secret);
  auto session = store.session(hash);
  if (!session) return noSession();
  auto now = clock.now();
  if (session->last_seen_at < formatTimestamp(now - idle_limit)) {
    Transaction transaction(store);
    store.deleteSession(hash);
    transaction.commit();
    return noSession();
  }
  auto account = store.account(session->organisation, session->username);
  if (!account) return noSession();
  // Refreshed at most once a minute, so that reading pages does not write on every request.
  if (session->last_seen_at < formatTimestamp(now - std::chrono::minutes(1))) {
    session->last_seen_at = formatTimestamp(now);
    Transaction transaction(store);
    store.touchSession(hash, session->last_seen_at);
    transaction.commit();
  }
  return Authenticated{std::move(*session), std::move(*account)};
}

void signOut(Store& store, std::string_view secret) {
  Transaction transaction(store);
  store.deleteSession(secretHash(secret));
  transaction.commit();
}

}  // namespace styr::app
