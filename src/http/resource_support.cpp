#include "http/resource_support.hpp"

#include <fmt/format.h>

#include <charconv>

#include "app/accounts.hpp"
#include "app/api_tokens.hpp"
#include "app/organisation_queries.hpp"
#include "http/compression.hpp"
#include "http/error_response.hpp"

namespace styr::http {

namespace {

//! How the audit trail names a person's account: the person, with the username that acted.
std::string nameOf(const app::Account& account) {
  if (account.person.empty()) return account.username;
  return fmt::format("{} ({})", account.person, account.username);
}

app::Caller callerOf(const app::Account& account) {
  app::Caller caller;
  caller.actor.organisation = account.organisation;
  caller.actor.person = account.person;
  caller.actor.signed_in = true;
  caller.actor.administrator = account.administrator;
  caller.name = nameOf(account);
  caller.username = account.username;
  return caller;
}

std::optional<app::Result<app::Caller>> fromToken(const ApiContext& context,
                                                  const Request& request) {
  auto header = request.header("Authorization");
  if (!header) return std::nullopt;
  if (header->size() <= kBearerPrefix.size() ||
      !equalsIgnoringCase(header->substr(0, kBearerPrefix.size()), kBearerPrefix)) {
    return app::Result<app::Caller>(app::Error{
        app::ErrorCode::unauthenticated, "the Authorization header must be 'Bearer <token>'", {}});
  }
  auto holder = app::authenticateToken(context.store(), header->substr(kBearerPrefix.size()));
  if (!holder) return app::Result<app::Caller>(holder.error());
  app::Caller caller = callerOf(holder.value().account);
  std::set<access::Scope> scopes;
  for (const auto& scope : holder.value().token.scopes) {
    if (auto parsed = access::parseScope(scope)) scopes.insert(*parsed);
  }
  caller.actor.token_scopes = std::move(scopes);
  caller.name = fmt::format("{} via token {}", caller.name, holder.value().token.name);
  return app::Result<app::Caller>(std::move(caller));
}

}  // namespace

app::Result<app::Caller> identify(const ApiContext& context, const Request& request) {
  if (auto token = fromToken(context, request)) return std::move(*token);
  if (!carriesSession(request)) return app::Caller{};
  const std::uint64_t epoch = context.quick->epoch();
  auto who = authenticateRequest(context, request);
  if (!who) return who.error();
  app::Caller caller = callerOf(who.value().account);
  context.quick->confirmSession(who.value().session.secret_hash, caller, epoch);
  return caller;
}

app::Result<app::Caller> identifyForChange(const ApiContext& context, const Request& request) {
  if (auto token = fromToken(context, request)) return std::move(*token);
  auto who = authenticateMutation(context, request);
  if (!who) return who.error();
  return callerOf(who.value().account);
}

app::UseCaseContext useCases(const ApiContext& context) {
  return app::UseCaseContext{context.store(), *context.clock, *context.models};
}

View::View(app::Caller caller, std::shared_ptr<const app::OrganisationSnapshot> snapshot,
           const domain::Date& today)
    : caller_(std::move(caller)), snapshot_(std::move(snapshot)), today_(today) {}

const access::Rights& View::rights() const {
  if (!rights_) rights_.emplace(caller_.actor, snapshot_->index(), today_);
  return *rights_;
}

bool View::mayRead(const domain::Item& item) const {
  return rights().can(access::Action::read_item, {organisation(), &item, nullptr, {}, {}}).allowed;
}

bool View::mayRead(const domain::SteeringDocument& document) const {
  return rights()
      .can(access::Action::read_document, {organisation(), nullptr, &document, {}, {}})
      .allowed;
}

app::Result<std::unique_ptr<View>> openView(const ApiContext& context, const Request& request) {
  const std::uint64_t epoch = context.quick->epoch();
  auto caller = identify(context, request);
  if (!caller) return caller.error();
  app::Store& store = context.store();
  std::string organisation = caller.value().actor.organisation;
  if (organisation.empty()) {
    auto named = request.queryParam("organisation");
    auto resolved = app::resolveOrganisation(store, named ? *named : std::string_view());
    if (!resolved) return resolved.error();
    organisation = resolved.value().code;
  }
  auto snapshot = context.models->current(store, organisation);
  context.quick->confirmSnapshot(organisation, snapshot->sequence, epoch);
  return std::make_unique<View>(std::move(caller).value(), std::move(snapshot),
                                context.clock->today());
}

namespace {

//! Everything a read's answer depends on (see response_cache.hpp); the target last, as only it
//! can hold a '|'.
std::string keptAnswerKey(const access::Actor& actor, std::int64_t sequence,
                          const domain::Date& today, const Request& request) {
  std::string scopes = "-";
  if (actor.token_scopes) {
    scopes.clear();
    for (access::Scope scope : *actor.token_scopes) {
      scopes += std::string(access::toString(scope)) + ",";
    }
  }
  return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}", actor.organisation, sequence,
                     domain::formatDate(today), actor.signed_in, actor.person, actor.administrator,
                     scopes, request.target);
}

