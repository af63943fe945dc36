#include "app/api_tokens.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>

#include "access/action.hpp"
#include "app/accounts.hpp"
#include "app/audit_trail.hpp"

namespace styr::app {

namespace {

bool isTokenName(std::string_view name) {
  return name.size() >= 2 && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                  c == '-';
         });
}

std::string tokenJson(const ApiToken& token) {
  nlohmann::json json{{"name", token.name},
                      {"scopes", token.scopes},
                      {"created_by", token.created_by},
                      {"created_at", token.created_at}};
  if (!token.revoked_at.empty()) json["revoked_at"] = token.revoked_at;
  return json.dump();
}

//! The caller's manage_tokens rights, derived once for however many tokens are asked about.
class TokenRights {
 public:
  TokenRights(const UseCaseContext& context, const Caller& caller)
      : snapshot_(context.models.current(context.store, caller.actor.organisation)),
        rights_(caller.actor, snapshot_->index(), context.clock.today()),
        organisation_(caller.actor.organisation) {}

  //! manage_tokens on the tokens of `owner` (an account of the caller's organisation).
  [[nodiscard]] std::optional<Error> mayManage(const Account& owner) const {
    access::Subject subject{organisation_, nullptr, nullptr, {}, owner.person};
    if (auto decision = rights_.can(access::Action::manage_tokens, subject); !decision) {
      return notAllowed(decision);
    }
    return std::nullopt;
  }

 private:
  std::shared_ptr<const OrganisationSnapshot> snapshot_;  // the rights look into its index
  access::Rights rights_;
  std::string organisation_;
};

std::optional<Error> mayManage(const UseCaseContext& context, const Caller& caller,
                               const Account& owner) {
  return TokenRights(context, caller).mayManage(owner);
}

}  // namespace

Result<CreatedToken> createApiToken(const UseCaseContext& context, const Caller& caller,
                                    std::string_view username, std::string name,
                                    const std::vector<std::string>& scopes) {
  Error invalid{ErrorCode::invalid_input, "the token cannot be created; nothing was written", {}};
  if (!isTokenName(name)) {
    invalid.details.push_back({"name", "", "2-64 of a-z, 0-9, '.', '_' and '-'"});
  }
  if (scopes.empty()) {
    invalid.details.push_back({"scopes", "", "a token needs at least one scope"});
  }
  std::set<std::string> unique;
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    if (!access::parseScope(scopes[i])) {
      std::string known;
      for (auto scope : access::allScopes()) {
        known += (known.empty() ? "" : ", ") + std::string(access::toString(scope));
      }
      invalid.details.push_back(
          {fmt::format("scopes[{}]", i), "",
           fmt::format("'{}' is no scope; the scopes are {}", scopes[i], known)});
    }
    unique.insert(scopes[i]);
  }
  if (!invalid.details.empty()) return invalid;
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto owner = context.store.account(organisation, username);
  if (!owner) return Error{ErrorCode::unauthenticated, "your account no longer exists", {}};
  if (auto refused = mayManage(context, caller, *owner)) return *refused;
  auto existing = context.store.apiTokens(organisation);
  if (std::any_of(existing.begin(), existing.end(),
                  [&](const ApiToken& token) { return token.name == name; })) {
    return Error{ErrorCode::conflict,
                 fmt::format("there is already a token named {} (revoked ones keep their name, "
                             "so the audit trail stays unambiguous)",
                             name),
                 {{"name", "", "choose another name"}}};
  }
  CreatedToken created;
  created.secret = newSecret();
  created.token = ApiToken{organisation,
                           std::move(name),
                           secretHash(created.secret),
                           {unique.begin(), unique.end()},
                           owner->username,
                           formatTimestamp(context.clock.now()),
                           {}};
  context.store.insertApiToken(created.token);
  AuditTrail trail(context.clock, organisation, caller.name);
  trail.record("api_token.created", "api_token", created.token.name, "", tokenJson(created.token));
  trail.write(context.store);
  transaction.commit();
  return created;
}

Result<ApiToken> revokeApiToken(const UseCaseContext& context, const Caller& caller,
                                std::string_view username, std::string_view name) {
  const std::string& organisation = caller.actor.organisation;
  Transaction transaction(context.store);
  context.store.lockOrganisation(organisation);
  auto tokens = context.store.apiTokens(organisation);
  auto token = std::find_if(tokens.begin(), tokens.end(),
                            [&](const ApiToken& candidate) { return candidate.name == name; });
  Error missing{ErrorCode::not_found, fmt::format("there is no valid token named {}", name), {}};
  if (token == tokens.end() || !token->revoked_at.empty()) return missing;
  auto owner = context.store.account(organisation, token->created_by);
  if (!owner) return missing;
  // One's own tokens too: a machine client without the scope administer revokes none.
  // Someone else's token the caller may not manage is not revealed to exist.
  if (auto refused = mayManage(context, caller, *owner)) {
    return owner->username == username ? *refused : missing;
  }
  std::string at = formatTimestamp(context.clock.now());
  if (!context.store.revokeApiToken(organisation, name, at)) return missing;
  ApiToken before = *token;
  token->revoked_at = at;
  AuditTrail trail(context.clock, organisation, caller.name);
  trail.record("api_token.revoked", "api_token", token->name, tokenJson(before), tokenJson(*token));
  trail.write(context.store);
  transaction.commit();
  return *token;
}

Result<std::vector<ApiToken>> listApiTokens(const UseCaseContext& context, const Caller& caller,
                                            std::string_view username) {
  const std::string& organisation = caller.actor.organisation;
  auto own = context.store.account(organisation, username);
  if (!own) return Error{ErrorCode::unauthenticated, "your account no longer exists", {}};
  TokenRights rights(context, caller);
  // Listing is managing: a machine client without the scope administer lists none, not
  // even its creator's.
  if (auto refused = rights.mayManage(*own)) return *refused;
  std::vector<ApiToken> visible;
  for (ApiToken& token : context.store.apiTokens(organisation)) {
    if (token.created_by == username) {
      visible.push_back(std::move(token));
      continue;
    }
    if (auto owner = context.store.account(organisation, token.created_by)) {
      if (!rights.mayManage(*owner)) visible.push_back(std::move(token));
    }
  }
  return visible;
}

Result<TokenHolder> authenticateToken(Store& store, std::string_view secret) {
  Error refused{ErrorCode::unauthenticated, "the API token is unknown or revoked", {}};
  auto token = store.apiToken(secretHash(secret));
  if (!token || !token->revoked_at.empty()) return refused;
  auto account = store.account(token->organisation, token->created_by);
  if (!account) return refused;
  return TokenHolder{std::move(*token), std::move(*account)};
}

}  // namespace styr::app
