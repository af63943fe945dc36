#pragma once
// API tokens for machine clients (other municipal systems). A token acts for the account that
// created it, within its scopes (access::Scope); its secret is shown once, at creation, and
// kept only as a hash. Creating and revoking are audited like every other change.

#include <string>
#include <string_view>
#include <vector>

#include "app/changes.hpp"
#include "app/clock.hpp"
#include "app/error.hpp"
#include "app/item_use_cases.hpp"
#include "app/store.hpp"

namespace styr::app {

struct CreatedToken {
  ApiToken token;
  std::string secret;  //!< for the client's Authorization header; not kept anywhere else
};

//! A new token of the caller's account (`username`) named `name` (2-64 of a-z 0-9 . _ -,
//! unique in the organisation) with at least one scope.
Result<CreatedToken> createApiToken(const UseCaseContext& context, const Caller& caller,
                                    std::string_view username, std::string name,
                                    const std::vector<std::string>& scopes);

//! Revokes a valid token: the caller's own, or anyone's for an administrator (manage_tokens,
//! so a machine client needs the scope administer). Someone else's token the caller may not
//! manage is not found, so its name is not revealed.
Result<ApiToken> revokeApiToken(const UseCaseContext& context, const Caller& caller,
                                std::string_view username, std::string_view name);

//! The organisation's tokens the caller may see: an administrator all, others their own
//! (`username` is the caller's account); forbidden without manage_tokens on their own.
Result<std::vector<ApiToken>> listApiTokens(const UseCaseContext& context, const Caller& caller,
                                            std::string_view username);

struct TokenHolder {
  ApiToken token;
  Account account;  //!< the account it acts for
};

//! The valid token a secret opens; unauthenticated (saying nothing more) otherwise.
Result<TokenHolder> authenticateToken(Store& store, std::string_view secret);

}  // namespace styr::app