bool acceptsGzip(const Request& request) {
  return http::acceptsGzip(request.header("Accept-Encoding").value_or(""));
}

}  // namespace

Response cachedRead(const ApiContext& context, const View& view, const Request& request,
                    const std::function<Response()>& render) {
  access::Actor actor = view.caller().actor;
  actor.organisation = view.organisation();  // the public's is the one they asked for
  std::string key = keptAnswerKey(actor, view.snapshot().sequence, view.today(), request);
  if (auto kept = context.responses->find(key, acceptsGzip(request))) return std::move(*kept);
  Response response = render();
  context.responses->keep(key, response);
  return response;
}

std::optional<Response> quickRead(const ApiContext& context, const Request& request) {
  if (request.header("Authorization")) return std::nullopt;  // tokens: the ordinary way
  auto secret = sessionSecret(request);
  if (!secret || secret->empty()) return std::nullopt;  // the public: likewise
  auto caller = context.quick->session(app::secretHash(*secret));
  if (!caller) return std::nullopt;
  auto sequence = context.quick->sequence(caller->actor.organisation);
  if (!sequence) return std::nullopt;
  return context.responses->find(
      keptAnswerKey(caller->actor, *sequence, context.clock->today(), request),
      acceptsGzip(request));
}

std::optional<app::Error> check(const View& view, access::Action action,
                                const access::Subject& subject) {
  if (auto decision = view.can(action, subject); !decision) {
    if (!view.caller().actor.signed_in) {
      return app::Error{
          app::ErrorCode::unauthenticated, fmt::format("sign in first: {}", decision.reason), {}};
    }
    return app::notAllowed(decision);
  }
  return std::nullopt;
}

std::optional<app::Error> checkScope(const View& view, access::Scope scope) {
  const auto& scopes = view.caller().actor.token_scopes;
  if (!scopes || scopes->count(scope) > 0) return std::nullopt;
  return app::Error{app::ErrorCode::forbidden,
                    fmt::format("this needs a token with the scope {}", access::toString(scope)),
                    {}};
}

namespace {

std::optional<std::size_t> positive(std::string_view text) {
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

}  // namespace

app::Result<Paging> parsePaging(const Request& request) {
  Paging paging;
  app::Error invalid{app::ErrorCode::invalid_input, "the paging parameters are wrong", {}};
  if (auto page = request.queryParam("page")) {
    if (auto value = positive(*page)) {
      paging.page = *value;
    } else {
      invalid.details.push_back({"page", "", "a page number from 1"});
    }
  }
  if (auto per_page = request.queryParam("per_page")) {
    if (auto value = positive(*per_page); value && *value <= 500) {
      paging.per_page = *value;
    } else {
      invalid.details.push_back({"per_page", "", "from 1 to 500"});
    }
  }
  if (!invalid.details.empty()) return invalid;
  return paging;
}

nlohmann::json pageOf(const nlohmann::json& all, const Paging& paging) {
  nlohmann::json items = nlohmann::json::array();
  std::size_t first = (paging.page - 1) * paging.per_page;
  for (std::size_t i = first; i < all.size() && i < first + paging.per_page; ++i) {
    items.push_back(all[i]);
  }
  return {{"items", std::move(items)},
          {"page", paging.page},
          {"per_page", paging.per_page},
          {"total", all.size()}};
}

app::Result<std::optional<int>> yearParam(const Request& request, std::string_view name) {
  auto text = request.queryParam(name);
  if (!text) return std::optional<int>();
  int year = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), year);
  if (error != std::errc() || end != text->data() + text->size() || year < 1900 || year > 2200) {
    return app::Error{app::ErrorCode::invalid_input,
                      fmt::format("{} must be a year, such as 2026", name),
                      {{std::string(name), "", "a year from 1900 to 2200"}}};
  }
  return std::optional<int>(year);
}

