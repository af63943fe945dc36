#pragma once
// What the resource routes share: who is asking (a session, an API token, or nobody), the
// organisation's snapshot with that caller's rights over it, paging, and revisions as ETags.

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "access/permissions.hpp"
#include "app/changes.hpp"
#include "app/error.hpp"
#include "app/item_use_cases.hpp"
#include "app/read_model.hpp"
#include "http/message.hpp"
#include "http/session_routes.hpp"
#include "interchange/problem.hpp"

namespace styr::http {

inline constexpr std::string_view kBearerPrefix = "Bearer ";

//! Who is asking. A request with neither a session cookie nor a bearer token is nobody (the
//! public); a broken or expired one is unauthenticated, never silently the public.
app::Result<app::Caller> identify(const ApiContext& context, const Request& request);

//! Who is asking to change something: a session that also sent its CSRF token, or an API
//! token (machine clients send no cookies, so cross-site requests cannot use their rights).
app::Result<app::Caller> identifyForChange(const ApiContext& context, const Request& request);

//! The use cases' context on the calling thread's store.
app::UseCaseContext useCases(const ApiContext& context);

//! A caller's view of their organisation today: the snapshot and their rights over it.
class View {
 public:
  View(app::Caller caller, std::shared_ptr<const app::OrganisationSnapshot> snapshot,
       const domain::Date& today);
  View(const View&) = delete;
  View& operator=(const View&) = delete;

  [[nodiscard]] const app::Caller& caller() const { return caller_; }
  [[nodiscard]] const app::OrganisationSnapshot& snapshot() const { return *snapshot_; }
  [[nodiscard]] const domain::ChainIndex& index() const { return snapshot_->index(); }
  [[nodiscard]] const std::string& organisation() const {
    return snapshot_->data().organisation.code;
  }
  [[nodiscard]] const domain::Date& today() const { return today_; }
  [[nodiscard]] access::Decision can(access::Action action, const access::Subject& subject) const {
    return rights().can(action, subject);
  }
  [[nodiscard]] bool mayRead(const domain::Item& item) const;
  [[nodiscard]] bool mayRead(const domain::SteeringDocument& document) const;

 private:
  app::Caller caller_;
  std::shared_ptr<const app::OrganisationSnapshot> snapshot_;
  //! Built at the first question: deriving a head's rights indexes every membership of the
  //! organisation, which a kept answer (cachedRead) never needs.
  [[nodiscard]] const access::Rights& rights() const;

  domain::Date today_;
  mutable std::optional<access::Rights> rights_;
};

//! The caller's view: their own organisation when signed in; for nobody, the organisation the
//! `organisation` query parameter names, or the database's only one.
app::Result<std::unique_ptr<View>> openView(const ApiContext& context, const Request& request);

//! The answer `render` gives for this caller and request, kept (ResponseCache) for the next
//! request of the same target by a caller with the same rights while the snapshot is
//! current. Only for reads whose answer depends on nothing else.
Response cachedRead(const ApiContext& context, const View& view, const Request& request,
                    const std::function<Response()>& render);

//! A kept answer (cachedRead's) for a signed-in session, found without the store from what
//! `context.quick` was recently told; nullopt when it must be asked (see quick_reads.hpp).
//! Never blocks: the server calls it on its io threads.
std::optional<Response> quickRead(const ApiContext& context, const Request& request);

//! forbidden when the caller may not, else nullopt.
std::optional<app::Error> check(const View& view, access::Action action,
                                const access::Subject& subject);

//! forbidden when the caller is a machine client whose token lacks `scope`. Lists filter
//! records one by one, and a token without the scope would otherwise get an empty list
//! instead of being told why.
std::optional<app::Error> checkScope(const View& view, access::Scope scope);

//! ?page= (from 1) and ?per_page= (1-500, default 50).
struct Paging {
  std::size_t page = 1;
  std::size_t per_page = 50;
};
app::Result<Paging> parsePaging(const Request& request);

//! {"items": [the page's slice of `all`], "page", "per_page", "total"}.
nlohmann::json pageOf(const nlohmann::json& all, const Paging& paging);

//! A year from a query parameter (nullopt when absent; invalid_input when not a year).
app::Result<std::optional<int>> yearParam(const Request& request, std::string_view name);

//! The ETag of a record at a revision, e.g. "\"7\"".
std::string etagOf(std::int64_t revision);
//! If-Match as the revision it expects: nullopt when absent or "*"; invalid_input when it is
//! not an ETag this server gave.
app::Result<app::ExpectedRevision> expectedRevision(const Request& request);

//! A JSON body that must be an object; invalid_input saying so otherwise.
app::Result<nlohmann::json> objectBody(const Request& request);

//! invalid_input listing the problems a body's reader found.
app::Error invalidBody(const std::vector<interchange::Problem>& problems);

//! The part of the organisation a read of figures covers (the coverage, statistics, the
//! follow-up overview): the whole, or the subtrees below `roots`.
struct UnitScope {
  bool whole = true;
  std::vector<std::string> roots;
  //! The roots and every unit below them (views into the snapshot's data).
  std::unordered_set<std::string_view> units;

  [[nodiscard]] bool contains(std::string_view unit) const {
    return whole || (!unit.empty() && units.count(unit) != 0);
  }
  //! null for the whole organisation, else the roots.
  [[nodiscard]] nlohmann::json json() const;
};

//! The scope of `action` (one that takes `unit` like read_coverage) for the caller: the unit
//! asked for with ?unit=, else the whole organisation if the caller may see it, else the
//! subtrees of the highest units the rules allow them (a head's own). not_found for an unknown
//! unit, forbidden when the caller may not.
app::Result<UnitScope> unitScopeOf(const View& view, access::Action action, const Request& request);

}  // namespace styr::http
