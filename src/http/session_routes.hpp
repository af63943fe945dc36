#pragma once
// Signing in and out over HTTP, and recognising the signed-in user on later requests: the
// session cookie (HttpOnly, SameSite=Strict) carries the secret, and every mutation must
// send the session's CSRF token back in the X-CSRF-Token header.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/clock.hpp"
#include "app/error.hpp"
#include "app/read_model.hpp"
#include "app/sessions.hpp"
#include "app/sign_in_throttle.hpp"
#include "app/store.hpp"
#include "http/message.hpp"
#include "http/quick_reads.hpp"
#include "http/response_cache.hpp"
#include "http/router.hpp"

namespace styr::http {

inline constexpr std::string_view kSessionCookie = "styr_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

//! What the API's handlers share: the store of the thread they run on, the clock, and how
//! long a session may be idle.
struct ApiContext {
  std::function<app::Store&()> store;
  const app::Clock* clock = nullptr;
  std::chrono::seconds session_idle_limit = std::chrono::hours(8);
  //! Failed sign-ins, per address and per account, shared by the server's threads.
  std::shared_ptr<app::SignInThrottle> throttle = std::make_shared<app::SignInThrottle>();
  //! The organisations' snapshots, shared by the server's threads.
  std::shared_ptr<app::ReadModels> models = std::make_shared<app::ReadModels>();
  //! Rendered answers to the most asked-for reads, while their snapshot is current.
  std::shared_ptr<ResponseCache> responses = std::make_shared<ResponseCache>();
  //! Who asked and which snapshot was current, as recently learnt from the store: kept
  //! answers are served from them on the io threads.
  std::shared_ptr<QuickReads> quick = std::make_shared<QuickReads>();
};

//! The secret the request's session cookie carries, if any.
std::optional<std::string> sessionSecret(const Request& request);

//! Whether the request carries a session cookie at all (without one it is the public's).
bool carriesSession(const Request& request);

//! The session the request's cookie opens (unauthenticated when there is none).
app::Result<app::Authenticated> authenticateRequest(const ApiContext& context,
                                                    const Request& request);

//! The session, if the request also carries its CSRF token (forbidden when it does not).
app::Result<app::Authenticated> authenticateMutation(const ApiContext& context,
                                                     const Request& request);

//! POST, GET and DELETE /api/v1/session.
void addSessionRoutes(Router& router, const ApiContext& context);

}  // namespace styr::http
