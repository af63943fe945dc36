#include "http/people_routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "app/membership_use_cases.hpp"
#include "http/error_response.hpp"
#include "http/representations.hpp"
#include "http/resource_support.hpp"
#include "interchange/json_reader.hpp"
#include "interchange/organisation_json.hpp"

namespace styr::http {

namespace {

using access::Action;
using domain::Membership;
using domain::Person;
using domain::Unit;

app::Error notFound(std::string message) {
  return app::Error{app::ErrorCode::not_found, std::move(message), {}};
}

// --- Names as people search and sort them -------------------------------------------------

//! Lower case of ASCII and of Latin-1's capitals (Å Ä Ö É ...), which in UTF-8 are 0xC3
//! followed by 0x80-0x9E (0x97 is the multiplication sign): enough for Swedish names.
std::string foldCase(std::string_view text) {
  std::string folded(text);
  for (std::size_t i = 0; i < folded.size(); ++i) {
    auto byte = static_cast<unsigned char>(folded[i]);
    if (byte >= 'A' && byte <= 'Z') {
      folded[i] = static_cast<char>(byte + ('a' - 'A'));
    } else if (byte == 0xC3 && i + 1 < folded.size()) {
      auto next = static_cast<unsigned char>(folded[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) {
        folded[i + 1] = static_cast<char>(next + 0x20);
      }
      ++i;
    }
  }
  return folded;
}

//! The code points of UTF-8 text; an ill-formed byte stands for itself.
std::vector<std::uint32_t> codePoints(std::string_view text) {
  std::vector<std::uint32_t> points;
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80             ? 1
                         : (byte & 0xE0) == 0xC0 ? 2
                         : (byte & 0xF0) == 0xE0 ? 3
                         : (byte & 0xF8) == 0xF0 ? 4
                                                 : 0;
    bool whole = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; whole && k < length; ++k) {
      whole = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    if (!whole || length == 1) {
      points.push_back(byte);
      ++i;
      continue;
    }
    std::uint32_t point = byte & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    points.push_back(point);
    i += length;
  }
  return points;
}

//! A key that orders names as a Swedish reader expects: case ignored, é with e, and å, ä, ö
//! as the last letters of the alphabet, after z.
std::vector<std::uint32_t> swedishOrder(std::string_view name) {
  std::vector<std::uint32_t> key;
  for (std::uint32_t point : codePoints(foldCase(name))) {
    switch (point) {
      case 0xE9:  // é
      case 0xE8:  // è
        key.push_back('e' * 4);
        break;
      case 0xE5:  // å
        key.push_back('z' * 4 + 1);
        break;
      case 0xE4:  // ä
      case 0xE6:  // æ
        key.push_back('z' * 4 + 2);
        break;
      case 0xF6:  // ö
      case 0xF8:  // ø
        key.push_back('z' * 4 + 3);
        break;
      case 0xFC:  // ü, which Swedish sorts as y
        key.push_back('y' * 4);
        break;
      default:
        key.push_back(point * 4);
    }
  }
  return key;
}

bool matchesQuery(const Person& person, const std::string& folded_query) {
  if (folded_query.empty()) return true;
  for (const std::string& name :
       {person.given_name, person.family_name, person.given_name + " " + person.family_name}) {
    if (foldCase(name).find(folded_query) != std::string::npos) return true;
  }
  return false;
}

// --- Representations ----------------------------------------------------------------------

nlohmann::json dateOrNull(const std::optional<domain::Date>& date) {
  return date ? nlohmann::json(domain::formatDate(*date)) : nlohmann::json(nullptr);
}

//! Whoever answers for a unit: its head, or a political body's chair.
bool leads(const Membership& membership) {
  return membership.role == domain::Role::head || membership.role == domain::Role::chair;
}

nlohmann::json membershipJson(const domain::ChainIndex& index, const Membership& membership,
                              const domain::Date& today) {
  nlohmann::json json = interchange::recordObject(membership);
  json["person_name"] = personName(index, membership.person);
  json["unit_name"] = unitName(index, membership.unit);
  json["current"] = domain::isValidOn(membership.valid_from, membership.valid_to, today);
  return json;
}

nlohmann::json personJson(const domain::ChainIndex& index, const Person& person,
                          const domain::Date& today) {
  nlohmann::json json = interchange::recordObject(person);
  nlohmann::json memberships = nlohmann::json::array();
  for (const Membership& membership : index.data().memberships) {
    if (membership.person == person.code) {
      memberships.push_back(membershipJson(index, membership, today));
    }
  }
  json["memberships"] = std::move(memberships);
  return json;
}

//! The unit and its subtree; with `only_valid`, units not valid on `day` are left out.
nlohmann::json unitNodeJson(const domain::ChainIndex& index, const Unit& unit,
                            const domain::Date& day, bool only_valid) {
  nlohmann::json node = interchange::recordObject(unit);
  nlohmann::json heads = nlohmann::json::array();
  for (const Membership* membership : index.membershipsOf(unit.code)) {
    if (leads(*membership) &&
        domain::isValidOn(membership->valid_from, membership->valid_to, day)) {
      heads.push_back({{"person", membership->person},
                       {"name", personName(index, membership->person)},
                       {"role", domain::toString(membership->role)}});
    }
  }
  node["heads"] = std::move(heads);
  nlohmann::json children = nlohmann::json::array();
  for (const Unit* child : index.children(unit.code)) {
    if (only_valid && !domain::isValidOn(child->valid_from, child->valid_to, day)) continue;
    children.push_back(unitNodeJson(index, *child, day, only_valid));
  }
  node["children"] = std::move(children);
  return node;
}

//! ?as_of=YYYY-MM-DD, if given.
app::Result<std::optional<domain::Date>> asOfParam(const Request& request) {
  auto text = request.queryParam("as_of");
  if (!text) return std::optional<domain::Date>();
  auto day = domain::parseDate(*text);
  if (!day) {
    return app::Error{app::ErrorCode::invalid_input,
                      fmt::format("as_of must be a day as YYYY-MM-DD, not '{}'", *text),
                      {{"as_of", "", "a real calendar day, such as 2025-11-30"}}};
  }
  return std::optional<domain::Date>(*day);
}

app::Error signInToReadPeople() {
  return app::Error{
      app::ErrorCode::unauthenticated, "sign in to read people: they are personal data", {}};
}

// --- Units --------------------------------------------------------------------------------

Response unitTree(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  if (auto refused =
          check(reader, Action::read_units, {reader.organisation(), nullptr, nullptr, {}, {}})) {
    return errorResponse(*refused);
  }
  auto as_of = asOfParam(request);
  if (!as_of) return errorResponse(as_of.error());
  bool only_valid = as_of.value().has_value();
  domain::Date day = as_of.value().value_or(reader.today());
  const auto& units = reader.snapshot().data().units;
  auto root = std::find_if(units.begin(), units.end(),
                           [](const Unit& unit) { return unit.parent.empty(); });
  nlohmann::json tree = nullptr;
  if (root != units.end() &&
      (!only_valid || domain::isValidOn(root->valid_from, root->valid_to, day))) {
    tree = unitNodeJson(reader.index(), *root, day, only_valid);
  }
  return json(200, {{"as_of", domain::formatDate(day)}, {"root", std::move(tree)}});
}

Response oneUnit(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  std::string code(request.pathParam("code"));
  if (auto refused =
          check(reader, Action::read_units, {reader.organisation(), nullptr, nullptr, code, {}})) {
    return errorResponse(*refused);
  }
  const Unit* unit = reader.index().unit(code);
  if (unit == nullptr) return errorResponse(notFound(fmt::format("there is no unit {}", code)));
  auto as_of = asOfParam(request);
  if (!as_of) return errorResponse(as_of.error());
  bool only_valid = as_of.value().has_value();
  domain::Date day = as_of.value().value_or(reader.today());

  nlohmann::json body = interchange::recordObject(*unit);
  body["parent_name"] = unit->parent.empty()
                            ? nlohmann::json(nullptr)
                            : nlohmann::json(unitName(reader.index(), unit->parent));
  nlohmann::json children = nlohmann::json::array();
  for (const Unit* child : reader.index().children(code)) {
    if (only_valid && !domain::isValidOn(child->valid_from, child->valid_to, day)) continue;
    children.push_back({{"code", child->code},
                        {"name", child->name},
                        {"kind", domain::toString(child->kind)},
                        {"valid_from", domain::formatDate(child->valid_from)},
                        {"valid_to", dateOrNull(child->valid_to)}});
  }
  body["children"] = std::move(children);
  // Who answers for a unit is no secret to anyone who reads the tree; its other members are
  // personal data, for those who may read the unit's people.
  bool all_members =
      reader.can(Action::read_people, {reader.organisation(), nullptr, nullptr, code, {}}).allowed;
  std::vector<const Membership*> shown;
  for (const Membership* membership : reader.index().membershipsOf(code)) {
    if (!domain::isValidOn(membership->valid_from, membership->valid_to, day)) continue;
    if (all_members || leads(*membership)) shown.push_back(membership);
  }
  auto order = [&](const Membership* membership) {
    const Person* person = reader.index().person(membership->person);
    return std::make_tuple(static_cast<int>(membership->role),
                           swedishOrder(person ? person->family_name : ""),
                           swedishOrder(person ? person->given_name : ""), membership->person);
  };
  std::stable_sort(shown.begin(), shown.end(),
                   [&](const Membership* a, const Membership* b) { return order(a) < order(b); });
  nlohmann::json memberships = nlohmann::json::array();
  for (const Membership* membership : shown) {
    memberships.push_back({{"person", membership->person},
                           {"name", personName(reader.index(), membership->person)},
                           {"role", domain::toString(membership->role)},
                           {"valid_from", domain::formatDate(membership->valid_from)},
                           {"valid_to", dateOrNull(membership->valid_to)}});
  }
  body["as_of"] = domain::formatDate(day);
  body["memberships"] = std::move(memberships);
  body["all_members"] = all_members;
  return json(200, body);
}

// --- People -------------------------------------------------------------------------------

Response listPeople(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  if (!reader.caller().actor.signed_in) return errorResponse(signInToReadPeople());
  // Everyone signed in reads at least their own record; a token without the read scope not
  // even that, and is told so rather than given an empty list.
  if (auto refused =
          check(reader, Action::read_people,
                {reader.organisation(), nullptr, nullptr, {}, reader.caller().actor.person})) {
    return errorResponse(*refused);
  }
  auto paging = parsePaging(request);
  if (!paging) return errorResponse(paging.error());
  auto unit = request.queryParam("unit");
  if (unit && !unit->empty() && reader.index().unit(*unit) == nullptr) {
    return errorResponse({app::ErrorCode::invalid_input,
                          fmt::format("there is no unit {} to list the people of", *unit),
                          {{"unit", "", "name a unit of the organisation"}}});
  }
  std::string query = foldCase(request.queryParam("q").value_or(""));
  std::vector<const Person*> found;
  for (const Person& person : reader.snapshot().data().people) {
    if (unit && !unit->empty() && !reader.index().isMemberOn(person.code, *unit, reader.today())) {
      continue;
    }
    if (!matchesQuery(person, query)) continue;
    if (!reader.can(Action::read_people,
                    {reader.organisation(), nullptr, nullptr, {}, person.code})) {
      continue;
    }
    found.push_back(&person);
  }
  auto order = [](const Person* person) {
    return std::make_tuple(swedishOrder(person->family_name), swedishOrder(person->given_name),
                           person->code);
  };
  std::sort(found.begin(), found.end(),
            [&](const Person* a, const Person* b) { return order(a) < order(b); });
  nlohmann::json all = nlohmann::json::array();
  for (const Person* person : found)
    all.push_back(nlohmann::json(interchange::recordObject(*person)));
  return json(200, pageOf(all, paging.value()));
}

Response onePerson(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  if (!reader.caller().actor.signed_in) return errorResponse(signInToReadPeople());
  std::string code(request.pathParam("code"));
  const Person* person = reader.index().person(code);
  // Whether someone the caller may not read exists is itself personal data: 404 alike.
  if (person == nullptr ||
      !reader.can(Action::read_people, {reader.organisation(), nullptr, nullptr, {}, code})) {
    return errorResponse(notFound(fmt::format("there is no person {} that you may read", code)));
  }
  return json(200, personJson(reader.index(), *person, reader.today()));
}

app::Result<Person> readNewPerson(const Request& request) {
  auto body = objectBody(request);
  if (!body) return body.error();
  std::vector<interchange::Problem> problems;
  Person person = interchange::readPersonObject(body.value(), "$", problems);
  if (!problems.empty()) return invalidBody(problems);
  return person;
}

//! The membership a body names for the person of the path: unit, role, valid_from and
//! valid_to, and the person again if the client likes, who must then be the same.
app::Result<Membership> readNewMembership(const Request& request, std::string_view person) {
  auto body = objectBody(request);
  if (!body) return body.error();
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(body.value(), "$", problems,
                                   {"person", "unit", "role", "valid_from", "valid_to"});
  Membership membership;
  membership.person = std::string(person);
  if (std::string named = in.optionalString("person"); !named.empty() && named != person) {
    in.report("person",
              fmt::format("the membership is added to {} (the path), not to {}", person, named));
  }
  membership.unit = in.requiredString("unit");
  membership.role = in.requiredEnum<domain::Role>("role");
  membership.valid_from = in.requiredDate("valid_from");
  membership.valid_to = in.optionalDate("valid_to");
  if (!problems.empty()) return invalidBody(problems);
  return membership;
}

struct MembershipEnd {
  Membership key;
  domain::Date ends_on;
};

app::Result<MembershipEnd> readMembershipEnd(const Request& request, std::string_view person) {
  auto body = objectBody(request);
  if (!body) return body.error();
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(body.value(), "$", problems,
                                   {"unit", "role", "valid_from", "valid_to"});
  MembershipEnd end;
  end.key.person = std::string(person);
  end.key.unit = in.requiredString("unit");
  end.key.role = in.requiredEnum<domain::Role>("role");
  end.key.valid_from = in.requiredDate("valid_from");
  end.ends_on = in.requiredDate("valid_to");
  if (!problems.empty()) return invalidBody(problems);
  return end;
}

//! A membership as written, with the names of its person and unit as they are now.
Response membershipResponse(const ApiContext& context, const app::Caller& caller, int status,
                            const Membership& membership) {
  auto snapshot = context.models->current(context.store(), caller.actor.organisation);
  Response response =
      json(status, membershipJson(snapshot->index(), membership, context.clock->today()));
  if (status == 201) {
    response.headers.set("Location", fmt::format("/api/v1/people/{}", membership.person));
  }
  return response;
}

// --- Accounts -----------------------------------------------------------------------------

nlohmann::json accountJson(const app::Account& account) {
  // Never the password's hash: it is of no use to anyone but an attacker.
  return {
      {"username", account.username},
      {"person", account.person.empty() ? nlohmann::json(nullptr) : nlohmann::json(account.person)},
      {"administrator", account.administrator},
      {"created_at", account.created_at}};
}

app::Result<app::NewAccount> readNewAccount(const Request& request) {
  auto body = objectBody(request);
  if (!body) return body.error();
  std::vector<interchange::Problem> problems;
  interchange::JsonObjectReader in(body.value(), "$", problems,
                                   {"username", "person", "administrator", "password"});
  app::NewAccount account;
  account.username = in.requiredString("username");
  account.person = in.optionalString("person");
  account.password = in.requiredString("password");
  if (const nlohmann::json* flag = in.optionalValue("administrator")) {
    if (flag->is_boolean()) {
      account.administrator = flag->get<bool>();
    } else {
      in.report("administrator", interchange::expectedMessage("true or false", *flag));
    }
  }
  if (!problems.empty()) return invalidBody(problems);
  return account;
}

Response listAccounts(const ApiContext& context, const Request& request) {
  auto view = openView(context, request);
  if (!view) return errorResponse(view.error());
  const View& reader = *view.value();
  if (auto refused = check(reader, Action::manage_accounts,
                           {reader.organisation(), nullptr, nullptr, {}, {}})) {
    return errorResponse(*refused);
  }
  auto paging = parsePaging(request);
  if (!paging) return errorResponse(paging.error());
  nlohmann::json all = nlohmann::json::array();
  for (const app::Account& account : context.store().accounts(reader.organisation())) {
    all.push_back(accountJson(account));
  }
  return json(200, pageOf(all, paging.value()));
}

}  // namespace

void addPeopleRoutes(Router& router, const ApiContext& context) {
  router.add("GET", "/api/v1/units",
             [&context](const Request& request) { return unitTree(context, request); });

  router.add("GET", "/api/v1/units/{code}",
             [&context](const Request& request) { return oneUnit(context, request); });

  router.add("GET", "/api/v1/people",
             [&context](const Request& request) { return listPeople(context, request); });

  router.add("POST", "/api/v1/people", [&context](const Request& request) {
    auto caller = identifyForChange(context, request);
    if (!caller) return errorResponse(caller.error());
    auto person = readNewPerson(request);
    if (!person) return errorResponse(person.error());
    auto added = app::addPerson(useCases(context), caller.value(), std::move(person).value());
    if (!added) return errorResponse(added.error());
    auto snapshot = context.models->current(context.store(), caller.value().actor.organisation);
    Response response =
        json(201, personJson(snapshot->index(), added.value(), context.clock->today()));
    response.headers.set("Location", fmt::format("/api/v1/people/{}", added.value().code));
    return response;
  });

  router.add("GET", "/api/v1/people/{code}",
             [&context](const Request& request) { return onePerson(context, request); });

  router.add("POST", "/api/v1/people/{code}/memberships", [&context](const Request& request) {
    auto caller = identifyForChange(context, request);
    if (!caller) return errorResponse(caller.error());
    auto membership = readNewMembership(request, request.pathParam("code"));
    if (!membership) return errorResponse(membership.error());
    auto added =
        app::addMembership(useCases(context), caller.value(), std::move(membership).value());
    if (!added) return errorResponse(added.error());
    return membershipResponse(context, caller.value(), 201, added.value());
  });

  router.add("POST", "/api/v1/people/{code}/memberships/end", [&context](const Request& request) {
    auto caller = identifyForChange(context, request);
    if (!caller) return errorResponse(caller.error());
    auto end = readMembershipEnd(request, request.pathParam("code"));
    if (!end) return errorResponse(end.error());
    auto ended =
        app::endMembership(useCases(context), caller.value(), end.value().key, end.value().ends_on);
    if (!ended) return errorResponse(ended.error());
    return membershipResponse(context, caller.value(), 200, ended.value());
  });

  router.add("GET", "/api/v1/accounts",
             [&context](const Request& request) { return listAccounts(context, request); });

  router.add("POST", "/api/v1/accounts", [&context](const Request& request) {
    auto caller = identifyForChange(context, request);
    if (!caller) return errorResponse(caller.error());
    auto account = readNewAccount(request);
    if (!account) return errorResponse(account.error());
    auto created =
        app::createAccount(useCases(context), caller.value(), std::move(account).value());
    if (!created) return errorResponse(created.error());
    return json(201, accountJson(created.value()));
  });
}

}  // namespace styr::http