std::string etagOf(std::int64_t revision) {
  return fmt::format("\"{}\"", revision);
}

app::Result<app::ExpectedRevision> expectedRevision(const Request& request) {
  auto header = request.header("If-Match");
  if (!header || *header == "*") return app::ExpectedRevision();
  std::string_view tag = *header;
  std::int64_t revision = 0;
  if (tag.size() >= 3 && tag.front() == '"' && tag.back() == '"') {
    auto digits = tag.substr(1, tag.size() - 2);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), revision);
    if (error == std::errc() && end == digits.data() + digits.size() && revision > 0) {
      return app::ExpectedRevision(revision);
    }
  }
  return app::Error{app::ErrorCode::invalid_input,
                    "If-Match must be an ETag this server gave, such as \"3\"",
                    {{"If-Match", "", "send the ETag of the record as you read it"}}};
}

app::Result<nlohmann::json> objectBody(const Request& request) {
  auto body = jsonBody(request);
  if (!body) {
    return app::Error{app::ErrorCode::invalid_input,
                      "the request body is not valid JSON",
                      {{"body", "", "send a JSON object"}}};
  }
  if (!body->is_object()) {
    return app::Error{app::ErrorCode::invalid_input,
                      "the request body must be a JSON object",
                      {{"body", "", "send a JSON object"}}};
  }
  return std::move(*body);
}

app::Error invalidBody(const std::vector<interchange::Problem>& problems) {
  app::Error error{app::ErrorCode::invalid_input,
                   fmt::format("the request body has {} problem{}; nothing was written",
                               problems.size(), problems.size() == 1 ? "" : "s"),
                   {}};
  for (const auto& problem : problems)
    error.details.push_back({problem.where, "", problem.message});
  return error;
}

nlohmann::json UnitScope::json() const {
  return whole ? nlohmann::json(nullptr) : nlohmann::json(roots);
}

namespace {

void addSubtree(const domain::ChainIndex& index, std::string_view unit,
                std::unordered_set<std::string_view>& units) {
  const domain::Unit* found = index.unit(unit);
  if (found == nullptr || !units.insert(found->code).second) return;
  for (const domain::Unit* child : index.children(found->code)) {
    addSubtree(index, child->code, units);
  }
}

}  // namespace

app::Result<UnitScope> unitScopeOf(const View& view, access::Action action,
                                   const Request& request) {
  const domain::ChainIndex& index = view.index();
  access::Subject subject{view.organisation(), nullptr, nullptr, {}, {}};
  UnitScope scope;
  auto unit = request.queryParam("unit");
  if (unit && !unit->empty()) {
    if (index.unit(*unit) == nullptr) {
      return app::Error{app::ErrorCode::not_found,
                        fmt::format("there is no unit {}", *unit),
                        {{"unit", "", "a unit code of the organisation"}}};
    }
    subject.unit = *unit;
    if (auto refused = check(view, action, subject)) return *refused;
    scope.whole = false;
    scope.roots.emplace_back(*unit);
  } else {
    if (auto refused = check(view, action, subject)) return *refused;
    // The rules let a head ask for the whole organisation and leave it to the API to show
    // their subtrees; asking the rules for the highest units allowed, rather than repeating
    // which memberships make a head, keeps one place that decides.
    auto allowed = [&](const domain::Unit& candidate) {
      access::Subject part = subject;
      part.unit = candidate.code;
      return view.can(action, part).allowed;
    };
    for (const domain::Unit& candidate : index.data().units) {
      if (!allowed(candidate)) {
        if (candidate.parent.empty()) scope.whole = false;
        continue;
      }
      const domain::Unit* parent = index.unit(candidate.parent);
      if (parent == nullptr || !allowed(*parent)) scope.roots.push_back(candidate.code);
    }
    if (scope.whole) scope.roots.clear();
  }
  for (const auto& root : scope.roots) addSubtree(index, root, scope.units);
  return scope;
}

}  // namespace styr::http
